//! Plain text and markdown (with optional front matter).
//!
//! Front matter is the simple `key: value` block between `---` lines that static-site tools and
//! note apps write. It is parsed here rather than with a YAML crate: the keys we use are flat
//! strings, and the maintained YAML crates for serde (serde_yaml is archived) bring far more than
//! this needs; a value that is not a plain string is ignored rather than misread.

use crate::cleanup::title_and_body;
use crate::record::{normalize_language_code, parse_metadata_date, SourceRecord};

/// A `.txt` file: title from the first meaningful line, junk stripped.
pub fn read_plain(text: &str) -> SourceRecord {
    let titled = title_and_body(text);
    SourceRecord {
        title: titled.title,
        body: titled.body,
        ..SourceRecord::default()
    }
}

/// A `.md` file: front matter (title, published/date, source, url, language, id), then text.
pub fn read_markdown(text: &str) -> SourceRecord {
    let (front, rest) = split_front_matter(text);
    let titled = title_and_body(rest);
    let mut record = SourceRecord {
        title: titled.title,
        body: titled.body,
        ..SourceRecord::default()
    };
    for (key, value) in front {
        match key.as_str() {
            "title" | "titre" if !value.is_empty() => {
                // The text's first line was then not the title: keep it in the body.
                let first = title_and_body(rest).title;
                if first != value && !record.body.contains(&first) {
                    record.body = format!("{first}\n{}", record.body);
                }
                record.title = value;
            }
            "published" | "date" | "pubdate" | "publication" | "published_at"
            | "date_published"
                if record.published.is_none() =>
            {
                record.published = parse_metadata_date(&value);
            }
            "source" | "source_name" | "publisher" | "site" => record.source = Some(value),
            "url" | "link" | "source_url" => record.url = Some(value),
            "language" | "lang" | "langue" => {
                record.language = normalize_language_code(&value).map(str::to_string)
            }
            "id" if !value.is_empty() => record.id = Some(value),
            _ => {}
        }
    }
    record
}

/// Splits `---\nkey: value\n---\n` off the start of a markdown text. Keys are lower-cased; quotes
/// around values are removed.
pub fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    let Some(after_open) = trimmed
        .strip_prefix("---\n")
        .or_else(|| trimmed.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), text);
    };
    let mut pairs = Vec::new();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim();
        if l == "---" || l == "..." {
            return (pairs, &after_open[offset..]);
        }
        if l.starts_with('#') || l.is_empty() {
            continue;
        }
        if let Some((key, value)) = l.split_once(':') {
            let key = key.trim().to_ascii_lowercase();
            if key.is_empty() || key.contains(' ') {
                continue;
            }
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            pairs.push((key, value.to_string()));
        }
    }
    // No closing line: not front matter.
    (Vec::new(), text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn markdown_front_matter() {
        let md = "---\ntitle: \"Attaque contre le camp de Boni\"\npublished: 2023-06-24\nsource: FAMa\nurl: https://example.org/boni\nlanguage: fr\nid: fama-2023-06-24\n---\n\n# Communiqué\n\nLes FAMa ont repoussé une attaque à Boni.\n";
        let r = read_markdown(md);
        assert_eq!(r.title, "Attaque contre le camp de Boni");
        assert_eq!(r.published, NaiveDate::from_ymd_opt(2023, 6, 24));
        assert_eq!(r.source.as_deref(), Some("FAMa"));
        assert_eq!(r.url.as_deref(), Some("https://example.org/boni"));
        assert_eq!(r.language.as_deref(), Some("fr"));
        assert_eq!(r.id.as_deref(), Some("fama-2023-06-24"));
        assert!(r.body.contains("Les FAMa ont repoussé"));
        assert!(r.body.contains("Communiqué"));
    }

    #[test]
    fn markdown_without_front_matter_uses_its_heading() {
        let r = read_markdown("# Frappe à Douentza\n\nTexte du communiqué.");
        assert_eq!(r.title, "Frappe à Douentza");
        assert_eq!(r.body, "Texte du communiqué.");
        assert_eq!(r.published, None);
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let (front, rest) = split_front_matter("---\ntitle: x\nno end");
        assert!(front.is_empty());
        assert_eq!(rest, "---\ntitle: x\nno end");
    }
}
