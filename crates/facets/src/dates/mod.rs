//! Dates in French and English reports: the publication date a text states (dateline, signature,
//! `Publié le`), and the dates of the events it reports, resolved to days or months.
//!
//! Everything here is a pure function of the text, the publication date and the language.
//!
//! How expressions resolve (news semantics: reports tell what already happened):
//! - absolute dates (`17 septembre 2023`, `18/09/2023` day first, `2023-09-18`, `March 3, 2024`)
//!   are taken as written;
//! - a day and month without a year (`le 15 juillet`) takes the nearest occurrence not after the
//!   publication date (published 2024-01-05: `le 28 décembre` is 2023-12-28); with a weekday
//!   (`vendredi 1er mars`) the occurrence whose weekday matches, nearest on either side; in a
//!   sentence whose verbs are in the future (`se tiendra`, `prévu`, `will`) the nearest occurrence
//!   not before it. Without a publication date the year comes from the closest explicit date of the
//!   text (`ce dimanche 20 juillet 2025 … Le 15 juillet` is 2025-07-15); with none the date is dropped
//!   (a month without a year is no facet);
//! - relative expressions (`hier`, `lundi dernier`, `dimanche`, `il y a trois jours`, `last Tuesday`)
//!   resolve against the publication date, and give nothing without one; `la veille`,
//!   `le lendemain`, `deux jours plus tard` against the previous date of the text;
//! - ranges give their first and last day; months (`en mars 2024`, `courant janvier`, `fin mars`,
//!   `mi-décembre`) give a month; `en 2012` and `l'année dernière` give a year, which
//!   [`extract_event_dates`] leaves out (too coarse for the month facet); a year alone
//!   (`la loi de 2012`), times (`15h30`), counts (`74 morts`) and reference numbers (`N° 020`) are
//!   no dates.
//!
//! ```
//! use chrono::NaiveDate;
//! use sahel_facets::dates::{extract_event_dates, event_months, publication_date_from_text};
//! let text = "Le 15 juillet, une frappe a visé Ménaka.\n\nBamako, le 18 septembre 2023";
//! let published = publication_date_from_text(text, "fr");
//! assert_eq!(published, NaiveDate::from_ymd_opt(2023, 9, 18));
//! let dates = extract_event_dates(text, published, "fr");
//! assert_eq!(dates.len(), 1);
//! assert_eq!(dates[0].date.to_string(), "2023-07-15");
//! assert_eq!(event_months(&dates), vec!["2023-07".to_string()]);
//! ```

pub mod eval;
mod grammar;
mod lexicon;
mod publication;
mod roles;
mod tokens;

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Serialize, Serializer};

use grammar::{Dmy, Expr, Found, Grammar, WeekdayMode};
use lexicon::Unit;
pub(crate) use lexicon::{about_count, number_word};
pub use publication::{PublicationDate, PublicationSource};
pub(crate) use roles::RELATIVE_PRONOUNS;
pub use roles::{DateRole, TimeCue};

/// Whether a folded word is a full month name, French or English (`septembre`, `march`), not an
/// abbreviation.
pub fn month_name(folded_word: &str) -> bool {
    lexicon::month(folded_word).is_some_and(|(_, abbreviated)| !abbreviated)
}

