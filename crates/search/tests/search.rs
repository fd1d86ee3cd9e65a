//! End to end through the query builder: small indexes written through the schema, searched with
//! the real analyzers, gazetteer and actor table.

mod common;

use common::{searcher, Doc};
use sahel_search::api::{SearchRequest, Sort};
use sahel_search::{SearchError, Searcher};

fn ids(searcher: &Searcher, request: &SearchRequest) -> Vec<String> {
    let response = searcher.search(request).expect("search");
    response.hits.into_iter().map(|h| h.id).collect()
}

fn q(searcher: &Searcher, query: &str) -> Vec<String> {
    let mut found = ids(searcher, &SearchRequest::query(query));
    found.sort();
    found
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// Issue 2's table: each query must match every listed form and none of the "only" ones.
#[test]
fn issue_2_table_end_to_end() {
    let docs = vec![
        Doc::new("armee-1", "fr", "Communiqué de l’armée sur la situation."),
        Doc::new("armee-2", "fr", "L'ARMEE A REPOUSSE UNE ATTAQUE."),
        Doc::new("armee-3", "fr", "Selon l'armee, le calme est revenu."),
        Doc::new("lere-1", "fr", "Des tirs ont été entendus à Léré hier."),
        Doc::new("lere-2", "fr", "La route de Lere est coupée."),
        Doc::new("lere-3", "fr", "BILAN A LERE: DEUX BLESSES."),
        Doc::new("frappe-1", "fr", "Des frappes aériennes ont visé un campement."),
        Doc::new("attaque-1", "fr", "Le poste a été attaqué dans la nuit."),
        Doc::new("attaque-2", "fr", "Deux localités attaquées par des hommes armés."),
        Doc::new("attaque-3", "fr", "Les attaques se multiplient dans la zone."),
        Doc::new("securite-1", "fr", "La sécurité des convois reste précaire."),
        Doc::new("mali-1", "fr", "Le Mali a annoncé un couvre-feu."),
        Doc::new("mali-2", "fr", "COMMUNIQUE DU GOUVERNEMENT DU MALI."),
        Doc::new("mal-1", "fr", "Il faut combattre les forces du mal partout."),
        Doc::new("tin-1", "fr", "Des combats ont eu lieu à Tin-Zaouatène en juillet."),
        Doc::new("tin-2", "fr", "Le camp de Tinzaouatène a été repris."),
        Doc::new("oeuvre-1", "fr", "Une œuvre humanitaire a été pillée."),
        Doc::new("auj-1", "fr", "Aujourd’hui, les marchés ont rouvert."),
        Doc::new("phrase-1", "fr", "Une patrouille de l’armée malienne est tombée dans une embuscade."),
        Doc::new(
            "phrase-far",
            "fr",
            "La population malienne a fui vers le sud du pays avant que les renforts de l'armée n'arrivent.",
        ),
    ];
    let s = searcher(&docs);
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("armée", &["armee-1", "armee-2", "armee-3"], &[]),
        ("lere", &["lere-1", "lere-2", "lere-3"], &[]),
        ("Léré", &["lere-1", "lere-2", "lere-3"], &[]),
        ("frappe aérienne", &["frappe-1"], &[]),
        ("attaque", &["attaque-1", "attaque-2", "attaque-3"], &[]),
        ("securite", &["securite-1"], &[]),
        ("Mali", &["mali-1", "mali-2"], &["mal-1"]),
        ("tinzaouatene", &["tin-1", "tin-2"], &[]),
        ("oeuvre", &["oeuvre-1"], &[]),
        ("aujourd'hui", &["auj-1"], &[]),
        ("\"armée malienne\"", &["phrase-1"], &["phrase-far"]),
    ];
    for (query, must, must_not) in cases {
        let found = q(&s, query);
        for id in *must {
            assert!(
                found.contains(&id.to_string()),
                "`{query}` should find {id}; found {found:?}"
            );
        }
        for id in *must_not {
            assert!(
                !found.contains(&id.to_string()),
                "`{query}` should not find {id}; found {found:?}"
            );
        }
    }
    // Far-apart words without quotes do match (both words present).
    assert!(q(&s, "armée malienne").contains(&"phrase-far".to_string()));
    // `attaque` also matches the capitalised `ATTAQUE` of armee-2.
    assert!(q(&s, "attaque").contains(&"armee-2".to_string()));
}

fn facet_corpus() -> Vec<Doc> {
    vec![
        Doc::new("gao-1", "fr", "Attaque contre un convoi près de Gao.")
            .title("Convoi attaqué")
            .published("2024-03-10")
            .events(&["2024-03-08"])
            .regions(&["Gao"])
            .countries(&["Mali"])
            .localities(&["Gao"])
            .actors(&["JNIM"]),
        Doc::new(
            "gao-2",
            "fr",
            "Nouvelle attaque au nord de Gao, des blessés.",
        )
        .published("2024-05-02")
        .regions(&["Gao"])
        .countries(&["Mali"])
        .actors(&["EIGS"]),
        Doc::new("tomb-1", "fr", "Attaque à Tombouctou: le marché incendié.")
            .published("2024-02-02")
            .events(&["2024-01-14"])
            .regions(&["Tombouctou"])
            .countries(&["Mali"])
            .localities(&["Tombouctou"])
            .actors(&["JNIM"]),
        Doc::new("menaka-1", "fr", "Attaque dans la région de Ménaka.")
            .published("2024-03-20")
            .regions(&["Ménaka"])
            .countries(&["Mali"])
            .actors(&["EIGS"]),
        Doc::new("dori-1", "en", "An attack on a military post near Dori.")
            .published("2024-03-05")
            .regions(&["Sahel"])
            .countries(&["Burkina Faso"])
            .localities(&["Dori"])
            .actors(&["JNIM"]),
        Doc::new(
            "tilla-1",
            "fr",
            "Une attaque a visé des civils dans la région de Tillabéri.",
        )
        .published("2023-11-30")
        .regions(&["Tillabéri"])
        .countries(&["Niger"]),
        Doc::new("nodate-1", "fr", "Attaque sans date connue à Gao.")
            .regions(&["Gao"])
            .countries(&["Mali"]),
        Doc::new("gao-1-copy", "fr", "Attaque contre un convoi près de Gao.")
            .published("2024-03-11")
            .regions(&["Gao"])
            .countries(&["Mali"])
            .duplicate_of("gao-1"),
    ]
}

