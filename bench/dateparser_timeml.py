"""Tag a TempEval-3 TimeML split with dateparser's search_dates, writing TimeML files.

    python bench/dateparser_timeml.py DATA_DIR OUT_DIR

DATA_DIR is a folder of TimeML `.tml` files (e.g. ../shared/data/tempeval3/dev-timebank).
For every file, sorted by name, the plain text of `<TEXT>` is taken exactly as
`triangulate eval timex` reads it (crates/eval/src/timex.rs `parse`): every tag
removed, `&amp; &lt; &gt; &quot; &apos;` decoded, any other `&` kept as it is. The
gold TIMEX3s are not read here. The document creation time is the `value` of the
first TIMEX3 after `<DCT>` (as the Rust reader finds it), parsed as an ISO datetime
(`1998-01-08`, `1989-10-26T17:00`, ...); a document without one gets no RELATIVE_BASE
(dateparser then anchors at the present).

dateparser (1.5.0) is applied in one ordinary call per document, otherwise with its
defaults:

    dateparser.search.search_dates(text, languages=['en'], settings={
        'RELATIVE_BASE': <DCT datetime>, 'PREFER_DATES_FROM': 'past',
        'RETURN_AS_TIMEZONE_AWARE': False})

It returns (substring, datetime) pairs in text order, without offsets. Offsets are
found by scanning forward: each substring is looked up with str.find from the end
of the previous hit (case-insensitively if the exact string is not there); a
substring found nowhere after that point is counted as `unlocated` and dropped.
Hits therefore never overlap (the evaluator refuses nested TIMEX3s).

Each hit becomes one TIMEX3. Type and value are decided by the substring's content
(its lower-cased text), the first rule that applies winning:

  1. a clock time -- `H:MM`, a number followed by a.m./p.m. (`5 p.m.`, `10pm`),
     `noon`, `midnight`, `o'clock` -- gives type TIME, value YYYY-MM-DDTHH:MM;
  2. a weekday name (or Mon./Tue./...), a day word (today, yesterday, tomorrow,
     tonight, day(s), week(s), fortnight, morning, afternoon, evening, night) or a
     numeric date (`10/20/2000`, `2000-10-20`) gives DATE YYYY-MM-DD;
  3. a day number -- a 1-2 digit number, optionally 1st/2nd/..., not followed by a
     unit word (years, months, percent, ...) -- gives DATE YYYY-MM-DD (`Oct. 15`,
     `15, 1999`, a bare `2`);
  4. a month name (January ... December, or Jan./Feb./Sept. ...; also `may`, `march`
     when dateparser took them for months) or the word month(s) gives DATE YYYY-MM
     (`December`, `December 1989`, `five months ago`);
  5. a 4-digit year or the word year(s) gives DATE YYYY (`1998`, `last year`,
     `five years ago`);
  6. anything else (`now`, number words, ...) gives DATE YYYY-MM-DD.

The value is always dateparser's datetime cut to that granularity; dateparser itself
has no DURATION or SET and no week/quarter/season values, so none are produced.

OUT_DIR/NAME.tml is written for every input file (same name), holding a `<DCT>` with
the creation time and a `<TEXT>` with the plain text (`& < >` escaped) and
`<TIMEX3 tid="tN" type="..." value="...">...</TIMEX3>` around each hit, so that
`triangulate eval timex --data DATA_DIR --predictions OUT_DIR` reads back the very
same text (it refuses a file whose text differs from the gold) and the hits' spans.
A document on which dateparser raises is written without TIMEX3s and counted in
`failed` (its message goes to stderr).

Prints one JSON line on stdout: seconds (time.process_time around the search_dates
calls only: file I/O, text extraction, offset finding and TIMEX3 writing excluded;
one warm-up call on a short sentence before the first document, which loads
dateparser's English data, excluded too and reported as warmup_seconds), bytes
(UTF-8 bytes of the plain texts, as the Rust evaluator counts them), documents,
mb_per_cpu_second, hits, unlocated, failed, and versions. One thread.
"""
import datetime
import json
import os
import re
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import dateparser  # noqa: E402
from dateparser.search import search_dates  # noqa: E402

