//! Roads named by the towns at their ends ("l'axe Djibo-Ouagadougou", "la route reliant Djibo à
//! Kaya", "on the road between Gao and Ansongo"), and whether a place lies along one. What this
//! does to the roles of the ends is decided in [`super::roles`].

use super::context::words_before;
use super::cues::cues;
use super::PlaceMention;
use crate::gazetteer::{distance_km, Entry, EntryId, Gazetteer, PlaceKind};

/// How far off the straight line between its ends a place along a road may lie: roads wind, and
/// "near X" may be a few kilometres away.
const ROAD_DETOUR_KM: f64 = 60.0;

/// Longest gap between two towns that name a road, in bytes (" à ", " - ", " and the ").
const MAX_ENDS_GAP: usize = 10;

/// The towns at the ends of a road: "l'axe Djibo-Ouagadougou", "la route reliant Djibo à
/// Kaya", "entre Boni et Hombori", "on the road between Gao and Ansongo". Indexes into `out` of
/// the two ends, in text order.
pub(super) fn route_ends(text: &str, g: &Gazetteer, out: &[PlaceMention]) -> Vec<(usize, usize)> {
    let mut routes = Vec::new();
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let towns = [a.entry, b.entry]
            .iter()
            .all(|&id| g.entry(id).kind == PlaceKind::Locality);
        if !towns || a.end > b.start || a.entry == b.entry || b.start - a.end > MAX_ENDS_GAP {
            continue;
        }
        // "between Fada N'Gourma and the Boungou mine": an article after the link.
        let gap = text[a.end..b.start].trim();
        let gap = ["the", "le", "la", "l'", "l’"]
            .iter()
            .find_map(|article| gap.strip_suffix(article).map(str::trim_end))
            .unwrap_or(gap);
        if joins_road_ends(text, a.start, gap) {
            routes.push((k - 1, k));
        }
    }
    routes
}

/// Whether `gap`, between two towns the first of which starts at `start`, makes them the ends
/// of a road.
fn joins_road_ends(text: &str, start: usize, gap: &str) -> bool {
    let c = cues();
    let before = words_before(text, start, 3);
    match gap {
        // "Djibo-Ouagadougou", "Gao – Ansongo": two towns joined by a dash name a road.
        "-" | "\u{2013}" | "\u{2014}" | "\u{2010}" | "\u{2011}" | "/" => true,
        // "reliant Djibo à Kaya", "entre Boni et Hombori", "de Gao à Ansongo" after a road.
        "à" | "a" | "et" | "and" | "to" => before.first().is_some_and(|w| {
            c.road_link.contains(w)
                || matches!(w.as_str(), "de" | "from")
                    && before.get(1).is_some_and(|w| c.road.contains(w))
        }),
        _ => false,
    }
}

/// Whether `place` lies along the road from `a` to `b`: going through it is at most
/// [`ROAD_DETOUR_KM`] longer than the straight line. A name taken for a far-away namesake (or a
/// person's name taken for a village) locates nothing on that road.
pub(super) fn along(g: &Gazetteer, place: EntryId, a: EntryId, b: EntryId) -> bool {
    let (p, a, b) = (g.entry(place), g.entry(a), g.entry(b));
    let d = |x: &Entry, y: &Entry| distance_km(x.lat, x.lon, y.lat, y.lon);
    d(p, a) + d(p, b) <= d(a, b) + ROAD_DETOUR_KM
}

/// An unordered pair of entries, as a key.
pub(super) fn pair(a: EntryId, b: EntryId) -> [EntryId; 2] {
    if a <= b {
        [a, b]
    } else {
        [b, a]
    }
}
