//! Main-text extraction on the article-extraction-benchmark (scrapinghub): shingle
//! precision, recall, F1 and exact-match accuracy, and throughput of `tri_html::extract`.
//!
//! Data layout: `DIR/ground-truth.json` (`{id: {articleBody, url}}`) and
//! `DIR/html/<id>.html.gz`. Pages are decompressed before the clock starts; only the
//! extraction calls are timed, one page after the other on one thread.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::EvalError;

/// Shingle length of the benchmark's metric.
pub const SHINGLE: usize = 4;

/// Scores of one system on the benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractionReport {
    /// Name of the system scored (`triangulate`, or the peer whose outputs were read).
    pub system: String,
    /// Pages in the data set.
    pub pages: usize,
    /// Mean per-page shingle precision (pages with no predicted shingles skipped).
    pub precision: f64,
    /// Mean per-page shingle recall.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Share of pages whose predicted token list equals the gold one.
    pub accuracy: f64,
    /// Seconds spent extracting (0 when outputs were read from files).
    pub seconds: f64,
    /// Pages extracted per second on one thread.
    pub pages_per_sec: f64,
    /// Megabytes (10^6 bytes) of HTML extracted per second on one thread.
    pub mb_per_sec: f64,
    /// Megabytes of HTML in the data set.
    pub html_mb: f64,
    /// Pages where extraction failed: (id, error).
    pub failures: Vec<(String, String)>,
    /// Per-page scores, in id order.
    pub per_page: Vec<PageScore>,
}

/// Scores of one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    /// Benchmark id of the page.
    pub id: String,
    /// Shingle precision (`None` when no shingle was predicted).
    pub precision: Option<f64>,
    /// Shingle recall (`None` when the gold text has no shingle).
    pub recall: Option<f64>,
    /// Whether the token lists are identical.
    pub exact: bool,
}

/// Normalised shingle counts of one page: true positives, false positives and false
/// negatives, divided by their sum (all zero when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShingleScores {
    /// Shingles in both texts.
    pub tp: f64,
    /// Shingles only in the prediction.
    pub fp: f64,
    /// Shingles only in the gold text.
    pub fn_: f64,
}

impl ShingleScores {
    /// Precision as the benchmark defines it; `None` when undefined (tp + fp = 0).
    pub fn precision(&self) -> Option<f64> {
        if self.tp + self.fp <= 0.0 {
            None
        } else if self.fp == 0.0 && self.fn_ == 0.0 {
            Some(1.0)
        } else {
            Some(self.tp / (self.tp + self.fp))
        }
    }

    /// Recall as the benchmark defines it; `None` when undefined (tp + fn = 0).
    pub fn recall(&self) -> Option<f64> {
        if self.tp + self.fn_ <= 0.0 {
            None
        } else if self.fp == 0.0 && self.fn_ == 0.0 {
            Some(1.0)
        } else {
            Some(self.tp / (self.tp + self.fn_))
        }
    }
}

