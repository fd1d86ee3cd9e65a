//! The error type of sahel-text (only the evaluation readers can fail: analysis itself is total).

use std::path::PathBuf;

/// What can go wrong while reading reference data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A CSV/TSV file could not be parsed.
    #[error("cannot parse {path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    /// A file was read but does not have the expected shape.
    #[error("unexpected content in {path}: {message}")]
    Data { path: PathBuf, message: String },
}

/// Result type of sahel-text.
pub type Result<T> = std::result::Result<T, Error>;
