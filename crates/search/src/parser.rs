//! The query language: words, `OR`, `-word` / `NOT word`, `"phrases"`, `prefix*`.
//!
//! The parser never fails: whatever it cannot take (an unclosed quote, parentheses, a dangling
//! `OR`, field syntax) is read as plain words and [`ParsedQuery::fallback`] says so, with a note.

use crate::api::MAX_QUERY_BYTES;

/// Most positive items (words, phrases, groups) kept from one query: keeps the work bounded.
pub const MAX_ITEMS: usize = 16;
/// Shortest prefix accepted for `prefix*` (in characters); shorter ones are searched as words.
pub const MIN_PREFIX_CHARS: usize = 2;

/// One searchable item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A plain word (may still hold punctuation that the analyzers split on: `Tin-Zaouatène`).
    Word(String),
    /// A quoted phrase.
    Phrase(String),
    /// A prefix, without the `*`.
    Prefix(String),
}

impl Item {
    /// The text as the user typed it (for `query` in the response).
    pub fn display(&self) -> String {
        match self {
            Item::Word(w) => w.clone(),
            Item::Phrase(p) => format!("\"{p}\""),
            Item::Prefix(p) => format!("{p}*"),
        }
    }
}

/// A parsed query: groups of alternatives (a group of one is a plain required item), exclusions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Each group must match (or most groups, for partial matches); within a group, any item.
    pub groups: Vec<Vec<Item>>,
    /// Items a document must not contain.
    pub excluded: Vec<Item>,
    /// Whether something could not be understood and was read as plain words.
    pub fallback: bool,
    /// What was not understood, for the user.
    pub notes: Vec<String>,
}

impl ParsedQuery {
    /// Whether nothing positive is searched (browse, possibly with exclusions).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[derive(Debug, PartialEq)]
enum Lexeme {
    Text { text: String, negated: bool },
    Quoted { text: String, negated: bool },
    Or,
    Not,
}

/// Splits the query into lexemes. Unclosed quotes and stray syntax become plain text.
fn lex(input: &str, notes: &mut Vec<String>, fallback: &mut bool) -> Vec<Lexeme> {
    let mut out = Vec::new();
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negated = (c == '-' || c == '!')
            && chars
                .get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && *n != '-');
        let start = if negated { i + 1 } else { i };
        if chars.get(start) == Some(&'"') {
            match chars[start + 1..].iter().position(|&c| c == '"') {
                Some(len) => {
                    let text: String = chars[start + 1..start + 1 + len].iter().collect();
                    i = start + 1 + len + 1;
                    if !text.trim().is_empty() {
                        out.push(Lexeme::Quoted {
                            text: text.trim().to_string(),
                            negated,
                        });
                    }
                    continue;
                }
                None => {
                    *fallback = true;
                    notes.push("unclosed quote: the rest was searched as plain words".into());
                    let rest: String = chars[start + 1..].iter().collect();
                    for word in rest.split_whitespace() {
                        out.push(Lexeme::Text {
                            text: word.to_string(),
                            negated: false,
                        });
                    }
                    break;
                }
            }
        }
        let end = chars[start..]
            .iter()
            .position(|c| c.is_whitespace() || *c == '"')
            .map_or(chars.len(), |p| start + p);
        let text: String = chars[start..end].iter().collect();
        i = end.max(start + 1);
        note_unsupported_syntax(&text, notes, fallback);
        let pieces = split_pieces(&text);
        // Numbers stay whole: `12/03/2024` is a date, searched as the phrase of its numbers.
        let numbers = pieces
            .iter()
            .all(|(p, _)| p.chars().all(|c| c.is_ascii_digit()));
        if !numbers && (pieces.len() != 1 || pieces[0].0 != text) {
            // `attaque,Gao`, `Kidal/Ménaka`, `région:Gao`: the analyzers would read these as
            // one phrase of adjacent words; the user typed separate words, and a slash or a bar
            // between two of them offers alternatives (`Tombouctou/Timbuktu`).
            for (k, (piece, alternative)) in pieces.iter().enumerate() {
                if k > 0 && *alternative && !negated {
                    out.push(Lexeme::Or);
                }
                out.push(Lexeme::Text {
                    text: piece.to_string(),
                    negated,
                });
            }
            continue;
        }
        if !negated && text == "OR" {
            out.push(Lexeme::Or);
        } else if !negated && text == "NOT" {
            out.push(Lexeme::Not);
        } else if !negated && (text == "AND" || text == "&&") {
            // The default already: every word must match.
        } else if !text.is_empty() {
            out.push(Lexeme::Text { text, negated });
        }
    }
    out
}

