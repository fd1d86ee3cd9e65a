//! Places in text: spellings, context disambiguation, roles, and the `extract` object.

use sahel_facets::gazetteer::Gazetteer;
use sahel_facets::places::{find_places, PlaceRole, ResolvedPlace};
use sahel_facets::{extract, DocMeta, Extractor};

fn builtin() -> Gazetteer {
    Gazetteer::builtin().unwrap_or_else(|e| panic!("{e}"))
}

fn find<'a>(places: &'a [ResolvedPlace], name: &str) -> Option<&'a ResolvedPlace> {
    places.iter().find(|p| p.name == name)
}

#[test]
fn issue_spellings_are_found_in_text() {
    let g = builtin();
    for (text, name) in [
        (
            "Des combats ont eu lieu à Tinzaoutene hier.",
            "Tinzaouatène",
        ),
        ("Fighting near Tin-Zaouatene on Friday.", "Tinzaouatène"),
        ("Le camp d'Aguel'hoc a été attaqué.", "Aguelhok"),
        ("Attack on the camp in Aguelhoc.", "Aguelhok"),
        ("Gunmen attacked a convoy near Timbuktu.", "Tombouctou"),
        ("Le camp de Boulikessi a été visé.", "Boulkessi"),
        ("Frappe dans le secteur d'Anderamboukane.", "Andéramboukane"),
    ] {
        let places = find_places(text, &g);
        assert!(
            find(&places, name).is_some(),
            "{name} in {text:?}: {places:?}"
        );
    }
}

#[test]
fn region_cue_gives_the_region_and_locative_the_town() {
    let g = builtin();
    let places = find_places("Des attaques dans la région de Gao.", &g);
    let gao = find(&places, "Gao").unwrap_or_else(|| panic!("{places:?}"));
    assert_eq!(gao.locality, None);
    assert_eq!(gao.region.as_deref(), Some("Gao"));
    let places = find_places("Une attaque à Gao.", &g);
    let gao = find(&places, "Gao").unwrap_or_else(|| panic!("{places:?}"));
    assert_eq!(gao.locality.as_deref(), Some("Gao"));
}

#[test]
fn common_words_need_capital_and_cue() {
    let g = builtin();
    // "Say" (Niger) and "Ber" (Mali) are towns and ordinary words.
    let places = find_places("They say the situation is calm.", &g);
    assert!(find(&places, "Say").is_none(), "{places:?}");
    let places = find_places("Des affrontements à Say, département de Say.", &g);
    assert!(find(&places, "Say").is_some(), "{places:?}");
    let places = find_places("Le nord du pays et l'Est restent instables.", &g);
    assert!(places.is_empty(), "{places:?}");
}

#[test]
fn generic_region_names_need_a_region_cue() {
    let g = builtin();
    let places = find_places("Les pays du Sahel et la zone des trois frontières.", &g);
    assert!(
        places.iter().all(|p| p.region.as_deref() != Some("Sahel")),
        "{places:?}"
    );
    let places = find_places("Une attaque dans la région du Sahel burkinabè.", &g);
    assert!(
        places
            .iter()
            .any(|p| p.former_region.as_deref() == Some("Sahel")),
        "{places:?}"
    );
}

#[test]
fn region_facets_use_current_names_with_the_former_region_beside() {
    let g = builtin();
    // A former Burkina Faso region split in 2025 stands for the successor holding its capital.
    for (text, region, former) in [
        (
            "Une attaque dans la région du Sahel burkinabè.",
            "Liptako",
            "Sahel",
        ),
        (
            "Des combats dans la région de l'Est, au Burkina Faso.",
            "Goulmou",
            "Est",
        ),
        (
            "Opération dans la région de la Boucle du Mouhoun.",
            "Bankui",
            "Boucle du Mouhoun",
        ),
        (
            "Attaque dans la région du Centre-Nord.",
            "Kuilsé",
            "Centre-Nord",
        ),
        ("Attaque à Djibo, province du Soum.", "Soum", "Sahel"),
    ] {
        let places = find_places(text, &g);
        assert!(
            places.iter().any(|p| p.region.as_deref() == Some(region)
                && p.former_region.as_deref() == Some(former)),
            "{text}: {places:?}"
        );
    }
    // Whatever the text names, a region facet is a current region.
    let current: Vec<String> = g
        .entries()
        .filter(|(_, e)| {
            e.kind == sahel_facets::gazetteer::PlaceKind::Region && &*e.detail != "former"
        })
        .map(|(_, e)| e.name.to_string())
        .collect();
    let text = "Attaques dans les régions du Sahel, de l'Est, du Nord, du Centre-Est, des Cascades, \
                de la Boucle du Mouhoun, des Hauts-Bassins, du Plateau-Central, du Sud-Ouest, \
                du Centre-Ouest, du Centre-Sud, du Centre et du Centre-Nord, et à Mopti, Gao, Ménaka.";
    let ex = sahel_facets::extract(
        text,
        &sahel_facets::DocMeta::default(),
        &sahel_facets::Extractor::builtin().unwrap(),
    );
    assert!(ex.regions.len() >= 10, "{:?}", ex.regions);
    for r in &ex.regions {
        assert!(
            current.contains(r),
            "{r} is no current region: {:?}",
            ex.regions
        );
    }
}

