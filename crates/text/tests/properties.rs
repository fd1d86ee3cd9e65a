//! Property tests for the tokenizer, every filter and the three analyzers: no panic on arbitrary
//! Unicode, offsets on char boundaries inside the original text, positions never decreasing,
//! normalised token text.

use std::sync::Arc;

use proptest::prelude::*;
use sahel_text::tokenizer::{
    english_stop_words, french_stop_words, CompoundFilter, ElisionFilter, FoldFilter,
    FoldingStemFilter, MultiwordFilter, PossessiveFilter, StemLanguage, StopWordFilter,
    WordTokenizer,
};
use sahel_text::{
    analyze, english_analyzer, exact_analyzer, fold, french_analyzer, normalize, ProtectedWords,
};
use tantivy::tokenizer::{LowerCaser, TextAnalyzer, Token};

fn protected() -> Arc<ProtectedWords> {
    Arc::new(ProtectedWords::builtin())
}

/// Every analyzer and single filter under test, by name.
fn analyzers() -> Vec<(&'static str, TextAnalyzer)> {
    let p = protected();
    let base = || TextAnalyzer::builder(WordTokenizer::default()).filter(LowerCaser);
    vec![
        (
            "word_tokenizer",
            TextAnalyzer::from(WordTokenizer::default()),
        ),
        (
            "elision",
            base().filter(ElisionFilter::new(p.clone())).build(),
        ),
        ("possessive", base().filter(PossessiveFilter).build()),
        ("compound", base().filter(CompoundFilter).build()),
        (
            "multiword",
            base().filter(MultiwordFilter::new(p.clone())).build(),
        ),
        (
            "multiword_after_compound",
            base()
                .filter(CompoundFilter)
                .filter(MultiwordFilter::new(p.clone()))
                .build(),
        ),
        (
            "stop_words_fr",
            base()
                .filter(StopWordFilter::new(french_stop_words(), p.clone()))
                .build(),
        ),
        (
            "stop_words_en",
            base()
                .filter(StopWordFilter::new(english_stop_words(), p.clone()))
                .build(),
        ),
        ("fold", base().filter(FoldFilter).build()),
        (
            "stem_fr",
            base()
                .filter(FoldingStemFilter::new(StemLanguage::French, p.clone()))
                .build(),
        ),
        (
            "stem_en",
            base()
                .filter(FoldingStemFilter::new(StemLanguage::English, p.clone()))
                .build(),
        ),
        ("french", french_analyzer(p.clone())),
        ("english", english_analyzer(p.clone())),
        ("exact", exact_analyzer(p)),
    ]
}

fn check_stream(name: &str, text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut last_position = 0;
    for token in tokens {
        prop_assert!(token.offset_from <= token.offset_to, "{name}: {token:?}");
        prop_assert!(token.offset_to <= text.len(), "{name}: {token:?}");
        prop_assert!(
            text.is_char_boundary(token.offset_from),
            "{name}: {token:?}"
        );
        prop_assert!(text.is_char_boundary(token.offset_to), "{name}: {token:?}");
        prop_assert!(!token.text.is_empty(), "{name}: empty token");
        prop_assert!(
            token.position >= last_position,
            "{name}: position decreased at {token:?}"
        );
        prop_assert!(token.position_length >= 1, "{name}: {token:?}");
        last_position = token.position;
    }
    Ok(())
}

/// Text made of the words the filters care about: elisions, apostrophe and hyphen compounds,
/// multiword names, accents, stop words, in any order.
fn sahel_words() -> impl Strategy<Value = String> {
    let words = vec![
        "l'",
        "L’",
        "d'",
        "qu'",
        "jusqu’",
        "N'Gourma",
        "Fada",
        "Tin",
        "Zaouatène",
        "Tin-Zaouatène",
        "Gorom",
        "Gorom-Gorom",
        "Aguel'hoc",
        "aujourd’hui",
        "Mali's",
        "armée",
        "ARMÉE",
        "attaquées",
        "œuvre",
        "de",
        "du",
        "Nioro",
        "Sahel",
        "-",
        "'",
        "’",
        " ",
        "\u{00AD}",
        "\u{200B}",
        "e\u{0301}",
        "sécurité",
        "Burkina",
        "Faso",
        "it's",
        "2023-06-24",
    ];
    prop::collection::vec(prop::sample::select(words), 0..16).prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_panic_and_offsets_on_char_boundaries(text in any::<String>()) {
        for (name, mut analyzer) in analyzers() {
            let tokens = analyze(&mut analyzer, &text);
            check_stream(name, &text, &tokens)?;
        }
    }

    #[test]
    fn sahel_words_keep_offsets_valid(text in sahel_words()) {
        for (name, mut analyzer) in analyzers() {
            let tokens = analyze(&mut analyzer, &text);
            check_stream(name, &text, &tokens)?;
        }
    }

    #[test]
    fn word_tokens_are_normalized(text in "\\PC{0,60}") {
        let mut analyzer = TextAnalyzer::from(WordTokenizer::default());
        for token in analyze(&mut analyzer, &text) {
            prop_assert_eq!(normalize(&token.text), token.text.clone());
        }
    }

    #[test]
    fn exact_tokens_are_folded(text in any::<String>()) {
        let mut analyzer = exact_analyzer(protected());
        for token in analyze(&mut analyzer, &text) {
            // A word of combining marks only is kept unfolded rather than emptied.
            let folded = fold(&token.text);
            prop_assert!(folded == token.text || folded.is_empty(), "{:?}", token.text);
        }
    }

    #[test]
    fn analysis_is_stable_under_normalization(text in sahel_words()) {
        // Normalising the text first changes nothing but offsets: index and query sides agree.
        let mut analyzer = french_analyzer(protected());
        let direct: Vec<String> = analyze(&mut analyzer, &text).into_iter().map(|t| t.text).collect();
        let normalized: Vec<String> = analyze(&mut analyzer, &normalize(&text)).into_iter().map(|t| t.text).collect();
        prop_assert_eq!(direct, normalized);
    }

    #[test]
    fn folded_stem_is_last_and_accent_independent(word in "[a-zéèêàâçîïôûù]{1,12}") {
        // The last token of a position depends on the folded word only (phrase queries rely on it).
        let mut analyzer = french_analyzer(protected());
        let last = |text: &str, analyzer: &mut TextAnalyzer| analyze(analyzer, text).pop().map(|t| t.text);
        prop_assert_eq!(last(&word, &mut analyzer), last(&fold(&word), &mut analyzer));
    }
}
