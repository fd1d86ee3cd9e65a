//! A facet value typed as a query word: the documents the facet counts under that value.
//!
//! The actor facet puts a report under `Armée burkinabè` when it says "l'armée" in a report on
//! Burkina Faso, and the region facet puts it under `Gao` when its events happened in Ansongo:
//! words the text does not hold. [`FacetValueQuery`] matches those documents (from the per-value
//! document lists of [`IndexData`]) with a small constant score, so that a facet value typed as
//! a query finds at least what its facet counts, below the reports that name it.

use std::sync::Arc;

use tantivy::query::{ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use crate::data::IndexData;

/// Documents holding any of the given facet slots (value ids offset by their dimension's base).
#[derive(Clone)]
pub struct FacetValueQuery {
    data: Arc<IndexData>,
    slots: Vec<usize>,
    score: Score,
}

impl std::fmt::Debug for FacetValueQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FacetValueQuery")
            .field("slots", &self.slots)
            .field("score", &self.score)
            .finish()
    }
}

impl FacetValueQuery {
    /// `score`: what each matching document scores (times the query's boost).
    pub fn new(data: Arc<IndexData>, slots: Vec<usize>, score: Score) -> Self {
        FacetValueQuery { data, slots, score }
    }
}

impl Query for FacetValueQuery {
    fn weight(&self, _enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl FacetValueQuery {
    /// The matching documents of one segment, ascending.
    fn docs(&self, reader: &SegmentReader) -> Vec<DocId> {
        let Some(segment) = self
            .data
            .searcher
            .segment_readers()
            .iter()
            .position(|r| r.segment_id() == reader.segment_id())
            .and_then(|i| self.data.segments.get(i))
        else {
            return Vec::new();
        };
        let mut docs: Vec<DocId> = self
            .slots
            .iter()
            .flat_map(|&slot| segment.postings.docs(slot).iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }
}

impl Weight for FacetValueQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let docs = SortedDocs::new(self.docs(reader));
        Ok(Box::new(ConstScorer::new(docs, self.score * boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.docs(reader).binary_search(&doc).is_err() {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not hold the facet value"
            )));
        }
        Ok(Explanation::new("facet value", self.score))
    }
}

/// A sorted list of documents as a [`DocSet`].
struct SortedDocs {
    docs: Vec<DocId>,
    at: usize,
}

impl SortedDocs {
    fn new(docs: Vec<DocId>) -> Self {
        SortedDocs { docs, at: 0 }
    }
}

impl DocSet for SortedDocs {
    fn advance(&mut self) -> DocId {
        if self.at < self.docs.len() {
            self.at += 1;
        }
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.docs[self.at.min(self.docs.len())..];
        self.at += rest.partition_point(|&d| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        (self.docs.len() - self.at.min(self.docs.len())) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_docs_advance_and_seek_forward() {
        let mut docs = SortedDocs::new(vec![2, 5, 9]);
        assert_eq!(docs.doc(), 2);
        assert_eq!(docs.seek(3), 5);
        assert_eq!(docs.seek(5), 5);
        assert_eq!(docs.advance(), 9);
        assert_eq!(docs.advance(), TERMINATED);
        assert_eq!(docs.advance(), TERMINATED);
        let mut empty = SortedDocs::new(Vec::new());
        assert_eq!(empty.doc(), TERMINATED);
        assert_eq!(empty.seek(4), TERMINATED);
    }
}
