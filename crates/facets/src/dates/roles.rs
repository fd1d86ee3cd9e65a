//! Date roles: which dates of a report are the time of its own events, and which are its
//! background (a recalled attack of an earlier year, the start of a blockade, a deadline, a
//! meeting still to come).
//!
//! The rules, in order:
//! 1. **Cues of each date** (words from `data/time_cues.tsv`): after the publication date, or in a
//!    sentence in the future when there is none: `future`; right after `depuis`, `since`, `à
//!    partir du`: `since`; right after `jusqu'au`, `until`, `d'ici`: `until`; in a sentence that
//!    recalls (`pour rappel`, `déjà`, `l'an dernier`, `previously`, a pluperfect, a year before the
//!    report's): `recall`; right after `contre`, `compared with`: `compare`; next to a verb of saying or learning (`a-t-on appris vendredi`, `said on
//!    Monday`): `report`.
//! 2. **The core of the report's time**: the uncued days of the last two weeks before publication,
//!    else the days of those two weeks something was said or learnt (`said on Thursday`);
//!    without a publication date, the uncued dates of the title and lead; else the latest uncued
//!    date (the latest recalled one when every date is cued). Uncued dates in the title (`Bulletin
//!    du 9 au 15 septembre 2024`) always belong to it.
//! 3. **The window**: the core's days, extended by every uncued day (or part of a month: `fin
//!    mars`) that comes within three weeks
//!    of it (a weekly or monthly summary's incidents chain into one period; a recalled attack of
//!    another season does not).
//! 4. **Roles**: an uncued date that meets the window is an event date; a `recall` date only when
//!    it meets the window give or take a week (a pluperfect about last Tuesday; a recalled month
//!    only when it meets the window itself); a `since`,
//!    `until`, `compare` or `report` date only when it falls inside it (`depuis avril 2023` starts a
//!    situation); a `future` date never.
//!    Everything else is background.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lexicon;
use super::tokens::Tok;
use super::{DateValue, EventDate};
use crate::data::{rows, WordSet};

/// What a date is to the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateRole {
    /// The time of the report's own events.
    #[default]
    Event,
    /// Recalled, compared, the start of a situation, a deadline, a date still to come.
    Background,
}

impl DateRole {
    /// `event` or `background`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateRole::Event => "event",
            DateRole::Background => "background",
        }
    }
}

/// Why a date may be background: the cue read around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeCue {
    /// After the publication date, or in a sentence in the future.
    Future,
    /// The start of a situation (`depuis avril 2023`).
    Since,
    /// The end of a period, a deadline (`jusqu'au 30 juin`).
    Until,
    /// A period compared with the report's (`38 incidents en octobre contre 41 en septembre`).
    Compare,
    /// In a sentence that recalls earlier events.
    Recall,
    /// When something was said or learnt (`a-t-on appris vendredi`, `said on Monday`).
    Report,
}

/// Byte spans of a text.
type Spans = Vec<(usize, usize)>;

/// Uncued days at most this many days before publication are the core of the report's time.
const RECENT_DAYS: u64 = 14;
/// An uncued day within this many days of the window joins it.
const CHAIN_DAYS: u64 = 14;
/// A span of fewer days than this ("fin mars") chains into the window like a day.
const SHORT_SPAN_DAYS: i64 = 12;
/// A `recall` date this close to the window is still an event date.
const CUED_MARGIN_DAYS: u64 = 7;
/// Longest first line read as a title.
const MAX_TITLE_BYTES: usize = 200;
/// Sentences of the lead (title included) without a publication date.
const LEAD_SENTENCES: u32 = 3;
/// Longest phrase of the cue file, in words.
const MAX_PHRASE_WORDS: usize = 6;
/// Words between a `since`/`until` phrase and the date's first word of content.
const MAX_GAP_WORDS: usize = 2;
/// Shortest period of a title that is the period a report covers, in days ("30 June - 6 July").
const TITLE_PERIOD_DAYS: i64 = 6;
/// Days after a title's period in which an uncued day still belongs to it (a weekly brief's
/// incident of the night after its last day).
const TITLE_PERIOD_GRACE_DAYS: u64 = 2;
/// Sentences (title included) whose since-date opens the period a report covers; headings
/// ("III. Security situation", "14.") are not counted.
const COVERING_SENTENCES: usize = 2;
/// Fewest words of a sentence counted as one by [`worded_before`].
const SENTENCE_WORDS: usize = 4;
/// Months into the next year in which a review of a year is still published ("Niger 2023", on
/// 15 January 2024).
const REVIEW_LATE_MONTHS: u32 = 3;
/// Days before publication past which a date in the title is no longer the report's time.
const TITLE_DAYS: u64 = 365;
/// Days past which a period holding days of events is the period a report covers.
const COVERED_PERIOD_DAYS: i64 = 45;
/// Words after a `sequel` verb within which its "après"/"after" is looked for.
const SEQUEL_WORDS: usize = 7;
/// Words between a `compare` phrase and the date when a count follows the phrase.
const MAX_COMPARE_GAP_WORDS: usize = 3;
/// Words between a `report` phrase and the date, on either side.
const REPORT_GAP_WORDS: usize = 3;

