//! Uncompressed bytes of each stored field over the first N documents of an index (what the
//! document store holds before compression): `cargo run --release -p sahel-indexer --example
//! stored_sizes -- INDEX_DIR [N]`.

use std::collections::BTreeMap;

use tantivy::schema::document::{ReferenceValue, ReferenceValueLeaf, Value};
use tantivy::{Index, TantivyDocument};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: stored_sizes INDEX_DIR [N]")?;
    let n: u32 = args.next().map_or(Ok(2000), |s| s.parse())?;
    let index = Index::open_in_dir(&dir)?;
    let schema = index.schema();
    let searcher = index.reader()?.searcher();
    let mut sizes: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let dump = std::env::var_os("STORED_SIZES_DUMP").map(std::path::PathBuf::from);
    let mut dumps: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut per_doc = Vec::new();
    let mut docs = 0u32;
    'outer: for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc_id in 0..segment.max_doc() {
            if docs == n {
                break 'outer;
            }
            docs += 1;
            let doc: TantivyDocument =
                searcher.doc(tantivy::DocAddress::new(ord as u32, doc_id))?;
            if dump.is_some() {
                let mut object = serde_json::Map::new();
                for (field, value) in doc.field_values() {
                    let value = serde_json::to_value(tantivy::schema::OwnedValue::from(value))?;
                    let entry = object
                        .entry(schema.get_field_name(field).to_owned())
                        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
                    if let serde_json::Value::Array(values) = entry {
                        values.push(value);
                    }
                }
                per_doc.push(serde_json::Value::Object(object).to_string());
            }
            for (field, value) in doc.field_values() {
                let bytes = match value.as_value() {
                    ReferenceValue::Leaf(ReferenceValueLeaf::Str(s)) => s.len() as u64,
                    ReferenceValue::Leaf(ReferenceValueLeaf::Facet(s)) => s.len() as u64,
                    ReferenceValue::Leaf(ReferenceValueLeaf::Bytes(b)) => b.len() as u64,
                    ReferenceValue::Leaf(_) => 8,
                    _ => serde_json::to_string(&tantivy::schema::OwnedValue::from(value))?.len()
                        as u64,
                };
                if dump.is_some() {
                    let text = match value.as_value() {
                        ReferenceValue::Leaf(ReferenceValueLeaf::Str(s)) => s.to_owned(),
                        _ => serde_json::to_string(&tantivy::schema::OwnedValue::from(value))?,
                    };
                    let out = dumps
                        .entry(schema.get_field_name(field).to_owned())
                        .or_default();
                    out.extend_from_slice(text.as_bytes());
                    out.push(b'\n');
                }
                let entry = sizes
                    .entry(schema.get_field_name(field).to_owned())
                    .or_default();
                entry.0 += bytes;
                entry.1 += 1;
            }
        }
    }
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("docs.jsonl"), per_doc.join("\n"))?;
        for (name, bytes) in &dumps {
            std::fs::write(dir.join(format!("{name}.txt")), bytes)?;
        }
    }
    let total: u64 = sizes.values().map(|v| v.0).sum();
    let mut rows: Vec<_> = sizes.into_iter().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1 .0));
    println!("{docs} documents, {total} stored bytes before compression");
    for (name, (bytes, values)) in rows {
        println!(
            "  {name:<14} {:>10} bytes {:5.1}%  {:>7.1} bytes/doc  {values} values",
            bytes,
            100.0 * bytes as f64 / total as f64,
            bytes as f64 / docs as f64
        );
    }
    Ok(())
}
