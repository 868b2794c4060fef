#!/usr/bin/env python3
"""Builds models/ner/lists/companies.txt: names of listed companies and their short
forms, one per line, for the NER tagger's "company" name list.

Why: business pages name companies the tagger has never seen in training, often after a
person ("Ford", "Boeing") or a place ("Deutsche Bank"), and knowing the name is a
company tells the organisation from the person or the town.

Source: the PyPI package pytickersymbols 1.17.10 (MIT licence; its index constituents
come from Wikipedia), unpacked:
    pip download --no-deps pytickersymbols==1.17.10 -d /tmp/pkgs
    (unzip the wheel) python3 tools/make-company-list.py /tmp/pkgs/unzipped
Each company gives its name as listed and, when it ends in a legal form ("Inc.",
"Corporation", "AG", "plc", ...), the name without it: news writes "Siemens" more often
than "Siemens AG".
"""

import pathlib
import re
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "models" / "ner" / "lists"

LEGAL = re.compile(
    r"(,?\s+(inc\.?|incorporated|corp\.?|corporation|co\.?|company|ltd\.?|limited|plc|"
    r"p\.l\.c\.|llc|l\.p\.|lp|ag|se|sa|s\.a\.|nv|n\.v\.|spa|s\.p\.a\.|ab|asa|oyj|a/s|"
    r"as|gmbh|kgaa|holdings?|group|& co\.?|the))+$",
    re.I,
)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.path.insert(0, sys.argv[1])
    from pytickersymbols import PyTickerSymbols  # noqa: E402 (the unpacked wheel)

    names = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = " ".join(stock["name"].split())
        if not name:
            continue
        names.add(name)
        short = LEGAL.sub("", name).strip(" ,")
        if len(short) >= 2 and short != name:
            names.add(short)
    path = OUT / "companies.txt"
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Listed companies and their names without the legal form. Built by\n")
        f.write("# tools/make-company-list.py from pytickersymbols 1.17.10 (MIT licence).\n")
        for name in sorted(names, key=lambda n: (n.lower(), n)):
            f.write(name + "\n")
    print(f"wrote {path}: {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
