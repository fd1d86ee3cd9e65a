//! An indexing run: walk the inputs, read and analyse files on all cores, write them through the
//! single tantivy writer in a reproducible order, commit atomically, prune, and count everything.
//!
//! Workers (a rayon pool) read, hash, parse and analyse one chunk of files at a time; the calling
//! thread receives the chunks in walk order and alone decides ids, duplicates, deletions and
//! commits, so two runs over the same input give the same index. Incremental rules:
//! - a file whose bytes hash (blake3) to the `source_hash` its documents were indexed with is
//!   unchanged: not parsed, not analysed;
//! - a changed file's documents are deleted (by `source_path`) and its records added again; a
//!   record id that already exists elsewhere is replaced (delete by `id` + add);
//! - a record whose content equals an existing document's is added as a duplicate of it;
//! - `--prune` deletes the documents of files under the given directories that no longer exist.
//!
//! Commits happen every `commit_every` documents and at the end; each is atomic, and documents of
//! a committed batch are found unchanged by the next run, so a killed run loses nothing committed
//! and leaves no duplicates.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use tantivy::schema::OwnedValue;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::analysis::Analysis;
use crate::columns::{ColumnValues, DocColumns};
use crate::document::{
    add_analysed_text, add_dates, add_facet_values, build_document, content_hash, find_id,
    short_hash, Identity,
};
use crate::existing::ExistingState;
use crate::index_dir::{open_for_writing, WriterOptions};
use crate::problem::{Problem, SkipReason, Warning, WarningKind};
use crate::readers::parse_file;
use crate::schema::Fields;
use crate::walk::{walk_inputs, InputFile};
use crate::{Error, Result};

/// Files larger than this are skipped without being read (override with `max_file_size`).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;
/// Documents between two commits.
pub const DEFAULT_COMMIT_EVERY: usize = 25_000;
/// Memory budget of the tantivy writer, all threads together.
pub const DEFAULT_WRITER_MEMORY: usize = 256 * 1024 * 1024;

/// Bytes of input handed to the workers at a time (bounds memory, keeps all cores busy).
const CHUNK_BYTES: u64 = 4 * 1024 * 1024;
const CHUNK_FILES: usize = 64;

/// What to index, where, and how.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub inputs: Vec<PathBuf>,
    pub index_dir: PathBuf,
    pub prune: bool,
    pub rebuild: bool,
    pub max_file_size: u64,
    /// Worker threads for reading and analysis, and tantivy indexing threads; 0 = all cores.
    pub threads: usize,
    pub writer_memory: usize,
    pub commit_every: usize,
    /// GeoNames files extending the gazetteer; empty = those the index was built with.
    pub gazetteers: Vec<PathBuf>,
}

impl IndexOptions {
    /// Defaults for the given inputs and index directory.
    pub fn new(inputs: Vec<PathBuf>, index_dir: PathBuf) -> IndexOptions {
        IndexOptions {
            inputs,
            index_dir,
            prune: false,
            rebuild: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            threads: 0,
            writer_memory: DEFAULT_WRITER_MEMORY,
            commit_every: DEFAULT_COMMIT_EVERY,
            gazetteers: Vec::new(),
        }
    }
}

/// Receives progress while a run goes on (a progress bar, log lines, nothing).
pub trait Progress: Sync {
    /// The walk is done: this many files and bytes will be looked at.
    fn start(&self, _files: u64, _bytes: u64) {}
    /// One file was handled (indexed, unchanged or skipped).
    fn file_done(&self, _path: &Path, _bytes: u64) {}
    /// A file or a record was skipped.
    fn problem(&self, _problem: &Problem) {}
    /// A file or a record was indexed, but not all of it as written.
    fn warning(&self, _warning: &Warning) {}
    /// A commit made `docs` documents (of this run) durable.
    fn committed(&self, _docs: u64) {}
}

/// Progress that goes nowhere.
pub struct NoProgress;
impl Progress for NoProgress {}

