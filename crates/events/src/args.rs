//! The participants of a sentence, and which of them is an event's actor, recipient
//! and place.

use tri_gazetteer::{Gazetteer, Subtype};
use tri_model::{Entity, EntityKind, Event, MentionForm, Participant, Place, Span};

use crate::coding::{clause_end, clause_start, Coded};
use crate::lexicon::Lexicon;
use crate::{Input, Tok};

/// Who a participant is, for choosing roles and resolving pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    Person,
    /// An organisation, government, or a nationality with an agent noun.
    Body,
    /// A place named as such: a country, city or region.
    Place,
    /// An agent noun alone ("police", "protesters").
    Agent,
    Pronoun,
}

/// A participant named in a sentence, with where it stands.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub first: usize,
    pub end: usize,
    pub who: Who,
    pub participant: Participant,
    /// Followed by `'s`.
    pub possessive: bool,
    /// The preposition that governs it, upper case ("ON", "WITH"), if any.
    pub governed_by: Option<String>,
    /// Its entity, for places.
    pub entity: Option<usize>,
}

/// Who the last sentences were about, for pronouns.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    person: Option<Participant>,
    group: Option<Participant>,
}

impl Memory {
    pub fn remember(&mut self, candidates: &[Candidate]) {
        let subject = |want: &dyn Fn(Who) -> bool| {
            candidates
                .iter()
                .filter(|c| want(c.who))
                .find(|c| c.governed_by.is_none() && !c.possessive)
                .or_else(|| candidates.iter().rfind(|c| want(c.who)))
                .map(|c| c.participant.clone())
        };
        if let Some(p) = subject(&|w| w == Who::Person) {
            self.person = Some(p);
        }
        if let Some(p) = subject(&|w| matches!(w, Who::Body | Who::Agent)) {
            self.group = Some(p);
        }
    }
}

const DETERMINERS: &[&str] = &[
    "THE",
    "A",
    "AN",
    "ITS",
    "THEIR",
    "HIS",
    "HER",
    "TOP",
    "OTHER",
    "SOME",
    "ALL",
    "BOTH",
    "SEVERAL",
    "MANY",
    "SENIOR",
    "FORMER",
    "LOCAL",
    "NEW",
    "THIS",
    "THESE",
    "THOSE",
    "THAT",
    "OUR",
    "MY",
    "YOUR",
    "NEIGHBOURING",
    "NEIGHBORING",
    "FELLOW",
    "ILLEGAL",
    "ARMED",
];

const PREPOSITIONS: &[&str] = &[
    "OF",
    "ON",
    "TO",
    "WITH",
    "AGAINST",
    "FROM",
    "IN",
    "AT",
    "FOR",
    "INTO",
    "OVER",
    "BY",
    "NEAR",
    "TOWARD",
    "TOWARDS",
    "UPON",
    "ABOUT",
    "BETWEEN",
    "AMONG",
    "AFTER",
    "BEFORE",
    "DURING",
    "INCLUDING",
    "LIKE",
    "THAN",
    "VIA",
    "ACROSS",
    "THROUGH",
    "UNDER",
    "AROUND",
    "BEHIND",
    "OUTSIDE",
    "INSIDE",
    "WITHIN",
    "ALONGSIDE",
    "BESIDES",
    "DESPITE",
    "BUYING",
    "TARGETING",
];

fn token_range(toks: &[Tok], span: Span) -> Option<(usize, usize)> {
    let first = toks.iter().position(|t| t.span.end > span.start)?;
    let end = toks.iter().rposition(|t| t.span.start < span.end)? + 1;
    (first < end && toks[first].span.start >= span.start.saturating_sub(1)).then_some((first, end))
}

fn country_code(gaz: &Gazetteer, alpha2: Option<&str>) -> Option<String> {
    let cc = alpha2?;
    gaz.get(&format!("country:{cc}"))
        .and_then(|e| e.code.clone())
}

