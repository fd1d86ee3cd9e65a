//! Place mentions in a report: found with the gazetteer's automaton, filtered (a capital letter;
//! ordinary-word names and GeoNames-only names need a place cue), resolved to one entry using the
//! context (homonyms in different regions: the one whose region, district, country or neighbours
//! the text also names; "région de Gao" is the region, "à Gao" the town), and given a role:
//! `dateline` (the place a communiqué was signed or a wire filed from), `mention` (a passing
//! mention: where someone spoke, a capital standing for its government, countries listed as
//! members of an alliance) or `event` (where things happened).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::dateline::is_dateline;
use crate::gazetteer::{distance_km, name_key, Area, EntryId, Gazetteer, PlaceKind, Source};

/// What a place is to the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    /// Where the reported events happened.
    Event,
    /// Where the report was signed or filed from ("Bamako, le 18 septembre 2023").
    Dateline,
    /// A passing mention.
    Mention,
}

/// A place of the report, resolved to the gazetteer: the `places` items of `sahel extract --json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlace {
    /// Official name of the entry.
    pub name: String,
    /// The locality, when the place is one.
    pub locality: Option<String>,
    pub district: Option<String>,
    /// Current region (official name, accents).
    pub region: Option<String>,
    /// The region this one was carved from (pre-2023 Mali, pre-2025 Burkina Faso).
    pub former_region: Option<String>,
    /// Country, French name.
    pub country: Option<String>,
    /// Coordinates (WGS84), when known.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub role: PlaceRole,
}

/// One resolved occurrence of a place in a text, with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub entry: EntryId,
    pub role: PlaceRole,
}

/// Finds, resolves and gives a role to every place mention of `text`, in text order.
pub fn locate_places(text: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    locate_places_outside(text, gazetteer, &[])
}

/// [`locate_places`], ignoring names inside the given byte spans (actor names such as
/// "Katiba Macina" or "EI au Grand Sahara" hold place names that are not places of the report).
pub fn locate_places_outside(
    text: &str,
    gazetteer: &Gazetteer,
    excluded: &[(usize, usize)],
) -> Vec<PlaceMention> {
    locate_places_in_context(text, gazetteer, excluded, &[])
}

/// [`locate_places_outside`] with countries the rest of the text points to (the countries of the
/// actors it names: "Koglweogo" is Burkinabè, "Dan Na Ambassagou" Malian), which count as
/// evidence for homonyms in those countries like a demonym does.
pub fn locate_places_in_context(
    text: &str,
    gazetteer: &Gazetteer,
    excluded: &[(usize, usize)],
    country_hints: &[&str],
) -> Vec<PlaceMention> {
    let (key, _) = crate::actors::match_key(text);
    let demonyms = demonym_codes(&key);
    let areas = gazetteer.areas_named(&key);
    locate_places_with_demonyms(text, gazetteer, excluded, country_hints, &demonyms, &areas)
}

/// [`locate_places_in_context`] with the countries of the text's demonyms ([`demonym_codes`])
/// and the home areas of the communities and groups it names ([`Gazetteer::areas_named`]) found
/// already.
pub(crate) fn locate_places_with_demonyms(
    text: &str,
    gazetteer: &Gazetteer,
    excluded: &[(usize, usize)],
    country_hints: &[&str],
    demonyms: &[[u8; 2]],
    areas: &[Area],
) -> Vec<PlaceMention> {
    let mut cands = candidates(text, gazetteer);
    cands.retain(|c| !excluded.iter().any(|&(s, e)| c.start < e && s < c.end));
    let fuzzy = fuzzy_candidates(text, gazetteer, &cands, excluded);
    if !fuzzy.is_empty() {
        cands.extend(fuzzy);
        cands.sort_by_key(|c| c.start);
    }
    let resolved = resolve(gazetteer, &cands, country_hints, demonyms, areas);
    let mut out: Vec<PlaceMention> = resolved
        .into_iter()
        .map(|(c, entry)| PlaceMention {
            start: c.start,
            end: c.end,
            entry,
            role: role_of(text, gazetteer, c, entry, &cands),
        })
        .collect();
    // A place listed right after a passing mention shares its role ("des déplacés sont arrivés
    // à Ménaka ville et à Inékar", "evacuated to Gao and Mopti").
    for k in 1..out.len() {
        let (prev, cur) = (&out[k - 1], &out[k]);
        if prev.role == PlaceRole::Mention
            && cur.role == PlaceRole::Event
            && prev.end <= cur.start
            && listed_after(&text[prev.end..cur.start])
        {
            out[k].role = PlaceRole::Mention;
        }
    }
    demote_located_route_ends(text, gazetteer, &mut out);
    let named: Vec<EntryId> = out.iter().map(|m| m.entry).collect();
    for m in capital_mentions(text, gazetteer, &named, &cands, demonyms) {
        if !out.iter().any(|o| o.start < m.end && m.start < o.end) {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The towns at the ends of a road: "l'axe Djibo-Ouagadougou", "la route reliant Djibo à
/// Kaya", "entre Boni et Hombori", "on the road between Gao and Ansongo". Indexes into `out` of
/// the two ends, in text order.
fn route_ends(text: &str, g: &Gazetteer, out: &[PlaceMention]) -> Vec<(usize, usize)> {
    let mut routes = Vec::new();
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let towns = [a.entry, b.entry]
            .iter()
            .all(|&id| g.entry(id).kind == PlaceKind::Locality);
        if !towns || a.end > b.start || a.entry == b.entry || b.start - a.end > 6 {
            continue;
        }
        let gap = text[a.end..b.start].trim();
        let before = words_before(text, a.start, 3);
        let road_word = |w: &String| ROAD_WORDS.contains(&w.as_str());
        let is_route = match gap {
            // "Djibo-Ouagadougou", "Gao – Ansongo": two towns joined by a dash name a road.
            "-" | "\u{2013}" | "\u{2014}" | "\u{2010}" | "\u{2011}" | "/" => true,
            // "reliant Djibo à Kaya", "entre Boni et Hombori", "de Gao à Ansongo" after a road.
            "à" | "a" | "et" | "and" | "to" => before.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "reliant"
                        | "relie"
                        | "reliait"
                        | "entre"
                        | "between"
                        | "linking"
                        | "connecting"
                ) || matches!(w.as_str(), "de" | "from") && before.get(1).is_some_and(road_word)
            }),
            _ => false,
        };
        if is_route {
            routes.push((k - 1, k));
        }
    }
    routes
}

/// Words for a road, before "de X à Y" / "from X to Y".
const ROAD_WORDS: &[&str] = &[
    "axe", "route", "troncon", "piste", "road", "highway", "track",
];

/// When a sentence that names a road also names a town that is not one of its ends ("sur la
/// route reliant Djibo à Kaya, près de Namsiguia"), that town locates the events: the ends of the
/// road are passing mentions, wherever the text names that road. Without such a town the ends
/// stay event places: the events are somewhere between them.
fn demote_located_route_ends(text: &str, g: &Gazetteer, out: &mut [PlaceMention]) {
    let routes = route_ends(text, g, out);
    if routes.is_empty() {
        return;
    }
    let same_sentence = |x: &PlaceMention, y: &PlaceMention| {
        let (from, to) = if x.start < y.start {
            (x.end.min(y.start), y.start)
        } else {
            (y.end.min(x.start), x.start)
        };
        !text[from..to].contains(['.', '!', '?', '\n'])
    };
    let located: Vec<[EntryId; 2]> = routes
        .iter()
        .filter(|&&(a, b)| {
            // A town of no road's ends (so not one of these mentions), an event place, along
            // this road and in its sentence.
            out.iter().any(|m| {
                m.role == PlaceRole::Event
                    && matches!(
                        g.entry(m.entry).kind,
                        PlaceKind::Locality | PlaceKind::District
                    )
                    && !routes
                        .iter()
                        .any(|&(x, y)| out[x].entry == m.entry || out[y].entry == m.entry)
                    && along(g, m.entry, out[a].entry, out[b].entry)
                    && same_sentence(m, &out[a])
            })
        })
        .map(|&(a, b)| pair(out[a].entry, out[b].entry))
        .collect();
    for &(a, b) in &routes {
        if located.contains(&pair(out[a].entry, out[b].entry)) {
            for k in [a, b] {
                if out[k].role == PlaceRole::Event {
                    out[k].role = PlaceRole::Mention;
                }
            }
        }
    }
}

