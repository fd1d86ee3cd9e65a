//! Per-document facet values, dates and duplicate flags, read once per index generation from the
//! fast fields into flat arrays with index-wide value ids.
//!
//! Counting facets for every matching document is the hot loop of a search; with these arrays a
//! document costs a few slice reads instead of dictionary-encoded column lookups, and counts are
//! plain `Vec<u64>` indexed by value id, without merging per-segment dictionaries per query.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate};
use sahel_indexer::schema::names;
use sahel_text::fold;
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Searcher, SegmentReader};

use crate::Result;

/// Facet dimensions, in the order of the arrays below.
pub const REGION: usize = 0;
pub const COUNTRY: usize = 1;
pub const LOCALITY: usize = 2;
pub const ACTOR: usize = 3;
pub const LANGUAGE: usize = 4;
/// Months of the document's dates (event dates, else publication date), `YYYY-MM`.
pub const MONTH: usize = 5;
pub const DIMENSIONS: usize = 6;

/// The stored string fields of the first five dimensions.
const STR_FIELDS: [&str; 5] = [
    names::REGIONS,
    names::COUNTRIES,
    names::LOCALITIES,
    names::ACTORS,
    names::LANGUAGE,
];

/// Most dates per document kept for filtering (a report listing a hundred dates is rare, and its
/// first ones are the ones that matter).
const MAX_DATES_PER_DOC: usize = 32;

/// Values of one dimension, with index-wide ids.
#[derive(Debug, Default)]
pub struct ValueTable {
    pub values: Vec<String>,
    ids: HashMap<String, u32>,
    /// Folded value → ids of the values that fold to it (`Ménaka` and `Menaka` both indexed).
    by_fold: HashMap<String, Vec<u32>>,
}

