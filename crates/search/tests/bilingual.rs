//! Searching in both languages, partial matches by the weight of their words, the typo retry
//! that knows real words and names, and facet values typed as queries (issue 15), through the
//! real analyzers, glossary and index, on reports written for these tests.

mod common;

use common::{searcher, Doc};
use sahel_search::api::SearchRequest;
use sahel_search::Searcher;

fn ids(s: &Searcher, request: &SearchRequest) -> Vec<String> {
    let response = s.search(request).expect("search");
    response.hits.iter().map(|h| h.id.clone()).collect()
}

fn q(s: &Searcher, query: &str) -> Vec<String> {
    ids(s, &SearchRequest::query(query))
}

fn as_typed(query: &str) -> SearchRequest {
    let mut request = SearchRequest::query(query);
    request.translate = Some(false);
    request
}

fn corpus() -> Vec<Doc> {
    vec![
        Doc::new(
            "tombouctou-fr",
            "fr",
            "Une attaque contre le camp de la garde nationale à Tombouctou a fait trois morts.",
        )
        .regions(&["Tombouctou"]),
        Doc::new(
            "kayes-fr",
            "fr",
            "Des citernes de carburant ont été incendiées près de Kayes par des hommes armés.",
        )
        .regions(&["Kayes"]),
        Doc::new(
            "dori-en",
            "en",
            "Hundreds of displaced families arrived in Dori after the raid on their village.",
        )
        .regions(&["Liptako"]),
        Doc::new(
            "kaya-fr",
            "fr",
            "Les déplacés de Kaya manquent d'eau et d'abris selon les humanitaires.",
        )
        .regions(&["Kuilsé"]),
        Doc::new(
            "gao-en",
            "en",
            "An airstrike hit a fuel depot near Gao, the army said.",
        )
        .regions(&["Gao"]),
        Doc::new(
            "gao-fr",
            "fr",
            "Une frappe aérienne a visé un dépôt près de Gao selon l'armée.",
        )
        .regions(&["Gao"]),
    ]
}

#[test]
fn an_english_query_finds_french_reports_through_its_words() {
    let s = searcher(&corpus());
    // `attack` is translated; `Timbuktu` was already a spelling of Tombouctou.
    let translated = s
        .search(&SearchRequest::query("attack Timbuktu"))
        .expect("search");
    assert_eq!(translated.hits.len(), 1, "{:?}", translated.hits);
    assert_eq!(translated.hits[0].id, "tombouctou-fr");
    assert!(
        !translated.hits[0].partial,
        "translated, the report holds both words"
    );
    // As typed, only the place name is in the report: at most a partial match.
    let typed = s.search(&as_typed("attack Timbuktu")).expect("search");
    assert!(typed.hits.iter().all(|h| h.partial), "{:?}", typed.hits);
    let response = s
        .search(&SearchRequest::query("Kayes fuel trucks burned"))
        .expect("search");
    assert_eq!(response.hits[0].id, "kayes-fr", "{:?}", response.query);
    let translated: Vec<&str> = response
        .query
        .translations
        .iter()
        .map(|t| t.term.as_str())
        .collect();
    assert!(translated.contains(&"fuel"), "{translated:?}");
    assert!(
        translated.iter().all(|t| *t != "Kayes"),
        "names are not translated"
    );
    // The French words are marked in the snippet.
    assert!(
        response.hits[0].snippet.contains("<mark>carburant</mark>"),
        "{}",
        response.hits[0].snippet
    );
}

#[test]
fn a_french_query_finds_english_reports() {
    let s = searcher(&corpus());
    let found = q(&s, "déplacés Dori");
    assert_eq!(found[0], "dori-en", "{found:?}");
    let response = s
        .search(&SearchRequest::query("déplacés Dori"))
        .expect("search");
    let t = &response.query.translations[0];
    assert_eq!((t.term.as_str(), t.language.as_str()), ("déplacés", "fr"));
    assert!(t.alternatives.iter().any(|a| a == "displaced"), "{t:?}");
}

#[test]
fn the_typed_word_ranks_above_its_translation() {
    let s = searcher(&corpus());
    assert_eq!(q(&s, "airstrike Gao")[..2], ["gao-en", "gao-fr"]);
    assert_eq!(q(&s, "frappe aérienne Gao")[..2], ["gao-fr", "gao-en"]);
    // A multiword term is translated as one: `frappe aérienne` is `airstrike`.
    let response = s
        .search(&SearchRequest::query("frappe aérienne Gao"))
        .expect("search");
    assert!(
        response
            .query
            .translations
            .iter()
            .any(|t| t.term == "frappe aérienne"),
        "{:?}",
        response.query.translations
    );
    assert!(!response.hits[1].partial);
}

