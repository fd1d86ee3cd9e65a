//! Spaced multiword names: `Tin Zaouatène` also gives `tinzaouatène`, like `Tin-Zaouatène` does.

use std::collections::VecDeque;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::{fold_into, ProtectedWords};

/// When consecutive part tokens (`position_length` 1) spell a multiword name of [`ProtectedWords`]
/// (compared folded), adds the joined form (the parts' texts concatenated) right after the first
/// part, at its position, with `position_length` spanning to the last part: the same token the
/// [`CompoundFilter`](super::CompoundFilter) gives a hyphenated name. Nothing is added when that
/// filter already produced the same joined token (`Tin-Zaouatène`). Place it after the compound
/// filter and before stop-word removal (`Nioro du Sahel` needs its `du`).
#[derive(Clone)]
pub struct MultiwordFilter {
    protected: Arc<ProtectedWords>,
}

impl MultiwordFilter {
    /// A filter joining the multiword names of `protected`.
    pub fn new(protected: Arc<ProtectedWords>) -> Self {
        Self { protected }
    }
}

impl TokenFilter for MultiwordFilter {
    type Tokenizer<T: Tokenizer> = MultiwordTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MultiwordTokenizer<T> {
        MultiwordTokenizer {
            inner: tokenizer,
            protected: self.protected,
            key: String::new(),
        }
    }
}

/// [`MultiwordFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct MultiwordTokenizer<T> {
    inner: T,
    protected: Arc<ProtectedWords>,
    key: String,
}

impl<T: Tokenizer> Tokenizer for MultiwordTokenizer<T> {
    type TokenStream<'a> = MultiwordTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MultiwordTokenStream {
            tail: self.inner.token_stream(text),
            protected: &self.protected,
            key: &mut self.key,
            pending: VecDeque::new(),
            current: None,
            joined: None,
        }
    }
}

/// The token stream of [`MultiwordFilter`].
pub struct MultiwordTokenStream<'a, T> {
    tail: T,
    protected: &'a ProtectedWords,
    key: &'a mut String,
    /// Tokens read ahead from the tail.
    pending: VecDeque<Token>,
    /// The token being emitted when it is not the tail's own.
    current: Option<Token>,
    /// A joined name token to emit next.
    joined: Option<Token>,
}

impl<T: TokenStream> MultiwordTokenStream<'_, T> {
    /// Reads ahead after the current token (a possible first part of a name of up to `max_parts`
    /// parts) and prepares the joined token of the longest name found.
    fn find_name(&mut self, max_parts: usize) {
        if self.current.is_none() {
            self.current = Some(self.tail.token().clone());
        }
        let mut singles = self
            .pending
            .iter()
            .filter(|t| t.position_length == 1)
            .count();
        while singles + 1 < max_parts && self.tail.advance() {
            let token = self.tail.token().clone();
            singles += usize::from(token.position_length == 1);
            self.pending.push_back(token);
        }
        let mut parts = 1;
        let mut longest = None;
        for (i, token) in self.pending.iter().enumerate() {
            if token.position_length != 1 {
                continue;
            }
            parts += 1;
            if parts > max_parts {
                break;
            }
            self.key.push(' ');
            fold_into(&token.text, self.key);
            if self.protected.is_name_sequence(self.key) {
                longest = Some(i);
            }
        }
        let (Some(last), Some(first)) = (longest, self.current.as_ref()) else {
            return;
        };
        let mut text = first.text.clone();
        for token in self.pending.range(..=last) {
            if token.position_length == 1 {
                text.push_str(&token.text);
            }
        }
        let already_joined = self
            .pending
            .range(..=last)
            .any(|t| t.position_length > 1 && t.position == first.position && t.text == text);
        if already_joined {
            return;
        }
        let end = &self.pending[last];
        self.joined = Some(Token {
            offset_from: first.offset_from,
            offset_to: end.offset_to.max(first.offset_from),
            position: first.position,
            text,
            position_length: end.position.saturating_sub(first.position) + 1,
        });
    }
}

impl<T: TokenStream> TokenStream for MultiwordTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(joined) = self.joined.take() {
            self.current = Some(joined);
            return true;
        }
        if let Some(next) = self.pending.pop_front() {
            self.current = Some(next);
        } else {
            self.current = None;
            if !self.tail.advance() {
                return false;
            }
        }
        let token = match &self.current {
            Some(token) => token,
            None => self.tail.token(),
        };
        if token.position_length != 1 {
            return true;
        }
        self.key.clear();
        fold_into(&token.text, self.key);
        if let Some(max_parts) = self.protected.longest_name_starting_with(self.key) {
            self.find_name(max_parts);
        }
        true
    }

    fn token(&self) -> &Token {
        match &self.current {
            Some(token) => token,
            None => self.tail.token(),
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match &mut self.current {
            Some(token) => token,
            None => self.tail.token_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::test_support::{collect, texts};
    use crate::tokenizer::{CompoundFilter, WordTokenizer};
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(CompoundFilter)
            .filter(MultiwordFilter::new(Arc::new(ProtectedWords::builtin())))
            .build()
    }

    #[test]
    fn spaced_name_gets_the_joined_token() {
        let text = "à Tin Zaouatène et Gorom Gorom";
        let tokens = collect(analyzer(), text);
        assert_eq!(
            texts(&tokens),
            [
                "à",
                "tin",
                "tinzaouatène",
                "zaouatène",
                "et",
                "gorom",
                "goromgorom",
                "gorom"
            ]
        );
        assert_eq!((tokens[2].position, tokens[2].position_length), (1, 2));
        assert_eq!(
            &text[tokens[2].offset_from..tokens[2].offset_to],
            "Tin Zaouatène"
        );
    }

    #[test]
    fn hyphenated_name_is_not_joined_twice() {
        let tokens = collect(analyzer(), "Tin-Zaouatène");
        assert_eq!(texts(&tokens), ["tin", "tinzaouatène", "zaouatène"]);
    }

    #[test]
    fn name_with_apostrophe_part_spans_all_positions() {
        let tokens = collect(analyzer(), "Fada N'Gourma, Fada");
        assert_eq!(
            texts(&tokens),
            ["fada", "fadangourma", "n", "ngourma", "gourma", "fada"]
        );
        assert_eq!((tokens[1].position, tokens[1].position_length), (0, 3));
    }
}
