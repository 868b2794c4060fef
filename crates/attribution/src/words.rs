//! Closed word classes the attribution rules read: pronouns, counts, the nouns that
//! name anonymous sources, outlets referred to by what they are, documents.

/// Words that end a subject noun phrase when read backwards from its verb: a clause
/// or phrase starts after them.
pub(crate) const CLAUSE_BOUNDARY: &[&str] = &[
    "that",
    "but",
    "while",
    "when",
    "because",
    "as",
    "if",
    "so",
    "since",
    "although",
    "though",
    "after",
    "before",
    "which",
    "where",
    "whom",
    "whether",
    "than",
    "then",
    "and",
    "or",
    "nor",
    "yet",
    "until",
    "unless",
    "once",
    "meanwhile",
    "however",
    "instead",
    "what",
    "how",
    "why",
    "also",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "not",
    "never",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "about",
    "into",
    "over",
    "after",
    "during",
    "against",
    "under",
    "between",
    "among",
    "without",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "there",
    "here",
    "now",
    "today",
    "yesterday",
];

/// Prepositions that may sit inside a subject phrase ("sources close to the Kremlin",
/// "the leader of the Luhansk region", "a person familiar with the matter").
pub(crate) const INNER_PREPOSITIONS: &[&str] = &[
    "of", "to", "with", "in", "at", "for", "from", "on", "inside", "within", "near", "close",
    "familiar", "the", "a", "an",
];

/// Words between a subject and its verb that belong to neither: "Peskov also said",
/// "Trump has repeatedly said".
pub(crate) const VERB_PREFIX: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "previously",
    "later",
    "reportedly",
    "then",
    "further",
    "earlier",
    "recently",
    "again",
    "once",
    "would",
    "will",
    "did",
    "does",
    "do",
    "repeatedly",
    "publicly",
    "privately",
    "openly",
    "separately",
    "initially",
    "still",
    "already",
    "often",
    "frequently",
    "allegedly",
    "apparently",
    "subsequently",
    "finally",
    "just",
    "only",
    "even",
    "first",
    "reiterated",
    "had",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
    "has",
    "long",
];

/// Personal pronouns that can be a speaker, with whether they are plural.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "she" => Pronoun::Person,
        "they" => Pronoun::Plural,
        "it" => Pronoun::Thing,
        "who" => Pronoun::Relative,
        "i" | "we" | "you" => Pronoun::Speaker,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    Person,
    Plural,
    Thing,
    Relative,
    /// First and second person: the speaker is whoever the surrounding quote is by.
    Speaker,
}

/// A count word at the start of an anonymous source's descriptor: `Some(n)` for an
/// exact count, `None` for a vague one ("several", "some").
pub(crate) fn count(word: &str) -> Option<Option<u32>> {
    Some(match word {
        "a" | "an" | "one" | "another" | "single" => Some(1),
        "two" | "both" | "pair" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        "eleven" => Some(11),
        "twelve" => Some(12),
        "dozen" => Some(12),
        "several" | "some" | "many" | "multiple" | "numerous" | "few" | "various" | "other"
        | "dozens" => None,
        w if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() => w.parse().ok(),
        _ => return None,
    })
}

/// The nouns that name an unnamed source, singular and plural.
pub(crate) fn anonymous_head(word: &str) -> Option<(&'static str, bool)> {
    Some(match word {
        "source" => ("source", false),
        "sources" => ("source", true),
        "official" => ("official", false),
        "officials" => ("official", true),
        "person" | "someone" | "individual" => ("person", false),
        "people" | "persons" | "individuals" => ("person", true),
        "insider" => ("insider", false),
        "insiders" => ("insider", true),
        "diplomat" => ("diplomat", false),
        "diplomats" => ("diplomat", true),
        "aide" => ("aide", false),
        "aides" => ("aide", true),
        "adviser" | "advisor" => ("adviser", false),
        "advisers" | "advisors" => ("adviser", true),
        "staffer" => ("staffer", false),
        "staffers" => ("staffer", true),
        "figure" => ("figure", false),
        "figures" => ("figure", true),
        "officer" => ("officer", false),
        "officers" => ("officer", true),
        "employee" => ("employee", false),
        "employees" => ("employee", true),
        "negotiator" => ("negotiator", false),
        "negotiators" => ("negotiator", true),
        _ => return None,
    })
}

