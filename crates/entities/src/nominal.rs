//! Nominal mentions: a person named by office and country instead of by name ("the Russian
//! president", "the U.S. president", "the Ukrainian leader", "the Kremlin chief",
//! "Russia's president"). Found as `the <country word> <office noun>` or `<Country>'s
//! <office noun>`, where the country word is a demonym, a country, or a seat of government
//! ("Kremlin", "White House"); an office noun directly followed by a name is a title, not a
//! nominal ("the Russian President Vladimir Putin").

use tri_gazetteer::Subtype;
use tri_model::Span;

use crate::doc::Doc;
use crate::gaz::Gaz;
use crate::lexicon;

/// One nominal mention: where it is, and the office and country it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Nominal {
    pub span: Span,
    pub text: String,
    /// "president", "prime minister", "chancellor", "king", "spokesman", or "leader".
    pub office: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
}

/// Every nominal mention in the article, in text order.
pub(crate) fn find(doc: &Doc, gaz: &Gaz) -> Vec<Nominal> {
    let mut out = Vec::new();
    for i in 1..doc.len() {
        let l = doc.lower(i);
        let (head, office) = if l == "minister" && doc.lower(i - 1) == "prime" {
            (i - 1, "prime minister")
        } else if let Some(o) = lexicon::nominal_office(l) {
            (i, o)
        } else {
            continue;
        };
        if head == 0 || doc.sentence(head - 1) != doc.sentence(i) {
            continue;
        }
        let next = i + 1;
        if next < doc.len()
            && doc.sentence(next) == doc.sentence(i)
            && (doc.is_cap(next) || doc.lower(next) == "of")
        {
            continue;
        }
        let q = head - 1;
        let floor = doc.sentence_start(i);
        let (start, country_word) = if doc.is_possessive(q) && q > floor && doc.is_cap(q - 1) {
            (q - 1, q - 1)
        } else if doc.is_cap(q) && q > floor && doc.lower(q - 1) == "the" {
            (q - 1, q)
        } else {
            continue;
        };
        let Some(country) = country_of(gaz, doc.word(country_word)) else {
            continue;
        };
        let span = doc.span_of(start, i + 1);
        out.push(Nominal {
            span,
            text: span.of(doc.text).to_string(),
            office,
            country,
        });
    }
    out
}

/// The country code a qualifier names: a demonym ("Russian", "U.S."), a country, or a
/// name that stands for a government ("Kremlin" → RU).
fn country_of(gaz: &Gaz, word: &str) -> Option<String> {
    if let Some(c) = gaz.demonym(word) {
        return c.country.clone();
    }
    let found = gaz.lookup(word);
    let e = found.first()?;
    if e.subtype == Subtype::Country {
        return e.country.clone();
    }
    let gov = e.stands_for.as_deref()?.strip_prefix("gov:")?;
    Some(gov.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nominals(text: &str) -> Vec<(String, &'static str, String)> {
        let seg = tri_text::segment(text);
        let doc = Doc::new(text, &seg);
        find(&doc, &crate::gaz::Gaz::new(crate::tests::gaz()))
            .into_iter()
            .map(|n| (n.text, n.office, n.country))
            .collect()
    }

    #[test]
    fn office_and_country_phrases() {
        assert_eq!(
            nominals("a person familiar with the Russian president's thinking"),
            [(
                "the Russian president".to_string(),
                "president",
                "RU".to_string()
            )]
        );
        assert_eq!(
            nominals("relations with the U.S. president in the current situation"),
            [(
                "the U.S. president".to_string(),
                "president",
                "US".to_string()
            )]
        );
        assert_eq!(
            nominals("The Kremlin chief met Ukraine's prime minister."),
            [
                ("The Kremlin chief".to_string(), "leader", "RU".to_string()),
                (
                    "Ukraine's prime minister".to_string(),
                    "prime minister",
                    "UA".to_string()
                ),
            ]
        );
        assert!(nominals("the Russian President Vladimir Putin spoke").is_empty());
        assert!(nominals("the White House chief of staff").is_empty());
        assert!(nominals("the president said").is_empty());
        assert!(nominals("the Pentagon chief").is_empty());
    }
}
