#!/usr/bin/env python3
"""Builds models/ner/clusters.tsv: Brown word clusters for the NER tagger's features.

Corpus (newswire-like English; NOT the CoNLL-2003 test split; see models/ner/CLUSTERS.md):
  --reuters DIR      the 22 files reut2-000.json .. reut2-021.json of the Reuters-21578
                     collection (JSON export in GitHub mihaibogdan10/json-reuters-21578,
                     folder json-data/): titles, datelines and bodies (1987 Reuters news).
  --nltk-data DIR    the zips conll2000.zip, treebank.zip, ieer.zip, abc.zip, brown.zip from
                     GitHub nltk/nltk_data (packages/corpora/): WSJ text of CoNLL-2000 and the
                     Penn Treebank sample, NYT/APW newswire of IEER, ABC rural and science
                     news, Brown corpus press sections A and B (reportage, editorial).
  --shared DIR       the project's shared/data: conll2003/train.txt (tokens only; valid.txt
                     only when --conll-splits names it, never test.txt), polnear/{train,dev}/text, tempeval3/dev-timebank,
                     article-extraction-benchmark/ground-truth.json (article bodies).

Text is tokenized like CoNLL-2003 (Penn-Treebank-like: punctuation split, clitics 's n't
split off, hyphenated words and numbers kept whole, case kept) and split into sentences.

Clustering: Brown et al. (1992) class-based bigram model, merged greedily to maximise the
average mutual information between adjacent classes, with Liang's (2005) window: words enter
in order of frequency, at most C+1 clusters are live and the best pair is merged each time a
word enters; after the last word the C clusters are merged down to one, and that merge tree
gives each cluster its bit-string path (first child 0, second child 1). Own implementation
(numpy + numba); the merge scores are updated incrementally and touch only the clusters next
to the smaller of the two merged ones. `--selftest` checks every incremental score against
a brute-force computation of the mutual information on a small random corpus.

usage:
  make-word-clusters.py --reuters D --nltk-data D --shared D [-c 1000] [--min-count 2]
                        [--out models/ner/clusters.tsv] [--corpus-out FILE]
  make-word-clusters.py --selftest
Output: '# ...' header, then 'word<TAB>bitstring' per word, sorted by word (code points).
"""
import argparse
import glob
import html
import io
import json
import os
import re
import sys
import time
import zipfile
from collections import Counter

import numpy as np
from numba import njit

# ---------------------------------------------------------------- tokenizer (CoNLL-like)

ABBREV = set("""mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr
co corp inc ltd bros no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun ave blvd mt ft messrs pty plc fig approx
dept univ assn est govt""".split())

_QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
           "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u00b4": "'",
           "\u2014": " -- ", "\u2013": "-", "\u2012": "-", "\u2212": "-", "\u2026": "...",
           "\u00a0": " ", "\u200b": "", "\ufeff": "", "``": '"', "''": '"'}
_QUOTE_RE = re.compile("|".join(map(re.escape, sorted(_QUOTES, key=len, reverse=True))))
_CLITIC_NT = re.compile(r"(?i)(\w)(n't)\b")
_CLITIC = re.compile(r"(?i)(\w)('s|'re|'ve|'ll|'d|'m)\b")
_TOKEN = re.compile(r"""
    (?i:n't)(?!\w)                          # clitic n't (after _CLITIC_NT)
  | '(?i:s|re|ve|ll|d|m)(?!\w)              # clitics 's 're ...
  | (?:[A-Za-z]\.){2,}(?![A-Za-z])          # U.S. U.N. a.m.
  | \d+(?:[.,:/]\d+)+(?:-\w+)*              # 1,000 1.5 10:30 1/2 (1.5-mln)
  | \w+(?:[-&'.]\w+)*                       # words, hyphenated words, 6-4, 1996-08-22, AT&T
  | --+ | \.\.\.+ | [^\w\s]                 # punctuation
""", re.X)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200c-\u200f\u202a-\u202e\u2060-\u206f]")


