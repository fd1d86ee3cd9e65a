//! Candidates: the names the gazetteer's automaton finds in a text, with the cues around each
//! (a unit word, a locative word, a list, a person's name) and the entries those cues leave
//! viable. Ordinary-word names and GeoNames-only names need a place cue; overlapping names give
//! way to the longest.

use super::context::{capitalised, char_before, is_name_char, words, words_after, words_before};
use super::cues::cues;
use super::names::{
    after_a_name_particle, after_place_cue_and_one_word, is_month_or_day, proper_name_neighbours,
    title_case_line,
};
use super::units::{listed_unit, nearer, parent_bracket_position, unit_word_at};
use super::zones::{
    listed_as_names, names_a_company, names_a_quarter, names_a_vessel, quoted_as_a_name, zone_spans,
};
use crate::gazetteer::{EntryId, Gazetteer, NameMatch, PlaceKind, Source};

/// A match with its viable entries and context.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The gazetteer slot of the name (`u32::MAX` for a fuzzy candidate).
    pub(super) slot: u32,
    pub(super) entries: Vec<EntryId>,
    pub(super) region_cue: bool,
    pub(super) district_cue: bool,
    /// Entries that are only accepted because the name follows another place in a list
    /// ("Inata, Bamba et Koutougou"): kept only when a place does precede.
    pub(super) chain_only: Vec<EntryId>,
    /// `words_before(text, start, 5)` and `words_after(text, end, 2)`.
    pub(super) before: Vec<String>,
    pub(super) after: Vec<String>,
    /// Found by [`Gazetteer::fuzzy_lookup`], not as written: resolved only to a single region,
    /// and gives no evidence for the other names.
    pub(super) fuzzy: bool,
}

impl Candidate {
    /// A candidate for a name the gazetteer does not hold as written (`slot` `u32::MAX`, no unit
    /// cue), standing for `entries`: a fuzzy match, or the region of an unknown place.
    pub(super) fn unlisted(text: &str, start: usize, end: usize, entries: Vec<EntryId>) -> Self {
        Candidate {
            start,
            end,
            slot: u32::MAX,
            entries,
            region_cue: false,
            district_cue: false,
            chain_only: Vec::new(),
            before: words_before(text, start, 5),
            after: words_after(text, end, 2),
            fuzzy: true,
        }
    }

    /// Whether a country name is said as the other side of a border ("near the border with
    /// Mali", "à la frontière avec le Niger", "the Mali-Niger border").
    pub(super) fn names_a_border(&self) -> bool {
        let border = |w: &String| cues().border.contains(w);
        let b = &self.before;
        b.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "with" | "of" | "avec" | "de" | "du" | "le" | "la"
            )
        }) && b.iter().skip(1).take(2).any(border)
            || self.after.iter().take(2).any(border)
    }
}

/// The candidates of `text`, in text order, without overlaps.
pub(super) fn candidates(text: &str, g: &Gazetteer) -> Vec<Candidate> {
    let zones = zone_spans(text);
    let raw: Vec<Candidate> = g
        .find_capitalised_names(text)
        .into_iter()
        .filter(|m| !zones.iter().any(|&(s, e)| m.start < e && s < m.end))
        .filter_map(|m| candidate(text, g, &m))
        .collect();
    keep_listed_only_after_a_place(text, longest_without_overlap(raw))
}

/// What the words around a name say about it.
struct NameCues {
    /// The five words before (role_of reads five, the cues here the nearest four) and the two
    /// after.
    before: Vec<String>,
    after: Vec<String>,
    region_cue: bool,
    district_cue: bool,
    locative_cue: bool,
    /// After a list conjunction or a separator ("Inata, Bamba et Koutougou").
    chained: bool,
    /// Named with a river's words ("the Niger river"): no country, region or district.
    river: bool,
    /// A capitalised word that is no place word before or after it.
    proper_name: bool,
    /// Part of a person's name, even for a name that needs no cue.
    person: bool,
}

