//! The [`Searcher`]: built once from an opened index, shared between threads, answers searches,
//! document look-ups, facet listings and statistics. It sees new commits of the index by itself
//! (tantivy's `OnCommitWithDelay` reload policy).

use std::collections::{BinaryHeap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, SecondsFormat, Utc};
use sahel_facets::PlaceRole;
use sahel_indexer::columns::ColumnValues;
use sahel_indexer::document::find_id;
use sahel_indexer::schema::names;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, OwnedValue, Schema, Value};
use tantivy::{
    BitSet, DocAddress, DocId, DocSet, Index, IndexReader, ReloadPolicy, SeekDangerResult,
    TantivyDocument, Term, TERMINATED,
};

use crate::api::{
    parse_day, parse_month, AppliedFilters, Correction, DocResponse, DuplicateRef, FacetCount,
    Facets, FacetsResponse, Hit, MonthCount, QueryInfo, SearchRequest, SearchResponse, Sort,
    StatsResponse,
};
use crate::collect::{Order, Outcome, Plan, PlanCollector, Ranked};
use crate::data::{
    day_of, IndexData, ACTOR, COUNTRY, DIMENSIONS, LANGUAGE, LOCALITY, MONTH, REGION,
};
use crate::expand::{FacetsExpander, NameExpander, NameKind, NoExpansion};
use crate::hit_cache::{cut_body, HitCache, StoredHit};
use crate::parser::parse;
use crate::query::{
    partial_query, Analyzers, BuiltQuery, FieldPair, QueryBuilder, TermSets, TextFields, EXACT,
};
use crate::snippet::{snippet, Highlighter};
use crate::{Result, SearchError};

/// Below this many full matches, documents with most of the words are added as partial matches.
pub const PARTIAL_THRESHOLD: u64 = 10;
/// Most corrections kept per word in the typo-tolerant retry.
const MAX_CORRECTIONS: usize = 3;
/// Most facet values listed per facet.
const MAX_FACET_VALUES: usize = 200;
/// Memory for recently shown hits: about twenty thousand typical reports.
const HIT_CACHE_BYTES: usize = 32 << 20;
/// Most duplicates listed under a document.
const MAX_DUPLICATES_LISTED: usize = 100;
/// Best-ranked matches whose scores get the nearness of the typed words
/// ([`BuiltQuery::proximity`]): reading word positions for every match would cost as much as
/// the rest of a search; beyond the first hundred, the order matters little.
const PROXIMITY_POOL: usize = 100;

/// Fields read for hits and documents: the stored ones, and the two looked up by term (the rest
/// is read from columns, see [`sahel_indexer::columns`]).
#[derive(Clone, Copy, Debug)]
struct StoredFields {
    id: Field,
    title: Field,
    body: Field,
    url: Field,
    extraction: Field,
    duplicate_of: Field,
}

fn field(schema: &Schema, name: &str) -> Result<Field> {
    schema
        .get_field(name)
        .map_err(|_| SearchError::MissingField(name.to_string()))
}

impl StoredFields {
    fn resolve(schema: &Schema) -> Result<Self> {
        Ok(StoredFields {
            id: field(schema, names::ID)?,
            title: field(schema, names::TITLE)?,
            body: field(schema, names::BODY)?,
            url: field(schema, names::URL)?,
            extraction: field(schema, names::EXTRACTION)?,
            duplicate_of: field(schema, names::DUPLICATE_OF)?,
        })
    }
}

/// Searches one index. `Send + Sync`: share it behind an `Arc`.
pub struct Searcher {
    index: Index,
    reader: IndexReader,
    dir: Option<PathBuf>,
    stored: StoredFields,
    text_fields: TextFields,
    analyzers: Analyzers,
    expander: Box<dyn NameExpander>,
    data: Mutex<Option<Arc<IndexData>>>,
    /// Recently shown hits (see [`crate::hit_cache`]).
    hits: HitCache,
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
    fn data(&self) -> Result<Arc<IndexData>> {
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

    fn builder(&self) -> QueryBuilder<'_> {
        QueryBuilder {
            analyzers: self.analyzers.clone(),
            fields: self.text_fields,
            expander: self.expander.as_ref(),
            used: TermSets::default(),
            expansions: Vec::new(),
        }
    }