def tokenize(text):
    """Penn-Treebank-like tokens of one paragraph, CoNLL-2003 style."""
    text = _CONTROL.sub("", text)
    text = _QUOTE_RE.sub(lambda m: _QUOTES[m.group(0)], text)
    text = _CLITIC_NT.sub(r"\1 \2", text)
    text = _CLITIC.sub(r"\1 \2", text)
    toks = _TOKEN.findall(text)
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        # Mr. / Inc. / J. keep their period; "." after other words stays a token.
        if (i + 1 < len(toks) and toks[i + 1] == "."
                and (t.lower() in ABBREV or (len(t) == 1 and t.isupper()))):
            # the token regex never glues '.', so check adjacency in the text is not needed:
            # a lone period right after an abbreviation is taken as its period.
            out.append(t + ".")
            i += 2
            continue
        if "." in t and not t[0].isdigit() and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", t):
            # words glued by a period ("said.The", "Sept.1") -> split
            parts = t.split(".")
            for j, p in enumerate(parts):
                if p:
                    out.append(p)
                if j + 1 < len(parts):
                    out.append(".")
            i += 1
            continue
        out.append(t)
        i += 1
    return out


_END = {".", "?", "!"}
_CLOSE = {'"', "'", ")", "]"}


def sentences(paragraph):
    """Split one paragraph's tokens into sentences at . ? ! (plus closing quotes)."""
    toks = tokenize(paragraph)
    sent = []
    i = 0
    while i < len(toks):
        sent.append(toks[i])
        if toks[i] in _END:
            while i + 1 < len(toks) and toks[i + 1] in _CLOSE and toks[i + 1] != "'":
                i += 1
                sent.append(toks[i])
            yield sent
            sent = []
        i += 1
    if sent:
        yield sent


def paragraphs_of(text, indent_breaks=True):
    """Paragraphs of hard-wrapped text: blank lines (and indented lines) start paragraphs."""
    paras, cur = [], []
    for line in text.split("\n"):
        if not line.strip():
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        if indent_breaks and line[:1] in (" ", "\t") and cur:
            paras.append(" ".join(cur))
            cur = []
        cur.append(line.strip())
    if cur:
        paras.append(" ".join(cur))
    return paras


# ---------------------------------------------------------------- corpus sources

def src_reuters(d):
    files = sorted(glob.glob(os.path.join(d, "reut2-*.json")))
    assert len(files) == 22, f"expected 22 reut2-*.json in {d}, found {len(files)}"
    for f in files:
        for doc in json.load(open(f, encoding="utf-8")):
            title = html.unescape(doc.get("title") or "").replace("<", "").replace(">", "")
            if title.strip():
                yield from sentences(title)
            dl = (doc.get("dateline") or "").strip()
            m = re.match(r"^(.*?),\s*[A-Z][a-z]+\s+\d+\s*-?\s*$", dl)
            if m:
                yield from sentences(m.group(1))          # "BUENOS AIRES"
            body = doc.get("body") or ""
            body = re.sub(r"&#\d+;", " ", body)
            body = html.unescape(body).replace("<", "").replace(">", "")
            body = re.sub(r"\s*\b(?:REUTER|Reuter)\s*$", "", body.strip())
            for p in paragraphs_of(body):
                yield from sentences(p)


def _zip(d, name):
    path = os.path.join(d, name)
    assert os.path.exists(path), f"missing {path}"
    return zipfile.ZipFile(path)


_PTB_MAP = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[",
            "-RSB-": "]", "``": '"', "''": '"'}


def _retok(tokens):
    """Already tokenized text (PTB-like): re-run our tokenizer on it for uniform style."""
    words = [_PTB_MAP.get(t, t) for t in tokens]
    # join clitics so the tokenizer splits them the same way as in raw text
    out = []
    for s in sentences(" ".join(words)):
        out.extend(s)
    return out


def src_conll2000(d):
    with _zip(d, "conll2000.zip") as z:
        for name in ("conll2000/train.txt", "conll2000/test.txt"):
            sent = []
            for line in io.TextIOWrapper(z.open(name), encoding="latin-1"):
                parts = line.split()
                if parts:
                    sent.append(parts[0])
                elif sent:
                    yield _retok(sent)
                    sent = []
            if sent:
                yield _retok(sent)


def src_treebank(d):
    with _zip(d, "treebank.zip") as z:
        for name in sorted(n for n in z.namelist() if n.startswith("treebank/tagged/wsj_")):
            text = z.read(name).decode("latin-1")
            sent = []
            for line in text.split("\n"):
                if line.startswith("======"):
                    continue
                if not line.strip():
                    if sent and sent[-1] in _END:
                        yield _retok(sent)
                        sent = []
                    continue
                for tok in line.replace("[", " ").replace("]", " ").split():
                    w, _, tag = tok.rpartition("/")
                    if w and tag != "-NONE-":
                        sent.append(w.replace("\\/", "/"))
            if sent:
                yield _retok(sent)


