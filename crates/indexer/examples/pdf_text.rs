//! The title and text the indexer reads from PDF files, to compare with other extractors:
//! `cargo run -p sahel-indexer --example pdf_text -- FILE.pdf...`.

use sahel_indexer::readers::pdf::read_pdf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: pdf_text FILE.pdf...".into());
    }
    for path in paths {
        let bytes = std::fs::read(&path)?;
        println!("=== {path}");
        match read_pdf(&bytes) {
            Ok(record) => println!("title: {}\n{}", record.title, record.body),
            Err(reason) => println!("skipped: {reason}"),
        }
    }
    Ok(())
}
