//! The cue words of the place rules, read once from `data/place_cues.tsv` (what each list is for
//! is said there, above its rows).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::{built_in, rows, WordSet};
use crate::{Error, Result};

const FILE: &str = "data/place_cues.tsv";
const CUES_TSV: &str = include_str!("../../data/place_cues.tsv");

/// A list of folded words.
#[derive(Debug)]
pub(super) struct WordList {
    words: WordSet<()>,
}

impl WordList {
    fn new(words: Vec<&'static str>) -> Self {
        WordList {
            words: WordSet::new(words.into_iter().map(|w| (w, ()))),
        }
    }

    /// Whether `word` (folded) is one of the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether one of `words` (folded) is one of the list.
    pub(super) fn any_of(&self, words: &[String]) -> bool {
        words.iter().any(|w| self.contains(w))
    }

    /// Whether a word as written folds to one of the list (no allocation for an ASCII word).
    pub(super) fn contains_folded(&self, word: &str) -> bool {
        if word.is_ascii() {
            self.words.contains_ascii_lowercased(word)
        } else {
            self.contains(&sahel_text::fold(word))
        }
    }
}

/// A list of folded words where a word ending in `*` stands for every word that starts so.
#[derive(Debug)]
pub(super) struct PrefixedList {
    words: WordList,
    /// The starts (entries with `*`), by first byte.
    starts: Vec<Vec<&'static str>>,
}

impl PrefixedList {
    fn new(entries: Vec<&'static str>) -> Self {
        let mut starts: Vec<Vec<&'static str>> = vec![Vec::new(); 256];
        for p in entries.iter().filter_map(|w| w.strip_suffix('*')) {
            if let Some(&b) = p.as_bytes().first() {
                starts[usize::from(b)].push(p);
            }
        }
        PrefixedList {
            words: WordList::new(entries.into_iter().filter(|w| !w.ends_with('*')).collect()),
            starts,
        }
    }

    /// Whether a folded word is one of the list or starts like one of its `*` entries.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
            || word.as_bytes().first().is_some_and(|&b| {
                self.starts[usize::from(b)]
                    .iter()
                    .any(|p| word.starts_with(p))
            })
    }
}

/// Declares [`Cues`], one [`WordList`] per list of the file, named as in the file.
macro_rules! cue_lists {
    ($($list:ident),* $(,)?) => {
        /// The word lists of `data/place_cues.tsv`.
        #[derive(Debug)]
        pub(super) struct Cues {
            $(pub(super) $list: WordList,)*
            /// Zones across borders named after places in one country: (first part, second part).
            pub(super) cross_border_zone: Vec<(&'static str, &'static str)>,
            /// Words that say something happened (`incident` rows).
            pub(super) incident: PrefixedList,
            /// The words of an incident that tell of a gathering or an occasion, not of
            /// violence (`gathering` rows).
            pub(super) gathering: PrefixedList,
        }

        fn parse(tsv: &'static str) -> Result<Cues> {
            let mut lists: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
            let mut cross_border_zone = Vec::new();
            let mut incident = Vec::new();
            let mut gathering = Vec::new();
            for row in rows(FILE, tsv, &["list", "words"])? {
                let malformed = |message: String| Error::Malformed {
                    file: FILE.to_string(),
                    line: row.line,
                    message,
                };
                let (list, words) = (row.fields[0], row.fields[1]);
                let words: Vec<&'static str> = words.split('|').collect();
                if words
                    .iter()
                    .any(|w| w.is_empty() || !w.is_ascii() || *w != sahel_text::fold(w))
                {
                    return Err(malformed(format!("{list}: empty, non-ASCII or unfolded word")));
                }
                match (list, words.as_slice()) {
                    ("cross_border_zone", &[first, second]) => {
                        cross_border_zone.push((first, second))
                    }
                    ("cross_border_zone", _) => {
                        return Err(malformed("a zone has two parts".to_string()))
                    }
                    ("incident", _) => incident.extend(words),
                    ("gathering", _) => gathering.extend(words),
                    $((stringify!($list), _) => lists.entry(list).or_default().extend(words),)*
                    _ => return Err(malformed(format!("unknown list {list:?}"))),
                }
            }
            let mut take = |list: &str| {
                lists.remove(list).map(WordList::new).ok_or_else(|| Error::Malformed {
                    file: FILE.to_string(),
                    line: 0,
                    message: format!("no list {list:?}"),
                })
            };
            Ok(Cues {
                $($list: take(stringify!($list))?,)*
                cross_border_zone,
                incident: PrefixedList::new(incident),
                gathering: PrefixedList::new(gathering),
            })
        }
    };
}

cue_lists!(
    locative,
    coding,
    place_noun_after,
    place_noun,
    commune_qualifier,
    community,
    direction,
    country_part,
    chain,
    list_glue,
    armed_group,
    vessel,
    quarter,
    naming,
    hedge,
    river_after,
    river_before,
    fuzzy_cue,
    fuzzy_of_head,
    region_unit,
    district_unit,
    plural_region,
    plural_district,
    generic_region,
    road,
    road_link,
    speech,
    venue,
    government,
    government_verb,
    capital_qualifier_before,
    capital_qualifier_after,
    alliance,
    border,
    official,
    trial,
    shelter,
    distance,
    origin,
    movement,
    facility,
    neighbour,
    reach,
    attribute,
    visitors,
    company,
    office,
    care,
    advice,
    interview,
    contacted,
    exception,
    officials,
    comment,
    negation,
    quiet,
    saying,
    supplies,
    flight,
    residence,
    media,
    reading,
);

impl Cues {
    /// Whether a folded name is made of directions only ("nord", "sud-ouest"), or of them and
    /// the words of `also`.
    pub(super) fn is_directions(&self, folded: &str, also: &[&str]) -> bool {
        folded
            .split(['-', ' '])
            .all(|d| !d.is_empty() && (self.direction.contains(d) || also.contains(&d)))
    }

    /// Whether a folded word says something happened: one of the `incident` words, or a word
    /// that starts like one of its `*` entries.
    pub(super) fn is_incident(&self, word: &str) -> bool {
        self.incident.contains(word)
    }
}

/// The cue words, read on first use.
pub(super) fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| built_in(parse(CUES_TSV)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_cue_lists_parse() {
        let cues = match parse(CUES_TSV) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        assert!(cues.locative.contains("pres"));
        assert!(cues.locative.contains("attacked"));
        assert!(!cues.locative.contains("gao"));
        assert_eq!(cues.cross_border_zone, vec![("liptako", "gourma")]);
    }

    #[test]
    fn unknown_lists_and_unfolded_words_are_refused() {
        assert!(parse("list\twords\nnowhere\tx\n").is_err());
        assert!(parse("list\twords\nlocative\tPrès\n").is_err());
        assert!(parse("list\twords\ncross_border_zone\ta|b|c\n").is_err());
    }

    #[test]
    fn words_as_written_fold_into_a_list() {
        let cues = cues();
        assert!(cues.vessel.contains_folded("Bateau"));
        assert!(cues.vessel.contains_folded("baleinière"));
        assert!(!cues.vessel.contains_folded("Gao"));
    }
}
