//! What the index already holds, read from fast fields at the start of a run: which files it was
//! built from (and their hashes), which ids exist, which documents are canonical for which content.
//!
//! Kept compact, since it grows with the index rather than with the input: a document costs its
//! id once (in its file's list), 16 bytes of id hash with its file, content hash and duplicate
//! flag, and, when canonical, its content hash again with its id. Each column's dictionary is read
//! once per segment, in order, rather than looked up document by document.

use std::collections::HashMap;

use tantivy::columnar::StrColumn;
use tantivy::Index;

use crate::schema::names;
use crate::Result;

/// 128 bits of blake3 of a string: the key of an id (or of a content hash that is not the
/// 32-digit hex it should be).
pub fn key_of(text: &str) -> u128 {
    let hash = blake3::hash(text.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash.as_bytes()[..16]);
    u128::from_le_bytes(bytes)
}

/// A content hash (32 hex digits, see `document::content_hash`) as a number; `0` for none.
pub fn content_key(content_hash: &str) -> u128 {
    if content_hash.is_empty() {
        return 0;
    }
    u128::from_str_radix(content_hash, 16).unwrap_or_else(|_| key_of(content_hash))
}

/// The content hash of a [`content_key`] (the hex form the documents hold).
pub fn content_hex(key: u128) -> String {
    format!("{key:032x}")
}

/// One document already in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExistingDoc {
    /// Its file, an index into [`ExistingState::source`].
    pub source: u32,
    /// [`content_key`] of its content hash.
    pub content: u128,
    pub is_duplicate: bool,
}

/// A file the index holds documents of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    /// The file hash its documents were indexed with; empty when they disagree (a partial
    /// update: the file is never taken as unchanged).
    pub hash: String,
    /// Ids of its documents.
    pub ids: Vec<String>,
}

/// The index's documents, by id, by source file, and canonical ones by content hash.
#[derive(Debug, Default)]
pub struct ExistingState {
    sources: Vec<SourceFile>,
    source_index: HashMap<String, u32>,
    by_id: HashMap<u128, ExistingDoc>,
    /// content key → id of the canonical (non-duplicate) document.
    canonical: HashMap<u128, String>,
}

/// A column's values by term ordinal, read once in order.
fn column_terms(column: &Option<StrColumn>) -> Result<Vec<String>> {
    let Some(column) = column else {
        return Ok(Vec::new());
    };
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column
        .dictionary()
        .stream()
        .map_err(tantivy::TantivyError::from)?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}

/// The first value of a document in a column whose terms are `terms`.
fn first<'a>(column: &Option<StrColumn>, terms: &'a [String], doc: u32) -> &'a str {
    column
        .as_ref()
        .and_then(|c| c.term_ords(doc).next())
        .and_then(|ord| terms.get(ord as usize))
        .map_or("", String::as_str)
}

