//! Events: the PLOVER-coded events of one or many articles, filtered by category, actor,
//! date and modality, on a terminal, as JSON, as PLOVER records or as a GDELT-style
//! table; and the events sections of `show` and `report`.

use std::fmt::Write;

use crate::render::{one_line, truncate};

use tri_events::export::{self, ExportArticle};
use tri_model::{Article, Chronology, Event, EventType, Modality, Participant};

/// Reads a `--type`: a PLOVER category, or an older name (DEMAND, DISAPPROVE, FIGHT...),
/// case-insensitively.
pub fn parse_type(s: &str) -> Result<EventType, String> {
    EventType::parse(s).ok_or_else(|| {
        let names: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        format!(
            "{s:?} is not a PLOVER category; one of {} (or DEMAND, DISAPPROVE, INVESTIGATE, FIGHT, YIELD)",
            names.join(", ")
        )
    })
}

/// The leading `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of a date value, the longest there is
/// (`2025-W20` → `2025`, `2025-07-04T10:00` → `2025-07-04`); none for `XXXX-07-09` and
/// `PRESENT_REF`.
pub fn date_prefix(value: &str) -> Option<&str> {
    let b = value.as_bytes();
    let digits = |from: usize, n: usize| {
        b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    if !digits(0, 4) {
        return None;
    }
    let mut end = 4;
    if b.get(4) == Some(&b'-') && digits(5, 2) {
        end = 7;
        if b.get(7) == Some(&b'-') && digits(8, 2) {
            end = 10;
        }
    }
    Some(&value[..end])
}

/// Reads `--from` and `--to`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_date_bound(s: &str) -> Result<String, String> {
    match date_prefix(s) {
        Some(p) if p.len() == s.len() => Ok(s.to_string()),
        _ => Err(format!("{s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
    }
}

/// Which events `events` keeps.
#[derive(Debug, Default)]
pub struct Filter {
    /// Any of these categories (all when empty).
    pub types: Vec<EventType>,
    /// An actor whose name, words or code contain this, case-insensitively.
    pub actor: Option<String>,
    /// Dated on or after this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Dated on or before this.
    pub to: Option<String>,
    /// Only events said to have happened: asserted and not negated.
    pub factual: bool,
}

impl Filter {
    /// Whether `e` passes. Dates compare on the shorter of the two prefixes, so
    /// `2025-07` is within `--from 2025-07-15` and `--to 2025-07-01`: it may be. An
    /// undated event passes no date bound.
    pub fn keeps(&self, e: &Event) -> bool {
        if !self.types.is_empty() && !self.types.contains(&e.kind) {
            return false;
        }
        if self.factual && (e.modality != Modality::Asserted || e.negated) {
            return false;
        }
        if let Some(needle) = &self.actor {
            let needle = needle.to_lowercase();
            let named = |p: &Participant| {
                [Some(&p.name), Some(&p.text), p.code.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|s| s.to_lowercase().contains(&needle))
            };
            if !e.actor.iter().any(named) {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(day) = e.date.as_ref().and_then(|d| date_prefix(&d.value)) else {
                return false;
            };
            let cut = |a: &str, b: &str| {
                let n = a.len().min(b.len());
                (a[..n].to_string(), b[..n].to_string())
            };
            if let Some(from) = &self.from {
                let (d, f) = cut(day, from);
                if d < f {
                    return false;
                }
            }
            if let Some(to) = &self.to {
                let (d, t) = cut(day, to);
                if d > t {
                    return false;
                }
            }
        }
        true
    }
}

/// One article with its stored events and publication date.
pub struct ArticleEvents {
    pub article: Article,
    pub chronology: Option<Chronology>,
    pub events: Vec<Event>,
}

impl ArticleEvents {
    /// What the exports say about the article: the publication date the chronology
    /// resolved against (given or inferred), else the metadata's.
    pub fn export(&self) -> ExportArticle<'_> {
        let a = &self.article;
        ExportArticle {
            id: &a.id,
            url: a.url.as_deref(),
            outlet: a.outlet.as_deref(),
            published: self
                .chronology
                .as_ref()
                .and_then(|c| c.publication.as_ref())
                .map(|p| p.date.as_str())
                .or(a.published.as_ref().map(|p| p.value.as_str())),
        }
    }

    /// The events `filter` keeps, with their index among all the article's events
    /// (which their export ids use).
    pub fn kept<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = (usize, &'a Event)> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| filter.keeps(e))
    }
}

fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

fn names(ps: &[Participant]) -> String {
    ps.iter()
        .map(|p| {
            if p.inferred {
                format!("{} (inferred)", p.name)
            } else {
                p.name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `TYPE` or `TYPE:mode`.
fn category(e: &Event) -> String {
    match &e.mode {
        Some(m) => format!("{}:{m}", e.kind.as_str()),
        None => e.kind.as_str().to_string(),
    }
}

/// One event on one line: date or `-`, category, actor → recipient, modality when not
/// asserted, `not` when negated, place, the event's words in quotes, and `(caption)`
/// when it is told in a line extraction removed from the body.
pub fn event_line(e: &Event) -> String {
    let mut line = format!(
        "{:<10}  {:<22}  ",
        e.date.as_ref().map_or("-", |d| d.value.as_str()),
        category(e)
    );
    line.push_str(
        if e.actor.is_empty() {
            "-".to_string()
        } else {
            names(&e.actor)
        }
        .as_str(),
    );
    if !e.recipient.is_empty() {
        let _ = write!(line, " \u{2192} {}", names(&e.recipient));
    }
    if e.modality != Modality::Asserted {
        let _ = write!(line, "  {}", e.modality.as_str());
    }
    if e.negated {
        line.push_str("  not");
    }
    if let Some(place) = &e.location {
        let _ = write!(line, "  in {}", place.name);
    }
    let _ = write!(line, "  \"{}\"", one_line(&e.text, 80));
    if e.removed_line.is_some() {
        line.push_str(" (caption)");
    }
    line
}

/// `events`, terminal form: per article with events kept, a line naming it, then one
/// line per event ending with the article's id prefix.
pub fn events_text(articles: &[ArticleEvents], filter: &Filter) -> String {
    let mut out = String::new();
    let (mut total, mut with) = (0, 0);
    for a in articles {
        let kept: Vec<_> = a.kept(filter).collect();
        if kept.is_empty() {
            continue;
        }
        with += 1;
        total += kept.len();
        let art = &a.article;
        let _ = writeln!(
            out,
            "{}  {}  published {}  {}",
            short(&art.id),
            art.outlet.as_deref().unwrap_or("-"),
            a.export()
                .published
                .map_or("-", |p| p.get(..10).unwrap_or(p)),
            truncate(
                art.title
                    .as_deref()
                    .unwrap_or_else(|| art.text.lines().next().unwrap_or("")),
                70
            )
        );
        for (_, e) in kept {
            let _ = writeln!(out, "  {}  {}", event_line(e), short(&art.id));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{total} event{} in {with} article{}",
        if total == 1 { "" } else { "s" },
        if with == 1 { "" } else { "s" }
    );
    out
}

/// `events --format json`: per article, its id and the events kept, as stored.
pub fn events_json(articles: &[ArticleEvents], filter: &Filter) -> serde_json::Value {
    serde_json::Value::Array(
        articles
            .iter()
            .map(|a| {
                let events: Vec<&Event> = a.kept(filter).map(|(_, e)| e).collect();
                serde_json::json!({"article": a.article.id, "events": events})
            })
            .collect(),
    )
}

/// `events --format plover`: one PLOVER record per line.
pub fn events_plover(articles: &[ArticleEvents], filter: &Filter) -> String {
    let mut out = String::new();
    for a in articles {
        let export = a.export();
        for (i, e) in a.kept(filter) {
            let text = export::source_text(e, &a.article.text, &a.article.removed);
            let record = export::plover_record(e, i, &export, text);
            let _ = writeln!(out, "{record}");
        }
    }
    out
}

/// `events --format gdelt`: the header, then one row per event. Root events are worked
/// out on all of an article's events, before filtering.
pub fn events_gdelt(articles: &[ArticleEvents], filter: &Filter) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", export::gdelt_header());
    for a in articles {
        let rows = export::gdelt_rows(&a.events, &a.export());
        for (i, _) in a.kept(filter) {
            let _ = writeln!(out, "{}", rows[i]);
        }
    }
    out
}

/// The events section of `show` and `report`: one line per event, indented.
pub fn events_section(events: &[Event], indent: &str) -> String {
    let mut out = String::new();
    if events.is_empty() {
        let _ = writeln!(out, "{indent}(none)");
    }
    for e in events {
        let _ = writeln!(out, "{indent}{}", event_line(e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tri_model::{EventDate, Span};

    fn event(kind: EventType, date: Option<&str>, actor: &str) -> Event {
        Event {
            kind,
            mode: None,
            context: None,
            cameo: "190".into(),
            score: -10.0,
            trigger: Span::new(0, 1),
            text: "attacked".into(),
            span: Span::new(0, 1),
            sentence: Span::new(0, 1),
            actor: vec![Participant {
                name: actor.into(),
                text: format!("{actor} forces"),
                span: Span::new(0, 1),
                entity: None,
                code: Some("RUS".into()),
                sector: None,
                inferred: false,
            }],
            recipient: vec![],
            location: None,
            date: date.map(|v| EventDate {
                value: v.into(),
                text: v.into(),
                span: Span::new(0, 1),
            }),
            modality: Modality::Asserted,
            negated: false,
            reported_by: None,
            removed_line: None,
            main: true,
        }
    }

    #[test]
    fn date_prefixes_are_the_calendar_part_of_a_value() {
        assert_eq!(date_prefix("2025-07-04"), Some("2025-07-04"));
        assert_eq!(date_prefix("2025-07-04T10:00"), Some("2025-07-04"));
        assert_eq!(date_prefix("2025-07"), Some("2025-07"));
        assert_eq!(date_prefix("2025-W20"), Some("2025"));
        assert_eq!(date_prefix("XXXX-07-09"), None);
        assert_eq!(date_prefix("PRESENT_REF"), None);
        assert!(parse_date_bound("2025-07").is_ok());
        assert!(parse_date_bound("July").is_err());
        assert!(parse_date_bound("2025-07-04T10").is_err());
    }

    #[test]
    fn filters_on_type_actor_date_and_modality() {
        let e = event(EventType::Assault, Some("2025-07-04"), "Russia");
        let keeps = |f: Filter| f.keeps(&e);
        assert!(keeps(Filter::default()));
        assert!(keeps(Filter {
            types: vec![parse_type("fight").unwrap()],
            ..Filter::default()
        }));
        assert!(!keeps(Filter {
            types: vec![parse_type("DEMAND").unwrap()],
            ..Filter::default()
        }));
        assert!(keeps(Filter {
            actor: Some("russ".into()),
            ..Filter::default()
        }));
        assert!(keeps(Filter {
            actor: Some("FORCES".into()),
            ..Filter::default()
        }));
        assert!(keeps(Filter {
            actor: Some("rus".into()),
            ..Filter::default()
        }));
        assert!(!keeps(Filter {
            actor: Some("ukraine".into()),
            ..Filter::default()
        }));
        let window = |from: &str, to: &str| Filter {
            from: Some(from.into()),
            to: Some(to.into()),
            ..Filter::default()
        };
        assert!(keeps(window("2025-07", "2025-07-04")));
        assert!(keeps(window("2025", "2025")));
        assert!(!keeps(window("2025-07-05", "2025-12")));
        assert!(!keeps(window("2024", "2025-06-30")));
        let month = event(EventType::Assault, Some("2025-07"), "Russia");
        assert!(window("2025-07-15", "2025-07-20").keeps(&month));
        let undated = event(EventType::Assault, None, "Russia");
        assert!(!window("2000", "2100").keeps(&undated));
        assert!(Filter::default().keeps(&undated));
        let mut threat = event(EventType::Threaten, None, "Russia");
        threat.modality = Modality::Threatened;
        let factual = Filter {
            factual: true,
            ..Filter::default()
        };
        assert!(!factual.keeps(&threat) && factual.keeps(&undated));
        let mut denied = undated.clone();
        denied.negated = true;
        assert!(!factual.keeps(&denied));
        assert!(parse_type("nonsense").is_err());
    }

    #[test]
    fn an_event_line_says_who_did_what_to_whom() {
        let mut e = event(EventType::Assault, Some("2025-07-04"), "Russia");
        e.mode = Some("aerial".into());
        e.recipient = e.actor.clone();
        e.recipient[0].name = "Kyiv".into();
        e.modality = Modality::Threatened;
        e.negated = true;
        let line = event_line(&e);
        assert!(line.starts_with("2025-07-04  ASSAULT:aerial"), "{line}");
        assert!(
            line.contains("Russia \u{2192} Kyiv  threatened  not"),
            "{line}"
        );
        assert!(line.ends_with("\"attacked\""), "{line}");
        assert!(event_line(&event(EventType::Assault, None, "Russia")).starts_with("-  "));
    }
}
