//! The words dates are made of, in French and English, as folded forms (lowercase, no accents).
//! Month and weekday names come from the workspace's one list, [`crate::calendar`].

use crate::calendar;

/// Month number of a folded month name or abbreviation, and whether it is an abbreviation (an
/// abbreviation only counts next to a day or a year: `sept` is also "seven", `mar` a weekday).
pub fn month(word: &str) -> Option<(u32, bool)> {
    calendar::month(word)
}

/// Whether a bare month name (no day, no year, no preposition) may be read as a month: English
/// `may` and `march` are common words, French `mars` and the rest are not.
pub fn month_is_unambiguous_alone(word: &str) -> bool {
    calendar::lookup(word).is_some_and(|w| w.is_full_month() && !w.common_word)
}

/// Whether a folded word is an English month name or abbreviation (`march`, `sept`): English
/// writes the month before the day.
pub fn is_english_month(word: &str) -> bool {
    calendar::is_english_month(word)
}

/// Weekday of a folded weekday name, Monday = 0.
pub fn weekday(word: &str) -> Option<u32> {
    calendar::weekday(word).map(|day| day - 1)
}

/// Value of a folded cardinal number word from one to thirty-one (single word only; compounds
/// like `dix-huit` and `vingt et un` are assembled by the grammar).
pub fn number_word(word: &str) -> Option<u32> {
    if !(2..=9).contains(&word.len()) {
        return None;
    }
    Some(match word {
        "un" | "une" | "one" => 1,
        "deux" | "two" => 2,
        "trois" | "three" => 3,
        "quatre" | "four" => 4,
        "cinq" | "five" => 5,
        "six" => 6,
        "sept" | "seven" => 7,
        "huit" | "eight" => 8,
        "neuf" | "nine" => 9,
        "dix" | "ten" => 10,
        "onze" | "eleven" => 11,
        "douze" | "twelve" => 12,
        "treize" | "thirteen" => 13,
        "quatorze" | "fourteen" => 14,
        "quinze" | "fifteen" => 15,
        "seize" | "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "vingt" | "twenty" => 20,
        "trente" | "thirty" => 30,
        _ => return None,
    })
}

/// The round count a French word of approximation stands for, folded: `une quinzaine de` (jours,
/// kilomètres) is about fifteen.
pub fn about_count(word: &str) -> Option<u32> {
    Some(match word {
        "dizaine" => 10,
        "douzaine" => 12,
        "quinzaine" => 15,
        "vingtaine" => 20,
        "trentaine" => 30,
        "quarantaine" => 40,
        "cinquantaine" => 50,
        "soixantaine" => 60,
        "centaine" => 100,
        _ => return None,
    })
}

