//! Country demonyms ("malien", "burkinabe"): evidence for a country without naming a place, read
//! once from `data/demonyms.tsv`.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::data::{built_in, rows, WordSet};
use crate::{Error, Result};

const FILE: &str = "data/demonyms.tsv";
const DEMONYMS_TSV: &str = include_str!("../../data/demonyms.tsv");

struct Demonyms {
    /// Folded singular demonym → country code.
    country: WordSet<&'static str>,
    /// Finds the stems: a text without any has no demonym.
    stems: Option<AhoCorasick>,
}

fn parse(tsv: &'static str) -> Result<Demonyms> {
    let mut country: Vec<(&'static str, &'static str)> = Vec::new();
    let mut stems: Vec<&str> = Vec::new();
    for row in rows(FILE, tsv, &["country", "stem", "demonyms"])? {
        let (code, stem, words) = (row.fields[0], row.fields[1], row.fields[2]);
        for word in words.split('|') {
            let known = country.iter().any(|&(w, _)| w == word);
            country.push((word, code));
            if !word.contains(stem) || code.len() != 2 || known {
                return Err(Error::Malformed {
                    file: FILE.to_string(),
                    line: row.line,
                    message: format!("{word:?}: a two-letter code, once, containing {stem:?}"),
                });
            }
        }
        if !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    Ok(Demonyms {
        country: WordSet::new(country),
        stems: AhoCorasick::new(stems).ok(),
    })
}

fn demonyms() -> &'static Demonyms {
    static DEMONYMS: OnceLock<Demonyms> = OnceLock::new();
    DEMONYMS.get_or_init(|| built_in(parse(DEMONYMS_TSV)))
}

/// The countries of the demonyms ("malien", "burkinabe") of a folded text (its words: the runs of
/// letters and digits), one per occurrence, in order.
pub(crate) fn demonym_codes(folded: &str) -> Vec<[u8; 2]> {
    let mut out = Vec::new();
    if demonyms()
        .stems
        .as_ref()
        .is_some_and(|ac| !ac.is_match(folded))
    {
        return out;
    }
    let mut check = |word: &str| {
        if let Some(code) = demonym_country(word) {
            let b = code.as_bytes();
            out.push([b[0], b[1]]);
        }
    };
    let bytes = folded.as_bytes();
    let (mut i, mut start) = (0, 0);
    while i < bytes.len() {
        let (alnum, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            folded[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
        };
        if !alnum {
            if i > start {
                check(&folded[start..i]);
            }
            start = i + len;
        }
        i += len;
    }
    if start < bytes.len() {
        check(&folded[start..]);
    }
    out
}

/// The country (ISO code) of a folded demonym, singular or plural.
pub(crate) fn demonym_country(word: &str) -> Option<&'static str> {
    demonyms().country.get(word.trim_end_matches('s')).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_demonyms_parse() {
        if let Err(e) = parse(DEMONYMS_TSV) {
            panic!("{e}");
        }
        assert!(parse("country\tstem\tdemonyms\nML\tmali\tburkinabe\n").is_err());
    }

    #[test]
    fn demonyms_give_their_country_singular_or_plural() {
        assert_eq!(demonym_country("maliennes"), Some("ML"));
        assert_eq!(demonym_country("burkinabe"), Some("BF"));
        assert_eq!(demonym_country("nigerians"), Some("NG"));
        assert_eq!(demonym_country("mali"), None);
        assert_eq!(
            demonym_codes("les soldats maliens et l armee nigerienne"),
            vec![*b"ML", *b"NE"]
        );
        assert!(demonym_codes("rien ici").is_empty());
    }
}
