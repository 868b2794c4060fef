#!/usr/bin/env bash
# The dossier of a large storyline: N articles of one story (bench/make-storyline.py),
# ingested into a fresh store, then the dossiers of the store timed (`dossier --format
# json`, every storyline; the stories are brought up to date first, as the command
# does). Prints a table: articles, storylines and the largest one's size, claims, and
# the seconds of ingest and of the dossiers.
#
#   bench/dossier.sh [N]        (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
cargo build --release -q -p triangulate
T=target/release/triangulate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make-storyline.py "$N" "$work/stream.jsonl"
t0=$(date +%s.%N)
$T --db "$work/s.db" ingest "$work/stream.jsonl" > /dev/null 2>&1
t1=$(date +%s.%N)
$T --db "$work/s.db" stories > /dev/null
t2=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%M" -o "$work/mem" $T --db "$work/s.db" dossier --format json > "$work/d.json"
else
  $T --db "$work/s.db" dossier --format json > "$work/d.json"
  echo 0 > "$work/mem"
fi
t3=$(date +%s.%N)
python3 - "$work/d.json" "$N" "$t0" "$t1" "$t2" "$t3" "$(cat "$work/mem")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n = int(sys.argv[2]); t0, t1, t2, t3 = map(float, sys.argv[3:7]); mem = int(sys.argv[7]) / 1024  # 0 where /usr/bin/time is missing
sizes = sorted((len(x["articles"]) for x in d), reverse=True)
claims = sum(len(x["claims"]) for x in d)
shared = sum(1 for x in d for c in x["claims"] if len(c["articles"]) > 1)
print("| articles | storylines | largest | claims | claims of 2+ articles | ingest s | stories s | dossiers s | peak MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {n} | {len(d)} | {sizes[0]} | {claims} | {shared} | {t1-t0:.1f} | {t2-t1:.2f} | {t3-t2:.2f} | {mem:.0f} |")
PY
