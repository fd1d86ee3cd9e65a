//! A running server sees what `sahel index` commits, without a restart: the searcher's reader
//! follows new commits on its own (nothing here calls `reload`).

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{get_json, index_folders};
use sahel_server::{app, AppState, WebAssets};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_commits_are_searchable_without_a_restart() {
    let temp = tempfile::tempdir().expect("tempdir");
    let first = temp.path().join("first");
    let second = temp.path().join("second");
    std::fs::create_dir_all(&first).expect("mkdir");
    std::fs::create_dir_all(&second).expect("mkdir");
    std::fs::write(
        first.join("a.txt"),
        "Attaque à Gao\n\nUne attaque a visé un poste à Gao le 3 mars 2024. Publié le 4 mars 2024.\n",
    )
    .expect("write");
    std::fs::write(
        second.join("b.txt"),
        "Quokkas à Ménaka\n\nDes quokkas ont été vus à Ménaka le 5 mars 2024. Publié le 6 mars 2024.\n",
    )
    .expect("write");
    let index = temp.path().join("index");
    index_folders(std::slice::from_ref(&first), &index);

    let searcher = sahel_search::Searcher::open(&index).expect("open");
    let app = app(Arc::new(AppState::new(
        Arc::new(searcher),
        WebAssets::Embedded,
    )));
    let (_, before) = get_json(&app, "/api/search?q=quokkas").await;
    assert_eq!(before["total"], 0, "{before}");
    let (_, stats_before) = get_json(&app, "/api/stats").await;
    assert_eq!(stats_before["documents"], 1, "{stats_before}");

    // `sahel index` adds the second folder to the same index while the server runs.
    let inputs = vec![first.clone(), second.clone()];
    tokio::task::spawn_blocking(move || index_folders(&inputs, &index))
        .await
        .expect("indexing task");

    let started = Instant::now();
    loop {
        let (_, after) = get_json(&app, "/api/search?q=quokkas").await;
        if after["total"] == 1 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the new document is still not searchable after 15 s: {after}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, stats_after) = get_json(&app, "/api/stats").await;
    assert_eq!(stats_after["documents"], 2, "{stats_after}");
}
