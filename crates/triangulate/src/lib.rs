//! Triangulation: what a story's independent reports agree on, what rests on one origin,
//! and where they conflict, gathered in a [`Dossier`].
//!
//! The input is a set of annotated articles (a story or a storyline) with where the
//! clusterer placed them: their story, the report each retells (named in its text or
//! inferred), and the article each copies. [`dossier`] is a pure function of that input.
//!
//! **Claims.** Every clause that carries an event, a figure, a quote or a prediction is
//! a statement (a sentence divides at ", and", ";", ", but" and the like where both
//! sides say something). Statements are compared by what they say, with who says it and
//! how blanked out ("According to two people close to the Kremlin"): their content words
//! stemmed, news paraphrases written as one ("capture"/"control", "priority"/"aim"),
//! demonyms as their country, figures as value-and-unit terms, weighted by how rare they
//! are among the dossier's statements. Two statements are the same claim when they share
//! four content terms or more and their cosine is 0.30 or more, or the shorter is mostly
//! (0.55 of its weight) contained in the longer; a statement joins a claim it links to
//! whose centroid it is 0.20 close to. Paraphrase is the normal case: "Ukraine's defense
//! may collapse in the coming months" and "Ukrainian defenses could collapse within
//! months" share `ukrain`, `defens`, `collaps`, `month`.
//!
//! **Independence.** A statement's origin is the outlet it reaches the article through:
//! the cited outlet of its quote, else the report the article retells, else the article's
//! own outlet (or the article itself when no outlet is known). Articles that retell one
//! report count once; a claim is corroborated by two independent origins or more.
//!
//! **Status.** Contested: the claim's statements give different values for one measure
//! (same unit and period), or one asserts what another negates. Internally inconsistent:
//! a date after the article's own publication date reported as past, or one article
//! giving two values for one measure. Predictions keep their due date and whether it has
//! come (open, due, past due).

mod claims;
mod graph;
mod render;
mod words;

use serde::Serialize;
use tri_model::{Article, Attributions, Chronology, Event, Figure, Span};

pub use graph::{Edge, Graph, Node};
pub use render::{html, markdown, text};
pub use words::stems;

/// One article as the dossier reads it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleInput<'a> {
    /// The article: text, outlet, date.
    pub article: &'a Article,
    /// Its quotes, sources and provenance.
    pub attributions: Option<&'a Attributions>,
    /// Its dates, flags and predictions.
    pub chronology: Option<&'a Chronology>,
    /// Its figures.
    pub figures: &'a [Figure],
    /// Its events.
    pub events: &'a [Event],
    /// The story it was placed in.
    pub story: Option<&'a str>,
    /// The report it retells, named or inferred by the clusterer.
    pub origin: Option<&'a str>,
    /// The earlier article it is a near-duplicate copy of.
    pub copy_of: Option<&'a str>,
}

/// What the dossier needs besides the articles.
#[derive(Debug, Clone)]
pub struct Options {
    /// The dossier's id (a storyline's or a story's).
    pub id: String,
    /// Today, `YYYY-MM-DD`: predictions are open, due or past due against it.
    pub today: String,
}

/// A story's (or a storyline's) record.
#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    /// The storyline or story id.
    pub id: String,
    /// Counts and a sentence that says them.
    pub summary: Summary,
    /// The articles, earliest first.
    pub articles: Vec<ArticleRef>,
    /// The stories of the dossier with their articles.
    pub stories: Vec<StoryRef>,
    /// Claims, most supported first.
    pub claims: Vec<Claim>,
    /// Dated events, predictions and flags, in date order.
    pub timeline: Vec<TimelineEntry>,
    /// Who demands, threatens, rejects, agrees to or accuses what.
    pub actors: Vec<ActorPositions>,
    /// Quotes grouped by who said them.
    pub quotes: Vec<SpeakerQuotes>,
    /// Every figure with its unit, period and source.
    pub figures: Vec<FigureRef>,
    /// Dates the articles get wrong about themselves.
    pub flags: Vec<FlagRef>,
    /// Article → cited outlet → source.
    pub provenance: graph::Graph,
}

/// The dossier's counts.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Articles.
    pub articles: usize,
    /// Outlets that published them.
    pub outlets: Vec<String>,
    /// Independent origins and how many articles retell each.
    pub origins: Vec<(String, usize)>,
    /// Earliest and latest publication date.
    pub first: Option<String>,
    /// See `first`.
    pub last: Option<String>,
    /// Claims made by more than one article, by status.
    pub corroborated: usize,
    /// See `corroborated`.
    pub single_origin: usize,
    /// See `corroborated`.
    pub contested: usize,
    /// Claims an article contradicts itself on.
    pub internally_inconsistent: usize,
    /// Predictions, and of them those past due.
    pub predictions: usize,
    /// See `predictions`.
    pub past_due: usize,
    /// The counts as a sentence.
    pub text: String,
}