#[test]
fn a_word_no_report_holds_outweighs_the_others() {
    let s = searcher(&corpus());
    for query in ["éruption volcanique Kidal", "measles vaccination Dori"] {
        let response = s.search(&SearchRequest::query(query)).expect("search");
        assert!(response.total <= 1, "{query}: {:?}", response.hits);
        assert!(!response.query.missing.is_empty(), "{query}");
        assert!(
            response
                .query
                .notes
                .iter()
                .any(|n| n.contains("no report contains")),
            "{:?}",
            response.query.notes
        );
    }
    let response = s
        .search(&SearchRequest::query("measles vaccination Dori"))
        .expect("search");
    assert!(response.query.missing.iter().any(|m| m == "measles"));
}

#[test]
fn a_rare_word_alone_makes_a_partial_match_a_common_one_does_not() {
    let mut docs: Vec<Doc> = (0..6)
        .map(|i| {
            Doc::new(
                &format!("kaya-{i}"),
                "fr",
                "Des déplacés arrivent à Kaya chaque jour.",
            )
        })
        .collect();
    docs.push(Doc::new("dori", "fr", "Le marché de Dori a rouvert."));
    let s = searcher(&docs);
    let response = s.search(&as_typed("déplacés Dori")).expect("search");
    let found: Vec<(&str, bool)> = response
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.partial))
        .collect();
    assert_eq!(found, [("dori", true)], "{:?}", response.query);
    assert!(response.query.partial);
    assert_eq!(response.query.full_total, 0);
    assert_eq!(response.query.min_words, 1);
}

#[test]
fn of_two_words_either_makes_a_partial_match_of_three_one_never_does() {
    let s = searcher(&[
        Doc::new("both", "fr", "Un massacre a fait trente morts à Moura."),
        Doc::new(
            "moura",
            "fr",
            "Les habitants de Moura ont enterré leurs morts.",
        ),
        Doc::new("other", "fr", "Un massacre a été signalé à Ogossagou."),
        Doc::new("market", "fr", "Le marché de Mopti a rouvert."),
    ]);
    let response = s.search(&as_typed("massacre Moura")).expect("search");
    let found: Vec<(&str, bool)> = response
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.partial))
        .collect();
    assert_eq!(found[0], ("both", false), "{found:?}");
    assert!(found.contains(&("moura", true)), "{found:?}");
    assert!(found.contains(&("other", true)), "{found:?}");
    assert!(!found.iter().any(|(id, _)| *id == "market"));
    // Three words: the report holding only the rarest one is no partial match.
    let response = s
        .search(&as_typed("massacre Moura enterré"))
        .expect("search");
    let found: Vec<&str> = response.hits.iter().map(|h| h.id.as_str()).collect();
    assert!(found.contains(&"moura"), "two of three words: {found:?}");
    assert!(!found.contains(&"other"), "one of three words: {found:?}");
    assert_eq!(response.query.min_words, 2);
}

#[test]
fn a_multiword_translation_matches_its_words_in_another_order() {
    let s = searcher(&[
        Doc::new(
            "closed",
            "en",
            "More than 6,000 schools closed in the country because of insecurity.",
        ),
        Doc::new("open", "en", "Schools reopened after the holidays in Gao."),
    ]);
    assert_eq!(q(&s, "fermeture des écoles"), ["closed"]);
}

#[test]
fn the_words_of_a_multiword_term_are_translated_one_by_one_too() {
    // "displaced figures" is a term of the glossary ("nombre de déplacés"); a French report
    // that gives "les chiffres … des déplacés" has its words, not the term.
    let s = searcher(&[
        Doc::new(
            "chiffres",
            "fr",
            "Selon les derniers chiffres officiels, le pays compte deux millions de déplacés.",
        ),
        Doc::new("other", "fr", "Le marché de Kaya a rouvert lundi."),
    ]);
    assert_eq!(q(&s, "displaced figures"), ["chiffres"]);
}

#[test]
fn real_words_are_not_corrected_and_names_are() {
    let s = searcher(&[
        Doc::new("toute", "fr", "Toute la population a fui vers Tillabéri."),
        Doc::new("gsim", "fr", "Le GSIM a revendiqué l'embuscade."),
    ]);
    // `route` is a word of the glossary, absent from these reports: no typo of `toute`.
    let response = s.search(&SearchRequest::query("route")).expect("search");
    assert!(response.query.corrected.is_empty(), "{:?}", response.query);
    assert_eq!(response.total, 0);
    // `Tilabery` is no listed spelling: corrected to the place, found with all its spellings.
    let response = s.search(&SearchRequest::query("Tilabery")).expect("search");
    assert_eq!(response.hits.len(), 1, "{:?}", response.query);
    assert!(
        response.query.corrected[0]
            .to
            .iter()
            .any(|t| t == "Tillabéri"),
        "{:?}",
        response.query.corrected
    );
}

