//! The [`Searcher`]: built once from an opened index, shared between threads, answers searches,
//! document look-ups, facet listings and statistics. It sees new commits of the index by itself
//! (tantivy's `OnCommitWithDelay` reload policy).
//!
//! A search, step by step: the query string is parsed ([`crate::parser`]) and built into tantivy
//! queries ([`crate::query`]); the filters are resolved against the index (`filters.rs`); one
//! pass collects the counts and the best hits ([`crate::collect`], or `browse.rs` without query
//! words), retried with corrections when nothing matched (`correction.rs`); the best hits are
//! re-scored ([`crate::ranking`]), read (`documents.rs`) with their snippets
//! ([`crate::snippet`]), and the answer is written (`response.rs`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, SecondsFormat, Utc};
use sahel_indexer::schema::names;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::{BitSet, Index, IndexReader, ReloadPolicy};

use std::collections::BTreeMap;

use crate::api::{
    Dimension, DimensionsResponse, FacetsResponse, Hit, QueryInfo, SearchRequest, SearchResponse,
    StatsResponse,
};
use crate::browse::browse;
use crate::collect::{Order, Outcome, Plan, PlanCollector};
use crate::correction::{correct, correction_note, CorrectionCache};
use crate::data::IndexData;
use crate::documents::{field, StoredFields};
use crate::expand::{FacetsExpander, NameExpander, NoExpansion};
use crate::filters::{resolve_filters, Filters};
use crate::glossary::Glossary;
use crate::hit_cache::HitCache;
use crate::parser::{parse, Item, ParsedQuery};
use crate::per_facet::{FacetDim, FacetKind, FilterNames, FACETS};
use crate::places::{map_places, LOCALITY};
use crate::query::{Analyzers, BuiltQuery, FieldPair, QueryBuilder, TermSets, TextFields, EXACT};
use crate::ranking::{
    add_proximity, fewest_words_above, order_of, pool_size, word_weight, NAME_WEIGHT,
    PARTIAL_MIN_WORDS, PARTIAL_THRESHOLD, PARTIAL_WEIGHT_SHARE,
};
use crate::response::{facet_lists, facets_of, timeline_counts, timeline_of, Answer};
use crate::snippet::Highlighter;
use crate::weighted::WeightedAboveQuery;
use crate::{Result, SearchError};

/// Memory for recently shown hits: about twenty thousand typical reports.
const HIT_CACHE_BYTES: usize = 32 << 20;

/// Searches one index. `Send + Sync`: share it behind an `Arc`.
pub struct Searcher {
    index: Index,
    reader: IndexReader,
    dir: Option<PathBuf>,
    pub(crate) stored: StoredFields,
    text_fields: TextFields,
    analyzers: Analyzers,
    expander: Box<dyn NameExpander>,
    /// The French–English glossary, keyed with the index's analyzers.
    glossary: Glossary,
    data: Mutex<Option<Arc<IndexData>>>,
    /// Recently shown hits (see [`crate::hit_cache`]).
    pub(crate) hits: HitCache,
    /// Index terms near the words the typo-tolerant retry looked up.
    corrections: CorrectionCache,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher").field("dir", &self.dir).finish()
    }
}

fn analyzer(index: &Index, name: &str) -> Result<tantivy::tokenizer::TextAnalyzer> {
    index.tokenizers().get(name).ok_or_else(|| {
        SearchError::Index(tantivy::TantivyError::SchemaError(format!(
            "analyzer `{name}` is not registered"
        )))
    })
}

impl Searcher {
    /// Opens the index in `dir` (analyzers registered as it was built), with the built-in
    /// gazetteer and actor table for query expansion.
    pub fn open(dir: &Path) -> Result<Self> {
        let open = sahel_indexer::open_for_search(dir)?;
        let expander: Box<dyn NameExpander> = match FacetsExpander::builtin() {
            Some(e) => Box::new(e),
            None => Box::new(NoExpansion),
        };
        let mut searcher = Searcher::new(open.index, expander)?;
        searcher.dir = Some(dir.to_path_buf());
        Ok(searcher)
    }

