//! JSON exports: `.json` (one object, an array of objects, or objects one after the other) and
//! `.jsonl`/`.ndjson` (one object a line). Fields: `id`, `title`, `body`|`text`|`content`,
//! `published`|`date`, `url`, `source`, `language`.
//!
//! Files of any size are read record by record: a [`Splitter`] cuts the byte stream into the raw
//! bytes of each record (a line; an element of the top-level array; a top-level object), keeping
//! nothing else in memory, and [`parse_record`] turns each into a [`SourceRecord`], so records can
//! be parsed on other threads. The splitter only follows strings and brackets, so a malformed
//! record (`{"body": oops}`) costs that record, reported with its line, and the records after it
//! are read. A record larger than the record limit is skipped without being kept in memory. What
//! the splitter cannot get past (a string never closed, text after the top-level array) ends the
//! file there, with the records before it kept.

use std::io::BufRead;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ParsedFile;
use crate::cleanup::{title_and_body, trim_junk_lines};
use crate::decode::decode_bytes;
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

/// How a file lays its records out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// `.jsonl`/`.ndjson`: one record a line, blank lines ignored.
    Lines,
    /// `.json`: an array of records, one object, or objects one after the other.
    Json,
}

/// Where the splitter is in a `.json` file's top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Top {
    /// Nothing read yet but whitespace.
    Start,
    /// Inside the top-level array, between two elements.
    InArray,
    /// After the `]` of the top-level array: only whitespace may follow.
    AfterArray,
    /// Top-level values one after the other (one object, or concatenated objects).
    Sequence,
}

/// The splitter's state between two records: where a run that stopped there starts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResumePoint {
    /// Byte offset in the file.
    pub offset: u64,
    /// 1-based line at `offset`.
    pub line: usize,
    /// Records (elements) before `offset`.
    pub elements: usize,
    pub top: Top,
}

impl ResumePoint {
    /// The start of a file.
    pub fn start() -> ResumePoint {
        ResumePoint {
            offset: 0,
            line: 1,
            elements: 0,
            top: Top::Start,
        }
    }
}

/// One record's bytes, cut out of the file but not parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    /// 1-based line where the record starts.
    pub line: usize,
    /// JSON lines and top-level objects: the line; an array element: its 1-based index.
    pub position: usize,
    /// The bytes, or the size of a record over the limit (its bytes are not kept).
    pub bytes: Result<Vec<u8>, u64>,
    /// The state after this record.
    pub resume: ResumePoint,
    /// True for an element of a top-level array.
    pub in_array: bool,
}

/// What the splitter finds next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Record(RawRecord),
    /// The file cannot be read past this line; nothing more comes. With no record before it, the
    /// file is not a JSON export at all.
    Broken {
        line: usize,
        message: &'static str,
    },
}

/// Cuts a JSON or JSON-lines byte stream into records (see the module doc).
pub struct Splitter<R> {
    reader: R,
    layout: Layout,
    limit: usize,
    state: ResumePoint,
    done: bool,
    /// The record being cut: its bytes (while under the limit) and its size.
    buf: Vec<u8>,
    size: u64,
}

/// Scanning state inside one `.json` element.
#[derive(Default)]
struct Scan {
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The element opened with `{` or `[` (else it is a scalar, or garbage).
    bracketed: bool,
}

impl<R: BufRead> Splitter<R> {
    /// A splitter over `reader`, positioned at `resume` (the reader must be there too). Records
    /// over `limit` bytes are reported by size and not kept.
    pub fn new(reader: R, layout: Layout, limit: u64, resume: ResumePoint) -> Splitter<R> {
        Splitter {
            reader,
            layout,
            limit: usize::try_from(limit).unwrap_or(usize::MAX),
            state: resume,
            done: false,
            buf: Vec::new(),
            size: 0,
        }
    }

    /// The state after the last record returned.
    pub fn state(&self) -> ResumePoint {
        self.state
    }

    fn take_record(&mut self, line: usize, in_array: bool) -> RawRecord {
        self.state.elements += 1;
        let bytes = if self.size <= self.limit as u64 {
            Ok(std::mem::take(&mut self.buf))
        } else {
            self.buf = Vec::new();
            Err(self.size)
        };
        self.size = 0;
        RawRecord {
            line,
            position: if in_array { self.state.elements } else { line },
            bytes,
            resume: self.state,
            in_array,
        }
    }

