//! The matching rules: at each token the longest expression that starts there.

use chrono::{Datelike, Duration, Months, NaiveDate};
use tri_model::{Span, Timex, TimexKind};
use tri_text::{Segmented, TokenKind};

use crate::words::{self, Unit};

/// The time a clause is set in, as far as its verbs say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
}

struct Ctx<'a> {
    text: &'a str,
    seg: &'a Segmented,
    lower: &'a [String],
    sentence_of: Vec<usize>,
    anchor: Option<NaiveDate>,
}

/// One match: tokens `start..end`, its type, value and modifier.
struct Hit {
    end: usize,
    kind: TimexKind,
    value: String,
    modifier: Option<String>,
    upper: Option<String>,
    /// Set for "the following day", "that year": counted from the last date the text
    /// named (the unit and how many of them), not from the anchor.
    anaphor: Option<(Unit, i64)>,
}

impl Hit {
    fn new(end: usize, kind: TimexKind, value: impl Into<String>) -> Hit {
        Hit {
            end,
            kind,
            value: value.into(),
            modifier: None,
            upper: None,
            anaphor: None,
        }
    }
}

pub(crate) fn tag(text: &str, seg: &Segmented, anchor: Option<NaiveDate>) -> Vec<Timex> {
    tag_lowered(text, seg, &lowered(text, seg), anchor)
}

/// Each token lower-cased with a straight apostrophe, the form the word lists use.
pub(crate) fn lowered(text: &str, seg: &Segmented) -> Vec<String> {
    seg.tokens
        .iter()
        .map(|t| t.span.of(text).to_lowercase().replace('\u{2019}', "'"))
        .collect()
}

/// [`tag`] with the tokens already [`lowered`].
pub(crate) fn tag_lowered(
    text: &str,
    seg: &Segmented,
    lower: &[String],
    anchor: Option<NaiveDate>,
) -> Vec<Timex> {
    let mut sentence_of = vec![0; seg.tokens.len()];
    for (si, s) in seg.sentences.iter().enumerate() {
        for slot in &mut sentence_of[s.first_token..s.end_token.min(seg.tokens.len())] {
            *slot = si;
        }
    }
    let ctx = Ctx {
        text,
        seg,
        lower,
        sentence_of,
        anchor,
    };
    let mut out: Vec<Timex> = Vec::new();
    let mut anaphors = Vec::new();
    let mut i = 0;
    while i < seg.tokens.len() {
        match ctx.with_modifier(i) {
            Some(hit) if hit.end > i => {
                let span = Span::new(seg.tokens[i].span.start, seg.tokens[hit.end - 1].span.end);
                anaphors.push(hit.anaphor);
                out.push(Timex {
                    span,
                    text: span.of(text).to_string(),
                    kind: hit.kind,
                    value: hit.value,
                    modifier: hit.modifier,
                    upper: hit.upper,
                });
                i = hit.end;
            }
            _ => i += 1,
        }
    }
    resolve_anaphors(&mut out, &anaphors);
    in_quarter_context(&mut out);
    out
}

/// "The following year", "the next day", "that year" count from the last date the text
/// named before them (narrative time: "On May 22, 1995, Farkas was made a general, and
/// the following year ..."), to the precision the unit needs; with no such date they keep
/// the anchor's reading they were given.
fn resolve_anaphors(found: &mut [Timex], anaphors: &[Option<(Unit, i64)>]) {
    let mut last: Option<(NaiveDate, Unit)> = None;
    for (t, anaphor) in found.iter_mut().zip(anaphors) {
        if let Some((unit, shift)) = anaphor {
            if let Some((date, precision)) = last {
                let fits = match unit {
                    Unit::Day => precision == Unit::Day,
                    Unit::Month => matches!(precision, Unit::Day | Unit::Month),
                    _ => true,
                };
                if fits {
                    t.value = match unit {
                        Unit::Day => (date + Duration::days(*shift))
                            .format("%Y-%m-%d")
                            .to_string(),
                        Unit::Month => {
                            let d = shift_months(date, *shift as i32);
                            format!("{}-{:02}", d.year(), d.month())
                        }
                        _ => (date.year() + *shift as i32).to_string(),
                    };
                }
            }
            continue;
        }
        if !matches!(t.kind, TimexKind::Date | TimexKind::Time) {
            continue;
        }
        let date_part = t.value.split('T').next().unwrap_or("");
        let parsed = match date_part.len() {
            10 => NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
                .ok()
                .map(|d| (d, Unit::Day)),
            7 => NaiveDate::parse_from_str(&format!("{date_part}-01"), "%Y-%m-%d")
                .ok()
                .map(|d| (d, Unit::Month)),
            4 => date_part
                .parse::<i32>()
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
                .map(|d| (d, Unit::Year)),
            _ => None,
        };
        if parsed.is_some() {
            last = parsed;
        }
    }
}

/// In a report about a quarter, "a year ago" and "a year earlier" mean that quarter a
/// year before (TimeML's reading of earnings reports): `1988-Q3` after `1989-Q3`.
fn in_quarter_context(found: &mut [Timex]) {
    let mut quarter: Option<(i32, String)> = None;
    for t in found.iter_mut() {
        if let Some((y, q)) = t.value.split_once("-Q") {
            if let (Ok(y), true) = (y.parse::<i32>(), q.len() == 1) {
                quarter = Some((y, q.to_string()));
                continue;
            }
        }
        let lower = t.text.to_lowercase();
        if let Some((y, q)) = &quarter {
            if matches!(lower.as_str(), "a year ago" | "a year earlier")
                && t.value == (y - 1).to_string()
            {
                t.value = format!("{}-Q{q}", y - 1);
            }
        }
    }
}

