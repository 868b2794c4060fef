//! Provenance: the outlet that published an article and the outlets it names as where
//! its reporting comes from ("according to a report by The New York Times on July 9",
//! "told Reuters", "Bloomberg reports, writes UNN"), and which of them each quote comes
//! through.
//!
//! An outlet counts as cited only where a cue ties it to what the article says; an
//! outlet in a photo credit ("REUTERS/Marcos Brindicci") is not an origin.

use tri_gazetteer::Gazetteer;
use tri_model::{CitedOutlet, Outlet, OutletEvidence, Provenance, Source, SourceKind};

use crate::doc::Doc;
use crate::words;
use crate::Found;

/// The provenance, with where each cited outlet is named, for assigning quotes to them.
pub(crate) struct ProvenanceFound {
    pub provenance: Provenance,
    /// Per sentence that names a cited outlet as a source: the first such outlet.
    cited_in: std::collections::HashMap<usize, usize>,
}

/// Words right before an outlet's name that cite it.
const CITING_BEFORE: &[&str] = &[
    "according",
    "to",
    "by",
    "told",
    "informed",
    "citing",
    "cited",
    "with",
    "via",
    "tells",
    "telling",
    "quoting",
    "quoted",
    "per",
    "from",
];

/// Words right after an outlet's name that cite it.
const CITING_AFTER: &[&str] = &[
    "reports",
    "reported",
    "report",
    "writes",
    "wrote",
    "says",
    "said",
    "notes",
    "noted",
    "cited",
    "citing",
    "learned",
    "learnt",
    "quoted",
    "revealed",
    "reveals",
    "published",
    "has",
    "first",
];

/// Words right before an outlet's name that mark a photo or video credit.
const CREDIT_BEFORE: &[&str] = &[
    "photo",
    "courtesy",
    "credit",
    "image",
    "©",
    "copyright",
    "video",
    "file",
];

pub(crate) fn find(
    doc: &Doc,
    gazetteer: &Gazetteer,
    outlet: Option<&str>,
    title: Option<&str>,
) -> ProvenanceFound {
    let mut publisher = outlet.map(|name| {
        let entry = gazetteer
            .lookup(name)
            .into_iter()
            .find(|e| e.subtype.is_news_source());
        Outlet {
            name: entry.map_or_else(|| name.to_string(), |e| e.name.clone()),
            key: entry.map(|e| e.key.clone()),
            evidence: OutletEvidence::Metadata,
            span: None,
        }
    });
    // Outlet mentions in text order: (token, end token, entity).
    let mut mentions = Vec::new();
    for (ei, e) in doc.entities.iter().enumerate() {
        if !gazetteer
            .get(&e.key)
            .is_some_and(|x| x.subtype.is_news_source())
        {
            continue;
        }
        for m in &e.mentions {
            let first = doc.token_at(m.span.start);
            let end = doc.token_at(m.span.end);
            mentions.push((first, end.max(first + 1), ei));
        }
    }
    mentions.sort();
    if publisher.is_none() {
        publisher = mentions.iter().find_map(|&(first, end, ei)| {
            let before = (first > 0).then(|| doc.lower(first - 1));
            let before2 = (first > 1).then(|| doc.lower(first - 2));
            let ends_sentence = end >= doc.len()
                || doc.sentence_of[end] != doc.sentence_of[first]
                || doc.is_punct(end);
            // ", writes UNN." closing a sentence that cites another outlet; "an exclusive
            // publication of Observer News"; "© Observer News".
            let relays = matches!(before, Some("writes" | "reports" | "informs")) && ends_sentence;
            let owns = (before == Some("of")
                && matches!(before2, Some("publication" | "property")))
                || matches!(before, Some("©" | "copyright"));
            (relays || owns).then(|| Outlet {
                name: doc.entities[ei].name.clone(),
                key: Some(doc.entities[ei].key.clone()),
                evidence: OutletEvidence::Text,
                span: Some(doc.span_of(first, end)),
            })
        });
    }
    let publisher_key = publisher.as_ref().and_then(|p| p.key.clone());
    let mut cited: Vec<CitedOutlet> = Vec::new();
    let mut sentences: Vec<Vec<usize>> = Vec::new();
    for &(first, end, ei) in &mentions {
        let e = &doc.entities[ei];
        if publisher_key.as_deref() == Some(e.key.as_str()) {
            continue;
        }
        let before: Vec<&str> = (first.saturating_sub(4)..first)
            .map(|i| doc.lower(i))
            .collect();
        let after = (end < doc.len()).then(|| doc.lower(end));
        let credit = before.iter().any(|w| CREDIT_BEFORE.contains(w))
            || matches!(after, Some("/" | "photo" | "file"))
            || (end < doc.len() && doc.word(end).starts_with('/'));
        if credit {
            continue;
        }
        let cue_before = (first.saturating_sub(4)..first)
            .rev()
            .take_while(|&i| !doc.is_punct(i))
            .find(|&i| CITING_BEFORE.contains(&doc.lower(i)));
        let cue_after = after.filter(|w| CITING_AFTER.contains(w));
        let cue = match (cue_after, cue_before) {
            (Some(w), _) => w.to_string(),
            (None, Some(i)) => {
                // From the first citing word: "according to a report by".
                let from = (first.saturating_sub(6)..i)
                    .find(|&j| doc.lower(j) == "according" && (j..first).all(|x| !doc.is_punct(x)))
                    .unwrap_or(i);
                let mut to = first;
                while to > from + 1 && matches!(doc.lower(to - 1), "the" | "a" | "an") {
                    to -= 1;
                }
                doc.text_of(from, to).to_string()
            }
            (None, None) => continue,
        };
        let date = date_after(doc, end);
        let span = doc.span_of(first, end);
        let sentence = doc.sentence_of[first];
        match cited
            .iter()
            .position(|c| c.key.as_deref() == Some(e.key.as_str()))
        {
            Some(c) => {
                cited[c].mentions.push(span);
                sentences[c].push(sentence);
            }
            None => {
                cited.push(CitedOutlet {
                    name: e.name.clone(),
                    key: Some(e.key.clone()),
                    mentions: vec![span],
                    cue: cue.trim().to_string(),
                    date,
                    quotes: 0,
                });
                sentences.push(vec![sentence]);
            }
        }
    }
    // An origin named in a title kept apart from the text: "..., Reuters Report",
    // "Reuters: ...", "... - Bloomberg".
    if let Some(title) = title {
        if let Some((entry, cue)) = title_origin(gazetteer, title) {
            if publisher_key.as_deref() != Some(entry.key.as_str()) {
                match cited
                    .iter()
                    .position(|c| c.key.as_deref() == Some(entry.key.as_str()))
                {
                    Some(_) => {}
                    None => {
                        cited.insert(
                            0,
                            CitedOutlet {
                                name: entry.name.clone(),
                                key: Some(entry.key.clone()),
                                mentions: Vec::new(),
                                cue: format!("title: {cue}"),
                                date: None,
                                quotes: 0,
                            },
                        );
                        sentences.insert(0, Vec::new());
                    }
                }
            }
        }
    }
    // The origin: the outlet cited most often, the first cited on a tie.
    let origin = (0..cited.len()).max_by_key(|&c| (cited[c].mentions.len(), std::cmp::Reverse(c)));
    let mut cited_in = std::collections::HashMap::new();
    for (c, ss) in sentences.iter().enumerate() {
        for &s in ss {
            cited_in.entry(s).or_insert(c);
        }
    }
    ProvenanceFound {
        cited_in,
        provenance: Provenance {
            publisher,
            cited,
            origin,
        },
    }
}