/// The candidate of one match, or none when no entry of its name is viable there.
fn candidate(text: &str, g: &Gazetteer, m: &NameMatch) -> Option<Candidate> {
    let surface = &text[m.start..m.end];
    if !capitalised(surface) {
        return None;
    }
    // "Bah N'Daw": a match ending before an apostrophe and a capital is cut from a longer name.
    let rest = &text[m.end..];
    if let Some(after) = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('’')) {
        if after.starts_with(char::is_uppercase) {
            return None;
        }
    }
    let around = name_cues(text, m.start, m.end);
    // "le bateau « Tombouctou »", "the \"Tombouctou\" boat": a boat named after a town.
    if names_a_vessel(text, m.start, m.end)
        || quoted_as_a_name(text, m.start, m.end)
        || names_a_company(text, m.end)
        || listed_as_names(text, m.start)
    {
        return None;
    }
    let key_words: Vec<String> = words(&sahel_text::fold(surface))
        .map(str::to_string)
        .collect();
    let mut chain_only: Vec<EntryId> = Vec::new();
    let mut entries: Vec<EntryId> = g
        .slot_entries(m.slot)
        .iter()
        .copied()
        .filter(|&id| match viability(g, id, &key_words, &around, text, m) {
            Viability::Viable => true,
            Viability::InAList => {
                chain_only.push(id);
                true
            }
            Viability::No => false,
        })
        .collect();
    // "In Mali's Gourma": the place of the country named before it, not a homonym elsewhere.
    if let Some(code) = possessive_country(text, g, m.start) {
        entries.retain(|&id| g.entry(id).country_code == code);
        chain_only.retain(|id| entries.contains(id));
    }
    // "the Hamdallaye neighborhood": a quarter of a town (GeoNames `PPLX`: "Sanyiri
    // neighbourhood" in Ouagadougou), not a village of the same name.
    if names_a_quarter(text, m.start, m.end) {
        entries.retain(|&id| &*g.entry(id).detail == "PPLX");
        chain_only.retain(|id| entries.contains(id));
    }
    if entries.is_empty() {
        return None;
    }
    // Natural features and sites only stand for a name no place has.
    if entries.iter().any(|&id| !g.entry(id).is_minor()) {
        entries.retain(|&id| !g.entry(id).is_minor());
        chain_only.retain(|id| entries.contains(id));
    }
    Some(Candidate {
        start: m.start,
        end: m.end,
        slot: m.slot,
        entries,
        region_cue: around.region_cue,
        district_cue: around.district_cue,
        chain_only,
        before: around.before,
        after: around.after,
        fuzzy: false,
    })
}

/// The country of a possessive right before `start` ("Mali's", "Niger’s"), when the word is a
/// country's name.
fn possessive_country(text: &str, g: &Gazetteer, start: usize) -> Option<[u8; 2]> {
    let head = text[..start].strip_suffix(' ')?;
    let head = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))?;
    // The last word, else the last two ("Burkina Faso's").
    let country = |from: usize| {
        g.lookup(&head[from..])
            .iter()
            .map(|&id| g.entry(id))
            .find(|e| e.kind == PlaceKind::Country)
            .map(|e| e.country_code)
    };
    let last = head.rfind(' ').map_or(0, |i| i + 1);
    country(last).or_else(|| {
        let two = head[..last.saturating_sub(1)]
            .rfind(' ')
            .map_or(0, |i| i + 1);
        (last > 0).then(|| country(two)).flatten()
    })
}

