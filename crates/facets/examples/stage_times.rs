//! Time spent in each stage of `extract()` (actors, places, dates) over the benchmark corpus of
//! `benches/extraction.rs` (sample reports and 2000 ACLED notes), built-in gazetteer (with
//! `GEONAMES=1` in the environment: with the GeoNames files loaded too).
//!
//! `cargo run --release -p sahel-facets --example stage_times [STAGE|all] [JSONL...]` (JSON-lines
//! files: their `body` fields instead of that corpus)

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use sahel_facets::{extract, DocMeta, Extractor};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

/// CPU time of this thread (user + system, from `/proc`, in clock ticks of 10 ms), so that the
/// figures hold on a loaded machine; 0 where `/proc` is missing.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which ends with the last ')'): utime and stime are the
    // 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs: Vec<String> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(format!("{DATA}/sample-reports"))?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        docs.push(std::fs::read_to_string(p)?);
    }
    let notes = sahel_facets::eval::read_acled_csv(&PathBuf::from(format!(
        "{DATA}/acled-sahel/acled_sahel3_combined_1997-2020.csv"
    )))?;
    docs.extend(notes.into_iter().take(2000).map(|n| n.notes));
    // JSON-lines files after the stage name replace that corpus (their `body` fields).
    let files: Vec<String> = std::env::args().skip(2).collect();
    if !files.is_empty() {
        docs.clear();
        for f in files {
            for line in std::fs::read_to_string(f)?.lines() {
                let v: serde_json::Value = serde_json::from_str(line)?;
                docs.push(v["body"].as_str().unwrap_or_default().to_string());
            }
        }
    }
    let mib = docs.iter().map(String::len).sum::<usize>() as f64 / 1048576.0;
    // GEONAMES=1 in the environment: the GeoNames files of ../shared/data/geonames loaded too.
    let geonames: Vec<PathBuf> = if std::env::var_os("GEONAMES").is_some() {
        [
            "admin1CodesASCII_ML_BF_NE.txt",
            "admin2Codes_ML_BF_NE.txt",
            "ML.txt",
            "BF.txt",
            "NE.txt",
        ]
        .iter()
        .map(|f| PathBuf::from(format!("{DATA}/geonames/{f}")))
        .collect()
    } else {
        Vec::new()
    };
    let ex = Extractor::with_geonames(&geonames)?;
    let meta = DocMeta {
        language: Some("fr".into()),
        ..DocMeta::default()
    };
    let rounds: u32 = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let only: Option<String> = std::env::args().nth(1).filter(|s| s != "all");
    let time = |name: &str, f: &dyn Fn(&str)| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let t = Instant::now();
        let cpu = cpu_seconds();
        for _ in 0..rounds {
            for d in &docs {
                f(d);
            }
        }
        let s = t.elapsed().as_secs_f64() / f64::from(rounds);
        let c = (cpu_seconds() - cpu) / f64::from(rounds);
        println!(
            "{name:<10} {:>8.2} ms  {:>7.2} MiB/s   CPU {:>8.2} ms  {:>7.2} MiB/s",
            s * 1e3,
            mib / s,
            c * 1e3,
            mib / c
        );
    };
    time("extract", &|d| {
        black_box(extract(d, &meta, &ex));
    });
    time("actors", &|d| {
        black_box(ex.actors().extract(d));
    });
    time("places", &|d| {
        black_box(sahel_facets::places::locate_places_in_context(
            d,
            ex.gazetteer(),
            &[],
            &[],
        ));
    });
    time("dates", &|d| {
        black_box(sahel_facets::dates::publication_and_event_dates(
            d, None, "fr",
        ));
    });
    time("fold", &|d| {
        black_box(sahel_text::fold(d));
    });
    Ok(())
}
