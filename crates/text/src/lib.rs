//! French-aware text analysis for sahel-search: normalisation, folding, language detection and the
//! tantivy analyzers the schema uses.
//!
//! - [`normalize`] / [`fold`]: the character-level keys shared by indexing, querying and facets.
//! - [`tokenizer`]: the word tokenizer (offsets into the original text) and one filter per file;
//!   its module doc states the token-stream convention (joined forms, stem alternatives).
//! - [`register_analyzers`]: the French, English and exact analyzers under [`FRENCH_ANALYZER`],
//!   [`ENGLISH_ANALYZER`], [`EXACT_ANALYZER`], with the [`ProtectedWords`] never stemmed.
//! - [`LanguageDetector`]: French / English / Arabic / undetermined, on a bounded sample.
//! - [`eval`]: the figures of the analysis (Snowball agreement, lemma conflation, language
//!   detection) computed on reference data.
//!
//! ```
//! use std::sync::Arc;
//! use sahel_text::{analyze, french_analyzer, ProtectedWords};
//!
//! assert_eq!(sahel_text::fold("l’Armée à Léré"), "l'armee a lere");
//! let mut french = french_analyzer(Arc::new(ProtectedWords::builtin()));
//! let terms: Vec<String> = analyze(&mut french, "L’armée au Mali")
//!     .into_iter()
//!     .map(|t| t.text)
//!     .collect();
//! assert_eq!(terms, ["armee", "mali"]);
//! ```

pub mod analyzers;
pub mod error;
pub mod eval;
pub mod language;
pub mod normalize;
pub mod protected;
pub mod tokenizer;

pub use analyzers::{
    analyze, english_analyzer, exact_analyzer, french_analyzer, register_analyzers,
};
pub use error::{Error, Result};
pub use language::{Language, LanguageDetector};
pub use normalize::{fold, fold_into, normalize, normalize_char, normalized};
pub use protected::ProtectedWords;

/// Name under which the French analyzer is registered (used by the schema).
pub const FRENCH_ANALYZER: &str = "sahel_fr";
/// Name under which the English analyzer is registered.
pub const ENGLISH_ANALYZER: &str = "sahel_en";
/// Name of the folded, unstemmed analyzer (exact matches, prefixes, typo tolerance).
pub const EXACT_ANALYZER: &str = "sahel_exact";
