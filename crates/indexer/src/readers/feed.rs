//! Saved RSS and Atom feeds (`.xml`, `.rss`, `.atom`): one document per item or entry.
//!
//! feed-rs reads the feed (RSS 0.9x, 1.0 and 2.0, Atom; CDATA, escaped and XHTML content,
//! namespaces). A document gets the entry's title, its link as URL, its content (else its
//! summary, else its title alone) cleaned as a web page's article is, the feed's title as source,
//! the entry's own `xml:lang` as language (not the feed's: a French site's feed carries English
//! items too, and detection tells them apart), and the entry's id (`guid`, Atom `id`) or, without
//! one, its link as id. A quick second pass over the XML (quick-xml) finds the line of each entry and its
//! date as written, so that warnings and skipped entries name a line of the file, and a date
//! feed-rs cannot read is tried with the same reader as the other formats' metadata (French
//! dates, `12 févr. 2024`) before it is reported. An entry repeating an earlier entry's id is
//! indexed once, with a warning. A file that is not a feed, or not well-formed XML, is skipped
//! with the reason.

use std::collections::HashMap;

use chrono::NaiveDate;
use feed_rs::model::{Entry, Feed, Text};
use quick_xml::events::Event;

use super::html::fragment_text;
use super::ParsedFile;
use crate::cleanup::title_and_body;
use crate::problem::{SkipReason, WarningKind};
use crate::record::{normalize_language_code, parse_metadata_date, SourceRecord};

/// Element names (without prefix) of an entry's publication date, most specific first.
const PUBLISHED_ELEMENTS: &[&str] = &["pubDate", "published", "date", "issued", "created"];
/// Element names of an entry's last update, the date used when it has no publication date.
const UPDATED_ELEMENTS: &[&str] = &["updated", "modified", "lastBuildDate"];

/// A feed's text, already decoded. `Err` skips the whole file.
pub fn read_feed(text: &str) -> Result<ParsedFile, SkipReason> {
    let text = text.trim_start_matches('\u{feff}');
    // The text is already UTF-8: an encoding declared in the prolog must not decode it again.
    let xml = without_declared_encoding(text);
    let outline = outline(&xml)?;
    let feed = feed_rs::parser::Builder::new()
        // No made-up ids: an entry without one is identified by its link, else by its line.
        .id_generator(|_links, _title, _uri| String::new())
        .build()
        .parse(xml.as_bytes())
        .map_err(|err| match err {
            feed_rs::parser::ParseFeedError::ParseError(
                feed_rs::parser::ParseErrorKind::NoFeedRoot,
            ) => SkipReason::NotAFeed {
                root: outline.root.clone(),
            },
            err => SkipReason::MalformedFeed(err.to_string()),
        })?;
    Ok(records_of(&feed, &outline))
}

/// The documents of a parsed feed, with the lines and dates its outline found.
fn records_of(feed: &Feed, outline: &Outline) -> ParsedFile {
    let source = feed
        .title
        .as_ref()
        .map(plain_text)
        .filter(|t| !t.is_empty());
    // The outline and feed-rs see the same entries in the same order; if they ever disagree
    // (an entry feed-rs drops), positions fall back to entry numbers and dates to feed-rs's.
    let aligned = outline.entries.len() == feed.entries.len();
    let mut parsed = ParsedFile::default();
    let mut first_line_of_id: HashMap<String, usize> = HashMap::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let found = aligned.then(|| &outline.entries[i]);
        let line = found.map_or(i + 1, |e| e.line);
        let mut record = match record_of(entry) {
            Some(record) => record,
            None => {
                parsed.bad_records.push((line, SkipReason::Empty));
                continue;
            }
        };
        record.position = Some(line);
        record.source = source.clone();
        if record.language.is_none() {
            record.language = found
                .and_then(|e| e.language.as_deref())
                .and_then(normalize_language_code)
                .map(str::to_string);
        }
        set_published(&mut record, entry, found);
        if let Some(id) = &record.id {
            if let Some(&first_line) = first_line_of_id.get(id) {
                parsed.warnings.push((
                    Some(line),
                    WarningKind::RepeatedEntry {
                        id: id.clone(),
                        first_line,
                    },
                ));
                continue;
            }
            first_line_of_id.insert(id.clone(), line);
        }
        parsed.records.push(record);
    }
    parsed
}

