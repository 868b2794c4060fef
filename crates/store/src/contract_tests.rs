// The behaviour every store must have, run against each: `sqlite/tests.rs` and
// `postgres.rs` include this file in a module that defines `new_store()` (a fresh, empty
// store) and `sql_row(&store, sql)` (the first row of a query, as text).
#[allow(unused_imports)]
use std::collections::HashSet;
#[allow(unused_imports)]
use crate::{ArticleSummary, PutOutcome, Store, StoreError};
const MAX_CANDIDATES: usize = 10;
#[allow(unused_imports)]
use tri_model::{
    article_id, Article, Attributions, Chronology, DateSource, Entity, EntityKind, InputFormat,
    Published,
};

/// An article with every field filled in.
pub(crate) fn full_article(text: &str) -> Article {
    Article {
        id: article_id(text),
        title: Some("Kyiv hit by “largest” drone attack".into()),
        byline: Some("Jane Doe, Kyiv".into()),
        outlet: Some("Example News".into()),
        url: Some("https://news.example/2025/07/10/kyiv".into()),
        feed: Some("https://news.example/rss".into()),
        published: Some(Published {
            value: "2025-07-10T08:30:00+03:00".into(),
            source: DateSource::MetaTag,
        }),
        language: Some("en".into()),
        text: text.into(),
        input: "feeds/example.xml#3".into(),
        format: InputFormat::Rss,
        charset: "windows-1252".into(),
        removed: vec!["Share on Facebook".into(), "Photo: Reuters".into()],
    }
}


/// An article with only the required fields.
pub(crate) fn bare_article(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        title: None,
        byline: None,
        outlet: None,
        url: None,
        feed: None,
        published: None,
        language: None,
        text: text.into(),
        input: "-".into(),
        format: InputFormat::Text,
        charset: "UTF-8".into(),
        removed: vec![],
    }
}


pub(crate) fn dated(id: &str, published: &str) -> Article {
    let mut a = bare_article(id, &format!("text of {id}"));
    a.published = Some(Published {
        value: published.into(),
        source: DateSource::Container,
    });
    a
}


pub(crate) fn ids(summaries: &[ArticleSummary]) -> Vec<&str> {
    summaries.iter().map(|s| s.id.as_str()).collect()
}


#[test]
fn round_trips_every_field() {
    let mut store = new_store();
    let full = full_article("Russia launched 728 drones.\n\nOfficials said “it’s the largest”.");
    let bare = bare_article("00000000000000bb", "Short text.");
    store.put_articles(&[full.clone(), bare.clone()]).unwrap();
    assert_eq!(store.article(&full.id).unwrap(), Some(full.clone()));
    assert_eq!(store.article(&bare.id).unwrap(), Some(bare.clone()));

    let summaries = store.articles().unwrap();
    let s = summaries.iter().find(|s| s.id == full.id).unwrap();
    assert_eq!(s.title, full.title);
    assert_eq!(s.outlet, full.outlet);
    assert_eq!(s.published, full.published);
    assert_eq!(s.language, full.language);
    assert_eq!(s.chars, full.text.chars().count() as u64);
    assert_eq!(s.input, full.input);
    assert_eq!(s.format, full.format);
}


