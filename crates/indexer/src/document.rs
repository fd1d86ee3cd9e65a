//! Turning an analysed record into a tantivy document of the schema.

use chrono::NaiveDate;
use sahel_facets::evidence::{Evidence, Sentences};
use sahel_facets::{Extraction, PlaceRole, ResolvedPlace};
use tantivy::schema::{Facet, OwnedValue};
use tantivy::{DateTime, TantivyDocument};

use crate::analysis::Analysed;
use crate::record::SourceRecord;
use crate::schema::{names, FacetDim, Fields, FACETS};

/// Where a record came from and who it is.
#[derive(Debug, Clone)]
pub struct Identity {
    pub id: String,
    /// Absolute path of the file.
    pub source_path: String,
    /// blake3 of the whole file.
    pub source_hash: String,
    /// blake3 of the cleaned, whitespace-normalised body: equal for copies of one report.
    pub content_hash: String,
}

/// The hash that identifies a document's content across files, encodings and line endings.
pub fn content_hash(body: &str) -> String {
    let normalized = sahel_text::normalized(body);
    // The words, each followed by one space, hashed in one call (blake3 is slow on many small
    // updates; the bytes, hence the hash, are those of hashing word by word).
    let mut words = String::with_capacity(normalized.len() + 1);
    for word in normalized.split_whitespace() {
        words.push_str(word);
        words.push(' ');
    }
    short_hash(blake3::hash(words.as_bytes()))
}

/// A blake3 hash as 32 hex digits (128 bits: no accidental collision in any corpus, half the bytes
/// of the full hash in the index).
pub fn short_hash(hash: blake3::Hash) -> String {
    let mut hex = hash.to_hex().to_string();
    hex.truncate(32);
    hex
}

fn date_value(date: NaiveDate) -> DateTime {
    let secs = date
        .and_hms_opt(0, 0, 0)
        .map_or(0, |dt| dt.and_utc().timestamp());
    DateTime::from_timestamp_secs(secs)
}

/// `/Mali/Tombouctou/Niafunké/Léré` (missing levels left out; `/` inside names replaced).
fn place_facet(place: &crate::analysis::PlaceFacet) -> Option<Facet> {
    let parts: Vec<String> = [
        &place.country,
        &place.region,
        &place.district,
        &place.locality,
    ]
    .into_iter()
    .flatten()
    .map(|p| p.replace('/', "-"))
    .filter(|p| !p.is_empty())
    .collect();
    if parts.is_empty() {
        None
    } else {
        Some(Facet::from_path(parts))
    }
}

/// The stored form of an extraction record: the parts no other stored field holds, `{"places":
/// PLACES, "event_dates": [...], "evidence": EVIDENCE, "evidence_body": HASH}`, where PLACES is
/// one line per place (see [`encode_places`]), EVIDENCE one line per facet value (see
/// [`encode_evidence`]) and HASH that of the body the evidence offsets are in (see
/// [`evidence_body_hash`]; `body` is the text given to extraction, the one stored). The other
/// keys (`id`, `title`, `language`, `published`, `months`, `regions`, `countries`, `actors`…)
/// are in the document's columns; the searcher puts the record back together, and the evidence's
/// words and sentences from the stored title and body. Against the whole record as JSON this is a
/// tenth of the document store on the benchmark corpus.
pub fn stored_extraction(extraction: &Extraction, body: &str) -> OwnedValue {
    let mut entries = vec![
        (
            "places".to_string(),
            OwnedValue::Str(encode_places(&extraction.places)),
        ),
        (
            "event_dates".to_string(),
            OwnedValue::Array(
                extraction
                    .event_dates
                    .iter()
                    .map(|d| OwnedValue::Str(d.clone()))
                    .collect(),
            ),
        ),
    ];
    if !extraction.evidence.is_empty() {
        entries.push((
            EVIDENCE_KEY.to_string(),
            OwnedValue::Str(encode_evidence(&extraction.evidence)),
        ));
        entries.push((
            EVIDENCE_BODY_KEY.to_string(),
            OwnedValue::Str(evidence_body_hash(body)),
        ));
    }
    OwnedValue::Object(entries)
}

