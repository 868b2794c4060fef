//! How articles and reports look on a terminal, in Markdown and in JSON.

use std::fmt::Write;

use serde::Serialize;
use tri_ingest::{Failure, IngestSummary};
use tri_model::{
    Article, Attributions, Chronology, Entity, Event, Figure, OutletEvidence, Quote, QuoteKind,
    Source, SourceKind,
};
use tri_store::{ArticleSummary, EntitySummary};

fn or_dash(v: Option<&str>) -> &str {
    v.filter(|s| !s.is_empty()).unwrap_or("-")
}

fn published(a: &Article) -> String {
    a.published
        .as_ref()
        .map_or("-".to_string(), |p| p.value.chars().take(10).collect())
}

/// The title, or the start of the text when there is none.
fn headline(title: Option<&str>, text: &str, width: usize) -> String {
    let line = title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| text.lines().next().unwrap_or(""));
    truncate(line, width)
}

/// `s` on one line (runs of white space as one space), cut to `width` characters.
pub(crate) fn one_line(s: &str, width: usize) -> String {
    truncate(&s.split_whitespace().collect::<Vec<_>>().join(" "), width)
}

pub(crate) fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// `articles`: one line per stored article.
pub fn article_table(list: &[ArticleSummary]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16}  {:<10}  {:<20}  {:<4}  {:>6}  title",
        "id", "published", "outlet", "lang", "chars"
    );
    for a in list {
        let _ = writeln!(
            out,
            "{:<16}  {:<10}  {:<20}  {:<4}  {:>6}  {}",
            a.id,
            a.published
                .as_ref()
                .map_or("-".to_string(), |p| p.value.chars().take(10).collect()),
            truncate(or_dash(a.outlet.as_deref()), 20),
            or_dash(a.language.as_deref()),
            a.chars,
            truncate(or_dash(a.title.as_deref()), 70),
        );
    }
    let _ = writeln!(out, "{} articles", list.len());
    out
}

/// `show` and `extract`: metadata lines, a blank line, the clean text.
pub fn article_text(a: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "id:        {}", a.id);
    let _ = writeln!(
        out,
        "input:     {} ({}, {})",
        a.input,
        a.format.as_str(),
        a.charset
    );
    let _ = writeln!(out, "title:     {}", or_dash(a.title.as_deref()));
    let _ = writeln!(out, "outlet:    {}", or_dash(a.outlet.as_deref()));
    let _ = writeln!(out, "byline:    {}", or_dash(a.byline.as_deref()));
    let when = a.published.as_ref().map_or("-".to_string(), |p| {
        format!(
            "{} ({})",
            p.value,
            serde_json::to_value(p.source)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        )
    });
    let _ = writeln!(out, "published: {when}");
    let _ = writeln!(out, "url:       {}", or_dash(a.url.as_deref()));
    let _ = writeln!(out, "language:  {}", or_dash(a.language.as_deref()));
    let _ = writeln!(out, "words:     {}", words(&a.text));
    if !a.removed.is_empty() {
        let _ = writeln!(
            out,
            "removed:   {} lines of page furniture",
            a.removed.len()
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", a.text);
    out
}

/// The articles a report covers and what the store holds about each, in the same order.
#[derive(Clone, Copy)]
pub struct Stored<'a> {
    pub articles: &'a [Article],
    pub attributions: &'a [Option<Attributions>],
    pub chronologies: &'a [Option<Chronology>],
    pub figures: &'a [Option<Vec<Figure>>],
    pub events: &'a [Option<Vec<Event>>],
    /// The day the report is made, against which predictions are open or past due.
    pub today: chrono::NaiveDate,
}

/// The publication date with a mark when it was inferred rather than given.
fn published_or_inferred(a: &Article, c: Option<&Chronology>) -> String {
    match (&a.published, c.and_then(|c| c.publication.as_ref())) {
        (None, Some(p)) => format!("{} (inferred)", p.date),
        _ => published(a),
    }
}