const FILE: &str = "data/time_cues.tsv";
const CUES_TSV: &str = include_str!("../../data/time_cues.tsv");

#[derive(Debug, Default)]
struct Cues {
    recall: Vec<Vec<&'static str>>,
    since: Vec<Vec<&'static str>>,
    until: Vec<Vec<&'static str>>,
    compare: Vec<Vec<&'static str>>,
    report: Vec<Vec<&'static str>>,
    sequel: Vec<Vec<&'static str>>,
    follow: Vec<Vec<&'static str>>,
    pluperfect: Vec<Vec<&'static str>>,
    /// Every phrase by its first word, with its kind: what the text's words are looked up in
    /// (twice per word of every text: a [`WordSet`], not a hashed map).
    by_first: WordSet<Vec<(Kind, Vec<&'static str>)>>,
}

/// The kind of a phrase of `data/time_cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Recall,
    Since,
    Until,
    Compare,
    Report,
    Sequel,
    Follow,
    Pluperfect,
}

impl Cues {
    /// The phrases of `kind` written at word position `at`.
    fn at<'w>(
        &'w self,
        words: &'w Words<'_>,
        at: usize,
        kind: Kind,
    ) -> impl Iterator<Item = &'w [&'static str]> + 'w {
        words
            .words
            .get(at)
            .and_then(|&(_, w, _)| self.by_first.get(w))
            .into_iter()
            .flatten()
            .filter(move |(k, p)| *k == kind && words.phrase_at(at, p))
            .map(|(_, p)| p.as_slice())
    }
}

fn parse(tsv: &'static str) -> crate::Result<Cues> {
    let mut cues = Cues::default();
    let mut by_first: HashMap<&'static str, Vec<(Kind, Vec<&'static str>)>> = HashMap::new();
    for row in rows(FILE, tsv, &["kind", "phrase"])? {
        let phrase: Vec<&'static str> = row.fields[1].split(' ').collect();
        if phrase.len() > MAX_PHRASE_WORDS
            || phrase
                .iter()
                .any(|w| w.is_empty() || !w.is_ascii() || *w != sahel_text::fold(w))
        {
            return Err(crate::Error::Malformed {
                file: FILE.to_string(),
                line: row.line,
                message: format!(
                    "empty, non-ASCII or unfolded word, or more than {MAX_PHRASE_WORDS} words"
                ),
            });
        }
        let (kind, list) = match row.fields[0] {
            "recall" => (Kind::Recall, &mut cues.recall),
            "since" => (Kind::Since, &mut cues.since),
            "until" => (Kind::Until, &mut cues.until),
            "compare" => (Kind::Compare, &mut cues.compare),
            "report" => (Kind::Report, &mut cues.report),
            "sequel" => (Kind::Sequel, &mut cues.sequel),
            "follow" => (Kind::Follow, &mut cues.follow),
            "pluperfect" => (Kind::Pluperfect, &mut cues.pluperfect),
            other => {
                return Err(crate::Error::Malformed {
                    file: FILE.to_string(),
                    line: row.line,
                    message: format!("unknown kind {other:?}"),
                })
            }
        };
        by_first
            .entry(phrase[0])
            .or_default()
            .push((kind, phrase.clone()));
        list.push(phrase);
    }
    cues.by_first = WordSet::new(by_first);
    Ok(cues)
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    // The file is compiled in and read by a unit test: it cannot be malformed at run time.
    CUES.get_or_init(|| parse(CUES_TSV).unwrap_or_default())
}

/// The words of the text with their token index and sentence.
pub(super) struct Words<'t> {
    words: Vec<(usize, &'t str, u32)>,
}

impl<'t> Words<'t> {
    pub(super) fn new(toks: &'t [Tok<'t>]) -> Self {
        Words {
            words: toks
                .iter()
                .enumerate()
                .filter_map(|(i, t)| t.word().map(|w| (i, w, t.sentence)))
                .collect(),
        }
    }

    /// Whether `phrase` is written at word position `at`, within one sentence.
    fn phrase_at(&self, at: usize, phrase: &[&str]) -> bool {
        let Some(&(_, _, sentence)) = self.words.get(at) else {
            return false;
        };
        phrase.iter().enumerate().all(|(k, w)| {
            self.words
                .get(at + k)
                .is_some_and(|&(_, word, s)| word == *w && s == sentence)
        })
    }
}

