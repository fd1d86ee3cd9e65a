//! Tests of the date extractor: every form in French and English, resolution against the
//! publication date, publication dates from the text, negatives, and properties.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The dates found in `text` published on `published`, as strings (`a..b` for ranges).
fn dates(text: &str, published: Option<NaiveDate>) -> Vec<String> {
    extract_event_dates(text, published, "fr")
        .iter()
        .map(|d| match d.until {
            Some(u) => format!("{}..{}", d.date, u),
            None => d.date.to_string(),
        })
        .collect()
}

fn en(text: &str, published: Option<NaiveDate>) -> Vec<String> {
    extract_event_dates(text, published, "en")
        .iter()
        .map(|d| match d.until {
            Some(u) => format!("{}..{}", d.date, u),
            None => d.date.to_string(),
        })
        .collect()
}

const PUB: Option<NaiveDate> = NaiveDate::from_ymd_opt(2024, 3, 20); // a Wednesday

#[test]
fn absolute_dates_in_french() {
    assert_eq!(
        dates("dans l'après-midi du 17 septembre 2023 à 15h30", None),
        ["2023-09-17"]
    );
    assert_eq!(dates("le 1er mars 2024, à Ménaka", None), ["2024-03-01"]);
    assert_eq!(dates("le premier mars 2024", None), ["2024-03-01"]);
    assert_eq!(dates("Le 18/09/2023, une attaque", None), ["2023-09-18"]);
    assert_eq!(dates("Le 18.09.2023, une attaque", None), ["2023-09-18"]);
    assert_eq!(dates("daté du 2023-09-18", None), ["2023-09-18"]);
    assert_eq!(dates("LE 3 AOÛT 2024", None), ["2024-08-03"]);
    assert_eq!(dates("le 12 fév. 2024", None), ["2024-02-12"]);
    assert_eq!(
        dates("ce dimanche 20 juillet 2025 par l'état-major", None),
        ["2025-07-20"]
    );
}

#[test]
fn absolute_dates_in_english() {
    assert_eq!(
        en("On March 3, 2024, gunmen attacked", None),
        ["2024-03-03"]
    );
    assert_eq!(en("on 3 March 2024 in Kidal", None), ["2024-03-03"]);
    assert_eq!(en("Tuesday, March 5th, 2024", None), ["2024-03-05"]);
    assert_eq!(en("the 3rd of March 2024", None), ["2024-03-03"]);
    assert_eq!(en("on 03/18/2024", None), ["2024-03-18"]);
}

#[test]
fn partial_dates_take_the_nearest_year_not_after_publication() {
    assert_eq!(dates("Le 15 juillet, une frappe", PUB), ["2023-07-15"]);
    assert_eq!(dates("le 15 mars, une frappe", PUB), ["2024-03-15"]);
    assert_eq!(dates("le 20 mars au matin", PUB), ["2024-03-20"]);
    assert_eq!(en("On 15 July, a strike", PUB), ["2023-07-15"]);
    assert_eq!(en("On July 15, a strike", PUB), ["2023-07-15"]);
}

#[test]
fn nearest_not_after_crosses_the_year_boundary() {
    let published = Some(day(2024, 1, 5));
    assert_eq!(
        dates("le 28 décembre, des hommes armés", published),
        ["2023-12-28"]
    );
    assert_eq!(
        dates("le 2 janvier, des hommes armés", published),
        ["2024-01-02"]
    );
}

#[test]
fn partial_dates_in_future_sentences_resolve_forward() {
    let published = Some(day(2024, 1, 5));
    assert_eq!(
        dates("Le scrutin se tiendra le 28 décembre.", published),
        ["2024-12-28"]
    );
    assert_eq!(
        en("The vote will take place on 10 January.", published),
        ["2024-01-10"]
    );
}

#[test]
fn what_happened_earlier_than_planned_is_past() {
    // Monday 14 August 2023: Sunday is the 13th, not the 20th.
    let published = Some(day(2023, 8, 14));
    assert_eq!(
        dates(
            "La mission a achevé dimanche le retrait de son camp, plus tôt que prévu.",
            published
        ),
        ["2023-08-13"]
    );
    assert_eq!(
        en("The convoy reached Gao on Sunday, as scheduled.", published),
        ["2023-08-13"]
    );
    // A plan is still a plan.
    assert_eq!(
        dates("Le retrait est prévu dimanche.", published),
        ["2023-08-20"]
    );
}

#[test]
fn a_plan_is_for_later_and_the_noun_is_no_verb() {
    // Monday 14 August 2023: Wednesday is the 16th when planned, the 9th otherwise.
    let published = Some(day(2023, 8, 14));
    assert_eq!(
        en("Partners plan a joint assessment on Wednesday.", published),
        ["2023-08-16"]
    );
    assert_eq!(
        dates(
            "Les partenaires prévoient une évaluation mercredi.",
            published
        ),
        ["2023-08-16"]
    );
    assert_eq!(
        en(
            "Miners protested on Wednesday against the plan to expand the site.",
            published
        ),
        ["2023-08-09"]
    );
    assert_eq!(
        en(
            "Miners protested on Wednesday against the company's plans to expand.",
            published
        ),
        ["2023-08-09"]
    );
}

#[test]
fn a_weekday_picks_the_year_it_agrees_with() {
    // 1 March 2013 is a Friday, 1 March 2012 a Thursday.
    assert_eq!(
        dates("vendredi 1er mars", Some(day(2013, 2, 12))),
        ["2013-03-01"]
    );
    assert_eq!(dates("mercredi 13", Some(day(2013, 2, 12))), ["2013-02-13"]);
}

#[test]
fn partial_dates_without_publication_take_the_year_of_the_text() {
    let text = "Selon un communiqué du dimanche 20 juillet 2025. Le 15 juillet, une frappe. Le 17 juillet, une autre.";
    assert_eq!(
        dates(text, None),
        ["2025-07-20", "2025-07-15", "2025-07-17"]
    );
    assert!(dates("Le 15 juillet, une frappe.", None).is_empty());
}

#[test]
fn a_day_joined_to_its_month_by_a_hyphen_names_a_place() {
    assert!(dates("Les supporters ont envahi le stade du 26-Mars.", PUB).is_empty());
    assert!(dates("un rassemblement place du 8-Mai", PUB).is_empty());
    // A day named a few days after the publication date is in the publication's year.
    assert_eq!(
        dates("l'aéroport a été bombardé le 22 mars", PUB),
        ["2024-03-22"]
    );
    assert_eq!(
        dates("l'aéroport a été bombardé le 2 avril", PUB),
        ["2023-04-02"]
    );
}

#[test]
fn a_name_given_after_a_date_is_no_date() {
    let published = Some(day(2020, 8, 14));
    assert_eq!(
        dates(
            "Le Mouvement du 5 juin a appelé à manifester le 11 août à Bamako.",
            published
        ),
        ["2020-08-11"]
    );
    assert_eq!(
        en(
            "On 11 August 2020, people of the Movement of June 5 marched in Gao.",
            published
        ),
        ["2020-08-11"]
    );
    assert_eq!(
        en(
            "Supporters of the June 5 Movement marched on Tuesday.",
            published
        ),
        ["2020-08-11"]
    );
    assert!(dates("Ils se sont rassemblés place du 26 Mars.", published).is_empty());
    // A date of the report keeps its lower-case month, and a title its capitals.
    assert_eq!(
        dates("Le bilan de l'attaque du 5 août s'alourdit.", published),
        ["2020-08-05"]
    );
    assert_eq!(
        dates(
            "La nuit du 5 au 6 Août, une attaque a visé Boni.",
            published
        )
        .len(),
        1
    );
}

