//! Timelines: the dated statements of one or many articles in date order, with the
//! predictions and their status and the dates flagged as impossible, on a terminal or
//! as JSON; and the dates section of `show`.

use std::fmt::Write;

use crate::render::one_line;

use chrono::NaiveDate;
use serde::Serialize;
use tri_model::{Article, Chronology, DateEvidence, PredictionKind, Timex, TimexKind};

/// One dated statement.
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    /// The first and last day the date covers (`2025-06-01`..`2025-06-30` for `2025-06`);
    /// for a duration counted from publication ("in two or three months"), the days it
    /// reaches.
    pub from: String,
    pub to: String,
    /// The TIMEX3 value as written by the tagger (`2025-06`, `P2M/P3M`) and its `mod`.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'a str>,
    /// The expression as written.
    pub text: &'a str,
    /// The article it is in and where.
    pub article: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    /// The sentence that holds it.
    pub sentence: &'a str,
    /// Set when the statement is about the future.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prediction: Option<PredictionEntry<'a>>,
    /// Set when the date cannot be right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<&'a str>,
}

/// A forecast, deadline or scheduled event and where it stands today.
#[derive(Debug, Serialize)]
pub struct PredictionEntry<'a> {
    pub kind: PredictionKind,
    pub cue: &'a str,
    pub due: &'a str,
    /// `open` before the due date, `due` on it, `past due` after it: then it can be
    /// checked against what happened.
    pub status: &'static str,
}

/// Whether a prediction due on `due` is still open on `today`.
pub fn status(due: &str, today: NaiveDate) -> &'static str {
    match NaiveDate::parse_from_str(due, "%Y-%m-%d") {
        Ok(d) if d > today => "open",
        Ok(d) if d == today => "due",
        Ok(_) => "past due",
        Err(_) => "open",
    }
}

/// The dated statements of `articles`, earliest first. Vague dates (`PRESENT_REF`,
/// `XXXX-07-09`), durations that are not predictions and sets are left out: they place
/// nothing on a calendar.
pub fn entries<'a>(articles: &'a [(Article, Chronology)], today: NaiveDate) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (article, c) in articles {
        let predictions: std::collections::HashMap<usize, &tri_model::Prediction> =
            c.predictions.iter().map(|p| (p.timex, p)).collect();
        let flags: std::collections::HashMap<usize, &tri_model::TimeFlag> =
            c.flags.iter().map(|f| (f.timex, f)).collect();
        for (i, t) in c.timexes.iter().enumerate() {
            let prediction = predictions.get(&i).copied();
            let flag = flags.get(&i).copied();
            let (from, to) = match (calendar_days(t), prediction) {
                (Some(days), _) => days,
                // "in two or three months": from publication to the due day.
                (None, Some(p)) => (
                    c.publication
                        .as_ref()
                        .map_or_else(|| p.due.clone(), |d| d.date.clone()),
                    p.due.clone(),
                ),
                (None, None) => continue,
            };
            let sentence = prediction
                .map(|p| p.sentence)
                .or(flag.map(|f| f.sentence))
                .unwrap_or_else(|| sentence_around(&article.text, t.span.start, t.span.end));
            out.push(Entry {
                from,
                to,
                value: t.value_range(),
                modifier: t.modifier.as_deref(),
                text: &t.text,
                article: &article.id,
                outlet: article.outlet.as_deref(),
                start: t.span.start,
                end: t.span.end,
                sentence: sentence.of(&article.text).trim(),
                prediction: prediction.map(|p| PredictionEntry {
                    kind: p.kind,
                    cue: &p.cue,
                    due: &p.due,
                    status: status(&p.due, today),
                }),
                flag: flag.map(|f| f.explanation.as_str()),
            });
        }
    }
    out.sort_by(|a, b| {
        (a.from.as_str(), a.to.as_str(), a.article, a.start).cmp(&(
            b.from.as_str(),
            b.to.as_str(),
            b.article,
            b.start,
        ))
    });
    out
}

