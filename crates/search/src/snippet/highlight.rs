//! Finding what a search's terms match in a document, cheaply.
//!
//! Running the French analyzer over every hit's body costs more than the search itself, so a
//! [`Highlighter`], built once per search from the terms the query searched, makes a cheap pass
//! instead: it reads the text's words as the analyzers' tokenizer does
//! ([`sahel_text::tokenizer::next_word`]), folds each word and its parts (between apostrophes and
//! hyphens), and compares them with the query's exact terms and prefixes. Only a word that could
//! stem to a searched stem (its first letters are a stem's first letters) goes through the real
//! analyzer of its family, and that answer is remembered for the rest of the search. Adjacent
//! words are joined when they spell a searched multiword name (`Tin Zaouatène`). The pass stops
//! at [`MAX_ANALYSED_BYTES`], or as soon as [`MAX_FRAGMENTS`] separate fragments hold every word
//! of the query. Match offsets point into the original text, so `frappes` is marked for `frappe`
//! and `Léré` for `lere`.

use rustc_hash::FxHashMap;
use sahel_text::tokenizer::{is_joiner, next_word, WordSpan, MAX_WORD_BYTES};
use sahel_text::{fold, fold_into, normalize_char};

use super::fragments::{floor_boundary, FRAGMENT_BYTES, MAX_FRAGMENTS};
use super::openings::Openings;
use crate::query::{Analyzers, TermSets, ALONE, EN, EXACT, FR, IN_PHRASE};

/// Only this much of a body is searched for matches: keeps one huge document from costing more
/// than a page of ordinary ones.
pub const MAX_ANALYSED_BYTES: usize = 32 * 1024;
/// Leading characters of a searched stem a word must share before it is stemmed. Snowball only
/// rewrites endings, so a word stemming to a searched stem starts with the stem's first letters.
const STEM_PREFIX_CHARS: usize = 3;
/// Most words joined into one multiword name.
const MAX_JOINED_WORDS: usize = 8;

/// The analyzer families to compare a document of this language with.
pub fn families_for(language: &str) -> &'static [usize] {
    match language {
        "fr" => &[FR, EXACT],
        "en" => &[EN, EXACT],
        "und" => &[FR, EN, EXACT],
        _ => &[EXACT],
    }
}

/// A matched byte range and the query groups it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub from: usize,
    pub to: usize,
    pub mask: u32,
    /// How its terms were searched ([`TermSets::flags`]): a match of words searched only
    /// inside phrases is kept only beside another word of a phrase ([`keep_phrase_runs`]).
    pub flags: u8,
}

/// Most bytes between two words of one phrase match (stop words, punctuation).
const MAX_PHRASE_GAP_BYTES: usize = 40;

/// Whether `text[from..to]`, between two marked words, leaves them in one phrase: nothing but
/// stop words (the analyzers drop them and keep their positions), elided articles (`l'`, `d'`)
/// and punctuation other than a sentence's end.
fn phrase_gap(
    text: &str,
    from: usize,
    to: usize,
    stop_words: &rustc_hash::FxHashSet<String>,
) -> bool {
    if from >= to {
        return true;
    }
    if to - from > MAX_PHRASE_GAP_BYTES
        || !text.is_char_boundary(from)
        || !text.is_char_boundary(to)
    {
        return false;
    }
    let gap = &text[from..to];
    if gap.contains(['.', '!', '?', ';']) {
        return false;
    }
    gap.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().count() == 1 || stop_words.contains(&fold(w)))
}

/// Drops the marks of words searched only inside phrases ([`IN_PHRASE`] without [`ALONE`])
/// that stand alone: a phrase matches where its words follow one another, so a lone `groupe`
/// or `armés` is not what the query found. `marks` are sorted and merged.
pub fn keep_phrase_runs(
    text: &str,
    marks: &mut Vec<Mark>,
    stop_words: &rustc_hash::FxHashSet<String>,
) {
    if marks.iter().all(|m| m.flags != IN_PHRASE) {
        return;
    }
    let linked = |a: &Mark, b: &Mark| {
        a.flags & IN_PHRASE != 0
            && b.flags & IN_PHRASE != 0
            && phrase_gap(text, a.to, b.from, stop_words)
    };
    let keep: Vec<bool> = (0..marks.len())
        .map(|i| {
            let mark = &marks[i];
            mark.flags != IN_PHRASE
                || (i > 0 && linked(&marks[i - 1], mark))
                || marks.get(i + 1).is_some_and(|next| linked(mark, next))
        })
        .collect();
    let mut keep = keep.into_iter();
    marks.retain(|_| keep.next().unwrap_or(true));
}

