//! Plain text and markdown (with optional front matter).
//!
//! Front matter is the simple `key: value` block between `---` lines that static-site tools and
//! note apps write. It is parsed here rather than with a YAML crate: the keys we use are flat
//! strings, and the maintained YAML crates for serde (serde_yaml is archived) bring far more than
//! this needs; a value that is not a plain string is ignored rather than misread.

use crate::cleanup::title_and_body;
use crate::record::{normalize_language_code, SourceRecord};

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
    for FrontMatterField { key, value, line } in front {
        match key.as_str() {
            "title" | "titre" if !value.is_empty() => {
                // The text's first line was then not the title: keep it in the body (once: a
                // long first line, shortened into a title with "…", is still there whole).
                let first = title_and_body(rest).title;
                if first != value && !record.body.contains(first.trim_end_matches('…')) {
                    record.body = format!("{first}\n{}", record.body);
                }
                record.title = value;
            }
            "published" | "date" | "pubdate" | "publication" | "published_at"
            | "date_published"
                if record.published.is_none() =>
            {
                record.set_published_from(&key, &value, Some(line));
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

/// One `key: value` line of front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterField {
    /// Lower-cased.
    pub key: String,
    /// Without the quotes around it.
    pub value: String,
    /// 1-based line in the file, for warnings.
    pub line: usize,
}

/// Splits `---\nkey: value\n---\n` off the start of a markdown text. Keys are lower-cased; quotes
/// around values are removed.
pub fn split_front_matter(text: &str) -> (Vec<FrontMatterField>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    let Some(after_open) = trimmed
        .strip_prefix("---\n")
        .or_else(|| trimmed.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), text);
    };
    let mut pairs = Vec::new();
    let mut offset = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
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
            pairs.push(FrontMatterField {
                key,
                value: value.to_string(),
                // The opening `---` is line 1.
                line: i + 2,
            });
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
    fn a_long_first_line_under_a_front_matter_title_stays_once_in_the_body() {
        let lead = "BAMAKO, 4 déc. (Agence) - Des hommes armés ont tué au moins douze villageois dans le cercle de Tominian, dans la région de San, jeudi dernier, selon deux habitants.";
        let md = format!("---\ntitle: Douze villageois tués\n---\n{lead}\n\nLes assaillants sont arrivés à moto.\n");
        let r = read_markdown(&md);
        assert_eq!(r.title, "Douze villageois tués");
        assert_eq!(r.body.matches("Tominian").count(), 1, "{}", r.body);
        assert!(r.body.starts_with("BAMAKO"), "{}", r.body);
    }

    #[test]
    fn markdown_without_front_matter_uses_its_heading() {
        let r = read_markdown("# Frappe à Douentza\n\nTexte du communiqué.");
        assert_eq!(r.title, "Frappe à Douentza");
        assert_eq!(r.body, "Texte du communiqué.");
        assert_eq!(r.published, None);
    }

    #[test]
    fn unreadable_front_matter_date_is_a_warning_with_its_line() {
        let r = read_markdown("---\ntitle: Flash\npublished: 2024-13-45\n---\nAttaque à Léré.\n");
        assert_eq!(r.published, None);
        assert_eq!(r.body, "Attaque à Léré.");
        assert_eq!(
            r.warnings,
            vec![(
                Some(3),
                crate::problem::WarningKind::UnreadableDate {
                    field: "published".into(),
                    value: "2024-13-45".into()
                }
            )]
        );
        let fine = read_markdown("---\ndate: 2024-02-14\n---\nTexte.\n");
        assert!(fine.warnings.is_empty());
        assert_eq!(fine.published, NaiveDate::from_ymd_opt(2024, 2, 14));
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let (front, rest) = split_front_matter("---\ntitle: x\nno end");
        assert!(front.is_empty());
        assert_eq!(rest, "---\ntitle: x\nno end");
    }
}
