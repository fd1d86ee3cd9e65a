//! Throughput of date and actor extraction on real text from `../shared/data`: the sample reports
//! (French communiqués and articles) and ACLED event notes (English), one document at a time.
//!
//! `cargo bench -p sahel-facets --bench dates_actors`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sahel_facets::actors::ActorTable;
use sahel_facets::dates::{extract_event_dates, publication_date_from_text};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
const ACLED_NOTES: usize = 5000;

fn sample_reports() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(format!("{DATA}/sample-reports")) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn acled_notes() -> Vec<String> {
    let path = format!("{DATA}/acled-sahel/acled_sahel3_combined_1997-2020.csv");
    let Ok(mut reader) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let Ok(headers) = reader.headers().cloned() else {
        return Vec::new();
    };
    let Some(notes) = headers.iter().position(|h| h == "notes") else {
        return Vec::new();
    };
    reader
        .records()
        .flatten()
        .filter_map(|r| r.get(notes).map(str::to_string))
        .take(ACLED_NOTES)
        .collect()
}

fn bench_corpus(c: &mut Criterion, name: &str, docs: &[String], lang: &str, table: &ActorTable) {
    if docs.is_empty() {
        eprintln!("{name}: data not found under {DATA}, skipped");
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("dates", |b| {
        b.iter(|| {
            for doc in docs {
                let published = publication_date_from_text(doc, lang);
                black_box(extract_event_dates(doc, published, lang));
            }
        })
    });
    group.bench_function("actors", |b| {
        b.iter(|| {
            for doc in docs {
                black_box(table.extract(doc));
            }
        })
    });
    group.bench_function("dates+actors", |b| {
        b.iter(|| {
            for doc in docs {
                let published = publication_date_from_text(doc, lang);
                black_box(extract_event_dates(doc, published, lang));
                black_box(table.extract(doc));
            }
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let table = match ActorTable::builtin() {
        Ok(table) => table,
        Err(err) => panic!("built-in actor table: {err}"),
    };
    bench_corpus(c, "sample_reports_fr", &sample_reports(), "fr", &table);
    bench_corpus(c, "acled_notes_en", &acled_notes(), "en", &table);
}

criterion_group!(benches, extraction);
criterion_main!(benches);
