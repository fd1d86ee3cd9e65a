//! The OpenAPI 3.1 description served at `/api/openapi.json`, derived with utoipa from the handlers
//! and from the schema types below.
//!
//! The response types live in `sahel-search`, which does not depend on utoipa; [`schema`] restates
//! their shape for the description. A test validates real responses against this description
//! (every key documented, every required key present), so the two cannot drift apart silently.

use utoipa::OpenApi;

use crate::error::ErrorBody;
use crate::handlers;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "sahel-search API",
        description = "Keyword search with facets over Sahel security reports. Errors are JSON \
                       `{\"error\": \"...\"}` with status 400 (bad parameter), 404 (unknown \
                       document or route), 503 (search timed out) or 500 (internal fault).",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        handlers::search,
        handlers::export,
        handlers::doc,
        handlers::facets,
        handlers::stats,
        handlers::health,
        handlers::openapi_json
    ),
    components(schemas(ErrorBody, handlers::Health)),
    tags((name = "search", description = "Searching and browsing reports"),
         (name = "index", description = "What the index holds"))
)]
pub struct ApiDoc;

/// The description as JSON text.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|err| format!("{{\"error\": \"cannot describe the API: {err}\"}}"))
}

/// The shapes of `sahel-search`'s request and response types, for the description only.
#[allow(dead_code)]
pub mod schema {
    use utoipa::{IntoParams, ToSchema};

    /// The parameters of `/api/search` (and `/api/export`). List parameters repeat:
    /// `region=Gao&region=Tombouctou`. Any other parameter is refused with a 400.
    #[derive(IntoParams)]
    #[into_params(parameter_in = Query)]
    pub struct SearchParams {
        /// Query: words (all required first, then partial matches), `OR`, `-word` or `NOT word`,
        /// `"phrases"`, `prefix*`. Empty with filters: browse, newest first.
        q: Option<String>,
        /// Region names, OR within the facet, AND across facets. Case and accents ignored; a
        /// former Malian region name selects its successor regions.
        region: Option<Vec<String>>,
        /// Country names.
        country: Option<Vec<String>>,
        /// Locality names.
        locality: Option<Vec<String>>,
        /// Actor names or aliases (`JNIM` selects `GSIM`).
        actor: Option<Vec<String>>,
        /// Language codes: `fr`, `en`, `ar`, `und`.
        lang: Option<Vec<String>>,
        /// Months `YYYY-MM` of the events (publication month for documents without event dates).
        #[param(pattern = r"^\d{4}-\d{2}$")]
        month: Option<Vec<String>>,
        /// First day `YYYY-MM-DD`, inclusive (event dates, else publication date).
        #[param(format = Date)]
        from: Option<String>,
        /// Last day `YYYY-MM-DD`, inclusive.
        #[param(format = Date)]
        to: Option<String>,
        /// Order of the hits.
        sort: Option<Sort>,
        /// Hits per page, 0..=100, default 20 (0: counts only). Ignored by `/api/export`.
        #[param(maximum = 100)]
        limit: Option<u32>,
        /// Hits to skip, at most 10000. Ignored by `/api/export`.
        #[param(maximum = 10000)]
        offset: Option<u32>,
        /// `false`: search the words as typed only, not also their French/English translations
        /// through the glossary (default `true`).
        translate: Option<bool>,
    }

    /// The format parameter of `/api/export`.
    #[derive(IntoParams)]
    #[into_params(parameter_in = Query)]
    pub struct ExportParams {
        /// `csv` (default) or `json`.
        format: Option<ExportFormat>,
    }