#[test]
fn ranges_of_months() {
    assert_eq!(
        dates("De janvier à mars 2024, 40 attaques.", None),
        ["2024-01..2024-03"]
    );
    assert_eq!(dates("entre janvier et mars", PUB), ["2024-01..2024-03"]);
    assert_eq!(dates("de novembre à février", PUB), ["2023-11..2024-02"]);
    assert_eq!(dates("Bilan janvier–mars 2023", None), ["2023-01..2023-03"]);
    assert_eq!(
        en("From January to March 2022, attacks doubled.", None),
        ["2022-01..2022-03"]
    );
    assert_eq!(en("between April and June", PUB), ["2023-04..2023-06"]);
    // Two months listed are no range.
    assert_eq!(dates("en janvier et en mars 2024", None).len(), 2);
}

#[test]
fn a_range_of_months_stands_for_every_month_it_covers() {
    let range = |from: DateValue, until: DateValue| EventDate {
        date: from,
        until: Some(until),
        start: 0,
        end: 0,
        text: String::new(),
        kind: DateKind::Month,
        role: DateRole::Event,
        cue: None,
    };
    let months = |d: &EventDate| event_months(std::slice::from_ref(d));
    assert_eq!(
        months(&range(
            DateValue::Month(2023, 11),
            DateValue::Month(2024, 2)
        )),
        ["2023-11", "2023-12", "2024-01", "2024-02"]
    );
    assert_eq!(
        months(&range(DateValue::Month(2022, 1), DateValue::Month(2023, 6))),
        ["2022-01", "2023-06"]
    );
}

#[test]
fn a_year_in_the_title_line_is_the_year_of_the_whole_report() {
    // Without a publication date, the title's period anchors every undated expression, before a
    // background date of the text.
    let text = "Bilan sécuritaire – premier semestre 2022\n\nLe 4 février, une embuscade. Depuis mars 2021, les attaques se multiplient. Le 9 juin, un enlèvement.";
    assert_eq!(dates(text, None), ["2022-02-04", "2021-03", "2022-06-09"]);
    // A year alone gives no month: a day without its month stays unresolved.
    assert!(dates("Rapport 2022\n\nDans la nuit du 3 au 4, une attaque.", None).is_empty());
    // A number in a code is no year of the report.
    for title in [
        "Note n° 2022-017",
        "Décret 2022.17 du ministère",
        "Lot 12022",
    ] {
        let text = format!("{title}\n\nLe 4 février, une embuscade.");
        let found = dates(&text, None);
        assert!(
            !found.contains(&"2022-02-04".to_string()),
            "{title}: {found:?}"
        );
    }
}

#[test]
fn relative_days_in_french() {
    // PUB is Wednesday 20 March 2024.
    assert_eq!(dates("hier", PUB), ["2024-03-19"]);
    assert_eq!(dates("avant-hier", PUB), ["2024-03-18"]);
    assert_eq!(dates("aujourd'hui", PUB), ["2024-03-20"]);
    assert_eq!(dates("aujourd’hui", PUB), ["2024-03-20"]);
    assert_eq!(dates("lundi dernier", PUB), ["2024-03-18"]);
    assert_eq!(dates("mercredi dernier", PUB), ["2024-03-13"]);
    assert_eq!(
        dates("ce lundi, des hommes armés ont attaqué", PUB),
        ["2024-03-18"]
    );
    assert_eq!(
        dates("Dimanche, des hommes armés ont attaqué", PUB),
        ["2024-03-17"]
    );
    assert_eq!(
        dates("Mercredi, des hommes armés ont attaqué", PUB),
        ["2024-03-20"]
    );
    assert_eq!(dates("il y a trois jours", PUB), ["2024-03-17"]);
    assert_eq!(dates("il y a 2 semaines", PUB), ["2024-03-06"]);
    assert_eq!(
        dates("la semaine dernière", PUB),
        ["2024-03-11..2024-03-17"]
    );
    assert_eq!(
        dates("le week-end dernier", PUB),
        ["2024-03-16..2024-03-17"]
    );
    assert_eq!(dates("hier lundi", Some(day(2024, 3, 19))), ["2024-03-18"]);
    assert_eq!(dates("lundi prochain", PUB), ["2024-03-25"]);
    assert_eq!(dates("La réunion se tiendra samedi.", PUB), ["2024-03-23"]);
}

#[test]
fn relative_days_in_english() {
    assert_eq!(en("yesterday", PUB), ["2024-03-19"]);
    assert_eq!(en("last Tuesday", PUB), ["2024-03-19"]);
    assert_eq!(en("on Tuesday, gunmen killed", PUB), ["2024-03-19"]);
    assert_eq!(en("two days ago", PUB), ["2024-03-18"]);
    assert_eq!(en("a week ago", PUB), ["2024-03-13"]);
    assert_eq!(en("last week", PUB), ["2024-03-11..2024-03-17"]);
    // "the past week" is the seven days before, not the calendar week before.
    assert_eq!(en("over the past week", PUB), ["2024-03-13..2024-03-19"]);
}

#[test]
fn relative_dates_need_a_publication_date() {
    assert!(dates("hier, lundi dernier, il y a trois jours", None).is_empty());
    assert!(en("yesterday and last Tuesday", None).is_empty());
}

#[test]
fn previous_date_anchors_la_veille_and_le_lendemain() {
    let text =
        "Le 15 juillet 2024, une frappe. Deux jours plus tard, une autre. Le lendemain, un convoi.";
    assert_eq!(
        dates(text, None),
        ["2024-07-15", "2024-07-17", "2024-07-18"]
    );
    assert_eq!(
        dates("le lendemain du 13 février 2024", None),
        ["2024-02-14"]
    );
    assert!(dates("le lendemain de l'attaque", None).is_empty());
    let text = "Le 19 juillet 2025, une frappe. Dans la même journée, une base a été détruite.";
    assert_eq!(dates(text, None), ["2025-07-19", "2025-07-19"]);
}

#[test]
fn ranges() {
    assert_eq!(
        dates("du 26 au 27 juillet", PUB),
        ["2023-07-26..2023-07-27"]
    );
    assert_eq!(
        dates("dans la nuit du 26 au 27 juillet 2024", None),
        ["2024-07-26..2024-07-27"]
    );
    assert_eq!(
        dates("dans la nuit du 16 au 17", PUB),
        ["2024-03-16..2024-03-17"]
    );
    assert_eq!(
        dates("dans la nuit du 26 au 27", PUB),
        ["2024-02-26..2024-02-27"]
    );
    assert_eq!(
        dates("entre le 13 et le 15 juillet 2023", None),
        ["2023-07-13..2023-07-15"]
    );
    assert_eq!(
        dates("du 30 juin au 2 juillet 2023", None),
        ["2023-06-30..2023-07-02"]
    );
    assert_eq!(
        dates("du 28 décembre au 3 janvier", Some(day(2024, 1, 5))),
        ["2023-12-28..2024-01-03"]
    );
    assert_eq!(
        dates("dans la nuit de samedi à dimanche", PUB),
        ["2024-03-16..2024-03-17"]
    );
    assert_eq!(
        en("from 3 to 5 March 2024", None),
        ["2024-03-03..2024-03-05"]
    );
    assert_eq!(
        en("between 3 and 5 March 2024", None),
        ["2024-03-03..2024-03-05"]
    );
    assert_eq!(en("March 3-5, 2024", None), ["2024-03-03..2024-03-05"]);
    assert_eq!(
        en("between June 10 and 14, 2023", None),
        ["2023-06-10..2023-06-14"]
    );
    assert_eq!(
        en("from May 2 to 6, 2021", None),
        ["2021-05-02..2021-05-06"]
    );
    assert_eq!(
        en("between June 28 and July 2, 2023", None),
        ["2023-06-28..2023-07-02"]
    );
    let range = &extract_event_dates("du 26 au 28 juillet 2024", None, "fr")[0];
    assert_eq!(range.kind, DateKind::Range);
    assert_eq!(range.values().len(), 3);
}

