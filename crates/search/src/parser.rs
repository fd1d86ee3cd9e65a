//! The query language: words, `OR`, `-word` / `NOT word`, `"phrases"`, `prefix*`, and groups in
//! parentheses (`(attaque OR embuscade) Ménaka`, `(JNIM OR GSIM) -Wagner`, nested).
//!
//! The typed query is read into a tree (implicit AND between items, `OR` binding tighter, as in
//! `Gao OR Kidal attaque`), which is then written as an AND of OR-groups of items (conjunctive
//! normal form: `(a b) OR c` is `(a OR c) (b OR c)`), the shape the query builder searches.
//!
//! The parser never fails: whatever it cannot take (an unclosed quote or parenthesis, a dangling
//! `OR`, field syntax, a negation inside an `OR`) is read as plain words or left out, and
//! [`ParsedQuery::fallback`] says so, with a note.

use crate::api::MAX_QUERY_BYTES;

/// Most positive items (words, phrases, groups) kept from one query: keeps the work bounded.
pub const MAX_ITEMS: usize = 16;
/// Shortest prefix accepted for `prefix*` (in characters); shorter ones are searched as words.
pub const MIN_PREFIX_CHARS: usize = 2;
/// Deepest nesting of parentheses read as groups; deeper ones are read as plain parentheses.
const MAX_DEPTH: usize = 8;

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
    Text {
        text: String,
        negated: bool,
    },
    Quoted {
        text: String,
        negated: bool,
    },
    Or,
    Not,
    /// `(`, or `-(` when negated.
    Open {
        negated: bool,
    },
    Close,
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
        if c == ')' {
            out.push(Lexeme::Close);
            i += 1;
            continue;
        }
        let negated = (c == '-' || c == '!')
            && chars
                .get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && *n != '-' && *n != ')');
        let start = if negated { i + 1 } else { i };
        if chars.get(start) == Some(&'(') {
            out.push(Lexeme::Open { negated });
            i = start + 1;
            continue;
        }
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
            .position(|c| c.is_whitespace() || matches!(c, '"' | '(' | ')'))
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
    if raw.contains(['[', ']', '{', '}', '^', '~', '+']) {
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
        Lexeme::Or | Lexeme::Not | Lexeme::Open { .. } | Lexeme::Close => None,
    }
}

/// The query as typed, as a tree.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Expr {
    Item(Item),
    /// Every one of them.
    And(Vec<Expr>),
    /// Any of them.
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

/// Whether a lexeme can start an operand of `OR` or `NOT`.
fn is_positive_operand(lexeme: Option<&Lexeme>) -> bool {
    matches!(
        lexeme,
        Some(
            Lexeme::Text { negated: false, .. }
                | Lexeme::Quoted { negated: false, .. }
                | Lexeme::Open { negated: false }
        )
    )
}

/// Recursive descent over the lexemes: `and := or+`, `or := unary (OR unary)*`,
/// `unary := NOT atom | atom`, `atom := word | "phrase" | -word | ( and )`.
struct TreeParser<'a> {
    lexemes: &'a [Lexeme],
    pos: usize,
    depth: usize,
    notes: &'a mut Vec<String>,
    fallback: &'a mut bool,
}

impl TreeParser<'_> {
    fn note(&mut self, note: &str) {
        *self.fallback = true;
        if !self.notes.iter().any(|n| n == note) {
            self.notes.push(note.to_string());
        }
    }

    /// Items until the end (top level) or the closing parenthesis (`nested`).
    fn and(&mut self, nested: bool) -> Vec<Expr> {
        let mut terms = Vec::new();
        loop {
            match self.lexemes.get(self.pos) {
                None => {
                    if nested {
                        self.note("unclosed parenthesis: closed at the end of the query");
                    }
                    break;
                }
                Some(Lexeme::Close) => {
                    self.pos += 1;
                    if nested {
                        break;
                    }
                    self.note("`)` without `(`: it was ignored");
                }
                Some(Lexeme::Or) => {
                    self.pos += 1;
                    self.note("`OR` needs a word on each side; it was ignored");
                }
                Some(_) => terms.extend(self.or()),
            }
        }
        terms
    }

    fn or(&mut self) -> Option<Expr> {
        let mut alternatives: Vec<Expr> = self.unary().into_iter().collect();
        while let Some(Lexeme::Or) = self.lexemes.get(self.pos) {
            self.pos += 1;
            if alternatives.is_empty() || !is_positive_operand(self.lexemes.get(self.pos)) {
                self.note("`OR` needs a word on each side; it was ignored");
                continue;
            }
            alternatives.extend(self.unary());
        }
        match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Expr::Or(alternatives)),
        }
    }

    fn unary(&mut self) -> Option<Expr> {
        match self.lexemes.get(self.pos)? {
            Lexeme::Not => {
                self.pos += 1;
                if !is_positive_operand(self.lexemes.get(self.pos)) {
                    self.note("`NOT` needs a word after it; it was ignored");
                    return None;
                }
                self.atom().map(|e| Expr::Not(Box::new(e)))
            }
            Lexeme::Or | Lexeme::Close => None,
            _ => self.atom(),
        }
    }

    fn atom(&mut self) -> Option<Expr> {
        let lexeme = self.lexemes.get(self.pos)?;
        self.pos += 1;
        match lexeme {
            Lexeme::Open { negated } => {
                let negated = *negated;
                self.depth += 1;
                let inner = if self.depth > MAX_DEPTH {
                    self.note("parentheses nested too deep: the inner ones were ignored");
                    Vec::new()
                } else {
                    self.and(true)
                };
                self.depth -= 1;
                let expr = match inner.len() {
                    0 => return None,
                    1 => inner.into_iter().next()?,
                    _ => Expr::And(inner),
                };
                Some(if negated {
                    Expr::Not(Box::new(expr))
                } else {
                    expr
                })
            }
            Lexeme::Text { negated, .. } | Lexeme::Quoted { negated, .. } => {
                let negated = *negated;
                let item = item_of(lexeme, self.notes, self.fallback)?;
                Some(if negated {
                    Expr::Not(Box::new(Expr::Item(item)))
                } else {
                    Expr::Item(item)
                })
            }
            Lexeme::Or | Lexeme::Not | Lexeme::Close => None,
        }
    }
}

