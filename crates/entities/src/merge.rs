//! Merging candidates into entities within one article, and the order of the stages.

use std::collections::HashMap;

use tri_gazetteer::{Entry, Gazetteer, Subtype};
use tri_model::{EntityKind, Mention, Span};
use tri_text::Segmented;

use crate::clean::{self, Candidate};
use crate::doc::Doc;
use crate::fold;
use crate::gaz::{self, Gaz, Offices};
use crate::lexicon;
use crate::metonym;
use crate::nominal::{self, Nominal};
use crate::roles::{self, RoleInfo};
use crate::{Entity, EntityMention, MentionForm};

const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organisation,
    EntityKind::Place,
    EntityKind::Group,
];

fn kind_index(k: EntityKind) -> usize {
    KINDS.iter().position(|&x| x == k).unwrap_or(0)
}

/// One mention inside a cluster.
#[derive(Debug, Clone)]
struct Member {
    span: Span,
    text: String,
    /// Folded words of the text.
    words: usize,
    metonym: bool,
    nominal: bool,
}

/// The mentions of one entity, as they are merged.
#[derive(Debug, Clone)]
struct Cluster<'g> {
    entry: Option<&'g Entry>,
    /// Folded words of the longest name, for short-name matching.
    words: Vec<String>,
    members: Vec<Member>,
    votes: [u32; 4],
    info: RoleInfo,
    /// Byte offset of the latest member, to prefer the nearest antecedent.
    last: usize,
}

impl<'g> Cluster<'g> {
    fn new(entry: Option<&'g Entry>) -> Self {
        Cluster {
            entry,
            words: entry
                .filter(|e| e.kind == EntityKind::Person)
                .map(|e| fold::fold_words(&e.name))
                .unwrap_or_default(),
            members: Vec::new(),
            votes: [0; 4],
            info: RoleInfo::default(),
            last: 0,
        }
    }

    fn is_person(&self) -> bool {
        match self.entry {
            Some(e) => e.kind == EntityKind::Person,
            None => self.kind() == EntityKind::Person,
        }
    }

    /// The majority kind over the votes; ties go to the earlier of person, organisation,
    /// place, group.
    fn kind(&self) -> EntityKind {
        let mut best = 0;
        for i in 1..4 {
            if self.votes[i] > self.votes[best] {
                best = i;
            }
        }
        KINDS[best]
    }

    fn add(&mut self, c: &Candidate, words: Vec<String>) {
        self.votes[kind_index(c.kind)] += 1;
        if c.person_hint {
            self.votes[0] += 2;
        }
        if c.org_hint {
            self.votes[1] += 2;
        }
        self.info.merge(&c.info);
        if self.entry.is_none_or(|e| e.kind != EntityKind::Person) && words.len() > self.words.len()
        {
            self.words = words.clone();
        }
        self.members.push(Member {
            span: c.span,
            text: c.text.clone(),
            words: words.len(),
            metonym: c.metonym,
            nominal: false,
        });
        self.last = self.last.max(c.span.start);
    }

    fn absorb(&mut self, other: Cluster<'g>) {
        for i in 0..4 {
            self.votes[i] += other.votes[i];
        }
        self.info.merge(&other.info);
        if other.words.len() > self.words.len() && self.entry.is_none() {
            self.words = other.words;
        }
        self.members.extend(other.members);
        self.last = self.last.max(other.last);
        if self.entry.is_none() {
            self.entry = other.entry;
        }
    }
}

