//! Regression and speed check of `extract()` without building the CLI: prints one JSON extraction
//! per document of the given JSON-lines files (fields `id`, `title`, `body`), of ACLED's notes and
//! of the sample reports, with the built-in gazetteer or with the GeoNames files given after `--`,
//! and the time extraction took on stderr. Compare two runs' outputs with `cmp`.
//!
//! `cargo run --release -p sahel-facets --example extract_check -- OUT.jsonl JSONL... [-- GEONAMES...]`
//! (with `DETECT_ONLY=1` in the environment: only the time of the language detection it includes)

use std::io::{BufRead, Write};
use std::path::PathBuf;

use sahel_facets::{extract, DocMeta, Extractor};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, rest)) = args.split_first() else {
        return Err("usage: extract_check OUT.jsonl JSONL... [-- GEONAMES...]".into());
    };
    let split = rest.iter().position(|a| a == "--").unwrap_or(rest.len());
    let (inputs, geonames) = (&rest[..split], rest.get(split + 1..).unwrap_or(&[]));
    let extractor = Extractor::with_geonames(geonames)?;
    let mut docs: Vec<(DocMeta, String)> = Vec::new();
    for input in inputs {
        let file = std::io::BufReader::new(std::fs::File::open(input)?);
        for line in file.lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let meta = DocMeta {
                id: field("id").unwrap_or_default(),
                title: field("title"),
                ..DocMeta::default()
            };
            docs.push((meta, field("body").unwrap_or_default()));
        }
    }
    let notes = sahel_facets::eval::read_acled_csv(&PathBuf::from(format!(
        "{DATA}/acled-sahel/acled_sahel3_combined_1997-2020.csv"
    )))?;
    for n in notes {
        // Language detected; publication date as `sahel eval acled` simulates it.
        let meta = DocMeta {
            id: n.id.clone(),
            published: n.event_date.checked_add_days(chrono::Days::new(3)),
            ..DocMeta::default()
        };
        docs.push((meta, n.notes));
    }
    if let Ok(dir) = std::fs::read_dir(format!("{DATA}/sample-reports")) {
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p)?;
            let meta = DocMeta {
                id: p.display().to_string(),
                language: Some("fr".into()),
                ..DocMeta::default()
            };
            docs.push((meta, text));
        }
    }
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    if std::env::var_os("DETECT_ONLY").is_some() {
        // The language detection extract() runs (documents without a language), timed alone.
        let detector = sahel_text::LanguageDetector::new();
        let t = std::time::Instant::now();
        for (m, b) in docs.iter().filter(|(m, _)| m.language.is_none()) {
            let body = match m.title.as_deref() {
                Some(t) if !t.trim().is_empty() && !b.trim_start().starts_with(t.trim()) => {
                    format!("{t}\n\n{b}")
                }
                _ => b.clone(),
            };
            std::hint::black_box(detector.detect(&body));
        }
        eprintln!(
            "language detection alone: {:.2} s",
            t.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let t = std::time::Instant::now();
    let results: Vec<_> = docs
        .iter()
        .map(|(m, b)| extract(b, m, &extractor))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} documents, {:.1} MiB in {secs:.2} s: {:.2} MiB/s",
        docs.len(),
        bytes as f64 / 1048576.0,
        bytes as f64 / 1048576.0 / secs
    );
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for r in &results {
        writeln!(w, "{}", serde_json::to_string(r)?)?;
    }
    Ok(())
}
