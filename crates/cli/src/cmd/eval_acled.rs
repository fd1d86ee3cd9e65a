//! `sahel eval acled CSV [--gazetteer FILE]...`: place and month figures on ACLED's labelled notes.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use sahel_facets::eval::{
    evaluate_acled, read_acled_csv, write_acled_dump, AcledFigures, AcledNote,
};

use crate::cmd::extract::build_extractor;
use crate::Outcome;

#[derive(Args)]
pub struct AcledArgs {
    /// The ACLED CSV (e.g. ../shared/data/acled-sahel/acled_sahel3_combined_1997-2020.csv).
    csv: PathBuf,
    /// GeoNames file (country dump, admin1 or admin2 codes) extending the built-in gazetteer.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// How many of the worst regions to print.
    #[arg(long, default_value_t = 8)]
    worst: usize,
    /// Also write every note with its label and what was extracted to this TSV (error analysis):
    /// hit, country, admin1, admin2, extracted regions, places (name/region/role), id, note.
    #[arg(long, value_name = "FILE")]
    dump: Option<PathBuf>,
}

fn print_figures(label: &str, f: &AcledFigures) {
    println!(
        "{label:<22} notes {:>5}  region recall {:>5.1}% ({}/{})  precision {:>5.1}% ({}/{}; \
         the note's own label only: {:>5.1}%, {}/{})  month YYYY-MM {:>5.1}% (first {:>5.1}%)  month-of-year w/o publication {:>5.1}%  (dated notes {})\n\
         {:<22} notes naming their ACLED location/admin unit {:>5.1}% ({}), region recall on them {:>5.1}% ({}/{})",
        f.notes,
        100.0 * f.recall(),
        f.region_hits,
        f.notes,
        100.0 * f.precision(),
        f.correct_regions + f.shared_note_regions,
        f.extracted_regions,
        100.0 * f.strict_precision(),
        f.correct_regions,
        f.extracted_regions,
        100.0 * f.month_agreement(),
        100.0 * f.first_month_agreement(),
        100.0 * f.month_of_year_agreement(),
        f.dated_notes,
        "",
        100.0 * f.naming_share(),
        f.naming_notes,
        100.0 * f.naming_recall(),
        f.naming_hits,
        f.naming_notes,
    );
}

pub fn run(args: AcledArgs) -> anyhow::Result<Outcome> {
    let extractor = build_extractor(&args.gazetteers)?;
    let notes =
        read_acled_csv(&args.csv).with_context(|| format!("reading {}", args.csv.display()))?;
    let start = std::time::Instant::now();
    let report = evaluate_acled(&notes, &extractor);
    println!(
        "ACLED {} ({} notes, gazetteer: built-in{}), {:.1} s",
        args.csv.display(),
        report.all.notes,
        if args.gazetteers.is_empty() {
            String::new()
        } else {
            format!(" + {} GeoNames file(s)", args.gazetteers.len())
        },
        start.elapsed().as_secs_f64()
    );
    println!("(\"(district, region)\" label brackets stripped from every note; precision counts as right a region that is the label of another event ACLED coded from the same note; month: YYYY-MM with a publication date simulated 3 days after event_date, and month-of-year with no publication date)");
    print_figures("all", &report.all);
    print_figures("had label bracket", &report.with_bracket);
    print_figures("no label bracket", &report.without_bracket);
    println!("\nregions that fail most (missed / notes):");
    for (region, total, missed, examples) in report.worst_regions(args.worst) {
        println!("  {region}: {missed} / {total}");
        for ex in examples {
            println!(
                "    {} extracted [{}]: {}",
                ex.id,
                ex.extracted.join(", "),
                ex.note.chars().take(200).collect::<String>()
            );
        }
    }
    if let Some(path) = &args.dump {
        write_dump(path, &notes, &extractor)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(Outcome::Success)
}

/// One line per non-empty note: whether the labelled region was found, the label, the extraction.
fn write_dump(
    path: &std::path::Path,
    notes: &[AcledNote],
    extractor: &sahel_facets::Extractor,
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    write_acled_dump(notes, extractor, &mut out)?;
    Ok(())
}
