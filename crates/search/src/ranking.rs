//! Every weight and threshold of the ranking, in one place, and the two steps that use them after
//! the query is built: the order of the hits, and the proximity re-scoring of the best ones.
//!
//! A document's score is tantivy's BM25 over the fields its words matched: a word scores in the
//! field of the document's language (French or English stems) and in the exact field, a title
//! match [`TITLE_BOOST`] times a body match; a translation of a word counts [`TRANSLATION_WEIGHT`]
//! of it. Documents with every query word come first; below [`PARTIAL_THRESHOLD`] of them,
//! documents holding [`PARTIAL_WEIGHT_SHARE`] of the words' weight ([`word_weight`]: rare words
//! weigh more, names [`NAME_WEIGHT`] times more) and at least [`PARTIAL_MIN_WORDS`] of three
//! words or more follow as partial matches. Then the best [`PROXIMITY_POOL`] matches get the scores of the phrases of
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
/// Weight of a translation of a query word (`attack` for `attaque`) against the word as typed:
/// the document that says what the user typed ranks first where both match.
pub const TRANSLATION_WEIGHT: f32 = 0.7;
/// Positions of play in a multiword translation (a transposition costs two): the words of
/// "closed schools", searched for "fermeture des écoles", match "schools closed".
pub const TRANSLATION_SLOP: u32 = 3;
/// Score of a document found only through its facets (a place or actor typed as a word that
/// its text names otherwise): below a document naming it (a term match scores about 2 to 8).
pub const FACET_VALUE_SCORE: f32 = 0.5;
/// The share of [`FACET_VALUE_SCORE`] a report scores for a time typed in the query that it only
/// recalls (a background month) rather than reports.
pub const BACKGROUND_TIME_SHARE: f32 = 0.5;
/// Share of the query's total word weight a partial match must hold more than (see
/// [`word_weight`]): of two about equally informative words (within a factor of 1.5) either
/// makes a partial match ("IDPs Tillaberi": the displaced elsewhere, or Tillabéri's other
/// news), the rarer one always; a word no report holds outweighs the rest.
pub const PARTIAL_WEIGHT_SHARE: f32 = 0.4;
/// Fewest words a partial match of a query of three words or more holds, however rare one is.
pub const PARTIAL_MIN_WORDS: usize = 2;

/// How much more a name (a place, an actor) weighs than a word as rare in a partial match: the
/// report naming the place asked about is a useful partial match ("Moura massacre" finds the
/// report on the killings in Moura), the one with the other word only is not.
pub const NAME_WEIGHT: f32 = 1.25;

/// How informative a query word is, from the number of documents holding it: BM25's inverse
/// document frequency. A word that no document holds weighs the most, so a query whose
/// distinctive word exists nowhere (`éruption volcanique Kidal`) finds next to nothing.
pub fn word_weight(docs_with_word: u64, docs: u64) -> f32 {
    let (n, df) = (docs as f32, docs_with_word.min(docs) as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The fewest words whose weights exceed `threshold` (the heaviest first).
pub fn fewest_words_above(weights: &[f32], threshold: f32) -> usize {
    let mut sorted = weights.to_vec();
    sorted.sort_unstable_by(|a, b| b.total_cmp(a));
    let mut sum = 0.0;
    for (i, w) in sorted.iter().enumerate() {
        sum += w;
        if sum > threshold {
            return i + 1;
        }
    }
    weights.len()
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
    fn rare_words_weigh_more_and_absent_words_the_most() {
        let docs = 10_000;
        assert!(word_weight(0, docs) > word_weight(1, docs));
        assert!(word_weight(10, docs) > word_weight(5_000, docs));
        assert!(word_weight(docs, docs) > 0.0);
    }

    #[test]
    fn fewest_words_take_the_heaviest_first() {
        assert_eq!(fewest_words_above(&[1.0, 5.0], 3.0), 1);
        assert_eq!(fewest_words_above(&[1.0, 1.0], 1.0), 2);
        // Half of equal weights is not more than half.
        assert_eq!(fewest_words_above(&[1.0, 1.0, 1.0, 1.0], 2.0), 3);
        // A word found nowhere holds most of the weight: the others cannot make a partial match.
        let weights = [
            word_weight(0, 1000),
            word_weight(0, 1000),
            word_weight(30, 1000),
        ];
        let threshold = PARTIAL_WEIGHT_SHARE * weights.iter().sum::<f32>();
        assert!(weights[2] <= threshold);
    }
}