impl ValueTable {
    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.to_string());
        self.ids.insert(value.to_string(), id);
        self.by_fold.entry(fold(value)).or_default().push(id);
        id
    }

    /// Ids of the indexed values equal to `value` without regard to case or accents.
    pub fn resolve(&self, value: &str) -> &[u32] {
        self.by_fold
            .get(&fold(value))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// A multi-valued per-document array: values of doc `d` are `ids[offsets[d]..offsets[d + 1]]`.
#[derive(Debug, Default)]
pub struct Csr<T> {
    offsets: Vec<u32>,
    ids: Vec<T>,
}

impl<T: Copy> Csr<T> {
    fn with_docs(max_doc: u32) -> Self {
        let mut offsets = Vec::with_capacity(max_doc as usize + 1);
        offsets.push(0);
        Csr {
            offsets,
            ids: Vec::new(),
        }
    }

    fn push_doc(&mut self, values: impl IntoIterator<Item = T>) {
        self.ids.extend(values);
        self.offsets.push(self.ids.len() as u32);
    }

    /// Values of one document.
    #[inline]
    pub fn get(&self, doc: DocId) -> &[T] {
        let doc = doc as usize;
        match (self.offsets.get(doc), self.offsets.get(doc + 1)) {
            (Some(&start), Some(&end)) => &self.ids[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// One segment's per-document data.
#[derive(Debug, Default)]
pub struct SegmentData {
    pub facets: [Csr<u32>; DIMENSIONS],
    /// Days since 1970-01-01 of the document's dates (event dates, else publication date).
    pub days: Csr<i32>,
    /// Sort key: seconds since the epoch of the sort date (`i64::MIN` when the doc has no date).
    pub sort_key: Vec<i64>,
    pub duplicate: Vec<bool>,
}

/// Everything precomputed for one index generation.
pub struct IndexData {
    pub searcher: Searcher,
    pub generation: u64,
    pub tables: [ValueTable; DIMENSIONS],
    pub segments: Vec<SegmentData>,
    /// Canonical id → number of alive duplicates.
    pub duplicate_counts: HashMap<String, u64>,
    pub canonical_docs: u64,
    pub duplicate_docs: u64,
}

/// Converts days since the epoch to a `YYYY-MM` month key.
pub fn month_of_day(day: i32) -> Option<String> {
    let date = NaiveDate::from_num_days_from_ce_opt(day + EPOCH_DAYS_FROM_CE)?;
    Some(format!("{:04}-{:02}", date.year(), date.month()))
}

/// Days from 0001-01-01 (CE day 1) to 1970-01-01.
pub const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// Days since the epoch of a date.
pub fn day_of(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - EPOCH_DAYS_FROM_CE
}

fn day_of_secs(secs: i64) -> Option<i32> {
    DateTime::from_timestamp(secs, 0).map(|dt| day_of(dt.date_naive()))
}

fn str_column(reader: &SegmentReader, field: &str) -> Result<Option<StrColumn>> {
    Ok(reader.fast_fields().str(field)?)
}

impl IndexData {
    /// Reads every segment of `searcher`.
    pub fn build(searcher: Searcher) -> Result<IndexData> {
        let generation = searcher.generation().generation_id();
        let mut tables: [ValueTable; DIMENSIONS] = Default::default();
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        let mut duplicate_counts: HashMap<String, u64> = HashMap::new();
        let mut canonical_docs = 0;
        let mut duplicate_docs = 0;
        let mut text = String::new();
        for reader in searcher.segment_readers() {
            let max_doc = reader.max_doc();
            let alive = reader.alive_bitset();
            let is_alive = |doc: DocId| alive.is_none_or(|bits| bits.is_alive(doc));
            let mut data = SegmentData {
                facets: Default::default(),
                days: Csr::with_docs(max_doc),
                sort_key: Vec::with_capacity(max_doc as usize),
                duplicate: Vec::with_capacity(max_doc as usize),
            };
            for (dim, field) in STR_FIELDS.iter().enumerate() {
                let mut csr = Csr::with_docs(max_doc);
                match str_column(reader, field)? {
                    Some(column) => {
                        // Segment ord → index-wide id.
                        let mut global = Vec::with_capacity(column.num_terms());
                        for ord in 0..column.num_terms() as u64 {
                            text.clear();
                            column.ord_to_str(ord, &mut text).map_err(|source| {
                                crate::SearchError::Io {
                                    path: field.into(),
                                    source,
                                }
                            })?;
                            global.push(tables[dim].intern(&text));
                        }
                        for doc in 0..max_doc {
                            let mut ids: Vec<u32> = column
                                .term_ords(doc)
                                .filter_map(|ord| global.get(ord as usize).copied())
                                .collect();
                            ids.sort_unstable();
                            ids.dedup();
                            csr.push_doc(ids);
                        }
                    }
                    None => (0..max_doc).for_each(|_| csr.push_doc([])),
                }
                data.facets[dim] = csr;
            }
            let fast = reader.fast_fields();
            let published = fast.date(names::PUBLISHED).ok();
            let events = fast.date(names::EVENT_DATES).ok();
            let sort_date = fast.date(names::SORT_DATE).ok();
            let duplicate_of = str_column(reader, names::DUPLICATE_OF)?;
            let mut months = Csr::with_docs(max_doc);
            for doc in 0..max_doc {
                let mut days: Vec<i32> = events
                    .as_ref()
                    .map(|c| {
                        c.values_for_doc(doc)
                            .take(MAX_DATES_PER_DOC)
                            .filter_map(|d| day_of_secs(d.into_timestamp_secs()))
                            .collect()
                    })
                    .unwrap_or_default();
                if days.is_empty() {
                    if let Some(day) = published
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .and_then(|d| day_of_secs(d.into_timestamp_secs()))
                    {
                        days.push(day);
                    }
                }
                days.sort_unstable();
                days.dedup();
                let mut month_ids: Vec<u32> = days
                    .iter()
                    .filter_map(|&day| month_of_day(day))
                    .map(|m| tables[MONTH].intern(&m))
                    .collect();
                month_ids.sort_unstable();
                month_ids.dedup();
                months.push_doc(month_ids);
                let key = sort_date
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .or_else(|| events.as_ref().and_then(|c| c.first(doc)))
                    .or_else(|| published.as_ref().and_then(|c| c.first(doc)))
                    .map_or(i64::MIN, |d| d.into_timestamp_secs());
                data.sort_key.push(key);
                data.days.push_doc(days);
                let canonical = duplicate_of.as_ref().and_then(|column| {
                    let ord = column.term_ords(doc).next()?;
                    let mut value = String::new();
                    column.ord_to_str(ord, &mut value).ok()?;
                    (!value.is_empty()).then_some(value)
                });
                let is_duplicate = canonical.is_some();
                data.duplicate.push(is_duplicate);
                if is_alive(doc) {
                    match canonical {
                        Some(canonical) => {
                            duplicate_docs += 1;
                            *duplicate_counts.entry(canonical).or_default() += 1;
                        }
                        None => canonical_docs += 1,
                    }
                }
            }
            data.facets[MONTH] = months;
            segments.push(data);
        }
        Ok(IndexData {
            searcher,
            generation,
            tables,
            segments,
            duplicate_counts,
            canonical_docs,
            duplicate_docs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_and_month_conversions_agree() {
        let date = NaiveDate::from_ymd_opt(2024, 3, 7).expect("valid date");
        let day = day_of(date);
        assert_eq!(month_of_day(day).as_deref(), Some("2024-03"));
        assert_eq!(
            day_of(NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid")),
            0
        );
        assert_eq!(day_of_secs(86_400 * 2), Some(2));
    }
}