/// How far off the straight line between its ends a place along a road may lie: roads wind, and
/// "near X" may be a few kilometres away.
const ROAD_DETOUR_KM: f64 = 60.0;

/// Whether `place` lies along the road from `a` to `b`: going through it is at most
/// [`ROAD_DETOUR_KM`] longer than the straight line. A name taken for a far-away namesake (or a
/// person's name taken for a village) locates nothing on that road.
fn along(g: &Gazetteer, place: EntryId, a: EntryId, b: EntryId) -> bool {
    let (p, a, b) = (g.entry(place), g.entry(a), g.entry(b));
    let d = |x: &crate::gazetteer::Entry, y: &crate::gazetteer::Entry| {
        distance_km(x.lat, x.lon, y.lat, y.lon)
    };
    d(p, a) + d(p, b) <= d(a, b) + ROAD_DETOUR_KM
}

/// An unordered pair of entries, as a key.
fn pair(a: EntryId, b: EntryId) -> [EntryId; 2] {
    if a <= b {
        [a, b]
    } else {
        [b, a]
    }
}

/// Whether the text between two names lists the second with the first: a conjunction, with
/// at most a repeated preposition or a word for the town ("Ménaka ville et à Inékar").
fn listed_after(gap: &str) -> bool {
    if gap.len() > 24 {
        return false;
    }
    let folded = sahel_text::fold(gap);
    let gap_words: Vec<&str> = words(&folded).collect();
    gap_words
        .iter()
        .any(|w| matches!(*w, "et" | "and" | "ou" | "or"))
        && gap_words.iter().all(|w| {
            matches!(
                *w,
                "et" | "and" | "ou" | "or" | "a" | "au" | "to" | "vers" | "ville" | "town" | "city"
            )
        })
}

/// "la capitale malienne", "the Nigerien capital", "Burkina Faso's capital", "la capitale du
/// Niger", and "the capital" in a text about a single country: that country's capital city.
fn capital_mentions(
    text: &str,
    g: &Gazetteer,
    named: &[EntryId],
    cands: &[Candidate],
    demonyms: &[[u8; 2]],
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut countries_named: Option<Vec<[u8; 2]>> = None;
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(start) = find_ascii_ci(bytes, from, b"capital") {
        let mut end = start + "capital".len();
        if bytes
            .get(end)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'e'))
        {
            end += 1;
        }
        from = end;
        let bounded = !text[..start].ends_with(|c: char| c.is_alphanumeric())
            && !text[end..].starts_with(|c: char| c.is_alphanumeric());
        if !bounded {
            continue;
        }
        // A named capital right after ("the capital Ouagadougou") is found by the gazetteer.
        if cands.iter().any(|c| c.start >= end && c.start <= end + 2) {
            continue;
        }
        // In apposition to a name ("Djibo, capital of the Soum province", "Kidal, the rebels'
        // capital"), the word describes that place, whichever it is: no other capital.
        if cands.iter().any(|c| {
            c.end <= start && start - c.end <= 8 && {
                let gap = sahel_text::fold(&text[c.end..start]);
                let gap = gap.trim();
                gap.starts_with(',')
                    && matches!(
                        gap[1..].trim(),
                        "" | "the" | "la" | "le" | "a" | "une" | "l'"
                    )
            }
        }) {
            continue;
        }
        let before = words_before(text, start, 3);
        let after = words_after(text, end, 3);
        let code = |w: &str| demonym_country(w).map(|c| [c.as_bytes()[0], c.as_bytes()[1]]);
        let country_before = cands
            .iter()
            .filter(|c| c.end <= start && start - c.end <= 3)
            .find_map(|c| {
                c.entries
                    .iter()
                    .find(|&&id| g.entry(id).kind == PlaceKind::Country)
                    .map(|&id| g.entry(id).country_code)
            });
        let country_after = (after.first().is_some_and(|w| w == "du" || w == "of"))
            .then(|| {
                cands
                    .iter()
                    .filter(|c| c.start >= end && c.start <= end + 8)
                    // "capital of Burkina Faso's Soum province", "capitale du Mali central":
                    // the capital of a part of the country.
                    .filter(|c| !names_a_part_of_it(text, c.end))
                    .find_map(|c| {
                        c.entries
                            .iter()
                            .find(|&&id| g.entry(id).kind == PlaceKind::Country)
                            .map(|&id| g.entry(id).country_code)
                    })
            })
            .flatten();
        let generic = before.first().is_some_and(|w| w == "the" || w == "la")
            && !before
                .get(1)
                .is_some_and(|w| matches!(w.as_str(), "regional" | "economic" | "economique"))
            && !after
                .first()
                .is_some_and(|w| matches!(w.as_str(), "regionale" | "economique" | "fund"));
        let country = after
            .first()
            .and_then(|w| code(w))
            .or_else(|| before.first().and_then(|w| code(w)))
            .or(country_before)
            .or(country_after)
            .or_else(|| {
                let countries_named = countries_named.get_or_insert_with(|| {
                    let mut v: Vec<[u8; 2]> =
                        named.iter().map(|&id| g.entry(id).country_code).collect();
                    v.extend_from_slice(demonyms);
                    v.sort_unstable();
                    v.dedup();
                    v
                });
                (generic && countries_named.len() == 1).then(|| countries_named[0])
            });
        let Some(country) = country else { continue };
        // Built-in entries come first: the search stops at the first GeoNames entry.
        let capital = g
            .entries()
            .take_while(|(_, e)| e.source == Source::Builtin)
            .find_map(|(id, e)| {
                (e.kind == PlaceKind::Locality && e.country_code == country && e.importance >= 5)
                    .then_some(id)
            });
        let Some(capital) = capital else { continue };
        let speech = before
            .iter()
            .any(|w| SPEECH_WORDS.contains(&w.as_str()) && !w.starts_with("capital"))
            || after
                .first()
                .is_some_and(|w| GOVERNMENT_VERBS.contains(&w.as_str()) && w != "a");
        out.push(PlaceMention {
            start,
            end,
            entry: capital,
            role: if speech {
                PlaceRole::Mention
            } else {
                PlaceRole::Event
            },
        });
    }
    out
}

/// The places of `text`, one per (entry, role), in order of first occurrence.
pub fn find_places(text: &str, gazetteer: &Gazetteer) -> Vec<ResolvedPlace> {
    let mut seen: Vec<(EntryId, PlaceRole)> = Vec::new();
    let mut out = Vec::new();
    for m in locate_places(text, gazetteer) {
        if seen.contains(&(m.entry, m.role)) {
            continue;
        }
        seen.push((m.entry, m.role));
        out.push(describe(gazetteer, m.entry, m.role));
    }
    out
}

/// The output form of an entry: official names up the chain. A pre-reform region with a single
/// successor is reported as that successor.
pub fn describe(g: &Gazetteer, id: EntryId, role: PlaceRole) -> ResolvedPlace {
    let e = g.entry(id);
    let region = e.region.map(|r| current_region(g, r));
    let (region_name, former) = match region {
        Some(r) => {
            let re = g.entry(r);
            (
                Some(re.name.to_string()),
                re.former_regions.first().map(|f| f.to_string()),
            )
        }
        None => (None, None),
    };
    ResolvedPlace {
        name: e.name.to_string(),
        locality: (e.kind == PlaceKind::Locality).then(|| e.name.to_string()),
        district: g.district_name(id).map(str::to_string),
        region: region_name,
        former_region: former,
        country: g.country_name(id).map(str::to_string),
        lat: e.lat.is_finite().then_some(e.lat),
        lon: e.lon.is_finite().then_some(e.lon),
        role,
    }
}

