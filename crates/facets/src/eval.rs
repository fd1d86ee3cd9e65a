//! Evaluation of the extractor on ACLED's labelled event notes (`../shared/data/acled-sahel`):
//! computed here so that a test asserts the thresholds and `sahel eval acled` prints the same
//! figures.
//!
//! - **Region recall**: share of notes whose extracted event regions contain the labelled `admin1`
//!   (accents folded). ACLED uses pre-reform regions, so a current region whose former region is
//!   `admin1` counts (Douentza for Mopti, Liptako for Sahel; Ménaka for Gao).
//! - **Region precision**: share of extracted event regions that match `admin1` the same way.
//! - **Event month**: ACLED notes give "On June 1," without a year and have no publication date.
//!   Two figures: `YYYY-MM` agreement with a simulated publication date three days after
//!   `event_date` (what a dated news report gives the extractor), and month-of-year agreement with
//!   no publication date at all. Counted over the notes that state a date (a month name or a
//!   numeric date in the text).
//! - Notes that carry ACLED's "(district, region)" bracket leak the label: it is stripped from
//!   every note, and figures are given separately for notes that had it and notes that did not.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::extract::{extract, DocMeta, Extractor};
use crate::gazetteer::name_key;
use crate::{Error, Result};

/// One labelled ACLED event.
#[derive(Debug, Clone)]
pub struct AcledNote {
    pub id: String,
    pub country: String,
    pub admin1: String,
    pub admin2: String,
    /// Third-level unit (commune) and ACLED's location name (empty when the file lacks them).
    pub admin3: String,
    pub location: String,
    pub event_date: NaiveDate,
    pub notes: String,
}

/// Reads the ACLED CSV (standard ACLED columns; `event_date` as `YYYY-MM-DD`).
pub fn read_acled_csv(path: &Path) -> Result<Vec<AcledNote>> {
    let csv_err = |message: String| Error::Csv {
        path: path.to_path_buf(),
        message,
    };
    let mut reader = csv::Reader::from_path(path).map_err(|e| csv_err(e.to_string()))?;
    let headers = reader
        .headers()
        .map_err(|e| csv_err(e.to_string()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| csv_err(format!("no `{name}` column")))
    };
    let optional = |name: &str| headers.iter().position(|h| h == name);
    let (a3_c, loc_c) = (optional("admin3"), optional("location"));
    let (id_c, country_c, a1_c, a2_c, date_c, notes_c) = (
        col("event_id_cnty")?,
        col("country")?,
        col("admin1")?,
        col("admin2")?,
        col("event_date")?,
        col("notes")?,
    );
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| csv_err(format!("record {}: {e}", i + 1)))?;
        let get = |c: usize| record.get(c).unwrap_or("").to_string();
        let date_text = get(date_c);
        let event_date = NaiveDate::parse_from_str(&date_text, "%Y-%m-%d")
            .map_err(|_| csv_err(format!("record {}: event_date {date_text:?}", i + 1)))?;
        out.push(AcledNote {
            id: get(id_c),
            country: get(country_c),
            admin1: get(a1_c),
            admin2: get(a2_c),
            admin3: a3_c.map(get).unwrap_or_default(),
            location: loc_c.map(get).unwrap_or_default(),
            event_date,
            notes: get(notes_c),
        });
    }
    Ok(out)
}

/// Removes ACLED's "(district, region)" brackets (a parenthesis with a comma whose last part is
/// the labelled region); tells whether there was one.
pub fn strip_label_bracket(notes: &str, admin1: &str) -> (String, bool) {
    let target = name_key(admin1);
    let mut out = String::with_capacity(notes.len());
    let mut found = false;
    let mut rest = notes;
    while let Some(open) = rest.find('(') {
        let Some(close_rel) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close_rel];
        let is_label = inner.contains(',')
            && inner
                .rsplit(',')
                .next()
                .is_some_and(|last| name_key(last) == target);
        if is_label {
            out.push_str(rest[..open].trim_end());
            found = true;
        } else {
            out.push_str(&rest[..open + close_rel + 1]);
        }
        rest = &rest[open + close_rel + 1..];
    }
    out.push_str(rest);
    (out, found)
}

