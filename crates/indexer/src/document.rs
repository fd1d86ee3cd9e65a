//! Turning an analysed record into a tantivy document of the schema.

use chrono::NaiveDate;
use sahel_facets::{Extraction, PlaceRole, ResolvedPlace};
use tantivy::schema::{Facet, OwnedValue};
use tantivy::{DateTime, TantivyDocument};

use crate::analysis::Analysed;
use crate::record::SourceRecord;
use crate::schema::{names, FacetDim, Fields, FACETS};

/// Where a record came from and who it is.
#[derive(Debug, Clone)]
pub struct Identity {
    pub id: String,
    /// Absolute path of the file.
    pub source_path: String,
    /// blake3 of the whole file.
    pub source_hash: String,
    /// blake3 of the cleaned, whitespace-normalised body: equal for copies of one report.
    pub content_hash: String,
}

/// The hash that identifies a document's content across files, encodings and line endings.
pub fn content_hash(body: &str) -> String {
    let normalized = sahel_text::normalized(body);
    // The words, each followed by one space, hashed in one call (blake3 is slow on many small
    // updates; the bytes, hence the hash, are those of hashing word by word).
    let mut words = String::with_capacity(normalized.len() + 1);
    for word in normalized.split_whitespace() {
        words.push_str(word);
        words.push(' ');
    }
    short_hash(blake3::hash(words.as_bytes()))
}

/// A blake3 hash as 32 hex digits (128 bits: no accidental collision in any corpus, half the bytes
/// of the full hash in the index).
pub fn short_hash(hash: blake3::Hash) -> String {
    let mut hex = hash.to_hex().to_string();
    hex.truncate(32);
    hex
}

fn date_value(date: NaiveDate) -> DateTime {
    let secs = date
        .and_hms_opt(0, 0, 0)
        .map_or(0, |dt| dt.and_utc().timestamp());
    DateTime::from_timestamp_secs(secs)
}

/// `/Mali/Tombouctou/Niafunké/Léré` (missing levels left out; `/` inside names replaced).
fn place_facet(place: &crate::analysis::PlaceFacet) -> Option<Facet> {
    let parts: Vec<String> = [
        &place.country,
        &place.region,
        &place.district,
        &place.locality,
    ]
    .into_iter()
    .flatten()
    .map(|p| p.replace('/', "-"))
    .filter(|p| !p.is_empty())
    .collect();
    if parts.is_empty() {
        None
    } else {
        Some(Facet::from_path(parts))
    }
}

/// The stored form of an extraction record: the parts no other stored field holds, `{"places":
/// PLACES, "event_dates": [...]}`, where PLACES is one line per place (see [`encode_places`]).
/// The other keys (`id`, `title`, `language`, `published`, `months`, `regions`, `countries`,
/// `actors`) are in the document's columns; the searcher puts the record back together. Against the
/// whole record as JSON this is a tenth of the document store on the benchmark corpus.
pub fn stored_extraction(extraction: &Extraction) -> OwnedValue {
    OwnedValue::Object(vec![
        (
            "places".to_string(),
            OwnedValue::Str(encode_places(&extraction.places)),
        ),
        (
            "event_dates".to_string(),
            OwnedValue::Array(
                extraction
                    .event_dates
                    .iter()
                    .map(|d| OwnedValue::Str(d.clone()))
                    .collect(),
            ),
        ),
    ])
}

/// Separates the fields of a place in [`encode_places`].
const PLACE_FIELD_SEPARATOR: char = '\t';

/// Places as text, one per line: `role TAB name TAB locality TAB district TAB region TAB
/// former_region TAB country TAB lat TAB lon`, an absent value empty. Coordinates are written in
/// their shortest exact form, so [`decode_places`] gives back equal values; tabs and line breaks
/// inside names (there are none in gazetteer names) become spaces.
pub fn encode_places(places: &[ResolvedPlace]) -> String {
    let mut out = String::new();
    for (k, place) in places.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(place.role.as_str());
        for value in [
            Some(&place.name),
            place.locality.as_ref(),
            place.district.as_ref(),
            place.region.as_ref(),
            place.former_region.as_ref(),
            place.country.as_ref(),
        ] {
            out.push(PLACE_FIELD_SEPARATOR);
            if let Some(value) = value {
                out.extend(value.chars().map(|c| match c {
                    '\t' | '\n' | '\r' => ' ',
                    c => c,
                }));
            }
        }
        for value in [place.lat, place.lon] {
            out.push(PLACE_FIELD_SEPARATOR);
            if let Some(value) = value {
                out.push_str(&value.to_string());
            }
        }
    }
    out
}

