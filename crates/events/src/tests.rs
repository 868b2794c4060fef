//! The stage on sentences whose participants the gazetteer knows (no tagger here: the
//! pipeline's own tests, with the tagger, are in `crates/annotate/tests/`).

use tri_model::{Attributions, Chronology, Event, EventType, Modality};

use crate::lexicon::{inflections, lexicon};
use crate::{extract, Input};

fn events(text: &str) -> Vec<Event> {
    let segmented = tri_text::segment(text);
    extract(&Input {
        text,
        segmented: &segmented,
        entities: &[],
        attributions: &Attributions::default(),
        chronology: &Chronology::default(),
        gazetteer: tri_gazetteer::Gazetteer::embedded(),
    })
}

fn only(text: &str) -> Event {
    let found = events(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn names(ps: &[tri_model::Participant]) -> Vec<&str> {
    ps.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn the_dictionary_and_the_tables_load_whole() {
    let lex = lexicon();
    assert!(lex.blocks.len() > 350, "{} verb blocks", lex.blocks.len());
    let patterns: usize = lex.blocks.iter().map(|b| b.patterns.len()).sum();
    assert!(patterns > 4000, "{patterns} patterns");
    assert!(lex.synsets.len() > 30);
    assert_eq!(lex.plover("190").map(|p| p.kind), Some(EventType::Assault));
    assert_eq!(
        lex.plover("0871").and_then(|p| p.mode.as_deref()),
        Some("ceasefire")
    );
    assert!(lex.plover("010").is_none(), "statements are dropped");
    assert_eq!(lex.scores.get("ASSAULT:aerial"), Some(&-9.5));
    assert_eq!(
        lex.agents.get("POLICE").map(|a| a.sector.as_str()),
        Some("COP")
    );
}

#[test]
fn regular_verbs_get_every_form() {
    assert_eq!(
        inflections("attack"),
        ["ATTACK", "ATTACKS", "ATTACKED", "ATTACKING"]
    );
    assert!(inflections("REFUSE").contains(&"REFUSING".to_string()));
    assert!(inflections("STOP").contains(&"STOPPED".to_string()));
    assert!(inflections("CARRY").contains(&"CARRIED".to_string()));
}

#[test]
fn a_pattern_around_the_verb_gives_the_code() {
    let e = only("Niger cut diplomatic ties with Ukraine on Tuesday.");
    assert_eq!(e.kind, EventType::Sanction);
    assert_eq!(e.text, "cut diplomatic ties");
    assert_eq!(names(&e.actor), ["Niger"]);
    assert_eq!(names(&e.recipient), ["Ukraine"]);
    assert_eq!(e.recipient[0].code.as_deref(), Some("UKR"));
}

#[test]
fn nouns_that_are_not_events_are_not_coded() {
    // "conflict", "forces" and "control" are verbs too.
    assert!(
        events("The conflict left Russian forces in control of the city.")
            .iter()
            .all(|e| e.kind != EventType::Assault && e.kind != EventType::Coerce),
        "{:#?}",
        events("The conflict left Russian forces in control of the city.")
    );
}

#[test]
fn negation_and_modality_come_from_the_clause() {
    let e = only("Russia did not attack Kyiv.");
    assert_eq!(
        (e.kind, e.modality, e.negated),
        (EventType::Assault, Modality::Negated, true)
    );
    let e = only("Putin is unlikely to comply.");
    assert_eq!((e.modality, e.negated), (Modality::Predicted, true));
    let e = only("If Russia attacks Moldova, Romania will respond.");
    assert_eq!(
        (e.kind, e.modality),
        (EventType::Assault, Modality::Conditional)
    );
}

#[test]
fn planned_cooperation_is_agree_and_a_threatened_attack_a_threat() {
    let e = only("France will meet Germany in Paris.");
    assert_eq!(e.kind, EventType::Agree, "{e:#?}");
    assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Paris"));
    let e = only("Iran threatened to close the Strait of Hormuz.");
    assert_eq!(e.kind, EventType::Threaten);
    assert_eq!(names(&e.actor), ["Iran"]);
}

#[test]
fn a_demand_or_refusal_is_coded_rather_than_what_it_is_about() {
    let e = only("Protesters called on the prime minister to resign.");
    assert_eq!(e.kind, EventType::Request, "{e:#?}");
    assert_eq!(e.actor[0].sector.as_deref(), Some("CVL"));
    let found = events("Venezuela refused to allow observers into the country.");
    assert_eq!(found[0].kind, EventType::Reject, "{found:#?}");
}

#[test]
fn a_passive_takes_its_actor_from_by() {
    let e = only("Kyiv was attacked by Russia overnight.");
    assert_eq!(names(&e.actor), ["Russia"]);
    assert_eq!(names(&e.recipient), ["Kyiv"]);
}

#[test]
fn nationalities_with_agent_nouns_are_actors_with_sectors() {
    let e = only("Russian troops withdrew from Kherson.");
    assert_eq!(e.kind, EventType::Retreat);
    assert_eq!(e.actor[0].name, "Russia");
    assert_eq!(e.actor[0].sector.as_deref(), Some("MIL"));
    assert_eq!(e.actor[0].text, "Russian troops");
}

#[test]
fn coordinated_actors_and_recipients_are_all_kept() {
    let e = only("Japan and Australia threatened China and India.");
    assert_eq!(names(&e.actor), ["Japan", "Australia"]);
    assert_eq!(names(&e.recipient), ["China", "India"]);
}

#[test]
fn the_capital_of_a_country_is_its_city() {
    let e = only("Russia launched an attack on the capital of Ukraine.");
    assert_eq!(e.kind, EventType::Assault);
    assert_eq!(names(&e.recipient), ["Kyiv"]);
}

#[test]
fn a_pronoun_takes_the_last_subject_and_is_marked_inferred() {
    let found = events("Russian negotiators arrived in Istanbul. They demanded a ceasefire.");
    let e = found
        .iter()
        .find(|e| e.kind == EventType::Request)
        .expect("the demand");
    assert_eq!(e.actor[0].name, "Russia");
    assert!(e.actor[0].inferred);
}

#[test]
fn every_sentence_with_events_has_one_main_event() {
    let text = "Russia attacked Ukraine overnight and Poland condemned the attack. \
                Officials from France and Germany met in Berlin. The weather was mild.";
    let found = events(text);
    let mut sentences: Vec<tri_model::Span> = found.iter().map(|e| e.sentence).collect();
    sentences.dedup();
    assert_eq!(sentences.len(), 2, "{found:#?}");
    for s in sentences {
        let mains = found.iter().filter(|e| e.sentence == s && e.main).count();
        assert_eq!(mains, 1, "sentence {s:?}: {found:#?}");
    }
}

#[test]
fn a_lone_event_is_its_sentence_main_event() {
    assert!(only("Police arrested protesters in Minsk.").main);
}
