#!/usr/bin/env python3
"""Builds models/ner/lists/clubs.txt: names of football clubs and their short forms, one
per line, for the NER tagger's "club" name list.

Why: sports reports name teams by their town ("Bristol beat Wasps"), and a tagger that
knows which names are clubs tells the team from the place more often.

Source: openfootball/clubs (football.db, CC0 1.0), a git snapshot:
    python3 tools/make-club-list.py /path/to/openfootball/clubs [commit]
The repository is read with `git show`, so a bare mirror works. Files `*.clubs.txt`
(not the `.lang.` ones in other scripts) hold lines like
    Arsenal FC, 1886, @ Emirates Stadium, London   ## comment
      | Arsenal | FC Arsenal
"""

import pathlib
import re
import subprocess
import sys


def git(repo, *args):
    return subprocess.run(
        ["git", "--git-dir", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def names_of(text):
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("="):
            continue
        if line.startswith("|"):
            candidates = line.split("|")
        else:
            candidates = [line.split(",", 1)[0]]
        expanded = []
        for name in candidates:
            # `$$Sponsor$$ Club`: the club with and without its sponsor's name.
            if "$$" in name:
                expanded.append(re.sub(r"\$\$[^$]*\$\$", " ", name))
                expanded.append(name.replace("$$", " "))
            else:
                expanded.append(name)
        for name in expanded:
            name = re.sub(r"\s+", " ", name).strip()
            # Years, dates and stadium references are not names.
            if len(name) < 3 or not any(c.isupper() for c in name) or name.startswith("@"):
                continue
            if any(c.isdigit() for c in name) and not re.search(r"[A-Za-z]{3}", name):
                continue
            yield name


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    repo = sys.argv[1]
    if pathlib.Path(repo, ".git").exists():
        repo = str(pathlib.Path(repo, ".git"))
    commit = git(repo, "rev-parse", sys.argv[2] if len(sys.argv) == 3 else "HEAD").strip()
    files = [
        f
        for f in git(repo, "ls-tree", "-r", "--name-only", commit).splitlines()
        if f.endswith(".clubs.txt") and ".lang." not in f
    ]
    names = set()
    for f in files:
        names.update(names_of(git(repo, "show", f"{commit}:{f}")))
    out = pathlib.Path(__file__).resolve().parent.parent / "models/ner/lists/clubs.txt"
    with open(out, "w", encoding="utf-8") as w:
        w.write(
            f"# make-club-list.py: openfootball/clubs @ {commit} (CC0 1.0), "
            f"{len(files)} files, {len(names)} names\n"
        )
        for name in sorted(names):
            w.write(name + "\n")
    print(f"{out}: {len(names)} names from {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
