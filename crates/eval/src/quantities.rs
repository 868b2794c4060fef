//! Counts and measurements on MeasEval (SemEval-2021 Task 8; Harper et al. 2021), in its
//! own layout: a split folder with `text/DOCID.txt` (one paragraph each) and
//! `tsv/DOCID.tsv` (`docId annotSet annotType startOffset endOffset annotId text
//! other`; character offsets; `other` is JSON: `{"unit": "kg", "mods": [...]}` on a
//! Quantity, `{"HasQuantity": "T1"}` or `{"HasProperty": "T2"}` on a MeasuredEntity).
//! A paragraph without a TSV has no quantities: predictions there are false positives,
//! as in the official scorer.
//!
//! Scores (all over Quantity rows, micro-averaged over the split):
//! - exact span P/R/F1: one-to-one pairs of gold and predicted spans with the same
//!   start and end;
//! - overlap span P/R/F1: one-to-one pairs of spans sharing at least one character,
//!   paired largest shared length first;
//! - MeasEval-style scores: over the overlap pairs, the official token F1 of each pair
//!   (`measeval-eval.py`'s `calcF1`: tokens are split on single spaces; the shared
//!   substring's token count over each span's token count gives P and R), summed and
//!   divided by pairs + unpaired gold + unpaired predictions, and the same with 1 for
//!   an exact pair (EM). Unlike the official script, which lets one prediction match
//!   several gold quantities, pairs here are one to one;
//! - unit accuracy: of the overlap pairs whose gold quantity has a unit, the share whose
//!   predicted unit is the same after both are normalised ([`canonical_unit`]); and unit
//!   P/R/F1 (a predicted unit counts when its quantity is paired and the units agree);
//! - measured-entity overlap P/R/F1: a predicted entity (our `Figure::counted_span`)
//!   counts when its quantity is paired with a gold quantity whose MeasuredEntity it
//!   overlaps; precision over our quantities with an entity, recall over gold
//!   quantities with one.
//!
//! The same scorer reads another system's predictions in the same TSV layout
//! (`DOCID.tsv`), so peers are measured by the same code.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use tri_model::{Figure, FigureKind, Span};

use crate::ner::thread_cpu_seconds;
use crate::quotes::Prf;
use crate::EvalError;

/// One quantity: its span, unit as written, and the span of what it measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Byte range of the paragraph text.
    pub span: Span,
    /// The unit as the annotation or prediction writes it.
    pub unit: Option<String>,
    /// The MeasuredEntity linked to it, if any.
    pub entity: Option<Span>,
}

/// A paragraph of the data set: its text and gold quantities.
#[derive(Debug, Clone)]
pub struct Document {
    /// The docId (file name without extension).
    pub name: String,
    /// The paragraph.
    pub text: String,
    /// Its gold quantities.
    pub quantities: Vec<Quantity>,
}

/// The report of `triangulate eval quantities`.
#[derive(Debug, Clone, Serialize)]
pub struct QuantitiesReport {
    /// The system scored.
    pub system: String,
    /// Paragraphs read.
    pub documents: usize,
    /// Gold quantities.
    pub gold: usize,
    /// Predicted quantities.
    pub predicted: usize,
    /// Exact span P/R/F1.
    pub exact: Prf,
    /// Overlap span P/R/F1 (one-to-one).
    pub overlap: Prf,
    /// MeasEval-style exact-match score (see the module doc).
    pub measeval_em: f64,
    /// MeasEval-style overlap (token F1) score.
    pub measeval_overlap: f64,
    /// Of the paired quantities with a gold unit, the share with the same unit.
    pub unit_accuracy: f64,
    /// The base of `unit_accuracy`.
    pub unit_pairs: usize,
    /// Unit P/R/F1.
    pub unit: Prf,
    /// Measured-entity overlap P/R/F1.
    pub entity: Prf,
    /// Bytes of paragraph text.
    pub bytes: usize,
    /// Whole pipeline (tokens, entities, attribution, figures) per CPU second.
    pub mb_per_cpu_second: Option<f64>,
    /// The figures stage alone, given the other annotations.
    pub figures_mb_per_cpu_second: Option<f64>,
}

