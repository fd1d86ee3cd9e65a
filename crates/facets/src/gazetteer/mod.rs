//! The gazetteer: countries, first-level regions (current names and the former region each came
//! from), second-level units (cercles, provinces, departments) and localities, each with its
//! spellings, coordinates and parents.
//!
//! Every name and alias is indexed by its *key*: [`sahel_text::fold`] with everything but letters
//! and digits removed, so `Tin-Zaouatene`, `Tinzaouatène` and `Tin Zaouatène` meet, as do
//! `Aguel'hoc` and `Aguelhoc`. [`Gazetteer::find_names`] walks the keys' trie (an Aho-Corasick
//! automaton searched anchored) from every word start of the same projection of a text and maps
//! matches back to byte offsets in the original.

mod builtin;
pub mod fuzzy;
mod geonames;
mod matcher;

use std::path::Path;

use serde::Serialize;

use crate::Result;

pub use matcher::NameMatch;

/// Index of an entry in the gazetteer.
pub type EntryId = u32;

/// The administrative level of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Region,
    District,
    Locality,
}

impl PlaceKind {
    /// Higher is more specific (country 0 … locality 3).
    pub fn specificity(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::Region => 1,
            PlaceKind::District => 2,
            PlaceKind::Locality => 3,
        }
    }
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The TSV files shipped in `data/gazetteer`.
    Builtin,
    /// A GeoNames dump loaded with `--gazetteer`.
    GeoNames,
}

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: PlaceKind,
    /// Official name (accented French form for the built-in entries).
    pub name: Box<str>,
    /// Every spelling, the name first.
    pub spellings: Vec<Box<str>>,
    /// ISO 3166 alpha-2 code of the country.
    pub country_code: [u8; 2],
    pub country: Option<EntryId>,
    /// The current first-level region (for a region: itself).
    pub region: Option<EntryId>,
    /// The second-level unit (for a district: itself).
    pub district: Option<EntryId>,
    pub lat: f64,
    pub lon: f64,
    /// Regions only: the region(s) this one was carved from (Mali 2023, Burkina Faso 2025 reforms).
    pub former_regions: Vec<Box<str>>,
    /// Regions only: its capital was also its former region's, so it stands for that former region
    /// when a text names it ("région du Sahel" → Liptako).
    pub former_seat: bool,
    /// The name is also an ordinary word: it needs a capital letter and a place cue.
    pub common_word: bool,
    /// Coarse prominence used to break ties (capitals and admin seats rank higher; GeoNames
    /// places near built-in localities too).
    pub importance: u8,
    pub source: Source,
    /// District/locality kind from the data (`cercle`, `province`, `town`, `village`, `PPLA2`, …).
    pub detail: Box<str>,
}

impl Entry {
    /// A GeoNames natural feature or site (wadi, hill, pond, mine...): a name's meaning only
    /// when no other entry has it.
    pub fn is_minor(&self) -> bool {
        self.source == Source::GeoNames && geonames::is_minor_feature(&self.detail)
    }

    /// The country code as text (`ML`).
    pub fn country_code(&self) -> &str {
        std::str::from_utf8(&self.country_code).unwrap_or("")
    }
}

