//! Roles: what each place is to the report. Every role decision is here:
//!
//! - [`role_of`], for each resolved name: `dateline` (where the report was filed or signed, see
//!   [`crate::dateline`]); `mention` when it is where people went or came from, a town a distance
//!   is measured from, where someone spoke, where an institution sat (a council, a court), where
//!   people fled from, a capital standing for its government, the unit in an official's title,
//!   or a country named as a member of an alliance, across a border or in a list of countries;
//!   else `event` (where things happened);
//! - [`share_listed_roles`]: a place listed right after a passing mention shares its role;
//! - [`demote_located_route_ends`]: the ends of a road are passing mentions when a town along it
//!   locates the events, and one end is when the other is named again apart from the road;
//! - [`demote_former_extents`]: a region named by its former extent ("Kayes region" around Diéma,
//!   now in Nioro) is a passing mention beside a town of one of its successors;
//! - [`capital_title_role`]: a capital named by its title ("la capitale malienne").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::candidates::Candidate;
use super::capitals::CAPITAL_IMPORTANCE;
use super::context::{
    window_start, words, words_after, words_before, words_before_through_brackets,
};
use super::cues::cues;
use super::roads::{along, pair, route_ends};
use super::PlaceMention;
use crate::dateline::is_dateline;
use crate::gazetteer::{Entry, EntryId, Gazetteer, PlaceKind};

/// What a place is to the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    /// Where the reported events happened.
    Event,
    /// Where the report was signed or filed from ("Bamako, le 18 septembre 2023").
    Dateline,
    /// A passing mention.
    Mention,
}

impl PlaceRole {
    /// Every role, in order.
    pub const ALL: [PlaceRole; 3] = [PlaceRole::Event, PlaceRole::Dateline, PlaceRole::Mention];

    /// The role's one spelling (`event`, `dateline`, `mention`): the JSON value, the stored
    /// value, the API's.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceRole::Event => "event",
            PlaceRole::Dateline => "dateline",
            PlaceRole::Mention => "mention",
        }
    }
}

impl fmt::Display for PlaceRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is no place role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown place role {0:?} (expected event, dateline or mention)")]
pub struct UnknownPlaceRole(pub String);

impl FromStr for PlaceRole {
    type Err = UnknownPlaceRole;

    /// The role of its spelling in [`PlaceRole::as_str`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PlaceRole::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownPlaceRole(s.to_string()))
    }
}

/// The role of candidate `c` resolved to `id`, among all the candidates of the text.
pub(super) fn role_of(
    text: &str,
    g: &Gazetteer,
    c: &Candidate,
    id: EntryId,
    all: &[Candidate],
) -> PlaceRole {
    if is_dateline(text, c.start, c.end) {
        return PlaceRole::Dateline;
    }
    let e = g.entry(id);
    let passing = went_or_came_from(text, c)
        // "Kati, à 15 km de Bamako", "the village of Inata, 30 km north of Djibo": the town a
        // distance is measured from locates the place named before it in the sentence; a
        // capital is a landmark wherever ("a day trip to the reserve, 60 km from Niamey").
        || measured_from(text, c) && (is_capital(e) || follows_a_place(text, g, c, all))
        // "in Kangaba district, south-west of the capital": a direction from the capital locates
        // the place named before it. Not from other towns: "Tiro, north of Matiakoali" is where
        // the town is the surer name (a small place may be read as its homonym).
        || is_direction_reference(&c.before)
            && is_capital(e)
            && follows_a_place(text, g, c, all)
        // "200 kilometers north of the capital, Niamey": the capital named after its title.
        || is_capital(e) && capital_title_landmark(&c.before)
        // "une embuscade à proximité de Niamey", "near Bamako": a capital locates what happened
        // in the country around it.
        || is_capital(e) && near_a_landmark(past_capital_title(&c.before))
        // "l'ensemble du territoire, à l'exception de la ville de Niamey": left out.
        || c.before.iter().take(5).any(|w| cues().exception.contains(w))
        // "Government officials in Bamako did not respond to requests for comment": where
        // officials who speak sit (not "attacked the homes of officials in Ouahigouya").
        || c.before.first().is_some_and(|w| matches!(w.as_str(), "in" | "a" | "at"))
            && c.before.get(1).is_some_and(|w| cues().officials.contains(w))
            && words_after(text, c.end, SAYING_WINDOW)
                .iter()
                .any(|w| cues().saying.contains(w) || cues().comment.contains(w))
        // "Mali : après Bourem, les rebelles attaquent Léré": the earlier event.
        || c.before.first().is_some_and(|w| w == "apres" || w == "after")
        // "à Kantchari, sur la route nationale reliant Fada N'Gourma à la frontière": the town a
        // road leads to, after the place it locates.
        || names_a_road(&c.before) && follows_a_place(text, g, c, all)
        || ends_or_passes_a_road(&c.before, e.kind == PlaceKind::Locality)
        || c.before.len() == 5
            && ends_or_passes_a_road(
                &words_before(text, c.start, ROAD_WINDOW),
                e.kind == PlaceKind::Locality,
            )
        || spoken_from(&c.before)
        || at_a_venue(text, c)
        || said_there(text, c)
        || learnt_or_taken_there(text, c)
        || fled_from(text, c)
        || c.before.iter().take(3).any(|w| cues().contacted.contains(w))
        || by_phone_from(&c.before)
        || settled_in(text, c)
        || where_a_statement_was_read(text, c)
        || stands_for_its_government(text, e, c)
        || in_an_official_title(text, e, c)
        || e.kind == PlaceKind::Country && country_in_passing(text, g, c, all)
        || reached_or_left(&c.before)
        || across_a_border(&words_before(text, c.start, BORDER_GAP + 2))
        || is_neighbour(&c.before, &c.after)
        || names_people_or_a_seat(&c.before)
        || names_a_team(text, c, all)
        || in_a_memo_header(text, c)
        || cared_for_at(text, c);
    if passing {
        PlaceRole::Mention
    } else {
        PlaceRole::Event
    }
}

/// "spoke by phone from Kidal", "joint par téléphone depuis Ségou": where a source spoke from
/// (not "a mobile phone in Douentza").
fn by_phone_from(before: &[String]) -> bool {
    match before {
        [at, phone, by, ..] => {
            matches!(at.as_str(), "from" | "in" | "depuis" | "a" | "de")
                && matches!(phone.as_str(), "phone" | "telephone")
                && matches!(by.as_str(), "by" | "par")
        }
        _ => false,
    }
}

/// "evacuated to Gao", "headed south to Bamako", "returning from Bamako": where people went or
/// came from, not where things happened; through the name of a facility, further back.
fn went_or_came_from(text: &str, c: &Candidate) -> bool {
    let before = &c.before;
    // "the convoy, which had left Gao for Kidal, was attacked", "the team left Mopti this
    // morning for Bankass": the start of a journey made before what happened ("a truck leaving
    // Gao for Ayorou was attacked" may be near Gao).
    let journey_start = before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "left" | "quitte"))
        && words_after(text, c.end, 4)
            .iter()
            .any(|w| matches!(w.as_str(), "for" | "pour" | "vers" | "towards" | "toward"));
    journey_start
        || is_destination_or_origin(before)
        || before.len() == 5
            && (before
                .iter()
                .any(|w| cues().facility.contains(w) || cues().hedge.contains(w))
                || past_a_long_origin(before))
            && is_destination_or_origin(&words_before(text, c.start, FACILITY_WINDOW))
}

/// Whether the words before a name (nearest first) go to it past a long origin's name, which
/// may fill the five words a candidate reads: "travelling from Fada N'Gourma to Kantchari", "se
/// réfugier à Goudoumaria et même jusqu'à Gouré".
fn past_a_long_origin(before: &[String]) -> bool {
    before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "to" | "vers" | "a"))
        && before
            .iter()
            .take(5)
            .any(|w| matches!(w.as_str(), "from" | "de" | "depuis" | "jusqu"))
}

/// Where someone spoke, met or is posted ("a déclaré à Bamako", "our correspondent in Gao"), but
/// not "in the capital of Bamako", "dans la capitale Bamako" (where things happen).
fn spoken_from(before: &[String]) -> bool {
    let in_the_capital = before
        .iter()
        .position(|w| w == "capital" || w == "capitale")
        .is_some_and(|i| {
            i <= 1
                && before[i + 1..before.len().min(i + 3)].iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "at" | "a" | "dans" | "of" | "de" | "into" | "across" | "around"
                    )
                })
        });
    !in_the_capital && cues().speech.any_of(&before[..before.len().min(4)])
}

