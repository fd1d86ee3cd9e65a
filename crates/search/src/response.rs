//! A search's answer: the facet counts and the timeline over the generation's value tables, and
//! the JSON of `/api/search` written straight from them (the bytes `serde_json` writes for the
//! [`SearchResponse`], without building it: no facet value or month label is copied into a
//! string of its own).

use std::sync::Arc;

use crate::api::{FacetCount, Hit, MapPlace, MonthCount, QueryInfo, SearchResponse};
use crate::collect::Outcome;
use crate::data::IndexData;
use crate::filters::month_overlaps;
use crate::per_facet::{FacetKind, Facets, PerFacet};
use crate::Result;

/// Most facet values listed per facet.
const MAX_FACET_VALUES: usize = 200;

/// Per counted dimension, the (value id, count) pairs listed: values with documents, months in
/// order and the others most frequent first, at most [`MAX_FACET_VALUES`]; values equal but for
/// case or accents are listed once, under the spelling most documents hold; with a day range
/// (`days`), only the months it overlaps.
pub type FacetLists = PerFacet<Vec<(u32, u32)>, crate::per_facet::Counting>;

pub fn facet_lists(data: &IndexData, outcome: &Outcome, days: Option<(i32, i32)>) -> FacetLists {
    let mut lists = FacetLists::default();
    let counted: Vec<(usize, FacetKind)> = lists
        .iter()
        .map(|(dim, facet, _)| (dim, facet.kind))
        .collect();
    for (dim, kind) in counted {
        if let Some(list) = lists.at_mut(dim) {
            *list = facet_list(data, outcome, dim, kind, days);
        }
    }
    lists
}

/// The values listed for one dimension.
fn facet_list(
    data: &IndexData,
    outcome: &Outcome,
    dim: usize,
    kind: FacetKind,
    days: Option<(i32, i32)>,
) -> Vec<(u32, u32)> {
    let table = &data.tables[dim];
    // By value: by rank, the values' byte order.
    let rank = |id: u32| table.rank.get(id as usize).copied().unwrap_or(u32::MAX);
    let mut counts: Vec<u32> = outcome.dim_counts(data, dim).to_vec();
    counts.truncate(table.values.len());
    if !table.spelling.is_empty() {
        for id in 0..counts.len() {
            let spelling = table.spelling.get(id).map_or(id, |&s| s as usize);
            if spelling != id && spelling < counts.len() {
                counts[spelling] += counts[id];
                counts[id] = 0;
            }
        }
    }
    let within = |id: usize| match (kind, days) {
        (FacetKind::Months, Some((from, to))) => month_overlaps(&table.values[id], from, to),
        _ => true,
    };
    let mut list: Vec<(u32, u32)> = counts
        .iter()
        .enumerate()
        .filter(|&(id, &count)| count > 0 && within(id))
        .map(|(id, &count)| (id as u32, count))
        .collect();
    if kind == FacetKind::Months {
        list.sort_unstable_by_key(|&(id, _)| rank(id));
    } else {
        list.sort_unstable_by_key(|&(id, count)| (std::cmp::Reverse(count), rank(id)));
    }
    list.truncate(MAX_FACET_VALUES);
    list
}

