//! `/api/export`: every result of a search, not a page, as CSV or JSON, one row per document with
//! its facets, so an analyst can take a selection into a spreadsheet or a notebook.
//!
//! CSV starts with a UTF-8 byte-order mark, by which spreadsheet programs know to read accents as
//! UTF-8, and names a region with its former names (`Kuilsé (ex-Centre-Nord)`); JSON keeps the
//! names as the API gives them.
//!
//! The rows are gathered in memory and capped at [`MAX_EXPORT_ROWS`] (about 1 KB each, so a few
//! megabytes at most); `X-Sahel-Total` gives the number of matching documents and
//! `X-Sahel-Truncated: true` says the cap was hit.

use axum::http::{header, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use sahel_search::api::{FacetValues, Hit};
use sahel_search::per_facet::FilterNames;
use sahel_search::{SearchRequest, Searcher};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

/// Largest number of rows one export returns.
pub const MAX_EXPORT_ROWS: usize = 10_000;

/// Header with the number of matching documents.
pub const TOTAL_HEADER: HeaderName = HeaderName::from_static("x-sahel-total");
/// Header set to `true` when the export stopped at [`MAX_EXPORT_ROWS`].
pub const TRUNCATED_HEADER: HeaderName = HeaderName::from_static("x-sahel-truncated");

/// Output format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Json,
}

/// The parameter of `/api/export` besides those of a search.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` (default) or `json`.
    pub format: Option<ExportFormat>,
}

impl ExportFormat {
    /// Parses `csv` or `json` (case ignored; empty means csv).
    pub fn parse(value: &str) -> Result<Self, ApiError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "csv" => Ok(ExportFormat::Csv),
            "json" => Ok(ExportFormat::Json),
            _ => Err(ApiError::BadParameter(format!(
                "unknown export format `{value}`: expected csv or json"
            ))),
        }
    }
}

/// One exported row (`/api/export?format=json` gives an array of them; CSV has the same
/// columns, lists joined by `; `).
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ExportRow {
    pub id: String,
    pub title: String,
    /// Publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Event dates `YYYY-MM-DD`, ascending.
    pub event_dates: Vec<String>,
    /// `fr`, `en`, `ar` or `und`.
    pub language: String,
    /// The document's values of each facet (`regions`, `actors`…).
    #[serde(flatten)]
    pub facets: FacetValues,
    /// Number of duplicates of this document in the index.
    pub duplicates: u64,
    /// Source name (publisher, agency).
    pub source: Option<String>,
    pub url: Option<String>,
}

impl From<Hit> for ExportRow {
    fn from(hit: Hit) -> Self {
        ExportRow {
            id: hit.id,
            title: hit.title,
            published: hit.published,
            event_dates: hit.event_dates,
            language: hit.language,
            facets: hit.facets,
            duplicates: hit.duplicates,
            source: hit.source,
            url: hit.url,
        }
    }
}

/// The rows of an export and the number of matching documents.
#[derive(Debug, Default)]
pub struct ExportRows {
    pub rows: Vec<ExportRow>,
    pub total: u64,
    /// Regions' former names, for the CSV (`Kuilsé` → `Centre-Nord`).
    pub former: HashMap<String, Vec<String>>,
}

/// Runs the search for every result (up to the cap), in the request's order.
pub fn collect_rows(
    searcher: &Searcher,
    request: &SearchRequest,
) -> sahel_search::Result<ExportRows> {
    let (hits, total) = searcher.export(request, MAX_EXPORT_ROWS)?;
    Ok(ExportRows {
        rows: hits.into_iter().map(ExportRow::from).collect(),
        total,
        former: former_regions(searcher),
    })
}

/// Every region's former names (`Kuilsé` → `Centre-Nord`), from the gazetteer.
pub fn former_regions(searcher: &Searcher) -> HashMap<String, Vec<String>> {
    searcher
        .dimensions()
        .regions
        .into_iter()
        .filter(|region| !region.former.is_empty())
        .map(|region| (region.name, region.former))
        .collect()
}

/// A region as the CSV names it: with its former names, `Kuilsé (ex-Centre-Nord)`.
pub fn region_label(region: &str, former: &HashMap<String, Vec<String>>) -> String {
    match former.get(region) {
        Some(names) if !names.is_empty() => format!("{region} (ex-{})", names.join(", ex-")),
        _ => region.to_string(),
    }
}

/// The UTF-8 byte-order mark a CSV export starts with.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV header: the keys of an [`ExportRow`] as JSON, in the same order.
fn csv_columns() -> Vec<&'static str> {
    let mut columns = vec!["id", "title", "published", "event_dates", "language"];
    columns.extend(FacetValues::default().iter().map(|(_, dim, _)| dim.column));
    columns.extend(["duplicates", "source", "url"]);
    columns
}

