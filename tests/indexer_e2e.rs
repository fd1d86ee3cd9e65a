//! End-to-end tests of `sahel index`: every format and every kind of bad input, incremental runs
//! (idempotence, updates, --prune, duplicates), the writer lock, and a run killed midway.

#[path = "fixtures/minimal_pdf.rs"]
mod minimal_pdf;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, TantivyDocument, Term};

fn sahel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sahel"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("the sahel binary runs")
}

fn index(inputs: &[&Path], index: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["index".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.push("--index".into());
    args.push(index.display().to_string());
    args.push("--quiet".into());
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    sahel(&refs)
}

fn text(out: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// All ids in the index (opened with tantivy directly), duplicates of ids included.
fn ids(dir: &Path) -> Vec<String> {
    let index = Index::open_in_dir(dir).expect("index opens");
    let reader = index.reader().expect("reader");
    let searcher = reader.searcher();
    let mut ids = Vec::new();
    for segment in searcher.segment_readers() {
        let column = segment.fast_fields().str("id").unwrap().unwrap();
        let mut buf = String::new();
        for doc in segment.doc_ids_alive() {
            let ord = column.term_ords(doc).next().unwrap();
            column.ord_to_str(ord, &mut buf).unwrap();
            ids.push(buf.clone());
        }
    }
    ids.sort();
    ids
}

fn assert_unique(ids: &[String]) {
    let set: HashSet<&String> = ids.iter().collect();
    assert_eq!(set.len(), ids.len(), "duplicate ids in the index: {ids:?}");
}

fn stored(dir: &Path, id: &str, field: &str) -> Vec<String> {
    let index = Index::open_in_dir(dir).unwrap();
    let schema = index.schema();
    let id_field = schema.get_field("id").unwrap();
    let wanted = schema.get_field(field).unwrap();
    let searcher = index.reader().unwrap().searcher();
    let query = TermQuery::new(
        Term::from_field_text(id_field, id),
        IndexRecordOption::Basic,
    );
    let hits = searcher
        .search(&query, &TopDocs::with_limit(2).order_by_score())
        .unwrap();
    assert_eq!(hits.len(), 1, "one document with id {id}");
    let doc: TantivyDocument = searcher.doc(hits[0].1).unwrap();
    doc.get_all(wanted)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The value of a string column (a fast field, not stored) of the document with this id.
fn column(dir: &Path, id: &str, field: &str) -> Option<String> {
    let index = Index::open_in_dir(dir).unwrap();
    let searcher = index.reader().unwrap().searcher();
    for segment in searcher.segment_readers() {
        let ids = segment.fast_fields().str("id").unwrap()?;
        let values = segment.fast_fields().str(field).unwrap()?;
        for doc in segment.doc_ids_alive() {
            let mut found = String::new();
            let ord = ids.term_ords(doc).next()?;
            ids.ord_to_str(ord, &mut found).unwrap();
            if found == id {
                let mut value = String::new();
                let ord = values.term_ords(doc).next()?;
                values.ord_to_str(ord, &mut value).unwrap();
                return Some(value);
            }
        }
    }
    None
}

/// A one-page PDF whose page draws `line` with a standard font (a text layer), or nothing.
fn pdf(line: Option<&str>) -> Vec<u8> {
    let content = match line {
        Some(l) => format!("BT /F1 12 Tf 72 720 Td ({l}) Tj ET"),
        None => String::from("0 0 1 rg 10 10 100 100 re f"),
    };
    minimal_pdf::pdf_drawing(&content)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn indexer_reads_every_format_and_skips_bad_input_with_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write(&docs, "2023/lere.txt", "il y a 2 jours\n2 min de lecture\nAttaque à Léré\n\nLes FAMa ont riposté à une attaque complexe à Léré, région de Tombouctou, le 17 septembre 2023.\n\nPartager\nCommentaires\n");
    write(&docs, "boni.md", "---\ntitle: Attaque contre le camp de Boni\npublished: 2023-06-24\nlanguage: fr\nid: fama-boni\n---\n# Communiqué\n\nLes FAMa ont repoussé une attaque terroriste à Boni, cercle de Douentza.\n");
    write(&docs, "page.html", "<html lang=\"fr\"><head><title>x</title><meta property=\"article:published_time\" content=\"2024-07-30\"></head><body><nav>Accueil</nav><article><h1>Frappes à Tinzaouatène</h1><p>L'armée malienne a mené des frappes aériennes à Tinzaouatène.</p></article><footer>Partager</footer></body></html>");
    write(
        &docs,
        "export.json",
        r#"[{"id":"j1","title":"Flash Bourem","body":"Attaque contre la base de Bourem, région de Gao."},{"id":"j2","title":"Flash Kidal","text":"Les FAMa sont entrées à Kidal."}]"#,
    );
    write(&docs, "feed.jsonl", "{\"id\":\"l1\",\"body\":\"Embuscade près de Djibo.\"}\n{\"id\":\"l2\",\"body\": not json}\n{\"id\":\"l3\",\"content\":\"Frappe à Diffa, Niger.\",\"language\":\"fr\"}\n");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode("Rapport de l’armée\n\nL’armée malienne a sécurisé la ville d’Ansongo après l’attaque du marché.\n");
    write(&docs, "cp1252.txt", &cp1252);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Note de situation\n\nLa sécurité s'est dégradée à Ménaka.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    write(&docs, "utf16.txt", &utf16);
    write(
        &docs,
        "binary.txt",
        (0..4096u32)
            .map(|i| (i * 31 % 256) as u8)
            .collect::<Vec<u8>>(),
    );
    write(&docs, "empty.txt", "");
    write(
        &docs,
        "text.pdf",
        pdf(Some("Communique des FAMa sur Kidal")),
    );
    write(&docs, "scan.pdf", pdf(None));
    write(&docs, "photo.png", [0x89, b'P', b'N', b'G']);
    // 200 MB, sparse: the size limit must refuse it from its metadata, never reading it whole.
    let big = std::fs::File::create(docs.join("big.txt")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap();
    drop(big);
    #[cfg(unix)]
    std::os::unix::fs::symlink(&docs, docs.join("2023/loop")).unwrap();
    #[cfg(unix)]
    let unreadable = {
        use std::os::unix::fs::PermissionsExt;
        let p = write(&docs, "secret.txt", "Texte confidentiel sur Gao.");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads anything: then the file is simply indexed.
        std::fs::read(&p).is_err()
    };

    let ix = tmp.path().join("index");
    let started = Instant::now();
    let out = index(&[&docs], &ix, &[]);
    let log = text(&out);
    assert_eq!(out.status.code(), Some(2), "{log}");
    assert!(started.elapsed() < Duration::from_secs(120));
    for expected in [
        "big.txt: too large",
        "feed.jsonl:2: malformed JSON",
        "binary.txt: binary",
        "empty.txt: empty",
        "scan.pdf: PDF without a text layer",
        "photo.png: unsupported format",
        "symlink loop",
    ] {
        assert!(log.contains(expected), "{expected:?} missing from:\n{log}");
    }
    #[cfg(unix)]
    if unreadable {
        assert!(log.contains("secret.txt: unreadable"), "{log}");
    }

    let ids = ids(&ix);
    assert_unique(&ids);
    for id in [
        "2023/lere.txt",
        "fama-boni",
        "page.html",
        "j1",
        "j2",
        "l1",
        "l3",
        "cp1252.txt",
        "utf16.txt",
        "text.pdf",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} not indexed: {ids:?}");
    }
    assert!(!ids
        .iter()
        .any(|i| i == "l2" || i.contains("binary") || i.contains("empty") || i.contains("big")));

    assert_eq!(
        stored(&ix, "2023/lere.txt", "title"),
        vec!["Attaque à Léré"]
    );
    let body = &stored(&ix, "2023/lere.txt", "body")[0];
    assert!(body.starts_with("Les FAMa"), "{body:?}");
    assert!(!body.contains("Partager"));
    assert_eq!(
        stored(&ix, "fama-boni", "title"),
        vec!["Attaque contre le camp de Boni"]
    );
    assert_eq!(
        stored(&ix, "page.html", "title"),
        vec!["Frappes à Tinzaouatène"]
    );
    assert!(!stored(&ix, "page.html", "body")[0].contains("Accueil"));
    assert!(stored(&ix, "cp1252.txt", "body")[0]
        .contains("L’armée malienne a sécurisé la ville d’Ansongo"));
    assert!(stored(&ix, "utf16.txt", "body")[0].contains("La sécurité s'est dégradée à Ménaka"));
    assert!(
        stored(&ix, "text.pdf", "body").concat().contains("Kidal")
            || stored(&ix, "text.pdf", "title").concat().contains("Kidal")
    );
    // The cp1252 text is searchable with its accents through the real analyzers.
    let open = sahel_indexer::open_for_search(&ix).unwrap();
    let searcher = open.index.reader().unwrap().searcher();
    let parser = tantivy::query::QueryParser::for_index(
        &open.index,
        vec![open.fields.body_fr, open.fields.body_exact],
    );
    let query = parser.parse_query("sécurisé Ansongo").unwrap();
    let hits = searcher
        .search(&query, &TopDocs::with_limit(5).order_by_score())
        .unwrap();
    assert!(!hits.is_empty());
}

#[test]
fn indexer_runs_are_idempotent_update_changed_files_and_prune_gone_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write(
        &docs,
        "a.txt",
        "Attaque à Léré\n\nLe camp de Léré a été attaqué.",
    );
    write(
        &docs,
        "b.txt",
        "Frappe à Douentza\n\nDes frappes aériennes à Douentza.",
    );
    write(&docs, "sub/c.md", "# Kidal\n\nLes FAMa à Kidal.");
    write(
        &docs,
        "copy-of-a.txt",
        "Attaque à Léré\r\n\r\nLe camp de Léré a été attaqué.\r\n",
    );
    let ix = tmp.path().join("index");

    let first = index(&[&docs], &ix, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    let before = ids(&ix);
    assert_eq!(before, vec!["a.txt", "b.txt", "copy-of-a.txt", "sub/c.md"]);
    assert!(text(&first).contains("1 duplicates"), "{}", text(&first));
    assert_eq!(
        column(&ix, "copy-of-a.txt", "duplicate_of"),
        Some("a.txt".to_string())
    );
    let meta_before = std::fs::read(ix.join("meta.json")).unwrap();

    let again = index(&[&docs], &ix, &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again).contains("0 added, 0 updated, 4 unchanged"),
        "{}",
        text(&again)
    );
    assert_eq!(ids(&ix), before);
    assert_eq!(
        std::fs::read(ix.join("meta.json")).unwrap(),
        meta_before,
        "a run with nothing new commits nothing"
    );

    write(
        &docs,
        "b.txt",
        "Frappe à Douentza\n\nDes frappes aériennes à Douentza et à Boni.",
    );
    let changed = index(&[&docs], &ix, &[]);
    assert!(
        text(&changed).contains("0 added, 1 updated, 3 unchanged"),
        "{}",
        text(&changed)
    );
    assert!(stored(&ix, "b.txt", "body")[0].contains("Boni"));
    assert_eq!(ids(&ix), before);

    // The canonical copy goes: its duplicate takes its place.
    std::fs::remove_file(docs.join("a.txt")).unwrap();
    std::fs::remove_file(docs.join("sub/c.md")).unwrap();
    let without_prune = index(&[&docs], &ix, &[]);
    assert_eq!(without_prune.status.code(), Some(0));
    assert_eq!(ids(&ix).len(), 4, "without --prune nothing is removed");
    let pruned = index(&[&docs], &ix, &["--prune"]);
    assert!(text(&pruned).contains("2 pruned"), "{}", text(&pruned));
    assert_eq!(ids(&ix), vec!["b.txt", "copy-of-a.txt"]);
    assert_eq!(
        column(&ix, "copy-of-a.txt", "duplicate_of"),
        None,
        "the copy became canonical"
    );
    // Rebuilt from its stored text and its columns: found by its words, with its facets.
    let found = sahel(&[
        "search",
        "camp attaqué",
        "--json",
        "--index",
        ix.to_str().unwrap(),
    ]);
    let found: serde_json::Value = serde_json::from_slice(&found.stdout).expect("search --json");
    assert_eq!(found["total"], 1, "{found}");
    let hit = &found["hits"][0];
    assert_eq!(hit["id"], "copy-of-a.txt", "{hit}");
    assert_eq!(hit["title"], "Attaque à Léré", "{hit}");
    assert_eq!(hit["regions"], serde_json::json!(["Tombouctou"]), "{hit}");
    assert_eq!(hit["localities"], serde_json::json!(["Léré"]), "{hit}");
    assert_eq!(hit["language"], "fr", "{hit}");
    assert_eq!(hit["duplicates"], 0, "{hit}");
}

#[test]
fn indexer_refuses_a_second_writer_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write(&docs, "a.txt", "Attaque à Léré\n\nLe camp a été attaqué.");
    let ix = tmp.path().join("index");
    assert_eq!(index(&[&docs], &ix, &[]).status.code(), Some(0));
    let held = Index::open_in_dir(&ix).unwrap();
    let writer = held.writer::<TantivyDocument>(50_000_000).unwrap();
    let second = index(&[&docs], &ix, &[]);
    assert_eq!(second.status.code(), Some(1));
    assert!(
        text(&second).contains("another `sahel index` is writing"),
        "{}",
        text(&second)
    );
    drop(writer);
    assert_eq!(index(&[&docs], &ix, &[]).status.code(), Some(0));
}

#[test]
fn indexer_refuses_an_index_of_another_schema_version() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    write(&docs, "a.txt", "Attaque à Léré\n\nLe camp a été attaqué.");
    let ix = tmp.path().join("index");
    assert_eq!(index(&[&docs], &ix, &[]).status.code(), Some(0));
    let info = std::fs::read_to_string(ix.join("sahel-index.json")).unwrap();
    let current = format!(
        "\"schema_version\": {}",
        sahel_indexer::schema::SCHEMA_VERSION
    );
    assert!(info.contains(&current), "{info}");
    std::fs::write(
        ix.join("sahel-index.json"),
        info.replace(&current, "\"schema_version\": 0"),
    )
    .unwrap();
    let out = index(&[&docs], &ix, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("re-index"), "{}", text(&out));
    assert!(sahel_indexer::open_for_search(&ix).is_err());
    let rebuilt = index(&[&docs], &ix, &["--rebuild"]);
    assert_eq!(rebuilt.status.code(), Some(0), "{}", text(&rebuilt));
    assert_eq!(ids(&ix), vec!["a.txt"]);
}

