//! End-to-end tests of the web UI in a real headless Chromium, driven through WebDriver
//! (Debian `chromium` + `chromium-driver`, installed by `.ci/run`).
//!
//! The test indexes the demo corpus (`crates/cli/demo`) with the `sahel` binary into a temporary
//! folder, serves it with `sahel serve` on a free loopback port (the UI embedded in the binary),
//! starts `chromedriver` on another free port, and walks through what an analyst does: search,
//! facets, timeline, reading a document and coming back, a copied link, the language switch, the
//! no-result and server-error states, and a document whose text holds `<script>` and
//! `<img onerror>`. It saves screenshots (desktop 1280 px and phone 360 px wide) to
//! `docs/screenshots/` and prints the page weight and the time from Enter to rendered results,
//! both measured in the browser with the Performance API.
//!
//! Environment: `CHROMEDRIVER` and `CHROMIUM` override the programs' paths.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/demo");
const SCREENSHOTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/screenshots");
const WAIT: Duration = Duration::from_secs(15);

/// A child process killed (and reaped) when dropped, so a failing test leaves nothing behind.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

/// A program from an environment variable, else the first of `names` found on PATH.
fn program(env: &str, names: &[&str]) -> PathBuf {
    if let Some(path) = std::env::var_os(env) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "none of {names:?} found on PATH (install Debian's chromium and chromium-driver, \
         or set {env})"
    );
}

/// The status code of a GET on loopback (only the status line is read: chromedriver keeps the
/// connection open).
fn http_status(port: u16, path: &str) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 512];
    while !raw.windows(2).any(|w| w == b"\r\n") {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&raw);
    Ok(text
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0))
}

fn wait_http_ok(port: u16, path: &str, child: &mut KillOnDrop, what: &str) {
    let start = Instant::now();
    loop {
        if let Ok(200) = http_status(port, path) {
            return;
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            panic!("{what} exited early: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what} did not answer {path} within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The server, chromedriver and a browser session on the demo corpus.
struct Fixture {
    client: Client,
    base: String,
    server: Option<KillOnDrop>,
    _driver: KillOnDrop,
    _dirs: Vec<tempfile::TempDir>,
}

/// Starts everything; `index` is an existing index to serve, else the demo corpus is indexed.
async fn start(index: Option<PathBuf>) -> Fixture {
    // SAHEL_BIN: another build of `sahel` to serve (a release build, for timings).
    let sahel = std::env::var_os("SAHEL_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_sahel")));
    let index_dir = tempfile::tempdir().expect("tempdir");
    let index = match index {
        Some(index) => index,
        None => {
            let index = index_dir.path().join("index");
            let output = Command::new(&sahel)
                .arg("index")
                .arg(DEMO)
                .arg("--index")
                .arg(&index)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .output()
                .expect("run sahel index");
            assert!(
                output.status.success(),
                "sahel index failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            index
        }
    };

    let port = free_port();
    let mut serve = Command::new(&sahel);
    serve
        .arg("serve")
        .arg("--index")
        .arg(&index)
        .arg("--addr")
        .arg(format!("127.0.0.1:{port}"));
    // SAHEL_WEB: serve the UI from this folder instead of the copy embedded in SAHEL_BIN.
    if let Some(web) = std::env::var_os("SAHEL_WEB") {
        serve.arg("--web").arg(web);
    }
    let mut server = KillOnDrop(
        serve
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn sahel serve"),
    );
    wait_http_ok(port, "/api/health", &mut server, "sahel serve");

    let driver_port = free_port();
    let chromedriver = program("CHROMEDRIVER", &["chromedriver"]);
    let mut driver = KillOnDrop(
        Command::new(chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn chromedriver"),
    );
    wait_http_ok(driver_port, "/status", &mut driver, "chromedriver");

    let profile = tempfile::tempdir().expect("tempdir");
    let chromium = program(
        "CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let args = [
        "--headless".to_string(),
        "--no-sandbox".to_string(),
        "--disable-gpu".to_string(),
        "--disable-dev-shm-usage".to_string(),
        "--disable-background-networking".to_string(),
        "--disable-component-update".to_string(),
        "--no-first-run".to_string(),
        "--disable-quic".to_string(),
        "--disable-sync".to_string(),
        "--hide-scrollbars".to_string(),
        "--lang=fr-FR".to_string(),
        "--window-size=1280,900".to_string(),
        format!("--user-data-dir={}", profile.path().display()),
    ];
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium.display().to_string(),
            "args": args,
            "prefs": { "intl.accept_languages": "fr-FR,fr" }
        }
    });
    let caps = match caps {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    };
    let client = ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("WebDriver session with headless Chromium");
    Fixture {
        client,
        base: format!("http://127.0.0.1:{port}/"),
        server: Some(server),
        _driver: driver,
        _dirs: vec![index_dir, profile],
    }
}

// ---------- helpers over the page ----------

async fn js(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|err| panic!("script failed: {err}\n{script}"))
}

