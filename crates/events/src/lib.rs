//! Events: who did what to whom, where and when, coded in PLOVER (manual draft 2.0)
//! with the CAMEO code each was coded with.
//!
//! Sits last in the annotation pipeline and is a pure function of the text and what the
//! stages before found: sentences, entities, quotes, and the chronology. Sentence by
//! sentence:
//! 1. **Triggers** ([`coding`]): a verb of PETRARCH's CAMEO verb dictionary
//!    (`models/events/cameo-verbs.txt`, about 400 verb blocks and 4,700 patterns), in any
//!    inflection, or a noun of ours that names an event (`nouns.tsv`: "talks", "attack",
//!    "threat", "sanctions"). The dictionary pattern that matches most words around the
//!    verb ("launched ... attack", "turned down ... offer") gives the CAMEO code, else
//!    the verb's or its block's default; CAMEO's two dropped categories (statements,
//!    appeals) give no event. The CAMEO code maps to a PLOVER category, mode and
//!    context through the PLOVER project's table (`cameo2plover.txt`).
//! 2. **Modality** from the words before the trigger in its clause: negation, threats
//!    ("threatened to"), demands ("demanded that"), plans ("will", "plans to"),
//!    conditions ("if"), possibility ("could"), forecasts ("is unlikely to"). As the
//!    manual says, a planned cooperative action is AGREE and a planned or possible
//!    conflictual one a THREATEN.
//! 3. **Actor and recipient** among the sentence's participants: its entities, a
//!    nationality with an agent noun ("Russian forces" → Russia, MIL), agent nouns
//!    ("police" → COP, `agents.tsv`), "the capital of X", and pronouns, which take the
//!    last participant named before. The actor is the nearest participant before the
//!    trigger that no preposition governs (or the agent after "by" in a passive); the
//!    recipient the first one after it, with those coordinated with it. An event with
//!    no actor in its sentence gets the article's dominant foreign country, marked
//!    inferred.
//! 4. **Place, date, reporter**: the place after "in", "at" or "near", through the
//!    gazetteer; the nearest date of the chronology in the sentence; and the quote the
//!    event is told in, with its speaker and the outlet it came through.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod args;
mod classifier;
mod coding;
pub mod export;
mod lexicon;

use tri_gazetteer::Gazetteer;
use tri_model::{Attributions, Chronology, Entity, Event, EventDate, EventType, Report, Span};
use tri_text::{Segmented, TokenKind};

pub use classifier::{sentence_features, train as train_classifier, Classifier, TrainOptions};
pub use tri_model::{Modality, Participant, Place};

/// What the events stage reads: an article's text with the annotations of the stages
/// before it.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The article's body text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub segmented: &'a Segmented,
    /// Its resolved entities.
    pub entities: &'a [Entity],
    /// Its quotes, sources and provenance.
    pub attributions: &'a Attributions,
    /// Its temporal expressions.
    pub chronology: &'a Chronology,
    /// The gazetteer the entities were resolved with.
    pub gazetteer: &'a Gazetteer,
}

/// Names the lexicons the stage runs on, so stored events record what made them.
pub fn fingerprint() -> String {
    let mut h = tri_model::FnvHasher::default();
    for part in [
        lexicon::VERBS_TXT,
        lexicon::CAMEO2PLOVER_TXT,
        lexicon::NOUNS_TSV,
        lexicon::AGENTS_TSV,
        lexicon::SCORES_TSV,
        classifier::MODEL_TSV,
        include_str!("classifier.rs"),
        include_str!("coding.rs"),
        include_str!("args.rs"),
        include_str!("lib.rs"),
    ] {
        std::hash::Hasher::write(&mut h, part.as_bytes());
    }
    format!(
        "{}-{:016x}",
        env!("CARGO_PKG_VERSION"),
        std::hash::Hasher::finish(&h)
    )
}

/// The PLOVER version the categories, modes and scores follow.
pub const PLOVER_VERSION: &str = "PLOVER manual draft 2.0 (2024-02-04)";

/// A token of a sentence as the stage reads it.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub span: Span,
    /// Upper case, curly apostrophes straightened.
    pub upper: String,
    pub word: bool,
    /// Inside a multi-word name ("Attack Helicopter Regiment" is no attack).
    pub in_name: bool,
    /// Written in lower case (or not a letter).
    pub raw_lower: bool,
    /// A number ("twenty" is a word; "20" a number).
    pub kind_number: bool,
}

