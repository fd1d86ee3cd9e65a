//! The request and response types of the search API: what `/api/search`, `/api/doc/{id}`,
//! `/api/facets` and `/api/stats` take and return, and what `sahel search --json` prints.
//!
//! Requests come from users, so parsing them never panics: [`SearchRequest::from_pairs`] takes raw
//! query-string pairs (repeatable parameters, unknown ones refused) and [`SearchRequest::validate`]
//! checks the values; both fail with a [`RequestError`], which a server turns into a 400.
//!
//! The types derive their OpenAPI description (`utoipa`): the server's `/api/openapi.json` is
//! made from them, so their doc comments are what the API documents.

use std::collections::BTreeMap;
use std::ops::Index;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use crate::per_facet::{
    facet, FacetDim, FacetKind, FacetValues, Facets, FilterValues, PerFacet, FACETS,
};

/// Default number of hits per page.
pub const DEFAULT_LIMIT: usize = 20;
/// Largest `limit` accepted.
pub const MAX_LIMIT: usize = 100;
/// Largest `offset` accepted: deeper pages cost more than they are worth to anyone.
pub const MAX_OFFSET: usize = 10_000;
/// Longest query string accepted, in bytes; longer ones are cut (at a char boundary), not refused.
pub const MAX_QUERY_BYTES: usize = 1_000;

/// Order of the hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first (BM25, full matches before partial ones); newest first when browsing.
    #[default]
    Relevance,
    /// Newest first (event date, else publication date).
    DateDesc,
    /// Oldest first.
    DateAsc,
}

impl Sort {
    /// Parses `relevance`, `date_desc` or `date_asc`.
    pub fn parse(value: &str) -> Result<Self, RequestError> {
        match value.trim() {
            "" | "relevance" => Ok(Sort::Relevance),
            "date_desc" => Ok(Sort::DateDesc),
            "date_asc" => Ok(Sort::DateAsc),
            other => Err(RequestError::BadSort(other.to_string())),
        }
    }

    /// The name used in requests.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::DateDesc => "date_desc",
            Sort::DateAsc => "date_asc",
        }
    }
}

/// A search: the query string, filters, order and page. Every field has a default, so `{}` is a
/// valid request (browse everything, newest first). As query parameters (`/api/search`,
/// `/api/export`), list parameters repeat (`region=Gao&region=Tombouctou`) and any other
/// parameter is refused with a 400.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct SearchRequest {
    /// Query: words (all required first, then partial matches), `OR`, `-word` or `NOT word`,
    /// `"phrases"`, `prefix*`. Empty: browse, newest first.
    pub q: String,
    /// The values asked for per facet dimension of [`FACETS`] (`region`, `language`, `month`…):
    /// OR within a dimension, AND across. Any other key is refused.
    #[serde(flatten)]
    #[param(ignore)]
    pub filters: FilterValues,
    /// First day `YYYY-MM-DD`, inclusive (event dates, else publication date).
    #[param(format = Date)]
    pub from: Option<String>,
    /// Last day `YYYY-MM-DD`, inclusive.
    #[param(format = Date)]
    pub to: Option<String>,
    /// Order of the hits: `relevance` (default), `date_desc`, `date_asc`.
    pub sort: Sort,
    /// Hits per page, 0..=100, default 20 (0: counts only). Ignored by `/api/export`.
    #[param(maximum = 100)]
    pub limit: Option<usize>,
    /// Hits to skip, at most 10000. Ignored by `/api/export`.
    #[param(maximum = 10000)]
    pub offset: usize,
    /// `false`: search the words only as typed, without their translations through the
    /// French–English glossary (default: translated).
    pub translate: Option<bool>,
}

