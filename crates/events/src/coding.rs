//! Finding event triggers in a sentence and coding them: the verb or noun, the CAMEO
//! pattern that fits the words around it, and the modality its clause gives it.

use tri_model::{EventType, Modality};

use crate::lexicon::{Lexicon, Shape, Step};
use crate::Tok;

/// A trigger found in a sentence, coded.
#[derive(Debug, Clone)]
pub(crate) struct Coded {
    /// Token range of the trigger words.
    pub first: usize,
    pub end: usize,
    /// Token range the coding covers (trigger plus the pattern's words).
    pub extent: (usize, usize),
    pub cameo: String,
    pub noun: bool,
    /// Coded by a pattern of the verb dictionary, not only by the verb's default.
    pub by_pattern: bool,
}

/// Words after which a verb form is a noun ("the control", "Russia's pressure").
const DETERMINERS: &[&str] = &[
    "THE", "A", "AN", "HIS", "HER", "ITS", "THEIR", "OUR", "MY", "YOUR", "THIS", "THAT", "THESE",
    "THOSE", "ANY", "EVERY", "EACH", "'S", "'", "OF", "NO", "SUCH", "MORE", "LESS", "MUCH", "MANY",
    "FEW", "SOME", "WHOSE", "WITHOUT", "FOR", "IN", "ON", "AT", "WITH", "FROM", "BY", "UNDER",
    "AFTER", "BEFORE", "DURING", "AMID", "OVER",
];

/// Words before which a base or third-person form reads as a verb.
const VERB_CONTEXT: &[&str] = &[
    "TO",
    "WILL",
    "WOULD",
    "COULD",
    "SHOULD",
    "MAY",
    "MIGHT",
    "MUST",
    "CAN",
    "CANNOT",
    "'LL",
    "'D",
    "DID",
    "DO",
    "DOES",
    "NOT",
    "N'T",
    "NEVER",
    "ALSO",
    "STILL",
    "NOW",
    "OFTEN",
    "THEY",
    "WE",
    "I",
    "YOU",
    "HE",
    "SHE",
    "IT",
    "WHO",
    "WHICH",
    "THAT",
    "REPORTEDLY",
    "ALREADY",
    "JUST",
    "AGAIN",
    "FURTHER",
    "FIRST",
    "THEN",
    "SOON",
    "REPEATEDLY",
    "ALWAYS",
];

/// Verb forms that are prepositions or conjunctions in news text.
const NOT_EVENTS: &[&str] = &[
    "ACCORDING",
    "GIVEN",
    "BASED",
    "INCLUDING",
    "REGARDING",
    "CONCERNING",
    "FOLLOWING",
    "CONSIDERING",
    "PENDING",
    "BARRING",
    "EXCEPTING",
    "PROVIDED",
    "PROVIDING",
    "SUPPOSED",
    "USED",
    "COMING",
    "LEADING",
    "RULING",
    "SO-CALLED",
    "FOLLOWED",
    "LIKE",
    "REPORTED",
];

/// How far from the verb a pattern's words may be, in tokens.
const POST_WINDOW: usize = 10;
const PRE_WINDOW: usize = 6;

