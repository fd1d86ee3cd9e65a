//! Extending the gazetteer with GeoNames files: per-country dumps (19 tab-separated columns, the
//! `XX.txt` files of the GeoNames export) and the `admin1Codes` / `admin2Codes` files (4 columns).
//!
//! GeoNames codes Mali's pre-2023 regions and Burkina Faso's 13 regions; a place gets the current
//! region through its admin2 unit (cercle, province, department) when that unit is in the built-in
//! districts, else the successor region whose district seat is nearest. Only populated places
//! (class P), localities (`L.LCTY`), wells, camps, admin units and the natural features and
//! sites reports locate events at (wadis, ponds, hills, forests, mines: used only for names no
//! place has) are kept, and only Latin-script spellings of
//! three letters or more that are not ordinary words, to keep memory and false matches down
//! (three-letter names are used only after a strong place cue).
//!
//! A place's `importance` (which breaks ties between namesakes) comes from its feature code (the
//! capital, admin seats), its population, and whether it lies within 25 km of a built-in locality
//! (the places that recur in security reporting).

use std::collections::HashMap;
use std::path::Path;

use super::{distance_km, name_key, Entry, EntryId, Gazetteer, PlaceKind, Source};
use crate::{Error, Result};

enum FileKind {
    Dump,
    Admin1,
    Admin2,
}

fn detect_kind(path: &Path, text: &str) -> Result<FileKind> {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let columns = first.split('\t').count();
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match columns {
        19 => Ok(FileKind::Dump),
        4 => {
            let dots = first.split('\t').next().unwrap_or("").matches('.').count();
            if file_name.contains("admin2") || dots == 2 {
                Ok(FileKind::Admin2)
            } else if file_name.contains("admin1") || dots == 1 {
                Ok(FileKind::Admin1)
            } else {
                Err(Error::UnknownFormat {
                    path: path.to_path_buf(),
                    reason: "4 columns but the first code is neither CC.A1 nor CC.A1.A2".into(),
                })
            }
        }
        n => Err(Error::UnknownFormat {
            path: path.to_path_buf(),
            reason: format!("first line has {n} columns (dumps have 19, admin code files 4)"),
        }),
    }
}

/// Words GeoNames uses as place names that are also ordinary French or English words: a place
/// named so is only found through its other spellings.
const ORDINARY_WORDS: &[&str] = &[
    "about",
    "after",
    "against",
    "also",
    "among",
    "area",
    "army",
    "around",
    "attack",
    "attacked",
    "back",
    "base",
    "been",
    "before",
    "between",
    "border",
    "both",
    "camp",
    "cattle",
    "central",
    "centre",
    "city",
    "civilians",
    "clash",
    "coded",
    "commune",
    "convoy",
    "could",
    "county",
    "dans",
    "dead",
    "during",
    "east",
    "eastern",
    "elle",
    "entre",
    "est",
    "even",
    "fighters",
    "five",
    "forces",
    "four",
    "from",
    "gold",
    "group",
    "groupe",
    "have",
    "heure",
    "into",
    "island",
    "killed",
    "kilometres",
    "lake",
    "landmine",
    "leur",
    "local",
    "lors",
    "mali",
    "market",
    "mine",
    "mines",
    "more",
    "near",
    "nord",
    "north",
    "northern",
    "nous",
    "only",
    "other",
    "over",
    "peace",
    "plus",
    "police",
    "port",
    "post",
    "pour",
    "region",
    "river",
    "road",
    "route",
    "sans",
    "sous",
    "south",
    "southern",
    "station",
    "still",
    "suite",
    "such",
    "sur",
    "tout",
    "town",
    "unknown",
    "vers",
    "village",
    "ville",
    "well",
    "were",
    "west",
    "western",
    "when",
    "where",
    "while",
    "with",
    "wounded",
    "zone",
    "islamic",
    "state",
    "fulani",
    "peul",
    "peulh",
    "dogon",
    "bambara",
    "mossi",
    "tuareg",
    "touareg",
    "arab",
    "arabe",
    "songhai",
    "bozo",
    "haoussa",
    "hausa",
    "djerma",
    "zarma",
    "koglweogo",
    "gourmantche",
    "foulse",
    "dawsahak",
    "daoussahak",
    "doussahak",
    "imghad",
    "idnan",
    "ifoghas",
    "peuls",
    "fulbe",
    "dozo",
    "donso",
    "wagner",
    "barkhane",
    "minusma",
    "jnim",
    "gsim",
    "aqim",
    "aqmi",
    "mnla",
    "ansar",
    "ansarul",
    "islam",
    "boko",
    "haram",
    "iswap",
    "isgs",
    "eigs",
    "french",
    "france",
    "malian",
    "niger",
    "nigerien",
    "burkina",
    "burkinabe",
    "chad",
    "chadian",
    "militia",
    "militias",
    "soldiers",
    "gendarmerie",
    "gendarmes",
    "unidentified",
    "armed",
    "gunmen",
    "men",
    "women",
    "people",
    "prefect",
    "mayor",
    "chief",
    "imam",
    "school",
    "health",
    "centre",
    "coalition",
    "operation",
    "national",
    "guard",
    "garde",
    "nationale",
    "mission",
];

