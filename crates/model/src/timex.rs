//! Temporal expressions as TIMEX3 (ISO-TimeML) describes them.

use serde::{Deserialize, Serialize};

use crate::Span;

/// A date, time, duration or set named in the text, with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte range in the article text.
    pub span: Span,
    /// The words, as written.
    pub text: String,
    /// What kind of expression it is.
    pub kind: TimexKind,
    /// TIMEX3 value: `2025-08-08`, `2025-07`, `2025-W32`, `1998-Q3`, `199` (a decade),
    /// `P3M`, `PT24H`, `PXD`, `PRESENT_REF`, `PAST_REF`, `XXXX-07-09` when no anchor says
    /// the year.
    pub value: String,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`, `MORE_THAN`.
    pub modifier: Option<String>,
    /// The upper end of a range the words give ("two or three months": `value` `P2M`,
    /// `upper` `P3M`). TIMEX3 has no range values, so `value` keeps the lower end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<String>,
}

impl Timex {
    /// The value with its range, as a reader writes it: `P2M/P3M`, or `value` alone.
    pub fn value_range(&self) -> String {
        match &self.upper {
            Some(u) => format!("{}/{u}", self.value),
            None => self.value.clone(),
        }
    }
}

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    /// A calendar date or coarser: `2025-08-08`, `2025-07`, `2025`, `PAST_REF`.
    Date,
    /// A time of day: `2025-08-08T10:30`.
    Time,
    /// An amount of time: `P3M`.
    Duration,
    /// A recurrence: `every day`.
    Set,
}

impl TimexKind {
    /// The TIMEX3 `type` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// What the temporal layer knows about one article: when it was published and how that
/// is known, its temporal expressions, the dates that cannot be right, and the
/// statements about the future that can be checked later.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Chronology {
    /// The publication date the expressions were resolved against; `None` when neither
    /// the metadata nor the text says it.
    pub publication: Option<PublicationDate>,
    /// The temporal expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Dates that contradict the publication date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<TimeFlag>,
    /// Predictions, deadlines and scheduled events, each with its due date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predictions: Vec<Prediction>,
}

/// A publication date and how it was known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicationDate {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where it comes from.
    pub evidence: DateEvidence,
    /// How far to trust it, 0 to 1: 1 for metadata and the user, less for inferences.
    pub confidence: f32,
    /// How it was known, in words: "given by the user", "the Toutiao article id in the
    /// URL, which encodes 2025-07-10T08:17:55Z".
    pub how: String,
}

/// The kinds of evidence a publication date rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateEvidence {
    /// The article's metadata or the user (see the article's `published.source`).
    Metadata,
    /// A date in the URL's path: `/2025/07/10/`, `20250710`.
    UrlPath,
    /// An identifier that encodes its creation time (a Toutiao or X/Twitter id).
    UrlIdentifier,
    /// A date line at the head of the text: `KYIV, July 10, 2025 (Reuters) -`.
    Dateline,
}

/// A date that cannot be what the text says it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeFlag {
    /// Index into [`Chronology::timexes`].
    pub timex: usize,
    /// What is wrong.
    pub kind: TimeFlagKind,
    /// The sentence the date is in.
    pub sentence: Span,
    /// The reason, for a reader: "after publication: the article is of 2025-07-10, so
    /// this date cannot be a past statement (possibly 2025-07-08)".
    pub explanation: String,
}

/// What a [`TimeFlag`] says is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeFlagKind {
    /// Reported in the past tense and dated after the publication date.
    AfterPublication,
}

/// A statement about the future with the date by which it can be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prediction {
    /// Index into [`Chronology::timexes`]: the expression that dates it.
    pub timex: usize,
    /// Forecast, deadline or scheduled event.
    pub kind: PredictionKind,
    /// The sentence that states it.
    pub sentence: Span,
    /// The word that makes it a statement about the future ("could", "expires",
    /// "ahead of").
    pub cue: String,
    /// `YYYY-MM-DD`: the last day on which it can still come true; from then on it can
    /// be checked.
    pub due: String,
}

/// The kinds of statements about the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PredictionKind {
    /// Something someone expects, fears or claims will happen: "could collapse in two
    /// or three months", "will be able to break through by the end of the year".
    Forecast,
    /// A term set for someone to act: "the ultimatum expires Friday", "a deadline of".
    Deadline,
    /// An event on the calendar: "ahead of a phone call on Monday", "talks are
    /// scheduled for".
    Scheduled,
}

impl PredictionKind {
    /// Lower-case name, as the CLI and JSON show it.
    pub fn as_str(self) -> &'static str {
        match self {
            PredictionKind::Forecast => "forecast",
            PredictionKind::Deadline => "deadline",
            PredictionKind::Scheduled => "scheduled",
        }
    }
}
