//! Error analysis on ACLED's notes without building the CLI: prints the figures of
//! `sahel eval acled` and writes one TSV line per note (hit, country, admin1, admin2, regions,
//! places, id, note). `cargo run --release -p sahel-facets --example acled_dump -- CSV OUT.tsv
//! [GEONAMES FILES...]`.

use std::io::Write;

use sahel_facets::eval::{evaluate_acled, read_acled_csv, region_matches, strip_label_bracket};
use sahel_facets::{extract, DocMeta, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (csv, out, files) = match args.as_slice() {
        [csv, out, files @ ..] => (csv, out, files),
        _ => return Err("usage: acled_dump CSV OUT.tsv [GEONAMES FILES...]".into()),
    };
    let t = std::time::Instant::now();
    let extractor = Extractor::with_geonames(files)?;
    eprintln!("gazetteer loaded in {:.2?}", t.elapsed());
    let notes = read_acled_csv(std::path::Path::new(csv))?;
    let r = evaluate_acled(&notes, &extractor);
    for (label, f) in [
        ("all", &r.all),
        ("had bracket", &r.with_bracket),
        ("no bracket", &r.without_bracket),
    ] {
        println!(
            "{label:<12} recall {:.1}% ({}/{}) precision {:.1}% ({}/{}) month {:.1}%",
            100.0 * f.recall(),
            f.region_hits,
            f.notes,
            100.0 * f.precision(),
            f.correct_regions,
            f.extracted_regions,
            100.0 * f.month_agreement()
        );
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(w, "hit\tcountry\tadmin1\tadmin2\tregions\tplaces\tid\tnote")?;
    for n in notes.iter().filter(|n| !n.notes.trim().is_empty()) {
        let (text, _) = strip_label_bracket(&n.notes, &n.admin1);
        let meta = DocMeta {
            id: n.id.clone(),
            language: Some("en".into()),
            published: n.event_date.checked_add_days(chrono::Days::new(3)),
            ..DocMeta::default()
        };
        let x = extract(&text, &meta, &extractor);
        let places: Vec<String> = x
            .places
            .iter()
            .map(|p| {
                format!(
                    "{}/{}/{:?}",
                    p.name,
                    p.region.as_deref().unwrap_or("-"),
                    p.role
                )
            })
            .collect();
        let hit = x
            .regions
            .iter()
            .any(|r| region_matches(&extractor, r, &n.admin1));
        writeln!(
            w,
            "{hit}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            n.country,
            n.admin1,
            n.admin2,
            x.regions.join("|"),
            places.join("; "),
            n.id,
            text.replace(['\t', '\n'], " ")
        )?;
    }
    w.flush()?;
    Ok(())
}
