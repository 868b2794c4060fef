//! Attributions: who an article says said what, and which outlets it says it got it from.
//!
//! Every quote points to its [`Source`] and sits in a provenance chain: the publishing
//! outlet, the outlet or document it names as its origin, and the source at the end.

use serde::{Deserialize, Serialize};

use crate::Span;

/// Everything the attribution stage finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributions {
    /// The outlet that published the article and the outlets it names as its origin.
    pub provenance: Provenance,
    /// Everyone and everything quoted or cited, in order of first mention; quotes refer
    /// to them by index.
    pub sources: Vec<Source>,
    /// Direct, indirect and mixed quotes, in text order.
    pub quotes: Vec<Quote>,
}

/// Where an article's reporting comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The outlet that published the article, when the metadata or the text names it.
    pub publisher: Option<Outlet>,
    /// The outlets and reports the article names as where its information comes from
    /// ("according to a report by The New York Times on July 9", "told Reuters",
    /// "Bloomberg reports"), in order of first mention, one entry per outlet.
    pub cited: Vec<CitedOutlet>,
    /// Index into `cited` of the article's origin: the report it retells. `None` when the
    /// article names none (story clustering may infer one later).
    pub origin: Option<usize>,
}

/// A news outlet or agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outlet {
    /// Canonical name ("Reuters", "The New York Times").
    pub name: String,
    /// Gazetteer key when known ("org:reuters").
    pub key: Option<String>,
    /// How it was known.
    pub evidence: OutletEvidence,
    /// Where the text names it, when it does.
    pub span: Option<Span>,
}

/// How the publishing outlet was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletEvidence {
    /// The article's metadata (feed, page, JSONL field).
    Metadata,
    /// A line of the text ("writes UNN", "an exclusive publication of Observer News").
    Text,
}

/// An outlet or report an article names as the origin of what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedOutlet {
    /// Canonical name of the outlet.
    pub name: String,
    /// Gazetteer key when known.
    pub key: Option<String>,
    /// Every place the text names it as a source, in order; the first is where it is
    /// introduced.
    pub mentions: Vec<Span>,
    /// The words that cite it the first time ("according to a report by", "told",
    /// "reports"), as written.
    pub cue: String,
    /// The date of the cited report when the text gives one ("July 9"), as written.
    pub date: Option<String>,
    /// How many quotes rest on it (through it being named or through "the publication").
    pub quotes: usize,
}

/// Who a statement comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// What kind of source this is.
    pub kind: SourceKind,
    /// A name to show: the person's or organisation's canonical name, the outlet's, or
    /// an anonymous source's descriptor as first written.
    pub name: String,
    /// The entity it is, when it is one of the article's entities ("person:dmitry-peskov").
    pub entity: Option<String>,
    /// Role as the article gives it ("spokesman", "senior researcher").
    pub role: Option<String>,
    /// Where it belongs ("Kremlin", "Carnegie Endowment for International Peace"):
    /// for a person as the article says, for an anonymous source the institution it is
    /// close to or part of.
    pub affiliation: Option<String>,
    /// Anonymous sources: how many (3 for "three sources close to the Kremlin", 1 for "a
    /// person familiar with ..."); `None` when the text does not say ("sources said").
    pub count: Option<u32>,
    /// Anonymous sources: the descriptor as first written ("three sources close to the
    /// Kremlin").
    pub descriptor: Option<String>,
    /// Anonymous sources: index of the group this one belongs to ("one source" after
    /// "three sources close to the Kremlin").
    pub member_of: Option<usize>,
    /// For an outlet: index into [`Provenance::cited`].
    pub outlet: Option<usize>,
    /// Every place the article refers to it as a source, in order.
    pub mentions: Vec<Span>,
}

/// The kinds of [`Source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// A source the article does not name: "three sources close to the Kremlin", "a
    /// senior European official".
    Anonymous,
    /// A news outlet, named or as "the publication".
    Outlet,
    /// An organisation, government, party or other named body ("the Kremlin").
    Organisation,
    /// A document: a report, poll, study, statement or data set ("a poll", "the report").
    Document,
    /// A group of people named by what they are ("analysts", "Republicans").
    Group,
}

impl SourceKind {
    /// Lower-case name as shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Outlet => "outlet",
            SourceKind::Organisation => "organisation",
            SourceKind::Document => "document",
            SourceKind::Group => "group",
        }
    }
}

/// A quotation: what was said, the words that attribute it, and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// A short direct quote inside a sentence that is not a quotation of its own (scare
    /// quotes: Svyrydenko urging "maximum pressure").
    pub fragment: bool,
    /// The quoted content without quotation marks, its parts joined by " … ".
    pub text: String,
    /// The content's parts: a quote split by its cue ("X," he said, "Y.") or running over
    /// several paragraphs has several. Without quotation marks.
    pub parts: Vec<Span>,
    /// The attributing words ("said", "according to", "the publication writes").
    pub cue: Option<Span>,
    /// Where this quote names or refers to its speaker ("Peskov", "he", "one source").
    pub speaker: Option<Span>,
    /// Index into [`Attributions::sources`] of who said it.
    pub source: Option<usize>,
    /// Index into [`Provenance::cited`] of the outlet the quote reaches the article
    /// through, when the article names one.
    pub via: Option<usize>,
}

impl Quote {
    /// From the start of the first part to the end of the last.
    pub fn extent(&self) -> Span {
        let start = self.parts.first().map_or(0, |p| p.start);
        let end = self.parts.last().map_or(0, |p| p.end);
        Span::new(start, end)
    }
}

/// How a quote renders its speaker's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// In quotation marks.
    Direct,
    /// Reported speech ("Peskov said that ...", "according to X, ...").
    Indirect,
    /// Reported speech with a quoted part (Trump said he was "seriously considering" ...).
    Mixed,
}

impl QuoteKind {
    /// Lower-case name as shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}
