//! From a parsed query to tantivy queries.
//!
//! Each item is analysed with the French, English and exact analyzers and searched in the matching
//! fields (title boosted). Alternative terms at one position (the French analyzer's two stems) are
//! ORed; a multi-token item becomes a phrase (a bounded union of phrases over the alternatives),
//! with tokens spanning all of it (`tinzaouatene` for `Tin-Zaouatène`) as alternatives. Known
//! names are expanded to their other spellings and aliases; adjacent words forming a known name
//! are also searched as that name, joined. Stop words are dropped (unless the query has nothing
//! else). The result keeps the index terms used, for highlighting.

use std::collections::{HashMap, HashSet};
use std::ops::Bound;

use sahel_text::fold;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, InvertedIndexRangeQuery,
    Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use std::sync::Arc;

use crate::api::{Expansion, Translation};
use crate::data::IndexData;
use crate::exclusion::ExclusionQuery;
use crate::expand::{NameExpander, NameKind};
use crate::facet_match::FacetValueQuery;
use crate::glossary::{Glossary, Side};
use crate::parser::{Item, ParsedQuery};
use crate::ranking::{
    BACKGROUND_TIME_SHARE, BODY_BOOST, FACET_VALUE_SCORE, FORMS_TIE_BREAKER, MAX_PROXIMITY_PHRASES,
    PROXIMITY_BOOST, PROXIMITY_SLOP, TITLE_BOOST, TRANSLATION_SLOP, TRANSLATION_WEIGHT,
};
use sahel_indexer::schema::facet;

/// Most phrases one item expands to (alternatives at several positions multiply).
const MAX_PHRASE_VARIANTS: usize = 8;
/// Most spellings/aliases added for one name (an actor has up to about twenty: `EIGS`, `ISGS`,
/// `ISSP`, `IS Sahel`, `État islamique au Sahel`…; a report naming it by any of them must be
/// found).
const MAX_ALTERNATIVES: usize = 32;
/// Most words joined into one name: actor names typed in full run to eight words ("Groupe de
/// soutien à l'islam et aux musulmans", "Volontaires pour la défense de la patrie").
const MAX_NAME_WORDS: usize = 8;

/// Which analyzer family, in the order of [`Analyzers`] and [`TermSets`].
pub const FR: usize = 0;
pub const EN: usize = 1;
pub const EXACT: usize = 2;

/// The three analyzers, cloned per query (a `TextAnalyzer` needs `&mut` to run).
#[derive(Clone)]
pub struct Analyzers(pub [TextAnalyzer; 3]);

/// Title and body fields of one analyzer family.
#[derive(Clone, Copy, Debug)]
pub struct FieldPair {
    pub title: Field,
    pub body: Field,
}

/// The analysed fields, per family.
#[derive(Clone, Copy, Debug)]
pub struct TextFields(pub [FieldPair; 3]);

/// Index terms a query searched, per analyzer family (for snippets), and exact-field prefixes,
/// each with the bit mask of the query groups (words) it stands for: bit `i` is group `i` (the
/// last bit is shared by the groups past 31), so a snippet can prefer fragments holding most
/// of the query's words.
#[derive(Clone, Debug, Default)]
pub struct TermSets {
    pub terms: [HashMap<String, u32>; 3],
    pub prefixes: Vec<(String, u32)>,
    /// Terms of tokens spanning several words (`tinzaouatene` for `Tin Zaouatène`): the only
    /// terms a highlighter may form by joining adjacent words.
    pub spans: HashSet<String>,
    /// Per family, the terms searched as words of a phrase (a quoted phrase, a name of several
    /// words searched as a phrase); see [`TermSets::flags`].
    pub in_phrases: [HashSet<String>; 3],
    /// Per family, the terms searched on their own, anywhere in a document.
    pub alone: [HashSet<String>; 3],
    /// Bit of the group being built.
    pub bit: u32,
}

/// [`TermSets::flags`]: the term is searched on its own.
pub const ALONE: u8 = 1;
/// [`TermSets::flags`]: the term is searched as a word of a phrase.
pub const IN_PHRASE: u8 = 2;

impl TermSets {
    pub fn is_empty(&self) -> bool {
        self.terms.iter().all(HashMap::is_empty) && self.prefixes.is_empty()
    }

    /// Makes the following terms stand for group `group`.
    pub fn set_group(&mut self, group: usize) {
        self.bit = 1u32 << group.min(31);
    }

    /// How `term` of `family` was searched: [`ALONE`], [`IN_PHRASE`] or both. A term searched
    /// only inside phrases matches a document only beside the phrase's other words, so it is
    /// marked only there (`groupe` of "Groupe de soutien à l'islam…" is no match on its own).
    pub fn flags(&self, family: usize, term: &str) -> u8 {
        let mut flags = 0;
        if self.alone[family].contains(term) {
            flags |= ALONE;
        }
        if self.in_phrases[family].contains(term) {
            flags |= IN_PHRASE;
        }
        if flags == 0 {
            ALONE
        } else {
            flags
        }
    }

