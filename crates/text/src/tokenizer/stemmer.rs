//! Snowball stemming that lets accented and unaccented spellings meet in both directions.
//!
//! Snowball French needs the accents (`attaquées` → `attaqu`, but `attaquees` → `attaque`), and an
//! unaccented word stems differently from its accented spelling (`sécurité` → `sécur`, `securite` →
//! `securit`). Folding before stemming loses the first pair, folding after loses the second (and
//! folding a stem merges `armé`, the army, into `arme`, the weapon). So each word gives, at the same
//! position:
//! 1. the *primary* token: the stem of the word as written (`sécurité` → `sécur`);
//! 2. when different, the *folded-stem* token: the stem of the folded word (`securite` → `securit`),
//!    with the same offsets, position and `position_length` (a position increment of 0).
//!
//! An unaccented word (`securite`) gives a single token, which is both. The query side does the same
//! and ORs the tokens of one position, so `securite` finds `sécurité` through the folded stem and
//! `attaqué` finds `attaquées` through the primary stem.
//!
//! One repair before stemming (French only): a trailing `ee`/`ees` gets its accent back
//! (`attaquees` → `attaquées` → `attaqu`, `ARMEE` → `armée` → `armé`), since Snowball strips those
//! participle endings only when accented and a French word ending in `ee` almost always is one; so
//! the capitalised `ATTAQUEES` still meets `attaque`, and `ARMEE` meets `armée` but not `armes`.
//!
//! The folded stem depends on the folded word only, so it is the same for every accent variant on
//! both sides: it is the *last* token of each position, the one to use in phrase queries.
//!
//! Protected words are not stemmed: their token is the folded word.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use frostem::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::{fold_into, ProtectedWords};

/// The stemming algorithms the analyzers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StemLanguage {
    /// Snowball French.
    French,
    /// Snowball English (Porter2).
    English,
}

/// A Snowball stemmer for `language` (the current Snowball algorithms, via frostem).
pub fn snowball_stemmer(language: StemLanguage) -> Stemmer {
    Stemmer::new(match language {
        StemLanguage::French => Algorithm::French,
        StemLanguage::English => Algorithm::English,
    })
}

/// The stem the French analyzer gives a lowercase word, before folding: the plain Snowball French
/// stem, the word itself when protected, or its override (what the Snowball agreement evaluation
/// measures).
pub fn french_stem<'a>(word: &'a str, protected: &ProtectedWords) -> Cow<'a, str> {
    let mut folded = String::new();
    fold_into(word, &mut folded);
    if protected.is_protected(&folded) {
        Cow::Borrowed(word)
    } else if let Some(stem) = french_overrides().get(folded.as_str()) {
        Cow::Owned(stem.to_string())
    } else {
        snowball_stemmer(StemLanguage::French).stem(word)
    }
}

const FRENCH_OVERRIDES_TSV: &str = include_str!("../../data/stem_overrides_fr.tsv");

/// Folded French words → the stem the French analyzer gives them instead of Snowball's
/// (`data/stem_overrides_fr.tsv`: `armée` is not `armé`).
fn french_overrides() -> Arc<FxHashMap<String, Box<str>>> {
    static OVERRIDES: OnceLock<Arc<FxHashMap<String, Box<str>>>> = OnceLock::new();
    OVERRIDES
        .get_or_init(|| {
            Arc::new(
                crate::protected::data_rows(FRENCH_OVERRIDES_TSV)
                    .filter_map(|row| row.split_once('\t'))
                    .map(|(word, stem)| (word.trim().to_string(), stem.trim().into()))
                    .collect(),
            )
        })
        .clone()
}

/// Whether the French analyzer gives `word` (any case or accents) a stem of its own rather than
/// Snowball's (`data/stem_overrides_fr.tsv`).
pub fn has_french_stem_override(word: &str) -> bool {
    french_overrides().contains_key(crate::fold(word).as_str())
}

