//! Where words start and end: the one definition of a word, shared by the [`WordTokenizer`]
//! (what the index holds) and the snippet builder of the search crate (what it marks), so both
//! find the same words.
//!
//! A word is a run of letters, digits and combining marks; an apostrophe (any look-alike) or a
//! hyphen between two such characters stays inside the word (`l'armée`, `Tin-Zaouatène`) for the
//! elision and compound filters to handle. Characters that [`normalize_char`] drops (soft hyphen,
//! zero-width) are skipped inside a word.
//!
//! [`next_word`] reads most words a byte at a time (ASCII letters and digits, and the Latin
//! letters of French); the rest goes through the character-by-character reading that defines a
//! word. The tests check that both find the same words, from any start.
//!
//! [`WordTokenizer`]: super::WordTokenizer

use unicode_normalization::char::is_combining_mark;

use crate::normalize_char;

/// A word of a text: its byte range, and whether it is plain (ASCII letters and digits only,
/// so its text needs no normalisation and folds by lowercasing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    pub plain: bool,
}

/// Starts a word.
#[inline]
fn is_word_start(c: char) -> bool {
    c.is_alphanumeric()
}

/// Continues a word.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// Joins two word characters into one word (apostrophes and hyphens, after normalisation).
#[inline]
pub fn is_joiner(c: char) -> bool {
    matches!(normalize_char(c), Some('\'') | Some('-'))
}

/// The next word of `text` at or after byte `from`.
///
/// Most words are ASCII letters and digits, and the Latin letters of French (`é`, `à`, `ç`…),
/// followed by a space or punctuation: those are read here, bytewise. A word that may go on
/// past such a run (an apostrophe, a hyphen or a backtick after it, any other non-ASCII
/// character) and any non-ASCII text before a word are left to [`read_word`], which reads them
/// character by character.
pub fn next_word(text: &str, from: usize) -> Option<WordSpan> {
    let bytes = text.as_bytes();
    let rest = bytes.get(from..)?;
    // ASCII joiners start no word: passed over like separators.
    let skipped = rest
        .iter()
        .position(|&b| BYTE_CLASS[usize::from(b)] > JOINER)?;
    let start = from + skipped;
    match BYTE_CLASS.get(usize::from(bytes[start])) {
        Some(&ALNUM) => {}
        _ if latin_letter(bytes, start) => {}
        _ => return read_word_span(text, start),
    }
    let mut end = start;
    let mut plain = true;
    while let Some(&b) = bytes.get(end) {
        match BYTE_CLASS[usize::from(b)] {
            ALNUM => end += 1,
            LATIN_LEAD if latin_letter(bytes, end) => {
                end += 2;
                plain = false;
            }
            _ => break,
        }
    }
    match bytes.get(end).map(|&b| BYTE_CLASS[usize::from(b)]) {
        // An ASCII character that neither continues a word (letters, digits) nor joins two
        // (`'`, `` ` ``, `-`): the word ends here, as in `read_word`.
        Some(SEPARATOR) | None => Some(WordSpan { start, end, plain }),
        Some(_) => read_word_span(text, start),
    }
}

/// Classes of [`BYTE_CLASS`]: ASCII characters that end words, ASCII joiners (`'`, `` ` ``,
/// `-`), ASCII letters and digits, lead bytes of [`latin_letter`]s, other non-ASCII bytes; the
/// first two start no word.
const SEPARATOR: u8 = 0;
const JOINER: u8 = 1;
const ALNUM: u8 = 2;
const LATIN_LEAD: u8 = 3;
const OTHER: u8 = 4;

/// The class of each byte, for the bytewise reading.
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else if b == b'\'' as usize || b == b'`' as usize || b == b'-' as usize {
            JOINER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    classes[0xC3] = LATIN_LEAD;
    classes[0xC4] = LATIN_LEAD;
    classes[0xC5] = LATIN_LEAD;
    classes
};

/// Whether a letter of U+00C0..=U+017F (Latin-1 letters and Latin Extended-A: two UTF-8 bytes
/// led by C3, C4 or C5) other than `×` and `÷` starts at `at`: alphanumeric, no combining mark,
/// never rewritten, dropped nor a joiner by the normalisation, so it continues a word as an
/// ASCII letter does.
#[inline]
fn latin_letter(bytes: &[u8], at: usize) -> bool {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(0xC3), Some(&b)) => (0x80..=0xBF).contains(&b) && b != 0x97 && b != 0xB7,
        (Some(0xC4 | 0xC5), Some(&b)) => (0x80..=0xBF).contains(&b),
        _ => false,
    }
}