/// Whether `c`, inside a typed word, separates two words: punctuation the analyzers split on
/// that means nothing to the query language (the word joiners `'` and `-`, the prefix `*` and
/// the `.` of numbers and abbreviations are kept in the word).
fn is_word_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '/'
            | '\\'
            | '|'
            | '!'
            | '?'
            | '<'
            | '>'
            | '='
            | '&'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '~'
            | '+'
            | '«'
            | '»'
            | '“'
            | '”'
            | '„'
            | '…'
    )
}

/// The words of a typed word split at [`is_word_separator`]s, each with whether the separators
/// before it hold a `/` or `|` (it is an alternative to the word before).
fn split_pieces(text: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut alternative = false;
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_word_separator(c) {
            if let Some(s) = start.take() {
                pieces.push((&text[s..i], alternative));
                alternative = false;
            }
            alternative |= c == '/' || c == '|';
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        pieces.push((&text[s..], alternative));
    }
    pieces
}

/// Notes syntax of other query languages in a bare word (parentheses, `+`, `field:`), which is
/// searched as plain words.
fn note_unsupported_syntax(raw: &str, notes: &mut Vec<String>, fallback: &mut bool) {
    if raw.contains(['(', ')', '[', ']', '{', '}', '^', '~', '+']) {
        *fallback = true;
        notes.push(format!("`{raw}`: operators other than OR, NOT, - and * are not supported; searched as plain words"));
    }
    if raw.contains(':') && !raw.starts_with(':') && !raw.ends_with(':') {
        // `region:Gao` looks like field syntax, which the language does not have.
        *fallback = true;
        notes.push(format!(
            "`{raw}`: field syntax is not supported (use the filters); searched as plain words"
        ));
    }
}

/// Cleans a bare word (the lexer has split it on [`is_word_separator`]s). Returns the item, or
/// `None` when nothing searchable remains.
fn word_item(raw: &str, notes: &mut Vec<String>, fallback: &mut bool) -> Option<Item> {
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(prefix) = text.strip_suffix('*') {
        let prefix = prefix.trim_end_matches('*');
        if prefix.chars().count() >= MIN_PREFIX_CHARS
            && prefix.chars().all(|c| c.is_alphanumeric() || c == '\'')
        {
            return Some(Item::Prefix(prefix.to_string()));
        }
        *fallback = true;
        notes.push(format!(
            "`{raw}`: a prefix needs at least {MIN_PREFIX_CHARS} letters; searched as a word"
        ));
        let word = prefix.trim();
        return (!word.is_empty()).then(|| Item::Word(word.to_string()));
    }
    if text.contains('*') {
        *fallback = true;
        notes.push(format!(
            "`{raw}`: `*` only works at the end of a word; searched as plain words"
        ));
        let word = text.replace('*', " ");
        let word = word.trim();
        return (!word.is_empty()).then(|| Item::Word(word.to_string()));
    }
    Some(Item::Word(text.to_string()))
}

fn item_of(lexeme: &Lexeme, notes: &mut Vec<String>, fallback: &mut bool) -> Option<Item> {
    match lexeme {
        Lexeme::Text { text, .. } => word_item(text, notes, fallback),
        Lexeme::Quoted { text, .. } => Some(Item::Phrase(text.clone())),
        Lexeme::Or | Lexeme::Not => None,
    }
}

