//! Web pages (`.html`, `.htm`): the article text, its title and publication date.
//!
//! The text comes from the most specific article container the page has (`itemprop=articleBody`,
//! `<article>`, `<main>`, else `<body>`), leaving out scripts, styles, navigation, header, footer,
//! asides, forms, and elements whose class or id names page furniture (share buttons, comments,
//! related links, newsletter boxes, cookie banners). Block elements become line breaks, and the
//! plain-text junk filter then trims what is left of widgets at the edges.

use scraper::{ElementRef, Html, Node, Selector};

use crate::cleanup::{is_junk_line, shorten_title, trim_junk_lines};
use crate::record::{normalize_language_code, parse_metadata_date, SourceRecord};

/// Elements whose whole subtree is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe",
    "svg", "template", "select", "input", "textarea", "menu", "dialog", "canvas", "video", "audio",
    "object", "embed", "head", "title",
];

/// Class/id fragments that mark page furniture.
const FURNITURE_MARKERS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "related",
    "newsletter",
    "subscribe",
    "cookie",
    "breadcrumb",
    "sidebar",
    "advert",
    "ads-",
    "promo",
    "popup",
    "modal",
    "navbar",
    "menu",
    "footer",
    "header",
    "widget",
    "tags",
    "author-box",
    "byline-social",
    "read-more",
    "readmore",
    "recommend",
    "most-read",
    "trending",
    "pagination",
];

/// Elements after which a line break is written.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "table",
    "blockquote",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "hr",
    "address",
    "td",
    "th",
];

/// Deeper trees are cut (pathological pages must not exhaust the stack).
const MAX_DEPTH: usize = 200;

