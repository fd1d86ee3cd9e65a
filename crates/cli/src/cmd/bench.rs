//! `sahel bench index`: indexing throughput of the full pipeline against a bare tantivy writer.
//!
//! Builds a corpus of N documents from the real text in `../shared/data` (French treebank
//! sentences grouped into reports, with gazetteer place names and French dates woven in; English
//! ACLED event notes), written as JSON-lines files, then indexes it twice, each phase in a child
//! process so peak memory (VmHWM) is measured separately:
//! (a) the full pipeline (`sahel index`: reading, language detection, extraction, three analysed
//!     copies of title and body, stored fields, facets);
//! (b) a bare tantivy writer on the same documents: default tokenizer, title and body, no
//!     detection or extraction.

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};
use tantivy::schema::{Schema, STORED, STRING, TEXT};
use tantivy::{Index, TantivyDocument};

use crate::Outcome;

#[derive(Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    command: BenchCommand,
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Indexing throughput: full pipeline vs a bare tantivy writer on the same corpus.
    Index(IndexBenchArgs),
    /// One measured phase (run by `bench index` in a child process).
    #[command(hide = true)]
    IndexPhase(PhaseArgs),
    /// Where an index's bytes go, by component and field.
    Space(SpaceArgs),
    /// Where indexing time goes: each pipeline stage timed alone, on one thread.
    Stages(super::bench_stages::StagesArgs),
}

#[derive(Args)]
struct SpaceArgs {
    /// The index directory.
    #[arg(long, default_value = "index")]
    index: PathBuf,
    /// Express sizes as a share of this many bytes of input too.
    #[arg(long)]
    input_bytes: Option<u64>,
    /// Print every part, not only those over 0.5% of the total.
    #[arg(long)]
    all: bool,
}

#[derive(Args)]
struct IndexBenchArgs {
    /// Number of documents in the generated corpus.
    #[arg(long, default_value_t = 100_000)]
    docs: usize,
    /// The shared data directory (ud-french, acled-sahel).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Working directory for the corpus and the two indexes (default: a temporary directory).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Worker threads for both phases (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Phase {
    Full,
    Bare,
}

#[derive(Args)]
struct PhaseArgs {
    #[arg(long)]
    phase: Phase,
    #[arg(long)]
    corpus: PathBuf,
    #[arg(long)]
    index: PathBuf,
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

#[derive(Serialize, Deserialize)]
struct PhaseResult {
    docs: u64,
    bytes: u64,
    seconds: f64,
    peak_kb: u64,
    index_bytes: u64,
    /// CPU time of the phase's process, user + system, all threads: unlike wall time, it does
    /// not grow when other programs share the cores.
    cpu_seconds: f64,
}

pub fn run(args: BenchArgs) -> anyhow::Result<Outcome> {
    match args.command {
        BenchCommand::Index(a) => bench_index(a),
        BenchCommand::IndexPhase(a) => run_phase(a),
        BenchCommand::Space(a) => {
            print_space(&a.index, a.input_bytes, a.all)?;
            Ok(Outcome::Success)
        }
        BenchCommand::Stages(a) => super::bench_stages::run(a),
    }
}

/// A small deterministic generator (xorshift64*): the corpus is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn load_sentences(data: &Path) -> anyhow::Result<Vec<String>> {
    let path = data.join("ud-french/fr_ud_sentences.tsv");
    let file = std::fs::File::open(&path).with_context(|| format!("{}", path.display()))?;
    let mut out = Vec::new();
    for line in std::io::BufReader::new(file).lines().skip(1) {
        let line = line?;
        if let Some(text) = line.split('\t').nth(4) {
            out.push(text.to_string());
        }
    }
    Ok(out)
}

fn load_acled_notes(data: &Path) -> anyhow::Result<Vec<String>> {
    let path = data.join("acled-sahel/acled_sahel3_combined_1997-2020.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("{}", path.display()))?;
    let notes = reader
        .headers()?
        .iter()
        .position(|h| h == "notes")
        .context("ACLED file without a notes column")?;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record?;
        if let Some(note) = record.get(notes) {
            if note.len() > 40 {
                out.push(note.to_string());
            }
        }
    }
    Ok(out)
}

