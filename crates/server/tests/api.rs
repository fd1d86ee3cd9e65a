//! Handler tests: the router called with `oneshot` over a real index of the demo corpus and a few
//! crafted reports.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{enc, facet, get, get_json, hit_ids, router, search};
use serde_json::Value;

#[tokio::test]
async fn search_answers_the_documented_object() {
    let app = router();
    let json = search(&app, "q=attaque").await;
    for key in ["total", "took_ms", "query", "hits", "facets", "timeline"] {
        assert!(json.get(key).is_some(), "missing {key}: {json}");
    }
    assert!(json["total"].as_u64().unwrap_or(0) > 0, "{json}");
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
        assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
    }
    for key in ["region", "country", "month", "language", "actor"] {
        assert!(json["facets"][key].is_array(), "facet {key}: {json}");
    }
    assert_eq!(json["query"]["q"], "attaque");
}

#[tokio::test]
async fn q_selects_documents_and_limit_offset_page_through_them() {
    let app = router();
    let all = search(&app, "q=zorglub").await;
    assert_eq!(all["total"], 3, "{all}");
    let mut ids = hit_ids(&all);
    ids.sort();
    assert_eq!(ids, ["crafted-1", "crafted-2", "crafted-3"]);

    let first = search(&app, "q=zorglub&limit=2").await;
    let second = search(&app, "q=zorglub&limit=2&offset=2").await;
    assert_eq!(first["total"], 3);
    assert_eq!(hit_ids(&first).len(), 2);
    assert_eq!(hit_ids(&second).len(), 1);
    let mut paged: Vec<String> = hit_ids(&first)
        .into_iter()
        .chain(hit_ids(&second))
        .collect();
    paged.sort();
    assert_eq!(paged, ids, "pages must partition the results");

    let counts_only = search(&app, "q=zorglub&limit=0").await;
    assert_eq!(counts_only["total"], 3);
    assert!(hit_ids(&counts_only).is_empty());

    let default_page = search(&app, "").await;
    assert!(hit_ids(&default_page).len() <= 20);
    let big_page = search(&app, "limit=100").await;
    assert!(hit_ids(&big_page).len() <= 100);
    assert!(hit_ids(&big_page).len() >= hit_ids(&default_page).len());
}

#[tokio::test]
async fn sort_orders_by_date_both_ways() {
    let app = router();
    let newest = search(&app, "q=zorglub&sort=date_desc").await;
    assert_eq!(hit_ids(&newest), ["crafted-3", "crafted-2", "crafted-1"]);
    let oldest = search(&app, "q=zorglub&sort=date_asc").await;
    assert_eq!(hit_ids(&oldest), ["crafted-1", "crafted-2", "crafted-3"]);
    let relevance = search(&app, "q=zorglub&sort=relevance").await;
    assert_eq!(relevance["total"], 3);
}

#[tokio::test]
async fn empty_query_with_a_filter_browses_newest_first() {
    let app = router();
    let json = search(&app, "lang=fr&limit=100").await;
    assert!(json["total"].as_u64().unwrap_or(0) > 3, "{json}");
    let dates: Vec<String> = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["published"].as_str().map(str::to_string))
        .collect();
    assert!(dates.len() > 3);
    // Browsing sorts by event date, else publication date; publication dates follow closely,
    // so compare months only.
    let months: Vec<&str> = dates.iter().map(|d| &d[..7]).collect();
    let mut sorted = months.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    let in_order = months.windows(2).filter(|w| w[0] >= w[1]).count();
    assert!(
        in_order * 10 >= (months.len() - 1) * 8,
        "browse should list newest first: {months:?}"
    );
}

#[tokio::test]
async fn lang_filter_keeps_only_that_language() {
    let app = router();
    for lang in ["fr", "en"] {
        let json = search(&app, &format!("lang={lang}&limit=100")).await;
        assert!(json["total"].as_u64().unwrap_or(0) > 0, "no {lang} docs");
        for hit in json["hits"].as_array().expect("hits") {
            assert_eq!(hit["language"], lang, "{hit}");
        }
    }
    let both = search(&app, "lang=fr&lang=en&limit=0").await;
    let fr = search(&app, "lang=fr&limit=0").await;
    let en = search(&app, "lang=en&limit=0").await;
    assert_eq!(
        both["total"].as_u64(),
        Some(fr["total"].as_u64().unwrap_or(0) + en["total"].as_u64().unwrap_or(0)),
        "OR within a facet"
    );
}

/// Each facet filter keeps only documents carrying one of the selected values, OR within the
/// facet, AND across facets; names match without regard to case or accents.
#[tokio::test]
async fn facet_filters_select_documents_with_the_value() {
    let app = router();
    let everything = search(&app, "limit=0").await;
    let facets_json = get_json(&app, "/api/facets").await.1;
    for (param, facet_name, field) in [
        ("region", "region", "regions"),
        ("country", "country", "countries"),
        ("actor", "actor", "actors"),
    ] {
        let values = facet(&everything, facet_name);
        assert!(!values.is_empty(), "no {facet_name} values in the index");
        let (value, count) = values[0].clone();
        let json = search(&app, &format!("{param}={}&limit=100", enc(&value))).await;
        // A name may resolve to several index values (a former region to its successors).
        let resolved: Vec<String> = json["query"]["filters"][param]
            .as_array()
            .expect("resolved filter")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert!(resolved.contains(&value), "{param}={value}: {resolved:?}");
        let total = json["total"].as_u64().unwrap_or(0);
        if resolved.len() == 1 {
            assert_eq!(total, count, "{param}={value}");
        } else {
            assert!(total >= count, "{param}={value}");
        }
        for hit in json["hits"].as_array().expect("hits") {
            let listed: Vec<&str> = hit[field]
                .as_array()
                .expect("list")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            assert!(
                resolved.iter().any(|r| listed.contains(&r.as_str())),
                "{param}={value}: {hit}"
            );
        }
        // Case and accents ignored.
        let upper = value.to_uppercase();
        let loud = search(&app, &format!("{param}={}&limit=0", enc(&upper))).await;
        assert_eq!(loud["total"].as_u64(), Some(total), "{param}={upper}");
        assert!(facet(&facets_json, facet_name)
            .iter()
            .any(|(v, _)| *v == value));
    }
    let locality = search(&app, "q=zorglub&locality=Gao").await;
    assert!(
        hit_ids(&locality).iter().all(|id| id != "crafted-3"),
        "a report without Gao is not in locality=Gao: {locality}"
    );
}