/// How many words before a name [`at_a_venue`] reads.
const VENUE_WINDOW: usize = 10;

/// "le Conseil des ministres, réuni hier à Ouagadougou", "before the Court of Assizes in Bamako",
/// "the national assembly in Ouagadougou adopted": where an institution sits, when its sentence
/// tells no incident, but for what was said there (before a verb of saying that comes before the
/// institution).
fn at_a_venue(text: &str, c: &Candidate) -> bool {
    let cues = cues();
    let at_or_of = |w: &String| {
        matches!(
            w.as_str(),
            "a" | "au" | "in" | "at" | "de" | "d" | "du" | "of"
        )
    };
    if !c.before.first().is_some_and(at_or_of) {
        return false;
    }
    let before = words_before(text, c.start, VENUE_WINDOW);
    if !before.iter().any(|w| cues.venue.contains(w)) {
        return false;
    }
    // The sentence tells no incident (words of meeting and speaking aside: "réuni"), but for
    // what was said before a verb of saying that comes before the institution ("« 79 corps ont
    // été retrouvés », a indiqué le porte-parole à l'issue du Conseil des ministres à
    // Ouagadougou").
    let from = text[..c.start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let to = text[c.end..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |i| c.end + i);
    let head = sahel_text::fold(&text[from..c.start]);
    let head: Vec<&str> = words(&head).collect();
    let venue = head
        .iter()
        .rposition(|w| cues.venue.contains(w))
        .unwrap_or(0);
    let said = head[..venue]
        .iter()
        .rposition(|w| cues.speech.contains(w))
        .map_or(0, |i| i + 1);
    let untold =
        |w: &str| !cues.is_incident(w) || cues.speech.contains(w) || cues.venue.contains(w);
    head[said..].iter().all(|w| untold(w)) && words(&sahel_text::fold(&text[c.end..to])).all(untold)
}

/// How many words after a name [`said_there`] reads.
const SAYING_WINDOW: usize = 12;

/// "À Ouagadougou, l'état-major assure que…", "In Niamey, the ministry said…": a place opening
/// its sentence, then a verb of saying before any word of an incident: where it was said.
fn said_there(text: &str, c: &Candidate) -> bool {
    let opens = c.before.len() == 1
        && matches!(c.before[0].as_str(), "a" | "in" | "at")
        && text[c.end..].trim_start().starts_with(',');
    if !opens {
        return false;
    }
    let cues = cues();
    for w in words_after(text, c.end, SAYING_WINDOW) {
        if cues.saying.contains(&w) {
            return true;
        }
        if cues.is_incident(&w) {
            return false;
        }
    }
    false
}

/// "a-t-on appris de sources locales et hospitalières à Zinder", "learnt from residents in
/// Kaya": where news was learnt; and "à Bobo-Dioulasso, où plusieurs blessés ont été évacués":
/// where the wounded were taken.
fn learnt_or_taken_there(text: &str, c: &Candidate) -> bool {
    let at = c
        .before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "in" | "at" | "au"));
    if !at {
        return false;
    }
    let learnt = words_before(text, c.start, LEARNT_WINDOW)
        .iter()
        .any(|w| matches!(w.as_str(), "appris" | "apprend" | "learnt" | "learned"));
    let rest = text[c.end..].trim_start();
    let taken = ["où", "where"].iter().any(|w| {
        rest.strip_prefix(',')
            .map(str::trim_start)
            .is_some_and(|r| r.starts_with(w))
    }) && words_after(text, c.end, LEARNT_WINDOW)
        .iter()
        .any(|w| cues().care.contains(w));
    learnt || taken
}

/// How many words around a name [`learnt_or_taken_there`] reads.
const LEARNT_WINDOW: usize = 8;

/// How many words before a name [`fled_from`] reads.
const FLIGHT_WINDOW: usize = 9;

/// "avoir fui l'insécurité dans les départements de Téra", "fled the fighting in Ménaka": where
/// people fled from, a word of fleeing at most four words before "dans"/"in" and the name.
fn fled_from(text: &str, c: &Candidate) -> bool {
    let before = words_before(text, c.start, FLIGHT_WINDOW);
    let at = skip_unit_words(&before);
    before.get(at).is_some_and(|w| {
        matches!(
            w.as_str(),
            "dans" | "in" | "en" | "around" | "autour" | "near" | "pres"
        )
    }) && before
        .iter()
        .skip(at + 1)
        .take(4)
        .any(|w| cues().flight.contains(w))
}

/// Whether a place is a national capital.
fn is_capital(e: &Entry) -> bool {
    e.kind == PlaceKind::Locality && e.importance >= CAPITAL_IMPORTANCE
}

/// A capital standing for its government ("les autorités de Bamako", "Niamey a dénoncé"), not
/// "à Bamako, …".
fn stands_for_its_government(text: &str, e: &Entry, c: &Candidate) -> bool {
    if !is_capital(e) {
        return false;
    }
    let (before, after) = (&c.before, &c.after);
    let cues = cues();
    // The second of a pair: "la coopération militaire entre Abuja et Niamey".
    let paired = || {
        before
            .iter()
            .position(|w| w == "entre" || w == "between")
            .is_some_and(|i| {
                (2..=3).contains(&i)
                    && matches!(before[0].as_str(), "et" | "and")
                    && cues
                        .government
                        .any_of(&before[i + 1..before.len().min(i + 3)])
            })
    };
    // "Bamako's authorities", "Niamey's junta".
    let possessive = after.first().is_some_and(|w| w == "s")
        && after.get(1).is_some_and(|w| cues.government.contains(w));
    cues.government.any_of(&before[..before.len().min(2)])
        || paired()
        || possessive
        || (after
            .first()
            .is_some_and(|w| cues.government_verb.contains(w))
            || negated_comment(text, c.end))
            && !before
                .first()
                .is_some_and(|w| w == "a" || w == "in" || w == "at")
}

/// "Niamey n'avait pas réagi", "Bamako ne commente pas": a capital as the subject of a negated
/// word of comment (not "Bamako ne peut plus se croire à l'abri", the town itself).
fn negated_comment(text: &str, end: usize) -> bool {
    let after = words_after(text, end, 4);
    after.first().is_some_and(|w| w == "n" || w == "ne")
        && after.iter().skip(1).any(|w| {
            cues().comment.contains(w)
                || cues().government_verb.contains(w) && !matches!(w.as_str(), "a" | "ont")
        })
}

/// "le gouverneur de la région du Goulmou", "the governor of Mopti region": a title.
fn in_an_official_title(text: &str, e: &Entry, c: &Candidate) -> bool {
    let official = &cues().official;
    let unit =
        matches!(e.kind, PlaceKind::Region | PlaceKind::District) || c.region_cue || c.district_cue;
    unit && (official.any_of(&c.before)
        || c.before.len() == 5 && official.any_of(&words_before(text, c.start, 7)))
}

/// A country named as a member of an alliance, across a border, listed with other countries
/// ("Mali, Burkina, Niger" are members, not event places) or in brackets after a place.
fn country_in_passing(text: &str, g: &Gazetteer, c: &Candidate, all: &[Candidate]) -> bool {
    if cues().alliance.any_of(&c.before) || c.names_a_border() {
        return true;
    }
    let listed = all.iter().any(|o| {
        o.start != c.start
            && o.entries
                .iter()
                .any(|&x| g.entry(x).kind == PlaceKind::Country)
            && {
                let (a, b) = if o.start < c.start {
                    (o.end, c.start)
                } else {
                    (c.end, o.start)
                };
                b >= a && b - a <= 12 && is_list_glue(&sahel_text::fold(&text[a..b]))
            }
    });
    listed || text[..c.start].trim_end().ends_with('(')
}

/// What may stand between two items of a list of countries: punctuation and the words of an
/// enumeration ("Mali, Burkina Faso et Niger", "entre le Niger, le Mali et le Burkina Faso",
/// "de Mauritanie, d'Algérie", "Mali and the Niger").
pub(crate) fn is_list_glue(folded_gap: &str) -> bool {
    words(folded_gap).all(|w| {
        matches!(
            w,
            "et" | "and"
                | "ou"
                | "or"
                | "le"
                | "la"
                | "les"
                | "l"
                | "d"
                | "de"
                | "du"
                | "des"
                | "the"
        )
    }) && folded_gap
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '/' | '-' | '\''))
}