/// Counts of a run.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub files_seen: u64,
    /// Files with at least one document added or updated.
    pub files_indexed: u64,
    pub files_unchanged: u64,
    pub files_skipped: u64,
    pub docs_added: u64,
    pub docs_updated: u64,
    pub docs_unchanged: u64,
    /// Documents recorded as copies of an earlier one (added with `duplicate_of`).
    pub duplicates: u64,
    pub records_skipped: u64,
    pub docs_pruned: u64,
    /// Bytes of the files read.
    pub bytes: u64,
    pub seconds: f64,
    pub commits: u64,
    /// Every skipped file or record, with its reason.
    pub problems: Vec<Problem>,
    /// Everything indexed but not as written (bad bytes, unreadable dates).
    pub warnings: Vec<Warning>,
    /// Documents in the index after the run (duplicates included).
    pub docs_in_index: u64,
}

impl RunSummary {
    /// Input throughput, MB (10^6 bytes) per second.
    pub fn mb_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }

    /// True when nothing was skipped.
    pub fn is_complete(&self) -> bool {
        self.problems.is_empty()
    }

    /// Skip reasons with their counts, most frequent first.
    pub fn problems_by_kind(&self) -> Vec<(&'static str, usize)> {
        let mut counts: HashMap<&'static str, usize> = HashMap::new();
        for p in &self.problems {
            *counts.entry(p.reason.kind()).or_default() += 1;
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
    }
}

/// A record ready to be written.
struct PreparedDoc {
    identity: Identity,
    doc: TantivyDocument,
}

enum FileOutcome {
    Unchanged,
    Parsed {
        docs: Vec<PreparedDoc>,
        bad_records: Vec<(usize, SkipReason)>,
        warnings: Vec<(Option<usize>, WarningKind)>,
        bytes: u64,
    },
    Skipped(SkipReason, u64),
}

