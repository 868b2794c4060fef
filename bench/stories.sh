#!/usr/bin/env bash
# Story clustering: accuracy on BASIL (data/stories-eval, dev and test) and speed and peak
# memory on a synthetic stream of N articles made of real sentences
# (bench/make-story-stream.py), each clustered in one pass by `triangulate eval stories`.
#   bench/stories.sh [N]     # default 100000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
mkdir -p bench-out/stories
cargo build --release -q
for split in dev test; do
  echo "== BASIL $split"
  target/release/triangulate eval stories --data "data/stories-eval/basil-$split.jsonl"
done
stream=bench-out/stories/stream-$n.jsonl
[ -f "$stream" ] || python3 bench/make-story-stream.py "$n" "$stream"
# The first quarter, the first half and the whole stream have the same density (articles
# a day), so their peak memories show whether memory grows with the stream's length or
# with the stories live at a time.
for part in 4 2 1; do
  m=$((n / part))
  head -n "$m" "$stream" > "bench-out/stories/part.jsonl"
  echo "== synthetic stream, first $m of $n articles ($(du -m bench-out/stories/part.jsonl | cut -f1) MB)"
  /usr/bin/time -f "wall %e s, user %U s, system %S s, peak memory %M KB" \
    target/release/triangulate eval stories --data bench-out/stories/part.jsonl
done
rm -f bench-out/stories/part.jsonl
