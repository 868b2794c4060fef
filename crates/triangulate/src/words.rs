//! The words a claim is compared by: lower-case content words, stemmed (Snowball
//! English), so that "defenses", "defensive" and "defence" meet, and figures as
//! value-and-unit terms, so that "one-fifth" and "a fifth" of the same unit meet.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words that say nothing about what a claim is: function words, reporting verbs and
/// the hedges every outlet adds ("said", "reportedly", "according").
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yet",
    "still",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "according",
    "reported",
    "reportedly",
    "report",
    "reports",
    "added",
    "noted",
    "stated",
    "claimed",
    "believe",
    "believes",
    "believed",
    "however",
    "meanwhile",
    "currently",
    "recent",
    "recently",
    "new",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "per",
    "mr",
    "ms",
    "including",
    "particularly",
    "around",
    "nearly",
    "roughly",
    "almost",
    "approximately",
    "overall",
    "within",
    "since",
    "amid",
    "despite",
    "though",
    "although",
    "well",
];

/// Demonyms written as their country, so that "Ukrainian defenses" meets "Ukraine's
/// defense" (the common ones of news; others stay as written).
const DEMONYMS: &[(&str, &str)] = &[
    ("ukrainian", "ukraine"),
    ("ukrainians", "ukraine"),
    ("russian", "russia"),
    ("russians", "russia"),
    ("american", "america"),
    ("americans", "america"),
    ("chinese", "china"),
    ("european", "europe"),
    ("europeans", "europe"),
    ("british", "britain"),
    ("french", "france"),
    ("german", "germany"),
    ("germans", "germany"),
    ("israeli", "israel"),
    ("israelis", "israel"),
    ("iranian", "iran"),
    ("iranians", "iran"),
    ("indian", "india"),
    ("turkish", "turkey"),
    ("syrian", "syria"),
    ("palestinian", "palestine"),
    ("palestinians", "palestine"),
    ("kremlin's", "kremlin"),
];

/// Stems that news paraphrase uses for one another, written as one: outlets rewriting
/// a report swap "capture" for "control", "priority" for "aim", "require" for "demand".
/// Kept to the verbs and nouns of conflict and diplomacy reporting, where rewrites
/// paraphrase most; a stem not listed stands for itself.
const PARAPHRASES: &[(&str, &str)] = &[
    ("captur", "control"),
    ("seiz", "control"),
    ("occupi", "control"),
    ("conquer", "control"),
    ("annex", "control"),
    ("prioriti", "aim"),
    ("goal", "aim"),
    ("objectiv", "aim"),
    ("seek", "aim"),
    ("intend", "aim"),
    ("intent", "aim"),
    ("crumbl", "collaps"),
    ("requir", "demand"),
    ("insist", "demand"),
    ("threaten", "threat"),
    ("withdraw", "withdraw"),
    ("withdrawn", "withdraw"),
    ("retreat", "withdraw"),
    ("pullout", "withdraw"),
    ("defenc", "defens"),
    ("slain", "kill"),
    ("death", "kill"),
    ("negoti", "talk"),
    ("meet", "talk"),
    ("strike", "attack"),
    ("assault", "attack"),
    ("bomb", "attack"),
    ("shell", "attack"),
    ("offens", "attack"),
];

fn paraphrase(stem: String) -> String {
    PARAPHRASES
        .iter()
        .find(|(s, _)| *s == stem)
        .map_or(stem, |(_, c)| (*c).to_string())
}

fn is_stop(w: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
        .contains(w)
}

/// The content-word stems of a text, in order, repeats kept.
pub fn stems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for raw in
        text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))
    {
        for word in raw.split('-') {
            let word = word.trim_matches(|c: char| c == '\'' || c == '\u{2019}');
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            let base = lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("\u{2019}s"))
                .unwrap_or(&lower);
            if base.chars().count() < 3 || base.chars().all(|c| c.is_ascii_digit()) || is_stop(base)
            {
                continue;
            }
            let base = DEMONYMS
                .iter()
                .find(|(d, _)| *d == base)
                .map_or(base, |(_, c)| *c);
            out.push(paraphrase(stemmer().stem(base).into_owned()));
        }
    }
    out
}

/// A figure as a term: its unit and its value to two significant digits, so that the
/// same figure written two ways is one term ("#fraction:0.2").
pub fn figure_term(value: f64, unit: Option<&str>) -> String {
    let rounded = if value == 0.0 {
        0.0
    } else {
        let digits = value.abs().log10().floor() as i32 - 1;
        let scale = 10f64.powi(digits);
        (value / scale).round() * scale
    };
    format!("#{}:{}", unit.unwrap_or("count"), rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_share_their_stems() {
        let a = stems("Ukraine's defense may collapse in the coming months");
        let b = stems("Ukrainian defenses could collapse within months");
        for w in ["ukrain", "defens", "collaps", "month"] {
            assert!(a.contains(&w.to_string()), "{w} in {a:?}");
            assert!(b.contains(&w.to_string()), "{w} in {b:?}");
        }
        assert!(!a.iter().any(|w| w == "may" || w == "the"));
    }

    #[test]
    fn rewrites_swap_words_for_their_paraphrases() {
        let a = stems("Putin still aims to fully capture four Ukrainian regions");
        let b = stems("Putin's priority is to fully control the Ukrainian regions");
        for w in ["putin", "aim", "fulli", "control", "ukrain", "region"] {
            assert!(a.contains(&w.to_string()), "{w} in {a:?}");
            assert!(b.contains(&w.to_string()), "{w} in {b:?}");
        }
    }

    #[test]
    fn figures_written_two_ways_are_one_term() {
        assert_eq!(
            figure_term(0.2, Some("fraction")),
            figure_term(0.2000001, Some("fraction"))
        );
        assert_eq!(figure_term(1415.0, Some("km2")), "#km2:1400");
        assert_ne!(
            figure_term(502.0, Some("km2")),
            figure_term(1415.0, Some("km2"))
        );
    }
}
