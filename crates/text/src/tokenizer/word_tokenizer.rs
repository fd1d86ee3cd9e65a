//! Splits the original text into words, normalising each word's text but keeping byte offsets into
//! the original, so highlights land on the characters the user wrote.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::words::next_word;
use crate::normalize_char;

/// Words longer than this (in bytes of the original) are skipped, as tantivy's `RemoveLongFilter`
/// would: they are noise (base64, URLs glued together) and would bloat the term dictionary.
pub const MAX_WORD_BYTES: usize = 160;

/// Words as [`super::words`] defines them (letters, digits and combining marks, with apostrophes
/// and hyphens inside). The token text is the word with [`normalize_char`] applied to each
/// character, then NFC; `offset_from..offset_to` is the word in the original text.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
    nfc: String,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
    nfc: &'a mut String,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
            nfc: &mut self.nfc,
        }
    }
}

impl WordTokenStream<'_> {
    fn fill_token_text(&mut self, start: usize, end: usize) {
        let text = &mut self.token.text;
        text.clear();
        let word = &self.text[start..end];
        if word.bytes().all(|b| b.is_ascii() && b != b'`') {
            // Nothing to rewrite nor compose.
            text.push_str(word);
            return;
        }
        text.extend(word.chars().filter_map(normalize_char));
        if !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
            self.nfc.clear();
            // As in `normalize`: a few singletons compose onto characters the rewrite changes.
            self.nfc.extend(text.nfc().filter_map(normalize_char));
            std::mem::swap(text, self.nfc);
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some(word) = next_word(self.text, self.cursor) else {
                self.cursor = self.text.len();
                return false;
            };
            let (start, end) = (word.start, word.end);
            self.cursor = end;
            if end - start > MAX_WORD_BYTES {
                continue;
            }
            self.fill_token_text(start, end);
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::test_support::{collect, texts};

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let tokens = collect(
            WordTokenizer::default(),
            "L’armée à Tin-Zaouatène, aujourd'hui -- 'x' a-",
        );
        assert_eq!(
            texts(&tokens),
            ["L'armée", "à", "Tin-Zaouatène", "aujourd'hui", "x", "a"]
        );
        assert_eq!(tokens[0].offset_from, 0);
        assert_eq!(tokens[0].offset_to, "L’armée".len());
        assert_eq!(tokens[2].position, 2);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "sé\u{00AD}cu\u{200B}rité Le\u{0301}re\u{0301}";
        let tokens = collect(WordTokenizer::default(), text);
        assert_eq!(texts(&tokens), ["sécurité", "Léré"]);
        assert_eq!(
            &text[tokens[1].offset_from..tokens[1].offset_to],
            "Le\u{0301}re\u{0301}"
        );
    }

    #[test]
    fn long_words_are_skipped() {
        let long = "a".repeat(MAX_WORD_BYTES + 1);
        let tokens = collect(WordTokenizer::default(), &format!("un {long} deux"));
        assert_eq!(texts(&tokens), ["un", "deux"]);
        assert_eq!(tokens[1].position, 1);
    }
}
