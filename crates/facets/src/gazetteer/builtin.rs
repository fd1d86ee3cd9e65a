//! Loading the built-in gazetteer TSV files (`data/gazetteer/*.tsv`): `#` comment lines, a header
//! row, tab-separated columns, multi-valued cells split on `|`.

use super::{name_key, Entry, EntryId, Gazetteer, PlaceKind, Source};
use crate::{Error, Result};

pub(super) struct Sources<'a> {
    pub countries: (&'a str, &'a str),
    pub regions: (&'a str, &'a str),
    pub districts: (&'a str, &'a str),
    pub localities: (&'a str, &'a str),
}

pub(super) fn load_builtin(g: &mut Gazetteer) -> Result<()> {
    load_sources(
        g,
        &Sources {
            countries: (
                "data/gazetteer/countries.tsv",
                include_str!("../../data/gazetteer/countries.tsv"),
            ),
            regions: (
                "data/gazetteer/regions.tsv",
                include_str!("../../data/gazetteer/regions.tsv"),
            ),
            districts: (
                "data/gazetteer/districts.tsv",
                include_str!("../../data/gazetteer/districts.tsv"),
            ),
            localities: (
                "data/gazetteer/localities.tsv",
                include_str!("../../data/gazetteer/localities.tsv"),
            ),
        },
    )?;
    load_areas(
        g,
        (
            "data/gazetteer/areas.tsv",
            include_str!("../../data/gazetteer/areas.tsv"),
        ),
    )
}

/// The home areas of communities and armed groups (`areas.tsv`).
pub(super) fn load_areas(g: &mut Gazetteer, source: (&str, &str)) -> Result<()> {
    let mut areas = Vec::new();
    for_each_row(
        source,
        &["cues", "lat", "lon", "radius_km", "countries"],
        |row| {
            let cues: Vec<String> = row
                .list("cues")
                .iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            if cues.is_empty() {
                return Err(row.error("empty `cues`".to_string()));
            }
            if let Some(bad) = cues.iter().find(|c| {
                !c.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') || c.contains("  ")
            }) {
                return Err(row.error(format!(
                    "cue {bad:?} is not lowercase ASCII words separated by one space"
                )));
            }
            let radius = row.required("radius_km")?;
            let radius_km = radius
                .parse::<f64>()
                .ok()
                .filter(|r| r.is_finite() && *r > 0.0)
                .ok_or_else(|| row.error(format!("`radius_km` is not a distance: {radius:?}")))?;
            let countries = row
                .list("countries")
                .into_iter()
                .map(|code| code_bytes(row, code))
                .collect::<Result<Vec<_>>>()?;
            if countries.is_empty() {
                return Err(row.error("empty `countries`".to_string()));
            }
            areas.push((
                super::Area {
                    lat: row.coord("lat")?,
                    lon: row.coord("lon")?,
                    radius_km,
                    countries,
                    region: None,
                },
                cues,
            ));
            Ok(())
        },
    )?;
    g.set_areas(areas)
}

/// One data row: its line number and cells by column name.
struct Row<'a> {
    file: &'a str,
    line: usize,
    header: &'a [&'a str],
    cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn get(&self, column: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| *h == column)
            .and_then(|i| self.cells.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn required(&self, column: &str) -> Result<&'a str> {
        let v = self.get(column);
        if v.is_empty() {
            return Err(self.error(format!("empty `{column}`")));
        }
        Ok(v)
    }

    fn coord(&self, column: &str) -> Result<f64> {
        let v = self.required(column)?;
        v.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && x.abs() <= 180.0)
            .ok_or_else(|| self.error(format!("`{column}` is not a coordinate: {v:?}")))
    }

    /// A coordinate that may be unknown (empty cell): NaN then.
    fn optional_coord(&self, column: &str) -> Result<f64> {
        if self.get(column).is_empty() {
            return Ok(f64::NAN);
        }
        self.coord(column)
    }

    fn list(&self, column: &str) -> Vec<&'a str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn error(&self, message: String) -> Error {
        Error::Malformed {
            file: self.file.to_string(),
            line: self.line,
            message,
        }
    }
}

