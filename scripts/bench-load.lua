-- wrk script for scripts/bench-load.sh: rotates through realistic /api/search requests (words,
-- phrases, prefixes, OR, exclusions, with and without filters; the API always computes facets and
-- the timeline; compressed answers, as a browser asks) and prints p50/p90/p99, QPS and errors in a
-- form the shell script can grep.

local queries = {
  "q=attaque",
  "q=attaque%20Gao",
  "q=frappes%20a%C3%A9riennes",
  "q=%22engin%20explosif%22",
  "q=%22forces%20arm%C3%A9es%22%20terroristes",
  "q=JNIM",
  "q=GSIM%20OR%20EIGS",
  "q=Tombouctou%20blocus",
  "q=Timbuktu",
  "q=d%C3%A9plac%C3%A9s%20humanitaire",
  "q=convoi%20embuscade",
  "q=attaq*",
  "q=drone%20-Kidal",
  "q=army%20attack%20Niger",
  "q=camp%20militaire%20bilan%20morts",
  "q=attaque&region=Gao",
  "q=attaque&region=Gao&region=Tombouctou",
  "q=frappes&country=Mali&sort=date_desc",
  "q=terroristes&month=2024-03",
  "q=terroristes&month=2024-03&month=2024-04",
  "q=embuscade&from=2024-01-01&to=2024-06-30",
  "q=JNIM&lang=fr",
  "q=attack&lang=en",
  "q=enl%C3%A8vement&country=Burkina%20Faso",
  "q=drone&actor=FAMa",
  "region=M%C3%A9naka",
  "country=Niger&sort=date_desc",
  "month=2024-05",
  "q=%22poste%20de%20s%C3%A9curit%C3%A9%22&country=Mali&limit=50",
  "q=attaque&offset=20",
  "q=attaque%20juillet%202024",
  "q=%C3%89tat%20islamique%20M%C3%A9naka",
  "q=attack%202024",
  "q=bridge%20blown%20up",
}

-- As a browser asks: the answers come back compressed, and compressing them is part of the cost.
wrk.headers["Accept-Encoding"] = "gzip, deflate, br, zstd"

local counter = 0

function init(args)
  -- Different threads start at different places of the list.
  counter = math.random(#queries)
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", "/api/search?" .. queries[counter])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests: %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("qps: %.1f\n", summary.requests / seconds))
  io.write(string.format("p50_ms: %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p90_ms: %.2f\n", latency:percentile(90) / 1000))
  io.write(string.format("p99_ms: %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("max_ms: %.2f\n", latency.max / 1000))
  io.write(string.format("errors: %d (connect %d, read %d, write %d, non-2xx %d, timeout %d)\n",
    errors, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
