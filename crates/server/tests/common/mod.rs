//! A real small index for the handler tests: the demo corpus plus a few crafted reports, indexed
//! once per test binary into a temporary folder, and helpers to call the router with `oneshot`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use sahel_server::{app, AppState, WebAssets};
use serde_json::Value;
use tower::ServiceExt;

/// The demo corpus shipped with the CLI.
pub fn demo_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../cli/demo"))
}

/// Crafted reports, as JSON lines with explicit dates and languages, for facts the tests check
/// exactly: a word only they contain (`zorglub`), months with a gap (timeline zeros), markup
/// in the text (escaping).
pub const CRAFTED_JSONL: &str = concat!(
    r#"{"id": "crafted-1", "title": "Zorglub à Gao", "body": "Une attaque zorglub a visé un poste de l'armée à Gao, région de Gao, Mali. Les assaillants ont été repoussés.", "published": "2021-01-15", "language": "fr", "source": "Essai"}"#,
    "\n",
    r#"{"id": "crafted-2", "title": "Zorglub à Tombouctou", "body": "Une seconde attaque zorglub a visé Tombouctou, région de Tombouctou, Mali. Bilan inconnu.", "published": "2021-04-20", "language": "fr", "source": "Essai"}"#,
    "\n",
    r#"{"id": "crafted-4", "title": "Copie : Zorglub à Tombouctou", "body": "Une seconde attaque zorglub a visé Tombouctou, région de Tombouctou, Mali. Bilan inconnu.", "published": "2021-04-21", "language": "fr", "source": "Autre"}"#,
    "\n",
    r#"{"id": "crafted-3", "title": "Note technique zorglub", "body": "Le portail a reçu le texte <script>alert(\"zorglub\")</script> & d'autres <b>balises</b> dans un message sur l'attaque zorglub.", "published": "2021-04-22", "language": "fr", "source": "Essai"}"#,
    "\n",
);

/// Everything a test needs: the index folder (kept alive) and the state over it.
pub struct TestIndex {
    pub index_dir: PathBuf,
    pub state: Arc<AppState>,
    _temp: tempfile::TempDir,
}

static SHARED: OnceLock<TestIndex> = OnceLock::new();

/// Writes the crafted reports beside a copy-free reference to the demo corpus and indexes both.
pub fn build_index(root: &Path) -> PathBuf {
    let crafted = root.join("crafted");
    std::fs::create_dir_all(&crafted).expect("create crafted dir");
    std::fs::write(crafted.join("crafted.jsonl"), CRAFTED_JSONL).expect("write crafted reports");
    let index_dir = root.join("index");
    index_folders(&[demo_dir(), crafted], &index_dir);
    index_dir
}

/// Indexes folders into `index_dir` (created or updated) with the indexer's library API.
pub fn index_folders(inputs: &[PathBuf], index_dir: &Path) {
    let mut options = sahel_indexer::IndexOptions::new(inputs.to_vec(), index_dir.to_path_buf());
    options.threads = 2;
    options.writer_memory = 64 * 1024 * 1024;
    sahel_indexer::run_index(&options, &sahel_indexer::NoProgress).expect("indexing succeeds");
}

/// The index shared by the tests of one binary, built on first use.
pub fn shared() -> &'static TestIndex {
    SHARED.get_or_init(|| {
        let temp = tempfile::tempdir().expect("tempdir");
        let index_dir = build_index(temp.path());
        let searcher = sahel_search::Searcher::open(&index_dir).expect("open index");
        let state = Arc::new(AppState::new(Arc::new(searcher), WebAssets::Embedded));
        TestIndex {
            index_dir,
            state,
            _temp: temp,
        }
    })
}

/// The router over the shared index.
pub fn router() -> Router {
    app(Arc::clone(&shared().state))
}

/// A GET through the router, without a socket.
pub async fn get(app: &Router, uri: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    request(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

/// Any request through the router.
pub async fn request(app: &Router, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

/// A GET whose answer must be JSON.
pub async fn get_json(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = get(app, uri).await;
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("application/json"),
        "{uri}: content-type {content_type:?}, status {status}"
    );
    let json = serde_json::from_slice(&body).unwrap_or_else(|err| {
        panic!(
            "{uri}: not JSON ({err}): {}",
            String::from_utf8_lossy(&body)
        )
    });
    (status, json)
}

/// A successful search.
pub async fn search(app: &Router, query: &str) -> Value {
    let uri = format!("/api/search?{query}");
    let (status, json) = get_json(app, &uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {json}");
    json
}

/// Percent-encodes a query-string value.
pub fn enc(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The values of a facet in a response, with their counts.
pub fn facet(json: &Value, name: &str) -> Vec<(String, u64)> {
    json["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("facet {name} missing: {json}"))
        .iter()
        .map(|entry| {
            (
                entry["value"].as_str().expect("value").to_string(),
                entry["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

/// The ids of the hits of a response.
pub fn hit_ids(json: &Value) -> Vec<String> {
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|hit| hit["id"].as_str().expect("id").to_string())
        .collect()
}
