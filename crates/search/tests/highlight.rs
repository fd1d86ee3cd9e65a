//! The cheap highlighting pass of snippets against the analyzers themselves: on real French and
//! English text (sample reports, UD French sentences, ACLED notes, read in place from
//! ../shared/data), queries made of the texts' own words, their inflections, prefixes, phrases
//! and names must mark the same tokens as re-analysing the text with the analyzers would.

mod common;

use std::path::PathBuf;

use common::searcher;
use sahel_search::snippet::{analysed_matches, Highlighter, Mark};
use sahel_search::Searcher;

fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
}

/// (language, text) of a few hundred real documents.
fn texts() -> Vec<(&'static str, String)> {
    let dir = data_dir();
    let mut texts = Vec::new();
    let mut reports: Vec<PathBuf> = std::fs::read_dir(dir.join("sample-reports"))
        .expect("sample reports")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    reports.sort();
    for path in reports {
        texts.push(("fr", std::fs::read_to_string(path).expect("report")));
    }
    let conllu = std::fs::read_to_string(dir.join("ud-french/fr_gsd-ud-test.conllu"))
        .expect("UD French test set");
    let sentences: Vec<&str> = conllu
        .lines()
        .filter_map(|l| l.strip_prefix("# text = "))
        .take(1200)
        .collect();
    for chunk in sentences.chunks(8) {
        texts.push(("fr", chunk.join(" ")));
    }
    let mut csv =
        csv::Reader::from_path(dir.join("acled-sahel/acled_sahel3_combined_1997-2020.csv"))
            .expect("ACLED CSV");
    let notes = csv
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "notes")
        .expect("notes column");
    for record in csv.records().take(1500).step_by(10) {
        let record = record.expect("record");
        texts.push(("en", record.get(notes).unwrap_or_default().to_string()));
    }
    texts
}

/// Deterministic pseudo-random numbers.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Queries built from a text: its words as written, upper-cased, without accents, inflected,
/// as prefixes, pairs and phrases, plus a few fixed names.
fn queries(text: &str, rng: &mut Lcg) -> Vec<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-' && c != '’')
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let mut out = vec![
        "Tombouctou".to_string(),
        "JNIM".to_string(),
        "\"forces armées\"".to_string(),
        "attaque".to_string(),
        "Tin Zaouatène".to_string(),
    ];
    if words.is_empty() {
        return out;
    }
    for _ in 0..6 {
        let w = words[rng.below(words.len())];
        let v = words[rng.below(words.len())];
        out.push(w.to_string());
        out.push(w.to_uppercase());
        out.push(sahel_text::fold(w));
        out.push(format!("{w}s"));
        out.push(format!("{w} {v}"));
        let prefix: String = w.chars().take(4).collect();
        out.push(format!("{prefix}*"));
        let i = rng.below(words.len());
        if i + 1 < words.len() {
            out.push(format!("\"{} {}\"", words[i], words[i + 1]));
        }
    }
    out
}

fn covered(range: (usize, usize), marks: &[Mark]) -> bool {
    marks.iter().any(|m| m.from <= range.0 && range.1 <= m.to)
}

fn overlaps(mark: &Mark, ranges: &[(usize, usize)]) -> bool {
    ranges.iter().any(|&(f, t)| f < mark.to && mark.from < t)
}

fn compare(searcher: &Searcher) -> (usize, usize, usize, usize, Vec<String>) {
    let mut rng = Lcg(0x5a4e1);
    let (mut expected, mut found, mut marks_total, mut marks_right) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (language, text) in texts() {
        for q in queries(&text, &mut rng) {
            let terms = searcher.query_terms(&q);
            let mut analyzers = searcher.analyzers();
            let reference = analysed_matches(&text, language, &mut analyzers, &terms);
            let mut highlighter = Highlighter::new(searcher.analyzers(), &terms);
            let marks = highlighter.all_matches(&text, language);
            for &range in &reference {
                expected += 1;
                if covered(range, &marks) {
                    found += 1;
                } else if misses.len() < 20 {
                    misses.push(format!("{q:?} misses {:?}", &text[range.0..range.1]));
                }
            }
            for mark in &marks {
                marks_total += 1;
                if overlaps(mark, &reference) {
                    marks_right += 1;
                } else if misses.len() < 20 {
                    misses.push(format!(
                        "{q:?} marks {:?} the analyzers do not",
                        &text[mark.from..mark.to]
                    ));
                }
            }
        }
    }
    (expected, found, marks_total, marks_right, misses)
}

