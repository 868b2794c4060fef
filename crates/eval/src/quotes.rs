//! Quotes and attribution on PolNeAR (Newell, Margolin and Ruths 2018), in its own brat
//! standoff layout: a folder with `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`
//! (`Source`, `Cue` and `Content` spans tied by `Attribution` relations; character
//! offsets; a span may have several `;`-separated fragments).
//!
//! Scores, as `../shared/data/README.md` defines them: exact and overlap span P/R/F1 for
//! source, cue and content; attribution P/R/F1, where a predicted attribution counts when
//! its cue overlaps a gold one's and so do its content and source (or both have no
//! source); and speaker accuracy: of the gold attributions with a source whose content a
//! prediction overlaps, the share whose predicted source overlaps the gold source.
//! Articles with several annotators' files are scored on the first, by name.
//!
//! The same scorer reads another system's predictions in the same layout (`NAME.ann`),
//! so peers are measured by the same code.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use tri_model::{Attributions, QuoteKind, Span};

use crate::ner::thread_cpu_seconds;
use crate::EvalError;

/// One attribution: each role's fragments as byte spans of the article text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relation {
    /// Who it is attributed to; empty when nobody is named.
    pub source: Vec<Span>,
    /// The attributing words.
    pub cue: Vec<Span>,
    /// What is attributed.
    pub content: Vec<Span>,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    fn new(correct_p: usize, predicted: usize, correct_r: usize, gold: usize) -> Prf {
        let p = if predicted == 0 {
            0.0
        } else {
            correct_p as f64 / predicted as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            correct_r as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf { p, r, f1 }
    }
}

/// Exact and overlap scores of one role's spans.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct SpanScores {
    pub exact: Prf,
    pub overlap: Prf,
}

/// The report of `triangulate eval quotes`.
#[derive(Debug, Clone, Serialize)]
pub struct QuotesReport {
    pub system: String,
    pub articles: usize,
    pub gold_attributions: usize,
    pub predicted_attributions: usize,
    pub content: SpanScores,
    pub source: SpanScores,
    pub cue: SpanScores,
    pub attribution: Prf,
    pub speaker_accuracy: f64,
    /// Gold attributions with a source whose content was found: the base of
    /// `speaker_accuracy`.
    pub speaker_matched: usize,
    /// Bytes of article text.
    pub bytes: usize,
    /// Whole pipeline (tokens, entities, attribution) per CPU second of its thread.
    pub mb_per_cpu_second: Option<f64>,
    /// The attribution stage alone, given tokens and entities.
    pub attribution_mb_per_cpu_second: Option<f64>,
}

impl QuotesReport {
    /// A Markdown table for a terminal.
    pub fn table(&self) -> String {
        let row = |name: &str, s: &SpanScores| {
            format!(
                "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
                s.exact.p, s.exact.r, s.exact.f1, s.overlap.p, s.overlap.r, s.overlap.f1
            )
        };
        let mut out = format!(
            "{}: {} articles, {} gold attributions, {} predicted\n\n| span | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |\n|---|---:|---:|---:|---:|---:|---:|\n",
            self.system, self.articles, self.gold_attributions, self.predicted_attributions
        );
        out += &row("content (quote)", &self.content);
        out += &row("source", &self.source);
        out += &row("cue", &self.cue);
        out += &format!(
            "\nattribution P {:.3} R {:.3} F1 {:.3}; speaker accuracy {:.3} (of {} found quotes with a gold source)\n",
            self.attribution.p, self.attribution.r, self.attribution.f1, self.speaker_accuracy, self.speaker_matched
        );
        if let Some(mb) = self.mb_per_cpu_second {
            out += &format!("speed: {mb:.2} MB of text per CPU second (whole pipeline)");
            if let Some(a) = self.attribution_mb_per_cpu_second {
                out += &format!(", {a:.1} MB per CPU second (attribution stage alone)");
            }
            out += "\n";
        }
        out
    }
}

/// One article of the data set: its text and gold attributions.
pub struct Article {
    pub name: String,
    pub text: String,
    pub gold: Vec<Relation>,
}

/// Reads a PolNeAR-layout folder.
pub fn read(dir: &Path) -> Result<Vec<Article>, EvalError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = list(&text_dir)?
        .into_iter()
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    let mut anns = list(&ann_dir)?;
    anns.sort();
    let mut out = Vec::new();
    for name in names {
        let path = text_dir.join(format!("{name}.txt"));
        let text = read_text(&path)?;
        let prefix = format!("{name}_");
        let Some(ann) = anns
            .iter()
            .find(|a| a.starts_with(&prefix) && a.ends_with(".ann"))
        else {
            continue;
        };
        let ann_path = ann_dir.join(ann);
        let gold =
            parse_ann(&read_text(&ann_path)?, &text).map_err(|message| EvalError::Format {
                path: ann_path.clone(),
                message,
            })?;
        out.push(Article { name, text, gold });
    }
    if out.is_empty() {
        return Err(EvalError::Format {
            path: dir.to_path_buf(),
            message: "no text/NAME.txt with an attributions/NAME_*.ann".into(),
        });
    }
    Ok(out)
}

