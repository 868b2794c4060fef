//! Metonyms: a building or capital standing for a government ("the Kremlin said", "Moscow
//! does not believe", "the Kremlin's position"). Only names whose gazetteer entry has a
//! `stands_for` are candidates; the use decides: an actor (the subject of a reporting,
//! stance or action verb, the speaker of "said the Kremlin" or "according to", or the
//! possessor of a position) is a metonym; a place after a locative preposition ("in
//! Moscow") is not.

use crate::doc::Doc;
use crate::lexicon;

/// True when the name at tokens `[first, end)` is used as an actor.
pub(crate) fn is_actor_use(doc: &Doc, first: usize, end: usize) -> bool {
    let floor = doc.sentence_start(first);
    let limit = doc.sentence_end(first);
    let mut p = first;
    if p > floor && doc.lower(p - 1) == "the" {
        p -= 1;
    }
    if p >= floor + 2 && doc.lower(p - 1) == "to" && doc.lower(p - 2) == "according" {
        return true;
    }
    if p > floor && is_locative(doc.lower(p - 1)) {
        return false;
    }
    if p > floor && lexicon::is_inverted_reporting_verb(doc.lower(p - 1)) {
        return true;
    }
    if end < limit && doc.is_possessive(end) {
        return (end + 1..limit.min(end + 4))
            .take_while(|&k| doc.is_lower_word(k))
            .any(|k| lexicon::is_policy_noun(doc.lower(k)));
    }
    let mut j = end;
    let mut aux = false;
    while j < limit && j < end + 5 {
        let l = doc.lower(j);
        if lexicon::is_verb_skip(l) {
            j += 1;
            continue;
        }
        if lexicon::is_auxiliary(l) {
            aux = true;
            j += 1;
            continue;
        }
        return doc.is_lower_word(j) && lexicon::is_actor_verb(l, aux);
    }
    false
}

fn is_locative(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "at"
            | "from"
            | "to"
            | "near"
            | "outside"
            | "inside"
            | "around"
            | "across"
            | "into"
            | "within"
            | "toward"
            | "towards"
            | "through"
            | "over"
            | "visit"
            | "visited"
            | "visiting"
            | "visits"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str, name: &str) -> bool {
        let seg = tri_text::segment(text);
        let doc = Doc::new(text, &seg);
        let (first, end) = doc.tokens_named(name);
        is_actor_use(&doc, first, end)
    }

    #[test]
    fn actors_and_places() {
        assert!(actor("The Kremlin insists it seeks peace.", "Kremlin"));
        assert!(actor(
            "the Kremlin warned on August 8 that this would prolong it.",
            "Kremlin"
        ));
        assert!(actor("if Moscow does not halt its campaign.", "Moscow"));
        assert!(actor(
            "Overall, Moscow now occupies a fifth of Ukraine.",
            "Moscow"
        ));
        assert!(actor(
            "The Kremlin has not made any public statements.",
            "Kremlin"
        ));
        assert!(actor(
            "refused to follow the Kremlin's approach.",
            "Kremlin"
        ));
        assert!(actor("\"No,\" said the Kremlin.", "Kremlin"));
        assert!(actor(
            "according to Washington, talks failed.",
            "Washington"
        ));
        assert!(!actor(
            "Trump's threats are viewed in Moscow as serious.",
            "Moscow"
        ));
        assert!(!actor("officials in Moscow said no.", "Moscow"));
        assert!(!actor(
            "three sources close to the Kremlin said.",
            "Kremlin"
        ));
        assert!(!actor("Kremlin sources reveal Putin's resolve.", "Kremlin"));
        assert!(!actor("Moscow is the capital.", "Moscow"));
        assert!(!actor("The Kremlin's walls are red.", "Kremlin"));
    }
}