/// Words that make a source unnamed on purpose ("an unnamed official", "anonymous
/// sources"), or that tie it to what it is close to.
pub(crate) const AFFILIATION_LINKS: &[&str] = &[
    "close",
    "familiar",
    "in",
    "at",
    "from",
    "inside",
    "within",
    "with",
    "of",
    "near",
    "knowledgeable",
    "briefed",
    "involved",
    "linked",
    "connected",
];

/// "the publication writes": an outlet referred to by what it is.
pub(crate) fn outlet_noun(word: &str) -> bool {
    matches!(
        word,
        "publication"
            | "newspaper"
            | "paper"
            | "agency"
            | "outlet"
            | "magazine"
            | "daily"
            | "broadcaster"
            | "network"
            | "website"
            | "site"
            | "tabloid"
            | "weekly"
            | "channel"
    )
}

/// Nouns that name a document or data as a source ("the report said", "a poll shows").
pub(crate) fn document_noun(word: &str) -> bool {
    matches!(
        word,
        "report"
            | "reports"
            | "poll"
            | "polls"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "statement"
            | "data"
            | "analysis"
            | "document"
            | "documents"
            | "letter"
            | "memo"
            | "assessment"
            | "filing"
            | "indictment"
            | "complaint"
            | "lawsuit"
            | "ruling"
            | "transcript"
            | "release"
            | "research"
            | "findings"
            | "estimates"
            | "figures"
            | "records"
            | "book"
            | "article"
            | "op-ed"
            | "editorial"
            | "post"
            | "tweet"
            | "video"
            | "ad"
            | "website"
    )
}

/// Adverbial words that may sit between a cue and its content ("said on Monday that",
/// "told reporters in Washington that").
pub(crate) fn is_month_or_day(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
            | "today"
            | "yesterday"
            | "tuesday's"
    )
}

/// Cue forms that are as often nouns ("the post", "a report", "his claims"): cues only
/// before "that" or right after a pronoun or a name.
pub(crate) fn nounish_cue(word: &str) -> bool {
    matches!(
        word,
        "post"
            | "posts"
            | "report"
            | "reports"
            | "claim"
            | "claims"
            | "comment"
            | "comments"
            | "note"
            | "notes"
            | "charge"
            | "charges"
            | "estimate"
            | "estimates"
            | "tweet"
            | "tweets"
            | "promise"
            | "promises"
            | "pledge"
            | "pledges"
            | "vow"
            | "vows"
            | "counter"
            | "echo"
            | "echoes"
            | "stress"
            | "hint"
            | "hints"
            | "reply"
            | "replies"
            | "continue"
            | "continues"
            | "maintain"
            | "doubt"
            | "doubts"
            | "fear"
            | "fears"
            | "hope"
            | "hopes"
            | "remark"
            | "remarks"
            | "joke"
            | "jokes"
            | "whisper"
            | "shout"
            | "caution"
            | "warning"
            | "lament"
            | "boast"
            | "posted"
            | "continued"
            | "thought"
            | "reads"
            | "indicate"
            | "indicates"
            | "concern"
            | "concerns"
            | "release"
            | "releases"
            | "state"
            | "states"
            | "mention"
            | "mentions"
            | "ask"
            | "asks"
            | "support"
            | "supports"
            | "attack"
            | "attacks"
            | "question"
            | "questions"
            | "demand"
            | "demands"
            | "blame"
            | "defend"
            | "propose"
            | "refuse"
            | "decline"
            | "declines"
            | "praise"
            | "want"
            | "call"
            | "calls"
            | "urge"
            | "urges"
    )
}

/// Verbs that attribute a quoted phrase by naming something with it: "called the plan
/// "reckless"", "described it as "fantastic"".
pub(crate) fn naming_verb(word: &str) -> bool {
    matches!(
        word,
        "called"
            | "calling"
            | "calls"
            | "call"
            | "described"
            | "describing"
            | "describes"
            | "dubbed"
            | "dubbing"
            | "labeled"
            | "labelled"
            | "labeling"
            | "labelling"
            | "termed"
            | "branded"
            | "branding"
            | "urging"
            | "urged"
            | "urges"
            | "praised"
            | "praising"
            | "slammed"
            | "blasted"
            | "denounced"
            | "hailed"
            | "touted"
            | "promised"
            | "vowed"
            | "pledged"
            | "declared"
            | "declaring"
            | "warned"
            | "warning"
            | "accused"
            | "characterized"
            | "characterised"
    )
}
