//! `sahel eval glossary`: the size of the bilingual glossary per category, and a check that its
//! French side uses real forms: the share of its French terms whose every word is a form or a
//! lemma of the UD French treebanks (`../shared/data/ud-french`, real French text annotated by
//! hand; not Sahel news, so field words such as `djihadiste` or `orpaillage` are expected to miss).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use sahel_search::glossary::{parse_rows, Side, GLOSSARY_TSV};

use crate::Outcome;

#[derive(Args)]
pub struct GlossaryArgs {
    /// The reference data folder (holds `ud-french/*.conllu`).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Print the French terms not found.
    #[arg(long)]
    details: bool,
}

/// Forms and lemmas of every CoNLL-U file of the folder, lowercased.
fn ud_vocabulary(dir: &std::path::Path) -> anyhow::Result<HashSet<String>> {
    let mut words = HashSet::new();
    let mut files = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("conllu") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() > 2 {
                words.insert(cells[1].to_lowercase());
                words.insert(cells[2].to_lowercase());
            }
        }
    }
    anyhow::ensure!(files > 0, "{}: no .conllu file", dir.display());
    Ok(words)
}

/// The words of a term as a treebank tokenizes them (`d'assaut` is `d'` and `assaut`,
/// `camion-citerne` is one word or its two parts).
fn term_found(term: &str, vocabulary: &HashSet<String>) -> bool {
    term.split_whitespace().all(|word| {
        let word = word.replace('’', "'");
        if vocabulary.contains(&word) {
            return true;
        }
        let parts: Vec<&str> = word.split(['\'', '-']).filter(|p| !p.is_empty()).collect();
        !parts.is_empty()
            && parts.iter().all(|p| {
                vocabulary.contains(*p)
                    || vocabulary.contains(&format!("{p}'"))
                    || p.chars().count() == 1
            })
    })
}

pub fn run(args: GlossaryArgs) -> anyhow::Result<Outcome> {
    let rows = parse_rows(GLOSSARY_TSV).context("reading the built-in glossary")?;
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &rows {
        *per_category.entry(row.category.as_str()).or_default() += 1;
    }
    let (fr_terms, en_terms): (usize, usize) = rows.iter().fold((0, 0), |(f, e), r| {
        (
            f + r.terms(Side::French).len(),
            e + r.terms(Side::English).len(),
        )
    });
    println!(
        "glossary: {} rows, {fr_terms} French terms, {en_terms} English terms",
        rows.len()
    );
    for (category, n) in &per_category {
        println!("  {category:<14} {n:>4}");
    }
    let vocabulary = ud_vocabulary(&args.data.join("ud-french"))?;
    let mut found = 0;
    let mut rows_found = 0;
    let mut missing = Vec::new();
    for row in &rows {
        let mut any = false;
        for term in row.terms(Side::French) {
            if term_found(term, &vocabulary) {
                found += 1;
                any = true;
            } else {
                missing.push(term.as_str());
            }
        }
        rows_found += usize::from(any);
    }
    println!(
        "French terms found in UD French ({} forms and lemmas): {found}/{fr_terms} ({:.1}%); rows with at least one French term found: {rows_found}/{} ({:.1}%)",
        vocabulary.len(),
        100.0 * found as f64 / fr_terms.max(1) as f64,
        rows.len(),
        100.0 * rows_found as f64 / rows.len().max(1) as f64,
    );
    if args.details {
        println!("not found: {}", missing.join(", "));
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_found_word_by_word_and_by_their_parts() {
        let vocabulary: HashSet<String> =
            ["frappe", "aérienne", "camion", "citerne", "d'", "assaut"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert!(term_found("frappe aérienne", &vocabulary));
        assert!(term_found("camion-citerne", &vocabulary));
        assert!(term_found("d'assaut", &vocabulary));
        assert!(!term_found("frappe de drone", &vocabulary));
    }
}
