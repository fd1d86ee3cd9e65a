//! `sahel eval snowball|lemmas|langid`: the text-analysis figures of issue 2, on the shared data.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use sahel_text::eval::{language_detection, lemma_conflation, snowball_agreement};
use sahel_text::{LanguageDetector, ProtectedWords};

use crate::Outcome;

/// Where the reference data lives.
#[derive(Args)]
pub struct DataArgs {
    /// Shared data directory (snowball-french/, ud-french/, acled-sahel/).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
}

/// Agreement of the French stemmer with the Snowball reference, every deviation with its reason.
pub fn snowball(args: DataArgs) -> anyhow::Result<Outcome> {
    let path = args
        .data
        .join("snowball-french")
        .join("voc_output_pairs.tsv");
    let report = snowball_agreement(&path, &ProtectedWords::builtin())
        .with_context(|| format!("evaluating Snowball agreement on {}", path.display()))?;
    println!("Snowball French agreement on {}", path.display());
    println!(
        "  words {}, protected {}, overridden {}, agreeing {} of the other {}: {:.2}%",
        report.words,
        report.protected,
        report.overridden,
        report.agreeing,
        report.words - report.protected - report.overridden,
        report.agreement_percent()
    );
    println!("  deviations: {}", report.deviations.len());
    for deviation in &report.deviations {
        println!(
            "    {}\treference {}\tours {}\t{}",
            deviation.word, deviation.reference, deviation.ours, deviation.reason
        );
    }
    Ok(Outcome::Success)
}

/// Lemma conflation and collision figures of the French analyzer on the UD French treebanks.
pub fn lemmas(args: DataArgs) -> anyhow::Result<Outcome> {
    let dir = args.data.join("ud-french");
    let report = lemma_conflation(&dir, Arc::new(ProtectedWords::builtin()))
        .with_context(|| format!("evaluating lemma conflation on {}", dir.display()))?;
    println!(
        "Lemma conflation of the French analyzer on {} ({} .conllu files)",
        dir.display(),
        report.files
    );
    println!(
        "  entries (distinct lowercased form+lemma, NOUN/ADJ/VERB) {}, lemmas {}, left out (no term) {}",
        report.entries, report.lemmas, report.without_terms
    );
    println!(
        "  same lemma, different forms: {} of {} pairs share an index term: {:.2}%",
        report.same_lemma_conflated,
        report.same_lemma_pairs,
        report.conflation_percent()
    );
    println!(
        "  different lemmas, different forms: {} of {} pairs collide: {:.4}%",
        report.different_lemma_colliding,
        report.different_lemma_pairs,
        report.collision_percent()
    );
    println!("  examples of same-lemma pairs kept apart:");
    for (a, b, lemma) in &report.missed_examples {
        println!("    {a} / {b} ({lemma})");
    }
    println!("  examples of colliding different-lemma pairs:");
    for (a, lemma_a, b, lemma_b) in &report.collision_examples {
        println!("    {a} ({lemma_a}) / {b} ({lemma_b})");
    }
    Ok(Outcome::Success)
}

/// Language-detection accuracy and cost on the ACLED notes and the UD French sentences.
pub fn langid(args: DataArgs) -> anyhow::Result<Outcome> {
    let detector = LanguageDetector::new();
    // Load the models before timing, so the cost per KB is the steady-state cost.
    detector.detect("Les forces armées ont repoussé l'attaque. The army repelled the attack.");
    let reports = language_detection(&args.data, &detector)
        .with_context(|| format!("evaluating language detection on {}", args.data.display()))?;
    println!(
        "Language detection (lingua: fr, en, ar; texts of {}+ characters)",
        sahel_text::eval::langid::MIN_CHARS
    );
    for report in &reports {
        println!(
            "  {} (expected {}): {} of {} correct: {:.2}%; cost {:.1} µs/KB ({:.2} MB/s over {} KB)",
            report.corpus,
            report.expected,
            report.correct,
            report.texts,
            report.accuracy_percent(),
            report.micros_per_kb(),
            report.megabytes_per_second(),
            report.bytes / 1024
        );
        for (language, count) in &report.errors {
            println!("    detected as {language}: {count}");
        }
        println!(
            "    decided by function words without lingua: {} of {} ({} of them correct)",
            report.shortcut, report.texts, report.shortcut_correct
        );
    }
    Ok(Outcome::Success)
}
