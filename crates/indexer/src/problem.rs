//! Input problems: a file or a record that was skipped, with the reason, reported with its path
//! (and line for a record of a JSON or JSON-lines file) and counted while the run goes on.

use std::fmt;
use std::path::PathBuf;

/// Why a file or a record was not indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Larger than the size limit; never read.
    TooLarge { size: u64, limit: u64 },
    /// Empty, or only whitespace / page furniture.
    Empty,
    /// Not text (NUL bytes, control characters).
    Binary,
    /// The extension is not one the indexer reads.
    UnsupportedFormat(String),
    /// The file could not be read (permissions, I/O error).
    Unreadable(String),
    /// A directory symlink that points back to one of its ancestors.
    SymlinkLoop,
    /// Malformed JSON (whole file or one line).
    MalformedJson(String),
    /// A JSON record with no `body`/`text`/`content` string.
    NoBody,
    /// A PDF whose pages carry no extractable text (scanned images).
    NoTextLayer,
    /// A PDF the PDF library could not read (or panicked on).
    BrokenPdf(String),
    /// A record whose id was already produced earlier in the same run.
    DuplicateId(String),
    /// One record of a JSON or JSON-lines file larger than the record limit; never parsed.
    RecordTooLarge { size: u64, limit: u64 },
}

impl SkipReason {
    /// A short stable key for grouping in the summary.
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::TooLarge { .. } => "too large",
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::UnsupportedFormat(_) => "unsupported format",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::SymlinkLoop => "symlink loop",
            SkipReason::MalformedJson(_) => "malformed JSON",
            SkipReason::NoBody => "no text field",
            SkipReason::NoTextLayer => "PDF without text layer",
            SkipReason::BrokenPdf(_) => "broken PDF",
            SkipReason::DuplicateId(_) => "duplicate id",
            SkipReason::RecordTooLarge { .. } => "record too large",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::TooLarge { size, limit } => write!(
                f,
                "too large ({:.1} MB, the limit is {:.1} MB; see --max-file-size)",
                *size as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            SkipReason::Empty => write!(f, "empty (no text)"),
            SkipReason::Binary => write!(f, "binary content, not text"),
            SkipReason::UnsupportedFormat(ext) => write!(f, "unsupported format .{ext}"),
            SkipReason::Unreadable(err) => write!(f, "unreadable: {err}"),
            SkipReason::SymlinkLoop => write!(f, "symlink loop"),
            SkipReason::MalformedJson(err) => write!(f, "malformed JSON: {err}"),
            SkipReason::NoBody => write!(f, "record without a body/text/content field"),
            SkipReason::NoTextLayer => write!(f, "PDF without a text layer (scanned?)"),
            SkipReason::BrokenPdf(err) => write!(f, "unreadable PDF: {err}"),
            SkipReason::DuplicateId(id) => write!(f, "id {id:?} already used earlier in this run"),
            SkipReason::RecordTooLarge { size, limit } => write!(
                f,
                "record too large ({:.1} MB, the limit is {:.1} MB; see --max-record-size)",
                *size as f64 / 1e6,
                *limit as f64 / 1e6
            ),
        }
    }
}

/// A skipped file or record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based line of the file where the record starts (JSON lines, JSON arrays), for record
    /// problems.
    pub line: Option<usize>,
    pub reason: SkipReason,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}
