//! `sahel bench stages`: where the indexing pipeline's time goes, stage by stage, on one thread.
//!
//! Reads a corpus directory (as `bench index` writes it, or any folder `sahel index` takes), then
//! runs each stage of the pipeline over every record in turn, timing it alone: parsing, the
//! content hash, language detection, facet extraction, each analyzer over title and body, building
//! the tantivy document, and the tantivy writer (one indexing thread). The stages are those of
//! `sahel_indexer::pipeline`, called one after the other rather than interleaved, so each figure
//! is that stage's cost without the others sharing the caches.
//!
//! Two more stages bound what the pipeline can reach: the same documents written with tantivy's
//! default tokenizer in place of our three analyzers (the schema's own cost: its two indexed copies
//! of the text, columns and store), and the bare writer of `sahel bench index` (default tokenizer,
//! id, title and body stored). Stages timed for comparison have no share; the pipeline total is
//! the sum of the others.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use sahel_indexer::analysis::Analysis;
use sahel_indexer::document::{build_document, content_hash, language_fields, Identity};
use sahel_indexer::readers::{parse_file, Format};
use sahel_indexer::record::SourceRecord;
use sahel_indexer::schema::build_schema;
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, TantivyDocument};

use crate::Outcome;

#[derive(Args)]
pub struct StagesArgs {
    /// A corpus directory (files of any format `sahel index` reads).
    #[arg(long)]
    corpus: PathBuf,
    /// Stop after this many records (0 = all).
    #[arg(long, default_value_t = 0)]
    docs: usize,
    /// GeoNames files extending the gazetteer, as for `sahel index`.
    #[arg(long = "gazetteer")]
    gazetteers: Vec<PathBuf>,
    /// Stop after extraction (to profile the stages up to it alone).
    #[arg(long)]
    until_extraction: bool,
}

struct Stage {
    name: &'static str,
    time: Duration,
    /// A stage `sahel index` runs, as against one timed alone for comparison (language detection
    /// is part of extraction, the analyzers are run again by tantivy).
    in_pipeline: bool,
}

/// A stage `sahel index` runs ([`Stage::in_pipeline`]).
const PIPELINE: bool = true;
/// A stage timed alone for comparison, left out of the pipeline's total.
const COMPARISON: bool = false;

pub fn run(args: StagesArgs) -> anyhow::Result<Outcome> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(&args.corpus)
        .with_context(|| format!("{}", args.corpus.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let analysis = Analysis::load(&args.gazetteers)?;
    let mut stages: Vec<Stage> = Vec::new();
    let mut time = |name: &'static str, in_pipeline: bool, f: &mut dyn FnMut()| {
        let started = Instant::now();
        f();
        stages.push(Stage {
            name,
            time: started.elapsed(),
            in_pipeline,
        });
    };

    let mut raw: Vec<(Format, Vec<u8>)> = Vec::new();
    time("read files", PIPELINE, &mut || {
        for path in &files {
            if let (Ok(format), Ok(bytes)) = (Format::from_path(path), std::fs::read(path)) {
                raw.push((format, bytes));
            }
        }
    });
    let bytes: u64 = raw.iter().map(|(_, b)| b.len() as u64).sum();
    let mut records: Vec<SourceRecord> = Vec::new();
    time("parse", PIPELINE, &mut || {
        for (format, data) in &raw {
            if let Ok(parsed) = parse_file(*format, data) {
                records.extend(parsed.records);
            }
        }
    });
    drop(raw);
    if args.docs > 0 {
        records.truncate(args.docs);
    }
    let text_bytes: u64 = records
        .iter()
        .map(|r| (r.title.len() + r.body.len()) as u64)
        .sum();
    let mut hashes = Vec::with_capacity(records.len());
    time("content hash", PIPELINE, &mut || {
        hashes.extend(records.iter().map(|r| content_hash(&r.body)));
    });
    let detector = sahel_text::LanguageDetector::new();
    let mut languages = Vec::with_capacity(records.len());
    time("language detection", COMPARISON, &mut || {
        languages.extend(records.iter().map(|r| detector.detect(&r.body)));
    });
    let mut analysed = Vec::with_capacity(records.len());
    time("extraction (with detection)", PIPELINE, &mut || {
        analysed.extend(
            records
                .iter()
                .enumerate()
                .map(|(k, r)| analysis.analyse(&k.to_string(), r)),
        );
    });
    if args.until_extraction {
        print_stages(&stages, records.len(), bytes, text_bytes);
        return Ok(Outcome::Success);
    }
    let (schema, fields) = build_schema();
    let manager = tantivy::tokenizer::TokenizerManager::default();
    analysis.register_analyzers(&manager);
    for (name, label) in [
        (sahel_text::FRENCH_ANALYZER, "analyzer fr (title + body)"),
        (sahel_text::ENGLISH_ANALYZER, "analyzer en (title + body)"),
        (sahel_text::EXACT_ANALYZER, "analyzer exact (title + body)"),
    ] {
        let mut analyzer = manager.get(name).context("analyzer")?;
        let mut tokens = 0usize;
        time(label, COMPARISON, &mut || {
            for (r, a) in records.iter().zip(&analysed) {
                let (fr, en) = language_fields(a.language);
                let wanted = match name {
                    sahel_text::FRENCH_ANALYZER => fr,
                    sahel_text::ENGLISH_ANALYZER => en,
                    _ => true,
                };
                if wanted {
                    for text in [&r.title, &r.body] {
                        let mut stream = analyzer.token_stream(text);
                        while stream.advance() {
                            tokens += 1;
                        }
                    }
                }
            }
        });
        eprintln!("{label}: {tokens} tokens");
    }
    let mut docs: Vec<TantivyDocument> = Vec::with_capacity(records.len());
    time("build document", PIPELINE, &mut || {
        for ((k, r), (a, h)) in records.iter().enumerate().zip(analysed.iter().zip(&hashes)) {
            let identity = Identity {
                id: k.to_string(),
                source_path: String::new(),
                source_hash: String::new(),
                content_hash: h.clone(),
            };
            docs.push(build_document(&fields, &identity, r, a));
        }
    });
    // The same documents through the schema with tantivy's default tokenizer in place of our
    // analyzers: what the schema itself (its fields, columns and store) costs.
    let mut floor_docs = docs.clone();
    // In memory (the stage is tantivy's CPU work, not the disk), with the settings of a real
    // index (zstd document store).
    let mut writer = in_ram_writer(schema.clone(), |manager| {
        analysis.register_analyzers(manager)
    })?;
    time(
        "tantivy (1 thread: analyzers + postings + store + commit)",
        PIPELINE,
        &mut || write_all(&mut writer, &mut docs),
    );
    writer.result?;
    let mut writer = in_ram_writer(schema, |manager| {
        for name in [
            sahel_text::FRENCH_ANALYZER,
            sahel_text::ENGLISH_ANALYZER,
            sahel_text::EXACT_ANALYZER,
        ] {
            if let Some(default) = manager.get("default") {
                manager.register(name, default);
            }
        }
    })?;
    time(
        "tantivy, default tokenizer for our analyzers (the schema alone)",
        COMPARISON,
        &mut || write_all(&mut writer, &mut floor_docs),
    );
    writer.result?;
    let (bare_schema, bare_fields) = crate::cmd::bench::bare_schema();
    let mut writer = in_ram_writer(bare_schema, |_| {})?;
    time(
        "bare writer (default tokenizer, id + title + body stored)",
        COMPARISON,
        &mut || {
            let mut docs: Vec<TantivyDocument> = records
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    crate::cmd::bench::bare_document(bare_fields, &k.to_string(), &r.title, &r.body)
                })
                .collect();
            write_all(&mut writer, &mut docs)
        },
    );
    writer.result?;

    print_stages(&stages, records.len(), bytes, text_bytes);
    Ok(Outcome::Success)
}