    /// The next record or structural problem; `None` at the end of the file.
    pub fn next_event(&mut self) -> std::io::Result<Option<Event>> {
        if self.done {
            return Ok(None);
        }
        let event = match self.layout {
            Layout::Lines => self.next_line()?,
            Layout::Json => self.next_element()?,
        };
        if event.is_none() || matches!(event, Some(Event::Broken { .. })) {
            self.done = true;
        }
        Ok(event)
    }

    /// The next non-blank line.
    fn next_line(&mut self) -> std::io::Result<Option<Event>> {
        loop {
            let start_line = self.state.line;
            let mut ended = false;
            let mut eof = false;
            while !ended {
                let chunk = self.reader.fill_buf()?;
                if chunk.is_empty() {
                    eof = true;
                    break;
                }
                let (take, found) = match memchr::memchr(b'\n', chunk) {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                };
                keep(&mut self.buf, &mut self.size, self.limit, &chunk[..take]);
                self.reader.consume(take);
                self.state.offset += take as u64;
                if found {
                    self.state.line += 1;
                    ended = true;
                }
            }
            let blank = self.size <= self.limit as u64
                && self
                    .buf
                    .iter()
                    .all(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF));
            if self.size == 0 || blank {
                self.buf.clear();
                self.size = 0;
                if eof {
                    return Ok(None);
                }
                continue;
            }
            return Ok(Some(Event::Record(self.take_record(start_line, false))));
        }
    }

    /// The next element of a `.json` file.
    fn next_element(&mut self) -> std::io::Result<Option<Event>> {
        // Between elements: whitespace, separators, the array's brackets.
        let first = loop {
            let chunk = self.reader.fill_buf()?;
            let Some(&byte) = chunk.first() else {
                return Ok(match self.state.top {
                    Top::InArray => Some(Event::Broken {
                        line: self.state.line,
                        message: "the file ends inside the top-level array (no closing `]`)",
                    }),
                    _ => None,
                });
            };
            let skip = match (self.state.top, byte) {
                (_, b'\n') => {
                    self.state.line += 1;
                    true
                }
                (_, b' ' | b'\t' | b'\r') => true,
                // A UTF-8 byte-order mark at the start.
                (Top::Start, 0xEF | 0xBB | 0xBF) if self.state.offset < 3 => true,
                (Top::Start, b'[') => {
                    self.state.top = Top::InArray;
                    true
                }
                (Top::Start, b'{') => {
                    self.state.top = Top::Sequence;
                    false
                }
                (Top::Start, _) => {
                    return Ok(Some(Event::Broken {
                        line: self.state.line,
                        message: "expected an object or an array of objects",
                    }))
                }
                (Top::InArray, b',') => true,
                (Top::InArray, b']') => {
                    self.state.top = Top::AfterArray;
                    true
                }
                (Top::AfterArray, _) => {
                    return Ok(Some(Event::Broken {
                        line: self.state.line,
                        message: "text after the end of the top-level array",
                    }))
                }
                _ => false,
            };
            if !skip {
                break byte;
            }
            self.reader.consume(1);
            self.state.offset += 1;
        };
        let in_array = self.state.top == Top::InArray;
        let start_line = self.state.line;
        let mut scan = Scan {
            bracketed: matches!(first, b'{' | b'['),
            ..Scan::default()
        };
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                // The element runs to the end of the file (a string or bracket never closed):
                // it goes to the parser, which says what is wrong with it.
                let record = self.take_record(start_line, in_array);
                if in_array {
                    // Nothing can follow: report the unclosed array after this record.
                    self.state.top = Top::InArray;
                }
                return Ok(Some(Event::Record(record)));
            }
            let (take, complete) = scan_element(chunk, &mut scan, in_array, &mut self.state.line);
            keep(&mut self.buf, &mut self.size, self.limit, &chunk[..take]);
            self.reader.consume(take);
            self.state.offset += take as u64;
            if complete {
                return Ok(Some(Event::Record(self.take_record(start_line, in_array))));
            }
        }
    }
}

/// Adds bytes to the record being cut, or only counts them once it is over the limit.
fn keep(buf: &mut Vec<u8>, size: &mut u64, limit: usize, bytes: &[u8]) {
    *size += bytes.len() as u64;
    if *size <= limit as u64 {
        buf.extend_from_slice(bytes);
    } else if !buf.is_empty() {
        *buf = Vec::new();
    }
}

