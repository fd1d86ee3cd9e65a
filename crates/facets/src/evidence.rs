//! Evidence: where in the report each facet value was read, so an analyst can see why a report is
//! under Ménaka and 2024-07 and judge it.
//!
//! Extraction reads the title and the text as one (the title first, when the text does not start
//! with it); evidence gives its spans back in the field they were read from: byte offsets in the
//! title or in the text, with the sentence around them.

use serde::{Deserialize, Serialize};

/// Where a facet value was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The facet (`regions`, `mentioned_regions`, `countries`, `localities`, `months`,
    /// `background_months`, `actors`).
    pub facet: String,
    /// The facet value it supports (`Ménaka`, `2024-07`, `JNIM`).
    pub value: String,
    /// `title` or `text`: the field the offsets are in.
    pub field: String,
    /// Byte span of the words read, in that field.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub text: String,
    /// Byte span of the sentence around them, in that field, and the sentence itself.
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub sentence: String,
}

/// Evidence is kept for this many occurrences of one value at most.
pub const MAX_PER_VALUE: usize = 3;

/// The text extraction read: the title (when prefixed) and the text, one string.
#[derive(Debug, Clone)]
pub struct ReadText<'a> {
    /// Title and text as one.
    pub read: &'a str,
    /// Bytes of `read` before the text: the title and the blank line after it, or 0.
    pub text_start: usize,
    /// Length of the title in `read`, when it was prefixed.
    pub title_len: usize,
    /// The sentences of `read`.
    pub sentences: Sentences<'a>,
}

impl<'a> ReadText<'a> {
    /// Whether byte `at` of [`ReadText::read`] lies in the text (not the title) at or past
    /// `share` of the text's length.
    pub fn at_or_past(&self, at: usize, share: f64) -> bool {
        let text_len = self.read.len() - self.text_start;
        at.checked_sub(self.text_start)
            .is_some_and(|at| text_len > 0 && at as f64 >= share * text_len as f64)
    }

    /// The evidence of `facet` = `value` for the span `start..end` of [`ReadText::read`].
    pub fn evidence(&self, facet: &str, value: &str, start: usize, end: usize) -> Evidence {
        let (s_start, s_end) = self.sentences.around(start, end);
        let (field, base) = if start < self.text_start {
            ("title", 0)
        } else {
            ("text", self.text_start)
        };
        let s_start = s_start.max(base);
        let s_end = if field == "title" {
            s_end.min(self.title_len)
        } else {
            s_end
        };
        Evidence {
            facet: facet.to_string(),
            value: value.to_string(),
            field: field.to_string(),
            start: start - base,
            end: end - base,
            text: self.read[start..end].to_string(),
            sentence_start: s_start - base,
            sentence_end: s_end - base,
            sentence: self.read[s_start..s_end].to_string(),
        }
    }
}

/// The sentence around `start..end`: from after the previous sentence end (`.`, `!`, `?` before
/// a space, or a line break) to the next one, trimmed.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    Sentences::new(text).around(start, end)
}

/// The sentence ends of a text, found once: what [`sentence_around`] reads, for many spans.
#[derive(Debug, Clone)]
pub struct Sentences<'a> {
    text: &'a str,
    /// Byte positions of the sentence-ending characters, in order.
    ends: Vec<usize>,
}

impl<'a> Sentences<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ends = (0..bytes.len())
            .filter(|&i| {
                let b = bytes[i];
                b == b'\n'
                    || matches!(b, b'.' | b'!' | b'?')
                        && bytes
                            .get(i + 1)
                            .is_none_or(|n| n.is_ascii_whitespace() || matches!(n, b'"' | b')'))
                        && !is_abbreviation(text, i)
            })
            .collect();
        Sentences { text, ends }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The sentence around `start..end`, trimmed.
    pub fn around(&self, start: usize, end: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let start = start.min(bytes.len());
        let end = end.min(bytes.len());
        // After the last end before `start`.
        let k = self.ends.partition_point(|&i| i < start);
        let mut s = if k == 0 { 0 } else { self.ends[k - 1] + 1 };
        // The first end at or after `end`.
        let k = self.ends.partition_point(|&i| i < end);
        let mut e = self.ends.get(k).copied().unwrap_or(bytes.len());
        if e < bytes.len() && bytes[e] != b'\n' {
            e += 1; // the full stop belongs to the sentence
        }
        // Trim whitespace (ASCII: offsets stay on char boundaries).
        while s < e && bytes[s].is_ascii_whitespace() {
            s += 1;
        }
        while e > s && bytes[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        (s, e)
    }
}

/// A dot that ends an abbreviation or an initial rather than a sentence: after one letter
/// (`J. Doe`) or a short lowercase word of the usual abbreviations (`env.`, `av.`, `St.`).
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word: &str = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
        || matches!(
            word,
            "env"
                | "av"
                | "St"
                | "Mr"
                | "Mrs"
                | "Dr"
                | "Gen"
                | "Col"
                | "Lt"
                | "Cpt"
                | "No"
                | "vs"
                | "etc"
                | "km"
                | "Gov"
                | "Sgt"
                | "Maj"
                | "Capt"
                | "Brig"
        )
        // "Jan. 17", "Sept. 5": a month's abbreviation before its day.
        || matches!(
            word,
            "Jan" | "Feb" | "Mar" | "Apr" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
        ) && text[dot + 1..]
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_full_stops_and_lines() {
        let text = "Titre\n\nUne attaque a visé Boni. Le Gen. Traoré a parlé à Bamako. Fin";
        let at = text.find("Traoré").unwrap_or(0);
        let (s, e) = sentence_around(text, at, at + 7);
        assert_eq!(&text[s..e], "Le Gen. Traoré a parlé à Bamako.");
        let at = text.find("Boni").unwrap_or(0);
        let (s, e) = sentence_around(text, at, at + 4);
        assert_eq!(&text[s..e], "Une attaque a visé Boni.");
        let (s, e) = sentence_around(text, 1, 3);
        assert_eq!(&text[s..e], "Titre");
        // A month's abbreviation before its day, but not at the end of a sentence.
        let text = "It began on Jan. 17 with attacks on Menaka. It ended in Jan. Then talks began.";
        let at = text.find("Menaka").unwrap_or(0);
        let (s, e) = sentence_around(text, at, at + 6);
        assert_eq!(&text[s..e], "It began on Jan. 17 with attacks on Menaka.");
        let at = text.find("talks").unwrap_or(0);
        let (s, e) = sentence_around(text, at, at + 5);
        assert_eq!(&text[s..e], "Then talks began.");
    }

    #[test]
    fn evidence_is_given_in_its_field() {
        let read = "Attaque à Léré\n\nLéré a été attaquée. Bamako condamne.";
        let title_len = "Attaque à Léré".len();
        let r = ReadText {
            read,
            text_start: title_len + 2,
            title_len,
            sentences: Sentences::new(read),
        };
        let at = read.find("Léré").unwrap_or(0);
        let title = r.evidence("regions", "Tombouctou", at, at + "Léré".len());
        assert_eq!((title.field.as_str(), title.start), ("title", at));
        assert_eq!(title.sentence, "Attaque à Léré");
        let at = r.text_start;
        let text = r.evidence("regions", "Tombouctou", at, at + "Léré".len());
        assert_eq!(
            (text.field.as_str(), text.start, text.end),
            ("text", 0, "Léré".len())
        );
        assert_eq!(text.sentence, "Léré a été attaquée.");
    }
}
