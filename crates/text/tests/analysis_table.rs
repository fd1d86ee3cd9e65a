//! Issue 2's table, through the real analyzers and a tiny in-RAM tantivy index: each query, analysed
//! like a query builder would (OR of the tokens of a position, a joined token as an alternative to
//! the phrase of its parts), must match the documents listed and not the others.

use std::collections::BTreeMap;
use std::sync::Arc;

use sahel_text::{
    analyze, register_analyzers, ProtectedWords, ENGLISH_ANALYZER, EXACT_ANALYZER, FRENCH_ANALYZER,
};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED};
use tantivy::tokenizer::Token;
use tantivy::{doc, Index, TantivyDocument, Term};

struct Fixture {
    index: Index,
    field: Field,
    body: Field,
    analyzer: &'static str,
}

impl Fixture {
    fn new(analyzer: &'static str, documents: &[&str]) -> Fixture {
        let mut builder = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let field = builder.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(indexing),
        );
        let body = builder.add_text_field("body", STORED);
        let index = Index::create_in_ram(builder.build());
        register_analyzers(index.tokenizers(), Arc::new(ProtectedWords::builtin()));
        let mut writer = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        for text in documents {
            writer
                .add_document(doc!(field => *text, body => *text))
                .expect("add");
        }
        writer.commit().expect("commit");
        Fixture {
            index,
            field,
            body,
            analyzer,
        }
    }

    fn tokens(&self, query: &str) -> Vec<Token> {
        let mut analyzer = self
            .index
            .tokenizers()
            .get(self.analyzer)
            .expect("analyzer");
        analyze(&mut analyzer, query)
    }

    /// OR of the tokens at each position; a joined token is an alternative to the phrase of the
    /// positions it spans; all positions required.
    fn keyword_query(&self, query: &str) -> Box<dyn Query> {
        let tokens = self.tokens(query);
        let mut by_position: BTreeMap<usize, Vec<&Token>> = BTreeMap::new();
        for token in &tokens {
            by_position.entry(token.position).or_default().push(token);
        }
        let term = |t: &Token| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(self.field, &t.text),
                IndexRecordOption::WithFreqsAndPositions,
            ))
        };
        let single = |position: usize| -> Box<dyn Query> {
            let alternatives = by_position[&position]
                .iter()
                .filter(|t| t.position_length == 1)
                .map(|t| (Occur::Should, term(t)))
                .collect();
            Box::new(BooleanQuery::new(alternatives))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let positions: Vec<usize> = by_position.keys().copied().collect();
        let mut covered_until = 0;
        for &position in &positions {
            if position < covered_until {
                continue;
            }
            let joined = by_position[&position]
                .iter()
                .find(|t| t.position_length > 1);
            match joined {
                Some(joined) => {
                    let end = position + joined.position_length;
                    let parts: Vec<(Occur, Box<dyn Query>)> = positions
                        .iter()
                        .filter(|&&p| p >= position && p < end)
                        .filter(|&&p| by_position[&p].iter().any(|t| t.position_length == 1))
                        .map(|&p| (Occur::Must, single(p)))
                        .collect();
                    let mut alternatives = vec![(Occur::Should, term(joined))];
                    if !parts.is_empty() {
                        alternatives.push((
                            Occur::Should,
                            Box::new(BooleanQuery::new(parts)) as Box<dyn Query>,
                        ));
                    }
                    clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
                    covered_until = end;
                }
                None => clauses.push((Occur::Must, single(position))),
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// A phrase of the last token (the folded stem) of each position.
    fn phrase_query(&self, query: &str) -> Box<dyn Query> {
        let tokens = self.tokens(query);
        let mut last: BTreeMap<usize, &Token> = BTreeMap::new();
        for token in tokens.iter().filter(|t| t.position_length == 1) {
            last.insert(token.position, token);
        }
        let first = *last.keys().next().expect("phrase has terms");
        let terms = last
            .values()
            .map(|t| {
                (
                    t.position - first,
                    Term::from_field_text(self.field, &t.text),
                )
            })
            .collect();
        Box::new(PhraseQuery::new_with_offset(terms))
    }

    fn matching(&self, query: &dyn Query) -> Vec<String> {
        let searcher = self.index.reader().expect("reader").searcher();
        let mut texts: Vec<String> = searcher
            .search(query, &DocSetCollector)
            .expect("search")
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address).expect("doc");
                use tantivy::schema::document::Value;
                doc.get_first(self.body)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        texts.sort();
        texts
    }

    fn assert_keyword(&self, query: &str, must: &[&str], must_not: &[&str]) {
        let found = self.matching(&*self.keyword_query(query));
        self.check(query, &found, must, must_not);
    }

    fn check(&self, query: &str, found: &[String], must: &[&str], must_not: &[&str]) {
        for text in must {
            assert!(
                found.iter().any(|f| f == text),
                "{query:?} must match {text:?}; tokens {:?}, found {found:?}",
                self.tokens(query)
            );
        }
        for text in must_not {
            assert!(
                !found.iter().any(|f| f == text),
                "{query:?} must not match {text:?}; found {found:?}"
            );
        }
    }
}

/// One document per text, French analyzer.
fn french(texts: &[&str]) -> Fixture {
    Fixture::new(FRENCH_ANALYZER, texts)
}

#[test]
fn armee_matches_every_spelling_of_l_armee() {
    let docs = ["l’armée", "L'ARMEE", "l'armee", "les armes"];
    let fixture = french(&docs);
    fixture.assert_keyword("armée", &docs[..3], &["les armes"]);
    fixture.assert_keyword("armee", &docs[..3], &["les armes"]);
    fixture.assert_keyword("l'armée", &docs[..3], &["les armes"]);
}

#[test]
fn lere_matches_with_and_without_accents_and_case() {
    let docs = ["Léré", "Lere", "LERE", "lire"];
    let fixture = french(&docs);
    fixture.assert_keyword("lere", &docs[..3], &["lire"]);
    fixture.assert_keyword("Léré", &docs[..3], &["lire"]);
}

#[test]
fn frappe_aerienne_matches_plural() {
    let docs = ["des frappes aériennes", "des frappes terrestres"];
    let fixture = french(&docs);
    fixture.assert_keyword("frappe aérienne", &docs[..1], &docs[1..]);
    fixture.assert_keyword("frappe aerienne", &docs[..1], &docs[1..]);
}

#[test]
fn attaque_matches_its_inflections_both_ways() {
    let docs = [
        "attaqué",
        "attaquées",
        "attaques",
        "ATTAQUEES",
        "attaque",
        "attaquant",
    ];
    let fixture = french(&docs);
    fixture.assert_keyword("attaque", &docs[..5], &[]);
    fixture.assert_keyword("attaqué", &docs[..5], &[]);
    fixture.assert_keyword("attaquées", &docs[..5], &[]);
    fixture.assert_keyword("attaques", &docs[..5], &[]);
}

#[test]
fn securite_matches_accented_and_back() {
    let docs = ["la sécurité", "la securite", "SECURITE", "sécuritaire"];
    let fixture = french(&docs);
    fixture.assert_keyword("securite", &docs[..3], &[]);
    fixture.assert_keyword("sécurité", &docs[..3], &[]);
}

#[test]
fn mali_is_not_stemmed_into_mal() {
    let docs = ["Mali", "MALI", "les forces du mal", "le Mali"];
    let fixture = french(&docs);
    fixture.assert_keyword("Mali", &["Mali", "MALI", "le Mali"], &["les forces du mal"]);
    fixture.assert_keyword("mal", &["les forces du mal"], &["Mali", "MALI"]);
    let docs = ["Niger", "ils nient"];
    french(&docs).assert_keyword("niger", &docs[..1], &docs[1..]);
}

#[test]
fn tinzaouatene_matches_hyphenated_joined_and_spaced() {
    let docs = [
        "à Tin-Zaouatène",
        "à Tinzaouatène",
        "à Tin Zaouatène",
        "à Tin Essako",
    ];
    let fixture = french(&docs);
    for query in [
        "tinzaouatene",
        "Tinzaouatène",
        "Tin-Zaouatène",
        "Tin Zaouatène",
        "TIN ZAOUATENE",
    ] {
        fixture.assert_keyword(query, &docs[..3], &docs[3..]);
    }
}

#[test]
fn apostrophe_names_match_joined_and_by_parts() {
    let docs = ["à Fada N’Gourma", "à Fada NGourma", "Aguel'hoc", "Aguelhoc"];
    let fixture = french(&docs);
    for query in [
        "Fada N'Gourma",
        "fada ngourma",
        "fadangourma",
        "N'Gourma",
        "Gourma",
    ] {
        fixture.assert_keyword(query, &docs[..1], &docs[2..]);
    }
    fixture.assert_keyword("ngourma", &docs[..2], &[]);
    for query in ["Aguel'hoc", "aguelhoc", "Aguel hoc"] {
        fixture.assert_keyword(query, &docs[2..3], &docs[..2]);
    }
    fixture.assert_keyword("aguelhoc", &docs[2..], &[]);
}

#[test]
fn oeuvre_matches_ligature() {
    let docs = ["une œuvre", "ŒUVRE", "un oeuf"];
    let fixture = french(&docs);
    fixture.assert_keyword("oeuvre", &docs[..2], &docs[2..]);
    fixture.assert_keyword("œuvre", &docs[..2], &docs[2..]);
}

#[test]
fn aujourdhui_is_one_term_with_either_apostrophe() {
    let docs = ["aujourd’hui", "aujourd'hui", "hui clos"];
    let fixture = french(&docs);
    fixture.assert_keyword("aujourd'hui", &docs[..2], &docs[2..]);
    fixture.assert_keyword("aujourd’hui", &docs[..2], &docs[2..]);
    let terms: Vec<String> = fixture
        .tokens("aujourd’hui")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(terms, ["aujourd'hui"]);
}

#[test]
fn phrase_armee_malienne_needs_adjacent_words() {
    let docs = [
        "l’armée malienne a riposté",
        "L'ARMEE MALIENNE",
        "la malienne a rejoint plus tard l'armée",
    ];
    let fixture = french(&docs);
    for query in ["armée malienne", "armee malienne"] {
        let found = fixture.matching(&*fixture.phrase_query(query));
        fixture.check(query, &found, &docs[..2], &docs[2..]);
    }
}

#[test]
fn stop_words_and_elision_do_not_match_alone() {
    let docs = ["l'armée de terre", "le chef de la police"];
    let fixture = french(&docs);
    let terms: Vec<String> = fixture
        .tokens("l'armée de terre")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(terms, ["armee", "terr"]);
    fixture.assert_keyword("armée de terre", &docs[..1], &docs[1..]);
}

#[test]
fn english_analyzer_stems_folds_and_protects() {
    let docs = [
        "Mali's army attacked",
        "the attacks on Ménaka",
        "evil forces",
    ];
    let fixture = Fixture::new(ENGLISH_ANALYZER, &docs);
    fixture.assert_keyword("attack", &docs[..2], &docs[2..]);
    fixture.assert_keyword("menaka", &docs[1..2], &[]);
    fixture.assert_keyword("Mali", &docs[..1], &[]);
    fixture.assert_keyword("Tin Zaouatène", &[], &docs);
    let terms: Vec<String> = fixture
        .tokens("Mali's armies")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(terms, ["mali", "armi"]);
}

#[test]
fn exact_analyzer_folds_without_stemming() {
    let docs = [
        "Les attaques à Léré",
        "une attaque",
        "Tin-Zaouatène",
        "the region",
    ];
    let fixture = Fixture::new(EXACT_ANALYZER, &docs);
    fixture.assert_keyword("attaques", &docs[..1], &docs[1..]);
    // Stop words are dropped, French and English alike (protected names are kept, as in the
    // language fields: see the stop-word filter's tests).
    fixture.assert_keyword("les", &[], &docs);
    fixture.assert_keyword("the", &[], &docs);
    fixture.assert_keyword("LERE", &docs[..1], &docs[1..]);
    fixture.assert_keyword("tinzaouatene", &docs[2..3], &docs[3..]);
    fixture.assert_keyword("Tin Zaouatène", &docs[2..3], &docs[3..]);
}
