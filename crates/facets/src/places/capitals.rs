//! Capitals named by their title: "la capitale malienne", "the Nigerien capital", "Burkina
//! Faso's capital", "la capitale du Niger", and "the capital" in a text about a single country,
//! or filed from one it names: that country's capital city.

use super::candidates::Candidate;
use super::context::{find_ascii_ci, words_after, words_before};
use super::cues::cues;
use super::demonyms::demonym_country;
use super::roles::capital_title_role;
use super::PlaceMention;
use crate::gazetteer::{EntryId, Gazetteer, PlaceKind, Source};

/// Importance of a country's capital in the built-in gazetteer.
pub(super) const CAPITAL_IMPORTANCE: u8 = 5;

/// What the text around one "capital" word is.
struct CapitalWord<'a> {
    start: usize,
    end: usize,
    /// `words_before(text, start, 3)` and `words_after(text, end, 3)`.
    before: Vec<String>,
    after: Vec<String>,
    cands: &'a [Candidate],
}

/// The capital cities the text names by their title, as mentions of the word "capital(e)".
pub(super) fn capital_mentions(
    text: &str,
    g: &Gazetteer,
    named: &[EntryId],
    cands: &[Candidate],
    demonyms: &[[u8; 2]],
    dateline: Option<[u8; 2]>,
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    // The countries of the places and demonyms of the text, read once if needed.
    let mut countries_named: Option<Vec<[u8; 2]>> = None;
    for (start, end) in capital_words(text) {
        if names_its_capital(text, cands, start, end) {
            continue;
        }
        let word = CapitalWord {
            start,
            end,
            before: words_before(text, start, 3),
            after: words_after(text, end, 3),
            cands,
        };
        let named_country = country_named_with(text, g, &word);
        if is_metaphor(&word.after, named_country.is_some()) {
            continue;
        }
        let country = named_country.or_else(|| {
            let countries = countries_named.get_or_insert_with(|| {
                let mut v: Vec<[u8; 2]> =
                    named.iter().map(|&id| g.entry(id).country_code).collect();
                v.extend_from_slice(demonyms);
                v.sort_unstable();
                v.dedup();
                v
            });
            // A text about one country; else the country it is filed from, when it names it
            // ("OUAGADOUGOU, Burkina Faso (AP) — … an attack on a hotel in the capital", the
            // text naming Mali and Niger too).
            let of_the_text = match countries.as_slice() {
                [only] => Some(*only),
                _ => dateline.filter(|d| countries.contains(d)),
            };
            of_the_text.filter(|_| word.is_generic())
        });
        let Some(capital) = country.and_then(|country| capital_city(g, country)) else {
            continue;
        };
        out.push(PlaceMention {
            start,
            end,
            entry: capital,
            role: capital_title_role(&word.before, &word.after),
        });
    }
    out
}

/// A capital that is no country's seat of government: "capitale économique", "the regional
/// capital", "la capitale nigérienne de l'oignon", "capitale du coton", "capital of cotton"
/// (`after`: the folded words after "capitale"; `names_country`: a country is named with it, as
/// in "la capitale du Mali").
fn is_metaphor(after: &[String], names_country: bool) -> bool {
    let of = |w: Option<&String>| {
        w.is_some_and(|w| matches!(w.as_str(), "de" | "du" | "des" | "d" | "of"))
    };
    let qualified = after.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "economique"
                | "economic"
                | "culturelle"
                | "cultural"
                | "religieuse"
                | "religious"
                | "spirituelle"
                | "spiritual"
                | "historique"
                | "historic"
                | "historical"
                | "commerciale"
                | "commercial"
                | "touristique"
                | "mondiale"
                | "regionale"
                | "regional"
                | "provinciale"
                | "provincial"
                | "administrative"
        )
    });
    // "la capitale nigérienne de l'oignon": a demonym, then what it is the capital of.
    qualified || of(after.get(1)) || !names_country && of(after.first())
}

/// The byte spans of the words "capital" and "capitale", in any case.
fn capital_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(start) = find_ascii_ci(bytes, from, b"capital") {
            let mut end = start + "capital".len();
            if bytes
                .get(end)
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'e'))
            {
                end += 1;
            }
            from = end;
            let bounded = !text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded {
                return Some((start, end));
            }
        }
        None
    })
}

