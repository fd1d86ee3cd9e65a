//! Finding gazetteer keys in a text: the text is projected onto the key alphabet (folded letters
//! and digits; spaces, hyphens and apostrophes skipped so joined and split spellings meet; any
//! other character a barrier), the keys' trie is walked from every projected byte that starts a
//! word of the original text, and every match is mapped back to byte offsets in the original text
//! and checked for word boundaries.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Anchored;

/// One occurrence of a gazetteer key in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Slot of the key (use `Gazetteer::slot_entries`).
    pub slot: u32,
}

/// One byte of the projected text.
#[derive(Clone, Copy)]
struct Projected {
    byte: u8,
    /// Whether it is the first / last byte produced by its original character.
    first: bool,
    last: bool,
    /// Whether a match may start here: the first byte of a character that starts a word of the
    /// original text (no word character just before it).
    word_start: bool,
    /// Whether that character is uppercase.
    upper: bool,
    /// Original byte range of the character it comes from.
    origin: (u32, u32),
}

const BARRIER: u8 = b' ';

fn project(text: &str, out: &mut Vec<Projected>) {
    out.clear();
    out.reserve(text.len());
    let mut folded = String::new();
    // Whether the previous character of the original text is a word character.
    let mut after_word = false;
    for (i, c) in text.char_indices() {
        let end = (i + c.len_utf8()) as u32;
        let origin = (i as u32, end);
        let word_start = !after_word;
        if c.is_ascii_alphanumeric() {
            after_word = true;
            out.push(Projected {
                byte: c.to_ascii_lowercase() as u8,
                first: true,
                last: true,
                word_start,
                upper: c.is_ascii_uppercase(),
                origin,
            });
            continue;
        }
        after_word = is_word_char(c);
        if is_joiner(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            // Combining marks (decomposed accents) belong to the previous letter.
            if unicode_is_mark(c) {
                continue;
            }
            if out.last().map(|p| p.byte) != Some(BARRIER) {
                out.push(Projected {
                    byte: BARRIER,
                    first: true,
                    last: true,
                    word_start: false,
                    upper: false,
                    origin,
                });
            }
            continue;
        }
        folded.clear();
        let mut utf8 = [0u8; 4];
        sahel_text::fold_into(c.encode_utf8(&mut utf8), &mut folded);
        let from = out.len();
        for f in folded.chars().filter(|f| f.is_alphanumeric()) {
            let mut b = [0u8; 4];
            for &byte in f.encode_utf8(&mut b).as_bytes() {
                out.push(Projected {
                    byte,
                    first: false,
                    last: false,
                    word_start,
                    upper: c.is_uppercase(),
                    origin,
                });
            }
        }
        if out.len() > from {
            out[from].first = true;
            if let Some(last) = out.last_mut() {
                last.last = true;
            }
        }
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

fn unicode_is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_is_mark(c)
}

/// Every occurrence of a key of `nfa` in `text` (in no particular order), or only those whose
/// first character is uppercase.
pub(super) fn find(nfa: &NFA, text: &str, capitalised_only: bool) -> Vec<NameMatch> {
    let mut p = Vec::new();
    project(text, &mut p);
    let mut out = Vec::new();
    let Ok(start_state) = nfa.start_state(Anchored::Yes) else {
        return out;
    };
    for s in 0..p.len() {
        let head = p[s];
        if !head.first || !head.word_start || head.byte == BARRIER {
            continue;
        }
        if capitalised_only && !head.upper {
            continue;
        }
        let mut sid = start_state;
        for (e, q) in p.iter().enumerate().skip(s) {
            sid = nfa.next_state(Anchored::Yes, sid, q.byte);
            if nfa.is_dead(sid) {
                break;
            }
            if !nfa.is_match(sid) || !q.last {
                continue;
            }
            for k in 0..nfa.match_len(sid) {
                let pid = nfa.match_pattern(sid, k);
                // Matches of proper suffixes (inherited through failure links) do not start at `s`.
                if nfa.pattern_len(pid) != e + 1 - s {
                    continue;
                }
                let start = head.origin.0 as usize;
                let mut end = q.origin.1 as usize;
                // Decomposed accents after the last letter belong to the match.
                while let Some(c) = text[end..].chars().next().filter(|&c| unicode_is_mark(c)) {
                    end += c.len_utf8();
                }
                let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
                if after_ok {
                    out.push(NameMatch {
                        start,
                        end,
                        slot: pid.as_u32(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(patterns: &[&str], text: &str) -> Vec<(String, u32)> {
        let nfa = NFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(patterns)
            .unwrap();
        find(&nfa, text, false)
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
