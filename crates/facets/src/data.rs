//! The small built-in data files (word lists, calendar, demonyms): tab-separated, `#` comment
//! lines, a header row naming the columns. They are compiled in (`include_str!`) and read once,
//! into tables built on first use; a unit test next to each loader reads its file, so a malformed
//! file fails the tests rather than a run.

use crate::{Error, Result};

/// One data row: its line number (from 1) and its cells.
pub(crate) struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// The rows of `tsv` (named `file` in errors), after checking that its header is exactly
/// `header` and that every row has as many cells.
pub(crate) fn rows<'a>(file: &str, tsv: &'a str, header: &[&str]) -> Result<Vec<Row<'a>>> {
    let malformed = |line: usize, message: String| Error::Malformed {
        file: file.to_string(),
        line,
        message,
    };
    let mut lines = tsv
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let Some((line, first)) = lines.next() else {
        return Err(malformed(1, "no header row".to_string()));
    };
    let found: Vec<&str> = first.split('\t').collect();
    if found != header {
        return Err(malformed(
            line,
            format!("header {found:?}, expected {header:?}"),
        ));
    }
    lines
        .map(|(line, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            if fields.len() == header.len() {
                Ok(Row { line, fields })
            } else {
                Err(malformed(
                    line,
                    format!("{} cells, the header has {}", fields.len(), header.len()),
                ))
            }
        })
        .collect()
}

/// A `yes`/`no` cell.
pub(crate) fn yes_no(file: &str, row: &Row<'_>, cell: &str) -> Result<bool> {
    match cell {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(Error::Malformed {
            file: file.to_string(),
            line: row.line,
            message: format!("expected yes or no, got {other:?}"),
        }),
    }
}

/// Words with a value each, looked up in a few instructions: these lists are read for nearly every
/// word of every text (is it a month? a cue word?), where a search through strings would cost more
/// than the rest of the work on the word. A word of up to [`PACKED`] bytes is compared as one
/// integer with the few words of its length and first byte.
#[derive(Debug)]
pub(crate) struct WordSet<T> {
    /// By length: a bit per first-byte slot that has words (most words looked up have none,
    /// known from this alone).
    first_bytes: [u32; PACKED + 1],
    /// By (length, first byte): the packed words and their values.
    buckets: Box<[Vec<(u128, T)>]>,
    /// Words longer than [`PACKED`] bytes.
    long: Vec<(Box<str>, T)>,
}

/// Longest word compared as one integer.
const PACKED: usize = 16;
/// Buckets per length: one per lowercase ASCII letter, one for every other first byte.
const FIRST_BYTES: usize = 27;

fn first_byte_slot(b: u8) -> usize {
    if b.is_ascii_lowercase() {
        usize::from(b - b'a')
    } else {
        FIRST_BYTES - 1
    }
}

/// A word of at most [`PACKED`] bytes as an integer (its bytes, zeros after), built from two
/// 64-bit halves byte by byte (a copy of a variable length would call `memcpy`).
fn pack(word: &[u8]) -> u128 {
    let half = |bytes: &[u8]| {
        bytes
            .iter()
            .rev()
            .fold(0u64, |key, &b| key << 8 | u64::from(b))
    };
    let (low, high) = word.split_at(word.len().min(8));
    u128::from(half(low)) | u128::from(half(high)) << 64
}

impl<T> Default for WordSet<T> {
    /// The empty set.
    fn default() -> Self {
        WordSet::new(std::iter::empty::<(&str, T)>())
    }
}

impl<T> WordSet<T> {
    /// The set of these words; a word given twice keeps its first value.
    pub(crate) fn new<S: AsRef<str>>(words: impl IntoIterator<Item = (S, T)>) -> Self {
        let mut buckets: Vec<Vec<(u128, T)>> = Vec::new();
        buckets.resize_with((PACKED + 1) * FIRST_BYTES, Vec::new);
        let mut long: Vec<(Box<str>, T)> = Vec::new();
        let mut first_bytes = [0u32; PACKED + 1];
        for (word, value) in words {
            let word = word.as_ref();
            if word.len() > PACKED {
                if !long.iter().any(|(w, _)| **w == *word) {
                    long.push((word.into(), value));
                }
                continue;
            }
            let key = pack(word.as_bytes());
            first_bytes[word.len()] |= Self::first_byte_bit(word.as_bytes());
            let bucket = &mut buckets[Self::bucket(word.as_bytes())];
            if !bucket.iter().any(|(k, _)| *k == key) {
                bucket.push((key, value));
            }
        }
        WordSet {
            first_bytes,
            buckets: buckets.into_boxed_slice(),
            long,
        }
    }