/// Whether the title comes with its capital's name: right after ("the capital Ouagadougou",
/// found by the gazetteer), or in apposition before ("Djibo, capital of the Soum province",
/// "Kidal, the rebels' capital": the word describes that place, whichever it is).
fn names_its_capital(text: &str, cands: &[Candidate], start: usize, end: usize) -> bool {
    cands.iter().any(|c| c.start >= end && c.start <= end + 2)
        || cands.iter().any(|c| {
            c.end <= start && start - c.end <= 8 && {
                let gap = sahel_text::fold(&text[c.end..start]);
                let gap = gap.trim();
                gap.starts_with(',')
                    && matches!(
                        gap[1..].trim(),
                        "" | "the" | "la" | "le" | "a" | "une" | "l'"
                    )
            }
        })
}

impl CapitalWord<'_> {
    /// "the capital", "la capitale" alone: not a regional or economic capital, nor capital
    /// money.
    fn is_generic(&self) -> bool {
        let c = cues();
        self.before.first().is_some_and(|w| w == "the" || w == "la")
            && !self
                .before
                .get(1)
                .is_some_and(|w| c.capital_qualifier_before.contains(w))
            && !self
                .after
                .first()
                .is_some_and(|w| c.capital_qualifier_after.contains(w))
    }

    /// The country of the first candidate `near` the word that names a country, among those
    /// `keep` accepts.
    fn country_among(
        &self,
        g: &Gazetteer,
        near: impl Fn(&Candidate) -> bool,
        keep: impl Fn(&Candidate) -> bool,
    ) -> Option<[u8; 2]> {
        self.cands
            .iter()
            .filter(|c| near(c))
            .filter(|c| keep(c))
            .find_map(|c| {
                c.entries
                    .iter()
                    .find(|&&id| g.entry(id).kind == PlaceKind::Country)
                    .map(|&id| g.entry(id).country_code)
            })
    }
}

/// The country the title is said of: a demonym after or before it ("la capitale malienne", "the
/// Nigerien capital"), a country name just before it ("Burkina Faso's capital") or after "du",
/// "of" ("la capitale du Niger", not "capital of Burkina Faso's Soum province").
fn country_named_with(text: &str, g: &Gazetteer, word: &CapitalWord<'_>) -> Option<[u8; 2]> {
    let code = |w: &str| demonym_country(w).map(|c| [c.as_bytes()[0], c.as_bytes()[1]]);
    let (start, end) = (word.start, word.end);
    let country_before = word.country_among(g, |c| c.end <= start && start - c.end <= 3, |_| true);
    let country_after = (word.after.first().is_some_and(|w| w == "du" || w == "of"))
        .then(|| {
            word.country_among(
                g,
                |c| c.start >= end && c.start <= end + 8,
                // "capital of Burkina Faso's Soum province", "capitale du Mali central": the
                // capital of a part of the country.
                |c| !names_a_part_of_it(text, c.end),
            )
        })
        .flatten();
    word.after
        .first()
        .and_then(|w| code(w))
        .or_else(|| word.before.first().and_then(|w| code(w)))
        .or(country_before)
        .or(country_after)
}

/// The capital city of a country: its built-in locality of capital importance. Built-in
/// entries come first: the search stops at the first GeoNames entry.
fn capital_city(g: &Gazetteer, country: [u8; 2]) -> Option<EntryId> {
    g.entries()
        .take_while(|(_, e)| e.source == Source::Builtin)
        .find_map(|(id, e)| {
            (e.kind == PlaceKind::Locality
                && e.country_code == country
                && e.importance >= CAPITAL_IMPORTANCE)
                .then_some(id)
        })
}

/// Whether a country name ending at `end` is followed by what narrows it to one of its parts:
/// a possessive ("Burkina Faso's Soum province", "Mali's north") or a direction ("du Mali
/// central", "of northern Mali" is read before the name).
fn names_a_part_of_it(text: &str, end: usize) -> bool {
    let tail = &text[end..];
    if tail.starts_with("'s") || tail.starts_with("’s") {
        return true;
    }
    let c = cues();
    words_after(text, end, 1)
        .first()
        .is_some_and(|w| c.direction.contains(w) || c.country_part.contains(w))
}