fn list(dir: &Path) -> Result<Vec<String>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Parses brat standoff into relations with byte spans of `text`.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<Relation>, String> {
    // Character offset → byte offset.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let to_byte = |c: usize| {
        byte_at
            .get(c)
            .copied()
            .ok_or(format!("offset {c} is past the text"))
    };
    let mut spans: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') && id[1..].bytes().all(|b| b.is_ascii_digit()) {
            let Some((_, ranges)) = body.split_once(' ') else {
                return Err(format!("{id}: no offsets"));
            };
            let mut frags = Vec::new();
            for range in ranges.split(';') {
                let mut it = range.split_whitespace();
                let (Some(a), Some(b)) = (it.next(), it.next()) else {
                    return Err(format!("{id}: bad range {range:?}"));
                };
                let a: usize = a.parse().map_err(|_| format!("{id}: bad offset {a:?}"))?;
                let b: usize = b.parse().map_err(|_| format!("{id}: bad offset {b:?}"))?;
                if b < a {
                    return Err(format!("{id}: range ends before it starts"));
                }
                frags.push(Span::new(to_byte(a)?, to_byte(b)?));
            }
            spans.insert(id.to_string(), frags);
        } else if id.starts_with('E') {
            relations.push(body.to_string());
        }
    }
    let mut out = Vec::new();
    for body in relations {
        let mut rel = Relation::default();
        for arg in body.split_whitespace().skip(1) {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let frags = spans.get(id).cloned().unwrap_or_default();
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => rel.source.extend(frags),
                "Cue" => rel.cue.extend(frags),
                "Content" => rel.content.extend(frags),
                _ => {}
            }
        }
        if !rel.content.is_empty() || !rel.cue.is_empty() {
            out.push(rel);
        }
    }
    Ok(out)
}

/// Our attributions as PolNeAR relations: direct quotes with their quotation marks,
/// quoted phrases inside reported speech left to that speech, and a quote whose speaker
/// is not named beside it pointing at the speaker's last mention before it.
pub fn relations(text: &str, at: &Attributions) -> Vec<Relation> {
    let reported: Vec<Span> = at
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Direct)
        .map(|q| q.extent())
        .collect();
    let mut out = Vec::new();
    for q in &at.quotes {
        if q.fragment && reported.iter().any(|r| r.overlaps(q.extent())) {
            continue;
        }
        // PolNeAR annotates an attribution with its cue; a quote we only continue from
        // the one before has none to compare.
        if q.cue.is_none() {
            continue;
        }
        let content = q
            .parts
            .iter()
            .map(|&p| match q.kind {
                QuoteKind::Direct => with_marks(text, p),
                _ => polnear_clause(text, p),
            })
            .collect();
        let source = match (q.speaker, q.source) {
            (Some(s), _) => vec![s],
            (None, Some(s)) => at.sources[s]
                .mentions
                .iter()
                .rev()
                .find(|m| m.start < q.extent().start)
                .map(|&m| vec![m])
                .unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        out.push(Relation {
            source,
            cue: q.cue.into_iter().collect(),
            content,
        });
    }
    out
}

/// Reported speech as PolNeAR annotates it: with its complementizer ("that he would
/// not ...") and, when it ends inside a quoted phrase, with the closing punctuation and
/// mark (`will "compete vigorously."`). Our spans leave both out, as a reader wants them.
fn polnear_clause(text: &str, p: Span) -> Span {
    let mut s = p;
    if let Some(rest) = text[..s.start].strip_suffix("that ") {
        if rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()) {
            s.start -= "that ".len();
        }
    }
    let inner = &text[s.start..s.end];
    let curly_open = inner.matches('\u{201C}').count() > inner.matches('\u{201D}').count();
    let straight_open = inner.matches('"').count() % 2 == 1;
    if curly_open || straight_open {
        let tail = &text[s.end..];
        let punct: usize = tail
            .chars()
            .take_while(|c| matches!(c, '.' | ',' | '!' | '?' | '\u{201D}' | '"'))
            .map(char::len_utf8)
            .sum();
        if tail[..punct].contains(['\u{201D}', '"']) {
            s.end += punct;
        }
    }
    s
}