/// An extracted region matches an ACLED `admin1` when it is that region, or was carved from it.
pub fn region_matches(extractor: &Extractor, region: &str, admin1: &str) -> bool {
    let a = name_key(admin1);
    if name_key(region) == a {
        return true;
    }
    extractor
        .gazetteer()
        .successor_regions(admin1)
        .iter()
        .any(|s| name_key(s) == name_key(region))
}

/// Whether the note names its event place: ACLED's location, admin3, admin2 or admin1 appears
/// in it as whole words (accents, case and punctuation folded).
pub fn names_its_place(text: &str, note: &AcledNote) -> bool {
    let words = |s: &str| -> Vec<String> {
        sahel_text::fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let text_words = words(text);
    [&note.location, &note.admin3, &note.admin2, &note.admin1]
        .iter()
        .map(|n| words(n))
        .filter(|n| !n.is_empty())
        .any(|n| text_words.windows(n.len()).any(|w| w == n.as_slice()))
}

/// Whether a note states a date: a month name, or a numeric date.
pub fn states_a_date(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let f = sahel_text::fold(w);
        // A full month name; English "may" is a common word (handled below).
        if f != "may" && crate::dates::month_name(&f) {
            return true;
        }
        // "May" only next to a day number.
        *w == "May"
            && (words.get(i + 1).is_some_and(|n| n.parse::<u32>().is_ok())
                || i > 0 && words[i - 1].parse::<u32>().is_ok())
    }) || text
        .split_whitespace()
        .any(|w| w.matches('/').count() == 2 || w.len() >= 10 && w.matches('-').count() == 2)
}

/// Figures on one subset of notes.
#[derive(Debug, Clone, Default)]
pub struct AcledFigures {
    pub notes: usize,
    /// Notes whose event regions contain `admin1`.
    pub region_hits: usize,
    /// Notes with at least one event region.
    pub notes_with_region: usize,
    pub extracted_regions: usize,
    pub correct_regions: usize,
    /// Extracted regions that are not the note's label but the label of another event ACLED
    /// coded from the very same note ("mutinies in Diffa, Arlit, Zinder and Agadez": one event
    /// per town, each row with the same text): right for the text, wrong for the row.
    pub shared_note_regions: usize,
    /// Notes that state a date.
    pub dated_notes: usize,
    /// … whose months contain `event_date`'s `YYYY-MM` (publication simulated 3 days later).
    pub month_hits: usize,
    /// … whose first month is `event_date`'s `YYYY-MM`.
    pub first_month_hits: usize,
    /// … whose months, extracted without any publication date, contain `event_date`'s month of
    /// the year.
    pub month_of_year_hits: usize,
    /// Notes that name their event place at all: ACLED's location, admin3, admin2 or admin1
    /// appears in the (stripped) note, accents and punctuation folded.
    pub naming_notes: usize,
    /// … whose event regions contain `admin1`.
    pub naming_hits: usize,
}