/// The key of the compact evidence in the stored extraction.
const EVIDENCE_KEY: &str = "evidence";
/// The key of the hash of the body the evidence was read in.
const EVIDENCE_BODY_KEY: &str = "evidence_body";

/// A short hash of the body evidence offsets refer to: a document shown with another body (a
/// duplicate shows its canonical document's, whose spacing or quotes may differ) cannot use them.
/// 32 bits: a check, not an identity.
pub fn evidence_body_hash(body: &str) -> String {
    let mut hex = blake3::hash(body.as_bytes()).to_hex().to_string();
    hex.truncate(8);
    hex
}

/// The short codes of the evidence facets in the stored form; another facet is written in full.
const EVIDENCE_FACET_CODES: [(&str, &str); 7] = [
    ("regions", "r"),
    ("mentioned_regions", "mr"),
    ("countries", "c"),
    ("localities", "l"),
    ("months", "m"),
    ("background_months", "bm"),
    ("actors", "a"),
];

/// Evidence as text, one line per facet value, in the order first read: `FACET TAB value TAB
/// SPAN[ SPAN…]`, FACET a short code (`r` regions, `mr` mentioned regions, `c`, `l`, `m`, `bm`,
/// `a`), each SPAN `Fstart+length`, F `t` (title) or `x` (text), byte offsets in that field; or
/// `^N` for the same spans as line N (a country read where its region was).
/// Neither the words nor the sentences are kept: the words are the stored title's or body's at
/// those offsets, and the sentence around them is found again there, by the rule extraction used
/// ([`sahel_facets::evidence::sentence_around`]; see [`evidence_in`]).
pub fn encode_evidence(evidence: &[Evidence]) -> String {
    let mut lines: Vec<(String, String, String)> = Vec::new();
    for item in evidence {
        let field = if item.field == "title" { 't' } else { 'x' };
        let span = format!(
            "{field}{}+{}",
            item.start,
            item.end.saturating_sub(item.start)
        );
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '\t' | '\n' | '\r' => ' ',
                    c => c,
                })
                .collect()
        };
        let facet = EVIDENCE_FACET_CODES
            .iter()
            .find(|(name, _)| *name == item.facet)
            .map_or_else(|| clean(&item.facet), |(_, code)| code.to_string());
        let value = clean(&item.value);
        match lines
            .iter_mut()
            .find(|(f, v, _)| *f == facet && *v == value)
        {
            Some((_, _, spans)) => {
                spans.push(' ');
                spans.push_str(&span);
            }
            None => lines.push((facet, value, span)),
        }
    }
    // A place's country and locality were mostly read where its region was: the same spans
    // are written once, and `^N` (the spans of line N) after.
    let mut out = String::new();
    for (k, (facet, value, spans)) in lines.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let same = lines[..k]
            .iter()
            .position(|(_, _, earlier)| earlier == spans);
        let spans = same.map_or_else(|| spans.clone(), |line| format!("^{line}"));
        out.push_str(&format!(
            "{facet}{PLACE_FIELD_SEPARATOR}{value}{PLACE_FIELD_SEPARATOR}{spans}"
        ));
    }
    out
}

/// The spans of a line of [`encode_evidence`]: its last part.
fn spans_of(line: &str) -> &str {
    line.rsplit(PLACE_FIELD_SEPARATOR)
        .next()
        .unwrap_or_default()
}

