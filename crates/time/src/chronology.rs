//! An article's chronology: its publication date (from the metadata, or inferred), its
//! temporal expressions resolved against that date, the dates that contradict it, and
//! its statements about the future with the day by which each can be checked.
//!
//! Whether a date belongs to a past statement or to a forecast is read off the words
//! around it in its sentence: the nearest verb or modal on its left decides ("the
//! Kremlin warned on August 8" is past, "his forces will be able to break through by
//! the end of the year" is a forecast), then the nearest on its right ("On June 30, the
//! leader ... said").

use chrono::{Datelike, Months, NaiveDate};
use tri_model::{
    Chronology, Prediction, PredictionKind, PublicationDate, Published, Span, TimeFlag,
    TimeFlagKind, Timex, TimexKind,
};
use tri_text::Segmented;

use crate::dating;

/// What the chronology is computed from.
#[derive(Debug, Clone, Copy)]
pub struct ArticleTime<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub segmented: &'a Segmented,
    /// The publication date of the metadata or the user, which wins over inference.
    pub published: Option<&'a Published>,
    /// The article's URL, whose path or identifiers may date it.
    pub url: Option<&'a str>,
}

/// The chronology of one article. Pure: the same input always gives the same output.
pub fn chronology(input: &ArticleTime<'_>) -> Chronology {
    let publication = publication_date(input);
    let anchor = publication
        .as_ref()
        .and_then(|p| NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok());
    let lower = crate::rules::lowered(input.text, input.segmented);
    let timexes = crate::rules::tag_lowered(input.text, input.segmented, &lower, anchor);
    let mut flags = Vec::new();
    let mut predictions = Vec::new();
    if let Some(anchor) = anchor {
        let reader = Clauses {
            text: input.text,
            seg: input.segmented,
            lower: &lower,
        };
        for (index, timex) in timexes.iter().enumerate() {
            let Some((first, sentence)) = reader.locate(timex.span) else {
                continue;
            };
            let last = reader.token_at_or_before(timex.span.end.saturating_sub(1));
            let voice = reader.voice(first, last, sentence);
            let sentence_span = input.segmented.sentences[sentence].span;
            let before = if first > 0 { reader.w(first - 1) } else { "" };
            if let Some(prediction) = predict(index, timex, &voice, anchor, before, sentence_span) {
                predictions.push(prediction);
            } else if voice.tense == Tense::Past {
                // "that day" after "on August 8" is the same slip, already flagged once.
                let repeated = flags
                    .iter()
                    .any(|f: &TimeFlag| timexes[f.timex].value == timex.value);
                if repeated {
                    continue;
                }
                if let Some(explanation) = after_publication(timex, anchor) {
                    flags.push(TimeFlag {
                        timex: index,
                        kind: TimeFlagKind::AfterPublication,
                        sentence: sentence_span,
                        explanation,
                    });
                }
            }
        }
    }
    Chronology {
        publication,
        timexes,
        flags,
        predictions,
    }
}

/// The metadata's date, else the URL's path, else an identifier in the URL, else a date
/// line at the head of the text.
pub fn publication_date(input: &ArticleTime<'_>) -> Option<PublicationDate> {
    input
        .published
        .and_then(dating::from_metadata)
        .or_else(|| input.url.and_then(dating::from_url_path))
        .or_else(|| input.url.and_then(dating::from_url_identifier))
        .or_else(|| dating::from_dateline(input.text, input.segmented))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// What the words around a date say about it.
#[derive(Debug)]
struct Voice {
    tense: Tense,
    /// The word that makes the clause about the future, and its class.
    cue: Option<(String, PredictionKind)>,
}

struct Clauses<'a> {
    text: &'a str,
    seg: &'a Segmented,
    lower: &'a [String],
}

impl<'a> Clauses<'a> {
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// The first token of `span` and the sentence it is in.
    fn locate(&self, span: Span) -> Option<(usize, usize)> {
        let first = self
            .seg
            .tokens
            .partition_point(|t| t.span.start < span.start);
        self.seg.tokens.get(first)?;
        let sentence = self.seg.sentences.partition_point(|s| s.end_token <= first);
        (sentence < self.seg.sentences.len()).then_some((first, sentence))
    }

