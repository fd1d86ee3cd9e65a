//! Character-level normalisation shared by indexing and querying.
//!
//! [`normalize`] is what the analyzers apply to every token and what the query side applies to what
//! the user typed, so both sides agree on apostrophes, spaces and composed accents. [`fold`] goes
//! further (case, accents, ligatures) and is the comparison key for names: gazetteer entries, facet
//! values, actor aliases.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// How one character of the input is rewritten, before composition.
enum CharRewrite {
    Keep(char),
    Replace(char),
    Drop,
}

fn rewrite_char(c: char) -> CharRewrite {
    match c {
        // Apostrophe look-alikes: typographic quotes, modifier letters, grave and acute accents
        // used as apostrophes, primes, fullwidth apostrophe.
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{02BB}' | '\u{02BD}'
        | '\u{02B9}' | '`' | '\u{00B4}' | '\u{2032}' | '\u{FF07}' | '\u{055A}' => {
            CharRewrite::Replace('\'')
        }
        // Soft hyphen and zero-width characters (including the BOM) carry no text.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        | '\u{180E}' => CharRewrite::Drop,
        // Non-breaking hyphen and the other dashes that join names behave as a hyphen.
        '\u{2010}' | '\u{2011}' => CharRewrite::Replace('-'),
        '\t' | '\n' | '\r' => CharRewrite::Keep(c),
        c if c.is_whitespace() => CharRewrite::Replace(' '),
        c => CharRewrite::Keep(c),
    }
}

/// Rewrites a single character the way [`normalize`] does, without composition: `None` when the
/// character is dropped. Tokenizers use it to normalise on the fly while keeping byte offsets into
/// the original text.
pub fn normalize_char(c: char) -> Option<char> {
    match rewrite_char(c) {
        CharRewrite::Keep(c) | CharRewrite::Replace(c) => Some(c),
        CharRewrite::Drop => None,
    }
}

/// Unicode NFC; apostrophe look-alikes → `'`; every Unicode space → ` ` (tabs and line breaks kept);
/// soft hyphen and zero-width characters removed. Idempotent.
pub fn normalize(text: &str) -> String {
    normalized(text).into_owned()
}

/// [`normalize`], borrowing `text` when it is normalised already (most text is).
pub fn normalized(text: &str) -> Cow<'_, str> {
    // Fast path: most text has nothing to rewrite and is NFC already (a quick check for Latin
    // text); it is then returned as it is.
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || normalize_char(c) == Some(c))
        && unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        return Cow::Borrowed(text);
    }
    // NFC after the rewrite: dropping a zero-width character can bring a base letter and a
    // combining mark together, and they must compose the same way on every pass. The second
    // rewrite catches the few singletons that NFC maps onto a rewritten character (U+1FEF → `).
    Cow::Owned(
        text.chars()
            .filter_map(normalize_char)
            .nfc()
            .filter_map(normalize_char)
            .collect(),
    )
}

/// The comparison key for names and words: [`normalize`], lowercase, diacritics removed, `œ`→`oe`,
/// `æ`→`ae`, `ß`→`ss`. `Ségou`, `SEGOU` and `segou` all fold to `segou`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of one already-decomposed character.
fn push_folded(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase().filter(|l| !is_combining_mark(*l))),
    }
}

/// Appends the folded form of `text` to `out`: [`fold`] without the allocation, for token filters.
///
/// Works a character at a time: folding drops every combining mark, so decomposing each character
/// on its own gives what decomposing the whole string would (canonical reordering only moves
/// marks, and only marks have a non-zero combining class; a test checks that over all of Unicode).
/// ASCII is rewritten in place and the Latin letters up to U+024F come from a table built once
/// with the general path, so French text never reaches the decomposition tables.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        if text.bytes().any(|b| matches!(b, b'`' | 0x0B | 0x0C)) {
            out.extend(text.bytes().map(fold_ascii));
        } else {
            // The common case, a byte copy and an in-place lowercase rather than a push per char.
            let from = out.len();
            out.push_str(text);
            out[from..].make_ascii_lowercase();
        }
        return;
    }
    let latin = latin_table();
    for c in text.chars() {
        let code = c as usize;
        if code < 0x80 {
            out.push(fold_ascii(code as u8));
        } else if let Some(folded) = latin.get(code - 0x80) {
            out.push_str(folded);
        } else {
            fold_char_general(c, out);
        }
    }
}