#[test]
fn a_country_capital_named_by_its_title_is_that_city() {
    let ex = Extractor::builtin().unwrap();
    for (text, region) in [
        (
            "Des manifestations ont eu lieu dans la capitale malienne.",
            "Bamako",
        ),
        (
            "Students rioted in the Nigerien capital on Monday.",
            "Niamey",
        ),
        (
            "Une marche a eu lieu dans la capitale du Burkina Faso.",
            "Kadiogo",
        ),
        (
            "Au Niger, des heurts ont éclaté dans la capitale.",
            "Niamey",
        ),
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        assert!(x.regions.iter().any(|r| r == region), "{text}: {x:?}");
    }
    // A regional or economic capital is no country capital; nor is a capital fund.
    for text in [
        "Au Burkina Faso, des heurts dans la capitale économique.",
        "In Mali, the regional capital was calm.",
        "Malian traders raised a capital fund.",
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        assert!(
            !x.places
                .iter()
                .any(|p| p.name == "Bamako" || p.name == "Ouagadougou"),
            "{text}: {x:?}"
        );
    }
}

#[test]
fn homonyms_follow_the_region_named_nearby() {
    let g = builtin();
    // Sangha exists in Mali (Bandiagara) and Burkina Faso: the context picks one.
    let ml = find_places("Attaque à Sangha, près de Bandiagara, au Mali.", &g);
    let bf = find_places(
        "Attaque à Sangha, province du Koulpélogo, Burkina Faso.",
        &g,
    );
    let ml_country = find(&ml, "Sangha").and_then(|p| p.country.clone());
    let bf_country = find(&bf, "Sangha").and_then(|p| p.country.clone());
    assert_eq!(ml_country.as_deref(), Some("Mali"), "{ml:?}");
    assert_eq!(bf_country.as_deref(), Some("Burkina Faso"), "{bf:?}");
}

