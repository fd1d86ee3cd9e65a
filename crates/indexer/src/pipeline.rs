//! An indexing run: walk the inputs, read and analyse files on all cores, write them through the
//! single tantivy writer in a reproducible order, commit atomically, prune, and count everything.
//!
//! Three kinds of threads, joined by channels, with back-pressure:
//! - the *reader* goes through the files in walk order. A file read whole (text, markdown, HTML,
//!   PDF) becomes one unit of work; a JSON or JSON-lines file is hashed in one pass, then cut into
//!   batches of raw records ([`crate::readers::json::Splitter`]), whatever its size;
//! - *workers* (`threads` of them) read, parse, detect the language, extract facets and build the
//!   tantivy documents of each unit;
//! - the calling thread, the *writer*, receives the units back, puts them in walk order again, and
//!   alone decides ids, duplicates, deletions and commits, so two runs over the same input give
//!   the same index. The tantivy writer analyses the text and builds the postings on its own
//!   threads ([`writer_threads`]: half as many as the workers).
//!
//! Memory is bounded whatever the input's size: the reader waits while the raw bytes of the units
//! between it and the writer exceed [`IN_FLIGHT_BYTES`], a file read whole is at most
//! `max_file_size`, a record at most `max_record_size`, and the tantivy writer flushes a segment
//! when its `writer_memory` is used.
//!
//! Incremental rules:
//! - a file whose bytes hash (blake3) to the `source_hash` its documents were indexed with is
//!   unchanged: not parsed, not analysed;
//! - a changed file's documents are deleted (by `source_path`) and its records added again; a
//!   record id that already exists elsewhere is replaced (delete by `id` + add);
//! - a record whose content equals an existing document's is added as a duplicate of it;
//! - `--prune` deletes the documents of files under the given directories that no longer exist.
//!
//! Commits happen every `commit_every` documents and at the end; each is atomic. A large JSON file
//! can span several commits: each commit's payload (in tantivy's `meta.json`) names the files
//! whose records were committed only in part, with the point where their reading stopped. A run
//! killed after such a commit loses nothing committed, and the next run goes on from that point
//! (the same bytes, by their hash) instead of starting the file again, so no record is indexed
//! twice; a file that changed in between is indexed again whole.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::schema::OwnedValue;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::analysis::Analysis;
use crate::columns::{ColumnValues, DocColumns};
use crate::document::{
    add_analysed_text, add_dates, add_facet_values, build_document, content_hash, find_id,
    short_hash, Identity,
};
use crate::existing::{content_hex, content_key, key_of, ExistingState};
use crate::index_dir::{open_for_writing, DocQueue, QueuedDoc, WriterOptions};
use crate::problem::{Problem, SkipReason, Warning, WarningKind};
use crate::readers::json::{self, Event, Layout, RawRecord, ResumePoint};
use crate::readers::{parse_file, Format};
use crate::record::SourceRecord;
use crate::schema::Fields;
use crate::stream::{self, TextEncoding};
use crate::walk::{walk_inputs, InputFile};
use crate::{Error, Result};

/// Files read whole (text, markdown, HTML, PDF) larger than this are skipped without being read
/// (override with `max_file_size`). JSON and JSON-lines files are read record by record, at any size.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;
/// A record of a JSON or JSON-lines file larger than this is skipped (override with
/// `max_record_size`).
pub const DEFAULT_MAX_RECORD_SIZE: u64 = 8 * 1024 * 1024;
/// Documents between two commits.
pub const DEFAULT_COMMIT_EVERY: usize = 25_000;
/// Memory budget of the tantivy writer, all threads together.
pub const DEFAULT_WRITER_MEMORY: usize = 256 * 1024 * 1024;

/// Raw bytes of input between the reader and the writer at most (a unit larger than this is let
/// through alone).
pub const IN_FLIGHT_BYTES: u64 = 8 * 1024 * 1024;
/// The least a unit counts for in [`IN_FLIGHT_BYTES`] (its documents and bookkeeping).
const MIN_UNIT_WEIGHT: u64 = 16 * 1024;
/// A batch of records handed to a worker: this many records, or this many bytes of them.
const BATCH_RECORDS: usize = 128;
const BATCH_BYTES: usize = 256 * 1024;

/// What to index, where, and how.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub inputs: Vec<std::path::PathBuf>,
    pub index_dir: std::path::PathBuf,
    pub prune: bool,
    pub rebuild: bool,
    /// Limit for the files read whole (text, markdown, HTML, PDF).
    pub max_file_size: u64,
    /// Limit for one record of a JSON or JSON-lines file.
    pub max_record_size: u64,
    /// Worker threads for reading and analysis (tantivy indexes with half as many, see
    /// [`writer_threads`]); 0 = all cores.
    pub threads: usize,
    pub writer_memory: usize,
    pub commit_every: usize,
    /// GeoNames files extending the gazetteer; empty = those the index was built with.
    pub gazetteers: Vec<std::path::PathBuf>,
}