def src_ieer(d):
    with _zip(d, "ieer.zip") as z:
        for name in sorted(n for n in z.namelist() if re.search(r"/(APW|NYT)_\d+$", n)):
            text = z.read(name).decode("latin-1")
            for m in re.finditer(r"<HEADLINE>(.*?)</HEADLINE>|<TEXT>(.*?)</TEXT>", text, re.S):
                chunk = m.group(1) or m.group(2) or ""
                chunk = re.sub(r"<[^>]*>", "", chunk)
                chunk = chunk.replace("``", '"').replace("''", '"').replace(" _ ", " -- ")
                for p in paragraphs_of(chunk):
                    yield from sentences(p)


def src_abc(d):
    with _zip(d, "abc.zip") as z:
        for name in ("abc/rural.txt", "abc/science.txt"):
            text = z.read(name).decode("latin-1")
            for line in text.split("\n"):
                if line.strip():
                    yield from sentences(line)


def src_brown(d):
    # press: reportage (ca) and editorial (cb) sections only
    with _zip(d, "brown.zip") as z:
        for name in sorted(n for n in z.namelist() if re.search(r"/c[ab]\d\d$", n)):
            text = z.read(name).decode("latin-1")
            for line in text.split("\n"):
                toks = [t.rsplit("/", 1)[0] for t in line.split()]
                if toks:
                    yield _retok(toks)


def src_conll2003(d, splits=("train.txt", "valid.txt")):
    for split in splits:                              # never test.txt
        sent = []
        for line in open(os.path.join(d, "conll2003", split), encoding="utf-8"):
            parts = line.split()
            if parts and parts[0] != "-DOCSTART-":
                sent.append(parts[0])
            elif sent:
                yield sent
                sent = []
        if sent:
            yield sent


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>")
_STOP = {"the", "of", "and", "to", "a", "in", "is"}


def src_polnear(d):
    for split in ("train", "dev"):
        for f in sorted(glob.glob(os.path.join(d, "polnear", split, "text", "*.txt"))):
            text = _TAG.sub(" ", open(f, encoding="utf-8").read())
            for p in paragraphs_of(text, indent_breaks=False):
                yield from sentences(p)


def src_tempeval(d):
    for f in sorted(glob.glob(os.path.join(d, "tempeval3", "dev-timebank", "*.tml"))):
        text = open(f, encoding="utf-8").read()
        m = re.search(r"<TEXT>(.*?)</TEXT>", text, re.S)
        if m:
            body = html.unescape(re.sub(r"<[^>]*>", "", m.group(1)))
            for p in paragraphs_of(body):
                yield from sentences(p)


def src_aeb(d):
    gt = json.load(open(os.path.join(d, "article-extraction-benchmark", "ground-truth.json"),
                        encoding="utf-8"))
    for k in sorted(gt):
        text = _TAG.sub(" ", gt[k].get("articleBody") or "")
        words = re.findall(r"\w+", text.lower())
        if not words or sum(w in _STOP for w in words) < 0.08 * len(words):
            continue                                  # not English
        for p in paragraphs_of(text, indent_breaks=False):
            yield from sentences(p)


def english(sents):
    """Drops sentences whose letters are mostly not ASCII (other scripts, mojibake)."""
    for s in sents:
        letters = [ch for t in s for ch in t if ch.isalpha()]
        if sum(ch.isascii() for ch in letters) >= 0.9 * len(letters):
            yield s


def corpus(args):
    """(source name, sentence iterator) for every source, in a fixed order."""
    return [(name, english(it)) for name, it in _sources(args)]


def _sources(args):
    return [
        ("reuters21578", src_reuters(args.reuters)),
        ("conll2003-" + "+".join(s.split(".")[0] for s in args.conll_splits),
         src_conll2003(args.shared, args.conll_splits)),
        ("conll2000-wsj", src_conll2000(args.nltk_data)),
        ("treebank-wsj-sample", src_treebank(args.nltk_data)),
        ("ieer-nyt-apw", src_ieer(args.nltk_data)),
        ("abc-news", src_abc(args.nltk_data)),
        ("brown-press-a-b", src_brown(args.nltk_data)),
        ("polnear-train+dev", src_polnear(args.shared)),
        ("tempeval3-timebank", src_tempeval(args.shared)),
        ("aeb-bodies", src_aeb(args.shared)),
    ]


