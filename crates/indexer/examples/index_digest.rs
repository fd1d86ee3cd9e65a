//! A digest of what an index holds, independent of how its documents fell into segments: for each
//! indexed field, every (term, document id, frequency, positions) posting; each document's field
//! norms; each document's stored fields and columns. Two indexes of the same documents built by
//! different pipelines (threads, commit points, pre-analysed text) print the same lines when they
//! answer every query alike: `cargo run --release -p sahel-indexer --example index_digest -- DIR`.

use std::collections::BTreeMap;

use sahel_indexer::columns::DocColumns;
use tantivy::postings::Postings;
use tantivy::schema::{Document, FieldType, IndexRecordOption};
use tantivy::{DocSet, Index, TantivyDocument, TERMINATED};

/// An order-independent digest: the sum (wrapping) and count of 64-bit hashes of the items.
#[derive(Default, Clone, Copy)]
struct Digest {
    sum: u64,
    count: u64,
}

impl Digest {
    fn add(&mut self, bytes: &[u8]) {
        let hash = blake3::hash(bytes);
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        self.sum = self.sum.wrapping_add(u64::from_le_bytes(first));
        self.count += 1;
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: index_digest INDEX_DIR")?;
    let index = Index::open_in_dir(&dir)?;
    let schema = index.schema();
    let searcher = index.reader()?.searcher();
    let mut digests: BTreeMap<String, Digest> = BTreeMap::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let columns = DocColumns::open(segment)?;
        let ids: Vec<String> = (0..segment.max_doc())
            .map(|doc| columns.values(doc).id)
            .collect();
        let alive = |doc: u32| segment.alive_bitset().is_none_or(|bits| bits.is_alive(doc));
        for doc in 0..segment.max_doc() {
            if !alive(doc) {
                continue;
            }
            let values = columns.values(doc);
            digests
                .entry("columns".into())
                .or_default()
                .add(format!("{values:?}").as_bytes());
            let stored: TantivyDocument =
                searcher.doc(tantivy::DocAddress::new(ord as u32, doc))?;
            digests
                .entry("stored".into())
                .or_default()
                .add(format!("{} {}", ids[doc as usize], stored.to_json(&schema)).as_bytes());
        }
        for (field, entry) in schema.fields() {
            let record = match entry.field_type() {
                FieldType::Str(options) => match options.get_indexing_options() {
                    Some(indexing) => indexing.index_option(),
                    None => continue,
                },
                FieldType::Facet(_) => IndexRecordOption::Basic,
                _ if entry.is_indexed() => IndexRecordOption::Basic,
                _ => continue,
            };
            let name = entry.name().to_string();
            if let Ok(norms) = segment.get_fieldnorms_reader(field) {
                if entry.has_fieldnorms() {
                    let digest = digests.entry(format!("{name} norms")).or_default();
                    for doc in (0..segment.max_doc()).filter(|d| alive(*d)) {
                        digest.add(
                            format!("{} {}", ids[doc as usize], norms.fieldnorm(doc)).as_bytes(),
                        );
                    }
                }
            }
            let inverted = segment.inverted_index(field)?;
            let mut terms = inverted.terms().stream()?;
            let digest = digests.entry(format!("{name} postings")).or_default();
            let mut positions = Vec::new();
            while terms.advance() {
                let term = terms.key().to_vec();
                let info = terms.value();
                let mut postings = inverted.read_postings_from_terminfo(info, record)?;
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if alive(doc) {
                        positions.clear();
                        if record.has_positions() {
                            postings.positions(&mut positions);
                        }
                        let freq = if record.has_freq() {
                            postings.term_freq()
                        } else {
                            0
                        };
                        let mut item = term.clone();
                        item.extend_from_slice(
                            format!(" {} {freq} {positions:?}", ids[doc as usize]).as_bytes(),
                        );
                        digest.add(&item);
                    }
                    doc = postings.advance();
                }
            }
        }
    }
    for (name, digest) in &digests {
        println!("{name:<24} {:>10} {:016x}", digest.count, digest.sum);
    }
    Ok(())
}