/// A one-thread writer over an in-memory index of `schema` with the settings of a real index,
/// its analyzers registered by `register`; `result` holds the first error of [`write_all`].
struct RamWriter {
    writer: tantivy::IndexWriter<TantivyDocument>,
    result: tantivy::Result<()>,
}

fn in_ram_writer(
    schema: tantivy::schema::Schema,
    register: impl FnOnce(&tantivy::tokenizer::TokenizerManager),
) -> anyhow::Result<RamWriter> {
    let index = Index::builder()
        .schema(schema)
        .settings(sahel_indexer::index_dir::index_settings())
        .create_in_ram()?;
    register(index.tokenizers());
    let writer = index.writer_with_num_threads::<TantivyDocument>(
        1,
        sahel_indexer::pipeline::DEFAULT_WRITER_MEMORY,
    )?;
    Ok(RamWriter {
        writer,
        result: Ok(()),
    })
}

/// Adds every document and commits; the first error ends the stage and is kept.
fn write_all(writer: &mut RamWriter, docs: &mut Vec<TantivyDocument>) {
    for doc in docs.drain(..) {
        if let Err(e) = writer.writer.add_document(doc) {
            writer.result = Err(e);
            return;
        }
    }
    if let Err(e) = writer.writer.commit() {
        writer.result = Err(e);
    }
}

fn print_stages(stages: &[Stage], records: usize, bytes: u64, text_bytes: u64) {
    println!(
        "corpus: {} records, {:.1} MB of files, {:.1} MB of title + body text",
        records,
        bytes as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    let total: f64 = stages
        .iter()
        .filter(|s| s.in_pipeline)
        .map(|s| s.time.as_secs_f64())
        .sum();
    println!(
        "{:<60} {:>8} {:>7} {:>9}",
        "stage", "seconds", "share", "MB/s"
    );
    for s in stages {
        let secs = s.time.as_secs_f64();
        println!(
            "{:<60} {:>8.2} {:>7} {:>9.1}",
            s.name,
            secs,
            if s.in_pipeline {
                format!("{:.1}%", 100.0 * secs / total)
            } else {
                "-".to_string()
            },
            text_bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    println!(
        "{:<60} {:>8.2}  (the stages with a share: what `sahel index` runs)",
        "pipeline total", total
    );
}