/// Parses a query string. Never fails; see the module doc.
pub fn parse(input: &str) -> ParsedQuery {
    let input = truncate(input, MAX_QUERY_BYTES);
    let mut notes = Vec::new();
    let mut fallback = false;
    let lexemes = lex(input, &mut notes, &mut fallback);

    let mut parsed = ParsedQuery::default();
    let mut i = 0;
    // Whether the last positive group may take an `OR` alternative.
    let mut or_pending = false;
    while i < lexemes.len() {
        match &lexemes[i] {
            Lexeme::Or => {
                let next_positive = matches!(
                    lexemes.get(i + 1),
                    Some(
                        Lexeme::Text { negated: false, .. } | Lexeme::Quoted { negated: false, .. }
                    )
                );
                if parsed.groups.is_empty() || !next_positive || or_pending {
                    fallback = true;
                    notes.push("`OR` needs a word on each side; it was ignored".into());
                    or_pending = false;
                } else {
                    or_pending = true;
                }
                i += 1;
            }
            Lexeme::Not => {
                match lexemes.get(i + 1) {
                    Some(
                        next @ (Lexeme::Text { negated: false, .. }
                        | Lexeme::Quoted { negated: false, .. }),
                    ) => {
                        if let Some(item) = item_of(next, &mut notes, &mut fallback) {
                            parsed.excluded.push(item);
                        }
                        i += 2;
                    }
                    _ => {
                        fallback = true;
                        notes.push("`NOT` needs a word after it; it was ignored".into());
                        i += 1;
                    }
                }
                or_pending = false;
            }
            lexeme @ (Lexeme::Text { negated, .. } | Lexeme::Quoted { negated, .. }) => {
                let negated = *negated;
                i += 1;
                let Some(item) = item_of(lexeme, &mut notes, &mut fallback) else {
                    continue;
                };
                if negated {
                    parsed.excluded.push(item);
                    continue;
                }
                if or_pending {
                    if let Some(last) = parsed.groups.last_mut() {
                        last.push(item);
                    }
                    or_pending = false;
                } else {
                    parsed.groups.push(vec![item]);
                }
            }
        }
    }
    if parsed.groups.len() > MAX_ITEMS {
        parsed.groups.truncate(MAX_ITEMS);
        notes.push(format!("only the first {MAX_ITEMS} words were searched"));
    }
    for group in &mut parsed.groups {
        group.truncate(MAX_ITEMS);
    }
    parsed.excluded.truncate(MAX_ITEMS);
    parsed.fallback = fallback;
    parsed.notes = notes;
    parsed
}

