//! Reading the text around a name: the words before and after it, folded, within its sentence;
//! the word written right before or after it; the character before it.

/// The words of a text (runs of letters and digits), as the rules compare them once the text is
/// folded.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Where a sentence or a clause ends, for the words around a name.
const CLAUSE_ENDS_BEFORE: [char; 11] = ['.', ';', '!', '?', '\n', ':', '(', ')', '"', '«', '»'];
const CLAUSE_ENDS_AFTER: [char; 8] = ['.', ';', '!', '?', '\n', ':', ')', '('];

/// Where a window of about `bytes` bytes ending at `end` starts: that many bytes back, or a few
/// more to start on a character boundary.
pub(super) fn window_start(text: &str, end: usize, bytes: usize) -> usize {
    let mut from = end.saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// The folded words just before `start` in the same sentence (nearest last), at most `n`.
pub(super) fn words_before(text: &str, start: usize, n: usize) -> Vec<String> {
    let from = window_start(text, start, 80);
    let window = &text[from..start];
    let cut = window
        .rfind(CLAUSE_ENDS_BEFORE)
        .map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let folded = sahel_text::fold(&window[cut..]);
    let mut before: Vec<String> = words(&folded).map(str::to_string).collect();
    if from > 0 && cut == 0 && !before.is_empty() {
        before.remove(0); // possibly cut in the middle
    }
    before.into_iter().rev().take(n).collect()
}

/// [`words_before`] reading through short brackets ("le centre hospitalier régional (CHR) de
/// Fada": an acronym or a short aside of at most 16 bytes is left out rather than ending the
/// clause).
pub(super) fn words_before_through_brackets(text: &str, start: usize, n: usize) -> Vec<String> {
    let from = window_start(text, start, 120);
    let mut window = text[from..start].to_string();
    while let Some(close) = window.rfind(')') {
        match window[..close].rfind('(') {
            Some(open) if close - open <= 16 => window.replace_range(open..=close, " "),
            _ => break,
        }
    }
    let end = window.len();
    words_before(&window, end, n)
}

/// The folded words just after `end` (nearest first), at most `n`, stopping at sentence ends.
pub(super) fn words_after(text: &str, end: usize, n: usize) -> Vec<String> {
    let mut to = (end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = &text[end..to];
    let cut = window.find(CLAUSE_ENDS_AFTER).unwrap_or(window.len());
    words(&sahel_text::fold(&window[..cut]))
        .take(n)
        .map(str::to_string)
        .collect()
}

/// The first non-space character before `start`.
pub(super) fn char_before(text: &str, start: usize) -> Option<char> {
    text[..start].chars().rev().find(|c| !c.is_whitespace())
}

/// Whether a character belongs to a word as written: letters, digits, apostrophes, hyphens.
pub(super) fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The word written just before `start` (separated by spaces only) and whether it opens its
/// sentence.
pub(super) fn word_before(text: &str, start: usize) -> Option<(&str, bool)> {
    let head = &text[..start];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() {
        return None; // not separated by a space (punctuation, hyphen, start of text)
    }
    let from = trimmed
        .rfind(|c: char| !is_name_char(c))
        .map(|i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &trimmed[from..];
    if word.is_empty() {
        return None;
    }
    let before = trimmed[..from].trim_end();
    let opens =
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '"', '«', '(', '[']);
    Some((word, opens))
}

/// The word written just after `end` (separated by one space).
pub(super) fn word_after(text: &str, end: usize) -> Option<&str> {
    let tail = text[end..].strip_prefix(' ')?;
    let to = tail.find(|c: char| !is_name_char(c)).unwrap_or(tail.len());
    Some(&tail[..to]).filter(|w| !w.is_empty())
}

/// Whether a word starts with a capital letter.
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a short word as written folds to one of `list` (no allocation for an ASCII word).
pub(super) fn folds_into(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&sahel_text::fold(word).as_str())
    }
}

/// The first occurrence of `needle` (lowercase ASCII) in `hay` at or after `from`, ignoring ASCII
/// case.
pub(super) fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (first, rest) = needle.split_first()?;
    let upper = first.to_ascii_uppercase();
    let last = hay.len().checked_sub(needle.len())?;
    let mut i = from;
    while i <= last {
        let rel = hay[i..=last]
            .iter()
            .position(|&b| b == *first || b == upper)?;
        i += rel;
        if hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_are_folded_and_stop_at_sentences() {
        let t = "Fin. Près de la région de Ségou, hier";
        let s = t.find("Ségou").unwrap();
        assert_eq!(words_before(t, s, 3), vec!["de", "region", "la"]);
        assert_eq!(words_after(t, s + "Ségou".len(), 2), vec!["hier"]);
    }
}