#[test]
fn putting_again_changes_nothing() {
    let mut store = new_store();
    let a = full_article("First report.");
    let b = full_article("Second report.");
    let first = store.put_articles(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(first.inserted, vec![a.id.clone(), b.id.clone()]);
    assert!(first.existing.is_empty());

    // Same id, different metadata: the stored article is left as it was.
    let mut a_again = a.clone();
    a_again.title = Some("Another title".into());
    let c = full_article("Third report.");
    let second = store.put_articles(&[a_again, c.clone()]).unwrap();
    assert_eq!(second.inserted, vec![c.id.clone()]);
    assert_eq!(second.existing, vec![a.id.clone()]);
    assert_eq!(store.article(&a.id).unwrap(), Some(a));
    assert_eq!(store.count().unwrap(), 3);
}


#[test]
fn an_id_twice_in_one_batch_counts_once() {
    let mut store = new_store();
    let a = full_article("Same report.");
    let mut a2 = a.clone();
    a2.title = Some("Later copy".into());
    let outcome = store.put_articles(&[a.clone(), a2, a.clone()]).unwrap();
    assert_eq!(outcome.inserted, vec![a.id.clone()]);
    assert!(outcome.existing.is_empty());
    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(store.article(&a.id).unwrap(), Some(a));
    assert_eq!(store.put_articles(&[]).unwrap(), PutOutcome::default());
}


#[test]
fn finds_articles_by_unique_prefix() {
    let mut store = new_store();
    store
        .put_articles(&[
            bare_article("abcd000000000001", "one"),
            bare_article("abcd000000000002", "two"),
            bare_article("abce000000000003", "three"),
            bare_article("abc", "an odd short id"),
        ])
        .unwrap();
    let found = |q: &str| store.article(q).unwrap().map(|a| a.id);
    assert_eq!(
        found("abcd000000000001").as_deref(),
        Some("abcd000000000001")
    );
    assert_eq!(found("abcd0000000000010"), None);
    assert_eq!(found("abcd0000000000015"), None);
    assert_eq!(
        found("abcd000000000002").as_deref(),
        Some("abcd000000000002")
    );
    assert_eq!(found("abce").as_deref(), Some("abce000000000003"));
    assert_eq!(found("ffff"), None);
    // A full id shorter than the minimum prefix still works.
    assert_eq!(found("abc").as_deref(), Some("abc"));
}


#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    let mut store = new_store();
    store
        .put_articles(&[
            bare_article("abcd000000000001", "one"),
            bare_article("abcd000000000002", "two"),
            bare_article("abce000000000003", "three"),
        ])
        .unwrap();
    match store.article("abcd") {
        Err(StoreError::Ambiguous {
            prefix,
            candidates,
            more,
        }) => {
            assert_eq!(prefix, "abcd");
            assert_eq!(candidates, vec!["abcd000000000001", "abcd000000000002"]);
            assert!(!more);
        }
        other => panic!("expected Ambiguous, got {other:?}"),
    }
    assert_eq!(store.article("abc0").unwrap(), None);
    let err = store.article("abcd").unwrap_err().to_string();
    assert!(err.contains("abcd000000000001, abcd000000000002"), "{err}");

    // Many candidates: the list is cut short and says so.
    let many: Vec<_> = (0..15)
        .map(|i| bare_article(&format!("ffff{i:012}"), &format!("text {i}")))
        .collect();
    store.put_articles(&many).unwrap();
    match store.article("ffff0000") {
        Err(StoreError::Ambiguous {
            candidates, more, ..
        }) => {
            assert_eq!(candidates.len(), MAX_CANDIDATES);
            assert!(more);
        }
        other => panic!("expected Ambiguous, got {other:?}"),
    }
}


#[test]
fn a_short_prefix_is_refused() {
    let mut store = new_store();
    store
        .put_articles(&[bare_article("abcd000000000001", "one")])
        .unwrap();
    for q in ["", "a", "abc"] {
        match store.article(q) {
            Err(StoreError::PrefixTooShort { prefix }) => assert_eq!(prefix, q),
            other => panic!("expected PrefixTooShort for {q:?}, got {other:?}"),
        }
    }
}


#[test]
fn lists_in_publication_order_unknown_last_then_by_id() {
    let mut store = new_store();
    store
        .put_articles(&[
            bare_article("u2", "undated 2"),
            dated("d3", "2025-07-10T12:00:00Z"),
            // 09:30 in Kyiv is 06:30 UTC: earlier than 08:00 UTC.
            dated("d2", "2025-07-10T09:30:00+03:00"),
            dated("d2b", "2025-07-10T08:00:00+00:00"),
            dated("d1", "2025-07-09"),
            bare_article("u1", "undated 1"),
            dated("d0b", "2024-01-01"),
            dated("d0a", "2024-01-01"),
        ])
        .unwrap();
    let all = store.articles().unwrap();
    assert_eq!(
        ids(&all),
        vec!["d0a", "d0b", "d1", "d2", "d2b", "d3", "u1", "u2"]
    );
    assert_eq!(store.count().unwrap(), 8);
    // The value is kept as given, not as the UTC sort key.
    let d2 = all.iter().find(|s| s.id == "d2").unwrap();
    assert_eq!(
        d2.published.as_ref().unwrap().value,
        "2025-07-10T09:30:00+03:00"
    );
}


#[test]
fn reports_which_ids_are_known() {
    let mut store = new_store();
    store
        .put_articles(&[bare_article("aaaa1", "one"), bare_article("bbbb2", "two")])
        .unwrap();
    let asked: Vec<String> = ["aaaa1", "cccc3", "bbbb2", "aaaa", "it's \"odd\""]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let known = store.known_ids(&asked).unwrap();
    assert_eq!(
        known,
        HashSet::from(["aaaa1".to_string(), "bbbb2".to_string()])
    );
    assert!(store.known_ids(&[]).unwrap().is_empty());
}