#[test]
fn iso_months_are_months_and_anchor_undated_days() {
    assert_eq!(
        dates(" date 2023-09 Le 12 septembre, le CSP a attaqué.", None),
        ["2023-09", "2023-09-12"]
    );
    assert!(dates(
        "la saison 2023-24, entre 2 et 3 heures, du 3 au 5 morts",
        None
    )
    .is_empty());
}

#[test]
fn months() {
    assert_eq!(dates("en mars 2024", None), ["2024-03"]);
    assert_eq!(dates("courant janvier", PUB), ["2024-01"]);
    assert_eq!(dates("fin mars", PUB), ["2024-03"]);
    assert_eq!(dates("début avril", PUB), ["2023-04"]);
    assert_eq!(dates("mi-décembre", PUB), ["2023-12"]);
    assert_eq!(dates("au mois de mai 2023", None), ["2023-05"]);
    assert_eq!(dates("en janvier dernier", PUB), ["2024-01"]);
    assert_eq!(dates("le mois dernier", PUB), ["2024-02"]);
    assert_eq!(en("in March 2024", None), ["2024-03"]);
    assert_eq!(en("in early February", PUB), ["2024-02"]);
    assert!(dates("en mars", None).is_empty());
    let month = &extract_event_dates("en mars 2024", None, "fr")[0];
    assert_eq!(month.kind, DateKind::Month);
}

#[test]
fn number_words() {
    assert_eq!(dates("il y a quinze jours", PUB), ["2024-03-05"]);
    assert_eq!(dates("il y a vingt et un jours", PUB), ["2024-02-28"]);
    assert_eq!(
        dates("du treize au dix-huit juillet 2023", None),
        ["2023-07-13..2023-07-18"]
    );
    assert_eq!(en("twelve days ago", PUB), ["2024-03-08"]);
}

#[test]
fn a_day_alone_after_le_takes_the_latest_month() {
    assert_eq!(
        dates("Le 16, des hommes armés ont attaqué.", PUB),
        ["2024-03-16"]
    );
    assert_eq!(dates("le 25.", PUB), ["2024-02-25"]);
    assert_eq!(dates("17/2", PUB), ["2024-02-17"]);
}

#[test]
fn not_dates() {
    for text in [
        "à 15h30",
        "15:30",
        "74 morts",
        "deux trois",
        "deux trois minutes",
        "COMMUNIQUÉ N° 020 DE L'ÉTAT-MAJOR",
        "communiqué n°020/2023/DIRPA",
        "la loi de 2012",
        "Tél. : +223 76 12 34 56",
        "76-12-34-56",
        "version 1.2.3",
        "1,5 million",
        "les 3/4 des",
        "le 16e bataillon",
        "they may 5",
    ] {
        assert!(
            dates(text, PUB).is_empty(),
            "{text}: {:?}",
            dates(text, PUB)
        );
    }
}

#[test]
fn years_alone_are_found_but_not_event_dates() {
    assert!(dates("en 2012, la crise", None).is_empty());
    let all = find_dates("en 2012, la crise", None, "fr");
    assert_eq!(all[0].date, DateValue::Year(2012));
}

#[test]
fn event_months_are_sorted_and_unique() {
    let found = extract_event_dates(
        "le 3 mars 2024, puis en janvier 2024, puis le 5 mars 2024",
        None,
        "fr",
    );
    assert_eq!(event_months(&found), ["2024-01", "2024-03"]);
    let range = extract_event_dates("du 30 juin au 2 juillet 2023", None, "fr");
    assert_eq!(event_months(&range), ["2023-06", "2023-07"]);
    assert_eq!(event_date_strings(&range).len(), 3);
}

#[test]
fn publication_date_from_a_signature() {
    let text = "L'état-major informe que le 17 septembre 2023 à 15h30, les FAMa ont réagi.\n\n**Bamako, le 18 septembre 2023**\n\n**LE DIRECTEUR**";
    let found = find_publication_date(text, "fr").unwrap();
    assert_eq!(found.date, day(2023, 9, 18));
    assert_eq!(found.source, PublicationSource::Signature);
    assert_eq!(dates(text, Some(found.date)), ["2023-09-17"]);
}

#[test]
fn a_sentence_ending_with_place_and_date_is_no_signature() {
    // The place ends a clause ("à Léré, le 17 septembre 2023."): an event, not where and when
    // the text was signed.
    let text = "Les FAMa ont repoussé une attaque terroriste à Léré, le 17 septembre 2023.";
    assert_eq!(find_publication_date(text, "fr"), None);
    let (published, events) = publication_and_event_dates(text, None, "fr");
    assert_eq!(published, None);
    assert_eq!(event_date_strings(&events), ["2023-09-17"]);
    // A source line closing a report is signed: after a separator, or "Fait à".
    for signed in [
        "Les FAMa ont réagi.\nÉtat-major général des Armées, communiqué officiel, Bamako, 9 février 2026.",
        "Les FAMa ont réagi.\nFait à Bamako, le 9 février 2026",
    ] {
        let found = find_publication_date(signed, "fr").unwrap();
        assert_eq!(found.date, day(2026, 2, 9), "{signed}");
        assert_eq!(found.source, PublicationSource::Signature);
    }
}

#[test]
fn a_range_from_a_dated_weekday_to_a_weekday() {
    let published = Some(day(2024, 7, 29));
    assert_eq!(
        en(
            "Fighting went on from Thursday July 25 until Saturday near Tillia.",
            published
        ),
        ["2024-07-25..2024-07-27"]
    );
    assert_eq!(
        dates(
            "Les combats ont duré du jeudi 25 juillet au samedi près de Léré.",
            published
        ),
        ["2024-07-25..2024-07-27"]
    );
    // Into the next month: 30 October 2024 is a Wednesday.
    assert_eq!(
        dates(
            "Le blocus a duré du mercredi 30 octobre au lundi.",
            Some(day(2024, 11, 20))
        ),
        ["2024-10-30..2024-11-04"]
    );
    // Without the opening "du"/"from", two separate dates.
    assert_eq!(
        en("On Thursday July 25 to Saturday", published).len(),
        2,
        "{:?}",
        en("On Thursday July 25 to Saturday", published)
    );
}

#[test]
fn since_the_start_of_the_year_is_no_date() {
    let published = Some(day(2024, 6, 13));
    assert!(dates(
        "Depuis le début de l'année, la province a enregistré une vingtaine d'attaques.",
        published
    )
    .is_empty());
    // Early in the year is a time; since the end of September is when a blockade began.
    assert_eq!(
        dates(
            "Au début de l'année, plusieurs attaques ont visé la zone.",
            published
        ),
        ["2024-01..2024-02"]
    );
    assert_eq!(
        dates("Un blocus est imposé depuis fin septembre.", published),
        ["2023-09"]
    );
}