/// "on July 9" right after a cited outlet: the date of its report, as written.
fn date_after(doc: &Doc, end: usize) -> Option<String> {
    if end + 1 >= doc.len() || doc.lower(end) != "on" || !words::is_month_or_day(doc.lower(end + 1))
    {
        return None;
    }
    let mut last = end + 2;
    if last < doc.len() && !doc.is_word(last) && !doc.is_punct(last) {
        last += 1;
    }
    Some(doc.text_of(end + 1, last).to_string())
}

/// The cited outlet a quote reaches the article through: the outlet that is its
/// source, the one named in its sentence ("told Reuters"), else the article's origin.
pub(crate) fn via(
    doc: &Doc,
    prov: &ProvenanceFound,
    f: &Found,
    source: Option<&Source>,
) -> Option<usize> {
    if let Some(s) = source.filter(|s| s.kind == SourceKind::Outlet) {
        return s.outlet;
    }
    let sentence = doc.sentence_of[f.anchor.min(doc.len().saturating_sub(1))];
    // "..., the publication writes": relayed by the outlet the article retells.
    let named_here = prov.cited_in.get(&sentence).copied();
    if f.relay.is_some() && named_here.is_none() {
        return prov.provenance.origin;
    }
    if let Some(c) = named_here {
        return Some(c);
    }
    prov.provenance.origin
}

/// A news outlet a title names as its origin, with the words that say so.
fn title_origin<'g>(
    gazetteer: &'g Gazetteer,
    title: &str,
) -> Option<(&'g tri_gazetteer::Entry, String)> {
    let tokens = tri_text::tokenize(title);
    let words: Vec<&str> = tokens.iter().map(|t| t.span.of(title)).collect();
    for n in (1..=4).rev() {
        for i in 0..words.len().saturating_sub(n - 1) {
            let name = title[tokens[i].span.start..tokens[i + n - 1].span.end].to_string();
            let Some(entry) = gazetteer
                .lookup(&name)
                .into_iter()
                .find(|e| e.subtype.is_news_source())
            else {
                continue;
            };
            let after = words.get(i + n).map(|w| w.to_lowercase());
            let before = (i > 0).then(|| words[i - 1].to_lowercase());
            let cites = matches!(
                after.as_deref(),
                Some("report" | "reports" | "says" | "writes" | "exclusive" | ":")
            ) || matches!(
                before.as_deref(),
                Some("-" | "\u{2014}" | "|" | "to" | "tells" | "told")
            ) || (i == 0 && after.as_deref() == Some(":"));
            if cites {
                let to = (i + n + 1).min(words.len());
                let from = i.saturating_sub(usize::from(before.is_some() && after.is_none()));
                return Some((entry, words[from..to].join(" ")));
            }
        }
    }
    None
}
