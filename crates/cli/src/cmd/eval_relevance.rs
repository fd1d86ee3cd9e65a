//! `sahel eval relevance [--set DIR]`: ranking quality on a bilingual relevance set.
//!
//! The set (`crates/search/eval/relevance`, see its README) holds reports, queries and graded
//! judgments written by someone who did not see the ranking code, before any run. The reports are
//! indexed into a temporary index exactly as `sahel index` does, every query is run as the page
//! runs it (default options), and the first ten hits are scored against the judgments:
//!
//! - nDCG@10 with gain `2^grade - 1` and discount `log2(rank + 1)`, the ideal ranking taken from
//!   every judged report of the query;
//! - recall@10: the share of the reports judged relevant (grade ≥ 1) found in the first ten;
//! - the zero-result rate of the answered queries, and the number of hits of each query that no
//!   report answers (kind `none`).
//!
//! Figures are printed per split (`dev` for tuning, `test` kept apart), per query language and
//! per kind (`same`: answered in the query's language, `cross`: by reports of the other one).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::Args;
use sahel_indexer::pipeline::{run_index, IndexOptions, NoProgress};
use sahel_search::{SearchRequest, Searcher};

use crate::cmd::eval::data_rows;
use crate::Outcome;

/// Where the set lives in the repository.
const DEFAULT_SET: &str = "crates/search/eval/relevance";
/// Ranks scored.
const CUTOFF: usize = 10;

#[derive(Args)]
pub struct RelevanceArgs {
    /// The set's folder: `reports/`, `queries.tsv`, `judgments.tsv`.
    #[arg(long, default_value = DEFAULT_SET)]
    set: PathBuf,
    /// Print each query's first hits with their grades.
    #[arg(long)]
    details: bool,
    /// Only this split (`dev` or `test`); both by default, each printed apart.
    #[arg(long)]
    split: Option<String>,
    /// Extra search parameters given to every query, as `name=value` (e.g. `translate=false`).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
}

/// One query of the set.
#[derive(Clone, Debug)]
struct EvalQuery {
    id: String,
    lang: String,
    kind: String,
    split: String,
    text: String,
}

/// What one query gave.
#[derive(Clone, Debug)]
struct QueryResult {
    query: EvalQuery,
    ndcg: f64,
    recall: f64,
    total: u64,
}

fn read_queries(path: &Path) -> anyhow::Result<Vec<EvalQuery>> {
    let mut queries = Vec::new();
    for (n, row) in data_rows(path)?.into_iter().enumerate() {
        let [id, lang, kind, split, text] = row.as_slice() else {
            bail!(
                "{}: data row {} has {} cells, expected 5 (id, lang, kind, split, query)",
                path.display(),
                n + 1,
                row.len()
            );
        };
        queries.push(EvalQuery {
            id: id.clone(),
            lang: lang.clone(),
            kind: kind.clone(),
            split: split.clone(),
            text: text.clone(),
        });
    }
    Ok(queries)
}

/// Judgments: query id → report id → grade.
fn read_judgments(path: &Path) -> anyhow::Result<HashMap<String, HashMap<String, u32>>> {
    let mut judgments: HashMap<String, HashMap<String, u32>> = HashMap::new();
    for (n, row) in data_rows(path)?.into_iter().enumerate() {
        let [query, report, grade] = row.as_slice() else {
            bail!(
                "{}: data row {} has {} cells, expected 3 (query, report, grade)",
                path.display(),
                n + 1,
                row.len()
            );
        };
        let grade: u32 = grade
            .parse()
            .with_context(|| format!("{}: bad grade `{grade}`", path.display()))?;
        judgments
            .entry(query.clone())
            .or_default()
            .insert(report.clone(), grade);
    }
    Ok(judgments)
}

fn gain(grade: u32) -> f64 {
    2f64.powi(grade as i32) - 1.0
}