/// Why a request was refused (HTTP 400).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("unknown parameter `{0}`")]
    UnknownParameter(String),
    #[error("parameter `{0}` given more than once")]
    RepeatedParameter(String),
    #[error("malformed month `{0}`: expected YYYY-MM")]
    BadMonth(String),
    #[error("malformed date `{value}` for `{param}`: expected YYYY-MM-DD")]
    BadDate { param: &'static str, value: String },
    #[error("`from` ({from}) is after `to` ({to})")]
    FromAfterTo { from: String, to: String },
    #[error("unknown sort `{0}`: expected relevance, date_desc or date_asc")]
    BadSort(String),
    #[error("malformed number `{value}` for `{param}`")]
    BadNumber { param: &'static str, value: String },
    #[error("malformed switch `{value}` for `{param}`: expected true or false")]
    BadSwitch { param: &'static str, value: String },
    #[error("limit {0} is too large (at most {MAX_LIMIT})")]
    LimitTooLarge(usize),
    #[error("offset {0} is too large (at most {MAX_OFFSET})")]
    OffsetTooLarge(usize),
}

impl SearchRequest {
    /// A request for a query string, everything else default.
    pub fn query(q: impl Into<String>) -> Self {
        SearchRequest {
            q: q.into(),
            ..Default::default()
        }
    }

    /// Builds a request from raw query-string pairs (`region` may come several times). Unknown
    /// parameters are refused; the values are checked by [`SearchRequest::validate`] too.
    pub fn from_pairs<I, K, V>(pairs: I) -> Result<Self, RequestError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut request = SearchRequest::default();
        let mut seen_single: Vec<&'static str> = Vec::new();
        let mut single = |name: &'static str| -> Result<(), RequestError> {
            if seen_single.contains(&name) {
                return Err(RequestError::RepeatedParameter(name.to_string()));
            }
            seen_single.push(name);
            Ok(())
        };
        for (key, value) in pairs {
            let value = value.as_ref();
            match key.as_ref() {
                "q" => {
                    single("q")?;
                    request.q = value.to_string();
                }
                "from" => {
                    single("from")?;
                    request.from = non_empty(value);
                }
                "to" => {
                    single("to")?;
                    request.to = non_empty(value);
                }
                "sort" => {
                    single("sort")?;
                    request.sort = Sort::parse(value)?;
                }
                "limit" => {
                    single("limit")?;
                    request.limit = Some(parse_number("limit", value)?);
                }
                "offset" => {
                    single("offset")?;
                    request.offset = parse_number("offset", value)?;
                }
                "translate" => {
                    single("translate")?;
                    request.translate = Some(parse_switch("translate", value)?);
                }
                other => match facet(other).filter(|(_, dim)| dim.filters) {
                    Some((dim, _)) => {
                        if let Some(values) = request.filters.at_mut(dim) {
                            push_list(values, value);
                        }
                    }
                    None => return Err(RequestError::UnknownParameter(other.to_string())),
                },
            }
        }
        request.validate()?;
        Ok(request)
    }

    /// Whether the query words are searched with their translations too.
    pub fn translates(&self) -> bool {
        self.translate.unwrap_or(true)
    }

    /// Checks every value: months, dates, limit, offset.
    pub fn validate(&self) -> Result<(), RequestError> {
        for (_, dim, values) in self.filters.iter() {
            if dim.kind == FacetKind::Months {
                for month in values {
                    parse_month(month)?;
                }
            }
        }
        let from = self
            .from
            .as_deref()
            .map(|value| parse_day("from", value))
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .map(|value| parse_day("to", value))
            .transpose()?;
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                return Err(RequestError::FromAfterTo {
                    from: from.to_string(),
                    to: to.to_string(),
                });
            }
        }
        if let Some(limit) = self.limit {
            if limit > MAX_LIMIT {
                return Err(RequestError::LimitTooLarge(limit));
            }
        }
        if self.offset > MAX_OFFSET {
            return Err(RequestError::OffsetTooLarge(self.offset));
        }
        Ok(())
    }

    /// The page size in effect.
    pub fn effective_limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT)
    }

    /// Whether any filter (facet, month or date range) is set.
    pub fn has_filters(&self) -> bool {
        self.filters.iter().any(|(_, _, values)| !values.is_empty())
            || self.from.is_some()
            || self.to.is_some()
    }
}

