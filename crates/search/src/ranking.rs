//! Every weight and threshold of the ranking, in one place, and the two steps that use them after
//! the query is built: the order of the hits, and the proximity re-scoring of the best ones.
//!
//! A document's score is tantivy's BM25 over the fields its words matched: a word scores in the
//! field of the document's language (French or English stems) and in the exact field, a title
//! match [`TITLE_BOOST`] times a body match. Documents with every query word come first; below
//! [`PARTIAL_THRESHOLD`] of them, documents with most of the words ([`min_groups_for`]) follow as
//! partial matches. Then the best [`PROXIMITY_POOL`] matches get the scores of the phrases of
//! adjacent typed words they hold within [`PROXIMITY_SLOP`], weighted by [`PROXIMITY_BOOST`].

use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{DocAddress, DocSet, SeekDangerResult, TERMINATED};

use crate::api::Sort;
use crate::collect::{Order, Ranked};
use crate::data::IndexData;

/// Title matches weigh this much more than body matches.
pub const TITLE_BOOST: f32 = 2.5;
/// Weight of a body match (the unit the others are measured in).
pub const BODY_BOOST: f32 = 1.0;
/// What the other forms of one word add to the best one's score (`armé` and `arme` for
/// `armée`): nothing, so a word indexed under two stems does not outscore a word written as
/// typed, and the variants of one phrase count once.
pub const FORMS_TIE_BREAKER: f32 = 0.0;
/// Weight of a proximity phrase: a word scores in its language field and in the exact field, a
/// phrase only in the language field; doubled, it weighs about as much as its words.
pub const PROXIMITY_BOOST: f32 = 2.0;
/// Positions of play in a proximity phrase (either order): `embuscade patrouille` is near in
/// "une embuscade contre la patrouille".
pub const PROXIMITY_SLOP: u32 = 3;
/// Most proximity phrases added to one query.
pub const MAX_PROXIMITY_PHRASES: usize = 6;
/// Best-ranked matches whose scores get the nearness of the typed words: reading word positions
/// for every match would cost as much as the rest of a search; beyond the first hundred, the
/// order matters little.
pub const PROXIMITY_POOL: usize = 100;
/// Below this many full matches, documents with most of the words are added as partial matches.
pub const PARTIAL_THRESHOLD: u64 = 10;

/// How many of `n` groups a partial match must contain: most of them (more than half), so one
/// of two words is not enough, three of four is.
pub fn min_groups_for(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        n / 2 + 1
    }
}

/// The order of the hits: by score for a query sorted by relevance, by date otherwise (newest
/// first when browsing).
pub fn order_of(sort: Sort, browse: bool) -> Order {
    match (sort, browse) {
        (Sort::Relevance, false) => Order::Score,
        (Sort::Relevance, true) | (Sort::DateDesc, _) => Order::NewestFirst,
        (Sort::DateAsc, _) => Order::OldestFirst,
    }
}

/// How many of the best matches to collect for a page ending at `keep`: the proximity pool
/// too when the hits are re-scored.
pub fn pool_size(keep: usize, rescore: bool) -> usize {
    if rescore {
        keep.max(PROXIMITY_POOL)
    } else {
        keep
    }
}

/// Adds to each hit's score the scores of the proximity phrases it matches (the best variant
/// of each), and ranks the hits again (full matches still before partial ones).
pub fn add_proximity(data: &IndexData, phrases: &[Vec<Box<dyn Query>>], hits: &mut [Ranked]) {
    if hits.is_empty() {
        return;
    }
    let enable = EnableScoring::enabled_from_searcher(&data.searcher);
    let mut by_doc: Vec<(DocAddress, usize)> =
        hits.iter().enumerate().map(|(i, h)| (h.doc, i)).collect();
    by_doc.sort_unstable();
    let mut best = vec![0.0f32; hits.len()];
    for variants in phrases {
        let weights: Vec<Box<dyn Weight>> = variants
            .iter()
            .filter_map(|q| q.weight(enable).ok())
            .collect();
        best.iter_mut().for_each(|b| *b = 0.0);
        for run in by_doc.chunk_by(|a, b| a.0.segment_ord == b.0.segment_ord) {
            best_phrase_scores(data, &weights, run, &mut best);
        }
        for (hit, score) in hits.iter_mut().zip(&best) {
            hit.score += score;
        }
    }
    for hit in hits.iter_mut() {
        hit.key = f64::from(hit.score);
    }
    // `Ranked` orders the best first.
    hits.sort_unstable();
}

/// For the hits of one segment (`run`: (address, hit index), ascending), the best score of the
/// phrase variants `weights` in each, into `best`.
fn best_phrase_scores(
    data: &IndexData,
    weights: &[Box<dyn Weight>],
    run: &[(DocAddress, usize)],
    best: &mut [f32],
) {
    let Some(&(first, _)) = run.first() else {
        return;
    };
    let reader = data.searcher.segment_reader(first.segment_ord);
    for weight in weights {
        let Ok(mut scorer) = weight.scorer(reader, 1.0) else {
            continue;
        };
        // `seek_danger` answers for the document alone; its targets must increase and not fall
        // below the bound it returned (no match there).
        let mut below = scorer.doc();
        for &(address, i) in run {
            let doc = address.doc_id;
            if below == TERMINATED {
                break;
            }
            if doc < below {
                continue;
            }
            match scorer.seek_danger(doc) {
                SeekDangerResult::Found => {
                    best[i] = best[i].max(scorer.score());
                    below = doc + 1;
                }
                SeekDangerResult::SeekLowerBound(bound) => below = bound,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_share_is_a_majority() {
        assert_eq!(min_groups_for(1), 1);
        assert_eq!(min_groups_for(2), 2);
        assert_eq!(min_groups_for(3), 2);
        assert_eq!(min_groups_for(4), 3);
        assert_eq!(min_groups_for(5), 3);
        assert_eq!(min_groups_for(6), 4);
    }
}
