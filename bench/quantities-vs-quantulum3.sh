#!/usr/bin/env bash
# Counts and measurements: Triangulate's figures stage vs quantulum3 0.10.0 (with its
# classifier; scikit-learn 1.8.0, the version its shipped classifier was pickled with)
# on a MeasEval split, both scored by the same Rust command (`triangulate eval
# quantities`) against MeasEval's gold: Quantity span exact and overlap F1, the
# MeasEval-style token-F1 score, unit accuracy and unit F1; one thread each, timing
# extraction only (MB of UTF-8 text per CPU second). quantulum3 writes its predictions
# in MeasEval's TSV layout (bench/quantulum3_measeval.py).
#   bench/quantities-vs-quantulum3.sh [SPLIT_DIR]      # default data/measeval/trial
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-data/measeval/trial}
work=bench-out/quantities
rm -rf "$work" && mkdir -p "$work"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1

if [ ! -x bench-out/venv-quantulum3/bin/python ]; then
  python3 -m venv bench-out/venv-quantulum3
fi
bench-out/venv-quantulum3/bin/python -c "import quantulum3, sklearn" 2>/dev/null \
  || bench-out/venv-quantulum3/bin/pip install -q "quantulum3[classifier]==0.10.0"
# The classifier shipped with quantulum3 0.10.0 was pickled with scikit-learn 1.8.0; a
# newer one fails to unpickle it on many paragraphs.
bench-out/venv-quantulum3/bin/python -c "import sklearn; assert sklearn.__version__ == '1.8.0'" 2>/dev/null \
  || bench-out/venv-quantulum3/bin/pip install -q "scikit-learn==1.8.0"
. bench/side-by-side.sh
side_by_side quantities "$split" "$work" quantulum3 bench-out/venv-quantulum3/bin/python bench/quantulum3_measeval.py

python3 - "$work" "$split" <<'PY'
import sys
sys.path.insert(0, "bench")
from tables import get, load as load_from, num

work, split = sys.argv[1], sys.argv[2]


def load(name):
    return load_from(work, name)


ours = load("triangulate.json")
peer = load("quantulum3.json")
t = load("quantulum3-time.json")
peer["system"] = t.get("system", "quantulum3")
peer["mb_per_cpu_second"] = t.get("mb_per_cpu_second")

print(f"\nMeasEval {split}: {ours['documents']} paragraphs, {ours['gold']} gold quantities; "
      "one thread each\n")
print("| system | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | "
      "MeasEval token-F1 score | unit accuracy | unit F1 | predicted | MB/CPU s | "
      "figures stage MB/CPU s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in (ours, peer):
    cells = [
        get(r, "exact", "p"), get(r, "exact", "r"), get(r, "exact", "f1"),
        get(r, "overlap", "p"), get(r, "overlap", "r"), get(r, "overlap", "f1"),
        get(r, "measeval_overlap"), get(r, "unit_accuracy"), get(r, "unit", "f1"),
    ]
    print(f"| {r.get('system', '-')} | " + " | ".join(num(c) for c in cells)
          + f" | {num(r.get('predicted'), '{}')}"
          + f" | {num(r.get('mb_per_cpu_second'), '{:.3f}')}"
          + f" | {num(r.get('figures_mb_per_cpu_second'), '{:.1f}')} |")
print(f"\nquantulum3 found {num(t.get('quantities'), '{}')} quantities in "
      f"{num(t.get('cpu_seconds'), '{:.2f}')} CPU s over {num(t.get('bytes'), '{:,}')} bytes "
      f"(parse calls only; classifier: {t.get('classifier')}). Ours: whole pipeline "
      "(sentences, entities, quotes, figures); the figures stage alone in the last column.")
PY
