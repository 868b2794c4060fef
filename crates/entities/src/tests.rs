//! Tests of `resolve` and `canonical_key` on hand-built texts and mentions, one rule each.

use super::*;
use tri_model::EntityKind::{Group, Organisation, Person, Place};
use tri_model::Span;

pub(crate) fn gaz() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// A gazetteer with no entries: resolution by the text alone.
fn empty_gazetteer() -> Gazetteer {
    Gazetteer::from_tsv(&tri_gazetteer::COLUMNS.join("\t")).unwrap()
}

/// Mentions of `text` given in text order: each is found at its first occurrence after the
/// end of the one before.
pub(crate) fn mentions(text: &str, list: &[(&str, EntityKind)]) -> Vec<Mention> {
    let mut at = 0;
    list.iter()
        .map(|&(s, kind)| {
            let start = at
                + text[at..]
                    .find(s)
                    .unwrap_or_else(|| panic!("{s:?} not in text after {at}"));
            at = start + s.len();
            Mention {
                span: Span::new(start, start + s.len()),
                kind,
                text: s.to_string(),
            }
        })
        .collect()
}

fn run_with(g: &Gazetteer, text: &str, list: &[(&str, EntityKind)]) -> Vec<Entity> {
    let seg = tri_text::segment(text);
    let entities = resolve(text, &seg, &mentions(text, list), g);
    for e in &entities {
        for m in &e.mentions {
            assert_eq!(
                m.span.of(text),
                m.text,
                "span and text of a mention of {}",
                e.name
            );
        }
    }
    entities
}

fn run(text: &str, list: &[(&str, EntityKind)]) -> Vec<Entity> {
    run_with(gaz(), text, list)
}

fn named<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities.iter().find(|e| e.name == name).unwrap_or_else(|| {
        panic!(
            "no entity {name:?} in {:#?}",
            entities.iter().map(|e| &e.name).collect::<Vec<_>>()
        )
    })
}

fn forms(e: &Entity) -> Vec<(&str, MentionForm)> {
    e.mentions
        .iter()
        .map(|m| (m.text.as_str(), m.form))
        .collect()
}

#[test]
fn a_full_name_its_surname_and_a_nominal_are_one_person() {
    let text = "Vladimir Putin met envoys on Friday. Putin said the talks were useful, and a person familiar with the Russian president's thinking agreed.";
    let es = run(text, &[("Vladimir Putin", Person), ("Putin", Person)]);
    assert_eq!(es.len(), 1, "{es:#?}");
    let putin = &es[0];
    assert_eq!(putin.key, "person:vladimir-putin");
    assert_eq!(putin.wikidata.as_deref(), Some("Q7747"));
    assert_eq!(putin.country.as_deref(), Some("RU"));
    assert_eq!(
        forms(putin),
        [
            ("Vladimir Putin", MentionForm::Name),
            ("Putin", MentionForm::ShortName),
            ("the Russian president", MentionForm::Nominal)
        ]
    );
    assert_eq!(putin.aliases, ["Vladimir Putin", "Putin"]);
}

#[test]
fn a_title_gives_role_and_affiliation_and_the_surname_merges() {
    let text = "Kremlin spokesman Dmitry Peskov said on Monday that talks would go on. \"We remain calm,\" Peskov said.";
    let es = run(
        text,
        &[
            ("Kremlin", Organisation),
            ("Dmitry Peskov", Person),
            ("Peskov", Person),
        ],
    );
    let peskov = named(&es, "Dmitry Peskov");
    assert_eq!(peskov.kind, Person);
    assert_eq!(peskov.aliases, ["Dmitry Peskov", "Peskov"]);
    assert_eq!(peskov.roles, ["spokesman"]);
    assert_eq!(peskov.affiliations, ["Kremlin"]);
    let kremlin = named(&es, "Kremlin");
    assert_eq!(kremlin.stands_for.as_deref(), Some("gov:RU"));
}

#[test]
fn unknown_people_merge_by_surname_and_keep_appositive_roles() {
    let text = "\"In a way, he is rational,\" said Stefan Maier, a Russian expert at the German Foreign Policy Association. Maier added that costs matter.";
    let es = run(
        text,
        &[
            ("Stefan Maier", Person),
            ("German", Group),
            ("Policy Association", Person),
            ("Maier", Person),
        ],
    );
    let maier = named(&es, "Stefan Maier");
    assert_eq!(maier.key, "person/stefan-maier");
    assert_eq!(maier.aliases, ["Stefan Maier", "Maier"]);
    assert_eq!(maier.roles, ["expert"]);
    assert_eq!(maier.affiliations, ["German Foreign Policy Association"]);
    assert_eq!(forms(maier)[1].1, MentionForm::ShortName);
    // The tagger's fragments give way to the organisation's full name.
    let org = es
        .iter()
        .find(|e| {
            e.aliases
                .contains(&"German Foreign Policy Association".to_string())
        })
        .unwrap();
    assert_eq!(org.kind, Organisation);
    assert!(!es.iter().any(|e| e.name == "Policy Association"));
}