pub(crate) fn resolve(
    text: &str,
    segmented: &Segmented,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Vec<Entity> {
    let doc = Doc::new(text, segmented);
    let gaz = &Gaz::new(gazetteer);
    let mut cands = clean::candidates(&doc, gaz, mentions);
    attach_roles(&doc, gaz, &mut cands);
    for c in &mut cands {
        if c.entry.is_some_and(|e| e.stands_for.is_some())
            && c.first < c.end
            && c.span == doc.span_of(c.first, c.end)
        {
            c.metonym = metonym::is_actor_use(&doc, c.first, c.end);
        }
    }
    places_in_lists(&doc, gaz, &mut cands);
    let nominals = nominal::find(&doc, gaz);
    // A demonym inside a nominal ("the [Russian] president") is an adjective, not a
    // mention of the nation.
    cands.retain(|c| {
        let adjective = c.kind == EntityKind::Group
            || c.entry.is_some_and(|e| e.subtype == Subtype::Nationality);
        !(adjective && nominals.iter().any(|n| n.span.contains(c.span)))
    });
    let mut clusters = cluster(cands);
    add_nominals(gaz, &mut clusters, &nominals);
    finish(gaz, clusters)
}

/// Roles and affiliations for every name that may be a person; organisation names found
/// after "at"/"of" in a role become candidates themselves.
fn attach_roles<'g>(doc: &Doc, gaz: &Gaz<'g>, cands: &mut Vec<Candidate<'g>>) {
    let mut orgs: Vec<(usize, usize)> = Vec::new();
    for c in cands.iter_mut() {
        if c.known_non_person() || c.span != doc.span_of(c.first, c.end) {
            continue;
        }
        let info = roles::around(doc, gaz, c.first, c.end);
        if !info.roles.is_empty() {
            c.person_hint = true;
        }
        orgs.extend(info.org_ranges.iter().copied());
        c.info = info;
    }
    if orgs.is_empty() {
        return;
    }
    for (a, b) in orgs {
        if let Some(c) = cands.iter_mut().find(|c| c.first == a && c.end == b) {
            c.org_hint = true;
            continue;
        }
        // Fragments of the name ("German", "Policy Association") give way to it; a
        // candidate reaching outside it keeps its place.
        if cands
            .iter()
            .any(|c| c.first < b && a < c.end && !(a <= c.first && c.end <= b))
        {
            continue;
        }
        cands.retain(|c| !(a <= c.first && c.end <= b));
        let mut org = Candidate::new(doc, gaz, a, b, EntityKind::Organisation);
        org.org_hint = true;
        cands.push(org);
    }
    cands.sort_by_key(|c| c.span.start);
}

/// A name in a list of places is a place: "Crimea, Donetsk, Luhansk, Kherson, and
/// Zaporozhye" where the tagger took "Kherson" for a person and the gazetteer ranks the
/// town too low to overrule it. Applies to one-word names without an entry or any sign of
/// a person, next to a place with only `,`, `and`, `or` between.
fn places_in_lists<'g>(doc: &Doc, gaz: &Gaz<'g>, cands: &mut [Candidate<'g>]) {
    let is_place = |c: &Candidate| {
        c.entry
            .map_or(c.kind == EntityKind::Place, |e| e.kind == EntityKind::Place)
    };
    let listed = |a: &Candidate, b: &Candidate| {
        a.end <= b.first
            && b.first - a.end <= 2
            && doc.sentence(a.first) == doc.sentence(b.first)
            && (a.end..b.first).all(|i| matches!(doc.lower(i), "," | "and" | "or"))
            && a.end < b.first
    };
    for i in 0..cands.len() {
        let c = &cands[i];
        if c.entry.is_some() || c.kind == EntityKind::Place || c.person_hint || c.end - c.first != 1
        {
            continue;
        }
        let next_to_place = (i > 0 && is_place(&cands[i - 1]) && listed(&cands[i - 1], c))
            || (i + 1 < cands.len() && is_place(&cands[i + 1]) && listed(c, &cands[i + 1]));
        if !next_to_place {
            continue;
        }
        if let Some(e) = gaz
            .lookup(&c.text)
            .into_iter()
            .find(|e| e.kind == EntityKind::Place)
        {
            let c = &mut cands[i];
            c.entry = Some(e);
            c.kind = EntityKind::Place;
        }
    }
}

/// True when `short` names the person whose full name is `full`: its last words
/// ("Putin" in "Vladimir Putin") or first and last ("Ali Khamenei" in "Ali Hosseini
/// Khamenei").
fn names_part_of(short: &[String], full: &[String]) -> bool {
    if short.is_empty() || short.len() >= full.len() {
        return false;
    }
    full.ends_with(short)
        || (short.len() == 2 && short[0] == full[0] && short[1] == full[full.len() - 1])
}