/// `report`, terminal form.
pub fn report_text(stored: &Stored<'_>, summary: &IngestSummary) -> String {
    let Stored {
        articles,
        attributions,
        chronologies,
        figures,
        events,
        today,
    } = *stored;
    let mut out = String::new();
    let _ = writeln!(out, "{}", summary_line(articles, summary));
    let _ = writeln!(out);
    for (i, a) in articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>2}. {}",
            i + 1,
            headline(a.title.as_deref(), &a.text, 90)
        );
        let _ = writeln!(
            out,
            "    id {}  published {}  outlet {}  byline {}  language {}  {} words",
            a.id,
            published_or_inferred(a, chronologies.get(i).and_then(Option::as_ref)),
            or_dash(a.outlet.as_deref()),
            or_dash(a.byline.as_deref()),
            or_dash(a.language.as_deref()),
            words(&a.text)
        );
        let _ = writeln!(
            out,
            "    from {}{}",
            a.input,
            a.url
                .as_deref()
                .map(|u| format!("  <{u}>"))
                .unwrap_or_default()
        );
        if let Some(Some(at)) = attributions.get(i) {
            out.push_str(&attribution_summary_text(a, at));
        }
        if let Some(Some(c)) = chronologies.get(i) {
            out.push_str("    dates:\n");
            for line in crate::timeline::dates_text(a, c, today).lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
        if let Some(Some(f)) = figures.get(i) {
            if !f.is_empty() {
                out.push_str("    figures:\n");
                out.push_str(&crate::figures::figures_text(f, "      "));
            }
        }
        if let Some(Some(e)) = events.get(i) {
            if !e.is_empty() {
                out.push_str("    events:\n");
                out.push_str(&crate::events::events_section(e, "      "));
            }
        }
    }
    failures_text(&mut out, &summary.failures);
    out
}

/// `report --format markdown`.
pub fn report_markdown(stored: &Stored<'_>, summary: &IngestSummary) -> String {
    let Stored {
        articles,
        attributions,
        chronologies,
        figures,
        events,
        today,
    } = *stored;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Triangulate report\n\n{}\n",
        summary_line(articles, summary)
    );
    let _ = writeln!(
        out,
        "| # | id | published | outlet | byline | lang | words | title |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---:|---|");
    for (i, a) in articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} | {} | {} |",
            i + 1,
            a.id,
            published_or_inferred(a, chronologies.get(i).and_then(Option::as_ref)),
            md(or_dash(a.outlet.as_deref())),
            md(or_dash(a.byline.as_deref())),
            or_dash(a.language.as_deref()),
            words(&a.text),
            md(&headline(a.title.as_deref(), &a.text, 90)),
        );
    }
    for (i, a) in articles.iter().enumerate() {
        if let Some(Some(c)) = chronologies.get(i) {
            chronology_markdown(&mut out, i, a, c, today);
        }
        if let Some(Some(f)) = figures.get(i) {
            figures_markdown(&mut out, i, a, f);
        }
        if let Some(Some(e)) = events.get(i) {
            events_markdown(&mut out, i, a, e);
        }
        let Some(Some(at)) = attributions.get(i) else {
            continue;
        };
        let _ = writeln!(
            out,
            "\n## {}. {}\n\n{}\n",
            i + 1,
            md(&headline(a.title.as_deref(), &a.text, 90)),
            md(&provenance_line(a, at))
        );
        if at.quotes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "| kind | speaker | quote | chain |");
        let _ = writeln!(out, "|---|---|---|---|");
        for q in &at.quotes {
            let who = q
                .source
                .map_or("unattributed".to_string(), |s| source_label(at, s));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                if q.fragment {
                    "phrase"
                } else {
                    q.kind.as_str()
                },
                md(&who),
                md(&truncate(&q.text, 160)),
                md(&chain(a, at, q).join(" → "))
            );
        }
    }
    if !summary.failures.is_empty() {
        let _ = writeln!(out, "\n## Inputs that failed\n");
        for f in &summary.failures {
            let _ = writeln!(out, "- {}", md(&f.message));
        }
    }
    out
}

/// The publication date and how it was known, the flags and the predictions of one
/// article, as a Markdown section.
fn chronology_markdown(
    out: &mut String,
    i: usize,
    a: &Article,
    c: &Chronology,
    today: chrono::NaiveDate,
) {
    if c.flags.is_empty() && c.predictions.is_empty() && a.published.is_some() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## {}. Dates: {}\n\npublished {}\n",
        i + 1,
        md(&headline(a.title.as_deref(), &a.text, 60)),
        md(&crate::timeline::publication_line(c))
    );
    for f in &c.flags {
        let _ = writeln!(
            out,
            "- **flag** \"{}\": {}",
            md(&c.timexes[f.timex].text),
            md(&f.explanation)
        );
    }
    if !c.predictions.is_empty() {
        let _ = writeln!(out, "\n| kind | due | status | statement |");
        let _ = writeln!(out, "|---|---|---|---|");
        for p in &c.predictions {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                p.kind.as_str(),
                p.due,
                crate::timeline::status(&p.due, today),
                md(&truncate(p.sentence.of(&a.text).trim(), 160))
            );
        }
    }
}