impl IndexOptions {
    /// Defaults for the given inputs and index directory.
    pub fn new(inputs: Vec<std::path::PathBuf>, index_dir: std::path::PathBuf) -> IndexOptions {
        IndexOptions {
            inputs,
            index_dir,
            prune: false,
            rebuild: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_record_size: DEFAULT_MAX_RECORD_SIZE,
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
    /// Bytes of a file read so far, as a large file goes (they are not counted again by
    /// [`Progress::file_done`]).
    fn bytes_read(&self, _bytes: u64) {}
    /// One file was handled (indexed, unchanged or skipped); `bytes` are those of it not yet
    /// reported by [`Progress::bytes_read`].
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
    /// The index's facets had been extracted under other rules: every file was read again.
    pub rules_changed: bool,
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
    /// Files whose reading went on from where an interrupted run had committed it.
    pub files_resumed: u64,
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

/// What became of a file read whole.
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

/// What the workers need to know of a streamed file.
struct StreamFile {
    source_hash: String,
    encoding: TextEncoding,
    layout: Layout,
}

/// A unit of work for the workers.
enum Work {
    /// A file read whole: read, hash, parse, analyse.
    Whole { seq: u64, file: usize, weight: u64 },
    /// Raw records of a streamed file: parse, analyse. `single`: they are the file's only record
    /// (ids then are the file's, without `#line`).
    Records {
        seq: u64,
        file: usize,
        stream: Arc<StreamFile>,
        records: Vec<RawRecord>,
        single: bool,
        resume: ResumePoint,
        weight: u64,
    },
}

/// Something for the writer, which applies them in `seq` order (walk order).
struct Ready {
    seq: u64,
    /// What it counts for in the in-flight budget, given back once applied.
    weight: u64,
    file: usize,
    kind: ReadyKind,
}

enum ReadyKind {
    Whole(FileOutcome),
    /// A streamed file begins; `resume`: from where an earlier run committed it.
    StreamStart {
        source_hash: String,
        resume: Option<ResumePoint>,
        resumable: bool,
    },
    /// A batch of its records; `resume`: the reading's state after them. `file_error`: the file's
    /// only record is a top-level object that cannot be read (the file is skipped, as before
    /// files were streamed).
    Records {
        items: Vec<Item>,
        resume: ResumePoint,
        file_error: Option<SkipReason>,
    },
    /// The streamed file ends: `broken`, where it could not be read further; `file_error`, why
    /// none of it could be read.
    StreamEnd {
        broken: Option<(usize, SkipReason)>,
        file_error: Option<SkipReason>,
        bytes: u64,
    },
}

enum Item {
    Doc(PreparedDoc),
    Bad(usize, SkipReason),
    /// A record indexed, but not all of it as written (an unreadable date), at its line.
    Warn(usize, WarningKind),
}

/// The bytes of input allowed between the reader and the writer.
struct Budget {
    state: Mutex<(u64, bool)>,
    freed: Condvar,
}

impl Budget {
    fn new() -> Budget {
        Budget {
            state: Mutex::new((IN_FLIGHT_BYTES, false)),
            freed: Condvar::new(),
        }
    }

    /// Waits until `weight` bytes are free and takes them; false once the run stops.
    fn acquire(&self, weight: u64) -> bool {
        let weight = weight.min(IN_FLIGHT_BYTES);
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while state.0 < weight && !state.1 {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if state.1 {
            return false;
        }
        state.0 -= weight;
        true
    }

    fn release(&self, weight: u64) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 += weight.min(IN_FLIGHT_BYTES);
        self.freed.notify_all();
    }

    fn close(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.1 = true;
        self.freed.notify_all();
    }
}

/// Closes the budget when dropped.
struct CloseOnDrop<'a>(&'a Budget);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// A file whose records were committed only in part, as the commit payload records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct PartialFile {
    /// `source_hash` of the bytes being indexed.
    hash: String,
    /// Where the committed records end; `None` when reading cannot resume there (a UTF-16 file):
    /// the file is then indexed again whole.
    resume: Option<ResumePoint>,
}

/// The commit payload: the partially indexed files, by `source_path`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Payload {
    #[serde(default)]
    partial_files: BTreeMap<String, PartialFile>,
}

fn read_payload(index: &tantivy::Index) -> Result<BTreeMap<String, PartialFile>> {
    let payload = index.load_metas()?.payload;
    Ok(payload
        .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
        .map(|p| p.partial_files)
        .unwrap_or_default())
}