#[tokio::test]
async fn accents_do_not_matter_in_filters() {
    let app = router();
    let plain = search(&app, "region=Tombouctou&limit=0").await;
    let accented = search(&app, &format!("region={}&limit=0", enc("TOMBOUCTOU"))).await;
    assert_eq!(plain["total"], accented["total"]);
    let menaka = search(&app, &format!("region={}&limit=0", enc("Ménaka"))).await;
    let menaka_plain = search(&app, "region=menaka&limit=0").await;
    assert_eq!(menaka["total"], menaka_plain["total"]);
}

#[tokio::test]
async fn month_and_date_range_filters() {
    let app = router();
    let january = search(&app, "q=zorglub&month=2021-01").await;
    assert_eq!(hit_ids(&january), ["crafted-1"]);
    let both = search(&app, "q=zorglub&month=2021-01&month=2021-04").await;
    assert_eq!(both["total"], 3);
    let april = search(&app, "q=zorglub&from=2021-04-01&to=2021-04-21").await;
    assert_eq!(hit_ids(&april), ["crafted-2"]);
    let from_only = search(&app, "q=zorglub&from=2021-04-21").await;
    assert_eq!(hit_ids(&from_only), ["crafted-3"]);
    let to_only = search(&app, "q=zorglub&to=2021-01-15").await;
    assert_eq!(hit_ids(&to_only), ["crafted-1"], "`to` is inclusive");
}

/// Ticking a region leaves the region counts as they were (each says how many results it would
/// add), while the other facets count only the selection.
#[tokio::test]
async fn facet_counts_are_disjunctive() {
    let app = router();
    let base = search(&app, "limit=0").await;
    let regions = facet(&base, "region");
    // Regions whose name selects only themselves (not a former region with successors).
    let mut plain = Vec::new();
    for (value, count) in &regions {
        let json = search(&app, &format!("region={}&limit=0", enc(value))).await;
        if json["query"]["filters"]["region"].as_array().map(Vec::len) == Some(1) {
            plain.push((value.clone(), *count));
        }
        if plain.len() == 2 {
            break;
        }
    }
    assert!(plain.len() >= 2, "need two plain regions: {regions:?}");
    let (first, first_count) = plain[0].clone();
    let (second, second_count) = plain[1].clone();

    let one = search(&app, &format!("region={}&limit=0", enc(&first))).await;
    assert_eq!(one["total"].as_u64(), Some(first_count));
    assert_eq!(
        facet(&one, "region"),
        regions,
        "region counts ignore the region selection"
    );
    // Countries are the same facet as their regions (regions are listed under them).
    assert_eq!(
        facet(&one, "country"),
        facet(&base, "country"),
        "country counts ignore the region selection too"
    );
    let months_in_selection: u64 = facet(&one, "month").iter().map(|(_, c)| c).sum();
    let months_overall: u64 = facet(&base, "month").iter().map(|(_, c)| c).sum();
    assert!(
        months_in_selection < months_overall,
        "other facets count within the selection"
    );

    let two = search(
        &app,
        &format!("region={}&region={}&limit=0", enc(&first), enc(&second)),
    )
    .await;
    let total = two["total"].as_u64().unwrap_or(0);
    assert!(total >= first_count.max(second_count) && total <= first_count + second_count);
    assert_eq!(facet(&two, "region"), regions);

    // AND across facets: language counts under a region selection, and the region counts under
    // a language selection, both exclude the other facet's unselected documents.
    let lang = facet(&one, "language");
    let (lang_value, lang_count) = lang[0].clone();
    let both = search(
        &app,
        &format!("region={}&lang={}&limit=0", enc(&first), enc(&lang_value)),
    )
    .await;
    assert_eq!(both["total"].as_u64(), Some(lang_count));
    assert_eq!(
        facet(&both, "language"),
        lang,
        "language counts ignore lang"
    );
}

