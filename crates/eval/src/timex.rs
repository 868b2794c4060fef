//! Temporal expressions on TempEval-3 (UzZaman et al. 2013), in its own TimeML layout: a
//! folder of `.tml` files, each with the document creation time in `<DCT>` and gold
//! `<TIMEX3 type value>` elements in `<TEXT>`.
//!
//! Scores as TempEval-3 Task A defines them: strict (exact span) and relaxed (overlapping
//! span) P/R/F1, and value F1 and type accuracy over the relaxed matches (a prediction
//! counts for value when its span overlaps a gold one and its value is the same).
//! Another system's TimeML files of the same names are scored by the same code.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use tri_model::Span;

use crate::ner::thread_cpu_seconds;
use crate::quotes::Prf;
use crate::EvalError;

/// One TIMEX3 of a document: byte span of the document's plain text, type and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// A TimeML document: its plain text, creation date and TIMEX3s.
#[derive(Debug, Clone)]
pub struct Document {
    pub name: String,
    pub text: String,
    pub dct: Option<chrono::NaiveDate>,
    pub timexes: Vec<Gold>,
}

/// The report of `triangulate eval timex`.
#[derive(Debug, Clone, Serialize)]
pub struct TimexReport {
    pub system: String,
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    pub value: Prf,
    /// Of the relaxed matches, the share with the gold type.
    pub type_accuracy: f64,
    pub bytes: usize,
    pub mb_per_cpu_second: Option<f64>,
}

impl TimexReport {
    /// A Markdown table for a terminal.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{}: {} documents, {} gold TIMEX3, {} predicted\n\n| score | P | R | F1 |\n|---|---:|---:|---:|\n",
            self.system, self.documents, self.gold, self.predicted
        );
        for (name, s) in [
            ("strict span", &self.strict),
            ("relaxed span", &self.relaxed),
            ("value", &self.value),
        ] {
            out += &format!("| {name} | {:.3} | {:.3} | {:.3} |\n", s.p, s.r, s.f1);
        }
        out += &format!(
            "\ntype accuracy {:.3} (of relaxed matches)\n",
            self.type_accuracy
        );
        if let Some(mb) = self.mb_per_cpu_second {
            out += &format!(
                "speed: {mb:.2} MB of text per CPU second (tokens and temporal tagging)\n"
            );
        }
        out
    }
}

/// Reads every `.tml` file of `dir`, sorted by name.
pub fn read(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let xml = std::fs::read_to_string(&path).map_err(io(&path))?;
        let doc = parse(&xml).map_err(|message| EvalError::Format {
            path: path.clone(),
            message,
        })?;
        out.push(Document {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            ..doc
        });
    }
    if out.is_empty() {
        return Err(EvalError::Format {
            path: dir.to_path_buf(),
            message: "no .tml files".into(),
        });
    }
    Ok(out)
}

/// Parses one TimeML document: the text of `<TEXT>` with every tag removed and entities
/// decoded, the TIMEX3s in it, and the date of the creation-time TIMEX3 in `<DCT>`.
pub fn parse(xml: &str) -> Result<Document, String> {
    let dct = xml
        .find("<DCT>")
        .and_then(|at| attr(&xml[at..], "value"))
        .and_then(|v| {
            chrono::NaiveDate::parse_from_str(v.get(..10).unwrap_or(&v), "%Y-%m-%d").ok()
        });
    let start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let end = xml[start..].find("</TEXT>").ok_or("no </TEXT>")? + start;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or("an unclosed tag")?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                if open.is_some() {
                    return Err("nested TIMEX3".into());
                }
                let kind = attr(tag, "type").unwrap_or_default();
                let value = attr(tag, "value").unwrap_or_default();
                open = Some((text.len(), kind, value));
            } else if tag.starts_with("</TIMEX3") {
                let (s, kind, value) = open.take().ok_or("a </TIMEX3> with none open")?;
                timexes.push(Gold {
                    span: Span::new(s, text.len()),
                    kind,
                    value,
                });
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            let (decoded, used) = entity(rest);
            text.push_str(decoded);
            i += used;
        } else {
            let c = rest.chars().next().expect("not empty");
            text.push(c);
            i += c.len_utf8();
        }
    }
    Ok(Document {
        name: String::new(),
        text,
        dct,
        timexes,
    })
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_string())
}

fn entity(s: &str) -> (&'static str, usize) {
    for (name, c) in [
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&apos;", "'"),
    ] {
        if s.starts_with(name) {
            return (c, name.len());
        }
    }
    ("&", 1)
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
    kind: usize,
}