/// One value per parameter (`region=Gao&region=Tombouctou`), not comma lists: names may hold
/// commas. Blank values are ignored.
fn push_list(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        list.push(value.to_string());
    }
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn parse_switch(param: &'static str, value: &str) -> Result<bool, RequestError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(RequestError::BadSwitch {
            param,
            value: value.to_string(),
        }),
    }
}

fn parse_number(param: &'static str, value: &str) -> Result<usize, RequestError> {
    value
        .trim()
        .parse::<usize>()
        .map_err(|_| RequestError::BadNumber {
            param,
            value: value.to_string(),
        })
}

/// Parses `YYYY-MM` into (year, month).
pub fn parse_month(value: &str) -> Result<(i32, u32), RequestError> {
    let bad = || RequestError::BadMonth(value.to_string());
    let (year, month) = value.trim().split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || month.len() != 2 {
        return Err(bad());
    }
    let year: i32 = year.parse().map_err(|_| bad())?;
    let month: u32 = month.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) || year < 1 {
        return Err(bad());
    }
    Ok((year, month))
}

/// Parses `YYYY-MM-DD`.
pub fn parse_day(param: &'static str, value: &str) -> Result<NaiveDate, RequestError> {
    let value = value.trim();
    let bad = || RequestError::BadDate {
        param,
        value: value.to_string(),
    };
    if value.len() != 10 {
        return Err(bad());
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| bad())
}

/// The answer to a search: `/api/search` and `sahel search --json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SearchResponse {
    /// Matching documents (duplicates not counted).
    pub total: u64,
    /// Time spent in the search, in milliseconds.
    pub took_ms: f64,
    /// What the query was understood as.
    pub query: QueryInfo,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Disjunctive facet counts over all matching documents.
    pub facets: Facets,
    /// Matching documents per month, every month between the first and the last, zeros included.
    pub timeline: Vec<MonthCount>,
    /// The event localities of the matching documents, for a map: most documents first (the
    /// counts of the locality facet: every filter applies but a locality filter's own).
    pub places: Vec<MapPlace>,
}

/// One event locality of a search's results, where the indexer placed it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MapPlace {
    /// The locality, as the locality facet and filter name it.
    pub name: String,
    /// Its current first-level region.
    pub region: Option<String>,
    /// The region it was in before the reforms (Mali 2023, Burkina Faso 2025), when it differs.
    pub former_region: Option<String>,
    pub country: Option<String>,
    /// Latitude, decimal degrees (WGS84).
    pub lat: Option<f64>,
    /// Longitude, decimal degrees (WGS84).
    pub lon: Option<f64>,
    /// Matching documents whose events happened there.
    pub count: u64,
}

/// What the query string was understood as, so a user sees what was searched.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QueryInfo {
    /// The query string as received.
    pub q: String,
    /// Words searched (each must match, or most of them for partial matches).
    pub terms: Vec<String>,
    /// Groups of alternatives joined by `OR`.
    pub any_of: Vec<Vec<String>>,
    /// Exact phrases.
    pub phrases: Vec<String>,
    /// Prefixes (`attaq*`).
    pub prefixes: Vec<String>,
    /// Excluded words and phrases (`-word`, `NOT word`).
    pub excluded: Vec<String>,
    /// Other spellings and aliases searched too (`Timbuktu` → `Tombouctou`).
    pub expansions: Vec<Expansion>,
    /// Words ignored because they are too common to search (stop words).
    pub ignored: Vec<String>,
    /// Words searched in the other language too, through the glossary (`attack` → `attaque`).
    pub translations: Vec<Translation>,
    /// Words (with their translations and corrections) that no report of the index contains.
    pub missing: Vec<String>,
    /// Whether some hits match only part of the words (`partial` on those hits).
    pub partial: bool,
    /// Documents holding every word (the first hits); `total` adds the partial matches.
    pub full_total: u64,
    /// Fewest words a partial match can hold: partial matches are kept by the weight of the
    /// words they hold (rare words and names weigh more), not by their count.
    pub min_words: usize,
    /// Whether part of the query could not be understood and was searched as plain words.
    pub fallback: bool,
    /// The query has characters but no word to search (`?!.,;:`): nothing was searched.
    pub no_words: bool,
    /// Words of a typo-tolerant retry when the query matched nothing.
    pub corrected: Vec<Correction>,
    /// Filters applied, with the names they were resolved to in the index.
    pub filters: AppliedFilters,
    /// `true` when there was no query and the documents are listed newest first.
    pub browse: bool,
    /// The order used.
    pub sort: Sort,
    /// Human-readable remarks (fallbacks, corrections, unknown filter values).
    pub notes: Vec<String>,
}

