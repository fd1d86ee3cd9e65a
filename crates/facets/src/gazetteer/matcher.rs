//! Finding gazetteer keys in a text: the text is projected onto the key alphabet (folded letters
//! and digits; spaces, hyphens and apostrophes skipped so joined and split spellings meet; any
//! other character a barrier), the keys' trie is walked from every projected byte that starts a
//! word of the original text, and every match is mapped back to byte offsets in the original text
//! and checked for word boundaries.

use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// Up to this many keys (the built-in gazetteer) the trie is a DFA (one table lookup per byte, a
/// few megabytes); beyond (GeoNames loaded), a compact NFA.
const DFA_MAX_KEYS: usize = 20_000;

/// The keys' automaton, searched anchored.
#[derive(Debug, Clone)]
pub(super) enum Automaton {
    Dfa(DFA),
    Nfa(NFA),
}

impl Automaton {
    pub(super) fn build<'k>(keys: impl ExactSizeIterator<Item = &'k [u8]>) -> crate::Result<Self> {
        let err = |e: aho_corasick::BuildError| crate::Error::Matcher(e.to_string());
        if keys.len() <= DFA_MAX_KEYS {
            let dfa = DFA::builder()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .build(keys)
                .map_err(err)?;
            Ok(Automaton::Dfa(dfa))
        } else {
            let nfa = NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(keys)
                .map_err(err)?;
            Ok(Automaton::Nfa(nfa))
        }
    }

    /// See [`find`].
    pub(super) fn find(&self, text: &str, capitalised_only: bool) -> Vec<NameMatch> {
        match self {
            Automaton::Dfa(dfa) => find(dfa, text, capitalised_only),
            Automaton::Nfa(nfa) => find(nfa, text, capitalised_only),
        }
    }
}

/// One occurrence of a gazetteer key in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Slot of the key (use `Gazetteer::slot_entries`).
    pub slot: u32,
}

/// What a character of the original text becomes in the projection.
enum Projected {
    /// Skipped: a joiner, a combining mark, or a letter that folds to nothing.
    Nothing,
    /// A barrier (consecutive barriers are one).
    Barrier,
    /// These bytes (folded letters and digits).
    Bytes(usize),
}

/// Projects one character; its bytes, if any, replace the content of `bytes` (`folded`: scratch).
fn project_char(c: char, bytes: &mut Vec<u8>, folded: &mut String) -> Projected {
    bytes.clear();
    if c.is_ascii_alphanumeric() {
        bytes.push(c.to_ascii_lowercase() as u8);
        return Projected::Bytes(1);
    }
    if is_joiner(c) {
        return Projected::Nothing;
    }
    if !c.is_alphanumeric() {
        // Combining marks (decomposed accents) belong to the previous letter.
        if unicode_is_mark(c) {
            return Projected::Nothing;
        }
        return Projected::Barrier;
    }
    folded.clear();
    let mut utf8 = [0u8; 4];
    sahel_text::fold_into(c.encode_utf8(&mut utf8), folded);
    for f in folded.chars().filter(|f| f.is_alphanumeric()) {
        let mut b = [0u8; 4];
        bytes.extend_from_slice(f.encode_utf8(&mut b).as_bytes());
    }
    let n = bytes.len();
    if n == 0 {
        Projected::Nothing
    } else {
        Projected::Bytes(n)
    }
}

/// Characters skipped when projecting, so that `Tin-Zaouatene`, `Tin Zaouatene` and
/// `Tinzaouatene`, or `Aguel'hoc` and `Aguelhoc`, give the same projection.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '\''
            | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{00A0}'
            | '\u{202F}'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{00AD}'
            | '\u{200B}'
    )
}

/// Whether a match ends on a lowercase letter standing alone after a space ("le PAM a été" is no
/// Pama): a word of the sentence, not the last part of a name written in two.
fn ends_on_a_lone_letter(matched: &str) -> bool {
    let Some((_, last)) = matched.rsplit_once(' ') else {
        return false;
    };
    let mut letters = last.chars().filter(|c| !unicode_is_mark(*c));
    letters.next().is_some_and(char::is_lowercase) && letters.next().is_none()
}