    /// A searcher over an index whose analyzers are registered already.
    pub fn new(index: Index, expander: Box<dyn NameExpander>) -> Result<Self> {
        let schema = index.schema();
        let stored = StoredFields::resolve(&schema)?;
        let pair = |title: &str, body: &str| -> Result<FieldPair> {
            Ok(FieldPair {
                title: field(&schema, title)?,
                body: field(&schema, body)?,
            })
        };
        let text_fields = TextFields([
            pair(names::TITLE_FR, names::BODY_FR)?,
            pair(names::TITLE_EN, names::BODY_EN)?,
            pair(names::TITLE_EXACT, names::BODY_EXACT)?,
        ]);
        let analyzers = Analyzers([
            analyzer(&index, sahel_text::FRENCH_ANALYZER)?,
            analyzer(&index, sahel_text::ENGLISH_ANALYZER)?,
            analyzer(&index, sahel_text::EXACT_ANALYZER)?,
        ]);
        let glossary = {
            let [fr, en, _] = &mut analyzers.clone().0;
            Glossary::builtin(fr, en)
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Searcher {
            index,
            reader,
            dir: None,
            stored,
            text_fields,
            analyzers,
            expander,
            glossary,
            data: Mutex::new(None),
            hits: HitCache::new(HIT_CACHE_BYTES),
            corrections: CorrectionCache::default(),
        })
    }

