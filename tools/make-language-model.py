#!/usr/bin/env python3
"""Builds crates/extract/models/trigrams.tsv, the language identifier's model.

Source: misc/data.json of greyblake/whatlang-rs (MIT): for each writing system shared
by several languages, each language's 300 most frequent character trigrams, most
frequent first. Kept: the languages the whatlang crate (our fallback) supports, so both
answer from the same set.

usage: make-language-model.py WHATLANG_DATA_JSON > crates/extract/models/trigrams.tsv
Output: one line per language: script, ISO 639-3 code, trigrams joined by '|'.
"""
import json, sys

SUPPORTED = set("""epo eng rus cmn spa por ita ben fra deu ukr kat ara hin jpn heb yid pol amh
jav kor nob dan swe fin tur nld hun ces ell bul bel mar kan ron slv hrv srp mkd lit lav est
tam vie urd tha guj uzb pan aze ind tel pes mal ori mya nep sin khm tuk aka zul sna afr lat
slk cat tgl hye cym""".split())

data = json.load(open(sys.argv[1], encoding="utf-8"))
print("# script\tlanguage\ttop 300 trigrams, most frequent first (source: tools/make-language-model.py)")
for script in sorted(data):
    for lang in sorted(data[script]):
        if lang not in SUPPORTED:
            continue
        trigrams = data[script][lang].split("|")
        assert all(len(t) == 3 and "\t" not in t and "\n" not in t for t in trigrams), lang
        print(f"{script}\t{lang}\t{'|'.join(trigrams)}")
