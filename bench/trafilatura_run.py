"""Run trafilatura (default settings) on the article-extraction-benchmark pages.

Decompresses every page first, then times only the `trafilatura.extract` calls, one
page after another on one thread, and writes each output to OUT/<id>.txt (empty when
trafilatura returns nothing). Prints one JSON line: pages, seconds, html_mb.

    python bench/trafilatura_run.py DATA_DIR OUT_DIR
"""
import gzip
import json
import os
import sys
import time

import trafilatura


def main() -> None:
    data, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(data, "ground-truth.json"), encoding="utf-8") as f:
        gold = json.load(f)
    pages = []
    for pid in sorted(gold):
        with gzip.open(os.path.join(data, "html", pid + ".html.gz"), "rb") as f:
            html = f.read().decode("utf-8", errors="replace")
        pages.append((pid, html, gold[pid].get("url")))
    results = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for pid, html, url in pages:
        results.append((pid, trafilatura.extract(html, url=url) or ""))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    for pid, text in results:
        with open(os.path.join(out, pid + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    html_mb = sum(len(h.encode("utf-8")) for _, h, _ in pages) / 1e6
    print(json.dumps({"pages": len(pages), "seconds": wall, "cpu_seconds": cpu, "html_mb": html_mb}))


if __name__ == "__main__":
    main()
