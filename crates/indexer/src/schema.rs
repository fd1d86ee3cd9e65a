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
//!
//! The facet dimensions (region, country, locality, actor, language, month, source, and the
//! regions and months a report only mentions) are declared once,
//! in [`FACETS`]: their columns here, and everything the searcher, the API, the export, the
//! command line and the web page do with them follow from that table. Adding a facet is one
//! entry there plus its values (see `document::facet_column_values`).

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
/// 5: the `sources` facet column (who published a report: its `source`, else its site).
/// 6: the `mentioned_regions` and `background_months` facet columns (what a report only mentions
/// or recalls, apart from its events), and the evidence of every facet value in `extraction`.
pub const SCHEMA_VERSION: u32 = 6;

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
    pub const SOURCES: &str = "sources";
    pub const MENTIONED_REGIONS: &str = "mentioned_regions";
    pub const BACKGROUND_MONTHS: &str = "background_months";
    pub const EXTRACTION: &str = "extraction";
    pub const CONTENT_HASH: &str = "content_hash";
    pub const DUPLICATE_OF: &str = "duplicate_of";
    pub const IS_DUPLICATE: &str = "is_duplicate";
    pub const SOURCE_HASH: &str = "source_hash";
}

/// How a facet dimension's values are read, filtered and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetKind {
    /// Names, any number per document, read from the dimension's column.
    Names,
    /// The document's language code (`fr`, `en`, `ar`, `und`), one per document.
    Language,
    /// The months `YYYY-MM` of the document's dates (its event dates, else its publication date):
    /// what filters, counts and the timeline use, from the date columns. Filter values must be
    /// `YYYY-MM`; counts are listed in calendar order. The dimension's column holds the months
    /// the extractor gave, which hits list.
    Months,
}

impl FacetKind {
    /// Its name in the API (`names`, `language`, `months`).
    pub fn as_str(self) -> &'static str {
        match self {
            FacetKind::Names => "names",
            FacetKind::Language => "language",
            FacetKind::Months => "months",
        }
    }
}

/// How a filter value finds the indexed values it selects, beyond case and accents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterNames {
    /// The value as typed.
    AsTyped,
    /// A place name: its other spellings in the gazetteer too.
    Place,
    /// A region name: its other spellings, and a former region's successor regions.
    Region,
    /// An actor's name or alias: every name of that actor.
    Actor,
}

/// One facet dimension: what the schema, the searcher, the API, the export, the command line and
/// the web page need to know about it.
#[derive(Clone, Copy, Debug)]
pub struct FacetDim {
    /// Its name in the API: the request parameter, the key of its counts and of its applied
    /// filter (`region`).
    pub name: &'static str,
    /// Older request parameters still accepted for it.
    pub aliases: &'static [&'static str],
    /// Its column (a fast field), and the key of its values in hits, documents and exports
    /// (`regions`).
    pub column: &'static str,
    pub kind: FacetKind,
    pub names: FilterNames,
    /// What a filter value is, for a person (the API description, `sahel search --help`).
    pub about: &'static str,
    /// Its label in the web page, in French and in English.
    pub label_fr: &'static str,
    pub label_en: &'static str,
    /// Whether a search can filter on it (`region=Gao`).
    pub filters: bool,
    /// Whether answers list its values with their (disjunctive) counts.
    pub counts: bool,
    /// Whether hits, documents and exports list a document's values of it, under `column`
    /// (the language is their own `language` field).
    pub exports: bool,
    /// Its place among the facets of the web page's sidebar, first first (`None`: not shown);
    /// answers list the counts in that order too.
    pub page: Option<u8>,
    /// The dimension whose values the page groups this one's under (regions under their
    /// country), showing that one's values as the groups' headings.
    pub grouped_under: Option<&'static str>,
    /// The dimension the page shows this one folded under, closed until unfolded (the regions a
    /// report only mentions under its event regions).
    pub folded_under: Option<&'static str>,
}