#[test]
fn duplicates_are_hidden_and_counted() {
    let s = searcher(&facet_corpus());
    let response = s.search(&SearchRequest::query("convoi")).expect("search");
    assert_eq!(response.total, 1);
    assert_eq!(response.hits[0].id, "gao-1");
    assert_eq!(response.hits[0].duplicates, 1);
    let doc = s.doc("gao-1").expect("doc");
    assert_eq!(doc.duplicates.len(), 1);
    assert_eq!(doc.duplicates[0].id, "gao-1-copy");
    assert_eq!(
        s.doc("gao-1-copy").expect("doc").duplicate_of.as_deref(),
        Some("gao-1")
    );
    assert!(matches!(s.doc("nope"), Err(SearchError::DocNotFound(_))));
}

#[test]
fn facet_filters_or_within_and_across_ignoring_case_and_accents() {
    let s = searcher(&facet_corpus());
    let mut request = SearchRequest::query("attaque");
    // `Gao` is a region of the index: today's Gao, as its facet counts it (Ménaka, carved out
    // of the former Gao region, is a region of its own).
    request.filters["region"] = vec!["gao".into(), "TOMBOUCTOU".into()];
    let mut found = ids(&s, &request);
    found.sort();
    assert_eq!(found, sorted(&["gao-1", "gao-2", "nodate-1", "tomb-1"]));

    request.filters["region"] = vec!["menaka".into()];
    assert_eq!(ids(&s, &request), ["menaka-1"]);

    request.filters["region"] = vec!["Gao".into()];
    request.filters["actor"] = vec!["JNIM".into()];
    assert_eq!(ids(&s, &request), ["gao-1"]);

    // An alias selects the canonical actor.
    let mut request = SearchRequest::query("");
    request.filters["actor"] = vec!["GSIM".into()];
    let mut found = ids(&s, &request);
    found.sort();
    assert_eq!(found, sorted(&["dori-1", "gao-1", "tomb-1"]));

    let mut request = SearchRequest::query("");
    request.filters["country"] = vec!["burkina faso".into()];
    assert_eq!(ids(&s, &request), ["dori-1"]);
    let mut request = SearchRequest::query("");
    request.filters["locality"] = vec!["dori".into()];
    assert_eq!(ids(&s, &request), ["dori-1"]);
    let mut request = SearchRequest::query("attaque OR attack");
    request.filters["language"] = vec!["en".into()];
    assert_eq!(ids(&s, &request), ["dori-1"]);
    let mut request = SearchRequest::query("");
    request.filters["region"] = vec!["Nowhere".into()];
    let response = s.search(&request).expect("search");
    assert_eq!(response.total, 0);
    assert!(!response.query.notes.is_empty());
}

#[test]
fn former_region_selects_its_successors() {
    // `Centre-Nord` is only a former region (Burkina Faso, 2001–2025): it selects the region
    // made of it, Kuilsé.
    let s = searcher(&[
        Doc::new("kaya", "fr", "Des déplacés arrivent à Kaya.").regions(&["Kuilsé"]),
        Doc::new("dori", "fr", "Des déplacés arrivent à Dori.").regions(&["Liptako"]),
    ]);
    let mut request = SearchRequest::query("");
    request.filters["region"] = vec!["Centre-Nord".into()];
    assert_eq!(ids(&s, &request), ["kaya"]);
    let s = searcher(&facet_corpus());
    // A region of the index selects itself, even when it is also a former region's name: the
    // count its facet shows is what ticking it gives.
    let mut request = SearchRequest::query("");
    request.filters["region"] = vec!["Gao".into()];
    let response = s.search(&request).expect("search");
    let resolved = &response.query.filters["region"];
    assert_eq!(resolved, &["Gao".to_string()]);
    let all = s.facets().expect("facets");
    let gao = all.facets["region"].iter().find(|c| c.value == "Gao");
    assert_eq!(Some(response.total), gao.map(|c| c.count));
}

/// What a report only mentions is a facet of its own: filtering or counting a mentioned region
/// or a background month never selects the reports whose events are there, and the other way
/// round; the names resolve as the region's do.
#[test]
fn mentioned_regions_and_background_months_are_facets_apart_from_the_events() {
    let s = searcher(&[
        Doc::new(
            "menaka",
            "fr",
            "Attaque à Inékar. Des déplacés venus de Kaya.",
        )
        .regions(&["Ménaka"])
        .mentioned_regions(&["Kuilsé"])
        .events(&["2024-07-12"])
        .background_months(&["2019-08"]),
        Doc::new(
            "kaya",
            "fr",
            "Attaque à Kaya. Des renforts venus de Ménaka.",
        )
        .regions(&["Kuilsé"])
        .mentioned_regions(&["Ménaka"])
        .events(&["2019-08-03"]),
        Doc::new("gao", "fr", "Attaque à Gao.")
            .regions(&["Gao"])
            .events(&["2024-07-02"]),
    ]);
    let filtered = |name: &str, value: &str| {
        let mut request = SearchRequest::query("");
        request.filters[name] = vec![value.into()];
        let mut found = ids(&s, &request);
        found.sort();
        found
    };
    assert_eq!(filtered("mentioned_region", "menaka"), ["kaya"]);
    assert_eq!(filtered("region", "Ménaka"), ["menaka"]);
    // A former region's name selects its successor among the mentioned regions too.
    assert_eq!(filtered("mentioned_region", "Centre-Nord"), ["menaka"]);
    assert_eq!(filtered("region", "Centre-Nord"), ["kaya"]);
    assert_eq!(filtered("background_month", "2019-08"), ["menaka"]);
    assert_eq!(filtered("month", "2019-08"), ["kaya"]);
    assert_eq!(
        filtered("mentioned_region", "Tillabéri"),
        Vec::<String>::new()
    );

    let mut request = SearchRequest::query("");
    request.filters["region"] = vec!["Ménaka".into()];
    let response = s.search(&request).expect("search");
    let count = |list: &[sahel_search::api::FacetCount], value: &str| {
        list.iter()
            .find(|c| c.value == value)
            .map_or(0, |c| c.count)
    };
    // Counted over the documents the region filter selects.
    assert_eq!(count(&response.facets["mentioned_region"], "Kuilsé"), 1);
    assert_eq!(count(&response.facets["mentioned_region"], "Ménaka"), 0);
    assert_eq!(count(&response.facets["background_month"], "2019-08"), 1);
    assert_eq!(count(&response.facets["month"], "2019-08"), 0);
    assert_eq!(response.hits[0].facets["mentioned_region"], ["Kuilsé"]);
    assert_eq!(response.hits[0].facets["background_month"], ["2019-08"]);
    // The timeline holds the events only.
    let all = s.facets().expect("facets");
    let months: Vec<&str> = all
        .timeline
        .iter()
        .filter(|m| m.count > 0)
        .map(|m| m.month.as_str())
        .collect();
    assert_eq!(months, ["2019-08", "2024-07"]);
    let mut request = SearchRequest::query("");
    request.filters["background_month"] = vec!["2019-08".into()];
    let response = s.search(&request).expect("search");
    let timeline: Vec<(&str, u64)> = response
        .timeline
        .iter()
        .filter(|m| m.count > 0)
        .map(|m| (m.month.as_str(), m.count))
        .collect();
    assert_eq!(timeline, [("2024-07", 1)]);
}