/// The places written by [`encode_places`]; a malformed line is left out.
pub fn decode_places(text: &str) -> Vec<ResolvedPlace> {
    text.lines()
        .filter_map(|line| {
            let parts: Vec<&str> = line.split(PLACE_FIELD_SEPARATOR).collect();
            let [role, name, locality, district, region, former_region, country, lat, lon] =
                parts.as_slice()
            else {
                return None;
            };
            let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let number = |s: &str| s.parse::<f64>().ok();
            Some(ResolvedPlace {
                name: name.to_string(),
                locality: text(locality),
                district: text(district),
                region: text(region),
                former_region: text(former_region),
                country: text(country),
                lat: number(lat),
                lon: number(lon),
                role: role.parse::<PlaceRole>().ok()?,
            })
        })
        .collect()
}

/// The place facet paths of the event places (`/Mali/Tombouctou/Niafunké/Léré`), as the document
/// indexes them.
pub fn event_place_paths(places: &[ResolvedPlace]) -> Vec<Facet> {
    places
        .iter()
        .filter(|p| p.role == PlaceRole::Event)
        .filter_map(|p| place_facet(&p.into()))
        .collect()
}

/// The places of a stored extraction value (see [`stored_extraction`]); `None` when it holds
/// none in the compact form (an index written before it, which stored the places as JSON).
pub fn stored_places(extraction: &OwnedValue) -> Option<Vec<ResolvedPlace>> {
    let OwnedValue::Object(entries) = extraction else {
        return None;
    };
    entries.iter().find_map(|(key, value)| match value {
        OwnedValue::Str(places) if key == "places" => Some(decode_places(places)),
        _ => None,
    })
}

/// Builds the document; `duplicate_of`/`is_duplicate` are added by the writer, which alone knows
/// the order documents arrive in.
pub fn build_document(
    fields: &Fields,
    identity: &Identity,
    record: &SourceRecord,
    analysed: &Analysed,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &identity.id);
    doc.add_text(fields.source_path, &identity.source_path);
    doc.add_text(fields.source_hash, &identity.source_hash);
    doc.add_text(fields.content_hash, &identity.content_hash);
    if let Some(source) = &record.source {
        doc.add_text(fields.source_name, source);
    }
    if let Some(url) = &record.url {
        doc.add_text(fields.url, url);
    }
    doc.add_text(fields.title, &record.title);
    doc.add_text(fields.body, &record.body);
    add_analysed_text(
        fields,
        &mut doc,
        analysed.language,
        &record.title,
        &record.body,
    );
    let facets = &analysed.facets;
    let events: Vec<DateTime> = facets.event_dates.iter().map(|d| date_value(*d)).collect();
    add_dates(
        fields,
        &mut doc,
        facets.published.or(record.published).map(date_value),
        &events,
    );
    for place in &facets.places {
        if let Some(facet) = place_facet(place) {
            doc.add_facet(fields.place, facet);
        }
    }
    for (dim, field) in FACETS.iter().zip(fields.facets) {
        for value in facet_column_values(dim, analysed) {
            doc.add_text(field, value);
        }
    }
    if let Some(extraction) = &analysed.extraction {
        doc.add_field_value(fields.extraction, &stored_extraction(extraction));
    }
    doc
}

/// What a document's analysis puts in the column of a facet dimension: where a new facet's values
/// are taken from its extraction.
fn facet_column_values<'a>(dim: &FacetDim, analysed: &'a Analysed) -> Vec<&'a str> {
    let facets = &analysed.facets;
    let list = |values: &'a [String]| values.iter().map(String::as_str).collect();
    match dim.column {
        names::LANGUAGE => vec![analysed.language],
        names::MONTHS => list(&facets.months),
        names::REGIONS => list(&facets.regions),
        names::COUNTRIES => list(&facets.countries),
        names::LOCALITIES => list(&facets.localities),
        names::ACTORS => list(&facets.actors),
        names::SOURCES => list(&facets.sources),
        _ => Vec::new(),
    }
}

/// Whether a document of this language (`fr`, `en`, …) gets the French and the English analysed
/// copies of its title and body: its own language's, both when it is neither.
pub fn language_fields(language: &str) -> (bool, bool) {
    match language {
        "fr" => (true, false),
        "en" => (false, true),
        _ => (true, true),
    }
}