/// The stems one stemming family searched, and what its analyzer said about words so far.
struct StemFamily {
    family: usize,
    terms: FxHashMap<String, u32>,
    /// [`TermSets::flags`] of the terms searched in phrases (the others are [`ALONE`]).
    flags: FxHashMap<String, u8>,
    /// The first [`STEM_PREFIX_CHARS`] characters of each folded stem.
    prefixes: Vec<String>,
    /// First bytes of those prefixes: most words are rejected on their first byte.
    first_bytes: [bool; 256],
    /// Word as written → its matches (relative offsets), for words stemmed already.
    cache: FxHashMap<String, Vec<Mark>>,
}

impl StemFamily {
    fn new(family: usize, sets: &TermSets) -> Self {
        let terms = &sets.terms[family];
        let mut prefixes: Vec<String> = Vec::new();
        let mut first_bytes = [false; 256];
        let mut folded = String::new();
        for term in terms.keys() {
            folded.clear();
            fold_into(term, &mut folded);
            let prefix: String = folded.chars().take(STEM_PREFIX_CHARS).collect();
            if let Some(&b) = prefix.as_bytes().first() {
                first_bytes[b as usize] = true;
                if !prefixes.contains(&prefix) {
                    prefixes.push(prefix);
                }
            }
        }
        StemFamily {
            family,
            terms: terms.iter().map(|(t, m)| (t.clone(), *m)).collect(),
            flags: phrase_flags(sets, family),
            prefixes,
            first_bytes,
            cache: FxHashMap::default(),
        }
    }

    /// Whether a folded word part could stem to one of the searched stems.
    #[inline]
    fn candidate(&self, folded: &str) -> bool {
        match folded.as_bytes().first() {
            Some(&b) if self.first_bytes[b as usize] => {
                self.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
            }
            _ => false,
        }
    }
}

/// One word being looked at: its parts (between apostrophes and hyphens), folded.
#[derive(Default)]
struct WordScratch {
    /// The folded parts, concatenated (the compound filter's joined form).
    joined: String,
    /// Per part: byte range in the text, byte range in `joined`.
    parts: Vec<(usize, usize, usize, usize)>,
    /// The whole word folded, joiners included (`aujourd'hui`).
    whole: String,
}

/// Finds what a search's terms match in documents; built once per search, used for every hit.
pub struct Highlighter {
    analyzers: Analyzers,
    exact: FxHashMap<String, u32>,
    /// [`TermSets::flags`] of the exact terms searched in phrases (the others are [`ALONE`]).
    exact_flags: FxHashMap<String, u8>,
    prefixes: Vec<(String, u32)>,
    /// Words the exact field does not hold (stop words): a prefix does not match them.
    stop_words: std::sync::Arc<rustc_hash::FxHashSet<String>>,
    stems: [StemFamily; 2],
    /// The terms of tokens spanning several words, sorted: a word that starts one may begin a
    /// multiword name.
    sorted: Vec<String>,
    /// The groups that have any term: a fragment holding all of them is as good as it gets.
    all_groups: u32,
    /// First bytes of every folded term, prefix and stem prefix: a plain ASCII word starting
    /// with another byte cannot match, and most words are passed over on that test alone.
    first_bytes: [bool; 256],
    /// The first two bytes a word (folded) must start with to be, start or extend a searched
    /// term, prefix or stem (see [`Openings`]).
    openings: Openings,
}