/// Whether a matching key is an ordinary word GeoNames also uses as a place name: one of
/// [`ORDINARY_WORDS`], or a month or weekday name ([`crate::calendar`]; not an abbreviation, and
/// not "mai"/"may": May is a village of the GeoNames dumps, found by that name).
pub(super) fn is_ordinary(key: &str) -> bool {
    ORDINARY_WORDS.contains(&key)
        || crate::calendar::lookup(key)
            .is_some_and(|w| !w.abbreviation && !matches!(key, "mai" | "may"))
}

/// A GeoNames spelling worth indexing: Latin script, at least three letters, no digits, not an
/// ordinary word.
fn usable_spelling(s: &str) -> bool {
    let key = name_key(s);
    key.len() >= 3
        && key.chars().all(|c| c.is_ascii_lowercase())
        && !is_ordinary(&key)
        && s.chars().all(|c| {
            c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c))
                || " -'’.".contains(c)
        })
}

/// Strips the admin-unit words GeoNames puts around a name ("Cercle de X", "X Cercle",
/// "Province du X", "Département de X", "Mopti Region").
fn bare_admin_name(name: &str) -> String {
    let folded = sahel_text::fold(name).replace('’', "'");
    let mut s = folded.as_str();
    for prefix in [
        "cercle de ",
        "cercle d'",
        "province du ",
        "province de la ",
        "province de l'",
        "province des ",
        "province de ",
        "departement de ",
        "departement d'",
        "departement du ",
        "region de ",
        "region du ",
        "region des ",
        "region de l'",
        "ville de ",
        "commune de ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    for suffix in [
        " cercle",
        " province",
        " region",
        " department",
        " departement",
    ] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
            break;
        }
    }
    name_key(s)
}

struct Context {
    /// "ML.04" → admin1 name.
    admin1: HashMap<String, String>,
    /// "ML.04.7701484" → admin2 name.
    admin2: HashMap<String, String>,
}

pub(super) fn load<P: AsRef<Path>>(g: &mut Gazetteer, paths: &[P]) -> Result<()> {
    let mut texts = Vec::new();
    for p in paths {
        let path = p.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let kind = detect_kind(path, &text)?;
        texts.push((path.to_path_buf(), kind, text));
    }
    let mut ctx = Context {
        admin1: HashMap::new(),
        admin2: HashMap::new(),
    };
    for (path, kind, text) in &texts {
        let map = match kind {
            FileKind::Admin1 => &mut ctx.admin1,
            FileKind::Admin2 => &mut ctx.admin2,
            FileKind::Dump => continue,
        };
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != 4 || cells[0].is_empty() {
                return Err(malformed(
                    path,
                    i + 1,
                    format!("{} columns, expected 4", cells.len()),
                ));
            }
            map.insert(cells[0].to_string(), cells[1].to_string());
        }
    }
    for (path, kind, text) in &texts {
        if matches!(kind, FileKind::Dump) {
            load_dump(g, &mut ctx, path, text)?;
        }
    }
    Ok(())
}

fn malformed(path: &Path, line: usize, message: String) -> Error {
    Error::Malformed {
        file: path.display().to_string(),
        line,
        message,
    }
}

struct Row<'a> {
    name: &'a str,
    ascii: &'a str,
    alternates: &'a str,
    lat: f64,
    lon: f64,
    class: &'a str,
    code: &'a str,
    country: &'a str,
    admin1: &'a str,
    admin2: &'a str,
    population: u64,
}

