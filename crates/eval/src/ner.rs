//! Named-entity recognition on CoNLL-style files (token first, tag last, IOB1 or IOB2,
//! blank lines between sentences, `-DOCSTART-` between documents), scored with
//! conlleval's definition: entity-level precision, recall and F1, exact span and type.
//!
//! Scores either our tagger, run here over the file's own tokens one document at a time
//! on one thread, or another system's output file with the same tokens.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use tri_ner::conll::{self, ConllDocument};
use tri_ner::score::{Counts, TypeCounts};
use tri_ner::{labels, Tagger};

use crate::EvalError;

/// Scores of one type, or of all types together.
#[derive(Debug, Clone, Serialize)]
pub struct TypeScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl From<TypeCounts> for TypeScore {
    fn from(c: TypeCounts) -> Self {
        TypeScore {
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
            gold: c.gold,
            predicted: c.predicted,
            correct: c.correct,
        }
    }
}

/// The result of `triangulate eval ner`.
#[derive(Debug, Clone, Serialize)]
pub struct NerReport {
    pub system: String,
    pub data: PathBuf,
    /// Per entity type (only the requested types when restricted).
    pub types: BTreeMap<String, TypeScore>,
    pub overall: TypeScore,
    pub tokens: usize,
    /// Seconds spent tagging (0 when scoring another system's file).
    pub seconds: f64,
    /// Tokens tagged per second on one thread (0 when scoring another system's file).
    pub tokens_per_second: f64,
    /// CPU seconds the tagging thread used (0 when scoring another system's file, or
    /// where the platform has no per-thread clock).
    pub cpu_seconds: f64,
    /// Tokens tagged per CPU second of that thread: the per-core speed, which unlike the
    /// wall clock does not count time the machine gave to other work.
    pub tokens_per_cpu_second: f64,
}

impl NerReport {
    fn from_counts(
        system: String,
        data: &Path,
        counts: Counts,
        tokens: usize,
        seconds: f64,
        cpu_seconds: f64,
    ) -> Self {
        let rate = |s: f64| if s > 0.0 { tokens as f64 / s } else { 0.0 };
        NerReport {
            system,
            data: data.to_path_buf(),
            overall: counts.overall().into(),
            types: counts
                .by_type
                .into_iter()
                .map(|(k, v)| (k, v.into()))
                .collect(),
            tokens,
            seconds,
            tokens_per_second: rate(seconds),
            cpu_seconds,
            tokens_per_cpu_second: rate(cpu_seconds),
        }
    }

    /// The report as a plain-text table, one row per type and one for all of them.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<12} {:<8} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n",
            "system", "type", "P", "R", "F1", "gold", "pred", "correct"
        );
        let row = |s: &mut String, name: &str, t: &TypeScore| {
            s.push_str(&format!(
                "{:<12} {:<8} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7} {:>7}\n",
                self.system, name, t.precision, t.recall, t.f1, t.gold, t.predicted, t.correct
            ));
        };
        for (name, t) in &self.types {
            row(&mut s, name, t);
        }
        row(&mut s, "overall", &self.overall);
        if self.seconds > 0.0 {
            s.push_str(&format!(
                "{} tokens in {:.2} s on one thread: {:.0} tokens/s\n",
                self.tokens, self.seconds, self.tokens_per_second
            ));
        }
        if self.cpu_seconds > 0.0 {
            s.push_str(&format!(
                "{:.2} CPU seconds: {:.0} tokens per CPU second\n",
                self.cpu_seconds, self.tokens_per_cpu_second
            ));
        }
        s
    }
}