/// The matching key of a name: folded, letters and digits only.
pub fn name_key(name: &str) -> String {
    sahel_text::fold(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The home area of a community or armed group (`data/gazetteer/areas.tsv`): a text naming it
/// points to places inside ([`Gazetteer::areas_named`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
    /// The countries the area lies in (ISO codes): a circle drawn around the inner Niger delta
    /// reaches into Burkina Faso, the Katiba Macina's home does not.
    pub countries: Vec<[u8; 2]>,
    /// The region of the three countries every built-in locality inside the area lies in, when
    /// they all lie in one (the Lake Chad basin in Niger: Diffa; not the Dogon country, across
    /// three regions of Mali): a place of the area the gazetteer does not
    /// know lies in it.
    pub region: Option<EntryId>,
}

impl Area {
    /// Whether the place lies inside the area: within its radius, in one of its countries.
    pub fn contains(&self, e: &Entry) -> bool {
        self.countries.contains(&e.country_code)
            && distance_km(self.lat, self.lon, e.lat, e.lon) <= self.radius_km
    }
}

/// The gazetteer: entries, their names, and the automaton that finds them in text.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// key → slot in `slots` (and pattern id in `matcher`).
    keys: fuzzy::KeyMap<u32>,
    slots: Vec<Vec<EntryId>>,
    /// The region entries (current and former), in id order.
    regions: Vec<EntryId>,
    matcher: Option<matcher::Automaton>,
    /// (entry, slot) of the spellings GeoNames lent built-in entries: a built-in place named by
    /// one of them is no more likely than a GeoNames place of that name.
    borrowed: std::collections::HashSet<(EntryId, u32)>,
    /// Keys by skeleton, for names not found as written ([`Gazetteer::fuzzy_lookup`]).
    skeletons: fuzzy::SkeletonIndex,
    /// The built-in keys by deletion neighbourhood (misspellings of built-in names).
    edits: fuzzy::EditIndex,
    /// Home areas of communities and armed groups, and the automaton of their cue words (pattern
    /// → area).
    areas: Vec<Area>,
    area_cues: Option<aho_corasick::AhoCorasick>,
    area_of_cue: Vec<usize>,
}

impl Gazetteer {
    /// The gazetteer shipped with the program.
    pub fn builtin() -> Result<Self> {
        let mut gazetteer = Self::empty();
        builtin::load_builtin(&mut gazetteer)?;
        gazetteer.build_matcher()?;
        Ok(gazetteer)
    }

    /// A gazetteer from TSV texts in the format of `data/gazetteer/*.tsv` (tests, custom data).
    pub fn from_tsv(
        countries: &str,
        regions: &str,
        districts: &str,
        localities: &str,
    ) -> Result<Self> {
        let mut gazetteer = Self::empty();
        builtin::load_sources(
            &mut gazetteer,
            &builtin::Sources {
                countries: ("countries.tsv", countries),
                regions: ("regions.tsv", regions),
                districts: ("districts.tsv", districts),
                localities: ("localities.tsv", localities),
            },
        )?;
        gazetteer.build_matcher()?;
        Ok(gazetteer)
    }

    /// Extends the gazetteer with GeoNames files: country dumps (19 columns) and the
    /// `admin1Codes`/`admin2Codes` files (4 columns). Admin code files are read first whatever the
    /// order given, so the dumps' admin codes map to regions and districts.
    pub fn load_geonames<P: AsRef<Path>>(&mut self, paths: &[P]) -> Result<()> {
        geonames::load(self, paths)?;
        self.build_matcher()
    }

    fn empty() -> Self {
        Gazetteer {
            entries: Vec::new(),
            keys: fuzzy::KeyMap::default(),
            slots: Vec::new(),
            regions: Vec::new(),
            matcher: None,
            borrowed: std::collections::HashSet::new(),
            skeletons: fuzzy::SkeletonIndex::default(),
            edits: fuzzy::EditIndex::default(),
            areas: Vec::new(),
            area_cues: None,
            area_of_cue: Vec::new(),
        }
    }

    /// Adds home areas, each with its cue words (lowercase ASCII words separated by spaces).
    pub(crate) fn set_areas(&mut self, areas: Vec<(Area, Vec<String>)>) -> Result<()> {
        let mut patterns: Vec<String> = Vec::new();
        self.areas.clear();
        self.area_of_cue.clear();
        for (i, (mut area, cues)) in areas.into_iter().enumerate() {
            area.region = self.single_region_inside(&area);
            self.areas.push(area);
            for c in cues {
                patterns.push(c);
                self.area_of_cue.push(i);
            }
        }
        self.area_cues = if patterns.is_empty() {
            None
        } else {
            Some(
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(|e| crate::Error::Matcher(e.to_string()))?,
            )
        };
        Ok(())
    }