#[tokio::test]
async fn timeline_lists_every_month_with_zeros() {
    let app = router();
    let json = search(&app, "q=zorglub").await;
    let timeline: Vec<(String, u64)> = json["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| {
            (
                e["month"].as_str().expect("month").to_string(),
                e["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(
        timeline,
        [
            ("2021-01".to_string(), 1),
            ("2021-02".to_string(), 0),
            ("2021-03".to_string(), 0),
            ("2021-04".to_string(), 2)
        ]
    );
    // Over the whole index too: consecutive months, no gaps.
    let all = search(&app, "limit=0").await;
    let months: Vec<String> = all["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| e["month"].as_str().expect("month").to_string())
        .collect();
    for pair in months.windows(2) {
        assert_eq!(next_month(&pair[0]), pair[1], "gap in {months:?}");
    }
}

fn next_month(month: &str) -> String {
    let (year, m) = month.split_once('-').expect("YYYY-MM");
    let (year, m): (i32, u32) = (year.parse().expect("year"), m.parse().expect("month"));
    if m == 12 {
        format!("{}-01", year + 1)
    } else {
        format!("{year}-{:02}", m + 1)
    }
}

#[tokio::test]
async fn snippets_escape_markup_and_mark_matches() {
    let app = router();
    let json = search(&app, "q=zorglub&month=2021-04&limit=10").await;
    let hit = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .find(|hit| hit["id"] == "crafted-3")
        .cloned()
        .unwrap_or_else(|| panic!("crafted-3 missing: {json}"));
    let snippet = hit["snippet"].as_str().expect("snippet");
    assert!(!snippet.contains("<script"), "unescaped markup: {snippet}");
    assert!(!snippet.contains("<b>"), "unescaped markup: {snippet}");
    assert!(snippet.contains("&lt;script&gt;"), "{snippet}");
    assert!(snippet.contains("<mark>zorglub</mark>"), "{snippet}");
    // Only <mark> tags remain once the escaped text is taken out.
    let tags: BTreeSet<&str> = snippet
        .match_indices('<')
        .map(|(i, _)| &snippet[i..snippet[i..].find('>').map_or(snippet.len(), |j| i + j + 1)])
        .collect();
    assert!(
        tags.iter().all(|t| *t == "<mark>" || *t == "</mark>"),
        "{tags:?}"
    );
}

#[tokio::test]
async fn stemmed_variants_are_highlighted() {
    let app = router();
    let json = search(&app, "q=frappe").await;
    assert!(json["total"].as_u64().unwrap_or(0) > 0, "{json}");
    let marked = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["snippet"].as_str())
        .any(|s| s.to_lowercase().contains("<mark>frappes</mark>"));
    assert!(marked, "`frappes` should be marked for `frappe`: {json}");
}

async fn assert_error(app: &axum::Router, uri: &str, status: StatusCode, needle: &str) {
    let (got, json) = get_json(app, uri).await;
    assert_eq!(got, status, "{uri}: {json}");
    let message = json["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{uri}: no error message: {json}"));
    assert!(
        message.contains(needle),
        "{uri}: {message:?} should mention {needle:?}"
    );
    assert_eq!(json.as_object().map(|o| o.len()), Some(1), "{json}");
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_message() {
    let app = router();
    let bad = StatusCode::BAD_REQUEST;
    assert_error(&app, "/api/search?month=2024-13", bad, "2024-13").await;
    assert_error(&app, "/api/search?month=March", bad, "March").await;
    assert_error(&app, "/api/search?month=2024-3", bad, "2024-3").await;
    assert_error(&app, "/api/search?limit=100000", bad, "100000").await;
    assert_error(&app, "/api/search?limit=-1", bad, "limit").await;
    assert_error(&app, "/api/search?limit=ten", bad, "ten").await;
    assert_error(&app, "/api/search?offset=99999999", bad, "offset").await;
    assert_error(&app, "/api/search?colour=red", bad, "colour").await;
    assert_error(&app, "/api/search?q=a&Q=b", bad, "Q").await;
    assert_error(&app, "/api/search?from=2024-02-30", bad, "2024-02-30").await;
    assert_error(&app, "/api/search?to=yesterday", bad, "yesterday").await;
    assert_error(
        &app,
        "/api/search?from=2024-05-01&to=2024-04-01",
        bad,
        "2024-05-01",
    )
    .await;
    assert_error(&app, "/api/search?sort=popular", bad, "popular").await;
    assert_error(&app, "/api/search?q=a&q=b", bad, "q").await;
    assert_error(&app, "/api/export?format=xlsx", bad, "xlsx").await;
    assert_error(&app, "/api/export?colour=red", bad, "colour").await;
}

#[tokio::test]
async fn unknown_documents_and_routes_are_404() {
    let app = router();
    let not_found = StatusCode::NOT_FOUND;
    assert_error(
        &app,
        "/api/doc/nope/missing.txt",
        not_found,
        "nope/missing.txt",
    )
    .await;
    assert_error(&app, "/api/doc/%3Cscript%3E", not_found, "<script>").await;
    assert_error(&app, "/api/nothing-here", not_found, "/api/nothing-here").await;
    assert_error(&app, "/api/", not_found, "/api/").await;
    let (status, _, _) = get(&app, "/no-such-file.js").await;
    assert_eq!(status, not_found);
}

#[tokio::test]
async fn other_methods_are_405_json() {
    let app = router();
    let (status, headers, body) = common::request(
        &app,
        Request::post("/api/search")
            .body(Body::from("q=x"))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        headers.get(header::ALLOW).map(|v| v.as_bytes()),
        Some(&b"GET, HEAD"[..])
    );
    let json: Value = serde_json::from_slice(&body).expect("json");
    assert!(json["error"].as_str().unwrap_or_default().contains("POST"));
}

#[tokio::test]
async fn doc_returns_the_whole_document_with_a_slashed_id() {
    let app = router();
    let (status, json) = get_json(&app, "/api/doc/crafted-2").await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["id"], "crafted-2");
    assert!(json["body"]
        .as_str()
        .unwrap_or_default()
        .contains("Bilan inconnu"));
    assert_eq!(json["published"], "2021-04-20");
    // Its copy (same words, another record) is listed, and shows the words it does not store.
    assert_eq!(json["duplicates"][0]["id"], "crafted-4", "{json}");
    let (status, copy) = get_json(&app, "/api/doc/crafted-4").await;
    assert_eq!(status, StatusCode::OK, "{copy}");
    assert_eq!(copy["duplicate_of"], "crafted-2", "{copy}");
    assert_eq!(copy["title"], "Copie : Zorglub à Tombouctou", "{copy}");
    assert_eq!(copy["published"], "2021-04-21", "{copy}");
    assert_eq!(copy["source"], "Autre", "{copy}");
    assert_eq!(copy["body"], json["body"], "{copy}");

    // Demo files have ids with slashes; take one from a search and fetch it back.
    let found = search(&app, "q=Kidal&limit=100").await;
    let slashed = hit_ids(&found)
        .into_iter()
        .find(|id| id.contains('/'))
        .unwrap_or_else(|| panic!("no slashed id among {found}"));
    // Path segments: spaces are %20, not `+`.
    let encoded: Vec<String> = slashed
        .split('/')
        .map(|segment| enc(segment).replace('+', "%20"))
        .collect();
    let (status, doc) = get_json(&app, &format!("/api/doc/{}", encoded.join("/"))).await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    assert_eq!(doc["id"].as_str(), Some(slashed.as_str()));
    assert!(
        !doc["body"].as_str().unwrap_or_default().is_empty(),
        "{doc}"
    );
    assert!(doc["duplicates"].is_array());
    // Facets come back from the columns and the stored extraction; the document's coordinates
    // are those of its first event place that has some.
    let first_event = doc["extraction"]["places"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["role"] == "event" && p["lat"].is_number())
        .unwrap_or_else(|| panic!("no event place with coordinates in {doc}"));
    assert_eq!(doc["lat"], first_event["lat"], "{doc}");
    assert_eq!(doc["lon"], first_event["lon"], "{doc}");
    let region = first_event["region"].as_str().unwrap_or_default();
    assert!(
        doc["regions"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r == region),
        "{doc}"
    );
    assert!(
        doc["places"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p.as_str().unwrap_or_default().contains(region)),
        "{doc}"
    );
    assert_eq!(doc["extraction"]["id"], doc["id"], "{doc}");
    assert_eq!(doc["extraction"]["regions"], doc["regions"], "{doc}");
}

#[tokio::test]
async fn facets_stats_and_health() {
    let app = router();
    let (status, facets) = get_json(&app, "/api/facets").await;
    assert_eq!(status, StatusCode::OK);
    let total = facets["total"].as_u64().unwrap_or(0);
    assert!(total > 40, "{facets}");
    assert!(!facet(&facets, "region").is_empty());
    assert!(!facet(&facets, "language").is_empty());

    let (status, stats) = get_json(&app, "/api/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["documents"].as_u64(), Some(total), "{stats}");
    assert!(stats["index_bytes"].as_u64().unwrap_or(0) > 1000, "{stats}");
    assert!(stats["last_commit"].is_string(), "{stats}");

    let (status, health) = get_json(&app, "/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["status"], "ok");
}

#[tokio::test]
async fn export_gives_every_result_with_facets() {
    let app = router();
    let (status, headers, body) = get(&app, "/api/export?format=csv&q=zorglub&sort=date_asc").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(
        headers.get("x-sahel-total").map(|v| v.as_bytes()),
        Some(&b"3"[..])
    );
    assert_eq!(
        headers.get("x-sahel-truncated").map(|v| v.as_bytes()),
        Some(&b"false"[..])
    );
    // A byte-order mark first, so that spreadsheet programs read the accents as UTF-8.
    let text = String::from_utf8(body).expect("utf-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,title,published,event_dates,language,regions,countries,localities,actors,months,sources,mentioned_regions,background_months,duplicates,source,url")
    );
    let ids: Vec<&str> = lines
        .map(|l| l.split(',').next().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["crafted-1", "crafted-2", "crafted-3"]);

    // All results, not a page: more than the 20 of a default page, as many as the search total.
    let (status, json) = get_json(&app, "/api/export?format=json&lang=fr").await;
    assert_eq!(status, StatusCode::OK);
    let rows = json.as_array().expect("array");
    let total = search(&app, "lang=fr&limit=0").await["total"]
        .as_u64()
        .unwrap_or(0);
    assert!(total > 20, "need more than a page of French reports");
    assert_eq!(rows.len() as u64, total);
    for row in rows {
        assert_eq!(row["language"], "fr");
        assert!(
            row["regions"].is_array() && row["actors"].is_array(),
            "{row}"
        );
    }
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let app = router();
    let (status, json) = get_json(&app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(json["openapi"]
        .as_str()
        .unwrap_or_default()
        .starts_with("3."));
    let paths: BTreeSet<&str> = json["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    for path in [
        "/api/search",
        "/api/export",
        "/api/doc/{id}",
        "/api/facets",
        "/api/dimensions",
        "/api/stats",
        "/api/health",
        "/api/openapi.json",
        "/feed.atom",
    ] {
        assert!(paths.contains(path), "{path} missing from {paths:?}");
    }
    let params: BTreeSet<&str> = json["paths"]["/api/search"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "q",
        "region",
        "country",
        "locality",
        "actor",
        "language",
        "month",
        "source",
        "mentioned_region",
        "background_month",
        "from",
        "to",
        "sort",
        "limit",
        "offset",
        "translate",
    ]
    .into_iter()
    .collect();
    assert_eq!(params, expected);
}

/// Real responses validated against the OpenAPI description: every key is documented and every
/// required key is present, recursively, so the description cannot drift from the types.
#[tokio::test]
async fn responses_match_the_openapi_schemas() {
    let app = router();
    let spec = get_json(&app, "/api/openapi.json").await.1;
    let search_json = search(&app, "q=attaque%20Gao&limit=5").await;
    let corrected = search(&app, "q=attaqeu").await;
    let (_, doc) = get_json(&app, "/api/doc/crafted-1").await;
    let (_, facets) = get_json(&app, "/api/facets").await;
    let (_, stats) = get_json(&app, "/api/stats").await;
    let (_, dimensions) = get_json(&app, "/api/dimensions").await;
    let (_, export) = get_json(&app, "/api/export?format=json&q=zorglub").await;
    let (_, error) = get_json(&app, "/api/search?limit=1000").await;
    for (value, path) in [
        (&search_json, "/api/search"),
        (&corrected, "/api/search"),
        (&doc, "/api/doc/{id}"),
        (&facets, "/api/facets"),
        (&stats, "/api/stats"),
        (&dimensions, "/api/dimensions"),
        (&export, "/api/export"),
    ] {
        let schema = &spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"];
        assert!(schema.is_object(), "no schema for {path}");
        check_against_schema(&spec, schema, value, path);
    }
    let error_schema = &spec["paths"]["/api/search"]["get"]["responses"]["400"]["content"]
        ["application/json"]["schema"];
    check_against_schema(&spec, error_schema, &error, "error");
}

fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            resolve(spec, &spec["components"]["schemas"][name])
        }
        None => schema,
    }
}