/// Every event in the article, in text order.
pub fn extract(input: &Input<'_>) -> Vec<Event> {
    let lex = lexicon::lexicon();
    let mut memory = args::Memory::default();
    let mut events = Vec::new(); // Which tokens lie inside a multi-word name, and each sentence's entity mentions
                                 // (entity index, mention index), found once for the article.
    let tokens = &input.segmented.tokens;
    let mut in_name = vec![false; tokens.len()];
    let mut by_sentence: Vec<Vec<(usize, usize)>> =
        vec![Vec::new(); input.segmented.sentences.len()];
    for (ei, e) in input.entities.iter().enumerate() {
        for (mi, m) in e.mentions.iter().enumerate() {
            let first = tokens.partition_point(|t| t.span.end <= m.span.start);
            if m.span.of(input.text).contains(' ') {
                for t in first..tokens.len() {
                    if tokens[t].span.start >= m.span.end {
                        break;
                    }
                    in_name[t] = true;
                }
            }
            let s = input
                .segmented
                .sentences
                .partition_point(|s| s.span.end <= m.span.start);
            if let Some(list) = by_sentence.get_mut(s) {
                list.push((ei, mi));
            }
        }
    }
    for (si, sentence) in input.segmented.sentences.iter().enumerate() {
        let toks: Vec<Tok> = input.segmented.tokens[sentence.first_token..sentence.end_token]
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let s = t.span.of(input.text);
                Tok {
                    span: t.span,
                    upper: s.replace('\u{2019}', "'").to_uppercase(),
                    word: t.kind == TokenKind::Word,
                    in_name: in_name[sentence.first_token + k]
                        && s.chars().next().is_some_and(char::is_uppercase),
                    raw_lower: !s.chars().next().is_some_and(char::is_uppercase),
                    kind_number: t.kind == TokenKind::Number,
                }
            })
            .collect();
        if toks.is_empty() {
            continue;
        }
        let participants = args::participants(input, lex, &toks, &by_sentence[si], &mut memory);
        let mut taken = vec![false; toks.len()];
        let mut after_participant = vec![false; toks.len()];
        for c in &participants {
            taken[c.first..c.end].iter_mut().for_each(|t| *t = true);
            // "Putin reportedly turned": an adverb may stand between.
            if let Some(a) = after_participant.get_mut(c.end) {
                *a = true;
            }
        }
        let mut previous_noun: Option<(usize, usize)> = None;
        let first_event = events.len();
        let mut nominal: Vec<bool> = Vec::new();
        let triggers = coding::triggers(lex, &toks, &taken, &after_participant);
        for (k, coded) in triggers.iter().enumerate() {
            let coded = coded.clone();
            let Some(e) = build(
                input,
                lex,
                &toks,
                sentence.span,
                &participants,
                &coded,
                &triggers[..k],
            ) else {
                continue;
            };
            // "A recent attack on Kyiv killed 31 people": the verb tells what the
            // event the noun names did, not a second event.
            if let Some((at, end)) = previous_noun {
                let last: &mut Event = events.last_mut().expect("the noun's event");
                if !coded.noun && last.kind == e.kind && coded.first <= end + 6 && at < coded.first
                {
                    if last.recipient.is_empty() {
                        last.recipient = e.recipient;
                    }
                    last.span = Span::new(last.span.start, e.span.end);
                    last.text = last.span.of(input.text).to_string();
                    previous_noun = None;
                    continue;
                }
            }
            // "threats of harsh new sanctions and tariffs": a noun joined to the one
            // before shares its modality.
            let mut e = e;
            if let Some((_, end)) = previous_noun {
                let last = events.last().expect("the noun's event");
                let between = &toks[end..coded.first];
                if coded.noun
                    && between.len() <= 4
                    && between
                        .iter()
                        .any(|t| matches!(t.upper.as_str(), "AND" | "OR" | ","))
                    && between
                        .iter()
                        .all(|t| t.word || matches!(t.upper.as_str(), ","))
                {
                    e.modality = last.modality;
                    e.negated = last.negated;
                }
            }
            previous_noun = coded.noun.then_some((coded.first, coded.end));
            nominal.push(coded.noun);
            events.push(e);
        }
        mark_main(&mut events[first_event..], &nominal, &toks);
        memory.remember(&participants);
    }
    args::infer_missing_actors(input, &mut events);
    events
}

