//! `sahel extract [--json] [--gazetteer FILE]... PATH...`: prints the facets extracted from each
//! document (one JSON object per line with `--json`, a readable summary otherwise).
//!
//! Reading is deliberately minimal here (UTF-8 `.txt` / `.md`, markdown front matter with
//! `title`, `published`/`date`, `language`/`lang`); the indexer's readers handle the other formats.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use sahel_facets::{extract, DocMeta, Extraction, Extractor};

use crate::Outcome;

#[derive(Args)]
pub struct ExtractArgs {
    /// One JSON object per document and line.
    #[arg(long)]
    json: bool,
    /// GeoNames file (country dump, admin1 or admin2 codes) extending the built-in gazetteer.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Files or folders (.txt, .md; folders are walked recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// The built-in gazetteer extended with the given GeoNames files.
pub fn build_extractor(gazetteers: &[PathBuf]) -> anyhow::Result<Extractor> {
    Extractor::with_geonames(gazetteers).context("loading the gazetteer and actor table")
}

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let extractor = build_extractor(&args.gazetteers)?;
    let mut files = Vec::new();
    let mut failures = 0usize;
    for p in &args.paths {
        if let Err(e) = collect_files(p, &mut files) {
            eprintln!("error: {e:#}");
            failures += 1;
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in &files {
        match read_document(file) {
            Ok((text, meta)) => {
                let ex = extract(&text, &meta, &extractor);
                if args.json {
                    writeln!(out, "{}", serde_json::to_string(&ex)?)?;
                } else {
                    write_summary(&mut out, &ex)?;
                }
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                failures += 1;
            }
        }
    }
    Ok(if failures == 0 {
        Outcome::Success
    } else {
        Outcome::PartialFailure
    })
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("cannot list {}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_files(&p, out)?;
        } else if matches!(
            p.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("txt" | "md")
        ) {
            out.push(p);
        }
    }
    Ok(())
}

fn read_document(path: &Path) -> anyhow::Result<(String, DocMeta)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut meta = DocMeta {
        id: path.display().to_string(),
        ..DocMeta::default()
    };
    let body = split_front_matter(&text, &mut meta);
    Ok((body, meta))
}

/// Reads a `---` front matter (YAML-like `key: value` lines) into `meta`; returns the body.
fn split_front_matter(text: &str, meta: &mut DocMeta) -> String {
    let trimmed = text.trim_start_matches('\u{feff}');
    let Some(rest) = trimmed.strip_prefix("---") else {
        return trimmed.to_string();
    };
    let Some(end) = rest.find("\n---") else {
        return trimmed.to_string();
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value.to_string()),
            "published" | "date" => {
                meta.published = value
                    .get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            }
            "language" | "lang" => meta.language = Some(value.to_ascii_lowercase()),
            "source" => meta.source = Some(value.to_string()),
            "url" => meta.url = Some(value.to_string()),
            _ => {}
        }
    }
    let body = &rest[end + 4..];
    body.split_once('\n')
        .map(|(_, b)| b)
        .unwrap_or("")
        .to_string()
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

    #[test]
    fn front_matter_fills_metadata() {
        let mut meta = DocMeta::default();
        let body = split_front_matter(
            "---\ntitle: \"Attaque à Léré\"\npublished: 2023-09-18\nlanguage: fr\n---\nTexte.\n",
            &mut meta,
        );
        assert_eq!(body, "Texte.\n");
        assert_eq!(meta.title.as_deref(), Some("Attaque à Léré"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2023, 9, 18));
        assert_eq!(meta.language.as_deref(), Some("fr"));
    }
}