impl QuantitiesReport {
    /// A Markdown table for a terminal.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{}: {} paragraphs, {} gold quantities, {} predicted\n\n| score | P | R | F1 |\n|---|---:|---:|---:|\n",
            self.system, self.documents, self.gold, self.predicted
        );
        for (name, s) in [
            ("quantity span, exact", &self.exact),
            ("quantity span, overlap", &self.overlap),
            ("unit", &self.unit),
            ("measured entity, overlap", &self.entity),
        ] {
            out += &format!("| {name} | {:.3} | {:.3} | {:.3} |\n", s.p, s.r, s.f1);
        }
        out += &format!(
            "\nMeasEval-style quantity scores: EM {:.3}, overlap (token F1) {:.3}\nunit accuracy {:.3} (of {} paired quantities with a gold unit)\n",
            self.measeval_em, self.measeval_overlap, self.unit_accuracy, self.unit_pairs
        );
        if let Some(mb) = self.mb_per_cpu_second {
            out += &format!("speed: {mb:.2} MB of text per CPU second (whole pipeline)");
            if let Some(f) = self.figures_mb_per_cpu_second {
                out += &format!(", {f:.1} MB per CPU second (figures stage alone)");
            }
            out += "\n";
        }
        out
    }
}

/// Reads a MeasEval split folder (`text/`, `tsv/`), sorted by docId.
pub fn read(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let text_dir = dir.join("text");
    let tsv_dir = dir.join("tsv");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .map_err(io(&text_dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".txt")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let path = text_dir.join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        let tsv_path = tsv_dir.join(format!("{name}.tsv"));
        let quantities = match std::fs::read_to_string(&tsv_path) {
            Ok(tsv) => parse_tsv(&tsv, &text).map_err(|message| EvalError::Format {
                path: tsv_path.clone(),
                message,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => {
                return Err(EvalError::Io {
                    path: tsv_path,
                    source,
                })
            }
        };
        out.push(Document {
            name,
            text,
            quantities,
        });
    }
    if out.is_empty() {
        return Err(EvalError::Format {
            path: dir.to_path_buf(),
            message: "no text/DOCID.txt".into(),
        });
    }
    Ok(out)
}

/// Character offset → byte offset of `text`.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    at.push(text.len());
    at
}

/// A string value of a flat JSON object (the TSV's `other` column): enough JSON for
/// `{"unit": "kg", "mods": ["IsCount"], "HasQuantity": "T1-1"}`.
fn json_str(other: &str, key: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(other).ok()?;
    v.get(key)?.as_str().map(str::to_string)
}

/// Parses one MeasEval TSV into its quantities with their units and measured entities.
pub fn parse_tsv(tsv: &str, text: &str) -> Result<Vec<Quantity>, String> {
    let byte_at = byte_offsets(text);
    let to_byte = |c: &str| -> Result<usize, String> {
        let c: usize = c.trim().parse().map_err(|_| format!("bad offset {c:?}"))?;
        byte_at
            .get(c)
            .copied()
            .ok_or(format!("offset {c} is past the text"))
    };
    struct Row {
        set: String,
        kind: String,
        span: Span,
        id: String,
        other: String,
    }
    let mut rows = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        if n == 0 && cols.first() == Some(&"docId") || line.trim().is_empty() {
            continue;
        }
        if cols.len() < 7 {
            return Err(format!("line {}: {} columns, want 8", n + 1, cols.len()));
        }
        let (a, b) = (to_byte(cols[3])?, to_byte(cols[4])?);
        if b < a {
            return Err(format!("line {}: span ends before it starts", n + 1));
        }
        rows.push(Row {
            set: cols[1].to_string(),
            kind: cols[2].to_string(),
            span: Span::new(a, b),
            id: cols[5].to_string(),
            other: cols.get(7).unwrap_or(&"").to_string(),
        });
    }
    let mut out = Vec::new();
    for q in rows.iter().filter(|r| r.kind == "Quantity") {
        // Its entity: linked to it directly, or through a property linked to it.
        let property: Option<&Row> = rows.iter().find(|r| {
            r.set == q.set
                && r.kind == "MeasuredProperty"
                && json_str(&r.other, "HasQuantity").as_deref() == Some(&q.id)
        });
        let entity = rows
            .iter()
            .find(|r| {
                r.set == q.set
                    && r.kind == "MeasuredEntity"
                    && (json_str(&r.other, "HasQuantity").as_deref() == Some(&q.id)
                        || property.is_some_and(|p| {
                            json_str(&r.other, "HasProperty").as_deref() == Some(&p.id)
                        }))
            })
            .map(|r| r.span);
        out.push(Quantity {
            span: q.span,
            unit: json_str(&q.other, "unit").filter(|u| !u.trim().is_empty()),
            entity,
        });
    }
    Ok(out)
}