    fn token_at_or_before(&self, byte: usize) -> usize {
        self.seg
            .tokens
            .partition_point(|t| t.span.start <= byte)
            .saturating_sub(1)
    }

    /// Reads the tense and any future cue of the clause around tokens `first..=last`.
    fn voice(&self, first: usize, last: usize, sentence: usize) -> Voice {
        let s = &self.seg.sentences[sentence];
        let mut cue = None;
        // A future cue anywhere in the 12 words before the date, or right after it
        // ("Friday's deadline"), within the sentence and not across a clause break.
        for j in (s.first_token..first).rev().take(12) {
            if self.clause_break(j) {
                break;
            }
            if let Some(kind) = self.future_cue(j) {
                cue = Some((self.cue_text(j), kind));
                break;
            }
        }
        if cue.is_none() {
            for j in (last + 1..s.end_token).take(3) {
                if let Some(kind) = self
                    .future_cue(j)
                    .filter(|k| *k == PredictionKind::Deadline)
                {
                    cue = Some((self.cue_text(j), kind));
                    break;
                }
            }
        }
        let left = (s.first_token..first)
            .rev()
            .take(8)
            .take_while(|&j| !self.clause_break(j))
            .find_map(|j| self.tense_of(j));
        let right = || {
            (last + 1..s.end_token)
                .take(10)
                .find_map(|j| self.tense_of(j))
        };
        let tense = match (&cue, left.or_else(right)) {
            (Some(_), _) => Tense::Future,
            (None, Some(t)) => t,
            (None, None) => Tense::Unknown,
        };
        Voice { tense, cue }
    }

    /// "(", ";" and a quotation mark end a clause; commas do not, since a date is often
    /// set off by them ("On Friday, Russia said").
    fn clause_break(&self, j: usize) -> bool {
        matches!(
            self.w(j),
            ";" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}" | ":" | "but" | "while"
        )
    }

    fn cue_text(&self, j: usize) -> String {
        if self.w(j) == "of" && j > 0 {
            format!("{} of", self.w(j - 1))
        } else {
            self.seg.tokens[j].span.of(self.text).to_string()
        }
    }

    /// The class of future cue token `j` is, if it is one.
    fn future_cue(&self, j: usize) -> Option<PredictionKind> {
        let w = self.w(j);
        Some(match w {
            "deadline" | "ultimatum" | "expires" | "expire" | "expiring" | "due" => {
                PredictionKind::Deadline
            }
            "scheduled" | "slated" | "upcoming" => PredictionKind::Scheduled,
            "of" if j > 0 && self.w(j - 1) == "ahead" => PredictionKind::Scheduled,
            "will" | "'ll" | "shall" | "could" | "may" | "might" | "would" | "expected"
            | "expects" | "likely" | "unlikely" | "forecast" | "forecasts" | "predicts"
            | "predicted" | "projected" | "plans" | "intends" | "aims" | "hopes" | "vowed"
            | "pledged" | "promised" => PredictionKind::Forecast,
            "going" if self.w(j + 1) == "to" => PredictionKind::Forecast,
            _ if crate::words::scheduled_present(w)
                && self.w(j + 1) == "on"
                && crate::words::weekday(self.w(j + 2)).is_some() =>
            {
                PredictionKind::Scheduled
            }
            _ => return None,
        })
    }

    /// Past or future, if token `j` says which: a past-tense verb or auxiliary, or a
    /// modal. Words in `-ed` count only after a subject-like word, so that "the planned
    /// talks" or "a limited offensive" does not read as past.
    fn tense_of(&self, j: usize) -> Option<Tense> {
        let w = self.w(j);
        if self.future_cue(j).is_some() {
            return Some(Tense::Future);
        }
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        let is_word = self.seg.tokens[j].kind == tri_text::TokenKind::Word;
        (is_word && crate::words::past_verb(prev, w)).then_some(Tense::Past)
    }
}

