//! One reader per file format, each turning decoded text (or bytes, for PDF) into
//! [`SourceRecord`]s. Readers are pure: the caller reads the file and handles size limits.

pub mod feed;
pub mod html;
pub mod json;
#[cfg(test)]
#[path = "../../../../tests/fixtures/minimal_pdf.rs"]
pub(crate) mod minimal_pdf;
pub mod pdf;
pub mod pdf_glyphs;
pub mod text;

use std::path::Path;

use crate::decode::{decode_bytes, DecodeError};
use crate::problem::{SkipReason, WarningKind};
use crate::record::SourceRecord;

/// The formats the indexer reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
    Pdf,
    /// RSS or Atom, one document per item or entry.
    Feed,
}

impl Format {
    /// The format for a path's extension; files without an extension are read as plain text.
    /// `Err` carries the unsupported extension.
    pub fn from_path(path: &Path) -> Result<Format, String> {
        let Some(ext) = path.extension() else {
            return Ok(Format::Text);
        };
        let ext = ext.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Ok(Format::Text),
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" | "xhtml" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::JsonLines),
            "pdf" => Ok(Format::Pdf),
            "xml" | "rss" | "atom" => Ok(Format::Feed),
            _ => Err(ext),
        }
    }
}

/// The records of one file, and the records that could not be read (with their line).
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub records: Vec<SourceRecord>,
    /// (1-based line or position, reason) of each record skipped inside the file.
    pub bad_records: Vec<(usize, SkipReason)>,
    /// Warnings about the whole file (bad bytes), or a line of it; the records keep their own.
    pub warnings: Vec<(Option<usize>, WarningKind)>,
}

impl ParsedFile {
    fn single(record: SourceRecord) -> ParsedFile {
        ParsedFile {
            records: vec![record],
            ..ParsedFile::default()
        }
    }

    /// Every warning of the file and of its records, with its line: a record's warning without
    /// one is about the record's line (or position).
    pub fn all_warnings(&self) -> Vec<(Option<usize>, WarningKind)> {
        let mut all = self.warnings.clone();
        for record in &self.records {
            all.extend(
                record
                    .warnings
                    .iter()
                    .map(|(line, kind)| (line.or(record.position), kind.clone())),
            );
        }
        all.sort_by_key(|(line, _)| *line);
        all
    }
}

/// Reads one file's bytes in the given format. An `Err` skips the whole file.
pub fn parse_file(format: Format, bytes: &[u8]) -> Result<ParsedFile, SkipReason> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SkipReason::Empty);
    }
    if format == Format::Pdf {
        let record = pdf::read_pdf(bytes)?;
        return Ok(ParsedFile::single(record));
    }
    let decoded = match decode_bytes(bytes) {
        Ok(decoded) => decoded,
        Err(DecodeError::Binary) => return Err(SkipReason::Binary),
    };
    let text = decoded.text;
    let mut parsed = match format {
        Format::Text => ParsedFile::single(text::read_plain(&text)),
        Format::Markdown => ParsedFile::single(text::read_markdown(&text)),
        Format::Html => ParsedFile::single(html::read_html(&text)),
        Format::Json => json::read_json(&text)?,
        Format::JsonLines => json::read_json_lines(&text),
        Format::Feed => feed::read_feed(&text)?,
        Format::Pdf => unreachable!("handled above"),
    };
    if decoded.replaced_bytes > 0 {
        parsed.warnings.insert(
            0,
            (
                None,
                WarningKind::InvalidUtf8 {
                    bytes: decoded.replaced_bytes,
                },
            ),
        );
    }
    if parsed.records.is_empty() && parsed.bad_records.is_empty() {
        return Err(SkipReason::Empty);
    }
    if parsed.records.len() == 1 && parsed.records[0].body.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok(parsed)
}