/// tantivy's indexing threads for `threads` workers: half as many (at least one). They run the
/// analyzers and build the postings, a little more than half of the work; each writes its own
/// segments, so fewer of them also means fewer, larger segments and less to merge. On 2 cores, one
/// indexing thread beside 2 workers took 8% less CPU time and half the memory of two, in the same
/// wall time.
pub fn writer_threads(threads: usize) -> usize {
    threads.div_ceil(2).max(1)
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
            threads: writer_threads(threads),
            memory_budget: options
                .writer_memory
                .max(15_000_000 * writer_threads(threads)),
        },
    )?;
    let initial_reader = target.index.reader()?;
    let initial = initial_reader.searcher();
    let existing = ExistingState::load(&target.index)?;
    let partial = read_payload(&target.index)?;
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

    // Under other extraction rules no file is unchanged: every one is read again (and replaces
    // its documents), so that no facet of the old rules is left.
    let rules_changed = target.rules_changed();
    summary.rules_changed = rules_changed && !target.created;
    let known_hashes: HashMap<String, String> = if rules_changed {
        HashMap::new()
    } else {
        existing
            .sources()
            .map(|file| (file.path.clone(), file.hash.clone()))
            .collect()
    };
    // The current rules are recorded once every file of the index was read again in this run.
    let covers_index = rules_changed && {
        let walked: HashSet<&str> = walk.files.iter().map(|f| f.source_path.as_str()).collect();
        existing
            .sources()
            .all(|file| walked.contains(file.path.as_str()))
    };
    let fields = target.fields.clone();
    let analysis = Arc::clone(&target.analysis);

    let mut w = Writer {
        fields: &fields,
        files: &walk.files,
        writer: &mut target.writer,
        queue: target.queue.clone(),
        existing,
        summary,
        progress,
        run_ids: HashSet::new(),
        run_canonical: HashMap::new(),
        canonical_ids: String::new(),
        orphaned_hashes: HashSet::new(),
        ops_since_commit: 0,
        ops_total: 0,
        initial_partial: partial.clone(),
        partial: partial.clone(),
        current: None,
    };
    let budget = Budget::new();
    let worker_ctx = WorkerCtx {
        files: &walk.files,
        known: &known_hashes,
        analysis: &analysis,
        fields: &fields,
        max_file_size: options.max_file_size,
        max_record_size: options.max_record_size,
    };
    let outcome: Result<()> = std::thread::scope(|scope| {
        let (work_tx, work_rx) = crossbeam_channel::bounded::<Work>(2 * threads);
        let (ready_tx, ready_rx) = crossbeam_channel::unbounded::<Ready>();
        for k in 0..threads {
            let work_rx = work_rx.clone();
            let ready_tx = ready_tx.clone();
            let ctx = &worker_ctx;
            std::thread::Builder::new()
                .name(format!("sahel-worker-{k}"))
                .spawn_scoped(scope, move || run_worker(ctx, work_rx, ready_tx))
                .map_err(|e| Error::io(&options.index_dir, e))?;
        }
        drop(work_rx);
        let mut reader = Reader {
            files: &walk.files,
            known: &known_hashes,
            partial: &partial,
            record_limit: options.max_record_size,
            file_limit: options.max_file_size,
            work: work_tx,
            ready: ready_tx,
            budget: &budget,
            seq: 0,
        };
        std::thread::Builder::new()
            .name("sahel-reader".into())
            .spawn_scoped(scope, move || reader.run())
            .map_err(|e| Error::io(&options.index_dir, e))?;

        // However the writer ends (an error, a panic), the reader and the workers stop.
        let _stop = CloseOnDrop(&budget);
        w.receive(ready_rx, &budget, options.commit_every)
    });
    outcome?;

    if options.prune {
        w.prune_missing(&walk.root_dirs, &walk.root_files);
    }
    w.promote_orphaned_duplicates(&initial)?;

    if w.ops_total > 0 || w.partial_now() != w.initial_partial {
        w.commit()?;
    }
    let mut summary = std::mem::take(&mut w.summary);
    drop(w);
    if rules_changed && covers_index && summary.problems.is_empty() {
        target.record_current_rules(&options.index_dir)?;
    }
    target.writer.wait_merging_threads()?;
    let reader = target.index.reader()?;
    summary.docs_in_index = reader.searcher().num_docs();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The reader thread: goes through the files in walk order and hands them out.
struct Reader<'a> {
    files: &'a [InputFile],
    known: &'a HashMap<String, String>,
    partial: &'a BTreeMap<String, PartialFile>,
    record_limit: u64,
    /// Files read whole larger than this are skipped unread: they weigh nothing.
    file_limit: u64,
    work: crossbeam_channel::Sender<Work>,
    ready: crossbeam_channel::Sender<Ready>,
    budget: &'a Budget,
    seq: u64,
}