/// The benchmark's tokens: runs of Unicode word characters (`\w+`: letters, marks,
/// digits, connector punctuation).
pub fn tokenize(text: &str) -> Vec<&str> {
    static WORD: OnceLock<regex::Regex> = OnceLock::new();
    let re = WORD.get_or_init(|| regex::Regex::new(r"\w+").expect("valid regex"));
    re.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of `n`-token shingles of a text; a text shorter than `n` tokens (but
/// not empty) is one shingle.
fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < n {
        out.insert(tokens.to_vec(), 1);
        return out;
    }
    for w in tokens.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// The benchmark's per-page metric: 4-token shingle tp/fp/fn of a predicted text
/// against the gold text, normalised by their sum.
pub fn shingle_scores(pred: &str, gold: &str) -> ShingleScores {
    let p = shingles(&tokenize(pred), SHINGLE);
    let g = shingles(&tokenize(gold), SHINGLE);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        tp += pc.min(gc);
        fp += pc.saturating_sub(gc);
    }
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        fn_ += gc.saturating_sub(pc);
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return ShingleScores {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        };
    }
    ShingleScores {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

#[derive(Deserialize)]
struct Gold {
    #[serde(rename = "articleBody")]
    article_body: String,
    url: Option<String>,
}

/// One page of the benchmark, decompressed.
struct Sample {
    id: String,
    html: String,
    url: Option<String>,
    gold: String,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> EvalError + '_ {
    move |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn load(dir: &Path) -> Result<Vec<Sample>, EvalError> {
    let gt_path = dir.join("ground-truth.json");
    let raw = fs::read_to_string(&gt_path).map_err(io_err(&gt_path))?;
    let gold: HashMap<String, Gold> =
        serde_json::from_str(&raw).map_err(|e| EvalError::Format {
            path: gt_path.clone(),
            message: e.to_string(),
        })?;
    let mut ids: Vec<_> = gold.keys().cloned().collect();
    ids.sort();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let file = fs::File::open(&path).map_err(io_err(&path))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(io_err(&path))?;
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let g = &gold[&id];
        out.push(Sample {
            id,
            html,
            url: g.url.clone(),
            gold: g.article_body.clone(),
        });
    }
    Ok(out)
}

fn score(system: &str, samples: &[Sample], preds: &[String]) -> ExtractionReport {
    let mut per_page = Vec::with_capacity(samples.len());
    let (mut ps, mut rs, mut exact) = (Vec::new(), Vec::new(), 0usize);
    for (s, pred) in samples.iter().zip(preds) {
        let sc = shingle_scores(pred, &s.gold);
        let same = tokenize(pred) == tokenize(&s.gold);
        exact += same as usize;
        ps.extend(sc.precision());
        rs.extend(sc.recall());
        per_page.push(PageScore {
            id: s.id.clone(),
            precision: sc.precision(),
            recall: sc.recall(),
            exact: same,
        });
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let html_mb = samples.iter().map(|s| s.html.len()).sum::<usize>() as f64 / 1e6;
    ExtractionReport {
        system: system.to_string(),
        pages: samples.len(),
        precision,
        recall,
        f1,
        accuracy: if samples.is_empty() {
            0.0
        } else {
            exact as f64 / samples.len() as f64
        },
        seconds: 0.0,
        pages_per_sec: 0.0,
        mb_per_sec: 0.0,
        html_mb,
        failures: Vec::new(),
        per_page,
    }
}

/// Runs `tri_html::extract` on every page of the benchmark in `dir` and scores it.
pub fn evaluate(dir: &Path) -> Result<ExtractionReport, EvalError> {
    evaluate_with(dir, None, None)
}

/// Like [`evaluate`], on the first `limit` pages (in id order) when given, writing each
/// page's extracted text to `dump/<id>.txt` when `dump` is given (empty on failure).
pub fn evaluate_with(
    dir: &Path,
    limit: Option<usize>,
    dump: Option<&Path>,
) -> Result<ExtractionReport, EvalError> {
    let mut samples = load(dir)?;
    if let Some(limit) = limit {
        samples.truncate(limit);
    }
    let mut preds = Vec::with_capacity(samples.len());
    let mut failures = Vec::new();
    let start = Instant::now();
    for s in &samples {
        match tri_html::extract(&s.html, s.url.as_deref()) {
            Ok(page) => preds.push(page.text),
            Err(e) => {
                failures.push((s.id.clone(), e.to_string()));
                preds.push(String::new());
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    if let Some(out) = dump {
        fs::create_dir_all(out).map_err(io_err(out))?;
        for (s, pred) in samples.iter().zip(&preds) {
            let path = out.join(format!("{}.txt", s.id));
            fs::write(&path, pred).map_err(io_err(&path))?;
        }
    }
    let mut report = score("triangulate", &samples, &preds);
    report.failures = failures;
    report.seconds = seconds;
    if seconds > 0.0 {
        report.pages_per_sec = samples.len() as f64 / seconds;
        report.mb_per_sec = report.html_mb / seconds;
    }
    Ok(report)
}

/// Scores another system's outputs, read from `pred_dir/<id>.txt` (a missing file
/// counts as an empty prediction and a failure), against the benchmark in `dir`.
pub fn score_dir(dir: &Path, pred_dir: &Path, system: &str) -> Result<ExtractionReport, EvalError> {
    let samples = load(dir)?;
    let mut preds = Vec::with_capacity(samples.len());
    let mut failures = Vec::new();
    for s in &samples {
        let path: PathBuf = pred_dir.join(format!("{}.txt", s.id));
        match fs::read_to_string(&path) {
            Ok(t) => preds.push(t),
            Err(e) => {
                failures.push((s.id.clone(), format!("{}: {e}", path.display())));
                preds.push(String::new());
            }
        }
    }
    let mut report = score(system, &samples, &preds);
    report.failures = failures;
    Ok(report)
}

impl ExtractionReport {
    /// A plain-text table of the scores and speed.
    pub fn table(&self) -> String {
        table(std::slice::from_ref(self))
    }
}

/// A plain-text table with one row per report, for side-by-side comparisons.
pub fn table(reports: &[ExtractionReport]) -> String {
    let mut s = format!(
        "{:<14} {:>6} {:>7} {:>7} {:>7} {:>9} {:>9} {:>8} {:>8}\n",
        "system", "pages", "P", "R", "F1", "accuracy", "pages/s", "MB/s", "failures"
    );
    for r in reports {
        let speed = |v: f64| {
            if r.seconds > 0.0 {
                format!("{v:.1}")
            } else {
                "-".into()
            }
        };
        s.push_str(&format!(
            "{:<14} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>9.3} {:>9} {:>8} {:>8}\n",
            r.system,
            r.pages,
            r.precision,
            r.recall,
            r.f1,
            r.accuracy,
            speed(r.pages_per_sec),
            speed(r.mb_per_sec),
            r.failures.len()
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(
            tokenize("Hello, wörld_1 — 東京!"),
            vec!["Hello", "wörld_1", "東京"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let s = shingle_scores("a b c d e", "a b  c, d e");
        assert_eq!(
            s,
            ShingleScores {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        assert_eq!(s.precision(), Some(1.0));
        assert_eq!(s.recall(), Some(1.0));
    }

    #[test]
    fn partial_overlap() {
        // gold shingles: abcd bcde; pred: abcd bcdx -> tp 1, fp 1, fn 1
        let s = shingle_scores("a b c d x", "a b c d e");
        assert!((s.tp - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.precision(), Some(0.5));
        assert_eq!(s.recall(), Some(0.5));
    }

    #[test]
    fn empty_and_short_texts() {
        let s = shingle_scores("", "a b c d");
        assert_eq!(s.precision(), None);
        assert_eq!(s.recall(), Some(0.0));
        let s = shingle_scores("", "");
        assert_eq!((s.precision(), s.recall()), (None, None));
        // Fewer than four tokens: the whole text is one shingle.
        assert_eq!(shingle_scores("a b", "a b").precision(), Some(1.0));
        assert_eq!(shingle_scores("a b", "a c").recall(), Some(0.0));
        // Repeated shingles count as a multiset.
        let s = shingle_scores("a b c d a b c d", "a b c d");
        assert_eq!(s.recall(), Some(1.0));
        assert!(s.precision().unwrap() < 1.0);
    }

    #[test]
    fn benchmark_sample() {
        let dir = Path::new("/work/shared/data/article-extraction-benchmark");
        if !dir.join("ground-truth.json").exists() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let r = evaluate_with(dir, Some(5), None).unwrap();
        assert_eq!(r.pages, 5);
        assert!(r.f1 > 0.9, "F1 {} on 5 pages\n{}", r.f1, r.table());
    }
}