#[test]
fn months_and_date_ranges_use_event_dates_then_publication() {
    let s = searcher(&facet_corpus());
    let mut request = SearchRequest::query("");
    request.filters["month"] = vec!["2024-03".into()];
    let mut found = ids(&s, &request);
    found.sort();
    // gao-1: event 2024-03-08; menaka-1, dori-1: published in March, no event date.
    assert_eq!(found, sorted(&["dori-1", "gao-1", "menaka-1"]));
    // tomb-1 was published in February about an event of January: the event date decides.
    request.filters["month"] = vec!["2024-02".into()];
    assert!(ids(&s, &request).is_empty());
    request.filters["month"] = vec!["2024-01".into(), "2023-11".into()];
    let mut found = ids(&s, &request);
    found.sort();
    assert_eq!(found, sorted(&["tilla-1", "tomb-1"]));

    let mut request = SearchRequest::query("");
    request.from = Some("2024-01-14".into());
    request.to = Some("2024-01-14".into());
    assert_eq!(ids(&s, &request), ["tomb-1"]);

    let mut request = SearchRequest::query("");
    request.from = Some("2024-03-06".into());
    let mut found = ids(&s, &request);
    found.sort();
    assert_eq!(found, sorted(&["gao-1", "gao-2", "menaka-1"]));
    let mut request = SearchRequest::query("");
    request.to = Some("2023-12-31".into());
    assert_eq!(ids(&s, &request), ["tilla-1"]);
}

#[test]
fn sorting_paging_and_browsing() {
    let s = searcher(&facet_corpus());
    // Browse: no query, newest first; undated documents last.
    let all = ids(&s, &SearchRequest::default());
    assert_eq!(
        all,
        ["gao-2", "menaka-1", "gao-1", "dori-1", "tomb-1", "tilla-1", "nodate-1"]
    );
    let mut request = SearchRequest::query("attaque");
    request.sort = Sort::DateAsc;
    let asc = ids(&s, &request);
    assert_eq!(asc.first().map(String::as_str), Some("tilla-1"));
    assert_eq!(asc.last().map(String::as_str), Some("nodate-1"));
    request.sort = Sort::DateDesc;
    assert_eq!(ids(&s, &request).first().map(String::as_str), Some("gao-2"));

    let mut request = SearchRequest {
        limit: Some(2),
        offset: 2,
        ..Default::default()
    };
    let response = s.search(&request).expect("search");
    assert_eq!(response.total, 7);
    assert_eq!(
        response
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["gao-1", "dori-1"]
    );
    request.limit = Some(0);
    let response = s.search(&request).expect("search");
    assert!(response.hits.is_empty());
    assert_eq!(response.total, 7);
    assert!(response.query.browse);
}

#[test]
fn invalid_requests_are_typed_errors() {
    let s = searcher(&facet_corpus());
    let mut request = SearchRequest::query("x");
    request.filters["month"] = vec!["2024-13".into()];
    assert!(matches!(s.search(&request), Err(SearchError::Request(_))));
    let mut request = SearchRequest::query("x");
    request.limit = Some(100_000);
    assert!(matches!(s.search(&request), Err(SearchError::Request(_))));
    let mut request = SearchRequest::query("x");
    request.from = Some("yesterday".into());
    assert!(matches!(s.search(&request), Err(SearchError::Request(_))));
}

#[test]
fn facet_counts_are_disjunctive() {
    let s = searcher(&facet_corpus());
    let mut request = SearchRequest::query("attaque");
    request.filters["region"] = vec!["Ménaka".into()];
    let response = s.search(&request).expect("search");
    assert_eq!(response.total, 1);
    let count = |list: &[sahel_search::api::FacetCount], value: &str| {
        list.iter()
            .find(|c| c.value == value)
            .map_or(0, |c| c.count)
    };
    // Region counts ignore the region selection: Gao would add three (the copy is hidden),
    // Tombouctou and Tillabéri one each.
    assert_eq!(count(&response.facets["region"], "Ménaka"), 1);
    assert_eq!(count(&response.facets["region"], "Gao"), 3);
    assert_eq!(count(&response.facets["region"], "Tombouctou"), 1);
    assert_eq!(count(&response.facets["region"], "Tillabéri"), 1);
    // Countries and their regions are one facet (the page shows regions under their country):
    // country counts ignore the region selection too, so a country never counts fewer
    // documents than one of its regions.
    assert_eq!(count(&response.facets["country"], "Mali"), 5);
    assert_eq!(count(&response.facets["country"], "Niger"), 1);
    // Other facets respect it.
    assert_eq!(count(&response.facets["actor"], "EIGS"), 1);
    assert_eq!(count(&response.facets["actor"], "JNIM"), 0);
    assert_eq!(count(&response.facets["language"], "fr"), 1);

    // Two filters: each facet counted with the other one only.
    request.filters["region"] = vec!["Tombouctou".into(), "Ménaka".into()];
    request.filters["actor"] = vec!["JNIM".into()];
    let response = s.search(&request).expect("search");
    assert_eq!(response.total, 1); // tomb-1
    assert_eq!(count(&response.facets["region"], "Tombouctou"), 1);
    assert_eq!(count(&response.facets["region"], "Gao"), 1); // gao-1 is JNIM
    assert_eq!(count(&response.facets["region"], "Ménaka"), 0);
    assert_eq!(count(&response.facets["actor"], "JNIM"), 1);
    assert_eq!(count(&response.facets["actor"], "EIGS"), 1); // menaka-1
    assert_eq!(count(&response.facets["country"], "Mali"), 2); // tomb-1, gao-1

    // Within that one facet, a region and a country are OR'ed, as two regions are.
    let mut request = SearchRequest::query("attaque");
    request.filters["region"] = vec!["Ménaka".into()];
    request.filters["country"] = vec!["Niger".into()];
    let response = s.search(&request).expect("search");
    assert_eq!(response.total, 2);
    for (region, country) in [("Ménaka", "Mali"), ("Tillabéri", "Niger")] {
        let regions = count(&response.facets["region"], region);
        assert!(count(&response.facets["country"], country) >= regions);
    }

    let all = s.facets().expect("facets");
    assert_eq!(all.total, 7);
    assert_eq!(count(&all.facets["country"], "Mali"), 5);
}