/// The evidence written by [`encode_evidence`], without its words and sentences (empty, the
/// sentence span that of the words); a malformed line or span is left out.
pub fn decode_evidence(text: &str) -> Vec<Evidence> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (k, line) in lines.iter().enumerate() {
        let mut parts = line.split(PLACE_FIELD_SEPARATOR);
        let (Some(facet), Some(value), Some(mut spans), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if let Some(earlier) = spans.strip_prefix('^') {
            // Only an earlier line, written in full.
            match earlier.parse::<usize>().ok().filter(|&i| i < k) {
                Some(i) if !spans_of(lines[i]).starts_with('^') => spans = spans_of(lines[i]),
                _ => continue,
            }
        }
        let facet = EVIDENCE_FACET_CODES
            .iter()
            .find(|(_, code)| *code == facet)
            .map_or(facet, |(name, _)| name);
        for span in spans.split(' ') {
            let (field, rest) = match span.split_at_checked(1) {
                Some(("t", rest)) => ("title", rest),
                Some(("x", rest)) => ("text", rest),
                _ => continue,
            };
            let Some((start, len)) = rest.split_once('+') else {
                continue;
            };
            let (Ok(start), Ok(len)) = (start.parse::<usize>(), len.parse::<usize>()) else {
                continue;
            };
            let Some(end) = start.checked_add(len) else {
                continue;
            };
            out.push(Evidence {
                facet: facet.to_string(),
                value: value.to_string(),
                field: field.to_string(),
                start,
                end,
                text: String::new(),
                sentence_start: start,
                sentence_end: end,
                sentence: String::new(),
            });
        }
    }
    out
}

/// The stored evidence of a document with its words read back from its title and its body and
/// the sentences around them found again, when `body` is the body it was read in (else its
/// spans in the text are left out: see [`evidence_body_hash`]). A span that does not fall on the
/// field's characters is left out. `None` when none was stored.
pub fn evidence_in(extraction: &OwnedValue, title: &str, body: &str) -> Option<Vec<Evidence>> {
    let OwnedValue::Object(entries) = extraction else {
        return None;
    };
    let text_of = |key: &str| {
        entries.iter().find_map(|(k, value)| match value {
            OwnedValue::Str(text) if k == key => Some(text.as_str()),
            _ => None,
        })
    };
    let encoded = text_of(EVIDENCE_KEY)?;
    let body_matches = text_of(EVIDENCE_BODY_KEY) == Some(evidence_body_hash(body).as_str());
    let mut evidence = decode_evidence(encoded);
    // The sentence ends of each field, found once for all its spans.
    let title_sentences = Sentences::new(title);
    let body_sentences = Sentences::new(body);
    evidence.retain_mut(|item| {
        let (field, sentences) = match item.field.as_str() {
            "title" => (title, &title_sentences),
            _ if body_matches => (body, &body_sentences),
            _ => return false,
        };
        let Some(text) = field.get(item.start..item.end) else {
            return false;
        };
        // Extraction read the title and the text as one, a blank line between them: a sentence
        // never runs from one into the other, so it is the same found in its field alone.
        let (start, end) = sentences.around(item.start, item.end);
        let Some(sentence) = field.get(start..end) else {
            return false;
        };
        item.text = text.to_string();
        item.sentence_start = start;
        item.sentence_end = end;
        item.sentence = sentence.to_string();
        true
    });
    Some(evidence)
}

/// The (facet, value) pairs the stored evidence has spans for.
pub fn stored_evidence_values(extraction: &OwnedValue) -> Vec<(String, String)> {
    let OwnedValue::Object(entries) = extraction else {
        return Vec::new();
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in entries {
        if let OwnedValue::Str(encoded) = value {
            if key == EVIDENCE_KEY {
                for item in decode_evidence(encoded) {
                    if !pairs
                        .iter()
                        .any(|(f, v)| *f == item.facet && *v == item.value)
                    {
                        pairs.push((item.facet, item.value));
                    }
                }
            }
        }
    }
    pairs
}

/// Whether the stored evidence was read in `body` (false when there is none).
pub fn evidence_read_in(extraction: &OwnedValue, body: &str) -> bool {
    let OwnedValue::Object(entries) = extraction else {
        return false;
    };
    let hash = evidence_body_hash(body);
    entries.iter().any(|(key, value)| {
        matches!(value, OwnedValue::Str(stored) if key == EVIDENCE_BODY_KEY && *stored == hash)
    })
}

/// Separates the fields of a place in [`encode_places`].
const PLACE_FIELD_SEPARATOR: char = '\t';

/// Places as text, one per line: `role TAB name TAB locality TAB district TAB region TAB
/// former_region TAB country TAB lat TAB lon`, an absent value empty. Coordinates are written in
/// their shortest exact form, so [`decode_places`] gives back equal values; tabs and line breaks
/// inside names (there are none in gazetteer names) become spaces.
pub fn encode_places(places: &[ResolvedPlace]) -> String {
    let mut out = String::new();
    for (k, place) in places.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(place.role.as_str());
        for value in [
            Some(&place.name),
            place.locality.as_ref(),
            place.district.as_ref(),
            place.region.as_ref(),
            place.former_region.as_ref(),
            place.country.as_ref(),
        ] {
            out.push(PLACE_FIELD_SEPARATOR);
            if let Some(value) = value {
                out.extend(value.chars().map(|c| match c {
                    '\t' | '\n' | '\r' => ' ',
                    c => c,
                }));
            }
        }
        for value in [place.lat, place.lon] {
            out.push(PLACE_FIELD_SEPARATOR);
            if let Some(value) = value {
                out.push_str(&value.to_string());
            }
        }
    }
    out
}