/// A schema with its `allOf` parts (a type with a flattened part, such as a hit and its facet
/// values) made one object schema: the properties and required keys of every part.
fn merge_all_of(spec: &Value, schema: &Value) -> Value {
    let schema = resolve(spec, schema);
    let Some(parts) = schema["allOf"].as_array() else {
        return schema.clone();
    };
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for part in parts {
        let part = merge_all_of(spec, part);
        assert!(
            part["type"] == "object" || part["properties"].is_object(),
            "allOf part that is no object: {part}"
        );
        if let Some(props) = part["properties"].as_object() {
            properties.extend(props.clone());
        }
        required.extend(part["required"].as_array().cloned().unwrap_or_default());
    }
    serde_json::json!({"type": "object", "properties": properties, "required": required})
}

fn check_against_schema(spec: &Value, schema: &Value, value: &Value, at: &str) {
    let merged = merge_all_of(spec, schema);
    let schema = &merged;
    if let Some(variants) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        // Nullable fields: `oneOf: [null, T]`; the value must fit one variant.
        if value.is_null() {
            return;
        }
        let fitting = variants
            .iter()
            .find(|v| resolve(spec, v)["type"] != "null")
            .unwrap_or_else(|| panic!("{at}: no non-null variant"));
        return check_against_schema(spec, fitting, value, at);
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if value.is_null() {
        assert!(
            types.is_empty() || types.contains(&"null"),
            "{at}: null where {types:?}"
        );
        return;
    }
    match value {
        Value::Object(map) => {
            if types.is_empty() && schema.get("properties").is_none() {
                return; // free-form object
            }
            assert!(types.contains(&"object"), "{at}: object where {types:?}");
            let properties = schema["properties"].as_object();
            if let Some(properties) = properties {
                for (key, item) in map {
                    let property = properties
                        .get(key)
                        .unwrap_or_else(|| panic!("{at}.{key}: not in the description"));
                    check_against_schema(spec, property, item, &format!("{at}.{key}"));
                }
            }
            for required in schema["required"].as_array().into_iter().flatten() {
                let key = required.as_str().unwrap_or_default();
                assert!(map.contains_key(key), "{at}: required {key} missing");
            }
        }
        Value::Array(items) => {
            assert!(types.contains(&"array"), "{at}: array where {types:?}");
            for (i, item) in items.iter().enumerate() {
                check_against_schema(spec, &schema["items"], item, &format!("{at}[{i}]"));
            }
        }
        Value::String(_) => assert!(types.contains(&"string"), "{at}: string where {types:?}"),
        Value::Bool(_) => assert!(types.contains(&"boolean"), "{at}: bool where {types:?}"),
        Value::Number(n) => {
            let ok = types.contains(&"number") || (types.contains(&"integer") && n.is_u64());
            assert!(ok, "{at}: number {n} where {types:?}");
        }
        Value::Null => {}
    }
}

