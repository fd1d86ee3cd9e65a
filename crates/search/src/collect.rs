//! One pass over the matching documents: filters, disjunctive facet counts, timeline, top hits.
//!
//! A document outside the day range (`from`/`to`) counts nowhere. Otherwise it is checked against
//! every filter group (a dimension, or dimensions the page shows as one facet: regions under
//! their country, see [`FILTER_GROUP`]; OR within a group). A document failing none counts in
//! the total, the timeline, every facet and competes for the page; a document failing exactly one
//! group counts only in that group's facets (the disjunctive count: what ticking another value
//! of that facet would add); failing two or more, it counts nowhere.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{BitSet, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::data::{IndexData, COUNTED, DIMENSIONS, FILTER_GROUP, MONTH};

/// The filter groups with a filter, each with its filtered dimensions, and the counted
/// dimensions of each (what a document failing only that group counts in).
pub fn active_groups(accepted: &[Option<Vec<bool>>; DIMENSIONS]) -> Vec<FilterGroup> {
    let mut groups: Vec<FilterGroup> = Vec::new();
    for dim in (0..DIMENSIONS).filter(|&d| accepted[d].is_some()) {
        let group = FILTER_GROUP[dim];
        match groups.iter_mut().find(|g| g.group == group) {
            Some(g) => g.filtered.push(dim),
            None => groups.push(FilterGroup {
                group,
                filtered: vec![dim],
                counted: (0..DIMENSIONS)
                    .filter(|&d| FILTER_GROUP[d] == group && COUNTED[d])
                    .collect(),
            }),
        }
    }
    groups
}

/// One filter group of a search (see [`active_groups`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterGroup {
    /// Its number in [`FILTER_GROUP`].
    pub group: usize,
    /// Its dimensions with a filter: a document passes when it holds an accepted value of one.
    pub filtered: Vec<usize>,
    /// Its dimensions whose counts answers list.
    pub counted: Vec<usize>,
}

/// What a search collects.
pub struct Plan {
    pub data: Arc<IndexData>,
    /// Per dimension, the accepted value ids (`None`: no filter on that dimension).
    pub accepted: [Option<Vec<bool>>; DIMENSIONS],
    /// Inclusive day range on the document dates (part of the time dimension).
    pub days: Option<(i32, i32)>,
    /// Documents matching every group, per segment (the non-partial ones); `None`: all are.
    pub full: Option<Arc<Vec<BitSet>>>,
    /// Record matched documents into bitsets (the first pass of a query with several groups).
    pub record: bool,
    /// Hits to keep (offset + limit).
    pub keep: usize,
    pub order: Order,
}

/// How hits are ranked (full matches always before partial ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Score,
    NewestFirst,
    OldestFirst,
}

/// A kept hit.
#[derive(Clone, Copy, Debug)]
pub struct Ranked {
    pub full: bool,
    pub key: f64,
    pub score: Score,
    pub doc: DocAddress,
}

impl Ranked {
    /// Higher is better.
    fn rank_cmp(&self, other: &Self) -> Ordering {
        self.full
            .cmp(&other.full)
            .then(self.key.total_cmp(&other.key))
            // Earlier documents first among ties: reverse the address order.
            .then(other.doc.cmp(&self.doc))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.rank_cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    /// Reversed so that a `BinaryHeap` keeps the worst kept hit on top.
    fn cmp(&self, other: &Self) -> Ordering {
        other.rank_cmp(self)
    }
}

/// Counts and hits of a search.
#[derive(Debug, Default)]
pub struct Outcome {
    pub total: u64,
    pub full_total: u64,
    /// Per slot (see [`IndexData::bases`]): the disjunctive facet counts.
    pub counts: Vec<u32>,
    /// Per month id, documents passing every filter.
    pub timeline: Vec<u32>,
    /// Best first.
    pub hits: Vec<Ranked>,
    /// Matched documents per segment (when recorded).
    pub matched: Vec<(SegmentOrdinal, BitSet)>,
}

impl Outcome {
    /// The counts of one dimension, by value id.
    pub fn dim_counts<'a>(&'a self, data: &IndexData, dim: usize) -> &'a [u32] {
        self.counts.get(data.slot_range(dim)).unwrap_or(&[])
    }
}

pub struct PlanCollector {
    pub plan: Arc<Plan>,
}

pub struct PlanSegmentCollector {
    plan: Arc<Plan>,
    segment: SegmentOrdinal,
    outcome: Outcome,
    heap: BinaryHeap<Ranked>,
    matched: Option<BitSet>,
    /// Filter groups with a filter.
    active: Vec<FilterGroup>,
    /// Per slot: whether a filter accepts it (only read for the active dimensions).
    accepted: Vec<bool>,
    /// Whether the time dimension is filtered: the timeline then differs from the month facet.
    time_filtered: bool,
    month_base: u32,
    /// Documents waiting to be looked at, in batches (see [`PlanSegmentCollector::flush`]).
    pending: Vec<(DocId, Score)>,
}

/// Documents looked at together: their records are loaded first, all at once.
const BATCH: usize = 64;

