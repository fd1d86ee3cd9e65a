//! One pass over the matching documents: filters, disjunctive facet counts, timeline, top hits.
//!
//! Each document is checked against every filter dimension. A document failing none counts in
//! the total, the timeline, every facet and competes for the page; a document failing exactly one
//! dimension counts only in that dimension's facet (the disjunctive count: what ticking another
//! value of that facet would add); failing two or more, it counts nowhere.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{BitSet, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::data::{IndexData, DIMENSIONS, MONTH};

/// Filter dimension of the date range (shares [`MONTH`]'s slot: months and from/to are one
/// "time" facet).
pub const TIME: usize = MONTH;

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
    pub counts: [Vec<u64>; DIMENSIONS],
    /// Per month id, documents passing every filter.
    pub timeline: Vec<u64>,
    /// Best first.
    pub hits: Vec<Ranked>,
    /// Matched documents per segment (when recorded).
    pub matched: Vec<(SegmentOrdinal, BitSet)>,
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
    active: Vec<usize>,
}

impl Collector for PlanCollector {
    type Fruit = Outcome;
    type Child = PlanSegmentCollector;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<PlanSegmentCollector> {
        let plan = self.plan.clone();
        let counts = std::array::from_fn(|dim| vec![0; plan.data.tables[dim].len()]);
        let timeline = vec![0; plan.data.tables[MONTH].len()];
        let mut active: Vec<usize> = (0..DIMENSIONS)
            .filter(|&d| plan.accepted[d].is_some())
            .collect();
        if plan.days.is_some() && !active.contains(&TIME) {
            active.push(TIME);
        }
        let matched = plan
            .record
            .then(|| BitSet::with_max_value(reader.max_doc()));
        Ok(PlanSegmentCollector {
            segment,
            outcome: Outcome {
                counts,
                timeline,
                ..Default::default()
            },
            heap: BinaryHeap::with_capacity(plan.keep.min(1024) + 1),
            matched,
            active,
            plan,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.plan.order == Order::Score
    }

    fn merge_fruits(&self, fruits: Vec<Outcome>) -> tantivy::Result<Outcome> {
        let mut merged = Outcome {
            counts: std::array::from_fn(|dim| vec![0; self.plan.data.tables[dim].len()]),
            timeline: vec![0; self.plan.data.tables[MONTH].len()],
            ..Default::default()
        };
        let mut hits = Vec::new();
        for fruit in fruits {
            merged.total += fruit.total;
            merged.full_total += fruit.full_total;
            for (dim, counts) in fruit.counts.iter().enumerate() {
                for (sum, count) in merged.counts[dim].iter_mut().zip(counts) {
                    *sum += count;
                }
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

impl PlanSegmentCollector {
    #[inline]
    fn passes(&self, dim: usize, doc: DocId) -> bool {
        let seg = &self.plan.data.segments[self.segment as usize];
        if dim == TIME {
            if let Some(accepted) = &self.plan.accepted[TIME] {
                let ok = seg.facets[TIME]
                    .get(doc)
                    .iter()
                    .any(|&id| accepted.get(id as usize).copied().unwrap_or(false));
                if !ok {
                    return false;
                }
            }
            if let Some((from, to)) = self.plan.days {
                return seg.days.get(doc).iter().any(|d| (from..=to).contains(d));
            }
            return true;
        }
        match &self.plan.accepted[dim] {
            Some(accepted) => seg.facets[dim]
                .get(doc)
                .iter()
                .any(|&id| accepted.get(id as usize).copied().unwrap_or(false)),
            None => true,
        }
    }
}

/// Dimensions counted in the response's facets (locality is a filter, not a facet).
const COUNTED: [usize; 5] = [
    crate::data::REGION,
    crate::data::COUNTRY,
    crate::data::ACTOR,
    crate::data::LANGUAGE,
    MONTH,
];

impl SegmentCollector for PlanSegmentCollector {
    type Fruit = Outcome;

    fn collect(&mut self, doc: DocId, score: Score) {
        let plan = &self.plan;
        let seg = &plan.data.segments[self.segment as usize];
        if seg.duplicate.get(doc as usize).copied().unwrap_or(false) {
            return;
        }
        if let Some(matched) = &mut self.matched {
            matched.insert(doc);
        }
        let mut failures = 0;
        let mut failed = usize::MAX;
        for &dim in &self.active {
            if !self.passes(dim, doc) {
                failures += 1;
                failed = dim;
                if failures > 1 {
                    return;
                }
            }
        }
        let seg = &self.plan.data.segments[self.segment as usize];
        if failures == 1 {
            if COUNTED.contains(&failed) {
                for &id in seg.facets[failed].get(doc) {
                    self.outcome.counts[failed][id as usize] += 1;
                }
            }
            return;
        }
        let full = match &self.plan.full {
            Some(sets) => sets
                .get(self.segment as usize)
                .is_some_and(|set| doc < set.max_value() && set.contains(doc)),
            None => true,
        };
        self.outcome.total += 1;
        if full {
            self.outcome.full_total += 1;
        }
        for &dim in &COUNTED {
            for &id in seg.facets[dim].get(doc) {
                self.outcome.counts[dim][id as usize] += 1;
            }
        }
        for &id in seg.facets[MONTH].get(doc) {
            self.outcome.timeline[id as usize] += 1;
        }
        if self.plan.keep == 0 {
            return;
        }
        let sort_key = seg.sort_key.get(doc as usize).copied().unwrap_or(i64::MIN);
        let key = match self.plan.order {
            Order::Score => f64::from(score),
            Order::NewestFirst if sort_key == i64::MIN => f64::NEG_INFINITY,
            Order::NewestFirst => sort_key as f64,
            Order::OldestFirst if sort_key == i64::MIN => f64::NEG_INFINITY,
            Order::OldestFirst => -(sort_key as f64),
        };
        let ranked = Ranked {
            full,
            key,
            score,
            doc: DocAddress::new(self.segment, doc),
        };
        if self.heap.len() < self.plan.keep {
            self.heap.push(ranked);
        } else if let Some(worst) = self.heap.peek() {
            if ranked.rank_cmp(worst) == Ordering::Greater {
                self.heap.pop();
                self.heap.push(ranked);
            }
        }
    }

    fn harvest(mut self) -> Outcome {
        self.outcome.hits = self.heap.into_vec();
        if let Some(matched) = self.matched {
            self.outcome.matched.push((self.segment, matched));
        }
        self.outcome
    }
}