/// A former (pre-reform) region stands for its current successor: the only one, else the one whose
/// capital was the former region's (`former_seat`: Sahel → Liptako, Est → Goulmou), so region
/// facets are always current names.
pub(crate) fn current_region(g: &Gazetteer, region: EntryId) -> EntryId {
    let e = g.entry(region);
    if !e.detail.eq_ignore_ascii_case("former") {
        return region;
    }
    let key = name_key(&e.name);
    let successors: Vec<EntryId> = g
        .region_entries()
        .filter(|(_, s)| {
            s.country == e.country
                && !s.detail.eq_ignore_ascii_case("former")
                && s.former_regions.iter().any(|f| name_key(f) == key)
        })
        .map(|(id, _)| id)
        .collect();
    if let [only] = successors.as_slice() {
        return *only;
    }
    let seats: Vec<EntryId> = successors
        .iter()
        .copied()
        .filter(|&s| g.entry(s).former_seat)
        .collect();
    match seats.as_slice() {
        [seat] => *seat,
        _ => region,
    }
}

// ---------------------------------------------------------------------------------------------
// Context around a match

/// The words of a text (runs of letters and digits), as the rules below compare them once the
/// text is folded.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The folded words just before `start` in the same sentence (nearest last), at most `n`.
fn words_before(text: &str, start: usize, n: usize) -> Vec<String> {
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..start];
    let cut = window
        .rfind(['.', ';', '!', '?', '\n', ':', '(', ')', '"', '«', '»'])
        .map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let folded = sahel_text::fold(&window[cut..]);
    let mut before: Vec<String> = words(&folded).map(str::to_string).collect();
    if from > 0 && cut == 0 && !before.is_empty() {
        before.remove(0); // possibly cut in the middle
    }
    before.into_iter().rev().take(n).collect()
}

/// The folded words just after `end` (nearest first), at most `n`, stopping at sentence ends.
fn words_after(text: &str, end: usize, n: usize) -> Vec<String> {
    let mut to = (end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = &text[end..to];
    let cut = window
        .find(['.', ';', '!', '?', '\n', ':', ')', '('])
        .unwrap_or(window.len());
    words(&sahel_text::fold(&window[..cut]))
        .take(n)
        .map(str::to_string)
        .collect()
}

/// Whether a country name ending at `end` is followed by what narrows it to one of its parts:
/// a possessive ("Burkina Faso's Soum province", "Mali's north") or a direction ("du Mali
/// central", "of northern Mali" is read before the name).
fn names_a_part_of_it(text: &str, end: usize) -> bool {
    let tail = &text[end..];
    if tail.starts_with("'s") || tail.starts_with("’s") {
        return true;
    }
    words_after(text, end, 1).first().is_some_and(|w| {
        DIRECTION_WORDS.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "central" | "centre" | "septentrional" | "meridional"
            )
    })
}

/// The first non-space character before `start`.
fn char_before(text: &str, start: usize) -> Option<char> {
    text[..start].chars().rev().find(|c| !c.is_whitespace())
}

const LOCATIVE_CUES: &[&str] = &[
    "a",
    "au",
    "aux",
    "en",
    "dans",
    "vers",
    "entre",
    "pres",
    "proche",
    "sur",
    "axe",
    "de",
    "d",
    "du",
    "des",
    "depuis",
    "village",
    "localite",
    "ville",
    "commune",
    "secteur",
    "environs",
    "hameau",
    "campement",
    "site",
    "in",
    "at",
    "near",
    "around",
    "outside",
    "between",
    "towards",
    "toward",
    "of",
    "from",
    "to",
    "into",
    "on",
    "area",
    "areas",
    "town",
    "towns",
    "city",
    "villages",
    "localities",
    "locality",
    "hamlet",
    "hamlets",
    "camp",
    "axis",
    "road",
    "route",
    "highway",
    "localites",
    "hameaux",
    // Verbs whose object is a place ("Boko Haram attacked Lamana", "ont attaqué Dioura").
    "attacked",
    "raided",
    "entered",
    "stormed",
    "besieged",
    "overran",
    "captured",
    "occupied",
    "reached",
    "attaque",
    "attaquent",
    "attaquee",
    "occupe",
    "occupent",
    "overtakes",
    "overtook",
    "overtake",
    "took",
    "retook",
    "recaptured",
    "recapture",
    "seized",
    "shelled",
    "bombed",
    "targeted",
    "fled",
    "invaded",
    "infiltrated",
    "encircled",
    "surrounded",
    "evacuated",
    "abandoned",
    "attacks",
    "raid",
    "raids",
];
/// Communities whose name follows a village's in the names of villages shared or split between
/// them ("Naye Dogon", "Mbella Peulh", "Singa Mossi").
const COMMUNITY_WORDS: &[&str] = &[
    "dogon",
    "peul",
    "peulh",
    "peuls",
    "peulhs",
    "fulani",
    "fulbe",
    "foulbe",
    "bambara",
    "mossi",
    "bozo",
    "songhai",
    "sonrai",
    "touareg",
    "tuareg",
    "arabe",
    "arab",
    "rimaibe",
    "bella",
    "haoussa",
    "hausa",
    "djerma",
    "zarma",
    "gourmantche",
    "foulse",
    "samo",
];

/// Points of the compass ("north of Gao", "au nord de Gao", "North-East Kidal").
const DIRECTION_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "nord",
    "sud",
    "est",
    "ouest",
];
const CHAIN_WORDS: &[&str] = &["et", "ou", "and", "or"];
const REGION_WORDS: &[&str] = &["region", "regions", "regional"];
const DISTRICT_WORDS: &[&str] = &[
    "cercle",
    "cercles",
    "circle",
    "province",
    "provinces",
    "departement",
    "departements",
    "department",
    "prefecture",
    "district",
];
const SPEECH_WORDS: &[&str] = &[
    // bylines: "par notre correspondant à Mopti", "our correspondent in Bamako"
    "correspondant",
    "correspondante",
    "correspondent",
    "envoye",
    "envoyee",
    "indique",
    "declare",
    "annonce",
    "affirme",
    "precise",
    "souligne",
    "explique",
    "confie",
    "assure",
    "ajoute",
    "conference",
    "said",
    "told",
    "stated",
    "announced",
    "declared",
    "added",
    "briefing",
    "reuni",
    "reunis",
    "reunie",
    "reunies",
    "tenu",
    "tenue",
    "rencontre",
    "sommet",
    "summit",
    "meeting",
    "visite",
    "visit",
    "siege",
    "capitale",
    "capital",
    "porte",
    "parole",
];
const GOVERNMENT_WORDS: &[&str] = &[
    "autorites",
    "pouvoir",
    "junte",
    "gouvernement",
    "regime",
    "transition",
    "authorities",
    "government",
    "junta",
    "regime",
    "dirigeants",
    "leaders",
    "depuis",
    "ambassade",
    "embassy",
];
const GOVERNMENT_VERBS: &[&str] = &[
    "a",
    "ont",
    "accuse",
    "affirme",
    "denonce",
    "exige",
    "said",
    "says",
    "has",
    "have",
    "accused",
    "denounced",
    "demanded",
    "annonce",
    "rejette",
    "rejected",
];
const ALLIANCE_WORDS: &[&str] = &[
    "aes",
    "alliance",
    "confederation",
    "g5",
    "cedeao",
    "ecowas",
    "uemoa",
    "pays",
    "countries",
    "membres",
    "members",
    "etats",
    "states",
];
/// Officials named after the region, province or department they administer.
const OFFICIAL_WORDS: &[&str] = &[
    "gouverneur",
    "gouverneurs",
    "governor",
    "governors",
    "prefet",
    "prefets",
    "prefect",
    "commissaire",
    "commissioner",
];
/// Words that make a single-word region name ("Nord", "Est", "Sahel") too generic to stand alone.
const GENERIC_WORDS: &[&str] = &[
    "centre", "center", "central", "nord", "north", "northern", "sud", "south", "southern", "est",
    "east", "eastern", "ouest", "west", "western", "sahel", "cascades", "region", "plateau",
    "hauts", "haut", "bassins", "boucle",
];

fn contains_any(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// A match with its viable entries and context.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    /// The gazetteer slot of the name (`u32::MAX` for a fuzzy candidate).
    slot: u32,
    entries: Vec<EntryId>,
    region_cue: bool,
    district_cue: bool,
    locative_cue: bool,
    /// Entries that are only accepted because the name follows another place in a list
    /// ("Inata, Bamba et Koutougou"): kept only when a place does precede.
    chain_only: Vec<EntryId>,
    /// `words_before(text, start, 5)` and `words_after(text, end, 2)`.
    before: Vec<String>,
    after: Vec<String>,
    /// Found by [`Gazetteer::fuzzy_lookup`], not as written: resolved only to a single region,
    /// and gives no evidence for the other names.
    fuzzy: bool,
}