impl ExistingState {
    /// Reads the committed state of the index.
    pub fn load(index: &Index) -> Result<ExistingState> {
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let mut state = ExistingState::default();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let ids = fast.str(names::ID)?;
            let sources = fast.str(names::SOURCE_PATH)?;
            let source_hashes = fast.str(names::SOURCE_HASH)?;
            let content_hashes = fast.str(names::CONTENT_HASH)?;
            let duplicates = fast.u64(names::IS_DUPLICATE).ok();
            let id_terms = column_terms(&ids)?;
            let source_terms = column_terms(&sources)?;
            let source_hash_terms = column_terms(&source_hashes)?;
            let content_terms = column_terms(&content_hashes)?;
            // Source paths of this segment, as indexes into `state.sources`.
            let source_slots: Vec<u32> = source_terms.iter().map(|p| state.slot(p)).collect();
            for doc in segment.doc_ids_alive() {
                let id = first(&ids, &id_terms, doc).to_string();
                let source = sources
                    .as_ref()
                    .and_then(|c| c.term_ords(doc).next())
                    .and_then(|ord| source_slots.get(ord as usize).copied())
                    .unwrap_or_else(|| state.slot(""));
                let source_hash = first(&source_hashes, &source_hash_terms, doc);
                let content = content_key(first(&content_hashes, &content_terms, doc));
                let is_duplicate = duplicates
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .is_some_and(|v| v == 1);
                if !is_duplicate && content != 0 {
                    state.canonical.insert(content, id.clone());
                }
                let file = &mut state.sources[source as usize];
                if file.ids.is_empty() {
                    file.hash = source_hash.to_string();
                } else if file.hash != source_hash {
                    // Documents of one file with different file hashes: a partial update; never
                    // treat that file as unchanged.
                    file.hash.clear();
                }
                state.by_id.insert(
                    key_of(&id),
                    ExistingDoc {
                        source,
                        content,
                        is_duplicate,
                    },
                );
                file.ids.push(id);
            }
        }
        Ok(state)
    }

    /// The slot of a source path, added when new.
    fn slot(&mut self, path: &str) -> u32 {
        if let Some(&slot) = self.source_index.get(path) {
            return slot;
        }
        let slot = self.sources.len() as u32;
        self.sources.push(SourceFile {
            path: path.to_string(),
            ..SourceFile::default()
        });
        self.source_index.insert(path.to_string(), slot);
        slot
    }

    /// The documents of the file at `path`, if the index holds any.
    pub fn source(&self, path: &str) -> Option<&SourceFile> {
        self.source_index
            .get(path)
            .map(|&slot| &self.sources[slot as usize])
            .filter(|file| !file.ids.is_empty())
    }

    /// Every file the index holds documents of.
    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        self.sources.iter().filter(|file| !file.ids.is_empty())
    }

    /// True when the file at `source_path` was indexed from exactly these bytes.
    pub fn is_unchanged(&self, source_path: &str, source_hash: &str) -> bool {
        self.source(source_path)
            .is_some_and(|file| file.hash == source_hash)
    }

    /// True when a document has this id.
    pub fn contains_id(&self, id: &str) -> bool {
        self.by_id.contains_key(&key_of(id))
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&ExistingDoc> {
        self.by_id.get(&key_of(id))
    }

    /// The file a document comes from.
    pub fn file_of(&self, doc: &ExistingDoc) -> &SourceFile {
        &self.sources[doc.source as usize]
    }

    /// The id of the canonical document of this content.
    pub fn canonical(&self, content: u128) -> Option<&str> {
        self.canonical.get(&content).map(String::as_str)
    }

    /// Ids of the duplicates of this content.
    pub fn duplicates_of(&self, content: u128) -> Vec<String> {
        self.sources
            .iter()
            .flat_map(|file| file.ids.iter())
            .filter(|id| {
                self.get(id)
                    .is_some_and(|doc| doc.is_duplicate && doc.content == content)
            })
            .cloned()
            .collect()
    }

    /// Forgets the documents of a file (they are being deleted); returns them with their ids.
    pub fn remove_source(&mut self, source_path: &str) -> Vec<(String, ExistingDoc)> {
        let Some(&slot) = self.source_index.get(source_path) else {
            return Vec::new();
        };
        let ids = std::mem::take(&mut self.sources[slot as usize].ids);
        self.sources[slot as usize].hash.clear();
        ids.into_iter()
            .filter_map(|id| {
                let doc = self.forget(&id)?;
                Some((id, doc))
            })
            .collect()
    }

    /// Forgets one document (deleted by id: it came from another file).
    pub fn remove_id(&mut self, id: &str) -> Option<ExistingDoc> {
        let doc = self.forget(id)?;
        self.sources[doc.source as usize].ids.retain(|i| i != id);
        Some(doc)
    }

    /// Removes a document from the maps by id and content (not from its file's list).
    fn forget(&mut self, id: &str) -> Option<ExistingDoc> {
        let doc = self.by_id.remove(&key_of(id))?;
        if self.canonical.get(&doc.content).is_some_and(|c| c == id) {
            self.canonical.remove(&doc.content);
        }
        Some(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_keys_give_back_their_hex() {
        let hex = crate::document::content_hash("Attaque à Léré.");
        assert_eq!(hex.len(), 32);
        assert_eq!(content_hex(content_key(&hex)), hex);
        assert_eq!(
            content_hex(content_key("000000000000000000000000000000ff")),
            "000000000000000000000000000000ff"
        );
        assert_eq!(content_key(""), 0);
    }
}