/// A gazetteer with two villages whose names are ordinary words, so that they need a place cue
/// (as GeoNames-only names do): Youga (Burkina Faso) and Koulpadré (Burkina Faso).
fn cue_test_gazetteer() -> Gazetteer {
    Gazetteer::from_tsv(
        "code\tname_fr\tname_en\taliases\tlat\tlon\nBF\tBurkina Faso\tBurkina Faso\t\t12\t-1.5\n",
        "country\tregion\tformer_region\tcapital\taliases\tlat\tlon\tstatus\n\
         BF\tNakambé\tCentre-Est\tTenkodogo\t\t11.78\t-0.37\tcurrent\n\
         BF\tSoum\tSahel\tDjibo\t\t14.1\t-1.63\tcurrent\n",
        "country\tregion\tdistrict\tkind\taliases\tlat\tlon\n",
        "name\tcountry\tregion\tdistrict\tlat\tlon\taliases\tkind\tcommon_word\n\
         Youga\tBF\tNakambé\t\t11.07\t-0.45\t\tvillage\tyes\n\
         Koulpadré\tBF\tSoum\t\t14.2\t-1.5\tKoulopagare\tvillage\tyes\n",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_place_noun_after_a_name_is_a_place_cue() {
    let g = cue_test_gazetteer();
    for text in [
        "A guard at the Youga mine shot a miner.",
        "Miners clashed at the Youga gold mining site.",
        "Youga residents protested.",
    ] {
        let places = find_places(text, &g);
        assert!(find(&places, "Youga").is_some(), "{text:?}: {places:?}");
    }
    let places = find_places("Youga said nothing.", &g);
    assert!(find(&places, "Youga").is_none(), "{places:?}");
    // A capitalised word after the name makes it part of a person's name, unless it names a
    // community ("Naye Dogon", a village shared between communities).
    let places = find_places("Gunmen attacked the village of Youga Traoré.", &g);
    assert!(find(&places, "Youga").is_none(), "{places:?}");
    let places = find_places("Gunmen attacked the village of Youga Dogon.", &g);
    assert!(find(&places, "Youga").is_some(), "{places:?}");
}

#[test]
fn a_bracketed_name_after_a_name_is_its_other_spelling() {
    let g = cue_test_gazetteer();
    for text in [
        "Militants abducted a man in the village of Koulpadre (Koulopagare).",
        "Militants abducted a man in Koulpadre [Koulopagare] yesterday.",
    ] {
        let places = find_places(text, &g);
        assert!(find(&places, "Koulpadré").is_some(), "{text:?}: {places:?}");
    }
    // A bracket after an ordinary word is no cue.
    let places = find_places("The militants (Koulopagare) abducted a man.", &g);
    assert!(find(&places, "Koulpadré").is_none(), "{places:?}");
}

/// Two villages the fuzzy lookup can reach: Diamondji (a transliteration variant away from
/// "Dyamondji") and Toukoroba (a misspelling away from "Toukoroboa").
fn fuzzy_test_gazetteer() -> Gazetteer {
    Gazetteer::from_tsv(
        "code\tname_fr\tname_en\taliases\tlat\tlon\nBF\tBurkina Faso\tBurkina Faso\t\t12\t-1.5\n\
         ML\tMali\tMali\t\t17\t-4\n",
        "country\tregion\tformer_region\tcapital\taliases\tlat\tlon\tstatus\n\
         BF\tSirba\tEst\tBogandé\t\t12.98\t-0.14\tcurrent\n\
         ML\tKoulikoro\tKoulikoro\tKoulikoro\t\t12.86\t-7.56\tcurrent\n",
        "country\tregion\tdistrict\tkind\taliases\tlat\tlon\n",
        "name\tcountry\tregion\tdistrict\tlat\tlon\taliases\tkind\tcommon_word\n\
         Diamondji\tBF\tSirba\t\t12.0\t1.2\t\tvillage\tno\n\
         Toukoroba\tML\tKoulikoro\t\t14.0\t-7.5\t\tvillage\tno\n",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn unknown_names_after_a_place_cue_are_looked_up_fuzzily() {
    let g = fuzzy_test_gazetteer();
    let places = find_places("Militants attacked the village of Dyamondji on Friday.", &g);
    assert!(find(&places, "Diamondji").is_some(), "{places:?}");
    let places = find_places("Militants closed down the school in Toukoroboa.", &g);
    assert!(find(&places, "Toukoroba").is_some(), "{places:?}");
    // Without a place cue, or after the English article, no lookup.
    for text in [
        "Dyamondji militants attacked a school.",
        "They met a Dyamondji farmer.",
    ] {
        let places = find_places(text, &g);
        assert!(places.is_empty(), "{text:?}: {places:?}");
    }
}

#[test]
fn a_place_name_inside_a_persons_name_is_no_place() {
    let g = builtin();
    for text in [
        "Thousands marched in support of President Ibrahim Boubacar Keita.",
        "They demanded the release of opposition activist Ali Tera.",
    ] {
        let places = find_places(text, &g);
        assert!(places.is_empty(), "{text:?}: {places:?}");
    }
    // The same names are places after a place cue, in a headline, or as one place name with
    // the word before ("the area of Dangol Boré").
    let places = find_places("Gunmen attacked a school in Tera on Monday.", &g);
    assert!(find(&places, "Téra").is_some(), "{places:?}");
    let places = find_places("Gunmen Attack Army Post Tera Overnight", &g);
    assert!(find(&places, "Téra").is_some(), "{places:?}");
    let places = find_places("An IED exploded in the area of Dangol Boré.", &g);
    assert!(find(&places, "Boré").is_some(), "{places:?}");
}

#[test]
fn countries_listed_with_articles_and_origins_are_mentions() {
    let g = builtin();
    let role = |text: &str, n: &str| {
        let places = find_places(text, &g);
        (find(&places, n).map(|p| p.role), format!("{places:?}"))
    };
    // An enumeration with articles describes a zone, the ambush is at Téra.
    let text = "Dix soldats ont été tués près de Téra, dans la zone des trois frontières, \
                entre le Niger, le Mali et le Burkina Faso.";
    for country in ["Mali", "Burkina Faso"] {
        let (r, all) = role(text, country);
        assert_eq!(r, Some(PlaceRole::Mention), "{country}: {all}");
    }
    assert_eq!(role(text, "Téra").0, Some(PlaceRole::Event));
    // Where vehicles come from is no event place.
    let text = "Le JNIM interdit l'entrée de la ville aux véhicules venant de Mauritanie, \
                d'Algérie et des régions voisines.";
    for country in ["Mauritanie", "Algérie"] {
        let (r, all) = role(text, country);
        assert_eq!(r, Some(PlaceRole::Mention), "{country}: {all}");
    }
    let (r, all) = role(
        "Un camion en provenance de Gao a été incendié près de Ber.",
        "Gao",
    );
    assert_eq!(r, Some(PlaceRole::Mention), "{all}");
    // A country named alone is still where things happen.
    let (r, all) = role(
        "Des frappes ont visé des positions au Mali et au Niger.",
        "Mali",
    );
    assert_eq!(r, Some(PlaceRole::Event), "{all}");
}

#[test]
fn roles_dateline_mention_event() {
    let g = builtin();
    let text = "BAMAKO, 12 mars (AFP) - Des hommes armés ont attaqué le camp de Boni, \
                a indiqué à Niamey le porte-parole. L'AES (Mali, Burkina, Niger) a condamné.";
    let places = find_places(text, &g);
    let role = |n: &str| find(&places, n).map(|p| p.role);
    assert_eq!(role("Bamako"), Some(PlaceRole::Dateline), "{places:?}");
    assert_eq!(role("Boni"), Some(PlaceRole::Event), "{places:?}");
    assert_eq!(role("Niamey"), Some(PlaceRole::Mention), "{places:?}");
    assert_eq!(role("Burkina Faso"), Some(PlaceRole::Mention), "{places:?}");
    let signed = find_places(
        "Les FAMa ont repoussé une attaque à Léré.\n\nBamako, le 18 septembre 2023\n",
        &g,
    );
    assert_eq!(
        find(&signed, "Bamako").map(|p| p.role),
        Some(PlaceRole::Dateline)
    );
}

#[test]
fn extraction_regions_come_from_event_places() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta {
        id: "t1".into(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 9, 18),
        ..DocMeta::default()
    };
    let text = "Les FAMa ont repoussé une attaque à Léré, région de Tombouctou, le 17 septembre.\n\
                Bamako, le 18 septembre 2023";
    let x = extract(text, &meta, &ex);
    assert_eq!(x.regions, vec!["Tombouctou"]);
    assert_eq!(x.countries, vec!["Mali"]);
    assert_eq!(x.language, "fr");
    assert_eq!(x.months, vec!["2023-09"]);
    assert!(x.actors.iter().any(|a| a == "FAMa"), "{:?}", x.actors);
    let json = serde_json::to_value(&x).unwrap_or_default();
    assert_eq!(json["places"][0]["role"], "event");
    assert_eq!(json["published"], "2023-09-18");
    // Pure: same input, same output.
    assert_eq!(extract(text, &meta, &ex), x);
}

#[test]
fn parent_units_in_brackets_add_no_region_of_their_own() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    for (text, region) in [
        (
            "On 4 May 2020, fighting was reported in the area of Tissalatene (Menaka, Gao).",
            "Ménaka",
        ),
        (
            "Militants attacked the army camp of Boulkessi (Douentza, Mopti) on Friday.",
            "Douentza",
        ),
        (
            "Des hommes armés ont attaqué Léré, région de Tombouctou, le 17 septembre.",
            "Tombouctou",
        ),
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        assert_eq!(x.regions, vec![region], "{text:?}: {:?}", x.places);
    }
}

#[test]
fn where_people_went_or_came_from_is_no_event_place() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    for text in [
        "An IED struck a convoy near Boni; two wounded soldiers were evacuated to Gao.",
        "Gunmen attacked a bus near Boni, en route to Mopti.",
        "Militants abducted the chief of Boni while he was returning from Bamako.",
    ] {
        let x = extract(text, &meta, &ex);
        assert_eq!(x.regions, vec!["Douentza"], "{text:?}: {:?}", x.places);
    }
    // Alone, a destination stays a mention: no event region is better than a wrong one.
    let x = extract(
        "Two youths were shot dead while returning to Boni from the border with Burkina Faso.",
        &meta,
        &ex,
    );
    assert!(x.regions.is_empty(), "{:?}", x.places);
    assert_eq!(x.mentioned_regions, vec!["Douentza"], "{:?}", x.places);
}

#[test]
fn a_country_across_a_border_is_no_event_place() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    for text in [
        "Soldiers opened fire in the town of Gorom-Gorom near the border with Mali.",
        "Des tirs ont été entendus à Gorom-Gorom, près de la frontière avec le Mali.",
        "Soldiers opened fire in Gorom-Gorom, near the Mali-Niger border.",
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        assert_eq!(
            x.countries,
            vec!["Burkina Faso"],
            "{text:?}: {:?}",
            x.places
        );
    }
}

