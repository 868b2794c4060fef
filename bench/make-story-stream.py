#!/usr/bin/env python3
"""A large synthetic news stream for the speed and memory of story clustering.

Real sentences, synthetic stories: the sentence pool is the text of the BASIL articles in
data/stories-eval/ and the ground-truth bodies of the article-extraction benchmark. Each
story takes one base article; each of its articles keeps about 60% of the base's
sentences (shuffled) and adds about 40% drawn from anywhere in the pool, and is dated
within three days of the story's start; starts are spread over a year. The labels are
the stories, so the stream can be scored, but it measures speed and memory, not
accuracy: its stories are easier to tell apart than real ones.

    python3 bench/make-story-stream.py N OUT.jsonl [SEED]
"""
import gzip
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20251206)
root = Path(__file__).resolve().parent.parent

articles = []
for name in ("basil-dev.jsonl", "basil-test.jsonl"):
    for line in open(root / "data/stories-eval" / name, encoding="utf-8"):
        r = json.loads(line)
        articles.append((r["title"], r["text"]))
truth = root.parent / "shared/data/article-extraction-benchmark/ground-truth.json"
if truth.exists():
    for page in json.load(open(truth, encoding="utf-8")).values():
        body = page.get("articleBody") or ""
        if len(body) > 500:
            articles.append((body.split(".")[0][:100], body))

split = re.compile(r"(?<=[.!?])\s+")
sentences = [[s for s in split.split(text) if len(s) > 30] for _, text in articles]
pool = [s for ss in sentences for s in ss]
start = datetime(2024, 1, 1, tzinfo=timezone.utc)
rows = []
story = 0
while len(rows) < n:
    base = rng.randrange(len(articles))
    title, _ = articles[base]
    mine = sentences[base] or pool[:5]
    size = min(n - len(rows), max(1, int(rng.expovariate(1 / 10))))
    day0 = start + timedelta(seconds=rng.randrange(365 * 86400))
    for k in range(size):
        kept = [s for s in mine if rng.random() < 0.6]
        extra = [rng.choice(pool) for _ in range(max(1, int(len(kept) * 0.66)))]
        body = kept + extra
        rng.shuffle(body)
        words = title.split()
        head = " ".join(w for w in words if rng.random() < 0.8) or title
        when = day0 + timedelta(seconds=rng.randrange(3 * 86400))
        rows.append({
            "id": f"s{story}-{k}",
            "title": head,
            "text": " ".join(body),
            "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "story": f"s{story}",
        })
    story += 1
rows.sort(key=lambda r: r["published"])
with open(out, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
print(f"{len(rows)} articles in {story} stories -> {out}", file=sys.stderr)
