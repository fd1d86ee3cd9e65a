//! Prints the gazetteer entries a name resolves to (debugging aid):
//! `cargo run --release -p sahel-facets --example lookup -- NAME... [-- GEONAMES FILES...]`.

use sahel_facets::gazetteer::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let (names, files) = (&args[..split], args.get(split + 1..).unwrap_or(&[]));
    let mut g = Gazetteer::builtin()?;
    let t = std::time::Instant::now();
    if !files.is_empty() {
        g.load_geonames(files)?;
    }
    eprintln!("{} entries, loaded in {:.2?}", g.len(), t.elapsed());
    for name in names {
        println!("== {name}");
        for &id in g.lookup(name) {
            let e = g.entry(id);
            println!(
                "  {:?} {} [{}] region={:?} district={:?} {:.4},{:.4} imp={} {:?} {}",
                e.kind,
                e.name,
                e.country_code(),
                g.region_name(id),
                g.district_name(id),
                e.lat,
                e.lon,
                e.importance,
                e.source,
                e.detail
            );
        }
    }
    Ok(())
}