/// Lists in one CSV cell: facet values never contain `; `.
fn join(values: &[String]) -> String {
    values.join("; ")
}

/// The rows as CSV after a byte-order mark, with a header line; lists joined by `; `, regions
/// with their `former` names.
pub fn to_csv(
    rows: &[ExportRow],
    former: &HashMap<String, Vec<String>>,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(UTF8_BOM.to_vec());
    writer.write_record(csv_columns())?;
    for row in rows {
        let mut record: Vec<String> = vec![
            row.id.clone(),
            neutralise_formula(&row.title),
            row.published.clone().unwrap_or_default(),
            join(&row.event_dates),
            row.language.clone(),
        ];
        record.extend(row.facets.iter().map(|(_, dim, values)| {
            match dim.names {
                FilterNames::Region => join(
                    &values
                        .iter()
                        .map(|v| region_label(v, former))
                        .collect::<Vec<_>>(),
                ),
                _ => neutralise_formula(&join(values)),
            }
        }));
        record.extend([
            row.duplicates.to_string(),
            neutralise_formula(row.source.as_deref().unwrap_or_default()),
            row.url.clone().unwrap_or_default(),
        ]);
        writer.write_record(&record)?;
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

/// A title from a report must not run as a spreadsheet formula (`=HYPERLINK(...)`): such cells get
/// a leading apostrophe, which spreadsheets hide.
fn neutralise_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The HTTP answer for an export.
pub fn respond(format: ExportFormat, export: ExportRows) -> Result<Response, ApiError> {
    let truncated = export.total > export.rows.len() as u64;
    let (body, content_type, extension) = match format {
        ExportFormat::Csv => (
            to_csv(&export.rows, &export.former)
                .map_err(|err| ApiError::Internal(format!("csv export: {err}")))?,
            "text/csv; charset=utf-8",
            "csv",
        ),
        ExportFormat::Json => (
            serde_json::to_vec(&export.rows)
                .map_err(|err| ApiError::Internal(format!("json export: {err}")))?,
            "application/json",
            "json",
        ),
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"sahel-export.{extension}\""
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(TOTAL_HEADER, HeaderValue::from(export.total));
    headers.insert(
        TRUNCATED_HEADER,
        HeaderValue::from_static(if truncated { "true" } else { "false" }),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str) -> ExportRow {
        let mut facets = FacetValues::default();
        facets["region"] = vec!["Gao".into(), "Ménaka".into()];
        facets["country"] = vec!["Mali".into()];
        facets["actor"] = vec!["EIGS".into()];
        facets["month"] = vec!["2024-03".into()];
        facets["mentioned_region"] = vec!["Ménaka".into()];
        facets["background_month"] = vec!["2019-08".into()];
        ExportRow {
            id: "presse/a.txt".into(),
            title: title.into(),
            published: Some("2024-03-12".into()),
            event_dates: vec!["2024-03-10".into(), "2024-03-11".into()],
            language: "fr".into(),
            facets,
            duplicates: 1,
            source: None,
            url: None,
        }
    }

    fn former() -> HashMap<String, Vec<String>> {
        HashMap::from([("Ménaka".to_string(), vec!["Gao".to_string()])])
    }

    #[test]
    fn csv_has_a_bom_a_header_quotes_and_joined_lists() {
        let csv = to_csv(&[row("Attaque, \"bilan\"")], &former()).expect("csv");
        assert!(csv.starts_with(UTF8_BOM), "a byte-order mark first");
        let text = String::from_utf8(csv[UTF8_BOM.len()..].to_vec()).expect("utf-8");
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("id,title,published,event_dates,language,regions,countries,localities,actors,months,sources,mentioned_regions,background_months,duplicates,source,url")
        );
        assert_eq!(
            lines.next(),
            Some(
                "presse/a.txt,\"Attaque, \"\"bilan\"\"\",2024-03-12,2024-03-10; 2024-03-11,fr,Gao; Ménaka (ex-Gao),Mali,,EIGS,2024-03,,Ménaka (ex-Gao),2019-08,1,,"
            )
        );
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let mut formula = row("=HYPERLINK(\"x\")");
        formula.facets["source"] = vec!["=cmd".into()];
        let csv = to_csv(&[formula], &former()).expect("csv");
        let text = String::from_utf8(csv).expect("utf-8");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains("'=cmd"), "{text}");
    }

    #[test]
    fn export_format_parses() {
        assert_eq!(ExportFormat::parse("JSON").ok(), Some(ExportFormat::Json));
        assert_eq!(ExportFormat::parse("").ok(), Some(ExportFormat::Csv));
        assert!(ExportFormat::parse("xlsx").is_err());
    }
}
