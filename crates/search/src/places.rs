//! The results map's data: the event localities of a search's results, with where they are and
//! how many results name each (the locality facet's counts, so every filter applies).
//!
//! Where a locality is comes from the extraction stored with the documents that hold it (the
//! coordinates the indexer resolved, from the built-in gazetteer or GeoNames): one document is
//! read per locality the first time a map shows it, then remembered for the index generation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sahel_facets::PlaceRole;
use sahel_indexer::document::stored_places;
use sahel_indexer::schema::{names, FACETS};
use sahel_text::fold;
use tantivy::schema::{Field, OwnedValue};
use tantivy::{DocAddress, TantivyDocument};

use crate::api::MapPlace;
use crate::data::{str_eq, IndexData, DIMENSIONS};

/// The locality dimension of [`FACETS`] (its column is `localities`), if there is one.
pub const LOCALITY: Option<usize> = {
    let mut dim = 0;
    let mut found = None;
    while dim < DIMENSIONS {
        if str_eq(FACETS[dim].column, names::LOCALITIES) {
            found = Some(dim);
        }
        dim += 1;
    }
    found
};

/// Documents read, at most, to find where a locality is (the first usually says).
const DOCS_TRIED: usize = 3;

/// Where a locality is, as the documents holding it place it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacePoint {
    pub region: Option<String>,
    pub former_region: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// The localities located so far in one index generation, by value id.
#[derive(Debug, Default)]
pub struct PlaceBook {
    known: Mutex<HashMap<u32, Arc<PlacePoint>>>,
}

impl PlaceBook {
    fn get(&self, id: u32) -> Option<Arc<PlacePoint>> {
        self.known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&id)
            .cloned()
    }

    fn insert(&self, id: u32, point: Arc<PlacePoint>) {
        self.known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(id, point);
    }
}

/// The map's places for the locality facet's (value id, count) list, in its order.
pub fn map_places(data: &IndexData, extraction: Field, list: &[(u32, u32)]) -> Vec<MapPlace> {
    let Some(dim) = LOCALITY else {
        return Vec::new();
    };
    let table = &data.tables[dim];
    list.iter()
        .filter_map(|&(id, count)| {
            let name = table.values.get(id as usize)?;
            let point = match data.places.get(id) {
                Some(point) => point,
                None => {
                    let point = Arc::new(locate(data, extraction, dim, id, name));
                    data.places.insert(id, Arc::clone(&point));
                    point
                }
            };
            Some(MapPlace {
                name: name.clone(),
                region: point.region.clone(),
                former_region: point.former_region.clone(),
                country: point.country.clone(),
                lat: point.lat,
                lon: point.lon,
                count: u64::from(count),
            })
        })
        .collect()
}

/// Where the documents holding locality `id` (`name`) of dimension `dim` place it: the first
/// event place of theirs in that locality with coordinates, else without.
fn locate(data: &IndexData, extraction: Field, dim: usize, id: u32, name: &str) -> PlacePoint {
    let slot = data.bases[dim] as usize + id as usize;
    let key = fold(name);
    let mut fallback = None;
    let documents = data.segments.iter().enumerate().flat_map(|(ord, segment)| {
        segment
            .postings
            .docs(slot)
            .iter()
            .map(move |&doc| DocAddress::new(ord as u32, doc))
    });
    for address in documents.take(DOCS_TRIED) {
        let Ok(doc) = data.searcher.doc::<TantivyDocument>(address) else {
            continue;
        };
        let Some(stored) = doc.get_first(extraction).map(OwnedValue::from) else {
            continue;
        };
        let places = stored_places(&stored).unwrap_or_default();
        let here = places.into_iter().filter(|p| {
            p.role == PlaceRole::Event && p.locality.as_deref().is_some_and(|l| fold(l) == key)
        });
        for place in here {
            let former_region = place
                .former_region
                .filter(|f| Some(f) != place.region.as_ref());
            let point = PlacePoint {
                region: place.region,
                former_region,
                country: place.country,
                lat: place.lat,
                lon: place.lon,
            };
            if point.lat.is_some() && point.lon.is_some() {
                return point;
            }
            fallback.get_or_insert(point);
        }
    }
    fallback.unwrap_or_default()
}