/// One entry's title, text, link, id and language; `None` when it has neither title nor text.
fn record_of(entry: &Entry) -> Option<SourceRecord> {
    let title = entry
        .title
        .as_ref()
        .map(plain_text)
        .filter(|t| !t.is_empty());
    let content = entry
        .content
        .as_ref()
        .and_then(|c| {
            let markup = c.content_type.subty() != "plain";
            c.body.as_deref().map(|body| cleaned(body, markup))
        })
        .filter(|t| !t.is_empty());
    let text = content.or_else(|| {
        entry
            .summary
            .as_ref()
            .map(plain_text)
            .filter(|t| !t.is_empty())
    });
    let (title, body) = match (title, text) {
        (Some(title), Some(text)) => (title, text),
        // A headline alone is still news: its title is its text.
        (Some(title), None) => (title.clone(), title),
        (None, Some(text)) => {
            let titled = title_and_body(&text);
            (titled.title, titled.body)
        }
        (None, None) => return None,
    };
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|href| !href.is_empty());
    let id = Some(entry.id.trim().to_string())
        .filter(|id| !id.is_empty())
        .or_else(|| link.clone());
    Some(SourceRecord {
        id,
        title,
        body,
        url: link,
        language: entry
            .language
            .as_deref()
            .and_then(normalize_language_code)
            .map(str::to_string),
        ..SourceRecord::default()
    })
}

/// The publication date: feed-rs's reading of `pubDate`/`published` (else `updated`), else the
/// date as written read like other metadata dates; a date neither reads is a warning.
fn set_published(record: &mut SourceRecord, entry: &Entry, found: Option<&OutlineEntry>) {
    let parsed = entry.published.or(entry.updated).map(|d| d.date_naive());
    if parsed.is_some() {
        record.published = parsed;
        return;
    }
    let Some(found) = found else { return };
    for (element, raw) in found.published.iter().chain(found.updated.iter()) {
        let read: Option<NaiveDate> = parse_metadata_date(raw);
        if read.is_some() {
            record.published = read;
            return;
        }
        record.warnings.push((
            Some(found.line),
            WarningKind::UnreadableDate {
                field: element.clone(),
                value: raw.trim().to_string(),
            },
        ));
    }
}

/// A feed text construct as plain text: HTML and XHTML markup cleaned away.
fn plain_text(text: &Text) -> String {
    cleaned(&text.content, text.content_type.subty() != "plain")
}

/// Markup (or text that carries tags anyway, as many RSS descriptions do) cleaned as a web
/// page's article; the footer blogging engines add to each entry left out.
fn cleaned(content: &str, markup: bool) -> String {
    let text = if markup || looks_like_markup(content) {
        fragment_text(content)
    } else {
        content.trim().to_string()
    };
    let lines: Vec<&str> = text.lines().collect();
    let keep = lines
        .iter()
        .rposition(|line| !line.trim().is_empty() && !is_syndication_footer(line))
        .map_or(0, |last| last + 1);
    lines[..keep].join("\n").trim().to_string()
}

fn looks_like_markup(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "<a ", "<img", "<strong", "<em>", "<b>", "<i>", "<ul", "<span",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// "The post … appeared first on …" / "L’article … est apparu en premier sur …": the line
/// WordPress appends to every entry of its feeds.
fn is_syndication_footer(line: &str) -> bool {
    let folded = sahel_text::fold(line.trim());
    (folded.starts_with("the post ") && folded.contains(" appeared first on "))
        || ((folded.starts_with("l'article ") || folded.starts_with("l\u{2019}article "))
            && folded.contains(" est apparu en premier sur "))
}

/// `<?xml version="1.0" encoding="ISO-8859-1"?>` → `<?xml version="1.0"?>`.
fn without_declared_encoding(text: &str) -> std::borrow::Cow<'_, str> {
    let start = text.trim_start();
    if !start.starts_with("<?xml") {
        return std::borrow::Cow::Borrowed(text);
    }
    let Some(end) = start.find("?>") else {
        return std::borrow::Cow::Borrowed(text);
    };
    let declaration = &start[..end];
    let Some(at) = declaration.find("encoding") else {
        return std::borrow::Cow::Borrowed(text);
    };
    let after = &declaration[at..];
    let value_end = after
        .char_indices()
        .filter(|(_, c)| *c == '"' || *c == '\'')
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap_or(after.len());
    let mut cleaned = String::with_capacity(start.len());
    cleaned.push_str(&declaration[..at]);
    cleaned.push_str(&after[value_end..]);
    cleaned.push_str(&start[end..]);
    std::borrow::Cow::Owned(cleaned)
}