#[test]
fn without_event_place_the_places_stay_mentions() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let x = extract(
        "Le ministre a déclaré à Ouagadougou que la situation était sous contrôle.",
        &DocMeta::default(),
        &ex,
    );
    assert!(x.countries.is_empty() && x.regions.is_empty(), "{x:?}");
    assert_eq!(x.mentioned_regions, vec!["Kadiogo"], "{x:?}");
}

#[test]
fn people_evacuated_or_arriving_somewhere_do_not_make_it_an_event_place() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    for text in [
        "Une patrouille a sauté sur une mine près de Boni. Les blessés ont été évacués sur Sévaré.",
        "Un engin explosif a touché un car près de Boni ; les blessés ont été transférés à Mopti.",
        "Attaque contre le poste de Boni. Les blessés ont été évacués vers le centre hospitalier régional de Mopti.",
        "Des hommes armés ont incendié des greniers à Boni ; des déplacés sont arrivés à Sévaré.",
    ] {
        let x = extract(text, &meta, &ex);
        assert_eq!(x.regions, vec!["Douentza"], "{text:?}: {:?}", x.places);
    }
    let x = extract(
        "Un bus a sauté sur une mine près de Boni. Les passagers se rendaient à Sévaré.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Douentza"], "{:?}", x.places);
    // A byline's place is where the correspondent writes from.
    let x = extract(
        "Par notre correspondant à Mopti\n\nLe marché de Boni a été incendié jeudi.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Douentza"], "{:?}", x.places);
    // A place listed with the destination is a destination too.
    let x = extract(
        "Des hommes armés ont incendié des greniers à Boni ; des déplacés sont arrivés à Sévaré et à Mopti.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Douentza"], "{:?}", x.places);
    // Arriving by motorbike is how the attackers came, not where the event was.
    let x = extract(
        "Les assaillants, arrivés à moto, ont attaqué le marché de Boni.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Douentza"], "{:?}", x.places);
}