fn parse_row<'a>(path: &Path, line_no: usize, line: &'a str) -> Result<Row<'a>> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() != 19 {
        return Err(malformed(
            path,
            line_no,
            format!("{} columns, expected 19", c.len()),
        ));
    }
    let coord = |i: usize, what: &str| -> Result<f64> {
        c[i].trim()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && x.abs() <= 180.0)
            .ok_or_else(|| malformed(path, line_no, format!("{what} is not a number: {:?}", c[i])))
    };
    Ok(Row {
        name: c[1],
        ascii: c[2],
        alternates: c[3],
        lat: coord(4, "latitude")?,
        lon: coord(5, "longitude")?,
        class: c[6],
        code: c[7],
        country: c[8],
        admin1: c[10],
        admin2: c[11],
        population: c[14].trim().parse().unwrap_or(0),
    })
}

fn load_dump(g: &mut Gazetteer, ctx: &mut Context, path: &Path, text: &str) -> Result<()> {
    let rows = parse_dump(ctx, path, text)?;
    let reported = ReportedAreas::new(g);
    let mut countries: HashMap<&str, Option<EntryId>> = HashMap::new();
    let mut resolver = RegionResolver::new(g);
    let placed = place_in_districts(g, ctx, &rows, &mut countries, &mut resolver);
    for (i, row) in rows.iter().enumerate() {
        let Some(country) = countries.get(row.country).copied().flatten() else {
            continue;
        };
        if !kept_row(row) {
            continue;
        }
        let names = spellings_of_row(row);
        if names.is_empty() {
            continue;
        }
        let (region, district) = match placed[i] {
            Some(p) => p,
            None => (resolver.region_by_proximity(g, ctx, country, row), None),
        };
        add_row(g, row, names, (country, region, district), &reported);
    }
    Ok(())
}