fn unicode_is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || unicode_is_mark(c)
    }
}

/// Every occurrence of a key of `nfa` in `text`, ordered by end then start, or only those whose
/// first character is uppercase.
///
/// A match starts on the first projected byte of a character that starts a word of the original
/// text (no word character just before it) and ends on the last projected byte of a character,
/// followed by no word character: from each such start the trie is walked anchored, character by
/// character, until no key continues.
fn find<A: aho_corasick::automaton::Automaton>(
    nfa: &A,
    text: &str,
    capitalised_only: bool,
) -> Vec<NameMatch> {
    let mut out = Vec::new();
    let Ok(start_state) = nfa.start_state(Anchored::Yes) else {
        return out;
    };
    let mut bytes = Vec::new();
    let mut folded = String::new();
    // Whether the previous character of the original text is a word character.
    let mut after_word = false;
    for (start, c) in text.char_indices() {
        let word_start = !after_word;
        after_word = is_word_char(c);
        if !word_start || (capitalised_only && !c.is_uppercase()) {
            continue;
        }
        let mut sid = start_state;
        let mut first = true;
        // Bytes consumed since the start: the anchored state's depth.
        let mut depth = 0;
        'walk: for (i, d) in text[start..].char_indices() {
            let n = match project_char(d, &mut bytes, &mut folded) {
                Projected::Bytes(n) => n,
                Projected::Nothing if first => break,
                Projected::Nothing => continue,
                Projected::Barrier => break,
            };
            first = false;
            depth += n;
            for &b in &bytes[..n] {
                sid = nfa.next_state(Anchored::Yes, sid, b);
                if nfa.is_dead(sid) {
                    break 'walk;
                }
            }
            if !nfa.is_match(sid) {
                continue;
            }
            for k in 0..nfa.match_len(sid) {
                let pid = nfa.match_pattern(sid, k);
                // Matches of proper suffixes (inherited through failure links) do not start here.
                if nfa.pattern_len(pid) != depth {
                    continue;
                }
                let mut end = start + i + d.len_utf8();
                // Decomposed accents after the last letter belong to the match.
                while let Some(c) = text[end..].chars().next().filter(|&c| unicode_is_mark(c)) {
                    end += c.len_utf8();
                }
                let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
                if after_ok && !ends_on_a_lone_letter(&text[start..end]) {
                    out.push(NameMatch {
                        start,
                        end,
                        slot: pid.as_u32(),
                    });
                }
            }
        }
    }
    out.sort_by_key(|m| (m.end, m.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(patterns: &[&str], text: &str) -> Vec<(String, u32)> {
        Automaton::build(patterns.iter().map(|p| p.as_bytes()))
            .unwrap()
            .find(text, false)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.slot))
            .collect()
    }

    #[test]
    fn joined_and_split_spellings_meet() {
        let pats = ["tinzaouatene"];
        for t in [
            "à Tin-Zaouatene.",
            "à Tinzaouatène,",
            "à Tin Zaouatène",
            "TIN-ZAOUATÈNE",
        ] {
            assert_eq!(matches(&pats, t).len(), 1, "{t}");
        }
    }

    #[test]
    fn offsets_map_back_to_original_text() {
        let found = matches(&["lere"], "attaque de Léré, cercle");
        assert_eq!(found, vec![("Léré".to_string(), 0)]);
        let decomposed = "à Le\u{301}re\u{301} hier";
        assert_eq!(matches(&["lere"], decomposed)[0].0, "Le\u{301}re\u{301}");
    }

    #[test]
    fn word_boundaries_are_required() {
        assert!(matches(&["gao"], "Gaoua").is_empty());
        assert!(matches(&["gao"], "aGao").is_empty());
        assert_eq!(matches(&["gao"], "d'Gao").len(), 1);
        assert!(matches(&["gaomali"], "Gao. Mali").is_empty());
    }
}