#[test]
fn a_town_a_distance_is_measured_from_is_no_event_place_after_another_place() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    for text in [
        "Des hommes armés ont attaqué Kati, à 15 km de Bamako, dans la nuit.",
        "Gunmen raided Kati, some 15 kilometres north-west of Bamako, on Monday.",
        "Le poste de Kati, situé à une quinzaine de kilomètres au nord de Bamako, a été visé.",
    ] {
        let x = extract(text, &meta, &ex);
        assert_eq!(x.regions, vec!["Koulikoro"], "{text:?}: {:?}", x.places);
    }
    // Alone, the reference town is the best the text gives.
    let x = extract(
        "Une embuscade a eu lieu à 40 km au nord de Gao.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Gao"], "{:?}", x.places);
}

#[test]
fn a_boat_named_after_a_town_is_no_place() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    for text in [
        "Le bateau Tombouctou de la COMANAV a essuyé des tirs près de Bourem.",
        "Le navire « Tombouctou » a été pris pour cible près de Bourem.",
        "Militants fired on the \"Timbuktu\" boat near Bourem.",
        "Le bateau de passagers « Tombouctou » a été pris pour cible près de Bourem.",
        "The passenger ship 'Timbuktu' came under fire near Bourem.",
    ] {
        let x = extract(text, &meta, &ex);
        assert_eq!(x.regions, vec!["Gao"], "{text:?}: {:?}", x.places);
    }
}

