//! The stored fields a hit shows, kept for documents shown recently.
//!
//! Reading a hit from the document store decompresses the whole store block holding it (tens of
//! kilobytes, zstd) and deserialises every stored field, for a page of twenty hits most of the
//! cost of a search. Analysts page through results, refine a query, add a filter: the same
//! documents come back again and again. The cache keeps what a hit needs, the body cut after
//! what a snippet may look at, within a byte budget, first in first out, and starts afresh
//! when the index moves to a new commit.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use tantivy::DocAddress;

use crate::per_facet::FacetValues;

/// What a hit shows, read from the document store.
#[derive(Debug, Default)]
pub struct StoredHit {
    pub id: String,
    pub title: String,
    /// The body, cut (at a character boundary) after [`StoredHit::BODY_BYTES`]: a snippet's
    /// fragments all end before that, so it reads the same as from the whole body.
    pub body: String,
    pub language: String,
    pub published: Option<String>,
    pub event_dates: Vec<String>,
    pub facets: FacetValues,
    pub source: Option<String>,
    pub url: Option<String>,
}

impl StoredHit {
    /// Body bytes kept: what a snippet looks at, and a fragment more.
    pub const BODY_BYTES: usize =
        crate::snippet::MAX_ANALYSED_BYTES + 2 * crate::snippet::FRAGMENT_BYTES;

    /// Approximate heap size, for the cache budget.
    fn bytes(&self) -> usize {
        let list = |v: &[String]| v.iter().map(|s| s.len() + 24).sum::<usize>();
        std::mem::size_of::<Self>()
            + self.id.len()
            + self.title.len()
            + self.body.len()
            + self.language.len()
            + self.published.as_ref().map_or(0, String::len)
            + list(&self.event_dates)
            + self.source.as_ref().map_or(0, String::len)
            + self.url.as_ref().map_or(0, String::len)
            + self
                .facets
                .iter()
                .map(|(_, _, values)| list(values))
                .sum::<usize>()
    }
}

/// Cuts `body` after `max` bytes, at a character boundary; says whether it did.
pub fn cut_body(mut body: String, max: usize) -> (String, bool) {
    if body.len() <= max {
        return (body, false);
    }
    let mut end = max;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body.truncate(end);
    (body, true)
}

#[derive(Default)]
struct Inner {
    generation: u64,
    entries: HashMap<DocAddress, Arc<StoredHit>>,
    order: VecDeque<(DocAddress, usize)>,
    bytes: usize,
}

/// Stored hits by document, for one index generation at a time.
pub struct HitCache {
    budget: usize,
    inner: Mutex<Inner>,
}

impl HitCache {
    /// A cache holding about `budget` bytes of hits.
    pub fn new(budget: usize) -> Self {
        HitCache {
            budget,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The hit of `doc` in index generation `generation`, if kept.
    pub fn get(&self, generation: u64, doc: DocAddress) -> Option<Arc<StoredHit>> {
        let inner = self.lock();
        if inner.generation != generation {
            return None;
        }
        inner.entries.get(&doc).cloned()
    }

    /// Keeps the hit of `doc`, forgetting the oldest ones past the budget.
    pub fn insert(&self, generation: u64, doc: DocAddress, hit: Arc<StoredHit>) {
        let size = hit.bytes();
        if size > self.budget {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation {
            *inner = Inner {
                generation,
                ..Default::default()
            };
        }
        if inner.entries.insert(doc, hit).is_some() {
            return;
        }
        inner.order.push_back((doc, size));
        inner.bytes += size;
        while inner.bytes > self.budget {
            let Some((old, old_size)) = inner.order.pop_front() else {
                break;
            };
            inner.entries.remove(&old);
            inner.bytes -= old_size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(body_len: usize) -> Arc<StoredHit> {
        Arc::new(StoredHit {
            body: "x".repeat(body_len),
            ..Default::default()
        })
    }

    #[test]
    fn keeps_within_budget_and_forgets_the_oldest() {
        let cache = HitCache::new(10_000);
        for doc in 0..10 {
            cache.insert(1, DocAddress::new(0, doc), hit(2_000));
        }
        let kept: Vec<u32> = (0..10)
            .filter(|&d| cache.get(1, DocAddress::new(0, d)).is_some())
            .collect();
        assert!(!kept.is_empty() && kept.len() < 10, "{kept:?}");
        assert_eq!(kept.last(), Some(&9));
        assert!(kept.windows(2).all(|w| w[1] == w[0] + 1), "{kept:?}");
        // Another generation: nothing kept from the previous one.
        assert!(cache.get(2, DocAddress::new(0, 9)).is_none());
        cache.insert(2, DocAddress::new(0, 0), hit(10));
        assert!(cache.get(1, DocAddress::new(0, 9)).is_none());
        assert!(cache.get(2, DocAddress::new(0, 0)).is_some());
    }

    #[test]
    fn bodies_are_cut_at_char_boundaries() {
        let (body, cut) = cut_body("ééé".to_string(), 3);
        assert_eq!((body.as_str(), cut), ("é", true));
        let (body, cut) = cut_body("abc".to_string(), 3);
        assert_eq!((body.as_str(), cut), ("abc", false));
    }
}
