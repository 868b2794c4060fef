//! Greedy left-to-right decoding over well-formed BILOU sequences, shared by training
//! (which scores with the weights being learnt) and tagging.

use std::collections::HashMap;

use crate::aggregate::Aggregates;
use crate::features::{history_features, DocumentContext, FeatureSink, Lexicon, SentenceView};
use crate::labels::{self, LABEL_COUNT, OUTSIDE};
use crate::model::Weights;

/// Labels each type has been given for a word earlier in the document, by lowercased
/// word. Names are repeated in a story ("Blackburn" after "Peter Blackburn") and the
/// earlier, fuller context is usually the clearer one.
pub type DocumentHistory = HashMap<String, [u16; 4]>;

/// Picks the best label allowed after `previous`, considering that the sentence may end.
pub(crate) fn best_label(scores: &[f32; LABEL_COUNT], previous: Option<u8>, last: bool) -> u8 {
    let mut best = OUTSIDE;
    let mut best_score = f32::NEG_INFINITY;
    for l in 0..LABEL_COUNT as u8 {
        if !labels::allowed(previous, l) || (last && !labels::may_end(l)) {
            continue;
        }
        if scores[l as usize] > best_score {
            best_score = scores[l as usize];
            best = l;
        }
    }
    best
}

/// Records the labels of a decoded sentence in the document history.
pub(crate) fn remember(view: &SentenceView, labels_out: &[u8], history: &mut DocumentHistory) {
    for (i, &l) in labels_out.iter().enumerate() {
        if let Some((ty, _)) = labels::parts(l) {
            if view.capitalised(i)
                || view
                    .lower(i)
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_alphabetic())
            {
                let counts = history.entry(view.lower(i).to_string()).or_default();
                counts[ty] = counts[ty].saturating_add(1);
            }
        }
    }
}

/// Decodes one sentence given the static scores of each token and a scorer for the
/// features that depend on earlier labels (`score(hashes, scores)` adds their weights).
/// A beam of `width` label sequences is kept: one greedy choice that starts an entity
/// cannot then be undone when the next words show it was wrong.
pub(crate) fn decode_sentence<S>(
    view: &SentenceView,
    static_scores: &[[f32; LABEL_COUNT]],
    history: &DocumentHistory,
    sink: &mut FeatureSink,
    width: usize,
    score: S,
) -> Vec<u8>
where
    S: FnMut(&[u64], &mut [f32; LABEL_COUNT]),
{
    beam_search(view, static_scores, history, sink, width, None, score)
}

/// The training search: like [`decode_sentence`], but stops as soon as the gold sequence
/// is no longer in the beam and returns the best sequence up to there.
pub(crate) fn search_with_early_stop<S>(
    view: &SentenceView,
    static_scores: &[[f32; LABEL_COUNT]],
    history: &DocumentHistory,
    sink: &mut FeatureSink,
    width: usize,
    gold: &[u8],
    score: S,
) -> Vec<u8>
where
    S: FnMut(&[u64], &mut [f32; LABEL_COUNT]),
{
    beam_search(view, static_scores, history, sink, width, Some(gold), score)
}

