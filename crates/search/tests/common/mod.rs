//! Small in-memory indexes built straight through the schema, for the search tests and bench.

#![allow(dead_code)]

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use sahel_indexer::schema::{build_schema, Fields};
use sahel_search::{FacetsExpander, NameExpander, NoExpansion, Searcher};
use sahel_text::ProtectedWords;
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument};

/// One test document.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub id: String,
    pub title: String,
    pub body: String,
    pub lang: &'static str,
    pub published: Option<&'static str>,
    pub events: Vec<&'static str>,
    pub regions: Vec<&'static str>,
    pub countries: Vec<&'static str>,
    pub localities: Vec<&'static str>,
    pub actors: Vec<&'static str>,
    pub duplicate_of: Option<String>,
    pub source: Option<&'static str>,
    pub mentioned_regions: Vec<&'static str>,
    pub background_months: Vec<&'static str>,
}

impl Doc {
    pub fn new(id: &str, lang: &'static str, body: &str) -> Self {
        Doc {
            id: id.to_string(),
            title: String::new(),
            body: body.to_string(),
            lang,
            ..Default::default()
        }
    }
    pub fn title(mut self, title: &str) -> Self {
        self.title = title.to_string();
        self
    }
    pub fn published(mut self, day: &'static str) -> Self {
        self.published = Some(day);
        self
    }
    pub fn events(mut self, days: &[&'static str]) -> Self {
        self.events = days.to_vec();
        self
    }
    pub fn regions(mut self, v: &[&'static str]) -> Self {
        self.regions = v.to_vec();
        self
    }
    pub fn countries(mut self, v: &[&'static str]) -> Self {
        self.countries = v.to_vec();
        self
    }
    pub fn localities(mut self, v: &[&'static str]) -> Self {
        self.localities = v.to_vec();
        self
    }
    pub fn actors(mut self, v: &[&'static str]) -> Self {
        self.actors = v.to_vec();
        self
    }
    pub fn mentioned_regions(mut self, v: &[&'static str]) -> Self {
        self.mentioned_regions = v.to_vec();
        self
    }
    pub fn background_months(mut self, v: &[&'static str]) -> Self {
        self.background_months = v.to_vec();
        self
    }
    pub fn source(mut self, source: &'static str) -> Self {
        self.source = Some(source);
        self
    }
    pub fn duplicate_of(mut self, id: &str) -> Self {
        self.duplicate_of = Some(id.to_string());
        self
    }
}

fn date(day: &str) -> DateTime {
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("test date");
    let secs = date.and_time(NaiveTime::MIN).and_utc().timestamp();
    DateTime::from_timestamp_secs(secs)
}

fn month(day: &str) -> String {
    day[..7].to_string()
}

pub fn to_document(f: &Fields, doc: &Doc) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &doc.id);
    d.add_text(f.source_path, &doc.id);
    if let Some(source) = doc.source {
        d.add_text(f.source_name, source);
        let column = sahel_indexer::schema::facet("source").and_then(|(dim, _)| f.facet(dim));
        if let Some(column) = column {
            d.add_text(column, source);
        }
    }
    d.add_text(f.title, &doc.title);
    d.add_text(f.body, &doc.body);
    let (fr, en) = match doc.lang {
        "fr" => (true, false),
        "en" => (false, true),
        "und" => (true, true),
        _ => (false, false),
    };
    if fr {
        d.add_text(f.title_fr, &doc.title);
        d.add_text(f.body_fr, &doc.body);
    }
    if en {
        d.add_text(f.title_en, &doc.title);
        d.add_text(f.body_en, &doc.body);
    }
    d.add_text(f.title_exact, &doc.title);
    d.add_text(f.body_exact, &doc.body);
    d.add_text(f.language, doc.lang);
    if let Some(p) = doc.published {
        d.add_date(f.published, date(p));
    }
    for e in &doc.events {
        d.add_date(f.event_dates, date(e));
    }
    let sort = doc.events.iter().max().copied().or(doc.published);
    if let Some(s) = sort {
        d.add_date(f.sort_date, date(s));
    }
    let mut months: Vec<String> = if doc.events.is_empty() {
        doc.published.iter().map(|p| month(p)).collect()
    } else {
        doc.events.iter().map(|e| month(e)).collect()
    };
    months.sort();
    months.dedup();
    for m in &months {
        d.add_text(f.months, m);
    }
    for r in &doc.regions {
        d.add_text(f.regions, r);
    }
    for c in &doc.countries {
        d.add_text(f.countries, c);
    }
    for l in &doc.localities {
        d.add_text(f.localities, l);
    }
    for a in &doc.actors {
        d.add_text(f.actors, a);
    }
    let column = |name: &str| sahel_indexer::schema::facet(name).and_then(|(dim, _)| f.facet(dim));
    if let Some(column) = column("mentioned_region") {
        for r in &doc.mentioned_regions {
            d.add_text(column, r);
        }
    }
    if let Some(column) = column("background_month") {
        for m in &doc.background_months {
            d.add_text(column, m);
        }
    }
    if let Some(dup) = &doc.duplicate_of {
        d.add_text(f.duplicate_of, dup);
    }
    d
}

/// An in-memory index with the sahel analyzers.
pub fn index() -> (Index, Fields) {
    let (schema, fields) = build_schema();
    let index = Index::create_in_ram(schema);
    sahel_text::register_analyzers(index.tokenizers(), Arc::new(ProtectedWords::builtin()));
    (index, fields)
}

pub fn write(index: &Index, fields: &Fields, docs: &[Doc]) {
    let mut writer: IndexWriter = index.writer(50_000_000).expect("writer");
    for doc in docs {
        writer
            .add_document(to_document(fields, doc))
            .expect("add document");
    }
    writer.commit().expect("commit");
}

/// A searcher over `docs`, with the built-in gazetteer and actor table.
pub fn searcher(docs: &[Doc]) -> Searcher {
    let (index, fields) = index();
    write(&index, &fields, docs);
    let expander: Box<dyn NameExpander> = match FacetsExpander::builtin() {
        Some(e) => Box::new(e),
        None => Box::new(NoExpansion),
    };
    Searcher::new(index, expander).expect("searcher")
}

/// A deterministic generated corpus of `n` short French/English security reports with facets.
pub fn generated(n: usize) -> Vec<Doc> {
    const PLACES: [(&str, &str, &str); 10] = [
        ("Gao", "Gao", "Mali"),
        ("Ansongo", "Gao", "Mali"),
        ("Tombouctou", "Tombouctou", "Mali"),
        ("Ménaka", "Ménaka", "Mali"),
        ("Mopti", "Mopti", "Mali"),
        ("Djibo", "Sahel", "Burkina Faso"),
        ("Dori", "Sahel", "Burkina Faso"),
        ("Kaya", "Centre-Nord", "Burkina Faso"),
        ("Tillabéri", "Tillabéri", "Niger"),
        ("Diffa", "Diffa", "Niger"),
    ];
    const ACTORS: [&str; 5] = ["JNIM", "EIGS", "FAMa", "VDP", "FDS"];
    const FR: [&str; 12] = [
        "Une attaque contre un convoi militaire a fait plusieurs victimes",
        "Des frappes aériennes ont visé des positions terroristes",
        "L'armée malienne a repoussé une embuscade tendue par des hommes armés",
        "Des civils ont été enlevés sur la route nationale",
        "Le marché a été incendié lors d'une incursion nocturne",
        "Les forces de défense et de sécurité ont neutralisé des assaillants",
        "Un engin explosif improvisé a touché un véhicule de transport",
        "Des milliers de personnes déplacées ont rejoint les camps",
        "La situation sécuritaire reste préoccupante selon les autorités locales",
        "Un poste de gendarmerie a été attaqué dans la nuit",
        "Les populations dénoncent des exactions contre les civils",
        "Le blocus imposé par les groupes armés affecte le ravitaillement",
    ];
    const EN: [&str; 6] = [
        "Armed men attacked a military convoy killing several soldiers",
        "Air strikes targeted militant positions near the border",
        "Thousands of displaced people arrived in the camps this week",
        "An improvised explosive device hit a transport vehicle",
        "The security situation remains worrying according to local officials",
        "Gunmen abducted civilians on the main road",
    ];
    const DAYS: [&str; 28] = [
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
        "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28",
    ];
    const MONTHS: [&str; 12] = [
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
    ];
    let mut state: u64 = 0x5eed;
    let mut next = move |m: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % m
    };
    let mut docs = Vec::with_capacity(n);
    for i in 0..n {
        let (place, region, country) = PLACES[next(PLACES.len())];
        let actor = ACTORS[next(ACTORS.len())];
        let english = next(5) == 0;
        let mut body = String::new();
        for _ in 0..(3 + next(5)) {
            let sentence = if english {
                EN[next(EN.len())]
            } else {
                FR[next(FR.len())]
            };
            body.push_str(sentence);
            body.push_str(if english { " near " } else { " près de " });
            body.push_str(place);
            body.push_str(", ");
            body.push_str(actor);
            body.push_str(". ");
        }
        let year = ["2022", "2023", "2024"][next(3)];
        let day: &'static str =
            Box::leak(format!("{year}-{}-{}", MONTHS[next(12)], DAYS[next(28)]).into_boxed_str());
        let title = if english {
            format!(
                "{} in {place}",
                ["Attack", "Air strike", "Ambush", "Displacement"][next(4)]
            )
        } else {
            format!(
                "{} à {place}",
                ["Attaque", "Frappe aérienne", "Embuscade", "Déplacés"][next(4)]
            )
        };
        docs.push(
            Doc::new(
                &format!("gen/{i:06}.txt"),
                if english { "en" } else { "fr" },
                &body,
            )
            .title(&title)
            .published(day)
            .regions(&[region])
            .countries(&[country])
            .localities(&[place])
            .actors(&[actor]),
        );
    }
    docs
}