/// The places written by [`encode_places`]; a malformed line is left out.
pub fn decode_places(text: &str) -> Vec<ResolvedPlace> {
    text.lines()
        .filter_map(|line| {
            let parts: Vec<&str> = line.split(PLACE_FIELD_SEPARATOR).collect();
            let [role, name, locality, district, region, former_region, country, lat, lon] =
                parts.as_slice()
            else {
                return None;
            };
            let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let number = |s: &str| s.parse::<f64>().ok();
            Some(ResolvedPlace {
                name: name.to_string(),
                locality: text(locality),
                district: text(district),
                region: text(region),
                former_region: text(former_region),
                country: text(country),
                lat: number(lat),
                lon: number(lon),
                role: role.parse::<PlaceRole>().ok()?,
            })
        })
        .collect()
}

/// The place facet paths of the event places (`/Mali/Tombouctou/Niafunké/Léré`), as the document
/// indexes them.
pub fn event_place_paths(places: &[ResolvedPlace]) -> Vec<Facet> {
    places
        .iter()
        .filter(|p| p.role == PlaceRole::Event)
        .filter_map(|p| place_facet(&p.into()))
        .collect()
}

/// The places of a stored extraction value (see [`stored_extraction`]); `None` when it holds
/// none in the compact form (an index written before it, which stored the places as JSON).
pub fn stored_places(extraction: &OwnedValue) -> Option<Vec<ResolvedPlace>> {
    let OwnedValue::Object(entries) = extraction else {
        return None;
    };
    entries.iter().find_map(|(key, value)| match value {
        OwnedValue::Str(places) if key == "places" => Some(decode_places(places)),
        _ => None,
    })
}

/// Builds the document; `duplicate_of`/`is_duplicate` are added by the writer, which alone knows
/// the order documents arrive in.
pub fn build_document(
    fields: &Fields,
    identity: &Identity,
    record: &SourceRecord,
    analysed: &Analysed,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &identity.id);
    doc.add_text(fields.source_path, &identity.source_path);
    doc.add_text(fields.source_hash, &identity.source_hash);
    doc.add_text(fields.content_hash, &identity.content_hash);
    if let Some(source) = &record.source {
        doc.add_text(fields.source_name, source);
    }
    if let Some(url) = &record.url {
        doc.add_text(fields.url, url);
    }
    doc.add_text(fields.title, &record.title);
    doc.add_text(fields.body, &record.body);
    add_analysed_text(
        fields,
        &mut doc,
        analysed.language,
        &record.title,
        &record.body,
    );
    let facets = &analysed.facets;
    let events: Vec<DateTime> = facets.event_dates.iter().map(|d| date_value(*d)).collect();
    add_dates(
        fields,
        &mut doc,
        facets.published.or(record.published).map(date_value),
        &events,
    );
    for place in &facets.places {
        if let Some(facet) = place_facet(place) {
            doc.add_facet(fields.place, facet);
        }
    }
    for (dim, field) in FACETS.iter().zip(fields.facets) {
        for value in facet_column_values(dim, analysed) {
            doc.add_text(field, value);
        }
    }
    if let Some(extraction) = &analysed.extraction {
        doc.add_field_value(
            fields.extraction,
            &stored_extraction(extraction, &record.body),
        );
    }
    doc
}