/// Our figures as MeasEval quantities. MeasEval's Quantity spans hold the hedge, the
/// number and the unit but not what a count counts ("three" in "three screening
/// cycles") nor the whole of a share ("70%" of "70% of the samples"): a count's noun and
/// a share's "of" phrase become the MeasuredEntity instead, and a count has no unit.
pub fn quantities(text: &str, figures: &[Figure]) -> Vec<Quantity> {
    figures
        .iter()
        .map(|f| {
            let mut span = f.span;
            if let Some(c) = f.counted_span {
                if f.span.contains(c) && c.end == f.span.end && c.start > f.span.start {
                    let head = text[f.span.start..c.start].trim_end();
                    let head = head.strip_suffix(" of").unwrap_or(head).trim_end();
                    span = Span::new(f.span.start, f.span.start + head.len());
                }
            }
            let unit = match f.kind {
                FigureKind::Count | FigureKind::Number | FigureKind::Fraction => None,
                _ => f.unit_text.clone().or_else(|| f.unit.clone()),
            };
            Quantity {
                span,
                unit,
                entity: f.counted_span,
            }
        })
        .collect()
}

/// Writes quantities as a MeasEval TSV (character offsets), the layout `--predictions`
/// reads: one annotation set per quantity, its MeasuredEntity linked by HasQuantity.
pub fn write_tsv(doc: &str, text: &str, quantities: &[Quantity]) -> String {
    let char_of = |b: usize| text[..b].chars().count();
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out =
        String::from("docId\tannotSet\tannotType\tstartOffset\tendOffset\tannotId\ttext\tother\n");
    for (i, q) in quantities.iter().enumerate() {
        let set = i + 1;
        let other = match &q.unit {
            Some(u) => serde_json::json!({ "unit": u }).to_string(),
            None => String::new(),
        };
        out += &format!(
            "{doc}\t{set}\tQuantity\t{}\t{}\tT{set}-1\t{}\t{other}\n",
            char_of(q.span.start),
            char_of(q.span.end),
            clean(q.span.of(text))
        );
        if let Some(e) = q.entity {
            out += &format!(
                "{doc}\t{set}\tMeasuredEntity\t{}\t{}\tT{set}-2\t{}\t{}\n",
                char_of(e.start),
                char_of(e.end),
                clean(e.of(text)),
                serde_json::json!({ "HasQuantity": format!("T{set}-1") })
            );
        }
    }
    out
}

/// A unit in one form, so that MeasEval's written units, ours and a peer's compare:
/// µ as μ, the minus sign and en dash as `-`, º as °, spaces collapsed; then the
/// figures lexicon's code where it knows the unit (`square kilometres`, `km²` → `km2`;
/// `%`, `percent`, `percentage` → `percent`; `days`, `day`, `d` → `days`; `mg/L`,
/// `mg l-1`...), else the lower-cased form without a plural -s. `None` for no unit
/// (and quantulum3's `dimensionless`).
pub fn canonical_unit(unit: &str) -> Option<String> {
    let folded: String = unit
        .trim()
        .replace('µ', "μ")
        .replace(['−', '–'], "-")
        .replace('º', "°")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if folded.is_empty() || folded == "dimensionless" {
        return None;
    }
    if let Some(code) = tri_figures::normalize_unit(&folded) {
        return Some(code);
    }
    let lower = folded.to_lowercase();
    if let Some(code) = tri_figures::normalize_unit(&lower) {
        return Some(code);
    }
    let singular = match lower.strip_suffix('s') {
        Some(s) if s.len() > 2 && !s.ends_with('s') => s.to_string(),
        _ => lower.clone(),
    };
    Some(singular)
}

/// Token F1 of a pair as the official scorer computes it.
fn token_f1(text: &str, gold: Span, pred: Span) -> f64 {
    let count = |s: &str| s.split(' ').count() as f64;
    let (a, b) = (pred.start.max(gold.start), pred.end.min(gold.end));
    if b <= a {
        return 0.0;
    }
    let shared = count(&text[a..b]);
    let p = shared / count(pred.of(text));
    let r = shared / count(gold.of(text));
    2.0 * p * r / (p + r)
}

