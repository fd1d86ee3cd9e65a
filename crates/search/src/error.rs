//! The errors of the search crate.

use crate::api::RequestError;

/// What can go wrong while searching.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The request itself is wrong (a client error: HTTP 400).
    #[error(transparent)]
    Request(#[from] RequestError),
    /// No document with this id (HTTP 404).
    #[error("no document with id `{0}`")]
    DocNotFound(String),
    /// The index could not be opened or read.
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index could not be opened (missing, another schema version, …).
    #[error(transparent)]
    Open(#[from] sahel_indexer::Error),
    /// The index lacks a field the searcher needs (built with another schema).
    #[error("index has no field `{0}`: re-index with this version of sahel")]
    MissingField(String),
    /// An answer could not be written as JSON.
    #[error("cannot write the answer as JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// A file of the index could not be read.
    #[error("cannot read index at {path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Result of the search crate.
pub type Result<T> = std::result::Result<T, SearchError>;