/// A statement about the future dated by `timex`, if it is one.
fn predict(
    index: usize,
    timex: &Timex,
    voice: &Voice,
    anchor: NaiveDate,
    word_before: &str,
    sentence: Span,
) -> Option<Prediction> {
    let (cue, kind) = voice.cue.clone()?;
    let due = match timex.kind {
        TimexKind::Date | TimexKind::Time => {
            let (_, last) = period_of(&timex.value)?;
            // A forecast about the past is a report, not a prediction.
            if last < anchor {
                return None;
            }
            last
        }
        TimexKind::Duration => {
            // "in two or three months", "within 50 days": counted from publication.
            if !matches!(word_before, "in" | "within") {
                return None;
            }
            add_duration(anchor, timex.upper.as_deref().unwrap_or(&timex.value))?
        }
        TimexKind::Set => return None,
    };
    Some(Prediction {
        timex: index,
        kind,
        sentence,
        cue,
        due: due.format("%Y-%m-%d").to_string(),
    })
}

/// The flag's reason when a past statement's `timex` lies after `anchor`.
fn after_publication(timex: &Timex, anchor: NaiveDate) -> Option<String> {
    if timex.kind != TimexKind::Date && timex.kind != TimexKind::Time {
        return None;
    }
    let (start, _) = period_of(&timex.value)?;
    if start <= anchor {
        return None;
    }
    let mut why = format!(
        "after publication: the article is of {}, so {} ({}) cannot be the date of a past statement",
        anchor.format("%Y-%m-%d"),
        timex.text.trim(),
        timex.value
    );
    // A slipped month is the usual cause: "August 8" for "July 8".
    if timex.value.len() == 10 {
        if let Some(month_before) = start.checked_sub_months(Months::new(1)) {
            if month_before <= anchor {
                why.push_str(&format!(
                    "; possibly {} (the same day a month earlier)",
                    month_before.format("%Y-%m-%d")
                ));
            }
        }
    }
    Some(why)
}

/// The first and last day a TIMEX3 date value covers: `2025-08-08`, `2025-08`, `2025`,
/// `2025-W32`, `2025-Q3`, `2025-08-08T10:30`.
pub fn period_of(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date = value.split('T').next()?;
    let parts: Vec<&str> = date.split('-').collect();
    let year: i32 = parts.first().filter(|y| y.len() == 4)?.parse().ok()?;
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let month_end = |m: u32| -> Option<NaiveDate> {
        let first = ymd(m, 1)?;
        Some(first.checked_add_months(Months::new(1))? - chrono::Duration::days(1))
    };
    match parts.as_slice() {
        [_] => Some((ymd(1, 1)?, ymd(12, 31)?)),
        [_, m] if m.starts_with('W') => {
            let week: u32 = m[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
            Some((monday, monday + chrono::Duration::days(6)))
        }
        [_, m] if m.starts_with('Q') => {
            let q: u32 = m[1..].parse().ok()?;
            if !(1..=4).contains(&q) {
                return None;
            }
            Some((ymd(3 * q - 2, 1)?, month_end(3 * q)?))
        }
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            Some((ymd(m, 1)?, month_end(m)?))
        }
        [_, m, d] => {
            let day = ymd(m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// `anchor` plus a TIMEX3 duration of days, weeks, months or years (`P3M`, `P50D`).
fn add_duration(anchor: NaiveDate, value: &str) -> Option<NaiveDate> {
    let body = value.strip_prefix('P')?;
    if body.starts_with('T') {
        // Hours and minutes: due the same day or the next.
        let hours: i64 = body[1..body.len() - 1].parse().ok()?;
        return Some(anchor + chrono::Duration::days((hours + 23) / 24));
    }
    let (n, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: u32 = n.parse().ok()?;
    match unit {
        "D" => Some(anchor + chrono::Duration::days(n.into())),
        "W" => Some(anchor + chrono::Duration::weeks(n.into())),
        "M" => anchor.checked_add_months(Months::new(n)),
        "Y" => anchor.with_year(anchor.year() + n as i32),
        _ => None,
    }
}
