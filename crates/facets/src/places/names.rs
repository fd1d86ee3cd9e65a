//! Name heuristics: whether a capitalised name next to a place name makes it part of a person's
//! or an organisation's name ("Ibrahim Boubacar Keïta", "Norbert Zongo"), and the words that
//! cannot be a place name (months and weekdays).

use super::context::{capitalised, word_after, word_before};
use super::cues::cues;

/// Whether a word is a place word: a locative cue, a place noun, a region or district word, a
/// list conjunction, a direction, a community.
fn is_place_word(w: &str) -> bool {
    let c = cues();
    let f = sahel_text::fold(w);
    c.is_directions(&f, &[])
        || c.community.contains(&f)
        || c.locative.contains(&f)
        || c.place_noun.contains(&f)
        || c.place_noun_after.contains(&f)
        || c.region_unit.contains(&f)
        || c.district_unit.contains(&f)
        || c.chain.contains(&f)
}

/// A name between capitalised words that are no place words is part of a person's or an
/// organisation's name ("Ibrahim Boubacar Keïta", "Sékou Bolly", "Norbert Zongo"): `(before,
/// after)`, whether the word written before, the word written after, is such a word.
pub(super) fn proper_name_neighbours(text: &str, start: usize, end: usize) -> (bool, bool) {
    let before = word_before(text, start).is_some_and(|(w, opens)| {
        capitalised(w) && !opens && !is_place_word(w) && !is_month_or_day(w)
    });
    let after = word_after(text, end).is_some_and(|w| capitalised(w) && !is_place_word(w));
    (before, after)
}

/// Whether the name at `start` follows a lowercase particle that joins it to a capitalised word
/// before: "Dar es Salam", "Hassi el Beida", "Iyad ag Ghaly", "Mohamed ould Sidati" (one name, of
/// a place or a person, whose last word may be a town's).
pub(super) fn after_a_name_particle(text: &str, start: usize) -> bool {
    let Some((particle, opens)) = word_before(text, start) else {
        return false;
    };
    if opens
        || !matches!(
            particle,
            "es" | "el" | "al" | "ed" | "ech" | "ag" | "ould" | "ben" | "bin" | "ibn"
        )
    {
        return false;
    }
    let particle_start = particle.as_ptr() as usize - text.as_ptr() as usize;
    word_before(text, particle_start).is_some_and(|(w, _)| capitalised(w))
}

/// Whether the capitalised word before `start` is itself after a locative cue or opens its
/// sentence ("the area of Dangol Bore", "Katiba Serma"): then it and the name are one place
/// name, not a person's.
pub(super) fn after_place_cue_and_one_word(text: &str, start: usize) -> bool {
    let Some((word, opens)) = word_before(text, start) else {
        return false;
    };
    let c = cues();
    if opens || c.armed_group.contains(&sahel_text::fold(word)) {
        return true;
    }
    let word_start = word.as_ptr() as usize - text.as_ptr() as usize;
    word_before(text, word_start).is_some_and(|(w, _)| {
        let f = sahel_text::fold(w);
        c.locative.contains(&f) || c.place_noun_after.contains(&f)
    })
}

/// Whether the line around `at` is written in title case (a headline: "Gunmen Attack Army Post
/// In Boni"), where a capitalised word before a name says nothing about a person's name.
pub(super) fn title_case_line(text: &str, at: usize) -> bool {
    let from = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let to = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // Headlines capitalise every word of four letters or more: at most one such word in lower
    // case.
    let lower = text[from..to]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && w.chars().next().is_some_and(char::is_lowercase))
        .take(2)
        .count();
    lower <= 1
}

/// Whether a word as written is a month or a weekday ("Juin", "Lundi"), which no place name is.
pub(super) fn is_month_or_day(word: &str) -> bool {
    crate::calendar::is_month_or_weekday(&sahel_text::fold(word))
}
