//! Sentences whose participant candidates overlap (a name inside a longer group name, a
//! country inside a hyphenated compound) once made the argument finder slice backwards
//! and panic, losing the whole article. They are coded like any other sentence.

use tri_model::EventType;

fn kinds(text: &str) -> Vec<EventType> {
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
    annotator
        .annotate(text, Some("en"))
        .events
        .iter()
        .map(|e| e.kind)
        .collect()
}

#[test]
fn a_group_named_with_its_members_meets() {
    let found = kinds(
        "The Minsk Group — a Russian-led group that includes Ukraine, France, Germany, and \
         the European Union — met on Friday in Minsk to consider the measures expected from \
         Ukraine and Russia over Ukraine-Russia border.",
    );
    assert!(found.contains(&EventType::Consult), "{found:?}");
}

#[test]
fn a_call_and_an_accusation_against_a_led_coalition() {
    let found = kinds(
        "Syrian President Bashar Assad on Saturday called on international powers to \
         establish \"safe zones\" in Syria for Syrian refugees and accused the U.S.-led \
         coalition fighting Islamic State of committing war crimes, a week after Washington \
         opened its first such zone.",
    );
    assert!(found.contains(&EventType::Request), "{found:?}");
    assert!(
        found.contains(&EventType::Assault) || found.contains(&EventType::Accuse),
        "{found:?}"
    );
}