/// Writes the corpus as JSON-lines files of 1,000 documents; returns (files, bytes).
fn build_corpus(data: &Path, docs: usize, dir: &Path) -> anyhow::Result<(usize, u64)> {
    let sentences = load_sentences(data)?;
    let notes = load_acled_notes(data)?;
    let extractor = sahel_facets::Extractor::builtin().context("built-in gazetteer")?;
    let places: Vec<String> = extractor.gazetteer().all_names();
    if sentences.is_empty() || notes.is_empty() || places.is_empty() {
        bail!("no text found under {}", data.display());
    }
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(0x5A4E_1234_9876_ABCD);
    let mut sentence_at = 0usize;
    let mut files = 0;
    let mut bytes = 0u64;
    let mut writer: Option<BufWriter<std::fs::File>> = None;
    for i in 0..docs {
        if i % 1000 == 0 {
            if let Some(mut w) = writer.take() {
                w.flush()?;
            }
            let path = dir.join(format!("corpus-{:04}.jsonl", i / 1000));
            writer = Some(BufWriter::new(std::fs::File::create(&path)?));
            files += 1;
        }
        let (title, body) = if i % 4 == 3 {
            // One in four: an English ACLED event note.
            let note = &notes[rng.below(notes.len())];
            let title: String = note
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            (title, note.clone())
        } else {
            let n = 6 + rng.below(14);
            let mut body = String::new();
            let mut title = String::new();
            for k in 0..n {
                let s = &sentences[sentence_at % sentences.len()];
                sentence_at += 1;
                if k == 0 {
                    title = s.chars().take(90).collect();
                }
                if k == 1 || (k > 2 && rng.below(5) == 0) {
                    let place = &places[rng.below(places.len())];
                    let day = 1 + rng.below(28);
                    let month = MOIS[rng.below(12)];
                    let year = 2012 + rng.below(13);
                    body.push_str(&format!("À {place}, le {day} {month} {year}, "));
                    let mut chars = s.chars();
                    if let Some(first) = chars.next() {
                        body.extend(first.to_lowercase());
                        body.push_str(chars.as_str());
                    }
                } else {
                    body.push_str(s);
                }
                body.push(if k % 4 == 3 { '\n' } else { ' ' });
            }
            (title, body)
        };
        let line = serde_json::json!({ "id": format!("bench-{i}"), "title": title, "body": body });
        let text = line.to_string();
        bytes += text.len() as u64 + 1;
        if let Some(w) = writer.as_mut() {
            writeln!(w, "{text}")?;
        }
    }
    if let Some(mut w) = writer.take() {
        w.flush()?;
    }
    Ok((files, bytes))
}

fn dir_size(dir: &Path) -> u64 {
    walkdir_size(dir)
}

fn walkdir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => walkdir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Peak resident memory of this process, kB (Linux; 0 elsewhere).
/// CPU seconds (user + system, every thread) this process has used, from `/proc/self/stat`;
/// 0 where it is missing.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command name (which ends with the last ')'), utime and stime are the 12th and
    // 13th fields, in clock ticks (100 per second on Linux).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    rest.split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse::<f64>().ok())
        .sum::<f64>()
        / 100.0
}

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn threads(n: usize) -> usize {
    if n == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        n
    }
}

fn run_phase(args: PhaseArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let (docs, bytes) = match args.phase {
        Phase::Full => {
            let mut options =
                sahel_indexer::IndexOptions::new(vec![args.corpus.clone()], args.index.clone());
            options.threads = args.threads;
            let summary = sahel_indexer::run_index(&options, &sahel_indexer::NoProgress)?;
            (summary.docs_added + summary.docs_updated, summary.bytes)
        }
        Phase::Bare => bare_index(&args.corpus, &args.index, threads(args.threads))?,
    };
    let result = PhaseResult {
        docs,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
        peak_kb: peak_kb(),
        index_bytes: dir_size(&args.index),
        cpu_seconds: cpu_seconds(),
    };
    println!("{}", serde_json::to_string(&result)?);
    Ok(Outcome::Success)
}

