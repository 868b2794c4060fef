//! The word lists entity resolution reads: role nouns and titles, their modifiers, the
//! verbs that make a place name an actor, and the function words that are never part of a
//! name. All lists are lower case and sorted (a test checks); one table, built on first
//! use, answers every membership question about a word with one hash lookup.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Nouns that name a role, office or occupation ("president", "spokesman", "researcher").
/// Before a name they make a title ("Kremlin spokesman Dmitry Peskov"), after it an
/// appositive (", a senior researcher at ...").
const ROLE_NOUNS: &[&str] = &[
    "adjutant",
    "administrator",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "attorney",
    "author",
    "ayatollah",
    "bishop",
    "blogger",
    "boss",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "co-founder",
    "cofounder",
    "colonel",
    "columnist",
    "commander",
    "commander-in-chief",
    "commentator",
    "commissioner",
    "congressman",
    "congresswoman",
    "consultant",
    "coordinator",
    "correspondent",
    "councillor",
    "councilor",
    "delegate",
    "deputy",
    "dictator",
    "diplomat",
    "director",
    "economist",
    "editor",
    "emir",
    "emperor",
    "envoy",
    "executive",
    "expert",
    "fellow",
    "founder",
    "general",
    "governor",
    "head",
    "historian",
    "journalist",
    "judge",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lecturer",
    "legislator",
    "lieutenant",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "mp",
    "negotiator",
    "officer",
    "official",
    "ombudsman",
    "patriarch",
    "politician",
    "pollster",
    "pope",
    "premier",
    "president",
    "president-elect",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "rapporteur",
    "reporter",
    "representative",
    "researcher",
    "scholar",
    "scientist",
    "secretary",
    "secretary-general",
    "senator",
    "sergeant",
    "sheikh",
    "sociologist",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "sultan",
    "writer",
];

/// Roles written as several words with a preposition inside, which a word-by-word walk
/// cannot see ("Secretary of State Marco Rubio"). Lower case, as token sequences.
const ROLE_PHRASES: &[&[&str]] = &[
    &["chief", "of", "the", "general", "staff"],
    &["minister", "for", "foreign", "affairs"],
    &["minister", "of", "foreign", "affairs"],
    &["secretary", "of", "the", "treasury"],
    &["chief", "of", "general", "staff"],
    &["commander", "in", "chief"],
    &["member", "of", "parliament"],
    &["minister", "of", "defence"],
    &["minister", "of", "defense"],
    &["secretary", "of", "defence"],
    &["secretary", "of", "defense"],
    &["secretary", "of", "state"],
    &["secretary", "of", "war"],
    &["chief", "of", "staff"],
    &["head", "of", "state"],
];

/// Abbreviated titles that precede a name ("Gen.", "Sen.", "Dr").
const TITLES: &[&str] = &[
    "adm", "amb", "capt", "col", "dr", "gen", "gov", "lt", "maj", "mr", "mrs", "ms", "pres",
    "prof", "rep", "rev", "sen", "sgt", "sir",
];

/// Words that qualify a role noun ("senior", "special", "foreign", "prime", "vice").
const ROLE_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "chief",
    "crown",
    "defence",
    "defense",
    "deputy",
    "economic",
    "economy",
    "energy",
    "ex",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "government",
    "grand",
    "intelligence",
    "interim",
    "interior",
    "junior",
    "lead",
    "leading",
    "longtime",
    "managing",
    "military",
    "national",
    "non-resident",
    "nonresident",
    "opposition",
    "party",
    "policy",
    "political",
    "presidential",
    "press",
    "prime",
    "principal",
    "regional",
    "research",
    "resident",
    "security",
    "senior",
    "special",
    "supreme",
    "top",
    "trade",
    "veteran",
    "vice",
    "visiting",
];

/// Role nouns a nominal mention can be headed by ("the Russian president", "the Kremlin
/// chief"), mapped to the office they name. `leader`, `chief` and `head` name whoever leads.
const NOMINAL_HEADS: &[(&str, &str)] = &[
    ("chancellor", "chancellor"),
    ("chief", "leader"),
    ("head", "leader"),
    ("king", "king"),
    ("leader", "leader"),
    ("premier", "prime minister"),
    ("president", "president"),
    ("spokesman", "spokesman"),
    ("spokesperson", "spokesman"),
    ("spokeswoman", "spokesman"),
];