impl Counts {
    fn add(&mut self, gold: &[Gold], pred: &[Gold]) {
        self.gold += gold.len();
        self.predicted += pred.len();
        let mut used = vec![false; pred.len()];
        for g in gold {
            if let Some(j) = (0..pred.len()).find(|&j| !used[j] && pred[j].span == g.span) {
                used[j] = true;
                self.strict += 1;
            }
        }
        let mut used = vec![false; pred.len()];
        for g in gold {
            let hit = (0..pred.len())
                .filter(|&j| !used[j] && pred[j].span.overlaps(g.span))
                .max_by_key(|&j| (pred[j].span == g.span, std::cmp::Reverse(j)));
            if let Some(j) = hit {
                used[j] = true;
                self.relaxed += 1;
                self.value += usize::from(pred[j].value == g.value);
                self.kind += usize::from(pred[j].kind == g.kind);
            }
        }
    }

    fn report(&self, system: &str, documents: usize, bytes: usize) -> TimexReport {
        let prf = |c: usize| {
            let p = if self.predicted == 0 {
                0.0
            } else {
                c as f64 / self.predicted as f64
            };
            let r = if self.gold == 0 {
                0.0
            } else {
                c as f64 / self.gold as f64
            };
            let f1 = if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            };
            Prf { p, r, f1 }
        };
        TimexReport {
            system: system.to_string(),
            documents,
            gold: self.gold,
            predicted: self.predicted,
            strict: prf(self.strict),
            relaxed: prf(self.relaxed),
            value: prf(self.value),
            type_accuracy: if self.relaxed == 0 {
                0.0
            } else {
                self.kind as f64 / self.relaxed as f64
            },
            bytes,
            mb_per_cpu_second: None,
        }
    }
}

