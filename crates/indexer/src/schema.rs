//! The index schema: one place that names every field, so the indexer and the searcher agree.
//!
//! Body and title are indexed three times: with the French analyzer, with the English analyzer, and
//! folded without stemming (`*_exact`, for exact matches, prefixes and typo tolerance). A document
//! goes into the field of its language; an undetermined one (`und`) into both, so either analyzer
//! finds it. The exact fields keep frequencies but no positions (phrases are matched on the
//! language fields): positions are the largest part of an index. Facet values are raw strings (official names with
//! accents) with fast fields for counts.
//!
//! Duplicates: a document whose content (hash of its cleaned body) equals an earlier document's is
//! indexed with `duplicate_of` = the canonical document's id and `is_duplicate` = 1. The searcher
//! filters `is_duplicate = 0` (a u64 term) and counts a hit's copies with a term query on
//! `duplicate_of` = hit id. `content_hash` is that body hash; `source_hash` the hash of the whole
//! file the document came from (what makes an unchanged file skipped without re-analysis).
//!
//! Stored as-is for display: `title`, `body`, `url`, `source_name`, `source_path`, `language`,
//! `published`, `event_dates`, the facet values, `lat`/`lon` (first event place), and
//! `extraction`: the parts of the `sahel extract --json` record no other field stores (every
//! place with its role, compactly, and the event dates; see `document::stored_extraction`), from
//! which the searcher rebuilds the whole record for `/api/doc`. `place` (facet paths
//! /country/region/district/locality, one per event place) is indexed, not stored: its paths are
//! those of the event places of `extraction`. `content_hash` and `source_hash` are columns only
//! (fast, neither indexed nor stored). Indexes written before these storage choices (same schema
//! version) stay readable: the searcher takes either form.

use sahel_text::{ENGLISH_ANALYZER, EXACT_ANALYZER, FRENCH_ANALYZER};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

/// Bumped whenever a field is added, removed or analysed differently: an index built with another
/// version is refused with a message asking to re-index, rather than misread.
pub const SCHEMA_VERSION: u32 = 2;

/// Field names, shared by the indexer and the searcher.
pub mod names {
    pub const ID: &str = "id";
    pub const SOURCE_PATH: &str = "source_path";
    pub const SOURCE_NAME: &str = "source_name";
    pub const URL: &str = "url";
    pub const TITLE: &str = "title";
    pub const TITLE_FR: &str = "title_fr";
    pub const TITLE_EN: &str = "title_en";
    pub const TITLE_EXACT: &str = "title_exact";
    pub const BODY: &str = "body";
    pub const BODY_FR: &str = "body_fr";
    pub const BODY_EN: &str = "body_en";
    pub const BODY_EXACT: &str = "body_exact";
    pub const LANGUAGE: &str = "language";
    pub const PUBLISHED: &str = "published";
    pub const EVENT_DATES: &str = "event_dates";
    pub const SORT_DATE: &str = "sort_date";
    pub const MONTHS: &str = "months";
    pub const PLACE: &str = "place";
    pub const REGIONS: &str = "regions";
    pub const COUNTRIES: &str = "countries";
    pub const LOCALITIES: &str = "localities";
    pub const ACTORS: &str = "actors";
    pub const LAT: &str = "lat";
    pub const LON: &str = "lon";
    pub const EXTRACTION: &str = "extraction";
    pub const CONTENT_HASH: &str = "content_hash";
    pub const DUPLICATE_OF: &str = "duplicate_of";
    pub const IS_DUPLICATE: &str = "is_duplicate";
    pub const SOURCE_HASH: &str = "source_hash";
}

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    pub id: Field,
    pub source_path: Field,
    pub source_name: Field,
    pub url: Field,
    pub title: Field,
    pub title_fr: Field,
    pub title_en: Field,
    pub title_exact: Field,
    pub body: Field,
    pub body_fr: Field,
    pub body_en: Field,
    pub body_exact: Field,
    pub language: Field,
    pub published: Field,
    pub event_dates: Field,
    pub sort_date: Field,
    pub months: Field,
    pub place: Field,
    pub regions: Field,
    pub countries: Field,
    pub localities: Field,
    pub actors: Field,
    pub lat: Field,
    pub lon: Field,
    pub extraction: Field,
    pub content_hash: Field,
    pub duplicate_of: Field,
    pub is_duplicate: Field,
    pub source_hash: Field,
}