/// An article of the dossier.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The independent origin its own statements count for.
    pub origin: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// A story of the dossier.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRef {
    pub id: String,
    pub articles: Vec<String>,
    pub origins: Vec<String>,
}

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Someone did or said they would do something (a coded event).
    Event,
    /// A count or measure.
    Figure,
    /// What someone said.
    Quote,
    /// A statement about the future with a due date.
    Prediction,
    /// A date an article gets wrong about itself.
    Flag,
    /// A sentence with none of those, aligned by its words alone.
    Statement,
}

/// How well a claim is supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Two or more independent origins, no conflict.
    Corroborated,
    /// One origin, however many articles retell it.
    SingleOrigin,
    /// Its statements disagree: different values for one measure, or an assertion
    /// against its negation.
    Contested,
    /// An article contradicts itself (a past statement dated after publication, two
    /// values for one measure).
    InternallyInconsistent,
}

impl Status {
    /// As users read it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Corroborated => "corroborated",
            Status::SingleOrigin => "single origin",
            Status::Contested => "contested",
            Status::InternallyInconsistent => "internally inconsistent",
        }
    }
}

/// A claim: what several statements say, with who says it and how independently.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// `c1`, `c2`...: in the dossier's order.
    pub id: String,
    /// The statement that best represents the others (its sentence).
    pub text: String,
    /// Normalised: the shared event as actor, category, recipient; or the shared figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub kind: ClaimKind,
    pub status: Status,
    /// Independent origins, each once.
    pub origins: Vec<String>,
    /// Articles that make the claim.
    pub articles: Vec<String>,
    /// Each statement, pointing at its sentence.
    pub support: Vec<Support>,
    /// What conflicts, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
    /// For a prediction: the last day it can come true, and open, due or past due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_status: Option<String>,
}

/// One statement of a claim.
#[derive(Debug, Clone, Serialize)]
pub struct Support {
    pub article: String,
    /// Its origin (see the crate's documentation).
    pub origin: String,
    /// Who the article says it comes from, when a quote carries it ("three sources close
    /// to the Kremlin").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The sentence, byte range in the article's text (or in the removed line below).
    pub span: Span,
    /// The sentence's words.
    pub sentence: String,
    /// Negated or only hedged ("is unlikely to", "did not").
    pub negated: bool,
}

/// A dated entry of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// `event`, `prediction` (dated by its due date) or `flag`.
    pub kind: String,
    pub text: String,
    pub articles: Vec<String>,
    pub span: Span,
}

/// An actor and its stated positions.
#[derive(Debug, Clone, Serialize)]
pub struct ActorPositions {
    pub actor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub positions: Vec<Position>,
}

/// A demand, threat, refusal, offer, accusation or endorsement.
#[derive(Debug, Clone, Serialize)]
pub struct Position {
    /// PLOVER category.
    pub category: String,
    /// Actor → recipient, category, and the event's words.
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipient: Vec<String>,
    pub modality: String,
    pub negated: bool,
    pub articles: Vec<String>,
    pub span: Span,
}

/// A speaker's quotes.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerQuotes {
    pub speaker: String,
    /// person, anonymous, outlet, organisation, document, group.
    pub kind: String,
    pub quotes: Vec<QuoteRef>,
}

/// One quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRef {
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: String,
    pub article: String,
    pub span: Span,
    /// The outlet it reached the article through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// One figure.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRef {
    pub text: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub article: String,
    pub span: Span,
}

/// A date an article gets wrong about itself.
#[derive(Debug, Clone, Serialize)]
pub struct FlagRef {
    pub article: String,
    pub text: String,
    pub explanation: String,
    pub span: Span,
}