/// Polls a JavaScript boolean expression until it is true.
async fn wait_js(client: &Client, expr: &str, what: &str) {
    let start = Instant::now();
    loop {
        if js(client, &format!("return !!({expr});")).await == Value::Bool(true) {
            return;
        }
        if start.elapsed() > WAIT {
            let url = client.current_url().await.map(|u| u.to_string());
            panic!("timed out waiting for {what} ({expr}); url {url:?}");
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
}

/// Waits until the page shows the view its URL describes.
async fn settled(client: &Client) {
    wait_js(
        client,
        "window.__sahelSettled && window.__sahelSettled()",
        "the view to settle",
    )
    .await;
}

async fn total(client: &Client) -> u64 {
    js(client, "return Number(document.body.dataset.total || -1);")
        .await
        .as_u64()
        .unwrap_or(0)
}

async fn hit_ids(client: &Client) -> Vec<String> {
    let value = js(
        client,
        "return [...document.querySelectorAll('#results a.hit-link')].map(a => a.dataset.id);",
    )
    .await;
    serde_json::from_value(value).unwrap_or_default()
}

/// The (value, count) pairs of a facet's checkboxes in the sidebar.
async fn facet_values(client: &Client, facet: &str) -> Vec<(String, u64)> {
    let value = js(
        client,
        &format!(
            "return [...document.querySelectorAll('#facets input[data-facet=\"{facet}\"]')].map(i => \
             [i.dataset.value, Number(i.closest('li').querySelector('.count').textContent.replace(/\\D/g, ''))]);"
        ),
    )
    .await;
    serde_json::from_value(value).unwrap_or_default()
}

async fn search_for(client: &Client, query: &str) {
    let input = client.find(Locator::Css("#q")).await.expect("search box");
    input.clear().await.expect("clear search box");
    input.send_keys(query).await.expect("type query");
    input
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    settled(client).await;
}

async fn checkbox(client: &Client, facet: &str, value: &str) -> Element {
    let selector = format!(
        "#facets input[data-facet=\"{facet}\"][data-value=\"{}\"]",
        value.replace('"', "\\\"")
    );
    client
        .find(Locator::Css(&selector))
        .await
        .unwrap_or_else(|err| panic!("no checkbox {selector}: {err}"))
}

async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::create_dir_all(SCREENSHOTS).expect("create docs/screenshots");
    let path = Path::new(SCREENSHOTS).join(name);
    std::fs::write(&path, png).expect("write screenshot");
    println!("screenshot: docs/screenshots/{name}");
}

async fn set_viewport(client: &Client, width: u32, height: u32) {
    client
        .set_window_size(width, height)
        .await
        .expect("set window size");
    // Headless windows have no chrome, but make sure the layout width is the one asked for.
    let inner = js(client, "return window.innerWidth;").await;
    let inner = inner.as_u64().unwrap_or(0) as u32;
    if inner != width && inner > 0 {
        client
            .set_window_size(width + (width - inner.min(width)), height)
            .await
            .expect("set window size");
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

// ---------- the tests ----------

/// Enter → results on a large index (the 100,000-document benchmark corpus): not part of the
/// suite (it needs that index), run with
/// `SAHEL_BROWSER_INDEX=DIR SAHEL_BIN=target/release/sahel cargo test -p sahel-cli --test browser -- --ignored --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs SAHEL_BROWSER_INDEX: a large index to time"]
async fn browser_timing_large_index() {
    let index = PathBuf::from(
        std::env::var_os("SAHEL_BROWSER_INDEX").expect("SAHEL_BROWSER_INDEX=index directory"),
    );
    let fx = start(Some(index)).await;
    let client = fx.client.clone();
    client.goto(&fx.base).await.expect("open the UI");
    settled(&client).await;
    let all = total(&client).await;
    let queries = [
        "attaque",
        "Tombouctou",
        "\"frappes aériennes\"",
        "JNIM OR GSIM",
        "attaque Léré",
        "armée -Mali",
        "Timbuktu",
        "embuscade convoi",
        "drone",
        "Ménaka EIGS",
    ];
    for _round in 0..2 {
        for query in queries {
            search_for(&client, query).await;
        }
    }
    let timings = js(&client, "return window.__sahelTimings;").await;
    let mut ms: Vec<f64> = timings
        .as_array()
        .map(|list| list.iter().filter_map(|t| t["ms"].as_f64()).collect())
        .unwrap_or_default();
    let mut server: Vec<f64> = timings
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|t| t["server_ms"].as_f64())
                .collect()
        })
        .unwrap_or_default();
    println!("index: {all} documents; timings: {timings}");
    println!(
        "Enter → results rendered: median {:.1} ms, max {:.1} ms (server took_ms median {:.1}) over {} searches",
        median(&mut ms),
        ms.last().copied().unwrap_or(0.0),
        median(&mut server),
        ms.len()
    );
    let _ = client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_ui_end_to_end() {
    let started = Instant::now();
    let mut fx = start(None).await;
    let client = fx.client.clone();
    let result = run_steps(&mut fx, &client).await;
    let _ = client.clone().close().await;
    println!("browser test: {:.1} s", started.elapsed().as_secs_f64());
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

type StepResult = Result<(), Box<dyn std::any::Any + Send>>;

async fn run_steps(fx: &mut Fixture, client: &Client) -> StepResult {
    use futures_like::CatchUnwind;
    CatchUnwind(Box::pin(steps(fx, client))).await
}

/// `catch_unwind` for a future, so the browser session is closed even when a step fails.
mod futures_like {
    use std::future::Future;
    use std::panic::AssertUnwindSafe;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    pub struct CatchUnwind<'a>(pub Pin<Box<dyn Future<Output = ()> + Send + 'a>>);

    impl Future for CatchUnwind<'_> {
        type Output = Result<(), Box<dyn std::any::Any + Send>>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            let inner = &mut self.0;
            match std::panic::catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
                Ok(Poll::Pending) => Poll::Pending,
                Ok(Poll::Ready(())) => Poll::Ready(Ok(())),
                Err(panic) => Poll::Ready(Err(panic)),
            }
        }
    }
}

