//! Snippets: up to three fragments of the stored body around the matched terms, HTML-escaped,
//! matches in `<mark>`.
//!
//! Running the French analyzer over every hit's body costs more than the search itself, so a
//! [`Highlighter`], built once per search from the terms the query searched, makes a cheap pass
//! instead: it splits the text into words as the analyzers' tokenizer does (letters and digits,
//! with apostrophes and hyphens inside a word), folds each word and its parts, and compares them
//! with the query's exact terms and prefixes. Only a word that could stem to a searched stem (its
//! first letters are a stem's first letters) goes through the real analyzer of its family, and
//! that answer is remembered for the rest of the search. Adjacent words are joined when they
//! spell a searched multiword name (`Tin Zaouatène`). The pass stops at
//! [`MAX_ANALYSED_BYTES`], or as soon as [`MAX_FRAGMENTS`] separate fragments hold every word of
//! the query. Match offsets point into the original text, so `frappes` is marked for `frappe`
//! and `Léré` for `lere`.

use rustc_hash::FxHashMap;
use sahel_text::{fold, fold_into, normalize_char};

use crate::query::{Analyzers, TermSets, ALONE, EN, EXACT, FR, IN_PHRASE};

/// Most fragments in a snippet.
pub const MAX_FRAGMENTS: usize = 3;
/// Target length of a fragment, in bytes.
pub const FRAGMENT_BYTES: usize = 180;
/// Only this much of a body is searched for matches: keeps one huge document from costing more
/// than a page of ordinary ones.
pub const MAX_ANALYSED_BYTES: usize = 32 * 1024;
/// Separator between fragments.
pub const ELLIPSIS: &str = " … ";
/// Leading characters of a searched stem a word must share before it is stemmed. Snowball only
/// rewrites endings, so a word stemming to a searched stem starts with the stem's first letters.
const STEM_PREFIX_CHARS: usize = 3;
/// Most words joined into one multiword name.
const MAX_JOINED_WORDS: usize = 8;
/// Words longer than this are skipped, as the analyzers' tokenizer does.
const MAX_WORD_BYTES: usize = 160;

