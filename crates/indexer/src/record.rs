//! What a reader produces: one record per document, with whatever metadata the format carried.

use chrono::NaiveDate;

use crate::problem::WarningKind;

/// One document as read from a file, before language detection and extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceRecord {
    /// The record's own id (`id` field of JSON, front matter), if it has one.
    pub id: Option<String>,
    pub title: String,
    /// The text, with scraped-page junk removed; what is stored for snippets.
    pub body: String,
    /// Publication date from the format's metadata (never the file's modification time).
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Language code given by the metadata (`fr`, `en`, …); it wins over detection.
    pub language: Option<String>,
    /// 1-based line of the record in a JSON-lines file or a feed; 1-based position in a JSON array.
    pub position: Option<usize>,
    /// What was read but not as written, with the line it is on when the format tells it (else
    /// the warning is about the record's `position`).
    pub warnings: Vec<(Option<usize>, WarningKind)>,
}

impl SourceRecord {
    /// Reads a publication date from metadata field `field`; a value that is there but that no
    /// format reads leaves the date unset and is kept as a warning (at `line`, if known).
    pub fn set_published_from(&mut self, field: &str, raw: &str, line: Option<usize>) {
        if raw.trim().is_empty() {
            return;
        }
        match parse_metadata_date(raw) {
            Some(date) => self.published = Some(date),
            None => self.warnings.push((
                line,
                WarningKind::UnreadableDate {
                    field: field.to_string(),
                    value: raw.trim().to_string(),
                },
            )),
        }
    }
}

/// Parses a publication date as formats write it in metadata: ISO 8601 / RFC 3339 (with or without
/// time), RFC 2822, `YYYY/MM/DD`, `DD/MM/YYYY`, `DD.MM.YYYY`, and `17 septembre 2023` /
/// `30 July 2024` / `July 30, 2024`.
pub fn parse_metadata_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    // ISO date with a time part of any shape: take the date.
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    for fmt in ["%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    parse_written_date(s)
}

/// `17 septembre 2023`, `1er mars 2024`, `30 July 2024`, `July 30, 2024` (weekday words ignored).
fn parse_written_date(s: &str) -> Option<NaiveDate> {
    let folded = sahel_text::fold(s);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for w in words {
        let digits = w.trim_end_matches("er").trim_end_matches("st");
        let digits = digits
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        if let Ok(n) = digits.parse::<u32>() {
            if (1000..=2999).contains(&n) && year.is_none() {
                year = Some(n as i32);
            } else if (1..=31).contains(&n) && day.is_none() {
                day = Some(n);
            }
        } else if let Some(m) = month_number(w) {
            month.get_or_insert(m);
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str); 12] = [
        ("janvier", "january"),
        ("fevrier", "february"),
        ("mars", "march"),
        ("avril", "april"),
        ("mai", "may"),
        ("juin", "june"),
        ("juillet", "july"),
        ("aout", "august"),
        ("septembre", "september"),
        ("octobre", "october"),
        ("novembre", "november"),
        ("decembre", "december"),
    ];
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|(fr, en)| {
            *fr == w || *en == w || (w.len() >= 3 && (en.starts_with(w) || fr.starts_with(w)))
        })
        .map(|i| i as u32 + 1)
}

/// Maps a metadata language value (`fr`, `fr-FR`, `French`, `français`) to a code `sahel_text`
/// knows; anything else is `None` (detection decides).
pub fn normalize_language_code(raw: &str) -> Option<&'static str> {
    let folded = sahel_text::fold(raw.trim());
    let head: String = folded
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    match head.as_str() {
        "fr" | "fra" | "fre" | "french" | "francais" => Some("fr"),
        "en" | "eng" | "english" | "anglais" => Some("en"),
        "ar" | "ara" | "arabic" | "arabe" => Some("ar"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_date_forms() {
        assert_eq!(parse_metadata_date("2023-09-18"), d(2023, 9, 18));
        assert_eq!(
            parse_metadata_date("2023-09-18T10:30:00+00:00"),
            d(2023, 9, 18)
        );
        assert_eq!(parse_metadata_date("2023-09-18T10:30:00"), d(2023, 9, 18));
        assert_eq!(
            parse_metadata_date("Tue, 30 Jul 2024 10:00:00 GMT"),
            d(2024, 7, 30)
        );
        assert_eq!(parse_metadata_date("18/09/2023"), d(2023, 9, 18));
        assert_eq!(parse_metadata_date("17 septembre 2023"), d(2023, 9, 17));
        assert_eq!(parse_metadata_date("1er mars 2024"), d(2024, 3, 1));
        assert_eq!(parse_metadata_date("July 30, 2024"), d(2024, 7, 30));
        assert_eq!(
            parse_metadata_date("lundi 18 septembre 2023"),
            d(2023, 9, 18)
        );
        assert_eq!(parse_metadata_date("hier"), None);
        assert_eq!(parse_metadata_date(""), None);
    }

    #[test]
    fn language_codes() {
        assert_eq!(normalize_language_code("fr-FR"), Some("fr"));
        assert_eq!(normalize_language_code("Français"), Some("fr"));
        assert_eq!(normalize_language_code("en_US"), Some("en"));
        assert_eq!(normalize_language_code("es"), None);
    }
}