#[test]
fn the_region_in_an_official_title_is_no_event_place() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    let x = extract(
        "Le poste de Boni a été attaqué. Le gouverneur de la région de Ségou a condamné l'attaque.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Douentza"], "{:?}", x.places);
    // Alone, the region in the title stays a mention.
    let x = extract(
        "The governor of Mopti region condemned an attack on a bus.",
        &meta,
        &ex,
    );
    assert!(x.regions.is_empty(), "{:?}", x.places);
    assert_eq!(x.mentioned_regions, vec!["Mopti"], "{:?}", x.places);
    let x = extract(
        "Des hommes armés ont attaqué Kantchari. Le haut-commissaire de la province de la Kompienga s'est rendu sur place.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Tapoa"], "{:?}", x.places);
}

#[test]
fn the_nearest_unit_word_says_what_a_name_is() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    // In 2021 Bandiagara was a cercle of the Mopti region; the facet is the current region.
    let x = extract(
        "Gunmen killed 12 traders near Dourou, in the Bandiagara circle of Mopti region.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Bandiagara"], "{:?}", x.places);
    let x = extract(
        "Des tirs ont visé Tessit, dans la région de Gao, cercle d'Ansongo.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Gao"], "{:?}", x.places);
}

#[test]
fn the_islamic_state_unqualified_is_its_province_where_the_events_happen() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    let x = extract(
        "Le détachement de Seytenga a été attaqué. L'État islamique est soupçonné.",
        &meta,
        &ex,
    );
    assert_eq!(x.actors, vec!["EIGS"], "{x:?}");
    let x = extract(
        "Islamic State fighters raided Bosso, in the Diffa region, overnight.",
        &meta,
        &ex,
    );
    assert_eq!(x.actors, vec!["ISWAP"], "{x:?}");
    // No place: no province.
    let x = extract("L'État islamique a revendiqué l'attaque.", &meta, &ex);
    assert!(x.actors.is_empty(), "{x:?}");
}

#[test]
fn villages_added_from_the_audit_resolve_to_their_region() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    for (text, region) in [
        ("Un car a sauté sur une mine près de Tacharane.", "Gao"),
        (
            "Soldiers were ambushed near Teguey on Wednesday.",
            "Tillabéri",
        ),
        ("Militants attacked an army post in Tassia.", "Tillabéri"),
        (
            "Des hommes armés ont tué 12 personnes à Songho.",
            "Bandiagara",
        ),
        ("Le poste de gendarmerie de Sandare a été attaqué.", "Nioro"),
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        assert_eq!(x.regions, vec![region], "{text:?}: {:?}", x.places);
    }
}

#[test]
fn cercle_and_region_qualifying_a_village_are_units_not_towns() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    for text in [
        "Des hommes armés ont attaqué le marché de Diafarabé, dans le cercle de Ténenkou, région de Mopti.",
        "Gunmen killed five herders near Diafarabé, in Tenenkou circle, Mopti region.",
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        let names: Vec<&str> = x.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Diafarabé"], "{text:?}: {:?}", x.places);
        assert_eq!(x.regions, vec!["Mopti"], "{text:?}");
    }
    // Named as towns, they stay towns.
    let x = extract(
        "Des tirs ont été entendus à Ténenkou et à Mopti.",
        &DocMeta::default(),
        &ex,
    );
    assert!(
        x.places.iter().all(|p| p.locality.is_some()),
        "{:?}",
        x.places
    );
}

#[test]
fn the_liptako_gourma_zone_is_neither_liptako_nor_gourma() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    for text in [
        "Dans le Liptako-Gourma, les attaques contre les civils ont doublé. Djibo reste sous blocus.",
        "Violence in the Liptako Gourma spread south; Djibo remains under blockade.",
    ] {
        let x = extract(text, &DocMeta::default(), &ex);
        assert_eq!(x.regions, vec!["Soum"], "{text:?}: {:?}", x.places);
    }
    // The Burkina region alone is still read.
    let x = extract(
        "Des terroristes ont attaqué Dori, dans la région du Liptako.",
        &DocMeta::default(),
        &ex,
    );
    assert_eq!(x.regions, vec!["Liptako"], "{:?}", x.places);
}

#[test]
fn a_headline_naming_a_place_over_a_date_line_is_no_dateline() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let x = extract(
        "Bougouni : deux civils tués par une mine\n14/03/2025\n\nDeux civils ont trouvé la mort samedi sur la route de Kolondiéba.",
        &DocMeta::default(),
        &ex,
    );
    let bougouni = x.places.iter().find(|p| p.name == "Bougouni");
    assert_eq!(
        bougouni.map(|p| p.role),
        Some(PlaceRole::Event),
        "{:?}",
        x.places
    );
    // A real dateline keeps its role.
    let x = extract(
        "Bougouni, 14 mars 2025 (AMAP) - Deux civils ont été tués près de Kolondiéba.",
        &DocMeta::default(),
        &ex,
    );
    let bougouni = x.places.iter().find(|p| p.name == "Bougouni");
    assert_eq!(
        bougouni.map(|p| p.role),
        Some(PlaceRole::Dateline),
        "{:?}",
        x.places
    );
}

