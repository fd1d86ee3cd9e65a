//! Resolution: each candidate to one entry, by scoring its entries against the evidence the rest
//! of the text gives (the regions, districts and countries of its unambiguous names, their
//! coordinates, demonyms, actors' countries, home areas of the communities it names). Homonyms in
//! different regions: the one whose region, district, country or neighbours the text also names;
//! "région de Gao" is the region, "à Gao" the town.
//!
//! The weights are points of evidence. What they encode, strongest first: the text calling a name
//! a region or district settles what it is; then the places around it (same unit, same country,
//! nearby) tell homonyms apart; the built-in gazetteer's entries and important places win what
//! is left, GeoNames villages named by an alternate name lose it.

use std::collections::HashMap;

use super::candidates::Candidate;
use super::context::{window_start, words_before};
use super::cues::cues;
use crate::gazetteer::{distance_km, Area, EntryId, Gazetteer, PlaceKind, Source};

/// A region or district the text calls one ("région de Mopti", "cercle de Ténenkou"): more than
/// any amount of other evidence for a town of that name can give.
const CALLED_A_UNIT: f64 = 6.0;
/// A locality where the text calls the name no unit ("à Gao"): towns are what a bare name
/// usually means.
const LOCALITY_NOT_CALLED_A_UNIT: f64 = 1.5;
/// A country: a country name is rarely anything else.
const COUNTRY: f64 = 1.0;
/// An entry of the built-in gazetteer (checked spellings) named by its own spelling, over a
/// GeoNames homonym.
const BUILTIN_ENTRY: f64 = 2.0;
/// Per point of importance (a coarse prominence: capitals and administrative seats rank higher):
/// the better-known place is more often meant.
const PER_IMPORTANCE: f64 = 0.4;
/// Per other place of the text in the same region or district, for the first
/// [`MAX_SAME_UNIT_PLACES`]: reports name places near each other.
const PER_PLACE_IN_SAME_UNIT: f64 = 3.0;
const MAX_SAME_UNIT_PLACES: u32 = 2;
/// Per mention of the same country (its places, demonyms, its actors), for the first
/// [`MAX_SAME_COUNTRY_MENTIONS`].
const PER_SAME_COUNTRY_MENTION: f64 = 2.5;
const MAX_SAME_COUNTRY_MENTIONS: u32 = 3;
/// Another unambiguous place of the text within [`NEAR_KM`].
const NEAR_ANOTHER_PLACE: f64 = 2.5;
/// How close another place must be to count as near.
const NEAR_KM: f64 = 60.0;
/// A homonym of another name of the text within [`HOMONYM_NEIGHBOURS_KM`] ("Soye and Omo": the
/// Soye near an Omo): weaker, both names may be wrong.
const NEAR_A_HOMONYM: f64 = 1.5;
/// Inside the home area of a community or group the text names, at its centre: as likely as a
/// place near another place of the text.
const IN_A_NAMED_HOME_AREA: f64 = 2.5;
/// The share of [`IN_A_NAMED_HOME_AREA`] a place at the area's edge gets: the drawn circle is
/// rough, a group's villages are likelier near its core ("Dogon militiamen burned huts in the
/// village of Madougou": of the three Madougou of the Dogon country, the one on the plateau, not
/// the one at its edge near Mopti; nothing in the text tells them apart otherwise).
const AT_THE_HOME_AREA_EDGE: f64 = 0.5;
/// A GeoNames place named by one of its alternate names is less likely meant than a homonym named
/// by its own name.
const ALTERNATE_NAME: f64 = -0.5;
/// Two GeoNames homonyms closer in score than this are a tie: nothing in the text tells them
/// apart.
const TIE_MARGIN: f64 = 0.5;

/// Mentions of another country (its places, demonyms, actors) that make a GeoNames place in a
/// country the text never points to unlikely: one can be a passing mention, two are the text's
/// setting.
const OTHER_COUNTRY_MENTIONS: u32 = 2;

/// Homonyms closer than this are one area for the region facet.
const NEIGHBOURS_KM: f64 = 50.0;

/// Homonyms of two names of a text closer than this are taken to be the places meant.
const HOMONYM_NEIGHBOURS_KM: f64 = 40.0;

/// What the text says about where it is, from its unambiguous names and other clues.
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

/// Each candidate with the entry it resolves to; candidates left undecided (homonyms nothing
/// tells apart) are left out.
pub(super) fn resolve<'c>(
    g: &Gazetteer,
    cands: &'c [Candidate],
    country_hints: &[&str],
    demonyms: &[[u8; 2]],
    areas: &[Area],
) -> Vec<(&'c Candidate, EntryId)> {
    let ev = evidence(g, cands, country_hints, demonyms, areas);
    cands
        .iter()
        .enumerate()
        .filter_map(|(i, c)| best_entry(g, c, i, &ev).map(|id| (c, id)))
        .collect()
}

