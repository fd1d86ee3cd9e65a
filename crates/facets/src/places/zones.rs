//! Names that hold a place name but name no place of the report: zones across borders named after
//! places in one country ("Liptako-Gourma") and boats named after towns ("le bateau
//! Tombouctou").

use super::context::find_ascii_ci;
use super::cues::cues;

/// Byte spans of the cross-border zone names of `text` ("Liptako-Gourma", "Liptako Gourma").
pub(super) fn zone_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (first, second) in &cues().cross_border_zone {
        let mut from = 0;
        while let Some(start) = find_ascii_ci(bytes, from, first.as_bytes()) {
            from = start + first.len();
            let rest = text[from..].trim_start_matches(['-', ' ', '–', '‐']);
            let joined = text.len() - rest.len();
            if joined > from
                && joined - from <= 4
                && rest.len() >= second.len()
                && rest.as_bytes()[..second.len()].eq_ignore_ascii_case(second.as_bytes())
            {
                out.push((start, joined + second.len()));
            }
        }
    }
    out
}

/// The nouns that introduce names as names ("names such as", "les nouveaux noms", "les
/// appellations").
const NAME_NOUNS: &[&str] = &[
    "name",
    "names",
    "nom",
    "noms",
    "appellation",
    "appellations",
];

/// How far before a quoted name [`quoted_as_a_name`] reads, in bytes.
const QUOTED_NAME_WINDOW: usize = 80;

/// Whether the name at `start..end` is quoted as a name, not named as a place: in quotation
/// marks after a word for names ("replaces names such as "Centre-Nord" or "Hauts-Bassins"", "les
/// appellations « Centre-Nord »").
pub(super) fn quoted_as_a_name(text: &str, start: usize, end: usize) -> bool {
    const OPEN: &[char] = &['"', '«', '“', '\'', '‘'];
    const CLOSE: &[char] = &['"', '»', '”', '\'', '’'];
    let head = text[..start].trim_end_matches(' ');
    let Some(open) = head.strip_suffix(OPEN) else {
        return false;
    };
    if !text[end..].trim_start_matches(' ').starts_with(CLOSE) {
        return false;
    }
    // "the "Tombouctou"", "le « Kankou Moussa »": a town takes no article; a boat, a hotel, an
    // operation named after it does.
    let before_quote = open.trim_end_matches(' ');
    let article_start = before_quote
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + 1);
    if matches!(
        before_quote[article_start..].to_lowercase().as_str(),
        "the" | "le" | "la"
    ) {
        return true;
    }
    // The words before, through the quotation marks of a list of names ("names such as
    // "Centre-Nord" or "Hauts-Bassins"").
    let from = super::context::window_start(text, open.len(), QUOTED_NAME_WINDOW);
    let window = sahel_text::fold(&text[from..open.len()]);
    let words: Vec<&str> = super::context::words(&window).collect();
    words.iter().rev().take(8).any(|w| {
        NAME_NOUNS.contains(w)
            || matches!(
                *w,
                "codenamed"
                    | "dubbed"
                    | "baptise"
                    | "baptisee"
                    | "denomme"
                    | "denommee"
                    | "denomination"
                    | "denominations"
                    | "called"
                    | "appele"
                    | "appelee"
                    | "appeles"
                    | "appelees"
                    | "renamed"
                    | "rebaptise"
                    | "rebaptisee"
            )
    })
}

