//! Hyphen- and apostrophe-joined words: `Tin-Zaouatène` → `tin`, `tinzaouatène`, `zaouatène`.

use std::collections::VecDeque;

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::protected::data_rows;
use crate::{fold, fold_into, normalize_char};

const APOSTROPHE_WORDS_TSV: &str = include_str!("../../data/apostrophe_words.tsv");

/// Words written with an apostrophe that are one word (`aujourd'hui`), folded.
fn apostrophe_words() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| data_rows(APOSTROPHE_WORDS_TSV).map(fold).collect())
}

/// Splits a token containing `-` or `'` into its parts, each at its own position with its own
/// offsets, and adds the joined form (parts concatenated) at the position of the first part with
/// `position_length` = number of parts, covering the whole word. Later tokens move back by the
/// number of added positions. Words of `data/apostrophe_words.tsv` (`aujourd'hui`) stay whole.
///
/// Emission order: first part, joined form, other parts, so positions never decrease.
#[derive(Clone, Copy, Default)]
pub struct CompoundFilter;

impl TokenFilter for CompoundFilter {
    type Tokenizer<T: Tokenizer> = CompoundTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundTokenizer<T> {
        CompoundTokenizer {
            inner: tokenizer,
            folded: String::new(),
        }
    }
}

/// [`CompoundFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct CompoundTokenizer<T> {
    inner: T,
    folded: String,
}

impl<T: Tokenizer> Tokenizer for CompoundTokenizer<T> {
    type TokenStream<'a> = CompoundTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundTokenStream {
            tail: self.inner.token_stream(text),
            text,
            folded: &mut self.folded,
            pending: VecDeque::new(),
            current: None,
            shift: 0,
            applied: 0,
        }
    }
}

/// The token stream of [`CompoundFilter`].
pub struct CompoundTokenStream<'a, T> {
    tail: T,
    text: &'a str,
    folded: &'a mut String,
    /// Tokens produced from the last compound, not yet emitted.
    pending: VecDeque<Token>,
    /// The token being emitted when it is not the tail's own.
    current: Option<Token>,
    /// Positions added so far by splitting.
    shift: usize,
    /// The shift added to the tail's current token: taken back before the tail advances, as
    /// the tokenizer counts positions from its own last token.
    applied: usize,
}

fn is_joiner_char(c: char) -> bool {
    c == '\'' || c == '-'
}

/// Byte ranges, in the original text, of the parts of a compound whose source is `source`
/// (starting at `base`): the runs between apostrophe/hyphen characters.
fn part_ranges(source: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = None;
    let mut end = 0;
    for (i, c) in source.char_indices() {
        match normalize_char(c) {
            Some(n) if is_joiner_char(n) => {
                if let Some(s) = start.take() {
                    out.push((base + s, base + end));
                }
            }
            None => {}
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
                end = i + c.len_utf8();
            }
        }
    }
    if let Some(s) = start {
        out.push((base + s, base + end));
    }
}

impl<T: TokenStream> CompoundTokenStream<'_, T> {
    /// Splits the tail's current token into pending tokens; false if it is not a compound.
    fn split(&mut self) -> bool {
        let token = self.tail.token();
        let parts = token.text.split(is_joiner_char).filter(|p| !p.is_empty());
        let count = parts.clone().count();
        if count < 2 {
            return false;
        }
        let mut ranges = Vec::with_capacity(count);
        if let Some(source) = self.text.get(token.offset_from..token.offset_to) {
            part_ranges(source, token.offset_from, &mut ranges);
        }
        let mut joined = Token {
            offset_from: token.offset_from,
            offset_to: token.offset_to,
            position: token.position,
            text: String::with_capacity(token.text.len()),
            position_length: count,
        };
        for (i, part) in parts.enumerate() {
            joined.text.push_str(part);
            let (offset_from, offset_to) = if ranges.len() == count {
                ranges[i]
            } else {
                (token.offset_from, token.offset_to)
            };
            self.pending.push_back(Token {
                offset_from,
                offset_to,
                position: token.position + i,
                text: part.to_owned(),
                position_length: 1,
            });
        }
        self.pending.insert(1, joined);
        self.shift += count - 1;
        true
    }
}

impl<T: TokenStream> TokenStream for CompoundTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.pending.pop_front() {
            self.current = Some(next);
            return true;
        }
        self.current = None;
        let applied = std::mem::take(&mut self.applied);
        let last = self.tail.token_mut();
        last.position = last.position.wrapping_sub(applied);
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        token.position += self.shift;
        self.applied = self.shift;
        if !token.text.contains(is_joiner_char) {
            return true;
        }
        self.folded.clear();
        fold_into(&token.text, self.folded);
        if apostrophe_words().contains(self.folded.as_str()) || !self.split() {
            return true;
        }
        self.current = self.pending.pop_front();
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
    use crate::tokenizer::WordTokenizer;
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(CompoundFilter)
            .build()
    }

    #[test]
    fn hyphenated_word_gives_parts_and_joined_form() {
        let text = "à Tin‑Zaouatène hier";
        let tokens = collect(analyzer(), text);
        assert_eq!(
            texts(&tokens),
            ["à", "tin", "tinzaouatène", "zaouatène", "hier"]
        );
        let positions: Vec<_> = tokens
            .iter()
            .map(|t| (t.position, t.position_length))
            .collect();
        assert_eq!(positions, [(0, 1), (1, 1), (1, 2), (2, 1), (3, 1)]);
        assert_eq!(&text[tokens[1].offset_from..tokens[1].offset_to], "Tin");
        assert_eq!(
            &text[tokens[2].offset_from..tokens[2].offset_to],
            "Tin‑Zaouatène"
        );
        assert_eq!(
            &text[tokens[3].offset_from..tokens[3].offset_to],
            "Zaouatène"
        );
    }

    #[test]
    fn words_after_compounds_keep_consecutive_positions() {
        // Every word after a compound moves back by the positions the compounds added, once.
        let tokens = collect(
            analyzer(),
            "Vingt-neuf soldats tués à Tin-Zaouatène par l'État islamique au Sahel",
        );
        let positions: Vec<_> = tokens
            .iter()
            .filter(|t| t.position_length == 1)
            .map(|t| (t.text.as_str(), t.position))
            .collect();
        assert_eq!(
            positions,
            [
                ("vingt", 0),
                ("neuf", 1),
                ("soldats", 2),
                ("tués", 3),
                ("à", 4),
                ("tin", 5),
                ("zaouatène", 6),
                ("par", 7),
                ("l", 8),
                ("état", 9),
                ("islamique", 10),
                ("au", 11),
                ("sahel", 12),
            ]
        );
    }

    #[test]
    fn apostrophe_names_split_but_aujourdhui_stays_whole() {
        let text = "Aguel’hoc aujourd’hui";
        let tokens = collect(analyzer(), text);
        assert_eq!(texts(&tokens), ["aguel", "aguelhoc", "hoc", "aujourd'hui"]);
        assert_eq!(tokens[3].position, 2);
        assert_eq!(&text[tokens[2].offset_from..tokens[2].offset_to], "hoc");
    }
}