#[test]
fn part_of_last_week_and_an_english_night_range() {
    // 13 June 2024 is a Thursday: last week ran from Monday 3 to Sunday 9 June.
    let published = Some(day(2024, 6, 13));
    assert_eq!(
        dates(
            "En fin de semaine dernière, des tirs ont été entendus.",
            published
        ),
        ["2024-06-06..2024-06-09"]
    );
    assert_eq!(
        dates("En début de semaine, le marché a rouvert.", published),
        ["2024-06-10..2024-06-11"]
    );
    assert_eq!(
        dates(
            "Il y a une dizaine de jours, un enlèvement a été signalé.",
            published
        ),
        ["2024-06-03"]
    );
    assert!(dates("Une vingtaine d'attaques ont été recensées.", published).is_empty());
    // The weekend before a Thursday's report: 8-9 June.
    for (text, english) in [
        ("Over the weekend, 20 people were killed.", true),
        ("During the weekend, the road was closed.", true),
        ("Pendant le week-end, des tirs ont été entendus.", false),
        (
            "Au cours du week-end, deux villages ont été attaqués.",
            false,
        ),
    ] {
        let found = if english {
            en(text, published)
        } else {
            dates(text, published)
        };
        assert_eq!(found, ["2024-06-08..2024-06-09"], "{text}");
    }
    assert_eq!(
        en(
            "On the night of June 9-10, the camp was attacked.",
            published
        ),
        ["2024-06-09..2024-06-10"]
    );
}

#[test]
fn a_past_period_ends_with_the_publication_date() {
    // 15 June 2024 is a Saturday.
    let published = Some(day(2024, 6, 15));
    assert_eq!(
        en("Earlier this week, fighters overran the post.", published),
        ["2024-06-10..2024-06-15"]
    );
    assert_eq!(
        dates(
            "Cette semaine, trois attaques ont visé la ville.",
            published
        ),
        ["2024-06-10..2024-06-15"]
    );
    // A future sentence keeps the whole week.
    assert_eq!(
        dates(
            "Cette semaine, une mission se rendra à Djibo.",
            Some(day(2024, 6, 11))
        ),
        ["2024-06-10..2024-06-16"]
    );
}

#[test]
fn a_yearless_wire_dateline_takes_the_year_of_the_events_it_reports() {
    let text =
        "DAKAR, Jan 3 (Reuters) - Gunmen killed 12 villagers in western Niger on Dec. 30, 2022, \
                and the army said on Monday it had arrested suspects.";
    let (published, events) = publication_and_event_dates(text, None, "en");
    assert_eq!(published, Some(day(2023, 1, 3)));
    assert!(
        events.iter().all(|e| e.text != "Jan 3"),
        "the dateline is no event: {events:?}"
    );
    // With no dated event, or one long before, the year stays unknown.
    for text in [
        "DAKAR, Jan 3 (Reuters) - Gunmen killed 12 villagers in western Niger on Friday.",
        "DAKAR, Jan 3 (Reuters) - The massacre of 5 March 2019 is still unpunished.",
    ] {
        assert_eq!(
            publication_and_event_dates(text, None, "en").0,
            None,
            "{text}"
        );
    }
}

#[test]
fn publication_date_from_a_dateline() {
    let text = "BAMAKO, 12 mars 2024 (AFP) - Des hommes armés ont attaqué hier un camp.";
    assert_eq!(
        publication_date_from_text(text, "fr"),
        Some(day(2024, 3, 12))
    );
    assert_eq!(dates(text, Some(day(2024, 3, 12))), ["2024-03-11"]);
    let text = "Niamey, March 3, 2024 (Reuters) - Gunmen killed ten soldiers on Saturday.";
    assert_eq!(
        publication_date_from_text(text, "en"),
        Some(day(2024, 3, 3))
    );
    assert_eq!(en(text, Some(day(2024, 3, 3))), ["2024-03-02"]);
}

#[test]
fn publication_date_from_a_byline() {
    let text = "Niger: 23 soldiers killed\n2 days ago · 3 min read\nMarch 21, 2024\n\nTwenty-three soldiers were killed on Wednesday.";
    assert_eq!(
        publication_date_from_text(text, "en"),
        Some(day(2024, 3, 21))
    );
    assert_eq!(
        en(text, Some(day(2024, 3, 21))),
        ["2024-03-19", "2024-03-20"]
    );
    let text = "Nord : la MINUSMA quitte Tessalit\n\nPar la rédaction – 24 octobre 2023\n\nLa Mission a annoncé mardi son retrait.";
    assert_eq!(
        publication_date_from_text(text, "fr"),
        Some(day(2023, 10, 24))
    );
    let lead = "Le camp a été attaqué le 17 septembre 2023.\nLa suite.";
    assert_eq!(publication_date_from_text(lead, "fr"), None);
}

#[test]
fn publication_date_from_markers() {
    let text = "Attaque à Boni\nPublié le 12/03/2024 à 10h30 | Mis à jour le 13/03/2024\nDes hommes armés ont attaqué.";
    let found = find_publication_date(text, "fr").unwrap();
    assert_eq!(found.date, day(2024, 3, 12));
    assert_eq!(found.source, PublicationSource::Published);
    assert!(dates(text, Some(found.date)).is_empty());
    let updated = "Titre\nMis à jour le 13 mars 2024\nTexte.";
    assert_eq!(
        publication_date_from_text(updated, "fr"),
        Some(day(2024, 3, 13))
    );
}

#[test]
fn an_announcement_date_in_the_lead_is_no_publication_date() {
    let text = "Selon un communiqué rendu public ce dimanche 20 juillet 2025 par l'état-major, des frappes ont visé Ménaka.";
    assert_eq!(publication_date_from_text(text, "fr"), None);
    assert!(publication_date_from_text("Un texte sans date.", "fr").is_none());
}

#[test]
fn spans_are_in_the_original_text() {
    let text = "Le 1ᵉʳ… non : LE 17 SEPTEMBRE 2023 à Léré";
    let found = extract_event_dates(text, None, "fr");
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "17 SEPTEMBRE 2023");
    assert_eq!(found[0].text, "17 SEPTEMBRE 2023");
}

#[test]
fn serialises_values_as_iso_strings() {
    let found = extract_event_dates("en mars 2024 et le 2 mars 2024", None, "fr");
    let json = serde_json::to_value(&found).unwrap();
    assert_eq!(json[0]["date"], "2024-03");
    assert_eq!(json[1]["date"], "2024-03-02");
    assert_eq!(json[1]["kind"], "absolute");
}

#[test]
fn sample_reports_give_their_dates() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/sample-reports"
    );
    let Ok(communique) = std::fs::read_to_string(format!("{dir}/000_36a7e1c0e989bd7d.txt")) else {
        return; // the shared data sits beside the clone in CI; nothing to check without it
    };
    let published = publication_date_from_text(&communique, "fr");
    assert_eq!(published, Some(day(2023, 9, 18)));
    let found = extract_event_dates(&communique, published, "fr");
    assert_eq!(event_months(&found), ["2023-09"]);
    let article = std::fs::read_to_string(format!("{dir}/003_2c6fc8883bc5a4d7.txt")).unwrap();
    let found = extract_event_dates(&article, None, "fr");
    let days = event_date_strings(&found);
    // "Selon un communiqué rendu public ce dimanche 20 juillet 2025": the day the news was
    // released, not a day of the operations.
    assert_eq!(days, ["2025-07-15", "2025-07-17", "2025-07-19"]);
}