/// Every facet dimension, registered here and nowhere else. The order is that of the dimensions
/// in requests, applied filters, hits, documents and exports.
pub const FACETS: [FacetDim; 9] = [
    FacetDim {
        name: "region",
        aliases: &[],
        column: names::REGIONS,
        kind: FacetKind::Names,
        names: FilterNames::Region,
        about: "Region names, OR within the facet, AND across facets. Case and accents \
                ignored; a former Malian region name selects its successor regions.",
        label_fr: "Région",
        label_en: "Region",
        filters: true,
        counts: true,
        exports: true,
        page: Some(0),
        grouped_under: Some("country"),
        folded_under: None,
    },
    FacetDim {
        name: "country",
        aliases: &[],
        column: names::COUNTRIES,
        kind: FacetKind::Names,
        names: FilterNames::Place,
        about: "Country names.",
        label_fr: "Pays",
        label_en: "Country",
        filters: true,
        counts: true,
        exports: true,
        page: Some(1),
        grouped_under: None,
        folded_under: None,
    },
    FacetDim {
        name: "locality",
        aliases: &[],
        column: names::LOCALITIES,
        kind: FacetKind::Names,
        names: FilterNames::Place,
        about: "Locality names.",
        label_fr: "Localité",
        label_en: "Locality",
        filters: true,
        // Counted for the results map (`places` of an answer), not listed in the sidebar.
        counts: true,
        exports: true,
        page: None,
        grouped_under: None,
        folded_under: None,
    },
    FacetDim {
        name: "actor",
        aliases: &[],
        column: names::ACTORS,
        kind: FacetKind::Names,
        names: FilterNames::Actor,
        about: "Actor names or aliases (`JNIM` selects `GSIM`).",
        label_fr: "Acteur",
        label_en: "Actor",
        filters: true,
        counts: true,
        exports: true,
        page: Some(4),
        grouped_under: None,
        folded_under: None,
    },
    FacetDim {
        name: "language",
        aliases: &["lang"],
        column: names::LANGUAGE,
        kind: FacetKind::Language,
        names: FilterNames::AsTyped,
        about: "Language codes: `fr`, `en`, `ar`, `und` (also accepted as `lang`).",
        label_fr: "Langue",
        label_en: "Language",
        filters: true,
        counts: true,
        exports: false,
        page: Some(3),
        grouped_under: None,
        folded_under: None,
    },
    FacetDim {
        name: "month",
        aliases: &[],
        column: names::MONTHS,
        kind: FacetKind::Months,
        names: FilterNames::AsTyped,
        about: "Months `YYYY-MM` of the events (publication month for documents without event \
                dates).",
        label_fr: "Mois",
        label_en: "Month",
        filters: true,
        counts: true,
        exports: true,
        page: Some(2),
        grouped_under: None,
        folded_under: None,
    },
    FacetDim {
        name: "source",
        aliases: &[],
        column: names::SOURCES,
        kind: FacetKind::Names,
        names: FilterNames::AsTyped,
        about: "Source names: the publisher or agency a report gives (front matter or JSON \
                `source`, a feed's title), else its site (`example.org`). Case and accents \
                ignored.",
        label_fr: "Source",
        label_en: "Source",
        filters: true,
        counts: true,
        exports: true,
        page: Some(5),
        grouped_under: None,
        folded_under: None,
    },
    FacetDim {
        name: "mentioned_region",
        aliases: &[],
        column: names::MENTIONED_REGIONS,
        kind: FacetKind::Names,
        names: FilterNames::Region,
        about: "Regions a report only mentions (its dateline, where people came from or went, \
                a recalled attack), not those of its events. Names as for `region`.",
        label_fr: "Aussi mentionnées",
        label_en: "Also mentioned",
        filters: true,
        counts: true,
        exports: true,
        page: Some(0),
        grouped_under: None,
        folded_under: Some("region"),
    },
    FacetDim {
        name: "background_month",
        aliases: &[],
        column: names::BACKGROUND_MONTHS,
        kind: FacetKind::Names,
        names: FilterNames::AsTyped,
        about: "Months `YYYY-MM` a report only recalls, starts a situation from, sets as a \
                deadline or announces: its background, not its events.",
        label_fr: "Contexte",
        label_en: "Background",
        filters: true,
        counts: true,
        exports: true,
        page: Some(2),
        grouped_under: None,
        folded_under: Some("month"),
    },
];

/// The facet dimension called `name` (or one of its aliases), with its position in [`FACETS`].
pub fn facet(name: &str) -> Option<(usize, &'static FacetDim)> {
    FACETS
        .iter()
        .enumerate()
        .find(|(_, dim)| dim.name == name || dim.aliases.contains(&name))
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
    /// The column of each facet dimension, in the order of [`FACETS`] (the same fields as the
    /// named ones above).
    pub facets: [Field; FACETS.len()],
}

impl Fields {
    /// The column of a facet dimension (its position in [`FACETS`]).
    pub fn facet(&self, dim: usize) -> Option<Field> {
        self.facets.get(dim).copied()
    }

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
            facets: facet_fields(|column| schema.get_field(column).ok())?,
        })
    }
}