/// Nouns after a name that make it a place ("the Youga mine", "Kossodo University", "Tamkoutat
/// market"): a locative cue.
const FOLLOWING_PLACE_NOUNS: &[&str] = &[
    "village",
    "villages",
    "commune",
    "area",
    "areas",
    "town",
    "locality",
    "camp",
    "mine",
    "mines",
    "mining",
    "gold",
    "goldmine",
    "market",
    "site",
    "road",
    "axis",
    "airport",
    "aerodrome",
    "forest",
    "checkpoint",
    "bridge",
    "dam",
    "university",
    "universite",
    "lycee",
    "stade",
    "stadium",
    "prison",
    "school",
    "mosque",
    "church",
    "hospital",
    "prefecture",
    "garrison",
    "barracks",
    "base",
    "outpost",
    "crossroads",
    "junction",
    "well",
    "wells",
    "valley",
    "residents",
    "villagers",
    "inhabitants",
    "marche",
    "foret",
    "aeroport",
    "ecole",
    "mosquee",
    "hopital",
];

/// Nouns that follow a place name as part of a place designation ("Diffa Airport").
const PLACE_NOUNS: &[&str] = &[
    "region",
    "province",
    "commune",
    "cercle",
    "department",
    "departement",
    "village",
    "town",
    "city",
    "airport",
    "aeroport",
    "camp",
    "market",
    "marche",
    "mine",
    "forest",
    "foret",
    "park",
    "parc",
    "road",
    "axis",
    "axe",
    "river",
    "lake",
    "dam",
    "barrage",
    "district",
    "area",
    "zone",
    "prefecture",
    "hospital",
    "gold",
    "site",
    "border",
    "bridge",
    "pont",
    "checkpoint",
];

/// The word written just before `start` (separated by spaces only) and whether it opens its
/// sentence.
fn word_before(text: &str, start: usize) -> Option<(&str, bool)> {
    let head = &text[..start];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() {
        return None; // not separated by a space (punctuation, hyphen, start of text)
    }
    let from = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &trimmed[from..];
    if word.is_empty() {
        return None;
    }
    let before = trimmed[..from].trim_end();
    let opens =
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '"', '«', '(', '[']);
    Some((word, opens))
}

