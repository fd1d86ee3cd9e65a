//! `sahel bench index`: indexing throughput and memory of the full pipeline against tantivy's own
//! French pipeline and a bare tantivy writer, on the same corpus.
//!
//! Builds a corpus of N documents from the real text in `../shared/data` (French treebank
//! sentences grouped into reports, with gazetteer place names and French dates woven in; English
//! ACLED event notes), written twice: as JSON-lines files of 1,000 documents, and as one JSON-lines
//! file. Then indexes it, each run in a child process measured with `/usr/bin/time -v` (wall time,
//! CPU time, peak resident memory):
//! (a) the full pipeline: `sahel index` itself (reading, language detection, extraction, three
//!     analysed copies of title and body, stored fields, facets), on the files and on the one file,
//!     with the bench's threads (workers; tantivy indexes with half as many), then with 1 thread,
//!     and with 1 thread on one core (`taskset -c 0`): one worker beside tantivy's indexing thread
//!     already uses two cores;
//! (b) tantivy's own French pipeline, the baseline: title and body only, stored, analysed with
//!     tantivy's simple tokenizer, lower-casing, French stop words (which hold the elided `l`, `d`,
//!     `qu`, …), Snowball French stemmer and ASCII folding, with the bench's writer threads;
//! (c) a bare tantivy writer: default tokenizer, id, title and body, no detection or extraction.
//!
//! The ratios printed compare text throughput (MB of title + body per second) of (a) and (b).

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING, TEXT,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer,
};
use tantivy::{Index, TantivyDocument};

use crate::Outcome;

#[derive(Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    command: BenchCommand,
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Indexing throughput and memory: full pipeline vs tantivy's French pipeline and a bare writer.
    Index(IndexBenchArgs),
    /// One measured baseline (run by `bench index` in a child process).
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
    /// Working directory for the corpus and the indexes (default: a temporary directory). The
    /// full pipeline's index of the corpus files is left in OUT/index-full.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Worker threads of the full pipeline, writer threads of the baselines (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// The `sahel` binary whose `sahel index` is measured as the full pipeline (default: this one;
    /// another build gives before/after figures beside the same baselines).
    #[arg(long, value_name = "PATH")]
    sahel_bin: Option<PathBuf>,
    /// Leave out the runs on the corpus written as one file.
    #[arg(long)]
    no_one_file: bool,
    /// Leave out the 1-thread runs of the full pipeline.
    #[arg(long)]
    no_scaling: bool,
    /// Leave out the bare writer.
    #[arg(long)]
    no_bare: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Phase {
    /// tantivy's own French pipeline on title and body.
    French,
    /// The bare writer: default tokenizer.
    Bare,
}

#[derive(Args)]
struct PhaseArgs {
    #[arg(long)]
    phase: Phase,
    /// A JSON-lines file, or a directory of them.
    #[arg(long)]
    corpus: PathBuf,
    #[arg(long)]
    index: PathBuf,
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// What a baseline phase prints (one JSON line).
#[derive(Serialize, Deserialize)]
struct PhaseResult {
    docs: u64,
    bytes: u64,
    seconds: f64,
    peak_kb: u64,
    /// CPU time of the phase's process, user + system, all threads.
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

/// What [`build_corpus`] wrote.
struct Corpus {
    files: usize,
    /// Bytes of the JSON-lines files (of the one file too: the same lines).
    bytes: u64,
    /// Bytes of title and body text.
    text_bytes: u64,
}

/// Writes the corpus as JSON-lines files of 1,000 documents in `dir`, and the same lines in
/// `one_file` when given.
fn build_corpus(
    data: &Path,
    docs: usize,
    dir: &Path,
    one_file: Option<&Path>,
) -> anyhow::Result<Corpus> {
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
    let mut text_bytes = 0u64;
    let mut writer: Option<BufWriter<std::fs::File>> = None;
    let mut one = match one_file {
        Some(path) => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            Some(BufWriter::new(std::fs::File::create(path)?))
        }
        None => None,
    };
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
        text_bytes += (title.len() + body.len()) as u64;
        let line = serde_json::json!({ "id": format!("bench-{i}"), "title": title, "body": body });
        let text = line.to_string();
        bytes += text.len() as u64 + 1;
        if let Some(w) = writer.as_mut() {
            writeln!(w, "{text}")?;
        }
        if let Some(w) = one.as_mut() {
            writeln!(w, "{text}")?;
        }
    }
    for mut w in writer.into_iter().chain(one) {
        w.flush()?;
    }
    Ok(Corpus {
        files,
        bytes,
        text_bytes,
    })
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
    let (docs, bytes) =
        baseline_index(args.phase, &args.corpus, &args.index, threads(args.threads))?;
    let result = PhaseResult {
        docs,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
        peak_kb: peak_kb(),
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

/// Name of tantivy's French pipeline in the baseline index.
const TANTIVY_FRENCH: &str = "tantivy_fr";

/// tantivy's own French analysis: simple tokenizer, lower-casing, French stop words (the elided
/// `l`, `d`, `qu`, … among them: the simple tokenizer cuts at apostrophes), Snowball French,
/// ASCII folding.
pub fn tantivy_french_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::French).expect("tantivy has French stop words"))
        .filter(Stemmer::new(Language::French))
        .filter(AsciiFoldingFilter)
        .build()
}

