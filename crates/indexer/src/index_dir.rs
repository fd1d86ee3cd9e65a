//! The index directory: creating it, checking its schema version, opening it for writing (with
//! tantivy's writer lock) or for searching.
//!
//! Next to tantivy's files the directory holds `sahel-index.json` ([`IndexInfo`]): the schema
//! version and the gazetteer files whose names were protected from stemming when the index was
//! built. An index of another schema version, or a tantivy index without that file, is refused with
//! a message that says to re-index.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::indexer::LogMergePolicy;
use tantivy::schema::Document;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument, TantivyError};

use crate::analysis::Analysis;
use crate::schema::{build_schema, Fields, SCHEMA_VERSION};
use crate::{Error, Result};

/// The file, inside the index directory, that records how the index was built.
pub const INDEX_INFO_FILE: &str = "sahel-index.json";

/// What `sahel-index.json` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    pub schema_version: u32,
    /// Version of the program that created the index.
    pub created_by: String,
    /// GeoNames files (`--gazetteer`) loaded when the index was built: their names are protected
    /// words of the analyzers, so the searcher must load the same ones.
    #[serde(default)]
    pub gazetteers: Vec<String>,
    /// The extraction rules' fingerprint ([`sahel_facets::RULES_FINGERPRINT`]) the facets were
    /// extracted under (empty for an index built before it was recorded).
    #[serde(default)]
    pub extraction: String,
}

impl IndexInfo {
    fn current(gazetteers: &[PathBuf]) -> IndexInfo {
        IndexInfo {
            schema_version: SCHEMA_VERSION,
            created_by: format!("sahel-indexer {}", env!("CARGO_PKG_VERSION")),
            gazetteers: gazetteer_names(gazetteers),
            extraction: sahel_facets::RULES_FINGERPRINT.to_string(),
        }
    }
}

fn gazetteer_names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// An index opened for searching: analyzers registered, fields resolved.
pub struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    pub info: IndexInfo,
    /// The analysis (language detector, extractor, protected words) the index was built with; the
    /// searcher analyses queries with the same analyzers through `index.tokenizers()`.
    pub analysis: Arc<Analysis>,
}

/// Opens an existing index for searching. Refuses an index of another schema version.
pub fn open_for_search(dir: &Path) -> Result<OpenIndex> {
    if !dir.join("meta.json").exists() {
        return Err(Error::NoIndex {
            dir: dir.to_path_buf(),
        });
    }
    let info = read_info(dir)?;
    let gazetteers: Vec<PathBuf> = info.gazetteers.iter().map(PathBuf::from).collect();
    let analysis = Arc::new(Analysis::load(&gazetteers)?);
    let index = Index::open_in_dir(dir)?;
    analysis.register_analyzers(index.tokenizers());
    let fields = Fields::from_schema(&index.schema()).ok_or_else(|| Error::SchemaVersion {
        dir: dir.to_path_buf(),
        found: info.schema_version,
        expected: SCHEMA_VERSION,
    })?;
    Ok(OpenIndex {
        index,
        fields,
        info,
        analysis,
    })
}

fn read_info(dir: &Path) -> Result<IndexInfo> {
    let path = dir.join(INDEX_INFO_FILE);
    let text = std::fs::read_to_string(&path).map_err(|_| Error::NotSahelIndex {
        dir: dir.to_path_buf(),
        file: INDEX_INFO_FILE,
    })?;
    #[derive(Deserialize)]
    struct VersionOnly {
        schema_version: u32,
    }
    let version: VersionOnly = serde_json::from_str(&text).map_err(|_| Error::NotSahelIndex {
        dir: dir.to_path_buf(),
        file: INDEX_INFO_FILE,
    })?;
    if version.schema_version != SCHEMA_VERSION {
        return Err(Error::SchemaVersion {
            dir: dir.to_path_buf(),
            found: version.schema_version,
            expected: SCHEMA_VERSION,
        });
    }
    serde_json::from_str(&text).map_err(|source| Error::Meta { path, source })
}