fn cluster<'g>(cands: Vec<Candidate<'g>>) -> Vec<Cluster<'g>> {
    let mut clusters: Vec<Cluster<'g>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Clusters by the last folded word of their name, so that finding a short name's
    // antecedent looks only at people who share the surname. May hold stale entries;
    // every use checks the cluster again.
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for c in cands {
        let words = c.words.clone();
        let Some(last) = words.last().cloned() else {
            continue;
        };
        let personish = c.kind == EntityKind::Person
            || c.person_hint
            || c.entry.is_some_and(|e| e.kind == EntityKind::Person);
        // A big place or organisation is not a person's short name ("Washington").
        let surname_ok = personish || c.entry.is_none_or(|e| e.tier < 3);
        let same_surname: &[usize] = by_last.get(&last).map_or(&[], Vec::as_slice);
        let antecedent = surname_ok
            .then(|| {
                same_surname
                    .iter()
                    .map(|&i| (i, &clusters[i]))
                    .filter(|(_, k)| k.is_person() && names_part_of(&words, &k.words))
                    .filter(|(_, k)| match (c.entry, k.entry) {
                        (Some(a), Some(b)) => a.key == b.key || a.kind != EntityKind::Person,
                        _ => true,
                    })
                    .max_by_key(|(_, k)| k.last)
                    .map(|(i, _)| i)
            })
            .flatten();
        let target = if let Some(i) = antecedent {
            i
        } else if let Some(e) = c.entry {
            *by_key.entry(e.key.clone()).or_insert_with(|| {
                clusters.push(Cluster::new(Some(e)));
                clusters.len() - 1
            })
        } else {
            // A full name after its short form ("Witkoff" ... "Steve Witkoff").
            let later_full = (personish && words.len() >= 2)
                .then(|| {
                    same_surname.iter().copied().find(|&i| {
                        let k = &clusters[i];
                        k.entry.is_none()
                            && k.is_person()
                            && k.words.len() == 1
                            && k.words[0] == last
                    })
                })
                .flatten();
            let key = format!("~{}", words.join("-"));
            match later_full {
                Some(i) => {
                    by_key.insert(key, i);
                    i
                }
                None => *by_key.entry(key).or_insert_with(|| {
                    clusters.push(Cluster::new(None));
                    clusters.len() - 1
                }),
            }
        };
        let before = clusters[target].words.last().cloned();
        clusters[target].add(&c, words);
        let after = clusters[target].words.last();
        if after.is_some() && (after != before.as_ref() || clusters[target].members.len() == 1) {
            let list = by_last
                .entry(after.cloned().unwrap_or_default())
                .or_default();
            if !list.contains(&target) {
                list.push(target);
            }
        }
    }
    clusters
}

/// Folded offices a cluster holds, from the article's roles and the gazetteer's.
fn offices(gaz: &Gaz, k: &Cluster) -> Vec<String> {
    let mut out: Vec<String> = k
        .info
        .roles
        .iter()
        .map(|r| {
            let l = lexicon::lower(r);
            match l.as_str() {
                "spokesperson" | "spokeswoman" | "press secretary" => "spokesman".to_string(),
                "premier" => "prime minister".to_string(),
                _ => l,
            }
        })
        .collect();
    if let Some((office, _)) = k.entry.and_then(|e| gaz::office_of_role(gaz.raw(), e)) {
        out.push(office);
    }
    out
}

fn country_of_cluster(k: &Cluster) -> Option<String> {
    k.entry
        .and_then(|e| e.country.clone())
        .or_else(|| k.info.country.clone())
}

/// Attaches each nominal to the person it names: the nearest person in the article (before
/// it, else after it) holding the office for that country, else the gazetteer's holder.
fn add_nominals<'g>(gaz: &Gaz<'g>, clusters: &mut Vec<Cluster<'g>>, nominals: &[Nominal]) {
    if nominals.is_empty() {
        return;
    }
    let mut offices_index: Option<Offices<'g>> = None;
    let holders: Vec<(Vec<String>, Option<String>)> = clusters
        .iter()
        .map(|k| {
            if k.is_person() {
                (offices(gaz, k), country_of_cluster(k))
            } else {
                (Vec::new(), None)
            }
        })
        .collect();
    for n in nominals {
        let holds = |i: usize| {
            let (offices, country) = &holders[i];
            country.as_deref() == Some(n.country.as_str())
                && offices.iter().any(|o| gaz::office_answers(o, n.office))
        };
        let first_at = |k: &Cluster| {
            k.members
                .iter()
                .map(|m| m.span.start)
                .min()
                .unwrap_or(usize::MAX)
        };
        let before = (0..holders.len())
            .filter(|&i| holds(i) && first_at(&clusters[i]) < n.span.start)
            .max_by_key(|&i| {
                clusters[i]
                    .members
                    .iter()
                    .map(|m| m.span.start)
                    .filter(|&s| s < n.span.start)
                    .max()
            });
        let target = before.or_else(|| {
            (0..holders.len())
                .filter(|&i| holds(i))
                .min_by_key(|&i| first_at(&clusters[i]))
        });
        let target = match target {
            Some(i) => i,
            None => {
                let index = offices_index.get_or_insert_with(|| Offices::build(gaz.raw()));
                let Some(e) = index.lookup(n.office, &n.country) else {
                    continue;
                };
                match clusters
                    .iter()
                    .position(|k| k.entry.is_some_and(|x| x.key == e.key))
                {
                    Some(i) => i,
                    None => {
                        let mut k = Cluster::new(Some(e));
                        k.votes[0] += 1;
                        clusters.push(k);
                        clusters.len() - 1
                    }
                }
            }
        };
        let k = &mut clusters[target];
        k.members.push(Member {
            span: n.span,
            text: n.text.clone(),
            words: 0,
            metonym: false,
            nominal: true,
        });
    }
}

