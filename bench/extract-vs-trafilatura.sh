#!/usr/bin/env bash
# Main-text extraction: Triangulate (tri-html) vs trafilatura on the
# article-extraction-benchmark, both scored by the same Rust metric (tri-eval), both
# single-threaded, timing extraction only (pages are decompressed first).
#   bench/extract-vs-trafilatura.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/article-extraction-benchmark}
work=bench-out/extract
rm -rf "$work" && mkdir -p "$work"
if [ ! -x bench-out/venv/bin/python ]; then
  python3 -m venv bench-out/venv
fi
bench-out/venv/bin/python -c "import trafilatura, lxml_html_clean" 2>/dev/null \
  || bench-out/venv/bin/pip install -q trafilatura lxml_html_clean
cargo build --release -q -p tri-eval --example extraction
ex=target/release/examples/extraction

# Ours: extraction, timing and scoring in one process.
"$ex" "$data" --dump "$work/triangulate" --json > "$work/triangulate.json"

# trafilatura: extraction and timing in Python, scoring by our metric.
trafi_version=$(bench-out/venv/bin/python -c "import trafilatura; print(trafilatura.__version__)")
bench-out/venv/bin/python bench/trafilatura_run.py "$data" "$work/trafilatura" > "$work/trafilatura-time.json"
"$ex" "$data" --score "$work/trafilatura" --name "trafilatura $trafi_version" --json > "$work/trafilatura.json"

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
ours = json.load(open(f"{work}/triangulate.json"))
peer = json.load(open(f"{work}/trafilatura.json"))
t = json.load(open(f"{work}/trafilatura-time.json"))
peer["pages_per_sec"] = t["pages"] / t["seconds"]
peer["mb_per_sec"] = t["html_mb"] / t["seconds"]
print(f"\n{ours['pages']} pages, {ours['html_mb']:.1f} MB of HTML, one thread each\n")
print("| system | P | R | F1 | accuracy | pages/s | MB/s |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in (ours, peer):
    print(f"| {r['system']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
          f"{r['accuracy']:.3f} | {r['pages_per_sec']:.0f} | {r['mb_per_sec']:.1f} |")
print(f"\nspeed ratio: {ours['pages_per_sec'] / peer['pages_per_sec']:.1f}x")
PY