fn write_info(dir: &Path, info: &IndexInfo) -> Result<()> {
    let path = dir.join(INDEX_INFO_FILE);
    let tmp = dir.join(format!("{INDEX_INFO_FILE}.tmp"));
    let text = serde_json::to_string_pretty(info).map_err(|source| Error::Meta {
        path: path.clone(),
        source,
    })?;
    std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
}

/// How to open the index for writing.
#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// Delete the existing index (only if it is one) and start afresh.
    pub rebuild: bool,
    /// GeoNames files; empty = reuse those the index was built with.
    pub gazetteers: Vec<PathBuf>,
    /// Indexing threads of the tantivy writer.
    pub threads: usize,
    /// Total memory budget of the tantivy writer, bytes.
    pub memory_budget: usize,
}

/// Documents given to the tantivy writer and not yet indexed, at most: tantivy's own queue takes
/// up to 10,000, which, with the three copies of each text a document carries (stored, French or
/// English, exact), would be tens of MB waiting.
pub const MAX_QUEUED_DOCS: usize = 1_000;

/// Segments of up to this many documents are merged (see [`MIN_SEGMENTS_MERGED`]). Larger
/// ones are left as they are: a merge reads its segments through memory maps, which count as
/// resident memory while they are read, and merging ever larger segments would make a large
/// run's memory grow with the index (a 1,000,000-document index ends in about ten segments).
pub const MAX_DOCS_MERGED: usize = 30_000;

/// Segments are merged four (or more) of a size at a time: a run commits every 25,000 documents,
/// so 100,000 documents end in one segment.
pub const MIN_SEGMENTS_MERGED: usize = 4;

/// The tantivy writer's queue as the pipeline sees it: how many documents wait in it.
#[derive(Clone, Default)]
pub struct DocQueue {
    waiting: Arc<(Mutex<usize>, Condvar)>,
}

impl DocQueue {
    /// `doc`, holding a place in the queue until tantivy has indexed (and dropped) it; waits while
    /// [`MAX_QUEUED_DOCS`] are queued (at most a minute: indexing threads that died let the
    /// writer go on, to fail at the commit).
    pub fn enqueue(&self, doc: TantivyDocument) -> QueuedDoc {
        let (count, freed) = &*self.waiting;
        let mut waiting = count.lock().unwrap_or_else(|e| e.into_inner());
        let started = Instant::now();
        while *waiting >= MAX_QUEUED_DOCS && started.elapsed() < Duration::from_secs(60) {
            waiting = freed
                .wait_timeout(waiting, Duration::from_millis(100))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *waiting += 1;
        QueuedDoc {
            doc,
            _place: Place(Arc::clone(&self.waiting)),
        }
    }
}

/// A place in the [`DocQueue`], given back when dropped.
struct Place(Arc<(Mutex<usize>, Condvar)>);

impl Drop for Place {
    fn drop(&mut self) {
        let (count, freed) = &*self.0;
        let mut waiting = count.lock().unwrap_or_else(|e| e.into_inner());
        *waiting = waiting.saturating_sub(1);
        freed.notify_one();
    }
}

/// A document on its way through the tantivy writer (see [`DocQueue`]); indexed as the document it
/// holds.
pub struct QueuedDoc {
    doc: TantivyDocument,
    _place: Place,
}

impl Document for QueuedDoc {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// An index opened for writing: holds the writer lock until dropped.
pub struct WritableIndex {
    pub index: Index,
    pub fields: Fields,
    pub info: IndexInfo,
    pub writer: IndexWriter<QueuedDoc>,
    /// Documents go through it to the writer.
    pub queue: DocQueue,
    pub analysis: Arc<Analysis>,
    /// True when the index was created by this call.
    pub created: bool,
}

impl WritableIndex {
    /// Whether its facets were extracted under other rules: every file is to be read again.
    pub fn rules_changed(&self) -> bool {
        self.info.extraction != sahel_facets::RULES_FINGERPRINT
    }

    /// Records that the index's facets are now those of the current rules (once every file has
    /// been read again and committed).
    pub fn record_current_rules(&mut self, dir: &Path) -> Result<()> {
        if self.rules_changed() {
            self.info.extraction = sahel_facets::RULES_FINGERPRINT.to_string();
            write_info(dir, &self.info)?;
        }
        Ok(())
    }
}

fn looks_like_index(dir: &Path) -> bool {
    dir.join("meta.json").exists() || dir.join(INDEX_INFO_FILE).exists()
}

fn dir_is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).map_or(true, |mut entries| entries.next().is_none())
}