fn beam_search<S>(
    view: &SentenceView,
    static_scores: &[[f32; LABEL_COUNT]],
    history: &DocumentHistory,
    sink: &mut FeatureSink,
    width: usize,
    gold: Option<&[u8]>,
    mut score: S,
) -> Vec<u8>
where
    S: FnMut(&[u64], &mut [f32; LABEL_COUNT]),
{
    let n = view.len().min(static_scores.len());
    let width = width.max(1);
    let mut beam: Vec<(f32, Vec<u8>)> = vec![(0.0, Vec::with_capacity(n))];
    let mut candidates: Vec<(f32, usize, u8)> = Vec::with_capacity(width * LABEL_COUNT);
    // Hypotheses that end in the same two labels have the same history features, so
    // their scores are computed once per token.
    let mut memo: Vec<([u8; 2], [f32; LABEL_COUNT])> = Vec::with_capacity(width);
    for (i, statics) in static_scores.iter().enumerate().take(n) {
        candidates.clear();
        memo.clear();
        for (h, (total, labels)) in beam.iter().enumerate() {
            let tail = [
                i.checked_sub(2).map_or(u8::MAX, |j| labels[j]),
                i.checked_sub(1).map_or(u8::MAX, |j| labels[j]),
            ];
            let scores = match memo.iter().find(|(t, _)| *t == tail) {
                Some((_, scores)) => *scores,
                None => {
                    sink.clear();
                    history_features(view, i, labels, history.get(view.lower(i)), sink);
                    let mut scores = *statics;
                    score(&sink.hashes, &mut scores);
                    memo.push((tail, scores));
                    scores
                }
            };
            let previous = labels.last().copied();
            if width == 1 {
                let l = best_label(&scores, previous, i + 1 == n);
                candidates.push((total + scores[l as usize], h, l));
                continue;
            }
            for l in 0..LABEL_COUNT as u8 {
                if labels::allowed(previous, l) && (i + 1 < n || labels::may_end(l)) {
                    candidates.push((total + scores[l as usize], h, l));
                }
            }
        }
        // Highest score first; ties by label so decoding never depends on sort stability.
        // Only the best `width` are kept, so only they are sorted.
        let order = |a: &(f32, usize, u8), b: &(f32, usize, u8)| {
            b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1))
        };
        if candidates.len() > width {
            candidates.select_nth_unstable_by(width - 1, order);
            candidates.truncate(width);
        }
        candidates.sort_unstable_by(order);
        let next: Vec<(f32, Vec<u8>)> = candidates
            .iter()
            .take(width)
            .map(|&(total, h, l)| {
                let mut labels = beam[h].1.clone();
                labels.push(l);
                (total, labels)
            })
            .collect();
        beam = next;
        if let Some(gold) = gold {
            if !beam.iter().any(|(_, l)| l[..] == gold[..=i]) {
                break;
            }
        }
    }
    beam.into_iter().next().map(|(_, l)| l).unwrap_or_default()
}

/// Tags a document (sentences of tokens) with one stage's weights; `extras` are the
/// second stage's document features, per sentence and token.
pub(crate) fn tag_with<T: AsRef<[S]>, S: AsRef<str>>(
    weights: &Weights,
    lexicon: &Lexicon,
    sentences: &[T],
    extras: Option<&Aggregates>,
    width: usize,
) -> Vec<Vec<u8>> {
    let prepared = Prepared::new(lexicon, sentences, width);
    prepared.tag(weights, extras)
}

/// Tags a document with a first stage and, when given, a second stage that sees the
/// first stage's conclusions. The static features are computed once for both, and with
/// `joint` (both stages' rows under one key) looked up once for both.
pub(crate) fn tag_stages<T: AsRef<[S]>, S: AsRef<str>>(
    first: &Weights,
    second: Option<&Weights>,
    joint: Option<&JointRows>,
    lexicon: &Lexicon,
    sentences: &[T],
    width: usize,
) -> Vec<Vec<u8>> {
    let prepared = Prepared::new(lexicon, sentences, width);
    let (second, joint) = match (second, joint) {
        (None, _) => return prepared.tag(first, None),
        (Some(second), joint) => (second, joint),
    };
    let Some(joint) = joint else {
        let labels = prepared.tag(first, None);
        let extras = crate::aggregate::aggregates(sentences, &labels);
        return prepared.tag(second, Some(&extras));
    };
    let (first_statics, mut second_statics) = prepared.joint_static_scores(joint);
    let labels = prepared.tag_scored(first, &first_statics);
    let extras = crate::aggregate::aggregates(sentences, &labels);
    let mut token = 0;
    for (view, sentence_extras) in prepared.views.iter().zip(&extras) {
        for features in sentence_extras.iter().take(view.len()) {
            for f in features {
                second.add(
                    crate::features::hash(f.as_bytes()),
                    &mut second_statics[token],
                );
            }
            token += 1;
        }
        // A sentence's aggregates cover all its tokens; if not, stay in step anyway.
        token += view.len().saturating_sub(sentence_extras.len());
    }
    prepared.tag_scored(second, &second_statics)
}

/// Both stages' rows of every feature, under one key: the static features of a token are
/// the same for both stages, and the tagger's time goes on fetching rows from memory.
pub(crate) type JointRows = std::collections::HashMap<
    u64,
    [crate::model::Row; 2],
    std::hash::BuildHasherDefault<crate::model::PassThrough>,
>;