/// The column of every facet dimension, found by `field`.
fn facet_fields(mut field: impl FnMut(&str) -> Option<Field>) -> Option<[Field; FACETS.len()]> {
    let mut fields = [Field::from_field_id(0); FACETS.len()];
    for (slot, dim) in fields.iter_mut().zip(&FACETS) {
        *slot = field(dim.column)?;
    }
    Some(fields)
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
    let id = b.add_text_field(names::ID, key.clone());
    let source_path = b.add_text_field(names::SOURCE_PATH, key.clone());
    let source_name = b.add_text_field(names::SOURCE_NAME, column.clone());
    let url = b.add_text_field(names::URL, STORED);
    let title = b.add_text_field(names::TITLE, STORED);
    let title_fr = b.add_text_field(
        names::TITLE_FR,
        analysed(FRENCH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
    );
    let title_en = b.add_text_field(
        names::TITLE_EN,
        analysed(ENGLISH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
    );
    let title_exact = b.add_text_field(
        names::TITLE_EXACT,
        analysed(EXACT_ANALYZER, IndexRecordOption::Basic),
    );
    let body = b.add_text_field(names::BODY, STORED);
    let body_fr = b.add_text_field(
        names::BODY_FR,
        analysed(FRENCH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
    );
    let body_en = b.add_text_field(
        names::BODY_EN,
        analysed(ENGLISH_ANALYZER, IndexRecordOption::WithFreqsAndPositions),
    );
    let body_exact = b.add_text_field(
        names::BODY_EXACT,
        analysed(EXACT_ANALYZER, IndexRecordOption::Basic),
    );
    let published = b.add_date_field(names::PUBLISHED, date_column.clone());
    let event_dates = b.add_date_field(names::EVENT_DATES, date_column.clone());
    let sort_date = b.add_date_field(names::SORT_DATE, date_column);
    let place = b.add_facet_field(names::PLACE, INDEXED);
    let facets = FACETS.map(|dim| b.add_text_field(dim.column, column.clone()));
    // The named handles of the facet columns (the same fields as `facets`).
    let facet = |column: &str| {
        FACETS
            .iter()
            .zip(facets)
            .find_map(|(dim, field)| (dim.column == column).then_some(field))
            .expect("every named facet column is a column of FACETS")
    };
    let fields = Fields {
        id,
        source_path,
        source_name,
        url,
        title,
        title_fr,
        title_en,
        title_exact,
        body,
        body_fr,
        body_en,
        body_exact,
        language: facet(names::LANGUAGE),
        published,
        event_dates,
        sort_date,
        months: facet(names::MONTHS),
        place,
        regions: facet(names::REGIONS),
        countries: facet(names::COUNTRIES),
        localities: facet(names::LOCALITIES),
        actors: facet(names::ACTORS),
        extraction: b.add_json_field(names::EXTRACTION, STORED),
        content_hash: b.add_text_field(names::CONTENT_HASH, column.clone()),
        duplicate_of: b.add_text_field(names::DUPLICATE_OF, key),
        is_duplicate: b.add_u64_field(names::IS_DUPLICATE, NumericOptions::from(FAST)),
        source_hash: b.add_text_field(names::SOURCE_HASH, column),
        facets,
    };
    (b.build(), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_facet_has_its_own_column_and_name() {
        let (schema, fields) = build_schema();
        for (i, dim) in FACETS.iter().enumerate() {
            assert_eq!(
                fields.facets[i],
                schema.get_field(dim.column).expect("column")
            );
            assert_eq!(facet(dim.name).map(|(j, _)| j), Some(i), "{}", dim.name);
            for alias in dim.aliases {
                assert_eq!(facet(alias).map(|(j, _)| j), Some(i), "{alias}");
            }
            let others = FACETS.iter().enumerate().filter(|&(j, _)| j != i);
            for (_, other) in others {
                assert_ne!(other.name, dim.name);
                assert_ne!(other.column, dim.column);
            }
            if let Some(parent) = dim.grouped_under {
                assert!(
                    facet(parent).is_some(),
                    "{} grouped under {parent}",
                    dim.name
                );
            }
            if let Some(main) = dim.folded_under {
                let main = facet(main).map(|(_, main)| main);
                assert!(
                    main.is_some_and(|main| main.folded_under.is_none() && main.page.is_some()),
                    "{} folded under a dimension the page shows, itself not folded",
                    dim.name
                );
            }
        }
        assert_eq!(
            Fields::from_schema(&schema).map(|f| f.facets),
            Some(fields.facets)
        );
        assert_eq!(fields.regions, fields.facets[0]);
        assert_eq!(
            fields.language,
            schema.get_field(names::LANGUAGE).expect("language")
        );
    }
}