/// Whether the words before a name (nearest first) measure a distance from it: "de"/"of"/"from"
/// after a word of distance, with at most a direction between ("15 km au nord-est de",
/// "20 kilometres north of", "30 km from").
fn is_distance_reference(before: &[String]) -> bool {
    if !before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "of" | "from"))
    {
        return false;
    }
    // "110 km from the town of Mopti", "à 40 km de la ville de Kaya": past the town's title.
    let titled = before
        .get(1)
        .is_some_and(|w| matches!(w.as_str(), "town" | "city" | "ville" | "localite"))
        && before
            .get(2)
            .is_some_and(|w| matches!(w.as_str(), "the" | "la" | "l"))
        && before
            .get(3)
            .is_some_and(|w| matches!(w.as_str(), "of" | "de" | "d" | "du" | "from"));
    if titled {
        return is_distance_reference(&before[3..]);
    }
    let c = cues();
    for w in before.iter().skip(1).take(4) {
        if c.distance.contains(w) {
            return true;
        }
        if !(c.direction.contains(w) || matches!(w.as_str(), "au" | "a" | "l")) {
            return false;
        }
    }
    false
}

/// Bytes before a name in which a closing bracket is looked for by [`measured_from`].
const BRACKET_BYTES: usize = 40;

/// [`is_distance_reference`] of the words before a candidate, read through a short bracket
/// ("60 kilometres (40 miles) southeast of Niamey").
fn measured_from(text: &str, c: &Candidate) -> bool {
    is_distance_reference(&c.before)
        || text[window_start(text, c.start, BRACKET_BYTES)..c.start].contains(')')
            && is_distance_reference(&words_before_through_brackets(text, c.start, 6))
}

/// The words before a capital's name (nearest first) past its title: "the capital" in "just
/// outside the capital Bamako", "la capitale" in "près de la capitale, Niamey".
fn past_capital_title(before: &[String]) -> &[String] {
    if !before
        .first()
        .is_some_and(|w| w == "capital" || w == "capitale")
    {
        return before;
    }
    let article = before[1..]
        .iter()
        .take_while(|w| matches!(w.as_str(), "the" | "la" | "l"))
        .count();
    &before[1 + article..]
}

/// Whether the words before a name (nearest first) say "near" it: "près de", "à proximité de",
/// "aux environs de", "near", "outside", "the closest to".
fn near_a_landmark(before: &[String]) -> bool {
    match before.first().map(String::as_str) {
        Some("near" | "outside") => true,
        // "the closest to Bamako", "close to the capital".
        Some("to") => before
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "close" | "closer" | "closest" | "nearest")),
        Some("de" | "d" | "of") => before
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "pres" | "proximite" | "environs" | "vicinity")),
        _ => false,
    }
}

/// Whether the words before a capital's name (nearest first) are its title after a distance or a
/// direction: "north of the capital, Niamey", "à 60 km de la capitale nigérienne, Niamey".
fn capital_title_landmark(before: &[String]) -> bool {
    let Some(k) = before
        .iter()
        .take(2)
        .position(|w| w == "capital" || w == "capitale")
    else {
        return false;
    };
    landmark_past_articles(&before[k + 1..])
}

/// Whether the words before a name (nearest first), past "the"/"la"/"l'", measure a distance or
/// give a direction from it ("à 60 km de la capitale", "south-west of the capital").
fn landmark_past_articles(before: &[String]) -> bool {
    let article = before
        .iter()
        .take_while(|w| matches!(w.as_str(), "the" | "la" | "l"))
        .count();
    let rest = &before[article..];
    is_distance_reference(rest) || is_direction_reference(rest)
}

/// Whether the words before a name (nearest first) give a direction from it: "de"/"of" after a
/// point of the compass ("au nord de", "south-west of", "à l'est de").
fn is_direction_reference(before: &[String]) -> bool {
    if !before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "of"))
    {
        return false;
    }
    let c = cues();
    before
        .iter()
        .skip(1)
        .find(|w| !matches!(w.as_str(), "the" | "l" | "la" | "le"))
        .is_some_and(|w| c.direction.contains(w))
}

/// How many words between "avec"/"with" and the name [`across_a_border`] lets pass (articles,
/// unit words and one adjective: "la frontière avec les régions nigériennes de").
const BORDER_GAP: usize = 5;

/// "de part et d'autre de la frontière avec les régions nigériennes de Tahoua", "the border with
/// Niger's Tillabéri region": the land across a border, not where things happened.
fn across_a_border(before: &[String]) -> bool {
    let c = cues();
    let Some(at) = before
        .iter()
        .take(BORDER_GAP + 1)
        .position(|w| w == "avec" || w == "with")
    else {
        return false;
    };
    // No preposition of place between: "along the border with Mali in Soum" keeps Soum.
    let located = before[..at].iter().any(|w| {
        matches!(
            w.as_str(),
            "in" | "at" | "a" | "au" | "aux" | "dans" | "en" | "near" | "pres" | "around" | "vers"
        )
    });
    !located && before.get(at + 1).is_some_and(|w| c.border.contains(w))
}

/// Whether the words before a name (nearest first) make it what a road is named after or leads
/// to: "la route de", "l'axe reliant", "the road linking", with at most two words between the
/// road and the link ("la route nationale reliant").
fn names_a_road(before: &[String]) -> bool {
    let c = cues();
    let link = |w: &String| links_to(w) || matches!(w.as_str(), "de" | "d" | "du" | "to" | "vers");
    before.first().is_some_and(link) && before.iter().skip(1).take(3).any(|w| c.road.contains(w))
}

/// How many words before a name [`ends_or_passes_a_road`] reads when the five of a candidate are
/// not enough ("the road that links the mine to the regional capital Fada N'Gourma").
const ROAD_WINDOW: usize = 10;

/// Whether the words before a name (nearest first) make it a road's end or a point it passes,
/// wherever the road is: "les routes qui la relient à Ouagadougou via Bourzanga", "the road that
/// links it to Gao".
fn ends_or_passes_a_road(before: &[String], town: bool) -> bool {
    let c = cues();
    // "to the regional capital Fada N'Gourma": past the town's title.
    let title = before
        .iter()
        .take_while(|w| {
            matches!(
                w.as_str(),
                "capital"
                    | "capitale"
                    | "regional"
                    | "regionale"
                    | "provincial"
                    | "provinciale"
                    | "town"
                    | "city"
                    | "ville"
                    | "the"
                    | "la"
                    | "le"
                    | "l"
                    | "of"
                    | "western"
                    | "eastern"
                    | "northern"
                    | "southern"
            )
        })
        .count();
    let before = &before[title.min(before.len())..];
    // "la route qui relie Bamako à …", "the road that links the mine to …", "the road linking
    // Téra in western Niger to …": the link may have its object between it and "à"/"to".
    let linked_to = before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "au" | "aux" | "to" | "with"))
        && before
            .iter()
            .skip(1)
            .take(6)
            .position(|w| links_to(w))
            .is_some_and(|k| {
                before
                    .iter()
                    .skip(k + 2)
                    .take(3)
                    .any(|w| c.road.contains(w))
            });
    // "through Kolokani and Diema" (a town: "through the Mopti region" is in it).
    linked_to
        || before
            .first()
            .is_some_and(|w| w == "via" || w == "through" && town)
}

/// Whether a word links a road to the town after it ("reliant", "relient", "linking"): a road
/// link, but not "entre"/"between", which stand before both ends.
fn links_to(w: &str) -> bool {
    cues().road_link.contains(w) && w != "entre" && w != "between"
}

/// Bytes between a place and a distance measured after it ("Arbinda et la ville elle-même,
/// située à environ 90 km au nord-ouest de Dori").
const FOLLOWS_BYTES: usize = 80;

/// Whether another place (not a country or a region: a distance locates a point) is named shortly
/// before `c` in the same sentence ("Kati, à 15 km de …", "à Dioura, à 40 km de …").
fn follows_a_place(text: &str, g: &Gazetteer, c: &Candidate, all: &[Candidate]) -> bool {
    all.iter().any(|o| {
        o.end <= c.start
            && c.start - o.end <= FOLLOWS_BYTES
            && !text[o.end..c.start].contains(['.', ';', '\n', '!', '?'])
            && !o.region_cue
            && o.entries
                .iter()
                .any(|&id| !matches!(g.entry(id).kind, PlaceKind::Country | PlaceKind::Region))
            && !is_distance_reference(&o.before)
    })
}