#[test]
fn searches_titles_and_text() {
    let mut store = new_store();
    let mut kyiv = bare_article(
        "0001",
        "Russia launched hundreds of drones at Kyiv overnight. Trump's deadline nears.",
    );
    kyiv.title = Some("Drone attack on Kyiv".into());
    let mut zurich = bare_article("0002", "Der Zürcher Gemeinderat tagte am Mittwoch.");
    zurich.title = Some("Gemeinderat".into());
    let mut kyiv_mention = bare_article("0003", "Markets shrugged off news from Kyiv.");
    kyiv_mention.title = Some("Markets".into());
    store.put_articles(&[kyiv, zurich, kyiv_mention]).unwrap();

    let found = |q: &str| {
        let mut hits: Vec<String> = ids(&store.search(q).unwrap())
            .into_iter()
            .map(String::from)
            .collect();
        hits.sort();
        hits
    };
    assert_eq!(found("kyiv"), vec!["0001", "0003"]);
    assert_eq!(found("KYIV drones"), vec!["0001"]);
    assert_eq!(found("drone"), vec!["0001"]); // title word
    assert_eq!(found("zurcher"), vec!["0002"]); // accents folded
    assert_eq!(found("Trump's"), vec!["0001"]);
    assert_eq!(found("\"kyiv\" AND"), Vec::<String>::new()); // plain words, no syntax
    assert_eq!(found("nothing-like-this"), Vec::<String>::new());
    assert!(store.search("").unwrap().is_empty());
    assert!(store.search("  - * \" ").unwrap().is_empty());
    // The article with the word in title and text ranks first.
    assert_eq!(store.search("kyiv").unwrap()[0].id, "0001");
}


#[test]
fn a_page_of_search_is_the_ranked_list_cut_with_its_total() {
    let mut store = new_store();
    let articles: Vec<Article> = (0..30)
        .map(|i| {
            // More mentions of the word, better rank: article 29 first.
            let text = format!(
                "{} Filler words for article number {i}.",
                "Kyiv ".repeat(i + 1)
            );
            bare_article(&format!("{i:04}"), &text)
        })
        .collect();
    store.put_articles(&articles).unwrap();
    let all = ids(&store.search("kyiv").unwrap())
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    assert_eq!(all.len(), 30);
    let mut paged = Vec::new();
    for offset in (0..30).step_by(7) {
        let (total, page) = store.search_page("kyiv", offset, 7).unwrap();
        assert_eq!(total, 30);
        paged.extend(page.into_iter().map(|s| s.id));
    }
    assert_eq!(paged, all);
    assert_eq!(store.search_page("kyiv", 100, 7).unwrap(), (30, vec![]));
    assert_eq!(store.search_page("", 0, 7).unwrap(), (0, vec![]));
    assert_eq!(store.search_page("nothing-like-this", 0, 7).unwrap().0, 0);
}


#[test]
fn stores_a_large_batch() {
    let mut store = new_store();
    let articles: Vec<Article> = (0..2000)
        .map(|i| {
            full_article(&format!(
                "Report number {i}. {}",
                "Lorem ipsum dolor. ".repeat(20)
            ))
        })
        .collect();
    let outcome = store.put_articles(&articles).unwrap();
    assert_eq!(outcome.inserted.len(), 2000);
    assert_eq!(store.count().unwrap(), 2000);
    assert_eq!(store.articles().unwrap().len(), 2000);
    let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
    assert_eq!(store.known_ids(&ids).unwrap().len(), 2000);
    let outcome = store.put_articles(&articles).unwrap();
    assert_eq!(outcome.existing.len(), 2000);
    assert_eq!(store.count().unwrap(), 2000);
}


fn person(key: &str, name: &str, aliases: &[&str], at: usize) -> Entity {
    use tri_model::{EntityMention, MentionForm, Span};
    Entity {
        key: key.into(),
        kind: EntityKind::Person,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        wikidata: Some("Q7747".into()),
        roles: vec!["President".into()],
        affiliations: vec![],
        country: Some("RU".into()),
        stands_for: None,
        mentions: aliases
            .iter()
            .enumerate()
            .map(|(i, a)| EntityMention {
                span: Span::new(at + i * 10, at + i * 10 + a.len()),
                text: a.to_string(),
                form: if i == 0 {
                    MentionForm::Name
                } else {
                    MentionForm::ShortName
                },
            })
            .collect(),
    }
}


