//! French-aware text analysis for sahel-search: normalisation, folding, language detection and the
//! tantivy analyzers the schema uses.
//!
//! ```
//! assert_eq!(sahel_text::fold("l’Armée à Léré"), "l'armee a lere");
//! ```

pub mod normalize;

pub use normalize::{fold, fold_into, normalize, normalize_char};

/// Name under which the French analyzer is registered (used by the schema).
pub const FRENCH_ANALYZER: &str = "sahel_fr";
/// Name under which the English analyzer is registered.
pub const ENGLISH_ANALYZER: &str = "sahel_en";
/// Name of the folded, unstemmed analyzer (exact matches, prefixes, typo tolerance).
pub const EXACT_ANALYZER: &str = "sahel_exact";