# ---------------------------------------------------------------- Brown clustering

def xlogx_table(n):
    x = np.arange(n + 1, dtype=np.float64)
    t = np.zeros(n + 1)
    t[1:] = x[1:] * np.log(x[1:])
    return t


@njit(cache=True)
def _score(i, j, A, N, L, R, F):
    """Gain in T*MI (<= 0) from merging live clusters i and j."""
    return (A[i, j]
            + F[N[i, i] + N[i, j] + N[j, i] + N[j, j]]
            - F[N[i, i]] - F[N[i, j]] - F[N[j, i]] - F[N[j, j]]
            - (F[L[i] + L[j]] - F[L[i]] - F[L[j]])
            - (F[R[i] + R[j]] - F[R[i]] - F[R[j]]))


@njit(cache=True)
def _rk(F, x, y):
    return F[x + y] - F[x] - F[y]


@njit(cache=True)
def _row_best(i, live, A, N, L, R, F, best, bidx):
    bv = -1e300
    bj = -1
    for j in range(live.shape[0]):
        if live[j] and j != i:
            v = _score(i, j, A, N, L, R, F)
            if v > bv:
                bv = v
                bj = j
    best[i] = bv
    bidx[i] = bj


@njit(cache=True)
def _nbrs(s, live, N):
    out = np.empty(live.shape[0], np.int64)
    n = 0
    for i in range(live.shape[0]):
        if live[i] and i != s and (N[i, s] > 0 or N[s, i] > 0):
            out[n] = i
            n += 1
    return out[:n]


@njit(cache=True)
def _refresh_rows(changed, live, A, N, L, R, F, best, bidx, full):
    """After entries (j, t) for t in `changed` moved, fix each live row j's best.
    Rows flagged in `full` are recomputed outright."""
    M = live.shape[0]
    for j in range(M):
        if not live[j]:
            continue
        if full[j]:
            _row_best(j, live, A, N, L, R, F, best, bidx)
            continue
        redo = False
        for t in changed:
            if t == j or not live[t]:
                continue
            v = _score(j, t, A, N, L, R, F)
            if v > best[j]:
                best[j] = v
                bidx[j] = t
            elif bidx[j] == t and v < best[j]:
                redo = True
        if redo or bidx[j] < 0 or not live[bidx[j]]:
            _row_best(j, live, A, N, L, R, F, best, bidx)


@njit(cache=True)
def add_cluster(s, rows_t, rows_c, cols_t, cols_c, self_c, live, A, N, L, R, F, best, bidx):
    """Bring a new cluster into free slot s. rows_t/rows_c: slots it precedes and counts;
    cols_t/cols_c: slots that precede it; self_c: count of the word followed by itself."""
    M = live.shape[0]
    for q in range(rows_t.shape[0]):
        N[s, rows_t[q]] += rows_c[q]
    for q in range(cols_t.shape[0]):
        N[cols_t[q], s] += cols_c[q]
    N[s, s] = self_c
    L[s] = 0
    R[s] = 0
    for t in range(M):
        if live[t]:
            L[s] += N[s, t]
            R[s] += N[t, s]
            L[t] += N[t, s]
            R[t] += N[s, t]
    L[s] += self_c
    R[s] += self_c
    nb = _nbrs(s, live, N)
    # new column/row s adds terms to existing pairs (i, j) that both touch s
    for x in range(nb.shape[0]):
        i = nb[x]
        for y in range(x + 1, nb.shape[0]):
            j = nb[y]
            d = _rk(F, N[i, s], N[j, s]) + _rk(F, N[s, i], N[s, j])
            A[i, j] += d
            A[j, i] += d
    live[s] = True
    # row s: only k next to s contribute
    for j in range(M):
        if not live[j] or j == s:
            continue
        acc = 0.0
        for x in range(nb.shape[0]):
            k = nb[x]
            if k == j:
                continue
            acc += _rk(F, N[s, k], N[j, k]) + _rk(F, N[k, s], N[k, j])
        A[s, j] = acc
        A[j, s] = acc
    full = np.zeros(M, np.bool_)
    full[s] = True
    for x in range(nb.shape[0]):
        full[nb[x]] = True          # their marginals moved: every pair in their rows did
    changed = np.empty(nb.shape[0] + 1, np.int64)
    changed[:nb.shape[0]] = nb
    changed[nb.shape[0]] = s
    _refresh_rows(changed, live, A, N, L, R, F, best, bidx, full)