fn evidence(
    g: &Gazetteer,
    cands: &[Candidate],
    country_hints: &[&str],
    demonyms: &[[u8; 2]],
    areas: &[Area],
) -> Evidence {
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
            add_homonyms(g, c, i, &mut ev);
            continue;
        }
        let e = g.entry(c.entries[0]);
        // "near the border with Mali": the place is on the other side.
        if e.kind == PlaceKind::Country && c.names_a_border() {
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
    ev
}

/// Homonyms in several regions: their points count for the other names' homonyms ("Soye and
/// Omo": the Soye near an Omo); one country for all counts as that country.
fn add_homonyms(g: &Gazetteer, c: &Candidate, index: usize, ev: &mut Evidence) {
    for &id in &c.entries {
        let e = g.entry(id);
        if e.kind == PlaceKind::Locality {
            ev.homonym_points.push((index, e.lat, e.lon));
        }
    }
    let code = g.entry(c.entries[0]).country_code;
    if c.entries.iter().all(|&id| g.entry(id).country_code == code) {
        *ev.countries.entry(code).or_default() += 1;
    }
}

/// Most bytes between a place and the distance that locates it from the next one ("Bilia, four
/// kilometres south of Ayorou", "Kakale (12 km from Banimonotie)").
const STATED_DISTANCE_GAP: usize = 60;

/// How far before a name [`stated_km_before`] looks for the number of a distance, in bytes
/// (`words_before` reads at most 80).
const STATED_DISTANCE_READ: usize = 80;

/// Slack on a stated distance: as the crow flies against by road, rounding, and the size of the
/// towns.
fn stated_distance_limit(km: f64) -> f64 {
    km * 2.0 + 30.0
}

/// A place said to lie a distance from the next one ("Bilia, quatre kilomètres au sud d'Ayorou",
/// "Atara, 25 km from Niafunké"), or to be a part of it ("the Bogodogo area of Ouagadougou"), lies
/// that far from it: an entry much farther is not the place meant. Its homonym within reach
/// replaces it, else the place is left out.
pub(super) fn respect_stated_distances(
    text: &str,
    g: &Gazetteer,
    resolved: &mut Vec<(&Candidate, EntryId)>,
) {
    let mut drop = Vec::new();
    for j in 1..resolved.len() {
        let (landmark, y) = resolved[j];
        let (place, x) = resolved[j - 1];
        if place.end > landmark.start {
            continue;
        }
        let limit = if part_of_the_next(&text[place.end..landmark.start], g.entry(y).importance) {
            PART_OF_A_TOWN_KM
        } else {
            let Some((km, number_start)) = stated_km_before(text, landmark.start) else {
                continue;
            };
            if place.end > number_start
                || number_start - place.end > STATED_DISTANCE_GAP
                || !in_apposition(&text[place.end..number_start])
            {
                continue;
            }
            stated_distance_limit(km)
        };
        let (ey, ex) = (g.entry(y), g.entry(x));
        if ey.kind != PlaceKind::Locality || ex.kind != PlaceKind::Locality {
            continue;
        }
        if distance_km(ex.lat, ex.lon, ey.lat, ey.lon) <= limit {
            continue;
        }
        let within = place.entries.iter().copied().find(|&id| {
            let e = g.entry(id);
            e.kind == PlaceKind::Locality && distance_km(e.lat, e.lon, ey.lat, ey.lon) <= limit
        });
        match within {
            Some(id) => resolved[j - 1].1 = id,
            None => drop.push(j - 1),
        }
    }
    for k in drop.into_iter().rev() {
        resolved.remove(k);
    }
}

/// How far from a town's centre its part lies at most, in kilometres ("the Bogodogo area of
/// Ouagadougou").
const PART_OF_A_TOWN_KM: f64 = 20.0;