/// The baseline's schema: title and body only, stored, analysed with [`tantivy_french_analyzer`],
/// with frequencies and positions.
fn french_schema() -> (Schema, [tantivy::schema::Field; 2]) {
    let mut builder = Schema::builder();
    let options = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TANTIVY_FRENCH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let title = builder.add_text_field("title", options.clone());
    let body = builder.add_text_field("body", options);
    (builder.build(), [title, body])
}

/// The JSON-lines files of a corpus: the file itself, or the files of a directory, sorted.
fn corpus_files(corpus: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if corpus.is_file() {
        return Ok(vec![corpus.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    Ok(files)
}

/// A baseline: tantivy alone, reading the JSON lines on this thread and writing with `threads`
/// writer threads.
fn baseline_index(
    phase: Phase,
    corpus: &Path,
    index_dir: &Path,
    threads: usize,
) -> anyhow::Result<(u64, u64)> {
    std::fs::create_dir_all(index_dir)?;
    let (bare_schema, bare_fields) = bare_schema();
    let (french_schema, french_fields) = french_schema();
    let index = match phase {
        Phase::Bare => Index::create_in_dir(index_dir, bare_schema)?,
        Phase::French => {
            let index = Index::create_in_dir(index_dir, french_schema)?;
            index
                .tokenizers()
                .register(TANTIVY_FRENCH, tantivy_french_analyzer());
            index
        }
    };
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(
        threads,
        sahel_indexer::pipeline::DEFAULT_WRITER_MEMORY,
    )?;
    let (mut docs, mut bytes) = (0u64, 0u64);
    for file in corpus_files(corpus)? {
        let reader = std::io::BufReader::new(std::fs::File::open(&file)?);
        for line in reader.lines() {
            let line = line?;
            bytes += line.len() as u64 + 1;
            let value: serde_json::Value = serde_json::from_str(&line)?;
            let text = |key: &str| value[key].as_str().unwrap_or_default();
            let doc = match phase {
                Phase::Bare => bare_document(bare_fields, text("id"), text("title"), text("body")),
                Phase::French => {
                    let mut doc = TantivyDocument::new();
                    doc.add_text(french_fields[0], text("title"));
                    doc.add_text(french_fields[1], text("body"));
                    doc
                }
            };
            writer.add_document(doc)?;
            docs += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok((docs, bytes))
}

/// One measured run.
struct Run {
    label: String,
    docs: u64,
    seconds: f64,
    /// Peak resident memory, kB (0: unknown).
    peak_kb: u64,
    cpu_seconds: f64,
    index_bytes: u64,
}

/// `/usr/bin/time`, when the system has it: its `-v` report gives peak memory and CPU time.
const TIME: &str = "/usr/bin/time";

/// What a measured child process gave.
struct Measured {
    stdout: String,
    seconds: f64,
    peak_kb: u64,
    cpu_seconds: f64,
}

/// Runs `program args` in a child process, under `/usr/bin/time -v` when it is there (and on CPU
/// 0 alone with `one_core`, through `taskset`). Peak memory and CPU time are 0 when unknown.
fn measure(program: &Path, args: &[String], one_core: bool) -> anyhow::Result<Measured> {
    let timed = Path::new(TIME).exists();
    let mut command = Command::new(if one_core {
        Path::new("taskset")
    } else if timed {
        Path::new(TIME)
    } else {
        program
    });
    if one_core {
        command.args(["-c", "0"]);
        if timed {
            command.arg(TIME);
        }
    }
    if timed {
        command.arg("-v");
    }
    if one_core || timed {
        command.arg(program);
    }
    command.args(args);
    let started = Instant::now();
    let out = command
        .output()
        .with_context(|| format!("running {}", program.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !matches!(out.status.code(), Some(0) | Some(2)) {
        bail!("{} {} failed: {stderr}", program.display(), args.join(" "));
    }
    let field = |name: &str| -> Option<f64> {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
    };
    Ok(Measured {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        seconds,
        peak_kb: field("Maximum resident set size (kbytes):").unwrap_or(0.0) as u64,
        cpu_seconds: field("User time (seconds):").unwrap_or(0.0)
            + field("System time (seconds):").unwrap_or(0.0),
    })
}

/// `sahel index CORPUS` run by `sahel_bin` into a fresh `index`.
fn run_full(
    label: &str,
    sahel_bin: &Path,
    corpus: &Path,
    index: &Path,
    threads: usize,
    one_core: bool,
) -> anyhow::Result<Run> {
    let _ = std::fs::remove_dir_all(index);
    let args: Vec<String> = vec![
        "index".into(),
        corpus.display().to_string(),
        "--index".into(),
        index.display().to_string(),
        "--quiet".into(),
        "--threads".into(),
        threads.to_string(),
        // Builds from before JSON files were streamed read them whole: let them read the one file.
        "--max-file-size".into(),
        "1000000".into(),
    ];
    let measured = measure(sahel_bin, &args, one_core)?;
    // "documents: N added, M updated, …"
    let docs = measured
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("documents: "))
        .map(|l| {
            l.split(", ")
                .take(2)
                .filter_map(|part| part.split_whitespace().next()?.parse::<u64>().ok())
                .sum()
        })
        .unwrap_or(0);
    Ok(Run {
        label: label.to_string(),
        docs,
        seconds: measured.seconds,
        peak_kb: measured.peak_kb,
        cpu_seconds: measured.cpu_seconds,
        index_bytes: dir_size(index),
    })
}

/// A baseline phase in a child process.
fn run_baseline(
    label: &str,
    phase: &str,
    corpus: &Path,
    index: &Path,
    threads: usize,
) -> anyhow::Result<Run> {
    let _ = std::fs::remove_dir_all(index);
    let exe = std::env::current_exe()?;
    let args: Vec<String> = vec![
        "bench".into(),
        "index-phase".into(),
        "--phase".into(),
        phase.into(),
        "--corpus".into(),
        corpus.display().to_string(),
        "--index".into(),
        index.display().to_string(),
        "--threads".into(),
        threads.to_string(),
    ];
    let measured = measure(&exe, &args, false)?;
    let last = measured.stdout.lines().last().unwrap_or_default();
    let result: PhaseResult = serde_json::from_str(last)
        .with_context(|| format!("{phase} phase output: {}", measured.stdout))?;
    Ok(Run {
        label: label.to_string(),
        docs: result.docs,
        seconds: measured.seconds,
        peak_kb: if measured.peak_kb > 0 {
            measured.peak_kb
        } else {
            result.peak_kb
        },
        cpu_seconds: if measured.cpu_seconds > 0.0 {
            measured.cpu_seconds
        } else {
            result.cpu_seconds
        },
        index_bytes: dir_size(index),
    })
}

fn print_run(r: &Run, text_bytes: u64) {
    println!(
        "{:<44} {:>8} {:>8.1} {:>9.0} {:>9.2} {:>8.0} {:>7.1} {:>8.1}",
        r.label,
        r.docs,
        r.seconds,
        r.docs as f64 / r.seconds,
        text_bytes as f64 / 1e6 / r.seconds,
        r.peak_kb as f64 / 1024.0,
        r.cpu_seconds,
        r.index_bytes as f64 / 1e6,
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
    let one_dir = out.join("corpus-one");
    let _ = std::fs::remove_dir_all(&corpus);
    let _ = std::fs::remove_dir_all(&one_dir);
    let started = Instant::now();
    let one_file = one_dir.join("corpus.jsonl");
    let built = build_corpus(
        &args.data,
        args.docs,
        &corpus,
        (!args.no_one_file).then_some(one_file.as_path()),
    )?;
    println!(
        "corpus: {} documents, {:.1} MB in {} JSON-lines files{}; {:.1} MB of title + body text (built in {:.1} s from {})",
        args.docs,
        built.bytes as f64 / 1e6,
        built.files,
        if args.no_one_file { "" } else { " and as one file" },
        built.text_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        args.data.display()
    );
    let threads = threads(args.threads);
    let sahel_bin = match &args.sahel_bin {
        Some(bin) => bin.clone(),
        None => std::env::current_exe()?,
    };
    println!(
        "threads: {threads}; full pipeline: `{} index`; peak memory and CPU time: {}",
        sahel_bin.display(),
        if Path::new(TIME).exists() {
            "/usr/bin/time -v"
        } else {
            "unknown for the full pipeline (no /usr/bin/time)"
        }
    );
    println!(
        "{:<44} {:>8} {:>8} {:>9} {:>9} {:>8} {:>7} {:>8}",
        "run", "docs", "seconds", "docs/s", "text MB/s", "peak MB", "CPU s", "index MB"
    );
    let full_dir = out.join("index-full");
    let scratch = out.join("index-run");
    let text = built.text_bytes;
    let show = |run: anyhow::Result<Run>| -> anyhow::Result<Run> {
        let run = run?;
        print_run(&run, text);
        Ok(run)
    };
    let files_label = format!("{} files", built.files);
    let full = show(run_full(
        &format!("full, {files_label}, {threads} threads"),
        &sahel_bin,
        &corpus,
        &full_dir,
        threads,
        false,
    ))?;
    let full_one = if args.no_one_file {
        None
    } else {
        Some(show(run_full(
            &format!("full, one file, {threads} threads"),
            &sahel_bin,
            &one_file,
            &scratch,
            threads,
            false,
        ))?)
    };
    let mut scaling = Vec::new();
    if !args.no_scaling {
        scaling.push(show(run_full(
            &format!("full, {files_label}, 1 thread"),
            &sahel_bin,
            &corpus,
            &scratch,
            1,
            false,
        ))?);
        if Command::new("taskset").arg("-V").output().is_ok() {
            scaling.push(show(run_full(
                &format!("full, {files_label}, 1 thread on 1 core"),
                &sahel_bin,
                &corpus,
                &scratch,
                1,
                true,
            ))?);
        }
    }
    let french = show(run_baseline(
        &format!("tantivy French, {files_label}, {threads} threads"),
        "french",
        &corpus,
        &scratch,
        threads,
    ))?;
    let french_one = if args.no_one_file {
        None
    } else {
        Some(show(run_baseline(
            &format!("tantivy French, one file, {threads} threads"),
            "french",
            &one_file,
            &scratch,
            threads,
        ))?)
    };
    if !args.no_bare {
        show(run_baseline(
            &format!("bare writer, {files_label}, {threads} threads"),
            "bare",
            &corpus,
            &scratch,
            threads,
        ))?;
    }
    let _ = std::fs::remove_dir_all(&scratch);

    // Both index the same text: the ratio of text MB/s is the inverse ratio of the times.
    let ratio = |full: &Run, base: &Run| base.seconds / full.seconds;
    let cpu_ratio = |full: &Run, base: &Run| base.cpu_seconds / full.cpu_seconds.max(0.01);
    println!(
        "full / tantivy French, text MB/s, {files_label}: {:.2} (target 0.5); by CPU time: {:.2}",
        ratio(&full, &french),
        cpu_ratio(&full, &french)
    );
    if let (Some(full_one), Some(french_one)) = (&full_one, &french_one) {
        println!(
            "full / tantivy French, text MB/s, one file: {:.2} (target 0.5); by CPU time: {:.2}",
            ratio(full_one, french_one),
            cpu_ratio(full_one, french_one)
        );
    }
    let docs_per_second = |r: &Run| r.docs as f64 / r.seconds.max(1e-9);
    for one in &scaling {
        println!(
            "docs/s, {threads} threads / {}: {:.2} (target 1.7 for 2 threads)",
            one.label.rsplit(", ").next().unwrap_or_default(),
            docs_per_second(&full) / docs_per_second(one).max(1e-9),
        );
    }
    println!(
        "full index {:.0}% of the input size",
        100.0 * full.index_bytes as f64 / built.bytes as f64
    );
    println!("full index, by component and field:");
    print_space(&full_dir, Some(built.bytes), false)?;
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
