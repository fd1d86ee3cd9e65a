//! `sahel eval dates TSV [--negatives FILE] [--reference DATE] [--failures N]`: how the date
//! extractor reads the Duckling French time corpus, in both resolution directions (Past, the
//! report convention extraction uses; Forward, Duckling's convention), per grain and per kind,
//! with the failures.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use sahel_facets::dates::eval::{eval_duckling, DatesEval};
use sahel_facets::dates::Direction;

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
    /// How many failures to list per direction (all with 0).
    #[arg(long, default_value_t = 25)]
    failures: usize,
}

fn print_details(report: &DatesEval, max_failures: usize) {
    let text = report.to_string();
    let mut listed = 0usize;
    let mut in_failures = false;
    for line in text.lines() {
        if line.starts_with("failures (") {
            in_failures = true;
            println!("{line}");
            continue;
        }
        if in_failures {
            listed += 1;
            if max_failures > 0 && listed > max_failures {
                continue;
            }
        }
        println!("{line}");
    }
    if max_failures > 0 && listed > max_failures {
        println!(
            "  … {} more (--failures 0 lists all)",
            listed - max_failures
        );
    }
}

pub fn dates(args: DatesArgs) -> anyhow::Result<Outcome> {
    let corpus = std::fs::read_to_string(&args.tsv)
        .with_context(|| format!("cannot read {}", args.tsv.display()))?;
    let negatives = match &args.negatives {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
        None => String::new(),
    };
    let mut reports = Vec::new();
    for direction in [Direction::Past, Direction::Forward] {
        reports.push(
            eval_duckling(&corpus, &negatives, args.reference, direction)
                .with_context(|| format!("cannot evaluate {}", args.tsv.display()))?,
        );
    }
    println!("corpus: {}", args.tsv.display());
    println!("day/month/year-grain phrases resolved as Duckling expects:");
    for r in &reports {
        println!("  {:<8} {}", format!("{:?}", r.direction), r.summary());
    }
    println!(
        "  (Past = report convention, what `sahel extract`/indexing use; Forward = Duckling's convention)"
    );
    for r in &reports {
        println!();
        print_details(r, args.failures);
    }
    Ok(Outcome::Success)
}
