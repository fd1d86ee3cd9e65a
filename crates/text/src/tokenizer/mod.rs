//! The tokenizer and token filters the analyzers are built from, one file per component.
//!
//! # Token-stream convention
//!
//! Every analyzer produces tokens that follow these rules, which the query builder relies on:
//!
//! - **Offsets** are byte offsets into the original text, on char boundaries. A filter only ever
//!   narrows them to the exact source of the token's text (elision drops `l'`, the possessive drops
//!   `'s`, a compound part covers its part), so a highlight always covers what matched.
//! - **Positions** count words; a removed stop word leaves a gap (the same gap on both sides).
//! - **Joined forms.** A word made of parts joined by hyphens or apostrophes (`Tin-Zaouatène`,
//!   `N'Gourma`) gives each part at its own position *and* the joined form (`tinzaouatene`) at the
//!   position of the first part with `position_length` = number of positions the parts span. A
//!   protected multiword name written with spaces (`Tin Zaouatène`, `Fada N'Gourma`, `Gorom Gorom`)
//!   gets the same joined token. A query builder treats a joined token as an alternative to the
//!   phrase of the parts it spans: `tinzaouatene OR "tin zaouatene"`, so the three spellings meet.
//! - **Stem alternatives.** The stemming analyzers may give a second token at the same position
//!   (position increment 0, same offsets and `position_length`): the first is the stem of the
//!   word as written, the second the stem of the folded word (see [`stemmer`]). The query side
//!   ORs the tokens of one position; a phrase query uses the last token of each position (the
//!   folded stem, present on both sides whatever the accents).
//!
//! Emission order: position never decreases; at one position the part comes first, then its joined
//! form(s), then the stem alternatives.

pub mod compound;
pub mod elision;
pub mod fold;
pub mod multiword;
pub mod possessive;
pub mod stemmer;
pub mod stop_words;
pub mod word_tokenizer;
pub mod words;

#[cfg(test)]
pub(crate) mod test_support;

pub use compound::CompoundFilter;
pub use elision::{ElisionFilter, ELIDED_WORDS};
pub use fold::FoldFilter;
pub use multiword::MultiwordFilter;
pub use possessive::PossessiveFilter;
pub use stemmer::{
    french_stem, has_french_stem_override, snowball_stemmer, FoldingStemFilter, StemLanguage,
};
pub use stop_words::{all_stop_words, english_stop_words, french_stop_words, StopWordFilter};
pub use word_tokenizer::{WordTokenizer, MAX_WORD_BYTES};
pub use words::{is_joiner, next_word, WordSpan};
