//! Snippets: up to three fragments of the stored body around the matched terms, HTML-escaped,
//! matches in `<mark>`.
//!
//! Two steps, one file each: [`highlight`] finds what the query's terms match in a body, with a
//! cheap pass over its words (the words of [`sahel_text::tokenizer::next_word`], as the index
//! holds them) instead of the analyzers; [`fragments`] picks the fragments holding the most
//! query words and writes them.

pub mod fragments;
pub mod highlight;
mod openings;

pub use fragments::{escape, escape_into, snippet, ELLIPSIS, FRAGMENT_BYTES, MAX_FRAGMENTS};
pub use highlight::{
    analysed_matches, families_for, keep_phrase_runs, Highlighter, Mark, MAX_ANALYSED_BYTES,
};