/// What recalls earlier events in each sentence, as token indexes.
struct Recalls {
    /// Where what the sentence recalls starts: its first cue, a recall phrase or a pluperfect
    /// (what comes before "previously", "had been" is the report's own: "took over Anefis, which
    /// was previously held by…"), or its first token when it names a year before the report's.
    from: Vec<Option<usize>>,
    /// Its first recall phrase (not a pluperfect, which English reported speech uses for the
    /// events themselves).
    phrase: Vec<Option<usize>>,
    /// The "après"/"after" of its sequel ("the massacre comes less than a week after…"): what
    /// follows is an earlier event, however near.
    sequel: Vec<Option<usize>>,
}

/// The sentences that recall earlier events: a recall phrase, a pluperfect, or a year before
/// `reference_year` (`en 2019` in a report of 2024).
fn recall_sentences(
    words: &Words<'_>,
    toks: &[Tok<'_>],
    sentences: usize,
    years: &[(u32, i32)],
    reference_year: Option<i32>,
) -> Recalls {
    let c = cues();
    let mut recall: Vec<Option<usize>> = vec![None; sentences];
    let mut phrase: Vec<Option<usize>> = vec![None; sentences];
    let mut sequel: Vec<Option<usize>> = vec![None; sentences];
    // The sentences where something was said before the word read: a pluperfect after it is
    // reported speech ("the army said jihadists had targeted positions in Kayes", "a indiqué
    // que les assaillants avaient attaqué"), not a recall.
    let mut said: Vec<bool> = vec![false; sentences];
    for at in 0..words.words.len() {
        let (token, _, sentence) = words.words[at];
        let sentence = sentence as usize;
        if phrase[sentence].is_some() {
            continue;
        }
        if c.at(words, at, Kind::Report).next().is_some() {
            said[sentence] = true;
        }
        if c.at(words, at, Kind::Recall).next().is_some() {
            phrase[sentence] = Some(token);
            recall[sentence].get_or_insert(token);
            continue;
        }
        // "cette attaque intervient moins d'un mois après l'annonce…": from "après" on.
        if let Some(p) = c.at(words, at, Kind::Sequel).next() {
            let after = (at + p.len()..words.words.len().min(at + p.len() + SEQUEL_WORDS))
                .map(|k| words.words[k])
                .find(|&(_, w, s)| s as usize == sentence && (w == "apres" || w == "after"));
            if let Some((after, _, _)) = after {
                phrase[sentence] = Some(after);
                sequel[sentence] = Some(after);
                recall[sentence].get_or_insert(after);
                continue;
            }
        }
        // "They follow an assault on April 28 on a church in Silgadji", "ces frappes font suite à
        // l'action menée le 20 novembre": its object, an earlier event, recalled as a recall
        // phrase's are (days of the same week stay the report's: "font suite aux attaques de la
        // semaine dernière"); not "followed by", not "follow-up".
        if let Some(p) = c.at(words, at, Kind::Follow).next() {
            let object = words
                .words
                .get(at + p.len())
                .filter(|&&(_, w, s)| s as usize == sentence && !matches!(w, "by" | "up" | "par"));
            if let Some(&(token, _, _)) = object {
                phrase[sentence] = Some(token);
                recall[sentence].get_or_insert(token);
                continue;
            }
        }
        if recall[sentence].is_some() || said[sentence] {
            continue;
        }
        if let Some(p) = c.at(words, at, Kind::Pluperfect).next() {
            // The participle: the next word, past one of "déjà", "été", "pas", "même".
            let mut next = at + p.len();
            while words.words.get(next).is_some_and(|&(_, w, s)| {
                s as usize == sentence && matches!(w, "deja" | "ete" | "pas" | "meme" | "already")
            }) {
                next += 1;
            }
            if words
                .words
                .get(next)
                .is_some_and(|&(_, w, s)| s as usize == sentence && is_participle(w))
            {
                recall[sentence] = Some(pluperfect_clause_start(words, at));
            }
        }
    }
    if let Some(reference) = reference_year {
        for &(sentence, year) in years {
            if year < reference {
                let first = toks.partition_point(|t| t.sentence < sentence);
                if let Some(r) = recall.get_mut(sentence as usize) {
                    *r = Some(first);
                }
            }
        }
    }
    Recalls {
        from: recall,
        phrase,
        sequel,
    }
}

/// Relative pronouns, folded: what comes after one is a clause of its own (a recall phrase in it
/// is about that clause only; a pluperfect in it recalls from there on).
pub(crate) const RELATIVE_PRONOUNS: [&str; 9] = [
    "which", "who", "whom", "where", "that", "qui", "dont", "ou", "lequel",
];

/// Where the clause of the pluperfect auxiliary at word `at` starts, as a token index: the
/// sentence's first word when no relative pronoun or conjunction comes between ("En février, des
/// hommes armés avaient fait irruption": the fronted date is what it recalls), else the
/// auxiliary ("took over Anefis on Sunday, which had been held by…": the date before is the
/// report's own).
fn pluperfect_clause_start(words: &Words<'_>, at: usize) -> usize {
    const CLAUSE_OPENERS: [&str; 18] = [
        "que",
        "qu",
        "laquelle",
        "lesquels",
        "lesquelles",
        "lorsque",
        "quand",
        "et",
        "mais",
        "car",
        "apres",
        "whose",
        "when",
        "and",
        "but",
        "or",
        "because",
        "after",
    ];
    let (token, _, sentence) = words.words[at];
    let mut k = at;
    while k > 0 && words.words[k - 1].2 == sentence {
        let w = words.words[k - 1].1;
        if RELATIVE_PRONOUNS.contains(&w) || CLAUSE_OPENERS.contains(&w) {
            return token;
        }
        k -= 1;
    }
    words.words[k].0
}

/// A French or English past participle, folded (`attaque`, `tues`, `pris`, `killed`, `been`).
fn is_participle(w: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "e", "es", "ee", "ees", "i", "is", "ie", "ies", "u", "us", "ed", "en",
    ];
    const NOT: [&str; 12] = [
        "une", "des", "les", "ses", "ces", "leurs", "cette", "elle", "elles", "the", "then", "when",
    ];
    (w.len() > 2 && ENDINGS.iter().any(|e| w.ends_with(e)) && !NOT.contains(&w))
        || matches!(
            w,
            "pris"
                | "pu"
                | "vu"
                | "su"
                | "mis"
                | "fait"
                | "eu"
                | "mort"
                | "morts"
                | "been"
                | "lost"
                | "fled"
                | "held"
                | "hit"
                | "led"
                | "killed"
        )
}