#[test]
fn cheap_highlighting_marks_what_the_analyzers_match() {
    let s = searcher(&[]);
    let (expected, found, marks, right, misses) = compare(&s);
    let recall = found as f64 / expected.max(1) as f64;
    let precision = right as f64 / marks.max(1) as f64;
    eprintln!(
        "highlighting vs analyzers: {found}/{expected} analysed matches marked ({:.3}%), \
         {right}/{marks} marks confirmed ({:.3}%)",
        recall * 100.0,
        precision * 100.0
    );
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(expected > 5_000, "too few matches to judge: {expected}");
    assert!(recall >= 0.995, "recall {recall}");
    assert!(precision >= 0.995, "precision {precision}");
}

#[test]
fn highlighting_stops_once_three_fragments_hold_every_word() {
    let s = searcher(&[]);
    let text = "Une attaque près de Gao. ".repeat(400);
    let terms = s.query_terms("attaque Gao");
    let mut highlighter = Highlighter::new(s.analyzers(), &terms);
    let all = highlighter.all_matches(&text, "fr");
    let early = highlighter.matches(&text, "fr");
    assert!(all.len() > 100, "{}", all.len());
    assert!(early.len() >= 6 && early.len() < 20, "{}", early.len());
    assert_eq!(&all[..early.len()], &early[..]);
    // A word missing from the text: no fragment holds every word, the scan goes on.
    let terms = s.query_terms("attaque Gao Kidal");
    let mut highlighter = Highlighter::new(s.analyzers(), &terms);
    assert_eq!(highlighter.matches(&text, "fr").len(), all.len());
}

/// The marked words of `text` for query `q`.
fn marked(s: &Searcher, q: &str, text: &str, language: &str) -> Vec<String> {
    let terms = s.query_terms(q);
    let mut highlighter = Highlighter::new(s.analyzers(), &terms);
    highlighter
        .matches(text, language)
        .iter()
        .map(|m| text[m.from..m.to].to_string())
        .collect()
}

#[test]
fn phrase_words_are_marked_only_beside_each_other() {
    let s = searcher(&[]);
    let text = "La garde du pont a été relevée à l'aube. Des éléments de la Garde nationale \
                ont sécurisé la route nationale, puis les gardes nationaux sont repartis.";
    assert_eq!(
        marked(&s, "\"garde nationale\"", text, "fr"),
        ["Garde", "nationale", "gardes", "nationaux"],
        "a phrase's words are marked where they follow one another, not alone"
    );
    // The same words typed without quotes are searched anywhere: marked anywhere.
    let loose = marked(&s, "garde nationale", text, "fr");
    assert!(loose.iter().any(|w| w == "garde"), "{loose:?}");
    assert!(
        loose.iter().filter(|w| *w == "nationale").count() == 2,
        "{loose:?}"
    );
    // A word both typed alone and inside a phrase is marked everywhere.
    let both = marked(&s, "route \"route nationale\"", "Une route coupée.", "fr");
    assert_eq!(both, ["route"]);
    // Stop words and elided articles between the words keep them together.
    let text = "Un groupe armé a tiré. Le Groupe de soutien à l’islam et aux musulmans revendique.";
    let found = marked(
        &s,
        "\"groupe de soutien à l'islam et aux musulmans\"",
        text,
        "fr",
    );
    assert_eq!(found, ["Groupe", "soutien", "islam", "musulmans"]);
}