/// The word written just after `end` (separated by one space).
fn word_after(text: &str, end: usize) -> Option<&str> {
    let tail = text[end..].strip_prefix(' ')?;
    let to = tail
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .unwrap_or(tail.len());
    Some(&tail[..to]).filter(|w| !w.is_empty())
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is a place word: a locative cue, a place noun, a region or district word, a
/// list conjunction.
fn is_place_word(w: &str) -> bool {
    let f = sahel_text::fold(w);
    let direction = f
        .split('-')
        .all(|d| DIRECTION_WORDS.contains(&d) && !d.is_empty());
    direction
        || COMMUNITY_WORDS.contains(&f.as_str())
        || LOCATIVE_CUES.contains(&f.as_str())
        || PLACE_NOUNS.contains(&f.as_str())
        || FOLLOWING_PLACE_NOUNS.contains(&f.as_str())
        || REGION_WORDS.contains(&f.as_str())
        || DISTRICT_WORDS.contains(&f.as_str())
        || CHAIN_WORDS.contains(&f.as_str())
}

/// A name between capitalised words that are no place words is part of a person's or an
/// organisation's name ("Ibrahim Boubacar Keïta", "Sékou Bolly", "Norbert Zongo"): `(before,
/// after)`, whether the word written before, the word written after, is such a word.
fn proper_name_neighbours(text: &str, start: usize, end: usize) -> (bool, bool) {
    let before = word_before(text, start).is_some_and(|(w, opens)| {
        capitalised(w) && !opens && !is_place_word(w) && !is_month_or_day(w)
    });
    let after = word_after(text, end).is_some_and(|w| capitalised(w) && !is_place_word(w));
    (before, after)
}

/// When the name at `start` is in a bracket that follows a capitalised word and holds only
/// capitalised names separated by commas ("Tissalatene (Menaka, Gao)"), its position in the
/// bracket (0 for the first) and the number of names in it.
fn parent_bracket_position(text: &str, start: usize) -> Option<(usize, usize)> {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
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

/// Whether the capitalised word before `start` is itself after a locative cue or opens its
/// sentence ("the area of Dangol Bore", "Katiba Serma"): then it and the name are one place
/// name, not a person's.
fn after_place_cue_and_one_word(text: &str, start: usize) -> bool {
    let Some((word, opens)) = word_before(text, start) else {
        return false;
    };
    if opens || GROUP_WORDS.contains(&sahel_text::fold(word).as_str()) {
        return true;
    }
    let word_start = word.as_ptr() as usize - text.as_ptr() as usize;
    word_before(text, word_start).is_some_and(|(w, _)| {
        let f = sahel_text::fold(w);
        LOCATIVE_CUES.contains(&f.as_str()) || FOLLOWING_PLACE_NOUNS.contains(&f.as_str())
    })
}

/// Words before a place name in the name of an armed group that operates there ("Katiba
/// Serma").
const GROUP_WORDS: &[&str] = &["katiba"];

/// Whether the line around `at` is written in title case (a headline: "Gunmen Attack Army Post
/// In Boni"), where a capitalised word before a name says nothing about a person's name.
fn title_case_line(text: &str, at: usize) -> bool {
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
fn is_month_or_day(word: &str) -> bool {
    crate::calendar::is_month_or_weekday(&sahel_text::fold(word))
}

fn candidates(text: &str, g: &Gazetteer) -> Vec<Candidate> {
    let mut raw: Vec<Candidate> = Vec::new();
    let zones = zone_spans(text);
    for m in g.find_capitalised_names(text) {
        if zones.iter().any(|&(s, e)| m.start < e && s < m.end) {
            continue;
        }
        let surface = &text[m.start..m.end];
        if !surface.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // The five words before (role_of reads five, the cues here the nearest four).
        let before = words_before(text, m.start, 5);
        let after = words_after(text, m.end, 2);
        let prev = before.first().map(String::as_str).unwrap_or("");
        let next = after.first().map(String::as_str).unwrap_or("");
        // "Tissalatene (Menaka, Gao)", "Kerboule (Nassoumbou, Soum)": the names in brackets after
        // a name are its parent units, the broadest last.
        let parent = parent_bracket_position(text, m.start);
        // The nearest unit word wins: in "the Bandiagara circle of Mopti region" Mopti is the
        // region, in "région de Gao, cercle de Gao" the second Gao the cercle.
        // A unit word after punctuation ("Ténenkou, région de Mopti") is the weakest cue.
        let next_adjacent = text[m.end..].starts_with(' ');
        let cue_at = |list: &[&str]| {
            if list.contains(&next) && next_adjacent {
                Some(0)
            } else {
                before
                    .iter()
                    .take(3)
                    .position(|w| list.contains(&w.as_str()))
                    .map(|i| i + 1)
                    .or_else(|| list.contains(&next).then_some(4))
            }
        };
        let (region_at, district_at) = (cue_at(REGION_WORDS), cue_at(DISTRICT_WORDS));
        let nearer = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            (a, _) => a.is_some(),
        };
        // "les régions du Nord, du Centre-Nord et du Sahel", "the Sahel and Est regions": a
        // name listed with others after or before a plural unit word is such a unit.
        let listed = if region_at.is_none() && district_at.is_none() {
            listed_unit(text, m.start, m.end)
        } else {
            None
        };
        let region_cue = nearer(region_at, district_at)
            || parent.is_some_and(|(i, n)| i + 1 == n)
            || listed == Some(PlaceKind::Region);
        let district_cue = nearer(district_at, region_at)
            || parent.is_some_and(|(i, n)| i + 1 < n || n == 1)
            || listed == Some(PlaceKind::District);
        let chained = CHAIN_WORDS.contains(&prev)
            || matches!(char_before(text, m.start), Some(',' | '/' | '-' | '–'));
        // A name in brackets right after a name gives its other spelling or its parent units
        // ("the village of Koulpadre (Koulopagare)", "Siewali (Kombori, Kossi)").
        let bracketed = matches!(char_before(text, m.start), Some('(' | '[')) && {
            let open = text[..m.start].trim_end();
            let head = open[..open.len() - 1].trim_end();
            head.rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .next()
                .is_some_and(capitalised)
        };
        let locative_cue = LOCATIVE_CUES.contains(&prev)
            || before
                .get(1)
                .is_some_and(|w| w == "pres" || w == "near" || w == "loin")
            || FOLLOWING_PLACE_NOUNS.contains(&next)
            || matches!(next, "rural" | "urbaine" | "urban" | "rurale")
                && after.get(1).is_some_and(|w| w == "commune")
            || bracketed
            || region_cue
            || district_cue;
        let key_words: Vec<String> = words(&sahel_text::fold(surface))
            .map(str::to_string)
            .collect();
        let generic = key_words
            .iter()
            .all(|w| GENERIC_WORDS.contains(&w.as_str()));
        let river = next == "river"
            || next == "delta"
            || next == "state"
            || next == "basin"
            || matches!(
                prev,
                "fleuve" | "boucle" | "delta" | "bassin" | "lac" | "lake"
            );
        // "le bateau « Tombouctou »", "the \"Tombouctou\" boat": a boat named after a town.
        if names_a_vessel(text, m.start, m.end) {
            continue;
        }
        let (name_before, name_after) = proper_name_neighbours(text, m.start, m.end);
        let proper_name = name_before || name_after;
        // "Ibrahim Boubacar Keïta", "activist Ali Tera": even a name that needs no cue is part of
        // a person's name after a capitalised word, outside headlines.
        let person = name_before
            && !locative_cue
            && !chained
            && !after_place_cue_and_one_word(text, m.start)
            && !title_case_line(text, m.start);
        let compound = surface.contains([' ', '-', '\'']);
        // Three-letter GeoNames names ("Gan", "Sia", "Ibi") only as a village after a strong
        // cue, written as a name (not an acronym, not a month).
        let three_letters = key_words.len() == 1 && key_words[0].len() == 3;
        let short_ok = !three_letters
            || (FUZZY_CUES.contains(&prev) && prev != "a"
                || matches!(prev, "of" | "de" | "d")
                    && before
                        .get(1)
                        .is_some_and(|w| FUZZY_OF_HEADS.contains(&w.as_str())))
                && surface.chars().nth(1).is_some_and(char::is_lowercase)
                && !text[m.end..].starts_with(['-', '\''])
                && !is_month_or_day(surface);
        let mut chain_only: Vec<EntryId> = Vec::new();
        let entries: Vec<EntryId> = g
            .slot_entries(m.slot)
            .iter()
            .copied()
            .filter(|&id| {
                let e = g.entry(id);
                if person && e.kind != PlaceKind::Country {
                    return false;
                }
                match e.kind {
                    PlaceKind::Country => !river,
                    PlaceKind::Region | PlaceKind::District => {
                        if generic {
                            let all_capitalised = surface
                                .split([' ', '-'])
                                .filter(|w| w.len() > 2)
                                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                            if key_words.len() == 1 {
                                region_cue
                            } else {
                                all_capitalised
                            }
                        } else {
                            !river
                        }
                    }
                    PlaceKind::Locality => {
                        // The common-word flag is about the short spelling ("Bobo", "Fada"): a
                        // compound spelling ("Bobo-Dioulasso", "Fada N'Gourma") is unambiguous.
                        let common = e.common_word && !compound;
                        if e.source == Source::GeoNames && !short_ok {
                            false
                        } else if common || e.source == Source::GeoNames {
                            if proper_name {
                                false
                            } else if locative_cue {
                                true
                            } else if chained {
                                chain_only.push(id);
                                true
                            } else {
                                false
                            }
                        } else {
                            true
                        }
                    }
                }
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        // Natural features and sites only stand for a name no place has.
        let mut entries = entries;
        if entries.iter().any(|&id| !g.entry(id).is_minor()) {
            entries.retain(|&id| !g.entry(id).is_minor());
            chain_only.retain(|id| entries.contains(id));
        }
        raw.push(Candidate {
            start: m.start,
            end: m.end,
            slot: m.slot,
            entries,
            region_cue,
            district_cue,
            locative_cue,
            chain_only,
            before,
            after,
            fuzzy: false,
        });
    }
    // Non-overlapping, longest first.
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
    // Entries accepted only as members of a list need a place before them in that list.
    let mut out: Vec<Candidate> = Vec::with_capacity(kept.len());
    for mut c in kept {
        if !c.chain_only.is_empty() {
            let follows_place = out.last().is_some_and(|p| {
                p.end <= c.start && c.start - p.end <= 8 && {
                    let gap = sahel_text::fold(&text[p.end..c.start]);
                    gap.split(|ch: char| !ch.is_alphanumeric())
                        .all(|w| w.is_empty() || CHAIN_WORDS.contains(&w))
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

/// Plural unit words that head a list of units.
const PLURAL_UNIT_WORDS: &[(&str, PlaceKind)] = &[
    ("regions", PlaceKind::Region),
    ("provinces", PlaceKind::District),
    ("cercles", PlaceKind::District),
    ("circles", PlaceKind::District),
    ("departements", PlaceKind::District),
    ("departments", PlaceKind::District),
];

/// Words that may stand between the names of a list.
const LIST_WORDS: &[&str] = &[
    "du", "de", "des", "la", "le", "l", "d", "of", "the", "et", "and", "ou", "or",
];

/// When the name at `start..end` is listed with other capitalised names after a plural unit
/// word ("les régions du Nord, du Centre-Nord et du Sahel") or before one ("the Sahel and Est
/// regions"), in the same sentence: the kind of unit.
fn listed_unit(text: &str, start: usize, end: usize) -> Option<PlaceKind> {
    const REACH: usize = 100;
    let is_word = |ch: char| ch.is_alphanumeric() || ch == '-';
    let read = |tokens: &mut dyn Iterator<Item = &str>| -> Option<PlaceKind> {
        let mut names = 0;
        for t in tokens {
            if t.starts_with(char::is_uppercase) {
                names += 1;
                continue;
            }
            let f = sahel_text::fold(t);
            if let Some(&(_, kind)) = PLURAL_UNIT_WORDS.iter().find(|(w, _)| *w == f) {
                return (names > 0).then_some(kind);
            }
            if !LIST_WORDS.contains(&f.as_str()) {
                return None;
            }
        }
        None
    };
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let head = &text[from..start];
    let head = head
        .rfind(['.', ';', '!', '?', '\n', ':', '(', ')', '"', '«', '»'])
        .map_or(head, |i| {
            &head[i + head[i..].chars().next().map_or(1, char::len_utf8)..]
        });
    let mut before = head
        .split(|ch: char| !is_word(ch))
        .filter(|w| !w.is_empty())
        .rev();
    if let Some(kind) = read(&mut before) {
        return Some(kind);
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let tail = &text[end..to];
    let tail = tail
        .find(['.', ';', '!', '?', '\n', ':', '(', ')', '"', '«', '»'])
        .map_or(tail, |i| &tail[..i]);
    let mut after = tail
        .split(|ch: char| !is_word(ch))
        .filter(|w| !w.is_empty());
    read(&mut after)
}

/// Zones across borders named after places in one country: the Liptako-Gourma (the tri-border
/// area of Mali, Burkina Faso and Niger, and the authority named after it) is neither Burkina
/// Faso's Liptako region nor its Gourma province. (First part, joiners, second part.)
const CROSS_BORDER_ZONES: &[(&str, &str)] = &[("liptako", "gourma")];

/// Byte spans of the cross-border zone names of `text` ("Liptako-Gourma", "Liptako Gourma").
fn zone_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (first, second) in CROSS_BORDER_ZONES {
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

/// Boats, ships and ferries, which the Niger river companies name after towns ("Tombouctou",
/// "Kankou Moussa").
const VESSEL_WORDS: &[&str] = &[
    "bateau",
    "bateaux",
    "navire",
    "pinasse",
    "baleiniere",
    "ferry",
    "boat",
    "vessel",
    "ship",
    "steamer",
    "barge",
];

/// Whether the name at `start..end` is the name of a boat: right after a word for a boat
/// ("le bateau Tombouctou", "le navire « Kankou Moussa »"), or in quotation marks right before
/// one ("the \"Tombouctou\" boat").
fn names_a_vessel(text: &str, start: usize, end: usize) -> bool {
    const QUOTES: &[char] = &['"', '\'', '«', '»', '“', '”', ' '];
    let head = text[..start].trim_end_matches(QUOTES);
    let quoted_before = head.len() < text[..start].trim_end_matches(' ').len();
    let prev = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !prev.is_empty() && folds_into(prev, VESSEL_WORDS) {
        return true;
    }
    let tail = text[end..].trim_start_matches(QUOTES);
    let quoted_after = tail.len() < text[end..].trim_start_matches(' ').len();
    let next = tail
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    quoted_before && quoted_after && !next.is_empty() && folds_into(next, VESSEL_WORDS)
}

/// Whether a short word folds to one of `list` (no allocation for an ASCII word).
fn folds_into(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&sahel_text::fold(word).as_str())
    }
}

/// Words after which a capitalised name the gazetteer lacks is looked up fuzzily ("in Toukoroboa",
/// "près de Bougi").
const FUZZY_CUES: &[&str] = &[
    "in", "at", "near", "around", "outside", "toward", "towards", "a", "au", "pres", "vers",
    "entre", "between", "village", "villages", "hamlet", "hamlets", "hameau", "localite",
    "locality", "town", "commune", "camp",
];
/// Nouns before "of", "de", "d'" that make the name after it a place ("the village of Djimdo").
const FUZZY_OF_HEADS: &[&str] = &[
    "village",
    "villages",
    "hamlet",
    "hamlets",
    "hameau",
    "hameaux",
    "localite",
    "localites",
    "locality",
    "town",
    "commune",
    "area",
    "vicinity",
    "outskirts",
    "environs",
    "secteur",
    "site",
    "cercle",
    "province",
    "department",
    "departement",
    "region",
    "axis",
    "axe",
    "road",
    "route",
];

/// Capitalised names after a strong place cue that no candidate covers, looked up fuzzily
/// ([`Gazetteer::fuzzy_lookup`]): the whole run of capitalised words (at most three), else its
/// first word. Only names whose entries lie in a single region are kept (resolution narrows
/// them to the text's countries first).
fn fuzzy_candidates(
    text: &str,
    g: &Gazetteer,
    cands: &[Candidate],
    excluded: &[(usize, usize)],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let covered = |s: usize, e: usize| {
        cands.iter().any(|c| c.start < e && s < c.end)
            || excluded.iter().any(|&(a, b)| a < e && s < b)
    };
    // Capitalised words right after a space: read bytewise, ASCII without Unicode tables.
    let mut start = 0;
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
        if !upper || at == 0 || bytes[at - 1] != b' ' || covered(at, at + 1) {
            continue;
        }
        let start = at;
        let Some((raw_cue, _)) = word_before(text, start) else {
            continue;
        };
        if raw_cue.len() > 12 {
            continue;
        }
        let cue_start = raw_cue.as_ptr() as usize - text.as_ptr() as usize;
        // "a" is French "à", not the English article.
        let cued = raw_cue != "a" && folds_into(raw_cue, FUZZY_CUES)
            || folds_into(raw_cue, &["of", "de", "d", "du"])
                && word_before(text, cue_start)
                    .is_some_and(|(w, _)| w.len() <= 12 && folds_into(w, FUZZY_OF_HEADS));
        if !cued {
            continue;
        }
        // The run of capitalised words from here (joined by one space or a hyphen).
        let mut ends: Vec<usize> = Vec::new();
        let mut at = start;
        while ends.len() < 3 {
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
        let first_end = ends[0];
        let whole_end = *ends.last().unwrap_or(&first_end);
        if is_month_or_day(&text[start..first_end]) {
            continue;
        }
        let end = whole_end;
        // A name the gazetteer holds as written was rejected for a reason (part of a person's
        // name...).
        if covered(start, end) {
            continue;
        }
        let key = name_key(&text[start..end]);
        if key.len() < crate::gazetteer::fuzzy::SKELETON_MIN_LEN || !g.lookup_key(&key).is_empty() {
            continue;
        }
        let (entries, _) = g.fuzzy_lookup_key(&key);
        let entries: Vec<EntryId> = entries
            .into_iter()
            .filter(|&id| g.entry(id).kind == PlaceKind::Locality)
            .collect();
        if entries.is_empty() {
            continue;
        }
        out.push(Candidate {
            start,
            end,
            slot: u32::MAX,
            entries,
            region_cue: false,
            district_cue: false,
            locative_cue: true,
            chain_only: Vec::new(),
            before: words_before(text, start, 5),
            after: words_after(text, end, 2),
            fuzzy: true,
        });
    }
    out
}

/// The first occurrence of `needle` (lowercase ASCII) in `hay` at or after `from`, ignoring ASCII
/// case.
fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (first, rest) = needle.split_first()?;
    let upper = first.to_ascii_uppercase();
    let last = hay.len().checked_sub(needle.len())?;
    let mut i = from;
    while i <= last {
        let rel = hay[i..=last]
            .iter()
            .position(|&b| b == *first || b == upper)?;
        i += rel;
        if hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The countries of the demonyms ("malien", "burkinabe") of a folded text (its words: the runs of
/// letters and digits), one per occurrence, in order.
pub(crate) fn demonym_codes(folded: &str) -> Vec<[u8; 2]> {
    let mut out = Vec::new();
    // Every demonym contains one of these: without any, there is none.
    static STEMS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        aho_corasick::AhoCorasick::new(["mali", "burkina", "niger", "mauritan", "alger", "chad"])
            .ok()
    });
    if stems.as_ref().is_some_and(|ac| !ac.is_match(folded)) {
        return out;
    }
    let mut check = |word: &str| {
        if let Some(code) = demonym_country(word) {
            let b = code.as_bytes();
            out.push([b[0], b[1]]);
        }
    };
    let bytes = folded.as_bytes();
    let (mut i, mut start) = (0, 0);
    while i < bytes.len() {
        let (alnum, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            folded[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
        };
        if !alnum {
            if i > start {
                check(&folded[start..i]);
            }
            start = i + len;
        }
        i += len;
    }
    if start < bytes.len() {
        check(&folded[start..]);
    }
    out
}

/// Country demonyms: evidence for a country without naming a place.
pub(crate) fn demonym_country(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches('s');
    // Every demonym below has 6 to 13 letters.
    if !(6..=13).contains(&w.len()) {
        return None;
    }
    match w {
        "malien" | "malienne" | "malian" => Some("ML"),
        "burkinabe" | "burkinais" | "burkinaise" => Some("BF"),
        "nigerien" | "nigerienne" => Some("NE"),
        "nigerian" | "nigeriane" => Some("NG"),
        "mauritanien" | "mauritanienne" | "mauritanian" => Some("MR"),
        "algerien" | "algerienne" | "algerian" => Some("DZ"),
        "tchadien" | "tchadienne" | "chadian" => Some("TD"),
        _ => None,
    }
}

#[derive(Default)]
struct Evidence {
    regions: HashMap<EntryId, u32>,
    districts: HashMap<EntryId, u32>,
    countries: HashMap<[u8; 2], u32>,
    points: Vec<(f64, f64)>,
    /// The localities of names with homonyms in several regions: (candidate, lat, lon).
    homonym_points: Vec<(usize, f64, f64)>,
    /// Home areas of the communities and groups the text names ("the Dogon village of Kassa").
    areas: Vec<Area>,
}

fn resolve<'c>(
    g: &Gazetteer,
    cands: &'c [Candidate],
    country_hints: &[&str],
    demonyms: &[[u8; 2]],
    areas: &[Area],
) -> Vec<(&'c Candidate, EntryId)> {
    let mut ev = Evidence {
        areas: areas.to_vec(),
        ..Evidence::default()
    };
    for code in country_hints {
        if let [a, b] = code.as_bytes() {
            *ev.countries.entry([*a, *b]).or_default() += 1;
        }
    }
    for &code in demonyms {
        *ev.countries.entry(code).or_default() += 1;
    }
    let unambiguous = |c: &Candidate| {
        let first = g.entry(c.entries[0]);
        c.entries.iter().all(|&id| {
            let e = g.entry(id);
            e.region == first.region && e.country == first.country
        })
    };
    for (i, c) in cands.iter().enumerate() {
        if c.fuzzy {
            continue;
        }
        if !unambiguous(c) {
            // Homonyms in several regions: their points count for the other names' homonyms
            // ("Soye and Omo": the Soye near an Omo); one country for all counts as that country.
            for &id in &c.entries {
                let e = g.entry(id);
                if e.kind == PlaceKind::Locality {
                    ev.homonym_points.push((i, e.lat, e.lon));
                }
            }
            let code = g.entry(c.entries[0]).country_code;
            if c.entries.iter().all(|&id| g.entry(id).country_code == code) {
                *ev.countries.entry(code).or_default() += 1;
            }
            continue;
        }
        let e = g.entry(c.entries[0]);
        // "near the border with Mali": the place is on the other side.
        if e.kind == PlaceKind::Country && names_a_border(c) {
            continue;
        }
        if let Some(r) = e.region {
            *ev.regions.entry(r).or_default() += 1;
        }
        if let Some(d) = e.district {
            *ev.districts.entry(d).or_default() += 1;
        }
        *ev.countries.entry(e.country_code).or_default() += 1;
        if e.kind == PlaceKind::Locality {
            ev.points.push((e.lat, e.lon));
        }
    }
    cands
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let entries: Vec<EntryId> = if c.fuzzy {
                fuzzy_entries(g, &c.entries, &ev)?
            } else {
                c.entries.clone()
            };
            let mut scored: Vec<(f64, EntryId)> = entries
                .iter()
                .map(|&id| (score(g, c, i, id, &ev), id))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let (best_score, best) = scored[0];
            // Homonymous GeoNames villages in different regions with nothing in the text to
            // tell them apart: no guess, unless they are neighbours (the same area either way).
            let b = g.entry(best);
            let tied = scored.iter().skip(1).any(|&(s, id)| {
                let o = g.entry(id);
                best_score - s < 0.5
                    && o.region != b.region
                    && o.source == Source::GeoNames
                    && b.source == Source::GeoNames
                    && distance_km(o.lat, o.lon, b.lat, b.lon) > NEIGHBOURS_KM
            });
            (!tied).then_some((c, best))
        })
        .collect()
}

/// The entries of a fuzzy candidate worth resolving to: those in the countries the text points
/// to (all when it points to none), when they lie in a single region.
fn fuzzy_entries(g: &Gazetteer, entries: &[EntryId], ev: &Evidence) -> Option<Vec<EntryId>> {
    let best = ev.countries.values().copied().max().unwrap_or(0);
    let kept: Vec<EntryId> = entries
        .iter()
        .copied()
        .filter(|&id| best == 0 || ev.countries.get(&g.entry(id).country_code) == Some(&best))
        .collect();
    let first = g.entry(*kept.first()?);
    kept.iter()
        .all(|&id| g.entry(id).region == first.region)
        .then_some(kept)
}

/// Whether a country name is said as the other side of a border ("near the border with Mali",
/// "à la frontière avec le Niger", "the Mali-Niger border").
fn names_a_border(c: &Candidate) -> bool {
    let border = |w: &String| {
        matches!(
            w.as_str(),
            "border" | "borders" | "frontiere" | "frontieres"
        )
    };
    let b = &c.before;
    b.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "with" | "of" | "avec" | "de" | "du" | "le" | "la"
        )
    }) && b.iter().skip(1).take(2).any(border)
        || c.after.iter().take(2).any(border)
}

/// What may stand between two items of a list of countries: punctuation and the words of an
/// enumeration ("Mali, Burkina Faso et Niger", "entre le Niger, le Mali et le Burkina Faso",
/// "de Mauritanie, d'Algérie", "Mali and the Niger").
fn is_list_glue(folded_gap: &str) -> bool {
    words(folded_gap).all(|w| {
        matches!(
            w,
            "et" | "and"
                | "ou"
                | "or"
                | "le"
                | "la"
                | "les"
                | "l"
                | "d"
                | "de"
                | "du"
                | "des"
                | "the"
        )
    }) && folded_gap
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '/' | '-' | '\''))
}

/// Homonyms closer than this are one area for the region facet.
const NEIGHBOURS_KM: f64 = 50.0;

fn score(g: &Gazetteer, c: &Candidate, index: usize, id: EntryId, ev: &Evidence) -> f64 {
    let e = g.entry(id);
    let mut s = 0.0;
    match e.kind {
        PlaceKind::Region if c.region_cue => s += 6.0,
        PlaceKind::District if c.district_cue => s += 6.0,
        PlaceKind::Locality if !c.region_cue && !c.district_cue => s += 1.5,
        PlaceKind::Country => s += 1.0,
        _ => {}
    }
    if e.source == Source::Builtin && !g.is_borrowed_spelling(id, c.slot) {
        s += 2.0;
    }
    s += f64::from(e.importance) * 0.4;
    // The other places of the text in this region or district count for a place in it, and for
    // the region or district itself when the text calls it one ("Dioura, cercle de Ténenkou,
    // région de Mopti": the region, not the town of Mopti).
    let own = |unit: Option<EntryId>, kind: PlaceKind, cue: bool| {
        if e.kind == kind {
            cue.then_some(id)
        } else {
            unit
        }
    };
    if let Some(r) = own(e.region, PlaceKind::Region, c.region_cue) {
        s += 3.0 * f64::from((*ev.regions.get(&r).unwrap_or(&0)).min(2));
    }
    if let Some(d) = own(e.district, PlaceKind::District, c.district_cue) {
        s += 3.0 * f64::from((*ev.districts.get(&d).unwrap_or(&0)).min(2));
    }
    s += 2.5 * f64::from((*ev.countries.get(&e.country_code).unwrap_or(&0)).min(3));
    let named_unit = match e.kind {
        PlaceKind::Region => c.region_cue,
        PlaceKind::District => c.district_cue,
        _ => false,
    };
    if (e.kind == PlaceKind::Locality || named_unit)
        && ev.points.iter().any(|&(lat, lon)| {
            (lat, lon) != (e.lat, e.lon) && distance_km(lat, lon, e.lat, e.lon) < 60.0
        })
    {
        s += 2.5;
    }
    if e.kind == PlaceKind::Locality
        && ev.homonym_points.iter().any(|&(other, lat, lon)| {
            other != index && distance_km(lat, lon, e.lat, e.lon) < HOMONYM_NEIGHBOURS_KM
        })
    {
        s += 1.5;
    }
    // Inside the home area of a community or group the text names: as likely as a place near
    // another place of the text.
    if e.kind == PlaceKind::Locality && ev.areas.iter().any(|a| a.contains(e.lat, e.lon)) {
        s += 2.5;
    }
    // A GeoNames place named by one of its alternate names is less likely meant than a
    // homonym named by its own name.
    if e.source == Source::GeoNames
        && c.slot != u32::MAX
        && c.entries.len() > 1
        && !g.is_main_name(id, c.slot)
    {
        s -= 0.5;
    }
    let _ = c.locative_cue;
    s
}

/// Homonyms of two names of a text closer than this are taken to be the places meant.
const HOMONYM_NEIGHBOURS_KM: f64 = 40.0;

// ---------------------------------------------------------------------------------------------
// Roles

fn role_of(text: &str, g: &Gazetteer, c: &Candidate, id: EntryId, all: &[Candidate]) -> PlaceRole {
    if is_dateline(text, c.start, c.end) {
        return PlaceRole::Dateline;
    }
    let e = g.entry(id);
    let before = &c.before;
    let after = &c.after;
    // "evacuated to Gao", "headed south to Bamako", "returning from Bamako": where people went
    // or came from, not where things happened.
    if is_destination_or_origin(before) {
        return PlaceRole::Mention;
    }
    if before.len() == 5
        && before.iter().any(|w| FACILITY_WORDS.contains(&w.as_str()))
        && is_destination_or_origin(&words_before(text, c.start, FACILITY_WINDOW))
    {
        return PlaceRole::Mention;
    }
    // "Kati, à 15 km de Bamako", "the village of Inata, 30 km north of Djibo": the town a
    // distance is measured from locates the place named before it in the sentence.
    if is_distance_reference(before) && follows_a_place(text, g, c, all) {
        return PlaceRole::Mention;
    }
    // "in the capital of Bamako", "dans la capitale Bamako": where things happen.
    let in_the_capital = before
        .iter()
        .position(|w| w == "capital" || w == "capitale")
        .is_some_and(|i| {
            i <= 1
                && before[i + 1..before.len().min(i + 3)].iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "at" | "a" | "dans" | "of" | "de" | "into" | "across" | "around"
                    )
                })
        });
    if !in_the_capital && contains_any(&before[..before.len().min(4)], SPEECH_WORDS) {
        return PlaceRole::Mention;
    }
    let is_capital = e.kind == PlaceKind::Locality && e.importance >= 5;
    if is_capital {
        let prev2 = &before[..before.len().min(2)];
        if contains_any(prev2, GOVERNMENT_WORDS)
            || after
                .first()
                .is_some_and(|w| GOVERNMENT_VERBS.contains(&w.as_str()))
                && !before
                    .first()
                    .is_some_and(|w| w == "a" || w == "in" || w == "at")
        {
            return PlaceRole::Mention;
        }
    }
    // "le gouverneur de la région du Goulmou", "the governor of Mopti region": a title.
    if (matches!(e.kind, PlaceKind::Region | PlaceKind::District) || c.region_cue || c.district_cue)
        && (contains_any(before, OFFICIAL_WORDS)
            || before.len() == 5 && contains_any(&words_before(text, c.start, 7), OFFICIAL_WORDS))
    {
        return PlaceRole::Mention;
    }
    if e.kind == PlaceKind::Country {
        if contains_any(before, ALLIANCE_WORDS) || names_a_border(c) {
            return PlaceRole::Mention;
        }
        // Countries listed together ("Mali, Burkina, Niger") are members, not event places.
        let listed = all.iter().any(|o| {
            o.start != c.start
                && o.entries
                    .iter()
                    .any(|&x| g.entry(x).kind == PlaceKind::Country)
                && {
                    let (a, b) = if o.start < c.start {
                        (o.end, c.start)
                    } else {
                        (c.end, o.start)
                    };
                    b >= a && b - a <= 12 && is_list_glue(&sahel_text::fold(&text[a..b]))
                }
        });
        if listed {
            return PlaceRole::Mention;
        }
        if text[..c.start].trim_end().ends_with('(') {
            return PlaceRole::Mention;
        }
    }
    PlaceRole::Event
}