/// Whether the text between two names makes the first a part of the second: "the Sikasso-Sira
/// neighbourhood of Bobo-Dioulasso", "le quartier Lazaret de Niamey", and of a capital (`second`:
/// its importance) only, an area or a district ("the Bogodogo area of Ouagadougou"; "the
/// Tenenkou area of Mopti" is the region's).
fn part_of_the_next(gap: &str, second: u8) -> bool {
    if gap.len() > STATED_DISTANCE_GAP {
        return false;
    }
    let folded = sahel_text::fold(gap);
    let words: Vec<&str> = super::context::words(&folded).collect();
    let (Some(of), Some(part)) = (words.last(), words.iter().rev().nth(1)) else {
        return false;
    };
    let town_part = matches!(
        *part,
        "neighbourhood"
            | "neighborhood"
            | "quarter"
            | "suburb"
            | "quartier"
            | "arrondissement"
            | "faubourg"
            | "entree"
            | "entrance"
            | "sortie"
            | "outskirts"
            | "abords"
            | "peripherie"
            | "periphery"
    );
    let capital_part = matches!(*part, "area" | "district" | "zone" | "secteur")
        && second >= super::capitals::CAPITAL_IMPORTANCE;
    matches!(*of, "of" | "de" | "du" | "d")
        && (town_part || capital_part)
        && words[..words.len() - 2]
            .iter()
            .all(|w| matches!(*w, "a" | "an" | "un" | "the" | "le" | "la" | "l"))
}

/// Whether the text between a place and a distance puts the distance in apposition to the place
/// ("Bilia, four kilometres", "Djoura, a village about 465 km", "Kakale (12 km"), not to
/// something else named between them ("Seytenga near the toll booth 7 km").
fn in_apposition(gap: &str) -> bool {
    let folded = sahel_text::fold(gap);
    let words: Vec<&str> = super::context::words(&folded).collect();
    words.len() <= 4
        && words.iter().all(|w| {
            matches!(
                *w,
                "a" | "an"
                    | "un"
                    | "une"
                    | "village"
                    | "hamlet"
                    | "town"
                    | "locality"
                    | "localite"
                    | "hameau"
                    | "ville"
                    | "about"
                    | "some"
                    | "around"
                    | "approximately"
                    | "environ"
                    | "quelque"
                    | "at"
                    | "situe"
                    | "situee"
                    | "located"
                    | "situated"
                    | "only"
                    | "just"
                    | "seulement"
                    | "le"
                    | "la"
                    | "l"
            )
        })
}

/// The kilometres said right before a name, and where their number starts: "4 km south of",
/// "à 25 kilomètres au nord de", "quatre kilomètres de".
fn stated_km_before(text: &str, start: usize) -> Option<(f64, usize)> {
    let before = words_before(text, start, 7);
    let c = cues();
    if !before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "of" | "from"))
    {
        return None;
    }
    let unit = before.iter().skip(1).take(5).position(|w| {
        !(c.direction.contains(w) || matches!(w.as_str(), "au" | "a" | "l" | "the"))
    })? + 1;
    if !matches!(
        before[unit].as_str(),
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers"
    ) {
        return None;
    }
    let mut number = before.get(unit + 1)?;
    // "à une quinzaine de kilomètres de": about fifteen.
    if matches!(number.as_str(), "de" | "d") {
        number = before
            .get(unit + 2)
            .filter(|w| crate::dates::about_count(w).is_some())?;
    }
    let km = number
        .parse::<f64>()
        .ok()
        .or_else(|| crate::dates::number_word(number).map(f64::from))
        .or_else(|| crate::dates::about_count(number).map(f64::from))?;
    // Where the number is written: its last occurrence in the words read (a number is ASCII
    // digits or an ASCII number word; lower-casing ASCII keeps byte offsets).
    let from = window_start(text, start, STATED_DISTANCE_READ);
    let window = text[from..start].to_ascii_lowercase();
    let number_start = from + window.rfind(number.as_str())?;
    Some((km, number_start))
}

/// The best-scored entry of candidate `index`, unless it ties with a far-away GeoNames homonym.
fn best_entry(g: &Gazetteer, c: &Candidate, index: usize, ev: &Evidence) -> Option<EntryId> {
    let entries: Vec<EntryId> = if c.fuzzy {
        fuzzy_entries(g, &c.entries, ev)?
    } else {
        c.entries.clone()
    };
    let mut scored: Vec<(f64, EntryId)> = entries
        .iter()
        .map(|&id| (score(g, c, index, id, ev), id))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best_score, best) = scored[0];
    // Homonymous GeoNames villages in different regions with nothing in the text to tell them
    // apart: no guess, unless they are neighbours (the same area either way).
    let b = g.entry(best);
    let tied = scored.iter().skip(1).any(|&(s, id)| {
        let o = g.entry(id);
        best_score - s < TIE_MARGIN
            && o.region != b.region
            && o.source == Source::GeoNames
            && b.source == Source::GeoNames
            && distance_km(o.lat, o.lon, b.lat, b.lon) > NEIGHBOURS_KM
    });
    if tied {
        return None;
    }
    // A GeoNames place in a country nothing else in the text points to, when the text points
    // to another country at least twice ("the Nigerien army raided the village of Boulaye": no
    // Nigerien Boulaye, the Malian one is not meant).
    // Likewise a built-in name that is also a surname ("took Keita and Cisse back to Kati" in a
    // report on Mali: Niger's Kéita is not meant), and a built-in village (a report on Mali
    // naming Hamdallaye, a quarter of Bamako and many villages of Mali: not Niger's).
    let surname_like =
        b.common_word && !b.name.contains([' ', '-', '\'']) && b.kind != PlaceKind::Country;
    let village = &*b.detail == "village";
    if (b.source == Source::GeoNames || surname_like || village)
        && foreign_to_the_text(g, c, b.country_code, ev)
    {
        return None;
    }
    Some(best)
}

