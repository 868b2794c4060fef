//! Story clustering on a JSONL stream of articles with a gold story label: each line an
//! article in `ingest`'s JSONL schema (`text`, `title`, `published`, `url`, `outlet`) plus
//! the label field (`story` unless told). Articles are clustered in date order, one pass,
//! as a stream, and scored with BCubed precision, recall and F1 (Bagga and Baldwin 1998;
//! Amigó et al. 2009) and pairwise precision, recall and F1 (the metric of Miranda et al.
//! 2018).

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use tri_stories::{epoch_seconds, StoryClusterer, StoryConfig, StoryInput};

use crate::quotes::Prf;
use crate::EvalError;

/// The report of `triangulate eval stories`.
#[derive(Debug, Clone, Serialize)]
pub struct StoriesReport {
    pub system: String,
    pub articles: usize,
    pub gold_stories: usize,
    pub predicted_stories: usize,
    pub bcubed: Prf,
    pub pairwise: Prf,
    /// Articles clustered per second of wall-clock time (reading and parsing excluded).
    pub articles_per_second: f64,
    pub seconds: f64,
    /// Peak resident memory of the process, in MB, when the system tells it.
    pub peak_memory_mb: Option<f64>,
}

impl StoriesReport {
    /// A Markdown table for a terminal.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{}: {} articles, {} gold stories, {} predicted\n\n| score | P | R | F1 |\n|---|---:|---:|---:|\n",
            self.system, self.articles, self.gold_stories, self.predicted_stories
        );
        for (name, s) in [("BCubed", &self.bcubed), ("pairwise", &self.pairwise)] {
            out += &format!("| {name} | {:.3} | {:.3} | {:.3} |\n", s.p, s.r, s.f1);
        }
        out += &format!(
            "\nspeed: {:.0} articles per second ({:.2} s)",
            self.articles_per_second, self.seconds
        );
        if let Some(mb) = self.peak_memory_mb {
            out += &format!(", peak memory {mb:.0} MB");
        }
        out + "\n"
    }
}

/// One labelled article of the stream.
struct Labelled {
    input: StoryInput,
    label: String,
}

/// Where each line of the file starts and its date, read without keeping the texts: the
/// stream is then read again in date order, one article at a time, so that memory stays
/// with the clusterer's live stories rather than the file.
fn index(path: &Path) -> Result<Vec<(Option<i64>, u64, usize)>, EvalError> {
    #[derive(serde::Deserialize)]
    struct Dated {
        published: Option<String>,
    }
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(io)?);
    let mut out = Vec::new();
    let (mut offset, mut n, mut line) = (0u64, 0usize, String::new());
    loop {
        line.clear();
        let read = reader.read_line(&mut line).map_err(io)?;
        if read == 0 {
            break;
        }
        n += 1;
        if !line.trim().is_empty() {
            let dated: Dated = serde_json::from_str(&line).map_err(|e| EvalError::Format {
                path: path.to_path_buf(),
                message: format!("line {n}: {e}"),
            })?;
            out.push((
                dated.published.as_deref().and_then(epoch_seconds),
                offset,
                n,
            ));
        }
        offset += read as u64;
    }
    Ok(out)
}

fn parse(path: &Path, n: usize, line: &str, label_field: &str) -> Result<Labelled, EvalError> {
    let format = |message: String| EvalError::Format {
        path: path.to_path_buf(),
        message: format!("line {n}: {message}"),
    };
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format(e.to_string()))?;
    let string = |k: &str| v[k].as_str().map(str::to_string);
    let text = match (v["text"].as_str(), v["html"].as_str()) {
        (Some(t), _) => t.to_string(),
        (None, Some(html)) => {
            tri_html::extract(html, string("url").as_deref())
                .map_err(|e| format(e.to_string()))?
                .text
        }
        (None, None) => return Err(format("no \"text\" or \"html\"".into())),
    };
    let label = match &v[label_field] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => return Err(format(format!("no \"{label_field}\" label"))),
        other => other.to_string(),
    };
    Ok(Labelled {
        input: StoryInput {
            id: string("id").unwrap_or_else(|| format!("line-{n}")),
            published: v["published"].as_str().and_then(epoch_seconds),
            title: string("title"),
            text,
            outlet: string("outlet"),
            origin: None,
            evidence: Vec::new(),
        },
        label,
    })
}

