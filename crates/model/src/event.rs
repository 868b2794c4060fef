//! Events: who did what to whom, where and when, coded in PLOVER.
//!
//! The categories, modes and scores are those of the PLOVER manual, draft version 2.0
//! (Open Event Data Alliance, 4 February 2024); every event also keeps the CAMEO code
//! it was coded with, so GDELT-style tables can be written from the same record.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One event an article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The PLOVER category.
    pub kind: EventType,
    /// The PLOVER mode within the category, lower case as the manual writes it
    /// ("aerial", "visit", "disapprove"), when the words say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The PLOVER context ("military", "diplomatic", "economic"), when the code implies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The CAMEO code the words were coded with ("0332", "190"), kept for CAMEO and
    /// GDELT exports.
    pub cameo: String,
    /// PLOVER conflict-cooperation score, from -10 (most conflictual) to +10.
    pub score: f32,
    /// The word or words that name the event ("launched", "talks", "turned down").
    pub trigger: Span,
    /// The event's words as written: the trigger and what the coding pattern matched
    /// ("launched a large-scale drone and missile attack").
    pub text: String,
    /// Byte range of [`Event::text`].
    pub span: Span,
    /// The sentence it is reported in.
    pub sentence: Span,
    /// Who did it: one or more participants (PLOVER's `actor` list).
    pub actor: Vec<Participant>,
    /// To whom or what it was done (PLOVER's `recipient` list); may be empty.
    pub recipient: Vec<Participant>,
    /// Where it happened, when the sentence says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Place>,
    /// When it happened or is to happen, from the temporal layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// Whether it is said to have happened, or only threatened, demanded, planned...
    pub modality: Modality,
    /// The words are negated ("did not attack", "is unlikely to comply").
    pub negated: bool,
    /// Who reports it, when it is said inside a quote or reported speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<Report>,
    /// Told in a line extraction removed from the body (a photo caption: "Russian forces
    /// launched a large-scale drone and missile attack on the capital of Ukraine. Visual
    /// China"): the index of that line in the article's `removed` lines. Every span of
    /// the event is then a byte range of that line, not of the body text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_line: Option<usize>,
    /// The event its sentence reports above the others it codes: the one a coder who
    /// codes one event per sentence would pick. Each sentence with events has one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
}

/// A participant in an event: the actor or a recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Name to show: the entity's canonical name, or the country's for a group named
    /// by its nationality ("Russian forces" → "Russia").
    pub name: String,
    /// The words in this sentence that name it ("Russian forces", "they").
    pub text: String,
    /// Byte range of [`Participant::text`].
    pub span: Span,
    /// The article entity it is, when it is one ("person:donald-trump", "country:UA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// ISO 3166-1 alpha-3 code of its country, or a PLOVER code for international
    /// bodies ("IGO", "NGO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// PLOVER sector code: GOV, MIL, COP, CVL, REB, JUD, LEG...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Not named in the sentence: taken from a pronoun's antecedent or from the
    /// article's context.
    pub inferred: bool,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's name ("Istanbul").
    pub name: String,
    /// The words as written.
    pub text: String,
    /// Byte range of the words.
    pub span: Span,
    /// Gazetteer key ("gn:745044").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// ISO 3166-1 alpha-3 code of the country it lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Latitude and longitude, WGS84 degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coords: Option<(f64, f64)>,
}

/// When an event happened, from a temporal expression of its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// TIMEX3 value ("2025-07-04", "2025-W20", "XXXX-07-09").
    pub value: String,
    /// The words as written ("On July 4, 2025").
    pub text: String,
    /// Byte range of the words.
    pub span: Span,
}

