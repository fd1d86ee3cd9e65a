//! Query latency on a generated index, facets always on.
//!
//! `cargo bench -p sahel-search --bench query_latency` (SAHEL_BENCH_DOCS=100000 for the full
//! size; default 20,000). Prints p50/p99 over a mix of realistic queries before the criterion
//! groups.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use sahel_search::api::SearchRequest;
use sahel_search::Searcher;

fn requests() -> Vec<(&'static str, SearchRequest)> {
    let mut with_region = SearchRequest::query("attaque convoi");
    with_region.filters["region"] = vec!["Gao".into()];
    let mut with_month = SearchRequest::query("frappes aériennes");
    with_month.filters["month"] = vec!["2023-05".into(), "2023-06".into()];
    let mut browse_filtered = SearchRequest::default();
    browse_filtered.filters["country"] = vec!["Niger".into()];
    browse_filtered.filters["actor"] = vec!["JNIM".into()];
    vec![
        ("word", SearchRequest::query("attaque")),
        ("two words", SearchRequest::query("embuscade Djibo")),
        ("phrase", SearchRequest::query("\"armée malienne\"")),
        ("words+region", with_region),
        ("phrase+months", with_month),
        (
            "partial",
            SearchRequest::query("convoi militaire Kidal pont"),
        ),
        ("typo", SearchRequest::query("embuscdae")),
        ("expansion", SearchRequest::query("Timbuktu")),
        ("browse", SearchRequest::default()),
        ("browse+filters", browse_filtered),
    ]
}

fn build(n: usize) -> Searcher {
    let started = Instant::now();
    let s = common::searcher(&common::generated(n));
    // First search builds the per-generation facet data.
    let _ = s.search(&SearchRequest::default());
    eprintln!(
        "built {n} documents in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    s
}

fn percentiles(searcher: &Searcher, n: usize) {
    let requests = requests();
    let mut all = Vec::new();
    for (name, request) in &requests {
        let mut times = Vec::new();
        for _ in 0..50 {
            let started = Instant::now();
            let _ = searcher.search(request);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        eprintln!(
            "{n} docs  {name:<16} p50 {:>7.2} ms  p99 {:>7.2} ms",
            times[times.len() / 2],
            times[times.len() * 99 / 100]
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    eprintln!(
        "{n} docs  ALL              p50 {:>7.2} ms  p99 {:>7.2} ms  ({} searches, one thread)",
        all[all.len() / 2],
        all[all.len() * 99 / 100],
        all.len()
    );
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("SAHEL_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let searcher = build(n);
    percentiles(&searcher, n);
    let mut group = c.benchmark_group(format!("search_{n}_docs"));
    group.sample_size(30);
    for (name, request) in requests() {
        group.bench_function(name, |b| b.iter(|| searcher.search(&request)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
