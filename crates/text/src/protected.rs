//! Words the analyzers never stem, and multiword names whose spaced form also gets a joined token.
//!
//! Everything is stored folded ([`crate::fold`]), so `Ménaka`, `MENAKA` and `menaka` are one entry.
//! A name is split into parts on spaces, hyphens and apostrophes:
//! - a name of one part (`Mali`) is a protected word;
//! - a name of several parts (`Tin-Zaouatène`, `Fada N'Gourma`, `Gorom Gorom`) protects its joined
//!   form (`tinzaouatene`) and each of its hyphen/apostrophe-joined words as written (`n'gourma`,
//!   which the French elision must leave alone), and is recorded as a part sequence so that the
//!   multiword filter emits the joined token when the parts follow each other in a text.
//!
//! Parts of a multiword name are not protected on their own: `Boucle du Mouhoun` must not stop
//! `boucle` and `boucles` from meeting.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::fold;

/// The built-in list: countries, Sahel regions and towns, armed actors and acronyms.
const BUILTIN_TSV: &str = include_str!("../data/protected.tsv");

/// Longest part sequence recognised as one multiword name.
pub const MAX_NAME_PARTS: usize = 8;

/// Protected words and multiword names (see the module doc). Cheap to share behind an `Arc`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProtectedWords {
    /// The names as inserted (normalised), for [`ProtectedWords::to_lines`].
    names: BTreeSet<String>,
    /// Folded words never stemmed nor elided nor removed as stop words.
    words: FxHashSet<String>,
    /// Folded part sequences of multiword names, parts separated by one space.
    sequences: FxHashSet<String>,
    /// First part of a multiword name → largest number of parts among names starting with it.
    first_parts: FxHashMap<String, usize>,
}

fn is_joiner(c: char) -> bool {
    c == '\'' || c == '-'
}

impl ProtectedWords {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-in list of `data/protected.tsv`.
    pub fn builtin() -> Self {
        let mut set = Self::new();
        set.extend(
            data_rows(BUILTIN_TSV).filter_map(|row| row.split('\t').next().map(str::to_owned)),
        );
        set
    }

    /// Adds names (place names, actor names, acronyms); the facets gazetteer calls this with all of
    /// its names before the analyzers are registered.
    pub fn extend<I, S>(&mut self, names: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for name in names {
            self.insert(name.as_ref());
        }
    }

    /// Adds one name. Blank names are ignored.
    pub fn insert(&mut self, name: &str) {
        let name = crate::normalize(name.trim());
        let folded = fold(&name);
        let mut parts: Vec<&str> = Vec::new();
        for word in folded.split_whitespace() {
            let word = word.trim_matches(is_joiner);
            if word.contains(is_joiner) {
                self.words.insert(word.to_owned());
                self.words.insert(word.replace(is_joiner, ""));
            }
            parts.extend(word.split(is_joiner).filter(|p| !p.is_empty()));
        }
        match parts.len() {
            0 => return,
            1 => {
                self.words.insert(parts[0].to_owned());
            }
            n if n <= MAX_NAME_PARTS => {
                self.words.insert(parts.concat());
                self.sequences.insert(parts.join(" "));
                let longest = self.first_parts.entry(parts[0].to_owned()).or_insert(0);
                *longest = (*longest).max(n);
            }
            _ => {
                self.words.insert(parts.concat());
            }
        }
        self.names.insert(name);
    }

    /// Whether a folded word is protected (never stemmed, elided or dropped as a stop word).
    pub fn is_protected(&self, folded_word: &str) -> bool {
        self.words.contains(folded_word)
    }

    /// The largest number of parts of a multiword name starting with this folded part, if any.
    pub fn longest_name_starting_with(&self, folded_part: &str) -> Option<usize> {
        self.first_parts.get(folded_part).copied()
    }

    /// Whether these folded parts, separated by single spaces, are a multiword name.
    pub fn is_name_sequence(&self, folded_parts_spaced: &str) -> bool {
        self.sequences.contains(folded_parts_spaced)
    }

    /// Number of names inserted.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no name was inserted.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// One name per line, sorted: what the indexer saves next to the index so that the search side
    /// analyses queries with the very set the documents were indexed with.
    pub fn to_lines(&self) -> String {
        let mut out = String::new();
        for name in &self.names {
            out.push_str(name);
            out.push('\n');
        }
        out
    }

    /// Reads what [`ProtectedWords::to_lines`] wrote (blank lines and `#` comments skipped).
    pub fn from_lines(text: &str) -> Self {
        let mut set = Self::new();
        set.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        );
        set
    }
}

/// The data rows of one of this crate's TSV files: `#` comment lines and the header row skipped.
pub(crate) fn data_rows(tsv: &str) -> impl Iterator<Item = &str> {
    tsv.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_protects_countries_and_acronyms() {
        let set = ProtectedWords::builtin();
        for word in [
            "mali", "niger", "burkina", "gao", "kidal", "menaka", "jnim", "gsim", "eigs",
        ] {
            assert!(set.is_protected(word), "{word}");
        }
        assert!(set.is_protected("fama"));
        assert!(set.is_protected("minusma"));
        assert!(!set.is_protected("mal"));
        assert!(set.len() > 150);
    }

    #[test]
    fn multiword_and_hyphenated_names_are_sequences_and_joined_words() {
        let set = ProtectedWords::builtin();
        assert!(set.is_protected("tinzaouatene"));
        assert!(set.is_protected("tin-zaouatene"));
        assert!(set.is_name_sequence("tin zaouatene"));
        assert!(set.is_name_sequence("fada n gourma"));
        assert!(set.is_protected("n'gourma"));
        assert!(set.is_protected("ngourma"));
        assert!(set.is_protected("fadangourma"));
        assert!(set.is_name_sequence("gorom gorom"));
        assert!(set.longest_name_starting_with("gorom").is_some());
        // Parts of a multiword name are not protected on their own.
        assert!(!set.is_protected("boucle"));
    }

    #[test]
    fn extend_and_lines_round_trip() {
        let mut set = ProtectedWords::new();
        set.extend(["  Ségou ", "In-Tillit", "", "Bandiagara"]);
        assert!(set.is_protected("segou"));
        assert!(set.is_protected("intillit"));
        assert_eq!(set.len(), 3);
        let back = ProtectedWords::from_lines(&set.to_lines());
        assert_eq!(back, set);
    }
}
