//! Place mentions in a report: found with the gazetteer's automaton, filtered (a capital letter;
//! ordinary-word names and GeoNames-only names need a place cue), resolved to one entry using the
//! context (homonyms in different regions: the one whose region, district, country or neighbours
//! the text also names; "région de Gao" is the region, "à Gao" the town), and given a role:
//! `dateline` (the place a communiqué was signed or a wire filed from), `mention` (a passing
//! mention: where someone spoke, a capital standing for its government, countries listed as
//! members of an alliance) or `event` (where things happened).
//!
//! The steps, one file each, in the order [`locate_places_in_context`] runs them:
//! - `candidates`: the names the gazetteer finds, with the cues around them (`context`, `units`,
//!   `names` for people's names, `zones` for zones and boats named after places) and their
//!   viable entries;
//! - `fuzzy`: names the gazetteer lacks as written, after a strong place cue;
//! - `scoring`: each name resolved to one entry from the evidence of the rest of the text (the
//!   score weights, named and explained);
//! - `roles`: every role decision (event, dateline, mention), with `roads` for the ends of a road;
//! - `capitals`: capitals named by their title ("la capitale malienne");
//! - `output`: the output form of a place (official names up the chain).
//!
//! The cue words are data (`data/place_cues.tsv`, read by `cues`), like the demonyms
//! (`data/demonyms.tsv`, `demonyms`).

mod candidates;
mod capitals;
mod context;
mod cues;
mod demonyms;
mod fuzzy;
mod names;
mod output;
mod roads;
mod roles;
mod scoring;
mod units;
mod zones;

pub(crate) use demonyms::{demonym_codes, demonym_country};
pub(crate) use output::current_region;
pub use output::{describe, find_places, ResolvedPlace};
pub(crate) use roles::is_list_glue;
pub use roles::{
    anchor_to_events, demote_quiet_capitals, demote_tried_places, place_the_lead, PlaceRole,
    SentenceTime, UnknownPlaceRole,
};

use crate::gazetteer::{Area, EntryId, Gazetteer, PlaceKind};

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
    let mut cands = candidates::candidates(text, gazetteer);
    cands.retain(|c| !excluded.iter().any(|&(s, e)| c.start < e && s < c.end));
    let (fuzzy, unknown) = fuzzy::fuzzy_candidates(text, gazetteer, &cands, excluded);
    if !fuzzy.is_empty() {
        cands.extend(fuzzy);
        cands.sort_by_key(|c| c.start);
    }
    let mut resolved = scoring::resolve(gazetteer, &cands, country_hints, demonyms, areas);
    scoring::respect_stated_distances(text, gazetteer, &mut resolved);
    let mut out: Vec<PlaceMention> = resolved
        .into_iter()
        .map(|(c, entry)| PlaceMention {
            start: c.start,
            end: c.end,
            entry,
            role: roles::role_of(text, gazetteer, c, entry, &cands),
        })
        .collect();
    if let Some(m) = unknown_place_in_a_named_area(text, gazetteer, &out, &unknown, demonyms, areas)
    {
        out.push(m);
        out.sort_by_key(|m| m.start);
    }
    roles::share_listed_roles(text, &mut out);
    roles::demote_located_route_ends(text, gazetteer, &mut out);
    roles::demote_former_extents(text, gazetteer, &mut out);
    let named: Vec<EntryId> = out.iter().map(|m| m.entry).collect();
    let dateline = out
        .iter()
        .find(|m| m.role == PlaceRole::Dateline)
        .map(|m| gazetteer.entry(m.entry).country_code);
    for m in capitals::capital_mentions(text, gazetteer, &named, &cands, demonyms, dateline) {
        if !out.iter().any(|o| o.start < m.end && m.start < o.end) {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// A place the gazetteer does not know, in a text whose only other places are its country: when
/// every community or group the text names has its home in one region ("Boko Haram militants
/// abducted a girl in the village of Kindjandi": the Lake Chad basin in Niger, Diffa), the place
/// is that region's, named at the unknown name (the first, when several). Not when the text points
/// to another country (a demonym: "a Nigerian merchant"), whose places the gazetteer may not know
/// either.
fn unknown_place_in_a_named_area(
    text: &str,
    g: &Gazetteer,
    placed: &[PlaceMention],
    unknown: &[(usize, usize)],
    demonyms: &[[u8; 2]],
    areas: &[Area],
) -> Option<PlaceMention> {
    let &(start, end) = unknown.first()?;
    let region = areas.first()?.region?;
    if areas.iter().any(|a| a.region != Some(region)) {
        return None;
    }
    let country = g.entry(region).country_code;
    let only_its_country = placed.iter().all(|m| {
        let e = g.entry(m.entry);
        e.kind == PlaceKind::Country && e.country_code == country
    });
    if !only_its_country || demonyms.iter().any(|&d| d != country) {
        return None;
    }
    let c = candidates::Candidate::unlisted(text, start, end, vec![region]);
    Some(PlaceMention {
        start,
        end,
        entry: region,
        role: roles::role_of(text, g, &c, region, std::slice::from_ref(&c)),
    })
}
