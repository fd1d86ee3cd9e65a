//! The API handlers. Each one parses its parameters, runs the search work on the blocking pool
//! (never on the async threads) under the server's time limit, and answers JSON.

use axum::extract::{OriginalUri, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sahel_search::api::FilterValues;
use sahel_search::{
    DimensionsResponse, DocResponse, FacetsResponse, SearchRequest, Searcher, StatsResponse,
};
use serde::Serialize;
use std::sync::Arc;

use crate::encode;
use crate::error::{ApiError, ErrorBody};
use crate::export::{self, ExportFormat};
use crate::AppState;

/// Runs `work` on the blocking pool, at most as many at once as the state allows, within the
/// search time limit.
async fn blocking<T, F>(state: &AppState, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&Searcher) -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let limit = state.search_timeout;
    let searcher = Arc::clone(&state.searcher);
    let permits = Arc::clone(&state.search_permits);
    let run = async move {
        // The semaphore is never closed, so acquiring fails only if it were; treat that as a fault.
        let _permit = permits
            .acquire_owned()
            .await
            .map_err(|err| ApiError::Internal(format!("search permits: {err}")))?;
        tokio::task::spawn_blocking(move || work(&searcher))
            .await
            .map_err(|err| ApiError::Internal(format!("search task failed: {err}")))?
    };
    let started = tokio::time::Instant::now();
    let result = tokio::time::timeout(limit, run)
        .await
        .map_err(|_| ApiError::Timeout(limit))?;
    // The timer has a millisecond's grain: an answer that came after the limit, before the
    // timer fired, is over the limit all the same (a zero limit refused only some searches).
    if started.elapsed() > limit {
        return Err(ApiError::Timeout(limit));
    }
    result
}

/// Splits a raw query string into decoded pairs (`+` is a space, `%xx` decoded, invalid UTF-8
/// replaced): repeated keys are kept, in order.
pub(crate) fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect()
}

/// Search with filters, facets, timeline and snippets.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "search",
    params(SearchRequest, FilterValues),
    responses(
        (status = 200, description = "A page of hits with facet counts and timeline",
         body = sahel_search::SearchResponse),
        (status = 400, description = "Unknown, malformed or out-of-range parameter", body = ErrorBody),
        (status = 503, description = "The search took too long", body = ErrorBody)
    )
)]
pub async fn search(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let request = SearchRequest::from_pairs(query_pairs(raw.as_deref()))?;
    let zstd = encode::prefers_zstd(&headers);
    // The answer is written (and compressed) on the search thread, from the index's tables.
    blocking(&state, move |searcher| {
        encode::json_response(|out| Ok(searcher.search_json(&request, out)?), zstd)
    })
    .await
}

/// The search of `/api/search`'s parameters as an Atom 1.0 feed of the matching reports, newest
/// first: title, link to the page's reading view, dates, snippet, regions and actors as
/// categories (see [`crate::feed`]). `limit` defaults to 50 entries.
#[utoipa::path(
    get,
    path = "/feed.atom",
    tag = "search",
    params(SearchRequest, FilterValues),
    responses(
        (status = 200, description = "Atom 1.0 feed", content_type = "application/atom+xml",
         body = String),
        (status = 400, description = "Unknown, malformed or out-of-range parameter", body = ErrorBody)
    )
)]
pub async fn feed(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref());
    let request = crate::feed::feed_request(SearchRequest::from_pairs(pairs.clone())?);
    let base = crate::feed::page_base(&headers);
    let body = blocking(&state, move |searcher| {
        let response = searcher.search(&request)?;
        let former = searcher
            .dimensions()
            .regions
            .into_iter()
            .map(|region| (region.name, region.former))
            .collect();
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        Ok(crate::feed::atom(&response, &pairs, &base, &former, &now))
    })
    .await?;
    Ok(crate::feed::respond(body))
}