impl Reader<'_> {
    /// The next sequence number, once `weight` bytes of the budget are free; `None` when the run
    /// stops.
    fn take(&mut self, weight: u64) -> Option<u64> {
        if !self.budget.acquire(weight) {
            return None;
        }
        self.seq += 1;
        Some(self.seq - 1)
    }

    /// Sends the writer something that needs no worker; false when the run stops.
    fn send_ready(&mut self, file: usize, kind: ReadyKind) -> bool {
        let Some(seq) = self.take(0) else {
            return false;
        };
        self.ready
            .send(Ready {
                seq,
                weight: 0,
                file,
                kind,
            })
            .is_ok()
    }

    fn run(&mut self) {
        for (index, file) in self.files.iter().enumerate() {
            let go_on = match file.format {
                Format::Json | Format::JsonLines => self.stream_file(index, file),
                _ => {
                    let read = if file.size > self.file_limit {
                        0
                    } else {
                        file.size
                    };
                    let weight = read.max(MIN_UNIT_WEIGHT);
                    match self.take(weight) {
                        Some(seq) => self
                            .work
                            .send(Work::Whole {
                                seq,
                                file: index,
                                weight,
                            })
                            .is_ok(),
                        None => false,
                    }
                }
            };
            if !go_on {
                return;
            }
        }
    }

    /// A JSON or JSON-lines file: hashed, then cut into batches of records; false when the run
    /// stops.
    fn stream_file(&mut self, index: usize, file: &InputFile) -> bool {
        let layout = if file.format == Format::JsonLines {
            Layout::Lines
        } else {
            Layout::Json
        };
        let mut opened = match stream::open(&file.path) {
            Ok(opened) => opened,
            Err(reason) => {
                return self.send_ready(index, ReadyKind::Whole(FileOutcome::Skipped(reason, 0)))
            }
        };
        let partial = self
            .partial
            .get(&file.source_path)
            .filter(|p| p.hash == opened.hash);
        if partial.is_none() && self.known.get(&file.source_path) == Some(&opened.hash) {
            return self.send_ready(index, ReadyKind::Whole(FileOutcome::Unchanged));
        }
        let resumable = !matches!(opened.encoding, TextEncoding::Utf16(_));
        let resume = partial.and_then(|p| p.resume).filter(|_| resumable);
        let start = resume.unwrap_or_else(ResumePoint::start);
        if !self.send_ready(
            index,
            ReadyKind::StreamStart {
                source_hash: opened.hash.clone(),
                resume,
                resumable,
            },
        ) {
            return false;
        }
        let stream = Arc::new(StreamFile {
            source_hash: opened.hash.clone(),
            encoding: opened.encoding,
            layout,
        });
        let size = opened.size;
        let mut splitter =
            match stream::splitter(&file.path, &mut opened, layout, self.record_limit, start) {
                Ok(splitter) => splitter,
                Err(e) => {
                    return self.send_ready(
                        index,
                        ReadyKind::StreamEnd {
                            broken: None,
                            file_error: Some(SkipReason::Unreadable(e.to_string())),
                            bytes: 0,
                        },
                    )
                }
            };
        let mut batch: Vec<RawRecord> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut first_batch = resume.is_none();
        let mut broken = None;
        let mut file_error = None;
        loop {
            match splitter.next_event() {
                Ok(Some(Event::Record(raw))) => {
                    batch_bytes += raw.bytes.as_ref().map_or(0, Vec::len);
                    batch.push(raw);
                    // The first batch waits for a second record: the id of a file's only record
                    // is the file's.
                    let full = batch.len() >= BATCH_RECORDS || batch_bytes >= BATCH_BYTES;
                    if full && !(first_batch && batch.len() < 2) {
                        let records = std::mem::take(&mut batch);
                        if !self.send_records(index, &stream, records, false) {
                            return false;
                        }
                        batch_bytes = 0;
                        first_batch = false;
                    }
                }
                Ok(Some(Event::Broken { line, message })) => {
                    let reason = SkipReason::MalformedJson(message.into());
                    if splitter.state().elements == 0 {
                        file_error = Some(reason);
                    } else {
                        broken = Some((line, reason));
                    }
                    break;
                }
                Ok(None) => break,
                Err(e) => {
                    let reason = SkipReason::Unreadable(e.to_string());
                    if splitter.state().elements == 0 {
                        file_error = Some(reason);
                    } else {
                        broken = Some((splitter.state().line, reason));
                    }
                    break;
                }
            }
        }
        let single = resume.is_none() && splitter.state().elements == 1;
        if !batch.is_empty() && !self.send_records(index, &stream, batch, single) {
            return false;
        }
        self.send_ready(
            index,
            ReadyKind::StreamEnd {
                broken,
                file_error,
                bytes: size,
            },
        )
    }

    fn send_records(
        &mut self,
        file: usize,
        stream: &Arc<StreamFile>,
        records: Vec<RawRecord>,
        single: bool,
    ) -> bool {
        let Some(last) = records.last() else {
            return true;
        };
        let resume = last.resume;
        let bytes: usize = records
            .iter()
            .map(|r| r.bytes.as_ref().map_or(0, Vec::len))
            .sum();
        let weight = (bytes as u64).max(MIN_UNIT_WEIGHT);
        let Some(seq) = self.take(weight) else {
            return false;
        };
        self.work
            .send(Work::Records {
                seq,
                file,
                stream: Arc::clone(stream),
                records,
                single,
                resume,
                weight,
            })
            .is_ok()
    }
}

/// What the workers share.
struct WorkerCtx<'a> {
    files: &'a [InputFile],
    known: &'a HashMap<String, String>,
    analysis: &'a Analysis,
    fields: &'a Fields,
    max_file_size: u64,
    max_record_size: u64,
}

fn run_worker(
    ctx: &WorkerCtx<'_>,
    work: crossbeam_channel::Receiver<Work>,
    ready: crossbeam_channel::Sender<Ready>,
) {
    for unit in work.iter() {
        let done = match unit {
            Work::Whole { seq, file, weight } => {
                // A bug in a reader must cost one file, not stall the run.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    process_file(ctx, &ctx.files[file])
                }))
                .unwrap_or_else(|_| {
                    FileOutcome::Skipped(
                        SkipReason::Unreadable("internal error while reading it".into()),
                        0,
                    )
                });
                Ready {
                    seq,
                    weight,
                    file,
                    kind: ReadyKind::Whole(outcome),
                }
            }
            Work::Records {
                seq,
                file,
                stream,
                records,
                single,
                resume,
                weight,
            } => {
                let lines: Vec<usize> = records.iter().map(|r| r.line).collect();
                let kind = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    process_records(ctx, &ctx.files[file], &stream, records, single, resume)
                }))
                .unwrap_or_else(|_| ReadyKind::Records {
                    items: lines
                        .into_iter()
                        .map(|line| {
                            Item::Bad(
                                line,
                                SkipReason::Unreadable("internal error while reading it".into()),
                            )
                        })
                        .collect(),
                    resume,
                    file_error: None,
                });
                Ready {
                    seq,
                    weight,
                    file,
                    kind,
                }
            }
        };
        if ready.send(done).is_err() {
            return;
        }
    }
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

/// The document of one record: its id (its own, else the file's, with `#N` when the file holds
/// several records), hashes, language, facets.
fn prepare(
    ctx: &WorkerCtx<'_>,
    file: &InputFile,
    record: &SourceRecord,
    single: bool,
    source_hash: &str,
) -> PreparedDoc {
    let id = match (&record.id, record.position) {
        (Some(id), _) => id.clone(),
        (None, Some(pos)) if !single => format!("{}#{}", file.relative_id, pos),
        _ => file.relative_id.clone(),
    };
    let identity = Identity {
        id,
        source_path: file.source_path.clone(),
        source_hash: source_hash.to_string(),
        content_hash: content_hash(&record.body),
    };
    let analysed = ctx.analysis.analyse(&identity.id, record);
    let doc = build_document(ctx.fields, &identity, record, &analysed);
    PreparedDoc { identity, doc }
}

