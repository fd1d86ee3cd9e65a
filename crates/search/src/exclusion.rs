//! NOT clauses that tolerate any scorer.
//!
//! tantivy's `Exclude` asks its excluded scorer `seek_danger(candidate)` for each candidate, and
//! the candidate may lie behind the scorer's current document (the scorer already moved past it,
//! or found nothing at all and is `TERMINATED`). The default `seek_danger` handles that; tantivy
//! 0.27's `PhraseScorer` asserts against it (a panic in debug builds; in release it seeks
//! backwards). `-"armée malienne"` in a segment without that phrase, or `NOT l'l'`, hit it.
//! [`ExclusionQuery`] wraps an excluded query so its scorer only ever seeks forward.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term};

/// An excluded (`MustNot`) query whose scorer never seeks behind its current document.
#[derive(Debug)]
pub struct ExclusionQuery(Box<dyn Query>);

impl Clone for ExclusionQuery {
    fn clone(&self) -> Self {
        Self(self.0.box_clone())
    }
}

impl ExclusionQuery {
    /// Wraps the query of one excluded item.
    pub fn new(query: Box<dyn Query>) -> Self {
        Self(query)
    }
}

impl Query for ExclusionQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExclusionWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExclusionWeight(Box<dyn Weight>);

impl Weight for ExclusionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ForwardOnlyScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

struct ForwardOnlyScorer(Box<dyn Scorer>);

impl DocSet for ForwardOnlyScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.0.doc();
        if doc >= target {
            doc
        } else {
            self.0.seek(target)
        }
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        // Targets strictly increase (tantivy's contract), so a current document at or past the
        // target is a lower bound of the next match, TERMINATED included.
        let doc = self.0.doc();
        if doc > target {
            SeekDangerResult::SeekLowerBound(doc)
        } else {
            self.0.seek_danger(target)
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for ForwardOnlyScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    fn count_excluding_phrase(phrase: &[&str]) -> usize {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for text in [
            "armée malienne à Gao",
            "la malienne armée",
            "rien ici",
            "armée malienne",
        ] {
            writer.add_document(doc!(body => text)).unwrap();
        }
        writer.commit().unwrap();
        let terms = phrase
            .iter()
            .map(|w| Term::from_field_text(body, w))
            .collect();
        let excluded = Box::new(ExclusionQuery::new(Box::new(PhraseQuery::new(terms))));
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery)),
            (Occur::MustNot, excluded),
        ]);
        let searcher = index.reader().unwrap().searcher();
        searcher.search(&query, &Count).unwrap()
    }

    #[test]
    fn excluded_phrase_that_matches_nothing_does_not_panic() {
        assert_eq!(count_excluding_phrase(&["absent", "phrase"]), 4);
    }

    #[test]
    fn excluded_phrase_removes_exactly_its_documents() {
        assert_eq!(count_excluding_phrase(&["armée", "malienne"]), 2);
        assert_eq!(count_excluding_phrase(&["malienne", "armée"]), 3);
    }
}