#[test]
fn direction_decides_undated_expressions_and_future_markers_override_past() {
    let published = Some(day(2013, 2, 12)); // a Tuesday
    let past = |t: &str| find_dates_directed(t, published, "fr", Direction::Past);
    let forward = |t: &str| find_dates_directed(t, published, "fr", Direction::Forward);
    assert_eq!(past("le 15 juillet")[0].date.to_string(), "2012-07-15");
    assert_eq!(forward("le 15 juillet")[0].date.to_string(), "2013-07-15");
    assert_eq!(past("lundi")[0].date.to_string(), "2013-02-11");
    assert_eq!(forward("lundi")[0].date.to_string(), "2013-02-18");
    // Explicit future markers resolve forward in Past mode too.
    for t in [
        "Le forum aura lieu le 15 juillet.",
        "La session à venir, le 15 juillet, portera sur la sécurité.",
        "Les élections se dérouleront le 15 juillet.",
        "Le sommet reprendra le 15 juillet.",
        "Les ministres organiseront une réunion le 15 juillet.",
        "The summit will open on July 15.",
    ] {
        let lang = if t.starts_with("The") { "en" } else { "fr" };
        let found = find_dates_directed(t, published, lang, Direction::Past);
        assert_eq!(found[0].date.to_string(), "2013-07-15", "{t}");
    }
    // Past tense stays backward.
    assert_eq!(
        past("Les élections se sont déroulées le 15 juillet.")[0]
            .date
            .to_string(),
        "2012-07-15"
    );
}

#[test]
fn nth_weekday_of_a_month() {
    assert_eq!(
        dates("le premier mercredi de mars 2024", None),
        ["2024-03-06"]
    );
    assert_eq!(
        dates("le dernier vendredi de mars 2024", None),
        ["2024-03-29"]
    );
    // Relative to the publication month (PUB: 2024-03-20).
    assert_eq!(
        dates("le premier lundi du mois prochain", PUB),
        ["2024-04-01"]
    );
    assert_eq!(
        dates("le dernier samedi du mois dernier", PUB),
        ["2024-02-24"]
    );
    assert_eq!(en("the first Monday of next month", PUB), ["2024-04-01"]);
    // No fifth Monday in February 2024: nothing rather than a wrong date.
    assert!(nth_weekday_of(2024, 2, 0, 5).is_none());
}

#[test]
fn open_start_and_now() {
    assert_eq!(dates("à partir du 8", PUB), ["2024-03-08"]);
    assert_eq!(dates("en ce moment", PUB), ["2024-03-20"]);
    // A bare `du 8` is no date (counts, article numbers).
    assert!(dates("l'article 3 du 8", PUB).is_empty());
}

#[test]
fn duckling_corpus_meets_the_thresholds() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/duckling-fr"
    );
    let (Ok(corpus), Ok(negatives)) = (
        std::fs::read_to_string(format!("{dir}/duckling_fr_time_corpus.tsv")),
        std::fs::read_to_string(format!("{dir}/duckling_fr_time_negative.txt")),
    ) else {
        return;
    };
    let reference = eval::duckling_reference();
    // Duckling's own convention: standalone expressions resolve forward.
    let forward = eval::eval_duckling(&corpus, &negatives, reference, Direction::Forward).unwrap();
    assert_eq!(forward.negatives.len(), 4);
    assert_eq!(forward.negatives_with_dates(), 0, "{forward}");
    assert!(forward.overall.total >= 230, "{forward}");
    assert!(forward.overall.share() >= FORWARD_MIN, "{forward}");
    for grain in ["Day", "Month", "Year"] {
        let score = forward.by_grain[grain];
        assert!(score.share() >= 0.85, "{grain}: {score}\n{forward}");
    }
    // The report convention (what extraction uses): only the phrases Duckling reads forward
    // differ; everything else must agree.
    let past = eval::eval_duckling(&corpus, &negatives, reference, Direction::Past).unwrap();
    assert_eq!(past.negatives_with_dates(), 0, "{past}");
    assert!(past.overall.share() >= PAST_MIN, "{past}");
    let not_convention = past.failures.iter().filter(|f| !f.convention).count();
    assert_eq!(
        not_convention,
        forward.failures.len(),
        "a past-direction failure that is not the convention is also a forward failure"
    );
}

/// Issue 3 asks 85%; measured 95.4% (227/238) with the Forward direction (Duckling's convention).
const FORWARD_MIN: f64 = 0.93;
/// Measured 56.3% (134/238) with the Past direction (report convention): the other 93 phrases
/// are undated expressions Duckling reads forward.
const PAST_MIN: f64 = 0.54;

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_sit_on_char_boundaries(text in any::<String>(), days in 0i64..40000) {
        let published = day(1950, 1, 1).checked_add_days(chrono::Days::new(days as u64));
        for d in extract_event_dates(&text, published, "fr") {
            prop_assert!(d.start < d.end && d.end <= text.len());
            prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            prop_assert_eq!(&text[d.start..d.end], d.text.as_str());
        }
        let _ = find_publication_date(&text, "en");
    }

    #[test]
    fn date_like_text_never_panics(text in "([0-9]{1,4}[ /.-]?|le |du |au |et |hier |lundi |mars |mi-|fin |il y a |jours |[a-z]{1,6} |, ){0,12}") {
        let published = Some(day(2024, 2, 29));
        for d in extract_event_dates(&text, published, "fr") {
            prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        }
        let _ = extract_event_dates(&text, None, "en");
    }
}

/// Event and background months of a text published on `published`.
fn roles_of(text: &str, published: NaiveDate) -> (Vec<String>, Vec<String>) {
    let (_, dates) = publication_and_event_dates(text, Some(published), "fr");
    (
        months_of(&dates, DateRole::Event),
        months_of(&dates, DateRole::Background),
    )
}

#[test]
fn a_recalled_year_is_background() {
    let (events, background) = roles_of(
        "Le 3 mars 2024, des hommes armés ont attaqué le poste de Boni. En mai 2019, ce poste avait déjà été visé par une attaque.",
        day(2024, 3, 5),
    );
    assert_eq!(events, ["2024-03"]);
    assert_eq!(background, ["2019-05"]);
    let (events, background) = roles_of(
        "Gunmen killed five soldiers on Tuesday near Kaya. The base had been attacked in October 2022.",
        day(2024, 2, 8),
    );
    assert_eq!(events, ["2024-02"]);
    assert_eq!(background, ["2022-10"]);
}

#[test]
fn the_start_of_a_situation_and_a_deadline_are_background() {
    let (events, background) = roles_of(
        "Le blocus imposé depuis août 2023 se poursuit. Mardi, un convoi de ravitaillement a été attaqué.",
        day(2024, 1, 12),
    );
    assert_eq!(events, ["2024-01"]);
    assert_eq!(background, ["2023-08"]);
    let (events, background) = roles_of(
        "Samedi, deux civils ont été tués. Le couvre-feu est prolongé jusqu'au 30 juin.",
        day(2024, 5, 6),
    );
    assert_eq!(events, ["2024-05"]);
    assert_eq!(background, ["2024-06"]);
}

#[test]
fn a_deadline_past_in_a_sentence_of_the_past_is_not_next_year() {
    // Published on 4 January: "jusqu'au 2 janvier" ended two days before, not next year.
    let (events, background) = roles_of(
        "Mardi 1er janvier, des hommes armés ont attaqué le village. Les violences se sont poursuivies jusqu'au 2 janvier.",
        day(2019, 1, 4),
    );
    assert_eq!(events, ["2019-01"]);
    assert!(
        !background.contains(&"2020-01".to_string()),
        "{background:?}"
    );
    // A deadline to come still reads forward.
    let (_, background) = roles_of(
        "Mardi, des hommes armés ont attaqué le village. Le couvre-feu est prolongé jusqu'au 2 février.",
        day(2019, 1, 4),
    );
    assert_eq!(background, ["2019-02"]);
}