fn read(path: &Path) -> Result<Vec<ConllDocument>, EvalError> {
    conll::read_file(path).map_err(|e| EvalError::Format {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Tags `data`'s tokens with `tagger` and scores against its gold tags. With `types`,
/// only those entity types are scored. With `write`, the tagged file is written there
/// (`token gold predicted` per line, IOB2), for reading the errors.
pub fn evaluate(
    tagger: &Tagger,
    data: &Path,
    types: Option<&[String]>,
    write: Option<&Path>,
) -> Result<NerReport, EvalError> {
    let docs = read(data)?;
    let mut counts = Counts::default();
    let mut tokens = 0;
    let mut predicted = Vec::with_capacity(docs.len());
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    for doc in &docs {
        let sentences: Vec<&Vec<String>> = doc.sentences.iter().map(|s| &s.tokens).collect();
        predicted.push(tagger.tag_document(&sentences));
        tokens += doc.token_count();
    }
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = match (cpu_started, thread_cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => 0.0,
    };
    if let Some(path) = write {
        let mut out = String::new();
        for (doc, labels_of_doc) in docs.iter().zip(&predicted) {
            out.push_str("-DOCSTART- O O\n\n");
            for (sentence, l) in doc.sentences.iter().zip(labels_of_doc) {
                let gold = iob2(&sentence.tags);
                for ((token, g), p) in sentence.tokens.iter().zip(&gold).zip(labels::to_iob2(l)) {
                    out.push_str(&format!("{token} {g} {p}\n"));
                }
                out.push('\n');
            }
        }
        std::fs::write(path, out).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    for (doc, labels_of_doc) in docs.iter().zip(&predicted) {
        for (sentence, l) in doc.sentences.iter().zip(labels_of_doc) {
            counts.add(&conll::chunks(&sentence.tags), &labels::to_chunks(l), types);
        }
    }
    Ok(NerReport::from_counts(
        "triangulate".into(),
        data,
        counts,
        tokens,
        seconds,
        cpu_seconds,
    ))
}

/// CPU time of the calling thread, where the platform keeps one: Linux's scheduler
/// statistics give it in nanoseconds (the first field of `schedstat`).
pub(crate) fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 * 1e-9)
}

/// IOB2 tags for any IOB-style tag sequence.
fn iob2(tags: &[String]) -> Vec<String> {
    let mut out = vec!["O".to_string(); tags.len()];
    for c in conll::chunks(tags) {
        out[c.start] = format!("B-{}", c.label);
        for t in &mut out[c.start + 1..c.end] {
            *t = format!("I-{}", c.label);
        }
    }
    out
}

/// Scores another system's output: a CoNLL file with the same tokens as `data`, its
/// predicted tag in the last column.
pub fn score_predictions(
    data: &Path,
    predictions: &Path,
    system: &str,
    types: Option<&[String]>,
) -> Result<NerReport, EvalError> {
    let gold = read(data)?;
    let pred = read(predictions)?;
    let mismatch = |message: String| EvalError::Format {
        path: predictions.to_path_buf(),
        message,
    };
    let gold_sentences: Vec<_> = gold.iter().flat_map(|d| &d.sentences).collect();
    let pred_sentences: Vec<_> = pred.iter().flat_map(|d| &d.sentences).collect();
    if gold_sentences.len() != pred_sentences.len() {
        return Err(mismatch(format!(
            "{} sentences, but {} has {}",
            pred_sentences.len(),
            data.display(),
            gold_sentences.len()
        )));
    }
    let mut counts = Counts::default();
    let mut tokens = 0;
    for (n, (g, p)) in gold_sentences.iter().zip(&pred_sentences).enumerate() {
        if g.tokens != p.tokens {
            return Err(mismatch(format!(
                "sentence {} has other tokens than in {}",
                n + 1,
                data.display()
            )));
        }
        tokens += g.tokens.len();
        counts.add(&conll::chunks(&g.tags), &conll::chunks(&p.tags), types);
    }
    Ok(NerReport::from_counts(
        system.to_string(),
        data,
        counts,
        tokens,
        0.0,
        0.0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_prediction_file_against_gold() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.txt");
        let pred = dir.path().join("pred.txt");
        std::fs::write(
            &gold,
            "-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nin O\nBonn B-LOC\n\nEU B-ORG\n",
        )
        .unwrap();
        std::fs::write(
            &pred,
            "-DOCSTART- O\n\nPeter B-PER\nBlackburn I-PER\nin O\nBonn B-ORG\n\nEU B-ORG\n",
        )
        .unwrap();
        let report = score_predictions(&gold, &pred, "other", None).unwrap();
        assert_eq!(report.overall.gold, 3);
        assert_eq!(report.overall.correct, 2);
        assert_eq!(report.types["LOC"].correct, 0);
        let only = score_predictions(&gold, &pred, "other", Some(&["PER".to_string()])).unwrap();
        assert_eq!(
            (
                only.overall.gold,
                only.overall.predicted,
                only.overall.correct
            ),
            (1, 1, 1)
        );
        assert!(report.table().contains("overall"));
    }

    #[test]
    fn refuses_predictions_with_other_tokens() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.txt");
        let pred = dir.path().join("pred.txt");
        std::fs::write(&gold, "Peter B-PER\n").unwrap();
        std::fs::write(&pred, "Paul B-PER\n").unwrap();
        let err = score_predictions(&gold, &pred, "other", None).unwrap_err();
        assert!(err.to_string().contains("other tokens"));
    }
}
