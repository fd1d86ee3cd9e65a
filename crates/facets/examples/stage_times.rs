//! Time spent in each stage of `extract()` (actors, places, dates) over the benchmark corpus of
//! `benches/extraction.rs` (sample reports and 2000 ACLED notes), built-in gazetteer.
//!
//! `cargo run --release -p sahel-facets --example stage_times [STAGE]`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use sahel_facets::{extract, DocMeta, Extractor};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

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
    let mib = docs.iter().map(String::len).sum::<usize>() as f64 / 1048576.0;
    let ex = Extractor::builtin()?;
    let meta = DocMeta {
        language: Some("fr".into()),
        ..DocMeta::default()
    };
    let rounds = 20;
    let only: Option<String> = std::env::args().nth(1);
    let time = |name: &str, f: &dyn Fn(&str)| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let t = Instant::now();
        for _ in 0..rounds {
            for d in &docs {
                f(d);
            }
        }
        let s = t.elapsed().as_secs_f64() / f64::from(rounds);
        println!("{name:<10} {:>8.2} ms  {:>7.2} MiB/s", s * 1e3, mib / s);
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
