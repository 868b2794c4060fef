//! A sentence classifier that says which PLOVER category a sentence is mostly about, so
//! that when the verb dictionary codes several events in one sentence, the one the
//! sentence reports is marked its main event.
//!
//! The dictionary codes every verb it knows; a sentence such as "Assad called on the
//! powers to establish safe zones and accused the coalition of war crimes" gets a
//! request and an accusation, and which one the sentence is *about* is a question of its
//! words as a whole. The classifier is a multinomial logistic regression over the
//! sentence's lower-case words and word pairs, trained by `triangulate train events`
//! on labelled sentences (NGEC's synthetic news leads, `data/events-synthetic/`). It
//! only ranks categories the dictionary found; it never codes an event by itself,
//! because it has no "no event" class and most sentences of an article report none.
//!
//! The model is a TSV file of weights (`models/events/classifier.tsv`), small enough to
//! read and diff: one line per feature and category with a weight worth keeping.

use std::collections::HashMap;
use std::sync::OnceLock;

use tri_model::{EventType, FnvMap};

pub(crate) const MODEL_TSV: &str = include_str!("../../../models/events/classifier.tsv");

/// How much more the lexicon's own choice of main event (its first verb) counts than
/// another category the sentence codes, as a factor on the classifier's probability.
/// Chosen on the synthetic dev split (`data/events-synthetic/dev.json`): main-event
/// accuracy 0.282 at 1, 0.288 at 1.5 to 3, 0.278 at 5, 0.253 with the lexicon alone.
pub(crate) const LEXICON_PRIOR: f32 = 3.0;

/// Weights of a trained classifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Classifier {
    /// Bias per category, in [`EventType::ALL`] order.
    bias: [f32; 16],
    /// Feature → (category index, weight) for the weights kept.
    weights: FnvMap<String, Vec<(u8, f32)>>,
    /// The same weights by the feature's hash ([`feature_hash`]), which is what the
    /// stage looks up: no string is built per word of a sentence.
    by_hash: FnvMap<u64, Vec<(u8, f32)>>,
}

/// The shipped classifier.
pub(crate) fn classifier() -> &'static Classifier {
    static MODEL: OnceLock<Classifier> = OnceLock::new();
    MODEL.get_or_init(|| Classifier::read(MODEL_TSV).expect("the shipped classifier parses"))
}

/// 64-bit FNV-1a, fed in pieces.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf2_9ce4_8422_2325);

    fn feed(mut self, bytes: &[u8]) -> Fnv {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        self
    }
}

/// The hash a feature string is looked up by.
fn feature_hash(feature: &str) -> u64 {
    Fnv::START.feed(feature.as_bytes()).0
}

/// The hashes of [`features`] of the same words, without building the strings: what
/// [`Classifier::probabilities_hashed`] takes.
pub(crate) fn feature_hashes<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut out = Vec::with_capacity(64);
    let mut previous = String::new();
    let mut current = String::new();
    let mut have_previous = false;
    for w in words {
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        current.clear();
        for c in w.chars() {
            if c == '\u{2019}' {
                current.push('\'');
            } else {
                current.extend(c.to_lowercase());
            }
        }
        out.push(feature_hash(&current));
        if have_previous {
            out.push(
                Fnv::START
                    .feed(previous.as_bytes())
                    .feed(b" ")
                    .feed(current.as_bytes())
                    .0,
            );
        }
        std::mem::swap(&mut previous, &mut current);
        have_previous = true;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The features of a sentence given its word tokens: lower-case words of two letters
/// or more, and each pair of neighbouring such words.
pub(crate) fn features<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let words: Vec<String> = words
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(|w| w.replace('\u{2019}', "'").to_lowercase())
        .collect();
    let mut out: Vec<String> = words.clone();
    out.extend(words.windows(2).map(|p| format!("{} {}", p[0], p[1])));
    out.sort_unstable();
    out.dedup();
    out
}

fn index(kind: EventType) -> usize {
    EventType::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("every category is in ALL")
}

