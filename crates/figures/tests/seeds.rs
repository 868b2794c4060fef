//! Figures on the five seed articles (`examples/seeds/`), read, extracted and annotated
//! as `ingest` does: every entry of `quantities` in `examples/seeds-expected.json`.
//!
//! How the expected fields map onto [`Figure`]:
//! - `text`: a figure whose text is contained in the expected text or contains it
//!   ("killed 31 people, including five children" holds our "31 people").
//! - `value`: `Figure::value`, to a relative 1e-9.
//! - `unit`: `Figure::unit` (the normalised code: `km2`, `percent`, `fraction`, `USD`,
//!   `months`; the counted noun for counts: `troops`), or `Figure::counted` where the
//!   expected unit names what happened to what is counted ("people killed").
//! - `approx` (where given): the hedge as written, `Figure::approx_text` ("nearly",
//!   "around").
//! - `period`: `Figure::period` is the phrase as written ("in the past three months",
//!   "in July"); every word of the expected period must be in it, except a year the
//!   expected value adds from the article's publication date ("July 2025" for "in
//!   July" in an article of August 2025): resolving a period to dates is the temporal
//!   layer's job.
//! - `source`: `Figure::source` contains a part of the expected name, or the expected
//!   name a part of ours; names in brackets are other spellings ("Oleksandr Syrskyi
//!   (written 'Serebnyak')": the article writes "Serebnyak").

use std::sync::OnceLock;

use serde_json::Value;
use tri_model::{Article, Figure};

fn seeds() -> &'static Vec<(&'static str, Article, Vec<Figure>)> {
    static DONE: OnceLock<Vec<(&str, Article, Vec<Figure>)>> = OnceLock::new();
    DONE.get_or_init(|| {
        let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
        tri_seeds::articles()
            .into_iter()
            .map(|(id, article)| {
                let figures = annotator.annotate_article(&article).figures;
                (id, article, figures)
            })
            .collect()
    })
}

fn expected() -> Value {
    tri_seeds::expected()
}

/// Typographic quotes and spacing as one form.
fn norm(s: &str) -> String {
    s.replace(['\u{2018}', '\u{2019}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts of an expected source name: the name and the spellings in brackets.
fn name_parts(expected: &str) -> Vec<String> {
    expected
        .split(['(', ')', '\'', ' '])
        .filter(|w| w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_expected_quantity_is_found_with_its_unit_period_and_source() {
    let mut failures = Vec::new();
    let quantities = expected()["quantities"].as_array().unwrap().clone();
    assert!(!quantities.is_empty());
    for q in &quantities {
        let id = q["article"].as_str().unwrap();
        let want = norm(q["text"].as_str().unwrap());
        let (_, article, figures) = seeds().iter().find(|(i, _, _)| *i == id).unwrap();
        let Some(f) = figures.iter().find(|f| {
            let t = norm(&f.text);
            want.contains(&t) || t.contains(&want)
        }) else {
            failures.push(format!("{id}: no figure in {want:?}"));
            continue;
        };
        let value = q["value"].as_f64().unwrap();
        if (f.value - value).abs() > 1e-9 * value.abs().max(1.0) {
            failures.push(format!("{id}: {want:?} is {}, want {value}", f.value));
        }
        let unit = q["unit"].as_str().unwrap();
        if f.unit.as_deref() != Some(unit) && f.counted.as_deref() != Some(unit) {
            failures.push(format!(
                "{id}: {want:?} has unit {:?} counting {:?}, want {unit}",
                f.unit, f.counted
            ));
        }
        match q["approx"].as_str() {
            Some(a) if f.approx_text.as_deref().map(str::to_lowercase).as_deref() != Some(a) => {
                failures.push(format!(
                    "{id}: {want:?} hedged {:?}, want {a}",
                    f.approx_text
                ))
            }
            _ => {}
        }
        if let Some(p) = q["period"].as_str() {
            // The publication date as the article's metadata or the expected file has it.
            let year = article
                .published
                .as_ref()
                .map(|d| d.value[..4].to_string())
                .or_else(|| {
                    expected()["articles"][id]["published"]
                        .as_str()
                        .map(|d| d[..4].to_string())
                });
            let ok = f.period.as_deref().is_some_and(|ours| {
                p.split_whitespace().all(|w| {
                    ours.contains(w)
                        || (w.len() == 4
                            && w.bytes().all(|b| b.is_ascii_digit())
                            && year.as_deref() == Some(w))
                })
            });
            if !ok {
                failures.push(format!("{id}: {want:?} covers {:?}, want {p}", f.period));
            }
        }
        if let Some(s) = q["source"].as_str() {
            let ok = f.source.as_deref().is_some_and(|ours| {
                ours.contains(s)
                    || s.contains(ours)
                    || name_parts(s).iter().any(|p| ours.contains(p.as_str()))
            });
            if !ok {
                failures.push(format!("{id}: {want:?} from {:?}, want {s}", f.source));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dates_and_years_of_the_seeds_are_no_figures() {
    for (id, article, figures) in seeds() {
        for f in figures {
            for bad in [
                "2025", "2022", "2018", "July 8", "July 9", "June 30", "August 8", "16 July",
            ] {
                assert_ne!(f.text, bad, "{id}: {bad} taken as a figure");
            }
            assert!(
                !article.text[..f.span.start].ends_with("/article/"),
                "{id}: a URL's number taken as a figure"
            );
        }
    }
}

/// Every figure of each seed, one line each, pinned so that any change in behaviour
/// shows up as a readable diff in review.
#[test]
fn seed_figures_snapshot() {
    for (id, _, figures) in seeds() {
        let mut out = String::new();
        for f in figures {
            out += &format!("{:?} | {} | {}", f.text, f.kind.as_str(), f.value);
            if let Some(u) = f.upper {
                out += &format!("..{u}");
            }
            out += &format!(
                " | approx {} | unit {} | counted {} | period {} | source {}\n",
                f.approx.map_or("-".to_string(), |a| format!(
                    "{} ({})",
                    a.as_str(),
                    f.approx_text.as_deref().unwrap_or("")
                )),
                f.unit.as_deref().unwrap_or("-"),
                f.counted.as_deref().unwrap_or("-"),
                f.period.as_deref().unwrap_or("-"),
                f.source.as_deref().unwrap_or("-"),
            );
        }
        insta::assert_snapshot!(format!("seed_{id}"), out);
    }
}