/// The cue right before a date whose first token is `first`: a `since` or `until` phrase ending
/// at most [`MAX_GAP_WORDS`] words before its first word of content (a number, a month or a
/// weekday), within its sentence.
fn phrase_before(words: &Words<'_>, toks: &[Tok<'_>], first: usize, end: usize) -> Option<TimeCue> {
    // The first content token of the expression: its number, month or weekday.
    let content = (first..end)
        .find(|&i| {
            toks[i].num().is_some()
                || toks[i]
                    .word()
                    .is_some_and(|w| lexicon::month(w).is_some() || lexicon::weekday(w).is_some())
        })
        .unwrap_or(first);
    // Word position of the last word before the content.
    let before = words.words.partition_point(|&(i, _, _)| i < content);
    let sentence = toks[content].sentence;
    let c = cues();
    for (cue, kind, gap) in [
        (TimeCue::Since, Kind::Since, MAX_GAP_WORDS),
        (TimeCue::Until, Kind::Until, MAX_GAP_WORDS),
        (TimeCue::Compare, Kind::Compare, MAX_COMPARE_GAP_WORDS),
    ] {
        for at in before.saturating_sub(MAX_PHRASE_WORDS + gap)..before {
            // Past two words, a compared period follows its count ("contre 31 la semaine du 23
            // au 29 septembre"), not an object ("une embuscade contre un convoi le 3 mai").
            let counted = |p: &[&str]| {
                let last = words.words[at + p.len() - 1].0;
                toks.get(last + 1).is_some_and(|t| t.num().is_some())
            };
            // "extended until 30 June", "prolongé au 31 décembre"; not "officials extended
            // opening hours last week" (what was extended is no period).
            let extends_to = |p: &[&str]| {
                !matches!(p.last(), Some(&("extended" | "prolonge" | "prolongee")))
                    || words.words[at + p.len()..before].iter().all(|&(_, w, _)| {
                        matches!(
                            w,
                            "to" | "until" | "till" | "through" | "a" | "au" | "the" | "le"
                        )
                    })
            };
            if words.words[at].2 == sentence
                && c.at(words, at, kind).any(|p| {
                    at + p.len() <= before
                        && at + p.len() + gap >= before
                        && (at + p.len() + MAX_GAP_WORDS >= before || counted(p))
                        && (kind != Kind::Until || extends_to(p))
                })
            {
                return Some(cue);
            }
        }
    }
    None
}