    /// The index terms a query string searches, per analyzer family, with the query groups
    /// they stand for: what its snippets mark.
    pub fn query_terms(&self, q: &str) -> TermSets {
        let mut builder = self.builder();
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
        let mut builder = self.builder();
        let mut built = builder.build(&parsed);
        let mut info = QueryInfo {
            q: request.q.clone(),
            fallback: parsed.fallback,
            notes: parsed.notes.clone(),
            browse: built.browse,
            sort: request.sort,
            ..Default::default()
        };
        let filters = self.resolve_filters(&data, request, &mut info)?;
        let order = match (request.sort, built.browse) {
            (Sort::Relevance, false) => Order::Score,
            (Sort::Relevance, true) | (Sort::DateDesc, _) => Order::NewestFirst,
            (Sort::DateAsc, _) => Order::OldestFirst,
        };
        let keep = offset + limit;
        let rescore = order == Order::Score && !built.proximity.is_empty() && keep > 0;
        let pool = if rescore {
            keep.max(PROXIMITY_POOL)
        } else {
            keep
        };
        let (mut outcome, mut partial) = self.execute(&data, &built, &filters, pool, order)?;

        // No document has every word: a word found nowhere in the index is taken for a typo.
        if outcome.full_total == 0 && !built.correctable.is_empty() {
            let corrections = self.correct(&data, &mut builder, &mut built);
            if !corrections.is_empty() {
                let words: Vec<String> = corrections
                    .iter()
                    .map(|c| format!("{} → {}", c.from, c.to.join(", ")))
                    .collect();
                info.notes.push(format!(
                    "nothing matched as typed; searched instead: {}",
                    words.join("; ")
                ));
                info.corrected = corrections;
                (outcome, partial) = self.execute(&data, &built, &filters, pool, order)?;
            }
        }
        if rescore {
            add_proximity(&data, &built.proximity, &mut outcome.hits);
        }
        outcome.hits.truncate(keep);

        info.terms = built.words.clone();
        info.ignored = built.ignored.clone();
        info.min_words = if partial {
            built.min_groups
        } else {
            built.groups.len()
        };
        info.partial = partial;
        for group in &parsed.groups {
            if group.len() > 1 {
                info.any_of
                    .push(group.iter().map(|i| i.display()).collect());
            }
            for item in group {
                match item {
                    crate::parser::Item::Phrase(p) => info.phrases.push(p.clone()),
                    crate::parser::Item::Prefix(p) => info.prefixes.push(p.clone()),
                    crate::parser::Item::Word(_) => {}
                }
            }
        }
        info.excluded = parsed.excluded.iter().map(|i| i.display()).collect();
        info.expansions = builder.expansions.clone();
        if parsed.fallback && !info.notes.is_empty() {
            info.notes.dedup();
        }

        let mut highlighter =
            snippets.then(|| Highlighter::new(self.analyzers.clone(), &builder.used));
        let mut hits = Vec::new();
        for ranked in outcome.hits.iter().skip(offset).take(limit) {
            hits.push(self.hit(&data, ranked, partial, highlighter.as_mut())?);
        }
        let facets = facet_lists(&data, &outcome);
        let timeline = timeline_counts(&data, &outcome.timeline);
        Ok(Answer {
            total: outcome.total,
            took_ms: (started.elapsed().as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0,
            query: info,
            hits,
            facets,
            timeline,
            data,
        })
    }

    /// Full matches; when there are few, a second pass adds documents with most of the words.
    fn execute(
        &self,
        data: &Arc<IndexData>,
        built: &BuiltQuery,
        filters: &Filters,
        keep: usize,
        order: Order,
    ) -> Result<(Outcome, bool)> {
        if built.browse && built.excluded.is_empty() {
            return Ok((browse(data, filters, keep, order)?, false));
        }
        // A second pass only when a partial match is possible at all.
        let several = built.min_groups < built.groups.len();
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
            return Ok((outcome, false));
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
        let widened = data.searcher.search(
            &*partial_query(built),
            &PlanCollector {
                plan: Arc::new(plan),
            },
        )?;
        if widened.total > outcome.total {
            Ok((widened, true))
        } else {
            Ok((outcome, false))
        }
    }

    /// Typo-tolerant retry: each correctable word that matches no document at all (in any
    /// field, whatever the filters) also searches the exact-field terms within an edit distance
    /// that grows with its length. Rewrites `built` and returns the corrections.
    fn correct(
        &self,
        data: &IndexData,
        builder: &mut QueryBuilder<'_>,
        built: &mut BuiltQuery,
    ) -> Vec<Correction> {
        let mut corrections = Vec::new();
        for (group, word) in built.correctable.clone() {
            let terms = builder.exact_terms(&word);
            let [term] = terms.as_slice() else { continue };
            let distance = match term.chars().count() {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            if distance == 0 {
                continue;
            }
            if built
                .groups
                .get(group)
                .is_none_or(|q| matches_something(data, q.as_ref()))
            {
                continue;
            }
            let found = self
                .corrections
                .get_or_insert(data.generation, term, distance, || {
                    fuzzy_terms(data, &self.text_fields.0[EXACT], term, distance)
                });
            if found.is_empty() {
                continue;
            }
            let mut clauses: Vec<Box<dyn Query>> = Vec::new();
            if let Some(q) = built.groups.get(group) {
                clauses.push(q.box_clone());
            }
            builder.used.set_group(group);
            for t in &found {
                clauses.extend(builder.text_query(t));
            }
            if let Some(slot) = built.groups.get_mut(group) {
                *slot = Box::new(BooleanQuery::union(clauses));
            }
            corrections.push(Correction {
                from: word,
                to: found,
                distance,
            });
        }
        if !corrections.is_empty() {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = built
                .groups
                .iter()
                .map(|q| (Occur::Must, q.box_clone()))
                .collect();
            clauses.extend(
                built
                    .excluded
                    .iter()
                    .map(|q| (Occur::MustNot, q.box_clone())),
            );
            built.all = Box::new(BooleanQuery::new(clauses));
        }
        corrections
    }

    fn resolve_filters(
        &self,
        data: &IndexData,
        request: &SearchRequest,
        info: &mut QueryInfo,
    ) -> Result<Filters> {
        let mut accepted: [Option<Vec<bool>>; DIMENSIONS] = Default::default();
        let mut applied = AppliedFilters::default();
        let dims: [(usize, &Vec<String>, &str); 5] = [
            (REGION, &request.region, "region"),
            (COUNTRY, &request.country, "country"),
            (LOCALITY, &request.locality, "locality"),
            (ACTOR, &request.actor, "actor"),
            (LANGUAGE, &request.lang, "lang"),
        ];
        for (dim, values, param) in dims {
            if values.is_empty() {
                continue;
            }
            let table = &data.tables[dim];
            let mut mask = vec![false; table.len()];
            let mut resolved: Vec<String> = Vec::new();
            for value in values {
                let mut names = vec![value.clone()];
                match dim {
                    REGION => {
                        names.extend(self.expander.successor_regions(value));
                        names.extend(place_spellings(self.expander.as_ref(), value));
                    }
                    COUNTRY | LOCALITY => {
                        names.extend(place_spellings(self.expander.as_ref(), value));
                    }
                    ACTOR => names.extend(self.expander.actor_names(value)),
                    _ => {}
                }
                let before = resolved.len();
                for name in &names {
                    for &id in table.resolve(name) {
                        if let Some(slot) = mask.get_mut(id as usize) {
                            if !*slot {
                                *slot = true;
                                resolved.push(table.values[id as usize].clone());
                            }
                        }
                    }
                }
                if resolved.len() == before {
                    info.notes
                        .push(format!("{param} `{value}` matches no indexed value"));
                }
            }
            match dim {
                REGION => applied.region = resolved,
                COUNTRY => applied.country = resolved,
                LOCALITY => applied.locality = resolved,
                ACTOR => applied.actor = resolved,
                _ => applied.lang = resolved,
            }
            accepted[dim] = Some(mask);
        }
        if !request.month.is_empty() {
            let table = &data.tables[MONTH];
            let mut mask = vec![false; table.len()];
            for month in &request.month {
                let (year, m) = parse_month(month)?;
                let key = format!("{year:04}-{m:02}");
                for &id in table.resolve(&key) {
                    if let Some(slot) = mask.get_mut(id as usize) {
                        *slot = true;
                    }
                }
                applied.month.push(key);
            }
            accepted[MONTH] = Some(mask);
        }
        let from = request
            .from
            .as_deref()
            .map(|v| parse_day("from", v))
            .transpose()?;
        let to = request
            .to
            .as_deref()
            .map(|v| parse_day("to", v))
            .transpose()?;
        let days = (from.is_some() || to.is_some())
            .then(|| (from.map_or(i32::MIN, day_of), to.map_or(i32::MAX, day_of)));
        applied.from = from.map(|d| d.to_string());
        applied.to = to.map(|d| d.to_string());
        info.filters = applied;
        Ok(Filters { accepted, days })
    }

    fn hit(
        &self,
        data: &IndexData,
        ranked: &Ranked,
        partial: bool,
        highlighter: Option<&mut Highlighter>,
    ) -> Result<Hit> {
        let stored = match self.hits.get(data.generation, ranked.doc) {
            Some(stored) => stored,
            None => {
                let stored = Arc::new(self.read_hit(data, ranked.doc)?);
                self.hits
                    .insert(data.generation, ranked.doc, Arc::clone(&stored));
                stored
            }
        };
        let snippet = match highlighter {
            Some(highlighter) => snippet(&stored.body, &stored.language, highlighter),
            None => String::new(),
        };
        Ok(Hit {
            duplicates: data.duplicate_counts.get(&stored.id).copied().unwrap_or(0),
            title: stored.title.clone(),
            published: stored.published.clone(),
            score: if ranked.score.is_finite() {
                ranked.score
            } else {
                0.0
            },
            snippet,
            regions: stored.regions.clone(),
            countries: stored.countries.clone(),
            localities: stored.localities.clone(),
            actors: stored.actors.clone(),
            months: stored.months.clone(),
            source: stored.source.clone(),
            url: stored.url.clone(),
            partial: partial && !ranked.full,
            language: stored.language.clone(),
            id: stored.id.clone(),
        })
    }

    /// What a hit shows, from the document store and the columns.
    fn read_hit(&self, data: &IndexData, address: tantivy::DocAddress) -> Result<StoredHit> {
        let doc: TantivyDocument = data.searcher.doc(address)?;
        let f = &self.stored;
        let values = column_values(data, address);
        let body = first_str(&doc, f.body).unwrap_or_default();
        let (body, _) = cut_body(body, StoredHit::BODY_BYTES);
        Ok(StoredHit {
            id: values.id,
            title: first_str(&doc, f.title).unwrap_or_default(),
            body,
            language: values.language,
            published: values.published.and_then(format_date),
            regions: values.regions,
            countries: values.countries,
            localities: values.localities,
            actors: values.actors,
            months: values.months,
            source: values.source_name,
            url: first_str(&doc, f.url).filter(|s| !s.is_empty()),
        })
    }

    /// One whole document, its facets and its duplicates.
    pub fn doc(&self, id: &str) -> Result<DocResponse> {
        let data = self.data()?;
        let searcher = &data.searcher;
        let f = &self.stored;
        let Some(address) = find_id(searcher, f.id, id)? else {
            return Err(SearchError::DocNotFound(id.to_string()));
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let values = column_values(&data, address);
        let duplicates_query = TermQuery::new(
            Term::from_field_text(f.duplicate_of, id),
            IndexRecordOption::Basic,
        );
        let mut duplicates = Vec::new();
        for (_, address) in searcher.search(
            &duplicates_query,
            &TopDocs::with_limit(MAX_DUPLICATES_LISTED).order_by_score(),
        )? {
            let dup: TantivyDocument = searcher.doc(address)?;
            let dup_values = column_values(&data, address);
            duplicates.push(DuplicateRef {
                id: dup_values.id,
                title: first_str(&dup, f.title).unwrap_or_default(),
                source: dup_values.source_name,
                url: first_str(&dup, f.url).filter(|s| !s.is_empty()),
                published: dup_values.published.and_then(format_date),
            });
        }
        duplicates.sort_by(|a, b| a.id.cmp(&b.id));
        let stored_extraction = doc.get_first(f.extraction).map(OwnedValue::from);
        let places = stored_extraction
            .as_ref()
            .and_then(sahel_indexer::document::stored_places)
            .unwrap_or_default();
        let (lat, lon) = places
            .iter()
            .filter(|p| p.role == PlaceRole::Event)
            .find_map(|p| Some((p.lat?, p.lon?)))
            .unzip();
        let title = first_str(&doc, f.title).unwrap_or_default();
        let extraction =
            stored_extraction.and_then(|stored| full_extraction(stored, &places, &title, &values));
        // A duplicate keeps no text of its own: its canonical document has the same words.
        let body = match (first_str(&doc, f.body), &values.duplicate_of) {
            (Some(body), _) => body,
            (None, Some(canonical)) => match find_id(searcher, f.id, canonical)? {
                Some(address) => first_str(&searcher.doc::<TantivyDocument>(address)?, f.body)
                    .unwrap_or_default(),
                None => String::new(),
            },
            (None, None) => String::new(),
        };
        Ok(DocResponse {
            title,
            body,
            published: values.published.and_then(format_date),
            language: values.language,
            source: values.source_name,
            source_path: Some(values.source_path).filter(|s| !s.is_empty()),
            url: first_str(&doc, f.url).filter(|s| !s.is_empty()),
            regions: values.regions,
            countries: values.countries,
            localities: values.localities,
            actors: values.actors,
            months: values.months,
            event_dates: values
                .event_dates
                .iter()
                .filter_map(|d| format_date(*d))
                .collect(),
            places: sahel_indexer::document::event_place_paths(&places)
                .iter()
                .map(|facet| facet.to_path_string())
                .collect(),
            lat,
            lon,
            extraction,
            duplicate_of: values.duplicate_of,
            id: values.id,
            duplicates,
        })
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
            languages: facets_of(&data, &outcome).language,
            first_month: timeline.first().map(|m| m.month.clone()),
            last_month: timeline.last().map(|m| m.month.clone()),
        })
    }
}

/// Browsing (no query words, no exclusion): without filters, the per-generation counts and date
/// orders answer at once; with filters, only documents holding an accepted value are visited
/// (from the per-value postings) instead of the whole index.
///
/// Which documents must be visited: those passing every filter (they count everywhere) and
/// those failing exactly one (they count in that facet only). With one filtered dimension, the
/// first are the postings of its accepted values, and its own facet counts every document (what
/// ticking any other value would give): the index-wide counts. With several, a document failing
/// at most one of them holds an accepted value of another: the union of all accepted postings.
fn browse(data: &Arc<IndexData>, filters: &Filters, keep: usize, order: Order) -> Result<Outcome> {
    let mut active: Vec<usize> = (0..DIMENSIONS)
        .filter(|&d| filters.accepted[d].is_some())
        .collect();
    if filters.days.is_some() && !active.contains(&MONTH) {
        active.push(MONTH);
    }
    if active.is_empty() {
        let total = data.canonical_docs;
        let list = match order {
            Order::OldestFirst => &data.oldest_first,
            _ => &data.newest_first,
        };
        let hits = list
            .iter()
            .take(keep)
            .map(|&doc| browse_ranked(data, order, doc))
            .collect();
        return Ok(Outcome {
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
        });
    }
    // The slots whose postings are visited.
    let mut slots: Vec<usize> = Vec::new();
    for &dim in &active {
        let range = data.slot_range(dim);
        match &filters.accepted[dim] {
            Some(accepted) => slots.extend(
                accepted
                    .iter()
                    .enumerate()
                    .filter(|(_, &ok)| ok)
                    .map(|(id, _)| range.start + id),
            ),
            // A day range alone: the months it overlaps (the days are checked per document).
            None => {
                if let Some((from, to)) = filters.days {
                    for (id, month) in data.tables[MONTH].values.iter().enumerate() {
                        if month_overlaps(month, from, to) {
                            slots.push(range.start + id);
                        }
                    }
                }
            }
        }
    }
    if let ([dim], None) = (active.as_slice(), filters.days) {
        if let Some(accepted) = &filters.accepted[*dim] {
            return Ok(browse_one_facet(data, *dim, accepted, &slots, keep, order));
        }
    }
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
        match slots.as_slice() {
            [slot] => {
                for &doc in segment.postings.docs(*slot) {
                    child.collect(doc, 0.0);
                }
            }
            _ => {
                let mut visit = BitSet::with_max_value(reader.max_doc().max(1));
                for &slot in &slots {
                    for &doc in segment.postings.docs(slot) {
                        visit.insert(doc);
                    }
                }
                for doc in 0..reader.max_doc() {
                    if visit.contains(doc) {
                        child.collect(doc, 0.0);
                    }
                }
            }
        }
        fruits.push(child.harvest());
    }
    let mut outcome = collector.merge_fruits(fruits)?;
    if let [dim] = active.as_slice() {
        let range = data.slot_range(*dim);
        if let (Some(counts), Some(all)) = (
            outcome.counts.get_mut(range.clone()),
            data.all_counts.get(range),
        ) {
            counts.copy_from_slice(all);
        }
    }
    Ok(outcome)
}

