//! Training: the averaged perceptron (Collins 2002; averaging as Daumé's trick, so an
//! update costs the same as in the plain perceptron), in two stages.
//!
//! Each epoch visits the training documents in a seeded shuffled order and decodes them
//! greedily with the current weights, exactly as tagging will, so the previous-label and
//! document-history features are learnt from the model's own (imperfect) decisions
//! rather than from gold labels it will never see at run time.
//!
//! The second stage learns from the first stage's conclusions about the whole document.
//! Those must be as wrong on training documents as they will be on new ones, so they
//! come from 5-fold jackknifing: each fold is tagged by a first stage trained on the
//! other four. With a dev set, each stage's number of epochs is chosen there; the final
//! model is then trained on train and dev together.

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use rayon::prelude::*;

use crate::aggregate::{self, Aggregates};
use crate::conll::{self, ConllDocument};
use crate::decode::{self, DocumentHistory};
use crate::features::{DocumentContext, FeatureSink, Lexicon, SentenceView};
use crate::labels::{self, LABEL_COUNT};
use crate::model::{self, FeatureMap, NamedRows, Weights};
use crate::score::Counts;

/// Folds of the jackknife that produces the second stage's training features.
const FOLDS: usize = 5;

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Most passes over the data; with a dev set the best number up to this is used.
    pub max_epochs: usize,
    /// Seed of the shuffling: the same seed and data give the same model, byte for byte.
    pub seed: u64,
    /// Features seen fewer times than this in the training data are dropped. Keeping
    /// even the features seen once scored best on dev, one seed each (min count 1: F1
    /// 0.944, 2: 0.942, 3: 0.940), for a model a fifth larger.
    pub min_count: u32,
    /// Train the second, document-level stage.
    pub two_stage: bool,
    /// Perceptrons per stage, each visiting the data in its own seeded order; the stage's
    /// weights are their mean. The model is linear, so the mean scores exactly as the
    /// sum of the members' scores would, at the cost of one model at run time, and it
    /// does not hang on the luck of one order (single models from two seeds scored dev
    /// F1 0.944 and 0.939; four members 0.945).
    pub ensemble: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            max_epochs: 20,
            seed: 20_030_601,
            min_count: 1,
            two_stage: true,
            ensemble: 4,
        }
    }
}

/// What happened during training, for the report.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Per stage, dev F1 after each epoch of the train-only run (empty without dev).
    pub dev_f1: Vec<Vec<f64>>,
    /// Per stage, the epochs the final model was trained for.
    pub epochs: Vec<usize>,
    /// Features in the final model, all stages.
    pub features: usize,
    /// Tokens the final model was trained on.
    pub tokens: usize,
    pub seconds: f64,
}

/// Progress of a training run.
#[derive(Debug, Clone)]
pub enum TrainEvent {
    /// A phase starts ("stage 1 on train", "jackknife fold 2/5", ...), of this many epochs.
    Phase { name: String, epochs: usize },
    /// One epoch of the current phase is done (with the dev F1 when choosing on dev).
    Epoch { epoch: usize, dev_f1: Option<f64> },
}