#[test]
fn timeline_has_every_month_with_zeros() {
    let s = searcher(&facet_corpus());
    let response = s.search(&SearchRequest::query("attaque")).expect("search");
    let months: Vec<(&str, u64)> = response
        .timeline
        .iter()
        .map(|m| (m.month.as_str(), m.count))
        .collect();
    assert_eq!(
        months,
        [
            ("2023-11", 1),
            ("2023-12", 0),
            ("2024-01", 1),
            ("2024-02", 0),
            // gao-1, menaka-1 and the English dori-1 (`attack`, the translation).
            ("2024-03", 3),
            ("2024-04", 0),
            ("2024-05", 1)
        ]
    );
    // With a filter, the timeline follows it.
    let mut request = SearchRequest::query("attaque");
    request.filters["country"] = vec!["Niger".into()];
    let response = s.search(&request).expect("search");
    assert_eq!(response.timeline.len(), 1);
    assert_eq!(response.timeline[0].month, "2023-11");
}

#[test]
fn snippets_escape_html_and_mark_variants() {
    let s = searcher(&[
        Doc::new(
            "xss",
            "fr",
            "Un texte piégé <script>alert('x')</script> évoque des frappes aériennes & des tirs.",
        ),
        Doc::new(
            "long",
            "fr",
            &format!(
                "{} La sécurité est revenue. {}",
                "mot ".repeat(200),
                "fin ".repeat(200)
            ),
        ),
    ]);
    let response = s.search(&SearchRequest::query("frappe")).expect("search");
    let snippet = &response.hits[0].snippet;
    assert!(!snippet.contains("<script>"), "{snippet}");
    assert!(snippet.contains("&lt;script&gt;"), "{snippet}");
    assert!(snippet.contains("<mark>frappes</mark>"), "{snippet}");
    assert!(snippet.contains("&amp;"), "{snippet}");
    let response = s.search(&SearchRequest::query("securite")).expect("search");
    let snippet = &response.hits[0].snippet;
    assert!(snippet.contains("<mark>sécurité</mark>"), "{snippet}");
    assert!(
        snippet.len() < 800,
        "a fragment, not the document: {}",
        snippet.len()
    );
    // Browsing a document with markup: the beginning, escaped.
    let response = s.search(&SearchRequest::default()).expect("search");
    for hit in &response.hits {
        assert!(!hit.snippet.contains("<script>"));
    }
}

#[test]
fn partial_matches_follow_full_ones_and_need_most_words() {
    let s = searcher(&[
        Doc::new(
            "all",
            "fr",
            "Embuscade contre un convoi militaire près de Boni.",
        ),
        Doc::new(
            "three",
            "fr",
            "Embuscade contre un convoi militaire près de Douentza.",
        ),
        Doc::new("two", "fr", "Un convoi a quitté Boni hier."),
        Doc::new("stop", "fr", "Rien de nouveau près de la frontière."),
    ]);
    let response = s
        .search(&SearchRequest::query("embuscade convoi militaire Boni"))
        .expect("search");
    let hits: Vec<(&str, bool)> = response
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.partial))
        .collect();
    assert_eq!(hits[0], ("all", false));
    assert!(hits.contains(&("three", true)), "{hits:?}");
    assert!(
        !hits.iter().any(|(id, _)| *id == "two"),
        "two of four words is not enough: {hits:?}"
    );
    assert!(!hits.iter().any(|(id, _)| *id == "stop"), "{hits:?}");
    assert!(response.query.partial);
    // By weight: `convoi` is in three of the four reports, the other words in two; the two
    // rarest words hold more than half of the weight, `convoi` and `Boni` do not.
    assert_eq!(response.query.min_words, 2);
    assert_eq!(response.query.full_total, 1);
    // Sharing only stop words never matches.
    let response = s
        .search(&SearchRequest::query("de la xyzzy"))
        .expect("search");
    assert!(response.hits.is_empty(), "{:?}", response.hits);
    assert_eq!(response.query.ignored, ["de", "la"]);
    // Two words, one found nowhere: it weighs the most, the other alone is not enough.
    let response = s
        .search(&SearchRequest::query("embuscade Kidal"))
        .expect("search");
    assert!(response.hits.is_empty(), "{:?}", response.hits);
}

#[test]
fn adjacent_query_words_rank_above_the_same_words_apart() {
    let mut docs = vec![
        Doc::new(
            "apart",
            "fr",
            "Un engin de chantier a été volé. Le dépôt explosif reste gardé.",
        ),
        Doc::new(
            "together",
            "fr",
            "Selon des sources locales, un véhicule de transport de passagers a sauté sur un \
             engin explosif improvisé à la sortie du village, faisant plusieurs blessés.",
        ),
        Doc::new(
            "near",
            "fr",
            "Des éléments armés ont tendu une embuscade contre la patrouille près de la \
             frontière, au sud de la ville, avant de se replier vers la forêt.",
        ),
        Doc::new(
            "far",
            "fr",
            "La patrouille a été attaquée. Une embuscade a visé la ville.",
        ),
    ];
    // Documents with none of the words: the words are rare, as in a real corpus.
    for i in 0..20 {
        docs.push(Doc::new(
            &format!("other-{i}"),
            "fr",
            "Le marché de la ville a rouvert après des semaines de fermeture.",
        ));
    }
    let s = searcher(&docs);
    let order = |query: &str| ids(&s, &SearchRequest::query(query));
    assert_eq!(order("engin explosif"), ["together", "apart"]);
    assert_eq!(order("explosifs engins"), ["together", "apart"]);
    // Stop words between the words, typed or not, leave them near each other.
    assert_eq!(order("embuscade contre la patrouille")[0], "near");
    assert_eq!(order("embuscade patrouille"), ["near", "far"]);
    // Only the score changes: the nearness is not required.
    assert_eq!(order("patrouille ville").len(), 2);
}

#[test]
fn a_report_without_accents_scores_as_the_same_report_with_them() {
    let mut docs = vec![
        Doc::new(
            "accents",
            "fr",
            "Des réfugiés ont été évacués par hélicoptère près de Kaya, a indiqué la préfecture.",
        ),
        Doc::new(
            "capitals",
            "fr",
            "DES REFUGIES ONT ETE EVACUES PAR HELICOPTERE PRES DE KAYA, A INDIQUE LA PREFECTURE.",
        ),
    ];
    for i in 0..10 {
        docs.push(Doc::new(
            &format!("other-{i}"),
            "fr",
            "Le marché de la ville a rouvert après des semaines de fermeture.",
        ));
    }
    let s = searcher(&docs);
    for query in [
        "réfugiés",
        "réfugiés évacués",
        "\"évacués par hélicoptère\"",
    ] {
        let response = s.search(&SearchRequest::query(query)).expect("search");
        let score = |id: &str| {
            response
                .hits
                .iter()
                .find(|h| h.id == id)
                .map_or(0.0, |h| h.score)
        };
        let (a, b) = (score("accents"), score("capitals"));
        // Each word's forms (as written and folded) count once: the accented copy, indexed
        // under both, must not outscore its capitalised twin by counting the word twice.
        assert!(
            a > 0.0 && b > 0.0 && (a - b).abs() / a.max(b) < 0.15,
            "{query}: accents {a}, capitals {b}"
        );
    }
}