/// How many words before a name [`is_destination_or_origin`] reads when a facility is named.
const FACILITY_WINDOW: usize = 8;

/// Whether the words before a name (nearest first) make it where people went or came from:
/// "to"/"towards"/"vers" or "from"/"de" shortly after a word of movement ("taken to a hospital in
/// Gao", "en route to Sévaré", "returning to the village from Bamako").
fn is_destination_or_origin(before: &[String]) -> bool {
    let c = cues();
    // "threatened to push south toward the capital Bamako": past a capital's title.
    let before = past_capital_title(before);
    let words = &before[..before.len().min(FACILITY_WINDOW)];
    // Past five words only through the name of a facility ("évacués vers le centre hospitalier
    // régional de Kaya", "taken to the regional hospital of Gao") or an adverb ("venus surtout
    // de la région de Kaya").
    // …or past a long origin's name ("travelling from Fada N'Gourma to Kantchari").
    let long_origin = past_a_long_origin(words);
    let words = match words
        .iter()
        .take(5)
        .position(|w| c.facility.contains(w) || c.hedge.contains(w))
    {
        Some(_) => words,
        None if long_origin => words,
        None => &words[..words.len().min(5)],
    };
    let moving = |from: usize| c.movement.any_of(&words[from..words.len().min(from + 3)]);
    // "taken to the hospital in Sevare", "évacués vers l'hôpital du Point G à Bamako", "vers
    // une banque commerciale de Bamako": going to a facility in the town.
    let to_a_facility = words
        .iter()
        .take(5)
        // Not a camp or a centre, which are also attacked ("shooting to camp Kandi in Kidal").
        .position(|w| c.facility.contains(w) && !matches!(w.as_str(), "camp" | "centre" | "center"))
        .and_then(|f| {
            words[f + 1..].iter().find(|w| {
                !matches!(
                    w.as_str(),
                    "the" | "l" | "la" | "le" | "les" | "un" | "une" | "an" | "des"
                )
            })
        })
        .is_some_and(|w| matches!(w.as_str(), "to" | "towards" | "toward" | "vers" | "into"));
    if to_a_facility {
        return true;
    }
    // "arriving from the Bandiagara, Bankass and Koro circles": an article may follow "from";
    // "come from the area of Léré": and the words of a unit.
    let from = skip_unit_words(words);
    if words.get(from).is_some_and(|w| w == "from") && moving(from + 1) {
        return true;
    }
    // "des véhicules venant de Mauritanie", "en provenance de Gao", "originaires du Niger",
    // "venus de la région de Ménaka" (the words of a unit skipped).
    let unit = skip_unit_words(words);
    // "venus notamment des régions du Sahel": an adverb between the word of origin and "des".
    let unit = match words.get(unit) {
        Some(w) if c.hedge.contains(w) => unit + 1,
        _ => unit,
    };
    let of = |w: &String| matches!(w.as_str(), "de" | "d" | "du" | "des");
    // "venues de plusieurs garnisons, notamment de Bobo-Dioulasso": a hedged "de" after an
    // origin further back (read through the words of a candidate's longer window).
    if words.first().is_some_and(of)
        && words.get(1).is_some_and(|w| c.hedge.contains(w))
        && words
            .iter()
            .skip(2)
            .take(6)
            .any(|w| c.origin.contains(w) || c.movement.contains(w))
    {
        return true;
    }
    let article = |w: &String| matches!(w.as_str(), "la" | "le" | "l" | "les");
    // "venus de la Tapoa": an article may come between "de" and the name.
    let after_of = words.first().is_some_and(of)
        || words.first().is_some_and(article) && words.get(1).is_some_and(of);
    if after_of
        && words
            .get(unit)
            .is_some_and(|w| c.origin.contains(w) || c.movement.contains(w))
    {
        return true;
    }
    // "coming from the direction of Mondoro", "in the direction of Kaya".
    if words.first().is_some_and(|w| w == "of") && words.get(unit).is_some_and(|w| w == "direction")
    {
        return true;
    }
    // "après plusieurs jours de route depuis Fada", "des attaques lancées depuis le Mali": where
    // people or attacks came from.
    if words.first().is_some_and(|w| w == "depuis") {
        return true;
    }
    // "originally from Seytenga", "partis de Kaya".
    if words.first().is_some_and(|w| w == "from")
        && words.get(1).is_some_and(|w| c.origin.contains(w))
    {
        return true;
    }
    // "vers Fada N'Gourma", "towards the town of Kaya": a direction, not where things happened.
    let toward = |w: &String| matches!(w.as_str(), "vers" | "towards" | "toward");
    if words.first().is_some_and(toward) || words.get(unit).is_some_and(toward) {
        return true;
    }
    // "évacués sur Sévaré", "arrivés à Ménaka": "à" and "sur" only right before the name and
    // right after the word of movement ("arrivés à moto, ils ont attaqué Ménaka" is no arrival).
    // "transférées samedi à Gao": a day between.
    let when = 1 + words
        .iter()
        .skip(1)
        .take(2)
        .take_while(|w| is_time_word(w))
        .count();
    if words.first().is_some_and(|w| w == "a" || w == "sur")
        && words.get(when).is_some_and(|w| c.movement.contains(w))
    {
        return true;
    }
    // "se réfugier à Goudoumaria et même jusqu'à Gouré": as far as a destination.
    if words.first().is_some_and(|w| w == "a")
        && words.get(1).is_some_and(|w| w == "jusqu")
        && c.movement.any_of(&words[2..words.len().min(7)])
    {
        return true;
    }
    // "évacués par voie aérienne sur Bamako", "évacués par avion sur Niamey": "sur" after a word
    // of movement with a few words between.
    if words.first().is_some_and(|w| w == "sur") && c.movement.any_of(&words[1..words.len().min(5)])
    {
        return true;
    }
    // "un convoi de ravitaillement pour Djibo", "trucks bound for Gao": a destination; "had left
    // for Zinder", "headed for Niamey".
    if words.first().is_some_and(|w| w == "pour" || w == "for")
        && (words[1..words.len().min(4)]
            .iter()
            .any(|w| c.supplies.contains(w))
            || words.get(1).is_some_and(|w| c.movement.contains(w)))
    {
        return true;
    }
    // "travelling upriver from Gao to Mopti": past the place it came from.
    let past_origin = |i: usize| {
        words[i + 1..words.len().min(i + 6)]
            .iter()
            .position(|w| w == "from" || w == "de" || w == "depuis")
            .is_some_and(|k| moving(i + k + 2))
    };
    words
        .iter()
        .position(|w| matches!(w.as_str(), "to" | "towards" | "toward" | "vers"))
        .is_some_and(|i| moving(i + 1) || past_origin(i))
}

/// A word of a day or a time of day, folded ("samedi", "hier", "soir", "yesterday"); weekdays as
/// the calendar spells them.
fn is_time_word(w: &str) -> bool {
    crate::calendar::weekday(w).is_some()
        || matches!(w, "hier" | "soir" | "matin" | "nuit" | "yesterday")
}

/// Where the words of a unit before a name end ("de la région de", "of the town of", "du cercle
/// de"), nearest first: the position of the first word that is not one, past a first
/// preposition.
fn skip_unit_words(before: &[String]) -> usize {
    let unit = |w: &str| {
        matches!(
            w,
            "de" | "d"
                | "du"
                | "des"
                | "la"
                | "le"
                | "l"
                | "les"
                | "of"
                | "the"
                | "region"
                | "province"
                | "cercle"
                | "departement"
                | "commune"
                | "ville"
                | "village"
                | "zone"
                | "localite"
                | "town"
                | "city"
                | "district"
                | "area"
                | "regions"
                | "provinces"
                | "cercles"
                | "departements"
                | "communes"
                | "villes"
                | "villages"
                | "zones"
                | "localites"
                | "towns"
                | "districts"
                | "areas"
                | "cote"
                | "side"
        )
    };
    before.iter().position(|w| !unit(w)).unwrap_or(before.len())
}

/// How many words before a name [`where_a_statement_was_read`] reads.
const MEDIA_WINDOW: usize = 8;