/// Trains on `train`, choosing the number of epochs on `dev` when given, and writes the
/// model file to `out`.
pub fn train(
    train: &[ConllDocument],
    dev: Option<&[ConllDocument]>,
    lexicon: &Lexicon,
    options: &TrainOptions,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(TrainEvent),
) -> std::io::Result<TrainReport> {
    let started = Instant::now();
    let mut report = TrainReport::default();
    let (e1, e2) = match dev {
        Some(dev) => {
            progress(TrainEvent::Phase {
                name: "stage 1 on train, scored on dev".into(),
                epochs: options.max_epochs,
            });
            let (stage1, f1s) = fit(
                train,
                None,
                Some((dev, None)),
                lexicon,
                options,
                options.max_epochs,
                progress,
            );
            let e1 = best_epochs(&f1s);
            report.dev_f1.push(f1s);
            if options.two_stage {
                let train_extras = jackknife(train, lexicon, options, e1, progress);
                // The first stage at its chosen epochs tags dev for the second stage.
                let (stage1, _) = if e1 == options.max_epochs {
                    (stage1, Vec::new())
                } else {
                    progress(TrainEvent::Phase {
                        name: "stage 1 on train".into(),
                        epochs: e1,
                    });
                    fit(train, None, None, lexicon, options, e1, progress)
                };
                let first = stage1.averaged();
                let dev_extras: Vec<Aggregates> = dev
                    .par_iter()
                    .map(|d| doc_aggregates(&first, lexicon, d))
                    .collect();
                progress(TrainEvent::Phase {
                    name: "stage 2 on train, scored on dev".into(),
                    epochs: options.max_epochs,
                });
                let (_, f2s) = fit(
                    train,
                    Some(&train_extras),
                    Some((dev, Some(&dev_extras))),
                    lexicon,
                    options,
                    options.max_epochs,
                    progress,
                );
                let e2 = best_epochs(&f2s);
                report.dev_f1.push(f2s);
                (e1, Some(e2))
            } else {
                (e1, None)
            }
        }
        None => (
            options.max_epochs,
            options.two_stage.then_some(options.max_epochs),
        ),
    };
    let all: Vec<ConllDocument> = train
        .iter()
        .chain(dev.unwrap_or_default())
        .cloned()
        .collect();
    progress(TrainEvent::Phase {
        name: "final stage 1 (train+dev)".into(),
        epochs: e1,
    });
    let (stage1, _) = fit(&all, None, None, lexicon, options, e1, progress);
    report.epochs.push(e1);
    report.tokens = stage1.tokens;
    let mut stages: Vec<NamedRows> = vec![stage1.named_rows()];
    if let Some(e2) = e2 {
        let extras = jackknife(&all, lexicon, options, e1, progress);
        progress(TrainEvent::Phase {
            name: "final stage 2 (train+dev)".into(),
            epochs: e2,
        });
        let (stage2, _) = fit(&all, Some(&extras), None, lexicon, options, e2, progress);
        report.epochs.push(e2);
        stages.push(stage2.named_rows());
    }
    let epochs: Vec<String> = report.epochs.iter().map(|e| e.to_string()).collect();
    let header = vec![
        (
            "lexicon".to_string(),
            format!("{:016x}", lexicon.fingerprint()),
        ),
        (
            "trained".to_string(),
            format!(
                "{} tokens, {} stage(s), epochs {}, seed {}, min count {}, ensemble {}",
                report.tokens,
                stages.len(),
                epochs.join("+"),
                options.seed,
                options.min_count,
                options.ensemble.max(1)
            ),
        ),
    ];
    report.features = stages.iter().map(Vec::len).sum();
    model::write_model(out, &header, &stages)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn best_epochs(f1s: &[f64]) -> usize {
    f1s.iter()
        .enumerate()
        .fold((0, f64::MIN), |b, (i, &f)| if f > b.1 { (i, f) } else { b })
        .0
        + 1
}

/// Trains one stage for `epochs`, scoring on `dev` after each epoch when given.
fn fit(
    docs: &[ConllDocument],
    extras: Option<&[Aggregates]>,
    dev: Option<(&[ConllDocument], Option<&[Aggregates]>)>,
    lexicon: &Lexicon,
    options: &TrainOptions,
    epochs: usize,
    progress: &mut dyn FnMut(TrainEvent),
) -> (Ensemble, Vec<f64>) {
    let mut ensemble = Ensemble::prepare(docs, extras, lexicon, options);
    let mut f1s = Vec::new();
    for epoch in 1..=epochs {
        ensemble.epoch(docs, lexicon);
        let dev_f1 =
            dev.map(|(dev, dev_extras)| f1_on(&ensemble.averaged(), lexicon, dev, dev_extras));
        if let Some(f) = dev_f1 {
            f1s.push(f);
        }
        progress(TrainEvent::Epoch { epoch, dev_f1 });
    }
    (ensemble, f1s)
}

/// Perceptrons trained side by side on the same data, each in its own order.
struct Ensemble {
    members: Vec<(Trainer, u64)>,
    tokens: usize,
}

impl Ensemble {
    fn prepare(
        docs: &[ConllDocument],
        extras: Option<&[Aggregates]>,
        lexicon: &Lexicon,
        options: &TrainOptions,
    ) -> Ensemble {
        let first = Trainer::prepare(docs, extras, lexicon, options.min_count);
        let tokens = first.tokens;
        // The first member keeps the plain seed, so an ensemble of one is the single
        // perceptron it always was; the others draw theirs from it.
        let mut seeds = options.seed;
        let mut members: Vec<(Trainer, u64)> = (1..options.ensemble.max(1))
            .map(|_| (first.clone(), splitmix(&mut seeds)))
            .collect();
        members.insert(0, (first, options.seed));
        Ensemble { members, tokens }
    }

    fn epoch(&mut self, docs: &[ConllDocument], lexicon: &Lexicon) {
        self.members
            .par_iter_mut()
            .for_each(|(trainer, rng)| trainer.epoch(docs, lexicon, rng, crate::BEAM_WIDTH));
    }

    /// The members' averaged weights, averaged again. Rows come in the first member's
    /// order, then each later member's new rows in its order, so the file is the same
    /// on every run.
    fn merged(&self) -> (FeatureMap, Vec<String>, Vec<f32>) {
        if let [(only, _)] = self.members.as_slice() {
            return (
                only.rows.clone(),
                only.names.clone(),
                only.averaged_values(),
            );
        }
        let mut rows = FeatureMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut values: Vec<f32> = Vec::new();
        let share = 1.0 / self.members.len() as f64;
        for (trainer, _) in &self.members {
            let averaged = trainer.averaged_values();
            for (r, &hash) in trainer.hashes.iter().enumerate() {
                let at = *rows.entry(hash).or_insert_with(|| {
                    names.push(trainer.names[r].clone());
                    values.extend([0.0; LABEL_COUNT]);
                    (names.len() - 1) as u32
                }) as usize;
                for l in 0..LABEL_COUNT {
                    let v = &mut values[at * LABEL_COUNT + l];
                    *v = (*v as f64 + averaged[r * LABEL_COUNT + l] as f64 * share) as f32;
                }
            }
        }
        (rows, names, values)
    }

    /// The weights as the model file will hold them and a tagger use them.
    fn averaged(&self) -> Weights {
        let (rows, _, values) = self.merged();
        Weights::quantized(&rows, &values)
    }

    fn named_rows(&self) -> NamedRows {
        let (_, names, values) = self.merged();
        names
            .into_iter()
            .enumerate()
            .map(|(r, name)| {
                let mut row = [0f32; LABEL_COUNT];
                row.copy_from_slice(&values[r * LABEL_COUNT..(r + 1) * LABEL_COUNT]);
                (name, row)
            })
            .collect()
    }
}

/// First-stage conclusions for every document, each from a first stage that never saw it.
fn jackknife(
    docs: &[ConllDocument],
    lexicon: &Lexicon,
    options: &TrainOptions,
    epochs: usize,
    progress: &mut dyn FnMut(TrainEvent),
) -> Vec<Aggregates> {
    let mut out: Vec<Option<Aggregates>> = vec![None; docs.len()];
    for fold in 0..FOLDS {
        let held: Vec<usize> = (0..docs.len()).filter(|i| i % FOLDS == fold).collect();
        let rest: Vec<ConllDocument> = (0..docs.len())
            .filter(|i| i % FOLDS != fold)
            .map(|i| docs[i].clone())
            .collect();
        progress(TrainEvent::Phase {
            name: format!("jackknife fold {}/{FOLDS}", fold + 1),
            epochs,
        });
        let (trainer, _) = fit(&rest, None, None, lexicon, options, epochs, progress);
        let weights = trainer.averaged();
        let tagged: Vec<(usize, Aggregates)> = held
            .par_iter()
            .map(|&i| (i, doc_aggregates(&weights, lexicon, &docs[i])))
            .collect();
        for (i, a) in tagged {
            out[i] = Some(a);
        }
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
}

fn doc_aggregates(first: &Weights, lexicon: &Lexicon, doc: &ConllDocument) -> Aggregates {
    let sentences: Vec<&Vec<String>> = doc.sentences.iter().map(|s| &s.tokens).collect();
    let labels = decode::tag_with(first, lexicon, &sentences, None, crate::BEAM_WIDTH);
    aggregate::aggregates(&sentences, &labels)
}

/// Entity F1 of one stage's weights on CoNLL documents (all types).
fn f1_on(
    weights: &Weights,
    lexicon: &Lexicon,
    docs: &[ConllDocument],
    extras: Option<&[Aggregates]>,
) -> f64 {
    let counts = docs
        .par_iter()
        .enumerate()
        .map(|(d, doc)| {
            let sentences: Vec<&Vec<String>> = doc.sentences.iter().map(|s| &s.tokens).collect();
            let labels = decode::tag_with(
                weights,
                lexicon,
                &sentences,
                extras.map(|e| &e[d]),
                crate::BEAM_WIDTH,
            );
            let mut counts = Counts::default();
            for (s, l) in doc.sentences.iter().zip(&labels) {
                counts.add(&conll::chunks(&s.tags), &labels::to_chunks(l), None);
            }
            counts
        })
        .reduce(Counts::default, |mut a, b| {
            for (k, v) in b.by_type {
                let e = a.by_type.entry(k).or_default();
                e.gold += v.gold;
                e.predicted += v.predicted;
                e.correct += v.correct;
            }
            a
        });
    counts.overall().f1()
}

#[derive(Clone)]
struct Trainer {
    rows: FeatureMap,
    names: Vec<String>,
    /// The feature hash of each row.
    hashes: Vec<u64>,
    weights: Vec<f32>,
    /// Sum of (update time × update) per weight, for averaging.
    stamped: Vec<f64>,
    time: u64,
    /// Static feature rows of every token, per document.
    token_rows: Vec<Vec<Vec<u32>>>,
    tokens: usize,
}

/// The static features of every token of a document, with the second stage's extras.
fn for_each_token_features(
    doc: &ConllDocument,
    extras: Option<&Aggregates>,
    lexicon: &Lexicon,
    sink: &mut FeatureSink,
    mut each: impl FnMut(&FeatureSink),
) {
    let context = doc_context(doc);
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
        let view = SentenceView::new(&words, lexicon, &context);
        for i in 0..view.len() {
            sink.clear();
            view.static_features(i, lexicon, sink);
            if let Some(x) = extras {
                for f in &x[s][i] {
                    sink.whole(f);
                }
            }
            each(sink);
        }
    }
}

impl Trainer {
    fn prepare(
        docs: &[ConllDocument],
        extras: Option<&[Aggregates]>,
        lexicon: &Lexicon,
        min_count: u32,
    ) -> Trainer {
        // Pass 1: count every static feature (in parallel, per document).
        let counts: HashMap<u64, u32> = docs
            .par_iter()
            .enumerate()
            .map(|(d, doc)| {
                let mut counts: HashMap<u64, u32> = HashMap::new();
                let mut sink = FeatureSink::new();
                for_each_token_features(doc, extras.map(|e| &e[d]), lexicon, &mut sink, |sink| {
                    for &h in &sink.hashes {
                        *counts.entry(h).or_default() += 1;
                    }
                });
                counts
            })
            .reduce(HashMap::new, |mut a, b| {
                for (k, v) in b {
                    *a.entry(k).or_default() += v;
                }
                a
            });
        // Pass 2: give kept features rows, in document order so row numbers (and the
        // model file) do not depend on hash-map iteration order.
        let mut trainer = Trainer {
            rows: FeatureMap::default(),
            names: Vec::new(),
            hashes: Vec::new(),
            weights: Vec::new(),
            stamped: Vec::new(),
            time: 1,
            token_rows: Vec::new(),
            tokens: 0,
        };
        let mut sink = FeatureSink::with_names();
        for (d, doc) in docs.iter().enumerate() {
            let mut doc_rows = Vec::new();
            for_each_token_features(doc, extras.map(|e| &e[d]), lexicon, &mut sink, |sink| {
                let names = sink.names().unwrap_or_default();
                let mut rows = Vec::with_capacity(sink.hashes.len());
                for (k, &h) in sink.hashes.iter().enumerate() {
                    if counts.get(&h).copied().unwrap_or(0) >= min_count {
                        rows.push(trainer.row(h, &names[k]));
                    }
                }
                doc_rows.push(rows);
                trainer.tokens += 1;
            });
            trainer.token_rows.push(doc_rows);
        }
        trainer
    }

    fn row(&mut self, hash: u64, name: &str) -> u32 {
        if let Some(&r) = self.rows.get(&hash) {
            return r;
        }
        let r = self.names.len() as u32;
        self.rows.insert(hash, r);
        self.names.push(name.to_string());
        self.hashes.push(hash);
        self.weights.extend([0.0; LABEL_COUNT]);
        self.stamped.extend([0.0; LABEL_COUNT]);
        r
    }

    fn nudge(&mut self, row: u32, label: u8, delta: f32) {
        let at = row as usize * LABEL_COUNT + label as usize;
        self.weights[at] += delta;
        self.stamped[at] += self.time as f64 * delta as f64;
    }

    fn epoch(&mut self, docs: &[ConllDocument], lexicon: &Lexicon, rng: &mut u64, width: usize) {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        for i in (1..order.len()).rev() {
            let j = (splitmix(rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut sink = FeatureSink::with_names();
        for &d in &order {
            let doc = &docs[d];
            let mut history = DocumentHistory::default();
            let mut token = 0;
            let context = doc_context(doc);
            for s in &doc.sentences {
                let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                let view = SentenceView::new(&words, lexicon, &context);
                let gold = labels::from_chunks(words.len(), &conll::chunks(&s.tags));
                let statics: Vec<[f32; LABEL_COUNT]> = (0..view.len())
                    .map(|i| {
                        let mut sc = [0f32; LABEL_COUNT];
                        for &r in &self.token_rows[d][token + i] {
                            let base = r as usize * LABEL_COUNT;
                            for (a, w) in sc.iter_mut().zip(&self.weights[base..base + LABEL_COUNT])
                            {
                                *a += *w;
                            }
                        }
                        sc
                    })
                    .collect();
                // The sentence is decoded first and the mistakes learnt from afterwards:
                // the weights cannot be read for scoring and updated in one decode call.
                let predicted = {
                    let rows = &self.rows;
                    let weights = &self.weights;
                    decode::search_with_early_stop(
                        &view,
                        &statics,
                        &history,
                        &mut sink,
                        width,
                        &gold,
                        |hs, sc| {
                            for h in hs {
                                if let Some(&r) = rows.get(h) {
                                    let base = r as usize * LABEL_COUNT;
                                    for (a, w) in
                                        sc.iter_mut().zip(&weights[base..base + LABEL_COUNT])
                                    {
                                        *a += *w;
                                    }
                                }
                            }
                        },
                    )
                };
                // Early update (Collins and Roark 2004): learn from the prefix up to where
                // the correct sequence fell out of the beam, towards gold and away from the
                // best sequence kept.
                self.time += words.len() as u64;
                for j in 0..predicted.len() {
                    let same_history = (j < 1 || predicted[j - 1] == gold[j - 1])
                        && (j < 2 || predicted[j - 2] == gold[j - 2]);
                    if predicted[j] == gold[j] && same_history {
                        continue;
                    }
                    let seen = history.get(view.lower(j));
                    for (sequence, delta) in [(&gold, 1.0f32), (&predicted, -1.0)] {
                        sink.clear();
                        crate::features::history_features(
                            &view,
                            j,
                            &sequence[..j],
                            seen,
                            &mut sink,
                        );
                        let names: Vec<(u64, String)> = sink
                            .hashes
                            .iter()
                            .zip(sink.names().unwrap_or_default())
                            .map(|(&h, n)| (h, n.clone()))
                            .collect();
                        for (h, n) in names {
                            let r = self.row(h, &n);
                            self.nudge(r, sequence[j], delta);
                        }
                    }
                    if predicted[j] != gold[j] {
                        let statics = std::mem::take(&mut self.token_rows[d][token + j]);
                        for &r in &statics {
                            self.nudge(r, gold[j], 1.0);
                            self.nudge(r, predicted[j], -1.0);
                        }
                        self.token_rows[d][token + j] = statics;
                    }
                }
                decode::remember(&view, &predicted, &mut history);
                token += words.len();
            }
        }
    }

    /// The averaged weights, one row of `LABEL_COUNT` per feature row.
    fn averaged_values(&self) -> Vec<f32> {
        let t = self.time as f64;
        self.weights
            .iter()
            .zip(&self.stamped)
            .map(|(&w, &s)| (w as f64 - s / t) as f32)
            .collect()
    }
}

fn doc_context(doc: &ConllDocument) -> DocumentContext {
    let sentences: Vec<&Vec<String>> = doc.sentences.iter().map(|s| &s.tokens).collect();
    DocumentContext::new(&sentences)
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;

    fn docs() -> Vec<ConllDocument> {
        let text = "\
-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nvisited O\nBrussels B-LOC\n.\tO\n\nThe O\nEuropean B-ORG\nCommission I-ORG\nmet O\nhim O\n. O\n\n\
-DOCSTART- O\n\nAnna B-PER\nSmith I-PER\nleft O\nParis B-LOC\n. O\n\nGerman B-MISC\nofficials O\nsaid O\nso O\n. O\n\n\
-DOCSTART- O\n\nJohn B-PER\nBaker I-PER\njoined O\nReuters B-ORG\nin O\nLondon B-LOC\n. O\n\n\
-DOCSTART- O\n\nMaria B-PER\nLopez I-PER\nflew O\nto O\nMadrid B-LOC\n. O\n\n\
-DOCSTART- O\n\nThe O\nUnited B-ORG\nNations I-ORG\nmet O\nin O\nGeneva B-LOC\n. O\n";
        conll::parse(text).unwrap()
    }

    fn train_bytes(seed: u64) -> Vec<u8> {
        train_ensemble(seed, 1)
    }

    fn train_ensemble(seed: u64, ensemble: usize) -> Vec<u8> {
        let options = TrainOptions {
            max_epochs: 4,
            seed,
            min_count: 1,
            two_stage: true,
            ensemble,
        };
        let mut out = Vec::new();
        let docs = docs();
        train(
            &docs,
            Some(&docs[..2]),
            &Lexicon::default(),
            &options,
            &mut out,
            &mut |_| {},
        )
        .unwrap();
        out
    }

    #[test]
    fn the_same_seed_gives_the_same_model_byte_for_byte() {
        assert_eq!(train_bytes(7), train_bytes(7));
    }

    #[test]
    fn an_ensemble_is_reproducible_and_tags_like_its_members() {
        let three = train_ensemble(7, 3);
        assert_eq!(three, train_ensemble(7, 3));
        assert_ne!(
            three,
            train_bytes(7),
            "members in other orders change the weights"
        );
        let tagger = Tagger::from_model_file(&three, Lexicon::default()).unwrap();
        let chunks = tagger.chunks(&[vec!["Anna", "Smith", "left", "Paris", "."]]);
        let found: Vec<(usize, usize, &str)> = chunks[0]
            .iter()
            .map(|c| (c.start, c.end, c.label.as_str()))
            .collect();
        assert_eq!(found, vec![(0, 2, "PER"), (3, 4, "LOC")]);
    }

    #[test]
    fn a_trained_model_reads_back_and_tags_what_it_learnt() {
        let bytes = train_bytes(7);
        let tagger = Tagger::from_model_file(&bytes, Lexicon::default()).unwrap();
        assert_eq!(tagger.stages().len(), 2);
        let chunks = tagger.chunks(&[vec!["Peter", "Blackburn", "visited", "Brussels", "."]]);
        let found: Vec<(usize, usize, &str)> = chunks[0]
            .iter()
            .map(|c| (c.start, c.end, c.label.as_str()))
            .collect();
        assert_eq!(found, vec![(0, 2, "PER"), (3, 4, "LOC")]);
        // Looking both stages' static rows up at once changes nothing but speed.
        let text: Vec<Vec<&str>> = vec![
            vec!["Anna", "Smith", "met", "John", "Baker", "in", "Geneva", "."],
            vec!["The", "European", "Commission", "left", "Madrid", "."],
            vec!["Smith", "joined", "Reuters", "."],
        ];
        let stages = tagger.stages();
        let joint = crate::decode::join_rows(&stages[0], &stages[1]);
        let separate = crate::decode::tag_stages(
            &stages[0],
            Some(&stages[1]),
            None,
            tagger.lexicon(),
            &text,
            4,
        );
        let together = crate::decode::tag_stages(
            &stages[0],
            Some(&stages[1]),
            Some(&joint),
            tagger.lexicon(),
            &text,
            4,
        );
        assert_eq!(separate, together);
        assert!(separate
            .iter()
            .flatten()
            .any(|&l| l != crate::labels::OUTSIDE));
        // Another lexicon means other features: refused, not silently wrong.
        let other = Lexicon::new("Peter\t0101\n", &[]);
        assert!(matches!(
            Tagger::from_model_file(&bytes, other),
            Err(crate::NerError::LexiconMismatch { .. })
        ));
    }
}
