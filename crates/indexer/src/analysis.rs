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
    /// Who published it (see [`source_name`]): none or one.
    pub sources: Vec<String>,
    /// Regions of the places it only mentions, less its event regions.
    pub mentioned_regions: Vec<String>,
    /// `YYYY-MM` of the dates it only recalls or announces, less its event months.
    pub background_months: Vec<String>,
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
                        sources: source_name(record).into_iter().collect(),
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
            sources: source_name(record).into_iter().collect(),
            mentioned_regions: extraction.mentioned_regions.clone(),
            background_months: extraction.background_months.clone(),
        };
        Analysed {
            language,
            facets,
            extraction: Some(extraction),
        }
    }
}

/// The source facet of a record: the source its format gives (front matter or JSON `source`,
/// a feed's title, an HTML page's site name), its spaces tidied, else the site of its URL
/// (`https://www.example.org/a` → `example.org`). Spellings differing only in case are one value
/// at search time (the searcher lists each such group under one spelling).
pub fn source_name(record: &SourceRecord) -> Option<String> {
    let given = record
        .source
        .as_deref()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    given.or_else(|| record.url.as_deref().and_then(site_of))
}

/// The host of an `http(s)` URL, lowercased, without `www.`, port or user.
fn site_of(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme_end = url.find("://")?;
    if !url[..scheme_end].eq_ignore_ascii_case("http")
        && !url[..scheme_end].eq_ignore_ascii_case("https")
    {
        return None;
    }
    let rest = &url[scheme_end + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default().to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: Option<&str>, url: Option<&str>) -> SourceRecord {
        SourceRecord {
            source: source.map(str::to_string),
            url: url.map(str::to_string),
            ..SourceRecord::default()
        }
    }

    #[test]
    fn source_name_is_the_given_source_tidied_else_the_site() {
        assert_eq!(
            source_name(&record(Some("  Agence  Sahel\tPresse "), None)).as_deref(),
            Some("Agence Sahel Presse")
        );
        assert_eq!(
            source_name(&record(Some("FAMa"), Some("https://example.org/x"))).as_deref(),
            Some("FAMa")
        );
        assert_eq!(
            source_name(&record(
                Some("  "),
                Some("https://user@WWW.Example.org:8080/a?b#c")
            ))
            .as_deref(),
            Some("example.org")
        );
        assert_eq!(
            source_name(&record(None, Some("ftp://example.org/a"))),
            None
        );
        assert_eq!(source_name(&record(None, Some("not a url"))), None);
        assert_eq!(source_name(&record(None, None)), None);
    }
}
