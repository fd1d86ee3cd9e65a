//! Reading report files and writing them into the tantivy index.
//!
//! The flow: [`walk`] finds the files, [`readers`] turn each format into [`record::SourceRecord`]s
//! (after [`decode`] picked the encoding and [`cleanup`] removed page furniture), [`analysis`] adds
//! language and facets, [`document`] builds the tantivy document of [`schema`], and [`pipeline`]
//! runs it all on every core with one writer, incrementally and atomically.
//!
//! ```
//! let record = sahel_indexer::readers::text::read_plain(
//!     "il y a 2 jours\n2 min de lecture\nAttaque à Léré\n\nLes FAMa ont riposté.\nPartager\n",
//! );
//! assert_eq!(record.title, "Attaque à Léré");
//! assert_eq!(record.body, "Les FAMa ont riposté.");
//! ```

pub mod analysis;
pub mod cleanup;
pub mod columns;
pub mod decode;
pub mod document;
mod error;
pub mod existing;
pub mod index_dir;
pub mod pipeline;
pub mod problem;
pub mod readers;
pub mod record;
pub mod schema;
pub mod space;
pub mod stream;
pub mod walk;

pub use error::{Error, Result};
pub use index_dir::{open_for_search, IndexInfo, OpenIndex, INDEX_INFO_FILE};
pub use pipeline::{run_index, IndexOptions, NoProgress, Progress, RunSummary};
pub use problem::{Problem, SkipReason, Warning, WarningKind};
