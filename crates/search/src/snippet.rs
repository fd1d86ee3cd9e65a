//! Snippets: up to three fragments of the stored body around the matched terms, HTML-escaped,
//! matches in `<mark>`.
//!
//! The body is re-analysed with the analyzers of the document's language (and the exact one);
//! a token is a match when its term is one the query searched in that family, or starts with a
//! searched prefix. Token byte offsets point into the original text, so `frappes` is marked for
//! `frappe` and `Léré` for `lere`.

use crate::query::{Analyzers, TermSets, EN, EXACT, FR};

/// Most fragments in a snippet.
pub const MAX_FRAGMENTS: usize = 3;
/// Target length of a fragment, in bytes.
pub const FRAGMENT_BYTES: usize = 180;
/// Only this much of a body is analysed for a snippet: keeps one huge document from costing
/// more than a page of ordinary ones.
pub const MAX_ANALYSED_BYTES: usize = 64 * 1024;
/// Separator between fragments.
pub const ELLIPSIS: &str = " … ";

/// HTML-escapes `text` into `out`.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// HTML-escapes `text`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
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

/// Byte ranges of matched tokens in `text`, sorted, merged.
pub fn match_ranges(
    text: &str,
    families: &[usize],
    analyzers: &mut Analyzers,
    terms: &TermSets,
) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for &family in families {
        let wanted = &terms.terms[family];
        let prefixes: &[String] = if family == EXACT {
            &terms.prefixes
        } else {
            &[]
        };
        if wanted.is_empty() && prefixes.is_empty() {
            continue;
        }
        let mut stream = analyzers.0[family].token_stream(text);
        while let Some(token) = stream.next() {
            let hit = wanted.contains(&token.text)
                || prefixes.iter().any(|p| token.text.starts_with(p.as_str()));
            if hit && token.offset_from < token.offset_to && token.offset_to <= text.len() {
                ranges.push((token.offset_from, token.offset_to));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
        .into_iter()
        .filter(|(f, t)| text.is_char_boundary(*f) && text.is_char_boundary(*t))
        .collect()
}

/// The analyzer families to re-analyse a document of this language with.
pub fn families_for(language: &str) -> &'static [usize] {
    match language {
        "fr" => &[FR, EXACT],
        "en" => &[EN, EXACT],
        "und" => &[FR, EN, EXACT],
        _ => &[EXACT],
    }
}

/// A fragment window around matches: [start, end) and the matches it holds.
struct Window {
    start: usize,
    end: usize,
    distinct: usize,
    count: usize,
}

/// Builds the snippet of `body` for the query terms. Without matches: the beginning of the text.
pub fn snippet(body: &str, language: &str, analyzers: &mut Analyzers, terms: &TermSets) -> String {
    let analysed = &body[..floor_boundary(body, MAX_ANALYSED_BYTES)];
    let ranges = if terms.is_empty() {
        Vec::new()
    } else {
        match_ranges(analysed, families_for(language), analyzers, terms)
    };
    if ranges.is_empty() {
        let end = cut_after(body, 0, FRAGMENT_BYTES * 3 / 2);
        let mut out = escape(body[..end].trim());
        if end < body.len() {
            out.push('…');
        }
        return out;
    }
    // Candidate windows start a little before each match; score by distinct matched words.
    let mut windows: Vec<Window> = ranges
        .iter()
        .map(|&(from, _)| {
            let start = cut_before(body, from, FRAGMENT_BYTES / 3);
            let end = cut_after(body, start, FRAGMENT_BYTES);
            let inside: Vec<&(usize, usize)> = ranges
                .iter()
                .filter(|(f, t)| *f >= start && *t <= end)
                .collect();
            let mut words: Vec<String> = inside
                .iter()
                .map(|(f, t)| sahel_text::fold(&body[*f..*t]))
                .collect();
            words.sort();
            words.dedup();
            Window {
                start,
                end,
                distinct: words.len(),
                count: inside.len(),
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
        for &(from, to) in ranges
            .iter()
            .filter(|(f, t)| *f >= window.start && *t <= window.end)
        {
            escape_into(&body[pos..from], &mut out);
            out.push_str("<mark>");
            escape_into(&body[from..to], &mut out);
            out.push_str("</mark>");
            pos = to;
        }
        escape_into(&body[pos..window.end], &mut out);
        if i + 1 == chosen.len() && window.end < body.len() {
            out.push('…');
        }
    }
    // Whitespace runs (line breaks of the source) read better as single spaces.
    collapse_whitespace(&out)
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
}