/// Builds the dossier of the articles.
pub fn dossier(inputs: &[ArticleInput<'_>], options: &Options) -> Dossier {
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by(|&a, &b| {
        published(&inputs[a])
            .cmp(&published(&inputs[b]))
            .then_with(|| inputs[a].article.id.cmp(&inputs[b].article.id))
    });
    let inputs: Vec<ArticleInput<'_>> = order.into_iter().map(|i| inputs[i]).collect();
    let origins = claims::article_origins(&inputs);
    let claims = claims::claims(&inputs, &origins, &options.today);
    let articles: Vec<ArticleRef> = inputs
        .iter()
        .zip(&origins)
        .map(|(i, origin)| ArticleRef {
            id: i.article.id.clone(),
            title: i.article.title.clone(),
            outlet: i.article.outlet.clone(),
            published: published(i),
            url: i.article.url.clone(),
            origin: origin.display.clone(),
            copy_of: i.copy_of.map(str::to_string),
            story: i.story.map(str::to_string),
        })
        .collect();
    let mut stories: Vec<StoryRef> = Vec::new();
    for a in &articles {
        let Some(s) = &a.story else { continue };
        match stories.iter_mut().find(|x| &x.id == s) {
            Some(x) => {
                x.articles.push(a.id.clone());
                if !x.origins.contains(&a.origin) {
                    x.origins.push(a.origin.clone());
                }
            }
            None => stories.push(StoryRef {
                id: s.clone(),
                articles: vec![a.id.clone()],
                origins: vec![a.origin.clone()],
            }),
        }
    }
    let summary = summary(&inputs, &articles, &claims);
    Dossier {
        id: options.id.clone(),
        summary,
        timeline: claims::timeline(&inputs),
        actors: claims::actors(&inputs),
        quotes: claims::quotes(&inputs),
        figures: claims::figures(&inputs),
        flags: claims::flags(&inputs),
        provenance: graph::graph(&inputs, &origins),
        articles,
        stories,
        claims,
    }
}

/// An article's date, `YYYY-MM-DD` when known: its metadata's, else the one its
/// chronology inferred.
pub(crate) fn published(i: &ArticleInput<'_>) -> Option<String> {
    i.article
        .published
        .as_ref()
        .map(|p| p.value.chars().take(10).collect())
        .or_else(|| {
            i.chronology
                .and_then(|c| c.publication.as_ref())
                .map(|p| p.date.clone())
        })
}

fn summary(inputs: &[ArticleInput<'_>], articles: &[ArticleRef], claims: &[Claim]) -> Summary {
    let mut outlets: Vec<String> = Vec::new();
    let mut origins: Vec<(String, usize)> = Vec::new();
    for a in articles {
        if let Some(o) = &a.outlet {
            if !outlets.contains(o) {
                outlets.push(o.clone());
            }
        }
        match origins.iter_mut().find(|(o, _)| *o == a.origin) {
            Some((_, n)) => *n += 1,
            None => origins.push((a.origin.clone(), 1)),
        }
    }
    let dates: Vec<String> = inputs.iter().filter_map(published).collect();
    let shared = |s: Status| {
        claims
            .iter()
            .filter(|c| c.status == s && c.articles.len() > 1)
            .count()
    };
    let corroborated = claims
        .iter()
        .filter(|c| c.status == Status::Corroborated)
        .count();
    let contested = claims
        .iter()
        .filter(|c| c.status == Status::Contested)
        .count();
    let inconsistent = claims
        .iter()
        .filter(|c| c.status == Status::InternallyInconsistent)
        .count();
    let single_origin = shared(Status::SingleOrigin);
    let predictions = claims.iter().filter(|c| c.due.is_some()).count();
    let past_due = claims
        .iter()
        .filter(|c| c.due_status.as_deref() == Some("past due"))
        .count();
    let text = format!(
        "{} article{} from {} outlet{} retell{} {} independent origin{} ({}). {} claim{} corroborated by independent origins, {} repeated from a single origin, {} contested, {} internally inconsistent; {} prediction{} ({} past due).",
        articles.len(),
        plural(articles.len()),
        outlets.len(),
        plural(outlets.len()),
        if articles.len() == 1 { "s" } else { "" },
        origins.len(),
        plural(origins.len()),
        origins
            .iter()
            .map(|(o, n)| format!("{o}: {n}"))
            .collect::<Vec<_>>()
            .join(", "),
        corroborated,
        plural(corroborated),
        single_origin,
        contested,
        inconsistent,
        predictions,
        plural(predictions),
        past_due
    );
    Summary {
        articles: articles.len(),
        outlets,
        origins,
        first: dates.iter().min().cloned(),
        last: dates.iter().max().cloned(),
        corroborated,
        single_origin,
        contested,
        internally_inconsistent: inconsistent,
        predictions,
        past_due,
        text,
    }
}

/// An article id as the dossier shows it: its first eight hex digits.
pub(crate) fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A value with its unit as the dossier shows it ("1415 km2", "0.2 fraction").
pub fn value_with_unit(value: f64, unit: Option<&str>) -> String {
    let v = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{}", (value * 1000.0).round() / 1000.0)
    };
    match unit {
        Some(u) => format!("{v} {u}"),
        None => v,
    }
}