/// Final kind, name, key and entry of each cluster; clusters that turn out to share a key
/// are merged; entities come out in order of first mention.
fn finish(gaz: &Gaz, clusters: Vec<Cluster>) -> Vec<Entity> {
    let mut resolved: Vec<(String, Cluster)> = Vec::with_capacity(clusters.len());
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for mut k in clusters {
        if k.members.is_empty() {
            continue;
        }
        if k.entry.is_none() {
            let name = longest_name(&k).to_string();
            k.entry = gaz.choose(&name, k.kind());
        }
        let key = match k.entry {
            Some(e) => e.key.clone(),
            // What `canonical_key` gives when the gazetteer does not know the name.
            None => crate::folded_key(k.kind(), longest_name(&k)),
        };
        match by_key.get(&key) {
            Some(&i) => resolved[i].1.absorb(k),
            None => {
                by_key.insert(key.clone(), resolved.len());
                resolved.push((key, k));
            }
        }
    }
    let mut out: Vec<Entity> = resolved
        .into_iter()
        .map(|(key, k)| entity(key, k))
        .collect();
    out.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.span.start));
    out
}

/// The longest name among a cluster's mentions: most words, then most bytes, then first.
fn longest_name<'a>(k: &'a Cluster) -> &'a str {
    k.members
        .iter()
        .filter(|m| !m.nominal)
        .fold(None::<&Member>, |best, m| match best {
            Some(b) if (b.words, b.text.len()) >= (m.words, m.text.len()) => Some(b),
            _ => Some(m),
        })
        .map_or("", |m| m.text.as_str())
}

fn entity(key: String, mut k: Cluster) -> Entity {
    k.members.sort_by_key(|m| (m.span.start, m.span.end));
    k.members.dedup_by(|a, b| a.span == b.span);
    let kind = k.entry.map_or_else(|| k.kind(), |e| e.kind);
    let name = k
        .entry
        .map_or_else(|| longest_name(&k).to_string(), |e| e.name.clone());
    let full_words = if kind == EntityKind::Person {
        k.members
            .iter()
            .filter(|m| !m.nominal)
            .map(|m| m.words)
            .max()
            .unwrap_or(0)
            .max(fold::fold_words(&name).len())
    } else {
        0
    };
    let mut aliases: Vec<String> = Vec::new();
    let mentions = k
        .members
        .iter()
        .map(|m| {
            if !m.nominal && !aliases.contains(&m.text) {
                aliases.push(m.text.clone());
            }
            let form = if m.nominal {
                MentionForm::Nominal
            } else if m.metonym {
                MentionForm::Metonym
            } else if kind == EntityKind::Person && m.words < full_words {
                MentionForm::ShortName
            } else {
                MentionForm::Name
            };
            EntityMention {
                span: m.span,
                text: m.text.clone(),
                form,
            }
        })
        .collect::<Vec<_>>();
    let any_metonym = mentions.iter().any(|m| m.form == MentionForm::Metonym);
    let stands_for = k.entry.and_then(|e| {
        (e.subtype == Subtype::Metonym || any_metonym)
            .then(|| e.stands_for.clone())
            .flatten()
    });
    let (roles, affiliations) = if kind == EntityKind::Person {
        (k.info.roles.clone(), k.info.affiliations.clone())
    } else {
        (Vec::new(), Vec::new())
    };
    let country = k.entry.and_then(|e| e.country.clone()).or_else(|| {
        (kind == EntityKind::Person)
            .then(|| k.info.country.clone())
            .flatten()
    });
    Entity {
        key,
        kind,
        name,
        aliases,
        wikidata: k.entry.and_then(|e| e.wikidata.clone()),
        roles,
        affiliations,
        country,
        stands_for,
        mentions,
    }
}