/// Words of distance ("à 15 km de", "à une trentaine de kilomètres au nord de", "30 miles from").
const DISTANCE_WORDS: &[&str] = &[
    "km",
    "kms",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
];

/// Whether the words before a name (nearest first) measure a distance from it: "de"/"of"/"from"
/// after a word of distance, with at most a direction between ("15 km au nord-est de",
/// "20 kilometres north of", "30 km from").
fn is_distance_reference(before: &[String]) -> bool {
    if !before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "of" | "from"))
    {
        return false;
    }
    for w in before.iter().skip(1).take(4) {
        if DISTANCE_WORDS.contains(&w.as_str()) {
            return true;
        }
        if !(DIRECTION_WORDS.contains(&w.as_str()) || matches!(w.as_str(), "au" | "a" | "l")) {
            return false;
        }
    }
    false
}

/// Whether another place (not a country) is named shortly before `c` in the same sentence
/// ("Kati, à 15 km de …", "à Dioura, à 40 km de …").
fn follows_a_place(text: &str, g: &Gazetteer, c: &Candidate, all: &[Candidate]) -> bool {
    all.iter().any(|o| {
        o.end <= c.start
            && c.start - o.end <= 60
            && !text[o.end..c.start].contains(['.', ';', '\n', '!', '?'])
            && o.entries
                .iter()
                .any(|&id| g.entry(id).kind != PlaceKind::Country)
            && !is_distance_reference(&o.before)
    })
}

