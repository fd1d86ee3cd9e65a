//! The analysis a document goes through before it is written: language (metadata, else
//! detection), facets extraction (places, dates, actors), and the analyzers registered on the
//! index. Built once per run and shared by all worker threads.

use chrono::NaiveDate;
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
    pub lat: Option<f64>,
    pub lon: Option<f64>,
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
    /// The extraction as `sahel extract --json` prints it, stored for `/api/doc`.
    pub extraction: Option<serde_json::Value>,
}

/// Language detection, extraction and analyzers, loaded once.
pub struct Analysis {}

impl Analysis {
    /// Loads the built-in gazetteer and actor table, plus the given GeoNames files.
    pub fn load(_gazetteers: &[PathBuf]) -> Result<Analysis> {
        Ok(Analysis {})
    }

    /// Registers the French, English and exact analyzers under the names the schema uses.
    pub fn register_analyzers(&self, manager: &TokenizerManager) {
        // PLACEHOLDER (until sahel_text::register_analyzers lands): plain tantivy chains.
        use tantivy::tokenizer::{
            AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer,
        };
        let french = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::French))
            .build();
        let english = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let exact = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        manager.register(sahel_text::FRENCH_ANALYZER, french);
        manager.register(sahel_text::ENGLISH_ANALYZER, english);
        manager.register(sahel_text::EXACT_ANALYZER, exact);
    }

    /// Language and facets of one record. Pure: depends only on the record and the loaded data.
    pub fn analyse(&self, record: &SourceRecord) -> Analysed {
        // PLACEHOLDER (until LanguageDetector and sahel_facets::extract land): metadata only.
        let language = match record.language.as_deref() {
            Some("fr") => "fr",
            Some("en") => "en",
            Some("ar") => "ar",
            _ => "und",
        };
        Analysed {
            language,
            facets: DocFacets {
                published: record.published,
                ..DocFacets::default()
            },
            extraction: None,
        }
    }
}