#[test]
fn a_since_date_of_the_lead_opens_the_period_a_report_covers() {
    // A report about earlier incidents, weeks apart, since a month its lead names.
    let (events, background) = roles_of(
        "Soldiers have executed dozens of civilians since January 2024, the organisation said today.\nOn January 20, soldiers killed 12 men near a market. On February 14, a drone strike hit a wedding. On March 30, fighters looted a village.\nThese abuses come two years after the massacre of March 2022.",
        day(2024, 5, 2),
    );
    assert_eq!(events, ["2024-01", "2024-02", "2024-03"]);
    assert!(
        background.contains(&"2022-03".to_string()),
        "{background:?}"
    );
    // A since-date later in the text opens nothing.
    let (events, _) = roles_of(
        "On March 30, fighters looted a village.\nOn January 20, soldiers killed 12 men near a market. The region has been under a state of emergency since January 2024.",
        day(2024, 4, 2),
    );
    assert_eq!(events, ["2024-03"]);
}

#[test]
fn years_ago_today_is_that_very_day_and_a_document_number_no_date() {
    let p = Some(day(2023, 1, 11));
    assert_eq!(dates("il y a dix ans jour pour jour", p), ["2013-01-11"]);
    assert_eq!(dates("il y a dix ans aujourd'hui", p), ["2013-01-11"]);
    assert_eq!(dates("il y a un an", p), ["2022-01"]);
    let (events, background) = roles_of(
        "Ten years ago today, French jets struck the columns that had seized Konna. On Monday, residents gathered in the town.",
        day(2023, 1, 11),
    );
    assert_eq!(events, ["2023-01"]);
    assert_eq!(background, ["2013-01"]);
    // "l'avis n° 2025-09" is a document's number; "en 2025-09" stays a month.
    assert!(dates("interdit depuis l'avis n° 2025-09", p).is_empty());
    assert!(dates("selon le rapport No. 2024-11", p).is_empty());
    assert_eq!(dates("les incidents de 2022-11", p), ["2022-11"]);
}

#[test]
fn that_day_named_before_is_no_date_of_its_own() {
    // "ce samedi-là", "ce jour-là" point back to a date already given: not this week's
    // Saturday, not the day of publication.
    let p = Some(day(2024, 9, 5));
    assert!(dates("Ce samedi-là, des habitants creusaient une tranchée.", p).is_empty());
    assert!(dates("Ce jour-là, des hommes armés ont attaqué la ville.", p).is_empty());
    assert_eq!(
        dates("Ce samedi, des hommes armés ont attaqué la ville.", p),
        ["2024-08-31"]
    );
    assert_eq!(dates("ce jour, l'armée a riposté", p), ["2024-09-05"]);
}

#[test]
fn a_periodic_report_covers_the_time_since_the_previous_one() {
    // A quarterly report under its headings: every incident since the previous report is its
    // own, however far apart; what came before is background.
    let text = "Quarterly report on the situation in the country\nII. Security\n7. Since my last report of 14 June 2023, the situation has worsened. On 2 July, a convoy struck a mine near the river. On 19 August, gunmen raided a market. On 25 September, a camp came under fire.\n8. The mission was created in April 2013.";
    let (events, background) = roles_of(text, day(2023, 9, 29));
    assert_eq!(events, ["2023-07", "2023-08", "2023-09"]);
    assert_eq!(background, ["2013-04", "2023-06"]);
    let (events, _) = roles_of(
        "Note de situation\nDepuis le rapport du 3 mars, la situation s'est dégradée. Le 12 mars, une patrouille a sauté sur une mine. Le 28 avril, des hommes armés ont attaqué un marché.",
        day(2024, 5, 2),
    );
    assert_eq!(events, ["2024-03", "2024-04"]);
    // Without the previous report, the far older incident is a recall.
    let (events, _) = roles_of(
        "Quarterly report on the situation in the country\nII. Security\n7. The situation has worsened. On 2 July, a convoy struck a mine near the river. On 25 September, a camp came under fire.",
        day(2023, 9, 29),
    );
    assert_eq!(events, ["2023-09"]);
}

#[test]
fn the_day_a_state_of_emergency_was_decreed_starts_a_situation() {
    let (events, background) = roles_of(
        "Mardi 1er janvier, des hommes armés ont attaqué le village. L'état d'urgence avait été décrété le 31 décembre 2018 dans 14 provinces.",
        day(2019, 1, 4),
    );
    assert_eq!(events, ["2019-01"]);
    assert_eq!(background, ["2018-12"]);
    let (events, background) = roles_of(
        "On Monday gunmen killed five people. A curfew was imposed on March 2 in the region.",
        day(2024, 3, 12),
    );
    assert_eq!(events, ["2024-03"]);
    // Without the cue the day would chain into the week's events.
    assert_eq!(background, ["2024-03"]);
}

#[test]
fn a_month_or_week_in_the_title_is_the_period_a_report_covers() {
    // Days outside the title's month are background, however near.
    let (events, background) = roles_of(
        "Mali : bilan mensuel, juillet 2023\nLe mandat de la mission a pris fin le 30 juin. Le 4 juillet, une embuscade a fait dix morts. Le 20 juillet, un camp a été attaqué.",
        day(2023, 8, 9),
    );
    assert_eq!(events, ["2023-07"]);
    assert!(
        background.contains(&"2023-06".to_string()),
        "{background:?}"
    );
    // A week across two months whose incidents all fall in the second.
    let (events, _) = roles_of(
        "Sahel Security Weekly: 30 June - 6 July 2025\nOn 1 July, gunmen attacked Kayes. On 5 July, a mine struck a convoy.",
        day(2025, 7, 8),
    );
    assert_eq!(events, ["2025-07"]);
    // A month the title compares its period with, and its figures in the text.
    let (events, _) = roles_of(
        "Djibo : un mois de juillet moins sombre que juin\nLe 14 juillet, des obus sont tombés sur la ville. En juin, une douzaine de civils avaient été tués.",
        day(2023, 8, 2),
    );
    assert_eq!(events, ["2023-07"]);
}

#[test]
fn a_date_to_come_is_background() {
    let (events, background) = roles_of(
        "Les ministres se sont réunis lundi à Niamey. Le prochain sommet se tiendra en juillet.",
        day(2025, 2, 12),
    );
    assert_eq!(events, ["2025-02"]);
    assert_eq!(background, ["2025-07"]);
}

#[test]
fn the_incidents_of_a_summary_chain_into_one_period() {
    let (events, background) = roles_of(
        "Bulletin de sécurité du 27 novembre au 3 décembre 2023.\n\nLe 27 novembre, une embuscade a visé un convoi près de Djibo. Le 1er décembre, un engin explosif a touché un véhicule à Boulsa. Pour rappel, l'attaque de Solhan avait fait 160 morts en juin 2021.",
        day(2023, 12, 5),
    );
    assert_eq!(events, ["2023-11", "2023-12"]);
    // The title's period holds the events: its months are theirs (the report's background months
    // leave event months out).
    let background: Vec<&String> = background.iter().filter(|m| !events.contains(m)).collect();
    assert_eq!(background, ["2021-06"]);
}

#[test]
fn the_day_news_was_learnt_is_no_event_day() {
    // Wednesday 28 February, learnt on Friday 1 March.
    let (events, background) = roles_of(
        "Au moins dix civils ont été tués mercredi dans l'attaque d'un marché, a-t-on appris vendredi de sources locales.",
        day(2024, 3, 1),
    );
    assert_eq!(events, ["2024-02"]);
    assert_eq!(background, ["2024-03"]);
}

#[test]
fn a_report_told_in_the_pluperfect_keeps_its_event() {
    let (events, background) = roles_of(
        "Des hommes armés avaient attaqué le poste de Tessit dimanche, selon une source sécuritaire.",
        day(2024, 3, 5),
    );
    assert_eq!(events, ["2024-03"]);
    assert!(background.is_empty());
}

