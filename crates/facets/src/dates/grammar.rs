//! The date grammar: recognises date expressions in a token stream, without resolving them (the
//! resolver in `mod.rs` turns them into calendar values against the publication date).

use super::lexicon::{self, Unit};
use super::tokens::{Tok, TokKind};

/// A day, possibly with its month, year and weekday, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dmy {
    pub day: u32,
    pub month: Option<u32>,
    pub year: Option<i32>,
    pub weekday: Option<u32>,
}

/// How a weekday is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayMode {
    /// `lundi`, `ce lundi`, `on Monday`: the nearest such day on the side the sentence's tense says.
    Bare,
    /// `lundi dernier`, `last Monday`: strictly before the publication date.
    Last,
    /// `lundi prochain`, `next Monday`: strictly after.
    Next,
    /// `lundi de la semaine prochaine` (+1), `lundi cette semaine` (0), `… de la semaine dernière` (-1).
    Week(i64),
    /// `lundi en huit` (7), `lundi en quinze` (14): from the first such day on or after publication.
    Later(i64),
}

/// A recognised date expression, not yet resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A day with at least a month or a weekday.
    Date(Dmy),
    /// `du 26 au 27 juillet`, `entre le 13 et le 15 juillet`, `dans la nuit du 26 au 27`.
    Range(Dmy, Dmy),
    /// `en mars 2024`, `courant janvier`, `fin mars`, `mars dernier` (shift -1), `mars prochain` (+1).
    Month {
        month: u32,
        year: Option<i32>,
        shift: i32,
    },
    /// `de janvier à mars 2024`, `entre janvier et mars`, `janvier–mars 2024`, `from January to
    /// March`: every month from `from` to `to`, in the year of `to` (`from` in the year before
    /// when it comes later in the calendar: `de novembre à février`).
    MonthRange {
        from: u32,
        to: u32,
        year: Option<i32>,
    },
    /// `le mois dernier` (-1), `ce mois` (0), `le mois prochain` (+1).
    MonthOffset(i32),
    /// `en 2012`, `in 2012`.
    Year(i32),
    /// `l'année dernière` (-1), `cette année` (0), `next year` (+1).
    YearOffset(i32),
    /// Days from the publication date: `hier` (-1), `aujourd'hui` (0), `demain` (+1).
    DayOffset(i64),
    /// Days from the previous date in the text: `la veille` (-1), `le lendemain`, `deux jours plus tard`.
    FromPrevious(i64),
    /// A date and a shift in days: `le lendemain du 13 février`.
    Shifted(Dmy, i64),
    Weekday(u32, WeekdayMode),
    /// `dans la nuit de samedi à dimanche`.
    WeekdayPair(u32, u32),
    /// `il y a trois jours` (-3 days), `dans deux mois` (+2 months), `two weeks ago`.
    Offset(i64, Unit),
    /// `la semaine dernière` (-1), `cette semaine` (0): Monday to Sunday.
    Week(i64),
    /// `le week-end dernier` (-1), `ce week-end` (0): Saturday and Sunday.
    Weekend(i64),
    /// Part of a week relative to the publication's (0 this week, -1 the last), weekdays
    /// from..to: `en début de semaine` (0, 0, 1), `en fin de semaine dernière` (-1, 3, 6).
    WeekPart(i64, u32, u32),
    /// Months from..to of a year (`None`: the year around publication): `fin 2023`, `en début d'année`.
    YearPart(Option<i32>, u32, u32),
    /// `les trois derniers jours` (-3), `les 3 prochains mois` (+3): the periods before (after)
    /// the publication's.
    LastN(i64, Unit),
    /// A day of an unnamed month: `le 16,`.
    DayAlone(u32),
    /// A fixed holiday (day, month): `Noël`, `la Toussaint`.
    Holiday(u32, u32),
    /// The last day of a month: `le dernier jour d'octobre 2015`.
    LastDayOf(u32, Option<i32>),
    /// The n-th (1-4; -1 = last) weekday of a month: `le premier mercredi de mars`,
    /// `le dernier vendredi du mois`, `the first Monday of next month`. `month: None` is the
    /// publication month shifted by `offset` months.
    NthWeekday {
        n: i32,
        weekday: u32,
        month: Option<u32>,
        year: Option<i32>,
        offset: i32,
    },
}

/// An expression and the tokens it covers (`first..end`).
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub expr: Expr,
    pub first: usize,
    pub end: usize,
}

/// Reads date expressions from tokens.
pub struct Grammar<'a> {
    t: &'a [Tok<'a>],
    english_first: bool,
    /// For each token, the index of the first token at or after it that can carry a date
    /// ([`is_date_content`]); `u32::MAX` when none follows.
    next_content: Vec<u32>,
}

/// Tokens an expression may have before its first content token (`dans la nuit du 26`: two).
const MAX_FUNCTION_WORDS_BEFORE_CONTENT: usize = 6;

const SEPARATORS: [char; 3] = ['/', '.', '-'];