async fn steps(fx: &mut Fixture, client: &Client) {
    let base = fx.base.clone();
    set_viewport(client, 1280, 900).await;

    // 1. First visit: the page loads, browses every document, and weighs little.
    client.goto(&base).await.expect("open the UI");
    settled(client).await;
    let all = total(client).await;
    assert!(
        all > 10,
        "browsing the demo corpus lists its documents ({all})"
    );
    let weight = js(
        client,
        "const nav = performance.getEntriesByType('navigation')[0];
         const res = performance.getEntriesByType('resource');
         const isApi = (e) => new URL(e.name).pathname.startsWith('/api/');
         const sum = (list, key) => list.reduce((n, e) => n + (e[key] || 0), 0);
         const statics = res.filter((e) => !isApi(e));
         const api = res.filter(isApi);
         return {
           static_transfer: nav.transferSize + sum(statics, 'transferSize'),
           static_decoded: nav.decodedBodySize + sum(statics, 'decodedBodySize'),
           api_transfer: sum(api, 'transferSize'),
           files: 1 + statics.length,
           external: res.filter((e) => new URL(e.name).origin !== location.origin).map((e) => e.name),
         };",
    )
    .await;
    println!("page weight (first visit, Performance API): {weight}");
    let static_transfer = weight["static_transfer"].as_f64().unwrap_or(f64::MAX);
    let api_transfer = weight["api_transfer"].as_f64().unwrap_or(0.0);
    assert!(
        static_transfer + api_transfer < 150_000.0,
        "first visit must stay under 150 KB: {weight}"
    );
    assert_eq!(
        weight["external"],
        json!([]),
        "nothing is fetched from outside"
    );
    let lang = js(client, "return document.documentElement.lang;").await;
    assert_eq!(lang, json!("fr"), "a French browser gets French labels");

    // 2. Typing a query shows results (debounced, without Enter), with highlighted snippets.
    let input = client.find(Locator::Css("#q")).await.expect("search box");
    input.send_keys("attaque").await.expect("type");
    wait_js(
        client,
        "location.search.includes('q=attaque') && window.__sahelSettled()",
        "results as you type",
    )
    .await;
    let attaque_total = total(client).await;
    assert!(
        attaque_total > 0 && attaque_total < all,
        "`attaque` narrows the list ({attaque_total} of {all})"
    );
    let marks = js(
        client,
        "return document.querySelectorAll('#results .snippet mark').length;",
    )
    .await;
    assert!(
        marks.as_u64().unwrap_or(0) > 0,
        "snippets highlight the query"
    );
    let understood = js(
        client,
        "return document.getElementById('understood').textContent;",
    )
    .await;
    assert!(
        understood.as_str().unwrap_or("").contains("attaque"),
        "the understood query is shown: {understood}"
    );

    // 3. Enter → results rendered, timed in the browser, over a few queries.
    let queries = [
        "attaque",
        "Tombouctou",
        "\"frappes aériennes\"",
        "JNIM OR GSIM",
        "attaque Léré",
        "armée -Mali",
        "Timbuktu",
    ];
    for query in queries {
        search_for(client, query).await;
    }
    wait_js(
        client,
        &format!("(window.__sahelTimings || []).length >= {}", queries.len()),
        "Enter-to-results timings",
    )
    .await;
    let timings = js(client, "return window.__sahelTimings;").await;
    let mut ms: Vec<f64> = timings
        .as_array()
        .map(|list| list.iter().filter_map(|t| t["ms"].as_f64()).collect())
        .unwrap_or_default();
    println!("Enter → results rendered (demo index): {timings}");
    let median_ms = median(&mut ms);
    println!(
        "Enter → results rendered: median {median_ms:.1} ms, max {:.1} ms over {} queries",
        ms.last().copied().unwrap_or(0.0),
        ms.len()
    );

    // 4. Facets: tick a region, then a month; the list and the counts follow.
    search_for(client, "attaque").await;
    let before_ids = hit_ids(client).await;
    let months_before = facet_values(client, "month").await;
    let regions = facet_values(client, "region").await;
    let (region, region_count) = regions
        .iter()
        .find(|(_, count)| *count > 0 && *count < attaque_total)
        .cloned()
        .unwrap_or_else(|| panic!("a region narrowing `attaque`: {regions:?}"));
    checkbox(client, "region", &region)
        .await
        .click()
        .await
        .expect("tick region");
    wait_js(
        client,
        "location.search.includes('region=') && window.__sahelSettled()",
        "region filter",
    )
    .await;
    assert_eq!(
        total(client).await,
        region_count,
        "ticking {region} gives the count shown next to it"
    );
    assert_ne!(hit_ids(client).await, before_ids, "the list changes");
    let months_after = facet_values(client, "month").await;
    assert_ne!(months_after, months_before, "the month counts change");
    let regions_after = facet_values(client, "region").await;
    assert!(
        regions_after
            .iter()
            .any(|(value, count)| value == &region && *count == region_count),
        "the ticked region keeps its (disjunctive) count: {regions_after:?}"
    );
    let (month, month_count) = months_after
        .iter()
        .find(|(_, count)| *count > 0)
        .cloned()
        .expect("a month with results");
    checkbox(client, "month", &month)
        .await
        .click()
        .await
        .expect("tick month");
    wait_js(
        client,
        "location.search.includes('month=') && window.__sahelSettled()",
        "month filter",
    )
    .await;
    assert_eq!(total(client).await, month_count, "{region} AND {month}");
    let chips = js(
        client,
        "return [...document.querySelectorAll('#chips .chip')].map(c => c.dataset.facet);",
    )
    .await;
    assert_eq!(chips, json!(["region", "month"]), "one chip per filter");
    save_screenshot(client, "desktop-filters.png").await;

    // Removing the region chip keeps the month; "tout effacer" removes everything.
    client
        .find(Locator::Css("#chips .chip[data-facet=\"region\"]"))
        .await
        .expect("region chip")
        .click()
        .await
        .expect("remove chip");
    wait_js(
        client,
        "!location.search.includes('region=') && location.search.includes('month=') && window.__sahelSettled()",
        "region chip removed",
    )
    .await;
    client
        .find(Locator::Css("#chips .clear-all"))
        .await
        .expect("clear all")
        .click()
        .await
        .expect("clear all");
    wait_js(
        client,
        "!location.search.includes('month=') && window.__sahelSettled()",
        "filters cleared",
    )
    .await;
    assert_eq!(
        total(client).await,
        attaque_total,
        "back to the whole query"
    );

    // 5. Timeline: click a bar → that month; drag across bars → a period.
    let bar = js(
        client,
        "const g = [...document.querySelectorAll('#timeline .tl-col')].find(g => Number(g.dataset.count) > 0);
         return g ? [g.dataset.month, Number(g.dataset.count)] : null;",
    )
    .await;
    let bar_month = bar[0].as_str().expect("a timeline bar").to_string();
    let bar_count = bar[1].as_u64().unwrap_or(0);
    client
        .find(Locator::Css(&format!(
            "#timeline .tl-col[data-month=\"{bar_month}\"]"
        )))
        .await
        .expect("timeline bar")
        .click()
        .await
        .expect("click bar");
    wait_js(
        client,
        &format!("location.search.includes('month={bar_month}') && window.__sahelSettled()"),
        "timeline month filter",
    )
    .await;
    assert_eq!(
        total(client).await,
        bar_count,
        "the bar's count is the month's"
    );
    let pressed = js(
        client,
        &format!(
            "return document.querySelector('#timeline .tl-col[data-month=\"{bar_month}\"]').getAttribute('aria-pressed');"
        ),
    )
    .await;
    assert_eq!(pressed, json!("true"), "the chosen bar is marked");
    let cols = client
        .find_all(Locator::Css("#timeline .tl-col"))
        .await
        .expect("bars");
    assert!(cols.len() >= 3, "the timeline has several months");
    let first = cols[0].clone();
    let third = cols[2].clone();
    let drag = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveToElement {
            element: first,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: third,
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(drag).await.expect("drag");
    wait_js(
        client,
        "location.search.includes('from=') && location.search.includes('to=') && !location.search.includes('month=') && window.__sahelSettled()",
        "timeline range",
    )
    .await;
    let range_chip = js(
        client,
        "return document.querySelectorAll('#chips .chip[data-facet=\"range\"]').length;",
    )
    .await;
    assert_eq!(range_chip, json!(1), "the period shows as a chip");
    client
        .find(Locator::Css("#chips .clear-all"))
        .await
        .expect("clear all")
        .click()
        .await
        .expect("clear the period");
    wait_js(
        client,
        "!location.search.includes('from=') && window.__sahelSettled()",
        "period cleared",
    )
    .await;

    // 6. Open a document and come back: same results, same scroll position.
    search_for(client, "attaque").await;
    set_viewport(client, 1280, 700).await;
    let ids = hit_ids(client).await;
    assert!(ids.len() >= 4, "enough hits to scroll: {ids:?}");
    let pick = ids.len().min(6) - 1;
    js(
        client,
        &format!(
            "document.querySelectorAll('#results a.hit-link')[{pick}].scrollIntoView({{block: 'center'}});"
        ),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let scroll_before = js(client, "return window.scrollY;")
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(scroll_before > 0.0, "the page scrolled");
    let links = client
        .find_all(Locator::Css("#results a.hit-link"))
        .await
        .expect("links");
    let title = links[pick].text().await.expect("title");
    links[pick].click().await.expect("open document");
    settled(client).await;
    let doc_title = client
        .find(Locator::Css("#doc-title"))
        .await
        .expect("document title")
        .text()
        .await
        .expect("text");
    assert_eq!(doc_title, title, "the document opened is the one clicked");
    let doc_marks = js(
        client,
        "return document.querySelectorAll('#doc-body mark').length;",
    )
    .await;
    assert!(
        doc_marks.as_u64().unwrap_or(0) > 0,
        "query terms are highlighted in the text"
    );
    let facts = js(
        client,
        "return document.querySelector('.doc-facts').textContent;",
    )
    .await;
    assert!(
        facts.as_str().unwrap_or("").contains("Publication"),
        "the document's facets are shown: {facts}"
    );
    client
        .find(Locator::Css("#back"))
        .await
        .expect("back link")
        .click()
        .await
        .expect("back");
    settled(client).await;
    assert_eq!(hit_ids(client).await, ids, "same results after coming back");
    let scroll_after = js(client, "return window.scrollY;")
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        (scroll_after - scroll_before).abs() < 4.0,
        "same scroll position ({scroll_before} → {scroll_after})"
    );
    // The browser's own back button does the same.
    let links = client
        .find_all(Locator::Css("#results a.hit-link"))
        .await
        .expect("links");
    links[pick].click().await.expect("open document");
    settled(client).await;
    client.back().await.expect("browser back");
    settled(client).await;
    assert_eq!(
        hit_ids(client).await,
        ids,
        "same results after browser back"
    );
    let scroll_after = js(client, "return window.scrollY;")
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        (scroll_after - scroll_before).abs() < 4.0,
        "same scroll position after browser back ({scroll_before} → {scroll_after})"
    );
    set_viewport(client, 1280, 900).await;

    // 7. A copied link reopens the same view: query, filters, sort, page.
    search_for(client, "armée").await;
    let lang_value = facet_values(client, "language")
        .await
        .into_iter()
        .find(|(_, count)| *count > 0)
        .map(|(value, _)| value)
        .expect("a language value");
    checkbox(client, "language", &lang_value)
        .await
        .click()
        .await
        .expect("tick language");
    wait_js(
        client,
        "location.search.includes('language=') && window.__sahelSettled()",
        "language filter",
    )
    .await;
    client
        .find(Locator::Css("#sort option[value=\"date_asc\"]"))
        .await
        .expect("sort option")
        .click()
        .await
        .expect("sort by date");
    wait_js(
        client,
        "location.search.includes('sort=date_asc') && window.__sahelSettled()",
        "sort",
    )
    .await;
    let url = client.current_url().await.expect("url").to_string();
    let view = "return {ids: [...document.querySelectorAll('#results a.hit-link')].map(a => a.dataset.id),
                        chips: [...document.querySelectorAll('#chips .chip')].map(c => c.textContent),
                        q: document.getElementById('q').value, sort: document.getElementById('sort').value,
                        total: document.body.dataset.total};";
    let shown = js(client, view).await;
    client.goto(&url).await.expect("reload the copied URL");
    settled(client).await;
    assert_eq!(
        js(client, view).await,
        shown,
        "the copied link reopens the view"
    );
    // A link written before the language parameter was `language` (`lang=`) opens the same view.
    let old_link = url.replace("language=", "lang=");
    assert_ne!(old_link, url);
    client.goto(&old_link).await.expect("open the older link");
    settled(client).await;
    assert_eq!(
        js(client, view).await,
        shown,
        "a link with lang= opens the same view"
    );
    // A link to a document opens it.
    let ids = hit_ids(client).await;
    let doc_url = format!(
        "{base}?q=arm%C3%A9e&doc={}",
        ids[0].split('/').collect::<Vec<_>>().join("%2F")
    );
    client.goto(&doc_url).await.expect("open a document link");
    settled(client).await;
    assert!(
        client.find(Locator::Css("#doc-title")).await.is_ok(),
        "a document link opens the document"
    );

    // 8. Pages: with more than one page, page 2 is in the URL and shows other hits.
    client.goto(&base).await.expect("home");
    settled(client).await;
    if all > 20 {
        let page1 = hit_ids(client).await;
        client
            .find(Locator::Css("#pager a.next"))
            .await
            .expect("next page")
            .click()
            .await
            .expect("next");
        wait_js(
            client,
            "location.search.includes('page=2') && window.__sahelSettled()",
            "page 2",
        )
        .await;
        let page2 = hit_ids(client).await;
        assert!(
            !page2.is_empty() && page2.iter().all(|id| !page1.contains(id)),
            "page 2 lists other documents"
        );
    }

    // Export: every result (not only the page), as JSON and as CSV, with the facets.
    let export = js(
        client,
        "const csv = document.getElementById('export-csv').href;
         const json = document.getElementById('export-json').href;
         return Promise.all([fetch(json).then(r => r.json()), fetch(csv).then(r => r.text())])
           .then(([rows, text]) => ({rows: rows.length, keys: Object.keys(rows[0] || {}),
                                     lines: text.trim().split('\\n').length, header: text.split('\\n')[0]}));",
    )
    .await;
    println!("export: {export}");
    assert_eq!(
        export["rows"].as_u64(),
        Some(all),
        "the JSON export has every result: {export}"
    );
    assert!(
        export["lines"].as_u64().unwrap_or(0) > all,
        "the CSV export has a header and every result: {export}"
    );
    for key in ["id", "title", "regions", "actors", "months"] {
        assert!(
            export["keys"]
                .as_array()
                .is_some_and(|keys| keys.contains(&json!(key))),
            "export rows carry `{key}`: {export}"
        );
    }

    // Keyboard: `/` focuses the box, ↓ walks the results, Escape closes a document.
    js(
        client,
        "document.activeElement && document.activeElement.blur();",
    )
    .await;
    client
        .find(Locator::Css("body"))
        .await
        .expect("body")
        .send_keys("/")
        .await
        .expect("press /");
    wait_js(
        client,
        "document.activeElement.id === 'q'",
        "`/` focuses the search box",
    )
    .await;
    client
        .find(Locator::Css("#q"))
        .await
        .expect("search box")
        .send_keys(&Key::Down.to_string())
        .await
        .expect("arrow down");
    wait_js(
        client,
        "document.activeElement.classList.contains('hit-link')",
        "↓ moves to the first result",
    )
    .await;
    let focused = client.active_element().await.expect("focused link");
    focused
        .send_keys(&Key::Down.to_string())
        .await
        .expect("arrow down");
    wait_js(
        client,
        "document.activeElement === document.querySelectorAll('#results a.hit-link')[1]",
        "↓ moves to the second result",
    )
    .await;
    client
        .active_element()
        .await
        .expect("focused link")
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("open with Enter");
    settled(client).await;
    assert_eq!(
        js(client, "return document.body.dataset.view;").await,
        json!("doc"),
        "Enter on a result opens it"
    );
    client
        .find(Locator::Css("body"))
        .await
        .expect("body")
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("Escape");
    wait_js(
        client,
        "document.body.dataset.view === 'results' && window.__sahelSettled()",
        "Escape goes back",
    )
    .await;

    // Every control has a name for screen readers.
    let unnamed = js(
        client,
        "return [...document.querySelectorAll('input, select, button, a[href], [role=button]')].filter(el => {
           const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
             || (el.id && document.querySelector(`label[for=\"${el.id}\"]`)) || el.closest('label');
           return !labelled && !el.textContent.trim();
         }).map(el => el.outerHTML.slice(0, 80));",
    )
    .await;
    assert_eq!(unnamed, json!([]), "controls without an accessible name");

    // 9. Language switch.
    client
        .find(Locator::Css("#lang-switch"))
        .await
        .expect("language switch")
        .click()
        .await
        .expect("switch");
    wait_js(
        client,
        "document.documentElement.lang === 'en' && document.querySelector('#search-form button').textContent === 'Search'",
        "English labels",
    )
    .await;
    client
        .find(Locator::Css("#lang-switch"))
        .await
        .expect("language switch")
        .click()
        .await
        .expect("switch back");
    wait_js(
        client,
        "document.documentElement.lang === 'fr' && document.querySelector('#search-form button').textContent === 'Rechercher'",
        "French labels",
    )
    .await;

    // 10. A document holding <script> and <img onerror> in its text: shown as text, runs nothing.
    js(
        client,
        "window.__xss = undefined; window.alert = () => { window.__xss = 'alert'; }; \
         window.confirm = window.prompt = window.alert;",
    )
    .await;
    search_for(client, "onerror script injection").await;
    let injection = hit_ids(client)
        .await
        .into_iter()
        .find(|id| id.contains("injection"))
        .expect("the injection note is found");
    let no_markup = "return document.querySelectorAll('#results img, #results script, #results svg, #doc-view img, #doc-view script, #doc-view svg').length === 0;";
    assert_eq!(
        js(client, no_markup).await,
        json!(true),
        "no element from a snippet"
    );
    client
        .find(Locator::Css(&format!(
            "#results a.hit-link[data-id=\"{injection}\"]"
        )))
        .await
        .expect("injection hit")
        .click()
        .await
        .expect("open injection note");
    settled(client).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        client.get_alert_text().await.is_err(),
        "no alert dialog is open"
    );
    assert_eq!(
        js(client, "return typeof window.__xss;").await,
        json!("undefined"),
        "no script ran"
    );
    assert_eq!(
        js(client, no_markup).await,
        json!(true),
        "no element from the text"
    );
    let body = js(
        client,
        "return document.getElementById('doc-body').innerText;",
    )
    .await;
    let body = body.as_str().unwrap_or("");
    assert!(
        body.contains("<script>alert('x')</script>"),
        "the <script> payload is visible as text"
    );
    assert!(
        body.contains("<img src=x onerror=\"alert(1)\">"),
        "the <img onerror> payload is visible as text"
    );

    // 11. Screenshots: desktop and phone, results and document.
    set_viewport(client, 1280, 900).await;
    client
        .goto(&format!("{base}?q=attaque%20L%C3%A9r%C3%A9"))
        .await
        .expect("results");
    settled(client).await;
    save_screenshot(client, "desktop-results.png").await;
    let first_link = client
        .find(Locator::Css("#results a.hit-link"))
        .await
        .expect("a hit");
    first_link.click().await.expect("open");
    settled(client).await;
    save_screenshot(client, "desktop-document.png").await;
    set_viewport(client, 360, 780).await;
    let width = js(client, "return document.documentElement.scrollWidth;").await;
    assert!(
        width.as_u64().unwrap_or(9999) <= 360,
        "no horizontal scrolling at 360 px (document): {width}"
    );
    save_screenshot(client, "phone-document.png").await;
    client.back().await.expect("back");
    settled(client).await;
    js(client, "window.scrollTo(0, 0);").await;
    let width = js(client, "return document.documentElement.scrollWidth;").await;
    assert!(
        width.as_u64().unwrap_or(9999) <= 360,
        "no horizontal scrolling at 360 px (results): {width}"
    );
    save_screenshot(client, "phone-results.png").await;
    let sidebar_hidden =
        "return getComputedStyle(document.getElementById('sidebar')).display === 'none';";
    assert_eq!(
        js(client, sidebar_hidden).await,
        json!(true),
        "filters folded on a phone"
    );
    client
        .find(Locator::Css("#filters-toggle"))
        .await
        .expect("filters button")
        .click()
        .await
        .expect("open filters");
    assert_eq!(
        js(client, sidebar_hidden).await,
        json!(false),
        "the button shows the filters"
    );
    save_screenshot(client, "phone-filters.png").await;
    set_viewport(client, 1280, 900).await;

    // 12. No results, with the typo-tolerant suggestion when the server has one.
    search_for(client, "xqzwvk").await;
    assert_eq!(total(client).await, 0);
    assert!(
        client.find(Locator::Css("#status .empty")).await.is_ok(),
        "the no-result state is shown"
    );
    search_for(client, "Tombouctuo").await;
    let corrected = js(
        client,
        "return !!document.querySelector('#understood .u-corrected, #status .suggest');",
    )
    .await;
    assert_eq!(
        corrected,
        json!(true),
        "a misspelt place gets the corrected query"
    );

    // 12b. An English query finds the French reports, says what it translated, and a switch
    // (kept in the URL) searches the words as typed.
    client.goto(&base).await.expect("home");
    settled(client).await;
    search_for(client, "attack Timbuktu").await;
    let translated_total = total(client).await;
    // Reports holding every word (or its translation) come first, without the `partial` badge:
    // `Timbuktu` alone finds the region's reports either way (its region facet), `attack` as
    // typed is in none of the French ones.
    let full_hits = "return document.querySelectorAll('#results li.hit:not(.is-partial)').length;";
    let translated_full = js(client, full_hits).await.as_u64().unwrap_or(0);
    assert!(
        translated_total > 0,
        "`attack Timbuktu` finds the French reports"
    );
    let line = js(
        client,
        "const p = document.querySelector('#understood .u-translate'); return p ? p.textContent : '';",
    )
    .await;
    assert!(
        line.as_str()
            .is_some_and(|l| l.contains("attack") && l.contains("attaque")),
        "the page says what was translated: {line}"
    );
    client
        .find(Locator::Css("#understood .translate-toggle"))
        .await
        .expect("translation switch")
        .click()
        .await
        .expect("turn translation off");
    wait_js(
        client,
        "location.search.includes('translate=false') && window.__sahelSettled()",
        "translation off",
    )
    .await;
    let untranslated_full = js(client, full_hits).await.as_u64().unwrap_or(0);
    // Only the full matches must be fewer: as typed, the rarer English word may make partial
    // matches of its own that its translation, common in French, did not.
    assert!(
        untranslated_full < translated_full,
        "as typed, `attack` finds fewer reports with every word ({untranslated_full} against \
         {translated_full})"
    );
    search_for(client, "éruption volcanique Kidal").await;
    let missing = js(
        client,
        "const p = document.querySelector('#understood .u-missing'); return p ? p.textContent : '';",
    )
    .await;
    assert!(
        missing.as_str().is_some_and(|m| m.contains("volcanique")),
        "the page names the word no report contains: {missing}"
    );

    assert_eq!(
        js(client, "return window.__sahelErrors;").await,
        json!([]),
        "no script error in the page"
    );

    analyst_steps(client, &base).await;
    assert_eq!(
        js(client, "return window.__sahelErrors;").await,
        json!([]),
        "no script error in the page (map, sources, feed)"
    );

    evidence_steps(client, &base).await;
    assert_eq!(
        js(client, "return window.__sahelErrors;").await,
        json!([]),
        "no script error in the page (evidence, folded facets)"
    );

    // 13. The server goes away: a clear error state, no blank page.
    drop(fx.server.take());
    search_for(client, "Gao").await;
    assert!(
        client
            .find(Locator::Css("#status .error[role=\"alert\"]"))
            .await
            .is_ok(),
        "the server-error state is shown"
    );
}

