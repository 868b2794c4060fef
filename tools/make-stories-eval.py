#!/usr/bin/env python3
"""Builds data/stories-eval/basil-dev.jsonl and basil-test.jsonl: news articles with a gold
story label, for scoring story clustering (BCubed and pairwise F1).

Source: the BASIL corpus (Fan et al., EMNLP 2019, "In Plain Sight: Media Bias Through the
Lens of Factual Reporting"), 2nd release, GitHub repository launchnlp/BASIL, folder
articles/<year>/<triplet-uuid>_<n>.json. 100 news events, 2010-2019, each reported by three
outlets (New York Times "nyt", Fox News "fox", HuffPost "hpo"): 300 articles. Articles
sharing a "triplet-uuid" report the same event; that id is the gold story.

Usage (the argument is a bare git directory of the repository, e.g. from a clone
`git clone --bare https://github.com/launchnlp/BASIL`):
    python3 tools/make-stories-eval.py /path/to/BASIL.git [out-dir]

Split (ours, not the corpus authors'): by year of the event, 2010-2014 -> dev (tuning),
2015-2019 -> test (reporting). Articles are written in date order, then by story id and
outlet. Output lines: {"id", "title", "text", "published", "url", "outlet", "story"}.
"""

import json
import pathlib
import subprocess
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "stories-eval"
OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}
DEV_YEARS = range(2010, 2015)


def git(gitdir, *args):
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), *args], check=True, capture_output=True
    ).stdout


def text_of(article):
    paras = []
    for para in article.get("body-paragraphs", []):
        sents = [s.strip() for s in para if s and s.strip()]
        if sents:
            paras.append(" ".join(sents))
    return "\n\n".join(paras)


def main():
    gitdir = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    names = git(gitdir, "ls-tree", "-r", "--name-only", "HEAD").decode().split("\n")
    names = sorted(n for n in names if n.startswith("articles/") and n.endswith(".json"))
    rows = []
    for name in names:
        a = json.loads(git(gitdir, "show", f"HEAD:{name}"))
        year = int(name.split("/")[1])
        rows.append(
            {
                "id": pathlib.PurePosixPath(name).stem,  # <triplet-uuid>_<n>
                "title": a["title"].strip(),
                "text": text_of(a),
                "published": a["date"] + "T00:00:00Z",  # the corpus gives a day only
                "url": a.get("url") or None,
                "outlet": OUTLETS.get(a["source"].lower(), a["source"]),
                "story": a["triplet-uuid"],
                "_year": year,
            }
        )
    rows.sort(key=lambda r: (r["published"], r["story"], r["id"]))
    out.mkdir(parents=True, exist_ok=True)
    for split, keep in (("dev", lambda y: y in DEV_YEARS), ("test", lambda y: y not in DEV_YEARS)):
        part = [r for r in rows if keep(r["_year"])]
        path = out / f"basil-{split}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for r in part:
                r = {k: v for k, v in r.items() if k != "_year"}
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{path}: {len(part)} articles, {len({r['story'] for r in part})} stories "
              f"(source commit {commit})")


if __name__ == "__main__":
    main()