/// Tags every document with Triangulate's temporal tagger, anchored at its creation
/// date, and scores it. With `errors`, every miss, spurious match, wrong value and wrong
/// type is written there as a tab-separated line, to read what the rules get wrong.
pub fn evaluate(dir: &Path, errors: Option<&Path>) -> Result<TimexReport, EvalError> {
    let docs = read(dir)?;
    let mut counts = Counts::default();
    let mut error_lines = String::from("document\terror\tgold text\tgold type\tgold value\tour text\tour type\tour value\tcontext\n");
    let mut bytes = 0;
    let mut cpu = 0.0;
    let started = Instant::now();
    for d in &docs {
        bytes += d.text.len();
        let t0 = thread_cpu_seconds();
        let seg = tri_text::segment(&d.text);
        let found = tri_time::tag(&d.text, &seg, d.dct);
        if let (Some(t0), Some(t1)) = (t0, thread_cpu_seconds()) {
            cpu += t1 - t0;
        }
        let pred: Vec<Gold> = found
            .into_iter()
            .map(|t| Gold {
                span: t.span,
                kind: t.kind.as_str().to_string(),
                value: t.value,
            })
            .collect();
        counts.add(&d.timexes, &pred);
        if errors.is_some() {
            error_lines += &mismatches(d, &pred);
        }
    }
    if let Some(path) = errors {
        std::fs::write(path, error_lines).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let mut report = counts.report("triangulate", docs.len(), bytes);
    let seconds = if cpu > 0.0 {
        cpu
    } else {
        started.elapsed().as_secs_f64()
    };
    report.mb_per_cpu_second = Some(bytes as f64 / 1e6 / seconds.max(1e-9));
    Ok(report)
}

/// The mismatches of one document as TSV lines, pairing predictions with gold as the
/// relaxed score does: `missed`, `spurious`, `value` (overlap, other value), `type`, and
/// `span` (right value, other extent).
fn mismatches(d: &Document, pred: &[Gold]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let context = |span: Span| {
        let from = d.text.floor_char_boundary(span.start.saturating_sub(60));
        let to = d.text.ceil_char_boundary((span.end + 60).min(d.text.len()));
        clean(&format!(
            "{}[{}]{}",
            &d.text[from..span.start],
            span.of(&d.text),
            &d.text[span.end..to]
        ))
    };
    let ours = |p: &Gold| format!("{}\t{}\t{}", clean(p.span.of(&d.text)), p.kind, p.value);
    let mut out = String::new();
    let mut used = vec![false; pred.len()];
    for g in &d.timexes {
        let hit = (0..pred.len())
            .filter(|&j| !used[j] && pred[j].span.overlaps(g.span))
            .max_by_key(|&j| (pred[j].span == g.span, std::cmp::Reverse(j)));
        let gold_cols = format!("{}\t{}\t{}", clean(g.span.of(&d.text)), g.kind, g.value);
        match hit {
            None => {
                out += &format!(
                    "{}\tmissed\t{gold_cols}\t\t\t\t{}\n",
                    d.name,
                    context(g.span)
                )
            }
            Some(j) => {
                used[j] = true;
                let p = &pred[j];
                let error = if p.value != g.value {
                    "value"
                } else if p.kind != g.kind {
                    "type"
                } else if p.span != g.span {
                    "span"
                } else {
                    continue;
                };
                out += &format!(
                    "{}\t{error}\t{gold_cols}\t{}\t{}\n",
                    d.name,
                    ours(p),
                    context(g.span)
                );
            }
        }
    }
    for p in pred.iter().zip(&used).filter(|(_, u)| !**u).map(|(p, _)| p) {
        out += &format!(
            "{}\tspurious\t\t\t\t{}\t{}\n",
            d.name,
            ours(p),
            context(p.span)
        );
    }
    out
}

/// Scores another system's TimeML files (same names, same text) against the gold.
pub fn score_predictions(
    dir: &Path,
    predictions: &Path,
    system: &str,
) -> Result<TimexReport, EvalError> {
    let docs = read(dir)?;
    let mut counts = Counts::default();
    let mut bytes = 0;
    for d in &docs {
        bytes += d.text.len();
        let path = predictions.join(&d.name);
        let pred = match std::fs::read_to_string(&path) {
            Ok(xml) => {
                let p = parse(&xml).map_err(|message| EvalError::Format {
                    path: path.clone(),
                    message,
                })?;
                if p.text != d.text {
                    return Err(EvalError::Format {
                        path,
                        message: "its text differs from the gold file's".into(),
                    });
                }
                p.timexes
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => return Err(EvalError::Io { path, source }),
        };
        counts.add(&d.timexes, &pred);
    }
    Ok(counts.report(system, docs.len(), bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nSales &amp; profits <EVENT eid=\"e1\">fell</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> after <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3M\">three months</TIMEX3>.\n</TEXT></TimeML>";

    #[test]
    fn reads_text_creation_time_and_timexes() {
        let d = parse(DOC).unwrap();
        assert_eq!(
            d.text,
            "\nSales & profits fell yesterday after three months.\n"
        );
        assert_eq!(d.dct, chrono::NaiveDate::from_ymd_opt(1998, 1, 8));
        let got: Vec<(&str, &str, &str)> = d
            .timexes
            .iter()
            .map(|t| (t.span.of(&d.text), t.kind.as_str(), t.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("yesterday", "DATE", "1998-01-07"),
                ("three months", "DURATION", "P3M")
            ]
        );
    }

    #[test]
    fn lists_each_mismatch_with_its_context() {
        let d = parse(DOC).unwrap();
        let g = &d.timexes;
        let pred = vec![
            g[0].clone(),
            Gold {
                value: "P3Y".into(),
                ..g[1].clone()
            },
            Gold {
                span: Span::new(1, 6),
                kind: "DATE".into(),
                value: "1998".into(),
            },
        ];
        let lines: Vec<Vec<String>> = mismatches(&d, &pred)
            .lines()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines[0][..8],
            [
                "",
                "value",
                "three months",
                "DURATION",
                "P3M",
                "three months",
                "DURATION",
                "P3Y"
            ]
        );
        assert!(lines[0][8].contains("after [three months]."));
        assert_eq!(lines[1][1], "spurious");
        assert_eq!(lines[1][5], "Sales");
    }

    #[test]
    fn scores_strict_relaxed_and_value() {
        let d = parse(DOC).unwrap();
        let g = &d.timexes;
        // Exact and right; overlapping with a wrong value; one spurious.
        let pred = vec![
            g[0].clone(),
            Gold {
                span: Span::new(g[1].span.start, g[1].span.start + 5),
                kind: "DURATION".into(),
                value: "P3Y".into(),
            },
            Gold {
                span: Span::new(1, 6),
                kind: "DATE".into(),
                value: "1998".into(),
            },
        ];
        let mut c = Counts::default();
        c.add(g, &pred);
        let r = c.report("x", 1, 0);
        assert_eq!((r.strict.p, r.strict.r), (1.0 / 3.0, 0.5));
        assert_eq!((r.relaxed.p, r.relaxed.r), (2.0 / 3.0, 1.0));
        assert_eq!((r.value.p, r.value.r), (1.0 / 3.0, 0.5));
        assert_eq!(r.type_accuracy, 1.0);
    }
}