impl Highlighter {
    /// A highlighter of the terms a query searched (see [`TermSets`]).
    pub fn new(analyzers: Analyzers, terms: &TermSets) -> Self {
        let mut sorted: Vec<String> = terms.spans.iter().cloned().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let all_groups = terms
            .terms
            .iter()
            .flat_map(|family| family.values().copied())
            .chain(terms.prefixes.iter().map(|(_, m)| *m))
            .fold(0, |acc, m| acc | m);
        let mut first_bytes = [false; 256];
        let stems = [StemFamily::new(FR, terms), StemFamily::new(EN, terms)];
        for family in &stems {
            for (b, &set) in first_bytes.iter_mut().zip(&family.first_bytes) {
                *b |= set;
            }
        }
        let mut folded = String::new();
        for term in terms.terms[EXACT]
            .keys()
            .chain(terms.prefixes.iter().map(|(p, _)| p))
            .chain(&sorted)
        {
            folded.clear();
            fold_into(term, &mut folded);
            if let Some(&b) = folded.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        // Terms as searched and folded (they are the same, the exact analyzer folds; both
        // kept, the filter must never pass over a word the full test would mark).
        let mut openings = Openings::new();
        for term in terms.terms[EXACT].keys() {
            openings.add_term(term.as_bytes());
            openings.add_term(fold(term).as_bytes());
        }
        for (prefix, _) in &terms.prefixes {
            openings.add_prefix(prefix.as_bytes());
            openings.add_prefix(fold(prefix).as_bytes());
        }
        for family in &stems {
            for prefix in &family.prefixes {
                openings.add_prefix(prefix.as_bytes());
            }
        }
        for name in &sorted {
            openings.add_name(name.as_bytes());
            openings.add_name(fold(name).as_bytes());
        }
        Highlighter {
            analyzers,
            first_bytes,
            openings,
            exact: terms.terms[EXACT]
                .iter()
                .map(|(t, m)| (t.clone(), *m))
                .collect(),
            exact_flags: phrase_flags(terms, EXACT),
            prefixes: terms.prefixes.clone(),
            stop_words: sahel_text::tokenizer::all_stop_words(),
            stems,
            sorted,
            all_groups,
        }
    }

    /// Whether there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.all_groups == 0
    }

    /// Whether `s` is a strict prefix of a searched term.
    fn starts_a_term(&self, s: &str) -> bool {
        let at = self.sorted.partition_point(|t| t.as_str() <= s);
        self.sorted
            .get(at)
            .is_some_and(|t| t.len() > s.len() && t.starts_with(s))
    }

    /// The groups a joined (multiword) form stands for in the active families.
    fn joined_mask(&self, s: &str, fr: bool, en: bool) -> u32 {
        if self.sorted.binary_search_by(|t| t.as_str().cmp(s)).is_err() {
            return 0;
        }
        let mut mask = self.exact.get(s).copied().unwrap_or(0);
        if fr {
            mask |= self.stems[0].terms.get(s).copied().unwrap_or(0);
        }
        if en {
            mask |= self.stems[1].terms.get(s).copied().unwrap_or(0);
        }
        mask
    }

    /// Whether the word `text[start..end]` may match anything, multiword names under way aside:
    /// one of its parts (between joiners) starts, folded, with the first byte of a searched
    /// term, prefix or stem. Most words fail this on their first letter, without being folded.
    #[inline]
    fn may_match(
        &self,
        text: &str,
        start: usize,
        end: usize,
        plain: bool,
        scratch: &mut WordScratch,
    ) -> bool {
        let word = &text[start..end];
        if plain {
            let bytes = word.as_bytes();
            let first = bytes[0].to_ascii_lowercase();
            return match bytes.get(1) {
                Some(&second) => self.openings.admits(&[first, second.to_ascii_lowercase()]),
                None => self.openings.admits(&[first]),
            };
        }
        if !word.chars().any(is_joiner) {
            // One part: its folded start, up to two bytes, folded as `split_word` does.
            let folded = &mut scratch.whole;
            folded.clear();
            let mut buf = [0u8; 4];
            for c in word.chars() {
                if folded.is_empty() && normalize_char(c).is_none() {
                    continue;
                }
                fold_into(c.encode_utf8(&mut buf), folded);
                if folded.len() >= 2 {
                    break;
                }
            }
            let start = folded.as_bytes();
            // A word folding to nothing (a lone combining letter): looked at in full.
            return start.is_empty() || self.openings.admits(&start[..start.len().min(2)]);
        }
        // Several parts: each part, and the word joined, start with a part's first byte.
        let mut part_start = true;
        for c in word.chars() {
            if is_joiner(c) {
                part_start = true;
                continue;
            }
            if !part_start || normalize_char(c).is_none() {
                continue;
            }
            part_start = false;
            let first = if c.is_ascii() {
                c.to_ascii_lowercase() as u8
            } else {
                let folded = &mut scratch.whole;
                folded.clear();
                let mut buf = [0u8; 4];
                fold_into(c.encode_utf8(&mut buf), folded);
                match folded.as_bytes().first() {
                    // A letter folding to nothing or to another script: look at the word.
                    Some(&b) if b.is_ascii() => b,
                    _ => return true,
                }
            };
            if self.first_bytes[first as usize] {
                return true;
            }
        }
        false
    }

