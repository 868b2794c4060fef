//! The attribution cue lexicon (`models/attribution/cues.tsv`): reporting verbs in all
//! their forms and the phrases that introduce a source ("according to").

use std::sync::OnceLock;

use tri_model::FnvMap;

use crate::doc::Doc;

/// What a cue expects around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Takes a quote or a that-clause: "said", "wrote", "added".
    Speech,
    /// Its object is who was told, the content follows: "told Reuters that".
    Listener,
    /// Takes a that-clause: "believes", "thinks".
    Cognition,
    /// Introduces its source, the content is the rest of the clause: "according to X".
    Prep,
    /// Takes a document or data as its subject: "a poll shows", "the study found".
    Evidence,
    /// A position taken, its object the content: "urged Congress to act", "called for
    /// a ceasefire", "criticized the plan".
    Stance,
}

pub(crate) struct Lexicon {
    words: FnvMap<String, CueClass>,
    /// Multi-word cues by their first word: the remaining words and the class.
    phrases: FnvMap<String, Vec<(Vec<String>, CueClass)>>,
}

pub(crate) const CUES_TSV: &str = include_str!("../../../models/attribution/cues.tsv");

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(CUES_TSV))
}

impl Lexicon {
    fn parse(tsv: &str) -> Lexicon {
        let mut words = FnvMap::default();
        let mut phrases: FnvMap<String, Vec<(Vec<String>, CueClass)>> = FnvMap::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let mut cols = line.split('\t');
            let (Some(form), Some(_lemma), Some(class)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let class = match class {
                "speech" => CueClass::Speech,
                "listener" => CueClass::Listener,
                "cognition" => CueClass::Cognition,
                "prep" => CueClass::Prep,
                "evidence" => CueClass::Evidence,
                "stance" => CueClass::Stance,
                other => panic!("cues.tsv: unknown class {other:?}"),
            };
            let parts: Vec<String> = form.split(' ').map(str::to_string).collect();
            if parts.len() == 1 {
                words.entry(parts[0].clone()).or_insert(class);
            } else {
                phrases
                    .entry(parts[0].clone())
                    .or_default()
                    .push((parts[1..].to_vec(), class));
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Lexicon { words, phrases }
    }

    /// The cue starting at token `i`: its class and how many tokens it spans.
    pub fn cue_at(&self, doc: &Doc, i: usize) -> Option<(CueClass, usize)> {
        // A capitalised word inside a sentence is a name ("Secretary of State"), not a verb.
        if doc.is_cap(i) && !doc.opens_clause(i) {
            return None;
        }
        let w = doc.lower(i);
        if let Some(list) = self.phrases.get(w) {
            for (rest, class) in list {
                if i + rest.len() < doc.len()
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(k, r)| doc.lower(i + 1 + k) == r)
                {
                    return Some((*class, rest.len() + 1));
                }
            }
        }
        self.words.get(w).map(|&c| (c, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicon_has_verbs_in_every_form_and_phrases() {
        let lex = lexicon();
        assert_eq!(lex.words.get("said"), Some(&CueClass::Speech));
        assert_eq!(lex.words.get("told"), Some(&CueClass::Listener));
        assert_eq!(lex.words.get("informed"), Some(&CueClass::Listener));
        assert_eq!(lex.words.get("believes"), Some(&CueClass::Cognition));
        assert!(lex.phrases["according"]
            .iter()
            .any(|(rest, c)| rest == &["to"] && *c == CueClass::Prep));
    }
}
