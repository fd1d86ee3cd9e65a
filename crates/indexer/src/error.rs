//! The indexer's error type: failures that stop a run (index directory, lock, schema version).
//! Problems with single input files are not errors: they are [`crate::Problem`]s, counted and
//! reported while the run goes on.

use std::path::PathBuf;

/// What can stop an indexing run or the opening of an index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("another `sahel index` is writing to {dir} (its lock is held); wait for it to finish, or if no indexer is running remove {dir}/.tantivy-writer.lock")]
    IndexLocked { dir: PathBuf },
    #[error("the index in {dir} was built with schema version {found}, this program uses version {expected}: re-index (delete {dir} or run `sahel index --rebuild ...`)")]
    SchemaVersion {
        dir: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("{dir} holds a tantivy index without a readable {file} (not built by sahel, or by an older version): re-index (delete {dir} or run `sahel index --rebuild ...`)")]
    NotSahelIndex { dir: PathBuf, file: &'static str },
    #[error("no index in {dir}: build one with `sahel index PATH... --index {dir}`")]
    NoIndex { dir: PathBuf },
    #[error("refusing to rebuild {dir}: it is not empty and holds no sahel index")]
    RefuseRebuild { dir: PathBuf },
    #[error("the index in {dir} was built with gazetteer files {indexed:?}, this run uses {requested:?}: run with the same --gazetteer files, or rebuild with `--rebuild`")]
    GazetteerMismatch {
        dir: PathBuf,
        indexed: Vec<String>,
        requested: Vec<String>,
    },
    #[error("input path {path} does not exist")]
    MissingInput { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("index metadata {path}: {source}")]
    Meta {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("gazetteer: {0}")]
    Gazetteer(String),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// The indexer's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
