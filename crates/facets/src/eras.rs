//! Actors renamed or succeeded (`data/actor_eras.tsv`): Wagner before Africa Corps, the CSP-DPA
//! before the FLA. A report's actor facet gives the name that fits its date, whichever name it
//! writes; a search for one name also finds the other.

use std::sync::OnceLock;

use crate::data::{built_in, rows};
use crate::{Error, Result};

const FILE: &str = "data/actor_eras.tsv";
const ERAS_TSV: &str = include_str!("../data/actor_eras.tsv");

/// One succession: `earlier` is called `later` from the month `from` (`YYYY-MM`) on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    pub earlier: &'static str,
    pub later: &'static str,
    pub from: &'static str,
}

fn parse(tsv: &'static str) -> Result<Vec<Era>> {
    rows(FILE, tsv, &["earlier", "later", "from"])?
        .into_iter()
        .map(|row| {
            let from = row.fields[2];
            let month = from.len() == 7
                && from.as_bytes()[4] == b'-'
                && from[..4].parse::<u32>().is_ok()
                && from[5..]
                    .parse::<u32>()
                    .is_ok_and(|m| (1..=12).contains(&m));
            if !month {
                return Err(Error::Malformed {
                    file: FILE.to_string(),
                    line: row.line,
                    message: format!("from {from:?} is no YYYY-MM"),
                });
            }
            Ok(Era {
                earlier: row.fields[0],
                later: row.fields[1],
                from,
            })
        })
        .collect()
}

/// The successions, read on first use.
pub fn eras() -> &'static [Era] {
    static ERAS: OnceLock<Vec<Era>> = OnceLock::new();
    ERAS.get_or_init(|| built_in(parse(ERAS_TSV)))
}

/// The name of `canonical` that fits a report of the month `month` (`YYYY-MM`): itself without a
/// month or a succession.
pub fn fitting<'a>(canonical: &'a str, month: Option<&str>) -> &'a str {
    let Some(era) = eras()
        .iter()
        .find(|e| canonical == e.earlier || canonical == e.later)
    else {
        return canonical;
    };
    match month {
        Some(m) if m >= era.from => era.later,
        Some(_) => era.earlier,
        None => canonical,
    }
}

/// The other names of an actor across its successions (`Wagner` → `Africa Corps`).
pub fn partners(canonical: &str) -> Vec<&'static str> {
    eras()
        .iter()
        .filter_map(|e| {
            if e.earlier == canonical {
                Some(e.later)
            } else if e.later == canonical {
                Some(e.earlier)
            } else {
                None
            }
        })
        .collect()
}

/// `actors` renamed to fit a report of the month `month`, sorted, each once.
pub fn fit_actors(actors: &[String], month: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = actors
        .iter()
        .map(|a| fitting(a, month).to_string())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_era_file_reads_and_names_known_actors() {
        let eras = parse(ERAS_TSV).expect("data/actor_eras.tsv");
        let actors = crate::actors::ActorTable::builtin().expect("actors");
        for e in &eras {
            assert!(actors.actor(e.earlier).is_some(), "{}", e.earlier);
            assert!(actors.actor(e.later).is_some(), "{}", e.later);
        }
        assert!(parse("earlier\tlater\tfrom\nA\tB\t2024\n").is_err());
    }

    #[test]
    fn names_follow_the_report_date() {
        let named = |a: &[&str], m: Option<&str>| {
            fit_actors(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>(), m)
        };
        assert_eq!(
            named(&["Wagner", "FAMa"], Some("2025-03")),
            ["Africa Corps", "FAMa"]
        );
        assert_eq!(named(&["Africa Corps"], Some("2022-03")), ["Wagner"]);
        assert_eq!(named(&["Wagner"], None), ["Wagner"]);
        assert_eq!(named(&["CSP-DPA"], Some("2024-10")), ["CSP-DPA"]);
        assert_eq!(named(&["CSP-DPA"], Some("2024-11")), ["FLA"]);
        assert_eq!(partners("Wagner"), ["Africa Corps"]);
    }
}
