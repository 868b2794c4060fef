//! Entity-level scoring with conlleval's definition: a predicted entity counts only when
//! its span and its type both match a gold entity exactly.

use std::collections::BTreeMap;

use crate::conll::Chunk;

/// Gold, predicted and correct entity counts, per type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub by_type: BTreeMap<String, TypeCounts>,
}

/// Counts for one type (or for all types together).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeCounts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl TypeCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Counts {
    /// Adds one sentence's gold and predicted chunks. With `types`, only those types
    /// count (the others are treated as `O` on both sides).
    pub fn add(&mut self, gold: &[Chunk], predicted: &[Chunk], types: Option<&[String]>) {
        let keep = |c: &&Chunk| match types {
            Some(t) => t.contains(&c.label),
            None => true,
        };
        for c in gold.iter().filter(keep) {
            self.by_type.entry(c.label.clone()).or_default().gold += 1;
        }
        for c in predicted.iter().filter(keep) {
            let entry = self.by_type.entry(c.label.clone()).or_default();
            entry.predicted += 1;
            if gold.contains(c) {
                entry.correct += 1;
            }
        }
    }

    /// All types together (micro-averaged, as conlleval reports "overall").
    pub fn overall(&self) -> TypeCounts {
        let mut t = TypeCounts::default();
        for c in self.by_type.values() {
            t.gold += c.gold;
            t.predicted += c.predicted;
            t.correct += c.correct;
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::chunks;

    #[test]
    fn exact_span_and_type_count() {
        let gold = chunks(&["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]);
        // Right PER, LOC with the wrong span, ORG with the wrong type.
        let pred = chunks(&["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-MISC"]);
        let mut counts = Counts::default();
        counts.add(&gold, &pred, None);
        let all = counts.overall();
        assert_eq!((all.gold, all.predicted, all.correct), (3, 3, 1));
        assert!((all.f1() - 1.0 / 3.0).abs() < 1e-9);
        let mut three = Counts::default();
        three.add(
            &gold,
            &pred,
            Some(&["PER".into(), "ORG".into(), "LOC".into()]),
        );
        let all = three.overall();
        assert_eq!((all.gold, all.predicted, all.correct), (3, 2, 1));
    }
}
