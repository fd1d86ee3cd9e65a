//! Error analysis of the region misses on ACLED's notes: each missed note whose text names ACLED's
//! `location` is put in a class by what the gazetteer holds under that name (nothing; only
//! entries in other regions; one region, the right one; several regions including the right one)
//! and by whether the extraction kept a place of that name, with counts and examples per class.
//!
//! `cargo run --release -p sahel-facets --example acled_misses -- CSV [N] [-- GEONAMES FILES...]`
//! (N: examples per class, default 5)

use std::collections::BTreeMap;

use sahel_facets::eval::{
    note_meta, read_acled_csv, region_matches, strip_label_bracket, AcledNote,
};
use sahel_facets::gazetteer::name_key;
use sahel_facets::{extract, Extraction, Extractor};

fn words(s: &str) -> Vec<String> {
    sahel_text::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let (own, files) = (&args[..split], args.get(split + 1..).unwrap_or(&[]));
    let Some(csv) = own.first() else {
        return Err("usage: acled_misses CSV [N] [-- GEONAMES FILES...]".into());
    };
    let per_class: usize = own.get(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let extractor = Extractor::with_geonames(files)?;
    let notes = read_acled_csv(std::path::Path::new(csv))?;
    let mut classes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in notes.iter().filter(|n| !n.notes.trim().is_empty()) {
        let (text, _) = strip_label_bracket(&n.notes, &n.admin1);
        let x = extract(&text, &note_meta(n), &extractor);
        record_wrong_regions(&extractor, n, &text, &x, &mut wrong);
        if x.regions
            .iter()
            .any(|r| region_matches(&extractor, r, &n.admin1))
        {
            continue;
        }
        if let Some((class, line)) = classify_miss(&extractor, n, &text, &x) {
            classes.entry(class).or_default().push(line);
        }
    }
    print_report(wrong, &classes, per_class);
    Ok(())
}

/// Each wrong event region of a note, under the event places that gave it.
fn record_wrong_regions(
    extractor: &Extractor,
    n: &AcledNote,
    text: &str,
    x: &Extraction,
    wrong: &mut BTreeMap<String, Vec<String>>,
) {
    for r in x
        .regions
        .iter()
        .filter(|r| !region_matches(extractor, r, &n.admin1))
    {
        let from: Vec<String> = x
            .places
            .iter()
            .filter(|p| p.role == sahel_facets::PlaceRole::Event && p.region.as_ref() == Some(r))
            .map(|p| p.name.clone())
            .collect();
        wrong.entry(from.join("+")).or_default().push(format!(
            "{} {} / {} / {} → {r}: {}",
            n.id,
            n.admin1,
            n.admin2,
            n.location,
            text.chars().take(220).collect::<String>()
        ));
    }
}

/// The class and the report line of a missed note whose text names its ACLED location: what
/// the gazetteer holds under that name, and whether the extraction kept a place of that name.
fn classify_miss(
    extractor: &Extractor,
    n: &AcledNote,
    text: &str,
    x: &Extraction,
) -> Option<(String, String)> {
    let g = extractor.gazetteer();
    let loc = words(&n.location);
    let tw = words(text);
    let named = !loc.is_empty() && tw.windows(loc.len()).any(|w| w == loc.as_slice());
    if !named {
        return None;
    }
    let ids = g.lookup(&n.location);
    let regions: Vec<String> = {
        let mut v: Vec<String> = ids
            .iter()
            .filter_map(|&id| g.region_name(id).map(str::to_string))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let right: Vec<&String> = regions
        .iter()
        .filter(|r| region_matches(extractor, r, &n.admin1))
        .collect();
    let holds = if ids.is_empty() {
        "absent"
    } else if right.is_empty() {
        "only-other-regions"
    } else if regions.len() == 1 {
        "unique-right"
    } else {
        "several-regions"
    };
    let key = name_key(&n.location);
    let kept = x
        .places
        .iter()
        .any(|p| ids.iter().any(|&id| *g.entry(id).name == *p.name) || name_key(&p.name) == key);
    let class = format!(
        "{holds:<18} {}{}",
        if kept { "kept" } else { "not-kept" },
        if x.regions.is_empty() {
            " (no region)"
        } else {
            " (other region)"
        }
    );
    let line = format!(
        "{} {} / {} / {} [{}] regions={:?} extracted={:?}: {}",
        n.id,
        n.admin1,
        n.admin2,
        n.location,
        regions.join(","),
        x.regions,
        x.places
            .iter()
            .map(|p| format!("{}/{:?}", p.name, p.role))
            .collect::<Vec<_>>(),
        text.chars().take(220).collect::<String>()
    );
    Some((class, line))
}

/// The wrong regions by the places that gave them, most first, then the classes of misses, with
/// `per_class` examples each.
fn print_report(
    wrong: BTreeMap<String, Vec<String>>,
    classes: &BTreeMap<String, Vec<String>>,
    per_class: usize,
) {
    let mut wrong: Vec<(String, Vec<String>)> = wrong.into_iter().collect();
    wrong.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let total: usize = wrong.iter().map(|w| w.1.len()).sum();
    println!("wrong event regions: {total}, by the places that gave them:");
    for (places, lines) in &wrong {
        println!("  {places}: {}", lines.len());
        for l in lines.iter().take(per_class) {
            println!("    {l}");
        }
    }
    let total: usize = classes.values().map(Vec::len).sum();
    println!("missed notes that name their ACLED location: {total}");
    for (class, lines) in classes {
        println!("\n== {class}: {}", lines.len());
        for l in lines.iter().take(per_class) {
            println!("  {l}");
        }
    }
}