/// Joins two stages' rows; a feature missing from one stage has zeros there.
pub(crate) fn join_rows(first: &Weights, second: &Weights) -> JointRows {
    let mut joint = JointRows::default();
    joint.reserve(first.rows.len().max(second.rows.len()));
    for (&k, row) in &first.rows {
        joint.entry(k).or_insert([[0; LABEL_COUNT]; 2])[0] = *row;
    }
    for (&k, row) in &second.rows {
        joint.entry(k).or_insert([[0; LABEL_COUNT]; 2])[1] = *row;
    }
    joint
}

/// A document's sentences with every token's static feature hashes.
struct Prepared<'a> {
    views: Vec<SentenceView<'a>>,
    /// Static feature hashes of every token of the document, one after the other (one
    /// allocation per document, not per token: this is the hot path of ingest).
    hashes: Vec<u64>,
    /// Where each token's hashes start in `hashes`, in document order, plus the end.
    starts: Vec<usize>,
    width: usize,
}

impl<'a> Prepared<'a> {
    fn new<T: AsRef<[S]>, S: AsRef<str> + 'a>(
        lexicon: &'a Lexicon,
        sentences: &'a [T],
        width: usize,
    ) -> Self {
        let context = DocumentContext::new(sentences);
        let mut sink = FeatureSink::new();
        let mut views = Vec::with_capacity(sentences.len());
        let mut hashes = Vec::new();
        let mut starts = vec![0];
        for sentence in sentences {
            let words: Vec<&'a str> = sentence.as_ref().iter().map(AsRef::as_ref).collect();
            let view = SentenceView::new(&words, lexicon, &context);
            for i in 0..view.len() {
                sink.clear();
                view.static_features(i, lexicon, &mut sink);
                hashes.extend_from_slice(&sink.hashes);
                starts.push(hashes.len());
            }
            views.push(view);
        }
        Prepared {
            views,
            hashes,
            starts,
            width,
        }
    }

    /// Every token's static scores under both stages, one lookup per feature.
    fn joint_static_scores(
        &self,
        joint: &JointRows,
    ) -> (Vec<[f32; LABEL_COUNT]>, Vec<[f32; LABEL_COUNT]>) {
        let tokens = self.starts.len() - 1;
        let mut first = Vec::with_capacity(tokens);
        let mut second = Vec::with_capacity(tokens);
        for t in 0..tokens {
            let (mut a, mut b) = ([0f32; LABEL_COUNT], [0f32; LABEL_COUNT]);
            for h in &self.hashes[self.starts[t]..self.starts[t + 1]] {
                if let Some([r1, r2]) = joint.get(h) {
                    for l in 0..LABEL_COUNT {
                        a[l] += r1[l] as f32;
                        b[l] += r2[l] as f32;
                    }
                }
            }
            first.push(a);
            second.push(b);
        }
        (first, second)
    }

    /// Decodes the document given every token's static scores, in document order.
    fn tag_scored(&self, weights: &Weights, statics: &[[f32; LABEL_COUNT]]) -> Vec<Vec<u8>> {
        let mut history = DocumentHistory::new();
        let mut sink = FeatureSink::new();
        let mut out = Vec::with_capacity(self.views.len());
        let mut token = 0;
        for view in &self.views {
            let labels = decode_sentence(
                view,
                &statics[token..token + view.len()],
                &history,
                &mut sink,
                self.width,
                |hashes, scores| {
                    for &h in hashes {
                        weights.add(h, scores);
                    }
                },
            );
            token += view.len();
            remember(view, &labels, &mut history);
            out.push(labels);
        }
        out
    }

    fn tag(&self, weights: &Weights, extras: Option<&Aggregates>) -> Vec<Vec<u8>> {
        let mut statics = Vec::with_capacity(self.starts.len() - 1);
        let mut token = 0;
        for (s, view) in self.views.iter().enumerate() {
            for i in 0..view.len() {
                let mut scores = [0f32; LABEL_COUNT];
                for &h in &self.hashes[self.starts[token]..self.starts[token + 1]] {
                    weights.add(h, &mut scores);
                }
                if let Some(features) = extras.and_then(|e| e.get(s)).and_then(|e| e.get(i)) {
                    for f in features {
                        weights.add(crate::features::hash(f.as_bytes()), &mut scores);
                    }
                }
                statics.push(scores);
                token += 1;
            }
        }
        self.tag_scored(weights, &statics)
    }
}
