//! Language-detection accuracy and cost on the ACLED notes (English) and the UD French sentences.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::{Error, Language, LanguageDetector, Result};

/// Texts shorter than this (in characters) are not evaluated: the threshold.
pub const MIN_CHARS: usize = 100;

/// Outcome of [`language_detection`] on one corpus.
#[derive(Debug, Clone)]
pub struct LangIdReport {
    /// Corpus name, for printing.
    pub corpus: String,
    /// The language every text of the corpus is in.
    pub expected: Language,
    /// Texts of [`MIN_CHARS`] characters or more that were evaluated.
    pub texts: usize,
    /// … detected as `expected`.
    pub correct: usize,
    /// How the others were detected (language, count).
    pub errors: Vec<(Language, usize)>,
    /// Bytes of the texts evaluated.
    pub bytes: usize,
    /// Time spent in [`LanguageDetector::detect`].
    pub elapsed: Duration,
    /// Texts the function-word shortcut decided without lingua ([`crate::language::clear_cut`]).
    pub shortcut: usize,
    /// … of which decided as `expected`.
    pub shortcut_correct: usize,
}

impl LangIdReport {
    /// Share of texts detected as the expected language, in percent.
    pub fn accuracy_percent(&self) -> f64 {
        if self.texts == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.texts as f64
        }
    }

    /// Detection cost in microseconds per KB (1024 bytes) of text.
    pub fn micros_per_kb(&self) -> f64 {
        if self.bytes == 0 {
            0.0
        } else {
            self.elapsed.as_secs_f64() * 1e6 / (self.bytes as f64 / 1024.0)
        }
    }

    /// Detection throughput in MB/s.
    pub fn megabytes_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds == 0.0 {
            0.0
        } else {
            self.bytes as f64 / 1e6 / seconds
        }
    }
}

/// Reads one column of a delimited file with a header row.
fn read_column(path: &Path, delimiter: u8, column: &str) -> Result<Vec<String>> {
    let csv_error = |source| Error::Csv {
        path: path.to_owned(),
        source,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter == b',')
        .flexible(true)
        .from_path(path)
        .map_err(csv_error)?;
    let index = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .position(|h| h == column)
        .ok_or_else(|| Error::Data {
            path: path.to_owned(),
            message: format!("no column {column:?}"),
        })?;
    let mut values = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        if let Some(value) = record.get(index) {
            values.push(value.to_owned());
        }
    }
    Ok(values)
}

/// Detects the language of every text of 100+ characters and compares with `expected`.
pub fn evaluate_texts(
    corpus: &str,
    texts: &[String],
    expected: Language,
    detector: &LanguageDetector,
) -> LangIdReport {
    let mut report = LangIdReport {
        corpus: corpus.to_owned(),
        expected,
        texts: 0,
        correct: 0,
        errors: Vec::new(),
        bytes: 0,
        elapsed: Duration::ZERO,
        shortcut: 0,
        shortcut_correct: 0,
    };
    for text in texts.iter().filter(|t| t.chars().count() >= MIN_CHARS) {
        let start = Instant::now();
        let detected = detector.detect(text);
        report.elapsed += start.elapsed();
        report.texts += 1;
        report.bytes += text.len();
        if let Some(language) = crate::language::clear_cut(text) {
            report.shortcut += 1;
            report.shortcut_correct += usize::from(language == expected);
        }
        if detected == expected {
            report.correct += 1;
        } else if let Some(entry) = report.errors.iter_mut().find(|(l, _)| *l == detected) {
            entry.1 += 1;
        } else {
            report.errors.push((detected, 1));
        }
    }
    report
}

/// The ACLED notes (`acled-sahel/*.csv`, column `notes`, English) and the UD French sentences
/// (`ud-french/fr_ud_sentences.tsv`, column `text`, French) under `data_dir`.
pub fn language_detection(
    data_dir: &Path,
    detector: &LanguageDetector,
) -> Result<Vec<LangIdReport>> {
    let acled_dir = data_dir.join("acled-sahel");
    let listing = std::fs::read_dir(&acled_dir).map_err(|source| Error::Io {
        path: acled_dir.clone(),
        source,
    })?;
    let mut acled_files: Vec<_> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    acled_files.sort();
    let mut notes = Vec::new();
    for path in &acled_files {
        notes.extend(read_column(path, b',', "notes")?);
    }
    let sentences = read_column(
        &data_dir.join("ud-french").join("fr_ud_sentences.tsv"),
        b'\t',
        "text",
    )?;
    Ok(vec![
        evaluate_texts("ACLED notes", &notes, Language::English, detector),
        evaluate_texts(
            "UD French sentences",
            &sentences,
            Language::French,
            detector,
        ),
    ])
}