/// What an entity is as a participant: its code, sector and kind.
fn entity_participant(
    gaz: &Gazetteer,
    e: &Entity,
    form: MentionForm,
) -> (Who, Option<String>, Option<String>) {
    let entry = gaz.get(&e.key);
    let sub = entry.map(|x| x.subtype);
    let code = match sub {
        Some(Subtype::Country) => entry.and_then(|x| x.code.clone()),
        Some(Subtype::International) => Some("IGO".to_string()),
        Some(Subtype::Ngo) => Some("NGO".to_string()),
        _ => country_code(gaz, e.country.as_deref()),
    };
    if form == MentionForm::Metonym {
        return (Who::Body, code, Some("GOV".into()));
    }
    match (e.kind, sub) {
        (EntityKind::Person, _) => {
            let gov = e.roles.iter().any(|r| {
                let r = r.to_ascii_lowercase();
                [
                    "president",
                    "minister",
                    "secretary",
                    "chancellor",
                    "spokes",
                    "ambassador",
                    "official",
                    "king",
                    "premier",
                    "envoy",
                    "foreign",
                    "governor",
                    "mayor",
                    "general",
                ]
                .iter()
                .any(|w| r.contains(w))
            }) || entry.is_some_and(|x| x.role.is_some());
            (Who::Person, code, gov.then(|| "GOV".into()))
        }
        (_, Some(Subtype::Government | Subtype::GovernmentBody | Subtype::Metonym)) => {
            (Who::Body, code, Some("GOV".into()))
        }
        (_, Some(Subtype::Military)) => (Who::Body, code, Some("MIL".into())),
        (_, Some(Subtype::ArmedGroup)) => (Who::Body, code, Some("REB".into())),
        (_, Some(Subtype::Party)) => (Who::Body, code, Some("PTY".into())),
        (_, Some(Subtype::Company)) => (Who::Body, code, Some("BUS".into())),
        (_, Some(Subtype::Outlet | Subtype::Agency)) => (Who::Body, code, Some("JRN".into())),
        (EntityKind::Place, _) => (Who::Place, code, None),
        _ => (Who::Body, code, None),
    }
}

/// The agent noun run right after `end` ("border patrol agents", "forces"): the end of
/// the run and the sector of its last agent noun.
fn agent_after(lex: &Lexicon, toks: &[Tok], end: usize) -> Option<(usize, String)> {
    let mut found = None;
    for (j, tok) in toks.iter().enumerate().take(end + 3).skip(end) {
        if !tok.word {
            break;
        }
        match lex.agents.get(&tok.upper) {
            Some(a) => found = Some((j + 1, a.sector.clone())),
            None if found.is_some() => break,
            // "Russian special forces", but not "Azerbaijan deployed troops".            None if j > end || lex.forms.contains_key(&tok.upper) => break,
            None => {}
        }
    }
    found
}

fn governed_by(toks: &[Tok], first: usize) -> Option<String> {
    let mut j = first;
    while j > 0 {
        j -= 1;
        let w = toks[j].upper.as_str();
        if DETERMINERS.contains(&w)
            || toks[j].kind_number
            || (toks[j].word && w.ends_with("ST") && w.len() > 4)
        {
            continue;
        }
        // "thousands of workers", "a group of protesters": the count is no preposition's
        // object; the people are the subject.
        if w == "OF"
            && j > 0
            && matches!(
                toks[j - 1].upper.as_str(),
                "THOUSANDS"
                    | "HUNDREDS"
                    | "DOZENS"
                    | "MILLIONS"
                    | "TENS"
                    | "SCORES"
                    | "GROUP"
                    | "GROUPS"
                    | "CROWD"
                    | "CROWDS"
                    | "NUMBER"
                    | "MANY"
                    | "SOME"
                    | "MOST"
                    | "ALL"
                    | "BOTH"
                    | "TEAM"
            )
        {
            return governed_by(toks, j - 1);
        }
        return PREPOSITIONS.contains(&w).then(|| w.to_string());
    }
    None
}

