//! The snippet of a hit: up to three fragments of its body around the matches the
//! [`Highlighter`] found, HTML-escaped, matches in `<mark>`.

use super::highlight::Highlighter;

/// Most fragments in a snippet.
pub const MAX_FRAGMENTS: usize = 3;
/// Target length of a fragment, in bytes.
pub const FRAGMENT_BYTES: usize = 180;
/// Separator between fragments.
pub const ELLIPSIS: &str = " … ";

/// HTML-escapes `text` into `out`.
pub fn escape_into(text: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// HTML-escapes `text`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A fragment window around matches: [start, end) and the matches it holds.
struct Window {
    start: usize,
    end: usize,
    distinct: u32,
    count: usize,
}

/// Builds the snippet of `body` for the query terms. Without matches: the beginning of the text.
pub fn snippet(body: &str, language: &str, highlighter: &mut Highlighter) -> String {
    let ranges = highlighter.matches(body, language);
    if ranges.is_empty() {
        let end = cut_after(body, 0, FRAGMENT_BYTES * 3 / 2);
        let mut out = escape(body[..end].trim());
        if end < body.len() {
            out.push('…');
        }
        return collapse_whitespace(&out);
    }
    // Candidate windows start a little before each match; score by the query words they hold.
    let mut windows: Vec<Window> = ranges
        .iter()
        .map(|mark| {
            let start = cut_before(body, mark.from, FRAGMENT_BYTES / 3);
            let end = cut_after(body, start, FRAGMENT_BYTES);
            let first = ranges.partition_point(|m| m.from < start);
            let (mask, count) = ranges[first..]
                .iter()
                .take_while(|m| m.from < end)
                .filter(|m| m.to <= end)
                .fold((0u32, 0usize), |(mask, count), m| {
                    (mask | m.mask, count + 1)
                });
            Window {
                start,
                end,
                distinct: mask.count_ones(),
                count,
            }
        })
        .collect();
    windows.sort_by(|a, b| {
        b.distinct
            .cmp(&a.distinct)
            .then(b.count.cmp(&a.count))
            .then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<&Window> = Vec::new();
    for window in &windows {
        if chosen.len() == MAX_FRAGMENTS {
            break;
        }
        if chosen
            .iter()
            .all(|c| window.end <= c.start || window.start >= c.end)
        {
            chosen.push(window);
        }
    }
    chosen.sort_by_key(|w| w.start);
    let mut out = String::new();
    for (i, window) in chosen.iter().enumerate() {
        if i > 0 || window.start > 0 {
            out.push_str(if i > 0 { ELLIPSIS } else { "…" });
        }
        let mut pos = window.start;
        let first = ranges.partition_point(|m| m.from < window.start);
        for mark in ranges[first..]
            .iter()
            .take_while(|m| m.from < window.end)
            .filter(|m| m.to <= window.end)
        {
            escape_into(&body[pos..mark.from], &mut out);
            out.push_str("<mark>");
            escape_into(&body[mark.from..mark.to], &mut out);
            out.push_str("</mark>");
            pos = mark.to;
        }
        escape_into(&body[pos..window.end], &mut out);
        if i + 1 == chosen.len() && window.end < body.len() {
            out.push('…');
        }
    }
    // Whitespace runs (line breaks of the source) read better as single spaces.
    collapse_whitespace(&out)
}

/// `text` trimmed, each run of whitespace (Unicode's) made one space. Runs of other ASCII
/// characters are copied at once; only non-ASCII characters are decoded.
fn collapse_whitespace(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0B)
            .unwrap_or(rest.len());
        if run > 0 {
            out.push_str(&rest[..run]);
            space = false;
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A start at most `before` bytes before `at`, moved forward to the start of a word.
fn cut_before(text: &str, at: usize, before: usize) -> usize {
    let at = floor_boundary(text, at);
    let start = floor_boundary(text, at.saturating_sub(before));
    if start == 0 {
        return 0;
    }
    match text[start..at].find(char::is_whitespace) {
        Some(p) => ceil_boundary(text, start + p + 1),
        None => start,
    }
}

/// An end at most `len` bytes after `start`, moved back to the end of a word.
fn cut_after(text: &str, start: usize, len: usize) -> usize {
    let end = floor_boundary(text, start + len);
    if end >= text.len() {
        return text.len();
    }
    match text[start..end].rfind(char::is_whitespace) {
        Some(p) if p > 0 => start + p,
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape("été à Gao"), "été à Gao");
    }

    #[test]
    fn cuts_stay_on_char_boundaries() {
        let text = "éééé ààà ççç ".repeat(40);
        for at in 0..text.len() {
            let s = cut_before(&text, at, 17);
            let e = cut_after(&text, s, 33);
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e);
        }
    }

    /// The reference: every character decoded.
    fn collapse_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.trim().chars() {
            if c.is_whitespace() {
                if !space {
                    out.push(' ');
                }
                space = true;
            } else {
                out.push(c);
                space = false;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn whitespace_runs_collapse_as_char_by_char(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{A0}",
                "\u{202F}", "\u{2003}", "\u{3000}", "x y", "<mark>", "…", "中", "\u{1F600}",
                "\u{1C}", "\u{1F}", "\u{0}",
            ]), 0..20),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(collapse_whitespace(&text), collapse_by_chars(&text));
        }
    }
}
