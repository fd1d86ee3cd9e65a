//! Turning an analysed record into a tantivy document of the schema.

use chrono::NaiveDate;
use tantivy::schema::Facet;
use tantivy::{DateTime, TantivyDocument};

use crate::analysis::Analysed;
use crate::record::SourceRecord;
use crate::schema::Fields;

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
    let normalized = sahel_text::normalize(body);
    let mut hasher = blake3::Hasher::new();
    for word in normalized.split_whitespace() {
        hasher.update(word.as_bytes());
        hasher.update(b" ");
    }
    short_hash(hasher.finalize())
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
    let language = analysed.language;
    doc.add_text(fields.language, language);
    let (to_fr, to_en) = match language {
        "fr" => (true, false),
        "en" => (false, true),
        _ => (true, true),
    };
    if to_fr {
        doc.add_text(fields.title_fr, &record.title);
        doc.add_text(fields.body_fr, &record.body);
    }
    if to_en {
        doc.add_text(fields.title_en, &record.title);
        doc.add_text(fields.body_en, &record.body);
    }
    doc.add_text(fields.title_exact, &record.title);
    doc.add_text(fields.body_exact, &record.body);

    let facets = &analysed.facets;
    let published = facets.published.or(record.published);
    if let Some(published) = published {
        doc.add_date(fields.published, date_value(published));
    }
    for date in &facets.event_dates {
        doc.add_date(fields.event_dates, date_value(*date));
    }
    if let Some(sort) = published.or_else(|| facets.event_dates.iter().max().copied()) {
        doc.add_date(fields.sort_date, date_value(sort));
    }
    for month in &facets.months {
        doc.add_text(fields.months, month);
    }
    for place in &facets.places {
        if let Some(facet) = place_facet(place) {
            doc.add_facet(fields.place, facet);
        }
    }
    if let Some(first) = facets
        .places
        .iter()
        .find(|p| p.lat.is_some() && p.lon.is_some())
    {
        if let (Some(lat), Some(lon)) = (first.lat, first.lon) {
            doc.add_f64(fields.lat, lat);
            doc.add_f64(fields.lon, lon);
        }
    }
    for (field, values) in [
        (fields.regions, &facets.regions),
        (fields.countries, &facets.countries),
        (fields.localities, &facets.localities),
        (fields.actors, &facets.actors),
    ] {
        for value in values {
            doc.add_text(field, value);
        }
    }
    if let Some(serde_json::Value::Object(map)) = &analysed.extraction {
        doc.add_field_value(
            fields.extraction,
            &tantivy::schema::OwnedValue::from(map.clone()),
        );
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

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