#[test]
fn a_dateline_taken_for_the_title_still_dates_the_report() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta {
        title: Some("Ouagadougou, 9 mars 2024 (AIB) –".to_string()),
        ..DocMeta::default()
    };
    let x = extract(
        "Des terroristes ont attaqué hier le détachement de Seytenga.",
        &meta,
        &ex,
    );
    assert_eq!(
        x.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-09")
    );
    assert_eq!(x.months, vec!["2024-03"], "{x:?}");
}

#[test]
fn burkina_rapid_intervention_battalions_are_the_burkinabe_army() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let x = extract(
        "Les éléments du 14e Bataillon d'intervention rapide (BIR) ont détruit une base terroriste près de Titao.",
        &DocMeta::default(),
        &ex,
    );
    assert_eq!(x.actors, vec!["Armée burkinabè"], "{x:?}");
}

#[test]
fn a_lake_named_after_a_country_is_not_that_country() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    for text in [
        "ISWAP fighters raided Bosso, on the shores of Lake Chad, overnight.",
        "Des combattants ont attaqué Bosso, sur les rives du lac Tchad.",
    ] {
        let x = extract(text, &meta, &ex);
        assert_eq!(x.countries, vec!["Niger"], "{text:?}: {:?}", x.places);
    }
}

#[test]
fn the_capital_of_a_province_is_not_the_capital_of_its_country() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    for text in [
        "Fighters stormed Dori, capital of Burkina Faso's Seno province, on Sunday.",
        "Gunmen attacked Dori, the capital of the Seno province.",
    ] {
        let x = extract(text, &meta, &ex);
        assert_eq!(x.regions, vec!["Liptako"], "{text:?}: {:?}", x.places);
    }
    // The country's own capital is still read.
    let x = extract(
        "A car bomb exploded in the capital of Burkina Faso on Friday.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Kadiogo"], "{:?}", x.places);
}

#[test]
fn national_forces_unnamed_are_the_army_of_the_country_of_the_events() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    let x = extract(
        "Dori, le 4 mai 2024 (AIB) – Les Forces armées nationales ont repoussé une attaque contre Seytenga.",
        &meta,
        &ex,
    );
    assert!(x.actors.contains(&"Armée burkinabè".to_string()), "{x:?}");
    let x = extract(
        "Les FDS ont neutralisé plusieurs terroristes à Ouallam, dans la région de Tillabéri.",
        &meta,
        &ex,
    );
    assert_eq!(x.actors, vec!["FAN"], "{x:?}");
    // Events in two countries: no way to tell whose forces.
    let x = extract(
        "Les Forces de défense et de sécurité ont ratissé la zone entre Ansongo et Ayorou.",
        &meta,
        &ex,
    );
    assert!(x.actors.is_empty(), "{x:?}");
    // Another country's national army, named so, is not the army of the events' country.
    let x = extract(
        "L'armée nationale tchadienne a déployé un bataillon à Tessalit.",
        &meta,
        &ex,
    );
    assert!(x.actors.is_empty(), "{x:?}");
    // "fds" in lower case is no acronym.
    let x = extract("Un fds de commerce a brûlé à Ouallam.", &meta, &ex);
    assert!(x.actors.is_empty(), "{x:?}");
}

#[test]
fn a_town_along_a_road_locates_the_events_and_the_road_ends_are_mentions() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta {
        title: Some("Un bus saute sur une mine sur l'axe Ansongo-Ménaka".to_string()),
        ..DocMeta::default()
    };
    let role = |x: &sahel_facets::Extraction, name: &str| {
        x.places
            .iter()
            .filter(|p| p.name == name)
            .map(|p| p.role)
            .collect::<Vec<_>>()
    };
    // The road is named in the title too: once located, its ends are mentions everywhere.
    let x = extract(
        "Le bus, qui circulait sur la route reliant Ansongo à Ménaka, a sauté près d'Indelimane.",
        &meta,
        &ex,
    );
    assert_eq!(x.regions, vec!["Ménaka"], "{:?}", x.places);
    assert_eq!(
        role(&x, "Ansongo"),
        vec![PlaceRole::Mention],
        "{:?}",
        x.places
    );
    // Nothing locates the events on the road: they are somewhere between its ends.
    let x = extract(
        "Les braquages se multiplient entre Ansongo et Ménaka.",
        &DocMeta::default(),
        &ex,
    );
    assert_eq!(x.regions, vec!["Gao", "Ménaka"], "{:?}", x.places);
    // A town far from the road is another event, not a point of it.
    let x = extract(
        "Des hommes armés ont attaqué Kayes et l'axe Ansongo-Ménaka le même jour.",
        &DocMeta::default(),
        &ex,
    );
    assert_eq!(
        role(&x, "Ansongo"),
        vec![PlaceRole::Event],
        "{:?}",
        x.places
    );
}