/// The rows of a dump, in one parse; the admin units it names fill the gaps of the admin code
/// files.
fn parse_dump<'t>(ctx: &mut Context, path: &Path, text: &'t str) -> Result<Vec<Row<'t>>> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row = parse_row(path, i + 1, line)?;
        if row.class == "A" {
            match row.code {
                "ADM1" => {
                    ctx.admin1
                        .entry(format!("{}.{}", row.country, row.admin1))
                        .or_insert_with(|| row.name.to_string());
                }
                "ADM2" => {
                    ctx.admin2
                        .entry(format!("{}.{}.{}", row.country, row.admin1, row.admin2))
                        .or_insert_with(|| row.name.to_string());
                }
                _ => {}
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// The (region, district) of each row whose admin2 unit is a built-in district, placed first:
/// they are reference points for the rows of the same admin1 that have no usable admin2. Fills
/// `countries` with the country entry of each row's code.
fn place_in_districts<'t>(
    g: &Gazetteer,
    ctx: &Context,
    rows: &[Row<'t>],
    countries: &mut HashMap<&'t str, Option<EntryId>>,
    resolver: &mut RegionResolver,
) -> Vec<Option<(Option<EntryId>, Option<EntryId>)>> {
    let mut placed: Vec<Option<(Option<EntryId>, Option<EntryId>)>> = vec![None; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        let Some(country) = *countries
            .entry(row.country)
            .or_insert_with(|| g.country_by_code(row.country))
        else {
            continue;
        };
        if !kept_row(row) {
            continue;
        }
        if let Some(d) = resolver.district(g, ctx, country, row) {
            let region = g.entry(d).region;
            placed[i] = Some((region, Some(d)));
            if let Some(r) = region {
                resolver.add_point(row, r);
            }
        }
    }
    placed
}

/// One kept row into the gazetteer: the spellings of the built-in unit or locality it is, else
/// a GeoNames locality of its own.
fn add_row(
    g: &mut Gazetteer,
    row: &Row<'_>,
    names: Vec<Box<str>>,
    (country, region, district): (EntryId, Option<EntryId>, Option<EntryId>),
    reported: &ReportedAreas,
) {
    // Third-level units (communes, departments) are places of their own: their seat.
    let is_admin = row.class == "A" && row.code != "ADM3";
    if is_admin {
        // Admin units extend the spellings of the built-in region / district they are.
        let target = if row.code == "ADM1" { region } else { district };
        if let Some(id) = target {
            for n in &names {
                g.add_spelling(id, &strip_admin_words(n));
            }
        }
        return;
    }
    if let Some(id) = builtin_twin(g, country, &names, row.lat, row.lon) {
        for n in &names {
            g.add_spelling(id, n);
        }
        return;
    }
    let importance = match row.code {
        "PPLC" => 5,
        "PPLA" => 4,
        "PPLA2" => 3,
        "PPLA3" | "ADM3" => 2,
        code if is_minor_feature(code) => 0,
        _ => 1,
    } + u8::from(row.population >= 10_000)
        + 2 * u8::from(reported.near(row.lat, row.lon));
    let code = row.country.as_bytes();
    let entry = Entry {
        kind: PlaceKind::Locality,
        name: names[0].clone(),
        spellings: names,
        country_code: [code[0], code[1]],
        country: Some(country),
        region,
        district,
        lat: row.lat,
        lon: row.lon,
        former_regions: Vec::new(),
        former_seat: false,
        common_word: false,
        importance,
        source: Source::GeoNames,
        detail: row.code.into(),
    };
    g.push_entry(entry);
}

/// Rows worth keeping: populated places (class P), localities (`L.LCTY`), wells, camps
/// (`S.CMP`: herders' and displaced people's camps) and first- and
/// second-level admin units.
fn kept_row(row: &Row<'_>) -> bool {
    row.class == "P"
        || (row.class == "L" && row.code == "LCTY")
        || (row.class == "H" && matches!(row.code, "WLL" | "WLLS"))
        || (row.class == "S" && row.code == "CMP")
        || (row.class == "A" && matches!(row.code, "ADM1" | "ADM2" | "ADM3"))
        || is_minor_feature(row.code)
}

/// Natural features and sites reports locate events at when no village is near (a wadi, a
/// pond, a hill, a forest, a mine, ruins): kept, with the lowest importance, and used for a name
/// only when no populated place, locality, well, camp or built-in place has it
/// ([`super::Entry::is_minor`]).
pub(super) fn is_minor_feature(code: &str) -> bool {
    matches!(
        code,
        "WAD"
            | "WADS"
            | "STMI"
            | "WTRH"
            | "PND"
            | "PNDI"
            | "PNDS"
            | "LK"
            | "LKI"
            | "MRSH"
            | "WLLQ"
            | "SPNG"
            | "OAS"
            | "HLL"
            | "HLLS"
            | "DUNE"
            | "MT"
            | "DPR"
            | "SCRP"
            | "RDGE"
            | "MESA"
            | "PASS"
            | "VAL"
            | "BUTE"
            | "SCRB"
            | "FRST"
            | "GRSLD"
            | "RUIN"
            | "MN"
            | "MNAU"
            | "MNQ"
            | "AIRF"
            | "AREA"
            | "RESF"
    )
}

/// "Mopti Region" → "Mopti", "Cercle de Bourem" → "Bourem" (as a spelling to add).
fn strip_admin_words(name: &str) -> String {
    let mut s = name.trim();
    for prefix in [
        "Cercle de ",
        "Cercle d'",
        "Cercle d’",
        "Province du ",
        "Province de la ",
        "Province de l'",
        "Province des ",
        "Province de ",
        "Département de ",
        "Département d'",
        "Département du ",
        "Région de ",
        "Région du ",
        "Ville de ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    for suffix in [" Cercle", " Province", " Region", " Department"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
            break;
        }
    }
    s.to_string()
}

fn spellings_of_row(row: &Row<'_>) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let candidates = [row.name, row.ascii]
        .into_iter()
        .chain(row.alternates.split(','));
    for s in candidates {
        let s = s.trim();
        if s.is_empty() || !usable_spelling(s) {
            continue;
        }
        let key = name_key(s);
        if keys.contains(&key) {
            continue;
        }
        keys.push(key);
        out.push(s.into());
    }
    out
}

/// A built-in locality of the same country with one of these spellings within 25 km.
fn builtin_twin(
    g: &Gazetteer,
    country: EntryId,
    names: &[Box<str>],
    lat: f64,
    lon: f64,
) -> Option<EntryId> {
    names.iter().find_map(|n| {
        g.lookup(n).iter().copied().find(|&id| {
            let e = g.entry(id);
            e.source == Source::Builtin
                && e.kind == PlaceKind::Locality
                && e.country == Some(country)
                && distance_km(e.lat, e.lon, lat, lon) <= 25.0
        })
    })
}

/// A GeoNames place closer than this to a built-in locality lies in an area security reports
/// name.
const REPORTED_AREA_KM: f64 = 25.0;

/// The areas around the built-in localities (the places that recur in security reporting): a
/// village there ranks above a namesake elsewhere (more `importance`), since a report about
/// violence more likely names the one among places where violence is reported.
struct ReportedAreas {
    grid: HashMap<(i32, i32), Vec<(f64, f64)>>,
}

impl ReportedAreas {
    fn new(g: &Gazetteer) -> Self {
        let mut grid: HashMap<(i32, i32), Vec<(f64, f64)>> = HashMap::new();
        for (_, e) in g.entries() {
            if e.source == Source::Builtin
                && e.kind == PlaceKind::Locality
                && e.lat.is_finite()
                && e.lon.is_finite()
            {
                grid.entry(cell_of(e.lat, e.lon))
                    .or_default()
                    .push((e.lat, e.lon));
            }
        }
        ReportedAreas { grid }
    }

    /// Whether a built-in locality lies within [`REPORTED_AREA_KM`] (cells are 0.25°, at least
    /// 25 km wide south of 25° N, where every place of the three countries lies).
    fn near(&self, lat: f64, lon: f64) -> bool {
        let (ci, cj) = cell_of(lat, lon);
        let reach = (REPORTED_AREA_KM / 25.0).ceil() as i32;
        (-reach..=reach).any(|di| {
            (-reach..=reach).any(|dj| {
                self.grid.get(&(ci + di, cj + dj)).is_some_and(|points| {
                    points
                        .iter()
                        .any(|&(a, b)| distance_km(a, b, lat, lon) < REPORTED_AREA_KM)
                })
            })
        })
    }
}

/// Size of the cells of the proximity grid, in degrees.
const CELL: f64 = 0.25;

fn cell_of(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / CELL).floor() as i32, (lon / CELL).floor() as i32)
}

