//! Which kind of unit a name is called: the unit word nearest to it ("région de Gao", "the
//! Bandiagara circle"), its place in a bracket of parent units ("Tissalatene (Menaka, Gao)"), or
//! a list headed by a plural unit word ("les régions du Nord, du Centre-Nord et du Sahel").

use super::context::{capitalised, window_start};
use super::cues::cues;
use crate::gazetteer::PlaceKind;

/// Where the nearest unit word of a list is: 0 right after the name, 1 to 3 among the three words
/// before it (nearest first), 4 after it past punctuation ("Ténenkou, région de Mopti" is the
/// weakest cue); `None` when there is none.
pub(super) fn unit_word_at(
    list: &super::cues::WordList,
    before: &[String],
    next: &str,
    next_adjacent: bool,
) -> Option<usize> {
    if list.contains(next) && next_adjacent {
        Some(0)
    } else {
        // "la région militaire du Nord", "the 4th military region of": an army's region, not
        // the administrative unit.
        let military = |w: &String| matches!(w.as_str(), "militaire" | "military");
        before
            .iter()
            .take(3)
            .position(|w| list.contains(w))
            .filter(|&i| {
                !before[..i].iter().any(military) && !before.get(i + 1).is_some_and(military)
            })
            .map(|i| i + 1)
            .or_else(|| list.contains(next).then_some(4))
    }
}

/// Whether the unit word at `a` is nearer than the one at `b` (or the only one).
pub(super) fn nearer(a: Option<usize>, b: Option<usize>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a <= b,
        (a, _) => a.is_some(),
    }
}

/// When the name at `start` is in a bracket that follows a capitalised word and holds only
/// capitalised names separated by commas ("Tissalatene (Menaka, Gao)"), its position in the
/// bracket (0 for the first) and the number of names in it.
pub(super) fn parent_bracket_position(text: &str, start: usize) -> Option<(usize, usize)> {
    let from = window_start(text, start, 60);
    let head = &text[from..start];
    let open = head.rfind(['(', '['])?;
    let inside = &head[open + 1..];
    if inside.contains([')', ']']) {
        return None;
    }
    let mut commas = 0;
    for part in inside.split(',') {
        let part = part.trim();
        if !part.is_empty()
            && !part
                .split([' ', '-'])
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        commas += 1;
    }
    let before = head[..open].trim_end();
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .next()?;
    if !capitalised(word) {
        return None;
    }
    // The names after this one, up to the closing bracket.
    let tail = &text[start..];
    let close = tail.find([')', ']'])?;
    let inside_after = &tail[..close];
    if inside_after.contains(['(', '[', '.', ';']) {
        return None;
    }
    let later = inside_after.matches(',').count();
    Some((commas - 1, commas + later))
}

/// How far from the name a list of units is read, in bytes.
const LIST_REACH: usize = 100;

/// Where a list of names ends, before or after the name.
const LIST_ENDS: [char; 11] = ['.', ';', '!', '?', '\n', ':', '(', ')', '"', '«', '»'];

/// When the name at `start..end` is listed with other capitalised names after a plural unit
/// word ("les régions du Nord, du Centre-Nord et du Sahel") or before one ("the Sahel and Est
/// regions"), in the same sentence: the kind of unit.
pub(super) fn listed_unit(text: &str, start: usize, end: usize) -> Option<PlaceKind> {
    let is_word = |ch: char| ch.is_alphanumeric() || ch == '-';
    let from = window_start(text, start, LIST_REACH);
    let head = &text[from..start];
    let head = head.rfind(LIST_ENDS).map_or(head, |i| {
        &head[i + head[i..].chars().next().map_or(1, char::len_utf8)..]
    });
    let mut before = head
        .split(|ch: char| !is_word(ch))
        .filter(|w| !w.is_empty())
        .rev();
    if let Some(kind) = unit_heading_list(&mut before) {
        return Some(kind);
    }
    let mut to = (end + LIST_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let tail = &text[end..to];
    let tail = tail.find(LIST_ENDS).map_or(tail, |i| &tail[..i]);
    let mut after = tail
        .split(|ch: char| !is_word(ch))
        .filter(|w| !w.is_empty());
    unit_heading_list(&mut after)
}

/// Reading away from a name, through capitalised names and the words between the names of a
/// list: the kind of the plural unit word reached after at least one name.
fn unit_heading_list(tokens: &mut dyn Iterator<Item = &str>) -> Option<PlaceKind> {
    let c = cues();
    let mut names = 0;
    for t in tokens {
        if t.starts_with(char::is_uppercase) {
            names += 1;
            continue;
        }
        let f = sahel_text::fold(t);
        let kind = if c.plural_region.contains(&f) {
            Some(PlaceKind::Region)
        } else if c.plural_district.contains(&f) {
            Some(PlaceKind::District)
        } else {
            None
        };
        if let Some(kind) = kind {
            return (names > 0).then_some(kind);
        }
        if !c.list_glue.contains(&f) {
            return None;
        }
    }
    None
}