/// A query word or phrase searched with other spellings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Expansion {
    /// The word(s) as typed.
    pub term: String,
    /// The other forms searched.
    pub alternatives: Vec<String>,
    /// `place`, `actor` or `joined` (adjacent words searched as one name too).
    pub kind: String,
}

/// A query word or multiword term searched with its translations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Translation {
    /// The word(s) as typed.
    pub term: String,
    /// The language the term was recognised in (`fr` or `en`).
    pub language: String,
    /// The terms searched too: its translations, then its synonyms in its own language.
    pub alternatives: Vec<String>,
}

/// A word replaced by the typo-tolerant retry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Correction {
    /// The word as typed.
    pub from: String,
    /// Index terms within reach that matched.
    pub to: Vec<String>,
    /// Edit distance allowed.
    pub distance: u8,
}

/// Filter values after resolution against the index (accents, case, successor regions, aliases).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AppliedFilters {
    /// Per facet dimension, the indexed values selected.
    #[serde(flatten)]
    pub values: FilterValues,
    /// First day `YYYY-MM-DD` of the day range.
    pub from: Option<String>,
    /// Last day `YYYY-MM-DD` of the day range.
    pub to: Option<String>,
}

/// The values applied for the dimension called `name` (panics for an unknown name).
impl Index<&str> for AppliedFilters {
    type Output = Vec<String>;
    fn index(&self, name: &str) -> &Vec<String> {
        &self.values[name]
    }
}

/// One document in a result page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Hit {
    pub id: String,
    pub title: String,
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Event dates `YYYY-MM-DD`, ascending.
    pub event_dates: Vec<String>,
    /// `fr`, `en`, `ar` or `und`.
    pub language: String,
    pub score: f32,
    /// Up to three fragments, HTML-escaped, matches in `<mark>`, joined by ` … `.
    pub snippet: String,
    /// The document's values of each facet (`regions`, `actors`…).
    #[serde(flatten)]
    pub facets: FacetValues,
    /// Number of duplicates of this document in the index (they are not listed as hits).
    pub duplicates: u64,
    /// Source name (publisher, agency).
    pub source: Option<String>,
    pub url: Option<String>,
    /// `true` when the document contains only part of the query words.
    pub partial: bool,
}

/// One facet value and its number of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Documents in one month (`YYYY-MM`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MonthCount {
    pub month: String,
    pub count: u64,
}

/// `/api/doc/{id}`: a whole document, its facets and its duplicates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DocResponse {
    pub id: String,
    pub title: String,
    pub body: String,
    pub published: Option<String>,
    pub language: String,
    pub source: Option<String>,
    pub source_path: Option<String>,
    pub url: Option<String>,
    /// The document's values of each facet (`regions`, `actors`…).
    #[serde(flatten)]
    pub facets: FacetValues,
    /// Event dates `YYYY-MM-DD`.
    pub event_dates: Vec<String>,
    /// Place hierarchy paths (`/Mali/Gao/Ansongo`).
    pub places: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The extraction record stored by the indexer (shape of `sahel extract --json`; its
    /// evidence is `evidence`).
    #[schema(value_type = Option<Object>)]
    pub extraction: Option<serde_json::Value>,
    /// Where each facet value was read (at most three places per value): why the document is
    /// under a region, a month, an actor. Offsets are in `title` or `body` as returned here.
    pub evidence: Vec<FacetEvidence>,
    /// When this document is itself a duplicate: the id of the document it duplicates.
    pub duplicate_of: Option<String>,
    /// Documents that duplicate this one.
    pub duplicates: Vec<DuplicateRef>,
}

