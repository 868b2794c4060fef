//! Claims that reports disagree on: two outlets giving different counts for one
//! happening, and one asserting what the other denies, are contested; one article giving
//! two counts for the same measure contradicts itself; an outlet's claim retold by a
//! copy is still one origin.

use tri_model::{article_id, Article, DateSource, InputFormat, Published};
use tri_triangulate::{dossier, ArticleInput, Dossier, Options, Status};

fn article(outlet: &str, date: &str, text: &str) -> Article {
    Article {
        id: article_id(text),
        title: None,
        byline: None,
        outlet: Some(outlet.into()),
        url: None,
        feed: None,
        published: Some(Published {
            value: date.into(),
            source: DateSource::User,
        }),
        language: Some("en".into()),
        text: text.into(),
        input: format!("{outlet}.txt"),
        format: InputFormat::Text,
        charset: "UTF-8".into(),
        removed: Vec::new(),
    }
}

/// The claim both articles make.
fn shared_claim(d: &Dossier) -> &tri_triangulate::Claim {
    d.claims
        .iter()
        .find(|c| c.articles.len() == 2)
        .unwrap_or_else(|| panic!("no claim of both articles: {:#?}", d.claims))
}

fn dossier_of(articles: &[Article]) -> Dossier {
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
    let annotated: Vec<_> = articles
        .iter()
        .map(|a| annotator.annotate_article(a))
        .collect();
    let inputs: Vec<ArticleInput<'_>> = articles
        .iter()
        .zip(&annotated)
        .map(|(a, an)| ArticleInput {
            article: a,
            attributions: Some(&an.attributions),
            chronology: Some(&an.chronology),
            figures: &an.figures,
            events: &an.events,
            story: None,
            origin: None,
            copy_of: None,
        })
        .collect();
    dossier(
        &inputs,
        &Options {
            id: "test".into(),
            today: "2025-03-10".into(),
        },
    )
}

#[test]
fn different_death_tolls_for_one_strike_are_contested() {
    let d = dossier_of(&[
        article(
            "Alpha Wire",
            "2025-03-04",
            "A missile strike on the central market of Kharkiv killed 31 civilians on Monday, regional governor Oleh Syniehubov said.\n\nRescue work continued overnight.",
        ),
        article(
            "Beta Post",
            "2025-03-04",
            "The missile strike on Kharkiv's central market on Monday killed 45 civilians, the city's mayor said.\n\nThe market had reopened last year.",
        ),
    ]);
    let contested: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.status == Status::Contested)
        .collect();
    assert_eq!(contested.len(), 1, "{:#?}", d.claims);
    let c = contested[0];
    assert_eq!(c.articles.len(), 2);
    assert!(
        c.conflicts[0].contains("31") && c.conflicts[0].contains("45"),
        "{c:?}"
    );
    assert_eq!(d.summary.contested, 1);
}

#[test]
fn the_same_count_from_two_outlets_is_corroborated() {
    let d = dossier_of(&[
        article(
            "Alpha Wire",
            "2025-03-04",
            "A missile strike on the central market of Kharkiv killed 31 civilians on Monday, regional governor Oleh Syniehubov said.",
        ),
        article(
            "Beta Post",
            "2025-03-04",
            "The missile strike on Kharkiv's central market on Monday killed 31 civilians, the city's mayor said.",
        ),
    ]);
    let c = shared_claim(&d);
    assert_eq!(c.status, Status::Corroborated, "{c:?}");
    assert_eq!(c.origins, ["Alpha Wire", "Beta Post"]);
}

#[test]
fn a_rewrite_naming_its_source_adds_no_origin() {
    let d = dossier_of(&[
        article(
            "Alpha Wire",
            "2025-03-04",
            "A missile strike on the central market of Kharkiv killed 31 civilians on Monday, regional governor Oleh Syniehubov said.",
        ),
        article(
            "Gamma Daily",
            "2025-03-05",
            "According to Alpha Wire, a missile strike on the central market of Kharkiv killed 31 civilians on Monday.",
        ),
    ]);
    let c = shared_claim(&d);
    assert_eq!(c.status, Status::SingleOrigin, "{c:?}");
    assert_eq!(c.origins, ["Alpha Wire"]);
}

#[test]
fn one_article_giving_two_tolls_contradicts_itself() {
    let d = dossier_of(&[article(
        "Alpha Wire",
        "2025-03-04",
        "A missile strike on the central market of Kharkiv killed 31 civilians on Monday, regional governor Oleh Syniehubov said.\n\nRescue teams worked through the night to clear the rubble.\n\nThe missile strike on the central market of Kharkiv on Monday killed 45 civilians, the city's mayor said later.",
    )]);
    let c = d
        .claims
        .iter()
        .find(|c| c.status == Status::InternallyInconsistent)
        .unwrap_or_else(|| panic!("{:#?}", d.claims));
    assert_eq!(c.support.len(), 2, "{c:?}");
    assert!(
        c.conflicts[0].contains("31") && c.conflicts[0].contains("45"),
        "{c:?}"
    );
    assert_eq!(d.summary.internally_inconsistent, 1);
}

#[test]
fn an_assertion_against_its_denial_is_contested() {
    let d = dossier_of(&[
        article(
            "Alpha Wire",
            "2025-03-04",
            "Russian forces attacked the Zaporizhzhia nuclear power plant on Monday night, Ukrainian officials said.",
        ),
        article(
            "Beta Post",
            "2025-03-04",
            "Russian forces did not attack the Zaporizhzhia nuclear power plant on Monday night, the Russian defence ministry said.",
        ),
    ]);
    let c = shared_claim(&d);
    assert_eq!(c.status, Status::Contested, "{c:?}");
    assert!(c.conflicts[0].contains("negated"), "{c:?}");
}