/// The same rewrite as [`normalize_char`] followed by folding, for one ASCII byte.
fn fold_ascii(b: u8) -> char {
    match b {
        b'`' => '\'',
        0x0B | 0x0C => ' ',
        b => char::from(b.to_ascii_lowercase()),
    }
}

/// Folds one character through the rewrite, its canonical decomposition and the rewrite again.
fn fold_char_general(c: char, out: &mut String) {
    if let Some(c) = normalize_char(c) {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if let Some(d) = normalize_char(d) {
                push_folded(d, out);
            }
        });
    }
}

/// Last code point (exclusive) of the precomputed table: Latin-1, Latin Extended-A and -B.
const LATIN_END: usize = 0x250;

/// The folded form of every character from U+0080 to U+024F, computed once by the general path.
fn latin_table() -> &'static [String] {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..LATIN_END as u32)
            .map(|code| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(code) {
                    fold_char_general(c, &mut folded);
                }
                folded
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn apostrophes_become_ascii() {
        assert_eq!(normalize("l’armée l‘x lʼy l`z"), "l'armée l'x l'y l'z");
    }

    #[test]
    fn unicode_spaces_become_space_and_invisibles_vanish() {
        assert_eq!(normalize("a\u{00A0}b\u{202F}c\u{2009}d"), "a b c d");
        assert_eq!(normalize("sé\u{00AD}cu\u{200B}rité"), "sécurité");
        assert_eq!(normalize("line\nbreak\tkept"), "line\nbreak\tkept");
    }

    #[test]
    fn decomposed_accents_compose() {
        assert_eq!(normalize("Le\u{0301}re\u{0301}"), "Léré");
    }

    #[test]
    fn fold_removes_case_accents_and_ligatures() {
        assert_eq!(fold("Léré"), "lere");
        assert_eq!(fold("LÉRÉ"), "lere");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("cœur"), "coeur");
        assert_eq!(fold("Ségou"), fold("SEGOU"));
        assert_eq!(fold("Dioïla"), "dioila");
        assert_eq!(fold("l’Armée"), "l'armee");
        // ASCII, with and without a character to rewrite.
        assert_eq!(fold("FAMa GSIM"), "fama gsim");
        assert_eq!(fold("L`ARMEE\u{0B}x"), "l'armee x");
        let mut out = "Déjà ".to_string();
        fold_into("ICI", &mut out);
        assert_eq!(out, "Déjà ici");
    }

    /// The whole-string definition `fold_into` must agree with.
    fn reference_fold(s: &str) -> String {
        let mut out = String::new();
        for c in s
            .chars()
            .filter_map(normalize_char)
            .nfd()
            .filter_map(normalize_char)
        {
            push_folded(c, &mut out);
        }
        out
    }

    #[test]
    fn only_marks_have_a_combining_class() {
        // What makes folding a character at a time equal to folding the decomposed string.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                assert!(is_combining_mark(c), "{c:?} has a combining class");
            }
        }
    }

    #[test]
    fn per_character_fold_equals_the_whole_string_fold_over_latin_and_marks() {
        for code in 0x80..0x600u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for s in [
                c.to_string(),
                format!("e{c}\u{301}"),
                format!("{c}\u{327}a"),
            ] {
                assert_eq!(fold(&s), reference_fold(&s), "{s:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn fold_equals_the_reference_definition(s in any::<String>()) {
            prop_assert_eq!(fold(&s), reference_fold(&s));
        }

        #[test]
        fn fold_of_french_text_equals_the_reference(s in "[a-zA-Zàâäçéèêëîïôöùûüÿœæ'’ -]{0,30}") {
            prop_assert_eq!(fold(&s), reference_fold(&s));
        }

        #[test]
        fn normalize_fast_path_equals_the_definition(s in any::<String>()) {
            let slow: String = s
                .chars()
                .filter_map(normalize_char)
                .nfc()
                .filter_map(normalize_char)
                .collect();
            prop_assert_eq!(normalize(&s), slow);
        }

        #[test]
        fn normalize_is_idempotent(s in any::<String>()) {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn fold_is_idempotent(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn ascii_fast_path_matches_the_general_fold(s in "[ -~\t\n\r\x0B\x0C]{0,40}") {
            prop_assert_eq!(fold(&s), reference_fold(&s));
        }

        #[test]
        fn fold_of_normalized_equals_fold(s in any::<String>()) {
            prop_assert_eq!(fold(&normalize(&s)), fold(&s));
        }
    }
}
