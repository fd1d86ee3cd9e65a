//! The typo-tolerant retry: when no document has every word, a word found nowhere in the index
//! is taken for a typo and also searches the exact-field terms within an edit distance that grows
//! with its length, and the place and actor names it may be a misspelling of (`Tilabery` →
//! `Tillabéri`, with all its spellings). A real word is no typo: a word of the glossary (`route`
//! absent from a corpus is not `toute`) or a known name is never corrected.

use std::collections::HashMap;
use std::sync::Mutex;

use tantivy::query::{BooleanQuery, EnableScoring, FuzzyTermQuery, Occur, Query};
use tantivy::{DocSet, Term, TERMINATED};

use crate::api::Correction;
use crate::data::IndexData;
use crate::glossary::Glossary;
use crate::parser::Item;
use crate::query::{BuiltQuery, FieldPair, QueryBuilder};

/// Most corrections kept per word.
const MAX_CORRECTIONS: usize = 3;
/// Words of at most this many characters are never corrected: too many words are near them.
const MAX_UNCORRECTED_CHARS: usize = 4;
/// Words of at most this many characters are corrected within one edit, longer ones two.
const MAX_ONE_EDIT_CHARS: usize = 8;
/// Terms near a word looked at, at most (a very short or very common stem has thousands).
const MAX_NEAR_TERMS: usize = 1000;
/// Most words whose corrections are kept.
const CORRECTION_CACHE_WORDS: usize = 4096;

/// The edit distance a word of `chars` characters is corrected within (0: not corrected).
fn edit_distance_for(chars: usize) -> u8 {
    if chars <= MAX_UNCORRECTED_CHARS {
        0
    } else if chars <= MAX_ONE_EDIT_CHARS {
        1
    } else {
        2
    }
}

/// Rewrites `built` so that each correctable word matching no document at all (in any field,
/// whatever the filters) also searches the exact-field terms near it; returns the corrections.
pub fn correct(
    data: &IndexData,
    builder: &mut QueryBuilder<'_>,
    built: &mut BuiltQuery,
    exact: &FieldPair,
    cache: &CorrectionCache,
    vocabulary: &Glossary,
) -> Vec<Correction> {
    let mut corrections = Vec::new();
    for (group, word) in built.correctable.clone() {
        let terms = builder.exact_terms(&word);
        let [term] = terms.as_slice() else { continue };
        let distance = edit_distance_for(term.chars().count());
        if distance == 0 || is_known_word(builder, vocabulary, &word) {
            continue;
        }
        if built
            .groups
            .get(group)
            .is_none_or(|q| matches_something(data, q.as_ref()))
        {
            continue;
        }
        let mut found = cache.get_or_insert(data.generation, term, distance, || {
            fuzzy_terms(data, exact, term, distance)
        });
        let names: Vec<String> = builder
            .expander
            .near_names(&word)
            .into_iter()
            .filter(|n| {
                !found
                    .iter()
                    .any(|f| sahel_text::fold(f) == sahel_text::fold(n))
            })
            .take(MAX_CORRECTIONS)
            .collect();
        if found.is_empty() && names.is_empty() {
            continue;
        }
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        if let Some(q) = built.groups.get(group) {
            clauses.push(q.box_clone());
        }
        builder.used.set_group(group);
        for t in &found {
            clauses.extend(builder.text_query(t));
        }
        for name in &names {
            // The name with its other spellings, aliases and facet documents.
            clauses.extend(builder.item_query(&Item::Word(name.clone()), true));
        }
        found.extend(names);
        if let Some(slot) = built.groups.get_mut(group) {
            *slot = Box::new(BooleanQuery::union(clauses));
        }
        corrections.push(Correction {
            from: word,
            to: found,
            distance,
        });
    }
    if !corrections.is_empty() {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = built
            .groups
            .iter()
            .map(|q| (Occur::Must, q.box_clone()))
            .collect();
        clauses.extend(
            built
                .excluded
                .iter()
                .map(|q| (Occur::MustNot, q.box_clone())),
        );
        built.all = Box::new(BooleanQuery::new(clauses));
    }
    corrections
}