    /// Records a term of `family` searched on its own, for the current group.
    fn record(&mut self, family: usize, term: &str) {
        if !self.alone[family].contains(term) {
            self.alone[family].insert(term.to_string());
        }
        self.record_mask(family, term);
    }

    /// Records a term of `family` searched as a word of a phrase, for the current group.
    fn record_in_phrase(&mut self, family: usize, term: &str) {
        if !self.in_phrases[family].contains(term) {
            self.in_phrases[family].insert(term.to_string());
        }
        self.record_mask(family, term);
    }

    fn record_mask(&mut self, family: usize, term: &str) {
        match self.terms[family].get_mut(term) {
            Some(mask) => *mask |= self.bit,
            None => {
                self.terms[family].insert(term.to_string(), self.bit);
            }
        }
    }

    /// Records the term of a token spanning several positions.
    fn record_span(&mut self, family: usize, term: &str) {
        self.record(family, term);
        if !self.spans.contains(term) {
            self.spans.insert(term.to_string());
        }
    }
}

/// Tokens of a text at positions: alternatives per position, and tokens spanning several.
#[derive(Debug, Default)]
struct Lattice {
    /// (position, term) of single-position tokens.
    single: Vec<(usize, String)>,
    /// (first position, number of positions, term) of tokens spanning several positions.
    spans: Vec<(usize, usize, String)>,
}

impl Lattice {
    /// How many distinct positions the single-position tokens cover.
    fn positions(&self) -> usize {
        let mut positions: Vec<usize> = self.single.iter().map(|(p, _)| *p).collect();
        positions.sort_unstable();
        positions.dedup();
        positions.len()
    }
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Lattice {
    let mut lattice = Lattice::default();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if token.text.is_empty() {
            continue;
        }
        if token.position_length > 1 {
            lattice
                .spans
                .push((token.position, token.position_length, token.text.clone()));
        } else {
            lattice.single.push((token.position, token.text.clone()));
        }
    }
    lattice
}

fn term_query(field: Field, term: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    ))
}

/// Alternatives of which the best one scores.
fn one_of(mut clauses: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match clauses.len() {
        0 => None,
        1 => clauses.pop(),
        _ => Some(Box::new(DisjunctionMaxQuery::with_tie_breaker(
            clauses,
            FORMS_TIE_BREAKER,
        ))),
    }
}

fn union(mut clauses: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match clauses.len() {
        0 => None,
        1 => clauses.pop(),
        _ => Some(Box::new(BooleanQuery::union(clauses))),
    }
}

/// The phrases of a text of several positions in one field, one per combination of the
/// alternatives at each position (at most [`MAX_PHRASE_VARIANTS`]), with `slop` positions of
/// play; records their terms as words of a phrase.
fn phrase_variants(
    field: Field,
    lattice: &Lattice,
    positions: &[usize],
    used: &mut TermSets,
    family: usize,
    slop: u32,
) -> Vec<Box<dyn Query>> {
    let first = positions.first().copied().unwrap_or(0);
    // Alternatives per position, then a bounded cartesian product of phrases.
    let alternatives: Vec<Vec<&str>> = positions
        .iter()
        .map(|p| {
            lattice
                .single
                .iter()
                .filter(|(q, _)| q == p)
                .map(|(_, t)| t.as_str())
                .collect()
        })
        .collect();
    let mut variants: Vec<Vec<&str>> = vec![Vec::new()];
    for alts in &alternatives {
        let mut next = Vec::new();
        for variant in &variants {
            for (i, alt) in alts.iter().enumerate() {
                if i > 0 && next.len() >= MAX_PHRASE_VARIANTS {
                    break;
                }
                let mut v = variant.clone();
                v.push(*alt);
                next.push(v);
            }
        }
        variants = next;
    }
    let mut phrases: Vec<Box<dyn Query>> = Vec::new();
    for variant in variants {
        let terms: Vec<(usize, Term)> = positions
            .iter()
            .zip(&variant)
            .map(|(p, t)| {
                used.record_in_phrase(family, t);
                (p - first, Term::from_field_text(field, t))
            })
            .collect();
        let mut phrase = PhraseQuery::new_with_offset(terms);
        phrase.set_slop(slop);
        phrases.push(Box::new(phrase));
    }
    phrases
}