/// Worker side: read, hash, parse, analyse one file read whole.
fn process_file(ctx: &WorkerCtx<'_>, file: &InputFile) -> FileOutcome {
    let max = ctx.max_file_size;
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
    if ctx.known.get(&file.source_path) == Some(&source_hash) {
        return FileOutcome::Unchanged;
    }
    let parsed = match parse_file(file.format, &bytes) {
        Ok(parsed) => parsed,
        Err(reason) => return FileOutcome::Skipped(reason, len),
    };
    drop(bytes);
    let single = parsed.records.len() == 1 && parsed.bad_records.is_empty();
    let docs = parsed
        .records
        .iter()
        .map(|record| prepare(ctx, file, record, single, &source_hash))
        .collect();
    FileOutcome::Parsed {
        docs,
        warnings: parsed.all_warnings(),
        bad_records: parsed.bad_records,
        bytes: len,
    }
}

/// Worker side: parse and analyse a batch of records of a streamed file.
fn process_records(
    ctx: &WorkerCtx<'_>,
    file: &InputFile,
    stream: &StreamFile,
    records: Vec<RawRecord>,
    single: bool,
    resume: ResumePoint,
) -> ReadyKind {
    let legacy = match stream.encoding {
        TextEncoding::Legacy(encoding) => Some(encoding),
        _ => None,
    };
    let mut items = Vec::with_capacity(records.len());
    let mut file_error = None;
    for raw in records {
        let record = match &raw.bytes {
            Err(size) => Err(SkipReason::RecordTooLarge {
                size: *size,
                limit: ctx.max_record_size,
            }),
            Ok(bytes) => json::record_text(bytes, legacy)
                .and_then(|text| json::parse_record(&text, raw.in_array)),
        };
        match record {
            Ok(None) => {}
            Ok(Some(mut record)) => {
                record.position = Some(raw.position);
                for (line, kind) in std::mem::take(&mut record.warnings) {
                    items.push(Item::Warn(line.unwrap_or(raw.line), kind));
                }
                items.push(Item::Doc(prepare(
                    ctx,
                    file,
                    &record,
                    single,
                    &stream.source_hash,
                )));
            }
            // A `.json` file of one object that cannot be read is skipped whole.
            Err(reason) if single && stream.layout == Layout::Json && !raw.in_array => {
                file_error = Some(reason);
            }
            Err(reason) => items.push(Item::Bad(raw.line, reason)),
        }
    }
    ReadyKind::Records {
        items,
        resume,
        file_error,
    }
}

/// The streamed file the writer is in.
struct OpenStream {
    file: usize,
    source_hash: String,
    resumable: bool,
    /// The reading's state after the last batch applied.
    resume: ResumePoint,
    /// Its old documents were deleted (or it is resumed): later records are simply added.
    begun: bool,
    old_ids: HashSet<String>,
    wrote: bool,
    file_error: Option<SkipReason>,
    /// Bytes of it reported to the progress.
    reported: u64,
    /// Its reading went on from an earlier run's commit.
    resumed: bool,
    /// What the payload said of it when the run began: kept if nothing of it is read now (a file
    /// that became unreadable and is read again as it was must not look complete).
    previous: Option<PartialFile>,
}

/// Writer side: the sequential decisions of a run.
struct Writer<'a> {
    fields: &'a Fields,
    files: &'a [InputFile],
    writer: &'a mut tantivy::IndexWriter<QueuedDoc>,
    queue: DocQueue,
    existing: ExistingState,
    summary: RunSummary,
    progress: &'a dyn Progress,
    /// Keys of the ids produced (or kept unchanged) in this run.
    run_ids: HashSet<u128>,
    /// content hash key → canonical id (its place in `canonical_ids`), for documents added in
    /// this run.
    run_canonical: HashMap<u128, (u32, u32)>,
    /// The canonical ids of `run_canonical`, one after the other.
    canonical_ids: String,
    /// Content keys whose canonical document was deleted in this run.
    orphaned_hashes: HashSet<u128>,
    ops_since_commit: usize,
    ops_total: usize,
    /// Partially indexed files as the run found them, and as they are now (the one being read
    /// aside).
    initial_partial: BTreeMap<String, PartialFile>,
    partial: BTreeMap<String, PartialFile>,
    current: Option<OpenStream>,
}

