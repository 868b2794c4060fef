"""Run quantulum3's parser over a MeasEval split, writing MeasEval TSV predictions.

    python bench/quantulum3_measeval.py SPLIT_DIR OUT_DIR

SPLIT_DIR is a MeasEval split folder (e.g. data/measeval/trial) holding
`text/DOCID.txt` (one paragraph each; `tsv/` is the gold, not read here). For every
text, sorted by name, `quantulum3.parser.parse(text)` (quantulum3 0.10.0, English, with
its classifier when `quantulum3[classifier]` is installed) yields Quantity objects with
a character span into the text and a unit.

OUT_DIR/DOCID.tsv is written for every text in MeasEval's TSV layout:

    docId annotSet annotType startOffset endOffset annotId text other

one annotation set per quantity: a `Quantity` row with quantulum3's span (Python str
indices, as MeasEval's offsets) and, unless the unit is `dimensionless`, `other` =
{"unit": NAME} with quantulum3's unit name ("millimetre", "degree Celsius",
"percentage"); the scorer maps names and symbols to one form. quantulum3 finds no
measured entities, so no MeasuredEntity rows are written.

Prints one JSON line on stdout: system, documents, quantities, bytes (UTF-8 bytes of
the texts), cpu_seconds (time.process_time around each parse call only; loading and
file I/O excluded), mb_per_cpu_second, classifier (whether its classifier was
available). One thread.
"""
import json
import os
import sys
import time
import warnings

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from quantulum3 import parser  # noqa: E402
    from quantulum3 import classifier as q3classifier  # noqa: E402
CLASSIFIER = not any("Classifier dependencies" in str(w.message) for w in caught)


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def main():
    split, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    names = sorted(n[:-4] for n in os.listdir(os.path.join(split, "text")) if n.endswith(".txt"))
    cpu = 0.0
    nbytes = 0
    found = 0
    # Warm up: the first call loads its unit tables and classifier.
    parser.parse("It weighs 5 kg.")
    for name in names:
        with open(os.path.join(split, "text", name + ".txt"), encoding="utf-8") as f:
            text = f.read()
        nbytes += len(text.encode("utf-8"))
        t0 = time.process_time()
        try:
            quantities = parser.parse(text)
        except Exception as e:  # one bad paragraph must not stop the run
            print(f"{name}: {type(e).__name__}: {e}", file=sys.stderr)
            quantities = []
        cpu += time.process_time() - t0
        rows = ["docId\tannotSet\tannotType\tstartOffset\tendOffset\tannotId\ttext\tother"]
        for i, q in enumerate(quantities, 1):
            start, end = q.span
            unit = q.unit.name if q.unit is not None else "dimensionless"
            other = "" if unit == "dimensionless" else json.dumps({"unit": unit})
            rows.append(f"{name}\t{i}\tQuantity\t{start}\t{end}\tT{i}-1\t{clean(text[start:end])}\t{other}")
            found += 1
        with open(os.path.join(out, name + ".tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
    print(json.dumps({
        "system": "quantulum3" + ("" if CLASSIFIER else " (no classifier)"),
        "documents": len(names),
        "quantities": found,
        "bytes": nbytes,
        "cpu_seconds": cpu,
        "mb_per_cpu_second": nbytes / 1e6 / cpu if cpu > 0 else None,
        "classifier": CLASSIFIER,
    }))


if __name__ == "__main__":
    main()