/// Header cells and (line number, cells) rows.
type ParsedTsv<'a> = (Vec<&'a str>, Vec<(usize, Vec<&'a str>)>);

/// Splits a TSV text into header and rows, checking the header has the expected columns.
fn parse_tsv<'a>(file: &'a str, text: &'a str, expected: &[&str]) -> Result<ParsedTsv<'a>> {
    let mut header_out: Vec<&'a str> = Vec::new();
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            for col in expected {
                if !cells.iter().any(|c| c.trim() == *col) {
                    return Err(Error::Malformed {
                        file: file.to_string(),
                        line: line_no,
                        message: format!("header lacks column `{col}` (expected {expected:?})"),
                    });
                }
            }
            header_out.extend(cells.iter().map(|c| c.trim()));
            continue;
        }
        if cells.len() > header_out.len() {
            return Err(Error::Malformed {
                file: file.to_string(),
                line: line_no,
                message: format!(
                    "{} columns, the header has {}",
                    cells.len(),
                    header_out.len()
                ),
            });
        }
        rows.push((line_no, cells));
    }
    if !header_seen && !text.trim().is_empty() {
        return Err(Error::Malformed {
            file: file.to_string(),
            line: 1,
            message: "no header row".to_string(),
        });
    }
    Ok((header_out, rows))
}

/// Runs `f` on every row of a TSV text.
fn for_each_row<'a>(
    (file, text): (&'a str, &'a str),
    expected: &[&str],
    mut f: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let (header, rows) = parse_tsv(file, text, expected)?;
    for (line, cells) in rows {
        let row = Row {
            file,
            line,
            header: &header,
            cells,
        };
        f(&row)?;
    }
    Ok(())
}

fn code_bytes(row: &Row<'_>, code: &str) -> Result<[u8; 2]> {
    let b = code.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_alphabetic) {
        return Err(row.error(format!("not an ISO 3166 alpha-2 country code: {code:?}")));
    }
    Ok([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()])
}

fn spellings(first: &[&str], aliases: &[&str]) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    for s in first.iter().chain(aliases) {
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        let key = name_key(s);
        if !key.is_empty() && !out.iter().any(|o| name_key(o) == key && **o == *s) {
            out.push(s.into());
        }
    }
    out
}

fn is_yes(v: &str) -> bool {
    matches!(
        v.to_ascii_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "oui"
    )
}

pub(super) fn load_sources(g: &mut Gazetteer, s: &Sources<'_>) -> Result<()> {
    load_countries(g, s.countries)?;
    load_regions(g, s.regions)?;
    add_former_regions(g);
    load_districts(g, s.districts)?;
    load_localities(g, s.localities)
}

/// The countries (`countries.tsv`): each its own country.
fn load_countries(g: &mut Gazetteer, countries: (&str, &str)) -> Result<()> {
    for_each_row(
        countries,
        &["code", "name_fr", "name_en", "aliases", "lat", "lon"],
        |row| {
            let code = code_bytes(row, row.required("code")?)?;
            let name_fr = row.required("name_fr")?;
            let names = [name_fr, row.get("name_en")];
            let entry = Entry {
                kind: PlaceKind::Country,
                name: name_fr.into(),
                spellings: spellings(&names, &row.list("aliases")),
                country_code: code,
                country: None,
                region: None,
                district: None,
                lat: row.coord("lat")?,
                lon: row.coord("lon")?,
                former_regions: Vec::new(),
                former_seat: false,
                common_word: false,
                importance: 5,
                source: Source::Builtin,
                detail: "country".into(),
            };
            let id = g.push_entry(entry);
            g.entry_mut(id).country = Some(id);
            Ok(())
        },
    )
}

/// The regions (`regions.tsv`), current and former, under their country.
fn load_regions(g: &mut Gazetteer, regions: (&str, &str)) -> Result<()> {
    for_each_row(
        regions,
        &[
            "country",
            "region",
            "former_region",
            "capital",
            "aliases",
            "lat",
            "lon",
        ],
        |row| {
            let code = row.required("country")?;
            let country = country_id(g, row, code)?;
            let name = row.required("region")?;
            let entry = Entry {
                kind: PlaceKind::Region,
                name: name.into(),
                spellings: spellings(&[name], &row.list("aliases")),
                country_code: code_bytes(row, code)?,
                country: Some(country),
                region: None,
                district: None,
                lat: row.coord("lat")?,
                lon: row.coord("lon")?,
                former_regions: row
                    .list("former_region")
                    .into_iter()
                    .map(Into::into)
                    .collect(),
                former_seat: is_yes(row.get("former_seat")),
                common_word: false,
                importance: 4,
                source: Source::Builtin,
                detail: row.get("status").into(),
            };
            let id = g.push_entry(entry);
            g.entry_mut(id).region = Some(id);
            Ok(())
        },
    )
}