/// What the second pass finds: the root element and, per entry in document order, its line and
/// its dates as written.
#[derive(Debug, Default)]
struct Outline {
    root: String,
    entries: Vec<OutlineEntry>,
}

#[derive(Debug, Default)]
struct OutlineEntry {
    /// 1-based line of the `<item>` or `<entry>` tag.
    line: usize,
    /// Its `xml:lang` (feed-rs reads only the content's).
    language: Option<String>,
    /// (element name, text) of the publication dates it carries.
    published: Vec<(String, String)>,
    updated: Vec<(String, String)>,
}

/// Walks the XML once: the root's name, and each `<item>`/`<entry>` child of the channel, feed or
/// RDF root with its line and date elements. Malformed XML is a skip reason.
fn outline(xml: &str) -> Result<Outline, SkipReason> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut lines = LineCounter::new(xml);
    let mut outline = Outline::default();
    let mut path: Vec<String> = Vec::new();
    let mut entry_depth: Option<usize> = None;
    let mut date_element: Option<(String, bool)> = None;
    let mut date_text = String::new();
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let line = lines.line_at(reader.buffer_position() as usize);
            SkipReason::MalformedFeed(format!("line {line}: {e}"))
        })?;
        let (name, empty, language) = match &event {
            Event::Start(tag) => (local_name(tag.name().as_ref()), false, xml_lang(tag)),
            Event::Empty(tag) => (local_name(tag.name().as_ref()), true, xml_lang(tag)),
            Event::Text(text) => {
                if date_element.is_some() {
                    date_text.push_str(text);
                }
                continue;
            }
            Event::CData(data) => {
                if date_element.is_some() {
                    date_text.push_str(data);
                }
                continue;
            }
            Event::GeneralRef(reference) => {
                if date_element.is_some() {
                    if let Ok(Some(c)) = reference.resolve_char_ref() {
                        date_text.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(reference)
                    {
                        date_text.push_str(s);
                    }
                }
                continue;
            }
            Event::End(_) => {
                path.pop();
                if let Some((name, published)) = date_element.take() {
                    let value = date_text.trim().to_string();
                    if let (Some(entry), false) = (outline.entries.last_mut(), value.is_empty()) {
                        if published {
                            entry.published.push((name, value));
                        } else {
                            entry.updated.push((name, value));
                        }
                    }
                }
                if entry_depth == Some(path.len()) {
                    entry_depth = None;
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if path.is_empty() && outline.root.is_empty() {
            outline.root = name.clone();
        }
        let parent = path.last().map(String::as_str);
        if entry_depth.is_none()
            && (name == "item" || name == "entry")
            && matches!(parent, Some("channel" | "feed" | "RDF"))
        {
            // The event starts at the `<` of the tag (text before it is its own event).
            let tag_start = xml.as_bytes()[before..]
                .iter()
                .position(|&b| b == b'<')
                .map_or(before, |i| before + i);
            outline.entries.push(OutlineEntry {
                line: lines.line_at(tag_start),
                language,
                ..OutlineEntry::default()
            });
            if !empty {
                entry_depth = Some(path.len());
            }
        } else if !empty && entry_depth.is_some_and(|depth| depth + 1 == path.len()) {
            if PUBLISHED_ELEMENTS.contains(&name.as_str()) {
                date_element = Some((name.clone(), true));
                date_text.clear();
            } else if UPDATED_ELEMENTS.contains(&name.as_str()) {
                date_element = Some((name.clone(), false));
                date_text.clear();
            }
        }
        if !empty {
            path.push(name);
        }
    }
    if outline.root.is_empty() {
        return Err(SkipReason::MalformedFeed("no XML element".into()));
    }
    Ok(outline)
}

/// The `xml:lang` attribute of a tag.
fn xml_lang(tag: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    let attribute = tag.try_get_attribute("xml:lang").ok()??;
    let value = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0);
    Some(value.ok()?.into_owned())
}

/// The name without its namespace prefix (`dc:date` → `date`).
fn local_name(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.to_string(),
    }
}

