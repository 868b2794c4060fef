//! `triangulate eval events`: event coding on PLOVER gold standard records.
//!
//! The data is a JSON array of records in the layout of the PLOVER project's
//! `PLOVER_GSR_CAMEO.json`: each has a sentence `text`, its gold `event` category, and
//! `source` and `target` lists of actors (`actorText`, `code`). Records without text
//! (the file's `DOCUMENT` entries) are skipped.
//!
//! Each sentence goes through the whole pipeline on its own. Its *main* event is the one
//! the events stage marks as the sentence's main event (`Event::main`): a gold record
//! codes the sentence's one event.
//!
//! Scores:
//! - **type accuracy**: the share of records whose main event has the gold category (no
//!   event counts as wrong). Gold categories named as in earlier PLOVER drafts are read
//!   as the manual's Table 7.1 maps them (DEMAND is REQUEST, DISAPPROVE and INVESTIGATE
//!   are ACCUSE, FIGHT is ASSAULT).
//! - **macro F1** over the gold categories present, from per-category precision and
//!   recall of the main events.
//! - **actor and recipient accuracy**, over the records whose gold lists one: the main
//!   event's actor (recipient) is right when one of its participants shares a content
//!   word with a gold `actorText`, or has the gold country code. The strict figure
//!   counts the word match alone.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use tri_model::{Event, EventType, Participant};

use crate::EvalError;

/// One gold record.
#[derive(Debug, Clone)]
pub struct Record {
    /// The record's id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// The gold category, as PLOVER 2.0 names it.
    pub kind: EventType,
    /// The gold actors.
    pub source: Vec<Actor>,
    /// The gold recipients.
    pub target: Vec<Actor>,
}

/// A gold actor.
#[derive(Debug, Clone)]
pub struct Actor {
    /// As written in the sentence.
    pub text: String,
    /// Country or PLOVER code ("USA", "IGO").
    pub code: Option<String>,
}

/// Precision, recall and F1 of one category.
#[derive(Debug, Clone, Serialize)]
pub struct TypeScore {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// Gold records of the category.
    pub gold: usize,
    /// Main events coded with it.
    pub predicted: usize,
    /// Both.
    pub matched: usize,
}

/// Accuracy of one argument.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArgumentScore {
    /// Records whose gold has the argument.
    pub records: usize,
    /// Right by words or code.
    pub correct: usize,
    /// Right by words alone.
    pub correct_by_words: usize,
    /// `correct / records`.
    pub accuracy: f64,
    /// `correct_by_words / records`.
    pub accuracy_by_words: f64,
}

/// The report of `triangulate eval events`.
#[derive(Debug, Clone, Serialize)]
pub struct EventsReport {
    /// The system scored.
    pub system: String,
    /// Records scored.
    pub records: usize,
    /// Records whose sentence got no event.
    pub no_event: usize,
    /// Main-event category accuracy.
    pub type_accuracy: f64,
    /// Macro F1 over the gold categories.
    pub macro_f1: f64,
    /// Per gold category.
    pub per_type: BTreeMap<String, TypeScore>,
    /// Actor accuracy.
    pub actor: ArgumentScore,
    /// Recipient accuracy.
    pub recipient: ArgumentScore,
    /// Bytes of sentence text.
    pub bytes: usize,
    /// The whole pipeline per CPU second.
    pub mb_per_cpu_second: Option<f64>,
    /// The events stage alone, given the other annotations.
    pub events_mb_per_cpu_second: Option<f64>,
}

impl EventsReport {
    /// A Markdown table for a terminal.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{}: {} records ({} with no event coded)\n\nevent type accuracy {:.3}, macro F1 {:.3}\nactor accuracy {:.3} (words only {:.3}) of {}\nrecipient accuracy {:.3} (words only {:.3}) of {}\n\n| category | P | R | F1 | gold |\n|---|---:|---:|---:|---:|\n",
            self.system,
            self.records,
            self.no_event,
            self.type_accuracy,
            self.macro_f1,
            self.actor.accuracy,
            self.actor.accuracy_by_words,
            self.actor.records,
            self.recipient.accuracy,
            self.recipient.accuracy_by_words,
            self.recipient.records,
        );
        for (k, s) in &self.per_type {
            out += &format!(
                "| {k} | {:.3} | {:.3} | {:.3} | {} |\n",
                s.p, s.r, s.f1, s.gold
            );
        }
        if let Some(mb) = self.mb_per_cpu_second {
            out += &format!("\nspeed: {mb:.2} MB of text per CPU second (whole pipeline)");
            if let Some(e) = self.events_mb_per_cpu_second {
                out += &format!(", {e:.1} MB per CPU second (events stage alone)");
            }
            out += "\n";
        }
        out
    }
}