#[test]
fn entities_are_replaced_per_article_and_summed_across_the_store() {
    let mut store = new_store();
    let a = full_article("Vladimir Putin spoke. Putin left.");
    let b = full_article("Putin again.");
    store.put_articles(&[a.clone(), b.clone()]).unwrap();
    let putin_a = person("Q7747", "Vladimir Putin", &["Vladimir Putin", "Putin"], 0);
    let peskov = Entity {
        key: "Q4175066".into(),
        name: "Dmitry Peskov".into(),
        ..person("Q4175066", "Dmitry Peskov", &["Peskov"], 40)
    };
    let batch = vec![
        (a.id.clone(), vec![peskov.clone(), putin_a.clone()]),
        (
            b.id.clone(),
            vec![person("Q7747", "Vladimir Putin", &["Putin"], 0)],
        ),
        ("not-stored".to_string(), vec![putin_a.clone()]),
    ];
    store.put_entities(&batch, "v1").unwrap();
    // Twice: annotating again replaces, never duplicates.
    store.put_entities(&batch, "v1").unwrap();
    let got = store.article_entities(&a.id).unwrap();
    assert_eq!(
        got,
        vec![putin_a.clone(), peskov.clone()],
        "ordered by first mention"
    );
    let all = store.entities().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        (all[0].key.as_str(), all[0].articles, all[0].mentions),
        ("Q7747", 2, 3)
    );
    assert_eq!(all[0].aliases, vec!["Putin", "Vladimir Putin"]);
    assert_eq!(all[0].wikidata.as_deref(), Some("Q7747"));
    assert_eq!(
        store.annotated_with("v1").unwrap(),
        HashSet::from([a.id.clone(), b.id.clone()])
    );
    assert!(store.annotated_with("v2").unwrap().is_empty());
    // A newer annotation of one article replaces its entities only.
    store
        .put_entities(&[(a.id.clone(), vec![peskov.clone()])], "v2")
        .unwrap();
    assert_eq!(store.article_entities(&a.id).unwrap(), vec![peskov]);
    assert_eq!(store.article_entities(&b.id).unwrap().len(), 1);
    assert_eq!(
        store.annotated_with("v2").unwrap(),
        HashSet::from([a.id.clone()])
    );
}


#[test]
fn attributions_are_replaced_not_duplicated_and_read_back_whole() {
    use tri_model::{
        Attributions, CitedOutlet, Provenance, Quote, QuoteKind, Source, SourceKind, Span,
    };
    let mut store = new_store();
    let a = full_article("Peskov said the talks would go on.");
    store.put_articles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(store.article_attributions(&a.id).unwrap(), None);
    let source = Source {
        kind: SourceKind::Anonymous,
        name: "three sources close to the Kremlin".into(),
        entity: None,
        role: None,
        affiliation: Some("Kremlin".into()),
        count: Some(3),
        descriptor: Some("three sources close to the Kremlin".into()),
        member_of: None,
        outlet: None,
        mentions: vec![Span::new(0, 6)],
    };
    let quote = Quote {
        kind: QuoteKind::Indirect,
        fragment: false,
        text: "the talks would go on".into(),
        parts: vec![Span::new(12, 33)],
        cue: Some(Span::new(7, 11)),
        speaker: Some(Span::new(0, 6)),
        source: Some(0),
        via: Some(0),
    };
    let at = Attributions {
        provenance: Provenance {
            publisher: None,
            cited: vec![CitedOutlet {
                name: "Reuters".into(),
                key: Some("org:reuters".into()),
                mentions: vec![],
                cue: "told".into(),
                date: None,
                quotes: 1,
            }],
            origin: Some(0),
        },
        sources: vec![source],
        quotes: vec![quote.clone()],
    };
    let batch = vec![
        (a.id.clone(), at.clone()),
        ("not-stored".to_string(), at.clone()),
    ];
    store.put_attributions(&batch).unwrap();
    store.put_attributions(&batch).unwrap();
    assert_eq!(store.article_attributions(&a.id).unwrap(), Some(at.clone()));
    // A newer annotation replaces the record as a unit.
    let mut newer = at.clone();
    newer.quotes.push(Quote {
        kind: QuoteKind::Direct,
        ..quote
    });
    store
        .put_attributions(&[(a.id.clone(), newer.clone())])
        .unwrap();
    assert_eq!(store.article_attributions(&a.id).unwrap(), Some(newer));
    assert_eq!(store.article_attributions("not-stored").unwrap(), None);
}


