//! `sahel eval …`: the evaluation commands that print the figures the issues ask for.

use std::path::Path;

use anyhow::Context;
use clap::{Args, Subcommand};

use super::eval_acled;
use super::eval_dates;
use super::eval_facets;
use super::eval_glossary;
use super::eval_relevance;
use super::eval_text;
use crate::Outcome;

#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    command: EvalCommand,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Place (event region) and event-month figures on ACLED's labelled notes.
    Acled(eval_acled::AcledArgs),
    /// Date resolution on the Duckling French time corpus (day/month/year grain) and its negatives.
    Dates(eval_dates::DatesArgs),
    /// Agreement of the French stemmer with the Snowball reference vocabulary.
    Snowball(eval_text::DataArgs),
    /// Lemma conflation and collisions of the French analyzer on the UD French treebanks.
    Lemmas(eval_text::DataArgs),
    /// Ranking quality (nDCG@10, recall@10, zero results) on the bilingual relevance set.
    Relevance(eval_relevance::RelevanceArgs),
    /// The bilingual glossary: rows per category, and its French terms found in UD French.
    Glossary(eval_glossary::GlossaryArgs),
    /// Event regions, event months and actors against the hand-labelled facets set.
    Facets(eval_facets::FacetsArgs),
    /// Language-detection accuracy and cost per KB on ACLED notes and UD French sentences.
    Langid(eval_text::DataArgs),
}

pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    match args.command {
        EvalCommand::Acled(args) => eval_acled::run(args),
        EvalCommand::Dates(args) => eval_dates::dates(args),
        EvalCommand::Snowball(args) => eval_text::snowball(args),
        EvalCommand::Lemmas(args) => eval_text::lemmas(args),
        EvalCommand::Langid(args) => eval_text::langid(args),
        EvalCommand::Relevance(args) => eval_relevance::run(args),
        EvalCommand::Facets(args) => eval_facets::run(args),
        EvalCommand::Glossary(args) => eval_glossary::run(args),
    }
}

/// Rows of a tab-separated evaluation file, cells trimmed, without its `#` comment lines and its
/// header row.
pub(crate) fn data_rows(path: &Path) -> anyhow::Result<Vec<Vec<String>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut rows = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect());
    // The header row.
    rows.next();
    Ok(rows.collect())
}