impl<'a> Grammar<'a> {
    pub fn new(t: &'a [Tok<'a>], english_first: bool) -> Self {
        let mut next_content = vec![u32::MAX; t.len()];
        let mut next = u32::MAX;
        for (k, tok) in t.iter().enumerate().rev() {
            if is_date_content(tok) {
                next = k as u32;
            }
            next_content[k] = next;
        }
        Grammar {
            t,
            english_first,
            next_content,
        }
    }

    fn w(&self, i: usize) -> Option<&str> {
        self.t.get(i).and_then(|t| t.word())
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == Some(word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.w(i).is_some_and(|w| words.contains(&w))
    }

    fn p(&self, i: usize, c: char) -> bool {
        self.t.get(i).and_then(|t| t.punct()) == Some(c)
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.t.get(i).and_then(|t| t.num())
    }

    /// Skips an elided article: `d'`, `l'` (the apostrophe glued to the letter).
    fn elision(&self, i: usize, letter: &str) -> Option<usize> {
        (self.is(i, letter) && self.p(i + 1, '\'')).then_some(i + 2)
    }

    /// `de`, `du`, `d'` before a month or a date.
    fn of(&self, i: usize) -> Option<usize> {
        if self.is_any(i, &["de", "du", "of"]) {
            Some(i + 1)
        } else {
            self.elision(i, "d")
        }
    }

    /// A sequence of words, each token a word equal to the next item.
    fn words(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.is(i + k, w))
            .then_some(i + words.len())
    }

    /// A word, optionally preceded by a glued hyphen: `avant-hier`, `week-end`, `mi-mars`.
    fn hyphen_then(&self, i: usize, word: &str) -> Option<usize> {
        if self.is(i, word) {
            Some(i + 1)
        } else if self.p(i, '-') && self.is(i + 1, word) {
            Some(i + 2)
        } else {
            None
        }
    }

    /// A cardinal number from 1 to 31 written in words: `trois`, `dix-huit`, `vingt et un`.
    fn number_words(&self, i: usize) -> Option<(u32, usize)> {
        let first = lexicon::number_word(self.w(i)?)?;
        if first == 10 || first == 20 || first == 30 {
            let mut j = i + 1;
            if self.p(j, '-') || self.is(j, "et") || self.is(j, "and") {
                j += 1;
            }
            if j > i + 1 {
                if let Some(unit) = self.w(j).and_then(lexicon::number_word) {
                    let total = first + unit;
                    if unit < 10 && total <= 31 {
                        return Some((total, j + 1));
                    }
                }
            }
            // `dix-sept`: `dix` followed by `sept`, `huit`, `neuf` without `et`.
            if first == 10 && self.p(i + 1, '-') {
                if let Some(unit @ 7..=9) = self.w(i + 2).and_then(lexicon::number_word) {
                    return Some((10 + unit, i + 3));
                }
            }
        }
        Some((first, i + 1))
    }

    /// A count: digits (up to three) or number words, `un`/`une` included.
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, n)) = self.num(i) {
            if n <= 3 && !self.glued_word_after(i) {
                return Some((v, i + 1));
            }
            return None;
        }
        // `une dizaine de (jours)`, `une quinzaine de`: about that many.
        if self.is_any(i, &["une", "un"]) {
            let about = self.w(i + 1).and_then(lexicon::about_count);
            if let Some(n) = about {
                return self.is_any(i + 2, &["de", "d"]).then_some((n, i + 3));
            }
        }
        self.number_words(i)
    }

    /// A word glued after a number (`15h`, `5km`), which makes it no day.
    fn glued_word_after(&self, i: usize) -> bool {
        self.glued(i + 1) && self.w(i + 1).is_some()
    }

    /// A day of the month: `17`, `1er`, `2e`, `3rd`, `premier`, `quinze`, `twenty-first`.
    fn day(&self, i: usize, allow_words: bool) -> Option<(u32, usize)> {
        if let Some((v, n)) = self.num(i) {
            if n > 2 || !(1..=31).contains(&v) {
                return None;
            }
            let mut j = i + 1;
            if self.glued(j) {
                match self.w(j) {
                    Some(w) if lexicon::is_ordinal_suffix(w) => j += 1,
                    Some(_) => return None,
                    None => {
                        // `15:30`, `15.30` as times, `1,5` as decimals.
                        if (self.p(j, ':') || self.p(j, ','))
                            && self.glued(j + 1)
                            && self.num(j + 1).is_some()
                        {
                            return None;
                        }
                    }
                }
            }
            if self.glued(i)
                && self
                    .t
                    .get(i.wrapping_sub(1))
                    .is_some_and(|t| t.num().is_some())
            {
                return None;
            }
            return Some((v, j));
        }
        let word = self.w(i)?;
        if let Some(v) = lexicon::ordinal_word(word) {
            return Some((v, i + 1));
        }
        if !allow_words || matches!(word, "un" | "une" | "one") {
            return None;
        }
        // `twenty-first`, `thirty-first`
        if let Some(tens @ (20 | 30)) = lexicon::number_word(word) {
            if self.p(i + 1, '-') {
                if let Some(unit) = self.w(i + 2).and_then(lexicon::ordinal_word) {
                    if unit < 10 && tens + unit <= 31 {
                        return Some((tens + unit, i + 3));
                    }
                }
            }
        }
        let (v, j) = self.number_words(i)?;
        (1..=31).contains(&v).then_some((v, j))
    }

    /// A month name; abbreviations only when `allow_abbr`; a glued `.` after an abbreviation is
    /// part of it.
    fn month(&self, i: usize, allow_abbr: bool) -> Option<(u32, usize)> {
        let (m, abbr) = lexicon::month(self.w(i)?)?;
        if abbr && !allow_abbr {
            return None;
        }
        let mut j = i + 1;
        if abbr && self.p(j, '.') && self.glued(j) {
            j += 1;
        }
        Some((m, j))
    }

    /// An English month name or abbreviation, capitalised as English writes it.
    fn is_english_month(&self, i: usize) -> bool {
        self.w(i).is_some_and(lexicon::is_english_month)
            && self.t.get(i).is_some_and(|t| t.capitalized)
    }

    /// A four-digit year between 1900 and 2100.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (v, n) = self.num(i)?;
        if n != 4 || !(1900..=2100).contains(&v) || self.glued_word_after(i) {
            return None;
        }
        Some((v as i32, i + 1))
    }

    /// A two-digit year after a month (`31 octobre 74`), only when no word follows it (`74 morts`).
    fn short_year(&self, i: usize) -> Option<(i32, usize)> {
        let (v, n) = self.num(i)?;
        let continues = self.t.get(i + 1).is_some_and(|t| {
            t.line == self.t[i].line
                && (t.word().is_some() || t.num().is_some() || t.punct() == Some('%'))
        });
        if n != 2 || continues {
            return None;
        }
        Some((two_digit_year(v), i + 1))
    }

    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let wd = lexicon::weekday(self.w(i)?)?;
        let mut j = i + 1;
        if self.p(j, ',') {
            j += 1;
        }
        Some((wd, j))
    }

    /// `[lundi] [le] 17 [de] septembre [2023]` and `[Monday,] March 3[rd][,] [2024]`.
    pub fn textual_date(&self, i: usize) -> Option<(Dmy, usize)> {
        let i = if self.is_any(i, &["le", "ce", "on", "this"]) && self.weekday(i + 1).is_some() {
            i + 1
        } else {
            i
        };
        let (weekday, mut j) = match self.weekday(i) {
            Some((wd, j)) => (Some(wd), j),
            None => (None, i),
        };
        if self.is_any(j, &["le", "the"]) && weekday.is_some() {
            j += 1;
        }
        if let Some((day, k)) = self.day(j, true) {
            let mut k = k;
            if self.is(k, "of") {
                k += 1;
            } else if self.is(k, "jour") {
                k = self.of(k + 1)?;
            }
            if let Some((month, l)) = self.month(k, true) {
                let (year, l) = self.year_after(l);
                return valid(Dmy {
                    day,
                    month: Some(month),
                    year,
                    weekday,
                })
                .map(|d| (d, l));
            }
        }
        if self.is_english_month(j) {
            let (month, k) = self.month(j, true)?;
            let (day, l) = self.day(k, false)?;
            self.num(k)?;
            let (year, l) = self.year_after(l);
            return valid(Dmy {
                day,
                month: Some(month),
                year,
                weekday,
            })
            .map(|d| (d, l));
        }
        None
    }

    /// An optional year after a month: `, 2024`, ` 2024`, ` 74`.
    fn year_after(&self, l: usize) -> (Option<i32>, usize) {
        let m = if self.p(l, ',') { l + 1 } else { l };
        if let Some((y, e)) = self.year(m) {
            return (Some(y), e);
        }
        if m == l {
            if let Some((y, e)) = self.short_year(l) {
                return (Some(y), e);
            }
        }
        (None, l)
    }

    /// `18/09/2023`, `18.09.2023`, `18-09-2023`, `2023-09-18`, `20/02/14`, `le 17/02`.
    pub fn numeric_date(&self, i: usize) -> Option<(Dmy, usize)> {
        let (a, an) = self.num(i)?;
        if i > 0 && self.glued(i) {
            let prev = &self.t[i - 1];
            if prev.num().is_some()
                || prev.word().is_some()
                || prev.punct().is_some_and(|c| SEPARATORS.contains(&c))
            {
                return None;
            }
        }
        let sep = self.t.get(i + 1)?.punct()?;
        if !SEPARATORS.contains(&sep) || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, bn) = self.num(i + 2)?;
        let has_third = self.p(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4);
        let third = if has_third { self.num(i + 4) } else { None };
        let end = if third.is_some() { i + 5 } else { i + 3 };
        // The expression must not continue with another separator and number (`1.2.3.4`, `020/2023/DIRPA`).
        if self.glued(end)
            && self.t.get(end).is_some_and(|t| {
                t.num().is_some()
                    || t.word().is_some()
                    || (t.punct().is_some_and(|c| SEPARATORS.contains(&c))
                        && self.glued(end + 1)
                        && self.num(end + 1).is_some())
            })
        {
            return None;
        }
        match third {
            Some((c, cn)) if an == 4 => {
                // ISO order.
                if bn > 2 || cn > 2 || sep == '.' {
                    return None;
                }
                valid(Dmy {
                    day: c,
                    month: Some(b),
                    year: Some(a as i32),
                    weekday: None,
                })
                .map(|d| (d, end))
            }
            Some((c, cn)) => {
                if an > 2 || bn > 2 {
                    return None;
                }
                let year = match cn {
                    4 => c as i32,
                    2 if sep == '/' => two_digit_year(c),
                    _ => return None,
                };
                let (day, month) = if b > 12 && a <= 12 && self.english_first {
                    (b, a)
                } else {
                    (a, b)
                };
                valid(Dmy {
                    day,
                    month: Some(month),
                    year: Some(year),
                    weekday: None,
                })
                .map(|d| (d, end))
            }
            None => {
                // Day and month only: `le 17/02`, only after a word that introduces a date.
                if sep != '/' || an > 2 || bn > 2 {
                    return None;
                }
                // Bare, only when it cannot be a fraction (`17/2`, `31/10`, `05/03`; not `1/3`).
                let introduced = i > 0
                    && self.is_any(
                        i - 1,
                        &["le", "du", "au", "depuis", "since", "on", "ce", "jusqu"],
                    );
                if !introduced && a <= 12 && an < 2 && bn < 2 {
                    return None;
                }
                valid(Dmy {
                    day: a,
                    month: Some(b),
                    year: None,
                    weekday: None,
                })
                .map(|d| (d, end))
            }
        }
    }

    /// Any single date: numeric or textual.
    pub fn date(&self, i: usize) -> Option<(Dmy, usize)> {
        self.numeric_date(i)
            .or_else(|| self.textual_date(i))
            .or_else(|| self.spaced_date(i))
    }

    /// `20 02 2014`, `le 17 02`: numbers separated by spaces on one line, with nothing numeric
    /// around them (phone numbers, tallies); without a year only after `le`.
    fn spaced_date(&self, i: usize) -> Option<(Dmy, usize)> {
        let line = self.t.get(i)?.line;
        let plain = |k: usize, max_digits: usize| -> Option<u32> {
            let t = self.t.get(k)?;
            let (v, n) = t.num()?;
            (t.line == line && !t.glued && n <= max_digits).then_some(v)
        };
        let (d, dn) = self.num(i)?;
        if dn > 2 || (i > 0 && self.t[i - 1].num().is_some()) || self.glued_word_after(i) {
            return None;
        }
        let m = plain(i + 1, 2)?;
        if self.glued_word_after(i + 1) {
            return None;
        }
        let numeric_after = |k: usize| {
            self.t.get(k).is_some_and(|t| {
                t.line == line && (t.num().is_some() || (t.glued && t.word().is_some()))
            })
        };
        if let Some(y) = plain(i + 2, 4) {
            let digits = self.t[i + 2].num().map_or(0, |(_, n)| n);
            if numeric_after(i + 3) || !(digits == 4 || digits == 2) {
                return None;
            }
            let year = if digits == 4 {
                y as i32
            } else {
                two_digit_year(y)
            };
            if !(1900..=2100).contains(&year) {
                return None;
            }
            return valid(Dmy {
                day: d,
                month: Some(m),
                year: Some(year),
                weekday: None,
            })
            .map(|x| (x, i + 3));
        }
        if i == 0
            || !self.is(i - 1, "le")
            || self
                .t
                .get(i + 2)
                .is_some_and(|t| t.line == line && t.punct().is_none())
        {
            return None;
        }
        valid(Dmy {
            day: d,
            month: Some(m),
            year: None,
            weekday: None,
        })
        .map(|x| (x, i + 2))
    }

    /// One end of a range: `[samedi] 13[e] [juillet [2013]]`.
    fn range_end(&self, i: usize) -> Option<(Dmy, usize)> {
        if let Some(found) = self.numeric_date(i) {
            return Some(found);
        }
        let (weekday, j) = match self.weekday(i) {
            Some((wd, j)) => (Some(wd), j),
            None => (None, i),
        };
        if self.is_english_month(j) {
            let (month, k) = self.month(j, true)?;
            let (day, l) = self.day(k, false)?;
            let (year, l) = self.year_after(l);
            return valid(Dmy {
                day,
                month: Some(month),
                year,
                weekday,
            })
            .map(|d| (d, l));
        }
        let (day, mut k) = self.day(j, true)?;
        if self.is(k, "of") {
            k += 1;
        }
        match self.month(k, true) {
            Some((month, l)) => {
                let (year, l) = self.year_after(l);
                valid(Dmy {
                    day,
                    month: Some(month),
                    year,
                    weekday,
                })
                .map(|d| (d, l))
            }
            None => Some((
                Dmy {
                    day,
                    month: None,
                    year: None,
                    weekday,
                },
                k,
            )),
        }
    }

    /// The word(s) joining the two ends of a range, given how it opened.
    fn range_joint(&self, i: usize, opener: Opener) -> Option<usize> {
        match opener {
            Opener::Between => {
                if self.is_any(i, &["et", "and"]) {
                    let j = i + 1;
                    Some(if self.is_any(j, &["le", "the"]) {
                        j + 1
                    } else {
                        j
                    })
                } else {
                    None
                }
            }
            Opener::From | Opener::None => {
                if self.is_any(i, &["au", "to", "until", "till", "through"]) || self.p(i, '-') {
                    Some(i + 1)
                } else if self.is(i, "jusqu") && self.p(i + 1, '\'') && self.is(i + 2, "au") {
                    Some(i + 3)
                } else if opener == Opener::From && self.is(i, "a") {
                    Some(i + 1)
                } else {
                    None
                }
            }
        }
    }

    /// Ranges: `du 26 au 27 juillet`, `dans la nuit du 26 au 27`, `entre le 13 et le 15 juillet`,
    /// `13-15 juillet`, `from 3 to 5 March`, `March 3-5`, `dans la nuit de samedi à dimanche`.
    pub fn range(&self, i: usize) -> Option<(Expr, usize)> {
        let (j, night, opener) = self.range_opening(i);
        if night && opener == Opener::From {
            if let Some((first, k)) = self.weekday(j) {
                let k = self.range_joint(k, opener)?;
                let (second, l) = self.weekday(k)?;
                return Some((Expr::WeekdayPair(first, second), l));
            }
        }
        if self.is_english_month(j) {
            if let Some(found) = self.english_day_range(j, opener) {
                return Some(found);
            }
            if opener == Opener::None {
                return None;
            }
        }
        let (start, k) = self.range_end(j)?;
        let k = self.range_joint(k, opener)?;
        let Some((end, l)) = self.range_end(k) else {
            // `from Thursday July 25 until Saturday`, `du jeudi 25 juillet au samedi`: the end is
            // the first such weekday after the start.
            let (weekday, l) = self.weekday(k)?;
            let end = weekday_after(start, weekday).filter(|_| opener == Opener::From)?;
            return Some((Expr::Range(start, end), l));
        };
        if end.month.is_none() && start.month.is_none() && !self.monthless_range_ok(j, k, l, opener)
        {
            return None;
        }
        if end.month.is_none() && start.month.is_some() {
            return None;
        }
        if start.year.is_some() && end.year.is_none() {
            return None;
        }
        Some((Expr::Range(start, end), l))
    }

    /// The opening of a range at token `i`: the token after it, whether it is a night (`dans la
    /// nuit du`, `overnight`, `the night of`), and its opener (`du`, `from`; `entre`, `between`).
    fn range_opening(&self, i: usize) -> (usize, bool, Opener) {
        let mut j = i;
        let mut night = false;
        if let Some(k) = self.words(j, &["dans", "la", "nuit"]) {
            j = k;
            night = true;
        } else if let Some(k) = self.words(j, &["la", "nuit"]) {
            j = k;
            night = true;
        } else if self.is_any(j, &["nuit", "overnight"]) {
            j += 1;
            night = true;
        } else if let Some(k) = self.words(j, &["the", "night", "of"]) {
            j = k;
            night = true;
        }
        let opener = if self.is_any(j, &["du", "from"]) || (night && self.is(j, "de")) {
            j += 1;
            Opener::From
        } else if self.is_any(j, &["entre", "between"]) {
            j += 1;
            if self.is_any(j, &["le", "the"]) {
                j += 1;
            }
            Opener::Between
        } else {
            Opener::None
        };
        (j, night, opener)
    }

    /// `March 3-5`, `March 3 to 5, 2024`, `between March 27 and 31, 2022`, `from May 3 to 5`: a
    /// range of days of one English month at token `j` (else, `between March 27 and April 2`,
    /// the two ends are read as dates).
    fn english_day_range(&self, j: usize, opener: Opener) -> Option<(Expr, usize)> {
        let (month, k) = self.month(j, true)?;
        let (d1, k) = self.day(k, false)?;
        let k = self.range_joint(k, opener)?;
        let (d2, l) = self.day(k, false)?;
        if self.month(l, true).is_some() {
            return None; // `from May 3 to 5 June`: not one month
        }
        let (year, l) = self.year_after(l);
        let start = valid(Dmy {
            day: d1,
            month: Some(month),
            year,
            weekday: None,
        })?;
        let end = valid(Dmy {
            day: d2,
            month: Some(month),
            year,
            weekday: None,
        })?;
        (d1 < d2).then_some((Expr::Range(start, end), l))
    }

    /// Whether a range of days without a month (start at `j`, end at `k`, next token `l`) is one:
    /// only `du 26 au 27` and `entre le 13 et le 15`, not followed by a noun (`entre 2 et 3
    /// heures`, `du 3 au 5 morts`).
    fn monthless_range_ok(&self, j: usize, k: usize, l: usize, opener: Opener) -> bool {
        let articled = opener == Opener::From || self.is(k - 1, "le");
        let noun_follows = self.w(l).is_some_and(|w| {
            !matches!(
                w,
                "courant" | "dernier" | "passe" | "de" | "a" | "et" | "dans" | "au" | "ou"
            )
        });
        !(opener == Opener::None
            || !articled
            || noun_follows
            || self.is_any(j.saturating_sub(1), &["from", "between"])
            || self.is(j.saturating_sub(2), "between"))
    }

    /// `de janvier à mars [2024]`, `entre janvier et mars`, `from January to March`, `between
    /// January and March`, or two months joined by a dash (`janvier–mars 2024`, `January-March`).
    /// Months written in full: `mars`/`mai` alone are months only in such a frame.
    pub fn month_range(&self, i: usize) -> Option<(Expr, usize)> {
        let (lead, first) = match self.w(i) {
            Some("de" | "entre" | "from" | "between") => (true, i + 1),
            Some("d") if self.p(i + 1, '\'') => (true, i + 2),
            _ => (false, i),
        };
        let (from, k) = self.month(first, false)?;
        let joined = match self.w(k) {
            Some("a" | "au" | "et" | "to" | "and" | "until" | "through") => lead,
            None => !lead && self.p(k, '-'),
            _ => false,
        };
        if !joined {
            return None;
        }
        let (to, l) = self.month(k + 1, false)?;
        if from == to {
            return None;
        }
        let (year, end) = match self.year(l) {
            Some((y, end)) => (Some(y), end),
            None => (None, l),
        };
        Some((Expr::MonthRange { from, to, year }, end))
    }

    /// `en mars 2024`, `courant janvier`, `fin mars`, `début avril`, `mi-décembre`, `in March 2024`,
    /// `mars dernier`, `le mois de mars`, `mars 2024`.
    pub fn month_expr(&self, i: usize) -> Option<(Expr, usize)> {
        const FILLERS: [&str; 9] = ["au", "a", "la", "le", "du", "de", "d", "of", "the"];
        const TRIGGERS: [&str; 16] = [
            "en",
            "in",
            "courant",
            "mois",
            "debut",
            "fin",
            "mi",
            "early",
            "mid",
            "late",
            "depuis",
            "since",
            "end",
            "beginning",
            "start",
            "during",
        ];
        let mut j = i;
        let mut triggered = false;
        while j < i + 6 {
            match self.w(j) {
                Some(w) if TRIGGERS.contains(&w) => {
                    triggered = true;
                    j += 1;
                }
                Some(w) if FILLERS.contains(&w) => j += 1,
                None if j > i && (self.p(j, '-') || self.p(j, '\'')) => j += 1,
                _ => break,
            }
        }
        // `en` before a month needs nothing else, but must be right before it.
        let (month, k) = self.month(j, false).or_else(|| {
            // Abbreviations only with a year: `sept. 2014`.
            let (m, k) = self.month(j, true)?;
            self.year(k).map(|_| (m, k))
        })?;
        let (year, mut l) = match self.year(k) {
            Some((y, l)) => (Some(y), l),
            None => (None, k),
        };
        let mut shift = 0;
        if year.is_none() {
            if self.is_any(l, &["dernier", "passe"]) {
                shift = -1;
                l += 1;
            } else if self.is_any(l, &["prochain", "suivant"]) {
                shift = 1;
                l += 1;
            } else if j > i && self.is_any(j - 1, &["last", "past"]) {
                shift = -1;
            } else if j > i && self.is(j - 1, "next") {
                shift = 1;
            }
        }
        // "le stade du 26-Mars", "la place du 8-Mai": a day and a month joined by a hyphen name a
        // place or an event, not a date of the report.
        if j >= 2
            && self.p(j - 1, '-')
            && self.glued(j)
            && self.glued(j - 1)
            && self.t[j - 2].num().is_some()
        {
            return None;
        }
        let word = self.w(j).unwrap_or_default();
        // (An abbreviation is never a month alone: whether it is English does not matter.)
        let english_word = lexicon::is_english_month(word);
        let accepted = year.is_some()
            || shift != 0
            || triggered
            || (lexicon::month_is_unambiguous_alone(word)
                && (!english_word || self.t[j].capitalized));
        if !accepted {
            return None;
        }
        Some((Expr::Month { month, year, shift }, l))
    }

    /// Relative expressions: `hier`, `avant-hier`, `aujourd'hui`, `la veille`, `le lendemain`,
    /// `il y a trois jours`, `two days ago`, `lundi dernier`, `la semaine dernière`, `le mois dernier`.
    pub fn relative(&self, i: usize) -> Option<(Expr, usize)> {
        if let Some(found) = self.day_word(i).or_else(|| self.offset_word(i)) {
            return found;
        }
        self.counted_shift(i)
            .or_else(|| self.weekday_expr(i))
            .or_else(|| self.period_expr(i))
            .or_else(|| self.last_n(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.part_expr(i))
    }

    /// The expressions that start with a word of days (`hier`, `aujourd'hui`, `la veille`, `le
    /// même jour`): `Some(found)` when the word at `i` decides (`found` may be none), `None` to
    /// read on.
    fn day_word(&self, i: usize) -> Option<Option<(Expr, usize)>> {
        let w = self.w(i).unwrap_or_default();
        match w {
            "aujourd" if self.p(i + 1, '\'') && self.is(i + 2, "hui") => {
                return Some(Some(self.after_day_word(Expr::DayOffset(0), i + 3)));
            }
            "today" => return Some(Some(self.after_day_word(Expr::DayOffset(0), i + 1))),
            "hier" | "yesterday" => {
                return Some(Some(self.after_day_word(Expr::DayOffset(-1), i + 1)))
            }
            "avant" => {
                if let Some(j) = self.hyphen_then(i + 1, "hier") {
                    return Some(Some(self.after_day_word(Expr::DayOffset(-2), j)));
                }
            }
            "demain" | "tomorrow" => {
                return Some(Some(self.after_day_word(Expr::DayOffset(1), i + 1)))
            }
            "apres" => {
                if let Some(j) = self.hyphen_then(i + 1, "demain") {
                    return Some(Some(self.after_day_word(Expr::DayOffset(2), j)));
                }
            }
            "ce" | "cet" | "this" => {
                // "ce jour-là", "ce soir-là": that day, named before, not today.
                if self.p(i + 2, '-') && self.glued(i + 2) && self.is(i + 3, "la") {
                    return Some(None);
                }
                if self.is_any(i + 1, &["matin", "soir", "morning", "evening", "afternoon"]) {
                    return Some(Some((Expr::DayOffset(0), i + 2)));
                }
                if let Some(j) = self
                    .hyphen_then(i + 2, "midi")
                    .filter(|_| self.is(i + 1, "apres"))
                {
                    return Some(Some((Expr::DayOffset(0), j)));
                }
                if self.is(i + 1, "jour") && !(i > 0 && self.is_any(i - 1, &["a", "depuis"])) {
                    return Some(Some((Expr::DayOffset(0), i + 2)));
                }
            }
            "the" => {
                if let Some(j) = self.words(i + 1, &["same", "day"]) {
                    return Some(Some((Expr::FromPrevious(0), j)));
                }
                if let Some(j) = self.words(i + 1, &["day", "before", "yesterday"]) {
                    return Some(Some((Expr::DayOffset(-2), j)));
                }
                if let Some(j) = self
                    .words(i + 1, &["day", "before"])
                    .or_else(|| self.words(i + 1, &["previous", "day"]))
                {
                    return Some(self.shifted(-1, j));
                }
                if let Some(j) = self
                    .words(i + 1, &["next", "day"])
                    .or_else(|| self.words(i + 1, &["following", "day"]))
                    .or_else(|| self.words(i + 1, &["day", "after"]))
                {
                    return Some(self.shifted(1, j));
                }
            }
            "dans"
                if self.words(i + 1, &["la", "journee"]).is_some() && self.of(i + 3).is_none() =>
            {
                return Some(Some((Expr::DayOffset(0), i + 3)));
            }
            "la" if self.is(i + 1, "veille") => return Some(self.shifted(-1, i + 2)),
            "le" if self.is(i + 1, "lendemain") => return Some(self.shifted(1, i + 2)),
            "le" if self.is(i + 1, "jour") => {
                if self.is_any(i + 2, &["suivant"]) {
                    return Some(self.shifted(1, i + 3));
                }
                if self.is(i + 2, "precedent") {
                    return Some(self.shifted(-1, i + 3));
                }
                if let Some(j) = self.elision(i + 2, "d") {
                    if self.is(j, "apres") {
                        return Some(self.shifted(1, j + 1));
                    }
                    if self.is(j, "avant") {
                        return Some(self.shifted(-1, j + 1));
                    }
                }
            }
            "jour" if self.is(i + 1, "suivant") => return Some(self.shifted(1, i + 2)),
            // `dans la même journée`, `le même jour`, `the same day`
            "dans" if self.words(i + 1, &["la", "meme", "journee"]).is_some() => {
                return Some(Some((Expr::FromPrevious(0), i + 4)));
            }
            "le" if self.words(i + 1, &["meme", "jour"]).is_some() => {
                return Some(Some((Expr::FromPrevious(0), i + 3)));
            }
            _ => {}
        }
        None
    }

    /// `il y a trois jours`, `dans deux semaines`, `in two weeks`: like [`Self::day_word`].
    fn offset_word(&self, i: usize) -> Option<Option<(Expr, usize)>> {
        match self.w(i).unwrap_or_default() {
            "il" if self.is(i + 1, "y") && self.is(i + 2, "a") => {
                Some(self.count(i + 3).and_then(|(n, j)| {
                    let unit = self.w(j).and_then(lexicon::unit)?;
                    Some(self.ago(n, unit, j + 1))
                }))
            }
            "dans" | "in" => {
                let (n, j) = self.count(i + 1)?;
                let unit = self.w(j).and_then(lexicon::unit)?;
                Some(Some((Expr::Offset(i64::from(n), unit), j + 1)))
            }
            _ => None,
        }
    }

    /// `n` units before publication, the words of the phrase ending before `k`; "ten years ago
    /// today", "il y a dix ans aujourd'hui" or "jour pour jour" is the very day, not its year's
    /// month and the day of publication.
    fn ago(&self, n: u32, unit: Unit, k: usize) -> (Expr, usize) {
        let end = if self.is(k, "today") {
            Some(k + 1)
        } else if self.is(k, "aujourd") && self.p(k + 1, '\'') && self.is(k + 2, "hui") {
            Some(k + 3)
        } else {
            self.words(k, &["jour", "pour", "jour"])
        };
        match (end, unit) {
            (Some(end), Unit::Year) => (Expr::Offset(-12 * i64::from(n), Unit::Month), end),
            (Some(end), _) => (Expr::Offset(-i64::from(n), unit), end),
            (None, _) => (Expr::Offset(-i64::from(n), unit), k),
        }
    }

    /// `two days ago`, `a week ago`, `deux jours plus tard`, `3 days later`.
    fn counted_shift(&self, i: usize) -> Option<(Expr, usize)> {
        let (n, j) = if self.is_any(i, &["a", "an"]) && self.is(i + 2, "ago") {
            (1, i + 1)
        } else {
            self.count(i).unwrap_or((0, i))
        };
        if j > i {
            if let Some(unit) = self.w(j).and_then(lexicon::unit) {
                let days = match unit {
                    Unit::Day => i64::from(n),
                    Unit::Week => 7 * i64::from(n),
                    _ => 0,
                };
                let k = j + 1;
                if self.is(k, "ago") {
                    return Some(self.ago(n, unit, k + 1));
                }
                if days > 0 {
                    if let Some(l) = self
                        .words(k, &["plus", "tard"])
                        .or_else(|| self.is_any(k, &["later", "apres"]).then_some(k + 1))
                    {
                        return Some((Expr::FromPrevious(days), l));
                    }
                    if let Some(l) = self
                        .words(k, &["plus", "tot"])
                        .or_else(|| self.is_any(k, &["earlier", "auparavant"]).then_some(k + 1))
                    {
                        return Some((Expr::FromPrevious(-days), l));
                    }
                }
            }
        }
        None
    }

    /// `les trois derniers jours`, `ces 2 dernières années`, `3 prochains mois`, `the past two weeks`.
    fn last_n(&self, i: usize) -> Option<(Expr, usize)> {
        let mut j = i;
        if self.is_any(j, &["les", "ces", "des", "the"]) {
            j += 1;
        }
        let english = self.is_any(j, &["past", "last", "next"]);
        // "Training is due to start in December and last 14 days": the verb, a duration.
        if english
            && j == i
            && i > 0
            && self.is_any(
                i - 1,
                &[
                    "and", "to", "will", "would", "should", "could", "may", "might", "must", "can",
                ],
            )
        {
            return None;
        }
        let mut sign = 0;
        if english {
            sign = if self.is(j, "next") { 1 } else { -1 };
            j += 1;
        }
        let (n, k) = self.count(j)?;
        let (unit, l) = if sign == 0 {
            let past = [
                "dernier",
                "derniers",
                "derniere",
                "dernieres",
                "passes",
                "passees",
                "ecoules",
                "ecoulees",
            ];
            let next = [
                "prochain",
                "prochains",
                "prochaine",
                "prochaines",
                "suivant",
                "suivants",
                "suivante",
                "suivantes",
            ];
            if self.is_any(k, &past) || self.is_any(k, &next) {
                sign = if self.is_any(k, &past) { -1 } else { 1 };
                (self.w(k + 1).and_then(lexicon::unit)?, k + 2)
            } else {
                let unit = self.w(k).and_then(lexicon::unit)?;
                if self.is_any(k + 1, &past) {
                    sign = -1;
                } else if self.is_any(k + 1, &next) {
                    sign = 1;
                } else {
                    return None;
                }
                (unit, k + 2)
            }
        } else {
            (self.w(k).and_then(lexicon::unit)?, k + 1)
        };
        if n == 0 || n > 366 {
            return None;
        }
        Some((Expr::LastN(sign * i64::from(n), unit), l))
    }

    /// Fixed-date holidays.
    fn holiday(&self, i: usize) -> Option<(Expr, usize)> {
        let mut j = i;
        if self.is_any(j, &["la", "le"]) {
            j += 1;
        }
        if self.is(j, "jour")
            && self
                .of(j + 1)
                .and_then(|k| self.elision(k, "l"))
                .is_some_and(|k| self.is(k, "an"))
        {
            return Some((Expr::Holiday(1, 1), j + 5));
        }
        if self.is_any(j, &["jour", "journee"]) {
            if let Some(k) = self.of(j + 1) {
                j = if self.is(k, "la") { k + 1 } else { k };
            }
        }
        let found = match self.w(j)? {
            "noel" | "christmas" => Some((25, 12, j + 1)),
            "toussaint" => Some((1, 11, j + 1)),
            "nouvel" if self.is(j + 1, "an") => Some((1, 1, j + 2)),
            "jour" if self.elision(j + 1, "l").is_some_and(|k| self.is(k, "an")) => {
                Some((1, 1, j + 4))
            }
            "fete" if self.words(j + 1, &["du", "travail"]).is_some() => Some((1, 5, j + 3)),
            _ => None,
        }?;
        Some((Expr::Holiday(found.0, found.1), found.2))
    }

    /// `en début de semaine`, `en fin d'année`, `fin 2023`, `début 2024`, `le dernier jour d'octobre`.
    fn part_expr(&self, i: usize) -> Option<(Expr, usize)> {
        let mut j = i;
        if self.is_any(j, &["en", "au", "a", "le"]) {
            j += 1;
            if self.is(j, "la") {
                j += 1;
            }
        }
        let part = self.w(j)?;
        if self.is(j, "dernier") && self.is(j + 1, "jour") {
            let k = self.of(j + 2)?;
            let (month, l) = self.month(k, false)?;
            let (year, l) = match self.year(l) {
                Some((y, l)) => (Some(y), l),
                None => (None, l),
            };
            return Some((Expr::LastDayOf(month, year), l));
        }
        if j == i && part == "semaine" {
            return None;
        }
        if self.is(i, "en") && j == i + 1 && part == "semaine" {
            return Some((Expr::WeekPart(0, 0, 4), j + 1));
        }
        if !matches!(part, "debut" | "fin" | "milieu" | "mi" | "courant") {
            return None;
        }
        // `fin 2023`, `début 2024`
        if let Some((y, l)) = self.year(j + 1) {
            let (a, b) = match part {
                "debut" => (1, 2),
                "fin" => (11, 12),
                "courant" => (1, 12),
                _ => (6, 7),
            };
            return Some((Expr::YearPart(Some(y), a, b), l));
        }
        let k = self.of(j + 1)?;
        let k = if self.is(k, "la") { k + 1 } else { k };
        if self.is(k, "semaine") {
            let (a, b) = match part {
                "debut" => (0, 1),
                "fin" => (3, 6),
                _ => (2, 3),
            };
            let (week, l) = match self.w(k + 1) {
                Some("derniere" | "passee") => (-1, k + 2),
                Some("prochaine") => (1, k + 2),
                _ => (0, k + 1),
            };
            return Some((Expr::WeekPart(week, a, b), l));
        }
        let k = self.elision(k, "l").unwrap_or(k);
        if self.is_any(k, &["annee", "an"]) {
            // "depuis le début de l'année, vingt attaques": a count since the year began, no date
            // of anything ("depuis fin septembre" dates when a blockade began, and stays).
            let mut b = i;
            while b > 0 && self.is_any(b - 1, &["le", "la"]) {
                b -= 1;
            }
            if part == "debut" && b > 0 && self.is(b - 1, "depuis") {
                return None;
            }
            let (a, b) = match part {
                "debut" => (1, 2),
                "fin" => (11, 12),
                _ => (6, 7),
            };
            return Some((Expr::YearPart(None, a, b), k + 1));
        }
        None
    }

    /// `hier lundi`, `hier soir`: the weekday or part of day that follows is part of the expression.
    fn after_day_word(&self, expr: Expr, j: usize) -> (Expr, usize) {
        if self.w(j).and_then(lexicon::weekday).is_some() {
            let k = j + 1;
            if self.is_any(
                k,
                &["soir", "matin", "night", "morning", "evening", "afternoon"],
            ) {
                return (expr, k + 1);
            }
            return (expr, k);
        }
        if self.is_any(
            j,
            &["soir", "matin", "night", "morning", "evening", "afternoon"],
        ) {
            return (expr, j + 1);
        }
        (expr, j)
    }

    /// `la veille` / `le lendemain` [`du 13 février`]: relative to the date that follows, or to the
    /// previous date of the text; `le lendemain de l'attaque` (an undated event) gives nothing.
    fn shifted(&self, days: i64, j: usize) -> Option<(Expr, usize)> {
        if let Some(k) = self.of(j) {
            return self.date(k).map(|(d, l)| (Expr::Shifted(d, days), l));
        }
        Some((Expr::FromPrevious(days), j))
    }

    /// Weekdays with their qualifiers.
    fn weekday_expr(&self, i: usize) -> Option<(Expr, usize)> {
        let mut j = i;
        let mut mode = WeekdayMode::Bare;
        match self.w(j)? {
            "ce" | "this" | "on" | "le" => j += 1,
            "last" | "past" => {
                mode = WeekdayMode::Last;
                j += 1;
            }
            "next" | "coming" => {
                mode = WeekdayMode::Next;
                j += 1;
            }
            _ => {}
        }
        let wd = lexicon::weekday(self.w(j)?)?;
        if self.w(j).is_some_and(|w| w.len() > 4 && w.ends_with("day")) && !self.t[j].capitalized {
            return None;
        }
        // "ce samedi-là", "on that Sunday morning": that Saturday, named before, not this week's.
        if self.p(j + 1, '-') && self.glued(j + 1) && self.is(j + 2, "la")
            || j >= 1 && self.is(j - 1, "that")
        {
            return None;
        }
        // "during Friday prayers", "la grande prière du vendredi": a weekly prayer, no date.
        let prayer = |k: usize| self.is_any(k, &["prayer", "prayers", "priere", "prieres"]);
        if prayer(j + 1) || j >= 2 && self.is(j - 1, "du") && prayer(j - 2) {
            return None;
        }
        // `lundi 18 février`, `mercredi 13`: the date rules read these.
        let after = if self.p(j + 1, ',') { j + 2 } else { j + 1 };
        let after = if self.is(after, "le") {
            after + 1
        } else {
            after
        };
        if self.day(after, false).is_some() {
            return None;
        }
        let mut k = j + 1;
        // part of day: `lundi soir`, `Monday night`
        if self.is_any(
            k,
            &[
                "soir",
                "matin",
                "night",
                "morning",
                "evening",
                "afternoon",
                "midi",
            ],
        ) {
            k += 1;
        } else if self.is(k, "apres") && self.hyphen_then(k + 1, "midi").is_some() {
            k = self.hyphen_then(k + 1, "midi")?;
        }
        if mode == WeekdayMode::Bare {
            if self.is_any(k, &["dernier", "passe"]) {
                mode = WeekdayMode::Last;
                k += 1;
            } else if self.is_any(k, &["prochain", "suivant"]) {
                mode = WeekdayMode::Next;
                k += 1;
            } else if let Some(l) = self.elision(k, "d").filter(|&l| self.is(l, "apres")) {
                mode = WeekdayMode::Next;
                k = l + 1;
            } else if self.is(k, "en")
                && (self.is(k + 1, "huit") || self.num(k + 1) == Some((8, 1)))
            {
                mode = WeekdayMode::Later(7);
                k += 2;
            } else if self.is(k, "en")
                && (self.is(k + 1, "quinze") || self.num(k + 1) == Some((15, 2)))
            {
                mode = WeekdayMode::Later(14);
                k += 2;
            } else {
                let l = if self.is(k, "de") { k + 1 } else { k };
                if let Some(m) = self.words(l, &["cette", "semaine"]) {
                    mode = WeekdayMode::Week(0);
                    k = m;
                } else if let Some(m) = self.words(l, &["la", "semaine"]) {
                    if self.is_any(m, &["prochaine", "suivante"]) {
                        mode = WeekdayMode::Week(1);
                        k = m + 1;
                    } else if self.is_any(m, &["derniere", "passee", "precedente"]) {
                        mode = WeekdayMode::Week(-1);
                        k = m + 1;
                    } else if let Some(n) = self.elision(m, "d").filter(|&n| self.is(n, "apres")) {
                        mode = WeekdayMode::Week(1);
                        k = n + 1;
                    }
                }
            }
        }
        Some((Expr::Weekday(wd, mode), k))
    }

    /// Weeks, weekends, months and years relative to publication.
    fn period_expr(&self, i: usize) -> Option<(Expr, usize)> {
        let w = self.w(i)?;
        let past = ["derniere", "dernier", "passee", "passe", "precedente"];
        let next = ["prochaine", "prochain", "suivante", "suivant"];
        let offset = |k: usize| -> Option<(i64, usize)> {
            if self.is_any(k, &past) {
                Some((-1, k + 1))
            } else if self.is_any(k, &next) {
                Some((1, k + 1))
            } else {
                None
            }
        };
        match w {
            "la" | "le" if self.is(i + 1, "semaine") => {
                let (o, j) = offset(i + 2)?;
                return Some((Expr::Week(o), j));
            }
            "le" | "the" | "du"
                if (self.is(i + 1, "week") || self.is(i + 1, "weekend"))
                    && i > 0
                    && self.is_any(
                        i - 1,
                        &["over", "during", "at", "on", "pendant", "durant", "cours"],
                    ) =>
            {
                // `over the weekend`, `pendant le week-end`, `au cours du week-end`: the last one
                // (or the coming one, in a sentence about the future).
                let j = self.week_end(i + 1)?;
                return Some(match offset(j) {
                    Some((o, j)) => (Expr::Weekend(o), j),
                    None => (Expr::Weekend(0), j),
                });
            }
            "le" if self.is(i + 1, "week") || self.is(i + 1, "weekend") => {
                let j = self.week_end(i + 1)?;
                let (o, j) = offset(j)?;
                return Some((Expr::Weekend(o), j));
            }
            "le" if self.is(i + 1, "mois") => {
                let (o, j) = offset(i + 2)?;
                return Some((Expr::MonthOffset(o as i32), j));
            }
            "l" if self.p(i + 1, '\'') && self.is_any(i + 2, &["annee", "an"]) => {
                let (o, j) = offset(i + 3)?;
                return Some((Expr::YearOffset(o as i32), j));
            }
            "cette" if self.is(i + 1, "semaine") => return Some((Expr::Week(0), i + 2)),
            "cette" if self.is(i + 1, "annee") => return Some((Expr::YearOffset(0), i + 2)),
            "ce" if self.is(i + 1, "mois") => {
                let j = if self.p(i + 2, '-') && self.is(i + 3, "ci") {
                    i + 4
                } else {
                    i + 2
                };
                return Some((Expr::MonthOffset(0), j));
            }
            "ce" if self.is(i + 1, "week") || self.is(i + 1, "weekend") => {
                return Some((Expr::Weekend(0), self.week_end(i + 1)?));
            }
            "last" | "this" | "next" | "past" => {
                let o = match w {
                    "last" | "past" => -1,
                    "this" => 0,
                    _ => 1,
                };
                return match self.w(i + 1)? {
                    // "the past week": the seven days before, not the calendar week before.
                    "week" if w == "past" && !self.p(i + 2, '-') => {
                        Some((Expr::LastN(-7, Unit::Day), i + 2))
                    }
                    "week" if !self.p(i + 2, '-') => Some((Expr::Week(o), i + 2)),
                    "weekend" => Some((Expr::Weekend(o), i + 2)),
                    "week" => Some((Expr::Weekend(o), self.week_end(i + 1)?)),
                    "month" => Some((Expr::MonthOffset(o as i32), i + 2)),
                    "year" => Some((Expr::YearOffset(o as i32), i + 2)),
                    _ => None,
                };
            }
            "en" | "au" | "a" => {
                // `en fin de mois`, `au début du mois`, `à la fin du mois`
                let mut j = i + 1;
                if self.is(j, "la") {
                    j += 1;
                }
                if !self.is_any(j, &["fin", "debut", "milieu"]) {
                    return None;
                }
                let k = self.of(j + 1)?;
                let k = if self.is(k, "mois") {
                    k + 1
                } else if self.is(k, "ce") && self.is(k + 1, "mois") {
                    k + 2
                } else {
                    return None;
                };
                return Some((Expr::MonthOffset(0), k));
            }
            _ => {}
        }
        None
    }

    fn week_end(&self, i: usize) -> Option<usize> {
        if self.is(i, "weekend") {
            return Some(i + 1);
        }
        (self.is(i, "week") && self.p(i + 1, '-') && self.is(i + 2, "end")).then_some(i + 3)
    }

    /// Whether the number at `i` follows a number sign: a document's number ("l'avis n°
    /// 2025-09", "report No. 2024-11"), not a date.
    fn numbered(&self, i: usize) -> bool {
        let mut j = i;
        if j > 0
            && self.t[j - 1]
                .punct()
                .is_some_and(|c| matches!(c, '°' | 'º' | '.' | ':'))
        {
            j -= 1;
        }
        j > 0
            && self.is_any(
                j - 1,
                &["n", "no", "nr", "numero", "number", "ref", "reference"],
            )
    }

    /// `2023-09`: an ISO year and month (two-digit month), alone.
    fn iso_month(&self, i: usize) -> Option<(Expr, usize)> {
        let (y, yn) = self.num(i)?;
        if yn != 4
            || !(1900..=2100).contains(&y)
            || !self.p(i + 1, '-')
            || !self.glued(i + 1)
            || !self.glued(i + 2)
        {
            return None;
        }
        if i > 0 && self.glued(i) && self.t[i - 1].punct().is_none_or(|c| c != '(') {
            return None;
        }
        if self.numbered(i) {
            return None;
        }
        let (m, mn) = self.num(i + 2)?;
        if mn != 2 || !(1..=12).contains(&m) {
            return None;
        }
        if self.glued(i + 3)
            && self.t.get(i + 3).is_some_and(|t| {
                t.word().is_some()
                    || t.num().is_some()
                    || t.punct() == Some('-')
                    || t.punct() == Some('/')
            })
        {
            return None;
        }
        Some((
            Expr::Month {
                month: m,
                year: Some(y as i32),
                shift: 0,
            },
            i + 3,
        ))
    }

    /// `en 2012`, `in 2012`, `depuis 2012`, `since 2015`, `avant 2019`, `back to 2015`, `remonte à
    /// 2015` (year grain): a year after words that make it a time, not a count (`de 2000
    /// personnes`).
    pub fn year_expr(&self, i: usize) -> Option<(Expr, usize)> {
        const BEFORE_A_YEAR: [&str; 10] = [
            "en", "in", "depuis", "since", "until", "till", "avant", "before", "apres", "after",
        ];
        // "goes back to 2015", "remonte à 2015".
        let back_to = i > 0
            && (self.is(i, "to") && self.is(i - 1, "back")
                || self.is(i, "a") && self.w(i - 1).is_some_and(|w| w.starts_with("remont")));
        if !(self.is_any(i, &BEFORE_A_YEAR) || back_to) {
            return None;
        }
        // "since late 2024", "depuis fin 2023", "in early 2024": a part of the year between.
        let at = if self.is_any(i + 1, &["late", "early", "mid", "fin", "debut", "mi"]) {
            i + 2
        } else {
            i + 1
        };
        let (y, j) = self.year(at)?;
        Some((Expr::Year(y), j))
    }

    /// The longest expression starting at token `i`, if any.
    pub fn at(&self, i: usize) -> Option<Found> {
        let t = self.t.get(i)?;
        // Cheap filter: expressions start with a number or one of a few words.
        match &t.kind {
            TokKind::Punct(_) => return None,
            // `le`, `de`, `the`…: a date only when a number, month, weekday or other date word
            // follows closely (most of them start nothing, and trying every rule is costly).
            TokKind::Word(w) => {
                let may = if is_function_word(w) {
                    self.next_content[i] as usize
                        <= i.saturating_add(MAX_FUNCTION_WORDS_BEFORE_CONTENT)
                } else {
                    may_start(w)
                };
                if !may {
                    return None;
                }
            }
            TokKind::Num(..) => {}
        }
        let candidates = [
            self.range(i),
            self.date(i).map(|(d, j)| (Expr::Date(d), j)),
            self.weekday_day(i),
            self.relative(i),
            self.month_expr(i),
            self.year_expr(i),
            self.month_range(i),
            self.iso_month(i),
            self.day_alone(i),
            self.nth_weekday(i),
            self.now(i),
        ];
        candidates
            .into_iter()
            .flatten()
            .max_by_key(|&(_, end)| end)
            .map(|(expr, end)| Found {
                expr,
                first: i,
                end,
            })
    }

    /// `mercredi 13`, `jeudi 15`: a weekday and a day number without a month.
    /// `le 16`, a day alone after `le`, closing its clause (`le 16, des hommes armés…`).
    fn day_alone(&self, i: usize) -> Option<(Expr, usize)> {
        // `le 16,` and `à partir du 8` / `depuis le 8`.
        let from = self.is(i, "du")
            && i >= 2
            && self.is(i - 2, "a")
            && self.is_any(i - 1, &["partir", "compter"]);
        if !self.is(i, "le") && !from {
            return None;
        }
        self.num(i + 1)?;
        let (day, k) = self.day(i + 1, false)?;
        let closes = match self.t.get(k) {
            None => true,
            Some(t) => {
                t.line != self.t[k - 1].line
                    || (matches!(t.punct(), Some(',' | '.' | ';'))
                        && !(self.glued(k + 1) && self.num(k + 1).is_some()))
            }
        };
        closes.then_some((Expr::DayAlone(day), k))
    }

    /// `en ce moment`, `à l'heure actuelle`: the publication day.
    fn now(&self, i: usize) -> Option<(Expr, usize)> {
        if let Some(j) = self.words(i, &["en", "ce", "moment"]) {
            return Some((Expr::DayOffset(0), j));
        }
        None
    }

    /// `le premier mercredi de mars [2024]`, `le dernier vendredi du mois [prochain]`,
    /// `the first Monday of next month`.
    fn nth_weekday(&self, i: usize) -> Option<(Expr, usize)> {
        let mut j = i;
        if self.is_any(j, &["le", "la", "the"]) {
            j += 1;
        }
        let n = match self.w(j)? {
            "premier" | "premiere" | "first" => 1,
            "deuxieme" | "second" => 2,
            "troisieme" | "third" => 3,
            "quatrieme" | "fourth" => 4,
            "dernier" | "derniere" | "last" => -1,
            _ => return None,
        };
        let weekday = lexicon::weekday(self.w(j + 1)?)?;
        let k = self.of(j + 2)?;
        if let Some((month, _)) = self.w(k).and_then(lexicon::month) {
            let (year, end) = match self.num(k + 1) {
                Some((y, 4)) => (Some(y as i32), k + 2),
                _ => (None, k + 1),
            };
            return Some((
                Expr::NthWeekday {
                    n,
                    weekday,
                    month: Some(month),
                    year,
                    offset: 0,
                },
                end,
            ));
        }
        let (offset, end) = if let Some(e) = self.words(k, &["ce", "mois"]) {
            (0, e)
        } else if let Some(e) = self.words(k, &["this", "month"]) {
            (0, e)
        } else if self.is_any(k, &["next", "last"]) && self.is(k + 1, "month") {
            (if self.is(k, "next") { 1 } else { -1 }, k + 2)
        } else if self.is(k, "mois") || (self.is(k, "the") && self.is(k + 1, "month")) {
            let m = if self.is(k, "mois") { k + 1 } else { k + 2 };
            match self.w(m) {
                Some("prochain" | "suivant") => (1, m + 1),
                Some("dernier" | "precedent" | "passe") => (-1, m + 1),
                _ => (0, m),
            }
        } else {
            return None;
        };
        Some((
            Expr::NthWeekday {
                n,
                weekday,
                month: None,
                year: None,
                offset,
            },
            end,
        ))
    }

    fn weekday_day(&self, i: usize) -> Option<(Expr, usize)> {
        let (wd, j) = self.weekday(i)?;
        let j = if self.is(j, "le") { j + 1 } else { j };
        self.num(j)?;
        let (day, k) = self.day(j, false)?;
        Some((
            Expr::Date(Dmy {
                day,
                month: None,
                year: None,
                weekday: Some(wd),
            }),
            k,
        ))
    }
}