#[test]
fn a_full_name_after_its_surname_joins_it() {
    let text = "Kovalenkyy arrived late. Ostap Kovalenkiy, a senior analyst at Prism, then spoke.";
    let es = run_with(
        &empty_gazetteer(),
        text,
        &[
            ("Kovalenkyy", Person),
            ("Ostap Kovalenkiy", Person),
            ("Prism", Place),
        ],
    );
    let k = named(&es, "Ostap Kovalenkiy");
    assert_eq!(k.key, "person/ostap-kovalenki");
    assert_eq!(k.mentions.len(), 2);
    assert_eq!(k.roles, ["senior analyst"]);
    assert_eq!(k.affiliations, ["Prism"]);
    // An employer after "at" counts as an organisation although tagged a place.
    assert_eq!(named(&es, "Prism").kind, Organisation);
}

#[test]
fn tagger_kind_errors_are_fixed_by_gazetteer_and_majority() {
    let text = "Trump spoke to reporters in Kyiv, Ukraine. Later Trump and Witkoff met. Steve Witkoff said little.";
    let es = run(
        text,
        &[
            ("Trump", Organisation),
            ("Kyiv", Person),
            ("Ukraine", Place),
            ("Trump", Organisation),
            ("Witkoff", Organisation),
            ("Steve Witkoff", Person),
        ],
    );
    assert_eq!(named(&es, "Donald Trump").kind, Person);
    assert_eq!(named(&es, "Donald Trump").mentions.len(), 2);
    assert_eq!(named(&es, "Kyiv").kind, Place);
    let w = named(&es, "Steve Witkoff");
    assert_eq!(w.mentions.len(), 2, "{es:#?}");

    // Without a gazetteer the majority decides, and a title counts for person.
    let text = "Ostap Bilyk spoke. Bilyk then left. Director Bilyk returned.";
    let es = run_with(
        &empty_gazetteer(),
        text,
        &[
            ("Ostap Bilyk", Person),
            ("Bilyk", Organisation),
            ("Director Bilyk", Organisation),
        ],
    );
    assert_eq!(es.len(), 1, "{es:#?}");
    assert_eq!(es[0].kind, Person);
    assert_eq!(es[0].roles, ["Director"]);
}

#[test]
fn junk_mentions_are_dropped() {
    let text = "Trump called it bullsh*t.\nCeasefire Ultimatum Looms Over Talks\nNothing else happened on Monday.";
    let es = run(
        text,
        &[
            ("Trump", Person),
            ("bullsh*t", Person),
            ("Ceasefire Ultimatum", Person),
        ],
    );
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Donald Trump"]);
}

#[test]
fn metonyms_as_actors_and_places_as_places() {
    let text = "The Kremlin insists it seeks peace. Trump's threats are viewed in Moscow as serious. Yet Moscow does not believe China would halt purchases, and the Kremlin's position is unchanged.";
    let es = run(
        text,
        &[
            ("Kremlin", Place),
            ("Trump", Person),
            ("Moscow", Place),
            ("Moscow", Place),
            ("China", Place),
            ("Kremlin", Place),
        ],
    );
    let kremlin = named(&es, "Kremlin");
    assert_eq!(kremlin.kind, Organisation);
    assert_eq!(kremlin.stands_for.as_deref(), Some("gov:RU"));
    assert_eq!(
        kremlin.mentions.iter().map(|m| m.form).collect::<Vec<_>>(),
        [MentionForm::Metonym, MentionForm::Metonym]
    );
    let moscow = named(&es, "Moscow");
    assert_eq!(moscow.kind, Place);
    assert_eq!(moscow.stands_for.as_deref(), Some("gov:RU"));
    assert_eq!(
        moscow.mentions.iter().map(|m| m.form).collect::<Vec<_>>(),
        [MentionForm::Name, MentionForm::Metonym]
    );
    let china = named(&es, "China");
    assert_eq!(china.stands_for, None);

    // A capital only ever used as a place stands for nothing.
    let es = run(
        "Talks were held in Istanbul and in Moscow.",
        &[("Istanbul", Place), ("Moscow", Place)],
    );
    assert_eq!(named(&es, "Moscow").stands_for, None);
}

#[test]
fn nominals_resolve_to_the_article_person_or_the_gazetteer_holder() {
    // In the article: the person whose title names the office and country.
    let text =
        "Finnish President Alexander Stubb played golf. The Finnish president was optimistic.";
    let es = run(text, &[("Finnish", Group), ("Alexander Stubb", Person)]);
    let stubb = named(&es, "Alexander Stubb");
    assert_eq!(stubb.roles, ["President"]);
    assert_eq!(stubb.affiliations, ["Finland"]);
    assert_eq!(
        forms(stubb).last().unwrap(),
        &("The Finnish president", MentionForm::Nominal)
    );

    // Not in the article: the gazetteer's office holder, as an entity of its own.
    let text = "Putin will not sacrifice relations with the U.S. president.";
    let es = run(text, &[("Putin", Person)]);
    let trump = named(&es, "Donald Trump");
    assert_eq!(forms(trump), [("the U.S. president", MentionForm::Nominal)]);
    assert!(trump.aliases.is_empty());

    // An unknown person with a title answers a nominal too.
    let text = "Mayor Ivan Petrenko of Lviv spoke. Later the Ukrainian leader left.";
    let es = run_with(&empty_gazetteer(), text, &[("Ivan Petrenko", Person)]);
    assert_eq!(es.len(), 1);
}