    fn bucket(word: &[u8]) -> usize {
        word.len() * FIRST_BYTES + word.first().map_or(0, |&b| first_byte_slot(b))
    }

    fn first_byte_bit(word: &[u8]) -> u32 {
        1 << word.first().map_or(0, |&b| first_byte_slot(b))
    }

    /// Whether some word has the length and first byte of `word` (at most [`PACKED`] bytes).
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        self.first_bytes[word.len()] & Self::first_byte_bit(word) != 0
    }

    /// The value of `word`, if it is one of the set.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        let bytes = word.as_bytes();
        if bytes.len() <= PACKED && !self.may_hold(bytes) {
            return None;
        }
        self.find(word)
    }

    /// [`Self::get`] past the first check, out of line so that the check alone is inlined.
    #[inline(never)]
    fn find(&self, word: &str) -> Option<&T> {
        let bytes = word.as_bytes();
        if bytes.len() > PACKED {
            return self.long.iter().find(|(w, _)| **w == *word).map(|(_, v)| v);
        }
        let key = pack(bytes);
        self.buckets[Self::bucket(bytes)]
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }

    /// Whether `word` is one of the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Whether `word` with its ASCII letters lowercased is one of the set.
    pub(crate) fn contains_ascii_lowercased(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.len() > PACKED {
            return self.long.iter().any(|(w, _)| w.eq_ignore_ascii_case(word));
        }
        let mut lower = [0u8; PACKED];
        for (l, b) in lower.iter_mut().zip(bytes) {
            *l = b.to_ascii_lowercase();
        }
        let lower = &lower[..bytes.len()];
        self.may_hold(lower) && {
            let key = pack(lower);
            self.buckets[Self::bucket(lower)]
                .iter()
                .any(|(k, _)| *k == key)
        }
    }
}

/// A built-in table, or a panic naming the file: the file is compiled in and read by a unit
/// test, so this can only fail in a build whose tests fail.
pub(crate) fn built_in<T>(table: Result<T>) -> T {
    table.unwrap_or_else(|e| panic!("built-in data file: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_check_the_header_and_cells() {
        let tsv = "# comment\na\tb\n\nx\ty\n# more\nz\tw\n";
        let read = rows("t.tsv", tsv, &["a", "b"]).unwrap_or_default();
        let cells: Vec<(usize, Vec<&str>)> = read.into_iter().map(|r| (r.line, r.fields)).collect();
        assert_eq!(cells, vec![(4, vec!["x", "y"]), (6, vec!["z", "w"])]);
        assert!(rows("t.tsv", "a\tc\nx\ty\n", &["a", "b"]).is_err());
        assert!(rows("t.tsv", "a\tb\nx\n", &["a", "b"]).is_err());
        assert!(rows("t.tsv", "# only a comment\n", &["a", "b"]).is_err());
    }

    #[test]
    fn word_sets_find_exactly_their_words() {
        let long = "anticonstitutionnellement";
        let set = WordSet::new([("mars", 3), ("mai", 5), ("", 0), (long, 9), ("mars", 4)]);
        assert_eq!(
            set.get("mars"),
            Some(&3),
            "the first value of a word given twice"
        );
        assert_eq!(set.get("mai"), Some(&5));
        assert_eq!(set.get(""), Some(&0));
        assert_eq!(set.get(long), Some(&9));
        for absent in ["mar", "marss", "Mars", "m", "anticonstitutionnel", "é"] {
            assert_eq!(set.get(absent), None, "{absent}");
        }
        assert!(set.contains_ascii_lowercased("MARS"));
        assert!(set.contains_ascii_lowercased("AntiConstitutionnellement"));
        assert!(!set.contains_ascii_lowercased("Mars-"));
    }
}
