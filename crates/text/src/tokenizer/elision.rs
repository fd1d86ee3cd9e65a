//! French elision: `l'armée` → `armée`, `qu'il` → `il`, `jusqu'à` → `à`.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::{fold_into, normalize_char, ProtectedWords};

/// The elided articles, pronouns and conjunctions (lowercase, without the apostrophe).
pub const ELIDED_WORDS: [&str; 13] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Removes a leading elided word and its apostrophe from a lowercased token, narrowing the offsets to
/// what remains, unless the whole word is protected (`N'Gourma` stays whole for the compound filter).
/// Expects lowercase text (place it after the lowercaser).
#[derive(Clone)]
pub struct ElisionFilter {
    protected: Arc<ProtectedWords>,
}

impl ElisionFilter {
    /// An elision filter that leaves the protected words alone.
    pub fn new(protected: Arc<ProtectedWords>) -> Self {
        Self { protected }
    }
}

impl TokenFilter for ElisionFilter {
    type Tokenizer<T: Tokenizer> = ElisionTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ElisionTokenizer<T> {
        ElisionTokenizer {
            inner: tokenizer,
            protected: self.protected,
            folded: String::new(),
        }
    }
}

/// [`ElisionFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct ElisionTokenizer<T> {
    inner: T,
    protected: Arc<ProtectedWords>,
    folded: String,
}

impl<T: Tokenizer> Tokenizer for ElisionTokenizer<T> {
    type TokenStream<'a> = ElisionTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ElisionTokenStream {
            tail: self.inner.token_stream(text),
            text,
            protected: &self.protected,
            folded: &mut self.folded,
        }
    }
}

/// The token stream of [`ElisionFilter`].
pub struct ElisionTokenStream<'a, T> {
    tail: T,
    text: &'a str,
    protected: &'a ProtectedWords,
    folded: &'a mut String,
}

/// Length of the elided prefix including its apostrophe, if the token starts with one.
pub(crate) fn elided_prefix_len(word: &str) -> Option<usize> {
    let apostrophe = word.find('\'')?;
    let prefix = &word[..apostrophe];
    (apostrophe + 1 < word.len() && ELIDED_WORDS.contains(&prefix)).then_some(apostrophe + 1)
}

impl<T: TokenStream> TokenStream for ElisionTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let Some(cut) = elided_prefix_len(&token.text) else {
            return true;
        };
        self.folded.clear();
        fold_into(&token.text, self.folded);
        if self.protected.is_protected(self.folded) {
            return true;
        }
        token.text.drain(..cut);
        narrow_after_first_apostrophe(self.text, token);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Moves `offset_from` just past the first apostrophe of the token's source in the original text.
fn narrow_after_first_apostrophe(text: &str, token: &mut Token) {
    let Some(source) = text.get(token.offset_from..token.offset_to) else {
        return;
    };
    if let Some((i, c)) = source
        .char_indices()
        .find(|&(_, c)| normalize_char(c) == Some('\''))
    {
        token.offset_from += i + c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::test_support::{collect, texts};
    use crate::tokenizer::WordTokenizer;
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(ElisionFilter::new(Arc::new(ProtectedWords::builtin())))
            .build()
    }

    #[test]
    fn elides_every_listed_word_with_either_apostrophe() {
        let text = "L’armée d'abord j'ai m'a n'est s'il t'a c'est qu'il Jusqu’à lorsqu'il puisqu'on quoiqu'elle";
        let tokens = collect(analyzer(), text);
        assert_eq!(
            texts(&tokens),
            ["armée", "abord", "ai", "a", "est", "il", "a", "est", "il", "à", "il", "on", "elle"]
        );
        assert_eq!(&text[tokens[0].offset_from..tokens[0].offset_to], "armée");
        assert_eq!(&text[tokens[9].offset_from..tokens[9].offset_to], "à");
    }

    #[test]
    fn leaves_other_apostrophe_words_and_protected_names() {
        let tokens = collect(analyzer(), "aujourd'hui Fada N'Gourma Aguel'hoc presqu'île");
        assert_eq!(
            texts(&tokens),
            ["aujourd'hui", "fada", "n'gourma", "aguel'hoc", "presqu'île"]
        );
    }
}
