//! Facets for sahel-search: where the reported events happened (places resolved through a gazetteer
//! of Mali, Burkina Faso and Niger), when (event dates and months) and who (actors), extracted from
//! the text of a report and its metadata.
//!
//! The pieces, in pipeline order:
//! - [`gazetteer`]: the built-in gazetteer (countries, regions with their pre-reform names,
//!   cercles/provinces/departments, localities with their spellings), extensible with GeoNames dumps;
//! - [`places`]: place mentions found in a text, resolved and disambiguated from context, each with
//!   a role (`event`, `dateline`, `mention`);
//! - [`dates`]: the publication date a text states and the dates of the events it reports;
//!   [`dateline`]: the one definition of a dateline; [`calendar`]: the month and weekday names of
//!   the workspace;
//! - [`actors`]: armed groups, forces and militias named, with their aliases;
//! - [`extract()`]: the pure function that turns a text and its [`DocMeta`] into an [`Extraction`],
//!   the object `sahel extract --json` prints and the indexer stores as facets;
//! - [`eval`]: the figures on the ACLED reference notes.
//!
//! ```
//! use sahel_facets::gazetteer::Gazetteer;
//! let gazetteer = Gazetteer::from_tsv(
//!     "code\tname_fr\tname_en\taliases\tlat\tlon\nML\tMali\tMali\t\t17\t-4\n",
//!     "country\tregion\tformer_region\tcapital\taliases\tlat\tlon\tstatus\n\
//!      ML\tTombouctou\tTombouctou\tTombouctou\tTimbuktu\t16.77\t-3.0\tcurrent\n",
//!     "country\tregion\tdistrict\tkind\taliases\tlat\tlon\n",
//!     "name\tcountry\tregion\tdistrict\tlat\tlon\taliases\tkind\tcommon_word\n\
//!      Léré\tML\tTombouctou\t\t15.71\t-4.91\tLere\ttown\tno\n",
//! )
//! .unwrap();
//! let found = sahel_facets::places::find_places("Attaque à Léré, région de Tombouctou.", &gazetteer);
//! assert!(found.iter().any(|p| p.name == "Léré" && p.region.as_deref() == Some("Tombouctou")));
//! ```

pub mod actors;
pub mod calendar;
mod data;
pub mod dateline;
pub mod dates;
pub mod eras;
pub mod eval;
pub mod evidence;
pub mod extract;
pub mod gazetteer;
pub mod places;

pub use extract::{extract, DocMeta, Extraction, Extractor};

/// A fingerprint of the extraction rules (this crate's sources and data files, hashed when it is
/// built): an index whose facets were extracted under another one is read again.
pub const RULES_FINGERPRINT: &str = env!("SAHEL_FACETS_FINGERPRINT");
pub use gazetteer::Gazetteer;
pub use places::{PlaceRole, ResolvedPlace, UnknownPlaceRole};

use std::path::PathBuf;

/// Everything that can go wrong while loading facet data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A data file (built-in TSV or a `--gazetteer` file) has a malformed line.
    #[error("{file}:{line}: {message}")]
    Malformed {
        file: String,
        line: usize,
        message: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A GeoNames file whose kind (dump, admin1, admin2) cannot be recognised.
    #[error("{path}: not a GeoNames dump, admin1 or admin2 code file ({reason})")]
    UnknownFormat { path: PathBuf, reason: String },
    /// The name matcher could not be built.
    #[error("cannot build the place-name matcher: {0}")]
    Matcher(String),
    /// A CSV file (evaluation data) could not be parsed.
    #[error("{path}: {message}")]
    Csv { path: PathBuf, message: String },
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