/// Offices that count as "the leader" of a country, in the order a nominal "leader" tries
/// them (countries in [`HEAD_OF_GOVERNMENT_LEADS`] try the head of government first).
pub(crate) const LEADER_OFFICES: &[&str] = &[
    "supreme leader",
    "president",
    "chancellor",
    "prime minister",
];

/// Parliamentary republics, whose president is ceremonial: there "the Italian leader" is the
/// prime minister. ISO 3166-1 alpha-2, sorted.
const HEAD_OF_GOVERNMENT_LEADS: &[&str] = &[
    "AL", "AM", "AT", "BA", "BD", "BG", "CZ", "DE", "EE", "ET", "GR", "HR", "HU", "IE", "IL", "IN",
    "IQ", "IT", "LV", "MK", "MT", "NP", "PK", "PT", "SG", "SI", "SK",
];

/// Base forms of the verbs whose subject is an actor: reporting ("say", "insist"),
/// stance ("reject", "demand") and political or military action ("occupy", "halt").
const ACTOR_VERBS: &[&str] = &[
    "accept",
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "agree",
    "aim",
    "annex",
    "announce",
    "approve",
    "argue",
    "ask",
    "attack",
    "ban",
    "believe",
    "blame",
    "block",
    "call",
    "claim",
    "comment",
    "condemn",
    "confirm",
    "consider",
    "continue",
    "criticise",
    "criticize",
    "decide",
    "declare",
    "demand",
    "deny",
    "dismiss",
    "emphasise",
    "emphasize",
    "endorse",
    "expect",
    "expel",
    "fear",
    "halt",
    "hope",
    "impose",
    "indicate",
    "insist",
    "intend",
    "invade",
    "launch",
    "maintain",
    "negotiate",
    "note",
    "occupy",
    "offer",
    "oppose",
    "order",
    "plan",
    "pledge",
    "praise",
    "prepare",
    "press",
    "prioritise",
    "prioritize",
    "promise",
    "propose",
    "push",
    "recall",
    "recognise",
    "recognize",
    "refuse",
    "reiterate",
    "reject",
    "repeat",
    "reply",
    "report",
    "request",
    "resist",
    "respond",
    "retaliate",
    "say",
    "seek",
    "send",
    "sign",
    "signal",
    "state",
    "stop",
    "stress",
    "suggest",
    "summon",
    "support",
    "threaten",
    "urge",
    "veto",
    "view",
    "vow",
    "want",
    "warn",
    "welcome",
];

/// Irregular finite forms of actor verbs.
const ACTOR_VERBS_IRREGULAR: &[&str] = &[
    "gave", "held", "kept", "made", "said", "saw", "sent", "sought", "spoke", "struck", "took",
    "wrote",
];

/// Auxiliaries and modals between an actor and its verb ("Moscow does not halt").
const AUXILIARIES: &[&str] = &[
    "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

/// Words skipped between an actor and its verb ("the Kremlin now occupies", "has not made").
const VERB_SKIPS: &[&str] = &[
    "again", "already", "also", "n't", "never", "not", "now", "still", "yet",
];

/// Nouns that make a possessive metonym an actor: "the Kremlin's position".
const POLICY_NOUNS: &[&str] = &[
    "aims",
    "approach",
    "attack",
    "attacks",
    "calculus",
    "call",
    "campaign",
    "claim",
    "claims",
    "conditions",
    "decision",
    "demand",
    "demands",
    "goals",
    "insistence",
    "intentions",
    "invasion",
    "line",
    "objectives",
    "offensive",
    "offer",
    "plan",
    "plans",
    "policy",
    "position",
    "proposal",
    "proposals",
    "reaction",
    "refusal",
    "rejection",
    "response",
    "stance",
    "statement",
    "strategy",
    "terms",
    "threat",
    "threats",
    "ultimatum",
    "view",
    "views",
    "war",
    "warning",
];

/// Words that never begin a name; the tagger sometimes pulls a capitalised one in at the
/// start of a sentence or headline ("Despite Trump", "If Ukrainian", "By Observer News").
const LEADING_STOPWORDS: &[&str] = &[
    "about",
    "according",
    "after",
    "against",
    "also",
    "although",
    "amid",
    "among",
    "and",
    "as",
    "at",
    "because",
    "before",
    "between",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "following",
    "for",
    "from",
    "how",
    "however",
    "if",
    "in",
    "including",
    "meanwhile",
    "of",
    "on",
    "once",
    "or",
    "over",
    "per",
    "read",
    "regarding",
    "see",
    "since",
    "so",
    "than",
    "that",
    "the",
    "then",
    "these",
    "this",
    "those",
    "though",
    "to",
    "under",
    "unless",
    "unlike",
    "until",
    "via",
    "what",
    "when",
    "where",
    "whether",
    "while",
    "why",
    "with",
    "within",
    "without",
    "yet",
];

/// Compass adjectives and nouns: "Western assessments", "the West". The gazetteer knows
/// regions with these names somewhere in the world, but on their own in news they are
/// almost never those regions.
const DIRECTION_WORDS: &[&str] = &[
    "central", "east", "eastern", "north", "northern", "south", "southern", "west", "western",
];

/// Words that join the parts of an organisation's name ("Institute for Strategic Studies").
const NAME_CONNECTORS: &[&str] = &[
    "&", "and", "de", "del", "der", "for", "of", "on", "the", "von",
];

/// Lower-case nouns after a name that the gazetteer may know together with it ("Trump
/// administration", "Russian forces", "Kursk region").
pub(crate) const EXTENDERS: &[&str] = &[
    "administration",
    "army",
    "authorities",
    "forces",
    "government",
    "military",
    "oblast",
    "province",
    "region",
    "troops",
];

/// Words a headline's capitalisation count ignores.
const HEADLINE_SKIPS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to",
    "vs", "with",
];