/// How many sentences before sentence `sentence` have [`SENTENCE_WORDS`] words or more: a
/// report's own sentences, not its headings and paragraph numbers ("III. Security situation",
/// "14. Since my report of 22 September…").
fn worded_before(toks: &[Tok<'_>], sentence: u32) -> usize {
    let mut count = 0;
    let mut words = 0;
    let mut current = 0;
    for t in toks.iter().take_while(|t| t.sentence < sentence) {
        if t.sentence != current {
            count += usize::from(words >= SENTENCE_WORDS);
            (current, words) = (t.sentence, 0);
        }
        words += usize::from(t.word().is_some());
    }
    count + usize::from(words >= SENTENCE_WORDS)
}

/// Whether an `until` phrase (`jusqu'au`, `until`, `d'ici`) comes right before the date whose
/// tokens are `first..end`: such a yearless date (a deadline) reads forward.
pub(super) fn until_before(words: &Words<'_>, toks: &[Tok<'_>], first: usize, end: usize) -> bool {
    phrase_before(words, toks, first, end) == Some(TimeCue::Until)
}

/// Whether a `report` phrase ends at most [`REPORT_GAP_WORDS`] words before the date whose first
/// token is `first`, in its sentence: "a annoncé vendredi", "said on Monday". After a date the verb
/// reports what happened then ("attaqué mardi, a annoncé l'armée").
fn reported(words: &Words<'_>, toks: &[Tok<'_>], first: usize) -> bool {
    let Some(sentence) = toks.get(first).map(|t| t.sentence) else {
        return false;
    };
    let from = words.words.partition_point(|&(i, _, _)| i < first);
    let lo = from.saturating_sub(REPORT_GAP_WORDS + 3);
    let hi = from.min(words.words.len());
    (lo..hi).any(|at| {
        words.words[at].2 == sentence
            && cues()
                .at(words, at, Kind::Report)
                .any(|p| at + p.len() + REPORT_GAP_WORDS >= from && at + p.len() <= from)
    })
}

/// The days a date covers, first and last; `None` for a year.
fn interval(d: &EventDate) -> Option<(NaiveDate, NaiveDate)> {
    let last = |v: DateValue| match v {
        DateValue::Day(d) => Some(d),
        DateValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
            .and_then(|n| n.pred_opt()),
        DateValue::Year(_) => None,
    };
    Some((d.date.first_day()?, last(d.until.unwrap_or(d.date))?))
}

/// The days a month named by a part of it covers: "début août", "mi-août", "fin mars", "early
/// April", "late June" stand for a third of the month.
fn part_of_month(d: &EventDate) -> Option<(NaiveDate, NaiveDate)> {
    let (lo, hi) = interval(d)?;
    if let (DateValue::Month(..), None) = (d.date, d.until) {
        let part = sahel_text::fold(&d.text)
            .split(|c: char| !c.is_alphanumeric())
            .find_map(|w| match w {
                "debut" | "early" => Some(0),
                "mi" | "milieu" | "mid" => Some(1),
                "fin" | "late" | "end" => Some(2),
                _ => None,
            });
        if let Some(third) = part {
            let from = lo + Days::new(10 * third);
            let to = if third == 2 { hi } else { from + Days::new(9) };
            return Some((from, to));
        }
    }
    None
}

fn meets(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate), margin: u64) -> bool {
    let (lo, hi) = (
        b.0.checked_sub_days(Days::new(margin)).unwrap_or(b.0),
        b.1.checked_add_days(Days::new(margin)).unwrap_or(b.1),
    );
    a.0 <= hi && a.1 >= lo
}

