//! 10,000 random query strings against a real index: random Unicode, operators, quotes, stars,
//! parentheses, field syntax, filters with junk values, percent-encoded garbage. The server may
//! refuse a parameter (4xx, JSON error) but never answers 5xx and never panics.

mod common;

use axum::http::StatusCode;
use common::{get, router};

/// A small deterministic generator (xorshift64*), so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "attaque",
    "frappes",
    "aériennes",
    "armée",
    "l'armée",
    "FAMa",
    "JNIM",
    "GSIM",
    "EIGS",
    "Gao",
    "Tombouctou",
    "Timbuktu",
    "Ménaka",
    "Kidal",
    "Léré",
    "Lere",
    "déplacés",
    "convoi",
    "drone",
    "Mali",
    "Burkina",
    "Niger",
    "de",
    "la",
    "le",
    "et",
    "attack",
    "army",
    "zorglub",
    "Boulkessi",
    "Tin-Zaouatene",
    "Tin Zaouatene",
    "œuvre",
    "aujourd'hui",
    "2024",
    "26",
    "juillet",
    "x",
];

const OPERATORS: &[&str] = &[
    "OR", "AND", "NOT", "-", "+", "*", "\"", "(", ")", ":", "title:", "body_fr:", "~", "~2", "^3",
    "\\", "/", "[", "]", "{", "}", "TO", "!", "?", "&&", "||", "''", "\"\"", "**", "-*", "*-",
    "--", "\u{2019}", "«", "»", "…", "NOT NOT", "OR OR", "-\"", "\"*",
];

const RANDOM_CHARS: &[char] = &[
    'a',
    'é',
    'É',
    'ç',
    'œ',
    'ß',
    'ı',
    'İ',
    '\u{301}',
    '\u{200b}',
    '\u{feff}',
    '\u{a0}',
    '\u{202f}',
    '\u{ad}',
    'م',
    'ا',
    'ل',
    'ي',
    '中',
    '文',
    '😀',
    '👍',
    '\u{1f3fd}',
    '\u{10ffff}',
    '\u{fffd}',
    '\t',
    '\n',
    '\r',
    '\u{0}',
    '\u{7f}',
    '%',
    '&',
    '=',
    '#',
    '+',
    ';',
    '<',
    '>',
    '\'',
    '`',
    '\u{202e}',
    'ǅ',
    'ﬁ',
];

fn random_text(rng: &mut Rng) -> String {
    let mut out = String::new();
    let parts = rng.below(8);
    for _ in 0..parts {
        match rng.below(10) {
            0..=3 => out.push_str(rng.pick(WORDS)),
            4..=6 => out.push_str(rng.pick(OPERATORS)),
            7 => {
                for _ in 0..rng.below(6) + 1 {
                    out.push(RANDOM_CHARS[rng.below(RANDOM_CHARS.len())]);
                }
            }
            8 => {
                // Any Unicode scalar value.
                let c = char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{fffd}');
                out.push(c);
            }
            _ => out.push_str(&"a".repeat(rng.below(300))),
        }
        if rng.chance(70) {
            out.push(' ');
        }
    }
    out
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// A raw value: usually percent-encoded text, sometimes raw garbage or broken escapes.
fn random_value(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => [
            "%", "%F", "%FF%FE", "%C3", "%ZZ", "%00", "+", "%2B", "&", "==",
        ][rng.below(10)]
        .to_string(),
        1 => rng
            .pick(&[
                "2024-03", "2024-13", "0000-00", "9999-12", "-1", "1e9", "20", "100",
            ])
            .to_string(),
        _ => encode(&random_text(rng)),
    }
}

const PARAMS: &[&str] = &[
    "q", "q", "q", "region", "country", "locality", "actor", "lang", "month", "from", "to", "sort",
    "limit", "offset", "page", "Q", "", "format",
];

fn random_query_string(rng: &mut Rng) -> String {
    let mut pairs = vec![format!("q={}", encode(&random_text(rng)))];
    for _ in 0..rng.below(4) {
        let name = rng.pick(PARAMS);
        let value = match name {
            "region" => {
                encode(rng.pick(&["Gao", "gao", "TOMBOUCTOU", "Ménaka", "Mopti", "Nowhere", ""]))
            }
            "lang" => rng.pick(&["fr", "en", "ar", "und", "xx", ""]).to_string(),
            "sort" => rng
                .pick(&["relevance", "date_desc", "date_asc", "best"])
                .to_string(),
            "limit" => rng
                .pick(&["0", "1", "20", "100", "101", "100000", "-5", "x"])
                .to_string(),
            "offset" => rng
                .pick(&["0", "5", "10000", "10001", "99999999999999999999"])
                .to_string(),
            "from" | "to" => rng
                .pick(&[
                    "2024-01-01",
                    "2023-12-31",
                    "2024-02-30",
                    "01/02/2024",
                    "2024-1-1",
                ])
                .to_string(),
            _ => random_value(rng),
        };
        pairs.push(format!("{name}={value}"));
    }
    if rng.chance(5) {
        pairs.push(random_value(rng)); // a key without `=`
    }
    pairs.join("&")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_random_queries_never_get_a_5xx() {
    let app = router();
    let seed = 0x5EED_5A4E_u64;
    let mut rng = Rng(seed);
    let uris: Vec<String> = (0..10_000)
        .map(|i| {
            let query = random_query_string(&mut rng);
            if i % 50 == 49 {
                format!("/api/export?{query}")
            } else {
                format!("/api/search?{query}")
            }
        })
        .collect();
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    // A few requests in flight at once, as a browser and a script would send them.
    for (chunk_index, chunk) in uris.chunks(8).enumerate() {
        let mut tasks = tokio::task::JoinSet::new();
        for (j, uri) in chunk.iter().enumerate() {
            let case = chunk_index * 8 + j;
            let Ok(parsed) = uri.parse::<axum::http::Uri>() else {
                continue; // not a URI a client could send
            };
            let app = app.clone();
            let uri = uri.clone();
            tasks.spawn(async move {
                let answer = get(&app, &parsed.to_string()).await;
                (case, uri, answer)
            });
        }
        while let Some(joined) = tasks.join_next().await {
            let (case, uri, (status, headers, body)) = joined.expect("request task");
            *statuses.entry(status.as_u16()).or_default() += 1;
            assert!(
                !status.is_server_error(),
                "case {case} (seed {seed:#x}): {uri} → {status}: {}",
                String::from_utf8_lossy(&body)
            );
            if status != StatusCode::OK {
                assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
                let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON error");
                assert!(json["error"].is_string(), "{uri}: {json}");
            } else if uri.starts_with("/api/search") {
                let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON answer");
                assert!(json["total"].is_u64(), "{uri}: {json}");
            }
            assert!(headers.get("content-type").is_some(), "{uri}");
        }
    }
    println!("statuses over 10,000 random queries: {statuses:?}");
    assert!(
        statuses.get(&200).copied().unwrap_or(0) > 3_000,
        "most random queries are searchable: {statuses:?}"
    );
}

#[tokio::test]
async fn random_document_ids_are_404_not_5xx() {
    let app = router();
    let mut rng = Rng(0xD0C5);
    for _ in 0..500 {
        let id = encode(&random_text(&mut rng)).replace("%2F", "/");
        let uri = format!("/api/doc/{id}");
        let Ok(parsed) = uri.parse::<axum::http::Uri>() else {
            continue;
        };
        let (status, _, body) = get(&app, &parsed.to_string()).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::OK,
            "{uri} → {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
}
