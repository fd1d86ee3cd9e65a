//! `/feed.atom`: a search to follow in a feed reader. The same parameters as `/api/search`; the
//! matching reports newest first as an Atom 1.0 feed (RFC 4287): each entry with its title, a
//! link to its reading view in the page, its publication date, its snippet as summary, and its
//! event regions and actors as categories.

use std::collections::HashMap;
use std::fmt::Write as _;

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use sahel_search::api::{Hit, Sort};
use sahel_search::{SearchRequest, SearchResponse};

/// Entries in a feed when the request does not say (`limit`, at most 100).
pub const DEFAULT_ENTRIES: usize = 50;

/// Scheme of the category of an entry's event regions (and of its actors, below).
const REGION_SCHEME: &str = "urn:sahel-search:region";
const ACTOR_SCHEME: &str = "urn:sahel-search:actor";

/// The search a feed runs: the request's, newest first, [`DEFAULT_ENTRIES`] unless it says.
pub fn feed_request(mut request: SearchRequest) -> SearchRequest {
    request.sort = Sort::DateDesc;
    request.offset = 0;
    request.limit = Some(request.limit.unwrap_or(DEFAULT_ENTRIES));
    request
}

/// Where the page is, as the client reached the server (`Host`, and `X-Forwarded-Proto` from a
/// proxy), with a trailing slash; `http://localhost/` when the host is missing or malformed.
pub fn page_base(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    format!("{}://{host}/", if https { "https" } else { "http" })
}

/// The feed's bytes: `pairs` are the request's parameters as received (kept in the feed's own
/// and its page's links), `former` the former names of regions (`Kuilsé` → `Centre-Nord`),
/// `now` the time of an undated feed (RFC 3339).
pub fn atom(
    response: &SearchResponse,
    pairs: &[(String, String)],
    base: &str,
    former: &HashMap<String, Vec<String>>,
    now: &str,
) -> String {
    let query = encode_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let with_query = |path: &str| {
        if query.is_empty() {
            format!("{base}{path}")
        } else {
            format!("{base}{path}?{query}")
        }
    };
    let self_link = with_query("feed.atom");
    let page_link = with_query("");
    let updated = response
        .hits
        .iter()
        .filter_map(entry_date)
        .max()
        .map_or_else(|| now.to_string(), |d| timestamp(&d));
    let mut out = String::with_capacity(1024 + response.hits.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(out, "  <id>{}</id>", escape(&self_link));
    let _ = writeln!(out, "  <title>{}</title>", escape(&feed_title(pairs)));
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&self_link)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&page_link)
    );
    out.push_str("  <author><name>sahel-search</name></author>\n");
    out.push_str("  <generator>sahel-search</generator>\n");
    let q = pairs
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.as_str());
    for hit in &response.hits {
        write_entry(&mut out, hit, base, q, former, &updated);
    }
    out.push_str("</feed>\n");
    out
}

fn write_entry(
    out: &mut String,
    hit: &Hit,
    base: &str,
    q: Option<&str>,
    former: &HashMap<String, Vec<String>>,
    feed_updated: &str,
) {
    let mut params: Vec<(&str, &str)> = Vec::new();
    if let Some(q) = q.filter(|q| !q.trim().is_empty()) {
        params.push(("q", q));
    }
    params.push(("doc", &hit.id));
    let link = format!("{base}?{}", encode_pairs(params));
    let date = entry_date(hit).map(|d| timestamp(&d));
    out.push_str("  <entry>\n");
    let _ = writeln!(out, "    <id>{}</id>", escape(&link));
    let title = if hit.title.trim().is_empty() {
        &hit.id
    } else {
        &hit.title
    };
    let _ = writeln!(out, "    <title>{}</title>", escape(title));
    let _ = writeln!(
        out,
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&link)
    );
    if let Some(published) = hit.published.as_deref() {
        let _ = writeln!(out, "    <published>{}</published>", timestamp(published));
    }
    let _ = writeln!(
        out,
        "    <updated>{}</updated>",
        date.as_deref().unwrap_or(feed_updated)
    );
    if let Some(source) = hit.source.as_deref() {
        let _ = writeln!(out, "    <author><name>{}</name></author>", escape(source));
    }
    if !hit.snippet.is_empty() {
        // The snippet is HTML (escaped text, matches in <mark>): sent as escaped HTML.
        let _ = writeln!(
            out,
            "    <summary type=\"html\">{}</summary>",
            escape(&hit.snippet)
        );
    }
    for region in hit.facets.get("region").into_iter().flatten() {
        let label = match former.get(region) {
            Some(names) if !names.is_empty() => format!("{region} (ex-{})", names.join(", ex-")),
            _ => region.clone(),
        };
        let _ = writeln!(
            out,
            "    <category scheme=\"{REGION_SCHEME}\" term=\"{}\" label=\"{}\"/>",
            escape(region),
            escape(&label)
        );
    }
    for actor in hit.facets.get("actor").into_iter().flatten() {
        let _ = writeln!(
            out,
            "    <category scheme=\"{ACTOR_SCHEME}\" term=\"{}\"/>",
            escape(actor)
        );
    }
    out.push_str("  </entry>\n");
}

/// The feed's title: what is searched and the filters, as a reader lists it.
fn feed_title(pairs: &[(String, String)]) -> String {
    let q = pairs
        .iter()
        .find(|(k, v)| k == "q" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string());
    let filters: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| {
            !["q", "sort", "limit", "offset", "translate"].contains(&k.as_str())
                && !v.trim().is_empty()
        })
        .map(|(k, v)| format!("{k}={}", v.trim()))
        .collect();
    let mut title = String::from("sahel-search");
    if let Some(q) = q {
        let _ = write!(title, ": {q}");
    }
    if !filters.is_empty() {
        let _ = write!(title, " ({})", filters.join(", "));
    }
    title
}

/// The date an entry is filed under: its publication date, else its latest event date.
fn entry_date(hit: &Hit) -> Option<String> {
    hit.published
        .clone()
        .or_else(|| hit.event_dates.iter().max().cloned())
}

/// `YYYY-MM-DD` as an RFC 3339 timestamp at midnight UTC.
fn timestamp(day: &str) -> String {
    format!("{day}T00:00:00Z")
}

fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        serializer.append_pair(key, value);
    }
    serializer.finish()
}

/// Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The HTTP answer for a feed.
pub fn respond(body: String) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"c\" 'd'\u{1}\u{FFFF}é"),
            "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;é"
        );
    }

    #[test]
    fn page_base_refuses_a_malformed_host() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:7878"));
        assert_eq!(page_base(&headers), "http://127.0.0.1:7878/");
        headers.insert(header::HOST, HeaderValue::from_static("evil.org/\"><x"));
        assert_eq!(page_base(&headers), "http://localhost/");
        headers.insert(header::HOST, HeaderValue::from_static("example.org"));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(page_base(&headers), "https://example.org/");
    }
}
