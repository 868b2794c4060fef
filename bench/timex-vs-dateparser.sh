#!/usr/bin/env bash
# Temporal expressions: Triangulate's tagger vs dateparser 1.5.0 (search_dates, English,
# anchored at each document's <DCT>) on a TempEval-3 TimeML split, both scored by the
# same Rust command (`triangulate eval timex`): strict (exact span) and relaxed
# (overlapping span) P/R/F1, value F1 and type accuracy over the relaxed matches; one
# thread each, timing tagging only (MB of UTF-8 plain text per CPU second). dateparser's
# hits are written as TimeML by bench/dateparser_timeml.py (its doc string has the rule
# that maps a hit to a TIMEX3 type and value). HeidelTime and SUTime are not run: their
# rows are the figures published for TempEval-3 Task A on the TE-3 platinum test set
# (UzZaman et al. 2013), printed for orientation only, not measured here.
#   bench/timex-vs-dateparser.sh [SPLIT_DIR]   # default ../shared/data/tempeval3/dev-timebank
# (../shared/data/tempeval3/test-aquaint is the held-out test set: leave it for the one
# reported run.)
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-../shared/data/tempeval3/dev-timebank}
work=bench-out/timex
venv=bench-out/venv-dateparser
rm -rf "$work" && mkdir -p "$work"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import dateparser, sys; sys.exit(dateparser.__version__ != '1.5.0')" \
  2>/dev/null || "$venv/bin/pip" install -q dateparser==1.5.0
. bench/side-by-side.sh
side_by_side timex "$split" "$work" dateparser "$venv/bin/python" bench/dateparser_timeml.py

python3 - "$work" "$split" <<'PY'
import sys
sys.path.insert(0, "bench")
from tables import load as load_from

work, split = sys.argv[1], sys.argv[2]


def load(name):
    return load_from(work, name)


def pct(x):
    return f"{100 * x:.2f}" if isinstance(x, (int, float)) else "-"


ours = load("triangulate.json")
peer = load("dateparser.json")
t = load("dateparser-time.json")
peer["system"] = t.get("system", "dateparser")
peer["mb_per_cpu_second"] = t.get("mb_per_cpu_second")

print(f"\nTempEval-3 TimeML {split}: {ours['documents']} documents, {ours['gold']} gold "
      "TIMEX3; scores in %, one thread each\n")
print("| system | strict P / R / F1 | relaxed F1 | value F1 | type accuracy | MB per CPU s |")
print("|---|---:|---:|---:|---:|---:|")
for r in (ours, peer):
    s = r["strict"]
    mb = r.get("mb_per_cpu_second")
    mb = f"{mb:.3f}" if isinstance(mb, (int, float)) else "-"
    print(f"| {r['system']} (measured) | {pct(s['p'])} / {pct(s['r'])} / {pct(s['f1'])} "
          f"| {pct(r['relaxed']['f1'])} | {pct(r['value']['f1'])} | {pct(r['type_accuracy'])} "
          f"| {mb} |")
# Published, TempEval-3 Task A, English, TE-3 platinum test set (20 documents), scored by
# the TE-3 toolkit -- another corpus and another scorer than the rows above.
print("| HeidelTime-t (published [1]) | - / - / 81.34* | 90.30* | 77.61* | -* | - |")
print("| SUTime (published [1]) | - / - / 79.57* | 90.32* | 67.38* | -* | - |")
print(f"""
Measured rows: {split}, scored by `triangulate eval timex` (relaxed = overlapping span,
one-to-one; value F1 and type accuracy over the relaxed matches). triangulate predicted
{ours['predicted']}, dateparser {peer['predicted']} TIMEX3 ({t.get('hits')} hits located,
{t.get('unlocated')} substrings not found in the text, {t.get('failed')} documents raised);
dateparser took {t.get('seconds')} CPU s for {t.get('bytes'):,} bytes (search_dates only;
warm-up {t.get('warmup_seconds')} s excluded). dateparser has no DURATION or SET and no
week/quarter/season values; its spans are its own substrings (often with a preposition or a
trailing word), so strict F1 is low by construction.

[1] UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3: Evaluating Time Expressions,
Events, and Temporal Relations" (SemEval-2013, https://aclanthology.org/S13-2001/),
Task A results table: TE-3 platinum test set, TE-3 evaluation toolkit, HeidelTime's best
run (HeidelTime-t) and SUTime. Published, not measured here, and not on the split above.
* Not verified against the paper's table in this run: the paper's text could not be read
  here. Value F1 77.61 (HeidelTime-t) and 67.38 (SUTime) are corroborated by one secondary
  source only; relaxed F1 90.32 (SUTime) is as stated in the brief; strict F1 81.34 /
  79.57 and relaxed F1 90.30 (HeidelTime-t) are from recollection of the table. The paper
  reports type as an attribute F1, not as accuracy over relaxed matches, so no type
  figure is given. Check all of them against the paper before quoting.""")
PY