/// Every participant the sentence names, in text order, not overlapping.
pub(crate) fn participants(
    input: &Input<'_>,
    lex: &Lexicon,
    toks: &[Tok],
    mentions: &[(usize, usize)],
    memory: &mut Memory,
) -> Vec<Candidate> {
    let gaz = input.gazetteer;
    let sentence = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
    let mut out: Vec<Candidate> = Vec::new();
    let mut taken = vec![false; toks.len()];
    let text = input.text;
    for &(ei, mi) in mentions {
        let e = &input.entities[ei];
        {
            let m = &e.mentions[mi];
            if !sentence.contains(m.span) {
                continue;
            }
            let Some((first, mut end)) = token_range(toks, m.span) else {
                continue;
            };
            if taken[first..end].iter().any(|t| *t) {
                continue;
            }
            let (mut who, code, mut sector) = entity_participant(gaz, e, m.form);
            let mut name = e.name.clone();
            // "U.S." is both the country's name and its adjective: a name is a name.
            let named = e.name == m.text || e.aliases.contains(&m.text);
            let nationality = e.key.starts_with("nationality:")
                || (!named
                    && gaz.demonym(&m.text).is_some()
                    && matches!(e.kind, EntityKind::Group | EntityKind::Place));
            if nationality {
                // "Russian forces" names Russia's military; "Russian oil" names nobody.
                match agent_after(lex, toks, end) {
                    Some((e2, s)) => {
                        end = e2;
                        sector = Some(s);
                        who = Who::Body;
                    }
                    None if m.text.ends_with('s') && gaz.demonym(&m.text).is_some() => {
                        sector = Some("CVL".into());
                        who = Who::Body;
                    }
                    None => continue,
                }
                if let Some(c) = gaz.demonym(&m.text) {
                    name = c.name.clone();
                }
            } else if let Some((e2, s)) = agent_after(lex, toks, end) {
                if who != Who::Person {
                    end = e2;
                    sector = Some(s);
                    if who == Who::Place {
                        who = Who::Body;
                    }
                }
            }
            let code = code.or_else(|| gaz.demonym(&m.text).and_then(|c| c.code.clone()));
            out.push(candidate(
                text,
                toks,
                first,
                end,
                who,
                name,
                Some(e.key.clone()),
                code,
                sector,
                false,
                Some(ei),
            ));
            taken[first..end].iter_mut().for_each(|t| *t = true);
        }
    }
    // Names the entity stage missed that the gazetteer knows: a country, city, person
    // or body in a short sentence the tagger had too little context for.
    let mut j = 0;
    while j < toks.len() {
        if taken[j] || !toks[j].word || toks[j].raw_lower {
            j += 1;
            continue;
        }
        let mut found = None;
        for n in (1..=4).rev() {
            let end = j + n;
            if end > toks.len()
                || taken[j..end].iter().any(|t| *t)
                || toks[j..end]
                    .iter()
                    .any(|t| t.raw_lower && !matches!(t.upper.as_str(), "." | "-"))
            {
                continue;
            }
            let span = Span::new(toks[j].span.start, toks[end - 1].span.end);
            let name = span.of(text);
            let Some(entry) = gaz.lookup(name).into_iter().find(|e| {
                e.tier >= 3
                    && !matches!(
                        e.subtype,
                        Subtype::Nationality | Subtype::Ethnic | Subtype::Religious
                    )
            }) else {
                continue;
            };
            found = Some((end, entry));
            break;
        }
        let Some((end, entry)) = found else {
            j += 1;
            continue;
        };
        let (who, code, sector) = match entry.subtype {
            Subtype::Person => (
                Who::Person,
                country_code(gaz, entry.country.as_deref()),
                entry.role.as_ref().map(|_| "GOV".to_string()),
            ),
            Subtype::Country => (Who::Place, entry.code.clone(), None),
            Subtype::City
            | Subtype::Region
            | Subtype::District
            | Subtype::Feature
            | Subtype::Continent => (
                Who::Place,
                country_code(gaz, entry.country.as_deref()),
                None,
            ),
            Subtype::International => (Who::Body, Some("IGO".into()), None),
            Subtype::Government | Subtype::GovernmentBody | Subtype::Metonym => (
                Who::Body,
                country_code(gaz, entry.country.as_deref()),
                Some("GOV".into()),
            ),
            Subtype::Military => (
                Who::Body,
                country_code(gaz, entry.country.as_deref()),
                Some("MIL".into()),
            ),
            _ => (Who::Body, country_code(gaz, entry.country.as_deref()), None),
        };
        out.push(candidate(
            text,
            toks,
            j,
            end,
            who,
            entry.name.clone(),
            Some(entry.key.clone()),
            code,
            sector,
            false,
            None,
        ));
        taken[j..end].iter_mut().for_each(|t| *t = true);
        j = end;
    }
    // Nationalities the entity stage did not list, and agent nouns alone.
    let mut j = 0;
    while j < toks.len() {
        if taken[j] || !toks[j].word {
            j += 1;
            continue;
        }
        let raw = toks[j].span.of(text);
        if raw.starts_with(char::is_uppercase) {
            if let Some(c) = gaz.demonym(raw) {
                if let Some((end, s)) = agent_after(lex, toks, j + 1) {
                    if !taken[j..end].iter().any(|t| *t) {
                        out.push(candidate(
                            text,
                            toks,
                            j,
                            end,
                            Who::Body,
                            c.name.clone(),
                            Some(c.key.clone()),
                            c.code.clone(),
                            Some(s),
                            false,
                            None,
                        ));
                        taken[j..end].iter_mut().for_each(|t| *t = true);
                        j = end;
                        continue;
                    }
                }
            }
        }
        if let Some(a) = lex.agents.get(&toks[j].upper) {
            // "side", "state" and "party" only name an actor after a nationality.
            let weak = matches!(
                toks[j].upper.as_str(),
                "SIDE"
                    | "STATE"
                    | "PARTY"
                    | "AIR"
                    | "MILITARY"
                    | "INTELLIGENCE"
                    | "OPPOSITION"
                    | "POLICE"
                    | "BORDER"
                    | "PRIME"
                    | "FORCE"
                    | "UNITS"
                    | "MEDIA"
                    | "PEOPLE"
            );
            let opens = j == 0 || DETERMINERS.contains(&toks[j - 1].upper.as_str());
            if !weak && (raw.starts_with(char::is_lowercase) || opens) {
                let end = agent_after(lex, toks, j).map_or(j + 1, |(e, _)| e);
                out.push(candidate(
                    text,
                    toks,
                    j,
                    end,
                    Who::Agent,
                    Span::new(toks[j].span.start, toks[end - 1].span.end)
                        .of(text)
                        .to_string(),
                    None,
                    None,
                    Some(a.sector.clone()),
                    false,
                    None,
                ));
                taken[j..end].iter_mut().for_each(|t| *t = true);
                j = end;
                continue;
            }
        }
        // Pronouns stand for who the last sentences were about.
        let antecedent = match toks[j].upper.as_str() {
            "HE" | "SHE" => memory.person.clone(),
            "THEY" => memory.group.clone(),
            _ => None,
        };
        if let Some(p) = antecedent {
            out.push(Candidate {
                first: j,
                end: j + 1,
                who: Who::Pronoun,
                participant: Participant {
                    text: raw.to_string(),
                    span: toks[j].span,
                    inferred: true,
                    ..p
                },
                possessive: false,
                governed_by: governed_by(toks, j),
                entity: None,
            });
        }
        j += 1;
    }
    out.sort_by_key(|c| c.first);
    capital_of(gaz, toks, &mut out);
    titled_people(text, toks, out)
}