/// Whether the name at `start..end` is the name of a boat: right after a word for a boat
/// ("le bateau Tombouctou", "le navire « Kankou Moussa »"), quoted a few words after one ("le
/// bateau de passagers « Tombouctou »"), in apposition to it ("The boat, the Tombouctou,"),
/// named after it ("the boat, named the Tombouctou"), or in quotation marks right before one
/// ("the \"Tombouctou\" boat").
pub(super) fn names_a_vessel(text: &str, start: usize, end: usize) -> bool {
    const QUOTES: &[char] = &['"', '\'', '«', '»', '“', '”', ' '];
    let vessel = &cues().vessel;
    let head = text[..start].trim_end_matches(QUOTES);
    let quoted_before = head.len() < text[..start].trim_end_matches(' ').len();
    let prev = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !prev.is_empty() && vessel.contains_folded(prev) {
        return true;
    }
    // "The boat, the Tombouctou, came under fire": a boat in apposition, with its article.
    if ["the", "The", "le", "Le"].contains(&prev) {
        let rest = head[..head.len() - prev.len()].trim_end_matches([' ', ',']);
        let word = rest
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if rest.len() < head.len() - prev.len() && vessel.contains_folded(word) {
            return true;
        }
    }
    // "le bateau de passagers « Tombouctou »": quoted, a boat named a few words before.
    if quoted_before
        && super::context::words_before(text, head.len(), 3)
            .iter()
            .any(|w| vessel.contains(w))
    {
        return true;
    }
    // "the boat, named the Tombouctou", "un bateau baptisé Tombouctou".
    let before = super::context::words_before(text, start, 5);
    let naming = before
        .iter()
        .position(|w| !matches!(w.as_str(), "the" | "le" | "la" | "l"))
        .filter(|&at| cues().naming.contains(&before[at]));
    if naming.is_some_and(|at| before[at + 1..].iter().take(3).any(|w| vessel.contains(w))) {
        return true;
    }
    let tail = text[end..].trim_start_matches(QUOTES);
    let quoted_after = tail.len() < text[end..].trim_start_matches(' ').len();
    let next = tail
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    quoted_before && quoted_after && !next.is_empty() && vessel.contains_folded(next)
}

/// Whether the name starts a company's name: followed by a capitalised word of the `company`
/// list ("un car de la compagnie Bani Transport", "Sahel Voyages", "Niger Airlines").
pub(super) fn names_a_company(text: &str, end: usize) -> bool {
    let Some(next) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    word.starts_with(char::is_uppercase) && cues().company.contains_folded(word)
}

/// Whether the name is a quarter's of a town: before a word for a quarter ("the Hamdallaye
/// neighborhood") or after one with its definite article ("le quartier de Hamdallaye", "au
/// quartier Lafiabougou"): a village elsewhere of the same name is not meant, only a section of
/// a town (GeoNames `PPLX`). Not the town of "un quartier de Bamako", "plusieurs quartiers de
/// Ouagadougou", "neighbourhoods of Maradi".
pub(super) fn names_a_quarter(text: &str, start: usize, end: usize) -> bool {
    let quarter = &cues().quarter;
    let next = text[end..]
        .trim_start_matches(' ')
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if quarter.contains_folded(next) {
        return true;
    }
    // The words right before the name, with no punctuation between ("Abaradjou neighbourhood,
    // Timbuktu" is the town).
    let head = &text[..start];
    let cut = head
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, ' ' | '\'' | '’')))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let folded = sahel_text::fold(&head[cut..]);
    let mut before: Vec<&str> = super::context::words(&folded).collect();
    before.reverse();
    let past_de = usize::from(
        before
            .first()
            .is_some_and(|w| matches!(*w, "de" | "du" | "d" | "of")),
    );
    // "le quartier de Ouaga 2000": a longer name holding the town's is a quarter of that town.
    let longer = next.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase());
    !longer
        && before.get(past_de).is_some_and(|w| quarter.contains(w))
        && (past_de == 0
            || before
                .get(past_de + 1)
                .is_some_and(|w| matches!(*w, "le" | "au" | "du" | "the")))
}

/// Whether the name stands in a list of names introduced as names: "les nouveaux noms – Liptako,
/// Soum, Goulmou", "the new names: Liptako, Soum" (the words, not the places).
pub(super) fn listed_as_names(text: &str, start: usize) -> bool {
    let from = super::context::window_start(text, start, QUOTED_NAME_WINDOW);
    let window = &text[from..start];
    let Some(colon) = window.rfind([':', '–', '—']) else {
        return false;
    };
    // Between the introducing mark and the name: only names, commas and list words.
    let list_only = window[colon..]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "et" | "and" | "ou" | "or"));
    let folded = sahel_text::fold(&window[..colon]);
    let intro: Vec<&str> = super::context::words(&folded).collect();
    list_only && intro.iter().rev().take(3).any(|w| NAME_NOUNS.contains(w))
}
