//! The figures of issue 2, computed on the reference data in `../shared/data`, shared by the tests
//! (which assert thresholds) and `sahel eval snowball|lemmas|langid` (which prints them).

pub mod langid;
pub mod lemmas;
pub mod snowball;

use std::path::{Path, PathBuf};

pub use langid::{language_detection, LangIdReport};
pub use lemmas::{lemma_conflation, LemmaReport};
pub use snowball::{snowball_agreement, Deviation, DeviationReason, SnowballReport};

use crate::{Error, Result};

/// The shared data directory as seen from this crate (tests and benches read it in place).
pub fn default_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

pub(crate) fn read_to_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}