/// Cuts `text` to at most `max` bytes, at a char boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<Vec<Item>> {
        list.iter()
            .map(|w| vec![Item::Word(w.to_string())])
            .collect()
    }

    #[test]
    fn plain_words_are_groups_of_one() {
        let q = parse("attaque  Gao");
        assert_eq!(q.groups, words(&["attaque", "Gao"]));
        assert!(!q.fallback);
    }

    #[test]
    fn or_joins_alternatives() {
        let q = parse("Gao OR Tombouctou OR \"Ansongo ville\" attaque");
        assert_eq!(
            q.groups,
            vec![
                vec![
                    Item::Word("Gao".into()),
                    Item::Word("Tombouctou".into()),
                    Item::Phrase("Ansongo ville".into())
                ],
                vec![Item::Word("attaque".into())]
            ]
        );
        assert!(!q.fallback);
    }

    #[test]
    fn lowercase_or_is_a_word() {
        assert_eq!(parse("or noir").groups, words(&["or", "noir"]));
    }

    #[test]
    fn negations() {
        let q = parse("attaque -Gao NOT \"armée malienne\" NOT");
        assert_eq!(q.groups, words(&["attaque"]));
        assert_eq!(
            q.excluded,
            vec![
                Item::Word("Gao".into()),
                Item::Phrase("armée malienne".into())
            ]
        );
        assert!(q.fallback, "dangling NOT is noted");
    }

    #[test]
    fn hyphen_inside_a_word_is_not_negation() {
        assert_eq!(parse("Tin-Zaouatène").groups, words(&["Tin-Zaouatène"]));
        assert_eq!(parse("- Gao").groups, words(&["-", "Gao"]));
    }

    #[test]
    fn prefixes() {
        let q = parse("attaq* a* *");
        assert_eq!(q.groups[0], vec![Item::Prefix("attaq".into())]);
        assert_eq!(q.groups[1], vec![Item::Word("a".into())]);
        assert_eq!(q.groups.len(), 2);
        assert!(q.fallback);
    }

    #[test]
    fn unclosed_quote_falls_back_to_words() {
        let q = parse("\"armée malienne");
        assert_eq!(q.groups, words(&["armée", "malienne"]));
        assert!(q.fallback);
        assert!(!q.notes.is_empty());
    }

    #[test]
    fn unsupported_syntax_falls_back() {
        let q = parse("(Gao OR) region:Kidal +attaque");
        assert!(q.fallback);
        assert!(!q.groups.is_empty());
        let q = parse("OR OR OR");
        assert!(q.groups.is_empty() || q.fallback);
    }

    #[test]
    fn punctuation_inside_a_typed_word_separates_words() {
        let q = parse("Mopti;Ségou attaques,enlèvements «Ansongo»");
        assert_eq!(
            q.groups,
            words(&["Mopti", "Ségou", "attaques", "enlèvements", "Ansongo"])
        );
        assert!(!q.fallback, "plain punctuation is no unsupported syntax");
        let q = parse("-Kidal,Gao pillage");
        assert_eq!(q.groups, words(&["pillage"]));
        assert_eq!(
            q.excluded,
            vec![Item::Word("Kidal".into()), Item::Word("Gao".into())]
        );
        let q = parse("cercle:Bourem");
        assert_eq!(q.groups, words(&["cercle", "Bourem"]));
        assert!(q.fallback && q.notes.iter().any(|n| n.contains("field syntax")));
        // Joiners, prefixes and dotted abbreviations stay in their word.
        let q = parse("Tin-Zaouatène l'armée enl* U.S.");
        assert_eq!(
            q.groups,
            vec![
                vec![Item::Word("Tin-Zaouatène".into())],
                vec![Item::Word("l'armée".into())],
                vec![Item::Prefix("enl".into())],
                vec![Item::Word("U.S.".into())],
            ]
        );
    }

    #[test]
    fn a_slash_or_bar_between_words_offers_alternatives() {
        let q = parse("Bourem/Ansongo/Tessit embuscade|attaque convoi");
        assert_eq!(
            q.groups,
            vec![
                vec![
                    Item::Word("Bourem".into()),
                    Item::Word("Ansongo".into()),
                    Item::Word("Tessit".into())
                ],
                vec![Item::Word("embuscade".into()), Item::Word("attaque".into())],
                vec![Item::Word("convoi".into())],
            ]
        );
        assert!(!q.fallback);
        // Excluded alternatives are all excluded.
        let q = parse("convoi -Bourem/Ansongo");
        assert_eq!(q.groups, words(&["convoi"]));
        assert_eq!(
            q.excluded,
            vec![Item::Word("Bourem".into()), Item::Word("Ansongo".into())]
        );
        assert!(!q.fallback);
        // A date is no list of alternatives.
        assert_eq!(parse("12/03/2024").groups, words(&["12/03/2024"]));
        // A leading or trailing slash offers nothing.
        assert_eq!(
            parse("/Bourem/ convoi").groups,
            words(&["Bourem", "convoi"])
        );
    }

    #[test]
    fn long_queries_are_bounded() {
        let q = parse(&"mot ".repeat(1000));
        assert_eq!(q.groups.len(), MAX_ITEMS);
    }
}
