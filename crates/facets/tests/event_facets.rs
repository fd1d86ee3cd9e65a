//! Facets analysts can trust: the report's own events apart from what it only mentions, with the
//! evidence for each value. Each rule is tested on a text of its own.

use sahel_facets::{extract, DocMeta, Extraction, Extractor};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::builtin().unwrap_or_else(|e| panic!("{e}")))
}

fn read(text: &str, published: &str) -> Extraction {
    let meta = DocMeta {
        id: "t".into(),
        published: published.parse().ok(),
        ..DocMeta::default()
    };
    extract(text, &meta, extractor())
}

fn regions(text: &str) -> (Vec<String>, Vec<String>) {
    let ex = read(text, "2024-03-08");
    (ex.regions, ex.mentioned_regions)
}

#[test]
fn where_people_came_from_or_went_is_a_mention() {
    let (events, mentioned) = regions(
        "Mardi, des hommes armés ont attaqué un poste à Ayorou. Selon une source locale, les assaillants seraient venus de la région de Ménaka, au Mali.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Ménaka"]);
    let (events, mentioned) = regions(
        "Des hommes armés ont attaqué Diapaga mardi. Des familles ont tenté de rejoindre Kaya à pied.",
    );
    assert_eq!(events, ["Tapoa"]);
    assert_eq!(mentioned, ["Kuilsé"]);
    let (events, _) = regions(
        "Gunmen attacked a village near Djibo on Tuesday. Hundreds of people walked towards Dori.",
    );
    assert_eq!(events, ["Soum"]);
}

#[test]
fn a_list_after_an_origin_shares_it() {
    let (events, mentioned) = regions(
        "La foire de Sikasso s'est ouverte mardi, avec des exposants venus de Kayes, de Ségou et de Mopti.",
    );
    assert_eq!(events, ["Sikasso"]);
    assert_eq!(mentioned.len(), 3, "{mentioned:?}");
}

#[test]
fn a_neighbour_a_seat_and_a_hospital_are_mentions() {
    let (events, mentioned) = regions(
        "Une embuscade a visé une patrouille près de Tessit mardi. Les combattants se sont repliés vers la région voisine de Ménaka.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Ménaka"]);
    let (events, _) =
        regions("Des jeunes de Tessit ont manifesté mardi à Gao contre l'insécurité.");
    assert_eq!(events, ["Gao"]);
    let (events, _) = regions(
        "Cinq soldats ont été blessés mardi près de Djibo ; ils sont soignés au centre hospitalier régional de Ouahigouya.",
    );
    assert_eq!(events, ["Soum"]);
}

#[test]
fn places_of_a_recalled_attack_are_background() {
    let ex = read(
        "Des hommes armés ont tué six civils mardi à Boni. En mai 2019, une attaque avait déjà frappé Mondoro.",
        "2024-03-08",
    );
    assert_eq!(ex.regions, ["Douentza"]);
    assert_eq!(ex.months, ["2024-03"]);
    assert_eq!(ex.background_months, ["2019-05"]);
}

#[test]
fn advice_and_general_statements_anchor_nothing() {
    let (events, mentioned) = regions(
        "Un engin explosif a touché un véhicule mardi près de Boulsa.\n\nLes axes Kaya–Dori et Fada–Kantchari restent déconseillés.\n\nLa région de Koutiala produit l'essentiel du coton du pays.",
    );
    assert_eq!(events, ["Kuilsé"]);
    assert!(mentioned.contains(&"Liptako".to_string()), "{mentioned:?}");
    assert!(mentioned.contains(&"Koutiala".to_string()), "{mentioned:?}");
}

#[test]
fn a_report_without_an_event_place_keeps_its_places_as_mentions() {
    let ex = read(
        "Le gouvernement a présenté mardi son budget pour 2025.\n\nLa région de Koutiala produit l'essentiel du coton du pays, et celle de Kayes l'essentiel de son or.",
        "2024-03-08",
    );
    assert!(ex.regions.is_empty(), "{:?}", ex.regions);
    assert_eq!(ex.mentioned_regions, ["Koutiala", "Kayes"]);
}

#[test]
fn every_value_has_its_evidence() {
    let text = "Des hommes armés ont attaqué le camp de Boni dimanche, a indiqué le JNIM.";
    let meta = DocMeta {
        id: "t".into(),
        title: Some("Attaque à Boni".into()),
        published: "2024-03-12".parse().ok(),
        ..DocMeta::default()
    };
    let ex = extract(text, &meta, extractor());
    for (facet, values) in [
        ("regions", &ex.regions),
        ("months", &ex.months),
        ("actors", &ex.actors),
    ] {
        for v in values {
            let found: Vec<_> = ex
                .evidence
                .iter()
                .filter(|e| e.facet == facet && &e.value == v)
                .collect();
            assert!(!found.is_empty(), "{facet} {v}: {:?}", ex.evidence);
            for e in found {
                let field = if e.field == "title" {
                    "Attaque à Boni"
                } else {
                    text
                };
                assert_eq!(&field[e.start..e.end], e.text);
                assert_eq!(&field[e.sentence_start..e.sentence_end], e.sentence);
            }
        }
    }
    assert!(ex
        .evidence
        .iter()
        .any(|e| e.field == "title" && e.text == "Boni"));
    assert!(ex
        .evidence
        .iter()
        .any(|e| e.facet == "months" && e.text == "dimanche" && e.field == "text"));
}

#[test]
fn a_place_in_a_sentence_about_what_is_to_come_is_a_mention() {
    let (events, mentioned) = regions(
        "Un convoi a été attaqué mardi près de Djibo. Le prochain convoi quittera Kaya la semaine prochaine.",
    );
    assert_eq!(events, ["Soum"]);
    assert_eq!(mentioned, ["Kuilsé"]);
}

#[test]
fn a_short_name_before_a_capitalised_word_is_part_of_a_longer_name() {
    let ex = read(
        "Des hommes armés ont attaqué Boni mardi. Lors d'une conférence à San Francisco, des chercheurs ont présenté un rapport.",
        "2024-03-08",
    );
    assert!(ex.places.iter().all(|p| p.name != "San"), "{:?}", ex.places);
    let (events, _) = regions("Des hommes armés ont attaqué un marché à San mardi.");
    assert_eq!(events, ["San"]);
}

#[test]
fn a_direction_in_brackets_is_no_region() {
    let (events, _) = regions("Les rebelles se sont retirés mardi de la ville de Léré (Nord).");
    assert_eq!(events, ["Tombouctou"]);
}

#[test]
fn a_metaphorical_capital_is_no_capital_city() {
    let (events, _) =
        regions("Les prix ont baissé mardi à Galmi, la capitale nigérienne de l'oignon violet.");
    assert!(!events.contains(&"Niamey".to_string()), "{events:?}");
    let (events, _) =
        regions("Le marché de la capitale économique a été fermé mardi après des tirs.");
    assert!(events.is_empty(), "{events:?}");
    let (events, _) = regions("Des tirs ont été entendus mardi dans la capitale du Mali.");
    assert_eq!(events, ["Bamako"]);
}

#[test]
fn a_place_in_capitals_before_a_dash_is_a_dateline() {
    let ex = read(
        "DORI — Des hommes armés ont attaqué mardi un poste de gendarmerie à Seytenga.",
        "2024-03-08",
    );
    assert!(
        ex.places
            .iter()
            .any(|p| p.name == "Dori" && p.role == sahel_facets::PlaceRole::Dateline),
        "{:?}",
        ex.places
    );
    assert_eq!(ex.regions, ["Liptako"]);
}

#[test]
fn a_place_dated_by_its_own_background_date_is_a_mention() {
    let ex = read(
        "Mardi soir, des centaines de personnes se sont rassemblées à Ouagadougou pour une veillée à la mémoire des victimes de Solhan.",
        "2024-03-08",
    );
    assert_eq!(ex.regions, ["Kadiogo"]);
    assert_eq!(ex.mentioned_regions, ["Liptako"]);
    let ex = read(
        "Mardi, des hommes armés ont attaqué un poste à Niamey. Les juntes, arrivées au pouvoir en août 2020 à Bamako et en septembre 2022 à Ouagadougou, ont signé un accord.",
        "2024-03-08",
    );
    assert_eq!(ex.regions, ["Niamey"]);
    // English reported speech puts the events themselves in the pluperfect.
    let ex = read(
        "On March 5, it was reported that the army had arrested a militant leader in Pama.",
        "2024-03-08",
    );
    assert_eq!(ex.regions, ["Goulmou"]);
}

#[test]
fn a_venue_an_interview_and_a_statement_place_are_mentions() {
    let (events, mentioned) = regions(
        "Des hommes armés ont incendié l'école de Tibiri mardi. Le Conseil des ministres, réuni mercredi à Niamey, a décrété un deuil national.",
    );
    assert_eq!(events, ["Maradi"]);
    assert_eq!(mentioned, ["Niamey"]);
    let (events, _) = regions(
        "Entretien réalisé à Bamako avec le maire de Léré, dont la commune a été attaquée lundi.",
    );
    assert_eq!(events, ["Tombouctou"]);
    let (events, _) = regions(
        "Gunmen killed four traders near Kaya on Monday. On Wednesday the national assembly in Ouagadougou adopted a law on reservists.",
    );
    assert_eq!(events, ["Kuilsé"]);
    // A court where something happened is an event place.
    let (events, _) =
        regions("The court in Djibo was closed on Tuesday after staff received threats.");
    assert_eq!(events, ["Soum"]);
    let (events, _) = regions(
        "Des militaires ont été tués mardi près de Tahoua. Le ministère a rendu public mercredi à Niamey le bulletin des opérations.",
    );
    assert_eq!(events, ["Tahoua"]);
}

#[test]
fn a_place_opening_a_sentence_of_what_was_said_is_a_mention() {
    let (events, mentioned) = regions(
        "Une patrouille a sauté sur une mine près de Djibo lundi. À Ouagadougou, l'état-major assure que « des opérations sont en cours ».",
    );
    assert_eq!(events, ["Soum"]);
    assert_eq!(mentioned, ["Kadiogo"]);
}

#[test]
fn a_sentence_saying_nothing_happened_anchors_nothing() {
    let (events, mentioned) = regions(
        "- Le 5 mars, deux commerçants ont été enlevés à Gorom-Gorom.\n- Ouagadougou et Bobo-Dioulasso : pas d'incident cette semaine.",
    );
    assert_eq!(events, ["Liptako"]);
    assert_eq!(mentioned.len(), 2, "{mentioned:?}");
    // An incident that did happen keeps its place, "no incident" or not.
    let (events, _) = regions(
        "Students in Koudougou staged a protest on Monday, but no incidents were reported.",
    );
    assert_eq!(events, ["Nando"]);
}