/// "selon un communiqué publié à Bamako", "in a statement read on state television in
/// Ouagadougou": where a statement was read or published, with no word of an incident between
/// ("a statement said gunmen attacked Boni" keeps Boni).
fn where_a_statement_was_read(text: &str, c: &Candidate) -> bool {
    let cues = cues();
    let before = words_before(text, c.start, MEDIA_WINDOW);
    // "a rendu public lundi à Niamey le bulletin des opérations": the statement named after.
    let named_after = || {
        before.iter().take(4).any(|w| cues.reading.contains(w))
            && words_after(text, c.end, 3)
                .iter()
                .any(|w| cues.media.contains(w))
    };
    before
        .iter()
        .position(|w| cues.media.contains(w))
        .is_some_and(|at| {
            !before[..at].iter().any(|w| cues.is_incident(w))
                && before.iter().any(|w| cues.reading.contains(w))
        })
        || named_after()
}

/// "des associations installées à Bamako", "an NGO based in Niamey", "les partenaires basés à
/// Gao", "now sheltering with relatives in Bankass": where people or an office are settled (not
/// "the UNHCR office in Agadez", where protests and attacks happen).
fn settled_in(text: &str, c: &Candidate) -> bool {
    let before = &c.before;
    before
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "in" | "at" | "au"))
        && (before.get(1).is_some_and(|w| {
            cues().residence.contains(w)
                // "les partenaires basés à Gao": the participle, written with its accent, not
                // the noun ("les bases à Gao").
                || w == "bases" && text[..c.start].trim_end().ends_with("basés à")
                || w == "base" && text[..c.start].trim_end().ends_with("basé à")
        }) || cues().shelter.any_of(&before[1..before.len().min(5)]))
}

/// "tenté de rejoindre Ouahigouya", "quitter la ville de Kaya", "fled Djibo": the object of a verb
/// of reaching or leaving.
fn reached_or_left(before: &[String]) -> bool {
    let at = skip_unit_words(before);
    // Only articles and unit words between the verb and the name, and at most three of them.
    at <= 3 && before.get(at).is_some_and(|w| cues().reach.contains(w))
}

/// "la région voisine de Nioro", "the neighbouring Mopti region", "au Mali voisin".
fn is_neighbour(before: &[String], after: &[String]) -> bool {
    let c = cues();
    // "le poste frontalier de Diboli", "the border town of Gogui": the place's own.
    let own_post = |k: usize| {
        before.get(k + 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "poste"
                    | "postes"
                    | "ville"
                    | "localite"
                    | "commune"
                    | "village"
                    | "town"
                    | "post"
                    | "checkpoint"
                    | "city"
            )
        })
    };
    before
        .iter()
        .take(3)
        .enumerate()
        .any(|(k, w)| c.neighbour.contains(w) && !own_post(k))
        || after.first().is_some_and(|w| c.neighbour.contains(w))
}

/// "des jeunes de Tessit", "les ressortissants de Bandiagara", "buyers from Zinder", "the
/// governor of Gao": people or a group named after their home or an office after its seat.
fn names_people_or_a_seat(before: &[String]) -> bool {
    // "des familles de la Tapoa": an article may follow "de".
    let article = usize::from(
        before
            .first()
            .is_some_and(|w| matches!(w.as_str(), "la" | "l" | "the")),
    );
    let from = before.get(article).is_some_and(|w| w == "from");
    (from
        || before
            .get(article)
            .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "des" | "of")))
        && before.get(article + 1).is_some_and(|w| {
            cues().visitors.contains(w)
                || !from && (cues().attribute.contains(w) || cues().office.contains(w))
        })
}

/// "FYI for the Sikasso and Bougouni teams", "Gao staff": people named after where they are
/// based, in English order (the French "l'équipe de Gao" is a visitor's phrase), the list before
/// the word too.
fn names_a_team(text: &str, c: &Candidate, all: &[Candidate]) -> bool {
    let team = |x: &Candidate| {
        x.after
            .first()
            .is_some_and(|w| matches!(w.as_str(), "team" | "teams" | "staff" | "crew" | "crews"))
    };
    let mut cur = c;
    for _ in 0..=all.len() {
        if team(cur) {
            return true;
        }
        match all
            .iter()
            .filter(|o| o.start >= cur.end)
            .min_by_key(|o| o.start)
            .filter(|o| listed_after(&text[cur.end..o.start]))
        {
            Some(next) => cur = next,
            None => return false,
        }
    }
    false
}

/// Header keys of a memo or an e-mail whose line names people and offices, not events ("To: all
/// staff, Niamey, Tillabéri and Maradi offices"; not "Subject:", which tells what happened).
const MEMO_HEADER_KEYS: &[&str] = &[
    "to",
    "from",
    "cc",
    "bcc",
    "attn",
    "distribution",
    "a",
    "de",
    "destinataires",
    "destinataire",
    "expediteur",
    "ampliation",
];

/// Longest stretch of a memo's header line before a place, in bytes.
const MEMO_HEADER_LINE: usize = 120;

/// Whether the place stands in a memo's header line ("To: …", "De : …").
fn in_a_memo_header(text: &str, c: &Candidate) -> bool {
    // A header line is short: read back at most this far for its start.
    let from = window_start(text, c.start, MEMO_HEADER_LINE);
    let line_start = match text[from..c.start].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let line = &text[line_start..c.start];
    let Some(colon) = line.find(':') else {
        return false;
    };
    let key = sahel_text::fold(line[..colon].trim_start_matches(['-', '*', '•', ' ']));
    let key = key.trim();
    MEMO_HEADER_KEYS.contains(&key)
}

/// "pris en charge au centre hospitalier régional de Fada N'Gourma", "treated at the hospital in
/// Kaya", "discharged from Ouahigouya hospital": where the wounded are cared for.
fn cared_for_at(text: &str, c: &Candidate) -> bool {
    let cues = cues();
    let before = words_before_through_brackets(text, c.start, FACILITY_WINDOW + 4);
    // "discharged from Ouahigouya hospital": the facility named after the town.
    let facility_after = c.after.first().is_some_and(|w| cues.facility.contains(w));
    // "s'est rendu au chevet des victimes à Mopti": at the bedside, in a hospital.
    (facility_after || before.iter().take(5).any(|w| cues.facility.contains(w)))
        && before.iter().any(|w| cues.care.contains(w))
        || before.iter().take(5).any(|w| w == "chevet")
}

/// A place listed right after a passing mention shares its role ("des déplacés sont arrivés à
/// Ménaka ville et à Inékar", "evacuated to Gao and Mopti").
pub(super) fn share_listed_roles(text: &str, out: &mut [PlaceMention]) {
    for k in 1..out.len() {
        let (prev, cur) = (&out[k - 1], &out[k]);
        if prev.role == PlaceRole::Mention
            && cur.role == PlaceRole::Event
            && prev.end <= cur.start
            && (listed_after(&text[prev.end..cur.start])
                || locates_the_one_before(text, prev.start, &text[prev.end..cur.start]))
        {
            out[k].role = PlaceRole::Mention;
        }
    }
}

/// How many words before a place [`locates_the_one_before`] reads for a word of coming or
/// fleeing (through a list: "fui … dans les départements de Téra et de Gothèye").
const APPOSITION_WINDOW: usize = 14;

/// Whether the text between two names makes the second the unit the first lies in, in
/// apposition: the seat of a unit ("Djibo, le chef-lieu de la province du Soum"), or the unit of a
/// place people came or fled from ("avoir fui Téra et Gothèye, dans la région de Tillabéri").
/// Not the unit of a place people were heading to: "un convoi en mouvement vers Aguelhok, dans la
/// région de Kidal" was attacked in that region.
fn locates_the_one_before(text: &str, first: usize, gap: &str) -> bool {
    let Some(rest) = gap.trim_start().strip_prefix(',') else {
        return false;
    };
    let folded_gap = sahel_text::fold(rest);
    let seat = words(&folded_gap).any(|w| matches!(w, "chef" | "capitale" | "capital"));
    let cues = cues();
    let came_or_fled = words_before(text, first, APPOSITION_WINDOW)
        .iter()
        .any(|w| {
            cues.origin.contains(w)
                || cues.flight.contains(w)
                || w == "from"
                // "pour se réfugier … jusqu'à Gouré, dans la région de Zinder": a refuge.
                || w.starts_with("refugi")
        });
    if !(seat || came_or_fled) {
        return false;
    }
    if rest.len() > 40 || rest.contains(['.', ';', '\n', '!', '?', ',', '(', ')']) {
        return false;
    }
    let folded = sahel_text::fold(rest);
    let gap_words: Vec<&str> = words(&folded).collect();
    let unit = |w: &str| {
        matches!(
            w,
            "region"
                | "province"
                | "cercle"
                | "departement"
                | "commune"
                | "district"
                | "department"
                | "circle"
                | "chef"
                | "lieu"
                | "capitale"
                | "capital"
        )
    };
    gap_words.iter().any(|w| unit(w))
        && gap_words.iter().all(|w| {
            unit(w)
                || matches!(
                    *w,
                    "le" | "la" | "l" | "de" | "du" | "d" | "des" | "dans" | "in" | "of" | "the"
                )
        })
}