/// Where one value of a document's facet was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FacetEvidence {
    /// The facet's key in documents (`regions`, `mentioned_regions`, `countries`, `localities`,
    /// `months`, `background_months`, `actors`).
    pub facet: String,
    /// The value it supports (`Ménaka`, `2024-07`, `GSIM`).
    pub value: String,
    /// `title` or `text` (the document's `body`): the field the offsets are in.
    pub field: String,
    /// Byte offsets of the words read, in that field (UTF-8).
    pub start: usize,
    pub end: usize,
    /// The words read, as written (`Inékar`, `3 juillet`).
    pub text: String,
    /// Byte offsets of the sentence around them, in that field.
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The sentence around them.
    pub sentence: String,
}

impl From<sahel_facets::evidence::Evidence> for FacetEvidence {
    fn from(e: sahel_facets::evidence::Evidence) -> Self {
        FacetEvidence {
            facet: e.facet,
            value: e.value,
            field: e.field,
            start: e.start,
            end: e.end,
            text: e.text,
            sentence_start: e.sentence_start,
            sentence_end: e.sentence_end,
            sentence: e.sentence,
        }
    }
}

/// A duplicate document, listed under its canonical one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DuplicateRef {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// `/api/facets`: every facet value with counts over the whole index (duplicates excluded).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FacetsResponse {
    pub total: u64,
    pub facets: Facets,
    pub timeline: Vec<MonthCount>,
}

/// `/api/stats`: what the index holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatsResponse {
    /// Documents, duplicates excluded.
    pub documents: u64,
    /// Duplicate documents (indexed, not listed as hits).
    pub duplicates: u64,
    /// Size of the index files on disk, in bytes (0 for an in-memory index).
    pub index_bytes: u64,
    /// Time of the last commit, RFC 3339 (from the index's meta file), if known.
    pub last_commit: Option<String>,
    /// Number of index segments.
    pub segments: usize,
    /// Documents per language.
    pub languages: Vec<FacetCount>,
    /// First and last month with documents.
    pub first_month: Option<String>,
    pub last_month: Option<String>,
}

/// `/api/dimensions`: the facet dimensions, for a client that shows them (the web page).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DimensionsResponse {
    /// Every facet dimension, in the order of requests and hits.
    pub facets: Vec<Dimension>,
    /// For each dimension grouped under another (`region` under `country`): the value of the
    /// other each of its values belongs to (`Gao` → `Mali`), where known.
    pub groups: BTreeMap<String, BTreeMap<String, String>>,
    /// The regions of the gazetteer: their former names and capitals (a map's labels).
    pub regions: Vec<RegionInfo>,
}

/// One current region of the gazetteer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RegionInfo {
    /// Its official name, as the region facet lists it (`Kuilsé`).
    pub name: String,
    pub country: String,
    /// The regions before the reforms it comes from, when named otherwise (`Centre-Nord`): a
    /// region filter accepts them too.
    pub former: Vec<String>,
    /// Latitude and longitude of its capital.
    pub lat: f64,
    pub lon: f64,
}

/// One facet dimension (see [`FacetDim`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Dimension {
    /// The request parameter, and the key of its counts (`region`).
    pub name: String,
    /// Other request parameters accepted for it (`lang`).
    pub aliases: Vec<String>,
    /// The key of its values in hits, documents and exports (`regions`).
    pub column: String,
    /// `names`, `language` (one code per document) or `months` (`YYYY-MM`).
    pub kind: String,
    /// What a filter value is.
    pub about: String,
    /// Label in French.
    pub label_fr: String,
    /// Label in English.
    pub label_en: String,
    /// Whether a search filters on it.
    pub filters: bool,
    /// Whether answers list its counts.
    pub counts: bool,
    /// Whether hits, documents and exports list its values (under `column`).
    pub exports: bool,
    /// Its place in the page's sidebar, first first (absent: not shown).
    pub page: Option<u8>,
    /// The dimension whose values the page groups this one's under.
    pub grouped_under: Option<String>,
    /// The dimension the page shows this one folded under, closed until unfolded
    /// (`mentioned_region` under `region`).
    pub folded_under: Option<String>,
}

