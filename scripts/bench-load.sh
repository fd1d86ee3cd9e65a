#!/usr/bin/env bash
# Load benchmark of `sahel serve`: for each corpus size (10,000 then 100,000 documents of the
# synthetic benchmark corpus of `sahel bench index`), serve the index on loopback and run wrk,
# 16 connections for 30 s, rotating through realistic searches (scripts/bench-load.lua: words,
# phrases, prefixes, OR, exclusions, with and without filters; facets and timeline are always
# computed). Prints p50/p90/p99 latency, QPS and errors per size, then a summary table.
#
# Usage: scripts/bench-load.sh [DOCS...]            (default: 10000 100000)
# Environment: DURATION (30s), CONNECTIONS (16), THREADS (2), PORT (7979),
#              BENCH_DIR (target/bench-load: corpora and indexes are built once there, reused),
#              SKIP_BUILD=1 to use the existing target/release/sahel,
#              SAHEL_BIN=PATH to benchmark another build (implies SKIP_BUILD), SEARCHES=N to pass
#              `--searches N` to the server.
# Needs: cargo, curl; installs wrk (Debian package) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-7979}"
BENCH_DIR="${BENCH_DIR:-target/bench-load}"
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(10000 100000)
fi

if ! command -v wrk >/dev/null 2>&1; then
    echo "bench-load: installing wrk (Debian package)" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

if [ -n "${SAHEL_BIN:-}" ]; then
    SAHEL="$(cd "$(dirname "$SAHEL_BIN")" && pwd)/$(basename "$SAHEL_BIN")"
else
    if [ "${SKIP_BUILD:-0}" != "1" ]; then
        cargo build --release -p sahel-cli
    fi
    SAHEL="$PWD/target/release/sahel"
fi
SERVE_ARGS=()
if [ -n "${SEARCHES:-}" ]; then
    SERVE_ARGS=(--searches "$SEARCHES")
fi
mkdir -p "$BENCH_DIR"

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT INT TERM

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
SUMMARY=()
for docs in "${SIZES[@]}"; do
    # `sahel bench index` generates the corpus and indexes it with the full pipeline into
    # OUT/index-full (and with a bare tantivy writer into OUT/index-bare, for its own figures).
    out_dir="$BENCH_DIR/bench-$docs"
    index="$out_dir/index-full"
    # An index this binary refuses (written by an older schema version) is built again.
    if [ -f "$index/meta.json" ] && ! "$SAHEL" search --index "$index" --limit 1 >/dev/null 2>&1; then
        echo "bench-load: $index cannot be opened by this build (an older schema?); rebuilding" >&2
        rm -rf "$out_dir/index-full" "$out_dir/index-bare"
    fi
    if [ ! -f "$index/meta.json" ]; then
        echo "bench-load: building the $docs-document benchmark index in $index" >&2
        "$SAHEL" bench index --docs "$docs" --out "$out_dir"
    else
        echo "bench-load: reusing $index" >&2
    fi

    url="http://127.0.0.1:$PORT"
    if curl -fsS "$url/api/health" >/dev/null 2>&1; then
        echo "bench-load: something already answers on port $PORT; choose another with PORT=" >&2
        exit 1
    fi
    "$SAHEL" serve --index "$index" --addr "127.0.0.1:$PORT" "${SERVE_ARGS[@]}" >"$BENCH_DIR/serve-$docs.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        if curl -fsS "$url/api/health" >/dev/null 2>&1; then break; fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "bench-load: the server did not start:" >&2
            cat "$BENCH_DIR/serve-$docs.log" >&2
            exit 1
        fi
        sleep 0.2
    done
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "bench-load: the server exited:" >&2
        cat "$BENCH_DIR/serve-$docs.log" >&2
        exit 1
    fi
    stats=$(curl -fsS "$url/api/stats")
    echo "== $docs documents: $stats"
    # Sanity: a real search answers 200 with hits before timing anything.
    curl -fsS "$url/api/search?q=attaque&limit=1" >/dev/null

    # Warm-up (page cache, fast fields), not measured.
    wrk -t "$THREADS" -c "$CONNECTIONS" -d 5s -s scripts/bench-load.lua "$url" >/dev/null
    out="$BENCH_DIR/wrk-$docs.txt"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout 5s -s scripts/bench-load.lua "$url" | tee "$out"
    stop_server

    p50=$(awk '/^p50_ms:/ {print $2}' "$out")
    p99=$(awk '/^p99_ms:/ {print $2}' "$out")
    qps=$(awk '/^qps:/ {print $2}' "$out")
    errors=$(awk '/^errors:/ {print $2}' "$out")
    SUMMARY+=("$(printf '%9s docs  p50 %7s ms  p99 %7s ms  %8s QPS  %s errors' "$docs" "$p50" "$p99" "$qps" "$errors")")
done

echo
echo "== summary: $CONNECTIONS connections, $THREADS wrk threads, $DURATION per size, $(nproc) cores, load average before: $LOAD_BEFORE"
printf '%s\n' "${SUMMARY[@]}"