/// The page reads the facet dimensions from the server: every dimension of the table, in its
/// order, with what the page needs, and the region → country table it groups regions with.
#[tokio::test]
async fn dimensions_describe_every_facet_and_group_regions_by_country() {
    let app = router();
    let (status, json) = get_json(&app, "/api/dimensions").await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = json["facets"]
        .as_array()
        .expect("facets")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "region",
            "country",
            "locality",
            "actor",
            "language",
            "month",
            "source",
            "mentioned_region",
            "background_month"
        ]
    );
    // What the page only mentions is folded under the events' facet.
    assert_eq!(json["facets"][7]["folded_under"], "region");
    assert_eq!(json["facets"][8]["folded_under"], "month");
    assert_eq!(json["facets"][0]["folded_under"], serde_json::Value::Null);
    // The regions with their former names and capitals (the page names `Kuilsé (ex-Centre-Nord)`
    // and draws the capitals on its map).
    let kuilse = json["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .find(|r| r["name"] == "Kuilsé")
        .expect("Kuilsé");
    assert_eq!(kuilse["country"], "Burkina Faso");
    assert_eq!(kuilse["former"], serde_json::json!(["Centre-Nord"]));
    assert!(kuilse["lat"]
        .as_f64()
        .is_some_and(|lat| lat > 12.0 && lat < 14.0));
    let gao = json["regions"]
        .as_array()
        .expect("regions")
        .iter()
        .find(|r| r["name"] == "Gao")
        .expect("Gao");
    assert_eq!(gao["former"], serde_json::json!([]), "Gao kept its name");
    assert!(
        !json["regions"]
            .as_array()
            .expect("regions")
            .iter()
            .any(|r| r["name"] == "Centre-Nord"),
        "a former region is not a region of today"
    );
    let language = &json["facets"][4];
    assert_eq!(language["aliases"], serde_json::json!(["lang"]));
    assert_eq!(language["label_fr"], "Langue");
    assert_eq!(json["facets"][0]["grouped_under"], "country");
    assert_eq!(json["facets"][5]["kind"], "months");
    let regions = &json["groups"]["region"];
    for (region, country) in [
        ("Gao", "Mali"),
        ("Ménaka", "Mali"),
        ("Liptako", "Burkina Faso"),
        ("Sahel", "Burkina Faso"),
        ("Tillabéri", "Niger"),
    ] {
        assert_eq!(regions[region], country, "{region}");
    }
    // Every facet the search answers count is described, with its key.
    let counted = search(&app, "limit=0").await;
    for key in counted["facets"].as_object().expect("facets").keys() {
        assert!(names.contains(&key.as_str()), "{key}");
    }
}

