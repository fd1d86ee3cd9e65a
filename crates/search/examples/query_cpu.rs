//! CPU time per search of the load benchmark's requests, in process, on a real index.
//!
//! `cargo run --release -p sahel-search --example query_cpu -- INDEX_DIR [ROUNDS] [ONLY]`
//! (ONLY: run the requests containing that text, for profiling one of them)
//!
//! Reads the request list of `scripts/bench-load.lua`, runs every request ROUNDS times (default
//! 50) as the server does (`Searcher::search_json` into a reused buffer) and prints, per
//! request, the mean CPU time of the thread (from `/proc/thread-self/schedstat`, so other
//! processes on the machine do not inflate it), the median wall time, the total and the size of
//! the JSON answer, then the means over the list: what one core spends per request of the mix,
//! HTTP and compression aside.

use std::path::PathBuf;
use std::time::Instant;

use sahel_search::{SearchRequest, Searcher};

/// Nanoseconds this thread has run on a CPU (Linux); `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn requests() -> Vec<(String, SearchRequest)> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/bench-load.lua");
    let text = std::fs::read_to_string(script).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let Some(query) = line
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix("\","))
            .or_else(|| line.strip_prefix('"').and_then(|l| l.strip_suffix('"')))
        else {
            continue;
        };
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                Some((percent_decode(k), percent_decode(v)))
            })
            .collect();
        match SearchRequest::from_pairs(pairs) {
            Ok(request) => out.push((query.to_string(), request)),
            Err(err) => eprintln!("skipped {query}: {err}"),
        }
    }
    out
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: query_cpu INDEX_DIR [ROUNDS] [ONLY]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let only = args.next();
    let searcher = match Searcher::open(&dir) {
        Ok(s) => s,
        Err(err) => {
            eprintln!("cannot open {}: {err}", dir.display());
            std::process::exit(1);
        }
    };
    let mut requests = requests();
    if let Some(only) = &only {
        requests.retain(|(query, _)| query.contains(only.as_str()));
    }
    // Per-generation data and page cache.
    for (_, request) in &requests {
        let _ = searcher.search(request);
    }
    let (mut cpu_sum, mut wall_sum) = (0.0, 0.0);
    let mut json = Vec::new();
    println!(
        "{:>9} {:>9} {:>7} {:>7}  request",
        "cpu_ms", "wall_p50", "total", "bytes"
    );
    for (query, request) in &requests {
        let mut wall = Vec::with_capacity(rounds);
        let total = searcher.search(request).map_or(0, |r| r.total);
        let c0 = thread_cpu_ns();
        for _ in 0..rounds {
            let t0 = Instant::now();
            // As the server answers: the JSON written into a reused buffer.
            json.clear();
            if let Err(err) = searcher.search_json(request, &mut json) {
                eprintln!("{query}: {err}");
            }
            wall.push(t0.elapsed().as_secs_f64() * 1000.0);
        }
        // The scheduler accounts CPU time in ticks: a mean over the rounds, not a median.
        let c = match (c0, thread_cpu_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e6 / rounds.max(1) as f64,
            _ => f64::NAN,
        };
        let w = median(&mut wall);
        cpu_sum += c;
        wall_sum += w;
        println!("{c:9.3} {w:9.3} {total:7} {:7}  {query}", json.len());
    }
    let n = requests.len().max(1) as f64;
    println!(
        "mean of medians over {} requests: cpu {:.3} ms, wall {:.3} ms",
        requests.len(),
        cpu_sum / n,
        wall_sum / n
    );
}