/// Reads the cues around the name at `start..end`.
fn name_cues(text: &str, start: usize, end: usize) -> NameCues {
    let c = cues();
    let before = words_before(text, start, 5);
    let after = words_after(text, end, 2);
    let prev = before.first().map(String::as_str).unwrap_or("");
    let next = after.first().map(String::as_str).unwrap_or("");
    // "Tissalatene (Menaka, Gao)", "Kerboule (Nassoumbou, Soum)": the names in brackets after
    // a name are its parent units, the broadest last.
    // Not a direction: "Léré (Nord)" says where Léré lies, not its region.
    let parent = parent_bracket_position(text, start).filter(|_| !is_direction(&text[start..end]));
    // The nearest unit word wins: in "the Bandiagara circle of Mopti region" Mopti is the
    // region, in "région de Gao, cercle de Gao" the second Gao the cercle.
    let next_adjacent = text[end..].starts_with(' ');
    let region_at = unit_word_at(&c.region_unit, &before, next, next_adjacent);
    let district_at = unit_word_at(&c.district_unit, &before, next, next_adjacent);
    // "les régions du Nord, du Centre-Nord et du Sahel", "the Sahel and Est regions": a
    // name listed with others after or before a plural unit word is such a unit.
    let listed = if region_at.is_none() && district_at.is_none() {
        listed_unit(text, start, end)
    } else {
        None
    };
    let region_cue = nearer(region_at, district_at)
        || parent.is_some_and(|(i, n)| i + 1 == n)
        || listed == Some(PlaceKind::Region);
    let district_cue = nearer(district_at, region_at)
        || parent.is_some_and(|(i, n)| i + 1 < n || n == 1)
        || listed == Some(PlaceKind::District);
    let chained =
        c.chain.contains(prev) || matches!(char_before(text, start), Some(',' | '/' | '-' | '–'));
    let locative_cue = c.locative.contains(prev)
        || before
            .get(1)
            .is_some_and(|w| w == "pres" || w == "near" || w == "loin")
        || prev == "as" && before.get(1).is_some_and(|w| c.coding.contains(w))
        || c.place_noun_after.contains(next)
        || c.commune_qualifier.contains(next) && after.get(1).is_some_and(|w| w == "commune")
        // "Siewali (Kombori, Kossi)", but not "Léré (Nord)": a direction in brackets describes
        // the place before it.
        || follows_a_name_in_brackets(text, start) && !is_direction(&text[start..end])
        || region_cue
        || district_cue;
    // "the Bani and Niger rivers": the first of two rivers named together too.
    let river = c.river_after.contains(next)
        || c.river_before.contains(prev)
        // "les crues du Bani".
        || matches!(prev, "du" | "de" | "d" | "of")
            && before
                .get(1)
                .is_some_and(|w| matches!(w.as_str(), "crue" | "crues"))
        || matches!(next, "and" | "et")
            && words_after(text, end, 3)
                .get(2)
                .is_some_and(|w| matches!(w.as_str(), "rivers" | "fleuves"));
    let (name_before, name_after) = proper_name_neighbours(text, start, end);
    // "Ibrahim Boubacar Keïta", "activist Ali Tera": even a name that needs no cue is part of
    // a person's name after a capitalised word, outside headlines.
    let person = name_before
        && !locative_cue
        && !chained
        && !after_place_cue_and_one_word(text, start)
        && !title_case_line(text, start)
        // "San Francisco", "San Pedro", "Say Ahmed": a short name is the first word of a longer
        // one when a capitalised word that is no place word follows it, whatever cue precedes.
        // "le camp de réfugiés de Dar es Salam": a name joined to a capitalised word by an Arabic
        // or Berber particle ends a longer name.
        || after_a_name_particle(text, start)
        || name_after
            && text[start..end].chars().count() <= SHORT_NAME_CHARS
            && !region_cue
            && !district_cue
            && !title_case_line(text, start);
    NameCues {
        before,
        after,
        region_cue,
        district_cue,
        locative_cue,
        chained,
        river,
        proper_name: name_before || name_after,
        person,
    }
}

/// Whether a name is a direction or made of directions ("Nord", "Centre-Est", "North").
fn is_direction(name: &str) -> bool {
    cues().is_directions(&sahel_text::fold(name), &["centre", "center"])
}

/// Longest name that a capitalised word after it makes the first word of a longer name.
const SHORT_NAME_CHARS: usize = 3;

/// A name in brackets right after a name gives its other spelling or its parent units ("the
/// village of Koulpadre (Koulopagare)", "Siewali (Kombori, Kossi)").
fn follows_a_name_in_brackets(text: &str, start: usize) -> bool {
    matches!(char_before(text, start), Some('(' | '[')) && {
        let open = text[..start].trim_end();
        let head = open[..open.len() - 1].trim_end();
        head.rsplit(|c: char| !is_name_char(c))
            .next()
            .is_some_and(capitalised)
    }
}

/// Whether an entry of a name is viable where the name is written.
enum Viability {
    Viable,
    /// Only as a member of a list: kept when a place precedes it in that list.
    InAList,
    No,
}

