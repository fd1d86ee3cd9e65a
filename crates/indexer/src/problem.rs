//! Input problems: a file or a record that was skipped, with the reason, reported with its path
//! (and line for a record of a JSON or JSON-lines file) and counted while the run goes on; and
//! warnings: input that was indexed, but not all of it as written (bad bytes replaced, an
//! unreadable date left out).

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
    /// An `.xml` (or `.rss`, `.atom`) file whose root element is not a feed's.
    NotAFeed { root: String },
    /// A feed that is not well-formed XML, or that the feed reader could not read.
    MalformedFeed(String),
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
            SkipReason::NotAFeed { .. } => "not a feed",
            SkipReason::MalformedFeed(_) => "malformed feed",
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
            SkipReason::NotAFeed { root } => write!(
                f,
                "not an RSS or Atom feed (its root element is <{root}>, a feed's is <rss>, <feed> or <rdf:RDF>)"
            ),
            SkipReason::MalformedFeed(err) => write!(f, "malformed feed: {err}"),
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

/// Input that was read, but not all of it as written; the document is indexed all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// A UTF-8 file with bytes that are not UTF-8, replaced with U+FFFD.
    InvalidUtf8 { bytes: usize },
    /// A publication date no format reads; the document is indexed without it.
    UnreadableDate { field: String, value: String },
    /// A feed entry with the id of an earlier entry of the same feed; the first one is indexed.
    RepeatedEntry { id: String, first_line: usize },
}

impl WarningKind {
    /// A short stable key for grouping in the summary.
    pub fn kind(&self) -> &'static str {
        match self {
            WarningKind::InvalidUtf8 { .. } => "invalid UTF-8 bytes",
            WarningKind::UnreadableDate { .. } => "unreadable date",
            WarningKind::RepeatedEntry { .. } => "repeated feed entry",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::InvalidUtf8 { bytes } => write!(
                f,
                "{bytes} byte{} not UTF-8 in a UTF-8 file, replaced with U+FFFD",
                if *bytes == 1 { "" } else { "s" }
            ),
            WarningKind::UnreadableDate { field, value } => {
                write!(f, "unreadable date {value:?} in `{field}`, left out")
            }
            WarningKind::RepeatedEntry { id, first_line } => write!(
                f,
                "entry repeats the id {id:?} of the entry at line {first_line}, indexed once"
            ),
        }
    }
}

/// A warning about one file, or one line of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// 1-based line of the file (or position in a JSON array) the warning is about.
    pub line: Option<usize>,
    pub kind: WarningKind,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.kind),
            None => write!(f, "{}: {}", self.path.display(), self.kind),
        }
    }
}
