//! JSON exports: `.json` (one object or an array of objects) and `.jsonl`/`.ndjson` (one object a
//! line). Fields: `id`, `title`, `body`|`text`|`content`, `published`|`date`, `url`, `source`,
//! `language`. In JSON lines a malformed line is reported with its line number and skipped; the
//! good lines are read.

use serde_json::{Map, Value};

use super::ParsedFile;
use crate::cleanup::{title_and_body, trim_junk_lines};
use crate::problem::SkipReason;
use crate::record::{normalize_language_code, SourceRecord};

const BODY_KEYS: &[&str] = &["body", "text", "content", "notes", "description", "summary"];
const DATE_KEYS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "datePublished",
    "pubdate",
];

/// A `.json` file: one object, or an array of objects.
pub fn read_json(text: &str) -> Result<ParsedFile, SkipReason> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| SkipReason::MalformedJson(e.to_string()))?;
    let mut parsed = ParsedFile::default();
    match value {
        Value::Object(map) => match record_from_object(&map) {
            Ok(record) => parsed.records.push(record),
            Err(reason) => return Err(reason),
        },
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let position = i + 1;
                match item {
                    Value::Object(map) => match record_from_object(map) {
                        Ok(mut record) => {
                            record.position = Some(position);
                            parsed.records.push(record);
                        }
                        Err(reason) => parsed.bad_records.push((position, reason)),
                    },
                    _ => parsed.bad_records.push((
                        position,
                        SkipReason::MalformedJson("array item is not an object".into()),
                    )),
                }
            }
        }
        _ => {
            return Err(SkipReason::MalformedJson(
                "expected an object or an array of objects".into(),
            ))
        }
    }
    Ok(parsed)
}

/// A `.jsonl`/`.ndjson` file: one object a line; blank lines ignored.
pub fn read_json_lines(text: &str) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => match record_from_object(&map) {
                Ok(mut record) => {
                    record.position = Some(line_no);
                    parsed.records.push(record);
                }
                Err(reason) => parsed.bad_records.push((line_no, reason)),
            },
            Ok(_) => parsed.bad_records.push((
                line_no,
                SkipReason::MalformedJson("line is not a JSON object".into()),
            )),
            Err(e) => parsed
                .bad_records
                .push((line_no, SkipReason::MalformedJson(e.to_string()))),
        }
    }
    parsed
}

fn string_field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// One JSON object → a record; `Err(NoBody)` when it has no text.
pub fn record_from_object(map: &Map<String, Value>) -> Result<SourceRecord, SkipReason> {
    let raw_body = string_field(map, BODY_KEYS).ok_or(SkipReason::NoBody)?;
    let title = string_field(map, &["title", "headline", "titre"]);
    let (title, body) = match title {
        Some(title) => {
            let lines: Vec<String> = raw_body.lines().map(|l| l.trim_end().to_string()).collect();
            let body = trim_junk_lines(&lines).join("\n");
            (title, body)
        }
        None => {
            let titled = title_and_body(&raw_body);
            (titled.title, titled.body)
        }
    };
    if body.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    let mut record = SourceRecord {
        id: string_field(map, &["id", "_id", "uid"]),
        title,
        body,
        url: string_field(map, &["url", "link", "source_url"]),
        source: string_field(map, &["source", "source_name", "publisher"]),
        language: string_field(map, &["language", "lang"])
            .and_then(|l| normalize_language_code(&l).map(str::to_string)),
        ..SourceRecord::default()
    };
    if let Some((key, raw)) = DATE_KEYS
        .iter()
        .find_map(|key| string_field(map, &[key]).map(|raw| (*key, raw)))
    {
        record.set_published_from(key, &raw, None);
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn json_object_and_array() {
        let one = read_json(r#"{"id": "a1", "title": "Attaque à Boni", "body": "Texte.", "published": "2023-06-24", "language": "fr"}"#).unwrap();
        assert_eq!(one.records.len(), 1);
        let r = &one.records[0];
        assert_eq!(r.id.as_deref(), Some("a1"));
        assert_eq!(r.title, "Attaque à Boni");
        assert_eq!(r.published, NaiveDate::from_ymd_opt(2023, 6, 24));
        let many = read_json(
            r#"[{"id": 7, "text": "Un."}, {"content": "Deux."}, 3, {"title": "sans texte"}]"#,
        )
        .unwrap();
        assert_eq!(many.records.len(), 2);
        assert_eq!(many.records[0].id.as_deref(), Some("7"));
        assert_eq!(many.records[1].position, Some(2));
        assert_eq!(
            many.bad_records.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
            vec![3, 4]
        );
        assert!(matches!(
            read_json("[1, 2"),
            Err(SkipReason::MalformedJson(_))
        ));
        assert!(matches!(
            read_json("\"texte\""),
            Err(SkipReason::MalformedJson(_))
        ));
    }

    #[test]
    fn json_lines_keep_good_lines_and_report_bad_ones() {
        let text = "{\"id\":\"1\",\"body\":\"Attaque à Léré.\"}\n{\"id\":\"2\",\"body\": oops}\n\n{\"id\":\"3\",\"text\":\"Frappe à Douentza.\",\"date\":\"18/09/2023\"}\n";
        let parsed = read_json_lines(text);
        assert_eq!(parsed.records.len(), 2);
        assert_eq!(parsed.records[1].position, Some(4));
        assert_eq!(
            parsed.records[1].published,
            NaiveDate::from_ymd_opt(2023, 9, 18)
        );
        assert_eq!(parsed.bad_records.len(), 1);
        assert_eq!(parsed.bad_records[0].0, 2);
    }

    #[test]
    fn unreadable_date_is_kept_as_a_warning_and_the_record_indexed() {
        let parsed = read_json_lines(
            "{\"id\":\"1\",\"body\":\"Attaque à Léré.\",\"published\":\"2024-13-45\"}\n",
        );
        let record = &parsed.records[0];
        assert_eq!(record.published, None);
        assert_eq!(record.position, Some(1));
        assert_eq!(
            record.warnings,
            vec![(
                None,
                crate::problem::WarningKind::UnreadableDate {
                    field: "published".into(),
                    value: "2024-13-45".into()
                }
            )]
        );
    }
}