/// Browsing with values of one facet ticked (no query, no other filter): every document holding
/// an accepted value passes, so the pass only counts their facet values, and the page comes
/// from the generation's date orders when the value is common enough for that to be shorter
/// than ranking every document. The facet's own counts are the index-wide ones (what ticking
/// any other value would give). The same outcome as the collector's, at a fraction of the work
/// per document.
fn browse_one_facet(
    data: &IndexData,
    dim: usize,
    accepted: &[bool],
    slots: &[usize],
    keep: usize,
    order: Order,
) -> Outcome {
    // The documents to count, per segment, each once.
    let lists: Vec<std::borrow::Cow<'_, [DocId]>> = data
        .segments
        .iter()
        .zip(data.searcher.segment_readers())
        .map(|(segment, reader)| match slots {
            [slot] => std::borrow::Cow::Borrowed(segment.postings.docs(*slot)),
            _ => {
                let mut visit = BitSet::with_max_value(reader.max_doc().max(1));
                for &slot in slots {
                    for &doc in segment.postings.docs(slot) {
                        visit.insert(doc);
                    }
                }
                std::borrow::Cow::Owned(
                    (0..reader.max_doc())
                        .filter(|&doc| visit.contains(doc))
                        .collect(),
                )
            }
        })
        .collect();
    let total: u64 = lists.iter().map(|list| list.len() as u64).sum();
    let ranked = |address: DocAddress| browse_ranked(data, order, address);
    let order_list = match order {
        Order::OldestFirst => &data.oldest_first,
        _ => &data.newest_first,
    };
    // Walking the date order finds the page after about keep × all / total documents; ranking
    // every matching document costs total. The shorter wins.
    let walk = keep > 0
        && (keep as u128) * (order_list.len() as u128) < u128::from(total) * u128::from(total);
    let mut heap: BinaryHeap<Ranked> = BinaryHeap::new();
    let mut counts = vec![0u32; data.slots];
    for (ord, (segment, list)) in data.segments.iter().zip(&lists).enumerate() {
        // Records are scattered: touching a batch of them first lets their cache misses overlap.
        for batch in list.chunks(64) {
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
            if walk || keep == 0 {
                continue;
            }
            // Better ranks are smaller (see `Ranked`): the heap's top is the worst kept.
            for &doc in batch {
                let candidate = ranked(DocAddress::new(ord as u32, doc));
                if heap.len() < keep {
                    heap.push(candidate);
                } else if heap.peek().is_some_and(|worst| candidate < *worst) {
                    heap.pop();
                    heap.push(candidate);
                }
            }
        }
    }
    let range = data.slot_range(dim);
    let base = range.start;
    let holds =
        |address: &DocAddress| {
            data.segments
                .get(address.segment_ord as usize)
                .is_some_and(|segment| {
                    segment.record(address.doc_id).dim(dim).iter().any(|&slot| {
                        accepted.get((slot as usize).wrapping_sub(base)) == Some(&true)
                    })
                })
        };
    let hits: Vec<Ranked> = if walk {
        order_list
            .iter()
            .filter(|address| holds(address))
            .take(keep)
            .map(|&address| ranked(address))
            .collect()
    } else {
        heap.into_sorted_vec()
    };
    let timeline = counts.get(data.slot_range(MONTH)).unwrap_or(&[]).to_vec();
    if let (Some(counts), Some(all)) = (counts.get_mut(range.clone()), data.all_counts.get(range)) {
        counts.copy_from_slice(all);
    }
    Outcome {
        total,
        full_total: total,
        counts,
        timeline,
        hits,
        matched: Vec::new(),
    }
}

