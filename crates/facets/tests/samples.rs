//! The five sample reports (`../shared/data/sample-reports`) against what a careful human reads
//! in them (`tests/fixtures/sample_reports.json`): publication date, event months, event regions,
//! actors, and places with their roles. Prints every difference; asserts agreement floors.

use std::path::PathBuf;

use sahel_facets::{extract, DocMeta, Extractor};
use serde_json::Value;

fn data_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/sample-reports"
    ))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sample_reports_match_the_human_reading() {
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sample_reports.json"
    ))
    .unwrap_or_else(|e| panic!("fixture: {e}"));
    let expected: Vec<Value> = serde_json::from_str(&fixture).unwrap_or_else(|e| panic!("{e}"));
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let (mut checks, mut agreed) = (0usize, 0usize);
    let mut check = |ok: bool, what: String| {
        checks += 1;
        if ok {
            agreed += 1;
        } else {
            println!("  DIFF {what}");
        }
    };
    for doc in &expected {
        let file = doc["file"].as_str().unwrap_or_default();
        let text = std::fs::read_to_string(data_dir().join(file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let meta = DocMeta {
            id: file.to_string(),
            ..DocMeta::default()
        };
        let x = extract(&text, &meta, &ex);
        println!(
            "{file}: regions {:?} months {:?} actors {:?} published {:?}",
            x.regions, x.months, x.actors, x.published
        );
        for p in &x.places {
            println!("    {:?} {} ({:?})", p.role, p.name, p.region);
        }
        let published = x.published.map(|d| d.to_string());
        check(
            published.as_deref() == doc["published"].as_str(),
            format!("{file} published {published:?} vs {}", doc["published"]),
        );
        check(
            x.months == strings(&doc["event_months"]),
            format!(
                "{file} months {:?} vs {:?}",
                x.months,
                strings(&doc["event_months"])
            ),
        );
        let mut got = x.regions.clone();
        let mut want = strings(&doc["regions"]);
        got.sort();
        want.sort();
        check(got == want, format!("{file} regions {got:?} vs {want:?}"));
        let mut got = x.actors.clone();
        let mut want = strings(&doc["actors"]);
        got.sort();
        want.sort();
        check(got == want, format!("{file} actors {got:?} vs {want:?}"));
        for p in doc["places"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or_default();
            let role = p["role"].as_str().unwrap_or_default();
            let found = x.places.iter().any(|q| {
                q.name == name
                    && serde_json::to_value(q.role)
                        .ok()
                        .and_then(|r| r.as_str().map(str::to_string))
                        == Some(role.to_string())
            });
            check(found, format!("{file} place {name} ({role}) missing"));
        }
    }
    println!("sample reports: {agreed}/{checks} checks agree");
    assert!(
        agreed * 100 >= checks * SAMPLE_AGREEMENT_MIN,
        "{agreed}/{checks}"
    );
}

/// Percentage of fixture checks that must agree (measured 26/31 = 84%, see the printed differences).
const SAMPLE_AGREEMENT_MIN: usize = 80;