#[test]
fn leader_nominals_pick_the_office_that_leads() {
    let leader = |text: &str| {
        let es = run(text, &[]);
        assert_eq!(es.len(), 1, "{text}: {es:#?}");
        es[0].name.clone()
    };
    assert_eq!(leader("They met the German leader."), "Friedrich Merz");
    assert_eq!(leader("They met the Italian leader."), "Giorgia Meloni");
    assert_eq!(leader("They met the French leader."), "Emmanuel Macron");
    assert_eq!(leader("They met the British leader."), "Keir Starmer");
    assert_eq!(leader("They met the Kremlin chief."), "Vladimir Putin");
    assert_eq!(leader("They met the Chinese president."), "Xi Jinping");
    assert_eq!(
        leader("They met the Italian president."),
        "Sergio Mattarella"
    );
}

#[test]
fn canonical_keys_agree_across_spellings() {
    let g = gaz();
    let key = |k, n| canonical_key(k, n, g);
    assert_eq!(key(Person, "Zelensky"), key(Person, "Zelenskyy"));
    assert_eq!(key(Person, "Zelenskiy"), key(Person, "Volodymyr Zelenskyy"));
    assert_eq!(key(Person, "Zelensky"), "person:volodymyr-zelenskyy");
    assert_eq!(key(Place, "Kiev"), key(Place, "Kyiv"));
    assert_eq!(key(Place, "Zaporozhye"), key(Place, "Zaporizhzhia"));
    assert_eq!(key(Place, "Lugansk"), key(Place, "Luhansk"));
    assert_eq!(key(Organisation, "the Kremlin"), "org:kremlin");
    assert_eq!(key(Person, "Putin's"), "person:vladimir-putin");
    // Unknown names: the folded skeleton.
    assert_eq!(key(Person, "Ostap Kovalenkyy"), "person/ostap-kovalenki");
    assert_eq!(
        key(Person, "Ostap Kovalenkiy"),
        key(Person, "Ostap Kovalenky")
    );
    assert_eq!(
        key(Person, "Ostap Kovalenky"),
        key(Person, "Ostap Kovalenki")
    );
    assert_eq!(key(Person, "Hanna Hoffmann"), key(Person, "Hanna Hofmann"));
    assert_eq!(key(Person, "Marta Savvina"), key(Person, "Marta Savina"));
    assert_ne!(key(Person, "Stefan Maier"), key(Person, "Stefan Meister"));
    // Without a gazetteer, romanisations still meet.
    let empty = empty_gazetteer();
    let bare = |n| canonical_key(Person, n, &empty);
    assert_eq!(bare("Zelensky"), bare("Zelenskyy"));
    assert_eq!(bare("Zelenskiy"), bare("Zelenskyy"));
    assert_eq!(bare("Zelensky"), "person/zelenski");
}

#[test]
fn the_same_entity_gets_the_same_key_in_different_articles() {
    let a = run(
        "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.",
        &[("Volodymyr Zelenskyy", Person), ("Kyiv", Place)],
    );
    let b = run(
        "Zelensky spoke in Kiev.",
        &[("Zelensky", Person), ("Kiev", Place)],
    );
    let keys = |es: &[Entity]| es.iter().map(|e| e.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&a), keys(&b));
    assert_eq!(named(&a, "Volodymyr Zelenskyy").roles, ["President"]);
    assert_eq!(
        named(&b, "Volodymyr Zelenskyy").mentions[0].form,
        MentionForm::ShortName
    );
}

#[test]
fn entities_come_in_order_of_first_mention_and_serialise() {
    let text = "Sergei Markov, a political consultant, said Putin would wait. Markov is close to the Kremlin.";
    let es = run(
        text,
        &[
            ("Sergei Markov", Person),
            ("Putin", Person),
            ("Markov", Person),
            ("Kremlin", Place),
        ],
    );
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Sergei Markov", "Vladimir Putin", "Kremlin"]);
    assert_eq!(es[0].roles, ["political consultant"]);
    let json = serde_json::to_string(&es).unwrap();
    assert!(json.contains("\"form\":\"short_name\""), "{json}");
    let back: Vec<Entity> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, es);
}

#[test]
fn empty_input_and_spans_off_the_tokens() {
    let seg = tri_text::segment("");
    assert!(resolve("", &seg, &[], gaz()).is_empty());
    let text = "Putin spoke.";
    let seg = tri_text::segment(text);
    let bad = Mention {
        span: Span::new(40, 45),
        kind: Person,
        text: "Putin".into(),
    };
    assert!(resolve(text, &seg, &[bad], gaz()).is_empty());
}