#[test]
fn a_wire_dateline_with_its_country_gives_the_publication_date() {
    let text = "KIDAL, Mali, Jan 9, 2025 - Gunmen attacked an army post near Anefis on Tuesday, killing three soldiers, local sources said.";
    assert_eq!(
        publication_date_from_text(text, "en"),
        Some(day(2025, 1, 9))
    );
    let (published, dates) = publication_and_event_dates(text, None, "en");
    assert_eq!(published, Some(day(2025, 1, 9)));
    assert_eq!(event_date_strings(&dates), ["2025-01-07"]);
    let text = "DORI, Burkina Faso, 3 mars 2024 - Des hommes armés ont attaqué un poste samedi.";
    assert_eq!(
        publication_date_from_text(text, "fr"),
        Some(day(2024, 3, 3))
    );
}

#[test]
fn a_period_compared_with_is_background() {
    let (events, background) = roles_of(
        "Le 14 octobre, des hommes armés ont attaqué Titao. Au total, 38 incidents ont été recensés en octobre contre 41 en septembre.",
        day(2022, 10, 20),
    );
    assert_eq!(events, ["2022-10"]);
    assert_eq!(background, ["2022-09"]);
}

#[test]
fn the_day_something_was_said_is_the_report_time_before_older_dates() {
    let (_, dates) = publication_and_event_dates(
        "The government withdrew the mining permit, the company said on Thursday. Relations have been strained since the army took power in July 2023.",
        Some(day(2024, 6, 21)),
        "en",
    );
    assert_eq!(months_of(&dates, DateRole::Event), ["2024-06"]);
    assert_eq!(months_of(&dates, DateRole::Background), ["2023-07"]);
    // What was said on the publication day is no such time: a report "released today" is about
    // earlier events.
    let (_, dates) = publication_and_event_dates(
        "Soldiers killed 23 villagers in two villages on March 5, 2024, a rights group said today.",
        Some(day(2024, 5, 8)),
        "en",
    );
    assert_eq!(months_of(&dates, DateRole::Event), ["2024-03"]);
}

#[test]
fn without_a_publication_date_a_cued_date_alone_is_no_event() {
    let (_, dates) = publication_and_event_dates(
        "Depuis janvier 2012, la ville vit au rythme des attaques. La semaine dernière, un commerçant a été enlevé.",
        None,
        "fr",
    );
    assert!(months_of(&dates, DateRole::Event).is_empty(), "{dates:?}");
}

#[test]
fn a_part_of_a_month_chains_into_the_report_time() {
    let (events, _) = roles_of(
        "La semaine dernière, un convoi a atteint Diapaga. Fin mars, des hommes armés avaient attaqué Partiaga, tuant douze civils.",
        day(2024, 4, 10),
    );
    assert_eq!(events, ["2024-03", "2024-04"]);
}

#[test]
fn a_weekly_prayer_is_no_date() {
    let (_, dates) = publication_and_event_dates(
        "On 21 March 2025, gunmen surrounded a mosque in Kokorou during Friday prayers, killing 44 worshippers.",
        Some(day(2025, 7, 15)),
        "en",
    );
    assert_eq!(months_of(&dates, DateRole::Event), ["2025-03"]);
    assert!(dates.iter().all(|d| d.text != "Friday"), "{dates:?}");
    let (events, _) = roles_of(
        "Le 3 mai, des hommes armés ont encerclé la mosquée pendant la grande prière du vendredi.",
        day(2024, 5, 20),
    );
    assert_eq!(events, ["2024-05"]);
}

#[test]
fn a_period_compared_after_its_count_is_background() {
    let (events, background) = roles_of(
        "Du 7 au 13 octobre, 27 incidents ont été recensés, contre 31 la semaine du 23 au 29 septembre.",
        day(2024, 10, 15),
    );
    assert_eq!(events, ["2024-10"]);
    assert_eq!(background, ["2024-09"]);
    // Without a count, "contre" is an attack's object, not a comparison.
    let (events, _) = roles_of(
        "Une embuscade contre un convoi le 12 octobre a fait trois morts.",
        day(2024, 10, 15),
    );
    assert_eq!(events, ["2024-10"]);
}

#[test]
fn a_long_period_holding_days_of_events_is_the_period_covered() {
    let (events, background) = roles_of(
        "Du 28 mars au 31 mai 2023, la mission a documenté des exactions: le 2 avril à Sévaré, le 22 avril à Bandiagara et le 14 mai près de Macina.",
        day(2023, 6, 1),
    );
    assert_eq!(events, ["2023-04", "2023-05"]);
    assert_eq!(background, ["2023-03", "2023-05"]);
    // A month with no day inside it stays the report's time.
    let (events, _) = roles_of(
        "De janvier à mars 2023, les attaques se sont multipliées dans le cercle de Niono.",
        day(2023, 4, 10),
    );
    assert!(!events.is_empty());
}

#[test]
fn what_came_after_an_earlier_attack_recalls_it() {
    let (events, background) = roles_of(
        "L'attaque de dimanche survient dix jours après celle du 23 mai contre le camp de Dioura.",
        day(2025, 6, 2),
    );
    assert_eq!(events, ["2025-06"]);
    assert!(
        background.contains(&"2025-05".to_string()),
        "{background:?}"
    );
}

#[test]
fn a_date_before_the_recall_phrase_of_its_sentence_is_not_recalled() {
    let (_, dates) = publication_and_event_dates(
        "Heavy rains between 29 August and 1 September caused further flooding in Maradi, adding to a season already considered the worst in years. The rainy season began in June.",
        Some(day(2024, 9, 3)),
        "en",
    );
    assert_eq!(months_of(&dates, DateRole::Event), ["2024-08", "2024-09"]);
}

#[test]
fn an_event_set_after_an_earlier_one_recalls_it() {
    let (events, background) = roles_of(
        "Mardi, des hommes armés ont attaqué Djibo. Cette attaque intervient moins d'un mois après l'annonce, le 21 avril, de l'échec d'un complot.",
        day(2023, 5, 12),
    );
    assert_eq!(events, ["2023-05"]);
    assert_eq!(background, ["2023-04"]);
    let (_, dates) = publication_and_event_dates(
        "Gunmen attacked Boulkessi on Sunday. The attacks come less than two weeks after fighters overran the camp in Dioura on May 23.",
        Some(day(2025, 6, 3)),
        "en",
    );
    assert_eq!(months_of(&dates, DateRole::Event), ["2025-06"]);
    assert_eq!(months_of(&dates, DateRole::Background), ["2025-05"]);
}

#[test]
fn a_part_of_a_month_outside_the_window_is_background() {
    // The window runs from 27 February to 2 March; "mi-février" is 11–20 February, not in it.
    let (_, dates) = publication_and_event_dates(
        "Vendredi 2 mars, des hommes armés ont attaqué l'ambassade. Le procès s'est ouvert le 27 février. À la mi-février, une opération a visé un chef jihadiste.",
        Some(day(2018, 3, 3)),
        "fr",
    );
    let role = |text: &str| dates.iter().find(|d| d.text.contains(text)).map(|d| d.role);
    assert_eq!(role("27 février"), Some(DateRole::Event), "{dates:?}");
    assert_eq!(role("mi-février"), Some(DateRole::Background), "{dates:?}");
}

#[test]
fn a_recalled_whole_month_gets_no_margin() {
    let (events, background) = roles_of(
        "Vendredi matin, des hommes armés ont tué deux enseignants. En février, des hommes armés avaient fait irruption dans une école.",
        day(2017, 3, 4),
    );
    assert_eq!(events, ["2017-03"]);
    assert_eq!(background, ["2017-02"]);
}

