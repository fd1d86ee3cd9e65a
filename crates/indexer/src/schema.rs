//! The index schema: one place that names every field, so the indexer and the searcher agree.
//!
//! Body and title are indexed three times: with the French analyzer, with the English analyzer, and
//! folded without stemming (`*_exact`, for exact matches, prefixes and typo tolerance). A document
//! goes into the field of its language; an undetermined one (`und`) into both, so either analyzer
//! finds it. The exact fields keep document ids only (phrases are matched on the language fields):
//! positions are the largest part of an index. Facet values are raw strings (official names with
//! accents) in columns, for filters and counts.
//!
//! Duplicates: a document whose content (hash of its cleaned body) equals an earlier document's is
//! indexed with `duplicate_of` = the canonical document's id and `is_duplicate` = 1. The searcher
//! reads both columns to leave duplicates out and count each hit's copies, and lists a
//! document's copies with a term query on `duplicate_of`. `content_hash` is that body hash; `source_hash` the hash of the whole
//! file the document came from (what makes an unchanged file skipped without re-analysis).
//!
//! Stored, for display: `title`, `body`, `url`, and `extraction`: the parts of the `sahel extract
//! --json` record no other field holds (every place with its role and coordinates, compactly, and
//! the event dates; see `document::stored_extraction`), from which the searcher rebuilds the whole
//! record for `/api/doc`. Everything else a hit or a document shows is read from columns (fast
//! fields; see [`crate::columns`]): id, source, language, dates, facet values. Only what is looked
//! up by term is indexed: `id` and `source_path` (updates and deletes), `duplicate_of` (a
//! document's copies), `place` (facet paths /country/region/district/locality, one per event
//! place), and the analysed text. Field norms (one byte per document and field) are kept only
//! where BM25 uses them: the analysed text fields. `content_hash` and `source_hash` are columns
//! only.

use sahel_text::{ENGLISH_ANALYZER, EXACT_ANALYZER, FRENCH_ANALYZER};
use tantivy::schema::{
    DateOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    FAST, INDEXED, STORED,
};

/// Bumped whenever a field is added, removed or analysed differently: an index built with another
/// version is refused with a message asking to re-index, rather than misread.
/// 4: positions after a hyphenated word were shifted once per later word, so phrases after one
/// were not found; and `armée(s)` is indexed under its own stem (`data/stem_overrides_fr.tsv`).
/// Indexes written before hold the old positions and stems.
pub const SCHEMA_VERSION: u32 = 4;

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
    // Looked up by term (exact value, no norms), and read as a column.
    let key = TextOptions::from(FAST).set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(false)
            .set_index_option(IndexRecordOption::Basic),
    );
    // Facet values, source, language and hashes: read as columns, never searched by term (filters
    // and counts use the columns).
    let column = TextOptions::from(FAST);
    let date_column = DateOptions::from(FAST);
    let fields = Fields {
        id: b.add_text_field(names::ID, key.clone()),
        source_path: b.add_text_field(names::SOURCE_PATH, key.clone()),
        source_name: b.add_text_field(names::SOURCE_NAME, column.clone()),
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
        language: b.add_text_field(names::LANGUAGE, column.clone()),
        published: b.add_date_field(names::PUBLISHED, date_column.clone()),
        event_dates: b.add_date_field(names::EVENT_DATES, date_column.clone()),
        sort_date: b.add_date_field(names::SORT_DATE, date_column),
        months: b.add_text_field(names::MONTHS, column.clone()),
        place: b.add_facet_field(names::PLACE, INDEXED),
        regions: b.add_text_field(names::REGIONS, column.clone()),
        countries: b.add_text_field(names::COUNTRIES, column.clone()),
        localities: b.add_text_field(names::LOCALITIES, column.clone()),
        actors: b.add_text_field(names::ACTORS, column.clone()),
        extraction: b.add_json_field(names::EXTRACTION, STORED),
        content_hash: b.add_text_field(names::CONTENT_HASH, column.clone()),
        duplicate_of: b.add_text_field(names::DUPLICATE_OF, key),
        is_duplicate: b.add_u64_field(names::IS_DUPLICATE, NumericOptions::from(FAST)),
        source_hash: b.add_text_field(names::SOURCE_HASH, column),
    };
    (b.build(), fields)
}
