//! Agreement of the French analyzer's stemmer with the Snowball reference vocabulary.

use std::path::Path;

use crate::tokenizer::{french_stem, has_french_stem_override};
use crate::{fold, Error, ProtectedWords, Result};

/// Why our stem differs from the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviationReason {
    /// A protected proper noun or acronym: kept unstemmed on purpose (`niger`, not `nig`).
    Protected,
    /// A word of `data/stem_overrides_fr.tsv`, given its own stem on purpose (`armée` is not
    /// `armé`).
    Override,
    /// Our stemmer disagrees with the reference algorithm (a bug or a Snowball version gap).
    AlgorithmDifference,
}

impl std::fmt::Display for DeviationReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DeviationReason::Protected => "protected word, kept unstemmed",
            DeviationReason::Override => "stem override, another meaning shares the stem",
            DeviationReason::AlgorithmDifference => "stemmer differs from the Snowball reference",
        })
    }
}

/// One word whose stem is not the reference stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deviation {
    pub word: String,
    pub reference: String,
    pub ours: String,
    pub reason: DeviationReason,
}

/// Outcome of [`snowball_agreement`].
#[derive(Debug, Clone, Default)]
pub struct SnowballReport {
    /// Words in the reference file.
    pub words: usize,
    /// Words that are protected (excluded from the agreement figure).
    pub protected: usize,
    /// Words with a stem override (excluded from the agreement figure).
    pub overridden: usize,
    /// Non-protected words whose stem equals the reference.
    pub agreeing: usize,
    /// Every word whose stem differs, with the reason.
    pub deviations: Vec<Deviation>,
}

impl SnowballReport {
    /// Share of the words neither protected nor overridden stemmed exactly as the reference, in
    /// percent.
    pub fn agreement_percent(&self) -> f64 {
        let compared = self.words - self.protected - self.overridden;
        if compared == 0 {
            return 0.0;
        }
        100.0 * self.agreeing as f64 / compared as f64
    }

    /// Deviations that are not explained by protection or an override.
    pub fn unexplained(&self) -> impl Iterator<Item = &Deviation> {
        self.deviations
            .iter()
            .filter(|d| d.reason == DeviationReason::AlgorithmDifference)
    }
}

/// Stems every word of `voc_output_pairs.tsv` (word TAB reference stem, no header) with the French
/// analyzer's stemmer ([`french_stem`]) and compares with the reference.
pub fn snowball_agreement(pairs_tsv: &Path, protected: &ProtectedWords) -> Result<SnowballReport> {
    let text = super::read_to_string(pairs_tsv)?;
    let mut report = SnowballReport::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let Some((word, reference)) = line.split_once('\t') else {
            return Err(Error::Data {
                path: pairs_tsv.to_owned(),
                message: format!("line {}: expected word TAB stem, got {line:?}", number + 1),
            });
        };
        report.words += 1;
        let is_protected = protected.is_protected(&fold(word));
        let is_overridden = !is_protected && has_french_stem_override(word);
        report.protected += usize::from(is_protected);
        report.overridden += usize::from(is_overridden);
        let ours = french_stem(word, protected);
        if ours == reference {
            report.agreeing += usize::from(!is_protected && !is_overridden);
            continue;
        }
        report.deviations.push(Deviation {
            word: word.to_owned(),
            reference: reference.to_owned(),
            ours: ours.into_owned(),
            reason: if is_protected {
                DeviationReason::Protected
            } else if is_overridden {
                DeviationReason::Override
            } else {
                DeviationReason::AlgorithmDifference
            },
        });
    }
    Ok(report)
}