@njit(cache=True)
def merge_clusters(a, b, live, A, N, L, R, F, best, bidx):
    """Merge live cluster b into a (slot b becomes free)."""
    M = live.shape[0]
    Sa = _nbrs(a, live, N)
    Sb = _nbrs(b, live, N)
    # neighbours other than a, b
    Sa2 = Sa[Sa != b]
    Sb2 = Sb[Sb != a]
    if Sb2.shape[0] <= Sa2.shape[0]:
        base, other, Sx = a, b, Sb2
    else:
        base, other, Sx = b, a, Sa2
    # new row of the merged cluster, from the old row of `base` plus corrections over
    # the neighbours of `other`
    newrow = np.zeros(M)
    for j in range(M):
        if not live[j] or j == a or j == b:
            continue
        v = A[base, j] - (_rk(F, N[base, other], N[j, other]) + _rk(F, N[other, base], N[other, j]))
        for x in range(Sx.shape[0]):
            k = Sx[x]
            if k == j:
                continue
            nmk = N[a, k] + N[b, k]
            nkm = N[k, a] + N[k, b]
            v += (_rk(F, nmk, N[j, k]) - _rk(F, N[base, k], N[j, k])
                  + _rk(F, nkm, N[k, j]) - _rk(F, N[k, base], N[k, j]))
        newrow[j] = v
    # pairs (i, j) away from a, b: column/row a and b become one
    mark = np.zeros(M, np.bool_)
    for x in range(Sx.shape[0]):
        mark[Sx[x]] = True
    for x in range(Sx.shape[0]):
        i = Sx[x]
        for j in range(M):
            if not live[j] or j == a or j == b or j == i or (mark[j] and j < i):
                continue
            d = (_rk(F, N[i, a] + N[i, b], N[j, a] + N[j, b])
                 - _rk(F, N[i, a], N[j, a]) - _rk(F, N[i, b], N[j, b])
                 + _rk(F, N[a, i] + N[b, i], N[a, j] + N[b, j])
                 - _rk(F, N[a, i], N[a, j]) - _rk(F, N[b, i], N[b, j]))
            A[i, j] += d
            A[j, i] += d
    # counts
    for t in range(M):
        N[a, t] += N[b, t]
    for t in range(M):
        N[t, a] += N[t, b]
    for t in range(M):
        N[b, t] = 0
        N[t, b] = 0
    L[a] += L[b]
    R[a] += R[b]
    L[b] = 0
    R[b] = 0
    live[b] = False
    for j in range(M):
        A[a, j] = newrow[j]
        A[j, a] = newrow[j]
        A[b, j] = 0.0
        A[j, b] = 0.0
    full = np.zeros(M, np.bool_)
    full[a] = True
    for x in range(Sx.shape[0]):
        full[Sx[x]] = True
    for j in range(M):
        if live[j] and (bidx[j] == a or bidx[j] == b):
            full[j] = True
    changed = np.empty(Sx.shape[0] + 1, np.int64)
    changed[:Sx.shape[0]] = Sx
    changed[Sx.shape[0]] = a
    _refresh_rows(changed, live, A, N, L, R, F, best, bidx, full)


@njit(cache=True)
def best_pair(live, best, bidx):
    bv = -1e300
    bi = -1
    for i in range(live.shape[0]):
        if live[i] and best[i] > bv:
            bv = best[i]
            bi = i
    return bi, bidx[bi], bv


