//! Prints the extraction of one text given on the command line (debugging aid):
//! `cargo run --release -p sahel-facets --example extract_text -- "TEXT" [-- GEONAMES FILES...]`
//! (`PUBLISHED=YYYY-MM-DD` in the environment: the publication date, `LANG_CODE=en`: the language).

use sahel_facets::{extract, DocMeta, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let (texts, files) = (&args[..split], args.get(split + 1..).unwrap_or(&[]));
    let extractor = Extractor::with_geonames(files)?;
    for text in texts {
        let meta = DocMeta {
            published: std::env::var("PUBLISHED")
                .ok()
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            language: std::env::var("LANG_CODE").ok(),
            ..DocMeta::default()
        };
        let x = extract(text, &meta, &extractor);
        println!("{}", serde_json::to_string_pretty(&x)?);
    }
    Ok(())
}