ENTITIES = (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"))


def plain_text(xml):
    """The text of <TEXT>, as crates/eval/src/timex.rs `parse` builds it."""
    start = xml.find("<TEXT>")
    if start < 0:
        raise ValueError("no <TEXT>")
    start += len("<TEXT>")
    end = xml.find("</TEXT>", start)
    if end < 0:
        raise ValueError("no </TEXT>")
    body = xml[start:end]
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == "<":
            close = body.find(">", i)
            if close < 0:
                raise ValueError("an unclosed tag")
            i = close + 1
        elif c == "&":
            for name, ch in ENTITIES:
                if body.startswith(name, i):
                    out.append(ch)
                    i += len(name)
                    break
            else:
                out.append("&")
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def dct_value(xml):
    """The `value` of the first ` value="..."` after <DCT>, or None."""
    at = xml.find("<DCT>")
    if at < 0:
        return None
    m = re.search(r' value="([^"]*)"', xml[at:])
    return m.group(1) if m else None


def dct_datetime(value):
    if not value:
        return None
    for candidate in (value, value[:19], value[:16], value[:10]):
        try:
            return datetime.datetime.fromisoformat(candidate)
        except ValueError:
            continue
    return None


MONTHS = (r"jan(uary|\.)?|feb(ruary|\.)?|mar(ch|\.)?|apr(il|\.)?|may|june?|july?|"
          r"aug(ust|\.)?|sep(t(ember|\.)?|\.)?|oct(ober|\.)?|nov(ember|\.)?|dec(ember|\.)?")
UNIT = r"(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(y|ies)|percent|%)"
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?\s?m\b\.?|\bnoon\b|\bmidnight\b|o'clock")
DAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?\b\.?|"
                 r"\b(today|yesterday|tomorrow|tonight|days?|weeks?|fortnight|morning|"
                 r"afternoon|evening|night)\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
MONTH = re.compile(r"\b(" + MONTHS + r")(?![a-z])")
DAY_NUMBER = re.compile(r"\b(\d{1,2})(st|nd|rd|th)?\b(?!\s*" + UNIT + r")")
MONTH_WORD = re.compile(r"\bmonths?\b")
YEAR = re.compile(r"\b\d{4}\b|\byears?\b")


def timex(substring, dt):
    """(type, value) for one hit, by the rules of the module doc string."""
    s = substring.lower()
    if CLOCK.search(s):
        return "TIME", f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}"
    day = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"
    if DAY.search(s) or DAY_NUMBER.search(s):
        return "DATE", day
    if MONTH.search(s) or MONTH_WORD.search(s):
        return "DATE", f"{dt.year:04d}-{dt.month:02d}"
    if YEAR.search(s):
        return "DATE", f"{dt.year:04d}"
    return "DATE", day


def locate(text, hits):
    """[(start, end, substring, datetime)], scanning forward; and the unlocated count."""
    found = []
    unlocated = 0
    pos = 0
    lower = None
    for sub, dt in hits:
        if not sub:
            unlocated += 1
            continue
        at = text.find(sub, pos)
        if at < 0:
            if lower is None:
                lower = text.lower()
            at = lower.find(sub.lower(), pos)
            # str.lower keeps lengths for the ASCII these texts are; check anyway.
            if at >= 0 and len(text[at:at + len(sub)].lower()) != len(sub.lower()):
                at = -1
        if at < 0:
            unlocated += 1
            continue
        found.append((at, at + len(sub), sub, dt))
        pos = at + len(sub)
    return found, unlocated


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def timeml(name, dct, text, found):
    parts = []
    last = 0
    for k, (start, end, sub, dt) in enumerate(found, 1):
        kind, value = timex(text[start:end], dt)
        parts.append(escape(text[last:start]))
        parts.append(f'<TIMEX3 tid="t{k}" type="{kind}" value="{value}">')
        parts.append(escape(text[start:end]))
        parts.append("</TIMEX3>")
        last = end
    parts.append(escape(text[last:]))
    docid = escape(name[:-4])
    dct_part = ""
    if dct:
        dct_part = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{escape(dct)}" '
                    f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n\n')
    return ('<?xml version="1.0" ?>\n<TimeML>\n\n'
            f"<DOCID>{docid}</DOCID>\n\n{dct_part}<TEXT>{''.join(parts)}</TEXT>\n\n</TimeML>\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    names = sorted(f for f in os.listdir(data_dir) if f.endswith(".tml"))
    if not names:
        sys.exit(f"no .tml files in {data_dir}")
    os.makedirs(out_dir, exist_ok=True)

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    t0 = time.process_time()
    search_dates("The talks resumed on Tuesday, 5 January 2000, at 10 a.m.",
                 languages=["en"], settings=dict(settings))
    warmup = time.process_time() - t0

    total_bytes = 0
    cpu = 0.0
    n_hits = 0
    unlocated = 0
    failed = 0
    for name in names:
        # newline="": the text exactly as stored (the Rust reader keeps \r too).
        with open(os.path.join(data_dir, name), encoding="utf-8", newline="") as f:
            xml = f.read()
        text = plain_text(xml)
        dct = dct_value(xml)
        base = dct_datetime(dct)
        total_bytes += len(text.encode("utf-8"))
        s = dict(settings)
        if base is not None:
            s["RELATIVE_BASE"] = base
        t0 = time.process_time()
        try:
            hits = search_dates(text, languages=["en"], settings=s) or []
            err = None
        except Exception as e:  # noqa: BLE001 -- count and go on
            hits = []
            err = e
        cpu += time.process_time() - t0
        if err is not None:
            failed += 1
            print(f"{name}: {type(err).__name__}: {err}", file=sys.stderr)
        found, missing = locate(text, hits)
        unlocated += missing
        n_hits += len(found)
        out = timeml(name, dct, text, found)
        assert plain_text(out) == text, name
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write(out)

    print(json.dumps({
        "system": f"dateparser {dateparser.__version__} search_dates",
        "dateparser": dateparser.__version__,
        "python": sys.version.split()[0],
        "seconds": round(cpu, 3),
        "bytes": total_bytes,
        "documents": len(names),
        "mb_per_cpu_second": total_bytes / 1e6 / cpu if cpu > 0 else None,
        "warmup_seconds": round(warmup, 3),
        "hits": n_hits,
        "unlocated": unlocated,
        "failed": failed,
    }))


if __name__ == "__main__":
    main()