/// The cercles, provinces and departments (`districts.tsv`), under their region.
fn load_districts(g: &mut Gazetteer, districts: (&str, &str)) -> Result<()> {
    for_each_row(
        districts,
        &[
            "country", "region", "district", "kind", "aliases", "lat", "lon",
        ],
        |row| {
            let code = row.required("country")?;
            let country = country_id(g, row, code)?;
            let region = region_id(g, row, country, row.required("region")?)?;
            let name = row.required("district")?;
            let entry = Entry {
                kind: PlaceKind::District,
                name: name.into(),
                spellings: spellings(&[name], &row.list("aliases")),
                country_code: code_bytes(row, code)?,
                country: Some(country),
                region: Some(region),
                district: None,
                lat: row.optional_coord("lat")?,
                lon: row.optional_coord("lon")?,
                former_regions: Vec::new(),
                former_seat: false,
                common_word: false,
                importance: 3,
                source: Source::Builtin,
                detail: row.get("kind").into(),
            };
            let id = g.push_entry(entry);
            g.entry_mut(id).district = Some(id);
            Ok(())
        },
    )
}

/// The localities (`localities.tsv`), under their district or region when given.
fn load_localities(g: &mut Gazetteer, localities: (&str, &str)) -> Result<()> {
    for_each_row(
        localities,
        &[
            "name",
            "country",
            "region",
            "district",
            "lat",
            "lon",
            "aliases",
            "kind",
            "common_word",
        ],
        |row| {
            let code = row.required("country")?;
            let country = country_id(g, row, code)?;
            let region_name = row.get("region");
            let mut region = if region_name.is_empty() {
                None
            } else {
                Some(region_id(g, row, country, region_name)?)
            };
            let district_name = row.get("district");
            let district = if district_name.is_empty() {
                None
            } else {
                let d = district_id(g, row, country, region, district_name)?;
                region = region.or(g.entry(d).region);
                Some(d)
            };
            let name = row.required("name")?;
            let kind = row.get("kind");
            let importance = match kind.to_ascii_lowercase().as_str() {
                "capital" => 5,
                "city" | "regional_capital" | "region_capital" => 4,
                "town" => 3,
                _ => 2,
            };
            let entry = Entry {
                kind: PlaceKind::Locality,
                name: name.into(),
                spellings: spellings(&[name], &row.list("aliases")),
                country_code: code_bytes(row, code)?,
                country: Some(country),
                region,
                district,
                lat: row.coord("lat")?,
                lon: row.coord("lon")?,
                former_regions: Vec::new(),
                former_seat: false,
                common_word: is_yes(row.get("common_word")),
                importance,
                source: Source::Builtin,
                detail: kind.into(),
            };
            // A district named after a chef-lieu that is also a common word ("Kéita", "San")
            // is as ambiguous as its town.
            if let Some(d) = district.filter(|&d| {
                entry.common_word && name_key(&g.entry(d).name) == name_key(&entry.name)
            }) {
                g.entry_mut(d).common_word = true;
            }
            g.push_entry(entry);
            Ok(())
        },
    )
}

/// Former regions (Mali before 2023, Burkina Faso's 13 regions) that no current region is named
/// after get an entry of their own, so "région du Centre-Nord" still resolves; its coordinates are
/// the mean of its successors'.
fn add_former_regions(g: &mut Gazetteer) {
    let mut formers: Vec<(EntryId, String, Vec<EntryId>)> = Vec::new();
    for (id, e) in g.entries() {
        if e.kind != PlaceKind::Region || e.detail.eq_ignore_ascii_case("former") {
            continue;
        }
        let Some(country) = e.country else { continue };
        for f in &e.former_regions {
            let key = name_key(f);
            if !g.regions_named(country, &key).is_empty() {
                continue;
            }
            match formers
                .iter_mut()
                .find(|(c, n, _)| *c == country && name_key(n) == key)
            {
                Some(slot) => slot.2.push(id),
                None => formers.push((country, f.to_string(), vec![id])),
            }
        }
    }
    for (country, name, successors) in formers {
        let n = successors.len() as f64;
        let lat = successors.iter().map(|&s| g.entry(s).lat).sum::<f64>() / n;
        let lon = successors.iter().map(|&s| g.entry(s).lon).sum::<f64>() / n;
        let code = g.entry(country).country_code;
        let id = g.push_entry(Entry {
            kind: PlaceKind::Region,
            name: name.as_str().into(),
            spellings: vec![name.as_str().into()],
            country_code: code,
            country: Some(country),
            region: None,
            district: None,
            lat,
            lon,
            former_regions: vec![name.as_str().into()],
            former_seat: false,
            common_word: false,
            importance: 3,
            source: Source::Builtin,
            detail: "former".into(),
        });
        g.entry_mut(id).region = Some(id);
    }
}