/// Runs `sahel index`.
pub fn run_index(options: &IndexOptions, progress: &dyn Progress) -> Result<RunSummary> {
    let started = Instant::now();
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        options.threads
    };
    // Inputs are checked before the index is touched: a typo must not create an empty index.
    for input in &options.inputs {
        if std::fs::metadata(input).is_err() {
            return Err(Error::MissingInput {
                path: input.clone(),
            });
        }
    }
    let mut target = open_for_writing(
        &options.index_dir,
        &WriterOptions {
            rebuild: options.rebuild,
            gazetteers: options.gazetteers.clone(),
            threads,
            memory_budget: options.writer_memory.max(15_000_000 * threads),
        },
    )?;
    let initial_reader = target.index.reader()?;
    let initial = initial_reader.searcher();
    let mut existing = ExistingState::load(&target.index)?;
    let walk = walk_inputs(&options.inputs, &options.index_dir)?;

    let mut summary = RunSummary::default();
    for problem in walk.problems {
        progress.problem(&problem);
        summary.files_seen += 1;
        summary.files_skipped += 1;
        summary.problems.push(problem);
    }
    let total_bytes: u64 = walk.files.iter().map(|f| f.size).sum();
    progress.start(walk.files.len() as u64 + summary.files_seen, total_bytes);

    let known_hashes: HashMap<String, String> = existing
        .by_source
        .iter()
        .filter(|(_, (_, ids))| !ids.is_empty())
        .map(|(path, (hash, _))| (path.clone(), hash.clone()))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Io {
            path: options.index_dir.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
    let chunks = chunk_files(&walk.files);
    let fields = target.fields.clone();
    let analysis = std::sync::Arc::clone(&target.analysis);

    let mut writer_state = WriterState {
        fields: &fields,
        run_ids: HashSet::new(),
        run_canonical: HashMap::new(),
        orphaned_hashes: HashSet::new(),
        ops_since_commit: 0,
        ops_total: 0,
    };
    let outcome: Result<()> = std::thread::scope(|scope| {
        let (sender, receiver) = crossbeam_channel::bounded::<Vec<FileOutcome>>(2);
        let files = &walk.files;
        let known = &known_hashes;
        let analysis = &analysis;
        let fields = &fields;
        let max = options.max_file_size;
        scope.spawn(move || {
            for range in chunks {
                let outcomes: Vec<FileOutcome> = pool.install(|| {
                    files[range]
                        .par_iter()
                        .map(|file| process_file(file, max, known, analysis, fields))
                        .collect()
                });
                if sender.send(outcomes).is_err() {
                    break;
                }
            }
        });
        let mut next = 0usize;
        for outcomes in receiver.iter() {
            for outcome in outcomes {
                let file = &walk.files[next];
                next += 1;
                summary.files_seen += 1;
                let bytes = match &outcome {
                    FileOutcome::Parsed { bytes, .. } => *bytes,
                    FileOutcome::Skipped(_, bytes) => *bytes,
                    FileOutcome::Unchanged => file.size,
                };
                summary.bytes += bytes;
                writer_state.apply(
                    file,
                    outcome,
                    &mut target.writer,
                    &mut existing,
                    &mut summary,
                    progress,
                );
                progress.file_done(&file.path, file.size);
            }
            if writer_state.ops_since_commit >= options.commit_every {
                target.writer.commit()?;
                summary.commits += 1;
                writer_state.ops_since_commit = 0;
                progress.committed(summary.docs_added + summary.docs_updated);
            }
        }
        Ok(())
    });
    outcome?;

    if options.prune {
        prune_missing(
            &walk.root_dirs,
            &walk.root_files,
            &fields,
            &mut target.writer,
            &mut existing,
            &mut writer_state,
            &mut summary,
        );
    }
    writer_state.promote_orphaned_duplicates(&initial, &existing, &mut target.writer)?;

    if writer_state.ops_total > 0 {
        target.writer.commit()?;
        summary.commits += 1;
        progress.committed(summary.docs_added + summary.docs_updated);
    }
    target.writer.wait_merging_threads()?;
    let reader = target.index.reader()?;
    summary.docs_in_index = reader.searcher().num_docs();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Splits the file list into consecutive ranges of bounded size.
fn chunk_files(files: &[InputFile]) -> Vec<std::ops::Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut bytes = 0u64;
    for (i, file) in files.iter().enumerate() {
        bytes += file.size;
        if bytes >= CHUNK_BYTES || i + 1 - start >= CHUNK_FILES {
            chunks.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < files.len() {
        chunks.push(start..files.len());
    }
    chunks
}

/// Reads at most `max + 1` bytes, so a file that grew past the limit is never read whole.
fn read_bounded(path: &Path, max: u64) -> std::result::Result<Vec<u8>, SkipReason> {
    let file = std::fs::File::open(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > max {
        return Err(SkipReason::TooLarge {
            size: bytes.len() as u64,
            limit: max,
        });
    }
    Ok(bytes)
}

/// Worker side: read, hash, parse, analyse one file.
fn process_file(
    file: &InputFile,
    max: u64,
    known: &HashMap<String, String>,
    analysis: &Analysis,
    fields: &Fields,
) -> FileOutcome {
    if file.size > max {
        return FileOutcome::Skipped(
            SkipReason::TooLarge {
                size: file.size,
                limit: max,
            },
            0,
        );
    }
    let bytes = match read_bounded(&file.path, max) {
        Ok(bytes) => bytes,
        Err(reason) => return FileOutcome::Skipped(reason, 0),
    };
    let len = bytes.len() as u64;
    if bytes.is_empty() {
        return FileOutcome::Skipped(SkipReason::Empty, 0);
    }
    let source_hash = short_hash(blake3::hash(&bytes));
    if known.get(&file.source_path) == Some(&source_hash) {
        return FileOutcome::Unchanged;
    }
    let parsed = match parse_file(file.format, &bytes) {
        Ok(parsed) => parsed,
        Err(reason) => return FileOutcome::Skipped(reason, len),
    };
    drop(bytes);
    let single = parsed.records.len() == 1 && parsed.bad_records.is_empty();
    let build = |record: &crate::record::SourceRecord| {
        let id = match (&record.id, record.position) {
            (Some(id), _) => id.clone(),
            (None, Some(pos)) if !single => format!("{}#{}", file.relative_id, pos),
            _ => file.relative_id.clone(),
        };
        let identity = Identity {
            id,
            source_path: file.source_path.clone(),
            source_hash: source_hash.clone(),
            content_hash: content_hash(&record.body),
        };
        let analysed = analysis.analyse(&identity.id, record);
        let doc = build_document(fields, &identity, record, &analysed);
        PreparedDoc { identity, doc }
    };
    let docs: Vec<PreparedDoc> = if parsed.records.len() > 8 {
        parsed.records.par_iter().map(build).collect()
    } else {
        parsed.records.iter().map(build).collect()
    };
    FileOutcome::Parsed {
        docs,
        warnings: parsed.all_warnings(),
        bad_records: parsed.bad_records,
        bytes: len,
    }
}

/// Writer side: the sequential decisions of a run.
struct WriterState<'a> {
    fields: &'a Fields,
    /// Ids produced (or kept unchanged) in this run.
    run_ids: HashSet<String>,
    /// content hash → canonical id, for documents added in this run.
    run_canonical: HashMap<String, String>,
    /// Content hashes whose canonical document was deleted in this run.
    orphaned_hashes: HashSet<String>,
    ops_since_commit: usize,
    ops_total: usize,
}

impl WriterState<'_> {
    fn delete_id(
        &mut self,
        id: &str,
        writer: &mut tantivy::IndexWriter<TantivyDocument>,
        existing: &mut ExistingState,
    ) {
        writer.delete_term(Term::from_field_text(self.fields.id, id));
        if let Some(old) = existing.remove_id(id) {
            if !old.is_duplicate {
                self.orphaned_hashes.insert(old.content_hash);
            }
        }
        self.ops_since_commit += 1;
        self.ops_total += 1;
    }

    fn apply(
        &mut self,
        file: &InputFile,
        outcome: FileOutcome,
        writer: &mut tantivy::IndexWriter<TantivyDocument>,
        existing: &mut ExistingState,
        summary: &mut RunSummary,
        progress: &dyn Progress,
    ) {
        let report = |summary: &mut RunSummary, line: Option<usize>, reason: SkipReason| {
            let problem = Problem {
                path: file.path.clone(),
                line,
                reason,
            };
            progress.problem(&problem);
            summary.problems.push(problem);
        };
        match outcome {
            FileOutcome::Unchanged => {
                summary.files_unchanged += 1;
                if let Some((_, ids)) = existing.by_source.get(&file.source_path) {
                    summary.docs_unchanged += ids.len() as u64;
                    self.run_ids.extend(ids.iter().cloned());
                }
            }
            FileOutcome::Skipped(reason, _) => {
                summary.files_skipped += 1;
                report(summary, None, reason);
            }
            FileOutcome::Parsed {
                docs,
                bad_records,
                warnings,
                ..
            } => {
                for (line, kind) in warnings {
                    let warning = Warning {
                        path: file.path.clone(),
                        line,
                        kind,
                    };
                    progress.warning(&warning);
                    summary.warnings.push(warning);
                }
                for (line, reason) in bad_records {
                    summary.records_skipped += 1;
                    report(summary, Some(line), reason);
                }
                let old_ids: HashSet<String> = existing
                    .by_source
                    .get(&file.source_path)
                    .map(|(_, ids)| ids.iter().cloned().collect())
                    .unwrap_or_default();
                if !old_ids.is_empty() {
                    writer.delete_term(Term::from_field_text(
                        self.fields.source_path,
                        &file.source_path,
                    ));
                    for id in &old_ids {
                        if let Some(old) = existing.remove_id(id) {
                            if !old.is_duplicate {
                                self.orphaned_hashes.insert(old.content_hash);
                            }
                        }
                    }
                    existing.by_source.remove(&file.source_path);
                }
                let mut wrote = false;
                for PreparedDoc { identity, mut doc } in docs {
                    if !self.run_ids.insert(identity.id.clone()) {
                        summary.records_skipped += 1;
                        report(summary, None, SkipReason::DuplicateId(identity.id));
                        continue;
                    }
                    let mut replaced = old_ids.contains(&identity.id);
                    if existing.by_id.contains_key(&identity.id) {
                        // The id was indexed from another file: this record replaces it.
                        self.delete_id(&identity.id, writer, existing);
                        replaced = true;
                    }
                    let canonical = self
                        .run_canonical
                        .get(&identity.content_hash)
                        .or_else(|| existing.canonical.get(&identity.content_hash))
                        .filter(|c| **c != identity.id)
                        .cloned();
                    match canonical {
                        Some(canonical) => {
                            doc = without_text(self.fields, &doc);
                            doc.add_text(self.fields.duplicate_of, &canonical);
                            doc.add_u64(self.fields.is_duplicate, 1);
                            summary.duplicates += 1;
                        }
                        None => {
                            doc.add_u64(self.fields.is_duplicate, 0);
                            self.orphaned_hashes.remove(&identity.content_hash);
                            self.run_canonical
                                .insert(identity.content_hash.clone(), identity.id.clone());
                        }
                    }
                    if replaced {
                        summary.docs_updated += 1;
                    } else {
                        summary.docs_added += 1;
                    }
                    // add_document only fails when the indexing threads died; the commit reports it.
                    let _ = writer.add_document(doc);
                    wrote = true;
                    self.ops_since_commit += 1;
                    self.ops_total += 1;
                }
                if wrote {
                    summary.files_indexed += 1;
                } else if !old_ids.is_empty() {
                    self.ops_total += 1;
                }
            }
        }
    }

    /// Duplicates whose canonical document was deleted or changed: the first of them (smallest id)
    /// becomes canonical, the others point to it. They are rebuilt from their stored fields.
    fn promote_orphaned_duplicates(
        &mut self,
        initial: &Searcher,
        existing: &ExistingState,
        writer: &mut tantivy::IndexWriter<TantivyDocument>,
    ) -> Result<()> {
        let orphaned: Vec<String> = self
            .orphaned_hashes
            .iter()
            .filter(|h| {
                !self.run_canonical.contains_key(*h) && !existing.canonical.contains_key(*h)
            })
            .cloned()
            .collect();
        for hash in orphaned {
            let mut copies: Vec<&String> = existing
                .by_id
                .iter()
                .filter(|(id, doc)| {
                    doc.is_duplicate && doc.content_hash == hash && !self.run_ids_changed(id)
                })
                .map(|(id, _)| id)
                .collect();
            if copies.is_empty() {
                continue;
            }
            copies.sort();
            let new_canonical = copies[0].clone();
            for id in copies {
                let Some(address) = find_id(initial, self.fields.id, id)? else {
                    continue;
                };
                let stored: TantivyDocument = initial.doc(address)?;
                let values = DocColumns::open(initial.segment_reader(address.segment_ord))?
                    .values(address.doc_id);
                // A duplicate keeps no text: its old canonical document, still in the index
                // this run started from, has the same words.
                let canonical_address =
                    match (&values.duplicate_of, stored.get_first(self.fields.body)) {
                        (Some(old_canonical), None) => {
                            find_id(initial, self.fields.id, old_canonical)?
                        }
                        _ => None,
                    };
                let body = match canonical_address {
                    Some(address) => {
                        first_text(&initial.doc::<TantivyDocument>(address)?, self.fields.body)
                    }
                    None => None,
                };
                let duplicate_of = (*id != new_canonical).then_some(new_canonical.as_str());
                let source_hash = existing
                    .by_id
                    .get(id.as_str())
                    .and_then(|doc| existing.by_source.get(&doc.source_path))
                    .map_or("", |(source_hash, _)| source_hash.as_str());
                let hashes = Hashes {
                    source: source_hash,
                    content: &hash,
                };
                let doc = rebuild(self.fields, &stored, &values, body, hashes, duplicate_of);
                writer.delete_term(Term::from_field_text(self.fields.id, id));
                let _ = writer.add_document(doc);
                self.ops_total += 1;
            }
        }
        Ok(())
    }

    fn run_ids_changed(&self, _id: &str) -> bool {
        false
    }
}

/// The hashes of a document (fast fields only, not stored).
struct Hashes<'a> {
    source: &'a str,
    content: &'a str,
}