#[test]
fn a_facet_value_typed_as_a_query_finds_what_the_facet_counts() {
    let s = searcher(&[
        Doc::new(
            "ouaga",
            "fr",
            "L'armée a repoussé une attaque près de Djibo, selon le gouvernement.",
        )
        .actors(&["Armée burkinabè"])
        .regions(&["Soum"]),
        Doc::new("issp", "en", "ISSP fighters attacked a market near Ménaka.").actors(&["EIGS"]),
        Doc::new(
            "is-sahel",
            "en",
            "Fighters of IS Sahel stormed the village of Tiloa.",
        )
        .actors(&["EIGS"]),
        Doc::new("other", "fr", "Rien à signaler à Gao.").actors(&["FAMa"]),
    ]);
    assert_eq!(q(&s, "Armée burkinabè"), ["ouaga"]);
    let mut found = q(&s, "EIGS");
    found.sort();
    assert_eq!(found, ["is-sahel", "issp"]);
    // A region typed finds the reports whose events it holds, below those naming it.
    assert_eq!(q(&s, "Soum"), ["ouaga"]);
}

#[test]
fn parentheses_group_alternatives_and_translate_inside() {
    let s = searcher(&corpus());
    let mut found = q(&s, "(airstrike OR attack) (Gao OR Timbuktu)");
    found.sort();
    assert_eq!(found, ["gao-en", "gao-fr", "tombouctou-fr"]);
    assert_eq!(q(&s, "(airstrike OR attaque) -Gao"), ["tombouctou-fr"]);
}

#[test]
fn a_term_searches_its_synonyms_as_fixed_phrases_and_a_word_of_both_languages_both_ways() {
    let s = searcher(&[
        Doc::new(
            "air-en",
            "en",
            "Air strikes hit a convoy north of Kidal on Monday.",
        ),
        Doc::new(
            "enlevement-fr",
            "fr",
            "Deux enseignants ont été enlevés près de Djibo ; l'enlèvement n'a pas été revendiqué.",
        ),
        Doc::new(
            "abduction-en",
            "en",
            "The abduction of two teachers near Djibo was not claimed.",
        ),
        Doc::new(
            "contre-fr",
            "fr",
            "Une contre-attaque de l'armée a repoussé les assaillants.",
        ),
        Doc::new(
            "civils-fr",
            "fr",
            "Les attaques contre les civils se multiplient dans la région.",
        ),
    ]);
    // `airstrike` finds the report that writes it in two words.
    assert_eq!(q(&s, "airstrike"), ["air-en"]);
    // `kidnapping` is French and English: both reports.
    let mut found = q(&s, "kidnapping");
    found.sort();
    assert_eq!(found, ["abduction-en", "enlevement-fr"]);
    // A synonym is a fixed phrase: `contre-attaque` for `riposte`, not "attaques contre".
    assert_eq!(q(&s, "riposte"), ["contre-fr"]);
}

#[test]
fn a_word_no_report_holds_is_left_out_when_most_words_are_found() {
    let s = searcher(&[
        Doc::new(
            "pont",
            "fr",
            "Des individus armés ont fait sauter le pont de la route nationale près de Fada.",
        ),
        Doc::new("marche", "fr", "Le marché de Fada a rouvert mardi."),
    ]);
    let response = s
        .search(&SearchRequest::query("bridge blown"))
        .expect("search");
    let found: Vec<(&str, bool)> = response
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.partial))
        .collect();
    assert_eq!(found, [("pont", true)], "{:?}", response.query);
    assert_eq!(response.query.missing, ["blown"]);
    // A word whose translations are nowhere either: the topic is absent.
    assert!(q(&s, "grève Fada").is_empty());
}

#[test]
fn a_month_and_year_typed_find_the_reports_of_that_time_in_either_language() {
    let s = searcher(&[
        Doc::new(
            "coup-en",
            "en",
            "Soldiers seized power in Niamey and detained the president.",
        )
        .published("2023-07-28")
        .events(&["2023-07-26"]),
        Doc::new(
            "coup-fr-2021",
            "fr",
            "Des militaires ont pris le pouvoir à Bamako, le deuxième coup d'État en neuf mois.",
        )
        .published("2021-05-26")
        .events(&["2021-05-24"]),
        Doc::new(
            "recall-en",
            "en",
            "A year after the coup, sanctions still weigh on trade in Niamey.",
        )
        .published("2024-07-26")
        .events(&["2024-07-25"])
        .background_months(&["2023-07"]),
        Doc::new(
            "written-fr",
            "fr",
            "Le coup d'État de juillet 2023 a été suivi de sanctions.",
        )
        .published("2024-02-01")
        .events(&["2024-01-30"]),
    ]);
    let found = q(&s, "coup d'état juillet 2023");
    assert!(found.contains(&"coup-en".to_string()), "{found:?}");
    assert!(found.contains(&"written-fr".to_string()), "{found:?}");
    assert!(!found.contains(&"coup-fr-2021".to_string()), "{found:?}");
    // A report that only recalls the month comes after those of it.
    let at = |id: &str| found.iter().position(|f| f == id);
    assert!(at("recall-en") > at("coup-en"), "{found:?}");
    // A year alone: its months.
    assert_eq!(q(&s, "coup 2021"), ["coup-fr-2021"]);
    let response = s
        .search(&SearchRequest::query("coup July 2023"))
        .expect("search");
    assert!(response.query.terms.iter().any(|t| t == "July 2023"));
}