    /// Export format.
    #[derive(ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum ExportFormat {
        Csv,
        Json,
    }

    /// Order of the hits.
    #[derive(ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Sort {
        Relevance,
        DateDesc,
        DateAsc,
    }

    /// The answer to a search.
    #[derive(ToSchema)]
    pub struct SearchResponse {
        /// Matching documents (duplicates not counted).
        total: u64,
        /// Time spent in the search, in milliseconds.
        took_ms: f64,
        query: QueryInfo,
        /// The requested page of hits.
        hits: Vec<Hit>,
        facets: Facets,
        /// Matching documents per month, every month between the first and the last, zeros
        /// included.
        timeline: Vec<MonthCount>,
    }

    /// What the query was understood as.
    #[derive(ToSchema)]
    pub struct QueryInfo {
        /// The query string as received.
        q: String,
        /// Words searched.
        terms: Vec<String>,
        /// Groups of alternatives joined by `OR`.
        any_of: Vec<Vec<String>>,
        /// Exact phrases.
        phrases: Vec<String>,
        /// Prefixes (`attaq*`).
        prefixes: Vec<String>,
        /// Excluded words and phrases.
        excluded: Vec<String>,
        /// Other spellings and aliases searched too.
        expansions: Vec<Expansion>,
        /// Words ignored as too common.
        ignored: Vec<String>,
        /// Words searched in the other language too (`attack` → `attaque`).
        translations: Vec<Translation>,
        /// Words (with their spellings, translations and corrections) no report contains.
        missing: Vec<String>,
        /// Whether some hits match only part of the words.
        partial: bool,
        /// Documents holding every word; `total` adds the partial matches.
        full_total: u64,
        /// Fewest words a partial match holds (partial matches are kept by the weight of their
        /// words: rare words and names weigh more).
        min_words: u32,
        /// Whether part of the query was searched as plain words.
        fallback: bool,
        /// Words of a typo-tolerant retry when the query matched nothing.
        corrected: Vec<Correction>,
        filters: AppliedFilters,
        /// No query: documents listed newest first.
        browse: bool,
        sort: Sort,
        /// Remarks for a person (fallbacks, corrections, unknown filter values).
        notes: Vec<String>,
    }

    /// A query word or multiword term searched with its translations.
    #[derive(ToSchema)]
    pub struct Translation {
        term: String,
        /// `fr` or `en`: the language the term was recognised in.
        language: String,
        /// The terms of the other language searched too.
        alternatives: Vec<String>,
    }

    /// A query word searched with other spellings.
    #[derive(ToSchema)]
    pub struct Expansion {
        term: String,
        alternatives: Vec<String>,
        /// `place`, `actor` or `joined`.
        kind: String,
    }

    /// A word replaced by the typo-tolerant retry.
    #[derive(ToSchema)]
    pub struct Correction {
        from: String,
        to: Vec<String>,
        distance: u8,
    }

    /// Filter values as resolved against the index.
    #[derive(ToSchema)]
    pub struct AppliedFilters {
        region: Vec<String>,
        country: Vec<String>,
        locality: Vec<String>,
        actor: Vec<String>,
        lang: Vec<String>,
        month: Vec<String>,
        from: Option<String>,
        to: Option<String>,
    }

    /// One document of a result page.
    #[derive(ToSchema)]
    pub struct Hit {
        id: String,
        title: String,
        /// Publication date `YYYY-MM-DD`.
        published: Option<String>,
        /// `fr`, `en`, `ar` or `und`.
        language: String,
        score: f32,
        /// Up to three fragments, HTML-escaped, matches in `<mark>`.
        snippet: String,
        regions: Vec<String>,
        countries: Vec<String>,
        localities: Vec<String>,
        actors: Vec<String>,
        months: Vec<String>,
        /// Number of duplicates of this document (not listed as hits).
        duplicates: u64,
        source: Option<String>,
        url: Option<String>,
        /// Contains only part of the query words.
        partial: bool,
    }

    /// Counts per value of each facet (disjunctive: a facet's counts ignore its own selection).
    #[derive(ToSchema)]
    pub struct Facets {
        region: Vec<FacetCount>,
        country: Vec<FacetCount>,
        month: Vec<FacetCount>,
        language: Vec<FacetCount>,
        actor: Vec<FacetCount>,
    }

    /// One facet value and its number of documents.
    #[derive(ToSchema)]
    pub struct FacetCount {
        value: String,
        count: u64,
    }

    /// Documents in one month.
    #[derive(ToSchema)]
    pub struct MonthCount {
        /// `YYYY-MM`.
        month: String,
        count: u64,
    }

    /// A whole document, its facets and its duplicates.
    #[derive(ToSchema)]
    pub struct DocResponse {
        id: String,
        title: String,
        body: String,
        published: Option<String>,
        language: String,
        source: Option<String>,
        source_path: Option<String>,
        url: Option<String>,
        regions: Vec<String>,
        countries: Vec<String>,
        localities: Vec<String>,
        actors: Vec<String>,
        months: Vec<String>,
        /// Event dates `YYYY-MM-DD`.
        event_dates: Vec<String>,
        /// Place hierarchy paths (`/Mali/Gao/Ansongo`).
        places: Vec<String>,
        lat: Option<f64>,
        lon: Option<f64>,
        /// The extraction record stored by the indexer.
        #[schema(value_type = Option<Object>)]
        extraction: Option<serde_json::Value>,
        /// Set when this document duplicates another.
        duplicate_of: Option<String>,
        /// Documents that duplicate this one.
        duplicates: Vec<DuplicateRef>,
    }

    /// A duplicate document.
    #[derive(ToSchema)]
    pub struct DuplicateRef {
        id: String,
        title: String,
        source: Option<String>,
        url: Option<String>,
        published: Option<String>,
    }

    /// Every facet value with counts over the whole index.
    #[derive(ToSchema)]
    pub struct FacetsResponse {
        total: u64,
        facets: Facets,
        timeline: Vec<MonthCount>,
    }

    /// What the index holds.
    #[derive(ToSchema)]
    pub struct StatsResponse {
        /// Documents, duplicates excluded.
        documents: u64,
        /// Duplicate documents.
        duplicates: u64,
        /// Size of the index files on disk, in bytes.
        index_bytes: u64,
        /// Time of the last commit, RFC 3339.
        last_commit: Option<String>,
        segments: u32,
        languages: Vec<FacetCount>,
        first_month: Option<String>,
        last_month: Option<String>,
    }

    /// One exported row (`/api/export?format=json` gives an array of them; CSV has the same
    /// columns, lists joined by `; `).
    #[derive(ToSchema)]
    pub struct ExportRow {
        id: String,
        title: String,
        published: Option<String>,
        language: String,
        regions: Vec<String>,
        countries: Vec<String>,
        localities: Vec<String>,
        actors: Vec<String>,
        months: Vec<String>,
        duplicates: u64,
        source: Option<String>,
        url: Option<String>,
    }
}