/// Scans `chunk` for the end of the current element; returns how many bytes belong to it and
/// whether it ended. Counts the lines it passes.
fn scan_element(chunk: &[u8], scan: &mut Scan, in_array: bool, line: &mut usize) -> (usize, bool) {
    let mut i = 0;
    while i < chunk.len() {
        if scan.in_string {
            if scan.escaped {
                // The byte after a backslash that ended the previous chunk.
                scan.escaped = false;
                if chunk[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            // Jump to the next quote, backslash or line break.
            let Some(k) = memchr::memchr3(b'"', b'\\', b'\n', &chunk[i..]) else {
                return (chunk.len(), false);
            };
            i += k;
            match chunk[i] {
                b'\n' => {
                    *line += 1;
                    // A raw line break inside a string is no JSON: the string is taken to end
                    // there, so that the next lines are read in step again.
                    scan.in_string = false;
                }
                b'\\' => {
                    if i + 1 == chunk.len() {
                        scan.escaped = true;
                    } else if chunk[i + 1] != b'\n' {
                        i += 1;
                    }
                }
                _ => scan.in_string = false,
            }
            i += 1;
            continue;
        }
        let byte = chunk[i];
        match byte {
            b'"' => scan.in_string = true,
            b'{' | b'[' => scan.depth += 1,
            b'}' | b']' if scan.depth > 0 => {
                scan.depth -= 1;
                if scan.depth == 0 && scan.bracketed && !in_array {
                    return (i + 1, true);
                }
            }
            b',' | b']' if in_array && scan.depth == 0 => return (i, true),
            b'\n' => {
                *line += 1;
                if !in_array && scan.depth == 0 && !scan.bracketed {
                    return (i, true);
                }
            }
            b' ' | b'\t' | b'\r' if !in_array && scan.depth == 0 && !scan.bracketed => {
                return (i, true)
            }
            _ => {}
        }
        i += 1;
    }
    (chunk.len(), false)
}

/// The text of a record's bytes: UTF-8 when they are, else decoded with `legacy` (the file's
/// encoding, when it is a legacy one), else as [`decode_bytes`] decodes a file.
pub fn record_text<'a>(
    bytes: &'a [u8],
    legacy: Option<&'static encoding_rs::Encoding>,
) -> Result<std::borrow::Cow<'a, str>, SkipReason> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(std::borrow::Cow::Borrowed(text)),
        Err(_) => match legacy {
            Some(encoding) => Ok(encoding.decode_without_bom_handling(bytes).0),
            None => decode_bytes(bytes)
                .map(|decoded| std::borrow::Cow::Owned(decoded.text))
                .map_err(|_| SkipReason::Binary),
        },
    }
}

/// One record's text → a record; `Ok(None)` for a blank one.
pub fn parse_record(text: &str, in_array: bool) -> Result<Option<SourceRecord>, SkipReason> {
    let text = text.trim().trim_start_matches('\u{feff}');
    if text.is_empty() {
        return Ok(None);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => record_from_object(&map).map(Some),
        Ok(_) => Err(SkipReason::MalformedJson(
            if in_array {
                "array item is not an object"
            } else {
                "line is not a JSON object"
            }
            .into(),
        )),
        Err(e) => Err(SkipReason::MalformedJson(e.to_string())),
    }
}

/// Reads every record of a decoded text (the whole-file path: `sahel extract`, `bench stages`).
fn read_all(text: &str, layout: Layout) -> Result<(ParsedFile, usize), SkipReason> {
    let mut splitter = Splitter::new(text.as_bytes(), layout, u64::MAX, ResumePoint::start());
    let mut parsed = ParsedFile::default();
    let mut elements = 0;
    while let Some(event) = splitter
        .next_event()
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?
    {
        match event {
            Event::Record(raw) => {
                elements += 1;
                let bytes = raw.bytes.unwrap_or_default();
                let text = String::from_utf8_lossy(&bytes);
                match parse_record(&text, raw.in_array) {
                    Ok(Some(mut record)) => {
                        record.position = Some(raw.position);
                        parsed.records.push(record);
                    }
                    Ok(None) => {}
                    Err(reason) => parsed.bad_records.push((raw.line, reason)),
                }
            }
            Event::Broken { line, message } => {
                if elements == 0 {
                    return Err(SkipReason::MalformedJson(message.into()));
                }
                parsed
                    .bad_records
                    .push((line, SkipReason::MalformedJson(message.into())));
            }
        }
    }
    Ok((parsed, elements))
}

