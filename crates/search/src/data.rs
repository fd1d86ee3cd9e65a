//! Per-document facet values, dates and duplicate flags, read once per index generation from the
//! fast fields into flat arrays with index-wide value ids.
//!
//! Counting facets for every matching document is the hot loop of a search; with these arrays a
//! document costs a few slice reads instead of dictionary-encoded column lookups, and counts are
//! plain `Vec<u64>` indexed by value id, without merging per-segment dictionaries per query.
//!
//! A dimension is a facet of [`FACETS`], by its position there: everything here follows from
//! that table (which columns are read, which dimension holds the months of the dates, which ones
//! are counted).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate};
use sahel_indexer::columns::DocColumns;
use sahel_indexer::schema::{names, FacetKind, FACETS};
use sahel_text::fold;
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use crate::Result;

/// Number of facet dimensions: the length of the arrays below.
pub const DIMENSIONS: usize = FACETS.len();
/// The dimension of the months of the document's dates (event dates, else publication date),
/// `YYYY-MM`: also the timeline's, and the one a day range filters.
pub const MONTH: usize = months_dimension();
/// Per dimension, whether answers list its counts.
pub const COUNTED: [bool; DIMENSIONS] = {
    let mut counted = [false; DIMENSIONS];
    let mut dim = 0;
    while dim < DIMENSIONS {
        counted[dim] = FACETS[dim].counts;
        dim += 1;
    }
    counted
};

/// Per dimension, the filter group it belongs to: a dimension grouped under another in the page
/// (regions under their country) filters and counts as one facet with it: OR within the group,
/// AND across groups; a document failing only that group's filters counts in each of its facets
/// (so a country never counts fewer documents than one of its regions). Otherwise its own.
pub const FILTER_GROUP: [usize; DIMENSIONS] = {
    let mut group = [0; DIMENSIONS];
    let mut dim = 0;
    while dim < DIMENSIONS {
        group[dim] = dim;
        if let Some(parent) = FACETS[dim].grouped_under {
            let mut other = 0;
            while other < DIMENSIONS {
                if str_eq(FACETS[other].name, parent) {
                    group[dim] = other;
                }
                other += 1;
            }
        }
        dim += 1;
    }
    group
};

/// `a == b`, in a `const` context.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The position of the [`FacetKind::Months`] dimension in [`FACETS`] (there must be one).
const fn months_dimension() -> usize {
    let mut dim = 0;
    while dim < DIMENSIONS {
        if matches!(FACETS[dim].kind, FacetKind::Months) {
            return dim;
        }
        dim += 1;
    }
    panic!("FACETS has no dimension of months")
}

/// Most dates per document kept for filtering (a report listing a hundred dates is rare, and its
/// first ones are the ones that matter).
const MAX_DATES_PER_DOC: usize = 32;

/// Values of one dimension, with index-wide ids.
#[derive(Debug, Default)]
pub struct ValueTable {
    pub values: Vec<String>,
    /// Per value id, its position among the values in byte order (filled once the table is
    /// complete): sorting ids by rank sorts them by value, without comparing strings.
    pub rank: Vec<u32>,
    ids: HashMap<String, u32>,
    /// Folded value → ids of the values that fold to it (`Ménaka` and `Menaka` both indexed).
    by_fold: HashMap<String, Vec<u32>>,
    /// Per value id, the id of the spelling its counts are listed under: of the values equal
    /// without regard to case or accents (`FAMa`, `FAMA`), the one most documents hold (filled
    /// once the counts are known; empty: each value is its own).
    pub spelling: Vec<u32>,
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

    /// Ranks the values in byte order (see [`ValueTable::rank`]).
    fn rank_values(&mut self) {
        let mut ids: Vec<u32> = (0..self.values.len() as u32).collect();
        ids.sort_unstable_by(|&a, &b| self.values[a as usize].cmp(&self.values[b as usize]));
        self.rank = vec![0; ids.len()];
        for (rank, &id) in ids.iter().enumerate() {
            self.rank[id as usize] = rank as u32;
        }
    }