/// The analysed copies of title and body: in the field of the document's language (both French
/// and English when it is undetermined), and folded in the exact fields.
pub(crate) fn add_analysed_text(
    fields: &Fields,
    doc: &mut TantivyDocument,
    language: &str,
    title: &str,
    body: &str,
) {
    let (to_fr, to_en) = language_fields(language);
    if to_fr {
        doc.add_text(fields.title_fr, title);
        doc.add_text(fields.body_fr, body);
    }
    if to_en {
        doc.add_text(fields.title_en, title);
        doc.add_text(fields.body_en, body);
    }
    doc.add_text(fields.title_exact, title);
    doc.add_text(fields.body_exact, body);
}

/// The publication and event dates, and the sort date: the publication date, else the latest
/// event date.
pub(crate) fn add_dates(
    fields: &Fields,
    doc: &mut TantivyDocument,
    published: Option<DateTime>,
    events: &[DateTime],
) {
    if let Some(published) = published {
        doc.add_date(fields.published, published);
    }
    for date in events {
        doc.add_date(fields.event_dates, *date);
    }
    if let Some(sort) = published.or_else(|| events.iter().max().copied()) {
        doc.add_date(fields.sort_date, sort);
    }
}

/// Every facet column of a document whose values were read back from the columns
/// ([`crate::columns::ColumnValues::facets`], in the order of [`FACETS`]).
pub fn add_facet_columns(fields: &Fields, doc: &mut TantivyDocument, facets: &[Vec<String>]) {
    for (field, values) in fields.facets.iter().zip(facets) {
        for value in values {
            doc.add_text(*field, value);
        }
    }
}

/// Every facet column but the language's (which a rebuilt document writes apart), from values in
/// the order of [`FACETS`]: what the pipeline writes into a document it rebuilds;
/// [`add_facet_columns`] writes every facet.
pub(crate) fn add_facet_values(fields: &Fields, doc: &mut TantivyDocument, values: &[Vec<String>]) {
    for ((dim, field), values) in FACETS.iter().zip(fields.facets).zip(values) {
        // The language is one code, which the caller writes (a column read back gives `und`
        // for a document without one).
        if dim.kind == crate::schema::FacetKind::Language {
            continue;
        }
        for value in values {
            doc.add_text(field, value);
        }
    }
}

/// The document with this id, if the index holds one.
pub fn find_id(
    searcher: &tantivy::Searcher,
    id_field: tantivy::schema::Field,
    id: &str,
) -> tantivy::Result<Option<tantivy::DocAddress>> {
    let query = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_text(id_field, id),
        tantivy::schema::IndexRecordOption::Basic,
    );
    let top = searcher.search(
        &query,
        &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
    )?;
    Ok(top.first().map(|(_, address)| *address))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(role: PlaceRole, name: &str, lat: Option<f64>) -> ResolvedPlace {
        ResolvedPlace {
            name: name.to_string(),
            locality: Some(name.to_string()),
            district: Some("Niafunké".to_string()),
            region: Some("Tombouctou".to_string()),
            former_region: None,
            country: Some("Mali".to_string()),
            lat,
            lon: lat.map(|l| -l / 3.0),
            role,
        }
    }

    #[test]
    fn places_survive_their_stored_form() {
        let places = vec![
            place(PlaceRole::Event, "Léré", Some(15.715_123_456_789)),
            place(PlaceRole::Dateline, "Bamako", None),
            place(PlaceRole::Mention, "Tin\tZaouatène\nx", Some(0.1 + 0.2)),
        ];
        let decoded = decode_places(&encode_places(&places));
        assert_eq!(decoded[..2], places[..2]);
        assert_eq!(decoded[2].name, "Tin Zaouatène x");
        assert_eq!(decoded[2].lat, Some(0.1 + 0.2));
        assert!(decode_places("").is_empty());
        assert!(decode_places("nonsense\tline").is_empty());
        let paths = event_place_paths(&decoded);
        assert_eq!(paths.len(), 1);
        assert_eq!(paths[0].to_path_string(), "/Mali/Tombouctou/Niafunké/Léré");
    }

    #[test]
    fn content_hash_is_the_hash_of_the_words_each_followed_by_a_space() {
        let mut hasher = blake3::Hasher::new();
        for word in ["L'armée", "a", "riposté."] {
            hasher.update(word.as_bytes());
            hasher.update(b" ");
        }
        assert_eq!(
            content_hash(" L’armée\ta  riposté.\n"),
            short_hash(hasher.finalize())
        );
    }

    #[test]
    fn copies_share_a_content_hash() {
        assert_eq!(
            content_hash("L’armée  a riposté.\r\nFin."),
            content_hash("L'armée a riposté.\nFin.\n")
        );
        assert_ne!(
            content_hash("Attaque à Léré."),
            content_hash("Attaque à Boni.")
        );
    }
}