/// Clusters the file's articles in date order and scores the stories against the labels.
pub fn evaluate(
    path: &Path,
    label_field: &str,
    config: StoryConfig,
) -> Result<StoriesReport, EvalError> {
    use std::io::{Seek, SeekFrom};
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut order = index(path)?;
    // Date order; undated articles last, in file order.
    order.sort_by_key(|&(published, offset, _)| (published.unwrap_or(i64::MAX), offset));
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(io)?);
    // Labels as numbers: the scorer keeps one per article, the clusterer none.
    let mut label_ids: HashMap<String, u32> = HashMap::new();
    let mut labels: Vec<u32> = Vec::with_capacity(order.len());
    let mut predicted = Vec::with_capacity(order.len());
    let mut clusterer = StoryClusterer::new(config);
    let mut line = String::new();
    let mut busy = std::time::Duration::ZERO;
    for (_, offset, n) in order {
        reader.seek(SeekFrom::Start(offset)).map_err(io)?;
        line.clear();
        reader.read_line(&mut line).map_err(io)?;
        let item = parse(path, n, &line, label_field)?;
        let next = label_ids.len() as u32;
        labels.push(*label_ids.entry(item.label).or_insert(next));
        let started = Instant::now();
        predicted.push(clusterer.add(item.input));
        // The placements of closed stories are final; the scores need only the story
        // each article went to, which `add` returned.
        drop(clusterer.drain_settled());
        busy += started.elapsed();
    }
    let started = Instant::now();
    let clustering = clusterer.finish();
    let seconds = (busy + started.elapsed()).as_secs_f64();
    let (bcubed, pairwise) = score(&labels, &predicted);
    let gold_stories = labels
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    Ok(StoriesReport {
        system: "triangulate".into(),
        articles: labels.len(),
        gold_stories,
        predicted_stories: clustering.stories.len(),
        bcubed,
        pairwise,
        articles_per_second: labels.len() as f64 / seconds.max(1e-9),
        seconds,
        peak_memory_mb: peak_memory_mb(),
    })
}

/// BCubed and pairwise precision, recall and F1 of a clustering against gold labels.
fn score<G: std::hash::Hash + Eq, P: std::hash::Hash + Eq>(
    gold: &[G],
    predicted: &[P],
) -> (Prf, Prf) {
    let n = gold.len();
    let mut joint: HashMap<(&G, &P), usize> = HashMap::new();
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut pred_size: HashMap<&P, usize> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *joint.entry((g, p)).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
        *pred_size.entry(p).or_default() += 1;
    }
    // BCubed: each item's share of its cluster that shares its class, and of its class
    // that shares its cluster; a cell of c items contributes c times c / size.
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (&(g, p), &c) in &joint {
        let c = c as f64;
        p_sum += c * c / pred_size[p] as f64;
        r_sum += c * c / gold_size[g] as f64;
    }
    let prf = |p: f64, r: f64| Prf {
        p,
        r,
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    };
    let bcubed = if n == 0 {
        prf(0.0, 0.0)
    } else {
        prf(p_sum / n as f64, r_sum / n as f64)
    };
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let same_both: f64 = joint.values().map(|&c| pairs(c)).sum();
    let same_pred: f64 = pred_size.values().map(|&c| pairs(c)).sum();
    let same_gold: f64 = gold_size.values().map(|&c| pairs(c)).sum();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 1.0 };
    let pairwise = prf(ratio(same_both, same_pred), ratio(same_both, same_gold));
    (bcubed, pairwise)
}

/// The process's peak resident memory (Linux's VmHWM).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bcubed_and_pairwise_follow_their_definitions() {
        // Gold {a,a,a,b,b}; predicted {1,1,2,2,2}.
        let gold = ["a", "a", "a", "b", "b"];
        let pred = [1, 1, 2, 2, 2];
        let (b, p) = score(&gold, &pred);
        // BCubed precision: items 1,2: 2/2; items 3: 1/3; items 4,5: 2/3 → (2+1/3+4/3)/5.
        assert!((b.p - (2.0 + 1.0 / 3.0 + 4.0 / 3.0) / 5.0).abs() < 1e-12);
        // Recall: items 1,2: 2/3; item 3: 1/3; items 4,5: 2/2 → (4/3+1/3+2)/5.
        assert!((b.r - (4.0 / 3.0 + 1.0 / 3.0 + 2.0) / 5.0).abs() < 1e-12);
        // Pairs: predicted 1 + 3 = 4, gold 3 + 1 = 4, both 1 + 1 = 2.
        assert!((p.p - 0.5).abs() < 1e-12 && (p.r - 0.5).abs() < 1e-12);
        // A perfect clustering scores 1 whatever the label names.
        let (b, p) = score(&gold, &["x", "x", "x", "y", "y"]);
        assert_eq!((b.f1, p.f1), (1.0, 1.0));
    }

    #[test]
    fn reads_the_ingest_schema_with_a_label() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        std::fs::write(
            &path,
            "{\"text\":\"Floods hit the coast of Kerala on Monday.\",\"published\":\"2019-08-12\",\"event\":7}\n\n{\"text\":\"Kerala floods: rescue work goes on.\",\"published\":\"2019-08-13T10:00:00Z\",\"event\":7}\n",
        )
        .unwrap();
        let r = evaluate(&path, "event", StoryConfig::default()).unwrap();
        assert_eq!((r.articles, r.gold_stories), (2, 1));
        let missing = evaluate(&path, "story", StoryConfig::default()).unwrap_err();
        assert!(
            missing.to_string().contains("line 1: no \"story\" label"),
            "{missing}"
        );
    }
}