/// A reference point for the proximity rule: latitude, longitude, current region.
type RefPoint = (f64, f64, EntryId);

/// Maps GeoNames admin codes to built-in regions and districts (cached per code). A place whose
/// admin2 unit is not a built-in district gets the region of the nearest reference point among
/// the successors of its admin1 region: built-in localities, district seats and region capitals,
/// and the dump's own places whose admin2 resolved.
struct RegionResolver {
    successors: HashMap<String, Vec<EntryId>>,
    districts: HashMap<String, Option<EntryId>>,
    /// Reference points by grid cell: (lat, lon, current region).
    grid: HashMap<(i32, i32), Vec<RefPoint>>,
    /// Every reference point (fallback when the neighbourhood of a place is empty).
    points: Vec<RefPoint>,
}

impl RegionResolver {
    fn new(g: &Gazetteer) -> Self {
        let mut r = RegionResolver {
            successors: HashMap::new(),
            districts: HashMap::new(),
            grid: HashMap::new(),
            points: Vec::new(),
        };
        for (_, e) in g.entries() {
            if e.source != Source::Builtin || !e.lat.is_finite() || !e.lon.is_finite() {
                continue;
            }
            if e.kind == PlaceKind::Region && is_former_entry(e) {
                continue;
            }
            if let (PlaceKind::Locality | PlaceKind::District | PlaceKind::Region, Some(region)) =
                (e.kind, e.region)
            {
                r.push_point(e.lat, e.lon, region);
            }
        }
        r
    }

    fn push_point(&mut self, lat: f64, lon: f64, region: EntryId) {
        self.grid
            .entry(cell_of(lat, lon))
            .or_default()
            .push((lat, lon, region));
        self.points.push((lat, lon, region));
    }

    fn add_point(&mut self, row: &Row<'_>, region: EntryId) {
        self.push_point(row.lat, row.lon, region);
    }

