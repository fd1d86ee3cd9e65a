//! Query expansion and filter resolution through the gazetteer and the actor alias table:
//! `Timbuktu` also searches `Tombouctou`, `JNIM` also `GSIM`, a former Malian region selects its
//! successor regions.

use sahel_facets::actors::ActorTable;
use sahel_facets::Gazetteer;
use sahel_text::fold;

/// What kind of name a query word turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Place,
    Actor,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Place => "place",
            NameKind::Actor => "actor",
        }
    }
}

/// Knows names: other spellings of places, aliases of actors, successors of former regions.
pub trait NameExpander: Send + Sync {
    /// For a name as typed (any case or accents): what it is and every other form to search
    /// (not including the typed form itself). `None` when it is no known name.
    fn expand(&self, name: &str) -> Option<(NameKind, Vec<String>)>;
    /// The current regions a region name selects (itself if current, its successors if former).
    fn successor_regions(&self, region: &str) -> Vec<String>;
    /// Every name an actor filter value may be indexed under (canonical name and aliases).
    fn actor_names(&self, actor: &str) -> Vec<String>;
    /// Names of places and actors a word that names nothing may be a misspelling of
    /// (`Tilabery` → `Tillabéri`), for the typo-tolerant retry. Empty by default.
    fn near_names(&self, _word: &str) -> Vec<String> {
        Vec::new()
    }
    /// Every current region with its country, former names and capital.
    fn regions(&self) -> Vec<crate::api::RegionInfo> {
        Vec::new()
    }
    /// Every region name (current and former names, every spelling) with its country's name.
    fn region_countries(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// An expander that knows no names (tests, or an index without a gazetteer).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoExpansion;

impl NameExpander for NoExpansion {
    fn expand(&self, _name: &str) -> Option<(NameKind, Vec<String>)> {
        None
    }
    fn successor_regions(&self, _region: &str) -> Vec<String> {
        Vec::new()
    }
    fn actor_names(&self, _actor: &str) -> Vec<String> {
        Vec::new()
    }
}

/// The expander of the facets crate: built-in gazetteer and actor table.
pub struct FacetsExpander {
    gazetteer: Gazetteer,
    actors: ActorTable,
}

impl FacetsExpander {
    pub fn new(gazetteer: Gazetteer, actors: ActorTable) -> Self {
        FacetsExpander { gazetteer, actors }
    }

    /// The built-in gazetteer and actor table; `None` if they fail to load (then no expansion).
    pub fn builtin() -> Option<Self> {
        Some(Self::new(
            Gazetteer::builtin().ok()?,
            ActorTable::builtin().ok()?,
        ))
    }
}

fn others(typed: &str, forms: impl IntoIterator<Item = String>) -> Vec<String> {
    let key = fold(typed);
    let mut out: Vec<String> = Vec::new();
    for form in forms {
        let folded = fold(&form);
        if folded != key && !out.iter().any(|o| fold(o) == folded) {
            out.push(form);
        }
    }
    out
}

/// Most edits between a misspelt actor name and an alias it is corrected to.
const ACTOR_EDITS: usize = 1;
/// Shortest actor alias corrected towards (short acronyms are too close to each other).
const ACTOR_MIN_CHARS: usize = 5;

impl NameExpander for FacetsExpander {
    fn near_names(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let (ids, _) = self.gazetteer.fuzzy_lookup(word);
        for id in ids {
            let name = self.gazetteer.entry(id).name.to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
        let key = fold(word);
        if key.chars().count() >= ACTOR_MIN_CHARS {
            for actor in self.actors.actors() {
                let near = actor.aliases.iter().any(|alias| {
                    let alias = fold(alias);
                    alias.chars().count() >= ACTOR_MIN_CHARS
                        && strsim::levenshtein(&alias, &key) <= ACTOR_EDITS
                });
                if near && !out.contains(&actor.canonical) {
                    out.push(actor.canonical.clone());
                }
            }
        }
        out
    }

    fn expand(&self, name: &str) -> Option<(NameKind, Vec<String>)> {
        // "État islamique", "Daech": its provinces of the region, each under all its names.
        let provinces = self.actors.islamic_state_provinces(name);
        if !provinces.is_empty() {
            let mut forms: Vec<String> = provinces.iter().map(|p| p.to_string()).collect();
            for province in &provinces {
                if let Some(actor) = self.actors.actor(province) {
                    forms.extend(actor.aliases.iter().cloned());
                }
            }
            return Some((NameKind::Actor, others(name, forms)));
        }
        if let Some(canonical) = self.actors.canonical_of(name) {
            let canonical = canonical.to_string();
            let mut forms: Vec<String> = vec![canonical.clone()];
            // Names only: descriptive phrases (`generic_aliases`) would flood a query.
            if let Some(actor) = self.actors.actor(&canonical) {
                forms.extend(actor.aliases.iter().cloned());
            }
            // The actor it succeeded or that succeeded it (Wagner, Africa Corps): one force
            // under two names.
            for partner in sahel_facets::eras::partners(&canonical) {
                if let Some(actor) = self.actors.actor(partner) {
                    forms.push(actor.canonical.clone());
                    forms.extend(actor.aliases.iter().cloned());
                }
            }
            return Some((NameKind::Actor, others(name, forms)));
        }
        let spellings = self.gazetteer.spellings_of(name);
        if spellings.is_empty() {
            return None;
        }
        Some((NameKind::Place, others(name, spellings)))
    }

    fn successor_regions(&self, region: &str) -> Vec<String> {
        self.gazetteer.successor_regions(region)
    }

    fn regions(&self) -> Vec<crate::api::RegionInfo> {
        self.gazetteer
            .region_entries()
            // A former region no current one is named after has an entry of its own, at the
            // mean of its successors: a name texts may use, not a region of today.
            .filter(|(_, entry)| !entry.detail.eq_ignore_ascii_case("former"))
            .filter_map(|(id, entry)| {
                let country = self.gazetteer.country_name(id)?;
                Some(crate::api::RegionInfo {
                    name: entry.name.to_string(),
                    country: country.to_string(),
                    former: entry
                        .former_regions
                        .iter()
                        .filter(|former| **former != entry.name)
                        .map(|former| former.to_string())
                        .collect(),
                    lat: entry.lat,
                    lon: entry.lon,
                })
            })
            .collect()
    }

    fn region_countries(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (id, entry) in self.gazetteer.region_entries() {
            let Some(country) = self.gazetteer.country_name(id) else {
                continue;
            };
            for name in entry.spellings.iter().chain(&entry.former_regions) {
                out.push((name.to_string(), country.to_string()));
            }
        }
        out
    }

    fn actor_names(&self, actor: &str) -> Vec<String> {
        let provinces = self.actors.islamic_state_provinces(actor);
        if !provinces.is_empty() {
            return provinces.iter().flat_map(|p| self.actor_names(p)).collect();
        }
        let Some(canonical) = self.actors.canonical_of(actor) else {
            return Vec::new();
        };
        // The index stores canonical actor names; aliases too in case an index holds them.
        let mut names = vec![canonical.to_string()];
        if let Some(actor) = self.actors.actor(canonical) {
            names.extend(actor.aliases.iter().cloned());
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_is_searched_under_the_name_of_its_other_era() {
        let Some(expander) = FacetsExpander::builtin() else {
            panic!("built-in data");
        };
        let (kind, forms) = expander
            .expand("Wagner")
            .unwrap_or((NameKind::Place, vec![]));
        assert_eq!(kind, NameKind::Actor);
        assert!(forms.iter().any(|f| f == "Africa Corps"), "{forms:?}");
        let (_, forms) = expander.expand("FLA").unwrap_or((NameKind::Place, vec![]));
        assert!(forms.iter().any(|f| f == "CSP-DPA"), "{forms:?}");
        let (_, forms) = expander.expand("JNIM").unwrap_or((NameKind::Place, vec![]));
        assert!(!forms.iter().any(|f| f == "Africa Corps"), "{forms:?}");
    }

    #[test]
    fn the_islamic_state_unqualified_is_searched_as_its_provinces() {
        let Some(expander) = FacetsExpander::builtin() else {
            panic!("built-in data");
        };
        for typed in [
            "État islamique",
            "etat islamique",
            "Islamic State",
            "Daech",
            "EI",
        ] {
            let (kind, forms) = expander.expand(typed).unwrap_or((NameKind::Place, vec![]));
            assert_eq!(kind, NameKind::Actor, "{typed}");
            for name in ["EIGS", "ISWAP", "Islamic State Sahel Province"] {
                assert!(forms.iter().any(|f| f == name), "{typed}: {forms:?}");
            }
            let names = expander.actor_names(typed);
            assert!(names.iter().any(|n| n == "EIGS") && names.iter().any(|n| n == "ISWAP"));
        }
        // The English word "is" is no name.
        assert!(expander.expand("is").is_none());
    }
}
