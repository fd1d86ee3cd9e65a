//! What hits and documents show, read back from one document's stored fields (title, text, URL,
//! compact extraction) and columns (id, source, language, dates, facet values).

use std::sync::Arc;

use chrono::DateTime;
use sahel_facets::PlaceRole;
use sahel_indexer::columns::ColumnValues;
use sahel_indexer::document::find_id;
use sahel_indexer::schema::names;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, OwnedValue, Schema, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::api::{DocResponse, DuplicateRef, FacetEvidence, Hit};
use crate::collect::Ranked;
use crate::data::IndexData;
use crate::hit_cache::{cut_body, StoredHit};
use crate::per_facet::FacetValues;
use crate::snippet::{snippet, Highlighter};
use crate::{Result, SearchError, Searcher};

/// Most duplicates listed under a document.
const MAX_DUPLICATES_LISTED: usize = 100;

/// Fields read for hits and documents: the stored ones, and the two looked up by term (the rest
/// is read from columns, see [`sahel_indexer::columns`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct StoredFields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub url: Field,
    pub extraction: Field,
    pub duplicate_of: Field,
}

/// The field named `name` of the schema.
pub(crate) fn field(schema: &Schema, name: &str) -> Result<Field> {
    schema
        .get_field(name)
        .map_err(|_| SearchError::MissingField(name.to_string()))
}

impl StoredFields {
    pub fn resolve(schema: &Schema) -> Result<Self> {
        Ok(StoredFields {
            id: field(schema, names::ID)?,
            title: field(schema, names::TITLE)?,
            body: field(schema, names::BODY)?,
            url: field(schema, names::URL)?,
            extraction: field(schema, names::EXTRACTION)?,
            duplicate_of: field(schema, names::DUPLICATE_OF)?,
        })
    }
}

impl Searcher {
    /// One hit of a page: its stored fields (from the hit cache when shown recently) and its
    /// snippet (none for an export).
    pub(crate) fn hit(
        &self,
        data: &IndexData,
        ranked: &Ranked,
        partial: bool,
        highlighter: Option<&mut Highlighter>,
    ) -> Result<Hit> {
        let stored = match self.hits.get(data.generation, ranked.doc) {
            Some(stored) => stored,
            None => {
                let stored = Arc::new(self.read_hit(data, ranked.doc)?);
                self.hits
                    .insert(data.generation, ranked.doc, Arc::clone(&stored));
                stored
            }
        };
        let snippet = match highlighter {
            Some(highlighter) => snippet(&stored.body, &stored.language, highlighter),
            None => String::new(),
        };
        Ok(Hit {
            duplicates: data.duplicate_counts.get(&stored.id).copied().unwrap_or(0),
            title: stored.title.clone(),
            published: stored.published.clone(),
            event_dates: stored.event_dates.clone(),
            score: if ranked.score.is_finite() {
                ranked.score
            } else {
                0.0
            },
            snippet,
            facets: stored.facets.clone(),
            source: stored.source.clone(),
            url: stored.url.clone(),
            partial: partial && !ranked.full,
            language: stored.language.clone(),
            id: stored.id.clone(),
        })
    }

    /// What a hit shows, from the document store and the columns.
    fn read_hit(&self, data: &IndexData, address: DocAddress) -> Result<StoredHit> {
        let doc: TantivyDocument = data.searcher.doc(address)?;
        let f = &self.stored;
        let mut values = column_values(data, address);
        let body = first_str(&doc, f.body).unwrap_or_default();
        let (body, _) = cut_body(body, StoredHit::BODY_BYTES);
        Ok(StoredHit {
            facets: facet_values(&mut values),
            id: values.id,
            title: first_str(&doc, f.title).unwrap_or_default(),
            body,
            language: values.language,
            published: values.published.and_then(format_date),
            event_dates: values
                .event_dates
                .iter()
                .filter_map(|d| format_date(*d))
                .collect(),
            source: values.source_name,
            url: first_str(&doc, f.url).filter(|s| !s.is_empty()),
        })
    }