impl Fields {
    /// Resolves every field in an existing index's schema; `None` when one is missing (an index of
    /// another schema).
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        Some(Fields {
            id: schema.get_field(names::ID).ok()?,
            source_path: schema.get_field(names::SOURCE_PATH).ok()?,
            source_name: schema.get_field(names::SOURCE_NAME).ok()?,
            url: schema.get_field(names::URL).ok()?,
            title: schema.get_field(names::TITLE).ok()?,
            title_fr: schema.get_field(names::TITLE_FR).ok()?,
            title_en: schema.get_field(names::TITLE_EN).ok()?,
            title_exact: schema.get_field(names::TITLE_EXACT).ok()?,
            body: schema.get_field(names::BODY).ok()?,
            body_fr: schema.get_field(names::BODY_FR).ok()?,
            body_en: schema.get_field(names::BODY_EN).ok()?,
            body_exact: schema.get_field(names::BODY_EXACT).ok()?,
            language: schema.get_field(names::LANGUAGE).ok()?,
            published: schema.get_field(names::PUBLISHED).ok()?,
            event_dates: schema.get_field(names::EVENT_DATES).ok()?,
            sort_date: schema.get_field(names::SORT_DATE).ok()?,
            months: schema.get_field(names::MONTHS).ok()?,
            place: schema.get_field(names::PLACE).ok()?,
            regions: schema.get_field(names::REGIONS).ok()?,
            countries: schema.get_field(names::COUNTRIES).ok()?,
            localities: schema.get_field(names::LOCALITIES).ok()?,
            actors: schema.get_field(names::ACTORS).ok()?,
            lat: schema.get_field(names::LAT).ok()?,
            lon: schema.get_field(names::LON).ok()?,
            extraction: schema.get_field(names::EXTRACTION).ok()?,
            content_hash: schema.get_field(names::CONTENT_HASH).ok()?,
            duplicate_of: schema.get_field(names::DUPLICATE_OF).ok()?,
            is_duplicate: schema.get_field(names::IS_DUPLICATE).ok()?,
            source_hash: schema.get_field(names::SOURCE_HASH).ok()?,
        })
    }
}

fn analysed(analyzer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
}

/// Builds the schema and returns it with its field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let facet_value = STRING | STORED | FAST;
    // Hashes are read as columns (existing state, duplicates) and never searched: no term
    // dictionary or postings (they were 3% of an index, one unique term per document).
    let hash_options = TextOptions::from(FAST);
    let fields = Fields {
        id: b.add_text_field(names::ID, STRING | STORED | FAST),
        source_path: b.add_text_field(names::SOURCE_PATH, STRING | STORED | FAST),
        source_name: b.add_text_field(names::SOURCE_NAME, STRING | STORED | FAST),
        url: b.add_text_field(names::URL, STORED),
        title: b.add_text_field(names::TITLE, STORED),
        title_fr: b.add_text_field(
            names::TITLE_FR,
            analysed(FRENCH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
        ),
        title_en: b.add_text_field(
            names::TITLE_EN,
            analysed(ENGLISH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
        ),
        title_exact: b.add_text_field(
            names::TITLE_EXACT,
            analysed(EXACT_ANALYZER, IndexRecordOption::Basic),
        ),
        body: b.add_text_field(names::BODY, STORED),
        body_fr: b.add_text_field(
            names::BODY_FR,
            analysed(FRENCH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
        ),
        body_en: b.add_text_field(
            names::BODY_EN,
            analysed(ENGLISH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
        ),
        body_exact: b.add_text_field(
            names::BODY_EXACT,
            analysed(EXACT_ANALYZER, IndexRecordOption::Basic),
        ),
        language: b.add_text_field(names::LANGUAGE, facet_value.clone()),
        published: b.add_date_field(names::PUBLISHED, INDEXED | STORED | FAST),
        event_dates: b.add_date_field(names::EVENT_DATES, INDEXED | STORED | FAST),
        sort_date: b.add_date_field(names::SORT_DATE, INDEXED | FAST),
        months: b.add_text_field(names::MONTHS, facet_value.clone()),
        place: b.add_facet_field(names::PLACE, INDEXED),
        regions: b.add_text_field(names::REGIONS, facet_value.clone()),
        countries: b.add_text_field(names::COUNTRIES, facet_value.clone()),
        localities: b.add_text_field(names::LOCALITIES, facet_value.clone()),
        actors: b.add_text_field(names::ACTORS, facet_value),
        lat: b.add_f64_field(names::LAT, STORED),
        lon: b.add_f64_field(names::LON, STORED),
        extraction: b.add_json_field(names::EXTRACTION, STORED),
        content_hash: b.add_text_field(names::CONTENT_HASH, hash_options.clone()),
        duplicate_of: b.add_text_field(names::DUPLICATE_OF, STRING | STORED | FAST),
        is_duplicate: b.add_u64_field(names::IS_DUPLICATE, INDEXED | FAST),
        source_hash: b.add_text_field(names::SOURCE_HASH, hash_options),
    };
    (b.build(), fields)
}
