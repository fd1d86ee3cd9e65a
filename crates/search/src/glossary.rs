//! The bilingual glossary of the field (`data/glossary_fr_en.tsv`): French ↔ English terms of
//! security and humanitarian reporting, one concept a row, so that `attack Timbuktu` also searches
//! `attaque`, `attentat`, and `déplacés Dori` also searches `displaced`.
//!
//! Terms are matched through the analyzers of their language, as index terms are: `attacks`
//! finds the row of `attack`, `frappes aériennes` the row of `frappe aérienne`, `deplaces` the
//! row of `déplacés`. A match gives the other terms of its row, searched as typed text: those of
//! the other language, and its synonyms (`airstrike` finds reports that write `air strikes`).

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

/// The glossary shipped with the program.
pub const GLOSSARY_TSV: &str = include_str!("../data/glossary_fr_en.tsv");
/// Most terms of one language searched for one typed term (a row may list many synonyms).
pub const MAX_TRANSLATIONS: usize = 6;
/// Most keys one term gives (alternative stems at several positions multiply).
const MAX_KEYS: usize = 8;

/// A language of the glossary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    French,
    English,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::French => "fr",
            Side::English => "en",
        }
    }

    /// Position in per-language pairs: French first.
    fn slot(self) -> usize {
        match self {
            Side::French => 0,
            Side::English => 1,
        }
    }

    fn other(self) -> Side {
        match self {
            Side::French => Side::English,
            Side::English => Side::French,
        }
    }
}

/// One row: a concept with its terms in each language (the first is the head term).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub category: String,
    pub french: Vec<String>,
    pub english: Vec<String>,
    /// The terms that only find the row when typed, and are never searched for another term
    /// (written `>strike` in the file): a word whose other sense would flood a query translated
    /// to it. English `strike` typed finds the `grève` row, and `grève` typed does not search
    /// `strike`, which English reports mostly use of air and drone strikes.
    pub typed_only: Vec<String>,
}

impl Entry {
    pub fn terms(&self, side: Side) -> &[String] {
        match side {
            Side::French => &self.french,
            Side::English => &self.english,
        }
    }

    /// Whether `term` is only ever typed, never searched for another term of the row.
    pub fn is_typed_only(&self, term: &str) -> bool {
        self.typed_only.iter().any(|t| t == term)
    }
}

/// What a typed term was recognised as: its language (French first when it is a term of both)
/// and the terms searched with it, each with its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    pub side: Side,
    pub alternatives: Vec<(String, Side)>,
}

impl Translation {
    /// The terms searched with the typed one.
    pub fn terms(&self) -> Vec<String> {
        self.alternatives.iter().map(|(t, _)| t.clone()).collect()
    }
}

/// A malformed row of a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("glossary line {line}: {reason}")]
pub struct GlossaryError {
    pub line: usize,
    pub reason: String,
}

