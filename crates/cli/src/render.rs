//! How articles and reports look on a terminal, in Markdown and in JSON.

use std::fmt::Write;

use serde::Serialize;
use tri_ingest::{Failure, IngestSummary};
use tri_model::{Article, Entity};
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

fn truncate(s: &str, width: usize) -> String {
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

/// `report`, terminal form.
pub fn report_text(articles: &[Article], summary: &IngestSummary) -> String {
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
            published(a),
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
    }
    failures_text(&mut out, &summary.failures);
    out
}

/// `report --format markdown`.
pub fn report_markdown(articles: &[Article], summary: &IngestSummary) -> String {
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
            published(a),
            md(or_dash(a.outlet.as_deref())),
            md(or_dash(a.byline.as_deref())),
            or_dash(a.language.as_deref()),
            words(&a.text),
            md(&headline(a.title.as_deref(), &a.text, 90)),
        );
    }
    if !summary.failures.is_empty() {
        let _ = writeln!(out, "\n## Inputs that failed\n");
        for f in &summary.failures {
            let _ = writeln!(out, "- {}", md(&f.message));
        }
    }
    out
}

fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[derive(Serialize)]
pub struct ReportJson<'a> {
    pub inputs: usize,
    pub articles: &'a [Article],
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
pub fn report_json<'a>(articles: &'a [Article], summary: &'a IngestSummary) -> ReportJson<'a> {
    ReportJson {
        inputs: summary.inputs,
        articles,
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
