//! Entity resolution: who the people, organisations, places and groups of an article are.
//!
//! Sits after named-entity recognition in the annotation pipeline: the tagger finds
//! mentions ("Vladimir Putin", "Putin", "Kremlin"); [`resolve`] merges the mentions of one
//! real-world entity within the article into an [`Entity`] and gives it a [`Entity::key`]
//! that is the same in every article, so later stages (quotes, events, clustering,
//! triangulation) can count one entity once across outlets and spellings.
//!
//! What `resolve` does, in order:
//! 1. Cleans the tagger's mentions: trims punctuation, possessives and function words at
//!    the edges ("Despite Trump's" → "Trump"), splits titles off names ("US President
//!    Donald Trump"), rejoins names the tagger cut where the gazetteer knows the whole,
//!    and drops headline words nothing else in the article supports ("Ceasefire
//!    Ultimatum").
//! 2. Reads roles and affiliations around each name: titles ("Kremlin spokesman Dmitry
//!    Peskov"), appositives after it (", a senior researcher at the Carnegie Endowment
//!    for International Peace") and before it ("the leader of the Luhansk region, Pasechik").
//! 3. Decides metonyms: a seat of government or capital used as an actor ("the Kremlin
//!    said", "Moscow does not believe") stands for its government.
//! 4. Merges: a shorter person name that ends a longer one ("Putin" after "Vladimir
//!    Putin"), names the gazetteer resolves to one entry ("Zelensky", "Zelenskyy"), and
//!    unknown names with the same transliteration skeleton.
//! 5. Adds nominal mentions ("the Russian president") to the person in the article, or
//!    the gazetteer's holder of the office, that they name.
//!
//! Every rule looks at a few tokens around a mention, so the cost grows with the length
//! of the article, not its square.
//!
//! ```
//! use tri_entities::{resolve, MentionForm};
//! use tri_gazetteer::Gazetteer;
//! use tri_model::{EntityKind, Mention, Span};
//!
//! let text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Later Peskov said the Kremlin rejected the plan.";
//! let mention = |name: &str, nth: usize, kind| {
//!     let start = text.match_indices(name).nth(nth).unwrap().0;
//!     Mention { span: Span::new(start, start + name.len()), kind, text: name.to_string() }
//! };
//! let mentions = [
//!     mention("Kremlin", 0, EntityKind::Organisation),
//!     mention("Dmitry Peskov", 0, EntityKind::Person),
//!     mention("Peskov", 1, EntityKind::Person),
//!     mention("Kremlin", 1, EntityKind::Place),
//! ];
//! let entities = resolve(text, &tri_text::segment(text), &mentions, Gazetteer::embedded());
//!
//! let peskov = entities.iter().find(|e| e.name == "Dmitry Peskov").unwrap();
//! assert_eq!(peskov.key, "person:dmitry-peskov");
//! assert_eq!(peskov.aliases, ["Dmitry Peskov", "Peskov"]);
//! assert_eq!(peskov.roles, ["spokesman"]);
//! assert_eq!(peskov.affiliations, ["Kremlin"]);
//!
//! let kremlin = entities.iter().find(|e| e.name == "Kremlin").unwrap();
//! assert_eq!(kremlin.stands_for.as_deref(), Some("gov:RU"));
//! assert_eq!(kremlin.mentions[1].form, MentionForm::Metonym); // "the Kremlin rejected"
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use tri_gazetteer::Gazetteer;
use tri_model::{EntityKind, Mention};
use tri_text::Segmented;

mod clean;
mod doc;
mod fold;
mod gaz;
mod lexicon;
mod merge;
mod metonym;
mod nominal;
mod roles;

pub use tri_model::{Entity, EntityMention, MentionForm};

/// Resolves an article's mentions to entities, in order of first mention.
///
/// `text` is the article body, `segmented` its tokens and sentences, `mentions` the
/// tagger's mentions (any order), `gazetteer` the known entities (normally
/// [`Gazetteer::embedded`]). Mentions whose spans do not fall on tokens are ignored.
pub fn resolve(
    text: &str,
    segmented: &Segmented,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Vec<Entity> {
    merge::resolve(text, segmented, mentions, gazetteer)
}

/// The cross-article key of an entity of `kind` called `name`: the key of the gazetteer
/// entry the name means for that kind (so "Kiev" and "Kyiv" give "gn:703448", "Zelensky"
/// and "Zelenskyy" "person:volodymyr-zelenskyy"), else `kind/folded-name`, where folding
/// lower-cases, strips diacritics and punctuation, and reduces romanisation variants to
/// one skeleton (`y`, `j`, `i` alike; doubled letters single; `kh` = `h`, `w` = `v`), so
/// "Kovalenkyy" and "Kovalenkiy" give "person/kovalenki".
pub fn canonical_key(kind: EntityKind, name: &str, gazetteer: &Gazetteer) -> String {
    let name = strip_possessive(name.trim());
    match gaz::choose(gazetteer, name, kind) {
        Some(e) => e.key.clone(),
        None => folded_key(kind, name),
    }
}

/// The key of a name the gazetteer does not know: `kind/folded-name`.
fn folded_key(kind: EntityKind, name: &str) -> String {
    format!(
        "{}/{}",
        kind.as_str(),
        fold::fold_name(strip_possessive(name.trim()))
    )
}

fn strip_possessive(name: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(s) = name.strip_suffix(suffix) {
            return s;
        }
    }
    name
}

#[cfg(test)]
mod tests;
