//! Searching the index: the query language, filters, disjunctive facet counts, the timeline,
//! snippets, and the request/response types of the search API.
//!
//! The flow of a search: [`parser`] reads the query string, [`query`] turns it into tantivy
//! queries (analysers, expansion through [`expand`]), the filters are resolved against the
//! index, [`collect`] counts facets and keeps the page in one pass over per-document data of
//! [`data`] (browsing without query words takes shortcuts), a typo-tolerant retry follows when
//! nothing matched, [`ranking`] holds every weight and re-scores the best hits by the nearness
//! of their words, [`snippet`] marks the matches, and [`Searcher`] ties it together and answers
//! with the types of [`api`]. The facet dimensions are those of
//! [`sahel_indexer::schema::FACETS`]; [`per_facet`] holds the API types that follow that table.
//!
//! ```
//! use sahel_search::api::SearchRequest;
//! let request = SearchRequest::from_pairs([("q", "attaque Gao"), ("month", "2024-03")]).unwrap();
//! assert_eq!(request.filters["month"], ["2024-03"]);
//! ```

pub mod api;
mod browse;
pub mod collect;
mod correction;
pub mod data;
mod documents;
pub mod error;
pub mod exclusion;
pub mod expand;
mod facet_match;
mod filters;
pub mod glossary;
pub mod hit_cache;
pub mod parser;
pub mod per_facet;
pub mod places;
pub mod query;
pub mod ranking;
mod response;
pub mod searcher;
pub mod snippet;
pub mod weighted;

pub use api::{
    DimensionsResponse, DocResponse, FacetsResponse, Hit, QueryInfo, RequestError, SearchRequest,
    SearchResponse, Sort, StatsResponse,
};
pub use error::{Result, SearchError};
pub use expand::{FacetsExpander, NameExpander, NoExpansion};
pub use searcher::Searcher;