fn prf(correct: usize, predicted: usize, gold: usize) -> Prf {
    let p = if predicted == 0 {
        0.0
    } else {
        correct as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        correct as f64 / gold as f64
    };
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf { p, r, f1 }
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    exact: usize,
    overlap: usize,
    token_f1: f64,
    unit_pairs: usize,
    unit_same: usize,
    unit_gold: usize,
    unit_predicted: usize,
    entity_gold: usize,
    entity_predicted: usize,
    entity_correct: usize,
}

impl Counts {
    fn add(&mut self, text: &str, gold: &[Quantity], pred: &[Quantity]) {
        self.gold += gold.len();
        self.predicted += pred.len();
        self.unit_gold += gold
            .iter()
            .filter(|g| g.unit.as_deref().and_then(canonical_unit).is_some())
            .count();
        self.unit_predicted += pred
            .iter()
            .filter(|p| p.unit.as_deref().and_then(canonical_unit).is_some())
            .count();
        self.entity_gold += gold.iter().filter(|g| g.entity.is_some()).count();
        self.entity_predicted += pred.iter().filter(|p| p.entity.is_some()).count();
        let mut used = vec![false; pred.len()];
        for g in gold {
            if let Some(j) = (0..pred.len()).find(|&j| !used[j] && pred[j].span == g.span) {
                used[j] = true;
                self.exact += 1;
            }
        }
        // Overlap pairs, one to one, largest shared length first.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, g) in gold.iter().enumerate() {
            for (j, p) in pred.iter().enumerate() {
                if g.span.overlaps(p.span) {
                    let shared = g.span.end.min(p.span.end) - g.span.start.max(p.span.start);
                    pairs.push((shared, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut g_used = vec![false; gold.len()];
        let mut p_used = vec![false; pred.len()];
        for (_, i, j) in pairs {
            if g_used[i] || p_used[j] {
                continue;
            }
            g_used[i] = true;
            p_used[j] = true;
            let (g, p) = (&gold[i], &pred[j]);
            self.overlap += 1;
            self.token_f1 += token_f1(text, g.span, p.span);
            let gu = g.unit.as_deref().and_then(canonical_unit);
            let pu = p.unit.as_deref().and_then(canonical_unit);
            if gu.is_some() {
                self.unit_pairs += 1;
                if gu == pu {
                    self.unit_same += 1;
                }
            }
            if let (Some(ge), Some(pe)) = (g.entity, p.entity) {
                if ge.overlaps(pe) {
                    self.entity_correct += 1;
                }
            }
        }
    }

    fn report(&self, system: &str, documents: usize, bytes: usize) -> QuantitiesReport {
        let rows = (self.gold + self.predicted - self.overlap).max(1) as f64;
        QuantitiesReport {
            system: system.to_string(),
            documents,
            gold: self.gold,
            predicted: self.predicted,
            exact: prf(self.exact, self.predicted, self.gold),
            overlap: prf(self.overlap, self.predicted, self.gold),
            measeval_em: self.exact as f64 / rows,
            measeval_overlap: self.token_f1 / rows,
            unit_accuracy: if self.unit_pairs == 0 {
                0.0
            } else {
                self.unit_same as f64 / self.unit_pairs as f64
            },
            unit_pairs: self.unit_pairs,
            unit: prf(self.unit_same, self.unit_predicted, self.unit_gold),
            entity: prf(self.entity_correct, self.entity_predicted, self.entity_gold),
            bytes,
            mb_per_cpu_second: None,
            figures_mb_per_cpu_second: None,
        }
    }
}

/// Runs Triangulate's pipeline (sentences, entities, attribution, then figures) on
/// every paragraph and scores it; `write` keeps the predictions as `DOCID.tsv` there.
pub fn evaluate(dir: &Path, write: Option<&Path>) -> Result<QuantitiesReport, EvalError> {
    let docs = read(dir)?;
    let annotator = crate::bundled_annotator()?;
    if let Some(w) = write {
        crate::create_dir(w)?;
    }
    // Load what loads lazily (gazetteer, lexicons) before the clock starts.
    let warm = annotator.annotate("Some 5 km were taken, officials said.", Some("en"));
    std::hint::black_box(tri_figures::extract(&tri_figures::Input {
        text: "Some 5 km were taken, officials said.",
        segmented: &warm.segmented,
        entities: &warm.entities,
        attributions: &warm.attributions,
    }));
    let mut counts = Counts::default();
    let mut bytes = 0;
    let mut pipeline_cpu = 0.0;
    let mut have_cpu = true;
    let started = Instant::now();
    let mut annotated = Vec::with_capacity(docs.len());
    for d in &docs {
        bytes += d.text.len();
        let t0 = thread_cpu_seconds();
        let a = annotator.annotate(&d.text, Some("en"));
        let figures = tri_figures::extract(&tri_figures::Input {
            text: &d.text,
            segmented: &a.segmented,
            entities: &a.entities,
            attributions: &a.attributions,
        });
        match (t0, thread_cpu_seconds()) {
            (Some(t0), Some(t1)) => pipeline_cpu += t1 - t0,
            _ => have_cpu = false,
        }
        let pred = quantities(&d.text, &figures);
        if let Some(w) = write {
            let path = w.join(format!("{}.tsv", d.name));
            std::fs::write(&path, write_tsv(&d.name, &d.text, &pred))
                .map_err(|source| EvalError::Io { path, source })?;
        }
        counts.add(&d.text, &d.quantities, &pred);
        annotated.push(a);
    }
    let wall = started.elapsed().as_secs_f64();
    // The figures stage alone, on the same annotations, repeated until it has run for a
    // measurable time.
    let mut stage_cpu = 0.0;
    let mut stage_bytes = 0usize;
    let stage_start = thread_cpu_seconds();
    if let Some(s0) = stage_start {
        while stage_cpu < 0.3 {
            for (d, a) in docs.iter().zip(&annotated) {
                let f = tri_figures::extract(&tri_figures::Input {
                    text: &d.text,
                    segmented: &a.segmented,
                    entities: &a.entities,
                    attributions: &a.attributions,
                });
                std::hint::black_box(f);
                stage_bytes += d.text.len();
            }
            stage_cpu = thread_cpu_seconds().map_or(f64::INFINITY, |t| t - s0);
        }
    }
    let mut report = counts.report("triangulate", docs.len(), bytes);
    let mb = bytes as f64 / 1e6;
    report.mb_per_cpu_second = Some(if have_cpu && pipeline_cpu > 0.0 {
        mb / pipeline_cpu
    } else {
        mb / wall
    });
    report.figures_mb_per_cpu_second = (stage_start.is_some() && stage_cpu.is_finite())
        .then(|| stage_bytes as f64 / 1e6 / stage_cpu);
    Ok(report)
}

/// Scores another system's predictions (`DOCID.tsv` per paragraph in `predictions`, the
/// MeasEval layout; a missing file counts as no predictions).
pub fn score_predictions(
    dir: &Path,
    predictions: &Path,
    system: &str,
) -> Result<QuantitiesReport, EvalError> {
    let docs = read(dir)?;
    let mut counts = Counts::default();
    let mut bytes = 0;
    for d in &docs {
        bytes += d.text.len();
        let path = predictions.join(format!("{}.tsv", d.name));
        let pred = match std::fs::read_to_string(&path) {
            Ok(tsv) => {
                parse_tsv(&tsv, &d.text).map_err(|message| EvalError::Format { path, message })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => return Err(EvalError::Io { path, source }),
        };
        counts.add(&d.text, &d.quantities, &pred);
    }
    Ok(counts.report(system, docs.len(), bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "We measured 5318 participants with a mean age of 54.8 years; 31% were women at ≥16 µm.";

    fn tsv() -> String {
        [
            "docId\tannotSet\tannotType\tstartOffset\tendOffset\tannotId\ttext\tother",
            "D\t1\tQuantity\t12\t29\tT1-1\t5318 participants\t{\"unit\": \"participants\"}",
            "D\t2\tQuantity\t49\t59\tT2-1\t54.8 years\t{\"mods\": [\"IsMean\"], \"unit\": \"years\"}",
            "D\t2\tMeasuredProperty\t39\t47\tT2-2\tmean age\t{\"HasQuantity\": \"T2-1\"}",
            "D\t2\tMeasuredEntity\t12\t29\tT2-3\t5318 participants\t{\"HasProperty\": \"T2-2\"}",
            "D\t3\tQuantity\t61\t64\tT3-1\t31%\t{\"unit\": \"%\"}",
            "D\t3\tMeasuredEntity\t65\t75\tT3-2\twere women\t{\"HasQuantity\": \"T3-1\"}",
            "D\t4\tQuantity\t79\t85\tT4-1\t≥16 µm\t{\"unit\": \"µm\"}",
        ]
        .join("\n")
    }

    #[test]
    fn reads_quantities_units_and_entities_with_byte_offsets() {
        let q = parse_tsv(&tsv(), TEXT).unwrap();
        let got: Vec<(&str, Option<&str>, Option<&str>)> = q
            .iter()
            .map(|q| {
                (
                    q.span.of(TEXT),
                    q.unit.as_deref(),
                    q.entity.map(|e| e.of(TEXT)),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("5318 participants", Some("participants"), None),
                ("54.8 years", Some("years"), Some("5318 participants")),
                ("31%", Some("%"), Some("were women")),
                // Character offsets past "≥" (3 bytes) and "µ" (2 bytes) become bytes.
                ("≥16 µm", Some("µm"), None),
            ]
        );
    }

    #[test]
    fn units_compare_in_one_form() {
        for (a, b) in [
            ("%", "percent"),
            ("µm", "μm"),
            ("km²", "square kilometres"),
            ("days", "day"),
            ("m s−1", "m s-1"),
            ("degree Celsius", "°C"),
            ("participants", "participant"),
        ] {
            assert_eq!(canonical_unit(a), canonical_unit(b), "{a} vs {b}");
        }
        assert_ne!(canonical_unit("K"), canonical_unit("k"));
        assert_ne!(canonical_unit("mm"), canonical_unit("m"));
        assert_eq!(canonical_unit("dimensionless"), None);
    }

    #[test]
    fn scores_exact_overlap_units_and_entities() {
        let gold = parse_tsv(&tsv(), TEXT).unwrap();
        let span = |s: &str| {
            let at = TEXT.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        let pred = vec![
            // Exact, no unit (a count): span right, unit wrong.
            Quantity {
                span: span("5318"),
                unit: None,
                entity: Some(span("participants")),
            },
            // Exact with the unit in another form.
            Quantity {
                span: span("54.8 years"),
                unit: Some("yr".into()),
                entity: None,
            },
            // Overlapping, unit right, entity overlapping the gold one.
            Quantity {
                span: span("31% were"),
                unit: Some("percent".into()),
                entity: Some(span("women")),
            },
            // Spurious.
            Quantity {
                span: span("mean"),
                unit: None,
                entity: None,
            },
        ];
        let mut c = Counts::default();
        c.add(TEXT, &gold, &pred);
        let r = c.report("x", 1, TEXT.len());
        assert_eq!((r.gold, r.predicted), (4, 4));
        assert_eq!((r.exact.p, r.exact.r), (0.25, 0.25));
        assert_eq!((r.overlap.p, r.overlap.r), (0.75, 0.75));
        // Paired: 5318 participants (token F1 2/3), 54.8 years (1), 31% were (2/3).
        // Rows: 3 pairs + 1 unpaired gold + 1 unpaired prediction.
        assert!((r.measeval_overlap - (2.0 / 3.0 + 1.0 + 2.0 / 3.0) / 5.0).abs() < 1e-9);
        assert!((r.measeval_em - 1.0 / 5.0).abs() < 1e-9);
        assert_eq!((r.unit_pairs, r.unit_accuracy), (3, 2.0 / 3.0));
        // Entities: ours on "5318" (gold has none there) and "31%" (right).
        assert_eq!((r.entity.p, r.entity.r), (0.5, 0.5));
    }

    #[test]
    fn written_predictions_read_back() {
        let text = "Nearly 5 µm and 31 people.";
        let q = vec![
            Quantity {
                span: Span::new(0, 12),
                unit: Some("µm".into()),
                entity: None,
            },
            Quantity {
                span: Span::new(17, 19),
                unit: None,
                entity: Some(Span::new(20, 26)),
            },
        ];
        let tsv = write_tsv("D", text, &q);
        assert_eq!(parse_tsv(&tsv, text).unwrap(), q);
    }
}
