//! Figures: the numbers an article states, with their unit, what they count or measure,
//! the period they cover and who gives them ("1,415 square kilometers in the past three
//! months, per DeepStateMap data").

use serde::{Deserialize, Serialize};

use crate::Span;

/// One figure as the article states it, normalised so that figures from different
/// articles compare ("110,000" and "110 thousand" are both 110000; "one-fifth" and "a
/// fifth" both 0.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Byte range in the article text of the whole expression: approximation, number,
    /// unit and, for a fraction or share, what it is a part of ("nearly one-fifth of
    /// Ukraine", "1,415 square kilometers", "110,000 troops", "$300 billion").
    pub span: Span,
    /// The words of `span`, as written.
    pub text: String,
    /// What kind of figure it is.
    pub kind: FigureKind,
    /// The number, normalised: scales applied ("$300 billion" → 3e11), fractions as
    /// decimals ("one-fifth" → 0.2), percentages as written ("100%" → 100). For a range
    /// its lower end.
    pub value: f64,
    /// The upper end of a range ("20 to 30", "two or three", "between 5 and 10" → 30,
    /// 3, 10); `None` for a single number.
    pub upper: Option<f64>,
    /// How the article hedges or bounds the number ("nearly", "more than", "up to").
    pub approx: Option<Approximation>,
    /// The hedging words as written ("nearly", "roughly", "more than", "~").
    pub approx_text: Option<String>,
    /// Normalised unit: a code for measures and money (`km2`, `km`, `percent`,
    /// `fraction`, `USD`, `EUR`, `RUB`, `UAH`, `kg`, `t`, `m`, `months`, `years`, `°C`
    /// ...; see `models/figures/lexicon.tsv`), the counted noun for counts ("troops",
    /// "people"), `None` for a bare number.
    pub unit: Option<String>,
    /// The unit as written ("square kilometers", "%", "bn dollars", "troops").
    pub unit_text: Option<String>,
    /// What is counted or measured: the head of the noun phrase, with the verb that
    /// says what happened to it where the article gives one ("troops", "people killed",
    /// "square kilometers gained", "Ukraine" for "one-fifth of Ukraine").
    pub counted: Option<String>,
    /// Where the text names what is counted or measured, when it does.
    pub counted_span: Option<Span>,
    /// The period the figure covers, as written ("in the past three months", "in July",
    /// "in 2025", "last year"). Resolving it to dates is the temporal layer's job.
    pub period: Option<String>,
    /// Where the period is written.
    pub period_span: Option<Span>,
    /// The period as a TIMEX3 value, from the temporal expression written there
    /// (`2025-07` for "in July" in an article of August 2025, `P3M` for "in the past
    /// three months"); set by the annotation pipeline, which knows both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_value: Option<String>,
    /// Who gives the figure: the source a cue names ("per DeepStateMap data" →
    /// "DeepStateMap", "according to Finland's Black Bird Group" → "Black Bird Group"),
    /// else the speaker of the quote or reported speech the figure stands in.
    pub source: Option<String>,
    /// Where the text names the source: the cue's object, or the quote's speaker
    /// mention.
    pub source_span: Option<Span>,
    /// Index into the article's quotes (`Attributions::quotes`) of the quote or
    /// reported speech the figure stands in, if any.
    pub quote: Option<usize>,
}

/// The kinds of [`Figure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A number of things or people ("110,000 troops", "31 people").
    Count,
    /// An amount of money ("$300 billion", "5 million hryvnias").
    Money,
    /// A percentage ("100%", "40 percent").
    Percent,
    /// A fraction or share ("one-fifth of Ukraine", "half").
    Fraction,
    /// A physical measure with a unit ("1,415 square kilometers", "5 mm", "20 °C").
    Measure,
    /// An amount of time ("over 40 months", "two or three months").
    Duration,
    /// A number with nothing counted or measured beside it.
    Number,
}

impl FigureKind {
    /// Lower-case name as shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Fraction => "fraction",
            FigureKind::Measure => "measure",
            FigureKind::Duration => "duration",
            FigureKind::Number => "number",
        }
    }
}

/// How a figure is hedged or bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approximation {
    /// Just short of the number: "nearly", "almost", "close to", "just under".
    Nearly,
    /// Around the number, either side: "about", "around", "roughly", "some", "~".
    Approximately,
    /// Above the number: "more than", "over", "above", ">".
    MoreThan,
    /// Below the number: "less than", "fewer than", "under", "<".
    LessThan,
    /// The number or more: "at least", "no fewer than", "≥".
    AtLeast,
    /// The number or less: "up to", "as many as", "at most", "≤".
    UpTo,
}

impl Approximation {
    /// Lower-case name as shown to users and stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Approximation::Nearly => "nearly",
            Approximation::Approximately => "approximately",
            Approximation::MoreThan => "more_than",
            Approximation::LessThan => "less_than",
            Approximation::AtLeast => "at_least",
            Approximation::UpTo => "up_to",
        }
    }

    /// The variant a lexicon names (`nearly`, `approximately`, `more_than`, ...).
    pub fn from_name(name: &str) -> Option<Approximation> {
        Some(match name {
            "nearly" => Approximation::Nearly,
            "approximately" => Approximation::Approximately,
            "more_than" => Approximation::MoreThan,
            "less_than" => Approximation::LessThan,
            "at_least" => Approximation::AtLeast,
            "up_to" => Approximation::UpTo,
            _ => return None,
        })
    }
}