impl AcledFigures {
    pub fn recall(&self) -> f64 {
        ratio(self.region_hits, self.notes)
    }
    /// Share of the extracted regions that are the note's label, or the label of another event
    /// ACLED coded from the same note ([`AcledFigures::shared_note_regions`]).
    pub fn precision(&self) -> f64 {
        ratio(
            self.correct_regions + self.shared_note_regions,
            self.extracted_regions,
        )
    }
    /// Share of the extracted regions that are the note's own label.
    pub fn strict_precision(&self) -> f64 {
        ratio(self.correct_regions, self.extracted_regions)
    }
    pub fn month_agreement(&self) -> f64 {
        ratio(self.month_hits, self.dated_notes)
    }
    pub fn first_month_agreement(&self) -> f64 {
        ratio(self.first_month_hits, self.dated_notes)
    }
    pub fn month_of_year_agreement(&self) -> f64 {
        ratio(self.month_of_year_hits, self.dated_notes)
    }
    /// Share of notes that name their event place (an upper bound for what a gazetteer can find).
    pub fn naming_share(&self) -> f64 {
        ratio(self.naming_notes, self.notes)
    }
    /// Recall over the notes that name their event place.
    pub fn naming_recall(&self) -> f64 {
        ratio(self.naming_hits, self.naming_notes)
    }
    fn add(&mut self, o: &AcledFigures) {
        self.notes += o.notes;
        self.region_hits += o.region_hits;
        self.notes_with_region += o.notes_with_region;
        self.extracted_regions += o.extracted_regions;
        self.correct_regions += o.correct_regions;
        self.shared_note_regions += o.shared_note_regions;
        self.dated_notes += o.dated_notes;
        self.month_hits += o.month_hits;
        self.first_month_hits += o.first_month_hits;
        self.month_of_year_hits += o.month_of_year_hits;
        self.naming_notes += o.naming_notes;
        self.naming_hits += o.naming_hits;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// A note whose labelled region was not found.
#[derive(Debug, Clone)]
pub struct RegionMiss {
    pub id: String,
    pub extracted: Vec<String>,
    pub note: String,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default)]
pub struct AcledReport {
    pub all: AcledFigures,
    pub with_bracket: AcledFigures,
    pub without_bracket: AcledFigures,
    /// Per labelled region (`country / admin1`): notes, misses, a few missed examples.
    pub per_region: BTreeMap<String, (usize, usize, Vec<RegionMiss>)>,
}

impl AcledReport {
    /// Regions by number of missed notes, most first.
    pub fn worst_regions(&self, n: usize) -> Vec<(&str, usize, usize, &[RegionMiss])> {
        let mut v: Vec<_> = self
            .per_region
            .iter()
            .map(|(k, (total, miss, ex))| (k.as_str(), *total, *miss, ex.as_slice()))
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// The metadata a note is extracted with: English, published three days after the event (what a
/// dated news report gives the extractor; ACLED notes carry no publication date).
pub fn note_meta(note: &AcledNote) -> DocMeta {
    DocMeta {
        id: note.id.clone(),
        language: Some("en".into()),
        published: note.event_date.checked_add_days(chrono::Days::new(3)),
        ..DocMeta::default()
    }
}

/// Writes one TSV line per non-empty note, for error analysis: whether the labelled region was
/// found, the label (country, admin1, admin2), the extracted event regions (each marked `+` when
/// it is the label's, `-` when not), the places
/// (`name/region/role@lat,lon`), the id and the note (label bracket stripped), after a header line.
pub fn write_acled_dump(
    notes: &[AcledNote],
    extractor: &Extractor,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "hit\tcountry\tadmin1\tadmin2\tregions\tplaces\tid\tnote"
    )?;
    for n in notes.iter().filter(|n| !n.notes.trim().is_empty()) {
        let (text, _) = strip_label_bracket(&n.notes, &n.admin1);
        let x = extract(&text, &note_meta(n), extractor);
        let places: Vec<String> = x
            .places
            .iter()
            .map(|p| {
                format!(
                    "{}/{}/{:?}@{:.4},{:.4}",
                    p.name,
                    p.region.as_deref().unwrap_or("-"),
                    p.role,
                    p.lat.unwrap_or(f64::NAN),
                    p.lon.unwrap_or(f64::NAN)
                )
            })
            .collect();
        let hit = x
            .regions
            .iter()
            .any(|r| region_matches(extractor, r, &n.admin1));
        writeln!(
            out,
            "{hit}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            n.country,
            n.admin1,
            n.admin2,
            x.regions
                .iter()
                .map(|r| {
                    let mark = if region_matches(extractor, r, &n.admin1) {
                        '+'
                    } else {
                        '-'
                    };
                    format!("{r}{mark}")
                })
                .collect::<Vec<_>>()
                .join("|"),
            places.join("; "),
            n.id,
            text.replace(['\t', '\n'], " ")
        )?;
    }
    out.flush()
}

/// Evaluates `extractor` on the notes (empty notes are skipped).
pub fn evaluate_acled(notes: &[AcledNote], extractor: &Extractor) -> AcledReport {
    let mut report = AcledReport::default();
    // Each non-empty note with its label bracket stripped, and whether it had one.
    let stripped: Vec<(&AcledNote, String, bool)> = notes
        .iter()
        .filter(|n| !n.notes.trim().is_empty())
        .map(|n| {
            let (text, bracket) = strip_label_bracket(&n.notes, &n.admin1);
            (n, text, bracket)
        })
        .collect();
    // The labels of every event coded from each (stripped) note text.
    let mut labels_of_text: HashMap<&str, Vec<&str>> = HashMap::new();
    for (note, text, _) in &stripped {
        labels_of_text
            .entry(text.as_str())
            .or_default()
            .push(&note.admin1);
    }
    for (note, text, bracket) in &stripped {
        let (note, text, bracket) = (*note, text.clone(), *bracket);
        let meta = note_meta(note);
        let ex = extract(&text, &meta, extractor);
        let mut f = AcledFigures {
            notes: 1,
            ..AcledFigures::default()
        };
        let hit = ex
            .regions
            .iter()
            .any(|r| region_matches(extractor, r, &note.admin1));
        f.region_hits = usize::from(hit);
        if names_its_place(&text, note) {
            f.naming_notes = 1;
            f.naming_hits = usize::from(hit);
        }
        f.notes_with_region = usize::from(!ex.regions.is_empty());
        f.extracted_regions = ex.regions.len();
        f.correct_regions = ex
            .regions
            .iter()
            .filter(|r| region_matches(extractor, r, &note.admin1))
            .count();
        let others = labels_of_text
            .get(text.as_str())
            .map_or(&[][..], Vec::as_slice);
        f.shared_note_regions = ex
            .regions
            .iter()
            .filter(|r| {
                !region_matches(extractor, r, &note.admin1)
                    && others.iter().any(|a| region_matches(extractor, r, a))
            })
            .count();
        if states_a_date(&text) {
            f.dated_notes = 1;
            let want = note.event_date.format("%Y-%m").to_string();
            f.month_hits = usize::from(ex.months.contains(&want));
            f.first_month_hits = usize::from(ex.months.first() == Some(&want));
            let undated = extract(
                &text,
                &DocMeta {
                    published: None,
                    ..meta.clone()
                },
                extractor,
            );
            let month = format!("-{:02}", note.event_date.month());
            f.month_of_year_hits = usize::from(
                undated
                    .months
                    .iter()
                    .chain(undated.event_dates.iter())
                    .any(|m| m.get(4..7) == Some(month.as_str()) || m.ends_with(&month)),
            );
        }
        report.all.add(&f);
        if bracket {
            report.with_bracket.add(&f);
        } else {
            report.without_bracket.add(&f);
        }
        let slot = report
            .per_region
            .entry(format!("{} / {}", note.country, note.admin1))
            .or_default();
        slot.0 += 1;
        if !hit {
            slot.1 += 1;
            if slot.2.len() < 3 {
                slot.2.push(RegionMiss {
                    id: note.id.clone(),
                    extracted: ex.regions.clone(),
                    note: text.clone(),
                });
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_bracket_is_stripped_anywhere() {
        let (t, found) = strip_label_bracket(
            "Gunmen burned houses in Gasselik village (Soum, Sahel). Clashes (coded separately).",
            "Sahel",
        );
        assert!(found);
        assert_eq!(
            t,
            "Gunmen burned houses in Gasselik village. Clashes (coded separately)."
        );
        let (t, found) = strip_label_bracket("Attack near Gao (JNIM).", "Gao");
        assert!(!found);
        assert_eq!(t, "Attack near Gao (JNIM).");
    }

    #[test]
    fn date_statements() {
        assert!(states_a_date("On June 1, gunmen"));
        assert!(states_a_date("On 16 November 2019, militants"));
        assert!(!states_a_date("Gunmen may have killed two people"));
        assert!(states_a_date("Around May 3, soldiers"));
        assert!(!states_a_date(
            "Military forces arrest fifteen members of AQIM."
        ));
    }
}