#[test]
fn where_the_wounded_were_flown_or_convoys_were_bound_is_a_mention() {
    let (events, mentioned) = regions(
        "Une embuscade a visé un convoi près de Boni lundi. Les blessés ont été évacués par hélicoptère sur Bamako.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Bamako"]);
    let (events, mentioned) =
        regions("Un convoi de vivres pour Djibo a été attaqué lundi près de Bourzanga.");
    assert_eq!(events, ["Kuilsé"]);
    assert_eq!(mentioned, ["Soum"]);
}

#[test]
fn where_people_fled_from_is_a_mention() {
    let (events, mentioned) = regions(
        "Lundi, 300 familles ont été enregistrées à Ouallam. Elles disent avoir fui les violences dans la région de Ménaka, au Mali.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Ménaka"]);
}

#[test]
fn a_road_end_named_again_leaves_the_other_end_a_mention() {
    let (events, mentioned) = regions(
        "Un car a été mitraillé vendredi sur l'axe Sévaré-Bandiagara, à une quinzaine de kilomètres de Bandiagara.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
}

#[test]
fn a_former_region_around_one_of_its_successors_towns_is_a_mention() {
    let (events, _) =
        regions("- 4 March, Kayes region: gunmen burned two lorries about 10 km west of Diéma.");
    assert_eq!(events, ["Nioro"]);
}

#[test]
fn a_habit_or_a_sentence_back_in_an_earlier_year_anchors_nothing() {
    let (events, mentioned) = regions(
        "Des hommes armés ont attaqué Tessit lundi. Les axes de la région de Kidal sont fréquemment minés.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Kidal"]);
    let (events, mentioned) = regions(
        "Gunmen attacked Boni on Monday. The insurgency in the region goes back to 2015, when fighters spread into the Séno plain.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Liptako"]);
}