/// The figures of one article as a Markdown table.
fn figures_markdown(out: &mut String, i: usize, a: &Article, figures: &[Figure]) {
    if figures.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## {}. Figures: {}\n\n| figure | value | unit | of | period | source |\n|---|---:|---|---|---|---|",
        i + 1,
        md(&headline(a.title.as_deref(), &a.text, 60))
    );
    for f in figures {
        let period = match (&f.period, &f.period_value) {
            (Some(p), Some(v)) => format!("{p} ({v})"),
            (Some(p), None) => p.clone(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(&truncate(&f.text, 60)),
            md(&crate::figures::value_text(f)),
            md(f.unit.as_deref().unwrap_or("")),
            md(f.counted.as_deref().unwrap_or("")),
            md(&period),
            md(f.source.as_deref().unwrap_or(""))
        );
    }
}

/// The events of one article as a Markdown table.
fn events_markdown(out: &mut String, i: usize, a: &Article, events: &[Event]) {
    if events.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## {}. Events: {}\n\n| type | actor | recipient | date | modality | text |\n|---|---|---|---|---|---|",
        i + 1,
        md(&headline(a.title.as_deref(), &a.text, 60))
    );
    let names = |ps: &[tri_model::Participant]| {
        ps.iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for e in events {
        let kind = match &e.mode {
            Some(m) => format!("{}:{m}", e.kind.as_str()),
            None => e.kind.as_str().to_string(),
        };
        let modality = if e.negated && e.modality != tri_model::Modality::Negated {
            format!("{}, negated", e.modality.as_str())
        } else {
            e.modality.as_str().to_string()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {}{} |",
            kind,
            md(&names(&e.actor)),
            md(&names(&e.recipient)),
            md(e.date.as_ref().map_or("", |d| d.value.as_str())),
            modality,
            md(&truncate(&e.text, 120)),
            if e.removed_line.is_some() {
                " (caption)"
            } else {
                ""
            }
        );
    }
}

fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[derive(Serialize)]
pub struct ReportJson<'a> {
    pub inputs: usize,
    pub articles: &'a [Article],
    /// Per article, in the same order: its quotes, sources and provenance (null when it
    /// was not annotated).
    pub attributions: &'a [Option<Attributions>],
    /// Per article: its publication date and how it was known, temporal expressions,
    /// flags and predictions (null when it was not annotated).
    pub chronologies: &'a [Option<Chronology>],
    /// Per article: its figures (null when it was not annotated).
    pub figures: &'a [Option<Vec<Figure>>],
    /// Per article: its PLOVER-coded events (null when it was not annotated).
    pub events: &'a [Option<Vec<Event>>],
    pub new: usize,
    pub already_stored: usize,
    pub failures: Vec<FailureJson<'a>>,
}

#[derive(Serialize)]
pub struct FailureJson<'a> {
    pub input: &'a str,
    pub kind: &'a str,
    pub message: &'a str,
}

/// `report --format json`.
pub fn report_json<'a>(stored: &Stored<'a>, summary: &'a IngestSummary) -> ReportJson<'a> {
    ReportJson {
        inputs: summary.inputs,
        articles: stored.articles,
        attributions: stored.attributions,
        chronologies: stored.chronologies,
        figures: stored.figures,
        events: stored.events,
        new: summary.new,
        already_stored: summary.already_stored,
        failures: summary
            .failures
            .iter()
            .map(|f| FailureJson {
                input: &f.input,
                kind: &f.kind,
                message: &f.message,
            })
            .collect(),
    }
}

fn summary_line(articles: &[Article], summary: &IngestSummary) -> String {
    let outlets: std::collections::BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    let languages: std::collections::BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.language.as_deref())
        .collect();
    format!(
        "{} articles from {} inputs ({} new to the store, {} failed); outlets named: {}; languages: {}",
        articles.len(),
        summary.inputs,
        summary.new,
        summary.failures.len(),
        if outlets.is_empty() { "none".to_string() } else { outlets.into_iter().collect::<Vec<_>>().join(", ") },
        if languages.is_empty() { "unknown".to_string() } else { languages.into_iter().collect::<Vec<_>>().join(", ") },
    )
}

fn failures_text(out: &mut String, failures: &[Failure]) {
    if failures.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nInputs that failed:");
    for f in failures {
        let _ = writeln!(out, "  {}", f.message);
    }
}

