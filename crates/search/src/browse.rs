//! Browsing: no query words and no exclusion, only filters (or none). Without filters the
//! per-generation counts and date orders answer at once; with filters only the documents holding
//! an accepted value are visited (from the per-value postings) instead of the whole index.
//!
//! Which documents must be visited: those passing every filter (they count everywhere) and those
//! failing exactly one filter group (they count in that group's facets only; see
//! [`crate::collect`]). With one filtered group, the first are the postings of its accepted
//! values, and its own facets count every document (what ticking any other value would give): the
//! index-wide counts. With several, a document failing at most one of them holds an accepted value
//! of another: the union of all accepted postings. A day range is met only by documents holding
//! a month it overlaps: with at most one group filtered besides, those months' postings.

use std::borrow::Cow;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{BitSet, DocAddress, DocId};

use crate::collect::{active_groups, FilterGroup, Order, Outcome, Plan, PlanCollector, Ranked};
use crate::data::{IndexData, SegmentData, MONTH};
use crate::filters::{month_overlaps, Filters};
use crate::Result;

/// Documents counted together in [`browse_one_group`]: touching a batch of records first lets
/// their cache misses overlap.
const TOUCH_BATCH: usize = 64;

/// The outcome of browsing with `filters`: counts, timeline and the first `keep` hits in `order`.
pub fn browse(
    data: &Arc<IndexData>,
    filters: &Filters,
    keep: usize,
    order: Order,
) -> Result<Outcome> {
    let groups = active_groups(&filters.accepted);
    if groups.is_empty() && filters.days.is_none() {
        return Ok(browse_everything(data, keep, order));
    }
    let slots = visited_slots(data, filters, &groups);
    if let ([group], None) = (groups.as_slice(), filters.days) {
        return Ok(browse_one_group(data, group, filters, &slots, keep, order));
    }
    collect_visited(data, filters, &slots, keep, order)
}

/// No filter: the generation's counts, and its date order.
fn browse_everything(data: &IndexData, keep: usize, order: Order) -> Outcome {
    let total = data.canonical_docs;
    let hits = date_order(data, order)
        .iter()
        .take(keep)
        .map(|&doc| browse_ranked(data, order, doc))
        .collect();
    Outcome {
        total,
        full_total: total,
        timeline: data
            .all_counts
            .get(data.slot_range(MONTH))
            .unwrap_or(&[])
            .to_vec(),
        counts: data.all_counts.clone(),
        hits,
        matched: Vec::new(),
    }
}

/// The slots whose postings are visited: with a day range and at most one filtered group, the
/// months the range overlaps (the days are checked per document); else the accepted values of
/// the filtered dimensions.
fn visited_slots(data: &IndexData, filters: &Filters, groups: &[FilterGroup]) -> Vec<usize> {
    let mut slots: Vec<usize> = Vec::new();
    if let (Some((from, to)), 0 | 1) = (filters.days, groups.len()) {
        let range = data.slot_range(MONTH);
        for (id, month) in data.tables[MONTH].values.iter().enumerate() {
            if month_overlaps(month, from, to) {
                slots.push(range.start + id);
            }
        }
        return slots;
    }
    for dim in groups.iter().flat_map(|g| &g.filtered) {
        let range = data.slot_range(*dim);
        if let Some(accepted) = &filters.accepted[*dim] {
            slots.extend(
                accepted
                    .iter()
                    .enumerate()
                    .filter(|(_, &ok)| ok)
                    .map(|(id, _)| range.start + id),
            );
        }
    }
    slots
}

/// Runs the search collector over the documents of the visited slots.
fn collect_visited(
    data: &Arc<IndexData>,
    filters: &Filters,
    slots: &[usize],
    keep: usize,
    order: Order,
) -> Result<Outcome> {
    let plan = Arc::new(Plan {
        data: data.clone(),
        accepted: filters.accepted.clone(),
        days: filters.days,
        full: None,
        record: false,
        keep,
        order,
    });
    let collector = PlanCollector { plan };
    let mut fruits = Vec::new();
    for (ord, (segment, reader)) in data
        .segments
        .iter()
        .zip(data.searcher.segment_readers())
        .enumerate()
    {
        let mut child = collector.for_segment(ord as u32, reader)?;
        for &doc in visited_docs(segment, slots, reader.max_doc()).iter() {
            child.collect(doc, 0.0);
        }
        fruits.push(child.harvest());
    }
    Ok(collector.merge_fruits(fruits)?)
}

/// The documents of a segment holding a value of `slots`, ascending, each once.
fn visited_docs<'a>(segment: &'a SegmentData, slots: &[usize], max_doc: DocId) -> Cow<'a, [DocId]> {
    match slots {
        [slot] => Cow::Borrowed(segment.postings.docs(*slot)),
        _ => {
            let mut visit = BitSet::with_max_value(max_doc.max(1));
            for &slot in slots {
                for &doc in segment.postings.docs(slot) {
                    visit.insert(doc);
                }
            }
            Cow::Owned((0..max_doc).filter(|&doc| visit.contains(doc)).collect())
        }
    }
}

