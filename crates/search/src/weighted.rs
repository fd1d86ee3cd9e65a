//! Partial matches by the weight of the words they hold, not by their count.
//!
//! [`WeightedAboveQuery`] matches the documents whose matching groups (the query's words, each
//! with its translations and spellings) weigh together more than a threshold, and scores them with
//! the sum of those groups' scores, as a boolean `should` would. The searcher gives each group
//! the informativeness of its word in the index (rare words and names weigh more; a word no
//! report holds weighs the most), so a document with the query's rare place name is a useful
//! partial match even with one word of two, and a query whose distinctive word exists nowhere
//! finds next to nothing.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Documents whose matching groups weigh more than `threshold` together, and are at least
/// `min_groups`.
#[derive(Debug)]
pub struct WeightedAboveQuery {
    groups: Vec<(Box<dyn Query>, f32)>,
    threshold: f32,
    min_groups: usize,
}

impl Clone for WeightedAboveQuery {
    fn clone(&self) -> Self {
        WeightedAboveQuery {
            groups: self
                .groups
                .iter()
                .map(|(q, w)| (q.box_clone(), *w))
                .collect(),
            threshold: self.threshold,
            min_groups: self.min_groups,
        }
    }
}

impl WeightedAboveQuery {
    /// `groups`: each group's query and weight (weights ≥ 0).
    pub fn new(groups: Vec<(Box<dyn Query>, f32)>, threshold: f32) -> Self {
        WeightedAboveQuery {
            groups,
            threshold,
            min_groups: 1,
        }
    }

    /// Matches only documents holding at least `min_groups` of the groups.
    pub fn with_min_groups(mut self, min_groups: usize) -> Self {
        self.min_groups = min_groups;
        self
    }
}

impl Query for WeightedAboveQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut weights = Vec::with_capacity(self.groups.len());
        for (query, w) in &self.groups {
            weights.push((query.weight(enable_scoring)?, *w));
        }
        Ok(Box::new(WeightedAboveWeight {
            weights,
            threshold: self.threshold,
            min_groups: self.min_groups,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (query, _) in &self.groups {
            query.query_terms(visitor);
        }
    }
}

struct WeightedAboveWeight {
    weights: Vec<(Box<dyn Weight>, f32)>,
    threshold: f32,
    min_groups: usize,
}

impl Weight for WeightedAboveWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        for (weight, w) in &self.weights {
            scorers.push((weight.scorer(reader, boost)?, *w));
        }
        Ok(Box::new(WeightedAboveScorer::new(
            scorers,
            self.threshold,
            self.min_groups,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("weighted above", scorer.score()))
    }
}

struct WeightedAboveScorer {
    scorers: Vec<(Box<dyn Scorer>, f32)>,
    threshold: f32,
    min_groups: usize,
    doc: DocId,
}

impl WeightedAboveScorer {
    fn new(scorers: Vec<(Box<dyn Scorer>, f32)>, threshold: f32, min_groups: usize) -> Self {
        let mut scorer = WeightedAboveScorer {
            scorers,
            threshold,
            min_groups,
            doc: 0,
        };
        scorer.settle();
        scorer
    }

    fn lowest(&self) -> DocId {
        self.scorers
            .iter()
            .map(|(s, _)| s.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    /// From the groups' current positions, moves to the first document heavy enough.
    fn settle(&mut self) -> DocId {
        loop {
            let doc = self.lowest();
            if doc == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let (mut weight, mut groups) = (0.0, 0);
            for (_, w) in self.scorers.iter().filter(|(s, _)| s.doc() == doc) {
                weight += *w;
                groups += 1;
            }
            if weight > self.threshold && groups >= self.min_groups {
                self.doc = doc;
                return doc;
            }
            for (s, _) in &mut self.scorers {
                if s.doc() == doc {
                    s.advance();
                }
            }
        }
    }
}

impl DocSet for WeightedAboveScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let doc = self.doc;
        for (s, _) in &mut self.scorers {
            if s.doc() == doc {
                s.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (s, _) in &mut self.scorers {
            if s.doc() < target {
                s.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|(s, _)| s.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for WeightedAboveScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.scorers
            .iter_mut()
            .filter(|(s, _)| s.doc() == doc)
            .map(|(s, _)| s.score())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, DocSetCollector};
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index};

    fn index(texts: &[&str]) -> (Index, tantivy::schema::Field) {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in texts {
            writer.add_document(doc!(body => *text)).unwrap();
        }
        writer.commit().unwrap();
        (index, body)
    }

    fn term(field: tantivy::schema::Field, word: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    #[test]
    fn documents_match_by_the_weight_of_their_words() {
        let (index, body) = index(&[
            "attaque dori",     // 0: both
            "dori marche",      // 1: the heavy word alone
            "attaque ailleurs", // 2: the light word alone
            "rien",             // 3: none
        ]);
        let searcher = index.reader().unwrap().searcher();
        let query = WeightedAboveQuery::new(
            vec![(term(body, "attaque"), 1.0), (term(body, "dori"), 3.0)],
            2.0,
        );
        let found = searcher.search(&query, &DocSetCollector).unwrap();
        let mut docs: Vec<u32> = found.iter().map(|a| a.doc_id).collect();
        docs.sort_unstable();
        assert_eq!(docs, [0, 1]);
        // Every group needed: only the document with both.
        let all = WeightedAboveQuery::new(
            vec![(term(body, "attaque"), 1.0), (term(body, "dori"), 3.0)],
            3.5,
        );
        assert_eq!(searcher.search(&all, &Count).unwrap(), 1);
        // A group that matches nothing can still make the threshold out of reach.
        let absent = WeightedAboveQuery::new(
            vec![(term(body, "volcan"), 9.0), (term(body, "dori"), 3.0)],
            6.0,
        );
        assert_eq!(searcher.search(&absent, &Count).unwrap(), 0);
    }

    #[test]
    fn scores_add_the_matching_groups() {
        let (index, body) = index(&["attaque dori", "dori"]);
        let searcher = index.reader().unwrap().searcher();
        let query = WeightedAboveQuery::new(
            vec![(term(body, "attaque"), 1.0), (term(body, "dori"), 1.0)],
            0.5,
        );
        let top = searcher
            .search(
                &query,
                &tantivy::collector::TopDocs::with_limit(2).order_by_score(),
            )
            .unwrap();
        assert_eq!(top[0].1.doc_id, 0, "the document with both words first");
        assert!(top[0].0 > top[1].0);
    }
}
