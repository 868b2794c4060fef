#!/usr/bin/env bash
# Plain-text ingest throughput into a fresh SQLite file, with 1 worker and with one per
# core, each the median of 3 runs: articles only (read + clean + language + id + store,
# `--no-entities`) and with entities (also tokens, sentences, named entities, entity
# resolution, and storing the entities), the default.
# "MB per CPU-second" divides by the user+system time the process used, so it is the
# per-core rate whatever the machine's other load; "MB/s" is wall clock.
#   bench/ingest.sh [MEGABYTES]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
runs=3
work=bench-out/ingest
rm -rf "$work" && mkdir -p "$work"
cargo build --release -q
python3 bench/make-text-corpus.py "$work/corpus" "$mb"
bytes=$(du -sb --apparent-size "$work/corpus" | cut -f1)
files=$(find "$work/corpus" -type f | wc -l)
printf '\n%s, %s cores\n\n' "$(uname -srm)" "$(nproc)"
printf '| stages | jobs | files | MB | seconds | MB/s | MB per CPU-second | stored | failed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for stages in articles entities; do
flag=$([ "$stages" = articles ] && echo --no-entities || true)
for jobs in 1 $(nproc); do
  : >"$work/times-$jobs"
  for run in $(seq $runs); do
    rm -f "$work/bench.db"*
    # Exit status 1 only says some inputs failed; the summary line says how many.
    /usr/bin/time -f '%e %U %S' -o "$work/time" \
      ./target/release/triangulate --db "$work/bench.db" ingest $flag --jobs "$jobs" "$work/corpus" \
      2>"$work/log-$jobs" || [ $? -eq 1 ]
    cat "$work/time" >>"$work/times-$jobs"
  done
  summary=$(tail -1 "$work/log-$jobs")
  stored=$(sed -E 's/.*\(([0-9]+) new.*/\1/' <<<"$summary")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")
  python3 - "$work/times-$jobs" "$bytes" "$jobs" "$files" "$stored" "$failed" "$stages" <<'PY'
import statistics, sys
path, size, jobs, files, stored, failed, stages = sys.argv[1:]
runs = [tuple(map(float, l.split())) for l in open(path) if l.strip()]
wall = statistics.median(r[0] for r in runs)
cpu = statistics.median(r[1] + r[2] for r in runs)
mb = int(size) / 1e6
print(f"| {stages} | {jobs} | {files} | {mb:.1f} | {wall:.2f} | {mb / wall:.1f} | {mb / cpu:.1f} | {stored} | {failed} |")
PY
done
done
