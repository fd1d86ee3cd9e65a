//! Error analysis on ACLED's notes without building the CLI: prints the figures of
//! `sahel eval acled` and writes one TSV line per note (hit, country, admin1, admin2, regions,
//! places, id, note). `cargo run --release -p sahel-facets --example acled_dump -- CSV OUT.tsv
//! [GEONAMES FILES...]`.

use sahel_facets::eval::{evaluate_acled, read_acled_csv, write_acled_dump};
use sahel_facets::Extractor;

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
            "{label:<12} recall {:.1}% ({}/{}) precision {:.1}% ({}/{}; own label {:.1}%) month {:.1}%",
            100.0 * f.recall(),
            f.region_hits,
            f.notes,
            100.0 * f.precision(),
            f.correct_regions + f.shared_note_regions,
            f.extracted_regions,
            100.0 * f.strict_precision(),
            100.0 * f.month_agreement()
        );
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    write_acled_dump(&notes, &extractor, &mut w)?;
    Ok(())
}
