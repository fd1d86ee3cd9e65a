//! The HTTP side of sahel-search: a JSON API over a [`Searcher`] and the embedded web UI.
//!
//! [`app`] builds the whole router, so tests call it with `tower::ServiceExt::oneshot` without
//! opening a socket; [`serve`] runs it on a listener until Ctrl-C or SIGTERM.
//!
//! Routes (all `GET`; errors are JSON `{"error": "..."}`):
//! - `/api/search`: query string → [`sahel_search::SearchRequest`] (repeatable filters, unknown
//!   parameters refused with 400) → [`sahel_search::SearchResponse`].
//! - `/api/export?format=csv|json&…`: every result of the same search, one row per document with
//!   its facets, at most [`export::MAX_EXPORT_ROWS`].
//! - `/api/doc/{id}` (ids contain slashes), `/api/facets`, `/api/dimensions` (the facet
//!   dimensions, which the web page reads), `/api/stats`, `/api/health`, `/api/openapi.json`.
//! - `/feed.atom?…`: the same search as an Atom feed, newest first ([`feed`]).
//! - anything else: the web UI, `/` being `index.html` and `/app.js` the file `web/app.js`.
//!
//! Search work runs on the blocking pool under a time limit, two searches per core at once; a
//! panic in a handler becomes a 500 without taking the server down; responses of 1 KB and more
//! are compressed (zstd, br, gzip; search answers in zstd on the search thread, see
//! [`encode`]); each request is logged through `tracing` (target `sahel_server::access`, level
//! info).
//!
//! ```
//! use sahel_server::error::ApiError;
//! use axum::response::IntoResponse;
//! let response = ApiError::DocNotFound("presse/a.txt".into()).into_response();
//! assert_eq!(response.status(), 404);
//! ```

pub mod encode;
pub mod error;
pub mod export;
pub mod feed;
mod handlers;
pub mod openapi;
pub mod web;

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::routing::get;
use axum::Router;
use sahel_search::Searcher;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, Result, ServerError};
pub use web::WebAssets;

/// How long one search may run before the client gets a 503.
pub const DEFAULT_SEARCH_TIMEOUT: Duration = Duration::from_secs(10);

/// What every handler shares.
pub struct AppState {
    /// The index, reloaded by the searcher when `sahel index` commits.
    pub searcher: Arc<Searcher>,
    /// Where the UI files come from.
    pub web: WebAssets,
    /// Time limit of one search; the whole request gets a few seconds more.
    pub search_timeout: Duration,
    /// Searches running at once on the blocking pool; more wait their turn (within the limit).
    search_permits: Arc<Semaphore>,
    /// `/api/openapi.json`, generated once.
    openapi: String,
}

impl AppState {
    /// State with the default time limit and [`default_concurrent_searches`] searches at once.
    pub fn new(searcher: Arc<Searcher>, web: WebAssets) -> Self {
        AppState {
            searcher,
            web,
            search_timeout: DEFAULT_SEARCH_TIMEOUT,
            search_permits: Arc::new(Semaphore::new(default_concurrent_searches())),
            openapi: openapi::openapi_json(),
        }
    }

    /// The same state with another search time limit.
    pub fn with_search_timeout(mut self, timeout: Duration) -> Self {
        self.search_timeout = timeout;
        self
    }

    /// The same state running at most `searches` searches at once (at least one); the others
    /// wait their turn, first come first served.
    pub fn with_concurrent_searches(mut self, searches: usize) -> Self {
        self.search_permits = Arc::new(Semaphore::new(searches.max(1)));
        self
    }
}

/// Searches run at once by default: two per core. A search is all CPU (the index is in memory
/// or the page cache), yet one per core leaves cores idle while a search thread waits to be
/// scheduled or hands over to the next request (measured on 2 cores with the load benchmark:
/// about 1,100 requests/s with 2 at once, 1,500 with 4); more at once only share the cores.
pub fn default_concurrent_searches() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
}

/// The whole application: API, UI and middleware.
pub fn app(state: Arc<AppState>) -> Router {
    let request_timeout = state.search_timeout + Duration::from_secs(5);
    let api = Router::new()
        .route("/search", get(handlers::search))
        .route("/export", get(handlers::export))
        .route("/doc/{*id}", get(handlers::doc))
        .route("/facets", get(handlers::facets))
        .route("/dimensions", get(handlers::dimensions))
        .route("/stats", get(handlers::stats))
        .route("/health", get(handlers::health))
        .route("/openapi.json", get(handlers::openapi_json))
        .fallback(handlers::api_not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed);
    let router = Router::new()
        .route("/feed.atom", get(handlers::feed))
        .nest("/api", api)
        .fallback(handlers::web_ui)
        .with_state(state);
    with_middleware(router, request_timeout)
}

