#!/usr/bin/env bash
# Rebuilds models/ner/clusters.tsv (Brown word clusters for the NER tagger); see
# models/ner/CLUSTERS.md. Nothing is downloaded at run time except the two PyPI packages
# (numpy, numba) of the build venv; the corpus comes from two public GitHub repositories
# that you give as local git directories (a clone, or the search tool's mirror), read at
# pinned commits, plus the project's shared/data.
#
# usage: tools/make-word-clusters.sh NLTK_DATA_GIT REUTERS_JSON_GIT [SHARED_DATA] [OUT]
#   NLTK_DATA_GIT     git dir of github.com/nltk/nltk_data
#   REUTERS_JSON_GIT  git dir of github.com/mihaibogdan10/json-reuters-21578
#   SHARED_DATA       default: ../shared/data beside the checkout, else /work/shared/data
#   OUT               default: models/ner/clusters.tsv
# env: CLUSTERS=1000 MIN_COUNT=2 CONLL_SPLITS=train.txt WORK=bench-out/clusters VENV=bench-out/clusters-venv
# Takes about 25 minutes on one core (c=1000); run it under `nice`.
set -euo pipefail
abs() { [ -z "$1" ] || (cd "$1" && pwd); }

NLTK_COMMIT=5db857e6f7df11eabb5e5665836db9ec8df07e28      # nltk_data, 2023-02-02
REUTERS_COMMIT=af8b9c6096e4a4625a490ab41b676927265c3fec   # json-reuters-21578, 2016-04-09

NLTK_GIT=$(abs "${1:?usage: $0 NLTK_DATA_GIT REUTERS_JSON_GIT [SHARED_DATA] [OUT]}")
REUTERS_GIT=$(abs "${2:?usage: $0 NLTK_DATA_GIT REUTERS_JSON_GIT [SHARED_DATA] [OUT]}")
SHARED=$(abs "${3:-}")
OUT=${4:-}
if [ -n "$OUT" ]; then OUT=$(abs "$(dirname "$OUT")")/$(basename "$OUT"); fi
cd "$(dirname "$0")/.."
if [ -z "$SHARED" ]; then
  if [ -d ../shared/data/conll2003 ]; then SHARED=../shared/data; else SHARED=/work/shared/data; fi
fi
OUT=${OUT:-models/ner/clusters.tsv}
WORK=${WORK:-bench-out/clusters}
VENV=${VENV:-bench-out/clusters-venv}
CLUSTERS=${CLUSTERS:-1000}
MIN_COUNT=${MIN_COUNT:-2}

# 1. inputs, at pinned commits
mkdir -p "$WORK/nltk" "$WORK/reuters"
for c in conll2000 treebank ieer abc brown; do
  git -C "$NLTK_GIT" show "$NLTK_COMMIT:packages/corpora/$c.zip" > "$WORK/nltk/$c.zip"
done
for i in $(seq -w 0 21); do
  git -C "$REUTERS_GIT" show "$REUTERS_COMMIT:json-data/reut2-0$i.json" > "$WORK/reuters/reut2-0$i.json"
done
(cd "$WORK" && sha256sum nltk/*.zip reuters/*.json > inputs.sha256)

# 2. build venv (numpy + numba only)
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q numpy==2.4.6 numba==0.68.1
fi

# 3. check the clustering code against brute force, then build
"$VENV/bin/python" tools/make-word-clusters.py --selftest
"$VENV/bin/python" tools/make-word-clusters.py \
  --reuters "$WORK/reuters" --nltk-data "$WORK/nltk" --shared "$SHARED" \
  -c "$CLUSTERS" --min-count "$MIN_COUNT" --conll-splits "${CONLL_SPLITS:-train.txt}" --out "$OUT"