impl Classifier {
    /// Reads the TSV layout [`Classifier::write`] writes; `#` lines are comments.
    pub fn read(tsv: &str) -> Result<Classifier, String> {
        let mut bias = [0.0; 16];
        let mut weights: FnvMap<String, Vec<(u8, f32)>> = FnvMap::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(feature), Some(kind), Some(w), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(format!("line {}: expected three columns", n + 1));
            };
            let kind = EventType::parse(kind)
                .ok_or_else(|| format!("line {}: unknown category {kind:?}", n + 1))?;
            let w: f32 = w
                .parse()
                .map_err(|_| format!("line {}: bad weight {w:?}", n + 1))?;
            if feature == "<bias>" {
                bias[index(kind)] = w;
            } else {
                weights
                    .entry(feature.to_string())
                    .or_default()
                    .push((index(kind) as u8, w));
            }
        }
        Ok(Classifier::new(bias, weights))
    }

    fn new(bias: [f32; 16], weights: FnvMap<String, Vec<(u8, f32)>>) -> Classifier {
        let by_hash = weights
            .iter()
            .map(|(f, ws)| (feature_hash(f), ws.clone()))
            .collect();
        Classifier {
            bias,
            weights,
            by_hash,
        }
    }

    /// The model as TSV: a header, the biases, then the features in order.
    pub fn write(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        for (k, b) in EventType::ALL.iter().zip(self.bias) {
            out.push_str(&format!("<bias>\t{k}\t{b:.3}\n"));
        }
        let mut features: Vec<&String> = self.weights.keys().collect();
        features.sort();
        for f in features {
            for &(k, w) in &self.weights[f] {
                out.push_str(&format!("{f}\t{}\t{w:.3}\n", EventType::ALL[k as usize]));
            }
        }
        out
    }

    /// The probability of each category, in [`EventType::ALL`] order.
    pub fn probabilities(&self, features: &[String]) -> [f32; 16] {
        let hashes: Vec<u64> = features.iter().map(|f| feature_hash(f)).collect();
        self.probabilities_hashed(&hashes)
    }

    /// [`Classifier::probabilities`] of distinct feature hashes.
    pub(crate) fn probabilities_hashed(&self, features: &[u64]) -> [f32; 16] {
        let mut z = self.bias;
        let norm = 1.0 / (features.len().max(1) as f32).sqrt();
        for f in features {
            if let Some(ws) = self.by_hash.get(f) {
                for &(k, w) in ws {
                    z[k as usize] += w * norm;
                }
            }
        }
        softmax(&mut z);
        z
    }

    /// The probability of one category.
    pub fn probability(probabilities: &[f32; 16], kind: EventType) -> f32 {
        probabilities[index(kind)]
    }
}

fn softmax(z: &mut [f32; 16]) {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// L2 penalty per example.
    pub l2: f32,
    /// AdaGrad's base learning rate.
    pub rate: f32,
    /// Features seen in fewer sentences are left out.
    pub min_count: usize,
    /// Weights below this (every negative one too) are not kept in the model.
    pub keep: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 30,
            l2: 1e-3,
            rate: 0.5,
            min_count: 3,
            keep: 1.0,
        }
    }
}

/// Trains the classifier on sentences and their categories. Deterministic: the
/// examples are visited in a fixed shuffled order.
pub fn train(examples: &[(String, EventType)], options: TrainOptions) -> Classifier {
    let featurized: Vec<(Vec<String>, usize)> = examples
        .iter()
        .map(|(text, kind)| (sentence_features(text), index(*kind)))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (fs, _) in &featurized {
        for f in fs {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut vocabulary: Vec<&str> = counts
        .iter()
        .filter(|(_, &n)| n >= options.min_count)
        .map(|(f, _)| *f)
        .collect();
    vocabulary.sort_unstable();
    let id: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i))
        .collect();
    let data: Vec<(Vec<usize>, usize)> = featurized
        .iter()
        .map(|(fs, k)| {
            (
                fs.iter()
                    .filter_map(|f| id.get(f.as_str()).copied())
                    .collect(),
                *k,
            )
        })
        .collect();
    let n = vocabulary.len();
    let mut w = vec![[0f32; 16]; n];
    let mut g2 = vec![[1e-6f32; 16]; n];
    let mut bias = [0f32; 16];
    let mut bias_g2 = [1e-6f32; 16];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..options.epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let (fs, gold) = &data[e];
            let norm = 1.0 / (fs.len().max(1) as f32).sqrt();
            let mut z = bias;
            for &f in fs {
                for k in 0..16 {
                    z[k] += w[f][k] * norm;
                }
            }
            softmax(&mut z);
            for k in 0..16 {
                let grad = z[k] - f32::from(u8::from(k == *gold));
                bias_g2[k] += grad * grad;
                bias[k] -= options.rate * grad / bias_g2[k].sqrt();
                for &f in fs {
                    let g = grad * norm + options.l2 * w[f][k];
                    g2[f][k] += g * g;
                    w[f][k] -= options.rate * g / g2[f][k].sqrt();
                }
            }
        }
    }
    let mut weights: FnvMap<String, Vec<(u8, f32)>> = FnvMap::default();
    for (f, ws) in vocabulary.iter().zip(&w) {
        let kept: Vec<(u8, f32)> = ws
            .iter()
            .enumerate()
            .filter(|(_, v)| **v >= options.keep)
            .map(|(k, v)| (k as u8, (v * 1000.0).round() / 1000.0))
            .collect();
        if !kept.is_empty() {
            weights.insert((*f).to_string(), kept);
        }
    }
    let bias = bias.map(|b| (b * 1000.0).round() / 1000.0);
    Classifier::new(bias, weights)
}