impl Collector for PlanCollector {
    type Fruit = Outcome;
    type Child = PlanSegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<PlanSegmentCollector> {
        let plan = self.plan.clone();
        let data = &plan.data;
        let mut accepted = vec![false; data.slots];
        let active = active_groups(&plan.accepted);
        for dim in 0..DIMENSIONS {
            if let Some(values) = &plan.accepted[dim] {
                let range = data.slot_range(dim);
                for (slot, &ok) in accepted[range].iter_mut().zip(values) {
                    *slot = ok;
                }
            }
        }
        let time_filtered = plan.days.is_some() || plan.accepted[MONTH].is_some();
        let matched = plan
            .record
            .then(|| BitSet::with_max_value(reader.max_doc()));
        Ok(PlanSegmentCollector {
            segment,
            outcome: Outcome {
                counts: vec![0; data.slots],
                timeline: if time_filtered {
                    vec![0; data.tables[MONTH].len()]
                } else {
                    Vec::new()
                },
                ..Default::default()
            },
            heap: BinaryHeap::with_capacity(plan.keep.min(1024) + 1),
            matched,
            active,
            accepted,
            time_filtered,
            month_base: data.bases[MONTH],
            pending: Vec::with_capacity(BATCH),
            plan,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.plan.order == Order::Score
    }

    fn merge_fruits(&self, fruits: Vec<Outcome>) -> tantivy::Result<Outcome> {
        let mut merged = Outcome {
            counts: vec![0; self.plan.data.slots],
            timeline: vec![0; self.plan.data.tables[MONTH].len()],
            ..Default::default()
        };
        let mut hits = Vec::new();
        for fruit in fruits {
            merged.total += fruit.total;
            merged.full_total += fruit.full_total;
            for (sum, count) in merged.counts.iter_mut().zip(&fruit.counts) {
                *sum += count;
            }
            for (sum, count) in merged.timeline.iter_mut().zip(&fruit.timeline) {
                *sum += count;
            }
            hits.extend(fruit.hits);
            merged.matched.extend(fruit.matched);
        }
        hits.sort_by(|a, b| b.rank_cmp(a));
        hits.truncate(self.plan.keep);
        merged.hits = hits;
        Ok(merged)
    }
}

/// No group failed.
const NONE: usize = usize::MAX;

impl PlanSegmentCollector {
    /// Looks at the pending documents. Their records are scattered over the segment's data, so
    /// each is a cache miss: touching them all first lets the processor wait for those misses
    /// together rather than one after another.
    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if let Some(seg) = self.plan.data.segments.get(self.segment as usize) {
            let touched = pending
                .iter()
                .fold(0u32, |acc, &(doc, _)| acc ^ seg.touch(doc));
            std::hint::black_box(touched);
        }
        for &(doc, score) in &pending {
            self.look_at(doc, score);
        }
        self.pending = pending;
        self.pending.clear();
    }

    fn look_at(&mut self, doc: DocId, score: Score) {
        let plan = &*self.plan;
        let Some(seg) = plan.data.segments.get(self.segment as usize) else {
            return;
        };
        let record = seg.record(doc);
        if record.is_duplicate() {
            return;
        }
        if let Some(matched) = &mut self.matched {
            matched.insert(doc);
        }
        if let Some((from, to)) = plan.days {
            if !seg.days.get(doc).iter().any(|d| (from..=to).contains(d)) {
                return;
            }
        }
        let mut failed = NONE;
        let accepted = |slot: &u32| self.accepted.get(*slot as usize).copied().unwrap_or(false);
        for (at, group) in self.active.iter().enumerate() {
            let ok = group
                .filtered
                .iter()
                .any(|&dim| record.dim(dim).iter().any(accepted));
            if !ok {
                if failed != NONE {
                    return;
                }
                failed = at;
            }
        }
        let counts = &mut self.outcome.counts;
        if failed != NONE {
            // Counted only in the facets of the one group it fails.
            for &dim in &self.active[failed].counted {
                for &slot in record.dim(dim) {
                    if let Some(count) = counts.get_mut(slot as usize) {
                        *count += 1;
                    }
                }
            }
            return;
        }
        let full = match &plan.full {
            Some(sets) => sets
                .get(self.segment as usize)
                .is_some_and(|set| doc < set.max_value() && set.contains(doc)),
            None => true,
        };
        self.outcome.total += 1;
        if full {
            self.outcome.full_total += 1;
        }
        for &slot in record.counted() {
            if let Some(count) = counts.get_mut(slot as usize) {
                *count += 1;
            }
        }
        if self.time_filtered {
            for &slot in record.dim(MONTH) {
                if let Some(count) = self
                    .outcome
                    .timeline
                    .get_mut(slot.wrapping_sub(self.month_base) as usize)
                {
                    *count += 1;
                }
            }
        }
        if plan.keep == 0 {
            return;
        }
        let key = match plan.order {
            Order::Score => f64::from(score),
            order => {
                let sort_key = seg.sort_key.get(doc as usize).copied().unwrap_or(i64::MIN);
                match order {
                    _ if sort_key == i64::MIN => f64::NEG_INFINITY,
                    Order::OldestFirst => -(sort_key as f64),
                    _ => sort_key as f64,
                }
            }
        };
        let ranked = Ranked {
            full,
            key,
            score,
            doc: DocAddress::new(self.segment, doc),
        };
        if self.heap.len() < plan.keep {
            self.heap.push(ranked);
        } else if let Some(worst) = self.heap.peek() {
            if ranked.rank_cmp(worst) == Ordering::Greater {
                self.heap.pop();
                self.heap.push(ranked);
            }
        }
    }
}

impl SegmentCollector for PlanSegmentCollector {
    type Fruit = Outcome;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.pending.push((doc, score));
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    fn harvest(mut self) -> Outcome {
        self.flush();
        if !self.time_filtered {
            // Without a time filter, the documents counted in the month facet are exactly those
            // passing every filter: the timeline is that facet.
            let range = self.plan.data.slot_range(MONTH);
            self.outcome.timeline = self.outcome.counts.get(range).unwrap_or(&[]).to_vec();
        }
        self.outcome.hits = self.heap.into_vec();
        if let Some(matched) = self.matched {
            self.outcome.matched.push((self.segment, matched));
        }
        self.outcome
    }
}