/// The terms of nested ANDs, in order.
fn flatten_and(terms: Vec<Expr>, out: &mut Vec<Expr>) {
    for term in terms {
        match term {
            Expr::And(inner) => flatten_and(inner, out),
            other => out.push(other),
        }
    }
}

/// The items of an expression, wherever they stand (the fallback of a group too large to write
/// in normal form: any of its items).
fn all_items(expr: &Expr, out: &mut Vec<Item>) {
    match expr {
        Expr::Item(item) => out.push(item.clone()),
        Expr::And(terms) | Expr::Or(terms) => terms.iter().for_each(|t| all_items(t, out)),
        Expr::Not(_) => {}
    }
}

/// An expression without negation as an AND of OR-groups; `None` when the groups would exceed
/// [`MAX_ITEMS`] (distributing an OR over ANDs multiplies them). Negations inside are left out
/// with a note (a group of alternatives cannot exclude).
fn normal_form(expr: &Expr, parser: &mut TreeParser<'_>) -> Option<Vec<Vec<Item>>> {
    match expr {
        Expr::Item(item) => Some(vec![vec![item.clone()]]),
        Expr::Not(_) => {
            parser.note("a negation inside an OR group is not supported; it was ignored");
            Some(Vec::new())
        }
        Expr::And(terms) => {
            let mut groups = Vec::new();
            for term in terms {
                groups.extend(normal_form(term, parser)?);
            }
            (groups.len() <= MAX_ITEMS).then_some(groups)
        }
        Expr::Or(alternatives) => {
            // (a1 AND a2) OR (b1 AND b2) = (a1 OR b1) (a1 OR b2) (a2 OR b1) (a2 OR b2).
            let mut product: Vec<Vec<Item>> = vec![Vec::new()];
            for alternative in alternatives {
                let groups = normal_form(alternative, parser)?;
                if groups.is_empty() {
                    continue;
                }
                let mut next = Vec::new();
                for left in &product {
                    for right in &groups {
                        let mut merged = left.clone();
                        for item in right {
                            if !merged.contains(item) {
                                merged.push(item.clone());
                            }
                        }
                        next.push(merged);
                    }
                }
                if next.len() > MAX_ITEMS {
                    return None;
                }
                product = next;
            }
            product.retain(|g| !g.is_empty());
            Some(product)
        }
    }
}