/// What a document's analysis puts in the column of a facet dimension: where a new facet's values
/// are taken from its extraction.
fn facet_column_values<'a>(dim: &FacetDim, analysed: &'a Analysed) -> Vec<&'a str> {
    let facets = &analysed.facets;
    let list = |values: &'a [String]| values.iter().map(String::as_str).collect();
    match dim.column {
        names::LANGUAGE => vec![analysed.language],
        names::MONTHS => list(&facets.months),
        names::REGIONS => list(&facets.regions),
        names::COUNTRIES => list(&facets.countries),
        names::LOCALITIES => list(&facets.localities),
        names::ACTORS => list(&facets.actors),
        names::SOURCES => list(&facets.sources),
        names::MENTIONED_REGIONS => list(&facets.mentioned_regions),
        names::BACKGROUND_MONTHS => list(&facets.background_months),
        _ => Vec::new(),
    }
}

/// Whether a document of this language (`fr`, `en`, …) gets the French and the English analysed
/// copies of its title and body: its own language's, both when it is neither.
pub fn language_fields(language: &str) -> (bool, bool) {
    match language {
        "fr" => (true, false),
        "en" => (false, true),
        _ => (true, true),
    }
}

/// The analysed copies of title and body: in the field of the document's language (both French
/// and English when it is undetermined), and folded in the exact fields.
pub(crate) fn add_analysed_text(
    fields: &Fields,
    doc: &mut TantivyDocument,
    language: &str,
    title: &str,
    body: &str,
) {
    let (to_fr, to_en) = language_fields(language);
    if to_fr {
        doc.add_text(fields.title_fr, title);
        doc.add_text(fields.body_fr, body);
    }
    if to_en {
        doc.add_text(fields.title_en, title);
        doc.add_text(fields.body_en, body);
    }
    doc.add_text(fields.title_exact, title);
    doc.add_text(fields.body_exact, body);
}

/// The publication and event dates, and the sort date: the publication date, else the latest
/// event date.
pub(crate) fn add_dates(
    fields: &Fields,
    doc: &mut TantivyDocument,
    published: Option<DateTime>,
    events: &[DateTime],
) {
    if let Some(published) = published {
        doc.add_date(fields.published, published);
    }
    for date in events {
        doc.add_date(fields.event_dates, *date);
    }
    if let Some(sort) = published.or_else(|| events.iter().max().copied()) {
        doc.add_date(fields.sort_date, sort);
    }
}

/// Every facet column of a document whose values were read back from the columns
/// ([`crate::columns::ColumnValues::facets`], in the order of [`FACETS`]).
pub fn add_facet_columns(fields: &Fields, doc: &mut TantivyDocument, facets: &[Vec<String>]) {
    for (field, values) in fields.facets.iter().zip(facets) {
        for value in values {
            doc.add_text(*field, value);
        }
    }
}

/// Every facet column but the language's (which a rebuilt document writes apart), from values in
/// the order of [`FACETS`]: what the pipeline writes into a document it rebuilds;
/// [`add_facet_columns`] writes every facet.
pub(crate) fn add_facet_values(fields: &Fields, doc: &mut TantivyDocument, values: &[Vec<String>]) {
    for ((dim, field), values) in FACETS.iter().zip(fields.facets).zip(values) {
        // The language is one code, which the caller writes (a column read back gives `und`
        // for a document without one).
        if dim.kind == crate::schema::FacetKind::Language {
            continue;
        }
        for value in values {
            doc.add_text(field, value);
        }
    }
}