fn actors(v: Option<&serde_json::Value>) -> Vec<Actor> {
    let list = match v {
        Some(serde_json::Value::Array(a)) => a.clone(),
        Some(o @ serde_json::Value::Object(_)) => vec![o.clone()],
        _ => Vec::new(),
    };
    list.iter()
        .filter_map(|a| {
            let text = a.get("actorText")?.as_str()?.trim().to_string();
            let code = a
                .get("code")
                .and_then(|c| c.as_str())
                .map(str::trim)
                .filter(|c| !c.is_empty() && *c != "---")
                .map(str::to_string);
            (!text.is_empty()).then_some(Actor { text, code })
        })
        .collect()
}

/// Reads a PLOVER gold standard file.
pub fn read(path: &Path) -> Result<Vec<Record>, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let format = |message: String| EvalError::Format {
        path: path.to_path_buf(),
        message,
    };
    let value: serde_json::Value =
        serde_json::from_str(&raw).map_err(|e| format(format!("not JSON: {e}")))?;
    let list = value
        .as_array()
        .ok_or_else(|| format("expected a JSON array of records".into()))?;
    let mut out = Vec::new();
    for (i, r) in list.iter().enumerate() {
        let Some(text) = r.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let name = r.get("event").and_then(|e| e.as_str()).unwrap_or("");
        let Some(kind) = EventType::parse(name) else {
            return Err(format(format!(
                "record {i}: event category {name:?} is not a PLOVER category"
            )));
        };
        out.push(Record {
            id: r
                .get("id")
                .and_then(|v| v.as_str())
                .map_or_else(|| format!("record-{i}"), str::to_string),
            text: text.to_string(),
            kind,
            source: actors(r.get("source")),
            target: actors(r.get("target")),
        });
    }
    if out.is_empty() {
        return Err(format("no records with a text".into()));
    }
    Ok(out)
}

/// The event a coder codes for the sentence: the one the stage marks its main event
/// (events stored by older versions have no mark: the first with a verb trigger).
pub fn main_event<'e>(text: &str, events: &'e [Event]) -> Option<&'e Event> {
    if let Some(e) = events.iter().find(|e| e.main) {
        return Some(e);
    }
    let is_verb = |e: &&Event| {
        let w = e.trigger.of(text).to_ascii_lowercase();
        w.ends_with("ed") || w.ends_with("ing") || w.contains(' ') || e.text.len() > w.len()
    };
    events.iter().find(is_verb).or_else(|| events.first())
}

fn prediction_row(record: &Record, main: Option<&Event>, events: &[Event]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n'], " ");
    let all: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\n",
        clean(&record.id),
        record.kind.as_str(),
        main.map_or("-", |e| e.kind.as_str()),
        main.map_or(String::new(), |e| clean(e.trigger.of(&record.text))),
        all.join(","),
        clean(&record.text)
    )
}

