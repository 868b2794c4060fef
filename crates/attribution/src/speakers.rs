//! Speakers: the noun phrase a cue names as its source, and what that phrase is — a
//! person, an anonymous source, an outlet, an organisation, a document or a group —
//! merged into the article's list of sources.

use std::collections::HashMap;

use tri_gazetteer::Gazetteer;
use tri_model::{Attributions, EntityKind, MentionForm, Quote, Source, SourceKind, Span};

use crate::cues::lexicon;
use crate::doc::Doc;
use crate::provenance;
use crate::words::{self, Pronoun};
use crate::Found;

/// Titles and role nouns that may head a subject before a preposition ("the leader of",
/// "Secretary of State").
const ROLE_NOUNS: &[&str] = &[
    "leader",
    "head",
    "chief",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "member",
    "members",
    "president",
    "chairman",
    "chair",
    "governor",
    "mayor",
    "ambassador",
    "commander",
    "fellow",
    "researcher",
    "analyst",
    "expert",
    "professor",
    "editor",
    "author",
    "founder",
    "ceo",
    "deputy",
    "adviser",
    "advisor",
    "envoy",
    "representative",
    "senator",
    "speaker",
    "some",
    "many",
    "one",
    "most",
    "none",
    "all",
    "each",
    "both",
    "several",
    "two",
    "three",
    "majority",
];

/// Words that begin an adjunct between a cue and its content ("said in a statement",
/// "told reporters on Monday").
const ADJUNCT_STARTS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "to",
    "last",
    "this",
    "earlier",
    "late",
    "after",
    "before",
    "from",
    "with",
    "yesterday",
    "today",
    "recently",
    "again",
    "also",
    "repeatedly",
    "later",
    "previously",
    "tonight",
    "overnight",
    "via",
    "through",
    "over",
    "while",
];

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
    )
}

/// Nouns for people by what they do: "organizer", "senator", "strategist", "official".
fn agent_noun(w: &str) -> bool {
    w.len() > 5
        && [
            "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        && !matches!(
            w,
            "whether"
                | "together"
                | "however"
                | "rather"
                | "further"
                | "another"
                | "moment"
                | "president"
        )
}

fn noun_like(doc: &Doc, j: usize) -> bool {
    let w = doc.lower(j);
    agent_noun(w)
        || doc.is_cap(j)
        || words::anonymous_head(w).is_some()
        || matches!(
            w,
            "close" | "familiar" | "knowledgeable" | "briefed" | "involved"
        )
        || ROLE_NOUNS.contains(&w)
        || words::outlet_noun(w)
        || words::document_noun(w)
}

/// The subject ending right before cue token `k`, not reaching before `limit`:
/// "three sources close to the Kremlin", "Peskov" (in "Peskov also said"), "James
/// Rodgers, author of ...," (an apposition ends with a comma).
pub(crate) fn np_backward(doc: &Doc, k: usize, limit: usize) -> Option<(usize, usize)> {
    let mut b = k;
    while b > limit {
        let w = doc.lower(b - 1);
        let adverb = doc.is_word(b - 1) && !doc.is_cap(b - 1) && w.len() > 4 && w.ends_with("ly");
        if words::VERB_PREFIX.contains(&w) || matches!(w, "not" | "n't" | "never") || adverb {
            b -= 1;
        } else {
            break;
        }
    }
    if b <= limit {
        return None;
    }
    // "Sen. Elizabeth Warren (D-MA) said": past the parenthesis.
    if doc.lower(b - 1) == ")" {
        if let Some(open) = (limit.max(b.saturating_sub(8))..b - 1)
            .rev()
            .find(|&i| doc.lower(i) == "(")
        {
            return plain_backward(doc, open, limit).map(|(a, _)| (a, b));
        }
    }
    if doc.lower(b - 1) == "," {
        let comma = b - 1;
        let prev_comma = (limit.max(comma.saturating_sub(25))..comma)
            .rev()
            .find(|&i| doc.lower(i) == "," || doc.quote_of[i].is_some());
        let seg_start = prev_comma.map_or(limit, |c| c + 1);
        if seg_start >= comma {
            return None;
        }
        let has_person = (seg_start..comma).any(|i| doc.entity_kind(i) == Some(EntityKind::Person));
        let name_like =
            comma - seg_start <= 4 && (seg_start..comma).all(|i| doc.is_cap(i) || doc.is_punct(i));
        if has_person && name_like {
            // "the leader of the Luhansk region, Pasechik, said"
            return Some((seg_start, comma));
        }
        // An apposition may hold commas of its own ("an African-American delegate from
        // Houston, Texas,"): try the commas before it, nearest first.
        let mut c = prev_comma;
        for _ in 0..3 {
            let Some(at) = c else { break };
            if doc.quote_of[at].is_some() {
                break;
            }
            let start = at + 1;
            let first = doc.lower(start);
            let appositive = is_determiner(first) || first == "who" || !doc.is_cap(start);
            if appositive {
                let head = plain_backward(doc, at, limit).or_else(|| {
                    // "Woodrow Benford, 58, who lives outside Minneapolis,": past the age.
                    let age = at.checked_sub(2).filter(|&i| {
                        i > limit && !doc.is_word(i) && !doc.is_punct(i) && doc.lower(i - 1) == ","
                    })?;
                    plain_backward(doc, age - 1, limit)
                })?;
                let head = if (head.0..head.1).all(|i| !doc.is_word(i)) {
                    let i = head
                        .0
                        .checked_sub(1)
                        .filter(|&i| i > limit && doc.lower(i) == ",")?;
                    plain_backward(doc, i, limit)?
                } else {
                    head
                };
                return Some((head.0, comma));
            }
            c = (limit.max(at.saturating_sub(25))..at)
                .rev()
                .find(|&i| doc.lower(i) == ",");
        }
        return None;
    }
    plain_backward(doc, b, limit)
}

