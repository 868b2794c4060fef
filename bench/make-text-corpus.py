#!/usr/bin/env python3
"""Builds a plain-text news corpus for the ingest benchmark from real article texts.

Sources: the five seed articles (examples/seeds) and the articleBody texts of the
article-extraction benchmark's ground truth (scrapinghub/article-extraction-benchmark,
MIT), when ../shared/data is present. Each output file is one real article with a
numbered sentence added to its longest paragraph, so every file is a distinct article
(distinct id) while the text stays real news prose.

usage: make-text-corpus.py OUT_DIR MEGABYTES
"""
import json, os, sys, pathlib

out, megabytes = pathlib.Path(sys.argv[1]), float(sys.argv[2])
root = pathlib.Path(__file__).resolve().parent.parent
texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples/seeds").glob("*.txt"))]
gt = root.parent / "shared/data/article-extraction-benchmark/ground-truth.json"
if gt.exists():
    texts += [v["articleBody"] for v in json.loads(gt.read_text()).values() if len(v["articleBody"]) > 500]
out.mkdir(parents=True, exist_ok=True)
written, i = 0, 0
while written < megabytes * 1e6:
    paragraphs = texts[i % len(texts)].split("\n")
    longest = max(range(len(paragraphs)), key=lambda k: len(paragraphs[k]))
    paragraphs[longest] += f" This is dispatch {i} of the benchmark corpus."
    body = "\n".join(paragraphs)
    data = body.encode("utf-8")
    (out / f"{i:06d}.txt").write_bytes(data)
    written += len(data)
    i += 1
print(f"{i} files, {written / 1e6:.1f} MB of real article text in {out}")
