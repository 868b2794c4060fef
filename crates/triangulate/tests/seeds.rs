//! The seeds' dossier: every `triangulation` entry of `examples/seeds-expected.json` is a
//! claim with its articles, its independent origins and its status; and every statement
//! of every claim points at its sentence in its article.
//!
//! The seeds are annotated as `ingest` annotates them (001 to 004 with the publication
//! dates a user gives with `--published`) and streamed through the story clusterer in
//! date order, as `triangulate report examples/seeds` does.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;
use tri_model::{Article, DateSource, Published};
use tri_triangulate::{dossier, stems, ArticleInput, Dossier, Options, Status};

struct Seeds {
    /// Seed number ("000") → article id.
    ids: HashMap<String, String>,
    articles: Vec<(Article, tri_annotate::Annotated)>,
    placements: HashMap<String, tri_stories::Placement>,
    story_ids: Vec<String>,
}

fn seeds() -> &'static Seeds {
    static DONE: OnceLock<Seeds> = OnceLock::new();
    DONE.get_or_init(|| {
        let expected = tri_seeds::expected();
        let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
        let mut ids = HashMap::new();
        let mut articles = Vec::new();
        for (id, mut a) in tri_seeds::articles() {
            if id != "000" {
                let date = expected["articles"][id]["published"].as_str().unwrap();
                a.published = Some(Published {
                    value: date.to_string(),
                    source: DateSource::User,
                });
            }
            ids.insert(id.to_string(), a.id.clone());
            let annotated = annotator.annotate_article(&a);
            articles.push((a, annotated));
        }
        let mut inputs: Vec<tri_stories::StoryInput> = articles
            .iter()
            .map(|(a, an)| {
                let date = a
                    .published
                    .as_ref()
                    .map(|p| p.value.clone())
                    .or_else(|| an.chronology.publication.as_ref().map(|p| p.date.clone()));
                tri_stories::StoryInput::from_article(
                    a,
                    Some(&an.attributions),
                    date.as_deref().and_then(tri_stories::epoch_seconds),
                )
            })
            .collect();
        inputs.sort_by_key(|i| i.published.unwrap_or(i64::MAX));
        let mut clusterer = tri_stories::StoryClusterer::new(tri_stories::StoryConfig::default());
        for i in inputs {
            clusterer.add(i);
        }
        let clustering = clusterer.finish();
        Seeds {
            ids,
            articles,
            placements: clustering.placements,
            story_ids: clustering.stories.iter().map(|s| s.id.clone()).collect(),
        }
    })
}

fn the_dossier() -> &'static Dossier {
    static DONE: OnceLock<Dossier> = OnceLock::new();
    DONE.get_or_init(|| {
        let s = seeds();
        let inputs: Vec<ArticleInput<'_>> = s
            .articles
            .iter()
            .map(|(a, an)| {
                let place = s.placements.get(&a.id);
                ArticleInput {
                    article: a,
                    attributions: Some(&an.attributions),
                    chronology: Some(&an.chronology),
                    figures: &an.figures,
                    events: &an.events,
                    story: place.map(|p| s.story_ids[p.story].as_str()),
                    origin: place.and_then(|p| p.origin.as_deref()),
                    copy_of: place.and_then(|p| p.copy_of.as_deref()),
                }
            })
            .collect();
        dossier(
            &inputs,
            &Options {
                id: "seeds".into(),
                today: "2025-08-06".into(),
            },
        )
    })
}

/// "Bloomberg" is "Bloomberg News", "The New York Times" is "New York Times".
fn same_outlet(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.to_lowercase()
            .replace("the ", "")
            .replace(" news", "")
            .trim()
            .to_string()
    };
    key(a) == key(b)
}

fn status(name: &str) -> Status {
    match name {
        "corroborated" => Status::Corroborated,
        "single origin" => Status::SingleOrigin,
        "contested" => Status::Contested,
        "internally inconsistent" => Status::InternallyInconsistent,
        other => panic!("unknown status {other}"),
    }
}