/// The JSON of a GET made by the page (same origin).
async fn page_fetch_json(client: &Client, url: &str) -> Value {
    js(
        client,
        &format!("return fetch({}).then(r => r.json());", json!(url)),
    )
    .await
}

/// The names of the marks on the map.
async fn mark_names(client: &Client) -> Vec<String> {
    let value = js(
        client,
        "return [...document.querySelectorAll('#map .sm-mark')].map(m => m.dataset.name);",
    )
    .await;
    serde_json::from_value(value).unwrap_or_default()
}

/// Issue 17: the map, the source facet, the feed, and what a first morning of use found.
async fn analyst_steps(client: &Client, base: &str) {
    set_viewport(client, 1280, 900).await;
    client.goto(base).await.expect("home");
    settled(client).await;
    let all = total(client).await;

    // The map draws one mark per located place of the results.
    wait_js(
        client,
        "document.querySelectorAll('#map .sm-mark').length > 0",
        "map marks",
    )
    .await;
    let places = page_fetch_json(client, "api/search?limit=0").await["places"].clone();
    let located: Vec<&Value> = places
        .as_array()
        .expect("places")
        .iter()
        .filter(|p| p["lat"].is_number())
        .collect();
    let marks = mark_names(client).await;
    assert!(marks.len() >= 10, "the demo corpus has places: {marks:?}");
    assert_eq!(marks.len(), located.len(), "one mark per located place");
    save_screenshot(client, "desktop-map.png").await;

    // Hover and keyboard focus say the name and the count.
    let (name, count) = located
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or_default().to_string(),
                p["count"].as_u64().unwrap_or(0),
            )
        })
        .find(|(_, c)| *c > 1 && *c < all)
        .expect("a place narrowing the list");
    let mark = client
        .find(Locator::Css(&format!(
            "#map .sm-mark[data-name=\"{name}\"]"
        )))
        .await
        .expect("the place's mark");
    let hover = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
        element: mark.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    client.perform_actions(hover).await.expect("hover");
    wait_js(
        client,
        &format!(
            "(() => {{ const tip = document.querySelector('#map .sm-tip');
               return !tip.hidden && tip.textContent.includes({}) && tip.textContent.includes('{count}'); }})()",
            json!(name)
        ),
        "the tip on hover",
    )
    .await;
    let label = mark
        .attr("aria-label")
        .await
        .expect("label")
        .unwrap_or_default();
    assert!(
        label.contains(&name) && label.contains(&count.to_string()),
        "a mark's name for screen readers: {label}"
    );
    // The list alternative names the same places.
    let listed = js(
        client,
        "return document.querySelectorAll('#map .sm-list li button').length;",
    )
    .await;
    assert_eq!(
        listed.as_u64(),
        Some(places.as_array().map_or(0, |p| p.len() as u64))
    );

    // A click on a mark filters by that locality: chip, list and counts change.
    let before_ids = hit_ids(client).await;
    let before_regions = facet_values(client, "region").await;
    mark.click().await.expect("click the mark");
    wait_js(
        client,
        "location.search.includes('locality=') && window.__sahelSettled()",
        "locality filter from the map",
    )
    .await;
    assert_eq!(total(client).await, count, "{name}: the count of its mark");
    assert_ne!(hit_ids(client).await, before_ids, "the list changes");
    assert_ne!(
        facet_values(client, "region").await,
        before_regions,
        "the counts change"
    );
    let chip = js(
        client,
        "const c = document.querySelector('#chips .chip[data-facet=\"locality\"]'); return c ? c.dataset.value : null;",
    )
    .await;
    assert_eq!(chip, json!(name), "a locality chip");
    let selected = js(
        client,
        "return [...document.querySelectorAll('#map .sm-mark.is-selected')].map(m => m.dataset.name);",
    )
    .await;
    assert_eq!(selected, json!([name]), "the mark shows it is chosen");
    client
        .find(Locator::Css("#chips .clear-all"))
        .await
        .expect("clear all")
        .click()
        .await
        .expect("clear");
    wait_js(
        client,
        "!location.search.includes('locality=') && window.__sahelSettled()",
        "locality cleared",
    )
    .await;

    // The map follows a region filter: only that region's places.
    let region = located
        .iter()
        .find_map(|p| p["region"].as_str())
        .expect("a region")
        .to_string();
    client
        .goto(&format!("{base}?region={}", region.replace(' ', "%20")))
        .await
        .expect("region filter");
    settled(client).await;
    wait_js(
        client,
        "document.querySelectorAll('#map .sm-mark').length > 0",
        "map marks for the region",
    )
    .await;
    let in_region = mark_names(client).await;
    assert!(
        in_region.len() < marks.len() && in_region.iter().all(|m| marks.contains(m)),
        "the map keeps the region's places: {in_region:?}"
    );
    // Its places are those of the region's reports: the region's own with all their reports,
    // the others their reports share, with fewer.
    let filtered = page_fetch_json(
        client,
        &format!("api/search?region={}&limit=0", region.replace(' ', "%20")),
    )
    .await["places"]
        .clone();
    let count_in = |list: &Value, name: &str| {
        list.as_array()
            .and_then(|l| l.iter().find(|p| p["name"] == name))
            .and_then(|p| p["count"].as_u64())
    };
    for place in filtered.as_array().expect("places") {
        let name = place["name"].as_str().unwrap_or_default();
        let overall = count_in(&places, name).unwrap_or(0);
        let here = place["count"].as_u64().unwrap_or(0);
        if place["region"] == json!(region) {
            assert_eq!(here, overall, "{name} is in {region}: all its reports");
        } else {
            assert!(here <= overall, "{name}: {here} of {overall}");
        }
    }
    let mut expected: Vec<String> = filtered
        .as_array()
        .expect("places")
        .iter()
        .filter(|p| p["lat"].is_number())
        .filter_map(|p| p["name"].as_str().map(str::to_string))
        .collect();
    let mut drawn = in_region.clone();
    expected.sort();
    drawn.sort();
    assert_eq!(drawn, expected, "the marks are the filtered places");

    // The source facet filters.
    client.goto(base).await.expect("home");
    settled(client).await;
    let sources = facet_values(client, "source").await;
    let (source, source_count) = sources
        .iter()
        .find(|(_, c)| *c > 0 && *c < all)
        .cloned()
        .unwrap_or_else(|| panic!("a source facet: {sources:?}"));
    checkbox(client, "source", &source)
        .await
        .click()
        .await
        .expect("tick source");
    wait_js(
        client,
        "location.search.includes('source=') && window.__sahelSettled()",
        "source filter",
    )
    .await;
    assert_eq!(total(client).await, source_count, "{source}");

    // "Follow this search": an Atom feed of the search's reports, newest first.
    client.goto(base).await.expect("home");
    settled(client).await;
    search_for(client, "attaque").await;
    let href = client
        .find(Locator::Css("#feed-link"))
        .await
        .expect("feed link")
        .attr("href")
        .await
        .expect("href")
        .expect("a feed URL");
    let xml = js(
        client,
        &format!("return fetch({}).then(r => r.text());", json!(href)),
    )
    .await;
    let feed = feed_rs::parser::parse(xml.as_str().unwrap_or_default().as_bytes())
        .expect("the feed parses");
    let entry_ids: Vec<String> = feed
        .entries
        .iter()
        .filter_map(|e| e.links.first())
        .filter_map(|l| {
            let query = l.href.split_once('?')?.1;
            js_free_param(query, "doc")
        })
        .collect();
    let newest: Vec<String> =
        page_fetch_json(client, "api/search?q=attaque&sort=date_desc&limit=50").await["hits"]
            .as_array()
            .map(|hits| {
                hits.iter()
                    .filter_map(|h| h["id"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
    assert!(!entry_ids.is_empty());
    assert_eq!(
        entry_ids, newest,
        "the feed lists the search's reports, newest first"
    );

    // Former region names beside the current ones, in the facet, the chips and the export;
    // the former name typed selects the region.
    client.goto(base).await.expect("home");
    settled(client).await;
    let labels = js(
        client,
        "return [...document.querySelectorAll('.facet-region .opt-label')].map(l => l.textContent);",
    )
    .await;
    assert!(
        labels.as_array().is_some_and(|l| l
            .iter()
            .any(|l| l.as_str().is_some_and(|l| l.contains(" (ex-"))))
            && labels
                .as_array()
                .is_some_and(|l| l.iter().any(|l| l == "Gao")),
        "the region facet names former regions: {labels}"
    );
    client
        .goto(&format!("{base}?region=Centre-Nord"))
        .await
        .expect("a former region typed");
    settled(client).await;
    let by_former_name = total(client).await;
    assert!(by_former_name > 0, "the former name selects its successor");
    client
        .goto(&format!("{base}?region=Kuils%C3%A9"))
        .await
        .expect("the current name");
    settled(client).await;
    assert_eq!(
        total(client).await,
        by_former_name,
        "either name, the same reports"
    );
    let chip_text = js(
        client,
        "return [...document.querySelectorAll('#chips .chip')].map(c => c.textContent).join(' | ');",
    )
    .await;
    assert!(
        chip_text
            .as_str()
            .is_some_and(|c| c.contains("Kuilsé (ex-Centre-Nord)")),
        "the chip names the former region: {chip_text}"
    );
    let csv = js(
        client,
        "return fetch(document.getElementById('export-csv').href).then(r => r.arrayBuffer())
           .then(b => { const bytes = new Uint8Array(b);
                        return { bom: [bytes[0], bytes[1], bytes[2]],
                                 text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes) }; });",
    )
    .await;
    assert_eq!(
        csv["bom"],
        json!([0xEF, 0xBB, 0xBF]),
        "a UTF-8 byte-order mark"
    );
    let csv_text = csv["text"].as_str().unwrap_or_default();
    let header = csv_text.lines().next().unwrap_or_default();
    for column in ["event_dates", "regions", "sources"] {
        assert!(
            header.split(',').any(|c| c == column),
            "{column} in {header}"
        );
    }
    assert!(csv_text.contains("Kuilsé (ex-Centre-Nord)"), "{csv_text}");

    // A type-ahead box filters a long facet list, former names included.
    client.goto(base).await.expect("home");
    settled(client).await;
    let filter_box = client
        .find(Locator::Css(".facet-region .facet-filter-input"))
        .await
        .expect("the region list has a type-ahead box");
    filter_box.send_keys("centre-n").await.expect("type");
    wait_js(
        client,
        "[...document.querySelectorAll('.facet-region input[data-facet=\"region\"]')].map(i => i.dataset.value).join() === 'Kuilsé'",
        "the list keeps Kuilsé",
    )
    .await;
    wait_js(
        client,
        "document.activeElement.classList.contains('facet-filter-input')",
        "typing stays in the box",
    )
    .await;

    // A country never counts fewer documents than one of its regions.
    client
        .goto(&format!("{base}?region=Gao"))
        .await
        .expect("a region ticked");
    settled(client).await;
    let below = js(
        client,
        "return [...document.querySelectorAll('.facet-region .group')].filter(g => {
           const head = g.querySelector('.country-opt .count');
           if (!head) return false;
           const country = Number(head.textContent.replace(/\\D/g, ''));
           return [...g.querySelectorAll('.nested .count')].some(c => Number(c.textContent.replace(/\\D/g, '')) > country);
         }).map(g => g.getAttribute('aria-label'));",
    )
    .await;
    assert_eq!(below, json!([]), "countries counted below a region");

    // The French page says everything in French: the typo note, the syntax notes; the line of
    // other spellings is short and unfolds.
    search_for(client, "Tombouctuo").await;
    let understood = js(
        client,
        "return document.getElementById('understood').textContent;",
    )
    .await;
    let understood = understood.as_str().unwrap_or_default();
    assert!(
        !understood.contains("nothing matched") && !understood.contains("searched instead"),
        "no English in the French page: {understood}"
    );
    search_for(client, "region:Gao").await;
    let notes = js(
        client,
        "return [...document.querySelectorAll('#understood .u-note')].map(n => n.textContent).join(' ');",
    )
    .await;
    assert!(
        notes.as_str().is_some_and(|n| n.contains("syntaxe")),
        "the field-syntax note in French: {notes}"
    );
    search_for(client, "JNIM Tombouctou").await;
    let folded = js(
        client,
        "const p = document.querySelector('#understood .u-also');
         return { height: p.getBoundingClientRect().height, text: p.textContent,
                  line: parseFloat(getComputedStyle(p).lineHeight) || 20 };",
    )
    .await;
    assert!(
        folded["height"].as_f64().unwrap_or(999.0) <= 1.5 * folded["line"].as_f64().unwrap_or(20.0),
        "the line of other spellings is one line: {folded}"
    );
    client
        .find(Locator::Css("#understood .u-also button.unfold"))
        .await
        .expect("the unfold button")
        .click()
        .await
        .expect("unfold");
    let unfolded = js(
        client,
        "return document.querySelector('#understood .u-also').textContent;",
    )
    .await;
    assert!(
        unfolded.as_str().unwrap_or_default().len()
            > folded["text"].as_str().unwrap_or_default().len()
            && unfolded.as_str().is_some_and(|t| t.contains("Timbuctoo")),
        "unfolded, every spelling: {unfolded}"
    );

    // A dragged period bounds the month facet: no month outside it is offered.
    client
        .goto(&format!("{base}?from=2024-03-01&to=2024-05-31"))
        .await
        .expect("a period");
    settled(client).await;
    let months = facet_values(client, "month").await;
    assert!(!months.is_empty());
    assert!(
        months
            .iter()
            .all(|(m, _)| m.as_str() >= "2024-03" && m.as_str() <= "2024-05"),
        "months within the period only: {months:?}"
    );

    // Punctuation only: the page says there is nothing to search.
    search_for(client, "?!.,;:").await;
    assert_eq!(total(client).await, 0);
    assert!(
        client.find(Locator::Css("#status .no-words")).await.is_ok(),
        "the page says the query has no words"
    );

    // Phone width: after a tick, "show N results" closes the filter panel.
    set_viewport(client, 360, 780).await;
    client.goto(base).await.expect("home");
    settled(client).await;
    js(client, "window.scrollTo(0, 0);").await;
    save_screenshot(client, "phone-map.png").await;
    client
        .find(Locator::Css("#filters-toggle"))
        .await
        .expect("filters button")
        .click()
        .await
        .expect("open filters");
    let language = facet_values(client, "language")
        .await
        .into_iter()
        .find(|(_, c)| *c > 0 && *c < all)
        .expect("a language narrowing the list");
    // Scrolled to the middle of the screen, as a thumb does: the sticky button covers the
    // panel's last line.
    let tick = checkbox(client, "language", &language.0).await;
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&tick).expect("element")],
        )
        .await
        .expect("scroll");
    tick.click().await.expect("tick");
    wait_js(
        client,
        "location.search.includes('language=') && window.__sahelSettled()",
        "language ticked",
    )
    .await;
    let button = client
        .find(Locator::Css("#show-results"))
        .await
        .expect("the show-results button");
    let text = button.text().await.expect("text");
    assert!(
        text.contains(&language.1.to_string()),
        "the button says how many: {text}"
    );
    button.click().await.expect("show results");
    assert_eq!(
        js(
            client,
            "return getComputedStyle(document.getElementById('sidebar')).display;"
        )
        .await,
        json!("none"),
        "the panel closes"
    );
    set_viewport(client, 1280, 900).await;
}