/// The query for one analysed text in one field; records the terms used. Its phrases allow
/// `slop` positions of play between their words.
fn lattice_query(
    field: Field,
    lattice: &Lattice,
    used: &mut TermSets,
    family: usize,
    slop: u32,
) -> Option<Box<dyn Query>> {
    if lattice.single.is_empty() && lattice.spans.is_empty() {
        return None;
    }
    let mut positions: Vec<usize> = lattice.single.iter().map(|(p, _)| *p).collect();
    positions.sort_unstable();
    positions.dedup();
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let (first, last) = match (positions.first(), positions.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => {
            // Only spanning tokens: search each.
            for (_, _, term) in &lattice.spans {
                used.record_span(family, term);
                clauses.push(term_query(field, term));
            }
            return union(clauses);
        }
    };
    if positions.len() == 1 {
        // The forms of one word (`armé` and `arme` for `armée`) count once: summed, a word with
        // two stems in the index would outscore one written as typed (matched in the exact
        // field too).
        let mut forms: Vec<Box<dyn Query>> = Vec::new();
        for (_, term) in &lattice.single {
            used.record(family, term);
            forms.push(term_query(field, term));
        }
        clauses.extend(one_of(forms));
    } else if family == EXACT {
        // The exact fields keep no positions (index size): every word, anywhere. Phrases are
        // matched on the French and English fields.
        let mut words: Vec<Box<dyn Query>> = Vec::new();
        for p in &positions {
            let alternatives: Vec<Box<dyn Query>> = lattice
                .single
                .iter()
                .filter(|(q, _)| q == p)
                .map(|(_, t)| {
                    used.record(family, t);
                    term_query(field, t)
                })
                .collect();
            words.extend(union(alternatives));
        }
        clauses.push(Box::new(BooleanQuery::intersection(words)));
    } else {
        // One phrase, whichever forms it matched in: the variants count once.
        clauses.extend(one_of(phrase_variants(
            field, lattice, &positions, used, family, slop,
        )));
    }
    for (start, len, term) in &lattice.spans {
        // A token covering the whole text (`tinzaouatene` for `Tin-Zaouatène`) is an alternative.
        if *start <= first && start + len > last {
            used.record_span(family, term);
            clauses.push(term_query(field, term));
        }
    }
    union(clauses)
}

/// Every term of `field` starting with `prefix`, as one constant-score query: the range of terms
/// from `prefix` up to the first string after all its extensions (its last byte incremented; a
/// UTF-8 string never ends with 0xFF). What a `prefix.*` regex matches, without compiling one
/// into an automaton for every search.
fn prefix_range(field: Field, prefix: &str) -> Box<dyn Query> {
    let mut end = prefix.as_bytes().to_vec();
    let upper = match end.last_mut() {
        Some(last) if *last < u8::MAX => {
            *last += 1;
            Bound::Excluded(Term::from_field_bytes(field, &end))
        }
        _ => Bound::Unbounded,
    };
    Box::new(InvertedIndexRangeQuery::new(
        Bound::Included(Term::from_field_text(field, prefix)),
        upper,
    ))
}

/// Builds queries for items, sharing analyzers, fields and the terms used.
pub struct QueryBuilder<'a> {
    pub analyzers: Analyzers,
    pub fields: TextFields,
    pub expander: &'a dyn NameExpander,
    pub used: TermSets,
    pub expansions: Vec<Expansion>,
    /// The bilingual glossary, when query words are translated (`None`: searched as typed).
    pub glossary: Option<&'a Glossary>,
    /// Words searched with their translations.
    pub translations: Vec<Translation>,
    /// The index's per-document data: a typed facet value (place, actor) also finds the
    /// documents its facet counts (`None`: text only).
    pub data: Option<Arc<IndexData>>,
}

/// A built query with what it searched.
pub struct BuiltQuery {
    /// Documents with every group (and none of the exclusions).
    pub all: Box<dyn Query>,
    /// Each group's query (a word with its forms, spellings and translations): documents holding
    /// enough of their weight are partial matches.
    pub groups: Vec<Box<dyn Query>>,
    pub excluded: Vec<Box<dyn Query>>,
    /// Phrases of adjacent typed words (`frappe aérienne`): not part of the queries above,
    /// their scores are added to the best-ranked matches where the words are near each other
    /// (see [`proximity_phrases`] and the searcher's re-scoring).
    /// Each inner list holds the variants of one phrase in one field (the forms of its
    /// words), of which the best counts.
    pub proximity: Vec<Vec<Box<dyn Query>>>,
    /// The user words searched (for `query.terms`), stop words dropped.
    pub words: Vec<String>,
    /// Whether each group is a name (a place or an actor of the gazetteer and actor table, or a
    /// time): names weigh more in partial matches.
    pub names: Vec<bool>,
    /// Whether each group's word has translations or synonyms of the glossary that were searched
    /// too: when none of them is found either, the topic is absent from the index.
    pub translated: Vec<bool>,
    pub ignored: Vec<String>,
    /// Single words, folded, that a typo-tolerant retry may correct (group index, word).
    pub correctable: Vec<(usize, String)>,
    /// No positive item: browse (with exclusions).
    pub browse: bool,
}