/// Every trigger in the sentence's tokens, left to right, not overlapping.
/// `taken` marks the tokens of participants ("Russian forces" has no FORCE in it), and
/// `after_participant` those that directly follow one (a subject: "they attack").
pub(crate) fn triggers(
    lex: &Lexicon,
    toks: &[Tok],
    taken: &[bool],
    after_participant: &[bool],
) -> Vec<Coded> {
    let upper: Vec<&str> = toks.iter().map(|t| t.upper.as_str()).collect();
    let mut out: Vec<Coded> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A capital in mid-sentence is a name or a headline's word, not an event.
        let capital = i > 0
            && toks[i].span.start < toks[i].span.end
            && toks[i].upper != "I"
            && toks[i].word
            && {
                let first = toks[i].upper.chars().next();
                first.is_some_and(|c| c.is_alphabetic()) && !toks[i].raw_lower
            };
        if !toks[i].word || toks[i].in_name || taken[i] || capital || NOT_EVENTS.contains(&upper[i])
        {
            i += 1;
            continue;
        }
        let Some(forms) = lex.forms.get(upper[i]) else {
            i += 1;
            continue;
        };
        let prev = i.checked_sub(1).map(|j| upper[j]);
        let after_determiner = prev.is_some_and(|p| DETERMINERS.contains(&p));
        let verb_context = prev.is_some_and(|p| VERB_CONTEXT.contains(&p) || p.ends_with("LY"))
            || after_participant[i];
        let hit = forms.iter().find(|f| {
            f.words.len() <= upper.len() - i
                && f.words.iter().zip(&upper[i..]).all(|(w, t)| w == t)
                && !toks[i + 1..i + f.words.len()].iter().any(|t| t.in_name)
                && (f.noun
                    || match f.shape {
                        Shape::Base | Shape::ThirdPerson => verb_context && !after_determiner,
                        Shape::Other => !after_determiner || upper[i].ends_with("ING"),
                    })
                && !(f.noun
                    && upper.get(i + f.words.len()).is_some_and(|n| *n == "TO")
                    && f.words.len() == 1
                    && matches!(upper[i], "DEMAND" | "REQUEST" | "APPEAL"))
        });
        let Some(form) = hit else {
            i += 1;
            continue;
        };
        let end = i + form.words.len();
        let mut extent = (i, end);
        let mut by_pattern = false;
        let code;
        if let Some(b) = form.block {
            let block = &lex.blocks[b];
            let mut best: Option<(usize, (usize, usize), &str)> = None;
            for p in &block.patterns {
                let Some(code) = p.code.as_deref() else {
                    continue;
                };
                let Some((score, ext)) = match_pattern(lex, &upper, toks, i, end, &p.pre, &p.post)
                else {
                    continue;
                };
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, ext, code));
                }
            }
            if let Some((_, ext, c)) = best {
                extent = ext;
                by_pattern = true;
                code = Some(c.to_string());
            } else {
                code = form.code.clone().or_else(|| block.default.clone());
            }
        } else {
            code = form.code.clone();
        }
        if let Some(cameo) = code {
            let coded = Coded {
                first: i,
                end,
                extent,
                cameo,
                noun: form.noun,
                by_pattern,
            };
            // A noun inside what a verb's pattern matched is that event's object
            // ("launched ... attack"); a verb with only its default code before an
            // event noun is a light verb ("approved the delivery of weapons",
            // "held talks"): the noun says what happened.
            match out.last() {
                Some(v) if v.by_pattern && coded.noun && coded.first < v.extent.1 => {}
                // "a ceasefire demand": the first noun modifies the second.
                Some(n) if n.noun && coded.noun && n.end == coded.first => {
                    out.pop();
                    out.push(coded);
                }
                Some(v)
                    if !v.noun
                        && !v.by_pattern
                        && coded.noun
                        && coded.first <= v.end + 4
                        && is_light(upper[v.first]) =>
                {
                    out.pop();
                    out.push(coded);
                }
                _ => out.push(coded),
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Matches a pattern's words around the verb at `first..end`: the words after it in
/// order within the window, the words before it likewise backwards. Returns how many
/// words matched (the pattern's specificity) and the token range covered.
fn match_pattern(
    lex: &Lexicon,
    upper: &[&str],
    toks: &[Tok],
    first: usize,
    end: usize,
    pre: &[Step],
    post: &[Step],
) -> Option<(usize, (usize, usize))> {
    let mut score = 0;
    let mut last = end;
    let mut at = end;
    let limit = clause_end(toks, end).min(end + POST_WINDOW);
    for (k, step) in post.iter().enumerate() {
        let found = if step.adjacent && k > 0 {
            lex.elem_matches(&step.elem, upper, at).map(|n| (at, n))
        } else {
            (at..limit).find_map(|j| lex.elem_matches(&step.elem, upper, j).map(|n| (j, n)))
        }?;
        at = found.0 + found.1;
        last = at;
        score += found.1;
    }
    let mut start = first;
    let mut at = first;
    let floor = clause_start(toks, first).max(first.saturating_sub(PRE_WINDOW));
    for (k, step) in pre.iter().enumerate() {
        let found = if step.adjacent && k > 0 {
            (at > 0)
                .then(|| at - 1)
                .and_then(|j| lex.elem_matches(&step.elem, upper, j).map(|n| (j, n)))
        } else {
            (floor..at).rev().find_map(|j| {
                lex.elem_matches(&step.elem, upper, j)
                    .filter(|n| j + n <= at)
                    .map(|n| (j, n))
            })
        }?;
        at = found.0;
        start = at;
        score += found.1;
    }
    Some((score, (start, last)))
}

/// The token after the last of the clause `at` is in: a semicolon, colon, dash or the
/// sentence's end closes it.
pub(crate) fn clause_end(toks: &[Tok], at: usize) -> usize {
    (at..toks.len())
        .find(|&j| matches!(toks[j].upper.as_str(), ";" | ":" | "—" | "--"))
        .unwrap_or(toks.len())
}

pub(crate) fn clause_start(toks: &[Tok], at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&j| matches!(toks[j].upper.as_str(), ";" | ":" | "—" | "--"))
        .map_or(0, |j| j + 1)
}

/// The modality of the trigger at `first` and whether it is negated, from the words
/// before it in its clause.
pub(crate) fn modality(toks: &[Tok], first: usize, noun: bool) -> (Modality, bool) {
    let start = clause_start(toks, first);
    // A noun's own words ("no talks", "planned talks", "a threat of sanctions") say its
    // modality; the verb it is the object of speaks of another event.
    let reach = if noun { 4 } else { 7 };
    let near = first.saturating_sub(reach).max(start);
    let w = |j: usize| toks[j].upper.as_str();
    let mut negated = false;
    let mut modality = Modality::Asserted;
    // Nearest cue first: "said they would not attack" is hypothetical and negated.
    for j in (near..first).rev() {
        match w(j) {
            "NOT" | "N'T" | "NEVER" | "NEITHER" | "NOR" | "WITHOUT" => negated = true,
            "NO" if noun => negated = true,
            "UNLIKELY" => {
                negated = true;
                modality = pick(modality, Modality::Predicted);
            }
            "LIKELY" | "EXPECTED" | "POISED" | "PREDICTED" | "FORECAST" | "SET"
                if next_is_to(toks, j) =>
            {
                modality = pick(modality, Modality::Predicted)
            }
            "THREATEN" | "THREATENS" | "THREATENED" | "THREATENING"
                if next_is_to(toks, j) || noun =>
            {
                modality = pick(modality, Modality::Threatened)
            }
            "THREAT" | "THREATS" if next_is_to(toks, j) || w(j + 1) == "OF" => {
                modality = pick(modality, Modality::Threatened)
            }
            "DEMAND" | "DEMANDS" | "DEMANDED" | "DEMANDING" | "URGE" | "URGES" | "URGED"
            | "URGING" | "REQUIRE" | "REQUIRES" | "REQUIRED" | "ASK" | "ASKS" | "ASKED"
            | "CALLED" | "CALLS" | "CALLING" | "INSISTED" | "INSISTS" | "ORDERED" | "ORDERS"
            | "PRESSED" | "PRESSING" => modality = pick(modality, Modality::Demanded),
            "WILL" | "'LL" | "SHALL" | "PLAN" | "PLANS" | "PLANNED" | "PLANNING" | "INTEND"
            | "INTENDS" | "INTENDED" | "SCHEDULED" | "GOING" | "PROMISED" | "PROMISES"
            | "PLEDGED" | "PLEDGES" | "VOWED" | "VOWS" | "READY" | "PREPARED" | "PREPARING"
            | "AGREED" | "AGREES" | "OFFERED" | "OFFERS" | "UPCOMING" | "FUTURE" | "NEXT"
            | "PROPOSED" => modality = pick(modality, Modality::Planned),
            "COULD" | "WOULD" | "MIGHT" | "MAY" | "CAN" | "POSSIBLE" | "POSSIBLY" | "PERHAPS"
            | "POTENTIAL" => modality = pick(modality, Modality::Hypothetical),
            _ => {}
        }
    }
    if (if noun { near } else { start }..first).any(|j| matches!(w(j), "IF" | "UNLESS")) {
        modality = Modality::Conditional;
    }
    if modality == Modality::Asserted && negated {
        modality = Modality::Negated;
    }
    (modality, negated)
}

/// The first cue read (the nearest to the trigger) decides.
fn pick(current: Modality, cue: Modality) -> Modality {
    if current == Modality::Asserted || current == Modality::Negated {
        cue
    } else {
        current
    }
}

fn next_is_to(toks: &[Tok], j: usize) -> bool {
    toks.get(j + 1).is_some_and(|t| t.upper == "TO")
}

/// PLOVER's rule for events spoken of in the future (manual, sections 2.3 and 3.1): a
/// cooperative action that is planned or offered is coded AGREE; a conflictual action
/// that is only planned or possible is a threat. Returns the CAMEO code to code it with
/// instead, when the rule applies.
pub(crate) fn recode_for_modality(
    kind: EventType,
    cameo: &str,
    modality: Modality,
) -> Option<&'static str> {
    if !matches!(modality, Modality::Planned | Modality::Hypothetical) {
        return None;
    }
    Some(match kind {
        EventType::Consult => "036",
        EventType::Support => "032",
        EventType::Cooperate => "031",
        EventType::Aid => "033",
        EventType::Assault => "138",
        EventType::Coerce if cameo.starts_with("192") => "1382",
        EventType::Coerce if cameo.starts_with("191") => "1381",
        EventType::Coerce => "132",
        EventType::Sanction if cameo.starts_with("166") => "136",
        EventType::Sanction => "1313",
        _ => return None,
    })
}

