//! Actors: the armed groups, forces and organisations a report names, found through an alias table
//! (`data/actors.tsv`) and reported under one canonical name each (`GSIM` → `JNIM`).
//!
//! One Aho-Corasick automaton (a DFA, searched anchored from every word start) runs over the
//! folded text (lowercase, no accents, hyphens and runs of spaces as one space), keeping spans in
//! the original text. Short all-capital acronyms (`CSP`,
//! `MSA`, `AES`, `FAN`, `VDP`) match only when written in capitals, so `fan de football` is no FAN.
//!
//! ```
//! let table = sahel_facets::actors::ActorTable::builtin().unwrap();
//! let found = table.extract("Les terroristes du GSIM ont attaqué les FAMa.");
//! let names: Vec<&str> = found.iter().map(|m| m.canonical.as_str()).collect();
//! assert_eq!(names, ["JNIM", "FAMa"]);
//! assert_eq!(table.canonical_of("GSIM"), Some("JNIM"));
//! assert_eq!(table.canonical_of("fan"), None); // acronyms count only in capitals
//! ```

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use serde::Serialize;

use crate::{Error, Result};

const BUILTIN_TSV: &str = include_str!("../data/actors.tsv");
const BUILTIN_NAME: &str = "data/actors.tsv";
const HEADER: [&str; 5] = ["canonical", "kind", "country", "aliases", "generic"];
const KINDS: [&str; 7] = [
    "jihadist",
    "state_force",
    "militia",
    "rebel",
    "international",
    "foreign",
    "political",
];

/// One actor of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub canonical: String,
    /// `jihadist`, `state_force`, `militia`, `rebel`, `international`, `foreign` or `political`.
    pub kind: String,
    /// ISO code of its country, if it belongs to one.
    pub country: Option<String>,
    /// Names, as written in the table (the canonical name first).
    pub aliases: Vec<String>,
    /// Descriptive phrases that designate it unambiguously (`partenaires russes`).
    pub generic_aliases: Vec<String>,
}

/// An actor named in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorMention {
    pub canonical: String,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// The alias of the table that matched, as written in the table.
    pub alias: String,
    /// The words as written in the text.
    pub text: String,
    /// Matched through a descriptive phrase rather than a name.
    pub generic: bool,
}

struct Pattern {
    actor: usize,
    alias: String,
    /// Only matches when written in capitals.
    capitals_only: bool,
    generic: bool,
}

/// What one pass of the matcher finds in a text: the actors named, and whether it names a
/// country's own forces or the Islamic State without saying which (see [`ActorTable::scan_keyed`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorScan {
    pub mentions: Vec<ActorMention>,
    /// "les Forces armées nationales", "les FDS", "the defence and security forces", not followed
    /// by a demonym ("l'armée nationale tchadienne" says whose it is).
    pub national_forces: bool,
    /// "l'État islamique", "Islamic State militants", "Daech".
    pub islamic_state: bool,
}

/// Phrases the matcher finds along with the aliases, in the same pass: pattern ids past the
/// aliases' are these, in this order.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    NationalForces,
    IslamicState,
}

/// The alias table and its matcher. Build it once; it is `Send + Sync`.
pub struct ActorTable {
    actors: Vec<Actor>,
    patterns: Vec<Pattern>,
    /// The cue of each pattern id from `patterns.len()` on, and whether it counts only in
    /// capitals.
    cues: Vec<(Cue, bool)>,
    matcher: DFA,
    /// Folded alias or canonical name → actor, for names that match in any case.
    by_name: HashMap<String, usize>,
    /// Capitals-only acronyms as written → actor.
    by_acronym: HashMap<String, usize>,
}