    /// One whole document, its facets and its duplicates.
    pub fn doc(&self, id: &str) -> Result<DocResponse> {
        let data = self.data()?;
        let searcher = &data.searcher;
        let f = &self.stored;
        let Some(address) = find_id(searcher, f.id, id)? else {
            return Err(SearchError::DocNotFound(id.to_string()));
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut values = column_values(&data, address);
        let facets = facet_values(&mut values);
        let duplicates = self.duplicates_of(&data, id)?;
        let stored_extraction = doc.get_first(f.extraction).map(OwnedValue::from);
        let places = stored_extraction
            .as_ref()
            .and_then(sahel_indexer::document::stored_places)
            .unwrap_or_default();
        let (lat, lon) = places
            .iter()
            .filter(|p| p.role == PlaceRole::Event)
            .find_map(|p| Some((p.lat?, p.lon?)))
            .unzip();
        let title = first_str(&doc, f.title).unwrap_or_default();
        let body = self.body_of(&data, &doc, &values)?;
        let evidence = match &stored_extraction {
            Some(stored) => self.evidence_of(&data, stored, &title, &body, &values)?,
            None => Vec::new(),
        };
        let extraction = stored_extraction
            .and_then(|stored| full_extraction(stored, &places, &title, &values, &facets));
        Ok(DocResponse {
            title,
            body,
            published: values.published.and_then(format_date),
            language: values.language,
            source: values.source_name,
            source_path: Some(values.source_path).filter(|s| !s.is_empty()),
            url: first_str(&doc, f.url).filter(|s| !s.is_empty()),
            facets,
            event_dates: values
                .event_dates
                .iter()
                .filter_map(|d| format_date(*d))
                .collect(),
            places: sahel_indexer::document::event_place_paths(&places)
                .iter()
                .map(|facet| facet.to_path_string())
                .collect(),
            lat,
            lon,
            extraction,
            evidence,
            duplicate_of: values.duplicate_of,
            id: values.id,
            duplicates,
        })
    }

    /// The documents that duplicate the document `id`, by id.
    fn duplicates_of(&self, data: &IndexData, id: &str) -> Result<Vec<DuplicateRef>> {
        let f = &self.stored;
        let query = TermQuery::new(
            Term::from_field_text(f.duplicate_of, id),
            IndexRecordOption::Basic,
        );
        let mut duplicates = Vec::new();
        for (_, address) in data.searcher.search(
            &query,
            &TopDocs::with_limit(MAX_DUPLICATES_LISTED).order_by_score(),
        )? {
            let dup: TantivyDocument = data.searcher.doc(address)?;
            let values = column_values(data, address);
            duplicates.push(DuplicateRef {
                id: values.id,
                title: first_str(&dup, f.title).unwrap_or_default(),
                source: values.source_name,
                url: first_str(&dup, f.url).filter(|s| !s.is_empty()),
                published: values.published.and_then(format_date),
            });
        }
        duplicates.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(duplicates)
    }

    /// The evidence of a document's facet values, its words and sentences read from `title` and
    /// `body` (what the document shows). A duplicate shows its canonical document's body, whose
    /// spacing or quotes may differ from its own: its spans in the text are then the canonical
    /// document's for the same values, and those that have none are left out.
    fn evidence_of(
        &self,
        data: &IndexData,
        stored: &OwnedValue,
        title: &str,
        body: &str,
        values: &ColumnValues,
    ) -> Result<Vec<FacetEvidence>> {
        use sahel_indexer::document::{evidence_in, evidence_read_in};
        let Some(mut evidence) = evidence_in(stored, title, body) else {
            return Ok(Vec::new());
        };
        if let (false, Some(canonical)) = (evidence_read_in(stored, body), &values.duplicate_of) {
            let f = &self.stored;
            if let Some(address) = find_id(&data.searcher, f.id, canonical)? {
                let canonical: TantivyDocument = data.searcher.doc(address)?;
                let canonical_title = first_str(&canonical, f.title).unwrap_or_default();
                let own: Vec<(String, String)> =
                    sahel_indexer::document::stored_evidence_values(stored);
                let from_canonical = canonical
                    .get_first(f.extraction)
                    .map(OwnedValue::from)
                    .and_then(|c| evidence_in(&c, &canonical_title, body))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|e| {
                        e.field == "text"
                            && own
                                .iter()
                                .any(|(facet, value)| *facet == e.facet && *value == e.value)
                    });
                evidence.extend(from_canonical);
            }
        }
        Ok(evidence.into_iter().map(FacetEvidence::from).collect())
    }