/// The document with this id, if the index holds one.
pub fn find_id(
    searcher: &tantivy::Searcher,
    id_field: tantivy::schema::Field,
    id: &str,
) -> tantivy::Result<Option<tantivy::DocAddress>> {
    let query = tantivy::query::TermQuery::new(
        tantivy::Term::from_field_text(id_field, id),
        tantivy::schema::IndexRecordOption::Basic,
    );
    let top = searcher.search(
        &query,
        &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
    )?;
    Ok(top.first().map(|(_, address)| *address))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(role: PlaceRole, name: &str, lat: Option<f64>) -> ResolvedPlace {
        ResolvedPlace {
            name: name.to_string(),
            locality: Some(name.to_string()),
            district: Some("Niafunké".to_string()),
            region: Some("Tombouctou".to_string()),
            former_region: None,
            country: Some("Mali".to_string()),
            lat,
            lon: lat.map(|l| -l / 3.0),
            role,
        }
    }

    #[test]
    fn places_survive_their_stored_form() {
        let places = vec![
            place(PlaceRole::Event, "Léré", Some(15.715_123_456_789)),
            place(PlaceRole::Dateline, "Bamako", None),
            place(PlaceRole::Mention, "Tin\tZaouatène\nx", Some(0.1 + 0.2)),
        ];
        let decoded = decode_places(&encode_places(&places));
        assert_eq!(decoded[..2], places[..2]);
        assert_eq!(decoded[2].name, "Tin Zaouatène x");
        assert_eq!(decoded[2].lat, Some(0.1 + 0.2));
        assert!(decode_places("").is_empty());
        assert!(decode_places("nonsense\tline").is_empty());
        let paths = event_place_paths(&decoded);
        assert_eq!(paths.len(), 1);
        assert_eq!(paths[0].to_path_string(), "/Mali/Tombouctou/Niafunké/Léré");
    }

    fn evidence(facet: &str, value: &str, field: &str, read: &str, words: &str) -> Evidence {
        let start = read.find(words).unwrap_or(0);
        let (sentence_start, sentence_end) =
            sahel_facets::evidence::sentence_around(read, start, start + words.len());
        Evidence {
            facet: facet.to_string(),
            value: value.to_string(),
            field: field.to_string(),
            start,
            end: start + words.len(),
            text: words.to_string(),
            sentence_start,
            sentence_end,
            sentence: read[sentence_start..sentence_end].to_string(),
        }
    }

    fn stored(evidence: Vec<Evidence>, body: &str) -> OwnedValue {
        let extraction = Extraction {
            id: "a".to_string(),
            language: "fr".to_string(),
            title: None,
            published: None,
            event_dates: Vec::new(),
            months: Vec::new(),
            background_months: Vec::new(),
            dates: Vec::new(),
            places: Vec::new(),
            regions: Vec::new(),
            countries: Vec::new(),
            localities: Vec::new(),
            mentioned_regions: Vec::new(),
            actors: Vec::new(),
            evidence,
        };
        stored_extraction(&extraction, body)
    }

    #[test]
    fn evidence_survives_its_stored_form_with_words_read_back_from_the_fields() {
        let title = "Attaque à Ménaka";
        let body = "Des hommes armés ont attaqué Inékar le 3 juillet 2024. Ils venaient de Gao.\n\nL\u{2019}armée a riposté à Inékar.";
        let items = vec![
            evidence("regions", "Ménaka", "title", title, "Ménaka"),
            evidence("regions", "Ménaka", "text", body, "Inékar"),
            evidence("months", "2024-07", "text", body, "3 juillet 2024"),
            evidence("mentioned_regions", "Gao", "text", body, "Gao"),
        ];
        let value = stored(items.clone(), body);
        let back = evidence_in(&value, title, body).expect("stored evidence");
        assert_eq!(back, items);
        assert_eq!(back[3].sentence, "Ils venaient de Gao.");
        assert!(evidence_read_in(&value, body));
        // The same value's spans share one line.
        let OwnedValue::Object(entries) = &value else {
            panic!("an object");
        };
        let encoded = entries
            .iter()
            .find_map(|(k, v)| match v {
                OwnedValue::Str(s) if k == "evidence" => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_default();
        assert_eq!(encoded.lines().count(), 3, "{encoded}");
        // A value read where another was refers to that one's spans.
        let mut country = items[0].clone();
        country.facet = "countries".to_string();
        country.value = "Mali".to_string();
        let with_country = vec![items[0].clone(), country.clone()];
        let encoded = encode_evidence(&with_country);
        assert_eq!(encoded, "r\tMénaka\tt11+7\nc\tMali\t^0");
        let mut decoded = decode_evidence(&encoded);
        for item in &mut decoded {
            item.text = title[item.start..item.end].to_string();
            item.sentence = title.to_string();
            item.sentence_start = 0;
            item.sentence_end = title.len();
        }
        assert_eq!(decoded, with_country);
        assert!(decode_evidence("r\tGao\t^0\nc\tMali\t^0\nc\tNiger\t^5").is_empty());
    }

    /// The stored form keeps spans only; what `/api/doc` rebuilds from it is what extraction
    /// gave, words and sentences, in the title and in the text.
    #[test]
    fn evidence_read_back_is_what_extraction_gave() {
        let extractor = sahel_facets::Extractor::builtin().expect("built-in data");
        let title = "Attaque contre un poste militaire à Inékar";
        let body = "Des hommes armés ont attaqué le poste d'Inékar, dans la région de Ménaka, \
                    le 12 juillet 2024. Le Gen. Traoré a parlé.\n\nDes habitants venus de \
                    Tombouctou ont fui. En août 2019, une attaque avait frappé Ansongo.";
        let meta = sahel_facets::DocMeta {
            title: Some(title.to_string()),
            published: NaiveDate::from_ymd_opt(2024, 7, 14),
            language: Some("fr".to_string()),
            ..Default::default()
        };
        let extraction = sahel_facets::extract(body, &meta, &extractor);
        let fields: Vec<&str> = extraction
            .evidence
            .iter()
            .map(|e| e.field.as_str())
            .collect();
        assert!(
            fields.contains(&"title") && fields.contains(&"text"),
            "{fields:?}"
        );
        let mut given = extraction.evidence.clone();
        let mut back = evidence_in(&stored_extraction(&extraction, body), title, body)
            .expect("stored evidence");
        let key = |e: &Evidence| (e.facet.clone(), e.value.clone(), e.field.clone(), e.start);
        given.sort_by_key(key);
        back.sort_by_key(key);
        assert_eq!(back, given);
    }

    #[test]
    fn evidence_read_in_another_body_keeps_only_its_title_spans() {
        let title = "Attaque à Ménaka";
        let body = "Des hommes armés ont attaqué Inékar.";
        let value = stored(
            vec![
                evidence("regions", "Ménaka", "title", title, "Ménaka"),
                evidence("regions", "Ménaka", "text", body, "Inékar"),
            ],
            body,
        );
        let other = "Des hommes  armés ont attaqué Inékar.";
        let back = evidence_in(&value, title, other).expect("stored evidence");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].field, "title");
        assert!(!evidence_read_in(&value, other));
        // Offsets past the field or inside a character are left out, never a panic.
        let short = evidence_in(&value, "Att", body).expect("stored evidence");
        assert_eq!(short.len(), 1);
        assert_eq!(short[0].text, "Inékar");
        assert!(evidence_in(&value, "Attaque à Ménak\u{e9}x", body).is_some());
        assert!(
            decode_evidence("r\tGao\tz1+2 x1 x1+a x18446744073709551615+1\nbad line").is_empty()
        );
        assert!(evidence_in(&stored(Vec::new(), body), title, body).is_none());
    }

    #[test]
    fn content_hash_is_the_hash_of_the_words_each_followed_by_a_space() {
        let mut hasher = blake3::Hasher::new();
        for word in ["L'armée", "a", "riposté."] {
            hasher.update(word.as_bytes());
            hasher.update(b" ");
        }
        assert_eq!(
            content_hash(" L’armée\ta  riposté.\n"),
            short_hash(hasher.finalize())
        );
    }

    #[test]
    fn copies_share_a_content_hash() {
        assert_eq!(
            content_hash("L’armée  a riposté.\r\nFin."),
            content_hash("L'armée a riposté.\nFin.\n")
        );
        assert_ne!(
            content_hash("Attaque à Léré."),
            content_hash("Attaque à Boni.")
        );
    }
}