#[test]
fn typo_tolerant_retry_says_what_it_used() {
    let s = searcher(&[Doc::new(
        "e",
        "fr",
        "Une embuscade meurtrière près de Boulikessi.",
    )]);
    let response = s
        .search(&SearchRequest::query("embuscdae"))
        .expect("search");
    assert_eq!(response.total, 1);
    assert_eq!(response.query.corrected.len(), 1);
    assert_eq!(response.query.corrected[0].from, "embuscdae");
    assert!(response.query.corrected[0]
        .to
        .contains(&"embuscade".to_string()));
    assert!(response.hits[0].snippet.contains("<mark>"));
    // Short words are not corrected.
    let response = s.search(&SearchRequest::query("pres")).expect("search");
    assert!(response.query.corrected.is_empty());
}

#[test]
fn typo_retry_corrects_the_one_misspelt_word_of_several() {
    let s = searcher(&[
        Doc::new(
            "e",
            "fr",
            "Une embuscade meurtrière contre un convoi militaire près de Boulikessi.",
        ),
        Doc::new("c", "fr", "Le convoi militaire est arrivé à Kidal."),
        Doc::new("k", "fr", "Une embuscade a été repoussée près de Kidal."),
        Doc::new("en", "en", "An ambush near Boulikessi."),
    ]);
    // Two words, one misspelt: no document has both as typed; the typo alone is corrected.
    let response = s
        .search(&SearchRequest::query("embuscdae Boulikessi"))
        .expect("search");
    // One report holds both words once corrected; with two words, those holding either follow
    // as partial matches.
    assert_eq!(response.query.full_total, 1, "{:?}", response.query);
    assert_eq!(response.hits[0].id, "e");
    assert!(!response.hits[0].partial);
    assert!(response.hits[1..].iter().all(|h| h.partial));
    assert_eq!(response.query.corrected.len(), 1, "{:?}", response.query);
    assert_eq!(response.query.corrected[0].from, "embuscdae");
    assert!(response.query.corrected[0]
        .to
        .contains(&"embuscade".to_string()));
    assert!(
        response.query.notes.iter().any(|n| n.contains("embuscdae")),
        "{:?}",
        response.query.notes
    );
    // Four words, one misspelt: partial matches exist (three of four), yet the typo is
    // corrected and the document with all four comes first, as a full match.
    let response = s
        .search(&SearchRequest::query(
            "convoi militaire embuscdae Boulikessi",
        ))
        .expect("search");
    assert_eq!(response.query.corrected.len(), 1, "{:?}", response.query);
    assert_eq!(response.hits[0].id, "e");
    assert!(!response.hits[0].partial);
    // Words that all exist but never together are no typos: partial matches, no correction.
    let response = s
        .search(&SearchRequest::query("Boulikessi militaire Kidal"))
        .expect("search");
    assert!(response.query.corrected.is_empty(), "{:?}", response.query);
    assert!(response.total >= 1);
    // A filter that excludes every match is no reason to correct anything (words as typed:
    // translated, `embuscade` finds the English report's `ambush`).
    let mut request = SearchRequest::query("embuscade Boulikessi");
    request.filters["language"] = vec!["en".into()];
    request.translate = Some(false);
    let response = s.search(&request).expect("search");
    assert_eq!(response.query.full_total, 0);
    assert!(
        response.hits.iter().all(|h| h.partial),
        "{:?}",
        response.hits
    );
    assert!(response.query.corrected.is_empty(), "{:?}", response.query);
    request.translate = None;
    assert_eq!(ids(&s, &request), ["en"]);
}

#[test]
fn names_expand_to_spellings_and_aliases() {
    let s = searcher(&[
        Doc::new("tomb", "fr", "Le marché de Tombouctou a rouvert."),
        Doc::new("gsim", "fr", "Le GSIM a revendiqué l'attaque."),
        Doc::new("other", "fr", "Rien à signaler."),
    ]);
    assert_eq!(q(&s, "Timbuktu"), ["tomb"]);
    assert_eq!(q(&s, "JNIM"), ["gsim"]);
    let response = s.search(&SearchRequest::query("Timbuktu")).expect("search");
    assert!(response.query.expansions.iter().any(|e| e.kind == "place"));
    assert!(
        response.hits[0].snippet.contains("<mark>Tombouctou</mark>"),
        "{}",
        response.hits[0].snippet
    );
}

#[test]
fn spaced_name_matches_joined_and_hyphenated() {
    let s = searcher(&[
        Doc::new("hyph", "fr", "Combats à Tin-Zaouatène."),
        Doc::new("joined", "fr", "Retour au calme à Tinzaouatène."),
        Doc::new("other", "fr", "Le tin est un métal."),
    ]);
    for query in ["Tin Zaouatène", "Tin-Zaouatène", "tinzaouatene"] {
        let found = q(&s, query);
        assert_eq!(found, sorted(&["hyph", "joined"]), "{query}");
    }
}

#[test]
fn operators_or_not_prefix_and_fallback() {
    let s = searcher(&[
        Doc::new("a", "fr", "Attaque à Gao."),
        Doc::new("b", "fr", "Attaque à Kidal."),
        Doc::new("c", "fr", "Manifestation à Bamako."),
    ]);
    assert_eq!(q(&s, "Gao OR Kidal"), ["a", "b"]);
    assert_eq!(q(&s, "attaque -Kidal"), ["a"]);
    assert_eq!(q(&s, "attaque NOT Gao"), ["b"]);
    assert_eq!(q(&s, "manif*"), ["c"]);
    assert_eq!(q(&s, "-attaque"), ["c"]);
    let response = s.search(&SearchRequest::query("(Gao")).expect("search");
    assert!(response.query.fallback);
    assert_eq!(response.hits.len(), 1);
    let response = s
        .search(&SearchRequest::query("\"attaque à"))
        .expect("search");
    assert!(response.query.fallback);
    assert_eq!(response.total, 2);
}

#[test]
fn a_long_name_typed_in_full_finds_its_aliases() {
    let s = searcher(&[
        Doc::new(
            "acronym",
            "fr",
            "Trois VDP ont été tués près de Kaya mardi.",
        ),
        Doc::new(
            "words",
            "fr",
            "La défense de la patrie est l'affaire de tous, a dit le ministre aux volontaires.",
        ),
        Doc::new(
            "two-words",
            "fr",
            "Le ministre a parlé de la défense de la patrie.",
        ),
    ]);
    let response = s
        .search(&SearchRequest::query(
            "Volontaires pour la défense de la patrie",
        ))
        .expect("search");
    let mut found: Vec<&str> = response.hits.iter().map(|h| h.id.as_str()).collect();
    found.sort();
    // The name is one unit: its acronym matches, its words anywhere match, and a report
    // sharing only some of them is no partial match of a seven-word query.
    assert_eq!(found, ["acronym", "words"]);
    assert!(
        response
            .query
            .expansions
            .iter()
            .any(|e| e.kind == "actor" && e.alternatives.iter().any(|a| a == "VDP")),
        "{:?}",
        response.query.expansions
    );
}

