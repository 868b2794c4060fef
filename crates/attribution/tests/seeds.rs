//! Attribution on the five seed articles (`examples/seeds/`), read, extracted and
//! annotated as `ingest` does: every quote of `examples/seeds-expected.json` with its
//! speaker and affiliation, every anonymous source with its descriptor, count,
//! affiliation and the outlet it comes through, and each article's publisher and origin.

use std::sync::OnceLock;

use serde_json::Value;
use tri_gazetteer::Gazetteer;
use tri_model::{Article, Attributions, SourceKind};

fn seeds() -> &'static Vec<(&'static str, Article, Attributions)> {
    static DONE: OnceLock<Vec<(&str, Article, Attributions)>> = OnceLock::new();
    DONE.get_or_init(|| {
        let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
        tri_seeds::articles()
            .into_iter()
            .map(|(id, article)| {
                let at = annotator.annotate_article(&article).attributions;
                (id, article, at)
            })
            .collect()
    })
}

fn expected() -> Value {
    tri_seeds::expected()
}

fn seed(id: &str) -> &'static (&'static str, Article, Attributions) {
    seeds()
        .iter()
        .find(|(i, _, _)| *i == id)
        .expect("a seed id")
}

/// Quotation marks and spacing as one form, so that expected and found text compare.
fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two names of one organisation or outlet: equal, or the same gazetteer entry.
fn same_body(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let g = Gazetteer::embedded();
    let keys =
        |n: &str| -> Vec<String> { g.lookup(n).into_iter().map(|e| e.key.clone()).collect() };
    let (ka, kb) = (keys(a), keys(b));
    ka.iter().any(|k| kb.contains(k))
}