/// The entities of one article: one block per entity, most mentioned first within the
/// reading order the store gives.
pub fn entities_text(entities: &[Entity]) -> String {
    let mut out = String::new();
    if entities.is_empty() {
        out.push_str("no entities found\n");
        return out;
    }
    for e in entities {
        let mut head = format!("{:<13} {}", e.kind.as_str(), e.name);
        if let Some(q) = &e.wikidata {
            let _ = write!(head, " [{q}]");
        }
        let n = e.mentions.len();
        let _ = writeln!(
            out,
            "{head}  ({n} mention{})",
            if n == 1 { "" } else { "s" }
        );
        let others = other_names(&e.aliases, &e.name);
        if !others.is_empty() {
            let _ = writeln!(out, "{:<13}   also: {}", "", others.join(", "));
        }
        if !e.roles.is_empty() || !e.affiliations.is_empty() {
            let _ = writeln!(
                out,
                "{:<13}   role: {}{}{}",
                "",
                e.roles.join(", "),
                if e.roles.is_empty() || e.affiliations.is_empty() {
                    ""
                } else {
                    "; "
                },
                e.affiliations.join(", ")
            );
        }
        if let Some(s) = &e.stands_for {
            let _ = writeln!(out, "{:<13}   stands for: {s}", "");
        }
    }
    out
}

/// Canonical entities across the store.
pub fn entity_table(list: &[EntitySummary]) -> String {
    let mut out = format!(
        "{:<13} {:<32} {:>8} {:>8}  {}\n",
        "kind", "entity", "articles", "mentions", "also written"
    );
    for e in list {
        let mut name = e.name.clone();
        if let Some(q) = &e.wikidata {
            let _ = write!(name, " [{q}]");
        }
        let others = other_names(&e.aliases, &e.name);
        let _ = writeln!(
            out,
            "{:<13} {:<32} {:>8} {:>8}  {}",
            e.kind.as_str(),
            name,
            e.articles,
            e.mentions,
            others.join(", ")
        );
    }
    out
}

/// The names other than the canonical one.
fn other_names<'a>(aliases: &'a [String], name: &str) -> Vec<&'a str> {
    aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != name)
        .collect()
}

/// The outlet at the head of every chain: who published the article.
fn publisher_name<'a>(a: &'a Article, at: &'a Attributions) -> &'a str {
    at.provenance
        .publisher
        .as_ref()
        .map(|p| p.name.as_str())
        .or(a.outlet.as_deref())
        .unwrap_or("unnamed outlet")
}

/// A source as one line: "Tatyana Stanovaya (senior researcher, Carnegie Endowment ...)",
/// "three sources close to the Kremlin [anonymous, 3, Kremlin]".
fn source_label(at: &Attributions, s: usize) -> String {
    let src = &at.sources[s];
    let mut details: Vec<String> = Vec::new();
    match src.kind {
        SourceKind::Anonymous => {
            details.push("anonymous".into());
            if let Some(n) = src.count {
                details.push(format!("{n}"));
            }
            if let Some(g) = src.member_of {
                details.push(format!("one of {}", at.sources[g].name));
            }
        }
        SourceKind::Person => {}
        kind => details.push(kind.as_str().into()),
    }
    if let Some(r) = &src.role {
        details.push(r.clone());
    }
    if let Some(a) = &src.affiliation {
        details.push(a.clone());
    }
    if details.is_empty() {
        src.name.clone()
    } else {
        format!("{} ({})", src.name, details.join(", "))
    }
}

/// The provenance chain of one quote: publisher → cited outlet → source.
fn chain(a: &Article, at: &Attributions, q: &Quote) -> Vec<String> {
    let mut links = vec![publisher_name(a, at).to_string()];
    if let Some(v) = q.via {
        let outlet = &at.provenance.cited[v].name;
        if links[0] != *outlet {
            links.push(outlet.clone());
        }
    }
    match q.source {
        Some(s) if at.sources[s].outlet.is_none() => links.push(at.sources[s].name.clone()),
        Some(_) => {}
        None => links.push("unattributed".into()),
    }
    links
}

fn provenance_line(a: &Article, at: &Attributions) -> String {
    let p = &at.provenance;
    let publisher = match &p.publisher {
        Some(o) => format!(
            "{} ({})",
            o.name,
            match o.evidence {
                OutletEvidence::Metadata => "metadata",
                OutletEvidence::Text => "named in the text",
            }
        ),
        None => a.outlet.clone().unwrap_or_else(|| "not named".into()),
    };
    let origin = match p.origin {
        Some(o) => {
            let c = &p.cited[o];
            let mut s = format!("{} (\"{}\"", c.name, c.cue);
            if let Some(d) = &c.date {
                let _ = write!(s, ", {d}");
            }
            s.push(')');
            s
        }
        None => "not named".into(),
    };
    format!("published by {publisher}; origin: {origin}")
}