    /// A document's text. A duplicate keeps no text of its own: its canonical document has the
    /// same words.
    fn body_of(
        &self,
        data: &IndexData,
        doc: &TantivyDocument,
        values: &ColumnValues,
    ) -> Result<String> {
        let f = &self.stored;
        Ok(match (first_str(doc, f.body), &values.duplicate_of) {
            (Some(body), _) => body,
            (None, Some(canonical)) => match find_id(&data.searcher, f.id, canonical)? {
                Some(address) => first_str(&data.searcher.doc::<TantivyDocument>(address)?, f.body)
                    .unwrap_or_default(),
                None => String::new(),
            },
            (None, None) => String::new(),
        })
    }
}

/// The extraction record of a document, in the shape of `sahel extract --json`, from its stored
/// form (`sahel_indexer::document::stored_extraction`: every place compactly, whose decoded
/// `places` are given, and the event dates); the other keys come from the columns and the title.
fn full_extraction(
    stored: OwnedValue,
    places: &[sahel_facets::ResolvedPlace],
    title: &str,
    values: &ColumnValues,
    facets: &FacetValues,
) -> Option<serde_json::Value> {
    let stored = serde_json::to_value(stored).ok()?;
    let serde_json::Value::Object(mut map) = stored else {
        return Some(stored);
    };
    if let Some(serde_json::Value::String(_)) = map.get("places") {
        map.insert(
            "places".to_string(),
            serde_json::to_value(places).unwrap_or_default(),
        );
    }
    let list = |values: &[String]| serde_json::Value::from(values.to_vec());
    for (key, value) in [
        ("id", serde_json::Value::from(values.id.as_str())),
        ("title", serde_json::Value::from(title)),
        (
            "language",
            serde_json::Value::from(values.language.as_str()),
        ),
        (
            "published",
            values
                .published
                .and_then(format_date)
                .map_or(serde_json::Value::Null, serde_json::Value::from),
        ),
        ("months", list(&values.months)),
        ("regions", list(&values.regions)),
        ("countries", list(&values.countries)),
        ("actors", list(&values.actors)),
        ("mentioned_regions", list(&facets["mentioned_region"])),
        ("background_months", list(&facets["background_month"])),
    ] {
        map.entry(key).or_insert(value);
    }
    Some(serde_json::Value::Object(map))
}

/// A document's values of each facet, taken out of its column values.
fn facet_values(values: &mut ColumnValues) -> FacetValues {
    FacetValues::from_fn(|dim| {
        values
            .facets
            .get_mut(dim)
            .map(std::mem::take)
            .unwrap_or_default()
    })
}

/// The column values of a document (empty ones past the end).
fn column_values(data: &IndexData, address: DocAddress) -> ColumnValues {
    data.columns
        .get(address.segment_ord as usize)
        .map(|columns| columns.values(address.doc_id))
        .unwrap_or_default()
}

fn first_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// `YYYY-MM-DD` of a date.
pub(crate) fn format_date(date: tantivy::DateTime) -> Option<String> {
    DateTime::from_timestamp(date.into_timestamp_secs(), 0)
        .map(|d| d.date_naive().format("%Y-%m-%d").to_string())
}