fn with_marks(text: &str, p: Span) -> Span {
    let is_mark = |c: char| {
        matches!(
            c,
            '"' | '\u{201C}'
                | '\u{201D}'
                | '\u{201E}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{00AB}'
                | '\u{00BB}'
        )
    };
    let mut s = p;
    // ''Two apostrophes'' as one mark.
    if text[..s.start].ends_with("''") {
        s.start -= 2;
    } else if let Some(c) = text[..s.start].chars().next_back().filter(|&c| is_mark(c)) {
        s.start -= c.len_utf8();
    }
    if text[s.end..].starts_with("''") {
        s.end += 2;
    } else if let Some(c) = text[s.end..].chars().next().filter(|&c| is_mark(c)) {
        s.end += c.len_utf8();
    }
    s
}

/// Writes relations in brat standoff with character offsets, the layout `--predictions`
/// reads.
pub fn write_ann(text: &str, relations: &[Relation]) -> String {
    let char_of = |b: usize| text[..b].chars().count();
    let mut out = String::new();
    let mut t = 0;
    for (e, r) in relations.iter().enumerate() {
        let mut args = Vec::new();
        for (role, frags) in [
            ("Source", &r.source),
            ("Cue", &r.cue),
            ("Content", &r.content),
        ] {
            if frags.is_empty() {
                continue;
            }
            t += 1;
            let ranges: Vec<String> = frags
                .iter()
                .map(|f| format!("{} {}", char_of(f.start), char_of(f.end)))
                .collect();
            let words: Vec<&str> = frags.iter().map(|f| f.of(text)).collect();
            out += &format!(
                "T{t}\t{role} {}\t{}\n",
                ranges.join(";"),
                words.join(" ").replace('\n', " ")
            );
            args.push(format!("{role}:T{t}"));
        }
        let trigger = args
            .iter()
            .find(|a| a.starts_with("Cue:"))
            .or(args.first())
            .and_then(|a| a.split(':').nth(1))
            .unwrap_or("T0");
        out += &format!("E{}\tAttribution:{trigger} {}\n", e + 1, args.join(" "));
    }
    out
}

fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

fn extent(text: &str, frags: &[Span]) -> Option<(usize, usize)> {
    let start = frags.iter().map(|s| s.start).min()?;
    let end = frags.iter().map(|s| s.end).max()?;
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    Some((start + lead, start + lead + s.trim().len()))
}

#[derive(Default)]
struct Counts {
    exact: [usize; 3],
    overlap_p: [usize; 3],
    overlap_r: [usize; 3],
    gold: [usize; 3],
    predicted: [usize; 3],
    attribution_correct: usize,
    gold_attributions: usize,
    predicted_attributions: usize,
    speaker_matched: usize,
    speaker_correct: usize,
}

