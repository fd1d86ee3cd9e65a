//! Reading report files and writing them into the tantivy index.

pub mod schema;