#[test]
fn demo_rebuilds_its_own_index_of_another_schema_version() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("demo");
    let ix_arg = ix.display().to_string();
    let demo = || sahel(&["demo", "--index", &ix_arg, "--no-serve"]);
    let first = demo();
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    let docs = ids(&ix).len();
    assert!(docs >= 40, "{docs}");
    let info_path = ix.join("sahel-index.json");
    let info = std::fs::read_to_string(&info_path).unwrap();
    let current = format!(
        "\"schema_version\": {}",
        sahel_indexer::schema::SCHEMA_VERSION
    );
    std::fs::write(&info_path, info.replace(&current, "\"schema_version\": 0")).unwrap();
    let again = demo();
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert!(text(&again).contains("rebuilding"), "{}", text(&again));
    assert_eq!(ids(&ix).len(), docs);
    assert!(sahel_indexer::open_for_search(&ix).is_ok());
}

#[test]
fn indexer_killed_midway_keeps_the_previous_index_and_finishes_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    let ix = tmp.path().join("index");
    // A first, small index: it must survive the killed run whole.
    write(&docs, "000-first.txt", "Premier rapport\n\nAttaque à Léré.");
    assert_eq!(index(&[&docs], &ix, &[]).status.code(), Some(0));
    let sentences = [
        "Les Forces armées maliennes ont riposté à une attaque contre le camp de Léré, région de Tombouctou.",
        "Une embuscade a visé un convoi logistique entre Gao et Ansongo le 12 septembre 2023.",
        "Des frappes aériennes ont détruit des positions terroristes dans le secteur de Tinzaouatène.",
        "L'armée burkinabè signale des attaques contre des civils près de Djibo, dans le Soum.",
    ];
    let total = 2000;
    for i in 1..=total {
        let mut body = format!("Rapport {i}\n\n");
        for k in 0..12 {
            body.push_str(sentences[(i + k) % sentences.len()]);
            body.push_str(&format!(" Référence {i}-{k}.\n"));
        }
        write(&docs, &format!("batch/{i:05}.txt"), body);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_sahel"))
        .args([
            "index",
            &docs.display().to_string(),
            "--index",
            &ix.display().to_string(),
            "--quiet",
            "--commit-every",
            "100",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first batch commit of the new run, then kill.
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if ids(&ix).len() > 1 || Instant::now() > deadline {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();

    // The index opens and is searchable: the first report and whole committed batches only.
    let after_kill = ids(&ix);
    assert!(after_kill.contains(&"000-first.txt".to_string()));
    assert_unique(&after_kill);
    let open = sahel_indexer::open_for_search(&ix).unwrap();
    let searcher = open.index.reader().unwrap().searcher();
    let parser = tantivy::query::QueryParser::for_index(&open.index, vec![open.fields.body_fr]);
    let hits = searcher
        .search(
            &parser.parse_query("Léré").unwrap(),
            &tantivy::collector::Count,
        )
        .unwrap();
    assert!(hits >= 1);
    assert!(
        after_kill.len() < total + 1,
        "the run was killed before the end ({} docs)",
        after_kill.len()
    );

    let rerun = index(&[&docs], &ix, &[]);
    assert_eq!(rerun.status.code(), Some(0), "{}", text(&rerun));
    let final_ids = ids(&ix);
    assert_eq!(final_ids.len(), total + 1);
    assert_unique(&final_ids);
    let unchanged = after_kill.len() as u64;
    assert!(
        text(&rerun).contains(&format!("{} unchanged, 0 skipped", unchanged)),
        "documents committed before the kill are found unchanged: {}",
        text(&rerun)
    );
}

/// One JSON object of a generated export: a short report (with `n` in its words, so each record
/// can be searched for alone) and a large field the indexer does not read (exports carry such
/// fields: raw HTML, attachments), so that the file weighs megabytes for little text.
fn export_record(n: usize, filler: usize) -> serde_json::Value {
    let places = ["Gao", "Ménaka", "Léré", "Djibo", "Ansongo", "Tessit"];
    serde_json::json!({
        "id": format!("rec-{n}"),
        "title": format!("Rapport numéro{n}"),
        "body": format!(
            "Une patrouille a été attaquée près de {} le {} septembre 2023. Référence marqueur{n}.",
            places[n % places.len()],
            1 + n % 28
        ),
        "raw_html": "<p>mise en page</p>".repeat(filler / 18),
    })
}

/// Documents whose analysed French body holds `word`.
fn count_matches(ix: &Path, word: &str) -> usize {
    let open = sahel_indexer::open_for_search(ix).unwrap();
    let searcher = open.index.reader().unwrap().searcher();
    let parser = tantivy::query::QueryParser::for_index(&open.index, vec![open.fields.body_fr]);
    searcher
        .search(
            &parser.parse_query(word).unwrap(),
            &tantivy::collector::Count,
        )
        .unwrap()
}

#[test]
fn json_exports_are_read_record_by_record_past_the_file_size_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let records = 240;
    let (bad, huge) = (120, 180);
    // JSON lines, 2.4 MB (the file-size limit is set to 1 MB): one malformed line, one record
    // over the record limit (1 MB), in the middle.
    let mut lines = String::new();
    for n in 1..=records {
        match n {
            _ if n == bad => lines.push_str("{\"id\": \"rec-bad\", \"body\": oops}"),
            _ if n == huge => lines.push_str(&export_record(n, 1_200_000).to_string()),
            _ => lines.push_str(&export_record(n, 10_000).to_string()),
        }
        lines.push('\n');
    }
    assert!(lines.len() > 2_000_000);
    write(&docs, "export.jsonl", &lines);
    // The same as a pretty-printed JSON array (each record over several lines); its bad record
    // is malformed differently, and its ids are its own.
    let mut array = String::from("[\n");
    let mut bad_line = 0;
    let mut huge_line = 0;
    for n in 1..=records {
        if n > 1 {
            array.push_str(",\n");
        }
        let line = array.matches('\n').count() + 1;
        let mut record = export_record(n, if n == huge { 1_200_000 } else { 10_000 });
        record["id"] = format!("arr-{n}").into();
        // Other words than the JSON-lines copy, or it would be indexed as its duplicate.
        record["body"] = format!("{} Tableau.", record["body"].as_str().unwrap()).into();
        match n {
            _ if n == bad => {
                bad_line = line;
                array.push_str("  {\"id\": \"arr-bad\",\n   \"body\": \"sans fin\" \"x\"}");
            }
            _ => {
                if n == huge {
                    huge_line = line;
                }
                array.push_str(&serde_json::to_string_pretty(&record).unwrap());
            }
        }
    }
    array.push_str("\n]\n");
    write(&docs, "array.json", &array);

    let ix = tmp.path().join("index");
    let started = Instant::now();
    let out = index(
        &[&docs],
        &ix,
        &["--max-file-size", "1", "--max-record-size", "1"],
    );
    let log = text(&out);
    assert_eq!(out.status.code(), Some(2), "{log}");
    assert!(started.elapsed() < Duration::from_secs(60));
    for expected in [
        format!("export.jsonl:{bad}: malformed JSON"),
        format!("export.jsonl:{huge}: record too large"),
        format!("array.json:{bad_line}: malformed JSON"),
        format!("array.json:{huge_line}: record too large"),
    ] {
        assert!(log.contains(&expected), "{expected:?} missing from:\n{log}");
    }
    assert!(
        !log.contains("too large (2."),
        "no file is skipped whole: {log}"
    );
    assert!(log.contains("4 records skipped"), "{log}");

    let ids = ids(&ix);
    assert_unique(&ids);
    let good = records - 2;
    assert_eq!(ids.len(), 2 * good, "every good record of both files");
    for n in [1, bad - 1, bad + 1, huge + 1, records] {
        assert!(ids.contains(&format!("rec-{n}")), "rec-{n}");
        assert!(ids.contains(&format!("arr-{n}")), "arr-{n}");
    }
    assert!(!ids.iter().any(|id| id.ends_with("-bad")));
    assert_eq!(
        stored(&ix, &format!("arr-{records}"), "title"),
        vec![format!("Rapport numéro{records}")]
    );
    // The record after the bad one is found by its words, in both files.
    assert_eq!(count_matches(&ix, &format!("marqueur{}", bad + 1)), 2);
    assert_eq!(count_matches(&ix, &format!("marqueur{huge}")), 0);

    // Unchanged on a second run: hashed, not read again.
    let again = index(
        &[&docs],
        &ix,
        &["--max-file-size", "1", "--max-record-size", "1"],
    );
    assert!(
        text(&again).contains(&format!("0 added, 0 updated, {} unchanged", 2 * good)),
        "{}",
        text(&again)
    );
}

#[test]
fn indexer_killed_while_streaming_a_big_file_goes_on_from_its_last_commit() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("docs");
    let ix = tmp.path().join("index");
    let total = 3000;
    let mut lines = String::new();
    for n in 1..=total {
        lines.push_str(&export_record(n, 0).to_string());
        lines.push('\n');
    }
    let file = write(&docs, "big.jsonl", &lines);
    let args = [
        "index".to_string(),
        file.display().to_string(),
        "--index".to_string(),
        ix.display().to_string(),
        "--quiet".to_string(),
        "--max-file-size".to_string(),
        "0".to_string(),
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_sahel"))
        .args(&args)
        .args(["--commit-every", "100"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for a commit inside the file, then kill -9.
    let deadline = Instant::now() + Duration::from_secs(120);
    let committed = |ix: &Path| -> usize {
        match Index::open_in_dir(ix) {
            Ok(index) => index
                .reader()
                .map_or(0, |r| r.searcher().num_docs() as usize),
            Err(_) => 0,
        }
    };
    while committed(&ix) == 0 && Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    let _ = child.wait();

    // Consistent: whole batches of the file, once each, and the commit says where it stopped.
    let after_kill = ids(&ix);
    assert_unique(&after_kill);
    assert!(
        !after_kill.is_empty() && after_kill.len() < total,
        "killed inside the file ({} docs)",
        after_kill.len()
    );
    let meta = std::fs::read_to_string(ix.join("meta.json")).unwrap();
    assert!(meta.contains("partial_files"), "{meta}");

    let rerun = sahel(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let log = text(&rerun);
    assert_eq!(rerun.status.code(), Some(0), "{log}");
    assert!(log.contains("resumed: 1 files"), "{log}");
    assert!(
        log.contains(&format!(
            "{} added, 0 updated, {} unchanged",
            total - after_kill.len(),
            after_kill.len()
        )),
        "the committed records are not read again: {log}"
    );
    let final_ids = ids(&ix);
    assert_unique(&final_ids);
    assert_eq!(final_ids.len(), total);
    // Nothing indexed twice: a record committed before the kill, and the last one, are found
    // once each.
    assert_eq!(count_matches(&ix, "marqueur1"), 1);
    assert_eq!(count_matches(&ix, &format!("marqueur{total}")), 1);
    let meta = std::fs::read_to_string(ix.join("meta.json")).unwrap();
    assert!(!meta.contains("partial_files"), "{meta}");
    // And the run after is a no-op.
    let again = sahel(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        text(&again).contains(&format!("0 added, 0 updated, {total} unchanged")),
        "{}",
        text(&again)
    );
}
