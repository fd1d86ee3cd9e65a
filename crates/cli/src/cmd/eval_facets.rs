//! `sahel eval facets [--set DIR]`: event regions, event months and actors against hand labels.
//!
//! The set (`crates/facets/eval`) holds reports and `labels*.tsv` written by a careful reading of
//! each report by people who did not see the extraction code. Each report is read exactly as
//! `sahel extract` reads it (front matter included) and its extraction is compared with its labels:
//! precision and recall summed over the reports (micro-averaged) for event regions and event
//! months, and F1 for actors, per split (`dev` for tuning, `test` kept apart).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::Args;
use sahel_facets::{extract, Extraction};
use sahel_indexer::walk::walk_inputs;

use crate::cmd::eval::data_rows;
use crate::cmd::extract::{build_extractor, read_documents};
use crate::Outcome;

/// Where the set lives in the repository.
const DEFAULT_SET: &str = "crates/facets/eval";

#[derive(Args)]
pub struct FacetsArgs {
    /// The set's folder: `reports/` and `labels*.tsv`.
    #[arg(long, default_value = DEFAULT_SET)]
    set: PathBuf,
    /// GeoNames file (country dump, admin1 or admin2 codes) extending the built-in gazetteer.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Print every report whose extraction differs from its labels.
    #[arg(long)]
    details: bool,
    /// Only this split (`dev` or `test`); both by default, each printed apart.
    #[arg(long)]
    split: Option<String>,
}

/// The labels of one report.
#[derive(Clone, Debug, Default)]
struct Labels {
    split: String,
    regions: BTreeSet<String>,
    months: BTreeSet<String>,
    background_months: BTreeSet<String>,
    actors: BTreeSet<String>,
}

/// True and false positives and false negatives of one facet.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.tp += gold.intersection(got).count();
        self.fp += got.difference(gold).count();
        self.fn_ += gold.difference(got).count();
    }

    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn cell_set(cell: &str) -> BTreeSet<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// Labels of every `labels*.tsv` of the set, by report id.
fn read_labels(set: &Path) -> anyhow::Result<HashMap<String, Labels>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(set)
        .with_context(|| format!("reading {}", set.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("labels") && n.ends_with(".tsv"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{}: no labels*.tsv", set.display());
    }
    let mut labels = HashMap::new();
    for file in files {
        for (n, cells) in data_rows(&file)?.into_iter().enumerate() {
            if cells.len() < 6 {
                bail!(
                    "{}: data row {} has {} cells, expected at least 6",
                    file.display(),
                    n + 1,
                    cells.len()
                );
            }
            let id = cells[0].clone();
            let entry = Labels {
                split: cells[1].clone(),
                regions: cell_set(&cells[2]),
                months: cell_set(&cells[3]),
                background_months: cell_set(&cells[4]),
                actors: cell_set(&cells[5]),
            };
            if labels.insert(id.clone(), entry).is_some() {
                bail!("{}: report {id} labelled twice", file.display());
            }
        }
    }
    Ok(labels)
}

/// Figures of one split.
#[derive(Debug, Default)]
struct SplitFigures {
    reports: usize,
    regions: Counts,
    months: Counts,
    actors: Counts,
    /// Background months the extraction gave as event months.
    background_as_event: usize,
    background_labelled: usize,
}

fn as_set(values: &[String]) -> BTreeSet<String> {
    values.iter().cloned().collect()
}

fn describe(label: &str, gold: &BTreeSet<String>, got: &BTreeSet<String>) -> Option<String> {
    if gold == got {
        return None;
    }
    let missing: Vec<&String> = gold.difference(got).collect();
    let extra: Vec<&String> = got.difference(gold).collect();
    Some(format!("{label}: missing {missing:?} extra {extra:?}"))
}

pub fn run(args: FacetsArgs) -> anyhow::Result<Outcome> {
    let labels = read_labels(&args.set)?;
    let extractor = build_extractor(&args.gazetteers)?;
    let walk = walk_inputs(&[args.set.join("reports")], Path::new(""))?;
    let mut extractions: HashMap<String, Extraction> = HashMap::new();
    for file in &walk.files {
        let documents = read_documents(file).map_err(|m| anyhow::anyhow!(m))?;
        for (meta, body) in &documents.records {
            let ex = extract(body, meta, &extractor);
            extractions.insert(ex.id.clone(), ex);
        }
    }
    let mut splits: BTreeMap<String, SplitFigures> = BTreeMap::new();
    let mut ids: Vec<&String> = labels.keys().collect();
    ids.sort();
    for id in ids {
        let gold = &labels[id];
        if args.split.as_ref().is_some_and(|s| *s != gold.split) {
            continue;
        }
        let Some(ex) = extractions.get(id) else {
            bail!("report {id} is labelled but not found in the reports folder");
        };
        let figures = splits.entry(gold.split.clone()).or_default();
        let (regions, months, actors) =
            (as_set(&ex.regions), as_set(&ex.months), as_set(&ex.actors));
        figures.reports += 1;
        figures.regions.add(&gold.regions, &regions);
        figures.months.add(&gold.months, &months);
        figures.actors.add(&gold.actors, &actors);
        figures.background_labelled += gold.background_months.len();
        figures.background_as_event += gold
            .background_months
            .iter()
            .filter(|m| months.contains(*m) && !gold.months.contains(*m))
            .count();
        if args.details {
            let diffs: Vec<String> = [
                describe("regions", &gold.regions, &regions),
                describe("months", &gold.months, &months),
                describe("actors", &gold.actors, &actors),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !diffs.is_empty() {
                println!("{id} [{}]: {}", gold.split, diffs.join("; "));
            }
        }
    }
    println!(
        "facets set {}: {} labelled reports, {} read{}",
        args.set.display(),
        labels.len(),
        extractions.len(),
        if args.gazetteers.is_empty() {
            String::new()
        } else {
            format!(
                ", gazetteer: built-in + {} GeoNames file(s)",
                args.gazetteers.len()
            )
        }
    );
    for (split, f) in &splits {
        println!(
            "split {split} ({} reports): event regions P {:.3} R {:.3} ({} right, {} wrong, {} missed) | \
             event months P {:.3} R {:.3} ({} right, {} wrong, {} missed) | actors F1 {:.3} (P {:.3} R {:.3}) | \
             background months given as events {}/{}",
            f.reports,
            f.regions.precision(),
            f.regions.recall(),
            f.regions.tp,
            f.regions.fp,
            f.regions.fn_,
            f.months.precision(),
            f.months.recall(),
            f.months.tp,
            f.months.fp,
            f.months.fn_,
            f.actors.f1(),
            f.actors.precision(),
            f.actors.recall(),
            f.background_as_event,
            f.background_labelled,
        );
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(values: &[&str]) -> BTreeSet<String> {
        values.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_give_micro_precision_and_recall() {
        let mut c = Counts::default();
        c.add(&set(&["Gao", "Kidal"]), &set(&["Gao", "Bamako"]));
        c.add(&set(&[]), &set(&["Mopti"]));
        assert_eq!((c.tp, c.fp, c.fn_), (1, 2, 1));
        assert!((c.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 0.4).abs() < 1e-9);
    }
}
