//! Where an index's bytes go: per component (stored documents, postings, positions, term
//! dictionary, fast fields, field norms) and per field, summed over segments. Printed by
//! `sahel bench index`, so that index-size work is guided by measurement.

use std::collections::BTreeMap;

use tantivy::space_usage::PerFieldSpaceUsage;
use tantivy::Index;

use crate::Result;

/// Bytes used by one component of one field (`field` is empty for the document store and deletes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceLine {
    pub component: &'static str,
    pub field: String,
    pub bytes: u64,
}

/// The space an index uses, largest first.
pub fn space_usage(index: &Index) -> Result<Vec<SpaceLine>> {
    let reader = index.reader()?;
    let usage = reader
        .searcher()
        .space_usage()
        .map_err(tantivy::TantivyError::from)?;
    let mut totals: BTreeMap<(&'static str, String), u64> = BTreeMap::new();
    let mut add_fields = |component: &'static str, per_field: &PerFieldSpaceUsage| {
        for field in per_field.fields() {
            *totals
                .entry((component, field.field_name().to_owned()))
                .or_default() += field.total().get_bytes();
        }
    };
    for segment in usage.segments() {
        add_fields("postings", segment.postings());
        add_fields("positions", segment.positions());
        add_fields("termdict", segment.termdict());
        add_fields("fast", segment.fast_fields());
        add_fields("fieldnorms", segment.fieldnorms());
    }
    for segment in usage.segments() {
        *totals.entry(("store", String::new())).or_default() += segment.store().total().get_bytes();
        *totals.entry(("deletes", String::new())).or_default() += segment.deletes().get_bytes();
    }
    let mut lines: Vec<SpaceLine> = totals
        .into_iter()
        .filter(|(_, bytes)| *bytes > 0)
        .map(|((component, field), bytes)| SpaceLine {
            component,
            field,
            bytes,
        })
        .collect();
    lines.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.field.cmp(&b.field)));
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, STORED, TEXT};
    use tantivy::TantivyDocument;

    #[test]
    fn reports_store_and_postings_of_a_small_index() {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT | STORED);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..50 {
            let mut doc = TantivyDocument::new();
            doc.add_text(body, format!("attaque numéro {i} à Léré"));
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let lines = space_usage(&index).unwrap();
        let bytes = |component: &str, field: &str| {
            lines
                .iter()
                .find(|l| l.component == component && l.field == field)
                .map_or(0, |l| l.bytes)
        };
        assert!(bytes("store", "") > 0);
        assert!(bytes("postings", "body") > 0);
        assert!(bytes("positions", "body") > 0);
        assert!(lines.windows(2).all(|w| w[0].bytes >= w[1].bytes));
    }
}