#[test]
fn a_lone_dash_or_bullet_is_no_part_of_a_name() {
    let s = searcher(&[Doc::new(
        "menaka",
        "fr",
        "Une embuscade a visé un convoi près de Ménaka.",
    )]);
    for query in [
        "embuscade – Ménaka",
        "Ménaka • embuscade",
        "embuscade - Ménaka -",
    ] {
        let response = s.search(&SearchRequest::query(query)).expect("search");
        let mut terms = response.query.terms.clone();
        terms.sort();
        assert_eq!(terms, ["Ménaka", "embuscade"], "{query}");
        assert!(
            response.query.expansions.iter().all(|e| e.term == "Ménaka"),
            "{query}: {:?}",
            response.query.expansions
        );
        assert_eq!(response.total, 1, "{query}");
    }
}

#[test]
fn a_phrase_after_hyphenated_words_is_found() {
    let s = searcher(&[
        Doc::new(
            "after",
            "fr",
            "Vingt-cinq civils ont été tués lundi après-midi à Tin-Zaouatène, dans la région de Kidal.",
        ),
        Doc::new(
            "apart",
            "fr",
            "La région a connu une attaque. De nouveaux combats ont éclaté près de Kidal.",
        ),
    ]);
    assert_eq!(q(&s, "\"région de Kidal\""), ["after"]);
    assert_eq!(q(&s, "\"après-midi à Tin-Zaouatène\""), ["after"]);
}

#[test]
fn the_army_is_not_found_by_armed_men() {
    let s = searcher(&[
        Doc::new(
            "army",
            "fr",
            "Les forces armées ont repris le contrôle de Boni.",
        ),
        Doc::new(
            "armed",
            "fr",
            "Des hommes armés ont attaqué le marché de Boni.",
        ),
    ]);
    for query in ["armée", "ARMEE", "l’armée"] {
        assert_eq!(q(&s, query), ["army"], "{query}");
    }
    assert_eq!(q(&s, "armés"), ["armed"]);
}

#[test]
fn stats_and_reload_see_new_commits() {
    let (index, fields) = common::index();
    common::write(&index, &fields, &facet_corpus());
    let s = Searcher::new(index.clone(), Box::new(sahel_search::NoExpansion)).expect("searcher");
    let stats = s.stats().expect("stats");
    assert_eq!(stats.documents, 7);
    assert_eq!(stats.duplicates, 1);
    assert_eq!(stats.first_month.as_deref(), Some("2023-11"));
    common::write(
        &index,
        &fields,
        &[Doc::new("new", "fr", "Nouvelle embuscade.")],
    );
    s.reload().expect("reload");
    assert_eq!(s.stats().expect("stats").documents, 8);
    assert_eq!(q(&s, "embuscade"), ["new"]);
}

/// An index whose analyzers protect the actor aliases, as `sahel index` builds it (so a
/// multiword alias is also indexed joined).
fn searcher_protecting_aliases(docs: &[Doc]) -> Searcher {
    use std::sync::Arc;
    let (schema, fields) = sahel_indexer::schema::build_schema();
    let index = tantivy::Index::create_in_ram(schema);
    let mut protected = sahel_text::ProtectedWords::builtin();
    let actors = sahel_facets::actors::ActorTable::builtin().expect("actor table");
    for actor in actors.actors() {
        protected.extend(actor.aliases.iter());
    }
    sahel_text::register_analyzers(index.tokenizers(), Arc::new(protected));
    common::write(&index, &fields, docs);
    let expander = sahel_search::FacetsExpander::builtin().expect("expander");
    Searcher::new(index, Box::new(expander)).expect("searcher")
}

#[test]
fn multiword_aliases_match_joined_or_as_phrases() {
    let docs = [
        Doc::new(
            "en-name",
            "en",
            "The Support Group for Islam and Muslims claimed the attack.",
        ),
        // Nine words: too long to be joined, searched as a phrase.
        Doc::new(
            "fr-name",
            "fr",
            "Le Groupe de soutien à l'islam et aux musulmans a revendiqué l'attaque.",
        ),
        Doc::new(
            "words",
            "fr",
            "Un groupe de soutien aux musulmans, loin de l'islam et des armes.",
        ),
    ];
    // The alias is searched through its joined form, one term.
    let s = searcher_protecting_aliases(&docs);
    let terms = s.query_terms("JNIM");
    assert!(
        terms.spans.contains("supportgroupforislamandmuslims"),
        "{:?}",
        terms.spans
    );
    assert_eq!(q(&s, "JNIM"), ["en-name", "fr-name"]);
    let response = s.search(&SearchRequest::query("JNIM")).expect("search");
    let en = response
        .hits
        .iter()
        .find(|h| h.id == "en-name")
        .expect("en hit");
    assert!(
        en.snippet
            .contains("<mark>Support Group for Islam and Muslims</mark>"),
        "{}",
        en.snippet
    );
    let fr = response
        .hits
        .iter()
        .find(|h| h.id == "fr-name")
        .expect("fr hit");
    assert!(
        fr.snippet.contains("<mark>soutien</mark>"),
        "{}",
        fr.snippet
    );
    // Without the aliases protected (no joined form in the index): found as phrases.
    let s = searcher(&docs);
    assert_eq!(q(&s, "JNIM"), ["en-name", "fr-name"]);
}

