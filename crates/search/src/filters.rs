//! A request's filters resolved against the index: per facet dimension, which of its indexed
//! values are accepted (names matched without regard to case or accents, former regions to their
//! successors, actor aliases to the canonical name), and the day range of `from`/`to`.

use crate::api::{parse_day, parse_month, AppliedFilters, QueryInfo, SearchRequest};
use crate::data::{day_of, IndexData, DIMENSIONS};
use crate::expand::{NameExpander, NameKind};
use crate::per_facet::{FacetDim, FacetKind, FilterNames};
use crate::Result;

/// Resolved filters of a request.
#[derive(Default)]
pub struct Filters {
    /// Per dimension, the accepted value ids (`None`: no filter on that dimension).
    pub accepted: [Option<Vec<bool>>; DIMENSIONS],
    /// Inclusive day range on the document dates (days since the epoch).
    pub days: Option<(i32, i32)>,
}

/// Resolves the filters of `request`; what they resolved to goes into `info.filters`, and a
/// value matching nothing into `info.notes`.
pub fn resolve_filters(
    data: &IndexData,
    expander: &dyn NameExpander,
    request: &SearchRequest,
    info: &mut QueryInfo,
) -> Result<Filters> {
    let mut accepted: [Option<Vec<bool>>; DIMENSIONS] = Default::default();
    let mut applied = AppliedFilters::default();
    for (dim, facet, values) in request.filters.iter() {
        if values.is_empty() {
            continue;
        }
        let (mask, resolved) = match facet.kind {
            FacetKind::Months => resolve_months(data, dim, values)?,
            FacetKind::Names | FacetKind::Language => {
                resolve_names(data, expander, dim, facet, values, &mut info.notes)
            }
        };
        if let Some(slot) = applied.values.at_mut(dim) {
            *slot = resolved;
        }
        if let Some(slot) = accepted.get_mut(dim) {
            *slot = Some(mask);
        }
    }
    let from = request
        .from
        .as_deref()
        .map(|v| parse_day("from", v))
        .transpose()?;
    let to = request
        .to
        .as_deref()
        .map(|v| parse_day("to", v))
        .transpose()?;
    let days = (from.is_some() || to.is_some())
        .then(|| (from.map_or(i32::MIN, day_of), to.map_or(i32::MAX, day_of)));
    applied.from = from.map(|d| d.to_string());
    applied.to = to.map(|d| d.to_string());
    info.filters = applied;
    Ok(Filters { accepted, days })
}

/// The values of dimension `dim` (`facet`) that the filter values select, as a mask over its
/// value ids, and their names as indexed (each once, in the order found).
fn resolve_names(
    data: &IndexData,
    expander: &dyn NameExpander,
    dim: usize,
    facet: &FacetDim,
    values: &[String],
    notes: &mut Vec<String>,
) -> (Vec<bool>, Vec<String>) {
    let table = &data.tables[dim];
    let mut mask = vec![false; table.len()];
    let mut resolved: Vec<String> = Vec::new();
    for value in values {
        let mut names = vec![value.clone()];
        match facet.names {
            FilterNames::Region => {
                // A region of the index is that region: `Gao` is today's Gao, as its facet
                // counts it, though Ménaka was carved out of the former Gao region. A name
                // that is only a former region (`Centre-Nord`, `Sahel` in Burkina Faso)
                // selects its successors.
                if table.resolve(value).is_empty() {
                    names.extend(expander.successor_regions(value));
                }
                names.extend(place_spellings(expander, value));
            }
            FilterNames::Place => names.extend(place_spellings(expander, value)),
            FilterNames::Actor => names.extend(expander.actor_names(value)),
            FilterNames::AsTyped => {}
        }
        let before = resolved.len();
        for name in &names {
            for &id in table.resolve(name) {
                if let Some(slot) = mask.get_mut(id as usize) {
                    if !*slot {
                        *slot = true;
                        resolved.push(table.values[id as usize].clone());
                    }
                }
            }
        }
        if resolved.len() == before {
            notes.push(format!("{} `{value}` matches no indexed value", facet.name));
        }
    }
    (mask, resolved)
}

/// The months (`YYYY-MM`) of a month filter on dimension `dim`, as a mask over its value ids,
/// and the months as normalised keys.
fn resolve_months(
    data: &IndexData,
    dim: usize,
    months: &[String],
) -> Result<(Vec<bool>, Vec<String>)> {
    let table = &data.tables[dim];
    let mut mask = vec![false; table.len()];
    let mut keys = Vec::new();
    for month in months {
        let (year, m) = parse_month(month)?;
        let key = format!("{year:04}-{m:02}");
        for &id in table.resolve(&key) {
            if let Some(slot) = mask.get_mut(id as usize) {
                *slot = true;
            }
        }
        keys.push(key);
    }
    Ok((mask, keys))
}

/// Whether the month `YYYY-MM` has a day in the inclusive day range.
pub fn month_overlaps(month: &str, from: i32, to: i32) -> bool {
    let Ok((year, m)) = parse_month(month) else {
        return false;
    };
    let Some(first) = chrono::NaiveDate::from_ymd_opt(year, m, 1) else {
        return false;
    };
    let next = if m == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        chrono::NaiveDate::from_ymd_opt(year, m + 1, 1)
    };
    let last = next.map_or(i32::MAX, |n| day_of(n) - 1);
    day_of(first) <= to && last >= from
}

/// Other spellings of a place name the gazetteer knows.
fn place_spellings(expander: &dyn NameExpander, value: &str) -> Vec<String> {
    match expander.expand(value) {
        Some((NameKind::Place, spellings)) => spellings,
        _ => Vec::new(),
    }
}