/// Parses a query string. Never fails; see the module doc.
pub fn parse(input: &str) -> ParsedQuery {
    let input = truncate(input, MAX_QUERY_BYTES);
    let mut notes = Vec::new();
    let mut fallback = false;
    let lexemes = lex(input, &mut notes, &mut fallback);

    let mut parser = TreeParser {
        lexemes: &lexemes,
        pos: 0,
        depth: 0,
        notes: &mut notes,
        fallback: &mut fallback,
    };
    let mut terms = Vec::new();
    flatten_and(parser.and(false), &mut terms);

    let mut parsed = ParsedQuery::default();
    for term in &terms {
        match term {
            Expr::Not(inner) => match inner.as_ref() {
                // NOT (a OR b) excludes each of them.
                Expr::Item(_) | Expr::Or(_) => {
                    let mut items = Vec::new();
                    all_items(inner, &mut items);
                    parsed.excluded.extend(items);
                }
                _ => parser.note(
                    "a negated group of several words is not supported; it was ignored (exclude each word with -word)",
                ),
            },
            positive => match normal_form(positive, &mut parser) {
                Some(groups) => parsed.groups.extend(groups),
                None => {
                    parser.note("a group with too many alternatives was searched as any of its words");
                    let mut items = Vec::new();
                    all_items(positive, &mut items);
                    items.dedup();
                    parsed.groups.push(items);
                }
            },
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

    fn w(word: &str) -> Item {
        Item::Word(word.to_string())
    }

    #[test]
    fn parentheses_group_alternatives() {
        let q = parse("(attaque OR embuscade) Ménaka");
        assert_eq!(
            q.groups,
            vec![vec![w("attaque"), w("embuscade")], vec![w("Ménaka")]]
        );
        assert!(!q.fallback, "{:?}", q.notes);
        let q = parse("(JNIM OR GSIM) -Wagner");
        assert_eq!(q.groups, vec![vec![w("JNIM"), w("GSIM")]]);
        assert_eq!(q.excluded, vec![w("Wagner")]);
        assert!(!q.fallback);
        // Parentheses glued to words, and a group of one.
        let q = parse("(Gao) attaque");
        assert_eq!(q.groups, words(&["Gao", "attaque"]));
    }

    #[test]
    fn nested_groups_are_written_in_normal_form() {
        // (a b) OR c = (a OR c) (b OR c).
        let q = parse("(frappe drone) OR bombardement Kidal");
        assert_eq!(
            q.groups,
            vec![
                vec![w("frappe"), w("bombardement")],
                vec![w("drone"), w("bombardement")],
                vec![w("Kidal")],
            ]
        );
        let q = parse("((attaque OR embuscade) (Gao OR Ansongo)) OR \"convoi attaqué\"");
        assert_eq!(q.groups.len(), 2);
        assert_eq!(
            q.groups[0],
            vec![
                w("attaque"),
                w("embuscade"),
                Item::Phrase("convoi attaqué".into())
            ]
        );
        assert!(!q.fallback, "{:?}", q.notes);
    }

    #[test]
    fn negated_groups_exclude_each_alternative() {
        let q = parse("attaque -(Gao OR Kidal) NOT (Wagner)");
        assert_eq!(q.groups, words(&["attaque"]));
        assert_eq!(q.excluded, vec![w("Gao"), w("Kidal"), w("Wagner")]);
        assert!(!q.fallback);
        // Exclusions inside a group of the top level still exclude.
        let q = parse("(attaque -Gao) Kidal");
        assert_eq!(q.groups, words(&["attaque", "Kidal"]));
        assert_eq!(q.excluded, vec![w("Gao")]);
    }

    #[test]
    fn unbalanced_or_unsupported_parentheses_are_noted() {
        let q = parse("(attaque OR embuscade Gao");
        assert_eq!(
            q.groups,
            vec![vec![w("attaque"), w("embuscade")], vec![w("Gao")]]
        );
        assert!(q.fallback && q.notes.iter().any(|n| n.contains("unclosed")));
        let q = parse("attaque) Gao");
        assert_eq!(q.groups, words(&["attaque", "Gao"]));
        assert!(q.fallback);
        // `OR -Gao` has no positive word after it: the OR is dropped, the exclusion stays.
        let q = parse("(attaque OR -Gao) Kidal");
        assert_eq!(q.groups, words(&["attaque", "Kidal"]));
        assert_eq!(q.excluded, vec![w("Gao")]);
        assert!(q.fallback && q.notes.iter().any(|n| n.contains("OR")));
        // An exclusion inside one alternative of an OR cannot be searched.
        let q = parse("(attaque -Gao) OR Kidal");
        assert_eq!(q.groups, vec![vec![w("attaque"), w("Kidal")]]);
        assert!(q.excluded.is_empty());
        assert!(q.fallback && q.notes.iter().any(|n| n.contains("negation")));
        let q = parse("-(attaque Gao) Kidal");
        assert_eq!(q.groups, words(&["Kidal"]));
        assert!(q.excluded.is_empty() && q.fallback);
        assert!(parse("()").groups.is_empty());
        assert!(parse(&"(".repeat(100)).groups.is_empty());
        let deep = format!("{}Gao{}", "(".repeat(20), ")".repeat(20));
        assert!(parse(&deep).fallback);
    }

    #[test]
    fn a_group_too_large_for_normal_form_is_any_of_its_words() {
        let q = parse("(a1 a2 a3 a4 a5) OR (b1 b2 b3 b4 b5)");
        assert_eq!(q.groups.len(), 1);
        assert_eq!(q.groups[0].len(), 10);
        assert!(q.fallback);
    }

    #[test]
    fn long_queries_are_bounded() {
        let q = parse(&"mot ".repeat(1000));
        assert_eq!(q.groups.len(), MAX_ITEMS);
    }
}