/// Words saying where people or goods come from, before "de" and the place.
const ORIGIN_WORDS: &[&str] = &[
    "venant",
    "venus",
    "venues",
    "venu",
    "venue",
    "provenance",
    "originaire",
    "originaires",
    "partis",
    "parti",
    "partie",
    "parties",
];

/// Words of going somewhere or coming from somewhere.
const MOVEMENT_WORDS: &[&str] = &[
    "headed",
    "heading",
    "head",
    "route",
    "way",
    "evacuated",
    "evacuation",
    "transferred",
    "taken",
    "brought",
    "returning",
    "returned",
    "travelling",
    "traveling",
    "going",
    "bound",
    "fled",
    "fleeing",
    "coming",
    "came",
    "arriving",
    "moving",
    "evacue",
    "evacues",
    "transfere",
    "transferes",
    "conduit",
    "conduits",
    "achemine",
    "direction",
    "provenance",
    "venant",
    "venus",
    "revenant",
    "rendre",
    "rendait",
    "rendaient",
    "rendant",
    "rendu",
    "rendus",
    "arrive",
    "arrives",
    "arrivee",
    "arrivees",
    "arrived",
    "displaced",
    "displacement",
    "displacements",
    "deplaces",
    "deplacement",
    "deplacements",
    "refugies",
    "fui",
    "fuyant",
];