fn plain_backward(doc: &Doc, b: usize, limit: usize) -> Option<(usize, usize)> {
    let lex = lexicon();
    let mut a = b;
    while a > limit && b - a < 10 {
        let i = a - 1;
        let w = doc.lower(i);
        // "Bernie Sanders' campaign": the possessive apostrophe stays in the phrase.
        let possessive =
            matches!(w, "'" | "\u{2019}") && i > limit && doc.lower(i - 1).ends_with('s') && a < b;
        if doc.quote_of[i] != doc.quote_of[b - 1] || (doc.is_punct(i) && !possessive) {
            break;
        }
        if i + 1 < b && lex.cue_at(doc, i).is_some() && !doc.is_cap(i) {
            break;
        }
        if matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "who") {
            // A subject pronoun starts its phrase ("the regions he claims").
            if a == b {
                a -= 1;
            }
            break;
        }
        if is_determiner(w) {
            a -= 1;
            let goes_on = a > limit + 1
                && words::INNER_PREPOSITIONS.contains(&doc.lower(a - 1))
                && !is_determiner(doc.lower(a - 1))
                && noun_like(doc, a - 2);
            if goes_on {
                continue;
            }
            break;
        }
        if words::INNER_PREPOSITIONS.contains(&w) {
            if i > limit && noun_like(doc, i - 1) && a < b {
                a -= 1;
                continue;
            }
            break;
        }
        if words::CLAUSE_BOUNDARY.contains(&w) {
            break;
        }
        a -= 1;
    }
    // A phrase must not start with the preposition that joined it.
    while a < b && words::INNER_PREPOSITIONS.contains(&doc.lower(a)) && !is_determiner(doc.lower(a))
    {
        a += 1;
    }
    (a < b).then_some((a, b))
}