/// Every list, in the order of its bit in [`flags`]' answer.
const LISTS: [&[&str]; 14] = [
    ROLE_NOUNS,
    TITLES,
    ROLE_MODIFIERS,
    HEAD_OF_GOVERNMENT_LEADS,
    ACTOR_VERBS,
    ACTOR_VERBS_IRREGULAR,
    AUXILIARIES,
    VERB_SKIPS,
    POLICY_NOUNS,
    LEADING_STOPWORDS,
    DIRECTION_WORDS,
    NAME_CONNECTORS,
    EXTENDERS,
    HEADLINE_SKIPS,
];

/// The bit of each list in [`flags`]' answer.
#[derive(Clone, Copy)]
#[repr(u16)]
enum List {
    RoleNouns,
    Titles,
    RoleModifiers,
    HeadOfGovernmentLeads,
    ActorVerbs,
    ActorVerbsIrregular,
    Auxiliaries,
    VerbSkips,
    PolicyNouns,
    LeadingStopwords,
    DirectionWords,
    NameConnectors,
    Extenders,
    HeadlineSkips,
}

/// For every word of any list, the bits of the lists holding it.
fn flags(lower: &str) -> u16 {
    static TABLE: OnceLock<tri_model::FnvMap<&'static str, u16>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: tri_model::FnvMap<&'static str, u16> = HashMap::default();
        for (bit, list) in LISTS.iter().enumerate() {
            for w in list.iter() {
                *t.entry(w).or_default() |= 1 << bit;
            }
        }
        t
    });
    table.get(lower).copied().unwrap_or(0)
}

fn has(list: List, lower: &str) -> bool {
    flags(lower) & (1 << list as u16) != 0
}