impl QueryBuilder<'_> {
    /// Whether `text` is only stop words (the French or English analyzer keeps nothing of it).
    fn is_stop(&mut self, text: &str) -> bool {
        let fr = analyse(&mut self.analyzers.0[FR], text);
        let en = analyse(&mut self.analyzers.0[EN], text);
        let exact = analyse(&mut self.analyzers.0[EXACT], text);
        exact.single.is_empty() && exact.spans.is_empty()
            || (fr.single.is_empty() && fr.spans.is_empty())
            || (en.single.is_empty() && en.spans.is_empty())
    }

    /// Query for a text (word or phrase) in all fields, without expansion.
    pub fn text_query(&mut self, text: &str) -> Option<Box<dyn Query>> {
        self.text_query_in(text, &[FR, EN, EXACT], 0)
    }

    /// Query for a text in the fields of the given analyzer families only; a text of several
    /// words as a phrase whose words may be `slop` positions out of place.
    fn text_query_in(
        &mut self,
        text: &str,
        families: &[usize],
        slop: u32,
    ) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for &family in families {
            let lattice = analyse(&mut self.analyzers.0[family], text);
            if family == EXACT && lattice.positions() > 1 {
                // No positions in the exact fields: phrases are matched on the language fields.
                continue;
            }
            let pair = self.fields.0[family];
            let used = &mut self.used;
            if let Some(q) = lattice_query(pair.title, &lattice, used, family, slop) {
                clauses.push(Box::new(BoostQuery::new(q, TITLE_BOOST)));
            }
            if let Some(q) = lattice_query(pair.body, &lattice, used, family, slop) {
                clauses.push(q);
            }
        }
        union(clauses)
    }

    /// Query for another spelling or alias of a name, on the exact fields only: names are never
    /// stemmed, so the French and English fields hold the same token as the exact field. A name
    /// of several words is indexed with its joined form (`groupedesoutienalislam…`) as well, by
    /// the analyzers' multiword filter (gazetteer names and actor aliases are protected words
    /// of the index): one term query instead of a phrase. A name the analyzers do not join is
    /// searched as a phrase.
    fn name_query(&mut self, name: &str) -> Option<Box<dyn Query>> {
        let lattice = analyse(&mut self.analyzers.0[EXACT], name);
        let mut positions: Vec<usize> = lattice.single.iter().map(|(p, _)| *p).collect();
        positions.sort_unstable();
        positions.dedup();
        let joined = match (positions.first(), positions.last()) {
            (Some(&first), Some(&last)) if first != last => lattice
                .spans
                .iter()
                .find(|(start, len, _)| *start <= first && start + len > last)
                .map(|(_, _, term)| term.clone()),
            _ => None,
        };
        let pair = self.fields.0[EXACT];
        let used = &mut self.used;
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        match joined {
            Some(term) => {
                used.record_span(EXACT, &term);
                clauses.push(Box::new(BoostQuery::new(
                    term_query(pair.title, &term),
                    TITLE_BOOST,
                )));
                clauses.push(term_query(pair.body, &term));
            }
            None => clauses.extend(self.text_query(name)),
        }
        union(clauses)
    }

    /// Query for a prefix on the exact fields.
    fn prefix_query(&mut self, prefix: &str) -> Option<Box<dyn Query>> {
        let folded: String = fold(prefix)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if folded.chars().count() < crate::parser::MIN_PREFIX_CHARS {
            return None;
        }
        let pair = self.fields.0[EXACT];
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for (field, boost) in [(pair.title, TITLE_BOOST), (pair.body, BODY_BOOST)] {
            clauses.push(Box::new(BoostQuery::new(
                prefix_range(field, &folded),
                boost,
            )));
        }
        let bit = self.used.bit;
        self.used.prefixes.push((folded, bit));
        union(clauses)
    }

    /// Query for one item, with name expansion for words and phrases.
    pub fn item_query(&mut self, item: &Item, expand: bool) -> Option<Box<dyn Query>> {
        match item {
            Item::Prefix(p) => self.prefix_query(p),
            Item::Word(text) | Item::Phrase(text) => {
                let mut clauses: Vec<Box<dyn Query>> = Vec::new();
                clauses.extend(self.text_query(text));
                if expand {
                    clauses.extend(self.expansion_query(text));
                }
                let typed = union(clauses);
                if !expand {
                    return typed;
                }
                self.with_translations(text, typed)
            }
        }
    }

    /// `typed` (the query of `text` as typed), with the translations of `text` through the
    /// glossary as alternatives of which the best counts: the word and its translations weigh
    /// as one word, and a translation counts [`TRANSLATION_WEIGHT`] of the typed word, so the
    /// typed word ranks first where both match. Names are not translated.
    fn with_translations(
        &mut self,
        text: &str,
        typed: Option<Box<dyn Query>>,
    ) -> Option<Box<dyn Query>> {
        let Some(glossary) = self.glossary else {
            return typed;
        };
        if self.expander.expand(text).is_some() {
            return typed;
        }
        let [fr, en, _] = &mut self.analyzers.0;
        let Some(translation) = glossary.translate(text, fr, en) else {
            return typed;
        };
        let mut alternatives: Vec<Box<dyn Query>> = typed.into_iter().collect();
        // A translation is searched where its language is analysed (and in the exact fields):
        // the English word stemmed as French would only find the rare French text quoting it.
        for (alternative, side) in &translation.alternatives {
            let families = match side {
                Side::French => [FR, EXACT],
                Side::English => [EN, EXACT],
            };
            // A synonym in the typed word's language is a fixed phrase ("contre-attaque" for
            // "riposte" is not "attaques contre les civils"); a translation's words may stand
            // apart as the other language puts them.
            let slop = if *side == translation.side {
                0
            } else {
                TRANSLATION_SLOP
            };
            if let Some(q) = self.text_query_in(alternative, &families, slop) {
                alternatives.push(Box::new(BoostQuery::new(q, TRANSLATION_WEIGHT)));
            }
        }
        if !self.translations.iter().any(|t| t.term == text) {
            self.translations.push(Translation {
                term: text.to_string(),
                language: translation.side.code().to_string(),
                alternatives: translation.terms(),
            });
        }
        one_of(alternatives)
    }

    /// Other spellings/aliases of a known name, as one query.
    fn expansion_query(&mut self, text: &str) -> Option<Box<dyn Query>> {
        let (kind, alternatives) = self.expander.expand(text)?;
        let alternatives: Vec<String> = alternatives.into_iter().take(MAX_ALTERNATIVES).collect();
        if alternatives.is_empty() {
            return None;
        }
        let mut clauses = Vec::new();
        for alt in &alternatives {
            clauses.extend(self.name_query(alt));
        }
        clauses.extend(self.facet_value_query(kind, text, &alternatives));
        self.expansions.push(Expansion {
            term: text.to_string(),
            alternatives,
            kind: kind.as_str().to_string(),
        });
        union(clauses)
    }

    /// The documents whose facets hold the name typed (an actor by any alias; a place as a
    /// locality, a region — a former region selects its successors — or a country): what the
    /// facet counts for it, found even where the text says it otherwise ("l'armée").
    fn facet_value_query(
        &self,
        kind: NameKind,
        typed: &str,
        alternatives: &[String],
    ) -> Option<Box<dyn Query>> {
        let data = self.data.as_ref()?;
        let mut names: Vec<String> = vec![typed.to_string()];
        names.extend(alternatives.iter().cloned());
        let dims: &[&str] = match kind {
            NameKind::Actor => {
                names.extend(self.expander.actor_names(typed));
                &["actor"]
            }
            NameKind::Place => {
                names.extend(self.expander.successor_regions(typed));
                &["locality", "region", "country"]
            }
        };
        let mut slots: Vec<usize> = Vec::new();
        for dim in dims
            .iter()
            .filter_map(|name| facet(name).map(|(dim, _)| dim))
        {
            let base = data.bases[dim] as usize;
            for name in &names {
                for &id in data.tables[dim].resolve(name) {
                    let slot = base + id as usize;
                    if !slots.contains(&slot) {
                        slots.push(slot);
                    }
                }
            }
        }
        if slots.is_empty() {
            return None;
        }
        Some(Box::new(FacetValueQuery::new(
            data.clone(),
            slots,
            FACET_VALUE_SCORE,
        )))
    }

    /// The query of adjacent words forming a multiword term of the glossary (`frappe
    /// aérienne`, `car bomb`): the words anywhere (each with its own translations), or one of the
    /// term's translations.
    fn term_unit_query(&mut self, words: &[String]) -> Option<Box<dyn Query>> {
        let mut parts: Vec<Box<dyn Query>> = Vec::new();
        for word in words {
            if self.is_stop(word) {
                continue;
            }
            let mut clauses: Vec<Box<dyn Query>> = Vec::new();
            clauses.extend(self.text_query(word));
            clauses.extend(self.expansion_query(word));
            // Each word with its own translations too: "displaced figures", a term of the
            // glossary, finds "PDI … chiffres" word by word.
            let word_query = self.with_translations(word, union(clauses));
            parts.push(word_query.unwrap_or_else(|| Box::new(EmptyQuery)));
        }
        let typed: Option<Box<dyn Query>> =
            (!parts.is_empty()).then(|| Box::new(BooleanQuery::intersection(parts)) as _);
        self.with_translations(&words.join(" "), typed)
    }

    /// The query of a time typed among the words: the reports whose events fall in it (their
    /// month facet: event months, else the publication month), less those that only recall it
    /// (background months), and the texts that write it, in either language ("juillet 2023"
    /// also finds "July 2023"; a year, the year as written).
    fn when_query(&mut self, typed: &str, month: Option<u32>, year: i32) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        match month {
            Some(m) => {
                let spellings = sahel_facets::calendar::words()
                    .iter()
                    .filter(|w| w.number == m && w.is_full_month());
                for word in spellings {
                    clauses.extend(self.text_query(&format!("{} {year}", word.spelling)));
                }
            }
            None => clauses.extend(self.text_query(typed)),
        }
        if let Some(data) = self.data.clone() {
            let key = match month {
                Some(m) => format!("{year:04}-{m:02}"),
                None => format!("{year:04}-"),
            };
            for (name, score) in [
                ("month", FACET_VALUE_SCORE),
                (
                    "background_month",
                    FACET_VALUE_SCORE * BACKGROUND_TIME_SHARE,
                ),
            ] {
                let Some((dim, _)) = facet(name) else {
                    continue;
                };
                let base = data.bases[dim] as usize;
                let slots: Vec<usize> = data.tables[dim]
                    .values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| v.starts_with(&key))
                    .map(|(id, _)| base + id)
                    .collect();
                if !slots.is_empty() {
                    clauses.push(Box::new(FacetValueQuery::new(data.clone(), slots, score)));
                }
            }
        }
        union(clauses)
    }

    /// Builds the whole query.
    pub fn build(&mut self, parsed: &ParsedQuery) -> BuiltQuery {
        let units = self.units(parsed);
        // Stop words: dropped, unless every unit is one.
        let stops: Vec<bool> = units.iter().map(|u| self.is_stop_unit(u)).collect();
        let all_stop = stops.iter().all(|&s| s);
        let mut groups: Vec<Box<dyn Query>> = Vec::new();
        let mut words = Vec::new();
        let mut ignored = Vec::new();
        let mut correctable = Vec::new();
        let mut names = Vec::new();
        let mut translated = Vec::new();
        for (unit, stop) in units.iter().zip(&stops) {
            if *stop && !all_stop {
                if let Unit::Group(items) = unit {
                    ignored.extend(items.iter().map(Item::display));
                }
                continue;
            }
            self.used.set_group(groups.len());
            names.push(match unit {
                Unit::Group(items) => match items.as_slice() {
                    [Item::Word(w)] => self.expander.expand(w).is_some(),
                    _ => false,
                },
                Unit::Name { .. } | Unit::When { .. } => true,
                Unit::Term(_) => false,
            });
            let translations_before = self.translations.len();
            let query = match unit {
                Unit::Group(items) => {
                    if let [Item::Word(w)] = items.as_slice() {
                        correctable.push((groups.len(), w.clone()));
                    }
                    words.push(
                        items
                            .iter()
                            .map(Item::display)
                            .collect::<Vec<_>>()
                            .join(" OR "),
                    );
                    self.group_query(items, all_stop)
                }
                Unit::Name { spaced, joined } => {
                    words.push(spaced.clone());
                    self.name_unit_query(spaced, joined)
                }
                Unit::Term(term_words) => {
                    words.push(term_words.join(" "));
                    self.term_unit_query(term_words)
                }
                Unit::When { typed, month, year } => {
                    words.push(typed.clone());
                    self.when_query(typed, *month, *year)
                }
            };
            translated.push(self.translations.len() > translations_before);
            // An item that analyses to nothing matches nothing (rather than everything).
            groups.push(query.unwrap_or_else(|| Box::new(EmptyQuery)));
        }
        let proximity = if all_stop {
            Vec::new()
        } else {
            self.proximity_queries(&units, &stops)
        };
        let excluded = self.exclusions(parsed);
        let browse = groups.is_empty();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = groups
            .iter()
            .map(|q| (Occur::Must, q.box_clone()))
            .collect();
        if browse {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        clauses.extend(excluded.iter().map(|q| (Occur::MustNot, q.box_clone())));
        BuiltQuery {
            all: Box::new(BooleanQuery::new(clauses)),
            groups,
            excluded,
            proximity,
            words,
            names,
            translated,
            ignored,
            correctable,
            browse,
        }
    }

    /// The units of a parsed query: its groups, with runs of single words forming a known
    /// multiword name (`Tin Zaouatène`, an actor's name typed in full) merged into one.
    fn units(&mut self, parsed: &ParsedQuery) -> Vec<Unit> {
        // A lone dash or bullet between words (`attaque – Gao`) is no part of a name.
        let single_word = |g: &Vec<Item>| match g.as_slice() {
            [Item::Word(w)] if w.chars().any(char::is_alphanumeric) => Some(w.clone()),
            _ => None,
        };
        let mut i = 0;
        let mut units: Vec<Unit> = Vec::new();
        while i < parsed.groups.len() {
            if let Some((len, when)) = when_at(parsed, i) {
                units.push(when);
                i += len;
                continue;
            }
            let mut merged = None;
            for len in (2..=MAX_NAME_WORDS).rev() {
                if i + len > parsed.groups.len() {
                    continue;
                }
                let run: Option<Vec<String>> =
                    parsed.groups[i..i + len].iter().map(single_word).collect();
                let Some(run) = run else { continue };
                let spaced = run.join(" ");
                let joined = run.concat();
                let known = self.expander.expand(&spaced).is_some()
                    || self.expander.expand(&joined).is_some();
                if known {
                    merged = Some((len, spaced, joined));
                    break;
                }
            }
            match merged {
                Some((len, spaced, joined)) => {
                    units.push(Unit::Name { spaced, joined });
                    i += len;
                }
                None => match self.glossary_term_at(parsed, i) {
                    Some(run) => {
                        i += run.len();
                        units.push(Unit::Term(run));
                    }
                    None => {
                        units.push(Unit::Group(parsed.groups[i].clone()));
                        i += 1;
                    }
                },
            }
        }
        units
    }

    /// The longest run of single words from group `i` that is a multiword term of the glossary
    /// with a translation (`frappe aérienne`, `engin explosif improvisé`), beginning and ending
    /// with a word that is no stop word and holding no name.
    fn glossary_term_at(&mut self, parsed: &ParsedQuery, i: usize) -> Option<Vec<String>> {
        let glossary = self.glossary?;
        let longest = glossary.longest_term().min(parsed.groups.len() - i);
        for len in (2..=longest).rev() {
            let run: Option<Vec<String>> = parsed.groups[i..i + len]
                .iter()
                .map(|g| match g.as_slice() {
                    [Item::Word(w)] if w.chars().any(char::is_alphanumeric) => Some(w.clone()),
                    _ => None,
                })
                .collect();
            let Some(run) = run else { continue };
            let (Some(first), Some(last)) = (run.first(), run.last()) else {
                continue;
            };
            if self.is_stop(first)
                || self.is_stop(last)
                || run.iter().any(|w| self.expander.expand(w).is_some())
            {
                continue;
            }
            let [fr, en, _] = &mut self.analyzers.0;
            if glossary.translate(&run.join(" "), fr, en).is_some() {
                return Some(run);
            }
        }
        None
    }

    /// Whether a unit is only stop words (a name never is).
    fn is_stop_unit(&mut self, unit: &Unit) -> bool {
        match unit {
            Unit::Group(items) => items.iter().all(|item| match item {
                Item::Word(w) => self.is_stop(w),
                Item::Phrase(p) => self.is_stop(p),
                Item::Prefix(_) => false,
            }),
            Unit::Name { .. } | Unit::Term(_) | Unit::When { .. } => false,
        }
    }

    /// The query of a group of alternatives (`Gao OR Ménaka`); a query of stop words only is
    /// searched unstemmed, as typed.
    fn group_query(&mut self, items: &[Item], all_stop: bool) -> Option<Box<dyn Query>> {
        let mut clauses = Vec::new();
        for item in items {
            if all_stop {
                if let Item::Word(w) | Item::Phrase(w) = item {
                    clauses.extend(self.exact_only(w));
                }
            } else {
                clauses.extend(self.item_query(item, true));
            }
        }
        union(clauses)
    }

    /// The query of adjacent words forming a known name: the words anywhere (the name is only a
    /// better match), the name as a phrase, joined, and its other spellings.
    fn name_unit_query(&mut self, spaced: &str, joined: &str) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        let mut parts: Option<Vec<Box<dyn Query>>> = Some(Vec::new());
        for part in spaced.split(' ') {
            if self.is_stop(part) {
                continue;
            }
            // The parts of a name are not translated (`Groupe de soutien…` is no `group`).
            let glossary = self.glossary.take();
            let q = self.item_query(&Item::Word(part.to_string()), true);
            self.glossary = glossary;
            parts = parts.zip(q).map(|(mut list, q)| {
                list.push(q);
                list
            });
        }
        if let Some(parts) = parts.filter(|p| !p.is_empty()) {
            clauses.push(Box::new(BooleanQuery::intersection(parts)));
        }
        clauses.extend(self.text_query(spaced));
        clauses.extend(self.text_query(joined));
        let expansion = self
            .expansion_query(spaced)
            .or_else(|| self.expansion_query(joined));
        clauses.extend(expansion);
        if !self.expansions.iter().any(|e| e.term == spaced) {
            self.expansions.push(Expansion {
                term: spaced.to_string(),
                alternatives: vec![joined.to_string()],
                kind: "joined".into(),
            });
        }
        union(clauses)
    }

    /// The queries of the excluded items. Exclusions highlight nothing: built on a scratch term
    /// set.
    fn exclusions(&mut self, parsed: &ParsedQuery) -> Vec<Box<dyn Query>> {
        parsed
            .excluded
            .iter()
            .filter_map(|item| {
                let saved = std::mem::take(&mut self.used);
                let saved_expansions = self.expansions.len();
                let saved_translations = self.translations.len();
                let q = self.item_query(item, true);
                self.used = saved;
                self.expansions.truncate(saved_expansions);
                self.translations.truncate(saved_translations);
                q.map(|q| Box::new(ExclusionQuery::new(q)) as Box<dyn Query>)
            })
            .collect()
    }

    /// The phrase of each pair of adjacent typed words (stop words between them included, as
    /// the analyzers keep their positions), near each other within [`PROXIMITY_SLOP`], on the
    /// French and English fields. Built on a scratch term set: they highlight nothing the
    /// words themselves do not.
    fn proximity_queries(&mut self, units: &[Unit], stops: &[bool]) -> Vec<Vec<Box<dyn Query>>> {
        let saved = std::mem::take(&mut self.used);
        let mut queries: Vec<Vec<Box<dyn Query>>> = Vec::new();
        // Plain phrases, no union over them: the searcher checks each hit against each with
        // `seek_danger`, which a phrase answers for that document alone (a union would look
        // for its next match).
        for text in proximity_phrases(units, stops)
            .into_iter()
            .take(MAX_PROXIMITY_PHRASES)
        {
            for family in [FR, EN] {
                let lattice = analyse(&mut self.analyzers.0[family], &text);
                let mut positions: Vec<usize> = lattice.single.iter().map(|(p, _)| *p).collect();
                positions.sort_unstable();
                positions.dedup();
                if positions.len() < 2 {
                    continue;
                }
                let pair = self.fields.0[family];
                for (field, boost) in [(pair.title, TITLE_BOOST), (pair.body, BODY_BOOST)] {
                    let variants = phrase_variants(
                        field,
                        &lattice,
                        &positions,
                        &mut self.used,
                        family,
                        PROXIMITY_SLOP,
                    );
                    queries.push(
                        variants
                            .into_iter()
                            .map(|q| {
                                Box::new(BoostQuery::new(q, boost * PROXIMITY_BOOST))
                                    as Box<dyn Query>
                            })
                            .collect(),
                    );
                }
            }
        }
        self.used = saved;
        queries
    }

    /// Exact-field query for words that are stop words in every language (`de`).
    fn exact_only(&mut self, text: &str) -> Option<Box<dyn Query>> {
        let lattice = analyse(&mut self.analyzers.0[EXACT], text);
        let pair = self.fields.0[EXACT];
        let used = &mut self.used;
        let mut clauses = Vec::new();
        clauses.extend(lattice_query(pair.title, &lattice, used, EXACT, 0));
        clauses.extend(lattice_query(pair.body, &lattice, used, EXACT, 0));
        union(clauses)
    }

    /// Folded exact-analyzer terms of a word (for the typo retry).
    pub fn exact_terms(&mut self, word: &str) -> Vec<String> {
        let lattice = analyse(&mut self.analyzers.0[EXACT], word);
        lattice.single.into_iter().map(|(_, t)| t).collect()
    }
}

