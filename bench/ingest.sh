#!/usr/bin/env bash
# Plain-text ingest throughput: read + clean + language + hash + store, into a fresh
# SQLite file, on 1 and on all cores. Prints a table.
#   bench/ingest.sh [MEGABYTES]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
work=bench-out/ingest
rm -rf "$work" && mkdir -p "$work"
cargo build --release -q
python3 bench/make-text-corpus.py "$work/corpus" "$mb"
bytes=$(du -sb --apparent-size "$work/corpus" | cut -f1)
printf '\n| jobs | files | MB | seconds | MB/s | MB/s per core |\n|---:|---:|---:|---:|---:|---:|\n'
for jobs in 1 $(nproc); do
  rm -f "$work/bench.db"*
  start=$(date +%s.%N)
  ./target/release/triangulate --db "$work/bench.db" ingest --jobs "$jobs" "$work/corpus" 2>"$work/log-$jobs"
  end=$(date +%s.%N)
  files=$(ls "$work/corpus" | wc -l)
  python3 -c "b=$bytes/1e6; s=$end-$start; print(f'| $jobs | $files | {b:.1f} | {s:.2f} | {b/s:.1f} | {b/s/$jobs:.1f} |')"
done