    /// The one current region of the built-in localities inside `area` (those of other countries,
    /// without a region, not counted), if they lie in one.
    fn single_region_inside(&self, area: &Area) -> Option<EntryId> {
        let mut inside = self
            .entries
            .iter()
            .filter(|e| e.kind == PlaceKind::Locality && e.source == Source::Builtin)
            .filter(|e| area.contains(e))
            .filter_map(|e| e.region);
        let first = inside.next()?;
        inside.all(|r| r == first).then_some(first)
    }

    /// The home areas of the communities and groups a text names ("the Dogon village of Kassa",
    /// "la katiba Macina"), each once: their cue words as whole words, in any case, accents
    /// ignored, a hyphen or several spaces matching one space.
    pub fn areas_in(&self, text: &str) -> Vec<Area> {
        if self.area_cues.is_none() {
            return Vec::new();
        }
        self.areas_named(&crate::actors::match_key(text).0)
    }

    /// [`Gazetteer::areas_in`] on the text's folded key (lowercase, without accents, hyphens and
    /// runs of spaces as one space: `actors::match_key`).
    pub(crate) fn areas_named(&self, key: &str) -> Vec<Area> {
        let mut out: Vec<Area> = Vec::new();
        let Some(ac) = &self.area_cues else {
            return out;
        };
        let bytes = key.as_bytes();
        // Letters, digits and the bytes of non-ASCII characters continue a word.
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        for m in ac.find_iter(key) {
            let bounded = (m.start() == 0 || !word_byte(bytes[m.start() - 1]))
                && bytes.get(m.end()).is_none_or(|&b| !word_byte(b));
            if !bounded {
                continue;
            }
            if let Some(&a) = self.area_of_cue.get(m.pattern().as_usize()) {
                let area = self.areas[a].clone();
                if !out.contains(&area) {
                    out.push(area);
                }
            }
        }
        out
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the gazetteer has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// All entries, in id order.
    pub fn entries(&self) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i as EntryId, e))
    }

    /// The region entries (current regions and the former regions texts may name), in id order.
    pub fn region_entries(&self) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.regions.iter().map(|&id| (id, self.entry(id)))
    }

    /// Entries one of whose spellings has the same key as `name`.
    pub fn lookup(&self, name: &str) -> &[EntryId] {
        self.lookup_key(&name_key(name))
    }

    pub(crate) fn lookup_key(&self, key: &str) -> &[EntryId] {
        match self.keys.get(key) {
            Some(&slot) => &self.slots[slot as usize],
            None => &[],
        }
    }

    pub(crate) fn slot_entries(&self, slot: u32) -> &[EntryId] {
        &self.slots[slot as usize]
    }

    /// The name of the entry's current region.
    pub fn region_name(&self, id: EntryId) -> Option<&str> {
        self.entry(id).region.map(|r| &*self.entry(r).name)
    }

    /// The former region(s) of the entry's region.
    pub fn former_regions(&self, id: EntryId) -> &[Box<str>] {
        match self.entry(id).region {
            Some(r) => &self.entry(r).former_regions,
            None => &[],
        }
    }

    /// The French name of the entry's country.
    pub fn country_name(&self, id: EntryId) -> Option<&str> {
        self.entry(id).country.map(|c| &*self.entry(c).name)
    }

    /// The district name of the entry.
    pub fn district_name(&self, id: EntryId) -> Option<&str> {
        self.entry(id).district.map(|d| &*self.entry(d).name)
    }

    /// Current regions named `name` or carved from a former region named `name`, official names:
    /// `successor_regions("Mopti")` → Mopti, Bandiagara, Douentza. Empty when no region matches.
    pub fn successor_regions(&self, name: &str) -> Vec<String> {
        let key = name_key(name);
        let mut out: Vec<String> = Vec::new();
        for (_, entry) in self.region_entries() {
            let named = entry.spellings.iter().any(|s| name_key(s) == key);
            let carved = entry.former_regions.iter().any(|f| name_key(f) == key);
            if (named || carved) && !out.iter().any(|o| **o == *entry.name) {
                out.push(entry.name.to_string());
            }
        }
        out
    }

    /// Every spelling of every built-in entry (for the analyzers' protected words).
    pub fn all_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.source == Source::Builtin)
            .flat_map(|e| e.spellings.iter().map(|s| s.to_string()))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// All spellings of the entries a query word names (query expansion): `Timbuktu` →
    /// Tombouctou, Timbuktu, Tomboctou… Empty when the word names no place.
    pub fn spellings_of(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &id in self.lookup(name) {
            for s in &self.entry(id).spellings {
                if !out.iter().any(|o| **o == **s) {
                    out.push(s.to_string());
                }
            }
        }
        out
    }

    /// Entries a name the gazetteer does not hold as written may stand for (see [`fuzzy`]): those
    /// whose key has the skeleton of the name's key; failing that, for a name of
    /// [`fuzzy::EDIT_MIN_LEN`] letters or more, the built-in ones whose key is one edit away. Empty when
    /// neither gives anything; the flag tells the entries are one edit away.
    pub fn fuzzy_lookup(&self, name: &str) -> (Vec<EntryId>, bool) {
        self.fuzzy_lookup_key(&name_key(name))
    }

    /// [`Gazetteer::fuzzy_lookup`] of a matching key.
    pub(crate) fn fuzzy_lookup_key(&self, key: &str) -> (Vec<EntryId>, bool) {
        let ordinary =
            geonames::is_ordinary(key) || key.strip_suffix('s').is_some_and(geonames::is_ordinary);
        if !key.is_ascii() || key.len() < fuzzy::SKELETON_MIN_LEN || ordinary {
            return (Vec::new(), false);
        }
        fn add(out: &mut Vec<EntryId>, ids: &[EntryId]) {
            for &id in ids {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        let mut out: Vec<EntryId> = Vec::new();
        for &slot in self.skeletons.get(&fuzzy::skeleton(key)) {
            add(&mut out, &self.slots[slot as usize]);
        }
        if !out.is_empty() || key.len() < fuzzy::EDIT_MIN_LEN {
            return (out, false);
        }
        self.edits.lookup(key, |slot| {
            let builtin: Vec<EntryId> = self.slots[slot as usize]
                .iter()
                .copied()
                .filter(|&id| self.entry(id).source == Source::Builtin)
                .collect();
            add(&mut out, &builtin);
        });
        (out, true)
    }

    /// Finds every gazetteer name in `text`, on word boundaries, possibly overlapping.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        match &self.matcher {
            Some(a) => a.find(text, false),
            None => Vec::new(),
        }
    }

    /// [`Gazetteer::find_names`] restricted to matches whose first character is uppercase.
    pub(crate) fn find_capitalised_names(&self, text: &str) -> Vec<NameMatch> {
        match &self.matcher {
            Some(a) => a.find(text, true),
            None => Vec::new(),
        }
    }

    // ---- building ----

    pub(crate) fn push_entry(&mut self, entry: Entry) -> EntryId {
        let id = self.entries.len() as EntryId;
        let spellings = entry.spellings.clone();
        if entry.kind == PlaceKind::Region {
            self.regions.push(id);
        }
        self.entries.push(entry);
        for s in &spellings {
            self.index_name(id, s);
        }
        id
    }

    /// Indexes one more spelling for an entry (no-op for an empty key); its slot.
    pub(crate) fn index_name(&mut self, id: EntryId, name: &str) -> Option<u32> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        let slot = match self.keys.get(key.as_str()) {
            Some(&slot) => slot,
            None => {
                let slot = self.slots.len() as u32;
                self.slots.push(Vec::new());
                self.keys.insert(key.into_boxed_str(), slot);
                slot
            }
        };
        let ids = &mut self.slots[slot as usize];
        if !ids.contains(&id) {
            ids.push(id);
        }
        Some(slot)
    }

    /// Adds a spelling to an entry (and indexes it) unless it has one with the same key.
    pub(crate) fn add_spelling(&mut self, id: EntryId, name: &str) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let entry = &mut self.entries[id as usize];
        if entry.spellings.iter().any(|s| name_key(s) == key) {
            return;
        }
        entry.spellings.push(name.into());
        let lent = entry.source == Source::Builtin;
        if let Some(slot) = self.index_name(id, name) {
            if lent {
                self.borrowed.insert((id, slot));
            }
        }
    }

    /// Whether the spelling of this slot is the entry's name (not one of its other spellings).
    pub(crate) fn is_main_name(&self, id: EntryId, slot: u32) -> bool {
        self.keys.get(name_key(&self.entry(id).name).as_str()) == Some(&slot)
    }

    /// Whether the spelling of this slot was lent to this built-in entry by GeoNames.
    pub(crate) fn is_borrowed_spelling(&self, id: EntryId, slot: u32) -> bool {
        !self.borrowed.is_empty() && self.borrowed.contains(&(id, slot))
    }

    pub(crate) fn entry_mut(&mut self, id: EntryId) -> &mut Entry {
        &mut self.entries[id as usize]
    }

    fn build_matcher(&mut self) -> Result<()> {
        let mut patterns: Vec<(&str, u32)> = self.keys.iter().map(|(k, &s)| (&**k, s)).collect();
        patterns.sort_by_key(|&(_, s)| s);
        let keys = patterns.iter().map(|(k, _)| k.as_bytes());
        self.matcher = Some(matcher::Automaton::build(keys)?);
        self.skeletons = fuzzy::SkeletonIndex::build(patterns.iter().copied());
        let builtin = |slot: u32| {
            self.slots[slot as usize]
                .iter()
                .any(|&id| self.entries[id as usize].source == Source::Builtin)
        };
        self.edits =
            fuzzy::EditIndex::build(patterns.iter().copied().filter(|&(_, slot)| builtin(slot)));
        Ok(())
    }

    /// Country entry with this ISO code.
    pub fn country_by_code(&self, code: &str) -> Option<EntryId> {
        self.entries().find_map(|(id, e)| {
            (e.kind == PlaceKind::Country && e.country_code().eq_ignore_ascii_case(code))
                .then_some(id)
        })
    }

    /// Region entries of a country whose name or spelling has this key.
    pub(crate) fn regions_named(&self, country: EntryId, key: &str) -> Vec<EntryId> {
        self.lookup_key(key)
            .iter()
            .copied()
            .filter(|&id| {
                let e = self.entry(id);
                e.kind == PlaceKind::Region && e.country == Some(country)
            })
            .collect()
    }

    /// Current regions of a country carved from the former region with this key (or named so).
    pub(crate) fn successors_by_key(&self, country: EntryId, key: &str) -> Vec<EntryId> {
        self.region_entries()
            .filter(|(_, e)| e.country == Some(country))
            .filter(|(_, e)| {
                e.former_regions.iter().any(|f| name_key(f) == key)
                    || e.spellings.iter().any(|s| name_key(s) == key)
            })
            .map(|(id, _)| id)
            .collect()
    }
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_geonames_lends_are_told_from_own_ones() {
        let mut g = Gazetteer::builtin().unwrap_or_else(|e| panic!("{e}"));
        let boni = g
            .lookup("Boni")
            .iter()
            .copied()
            .find(|&id| g.entry(id).source == Source::Builtin)
            .unwrap_or_else(|| panic!("Boni"));
        g.add_spelling(boni, "Zorobani");
        let slot_of = |g: &Gazetteer, name: &str| g.keys.get(name_key(name).as_str()).copied();
        let lent = slot_of(&g, "Zorobani").unwrap_or_else(|| panic!("indexed"));
        let own = slot_of(&g, "Boni").unwrap_or_else(|| panic!("indexed"));
        assert!(g.is_borrowed_spelling(boni, lent));
        assert!(!g.is_borrowed_spelling(boni, own));
    }
}
