//! The publication date a report states in its own text: a `Publié le …` line, a wire dateline
//! (`BAMAKO, 12 mars 2024 (AFP) -`) or a communiqué signature (`Bamako, le 18 septembre 2023`).

use chrono::NaiveDate;
use serde::Serialize;

use super::grammar::Grammar;
use super::lexicon;
use super::tokens::Tok;
use crate::dateline::{is_dateline, DECORATION};

/// Where in the text the publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicationSource {
    /// `Publié le …`, `Published on …`, `Date de publication : …`.
    Published,
    /// A wire or newspaper dateline or byline date at the top: `BAMAKO, 12 mars 2024 (AFP) -`,
    /// `Par la rédaction – 24 octobre 2023`, a date alone on a line of the head.
    Dateline,
    /// A signature at the end: `Bamako, le 18 septembre 2023`, `Fait à Niamey, le …`.
    Signature,
    /// `Mis à jour le …`, `Updated …`: used when nothing better is there.
    Updated,
}

/// A publication date found in the text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PublicationDate {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
    pub source: PublicationSource,
}

/// Lines at the top where a dateline or byline date is read.
const HEAD_LINES: usize = 6;
/// Lines at the top where a `Publié le` marker is read.
const MARKER_HEAD_LINES: usize = 15;
/// Lines at the end where a marker or a signature is read.
const TAIL_LINES: usize = 12;

/// Every publication-like date of the text (markers, dateline, signature), best first.
pub(crate) fn candidates(
    text: &str,
    toks: &[Tok<'_>],
    grammar: &Grammar<'_>,
) -> Vec<PublicationDate> {
    let reader = Reader::new(text, toks, grammar);
    let mut found = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if reader.in_marker_zone(tok) {
            found.extend(reader.marked(i));
        }
        if reader.in_head(tok) {
            found.extend(reader.dateline(i));
            found.extend(reader.byline(i));
        }
        if reader.in_tail(tok) {
            found.extend(reader.signature(i));
        }
    }
    // Best source first; among signatures the last one in the text.
    found.sort_by(|a, b| {
        a.source.cmp(&b.source).then_with(|| match a.source {
            PublicationSource::Signature => b.start.cmp(&a.start),
            _ => a.start.cmp(&b.start),
        })
    });
    found
}

/// The tokens of a text with the lines of its head and tail.
struct Reader<'r, 't> {
    text: &'r str,
    toks: &'r [Tok<'t>],
    grammar: &'r Grammar<'t>,
    /// Last line of the head, of the marker head; first line of the tail.
    head: Option<u32>,
    marker_head: Option<u32>,
    tail: Option<u32>,
}

