//! End-to-end tests of what users really have: saved RSS and Atom feeds, a UTF-8 file with a few
//! stray bytes, a PDF printed from a browser, unreadable dates. Each goes through the `sahel`
//! binary: `sahel extract --json`, `sahel index`, `sahel search --json`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sahel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sahel"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("the sahel binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn fixture(path: &str) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    std::fs::read(root.join(path)).unwrap()
}

/// `sahel index DIR --index INDEX --quiet`: the output.
fn index(docs: &Path, index: &Path) -> Output {
    sahel(&[
        "index",
        &docs.display().to_string(),
        "--index",
        &index.display().to_string(),
        "--quiet",
    ])
}

/// `sahel search --json QUERY`: the `/api/search` object.
fn search(index: &Path, query: &str) -> Value {
    let out = sahel(&[
        "search",
        "--index",
        &index.display().to_string(),
        "--json",
        query,
    ]);
    assert!(out.status.success(), "search {query:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("search prints JSON")
}

fn hit_ids(answer: &Value) -> Vec<String> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

/// True when the search found documents with the words as typed, not through a typo retry.
fn found_as_typed(answer: &Value) -> bool {
    answer["total"].as_u64() > Some(0)
        && answer["query"]["corrected"]
            .as_array()
            .is_none_or(|c| c.is_empty())
}

/// The 1-based line of the `n`th line of `text` containing `needle`.
fn line_of(text: &[u8], needle: &str, n: usize) -> usize {
    String::from_utf8_lossy(text)
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(n)
        .map(|(i, _)| i + 1)
        .unwrap()
}

#[test]
fn feeds_give_one_document_per_entry_in_extract_and_search() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("feeds");
    let rss = fixture("feeds/sahel-actu.rss");
    let atom = fixture("feeds/observatoire.atom");
    write(&docs, "sahel-actu.rss", &rss);
    write(&docs, "observatoire.atom", &atom);
    write(
        &docs,
        "sitemap.xml",
        "<?xml version=\"1.0\"?>\n<urlset><url><loc>https://example.org/</loc></url></urlset>\n",
    );
    write(
        &docs,
        "broken.xml",
        "<rss version=\"2.0\"><channel><item><title>Attaque</item></channel></rss>",
    );

    // sahel extract --json: one record per entry, the repeated ones once.
    let out = sahel(&["extract", "--json", &docs.display().to_string()]);
    let log = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{log}");
    let records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let field = |r: &Value, f: &str| r[f].as_str().map(str::to_string);
    let ids: Vec<String> = records.iter().filter_map(|r| field(r, "id")).collect();
    assert_eq!(
        ids,
        [
            "tag:observatoire-sahel.example.org,2024:flash-118",
            "tag:observatoire-sahel.example.org,2023:flash-097",
            "tag:observatoire-sahel.example.org,2024:flash-104",
            "https://sahel-actu.example.org/?p=48211",
            "https://sahel-actu.example.org/?p=47102",
            "https://sahel-actu.example.org/?p=46630",
            "https://sahel-actu.example.org/?p=48090",
            "https://sahel-actu.example.org/?p=48150",
        ]
    );
    let by_id = |id: &str| records.iter().find(|r| r["id"] == id).unwrap();
    let diapaga = by_id("https://sahel-actu.example.org/?p=48211");
    assert_eq!(
        field(diapaga, "title").as_deref(),
        Some("Burkina : les VDP repoussent une attaque contre le détachement de Diapaga")
    );
    assert_eq!(field(diapaga, "published").as_deref(), Some("2024-02-14"));
    assert_eq!(field(diapaga, "language").as_deref(), Some("fr"));
    assert!(diapaga["regions"]
        .as_array()
        .unwrap()
        .contains(&Value::from("Tapoa")));
    // French and English items of one feed: each its own language.
    let lere = by_id("https://sahel-actu.example.org/?p=47102");
    assert_eq!(field(lere, "language").as_deref(), Some("en"));
    assert_eq!(field(lere, "published").as_deref(), Some("2023-09-18"));
    let tassia = by_id("tag:observatoire-sahel.example.org,2024:flash-118");
    assert_eq!(
        field(tassia, "title").as_deref(),
        Some("Niger: attack on Tassia army post")
    );
    assert_eq!(field(tassia, "published").as_deref(), Some("2024-03-22"));
    // Missing dates stay missing.
    for id in [
        "https://sahel-actu.example.org/?p=46630",
        "tag:observatoire-sahel.example.org,2024:flash-104",
        "https://sahel-actu.example.org/?p=48150",
    ] {
        assert_eq!(by_id(id)["published"], Value::Null, "{id}");
    }
    let rss_path = docs.join("sahel-actu.rss").display().to_string();
    let atom_path = docs.join("observatoire.atom").display().to_string();
    for expected in [
        format!(
            "warning: {rss_path}:{}: unreadable date \"2024-13-45\" in `pubDate`, left out",
            line_of(&rss, "<item>", 4)
        ),
        format!(
            "warning: {rss_path}:{}: entry repeats the id \"https://sahel-actu.example.org/?p=48211\" of the entry at line {}, indexed once",
            line_of(&rss, "<item>", 5),
            line_of(&rss, "<item>", 0)
        ),
        format!(
            "warning: {atom_path}:{}: entry repeats the id \"tag:observatoire-sahel.example.org,2024:flash-118\" of the entry at line {}, indexed once",
            line_of(&atom, "<entry>", 2),
            line_of(&atom, "<entry>", 0)
        ),
        "sitemap.xml: not an RSS or Atom feed (its root element is <urlset>".to_string(),
        "broken.xml: malformed feed: line 1:".to_string(),
    ] {
        assert!(log.contains(&expected), "{expected:?} missing from:\n{log}");
    }

    // sahel index, then sahel search through the real searcher.
    let ix = tmp.path().join("index");
    let out = index(&docs, &ix);
    let log = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(out.status.code(), Some(2), "{log}");
    assert!(log.contains("documents: 8 added"), "{log}");
    assert!(
        log.contains("skipped: 2 (1 malformed feed, 1 not a feed)"),
        "{log}"
    );
    assert!(
        log.contains("warnings: 3 (2 repeated feed entry, 1 unreadable date)"),
        "{log}"
    );

    let answer = search(&ix, "Diapaga");
    assert_eq!(
        hit_ids(&answer),
        [
            "https://sahel-actu.example.org/?p=48211",
            "tag:observatoire-sahel.example.org,2024:flash-104"
        ]
    );
    let hit = &answer["hits"][0];
    assert_eq!(hit["source"], "Sahel Actu – Sécurité");
    assert_eq!(
        hit["url"],
        "https://sahel-actu.example.org/securite/2024/02/14/diapaga-attaque/"
    );
    assert_eq!(hit["published"], "2024-02-14");
    assert_eq!(hit["duplicates"], 0);
    // HTML is gone from the text, the share box and the blog engine's footer too.
    for junk in ["wp-content", "apparu", "Facebook", "strong"] {
        assert!(!found_as_typed(&search(&ix, junk)), "{junk}");
    }
    // The repeated Atom entry is one document; its second version is not indexed.
    let tassia = search(&ix, "Tassia");
    assert_eq!(
        hit_ids(&tassia),
        ["tag:observatoire-sahel.example.org,2024:flash-118"]
    );
    assert_eq!(
        tassia["hits"][0]["source"],
        "Observatoire du Sahel – Flash updates"
    );
    assert!(!found_as_typed(&search(&ix, "updated")));
    // French and English items, accents folded both ways, dates as read.
    assert_eq!(
        hit_ids(&search(&ix, "Lere")),
        ["https://sahel-actu.example.org/?p=47102"]
    );
    let menaka = search(&ix, "Ménaka déplacés");
    assert_eq!(
        hit_ids(&menaka),
        ["https://sahel-actu.example.org/?p=46630"]
    );
    assert_eq!(menaka["hits"][0]["published"], Value::Null);
    let tera = search(&ix, "Téra");
    assert_eq!(tera["hits"][0]["published"], "2024-02-12");
}