/// Opens (or creates) the index in `dir` and takes the writer lock.
pub fn open_for_writing(dir: &Path, options: &WriterOptions) -> Result<WritableIndex> {
    if options.rebuild && dir.exists() && !dir_is_empty(dir) {
        if !looks_like_index(dir) {
            return Err(Error::RefuseRebuild {
                dir: dir.to_path_buf(),
            });
        }
        // Take the lock first, so a rebuild never pulls the index from under a running indexer.
        if let Ok(index) = Index::open_in_dir(dir) {
            let writer = index
                .writer_with_num_threads::<TantivyDocument>(1, 15_000_000)
                .map_err(|e| map_lock_error(e, dir))?;
            drop(writer);
        }
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;

    let created;
    let info;
    let index = if dir.join("meta.json").exists() {
        info = read_info(dir)?;
        let requested = gazetteer_names(&options.gazetteers);
        if !requested.is_empty() && requested != info.gazetteers {
            return Err(Error::GazetteerMismatch {
                dir: dir.to_path_buf(),
                indexed: info.gazetteers.clone(),
                requested,
            });
        }
        created = false;
        Index::open_in_dir(dir)?
    } else {
        let resumable = dir.join(INDEX_INFO_FILE).exists() && only_index_files(dir);
        if !dir_is_empty(dir) && !resumable {
            return Err(Error::RefuseRebuild {
                dir: dir.to_path_buf(),
            });
        }
        info = IndexInfo::current(&options.gazetteers);
        created = true;
        // The info file first: a run killed right after leaves a directory the next run accepts.
        write_info(dir, &info)?;
        let (schema, _) = build_schema();
        Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_dir(dir)?
    };
    let gazetteers: Vec<PathBuf> = info.gazetteers.iter().map(PathBuf::from).collect();
    let analysis = Arc::new(Analysis::load(&gazetteers)?);
    analysis.register_analyzers(index.tokenizers());
    let fields = Fields::from_schema(&index.schema()).ok_or_else(|| Error::SchemaVersion {
        dir: dir.to_path_buf(),
        found: info.schema_version,
        expected: SCHEMA_VERSION,
    })?;
    let writer: IndexWriter<QueuedDoc> = index
        .writer_with_num_threads(options.threads.max(1), options.memory_budget)
        .map_err(|e| map_lock_error(e, dir))?;
    let mut merges = LogMergePolicy::default();
    merges.set_max_docs_before_merge(MAX_DOCS_MERGED);
    merges.set_min_num_segments(MIN_SEGMENTS_MERGED);
    writer.set_merge_policy(Box::new(merges));
    Ok(WritableIndex {
        index,
        fields,
        info,
        writer,
        queue: DocQueue::default(),
        analysis,
        created,
    })
}

/// Settings of a new index: the document store (stored text, for snippets and the reading view) is
/// compressed with zstd in 32 KB blocks. On the benchmark corpus's text zstd level 3 keeps 45% of
/// the bytes in 32 KB blocks (43% in 64 KB, 47% in 16 KB), where tantivy's default lz4 keeps about
/// two thirds; a hit read from the store decompresses its whole block (about 50 µs at 32 KB), so
/// larger blocks would slow every page of results.
pub fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    }
}

/// zstd level of the document store (3 is zstd's default: fast to write, good ratio).
const DOCSTORE_ZSTD_LEVEL: i32 = 3;
/// Uncompressed bytes per document-store block.
const DOCSTORE_BLOCK_BYTES: usize = 32 * 1024;

/// A directory holding only what a crashed first run can leave: the info file and lock files.
fn only_index_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().all(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name == INDEX_INFO_FILE || name.ends_with(".lock")
        })
    })
}

fn map_lock_error(err: TantivyError, dir: &Path) -> Error {
    match err {
        TantivyError::LockFailure(LockError::LockBusy, _) => Error::IndexLocked {
            dir: dir.to_path_buf(),
        },
        other => Error::Tantivy(other),
    }
}