/// The features of a sentence given as text, tokenised as the stage tokenises.
pub fn sentence_features(text: &str) -> Vec<String> {
    let segmented = tri_text::segment(text);
    features(
        segmented
            .tokens
            .iter()
            .filter(|t| t.kind == tri_text::TokenKind::Word)
            .map(|t| t.span.of(text)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_lower_case_words_and_pairs() {
        let f = sentence_features("Police ARRESTED 20 protesters in Minsk.");
        assert!(f.contains(&"police arrested".to_string()), "{f:?}");
        assert!(f.contains(&"minsk".to_string()));
        assert!(
            !f.iter().any(|x| x.contains("20")),
            "numbers are no words: {f:?}"
        );
    }

    #[test]
    fn hashes_are_those_of_the_feature_strings() {
        let words = [
            "Police",
            "ARRESTED",
            "20",
            "protesters",
            "in",
            "Kyiv\u{2019}s",
            "centre",
        ];
        let mut expected: Vec<u64> = features(words.iter().copied())
            .iter()
            .map(|f| feature_hash(f))
            .collect();
        expected.sort_unstable();
        assert_eq!(feature_hashes(words.iter().copied()), expected);
    }

    #[test]
    fn a_trained_model_learns_its_sentences_and_survives_its_own_file() {
        let examples: Vec<(String, EventType)> = [
            ("Troops shelled the town overnight.", EventType::Assault),
            ("Artillery shelled the village again.", EventType::Assault),
            ("The ministers held talks in Geneva.", EventType::Consult),
            ("Officials held talks on the border.", EventType::Consult),
        ]
        .iter()
        .map(|(t, k)| (t.to_string(), *k))
        .collect();
        let model = train(
            &examples,
            TrainOptions {
                min_count: 1,
                keep: 0.0,
                ..TrainOptions::default()
            },
        );
        let p = model.probabilities(&sentence_features("Rebels shelled the airport."));
        assert!(
            Classifier::probability(&p, EventType::Assault)
                > Classifier::probability(&p, EventType::Consult)
        );
        let again = Classifier::read(&model.write("test model")).unwrap();
        assert_eq!(
            again.probabilities(&sentence_features("They held talks.")),
            model.probabilities(&sentence_features("They held talks."))
        );
    }

    #[test]
    fn the_shipped_model_reads_the_obvious() {
        let m = classifier();
        let p = m.probabilities(&sentence_features(
            "Thousands of protesters marched through the capital demanding the president resign.",
        ));
        let best = EventType::ALL
            .iter()
            .max_by(|a, b| {
                Classifier::probability(&p, **a).total_cmp(&Classifier::probability(&p, **b))
            })
            .unwrap();
        assert_eq!(*best, EventType::Protest, "{p:?}");
    }

    #[test]
    fn a_malformed_model_is_an_error_naming_the_line() {
        let err = Classifier::read("<bias>\tASSAULT\t0.1\nwar\tNOPE\t1.0\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }
}