impl Ctx<'_> {
    fn len(&self) -> usize {
        self.seg.tokens.len()
    }

    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn raw(&self, i: usize) -> &str {
        self.seg.tokens[i].span.of(self.text)
    }

    fn is_cap(&self, i: usize) -> bool {
        i < self.len() && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_number(&self, i: usize) -> bool {
        i < self.len() && self.seg.tokens[i].kind == TokenKind::Number
    }

    /// "the end of last month", "early July", "mid-2025": a modifier and what it modifies.
    fn with_modifier(&self, i: usize) -> Option<Hit> {
        let (skip, modifier) = match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("the", "end" | "close", "of") => (3, "END"),
            ("end" | "close", "of", _) => (2, "END"),
            ("the", "beginning" | "start", "of") => (3, "START"),
            ("beginning" | "start", "of", _) => (2, "START"),
            ("the", "middle", "of") => (3, "MID"),
            ("early" | "earlier", _, _) if self.w(i + 1) != "this" => (1, "START"),
            ("late" | "later", _, _) if self.w(i + 1) != "this" => (1, "END"),
            ("mid" | "mid-", _, _) => (1, "MID"),
            (
                "about" | "around" | "roughly" | "nearly" | "almost" | "some" | "approximately",
                _,
                _,
            ) => (1, "APPROX"),
            ("no", "more", "than") => (3, "EQUAL_OR_LESS"),
            ("no", "less" | "fewer", "than") => (3, "EQUAL_OR_MORE"),
            ("more", "than", _) => (2, "MORE_THAN"),
            ("less" | "fewer", "than", _) => (2, "LESS_THAN"),
            ("at", "least", _) => (2, "EQUAL_OR_MORE"),
            ("up", "to", _) => (2, "EQUAL_OR_LESS"),
            _ => return self.core(i),
        };
        let j = i + skip;
        // "the end of the year": the anchor's year.
        let hit = self.core(j).or_else(|| self.the_unit(j));
        match hit {
            Some(mut h) if h.modifier.is_none() => {
                // "nearly four years ago": a bound on the distance back.
                let ago = h.end > 0 && matches!(self.w(h.end - 1), "ago" | "earlier");
                let fits = match modifier {
                    // "around Nov. 1", "around 7:15 p.m.": "around" is never a preposition
                    // of place before a date, unlike "about" ("talked about Monday").
                    "APPROX" if matches!(self.w(i), "around" | "approximately") => true,
                    "APPROX" | "MORE_THAN" | "LESS_THAN" | "EQUAL_OR_MORE" | "EQUAL_OR_LESS" => {
                        h.kind == TimexKind::Duration || ago
                    }
                    _ => h.kind == TimexKind::Date,
                };
                if !fits {
                    return self.core(i);
                }
                h.modifier = Some(modifier.to_string());
                Some(h)
            }
            _ => self.core(i),
        }
    }

    /// "the year", "the month" after "the end of": the anchor's.
    fn the_unit(&self, j: usize) -> Option<Hit> {
        if self.w(j) != "the" {
            return None;
        }
        let a = self.anchor?;
        let value = match words::unit(self.w(j + 1))? {
            Unit::Year => format!("{}", a.year()),
            Unit::Month => format!("{}-{:02}", a.year(), a.month()),
            Unit::Week => iso_week(a),
            _ => return None,
        };
        Some(Hit::new(j + 2, TimexKind::Date, value))
    }

    /// One expression, with the parts news joins to it: "10 p.m. Wednesday", "noon
    /// Thursday" (a time on a day), "Saturday, April 25" (a day and its date).
    fn core(&self, i: usize) -> Option<Hit> {
        let mut hit = self.single(i)?;
        if hit.kind == TimexKind::Time {
            // "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6": the time on that date.
            let mut at = hit.end;
            if matches!(
                self.w(at),
                "est" | "edt" | "gmt" | "utc" | "cst" | "cdt" | "pst" | "pdt" | "bst" | "cet"
            ) {
                at += 1;
            }
            if self.w(at) == "," {
                at += 1;
            }
            if let Some(date) = self.month_date(at).filter(|d| d.value.len() == 10) {
                if let Some((_, clock)) = hit.value.split_once('T') {
                    hit.value = format!("{}T{clock}", date.value);
                    hit.end = date.end;
                    return Some(hit);
                }
            }
        }
        if hit.kind == TimexKind::Time && words::weekday(self.w(hit.end)).is_some() {
            if let Some(day) = self.weekday(hit.end).filter(|d| d.kind == TimexKind::Date) {
                if let Some((_, clock)) = hit.value.split_once('T') {
                    hit.value = format!("{}T{clock}", day.value);
                    hit.end = day.end;
                }
            }
        } else if hit.kind == TimexKind::Date && words::weekday(self.w(i)).is_some() {
            let at = if self.w(hit.end) == "," {
                hit.end + 1
            } else {
                hit.end
            };
            if let Some(date) = self.month_date(at).filter(|d| d.value.len() == 10) {
                hit = date;
            }
        }
        Some(hit)
    }

    fn single(&self, i: usize) -> Option<Hit> {
        self.reporting_period(i)
            .or_else(|| self.quarter(i))
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.month_date(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.deictic(i))
            .or_else(|| self.anaphoric(i))
            .or_else(|| self.relative_unit(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.set(i))
            .or_else(|| self.duration(i))
            .or_else(|| self.clock(i))
            .or_else(|| self.year(i))
    }

    /// Reporting periods of company and budget news: `fiscal 1989`, `the fiscal year`,
    /// `the full year`, `the current quarter`, `the year ended June 30` (a year's span),
    /// `year-end`, `the first half of 1989`, `first-half`, `the first two quarters of
    /// 1990`.
    fn reporting_period(&self, i: usize) -> Option<Hit> {
        let the = self.w(i) == "the";
        let at = if the { i + 1 } else { i };
        // "fiscal 1989".
        if self.w(at) == "fiscal" {
            if let Some(y) = self.year_at(at + 1) {
                if !matches!(self.w(at + 2), "first" | "second" | "third" | "fourth") {
                    return Some(Hit::new(at + 2, TimexKind::Date, y.to_string()));
                }
            }
        }
        // "year-end", "year end", "year's end": the end of the anchor's year, or of the
        // one before when counted from ("since year-end").
        let year_end = match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("year-end", _, _) => Some(i + 1),
            ("year", "end", _) => Some(i + 2),
            ("year", "'s", "end") => Some(i + 3),
            _ => None,
        };
        if let Some(end) = year_end {
            let a = self.anchor?;
            let since = i > 0 && self.w(i - 1) == "since";
            let y = if since { a.year() - 1 } else { a.year() };
            return Some(Hit {
                modifier: Some("END".into()),
                ..Hit::new(end, TimexKind::Date, y.to_string())
            });
        }
        if !the {
            // "first-half profit", "second-half sales".
            let half = match self.w(i) {
                "first-half" => Some(1),
                "second-half" => Some(2),
                _ => None,
            }?;
            let a = self.anchor?;
            return Some(Hit::new(
                i + 1,
                TimexKind::Date,
                format!("{}-H{half}", a.year()),
            ));
        }
        let a = self.anchor;
        // "the (current|latest|full|fiscal) year", "the year ended June 30".
        let (shift, mut u) = match self.w(at) {
            "current" | "full" => (0, at + 1),
            "latest" | "previous" | "past" if self.w(at + 1) == "fiscal" => (-1, at + 1),
            "next" | "coming" if self.w(at + 1) == "fiscal" => (1, at + 1),
            _ => (0, at),
        };
        let fiscal = self.w(u) == "fiscal";
        if fiscal {
            u += 1;
        }
        let qualified = u > at;
        if self.w(u) == "year" {
            if matches!(self.w(u + 1), "ended" | "ending" | "ends") {
                return Some(Hit::new(u + 1, TimexKind::Duration, "P1Y"));
            }
            if qualified {
                let y = a?.year() + shift;
                return Some(Hit::new(u + 1, TimexKind::Date, y.to_string()));
            }
        }
        if self.w(at) == "current" && self.w(at + 1) == "quarter" {
            let a = a?;
            return Some(Hit::new(
                at + 2,
                TimexKind::Date,
                format!("{}-Q{}", a.year(), a.month0() / 3 + 1),
            ));
        }
        // "the first half of 1989", "the last half", "the first two quarters of 1990".
        let (half, end) = match (self.w(at), self.w(at + 1), self.w(at + 2), self.w(at + 3)) {
            ("first", "half", _, _) => (1, at + 2),
            ("second" | "last" | "latter", "half", _, _) => (2, at + 2),
            ("first", "two", "quarters", _) | ("first", "six", "months", _) => (1, at + 3),
            ("last", "two", "quarters", _) | ("last", "six", "months", _) => (2, at + 3),
            _ => return None,
        };
        match (self.w(end), self.year_at(end + 1)) {
            ("of", Some(y)) => Some(Hit::new(end + 2, TimexKind::Date, format!("{y}-H{half}"))),
            // "the first six months" alone is a span of time, not a half; "the last half
            // of the '80s" is a half of something else.
            _ if self.w(at + 1) != "half" || self.w(end) == "of" => None,
            _ => Some(Hit::new(
                end,
                TimexKind::Date,
                format!("{}-H{half}", a?.year()),
            )),
        }
    }

    /// "the following day", "the next day", "the day before", "that year", "the same
    /// day": dates counted from the last one the text named (see `resolve_anaphors`).
    /// Until resolved they hold the anchor's reading.
    fn anaphoric(&self, i: usize) -> Option<Hit> {
        let (shift, unit_at, end) = match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("the", "following", u) if words::unit(u).is_some() => (1, i + 2, i + 3),
            ("the", "next", "day") => (1, i + 2, i + 3),
            ("the", "previous", "day") => (-1, i + 2, i + 3),
            ("the", u, "after") if words::unit(u).is_some() => (1, i + 1, i + 3),
            ("the", u, "before") if words::unit(u).is_some() => (-1, i + 1, i + 3),
            ("that", u, _) if words::unit(u).is_some() => (0, i + 1, i + 2),
            ("the", "same", u) if words::unit(u).is_some() => (0, i + 2, i + 3),
            _ => return None,
        };
        let unit = words::unit(self.w(unit_at))?;
        if !matches!(unit, Unit::Day | Unit::Month | Unit::Year) || self.w(unit_at).ends_with('s') {
            return None;
        }
        // "the day after the election" names its own reference.
        if matches!(self.w(end - 1), "after" | "before") && !matches!(self.w(end), "." | "," | "") {
            return None;
        }
        let a = self.anchor;
        let value = match (unit, a) {
            (_, None) => return None,
            (Unit::Day, Some(a)) => (a + Duration::days(shift)).format("%Y-%m-%d").to_string(),
            (Unit::Month, Some(a)) => {
                let d = shift_months(a, shift as i32);
                format!("{}-{:02}", d.year(), d.month())
            }
            (_, Some(a)) => (a.year() + shift as i32).to_string(),
        };
        Some(Hit {
            anaphor: Some((unit, shift)),
            ..Hit::new(end, TimexKind::Date, value)
        })
    }

    /// The quarter a report covers: the last one completed before the anchor.
    fn reported_quarter(&self) -> Option<(i32, u32)> {
        let a = self.anchor?;
        let q = a.month0() / 3;
        Some(if q == 0 {
            (a.year() - 1, 4)
        } else {
            (a.year(), q)
        })
    }

    /// `the third quarter`, `third-quarter`, `the quarter`, `the latest quarter`,
    /// `year-earlier`, `the year-ago quarter`.
    fn quarter(&self, i: usize) -> Option<Hit> {
        let at = if self.w(i) == "the" { i + 1 } else { i };
        // What may stand before the ordinal: "this year's", "the 1988", "the year-ago",
        // "fiscal", "fiscal-first".
        let ordinal_at = |j: usize| -> Option<(u32, usize)> {
            let (j, fiscal) = if self.w(j) == "fiscal" {
                (j + 1, true)
            } else {
                (j, false)
            };
            let w = self.w(j);
            let found = match w.split_once('-') {
                Some((o, "quarter")) => words::ordinal(o).map(|q| (q, j + 1)),
                Some(("fiscal", o)) if !fiscal && self.w(j + 1) == "quarter" => {
                    words::ordinal(o).map(|q| (q, j + 2))
                }
                _ if self.w(j + 1) == "quarter" => words::ordinal(w).map(|q| (q, j + 2)),
                _ => None,
            };
            found
        };
        let mut named_year = None;
        let mut year_before = false;
        let mut start = at;
        match (self.w(at), self.w(at + 1), self.w(at + 2)) {
            ("this" | "last" | "next", "year", "'s") if ordinal_at(at + 3).is_some() => {
                let a = self.anchor?;
                named_year = Some(
                    a.year()
                        + match self.w(at) {
                            "last" => -1,
                            "next" => 1,
                            _ => 0,
                        },
                );
                start = at + 3;
            }
            ("year-ago" | "year-earlier", _, _) if ordinal_at(at + 1).is_some() => {
                year_before = true;
                start = at + 1;
            }
            _ if self.year_at(at).is_some() && ordinal_at(at + 1).is_some() => {
                named_year = self.year_at(at);
                start = at + 1;
            }
            _ => {}
        }
        let at = start;
        let (ord, next) = match ordinal_at(at) {
            Some((q, next)) => (Some(q), next),
            None => (None, at),
        };
        if let Some(q) = ord {
            // "the third quarter 1984", "the third quarter of 1984".
            let of = self.w(next) == "of" && self.year_at(next + 1).is_some();
            let next = if of { next + 1 } else { next };
            let year = if named_year.is_some() {
                None
            } else {
                self.year_at(next)
            };
            let y = match (self.anchor, year.or(named_year)) {
                (_, Some(y)) => Some(y),
                (Some(a), None) => {
                    let current = a.month0() / 3 + 1;
                    Some(if q > current && self.tense(at) != Some(Tense::Future) {
                        a.year() - 1
                    } else {
                        a.year()
                    })
                }
                (None, None) => None,
            };
            let end = if year.is_some() { next + 1 } else { next };
            let y = y.map(|y| if year_before { y - 1 } else { y });
            let value = y.map_or(format!("XXXX-Q{q}"), |y| format!("{y}-Q{q}"));
            return Some(Hit::new(end, TimexKind::Date, value));
        }
        // "the 1988 quarter": the reported quarter of that year.
        if self.w(i) == "the" && self.w(i + 2) == "quarter" {
            if let (Some(y), Some((_, q))) = (self.year_at(i + 1), self.reported_quarter()) {
                return Some(Hit::new(i + 3, TimexKind::Date, format!("{y}-Q{q}")));
            }
        }
        if self.w(i) == "the" {
            let (unit_at, latest) = match self.w(i + 1) {
                "latest" | "recent" | "most-recent" => (i + 2, true),
                _ => (i + 1, false),
            };
            if self.w(unit_at) == "quarter" || (latest && self.w(unit_at) == "period") {
                let (y, q) = self.reported_quarter()?;
                return Some(Hit::new(unit_at + 1, TimexKind::Date, format!("{y}-Q{q}")));
            }
        }
        // "year-earlier", "the year-ago quarter": the same quarter a year before.
        if matches!(self.w(at), "year-earlier" | "year-ago") {
            let (y, q) = self.reported_quarter()?;
            let with_unit = matches!(self.w(at + 1), "quarter" | "period");
            if at > i && !with_unit {
                return None;
            }
            let end = if with_unit { at + 2 } else { at + 1 };
            return Some(Hit::new(end, TimexKind::Date, format!("{}-Q{q}", y - 1)));
        }
        None
    }

    /// `2025-08-08`, `2025-08`, `08/05/2025`, `10/30/89`.
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        if !self.is_number(i) {
            return None;
        }
        let t = self.raw(i);
        let parts: Vec<&str> = t.split('-').collect();
        if parts.len() == 3 && parts[0].len() == 4 {
            let (y, m, d) = (
                parts[0].parse().ok()?,
                parts[1].parse().ok()?,
                parts[2].parse().ok()?,
            );
            NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Hit::new(
                i + 1,
                TimexKind::Date,
                format!("{y:04}-{m:02}-{d:02}"),
            ));
        }
        // "08/05/2025" as one token, or "08 / 05 / 2025".
        let (text, end) = if t.contains('/') {
            (t.to_string(), i + 1)
        } else if self.w(i + 1) == "/"
            && self.is_number(i + 2)
            && self.w(i + 3) == "/"
            && self.is_number(i + 4)
        {
            (
                format!("{}/{}/{}", t, self.raw(i + 2), self.raw(i + 4)),
                i + 5,
            )
        } else {
            return None;
        };
        let p: Vec<&str> = text.split('/').collect();
        if p.len() != 3 {
            return None;
        }
        let (m, d): (u32, u32) = (p[0].parse().ok()?, p[1].parse().ok()?);
        let y: i32 = match p[2].len() {
            4 => p[2].parse().ok()?,
            2 => {
                let yy: i32 = p[2].parse().ok()?;
                if yy > 30 {
                    1900 + yy
                } else {
                    2000 + yy
                }
            }
            _ => return None,
        };
        NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Hit::new(
            end,
            TimexKind::Date,
            format!("{y:04}-{m:02}-{d:02}"),
        ))
    }

    /// The year a month or day without one falls in: the anchor's, or the one before
    /// for a month well after the anchor in past-tense text (and after, in the future).
    fn year_for(&self, month: u32, i: usize) -> Option<i32> {
        let a = self.anchor?;
        let (am, y) = (a.month() as i32, a.year());
        let m = month as i32;
        Some(match self.tense(i) {
            Some(Tense::Future) if m < am - 1 => y + 1,
            Some(Tense::Past) if m > am + 1 => y - 1,
            // The present ("is calling for the redemption on Dec. 7", "the January
            // contract is"): the nearest.
            Some(Tense::Present) if m > am + 6 => y - 1,
            Some(Tense::Present) if m < am - 6 => y + 1,
            Some(_) => y,
            // No verb to go by ("from $29.75 in March"): news tells what has happened, so
            // a month more than a season ahead is last year's.
            // A contract month ("the January contract", "December futures") is ahead.
            None if matches!(
                self.w(i + 1),
                "contract" | "contracts" | "futures" | "delivery" | "options"
            ) =>
            {
                if m < am {
                    y + 1
                } else {
                    y
                }
            }
            None if m > am + 3 => y - 1,
            None => y,
        })
    }

    /// The tense of the clause token `i` sits in, read from the nearest verb group
    /// before it (after it when none comes before): "will be named ... in December" is
    /// future, "stepped down ... in March" past, "is calling for ... Dec. 7" present,
    /// "payable Dec. 15" and "is to resume trading Tuesday" future. The nearest verb
    /// governs the date far more often than any other verb of the sentence ("said it
    /// is calling for the redemption on Dec. 7").
    fn tense(&self, i: usize) -> Option<Tense> {
        let s = &self.seg.sentences[self.sentence_of[i]];
        // "by February", "through January", "until the Tuesday deadline": a limit, ahead
        // unless a past verb governs it ("had filed reports by Wednesday").
        let before = if i > s.first_token && self.w(i - 1) == "the" {
            i - 1
        } else {
            i
        };
        let limit = before > s.first_token
            && matches!(self.w(before - 1), "by" | "until" | "till" | "through");
        for j in (s.first_token..i).rev().take(20) {
            if self.clause_break(j) {
                break;
            }
            if let Some(t) = self.verb_tense(j) {
                return Some(if limit && t != Tense::Past {
                    Tense::Future
                } else {
                    t
                });
            }
        }
        if limit {
            return Some(Tense::Future);
        }
        for j in (i + 1..s.end_token).take(10) {
            if self.clause_break(j) {
                break;
            }
            if let Some(t) = self.verb_tense(j) {
                return Some(t);
            }
        }
        None
    }

    fn clause_break(&self, j: usize) -> bool {
        matches!(
            self.w(j),
            ";" | "(" | ")" | ":" | "\"" | "``" | "''" | "\u{201c}" | "\u{201d}" | "but" | "while"
        )
    }

    /// The tense token `j` marks, if it is a verb or a word that acts as one. A
    /// participle after a form of "be" defers to that auxiliary ("will be named"), and a
    /// word in -ed after a determiner is an adjective ("a still unspecified date").
    fn verb_tense(&self, j: usize) -> Option<Tense> {
        if self.seg.tokens[j].kind != TokenKind::Word {
            return None;
        }
        let w = self.w(j);
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        let prev2 = if j > 1 { self.w(j - 2) } else { "" };
        if words::future_marker(w) || words::irrealis(w) {
            return Some(Tense::Future);
        }
        // "is to resume", "supposed to conclude", "plans to visit".
        if w == "to" && words::to_future(prev) {
            return Some(Tense::Future);
        }
        if words::scheduled_present(w) {
            return Some(Tense::Future);
        }
        match w {
            "is" | "are" | "am" | "'re" | "'m" | "says" | "say" => return Some(Tense::Present),
            // The present perfect tells of the past.
            "has" | "have" | "'ve" => return Some(Tense::Past),
            _ => {}
        }
        let passive = matches!(
            prev,
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        );
        let adjective = words::determiner(prev)
            || words::determiner(prev2) && prev.ends_with("ly")
            || words::determiner(prev2) && prev == "still";
        if passive || adjective {
            return None;
        }
        words::past_verb(prev, w).then_some(Tense::Past)
    }

    /// `July 9, 2025`, `July 9`, `July 2025`, `July`, `Aug. 8`, `this September`,
    /// `last February`, `July last year`.
    fn month_date(&self, i: usize) -> Option<Hit> {
        let shift = match self.w(i) {
            "this" => Some(0),
            "last" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        };
        if let (Some(shift), Some(m)) = (
            shift,
            words::month(self.w(i + 1)).filter(|_| self.is_cap(i + 1)),
        ) {
            let a = self.anchor?;
            let am = a.month();
            let y = match shift {
                0 => a.year(),
                -1 if m < am => a.year(),
                -1 => a.year() - 1,
                _ if m > am => a.year(),
                _ => a.year() + 1,
            };
            return Some(Hit::new(i + 2, TimexKind::Date, format!("{y:04}-{m:02}")));
        }
        let m = words::month(self.w(i))?;
        if let (Some(a), "last" | "next" | "this", "year") =
            (self.anchor, self.w(i + 1), self.w(i + 2))
        {
            if self.is_cap(i) {
                let y = a.year()
                    + match self.w(i + 1) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return Some(Hit::new(i + 3, TimexKind::Date, format!("{y:04}-{m:02}")));
            }
        }
        // "may" and "march" are verbs too: a month only capitalised, and with a day or
        // year or after a preposition.
        let ambiguous = matches!(self.w(i), "may" | "march");
        if !self.is_cap(i) {
            return None;
        }
        let day = self.day_at(i + 1);
        if let Some(d) = day {
            let mut end = i + 2;
            let mut year = None;
            let after = if self.w(end) == "," { end + 1 } else { end };
            if let Some(y) = self.year_at(after) {
                year = Some(y);
                end = after + 1;
            }
            let value = match year.or_else(|| self.year_for(m, i)) {
                Some(y) => {
                    NaiveDate::from_ymd_opt(y, m, d)?;
                    format!("{y:04}-{m:02}-{d:02}")
                }
                None => format!("XXXX-{m:02}-{d:02}"),
            };
            return Some(Hit::new(end, TimexKind::Date, value));
        }
        let after = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
        if let Some(y) = self.year_at(after) {
            return Some(Hit::new(
                after + 1,
                TimexKind::Date,
                format!("{y:04}-{m:02}"),
            ));
        }
        // "January nineteen ninety-seven", as transcripts spell it.
        if let Some((y, end)) = self.spelled_year(i + 1) {
            return Some(Hit::new(end, TimexKind::Date, format!("{y:04}-{m:02}")));
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if ambiguous
            && !matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "from"
                    | "through"
                    | "to"
                    | "before"
                    | "after"
            )
        {
            return None;
        }
        let value = match self.year_for(m, i) {
            Some(y) => format!("{y:04}-{m:02}"),
            None => format!("XXXX-{m:02}"),
        };
        Some(Hit::new(i + 1, TimexKind::Date, value))
    }

    /// `9 July 2025`, `9 July`.
    fn day_month(&self, i: usize) -> Option<Hit> {
        let d = self.day_at(i)?;
        let m = words::month(self.w(i + 1)).filter(|_| self.is_cap(i + 1))?;
        let (year, end) = match self.year_at(i + 2) {
            Some(y) => (Some(y), i + 3),
            None => (self.year_for(m, i), i + 2),
        };
        let value = match year {
            Some(y) => {
                NaiveDate::from_ymd_opt(y, m, d)?;
                format!("{y:04}-{m:02}-{d:02}")
            }
            None => format!("XXXX-{m:02}-{d:02}"),
        };
        Some(Hit::new(end, TimexKind::Date, value))
    }

    /// A day of the month: `9`, `9th`, `21st`.
    fn day_at(&self, i: usize) -> Option<u32> {
        if !self.is_number(i) {
            return None;
        }
        let t = self
            .w(i)
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let d: u32 = t.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A four-digit year from 1000 to 2999.
    fn year_at(&self, i: usize) -> Option<i32> {
        if !self.is_number(i) {
            return None;
        }
        let t = self.w(i);
        (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|y| (1000..3000).contains(y))
    }

    /// `Friday`, `last Friday`, `next Monday`, `Friday morning`.
    fn weekday(&self, i: usize) -> Option<Hit> {
        let (shift, at) = match self.w(i) {
            "last" | "past" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (0, i),
        };
        let wd = words::weekday(self.w(at))?;
        if !self.is_cap(at) {
            return None;
        }
        let date = self.anchor.map(|a| {
            let today = a.weekday().num_days_from_monday() as i64;
            let wd = wd as i64;
            let forward = shift > 0
                || (shift == 0 && at > i)
                || (shift == 0 && self.tense(at) == Some(Tense::Future));
            let delta = if shift < 0 {
                let back = (today - wd).rem_euclid(7);
                -(if back == 0 { 7 } else { back })
            } else if forward {
                let ahead = (wd - today).rem_euclid(7);
                if shift > 0 && ahead == 0 {
                    7
                } else {
                    ahead
                }
            } else {
                -((today - wd).rem_euclid(7))
            };
            a + Duration::days(delta)
        });
        let value = date.map_or_else(
            || format!("XXXX-WXX-{}", wd + 1),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        let part = match self.w(at + 1) {
            "morning" => Some("MO"),
            "afternoon" => Some("AF"),
            "evening" => Some("EV"),
            "night" => Some("NI"),
            _ => None,
        };
        Some(match part {
            Some(p) => Hit::new(at + 2, TimexKind::Time, format!("{value}T{p}")),
            None => Hit::new(at + 1, TimexKind::Date, value),
        })
    }

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `now`, `recently`, `this morning`.
    fn deictic(&self, i: usize) -> Option<Hit> {
        let a = self.anchor;
        let day = |delta: i64| {
            a.map_or_else(
                || "XXXX-XX-XX".to_string(),
                |a| (a + Duration::days(delta)).format("%Y-%m-%d").to_string(),
            )
        };
        Some(match (self.w(i), self.w(i + 1)) {
            ("today", _) => Hit::new(i + 1, TimexKind::Date, day(0)),
            ("yesterday", _) => Hit::new(i + 1, TimexKind::Date, day(-1)),
            ("tomorrow", _) => Hit::new(i + 1, TimexKind::Date, day(1)),
            ("tonight", _) => Hit::new(i + 1, TimexKind::Time, format!("{}TNI", day(0))),
            ("last", "night") => Hit::new(i + 2, TimexKind::Time, format!("{}TNI", day(-1))),
            ("the", "near") if self.w(i + 2) == "future" => {
                Hit::new(i + 3, TimexKind::Date, "FUTURE_REF")
            }
            ("this", "morning") => Hit::new(i + 2, TimexKind::Time, format!("{}TMO", day(0))),
            ("this", "afternoon") => Hit::new(i + 2, TimexKind::Time, format!("{}TAF", day(0))),
            ("this", "evening") => Hit::new(i + 2, TimexKind::Time, format!("{}TEV", day(0))),
            ("now" | "currently" | "nowadays", _) => {
                Hit::new(i + 1, TimexKind::Date, "PRESENT_REF")
            }
            ("current", next) if words::unit(next).is_none() => {
                Hit::new(i + 1, TimexKind::Date, "PRESENT_REF")
            }
            ("recent", next) if next.ends_with('s') && words::unit(next).is_some() => {
                Hit::new(i + 2, TimexKind::Duration, period(None, words::unit(next)?))
            }
            ("the", "weekend") => {
                let a = self.anchor?;
                // Past: the weekend before the anchor; future: the next one.
                let today = a.weekday().num_days_from_monday() as i64;
                let saturday = if self.tense(i) == Some(Tense::Future) {
                    a + Duration::days((5 - today).rem_euclid(7))
                } else {
                    a - Duration::days((today - 5).rem_euclid(7))
                };
                Hit::new(i + 2, TimexKind::Date, format!("{}-WE", iso_week(saturday)))
            }
            // "the year two thousand", "the year 2000".
            ("the", "year")
                if self.spelled_year(i + 2).is_some() || self.year_at(i + 2).is_some() =>
            {
                match self.spelled_year(i + 2) {
                    Some((y, end)) => Hit::new(end, TimexKind::Date, y.to_string()),
                    None => Hit::new(i + 3, TimexKind::Date, self.year_at(i + 2)?.to_string()),
                }
            }
            ("the", "year")
                if !matches!(self.w(i + 2), "-" | "earlier" | "before" | "after" | "ago") =>
            {
                Hit::new(i + 2, TimexKind::Date, self.anchor?.year().to_string())
            }
            ("the", "present") => Hit::new(i + 2, TimexKind::Date, "PRESENT_REF"),
            // "recent" alone ("the recent talks") is left out: TimeML marks it
            // only now and then, and it places nothing in time.
            ("recently" | "lately" | "formerly", _) => Hit::new(i + 1, TimexKind::Date, "PAST_REF"),
            ("the", "past")
                if words::unit(self.w(i + 2)).is_none()
                    && words::number(self.w(i + 2)).is_none()
                    && !matches!(self.w(i + 2), "few" | "several" | "many" | "couple") =>
            {
                Hit::new(i + 2, TimexKind::Date, "PAST_REF")
            }
            ("the", "future") => Hit::new(i + 2, TimexKind::Date, "FUTURE_REF"),
            // "as soon as" and "soon after" place something relative to another event.
            ("soon", next)
                if !(matches!(next, "as" | "after") || i > 0 && self.w(i - 1) == "as") =>
            {
                Hit::new(i + 1, TimexKind::Date, "FUTURE_REF")
            }
            ("right", "now") => Hit::new(i + 2, TimexKind::Date, "PRESENT_REF"),
            // "coming months", "the coming weeks", "the weeks ahead": some time ahead.
            ("coming", next) if next.ends_with('s') && words::unit(next).is_some() => {
                Hit::new(i + 2, TimexKind::Date, "FUTURE_REF")
            }
            ("the", "coming")
                if self.w(i + 2).ends_with('s') && words::unit(self.w(i + 2)).is_some() =>
            {
                Hit::new(i + 3, TimexKind::Date, "FUTURE_REF")
            }
            ("the", "near" | "short") if self.w(i + 2) == "term" => {
                Hit::new(i + 3, TimexKind::Date, "FUTURE_REF")
            }
            // "will one day be": some day ahead.
            ("one" | "some", "day")
                if i > 0
                    && matches!(
                        self.w(i - 1),
                        "will" | "would" | "could" | "might" | "may" | "can" | "should"
                    ) =>
            {
                Hit::new(i + 2, TimexKind::Date, "FUTURE_REF")
            }
            // "the summer", "the early summer" (an adjective is a modifier's job).
            ("the", season) if season_code(season).is_some() && self.w(i + 2) != "of" => {
                let a = self.anchor?;
                Hit::new(
                    i + 2,
                    TimexKind::Date,
                    format!("{}-{}", a.year(), season_code(season)?),
                )
            }
            // "the winter of 1994", "the summer of nineteen ninety-four".
            ("the", season) if season_code(season).is_some() => {
                let (y, end) = match self.spelled_year(i + 3) {
                    Some(found) => found,
                    None => (self.year_at(i + 3)?, i + 4),
                };
                Hit::new(
                    end,
                    TimexKind::Date,
                    format!("{y}-{}", season_code(season)?),
                )
            }
            // "this past spring": the latest one begun before the anchor.
            ("this", "past") if season_code(self.w(i + 2)).is_some() => {
                let a = self.anchor?;
                let code = season_code(self.w(i + 2))?;
                let starts = match code {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                let y = if starts < a.month() {
                    a.year()
                } else {
                    a.year() - 1
                };
                Hit::new(i + 3, TimexKind::Date, format!("{y}-{code}"))
            }
            // "this summer", "last winter", "next spring".
            ("this" | "last" | "next" | "past", season) if season_code(season).is_some() => {
                let a = self.anchor?;
                let y = a.year()
                    + match self.w(i) {
                        "last" | "past" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                Hit::new(
                    i + 2,
                    TimexKind::Date,
                    format!("{y}-{}", season_code(season)?),
                )
            }
            // "mid-November": one token.
            (w, _) if w.starts_with("mid-") && words::month(&w[4..]).is_some() => {
                let m = words::month(&w[4..])?;
                let value = match self.year_for(m, i) {
                    Some(y) => format!("{y:04}-{m:02}"),
                    None => format!("XXXX-{m:02}"),
                };
                Hit {
                    modifier: Some("MID".into()),
                    ..Hit::new(i + 1, TimexKind::Date, value)
                }
            }
            _ => return None,
        })
    }

    /// `this year`, `last month`, `next week`, `earlier this month`, `this weekend`.
    fn relative_unit(&self, i: usize) -> Option<Hit> {
        let (start_shift, at) = match (self.w(i), self.w(i + 1)) {
            ("earlier" | "later", "this") => (0, i + 2),
            ("this" | "current", _) => (0, i + 1),
            ("last" | "previous" | "past", _) => (-1, i + 1),
            ("next" | "coming" | "following", _) => (1, i + 1),
            _ => return None,
        };
        let unit = words::unit(self.w(at))?;
        // Plural units after "last" are durations ("last three months" is not here).
        if self.w(at).ends_with('s') && unit != Unit::Century {
            return None;
        }
        let Some(a) = self.anchor else {
            return Some(Hit::new(at + 1, TimexKind::Date, "XXXX"));
        };
        let value = match unit {
            Unit::Year => format!("{}", a.year() + start_shift),
            Unit::Month => {
                let d = shift_months(a, start_shift);
                format!("{}-{:02}", d.year(), d.month())
            }
            Unit::Week => iso_week(a + Duration::weeks(start_shift as i64)),
            Unit::Weekend => format!("{}-WE", iso_week(a + Duration::weeks(start_shift as i64))),
            Unit::Day => (a + Duration::days(start_shift as i64))
                .format("%Y-%m-%d")
                .to_string(),
            Unit::Quarter => {
                let q = (a.month0() / 3) as i32 + start_shift;
                let (y, q) = (a.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
                format!("{y}-Q{q}")
            }
            Unit::Decade => format!("{}", (a.year() / 10) + start_shift),
            Unit::Century => format!("{}", (a.year() / 100) + start_shift),
            _ => return None,
        };
        Some(Hit::new(at + 1, TimexKind::Date, value))
    }

    /// `two years ago`, `a week ago`, `three days earlier`.
    fn ago(&self, i: usize) -> Option<Hit> {
        let (n, at) = self.amount(i)?;
        let unit = words::unit(self.w(at))?;
        // "two years ago"; "a year earlier" reads back from the anchor the same way; "a
        // week or so ago" is as far back, give or take.
        let approx = self.w(at + 1) == "or" && self.w(at + 2) == "so";
        let back = if approx { at + 3 } else { at + 1 };
        if !matches!(self.w(back), "ago" | "earlier") {
            return None;
        }
        let end = back + 1;
        // "several years ago": some time back, no telling when.
        let (Some(n), Some(a)) = (n.map(i64::from), self.anchor) else {
            return Some(Hit::new(end, TimexKind::Date, "PAST_REF"));
        };
        let value = match unit {
            Unit::Day => (a - Duration::days(n)).format("%Y-%m-%d").to_string(),
            Unit::Week | Unit::Weekend => iso_week(a - Duration::weeks(n)),
            Unit::Month => {
                let d = shift_months(a, -(n as i32));
                format!("{}-{:02}", d.year(), d.month())
            }
            Unit::Quarter => {
                let d = shift_months(a, -(3 * n as i32));
                format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
            }
            Unit::Year => format!("{}", a.year() - n as i32),
            Unit::Decade => format!("{}", a.year() / 10 - n as i32),
            Unit::Century => format!("{}", a.year() / 100 - n as i32),
            _ => "PAST_REF".to_string(),
        };
        Some(Hit {
            modifier: approx.then(|| "APPROX".to_string()),
            ..Hit::new(end, TimexKind::Date, value)
        })
    }

    /// An amount: `two`, `twenty four`, `24`, `a`, `several` (`None`: vague), `a few`,
    /// `two or three` (the first). Returns the amount and the token after it.
    fn amount(&self, i: usize) -> Option<(Option<u32>, usize)> {
        match (self.w(i), self.w(i + 1)) {
            ("several" | "few" | "many" | "some", _) => return Some((None, i + 1)),
            ("a", "few") | ("a", "couple") if self.w(i + 2) != "of" => return Some((None, i + 2)),
            ("a", "couple") => return Some((Some(2), i + 3)),
            ("a", "hundred") => return Some((Some(100), i + 2)),
            ("a", "thousand") => return Some((Some(1000), i + 2)),
            _ => {}
        }
        let mut n = words::number(self.w(i))?;
        let mut at = i + 1;
        // "twenty four"
        if n >= 20 && n % 10 == 0 && n < 100 {
            if let Some(u) = words::number(self.w(at)).filter(|&u| u < 10 && u > 0) {
                n += u;
                at += 1;
            }
        }
        // "2 1/2 years": as "two and a half years", which `duration` reads.
        if self.w(at) == "1/2" {
            at += 1;
        }
        // "two or three months": the first.
        if matches!(self.w(at), "or" | "to") && words::number(self.w(at + 1)).is_some() {
            at += 2;
        }
        Some((Some(n), at))
    }

    /// `three months`, `the past 24 hours`, `the next several days`, `two-week`, `a year`.
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut at = i;
        if self.w(at) == "the" {
            at += 1;
        }
        let framed = matches!(
            self.w(at),
            "past" | "last" | "next" | "first" | "coming" | "previous" | "following"
        );
        if framed {
            at += 1;
        }
        // "two-week", "24-hour", "five-year".
        if let Some((num, unit)) = self.w(at).split_once('-') {
            // "an 8-month-old boy": the age is the duration.
            let unit = unit.strip_suffix("-old").unwrap_or(unit);
            // "three-quarters" is a fraction.
            let fraction = unit.starts_with("quarter");
            if let (Some(n), Some(u), false) = (words::number(num), words::unit(unit), fraction) {
                // "the 8-month-old boy": the article is not part of it, so the match
                // starts at the next token.
                if i < at && !framed {
                    return None;
                }
                return Some(Hit::new(at + 1, TimexKind::Duration, period(Some(n), u)));
            }
        }
        let (n, u_at) = match self.amount(at) {
            Some(x) => x,
            // "the past year", "the next month": one unit.
            None if framed && words::unit(self.w(at)).is_some() => (Some(1), at),
            // "for weeks", "within months", "over centuries": an unknown number.
            None if at == i
                && i > 0
                && matches!(self.w(i - 1), "for" | "within" | "over")
                && self.w(at).ends_with('s')
                && words::unit(self.w(at)).is_some_and(|u| !u.is_clock()) =>
            {
                (None, at)
            }
            None => return None,
        };
        // "20 more years", "two additional weeks".
        let u_at = if matches!(self.w(u_at), "more" | "additional" | "extra" | "further")
            && n.is_some()
            && words::unit(self.w(u_at + 1)).is_some()
        {
            u_at + 1
        } else {
            u_at
        };
        let unit = words::unit(self.w(u_at))?;
        // "37 years old" is an age; "a quarter of the market" a share; "a second
        // official" an ordinal.
        if self.w(u_at + 1) == "old"
            || (unit == Unit::Quarter && self.w(u_at + 1) == "of")
            || (unit == Unit::Second
                && n == Some(1)
                && !(i > 0
                    && matches!(
                        self.w(i - 1),
                        "for" | "in" | "within" | "than" | "about" | "just" | "only"
                    )))
        {
            return None;
        }
        // "$1.76 a year", "$500 million a year", "four flights a week": a rate, not a
        // span of time.
        if matches!(self.w(i), "a" | "an" | "per") && i > 0 {
            let prev = self.w(i - 1);
            let after_number = |j: usize| self.is_number(j) || words::number(self.w(j)).is_some();
            let rate = after_number(i - 1)
                || matches!(
                    prev,
                    "million" | "billion" | "trillion" | "percent" | "%" | "cents"
                )
                || (prev.ends_with('s') && i >= 2 && after_number(i - 2));
            if rate {
                return None;
            }
        }
        // A bare "a" or "one" needs a singular unit, and a number a plural one (or
        // "one", "a").
        if n == Some(1) && self.w(u_at).ends_with('s') && unit != Unit::Century {
            return None;
        }
        // "the 1988 quarter" is a date, not 1,988 quarters.
        if n.is_some_and(|n| n >= 1000) && !self.w(u_at).ends_with('s') {
            return None;
        }
        let mut end = u_at + 1;
        if self.w(end) == "long" || self.w(end) == "-long" {
            end += 1;
        }
        // "the first" without an amount is an ordinal ("the first week" stays a date).
        if i < at && self.w(i) == "the" && !framed && n.is_none() {
            return None;
        }
        // "a minute and a half", "2 1/2 years": half a unit more, in the next one down.
        let half = if self.w(end) == "and" && self.w(end + 1) == "a" && self.w(end + 2) == "half" {
            Some(end + 3)
        } else if u_at > at && self.w(u_at - 1) == "1/2" {
            Some(end)
        } else {
            None
        };
        let mut hit = Hit::new(end, TimexKind::Duration, period(n, unit));
        if let (Some(half_end), Some(n)) = (half, n) {
            let value = match unit {
                Unit::Year => Some(format!("P{n}Y6M")),
                Unit::Day => Some(format!("P{n}DT12H")),
                Unit::Hour => Some(format!("PT{n}H30M")),
                Unit::Minute => Some(format!("PT{n}M30S")),
                _ => None,
            };
            if let Some(v) = value {
                hit = Hit::new(half_end, TimexKind::Duration, v);
            }
        }
        // "two or three months": P2M, up to P3M.
        if matches!(self.w(at + 1), "or" | "to") {
            if let Some(m) = words::number(self.w(at + 2)).filter(|&m| Some(m) > n) {
                hit.upper = Some(period(Some(m), unit));
            }
        }
        Some(hit)
    }

    /// `10:30 a.m.`, `3 p.m.`, `noon`.
    fn clock(&self, i: usize) -> Option<Hit> {
        let day = self.anchor.map_or_else(
            || "XXXX-XX-XX".to_string(),
            |a| a.format("%Y-%m-%d").to_string(),
        );
        if self.w(i) == "noon" || self.w(i) == "midday" {
            return Some(Hit::new(i + 1, TimexKind::Time, format!("{day}T12:00")));
        }
        if self.w(i) == "midnight" {
            return Some(Hit::new(i + 1, TimexKind::Time, format!("{day}T24:00")));
        }
        if !self.is_number(i) {
            return None;
        }
        let t = self.w(i);
        let (h, m): (u32, u32) = match t.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
            _ => (t.parse().ok()?, 0),
        };
        let half = match self.w(i + 1) {
            "a.m." | "am" | "a.m" => Some(false),
            "p.m." | "pm" | "p.m" => Some(true),
            _ => None,
        };
        if half.is_none() && !t.contains(':') {
            return None;
        }
        if h > 24 || m > 59 {
            return None;
        }
        let h = match half {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        let end = if half.is_some() { i + 2 } else { i + 1 };
        Some(Hit::new(
            end,
            TimexKind::Time,
            format!("{day}T{h:02}:{m:02}"),
        ))
    }

    /// `every day`, `each year`, `daily`, `weekly`, `annually`.
    fn set(&self, i: usize) -> Option<Hit> {
        let value = match self.w(i) {
            "hourly" => "PT1H",
            // "daily flights", "average daily volume": a rate, not a set of times.
            "daily" | "nightly"
                if self
                    .seg
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                    && !self.is_cap(i + 1)
                    && !matches!(
                        self.w(i + 1),
                        "and" | "or" | "to" | "in" | "on" | "at" | "for" | "since" | "until"
                    ) =>
            {
                return None
            }
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" | "yearly" => "P1Y",
            "every" | "each" => {
                if let Some(wd) = words::weekday(self.w(i + 1)) {
                    return Some(Hit::new(
                        i + 2,
                        TimexKind::Set,
                        format!("XXXX-WXX-{}", wd + 1),
                    ));
                }
                if let Some(m) = words::month(self.w(i + 1)).filter(|_| self.is_cap(i + 1)) {
                    return Some(Hit::new(i + 2, TimexKind::Set, format!("XXXX-{m:02}")));
                }
                let (n, at) = self.amount(i + 1).unwrap_or((Some(1), i + 1));
                let unit = words::unit(self.w(at))?;
                return Some(Hit::new(at + 1, TimexKind::Set, period(n, unit)));
            }
            _ => return None,
        };
        Some(Hit::new(i + 1, TimexKind::Set, value))
    }

    /// A year on its own: `in 1990`, `2025`; the 1990s as a decade (`199`).
    fn year(&self, i: usize) -> Option<Hit> {
        let decade = |t: &str| {
            t.strip_suffix("0s")
                .filter(|d| d.len() == 3 && d.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
        };
        if self.w(i) == "the" {
            if let Some(d) = decade(self.w(i + 1)) {
                return Some(Hit::new(i + 2, TimexKind::Date, d));
            }
            let nineteen_tens = match self.w(i + 1) {
                "twenties" => Some(2),
                "thirties" => Some(3),
                "forties" => Some(4),
                "fifties" => Some(5),
                "sixties" => Some(6),
                "seventies" => Some(7),
                "eighties" => Some(8),
                "nineties" => Some(9),
                _ => None,
            };
            if let Some(t) = nineteen_tens {
                return Some(Hit::new(i + 2, TimexKind::Date, format!("19{t}")));
            }
            // "the early 1980s", "the mid-1990s".
            let modifier = match self.w(i + 1) {
                "early" => "START",
                "late" => "END",
                "mid" => "MID",
                w => match w.strip_prefix("mid-").and_then(decade) {
                    Some(d) => {
                        return Some(Hit {
                            modifier: Some("MID".into()),
                            ..Hit::new(i + 2, TimexKind::Date, d)
                        })
                    }
                    None => return None,
                },
            };
            let d = decade(self.w(i + 2))?;
            return Some(Hit {
                modifier: Some(modifier.into()),
                ..Hit::new(i + 3, TimexKind::Date, d)
            });
        }
        if let Some((y, end)) = self.spelled_year(i) {
            return Some(Hit::new(end, TimexKind::Date, y.to_string()));
        }
        // "the 20th century" → 19, "the nineties" → 199.
        if self.w(i + 1) == "century" {
            let n = self
                .w(i)
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .ok()
                .filter(|_| self.is_number(i))
                .or_else(|| words::ordinal(self.w(i)))
                .filter(|n| (1..=21).contains(n))?;
            return Some(Hit::new(i + 2, TimexKind::Date, format!("{:02}", n - 1)));
        }
        // "mid-1996".
        if let Some(y) = self
            .w(i)
            .strip_prefix("mid-")
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1900..=2100).contains(y))
        {
            return Some(Hit {
                modifier: Some("MID".into()),
                ..Hit::new(i + 1, TimexKind::Date, y.to_string())
            });
        }
        let y = self.year_at(i)?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        // A year, not an amount: "in 2025", "2025," but not "2025 people".
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let next = self.w(i + 1);
        let by_preposition = matches!(
            prev,
            "in" | "since"
                | "of"
                | "by"
                | "until"
                | "from"
                | "to"
                | "before"
                | "after"
                | "during"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "through"
                | "("
                | ","
                | "and"
                | "or"
                | "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "both"
                | "'s"
        ) || matches!(next, "and" | "or");
        let standalone = i + 1 >= self.len() || self.seg.tokens[i + 1].kind == TokenKind::Punct;
        let counted = words::unit(next).is_some() || next.ends_with('s') && next.len() > 3;
        // A year naming a thing after a determiner: "the 2000 Olympics", "a 1971
        // Convention", "his unsuccessful 1996 campaign", "That 1978 resolution".
        let determined = matches!(
            prev,
            "the" | "a" | "an" | "that" | "this" | "these" | "those" | "our"
        ) || (i >= 2
            && matches!(self.w(i - 2), "the" | "a" | "his" | "her" | "its" | "their"));
        let names_a_thing = i + 1 < self.len()
            && self.seg.tokens[i + 1].kind == TokenKind::Word
            && (self.is_cap(i + 1) || !counted);
        let modifies = determined && names_a_thing && words::unit(next).is_none();
        (((by_preposition || standalone) && !counted) || modifies)
            .then(|| Hit::new(i + 1, TimexKind::Date, y.to_string()))
    }
}

impl Ctx<'_> {
    /// A year in words, as broadcast transcripts write them: "nineteen ninety-six",
    /// "nineteen seventy nine", "two thousand". Returns the year and the token after it.
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let century = match self.w(i) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            // "the year two thousand", never "two thousand troops".
            "two" if self.w(i + 1) == "thousand" && i > 0 && self.w(i - 1) == "year" => {
                return Some((2000, i + 2));
            }
            _ => return None,
        };
        let tens = |w: &str| -> Option<i32> {
            Some(match w {
                "twenty" => 20,
                "thirty" => 30,
                "forty" => 40,
                "fifty" => 50,
                "sixty" => 60,
                "seventy" => 70,
                "eighty" => 80,
                "ninety" => 90,
                _ => return None,
            })
        };
        let unit = |w: &str| {
            words::number(w)
                .filter(|&n| (1..10).contains(&n))
                .map(|n| n as i32)
        };
        let w = self.w(i + 1);
        if let Some((t, u)) = w.split_once('-') {
            return Some((century + tens(t)? + unit(u)?, i + 2));
        }
        let t = tens(w)?;
        match unit(self.w(i + 2)) {
            Some(u) => Some((century + t + u, i + 3)),
            None => Some((century + t, i + 2)),
        }
    }
}

/// TIMEX3's season codes.
fn season_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// TIMEX3 duration of `n` units (`None`: an unknown number, `X`).
fn period(n: Option<u32>, unit: Unit) -> String {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    if unit.is_clock() {
        format!("PT{n}{}", unit.letter())
    } else {
        format!("P{n}{}", unit.letter())
    }
}

fn shift_months(d: NaiveDate, months: i32) -> NaiveDate {
    let first = d.with_day(1).expect("day 1 exists");
    if months >= 0 {
        first
            .checked_add_months(Months::new(months as u32))
            .unwrap_or(first)
    } else {
        first
            .checked_sub_months(Months::new((-months) as u32))
            .unwrap_or(first)
    }
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}