#[test]
fn a_lowercase_letter_after_an_acronym_is_no_part_of_a_name() {
    let ex = read(
        "Un camion affrété par le PAM a été braqué lundi près de Ménaka.",
        "2024-03-08",
    );
    assert_eq!(ex.regions, ["Ménaka"]);
    assert!(
        ex.places.iter().all(|p| p.name != "Pama"),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_unit_in_apposition_to_a_mention_is_a_mention() {
    let (events, mentioned) = regions(
        "Lundi, un convoi a été attaqué près de Bourzanga. Il devait rallier Djibo, le chef-lieu de la province du Soum.",
    );
    assert_eq!(events, ["Kuilsé"]);
    assert_eq!(mentioned, ["Soum"]);
    // The region of a town a convoy was heading to is where it was attacked.
    let (events, _) = regions(
        "Le 19 juillet, les FAMa ont détruit deux pick-up qui visaient un convoi en mouvement vers Aguelhok, dans la région de Kidal.",
    );
    assert_eq!(events, ["Kidal"]);
}

#[test]
fn where_partners_are_based_is_a_mention() {
    let (events, mentioned) = regions(
        "Un camion a été braqué lundi près d'Inékar. Les partenaires basés à Gao doivent signaler leurs déplacements.",
    );
    assert_eq!(events, ["Ménaka"]);
    assert_eq!(mentioned, ["Gao"]);
}

#[test]
fn an_origin_may_be_hedged_and_a_direction_may_be_english() {
    let (events, mentioned) = regions(
        "Les cours ont repris lundi à Dédougou. Parmi les élèves figurent des déplacés venus surtout de la région de Kaya.",
    );
    assert_eq!(events, ["Bankui"]);
    assert_eq!(mentioned, ["Kuilsé"]);
    let (events, mentioned) = regions(
        "Gunmen attacked a checkpoint near Sebba on Tuesday, arriving from the direction of Tankougounadié and the border.",
    );
    assert_eq!(events, ["Liptako"]);
    assert!(mentioned.is_empty() || !events.contains(&mentioned[0]));
}

#[test]
fn the_land_across_a_border_is_a_mention() {
    let (events, mentioned) = regions(
        "Le groupe a attaqué lundi un poste près de Kebbi. Il opère aujourd'hui de part et d'autre de la frontière avec les régions nigériennes de Dosso et de Tahoua.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert_eq!(mentioned, ["Dosso", "Tahoua"]);
    // The second capital of a pair stands for its government too.
    let (events, _) = regions(
        "Le groupe a attaqué lundi un poste près de Kebbi, profitant de l'absence de coopération militaire entre Abuja et Niamey.",
    );
    assert!(events.is_empty(), "{events:?}");
    // A place after "in" is located, whatever border is named before it.
    let (events, _) =
        regions("Clashes broke out on Monday along the border with Mali in Soum province.");
    assert_eq!(events, ["Soum"]);
}

#[test]
fn a_direction_from_the_capital_locates_the_place_before_it() {
    let (events, mentioned) = regions(
        "On Monday, a tunnel collapsed at a gold mine in Kangaba district, south-west of Bamako.",
    );
    assert_eq!(events, ["Koulikoro"]);
    assert_eq!(mentioned, ["Bamako"]);
    let (events, mentioned) = regions(
        "On Monday, a tunnel collapsed at a gold mine in Kangaba district, about 100 km south-west of the capital.",
    );
    assert_eq!(events, ["Koulikoro"]);
    assert!(
        mentioned.is_empty() || mentioned == ["Bamako"],
        "{mentioned:?}"
    );
    // From another town, the direction keeps both: the town is the surer name.
    let (events, _) = regions("On Monday, gunmen abducted a teacher in Tiro, north of Matiakoali.");
    assert!(events.contains(&"Goulmou".to_string()), "{events:?}");
}

#[test]
fn offices_hospitals_and_a_return_home_are_mentions() {
    let (events, mentioned) = regions(
        "Un convoi de vivres a été attaqué mardi près de Djibo. L'aide est coordonnée depuis le bureau de Ouagadougou et les sous-bureaux de Kaya et de Fada N'Gourma.",
    );
    assert_eq!(events, ["Soum"]);
    assert_eq!(mentioned.len(), 3, "{mentioned:?}");
    let (events, mentioned) = regions(
        "An IED hit a minibus near Arbinda on Tuesday; two wounded civilians were discharged from Ouahigouya hospital on Thursday.",
    );
    assert_eq!(events, ["Soum"]);
    assert_eq!(mentioned, ["Yaadga"]);
    let (events, mentioned) = regions(
        "Des assaillants ont attaqué Tassia mardi. Le président a écourté une visite à l'étranger pour rentrer à Niamey.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
}

#[test]
fn nothing_happened_even_with_a_word_between() {
    let (events, mentioned) = regions(
        "Monday: three civilians killed near Gorom-Gorom.\nTuesday, Niamey: no security incident reported.",
    );
    assert_eq!(events, ["Liptako"]);
    assert_eq!(mentioned, ["Niamey"]);
}

#[test]
fn a_venue_keeps_what_was_said_there_apart() {
    // The incident is what the spokesman said at the council: the council's town is a mention.
    let (events, mentioned) = regions(
        "« Les ratissages ont permis de retrouver 50 corps près de Seytenga », a indiqué mardi le porte-parole à l'issue du Conseil des ministres à Ouagadougou.",
    );
    assert_eq!(events, ["Liptako"]);
    assert_eq!(mentioned, ["Kadiogo"]);
    // Told before the venue without a word of saying, the incident happened there.
    let (events, _) = regions(
        "On Tuesday three people were wounded in fighting near the chieftaincy court in Banfora.",
    );
    assert_eq!(events, ["Tannounyan"]);
}

#[test]
fn a_boat_named_after_a_town_is_no_place() {
    let (events, _) = regions(
        "On Thursday attackers fired rockets at a passenger boat, named the Tombouctou, near Bourem.",
    );
    assert_eq!(events, ["Gao"]);
    // In apposition, with its article.
    let (events, mentioned) = regions(
        "The boat, the Tombouctou, came under rocket fire near the village of Bamba on Thursday.",
    );
    assert_eq!(events, ["Gao"]);
    assert!(mentioned.is_empty(), "{mentioned:?}");
}

#[test]
fn a_village_named_with_its_province_is_the_one_there() {
    let (events, _) = regions(
        "Jeudi 20 avril, des hommes armés ont tué des villageois à Karma, dans la province du Yatenga.",
    );
    assert_eq!(events, ["Yaadga"]);
    let (events, _) = regions(
        "Mardi, un détachement des FAN a été pris dans une embuscade près de Koutougou, dans la région de Tillabéri.",
    );
    assert_eq!(events, ["Tillabéri"]);
}

#[test]
fn a_destination_past_the_origin_is_a_mention() {
    let (events, mentioned) = regions(
        "On Thursday a passenger boat travelling upriver from Gao to Mopti was attacked near Bamba.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Mopti"]);
    // An office in a town is where protests and attacks happen.
    let (events, _) =
        regions("On Monday, refugees demonstrated in front of the UNHCR office in Agadez.");
    assert_eq!(events, ["Agadez"]);
}

#[test]
fn the_gates_of_a_town_and_a_list_continued_with_ainsi_que() {
    let (events, mentioned) = regions(
        "Mardi soir, un poste de la Garde nationale a été attaqué à Karma, aux portes de Niamey.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
    let (events, mentioned) = regions(
        "Lundi, 300 réfugiés sont arrivés au camp de Goudoubo. Ils viennent principalement du cercle de Gourma-Rharous, ainsi que de la zone de Nampala.",
    );
    assert_eq!(events, ["Liptako"]);
    let mut mentioned = mentioned;
    mentioned.sort();
    assert_eq!(mentioned, ["Ségou", "Tombouctou"]);
}

#[test]
fn the_hospital_the_wounded_were_flown_to_is_a_mention() {
    let (events, mentioned) = regions(
        "Mardi, des hommes armés ont tué douze villageois à Diallassagou. Des hélicoptères ont évacué les blessés les plus graves vers l'hôpital Sominé Dolo de Mopti.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
}

#[test]
fn a_region_spoken_of_in_general_is_a_mention_beside_dated_towns() {
    let (events, mentioned) = regions(
        "Lundi, des hommes armés ont attaqué le poste de Sévaré. Des habitants redoutent de voir la violence qui touche depuis des années les régions de Ségou et de Tombouctou.",
    );
    assert_eq!(events, ["Mopti"]);
    let mut mentioned = mentioned;
    mentioned.sort();
    assert_eq!(mentioned, ["Ségou", "Tombouctou"]);
    // Dated, the region is where the events happened, town or no town.
    let (events, _) = regions(
        "Lundi, des hommes armés ont attaqué le poste de Sévaré. Mardi, dans la région de Ségou, un convoi a été visé.",
    );
    assert_eq!(events, ["Mopti", "Ségou"]);
}

#[test]
fn a_capital_a_distance_away_and_a_hospital_one_goes_to_are_mentions() {
    let (events, mentioned) = regions(
        "On Sunday gunmen attacked a group of tourists on a day trip to the giraffe reserve, about 60 kilometers from Niamey.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert_eq!(mentioned, ["Niamey"]);
    // Not the town itself as the subject.
    let (events, _) = regions(
        "Après l'attaque de mardi contre l'école de gendarmerie, Bamako ne peut plus se croire à l'abri.",
    );
    assert_eq!(events, ["Bamako"]);
    let (events, mentioned) = regions(
        "On Monday gunmen killed 32 villagers in Diallassagou; the wounded were taken to the hospital in Sevare.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
}

#[test]
fn the_ends_of_a_road_and_the_points_it_passes_are_mentions() {
    let (events, mentioned) = regions(
        "Lundi, un convoi a été attaqué près de Gaskindé. Les routes qui la relient à Ouagadougou via Bourzanga sont coupées.",
    );
    assert_eq!(events, ["Soum"]);
    let mut mentioned = mentioned;
    mentioned.sort();
    assert_eq!(mentioned, ["Kadiogo", "Kuilsé"]);
}

#[test]
fn where_groups_operate_or_hold_ground_is_no_event_place() {
    let (events, mentioned) = regions(
        "Lundi, des assaillants ont attaqué un poste près de Kpendjal. Les groupes jihadistes contrôlent de vastes zones autour de Pama, de l'autre côté de la frontière.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert_eq!(mentioned, ["Goulmou"]);
    let (events, _) = regions(
        "On Friday gunmen killed 15 villagers in Mera, in Kebbi State. Analysts say the fighters move between Kebbi and the Tahoua region.",
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn where_someone_took_refuge_is_a_mention() {
    let (events, mentioned) = regions(
        "Lundi, des hommes armés ont tiré sur des femmes près d'Arbinda, raconte un habitant réfugié à Kaya.",
    );
    assert_eq!(events, ["Soum"]);
    assert_eq!(mentioned, ["Kuilsé"]);
}

#[test]
fn a_surname_that_names_a_district_is_no_place() {
    // Kéita is a department of Tahoua and a common surname: a camp named after a person.
    let (events, _) = regions(
        "Vendredi, des terroristes ont tenté une attaque contre le camp Soundiata Keïta de Kati.",
    );
    assert_eq!(events, ["Koulikoro"]);
    let (events, _) = regions("Le département de Kéita a reçu des vivres lundi après les pluies.");
    assert_eq!(events, ["Tahoua"]);
}

#[test]
fn an_incident_anchors_only_the_places_near_it() {
    let (events, mentioned) = regions(
        "On Tuesday gunmen killed four soldiers near Tillabéri. Niger had been seen as a key partner in the fight against militancy in the region, and hosts a drone base in Agadez.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Agadez"]);
    // The names of a list are no distance from its incident word.
    let (events, _) = regions(
        "Mardi, les attaques ont visé dès l'aube Kayes, Diboli, Sandaré, Nioro du Sahel, Gogui et Diéma, ainsi que Niono et Molodo.",
    );
    assert_eq!(events, ["Kayes", "Nioro", "Ségou"]);
}

#[test]
fn where_forces_are_kept_is_no_event_place() {
    let (events, mentioned) = regions(
        "Lundi, une embuscade a fait dix morts près d'Ayorou. Washington entretient environ 800 militaires au Niger et une base de drones à Agadez.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Agadez"]);
}

#[test]
fn a_host_and_a_place_next_to_another_are_no_advice_nor_future() {
    // "a radio host" is a person, not a place that keeps forces.
    let (events, _) =
        regions("Hundreds demonstrated in Niamey against the arrest of a popular radio host.");
    assert_eq!(events, ["Niamey"]);
    // "next to" is where, not when.
    let (events, _) = regions("Soldiers shelled Tessit, a town next to the border with Niger.");
    assert_eq!(events, ["Gao"]);
    let (_, mentioned) = regions("Soldiers will be deployed to Tessit next week.");
    assert_eq!(mentioned, ["Gao"]);
    // An English siege is an incident, not the French "siège" of an office.
    let (events, _) =
        regions("Gunmen held several hostages in a siege in Sévaré that lasted a day.");
    assert_eq!(events, ["Mopti"]);
}

#[test]
fn a_capital_title_says_what_a_town_is_not_where_someone_spoke() {
    // A provincial capital attacked is where things happened.
    let (events, _) =
        regions("Le 18 octobre, des assaillants ont attaqué la capitale provinciale de Djibo.");
    assert_eq!(events, ["Soum"]);
    // The national capital as a landmark or a destination, past its title.
    let (events, mentioned) = regions(
        "On Friday militants attacked the military base of Kati, just outside the capital Bamako, killing one soldier.",
    );
    assert_eq!(events, ["Koulikoro"]);
    assert_eq!(mentioned, ["Bamako"]);
    let (events, mentioned) = regions(
        "On Monday gunmen ambushed a convoy near Boungou. The wounded were evacuated to Fada N'Gourma and to the capital, Ouagadougou.",
    );
    assert_eq!(events, ["Tapoa"]);
    assert_eq!(mentioned, ["Goulmou", "Kadiogo"]);
}

#[test]
fn a_hedge_about_who_did_it_is_no_forecast() {
    let (events, _) = regions(
        "Militants likely linked to the Islamic State attacked the army post of Tessit and were repelled.",
    );
    assert_eq!(events, ["Gao"]);
    let (events, _) =
        regions("Des hommes armés, probablement des jihadistes, ont attaqué le poste de Tessit.");
    assert_eq!(events, ["Gao"]);
}

#[test]
fn where_a_road_leads_is_no_event_place() {
    // The town a road leads to, past its title, wherever the road is.
    let (events, mentioned) = regions(
        "Lundi, un convoi a été attaqué à hauteur de Tanwalbougou, sur l'axe qui mène à Kantchari.",
    );
    assert_eq!(events, ["Goulmou"]);
    assert_eq!(mentioned, ["Tapoa"]);
    let (events, mentioned) = regions(
        "On Wednesday a convoy was ambushed near Boungou, on the road that links the mine to the regional capital Fada N'Gourma.",
    );
    assert_eq!(events, ["Tapoa"]);
    assert_eq!(mentioned, ["Goulmou"]);
    // Where a convoy was going, past a two-word origin.
    let (events, mentioned) = regions(
        "On 5 July, an army convoy travelling from Fada N'Gourma to Kantchari struck a mine near Matiacoali.",
    );
    assert_eq!(events, ["Goulmou"]);
    assert_eq!(mentioned, ["Tapoa"]);
    // A distance from a town places the events: the road's ends are passing mentions.
    let (events, mentioned) = regions(
        "Dimanche, des camions ont été incendiés à une vingtaine de kilomètres de Didiéni, sur la route nationale qui relie Bamako à Kayes.",
    );
    assert_eq!(events, ["Koulikoro"]);
    assert_eq!(mentioned, ["Bamako", "Kayes"]);
}

#[test]
fn a_dateline_in_brackets_dates_the_report_not_its_events() {
    let text = "(Nairobi, April 25, 2024) - Soldiers summarily executed at least 200 civilians in the village of Nondin, near Thiou, on February 25, 2024, Human Rights Watch said today.";
    let ex = read(text, "");
    assert_eq!(
        ex.published.map(|d| d.to_string()).as_deref(),
        Some("2024-04-25")
    );
    assert_eq!(ex.months, ["2024-02"]);
    assert_eq!(ex.regions, ["Yaadga"]);
}

#[test]
fn a_name_cut_from_a_longer_one_a_meeting_and_a_capital_s_word_are_no_events() {
    // "Bah N'Daw" is a person, not the village Bahn.
    let (events, mentioned) = regions(
        "Lundi, des jihadistes ont encerclé Farabougou. Le président de la transition, Bah N'Daw, a promis de libérer le village.",
    );
    assert_eq!(events, ["Ségou"]);
    assert!(mentioned.is_empty(), "{mentioned:?}");
    // Where a spokesman spoke after a meeting.
    let (events, mentioned) = regions(
        "Mardi, des hommes armés ont attaqué Barsalogho. Selon le porte-parole, qui s'exprimait à l'issue d'une réunion de crise à Ouagadougou, 46 personnes ont perdu la vie.",
    );
    assert_eq!(events, ["Kuilsé"]);
    assert_eq!(mentioned, ["Kadiogo"]);
    // The capital standing for its government.
    let (events, mentioned) = regions(
        "Jeudi, les rebelles sont entrés à Anéfis. Bamako évoque une vingtaine de morts dans ses rangs.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Bamako"]);
    // Where fighters threatened to push, past the capital's title.
    let (events, mentioned) = regions(
        "On Thursday Islamist fighters seized the town of Konna and threatened to push south toward the capital Bamako.",
    );
    assert_eq!(events, ["Mopti"]);
    assert_eq!(mentioned, ["Bamako"]);
}

#[test]
fn a_place_s_own_border_post_is_no_neighbour() {
    let (events, _) = regions("Mardi, les assaillants ont visé le poste frontalier de Diboli.");
    assert_eq!(events, ["Kayes"]);
    let (events, mentioned) = regions(
        "Mardi, des hommes armés ont attaqué Ansongo, dans la région frontalière du Niger.",
    );
    assert_eq!(events, ["Gao"]);
    assert!(mentioned.is_empty(), "{mentioned:?}");
}

#[test]
fn travel_advice_and_plans_anchor_nothing() {
    let (events, mentioned) = regions(
        "Lundi, une embuscade a visé un convoi près de Namsiguia.\n– Sur l'axe Ouagadougou–Bobo-Dioulasso, circuler uniquement de jour entre Boromo et Houndé.",
    );
    assert_eq!(events, ["Kuilsé"]);
    assert!(!mentioned.is_empty());
    let (events, _) = regions(
        "Mardi, des hommes armés ont attaqué Tessit. L'opération prévoit la fermeture de ses emprises de Kidal et Tombouctou.",
    );
    assert_eq!(events, ["Gao"]);
}

#[test]
fn names_quoted_as_names_and_a_government_s_decision_are_no_event_places() {
    let (events, mentioned) = regions(
        "On Wednesday the council of ministers replaced names such as \"Centre-Nord\" or \"Hauts-Bassins\" with names rooted in history.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert!(mentioned.is_empty(), "{mentioned:?}");
    let (events, mentioned) = regions(
        "Après le massacre de samedi à Ogossagou, Bamako dissout la milice Dan Na Ambassagou.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Bamako"]);
    // A cercle named after a road holds the events, not the road's ends.
    let (events, mentioned) =
        regions("Jeudi, un convoi a été attaqué sur l'axe Kayes-Bamako, dans le cercle de Diéma.");
    assert_eq!(events, ["Nioro"]);
    assert_eq!(mentioned, ["Kayes", "Bamako"]);
}

#[test]
fn obligations_of_an_advisory_and_a_capital_s_authorities_are_no_events() {
    let (events, mentioned) = regions(
        "Lundi, une embuscade a visé un convoi près de Namsiguia.\n– Sur la RN4 au-delà de Koupéla, tout déplacement doit être signalé au poste consulaire.",
    );
    assert_eq!(events, ["Kuilsé"]);
    assert_eq!(mentioned, ["Nakambé"]);
    let (events, mentioned) = regions(
        "On Tuesday the army seized Anéfis. Bamako's authorities present the capture as proof that their partnership works.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Bamako"]);
}

#[test]
fn what_follows_an_earlier_situation_a_road_s_far_end_pledges_and_praise() {
    // "surviennent … après": the state of emergency's regions are recalled.
    let (events, _) = regions(
        "Mardi, des hommes armés ont attaqué Barsalogho. Ces violences surviennent quelques jours après la déclaration de l'état d'urgence dans les régions de l'Est et du Nord.",
    );
    assert_eq!(events, ["Kuilsé"]);
    // The far end of a road past a town's description, and the towns it runs through.
    let (events, mentioned) = regions(
        "On Tuesday a convoy was ambushed near Didiéni on the road that links Bamako to the western city of Kayes through Kolokani and Diéma.",
    );
    assert_eq!(events, ["Koulikoro"]);
    assert!(mentioned.contains(&"Kayes".to_string()), "{mentioned:?}");
    assert!(mentioned.contains(&"Nioro".to_string()), "{mentioned:?}");
    // A road's end with an article after the link, when a province places the events.
    let (events, mentioned) = regions(
        "On Wednesday buses travelling on the road between Fada N'Gourma and the Boungou mine struck a mine, in Tapoa province.",
    );
    assert_eq!(events, ["Tapoa"]);
    assert_eq!(mentioned, ["Goulmou"]);
    // Pledges and praise anchor nothing.
    let (events, mentioned) = regions(
        "Le président a été investi vendredi à Niamey. Il a promis de rétablir la sécurité dans les régions de Tillabéri et de Diffa.",
    );
    assert_eq!(events, ["Niamey"]);
    assert_eq!(mentioned, ["Tillabéri", "Diffa"]);
}

#[test]
fn where_news_was_learnt_the_wounded_taken_and_a_refuge_are_mentions() {
    let (events, mentioned) = regions(
        "Samedi, des hommes armés ont attaqué une position des VDP à Sanaba, a-t-on appris de sources locales et hospitalières à Bobo-Dioulasso.",
    );
    assert_eq!(events, ["Bankui"]);
    assert_eq!(mentioned, ["Guiriko"]);
    let (events, mentioned) = regions(
        "Samedi, des hommes armés ont attaqué Sanaba. Les blessés sont arrivés à Bobo-Dioulasso, où ils ont été évacués par hélicoptère.",
    );
    assert_eq!(events, ["Bankui"]);
    assert_eq!(mentioned, ["Guiriko"]);
    let (events, mentioned) = regions(
        "Jeudi, des familles ont quitté les villages environnants de Goudoumaria pour se réfugier jusqu'à Gouré, dans la région de Zinder.",
    );
    assert!(!events.contains(&"Zinder".to_string()), "{events:?}");
    assert!(mentioned.contains(&"Zinder".to_string()), "{mentioned:?}");
}

#[test]
fn the_regions_of_a_state_of_emergency_declared_earlier_are_background() {
    let ex = read(
        "Mardi 1er janvier, des hommes armés ont attaqué Barsalogho. L'état d'urgence, le 31 décembre 2018, a été déclaré dans des provinces des régions de l'Est et du Nord.",
        "2019-01-04",
    );
    assert_eq!(ex.regions, ["Kuilsé"]);
    assert_eq!(ex.months, ["2019-01"]);
    assert_eq!(ex.background_months, ["2018-12"]);
}

#[test]
fn a_base_stormed_is_where_it_happened() {
    let (events, _) = regions(
        "Hundreds of fighters on motorcycles stormed the base at Tessit in the early morning and fought for several hours before withdrawing.",
    );
    assert_eq!(events, ["Gao"]);
}

#[test]
fn what_was_said_to_have_happened_is_no_recall() {
    // "said … had targeted": reported speech, not an earlier event.
    let ex = read(
        "Jihadists launched attacks on military positions in western Mali on Tuesday, the army said.\n\nThe army said in a statement that the groups had targeted positions in Kayes and Nioro du Sahel.",
        "2025-07-02",
    );
    assert_eq!(ex.regions, ["Kayes", "Nioro"]);
}

#[test]
fn the_capital_standing_for_its_government_is_a_mention() {
    let (events, mentioned) = regions(
        "Mercredi, les combats ont repris à Kidal. Bamako reconnaît des pertes importantes.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Bamako"]);
}

#[test]
fn origins_after_an_article_are_mentions() {
    let (events, mentioned) = regions(
        "On Monday the Mopti urban area saw hundreds of families arriving from the Bandiagara and Koro circles.",
    );
    assert_eq!(events, ["Mopti"]);
    assert_eq!(mentioned, ["Bandiagara"]);
    let (events, mentioned) = regions(
        "Fada N'Gourma : mercredi, un convoi ramène des centaines de familles de la Tapoa.",
    );
    assert_eq!(events, ["Goulmou"]);
    assert_eq!(mentioned, ["Tapoa"]);
}

#[test]
fn an_abbreviated_month_ends_no_sentence() {
    // "Jan. 17" keeps the attack on Menaka in its recalling sentence.
    let ex = read(
        "On Sunday rebels seized a camp near Tessalit. The rebellion began on Jan. 17 with attacks on Menaka in the east, and was recalled by officials.",
        "2012-03-12",
    );
    assert_eq!(ex.regions, ["Kidal"]);
}

#[test]
fn an_undated_sentence_that_recalls_recalls_all_its_places() {
    let (events, mentioned) = regions(
        "Mardi, des hommes armés ont attaqué Titao. Foreign nationals have been kidnapped near Djibo in recent years.",
    );
    assert_eq!(events, ["Yaadga"]);
    assert_eq!(mentioned, ["Soum"]);
    // A recall in a relative clause is about that clause only.
    let (events, _) =
        regions("GATIA took over the town of Anefis, which was previously held by the CMA.");
    assert_eq!(events, ["Kidal"]);
}

#[test]
fn a_capital_after_its_title_and_a_place_left_out_are_mentions() {
    let (events, mentioned) = regions(
        "The attack happened Wednesday near the village of Tongo Tongo, about 120 miles (200 kilometers) north of the capital, Niamey.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
    let (events, mentioned) = regions(
        "Après l'attaque de dimanche près de Kouré, tout le territoire, à l'exception de la ville de Niamey, est déconseillé.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
}

#[test]
fn fled_from_around_a_town_is_a_mention() {
    let (events, mentioned) = regions(
        "Lundi, des hommes armés ont attaqué un poste à Ménaka, où vivent des familles qui ont fui les violences autour de Léré.",
    );
    assert_eq!(events, ["Ménaka"]);
    assert_eq!(mentioned, ["Tombouctou"]);
}

#[test]
fn a_report_published_today_is_about_earlier_events() {
    let ex = read(
        "Security forces arrested 102 men in Inatès between 27 March and 2 April 2020, Amnesty International said in a report published today.",
        "2020-06-10",
    );
    assert_eq!(ex.months, ["2020-03", "2020-04"]);
}

#[test]
fn a_fronted_month_of_a_pluperfect_is_recalled() {
    let ex = read(
        "Vendredi matin, des hommes armés ont tué deux enseignants à Kourfayel. En février, des hommes armés avaient fait irruption dans une école de Tongomayel.",
        "2017-03-04",
    );
    assert_eq!(ex.months, ["2017-03"]);
    assert_eq!(ex.background_months, ["2017-02"]);
    // The place before the auxiliary is recalled too.
    let ex = read(
        "Vendredi matin, des hommes armés ont tué deux enseignants près de Djibo. À Titao, des hommes armés avaient incendié une école.",
        "2017-03-04",
    );
    assert_eq!(ex.regions, ["Soum"]);
}

#[test]
fn rocket_fire_is_an_incident_and_a_convoy_travelling_is_not() {
    let ex = read(
        "Forty-nine civilians were killed on Thursday in an attack on a boat, the government said.\n\nThe boat came under rocket fire near Banikane, in the Gourma-Rharous district of the Timbuktu region.",
        "2023-09-08",
    );
    assert_eq!(ex.regions, ["Tombouctou"]);
    let (events, _) = regions(
        "Mardi, des centaines de familles sont arrivées à Fada N'Gourma. La plupart ont voyagé en convoi escorté sur l'axe Kantchari-Fada N'Gourma.",
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn a_surname_with_a_possessive_and_the_press_of_a_capital_are_no_event_places() {
    let (events, _) =
        regions("On Tuesday mutinous soldiers drove into Bamako and surrounded Keita's residence.");
    assert_eq!(events, ["Bamako"]);
    let (events, mentioned) = regions(
        "Mercredi, quatre soldats ont été tués près de Tongo Tongo. Jeudi, le ministre a confirmé devant la presse à Niamey la présence de militaires étrangers.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
}

#[test]
fn an_army_region_is_no_region() {
    let ex = read(
        "Samedi, les rebelles se sont emparés de Gao, où se trouvait l'état-major de la région militaire du Nord.",
        "2012-04-02",
    );
    assert_eq!(ex.regions, ["Gao"]);
}

#[test]
fn funerals_bodies_moved_and_an_earlier_attack_are_mentions() {
    let (events, mentioned) = regions(
        "Jeudi, des hommes armés ont attaqué le camp de Chinégodar. Le président a présidé samedi les obsèques des soldats au cimetière militaire de Niamey.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
    let (events, mentioned) = regions(
        "Vendredi, une embuscade a tué cinq casques bleus près d'Indelimane. Les dépouilles des soldats ont été transférées samedi à Gao.",
    );
    assert_eq!(events, ["Ménaka"]);
    assert_eq!(mentioned, ["Gao"]);
    let (events, mentioned) =
        regions("Mali : après Bourem, les rebelles attaquent dimanche le camp de Léré");
    assert_eq!(events, ["Tombouctou"]);
    assert_eq!(mentioned, ["Gao"]);
}

#[test]
fn a_list_after_an_origin_with_des_and_a_capital_nearby_are_mentions() {
    let (events, mentioned) = regions(
        "Samedi, le festival de Dédougou a réuni des troupes venues des provinces du Mouhoun, des Banwa et du Sourou.",
    );
    assert_eq!(events, ["Bankui"]);
    assert_eq!(mentioned, ["Sourou"]);
    let (events, mentioned) = regions(
        "Mardi, une embuscade meurtrière a visé des gendarmes à proximité de Niamey, près du village de Karma.",
    );
    assert!(!events.contains(&"Niamey".to_string()), "{events:?}");
    assert_eq!(mentioned, ["Niamey"]);
}

#[test]
fn when_something_was_said_is_no_background_of_what_was_said() {
    let ex = read(
        "Extremists killed at least 28 people in an overnight attack on the town of Toumour, the government said Monday.\n\nThe attackers arrived on motorcycles late Saturday and set fire to about 800 homes, the interior minister said.",
        "2020-12-14",
    );
    assert_eq!(ex.regions, ["Diffa"]);
}

#[test]
fn a_river_named_like_a_town_and_officials_who_comment_are_no_event_places() {
    let (events, _) = regions(
        "Mardi, la crue du fleuve a inondé Djenné: the rising waters of the Bani river damaged houses in Djenné.",
    );
    assert_eq!(events, ["Mopti"]);
    let (events, mentioned) = regions(
        "On Tuesday soldiers killed 300 men in Moura. Government officials in Bamako did not respond to requests for comment.",
    );
    assert_eq!(events, ["Mopti"]);
    assert_eq!(mentioned, ["Bamako"]);
    // Officials attacked where they live are no such seat.
    let (events, _) = regions(
        "On Tuesday rioters attacked and burned the homes of government officials in Ouahigouya.",
    );
    assert_eq!(events, ["Yaadga"]);
}

#[test]
fn a_situation_that_follows_the_events_is_no_background() {
    let ex = read(
        "Le gouvernement a décrété un deuil national à compter de ce samedi 22 mars, au lendemain de l'attaque contre la mosquée du village de Fambita, dans la commune rurale de Kokorou. L'attaque s'est produite le vendredi 21 mars vers 14 heures.",
        "2025-03-22",
    );
    assert_eq!(ex.regions, ["Tillabéri"]);
    // A situation that started before them still is: "sous blocus depuis février 2022".
    let ex = read(
        "Le 13 juin, des hommes armés ont attaqué un poste près de Kaya. La ville de Djibo est sous blocus depuis février 2022.",
        "2023-06-15",
    );
    assert_eq!(ex.regions, ["Kuilsé"]);
    assert_eq!(ex.mentioned_regions, ["Soum"]);
}

#[test]
fn where_goods_were_flown_to_is_a_mention() {
    let (events, mentioned) = regions(
        "On Saturday the government removed three tonnes of gold from the Loulo mine. Sources said the gold was flown by helicopter to a commercial bank in Bamako.",
    );
    assert_eq!(events, ["Kayes"]);
    assert_eq!(mentioned, ["Bamako"]);
}

#[test]
fn a_route_that_does_not_run_straight_is_located_by_the_town_it_was_hit_near() {
    let (events, mentioned) = regions(
        "Jeudi, le bateau, qui assurait la liaison entre Gao et Mopti, a été pris pour cible près de Bamba par trois roquettes.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Mopti"]);
}

#[test]
fn without_a_toll_is_no_denial_of_the_attack() {
    let (events, _) = regions(
        "Mardi, l'armée a repoussé des attaques. Plus à l'est, dans le cercle de Niono, Niono et Molodo ont également été attaquées, sans qu'un bilan détaillé soit communiqué.",
    );
    assert_eq!(events, ["Ségou"]);
}

#[test]
fn essakane_near_timbuktu_is_the_festival_village_and_evacuate_is_movement() {
    let (events, _) = regions(
        "Samedi soir, le Festival au Désert s'est achevé dans les dunes d'Essakane, à une soixantaine de kilomètres de Tombouctou.",
    );
    assert_eq!(events, ["Tombouctou"]);
    let (events, mentioned) = regions(
        "On Saturday gunmen killed 160 villagers in Ogossagou. MINUSMA sent helicopters to evacuate the wounded to Mopti.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
}

#[test]
fn a_capital_without_an_incident_near_it_is_a_mention_when_events_are_elsewhere() {
    let (events, mentioned) = regions(
        "Jeudi, des hommes armés ont attaqué le camp de Kidal. À Bamako, jeudi, l'incompréhension domine.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Bamako"]);
    // With an incident near it, the capital is an event place too.
    let (events, _) = regions(
        "Jeudi, des hommes armés ont attaqué le camp de Kidal. À Bamako, jeudi, une explosion a tué deux passants.",
    );
    assert_eq!(events, ["Kidal", "Bamako"]);
    // Alone, it keeps its events: a festival, a trial, a summit.
    let (events, _) = regions(
        "Samedi, le festival s'est ouvert à Ouagadougou devant des milliers de spectateurs.",
    );
    assert_eq!(events, ["Kadiogo"]);
}

#[test]
fn a_lead_without_a_place_is_placed_by_the_sentence_that_says_where() {
    // The lead tells the attack and a country; the next sentences say where, with no word of an
    // incident of their own.
    let (events, _) = regions(
        "Four soldiers were killed on Sunday when their convoy was ambushed in northern Burkina Faso, the army said. The soldiers were escorting traders near the town of Gorgadji, some 40 km west of Dori.",
    );
    assert_eq!(events, ["Liptako"]);
    let (events, _) = regions(
        "Un enseignant a été enlevé dans la nuit de jeudi à vendredi dans l'ouest du Niger. Selon un élu local, il vivait dans la commune de Banibangou, près de la frontière malienne.",
    );
    assert_eq!(events, ["Tillabéri"]);
    // Not a name in someone's title, nor the town the wire is filed from, nor after a lead that
    // tells of a meeting or of people fleeing.
    let (events, _) = regions(
        "A policeman was shot dead on Tuesday in the west of the country. The mayor of Ouallam said the man was a father of three.",
    );
    assert!(events.is_empty(), "{events:?}");
    let (events, _) = regions(
        "NIAMEY, 3 mars (AFP) - Un prêtre a été enlevé dans la nuit de lundi à mardi dans le sud-ouest du pays. « Ils sont venus à moto », a indiqué un prêtre à Niamey.",
    );
    assert!(events.is_empty(), "{events:?}");
    let (events, _) = regions(
        "Regional ministers met in Dakar on Monday to discuss border security. They said traders in the town of Gorgadji had asked for more money.",
    );
    assert!(events.is_empty(), "{events:?}");
    let (events, _) = regions(
        "More than 2,000 people have fled into Mali since the start of the month. Many came from villages near Inata, aid workers said.",
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn a_road_end_past_its_link_and_a_capital_compared_are_mentions() {
    // The link's object may run over a few words ("Téra in western Niger").
    let (events, mentioned) = regions(
        "Gunmen burned six trucks on Monday on the highway linking Kantchari in eastern Burkina Faso to Makalondi in Niger, drivers said.",
    );
    assert_eq!(events, ["Tapoa"]);
    assert_eq!(mentioned, ["Tillabéri"]);
    // "the closest to Bamako": a capital named to say how near the attack came.
    let (events, mentioned) = regions(
        "On Monday, jihadists attacked a checkpoint at Kolokani. It was one of the attacks closest to Bamako this year.",
    );
    assert_eq!(events, ["Koulikoro"]);
    assert_eq!(mentioned, ["Bamako"]);
}

fn titled(title: &str, text: &str) -> Extraction {
    let meta = DocMeta {
        id: "t".into(),
        title: Some(title.into()),
        published: "2024-03-08".parse().ok(),
        ..DocMeta::default()
    };
    extract(text, &meta, extractor())
}

#[test]
fn a_trial_reports_the_court_and_names_the_case_tried() {
    // The attack tried is no event of the report; the court's sitting is, though a court is
    // otherwise a venue.
    let ex = titled(
        "Procès de l'attaque de Gorom-Gorom : six accusés condamnés",
        "La chambre criminelle du tribunal de Ouagadougou a condamné mardi six hommes pour l'attaque de Gorom-Gorom, qui avait fait douze morts.",
    );
    assert_eq!(ex.regions, ["Kadiogo"]);
    assert_eq!(ex.mentioned_regions, ["Liptako"]);
    let ex = titled(
        "Court jails former Gao militia leader",
        "A court in Niamey on Tuesday sentenced a former Gao militia leader to twenty years for the killing of villagers near Ansongo.",
    );
    assert_eq!(ex.regions, ["Niamey"]);
    // Without a trial in the title, a prosecutor's statement is no trial.
    let ex = titled(
        "Tuerie de Boni : le procureur annonce une enquête",
        "Le procureur près le tribunal de Mopti a annoncé mardi une enquête sur la tuerie survenue dimanche à Boni.",
    );
    assert!(
        ex.regions.contains(&"Douentza".to_string()),
        "{:?}",
        ex.regions
    );
}

#[test]
fn islamic_state_beside_al_qaeda_is_the_networks_in_general() {
    let ex = read(
        "Gunmen killed twelve villagers near Djibo on Sunday. No group claimed the attack, but militants linked to al Qaeda and Islamic State are active in the area.",
        "2024-03-08",
    );
    assert!(!ex.actors.contains(&"EIGS".to_string()), "{:?}", ex.actors);
    let ex = read(
        "Gunmen killed twelve villagers near Djibo on Sunday. The Islamic State claimed the attack on Monday.",
        "2024-03-08",
    );
    assert!(ex.actors.contains(&"EIGS".to_string()), "{:?}", ex.actors);
}

#[test]
fn the_army_is_the_country_of_the_towns_when_another_country_is_named_whole() {
    // A raid "au Mali" named as a whole does not make a report on Inata a report on two countries.
    let ex = read(
        "Des hommes armés ont attaqué Inata mardi. L'armée a repoussé l'assaut. Le JNIM a revendiqué l'attaque en représailles à un raid français au Mali.",
        "2024-03-08",
    );
    assert!(
        ex.actors.contains(&"Armée burkinabè".to_string()),
        "{:?}",
        ex.actors
    );
}

#[test]
fn the_place_of_what_a_sequel_follows_is_a_mention() {
    let (events, mentioned) = regions(
        "Gunmen killed 40 villagers near Tillia on Sunday. The massacre comes less than a week after gunmen killed 58 people near Banibangou on 1 March.",
    );
    assert_eq!(events, ["Tahoua"]);
    assert_eq!(mentioned, ["Tillabéri"]);
}

#[test]
fn where_survivors_shelter_is_a_mention_and_so_is_the_next_of_its_list() {
    let (events, mentioned) = regions(
        "Gunmen killed 30 villagers in Ogossagou on Sunday. Most survivors are now sheltering with relatives in Bandiagara town or in Sévaré.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
    // ", in the … province" locates the place before it: no list.
    let (events, _) = regions(
        "On Sunday, gunmen attacked displaced people returning to their villages near Pissila, in the Sanmatenga province, killing 25 men.",
    );
    assert_eq!(events, ["Kuilsé"]);
}

#[test]
fn march_written_as_the_month_is_no_protest_march() {
    // "on 12 March" beside a capital does not anchor it as a march would.
    let (events, mentioned) = regions(
        "Gunmen attacked a checkpoint in Inékar on Monday. In Bamako, the authorities on 12 March adopted a bill on recruitment.",
    );
    assert_eq!(events, ["Ménaka"]);
    assert_eq!(mentioned, ["Bamako"]);
    // A protest march still is an incident.
    let (events, _) = regions("Hundreds of women took part in a march in Bamako on Monday.");
    assert_eq!(events, ["Bamako"]);
}

#[test]
fn a_place_the_gazetteer_lacks_lies_in_the_one_region_of_the_group_named() {
    // Boko Haram's and ISWAP's home in the three countries is the Lake Chad basin in Niger, all
    // of it in the Diffa region: a village no gazetteer lists is Diffa's.
    let (events, _) = regions(
        "Des éléments de Boko Haram ont attaqué dans la nuit de mardi le village de Koulboua, tuant trois civils et emportant du bétail.",
    );
    assert_eq!(events, ["Diffa"]);
    let ex = read(
        "ISWAP fighters attacked an army post at Koulboua on Tuesday night, the Nigerien defence ministry said.",
        "2024-03-08",
    );
    assert_eq!(ex.regions, ["Diffa"]);
    assert!(
        ex.evidence
            .iter()
            .any(|e| e.facet == "regions" && e.value == "Diffa" && e.text == "Koulboua"),
        "{:?}",
        ex.evidence
    );
    // Not across a border: the basin is also Nigeria's, Chad's and Cameroon's.
    for text in [
        "Boko Haram insurgents attacked the village of Koulboua in Borno State on Tuesday, killing three farmers.",
        "Boko Haram insurgents attacked the village of Koulboua on the Cameroonian side of the lake on Tuesday.",
        "Boko Haram insurgents attacked the village of Koulboua on Tuesday, Nigerian police said.",
    ] {
        let (events, mentioned) = regions(text);
        assert!(events.is_empty() && mentioned.is_empty(), "{text}: {events:?}");
    }
    // A lake shared by four countries is no village of the area.
    let (events, _) =
        regions("Boko Haram fighters attacked fishermen on islands in Lake Chad on Tuesday.");
    assert!(events.is_empty(), "{events:?}");
    // A known place decides.
    let (events, _) = regions(
        "Boko Haram fighters abducted two traders in the village of Koulboua, 40 km from Zinder, on Tuesday.",
    );
    assert_eq!(events, ["Zinder"]);
    // Nor for a community whose home spans several regions (the Dogon country).
    let (events, mentioned) = regions(
        "Des chasseurs dogons ont attaqué mardi le village de Koulboua, tuant trois éleveurs.",
    );
    assert!(events.is_empty() && mentioned.is_empty(), "{events:?}");
}

#[test]
fn rivers_longer_names_and_visitors_are_no_event_places() {
    // Two rivers named together: the first is a river too, not Burkina Faso's Bani.
    let (events, _) = regions(
        "Heavy rain on Tuesday made the Bani and Niger rivers overflow, flooding parts of Mopti.",
    );
    assert_eq!(events, ["Mopti"]);
    // "Dar es Salam" is one name (a camp in Chad), not Mali's Salam.
    let (events, mentioned) = regions(
        "Deux kamikazes se sont fait exploser mardi près du camp de Dar es Salam, à Baga Sola.",
    );
    assert!(events.is_empty() && mentioned.is_empty(), "{events:?}");
    // People named after where they come from are elsewhere.
    let (events, mentioned) = regions(
        "The fair opened on Tuesday in Diffa, with buyers from Zinder and traders from Maradi.",
    );
    assert_eq!(events, ["Diffa"]);
    assert_eq!(mentioned, ["Zinder", "Maradi"]);
    let (events, mentioned) = regions(
        "Le festival s'est ouvert mardi à Ségou, a déclaré un commerçant de Mopti venu pour l'occasion.",
    );
    assert_eq!(events, ["Ségou"]);
    assert_eq!(mentioned, ["Mopti"]);
    // A company named after a town.
    let (events, _) = regions(
        "Neuf passagers ont été tués mardi lorsqu'un car de la compagnie Bani Transport a sauté sur une mine près de Bandiagara.",
    );
    assert_eq!(events, ["Bandiagara"]);
    // Where people left for.
    let (events, mentioned) =
        regions("Gunmen attacked Bosso on Tuesday. Hundreds of residents had left for Zinder.");
    assert_eq!(events, ["Diffa"]);
    assert_eq!(mentioned, ["Zinder"]);
}

#[test]
fn a_hospital_visited_and_everywhere_but_the_capital_are_mentions() {
    let (events, mentioned) = regions(
        "Le ministre a rendu visite mardi aux blessés à l'hôpital de référence de Niamey, après l'attaque de Tillia.",
    );
    assert_eq!(events, ["Tahoua"]);
    assert_eq!(mentioned, ["Niamey"]);
    let (events, mentioned) = regions(
        "Une embuscade a visé mardi une patrouille près de Boni. Le gouverneur s'est rendu mercredi au chevet des blessés à Mopti.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Mopti"]);
    let (events, mentioned) = regions(
        "Le gouvernement nigérien a restreint mardi les déplacements des expatriés hors de la capitale, après l'attaque de Kouré.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Niamey"]);
}

#[test]
fn a_sahel_army_s_namesake_abroad_is_not_that_army() {
    let ex = read(
        "Le BIR a repoussé mardi une attaque de Boko Haram à Kolofata, selon des sources camerounaises.",
        "2024-03-08",
    );
    assert_eq!(ex.actors, ["Boko Haram"]);
    let ex = read(
        "Des éléments du BIR ont repoussé mardi une attaque à Djibo.",
        "2024-03-08",
    );
    assert_eq!(ex.actors, ["Armée burkinabè"]);
}

#[test]
fn where_a_journey_had_started_is_a_mention() {
    let (events, mentioned) = regions(
        "The convoy, which had left Gao for Kidal, was attacked on Saturday about 20 kilometres north of Anefis.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Gao"]);
    // The towns a road runs to.
    let (events, mentioned) = regions(
        "Gunmen ambushed a patrol near Boni on Monday. The road that runs past the mountains to Gossi is among the most mined in the country.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Tombouctou"]);
    // Leaving, not having left: the attack may be near the start.
    let (events, _) = regions("Gunmen attacked a truck leaving Gao for Ansongo on Saturday.");
    assert!(events.iter().any(|r| r == "Gao"), "{events:?}");
}

#[test]
fn a_quoted_name_after_an_article_and_a_country_s_own_place() {
    // A town takes no article: "the "Tombouctou"" is a boat named after it.
    let (events, _) =
        regions("On Thursday one of them, the \"Tombouctou\", was hit by rockets near Bamba.");
    assert_eq!(events, ["Gao"]);
    // "Mali's Gourma" is no province of Burkina Faso.
    let (events, mentioned) =
        regions("In Mali's Gourma, a double attack on Monday exposes an army stretched thin.");
    assert!(events.is_empty() && mentioned.is_empty(), "{events:?}");
    let (events, _) = regions("Gunmen attacked Burkina Faso's Djibo on Monday.");
    assert_eq!(events, ["Soum"]);
    // Where an analyst or an officer who comments sits.
    let (events, mentioned) = regions(
        "Gunmen attacked Boulkessi on Monday. \"We are asking soldiers to hold positions,\" a retired colonel in Bamako said.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Bamako"]);
}

#[test]
fn denials_teams_refuges_and_origins_of_humanitarian_notes() {
    // A denied attack happened nowhere.
    let (events, mentioned) = regions("Boulkessi : l'armée dément une attaque contre le camp");
    assert!(events.is_empty(), "{events:?} {mentioned:?}");
    // Where a team set out from, partners came from, people sought refuge or come from.
    let (events, mentioned) = regions(
        "Gunmen attacked Ogossagou on Sunday. A joint assessment team left Mopti this morning for Bankass.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
    let (events, mentioned) = regions(
        "Gunmen attacked Diallassagou on Saturday. Humanitarian partners from Mopti conducted an assessment on Tuesday.",
    );
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
    let (events, mentioned) = regions(
        "Gunmen attacked Talataye on Tuesday. Thousands of people have sought refuge in Ménaka town.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Ménaka"]);
    let (events, mentioned) = regions(
        "Some 2,000 refugees arrived in Intikane on Monday. Most of them come from the area of Ménaka.",
    );
    assert_eq!(events, ["Tahoua"]);
    assert_eq!(mentioned, ["Ménaka"]);
    // A river's flood ("les crues du Bani") and a club named after its town.
    let (events, _) =
        regions("Mardi, les crues du Bani ont détruit des rizières autour de Djenné.");
    assert_eq!(events, ["Mopti"]);
    let (events, mentioned) =
        regions("L'ASFA-Yennenga a battu samedi à Ouagadougou le Racing Club de Bobo-Dioulasso.");
    assert_eq!(events, ["Kadiogo"]);
    assert_eq!(mentioned, ["Guiriko"]);
}

#[test]
fn names_as_words_surnames_abroad_hedged_origins_and_a_silent_capital() {
    // Region names listed as names: the words, not the places.
    let (events, mentioned) = regions(
        "Huit mois après la réforme, les nouveaux noms – Liptako, Soum, Goulmou – sont entrés dans l'usage.",
    );
    assert!(events.is_empty() && mentioned.is_empty(), "{events:?}");
    // A surname that is also a town of another country than the report's.
    let (events, _) = regions(
        "Soldiers drove into Bamako on Tuesday, surrounded the president's residence and took Keita and Cisse back to Kati.",
    );
    assert!(!events.iter().any(|r| r == "Tahoua"), "{events:?}");
    // Where units set out from, hedged.
    let (events, mentioned) = regions(
        "Lundi, des unités venues de plusieurs garnisons, notamment de Kaya et de Dédougou, ont pris position à Ouagadougou.",
    );
    assert_eq!(events, ["Kadiogo"]);
    assert_eq!(mentioned, ["Kuilsé", "Bankui"]);
    // A capital that did not react stands for its government.
    let (events, mentioned) = regions(
        "Le sommet d'Abuja a levé samedi les sanctions contre le Niger. Niamey n'avait pas réagi dimanche soir.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert_eq!(mentioned, ["Niamey"]);
    // Not the town itself as the subject.
    let (events, _) = regions(
        "Après l'attaque de mardi contre l'école de gendarmerie, Bamako ne peut plus se croire à l'abri.",
    );
    assert_eq!(events, ["Bamako"]);
}

#[test]
fn a_landmark_town_a_nothing_to_report_line_an_operation_s_name_and_a_forecast() {
    // A distance from a town named with its title.
    let (events, mentioned) =
        regions("Des hommes armés ont attaqué mardi Koulogon, à 110 km de la ville de Mopti.");
    assert_eq!(events, ["Bandiagara"]);
    assert_eq!(mentioned, ["Mopti"]);
    // "RAS": rien à signaler.
    let (events, _) = regions(
        "05/03 - Attaque d'un poste de la gendarmerie à Boni.\n06/03 - Régions de Kidal et de Ménaka - RAS.",
    );
    assert_eq!(events, ["Douentza"]);
    // An operation codenamed after a place.
    let (events, mentioned) = regions(
        "Last month, Burkina Faso carried out a joint operation, codenamed \"Comoé\", against militants on Tuesday.",
    );
    assert!(events.is_empty() && mentioned.is_empty(), "{events:?}");
    // A forecast.
    let (events, mentioned) = regions(
        "Gunmen attacked Tessit on Monday. Expect continued pressure on the Gao-Ménaka axis in the coming weeks.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Ménaka"]);
}

#[test]
fn a_region_named_once_at_the_end_of_a_report_without_a_date_is_an_aside() {
    let report = |closing: &str| {
        format!(
            "Des hommes armés ont attaqué mardi le marché de Tessit, tuant quatre commerçants et \
             emportant du bétail.\n\nSelon un élu local, les assaillants sont arrivés à moto en \
             début d'après-midi et ont tiré sur la foule avant d'incendier plusieurs boutiques. \
             Les blessés ont été pris en charge par le centre de santé de la commune.\n\nLes \
             habitants réclament le retour d'un poste de sécurité fermé l'an dernier et \
             dénoncent l'isolement de la commune, sans liaison routière sûre depuis des \
             mois.\n\n{closing}"
        )
    };
    // Context at the end, undated.
    let (events, mentioned) = regions(&report(
        "Les attaques contre les foires hebdomadaires se multiplient aussi autour de Boni.",
    ));
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Douentza"]);
    // An incident of the report told at the end comes with its day: an event.
    let (events, _) = regions(&report(
        "Le même jour, une patrouille a été visée par un engin explosif près de Boni.",
    ));
    assert_eq!(events, ["Gao", "Douentza"]);
    // Nor a region of a short note's only sentence.
    let (events, _) = regions(
        "Gunmen looted the market of Tessit and burned shops, then ambushed a convoy near Boni.",
    );
    assert_eq!(events, ["Gao", "Douentza"]);
}

#[test]
fn a_month_dated_only_in_the_closing_part_before_the_events_is_a_recall() {
    let report = |closing: &str| {
        read(
            &format!(
                "Des hommes armés ont attaqué le 3 janvier le poste de gendarmerie de Tessit, \
                 tuant deux gendarmes.\n\nSelon une source sécuritaire, les assaillants, venus à \
                 moto, ont incendié un véhicule avant de se replier vers la frontière. Un \
                 ratissage était en cours le 4 janvier dans les environs de la commune.\n\nLes \
                 habitants disent vivre dans la peur et réclament le renforcement du dispositif \
                 de sécurité sur l'axe principal, coupé depuis plusieurs semaines.\n\n{closing}"
            ),
            "2025-01-06",
        )
    };
    // The end comes back to an earlier attack: its month is background.
    let x =
        report("Le 27 décembre, une patrouille avait été prise en embuscade dans la même zone.");
    assert_eq!(x.months, ["2025-01"]);
    assert!(
        x.background_months.contains(&"2024-12".to_string()),
        "{x:?}"
    );
    // Without a word of recall too.
    let x = report("Le 27 décembre, une patrouille a été prise en embuscade dans la même zone.");
    assert_eq!(x.months, ["2025-01"]);
    // A later month at the end is the report's own (a summary running into the next month).
    let x = read(
        "Le 28 décembre, des hommes armés ont attaqué le poste de gendarmerie de Tessit, tuant \
         deux gendarmes.\n\nSelon une source sécuritaire, les assaillants, venus à moto, ont \
         incendié un véhicule avant de se replier vers la frontière. Les habitants réclament le \
         renforcement du dispositif de sécurité sur l'axe principal.\n\nLe 2 janvier, une \
         patrouille a été prise en embuscade près de Boni.",
        "2025-01-06",
    );
    assert_eq!(x.months, ["2024-12", "2025-01"]);
    // Nor the lines of a log running from the newest day to the oldest.
    let x = read(
        "Journal des incidents, semaine du 29 décembre au 4 janvier.\n\
         04/01 - Attaque du poste de gendarmerie de Tessit ; deux gendarmes tués.\n\
         03/01 - Enlèvement de deux bergers près de Ménaka, libérés le soir même.\n\
         02/01 - Marché de Boni fermé après des menaces ; pas de victime signalée.\n\
         30/12 - Embuscade contre un convoi de ravitaillement sur l'axe Douentza-Boni.",
        "2025-01-06",
    );
    assert_eq!(x.months, ["2024-12", "2025-01"]);
    // A month dated earlier in the report too stays.
    let x = read(
        "Le 27 décembre puis le 3 janvier, des hommes armés ont attaqué le poste de gendarmerie \
         de Tessit.\n\nSelon une source sécuritaire, les assaillants, venus à moto, ont incendié \
         un véhicule avant de se replier vers la frontière. Les habitants réclament le \
         renforcement du dispositif de sécurité sur l'axe principal.\n\nLe 27 décembre, les \
         assaillants avaient aussi enlevé deux bergers.",
        "2025-01-06",
    );
    assert_eq!(x.months, ["2024-12", "2025-01"]);
}

#[test]
fn regions_named_as_a_list_of_wholes_are_an_overview_even_with_a_date() {
    let (events, mentioned) = regions(
        "Gunmen killed three traders at the Téra market on Monday. On Tuesday, the Dosso and \
         Maradi regions recorded eleven security incidents.",
    );
    assert_eq!(events, ["Tillabéri"]);
    assert_eq!(mentioned, ["Dosso", "Maradi"]);
    // The list only: the region the sentence is about stays.
    let (events, mentioned) = regions(
        "Des hommes armés ont attaqué lundi le marché de Téra, tuant trois commerçants. La région \
         de Dosso, longtemps épargnée par les violences qui touchent les régions de Tillabéri et \
         de Maradi, a enregistré mardi onze incidents.",
    );
    assert_eq!(events, ["Tillabéri", "Dosso"]);
    assert_eq!(mentioned, ["Maradi"]);
    // One region named as the place of a dated event stays.
    let (events, _) = regions(
        "Des hommes armés ont attaqué lundi le marché de Téra. Mardi, dans la région de Dosso, \
         deux gendarmes ont été tués dans une embuscade.",
    );
    assert_eq!(events, ["Tillabéri", "Dosso"]);
}

#[test]
fn a_memo_s_addressees_and_teams_named_after_their_base_are_mentions() {
    let (events, mentioned) = regions(
        "To: heads of the Kayes, Ségou and Mopti offices\nFrom: security focal point\nSubject: \
         attack near Boni\n\nGunmen attacked a truck near Boni on Tuesday; two drivers were \
         wounded.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Kayes", "Ségou", "Mopti"]);
    let (events, _) = regions(
        "Objet : incident à Kaya\nDe : bureau de sécurité\n\nDes hommes armés ont volé mardi \
         un véhicule à Kaya.",
    );
    assert_eq!(events, ["Kuilsé"]);
    let (events, mentioned) = regions(
        "Note for the Sikasso and Koutiala teams: gunmen ambushed a bus near Boni on Sunday, \
         no staff involved.",
    );
    assert_eq!(events, ["Douentza"]);
    assert_eq!(mentioned, ["Sikasso", "Koutiala"]);
    // A team attacked where it is stays where it was attacked.
    let (events, _) =
        regions("Gunmen attacked our Gao team near Ansongo on Monday; nobody was hurt.");
    assert_eq!(events, ["Gao"]);
}

#[test]
fn a_capital_whose_word_is_reported_a_distance_read_through_a_bracket_and_no_ceremony() {
    // "Selon Bamako": the government's word, not where things happened.
    let (events, mentioned) = regions(
        "Selon Bamako, des assaillants ont attaqué mardi le gouvernorat de Kidal et retenu des fonctionnaires.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Bamako"]);
    let (events, _) = regions("According to Niamey, gunmen attacked a post in Tahoua on Tuesday.");
    assert_eq!(events, ["Tahoua"]);
    // A distance with its conversion in brackets is still a distance.
    let (events, mentioned) = regions(
        "Gunmen killed six aid workers on Sunday in a wildlife park about 60 kilometres (40 miles) southeast of Niamey.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert_eq!(mentioned, ["Niamey"]);
    // A ceremony that was not held happened nowhere.
    let (events, _) =
        regions("On Monday there was no official ceremony in Bamako to mark the anniversary.");
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn where_the_report_s_interviews_were_held_is_a_mention() {
    let (events, mentioned) = regions(
        "On Monday night, armed men killed 12 villagers in Solhan. Our researchers interviewed 30 survivors and witnesses in Kaya and Ouagadougou, where many have fled.",
    );
    assert_eq!(events, ["Liptako"]);
    assert_eq!(mentioned, ["Kuilsé", "Kadiogo"]);
    let (events, _) = regions(
        "Nous avons interrogé par téléphone depuis Kaya des habitants de Barsalogho, où des hommes armés ont attaqué lundi le marché.",
    );
    assert_eq!(events, ["Kuilsé"]);
    // Where the people heard live is not where they were heard.
    let (events, _) = regions(
        "On Monday gunmen attacked the market of Djibo. Residents of Djibo interviewed by telephone said the attackers came on motorbikes.",
    );
    assert_eq!(events, ["Soum"]);
}

#[test]
fn a_quarter_of_a_town_is_not_the_village_of_its_name() {
    // Hamdallaye is a quarter of Bamako and a village near Say, in Niger.
    let (events, mentioned) = regions(
        "On Sunday, voters queued at a school in the Hamdallaye neighborhood from early morning.",
    );
    assert!(
        events.is_empty() && mentioned.is_empty(),
        "{events:?} {mentioned:?}"
    );
    let (events, _) =
        regions("Dimanche, des tirs ont été entendus dans le quartier de Hamdallaye.");
    assert!(events.is_empty(), "{events:?}");
    // The village itself, and the quarters of a town, which are the town's.
    let (events, _) =
        regions("Dimanche, des hommes armés ont attaqué le village de Hamdallaye, près de Say.");
    assert_eq!(events, ["Tillabéri"]);
    let (events, _) =
        regions("Dimanche, des tirs ont été entendus dans plusieurs quartiers de Ouagadougou.");
    assert_eq!(events, ["Kadiogo"]);
    let (events, _) = regions("Dimanche, des tirs ont visé le quartier de Ouaga 2000.");
    assert_eq!(events, ["Kadiogo"]);
}

#[test]
fn a_bank_goods_went_to_traders_who_had_left_and_a_council_called_in_the_capital() {
    // Going to a facility of a town, past its indefinite article.
    let (events, mentioned) = regions(
        "Mardi, les autorités ont fait saisir l'or du site de Loulo et l'ont fait évacuer par hélicoptère vers une banque commerciale de Bamako.",
    );
    assert!(!events.contains(&"Bamako".to_string()), "{events:?}");
    assert!(mentioned.contains(&"Bamako".to_string()), "{mentioned:?}");
    // "partis à Mopti": where they had gone.
    let (events, mentioned) =
        regions("Lundi, les premiers commerçants partis à Mopti sont revenus à Tombouctou.");
    assert_eq!(events, ["Tombouctou"]);
    assert_eq!(mentioned, ["Mopti"]);
    // A meeting called in the capital after fighting elsewhere.
    let (events, mentioned) = regions(
        "Des combats ont opposé mercredi l'armée à des rebelles à Aguelhok. A Bamako, le président a réuni jeudi un conseil de défense.",
    );
    assert_eq!(events, ["Kidal"]);
    assert_eq!(mentioned, ["Bamako"]);
    // The interviews of an inquiry, listed.
    let (events, _) = regions(
        "The strike on Monday hit a wedding near Douentza. Investigators conducted 400 interviews in Sevare, Bamako and Mopti.",
    );
    assert_eq!(events, ["Douentza"]);
}

#[test]
fn where_a_source_spoke_by_phone_from_is_a_mention() {
    let (events, mentioned) = regions(
        "A drone strike hit the Tarkint market on Saturday, killing 14 civilians. \"People ran to help,\" said a trader who spoke by phone from Kidal, where he has taken refuge.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Kidal"]);
    let (events, _) = regions(
        "Samedi, des hommes armés ont attaqué le marché de Tarkint, a indiqué un commerçant joint par téléphone à Kidal.",
    );
    assert_eq!(events, ["Gao"]);
}

#[test]
fn a_spokesman_speaking_a_boat_sailing_and_a_life_sentence() {
    let (events, mentioned) = regions(
        "Jihadists attacked the town of Barsalogho on Saturday. Government spokesman Jean Ouédraogo, speaking in Ouagadougou on Sunday, said the army had repelled the attack.",
    );
    assert_eq!(events, ["Kuilsé"]);
    assert_eq!(mentioned, ["Kadiogo"]);
    let (events, mentioned) = regions(
        "The boat was sailing upstream from Gao to Mopti when it came under rocket fire near Bamba on Thursday.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Mopti"]);
    // A title that tells of a sentence reports the court's sitting, not the case tried.
    let meta = DocMeta {
        id: "t".into(),
        title: Some(
            "Niger : perpétuité pour trois accusés de l'assassinat des humanitaires de Kouré"
                .into(),
        ),
        published: "2022-05-21".parse().ok(),
        ..DocMeta::default()
    };
    let ex = extract(
        "La chambre de jugement a condamné jeudi trois hommes à la réclusion criminelle à perpétuité pour leur participation à l'attaque de Kouré.",
        &meta,
        extractor(),
    );
    assert!(
        !ex.regions.contains(&"Tillabéri".to_string()),
        "{:?}",
        ex.regions
    );
}

#[test]
fn a_distance_a_few_words_after_the_place_and_staff_relocated() {
    let (events, mentioned) = regions(
        "Mardi, des hommes armés ont attaqué le détachement militaire d'Arbinda et la ville elle-même, située à environ 90 km au nord-ouest de Dori.",
    );
    assert_eq!(events, ["Soum"]);
    assert_eq!(mentioned, ["Liptako"]);
    let (events, mentioned) = regions(
        "Vendredi, Boko Haram a attaqué Bosso. Le personnel non essentiel a été relocalisé à Zinder samedi par la route.",
    );
    assert_eq!(events, ["Diffa"]);
    assert_eq!(mentioned, ["Zinder"]);
}

#[test]
fn advice_in_a_later_clause_leaves_the_incident_where_it_happened() {
    // The recommendation is the prefect's, earlier, in a clause of its own: the clash happened.
    let (events, _) = regions(
        "Mardi, des tirs ont visé le camp de Tessit. Two herder groups clashed in Djibasso over a water point that the prefect had previously recommended they share between the two camps.",
    );
    assert_eq!(events, ["Gao", "Sourou"]);
    // A habit said next to the place still anchors nothing.
    let (events, mentioned) = regions(
        "Mardi, des tirs ont visé le camp de Tessit. Roads around Bandiagara are frequently targeted by gunmen.",
    );
    assert_eq!(events, ["Gao"]);
    assert_eq!(mentioned, ["Bandiagara"]);
}

#[test]
fn a_village_of_a_country_the_text_never_points_to_is_not_meant() {
    // A report on Mali, twice: Niger's village of Hamdallaye is not the one meant (Hamdallaye is
    // also a quarter of Bamako and a name of many Malian villages).
    let (events, mentioned) = regions(
        "Les FAMa ont repoussé mardi une attaque contre le camp de Tessit, au Mali. Le même jour, des hommes armés ont incendié des greniers à Hamdallaye, selon des sources maliennes.",
    );
    assert_eq!(events, ["Gao"]);
    assert!(mentioned.is_empty(), "{mentioned:?}");
}

#[test]
fn the_capital_of_a_text_naming_several_countries_is_the_one_it_is_filed_from() {
    // Mali and Burkina Faso are named too: "the capital" is that of the wire's country, Niger.
    let (events, _) = regions(
        "NIAMEY, Niger (AFP) - Gunmen attacked a police station in the capital on Tuesday night, killing two officers, the interior ministry said. Officials blamed a cell linked to fighters based in Mali and Burkina Faso.",
    );
    assert_eq!(events, ["Niamey"]);
}

#[test]
fn where_a_convoy_set_off_from_is_a_mention() {
    let (events, mentioned) = regions(
        "Gunmen ambushed a convoy of 120 trucks near Diapaga on Sunday, five days after setting off from Fada N'Gourma.",
    );
    assert_eq!(events, ["Tapoa"]);
    assert_eq!(mentioned, ["Goulmou"]);
}

#[test]
fn where_a_protest_is_called_is_no_event_place() {
    let ex = read(
        "Mardi, l'attaque du poste d'Inata a fait 32 morts. Des organisations appellent à manifester samedi à Ouagadougou.",
        "2021-11-16",
    );
    assert_eq!(ex.regions, ["Soum"]);
    assert_eq!(ex.mentioned_regions, ["Kadiogo"]);
}

#[test]
fn a_background_section_recalls_however_near_its_dates() {
    let text = "SITREP 25/03/2019\n\nKEY EVENT\nOn Saturday (23/03), armed men attacked the village of Ogossagou, Bankass cercle.\n\nBACKGROUND\nOn 17/03, an army camp in Dioura was overrun.\n\nOUTLOOK\nHigh risk of retaliation.";
    let ex = read(text, "2019-03-25");
    assert_eq!(ex.regions, ["Bandiagara"]);
    assert_eq!(ex.mentioned_regions, ["Mopti"]);
    // A paragraph labelled so, and the section ends at the next heading.
    let text = "Gunmen attacked a bus near Gorom-Gorom on Monday.\n\nBackground: On 6 June, the health centre of Djibo was looted.";
    let ex = read(text, "2024-06-12");
    assert_eq!(ex.regions, ["Liptako"]);
    assert_eq!(ex.months, ["2024-06"]);
    let text = "2. BACKGROUND\nOn 3 June, the health centre of Markoye was looted.\n\n3. INCIDENTS\nOn 7 June, gunmen attacked a bus near Ouallam.";
    let ex = read(text, "2024-06-12");
    assert_eq!(ex.regions, ["Tillabéri"]);
    // "Contexte" heads the account of the events in humanitarian notes: no background.
    let text = "Contexte\n\nLe 7 juin, des hommes armés ont attaqué Ouallam.";
    assert_eq!(read(text, "2024-06-12").regions, ["Tillabéri"]);
}