class Brown:
    def __init__(self, sents, c, min_count, log=print):
        self.log = log
        freq = Counter(w for s in sents for w in s)
        vocab = sorted((w for w, n in freq.items() if n >= min_count), key=lambda w: (-freq[w], w))
        self.words = vocab
        self.freq = [freq[w] for w in vocab]
        wid = {w: i for i, w in enumerate(vocab)}
        V = len(vocab)
        # word bigram counts (within sentences, both words in the vocabulary)
        big = Counter()
        for s in sents:
            ids = [wid.get(w, -1) for w in s]
            for x, y in zip(ids, ids[1:]):
                if x >= 0 and y >= 0:
                    big[(x, y)] += 1
        self.n_bigrams = sum(big.values())
        self.n_distinct_bigrams = len(big)
        keys = np.array(list(big.keys()), dtype=np.int64).reshape(-1, 2)
        vals = np.array(list(big.values()), dtype=np.int64)
        self.out_ptr, self.out_idx, self.out_cnt = self._csr(keys[:, 0], keys[:, 1], vals, V)
        self.in_ptr, self.in_idx, self.in_cnt = self._csr(keys[:, 1], keys[:, 0], vals, V)
        self.V, self.c = V, min(c, V)

    @staticmethod
    def _csr(src, dst, cnt, V):
        order = np.argsort(src, kind="stable")
        ptr = np.zeros(V + 1, np.int64)
        np.add.at(ptr, src + 1, 1)
        return np.cumsum(ptr), dst[order], cnt[order]

    def run(self, check=None):
        V, c = self.V, self.c
        M = c + 1
        F = xlogx_table(self.n_bigrams + 1)
        N = np.zeros((M, M), np.int64)
        A = np.zeros((M, M))
        L = np.zeros(M, np.int64)
        R = np.zeros(M, np.int64)
        live = np.zeros(M, np.bool_)
        best = np.full(M, -1e300)
        bidx = np.full(M, -1, np.int64)
        slot_of = np.full(V, -1, np.int64)
        members = [[] for _ in range(M)]
        t0 = time.time()
        for w in range(V):
            s = int(np.argmin(live))
            o = slice(self.out_ptr[w], self.out_ptr[w + 1])
            nb_t, nb_c = slot_of[self.out_idx[o]], self.out_cnt[o]
            keep = (nb_t >= 0)
            selfc = int(self.out_cnt[o][self.out_idx[o] == w].sum())
            rows_t, rows_c = nb_t[keep], nb_c[keep]
            i_ = slice(self.in_ptr[w], self.in_ptr[w + 1])
            nb_t2, nb_c2 = slot_of[self.in_idx[i_]], self.in_cnt[i_]
            keep2 = (nb_t2 >= 0)
            cols_t, cols_c = nb_t2[keep2], nb_c2[keep2]
            add_cluster(s, rows_t, rows_c, cols_t, cols_c, selfc, live, A, N, L, R, F, best, bidx)
            slot_of[w] = s
            members[s] = [w]
            if check:
                check(live, A, N, L, R, F, best, bidx)
            if live.sum() > c:
                self._merge(live, A, N, L, R, F, best, bidx, slot_of, members, check)
            if (w + 1) % 5000 == 0:
                self.log(f"  {w + 1}/{V} words, {time.time() - t0:.0f} s")
        # the C clusters and their merge tree
        leaf_slots = [s for s in range(M) if live[s]]
        self.cluster_of = {}
        node_of = {}
        children = {}
        for k, s in enumerate(leaf_slots):
            node_of[s] = k
            for w in members[s]:
                self.cluster_of[w] = k
        nxt = len(leaf_slots)
        while live.sum() > 1:
            a, b, _ = best_pair(live, best, bidx)
            a, b = int(a), int(b)
            children[nxt] = (node_of[a], node_of[b])
            merge_clusters(a, b, live, A, N, L, R, F, best, bidx)
            node_of[a] = nxt
            del node_of[b]
            nxt += 1
            if check:
                check(live, A, N, L, R, F, best, bidx)
        root = nxt - 1 if children else 0
        paths = {}
        stack = [(root, "")]
        while stack:
            n, p = stack.pop()
            if n in children:
                l, r = children[n]
                stack.append((l, p + "0"))
                stack.append((r, p + "1"))
            else:
                paths[n] = p or "0"
        self.paths = paths
        self.seconds = time.time() - t0
        return {self.words[w]: paths[k] for w, k in self.cluster_of.items()}

    def _merge(self, live, A, N, L, R, F, best, bidx, slot_of, members, check):
        a, b, _ = best_pair(live, best, bidx)
        a, b = int(a), int(b)
        merge_clusters(a, b, live, A, N, L, R, F, best, bidx)
        for w in members[b]:
            slot_of[w] = a
        members[a].extend(members[b])
        members[b] = []


# ---------------------------------------------------------------- self test