/// Stems each lowercase token as written, plus the stem of the folded word when that differs (see
/// the module doc); protected words are only folded.
#[derive(Clone)]
pub struct FoldingStemFilter {
    stemmer: Stemmer,
    protected: Arc<ProtectedWords>,
    /// Folded words with a stem of their own (French only), whatever their accents.
    overrides: Arc<FxHashMap<String, Box<str>>>,
    /// French only: restore the `ée` of folded participles (see the module doc).
    restore_participles: bool,
}

impl FoldingStemFilter {
    /// A filter stemming with `language`, leaving `protected` words unstemmed.
    pub fn new(language: StemLanguage, protected: Arc<ProtectedWords>) -> Self {
        Self {
            stemmer: snowball_stemmer(language),
            protected,
            restore_participles: language == StemLanguage::French,
            overrides: if language == StemLanguage::French {
                french_overrides()
            } else {
                Arc::default()
            },
        }
    }
}

impl TokenFilter for FoldingStemFilter {
    type Tokenizer<T: Tokenizer> = FoldingStemTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldingStemTokenizer<T> {
        FoldingStemTokenizer {
            inner: tokenizer,
            filter: self,
            buffers: Buffers::default(),
        }
    }
}

/// Words whose stems are remembered, per tokenizer (French and English vocabularies of a corpus
/// are Zipfian: a few thousand words make most tokens). Past it, the cache starts again.
const STEM_CACHE_CAPACITY: usize = 50_000;

/// The token texts one word gives.
#[derive(Clone)]
struct Stems {
    /// The stem of the word as written (the folded word, when protected).
    primary: Box<str>,
    /// The stem of the folded word, when it differs from the primary stem.
    folded: Option<Box<str>>,
}

#[derive(Clone, Default)]
struct Scratch {
    folded: String,
    restored: String,
}

#[derive(Clone, Default)]
struct Buffers {
    scratch: Scratch,
    /// Stems by lowercase word.
    cache: FxHashMap<String, Stems>,
    second: Token,
}

/// [`FoldingStemFilter`] applied to a tokenizer.
#[derive(Clone)]
pub struct FoldingStemTokenizer<T> {
    inner: T,
    filter: FoldingStemFilter,
    buffers: Buffers,
}

impl<T: Tokenizer> Tokenizer for FoldingStemTokenizer<T> {
    type TokenStream<'a> = FoldingStemTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldingStemTokenStream {
            tail: self.inner.token_stream(text),
            filter: &self.filter,
            buffers: &mut self.buffers,
            second_ready: false,
            emitting_second: false,
        }
    }
}

/// The token stream of [`FoldingStemFilter`].
pub struct FoldingStemTokenStream<'a, T> {
    tail: T,
    filter: &'a FoldingStemFilter,
    buffers: &'a mut Buffers,
    second_ready: bool,
    emitting_second: bool,
}

/// Folds `text` into `out` (which is cleared), skipping the work for lowercase ASCII.
fn fold_to(text: &str, out: &mut String) {
    out.clear();
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        out.push_str(text);
    } else {
        fold_into(text, out);
    }
}

/// Puts back the accent of a feminine past participle the folding removed (`attaquees` →
/// `attaquées`): Snowball only strips `ée`/`ées` when accented, and a French word ending in `ee`
/// is almost always one. Other accents cannot be restored without a dictionary.
fn restore_participle_accent(folded: &str, out: &mut String) -> bool {
    let stem_len = if folded.ends_with("ees") {
        folded.len() - 3
    } else if folded.ends_with("ee") {
        folded.len() - 2
    } else {
        return false;
    };
    if stem_len < 2 {
        return false;
    }
    out.clear();
    out.push_str(&folded[..stem_len]);
    out.push_str("ée");
    out.push_str(&folded[stem_len + 2..]);
    true
}