/// Whether the text points to another country than `code` at least
/// [`OTHER_COUNTRY_MENTIONS`] times and never to `code` (the candidate's own names not counted).
fn foreign_to_the_text(g: &Gazetteer, c: &Candidate, code: [u8; 2], ev: &Evidence) -> bool {
    let own = !c.fuzzy && c.entries.iter().all(|&id| g.entry(id).country_code == code);
    let here = ev.countries.get(&code).copied().unwrap_or(0);
    let elsewhere = ev
        .countries
        .iter()
        .filter(|(k, _)| **k != code)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    here <= u32::from(own) && elsewhere >= OTHER_COUNTRY_MENTIONS
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

fn score(g: &Gazetteer, c: &Candidate, index: usize, id: EntryId, ev: &Evidence) -> f64 {
    let e = g.entry(id);
    let mut s = 0.0;
    match e.kind {
        PlaceKind::Region if c.region_cue => s += CALLED_A_UNIT,
        PlaceKind::District if c.district_cue => s += CALLED_A_UNIT,
        PlaceKind::Locality if !c.region_cue && !c.district_cue => s += LOCALITY_NOT_CALLED_A_UNIT,
        PlaceKind::Country => s += COUNTRY,
        _ => {}
    }
    if e.source == Source::Builtin && !g.is_borrowed_spelling(id, c.slot) {
        s += BUILTIN_ENTRY;
    }
    s += f64::from(e.importance) * PER_IMPORTANCE;
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
    let count = |n: Option<&u32>, max: u32| f64::from((*n.unwrap_or(&0)).min(max));
    if let Some(r) = own(e.region, PlaceKind::Region, c.region_cue) {
        s += PER_PLACE_IN_SAME_UNIT * count(ev.regions.get(&r), MAX_SAME_UNIT_PLACES);
    }
    if let Some(d) = own(e.district, PlaceKind::District, c.district_cue) {
        s += PER_PLACE_IN_SAME_UNIT * count(ev.districts.get(&d), MAX_SAME_UNIT_PLACES);
    }
    s += PER_SAME_COUNTRY_MENTION
        * count(ev.countries.get(&e.country_code), MAX_SAME_COUNTRY_MENTIONS);
    let named_unit = match e.kind {
        PlaceKind::Region => c.region_cue,
        PlaceKind::District => c.district_cue,
        _ => false,
    };
    if (e.kind == PlaceKind::Locality || named_unit)
        && ev.points.iter().any(|&(lat, lon)| {
            (lat, lon) != (e.lat, e.lon) && distance_km(lat, lon, e.lat, e.lon) < NEAR_KM
        })
    {
        s += NEAR_ANOTHER_PLACE;
    }
    if e.kind == PlaceKind::Locality
        && ev.homonym_points.iter().any(|&(other, lat, lon)| {
            other != index && distance_km(lat, lon, e.lat, e.lon) < HOMONYM_NEIGHBOURS_KM
        })
    {
        s += NEAR_A_HOMONYM;
    }
    if e.kind == PlaceKind::Locality {
        if let Some(nearness) = ev
            .areas
            .iter()
            .filter(|a| a.contains(e))
            .map(|a| 1.0 - distance_km(a.lat, a.lon, e.lat, e.lon) / a.radius_km)
            .max_by(f64::total_cmp)
        {
            s += IN_A_NAMED_HOME_AREA
                * (AT_THE_HOME_AREA_EDGE + (1.0 - AT_THE_HOME_AREA_EDGE) * nearness);
        }
    }
    if e.source == Source::GeoNames
        && c.slot != u32::MAX
        && c.entries.len() > 1
        && !g.is_main_name(id, c.slot)
    {
        s += ALTERNATE_NAME;
    }
    s
}