#[test]
fn the_army_unqualified_is_the_army_of_the_country_of_the_events() {
    let ex = Extractor::builtin().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta::default();
    let x = extract(
        "Un convoi escorté par l’armée est tombé dans une embuscade près de Bourzanga.",
        &meta,
        &ex,
    );
    assert_eq!(x.actors, vec!["Armée burkinabè"], "{x:?}");
    let x = extract(
        "Une patrouille de l'armée a sauté sur un engin explosif entre Douentza et Boni.",
        &meta,
        &ex,
    );
    assert_eq!(x.actors, vec!["FAMa"], "{x:?}");
    // Whose army is said; "armée" as an adjective is no army.
    let x = extract(
        "L'armée française a remis la base de Gossi; une bande armée a volé du bétail à Gossi.",
        &meta,
        &ex,
    );
    assert!(!x.actors.contains(&"FAMa".to_string()), "{x:?}");
}

mod props {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn extractor() -> &'static Extractor {
        static EX: OnceLock<Extractor> = OnceLock::new();
        EX.get_or_init(|| Extractor::builtin().unwrap_or_else(|e| panic!("{e}")))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn arbitrary_text_never_panics(s in any::<String>()) {
            let _ = extract(&s, &DocMeta::default(), extractor());
        }

        #[test]
        fn place_like_text_never_panics(s in "[A-Za-zÀ-ÿ' ,.\\-\n]{0,80}(Gao|Léré|Tin-Zaouatène|Ménaka|BAMAKO)[A-Za-zÀ-ÿ' ,.\\-\n\u{301}]{0,80}") {
            let x = extract(&s, &DocMeta::default(), extractor());
            for r in &x.regions {
                prop_assert!(!r.is_empty());
            }
        }
    }
}

#[test]
fn homonyms_follow_the_home_area_of_the_community_or_group_named() {
    let g = builtin();
    // Sangha exists in Mali (Bandiagara, in the Dogon country) and Burkina Faso.
    for text in [
        "Des hommes armés ont attaqué le village dogon de Sangha.",
        "Gunmen attacked the Dogon village of Sangha.",
        "Les miliciens de Dan-Na-Ambassagou ont repoussé une attaque à Sangha.",
    ] {
        let found = find_places(text, &g);
        let country = find(&found, "Sangha").and_then(|p| p.country.clone());
        assert_eq!(country.as_deref(), Some("Mali"), "{text}: {found:?}");
    }
    // The cue is a whole word.
    assert!(g.areas_in("Les Dogons de Sangha").len() == 1);
    assert!(g.areas_in("la katiba du Macina").len() == 1);
    assert!(g.areas_in("Dogonland, Macina").is_empty());
    assert!(g.areas_in("Boko-Haram et les Dogon").len() == 2);
}

#[test]
fn generic_region_names_listed_after_or_before_a_plural_unit_word_are_regions() {
    let g = builtin();
    let regions = |text: &str| -> Vec<String> {
        let mut r: Vec<String> = find_places(text, &g)
            .into_iter()
            .filter_map(|p| p.region)
            .collect();
        r.sort();
        r.dedup();
        r
    };
    assert_eq!(
        regions(
            "L'état d'urgence est déclaré dans les régions du Nord, du Centre-Nord et du Sahel."
        ),
        ["Kuilsé", "Liptako", "Yaadga"]
    );
    assert_eq!(
        regions("A state of emergency was declared in the Sahel and Est regions."),
        ["Goulmou", "Liptako"]
    );
    // Without a unit word, "le Nord" and "le Sahel" are no regions.
    assert!(regions("Le Nord et le Sahel restent touchés par la sécheresse.").is_empty());
}