/// Meta tags that carry the publication date, most specific first.
const DATE_META: &[(&str, &str)] = &[
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("property", "og:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "publication_date"),
    ("name", "DC.date.issued"),
    ("name", "dc.date.issued"),
    ("name", "DC.date"),
    ("name", "dc.date"),
    ("name", "dcterms.created"),
    ("name", "sailthru.date"),
    ("name", "parsely-pub-date"),
];

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

fn first_text(root: ElementRef<'_>, css: &str) -> Option<String> {
    let sel = selector(css)?;
    root.select(&sel)
        .map(|e| collapse_spaces(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a web page.
pub fn read_html(text: &str) -> SourceRecord {
    let doc = Html::parse_document(text);
    let root = article_root(&doc);

    let title = first_attr(&doc, "meta[property=\"og:title\"]", "content")
        .or_else(|| first_text(root, "h1"))
        .or_else(|| first_text(doc.root_element(), "title"))
        .or_else(|| first_text(doc.root_element(), "h1"))
        .map(|t| shorten_title(&t));

    let mut raw = String::with_capacity(text.len() / 2);
    collect_text(root, &mut raw, 0);
    let body = text_lines(&raw, title.as_deref());
    let title = title.unwrap_or_else(|| crate::cleanup::title_and_body(&body).title);

    SourceRecord {
        id: None,
        title,
        body,
        published: published_date(&doc),
        url: first_attr(&doc, "link[rel=\"canonical\"]", "href")
            .or_else(|| first_attr(&doc, "meta[property=\"og:url\"]", "content")),
        source: first_attr(&doc, "meta[property=\"og:site_name\"]", "content"),
        language: first_attr(&doc, "html", "lang")
            .and_then(|l| normalize_language_code(&l).map(str::to_string)),
        ..SourceRecord::default()
    }
}

/// The text of an HTML fragment (a feed entry's content or summary), cleaned as a page's
/// article text is: no scripts, styles or furniture, block elements as line breaks.
pub fn fragment_text(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
    let mut raw = String::with_capacity(fragment.len());
    collect_text(doc.root_element(), &mut raw, 0);
    text_lines(&raw, None)
}

/// Collected text as lines: spaces collapsed, the headline (when it repeats `title`) and the junk
/// at the edges removed, runs of blank lines kept as one paragraph break.
fn text_lines(raw: &str, title: Option<&str>) -> String {
    let mut lines: Vec<String> = raw.lines().map(collapse_spaces).collect();
    // The headline repeated at the top of the article is the title, not the start of the text.
    if let Some(title) = title {
        if let Some(first) = lines.iter().position(|l| !is_junk_line(l)) {
            if lines[first] == title {
                lines.drain(..=first);
            }
        }
    }
    let kept = trim_junk_lines(&lines);
    let mut body = String::with_capacity(raw.len());
    let mut blank = false;
    for line in kept {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if blank && !body.is_empty() {
            body.push('\n');
        }
        blank = false;
        body.push_str(line);
        body.push('\n');
    }
    body.trim().to_string()
}

/// The element holding the article: the most specific container the page marks.
fn article_root(doc: &Html) -> ElementRef<'_> {
    for css in [
        "[itemprop=\"articleBody\"]",
        "article",
        "main",
        "[role=\"main\"]",
        "body",
    ] {
        if let Some(sel) = selector(css) {
            // Several <article> elements (teasers) → the one with the most text.
            let best = doc
                .select(&sel)
                .max_by_key(|e| e.text().map(str::len).sum::<usize>());
            if let Some(e) = best {
                if e.text().any(|t| !t.trim().is_empty()) {
                    return e;
                }
            }
        }
    }
    doc.root_element()
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    if SKIPPED_ELEMENTS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    let role = el.attr("role").unwrap_or("");
    if matches!(
        role,
        "navigation" | "banner" | "contentinfo" | "complementary" | "search"
    ) {
        return true;
    }
    let marks = |v: &str| {
        let v = v.to_ascii_lowercase();
        FURNITURE_MARKERS.iter().any(|m| v.contains(m))
    };
    el.attr("class").is_some_and(marks) || el.id().is_some_and(marks)
}

fn collect_text(el: ElementRef<'_>, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if is_furniture(e) {
                    continue;
                }
                let block = BLOCK_ELEMENTS.contains(&e.name());
                if block {
                    out.push('\n');
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    collect_text(child_el, out, depth + 1);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// Publication date from meta tags, JSON-LD, or `<time datetime>`.
fn published_date(doc: &Html) -> Option<chrono::NaiveDate> {
    for (attr, value) in DATE_META {
        let css = format!("meta[{attr}=\"{value}\"]");
        if let Some(d) = first_attr(doc, &css, "content").and_then(|v| parse_metadata_date(&v)) {
            return Some(d);
        }
    }
    if let Some(sel) = selector("script[type=\"application/ld+json\"]") {
        for script in doc.select(&sel) {
            let json: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
                if let Some(d) = find_json_ld_date(&value, 0) {
                    return Some(d);
                }
            }
        }
    }
    for css in [
        "time[itemprop=\"datePublished\"]",
        "time[pubdate]",
        "time[datetime]",
    ] {
        if let Some(d) = first_attr(doc, css, "datetime").and_then(|v| parse_metadata_date(&v)) {
            return Some(d);
        }
    }
    None
}

fn find_json_ld_date(value: &serde_json::Value, depth: usize) -> Option<chrono::NaiveDate> {
    if depth > 8 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => {
            if let Some(d) = map
                .get("datePublished")
                .or_else(|| map.get("dateCreated"))
                .and_then(|v| v.as_str())
                .and_then(parse_metadata_date)
            {
                return Some(d);
            }
            map.values().find_map(|v| find_json_ld_date(v, depth + 1))
        }
        serde_json::Value::Array(items) => {
            items.iter().find_map(|v| find_json_ld_date(v, depth + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = r#"<!doctype html><html lang="fr"><head>
<title>Attaque à Léré | Journal du Mali</title>
<meta property="og:site_name" content="Journal du Mali">
<meta property="article:published_time" content="2023-09-18T08:00:00+00:00">
<link rel="canonical" href="https://example.org/lere">
<script>var tracking = "ne pas indexer";</script>
<style>.x { color: red }</style>
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav></header>
<div class="share-buttons"><a>Partager sur Facebook</a><a>Tweeter</a></div>
<article>
<h1>Attaque contre le camp militaire de Léré</h1>
<p class="meta">il y a 2 jours</p>
<p>Les FAMa ont riposté à une attaque <b>complexe</b> à Léré, région de Tombouctou.</p>
<p>Le bilan provisoire fait état de cinq morts.</p>
<aside>Lire aussi : autre chose</aside>
<div class="comments">Commentaire de Moussa : bravo</div>
</article>
<footer>© 2023 Journal du Mali</footer>
</body></html>"#;

    #[test]
    fn article_text_without_furniture() {
        let r = read_html(PAGE);
        assert_eq!(r.title, "Attaque contre le camp militaire de Léré");
        assert!(r.body.starts_with("Les FAMa"), "{:?}", r.body);
        assert!(r
            .body
            .contains("Les FAMa ont riposté à une attaque complexe à Léré"));
        assert!(r.body.contains("cinq morts"));
        for junk in [
            "tracking",
            "color",
            "Accueil",
            "Partager",
            "Tweeter",
            "Lire aussi",
            "Moussa",
            "©",
            "il y a 2 jours",
        ] {
            assert!(!r.body.contains(junk), "{junk:?} in {:?}", r.body);
        }
        assert_eq!(r.published, NaiveDate::from_ymd_opt(2023, 9, 18));
        assert_eq!(r.url.as_deref(), Some("https://example.org/lere"));
        assert_eq!(r.source.as_deref(), Some("Journal du Mali"));
        assert_eq!(r.language.as_deref(), Some("fr"));
    }

    #[test]
    fn json_ld_and_time_dates() {
        let ld = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"x","datePublished":"2024-07-30T10:00:00Z"}]}</script></head><body><p>Frappes à Tinzaouatène.</p></body></html>"#;
        assert_eq!(
            read_html(ld).published,
            NaiveDate::from_ymd_opt(2024, 7, 30)
        );
        let time = r#"<html><body><article><h1>Flash</h1><time datetime="2024-03-04">4 mars</time><p>Texte.</p></article></body></html>"#;
        assert_eq!(
            read_html(time).published,
            NaiveDate::from_ymd_opt(2024, 3, 4)
        );
        let meta = r#"<html><head><meta name="date" content="2024-01-22"></head><body><p>Texte.</p></body></html>"#;
        assert_eq!(
            read_html(meta).published,
            NaiveDate::from_ymd_opt(2024, 1, 22)
        );
    }

    #[test]
    fn fragment_text_drops_markup_and_furniture() {
        let text = fragment_text(
            "<p>Les FAMa ont <b>neutralisé</b> des terroristes près de <a href=\"/x\">Boni</a>.</p>\
             <script>track()</script><div class=\"share\">Partager</div><p>Bilan&nbsp;: 3 blessés.</p>",
        );
        assert_eq!(
            text,
            "Les FAMa ont neutralisé des terroristes près de Boni.\n\nBilan : 3 blessés."
        );
    }

    #[test]
    fn title_falls_back_to_title_tag() {
        let r = read_html("<html><head><title>Note de situation</title></head><body><p>Le texte.</p></body></html>");
        assert_eq!(r.title, "Note de situation");
        assert_eq!(r.body, "Le texte.");
    }
}