/// Value of a folded ordinal word used for days (`premier`, `first`, `second`, …, `thirty-first`
/// is assembled by the grammar from `thirty` and `first`).
pub fn ordinal_word(word: &str) -> Option<u32> {
    if !(5..=11).contains(&word.len()) {
        return None;
    }
    Some(match word {
        "premier" | "premiere" | "first" => 1,
        "second" | "deuxieme" => 2,
        "third" | "troisieme" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Suffixes glued to a day number: `1er`, `2e`, `3eme`, `1st`, `2nd`, `3rd`, `4th`.
pub fn is_ordinal_suffix(word: &str) -> bool {
    matches!(
        word,
        "er" | "ere" | "e" | "eme" | "ieme" | "st" | "nd" | "rd" | "th"
    )
}

/// Calendar units of `il y a trois jours`, `two weeks ago`, `dans deux mois`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

pub fn unit(word: &str) -> Option<Unit> {
    match word {
        "jour" | "jours" | "day" | "days" | "journee" | "journees" => Some(Unit::Day),
        "semaine" | "semaines" | "week" | "weeks" => Some(Unit::Week),
        "mois" | "month" | "months" => Some(Unit::Month),
        "an" | "ans" | "annee" | "annees" | "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

/// "plus tôt que prévu", "comme prévu", "earlier than scheduled", "as scheduled": what happened
/// compared with a plan, no plan of the future.
pub fn compared_with_a_plan(previous: Option<&str>, word: &str) -> bool {
    matches!(previous, Some("que" | "qu" | "comme" | "than" | "as"))
        && matches!(
            word,
            "prevu" | "prevue" | "prevus" | "prevues" | "scheduled" | "slated" | "fixee" | "fixees"
        )
}

/// A verb of planning, `word` between `previous` and `next` (folded): "Partners plan a joint
/// assessment on Wednesday", "the army plans to reopen the road on Monday", "les partenaires
/// prévoient une évaluation mercredi". Not the noun: "the plan to license", "Bissa Gold's plans
/// to expand", "its plans".
pub fn plans_ahead(previous: Option<&str>, word: &str, next: Option<&str>) -> bool {
    let noun_before = previous.is_none_or(|p| {
        is_determiner(p) || matches!(p, "our" | "s" | "new" | "any" | "no" | "of" | "such")
    });
    matches!(word, "prevoit" | "prevoient")
        || matches!(word, "plan" | "plans" | "planning")
            && matches!(next, Some("a" | "an" | "to" | "the"))
            && !noun_before
}

/// What is due or expected to happen, `word` between `previous` and `next`, then `after`
/// (folded): "training is due to start in December", "the convoy is expected to reach Djibo on
/// Friday", "talks are set to resume on Monday". Not "the delay is due to heavy rains" (a
/// cause), nor the past ("was due to start on Monday").
pub fn due_to_happen(
    previous: Option<&str>,
    word: &str,
    next: Option<&str>,
    after: Option<&str>,
) -> bool {
    matches!(previous, Some("is" | "are"))
        && matches!(word, "due" | "expected" | "set")
        && next == Some("to")
        && after.is_some_and(|w| {
            if word == "due" {
                // "due to" is also a cause: only before a verb of what is scheduled.
                matches!(
                    w,
                    "start"
                        | "begin"
                        | "resume"
                        | "open"
                        | "reopen"
                        | "close"
                        | "end"
                        | "arrive"
                        | "leave"
                        | "return"
                        | "meet"
                        | "hold"
                        | "take"
                        | "be"
                        | "sign"
                        | "travel"
                        | "visit"
                        | "vote"
                        | "expire"
                        | "run"
                        | "last"
                )
            } else {
                !is_determiner(w)
            }
        })
}

/// An English article, possessive or demonstrative, folded: what stands before a noun ("the
/// plan", "its plans", "expected to the"), not before a verb.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those"
    )
}

/// A call to act, `word` then `next` and `after` (folded): "des organisations appellent à
/// manifester samedi", "un appel à marcher dimanche": the act is to come. Not a call to a noun
/// ("appel à la grève", where the day may be the call's).
pub fn calls_to_act(word: &str, next: Option<&str>, after: Option<&str>) -> bool {
    matches!(
        word,
        "appelle" | "appellent" | "appelait" | "appelaient" | "appelant" | "appel"
    ) && next == Some("a")
        && after.is_some_and(|w| {
            w.len() > 4 && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
        })
}

/// Words that put a sentence in the future (announcements, schedules): dates in such a sentence
/// resolve forward from the publication date instead of backward. `next` is the folded word after
/// `word` (`à venir`, `aura lieu`). Besides the listed words, French simple-future third persons
/// (`accueilleront`, `débuteront`, `reprendra`, and `-era` forms of eight letters or more such as
/// `organisera`) count.
pub fn is_future_cue(word: &str, next: Option<&str>) -> bool {
    if word == "a" && next == Some("venir") {
        return true;
    }
    // "a border town next to Mauritania": a place, not a time.
    if word == "next" && next == Some("to") {
        return false;
    }
    // Every cue below has at least three letters.
    if word.len() < 3 {
        return false;
    }
    let future_ending = word.ends_with("eront")
        || word.ends_with("iront")
        || word.ends_with("endra")
        || word.ends_with("endront")
        || (word.len() >= 8 && word.ends_with("era"));
    if word.len() >= 6 && future_ending {
        return true;
    }
    matches!(
        word,
        "prochain"
            | "prochaine"
            | "prochains"
            | "prochaines"
            | "sera"
            | "seront"
            | "aura"
            | "auront"
            | "tiendra"
            | "tiendront"
            | "prevu"
            | "prevue"
            | "prevus"
            | "prevues"
            | "devra"
            | "devront"
            | "fera"
            | "feront"
            | "debutera"
            | "commencera"
            | "reprendra"
            | "will"
            | "scheduled"
            | "slated"
            | "fixee"
            | "fixees"
            | "jouera"
            | "joueront"
            | "upcoming"
            | "next"
            | "shall"
            | "ira"
            | "iront"
            | "viendra"
            | "viendront"
    )
}