/// A lone filtered group counts every document in its own facets (what ticking any other value
/// would give): the index-wide counts.
fn copy_all_counts(data: &IndexData, group: &FilterGroup, counts: &mut [u32]) {
    for &dim in &group.counted {
        let range = data.slot_range(dim);
        if let (Some(counts), Some(all)) =
            (counts.get_mut(range.clone()), data.all_counts.get(range))
        {
            counts.copy_from_slice(all);
        }
    }
}

/// Browsing with values of one facet (filter group) ticked (no query, no other filter): every
/// document holding an accepted value passes, so the pass only counts their facet values, and the page comes
/// from the generation's date orders when the value is common enough for that to be shorter
/// than ranking every document. The facet's own counts are the index-wide ones. The same outcome
/// as the collector's, at a fraction of the work per document.
fn browse_one_group(
    data: &IndexData,
    group: &FilterGroup,
    filters: &Filters,
    slots: &[usize],
    keep: usize,
    order: Order,
) -> Outcome {
    let lists: Vec<Cow<'_, [DocId]>> = data
        .segments
        .iter()
        .zip(data.searcher.segment_readers())
        .map(|(segment, reader)| visited_docs(segment, slots, reader.max_doc()))
        .collect();
    let total: u64 = lists.iter().map(|list| list.len() as u64).sum();
    // Walking the date order finds the page after about keep × all / total documents; ranking
    // every matching document costs total. The shorter wins.
    let walk = keep > 0
        && (keep as u128) * (date_order(data, order).len() as u128)
            < u128::from(total) * u128::from(total);
    let rank_keep = if walk { 0 } else { keep };
    let (mut counts, heap) = count_and_rank(data, &lists, rank_keep, order);
    let hits: Vec<Ranked> = if walk {
        first_holding(data, group, filters, keep, order)
    } else {
        heap.into_sorted_vec()
    };
    let timeline = counts.get(data.slot_range(MONTH)).unwrap_or(&[]).to_vec();
    copy_all_counts(data, group, &mut counts);
    Outcome {
        total,
        full_total: total,
        counts,
        timeline,
        hits,
        matched: Vec::new(),
    }
}

/// Counts the facet values of the listed documents (per segment), and keeps the best `keep`
/// of them in `order` (none when `keep` is 0).
fn count_and_rank(
    data: &IndexData,
    lists: &[Cow<'_, [DocId]>],
    keep: usize,
    order: Order,
) -> (Vec<u32>, BinaryHeap<Ranked>) {
    let mut heap: BinaryHeap<Ranked> = BinaryHeap::new();
    let mut counts = vec![0u32; data.slots];
    for (ord, (segment, list)) in data.segments.iter().zip(lists).enumerate() {
        for batch in list.chunks(TOUCH_BATCH) {
            let touched = batch
                .iter()
                .fold(0u32, |acc, &doc| acc ^ segment.touch(doc));
            std::hint::black_box(touched);
            for &doc in batch {
                for &slot in segment.record(doc).counted() {
                    if let Some(count) = counts.get_mut(slot as usize) {
                        *count += 1;
                    }
                }
            }
            if keep == 0 {
                continue;
            }
            // Better ranks are smaller (see `Ranked`): the heap's top is the worst kept.
            for &doc in batch {
                let candidate = browse_ranked(data, order, DocAddress::new(ord as u32, doc));
                if heap.len() < keep {
                    heap.push(candidate);
                } else if heap.peek().is_some_and(|worst| candidate < *worst) {
                    heap.pop();
                    heap.push(candidate);
                }
            }
        }
    }
    (counts, heap)
}

/// The first `keep` documents of the date order holding an accepted value of `group`.
fn first_holding(
    data: &IndexData,
    group: &FilterGroup,
    filters: &Filters,
    keep: usize,
    order: Order,
) -> Vec<Ranked> {
    let holds = |address: &DocAddress| {
        let Some(segment) = data.segments.get(address.segment_ord as usize) else {
            return false;
        };
        let record = segment.record(address.doc_id);
        group.filtered.iter().any(|&dim| {
            let (Some(accepted), base) = (&filters.accepted[dim], data.slot_range(dim).start)
            else {
                return false;
            };
            record
                .dim(dim)
                .iter()
                .any(|&slot| accepted.get((slot as usize).wrapping_sub(base)) == Some(&true))
        })
    };
    date_order(data, order)
        .iter()
        .filter(|address| holds(address))
        .take(keep)
        .map(|&address| browse_ranked(data, order, address))
        .collect()
}

/// The generation's live canonical documents in the browse order (oldest or newest first).
fn date_order(data: &IndexData, order: Order) -> &[DocAddress] {
    match order {
        Order::OldestFirst => &data.oldest_first,
        _ => &data.newest_first,
    }
}

/// A browsed document ranked by its date (newest or oldest first; undated last).
fn browse_ranked(data: &IndexData, order: Order, doc: DocAddress) -> Ranked {
    let key = data
        .segments
        .get(doc.segment_ord as usize)
        .and_then(|s| s.sort_key.get(doc.doc_id as usize).copied())
        .unwrap_or(i64::MIN);
    Ranked {
        full: true,
        key: match order {
            _ if key == i64::MIN => f64::NEG_INFINITY,
            Order::OldestFirst => -(key as f64),
            _ => key as f64,
        },
        score: 0.0,
        doc,
    }
}
