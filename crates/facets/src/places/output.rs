//! The output form of a place: its official names up the chain (locality, district, current
//! region with the former one beside it, country), as `sahel extract --json` prints them.

use serde::{Deserialize, Serialize};

use super::{locate_places, PlaceRole};
use crate::gazetteer::{name_key, EntryId, Gazetteer, PlaceKind};

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