#[test]
fn a_saved_state_is_replaced_whole_with_its_placements() {
    let mut store = new_store();
    let a = full_article("First report.");
    let b = full_article("Second report.");
    store.put_articles(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(store.state("stories").unwrap(), None);
    store
        .put_state(
            "stories",
            2,
            "{\"a\":1}",
            &[(a.id.clone(), 0, "{}".into())],
            false,
        )
        .unwrap();
    store
        .put_state(
            "stories",
            3,
            "{\"a\":2}",
            &[
                (b.id.clone(), 1, "{\"origin\":\"Reuters\"}".into()),
                // An id not in the store is no placement.
                ("0000000000000000".into(), 1, "{}".into()),
            ],
            false,
        )
        .unwrap();
    assert_eq!(
        store.state("stories").unwrap().as_deref(),
        Some("{\"a\":2}")
    );
    assert_eq!(store.state("other").unwrap(), None);
    assert_eq!(
        store.story_placements().unwrap(),
        [
            (a.id.clone(), 0, "{}".to_string()),
            (b.id.clone(), 1, "{\"origin\":\"Reuters\"}".to_string())
        ]
    );
    let c = full_article("Third report.");
    store.put_articles(std::slice::from_ref(&c)).unwrap();
    assert_eq!(
        store.articles_without_story().unwrap(),
        std::slice::from_ref(&c.id)
    );
    // Starting again drops the placements saved before.
    store.put_state("stories", 0, "{}", &[], true).unwrap();
    assert!(store.story_placements().unwrap().is_empty());
    assert_eq!(store.articles_without_story().unwrap().len(), 3);
}


#[test]
fn chronologies_are_replaced_not_duplicated_and_list_their_due_dates() {
    use tri_model::{
        Chronology, DateEvidence, Prediction, PredictionKind, PublicationDate, Span, Timex,
        TimexKind,
    };
    let mut store = new_store();
    let a = full_article("The ultimatum expires Friday.");
    store.put_articles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(store.article_chronology(&a.id).unwrap(), None);
    let c = Chronology {
        publication: Some(PublicationDate {
            date: "2025-08-05".into(),
            evidence: DateEvidence::UrlPath,
            confidence: 0.9,
            how: "the date in the URL's path".into(),
        }),
        timexes: vec![Timex {
            span: Span::new(22, 28),
            text: "Friday".into(),
            kind: TimexKind::Date,
            value: "2025-08-08".into(),
            modifier: None,
            upper: None,
        }],
        flags: vec![],
        predictions: vec![Prediction {
            timex: 0,
            kind: PredictionKind::Deadline,
            sentence: Span::new(0, 29),
            cue: "expires".into(),
            due: "2025-08-08".into(),
        }],
    };
    let batch = vec![(a.id.clone(), c.clone()), ("not-stored".into(), c.clone())];
    store.put_chronologies(&batch).unwrap();
    store.put_chronologies(&batch).unwrap();
    assert_eq!(store.article_chronology(&a.id).unwrap(), Some(c.clone()));
    let row = sql_row(&store, "SELECT count(*), max(published), max(evidence), max(next_due) FROM article_chronology");
    assert_eq!(row, ["1", "2025-08-05", "url_path", "2025-08-08"]);
    let newer = Chronology {
        predictions: vec![],
        ..c
    };
    store
        .put_chronologies(&[(a.id.clone(), newer.clone())])
        .unwrap();
    assert_eq!(store.article_chronology(&a.id).unwrap(), Some(newer));
}

#[test]
fn figures_are_replaced_not_duplicated() {
    use tri_model::{Figure, FigureKind, Span};
    let mut store = new_store();
    let a = full_article("Russia has 110,000 troops there.");
    store.put_articles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(store.article_figures(&a.id).unwrap(), None);
    let troops = Figure {
        span: Span::new(11, 25),
        text: "110,000 troops".into(),
        kind: FigureKind::Count,
        value: 110000.0,
        upper: None,
        approx: None,
        approx_text: None,
        unit: Some("troops".into()),
        unit_text: Some("troops".into()),
        counted: Some("troops".into()),
        counted_span: Some(Span::new(19, 25)),
        period: None,
        period_span: None,
        period_value: None,
        source: None,
        source_span: None,
        quote: None,
    };
    let batch = vec![(a.id.clone(), vec![troops.clone()])];
    store.put_figures(&batch).unwrap();
    store.put_figures(&batch).unwrap();
    assert_eq!(store.article_figures(&a.id).unwrap(), Some(vec![troops]));
    store.put_figures(&[(a.id.clone(), vec![])]).unwrap();
    assert_eq!(store.article_figures(&a.id).unwrap(), Some(vec![]));
    assert_eq!(sql_row(&store, "SELECT count(*) FROM article_figures"), ["1"]);
}

#[test]
fn events_are_replaced_not_duplicated() {
    use tri_model::{Event, EventType, Modality, Participant, Span};
    let mut store = new_store();
    let a = full_article("Russian forces attacked Kyiv.");
    store.put_articles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(store.article_events(&a.id).unwrap(), None);
    assert_eq!(store.article_events("no-such-article").unwrap(), None);
    let participant = |name: &str, text: &str, span: Span| Participant {
        name: name.into(),
        text: text.into(),
        span,
        entity: None,
        code: Some("RUS".into()),
        sector: Some("MIL".into()),
        inferred: false,
    };
    let attack = Event {
        kind: EventType::Assault,
        mode: None,
        context: Some("military".into()),
        cameo: "190".into(),
        score: -10.0,
        trigger: Span::new(15, 23),
        text: "attacked".into(),
        span: Span::new(15, 23),
        sentence: Span::new(0, 29),
        actor: vec![participant("Russia", "Russian forces", Span::new(0, 14))],
        recipient: vec![Participant {
            code: Some("UKR".into()),
            sector: None,
            ..participant("Kyiv", "Kyiv", Span::new(24, 28))
        }],
        location: None,
        date: None,
        modality: Modality::Asserted,
        negated: false,
        reported_by: None,
        removed_line: None,
        main: true,
    };
    let batch = vec![(a.id.clone(), vec![attack.clone()])];
    store.put_events(&batch).unwrap();
    store.put_events(&batch).unwrap();
    assert_eq!(store.article_events(&a.id).unwrap(), Some(vec![attack]));
    store.put_events(&[(a.id.clone(), vec![])]).unwrap();
    assert_eq!(store.article_events(&a.id).unwrap(), Some(vec![]));
    assert_eq!(sql_row(&store, "SELECT count(*), sum(events) FROM article_events"), ["1", "0"]);
    // An id that is not stored is skipped, not an error.
    store
        .put_events(&[("no-such-article".into(), vec![])])
        .unwrap();
    assert_eq!(store.article_events("no-such-article").unwrap(), None);
}

#[test]
fn story_inputs_read_articles_with_attributions_and_inferred_dates_in_the_order_asked() {
    use tri_model::{Chronology, DateEvidence, PublicationDate};
    let mut store = new_store();
    let dated = full_article("A dated report from Kyiv.");
    let undated = bare_article("00000000000000aa", "An undated report from Kyiv.");
    let unannotated = bare_article("00000000000000bb", "Not annotated yet.");
    store
        .put_articles(&[dated.clone(), undated.clone(), unannotated.clone()])
        .unwrap();
    let at = Attributions::default();
    store
        .put_attributions(&[(dated.id.clone(), at.clone()), (undated.id.clone(), at.clone())])
        .unwrap();
    let chronology = |date: &str| Chronology {
        publication: Some(PublicationDate {
            date: date.into(),
            evidence: DateEvidence::UrlPath,
            confidence: 0.9,
            how: "the date in the URL's path".into(),
        }),
        ..Chronology::default()
    };
    store
        .put_chronologies(&[
            (dated.id.clone(), chronology("2025-07-10")),
            (undated.id.clone(), chronology("2025-08-05")),
        ])
        .unwrap();
    let ids = vec![
        unannotated.id.clone(),
        "ffffffffffffffff".to_string(),
        undated.id.clone(),
        dated.id.clone(),
    ];
    let read = store.story_inputs(&ids).unwrap();
    let got: Vec<(&str, bool, Option<&str>)> = read
        .iter()
        .map(|r| {
            (
                r.article.id.as_str(),
                r.attributions.is_some(),
                r.inferred_date.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (unannotated.id.as_str(), false, None),
            (undated.id.as_str(), true, Some("2025-08-05")),
            // The metadata's date wins: no inferred date is needed.
            (dated.id.as_str(), true, None),
        ]
    );
    assert_eq!(read[2].article, dated);
    // Saved state: how many articles it covers, without reading it.
    assert_eq!(store.state_articles("stories").unwrap(), None);
    store.put_state("stories", 3, "{}", &[], false).unwrap();
    assert_eq!(store.state_articles("stories").unwrap(), Some(3));
    assert_eq!(store.articles_ready().unwrap(), 3);
}