impl std::fmt::Debug for ActorTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorTable")
            .field("actors", &self.actors.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// An acronym that must be written in capitals: all letters uppercase, at most five of them.
fn is_capitals_only(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 5
        && letters.iter().all(|c| c.is_uppercase())
        && alias.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// The matching key of a text: folded, hyphens, underscores and whitespace runs as one space;
/// with the original byte offset of every byte of the key (plus the text length at the end).
pub(crate) fn match_key(text: &str) -> (String, Vec<usize>) {
    let mut key = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut last_space = true;
    let mut buf = [0u8; 4];
    fn push(c: char, at: usize, key: &mut String, offsets: &mut Vec<usize>, last_space: &mut bool) {
        let c = if c == '-' || c == '_' || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' {
            if *last_space {
                return;
            }
            *last_space = true;
        } else {
            *last_space = false;
        }
        key.push(c);
        offsets.extend(std::iter::repeat_n(at, c.len_utf8()));
    }
    let mut folded = String::new();
    for (at, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() {
            // The common case, as `push` would do it.
            key.push(c.to_ascii_lowercase());
            offsets.push(at);
            last_space = false;
        } else if c.is_ascii() {
            push(c, at, &mut key, &mut offsets, &mut last_space);
        } else {
            folded.clear();
            sahel_text::fold_into(c.encode_utf8(&mut buf), &mut folded);
            for f in folded.chars() {
                push(f, at, &mut key, &mut offsets, &mut last_space);
            }
        }
    }
    offsets.push(text.len());
    (key, offsets)
}

fn folded_name(name: &str) -> String {
    match_key(name).0.trim().to_string()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl ActorTable {
    /// The built-in table (`data/actors.tsv`).
    pub fn builtin() -> Result<Self> {
        Self::from_tsv(BUILTIN_TSV, BUILTIN_NAME)
    }

    /// A table from TSV text in the format of `data/actors.tsv`; `source` names it in errors.
    pub fn from_tsv(tsv: &str, source: &str) -> Result<Self> {
        let malformed = |line: usize, message: String| Error::Malformed {
            file: source.to_string(),
            line,
            message,
        };
        let mut actors: Vec<Actor> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut header_seen = false;
        for (n, line) in tsv.lines().enumerate() {
            let number = n + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if !header_seen {
                if cols != HEADER {
                    return Err(malformed(
                        number,
                        format!("expected the header {}", HEADER.join("\t")),
                    ));
                }
                header_seen = true;
                continue;
            }
            if cols.len() != HEADER.len() {
                return Err(malformed(
                    number,
                    format!("expected {} columns, found {}", HEADER.len(), cols.len()),
                ));
            }
            let (canonical, kind, country, aliases, generic) =
                (cols[0], cols[1], cols[2], cols[3], cols[4]);
            if canonical.is_empty() {
                return Err(malformed(number, "empty canonical name".to_string()));
            }
            if !KINDS.contains(&kind) {
                return Err(malformed(number, format!("unknown kind `{kind}`")));
            }
            let generic = match generic {
                "yes" => true,
                "no" | "" => false,
                other => {
                    return Err(malformed(
                        number,
                        format!("generic must be yes or no, not `{other}`"),
                    ))
                }
            };
            let k = *index.entry(canonical.to_string()).or_insert_with(|| {
                actors.push(Actor {
                    canonical: canonical.to_string(),
                    kind: kind.to_string(),
                    country: (!country.is_empty()).then(|| country.to_string()),
                    aliases: vec![canonical.to_string()],
                    generic_aliases: Vec::new(),
                });
                actors.len() - 1
            });
            if actors[k].kind != kind {
                return Err(malformed(number, format!("`{canonical}` has two kinds")));
            }
            for alias in aliases.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                let list = if generic {
                    &mut actors[k].generic_aliases
                } else {
                    &mut actors[k].aliases
                };
                if !list.iter().any(|a| a == alias) {
                    list.push(alias.to_string());
                }
            }
        }
        if !header_seen {
            return Err(malformed(1, "no header line".to_string()));
        }
        Self::from_actors(actors)
    }

    fn from_actors(actors: Vec<Actor>) -> Result<Self> {
        let mut patterns = Vec::new();
        let mut keys = Vec::new();
        let mut by_name = HashMap::new();
        let mut by_acronym = HashMap::new();
        for (k, actor) in actors.iter().enumerate() {
            let all = actor
                .aliases
                .iter()
                .map(|a| (a, false))
                .chain(actor.generic_aliases.iter().map(|a| (a, true)));
            for (alias, generic) in all {
                let key = folded_name(alias);
                if key.is_empty() {
                    continue;
                }
                let capitals_only = is_capitals_only(alias);
                if capitals_only {
                    by_acronym.entry(alias.clone()).or_insert(k);
                } else {
                    by_name.entry(key.clone()).or_insert(k);
                }
                keys.push(key);
                patterns.push(Pattern {
                    actor: k,
                    alias: alias.clone(),
                    capitals_only,
                    generic,
                });
            }
        }
        let mut cues = Vec::new();
        for (phrases, cue) in [
            (NATIONAL_FORCE_PHRASES, Cue::NationalForces),
            (ISLAMIC_STATE_PHRASES, Cue::IslamicState),
        ] {
            for phrase in phrases {
                keys.push(folded_name(phrase));
                cues.push((cue, is_capitals_only(phrase)));
            }
        }
        let matcher = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&keys)
            .map_err(|e| Error::Matcher(e.to_string()))?;
        Ok(ActorTable {
            actors,
            patterns,
            cues,
            matcher,
            by_name,
            by_acronym,
        })
    }

    /// The alias keys in a matching key, on word boundaries (`(start, end, pattern)` byte spans
    /// of the key), in the order of an overlapping search: by end, the longest first, patterns
    /// with the same key in table order.
    fn find_keys(&self, key: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        let Ok(start_state) = self.matcher.start_state(Anchored::Yes) else {
            return found;
        };
        let bytes = key.as_bytes();
        let mut after_word = false;
        for (s, c) in key.char_indices() {
            let word_start = !after_word;
            after_word = is_word_char(c);
            if !word_start {
                continue;
            }
            let mut sid = start_state;
            for (k, &b) in bytes[s..].iter().enumerate() {
                sid = self.matcher.next_state(Anchored::Yes, sid, b);
                if self.matcher.is_dead(sid) {
                    break;
                }
                if !self.matcher.is_match(sid) {
                    continue;
                }
                let e = s + k + 1;
                if key[e..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
                for i in 0..self.matcher.match_len(sid) {
                    let pid = self.matcher.match_pattern(sid, i);
                    // Inherited matches of proper suffixes do not start at `s`.
                    if self.matcher.pattern_len(pid) == k + 1 {
                        found.push((s, e, pid.as_usize()));
                    }
                }
            }
        }
        found.sort_by_key(|&(s, e, _)| (e, s));
        found
    }

    /// Every actor of the table.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actors named in `text`, in text order, longest name first where names overlap.
    pub fn extract(&self, text: &str) -> Vec<ActorMention> {
        let (key, offsets) = match_key(text);
        self.extract_keyed(text, &key, &offsets)
    }

    /// [`ActorTable::extract`] with the text's [`match_key`] computed already.
    pub(crate) fn extract_keyed(
        &self,
        text: &str,
        key: &str,
        offsets: &[usize],
    ) -> Vec<ActorMention> {
        self.scan_keyed(text, key, offsets).mentions
    }

    /// The actors named in `text` (with its [`match_key`] `key` and offsets), and the cues of
    /// [`ActorScan`], in one pass of the matcher over the key.
    pub(crate) fn scan_keyed(&self, text: &str, key: &str, offsets: &[usize]) -> ActorScan {
        let mut scan = ActorScan::default();
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (s, e, p) in self.find_keys(key) {
            let (start, end) = original_span(text, offsets, s, e);
            let Some(pattern) = self.patterns.get(p) else {
                let Some(&(cue, capitals_only)) = self.cues.get(p - self.patterns.len()) else {
                    continue;
                };
                if capitals_only && text[start..end].chars().any(|c| c.is_lowercase()) {
                    continue;
                }
                match cue {
                    // "l'armée nationale tchadienne" says whose it is.
                    Cue::NationalForces => {
                        scan.national_forces |= !qualified_by_nation(key, e);
                    }
                    // "militants linked to al Qaeda and Islamic State": the two networks as a
                    // whole, not a group of the report.
                    Cue::IslamicState => scan.islamic_state |= !beside_al_qaeda(key, s, e),
                }
                continue;
            };
            if pattern.capitals_only && text[start..end].chars().any(|c| c.is_lowercase()) {
                continue;
            }
            if &*pattern.alias == "CMA" && names_a_medical_centre(text, start) {
                continue;
            }
            candidates.push((start, end, p));
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut covered = 0;
        for (start, end, p) in candidates {
            if start < covered {
                continue;
            }
            covered = end;
            let pattern = &self.patterns[p];
            scan.mentions.push(ActorMention {
                canonical: self.actors[pattern.actor].canonical.clone(),
                start,
                end,
                alias: pattern.alias.clone(),
                text: text[start..end].to_string(),
                generic: pattern.generic,
            });
        }
        scan
    }

    /// The canonical name of an actor from any of its names (`GSIM`, `Jama'at Nusrat…` → `JNIM`); acronyms
    /// (`GSIM`, `FAN`, `AES`) are recognised only in capitals, as in the text.
    pub fn canonical_of(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        let k = self
            .by_acronym
            .get(name)
            .or_else(|| self.by_name.get(&folded_name(name)))?;
        Some(&self.actors[*k].canonical)
    }

    /// The actors a name of the Islamic State without its province stands for: its Sahel and
    /// West Africa provinces (`EIGS`, `ISWAP`), for "État islamique", "Islamic State", "Daech",
    /// and "EI" or "IS" in capitals. Empty for any other name.
    pub fn islamic_state_provinces(&self, name: &str) -> Vec<&str> {
        let name = name.trim();
        let folded = folded_name(name);
        if !(ISLAMIC_STATE_PHRASES.contains(&folded.as_str()) || matches!(name, "EI" | "IS")) {
            return Vec::new();
        }
        ["EIGS", "ISWAP"]
            .into_iter()
            .filter_map(|c| self.actor(c).map(|a| a.canonical.as_str()))
            .collect()
    }

    /// Every name of an actor (canonical first, then aliases, then descriptive phrases), for query
    /// expansion; empty when the canonical name is unknown.
    pub fn aliases_of(&self, canonical: &str) -> Vec<&str> {
        self.actors
            .iter()
            .find(|a| a.canonical == canonical)
            .map(|a| {
                a.aliases
                    .iter()
                    .chain(a.generic_aliases.iter())
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The state force of a country (ISO code): the actor a report means by "les Forces armées
    /// nationales" or "les FDS" when its events happen in that country.
    pub fn national_force(&self, country: &str) -> Option<&Actor> {
        let mut forces = self
            .actors
            .iter()
            .filter(|a| a.kind == "state_force" && a.country.as_deref() == Some(country));
        let first = forces.next()?;
        // One per country, or the phrase is no evidence for any.
        forces
            .all(|a| a.canonical == first.canonical)
            .then_some(first)
    }

    /// The actor with this canonical name.
    pub fn actor(&self, canonical: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.canonical == canonical)
    }
}

/// How many bytes of the match key on each side of "Islamic State" [`beside_al_qaeda`] reads.
const AL_QAEDA_WINDOW: usize = 30;

/// "référés au CMA du secteur", "le CMA de Sebba": a masculine article before "CMA" makes it a
/// centre médical (d'arrondissement), the health centre of Malian and Burkinabè notes; the
/// Coordination des mouvements de l'Azawad is feminine ("la CMA", "de la CMA").
fn names_a_medical_centre(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(word.as_str(), "le" | "au" | "du" | "un" | "ce" | "cet")
}

/// Whether "Islamic State" (`start..end` of the match key) is named beside al-Qaeda ("linked to
/// al Qaeda and Islamic State", "both al-Qaida and Islamic State affiliates operate"): the two
/// networks in general.
fn beside_al_qaeda(key: &str, start: usize, end: usize) -> bool {
    // The names are ASCII: read bytes, with no character boundaries to find.
    let bytes = key.as_bytes();
    let near = |window: &[u8]| window.windows(5).any(|w| w == b"qaeda" || w == b"qaida");
    near(&bytes[start.saturating_sub(AL_QAEDA_WINDOW)..start])
        || near(&bytes[end..(end + AL_QAEDA_WINDOW).min(bytes.len())])
}

/// Whether the word right after byte `end` of `key` says whose forces they are: a demonym of the
/// region ("armée nationale *tchadienne*"), or a word shaped like another nationality ("l'armée
/// *ivoirienne*", "*française*", "*russe*"). A punctuation mark or a function word after the phrase
/// leaves it unqualified ("l'armée a riposté", "l'armée, appuyée par", "l'armée de l'air").
fn qualified_by_nation(key: &str, end: usize) -> bool {
    fn next_word(from: &str) -> (&str, &str) {
        let rest = from.trim_start_matches(' ');
        let len = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        rest.split_at(len)
    }
    let (mut word, rest) = next_word(&key[end..]);
    // "l'armée nationale tchadienne": the nationality comes after.
    if matches!(word, "nationale" | "nationales") {
        word = next_word(rest).0;
    }
    if word.is_empty() {
        return false;
    }
    if crate::places::demonym_country(word).is_some() {
        return true;
    }
    if sahel_text::tokenizer::all_stop_words().contains(word) {
        return false;
    }
    // Feminine, as "armée" and "forces" are; masculine endings would take verbs ("maintient").
    const ENDINGS: [&str; 4] = ["aise", "enne", "aine", "oise"];
    const OTHERS: [&str; 8] = [
        "russe",
        "belge",
        "suisse",
        "turque",
        "grecque",
        "britannique",
        "allemande",
        "espagnole",
    ];
    let singular = word.strip_suffix('s').unwrap_or(word);
    ENDINGS.iter().any(|e| singular.ends_with(e)) || OTHERS.contains(&singular)
}

/// Names of a country's armed forces that leave the country unsaid (as in [`match_key`]); "FDS"
/// counts only in capitals.
const NATIONAL_FORCE_PHRASES: &[&str] = &[
    "FDS",
    "forces armees nationales",
    "forces de defense et de securite",
    "armee nationale",
    "defence and security forces",
    "defense and security forces",
    "national armed forces",
    "national army",
    // The army, unqualified: in a report on one country, that country's.
    "l'armee",
    "the army",
];

/// The Islamic State named without its province.
const ISLAMIC_STATE_PHRASES: &[&str] = &["etat islamique", "islamic state", "daech", "daesh"];

/// The original byte span of the key bytes `s..e`.
fn original_span(text: &str, offsets: &[usize], s: usize, e: usize) -> (usize, usize) {
    let start = offsets[s];
    let last = offsets[e - 1];
    let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
    (start, end)
}

/// The canonical names of mentions, sorted, each once: the actor facet of a document.
pub fn actor_names(mentions: &[ActorMention]) -> Vec<String> {
    let mut names: Vec<String> = mentions.iter().map(|m| m.canonical.clone()).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static ActorTable {
        static TABLE: std::sync::OnceLock<ActorTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| ActorTable::builtin().unwrap())
    }

    fn names(text: &str) -> Vec<String> {
        builtin()
            .extract(text)
            .into_iter()
            .map(|m| m.canonical)
            .collect()
    }

    fn scan(text: &str) -> ActorScan {
        let (key, offsets) = match_key(text);
        builtin().scan_keyed(text, &key, &offsets)
    }

    #[test]
    fn national_forces_unqualified_only() {
        assert!(scan("Les Forces armées nationales ont riposté.").national_forces);
        assert!(scan("Une patrouille des FDS a été prise à partie.").national_forces);
        assert!(scan("the Defence and Security Forces said").national_forces);
        // Whose army it is is said; "fds" in lower case is not the acronym.
        assert!(!scan("l'armée nationale tchadienne a quitté la zone").national_forces);
        assert!(!scan("les fds du texte").national_forces);
        assert!(!scan("Les forces armées nationalistes").national_forces);
    }

    #[test]
    fn the_army_unqualified_is_a_national_forces_cue() {
        for text in [
            "Selon l'Armée, le poste a été repris.",
            "L’armée a repoussé les assaillants",
            "des avions de l'armée de l'air ont frappé",
            "The army said it had killed 20 militants.",
            "Un communiqué de l'armée",
        ] {
            assert!(scan(text).national_forces, "{text}");
        }
        for text in [
            "l'armée ivoirienne a renforcé sa frontière",
            "l'armée française a quitté Gao",
            "Les Forces armées nationales sénégalaises",
            "l'armée russe",
            "l'armée burkinabè a riposté",
            // "armée" as an adjective, and a word that only contains it.
            "une bande armée a attaqué le village",
            "les forces armées nationales togolaises",
            "l'armée nationale ivoirienne",
        ] {
            assert!(!scan(text).national_forces, "{text}");
        }
    }

    #[test]
    fn islamic_state_cue_on_word_boundaries() {
        let s = scan("Des combattants de l'État islamique ont attaqué Ménaka.");
        assert!(s.islamic_state);
        assert!(scan("Daech a revendiqué l'attaque").islamic_state);
        assert!(!scan("the Islamic Statehood debate").islamic_state);
        // The cue phrases are not actor mentions of their own.
        assert!(scan("les FDS et l'armée nationale")
            .mentions
            .iter()
            .all(|m| m.alias != "FDS"));
    }

    #[test]
    fn builtin_table_loads_with_the_required_canonical_names() {
        let table = ActorTable::builtin().unwrap();
        for canonical in [
            "JNIM",
            "EIGS",
            "ISWAP",
            "Boko Haram",
            "FAMa",
            "Armée burkinabè",
            "FAN",
            "VDP",
            "CSP-DPA",
            "Africa Corps",
            "MINUSMA",
            "Barkhane",
            "Takuba",
            "G5 Sahel",
            "AES",
            "Dozo",
            "Dan Na Ambassagou",
            "GATIA",
            "MSA",
            "Gendarmerie",
            "Garde nationale",
            "ECOWAS/CEDEAO",
            "Katiba Macina",
        ] {
            assert!(table.actor(canonical).is_some(), "{canonical} missing");
        }
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        assert_eq!(names("le GSIM a revendiqué"), ["JNIM"]);
        assert_eq!(names("Jama’at Nusrat al-Islam wal-Muslimin"), ["JNIM"]);
        assert_eq!(
            names("Groupe de soutien à l’islam et aux musulmans"),
            ["JNIM"]
        );
        assert_eq!(names("l'Etat islamique au Grand-Sahara"), ["EIGS"]);
        assert_eq!(
            names("Islamic State Sahel Province (ISSP)"),
            ["EIGS", "EIGS"]
        );
        assert_eq!(names("les Forces Armées Maliennes"), ["FAMa"]);
        assert_eq!(names("Les FAMA ont riposté"), ["FAMa"]);
        assert_eq!(
            names("the Malian army and Wagner Group"),
            ["FAMa", "Wagner"]
        );
        assert_eq!(names("leurs partenaires russes"), ["Africa Corps"]);
        assert_eq!(
            names("le Cadre stratégique permanent (CSP)"),
            ["CSP-DPA", "CSP-DPA"]
        );
        assert_eq!(
            names("des FDS burkinabè et des VDP"),
            ["Armée burkinabè", "VDP"]
        );
        assert_eq!(names("l'armée nigérienne (FAN)"), ["FAN", "FAN"]);
        assert_eq!(names("la Confédération AES"), ["AES"]);
        assert_eq!(
            names("la CEDEAO et l'ECOWAS"),
            ["ECOWAS/CEDEAO", "ECOWAS/CEDEAO"]
        );
        assert_eq!(names("la Katiba Macina"), ["Katiba Macina"]);
    }

    #[test]
    fn short_acronyms_need_capitals_and_generic_phrases_are_no_actors() {
        assert!(names("un fan de football").is_empty());
        // The CMA of a health note is a centre médical, masculine; the coordination is feminine.
        assert!(names("Deux cas ont été référés au CMA de Sebba.").is_empty());
        assert!(
            names("L'ambulance transportait une parturiente vers le CMA du secteur.").is_empty()
        );
        assert_eq!(
            names("Des combattants de la CMA ont attaqué le poste."),
            ["CSP-DPA"]
        );
        assert!(names("les forces du mal").is_empty());
        assert!(names("les terroristes et des hommes armés non identifiés").is_empty());
        assert!(names("la csp et les aes").is_empty());
        assert!(names("Fan de football").is_empty());
        assert!(names("Wagnerien").is_empty());
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Attaque de l’État  islamique au Sahel à Ménaka";
        let table = ActorTable::builtin().unwrap();
        let found = table.extract(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "État  islamique au Sahel"
        );
        assert_eq!(found[0].text, "État  islamique au Sahel");
        assert_eq!(found[0].alias, "État islamique au Sahel");
    }

    #[test]
    fn canonical_and_aliases_for_query_expansion() {
        let table = ActorTable::builtin().unwrap();
        assert_eq!(table.canonical_of("GSIM"), Some("JNIM"));
        assert_eq!(
            table.canonical_of("état islamique au grand sahara"),
            Some("EIGS")
        );
        assert_eq!(table.canonical_of("FAN"), Some("FAN"));
        assert_eq!(table.canonical_of("fan"), None);
        assert_eq!(table.canonical_of("les terroristes"), None);
        assert!(table.aliases_of("JNIM").contains(&"GSIM"));
        assert!(table.aliases_of("Wagner").contains(&"groupe Wagner"));
        assert!(table.aliases_of("Africa Corps").contains(&"Africa Korps"));
        assert!(table.aliases_of("nobody").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_spans_sit_on_char_boundaries(
            text in "(\\PC|GSIM|FAMa|é|É|ﬁ|İ| |-|\u{301}|’){0,40}"
        ) {
            for m in builtin().extract(&text) {
                proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                proptest::prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            }
        }

        #[test]
        fn any_unicode_never_panics(text in proptest::prelude::any::<String>()) {
            for m in builtin().extract(&text) {
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }

    #[test]
    fn malformed_table_lines_are_reported_with_their_number() {
        let err = ActorTable::from_tsv(
            "canonical\tkind\tcountry\taliases\tgeneric\nX\tbandit\t\tx\tno\n",
            "t.tsv",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:2:"), "{err}");
    }
}