/// 1-based line numbers of byte offsets met in increasing order.
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            counted_to: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset > self.counted_to {
            self.line += self.bytes[self.counted_to..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.counted_to = offset;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = include_str!("../../../../tests/fixtures/feeds/sahel-actu.rss");
    const ATOM: &str = include_str!("../../../../tests/fixtures/feeds/observatoire.atom");

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn rss_items_become_documents_with_their_metadata() {
        let parsed = read_feed(RSS).unwrap();
        let ids: Vec<&str> = parsed
            .records
            .iter()
            .filter_map(|r| r.id.as_deref())
            .collect();
        assert_eq!(
            ids,
            [
                "https://sahel-actu.example.org/?p=48211",
                "https://sahel-actu.example.org/?p=47102",
                "https://sahel-actu.example.org/?p=46630",
                "https://sahel-actu.example.org/?p=48090",
                "https://sahel-actu.example.org/?p=48150",
            ]
        );
        let diapaga = &parsed.records[0];
        assert_eq!(
            diapaga.title,
            "Burkina : les VDP repoussent une attaque contre le détachement de Diapaga"
        );
        assert_eq!(
            diapaga.url.as_deref(),
            Some("https://sahel-actu.example.org/securite/2024/02/14/diapaga-attaque/")
        );
        assert_eq!(diapaga.published, d(2024, 2, 14));
        assert_eq!(diapaga.source.as_deref(), Some("Sahel Actu – Sécurité"));
        // The channel's `fr-FR` is not the items' language: detection decides.
        assert_eq!(diapaga.language, None);
        assert_eq!(diapaga.position, Some(16));
        // content:encoded wins over the description; markup, share box and footer are gone.
        assert!(
            diapaga.body.starts_with(
                "Les Volontaires pour la défense de la patrie (VDP) et l’armée ont repoussé"
            ),
            "{}",
            diapaga.body
        );
        assert!(diapaga.body.contains("Fada N’Gourma."));
        for junk in [
            "<p>",
            "<strong>",
            "Partager",
            "Facebook",
            "apparu en premier",
            "wp-content",
        ] {
            assert!(!diapaga.body.contains(junk), "{junk:?} in {}", diapaga.body);
        }
        let english = &parsed.records[1];
        assert_eq!(english.published, d(2023, 9, 18));
        assert!(english
            .body
            .contains("positions near Léré, in the Timbuktu region"));
        // No pubDate: no date, no warning.
        let menaka = &parsed.records[2];
        assert_eq!(menaka.published, None);
        assert!(menaka.warnings.is_empty());
        // A French date feed-rs does not read is read as other metadata dates are.
        assert_eq!(parsed.records[3].published, d(2024, 2, 12));
        assert!(parsed.records[3].warnings.is_empty());
        // An impossible date: left out, with a warning on the item's line.
        let ayorou = &parsed.records[4];
        assert_eq!(ayorou.published, None);
        assert_eq!(
            ayorou.warnings,
            vec![(
                ayorou.position,
                WarningKind::UnreadableDate {
                    field: "pubDate".into(),
                    value: "2024-13-45".into()
                }
            )]
        );
        // The repeated item: indexed once, a warning with both lines.
        assert_eq!(
            parsed.warnings,
            vec![(
                Some(line_of_last_item(RSS)),
                WarningKind::RepeatedEntry {
                    id: "https://sahel-actu.example.org/?p=48211".into(),
                    first_line: 16
                }
            )]
        );
        assert!(parsed.bad_records.is_empty());
    }

    fn line_of_last_item(xml: &str) -> usize {
        xml.lines()
            .enumerate()
            .filter(|(_, l)| l.contains("<item>"))
            .map(|(i, _)| i + 1)
            .last()
            .unwrap()
    }

    #[test]
    fn atom_entries_become_documents_with_their_metadata() {
        let parsed = read_feed(ATOM).unwrap();
        let titles: Vec<&str> = parsed.records.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Niger: attack on Tassia army post",
                "Gao : manifestation contre l'insécurité",
                "Burkina Faso: displacement in the East region",
            ]
        );
        let tassia = &parsed.records[0];
        assert_eq!(
            tassia.id.as_deref(),
            Some("tag:observatoire-sahel.example.org,2024:flash-118")
        );
        assert_eq!(tassia.published, d(2024, 3, 22));
        assert_eq!(
            tassia.source.as_deref(),
            Some("Observatoire du Sahel – Flash updates")
        );
        assert_eq!(
            tassia.url.as_deref(),
            Some("https://observatoire-sahel.example.org/flash/2024-03-22-tassia")
        );
        assert!(tassia.body.starts_with(
            "Gunmen on motorbikes attacked an army post near Tassia, in the Tillabéri region"
        ));
        assert!(!tassia.body.contains("(updated)"));
        // Only `updated`: that is its date. XHTML content is cleaned too.
        let gao = &parsed.records[1];
        assert_eq!(gao.published, d(2023, 12, 5));
        assert_eq!(gao.language.as_deref(), Some("fr"));
        assert!(
            gao.body.contains("manifesté à Gao pour dénoncer"),
            "{}",
            gao.body
        );
        assert!(!gao.body.contains("<b>"));
        // Summary only, no date.
        let est = &parsed.records[2];
        assert_eq!(est.published, None);
        assert!(
            est.body.contains("reached Fada N'Gourma since January"),
            "{}",
            est.body
        );
        assert_eq!(
            parsed.warnings,
            vec![(
                Some(32),
                WarningKind::RepeatedEntry {
                    id: "tag:observatoire-sahel.example.org,2024:flash-118".into(),
                    first_line: 10
                }
            )]
        );
        assert_eq!(tassia.position, Some(10));
        assert_eq!(est.language, None);
    }

    #[test]
    fn xml_that_is_not_a_feed_is_skipped_with_its_root() {
        let sitemap = "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://example.org/</loc></url></urlset>";
        assert_eq!(
            read_feed(sitemap).unwrap_err(),
            SkipReason::NotAFeed {
                root: "urlset".into()
            }
        );
    }

    #[test]
    fn malformed_feeds_are_skipped_not_panicked_on() {
        for bad in [
            "<rss version=\"2.0\"><channel><title>x</title><item><title>a</item></channel></rss>",
            "<rss version=\"2.0\"><channel><item>",
            "pas du XML du tout",
            "",
        ] {
            let result = read_feed(bad);
            assert!(
                matches!(
                    result,
                    Err(SkipReason::MalformedFeed(_)) | Err(SkipReason::NotAFeed { .. })
                ),
                "{bad:?}: {result:?}"
            );
        }
    }

    #[test]
    fn declared_legacy_encoding_does_not_decode_the_text_again() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Journal</title><item><title>Sévaré</title><description>Attaque à Sévaré.</description></item></channel></rss>";
        let parsed = read_feed(xml).unwrap();
        assert_eq!(parsed.records[0].title, "Sévaré");
        assert_eq!(parsed.records[0].body, "Attaque à Sévaré.");
        assert_eq!(parsed.records[0].id, None);
        assert_eq!(parsed.records[0].position, Some(2));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = read_feed(&text);
            let wrapped = format!("<rss version=\"2.0\"><channel><item><title>{text}</title><description>{text}</description><pubDate>{text}</pubDate></item></channel></rss>");
            let _ = read_feed(&wrapped);
        }
    }
}