fn viability(
    g: &Gazetteer,
    id: EntryId,
    key_words: &[String],
    around: &NameCues,
    text: &str,
    m: &NameMatch,
) -> Viability {
    let surface = &text[m.start..m.end];
    let e = g.entry(id);
    if around.person && e.kind != PlaceKind::Country {
        return Viability::No;
    }
    // "surrounded Keita's residence": a name that is also a surname, with a possessive.
    if e.common_word && ["'s ", "’s "].iter().any(|p| text[m.end..].starts_with(p)) {
        return Viability::No;
    }

    let yes = |viable: bool| {
        if viable {
            Viability::Viable
        } else {
            Viability::No
        }
    };
    match e.kind {
        PlaceKind::Country => yes(!around.river),
        PlaceKind::Region | PlaceKind::District => {
            let generic = key_words.iter().all(|w| cues().generic_region.contains(w));
            if e.common_word && !around.region_cue && !around.district_cue {
                // Named after a common-word town: as viable as the town.
                common_name_viability(around)
            } else if !generic {
                yes(!around.river)
            } else if key_words.len() == 1 {
                yes(around.region_cue)
            } else {
                yes(surface
                    .split([' ', '-'])
                    .filter(|w| w.len() > 2)
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
            }
        }
        // "the Bani river", "le fleuve Niger": a river named like a town.
        PlaceKind::Locality if around.river => Viability::No,
        PlaceKind::Locality => {
            // The common-word flag is about the short spelling ("Bobo", "Fada"): a compound
            // spelling ("Bobo-Dioulasso", "Fada N'Gourma") is unambiguous.
            let common = e.common_word && !surface.contains([' ', '-', '\'']);
            if e.source == Source::GeoNames && !short_name_ok(text, m, key_words, around) {
                Viability::No
            } else if !(common || e.source == Source::GeoNames) {
                Viability::Viable
            } else {
                common_name_viability(around)
            }
        }
    }
}

/// A name that is also an ordinary word or a surname: a place after a locative cue, or in a list
/// after a place, never beside another capitalised word.
fn common_name_viability(around: &NameCues) -> Viability {
    if around.proper_name {
        Viability::No
    } else if around.locative_cue {
        Viability::Viable
    } else if around.chained {
        Viability::InAList
    } else {
        Viability::No
    }
}

/// Three-letter GeoNames names ("Gan", "Sia", "Ibi") only as a village after a strong cue,
/// written as a name (not an acronym, not a month); longer names always.
fn short_name_ok(text: &str, m: &NameMatch, key_words: &[String], around: &NameCues) -> bool {
    let three_letters = key_words.len() == 1 && key_words[0].len() == 3;
    if !three_letters {
        return true;
    }
    let c = cues();
    let prev = around.before.first().map(String::as_str).unwrap_or("");
    let surface = &text[m.start..m.end];
    // Folded "a" is French "à" or the English article: no cue for so short a name.
    (c.fuzzy_cue.contains(prev) && prev != "a"
        || matches!(prev, "of" | "de" | "d")
            && around
                .before
                .get(1)
                .is_some_and(|w| c.fuzzy_of_head.contains(w)))
        && surface.chars().nth(1).is_some_and(char::is_lowercase)
        && !text[m.end..].starts_with(['-', '\''])
        && !is_month_or_day(surface)
}

/// Non-overlapping candidates, the longest kept first, in text order.
fn longest_without_overlap(mut raw: Vec<Candidate>) -> Vec<Candidate> {
    raw.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in raw {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// Entries accepted only as members of a list need a place before them in that list.
fn keep_listed_only_after_a_place(text: &str, kept: Vec<Candidate>) -> Vec<Candidate> {
    let chain = &cues().chain;
    let mut out: Vec<Candidate> = Vec::with_capacity(kept.len());
    for mut c in kept {
        if !c.chain_only.is_empty() {
            let follows_place = out.last().is_some_and(|p| {
                p.end <= c.start && c.start - p.end <= 8 && {
                    let gap = sahel_text::fold(&text[p.end..c.start]);
                    gap.split(|ch: char| !ch.is_alphanumeric())
                        .all(|w| w.is_empty() || chain.contains(w))
                }
            });
            if !follows_place {
                let drop = std::mem::take(&mut c.chain_only);
                c.entries.retain(|id| !drop.contains(id));
                if c.entries.is_empty() {
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}
