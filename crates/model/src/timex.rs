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
