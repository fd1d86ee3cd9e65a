//! English possessive: `Mali's` → `Mali`, `army's` → `army`.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::normalize_char;

/// Removes a trailing `'s` (any apostrophe look-alike, already normalised in the token text),
/// narrowing `offset_to` to the word before it. A trailing bare apostrophe (`soldiers'`) never
/// reaches this filter: the tokenizer does not keep it.
#[derive(Clone, Copy, Default)]
pub struct PossessiveFilter;

impl TokenFilter for PossessiveFilter {
    type Tokenizer<T: Tokenizer> = PossessiveTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PossessiveTokenizer<T> {
        PossessiveTokenizer { inner: tokenizer }
    }
}

/// [`PossessiveFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct PossessiveTokenizer<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for PossessiveTokenizer<T> {
    type TokenStream<'a> = PossessiveTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PossessiveTokenStream {
            tail: self.inner.token_stream(text),
            text,
        }
    }
}

/// The token stream of [`PossessiveFilter`].
pub struct PossessiveTokenStream<'a, T> {
    tail: T,
    text: &'a str,
}

impl<T: TokenStream> TokenStream for PossessiveTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.len() > 2 && (token.text.ends_with("'s") || token.text.ends_with("'S")) {
            let cut = token.text.len() - 2;
            token.text.truncate(cut);
            if let Some(source) = self.text.get(token.offset_from..token.offset_to) {
                if let Some((i, _)) = source
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| normalize_char(c) == Some('\''))
                {
                    token.offset_to = token.offset_from + i;
                }
            }
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
    fn strips_possessive_s_and_narrows_offsets() {
        let text = "Mali’s army's soldiers' it's";
        let analyzer = TextAnalyzer::builder(WordTokenizer::default())
            .filter(PossessiveFilter)
            .build();
        let tokens = collect(analyzer, text);
        assert_eq!(texts(&tokens), ["Mali", "army", "soldiers", "it"]);
        assert_eq!(&text[tokens[0].offset_from..tokens[0].offset_to], "Mali");
    }
}