/// Whether an expression can start with this word (the first words of every rule).
/// The frequent words of [`may_start`] that carry no date by themselves: an expression starting
/// with one has a content token ([`is_date_content`]) within a few tokens.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "apres"
            | "au"
            | "avant"
            | "between"
            | "ce"
            | "ces"
            | "cet"
            | "cette"
            | "d"
            | "dans"
            | "de"
            | "depuis"
            | "des"
            | "du"
            | "during"
            | "en"
            | "entre"
            | "from"
            | "il"
            | "in"
            | "l"
            | "la"
            | "le"
            | "les"
            | "of"
            | "on"
            | "since"
            | "the"
            | "this"
    )
}

/// Whether a token can carry a date: a number, or a word of the grammar's vocabulary (every word
/// the rules compare with, see the test `every_grammar_word_is_content_or_function`) other than
/// the function words.
fn is_date_content(t: &Tok<'_>) -> bool {
    match t.kind {
        TokKind::Num(..) => true,
        TokKind::Punct(_) => false,
        TokKind::Word(w) => {
            !is_function_word(w)
                && (lexicon::month(w).is_some()
                    || lexicon::weekday(w).is_some()
                    || lexicon::number_word(w).is_some()
                    || lexicon::ordinal_word(w).is_some()
                    || is_date_vocabulary(w))
        }
    }
}