impl<'r, 't> Reader<'r, 't> {
    fn new(text: &'r str, toks: &'r [Tok<'t>], grammar: &'r Grammar<'t>) -> Self {
        let mut lines: Vec<u32> = toks.iter().map(|t| t.line).collect();
        lines.dedup();
        let nth_line = |n: usize| lines.get(n.min(lines.len()).saturating_sub(1)).copied();
        Reader {
            text,
            toks,
            grammar,
            head: nth_line(HEAD_LINES),
            marker_head: nth_line(MARKER_HEAD_LINES),
            tail: lines.get(lines.len().saturating_sub(TAIL_LINES)).copied(),
        }
    }

    fn in_head(&self, tok: &Tok<'_>) -> bool {
        self.head.is_some_and(|h| tok.line <= h)
    }

    fn in_tail(&self, tok: &Tok<'_>) -> bool {
        self.tail.is_some_and(|t| tok.line >= t)
    }

    fn in_marker_zone(&self, tok: &Tok<'_>) -> bool {
        self.marker_head.is_some_and(|h| tok.line <= h) || self.in_tail(tok)
    }

    /// The full date starting at token `i` and the token after it.
    fn date_at(&self, i: usize) -> Option<(NaiveDate, usize)> {
        let (d, end) = self.grammar.date(i)?;
        let date = NaiveDate::from_ymd_opt(d.year?, d.month?, d.day)?;
        Some((date, end))
    }

    /// The date of tokens `first..end`, found as `source`.
    fn found(
        &self,
        date: NaiveDate,
        first: usize,
        end: usize,
        source: PublicationSource,
    ) -> PublicationDate {
        PublicationDate {
            date,
            start: self.toks[first].start,
            end: self.toks[end - 1].end,
            source,
        }
    }

    /// Whether only punctuation follows token `end - 1` on its line.
    fn closes_line(&self, end: usize) -> bool {
        let line = self.toks[end - 1].line;
        self.toks[end..]
            .iter()
            .take_while(|t| t.line == line)
            .all(|t| t.punct().is_some())
    }

    /// A marker leading its line (`Publié le …`, `| Mis à jour le …`) at token `i`, and its date.
    fn marked(&self, i: usize) -> Option<PublicationDate> {
        let toks = self.toks;
        let tok = &toks[i];
        let leads_line = || {
            i < 4
                || toks[i - 4..i].iter().any(|t| t.line != tok.line)
                || toks[i - 1]
                    .punct()
                    .is_some_and(|c| matches!(c, '|' | '-' | '·' | '•' | ','))
        };
        let (source, j) = marker(toks, i).filter(|_| leads_line())?;
        let (date, end) = self.date_at(j)?;
        Some(self.found(date, j, end, source))
    }

    /// A dateline opening the line at token `i`: `PLACE[ words], [le] DATE` then end of line or
    /// `(`, `-`, `:`.
    fn dateline(&self, i: usize) -> Option<PublicationDate> {
        let toks = self.toks;
        let tok = &toks[i];
        let line_start = i == 0 || toks[i - 1].line != tok.line;
        if !line_start {
            return None;
        }
        let j = dateline_date_start(self.text, toks, i)?;
        let (date, end) = self.date_at(j)?;
        let closes = toks.get(end).is_none_or(|t| {
            t.line != tok.line
                || t.punct()
                    .is_some_and(|c| matches!(c, '(' | ')' | '-' | ':' | '.' | '*' | '/' | '|'))
        });
        // A date alone on its line near the end is a signature, read by `signature`.
        let alone = toks[end..]
            .iter()
            .take_while(|t| t.line == tok.line)
            .all(|t| t.punct().is_some());
        let signature = alone && self.in_tail(tok);
        (closes && !signature).then(|| self.found(date, j, end, PublicationSource::Dateline))
    }

    /// A byline: a date alone at the end of a line of the head, after the line start or a
    /// separator (`March 21, 2024`, `Analysis | June 5, 2024`, `Par la rédaction – 24 octobre
    /// 2023`).
    fn byline(&self, i: usize) -> Option<PublicationDate> {
        let toks = self.toks;
        let tok = &toks[i];
        let after_separator = i == 0
            || toks[i - 1].line != tok.line
            || (toks[i - 1]
                .punct()
                .is_some_and(|c| matches!(c, '|' | '-' | '·' | '•' | '*' | '_' | '/' | '('))
                // not the end of a range (`25 septembre – 1er octobre 2023`)
                && !(toks[i - 1].punct() == Some('-')
                    && i >= 2
                    && (toks[i - 2].num().is_some()
                        || toks[i - 2].word().is_some_and(|w| lexicon::month(w).is_some()))));
        let may_start_date = || {
            tok.num().is_some()
                || tok
                    .word()
                    .is_some_and(|w| lexicon::month(w).is_some() || lexicon::weekday(w).is_some())
        };
        if !(after_separator && may_start_date()) {
            return None;
        }
        let (date, end) = self.date_at(i)?;
        // The text goes on after it (a one-line text that is a date is no byline).
        let more = toks.last().is_some_and(|t| t.line > toks[end - 1].line);
        (self.closes_line(end) && more)
            .then(|| self.found(date, i, end, PublicationSource::Dateline))
    }

    /// A signature near the end, at the comma of token `i`: `…, Place, [le] DATE` closing its
    /// line.
    fn signature(&self, i: usize) -> Option<PublicationDate> {
        let toks = self.toks;
        let tok = &toks[i];
        if tok.punct() != Some(',') || i == 0 {
            return None;
        }
        let before = &toks[i - 1];
        let place = before
            .word()
            .is_some_and(|w| lexicon::weekday(w).is_none() && lexicon::month(w).is_none());
        // The place opens its line, follows a separator ("communiqué officiel, Bamako, 9
        // février 2026") or "Fait à": a sentence that ends "…à Léré, le 17 septembre 2023."
        // dates an event.
        let opens = match (i - 1).checked_sub(1).map(|k| &toks[k]) {
            None => true,
            Some(prev) if prev.line != tok.line => true,
            Some(prev) => {
                prev.punct().is_some()
                    || (prev.word() == Some("a")
                        && i >= 3
                        && toks[i - 3].word() == Some("fait")
                        && toks[i - 3].line == tok.line)
            }
        };
        if !(before.line == tok.line && before.capitalized && place && opens) {
            return None;
        }
        let j = if toks.get(i + 1).and_then(|t| t.word()) == Some("le") {
            i + 2
        } else {
            i + 1
        };
        let (date, end) = self.date_at(j)?;
        self.closes_line(end)
            .then(|| self.found(date, j, end, PublicationSource::Signature))
    }
}

/// Where the date of a dateline starts when the line starting at token `i` opens like one:
/// `PLACE[ words], [le] `, a place of at most six tokens written as a name (capitalised, no
/// month or weekday) that [`is_dateline`] accepts.
fn dateline_date_start(text: &str, toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let line = toks[i].line;
    let mut k = i;
    // "(Nairobi, April 25, 2024) -": a dateline in brackets, as human-rights reports open.
    while toks.get(k).is_some_and(|t| {
        t.line == line
            && t.punct()
                .is_some_and(|c| DECORATION.contains(&c) || k == i && c == '(')
    }) {
        k += 1;
    }
    let named = toks.get(k).is_some_and(|t| {
        t.line == line
            && t.capitalized
            && t.word()
                .is_some_and(|w| lexicon::weekday(w).is_none() && lexicon::month(w).is_none())
    });
    if !named {
        return None;
    }
    let comma = (k + 1..(k + 7).min(toks.len()))
        .take_while(|&m| toks[m].line == line && toks[m].num().is_none())
        .find(|&m| toks[m].punct() == Some(','))?;
    if !is_dateline(text, toks[k].start, toks[comma - 1].end) {
        return None;
    }
    // "KIDAL, Mali, Jan 9, 2025 -", "DORI, Burkina Faso, 3 mars 2024 -": a country (up to three
    // capitalised words, not a month or a weekday) between the place and the date.
    let comma = (comma + 1..(comma + 5).min(toks.len()))
        .take_while(|&m| {
            toks[m].line == line
                && (toks[m].punct() == Some(',')
                    || toks[m].capitalized
                        && toks[m].word().is_some_and(|w| {
                            lexicon::weekday(w).is_none() && lexicon::month(w).is_none()
                        }))
        })
        .find(|&m| toks[m].punct() == Some(','))
        .filter(|&m| m > comma + 1)
        .unwrap_or(comma);
    Some(
        if toks.get(comma + 1).and_then(|t| t.word()) == Some("le") {
            comma + 2
        } else {
            comma + 1
        },
    )
}

/// A wire dateline of the head without a year (`NIAMEY, Feb 5 (Reuters) -`): its day, month and
/// byte span. The year is left to the caller, who reads it from the text's dated events.
pub(crate) fn yearless_dateline(
    text: &str,
    toks: &[Tok<'_>],
    grammar: &Grammar<'_>,
) -> Option<(u32, u32, usize, usize)> {
    let mut lines: Vec<u32> = toks.iter().map(|t| t.line).collect();
    lines.dedup();
    let last = *lines.get(HEAD_LINES.min(lines.len()).checked_sub(1)?)?;
    for (i, tok) in toks.iter().enumerate() {
        if tok.line > last {
            break;
        }
        if i > 0 && toks[i - 1].line == tok.line {
            continue;
        }
        let Some(j) = dateline_date_start(text, toks, i) else {
            continue;
        };
        let Some((d, end)) = grammar.date(j) else {
            continue;
        };
        let (Some(month), None) = (d.month, d.year) else {
            continue;
        };
        // Closed by the agency's bracket or a dash: `(Reuters) -`, `(AFP) –`.
        let closes = toks.get(end).is_some_and(|t| {
            t.line == tok.line && t.punct().is_some_and(|c| matches!(c, '(' | '-'))
        });
        if closes {
            return Some((d.day, month, toks[j].start, toks[end - 1].end));
        }
    }
    None
}

/// A publication marker at token `i`, and the token where its date starts.
fn marker(toks: &[Tok<'_>], i: usize) -> Option<(PublicationSource, usize)> {
    let w = |k: usize| toks.get(k).and_then(|t| t.word());
    let skip = |mut k: usize| {
        while toks.get(k).is_some_and(|t| {
            matches!(t.word(), Some("le" | "on" | "the" | "du"))
                || t.punct().is_some_and(|c| c == ':' || c == '*')
        }) {
            k += 1;
        }
        k
    };
    match w(i)? {
        "publie" | "publiee" | "published" | "posted" | "paru" | "parution" => {
            Some((PublicationSource::Published, skip(i + 1)))
        }
        "date" if w(i + 1) == Some("de") && w(i + 2) == Some("publication") => {
            Some((PublicationSource::Published, skip(i + 3)))
        }
        "mis" if w(i + 1) == Some("a") && w(i + 2) == Some("jour") => {
            Some((PublicationSource::Updated, skip(i + 3)))
        }
        "updated" | "modifie" => Some((PublicationSource::Updated, skip(i + 1))),
        "issued" | "dated" | "diffuse" | "diffusee" => {
            Some((PublicationSource::Published, skip(i + 1)))
        }
        "date" if toks.get(i + 1).and_then(|t| t.punct()) == Some(':') => {
            Some((PublicationSource::Published, skip(i + 1)))
        }
        _ => None,
    }
}