/// Whether the words before a name (nearest first) make it where people went or came from:
/// "to"/"towards"/"vers" or "from"/"de" shortly after a word of movement ("taken to a hospital in
/// Gao", "en route to Sévaré", "returning to the village from Bamako").
fn is_destination_or_origin(before: &[String]) -> bool {
    let words = &before[..before.len().min(FACILITY_WINDOW)];
    // Past five words only through the name of a facility ("évacués vers le centre hospitalier
    // régional de Kaya", "taken to the regional hospital of Gao").
    let words = match words
        .iter()
        .take(5)
        .position(|w| FACILITY_WORDS.contains(&w.as_str()))
    {
        Some(_) => words,
        None => &words[..words.len().min(5)],
    };
    let moving = |from: usize| {
        words[from..words.len().min(from + 3)]
            .iter()
            .any(|w| MOVEMENT_WORDS.contains(&w.as_str()))
    };
    if words.first().is_some_and(|w| w == "from") && moving(1) {
        return true;
    }
    // "des véhicules venant de Mauritanie", "en provenance de Gao", "originaires du Niger".
    if words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "des"))
        && words
            .get(1)
            .is_some_and(|w| ORIGIN_WORDS.contains(&w.as_str()))
    {
        return true;
    }
    // "évacués sur Sévaré", "arrivés à Ménaka": "à" and "sur" only right before the name and
    // right after the word of movement ("arrivés à moto, ils ont attaqué Ménaka" is no arrival).
    if words.first().is_some_and(|w| w == "a" || w == "sur")
        && words
            .get(1)
            .is_some_and(|w| MOVEMENT_WORDS.contains(&w.as_str()))
    {
        return true;
    }
    words
        .iter()
        .position(|w| matches!(w.as_str(), "to" | "towards" | "toward" | "vers"))
        .is_some_and(|i| moving(i + 1))
}

/// How many words before a name [`is_destination_or_origin`] reads when a facility is named.
pub(crate) const FACILITY_WINDOW: usize = 8;

/// Facilities people are taken to, named after their town.
const FACILITY_WORDS: &[&str] = &[
    "hopital",
    "hospital",
    "hospitalier",
    "chu",
    "chr",
    "csref",
    "cscom",
    "clinique",
    "clinic",
    "infirmerie",
    "camp",
    "centre",
    "center",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_are_folded_and_stop_at_sentences() {
        let t = "Fin. Près de la région de Ségou, hier";
        let s = t.find("Ségou").unwrap();
        assert_eq!(words_before(t, s, 3), vec!["de", "region", "la"]);
        assert_eq!(words_after(t, s + "Ségou".len(), 2), vec!["hier"]);
    }
}