/// The words of the date rules, other than months, weekdays and numbers, that carry a date (a
/// day, a period, a direction in time).
fn is_date_vocabulary(w: &str) -> bool {
    matches!(
        w,
        "afternoon"
            | "dizaine"
            | "douzaine"
            | "quinzaine"
            | "vingtaine"
            | "trentaine"
            | "quarantaine"
            | "cinquantaine"
            | "soixantaine"
            | "centaine"
            | "annee"
            | "annees"
            | "ans"
            | "aujourd"
            | "beginning"
            | "christmas"
            | "coming"
            | "courant"
            | "day"
            | "days"
            | "debut"
            | "demain"
            | "dernier"
            | "derniere"
            | "dernieres"
            | "derniers"
            | "early"
            | "ecoulees"
            | "ecoules"
            | "end"
            | "evening"
            | "fete"
            | "fin"
            | "following"
            | "hier"
            | "jour"
            | "journee"
            | "journees"
            | "jours"
            | "last"
            | "late"
            | "lendemain"
            | "matin"
            | "mi"
            | "mid"
            | "midi"
            | "milieu"
            | "mois"
            | "moment"
            | "month"
            | "months"
            | "morning"
            | "next"
            | "night"
            | "noel"
            | "nouvel"
            | "nuit"
            | "overnight"
            | "passe"
            | "passee"
            | "passees"
            | "passes"
            | "past"
            | "precedent"
            | "precedente"
            | "previous"
            | "prochain"
            | "prochaine"
            | "prochaines"
            | "prochains"
            | "quatrieme"
            | "semaine"
            | "semaines"
            | "soir"
            | "start"
            | "suivant"
            | "suivante"
            | "suivantes"
            | "suivants"
            | "tard"
            | "today"
            | "tomorrow"
            | "tot"
            | "toussaint"
            | "travail"
            | "upcoming"
            | "veille"
            | "week"
            | "weekend"
            | "weeks"
            | "year"
            | "years"
            | "yesterday"
    )
}