/// Whether `word` is a real word or name rather than a typo: a term of the glossary in either
/// language, or a place or actor name.
fn is_known_word(builder: &mut QueryBuilder<'_>, vocabulary: &Glossary, word: &str) -> bool {
    if builder.expander.expand(word).is_some() {
        return true;
    }
    let [fr, en, _] = &mut builder.analyzers.0;
    vocabulary.knows(word, fr, en)
}

/// The note telling what the retry searched instead.
pub fn correction_note(corrections: &[Correction]) -> String {
    let words: Vec<String> = corrections
        .iter()
        .map(|c| format!("{} → {}", c.from, c.to.join(", ")))
        .collect();
    format!(
        "nothing matched as typed; searched instead: {}",
        words.join("; ")
    )
}

/// Whether `query` matches any live document of the index (filters and duplicates aside).
fn matches_something(data: &IndexData, query: &dyn Query) -> bool {
    let Ok(weight) = query.weight(EnableScoring::disabled_from_searcher(&data.searcher)) else {
        return true;
    };
    for reader in data.searcher.segment_readers() {
        let Ok(mut scorer) = weight.scorer(reader, 1.0) else {
            return true;
        };
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|bits| bits.is_alive(doc)) {
                return true;
            }
            doc = scorer.advance();
        }
    }
    false
}

/// The retry's look-ups, per index generation: walking the term dictionary with a Levenshtein
/// automaton costs about a millisecond on a 100,000-document index (as much as the rest of a
/// search), and a misspelt query comes back as its user pages or adds filters. Kept for one
/// generation (the dictionary), forgotten all at once past [`CORRECTION_CACHE_WORDS`] words.
#[derive(Default)]
pub struct CorrectionCache {
    inner: Mutex<(u64, Corrections)>,
}

/// (word, edit distance) → the index terms found within that distance.
type Corrections = HashMap<(String, u8), Vec<String>>;

impl CorrectionCache {
    fn get_or_insert(
        &self,
        generation: u64,
        term: &str,
        distance: u8,
        look_up: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        let lock = || self.inner.lock().unwrap_or_else(|p| p.into_inner());
        {
            let cached = lock();
            if cached.0 == generation {
                if let Some(found) = cached.1.get(&(term.to_string(), distance)) {
                    return found.clone();
                }
            }
        }
        // Looked up without the lock: another search may do the same meanwhile, harmlessly.
        let found = look_up();
        let mut cached = lock();
        if cached.0 != generation {
            *cached = (generation, HashMap::new());
        }
        if cached.1.len() >= CORRECTION_CACHE_WORDS {
            cached.1.clear();
        }
        cached.1.insert((term.to_string(), distance), found.clone());
        found
    }
}

/// Exact-field terms within `distance` of `term`, most frequent first (not `term` itself).
fn fuzzy_terms(data: &IndexData, pair: &FieldPair, term: &str, distance: u8) -> Vec<String> {
    let mut found: HashMap<String, u64> = HashMap::new();
    for reader in data.searcher.segment_readers() {
        for field in [pair.body, pair.title] {
            let query = FuzzyTermQuery::new(Term::from_field_text(field, term), distance, true);
            let (Ok(automaton), Ok(inverted)) = (query.automaton(), reader.inverted_index(field))
            else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().search(automaton).into_stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(key) = std::str::from_utf8(stream.key()) {
                    if key != term {
                        *found.entry(key.to_string()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
                if found.len() > MAX_NEAR_TERMS {
                    break;
                }
            }
        }
    }
    let mut found: Vec<(String, u64)> = found.into_iter().collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    found
        .into_iter()
        .take(MAX_CORRECTIONS)
        .map(|(t, _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_words_are_corrected_further() {
        assert_eq!(edit_distance_for(4), 0);
        assert_eq!(edit_distance_for(5), 1);
        assert_eq!(edit_distance_for(8), 1);
        assert_eq!(edit_distance_for(9), 2);
    }
}
