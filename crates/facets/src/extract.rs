//! [`extract`]: a report's text and metadata in, its facets out — a pure function of (text,
//! metadata, [`Extractor`]), the object `sahel extract --json` prints and the indexer stores.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actors::{actor_names, ActorTable};
use crate::dates;
use crate::evidence::{self, Evidence, ReadText};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::places::{
    anchor_to_events, describe, locate_places_with_demonyms, PlaceRole, ResolvedPlace, SentenceTime,
};

/// What the reader of a file knows about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    pub id: String,
    pub title: Option<String>,
    /// Publication date from the format's metadata (front matter, `<meta>`, JSON field).
    pub published: Option<NaiveDate>,
    /// Language code given by the metadata (`fr`, `en`, `ar`): wins over detection.
    pub language: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// The facets of one document (`sahel extract --json`, one object per document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub id: String,
    /// `fr`, `en`, `ar` or `und`.
    pub language: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`: metadata, else the dateline or signature, else none.
    pub published: Option<NaiveDate>,
    /// `YYYY-MM-DD`, or `YYYY-MM` where only the month is known.
    pub event_dates: Vec<String>,
    /// `YYYY-MM` of the events.
    pub months: Vec<String>,
    /// `YYYY-MM` of the dates the report only recalls, compares, starts a situation from, sets as
    /// a deadline or announces: its background.
    #[serde(default)]
    pub background_months: Vec<String>,
    /// Every date read, with its span, role and cue: the evidence of `months` and
    /// `background_months`.
    #[serde(default, skip_deserializing)]
    pub dates: Vec<dates::EventDate>,
    pub places: Vec<ResolvedPlace>,
    /// Current regions (official names) of the places where the events happened.
    pub regions: Vec<String>,
    /// Countries (French names) of the places where the events happened.
    pub countries: Vec<String>,
    /// Localities (official names) where the events happened.
    #[serde(default)]
    pub localities: Vec<String>,
    /// Current regions of the places the report only mentions (a dateline, where people came
    /// from or went, a recalled attack, a governor's seat), less the event regions.
    #[serde(default)]
    pub mentioned_regions: Vec<String>,
    /// Canonical actor names.
    pub actors: Vec<String>,
    /// Where each value of `regions`, `mentioned_regions`, `countries`, `localities`, `months`,
    /// `background_months` and `actors` was read (at most [`evidence::MAX_PER_VALUE`] places
    /// per value).
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Everything extraction needs (gazetteer, actor table, language detector), built once and
/// shared between threads (`Send + Sync`).
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    actors: ActorTable,
    languages: sahel_text::LanguageDetector,
}

impl Extractor {
    /// An extractor over this gazetteer and actor table.
    pub fn new(gazetteer: Gazetteer, actors: ActorTable) -> Self {
        Extractor {
            gazetteer,
            actors,
            languages: sahel_text::LanguageDetector::new(),
        }
    }

    /// An extractor with the built-in gazetteer and actor table.
    pub fn builtin() -> crate::Result<Self> {
        Ok(Self::new(Gazetteer::builtin()?, ActorTable::builtin()?))
    }

    /// The built-in data extended with GeoNames files (`--gazetteer FILE`...).
    pub fn with_geonames<P: AsRef<std::path::Path>>(paths: &[P]) -> crate::Result<Self> {
        let mut gazetteer = Gazetteer::builtin()?;
        if !paths.is_empty() {
            gazetteer.load_geonames(paths)?;
        }
        Ok(Self::new(gazetteer, ActorTable::builtin()?))
    }

    /// The actor table.
    pub fn actors(&self) -> &ActorTable {
        &self.actors
    }

    /// The gazetteer it resolves places with.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

/// Extracts the facets of one document. Pure: same inputs, same output; no I/O.
pub fn extract(text: &str, meta: &DocMeta, extractor: &Extractor) -> Extraction {
    let g = &extractor.gazetteer;
    // The title often names the place ("Attaque à Léré") and, where a reader took a text's first
    // line for its title, may be the dateline ("NIAMEY, Niger (AP) — Jan. 13, 2020"): read it
    // as the first line.
    let full;
    let (body, title_len): (&str, usize) = match meta.title.as_deref() {
        Some(t) if !t.trim().is_empty() && !text.trim_start().starts_with(t.trim()) => {
            full = format!("{t}\n\n{text}");
            (&full, t.len())
        }
        _ => (text, 0),
    };
    let read = ReadText {
        read: body,
        text_start: body.len() - text.len(),
        title_len,
        sentences: evidence::Sentences::new(body),
    };
    // One folded key of the body for the actors and the demonyms (its words are those of
    // `sahel_text::fold(body)`).
    let (key, offsets) = crate::actors::match_key(body);
    let scan = extractor.actors.scan_keyed(body, &key, &offsets);
    let actor_mentions = &scan.mentions;
    let demonyms = crate::places::demonym_codes(&key);
    let actor_spans: Vec<(usize, usize)> =
        actor_mentions.iter().map(|a| (a.start, a.end)).collect();
    let hints = actor_countries(extractor, actor_mentions);
    let areas = g.areas_named(&key);
    let mut mentions =
        locate_places_with_demonyms(body, g, &actor_spans, &hints, &demonyms, &areas);
    let language = meta
        .language
        .as_deref()
        .and_then(sahel_text::Language::from_code)
        .unwrap_or_else(|| extractor.languages.detect(body))
        .code()
        .to_string();
    let dated = dates::dated_text(body, meta.published, &language);
    let lead_end = first_sentence_end(&read);
    // The dates of the sentence `s..e`; in a sentence without one, the date heading its line
    // ("Janvier 2013 - Opération Serval. Les frappes stoppent l'offensive à Konna."), which
    // dates the line's sentences.
    let dates_of = |s: usize, e: usize| -> Vec<&dates::EventDate> {
        let own: Vec<&dates::EventDate> = dated
            .dates
            .iter()
            .filter(|d| d.start >= s && d.start < e)
            .collect();
        if !own.is_empty() {
            return own;
        }
        let line = body[..s].rfind('\n').map_or(0, |i| i + 1);
        dated
            .dates
            .iter()
            .filter(|d| d.start >= line && d.end < s && heads_a_line(body, d))
            .collect()
    };
    let event_dated = |s: usize, e: usize| {
        dates_of(s, e)
            .iter()
            .any(|d| d.role == dates::DateRole::Event)
    };
    // A situation that starts after the report's first event ("un deuil national à compter de ce
    // samedi, au lendemain de l'attaque") follows from it: no background of the sentence.
    let first_event = dated
        .dates
        .iter()
        .filter(|d| d.role == dates::DateRole::Event)
        .filter_map(|d| d.date.first_day())
        .min();
    let consequence = |d: &dates::EventDate| {
        d.cue == Some(dates::TimeCue::Since)
            && d.date
                .first_day()
                .zip(first_event)
                .is_some_and(|(a, b)| a > b)
    };
    // What the dates say of the sentence `s..e` for the place at `place`.
    let time = |s: usize, e: usize, place: (usize, usize)| {
        let sentence_dates = dates_of(s, e);
        SentenceTime {
            event_date: sentence_dates
                .iter()
                .any(|d| d.role == dates::DateRole::Event),
            // When something was said ("the government said Monday") is no background of what
            // was said.
            background: sentence_dates.iter().any(|d| {
                d.role == dates::DateRole::Background
                    && d.cue != Some(dates::TimeCue::Report)
                    && !consequence(d)
            }) || dated
                .recall_sentences
                .iter()
                .chain(&dated.future_sentences)
                .any(|&(a, b)| a <= place.0 && place.0 < b),
            recalled: recalled_place(body, &dated, s, e, place),
        }
    };
    let unanchored = anchor_to_events(&read.sentences, lead_end, &mut mentions, &time);
    demote_undated_regions(g, &read.sentences, &mut mentions, &event_dated);
    crate::places::demote_tried_places(&read.sentences, read.title_len, &mut mentions);
    crate::places::demote_quiet_capitals(g, &read.sentences, &mut mentions);
    crate::places::place_the_lead(
        g,
        &read.sentences,
        first_sentence(&read),
        &unanchored,
        &mut mentions,
    );
    demote_closing_asides(g, &read, &mut mentions, &event_dated);
    let places = report_places(g, &mentions);
    let located = event_facets(g, &mentions);
    let regions = located.regions.clone();
    let (published, mut event_dates) = (dated.published, dated.dates);
    recall_closing_months(&read, &mut event_dates);
    // The actors under the names that fit the report's date: its first event month, else the
    // month it was published.
    let months = dates::event_months(&event_dates);
    let era_month = months
        .first()
        .cloned()
        .or_else(|| published.map(|p| p.format("%Y-%m").to_string()));
    let actors = crate::eras::fit_actors(
        &report_actors(extractor, &scan, &mentions, &regions, &demonyms),
        era_month.as_deref(),
    );
    let mut evidence = located.evidence(&read);
    evidence.extend(date_evidence(&read, &event_dates));
    evidence.extend(actor_evidence(
        &read,
        &scan.mentions,
        &actors,
        era_month.as_deref(),
    ));
    Extraction {
        id: meta.id.clone(),
        language,
        title: meta.title.clone(),
        published,
        event_dates: dates::event_date_strings(&event_dates),
        months,
        background_months: background_months(&event_dates),
        dates: event_dates,
        places,
        regions,
        countries: located.countries,
        localities: located.localities,
        mentioned_regions: located.mentioned_regions,
        actors,
        evidence,
    }
}

/// How near a date must stand to a place (bytes between them) to date it.
const DATES_A_PLACE: usize = 24;

/// Whether the place at `at`, in the sentence `s..e`, belongs to the background whatever else its
/// sentence holds: after a recall phrase with no event date after it, or with a background date
/// right next to it and no event date nearer.
fn recalled_place(
    text: &str,
    dated: &dates::DatedText,
    s: usize,
    e: usize,
    place: (usize, usize),
) -> bool {
    let (at, place_end) = place;
    let event = |d: &&dates::EventDate| d.role == dates::DateRole::Event;
    let in_sentence = |d: &&dates::EventDate| d.start >= s && d.start < e;
    let after_recall = dated.recall_phrases.iter().any(|&(a, b)| {
        a <= at
            && at < b
            && !dated
                .dates
                .iter()
                .filter(in_sentence)
                .filter(event)
                .any(|d| d.start >= a)
    });
    // "Foreign nationals have been kidnapped near Djibo in recent years": a sentence that recalls,
    // with no event date at all, recalls its places before the phrase too.
    // Not past a relative pronoun: "took over the town of Anefis, which was previously held by…".
    let recalls_undated = dated.recall_phrases.iter().any(|&(a, _)| {
        a >= s
            && a < e
            && (a < at
                || !sahel_text::fold(&text[place_end.min(a)..a])
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| dates::RELATIVE_PRONOUNS.contains(&w)))
    }) && !dated.dates.iter().filter(in_sentence).any(|d| event(&d));
    let distance = |d: &dates::EventDate| {
        if d.end <= at {
            at - d.end
        } else {
            d.start.saturating_sub(place_end)
        }
    };
    let nearest = dated
        .dates
        .iter()
        .filter(in_sentence)
        .min_by_key(|d| distance(d));
    let dated_background = nearest.is_some_and(|d| {
        d.role == dates::DateRole::Background
            && d.cue != Some(dates::TimeCue::Report)
            && distance(d) <= DATES_A_PLACE
    });
    after_recall || recalls_undated || dated_background
}

/// Longest gap between two items of a list of regions, in bytes (" et de ").
const MAX_LIST_GAP: usize = 12;

/// A region named as a whole ("les régions de Mopti, de Ségou et de Tombouctou", "the Tahoua and
/// Dosso regions"), in a sentence without a date of the report's events (`event_dated`), is a
/// passing mention when the report's events are placed more precisely elsewhere: such sentences
/// speak of a region in general (where a group operates, where the displaced are, where violence
/// has gone on for years), while the events have their towns. So is a region named in a list of
/// regions, dated or not.
fn demote_undated_regions(
    g: &Gazetteer,
    sentences: &evidence::Sentences<'_>,
    mentions: &mut [crate::places::PlaceMention],
    event_dated: &dyn Fn(usize, usize) -> bool,
) {
    let kind = |m: &crate::places::PlaceMention| g.entry(m.entry).kind;
    let placed: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| {
            m.role == PlaceRole::Event
                && matches!(kind(m), PlaceKind::Locality | PlaceKind::District)
        })
        .map(|m| sentences.around(m.start, m.end))
        .collect();
    // The regions named as a whole, with their sentence: several in one sentence are a list
    // ("Dosso and Tahoua regions, which reported cases in July, notified none this week", "les
    // régions de Tillabéri et de Tahoua"), an overview's words even with a date.
    let wholes: Vec<(usize, usize, crate::gazetteer::EntryId)> = mentions
        .iter()
        .filter(|m| kind(m) == PlaceKind::Region)
        .map(|m| (m.start, m.end, m.entry))
        .collect();
    let text = sentences.text();
    // Joined to another region named as a whole by the words of a list ("Dosso and Tahoua",
    // "de Tillabéri et de Tahoua", "Liptako, Soum").
    let listed = |m: &crate::places::PlaceMention| {
        wholes.iter().any(|&(start, end, entry)| {
            let (a, b) = if end <= m.start {
                (end, m.start)
            } else {
                (m.end, start)
            };
            entry != m.entry
                && a <= b
                && b - a <= MAX_LIST_GAP
                && crate::places::is_list_glue(&sahel_text::fold(&text[a..b]))
        })
    };
    for m in mentions.iter_mut() {
        if m.role != PlaceRole::Event || kind(m) != PlaceKind::Region {
            continue;
        }
        let (s, e) = sentences.around(m.start, m.end);
        let elsewhere = placed.iter().any(|&span| span != (s, e));
        if elsewhere && (!event_dated(s, e) || listed(m)) {
            m.role = PlaceRole::Mention;
        }
    }
}

/// Where the closing part of a report starts, as a share of its text: news is written from the
/// most important down, and its last quarter holds context (what the region has seen before,
/// where the displaced went, what officials in the capital said).
const CLOSING_PART: f64 = 0.75;

/// A region the report's events reach only through one place, named once, in its closing part,
/// in a sentence without a date of the events, is an aside when the report has event places in
/// another region: "Tens of thousands of people have since sought refuge in Ménaka town" or "the
/// plan was launched in Niamey" at the end of a report on attacks elsewhere. An event of the
/// report told there comes with its day ("Le 19 octobre, … aux environs de Dan Issa"); a region
/// the title or the lead names is no aside.
fn demote_closing_asides(
    g: &Gazetteer,
    read: &ReadText<'_>,
    mentions: &mut [crate::places::PlaceMention],
    event_dated: &dyn Fn(usize, usize) -> bool,
) {
    let lead_end = first_sentence_end(read);
    let region_of = |m: &crate::places::PlaceMention| current_region_of(g, m);
    let events: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].role == PlaceRole::Event && region_of(&mentions[i]).is_some())
        .collect();
    let mut regions: Vec<crate::gazetteer::EntryId> = events
        .iter()
        .filter_map(|&i| region_of(&mentions[i]))
        .collect();
    regions.sort_unstable();
    regions.dedup();
    if regions.len() < 2 {
        return;
    }
    let mut asides = Vec::new();
    for &r in &regions {
        let [only] = events
            .iter()
            .copied()
            .filter(|&i| region_of(&mentions[i]) == Some(r))
            .collect::<Vec<_>>()[..]
        else {
            continue;
        };
        let m = &mentions[only];
        let (s, e) = read.sentences.around(m.start, m.end);
        if s >= lead_end && read.at_or_past(m.start, CLOSING_PART) && !event_dated(s, e) {
            asides.push(only);
        }
    }
    // Some region stays: a report is not all asides.
    if asides.len() < regions.len() {
        for i in asides {
            mentions[i].role = PlaceRole::Mention;
        }
    }
}

/// A month whose every event date stands in the closing part of a report ([`CLOSING_PART`]), and
/// that is earlier than another month of its events, is a recall: the report told its events
/// first and comes back to what preceded them at the end ("Le 27 décembre, une attaque
/// similaire avait visé…" under a report of January's events). Dates spanning several months
/// are left as they are.
fn recall_closing_months(read: &ReadText<'_>, dates: &mut [dates::EventDate]) {
    // Not the lines of a log ("02/01 - Embuscade près de Boni."), which may run from the
    // newest day to the oldest.
    let closing = |d: &dates::EventDate| {
        read.at_or_past(d.start, CLOSING_PART) && !heads_a_line(read.read, d)
    };
    // The months of each date, once.
    let months_of: Vec<Vec<String>> = dates
        .iter()
        .map(|d| {
            let mut m: Vec<String> = d.values().iter().filter_map(|v| v.month()).collect();
            m.dedup();
            m
        })
        .collect();
    let months = dates::event_months(dates);
    let mut recalled = Vec::new();
    for month in &months {
        if !months.iter().any(|o| o > month) {
            continue;
        }
        let supporting: Vec<usize> = (0..dates.len())
            .filter(|&i| dates[i].role == dates::DateRole::Event && months_of[i].contains(month))
            .collect();
        if supporting
            .iter()
            .all(|&i| closing(&dates[i]) && months_of[i].len() == 1)
        {
            recalled.extend(supporting);
        }
    }
    for i in recalled {
        dates[i].role = dates::DateRole::Background;
        dates[i].cue = Some(dates::TimeCue::Recall);
    }
}

/// Whether the date heads its line, after a list marker, followed by a dash or a colon ("02/01 -
/// Embuscade près de Boni.", "- 14 mars : …").
fn heads_a_line(text: &str, d: &dates::EventDate) -> bool {
    let line = text[..d.start].rfind('\n').map_or(0, |i| i + 1);
    text[line..d.start]
        .trim_start_matches(['-', '*', '•', ' '])
        .is_empty()
        && heads_its_line(&text[d.end..])
}

/// Whether what follows a date makes it a line's heading: a dash or a colon ("Janvier 2013 -
/// Opération Serval", "14/01: ...").
fn heads_its_line(after: &str) -> bool {
    after
        .trim_start_matches(' ')
        .starts_with(['-', '–', '—', ':'])
}

/// Where the first sentence of the text (from `text_start` in `read`) ends.
fn first_sentence_end(read: &ReadText<'_>) -> usize {
    first_sentence(read).1
}

/// The first sentence of the text (after the title).
fn first_sentence(read: &ReadText<'_>) -> (usize, usize) {
    let first = read.read[read.text_start..]
        .find(|c: char| !c.is_whitespace())
        .map_or(read.read.len(), |i| read.text_start + i);
    read.sentences.around(first, first)
}

/// Where each event and background month was read.
fn date_evidence(read: &ReadText<'_>, dates: &[dates::EventDate]) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for d in dates {
        let facet = match d.role {
            dates::DateRole::Event => "months",
            dates::DateRole::Background => "background_months",
        };
        let mut months: Vec<String> = d.values().iter().filter_map(|v| v.month()).collect();
        months.dedup();
        for month in months {
            push_evidence(&mut out, read, facet, &month, d.start, d.end);
        }
    }
    out
}

/// Where each actor of the report was named (actors the report designates without naming them
/// have none).
fn actor_evidence(
    read: &ReadText<'_>,
    mentions: &[crate::actors::ActorMention],
    actors: &[String],
    era_month: Option<&str>,
) -> Vec<Evidence> {
    let mut out = Vec::new();
    for m in mentions {
        let name = crate::eras::fitting(&m.canonical, era_month);
        if actors.iter().any(|a| a == name) {
            push_evidence(&mut out, read, "actors", name, m.start, m.end);
        }
    }
    out
}

/// Adds the evidence of `facet` = `value` at `start..end` unless that value has enough.
fn push_evidence(
    out: &mut Vec<Evidence>,
    read: &ReadText<'_>,
    facet: &str,
    value: &str,
    start: usize,
    end: usize,
) {
    let known = out
        .iter()
        .filter(|e| e.facet == facet && e.value == value)
        .count();
    if known < evidence::MAX_PER_VALUE {
        out.push(read.evidence(facet, value, start, end));
    }
}

/// The background months, less those that are also event months.
fn background_months(dates: &[dates::EventDate]) -> Vec<String> {
    let events = dates::event_months(dates);
    let mut months = dates::months_of(dates, dates::DateRole::Background);
    months.retain(|m| !events.contains(m));
    months
}

/// The countries of the state forces, militias, rebels and missions named (jihadist groups cross
/// borders: no evidence), for the places of the report.
fn actor_countries<'e>(
    extractor: &'e Extractor,
    actor_mentions: &[crate::actors::ActorMention],
) -> Vec<&'e str> {
    let mut hints: Vec<&str> = Vec::new();
    for a in actor_mentions {
        if let Some(c) = extractor
            .actors
            .actor(&a.canonical)
            .filter(|a| a.kind != "jihadist")
            .and_then(|a| a.country.as_deref())
        {
            if !hints.contains(&c) {
                hints.push(c);
            }
        }
    }
    hints
}

/// The places of the report, one per (entry, role), in order of first occurrence; a region,
/// district or country named only as the parent of another place of the report ("Léré, région
/// de Tombouctou") is not a place of its own.
fn report_places(g: &Gazetteer, mentions: &[crate::places::PlaceMention]) -> Vec<ResolvedPlace> {
    let mut places: Vec<ResolvedPlace> = Vec::new();
    let mut seen = Vec::new();
    for m in mentions {
        if seen.contains(&(m.entry, m.role)) {
            continue;
        }
        seen.push((m.entry, m.role));
        places.push(describe(g, m.entry, m.role));
    }
    let ids: Vec<_> = places_ids(&seen);
    places
        .into_iter()
        .zip(seen.iter())
        .filter(|(_, (id, _))| !is_ancestor_of_any(g, *id, &ids))
        .map(|(p, _)| p)
        .collect()
}

/// The actors named, with those the report designates without naming them: the national army
/// ("les Forces armées nationales", "les FDS") of the country where the events happen (or the
/// report was filed), when that is one country; and the Islamic State's province ("l'État
/// islamique" with no province named: in Mali, Burkina Faso and western Niger its Sahel
/// province, EIGS; around Lake Chad, Diffa, its West Africa province, ISWAP).
fn report_actors(
    extractor: &Extractor,
    scan: &crate::actors::ActorScan,
    mentions: &[crate::places::PlaceMention],
    regions: &[String],
    demonyms: &[[u8; 2]],
) -> Vec<String> {
    let g = &extractor.gazetteer;
    let mut actors = actor_names(&scan.mentions);
    let country = report_country(g, mentions);
    // "le BIR" in a report set in Cameroon is Cameroon's rapid intervention battalion, not
    // Burkina Faso's: a force of Mali, Burkina Faso or Niger in a report whose places are all in
    // another country, which nothing else in the text points to (a demonym, a place of its own).
    if let Some(here) = country.filter(|c| !matches!(*c, "ML" | "BF" | "NE")) {
        let pointed_to = |code: &str| {
            demonyms.iter().any(|d| d == code.as_bytes())
                || mentions
                    .iter()
                    .any(|m| g.entry(m.entry).country_code() == code)
        };
        actors.retain(|a| {
            extractor.actors.actor(a).is_none_or(|x| {
                x.kind != "state_force"
                    || x.country
                        .as_deref()
                        .is_none_or(|c| c == here || pointed_to(c))
            })
        });
    }
    if scan.national_forces {
        if let Some(force) = country.and_then(|c| extractor.actors.national_force(c)) {
            if !actors.contains(&force.canonical) {
                actors.push(force.canonical.clone());
                actors.sort();
            }
        }
    }
    if !actors.iter().any(|a| a == "EIGS" || a == "ISWAP") && scan.islamic_state {
        let province = match country {
            Some("ML" | "BF") => Some("EIGS"),
            Some("NE") if !regions.is_empty() && regions.iter().all(|r| r == "Diffa") => {
                Some("ISWAP")
            }
            Some("NE") if !regions.iter().any(|r| r == "Diffa") => Some("EIGS"),
            _ => None,
        };
        if let Some(p) = province.filter(|p| extractor.actors.actor(p).is_some()) {
            actors.push(p.to_string());
            actors.sort();
        }
    }
    actors
}

/// The one country (ISO code) of the event places and datelines, if they name exactly one.
fn report_country<'g>(
    g: &'g Gazetteer,
    mentions: &[crate::places::PlaceMention],
) -> Option<&'g str> {
    // The country of the towns and regions first: a country named as a whole beside them ("the
    // border with Mali") is no report's country.
    let one = |places: &mut dyn Iterator<Item = &crate::places::PlaceMention>| {
        let mut found: Option<&str> = None;
        for m in places {
            let code = g.entry(m.entry).country_code();
            match found {
                None => found = Some(code),
                Some(f) if f == code => {}
                Some(_) => return Err(()),
            }
        }
        Ok(found)
    };
    let placed = mentions.iter().filter(|m| m.role != PlaceRole::Mention);
    match one(&mut placed
        .clone()
        .filter(|m| g.entry(m.entry).kind != PlaceKind::Country))
    {
        Ok(Some(code)) => Some(code),
        Ok(None) => one(&mut placed.clone()).ok().flatten(),
        Err(()) => None,
    }
}

fn places_ids(seen: &[(crate::gazetteer::EntryId, PlaceRole)]) -> Vec<crate::gazetteer::EntryId> {
    seen.iter().map(|(id, _)| *id).collect()
}

fn is_ancestor_of_any(
    g: &Gazetteer,
    id: crate::gazetteer::EntryId,
    others: &[crate::gazetteer::EntryId],
) -> bool {
    let e = g.entry(id);
    if e.kind == crate::gazetteer::PlaceKind::Locality {
        return false;
    }
    others.iter().any(|&o| {
        o != id && {
            let oe = g.entry(o);
            oe.kind > e.kind
                && match e.kind {
                    crate::gazetteer::PlaceKind::Country => oe.country == Some(id),
                    crate::gazetteer::PlaceKind::Region => {
                        oe.region == Some(id)
                            || oe.region.is_some_and(|r| {
                                g.entry(r).former_regions.iter().any(|f| **f == *e.name)
                            })
                    }
                    crate::gazetteer::PlaceKind::District => oe.district == Some(id),
                    crate::gazetteer::PlaceKind::Locality => false,
                }
        }
    })
}

/// The place facets of a report and the mentions that give them.
struct Located {
    regions: Vec<String>,
    countries: Vec<String>,
    localities: Vec<String>,
    mentioned_regions: Vec<String>,
    /// (facet, value, start, end) in the text read.
    supports: Vec<(&'static str, String, usize, usize)>,
}

impl Located {
    fn evidence(&self, read: &ReadText<'_>) -> Vec<Evidence> {
        let mut out = Vec::new();
        for (facet, value, start, end) in &self.supports {
            push_evidence(&mut out, read, facet, value, *start, *end);
        }
        out
    }
}

/// The current region of the place mentioned.
fn current_region_of(
    g: &Gazetteer,
    m: &crate::places::PlaceMention,
) -> Option<crate::gazetteer::EntryId> {
    g.entry(m.entry)
        .region
        .map(|r| crate::places::current_region(g, r))
}

/// Regions, countries and localities of the event places; the regions of the other places as
/// mentioned regions. A report without an event place has no event region: its places stay
/// mentions (no region is better than a wrong one).
fn event_facets(g: &Gazetteer, mentions: &[crate::places::PlaceMention]) -> Located {
    let events: Vec<_> = mentions
        .iter()
        .filter(|m| m.role == PlaceRole::Event)
        .collect();
    // A region or district named as the parent of another event place ("Ménaka (Ménaka, Gao)",
    // "Léré, région de Tombouctou") adds nothing: the more specific place gives the facet.
    let event_ids: Vec<crate::gazetteer::EntryId> = events.iter().map(|m| m.entry).collect();
    let events: Vec<_> = events
        .into_iter()
        .filter(|m| !is_ancestor_of_any(g, m.entry, &event_ids))
        .collect();
    // The region of `describe(g, m.entry, m.role)`.
    let region_of =
        |m: &crate::places::PlaceMention| current_region_of(g, m).map(|r| &*g.entry(r).name);
    let mut located = Located {
        regions: Vec::new(),
        countries: Vec::new(),
        localities: Vec::new(),
        mentioned_regions: Vec::new(),
        supports: Vec::new(),
    };
    let add = |list: &mut Vec<String>, value: &str| {
        if !list.iter().any(|x| x == value) {
            list.push(value.to_string());
        }
    };
    for m in &events {
        if let Some(r) = region_of(m) {
            add(&mut located.regions, r);
            located
                .supports
                .push(("regions", r.to_string(), m.start, m.end));
        }
        if let Some(c) = g.country_name(m.entry) {
            add(&mut located.countries, c);
            located
                .supports
                .push(("countries", c.to_string(), m.start, m.end));
        }
        let e = g.entry(m.entry);
        if e.kind == crate::gazetteer::PlaceKind::Locality {
            add(&mut located.localities, &e.name);
            located
                .supports
                .push(("localities", e.name.to_string(), m.start, m.end));
        }
    }
    for m in mentions.iter().filter(|m| m.role != PlaceRole::Event) {
        if let Some(r) = region_of(m).filter(|r| !located.regions.iter().any(|x| x == r)) {
            add(&mut located.mentioned_regions, r);
            located
                .supports
                .push(("mentioned_regions", r.to_string(), m.start, m.end));
        }
    }
    located
}