/// The other words of the date rules: they join or qualify a date but carry none (`et`, `à
/// partir`, `sera`).
#[cfg(test)]
fn is_date_glue(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "ago"
            | "and"
            | "any"
            | "appel"
            | "appelaient"
            | "appelait"
            | "appelant"
            | "appelle"
            | "appellent"
            | "are"
            | "arrive"
            | "as"
            | "at"
            | "auparavant"
            | "aura"
            | "auront"
            | "back"
            | "be"
            | "before"
            | "begin"
            | "can"
            | "ci"
            | "close"
            | "comme"
            | "commencera"
            | "compter"
            | "could"
            | "cours"
            | "debutera"
            | "devra"
            | "devront"
            | "due"
            | "durant"
            | "e"
            | "earlier"
            | "eme"
            | "endra"
            | "endront"
            | "er"
            | "era"
            | "ere"
            | "eront"
            | "et"
            | "expected"
            | "expire"
            | "fera"
            | "feront"
            | "fixee"
            | "fixees"
            | "her"
            | "his"
            | "hold"
            | "hui"
            | "ieme"
            | "ion"
            | "ir"
            | "ira"
            | "iront"
            | "is"
            | "its"
            | "jouera"
            | "joueront"
            | "jusqu"
            | "later"
            | "leave"
            | "meet"
            | "meme"
            | "might"
            | "must"
            | "n"
            | "nd"
            | "new"
            | "no"
            | "nr"
            | "number"
            | "numero"
            | "open"
            | "ou"
            | "our"
            | "over"
            | "partir"
            | "pendant"
            | "plan"
            | "planning"
            | "plans"
            | "plus"
            | "pour"
            | "prayer"
            | "prayers"
            | "prevoient"
            | "prevoit"
            | "prevu"
            | "prevue"
            | "prevues"
            | "prevus"
            | "priere"
            | "prieres"
            | "qu"
            | "que"
            | "rd"
            | "re"
            | "ref"
            | "reference"
            | "remont"
            | "reopen"
            | "reprendra"
            | "resume"
            | "return"
            | "run"
            | "s"
            | "same"
            | "scheduled"
            | "sera"
            | "seront"
            | "set"
            | "shall"
            | "should"
            | "sign"
            | "slated"
            | "st"
            | "such"
            | "take"
            | "th"
            | "than"
            | "that"
            | "their"
            | "these"
            | "those"
            | "through"
            | "tiendra"
            | "tiendront"
            | "till"
            | "to"
            | "travel"
            | "ty"
            | "until"
            | "venir"
            | "viendra"
            | "viendront"
            | "visit"
            | "vote"
            | "will"
            | "would"
            | "y"
    )
}