    /// Lists the values equal without regard to case or accents under one spelling, the one
    /// with most documents (`counts`, by value id), ties to the first in byte order.
    fn choose_spellings(&mut self, counts: &[u32]) {
        self.spelling = (0..self.values.len() as u32).collect();
        for ids in self.by_fold.values().filter(|ids| ids.len() > 1) {
            let count = |id: u32| counts.get(id as usize).copied().unwrap_or(0);
            let rank = |id: u32| self.rank.get(id as usize).copied().unwrap_or(u32::MAX);
            let Some(&best) = ids
                .iter()
                .min_by_key(|&&id| (std::cmp::Reverse(count(id)), rank(id)))
            else {
                continue;
            };
            for &id in ids {
                self.spelling[id as usize] = best;
            }
        }
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

/// The order of the dimensions inside a document's record: those not counted in facets first
/// (locality), so the counted ones are one contiguous run.
pub const STORAGE_ORDER: [usize; DIMENSIONS] = {
    let mut order = [0; DIMENSIONS];
    let mut at = 0;
    let mut dim = 0;
    while dim < DIMENSIONS {
        if !COUNTED[dim] {
            order[at] = dim;
            at += 1;
        }
        dim += 1;
    }
    let mut dim = 0;
    while dim < DIMENSIONS {
        if COUNTED[dim] {
            order[at] = dim;
            at += 1;
        }
        dim += 1;
    }
    order
};
/// How many dimensions are not counted: the first ones of [`STORAGE_ORDER`].
const UNCOUNTED: usize = {
    let mut n = 0;
    let mut dim = 0;
    while dim < DIMENSIONS {
        if !COUNTED[dim] {
            n += 1;
        }
        dim += 1;
    }
    n
};
/// Most values of one dimension kept per document (a record stores the count in a byte).
const MAX_VALUES_PER_DIM: usize = 255;
/// Header bytes of a record: the value count of each dimension, the number of slots in the
/// line, the flags.
const HEADER_BYTES: usize = (DIMENSIONS + 2).div_ceil(4) * 4;
/// Header words of a record's line.
const HEADER_WORDS: usize = HEADER_BYTES / 4;
/// Header byte with the number of slots stored in the line.
const SLOTS_BYTE: usize = DIMENSIONS;
/// Header byte with the flags.
const FLAGS_BYTE: usize = DIMENSIONS + 1;
/// Flag byte of a record: the document is a duplicate of another.
const DUPLICATE_FLAG: u8 = 1;
/// Flag byte of a record: the slots are in the segment's overflow array, not in the line.
const OVERFLOW_FLAG: u8 = 2;
/// Slots stored in a record's own cache line.
const INLINE_SLOTS: usize = 16 - HEADER_WORDS;

/// One document's record, one cache line: header words (value counts per dimension, the number
/// of slots in the line, flags; two words for up to six dimensions), then up to
/// [`INLINE_SLOTS`] slots, or the offset and length of the slots in the overflow array. Counting
/// a matching document then touches one line of memory.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Line([u32; 16]);

/// One document's facet values as index-wide slots (value id + the dimension's base, see
/// [`IndexData::bases`]), in [`STORAGE_ORDER`], with their counts per dimension.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// Values per dimension (indexed by dimension), the slots in the line, the flag byte.
    lens: [u8; HEADER_BYTES],
    slots: &'a [u32],
}

impl<'a> Record<'a> {
    const EMPTY: Record<'static> = Record {
        lens: [0; HEADER_BYTES],
        slots: &[],
    };

    /// Whether the document is a duplicate (never counted nor listed).
    #[inline]
    pub fn is_duplicate(&self) -> bool {
        self.lens[FLAGS_BYTE] & DUPLICATE_FLAG != 0
    }

    /// The slots of one dimension.
    #[inline]
    pub fn dim(&self, dim: usize) -> &'a [u32] {
        let mut start = 0;
        for d in STORAGE_ORDER {
            let len = usize::from(self.lens[d]);
            if d == dim {
                return self.slots.get(start..start + len).unwrap_or(&[]);
            }
            start += len;
        }
        &[]
    }

    /// The slots of every dimension counted in facets.
    #[inline]
    pub fn counted(&self) -> &'a [u32] {
        let mut uncounted = 0;
        for &dim in &STORAGE_ORDER[..UNCOUNTED] {
            uncounted += usize::from(self.lens[dim]);
        }
        self.slots.get(uncounted..).unwrap_or(&[])
    }
}

/// Per slot, the live canonical documents holding that value, ascending.
#[derive(Debug, Default)]
pub struct Postings {
    offsets: Vec<u32>,
    docs: Vec<DocId>,
}