#[tokio::test]
async fn web_ui_is_served_at_the_root() {
    let app = router();
    let (status, headers, body) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("text/html; charset=utf-8")
    );
    assert!(String::from_utf8_lossy(&body)
        .to_lowercase()
        .contains("<html"));
    let (status, _, _) = get(&app, "/../Cargo.toml").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = router();
    for encoding in ["gzip", "br", "zstd"] {
        let (status, headers, _) = common::request(
            &app,
            Request::get("/api/search?q=attaque")
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            headers.get(header::CONTENT_ENCODING).map(|v| v.as_bytes()),
            Some(encoding.as_bytes())
        );
    }
    // A browser accepting them all gets zstd, the cheapest to produce, and the same answer as
    // uncompressed (took_ms aside).
    let (status, headers, body) = common::request(
        &app,
        Request::get("/api/search?q=attaque")
            .header(header::ACCEPT_ENCODING, "gzip, deflate, br, zstd")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get(header::CONTENT_ENCODING).map(|v| v.as_bytes()),
        Some(&b"zstd"[..])
    );
    assert_eq!(
        headers.get(header::VARY).map(|v| v.as_bytes()),
        Some(&b"accept-encoding"[..])
    );
    let decoded = zstd::stream::decode_all(&body[..]).expect("a zstd stream");
    let mut compressed: Value = serde_json::from_slice(&decoded).expect("JSON");
    let mut plain = search(&app, "q=attaque").await;
    compressed["took_ms"] = Value::Null;
    plain["took_ms"] = Value::Null;
    assert_eq!(compressed, plain);
    // zstd refused, gzip preferred: the compression layer's gzip.
    let (_, headers, _) = common::request(
        &app,
        Request::get("/api/search?q=attaque")
            .header(header::ACCEPT_ENCODING, "zstd;q=0, gzip")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    // Answers under a kilobyte are sent as they are.
    for path in ["/api/search?q=zzqxwvnothing&limit=0", "/api/health"] {
        let (status, headers, body) = common::request(
            &app,
            Request::get(path)
                .header(header::ACCEPT_ENCODING, "gzip, br, zstd")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.len() < 1024, "{path}: {} bytes", body.len());
        assert!(headers.get(header::CONTENT_ENCODING).is_none(), "{path}");
        serde_json::from_slice::<Value>(&body).expect("plain JSON");
    }
}

#[tokio::test]
async fn a_search_over_the_time_limit_is_a_json_503() {
    let shared = common::shared();
    let searcher = std::sync::Arc::clone(&shared.state.searcher);
    let state = sahel_server::AppState::new(searcher, sahel_server::WebAssets::Embedded)
        .with_search_timeout(std::time::Duration::ZERO);
    let app = sahel_server::app(std::sync::Arc::new(state));
    let (status, json) = get_json(&app, "/api/search?q=attaque").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{json}");
    assert!(json["error"]
        .as_str()
        .unwrap_or_default()
        .contains("longer"));
}

#[tokio::test]
async fn repeated_and_encoded_parameters_are_decoded() {
    let app = router();
    // `+` and %20 are spaces; UTF-8 percent-encoding is decoded.
    let plus = search(&app, "q=attaque+Gao&limit=0").await;
    let percent = search(&app, "q=attaque%20Gao&limit=0").await;
    assert_eq!(plus["total"], percent["total"]);
    assert_eq!(plus["query"]["q"], "attaque Gao");
    // Blank list values are ignored rather than matching nothing.
    let blank = search(&app, "q=zorglub&region=").await;
    assert_eq!(blank["total"], 3);
    let counts: BTreeMap<String, u64> = facet(&blank, "region").into_iter().collect();
    assert!(counts.contains_key("Gao"), "{counts:?}");
}

#[tokio::test]
async fn searches_beyond_the_concurrency_limit_wait_their_turn() {
    let shared = common::shared();
    let searcher = std::sync::Arc::clone(&shared.state.searcher);
    // Zero is taken as one: every search still runs, one after the other.
    let state = sahel_server::AppState::new(searcher, sahel_server::WebAssets::Embedded)
        .with_concurrent_searches(0);
    let app = sahel_server::app(std::sync::Arc::new(state));
    let requests = (0..8).map(|i| {
        let app = app.clone();
        async move { search(&app, &format!("q=attaque&offset={i}")).await }
    });
    let answers = futures_join_all(requests).await;
    assert_eq!(answers.len(), 8);
    for answer in &answers {
        assert_eq!(answer["total"], answers[0]["total"]);
    }
}

/// Runs futures concurrently on the test's runtime and collects their outputs in order.
async fn futures_join_all<F: std::future::Future + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("task"));
    }
    out
}

/// `/feed.atom` takes the parameters of `/api/search` and gives the same reports, newest first,
/// as an Atom feed a real feed parser reads: titles, links to the page's reading view, dates,
/// snippets, regions and actors as categories.
#[tokio::test]
async fn feed_gives_the_search_as_atom_newest_first() {
    let app = router();
    let (status, headers, body) = get(&app, "/feed.atom?q=zorglub").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/atom+xml; charset=utf-8")
    );
    let feed = feed_rs::parser::parse(body.as_slice()).expect("a feed feed-rs reads");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert!(feed.title.expect("title").content.contains("zorglub"));
    let expected = hit_ids(&search(&app, "q=zorglub&sort=date_desc").await);
    let links: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.links.first().expect("entry link").href.clone())
        .collect();
    let ids: Vec<String> = links
        .iter()
        .map(|link| {
            let query = link.split_once('?').expect("a query").1;
            form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == "doc")
                .map(|(_, v)| v.into_owned())
                .expect("doc=")
        })
        .collect();
    assert_eq!(ids, expected, "the search's reports, newest first");
    assert_eq!(ids, ["crafted-3", "crafted-2", "crafted-1"]);
    let technical = &feed.entries[0];
    assert_eq!(
        technical.published.map(|d| d.to_rfc3339()),
        Some("2021-04-22T00:00:00+00:00".to_string())
    );
    // The markup of the report comes back as text, escaped once more inside the summary.
    let summary = technical.summary.as_ref().expect("summary").content.clone();
    assert!(summary.contains("&lt;script&gt;"), "{summary}");
    let gao = &feed.entries[2];
    let terms: Vec<(&str, Option<&str>)> = gao
        .categories
        .iter()
        .map(|c| (c.term.as_str(), c.scheme.as_deref()))
        .collect();
    assert!(
        terms.contains(&("Gao", Some("urn:sahel-search:region"))),
        "{terms:?}"
    );
    // Filters apply as in a search; a bad parameter is a 400, as in a search.
    let (_, _, body) = get(&app, "/feed.atom?q=zorglub&region=Tombouctou").await;
    let feed = feed_rs::parser::parse(body.as_slice()).expect("feed");
    assert_eq!(feed.entries.len(), 1);
    let (status, _, _) = get(&app, "/feed.atom?colour=red").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// The map's data: the event localities of the results with where they are and their counts,
