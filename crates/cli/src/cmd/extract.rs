//! `sahel extract [--json] [--gazetteer FILE]... PATH...`: prints the facets extracted from each
//! document (one JSON object per line with `--json`, a readable summary otherwise).
//!
//! Files are found and read exactly as `sahel index` reads them (every format, folders walked
//! recursively, encodings detected, one document per JSON record or JSON-lines row, metadata from
//! front matter, `<meta>` and JSON fields; one per feed entry), so what this prints is what the
//! index gets. Unreadable files and malformed records are reported on stderr with their path (and
//! line) and skipped; warnings (bad bytes replaced, unreadable dates) are reported the same way.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use sahel_facets::{extract, DocMeta, Extraction, Extractor};
use sahel_indexer::readers::parse_file;
use sahel_indexer::record::SourceRecord;
use sahel_indexer::walk::{walk_inputs, InputFile};
use sahel_indexer::Warning;

use crate::Outcome;

#[derive(Args)]
pub struct ExtractArgs {
    /// One JSON object per document and line.
    #[arg(long)]
    json: bool,
    /// GeoNames file (country dump, admin1 or admin2 codes) extending the built-in gazetteer.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Files or folders (any format `sahel index` reads; folders are walked recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// The built-in gazetteer extended with the given GeoNames files.
pub fn build_extractor(gazetteers: &[PathBuf]) -> anyhow::Result<Extractor> {
    Extractor::with_geonames(gazetteers).context("loading the gazetteer and actor table")
}

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let extractor = build_extractor(&args.gazetteers)?;
    // No index directory to leave out of the walk.
    let walk = walk_inputs(&args.paths, Path::new(""))?;
    let mut failures = walk.problems.len();
    for problem in &walk.problems {
        eprintln!("skipped: {problem}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in &walk.files {
        let documents = match read_documents(file) {
            Ok(documents) => documents,
            Err(message) => {
                eprintln!("skipped: {message}");
                failures += 1;
                continue;
            }
        };
        failures += documents.bad_records.len();
        for message in &documents.bad_records {
            eprintln!("skipped: {message}");
        }
        for warning in &documents.warnings {
            eprintln!("warning: {warning}");
        }
        for (meta, body) in &documents.records {
            let ex = extract(body, meta, &extractor);
            if args.json {
                writeln!(out, "{}", serde_json::to_string(&ex)?)?;
            } else {
                write_summary(&mut out, &ex)?;
            }
        }
    }
    Ok(if failures == 0 {
        Outcome::Success
    } else {
        Outcome::PartialFailure
    })
}

/// The documents of one file, with the metadata the indexer would give them, and the messages of
/// records that could not be read.
pub(crate) struct FileDocuments {
    pub(crate) records: Vec<(DocMeta, String)>,
    pub(crate) bad_records: Vec<String>,
    pub(crate) warnings: Vec<Warning>,
}

pub(crate) fn read_documents(file: &InputFile) -> Result<FileDocuments, String> {
    let path = file.path.display();
    let bytes = std::fs::read(&file.path).map_err(|e| format!("{path}: {e}"))?;
    let parsed = parse_file(file.format, &bytes).map_err(|reason| format!("{path}: {reason}"))?;
    let single = parsed.records.len() == 1 && parsed.bad_records.is_empty();
    let warnings = parsed
        .all_warnings()
        .into_iter()
        .map(|(line, kind)| Warning {
            path: file.path.clone(),
            line,
            kind,
        })
        .collect();
    let records = parsed
        .records
        .into_iter()
        .map(|record| {
            let id = document_id(file, &record, single);
            (meta_of(id, &record), record.body)
        })
        .collect();
    let bad_records = parsed
        .bad_records
        .iter()
        .map(|(line, reason)| format!("{path}:{line}: {reason}"))
        .collect();
    Ok(FileDocuments {
        records,
        bad_records,
        warnings,
    })
}

/// The id `sahel index` gives a record: its own id, else the file's relative path (with `#N`, its
/// line or position, when the file holds several records).
fn document_id(file: &InputFile, record: &SourceRecord, single: bool) -> String {
    match (&record.id, record.position) {
        (Some(id), _) => id.clone(),
        (None, Some(position)) if !single => format!("{}#{}", file.relative_id, position),
        _ => file.relative_id.clone(),
    }
}

fn meta_of(id: String, record: &SourceRecord) -> DocMeta {
    DocMeta {
        id,
        title: (!record.title.is_empty()).then(|| record.title.clone()),
        published: record.published,
        language: record.language.clone(),
        source: record.source.clone(),
        url: record.url.clone(),
    }
}

fn write_summary(out: &mut impl Write, ex: &Extraction) -> std::io::Result<()> {
    writeln!(out, "{}", ex.id)?;
    if let Some(t) = &ex.title {
        writeln!(out, "  title:      {t}")?;
    }
    writeln!(out, "  language:   {}", ex.language)?;
    writeln!(
        out,
        "  published:  {}",
        ex.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into())
    )?;
    writeln!(out, "  months:     {}", ex.months.join(", "))?;
    writeln!(out, "  regions:    {}", ex.regions.join(", "))?;
    writeln!(out, "  countries:  {}", ex.countries.join(", "))?;
    writeln!(out, "  actors:     {}", ex.actors.join(", "))?;
    for p in &ex.places {
        let chain: Vec<&str> = [
            p.district.as_deref(),
            p.region.as_deref(),
            p.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        writeln!(
            out,
            "  place:      {:<8} {} ({})",
            format!("{:?}", p.role).to_lowercase(),
            p.name,
            chain.join(", ")
        )?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn documents_of(name: &str, content: &str) -> FileDocuments {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), content).unwrap();
        let walk = walk_inputs(&[dir.path().to_path_buf()], Path::new("")).unwrap();
        assert_eq!(walk.files.len(), 1);
        read_documents(&walk.files[0]).unwrap()
    }

    #[test]
    fn front_matter_fills_metadata() {
        let docs = documents_of(
            "lere.md",
            "---\ntitle: \"Attaque à Léré\"\npublished: 2023-09-18\nlanguage: fr\n---\nTexte.\n",
        );
        let (meta, body) = &docs.records[0];
        assert_eq!(body.trim(), "Texte.");
        assert_eq!(meta.id, "lere.md");
        assert_eq!(meta.title.as_deref(), Some("Attaque à Léré"));
        assert_eq!(meta.published, chrono::NaiveDate::from_ymd_opt(2023, 9, 18));
        assert_eq!(meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn json_lines_give_one_document_per_row_and_report_bad_lines() {
        let docs = documents_of(
            "feed.jsonl",
            "{\"id\": \"a\", \"body\": \"Attaque à Léré le 15 juillet.\", \"published\": \"2023-07-20\"}\n\
             {not json\n\
             {\"text\": \"Frappe aérienne près de Gao.\"}\n",
        );
        let ids: Vec<&str> = docs.records.iter().map(|(m, _)| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "feed.jsonl#3"]);
        assert_eq!(
            docs.records[0].0.published,
            chrono::NaiveDate::from_ymd_opt(2023, 7, 20)
        );
        assert_eq!(docs.bad_records.len(), 1);
        assert!(
            docs.bad_records[0].contains("feed.jsonl:2"),
            "{:?}",
            docs.bad_records
        );
    }
}