#[test]
fn utf8_file_with_stray_bytes_is_found_by_lere_and_cp1252_stays_cp1252() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    let mut bytes = "Attaque à Léré\n\nLes FAMa ont riposté à une attaque contre le camp de Léré, région de Tombouctou, le 17 septembre 2023".as_bytes().to_vec();
    bytes.extend_from_slice(&[0x92, 0xFF]);
    bytes.extend_from_slice(" selon l’état-major".as_bytes());
    bytes.extend_from_slice(&[0xE9, 0xA0]);
    bytes.extend_from_slice(".\n".as_bytes());
    write(&docs, "lere-abime.txt", &bytes);
    let cp1252 = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("demo/presse/2024-02-14-ansongo-marche-cp1252.txt"),
    )
    .unwrap();
    write(&docs, "ansongo-cp1252.txt", &cp1252);

    let ix = tmp.path().join("index");
    let out = index(&docs, &ix);
    let log = stderr(&out);
    // Warnings only: every file indexed, exit status 0.
    assert_eq!(out.status.code(), Some(0), "{log}");
    let expected = format!(
        "warning: {}: 4 bytes not UTF-8 in a UTF-8 file, replaced with U+FFFD",
        docs.join("lere-abime.txt").display()
    );
    assert!(log.contains(&expected), "{expected:?} missing from:\n{log}");
    assert!(!log.contains("ansongo"), "{log}");

    for query in ["Léré", "Lere", "riposté"] {
        assert_eq!(hit_ids(&search(&ix, query)), ["lere-abime.txt"], "{query}");
    }
    let answer = search(&ix, "Léré");
    assert_eq!(answer["hits"][0]["title"], "Attaque à Léré");
    assert!(!found_as_typed(&search(&ix, "LÃ©rÃ©")));
    // The real Windows-1252 report keeps its accents.
    assert_eq!(
        hit_ids(&search(&ix, "marché hebdomadaire")),
        ["ansongo-cp1252.txt"]
    );
}

