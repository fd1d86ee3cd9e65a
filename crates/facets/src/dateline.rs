//! Datelines: the place a report was filed or signed from, with its date, opening a line
//! ("BAMAKO, 12 mars (AFP) -", "Bamako, le 18 septembre 2023", "Fait à Bamako, le …") or closing
//! one ("…, communiqué officiel, Bamako, 9 février 2026"). The one definition of the workspace:
//! the place rules give such a place the `dateline` role, the publication-date reader reads the
//! date after it, and the indexer's title cleanup takes the lead sentence after it.
//!
//! ```
//! use sahel_facets::dateline::is_dateline;
//! let text = "BAMAKO, 12 mars (AFP) - Des hommes armés ont attaqué Léré.";
//! assert!(is_dateline(text, 0, "BAMAKO".len()));
//! let at = text.find("Léré").unwrap();
//! assert!(!is_dateline(text, at, at + "Léré".len()));
//! ```

use crate::calendar;

/// Characters of markup and decoration that may come before a dateline's place on its line
/// (markdown emphasis, headings, quotes, list dashes, table bars, rules).
pub(crate) const DECORATION: [char; 8] = ['*', '#', '_', '>', '-', '|', '=', '~'];

/// What may follow the place of a dateline, after spaces and emphasis: the punctuation before its
/// date or agency.
const PLACE_ENDS: [char; 6] = [',', '(', '-', '–', '—', ':'];

/// How far after the place a dateline's date or agency is looked for, in bytes.
const DATE_REACH: usize = 50;

/// A line this long after a place and a dash is a paragraph, not a headline: the place is its
/// dateline.
const PARAGRAPH_BYTES: usize = 120;

/// News agencies whose name in a dateline stands for its date ("NIAMEY (Reuters) -").
const AGENCIES: [&str; 3] = ["afp", "reuters", "ap"];

/// Whether the name at `start..end` of `text` is where the text was filed or signed: it opens
/// its line (after decoration, or after "Fait à") and is followed on that line by a date or an
/// agency ("BAMAKO, 12 mars (AFP) -", "Fait à Bamako, le …"), or it is followed by a date that
/// ends its line ("…, communiqué officiel, Bamako, 9 février 2026").
pub fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let lead = text[line_start..start]
        .trim_matches(|c: char| c.is_whitespace() || DECORATION.contains(&c));
    // "(Nairobi, April 25, 2024) -": a dateline in brackets.
    let lead = lead.strip_prefix('(').map_or(lead, str::trim_start);
    // "LONDON/OUAGADOUGOU, Oct 19 (Reuters) -": a first place in capitals before a slash.
    let first_of_two = lead.strip_suffix('/').is_some_and(|first| {
        first.chars().any(char::is_alphabetic)
            && first
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '\''))
    });
    if !(lead.is_empty()
        || first_of_two
        || folds_to_any(lead, &["fait a", "fait a:", "done at", "done in"]))
    {
        return is_closing_signature(text, end);
    }
    let rest = &text[end..];
    let rest = rest.trim_start_matches([' ', '*', '_']);
    // "BAMAKO/ALGIERS, April 7 (Reuters) -": a second place after a slash.
    let rest = match rest.strip_prefix('/') {
        Some(second) => second.trim_start_matches(|c: char| c.is_alphabetic() || c == ' '),
        None => rest,
    };
    if !rest.starts_with(PLACE_ENDS) {
        return false;
    }
    // "DORI — Des hommes armés…": a place in capitals opening its line, then a dash, is a
    // dateline without a date.
    let name = &text[start..end];
    if rest.starts_with(['—', '–', '-'])
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !name.chars().any(char::is_lowercase)
    {
        return true;
    }
    // A dateline's date or agency is on its line: "Koutiala : un engin explosif tue deux
    // civils" over a date line is a headline naming the event place.
    let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
    // "Bamako - Médecins Sans Frontières (MSF) teams have treated…": a place opening its line
    // (no list dash before it), a dash and a whole paragraph, longer than any headline.
    if line_start == start && rest.starts_with(['—', '–', '-']) && rest.len() >= PARAGRAPH_BYTES
    {
        return true;
    }
    let mut to = DATE_REACH.min(rest.len());
    while !rest.is_char_boundary(to) {
        to -= 1;
    }
    let folded = sahel_text::fold(&rest[..to]);
    folded.chars().any(|c| c.is_ascii_digit())
        || words(&folded).any(|w| calendar::month(w).is_some() || AGENCIES.contains(&w))
}