fn may_start(w: &str) -> bool {
    lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::number_word(w).is_some()
        || lexicon::ordinal_word(w).is_some()
        || matches!(
            w,
            "a" | "an"
                | "derniere"
                | "quatrieme"
                | "apres"
                | "au"
                | "aujourd"
                | "avant"
                | "beginning"
                | "between"
                | "ce"
                | "ces"
                | "cet"
                | "cette"
                | "christmas"
                | "coming"
                | "courant"
                | "d"
                | "dans"
                | "de"
                | "debut"
                | "demain"
                | "depuis"
                | "dernier"
                | "des"
                | "du"
                | "during"
                | "early"
                | "en"
                | "end"
                | "entre"
                | "fete"
                | "fin"
                | "from"
                | "hier"
                | "il"
                | "in"
                | "jour"
                | "l"
                | "la"
                | "last"
                | "late"
                | "le"
                | "les"
                | "mi"
                | "mid"
                | "milieu"
                | "mois"
                | "next"
                | "noel"
                | "nouvel"
                | "nuit"
                | "of"
                | "on"
                | "overnight"
                | "past"
                | "since"
                | "start"
                | "the"
                | "this"
                | "today"
                | "tomorrow"
                | "toussaint"
                | "yesterday"
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    None,
    From,
    Between,
}

fn two_digit_year(v: u32) -> i32 {
    if v < 50 {
        2000 + v as i32
    } else {
        1900 + v as i32
    }
}

/// The first `weekday` (1 = Monday … 7 = Sunday) after `start`, a date that names its weekday and
/// month (`jeudi 25 juillet` → `samedi` is the 27th), into the next month (and year) if need be.
fn weekday_after(start: Dmy, weekday: u32) -> Option<Dmy> {
    let from = start.weekday?;
    let month = start.month?;
    let gap = (i64::from(weekday) - i64::from(from)).rem_euclid(7);
    let gap = if gap == 0 { 7 } else { gap } as u32;
    // Without a year, February has its usual 28 days.
    let length = days_in_month(month, start.year.is_some_and(is_leap_year));
    let day = start.day + gap;
    Some(if day <= length {
        Dmy {
            day,
            weekday: Some(weekday),
            ..start
        }
    } else {
        Dmy {
            day: day - length,
            month: Some(month % 12 + 1),
            year: start.year.map(|y| if month == 12 { y + 1 } else { y }),
            weekday: Some(weekday),
        }
    })
}

/// The date when its parts can form one: month 1–12, day within the month (29 February allowed
/// when the year is unknown).
fn valid(d: Dmy) -> Option<Dmy> {
    let month = d.month?;
    if !(1..=12).contains(&month) || d.day == 0 {
        return None;
    }
    // Without a year, 29 February may be valid.
    let max = days_in_month(month, d.year.is_none_or(is_leap_year));
    (d.day <= max).then_some(d)
}

/// Days of a month (1-12) in a leap or common year.
fn days_in_month(month: u32, leap: bool) -> u32 {
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap_year(year: i32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

#[cfg(test)]
mod prefilter_tests {
    use super::*;

    /// Every word a rule compares with is classified, so that skipping function words with no
    /// content token after them cannot lose an expression: a new word in a rule must be added to
    /// the vocabulary (it carries a date) or to the glue words (it does not).
    #[test]
    fn every_grammar_word_is_content_or_function() {
        let sources = [include_str!("grammar.rs"), include_str!("lexicon.rs")];
        let mut unclassified = Vec::new();
        for source in sources {
            for literal in source.split('"').skip(1).step_by(2) {
                if literal.is_empty() || !literal.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                let classified = lexicon::month(literal).is_some()
                    || lexicon::weekday(literal).is_some()
                    || lexicon::number_word(literal).is_some()
                    || lexicon::ordinal_word(literal).is_some()
                    || is_function_word(literal)
                    || is_date_vocabulary(literal)
                    || is_date_glue(literal);
                if !classified && !unclassified.contains(&literal) {
                    unclassified.push(literal);
                }
            }
        }
        assert!(unclassified.is_empty(), "unclassified: {unclassified:?}");
    }

    #[test]
    fn function_words_far_from_any_date_word_start_nothing() {
        let mut folded = String::new();
        let text = "Le chef de la mission et les membres du bureau de la ville ont parlé le 26 \
                    juillet, dans la nuit du 26 au 27, il y a trois jours.";
        let toks = crate::dates::tokens::tokenize(text, &mut folded);
        let grammar = Grammar::new(&toks, false);
        assert!(grammar.at(0).is_none(), "`Le chef` starts no date");
        assert!(grammar.at(2).is_none(), "`de la mission` starts no date");
        let found: Vec<&str> = crate::dates::find_all(&toks, &grammar)
            .iter()
            .map(|f| &text[toks[f.first].start..toks[f.end - 1].end])
            .collect();
        assert_eq!(
            found,
            [
                "26 juillet",
                "dans la nuit du 26 au 27",
                "il y a trois jours"
            ]
        );
    }
}