    /// Matches in `text` (a document of `language`), sorted, overlapping ones merged; the scan
    /// stops once [`MAX_FRAGMENTS`] separate fragments hold every word of the query.
    pub fn matches(&mut self, text: &str, language: &str) -> Vec<Mark> {
        self.scan(text, language, true)
    }

    /// Every match in the first [`MAX_ANALYSED_BYTES`] of `text`, without stopping early.
    pub fn all_matches(&mut self, text: &str, language: &str) -> Vec<Mark> {
        self.scan(text, language, false)
    }

    fn scan(&mut self, text: &str, language: &str, early_stop: bool) -> Vec<Mark> {
        let text = &text[..floor_boundary(text, MAX_ANALYSED_BYTES)];
        let families = families_for(language);
        let fr = families.contains(&FR) && !self.stems[0].terms.is_empty();
        let en = families.contains(&EN) && !self.stems[1].terms.is_empty();
        let mut marks: Vec<Mark> = Vec::new();
        if self.is_empty() {
            return marks;
        }
        let mut scratch = WordScratch::default();
        let mut names = NamesUnderWay::default();
        let mut stop = EarlyStop::new(self.all_groups);
        let mut cursor = 0;
        while let Some(WordSpan { start, end, plain }) = next_word(text, cursor) {
            cursor = end;
            if end - start > MAX_WORD_BYTES {
                names.clear();
                continue;
            }
            if names.is_empty() && !self.may_match(text, start, end, plain, &mut scratch) {
                continue;
            }
            let before = marks.len();
            split_word(text, start, end, &mut scratch);
            self.mark_exact(start, end, &scratch, &mut marks);
            for (index, active) in [(0, fr), (1, en)] {
                if active {
                    self.mark_stems(index, text, start, end, &scratch, &mut marks);
                }
            }
            self.mark_names(
                &mut names,
                start,
                end,
                &scratch.joined,
                (fr, en),
                &mut marks,
            );
            if early_stop && marks.len() > before && stop.enough(&marks, end) {
                break;
            }
        }
        let mut merged = merge_marks(text, marks);
        keep_phrase_runs(text, &mut merged, &self.stop_words);
        merged
    }

    /// Marks the exact terms and prefixes the word `text[start..end]` (split in `scratch`)
    /// matches: each part, and the whole word joined.
    #[inline]
    fn mark_exact(&self, start: usize, end: usize, scratch: &WordScratch, marks: &mut Vec<Mark>) {
        let WordScratch {
            joined,
            parts,
            whole,
        } = scratch;
        for &(from, to, jf, jt) in parts {
            let part = &joined[jf..jt];
            let mut mask = self.exact.get(part).copied().unwrap_or(0);
            if !self.prefixes.is_empty() && !self.stop_words.contains(part) {
                for (prefix, bit) in &self.prefixes {
                    if part.starts_with(prefix.as_str()) {
                        mask |= bit;
                    }
                }
            }
            if mask != 0 {
                let flags = self.exact_flags.get(part).copied().unwrap_or(ALONE);
                marks.push(Mark {
                    from,
                    to,
                    mask,
                    flags,
                });
            }
        }
        if parts.len() > 1 {
            let mut mask = self.exact.get(joined.as_str()).copied().unwrap_or(0)
                | self.exact.get(whole.as_str()).copied().unwrap_or(0);
            for (prefix, bit) in &self.prefixes {
                if joined.starts_with(prefix.as_str()) {
                    mask |= bit;
                }
            }
            if mask != 0 {
                let flags = self
                    .exact_flags
                    .get(joined.as_str())
                    .or_else(|| self.exact_flags.get(whole.as_str()))
                    .copied()
                    .unwrap_or(ALONE);
                marks.push(Mark {
                    from: start,
                    to: end,
                    mask,
                    flags,
                });
            }
        }
    }

