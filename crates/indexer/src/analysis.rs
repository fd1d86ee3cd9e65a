//! The analysis a document goes through before it is written: language (metadata, else
//! detection), facets extraction (places, dates, actors), and the analyzers registered on the
//! index. Built once per run and shared by all worker threads.

use std::sync::Arc;

use chrono::NaiveDate;
use sahel_facets::{extract, DocMeta, Extractor, PlaceRole, ResolvedPlace};
use sahel_text::ProtectedWords;
use std::path::PathBuf;
use tantivy::tokenizer::TokenizerManager;

use crate::record::SourceRecord;
use crate::Result;

/// One event place, resolved to its hierarchy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceFacet {
    pub country: Option<String>,
    pub region: Option<String>,
    pub district: Option<String>,
    pub locality: Option<String>,
}

impl From<&ResolvedPlace> for PlaceFacet {
    fn from(p: &ResolvedPlace) -> PlaceFacet {
        PlaceFacet {
            country: p.country.clone(),
            region: p.region.clone(),
            district: p.district.clone(),
            locality: p.locality.clone(),
        }
    }
}

/// The facet values of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFacets {
    pub published: Option<NaiveDate>,
    /// Event dates; a month-only date is its first day (its month is in `months`).
    pub event_dates: Vec<NaiveDate>,
    /// `YYYY-MM`.
    pub months: Vec<String>,
    pub places: Vec<PlaceFacet>,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
    pub localities: Vec<String>,
    pub actors: Vec<String>,
}

/// What analysis adds to a record.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// `fr`, `en`, `ar` or `und`.
    pub language: &'static str,
    pub facets: DocFacets,
    /// The extraction record (`sahel extract --json`); its places and event dates are stored
    /// (see [`crate::document::stored_extraction`]) for `/api/doc`.
    pub extraction: Option<sahel_facets::Extraction>,
}

/// Language detection, extraction and analyzers, loaded once.
pub struct Analysis {
    extractor: Extractor,
    protected: Arc<ProtectedWords>,
}

impl Analysis {
    /// Loads the built-in gazetteer and actor table, plus the given GeoNames files; the names of
    /// both become protected words of the analyzers.
    pub fn load(gazetteers: &[PathBuf]) -> Result<Analysis> {
        let extractor = Extractor::with_geonames(gazetteers)
            .map_err(|e| crate::Error::Gazetteer(e.to_string()))?;
        let mut protected = ProtectedWords::builtin();
        protected.extend(extractor.gazetteer().all_names());
        for actor in extractor.actors().actors() {
            protected.extend(actor.aliases.iter());
        }
        Ok(Analysis {
            extractor,
            protected: Arc::new(protected),
        })
    }

    /// The words the analyzers never stem.
    pub fn protected_words(&self) -> Arc<ProtectedWords> {
        Arc::clone(&self.protected)
    }

    /// The facets extractor (gazetteer, actors, language detector).
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Registers the French, English and exact analyzers under the names the schema uses.
    pub fn register_analyzers(&self, manager: &TokenizerManager) {
        sahel_text::register_analyzers(manager, self.protected_words());
    }

    /// Language and facets of one record. Pure: depends only on the record and the loaded data.
    pub fn analyse(&self, id: &str, record: &SourceRecord) -> Analysed {
        let meta = DocMeta {
            id: id.to_string(),
            title: (!record.title.is_empty()).then(|| record.title.clone()),
            published: record.published,
            language: record.language.clone(),
            source: record.source.clone(),
            url: record.url.clone(),
        };
        // A bug in extraction must cost one document its facets, not the whole run.
        let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extract(&record.body, &meta, &self.extractor)
        }));
        let extraction = match extracted {
            Ok(extraction) => extraction,
            Err(_) => {
                tracing::warn!(id, "facet extraction failed; indexed without facets");
                return Analysed {
                    language: metadata_language(record),
                    facets: DocFacets {
                        published: record.published,
                        ..DocFacets::default()
                    },
                    extraction: None,
                };
            }
        };
        let language = match extraction.language.as_str() {
            "fr" => "fr",
            "en" => "en",
            "ar" => "ar",
            _ => "und",
        };
        let events: Vec<&ResolvedPlace> = extraction
            .places
            .iter()
            .filter(|p| p.role == PlaceRole::Event)
            .collect();
        let mut localities: Vec<String> = Vec::new();
        for place in &events {
            if let Some(locality) = &place.locality {
                if !localities.contains(locality) {
                    localities.push(locality.clone());
                }
            }
        }
        let facets = DocFacets {
            published: extraction.published.or(record.published),
            event_dates: extraction
                .event_dates
                .iter()
                .filter_map(|d| parse_event_date(d))
                .collect(),
            months: extraction.months.clone(),
            places: events.iter().map(|p| PlaceFacet::from(*p)).collect(),
            regions: extraction.regions.clone(),
            countries: extraction.countries.clone(),
            localities,
            actors: extraction.actors.clone(),
        };
        Analysed {
            language,
            facets,
            extraction: Some(extraction),
        }
    }
}

fn metadata_language(record: &SourceRecord) -> &'static str {
    match record.language.as_deref() {
        Some("fr") => "fr",
        Some("en") => "en",
        Some("ar") => "ar",
        _ => "und",
    }
}

/// `YYYY-MM-DD`, or `YYYY-MM` (→ the first day of the month).
fn parse_event_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())
}
