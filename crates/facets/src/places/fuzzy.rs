//! Names the gazetteer lacks as written ("Toukoroboa" for "Toukorobà"): capitalised names after a
//! strong place cue that no candidate covers, looked up fuzzily ([`Gazetteer::fuzzy_lookup`]).

use super::candidates::Candidate;
use super::context::{folds_into, word_before};
use super::cues::cues;
use super::names::is_month_or_day;
use crate::gazetteer::{name_key, EntryId, Gazetteer, PlaceKind};

/// Most capitalised words of a name looked up fuzzily ("Dangol Bore Kanta").
const MAX_NAME_WORDS: usize = 3;

/// Longest cue word read before a name, in bytes.
const MAX_CUE_LEN: usize = 12;

/// Capitalised names after a strong place cue that no candidate covers, looked up fuzzily: the
/// whole run of capitalised words (at most [`MAX_NAME_WORDS`]), else its first word. Only names
/// whose entries lie in a single region are kept (resolution narrows them to the text's
/// countries first). Also returns the spans of the names the fuzzy lookup does not find either:
/// places the gazetteer does not know ("the village of Kindjandi").
pub(super) fn fuzzy_candidates(
    text: &str,
    g: &Gazetteer,
    cands: &[Candidate],
    excluded: &[(usize, usize)],
) -> (Vec<Candidate>, Vec<(usize, usize)>) {
    let covered = |s: usize, e: usize| {
        cands.iter().any(|c| c.start < e && s < c.end)
            || excluded.iter().any(|&(a, b)| a < e && s < b)
    };
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for start in capitalised_word_starts(text) {
        if covered(start, start + 1) || !after_a_fuzzy_cue(text, start) {
            continue;
        }
        let ends = capitalised_run_ends(text, start);
        let end = *ends.last().unwrap_or(&ends[0]);
        if is_month_or_day(&text[start..ends[0]]) {
            continue;
        }
        // A name the gazetteer holds as written was rejected for a reason (part of a person's
        // name...).
        if covered(start, end) {
            continue;
        }
        if let Some(entries) = fuzzy_localities(g, &text[start..end]) {
            out.push(Candidate::unlisted(text, start, end, entries));
        } else if !is_feature_or_demonym(&text[start..ends[0]]) {
            unknown.push((start, end));
        }
    }
    (out, unknown)
}

/// Whether the first word of an unknown name makes it a natural feature ("Lake Chad", "Mont
/// Hombori": no village) or is a demonym ("Nigerien territory").
fn is_feature_or_demonym(first_word: &str) -> bool {
    let folded = sahel_text::fold(first_word);
    matches!(
        folded.as_str(),
        "lake"
            | "lac"
            | "river"
            | "fleuve"
            | "mount"
            | "mont"
            | "monts"
            | "mountains"
            | "forest"
            | "foret"
            | "island"
            | "islands"
            | "ile"
            | "iles"
            | "park"
            | "parc"
            | "valley"
            | "vallee"
            | "desert"
            | "plateau"
            | "massif"
    ) || super::demonyms::demonym_country(&folded).is_some()
}

/// Byte offsets of the capitalised words right after a space, read bytewise (ASCII without
/// Unicode tables).
fn capitalised_word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let b = bytes[start];
            let (upper, len) = if b.is_ascii() {
                (b.is_ascii_uppercase(), 1)
            } else {
                text[start..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (c.is_uppercase(), c.len_utf8()))
            };
            let at = start;
            start += len;
            if upper && at > 0 && bytes[at - 1] == b' ' {
                return Some(at);
            }
        }
        None
    })
}

/// Whether the word before `start` is a strong place cue ("in", "près", "village"), or "of",
/// "de" after a place noun ("the village of").
fn after_a_fuzzy_cue(text: &str, start: usize) -> bool {
    let Some((raw_cue, _)) = word_before(text, start) else {
        return false;
    };
    if raw_cue.len() > MAX_CUE_LEN {
        return false;
    }
    let c = cues();
    let cue_start = raw_cue.as_ptr() as usize - text.as_ptr() as usize;
    // "a" is French "à", not the English article.
    raw_cue != "a" && c.fuzzy_cue.contains_folded(raw_cue)
        || folds_into(raw_cue, &["of", "de", "d", "du"])
            && word_before(text, cue_start)
                .is_some_and(|(w, _)| w.len() <= MAX_CUE_LEN && c.fuzzy_of_head.contains_folded(w))
}

/// The ends of the first one, two, three words of the run of capitalised words at `start`
/// (joined by one space or a hyphen).
fn capitalised_run_ends(text: &str, start: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends: Vec<usize> = Vec::new();
    let mut at = start;
    while ends.len() < MAX_NAME_WORDS {
        let len = text[at..]
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
            .unwrap_or(text.len() - at);
        ends.push(at + len);
        let next = at + len;
        // A following word in capitals ("Karre II") is a number, not part of the name.
        let joined = matches!(bytes.get(next), Some(b' ' | b'-'))
            && text[next + 1..].starts_with(char::is_uppercase)
            && text[next + 1..]
                .chars()
                .nth(1)
                .is_some_and(char::is_lowercase);
        if !joined {
            break;
        }
        at = next + 1;
    }
    ends
}

/// The localities a name the gazetteer lacks as written stands for, when its fuzzy lookup finds
/// any.
fn fuzzy_localities(g: &Gazetteer, name: &str) -> Option<Vec<EntryId>> {
    let key = name_key(name);
    if key.len() < crate::gazetteer::fuzzy::SKELETON_MIN_LEN || !g.lookup_key(&key).is_empty() {
        return None;
    }
    let (entries, _) = g.fuzzy_lookup_key(&key);
    let entries: Vec<EntryId> = entries
        .into_iter()
        .filter(|&id| g.entry(id).kind == PlaceKind::Locality)
        .collect();
    (!entries.is_empty()).then_some(entries)
}