/// A duplicate as written: its identity, title, metadata and facets, without its text (stored
/// body and analysed fields). The canonical document holds the same words, searched and shown
/// once; a duplicate promoted to canonical takes them back from it.
fn without_text(fields: &Fields, doc: &TantivyDocument) -> TantivyDocument {
    let text = [
        fields.body,
        fields.body_fr,
        fields.body_en,
        fields.body_exact,
        fields.title_fr,
        fields.title_en,
        fields.title_exact,
    ];
    let mut kept = TantivyDocument::new();
    for (field, value) in doc.field_values() {
        if !text.contains(&field) {
            let owned: OwnedValue = value.into();
            kept.add_field_value(field, &owned);
        }
    }
    kept
}

/// A document rebuilt from its stored fields and its columns (all but the analysed copies,
/// `sort_date` and the hashes are one or the other), with a new `duplicate_of`. `body` replaces
/// a stored body that a duplicate does not have.
fn rebuild(
    fields: &Fields,
    stored: &TantivyDocument,
    values: &ColumnValues,
    body: Option<String>,
    hashes: Hashes<'_>,
    duplicate_of: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &values.id);
    doc.add_text(fields.source_path, &values.source_path);
    if let Some(source) = &values.source_name {
        doc.add_text(fields.source_name, source);
    }
    doc.add_text(fields.source_hash, hashes.source);
    doc.add_text(fields.content_hash, hashes.content);
    let body = match body {
        Some(body) => {
            doc.add_text(fields.body, &body);
            body
        }
        None => first_text(stored, fields.body).unwrap_or_default(),
    };
    for (field, value) in stored.field_values() {
        let owned: OwnedValue = value.into();
        if field == fields.extraction {
            let places = crate::document::stored_places(&owned).unwrap_or_default();
            for facet in crate::document::event_place_paths(&places) {
                doc.add_facet(fields.place, facet);
            }
        }
        doc.add_field_value(field, &owned);
    }
    doc.add_text(fields.language, &values.language);
    let title = first_text(stored, fields.title).unwrap_or_default();
    add_analysed_text(fields, &mut doc, &values.language, &title, &body);
    add_dates(fields, &mut doc, values.published, &values.event_dates);
    add_facet_values(
        fields,
        &mut doc,
        [
            &values.months,
            &values.regions,
            &values.countries,
            &values.localities,
            &values.actors,
        ],
    );
    match duplicate_of {
        Some(canonical) => {
            doc.add_text(fields.duplicate_of, canonical);
            doc.add_u64(fields.is_duplicate, 1);
        }
        None => doc.add_u64(fields.is_duplicate, 0),
    }
    doc
}