/// `triangulate quotes ID`: every quote with its speaker and chain.
pub fn quotes_text(a: &Article, at: &Attributions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", provenance_line(a, at));
    if at.quotes.is_empty() {
        out.push_str("no quotes found\n");
        return out;
    }
    for (i, q) in at.quotes.iter().enumerate() {
        let who = q
            .source
            .map_or("unattributed".to_string(), |s| source_label(at, s));
        let kind = if q.fragment {
            "phrase"
        } else {
            q.kind.as_str()
        };
        let _ = writeln!(out, "\n{:>3}. [{kind}] {who}", i + 1);
        let _ = writeln!(out, "     \u{201C}{}\u{201D}", truncate(&q.text, 300));
        let cue = q.cue.map(|c| c.of(&a.text).to_string());
        let _ = writeln!(
            out,
            "     cue: {}  chain: {}",
            cue.as_deref().unwrap_or("-"),
            chain(a, at, q).join(" \u{2192} ")
        );
    }
    out
}

/// `triangulate sources ID`: the provenance, then every source with what rests on it.
pub fn sources_text(a: &Article, at: &Attributions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", provenance_line(a, at));
    for c in &at.provenance.cited {
        let _ = writeln!(
            out,
            "  cited outlet: {} (\"{}\"{}) - {} mention{}, {} quote{}",
            c.name,
            c.cue,
            c.date
                .as_deref()
                .map(|d| format!(", {d}"))
                .unwrap_or_default(),
            c.mentions.len(),
            if c.mentions.len() == 1 { "" } else { "s" },
            c.quotes,
            if c.quotes == 1 { "" } else { "s" }
        );
    }
    if at.sources.is_empty() {
        out.push_str("no sources found\n");
        return out;
    }
    out.push('\n');
    for (i, s) in at.sources.iter().enumerate() {
        let quotes = at.quotes.iter().filter(|q| q.source == Some(i)).count();
        let via: std::collections::BTreeSet<&str> = at
            .quotes
            .iter()
            .filter(|q| q.source == Some(i))
            .filter_map(|q| q.via.map(|v| at.provenance.cited[v].name.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "{:<12} {}  - {} quote{}{}",
            s.kind.as_str(),
            source_label(at, i),
            quotes,
            if quotes == 1 { "" } else { "s" },
            if via.is_empty() {
                String::new()
            } else {
                format!(", via {}", via.into_iter().collect::<Vec<_>>().join(", "))
            }
        );
    }
    out
}

/// One quote for programs: the stored quote with its source and chain spelled out.
#[derive(Serialize)]
pub struct QuoteJson<'a> {
    #[serde(flatten)]
    pub quote: &'a Quote,
    pub cue_text: Option<&'a str>,
    pub speaker_text: Option<&'a str>,
    pub source_detail: Option<&'a Source>,
    pub via_outlet: Option<&'a str>,
    pub chain: Vec<String>,
}

/// `triangulate quotes ID --json`.
pub fn quotes_json<'a>(a: &'a Article, at: &'a Attributions) -> Vec<QuoteJson<'a>> {
    at.quotes
        .iter()
        .map(|q| QuoteJson {
            quote: q,
            cue_text: q.cue.map(|c| c.of(&a.text)),
            speaker_text: q.speaker.map(|c| c.of(&a.text)),
            source_detail: q.source.map(|s| &at.sources[s]),
            via_outlet: q.via.map(|v| at.provenance.cited[v].name.as_str()),
            chain: chain(a, at, q),
        })
        .collect()
}

/// `report`, the sources and quotes of one article, terminal form.
pub fn attribution_summary_text(a: &Article, at: &Attributions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "    {}", provenance_line(a, at));
    for (i, s) in at.sources.iter().enumerate() {
        if s.kind != SourceKind::Anonymous || s.member_of.is_some() {
            continue;
        }
        let _ = writeln!(out, "    anonymous source: {}", source_label(at, i));
    }
    let mut by_speaker: Vec<(String, Vec<&Quote>)> = Vec::new();
    for q in at.quotes.iter().filter(|q| q.kind == QuoteKind::Direct) {
        let who = q
            .source
            .map_or("unattributed".to_string(), |s| at.sources[s].name.clone());
        match by_speaker.iter_mut().find(|(w, _)| *w == who) {
            Some((_, list)) => list.push(q),
            None => by_speaker.push((who, vec![q])),
        }
    }
    for (who, list) in by_speaker {
        let _ = writeln!(out, "    {who}:");
        for q in list {
            let _ = writeln!(out, "      \u{201C}{}\u{201D}", truncate(&q.text, 110));
        }
    }
    out
}