/// A `.json` file: one object, an array of objects, or objects one after the other. A single
/// object that cannot be read skips the file (`Err`).
pub fn read_json(text: &str) -> Result<ParsedFile, SkipReason> {
    let (mut parsed, elements) = read_all(text, Layout::Json)?;
    let single_object = elements == 1
        && text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{');
    if single_object {
        if let Some((_, reason)) = parsed.bad_records.pop() {
            return Err(reason);
        }
        for record in &mut parsed.records {
            record.position = None;
        }
    }
    Ok(parsed)
}

/// A `.jsonl`/`.ndjson` file: one object a line; blank lines ignored.
pub fn read_json_lines(text: &str) -> ParsedFile {
    read_all(text, Layout::Lines).map_or_else(|_| ParsedFile::default(), |(parsed, _)| parsed)
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

    /// A record as (line, position, bytes or size), or the line of a structural problem.
    type Split = Result<(usize, usize, Result<String, u64>), usize>;

    /// Every event of `text` split with `limit`.
    fn split(text: &str, layout: Layout, limit: u64) -> Vec<Split> {
        let mut splitter = Splitter::new(text.as_bytes(), layout, limit, ResumePoint::start());
        let mut out = Vec::new();
        while let Some(event) = splitter.next_event().unwrap() {
            out.push(match event {
                Event::Record(r) => Ok((
                    r.line,
                    r.position,
                    r.bytes.map(|b| String::from_utf8(b).unwrap()),
                )),
                Event::Broken { line, .. } => Err(line),
            });
        }
        out
    }

    #[test]
    fn json_object_and_array() {
        let one = read_json(r#"{"id": "a1", "title": "Attaque à Boni", "body": "Texte.", "published": "2023-06-24", "language": "fr"}"#).unwrap();
        assert_eq!(one.records.len(), 1);
        let r = &one.records[0];
        assert_eq!(r.id.as_deref(), Some("a1"));
        assert_eq!(r.title, "Attaque à Boni");
        assert_eq!(r.published, NaiveDate::from_ymd_opt(2023, 6, 24));
        assert_eq!(r.position, None);
        let many = read_json(
            r#"[{"id": 7, "text": "Un."}, {"content": "Deux."}, 3, {"title": "sans texte"}]"#,
        )
        .unwrap();
        assert_eq!(many.records.len(), 2);
        assert_eq!(many.records[0].id.as_deref(), Some("7"));
        assert_eq!(many.records[1].position, Some(2));
        assert_eq!(many.bad_records.len(), 2);
        assert!(matches!(
            read_json("\"texte\""),
            Err(SkipReason::MalformedJson(_))
        ));
        assert!(matches!(
            read_json(r#"{"title": "sans texte"}"#),
            Err(SkipReason::NoBody)
        ));
        // An array never closed: its items are read, the end is reported.
        let open = read_json("[1, 2").unwrap();
        assert!(open.records.is_empty());
        assert_eq!(open.bad_records.len(), 3);
    }

    #[test]
    fn json_array_keeps_the_records_around_a_bad_one_and_gives_its_line() {
        let text = "[\n  {\"id\": \"1\", \"body\": \"Attaque à Léré.\"},\n  {\"id\": \"2\", \"body\": oops, \"x\": [1, {\"y\": \"]}\"}]},\n  {\"id\": \"3\",\n   \"body\": \"Frappe, à \\\"Douentza\\\" [sic].\"}\n]\n";
        let parsed = read_json(text).unwrap();
        let ids: Vec<_> = parsed
            .records
            .iter()
            .map(|r| r.id.clone().unwrap())
            .collect();
        assert_eq!(ids, ["1", "3"]);
        assert_eq!(parsed.records[1].body, "Frappe, à \"Douentza\" [sic].");
        assert_eq!(parsed.records[1].position, Some(3));
        assert_eq!(parsed.bad_records.len(), 1);
        assert_eq!(parsed.bad_records[0].0, 3, "the bad record's line");
        assert!(matches!(
            parsed.bad_records[0].1,
            SkipReason::MalformedJson(_)
        ));
    }

    #[test]
    fn concatenated_objects_in_a_json_file_are_records() {
        let parsed =
            read_json("{\"body\": \"Un.\"}\n{\"body\": \"Deux.\"}{\"body\": \"Trois.\"}\n")
                .unwrap();
        assert_eq!(parsed.records.len(), 3);
        assert_eq!(parsed.records[1].position, Some(2));
        assert!(parsed.bad_records.is_empty());
        let trailing = read_json("[{\"body\": \"Un.\"}] x").unwrap();
        assert_eq!(trailing.records.len(), 1);
        assert_eq!(trailing.bad_records.len(), 1);
    }

    #[test]
    fn json_lines_keep_good_lines_and_report_bad_ones() {
        let text = "{\"id\":\"1\",\"body\":\"Attaque à Léré.\"}\n{\"id\":\"2\",\"body\": oops}\n\n{\"id\":\"3\",\"text\":\"Frappe à Douentza.\",\"date\":\"18/09/2023\"}\r\n";
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

    #[test]
    fn records_over_the_limit_are_measured_not_kept() {
        let big = format!("{{\"body\": \"{}\"}}", "x".repeat(100));
        let lines = format!("{{\"body\": \"a\"}}\n{big}\n{{\"body\": \"b\"}}");
        let events = split(&lines, Layout::Lines, 50);
        assert_eq!(events.len(), 3);
        assert_eq!(events[1], Ok((2, 2, Err(big.len() as u64 + 1))));
        assert_eq!(events[2], Ok((3, 3, Ok("{\"body\": \"b\"}".into()))));
        let array = format!("[{{\"body\": \"a\"}},\n {big},\n {{\"body\": \"b\"}}]");
        let events = split(&array, Layout::Json, 50);
        assert_eq!(events.len(), 3);
        assert_eq!(events[1], Ok((2, 2, Err(big.len() as u64))));
        assert_eq!(events[2], Ok((3, 3, Ok("{\"body\": \"b\"}".into()))));
    }

    #[test]
    fn a_string_broken_by_a_line_break_ends_the_file_there() {
        let text = "[{\"title\": \"Un\", \"body\": \"a\"},\n{\"title\": \"Deux\", \"body\": \"deux\nlignes\"},\n{\"title\": \"Trois\", \"body\": \"c\"}]";
        let parsed = read_json(text).unwrap();
        let bodies: Vec<_> = parsed.records.iter().map(|r| r.body.as_str()).collect();
        assert_eq!(bodies, ["a"]);
        let lines: Vec<_> = parsed.bad_records.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn splitting_resumes_where_it_stopped() {
        let text = "[{\"body\": \"a\"},\n {\"body\": \"b\"},\n {\"body\": \"c\"}]";
        let mut splitter = Splitter::new(text.as_bytes(), Layout::Json, 1000, ResumePoint::start());
        let Some(Event::Record(first)) = splitter.next_event().unwrap() else {
            panic!()
        };
        let resume = first.resume;
        assert_eq!(resume.elements, 1);
        let rest = &text.as_bytes()[resume.offset as usize..];
        let mut again = Splitter::new(rest, Layout::Json, 1000, resume);
        let mut seen = Vec::new();
        while let Some(Event::Record(r)) = again.next_event().unwrap() {
            seen.push((
                r.line,
                r.position,
                String::from_utf8(r.bytes.unwrap()).unwrap(),
            ));
        }
        assert_eq!(
            seen,
            [
                (2, 2, "{\"body\": \"b\"}".to_string()),
                (3, 3, "{\"body\": \"c\"}".to_string())
            ]
        );
    }

    #[test]
    fn split_in_small_chunks_gives_the_same_records() {
        let text = "[{\"a\": \"x\\\\\", \"b\": \"\\\"}\"},\n {\"body\": \"b\"}]";
        let whole = split(text, Layout::Json, 1000);
        let reader = std::io::BufReader::with_capacity(1, text.as_bytes());
        let mut splitter = Splitter::new(reader, Layout::Json, 1000, ResumePoint::start());
        let mut small = Vec::new();
        while let Some(Event::Record(r)) = splitter.next_event().unwrap() {
            small.push(Ok((
                r.line,
                r.position,
                r.bytes.map(|b| String::from_utf8(b).unwrap()),
            )));
        }
        assert_eq!(whole, small);
        assert_eq!(whole.len(), 2);
    }
}
