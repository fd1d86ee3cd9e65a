//! Random query strings never make a search fail or panic.

mod common;

use std::sync::OnceLock;

use common::{searcher, Doc};
use proptest::prelude::*;
use sahel_search::api::SearchRequest;
use sahel_search::Searcher;

fn shared() -> &'static Searcher {
    static SEARCHER: OnceLock<Searcher> = OnceLock::new();
    SEARCHER.get_or_init(|| {
        searcher(&[
            Doc::new(
                "a",
                "fr",
                "Attaque de l’armée malienne près de Gao, frappes aériennes à Tin-Zaouatène.",
            )
            .published("2024-03-02")
            .regions(&["Gao"]),
            Doc::new(
                "b",
                "en",
                "JNIM fighters attacked a convoy near Dori <script>x</script>.",
            )
            .published("2024-04-11"),
            Doc::new(
                "c",
                "und",
                "Léré, Tombouctou: aujourd’hui œuvre sécurité « citation » 100% — fin.",
            ),
        ])
    })
}

fn query_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        // Arbitrary Unicode.
        any::<String>(),
        // The query language's own characters, densely.
        proptest::collection::vec(
            prop_oneof![
                Just("OR".to_string()),
                Just("NOT".to_string()),
                Just("AND".to_string()),
                Just("\"".to_string()),
                Just("-".to_string()),
                Just("*".to_string()),
                Just("(".to_string()),
                Just(":".to_string()),
                Just(" ".to_string()),
                Just("attaque".to_string()),
                Just("Gao".to_string()),
                Just("l'".to_string()),
                Just("Tin-Zaouatène".to_string()),
                Just("de".to_string()),
                "[a-zéèœ']{1,12}",
            ],
            0..20
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    // 3,000 cases keep the suite quick on 2 cores (10,000 took 24 s on a loaded machine).
    #![proptest_config(ProptestConfig::with_cases(3_000))]
    #[test]
    fn random_queries_never_fail(q in query_strategy()) {
        let response = shared().search(&SearchRequest::query(q.clone()));
        prop_assert!(response.is_ok(), "{q:?}: {:?}", response.err());
        let response = response.unwrap_or_default();
        for hit in &response.hits {
            prop_assert!(!hit.snippet.contains("<script"), "{q:?}: {}", hit.snippet);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn random_parameters_are_accepted_or_refused_cleanly(
        key in prop_oneof![Just("q"), Just("month"), Just("from"), Just("to"), Just("limit"),
                           Just("offset"), Just("sort"), Just("region"), Just("lang"), Just("zzz")],
        value in any::<String>(),
    ) {
        if let Ok(request) = SearchRequest::from_pairs([(key, value.as_str())]) {
            prop_assert!(shared().search(&request).is_ok());
        }
    }
}
