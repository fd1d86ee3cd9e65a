//! Stop-word removal, compared on folded text so `ete` and `été` are the same stop word.

use rustc_hash::FxHashSet;
use std::sync::{Arc, OnceLock};

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::protected::data_rows;
use crate::{fold, fold_into, ProtectedWords};

const FRENCH_TSV: &str = include_str!("../../data/stopwords_fr.tsv");
const ENGLISH_TSV: &str = include_str!("../../data/stopwords_en.tsv");

fn load(tsv: &str) -> Arc<FxHashSet<String>> {
    Arc::new(data_rows(tsv).map(|w| fold(w.trim())).collect())
}

/// The French stop words of `data/stopwords_fr.tsv`, folded.
pub fn french_stop_words() -> Arc<FxHashSet<String>> {
    static WORDS: OnceLock<Arc<FxHashSet<String>>> = OnceLock::new();
    WORDS.get_or_init(|| load(FRENCH_TSV)).clone()
}

/// The English stop words of `data/stopwords_en.tsv`, folded.
pub fn english_stop_words() -> Arc<FxHashSet<String>> {
    static WORDS: OnceLock<Arc<FxHashSet<String>>> = OnceLock::new();
    WORDS.get_or_init(|| load(ENGLISH_TSV)).clone()
}

/// The French and English stop words together (the exact analyzer's: a document's exact field
/// holds its words whatever the language).
pub fn all_stop_words() -> Arc<FxHashSet<String>> {
    static WORDS: OnceLock<Arc<FxHashSet<String>>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut words = (*french_stop_words()).clone();
            words.extend(english_stop_words().iter().cloned());
            Arc::new(words)
        })
        .clone()
}

/// Drops tokens whose folded text is a stop word, unless it is a protected word. Positions are
/// kept, so a removed word leaves a gap on both the index and the query side alike.
#[derive(Clone)]
pub struct StopWordFilter {
    words: Arc<FxHashSet<String>>,
    protected: Arc<ProtectedWords>,
}

impl StopWordFilter {
    /// A filter removing `words` (folded) except protected ones.
    pub fn new(words: Arc<FxHashSet<String>>, protected: Arc<ProtectedWords>) -> Self {
        Self { words, protected }
    }
}

impl TokenFilter for StopWordFilter {
    type Tokenizer<T: Tokenizer> = StopWordTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StopWordTokenizer<T> {
        StopWordTokenizer {
            inner: tokenizer,
            filter: self,
            folded: String::new(),
        }
    }
}

/// [`StopWordFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct StopWordTokenizer<T> {
    inner: T,
    filter: StopWordFilter,
    folded: String,
}

impl<T: Tokenizer> Tokenizer for StopWordTokenizer<T> {
    type TokenStream<'a> = StopWordTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StopWordTokenStream {
            tail: self.inner.token_stream(text),
            filter: &self.filter,
            folded: &mut self.folded,
        }
    }
}

/// The token stream of [`StopWordFilter`].
pub struct StopWordTokenStream<'a, T> {
    tail: T,
    filter: &'a StopWordFilter,
    folded: &'a mut String,
}

impl<T: TokenStream> StopWordTokenStream<'_, T> {
    fn is_stop_word(&mut self) -> bool {
        let text = &self.tail.token().text;
        let folded: &str = if text.bytes().all(|b| b.is_ascii_lowercase()) {
            text
        } else {
            self.folded.clear();
            fold_into(text, self.folded);
            self.folded
        };
        self.filter.words.contains(folded) && !self.filter.protected.is_protected(folded)
    }
}

impl<T: TokenStream> TokenStream for StopWordTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !self.is_stop_word() {
                return true;
            }
        }
        false
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
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    #[test]
    fn removes_folded_stop_words_and_keeps_positions() {
        let mut protected = ProtectedWords::new();
        protected.insert("Est");
        let analyzer = TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(StopWordFilter::new(
                french_stop_words(),
                Arc::new(protected),
            ))
            .build();
        let tokens = collect(analyzer, "Les forces de l'été ETE à Est");
        assert_eq!(texts(&tokens), ["forces", "l'été", "est"]);
        assert_eq!(tokens[0].position, 1);
        assert_eq!(tokens[2].position, 6);
    }

    #[test]
    fn lists_are_loaded() {
        assert!(french_stop_words().contains("etaient"));
        assert!(english_stop_words().contains("the"));
        assert!(!english_stop_words().contains("word"));
    }
}