impl Writer<'_> {
    /// Applies what the reader and the workers send, in walk order, committing as it goes.
    fn receive(
        &mut self,
        ready: crossbeam_channel::Receiver<Ready>,
        budget: &Budget,
        commit_every: usize,
    ) -> Result<()> {
        let mut pending: BTreeMap<u64, Ready> = BTreeMap::new();
        let mut next = 0u64;
        for unit in ready.iter() {
            pending.insert(unit.seq, unit);
            while let Some(unit) = pending.remove(&next) {
                next += 1;
                let weight = unit.weight;
                self.apply(unit);
                budget.release(weight);
                if self.ops_since_commit >= commit_every {
                    self.commit()?;
                }
            }
        }
        debug_assert!(
            pending.is_empty(),
            "units lost between the workers and the writer"
        );
        Ok(())
    }

    /// The partially indexed files, with the one being read if it has begun.
    fn partial_now(&self) -> BTreeMap<String, PartialFile> {
        let mut partial = self.partial.clone();
        if let Some(open) = &self.current {
            let path = self.files[open.file].source_path.clone();
            if open.begun {
                let now = PartialFile {
                    hash: open.source_hash.clone(),
                    resume: open.resumable.then_some(open.resume),
                };
                partial.insert(path, now);
            } else if let Some(previous) = &open.previous {
                partial.insert(path, previous.clone());
            }
        }
        partial
    }

    /// Commits, with the partially indexed files as payload.
    fn commit(&mut self) -> Result<()> {
        let partial = self.partial_now();
        let payload = (!partial.is_empty())
            .then(|| {
                serde_json::to_string(&Payload {
                    partial_files: partial,
                })
                .ok()
            })
            .flatten();
        let mut prepared = self.writer.prepare_commit()?;
        if let Some(payload) = &payload {
            prepared.set_payload(payload);
        }
        prepared.commit()?;
        self.summary.commits += 1;
        self.ops_since_commit = 0;
        self.progress
            .committed(self.summary.docs_added + self.summary.docs_updated);
        Ok(())
    }

    fn report(&mut self, file: usize, line: Option<usize>, reason: SkipReason) {
        let problem = Problem {
            path: self.files[file].path.clone(),
            line,
            reason,
        };
        self.progress.problem(&problem);
        self.summary.problems.push(problem);
    }

    fn apply(&mut self, unit: Ready) {
        let file = unit.file;
        match unit.kind {
            ReadyKind::Whole(outcome) => {
                let size = self.files[file].size;
                self.summary.files_seen += 1;
                self.summary.bytes += match &outcome {
                    FileOutcome::Parsed { bytes, .. } => *bytes,
                    FileOutcome::Skipped(_, bytes) => *bytes,
                    FileOutcome::Unchanged => size,
                };
                self.apply_whole(file, outcome);
                self.progress.file_done(&self.files[file].path, size);
            }
            ReadyKind::StreamStart {
                source_hash,
                resume,
                resumable,
            } => {
                let source_path = &self.files[file].source_path;
                let previous = self.partial.remove(source_path);
                let mut open = OpenStream {
                    file,
                    source_hash,
                    resumable,
                    resume: resume.unwrap_or_else(ResumePoint::start),
                    begun: false,
                    old_ids: HashSet::new(),
                    wrote: false,
                    file_error: None,
                    reported: 0,
                    resumed: resume.is_some(),
                    previous,
                };
                if let Some(resume) = resume {
                    // Its committed records stay; reading goes on after them.
                    open.begun = true;
                    open.reported = resume.offset;
                    if let Some(existing) = self.existing.source(source_path) {
                        self.summary.docs_unchanged += existing.ids.len() as u64;
                        self.run_ids
                            .extend(existing.ids.iter().map(|id| key_of(id)));
                    }
                    self.summary.files_resumed += 1;
                    self.progress.bytes_read(resume.offset);
                }
                self.current = Some(open);
            }
            ReadyKind::Records {
                items,
                resume,
                file_error,
            } => {
                let Some(mut open) = self.current.take() else {
                    return;
                };
                if file_error.is_some() {
                    open.file_error = file_error;
                }
                for item in items {
                    if !open.begun {
                        open.old_ids = self.begin_file(file);
                        open.begun = true;
                    }
                    match item {
                        Item::Doc(doc) => open.wrote |= self.add_doc(file, doc, &open.old_ids),
                        Item::Bad(line, reason) => {
                            self.summary.records_skipped += 1;
                            self.report(file, Some(line), reason);
                        }
                        Item::Warn(line, kind) => {
                            let warning = Warning {
                                path: self.files[file].path.clone(),
                                line: Some(line),
                                kind,
                            };
                            self.progress.warning(&warning);
                            self.summary.warnings.push(warning);
                        }
                    }
                }
                open.resume = resume;
                let done = resume.offset.min(self.files[file].size);
                if done > open.reported {
                    self.progress.bytes_read(done - open.reported);
                    open.reported = done;
                }
                self.current = Some(open);
            }
            ReadyKind::StreamEnd {
                broken,
                file_error,
                bytes,
            } => {
                let Some(open) = self.current.take() else {
                    return;
                };
                self.summary.files_seen += 1;
                self.summary.bytes += bytes;
                if !open.begun {
                    let reason = open.file_error.or(file_error).unwrap_or(SkipReason::Empty);
                    self.summary.files_skipped += 1;
                    self.report(file, None, reason);
                    if let Some(previous) = open.previous {
                        self.partial
                            .insert(self.files[file].source_path.clone(), previous);
                    }
                } else {
                    if let Some((line, reason)) = broken {
                        self.summary.records_skipped += 1;
                        self.report(file, Some(line), reason);
                    }
                    if open.wrote || open.resumed {
                        self.summary.files_indexed += 1;
                    } else if !open.old_ids.is_empty() {
                        self.ops_total += 1;
                    }
                }
                let size = self.files[file].size;
                self.progress
                    .file_done(&self.files[file].path, size.saturating_sub(open.reported));
            }
        }
    }

    /// A file read whole.
    fn apply_whole(&mut self, file: usize, outcome: FileOutcome) {
        match outcome {
            FileOutcome::Unchanged => {
                self.summary.files_unchanged += 1;
                if let Some(existing) = self.existing.source(&self.files[file].source_path) {
                    self.summary.docs_unchanged += existing.ids.len() as u64;
                    self.run_ids
                        .extend(existing.ids.iter().map(|id| key_of(id)));
                }
            }
            FileOutcome::Skipped(reason, _) => {
                self.summary.files_skipped += 1;
                self.report(file, None, reason);
            }
            FileOutcome::Parsed {
                docs,
                bad_records,
                warnings,
                ..
            } => {
                for (line, kind) in warnings {
                    let warning = Warning {
                        path: self.files[file].path.clone(),
                        line,
                        kind,
                    };
                    self.progress.warning(&warning);
                    self.summary.warnings.push(warning);
                }
                for (line, reason) in bad_records {
                    self.summary.records_skipped += 1;
                    self.report(file, Some(line), reason);
                }
                let old_ids = self.begin_file(file);
                let mut wrote = false;
                for doc in docs {
                    wrote |= self.add_doc(file, doc, &old_ids);
                }
                if wrote {
                    self.summary.files_indexed += 1;
                } else if !old_ids.is_empty() {
                    self.ops_total += 1;
                }
            }
        }
    }

    /// A changed (or new) file's records are about to be written: its old documents go. Returns
    /// their ids.
    fn begin_file(&mut self, file: usize) -> HashSet<String> {
        let source_path = &self.files[file].source_path;
        let old = self.existing.remove_source(source_path);
        if !old.is_empty() {
            self.writer
                .delete_term(Term::from_field_text(self.fields.source_path, source_path));
        }
        old.into_iter()
            .map(|(id, doc)| {
                if !doc.is_duplicate {
                    self.orphaned_hashes.insert(doc.content);
                }
                id
            })
            .collect()
    }

    fn delete_id(&mut self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, id));
        if let Some(old) = self.existing.remove_id(id) {
            if !old.is_duplicate {
                self.orphaned_hashes.insert(old.content);
            }
        }
        self.ops_since_commit += 1;
        self.ops_total += 1;
    }

    /// Writes one record's document (as a duplicate when its content is already indexed); false
    /// when its id was already produced in this run.
    fn add_doc(&mut self, file: usize, prepared: PreparedDoc, old_ids: &HashSet<String>) -> bool {
        let PreparedDoc { identity, mut doc } = prepared;
        if !self.run_ids.insert(key_of(&identity.id)) {
            self.summary.records_skipped += 1;
            self.report(file, None, SkipReason::DuplicateId(identity.id));
            return false;
        }
        let mut replaced = old_ids.contains(&identity.id);
        if self.existing.contains_id(&identity.id) {
            // The id was indexed from another file: this record replaces it.
            self.delete_id(&identity.id);
            replaced = true;
        }
        let key = content_key(&identity.content_hash);
        let canonical = self
            .run_canonical
            .get(&key)
            .map(|&(start, len)| {
                self.canonical_ids[start as usize..(start + len) as usize].to_string()
            })
            .or_else(|| self.existing.canonical(key).map(str::to_string))
            .filter(|c| *c != identity.id);
        match canonical {
            Some(canonical) => {
                doc = without_text(self.fields, &doc);
                doc.add_text(self.fields.duplicate_of, &canonical);
                doc.add_u64(self.fields.is_duplicate, 1);
                self.summary.duplicates += 1;
            }
            None => {
                doc.add_u64(self.fields.is_duplicate, 0);
                self.orphaned_hashes.remove(&key);
                // Ids past 4 GB of them (billions of documents) are not remembered: a later copy
                // of such a document is indexed as canonical too.
                if let (Ok(start), Ok(len)) = (
                    u32::try_from(self.canonical_ids.len()),
                    u32::try_from(identity.id.len()),
                ) {
                    if start.checked_add(len).is_some() {
                        self.canonical_ids.push_str(&identity.id);
                        self.run_canonical.insert(key, (start, len));
                    }
                }
            }
        }
        if replaced {
            self.summary.docs_updated += 1;
        } else {
            self.summary.docs_added += 1;
        }
        // add_document only fails when the indexing threads died; the commit reports it.
        let _ = self.writer.add_document(self.queue.enqueue(doc));
        self.ops_since_commit += 1;
        self.ops_total += 1;
        true
    }

    /// Duplicates whose canonical document was deleted or changed: the first of them (smallest id)
    /// becomes canonical, the others point to it. They are rebuilt from their stored fields.
    fn promote_orphaned_duplicates(&mut self, initial: &Searcher) -> Result<()> {
        let orphaned: Vec<u128> = self
            .orphaned_hashes
            .iter()
            .filter(|h| {
                !self.run_canonical.contains_key(*h) && self.existing.canonical(**h).is_none()
            })
            .copied()
            .collect();
        for content in orphaned {
            let hash = content_hex(content);
            let mut copies = self.existing.duplicates_of(content);
            if copies.is_empty() {
                continue;
            }
            copies.sort();
            let new_canonical = copies[0].clone();
            for id in &copies {
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
                let source_hash = self
                    .existing
                    .get(id)
                    .map_or("", |doc| self.existing.file_of(doc).hash.as_str());
                let hashes = Hashes {
                    source: source_hash,
                    content: &hash,
                };
                let doc = rebuild(self.fields, &stored, &values, body, hashes, duplicate_of);
                self.writer
                    .delete_term(Term::from_field_text(self.fields.id, id));
                let _ = self.writer.add_document(self.queue.enqueue(doc));
                self.ops_total += 1;
            }
        }
        Ok(())
    }

    /// `--prune`: documents of files under the given directories that no longer exist.
    fn prune_missing(&mut self, root_dirs: &[String], root_files: &[String]) {
        let gone: Vec<String> = self
            .existing
            .sources()
            .map(|file| &file.path)
            .chain(self.partial.keys())
            .filter(|path| {
                let under_root = root_dirs.iter().any(|root| {
                    Path::new(path.as_str()).starts_with(Path::new(root)) && path.as_str() != root
                }) || root_files.iter().any(|f| f == *path);
                under_root && std::fs::symlink_metadata(path.as_str()).is_err()
            })
            .cloned()
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .collect();
        for path in gone {
            self.partial.remove(&path);
            self.writer
                .delete_term(Term::from_field_text(self.fields.source_path, &path));
            for (_, old) in self.existing.remove_source(&path) {
                self.summary.docs_pruned += 1;
                if !old.is_duplicate {
                    self.orphaned_hashes.insert(old.content);
                }
            }
            self.ops_total += 1;
        }
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
    add_facet_values(fields, &mut doc, &values.facets);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Stops a run (as a kill would) right after its first commit.
    struct StopAtFirstCommit;
    impl Progress for StopAtFirstCommit {
        fn committed(&self, _docs: u64) {
            panic!("stopped after the first commit");
        }
    }

    fn export(records: usize) -> String {
        (1..=records)
            .map(|n| {
                format!(
                    "{{\"id\": \"r{n}\", \"title\": \"Rapport {n}\", \"body\": \"Attaque numéro {n} près de Gao.\"}}\n"
                )
            })
            .collect()
    }

    fn options(file: &Path, index: &Path) -> IndexOptions {
        let mut options = IndexOptions::new(vec![file.to_path_buf()], index.to_path_buf());
        options.threads = 2;
        options.commit_every = 10;
        options
    }

    fn interrupted_run(options: &IndexOptions) {
        let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_index(options, &StopAtFirstCommit)
        }));
        assert!(stopped.is_err(), "the run was stopped");
    }

    fn num_docs(index: &Path) -> u64 {
        let index = tantivy::Index::open_in_dir(index).unwrap();
        let searcher = index.reader().unwrap().searcher();
        searcher.num_docs()
    }

    #[test]
    fn a_streamed_file_committed_in_part_is_resumed_or_if_changed_indexed_again_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.jsonl");
        let index = dir.path().join("index");
        std::fs::write(&file, export(300)).unwrap();
        let options = options(&file, &index);

        interrupted_run(&options);
        let committed = num_docs(&index);
        assert!(committed > 0 && committed < 300, "{committed}");
        let open = tantivy::Index::open_in_dir(&index).unwrap();
        let partial = read_payload(&open).unwrap();
        let entry = &partial[&std::path::absolute(&file)
            .unwrap()
            .to_string_lossy()
            .into_owned()];
        let resume = entry.resume.unwrap();
        assert_eq!(resume.elements as u64, committed);
        assert_eq!(resume.line as u64, committed + 1);

        // Without a record for a run (blank lines only), then as it was: still known as committed
        // in part.
        std::fs::write(&file, "\n".repeat(20_000)).unwrap();
        let skipped = run_index(&options, &NoProgress).unwrap();
        assert_eq!(skipped.files_skipped, 1);
        assert_eq!(read_payload(&open).unwrap(), partial);
        std::fs::write(&file, export(300)).unwrap();

        // The same bytes: reading goes on after the committed records.
        let summary = run_index(&options, &NoProgress).unwrap();
        assert_eq!(summary.files_resumed, 1);
        assert_eq!(summary.files_indexed, 1);
        assert_eq!(summary.docs_unchanged, committed);
        assert_eq!(summary.docs_added, 300 - committed);
        assert_eq!(summary.docs_in_index, 300);
        assert!(read_payload(&open).unwrap().is_empty());

        // Stopped again inside the file after it changed, then changed once more: indexed again
        // whole, each id once.
        std::fs::write(&file, export(310)).unwrap();
        interrupted_run(&options);
        std::fs::write(&file, export(320)).unwrap();
        let summary = run_index(&options, &NoProgress).unwrap();
        assert_eq!(summary.files_resumed, 0);
        assert_eq!(summary.docs_added + summary.docs_updated, 320);
        assert_eq!(summary.docs_in_index, 320);
        assert_eq!(num_docs(&index), 320);
        assert!(read_payload(&open).unwrap().is_empty());
    }

    #[test]
    fn an_index_built_under_other_extraction_rules_is_read_again_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export.jsonl");
        let index = dir.path().join("index");
        std::fs::write(&file, export(30)).unwrap();
        let options = options(&file, &index);
        let first = run_index(&options, &NoProgress).unwrap();
        assert!(!first.rules_changed);
        assert_eq!(first.docs_added, 30);

        // As if the index had been built by an earlier version of the rules.
        let info = index.join(crate::index_dir::INDEX_INFO_FILE);
        let text = std::fs::read_to_string(&info).unwrap();
        let current = format!("\"extraction\": \"{}\"", sahel_facets::RULES_FINGERPRINT);
        assert!(text.contains(&current), "{text}");
        std::fs::write(&info, text.replace(&current, "\"extraction\": \"older\"")).unwrap();

        let again = run_index(&options, &NoProgress).unwrap();
        assert!(again.rules_changed);
        assert_eq!(again.files_indexed, 1);
        assert_eq!(again.docs_updated, 30);
        assert_eq!(again.docs_in_index, 30);
        assert!(std::fs::read_to_string(&info).unwrap().contains(&current));

        // Recorded: the next run finds the file unchanged.
        let then = run_index(&options, &NoProgress).unwrap();
        assert!(!then.rules_changed);
        assert_eq!(then.files_unchanged, 1);
        assert_eq!(then.docs_in_index, 30);
    }

    #[test]
    fn budget_waits_for_room_and_lets_a_large_unit_through_alone() {
        let budget = Budget::new();
        assert!(budget.acquire(IN_FLIGHT_BYTES * 4));
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.acquire(1));
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(!waiting.is_finished());
            budget.release(IN_FLIGHT_BYTES * 4);
            assert!(waiting.join().unwrap());
        });
        budget.close();
        assert!(!budget.acquire(1));
    }
}