/// Gives every date of `dates` (all grains, in text order, read from `toks`) its role and cue.
/// `future` holds, per sentence, whether its verbs are in the future. Returns the byte spans of
/// the sentences that recall earlier events (their places are background too).
pub(super) fn assign(
    toks: &[Tok<'_>],
    words: &Words<'_>,
    dates: &mut [EventDate],
    published: Option<NaiveDate>,
    future: &[bool],
    review_year: Option<i32>,
    background: &[bool],
) -> (Spans, Spans) {
    let sentences = toks.last().map_or(0, |t| t.sentence as usize + 1);
    let first_token = |d: &EventDate| toks.partition_point(|t| t.start < d.start);
    let end_token = |d: &EventDate| toks.partition_point(|t| t.start < d.end);
    let sentence_of = |d: &EventDate| toks.get(first_token(d)).map_or(0, |t: &Tok<'_>| t.sentence);
    let years: Vec<(u32, i32)> = dates
        .iter()
        .filter_map(|d| match d.date {
            DateValue::Year(y) => Some((sentence_of(d), y)),
            _ => None,
        })
        .collect();
    let latest = dates.iter().filter_map(interval).map(|(_, hi)| hi).max();
    let reference_year = published.or(latest).map(|d| d.year());
    let mut recalls = recall_sentences(words, toks, sentences, &years, reference_year);
    // A sentence of the report's background section recalls from its start, however near its
    // dates ("BACKGROUND — On 17/03, a FAMa camp in Dioura was overrun", in a sitrep of the 25th).
    for (sentence, _) in background.iter().enumerate().filter(|(_, &b)| b) {
        let first = toks.partition_point(|t| (t.sentence as usize) < sentence);
        recalls.from[sentence] = Some(first);
        recalls.phrase[sentence] = Some(first);
        recalls.sequel[sentence] = Some(first);
    }
    let recall_from = recalls.from;
    let phrase_spans = recall_spans(toks, &recalls.phrase);
    let recalls_phrase = recalls.phrase;
    // The dates after a sequel's "after": earlier events, with no margin.
    let after_sequel: Vec<bool> = dates
        .iter()
        .map(|d| {
            recalls
                .sequel
                .get(sentence_of(d) as usize)
                .copied()
                .flatten()
                .is_some_and(|after| first_token(d) >= after)
        })
        .collect();
    let recall_spans = recall_spans(toks, &recall_from);
    if dates.is_empty() {
        return (recall_spans, phrase_spans);
    }

    for d in dates.iter_mut() {
        let (first, end) = (first_token(d), end_token(d));
        let sentence = toks.get(first).map_or(0, |t| t.sentence as usize);
        let after_publication = match (published, interval(d)) {
            (Some(p), Some((lo, _))) => lo > p,
            _ => false,
        };
        d.cue = if after_publication
            || published.is_none() && future.get(sentence).copied().unwrap_or(false)
        {
            Some(TimeCue::Future)
        } else {
            phrase_before(words, toks, first, end)
                .or_else(|| reported(words, toks, first).then_some(TimeCue::Report))
                .or_else(|| {
                    // A date before the recall phrase of its sentence is no part of what it
                    // recalls ("rains on 29 August caused flooding, adding to a season already
                    // considered…").
                    let recalled =
                        recall_from
                            .get(sentence)
                            .copied()
                            .flatten()
                            .is_some_and(|from| {
                                first >= from
                                    || recalls_phrase.get(sentence).copied().flatten() != Some(from)
                            });
                    recalled.then_some(TimeCue::Recall)
                })
        };
    }

    let spans: Vec<Option<(NaiveDate, NaiveDate)>> = dates.iter().map(interval).collect();
    let uncued = |k: usize| dates[k].cue.is_none() && spans[k].is_some();
    let is_day = |k: usize| matches!(dates[k].date, DateValue::Day(_));
    // A part of a month ("fin mars", "early April") chains like a day.
    let is_short =
        |k: usize| spans[k].is_some_and(|(lo, hi)| (hi - lo).num_days() < SHORT_SPAN_DAYS);
    // The first line is a title when other lines follow it and it is short: a one-line note is
    // no title.
    let first_line_end = toks
        .iter()
        .take_while(|t| t.line == 0)
        .last()
        .map_or(0, |t| t.end);
    let titled = toks.last().is_some_and(|t| t.line > 0) && first_line_end <= MAX_TITLE_BYTES;
    let in_title = |k: usize| {
        titled
            && toks
                .get(first_token(&dates[k]))
                .is_some_and(|t| t.line == 0)
    };
    let indices: Vec<usize> = (0..dates.len()).collect();
    // Whether a date ends within a year before publication (always, without one): neither the
    // fallback for the report's time nor a title date of another year is.
    let this_year = |k: usize| match (published, spans[k]) {
        (Some(p), Some((_, hi))) => hi >= p.checked_sub_days(Days::new(TITLE_DAYS)).unwrap_or(p),
        _ => true,
    };

    let mut core: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&k| uncued(k) && is_day(k))
        .filter(|&k| match (published, spans[k]) {
            (Some(p), Some((lo, hi))) => {
                lo <= p && hi >= p.checked_sub_days(Days::new(RECENT_DAYS)).unwrap_or(p)
            }
            _ => false,
        })
        .collect();
    if core.is_empty() && published.is_none() {
        core = indices
            .iter()
            .copied()
            .filter(|&k| uncued(k) && sentence_of(&dates[k]) < LEAD_SENTENCES)
            .collect();
    }
    // "the company said on Thursday": when no uncued day is recent, the recent days before
    // publication something was said or learnt are the report's time, before older uncued dates
    // ("since the army seized power in July 2023"); not "a report published today", which is
    // about earlier events.
    if core.is_empty() {
        if let Some(p) = published {
            let recent = p.checked_sub_days(Days::new(RECENT_DAYS)).unwrap_or(p);
            core = indices
                .iter()
                .copied()
                .filter(|&k| {
                    dates[k].cue == Some(TimeCue::Report)
                        && is_day(k)
                        && spans[k].is_some_and(|(_, hi)| hi < p && hi >= recent)
                })
                .collect();
        }
    }
    if core.is_empty() {
        let latest_of = |pick: &dyn Fn(usize) -> bool| {
            indices
                .iter()
                .copied()
                .filter(|&k| pick(k))
                .max_by_key(|&k| spans[k].map(|(_, hi)| hi))
        };
        // Without a publication date, a cued date has nothing to be read against: a report whose
        // dates all recall or start a situation ("Depuis janvier 2012…") has no event date.
        let cued = |k: usize, cue: TimeCue| {
            published.is_some() && dates[k].cue == Some(cue) && spans[k].is_some()
        };
        // "…, the interior ministry said on Saturday" (the publication day), then "since the
        // military seized power in July 2023": an uncued date of another year is no better a
        // time for the report than the day something was said.
        let said_on_publication = |k: usize| {
            dates[k].cue == Some(TimeCue::Report)
                && is_day(k)
                && published.is_some_and(|p| spans[k].is_some_and(|(_, hi)| hi == p))
        };
        core.extend(
            latest_of(&|k| uncued(k))
                .filter(|&k| this_year(k))
                .or_else(|| latest_of(&said_on_publication))
                .or_else(|| latest_of(&|k| uncued(k)))
                .or_else(|| latest_of(&|k| cued(k, TimeCue::Recall) || cued(k, TimeCue::Report)))
                .or_else(|| latest_of(&|k| cued(k, TimeCue::Since))),
        );
    }
    // A date in the title is the report's time, but not one of another year ("Il y a dix ans,
    // l'opération Serval": an anniversary).
    core.extend(
        indices
            .iter()
            .copied()
            .filter(|&k| uncued(k) && in_title(k) && this_year(k)),
    );
    let Some(mut window) = core
        .iter()
        .filter_map(|&k| spans[k])
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
    else {
        for d in dates.iter_mut() {
            d.role = DateRole::Background;
        }
        return (recall_spans, phrase_spans);
    };
    // Uncued days chain into the window.
    loop {
        let mut grew = false;
        for k in indices
            .iter()
            .copied()
            .filter(|&k| uncued(k) && (is_day(k) || is_short(k)))
        {
            if let Some(s) = spans[k] {
                if meets(s, window, CHAIN_DAYS) && (s.0 < window.0 || s.1 > window.1) {
                    window = (window.0.min(s.0), window.1.max(s.1));
                    grew = true;
                }
            }
        }
        if !grew {
            break;
        }
    }
    // "…have executed dozens of civilians since January 2024, Human Rights Watch said today": a
    // since-date of the lead, within a year, opens the period the report covers; its uncued days
    // and parts of months are events however far apart.
    let covered_from = published.and_then(|p| {
        let year_before = p.checked_sub_days(Days::new(TITLE_DAYS)).unwrap_or(p);
        indices
            .iter()
            .copied()
            .filter(|&k| {
                dates[k].cue == Some(TimeCue::Since)
                    && worded_before(toks, sentence_of(&dates[k])) < COVERING_SENTENCES
            })
            .filter_map(|k| spans[k].map(|(lo, _)| lo))
            .filter(|&lo| lo >= year_before && lo < window.0)
            .min()
    });
    let since_covered: Vec<bool> = indices
        .iter()
        .map(|&k| {
            covered_from.is_some_and(|from| {
                (is_day(k) || is_short(k))
                    && spans[k].is_some_and(|(lo, hi)| lo >= from && hi <= window.1)
            })
        })
        .collect();
    // The month or period of the title the report covers (applied once roles are set, below).
    let title_period = indices
        .iter()
        .copied()
        .filter(|&k| uncued(k) && in_title(k) && this_year(k))
        .find_map(|k| {
            let (lo, hi) = spans[k]?;
            let period = matches!(dates[k].date, DateValue::Month(..))
                || (hi - lo).num_days() >= TITLE_PERIOD_DAYS;
            period.then_some((k, lo, hi))
        });
    // A year the title reviews, published that year or early in the next, is the period
    // covered when the title names no shorter one.
    let title_period = title_period.or_else(|| {
        let (p, y) = (published?, review_year?);
        let reviewed = p.year() == y || p.year() == y + 1 && p.month() <= REVIEW_LATE_MONTHS;
        let (lo, hi) = (
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        );
        reviewed.then_some((usize::MAX, lo, hi))
    });
    let uncued_dates: Vec<bool> = indices.iter().map(|&k| uncued(k)).collect();
    let uncued_day: Vec<bool> = indices
        .iter()
        .map(|&k| uncued_dates[k] && is_day(k))
        .collect();
    for (k, d) in dates.iter_mut().enumerate() {
        let event = match (d.cue, spans[k]) {
            (_, None) | (Some(TimeCue::Future), _) => false,
            // "à la mi-février" beside a window that ends on 27 February is not in it.
            (None, Some(s)) => meets(part_of_month(d).unwrap_or(s), window, 0) || since_covered[k],
            (
                Some(TimeCue::Until | TimeCue::Report | TimeCue::Since | TimeCue::Compare),
                Some(s),
            ) => s.0 >= window.0 && s.1 <= window.1,
            // A recalled day or part of a month gets a week's margin; a recalled month none ("En
            // février, des hommes armés avaient fait irruption…" in a report of 3 March is
            // February's).
            (Some(TimeCue::Recall), Some(_)) if after_sequel[k] => false,
            (Some(TimeCue::Recall), Some(s)) => match part_of_month(d) {
                Some(part) => meets(part, window, CUED_MARGIN_DAYS),
                None if is_short(k) => meets(s, window, CUED_MARGIN_DAYS),
                None => meets(s, window, 0),
            },
        };
        d.role = if event {
            DateRole::Event
        } else {
            DateRole::Background
        };
    }
    // "Du 28 mars au 31 mai, la mission a documenté… le 2 avril…", "from June to September"
    // with the days of the events: a long period holding days of events is the period covered,
    // not an event of its own; its months are those of the days.
    let covers_events = |k: usize| {
        spans[k].is_some_and(|(lo, hi)| {
            (hi - lo).num_days() > COVERED_PERIOD_DAYS
                && indices.iter().any(|&j| {
                    j != k
                        && matches!(dates[j].date, DateValue::Day(_))
                        && dates[j].role == DateRole::Event
                        && spans[j].is_some_and(|(a, b)| a >= lo && b <= hi)
                })
        })
    };
    let covered: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&k| dates[k].role == DateRole::Event && covers_events(k))
        .collect();
    for k in covered {
        dates[k].role = DateRole::Background;
    }
    // "Mali: Regional Overview – July 2023", "bilan mensuel, août 2023", "Weekly: 30 June - 6
    // July 2025": a month or a period of a week or more in the title is the period the report
    // covers. Its uncued days outside it are background (the mandate's end on 30 June in July's
    // overview); when days of events lie inside it, its months are theirs.
    // Its uncued dates are the report's events however far apart ("2015 in review: … 5 January
    // … 16 January … 8 August", "Burkina Faso in 2018: … In September …").
    if let Some((p, lo, hi)) = title_period {
        let after = hi
            .checked_add_days(Days::new(TITLE_PERIOD_GRACE_DAYS))
            .unwrap_or(hi);
        for k in indices.iter().copied().filter(|&k| k != p) {
            if uncued_dates[k] && spans[k].is_some_and(|(a, b)| a >= lo && b <= after) {
                dates[k].role = DateRole::Event;
            }
        }
        let mut inside = false;
        for k in indices.iter().copied().filter(|&k| k != p) {
            if dates[k].role != DateRole::Event {
                continue;
            }
            let Some((a, b)) = spans[k] else { continue };
            // Any date of the report's events wholly outside the period is background ("un mois
            // de juillet un peu moins sombre que juin": June's figures are compared).
            if b < lo || a > after {
                dates[k].role = DateRole::Background;
            } else if uncued_day[k] {
                inside = true;
            }
        }
        if inside && p != usize::MAX {
            dates[p].role = DateRole::Background;
        }
    }
    (recall_spans, phrase_spans)
}

