//! Folding filter for the exact analyzer: lowercase, no diacritics, `œ` → `oe`.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::fold_into;

/// Replaces each token's text with its [`crate::fold`]ed form. Offsets are untouched.
#[derive(Clone, Copy, Default)]
pub struct FoldFilter;

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = FoldTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldTokenizer<T> {
        FoldTokenizer {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

/// [`FoldFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct FoldTokenizer<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for FoldTokenizer<T> {
    type TokenStream<'a> = FoldTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldTokenStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

/// The token stream of [`FoldFilter`].
pub struct FoldTokenStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for FoldTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token
            .text
            .bytes()
            .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
        {
            return true;
        }
        self.buffer.clear();
        fold_into(&token.text, self.buffer);
        // A word of combining marks only folds to nothing: keep it as it is rather than emit an
        // empty term.
        if !self.buffer.is_empty() {
            std::mem::swap(&mut token.text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::test_support::{collect, texts};
    use crate::tokenizer::WordTokenizer;
    use tantivy::tokenizer::TextAnalyzer;

    #[test]
    fn folds_case_accents_and_ligatures() {
        let text = "Œuvre LÉRÉ Ségou";
        let analyzer = TextAnalyzer::builder(WordTokenizer::default())
            .filter(FoldFilter)
            .build();
        let tokens = collect(analyzer, text);
        assert_eq!(texts(&tokens), ["oeuvre", "lere", "segou"]);
        assert_eq!(&text[tokens[1].offset_from..tokens[1].offset_to], "LÉRÉ");
    }
}
