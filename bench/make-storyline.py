#!/usr/bin/env python3
"""N articles of one developing story, for the speed of the dossier.

Real sentences, synthetic rewrites: the story is one BASIL event (data/stories-eval/,
the Boehner "one-in-three chance" interview of April 2012 by default); each article
keeps about 80% of the sentences of one of the event's three articles (shuffled) and
adds a fifth as many drawn from the other BASIL articles, and is dated within ten days, under
one of forty outlet names. It measures speed, not accuracy.

    python3 bench/make-storyline.py N OUT.jsonl [SEED]
"""
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261207)
root = Path(__file__).resolve().parent.parent
STORY = "f11c2566-848a-4e29-b8c5-4de0a81114e4"
SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")

base, pool = [], []
for name in ("basil-dev.jsonl", "basil-test.jsonl"):
    for line in open(root / "data/stories-eval" / name, encoding="utf-8"):
        r = json.loads(line)
        sentences = [s for s in SPLIT.split(r["text"].replace("\n\n", " ")) if len(s) > 30]
        (base if r["story"] == STORY else pool).append((r["title"], sentences))
pool = [s for _, ss in pool for s in ss]
start = datetime(2012, 4, 23, 8, tzinfo=timezone.utc)
outlets = [f"Outlet {i:02d}" for i in range(40)]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        title, sentences = base[i % len(base)]
        keep = [s for s in sentences if rng.random() < 0.8]
        extra = rng.sample(pool, max(1, int(len(keep) * 0.25)))
        body = keep + extra
        rng.shuffle(body)
        paragraphs = [" ".join(body[k : k + 3]) for k in range(0, len(body), 3)]
        date = start + timedelta(hours=rng.uniform(0, 240))
        f.write(json.dumps({
            "id": f"storyline-{i:05d}",
            "title": f"{title} ({i})",
            "text": "\n\n".join(paragraphs),
            "published": date.isoformat(),
            "outlet": rng.choice(outlets),
            "url": f"https://example.org/story/{i}",
        }) + "\n")
