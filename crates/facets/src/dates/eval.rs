//! The figures of `sahel eval dates`: how many of the Duckling French time corpus phrases of day,
//! month and year grain the resolver reads as Duckling expects, with its reference time as the
//! publication date.
//!
//! Duckling reads standalone expressions forward (`le 5 juillet` said on 12 February is next July;
//! a bare `lundi` is the coming Monday); reports tell past events, and the extractor resolves
//! backward by default. The corpus is therefore scored in both [`Direction`]s: `Past` (the report
//! convention the extractor uses) and `Forward` (Duckling's convention); each failure says whether
//! the other direction resolves it.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use super::{scan, DateValue, Direction, EventDate};
use crate::{Error, Result};

/// The reference time of the Duckling corpus (Tuesday 12 February 2013), used as publication date.
pub fn duckling_reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2013, 2, 12).unwrap_or_default()
}

/// One phrase that did not resolve as expected.
#[derive(Debug, Clone)]
pub struct Failure {
    pub phrase: String,
    pub grain: String,
    pub kind: String,
    pub expected: String,
    pub got: String,
    /// Resolved in the other direction, the phrase gives the expected value (the failure is only
    /// the past/forward convention).
    pub convention: bool,
}

/// Correct out of total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub correct: usize,
    pub total: usize,
}

impl Score {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
    }

    /// Share correct, 0 when empty.
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{} = {:.1}%",
            self.correct,
            self.total,
            100.0 * self.share()
        )
    }
}

/// The evaluation's figures.
#[derive(Debug, Clone, Default)]
pub struct DatesEval {
    pub reference: NaiveDate,
    /// The direction undated expressions were resolved in.
    pub direction: Direction,
    /// Day-, month- and year-grain phrases.
    pub overall: Score,
    /// Per Duckling grain (`Day`, `Month`, `Year`).
    pub by_grain: BTreeMap<String, Score>,
    /// Per Duckling kind (`datetime`, `datetimeInterval`, `datetimeOpenInterval`).
    pub by_kind: BTreeMap<String, Score>,
    /// Per kind of expression the resolver read (`absolute`, `partial`, …, `none`).
    pub by_form: BTreeMap<String, Score>,
    pub failures: Vec<Failure>,
    /// Negative phrases and the dates wrongly found in them (empty when none were).
    pub negatives: Vec<(String, Vec<String>)>,
}