/// The byte spans (first token to last) of the sentences flagged in `flags`.
pub(super) fn flagged_spans(toks: &[Tok<'_>], flags: &[bool]) -> Vec<(usize, usize)> {
    let first: Vec<Option<usize>> = flags
        .iter()
        .enumerate()
        .map(|(s, &f)| f.then(|| toks.partition_point(|t| (t.sentence as usize) < s)))
        .collect();
    recall_spans(toks, &first)
}

/// The byte spans of what the recalling sentences recall: from the token where it starts to the
/// end of the sentence.
fn recall_spans(toks: &[Tok<'_>], from: &[Option<usize>]) -> Vec<(usize, usize)> {
    from.iter()
        .flatten()
        .filter_map(|&first| {
            let t = toks.get(first)?;
            let last = toks[first..]
                .iter()
                .take_while(|x| x.sentence == t.sentence)
                .last()?;
            Some((t.start, last.end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_file_reads() {
        let c = parse(CUES_TSV).expect("data/time_cues.tsv");
        assert!(!c.recall.is_empty() && !c.since.is_empty() && !c.until.is_empty());
        assert!(!c.pluperfect.is_empty());
        assert!(parse("kind\tphrase\nsoon\tbientot\n").is_err());
        assert!(parse("kind\tphrase\nrecall\tDéjà\n").is_err());
    }

    #[test]
    fn participles() {
        for w in [
            "attaque", "tues", "pris", "killed", "been", "ete", "enlevees",
        ] {
            assert!(is_participle(w), "{w}");
        }
        for w in ["to", "a", "dans"] {
            assert!(!is_participle(w), "{w}");
        }
    }
}
