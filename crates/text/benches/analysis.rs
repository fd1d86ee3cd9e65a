//! Throughput of the French analyzer and of language detection on real French text: the UD French
//! sentences of `../shared/data/ud-french/fr_ud_sentences.tsv` (about 0.7 MB).
//!
//! Run: `cargo bench -p sahel-text --bench analysis`.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sahel_text::{
    english_analyzer, exact_analyzer, french_analyzer, Language, LanguageDetector, ProtectedWords,
};
use tantivy::tokenizer::TextAnalyzer;

fn french_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud-french/fr_ud_sentences.tsv");
    let tsv = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    tsv.lines()
        .skip(1)
        .filter_map(|line| line.split('\t').nth(4))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Documents of about `size` bytes, cut at line ends.
fn documents(text: &str, size: usize) -> Vec<&str> {
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(newline) = text[end..].find('\n') {
            end += newline;
        } else {
            end = text.len();
        }
        docs.push(&text[start..end]);
        start = end + 1;
    }
    docs
}

fn count_tokens(analyzer: &mut TextAnalyzer, docs: &[&str]) -> usize {
    let mut count = 0;
    for doc in docs {
        let mut stream = analyzer.token_stream(doc);
        while stream.advance() {
            count += black_box(stream.token()).position_length;
        }
    }
    count
}

fn analyzers(c: &mut Criterion) {
    let text = french_text();
    let docs = documents(&text, 4096);
    let protected = Arc::new(ProtectedWords::builtin());
    let mut group = c.benchmark_group("analyzer");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    let cases = [
        ("french", french_analyzer(protected.clone())),
        ("english", english_analyzer(protected.clone())),
        ("exact", exact_analyzer(protected)),
    ];
    for (name, mut analyzer) in cases {
        group.bench_function(name, |b| b.iter(|| count_tokens(&mut analyzer, &docs)));
    }
    group.finish();
}

fn language_detection(c: &mut Criterion) {
    let text = french_text();
    let detector = LanguageDetector::new();
    let mut group = c.benchmark_group("language_detection");
    group.sample_size(10);
    for size in [512, 2048] {
        let docs = documents(&text, size);
        let docs = &docs[..docs.len().min(100)];
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        detector.detect(docs[0]);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("french_docs_{size}b"), |b| {
            b.iter(|| {
                docs.iter()
                    .filter(|d| black_box(detector.detect(d)) == Language::French)
                    .count()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, analyzers, language_detection);
criterion_main!(benches);