const STOP: &[&str] = &[
    "the", "of", "and", "a", "an", "its", "his", "her", "their", "for",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// (right by words or code, right by words).
fn argument_matches(ours: &[Participant], gold: &[Actor]) -> (bool, bool) {
    let mut by_words = false;
    let mut by_code = false;
    for p in ours {
        let mine: Vec<String> = words(&p.text).into_iter().chain(words(&p.name)).collect();
        for g in gold {
            if words(&g.text).iter().any(|w| mine.contains(w)) {
                by_words = true;
            }
            if g.code.is_some() && g.code == p.code {
                by_code = true;
            }
        }
    }
    (by_words || by_code, by_words)
}

#[derive(Default)]
struct Counts {
    records: usize,
    no_event: usize,
    correct: usize,
    gold: BTreeMap<EventType, usize>,
    predicted: BTreeMap<EventType, usize>,
    tp: BTreeMap<EventType, usize>,
    actor: ArgumentScore,
    recipient: ArgumentScore,
}

impl Counts {
    fn add(&mut self, record: &Record, main: Option<&Event>) {
        self.records += 1;
        *self.gold.entry(record.kind).or_default() += 1;
        let Some(e) = main else {
            self.no_event += 1;
            if !record.source.is_empty() {
                self.actor.records += 1;
            }
            if !record.target.is_empty() {
                self.recipient.records += 1;
            }
            return;
        };
        *self.predicted.entry(e.kind).or_default() += 1;
        if e.kind == record.kind {
            self.correct += 1;
            *self.tp.entry(e.kind).or_default() += 1;
        }
        for (score, ours, gold) in [
            (&mut self.actor, &e.actor, &record.source),
            (&mut self.recipient, &e.recipient, &record.target),
        ] {
            if gold.is_empty() {
                continue;
            }
            score.records += 1;
            let (any, by_words) = argument_matches(ours, gold);
            score.correct += usize::from(any);
            score.correct_by_words += usize::from(by_words);
        }
    }

    fn report(mut self, system: &str, bytes: usize) -> EventsReport {
        let mut per_type = BTreeMap::new();
        let mut f1_sum = 0.0;
        for (&k, &gold) in &self.gold {
            let tp = self.tp.get(&k).copied().unwrap_or(0);
            let pred = self.predicted.get(&k).copied().unwrap_or(0);
            let p = if pred == 0 {
                0.0
            } else {
                tp as f64 / pred as f64
            };
            let r = tp as f64 / gold as f64;
            let f1 = if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            };
            f1_sum += f1;
            per_type.insert(
                k.as_str().to_string(),
                TypeScore {
                    p,
                    r,
                    f1,
                    gold,
                    predicted: pred,
                    matched: tp,
                },
            );
        }
        for s in [&mut self.actor, &mut self.recipient] {
            s.accuracy = ratio(s.correct, s.records);
            s.accuracy_by_words = ratio(s.correct_by_words, s.records);
        }
        EventsReport {
            system: system.to_string(),
            records: self.records,
            no_event: self.no_event,
            type_accuracy: ratio(self.correct, self.records),
            macro_f1: if self.gold.is_empty() {
                0.0
            } else {
                f1_sum / self.gold.len() as f64
            },
            per_type,
            actor: self.actor,
            recipient: self.recipient,
            bytes,
            mb_per_cpu_second: None,
            events_mb_per_cpu_second: None,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Runs the pipeline on every record's sentence and scores the main events. With
/// `predictions`, every record's outcome is written there as TSV (id, gold, ours, main
/// trigger, every category coded in the sentence, text) to read the errors.
pub fn evaluate(path: &Path, predictions: Option<&Path>) -> Result<EventsReport, EvalError> {
    let records = read(path)?;
    let annotator = crate::bundled_annotator()?;
    std::hint::black_box(annotator.annotate("Police arrested protesters in Cairo.", Some("en")));
    let mut counts = Counts::default();
    let mut bytes = 0;
    let mut cpu = 0.0;
    let mut have_cpu = true;
    let started = Instant::now();
    let mut annotated = Vec::with_capacity(records.len());
    let mut rows = String::from("id\tgold\tours\ttrigger\tall\ttext\n");
    for r in &records {
        bytes += r.text.len();
        let t0 = crate::ner::thread_cpu_seconds();
        let a = annotator.annotate(&r.text, Some("en"));
        match (t0, crate::ner::thread_cpu_seconds()) {
            (Some(t0), Some(t1)) => cpu += t1 - t0,
            _ => have_cpu = false,
        }
        let main = main_event(&r.text, &a.events);
        if predictions.is_some() {
            rows.push_str(&prediction_row(r, main, &a.events));
        }
        counts.add(r, main);
        annotated.push(a);
    }
    let wall = started.elapsed().as_secs_f64();
    if let Some(out) = predictions {
        std::fs::write(out, rows).map_err(|e| EvalError::Io {
            path: out.to_path_buf(),
            source: e,
        })?;
    }
    let mut stage_cpu = 0.0;
    let mut stage_bytes = 0usize;
    let gazetteer = tri_gazetteer::Gazetteer::embedded();
    let stage_start = crate::ner::thread_cpu_seconds();
    if let Some(s0) = stage_start {
        while stage_cpu < 0.3 {
            for (r, a) in records.iter().zip(&annotated) {
                std::hint::black_box(tri_events::extract(&tri_events::Input {
                    text: &r.text,
                    segmented: &a.segmented,
                    entities: &a.entities,
                    attributions: &a.attributions,
                    chronology: &a.chronology,
                    gazetteer,
                }));
                stage_bytes += r.text.len();
            }
            stage_cpu = crate::ner::thread_cpu_seconds().map_or(f64::INFINITY, |t| t - s0);
        }
    }
    let mut report = counts.report("triangulate", bytes);
    let mb = bytes as f64 / 1e6;
    report.mb_per_cpu_second = Some(if have_cpu && cpu > 0.0 {
        mb / cpu
    } else {
        mb / wall
    });
    report.events_mb_per_cpu_second = (stage_start.is_some() && stage_cpu.is_finite())
        .then(|| stage_bytes as f64 / 1e6 / stage_cpu);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(json: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), json).unwrap();
        f
    }

    #[test]
    fn reads_records_maps_old_category_names_and_skips_documentation() {
        let f = write(
            r#"[{"id":"doc","event":"DOCUMENT","eventText":"about"},
               {"id":"r1","event":"DEMAND","text":"Iraq demanded that Kuwait pay.","source":[{"actorText":"Iraq","code":"IRQ"}],"target":[{"actorText":"Kuwait","code":"KWT"}]},
               {"id":"r2","event":"FIGHT","text":"Troops clashed.","source":{"actorText":"Troops"}}]"#,
        );
        let records = read(f.path()).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].kind, EventType::Request);
        assert_eq!(records[0].target[0].code.as_deref(), Some("KWT"));
        assert_eq!(records[1].kind, EventType::Assault);
        assert_eq!(records[1].source[0].text, "Troops");
        assert!(records[1].target.is_empty());
    }

    #[test]
    fn an_unknown_category_is_an_error_naming_the_file() {
        let f = write(r#"[{"event":"PARTY","text":"They danced."}]"#);
        let e = read(f.path()).unwrap_err().to_string();
        assert!(
            e.contains("PARTY") && e.contains(&f.path().display().to_string()),
            "{e}"
        );
    }

    #[test]
    fn an_argument_matches_by_a_shared_word_or_by_code() {
        let p = |text: &str, name: &str, code: Option<&str>| Participant {
            name: name.into(),
            text: text.into(),
            span: tri_model::Span::new(0, 0),
            entity: None,
            code: code.map(str::to_string),
            sector: None,
            inferred: false,
        };
        let gold = [Actor {
            text: "U.S. border patrol".into(),
            code: Some("USA".into()),
        }];
        assert_eq!(
            argument_matches(
                &[p("border patrol agents", "border patrol agents", None)],
                &gold
            ),
            (true, true)
        );
        assert_eq!(
            argument_matches(&[p("Washington", "United States", Some("USA"))], &gold),
            (true, false)
        );
        assert_eq!(
            argument_matches(&[p("Mexico", "Mexico", Some("MEX"))], &gold),
            (false, false)
        );
    }

    #[test]
    fn scores_type_accuracy_macro_f1_and_arguments_on_real_sentences() {
        let f = write(
            r#"[{"id":"a","event":"ASSAULT","text":"Rebels attacked a police station in the north on Monday.","source":[{"actorText":"Rebels"}],"target":[{"actorText":"police station"}]},
               {"id":"b","event":"CONSULT","text":"The foreign ministers met in Geneva on Tuesday.","source":[{"actorText":"foreign ministers"}]}]"#,
        );
        let report = evaluate(f.path(), None).unwrap();
        assert_eq!(report.records, 2);
        assert_eq!(report.type_accuracy, 1.0, "{}", report.table());
        assert_eq!(report.macro_f1, 1.0);
        assert_eq!(report.actor.records, 2);
        assert_eq!(report.recipient.records, 1);
        assert!(report.table().contains("| ASSAULT |"));
    }
}
