//! Month and weekday names, French and English, with their abbreviations: the one list of the
//! workspace (`data/calendar.tsv`), looked up by folded spelling (lowercase, no accents).
//!
//! ```
//! use sahel_facets::calendar::{self, CalendarKind};
//! let fevrier = calendar::lookup("fevrier").unwrap();
//! assert_eq!((fevrier.kind, fevrier.number, fevrier.spelling), (CalendarKind::Month, 2, "février"));
//! assert_eq!(calendar::month("sept"), Some((9, true)));
//! assert_eq!(calendar::weekday("dimanche"), Some(7));
//! assert!(calendar::lookup("gao").is_none());
//! ```

use std::sync::OnceLock;

use crate::data::{built_in, rows, yes_no, WordSet};
use crate::{Error, Result};

const FILE: &str = "data/calendar.tsv";
const CALENDAR_TSV: &str = include_str!("../data/calendar.tsv");
const HEADER: [&str; 6] = [
    "kind",
    "number",
    "language",
    "spelling",
    "abbreviation",
    "common_word",
];

/// Whether a calendar word names a month or a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarKind {
    Month,
    Weekday,
}

/// One spelling of a month or weekday name: a row of `data/calendar.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarWord {
    pub kind: CalendarKind,
    /// Month 1–12, weekday 1–7 (Monday = 1).
    pub number: u32,
    /// `fr` or `en`.
    pub language: &'static str,
    /// As written, lowercase with its accents (`février`, `août`).
    pub spelling: &'static str,
    /// The spelling folded (`fevrier`, `aout`): the lookup key.
    pub folded: String,
    /// An abbreviation (`janv`, `sept`): a month only next to a day or a year.
    pub abbreviation: bool,
    /// Also an ordinary word of its language (`may`, `march`).
    pub common_word: bool,
}

impl CalendarWord {
    /// Whether this is a full month name (not an abbreviation).
    pub fn is_full_month(&self) -> bool {
        self.kind == CalendarKind::Month && !self.abbreviation
    }
}

/// The calendar words, and an index of them by folded spelling.
struct Calendar {
    /// In file order.
    words: Vec<CalendarWord>,
    /// Folded spelling → index into `words`.
    index: WordSet<usize>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| built_in(parse(CALENDAR_TSV)))
}

fn parse(tsv: &'static str) -> Result<Calendar> {
    let mut words = Vec::new();
    for row in rows(FILE, tsv, &HEADER)? {
        let malformed = |message: String| Error::Malformed {
            file: FILE.to_string(),
            line: row.line,
            message,
        };
        let [kind, number, language, spelling, abbreviation, common_word] = row.fields[..] else {
            return Err(malformed(format!("{} cells", row.fields.len())));
        };
        let kind = match kind {
            "month" => CalendarKind::Month,
            "weekday" => CalendarKind::Weekday,
            other => return Err(malformed(format!("unknown kind {other:?}"))),
        };
        let number: u32 = number
            .parse()
            .map_err(|_| malformed(format!("bad number {number:?}")))?;
        words.push(CalendarWord {
            kind,
            number,
            language,
            spelling,
            folded: sahel_text::fold(spelling),
            abbreviation: yes_no(FILE, &row, abbreviation)?,
            common_word: yes_no(FILE, &row, common_word)?,
        });
    }
    for (i, w) in words.iter().enumerate() {
        if words[..i].iter().any(|o| o.folded == w.folded) {
            return Err(Error::Malformed {
                file: FILE.to_string(),
                line: 0,
                message: format!("{:?} listed twice", w.folded),
            });
        }
    }
    Ok(Calendar {
        index: WordSet::new(words.iter().map(|w| w.folded.as_str()).zip(0..)),
        words,
    })
}

/// Every month and weekday spelling, in the order of `data/calendar.tsv`.
pub fn words() -> &'static [CalendarWord] {
    &calendar().words
}

/// The month or weekday a folded word spells (`fevrier`, `sept`, `lundi`), if any.
#[inline]
pub fn lookup(folded: &str) -> Option<&'static CalendarWord> {
    let c = calendar();
    c.index.get(folded).map(|&i| &c.words[i])
}

/// Month number of a folded month name or abbreviation, and whether it is an abbreviation.
pub fn month(folded: &str) -> Option<(u32, bool)> {
    lookup(folded)
        .filter(|w| w.kind == CalendarKind::Month)
        .map(|w| (w.number, w.abbreviation))
}

/// Weekday of a folded weekday name, Monday = 1.
pub fn weekday(folded: &str) -> Option<u32> {
    lookup(folded)
        .filter(|w| w.kind == CalendarKind::Weekday)
        .map(|w| w.number)
}

/// Whether a folded word is an English month name or abbreviation (`march`, `sept`).
pub fn is_english_month(folded: &str) -> bool {
    lookup(folded).is_some_and(|w| w.kind == CalendarKind::Month && w.language == "en")
}

/// Whether a folded word is a month (full or abbreviated) or a weekday.
pub fn is_month_or_weekday(folded: &str) -> bool {
    lookup(folded).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_calendar_parses() {
        assert!(parse(CALENDAR_TSV).is_ok());
        assert_eq!(
            words()
                .iter()
                .filter(|w| w.kind == CalendarKind::Month)
                .count(),
            42
        );
        assert_eq!(
            words()
                .iter()
                .filter(|w| w.kind == CalendarKind::Weekday)
                .count(),
            14
        );
    }

    #[test]
    fn every_month_and_weekday_has_a_full_name_in_both_languages() {
        for (kind, last) in [(CalendarKind::Month, 12), (CalendarKind::Weekday, 7)] {
            for number in 1..=last {
                for language in ["fr", "en"] {
                    assert!(
                        words().iter().any(|w| w.kind == kind
                            && w.number == number
                            && w.language == language
                            && !w.abbreviation),
                        "{kind:?} {number} {language}"
                    );
                }
            }
        }
    }

    #[test]
    fn lookups_are_folded_and_exact() {
        assert_eq!(month("aout"), Some((8, false)));
        assert_eq!(month("août"), None, "looked up folded");
        assert_eq!(month("janv"), Some((1, true)));
        assert_eq!(month("lundi"), None);
        assert_eq!(weekday("lundi"), Some(1));
        assert_eq!(weekday("sunday"), Some(7));
        assert_eq!(weekday("mai"), None);
        assert!(lookup("may").is_some_and(|w| w.common_word));
        assert!(!is_month_or_weekday("ma"));
        assert!(!is_month_or_weekday("septembres"));
        assert!(!is_month_or_weekday(""));
    }
}