    /// The current regions the row's admin1 code stands for (several for a pre-reform region).
    fn successors_of(
        &mut self,
        g: &Gazetteer,
        ctx: &Context,
        country: EntryId,
        row: &Row<'_>,
    ) -> Vec<EntryId> {
        let a1 = format!("{}.{}", row.country, row.admin1);
        self.successors
            .entry(a1)
            .or_insert_with_key(|a1| match ctx.admin1.get(a1) {
                Some(name) => {
                    let key = bare_admin_name(name);
                    let current: Vec<EntryId> = g
                        .successors_by_key(country, &key)
                        .into_iter()
                        .filter(|&id| !is_former(g, id))
                        .collect();
                    if current.is_empty() {
                        g.regions_named(country, &key)
                    } else {
                        current
                    }
                }
                None => Vec::new(),
            })
            .clone()
    }

    /// The built-in district the row's admin2 code names, if any (within the admin1's successors).
    fn district(
        &mut self,
        g: &Gazetteer,
        ctx: &Context,
        country: EntryId,
        row: &Row<'_>,
    ) -> Option<EntryId> {
        if row.admin2.is_empty() {
            return None;
        }
        let a2 = format!("{}.{}.{}", row.country, row.admin1, row.admin2);
        if let Some(&d) = self.districts.get(&a2) {
            return d;
        }
        let successors = self.successors_of(g, ctx, country, row);
        let d = ctx.admin2.get(&a2).and_then(|name| {
            let key = bare_admin_name(name);
            g.lookup_key(&key).iter().copied().find(|&id| {
                let e = g.entry(id);
                e.kind == PlaceKind::District
                    && e.country == Some(country)
                    && (successors.is_empty() || e.region.is_some_and(|r| successors.contains(&r)))
            })
        });
        self.districts.insert(a2, d);
        d
    }

    /// The region of a row without a usable admin2: its admin1's only successor, else the region
    /// of the nearest reference point among the successors (or the whole country).
    fn region_by_proximity(
        &mut self,
        g: &Gazetteer,
        ctx: &Context,
        country: EntryId,
        row: &Row<'_>,
    ) -> Option<EntryId> {
        let successors = self.successors_of(g, ctx, country, row);
        if successors.len() == 1 {
            return Some(successors[0]);
        }
        let allowed = |r: EntryId| {
            if successors.is_empty() {
                g.entry(r).country == Some(country)
            } else {
                successors.contains(&r)
            }
        };
        let near = |p: &(f64, f64, EntryId)| {
            let dlat = p.0 - row.lat;
            let dlon = (p.1 - row.lon) * row.lat.to_radians().cos();
            dlat * dlat + dlon * dlon
        };
        let (ci, cj) = cell_of(row.lat, row.lon);
        let mut best: Option<(f64, EntryId)> = None;
        for di in -2..=2 {
            for dj in -2..=2 {
                for p in self.grid.get(&(ci + di, cj + dj)).into_iter().flatten() {
                    if allowed(p.2) {
                        let d = near(p);
                        if best.is_none_or(|(b, _)| d < b) {
                            best = Some((d, p.2));
                        }
                    }
                }
            }
        }
        // Only trust the neighbourhood when the best point is closer than the searched radius.
        if let Some((d, r)) = best {
            if d.sqrt() <= 2.0 * CELL {
                return Some(r);
            }
        }
        self.points
            .iter()
            .filter(|p| allowed(p.2))
            .map(|p| (near(p), p.2))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, r)| r)
    }
}

fn is_former_entry(e: &Entry) -> bool {
    e.kind == PlaceKind::Region && e.detail.eq_ignore_ascii_case("former")
}

fn is_former(g: &Gazetteer, id: EntryId) -> bool {
    is_former_entry(g.entry(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_names_lose_their_unit_words() {
        assert_eq!(bare_admin_name("Cercle de Bourem"), "bourem");
        assert_eq!(bare_admin_name("Mopti Cercle"), "mopti");
        assert_eq!(bare_admin_name("Province du Soum"), "soum");
        assert_eq!(bare_admin_name("Département de Tânout"), "tanout");
        assert_eq!(bare_admin_name("Cercle d’Abeïbara"), "abeibara");
        assert_eq!(bare_admin_name("Ségou"), "segou");
    }

    #[test]
    fn only_latin_spellings_of_three_letters_are_kept() {
        assert!(usable_spelling("Tillabéri"));
        assert!(usable_spelling("Birni N'Gaouré"));
        assert!(!usable_spelling("Тилабери"));
        assert!(usable_spelling("Gao"));
        assert!(!usable_spelling("Ba"));
        assert!(!usable_spelling("North"));
        assert!(!usable_spelling("Commune 3"));
    }
}