/// The bare writer's schema: `id` (raw), `title` and `body` (default tokenizer), all stored.
pub fn bare_schema() -> (Schema, [tantivy::schema::Field; 3]) {
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let title = builder.add_text_field("title", TEXT | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    (builder.build(), [id, title, body])
}

/// A document of the bare writer's schema.
pub fn bare_document(
    [id_field, title_field, body_field]: [tantivy::schema::Field; 3],
    id: &str,
    title: &str,
    body: &str,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(id_field, id);
    doc.add_text(title_field, title);
    doc.add_text(body_field, body);
    doc
}

/// Tantivy alone: default tokenizer on title and body, stored, no detection or extraction.
fn bare_index(corpus: &Path, index_dir: &Path, threads: usize) -> anyhow::Result<(u64, u64)> {
    let (schema, fields) = bare_schema();
    std::fs::create_dir_all(index_dir)?;
    let index = Index::create_in_dir(index_dir, schema)?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(
        threads,
        sahel_indexer::pipeline::DEFAULT_WRITER_MEMORY,
    )?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let (mut docs, mut bytes) = (0u64, 0u64);
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        bytes += text.len() as u64;
        for line in text.lines() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let text = |key: &str| value[key].as_str().unwrap_or_default();
            writer.add_document(bare_document(
                fields,
                text("id"),
                text("title"),
                text("body"),
            ))?;
            docs += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok((docs, bytes))
}

fn run_child(
    phase: &str,
    corpus: &Path,
    index: &Path,
    threads: usize,
) -> anyhow::Result<PhaseResult> {
    let exe = std::env::current_exe()?;
    let out = std::process::Command::new(exe)
        .args(["bench", "index-phase", "--phase", phase, "--corpus"])
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(["--threads", &threads.to_string()])
        .output()?;
    if !out.status.success() {
        bail!(
            "{phase} phase failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).with_context(|| format!("{phase} phase output: {stdout}"))
}

fn print_phase(name: &str, r: &PhaseResult) {
    println!(
        "{name:<6} {:>8} docs  {:>7.1} s  {:>8.0} docs/s  {:>6.2} MB/s  peak {:>6.0} MB  index {:>7.1} MB  CPU {:>6.1} s ({:.2} MB per CPU-second)",
        r.docs,
        r.seconds,
        r.docs as f64 / r.seconds,
        r.bytes as f64 / 1e6 / r.seconds,
        r.peak_kb as f64 / 1024.0,
        r.index_bytes as f64 / 1e6,
        r.cpu_seconds,
        r.bytes as f64 / 1e6 / r.cpu_seconds.max(0.01)
    );
}

fn bench_index(args: IndexBenchArgs) -> anyhow::Result<Outcome> {
    let temp;
    let out = match &args.out {
        Some(dir) => dir.clone(),
        None => {
            temp = tempfile_dir()?;
            temp.clone()
        }
    };
    let corpus = out.join("corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    let started = Instant::now();
    let (files, bytes) = build_corpus(&args.data, args.docs, &corpus)?;
    println!(
        "corpus: {} documents in {files} JSON-lines files, {:.1} MB (built in {:.1} s from {})",
        args.docs,
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        args.data.display()
    );
    let threads = threads(args.threads);
    println!("threads: {threads}");
    let full_dir = out.join("index-full");
    let bare_dir = out.join("index-bare");
    let _ = std::fs::remove_dir_all(&full_dir);
    let _ = std::fs::remove_dir_all(&bare_dir);
    let full = run_child("full", &corpus, &full_dir, threads)?;
    print_phase("full", &full);
    let bare = run_child("bare", &corpus, &bare_dir, threads)?;
    print_phase("bare", &bare);
    let full_mbs = full.bytes as f64 / full.seconds;
    let bare_mbs = bare.bytes as f64 / bare.seconds;
    println!(
        "ratio: full pipeline at {:.0}% of the bare writer's MB/s; full index {:.0}% of the input size",
        100.0 * full_mbs / bare_mbs,
        100.0 * full.index_bytes as f64 / bytes as f64
    );
    println!(
        "ratio by CPU time: full pipeline at {:.0}% of the bare writer's MB per CPU-second",
        100.0 * (full.bytes as f64 / full.cpu_seconds.max(0.01))
            / (bare.bytes as f64 / bare.cpu_seconds.max(0.01))
    );
    println!("full index, by component and field:");
    print_space(&full_dir, Some(bytes), false)?;
    if args.out.is_none() {
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(Outcome::Success)
}

/// Prints an index's space usage, largest first (unless `all`, lines under 0.5% of the total
/// grouped).
fn print_space(index_dir: &Path, input_bytes: Option<u64>, all: bool) -> anyhow::Result<()> {
    let index = Index::open_in_dir(index_dir)
        .with_context(|| format!("opening the index {}", index_dir.display()))?;
    let lines = sahel_indexer::space::space_usage(&index)?;
    let total: u64 = lines.iter().map(|l| l.bytes).sum();
    let share = |bytes: u64| match input_bytes {
        Some(input) if input > 0 => {
            format!(" {:5.1}% of input", 100.0 * bytes as f64 / input as f64)
        }
        _ => String::new(),
    };
    let mut rest = 0;
    for line in &lines {
        if !all && (line.bytes as f64) < 0.005 * total as f64 {
            rest += line.bytes;
            continue;
        }
        println!(
            "  {:<11} {:<14} {:>8.1} MB {:5.1}%{}",
            line.component,
            line.field,
            line.bytes as f64 / 1e6,
            100.0 * line.bytes as f64 / total as f64,
            share(line.bytes)
        );
    }
    println!(
        "  {:<26} {:>8.1} MB {:5.1}%{}",
        "(smaller parts)",
        rest as f64 / 1e6,
        100.0 * rest as f64 / total.max(1) as f64,
        share(rest)
    );
    println!(
        "  {:<26} {:>8.1} MB{}",
        "total",
        total as f64 / 1e6,
        share(total)
    );
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("sahel-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
