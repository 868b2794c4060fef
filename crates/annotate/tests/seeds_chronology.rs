//! The chronology of the five seed articles (`examples/seeds/`), read, extracted and
//! annotated as `ingest` does: every entry of `dates` in `examples/seeds-expected.json`
//! with its value, modifier, flag and prediction, and each article's publication date.
//!
//! Seed 000 carries its date in its URL (a Toutiao article id encodes its creation
//! time), so its date is inferred. Seeds 001 to 004 say nothing that dates them, so, as
//! an analyst would with `ingest --published`, the test gives each the date the expected
//! file records, as the user's.

use std::sync::OnceLock;

use serde_json::Value;
use tri_model::{Article, Chronology, DateEvidence, DateSource, Published};

fn expected() -> &'static Value {
    static DONE: OnceLock<Value> = OnceLock::new();
    DONE.get_or_init(tri_seeds::expected)
}

/// Each seed with its chronology: 000 as extracted, the others with the user's date.
fn seeds() -> &'static Vec<(&'static str, Article, Chronology)> {
    static DONE: OnceLock<Vec<(&str, Article, Chronology)>> = OnceLock::new();
    DONE.get_or_init(|| {
        let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
        tri_seeds::articles()
            .into_iter()
            .map(|(id, mut a)| {
                if id != "000" {
                    let date = expected()["articles"][id]["published"].as_str().unwrap();
                    a.published = Some(Published {
                        value: date.to_string(),
                        source: DateSource::User,
                    });
                }
                let c = annotator.annotate_article(&a).chronology;
                (id, a, c)
            })
            .collect()
    })
}

fn seed(id: &str) -> &'static (&'static str, Article, Chronology) {
    seeds().iter().find(|s| s.0 == id).unwrap()
}

#[test]
fn seed_000_is_dated_by_its_url_identifier() {
    let (_, a, c) = seed("000");
    assert!(a.published.is_none(), "the seed's metadata has no date");
    let p = c.publication.as_ref().expect("an inferred date");
    assert_eq!(p.date, expected()["articles"]["000"]["published"]);
    assert_eq!(p.evidence, DateEvidence::UrlIdentifier);
    assert!(p.confidence > 0.5 && p.confidence < 1.0, "{p:?}");
    assert!(
        p.how.contains("7525364565807317567") || p.how.contains("Toutiao"),
        "{p:?}"
    );
}

#[test]
fn undated_seeds_get_no_invented_date() {
    let annotator = tri_annotate::Annotator::bundled().unwrap();
    for (id, a) in tri_seeds::articles().into_iter().skip(1) {
        let c = annotator.annotate_article(&a).chronology;
        assert_eq!(c.publication, None, "seed {id}: nothing in it dates it");
    }
}

#[test]
fn every_expected_date_with_its_value() {
    let mut missing = Vec::new();
    for want in expected()["dates"].as_array().unwrap() {
        let id = want["article"].as_str().unwrap();
        let text = want["text"].as_str().unwrap().to_lowercase();
        let value = want["value"].as_str().unwrap();
        let (_, _, c) = seed(id);
        // The expected text includes the preposition ("On June 30", "expires Friday");
        // the TIMEX3 span, as TimeML marks it, does not.
        let found = c
            .timexes
            .iter()
            .enumerate()
            .find(|(_, t)| text.contains(&t.text.to_lowercase()) && t.value_range() == value);
        let Some((index, t)) = found else {
            missing.push(format!("{id} {text:?} = {value}"));
            continue;
        };
        assert_eq!(
            t.modifier.as_deref(),
            want["mod"].as_str(),
            "{id} {text:?}: modifier"
        );
        if want.get("flag").is_some() {
            let flag = c.flags.iter().find(|f| f.timex == index);
            let flag = flag.unwrap_or_else(|| panic!("{id} {text:?} must be flagged: {c:#?}"));
            assert!(
                flag.explanation.contains("after publication")
                    && flag.explanation.contains("2025-07-10"),
                "{flag:?}"
            );
        } else {
            assert!(
                c.flags.iter().all(|f| f.timex != index),
                "{id} {text:?} is not flagged"
            );
        }
        if want["kind"] == "prediction" {
            assert!(
                c.predictions.iter().any(|p| p.timex == index),
                "{id} {text:?} must be a prediction: {:#?}",
                c.predictions
            );
        }
    }
    assert!(missing.is_empty(), "not found: {missing:#?}");
}

#[test]
fn predictions_fall_due_when_they_can_be_checked() {
    let due = |id: &str, words: &str| -> (String, tri_model::PredictionKind) {
        let (_, a, c) = seed(id);
        let p = c
            .predictions
            .iter()
            .find(|p| p.sentence.of(&a.text).contains(words))
            .unwrap_or_else(|| panic!("{id}: no prediction in {words:?}: {:#?}", c.predictions));
        (p.due.clone(), p.kind)
    };
    use tri_model::PredictionKind::*;
    assert_eq!(
        due("002", "ultimatum expires Friday"),
        ("2025-08-08".into(), Deadline)
    );
    // "in two or three months" from 2025-08-05: checkable once the longer has passed.
    assert_eq!(
        due("003", "could collapse"),
        ("2025-11-05".into(), Forecast)
    );
    assert_eq!(
        due("004", "phone call with Donald Trump on Monday"),
        ("2025-05-19".into(), Scheduled)
    );
    assert_eq!(
        due("004", "by the end of this year"),
        ("2025-12-31".into(), Forecast)
    );
    // Past statements are not predictions.
    let (_, a, c) = seed("004");
    assert!(
        c.predictions.iter().all(|p| !p
            .sentence
            .of(&a.text)
            .starts_with("On Friday, during a phone call")),
        "{:#?}",
        c.predictions
    );
}

#[test]
fn only_the_impossible_date_is_flagged() {
    for (id, _, c) in seeds() {
        let flagged: Vec<&str> = c
            .flags
            .iter()
            .map(|f| c.timexes[f.timex].text.as_str())
            .collect();
        let want: Vec<&str> = if *id == "000" {
            vec!["August 8"]
        } else {
            vec![]
        };
        assert_eq!(flagged, want, "seed {id}");
    }
}

#[test]
fn figure_periods_are_dated_by_the_chronology() {
    let annotator = tri_annotate::Annotator::bundled().unwrap();
    let mut checked = 0;
    for want in expected()["quantities"].as_array().unwrap() {
        let Some(period) = want["period"].as_str() else {
            continue;
        };
        let id = want["article"].as_str().unwrap();
        let (_, a, _) = seed(id);
        let figures = annotator.annotate_article(a).figures;
        let text = want["text"].as_str().unwrap();
        let f = figures
            .iter()
            .find(|f| f.text.contains(text) || text.contains(&f.text))
            .unwrap_or_else(|| panic!("{id}: no figure {text:?}"));
        // The expected file writes the period in words; the pipeline gives its value.
        let value = match period {
            "past three months" => "P3M",
            "2025" => "2025",
            "July 2025" => "2025-07",
            other => panic!("a period this test does not know: {other}"),
        };
        assert_eq!(
            f.period_value.as_deref(),
            Some(value),
            "{id} {text:?}: {f:#?}"
        );
        checked += 1;
    }
    assert_eq!(checked, 3, "the seeds give three periods");
}
