//! The built-in gazetteer: loading, spellings, region chains, query helpers.

use sahel_facets::gazetteer::{Gazetteer, PlaceKind};

fn builtin() -> Gazetteer {
    match Gazetteer::builtin() {
        Ok(g) => g,
        Err(e) => panic!("built-in gazetteer: {e}"),
    }
}

fn region_of(g: &Gazetteer, name: &str) -> Vec<String> {
    g.lookup(name)
        .iter()
        .filter(|&&id| g.entry(id).kind == PlaceKind::Locality)
        .filter_map(|&id| g.region_name(id).map(str::to_string))
        .collect()
}

#[test]
fn builtin_gazetteer_loads_with_its_levels() {
    let g = builtin();
    let count = |k| g.entries().filter(|(_, e)| e.kind == k).count();
    assert!(count(PlaceKind::Country) >= 13, "countries");
    assert!(count(PlaceKind::Region) >= 8 + 19 + 8, "regions");
    assert!(count(PlaceKind::District) >= 100, "districts");
    assert!(count(PlaceKind::Locality) >= 300, "localities");
}

#[test]
fn spellings_from_issue_resolve_to_the_same_place() {
    let g = builtin();
    let groups: &[&[&str]] = &[
        &[
            "Tinzaouatène",
            "Tinzaoutene",
            "Tin-Zaouatene",
            "Tinzawaten",
            "Tin Zaouatène",
        ],
        &["Aguelhok", "Aguelhoc", "Aguel'hoc", "AGUELHOK"],
        &["Tombouctou", "Timbuktu"],
        &["Boulkessi", "Boulikessi"],
        &["Andéramboukane", "Anderamboukane"],
    ];
    for group in groups {
        let first = region_of(&g, group[0]);
        assert!(!first.is_empty(), "{} not found", group[0]);
        for spelling in &group[1..] {
            assert_eq!(region_of(&g, spelling), first, "{spelling} vs {}", group[0]);
        }
    }
}

#[test]
fn regions_know_their_former_region() {
    let g = builtin();
    let mut mopti = g.successor_regions("Mopti");
    mopti.sort();
    assert_eq!(mopti, vec!["Bandiagara", "Douentza", "Mopti"]);
    assert!(g
        .successor_regions("MENAKA")
        .contains(&"Ménaka".to_string()));
    assert!(g.successor_regions("Gao").contains(&"Ménaka".to_string()));
    assert!(g
        .successor_regions("Sahel")
        .contains(&"Liptako".to_string()));
    assert!(g.successor_regions("nowhere").is_empty());
}

#[test]
fn chains_go_up_to_country() {
    let g = builtin();
    let id = g.lookup("Léré")[0];
    assert_eq!(g.region_name(id), Some("Tombouctou"));
    assert_eq!(g.country_name(id), Some("Mali"));
    let djibo = g
        .lookup("Djibo")
        .iter()
        .copied()
        .find(|&i| g.entry(i).kind == PlaceKind::Locality)
        .unwrap_or_else(|| panic!("Djibo missing"));
    assert_eq!(g.region_name(djibo), Some("Soum"));
    assert_eq!(g.former_regions(djibo).first().map(|s| &**s), Some("Sahel"));
    assert_eq!(g.country_name(djibo), Some("Burkina Faso"));
}

#[test]
fn query_helpers() {
    let g = builtin();
    let names = g.all_names();
    assert!(names.iter().any(|n| n == "Tombouctou"));
    assert!(names.iter().any(|n| n == "Timbuktu"));
    let sp = g.spellings_of("timbuktu");
    assert!(sp.iter().any(|s| s == "Tombouctou"), "{sp:?}");
    assert!(g.spellings_of("ordinateur").is_empty());
}