#[test]
fn browser_printed_pdf_is_found_by_whole_words() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write(&docs, "browser-print.pdf", fixture("pdf/browser-print.pdf"));
    write(&docs, "office-print.pdf", fixture("pdf/office-print.pdf"));
    let ix = tmp.path().join("index");
    let out = index(&docs, &ix);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let answer = search(&ix, "Diapaga");
    assert_eq!(hit_ids(&answer), ["browser-print.pdf"]);
    assert_eq!(
        answer["hits"][0]["title"],
        "ATTAQUE CONTRE LE DÉTACHEMENT DE DIAPAGA"
    );
    assert_eq!(
        hit_ids(&search(&ix, "\"les VDP et les FDS\"")),
        ["browser-print.pdf", "office-print.pdf"]
    );
    // Halves of split words are not in the index (a typo-tolerant retry may still answer).
    for half in ["iapaga", "otou", "TTA", "QUE", "ITUATION"] {
        assert!(!found_as_typed(&search(&ix, half)), "{half}");
    }
    assert_eq!(hit_ids(&search(&ix, "Markoye")), ["office-print.pdf"]);
}

#[test]
fn unreadable_dates_are_warned_with_file_and_line_and_the_documents_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write(
        &docs,
        "export.jsonl",
        "{\"id\":\"bon\",\"body\":\"Attaque à Boni, cercle de Douentza.\",\"published\":\"2023-06-24\"}\n\
         {\"id\":\"mauvais\",\"body\":\"Embuscade près de Djibo, Burkina Faso.\",\"published\":\"2024-13-45\"}\n",
    );
    write(
        &docs,
        "note.md",
        "---\ntitle: Frappe à Douentza\npublished: 31/02/2024\nlanguage: fr\n---\nLes FAMa ont mené une frappe aérienne près de Douentza.\n",
    );
    let jsonl = docs.join("export.jsonl").display().to_string();
    let md = docs.join("note.md").display().to_string();
    let expected = [
        format!("warning: {jsonl}:2: unreadable date \"2024-13-45\" in `published`, left out"),
        format!("warning: {md}:3: unreadable date \"31/02/2024\" in `published`, left out"),
    ];

    let out = sahel(&["extract", "--json", &docs.display().to_string()]);
    let log = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{log}");
    for line in &expected {
        assert!(log.contains(line), "{line:?} missing from:\n{log}");
    }
    let records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["published"], "2023-06-24");

    let ix = tmp.path().join("index");
    let out = index(&docs, &ix);
    let log = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{log}");
    for line in &expected {
        assert!(log.contains(line), "{line:?} missing from:\n{log}");
    }
    assert!(log.contains("warnings: 2 (2 unreadable date)"), "{log}");
    let djibo = search(&ix, "Djibo");
    assert_eq!(hit_ids(&djibo), ["mauvais"]);
    assert_eq!(djibo["hits"][0]["published"], Value::Null);
    let douentza = search(&ix, "frappe Douentza");
    assert_eq!(hit_ids(&douentza), ["note.md"]);
    assert_eq!(douentza["hits"][0]["published"], Value::Null);
}
