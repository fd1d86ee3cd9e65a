//! What the index already holds, read from fast fields at the start of a run: which files it was
//! built from (and their hashes), which ids exist, which documents are canonical for which content.

use std::collections::HashMap;

use tantivy::Index;

use crate::schema::names;
use crate::Result;

/// One document already in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingDoc {
    pub source_path: String,
    pub content_hash: String,
    pub is_duplicate: bool,
}

/// The index's documents, by id, by source file, and canonical ones by content hash.
#[derive(Debug, Default)]
pub struct ExistingState {
    pub by_id: HashMap<String, ExistingDoc>,
    /// source path → (file hash, ids of its documents).
    pub by_source: HashMap<String, (String, Vec<String>)>,
    /// content hash → id of the canonical (non-duplicate) document.
    pub canonical: HashMap<String, String>,
}

fn first_str(column: &Option<tantivy::columnar::StrColumn>, doc: u32, buf: &mut String) -> String {
    buf.clear();
    if let Some(col) = column {
        if let Some(ord) = col.term_ords(doc).next() {
            if col.ord_to_str(ord, buf).is_ok() {
                return buf.clone();
            }
        }
    }
    String::new()
}

impl ExistingState {
    /// Reads the committed state of the index.
    pub fn load(index: &Index) -> Result<ExistingState> {
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let mut state = ExistingState::default();
        let mut buf = String::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let ids = fast.str(names::ID)?;
            let sources = fast.str(names::SOURCE_PATH)?;
            let source_hashes = fast.str(names::SOURCE_HASH)?;
            let content_hashes = fast.str(names::CONTENT_HASH)?;
            let duplicates = fast.u64(names::IS_DUPLICATE).ok();
            for doc in segment.doc_ids_alive() {
                let id = first_str(&ids, doc, &mut buf);
                let source_path = first_str(&sources, doc, &mut buf);
                let source_hash = first_str(&source_hashes, doc, &mut buf);
                let content_hash = first_str(&content_hashes, doc, &mut buf);
                let is_duplicate = duplicates
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .is_some_and(|v| v == 1);
                if !is_duplicate && !content_hash.is_empty() {
                    state.canonical.insert(content_hash.clone(), id.clone());
                }
                let entry = state
                    .by_source
                    .entry(source_path.clone())
                    .or_insert_with(|| (source_hash.clone(), Vec::new()));
                if entry.0 != source_hash {
                    // Documents of one file with different file hashes: a partial update; never
                    // treat that file as unchanged.
                    entry.0.clear();
                }
                entry.1.push(id.clone());
                state.by_id.insert(
                    id,
                    ExistingDoc {
                        source_path,
                        content_hash,
                        is_duplicate,
                    },
                );
            }
        }
        Ok(state)
    }

    /// True when the file at `source_path` was indexed from exactly these bytes.
    pub fn is_unchanged(&self, source_path: &str, source_hash: &str) -> bool {
        self.by_source
            .get(source_path)
            .is_some_and(|(hash, ids)| hash == source_hash && !ids.is_empty())
    }

    /// Forgets the documents of a file (they are being deleted); returns their ids.
    pub fn remove_source(&mut self, source_path: &str) -> Vec<String> {
        let Some((_, ids)) = self.by_source.remove(source_path) else {
            return Vec::new();
        };
        for id in &ids {
            self.remove_id(id);
        }
        ids
    }

    /// Forgets one document.
    pub fn remove_id(&mut self, id: &str) -> Option<ExistingDoc> {
        let doc = self.by_id.remove(id)?;
        if self
            .canonical
            .get(&doc.content_hash)
            .is_some_and(|c| c == id)
        {
            self.canonical.remove(&doc.content_hash);
        }
        if let Some((_, ids)) = self.by_source.get_mut(&doc.source_path) {
            ids.retain(|i| i != id);
        }
        Some(doc)
    }
}
