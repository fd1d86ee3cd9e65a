//! Splits a text into the tokens the date grammar reads: folded words, numbers and single
//! punctuation marks, each with its byte span in the original text.

use std::sync::OnceLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind<'a> {
    /// A run of letters, folded (lowercase, no accents): a slice of the text itself when it is
    /// lowercase ASCII already, else of the folded words' buffer given to [`tokenize`].
    Word(&'a str),
    /// A run of ASCII digits: its value (saturated) and its number of digits.
    Num(u32, usize),
    /// One punctuation or symbol character, apostrophes and hyphens normalised to `'` and `-`.
    Punct(char),
}

/// One token and where it sits.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: TokKind<'a>,
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// No whitespace between this token and the previous one.
    pub glued: bool,
    /// Line number (0-based) in the original text.
    pub line: u32,
    /// Sentence number: a new sentence starts after `.`, `!`, `?` or a line break.
    pub sentence: u32,
    /// The first letter of the token is uppercase in the original text.
    pub capitalized: bool,
}

impl<'a> Tok<'a> {
    pub fn word(&self) -> Option<&'a str> {
        match self.kind {
            TokKind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn num(&self) -> Option<(u32, usize)> {
        match self.kind {
            TokKind::Num(v, n) => Some((v, n)),
            _ => None,
        }
    }

    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Space,
    Other,
}

fn class_of(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_alphabetic() || ('\u{0300}'..='\u{036F}').contains(&c) {
        Class::Letter
    } else if c.is_whitespace() || sahel_text::normalize_char(c).is_none() {
        Class::Space
    } else {
        Class::Other
    }
}

/// [`class_of`] of every ASCII character.
fn ascii_classes() -> &'static [Class; 128] {
    static ASCII: OnceLock<[Class; 128]> = OnceLock::new();
    ASCII.get_or_init(|| {
        let mut t = [Class::Other; 128];
        for (b, slot) in t.iter_mut().enumerate() {
            *slot = class_of(char::from(b as u8));
        }
        t
    })
}

/// The character at byte `i` of `text` (a character boundary), its class and its length.
#[inline]
fn char_at(text: &str, i: usize, ascii: &[Class; 128]) -> (char, Class, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), ascii[usize::from(b)], 1)
    } else {
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        (c, class_of(c), c.len_utf8())
    }
}

fn normalize_punct(c: char) -> char {
    match sahel_text::normalize_char(c).unwrap_or(c) {
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Tokens of `text`, in order. Folded words that differ from the text (capitals, accents) are
/// written to `folded` (cleared first), which the tokens borrow.
pub fn tokenize<'a>(text: &'a str, folded: &'a mut String) -> Vec<Tok<'a>> {
    folded.clear();
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(text.len() / 5);
    // Tokens whose word is in `folded` (token index, range), filled in once it is complete.
    let mut pending: Vec<(usize, usize, usize)> = Vec::new();
    let ascii = ascii_classes();
    let mut line = 0u32;
    let mut sentence = 0u32;
    let mut glued = false;
    let mut at = 0;
    while at < text.len() {
        let start = at;
        let (c, cls, len) = char_at(text, start, ascii);
        at += len;
        match cls {
            Class::Space => {
                if c == '\n' {
                    line += 1;
                    if toks.last().is_some_and(|t| t.sentence == sentence) {
                        sentence += 1;
                    }
                }
                glued = false;
                continue;
            }
            Class::Other => {
                let p = normalize_punct(c);
                toks.push(Tok {
                    kind: TokKind::Punct(p),
                    start,
                    end: at,
                    glued,
                    line,
                    sentence,
                    capitalized: false,
                });
                if matches!(p, '.' | '!' | '?') {
                    sentence += 1;
                }
            }
            Class::Letter | Class::Digit => {
                while at < text.len() {
                    let (_, next, len) = char_at(text, at, ascii);
                    if next != cls {
                        break;
                    }
                    at += len;
                }
                let end = at;
                let piece = &text[start..end];
                let kind = if cls == Class::Digit {
                    let value = piece.bytes().fold(0u32, |acc, b| {
                        acc.saturating_mul(10).saturating_add(u32::from(b - b'0'))
                    });
                    TokKind::Num(value, piece.len())
                } else if piece.bytes().all(|b| b.is_ascii_lowercase()) {
                    TokKind::Word(piece)
                } else {
                    let from = folded.len();
                    if piece.is_ascii() {
                        folded.push_str(piece);
                        folded[from..].make_ascii_lowercase();
                    } else {
                        sahel_text::fold_into(piece, folded);
                    }
                    pending.push((toks.len(), from, folded.len()));
                    TokKind::Word("")
                };
                toks.push(Tok {
                    kind,
                    start,
                    end,
                    glued,
                    line,
                    sentence,
                    capitalized: c.is_uppercase(),
                });
            }
        }
        glued = true;
    }
    let folded: &'a String = folded;
    for (k, from, to) in pending {
        toks[k].kind = TokKind::Word(&folded[from..to]);
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation_keep_original_spans() {
        let text = "Le 1er Août, à 15h30";
        let mut buf = String::new();
        let toks = tokenize(text, &mut buf);
        let shown: Vec<String> = toks
            .iter()
            .map(|t| format!("{:?}@{}", t.kind, &text[t.start..t.end]))
            .collect();
        assert_eq!(toks[0].word(), Some("le"));
        assert_eq!(toks[1].num(), Some((1, 1)));
        assert_eq!(toks[2].word(), Some("er"));
        assert!(toks[2].glued);
        assert_eq!(toks[3].word(), Some("aout"), "{shown:?}");
        assert_eq!(&text[toks[3].start..toks[3].end], "Août");
        assert!(toks[3].capitalized);
        assert_eq!(toks[4].punct(), Some(','));
    }

    #[test]
    fn apostrophes_and_dashes_are_normalised() {
        let mut buf = String::new();
        let toks = tokenize("aujourd’hui – demain", &mut buf);
        assert_eq!(toks[1].punct(), Some('\''));
        assert_eq!(toks[3].punct(), Some('-'));
    }

    #[test]
    fn sentences_split_on_full_stops_and_lines() {
        let mut buf = String::new();
        let toks = tokenize("Il est venu. Il partira\nlundi", &mut buf);
        assert_eq!(toks[0].sentence, 0);
        assert_eq!(toks[4].sentence, 1);
        assert_eq!(toks[6].sentence, 2);
        assert_eq!(toks[6].line, 1);
    }
}