/// The texts of the pairs of adjacent single-word units (`frappe aérienne`, `frappe de drone`:
/// stop words between two words stay in the phrase).
/// Earliest and latest years read as a time when typed alone or after a month.
const YEARS: std::ops::RangeInclusive<i32> = 1960..=2099;

/// A time typed at group `i`: a full month name then a year (`juillet 2023`), or a year alone,
/// each a single word; with the number of groups it takes.
fn when_at(parsed: &ParsedQuery, i: usize) -> Option<(usize, Unit)> {
    let word = |k: usize| match parsed.groups.get(k).map(Vec::as_slice) {
        Some([Item::Word(w)]) => Some(w.as_str()),
        _ => None,
    };
    let year_of = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| YEARS.contains(y))
    };
    let first = word(i)?;
    if let Some(year) = year_of(first) {
        return Some((
            1,
            Unit::When {
                typed: first.to_string(),
                month: None,
                year,
            },
        ));
    }
    let (month, abbreviated) = sahel_facets::calendar::month(&fold(first))?;
    let second = word(i + 1)?;
    let year = year_of(second).filter(|_| !abbreviated)?;
    Some((
        2,
        Unit::When {
            typed: format!("{first} {second}"),
            month: Some(month),
            year,
        },
    ))
}

fn proximity_phrases(units: &[Unit], stops: &[bool]) -> Vec<String> {
    let mut phrases = Vec::new();
    // The words since the last word that is no stop word.
    let mut run: Vec<&str> = Vec::new();
    for (unit, &stop) in units.iter().zip(stops) {
        let word = match unit {
            Unit::Group(items) => match items.as_slice() {
                [Item::Word(w)] => Some(w.as_str()),
                _ => None,
            },
            Unit::Term(words) => {
                // The term's own words near each other are its better match.
                phrases.push(words.join(" "));
                None
            }
            Unit::Name { .. } | Unit::When { .. } => None,
        };
        match word {
            Some(w) if stop => {
                if !run.is_empty() {
                    run.push(w);
                }
            }
            Some(w) => {
                if !run.is_empty() {
                    run.push(w);
                    phrases.push(run.join(" "));
                }
                run = vec![w];
            }
            None => run.clear(),
        }
    }
    phrases
}

/// A unit of the query: a group of alternatives, or adjacent words forming a known name.
#[derive(Clone, Debug)]
enum Unit {
    Group(Vec<Item>),
    Name {
        spaced: String,
        joined: String,
    },
    /// Adjacent words forming a multiword term of the glossary.
    Term(Vec<String>),
    /// A month and its year (`juillet 2023`, `September 2024`) or a year (`2023`): a time.
    When {
        typed: String,
        month: Option<u32>,
        year: i32,
    },
}