fn facets_from(data: &IndexData, lists: &FacetLists) -> Facets {
    Facets::from_fn(|dim| {
        let values = &data.tables[dim].values;
        lists
            .at(dim)
            .map(|list| {
                list.iter()
                    .map(|&(id, count)| FacetCount {
                        value: values.get(id as usize).cloned().unwrap_or_default(),
                        count: u64::from(count),
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

pub fn facets_of(data: &IndexData, outcome: &Outcome) -> Facets {
    facets_from(data, &facet_lists(data, outcome, None))
}

/// The timeline as counts: the calendar position of its first month, and the documents of
/// every month from there to the last with documents, zeros included.
#[derive(Debug, Default)]
pub struct TimelineCounts {
    first: usize,
    counts: Vec<u64>,
}

impl TimelineCounts {
    fn months<'a>(&'a self, data: &'a IndexData) -> impl Iterator<Item = (&'a str, u64)> + 'a {
        data.calendar
            .get(self.first..self.first + self.counts.len())
            .unwrap_or(&[])
            .iter()
            .map(String::as_str)
            .zip(self.counts.iter().copied())
    }
}

/// The timeline of month counts (by month id); with a day range (`days`), only the months it
/// overlaps.
pub fn timeline_counts(
    data: &IndexData,
    counts: &[u32],
    days: Option<(i32, i32)>,
) -> TimelineCounts {
    let within = |position: u32| match days {
        Some((from, to)) => data
            .calendar
            .get(position as usize)
            .is_some_and(|month| month_overlaps(month, from, to)),
        None => true,
    };
    let positions = || {
        counts
            .iter()
            .zip(&data.month_position)
            .filter(|(&c, &p)| c > 0 && (p as usize) < data.calendar.len() && within(p))
            .map(|(&c, &p)| (p as usize, c))
    };
    let (Some(first), Some(last)) = (
        positions().map(|(p, _)| p).min(),
        positions().map(|(p, _)| p).max(),
    ) else {
        return TimelineCounts::default();
    };
    let mut out = vec![0u64; last - first + 1];
    for (position, count) in positions() {
        if let Some(slot) = out.get_mut(position - first) {
            *slot += u64::from(count);
        }
    }
    TimelineCounts { first, counts: out }
}

/// Every month from the first to the last with documents, zeros included.
pub fn timeline_of(data: &IndexData, counts: &[u32]) -> Vec<MonthCount> {
    timeline_counts(data, counts, None)
        .months(data)
        .map(|(month, count)| MonthCount {
            month: month.to_string(),
            count,
        })
        .collect()
}

/// A search's answer before it becomes a [`SearchResponse`] or JSON: facets and timeline as
/// counts over the generation's value tables.
pub struct Answer {
    pub total: u64,
    pub took_ms: f64,
    pub query: QueryInfo,
    pub hits: Vec<Hit>,
    pub facets: FacetLists,
    pub timeline: TimelineCounts,
    pub places: Vec<MapPlace>,
    pub data: Arc<IndexData>,
}

impl Answer {
    pub fn into_response(self) -> SearchResponse {
        SearchResponse {
            total: self.total,
            took_ms: self.took_ms,
            facets: facets_from(&self.data, &self.facets),
            timeline: self
                .timeline
                .months(&self.data)
                .map(|(month, count)| MonthCount {
                    month: month.to_string(),
                    count,
                })
                .collect(),
            query: self.query,
            hits: self.hits,
            places: self.places,
        }
    }

    /// Appends exactly what `serde_json::to_writer` writes for [`Answer::into_response`].
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<()> {
        let json = |out: &mut Vec<u8>, value: &dyn erased::Json| value.write(out);
        out.extend_from_slice(b"{\"total\":");
        json(out, &self.total)?;
        out.extend_from_slice(b",\"took_ms\":");
        json(out, &self.took_ms)?;
        out.extend_from_slice(b",\"query\":");
        json(out, &self.query)?;
        out.extend_from_slice(b",\"hits\":");
        json(out, &self.hits)?;
        out.extend_from_slice(b",\"facets\":{");
        for (i, (dim, facet, list)) in self.facets.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json(out, &facet.name)?;
            out.extend_from_slice(b":[");
            let values = &self.data.tables[dim].values;
            for (j, &(id, count)) in list.iter().enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"value\":");
                let value = values.get(id as usize).map_or("", String::as_str);
                json(out, &value)?;
                out.extend_from_slice(b",\"count\":");
                push_decimal(out, u64::from(count));
                out.push(b'}');
            }
            out.push(b']');
        }
        out.extend_from_slice(b"},\"timeline\":[");
        for (i, (month, count)) in self.timeline.months(&self.data).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"month\":");
            if month.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
                // Calendar labels (`2024-03`) need no escaping.
                out.push(b'"');
                out.extend_from_slice(month.as_bytes());
                out.push(b'"');
            } else {
                json(out, &month)?;
            }
            out.extend_from_slice(b",\"count\":");
            push_decimal(out, count);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"places\":");
        json(out, &self.places)?;
        out.push(b'}');
        Ok(())
    }
}

/// Appends the decimal digits of `n`, as `serde_json` writes an integer.
fn push_decimal(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Serialising a value of any of the answer's types through `serde_json`.
mod erased {
    pub trait Json {
        fn write(&self, out: &mut Vec<u8>) -> crate::Result<()>;
    }

    impl<T: serde::Serialize> Json for T {
        fn write(&self, out: &mut Vec<u8>) -> crate::Result<()> {
            serde_json::to_writer(out, self).map_err(crate::SearchError::Json)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_serde_json_writes_integers() {
        for n in [0, 7, 10, 99, 100, 4_294_967_295, 1_000_000_007, u64::MAX] {
            let mut out = b"x".to_vec();
            push_decimal(&mut out, n);
            assert_eq!(out[1..], *serde_json::to_vec(&n).expect("json"), "{n}");
        }
    }
}