/// Whether the month `YYYY-MM` has a day in the inclusive day range.
fn month_overlaps(month: &str, from: i32, to: i32) -> bool {
    let Ok((year, m)) = parse_month(month) else {
        return false;
    };
    let Some(first) = chrono::NaiveDate::from_ymd_opt(year, m, 1) else {
        return false;
    };
    let next = if m == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        chrono::NaiveDate::from_ymd_opt(year, m + 1, 1)
    };
    let last = next.map_or(i32::MAX, |n| day_of(n) - 1);
    day_of(first) <= to && last >= from
}

/// Resolved filters of a request.
#[derive(Default)]
struct Filters {
    accepted: [Option<Vec<bool>>; DIMENSIONS],
    days: Option<(i32, i32)>,
}

fn place_spellings(expander: &dyn NameExpander, value: &str) -> Vec<String> {
    match expander.expand(value) {
        Some((NameKind::Place, spellings)) => spellings,
        _ => Vec::new(),
    }
}

/// Adds to each hit's score the scores of the proximity phrases it matches (the best variant
/// of each), and ranks the hits again (full matches still before partial ones).
fn add_proximity(data: &IndexData, phrases: &[Vec<Box<dyn Query>>], hits: &mut [Ranked]) {
    if hits.is_empty() {
        return;
    }
    let enable = EnableScoring::enabled_from_searcher(&data.searcher);
    let mut by_doc: Vec<(DocAddress, usize)> =
        hits.iter().enumerate().map(|(i, h)| (h.doc, i)).collect();
    by_doc.sort_unstable();
    let mut best = vec![0.0f32; hits.len()];
    for variants in phrases {
        let weights: Vec<Box<dyn tantivy::query::Weight>> = variants
            .iter()
            .filter_map(|q| q.weight(enable).ok())
            .collect();
        best.iter_mut().for_each(|b| *b = 0.0);
        for run in by_doc.chunk_by(|a, b| a.0.segment_ord == b.0.segment_ord) {
            let Some(&(first, _)) = run.first() else {
                continue;
            };
            let reader = data.searcher.segment_reader(first.segment_ord);
            for weight in &weights {
                let Ok(mut scorer) = weight.scorer(reader, 1.0) else {
                    continue;
                };
                // `seek_danger` answers for the document alone; its targets must increase and
                // not fall below the bound it returned (no match there).
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

/// Whether `query` matches any live document of the index (filters and duplicates aside).
fn matches_something(data: &IndexData, query: &dyn Query) -> bool {
    let Ok(weight) = query.weight(EnableScoring::disabled_from_searcher(&data.searcher)) else {
        return true;
    };
    for reader in data.searcher.segment_readers() {
        let Ok(mut scorer) = weight.scorer(reader, 1.0) else {
            return true;
        };
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|bits| bits.is_alive(doc)) {
                return true;
            }
            doc = scorer.advance();
        }
    }
    false
}

/// Most words whose corrections are kept.
const CORRECTION_CACHE_WORDS: usize = 4096;

/// The typo-tolerant retry's look-ups, per index generation: walking the term dictionary with
/// a Levenshtein automaton costs about a millisecond on a 100,000-document index (as much as
/// the rest of a search), and a misspelt query comes back as its user pages or adds filters.
/// Kept for one generation (the dictionary), forgotten all at once past
/// [`CORRECTION_CACHE_WORDS`] words.
#[derive(Default)]
struct CorrectionCache {
    inner: Mutex<(u64, Corrections)>,
}

/// (word, edit distance) → the index terms found within that distance.
type Corrections = HashMap<(String, u8), Vec<String>>;

impl CorrectionCache {
    fn get_or_insert(
        &self,
        generation: u64,
        term: &str,
        distance: u8,
        look_up: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        let lock = || self.inner.lock().unwrap_or_else(|p| p.into_inner());
        {
            let cached = lock();
            if cached.0 == generation {
                if let Some(found) = cached.1.get(&(term.to_string(), distance)) {
                    return found.clone();
                }
            }
        }
        // Looked up without the lock: another search may do the same meanwhile, harmlessly.
        let found = look_up();
        let mut cached = lock();
        if cached.0 != generation {
            *cached = (generation, HashMap::new());
        }
        if cached.1.len() >= CORRECTION_CACHE_WORDS {
            cached.1.clear();
        }
        cached.1.insert((term.to_string(), distance), found.clone());
        found
    }
}

/// Exact-field terms within `distance` of `term`, most frequent first (not `term` itself).
fn fuzzy_terms(data: &IndexData, pair: &FieldPair, term: &str, distance: u8) -> Vec<String> {
    let mut found: HashMap<String, u64> = HashMap::new();
    for reader in data.searcher.segment_readers() {
        for field in [pair.body, pair.title] {
            let query = tantivy::query::FuzzyTermQuery::new(
                Term::from_field_text(field, term),
                distance,
                true,
            );
            let (Ok(automaton), Ok(inverted)) = (query.automaton(), reader.inverted_index(field))
            else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().search(automaton).into_stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(key) = std::str::from_utf8(stream.key()) {
                    if key != term {
                        *found.entry(key.to_string()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
                if found.len() > 1000 {
                    break;
                }
            }
        }
    }
    let mut found: Vec<(String, u64)> = found.into_iter().collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    found
        .into_iter()
        .take(MAX_CORRECTIONS)
        .map(|(t, _)| t)
        .collect()
}

/// The facets of the API, in the order of [`Facets`]'s fields, with their JSON names.
const FACET_DIMS: [(usize, &str); 5] = [
    (REGION, "region"),
    (COUNTRY, "country"),
    (MONTH, "month"),
    (LANGUAGE, "language"),
    (ACTOR, "actor"),
];

/// Per facet of [`FACET_DIMS`], the (value id, count) pairs listed: values with documents,
/// months in order and the others most frequent first, at most [`MAX_FACET_VALUES`].
type FacetLists = [Vec<(u32, u32)>; 5];

fn facet_lists(data: &IndexData, outcome: &Outcome) -> FacetLists {
    FACET_DIMS.map(|(dim, _)| {
        let table = &data.tables[dim];
        // By value: by rank, the values' byte order.
        let rank = |id: u32| table.rank.get(id as usize).copied().unwrap_or(u32::MAX);
        let mut list: Vec<(u32, u32)> = outcome
            .dim_counts(data, dim)
            .iter()
            .enumerate()
            .filter(|&(id, &count)| count > 0 && id < table.values.len())
            .map(|(id, &count)| (id as u32, count))
            .collect();
        if dim == MONTH {
            list.sort_unstable_by_key(|&(id, _)| rank(id));
        } else {
            list.sort_unstable_by_key(|&(id, count)| (std::cmp::Reverse(count), rank(id)));
        }
        list.truncate(MAX_FACET_VALUES);
        list
    })
}

fn facets_from(data: &IndexData, lists: &FacetLists) -> Facets {
    let [region, country, month, language, actor] = std::array::from_fn(|i| {
        let values = &data.tables[FACET_DIMS[i].0].values;
        lists[i]
            .iter()
            .map(|&(id, count)| FacetCount {
                value: values.get(id as usize).cloned().unwrap_or_default(),
                count: u64::from(count),
            })
            .collect::<Vec<_>>()
    });
    Facets {
        region,
        country,
        month,
        language,
        actor,
    }
}

fn facets_of(data: &IndexData, outcome: &Outcome) -> Facets {
    facets_from(data, &facet_lists(data, outcome))
}

/// The timeline as counts: the calendar position of its first month, and the documents of
/// every month from there to the last with documents, zeros included.
#[derive(Debug, Default)]
struct TimelineCounts {
    first: usize,
    counts: Vec<u64>,
}

impl TimelineCounts {
    fn months<'a>(&'a self, data: &'a IndexData) -> impl Iterator<Item = (&'a str, u64)> + 'a {
        data.calendar
            .get(self.first..self.first + self.counts.len())
            .unwrap_or(&[])
            .iter()
            .map(String::as_str)
            .zip(self.counts.iter().copied())
    }
}

fn timeline_counts(data: &IndexData, counts: &[u32]) -> TimelineCounts {
    let positions = || {
        counts
            .iter()
            .zip(&data.month_position)
            .filter(|(&c, &p)| c > 0 && (p as usize) < data.calendar.len())
            .map(|(&c, &p)| (p as usize, c))
    };
    let (Some(first), Some(last)) = (
        positions().map(|(p, _)| p).min(),
        positions().map(|(p, _)| p).max(),
    ) else {
        return TimelineCounts::default();
    };
    let mut out = vec![0u64; last - first + 1];
    for (position, count) in positions() {
        if let Some(slot) = out.get_mut(position - first) {
            *slot += u64::from(count);
        }
    }
    TimelineCounts { first, counts: out }
}

/// Every month from the first to the last with documents, zeros included.
fn timeline_of(data: &IndexData, counts: &[u32]) -> Vec<MonthCount> {
    timeline_counts(data, counts)
        .months(data)
        .map(|(month, count)| MonthCount {
            month: month.to_string(),
            count,
        })
        .collect()
}

/// A search's answer before it becomes a [`SearchResponse`] or JSON: facets and timeline as
/// counts over the generation's value tables.
struct Answer {
    total: u64,
    took_ms: f64,
    query: QueryInfo,
    hits: Vec<Hit>,
    facets: FacetLists,
    timeline: TimelineCounts,
    data: Arc<IndexData>,
}

impl Answer {
    fn into_response(self) -> SearchResponse {
        SearchResponse {
            total: self.total,
            took_ms: self.took_ms,
            facets: facets_from(&self.data, &self.facets),
            timeline: self
                .timeline
                .months(&self.data)
                .map(|(month, count)| MonthCount {
                    month: month.to_string(),
                    count,
                })
                .collect(),
            query: self.query,
            hits: self.hits,
        }
    }

    /// Appends exactly what `serde_json::to_writer` writes for [`Answer::into_response`].
    fn write_json(&self, out: &mut Vec<u8>) -> Result<()> {
        let json = |out: &mut Vec<u8>, value: &dyn erased::Json| value.write(out);
        out.extend_from_slice(b"{\"total\":");
        json(out, &self.total)?;
        out.extend_from_slice(b",\"took_ms\":");
        json(out, &self.took_ms)?;
        out.extend_from_slice(b",\"query\":");
        json(out, &self.query)?;
        out.extend_from_slice(b",\"hits\":");
        json(out, &self.hits)?;
        out.extend_from_slice(b",\"facets\":{");
        for (i, ((dim, name), list)) in FACET_DIMS.iter().zip(&self.facets).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'"');
            out.extend_from_slice(str::as_bytes(name));
            out.extend_from_slice(b"\":[");
            let values = &self.data.tables[*dim].values;
            for (j, &(id, count)) in list.iter().enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"value\":");
                let value = values.get(id as usize).map_or("", String::as_str);
                json(out, &value)?;
                out.extend_from_slice(b",\"count\":");
                push_decimal(out, u64::from(count));
                out.push(b'}');
            }
            out.push(b']');
        }
        out.extend_from_slice(b"},\"timeline\":[");
        for (i, (month, count)) in self.timeline.months(&self.data).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"month\":");
            if month.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
                // Calendar labels (`2024-03`) need no escaping.
                out.push(b'"');
                out.extend_from_slice(month.as_bytes());
                out.push(b'"');
            } else {
                json(out, &month)?;
            }
            out.extend_from_slice(b",\"count\":");
            push_decimal(out, count);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
        Ok(())
    }
}