impl FoldingStemFilter {
    /// The tokens of one lowercase word: its primary stem and, when different, its folded stem.
    fn stems(&self, word: &str, scratch: &mut Scratch) -> Stems {
        let Scratch { folded, restored } = scratch;
        fold_to(word, folded);
        if self.protected.is_protected(folded) {
            return Stems {
                primary: folded.as_str().into(),
                folded: None,
            };
        }
        if let Some(stem) = self.overrides.get(folded.as_str()) {
            return Stems {
                primary: stem.clone(),
                folded: None,
            };
        }
        let stemmer = &self.stemmer;
        let restore = self.restore_participles;
        // Primary: the word as written (its unaccented `ee` ending restored).
        let as_written = if restore && restore_participle_accent(word, restored) {
            restored.as_str()
        } else {
            word
        };
        let primary: Box<str> = stemmer.stem(as_written).into();
        let mut folded_stem = None;
        if word != folded.as_str() && !folded.is_empty() {
            // Folded stem, from the folded word only.
            let folded_input = if restore && restore_participle_accent(folded, restored) {
                restored.as_str()
            } else {
                folded.as_str()
            };
            let stem = stemmer.stem(folded_input);
            if stem != *primary {
                folded_stem = Some(stem.into());
            }
        }
        Stems {
            primary,
            folded: folded_stem,
        }
    }
}

impl<T: TokenStream> FoldingStemTokenStream<'_, T> {
    fn stem_current(&mut self) {
        let token = self.tail.token_mut();
        let Buffers {
            scratch,
            cache,
            second,
        } = &mut *self.buffers;
        if cache.len() >= STEM_CACHE_CAPACITY && !cache.contains_key(token.text.as_str()) {
            cache.clear();
        }
        let stems = match cache.get(token.text.as_str()) {
            Some(stems) => stems,
            None => {
                let stems = self.filter.stems(&token.text, scratch);
                cache.entry(token.text.clone()).or_insert(stems)
            }
        };
        if let Some(folded_stem) = &stems.folded {
            second.text.clear();
            second.text.push_str(folded_stem);
            second.offset_from = token.offset_from;
            second.offset_to = token.offset_to;
            second.position = token.position;
            second.position_length = token.position_length;
            self.second_ready = true;
        }
        token.text.clear();
        token.text.push_str(&stems.primary);
    }
}

impl<T: TokenStream> TokenStream for FoldingStemTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.second_ready {
            self.second_ready = false;
            self.emitting_second = true;
            return true;
        }
        self.emitting_second = false;
        if !self.tail.advance() {
            return false;
        }
        self.stem_current();
        true
    }

    fn token(&self) -> &Token {
        if self.emitting_second {
            &self.buffers.second
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.emitting_second {
            &mut self.buffers.second
        } else {
            self.tail.token_mut()
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
            .filter(FoldingStemFilter::new(
                StemLanguage::French,
                Arc::new(ProtectedWords::builtin()),
            ))
            .build()
    }

    #[test]
    fn accented_word_gives_primary_and_folded_stem_at_one_position() {
        let tokens = collect(analyzer(), "sécurité securite attaquées ATTAQUEES");
        assert_eq!(
            texts(&tokens),
            ["sécur", "securit", "securit", "attaqu", "attaqu"]
        );
        let positions: Vec<_> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 0, 1, 2, 3]);
        assert_eq!(tokens[1].offset_to, "sécurité".len());
    }

    #[test]
    fn protected_words_are_folded_not_stemmed() {
        let tokens = collect(analyzer(), "Mali NIGER Ménaka mal ARMES armes");
        assert_eq!(
            texts(&tokens),
            ["mali", "niger", "menaka", "mal", "arme", "arme"]
        );
    }

    #[test]
    fn the_army_is_not_stemmed_with_armed() {
        let tokens = collect(analyzer(), "armée Armées ARMEE armees armés armé");
        assert_eq!(
            texts(&tokens),
            ["armee", "armee", "armee", "armee", "armé", "arme", "armé", "arme"]
        );
        let english = TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(FoldingStemFilter::new(
                StemLanguage::English,
                Arc::new(ProtectedWords::builtin()),
            ))
            .build();
        assert_eq!(texts(&collect(english, "armees")), ["arme"]);
    }

    #[test]
    fn french_stem_follows_snowball_except_protected() {
        let protected = ProtectedWords::builtin();
        assert_eq!(french_stem("attaquées", &protected), "attaqu");
        assert_eq!(french_stem("niger", &protected), "niger");
        assert_eq!(french_stem("frappes", &protected), "frapp");
        assert_eq!(french_stem("armées", &protected), "armee");
    }
}