fn country_id(g: &Gazetteer, row: &Row<'_>, code: &str) -> Result<EntryId> {
    g.country_by_code(code).ok_or_else(|| {
        row.error(format!(
            "unknown country code {code:?} (not in countries.tsv)"
        ))
    })
}

/// The current region of `country` named `name`; a former region name is accepted when it has a
/// single successor.
fn region_id(g: &Gazetteer, row: &Row<'_>, country: EntryId, name: &str) -> Result<EntryId> {
    let key = name_key(name);
    let named = g.regions_named(country, &key);
    if let Some(&id) = named.first() {
        return Ok(id);
    }
    let successors = g.successors_by_key(country, &key);
    match successors.as_slice() {
        [id] => Ok(*id),
        _ => Err(row.error(format!("unknown region {name:?} (not in regions.tsv)"))),
    }
}

fn district_id(
    g: &Gazetteer,
    row: &Row<'_>,
    country: EntryId,
    region: Option<EntryId>,
    name: &str,
) -> Result<EntryId> {
    let candidates: Vec<EntryId> = g
        .lookup(name)
        .iter()
        .copied()
        .filter(|&id| {
            let e = g.entry(id);
            e.kind == PlaceKind::District && e.country == Some(country)
        })
        .collect();
    let in_region = candidates
        .iter()
        .copied()
        .find(|&id| region.is_none() || g.entry(id).region == region);
    in_region
        .or_else(|| candidates.first().copied())
        .ok_or_else(|| row.error(format!("unknown district {name:?} (not in districts.tsv)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = "# test\ncode\tname_fr\tname_en\taliases\tlat\tlon\n\
        ML\tMali\tMali\t\t17\t-4\n";
    const REGIONS: &str = "country\tregion\tformer_region\tcapital\taliases\tlat\tlon\tstatus\n\
        ML\tMopti\tMopti\tMopti\t\t14.5\t-4.2\tcurrent\n\
        ML\tBandiagara\tMopti\tBandiagara\t\t14.35\t-3.6\tcurrent\n";
    const DISTRICTS: &str = "country\tregion\tdistrict\tkind\taliases\tlat\tlon\n\
        ML\tBandiagara\tBankass\tcercle\t\t14.07\t-3.51\n";

    #[test]
    fn malformed_row_names_file_and_line() {
        let bad = "name\tcountry\tregion\tdistrict\tlat\tlon\taliases\tkind\tcommon_word\n\
                   Bankass\tML\tBandiagara\tBankass\tnorth\t-3.5\t\ttown\tno\n";
        let err = Gazetteer::from_tsv(COUNTRIES, REGIONS, DISTRICTS, bad).unwrap_err();
        assert_eq!(
            err.to_string(),
            "localities.tsv:2: `lat` is not a coordinate: \"north\""
        );
        let unknown = "name\tcountry\tregion\tdistrict\tlat\tlon\taliases\tkind\tcommon_word\n\
                       X\tML\tKidal\t\t1\t1\t\tvillage\tno\n";
        let err = Gazetteer::from_tsv(COUNTRIES, REGIONS, DISTRICTS, unknown).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("localities.tsv:2: unknown region"));
    }

    #[test]
    fn chains_resolve_through_district() {
        let loc = "name\tcountry\tregion\tdistrict\tlat\tlon\taliases\tkind\tcommon_word\n\
                   Ogossagou\tML\t\tBankass\t14.2\t-3.4\tOgossagou Peul\tvillage\tno\n";
        let g = Gazetteer::from_tsv(COUNTRIES, REGIONS, DISTRICTS, loc).unwrap();
        let id = g.lookup("OGOSSAGOU")[0];
        assert_eq!(g.region_name(id), Some("Bandiagara"));
        assert_eq!(g.district_name(id), Some("Bankass"));
        assert_eq!(&*g.former_regions(id)[0], "Mopti");
        assert_eq!(g.country_name(id), Some("Mali"));
        assert_eq!(g.successor_regions("mopti"), vec!["Mopti", "Bandiagara"]);
    }
}