/// Appends the decimal digits of `n`, as `serde_json` writes an integer.
fn push_decimal(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Serialising a value of any of the answer's types through `serde_json`.
mod erased {
    pub trait Json {
        fn write(&self, out: &mut Vec<u8>) -> crate::Result<()>;
    }

    impl<T: serde::Serialize> Json for T {
        fn write(&self, out: &mut Vec<u8>) -> crate::Result<()> {
            serde_json::to_writer(out, self).map_err(crate::SearchError::Json)
        }
    }
}

/// The extraction record of a document, in the shape of `sahel extract --json`, from its stored
/// form (`sahel_indexer::document::stored_extraction`: every place compactly, whose decoded
/// `places` are given, and the event dates); the other keys come from the columns and the title.
fn full_extraction(
    stored: OwnedValue,
    places: &[sahel_facets::ResolvedPlace],
    title: &str,
    values: &ColumnValues,
) -> Option<serde_json::Value> {
    let stored = serde_json::to_value(stored).ok()?;
    let serde_json::Value::Object(mut map) = stored else {
        return Some(stored);
    };
    if let Some(serde_json::Value::String(_)) = map.get("places") {
        map.insert(
            "places".to_string(),
            serde_json::to_value(places).unwrap_or_default(),
        );
    }
    let list = |values: &[String]| serde_json::Value::from(values.to_vec());
    for (key, value) in [
        ("id", serde_json::Value::from(values.id.as_str())),
        ("title", serde_json::Value::from(title)),
        (
            "language",
            serde_json::Value::from(values.language.as_str()),
        ),
        (
            "published",
            values
                .published
                .and_then(format_date)
                .map_or(serde_json::Value::Null, serde_json::Value::from),
        ),
        ("months", list(&values.months)),
        ("regions", list(&values.regions)),
        ("countries", list(&values.countries)),
        ("actors", list(&values.actors)),
    ] {
        map.entry(key).or_insert(value);
    }
    Some(serde_json::Value::Object(map))
}

/// The column values of a document (empty ones past the end).
fn column_values(data: &IndexData, address: DocAddress) -> ColumnValues {
    data.columns
        .get(address.segment_ord as usize)
        .map(|columns| columns.values(address.doc_id))
        .unwrap_or_default()
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

fn first_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

fn format_date(date: tantivy::DateTime) -> Option<String> {
    DateTime::from_timestamp(date.into_timestamp_secs(), 0)
        .map(|d| d.date_naive().format("%Y-%m-%d").to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_serde_json_writes_integers() {
        for n in [0, 7, 10, 99, 100, 4_294_967_295, 1_000_000_007, u64::MAX] {
            let mut out = b"x".to_vec();
            push_decimal(&mut out, n);
            assert_eq!(out[1..], *serde_json::to_vec(&n).expect("json"), "{n}");
        }
    }
}