/// Browsing answers from per-value postings and per-generation counts; excluding a word no
/// document has takes the general path (every document through the query). Both must give the
/// same totals, facets, timeline and page, for any mix of filters and orders.
#[test]
fn browsing_shortcuts_agree_with_the_general_path() {
    let mut docs = common::generated(600);
    for i in 0..30 {
        let canonical = docs[i * 7].id.clone();
        let mut copy = docs[i * 7].clone();
        copy.id = format!("dup/{i}");
        docs.push(copy.duplicate_of(&canonical));
    }
    docs.push(Doc::new("undated", "fr", "Sans date.").regions(&["Gao"]));
    let s = searcher(&docs);
    let regions = ["Gao", "Tombouctou", "Sahel", "Diffa"];
    let countries = ["Mali", "Niger", "Burkina Faso"];
    let actors = ["JNIM", "FAMa", "EIGS"];
    let months = ["2023-05", "2024-01", "2022-11"];
    let mut state: u64 = 7;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    for case in 0..120 {
        let mut request = SearchRequest::default();
        if next(2) == 0 {
            request.filters["region"] = (0..1 + next(2))
                .map(|_| regions[next(regions.len())].to_string())
                .collect();
        }
        if next(3) == 0 {
            request.filters["country"] = vec![countries[next(countries.len())].to_string()];
        }
        if next(3) == 0 {
            request.filters["actor"] = vec![actors[next(actors.len())].to_string()];
        }
        if next(4) == 0 {
            request.filters["language"] = vec![["fr", "en"][next(2)].to_string()];
        }
        match next(5) {
            0 => request.filters["month"] = vec![months[next(months.len())].to_string()],
            1 => {
                request.from = Some("2023-02-10".into());
                request.to = Some("2023-09-20".into());
            }
            2 => request.from = Some("2024-03-01".into()),
            _ => {}
        }
        request.sort = [Sort::Relevance, Sort::DateDesc, Sort::DateAsc][next(3)];
        request.limit = Some(1 + next(40));
        request.offset = next(5);
        assert_browse_agrees(&s, &request, &format!("case {case}"));
    }
    // One facet ticked, common and rare values, one or two of them, every order, short and
    // long pages: the page comes from the date orders or from ranking every document.
    let values: [(&str, &[&str]); 4] = [
        ("region", &regions),
        ("country", &countries),
        ("actor", &actors),
        ("month", &months),
    ];
    for (param, list) in values {
        for (i, value) in list.iter().enumerate() {
            for second in [None, list.get(i + 1)] {
                for sort in ["relevance", "date_desc", "date_asc"] {
                    for (limit, offset) in [("1", "0"), ("20", "3"), ("100", "0"), ("0", "0")] {
                        let mut pairs = vec![(param, *value)];
                        pairs.extend(second.map(|v| (param, *v)));
                        pairs.extend([("sort", sort), ("limit", limit), ("offset", offset)]);
                        let request = SearchRequest::from_pairs(pairs).expect("request");
                        assert_browse_agrees(&s, &request, "one facet");
                    }
                }
            }
        }
    }
}

/// Browsing `request` gives what the general path (a query excluding a word no document has)
/// gives: total, facets, timeline and page.
fn assert_browse_agrees(s: &Searcher, request: &SearchRequest, context: &str) {
    let fast = s.search(request).expect("browse");
    let mut general = request.clone();
    general.q = "-zzqxwv".into();
    let slow = s.search(&general).expect("search");
    let context = format!("{context}: {request:?}");
    assert_eq!(fast.total, slow.total, "{context}");
    assert_eq!(
        serde_json::to_value(&fast.facets).expect("json"),
        serde_json::to_value(&slow.facets).expect("json"),
        "{context}"
    );
    assert_eq!(
        serde_json::to_value(&fast.timeline).expect("json"),
        serde_json::to_value(&slow.timeline).expect("json"),
        "{context}"
    );
    let ids = |r: &sahel_search::SearchResponse| -> Vec<String> {
        r.hits.iter().map(|h| h.id.clone()).collect()
    };
    assert_eq!(ids(&fast), ids(&slow), "{context}");
}

/// The bytes of `text` without the value of `"took_ms"` (a timing, different on every run).
fn without_took_ms(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text).into_owned();
    let Some(start) = text.find(",\"took_ms\":") else {
        return text;
    };
    let end = text[start..]
        .find(",\"query\":")
        .map_or(text.len(), |e| start + e);
    format!("{}{}", &text[..start], &text[end..])
}

/// `search_json` writes what `serde_json` writes for `search`'s response, byte for byte:
/// facets (values needing escapes included), timeline zeros, hits and snippets, for queries,
/// filters, browsing, empty answers and pages.
#[test]
fn search_json_writes_the_serde_bytes_of_the_response() {
    let mut docs = common::generated(300);
    docs.push(
        Doc::new(
            "quoted",
            "fr",
            "Attaque \"signalée\" à <Gao> \\ par le groupe.",
        )
        .title("Titre \"entre guillemets\"")
        .regions(&["Gao \"nord\""])
        .actors(&["Groupe <x> & \\y"])
        .published("1999-12-31"),
    );
    let s = searcher(&docs);
    let requests = [
        SearchRequest::query("attaque"),
        SearchRequest::query("attaque Gao"),
        SearchRequest::query("signalée"),
        SearchRequest::query("zzqxwv"),
        SearchRequest::query("\"entre guillemets\""),
        SearchRequest::default(),
        SearchRequest::from_pairs([("q", "attaque"), ("region", "Gao"), ("limit", "50")])
            .expect("request"),
        SearchRequest::from_pairs([("month", "2024-01"), ("sort", "date_asc")]).expect("request"),
        SearchRequest::from_pairs([("q", "attaque"), ("from", "2023-02-10"), ("offset", "3")])
            .expect("request"),
        SearchRequest::from_pairs([("country", "Niger"), ("limit", "0")]).expect("request"),
    ];
    for request in &requests {
        let response = s.search(request).expect("search");
        let expected = serde_json::to_vec(&response).expect("json");
        let mut written = b"prefix".to_vec();
        s.search_json(request, &mut written).expect("search_json");
        assert_eq!(&written[..6], b"prefix", "appends");
        assert_eq!(
            without_took_ms(&written[6..]),
            without_took_ms(&expected),
            "{request:?}"
        );
        let value: serde_json::Value = serde_json::from_slice(&written[6..]).expect("valid JSON");
        assert!(value["took_ms"].is_number(), "{request:?}");
        // Facets most frequent first, ties by value; months in order.
        let facets = &response.facets;
        for list in [
            &facets["region"],
            &facets["country"],
            &facets["language"],
            &facets["actor"],
        ] {
            assert!(
                list.windows(2).all(|w| w[0].count > w[1].count
                    || (w[0].count == w[1].count && w[0].value < w[1].value)),
                "{list:?}"
            );
        }
        assert!(facets["month"].windows(2).all(|w| w[0].value < w[1].value));
    }
    // The quoted facet values are there, escaped.
    let response = s.search(&SearchRequest::query("signalée")).expect("search");
    assert!(response.facets["actor"]
        .iter()
        .any(|f| f.value == "Groupe <x> & \\y"));
    // Browsing everything: the timeline runs from 1999 to the generated years, zeros included.
    let all = s.search(&SearchRequest::default()).expect("browse");
    assert_eq!(
        all.timeline.first().map(|m| m.month.as_str()),
        Some("1999-12")
    );
    assert!(all.timeline.iter().any(|m| m.count == 0));
}