impl Postings {
    /// The documents of one slot.
    pub fn docs(&self, slot: usize) -> &[DocId] {
        match (self.offsets.get(slot), self.offsets.get(slot + 1)) {
            (Some(&start), Some(&end)) => {
                self.docs.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }
}

/// One segment's per-document data.
#[derive(Debug, Default)]
pub struct SegmentData {
    /// One record per document.
    lines: Vec<Line>,
    /// Slots of the documents with more than fit in their line.
    overflow: Vec<u32>,
    /// Days since 1970-01-01 of the document's dates (event dates, else publication date).
    pub days: Csr<i32>,
    /// Sort key: seconds since the epoch of the sort date (`i64::MIN` when the doc has no date).
    pub sort_key: Vec<i64>,
    /// Live canonical documents by value.
    pub postings: Postings,
}

impl SegmentData {
    /// Builds the postings of the live canonical documents (after [`SegmentData::rebase`]).
    fn index_postings(&mut self, slots: usize, alive: impl Fn(DocId) -> bool) {
        let docs = self.lines.len() as DocId;
        let live = |doc: DocId| alive(doc) && !self.record(doc).is_duplicate();
        let mut counts = vec![0u32; slots + 1];
        for doc in (0..docs).filter(|&d| live(d)) {
            for &slot in self.record(doc).slots {
                if let Some(c) = counts.get_mut(slot as usize + 1) {
                    *c += 1;
                }
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut postings = vec![0 as DocId; counts.last().copied().unwrap_or(0) as usize];
        for doc in (0..docs).filter(|&d| live(d)) {
            for &slot in self.record(doc).slots {
                if let Some(at) = fill.get_mut(slot as usize) {
                    if let Some(p) = postings.get_mut(*at as usize) {
                        *p = doc;
                    }
                    *at += 1;
                }
            }
        }
        self.postings = Postings {
            offsets: counts,
            docs: postings,
        };
    }

    /// Reads the first word of a document's record: brings its line into the cache.
    #[inline]
    pub fn touch(&self, doc: DocId) -> u32 {
        self.lines.get(doc as usize).map_or(0, |line| line.0[0])
    }

    /// The record of one document (an empty one past the end).
    #[inline]
    pub fn record(&self, doc: DocId) -> Record<'_> {
        let Some(line) = self.lines.get(doc as usize) else {
            return Record::EMPTY;
        };
        let mut lens = [0u8; HEADER_BYTES];
        for (bytes, word) in lens.chunks_exact_mut(4).zip(&line.0) {
            bytes.copy_from_slice(&word.to_le_bytes());
        }
        let slots = if lens[FLAGS_BYTE] & OVERFLOW_FLAG != 0 {
            let (start, len) = (
                line.0[HEADER_WORDS] as usize,
                line.0[HEADER_WORDS + 1] as usize,
            );
            self.overflow.get(start..start + len).unwrap_or(&[])
        } else {
            line.0
                .get(HEADER_WORDS..HEADER_WORDS + usize::from(lens[SLOTS_BYTE]))
                .unwrap_or(&[])
        };
        Record { lens, slots }
    }

    /// Appends a document's record: value ids per dimension (indexed by dimension).
    fn push_record(&mut self, values: &[Vec<u32>; DIMENSIONS], duplicate: bool) {
        let mut lens = [0u8; HEADER_BYTES];
        for dim in 0..DIMENSIONS {
            lens[dim] = values[dim].len().min(MAX_VALUES_PER_DIM) as u8;
        }
        lens[FLAGS_BYTE] = if duplicate { DUPLICATE_FLAG } else { 0 };
        let slots: Vec<u32> = STORAGE_ORDER
            .iter()
            .flat_map(|&dim| values[dim].iter().take(MAX_VALUES_PER_DIM).copied())
            .collect();
        let mut line = Line::default();
        if slots.len() <= INLINE_SLOTS {
            lens[SLOTS_BYTE] = slots.len() as u8;
            line.0[HEADER_WORDS..HEADER_WORDS + slots.len()].copy_from_slice(&slots);
        } else {
            lens[FLAGS_BYTE] |= OVERFLOW_FLAG;
            line.0[HEADER_WORDS] = self.overflow.len() as u32;
            line.0[HEADER_WORDS + 1] = slots.len() as u32;
            self.overflow.extend_from_slice(&slots);
        }
        for (word, bytes) in line.0.iter_mut().zip(lens.chunks_exact(4)) {
            *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        self.lines.push(line);
    }

    /// Turns the value ids of every record into slots (id + base of its dimension).
    fn rebase(&mut self, bases: &[u32; DIMENSIONS]) {
        for doc in 0..self.lines.len() {
            let record = self.record(doc as DocId);
            let lens = record.lens;
            let mut shifted: Vec<u32> = record.slots.to_vec();
            let mut at = 0;
            for dim in STORAGE_ORDER {
                let len = usize::from(lens[dim]);
                for slot in shifted.iter_mut().skip(at).take(len) {
                    *slot += bases[dim];
                }
                at += len;
            }
            let line = &mut self.lines[doc];
            if lens[FLAGS_BYTE] & OVERFLOW_FLAG != 0 {
                let start = line.0[HEADER_WORDS] as usize;
                self.overflow[start..start + shifted.len()].copy_from_slice(&shifted);
            } else {
                line.0[HEADER_WORDS..HEADER_WORDS + shifted.len()].copy_from_slice(&shifted);
            }
        }
    }
}

/// Everything precomputed for one index generation.
pub struct IndexData {
    pub searcher: Searcher,
    pub generation: u64,
    pub tables: [ValueTable; DIMENSIONS],
    /// Slot of value id 0 of each dimension: the values of all dimensions share one numbering,
    /// so a search counts facets in a single array.
    pub bases: [u32; DIMENSIONS],
    /// Number of slots (values of every dimension).
    pub slots: usize,
    pub segments: Vec<SegmentData>,
    /// Per segment, the columns a hit or a document shows (id, source, dates, facet values).
    pub columns: Vec<DocColumns>,
    /// Canonical id → number of alive duplicates.
    pub duplicate_counts: HashMap<String, u64>,
    pub canonical_docs: u64,
    pub duplicate_docs: u64,
    /// Facet counts over every live canonical document, by slot (the answer of a search
    /// without query nor filter, and the disjunctive counts of a lone filter when browsing).
    pub all_counts: Vec<u32>,
    /// Live canonical documents, newest first (ties in index order), undated ones last.
    pub newest_first: Vec<DocAddress>,
    /// Live canonical documents, oldest first (ties in index order), undated ones last.
    pub oldest_first: Vec<DocAddress>,
    /// Every month (`YYYY-MM`) from the index's first to its last, in order: the timeline's
    /// labels, written once per generation.
    pub calendar: Vec<String>,
    /// Position in [`IndexData::calendar`] of each month id (`u32::MAX` for a malformed one).
    pub month_position: Vec<u32>,
    /// Where each locality of the locality facet is, found when first shown on a map.
    pub places: crate::places::PlaceBook,
}

impl IndexData {
    /// The slots of one dimension's values.
    pub fn slot_range(&self, dim: usize) -> std::ops::Range<usize> {
        let base = self.bases[dim] as usize;
        base..base + self.tables[dim].len()
    }
}

/// Year and month of a `YYYY-MM` key.
fn year_month(key: &str) -> Option<(i32, u32)> {
    let (year, month) = key.split_once('-')?;
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    (1..=12).contains(&month).then_some((year, month))
}

/// The labels of every month between the first and the last of `months`, and the position of
/// each month id among them.
fn calendar_of(months: &ValueTable) -> (Vec<String>, Vec<u32>) {
    let parsed: Vec<Option<i64>> = months
        .values
        .iter()
        .map(|m| year_month(m).map(|(y, m)| i64::from(y) * 12 + i64::from(m) - 1))
        .collect();
    let (Some(first), Some(last)) = (
        parsed.iter().flatten().min().copied(),
        parsed.iter().flatten().max().copied(),
    ) else {
        return (Vec::new(), vec![u32::MAX; parsed.len()]);
    };
    let calendar = (first..=last)
        .map(|n| format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1))
        .collect();
    let positions = parsed
        .iter()
        .map(|p| p.map_or(u32::MAX, |n| (n - first) as u32))
        .collect();
    (calendar, positions)
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

/// Every term of a string column, by ordinal: one sequential pass over its dictionary (looking
/// ordinals up one by one decompresses a dictionary block each time).
fn column_terms(column: &StrColumn, field: &str) -> Result<Vec<String>> {
    let io = |source| crate::SearchError::Io {
        path: field.into(),
        source,
    };
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream().map_err(io)?;
    while stream.advance() {
        let ord = stream.term_ord() as usize;
        if ord != terms.len() {
            return Err(io(std::io::Error::other(
                "dictionary ordinals out of order",
            )));
        }
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

impl IndexData {
    /// Reads every segment of `searcher`.
    pub fn build(searcher: Searcher) -> Result<IndexData> {
        let generation = searcher.generation().generation_id();
        let mut tables: [ValueTable; DIMENSIONS] = Default::default();
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        let mut columns = Vec::with_capacity(searcher.segment_readers().len());
        let mut duplicates = DuplicateCounts::default();
        for reader in searcher.segment_readers() {
            segments.push(read_segment(reader, &mut tables, &mut duplicates)?);
            columns.push(DocColumns::open(reader)?);
        }
        let mut bases = [0u32; DIMENSIONS];
        let mut slots = 0usize;
        for dim in 0..DIMENSIONS {
            bases[dim] = slots as u32;
            slots += tables[dim].len();
        }
        let mut all_counts = vec![0u32; slots];
        let mut dated: Vec<(i64, DocAddress)> = Vec::new();
        let mut undated: Vec<DocAddress> = Vec::new();
        for (ord, (segment, reader)) in segments
            .iter_mut()
            .zip(searcher.segment_readers())
            .enumerate()
        {
            segment.rebase(&bases);
            let alive_bits = reader.alive_bitset();
            let alive = |doc: DocId| alive_bits.is_none_or(|bits| bits.is_alive(doc));
            segment.index_postings(slots, alive);
            for doc in 0..reader.max_doc() {
                let record = segment.record(doc);
                if !alive(doc) || record.is_duplicate() {
                    continue;
                }
                for &slot in record.counted() {
                    if let Some(c) = all_counts.get_mut(slot as usize) {
                        *c += 1;
                    }
                }
                let address = DocAddress::new(ord as u32, doc);
                match segment.sort_key.get(doc as usize).copied() {
                    Some(key) if key != i64::MIN => dated.push((key, address)),
                    _ => undated.push(address),
                }
            }
        }
        let (oldest_first, newest_first) = date_orders(dated, &undated);
        for (dim, table) in tables.iter_mut().enumerate() {
            table.rank_values();
            if FACETS[dim].kind == FacetKind::Names {
                let base = bases[dim] as usize;
                table.choose_spellings(all_counts.get(base..base + table.len()).unwrap_or(&[]));
            }
        }
        let (calendar, month_position) = calendar_of(&tables[MONTH]);
        Ok(IndexData {
            searcher,
            generation,
            tables,
            calendar,
            month_position,
            bases,
            slots,
            segments,
            columns,
            duplicate_counts: duplicates.by_canonical,
            canonical_docs: duplicates.canonical_docs,
            duplicate_docs: duplicates.duplicate_docs,
            all_counts,
            newest_first,
            oldest_first,
            places: crate::places::PlaceBook::default(),
        })
    }
}

/// Live documents counted by whether they duplicate another, and the duplicates of each
/// canonical document.
#[derive(Default)]
struct DuplicateCounts {
    by_canonical: HashMap<String, u64>,
    canonical_docs: u64,
    duplicate_docs: u64,
}

/// One segment's records, dates and sort keys, its facet values interned into `tables` (value
/// ids not yet rebased), its live documents counted into `duplicates`.
fn read_segment(
    reader: &SegmentReader,
    tables: &mut [ValueTable; DIMENSIONS],
    duplicates: &mut DuplicateCounts,
) -> Result<SegmentData> {
    let max_doc = reader.max_doc();
    let alive = reader.alive_bitset();
    let is_alive = |doc: DocId| alive.is_none_or(|bits| bits.is_alive(doc));
    let mut data = SegmentData {
        lines: Vec::with_capacity(max_doc as usize),
        overflow: Vec::new(),
        days: Csr::with_docs(max_doc),
        sort_key: Vec::with_capacity(max_doc as usize),
        postings: Postings::default(),
    };
    let facets = read_facet_ids(reader, tables)?;
    let fast = reader.fast_fields();
    let published = fast.date(names::PUBLISHED).ok();
    let events = fast.date(names::EVENT_DATES).ok();
    let sort_date = fast.date(names::SORT_DATE).ok();
    let duplicate_of = str_column(reader, names::DUPLICATE_OF)?;
    let duplicate_terms = match &duplicate_of {
        Some(column) => column_terms(column, names::DUPLICATE_OF)?,
        None => Vec::new(),
    };
    let mut values: [Vec<u32>; DIMENSIONS] = Default::default();
    for doc in 0..max_doc {
        let days = doc_days(events.as_ref(), published.as_ref(), doc);
        for (dim, csr) in facets.iter().enumerate() {
            values[dim].clear();
            values[dim].extend_from_slice(csr.get(doc));
        }
        let month_ids = &mut values[MONTH];
        month_ids.clear();
        month_ids.extend(
            days.iter()
                .filter_map(|&day| month_of_day(day))
                .map(|m| tables[MONTH].intern(&m)),
        );
        month_ids.sort_unstable();
        month_ids.dedup();
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
            let value = duplicate_terms.get(ord as usize)?;
            (!value.is_empty()).then(|| value.clone())
        });
        data.push_record(&values, canonical.is_some());
        if is_alive(doc) {
            match canonical {
                Some(canonical) => {
                    duplicates.duplicate_docs += 1;
                    *duplicates.by_canonical.entry(canonical).or_default() += 1;
                }
                None => duplicates.canonical_docs += 1,
            }
        }
    }
    Ok(data)
}

/// Per facet dimension read from its column (all but the months, which come from the dates),
/// each document's value ids (interned into `tables`), sorted and each once.
fn read_facet_ids(
    reader: &SegmentReader,
    tables: &mut [ValueTable; DIMENSIONS],
) -> Result<[Csr<u32>; DIMENSIONS]> {
    let max_doc = reader.max_doc();
    let mut facets: [Csr<u32>; DIMENSIONS] = Default::default();
    for (dim, facet) in FACETS.iter().enumerate() {
        let mut csr = Csr::with_docs(max_doc);
        let column = match facet.kind {
            FacetKind::Months => None,
            FacetKind::Names | FacetKind::Language => str_column(reader, facet.column)?,
        };
        let field = facet.column;
        match column {
            Some(column) => {
                // Segment ord → index-wide id.
                let global: Vec<u32> = column_terms(&column, field)?
                    .iter()
                    .map(|term| tables[dim].intern(term))
                    .collect();
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
        facets[dim] = csr;
    }
    Ok(facets)
}

/// The days of a document's dates, ascending, each once: its event dates (the first
/// [`MAX_DATES_PER_DOC`]), else its publication date.
fn doc_days(
    events: Option<&Column<tantivy::DateTime>>,
    published: Option<&Column<tantivy::DateTime>>,
    doc: DocId,
) -> Vec<i32> {
    let mut days: Vec<i32> = events
        .map(|c| {
            c.values_for_doc(doc)
                .take(MAX_DATES_PER_DOC)
                .filter_map(|d| day_of_secs(d.into_timestamp_secs()))
                .collect()
        })
        .unwrap_or_default();
    if days.is_empty() {
        if let Some(day) = published
            .and_then(|c| c.first(doc))
            .and_then(|d| day_of_secs(d.into_timestamp_secs()))
        {
            days.push(day);
        }
    }
    days.sort_unstable();
    days.dedup();
    days
}

/// The live canonical documents oldest first and newest first (ties in index order), undated
/// ones last in both.
fn date_orders(
    mut dated: Vec<(i64, DocAddress)>,
    undated: &[DocAddress],
) -> (Vec<DocAddress>, Vec<DocAddress>) {
    dated.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let oldest_first: Vec<DocAddress> = dated
        .iter()
        .map(|(_, a)| *a)
        .chain(undated.iter().copied())
        .collect();
    dated.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let newest_first: Vec<DocAddress> = dated
        .iter()
        .map(|(_, a)| *a)
        .chain(undated.iter().copied())
        .collect();
    (oldest_first, newest_first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_values_byte_order() {
        let mut table = ValueTable::default();
        for value in ["Tombouctou", "Gao", "Ménaka", "Mopti", "gao", "Ansongo"] {
            table.intern(value);
        }
        table.rank_values();
        let mut by_rank: Vec<&str> = table.values.iter().map(String::as_str).collect();
        by_rank.sort_by_key(|v| table.rank[table.values.iter().position(|x| x == v).unwrap_or(0)]);
        let mut sorted: Vec<&str> = table.values.iter().map(String::as_str).collect();
        sorted.sort();
        assert_eq!(by_rank, sorted);
    }

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