    /// Makes the searcher see the latest commit now (tests; the server relies on the policy).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The per-generation data, rebuilt when the reader has moved to a new commit.
    pub(crate) fn data(&self) -> Result<Arc<IndexData>> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        let mut cached = self
            .data
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(data) = cached.as_ref() {
            if data.generation == generation {
                return Ok(data.clone());
            }
        }
        let data = Arc::new(IndexData::build(searcher)?);
        *cached = Some(data.clone());
        Ok(data)
    }

    /// A query builder translating through the glossary when `translate`, and finding facet
    /// values typed as words in `data`.
    fn builder(&self, translate: bool, data: Option<Arc<IndexData>>) -> QueryBuilder<'_> {
        QueryBuilder {
            analyzers: self.analyzers.clone(),
            fields: self.text_fields,
            expander: self.expander.as_ref(),
            used: TermSets::default(),
            expansions: Vec::new(),
            glossary: translate.then_some(&self.glossary),
            translations: Vec::new(),
            data,
        }
    }

    /// The index terms a query string searches, per analyzer family, with the query groups
    /// they stand for: what its snippets mark.
    pub fn query_terms(&self, q: &str) -> TermSets {
        let mut builder = self.builder(true, None);
        builder.build(&parse(q));
        builder.used
    }

    /// The French, English and exact analyzers of the index.
    pub fn analyzers(&self) -> Analyzers {
        self.analyzers.clone()
    }

    /// Runs a search: hits, facets, timeline and what the query was understood as.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse> {
        Ok(self
            .run(request, request.offset, request.effective_limit(), true)?
            .into_response())
    }

    /// Runs a search and appends its answer to `out` as JSON: the bytes `serde_json` writes for
    /// [`Searcher::search`]'s [`SearchResponse`], without building the response first (the
    /// facet values and the timeline's months are written from the index's tables, not copied
    /// into a string each).
    pub fn search_json(&self, request: &SearchRequest, out: &mut Vec<u8>) -> Result<()> {
        self.run(request, request.offset, request.effective_limit(), true)?
            .write_json(out)
    }

    /// Every hit of a search (up to `max`, from the first), without snippets, and the total.
    pub fn export(&self, request: &SearchRequest, max: usize) -> Result<(Vec<Hit>, u64)> {
        let answer = self.run(request, 0, max, false)?;
        Ok((answer.hits, answer.total))
    }

    fn run(
        &self,
        request: &SearchRequest,
        offset: usize,
        limit: usize,
        snippets: bool,
    ) -> Result<Answer> {
        let started = Instant::now();
        request.validate()?;
        let data = self.data()?;
        let parsed = parse(&request.q);
        let mut builder = self.builder(request.translates(), Some(data.clone()));
        let mut built = builder.build(&parsed);
        let mut info = QueryInfo {
            q: request.q.clone(),
            fallback: parsed.fallback,
            notes: parsed.notes.clone(),
            browse: built.browse,
            sort: request.sort,
            ..Default::default()
        };
        let filters = resolve_filters(&data, self.expander.as_ref(), request, &mut info)?;
        if has_no_words(&request.q) {
            // `?!.,;:`: searching nothing would list everything, as if the box were empty.
            info.no_words = true;
            info.browse = false;
            info.notes
                .push(format!("`{}`: no searchable words", request.q.trim()));
            let outcome = Outcome::default();
            return Ok(Answer {
                total: 0,
                took_ms: elapsed_ms(started),
                query: info,
                hits: Vec::new(),
                facets: facet_lists(&data, &outcome, filters.days),
                timeline: timeline_counts(&data, &outcome.timeline, filters.days),
                places: Vec::new(),
                data,
            });
        }
        let order = order_of(request.sort, built.browse);
        let keep = offset + limit;
        let rescore = order == Order::Score && !built.proximity.is_empty() && keep > 0;
        let pool = pool_size(keep, rescore);
        let mut executed = self.execute(&data, &built, &filters, pool, order)?;

        // No document has every word: a word found nowhere in the index is taken for a typo.
        if executed.outcome.full_total == 0 && !built.correctable.is_empty() {
            let exact = &self.text_fields.0[EXACT];
            let corrections = correct(
                &data,
                &mut builder,
                &mut built,
                exact,
                &self.corrections,
                &self.glossary,
            );
            if !corrections.is_empty() {
                info.notes.push(correction_note(&corrections));
                info.corrected = corrections;
                executed = self.execute(&data, &built, &filters, pool, order)?;
            }
        }
        let Executed {
            mut outcome,
            partial,
            min_words,
            group_docs,
        } = executed;
        if rescore {
            add_proximity(&data, &built.proximity, &mut outcome.hits);
        }
        outcome.hits.truncate(keep);
        describe_query(&mut info, &parsed, &built, &builder, partial, min_words);
        info.full_total = if partial {
            outcome.full_total
        } else {
            outcome.total
        };
        if outcome.full_total == 0 && !built.browse {
            let group_docs = group_docs.unwrap_or_else(|| group_doc_counts(&data, &built));
            info.missing = missing_words(&built, &group_docs);
            if !info.missing.is_empty() {
                info.notes
                    .push(format!("no report contains: {}", info.missing.join(", ")));
            }
        }

        let mut highlighter =
            snippets.then(|| Highlighter::new(self.analyzers.clone(), &builder.used));
        let mut hits = Vec::new();
        for ranked in outcome.hits.iter().skip(offset).take(limit) {
            hits.push(self.hit(&data, ranked, partial, highlighter.as_mut())?);
        }
        let facets = facet_lists(&data, &outcome, filters.days);
        let timeline = timeline_counts(&data, &outcome.timeline, filters.days);
        // The map is the page's: an export goes without.
        let places = match (snippets, LOCALITY.and_then(|dim| facets.at(dim))) {
            (true, Some(list)) => map_places(&data, self.stored.extraction, list),
            _ => Vec::new(),
        };
        Ok(Answer {
            total: outcome.total,
            took_ms: elapsed_ms(started),
            query: info,
            hits,
            facets,
            timeline,
            places,
            data,
        })
    }

    /// Full matches; when there are few, a second pass adds partial matches: documents holding
    /// enough of the query's word weight ([`PARTIAL_WEIGHT_SHARE`] of it, each word weighing
    /// its informativeness in the index, see [`word_weight`]).
    fn execute(
        &self,
        data: &Arc<IndexData>,
        built: &BuiltQuery,
        filters: &Filters,
        keep: usize,
        order: Order,
    ) -> Result<Executed> {
        let full = |outcome, group_docs| Executed {
            outcome,
            partial: false,
            min_words: built.groups.len(),
            group_docs,
        };
        if built.browse && built.excluded.is_empty() {
            return Ok(full(browse(data, filters, keep, order)?, None));
        }
        // A second pass only when a partial match is possible at all.
        let several = built.groups.len() > 1;
        let plan = Plan {
            data: data.clone(),
            accepted: filters.accepted.clone(),
            days: filters.days,
            full: None,
            record: several,
            keep,
            order,
        };
        let outcome = data.searcher.search(
            &*built.all,
            &PlanCollector {
                plan: Arc::new(plan),
            },
        )?;
        if !several || outcome.total >= PARTIAL_THRESHOLD {
            return Ok(full(outcome, None));
        }
        let docs = data.searcher.num_docs();
        let group_docs = group_doc_counts(data, built);
        let mut weights = group_weights(&group_docs, &built.names, docs);
        // A word no report holds (after the typo retry), that the glossary cannot translate,
        // weighs nothing when at least half the words are found: the other language may say it
        // in words the glossary lacks ("bridge blown up" finds "ont fait sauter le pont"; "no
        // report contains: blown"), rather than nothing. Not a word whose translations were
        // searched and found nowhere either ("grève des enseignants": no strike in the index),
        // a name or a time no report holds ("embuscade Kidal" is no query about ambushes
        // elsewhere), nor when fewer words are found ("lithium mine Goulamina").
        let found = group_docs.iter().filter(|&&df| df > 0).count();
        if found * 2 >= group_docs.len() {
            for (k, (weight, &df)) in weights.iter_mut().zip(&group_docs).enumerate() {
                let known = built.names.get(k).copied().unwrap_or(false)
                    || built.translated.get(k).copied().unwrap_or(false);
                if df == 0 && !known {
                    *weight = 0.0;
                }
            }
        }
        let threshold = PARTIAL_WEIGHT_SHARE * weights.iter().sum::<f32>();
        let min_groups = if weights.len() > 2 {
            PARTIAL_MIN_WORDS
        } else {
            1
        };
        let min_words = fewest_words_above(&weights, threshold).max(min_groups);
        if min_words >= built.groups.len() {
            return Ok(full(outcome, Some(group_docs)));
        }
        let mut sets: Vec<BitSet> = data
            .searcher
            .segment_readers()
            .iter()
            .map(|r| BitSet::with_max_value(r.max_doc()))
            .collect();
        for (segment, set) in &outcome.matched {
            if let Some(slot) = sets.get_mut(*segment as usize) {
                *slot = set.clone();
            }
        }
        let plan = Plan {
            data: data.clone(),
            accepted: filters.accepted.clone(),
            days: filters.days,
            full: Some(Arc::new(sets)),
            record: false,
            keep,
            order,
        };
        let weighted = WeightedAboveQuery::new(
            built
                .groups
                .iter()
                .map(|q| q.box_clone())
                .zip(weights)
                .collect(),
            threshold,
        )
        .with_min_groups(min_groups);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(weighted))];
        clauses.extend(
            built
                .excluded
                .iter()
                .map(|q| (Occur::MustNot, q.box_clone())),
        );
        let widened = data.searcher.search(
            &BooleanQuery::new(clauses),
            &PlanCollector {
                plan: Arc::new(plan),
            },
        )?;
        if widened.total > outcome.total {
            Ok(Executed {
                outcome: widened,
                partial: true,
                min_words,
                group_docs: Some(group_docs),
            })
        } else {
            Ok(full(outcome, Some(group_docs)))
        }
    }

    /// Every facet value with its count, over the whole index (duplicates excluded).
    pub fn facets(&self) -> Result<FacetsResponse> {
        let data = self.data()?;
        let outcome = self.count_all(&data)?;
        Ok(FacetsResponse {
            total: outcome.total,
            facets: facets_of(&data, &outcome),
            timeline: timeline_of(&data, &outcome.timeline),
        })
    }

    fn count_all(&self, data: &Arc<IndexData>) -> Result<Outcome> {
        browse(data, &Filters::default(), 0, Order::NewestFirst)
    }

    /// The facet dimensions, and how the values of those grouped under another belong to that
    /// one's (a region to its country, from the gazetteer).
    pub fn dimensions(&self) -> DimensionsResponse {
        let mut groups = BTreeMap::new();
        for facet in FACETS.iter().filter(|facet| facet.grouped_under.is_some()) {
            groups.insert(facet.name.to_string(), self.value_groups(facet));
        }
        DimensionsResponse {
            facets: FACETS.iter().map(Dimension::from).collect(),
            groups,
            regions: self.expander.regions(),
        }
    }

    /// The values of a dimension with the value of the dimension it is grouped under that each
    /// belongs to, where known: regions (current and former names, every spelling) with their
    /// country.
    fn value_groups(&self, facet: &FacetDim) -> BTreeMap<String, String> {
        match facet.names {
            FilterNames::Region => self.expander.region_countries().into_iter().collect(),
            FilterNames::AsTyped | FilterNames::Place | FilterNames::Actor => BTreeMap::new(),
        }
    }

    /// What the index holds.
    pub fn stats(&self) -> Result<StatsResponse> {
        let data = self.data()?;
        let outcome = self.count_all(&data)?;
        let timeline = timeline_of(&data, &outcome.timeline);
        let (index_bytes, last_commit) = match &self.dir {
            Some(dir) => (dir_size(dir), commit_time(dir)),
            None => (0, None),
        };
        Ok(StatsResponse {
            documents: data.canonical_docs,
            duplicates: data.duplicate_docs,
            index_bytes,
            last_commit,
            segments: data.searcher.segment_readers().len(),
            languages: facets_of(&data, &outcome)
                .iter()
                .find(|(_, facet, _)| facet.kind == FacetKind::Language)
                .map(|(_, _, counts)| counts.clone())
                .unwrap_or_default(),
            first_month: timeline.first().map(|m| m.month.clone()),
            last_month: timeline.last().map(|m| m.month.clone()),
        })
    }
}