#[test]
fn a_date_of_another_year_is_no_better_time_than_the_day_it_was_said() {
    let (events, background) = roles_of(
        "Des hommes armés ont tué 44 fidèles pendant la prière dans le village de Fambita, a annoncé samedi le ministère. C'est l'une des attaques les plus meurtrières depuis que les militaires ont pris le pouvoir en juillet 2023.",
        day(2025, 3, 22),
    );
    assert_eq!(events, ["2025-03"]);
    assert_eq!(background, ["2023-07"]);
}

#[test]
fn a_part_of_a_year_after_since_is_a_recalled_year() {
    let (_, dates) = publication_and_event_dates(
        "On Saturday gunmen attacked a pumping station near Gaya. Lakurawa has carried out raids around Birni N'Konni since late 2024.",
        Some(day(2026, 1, 26)),
        "en",
    );
    assert_eq!(months_of(&dates, DateRole::Event), ["2026-01"]);
    let ex = crate::extract(
        "On Saturday gunmen attacked a pumping station near Gaya. Lakurawa has carried out raids around Birni N'Konni since late 2024.",
        &crate::DocMeta {
            published: Some(day(2026, 1, 26)),
            ..crate::DocMeta::default()
        },
        &crate::Extractor::builtin().unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!(ex.regions, ["Dosso"]);
}

#[test]
fn a_year_the_title_reviews_is_the_period_a_report_covers() {
    // Its days and months are the report's events however far apart; not the year of a date in
    // the title, nor a year in a name.
    let review = "Mali en 2021 : l'insécurité gagne le sud\n\nLe 3 février, une embuscade a visé un convoi près de Niono. En juin, des hommes armés ont attaqué Kolongo. Le 4 décembre, une attaque a frappé Bandiagara. Le 8 décembre 2016, une attaque avait visé Boulkessi.";
    let (events, background) = roles_of(review, day(2021, 12, 20));
    assert_eq!(events, ["2021-02", "2021-06", "2021-12"]);
    assert_eq!(background, ["2016-12"]);
    let (events, _) = roles_of(
        &review.replace("Mali en 2021", "Bilan 2021"),
        day(2022, 1, 10),
    );
    assert_eq!(events, ["2021-02", "2021-06", "2021-12"]);
    for title in [
        "Bilan des opérations du 1er au 4 décembre 2021",
        "Mali : la CAN 2021 suivie à Niono",
    ] {
        let (events, _) = roles_of(
            &review.replace("Mali en 2021 : l'insécurité gagne le sud", title),
            day(2021, 12, 20),
        );
        assert_eq!(events, ["2021-12"], "{title}");
    }
}

#[test]
fn what_a_sequel_follows_is_earlier_however_near() {
    // A recalled day near the events is usually theirs; not the one a sequel says came before.
    let (events, background) = roles_of(
        "Des hommes armés ont tué douze civils dimanche à Tillia. Ce massacre survient moins d'une semaine après celui du 15 mars près de Banibangou.",
        day(2021, 3, 23),
    );
    assert_eq!(events, ["2021-03"]);
    let (_, dates) = publication_and_event_dates(
        "Des hommes armés ont tué douze civils dimanche à Tillia. Ce massacre survient moins d'une semaine après celui du 15 mars près de Banibangou.",
        Some(day(2021, 3, 23)),
        "fr",
    );
    let march_15 = dates
        .iter()
        .find(|d| d.text.contains("15 mars"))
        .expect("15 mars");
    assert_eq!(march_15.role, DateRole::Background, "{background:?}");
}

#[test]
fn what_an_event_follows_is_earlier_and_recalled() {
    // Published Thursday 6 June 2024: the 14 May attack is recalled, the days of this week are
    // the report's, and "followed by" looks ahead.
    let (events, background) = roles_of(
        "Lundi, des hommes armés ont incendié le marché de Tessit. Ces violences font suite à l'attaque du 14 mai contre le poste de la gendarmerie.",
        day(2024, 6, 6),
    );
    assert_eq!(events, ["2024-06"]);
    assert_eq!(background, ["2024-05"]);
    let (events, background) = roles_of(
        "Gunmen shot dead a trader near Kaya on Monday. The killing follows an attack on 14 May on a water point.",
        day(2024, 6, 6),
    );
    assert_eq!(events, ["2024-06"]);
    assert_eq!(background, ["2024-05"]);
    let (events, background) = roles_of(
        "Les combats de lundi font suite à l'attaque du 29 mai contre deux postes.",
        day(2024, 6, 4),
    );
    assert_eq!(
        (events, background),
        (vec!["2024-05".to_string(), "2024-06".to_string()], vec![]),
        "days of the same week stay the report's"
    );
    let (events, _) = roles_of(
        "A curfew was imposed on Monday, followed by a search operation on 5 June.",
        day(2024, 6, 6),
    );
    assert_eq!(events, ["2024-06"]);
}

#[test]
fn a_call_to_act_and_what_is_due_look_ahead() {
    // Tuesday 16 November 2021: Saturday is the 20th when called for, the 13th otherwise.
    let published = Some(day(2021, 11, 16));
    assert_eq!(
        dates(
            "Des syndicats appellent à marcher samedi à Niamey.",
            published
        ),
        ["2021-11-20"]
    );
    assert_eq!(
        dates("Les syndicats ont manifesté samedi à Niamey.", published),
        ["2021-11-13"]
    );
    // A call to a noun may be dated by the call: no look ahead.
    assert_eq!(
        dates("Samedi, un appel à la grève a été lancé.", published),
        ["2021-11-13"]
    );
    // Tuesday 8 November 2022: December is this year's when due.
    let published = Some(day(2022, 11, 8));
    assert_eq!(
        en(
            "Training is due to start in December and last 14 days.",
            published
        ),
        ["2022-12"]
    );
    assert_eq!(
        en(
            "The convoy is expected to reach Djibo on Friday.",
            published
        ),
        ["2022-11-11"]
    );
    // A cause, the past, and a relative clause of its own are no plan.
    assert_eq!(
        en(
            "The delay is due to the rains that fell on Friday.",
            published
        ),
        ["2022-11-04"]
    );
    assert_eq!(
        en("The delay is due to heavy rains on Friday.", published),
        ["2022-11-04"]
    );
    assert_eq!(
        en(
            "Relatives gathered on Friday in Niamey, where the bodies are expected to be flown.",
            published
        ),
        ["2022-11-04"]
    );
    // "The last 14 days" is a period; "and last 14 days", a verb.
    assert_eq!(
        en("Attacks rose over the last 14 days.", published),
        ["2022-10-25..2022-11-07"]
    );
}

#[test]
fn what_was_extended_last_week_is_no_deadline() {
    // Published Tuesday 8 November 2022: extended hours last week are an event; a curfew
    // extended until a day is a deadline.
    let (events, _) = roles_of(
        "À Dori, les autorités ont prolongé les horaires d'ouverture la semaine dernière.",
        day(2022, 11, 8),
    );
    assert_eq!(events, ["2022-10", "2022-11"]);
    let (events, background) = roles_of(
        "Mardi, des hommes armés ont attaqué Dori. Le couvre-feu a été prolongé jusqu'au 31 décembre.",
        day(2022, 11, 8),
    );
    assert_eq!(events, ["2022-11"]);
    assert_eq!(background, ["2022-12"]);
}

#[test]
fn that_weekday_points_back_to_the_day_named() {
    // Published Monday 11 December 2023: "that Sunday" is the 26 November named before, not the
    // 10 December.
    assert_eq!(
        en(
            "Djibo was attacked on 26 November. On that Sunday morning, hundreds of fighters stormed the base.",
            Some(day(2023, 12, 11))
        ),
        ["2023-11-26"]
    );
    assert_eq!(
        en(
            "Gunmen stormed the base on Sunday morning.",
            Some(day(2023, 12, 11))
        ),
        ["2023-12-10"]
    );
}