/// Verbs that take an event noun as their object and add little to it: "approved the
/// delivery", "launched an offensive", "held talks".
fn is_light(verb: &str) -> bool {
    const LIGHT: &[&str] = &[
        "APPROV", "LAUNCH", "CONDUCT", "STAG", "HOLD", "HELD", "ORDER", "ANNOUNC", "BEGIN",
        "BEGAN", "BEGUN", "START", "CONTINU", "RESUM", "INTENSIF", "ESCALAT", "MAKE", "MAKING",
        "MADE", "TAKE", "TAKING", "TOOK", "GIVE", "GIVING", "GAVE", "ISSU", "CARR", "UNLEASH",
        "MOUNT", "INITIAT", "AUTHORI", "PERMIT", "ALLOW", "PROMIS", "OFFER", "AGREE", "PLEDG",
        "SIGN", "IMPOS", "INCREAS", "STEP", "EXPAND", "PROVID", "SEND", "SENT", "DELIVER",
    ];
    LIGHT.iter().any(|l| verb.starts_with(l))
}

/// What a verb that governs an event asks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Governing {
    Demand,
    Threat,
    Refusal,
}

/// The verb before the trigger's "to" that makes it the object of a demand, threat or
/// refusal ("called on the prime minister to resign", "threatened to close", "refused
/// to allow"), and where it stands.
pub(crate) fn governing_cue(toks: &[Tok], first: usize) -> Option<(usize, Governing)> {
    if first == 0 || toks[first - 1].upper != "TO" {
        return None;
    }
    let start = clause_start(toks, first).max(first.saturating_sub(8));
    (start..first - 1).rev().find_map(|j| {
        let g =
            match toks[j].upper.as_str() {
                "DEMAND" | "DEMANDS" | "DEMANDED" | "DEMANDING" | "URGE" | "URGES" | "URGED"
                | "URGING" | "ASK" | "ASKS" | "ASKED" | "ASKING" | "CALLED" | "CALLS"
                | "CALLING" | "ORDERED" | "ORDERS" | "PRESSED" | "PRESSING" | "REQUESTED"
                | "REQUESTS" | "APPEALED" | "REQUIRES" | "REQUIRED" | "REQUIRE" | "INSISTED"
                | "TOLD" => Governing::Demand,
                "THREATEN" | "THREATENS" | "THREATENED" | "THREATENING" => Governing::Threat,
                "REFUSE" | "REFUSES" | "REFUSED" | "REFUSING" | "DECLINED" | "DECLINES"
                | "DECLINE" => Governing::Refusal,
                _ => return None,
            };
        Some((j, g))
    })
}