/// Whether the text between two names lists the second with the first: a conjunction, with
/// at most a repeated preposition or a word for the town ("Ménaka ville et à Inékar").
fn listed_after(gap: &str) -> bool {
    if gap.len() > 32 || gap.contains(['.', ';', '\n', '!', '?', '(', ')']) {
        return false;
    }
    let folded = sahel_text::fold(gap);
    let gap_words: Vec<&str> = words(&folded).collect();
    let conjunction = |w: &&str| matches!(*w, "et" | "and" | "ou" | "or");
    // "in Bankass town or in Mopti" lists; ", in the Sanmatenga province" locates.
    if gap_words.iter().any(|w| matches!(*w, "in" | "dans")) && !gap_words.iter().any(conjunction) {
        return false;
    }
    (gap.contains(',')
        || gap_words
            .iter()
            .any(|w| matches!(*w, "et" | "and" | "ou" | "or")))
        && gap_words.iter().all(|w| {
            matches!(
                *w,
                "et" | "and"
                    | "ou"
                    | "or"
                    | "a"
                    | "au"
                    | "to"
                    | "vers"
                    | "ville"
                    | "town"
                    | "city"
                    | "de"
                    | "d"
                    | "du"
                    | "from"
                    | "la"
                    | "le"
                    | "les"
                    | "l"
                    | "the"
                    | "meme"
                    | "even"
                    | "voire"
                    // "ainsi que de la zone de Nampala", "as well as the area of".
                    | "ainsi"
                    | "que"
                    | "as"
                    | "well"
                    | "of"
                    | "des"
                    | "zone"
                    | "area"
                    | "region"
                    | "cercle"
                    | "province"
                    | "commune"
                    // "sheltering in Bankass town or in Mopti".
                    | "in"
                    | "dans"
                    // "evacuated to Fada N'Gourma and to the capital, Ouagadougou".
                    | "capital"
                    | "capitale"
            )
        })
}

/// When a sentence that names a road also names a town that is not one of its ends ("sur la
/// route reliant Djibo à Kaya, près de Namsiguia"), that town locates the events: the ends of the
/// road are passing mentions, wherever the text names that road. Without such a town the ends
/// stay event places: the events are somewhere between them.
pub(super) fn demote_located_route_ends(text: &str, g: &Gazetteer, out: &mut [PlaceMention]) {
    let routes = route_ends(text, g, out);
    if routes.is_empty() {
        return;
    }
    let same_sentence = |x: &PlaceMention, y: &PlaceMention| same_sentence(text, x, y);
    let located: Vec<[EntryId; 2]> = routes
        .iter()
        .filter(|&&(a, b)| {
            // A town of no road's ends (so not one of these mentions), an event place, along
            // this road and in its sentence.
            out.iter().any(|m| {
                m.role == PlaceRole::Event
                    && matches!(
                        g.entry(m.entry).kind,
                        PlaceKind::Locality | PlaceKind::District
                    )
                    && !routes
                        .iter()
                        .any(|&(x, y)| out[x].entry == m.entry || out[y].entry == m.entry)
                    && (along(g, m.entry, out[a].entry, out[b].entry)
                        // "le bateau, qui assurait la liaison entre Gao et Mopti, a été pris
                        // pour cible près de Bamba": near a town after the road, on a river
                        // or a road that does not run straight.
                        || m.start > out[b].end && near_a_landmark(&words_before(text, m.start, 3))
                        // "sur l'axe Kayes-Bamako, près de Lakamané, dans le cercle de Diéma": the
                        // unit named after the road holds the events.
                        || m.start > out[b].end && g.entry(m.entry).kind == PlaceKind::District
                        // "à une vingtaine de kilomètres de Didiéni, … sur la route nationale 1
                        // qui relie Bamako à Kayes": a distance from a town places the events.
                        || is_distance_reference(&words_before(text, m.start, 6)))
                    && same_sentence(m, &out[a])
            })
        })
        .map(|&(a, b)| pair(out[a].entry, out[b].entry))
        .collect();
    // "sur l'axe Sévaré-Bandiagara, à une dizaine de kilomètres de Bandiagara", "on the
    // Diéma-Kayes road about 10 km west of Diéma": one end named again in the sentence, apart from
    // the road, locates the events; the other end is a passing mention.
    let is_end = |k: usize| routes.iter().any(|&(x, y)| x == k || y == k);
    let mut other_ends = Vec::new();
    for &(a, b) in &routes {
        for (end, other) in [(a, b), (b, a)] {
            let named_again = (0..out.len()).any(|k| {
                !is_end(k) && out[k].entry == out[end].entry && same_sentence(&out[k], &out[end])
            });
            if named_again {
                other_ends.push(other);
            }
        }
    }
    for &(a, b) in &routes {
        if located.contains(&pair(out[a].entry, out[b].entry)) {
            other_ends.extend([a, b]);
        }
    }
    for k in other_ends {
        if out[k].role == PlaceRole::Event {
            out[k].role = PlaceRole::Mention;
        }
    }
}

/// Whether no sentence ends between two mentions.
fn same_sentence(text: &str, x: &PlaceMention, y: &PlaceMention) -> bool {
    let (from, to) = if x.start < y.start {
        (x.end.min(y.start), y.start)
    } else {
        (y.end.min(x.start), x.start)
    };
    !text[from..to].contains(['.', '!', '?', '\n'])
}

/// "29 Apr, Kayes region: a checkpoint west of Diéma", "dans la région de Ségou, à Tominian": a
/// region named by its former extent, with a town of one of the regions carved from it in the
/// same sentence. The town gives the current region; the former one is a passing mention.
pub(super) fn demote_former_extents(text: &str, g: &Gazetteer, out: &mut [PlaceMention]) {
    let mut demoted = Vec::new();
    for (k, m) in out.iter().enumerate() {
        let r = g.entry(m.entry);
        if m.role != PlaceRole::Event || r.kind != PlaceKind::Region {
            continue;
        }
        let carved = out.iter().any(|o| {
            let e = g.entry(o.entry);
            o.role != PlaceRole::Dateline
                && matches!(e.kind, PlaceKind::Locality | PlaceKind::District)
                && e.region
                    .is_some_and(|x| x != m.entry && g.entry(x).former_regions.contains(&r.name))
                && same_sentence(text, o, m)
        });
        if carved {
            demoted.push(k);
        }
    }
    for k in demoted {
        out[k].role = PlaceRole::Mention;
    }
}