def _brute_check(live, A, N, L, R, F, best, bidx):
    """Every live pair's score must equal the change of sum F(N) - sum F(L) - sum F(R)."""
    idx = [i for i in range(live.shape[0]) if live[i]]

    def obj(Nm):
        Lm, Rm = Nm.sum(1), Nm.sum(0)
        f = lambda x: float((x[x > 0] * np.log(x[x > 0])).sum())
        return f(Nm.astype(float)) - f(Lm.astype(float)) - f(Rm.astype(float))

    Nl = N[np.ix_(idx, idx)]
    assert (Nl.sum(1) == L[idx]).all() and (Nl.sum(0) == R[idx]).all(), "marginals"
    base = obj(Nl)
    for x in range(len(idx)):
        rowbest = -1e300
        for y in range(len(idx)):
            if x == y:
                continue
            keep = [z for z in range(len(idx)) if z != y]
            M2 = Nl.copy()
            M2[x, :] += M2[y, :]
            M2[:, x] += M2[:, y]
            M2 = M2[np.ix_(keep, keep)]
            want = obj(M2) - base
            got = _score(idx[x], idx[y], A, N, L, R, F)
            assert abs(want - got) < 1e-6 * max(1.0, abs(want)), (idx[x], idx[y], want, got)
            rowbest = max(rowbest, want)
        if len(idx) > 1:
            assert abs(best[idx[x]] - rowbest) < 1e-6 * max(1.0, abs(rowbest)), "row best"


def selftest():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(60)]
    p = 1.0 / np.arange(1, 61)
    p /= p.sum()
    sents = []
    for _ in range(400):
        n = rng.integers(3, 15)
        s = list(rng.choice(words, size=n, p=p))
        sents.append(s)
    for c in (1, 2, 5, 12):
        b = Brown(sents, c=c, min_count=1, log=lambda *_: None)
        paths = b.run(check=_brute_check)
        assert len(set(paths.values())) == b.c, (c, len(set(paths.values())))
        assert len(paths) == b.V
        print(f"selftest c={c}: {b.V} words, {len(set(paths.values()))} clusters, ok")
    print("1 passed, 0 failed")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reuters")
    ap.add_argument("--nltk-data")
    ap.add_argument("--shared")
    ap.add_argument("-c", type=int, default=1000)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--conll-splits", default="train.txt",
                    type=lambda v: tuple(v.split(",")),
                    help="CoNLL-2003 files whose tokens join the corpus (never test.txt); "
                    "train.txt alone keeps valid.txt a fair stand-in for unseen text")
    ap.add_argument("--out", default="models/ner/clusters.tsv")
    ap.add_argument("--corpus-out", help="also write the tokenized corpus, one sentence a line")
    ap.add_argument("--selftest", action="store_true")
    args = ap.parse_args()
    if args.selftest:
        selftest()
        return
    if not (args.reuters and args.nltk_data and args.shared):
        ap.error("--reuters, --nltk-data and --shared are required")
    log = lambda *a: print(*a, file=sys.stderr, flush=True)
    t0 = time.time()
    sents, sizes = [], []
    for name, it in corpus(args):
        n0, t_ = len(sents), 0
        for s in it:
            if s:
                sents.append(s)
                t_ += len(s)
        sizes.append((name, len(sents) - n0, t_))
        log(f"{name}: {len(sents) - n0} sentences, {t_} tokens")
    ntok = sum(t for _, _, t in sizes)
    log(f"corpus: {len(sents)} sentences, {ntok} tokens ({time.time() - t0:.0f} s)")
    if args.corpus_out:
        with open(args.corpus_out, "w", encoding="utf-8") as f:
            for s in sents:
                f.write(" ".join(s) + "\n")
    b = Brown(sents, args.c, args.min_count, log=log)
    log(f"vocabulary (count >= {args.min_count}): {b.V} words; {b.n_bigrams} bigrams, "
        f"{b.n_distinct_bigrams} distinct")
    paths = b.run()
    log(f"clustering: {b.seconds:.0f} s")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# Brown clusters (tools/make-word-clusters.py, own implementation of Liang 2005 "
                f"windowed Brown clustering): c={b.c}, min-count={args.min_count}, "
                f"{b.V} words, corpus {ntok} tokens: "
                + ", ".join(f"{n} {t}" for n, _, t in sizes)
                + ". No CoNLL-2003 test text. See models/ner/CLUSTERS.md\n")
        for w in sorted(paths):
            if not w.isprintable() or any(ch.isspace() for ch in w):
                continue                      # never emitted by the tokenizer; a guard
            f.write(f"{w}\t{paths[w]}\n")
    log(f"wrote {args.out}: {len(paths)} words, {len(set(paths.values()))} clusters, "
        f"total {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
