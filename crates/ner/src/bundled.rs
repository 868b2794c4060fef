//! The model and lexicon that ship in the repository (`models/ner/`), compiled into the
//! binary so nothing is read or fetched at run time.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use tri_gazetteer::{Gazetteer, Subtype};

use crate::{Lexicon, NerError, Tagger};

#[cfg(shipped_model)]
const MODEL: Option<&[u8]> = Some(include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/model.tsv.gz"
)));
#[cfg(not(shipped_model))]
const MODEL: Option<&[u8]> = None;

#[cfg(shipped_clusters)]
const CLUSTERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/clusters.tsv"
));
#[cfg(not(shipped_clusters))]
const CLUSTERS: &str = "";

#[cfg(shipped_embeddings)]
const EMBEDDINGS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/embeddings.tsv.gz"
));
#[cfg(not(shipped_embeddings))]
const EMBEDDINGS: &[u8] = &[];

/// The lexicon the shipped model is trained with: the shipped Brown clusters, word-vector
/// clusters and the gazetteer's name lists. Training builds it the same way.
pub fn lexicon() -> Lexicon {
    let mut lists = gazetteer_lists(Gazetteer::embedded());
    lists.push(("club".to_string(), name_list(CLUBS)));
    lists.push(("first".to_string(), name_list(FIRST_NAMES)));
    lists.push(("surname".to_string(), name_list(SURNAMES)));
    lists.push(("company".to_string(), name_list(COMPANIES)));
    let lexicon = Lexicon::new(CLUSTERS, &lists);
    if EMBEDDINGS.is_empty() {
        return lexicon;
    }
    let mut text = String::new();
    // The file is ours and compiled in; a corrupt copy is a build defect, not input.
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(EMBEDDINGS), &mut text)
        .expect("models/ner/embeddings.tsv.gz is valid gzip UTF-8");
    lexicon.with_embeddings(&text)
}

/// Football clubs and their short names (`tools/make-club-list.py`): in sports reports a
/// town's name is often its team's.
const CLUBS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/lists/clubs.txt"
));

/// Given names of many countries and US family names (`tools/make-name-lists.py`): most
/// people in the news are named once, and knowing a given name from a town helps there.
const FIRST_NAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/lists/first-names.txt"
));
const SURNAMES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/lists/surnames.txt"
));

/// Listed companies with and without their legal form (`tools/make-company-list.py`):
/// companies named after a founder or a town are otherwise read as the person or place.
const COMPANIES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/lists/companies.txt"
));

/// The names of a list file (one per line, `#` lines are comments), each tokenised as
/// the tagger sees text.
fn name_list(text: &str) -> Vec<String> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for line in text.lines() {
        let name = line.trim();
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        let tokens: Vec<&str> = tri_text::tokenize(name)
            .iter()
            .map(|t| t.span.of(name))
            .collect();
        names.insert(tokens.join(" "));
    }
    names.into_iter().collect()
}

/// The gazetteer's names grouped into the lists the tagger's features name, each name
/// tokenised as the tagger sees text.
pub fn gazetteer_lists(gazetteer: &Gazetteer) -> Vec<(String, Vec<String>)> {
    let mut lists: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    let mut add = |list: &'static str, name: &str| {
        let tokens: Vec<&str> = tri_text::tokenize(name)
            .iter()
            .map(|t| t.span.of(name))
            .collect();
        if !tokens.is_empty() {
            lists.entry(list).or_default().insert(tokens.join(" "));
        }
    };
    for entry in gazetteer.entries() {
        let list = match entry.subtype {
            Subtype::Country => "country",
            Subtype::Nationality => "demonym",
            Subtype::Continent | Subtype::Region | Subtype::Feature | Subtype::District => "region",
            Subtype::City if entry.tier >= 3 => "city",
            Subtype::City => "town",
            Subtype::Person => "person",
            Subtype::Agency | Subtype::Outlet => "news",
            Subtype::Ethnic | Subtype::Religious => "group",
            Subtype::Metonym => "metonym",
            Subtype::Government
            | Subtype::GovernmentBody
            | Subtype::Military
            | Subtype::International
            | Subtype::Party
            | Subtype::ThinkTank
            | Subtype::Company
            | Subtype::ArmedGroup
            | Subtype::Ngo => "organisation",
        };
        for name in entry.all_names() {
            add(list, name);
        }
        for demonym in &entry.demonyms {
            add("demonym", demonym);
        }
    }
    lists
        .into_iter()
        .map(|(name, phrases)| (name.to_string(), phrases.into_iter().collect()))
        .collect()
}

/// The shipped tagger, loaded once. Errors when the checkout has no model (it was
/// removed to be retrained) or the model does not fit the lexicon.
pub fn tagger() -> Result<&'static Tagger, &'static NerError> {
    static TAGGER: OnceLock<Result<Tagger, NerError>> = OnceLock::new();
    TAGGER
        .get_or_init(|| {
            let bytes = MODEL.ok_or(NerError::NoModel)?;
            Tagger::from_model_file(bytes, lexicon())
        })
        .as_ref()
}

/// A short hash of the shipped model file (and so of the lexicon it requires).
pub fn model_fingerprint() -> String {
    format!("{:016x}", crate::features::hash(MODEL.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_files_are_read_as_the_tagger_tokenises() {
        let names = name_list(
            "# a comment\nQueens Park Rangers\n\n  St. Johnstone  \nHeart of Midlothian's\n",
        );
        assert_eq!(
            names,
            vec![
                "Heart of Midlothian 's".to_string(),
                "Queens Park Rangers".to_string(),
                "St. Johnstone".to_string()
            ]
        );
    }

    #[test]
    fn the_shipped_club_list_has_clubs() {
        let clubs = name_list(CLUBS);
        assert!(clubs.len() > 5000, "{} clubs", clubs.len());
        assert!(clubs.iter().any(|c| c == "Bristol Rovers"));
    }

    #[test]
    fn the_shipped_person_and_company_lists_are_in_the_lexicon() {
        let first = name_list(FIRST_NAMES);
        let surnames = name_list(SURNAMES);
        let companies = name_list(COMPANIES);
        assert!(first.len() > 40_000 && surnames.len() > 80_000);
        // Given names beyond the US census: nam_dict's Bulgarian, French, Irish ones.
        for name in ["Hristo", "Zinedine", "Siobhan"] {
            assert!(first.iter().any(|n| n == name), "{name}");
        }
        assert!(surnames.iter().any(|n| n == "Johnson"));
        // A company is listed with and without its legal form.
        assert!(companies.iter().any(|n| n == "Siemens"));
        let lexicon = lexicon();
        for list in ["first", "surname", "company", "club", "country"] {
            assert!(lexicon.list_names.iter().any(|l| l == list), "{list}");
        }
    }
}
