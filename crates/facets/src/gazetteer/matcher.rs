//! Finding gazetteer keys in a text: the text is projected onto the key alphabet (folded letters
//! and digits; spaces, hyphens and apostrophes skipped so joined and split spellings meet; any
//! other character a barrier), matched with one automaton, and every match mapped back to byte
//! offsets in the original text and checked for word boundaries.

use aho_corasick::AhoCorasick;

/// One occurrence of a gazetteer key in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Slot of the key (use `Gazetteer::slot_entries`).
    pub slot: u32,
}

/// Projected text: bytes of the key alphabet plus, per byte, where it comes from.
struct Projection {
    bytes: Vec<u8>,
    /// Original byte range of the character each projected byte comes from.
    origin: Vec<(u32, u32)>,
    /// Whether the projected byte is the first / last one produced by its original character.
    first: Vec<bool>,
    last: Vec<bool>,
}

const BARRIER: u8 = b' ';

fn project(text: &str) -> Projection {
    let mut p = Projection {
        bytes: Vec::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
        first: Vec::with_capacity(text.len()),
        last: Vec::with_capacity(text.len()),
    };
    let mut folded = String::new();
    let mut utf8 = [0u8; 4];
    for (i, c) in text.char_indices() {
        let end = (i + c.len_utf8()) as u32;
        let range = (i as u32, end);
        if c.is_ascii_alphanumeric() {
            p.bytes.push(c.to_ascii_lowercase() as u8);
            p.origin.push(range);
            p.first.push(true);
            p.last.push(true);
            continue;
        }
        if is_joiner(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            // Combining marks (decomposed accents) belong to the previous letter.
            if unicode_is_mark(c) {
                continue;
            }
            if p.bytes.last() != Some(&BARRIER) {
                p.bytes.push(BARRIER);
                p.origin.push(range);
                p.first.push(true);
                p.last.push(true);
            }
            continue;
        }
        folded.clear();
        sahel_text::fold_into(c.encode_utf8(&mut utf8), &mut folded);
        let kept: Vec<u8> = folded
            .chars()
            .filter(|f| f.is_alphanumeric())
            .flat_map(|f| {
                let mut b = [0u8; 4];
                f.encode_utf8(&mut b).as_bytes().to_vec()
            })
            .collect();
        let n = kept.len();
        for (k, b) in kept.into_iter().enumerate() {
            p.bytes.push(b);
            p.origin.push(range);
            p.first.push(k == 0);
            p.last.push(k + 1 == n);
        }
    }
    p
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

pub(super) fn find(ac: &AhoCorasick, text: &str) -> Vec<NameMatch> {
    let p = project(text);
    let mut out = Vec::new();
    for m in ac.find_overlapping_iter(&p.bytes[..]) {
        let (s, e) = (m.start(), m.end());
        if e == 0 || s >= e || !p.first[s] || !p.last[e - 1] {
            continue;
        }
        if p.bytes[s..e].contains(&BARRIER) {
            continue;
        }
        let start = p.origin[s].0 as usize;
        let mut end = p.origin[e - 1].1 as usize;
        // Decomposed accents after the last letter belong to the match.
        while let Some(c) = text[end..].chars().next().filter(|&c| unicode_is_mark(c)) {
            end += c.len_utf8();
        }
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            out.push(NameMatch {
                start,
                end,
                slot: m.pattern().as_u32(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(patterns: &[&str], text: &str) -> Vec<(String, u32)> {
        let ac = AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(patterns)
            .unwrap();
        find(&ac, text)
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