impl DatesEval {
    /// Negative phrases that gave a date.
    pub fn negatives_with_dates(&self) -> usize {
        self.negatives
            .iter()
            .filter(|(_, found)| !found.is_empty())
            .count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expected {
    At(DateValue),
    Between(DateValue, DateValue),
    From(DateValue),
}

/// `2013-03-00T00:00:00` at a grain.
fn parse_value(text: &str, grain: &str) -> Option<DateValue> {
    let y: i32 = text.get(0..4)?.parse().ok()?;
    let m: u32 = text.get(5..7)?.parse().ok()?;
    let d: u32 = text.get(8..10)?.parse().ok()?;
    match grain {
        "Year" => Some(DateValue::Year(y)),
        "Month" => Some(DateValue::Month(y, m)),
        _ => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day),
    }
}

/// The value before an exclusive interval end.
fn before(v: DateValue) -> Option<DateValue> {
    match v {
        DateValue::Day(d) => d.pred_opt().map(DateValue::Day),
        DateValue::Month(y, m) => {
            let d = NaiveDate::from_ymd_opt(y, m, 1)?.checked_sub_months(Months::new(1))?;
            Some(DateValue::Month(d.year(), d.month()))
        }
        DateValue::Year(y) => Some(DateValue::Year(y - 1)),
    }
}

fn within_month(d: DateValue, y: i32, m: u32) -> bool {
    matches!(d, DateValue::Day(x) if x.year() == y && x.month() == m)
}

fn matches(expected: Expected, got: &EventDate) -> bool {
    match expected {
        Expected::At(v) => got.date == v && got.until.is_none_or(|u| u == v),
        Expected::From(v) => got.date == v,
        Expected::Between(a, b) => {
            (got.date == a && got.until == Some(b))
                // A month-grain answer to a part of one month (`fin mars`, `mi-décembre`).
                || matches!(got.date, DateValue::Month(y, m) if got.until.is_none() && within_month(a, y, m) && within_month(b, y, m))
        }
    }
}

/// The expression that covers most of the phrase.
fn main_date(dates: &[EventDate]) -> Option<&EventDate> {
    dates.iter().max_by_key(|d| d.end - d.start)
}

fn describe(date: Option<&EventDate>) -> String {
    match date {
        None => "nothing".to_string(),
        Some(d) => match d.until {
            Some(u) => format!("{}..{} ({:?} `{}`)", d.date, u, d.kind, d.text),
            None => format!("{} ({:?} `{}`)", d.date, d.kind, d.text),
        },
    }
}

/// Scores the corpus (`phrase, kind, start, end_exclusive, open_direction, grain` TSV with a header)
/// and the negatives (one phrase a line) against `reference` as the publication date, resolving
/// in `direction`.
pub fn eval_duckling(
    corpus: &str,
    negatives: &str,
    reference: NaiveDate,
    direction: Direction,
) -> Result<DatesEval> {
    let other = match direction {
        Direction::Past => Direction::Forward,
        Direction::Forward => Direction::Past,
    };
    let mut report = DatesEval {
        reference,
        direction,
        ..DatesEval::default()
    };
    for (number, line) in corpus.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let malformed = |message: &str| Error::Malformed {
            file: "duckling corpus".to_string(),
            line: number + 1,
            message: message.to_string(),
        };
        if cols.len() < 6 {
            return Err(malformed("expected 6 tab-separated columns"));
        }
        let (phrase, kind, start, end, grain) = (cols[0], cols[1], cols[2], cols[3], cols[5]);
        if !matches!(grain, "Day" | "Month" | "Year") {
            continue;
        }
        let start = parse_value(start, grain).ok_or_else(|| malformed("bad start value"))?;
        let expected = match kind {
            "datetime" => Expected::At(start),
            "datetimeOpenInterval" => Expected::From(start),
            _ => {
                let end = parse_value(end, grain)
                    .and_then(before)
                    .ok_or_else(|| malformed("bad end value"))?;
                Expected::Between(start, end)
            }
        };
        let found = scan(phrase, Some(reference), "fr", direction);
        let got = main_date(&found);
        let ok = got.is_some_and(|g| matches(expected, g));
        report.overall.add(ok);
        report
            .by_grain
            .entry(grain.to_string())
            .or_default()
            .add(ok);
        report.by_kind.entry(kind.to_string()).or_default().add(ok);
        let form = got.map_or("none".to_string(), |g| {
            format!("{:?}", g.kind).to_lowercase()
        });
        report.by_form.entry(form).or_default().add(ok);
        if ok {
            continue;
        }
        let flipped = scan(phrase, Some(reference), "fr", other);
        let convention = main_date(&flipped).is_some_and(|g| matches(expected, g));
        let expected_text = match expected {
            Expected::At(v) => v.to_string(),
            Expected::From(v) => format!("{v}.."),
            Expected::Between(a, b) => format!("{a}..{b}"),
        };
        report.failures.push(Failure {
            phrase: phrase.to_string(),
            grain: grain.to_string(),
            kind: kind.to_string(),
            expected: expected_text,
            got: describe(got),
            convention,
        });
    }
    for phrase in negatives.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let found: Vec<String> = scan(phrase, Some(reference), "fr", direction)
            .iter()
            .map(|d| format!("{} `{}`", d.date, d.text))
            .collect();
        report.negatives.push((phrase.to_string(), found));
    }
    Ok(report)
}

impl DatesEval {
    /// A label for the direction: which convention the figures follow.
    pub fn convention_label(&self) -> &'static str {
        match self.direction {
            Direction::Past => "Past (report convention: undated expressions resolve backward from the publication date, forward only after an explicit future marker)",
            Direction::Forward => "Forward (Duckling's convention: undated expressions resolve forward from the reference time)",
        }
    }

    /// One line: the overall and per-grain figures.
    pub fn summary(&self) -> String {
        let grains: Vec<String> = self
            .by_grain
            .iter()
            .map(|(g, s)| format!("{g} {s}"))
            .collect();
        format!("{}  ({})", self.overall, grains.join(", "))
    }
}

impl fmt::Display for DatesEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "direction: {}", self.convention_label())?;
        writeln!(f, "reference (publication) date: {}", self.reference)?;
        writeln!(
            f,
            "day/month/year-grain phrases resolved as expected: {}",
            self.overall
        )?;
        writeln!(f, "per grain:")?;
        for (grain, score) in &self.by_grain {
            writeln!(f, "  {grain:<22} {score}")?;
        }
        writeln!(f, "per Duckling kind:")?;
        for (kind, score) in &self.by_kind {
            writeln!(f, "  {kind:<22} {score}")?;
        }
        writeln!(f, "per expression read:")?;
        for (form, score) in &self.by_form {
            writeln!(f, "  {form:<22} {score}")?;
        }
        writeln!(
            f,
            "negatives giving a date: {}/{}",
            self.negatives_with_dates(),
            self.negatives.len()
        )?;
        for (phrase, found) in &self.negatives {
            let shown = if found.is_empty() {
                "none".to_string()
            } else {
                found.join(", ")
            };
            writeln!(f, "  {phrase:<30} {shown}")?;
        }
        writeln!(
            f,
            "failures ({}; * = the other direction resolves it):",
            self.failures.len()
        )?;
        for x in &self.failures {
            writeln!(
                f,
                "  {} {:<40} [{} {}] expected {} got {}",
                if x.convention { "*" } else { " " },
                x.phrase,
                x.grain,
                x.kind,
                x.expected,
                x.got
            )?;
        }
        Ok(())
    }
}
