//! Helpers shared by the filters' unit tests.

use tantivy::tokenizer::{TextAnalyzer, Token};

/// All tokens an analyzer gives for `text`.
pub(crate) fn collect(analyzer: impl Into<TextAnalyzer>, text: &str) -> Vec<Token> {
    let mut analyzer = analyzer.into();
    crate::analyze(&mut analyzer, text)
}

/// The texts of tokens.
pub(crate) fn texts(tokens: &[Token]) -> Vec<&str> {
    tokens.iter().map(|t| t.text.as_str()).collect()
}