    /// Marks the searched stems of one stemming family (`index` in [`Highlighter::stems`]) in
    /// the word `text[start..end]`: only a word that could have one of them is analysed, once
    /// per search.
    fn mark_stems(
        &mut self,
        index: usize,
        text: &str,
        start: usize,
        end: usize,
        scratch: &WordScratch,
        marks: &mut Vec<Mark>,
    ) {
        let Highlighter {
            stems, analyzers, ..
        } = self;
        let family = &mut stems[index];
        let joined = &scratch.joined;
        if !scratch
            .parts
            .iter()
            .any(|&(_, _, jf, jt)| family.candidate(&joined[jf..jt]))
        {
            return;
        }
        let word = &text[start..end];
        if !family.cache.contains_key(word) {
            let mut found = Vec::new();
            let mut stream = analyzers.0[family.family].token_stream(word);
            while let Some(token) = stream.next() {
                if let Some(&mask) = family.terms.get(&token.text) {
                    if token.offset_from < token.offset_to && token.offset_to <= word.len() {
                        found.push(Mark {
                            from: token.offset_from,
                            to: token.offset_to,
                            mask,
                            flags: family.flags.get(&token.text).copied().unwrap_or(ALONE),
                        });
                    }
                }
            }
            family.cache.insert(word.to_string(), found);
        }
        if let Some(found) = family.cache.get(word) {
            marks.extend(found.iter().map(|m| Mark {
                from: start + m.from,
                to: start + m.to,
                mask: m.mask,
                flags: m.flags,
            }));
        }
    }

    /// Multiword names: the word ending at `end` (folded and joined: `joined`) continues the
    /// names under way, or starts one; a name complete marks its words.
    fn mark_names(
        &self,
        names: &mut NamesUnderWay,
        start: usize,
        end: usize,
        joined: &str,
        (fr, en): (bool, bool),
        marks: &mut Vec<Mark>,
    ) {
        names.next.clear();
        for (from, mut acc, words) in names.pending.drain(..) {
            acc.push_str(joined);
            let mask = self.joined_mask(&acc, fr, en);
            if mask != 0 {
                marks.push(Mark {
                    from,
                    to: end,
                    mask,
                    flags: ALONE,
                });
            }
            if words + 1 < MAX_JOINED_WORDS && self.starts_a_term(&acc) {
                names.next.push((from, acc, words + 1));
            }
        }
        if self.starts_a_term(joined) {
            names.next.push((start, joined.to_string(), 1));
        }
        std::mem::swap(&mut names.pending, &mut names.next);
    }
}

/// Multiword names under way during a scan: (start offset, joined folded words, number of
/// words), and the list the next word fills.
#[derive(Default)]
struct NamesUnderWay {
    pending: Vec<(usize, String, usize)>,
    next: Vec<(usize, String, usize)>,
}

impl NamesUnderWay {
    fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    fn clear(&mut self) {
        self.pending.clear();
    }
}

/// The marks found on valid character boundaries, sorted, overlapping ones merged.
fn merge_marks(text: &str, mut marks: Vec<Mark>) -> Vec<Mark> {
    marks.retain(|m| m.from < m.to && text.is_char_boundary(m.from) && text.is_char_boundary(m.to));
    marks.sort_unstable();
    let mut merged: Vec<Mark> = Vec::with_capacity(marks.len());
    for mark in marks {
        match merged.last_mut() {
            Some(last) if mark.from <= last.to => {
                last.to = last.to.max(mark.to);
                last.mask |= mark.mask;
                last.flags |= mark.flags;
            }
            _ => merged.push(mark),
        }
    }
    merged
}

/// Tells the scan when three separate fragments already hold every word of the query.
struct EarlyStop {
    all: u32,
    found: usize,
    /// End of the last complete fragment: the next one must start after it.
    last_end: usize,
}

impl EarlyStop {
    fn new(all: u32) -> Self {
        EarlyStop {
            all,
            found: 0,
            last_end: 0,
        }
    }

    /// After a word ending at `end` added matches: whether the scan can stop.
    fn enough(&mut self, marks: &[Mark], end: usize) -> bool {
        let reach = FRAGMENT_BYTES * 2 / 3;
        let start = end.saturating_sub(reach).max(self.last_end);
        let mask = marks
            .iter()
            .rev()
            .take_while(|m| m.from + reach >= end)
            // A word of a phrase counts once the phrase is known to match (after the scan).
            .filter(|m| m.from >= start && m.flags != IN_PHRASE)
            .fold(0, |acc, m| acc | m.mask);
        if mask & self.all == self.all {
            self.found += 1;
            self.last_end = end + FRAGMENT_BYTES / 3;
        }
        self.found >= MAX_FRAGMENTS
    }
}

