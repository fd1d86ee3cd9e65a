//! `sahel eval dates TSV [--negatives FILE] [--reference DATE]`: how the date extractor reads the
//! Duckling French time corpus, per grain and per kind, with the failures.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use sahel_facets::dates::eval::eval_duckling;

use crate::Outcome;

#[derive(Args)]
pub struct DatesArgs {
    /// The corpus TSV (e.g. ../shared/data/duckling-fr/duckling_fr_time_corpus.tsv).
    tsv: PathBuf,
    /// Phrases that must give no date, one a line (e.g. duckling_fr_time_negative.txt).
    #[arg(long, value_name = "FILE")]
    negatives: Option<PathBuf>,
    /// The corpus reference time, used as the publication date (Duckling's: 2013-02-12).
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "2013-02-12")]
    reference: NaiveDate,
}

pub fn dates(args: DatesArgs) -> anyhow::Result<Outcome> {
    let corpus = std::fs::read_to_string(&args.tsv)
        .with_context(|| format!("cannot read {}", args.tsv.display()))?;
    let negatives = match &args.negatives {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
        None => String::new(),
    };
    let report = eval_duckling(&corpus, &negatives, args.reference)
        .with_context(|| format!("cannot evaluate {}", args.tsv.display()))?;
    println!("corpus: {}", args.tsv.display());
    print!("{report}");
    Ok(Outcome::Success)
}
