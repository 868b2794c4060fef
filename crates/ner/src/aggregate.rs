//! Document-level evidence for the second tagging pass (after Krishnan and Manning
//! 2006): what the first pass concluded about the same words and names anywhere in the
//! document, including later mentions. A name is usually labelled consistently in one
//! story, and its clearest mention ("Peter Blackburn said") may come after an ambiguous
//! one (a headline "BLACKBURN").

use crate::features::FnvMap;
use crate::labels::{self, TYPES};

/// Longest name, in tokens, that is looked for again across the document.
const MAX_NAME_TOKENS: usize = 6;

/// Per sentence, per token: the feature strings the first pass's labels give this token.
pub type Aggregates = Vec<Vec<Vec<String>>>;

fn majority(counts: &[u16; 4]) -> Option<usize> {
    let mut best = None;
    let mut best_count = 0;
    for (ty, &c) in counts.iter().enumerate() {
        if c > best_count {
            best_count = c;
            best = Some(ty);
        }
    }
    best
}

fn is_name_like(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Computes the second pass's document features from the first pass's labels.
pub fn aggregates<T: AsRef<[S]>, S: AsRef<str>>(
    sentences: &[T],
    first_pass: &[Vec<u8>],
) -> Aggregates {
    let lower: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            s.as_ref()
                .iter()
                .map(|w| w.as_ref().to_lowercase())
                .collect()
        })
        .collect();
    // Token majority: the types the first pass gave each capitalised word.
    let mut token_types: FnvMap<&str, [u16; 4]> = FnvMap::default();
    // Entity majority: the types it gave each name (token sequence).
    let mut entity_types: FnvMap<String, [u16; 4]> = FnvMap::default();
    // Words that were part of a longer name, and of which type.
    let mut part_of: FnvMap<&str, [u16; 4]> = FnvMap::default();
    for (s, labels_of) in first_pass.iter().enumerate() {
        for chunk in labels::to_chunks(labels_of) {
            let ty = TYPES.iter().position(|t| *t == chunk.label).unwrap_or(0);
            let words = &lower[s][chunk.start..chunk.end];
            entity_types.entry(words.join(" ")).or_default()[ty] += 1;
            for w in words {
                token_types.entry(w.as_str()).or_default()[ty] += 1;
                if words.len() > 1 {
                    part_of.entry(w.as_str()).or_default()[ty] += 1;
                }
            }
        }
    }
    let mut out: Aggregates = sentences
        .iter()
        .map(|s| vec![Vec::new(); s.as_ref().len()])
        .collect();
    for (s, sentence) in sentences.iter().enumerate() {
        let words = sentence.as_ref();
        for (i, w) in words.iter().enumerate() {
            if !is_name_like(w.as_ref()) {
                continue;
            }
            let l = lower[s][i].as_str();
            if let Some(ty) = token_types.get(l).and_then(majority) {
                out[s][i].push(format!("atok={}", TYPES[ty]));
            }
            if let Some(ty) = part_of.get(l).and_then(majority) {
                out[s][i].push(format!("apart={}", TYPES[ty]));
            }
        }
        let mut key = String::new();
        for start in 0..words.len() {
            if !is_name_like(words[start].as_ref()) {
                continue;
            }
            key.clear();
            for end in start + 1..=(start + MAX_NAME_TOKENS).min(words.len()) {
                if end > start + 1 {
                    key.push(' ');
                }
                key.push_str(&lower[s][end - 1]);
                if let Some(ty) = entity_types.get(key.as_str()).and_then(majority) {
                    let name = TYPES[ty];
                    if end - start == 1 {
                        out[s][start].push(format!("aent={name}|U"));
                    } else {
                        out[s][start].push(format!("aent={name}|B"));
                        for slot in &mut out[s][start + 1..end - 1] {
                            slot.push(format!("aent={name}|I"));
                        }
                        out[s][end - 1].push(format!("aent={name}|L"));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{label, Position, OUTSIDE};

    #[test]
    fn a_later_full_name_informs_an_earlier_mention() {
        let sentences = vec![
            vec!["BLACKBURN", "WINS"],
            vec!["Peter", "Blackburn", "said", "."],
        ];
        let per_b = label(0, Position::Begin);
        let per_l = label(0, Position::Last);
        let first_pass = vec![vec![OUTSIDE, OUTSIDE], vec![per_b, per_l, OUTSIDE, OUTSIDE]];
        let agg = aggregates(&sentences, &first_pass);
        assert!(agg[0][0].contains(&"atok=PER".to_string()));
        assert!(agg[0][0].contains(&"apart=PER".to_string()));
        assert!(agg[1][0].contains(&"aent=PER|B".to_string()));
        assert!(agg[1][1].contains(&"aent=PER|L".to_string()));
        assert!(agg[1][2].is_empty());
    }
}
