//! The values of a document kept as columns only (fast fields, neither stored nor, for most,
//! indexed): identity, source, language, dates and facet values. The searcher reads them back to
//! show a hit or a document, and the indexer to rebuild a promoted duplicate; storing them too
//! would repeat them in the document store.
//!
//! Multi-valued columns give their values in byte order, not in the order they were added.

use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocId, SegmentReader};

use crate::schema::{names, FacetKind, FACETS};
use crate::Result;

/// One segment's columns, opened once and read for any number of its documents.
#[derive(Clone)]
pub struct DocColumns {
    id: Option<StrColumn>,
    source_path: Option<StrColumn>,
    source_name: Option<StrColumn>,
    duplicate_of: Option<StrColumn>,
    published: Option<Column<DateTime>>,
    event_dates: Option<Column<DateTime>>,
    /// The column of each facet dimension, in the order of [`FACETS`].
    facets: Vec<Option<StrColumn>>,
}

/// What the columns hold for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnValues {
    pub id: String,
    pub source_path: String,
    pub source_name: Option<String>,
    /// `fr`, `en`, `ar` or `und` (also when the column has no value).
    pub language: String,
    pub published: Option<DateTime>,
    /// Ascending.
    pub event_dates: Vec<DateTime>,
    pub duplicate_of: Option<String>,
    /// The values of each facet dimension, in the order of [`FACETS`] (the language as its one
    /// code).
    pub facets: Vec<Vec<String>>,
    // The values of the first facets again, by name: what the indexer's pipeline copies into a
    // document it rebuilds (`add_facet_values`), until it writes `facets` instead.
    pub months: Vec<String>,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
    pub localities: Vec<String>,
    pub actors: Vec<String>,
}

impl DocColumns {
    /// Opens the columns of one segment (a column no document of the segment has is absent, and
    /// reads as no value).
    pub fn open(reader: &SegmentReader) -> Result<DocColumns> {
        let fast = reader.fast_fields();
        let mut facets = Vec::with_capacity(FACETS.len());
        for dim in &FACETS {
            facets.push(fast.str(dim.column)?);
        }
        Ok(DocColumns {
            id: fast.str(names::ID)?,
            source_path: fast.str(names::SOURCE_PATH)?,
            source_name: fast.str(names::SOURCE_NAME)?,
            duplicate_of: fast.str(names::DUPLICATE_OF)?,
            published: fast.date(names::PUBLISHED).ok(),
            event_dates: fast.date(names::EVENT_DATES).ok(),
            facets,
        })
    }

    /// The id of one document (empty when it has none).
    pub fn id(&self, doc: DocId) -> String {
        first(&self.id, doc).unwrap_or_default()
    }

    /// Everything the columns hold for one document.
    pub fn values(&self, doc: DocId) -> ColumnValues {
        let mut event_dates: Vec<DateTime> = self
            .event_dates
            .as_ref()
            .map(|c| c.values_for_doc(doc).collect())
            .unwrap_or_default();
        event_dates.sort_unstable();
        let facets: Vec<Vec<String>> = FACETS
            .iter()
            .zip(&self.facets)
            .map(|(dim, column)| match dim.kind {
                FacetKind::Language => vec![first(column, doc)
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "und".to_string())],
                FacetKind::Names | FacetKind::Months => all(column, doc),
            })
            .collect();
        let named = |column: &str| -> Vec<String> {
            FACETS
                .iter()
                .zip(&facets)
                .find_map(|(dim, values)| (dim.column == column).then(|| values.clone()))
                .unwrap_or_default()
        };
        ColumnValues {
            id: self.id(doc),
            source_path: first(&self.source_path, doc).unwrap_or_default(),
            source_name: first(&self.source_name, doc).filter(|s| !s.is_empty()),
            language: named(names::LANGUAGE)
                .pop()
                .unwrap_or_else(|| "und".to_string()),
            published: self.published.as_ref().and_then(|c| c.first(doc)),
            event_dates,
            duplicate_of: first(&self.duplicate_of, doc).filter(|s| !s.is_empty()),
            months: named(names::MONTHS),
            regions: named(names::REGIONS),
            countries: named(names::COUNTRIES),
            localities: named(names::LOCALITIES),
            actors: named(names::ACTORS),
            facets,
        }
    }
}

fn all(column: &Option<StrColumn>, doc: DocId) -> Vec<String> {
    let Some(column) = column else {
        return Vec::new();
    };
    column
        .term_ords(doc)
        .filter_map(|ord| {
            let mut value = String::new();
            matches!(column.ord_to_str(ord, &mut value), Ok(true)).then_some(value)
        })
        .collect()
}

fn first(column: &Option<StrColumn>, doc: DocId) -> Option<String> {
    let column = column.as_ref()?;
    let ord = column.term_ords(doc).next()?;
    let mut value = String::new();
    matches!(column.ord_to_str(ord, &mut value), Ok(true)).then_some(value)
}