impl From<&FacetDim> for Dimension {
    fn from(dim: &FacetDim) -> Self {
        Dimension {
            name: dim.name.to_string(),
            aliases: dim.aliases.iter().map(|a| a.to_string()).collect(),
            column: dim.column.to_string(),
            kind: dim.kind.as_str().to_string(),
            about: dim.about.to_string(),
            label_fr: dim.label_fr.to_string(),
            label_en: dim.label_en.to_string(),
            filters: dim.filters,
            counts: dim.counts,
            exports: dim.exports,
            page: dim.page,
            grouped_under: dim.grouped_under.map(str::to_string),
            folded_under: dim.folded_under.map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_pairs_collects_repeated_facets() {
        let request = SearchRequest::from_pairs([
            ("q", "attaque"),
            ("region", "Gao"),
            ("region", "Tombouctou"),
            ("month", "2024-03"),
            ("sort", "date_desc"),
            ("limit", "50"),
        ])
        .expect("valid request");
        assert_eq!(request.filters["region"], ["Gao", "Tombouctou"]);
        assert_eq!(request.sort, Sort::DateDesc);
        assert_eq!(request.effective_limit(), 50);
    }

    #[test]
    fn from_pairs_refuses_bad_values() {
        let cases: [(&str, &str); 8] = [
            ("month", "2024-13"),
            ("month", "2024-3"),
            ("month", "March"),
            ("limit", "100000"),
            ("limit", "-1"),
            ("from", "2024-02-30"),
            ("sort", "popular"),
            ("colour", "red"),
        ];
        for (key, value) in cases {
            assert!(
                SearchRequest::from_pairs([(key, value)]).is_err(),
                "{key}={value} should be refused"
            );
        }
        assert_eq!(
            SearchRequest::from_pairs([("limit", "101")]),
            Err(RequestError::LimitTooLarge(101))
        );
        assert!(matches!(
            SearchRequest::from_pairs([("from", "2024-05-01"), ("to", "2024-04-01")]),
            Err(RequestError::FromAfterTo { .. })
        ));
        assert!(matches!(
            SearchRequest::from_pairs([("q", "a"), ("q", "b")]),
            Err(RequestError::RepeatedParameter(_))
        ));
    }

    #[test]
    fn json_request_has_defaults_and_refuses_unknown_fields() {
        let request: SearchRequest = serde_json::from_str(r#"{"q": "Gao"}"#).expect("parses");
        assert_eq!(request.sort, Sort::Relevance);
        assert_eq!(request.effective_limit(), DEFAULT_LIMIT);
        assert!(serde_json::from_str::<SearchRequest>(r#"{"qq": "Gao"}"#).is_err());
    }

    #[test]
    fn response_serialises_the_documented_keys() {
        let response = SearchResponse {
            hits: vec![Hit::default()],
            ..Default::default()
        };
        let json = serde_json::to_value(&response).expect("serialises");
        for key in ["total", "took_ms", "query", "hits", "facets", "timeline"] {
            assert!(json.get(key).is_some(), "missing {key}");
        }
        let hit = &json["hits"][0];
        for key in [
            "id",
            "title",
            "published",
            "language",
            "score",
            "snippet",
            "regions",
            "countries",
            "localities",
            "actors",
            "months",
            "duplicates",
            "source",
            "url",
        ] {
            assert!(hit.get(key).is_some(), "hit lacks {key}");
        }
        for key in ["region", "country", "month", "language", "actor"] {
            assert!(json["facets"].get(key).is_some(), "facets lack {key}");
        }
    }
}