/// The role of a capital named by its title: a passing mention where someone spoke ("a déclaré
/// dans la capitale malienne"), where the capital stands for its government ("la capitale
/// malienne a dénoncé") or a distance or a direction is measured from it ("south-west of the
/// capital"), else where things happened.
pub(super) fn capital_title_role(before: &[String], after: &[String]) -> PlaceRole {
    let c = cues();
    // "à 60 km de la capitale", "south-west of the capital": a landmark.
    // "les déplacements hors de la capitale": everywhere but there.
    let speech = landmark_past_articles(before)
        || before.iter().take(5).any(|w| c.exception.contains(w))
        || before
            .iter()
            .any(|w| c.speech.contains(w) && !w.starts_with("capital"))
        || after
            .first()
            .is_some_and(|w| c.government_verb.contains(w) && w != "a");
    if speech {
        PlaceRole::Mention
    } else {
        PlaceRole::Event
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_roles_have_one_spelling() {
        for role in PlaceRole::ALL {
            assert_eq!(role.as_str().parse::<PlaceRole>(), Ok(role));
            assert_eq!(role.to_string(), role.as_str());
            let json = serde_json::to_string(&role).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", role.as_str()), "serde agrees");
        }
        assert!("Event".parse::<PlaceRole>().is_err());
        assert!("".parse::<PlaceRole>().is_err());
    }
}

/// A capital is where governments, courts, ministries, hospitals and newsrooms are: it is named
/// in reports of events elsewhere far more often than other towns ("À Bamako, jeudi,
/// l'incompréhension domine", "a présenté lundi à Ouagadougou les résultats", "Relatives gathered
/// on Saturday at the army headquarters in Niamey"). When the report has event places in other
/// regions, a capital stays an event place only with a word of an incident near it.
pub fn demote_quiet_capitals(
    g: &Gazetteer,
    sentences: &crate::evidence::Sentences<'_>,
    out: &mut [PlaceMention],
) {
    let region = |m: &PlaceMention| g.entry(m.entry).region;
    let capital = |m: &PlaceMention| is_capital(g.entry(m.entry));
    let mut quiet = Vec::new();
    for (k, m) in out.iter().enumerate() {
        if m.role != PlaceRole::Event || !capital(m) {
            continue;
        }
        let elsewhere = out.iter().any(|o| {
            o.role == PlaceRole::Event
                && !capital(o)
                && region(o).is_some()
                && region(o) != region(m)
        });
        if !elsewhere {
            continue;
        }
        let (s, e) = sentences.around(m.start, m.end);
        let said = SentenceWords::read(&sentences.text()[s..e]);
        if !said.incident_near(lower_words(&sentences.text()[s..m.start])) {
            quiet.push(k);
        }
    }
    for k in quiet {
        out[k].role = PlaceRole::Mention;
    }
}

/// What the words of a sentence say to [`anchor_to_events`].
struct SentenceWords {
    /// Where its words of advice, of what is to come or of what happens as a rule stand,
    /// counted as [`lower_words`] counts.
    advice: Vec<usize>,
    /// Where its words of an incident stand, counted as [`lower_words`] counts; none when the
    /// sentence negates its incident.
    incidents: Vec<usize>,
    /// It says nothing happened ("pas d'incident", "rien à signaler", "nothing to report").
    quiet: bool,
    /// One of its words of an incident tells of violence, not of a gathering or an occasion.
    violence: bool,
    /// Where its first word of an interview stands ("we interviewed 14 residents … from
    /// Dédougou"), counted as [`lower_words`] counts.
    interview: Option<usize>,
}

impl SentenceWords {
    fn read(sentence: &str) -> Self {
        let c = cues();
        // "aucun", "no", "rien": not "sans" or "without" ("attaquées, sans qu'un bilan soit
        // communiqué", "sans incident": the convoy did arrive).
        let denies = |x: &str| c.negation.contains(x) && !matches!(x, "sans" | "without");
        // "pas d'incident", "aucun incident", "no incident".
        let negates = |x: &str| x == "pas" || denies(x);
        let folded = sahel_text::fold(sentence);
        let (mut negated, mut quiet, mut violence) = (false, false, false);
        let mut advice = Vec::new();
        // A word of an incident that is not the one said not to have happened.
        let mut told = false;
        // The last word that is no article or preposition: "pas d'incident", "rien à signaler",
        // "nothing to report".
        let mut last = "";
        // The word before `last` ("no security incident", "aucun autre incident").
        let mut second = "";
        let mut incidents = Vec::new();
        let mut interview = None;
        let mut i = 0;
        for (w, written) in words(&folded).zip(words(sentence)) {
            i += usize::from(counts_for_reach(written));
            if c.advice.contains(w) {
                advice.push(i);
            }
            if interview.is_none() && c.interview.contains(w) {
                interview = Some(i);
            }
            negated |= denies(w);
            // "March" written so is the month ("on 12 March"), not a protest march.
            let incident = c.is_incident(w) && written != "March";
            if incident {
                incidents.push(i);
                violence |= !c.gathering.contains(w);
            }
            let after_negation = negates(last) || negates(second) && !c.is_incident(last);
            // "Régions de Kidal et de Ménaka - RAS": rien à signaler.
            if after_negation && c.quiet.contains(w)
                || last == "nothing" && w == "report"
                || written == "RAS"
            {
                quiet = true;
            } else if incident {
                told = true;
            }
            if !matches!(
                w,
                "d" | "de" | "of" | "a" | "to" | "the" | "l" | "le" | "la"
            ) {
                second = last;
                last = w;
            }
        }
        if negated {
            incidents.clear();
        }
        SentenceWords {
            advice,
            incidents,
            quiet: quiet && !told,
            violence,
            interview,
        }
    }

    /// Whether the place at `here` (its position, counted as [`lower_words`] counts) is where
    /// the report's interviews were held: after a word of an interview, within
    /// [`INTERVIEW_REACH`] ("Human Rights Watch interviewed more than 100 victims and witnesses in
    /// Bamako and Mopti"); not "residents of Djibo interviewed by AFP", where they live. The words
    /// of an incident around it are whom it heard ("victims and witnesses", "in refugee camps"),
    /// not something that happened there.
    fn interviewed_at(&self, here: usize) -> bool {
        self.interview
            .is_some_and(|at| at <= here && here - at <= INTERVIEW_REACH)
    }

    /// Whether its words of advice bear on the place at `here`: any of them, unless a word of an
    /// incident is near the place and they all stand further after it, in another clause
    /// ("Students clashed in Koudougou over a hall which was scheduled for another union"; not
    /// "roads in the Mopti region are frequently targeted").
    fn advises(&self, here: usize) -> bool {
        !self.advice.is_empty()
            && (!self.incident_near(here)
                || self.advice.iter().any(|&a| a <= here + INCIDENT_REACH))
    }

    /// Whether a word of an incident stands within [`INCIDENT_REACH`] of the place at `here`
    /// (the words of the sentence before it, counted as [`lower_words`] counts).
    fn incident_near(&self, here: usize) -> bool {
        self.incidents
            .iter()
            .any(|&i| i.abs_diff(here) <= INCIDENT_REACH)
    }
}

/// How many words from a place a word of an incident anchors it, counting only the words not
/// written with a capital: the names of a list are no distance ("attacks targeted Kayes, Diboli,
/// Sandaré, Nioro du Sahel and Gogui").
const INCIDENT_REACH: usize = 6;

/// Whether the name at `start` follows a preposition of place or the glue of a list ("in
/// Bamako and Mopti", "in Douentza, Sevare", "depuis Kaya"), not "des habitants de Barsalogho"
/// (where people live).
fn held_at(text: &str, start: usize) -> bool {
    // "in Douentza, Sevare and Bamako": a name after a list's comma.
    text[..start].trim_end().ends_with(',')
        || words_before(text, start, 1).first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "in" | "at" | "from" | "a" | "depuis" | "dans" | "en" | "and" | "et"
            )
        })
}

/// How many words after a word of an interview the places are where it was held.
const INTERVIEW_REACH: usize = 14;

/// The words of a text that count for [`INCIDENT_REACH`].
fn lower_words(text: &str) -> usize {
    words(text).filter(|w| counts_for_reach(w)).count()
}

/// Whether a word counts for [`INCIDENT_REACH`]: not a name (written with a capital), not the
/// glue of a list ("Gogui et Diéma, ainsi que Niono et Molodo").
fn counts_for_reach(w: &str) -> bool {
    !w.chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            w,
            "et" | "and" | "ainsi" | "que" | "as" | "well" | "or" | "ou"
        )
}

/// What the report's dates say about one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SentenceTime {
    /// It holds an event date of the report.
    pub event_date: bool,
    /// It holds a background date, or recalls earlier events from before the place on.
    pub background: bool,
    /// The place itself belongs to the background, whatever else the sentence holds: it comes
    /// after a recall cue with no event date after that cue ("mardi soir, une veillée à la mémoire
    /// des victimes de Solhan"), or a background date stands right next to it and no event date
    /// nearer ("arrivés au pouvoir en août 2020 à Bamako").
    pub recalled: bool,
}