/// The phrase starting at `a`: up to the next comma for a prepositional cue
/// ("according to a report by The New York Times on July 9"), else a noun phrase
/// ("said Tatyana Stanovaya").
pub(crate) fn np_forward(
    doc: &Doc,
    a: usize,
    end: usize,
    to_comma: bool,
) -> Option<(usize, usize)> {
    let lex = lexicon();
    let mut b = a;
    if to_comma {
        while b < end
            && b - a < 16
            && !matches!(doc.lower(b), "," | ";" | ":" | "(" | ")" | "\u{2014}")
            && doc.quote_of[b] == doc.quote_of[a]
        {
            b += 1;
        }
    } else {
        while b < end && b - a < 10 && !doc.is_punct(b) && doc.quote_of[b] == doc.quote_of[a] {
            let w = doc.lower(b);
            if b > a && lex.cue_at(doc, b).is_some() && !doc.is_cap(b) {
                break;
            }
            if words::CLAUSE_BOUNDARY.contains(&w)
                && !(words::INNER_PREPOSITIONS.contains(&w) && b > a && noun_like(doc, b - 1))
            {
                break;
            }
            b += 1;
        }
    }
    while b > a && doc.is_punct(b - 1) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

/// Whether tokens `a..b` read as adjuncts of a verb ("in a Sunday interview", "on
/// Monday") rather than part of what was said.
pub(crate) fn is_adjunct(doc: &Doc, a: usize, b: usize) -> bool {
    if a >= b {
        return true;
    }
    let w = doc.lower(a);
    ADJUNCT_STARTS.contains(&w)
        || words::is_month_or_day(w)
        || (w.ends_with("ly") && !doc.is_cap(a))
}

/// Whether token `c` starts a prepositional or infinitive phrase rather than a clause:
/// "claims for Russia", "pledged to brief".
pub(crate) fn starts_phrase(doc: &Doc, c: usize) -> bool {
    !doc.is_cap(c)
        && (ADJUNCT_STARTS.contains(&doc.lower(c))
            || matches!(
                doc.lower(c),
                "for"
                    | "about"
                    | "of"
                    | "by"
                    | "against"
                    | "into"
                    | "as"
                    | "up"
                    | "out"
                    | "off"
                    | "down"
                    | "back"
                    | "so"
                    | "too"
                    | "when"
                    | "because"
                    | "since"
                    | "if"
                    | "although"
                    | "though"
                    | "until"
                    | "and"
                    | "but"
                    | "adding"
                    | "referring"
                    | "noting"
                    | "citing"
                    | "according"
                    | "outside"
                    | "inside"
                    | "afterward"
                    | "afterwards"
                    | "told"
                    | "wrote"
                    | "added"
                    | "explained"
            ))
}

/// Past the listener of a cue such as "told": "told them", "told Reuters", "told The
/// Star-Ledger of Newark", "told a conference in Tallinn", "told host Chris Cuomo",
/// "told ABC's "Good Morning America"". `None` when nothing follows the listener.
pub(crate) fn skip_listener(doc: &Doc, c: usize, end: usize) -> Option<usize> {
    if c >= end {
        return None;
    }
    let mut j = c;
    let w = doc.lower(j);
    let clause = |w: &str| {
        matches!(
            w,
            "that" | "how" | "what" | "why" | "whether" | "when" | "where" | "if"
        )
    };
    if clause(w) || doc.is_punct(j) {
        return Some(j);
    }
    if matches!(
        w,
        "him" | "her" | "them" | "us" | "me" | "you" | "it" | "reporters" | "journalists"
    ) {
        j += 1;
    } else {
        if is_determiner(w) {
            j += 1;
        }
        // Lower-case words of the listener's phrase ("a conference", "host"), then a
        // name ("Chris Cuomo", "The Star-Ledger of Newark", "ABC's "Good Morning America"").
        while j < end
            && j - c < 3
            && doc.is_word(j)
            && !doc.is_cap(j)
            && !clause(doc.lower(j))
            && !ADJUNCT_STARTS.contains(&doc.lower(j))
            && words::pronoun(doc.lower(j)).is_none()
        {
            j += 1;
        }
        while j < end && j - c < 10 {
            let w = doc.lower(j);
            let title =
                doc.quote_of[j].is_some() && doc.quote_of[j] != doc.quote_of[c.saturating_sub(1)];
            // "their European counterparts that": a noun after the name, before "that".
            let noun_before_clause =
                doc.is_word(j) && j > c && j + 1 < end && clause(doc.lower(j + 1));
            if doc.is_cap(j)
                || w == "'s"
                || w == "'"
                || title
                || (w == "of" && j + 1 < end && doc.is_cap(j + 1))
                || noun_before_clause
            {
                j += 1;
            } else {
                break;
            }
        }
    }
    (j < end).then_some(j)
}

/// Past time and place adjuncts between a cue and its content ("said at a press
/// conference that day that ..."). Stops at "that".
pub(crate) fn skip_adjuncts(doc: &Doc, c: usize, end: usize) -> usize {
    let mut c = c;
    loop {
        if c >= end {
            return c;
        }
        let w = doc.lower(c);
        // "last week", "this month", "next year".
        if matches!(w, "last" | "this" | "next" | "earlier" | "later")
            && c + 1 < end
            && matches!(
                doc.lower(c + 1),
                "week"
                    | "month"
                    | "year"
                    | "night"
                    | "weekend"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "spring"
                    | "summer"
                    | "fall"
                    | "autumn"
                    | "winter"
            )
        {
            c += 2;
            continue;
        }
        if matches!(
            w,
            "on" | "last" | "this" | "next" | "earlier" | "late" | "early"
        ) {
            if let Some(d) = (c..end.min(c + 4)).find(|&i| words::is_month_or_day(doc.lower(i))) {
                c = d + 1;
                while c < end && !doc.is_word(c) && !doc.is_punct(c) {
                    c += 1; // "July 9"
                }
                continue;
            }
        }
        if words::is_month_or_day(w) || (w.ends_with("ly") && !doc.is_cap(c) && w.len() > 4) {
            c += 1;
            continue;
        }
        if ADJUNCT_STARTS.contains(&w) {
            let that = (c + 1..end.min(c + 12)).find(|&i| {
                doc.lower(i) == "that"
                    && !(i + 1 < end
                        && matches!(
                            doc.lower(i + 1),
                            "day"
                                | "week"
                                | "month"
                                | "year"
                                | "time"
                                | "morning"
                                | "evening"
                                | "night"
                        ))
            });
            let blocked = that.is_some_and(|t| {
                (c..t).any(|i| {
                    matches!(
                        doc.lower(i),
                        ";" | ":"
                            | "("
                            | ")"
                            | "."
                            | "\u{2014}"
                            | "\u{2013}"
                            | "-"
                            | "\""
                            | "\u{201C}"
                            | "\u{201D}"
                    )
                })
            });
            if let (Some(t), false) = (that, blocked) {
                return t;
            }
        }
        if w == "," && c + 1 < end && ADJUNCT_STARTS.contains(&doc.lower(c + 1)) {
            c += 1;
            continue;
        }
        return c;
    }
}

/// Whether a phrase can be someone who speaks: a name, a pronoun, an unnamed source, an
/// outlet or document, a role, or a plural noun ("analysts").
pub(crate) fn plausible_subject(doc: &Doc, (a, b): (usize, usize)) -> bool {
    (a..b).any(|i| {
        let w = doc.lower(i);
        (doc.is_cap(i) && !(i == a && is_determiner(w)))
            || words::pronoun(w).is_some_and(|p| p != Pronoun::Speaker || b - a == 1)
            || words::anonymous_head(w).is_some()
            || words::outlet_noun(w)
            || words::document_noun(w)
            || ROLE_NOUNS.contains(&w)
            || matches!(
                w,
                "percent"
                    | "%"
                    | "half"
                    | "third"
                    | "quarter"
                    | "majority"
                    | "most"
                    | "others"
                    | "minority"
                    | "another"
            )
            || agent_noun(w)
            || (i == b - 1
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && doc.is_word(i))
    })
}

/// Turns the found quotes into quotes with sources, and adds the provenance.
pub(crate) fn resolve(
    doc: &Doc,
    gazetteer: &Gazetteer,
    outlet: Option<&str>,
    title: Option<&str>,
    found: Vec<Found>,
) -> Attributions {
    let mut prov = provenance::find(doc, gazetteer, outlet, title);
    let mut reg = Registry {
        doc,
        gazetteer,
        sources: Vec::new(),
        by_key: HashMap::new(),
        last_person: None,
        last_plural: None,
        last_thing: None,
        last_anonymous: None,
        groups: HashMap::new(),
        person_names: doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .flat_map(|(i, e)| e.aliases.iter().map(move |n| (n.as_str(), i)))
            .rev() // the first entity with a name wins
            .collect(),
        origin: prov.provenance.origin,
        cited: &prov.provenance.cited,
    };
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    let mut source_at: HashMap<usize, Option<usize>> = HashMap::new();
    let publisher_span = prov.provenance.publisher.as_ref().and_then(|p| p.span);
    for f in &found {
        let sentence = doc.sentence_of[f.anchor.min(doc.len().saturating_sub(1))];
        if let Some((a, b)) = f.speaker {
            // "..., writes UNN": the publisher relaying its origin, already the chain's
            // first link.
            if publisher_span.is_some_and(|p| p.overlaps(doc.span_of(a, b))) {
                continue;
            }
        }
        // "I think" inside someone's quoted words is that someone.
        let in_quote_speaker = f.speaker.filter(|&(a, b)| {
            b - a == 1
                && words::pronoun(doc.lower(a)) == Some(Pronoun::Speaker)
                && doc.quote_of[a].is_some()
        });
        let enclosing = in_quote_speaker.and_then(|(a, _)| {
            let at = doc.span(a);
            // The enclosing quote starts at most a few quotes back.
            quotes
                .iter()
                .rev()
                .take(16)
                .find(|q| {
                    q.kind == tri_model::QuoteKind::Direct && q.parts.iter().any(|p| p.contains(at))
                })
                .and_then(|q| q.source)
        });
        let source = if enclosing.is_some() {
            enclosing
        } else if let Some(start) = f.same_speaker_as {
            source_at.get(&start).copied().flatten()
        } else if let Some(sp) = f.speaker {
            reg.speaker(sp, sentence)
        } else if f.speaker_nearby {
            reg.nearby_person(f.anchor, sentence)
        } else {
            None
        };
        source_at.insert(f.parts[0].start, source);
        let via = provenance::via(doc, &prov, f, source.map(|s| &reg.sources[s]));
        let text = f
            .parts
            .iter()
            .map(|p| trim_quote_text(p.of(doc.text)))
            .collect::<Vec<_>>()
            .join(" \u{2026} ");
        quotes.push(Quote {
            kind: f.kind,
            fragment: f.fragment,
            text,
            parts: f.parts.clone(),
            cue: f.cue.map(|(a, b)| doc.span_of(a, b)),
            speaker: f
                .speaker
                .filter(|_| enclosing.is_none())
                .map(|(a, b)| doc.span_of(a, b)),
            source,
            via,
        });
    }
    let sources = reg.sources;
    for q in &quotes {
        if let Some(v) = q.via {
            prov.provenance.cited[v].quotes += 1;
        }
    }
    Attributions {
        provenance: prov.provenance,
        sources,
        quotes,
    }
}

/// The quote's words without the comma or colon that hands over to the cue.
fn trim_quote_text(s: &str) -> &str {
    s.trim_end_matches([',', ':', ';', ' ', '\u{2014}', '-'])
}

struct Registry<'d, 'a> {
    doc: &'d Doc<'a>,
    gazetteer: &'d Gazetteer,
    sources: Vec<Source>,
    by_key: HashMap<String, usize>,
    last_person: Option<(usize, usize)>,
    last_plural: Option<(usize, usize)>,
    last_thing: Option<(usize, usize)>,
    last_anonymous: Option<(usize, usize)>,
    /// Per head lemma ("source", "official"): the last anonymous group introduced.
    groups: HashMap<&'static str, usize>,
    /// Every name a person entity goes by, to its index.
    person_names: HashMap<&'a str, usize>,
    origin: Option<usize>,
    cited: &'d [tri_model::CitedOutlet],
}

impl Registry<'_, '_> {
    /// The source named by tokens `a..b` in sentence `sentence`.
    fn speaker(&mut self, (a, b): (usize, usize), sentence: usize) -> Option<usize> {
        let doc = self.doc;
        let span = doc.span_of(a, b);
        if b - a == 1 {
            if let Some(p) = words::pronoun(doc.lower(a)) {
                return self.pronoun(p, a, sentence, span);
            }
        }
        // A named person in the phrase; the last one if several ("US Secretary of State
        // Marco Rubio"), but not one the phrase is only about ("a person familiar with the
        // Russian president's thinking").
        let anonymous = (a..b)
            .take_while(|&i| doc.entity_kind(i) != Some(EntityKind::Person))
            .find(|&i| words::anonymous_head(doc.lower(i)).is_some());
        let head_end = match anonymous {
            Some(h) => (h + 1..b)
                .find(|&i| words::AFFILIATION_LINKS.contains(&doc.lower(i)) && !doc.is_cap(i))
                .unwrap_or(b),
            // "Finnish President Alexander Stubb, who spent the day with Trump": the
            // apposition is about the speaker, not by them.
            None => (a + 1..b).find(|&i| doc.lower(i) == ",").unwrap_or(b),
        };
        let person = (a..head_end)
            .rev()
            .find(|&i| doc.entity_kind(i) == Some(EntityKind::Person) && !possessive_next(doc, i));
        if let (Some(i), None) = (person, anonymous) {
            let (e, _) = doc.entity_of[i].expect("an entity token");
            let s = self.person(e, span);
            self.last_person = Some((s, sentence));
            return Some(s);
        }
        if let Some(h) = anonymous {
            let s = self.anonymous(a, h, b, span, sentence);
            self.last_anonymous = Some((s, sentence));
            if self.sources[s].count != Some(1) {
                self.last_plural = Some((s, sentence));
            } else {
                self.last_person = Some((s, sentence));
            }
            return Some(s);
        }
        // An outlet by name, or by what it is ("the publication").
        for i in a..head_end {
            if let Some((e, _)) = doc.entity_of[i] {
                let key = &doc.entities[e].key;
                if let Some(ci) = self
                    .cited
                    .iter()
                    .position(|c| c.key.as_deref() == Some(key.as_str()))
                {
                    let s = self.outlet(ci, span);
                    self.last_thing = Some((s, sentence));
                    return Some(s);
                }
            }
        }
        let words_lower: Vec<&str> = (a..head_end).map(|i| doc.lower(i)).collect();
        // "the publication writes", and "the report says" in an article retelling a
        // report: the outlet it retells.
        let retold = words_lower.len() <= 3
            && words_lower
                .iter()
                .any(|w| matches!(*w, "report" | "article" | "story"))
            && self
                .origin
                .is_some_and(|o| self.cited[o].cue.contains("report"));
        if words_lower
            .first()
            .is_some_and(|w| matches!(*w, "the" | "this"))
            && (words_lower.iter().any(|w| words::outlet_noun(w)) || retold)
        {
            if let Some(ci) = self.origin {
                let s = self.outlet(ci, span);
                self.last_thing = Some((s, sentence));
                return Some(s);
            }
        }
        // An organisation, government or group entity.
        if let Some(i) = (a..head_end).find(|&i| {
            matches!(
                doc.entity_kind(i),
                Some(EntityKind::Organisation | EntityKind::Place | EntityKind::Group)
            )
        }) {
            let (e, m) = doc.entity_of[i].expect("an entity token");
            let entity = &doc.entities[e];
            let acts = entity.kind != EntityKind::Place
                || entity.mentions[m].form == MentionForm::Metonym
                || entity.stands_for.is_some();
            if acts {
                let s = self.add(
                    format!("entity:{}", entity.key),
                    Source {
                        entity: Some(entity.key.clone()),
                        ..unnamed(SourceKind::Organisation, entity.name.clone())
                    },
                    span,
                );
                self.last_thing = Some((s, sentence));
                return Some(s);
            }
        }
        // A name the tagger missed here but found elsewhere: "Trump" in "as Trump admitted".
        let named = doc.text_of(a, head_end);
        if let Some(&e) = self.person_names.get(named) {
            let s = self.person(e, span);
            self.last_person = Some((s, sentence));
            return Some(s);
        }
        let text = doc.text_of(a, b).to_string();
        let kind = if words_lower.iter().any(|w| words::document_noun(w)) {
            SourceKind::Document
        } else {
            SourceKind::Group
        };
        let key = format!("text:{}", text.to_lowercase());
        let s = self.add(key, unnamed(kind, text), span);
        if kind == SourceKind::Group {
            self.last_plural = Some((s, sentence));
        } else {
            self.last_thing = Some((s, sentence));
        }
        Some(s)
    }

    fn pronoun(&mut self, p: Pronoun, at: usize, sentence: usize, span: Span) -> Option<usize> {
        let recent = |slot: Option<(usize, usize)>, window: usize| {
            slot.filter(|&(_, s)| sentence <= s + window)
                .map(|(i, _)| i)
        };
        // "Trump is impatient with Putin, and he has threatened": within its sentence a
        // pronoun is the sentence's subject, its first person named.
        let doc = self.doc;
        let (sa, _) = doc.sentence(sentence);
        // "she" is never a man the article or the census names as one, nor "he" a woman.
        let pronoun_sex = match doc.lower(at) {
            "he" => Some(Sex::Male),
            "she" => Some(Sex::Female),
            _ => None,
        };
        let agrees = |e: usize| {
            pronoun_sex.is_none() || sex_of(&doc.entities[e]).is_none_or(|s| Some(s) == pronoun_sex)
        };
        let first_person = |from: usize, to: usize| {
            (from..to)
                .filter(|&i| {
                    doc.entity_kind(i) == Some(EntityKind::Person)
                        && !possessive_next(doc, i)
                        && doc.quote_of[i] == doc.quote_of[at]
                })
                .filter_map(|i| doc.entity_of[i].map(|(e, _)| e))
                .find(|&e| agrees(e))
        };
        // Else the subject of the sentence before, in the same paragraph ("Putin ignores
        // Trump's warning. He has already considered ...").
        let subject = first_person(sa, at).or_else(|| {
            let prev = sentence.checked_sub(1)?;
            let (pa, pe) = doc.sentence(prev);
            (doc.paragraph_of[pa] == doc.paragraph_of[at])
                .then(|| first_person(pa, pe))
                .flatten()
        });
        if let (Pronoun::Person, Some(e)) = (p, subject) {
            let s = self.person(e, span);
            self.last_person = Some((s, sentence));
            return Some(s);
        }
        let last_agrees = recent(self.last_person, 6).filter(|&s| {
            let entity = self.sources[s].entity.as_deref();
            doc.entities
                .iter()
                .position(|e| Some(e.key.as_str()) == entity)
                .is_none_or(&agrees)
        });
        let s = match p {
            Pronoun::Person => last_agrees.or_else(|| {
                let e = self
                    .person_before(at, sentence.saturating_sub(3))
                    .filter(|&e| agrees(e))?;
                Some(self.person(e, span))
            })?,
            Pronoun::Relative => {
                let e = self.person_before(at, sentence)?;
                self.person(e, span)
            }
            Pronoun::Plural => recent(self.last_plural, 8)?,
            Pronoun::Thing => recent(self.last_thing, 4)?,
            Pronoun::Speaker => return None,
        };
        self.sources[s].mentions.push(span);
        if p == Pronoun::Person {
            self.last_person = Some((s, sentence));
        }
        Some(s)
    }

    /// The entity of the last person named before token `at`, not before sentence `from`.
    fn person_before(&self, at: usize, from: usize) -> Option<usize> {
        let doc = self.doc;
        (0..at)
            .rev()
            .take_while(|&i| doc.sentence_of[i] >= from)
            .find(|&i| {
                doc.entity_kind(i) == Some(EntityKind::Person)
                    && !doc.lower(i).ends_with("'s")
                    && !possessive_next(doc, i)
            })
            .and_then(|i| doc.entity_of[i].map(|(e, _)| e))
    }

    /// A quoted phrase's speaker: the nearest person named before it in its sentence who
    /// is not only an owner ("Trump's expression of ..."), else the sentence's first.
    fn nearby_person(&mut self, at: usize, sentence: usize) -> Option<usize> {
        let e = self.person_before(at, sentence)?;
        let span = self.doc.entities[e]
            .mentions
            .iter()
            .rev()
            .find(|m| m.span.start < self.doc.span(at).start)
            .map_or(self.doc.span(at), |m| m.span);
        Some(self.person(e, span))
    }

    fn person(&mut self, e: usize, span: Span) -> usize {
        let entity = &self.doc.entities[e];
        self.add(
            format!("entity:{}", entity.key),
            Source {
                entity: Some(entity.key.clone()),
                role: entity.roles.first().cloned(),
                affiliation: entity.affiliations.first().cloned(),
                ..unnamed(SourceKind::Person, entity.name.clone())
            },
            span,
        )
    }

    fn outlet(&mut self, ci: usize, span: Span) -> usize {
        let c = &self.cited[ci];
        self.add(
            format!("outlet:{ci}"),
            Source {
                entity: c.key.clone(),
                outlet: Some(ci),
                ..unnamed(SourceKind::Outlet, c.name.clone())
            },
            span,
        )
    }

    /// An unnamed source: tokens `a..b`, its head noun at `h`.
    fn anonymous(&mut self, a: usize, h: usize, b: usize, span: Span, sentence: usize) -> usize {
        let doc = self.doc;
        let (lemma, plural) = words::anonymous_head(doc.lower(h)).expect("a head noun");
        let first = doc.lower(a);
        let anaphoric = matches!(first, "the" | "these" | "those" | "this" | "that" | "such");
        let mut count = words::count(first).flatten();
        if count.is_none() && !plural && !anaphoric {
            count = Some(1);
        }
        let one_of = first == "one" && a + 1 < b && doc.lower(a + 1) == "of";
        if one_of {
            count = Some(1);
        }
        let affiliation = self.affiliation(a, h, b, lemma);
        let descriptor = doc.text_of(a, b).to_string();
        // "These anonymous sources" right after "two people close to the Kremlin": them.
        if anaphoric && plural && affiliation.is_none() {
            if let Some((g, at)) = self.last_anonymous {
                if sentence <= at + 2 && self.sources[g].count != Some(1) {
                    self.sources[g].mentions.push(span);
                    return g;
                }
            }
        }
        // "the sources", "the official": the source introduced before; "one source" after
        // "three sources": one of them.
        if affiliation.is_none() || anaphoric {
            let earlier = self.groups.get(lemma).copied();
            if let Some(g) = earlier {
                let group_count = self.sources[g].count;
                if anaphoric || (count == group_count && !one_of) || (plural && count.is_none()) {
                    self.sources[g].mentions.push(span);
                    return g;
                }
                if count == Some(1) && group_count != Some(1) {
                    let mut member = self.sources[g].clone();
                    member.count = Some(1);
                    member.descriptor = Some(descriptor.clone());
                    member.name = descriptor.clone();
                    member.member_of = Some(g);
                    member.mentions = vec![span];
                    let key = format!("member:{g}:{}", descriptor.to_lowercase());
                    return self.add(key, member, span);
                }
            }
        }
        let key = format!("anonymous:{}", descriptor.to_lowercase());
        let known = self.sources.len();
        let s = self.add(
            key,
            Source {
                affiliation,
                count,
                descriptor: Some(descriptor.clone()),
                ..unnamed(SourceKind::Anonymous, descriptor)
            },
            span,
        );
        if s == known {
            // Newly introduced: the group a later "the sources" or "one source" means.
            self.groups.insert(lemma, s);
        }
        s
    }

    /// What an unnamed source is close to or part of: the entity after "close to",
    /// "familiar with", "in", "at" ("the Kremlin"), or named before the head noun
    /// ("Kremlin sources", "a senior European official").
    fn affiliation(&self, a: usize, h: usize, b: usize, lemma: &str) -> Option<String> {
        let doc = self.doc;
        let official = matches!(
            lemma,
            "official" | "diplomat" | "negotiator" | "officer" | "aide" | "adviser"
        );
        if let Some(link) = (h + 1..b).find(|&i| words::AFFILIATION_LINKS.contains(&doc.lower(i))) {
            if let Some(i) = (link..b).find(|&i| doc.entity_of[i].is_some()) {
                let (e, _) = doc.entity_of[i].expect("checked");
                return Some(self.affiliation_of(e, official, (i, b)));
            }
            // "familiar with the matter": no institution.
        }
        for i in a..h {
            if let Some((e, _)) = doc.entity_of[i] {
                return Some(self.affiliation_of(e, official, (i, b)));
            }
            if doc.is_cap(i) {
                if let Some(entry) = self.gazetteer.demonym(doc.word(i)) {
                    return Some(self.government_name(entry, official));
                }
            }
        }
        None
    }

    fn affiliation_of(&self, e: usize, official: bool, rest: (usize, usize)) -> String {
        let entity = &self.doc.entities[e];
        let g = self.gazetteer;
        match entity.kind {
            EntityKind::Organisation if g.get(&entity.key).is_none() => {
                // "the Ministry of Defense in Moscow": the place says whose ministry.
                let doc = self.doc;
                let place = (rest.0..rest.1).find_map(|i| {
                    let (pe, _) = doc.entity_of[i]?;
                    let p = &doc.entities[pe];
                    (p.kind == EntityKind::Place && pe != e).then_some(p)
                });
                let qualified = place
                    .and_then(|p| p.country.as_deref())
                    .and_then(|c| g.get(&format!("country:{c}")))
                    .and_then(|country| {
                        country.demonyms.iter().find_map(|d| {
                            g.lookup(&format!("{d} {}", entity.name))
                                .into_iter()
                                .find(|x| x.kind == EntityKind::Organisation)
                        })
                    });
                qualified.map_or_else(|| entity.name.clone(), |x| x.name.clone())
            }
            EntityKind::Group if official => match g.get(&entity.key) {
                Some(entry) => self.government_name(entry, true),
                None => entity.name.clone(),
            },
            EntityKind::Person => {
                // Those close to a head of state are close to the seat of government.
                let seat = entity.country.as_deref().and_then(|c| {
                    let gov = format!("gov:{c}");
                    g.entries().find(|x| {
                        x.stands_for.as_deref() == Some(gov.as_str())
                            && x.subtype.as_str() == "metonym"
                    })
                });
                let leads = entity
                    .roles
                    .iter()
                    .chain(g.get(&entity.key).and_then(|x| x.role.as_ref()))
                    .any(|r| {
                        r.to_lowercase().contains("president")
                            || r.to_lowercase().contains("prime minister")
                    });
                match seat {
                    Some(seat) if leads => seat.name.clone(),
                    _ => entity.name.clone(),
                }
            }
            EntityKind::Place => match g.get(&entity.key) {
                Some(entry) if official => self.government_name(entry, true),
                _ => entity.name.clone(),
            },
            _ => entity.name.clone(),
        }
    }

    /// "European official" → "European governments", "Russian official" → the Russian
    /// government.
    fn government_name(&self, entry: &tri_gazetteer::Entry, official: bool) -> String {
        let g = self.gazetteer;
        if !official {
            return entry.name.clone();
        }
        let code = entry
            .key
            .strip_prefix("country:")
            .or(entry.key.strip_prefix("nationality:"))
            .or(entry.code.as_deref())
            .or(entry.country.as_deref());
        if let Some(gov) = code.and_then(|c| g.get(&format!("gov:{c}"))) {
            return gov.name.clone();
        }
        // A continent or people with no one government: "European governments".
        let adjective = entry
            .demonyms
            .iter()
            .chain(&entry.aliases)
            .find(|d| !d.ends_with('s'))
            .cloned()
            .unwrap_or_else(|| entry.name.trim_end_matches('s').to_string());
        format!("{adjective} governments")
    }

    fn add(&mut self, key: String, source: Source, span: Span) -> usize {
        let i = *self.by_key.entry(key).or_insert_with(|| {
            self.sources.push(source);
            self.sources.len() - 1
        });
        let mentions = &mut self.sources[i].mentions;
        // Mentions come in text order, so a repeat is the last one.
        if mentions.last() != Some(&span) {
            mentions.push(span);
        }
        i
    }
}

/// A source of `kind` called `name` with nothing else known yet.
fn unnamed(kind: SourceKind, name: String) -> Source {
    Source {
        kind,
        name,
        entity: None,
        role: None,
        affiliation: None,
        count: None,
        descriptor: None,
        member_of: None,
        outlet: None,
        mentions: Vec::new(),
    }
}

fn possessive_next(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.len() && matches!(doc.lower(i + 1), "'s" | "'")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sex {
    Male,
    Female,
}

pub(crate) const GIVEN_NAME_GENDERS: &str =
    include_str!("../../../models/attribution/given-name-genders.tsv");

/// The sex a person's title, role or given name says, if any says one clearly.
fn sex_of(e: &tri_model::Entity) -> Option<Sex> {
    static NAMES: std::sync::OnceLock<tri_model::FnvMap<&'static str, Sex>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        GIVEN_NAME_GENDERS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, sex) = l.split_once('\t')?;
                Some((name, if sex == "f" { Sex::Female } else { Sex::Male }))
            })
            .collect()
    });
    for role in &e.roles {
        let r = role.to_lowercase();
        if [
            "woman", "wife", "mother", "actress", "queen", "mrs", "ms.", "lady", "sister",
            "daughter",
        ]
        .iter()
        .any(|w| r.contains(w))
        {
            return Some(Sex::Female);
        }
        if r.ends_with("man")
            || ["mr.", "king", "husband", "father", "brother", "son "]
                .iter()
                .any(|w| r.contains(w))
        {
            return Some(Sex::Male);
        }
    }
    let first = e.name.split_whitespace().next()?;
    if e.name.split_whitespace().count() < 2 {
        return None;
    }
    names.get(first).copied()
}