/// nDCG of the ranked ids at [`CUTOFF`] against graded judgments.
fn ndcg(ranked: &[String], judged: &HashMap<String, u32>) -> f64 {
    let dcg: f64 = ranked
        .iter()
        .take(CUTOFF)
        .enumerate()
        .map(|(i, id)| gain(judged.get(id).copied().unwrap_or(0)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u32> = judged.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(CUTOFF)
        .enumerate()
        .map(|(i, &g)| gain(g) / (i as f64 + 2.0).log2())
        .sum();
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

fn recall(ranked: &[String], judged: &HashMap<String, u32>) -> f64 {
    let relevant = judged.values().filter(|&&g| g > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = ranked
        .iter()
        .take(CUTOFF)
        .filter(|id| judged.get(*id).is_some_and(|&g| g > 0))
        .count();
    found as f64 / relevant as f64
}

/// The request of one query, with the extra `name=value` parameters.
fn request(text: &str, params: &[String]) -> anyhow::Result<SearchRequest> {
    let mut pairs: Vec<(String, String)> = vec![
        ("q".into(), text.into()),
        ("limit".into(), CUTOFF.to_string()),
    ];
    for param in params {
        let Some((name, value)) = param.split_once('=') else {
            bail!("--param `{param}`: expected NAME=VALUE");
        };
        pairs.push((name.into(), value.into()));
    }
    SearchRequest::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        .map_err(|e| anyhow::anyhow!("--param: {e}"))
}

fn print_group(label: &str, results: &[&QueryResult]) {
    let answered: Vec<&&QueryResult> = results.iter().filter(|r| r.query.kind != "none").collect();
    if answered.is_empty() {
        return;
    }
    let n = answered.len() as f64;
    let ndcg = answered.iter().map(|r| r.ndcg).sum::<f64>() / n;
    let recall = answered.iter().map(|r| r.recall).sum::<f64>() / n;
    let zero = answered.iter().filter(|r| r.total == 0).count();
    println!(
        "  {label:<14} queries {:>3}  nDCG@10 {ndcg:.3}  recall@10 {recall:.3}  zero-result {zero}/{} ({:.1}%)",
        answered.len(),
        answered.len(),
        100.0 * zero as f64 / n
    );
}

pub fn run(args: RelevanceArgs) -> anyhow::Result<Outcome> {
    let queries = read_queries(&args.set.join("queries.tsv"))?;
    let judgments = read_judgments(&args.set.join("judgments.tsv"))?;
    let reports = args.set.join("reports");
    if !reports.is_dir() {
        bail!("{}: no reports folder", reports.display());
    }
    let scratch = tempfile::tempdir().context("creating a temporary index folder")?;
    let index_dir = scratch.path().join("index");
    let summary = run_index(
        &IndexOptions::new(vec![reports], index_dir.clone()),
        &NoProgress,
    )
    .context("indexing the set's reports")?;
    let searcher = Searcher::open(&index_dir).context("opening the set's index")?;
    println!(
        "relevance set {}: {} reports indexed, {} queries, {} judged queries{}",
        args.set.display(),
        summary.docs_added,
        queries.len(),
        judgments.len(),
        if args.params.is_empty() {
            String::new()
        } else {
            format!(", parameters {}", args.params.join(" "))
        }
    );

    let mut results = Vec::new();
    let empty = HashMap::new();
    for query in &queries {
        if args.split.as_ref().is_some_and(|s| *s != query.split) {
            continue;
        }
        let answer = searcher
            .search(&request(&query.text, &args.params)?)
            .with_context(|| format!("query {} `{}`", query.id, query.text))?;
        let ranked: Vec<String> = answer.hits.iter().map(|h| h.id.clone()).collect();
        let judged = judgments.get(&query.id).unwrap_or(&empty);
        if query.kind != "none" && judged.is_empty() {
            bail!("query {} has no judgments", query.id);
        }
        if args.details {
            let shown: Vec<String> = ranked
                .iter()
                .map(|id| format!("{id}:{}", judged.get(id).copied().unwrap_or(0)))
                .collect();
            println!(
                "{} [{} {} {}] {:?} total {}: {}",
                query.id,
                query.split,
                query.lang,
                query.kind,
                query.text,
                answer.total,
                shown.join(" ")
            );
        }
        results.push(QueryResult {
            query: query.clone(),
            ndcg: ndcg(&ranked, judged),
            recall: recall(&ranked, judged),
            total: answer.total,
        });
    }

    let mut splits: BTreeMap<&str, Vec<&QueryResult>> = BTreeMap::new();
    for r in &results {
        splits.entry(r.query.split.as_str()).or_default().push(r);
    }
    for (split, rs) in &splits {
        println!("split {split}:");
        print_group("all", rs);
        for lang in ["fr", "en"] {
            let of: Vec<&QueryResult> = rs
                .iter()
                .copied()
                .filter(|r| r.query.lang == lang)
                .collect();
            print_group(&format!("{lang} queries"), &of);
        }
        for kind in ["same", "cross"] {
            let of: Vec<&QueryResult> = rs
                .iter()
                .copied()
                .filter(|r| r.query.kind == kind)
                .collect();
            print_group(kind, &of);
        }
        let none: Vec<String> = rs
            .iter()
            .filter(|r| r.query.kind == "none")
            .map(|r| format!("{} {}", r.query.id, r.total))
            .collect();
        if !none.is_empty() {
            println!("  no-answer queries, hits: {}", none.join(", "));
        }
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, u32)]) -> HashMap<String, u32> {
        pairs.iter().map(|(id, g)| (id.to_string(), *g)).collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
        let j = judged(&[("a", 3), ("b", 1)]);
        assert!((ndcg(&ids(&["a", "b"]), &j) - 1.0).abs() < 1e-9);
        let swapped = ndcg(&ids(&["b", "a"]), &j);
        assert!(swapped < 1.0 && swapped > 0.5, "{swapped}");
        assert_eq!(ndcg(&ids(&["x", "y"]), &j), 0.0);
    }

    #[test]
    fn recall_counts_judged_reports_in_the_first_ten() {
        let j = judged(&[("a", 3), ("b", 1), ("c", 0)]);
        assert_eq!(recall(&ids(&["a", "c"]), &j), 0.5);
        let eleven: Vec<String> = (0..10)
            .map(|i| format!("x{i}"))
            .chain(["a".into()])
            .collect();
        assert_eq!(recall(&eleven, &j), 0.0);
    }
}
