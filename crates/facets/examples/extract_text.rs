//! Prints the extraction of one text given on the command line (debugging aid):
//! `cargo run --release -p sahel-facets --example extract_text -- "TEXT" [-- GEONAMES FILES...]`.

use sahel_facets::{extract, DocMeta, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let (texts, files) = (&args[..split], args.get(split + 1..).unwrap_or(&[]));
    let extractor = Extractor::with_geonames(files)?;
    for text in texts {
        let x = extract(text, &DocMeta::default(), &extractor);
        println!("{}", serde_json::to_string_pretty(&x)?);
    }
    Ok(())
}