/// The first text value of a field of a stored document.
fn first_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| tantivy::schema::Value::as_str(&v))
        .map(str::to_string)
}

/// `--prune`: documents of files under the given directories that no longer exist.
fn prune_missing(
    root_dirs: &[String],
    root_files: &[String],
    fields: &Fields,
    writer: &mut tantivy::IndexWriter<TantivyDocument>,
    existing: &mut ExistingState,
    state: &mut WriterState<'_>,
    summary: &mut RunSummary,
) {
    let gone: Vec<String> = existing
        .by_source
        .keys()
        .filter(|path| {
            let under_root = root_dirs.iter().any(|root| {
                Path::new(path.as_str()).starts_with(Path::new(root)) && path.as_str() != root
            }) || root_files.iter().any(|f| f == *path);
            under_root && std::fs::symlink_metadata(path.as_str()).is_err()
        })
        .cloned()
        .collect();
    for path in gone {
        writer.delete_term(Term::from_field_text(fields.source_path, &path));
        if let Some((_, ids)) = existing.by_source.get(&path).cloned() {
            for id in ids {
                if let Some(old) = existing.remove_id(&id) {
                    summary.docs_pruned += 1;
                    if !old.is_duplicate {
                        state.orphaned_hashes.insert(old.content_hash);
                    }
                }
            }
        }
        existing.by_source.remove(&path);
        state.ops_total += 1;
    }
}
