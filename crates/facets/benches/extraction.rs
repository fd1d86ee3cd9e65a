//! Throughput (MB/s) of the whole `extract()` (places, dates, actors, language) on real text: the
//! sample reports (French) and ACLED notes (English), with the built-in gazetteer and with the
//! three GeoNames country dumps loaded; and the time to load those dumps.
//!
//! `cargo bench -p sahel-facets --bench extraction`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sahel_facets::{extract, DocMeta, Extractor};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn corpus() -> Vec<String> {
    let mut docs = Vec::new();
    if let Ok(dir) = std::fs::read_dir(format!("{DATA}/sample-reports")) {
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        docs.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    if let Ok(notes) = sahel_facets::eval::read_acled_csv(&PathBuf::from(format!(
        "{DATA}/acled-sahel/acled_sahel3_combined_1997-2020.csv"
    ))) {
        docs.extend(notes.into_iter().take(2000).map(|n| n.notes));
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let meta = DocMeta {
        language: Some("fr".into()),
        ..DocMeta::default()
    };
    let geonames: Vec<PathBuf> = [
        "admin1CodesASCII_ML_BF_NE.txt",
        "admin2Codes_ML_BF_NE.txt",
        "ML.txt",
        "BF.txt",
        "NE.txt",
    ]
    .iter()
    .map(|f| PathBuf::from(format!("{DATA}/geonames/{f}")))
    .collect();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    let builtin = match Extractor::builtin() {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    group.bench_function("builtin_gazetteer", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extract(d, &meta, &builtin));
            }
        })
    });
    drop(builtin);
    let full = match Extractor::with_geonames(&geonames) {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    group.bench_function("with_geonames", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extract(d, &meta, &full));
            }
        })
    });
    group.finish();
    // Loading the three GeoNames dumps with their admin code files (once per program start).
    let mut load = c.benchmark_group("load");
    load.sample_size(10);
    load.bench_function("geonames_ml_bf_ne", |b| {
        b.iter(|| match Extractor::with_geonames(&geonames) {
            Ok(e) => black_box(e.gazetteer().len()),
            Err(e) => panic!("{e}"),
        })
    });
    load.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