/// A resolved date at its grain: a day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateValue {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl DateValue {
    /// `YYYY-MM` of a day or month, `None` for a year.
    pub fn month(&self) -> Option<String> {
        match *self {
            DateValue::Day(d) => Some(format!("{:04}-{:02}", d.year(), d.month())),
            DateValue::Month(y, m) => Some(format!("{y:04}-{m:02}")),
            DateValue::Year(_) => None,
        }
    }

    /// The first day of a day or a month, `None` for a year.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            DateValue::Day(d) => Some(d),
            DateValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            DateValue::Year(_) => None,
        }
    }

    /// The day, when the grain is a day.
    pub fn day(&self) -> Option<NaiveDate> {
        match *self {
            DateValue::Day(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for DateValue {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateValue::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// What kind of expression a date was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// Day, month and year written out.
    Absolute,
    /// Day and month (or weekday and day) without a year.
    Partial,
    /// Relative to the publication date or to the previous date of the text.
    Relative,
    /// Two days and the days between them.
    Range,
    /// A month (`en mars 2024`, `fin mars`).
    Month,
    /// A year (`en 2012`).
    Year,
}

/// A date expression of the text and what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// The date, or the first day of a range.
    pub date: DateValue,
    /// The last day of a range (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<DateValue>,
    /// Byte span of the expression in the text.
    pub start: usize,
    pub end: usize,
    /// The expression as written.
    pub text: String,
    pub kind: DateKind,
    /// The time of the report's own events, or its background (see [`roles`]).
    pub role: DateRole,
    /// The cue that made it background, or that it was an event in spite of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<TimeCue>,
}

/// Longest range expanded into days; longer ones keep their two ends only.
const MAX_EXPANDED_DAYS: i64 = 62;
/// A yearless deadline in a sentence of the past more than this many days after publication is
/// the past one ("poursuivies jusqu'au 2 janvier" published on 4 January).
const DEADLINE_AHEAD_DAYS: u64 = 180;
/// Longest range of months ("de janvier à mars", "between March and June") whose months are all
/// listed; a longer one gives its two ends.
const MAX_EXPANDED_MONTHS: i32 = 11;

impl EventDate {
    /// The values this date stands for: the date itself, or each day of a range of days (its two
    /// ends when it is longer than two months), or each month of a range of months (its two ends
    /// when it is longer than a year).
    pub fn values(&self) -> Vec<DateValue> {
        match (self.date, self.until) {
            (DateValue::Day(a), Some(DateValue::Day(b)))
                if (b - a).num_days() <= MAX_EXPANDED_DAYS =>
            {
                a.iter_days()
                    .take_while(|d| *d <= b)
                    .map(DateValue::Day)
                    .collect()
            }
            (DateValue::Month(y1, m1), Some(DateValue::Month(y2, m2))) => {
                let (first, last) = (y1 * 12 + m1 as i32 - 1, y2 * 12 + m2 as i32 - 1);
                if (0..=MAX_EXPANDED_MONTHS).contains(&(last - first)) {
                    (first..=last)
                        .map(|k| DateValue::Month(k.div_euclid(12), k.rem_euclid(12) as u32 + 1))
                        .collect()
                } else {
                    vec![DateValue::Month(y1, m1), DateValue::Month(y2, m2)]
                }
            }
            (a, Some(b)) => vec![a, b],
            (a, None) => vec![a],
        }
    }
}

/// The publication date the text states itself: a `Publié le` / `Published on` line, else a
/// dateline at the top (`BAMAKO, 12 mars 2024 (AFP) -`), else a signature at the end (`Bamako, le
/// 18 septembre 2023`), else a `Mis à jour le` line. `lang` is a language code (`fr`, `en`, …).
pub fn publication_date_from_text(text: &str, lang: &str) -> Option<NaiveDate> {
    find_publication_date(text, lang).map(|p| p.date)
}

/// [`publication_date_from_text`] with where the date was found.
pub fn find_publication_date(text: &str, lang: &str) -> Option<PublicationDate> {
    let mut folded = String::new();
    let toks = tokens::tokenize(text, &mut folded);
    let grammar = Grammar::new(&toks, lang == "en");
    publication::candidates(text, &toks, &grammar)
        .into_iter()
        .next()
}

/// What [`dated_text`] reads: the publication date, the dates with their roles, and the sentences
/// that recall earlier events.
#[derive(Debug, Clone, Default)]
pub struct DatedText {
    pub published: Option<NaiveDate>,
    /// Day and month dates, in text order, each with its role.
    pub dates: Vec<EventDate>,
    /// Byte spans of the sentences that recall earlier events (`pour rappel`, a pluperfect, a
    /// year before the report's), from the cue on.
    pub recall_sentences: Vec<(usize, usize)>,
    /// Byte spans of the sentences in the future (`est prévue`, `will`, `se tiendra`).
    pub future_sentences: Vec<(usize, usize)>,
    /// Byte spans from each recall phrase (not a pluperfect) to the end of its sentence.
    pub recall_phrases: Vec<(usize, usize)>,
}

/// The dates of the events a text reports, in text order, resolved against `published`; the
/// publication date's own dateline or signature is left out, and so are year-grain expressions.
/// `lang` is a language code (`fr`, `en`, …): both languages are always read, `en` only makes
/// `03/18/2024` month-first when the day cannot be first.
pub fn extract_event_dates(text: &str, published: Option<NaiveDate>, lang: &str) -> Vec<EventDate> {
    let mut folded = String::new();
    let toks = tokens::tokenize(text, &mut folded);
    let grammar = Grammar::new(&toks, lang == "en");
    let publications = publication::candidates(text, &toks, &grammar);
    dates_with_roles(&toks, &grammar, text, published, &publications).dates
}

/// What [`dates_with_roles`] reads: the dates, which sentences read forward, and the spans that
/// recall earlier events.
struct WithRoles {
    dates: Vec<EventDate>,
    future: Vec<bool>,
    recall_sentences: Vec<(usize, usize)>,
    recall_phrases: Vec<(usize, usize)>,
}

/// The dates of a text with their roles: every date expression resolved against `published`
/// (those overlapping a publication date left out), its role assigned, years alone dropped once
/// they have dated their sentences.
fn dates_with_roles(
    toks: &[tokens::Tok<'_>],
    grammar: &Grammar<'_>,
    text: &str,
    published: Option<NaiveDate>,
    publications: &[PublicationDate],
) -> WithRoles {
    let future = future_sentences(toks, Direction::Past);
    let words = roles::Words::new(toks);
    let mut dates: Vec<EventDate> = resolve_all(
        toks,
        grammar,
        text,
        published,
        Direction::Past,
        &future,
        &words,
    )
    .into_iter()
    .filter(|d| {
        !publications
            .iter()
            .any(|p| d.start < p.end && p.start < d.end)
    })
    .collect();
    let background = background_sections(text, toks);
    let (recall_sentences, recall_phrases) = roles::assign(
        toks,
        &words,
        &mut dates,
        published,
        &future,
        review_year(toks),
        &background,
    );
    dates.retain(|d| !matches!(d.date, DateValue::Year(_)));
    WithRoles {
        dates,
        future,
        recall_sentences,
        recall_phrases,
    }
}

/// The labels of a report's background section or paragraph, folded ("2. BACKGROUND", "Rappel
/// des faits", "Background: …"). Not "Contexte", which humanitarian notes head their account of
/// the events with.
const BACKGROUND_LABELS: [&str; 6] = [
    "background",
    "rappel",
    "historique",
    "rappel des faits",
    "background information",
    "arriere plan",
];

/// Longest head (before any colon) read as a background label, in bytes: the longest label,
/// "background information", with room for spaces, accents and punctuation.
const MAX_LABEL_BYTES: usize = 64;

/// Most words of a line read as a section heading ("MOVEMENT RESTRICTIONS / OUTLOOK").
const HEADING_WORDS: usize = 6;

/// Per sentence, whether it stands in a section of the report headed as its background
/// ("BACKGROUND", "2. Rappel" on a line of its own, up to the next heading) or in a paragraph
/// labelled so ("Background: The fuel blockade declared…"): what it tells is earlier, recalled
/// events.
fn background_sections(text: &str, toks: &[tokens::Tok<'_>]) -> Vec<bool> {
    let sentences = toks.last().map_or(0, |t| t.sentence as usize + 1);
    let mut flagged_lines: Vec<bool> = Vec::new();
    let mut in_section = false;
    for line in text.lines() {
        let trimmed = line
            .trim()
            .trim_start_matches(['#', '-', '*', '•'])
            .trim_start();
        // A number before the heading: "2. CONTEXTE", "5) Background".
        let unnumbered = trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['.', ')'])
            .trim_start();
        let (head, rest) = match unnumbered.split_once(':') {
            Some((h, r)) => (h, Some(r)),
            None => (unnumbered, None),
        };
        // A paragraph's line is no label: only a short head is folded and compared.
        let background = head.len() <= MAX_LABEL_BYTES && {
            let label = sahel_text::fold(head)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            BACKGROUND_LABELS.contains(&label.as_str())
        };
        let flagged = match rest {
            // "Background: The fuel blockade declared…": the paragraph only.
            Some(r) if background && !r.trim().is_empty() => true,
            _ if background => {
                in_section = true;
                false
            }
            _ => {
                if in_section && (line.trim_start().starts_with('#') || is_heading(trimmed)) {
                    in_section = false;
                }
                in_section
            }
        };
        flagged_lines.push(flagged);
    }
    let mut out = vec![false; sentences];
    for t in toks {
        if flagged_lines.get(t.line as usize).copied().unwrap_or(false) {
            out[t.sentence as usize] = true;
        }
    }
    out
}

/// Whether a line (trimmed, bullets removed) is a section heading: at most [`HEADING_WORDS`]
/// words, each beginning with a capital, ending with no sentence's full stop, or ending with a
/// colon ("MOVEMENTS", "6. OUTLOOK", "Situation", "Perspectives :").
fn is_heading(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    if line.ends_with(':') {
        return true;
    }
    let words: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !words.is_empty()
        && words.len() <= HEADING_WORDS
        && !line.ends_with('.')
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || is_short_glue(w))
}

/// Short words a heading may write in lower case ("SITUATION in the north" is none, "Mopti /
/// Sévaré" neither): articles and conjunctions of a title.
fn is_short_glue(w: &str) -> bool {
    matches!(
        w,
        "et" | "and" | "de" | "du" | "des" | "of" | "the" | "la" | "le" | "les"
    )
}

/// The publication date (`published` when given, else [`publication_date_from_text`]) and
/// [`extract_event_dates`] against it, reading the text once: what [`crate::extract()`] needs.
pub fn publication_and_event_dates(
    text: &str,
    published: Option<NaiveDate>,
    lang: &str,
) -> (Option<NaiveDate>, Vec<EventDate>) {
    let dated = dated_text(text, published, lang);
    (dated.published, dated.dates)
}

/// [`publication_and_event_dates`] with the sentences that recall earlier events.
pub fn dated_text(text: &str, published: Option<NaiveDate>, lang: &str) -> DatedText {
    let mut folded = String::new();
    let toks = tokens::tokenize(text, &mut folded);
    let grammar = Grammar::new(&toks, lang == "en");
    let mut publications = publication::candidates(text, &toks, &grammar);
    let published = published
        .or_else(|| publications.first().map(|p| p.date))
        .or_else(|| {
            let dated = yearless_dateline_date(text, &toks, &grammar)?;
            publications.push(dated);
            Some(dated.date)
        });
    // A yearless wire dateline (`BAMAKO, Dec 4 (Reuters) -`) is the publication's, not an event's,
    // also when the metadata gave the date.
    if let Some((_, _, start, end)) = publication::yearless_dateline(text, &toks, &grammar) {
        if let Some(date) = published {
            publications.push(PublicationDate {
                date,
                start,
                end,
                source: PublicationSource::Dateline,
            });
        }
    }
    let with_roles = dates_with_roles(&toks, &grammar, text, published, &publications);
    DatedText {
        published,
        dates: with_roles.dates,
        recall_sentences: with_roles.recall_sentences,
        future_sentences: roles::flagged_spans(&toks, &with_roles.future),
        recall_phrases: with_roles.recall_phrases,
    }
}

/// A yearless wire dateline (`NIAMEY, Feb 5 (Reuters) -`) dated with the year of the latest full
/// date the text gives (the next year when the dateline's day would come before that date), when
/// that date is at most three months before it: wires report recent events.
fn yearless_dateline_date(
    text: &str,
    toks: &[tokens::Tok<'_>],
    grammar: &Grammar<'_>,
) -> Option<PublicationDate> {
    let (day, month, start, end) = publication::yearless_dateline(text, toks, grammar)?;
    let latest = find_all(toks, grammar)
        .iter()
        .filter_map(|f| match f.expr {
            Expr::Date(d) | Expr::Range(_, d) => full(d),
            _ => None,
        })
        .max()?;
    let date = [latest.year(), latest.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|&d| d >= latest)?;
    ((date - latest).num_days() <= 92).then_some(PublicationDate {
        date,
        start,
        end,
        source: PublicationSource::Dateline,
    })
}

/// Every date expression of the text at every grain (years included, nothing skipped).
pub fn find_dates(text: &str, published: Option<NaiveDate>, lang: &str) -> Vec<EventDate> {
    let mut folded = String::new();
    let toks = tokens::tokenize(text, &mut folded);
    let grammar = Grammar::new(&toks, lang == "en");
    let future = future_sentences(&toks, Direction::Past);
    let words = roles::Words::new(&toks);
    resolve_all(
        &toks,
        &grammar,
        text,
        published,
        Direction::Past,
        &future,
        &words,
    )
}

/// The months (`YYYY-MM`) the dates fall in, sorted, each once; ranges count every month they
/// cover.
pub fn event_months(dates: &[EventDate]) -> Vec<String> {
    months_of(dates, DateRole::Event)
}

/// The months (`YYYY-MM`) of the dates of one role, sorted, each once.
pub fn months_of(dates: &[EventDate], role: DateRole) -> Vec<String> {
    let mut months: Vec<String> = dates
        .iter()
        .filter(|d| d.role == role)
        .flat_map(|d| d.values())
        .filter_map(|v| v.month())
        .collect();
    months.sort();
    months.dedup();
    months
}

/// The values of the dates as strings (`YYYY-MM-DD`, `YYYY-MM`), ranges expanded, sorted, each once.
pub fn event_date_strings(dates: &[EventDate]) -> Vec<String> {
    let mut values: Vec<DateValue> = dates
        .iter()
        .filter(|d| d.role == DateRole::Event)
        .flat_map(|d| d.values())
        .collect();
    values.sort();
    values.dedup();
    values.iter().map(|v| v.to_string()).collect()
}

/// Which way expressions without a year or with a bare weekday resolve from the reference
/// (publication) date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Reports of past events (the default for extraction): `le 15 juillet` is the nearest
    /// 15 July not after the publication date, `lundi` the last Monday. A sentence with an explicit
    /// future marker (`prochain`, `à venir`, `aura lieu`, `se tiendra`, `next`, `will`, …) still
    /// resolves forward.
    #[default]
    Past,
    /// Standalone expressions read forward, Duckling's convention: `le 15 juillet` said on
    /// 12 February is the coming 15 July, `lundi` the coming Monday.
    Forward,
}

/// What the resolver knows when it meets an expression.
struct Context {
    published: Option<NaiveDate>,
    future: bool,
    previous: Option<NaiveDate>,
    /// Without a publication date, the nearest explicit date of the text ("le 3 mars 2024",
    /// "juillet 2023", or a year alone: "T1 2024"): undated days and months fall in its year.
    narrative: Option<NaiveDate>,
    /// The narrative date is a year alone: it gives no month (nor day) to count from.
    narrative_year_only: bool,
}

/// A year standing alone in the first line ("Rapport annuel 2024", "T1 2024"): a number of four
/// digits from 1990 to 2100, not part of a longer number, a code or a numeric date ("2024-015",
/// "12/03/2024"). Its 1 January.
fn title_year(toks: &[tokens::Tok<'_>]) -> Option<NaiveDate> {
    let line: Vec<&tokens::Tok<'_>> = toks.iter().take_while(|t| t.line == 0).collect();
    let joined = |t: Option<&&tokens::Tok<'_>>| {
        t.is_some_and(|t| t.num().is_some() || matches!(t.punct(), Some('-' | '/' | '.' | ',')))
    };
    line.iter().enumerate().find_map(|(k, t)| {
        let (value, digits) = t.num()?;
        let year = i32::try_from(value).ok()?;
        let alone = digits == 4
            && (1990..=2100).contains(&year)
            && !(t.glued && joined(k.checked_sub(1).and_then(|p| line.get(p))))
            && !line.get(k + 1).is_some_and(|n| n.glued && joined(Some(n)));
        alone.then(|| NaiveDate::from_ymd_opt(year, 1, 1)).flatten()
    })
}

/// Words of a title that reviews a period ("bilan", "in review", "rapport annuel").
const REVIEW_WORDS: [&str; 12] = [
    "review",
    "bilan",
    "retrospective",
    "annee",
    "year",
    "annual",
    "annuel",
    "annuelle",
    "overview",
    "trends",
    "tendances",
    "synthese",
];

/// The year a title reviews ("Burkina Faso in 2018: a second front", "2015 in review", "Bilan
/// 2023"): a year alone in the title, after "in"/"en" or in a title with a word of review; not
/// the year of a date ("du 10 au 14 mai 2023") nor a name's ("CAN 2023").
fn review_year(toks: &[tokens::Tok<'_>]) -> Option<i32> {
    let year = title_year(toks)?.year();
    let line: Vec<&tokens::Tok<'_>> = toks.iter().take_while(|t| t.line == 0).collect();
    let k = line.iter().position(|t| {
        t.num()
            .is_some_and(|(v, d)| d == 4 && i64::from(v) == i64::from(year))
    })?;
    let before = k.checked_sub(1).and_then(|p| line.get(p));
    if before.is_some_and(|t| t.num().is_some() || t.word().and_then(lexicon::month).is_some()) {
        return None;
    }
    let after_in = before
        .and_then(|t| t.word())
        .is_some_and(|w| w == "in" || w == "en");
    let review = line
        .iter()
        .filter_map(|t| t.word())
        .any(|w| REVIEW_WORDS.contains(&w));
    (after_in || review).then_some(year)
}

pub(crate) fn find_all(toks: &[tokens::Tok<'_>], grammar: &Grammar<'_>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match grammar.at(i) {
            Some(f) if f.end > i => {
                i = f.end;
                if !names_something_after_a_date(toks, &f) {
                    found.push(f);
                }
            }
            _ => i += 1,
        }
    }
    found
}

/// Capitalised heads of names that take a date ("le Mouvement du 5 juin", "the Movement of June
/// 5", "la Place du 26 Mars", "le Stade du 4 Août"), folded.
const NAMED_AFTER_A_DATE: &[&str] = &[
    "mouvement",
    "movement",
    "place",
    "stade",
    "stadium",
    "avenue",
    "boulevard",
    "rue",
    "pont",
    "bridge",
    "square",
    "lycee",
    "monument",
    "echangeur",
];

/// Whether the expression is part of a name given after a date: after a capitalised head and
/// "du"/"of" ("le Mouvement du 5 juin"), or before "Movement"/"Mouvement" ("the June 5
/// Movement"). A date of the report is not written with a capital head before it.
fn names_something_after_a_date(toks: &[tokens::Tok<'_>], f: &Found) -> bool {
    let word = |k: usize| toks.get(k).and_then(|t| t.word());
    let head = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.capitalized && t.word().is_some_and(|w| NAMED_AFTER_A_DATE.contains(&w))
        })
    };
    let linker = |w: Option<&str>| matches!(w, Some("du" | "of"));
    let before = if linker(word(f.first)) {
        f.first.checked_sub(1).is_some_and(head)
    } else {
        f.first >= 2 && linker(word(f.first - 1)) && head(f.first - 2)
    };
    // "the June 5 Movement" (read as "June", the day left over).
    let next = if toks.get(f.end).is_some_and(|t| t.num().is_some()) {
        f.end + 1
    } else {
        f.end
    };
    let after = toks
        .get(next)
        .is_some_and(|t| t.capitalized && matches!(t.word(), Some("movement" | "mouvement")));
    // "place du 26 Mars", "le stade du 4 Août": French writes a date's month in lower case; a
    // capital after "du" and a day names a place (not the first word of a sentence or a title).
    let capital_french_month = (f.first..f.end).any(|k| {
        let t = &toks[k];
        t.capitalized
            && k >= 2
            && toks[k - 1].sentence == t.sentence
            && toks[k - 1].num().is_some()
            && linker(word(k - 2))
            && t.word()
                .is_some_and(|w| lexicon::month(w).is_some() && !lexicon::is_english_month(w))
    });
    before || after || capital_french_month
}

/// [`find_dates`] with an explicit resolution direction.
pub fn find_dates_directed(
    text: &str,
    published: Option<NaiveDate>,
    lang: &str,
    direction: Direction,
) -> Vec<EventDate> {
    scan(text, published, lang, direction)
}

pub(crate) fn scan(
    text: &str,
    published: Option<NaiveDate>,
    lang: &str,
    direction: Direction,
) -> Vec<EventDate> {
    let mut folded = String::new();
    let toks = tokens::tokenize(text, &mut folded);
    let grammar = Grammar::new(&toks, lang == "en");
    let future = future_sentences(&toks, direction);
    let words = roles::Words::new(&toks);
    resolve_all(&toks, &grammar, text, published, direction, &future, &words)
}

/// Per sentence, whether its verbs are in the future (every sentence, reading forward).
fn future_sentences(toks: &[tokens::Tok<'_>], direction: Direction) -> Vec<bool> {
    let sentences = toks.last().map_or(0, |t| t.sentence as usize + 1);
    let mut future = vec![direction == Direction::Forward; sentences];
    for (k, t) in toks.iter().enumerate() {
        let next = toks.get(k + 1).and_then(|n| n.word());
        let after = toks.get(k + 2).and_then(|n| n.word());
        let previous = k.checked_sub(1).and_then(|p| toks[p].word());
        if t.word().is_some_and(|w| {
            lexicon::is_future_cue(w, next) && !lexicon::compared_with_a_plan(previous, w)
                || lexicon::plans_ahead(previous, w, next)
                || lexicon::calls_to_act(w, next, after)
                || lexicon::due_to_happen(previous, w, next, after)
                    && !in_a_relative_clause(toks, k)
        }) {
            future[t.sentence as usize] = true;
        }
    }
    future
}

/// Words before a verb read for the relative pronoun that opens its clause.
const RELATIVE_CLAUSE_WORDS: usize = 4;

/// Whether the word at token `k` is in a relative clause opened at most
/// [`RELATIVE_CLAUSE_WORDS`] words before it, in its sentence: "Relatives gathered on Saturday in
/// Niamey, where the bodies are expected to be flown" looks ahead in its clause only.
fn in_a_relative_clause(toks: &[tokens::Tok<'_>], k: usize) -> bool {
    let sentence = toks[k].sentence;
    toks[..k]
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .filter_map(|t| t.word())
        .take(RELATIVE_CLAUSE_WORDS)
        .any(|w| roles::RELATIVE_PRONOUNS.contains(&w))
}

/// Every date expression of the tokens, resolved in `direction`; `future` says per sentence
/// whether it reads forward (`future_sentences` in that direction), `words` are the tokens' words
/// ([`roles::Words`]).
fn resolve_all(
    toks: &[tokens::Tok<'_>],
    grammar: &Grammar<'_>,
    text: &str,
    published: Option<NaiveDate>,
    direction: Direction,
    future: &[bool],
    words: &roles::Words<'_>,
) -> Vec<EventDate> {
    let found = find_all(toks, grammar);
    if found.is_empty() {
        return Vec::new();
    }
    // Explicit dates (with a year) anchor undated ones when there is no publication date (the
    // bool: a year alone, which anchors only their year).
    let explicit_date = |f: &Found, years: bool| match f.expr {
        Expr::Date(d) | Expr::Range(_, d) => full(d).map(|d| (d, false)),
        Expr::Month {
            month,
            year: Some(y),
            ..
        } => NaiveDate::from_ymd_opt(y, month, 1).map(|d| (d, false)),
        Expr::MonthRange {
            to, year: Some(y), ..
        } => NaiveDate::from_ymd_opt(y, to, 1).map(|d| (d, false)),
        Expr::Year(y) if years => NaiveDate::from_ymd_opt(y, 1, 1).map(|d| (d, true)),
        _ => None,
    };
    let explicit: Vec<Option<(NaiveDate, bool)>> =
        found.iter().map(|f| explicit_date(f, false)).collect();
    // A date or year in the title line ("Rapport trimestriel – T1 2024 (janvier–mars)") is the
    // period of the whole report: it anchors every undated expression.
    let title_anchor = found
        .iter()
        .take_while(|f| toks[f.first].line == 0)
        .find_map(|f| explicit_date(f, true))
        .or_else(|| title_year(toks).map(|y| (y, true)));
    let mut out = Vec::with_capacity(found.len());
    let mut previous = None;
    for (k, f) in found.iter().enumerate() {
        let narrative = if published.is_some() {
            None
        } else if title_anchor.is_some() {
            title_anchor
        } else {
            explicit[..k]
                .iter()
                .rev()
                .flatten()
                .next()
                .or_else(|| explicit[k..].iter().flatten().next())
                .copied()
        };
        let future_sentence = future[toks[f.first].sentence as usize];
        let deadline = roles::until_before(words, toks, f.first, f.end);
        let mut context = Context {
            published,
            future: future_sentence || deadline,
            previous,
            narrative: narrative.map(|(d, _)| d),
            narrative_year_only: narrative.is_some_and(|(_, year_only)| year_only),
        };
        let Some((mut date, mut until, mut kind)) = resolve(f.expr, &context) else {
            continue;
        };
        // A yearless deadline reads forward, but not most of a year ahead in a sentence of the
        // past: "les violences se sont poursuivies jusqu'au 2 janvier", published on 4 January,
        // ended two days before.
        if deadline && !future_sentence {
            let far_ahead = published.zip(date.first_day()).is_some_and(|(p, d)| {
                d > p
                    .checked_add_days(Days::new(DEADLINE_AHEAD_DAYS))
                    .unwrap_or(p)
            });
            if far_ahead {
                context.future = false;
                if let Some(back) = resolve(f.expr, &context) {
                    (date, until, kind) = back;
                }
            }
        }
        // A past period running on after the publication date ("earlier this week", "cette
        // semaine" said on a Saturday) ends with it: nothing reported happened later.
        if let (Some(p), DateValue::Day(from), Some(DateValue::Day(to))) = (published, date, until)
        {
            if !context.future && direction == Direction::Past && from <= p && to > p {
                until = Some(DateValue::Day(p));
            }
        }
        if let Some(d) = until.or(Some(date)).and_then(|v| v.day()) {
            previous = Some(d);
        }
        let (start, end) = (toks[f.first].start, toks[f.end - 1].end);
        out.push(EventDate {
            date,
            until,
            start,
            end,
            text: text[start..end].to_string(),
            kind,
            role: DateRole::Event,
            cue: None,
        });
    }
    out
}

fn full(d: Dmy) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year?, d.month?, d.day)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

/// The n-th (1-based; -1 = last) `weekday` (0 = Monday) of a month.
fn nth_weekday_of(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    if n > 0 {
        let lead = (i64::from(weekday) - weekday_of(first)).rem_euclid(7);
        let d = add_days(first, lead + 7 * i64::from(n - 1))?;
        (d.month() == month).then_some(d)
    } else {
        let last = add_days(add_months(first, 1)?, -1)?;
        let back = (weekday_of(last) - i64::from(weekday)).rem_euclid(7);
        add_days(last, -back)
    }
}

fn weekday_of(d: NaiveDate) -> i64 {
    i64::from(d.weekday().num_days_from_monday())
}

/// Days after the publication date within which a day named without its year is still taken in
/// the publication's year rather than a year earlier: a wire of 5 September that says "on 7
/// September" (an update, a wrong dateline) does not mean the year before.
const PAST_GRACE_DAYS: i64 = 7;

/// Among candidates, the one not after `anchor` closest to it (not before, when `future`), else the
/// closest on the other side; in the past, one at most [`PAST_GRACE_DAYS`] after `anchor` first.
fn pick(candidates: &[NaiveDate], anchor: NaiveDate, future: bool) -> Option<NaiveDate> {
    if future {
        candidates
            .iter()
            .filter(|c| **c >= anchor)
            .min()
            .or_else(|| candidates.iter().max())
            .copied()
    } else {
        candidates
            .iter()
            .filter(|c| **c > anchor && (**c - anchor).num_days() <= PAST_GRACE_DAYS)
            .min()
            .or_else(|| candidates.iter().filter(|c| **c <= anchor).max())
            .or_else(|| candidates.iter().min())
            .copied()
    }
}

/// The candidate closest to `anchor` on either side (the earlier on a tie).
fn nearest(candidates: &[NaiveDate], anchor: NaiveDate) -> Option<NaiveDate> {
    candidates
        .iter()
        .min_by_key(|c| ((**c - anchor).num_days().abs(), **c > anchor))
        .copied()
}

/// A day and month without a year.
fn resolve_day_month(
    day: u32,
    month: u32,
    weekday: Option<u32>,
    cx: &Context,
) -> Option<NaiveDate> {
    let anchor = cx.published.or(cx.narrative)?;
    let y = anchor.year();
    let candidates: Vec<NaiveDate> = (y - 1..=y + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .collect();
    if let Some(wd) = weekday {
        let matching: Vec<NaiveDate> = candidates
            .iter()
            .copied()
            .filter(|c| weekday_of(*c) == i64::from(wd))
            .collect();
        if !matching.is_empty() {
            return nearest(&matching, anchor);
        }
    }
    if cx.published.is_none() {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    pick(&candidates, anchor, cx.future)
}

/// A weekday and a day of the month (`mercredi 13`): the nearest month where they agree.
fn resolve_weekday_day(day: u32, weekday: u32, cx: &Context) -> Option<NaiveDate> {
    if cx.published.is_none() && cx.narrative_year_only {
        return None;
    }
    let anchor = cx.published.or(cx.narrative)?;
    let first = anchor.with_day(1)?;
    let candidates: Vec<NaiveDate> = (-12..=12)
        .filter_map(|k| add_months(first, k))
        .filter_map(|m| m.with_day(day))
        .filter(|d| weekday_of(*d) == i64::from(weekday))
        .collect();
    if cx.future {
        return candidates.iter().filter(|d| **d >= anchor).min().copied();
    }
    nearest(&candidates, anchor)
}

/// A day of an unnamed month (`dans la nuit du 26 au 27`): the latest month where it is not after
/// the anchor (the first where it is not before, when `future`).
fn resolve_day_only(day: u32, cx: &Context) -> Option<NaiveDate> {
    if cx.published.is_none() {
        if cx.narrative_year_only {
            return None;
        }
        let anchor = cx.narrative?;
        return anchor.with_day(day);
    }
    let anchor = cx.published?;
    let first = anchor.with_day(1)?;
    (0..=12).find_map(|k| {
        let month = add_months(first, if cx.future { k } else { -k })?;
        let d = month.with_day(day)?;
        let ok = if cx.future { d >= anchor } else { d <= anchor };
        ok.then_some(d)
    })
}

fn resolve_date(d: Dmy, cx: &Context) -> Option<(NaiveDate, DateKind)> {
    match (d.month, d.year) {
        (Some(_), Some(_)) => full(d).map(|x| (x, DateKind::Absolute)),
        (Some(m), None) => {
            resolve_day_month(d.day, m, d.weekday, cx).map(|x| (x, DateKind::Partial))
        }
        (None, _) => {
            let wd = d.weekday?;
            resolve_weekday_day(d.day, wd, cx).map(|x| (x, DateKind::Partial))
        }
    }
}

fn resolve_range(s: Dmy, e: Dmy, cx: &Context) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = match (e.month, e.year.or(s.year)) {
        (Some(em), Some(y)) => {
            let sm = s.month.unwrap_or(em);
            let sy = s.year.unwrap_or(if sm > em { y - 1 } else { y });
            (
                NaiveDate::from_ymd_opt(sy, sm, s.day)?,
                NaiveDate::from_ymd_opt(y, em, e.day)?,
            )
        }
        (Some(em), None) => {
            let sm = s.month.unwrap_or(em);
            let start = resolve_day_month(s.day, sm, s.weekday, cx)?;
            let ey = if em < sm {
                start.year() + 1
            } else {
                start.year()
            };
            (start, NaiveDate::from_ymd_opt(ey, em, e.day)?)
        }
        (None, _) => {
            let start = resolve_day_only(s.day, cx)?;
            let end = if e.day >= s.day {
                start.with_day(e.day)?
            } else {
                add_months(start.with_day(1)?, 1)?.with_day(e.day)?
            };
            (start, end)
        }
    };
    (end >= start && (end - start).num_days() <= 366).then_some((start, end))
}

fn resolve_weekday(wd: u32, mode: WeekdayMode, cx: &Context) -> Option<NaiveDate> {
    let p = cx.published?;
    let pw = weekday_of(p);
    let wd = i64::from(wd);
    let back = (pw - wd).rem_euclid(7);
    let forward = (wd - pw).rem_euclid(7);
    match mode {
        // Said on a Tuesday, `mardi` in the future is next week's.
        WeekdayMode::Bare if cx.future => add_days(p, if forward == 0 { 7 } else { forward }),
        WeekdayMode::Bare => add_days(p, -back),
        WeekdayMode::Last => add_days(p, -(if back == 0 { 7 } else { back })),
        WeekdayMode::Next => add_days(p, if forward == 0 { 7 } else { forward }),
        WeekdayMode::Week(k) => add_days(p, -pw + 7 * k + wd),
        WeekdayMode::Later(n) => add_days(p, forward + n),
    }
}

fn day_range(
    a: NaiveDate,
    b: NaiveDate,
    kind: DateKind,
) -> (DateValue, Option<DateValue>, DateKind) {
    (DateValue::Day(a), Some(DateValue::Day(b)), kind)
}

/// A resolved expression: its date (or first day), its last day for a range, its kind.
type Resolved = (DateValue, Option<DateValue>, DateKind);

fn resolve(expr: Expr, cx: &Context) -> Option<Resolved> {
    let day = |d: NaiveDate, kind| Some((DateValue::Day(d), None, kind));
    match expr {
        Expr::Date(d) => {
            let (x, kind) = resolve_date(d, cx)?;
            day(x, kind)
        }
        Expr::Range(s, e) => {
            let (a, b) = resolve_range(s, e, cx)?;
            Some(day_range(a, b, DateKind::Range))
        }
        Expr::MonthRange { from, to, year } => {
            let y = month_year(to, year, 0, cx)?;
            let start = DateValue::Month(if from <= to { y } else { y - 1 }, from);
            Some((start, Some(DateValue::Month(y, to)), DateKind::Month))
        }
        Expr::Month { month, year, shift } => Some((
            DateValue::Month(month_year(month, year, shift, cx)?, month),
            None,
            DateKind::Month,
        )),
        Expr::MonthOffset(k) => {
            let m = add_months(cx.published?.with_day(1)?, i64::from(k))?;
            Some((
                DateValue::Month(m.year(), m.month()),
                None,
                DateKind::Relative,
            ))
        }
        Expr::Year(y) => Some((DateValue::Year(y), None, DateKind::Year)),
        Expr::YearOffset(k) => Some((
            DateValue::Year(cx.published?.year() + k),
            None,
            DateKind::Relative,
        )),
        Expr::DayOffset(n) => day(add_days(cx.published?, n)?, DateKind::Relative),
        Expr::NthWeekday {
            n,
            weekday,
            month,
            year,
            offset,
        } => resolve_nth_weekday(n, weekday, month, year, offset, cx),
        Expr::FromPrevious(n) => day(
            add_days(cx.previous.or(cx.published)?, n)?,
            DateKind::Relative,
        ),
        Expr::Shifted(d, n) => {
            let (x, _) = resolve_date(d, cx)?;
            day(add_days(x, n)?, DateKind::Relative)
        }
        Expr::Weekday(wd, mode) => day(resolve_weekday(wd, mode, cx)?, DateKind::Relative),
        Expr::WeekdayPair(a, b) => {
            let second = resolve_weekday(b, WeekdayMode::Bare, cx)?;
            let gap = (i64::from(b) - i64::from(a)).rem_euclid(7);
            let first = add_days(second, -(if gap == 0 { 7 } else { gap }))?;
            Some(day_range(first, second, DateKind::Range))
        }
        Expr::Offset(n, unit) => resolve_offset(n, unit, cx),
        Expr::Week(k) => {
            let p = cx.published?;
            let monday = add_days(p, -weekday_of(p) + 7 * k)?;
            Some(day_range(monday, add_days(monday, 6)?, DateKind::Relative))
        }
        Expr::WeekPart(week, a, b) => {
            let p = cx.published?;
            let monday = add_days(p, -weekday_of(p) + 7 * week)?;
            let first = add_days(monday, i64::from(a))?;
            Some(day_range(
                first,
                add_days(monday, i64::from(b))?,
                DateKind::Relative,
            ))
        }
        Expr::YearPart(year, a, b) => resolve_year_part(year, a, b, cx),
        Expr::LastN(n, unit) => resolve_last_n(n, unit, cx),
        Expr::DayAlone(d) => day(resolve_day_only(d, cx)?, DateKind::Partial),
        Expr::Holiday(d, m) => {
            let dmy = Dmy {
                day: d,
                month: Some(m),
                year: None,
                weekday: None,
            };
            let (x, _) = resolve_date(dmy, cx)?;
            day(x, DateKind::Partial)
        }
        Expr::LastDayOf(m, year) => {
            let first = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, 1)?,
                None => resolve_day_month(1, m, None, cx)?,
            };
            let last = add_months(first, 1)?.pred_opt()?;
            day(last, absolute_if_dated(year))
        }
        Expr::Weekend(k) => resolve_weekend(k, cx),
    }
}

/// `Absolute` for an expression that gives its year, else `Partial`.
fn absolute_if_dated(year: Option<i32>) -> DateKind {
    if year.is_some() {
        DateKind::Absolute
    } else {
        DateKind::Partial
    }
}

/// The year of a month named without one: against the publication date, the last such month
/// (`shift` < 0: `last March`), the next (`shift` > 0), or the nearest one not after it (not
/// before it in a future sentence); without a publication date, the narrative's year.
fn month_year(month: u32, year: Option<i32>, shift: i32, cx: &Context) -> Option<i32> {
    if let Some(y) = year {
        return Some(y);
    }
    let Some(p) = cx.published else {
        return Some(cx.narrative?.year());
    };
    let (py, pm) = (p.year(), p.month());
    Some(match shift {
        s if s < 0 => {
            if month < pm {
                py
            } else {
                py - 1
            }
        }
        s if s > 0 => {
            if month > pm {
                py
            } else {
                py + 1
            }
        }
        _ if cx.future => {
            if month >= pm {
                py
            } else {
                py + 1
            }
        }
        _ => {
            if month <= pm {
                py
            } else {
                py - 1
            }
        }
    })
}

/// `le deuxième mardi de mars`, `the first Monday of next month`.
fn resolve_nth_weekday(
    n: i32,
    weekday: u32,
    month: Option<u32>,
    year: Option<i32>,
    offset: i32,
    cx: &Context,
) -> Option<Resolved> {
    let (y, m, kind) = match month {
        Some(month) => (
            month_year(month, year, 0, cx)?,
            month,
            absolute_if_dated(year),
        ),
        None => {
            let first = add_months(cx.published?.with_day(1)?, i64::from(offset))?;
            (first.year(), first.month(), DateKind::Relative)
        }
    };
    Some((
        DateValue::Day(nth_weekday_of(y, m, weekday, n)?),
        None,
        kind,
    ))
}

/// `il y a trois jours`, `dans deux semaines`, `two months ago`, `il y a un an` (a month).
fn resolve_offset(n: i64, unit: Unit, cx: &Context) -> Option<Resolved> {
    let p = cx.published?;
    let day = |d: NaiveDate| Some((DateValue::Day(d), None, DateKind::Relative));
    match unit {
        Unit::Day => day(add_days(p, n)?),
        Unit::Week => day(add_days(p, 7 * n)?),
        Unit::Month => day(add_months(p, n)?),
        Unit::Year => {
            let m = add_months(p.with_day(1)?, 12 * n)?;
            Some((
                DateValue::Month(m.year(), m.month()),
                None,
                DateKind::Relative,
            ))
        }
    }
}

/// Months `a` to `b` of a year (`début 2024`, `l'été dernier`): the year given, else the current
/// one once its part has started (or in a future sentence), else the previous one.
fn resolve_year_part(year: Option<i32>, a: u32, b: u32, cx: &Context) -> Option<Resolved> {
    let y = match year {
        Some(y) => y,
        None => {
            let p = cx.published?;
            let started = p.month() >= a;
            if cx.future || started {
                p.year()
            } else {
                p.year() - 1
            }
        }
    };
    let kind = if year.is_some() {
        DateKind::Month
    } else {
        DateKind::Relative
    };
    Some((DateValue::Month(y, a), Some(DateValue::Month(y, b)), kind))
}

/// `ces trois derniers jours`, `the past two weeks`, `les deux prochains mois` (`n` > 0: ahead).
fn resolve_last_n(n: i64, unit: Unit, cx: &Context) -> Option<Resolved> {
    let p = cx.published?;
    let (from, to) = if n < 0 { (n, -1) } else { (1, n) };
    match unit {
        Unit::Day | Unit::Week => {
            let scale = if unit == Unit::Week { 7 } else { 1 };
            Some(day_range(
                add_days(p, from * scale)?,
                add_days(p, to * scale)?,
                DateKind::Relative,
            ))
        }
        Unit::Month => {
            let first = p.with_day(1)?;
            let a = add_months(first, from)?;
            let b = add_months(first, to)?;
            Some((
                DateValue::Month(a.year(), a.month()),
                Some(DateValue::Month(b.year(), b.month())),
                DateKind::Relative,
            ))
        }
        Unit::Year => Some((
            DateValue::Year(p.year() + i32::try_from(from).ok()?),
            Some(DateValue::Year(p.year() + i32::try_from(to).ok()?)),
            DateKind::Relative,
        )),
    }
}

/// `le week-end dernier` (`k` < 0), `ce week-end` (0), `le week-end prochain` (`k` > 0): its
/// Saturday and Sunday.
fn resolve_weekend(k: i64, cx: &Context) -> Option<Resolved> {
    let p = cx.published?;
    let pw = weekday_of(p);
    let saturday = match k {
        k if k < 0 => {
            let back_to_sunday = (pw - 6).rem_euclid(7);
            add_days(
                p,
                -(if back_to_sunday == 0 {
                    7
                } else {
                    back_to_sunday
                }) - 1,
            )?
        }
        0 if cx.future => add_days(p, (5 - pw).rem_euclid(7))?,
        0 => add_days(p, -(pw - 5).rem_euclid(7))?,
        _ => add_days(p, {
            let f = (5 - pw).rem_euclid(7);
            if f == 0 {
                7
            } else {
                f
            }
        })?,
    };
    Some(day_range(
        saturday,
        add_days(saturday, 1)?,
        DateKind::Relative,
    ))
}

#[cfg(test)]
mod tests;
