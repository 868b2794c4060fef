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
    for (i, statics) in static_scores.iter().enumerate().take(n) {
        candidates.clear();
        for (h, (total, labels)) in beam.iter().enumerate() {
            sink.clear();
            history_features(view, i, labels, history.get(view.lower(i)), sink);
            let mut scores = *statics;
            score(&sink.hashes, &mut scores);
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
        candidates
            .sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
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
/// first stage's conclusions. The static features are computed once for both.
pub(crate) fn tag_stages<T: AsRef<[S]>, S: AsRef<str>>(
    first: &Weights,
    second: Option<&Weights>,
    lexicon: &Lexicon,
    sentences: &[T],
    width: usize,
) -> Vec<Vec<u8>> {
    let prepared = Prepared::new(lexicon, sentences, width);
    let labels = prepared.tag(first, None);
    match second {
        None => labels,
        Some(second) => {
            let extras = crate::aggregate::aggregates(sentences, &labels);
            prepared.tag(second, Some(&extras))
        }
    }
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

    fn tag(&self, weights: &Weights, extras: Option<&Aggregates>) -> Vec<Vec<u8>> {
        let mut history = DocumentHistory::new();
        let mut sink = FeatureSink::new();
        let mut out = Vec::with_capacity(self.views.len());
        let mut static_scores = Vec::new();
        let mut token = 0;
        for (s, view) in self.views.iter().enumerate() {
            static_scores.clear();
            for i in 0..view.len() {
                let hashes = &self.hashes[self.starts[token]..self.starts[token + 1]];
                token += 1;
                let mut scores = [0f32; LABEL_COUNT];
                for &h in hashes {
                    weights.add(h, &mut scores);
                }
                if let Some(extras) = extras {
                    for f in &extras[s][i] {
                        weights.add(crate::features::hash(f.as_bytes()), &mut scores);
                    }
                }
                static_scores.push(scores);
            }
            let labels = decode_sentence(
                view,
                &static_scores,
                &history,
                &mut sink,
                self.width,
                |hashes, scores| {
                    for &h in hashes {
                        weights.add(h, scores);
                    }
                },
            );
            remember(view, &labels, &mut history);
            out.push(labels);
        }
        out
    }
}
