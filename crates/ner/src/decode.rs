//! Greedy left-to-right decoding over well-formed BILOU sequences, shared by training
//! (which scores with the weights being learnt) and tagging.

use crate::aggregate::Aggregates;
use crate::features::{
    history_features_of_tail, DocumentContext, FeatureSink, FnvMap, Lexicon, SentenceView,
};
use crate::labels::{self, LABEL_COUNT, OUTSIDE};
use crate::model::Weights;

/// Labels each type has been given for a word earlier in the document, by lowercased
/// word. Names are repeated in a story ("Blackburn" after "Peter Blackburn") and the
/// earlier, fuller context is usually the clearer one.
pub type DocumentHistory = FnvMap<String, [u16; 4]>;

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
    // A hypothesis is its score, its last two labels (all the history features read),
    // whether it is still the gold sequence, and where its labels are in `steps`; the
    // sequences are read back at the end, so extending one copies nothing.
    let mut beam: Vec<Hypothesis> = vec![Hypothesis {
        total: 0.0,
        tail: [u8::MAX; 2],
        gold: true,
        step: usize::MAX,
    }];
    let mut next: Vec<Hypothesis> = Vec::with_capacity(width);
    // (parent step index, label) of every hypothesis kept, step after step.
    let mut steps: Vec<(usize, u8)> = Vec::with_capacity(n * width);
    let mut best: Vec<Candidate> = Vec::with_capacity(width + 1);
    // Hypotheses that end in the same two labels have the same history features, so
    // their scores are computed once per token.
    let mut memo: Vec<([u8; 2], [f32; LABEL_COUNT])> = Vec::with_capacity(width);
    let mut last_kept = usize::MAX;
    let seen = |i: usize| history.get(view.lower(i));
    for (i, statics) in static_scores.iter().enumerate().take(n) {
        best.clear();
        memo.clear();
        let seen_here = seen(i);
        for (h, hyp) in beam.iter().enumerate() {
            let scores = match memo.iter().find(|(t, _)| *t == hyp.tail) {
                Some((_, scores)) => *scores,
                None => {
                    sink.clear();
                    let [p2, p1] = hyp.tail;
                    history_features_of_tail(
                        view,
                        i,
                        (p2 != u8::MAX).then_some(p2),
                        (p1 != u8::MAX).then_some(p1),
                        seen_here,
                        sink,
                    );
                    let mut scores = *statics;
                    score(&sink.hashes, &mut scores);
                    memo.push((hyp.tail, scores));
                    scores
                }
            };
            let previous = (hyp.tail[1] != u8::MAX).then_some(hyp.tail[1]);
            if width == 1 {
                let l = best_label(&scores, previous, i + 1 == n);
                keep_best(&mut best, width, (hyp.total + scores[l as usize], h, l));
                continue;
            }
            for l in 0..LABEL_COUNT as u8 {
                if labels::allowed(previous, l) && (i + 1 < n || labels::may_end(l)) {
                    keep_best(&mut best, width, (hyp.total + scores[l as usize], h, l));
                }
            }
        }
        next.clear();
        let mut any_gold = false;
        for &(total, h, l) in &best {
            let parent = &beam[h];
            let on_gold = gold.is_some_and(|g| parent.gold && g[i] == l);
            any_gold |= on_gold;
            steps.push((parent.step, l));
            next.push(Hypothesis {
                total,
                tail: [parent.tail[1], l],
                gold: on_gold,
                step: steps.len() - 1,
            });
        }
        std::mem::swap(&mut beam, &mut next);
        last_kept = beam.first().map_or(usize::MAX, |b| b.step);
        if gold.is_some() && !any_gold {
            break;
        }
    }
    let mut labels_out = Vec::with_capacity(n);
    let mut at = last_kept;
    while at != usize::MAX {
        let (parent, l) = steps[at];
        labels_out.push(l);
        at = parent;
    }
    labels_out.reverse();
    labels_out
}

#[derive(Clone, Copy)]
struct Hypothesis {
    total: f32,
    tail: [u8; 2],
    gold: bool,
    step: usize,
}

/// Score, hypothesis, label.
type Candidate = (f32, usize, u8);

/// Highest score first; ties by label, then by hypothesis, so decoding never depends on
/// the order candidates come in.
fn better(a: &Candidate, b: &Candidate) -> bool {
    b.0.total_cmp(&a.0)
        .then(a.2.cmp(&b.2))
        .then(a.1.cmp(&b.1))
        .is_lt()
}

/// Inserts `c` into `best` (sorted, best first) if it is among the `width` best so far.
fn keep_best(best: &mut Vec<Candidate>, width: usize, c: Candidate) {
    if best.len() == width && !better(&c, &best[width - 1]) {
        return;
    }
    let at = best
        .iter()
        .position(|b| better(&c, b))
        .unwrap_or(best.len());
    best.insert(at, c);
    best.truncate(width);
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
        let mut history = DocumentHistory::default();
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