/// Splits the word `text[start..end]` at its joiners and folds the parts into `scratch`.
fn split_word(text: &str, start: usize, end: usize, scratch: &mut WordScratch) {
    scratch.joined.clear();
    scratch.parts.clear();
    scratch.whole.clear();
    let word = &text[start..end];
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        scratch
            .joined
            .extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        scratch.parts.push((start, end, 0, scratch.joined.len()));
        return;
    }
    let mut part_start = None;
    let mut folded_start = 0;
    for (i, c) in word.char_indices() {
        if is_joiner(c) {
            if let Some(from) = part_start.take() {
                scratch
                    .parts
                    .push((start + from, start + i, folded_start, scratch.joined.len()));
            }
            continue;
        }
        if part_start.is_none() {
            if normalize_char(c).is_none() {
                continue;
            }
            part_start = Some(i);
            folded_start = scratch.joined.len();
        }
        let mut buf = [0u8; 4];
        fold_into(c.encode_utf8(&mut buf), &mut scratch.joined);
    }
    if let Some(from) = part_start {
        scratch
            .parts
            .push((start + from, end, folded_start, scratch.joined.len()));
    }
    if scratch.parts.len() > 1 {
        fold_into(word, &mut scratch.whole);
    }
}

/// The [`TermSets::flags`] of a family's terms searched in phrases.
fn phrase_flags(terms: &TermSets, family: usize) -> FxHashMap<String, u8> {
    terms.in_phrases[family]
        .iter()
        .map(|t| (t.clone(), terms.flags(family, t)))
        .collect()
}

/// Byte ranges the analyzers themselves find in `text`: every token of the document's families
/// whose term the query searched (or that starts with a searched prefix). What [`Highlighter`]
/// approximates at a fraction of the cost; the tests compare the two.
pub fn analysed_matches(
    text: &str,
    language: &str,
    analyzers: &mut Analyzers,
    terms: &TermSets,
) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for &family in families_for(language) {
        let wanted = &terms.terms[family];
        let prefixes: &[(String, u32)] = if family == EXACT {
            &terms.prefixes
        } else {
            &[]
        };
        if wanted.is_empty() && prefixes.is_empty() {
            continue;
        }
        let mut stream = analyzers.0[family].token_stream(text);
        while let Some(token) = stream.next() {
            let hit = wanted.contains_key(&token.text)
                || prefixes
                    .iter()
                    .any(|(p, _)| token.text.starts_with(p.as_str()));
            if hit && token.offset_from < token.offset_to && token.offset_to <= text.len() {
                let flags = if wanted.contains_key(&token.text) {
                    terms.flags(family, &token.text)
                } else {
                    ALONE
                };
                ranges.push((token.offset_from, token.offset_to, flags));
            }
        }
    }
    ranges.sort_unstable();
    ranges.dedup();
    // Words searched only inside phrases count beside another word of a phrase, as in
    // `Highlighter::matches`: decided on the merged ranges, then kept range by range.
    let mut merged: Vec<Mark> = Vec::new();
    for &(from, to, flags) in &ranges {
        match merged.last_mut() {
            Some(last) if from <= last.to => {
                last.to = last.to.max(to);
                last.flags |= flags;
            }
            _ => merged.push(Mark {
                from,
                to,
                mask: 0,
                flags,
            }),
        }
    }
    keep_phrase_runs(text, &mut merged, &sahel_text::tokenizer::all_stop_words());
    let mut out: Vec<(usize, usize)> = ranges
        .into_iter()
        .filter(|&(from, to, _)| merged.iter().any(|m| m.from <= from && to <= m.to))
        .map(|(from, to, _)| (from, to))
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_folded_with_their_offsets() {
        let text = "à Tin-Zaouatène";
        let mut scratch = WordScratch::default();
        let word = next_word(text, 3).expect("word");
        assert!(!word.plain);
        split_word(text, word.start, word.end, &mut scratch);
        assert_eq!(scratch.joined, "tinzaouatene");
        let parts: Vec<&str> = scratch
            .parts
            .iter()
            .map(|&(f, t, _, _)| &text[f..t])
            .collect();
        assert_eq!(parts, ["Tin", "Zaouatène"]);
        assert_eq!(scratch.whole, "tin-zaouatene");
    }
}