/// Sentence-level roles, once the dates have theirs: an event place is a passing mention when
/// its sentence
/// - only recalls (a background date or a recall, and no event date: "the killing of 130
///   civilians in Solhan in June 2021"),
/// - gives advice (a travel warning, an outlook: "les axes Kaya–Dori restent classés rouges"),
/// - says nothing happened ("Ouagadougou et Bamako : pas d'incident", whatever its date, when no
///   other word of an incident is in it),
/// - or is not anchored to anything that happened (no event date, no word of an incident, not
///   the title or first sentence: "the neighbouring Maradi region, long spared…", "Cotton supports
///   several million people in the regions of…"). A report none of whose places is anchored has
///   no event place: no region is better than a wrong one.
///
/// `lead_end` is where the first sentence of the text ends (the title comes before it);
/// `time(start, end, place)` says what the dates say of the sentence `start..end` for the place
/// at bytes `place` (start, end). Returns the indices in `out` of the places made mentions for
/// being anchored to nothing (for [`place_the_lead`]).
pub fn anchor_to_events(
    sentences: &crate::evidence::Sentences<'_>,
    lead_end: usize,
    out: &mut [PlaceMention],
    time: &dyn Fn(usize, usize, (usize, usize)) -> SentenceTime,
) -> Vec<usize> {
    let mut unanchored = Vec::new();
    // What the words of a sentence say, read once per sentence.
    let mut read: Option<((usize, usize), SentenceWords)> = None;
    for (k, m) in out.iter_mut().enumerate() {
        if m.role != PlaceRole::Event {
            continue;
        }
        let (s, e) = sentences.around(m.start, m.end);
        let t = time(s, e, (m.start, m.end));
        if read.as_ref().is_none_or(|(span, _)| *span != (s, e)) {
            read = Some(((s, e), SentenceWords::read(&sentences.text()[s..e])));
        }
        let Some((_, said)) = &read else { continue };
        // Where the place stands among the sentence's words, read once for every rule below.
        let here = lower_words(&sentences.text()[s..m.start]);
        let incident = said.incident_near(here);
        if said.quiet
            || t.recalled
            || !t.event_date && (t.background || said.advises(here))
            || said.interviewed_at(here) && held_at(sentences.text(), m.start)
        {
            m.role = PlaceRole::Mention;
        } else if !(m.start < lead_end || t.event_date || incident) {
            unanchored.push(k);
        }
    }
    for &k in &unanchored {
        out[k].role = PlaceRole::Mention;
    }
    unanchored
}

/// Whether the words before a name (`before`, nearest first) present it as where something is:
/// a strong place cue ("near", "à", "in the capital,", "village"), or "of"/"de" after a place
/// noun ("the village of Tongo Tongo", "dans la commune de Makalondi", "the Kangaba district of
/// the Koulikoro region"); not a name in someone's title or a group's ("the mayor of Berdossou",
/// "the Front for the Liberation of Macina", "Police from Niamey").
fn said_to_be_where(before: &[String]) -> bool {
    let c = cues();
    let mut rest = before.iter().skip_while(|w| {
        matches!(
            w.as_str(),
            "the" | "le" | "la" | "les" | "l" | "capital" | "capitale"
        )
    });
    match rest.next().map(String::as_str) {
        Some("of" | "de" | "du" | "d") => rest
            .find(|w| !matches!(w.as_str(), "the" | "le" | "la" | "l"))
            .is_some_and(|w| c.place_noun.contains(w)),
        Some(w) => c.fuzzy_cue.contains(w),
        None => false,
    }
}

/// How many words before a place a court and a preposition make it the court's seat ("la cour
/// d'assises de Bamako", "Trial opens in Bamako"); after it, two ("à Niamey du procès").
const COURT_BEFORE: usize = 3;
const COURT_AFTER: usize = 2;

/// A report whose title tells of a trial ("Attaque de Bosso : ouverture à Niamey du procès",
/// "ICC convicts former Timbuktu police chief") reports the court's sitting and names the case
/// tried with its place: in the sentences with a word of a court or a trial, the court's seat is
/// an event place ("La cour d'assises de Bamako a condamné mercredi…", though a court is
/// otherwise a venue) and the other places are mentions.
pub fn demote_tried_places(
    sentences: &crate::evidence::Sentences<'_>,
    title_end: usize,
    out: &mut [PlaceMention],
) {
    let text = sentences.text();
    let trial = |s: &str| words(&sahel_text::fold(s)).any(|w| cues().trial.contains(w));
    if title_end == 0 || !trial(&text[..title_end]) {
        return;
    }
    let court = |w: &String| {
        matches!(
            w.as_str(),
            "tribunal" | "tribunaux" | "cour" | "court" | "courts" | "assises" | "proces" | "trial"
        )
    };
    for m in out.iter_mut().filter(|m| m.role != PlaceRole::Dateline) {
        let (s, e) = sentences.around(m.start, m.end);
        if !trial(&text[s..e]) {
            continue;
        }
        let before = words_before(text, m.start, COURT_BEFORE);
        let seat = before
            .first()
            .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "of" | "in" | "a" | "at"))
            && before.iter().skip(1).any(court)
            || words_after(text, m.end, COURT_AFTER).iter().any(court);
        m.role = if seat {
            PlaceRole::Event
        } else {
            PlaceRole::Mention
        };
    }
}

/// How many sentences after the lead may say where the lead's incident happened.
const LEAD_PLACE_SENTENCES: usize = 4;

/// A lead that tells an incident without a place of the gazetteer ("ambushed in southwest
/// Niger", "enlevé dans sa paroisse de Bomoanga") is often placed by a sentence that follows,
/// with no word of an incident: "near the village of Tongo Tongo, close to the border with Mali",
/// "Bomoanga, dans la commune de Makalondi, se trouve à…". When the report has no event place in
/// a region, the places of the first sentence after the lead (among the next
/// [`LEAD_PLACE_SENTENCES`]) that [`anchor_to_events`] left `unanchored`, and nothing else made
/// mentions, are where the incident happened, when they lie in one region.
pub fn place_the_lead(
    g: &Gazetteer,
    sentences: &crate::evidence::Sentences<'_>,
    lead: (usize, usize),
    unanchored: &[usize],
    out: &mut [PlaceMention],
) {
    let region = |m: &PlaceMention| g.entry(m.entry).region;
    if out
        .iter()
        .any(|m| m.role == PlaceRole::Event && region(m).is_some())
    {
        return;
    }
    // A lead placed abroad ("crossed into Mauritania", "meeting in Accra") is placed.
    if out.iter().any(|m| {
        m.role == PlaceRole::Event
            && m.start < lead.1
            && !matches!(&g.entry(m.entry).country_code, b"ML" | b"BF" | b"NE")
    }) {
        return;
    }
    let said = SentenceWords::read(&sentences.text()[lead.0..lead.1]);
    if !said.violence || said.incidents.is_empty() || said.quiet || !said.advice.is_empty() {
        return;
    }
    // The sentences after the lead, in order, up to the last one read.
    let mut next = lead.1;
    let mut spans = Vec::new();
    while spans.len() < LEAD_PLACE_SENTENCES && next < sentences.text().len() {
        let Some(at) = sentences.text()[next..]
            .find(|c: char| !c.is_whitespace())
            .map(|i| next + i)
        else {
            break;
        };
        let span = sentences.around(at, at);
        if span.1 <= at {
            break;
        }
        spans.push(span);
        next = span.1;
    }
    // The town a wire is filed from is named for its sources and officials ("NIAMEY (AFP) - … a
    // indiqué un responsable du diocèse de Niamey"), not to place the lead's incident.
    let filed_from: Vec<EntryId> = out
        .iter()
        .filter(|m| m.role == PlaceRole::Dateline)
        .map(|m| m.entry)
        .collect();
    let placing = |k: usize, (s, e): (usize, usize)| {
        let m = &out[k];
        m.start >= s
            && m.start < e
            && m.role == PlaceRole::Mention
            && !filed_from.contains(&m.entry)
            && said_to_be_where(&words_before(sentences.text(), m.start, 4))
    };
    let Some(&span) = spans
        .iter()
        .find(|&&span| unanchored.iter().any(|&k| placing(k, span)))
    else {
        return;
    };
    let placed: Vec<usize> = unanchored
        .iter()
        .copied()
        .filter(|&k| placing(k, span))
        .collect();
    let first = placed.first().map(|&k| region(&out[k]));
    if first.flatten().is_some() && placed.iter().all(|&k| Some(region(&out[k])) == first) {
        for k in placed {
            out[k].role = PlaceRole::Event;
        }
    }
}