/// Who an article says reports an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Index into the article's quotes of the quote the event is told in.
    pub quote: usize,
    /// The quote's speaker, when known ("Peskov", "three sources close to the Kremlin").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The outlet the quote reaches the article through ("Reuters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// Whether an event is reported as having happened, and if not, how it is spoken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened or happening.
    Asserted,
    /// Reported as not having happened ("did not attack").
    Negated,
    /// Threatened by someone ("threatened to strike").
    Threatened,
    /// Demanded or urged of someone ("demanded that Ukraine withdraw").
    Demanded,
    /// Planned, scheduled or promised ("will meet", "plans to visit").
    Planned,
    /// Under a condition ("if Russia attacks").
    Conditional,
    /// Possible or hypothetical ("could collapse", "would sign").
    Hypothetical,
    /// Forecast or judged likely or unlikely ("is expected to", "is unlikely to comply").
    Predicted,
}

impl Modality {
    /// Lower-case name as shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Threatened => "threatened",
            Modality::Demanded => "demanded",
            Modality::Planned => "planned",
            Modality::Conditional => "conditional",
            Modality::Hypothetical => "hypothetical",
            Modality::Predicted => "predicted",
        }
    }

    /// Whether the event is said to have actually happened (asserted and not negated).
    pub fn is_factual(self) -> bool {
        self == Modality::Asserted
    }
}

/// The sixteen PLOVER event categories (manual draft 2.0, Table 7.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Agree to, offer or promise cooperation; future cooperative actions.
    Agree,
    /// Meetings, visits, talks, calls.
    Consult,
    /// Praise, endorse, defend, recognise, sign agreements.
    Support,
    /// Verbal concessions: ease sanctions, allow, apologise.
    Concede,
    /// Material cooperation: economic, military, judicial, intelligence.
    Cooperate,
    /// Economic, military, humanitarian aid; protection.
    Aid,
    /// Withdraw, release, disarm, ceasefire, resign.
    Retreat,
    /// Requests, demands and orders (CAMEO's DEMAND).
    Request,
    /// Disapprove, accuse, investigate (CAMEO's DISAPPROVE and INVESTIGATE).
    Accuse,
    /// Refuse, reject, veto, defy.
    Reject,
    /// Threats of force, sanctions or other harm; ultimatums.
    Threaten,
    /// Demonstrations, riots, strikes, boycotts.
    Protest,
    /// Reduce or break relations, embargo, expel, convict.
    Sanction,
    /// Exhibit force: troops, weapons, police, militia.
    Mobilize,
    /// Seize, restrict, arrest, deport, censor.
    Coerce,
    /// Violence: attacks, bombing, shelling, killing (CAMEO's ASSAULT, FIGHT and mass
    /// violence).
    Assault,
}

impl EventType {
    /// Every category, in the manual's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The category's name as PLOVER writes it ("ASSAULT").
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Reads a category by name, case-insensitively. Also takes the names earlier PLOVER
    /// drafts and CAMEO gave some categories (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT,
    /// YIELD), mapped as the manual's Table 7.1 maps them.
    pub fn parse(name: &str) -> Option<EventType> {
        let upper = name.trim().to_ascii_uppercase();
        if let Some(t) = EventType::ALL.iter().find(|t| t.as_str() == upper) {
            return Some(*t);
        }
        match upper.as_str() {
            "DEMAND" => Some(EventType::Request),
            "DISAPPROVE" | "INVESTIGATE" => Some(EventType::Accuse),
            "FIGHT" => Some(EventType::Assault),
            "YIELD" => Some(EventType::Concede),
            _ => None,
        }
    }

    /// PLOVER quad category: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict (manual, Table 7.2).
    pub fn quad(self) -> u8 {
        match self {
            EventType::Agree | EventType::Consult | EventType::Support | EventType::Concede => 1,
            EventType::Cooperate | EventType::Aid | EventType::Retreat => 2,
            EventType::Request
            | EventType::Accuse
            | EventType::Reject
            | EventType::Sanction
            | EventType::Threaten => 3,
            EventType::Protest | EventType::Mobilize | EventType::Coerce | EventType::Assault => 4,
        }
    }

    /// Whether the category is cooperative (quads 1 and 2).
    pub fn is_cooperative(self) -> bool {
        self.quad() <= 2
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