/// Compression, the request time limit, panics turned into 500s, and the access log, outermost
/// last.
fn with_middleware(router: Router, request_timeout: Duration) -> Router {
    router
        // Fastest levels: a search answer is mostly a repetitive timeline, which even brotli 0,
        // gzip 1 and zstd 1 shrink tenfold, while the default levels cost more CPU than the
        // search itself (brotli 4: ~2 ms for a 60 KB answer on the 100k-document benchmark
        // index). zstd, which browsers now ask for, is preferred: the cheapest per byte. Search
        // answers a client wants in zstd come compressed already (see [`encode`]); the layer
        // passes over them. Small answers are sent as they are.
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Fastest)
                .compress_when(
                    SizeAbove::new(encode::MIN_COMPRESSED_BYTES)
                        .and(NotForContentType::GRPC)
                        .and(NotForContentType::IMAGES)
                        .and(NotForContentType::SSE),
                ),
        )
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            request_timeout,
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(access_log_span::<Body>)
                .on_request(())
                .on_response(access_log_line),
        )
}

/// One log line per request: method, path and query, status, latency.
fn access_log_span<B>(request: &Request<B>) -> tracing::Span {
    tracing::info_span!(
        target: "sahel_server::access",
        "request",
        method = %request.method(),
        uri = %request.uri(),
    )
}

fn access_log_line<B>(response: &Response<B>, latency: Duration, _span: &tracing::Span) {
    tracing::info!(
        target: "sahel_server::access",
        status = response.status().as_u16(),
        micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX),
        "response"
    );
}

/// A panic in a handler: logged, answered with a JSON 500 that says nothing of it.
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response<String> {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(%detail, "handler panicked");
    let mut response = Response::new(r#"{"error":"internal error"}"#.to_string());
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Serves `app(state)` on `listener` until `shutdown` resolves; requests under way finish first.
pub async fn serve<F>(listener: TcpListener, state: Arc<AppState>, shutdown: F) -> Result<()>
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    serve_router(listener, app(state), shutdown).await
}

async fn serve_router<F>(listener: TcpListener, router: Router, shutdown: F) -> Result<()>
where
    F: std::future::Future<Output = ()> + Send + 'static,
{
    let addr = listener
        .local_addr()
        .map_or_else(|_| "?".to_string(), |addr| addr.to_string());
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServerError::Io { addr, source })
}

/// Resolves on Ctrl-C, or on SIGTERM on Unix.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests under way");
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn boom() -> &'static str {
        panic!("handler bug with a secret path /home/x")
    }

    #[tokio::test]
    async fn a_panicking_handler_is_a_json_500_and_the_router_keeps_serving() {
        let router = with_middleware(
            Router::new()
                .route("/boom", get(boom))
                .route("/ok", get(|| async { "fine" })),
            Duration::from_secs(5),
        );
        let response = router
            .clone()
            .oneshot(Request::get("/boom").body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        assert_eq!(&body[..], br#"{"error":"internal error"}"#);

        let response = router
            .oneshot(Request::get("/ok").body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(response.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn serve_stops_when_told_and_answers_until_then() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let router = with_middleware(
            Router::new().route("/ok", get(|| async { "fine" })),
            Duration::from_secs(5),
        );
        let server = tokio::spawn(serve_router(listener, router, async {
            let _ = stopped.await;
        }));
        let answer = tokio::task::spawn_blocking(move || {
            use std::io::{Read, Write};
            let mut stream = std::net::TcpStream::connect(addr).expect("connect");
            stream
                .write_all(b"GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .expect("write");
            let mut answer = String::new();
            stream.read_to_string(&mut answer).expect("read");
            answer
        })
        .await
        .expect("client task");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("fine"), "{answer}");
        let _ = stop.send(());
        let result = tokio::time::timeout(Duration::from_secs(5), server)
            .await
            .expect("server stops within 5 s")
            .expect("task");
        assert!(result.is_ok());
    }
}