/// A prefix matches every exact-field term starting with it, and nothing else: the term range
/// ends right after the prefix's extensions (multibyte last characters included), titles too.
#[test]
fn prefixes_match_exactly_the_terms_they_start() {
    let s = searcher(&[
        Doc::new("attaq", "fr", "Le mot attaq seul."),
        Doc::new("attaque", "fr", "Une attaque à Gao."),
        Doc::new("attaquee", "fr", "La position attaquée hier."),
        Doc::new("title", "fr", "Rien ici.").title("Attaquants repoussés"),
        Doc::new("attar", "fr", "Le mot attar vient après."),
        Doc::new("attap", "fr", "Le mot attap vient avant."),
        Doc::new("inside", "fr", "Une contre-offensive, pas une zattaque."),
        Doc::new("ar1", "ar", "هجوم على القرية"),
        Doc::new("ar2", "ar", "هجومات متكررة"),
        Doc::new("ar3", "ar", "هجرة السكان"),
        Doc::new("zz", "en", "zzz zzzz"),
    ]);
    assert_eq!(
        q(&s, "attaq*"),
        sorted(&["attaq", "attaque", "attaquee", "title"])
    );
    assert_eq!(q(&s, "attaqu*"), sorted(&["attaque", "attaquee", "title"]));
    assert_eq!(q(&s, "ATTAQUÉ*"), sorted(&["attaque", "attaquee"]));
    assert_eq!(q(&s, "هجو*"), sorted(&["ar1", "ar2"]));
    assert_eq!(q(&s, "zzz*"), sorted(&["zz"]));
    assert!(q(&s, "attaqx*").is_empty());
}

/// The typo retry's look-ups are kept per index generation: the same misspelling gives the
/// same correction again, and a commit bringing a closer, more frequent spelling changes it.
#[test]
fn typo_corrections_follow_new_commits() {
    let (index, fields) = common::index();
    common::write(
        &index,
        &fields,
        &[Doc::new(
            "a",
            "fr",
            "Une embuscade meurtrière près de Boulikessi.",
        )],
    );
    let s = Searcher::new(index.clone(), Box::new(sahel_search::NoExpansion)).expect("searcher");
    let corrected = |s: &Searcher| -> Vec<String> {
        let response = s
            .search(&SearchRequest::query("embuscdae"))
            .expect("search");
        response
            .query
            .corrected
            .first()
            .map(|c| c.to.clone())
            .unwrap_or_default()
    };
    assert_eq!(corrected(&s), ["embuscade"]);
    assert_eq!(corrected(&s), ["embuscade"], "the same from the cache");
    // Now the misspelling itself is a word of the index: nothing to correct.
    common::write(
        &index,
        &fields,
        &[Doc::new("b", "fr", "Une embuscdae, écrit ainsi.")],
    );
    s.reload().expect("reload");
    assert!(corrected(&s).is_empty());
    assert_eq!(q(&s, "embuscdae"), ["b"]);
    // A word no document has is corrected again once written elsewhere, in the new generation.
    assert!(corrected_to(&s, "zorglbu").is_empty());
    common::write(
        &index,
        &fields,
        &[Doc::new("c", "fr", "Le zorglub du jour.")],
    );
    s.reload().expect("reload");
    assert_eq!(corrected_to(&s, "zorglbu"), ["zorglub"]);
}

fn corrected_to(s: &Searcher, word: &str) -> Vec<String> {
    let response = s.search(&SearchRequest::query(word)).expect("search");
    response
        .query
        .corrected
        .first()
        .map(|c| c.to.clone())
        .unwrap_or_default()
}

#[test]
fn source_spellings_differing_in_case_are_one_value() {
    let s = searcher(&[
        Doc::new("a", "fr", "Attaque à Gao.")
            .source("FAMa")
            .published("2024-03-01"),
        Doc::new("b", "fr", "Attaque à Kidal.")
            .source("FAMa")
            .published("2024-03-02"),
        Doc::new("c", "fr", "Attaque à Mopti.")
            .source("FAMA")
            .published("2024-03-03"),
        Doc::new("d", "fr", "Attaque à Ségou.")
            .source("Studio Tamani")
            .published("2024-03-04"),
    ]);
    let response = s.search(&SearchRequest::query("attaque")).expect("search");
    let sources: Vec<(&str, u64)> = response.facets["source"]
        .iter()
        .map(|c| (c.value.as_str(), c.count))
        .collect();
    assert_eq!(sources, [("FAMa", 3), ("Studio Tamani", 1)]);
    let mut request = SearchRequest::query("attaque");
    request.filters["source"] = vec!["fama".into()];
    let response = s.search(&request).expect("search");
    assert_eq!(response.total, 3, "the filter takes every spelling");
}

#[test]
fn a_period_leaves_out_the_months_outside_it() {
    // `b` happened in June and July: a June period keeps it, but the month facet and the
    // timeline offer June only (July would give nothing within the period).
    let s = searcher(&[
        Doc::new("a", "fr", "Attaque à Gao.").events(&["2025-06-10"]),
        Doc::new("b", "fr", "Attaque à Kidal.").events(&["2025-06-20", "2025-07-02"]),
        Doc::new("c", "fr", "Attaque à Mopti.").events(&["2025-07-15"]),
    ]);
    for q in ["attaque", ""] {
        let mut request = SearchRequest::query(q);
        request.from = Some("2025-06-01".into());
        request.to = Some("2025-06-30".into());
        let response = s.search(&request).expect("search");
        assert_eq!(response.total, 2, "{q:?}");
        let months: Vec<(&str, u64)> = response.facets["month"]
            .iter()
            .map(|c| (c.value.as_str(), c.count))
            .collect();
        assert_eq!(months, [("2025-06", 2)], "{q:?}");
        let timeline: Vec<&str> = response.timeline.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(timeline, ["2025-06"], "{q:?}");
        // A month ticked besides the period: the month facet still counts within the period.
        request.filters["month"] = vec!["2025-07".into()];
        let response = s.search(&request).expect("search");
        assert_eq!(
            response.total, 1,
            "{q:?}: b has a date in the period and in July"
        );
        let months: Vec<(&str, u64)> = response.facets["month"]
            .iter()
            .map(|c| (c.value.as_str(), c.count))
            .collect();
        assert_eq!(months, [("2025-06", 2)], "{q:?}");
    }
}

#[test]
fn a_query_of_punctuation_only_has_no_searchable_words() {
    let s = searcher(&facet_corpus());
    let response = s.search(&SearchRequest::query("?!.,;:")).expect("search");
    assert!(response.query.no_words);
    assert!(!response.query.browse, "not taken for an empty box");
    assert_eq!(response.total, 0);
    assert!(response.hits.is_empty());
    assert!(
        response
            .query
            .notes
            .iter()
            .any(|n| n.contains("no searchable words")),
        "{:?}",
        response.query.notes
    );
    let words = s
        .search(&SearchRequest::query("attaque ?!"))
        .expect("search");
    assert!(!words.query.no_words && words.total > 0);
}
