//! The three analyzers, built from the [`crate::tokenizer`] components and registered by name.

use std::sync::Arc;

use tantivy::tokenizer::{LowerCaser, TextAnalyzer, Token, TokenizerManager};

use crate::tokenizer::{
    all_stop_words, english_stop_words, french_stop_words, CompoundFilter, ElisionFilter,
    FoldFilter, FoldingStemFilter, MultiwordFilter, PossessiveFilter, StemLanguage, StopWordFilter,
    WordTokenizer,
};
use crate::{ProtectedWords, ENGLISH_ANALYZER, EXACT_ANALYZER, FRENCH_ANALYZER};

/// French: words → lowercase → elision → compounds → multiword names → French stop words →
/// Snowball French with accent folding both ways (protected words only folded).
pub fn french_analyzer(protected: Arc<ProtectedWords>) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(ElisionFilter::new(protected.clone()))
        .filter(CompoundFilter)
        .filter(MultiwordFilter::new(protected.clone()))
        .filter(StopWordFilter::new(french_stop_words(), protected.clone()))
        .filter(FoldingStemFilter::new(StemLanguage::French, protected))
        .build()
}

/// English: words → lowercase → possessive `'s` → compounds → multiword names → English stop
/// words → Snowball English (Porter2) with accent folding (protected words only folded).
pub fn english_analyzer(protected: Arc<ProtectedWords>) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(PossessiveFilter)
        .filter(CompoundFilter)
        .filter(MultiwordFilter::new(protected.clone()))
        .filter(StopWordFilter::new(english_stop_words(), protected.clone()))
        .filter(FoldingStemFilter::new(StemLanguage::English, protected))
        .build()
}

/// Exact: words → lowercase → compounds → multiword names → folding → French and English stop
/// words. No stemming: for exact matches, prefixes, typo tolerance and joined names. Stop words
/// are dropped as in the language fields (a query of stop words alone finds nothing, as it would
/// there): they were 40% of the exact field's tokens and most of its indexing time.
pub fn exact_analyzer(protected: Arc<ProtectedWords>) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(LowerCaser)
        .filter(CompoundFilter)
        .filter(MultiwordFilter::new(protected.clone()))
        .filter(FoldFilter)
        .filter(StopWordFilter::new(all_stop_words(), protected))
        .build()
}

/// Registers the French, English and exact analyzers under [`FRENCH_ANALYZER`],
/// [`ENGLISH_ANALYZER`] and [`EXACT_ANALYZER`]. Index and search must pass the same protected set.
pub fn register_analyzers(manager: &TokenizerManager, protected: Arc<ProtectedWords>) {
    manager.register(FRENCH_ANALYZER, french_analyzer(protected.clone()));
    manager.register(ENGLISH_ANALYZER, english_analyzer(protected.clone()));
    manager.register(EXACT_ANALYZER, exact_analyzer(protected));
}

/// All tokens `analyzer` gives for `text`, in stream order.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        tokens.push(token.clone());
    }
    tokens
}