/// [`read_word`] with its plainness.
fn read_word_span(text: &str, from: usize) -> Option<WordSpan> {
    let (start, end) = read_word(text, from)?;
    let plain = text.as_bytes()[start..end]
        .iter()
        .all(u8::is_ascii_alphanumeric);
    Some(WordSpan { start, end, plain })
}

/// The next word of `text` at or after byte `from`, read character by character: the
/// definition of a word that [`next_word`] reads faster.
fn read_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Skip to the start of a word, a byte at a time over ASCII.
    let mut at = from;
    let start = loop {
        let &b = bytes.get(at)?;
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                break at;
            }
            at += 1;
        } else {
            let c = text[at..].chars().next()?;
            if is_word_start(c) {
                break at;
            }
            at += c.len_utf8();
        }
    };
    // Extend over ASCII letters and digits; anything else takes the general path.
    let mut end = start;
    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end += 1;
    }
    if end == start {
        end += text[start..].chars().next().map_or(0, char::len_utf8);
    }
    let mut chars = text[end..].char_indices().peekable();
    let base = end;
    while let Some(&(i, c)) = chars.peek() {
        let at = base + i;
        if at < end {
            chars.next();
            continue;
        }
        if is_word_char(c) {
            end = at + c.len_utf8();
            chars.next();
        } else if normalize_char(c).is_none() {
            // Invisible inside a word: skipped, and only part of the word if a letter follows.
            chars.next();
        } else if is_joiner(c) {
            chars.next();
            // Invisible characters between the joiner and the next letter do not separate.
            while chars
                .peek()
                .is_some_and(|&(_, c)| normalize_char(c).is_none())
            {
                chars.next();
            }
            match chars.peek() {
                Some(&(_, next)) if is_word_start(next) => {}
                _ => break,
            }
        } else {
            break;
        }
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some(word) = next_word(text, cursor) {
            out.push(&text[word.start..word.end]);
            cursor = word.end;
        }
        out
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("L’armée a frappé Tin-Zaouatène -- aujourd'hui, (GSIM) l'-x 3e «Gao»"),
            [
                "L’armée",
                "a",
                "frappé",
                "Tin-Zaouatène",
                "aujourd'hui",
                "GSIM",
                "l",
                "x",
                "3e",
                "Gao"
            ]
        );
        assert_eq!(
            words("mi\u{AD}li\u{200B}taire"),
            ["mi\u{AD}li\u{200B}taire"]
        );
        assert!(words(" ,;- ").is_empty());
    }

    /// Every word as the character-by-character reading finds it, with plainness.
    fn read_words(text: &str) -> Vec<WordSpan> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some(word) = read_word_span(text, cursor) {
            out.push(word);
            cursor = word.end;
        }
        out
    }

    fn fast_words(text: &str) -> Vec<WordSpan> {
        let mut out = Vec::new();
        let mut cursor = 0;
        while let Some(word) = next_word(text, cursor) {
            out.push(word);
            cursor = word.end;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// The bytewise reading finds exactly the words of the character-by-character one, from
        /// any start.
        #[test]
        fn bytewise_words_are_the_definitions(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "7", "ab", "attaque", " ", "  ", "\n", ",", ".", "'", "`", "-", "--",
                "_", "(", "«", "»", "é", "É", "’", "\u{AD}", "\u{200B}", "\u{301}", "l'", "d’",
                "Tin-", "aujourd'hui", "\u{2011}", "\u{A0}", "中", "ß", "ﬁ", "\u{2060}", "x`y",
                "×", "÷", "ſ", "ƀ", "ÿ", "Ā", "ŉ", "ç", "À", "\u{345}", "´", "é-", "à'",
            ]), 0..24),
            from in 0usize..40,
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(fast_words(&text), read_words(&text));
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(next_word(&text, from), read_word_span(&text, from));
        }
    }

    #[test]
    fn words_of_real_texts_are_the_definitions() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(format!("{data}/sample-reports"))
            .expect("sample reports")
            .flatten()
        {
            texts.push(std::fs::read_to_string(entry.path()).expect("report"));
        }
        let conllu = std::fs::read_to_string(format!("{data}/ud-french/fr_gsd-ud-test.conllu"))
            .expect("UD French test set");
        texts.extend(
            conllu
                .lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .map(str::to_string),
        );
        assert!(texts.len() > 400, "{} texts", texts.len());
        for text in &texts {
            assert_eq!(fast_words(text), read_words(text), "{text}");
        }
    }
}