/// following every filter; a locality filter selects what its count says.
#[tokio::test]
async fn search_gives_the_places_of_its_results() {
    let app = router();
    let all = search(&app, "limit=0").await;
    let places = all["places"].as_array().expect("places");
    assert!(
        places.len() >= 10,
        "the demo corpus names places: {places:?}"
    );
    let located = places
        .iter()
        .filter(|p| p["lat"].as_f64().is_some() && p["lon"].as_f64().is_some())
        .count();
    assert_eq!(located, places.len(), "every demo locality is placed");
    let counts: Vec<u64> = places.iter().filter_map(|p| p["count"].as_u64()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most first: {counts:?}"
    );
    let first = &places[0];
    let name = first["name"].as_str().expect("name");
    let one = search(&app, &format!("locality={}&limit=0", enc(name))).await;
    assert_eq!(one["total"].as_u64(), first["count"].as_u64(), "{name}");

    // With a region filter, the places are those of that region's reports.
    let region = first["region"].as_str().expect("region");
    let within = search(&app, &format!("region={}&limit=0", enc(region))).await;
    let places = within["places"].as_array().expect("places");
    assert!(!places.is_empty());
    assert!(
        places.iter().all(|p| p["count"].as_u64()
            <= all["places"]
                .as_array()
                .and_then(|a| a.iter().find(|q| q["name"] == p["name"]))
                .and_then(|q| q["count"].as_u64())),
        "counts within the region never exceed the overall ones"
    );
    let total: u64 = places.iter().filter_map(|p| p["count"].as_u64()).sum();
    assert!(total >= within["total"].as_u64().unwrap_or(0) / 2);
    assert_ne!(
        within["places"], all["places"],
        "the map follows the filter"
    );
}

/// Sources are a facet and a filter: counts, and a filter that selects them whatever the case.
#[tokio::test]
async fn source_is_a_facet_and_a_filter() {
    let app = router();
    let json = search(&app, "q=zorglub&limit=0").await;
    let sources = facet(&json, "source");
    assert_eq!(
        sources,
        [("Essai".to_string(), 3)],
        "the copy (`Autre`) is hidden"
    );
    let filtered = search(&app, "q=zorglub&source=ESSAI").await;
    assert_eq!(filtered["total"], 3);
    assert_eq!(filtered["hits"][0]["sources"], serde_json::json!(["Essai"]));
    let none = search(&app, "q=zorglub&source=Autre").await;
    assert_eq!(none["total"], 0);
}

/// A query of punctuation only says so, with a 200 the page shows as it shows a search.
#[tokio::test]
async fn punctuation_only_query_says_it_has_no_words() {
    let app = router();
    let json = search(&app, &format!("q={}", enc("?!.,;:"))).await;
    assert_eq!(json["total"], 0);
    assert_eq!(json["query"]["no_words"], true);
    assert_eq!(json["query"]["browse"], false);
}

/// A report with an event in Ménaka (July 2024), a place only mentioned (where people came
/// from), and a recalled attack (August 2019, Ansongo in the Gao region); and a copy of it with
/// other spacing, which the index keeps as a duplicate without its text.
const EVIDENCE_REPORT: &str = "---\ntitle: Attaque contre un poste militaire à Inékar\npublished: 2024-07-14\nlanguage: fr\n---\nDes hommes armés ont attaqué le poste militaire d'Inékar, dans la région de Ménaka, le 12 juillet 2024. Les assaillants ont été repoussés après deux heures de combat.\n\nDes habitants venus de Tombouctou ont rejoint le camp de déplacés. En août 2019, une attaque semblable avait frappé Ansongo.\n";

/// The router over an index of the evidence report and its copy.
fn evidence_app(temp: &tempfile::TempDir) -> axum::Router {
    let reports = temp.path().join("reports");
    std::fs::create_dir_all(&reports).expect("create reports");
    std::fs::write(reports.join("a-inekar.md"), EVIDENCE_REPORT).expect("write report");
    let copy = EVIDENCE_REPORT
        .replace("Attaque contre", "Copie : attaque contre")
        .replace("Des hommes armés", "Des  hommes   armés");
    std::fs::write(reports.join("b-inekar-copy.md"), copy).expect("write copy");
    let index = temp.path().join("index");
    common::index_folders(&[reports], &index);
    let searcher = sahel_search::Searcher::open(&index).expect("open index");
    sahel_server::app(std::sync::Arc::new(sahel_server::AppState::new(
        std::sync::Arc::new(searcher),
        sahel_server::WebAssets::Embedded,
    )))
}

