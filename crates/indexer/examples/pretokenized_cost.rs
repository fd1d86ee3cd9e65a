//! What pre-analysed text (tantivy's `PreTokenizedString`) would cost against letting the tantivy
//! writer run the analyzers: the same documents (title and body of a JSON-lines file, French,
//! English and exact fields as the pipeline fills them) written to an in-memory index on one
//! thread, both ways, alternately, `ROUNDS` times; CPU seconds of this process for each way:
//! `cargo run --release -p sahel-indexer --example pretokenized_cost -- FILE.jsonl [DOCS]`.

use std::io::BufRead;
use std::time::Instant;

use sahel_indexer::analysis::Analysis;
use sahel_indexer::document::language_fields;
use sahel_indexer::schema::build_schema;
use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer, TokenStream};
use tantivy::{Index, TantivyDocument};

const ROUNDS: usize = 3;

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    rest.split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse::<f64>().ok())
        .sum::<f64>()
        / 100.0
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> PreTokenizedString {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().clone());
    }
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: pretokenized_cost FILE.jsonl [DOCS]")?;
    let limit: usize = args.next().map_or(Ok(5000), |s| s.parse())?;
    let analysis = Analysis::load(&[])?;
    let detector = sahel_text::LanguageDetector::new();
    let mut records = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&path)?).lines() {
        let value: serde_json::Value = serde_json::from_str(&line?)?;
        let text = |k: &str| value[k].as_str().unwrap_or_default().to_string();
        let (title, body) = (text("title"), text("body"));
        let language = detector.detect(&body).code();
        records.push((title, body, language));
        if records.len() == limit {
            break;
        }
    }
    let (schema, fields) = build_schema();
    let protected = analysis.protected_words();
    let mut fr = sahel_text::french_analyzer(protected.clone());
    let mut en = sahel_text::english_analyzer(protected.clone());
    let mut exact = sahel_text::exact_analyzer(protected);
    let mut text_cpu = 0.0;
    let mut pre_cpu = 0.0;
    let mut pre_analysis_cpu = 0.0;
    for round in 0..ROUNDS {
        for pre in [false, true] {
            let index = Index::builder()
                .schema(schema.clone())
                .settings(sahel_indexer::index_dir::index_settings())
                .create_in_ram()?;
            analysis.register_analyzers(index.tokenizers());
            let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 256 << 20)?;
            let started_cpu = cpu_seconds();
            let started = Instant::now();
            for (title, body, language) in &records {
                let (to_fr, to_en) = language_fields(language);
                let mut doc = TantivyDocument::new();
                doc.add_text(fields.title, title);
                doc.add_text(fields.body, body);
                if pre {
                    let before = cpu_seconds();
                    if to_fr {
                        doc.add_pre_tokenized_text(fields.title_fr, tokens(&mut fr, title));
                        doc.add_pre_tokenized_text(fields.body_fr, tokens(&mut fr, body));
                    }
                    if to_en {
                        doc.add_pre_tokenized_text(fields.title_en, tokens(&mut en, title));
                        doc.add_pre_tokenized_text(fields.body_en, tokens(&mut en, body));
                    }
                    doc.add_pre_tokenized_text(fields.title_exact, tokens(&mut exact, title));
                    doc.add_pre_tokenized_text(fields.body_exact, tokens(&mut exact, body));
                    pre_analysis_cpu += cpu_seconds() - before;
                } else {
                    if to_fr {
                        doc.add_text(fields.title_fr, title);
                        doc.add_text(fields.body_fr, body);
                    }
                    if to_en {
                        doc.add_text(fields.title_en, title);
                        doc.add_text(fields.body_en, body);
                    }
                    doc.add_text(fields.title_exact, title);
                    doc.add_text(fields.body_exact, body);
                }
                writer.add_document(doc)?;
            }
            writer.commit()?;
            let cpu = cpu_seconds() - started_cpu;
            println!(
                "round {round}: {:<34} {:>6.2} CPU s {:>6.2} s",
                if pre {
                    "pre-analysed tokens"
                } else {
                    "text, analysed by the writer"
                },
                cpu,
                started.elapsed().as_secs_f64()
            );
            if pre {
                pre_cpu += cpu;
            } else {
                text_cpu += cpu;
            }
        }
    }
    println!(
        "{} documents: text {:.2} CPU s, pre-analysed {:.2} CPU s (of which analysis {:.2}): {:+.0}%",
        records.len(),
        text_cpu / ROUNDS as f64,
        pre_cpu / ROUNDS as f64,
        pre_analysis_cpu / ROUNDS as f64,
        100.0 * (pre_cpu / text_cpu - 1.0)
    );
    Ok(())
}
