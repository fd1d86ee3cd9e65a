//! `sahel index PATH... [--index DIR]`: index report files and folders, incrementally.
//!
//! Exit status: 0 when every file was indexed (or found unchanged), 2 when some files or records
//! were skipped (each reported on stderr with its path, and line for JSON lines), 1 on an error
//! that stops the run (index locked by another indexer, index of another schema version, …).
//! Warnings (bad bytes replaced, an unreadable date left out) are reported the same way, with
//! `warning` in front, and leave the exit status at 0: the documents were indexed.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use sahel_indexer::pipeline::{
    DEFAULT_COMMIT_EVERY, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_RECORD_SIZE,
};
use sahel_indexer::{run_index, IndexOptions, Problem, Progress, RunSummary, Warning};

use crate::Outcome;

#[derive(Args)]
pub struct IndexArgs {
    /// Files and folders to index (folders recursively): .txt .md .html .htm .json .jsonl .ndjson
    /// .pdf, and RSS/Atom feeds .xml .rss .atom
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Index directory (created if missing).
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Remove documents whose files are gone (only under the folders given).
    #[arg(long)]
    pub prune: bool,
    /// Delete the index and build it afresh (needed after a schema change).
    #[arg(long)]
    pub rebuild: bool,
    /// Files read whole (text, markdown, HTML, PDF) larger than this many MB are skipped without
    /// being read. JSON and JSON-lines files are read record by record, whatever their size.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_FILE_SIZE / (1024 * 1024))]
    pub max_file_size: u64,
    /// A record of a JSON or JSON-lines file larger than this many MB is skipped (and reported
    /// with its line); the rest of the file is read.
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MAX_RECORD_SIZE / (1024 * 1024))]
    pub max_record_size: u64,
    /// Worker threads for reading and analysis, 0 = all cores (tantivy indexes with half as many).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// GeoNames country file extending the built-in gazetteer (repeatable).
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Commit every N documents (each commit is atomic; a killed run keeps what was committed).
    #[arg(long, default_value_t = DEFAULT_COMMIT_EVERY, hide = true)]
    pub commit_every: usize,
    /// No progress display, only problems and the summary.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(args: IndexArgs) -> anyhow::Result<Outcome> {
    let mut options = IndexOptions::new(args.paths.clone(), args.index.clone());
    options.prune = args.prune;
    options.rebuild = args.rebuild;
    options.max_file_size = args.max_file_size.saturating_mul(1024 * 1024);
    options.max_record_size = args.max_record_size.saturating_mul(1024 * 1024);
    options.threads = args.threads;
    options.gazetteers = args.gazetteers.clone();
    options.commit_every = args.commit_every.max(1);
    let progress = Reporter::new(std::io::stderr().is_terminal() && !args.quiet, args.quiet);
    let summary = run_index(&options, &progress)?;
    progress.finish();
    print_summary(&summary, &args.index);
    Ok(if summary.is_complete() {
        Outcome::Success
    } else {
        Outcome::PartialFailure
    })
}

/// A progress bar on a terminal; plain log lines (every few seconds) otherwise.
struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
    files_total: AtomicU64,
    files_done: AtomicU64,
    bytes_done: AtomicU64,
    last_line: Mutex<Instant>,
    started: Instant,
}

impl Reporter {
    fn new(terminal: bool, quiet: bool) -> Reporter {
        Reporter {
            bar: terminal.then(ProgressBar::hidden),
            quiet,
            files_total: AtomicU64::new(0),
            files_done: AtomicU64::new(0),
            bytes_done: AtomicU64::new(0),
            last_line: Mutex::new(Instant::now()),
            started: Instant::now(),
        }
    }

    /// Without a terminal: a line every 5 seconds (also inside one large file).
    fn log_line(&self, files_done: u64, bytes_done: u64) {
        if self.quiet {
            return;
        }
        let mut last = self.last_line.lock().unwrap_or_else(|e| e.into_inner());
        if last.elapsed() >= Duration::from_secs(5) {
            *last = Instant::now();
            eprintln!(
                "{files_done}/{} files, {:.1} MB, {:.0} s",
                self.files_total.load(Ordering::Relaxed),
                bytes_done as f64 / 1e6,
                self.started.elapsed().as_secs_f64()
            );
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Reporter {
    fn start(&self, files: u64, bytes: u64) {
        self.files_total.store(files, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.set_length(bytes);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(200));
        } else if !self.quiet {
            eprintln!("indexing {files} files ({:.1} MB)", bytes as f64 / 1e6);
        }
    }

    fn bytes_read(&self, bytes: u64) {
        let bytes_done = self.bytes_done.fetch_add(bytes, Ordering::Relaxed) + bytes;
        match &self.bar {
            Some(bar) => bar.inc(bytes),
            None => self.log_line(self.files_done.load(Ordering::Relaxed), bytes_done),
        }
    }

    fn file_done(&self, _path: &Path, bytes: u64) {
        let done = self.files_done.fetch_add(1, Ordering::Relaxed) + 1;
        let bytes_done = self.bytes_done.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!(
                "{done}/{} files",
                self.files_total.load(Ordering::Relaxed)
            ));
        } else {
            self.log_line(done, bytes_done);
        }
    }

    fn problem(&self, problem: &Problem) {
        let line = format!("skipped {problem}");
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn warning(&self, warning: &Warning) {
        let line = format!("warning: {warning}");
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn committed(&self, docs: u64) {
        if self.bar.is_none() && !self.quiet {
            eprintln!("committed ({docs} documents written so far)");
        }
    }
}

fn print_summary(s: &RunSummary, index: &Path) {
    println!("index: {}", index.display());
    if s.rules_changed {
        println!(
            "facets: the index was built under other extraction rules; every file was read again"
        );
    }
    println!(
        "files: {} seen, {} indexed, {} unchanged, {} skipped",
        s.files_seen, s.files_indexed, s.files_unchanged, s.files_skipped
    );
    println!(
        "documents: {} added, {} updated, {} unchanged, {} duplicates, {} records skipped, {} pruned; {} in the index",
        s.docs_added, s.docs_updated, s.docs_unchanged, s.duplicates, s.records_skipped, s.docs_pruned, s.docs_in_index
    );
    if s.files_resumed > 0 {
        println!(
            "resumed: {} files went on from where an interrupted run had committed them",
            s.files_resumed
        );
    }
    println!(
        "read {:.1} MB in {:.2} s ({:.2} MB/s)",
        s.bytes as f64 / 1e6,
        s.seconds,
        s.mb_per_second()
    );
    if !s.problems.is_empty() {
        let kinds: Vec<String> = s
            .problems_by_kind()
            .into_iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        println!("skipped: {} ({})", s.problems.len(), kinds.join(", "));
    }
    if !s.warnings.is_empty() {
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for warning in &s.warnings {
            match kinds.iter_mut().find(|(k, _)| *k == warning.kind.kind()) {
                Some((_, n)) => *n += 1,
                None => kinds.push((warning.kind.kind(), 1)),
            }
        }
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        println!("warnings: {} ({})", s.warnings.len(), kinds.join(", "));
    }
}