/// The value of `key` in a URL query string.
fn js_free_param(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| percent_decode(v))
    })
}

/// `%xx` and `+` decoded (UTF-8).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(&text[i + 1..i + 3], 16) {
                Ok(b) => {
                    out.push(b);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Issue 14: why a report is under a region. Open a document, activate its region chip from the
/// keyboard: the sentence the region was read in is marked in the text, with the place's name,
/// and scrolled into view; the chip says the sentence. In the sidebar, the regions a report only
/// mentions are folded under the event regions, and unfolding them is a keyboard control.
async fn evidence_steps(client: &Client, base: &str) {
    set_viewport(client, 1280, 900).await;
    let region = "Ménaka";
    let found = page_fetch_json(
        client,
        &format!("{base}api/search?limit=1&region=M%C3%A9naka"),
    )
    .await;
    let id = found["hits"][0]["id"]
        .as_str()
        .expect("a demo report under Ménaka")
        .to_string();
    let doc = page_fetch_json(
        client,
        &format!(
            "{base}api/doc/{}",
            id.split('/').collect::<Vec<_>>().join("/")
        ),
    )
    .await;
    let words: Vec<String> = doc["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter(|e| e["facet"] == "regions" && e["value"] == region && e["field"] == "text")
        .filter_map(|e| e["text"].as_str().map(str::to_string))
        .collect();
    assert!(
        !words.is_empty(),
        "the document says where Ménaka was read: {doc}"
    );
    client
        .goto(&format!(
            "{base}?doc={}",
            id.split('/').collect::<Vec<_>>().join("%2F")
        ))
        .await
        .expect("open the document");
    settled(client).await;
    assert_eq!(
        js(
            client,
            "return document.querySelectorAll('#doc-body mark.evidence').length;"
        )
        .await,
        json!(0),
        "nothing is marked before a chip is activated"
    );
    let chip = client
        .find(Locator::Css(
            "button.ev-chip[data-ev-facet=\"regions\"][data-ev-value=\"Ménaka\"]",
        ))
        .await
        .expect("the region chip of the document");
    let tooltip = chip.attr("title").await.expect("title").unwrap_or_default();
    assert!(
        !tooltip.is_empty(),
        "the chip's tooltip is its first sentence"
    );
    // From the keyboard: focus the chip and press Enter.
    js(
        client,
        "document.querySelector('button.ev-chip[data-ev-facet=\"regions\"][data-ev-value=\"Ménaka\"]').focus();",
    )
    .await;
    chip.send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    wait_js(
        client,
        "document.querySelectorAll('#doc-body mark.evidence').length > 0",
        "the region's sentence marked",
    )
    .await;
    let marked = js(
        client,
        "return [...document.querySelectorAll('#doc-body mark.evidence')].map(m => m.textContent);",
    )
    .await;
    let marked: Vec<String> = serde_json::from_value(marked).unwrap_or_default();
    println!("evidence of {region} in {id}: {marked:?}");
    assert!(
        marked
            .iter()
            .any(|m| words.iter().any(|w| m.contains(w.as_str()))),
        "a marked sentence holds the place read ({words:?}): {marked:?}"
    );
    assert_eq!(
        js(client, "return document.querySelector('#doc-body mark.evidence strong.evidence-words').textContent;").await,
        json!(words[0]),
        "the words read are set apart in the sentence"
    );
    assert_eq!(
        chip.attr("aria-pressed").await.expect("aria-pressed"),
        Some("true".into())
    );
    let caption = js(
        client,
        "return document.getElementById('ev-caption').textContent;",
    )
    .await;
    assert!(
        caption
            .as_str()
            .is_some_and(|c| c.contains(words[0].as_str())),
        "the caption shows the sentence: {caption}"
    );
    wait_js(
        client,
        "(() => { const r = document.querySelector('#doc-body mark.evidence').getBoundingClientRect(); \
         return r.top >= 0 && r.bottom <= innerHeight; })()",
        "the marked sentence scrolled into view",
    )
    .await;
    save_screenshot(client, "desktop-evidence.png").await;
    // Space on the active chip clears the marks.
    chip.send_keys(" ").await.expect("Space");
    wait_js(
        client,
        "document.querySelectorAll('#doc-body mark.evidence').length === 0",
        "the marks cleared",
    )
    .await;

    // The sidebar: mentioned regions folded under the regions, closed, unfolded from the keyboard.
    client.goto(base).await.expect("home");
    settled(client).await;
    let toggle = client
        .find(Locator::Css(
            ".facet-region button.fold-toggle[data-fold=\"mentioned_region\"]",
        ))
        .await
        .expect("the mentioned regions' fold under the regions");
    assert_eq!(
        toggle.attr("aria-expanded").await.expect("attr"),
        Some("false".into())
    );
    assert!(
        facet_values(client, "mentioned_region").await.is_empty(),
        "folded: no mentioned region listed"
    );
    js(
        client,
        "document.querySelector('button.fold-toggle[data-fold=\"mentioned_region\"]').focus();",
    )
    .await;
    toggle
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    wait_js(
        client,
        "document.querySelectorAll('#facets input[data-facet=\"mentioned_region\"]').length > 0",
        "mentioned regions unfolded",
    )
    .await;
    save_screenshot(client, "desktop-mentioned-regions.png").await;
    let mentioned = facet_values(client, "mentioned_region").await;
    let (value, count) = mentioned.first().cloned().expect("a mentioned region");
    checkbox(client, "mentioned_region", &value)
        .await
        .click()
        .await
        .expect("tick a mentioned region");
    wait_js(
        client,
        "location.search.includes('mentioned_region=') && window.__sahelSettled()",
        "the mentioned region filter",
    )
    .await;
    assert_eq!(total(client).await, count, "ticking it gives its count");
    assert!(
        client
            .find(Locator::Css(
                ".facet-month button.fold-toggle[data-fold=\"background_month\"]"
            ))
            .await
            .is_ok(),
        "background months folded under the months"
    );
}