/// Every result of a search (not a page), for download: CSV or JSON, one row per document with
/// its facets. At most [`export::MAX_EXPORT_ROWS`] rows; the `X-Sahel-Total` and
/// `X-Sahel-Truncated` headers say whether the cap was hit.
#[utoipa::path(
    get,
    path = "/api/export",
    tag = "search",
    params(export::ExportParams, SearchRequest, FilterValues),
    responses(
        (status = 200, description = "CSV (text/csv) or JSON array of rows",
         body = Vec<export::ExportRow>),
        (status = 400, description = "Unknown, malformed or out-of-range parameter", body = ErrorBody)
    )
)]
pub async fn export(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut format = ExportFormat::Csv;
    let mut pairs = Vec::new();
    let mut format_seen = false;
    for (key, value) in query_pairs(raw.as_deref()) {
        if key == "format" {
            if format_seen {
                return Err(ApiError::BadParameter(
                    "parameter `format` given more than once".to_string(),
                ));
            }
            format_seen = true;
            format = ExportFormat::parse(&value)?;
        } else {
            pairs.push((key, value));
        }
    }
    let request = SearchRequest::from_pairs(pairs)?;
    let rows = blocking(&state, move |searcher| {
        Ok(export::collect_rows(searcher, &request)?)
    })
    .await?;
    export::respond(format, rows)
}

/// A whole document with its facets and duplicates. Ids contain slashes: `/api/doc/presse/a.txt`.
#[utoipa::path(
    get,
    path = "/api/doc/{id}",
    tag = "search",
    params(("id" = String, Path, description = "Document id (may contain `/`)")),
    responses(
        (status = 200, description = "The document", body = DocResponse),
        (status = 404, description = "No document with this id", body = ErrorBody)
    )
)]
pub async fn doc(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<DocResponse>, ApiError> {
    let response = blocking(&state, move |searcher| Ok(searcher.doc(&id)?)).await?;
    Ok(Json(response))
}

/// Every facet value with its count over the whole index, and the timeline.
#[utoipa::path(
    get,
    path = "/api/facets",
    tag = "index",
    responses(
        (status = 200, description = "Facet counts", body = FacetsResponse)
    )
)]
pub async fn facets(State(state): State<Arc<AppState>>) -> Result<Json<FacetsResponse>, ApiError> {
    let response = blocking(&state, |searcher| Ok(searcher.facets()?)).await?;
    Ok(Json(response))
}

/// The facet dimensions (names, labels, what each does, its place in the page) and the region →
/// country table, for a client showing facets: the web page reads them from here.
#[utoipa::path(
    get,
    path = "/api/dimensions",
    tag = "index",
    responses(
        (status = 200, description = "The facet dimensions", body = DimensionsResponse)
    )
)]
pub async fn dimensions(State(state): State<Arc<AppState>>) -> Json<DimensionsResponse> {
    Json(state.searcher.dimensions())
}

/// Documents, index size on disk, last commit.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "index",
    responses(
        (status = 200, description = "Index statistics", body = StatsResponse)
    )
)]
pub async fn stats(State(state): State<Arc<AppState>>) -> Result<Json<StatsResponse>, ApiError> {
    let response = blocking(&state, |searcher| Ok(searcher.stats()?)).await?;
    Ok(Json(response))
}

/// The answer of `/api/health`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: &'static str,
    /// Version of the server.
    pub version: &'static str,
}

/// Liveness: answers at once, without touching the index.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "index",
    responses((status = 200, description = "The server is up", body = Health))
)]
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// This API's OpenAPI description.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "index",
    responses((status = 200, description = "OpenAPI 3.1 description", content_type = "application/json"))
)]
pub async fn openapi_json(State(state): State<Arc<AppState>>) -> Response {
    let mut response = state.openapi.clone().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Any other path under `/api`.
pub async fn api_not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::RouteNotFound(uri.path().to_string())
}

/// A known API path with a method other than GET or HEAD.
pub async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    let body = ErrorBody {
        error: format!("method {method} not allowed on {}", uri.path()),
    };
    let mut response = (axum::http::StatusCode::METHOD_NOT_ALLOWED, Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    response
}

/// Everything outside `/api`: the web UI.
pub async fn web_ui(State(state): State<Arc<AppState>>, uri: Uri) -> Response {
    // `/api` and `/api/` are not matched by the nested API router: still the API's 404.
    if uri.path() == "/api" || uri.path().starts_with("/api/") {
        return ApiError::RouteNotFound(uri.path().to_string()).into_response();
    }
    state.web.respond(&uri).await
}