/// Lower-cases `word` into a small stack-friendly `String` (ASCII fast path).
pub(crate) fn lower(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// The word without an abbreviation's trailing period ("Gen." → "Gen").
fn unperiod(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

pub(crate) fn is_role_noun(lower: &str) -> bool {
    has(List::RoleNouns, lower) || has(List::RoleNouns, lower.strip_suffix('s').unwrap_or(""))
}

/// A singular role noun ("spokesman"), not a plural ("officials").
pub(crate) fn is_role_noun_singular(lower: &str) -> bool {
    has(List::RoleNouns, lower)
}

pub(crate) fn is_title(lower: &str) -> bool {
    has(List::Titles, unperiod(lower))
}

pub(crate) fn is_role_modifier(lower: &str) -> bool {
    has(List::RoleModifiers, lower)
}

/// Multi-word role phrases, longest first.
pub(crate) fn role_phrases() -> &'static [&'static [&'static str]] {
    ROLE_PHRASES
}

/// The office a nominal head names ("spokeswoman" → "spokesman"), if it can head one.
/// Called on every token, so a `match` rather than a search of [`NOMINAL_HEADS`].
pub(crate) fn nominal_office(lower: &str) -> Option<&'static str> {
    let office = match lower {
        "chancellor" => "chancellor",
        "chief" | "head" | "leader" => "leader",
        "king" => "king",
        "premier" => "prime minister",
        "president" => "president",
        "spokesman" | "spokesperson" | "spokeswoman" => "spokesman",
        _ => return None,
    };
    debug_assert!(NOMINAL_HEADS
        .iter()
        .any(|&(w, o)| w == lower && o == office));
    Some(office)
}

pub(crate) fn head_of_government_leads(country: &str) -> bool {
    has(List::HeadOfGovernmentLeads, country)
}

pub(crate) fn is_auxiliary(lower: &str) -> bool {
    has(List::Auxiliaries, lower)
}

pub(crate) fn is_verb_skip(lower: &str) -> bool {
    has(List::VerbSkips, lower) || (lower.len() > 4 && lower.ends_with("ly"))
}

pub(crate) fn is_policy_noun(lower: &str) -> bool {
    has(List::PolicyNouns, lower)
}

pub(crate) fn is_leading_stopword(lower: &str) -> bool {
    has(List::LeadingStopwords, lower)
}

pub(crate) fn is_direction_word(lower: &str) -> bool {
    has(List::DirectionWords, lower)
}

pub(crate) fn is_name_connector(lower: &str) -> bool {
    has(List::NameConnectors, lower)
}

pub(crate) fn is_extender(lower: &str) -> bool {
    has(List::Extenders, lower)
}

pub(crate) fn is_headline_skip(lower: &str) -> bool {
    has(List::HeadlineSkips, lower)
}

/// True when `lower` is a finite or participle form of an actor verb ("insists",
/// "warned", "occupies", "stopped", "said", "preparing"), or with `allow_base` its base
/// form ("does not halt"; a bare base form after a singular name is usually a noun).
pub(crate) fn is_actor_verb(lower: &str, allow_base: bool) -> bool {
    if has(List::ActorVerbsIrregular, lower) || (allow_base && has(List::ActorVerbs, lower)) {
        return true;
    }
    let base_of = |stem: &str| -> bool {
        if stem.len() < 2 {
            return false;
        }
        if has(List::ActorVerbs, stem) {
            return true;
        }
        // "stopped" → "stopp" → "stop"; "warned" → "warn"; "believed" → "believ" + e
        let b = stem.as_bytes();
        if b.len() >= 2
            && b[b.len() - 1] == b[b.len() - 2]
            && has(List::ActorVerbs, &stem[..stem.len() - 1])
        {
            return true;
        }
        let with_e = format!("{stem}e");
        has(List::ActorVerbs, &with_e)
    };
    if let Some(stem) = lower
        .strip_suffix("ies")
        .or_else(|| lower.strip_suffix("ied"))
    {
        if has(List::ActorVerbs, &format!("{stem}y")) {
            return true;
        }
    }
    for suffix in ["es", "s", "ed", "d", "ing"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if base_of(stem) {
                return true;
            }
        }
    }
    false
}

/// Reporting verbs that, before "the Kremlin", make it the speaker: "said the Kremlin".
pub(crate) fn is_inverted_reporting_verb(lower: &str) -> bool {
    matches!(
        lower,
        "said" | "says" | "warned" | "added" | "insisted" | "stated"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in LISTS {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{:?}",
                list.windows(2).find(|w| w[0] >= w[1])
            );
        }
        assert!(NOMINAL_HEADS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn actor_verbs_in_their_inflections() {
        for w in [
            "said",
            "says",
            "insists",
            "warned",
            "occupies",
            "stopped",
            "believes",
            "believed",
            "denied",
            "preparing",
            "made",
        ] {
            assert!(is_actor_verb(w, false), "{w}");
        }
        assert!(is_actor_verb("halt", true));
        assert!(!is_actor_verb("view", false));
        for w in ["sources", "insiders", "city", "the", "officials"] {
            assert!(!is_actor_verb(w, true), "{w}");
        }
    }

    #[test]
    fn role_words() {
        assert!(is_role_noun("spokesman"));
        assert!(is_role_noun("officials"));
        assert!(!is_role_noun_singular("officials"));
        assert!(is_title("gen."));
        assert!(is_role_modifier("senior"));
        assert_eq!(nominal_office("spokeswoman"), Some("spokesman"));
        assert_eq!(nominal_office("chief"), Some("leader"));
    }
}