/// The days a date-valued expression covers, as `YYYY-MM-DD` strings.
fn calendar_days(t: &Timex) -> Option<(String, String)> {
    if !matches!(t.kind, TimexKind::Date | TimexKind::Time) {
        return None;
    }
    let (from, to) = tri_time::period_of(&t.value)?;
    Some((
        from.format("%Y-%m-%d").to_string(),
        to.format("%Y-%m-%d").to_string(),
    ))
}

/// The line or sentence around a span, for expressions the chronology kept no sentence
/// for: from the previous sentence end or line break to the next.
fn sentence_around(text: &str, start: usize, end: usize) -> tri_model::Span {
    let before = &text[..start];
    let from = before.rfind(['\n', '.', '!', '?']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let after = &text[end..];
    let to = after
        .find(['\n', '.', '!', '?'])
        .map_or(text.len(), |i| end + i + 1)
        .min(text.len());
    tri_model::Span::new(from, to)
}

/// How the publication date was known, in one line: `2025-07-10 (inferred: the Toutiao
/// article id in the URL encodes 2025-07-10T08:17:55Z; confidence 0.85)`.
pub fn publication_line(c: &Chronology) -> String {
    match &c.publication {
        None => {
            "unknown: neither the metadata nor the text dates the article; give --published".into()
        }
        Some(p) if p.evidence == DateEvidence::Metadata => format!("{} ({})", p.date, p.how),
        Some(p) => format!(
            "{} (inferred from {}; confidence {:.2})",
            p.date, p.how, p.confidence
        ),
    }
}

fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

/// `timeline`, terminal form: the articles and their publication dates, then one line
/// per dated statement.
pub fn timeline_text(articles: &[(Article, Chronology)], entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    for (a, c) in articles {
        let _ = writeln!(
            out,
            "{}  {}  published {}",
            short(&a.id),
            a.outlet.as_deref().unwrap_or("-"),
            publication_line(c)
        );
    }
    let _ = writeln!(out);
    for e in entries {
        let when = if e.from == e.to {
            e.from.clone()
        } else {
            format!("{} … {}", e.from, e.to)
        };
        let mut note = String::new();
        if let Some(m) = e.modifier {
            let _ = write!(note, " [{m}]");
        }
        if let Some(p) = &e.prediction {
            let _ = write!(
                note,
                " {} ({}), due {}, {}",
                p.kind.as_str(),
                p.cue,
                p.due,
                p.status
            );
        }
        if e.flag.is_some() {
            note.push_str(" FLAG: after publication");
        }
        let _ = writeln!(
            out,
            "{when:<23}  {:<8}  \"{}\"{note}\n{:<23}  {}",
            short(e.article),
            e.text,
            "",
            one_line(e.sentence, 110)
        );
        if let Some(f) = e.flag {
            let _ = writeln!(out, "{:<23}  {f}", "");
        }
    }
    let _ = writeln!(out, "{} dated statements", entries.len());
    out
}

/// The dates section of `show`: publication date and how it was known, the flags, the
/// predictions with their status, and how many other dates.
pub fn dates_text(article: &Article, c: &Chronology, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  published: {}", publication_line(c));
    for f in &c.flags {
        let _ = writeln!(
            out,
            "  FLAG \"{}\": {}",
            c.timexes[f.timex].text, f.explanation
        );
    }
    for p in &c.predictions {
        let _ = writeln!(
            out,
            "  {} due {} ({}): {}",
            p.kind.as_str(),
            p.due,
            status(&p.due, today),
            one_line(p.sentence.of(&article.text), 100)
        );
    }
    let dated = c
        .timexes
        .iter()
        .filter(|t| calendar_days(t).is_some())
        .count();
    let _ = writeln!(
        out,
        "  {} temporal expressions, {dated} on the calendar (see `triangulate timeline {}`)",
        c.timexes.len(),
        short(&article.id)
    );
    out
}