impl Counts {
    fn add(&mut self, text: &str, gold: &[Relation], pred: &[Relation]) {
        self.gold_attributions += gold.len();
        self.predicted_attributions += pred.len();
        for (role, pick) in [
            |r: &Relation| r.content.clone(),
            |r: &Relation| r.source.clone(),
            |r: &Relation| r.cue.clone(),
        ]
        .iter()
        .enumerate()
        {
            let mut g: Vec<Vec<Span>> = gold.iter().map(pick).filter(|v| !v.is_empty()).collect();
            let mut p: Vec<Vec<Span>> = pred.iter().map(pick).filter(|v| !v.is_empty()).collect();
            g.sort();
            g.dedup();
            p.sort();
            p.dedup();
            self.gold[role] += g.len();
            self.predicted[role] += p.len();
            let ge: Vec<_> = g.iter().filter_map(|f| extent(text, f)).collect();
            let mut used = vec![false; p.len()];
            for e in &ge {
                if let Some(j) =
                    (0..p.len()).find(|&j| !used[j] && extent(text, &p[j]).as_ref() == Some(e))
                {
                    used[j] = true;
                    self.exact[role] += 1;
                }
            }
            self.overlap_r[role] += g
                .iter()
                .filter(|x| p.iter().any(|y| overlaps(x, y)))
                .count();
            self.overlap_p[role] += p
                .iter()
                .filter(|y| g.iter().any(|x| overlaps(x, y)))
                .count();
        }
        let mut used = vec![false; pred.len()];
        for g in gold {
            let hit = (0..pred.len()).find(|&j| {
                let p = &pred[j];
                !used[j]
                    && overlaps(&g.cue, &p.cue)
                    && overlaps(&g.content, &p.content)
                    && (overlaps(&g.source, &p.source)
                        || (g.source.is_empty() && p.source.is_empty()))
            });
            if let Some(j) = hit {
                used[j] = true;
                self.attribution_correct += 1;
            }
        }
        // Speaker accuracy: pair gold and predicted contents one to one, largest overlap
        // first, then check the sources.
        let overlap_len = |a: &[Span], b: &[Span]| -> usize {
            a.iter()
                .flat_map(|x| b.iter().map(move |y| (x, y)))
                .map(|(x, y)| x.end.min(y.end).saturating_sub(x.start.max(y.start)))
                .sum()
        };
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, g) in gold
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.source.is_empty())
        {
            for (j, p) in pred.iter().enumerate() {
                let o = overlap_len(&g.content, &p.content);
                if o > 0 {
                    pairs.push((o, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut gold_used = vec![false; gold.len()];
        let mut pred_used = vec![false; pred.len()];
        for (_, i, j) in pairs {
            if gold_used[i] || pred_used[j] {
                continue;
            }
            gold_used[i] = true;
            pred_used[j] = true;
            self.speaker_matched += 1;
            if overlaps(&gold[i].source, &pred[j].source) {
                self.speaker_correct += 1;
            }
        }
    }

    fn report(&self, system: String, articles: usize, bytes: usize) -> QuotesReport {
        let scores = |role: usize| SpanScores {
            exact: Prf::new(
                self.exact[role],
                self.predicted[role],
                self.exact[role],
                self.gold[role],
            ),
            overlap: Prf::new(
                self.overlap_p[role],
                self.predicted[role],
                self.overlap_r[role],
                self.gold[role],
            ),
        };
        QuotesReport {
            system,
            articles,
            gold_attributions: self.gold_attributions,
            predicted_attributions: self.predicted_attributions,
            content: scores(0),
            source: scores(1),
            cue: scores(2),
            attribution: Prf::new(
                self.attribution_correct,
                self.predicted_attributions,
                self.attribution_correct,
                self.gold_attributions,
            ),
            speaker_accuracy: if self.speaker_matched == 0 {
                0.0
            } else {
                self.speaker_correct as f64 / self.speaker_matched as f64
            },
            speaker_matched: self.speaker_matched,
            bytes,
            mb_per_cpu_second: None,
            attribution_mb_per_cpu_second: None,
        }
    }
}

/// Runs Triangulate's pipeline on every article and scores it; `write` keeps the
/// predictions as `NAME.ann` files there.
pub fn evaluate(dir: &Path, write: Option<&Path>) -> Result<QuotesReport, EvalError> {
    let articles = read(dir)?;
    let annotator = crate::bundled_annotator()?;
    if let Some(w) = write {
        crate::create_dir(w)?;
    }
    let mut counts = Counts::default();
    let mut bytes = 0;
    let mut pipeline_cpu = 0.0;
    let mut stage_cpu = 0.0;
    let mut have_cpu = true;
    let started = Instant::now();
    for a in &articles {
        bytes += a.text.len();
        let t0 = thread_cpu_seconds();
        let annotated = annotator.annotate(&a.text, Some("en"));
        let t1 = thread_cpu_seconds();
        // The stage alone, again on the same tokens and entities.
        let again = tri_attribution::attribute(
            &tri_attribution::Input {
                text: &a.text,
                segmented: &annotated.segmented,
                entities: &annotated.entities,
                outlet: None,
                title: None,
            },
            tri_gazetteer::Gazetteer::embedded(),
        );
        let t2 = thread_cpu_seconds();
        debug_assert_eq!(again, annotated.attributions);
        match (t0, t1, t2) {
            (Some(t0), Some(t1), Some(t2)) => {
                pipeline_cpu += t1 - t0;
                stage_cpu += t2 - t1;
            }
            _ => have_cpu = false,
        }
        let pred = relations(&a.text, &annotated.attributions);
        if let Some(w) = write {
            let path = w.join(format!("{}.ann", a.name));
            std::fs::write(&path, write_ann(&a.text, &pred))
                .map_err(|source| EvalError::Io { path, source })?;
        }
        counts.add(&a.text, &a.gold, &pred);
    }
    let wall = started.elapsed().as_secs_f64();
    let mut report = counts.report("triangulate".into(), articles.len(), bytes);
    let mb = bytes as f64 / 1e6;
    report.mb_per_cpu_second = Some(if have_cpu && pipeline_cpu > 0.0 {
        mb / pipeline_cpu
    } else {
        mb / wall
    });
    report.attribution_mb_per_cpu_second = (have_cpu && stage_cpu > 0.0).then(|| mb / stage_cpu);
    Ok(report)
}

/// Scores another system's predictions (`NAME.ann` per article in `predictions`; a
/// missing file counts as no predictions).
pub fn score_predictions(
    dir: &Path,
    predictions: &Path,
    system: &str,
) -> Result<QuotesReport, EvalError> {
    let articles = read(dir)?;
    let mut counts = Counts::default();
    let mut bytes = 0;
    for a in &articles {
        bytes += a.text.len();
        let path = predictions.join(format!("{}.ann", a.name));
        let pred = match std::fs::read_to_string(&path) {
            Ok(ann) => {
                parse_ann(&ann, &a.text).map_err(|message| EvalError::Format { path, message })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => return Err(EvalError::Io { path, source }),
        };
        counts.add(&a.text, &a.gold, &pred);
    }
    Ok(counts.report(system.to_string(), articles.len(), bytes))
}