/// Milliseconds since `started`, to the microsecond.
fn elapsed_ms(started: Instant) -> f64 {
    (started.elapsed().as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0
}

/// Whether a query string has characters but nothing a word is made of (`?!.,;:`).
fn has_no_words(q: &str) -> bool {
    !q.trim().is_empty() && !q.chars().any(char::is_alphanumeric)
}

/// What the query was understood as, for the answer: words, groups, phrases, prefixes,
/// exclusions and expansions, and whether partial matches were added.
fn describe_query(
    info: &mut QueryInfo,
    parsed: &ParsedQuery,
    built: &BuiltQuery,
    builder: &QueryBuilder<'_>,
    partial: bool,
    min_words: usize,
) {
    info.terms = built.words.clone();
    info.ignored = built.ignored.clone();
    info.min_words = min_words;
    info.partial = partial;
    info.translations = builder.translations.clone();
    for group in &parsed.groups {
        if group.len() > 1 {
            info.any_of
                .push(group.iter().map(|i| i.display()).collect());
        }
        for item in group {
            match item {
                Item::Phrase(p) => info.phrases.push(p.clone()),
                Item::Prefix(p) => info.prefixes.push(p.clone()),
                Item::Word(_) => {}
            }
        }
    }
    info.excluded = parsed.excluded.iter().map(|i| i.display()).collect();
    info.expansions = builder.expansions.clone();
    if parsed.fallback && !info.notes.is_empty() {
        info.notes.dedup();
    }
}

/// A search's outcome, and whether partial matches were added (holding at least `min_words`).
struct Executed {
    outcome: Outcome,
    partial: bool,
    min_words: usize,
    /// Per group, the documents holding it, when the partial pass counted them.
    group_docs: Option<Vec<u64>>,
}

/// Per query group, the live documents of the index holding it (filters aside).
/// Each group's weight in a partial match: its word's [`word_weight`] (a word no document holds
/// weighs the most), [`NAME_WEIGHT`] times more for a name.
fn group_weights(group_docs: &[u64], names: &[bool], docs: u64) -> Vec<f32> {
    group_docs
        .iter()
        .enumerate()
        .map(|(k, &df)| {
            let name = names.get(k).copied().unwrap_or(false);
            word_weight(df, docs) * if name { NAME_WEIGHT } else { 1.0 }
        })
        .collect()
}

fn group_doc_counts(data: &IndexData, built: &BuiltQuery) -> Vec<u64> {
    built
        .groups
        .iter()
        .map(|q| q.count(&data.searcher).map_or(0, |n| n as u64))
        .collect()
}

/// The typed words (with their spellings, translations and corrections) that no document holds.
fn missing_words(built: &BuiltQuery, group_docs: &[u64]) -> Vec<String> {
    group_docs
        .iter()
        .zip(&built.words)
        .filter(|(n, _)| **n == 0)
        .map(|(_, w)| w.clone())
        .collect()
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn commit_time(dir: &Path) -> Option<String> {
    let modified = std::fs::metadata(dir.join("meta.json"))
        .ok()?
        .modified()
        .ok()?;
    let time: DateTime<Utc> = modified.into();
    Some(time.to_rfc3339_opts(SecondsFormat::Secs, true))
}