fn build(
    input: &Input<'_>,
    lex: &lexicon::Lexicon,
    toks: &[Tok],
    sentence: Span,
    participants: &[args::Candidate],
    coded: &coding::Coded,
    previous_triggers: &[coding::Coded],
) -> Option<Event> {
    let (modality, negated) = coding::modality(toks, coded.first, coded.noun);
    let mut cameo = coded.cameo.clone();
    let mut plover = lex.plover(&cameo)?;
    let mut modality = modality;
    // PLOVER codes the demand, threat or refusal, not what it is about: "called on the
    // prime minister to resign" is a REQUEST, "refused to allow observers" a REJECT.
    // Where the verb of the demand is a trigger of its own, that event is coded, and
    // this one keeps its modality.
    let cue = coding::governing_cue(toks, coded.first);
    let cue_is_event = cue.is_some_and(|(at, _)| {
        previous_triggers
            .iter()
            .any(|t| t.first <= at && at < t.end && lex.plover(&t.cameo).is_some())
    });
    let mut roles_at = coded.clone();
    if let (Some((at, governing)), false) = (cue, cue_is_event) {
        // Who demands of whom: the demand verb's subject and object.
        roles_at = coding::Coded {
            first: at,
            end: at + 1,
            extent: (at, at + 1),
            cameo: coded.cameo.clone(),
            noun: false,
            by_pattern: false,
        };
        let (code, m) = match governing {
            coding::Governing::Demand => ("100", Modality::Asserted),
            coding::Governing::Threat => ("130", Modality::Asserted),
            coding::Governing::Refusal => ("120", Modality::Asserted),
        };
        if let Some(p) = lex.plover(code) {
            cameo = code.to_string();
            plover = p;
            modality = m;
        }
    }
    if let Some(new) = coding::recode_for_modality(plover.kind, &cameo, modality) {
        if let Some(p) = lex.plover(new) {
            cameo = new.to_string();
            plover = p;
        }
    }
    let trigger = Span::new(toks[coded.first].span.start, toks[coded.end - 1].span.end);
    let span = Span::new(
        toks[coded.extent.0].span.start,
        toks[coded.extent.1 - 1].span.end,
    );
    // A reporting verb that is the cue of a quote is how the event is told, not one.
    if plover.kind == EventType::Accuse
        && input
            .attributions
            .quotes
            .iter()
            .any(|q| q.cue.is_some_and(|c| c.overlaps(trigger)) && !is_accusation(&cameo))
    {
        return None;
    }
    let (actor, recipient) = args::roles(toks, participants, &roles_at);
    let location = args::location(input, toks, participants, coded);
    let date = nearest_date(input.chronology, sentence, trigger);
    let score = plover
        .mode
        .as_ref()
        .and_then(|m| lex.scores.get(&format!("{}:{m}", plover.kind.as_str())))
        .or_else(|| lex.scores.get(plover.kind.as_str()))
        .copied()
        .unwrap_or(0.0);
    Some(Event {
        kind: plover.kind,
        mode: plover.mode.clone(),
        context: plover.context.clone(),
        cameo,
        score,
        trigger,
        text: span.of(input.text).to_string(),
        span,
        sentence,
        actor,
        recipient,
        location,
        date,
        modality,
        negated,
        reported_by: report(input.attributions, trigger),
        removed_line: None,
        main: false,
    })
}

/// Marks the sentence's main event. The lexicon's choice is its first verb (a coder
/// codes the sentence's main verb; nouns often name an earlier event); when the sentence
/// codes more than one category, the classifier weighs them by the sentence's words as a
/// whole, the lexicon's choice counting [`classifier::LEXICON_PRIOR`] times over.
fn mark_main(events: &mut [Event], nominal: &[bool], toks: &[Tok]) {
    let Some(default) = (0..events.len())
        .find(|&i| !nominal[i])
        .or((!events.is_empty()).then_some(0))
    else {
        return;
    };
    let mut chosen = default;
    let default_kind = events[default].kind;
    if events.iter().any(|e| e.kind != default_kind) {
        let model = classifier::classifier();
        let p = model.probabilities_hashed(&classifier::feature_hashes(
            toks.iter().filter(|t| t.word).map(|t| t.upper.as_str()),
        ));
        let weight = |k: EventType| {
            classifier::Classifier::probability(&p, k)
                * if k == default_kind {
                    classifier::LEXICON_PRIOR
                } else {
                    1.0
                }
        };
        let mut best = default_kind;
        for e in events.iter() {
            if weight(e.kind) > weight(best) {
                best = e.kind;
            }
        }
        if best != default_kind {
            chosen = (0..events.len())
                .find(|&i| events[i].kind == best && !nominal[i])
                .or_else(|| (0..events.len()).find(|&i| events[i].kind == best))
                .expect("the best category is one of the sentence's");
        }
    }
    events[chosen].main = true;
}

/// CAMEO 112 ("accuse") and its children are accusations even when they attribute a
/// quote; 11 otherwise is disapproval said in the words the quote reports.
fn is_accusation(cameo: &str) -> bool {
    cameo.starts_with("112") || cameo.starts_with("111")
}

fn nearest_date(chronology: &Chronology, sentence: Span, trigger: Span) -> Option<EventDate> {
    chronology
        .timexes
        .iter()
        .filter(|t| sentence.contains(t.span))
        .filter(|t| {
            matches!(
                t.kind,
                tri_model::TimexKind::Date | tri_model::TimexKind::Time
            )
        })
        .filter(|t| {
            t.value.starts_with(|c: char| c.is_ascii_digit()) || t.value.starts_with("XXXX-")
        })
        .min_by_key(|t| {
            if t.span.end <= trigger.start {
                trigger.start - t.span.end
            } else {
                t.span.start.saturating_sub(trigger.end)
            }
        })
        .map(|t| EventDate {
            value: t.value.clone(),
            text: t.text.clone(),
            span: t.span,
        })
}

fn report(attributions: &Attributions, trigger: Span) -> Option<Report> {
    let (i, q) = attributions
        .quotes
        .iter()
        .enumerate()
        .find(|(_, q)| q.parts.iter().any(|p| p.contains(trigger)))?;
    Some(Report {
        quote: i,
        source: q
            .source
            .and_then(|s| attributions.sources.get(s))
            .map(|s| s.name.clone()),
        via: q
            .via
            .and_then(|v| attributions.provenance.cited.get(v))
            .map(|c| c.name.clone()),
    })
}

#[cfg(test)]
mod tests;
