#!/usr/bin/env bash
# Load on `triangulate serve`: the seeds plus N synthetic articles (bench/make-story-stream.py,
# real sentences recombined into stories over a year) ingested into a fresh store, the
# server started on loopback, then wrk (Debian's package, installed here when missing)
# with 64 connections for D seconds on each endpoint: the seeds' dossier, a corpus
# story's dossier, searches (words, words with filters, filters alone, rotating through
# several queries), and the storyline listing. Prints a table of requests per second and
# latency percentiles, and the answers that were not 200 or failed.
#
#   bench/serve.sh [N] [D]        (defaults 10000 articles, 10 seconds)
#
# The rate limit is off for the run (--rate-limit 0): wrk is one client address, and the
# run measures what the server can carry, not the per-client budget.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
D=${2:-10}
if ! command -v wrk >/dev/null 2>&1; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
cargo build --release -q -p triangulate
T=$PWD/target/release/triangulate
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export TRIANGULATE_TODAY=2026-12-07

# The corpus first: its stories run through 2024, before the seeds' 2025 (in date order,
# as a stream comes; an archive ingested after newer articles is clustered again).
python3 bench/make-story-stream.py "$N" "$work/corpus.jsonl" 2> /dev/null
t0=$(date +%s.%N)
$T --db "$work/s.db" ingest "$work/corpus.jsonl" > /dev/null 2>&1
t1=$(date +%s.%N)
for pair in 000:2025-07-10 001:2025-08-05 002:2025-08-05 003:2025-08-05 004:2025-05-18; do
  $T --db "$work/s.db" ingest --published "${pair#*:}" examples/seeds/"${pair%%:*}"_*.txt > /dev/null 2>&1
done

$T --db "$work/s.db" serve --port 0 --token bench --rate-limit 0 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 600); do
  grep -q '^listening on ' "$work/serve.log" && break
  sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$work/serve.log")
[ -n "$base" ] || { cat "$work/serve.log"; exit 1; }

# The paths: the seeds' storyline, the largest corpus story, searches.
python3 - "$base" "$work" <<'PY'
import json, sys, urllib.request
base, work = sys.argv[1], sys.argv[2]
get = lambda p: json.load(urllib.request.urlopen(base + p))
seeds_line = get("/api/articles/738e81597a32")["storyline"]
stories = get("/api/stories")["stories"]
big = max(stories, key=lambda s: s["size"])
lines = get("/api/storylines")["storylines"]
big_line = max(lines, key=lambda l: l["articles"])
open(f"{work}/dossier-seeds", "w").write(f"/api/dossiers/{seeds_line}\n")
open(f"{work}/dossier-story", "w").write(f"/api/dossiers/{big['id']}\n")
open(f"{work}/dossier-storyline", "w").write(f"/api/dossiers/{big_line['id']}\n")
# 400 distinct queries (words and pairs of words of the corpus's titles), more than the
# server's cache of 256 searches holds, so every request is a fresh search; and ten
# common ones repeated, as a user paging through results or changing filters asks.
import random, re
rng = random.Random(7)
titles = [json.loads(l)["title"] for l in open(f"{work}/corpus.jsonl")]
vocab = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)})
queries = rng.sample(vocab, 200) + [" ".join(rng.sample(vocab, 2)) for _ in range(200)]
rng.shuffle(queries)
common = ["president", "Putin regions", "senate vote", "budget deficit", "Obama campaign",
          "police said", "health care law", "Romney", "Boehner", "tax cuts"]
q = lambda w: w.replace(" ", "+")
open(f"{work}/search-words", "w").write("".join(f"/api/search?q={q(w)}\n" for w in queries))
open(f"{work}/search-repeated", "w").write("".join(f"/api/search?q={q(w)}\n" for w in common))
open(f"{work}/search-filtered", "w").write("".join(
    f"/api/search?q={q(w)}&from=2024-01-01&to=2024-12-31&event_type=CONSULT\n" for w in queries))
open(f"{work}/search-facets", "w").write(
    "/api/search?event_type=ASSAULT\n/api/search?entity=putin&from=2025-01-01\n"
    "/api/search?claim_status=corroborated\n/api/search?outlet=unn\n")
open(f"{work}/storylines", "w").write("/api/storylines\n")
with open(f"{work}/sizes", "w") as f:
    f.write(f"{big['size']} articles, largest storyline {big_line['articles']}\n")
# Warm the caches a first request fills (dossiers, facets, claim statuses): the table
# is of the steady state; the first request's cost is printed apart.
import time
for name in ("dossier-seeds", "dossier-story", "dossier-storyline", "search-facets"):
    for path in open(f"{work}/{name}").read().split():
        t = time.time(); urllib.request.urlopen(base + path, timeout=600).read()
        print(f"first request {path}: {time.time() - t:.2f} s", file=sys.stderr)
PY

echo "| endpoint | paths | requests/s | p50 ms | p99 ms | max ms | non-200 | socket errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
bad=0
for name in dossier-seeds dossier-story dossier-storyline search-words search-repeated search-filtered search-facets storylines; do
  WRK_PATHS="$work/$name" wrk -t2 -c64 -d"${D}s" --latency -s bench/wrk-paths.lua "$base" > "$work/$name.out"
  python3 - "$work/$name.out" "$name" "$(wc -l < "$work/$name")" <<'PY' || bad=1
import re, sys
out, name, paths = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
def ms(label):
    m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
non2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", out).group(1)) if "Non-2xx" in out else 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
errors = sum(map(int, m.groups())) if m else 0
mx = re.search(r"Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", out)
mxv = float(mx.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[mx.group(2)]
print(f"| {name} | {paths} | {rps:,.0f} | {ms('50%'):.1f} | {ms('99%'):.1f} | {mxv:.0f} | {non2xx} | {errors} |")
sys.exit(1 if non2xx or errors else 0)
PY
done
articles=$(python3 -c "import json,urllib.request;print(json.load(urllib.request.urlopen('$base/api/health'))['articles'])")
echo
echo "store: $articles articles (5 seeds + $N synthetic; largest story $(cat "$work/sizes")), ingest $(python3 -c "print(f'{$t1-$t0:.0f}')") s; wrk -t2 -c64 -d${D}s on loopback, server and wrk on the same machine ($(nproc) cores)"
exit $bad
