//! Temporal expressions: the dates, times, durations and sets an article's text names,
//! each normalised to a TIMEX3 value against an anchor date (the publication date).
//!
//! Sits after tokenisation in the annotation pipeline and reads only tokens, so it is a
//! pure function of the text and the anchor. Rules, longest match first at each token:
//! explicit dates (`2025-08-08`, `08/05/2025`, `July 9, 2025`, `9 July`, `July 2025`,
//! `the 1990s`), weekdays resolved forward or back by the tense around them (`expires
//! Friday` forward, `said on Friday` back), deictic words (`today`, `yesterday`, `now` →
//! PRESENT_REF, `recently` → PAST_REF), units relative to the anchor (`last month`, `this
//! year`, `next week`, `two years ago`, `earlier this month`), durations (`three months`,
//! `the past 24 hours`, `two-week`, `several days` → PXD), clock times (`10:30 a.m.`) and
//! sets (`every day`, `weekly`). Without an anchor, relative expressions keep the `X`
//! placeholders TIMEX3 defines (`XXXX-07-09`).
//!
//! [`chronology`] puts the tagger to work on an article: it finds the publication date
//! when the metadata has none (the URL's path, an identifier that encodes its creation
//! time, a date line), resolves against it, flags past statements dated after it, and
//! keeps forecasts, deadlines and scheduled events with the day each falls due.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chronology;
mod dating;
mod rules;
mod words;

pub use chronology::{chronology, period_of, publication_date, ArticleTime};

use chrono::NaiveDate;
use tri_text::Segmented;

pub use tri_model::{
    Chronology, DateEvidence, Prediction, PredictionKind, PublicationDate, TimeFlag, TimeFlagKind,
    Timex, TimexKind,
};

/// Finds the temporal expressions of `text` (already cut into `segmented`), normalised
/// against `anchor`, in text order.
pub fn tag(text: &str, segmented: &Segmented, anchor: Option<NaiveDate>) -> Vec<Timex> {
    rules::tag(text, segmented, anchor)
}

/// Names this version of the rules, so that stored chronologies made by other rules are
/// recomputed: a hash of the rule sources themselves, since the rules are the model.
pub fn fingerprint() -> String {
    let mut h = tri_model::FnvHasher::default();
    for source in [
        include_str!("rules.rs"),
        include_str!("words.rs"),
        include_str!("chronology.rs"),
        include_str!("dating.rs"),
    ] {
        std::hash::Hasher::write(&mut h, source.as_bytes());
    }
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        std::hash::Hasher::finish(&h)
    )
}

#[cfg(test)]
mod tests;
