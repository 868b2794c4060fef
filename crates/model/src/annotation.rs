//! Annotations: what the language stages find in an [`crate::Article`]'s text.
//!
//! Every annotation carries a [`Span`], a byte range into `Article::text`, so any fact in
//! any output can be shown in its sentence.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into an article's text. Always on UTF-8 char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The text this span covers. Panics if the span does not fit `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One sentence: its span and the half-open range of its tokens in the token list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub first_token: usize,
    pub end_token: usize,
}

/// The four entity kinds of the design; CoNLL-2003's PER, ORG, LOC, MISC map onto them
/// (MISC, which covers nationalities, events and works, maps to `Group` as the nearest noun).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Group,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
        }
    }

    /// The CoNLL-2003 label this kind corresponds to.
    pub fn conll_label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organisation => "ORG",
            EntityKind::Place => "LOC",
            EntityKind::Group => "MISC",
        }
    }

    /// Inverse of [`EntityKind::conll_label`].
    pub fn from_conll_label(label: &str) -> Option<Self> {
        match label {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organisation),
            "LOC" => Some(EntityKind::Place),
            "MISC" => Some(EntityKind::Group),
            _ => None,
        }
    }
}

/// A stretch of text that names an entity ("Vladimir Putin", "the Kremlin").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// The text of the span, as written.
    pub text: String,
}

/// One real-world entity as one article mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical key, the same in every article: the gazetteer key when the gazetteer knows
    /// the entity ("person:vladimir-putin", "gn:703448"), else the kind and the folded full
    /// name ("person/stefan-maier"), folded so that transliteration variants agree (see
    /// `tri_entities::canonical_key`).
    pub key: String,
    /// Resolved kind: the gazetteer's when known, else the majority over the mentions
    /// (a title or role counts for person, an employer after "at" for organisation).
    pub kind: EntityKind,
    /// Canonical name: the gazetteer's, else the longest name the article uses.
    pub name: String,
    /// Distinct names the article uses for it, in order of first use ("Vladimir Putin",
    /// "Putin"); nominal mentions are not names and are not listed.
    pub aliases: Vec<String>,
    /// Wikidata item id, where the gazetteer has one ("Q7747").
    pub wikidata: Option<String>,
    /// Roles the article gives it, as written: "spokesman", "senior researcher",
    /// "Secretary of State".
    pub roles: Vec<String>,
    /// Where or for whom it holds those roles, as written ("Kremlin", "Carnegie Endowment
    /// for International Peace"); a country named by a demonym by the country's name
    /// ("Ukrainian President" → "Ukraine").
    pub affiliations: Vec<String>,
    /// ISO 3166-1 alpha-2 code of its country: the gazetteer's, else the one its title
    /// names.
    pub country: Option<String>,
    /// For a metonym ("the Kremlin", or "Moscow" used as an actor): the key of the
    /// government it stands for ("gov:RU"). Its [`MentionForm::Metonym`] mentions are the
    /// uses as that government; its other mentions are the place or building itself.
    pub stands_for: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
}

/// One mention of an [`Entity`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Byte range in the article text.
    pub span: Span,
    /// The text of the span, as written.
    pub text: String,
    /// How the mention refers to the entity.
    pub form: MentionForm,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// By its full or canonical name ("Vladimir Putin", "Kremlin", "Kyiv").
    Name,
    /// A person by part of the name ("Putin" after "Vladimir Putin").
    ShortName,
    /// By office and country ("the Russian president").
    Nominal,
    /// A place or building standing for a government, used as an actor ("the Kremlin
    /// said"); the entity's [`Entity::stands_for`] names the government.
    Metonym,
}