/// Longest date after a signature's place, in bytes.
const SIGNATURE_DATE_BYTES: usize = 40;

/// A place followed by a date that ends its line ("…, communiqué officiel, Bamako, 9 février
/// 2026"): a signature, wherever it sits on the line.
fn is_closing_signature(text: &str, end: usize) -> bool {
    let line_end = text[end..]
        .find('\n')
        .map(|i| end + i)
        .unwrap_or(text.len());
    let rest = text[end..line_end].trim();
    let Some(date) = rest.strip_prefix(',') else {
        return false;
    };
    // At most five words of a date ("le 1er février 2026"): a longer rest is no signature, and
    // is not folded (a name followed by a comma in a long one-line text).
    if date.len() > SIGNATURE_DATE_BYTES {
        return false;
    }
    let folded = sahel_text::fold(date);
    let date_words: Vec<&str> = words(&folded).collect();
    let is_month = |w: &str| calendar::month(w).is_some();
    let has_month = date_words.iter().any(|w| is_month(w));
    let has_year = date_words
        .iter()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    let only_date = date_words.iter().all(|w| {
        is_month(w) || w.chars().all(|c| c.is_ascii_digit()) || matches!(*w, "le" | "er" | "1er")
    });
    has_month && has_year && only_date && date_words.len() <= 5
}

/// The runs of letters and digits of a text.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether `sahel_text::fold(text)` is one of `targets`, folding only as far as the longest
/// target (folding works a character at a time, so the fold of a prefix is a prefix of the fold).
fn folds_to_any(text: &str, targets: &[&str]) -> bool {
    let longest = targets.iter().map(|t| t.len()).max().unwrap_or(0);
    let mut folded = String::new();
    let mut utf8 = [0u8; 4];
    for c in text.chars() {
        sahel_text::fold_into(c.encode_utf8(&mut utf8), &mut folded);
        if folded.len() > longest {
            return false;
        }
    }
    targets.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, name: &str) -> bool {
        let start = text
            .find(name)
            .unwrap_or_else(|| panic!("{name} in {text}"));
        is_dateline(text, start, start + name.len())
    }

    #[test]
    fn closing_signature_is_a_dateline() {
        let t = "Texte.\nÉtat-major – FAMa, communiqué officiel, Bamako, 9 février 2026\n";
        assert!(at(t, "Bamako"));
        let t = "Une attaque a visé Gao, le 12 septembre 2023, faisant trois morts.";
        assert!(!at(t, "Gao"));
    }

    #[test]
    fn dateline_shapes() {
        assert!(at("BAMAKO, 12 mars (AFP) - Des hommes armés", "BAMAKO"));
        assert!(at(
            "Texte.\nFait à Bamako, le 18 septembre 2023\n",
            "Bamako"
        ));
        assert!(at("**NIAMEY** (Reuters) - Des hommes", "NIAMEY"));
        // The decoration the publication-date reader skips, table bars and rules included.
        assert!(at("| BAMAKO, 12 mars (AFP) - Des hommes", "BAMAKO"));
        assert!(at("~ Djado - 13 sept\nTexte.", "Djado"));
        assert!(!at("Les FAMa à Bamako, le 18 septembre", "Bamako"));
        assert!(at(
            "BAMAKO/ALGIERS, April 7 (Reuters) - Mali recalled its ambassador.",
            "BAMAKO"
        ));
        assert!(at(
            "LONDON/OUAGADOUGOU, Oct 19 (Reuters) - Endeavour poured first gold.",
            "OUAGADOUGOU"
        ));
        assert!(!at("Attaque à Léré/Niono : deux morts", "Niono"));
        let paragraph = "Bamako - Les équipes d'une ONG médicale ont soigné quatorze blessés \
            après l'attaque d'un village du cercle de Bankass, vendredi, selon un communiqué.";
        assert!(at(paragraph, "Bamako"));
        assert!(!at("Koro - deux civils tués par une mine\nTexte.", "Koro"));
        let item = format!("- *Koro* {}", &paragraph["Bamako ".len()..]);
        assert!(!at(&item, "Koro"), "a list item's place is no dateline");
        assert!(!at(
            "Koutiala : un engin explosif tue deux civils\n12 mars 2024",
            "Koutiala"
        ));
    }
}