#[test]
fn every_expected_quote_has_its_speaker() {
    let mut failures = Vec::new();
    for q in expected()["quotes"].as_array().unwrap() {
        let id = q["article"].as_str().unwrap();
        let want = norm(q["text"].as_str().unwrap());
        let speaker = q["speaker"].as_str().unwrap();
        let (_, _, at) = seed(id);
        let Some(found) = at.quotes.iter().find(|f| norm(&f.text).contains(&want)) else {
            failures.push(format!("{id}: quote {want:?} not found"));
            continue;
        };
        let Some(s) = found.source else {
            failures.push(format!("{id}: {want:?} has no speaker, want {speaker}"));
            continue;
        };
        let source = &at.sources[s];
        let ok = match speaker.strip_prefix("anonymous: ") {
            Some(anon) => {
                let (descriptor, one_of) = match anon.strip_suffix(" (one of)") {
                    Some(d) => (d, true),
                    None => (anon, false),
                };
                let group = if one_of {
                    source.member_of.map(|g| &at.sources[g])
                } else {
                    Some(source)
                };
                source.kind == SourceKind::Anonymous
                    && group.is_some_and(|g| {
                        g.descriptor
                            .as_deref()
                            .is_some_and(|d| d.eq_ignore_ascii_case(descriptor))
                    })
                    && (!one_of || source.count == Some(1))
            }
            None => source.kind == SourceKind::Person && source.name == speaker,
        };
        if !ok {
            failures.push(format!("{id}: {want:?} is by {source:?}, want {speaker}"));
        }
        if let Some(aff) = q["affiliation"].as_str() {
            if !source
                .affiliation
                .as_deref()
                .is_some_and(|a| same_body(a, aff))
            {
                failures.push(format!(
                    "{id}: {speaker} affiliated with {:?}, want {aff}",
                    source.affiliation
                ));
            }
        }
        if q["kind"].as_str() == Some("direct") && found.kind != tri_model::QuoteKind::Direct {
            failures.push(format!("{id}: {want:?} is {:?}, want direct", found.kind));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_expected_anonymous_source_has_its_count_affiliation_and_outlet() {
    let mut failures = Vec::new();
    for want in expected()["anonymous_sources"].as_array().unwrap() {
        let id = want["article"].as_str().unwrap();
        let descriptor = want["descriptor"].as_str().unwrap();
        let (_, _, at) = seed(id);
        let Some(i) = at.sources.iter().position(|s| {
            s.kind == SourceKind::Anonymous && s.descriptor.as_deref() == Some(descriptor)
        }) else {
            failures.push(format!("{id}: no anonymous source {descriptor:?}"));
            continue;
        };
        let s = &at.sources[i];
        let count = want["count"].as_u64().map(|c| c as u32);
        if s.count != count {
            failures.push(format!(
                "{id}: {descriptor:?} counts {:?}, want {count:?}",
                s.count
            ));
        }
        let aff = want["affiliation"].as_str().unwrap();
        if !s.affiliation.as_deref().is_some_and(|a| same_body(a, aff)) {
            failures.push(format!(
                "{id}: {descriptor:?} affiliated with {:?}, want {aff}",
                s.affiliation
            ));
        }
        // The outlet its quotes come through, or none where the article names none.
        let vias: Vec<Option<&str>> = at
            .quotes
            .iter()
            .filter(|q| {
                q.source == Some(i) || q.source.is_some_and(|m| at.sources[m].member_of == Some(i))
            })
            .map(|q| q.via.map(|v| at.provenance.cited[v].name.as_str()))
            .collect();
        if vias.is_empty() {
            failures.push(format!("{id}: nothing is attributed to {descriptor:?}"));
        }
        match want["via"].as_str() {
            Some(via) => {
                if !vias.iter().all(|v| v.is_some_and(|v| same_body(v, via))) {
                    failures.push(format!(
                        "{id}: {descriptor:?} comes via {vias:?}, want {via}"
                    ));
                }
            }
            None => {
                if vias.iter().any(Option::is_some) {
                    failures.push(format!(
                        "{id}: {descriptor:?} comes via {vias:?}, want no outlet"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_article_has_its_publisher_and_origin() {
    let expected = expected();
    let mut failures = Vec::new();
    for (id, want) in expected["articles"].as_object().unwrap() {
        let (_, article, at) = seed(id);
        let publisher = at.provenance.publisher.as_ref().map(|p| p.name.as_str());
        match want["outlet"].as_str() {
            Some(outlet) if !publisher.is_some_and(|p| same_body(p, outlet)) => {
                failures.push(format!("{id}: published by {publisher:?}, want {outlet}"))
            }
            None if publisher.is_some() && article.outlet.is_none() => {
                failures.push(format!("{id}: published by {publisher:?}, want none"))
            }
            _ => {}
        }
        let origin = at
            .provenance
            .origin
            .map(|o| at.provenance.cited[o].name.as_str());
        let named = want["origin_named_in_text"].as_bool() != Some(false);
        match (named, want["origin"].as_str()) {
            (true, Some(o)) if !origin.is_some_and(|f| same_body(f, o)) => {
                failures.push(format!("{id}: origin {origin:?}, want {o}"))
            }
            // 002 never names Reuters: its origin stays unknown until story clustering.
            (false, _) if origin.is_some() => {
                failures.push(format!("{id}: origin {origin:?}, want none named"))
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_chain_runs_from_publisher_through_origin_to_the_source() {
    let (_, _, at) = seed("004");
    let markov = at
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Trump wants Putin"))
        .expect("Markov's quote");
    assert_eq!(at.provenance.publisher.as_ref().unwrap().name, "UNN");
    assert_eq!(
        at.provenance.cited[markov.via.unwrap()].key.as_deref(),
        Some("org:bloomberg")
    );
    assert_eq!(at.sources[markov.source.unwrap()].name, "Sergei Markov");
    // "the publication writes" is Bloomberg, the outlet UNN retells.
    let publication = at
        .quotes
        .iter()
        .find(|q| {
            q.text
                .starts_with("Vladimir Putin believes he has a strong hand")
        })
        .unwrap();
    let s = &at.sources[publication.source.unwrap()];
    assert_eq!(
        (s.kind, s.entity.as_deref()),
        (SourceKind::Outlet, Some("org:bloomberg"))
    );
}

/// The whole attribution output on each seed, one line a quote, pinned so that any
/// change in behaviour shows up as a readable diff in review.
#[test]
fn seed_attributions_snapshot() {
    for (id, article, at) in seeds() {
        let mut out = String::new();
        let p = &at.provenance;
        out += &format!(
            "publisher: {}\ncited: {}\norigin: {}\n\n",
            p.publisher
                .as_ref()
                .map_or("-".into(), |o| format!("{} ({:?})", o.name, o.evidence)),
            p.cited
                .iter()
                .map(|c| format!("{} [{}]", c.name, c.cue))
                .collect::<Vec<_>>()
                .join("; "),
            p.origin.map_or("-", |o| p.cited[o].name.as_str()),
        );
        for q in &at.quotes {
            let who = q.source.map_or("-".to_string(), |s| {
                let s = &at.sources[s];
                match s.count {
                    Some(n) => format!("{} <{} {n}>", s.name, s.kind.as_str()),
                    None => format!("{} <{}>", s.name, s.kind.as_str()),
                }
            });
            let text: String = q.text.chars().take(70).collect();
            out += &format!(
                "{}{} | {} | {:?} | cue {:?} | via {}\n",
                q.kind.as_str(),
                if q.fragment { " phrase" } else { "" },
                who,
                text,
                q.cue.map(|c| c.of(&article.text)).unwrap_or("-"),
                q.via.map_or("-", |v| p.cited[v].name.as_str()),
            );
        }
        insta::assert_snapshot!(format!("seed_{id}"), out);
    }
}