/// HTML-escapes `text` into `out`.
pub fn escape_into(text: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// HTML-escapes `text`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

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

/// The openings of what a search looks for, to pass over most words on their first two
/// (folded) bytes: a word equal to a term starts with the term's first two bytes (or is the
/// term, when it has one byte); a word starting with a prefix or stem prefix starts with its
/// first two bytes (any word starting with its byte, when it has one); a word starting a
/// multiword name starts with the name's first two bytes (or is its first byte).
struct Openings {
    /// Bit `a * 256 + b`: words starting with bytes `a b` may match.
    pairs: Vec<u64>,
    /// One-byte words that may match.
    single: [bool; 256],
    /// Words starting with this byte may match, whatever follows (one-byte prefixes).
    lead: [bool; 256],
}

impl Openings {
    fn new() -> Self {
        Openings {
            pairs: vec![0; 65_536 / 64],
            single: [false; 256],
            lead: [false; 256],
        }
    }

    fn set_pair(&mut self, a: u8, b: u8) {
        let bit = usize::from(a) * 256 + usize::from(b);
        if let Some(word) = self.pairs.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }

    /// A word equal to `term` may match.
    fn add_term(&mut self, term: &[u8]) {
        match term {
            [] => {}
            [b] => self.single[usize::from(*b)] = true,
            [a, b, ..] => self.set_pair(*a, *b),
        }
    }

    /// A word starting with `prefix` may match.
    fn add_prefix(&mut self, prefix: &[u8]) {
        match prefix {
            [] => {
                self.lead = [true; 256];
                self.single = [true; 256];
            }
            [b] => {
                self.lead[usize::from(*b)] = true;
                self.single[usize::from(*b)] = true;
            }
            [a, b, ..] => self.set_pair(*a, *b),
        }
    }

    /// A word that is a strict prefix of `name` may match.
    fn add_name(&mut self, name: &[u8]) {
        if let Some(&b) = name.first() {
            self.single[usize::from(b)] = true;
        }
        if let [a, b, ..] = name {
            self.set_pair(*a, *b);
        }
    }

    /// Whether a word whose folded form starts with `start` (its first two bytes, or all of it
    /// when shorter) may match.
    #[inline]
    fn admits(&self, start: &[u8]) -> bool {
        match start {
            [] => false,
            [b] => self.single[usize::from(*b)],
            [a, b, ..] => {
                let bit = usize::from(*a) * 256 + usize::from(*b);
                self.lead[usize::from(*a)]
                    || self
                        .pairs
                        .get(bit / 64)
                        .is_some_and(|word| word & (1 << (bit % 64)) != 0)
            }
        }
    }
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
        // Multiword names under way: (start offset, joined folded words, number of words).
        let mut pending: Vec<(usize, String, usize)> = Vec::new();
        let mut next_pending: Vec<(usize, String, usize)> = Vec::new();
        let mut stop = EarlyStop::new(self.all_groups);
        let mut cursor = 0;
        while let Some((start, end, plain)) = next_word(text, cursor) {
            cursor = end;
            if end - start > MAX_WORD_BYTES {
                pending.clear();
                continue;
            }
            if pending.is_empty() && !self.may_match(text, start, end, plain, &mut scratch) {
                continue;
            }
            let before = marks.len();
            split_word(text, start, end, &mut scratch);
            let WordScratch {
                joined,
                parts,
                whole,
            } = &scratch;
            // Exact terms and prefixes: each part, and the whole word joined.
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
            // Stems: only words that could have one of the searched stems are analysed.
            for (index, active) in [(0, fr), (1, en)] {
                if !active {
                    continue;
                }
                let family = &mut self.stems[index];
                if !parts
                    .iter()
                    .any(|&(_, _, jf, jt)| family.candidate(&joined[jf..jt]))
                {
                    continue;
                }
                let word = &text[start..end];
                if !family.cache.contains_key(word) {
                    let mut found = Vec::new();
                    let mut stream = self.analyzers.0[family.family].token_stream(word);
                    while let Some(token) = stream.next() {
                        if let Some(&mask) = family.terms.get(&token.text) {
                            if token.offset_from < token.offset_to && token.offset_to <= word.len()
                            {
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
            // Multiword names: this word continues the ones under way, or starts one.
            next_pending.clear();
            for (from, mut acc, words) in pending.drain(..) {
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
                    next_pending.push((from, acc, words + 1));
                }
            }
            if self.starts_a_term(joined) {
                next_pending.push((start, joined.clone(), 1));
            }
            std::mem::swap(&mut pending, &mut next_pending);
            if early_stop && marks.len() > before && stop.enough(&marks, end) {
                break;
            }
        }
        marks.retain(|m| {
            m.from < m.to && text.is_char_boundary(m.from) && text.is_char_boundary(m.to)
        });
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
        keep_phrase_runs(text, &mut merged, &self.stop_words);
        merged
    }
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

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(normalize_char(c), Some('\'') | Some('-'))
}

/// The next word at or after `from`, as the analyzers' tokenizer finds it
/// ([`sahel_text::tokenizer::next_word`]): its byte range and whether it is plain (ASCII letters
/// and digits only).
///
/// Most words are ASCII letters and digits, and the Latin letters of French (`é`, `à`, `ç`…),
/// followed by a space or punctuation: those are read here, bytewise. A word that may go on
/// past such a run (an apostrophe, a hyphen or a backtick after it, any other non-ASCII
/// character) and any non-ASCII text before a word are left to the tokenizer's own function,
/// which reads them in full.
fn next_word(text: &str, from: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let rest = bytes.get(from..)?;
    // ASCII joiners start no word: passed over like separators.
    let skipped = rest
        .iter()
        .position(|&b| BYTE_CLASS[usize::from(b)] > JOINER)?;
    let start = from + skipped;
    match BYTE_CLASS.get(usize::from(bytes[start])) {
        Some(&ALNUM) => {}
        _ if latin_letter(bytes, start) => {}
        _ => return tokenizer_word(text, start),
    }
    let mut end = start;
    let mut plain = true;
    while let Some(&b) = bytes.get(end) {
        match BYTE_CLASS[usize::from(b)] {
            ALNUM => end += 1,
            LATIN_LEAD if latin_letter(bytes, end) => {
                end += 2;
                plain = false;
            }
            _ => break,
        }
    }
    match bytes.get(end).map(|&b| BYTE_CLASS[usize::from(b)]) {
        // An ASCII character that neither continues a word (letters, digits) nor joins two
        // (`'`, `` ` ``, `-`): the word ends here, as in the tokenizer.
        Some(SEPARATOR) | None => Some((start, end, plain)),
        Some(_) => tokenizer_word(text, start),
    }
}

/// Classes of [`BYTE_CLASS`]: ASCII characters that end words, ASCII joiners (`'`, `` ` ``,
/// `-`), ASCII letters and digits, lead bytes of [`latin_letter`]s, other non-ASCII bytes; the
/// first two start no word.
const SEPARATOR: u8 = 0;
const JOINER: u8 = 1;
const ALNUM: u8 = 2;
const LATIN_LEAD: u8 = 3;
const OTHER: u8 = 4;

/// The class of each byte, for the bytewise word reading.
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else if b == b'\'' as usize || b == b'`' as usize || b == b'-' as usize {
            JOINER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    classes[0xC3] = LATIN_LEAD;
    classes[0xC4] = LATIN_LEAD;
    classes[0xC5] = LATIN_LEAD;
    classes
};

/// Whether a letter of U+00C0..=U+017F (Latin-1 letters and Latin Extended-A: two UTF-8 bytes
/// led by C3, C4 or C5) other than `×` and `÷` starts at `at`: alphanumeric, no combining mark,
/// never rewritten, dropped nor a joiner by the normalisation, so it continues a word as an
/// ASCII letter does.
#[inline]
fn latin_letter(bytes: &[u8], at: usize) -> bool {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(0xC3), Some(&b)) => (0x80..=0xBF).contains(&b) && b != 0x97 && b != 0xB7,
        (Some(0xC4 | 0xC5), Some(&b)) => (0x80..=0xBF).contains(&b),
        _ => false,
    }
}

fn tokenizer_word(text: &str, from: usize) -> Option<(usize, usize, bool)> {
    let (start, end) = sahel_text::tokenizer::next_word(text, from)?;
    let plain = text.as_bytes()[start..end]
        .iter()
        .all(u8::is_ascii_alphanumeric);
    Some((start, end, plain))
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

/// A fragment window around matches: [start, end) and the matches it holds.
struct Window {
    start: usize,
    end: usize,
    distinct: u32,
    count: usize,
}

/// Builds the snippet of `body` for the query terms. Without matches: the beginning of the text.
pub fn snippet(body: &str, language: &str, highlighter: &mut Highlighter) -> String {
    let ranges = highlighter.matches(body, language);
    if ranges.is_empty() {
        let end = cut_after(body, 0, FRAGMENT_BYTES * 3 / 2);
        let mut out = escape(body[..end].trim());
        if end < body.len() {
            out.push('…');
        }
        return collapse_whitespace(&out);
    }
    // Candidate windows start a little before each match; score by the query words they hold.
    let mut windows: Vec<Window> = ranges
        .iter()
        .map(|mark| {
            let start = cut_before(body, mark.from, FRAGMENT_BYTES / 3);
            let end = cut_after(body, start, FRAGMENT_BYTES);
            let first = ranges.partition_point(|m| m.from < start);
            let (mask, count) = ranges[first..]
                .iter()
                .take_while(|m| m.from < end)
                .filter(|m| m.to <= end)
                .fold((0u32, 0usize), |(mask, count), m| {
                    (mask | m.mask, count + 1)
                });
            Window {
                start,
                end,
                distinct: mask.count_ones(),
                count,
            }
        })
        .collect();
    windows.sort_by(|a, b| {
        b.distinct
            .cmp(&a.distinct)
            .then(b.count.cmp(&a.count))
            .then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<&Window> = Vec::new();
    for window in &windows {
        if chosen.len() == MAX_FRAGMENTS {
            break;
        }
        if chosen
            .iter()
            .all(|c| window.end <= c.start || window.start >= c.end)
        {
            chosen.push(window);
        }
    }
    chosen.sort_by_key(|w| w.start);
    let mut out = String::new();
    for (i, window) in chosen.iter().enumerate() {
        if i > 0 || window.start > 0 {
            out.push_str(if i > 0 { ELLIPSIS } else { "…" });
        }
        let mut pos = window.start;
        let first = ranges.partition_point(|m| m.from < window.start);
        for mark in ranges[first..]
            .iter()
            .take_while(|m| m.from < window.end)
            .filter(|m| m.to <= window.end)
        {
            escape_into(&body[pos..mark.from], &mut out);
            out.push_str("<mark>");
            escape_into(&body[mark.from..mark.to], &mut out);
            out.push_str("</mark>");
            pos = mark.to;
        }
        escape_into(&body[pos..window.end], &mut out);
        if i + 1 == chosen.len() && window.end < body.len() {
            out.push('…');
        }
    }
    // Whitespace runs (line breaks of the source) read better as single spaces.
    collapse_whitespace(&out)
}

/// `text` trimmed, each run of whitespace (Unicode's) made one space. Runs of other ASCII
/// characters are copied at once; only non-ASCII characters are decoded.
fn collapse_whitespace(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0B)
            .unwrap_or(rest.len());
        if run > 0 {
            out.push_str(&rest[..run]);
            space = false;
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A start at most `before` bytes before `at`, moved forward to the start of a word.
fn cut_before(text: &str, at: usize, before: usize) -> usize {
    let at = floor_boundary(text, at);
    let start = floor_boundary(text, at.saturating_sub(before));
    if start == 0 {
        return 0;
    }
    match text[start..at].find(char::is_whitespace) {
        Some(p) => ceil_boundary(text, start + p + 1),
        None => start,
    }
}

/// An end at most `len` bytes after `start`, moved back to the end of a word.
fn cut_after(text: &str, start: usize, len: usize) -> usize {
    let end = floor_boundary(text, start + len);
    if end >= text.len() {
        return text.len();
    }
    match text[start..end].rfind(char::is_whitespace) {
        Some(p) if p > 0 => start + p,
        _ => end,
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
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape("été à Gao"), "été à Gao");
    }

    #[test]
    fn cuts_stay_on_char_boundaries() {
        let text = "éééé ààà ççç ".repeat(40);
        for at in 0..text.len() {
            let s = cut_before(&text, at, 17);
            let e = cut_after(&text, s, 33);
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e);
        }
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some((s, e, _)) = next_word(text, cursor) {
            out.push(&text[s..e]);
            cursor = e;
        }
        out
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("L’armée a frappé Tin-Zaouatène -- aujourd'hui, (GSIM) l'-x 3e «Gao»"),
            [
                "L’armée",
                "a",
                "frappé",
                "Tin-Zaouatène",
                "aujourd'hui",
                "GSIM",
                "l",
                "x",
                "3e",
                "Gao"
            ]
        );
        assert_eq!(
            words("mi\u{AD}li\u{200B}taire"),
            ["mi\u{AD}li\u{200B}taire"]
        );
        assert!(words(" ,;- ").is_empty());
    }

    /// Every word as `sahel_text`'s tokenizer function finds it, with plainness.
    fn tokenizer_words(text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some(word) = tokenizer_word(text, cursor) {
            out.push(word);
            cursor = word.1;
        }
        out
    }

    fn fast_words(text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some(word) = next_word(text, cursor) {
            out.push(word);
            cursor = word.1;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// The bytewise reading finds exactly the tokenizer's words, from any start.
        #[test]
        fn bytewise_words_are_the_tokenizers(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "ab", "attaque", " ", "  ", "\n", ",", ".", "'", "`", "-", "--",
                "_", "(", "«", "»", "é", "É", "’", "\u{AD}", "\u{200B}", "\u{301}", "l'", "d’",
                "Tin-", "aujourd'hui", "\u{2011}", "\u{A0}", "中", "ß", "ﬁ", "\u{2060}", "x`y",
                "×", "÷", "ſ", "ƀ", "ÿ", "Ā", "ŉ", "ç", "À", "\u{345}", "´", "é-", "à'",
            ]), 0..24),
            from in 0usize..40,
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(fast_words(&text), tokenizer_words(&text));
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(next_word(&text, from), tokenizer_word(&text, from));
        }
    }

    #[test]
    fn words_of_real_texts_are_the_tokenizers() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(format!("{data}/sample-reports"))
            .expect("sample reports")
            .flatten()
        {
            texts.push(std::fs::read_to_string(entry.path()).expect("report"));
        }
        let conllu = std::fs::read_to_string(format!("{data}/ud-french/fr_gsd-ud-test.conllu"))
            .expect("UD French test set");
        texts.extend(
            conllu
                .lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .map(str::to_string),
        );
        assert!(texts.len() > 400, "{} texts", texts.len());
        for text in &texts {
            assert_eq!(fast_words(text), tokenizer_words(text), "{text}");
        }
    }

    /// The reference: every character decoded.
    fn collapse_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.trim().chars() {
            if c.is_whitespace() {
                if !space {
                    out.push(' ');
                }
                space = true;
            } else {
                out.push(c);
                space = false;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn whitespace_runs_collapse_as_char_by_char(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{A0}",
                "\u{202F}", "\u{2003}", "\u{3000}", "x y", "<mark>", "…", "中", "\u{1F600}",
                "\u{1C}", "\u{1F}", "\u{0}",
            ]), 0..20),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(collapse_whitespace(&text), collapse_by_chars(&text));
        }
    }

    #[test]
    fn openings_admit_what_could_match_and_little_else() {
        let mut openings = Openings::new();
        openings.add_term(b"attaque");
        openings.add_term(b"y");
        openings.add_prefix(b"enl");
        openings.add_prefix(b"q");
        openings.add_name(b"tinzaouatene");
        // Terms: a word equal to one; one-byte terms only as one-byte words.
        assert!(openings.admits(b"at"));
        assert!(openings.admits(b"y"));
        assert!(!openings.admits(b"ya"));
        assert!(!openings.admits(b"a"));
        // Prefixes: any word starting with them, one-byte prefixes whatever follows.
        assert!(openings.admits(b"en"));
        assert!(openings.admits(b"q"));
        assert!(openings.admits(b"qx"));
        assert!(!openings.admits(b"ex"));
        // Names: their first word may be one byte or more.
        assert!(openings.admits(b"t"));
        assert!(openings.admits(b"ti"));
        assert!(!openings.admits(b"to"));
        assert!(!openings.admits(b""));
        // An empty prefix admits everything.
        openings.add_prefix(b"");
        assert!(openings.admits(b"zz") && openings.admits(b"z"));
    }

    #[test]
    fn parts_are_folded_with_their_offsets() {
        let text = "à Tin-Zaouatène";
        let mut scratch = WordScratch::default();
        let (s, e, plain) = next_word(text, 3).expect("word");
        assert!(!plain);
        split_word(text, s, e, &mut scratch);
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