/// "U.S. President Donald Trump" is the person, not the country: a country or body
/// right before a person's name is the person's title.
fn titled_people(text: &str, toks: &[Tok], cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for mut c in cands {
        if c.who == Who::Person {
            if let Some(prev) = out.last() {
                if prev.end == c.first
                    && matches!(prev.who, Who::Body | Who::Place)
                    && !prev.possessive
                {
                    let prev = out.pop().expect("just seen");
                    c.first = prev.first;
                    c.participant.span =
                        Span::new(prev.participant.span.start, c.participant.span.end);
                    c.participant.text = c.participant.span.of(text).to_string();
                    c.participant.code = c.participant.code.or(prev.participant.code);
                    c.participant.sector = c.participant.sector.or(prev.participant.sector);
                    c.governed_by = governed_by(toks, c.first);
                }
            }
        }
        out.push(c);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn candidate(
    text: &str,
    toks: &[Tok],
    first: usize,
    end: usize,
    who: Who,
    name: String,
    entity: Option<String>,
    code: Option<String>,
    sector: Option<String>,
    inferred: bool,
    entity_index: Option<usize>,
) -> Candidate {
    let span = Span::new(toks[first].span.start, toks[end - 1].span.end);
    Candidate {
        first,
        end,
        who,
        participant: Participant {
            name,
            text: span.of(text).to_string(),
            span,
            entity,
            code,
            sector,
            inferred,
        },
        possessive: toks
            .get(end)
            .is_some_and(|t| t.upper == "'S" || t.upper == "'"),
        governed_by: governed_by(toks, first),
        entity: entity_index,
    }
}

/// "the capital of Ukraine" is Kyiv.
fn capital_of(gaz: &Gazetteer, toks: &[Tok], out: &mut [Candidate]) {
    for c in out.iter_mut() {
        if c.first < 2 || toks[c.first - 1].upper != "OF" || toks[c.first - 2].upper != "CAPITAL" {
            continue;
        }
        let Some(country) = c.participant.entity.as_deref().and_then(|k| gaz.get(k)) else {
            continue;
        };
        let Some(capital) = country.capital.as_deref().and_then(|k| gaz.get(k)) else {
            continue;
        };
        let start = toks[c.first - 2].span.start;
        let first = c.first - 2;
        c.participant.name = capital.name.clone();
        c.participant.entity = Some(capital.key.clone());
        c.participant.span = Span::new(start, c.participant.span.end);
        c.first = first;
        c.governed_by = governed_by(toks, first);
    }
}

/// The actor and recipient of the event coded at `coded`.
pub(crate) fn roles(
    toks: &[Tok],
    cands: &[Candidate],
    coded: &Coded,
) -> (Vec<Participant>, Vec<Participant>) {
    let start = clause_start(toks, coded.first);
    let stop = clause_end(toks, coded.end).min(coded.extent.1.max(coded.end) + 15);
    let passive = !coded.noun
        && (coded.first.saturating_sub(2)..coded.first).any(|j| {
            matches!(
                toks[j].upper.as_str(),
                "WAS" | "WERE" | "BEEN" | "BE" | "IS" | "ARE" | "BEING"
            )
        })
        && toks[coded.first].upper.ends_with("ED");
    let after = |c: &&Candidate| c.first >= coded.end && c.first < stop;
    let by_agent = cands.iter().filter(after).find(|c| {
        (c.governed_by.as_deref() == Some("BY")
            || coded.noun && c.governed_by.as_deref() == Some("FROM"))
            && c.first <= coded.extent.1.max(coded.end) + 4
    });
    let first_in_sentence = cands
        .iter()
        .find(|c| c.governed_by.is_none())
        .map(|c| c.first);
    let subject = cands.iter().rfind(|c| {
        c.end <= coded.first
            && c.first >= start
            && c.governed_by.is_none()
            && (!c.possessive || Some(c.first) == first_in_sentence || c.end + 3 >= coded.first)
            && (c.who != Who::Place || !coded.noun || c.end + 2 >= coded.first)
    });
    // A nationality or possessor right before a noun is its actor: "Russian attack",
    // "Trump's threat".
    let adjacent = coded.noun.then(|| {
        cands.iter().rfind(|c| {
            c.end <= coded.first && c.end + 2 >= coded.first && (c.possessive || c.who == Who::Body)
        })
    });
    let (actor, recipient_first) = if passive {
        (by_agent, subject)
    } else if let Some(Some(a)) = adjacent {
        (Some(a), None)
    } else if coded.noun && by_agent.is_some() {
        // "a ceasefire demand from Trump" to Putin, the clause's subject.
        (by_agent, subject)
    } else if coded.noun {
        (subject, None)
    } else {
        (subject.or(by_agent), None)
    }; // "Israel and Hamas agreed": the actors joined before the nearest one.
    let mut actors: Vec<&Candidate> = actor.into_iter().collect();
    if let Some(a) = actor.filter(|a| a.end <= coded.first) {
        let mut first = a.first;
        for c in cands.iter().rev().filter(|c| c.end <= a.first) {
            // Candidates can overlap (a name inside a longer phrase); one that reaches
            // into the actor already taken is not another actor.
            if c.end > first {
                continue;
            }
            let between = &toks[c.end..first];
            let joined = !between.is_empty()
                && between.len() <= 2
                && between
                    .iter()
                    .all(|t| matches!(t.upper.as_str(), "AND" | ","))
                && between.iter().any(|t| t.upper == "AND")
                && c.who != Who::Pronoun;
            if !joined {
                break;
            }
            actors.insert(0, c);
            first = c.first;
        }
    }
    let mut recipient: Vec<Participant> = Vec::new();
    let actor_name = actor.map(|a| a.participant.name.clone());
    if let Some(r) = recipient_first {
        recipient.push(r.participant.clone());
    } else {
        let mut rest = cands
            .iter()
            .filter(after)
            .filter(|c| c.governed_by.as_deref() != Some("BY") || passive)
            .filter(|c| by_agent.is_none_or(|b| b.first != c.first))
            .filter(|c| Some(&c.participant.name) != actor_name.as_ref())
            .filter(|c| !c.possessive || c.end + 2 >= stop);
        if let Some(first) = rest.next() {
            recipient.push(first.participant.clone());
            let mut last_end = first.end;
            for c in rest {
                if c.first < last_end {
                    continue;
                }
                let between = &toks[last_end..c.first];
                let joined = between.len() <= 2
                    && between
                        .iter()
                        .all(|t| matches!(t.upper.as_str(), "AND" | "," | "OR" | "&"));
                if !joined {
                    break;
                }
                recipient.push(c.participant.clone());
                last_end = c.end;
            }
        }
    }
    let names: Vec<&String> = actors.iter().map(|a| &a.participant.name).collect();
    recipient.retain(|r| !names.contains(&&r.name));
    (
        actors.into_iter().map(|a| a.participant.clone()).collect(),
        recipient,
    )
}

/// The place after "in", "at" or "near" in the event's sentence, nearest the trigger.
pub(crate) fn location(
    input: &Input<'_>,
    toks: &[Tok],
    cands: &[Candidate],
    coded: &Coded,
) -> Option<Place> {
    let gaz = input.gazetteer;
    let c = cands
        .iter()
        .filter(|c| c.who == Who::Place)
        .filter(|c| {
            matches!(
                c.governed_by.as_deref(),
                Some("IN" | "AT" | "NEAR" | "OUTSIDE")
            )
        })
        .min_by_key(|c| c.first.abs_diff(coded.first))?; // An article entity, or a name only the gazetteer found.
    let key = c.participant.entity.clone()?;
    let entry = gaz.get(&key);
    let country = entry
        .filter(|x| x.subtype == Subtype::Country)
        .and_then(|x| x.code.clone())
        .or_else(|| c.participant.code.clone());
    let _ = toks;
    Some(Place {
        name: c.entity.map_or_else(
            || c.participant.name.clone(),
            |i| input.entities[i].name.clone(),
        ),
        text: c.participant.text.clone(),
        span: c.participant.span,
        key: Some(key),
        country,
        coords: entry.and_then(|x| x.coords),
    })
}

/// An event whose sentence names no actor gets the country the article is most about
/// other than the recipient's ("A recent attack on Kyiv killed 31 people", in an
/// article about Russia's war), marked inferred, when one country clearly leads.
pub(crate) fn infer_missing_actors(input: &Input<'_>, events: &mut [Event]) {
    let gaz = input.gazetteer;
    let mut counts: Vec<(String, usize, &Entity)> = Vec::new();
    for e in input.entities {
        let entry = gaz.get(&e.key);
        let country = match entry.map(|x| x.subtype) {
            Some(Subtype::Country) => entry.and_then(|x| x.code.clone()),
            Some(
                Subtype::Government | Subtype::Metonym | Subtype::Nationality | Subtype::Military,
            ) => country_code(gaz, e.country.as_deref()),
            _ => None,
        };
        let Some(code) = country else { continue };
        match counts.iter_mut().find(|(c, _, _)| *c == code) {
            Some(entry) => entry.1 += e.mentions.len(),
            None => counts.push((code, e.mentions.len(), e)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    for ev in events.iter_mut().filter(|e| e.actor.is_empty()) {
        let excluded: Vec<&str> = ev
            .recipient
            .iter()
            .filter_map(|r| r.code.as_deref())
            .collect();
        let mut rest = counts
            .iter()
            .filter(|(c, _, _)| !excluded.contains(&c.as_str()));
        let Some((code, n, entity)) = rest.next() else {
            continue;
        };
        let runner_up = rest.next().map_or(0, |r| r.1);
        if *n < 2 || *n <= runner_up {
            continue;
        }
        let country = gaz
            .get(&format!(
                "country:{}",
                entity.country.as_deref().unwrap_or("")
            ))
            .or_else(|| gaz.get(&entity.key));
        let first = &entity.mentions[0];
        ev.actor.push(Participant {
            name: country.map_or(entity.name.clone(), |c| c.name.clone()),
            text: first.text.clone(),
            span: first.span,
            entity: Some(country.map_or(entity.key.clone(), |c| c.key.clone())),
            code: Some(code.clone()),
            sector: None,
            inferred: true,
        });
    }
}