/// Every evidence item's offsets hold its words and its sentence in the title or body returned.
fn assert_evidence_points_at_its_words(doc: &Value) {
    let evidence = doc["evidence"].as_array().expect("evidence");
    assert!(!evidence.is_empty(), "{doc}");
    for item in evidence {
        let field = match item["field"].as_str() {
            Some("title") => doc["title"].as_str(),
            Some("text") => doc["body"].as_str(),
            other => panic!("field {other:?}"),
        }
        .expect("field text");
        let at = |key: &str| item[key].as_u64().expect("offset") as usize;
        assert_eq!(
            field.get(at("start")..at("end")),
            item["text"].as_str(),
            "{item}"
        );
        assert_eq!(
            field.get(at("sentence_start")..at("sentence_end")),
            item["sentence"].as_str(),
            "{item}"
        );
        assert!(at("sentence_start") <= at("start") && at("end") <= at("sentence_end"));
    }
}

/// The evidence items of one facet value.
fn evidence_of<'a>(doc: &'a Value, facet: &str, value: &str) -> Vec<&'a Value> {
    doc["evidence"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter(|e| e["facet"] == facet && e["value"] == value)
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn doc_evidence_points_at_the_words_of_the_stored_body() {
    let temp = tempfile::tempdir().expect("tempdir");
    let app = evidence_app(&temp);
    let (status, doc) = get_json(&app, "/api/doc/a-inekar.md").await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    assert_eq!(doc["regions"], serde_json::json!(["Ménaka"]), "{doc}");
    assert_eq!(doc["months"], serde_json::json!(["2024-07"]), "{doc}");
    assert_eq!(doc["background_months"], serde_json::json!(["2019-08"]));
    let mut mentioned: Vec<&str> = doc["mentioned_regions"]
        .as_array()
        .expect("mentioned regions")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    mentioned.sort_unstable();
    assert_eq!(mentioned, ["Gao", "Tombouctou"]);
    assert_evidence_points_at_its_words(&doc);
    // Why the report is under Ménaka: the attacked post, in the title and in the text.
    let menaka = evidence_of(&doc, "regions", "Ménaka");
    assert!(menaka.iter().any(|e| e["field"] == "text"
        && e["text"] == "Inékar"
        && e["sentence"]
            .as_str()
            .is_some_and(|s| s.starts_with("Des hommes armés ont attaqué"))));
    let july = evidence_of(&doc, "months", "2024-07");
    assert_eq!(
        july.first().map(|e| &e["text"]),
        Some(&json_str("12 juillet 2024"))
    );
    let gao = evidence_of(&doc, "mentioned_regions", "Gao");
    assert_eq!(gao.first().map(|e| &e["text"]), Some(&json_str("Ansongo")));
    let august = evidence_of(&doc, "background_months", "2019-08");
    assert!(august
        .first()
        .and_then(|e| e["sentence"].as_str())
        .is_some_and(|s| s.contains("avait frappé Ansongo")));
    assert_eq!(
        doc["extraction"]["mentioned_regions"],
        doc["mentioned_regions"]
    );
}

fn json_str(s: &str) -> Value {
    Value::String(s.to_string())
}

/// A duplicate shows its canonical document's text, spaced otherwise than its own: its evidence
/// in the text is the canonical document's, pointing at the words of the body it shows.
#[tokio::test]
async fn duplicate_evidence_points_at_the_words_of_the_body_it_shows() {
    let temp = tempfile::tempdir().expect("tempdir");
    let app = evidence_app(&temp);
    let (_, a) = get_json(&app, "/api/doc/a-inekar.md").await;
    let (_, b) = get_json(&app, "/api/doc/b-inekar-copy.md").await;
    let duplicate = if a["duplicate_of"].is_string() {
        &a
    } else {
        &b
    };
    assert!(
        duplicate["duplicate_of"].is_string(),
        "one is a copy: {a} {b}"
    );
    assert_evidence_points_at_its_words(duplicate);
    assert!(
        evidence_of(duplicate, "regions", "Ménaka")
            .iter()
            .any(|e| e["field"] == "text"),
        "{duplicate}"
    );
    assert!(evidence_of(duplicate, "regions", "Ménaka")
        .iter()
        .any(|e| e["field"] == "title"));
}

#[tokio::test]
async fn mentioned_regions_and_background_months_filter_and_count_apart_from_the_events() {
    let temp = tempfile::tempdir().expect("tempdir");
    let app = evidence_app(&temp);
    let count = |json: &Value| json["total"].as_u64().unwrap_or(0);
    let (_, json) = get_json(&app, "/api/search?mentioned_region=Tombouctou").await;
    assert_eq!(count(&json), 1, "{json}");
    assert_eq!(
        json["query"]["filters"]["mentioned_region"],
        serde_json::json!(["Tombouctou"])
    );
    // A region only mentioned is not an event region, and the other way round.
    let (_, json) = get_json(&app, "/api/search?region=Tombouctou").await;
    assert_eq!(count(&json), 0, "{json}");
    let (_, json) = get_json(&app, "/api/search?mentioned_region=M%C3%A9naka").await;
    assert_eq!(count(&json), 0, "{json}");
    // Case and accents aside, like the region filter.
    let (_, json) = get_json(&app, "/api/search?mentioned_region=tombouctou").await;
    assert_eq!(count(&json), 1, "{json}");
    let (_, json) = get_json(&app, "/api/search?background_month=2019-08").await;
    assert_eq!(count(&json), 1, "{json}");
    let (_, json) = get_json(&app, "/api/search?month=2019-08").await;
    assert_eq!(
        count(&json),
        0,
        "the timeline and the month filter hold events only: {json}"
    );
    let (_, json) = get_json(&app, "/api/search").await;
    let mut mentioned = facet(&json, "mentioned_region");
    mentioned.sort();
    assert_eq!(
        mentioned,
        [("Gao".to_string(), 1), ("Tombouctou".to_string(), 1)]
    );
    assert_eq!(
        facet(&json, "background_month"),
        [("2019-08".to_string(), 1)]
    );
    assert_eq!(facet(&json, "region"), [("Ménaka".to_string(), 1)]);
    let months: Vec<&str> = json["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|m| m["month"].as_str())
        .collect();
    assert_eq!(months, ["2024-07"], "{json}");
}