#[test]
fn every_expected_triangulation_entry_is_a_claim() {
    let s = seeds();
    let d = the_dossier();
    let expected = tri_seeds::expected();
    let entries = expected["triangulation"].as_array().unwrap();
    assert!(!entries.is_empty());
    for entry in entries {
        let claim_text = entry["claim"].as_str().unwrap();
        let want_articles: Vec<&String> = entry["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &s.ids[a.as_str().unwrap()])
            .collect();
        let want_status = status(entry["status"].as_str().unwrap());
        let want_origins: Vec<&str> = entry
            .get("independent_origins")
            .and_then(Value::as_array)
            .map(|o| o.iter().map(|x| x.as_str().unwrap()).collect())
            .unwrap_or_default();
        let claim_words = stems(claim_text);
        let found = d.claims.iter().find(|c| {
            let words_shared = c
                .support
                .iter()
                .filter(|sup| want_articles.contains(&&sup.article))
                .any(|sup| {
                    let sw = stems(&sup.sentence);
                    claim_words.iter().filter(|w| sw.contains(w)).count() >= 2
                });
            c.status == want_status
                && want_articles.iter().all(|a| c.articles.contains(a))
                && want_origins
                    .iter()
                    .all(|o| c.origins.iter().any(|x| same_outlet(x, o)))
                && (want_origins.is_empty()
                    || c.origins.len() == want_origins.len()
                    || want_status == Status::Corroborated)
                && words_shared
        });
        let found = found.unwrap_or_else(|| {
            panic!(
                "no claim for {claim_text:?} ({want_status:?}, {want_origins:?}); claims:\n{}",
                d.claims
                    .iter()
                    .filter(|c| c.articles.len() > 1 || c.status != Status::SingleOrigin)
                    .map(|c| format!(
                        "{} {:?} {:?} {:?} {}",
                        c.id,
                        c.status,
                        c.origins,
                        c.articles.iter().map(|a| &a[..4]).collect::<Vec<_>>(),
                        c.text
                    ))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        if entry["kind"].as_str() == Some("prediction") {
            assert!(
                found.due.is_some(),
                "{claim_text}: a prediction with a due date: {found:?}"
            );
        }
        if want_status == Status::SingleOrigin {
            assert_eq!(found.origins.len(), 1, "{claim_text}: {found:?}");
        }
    }
}

#[test]
fn every_statement_points_at_its_sentence() {
    let s = seeds();
    let d = the_dossier();
    let texts: HashMap<&str, &str> = s
        .articles
        .iter()
        .map(|(a, _)| (a.id.as_str(), a.text.as_str()))
        .collect();
    let mut checked = 0;
    for c in &d.claims {
        assert!(!c.support.is_empty(), "{c:?}");
        for sup in &c.support {
            let text = texts[sup.article.as_str()];
            assert_eq!(
                &text[sup.span.start..sup.span.end],
                sup.sentence,
                "{}",
                c.id
            );
            checked += 1;
        }
        // The claim's text is one of its statements.
        assert!(
            c.support.iter().any(|sup| sup.sentence.trim() == c.text),
            "{c:?}"
        );
    }
    assert!(checked > 50, "{checked} statements");
    for q in d.quotes.iter().flat_map(|s| &s.quotes) {
        let text = texts[q.article.as_str()];
        assert!(text.get(q.span.start..q.span.end).is_some(), "{q:?}");
    }
    for f in &d.figures {
        assert_eq!(&texts[f.article.as_str()][f.span.start..f.span.end], f.text);
    }
}

#[test]
fn rewrites_of_one_report_count_as_one_origin() {
    let s = seeds();
    let d = the_dossier();
    let reuters: Vec<&String> = ["001", "002", "003"].iter().map(|k| &s.ids[*k]).collect();
    for a in &d.articles {
        if reuters.contains(&&a.id) {
            assert_eq!(a.origin, "Reuters", "{a:?}");
        }
    }
    // No claim made only by the three Reuters rewrites is corroborated.
    for c in &d.claims {
        if c.articles.iter().all(|a| reuters.contains(&a)) {
            assert_ne!(c.status, Status::Corroborated, "{c:?}");
        }
    }
    assert_eq!(d.summary.origins.len(), 3, "{:?}", d.summary.origins);
}

#[test]
fn the_formats_say_the_same_dossier() {
    let s = seeds();
    let d = the_dossier();
    let text = tri_triangulate::text(d);
    let md = tri_triangulate::markdown(d);
    let texts: HashMap<&str, &str> = s
        .articles
        .iter()
        .map(|(a, _)| (a.id.as_str(), a.text.as_str()))
        .collect();
    let html = tri_triangulate::html(std::slice::from_ref(d), &texts);
    for c in d.claims.iter().filter(|c| c.status == Status::Corroborated) {
        assert!(text.contains(&format!("{} [corroborated]", c.id)), "{text}");
        assert!(md.contains(&format!("| {} | corroborated", c.id)), "{md}");
        assert!(html.contains(&format!("id=\"d0{}\"", c.id)));
    }
    // Every statement of the HTML page links to a highlighted sentence on the page.
    let links = html.matches("href=\"#d0a").count();
    let marks = html.matches("<mark id=\"d0a").count();
    assert!(links > 0 && marks > 0);
    for part in html.split("href=\"#").skip(1) {
        let target = part.split('"').next().unwrap();
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "dangling link #{target}"
        );
    }
    let json = serde_json::to_value(d).unwrap();
    assert_eq!(json["claims"].as_array().unwrap().len(), d.claims.len());
    assert!(!html.contains("<script"), "self-contained, no script");
}
