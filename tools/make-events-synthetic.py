#!/usr/bin/env python3
"""Builds data/events-synthetic/{train,dev}.json from NGEC's synthetic news stories.

Source: ahalterman/NGEC, setup/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv.zip
(commit 787a06b): 4,500 synthetic news stories that a language model wrote from
hand-written headlines, each with the PLOVER category (and mode) of the headline it was
prompted with (Halterman 2023, arXiv:2303.16028). No licence is stated; the author shares
them to train event classifiers.

Each story's lead sentence becomes one record in the layout of PLOVER_GSR_CAMEO.json
(`id`, `text`, `event`, `mode`; no actors). Stories prompted by one headline template
fall on the same side of the split (one template in five, by CRC32 of the template, goes
to dev), so dev measures templates the classifier never saw.

    python3 tools/make-events-synthetic.py path/to/gpt_synthetic_events_2023-10-19_19.csv
"""
import csv
import json
import re
import sys
import zlib
from pathlib import Path

LEAD = re.compile(r'(.+?[a-z0-9)]["\u201d]?\.)\s+[A-Z"\u201c]')


def lead(text):
    first = text.strip().split("\n")[0].strip()
    m = LEAD.match(first)
    return (m.group(1) if m else first)[:400]


def main():
    src = sys.argv[1]
    out = Path(__file__).resolve().parent.parent / "data" / "events-synthetic"
    parts = {"train": [], "dev": []}
    for row in csv.DictReader(open(src, encoding="utf-8")):
        text = lead(row["text"])
        if len(text) < 30:
            continue
        part = "dev" if zlib.crc32(row["title"].encode()) % 5 == 0 else "train"
        rec = {
            "id": f"ngec-synthetic-{part}-{len(parts[part]):04d}",
            "text": text,
            "event": row["label"],
        }
        if row["mode"]:
            rec["mode"] = row["mode"]
        parts[part].append(rec)
    for part, recs in parts.items():
        with open(out / f"{part}.json", "w", encoding="utf-8") as f:
            f.write("[\n")
            f.write(",\n".join(json.dumps(r, ensure_ascii=False) for r in recs))
            f.write("\n]\n")
        print(part, len(recs))


if __name__ == "__main__":
    main()