/// Reads the rows of a glossary file: `#` comments, a header row `category fr en`, then rows of
/// three tab-separated cells, alternatives separated by `|`.
pub fn parse_rows(text: &str) -> Result<Vec<Entry>, GlossaryError> {
    let mut entries = Vec::new();
    let mut header_seen = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            if cells.first().is_some_and(|c| c.trim() == "category") {
                continue;
            }
        }
        let [category, french, english] = cells.as_slice() else {
            return Err(GlossaryError {
                line: n + 1,
                reason: format!("{} cells, expected 3 (category, fr, en)", cells.len()),
            });
        };
        let mut typed_only = Vec::new();
        let mut split = |cell: &str| -> Vec<String> {
            cell.split('|')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| match t.strip_prefix('>') {
                    Some(typed) => {
                        typed_only.push(typed.trim().to_string());
                        typed.trim().to_string()
                    }
                    None => t.to_string(),
                })
                .collect()
        };
        let (french, english) = (split(french), split(english));
        let entry = Entry {
            category: category.trim().to_string(),
            french,
            english,
            typed_only,
        };
        if entry.french.is_empty() || entry.english.is_empty() {
            return Err(GlossaryError {
                line: n + 1,
                reason: "a language without any term".into(),
            });
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// The index terms of a text, one list of alternatives per position (tokens spanning several
/// positions are left out: they are joined forms of the single ones).
fn positions(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Vec<String>> {
    let mut by_position: Vec<(usize, String)> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if token.position_length == 1 && !token.text.is_empty() {
            by_position.push((token.position, token.text.clone()));
        }
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last = None;
    for (position, term) in by_position {
        if last != Some(position) {
            out.push(Vec::new());
            last = Some(position);
        }
        if let Some(alternatives) = out.last_mut() {
            if !alternatives.contains(&term) {
                alternatives.push(term);
            }
        }
    }
    out
}

/// The lookup keys of a text: the terms at each position joined by spaces, one key per
/// combination of the alternatives (at most [`MAX_KEYS`]).
fn keys(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut keys = vec![String::new()];
    for alternatives in positions(analyzer, text) {
        let mut next = Vec::new();
        for key in &keys {
            for alternative in &alternatives {
                if next.len() >= MAX_KEYS {
                    break;
                }
                let mut k = key.clone();
                if !k.is_empty() {
                    k.push(' ');
                }
                k.push_str(alternative);
                next.push(k);
            }
        }
        keys = next;
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// The glossary with its terms keyed by their index terms, per language.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
    /// (language, key) → rows.
    index: HashMap<(Side, String), Vec<usize>>,
    /// Per row, per language (French, English), the keys of each of its terms: computed once,
    /// a query compares its words with them without running the analyzers again.
    term_keys: Vec<[Vec<Vec<String>>; 2]>,
    /// Most words in a term, either language.
    longest: usize,
}

impl Glossary {
    /// The glossary shipped with the program, keyed with these analyzers (those of the index).
    pub fn builtin(french: &mut TextAnalyzer, english: &mut TextAnalyzer) -> Self {
        // The shipped file is checked by the tests: a row that fails to read is a bug.
        let entries = parse_rows(GLOSSARY_TSV).unwrap_or_default();
        Self::new(entries, french, english)
    }

    /// A glossary of these rows.
    pub fn new(entries: Vec<Entry>, french: &mut TextAnalyzer, english: &mut TextAnalyzer) -> Self {
        let mut index: HashMap<(Side, String), Vec<usize>> = HashMap::new();
        let mut term_keys = Vec::with_capacity(entries.len());
        let mut longest = 0;
        for (row, entry) in entries.iter().enumerate() {
            let mut row_keys: [Vec<Vec<String>>; 2] = [Vec::new(), Vec::new()];
            for side in [Side::French, Side::English] {
                let analyzer = match side {
                    Side::French => &mut *french,
                    Side::English => &mut *english,
                };
                for term in entry.terms(side) {
                    longest = longest.max(term.split_whitespace().count());
                    let term_keys = keys(analyzer, term);
                    for key in &term_keys {
                        let rows = index.entry((side, key.clone())).or_default();
                        if !rows.contains(&row) {
                            rows.push(row);
                        }
                    }
                    row_keys[side.slot()].push(term_keys);
                }
            }
            term_keys.push(row_keys);
        }
        Glossary {
            entries,
            index,
            term_keys,
            longest,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Most words in one of its terms.
    pub fn longest_term(&self) -> usize {
        self.longest
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the typed text is a term of the glossary in either language.
    pub fn knows(&self, text: &str, french: &mut TextAnalyzer, english: &mut TextAnalyzer) -> bool {
        !self.rows_of(Side::French, &keys(french, text)).is_empty()
            || !self.rows_of(Side::English, &keys(english, text)).is_empty()
    }

    /// The rows holding a term of `side` with one of these keys.
    fn rows_of(&self, side: Side, keys: &[String]) -> Vec<usize> {
        let mut rows = Vec::new();
        for key in keys {
            if let Some(found) = self.index.get(&(side, key.clone())) {
                for row in found {
                    if !rows.contains(row) {
                        rows.push(*row);
                    }
                }
            }
        }
        rows
    }

    /// The translation of a typed word or multiword term: the other terms of every row it is a
    /// term of, in each language it is a term of in one row (`kidnapping` is French and
    /// English; `char`, a tank in French and to burn in English, is read as French): first
    /// those of the other language, then its synonyms (`airstrike` → `frappe aérienne`, then `air
    /// strike`; not those sharing a word with it), at most [`MAX_TRANSLATIONS`] of each language,
    /// without those the typed text already searches. `None` when it is no term, or when its row
    /// holds only itself (`camp`).
    pub fn translate(
        &self,
        text: &str,
        french: &mut TextAnalyzer,
        english: &mut TextAnalyzer,
    ) -> Option<Translation> {
        let typed = [keys(french, text), keys(english, text)];
        let typed_words: [Vec<&str>; 2] = [
            typed[0].iter().flat_map(|k| k.split(' ')).collect(),
            typed[1].iter().flat_map(|k| k.split(' ')).collect(),
        ];
        let mut rows = [
            self.rows_of(Side::French, &typed[0]),
            self.rows_of(Side::English, &typed[1]),
        ];
        // A word of both languages in different rows is a false friend (`char`: a tank in
        // French, to burn in English): read as French, as before. In one row (`kidnapping`,
        // `raid`) it is the same word in both.
        if !rows[0].is_empty() && !rows[1].iter().any(|r| rows[0].contains(r)) {
            rows[1].clear();
        }
        let mut recognised = None;
        let mut alternatives: Vec<(String, Side)> = Vec::new();
        for side in [Side::French, Side::English] {
            let rows = &rows[side.slot()];
            if rows.is_empty() {
                continue;
            }
            recognised.get_or_insert(side);
            for other in [side.other(), side] {
                for &row in rows {
                    let terms = self.entries[row].terms(other);
                    let keys_of = &self.term_keys[row][other.slot()];
                    for (term, term_keys) in terms.iter().zip(keys_of) {
                        if alternatives.iter().filter(|(_, s)| *s == other).count()
                            >= MAX_TRANSLATIONS
                        {
                            break;
                        }
                        // A term the typed text already matches (`camp` → `camp`) adds nothing;
                        // nor does a synonym sharing a word with it, which it either already
                        // matches (`convoi logistique` for `convoi`) or would widen (`convoi` for
                        // `convoi militaire`).
                        let same = term_keys.iter().any(|k| typed[other.slot()].contains(k))
                            || other == side
                                && term_keys
                                    .iter()
                                    .flat_map(|k| k.split(' '))
                                    .any(|w| typed_words[side.slot()].contains(&w));
                        let typed_only = self.entries[row].is_typed_only(term);
                        if !same
                            && !typed_only
                            && !alternatives.iter().any(|(t, s)| t == term && *s == other)
                        {
                            alternatives.push((term.clone(), other));
                        }
                    }
                }
            }
        }
        let side = recognised?;
        (!alternatives.is_empty()).then_some(Translation { side, alternatives })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use sahel_text::{english_analyzer, french_analyzer, ProtectedWords};

    use super::*;

    fn analyzers() -> (TextAnalyzer, TextAnalyzer) {
        let protected = Arc::new(ProtectedWords::builtin());
        (
            french_analyzer(protected.clone()),
            english_analyzer(protected),
        )
    }

    fn small() -> (Glossary, TextAnalyzer, TextAnalyzer) {
        let (mut fr, mut en) = analyzers();
        let rows = parse_rows(
            "# test\ncategory\tfr\ten\n\
             event\tattaque|attentat\tattack\n\
             event\tfrappe aérienne\tairstrike|air strike\n\
             people\tdéplacé\tdisplaced|displaced person\n\
             place\tcamp\tcamp\n",
        )
        .unwrap();
        (Glossary::new(rows, &mut fr, &mut en), fr, en)
    }

    #[test]
    fn words_are_matched_through_their_forms() {
        let (g, mut fr, mut en) = small();
        let t = g.translate("attacks", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::English);
        assert_eq!(t.terms(), ["attaque", "attentat"]);
        let t = g.translate("déplacés", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::French);
        assert_eq!(t.terms(), ["displaced", "displaced person"]);
        let t = g.translate("deplaces", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::French);
        assert!(g.translate("Gao", &mut fr, &mut en).is_none());
    }

    #[test]
    fn multiword_terms_translate_as_one() {
        let (g, mut fr, mut en) = small();
        let t = g.translate("frappes aériennes", &mut fr, &mut en).unwrap();
        assert_eq!(t.terms(), ["airstrike", "air strike"]);
        let t = g.translate("air strikes", &mut fr, &mut en).unwrap();
        assert_eq!(
            t.alternatives,
            [
                ("frappe aérienne".to_string(), Side::French),
                ("airstrike".to_string(), Side::English)
            ]
        );
        assert_eq!(g.longest_term(), 2);
        assert!(g.translate("frappe", &mut fr, &mut en).is_none());
    }

    #[test]
    fn synonyms_are_searched_in_their_language_and_a_term_of_both_languages_both_ways() {
        let (mut fr, mut en) = analyzers();
        let rows = parse_rows(
            "category\tfr\ten\n\
             event\tenlèvement|rapt|kidnapping\tkidnapping|abduction\n\
             event\tattaque|attentat\tattack\n\
             event\tconvoi|convoi militaire|convoi logistique\tconvoy\n\
             weapon\tchar|blindé\ttank\n\
             event\tincendier\tburn|char\n",
        )
        .unwrap();
        let g = Glossary::new(rows, &mut fr, &mut en);
        // A synonym with a word of the typed text would only repeat or widen it.
        let t = g.translate("convoi militaire", &mut fr, &mut en).unwrap();
        assert_eq!(t.terms(), ["convoy"]);
        // Typed in French, the French synonyms come after the English terms.
        let t = g.translate("attentats", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::French);
        assert_eq!(
            t.alternatives,
            [
                ("attack".to_string(), Side::English),
                ("attaque".to_string(), Side::French)
            ]
        );
        // `kidnapping` is a word of both languages: French reports say `enlèvement`, English
        // ones `abduction`, and both are searched.
        let t = g.translate("kidnapping", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::French);
        assert_eq!(t.terms(), ["abduction", "enlèvement", "rapt"]);
        // A false friend is read in one language.
        let t = g.translate("char", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::French);
        assert_eq!(t.terms(), ["tank", "blindé"]);
    }

    #[test]
    fn a_typed_only_term_finds_its_row_and_is_never_searched_for_another() {
        let (mut fr, mut en) = analyzers();
        let rows = parse_rows(
            "category\tfr\ten\nevent\tfrappe\tstrike\nevent\tgrève\tlabour strike|walkout|>strike\n",
        )
        .unwrap();
        assert_eq!(rows[1].english, ["labour strike", "walkout", "strike"]);
        let g = Glossary::new(rows, &mut fr, &mut en);
        // Typed, `strike` finds both senses.
        let t = g.translate("strike", &mut fr, &mut en).unwrap();
        assert_eq!(t.side, Side::English);
        assert_eq!(t.terms(), ["frappe", "grève", "walkout"]);
        // `grève` typed does not search the air strikes of English reports.
        let t = g.translate("grève", &mut fr, &mut en).unwrap();
        assert_eq!(t.terms(), ["labour strike", "walkout"]);
    }

    #[test]
    fn a_term_that_is_its_own_translation_gives_nothing() {
        let (g, mut fr, mut en) = small();
        assert!(g.translate("camp", &mut fr, &mut en).is_none());
        assert!(g.knows("camps", &mut fr, &mut en));
    }

    #[test]
    fn every_shipped_term_gives_index_terms_in_its_language() {
        let rows = parse_rows(GLOSSARY_TSV).expect("the shipped glossary reads");
        assert!(rows.len() >= 400, "{} rows", rows.len());
        let (mut fr, mut en) = analyzers();
        let mut empty = Vec::new();
        for row in &rows {
            for term in &row.french {
                if keys(&mut fr, term).is_empty() {
                    empty.push(format!("fr `{term}`"));
                }
            }
            for term in &row.english {
                if keys(&mut en, term).is_empty() {
                    empty.push(format!("en `{term}`"));
                }
            }
        }
        assert!(empty.is_empty(), "terms reduced to nothing: {empty:?}");
        let glossary = Glossary::builtin(&mut fr, &mut en);
        assert_eq!(glossary.entries().len(), rows.len());
        let t = glossary.translate("attack", &mut fr, &mut en).unwrap();
        assert!(t.terms().iter().any(|a| a == "attaque"), "{t:?}");
    }

    #[test]
    fn malformed_rows_are_refused_with_their_line() {
        let err = parse_rows("category\tfr\ten\nevent\tattaque\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse_rows("category\tfr\ten\nevent\t|\tattack\n").is_err());
    }
}
