//! The dossier as terminal text, Markdown and one self-contained HTML page. (JSON is the
//! dossier serialised as it is.)
//!
//! Text and Markdown list every claim more than one article makes, every contested or
//! inconsistent one, and the first [`SINGLE_SHOWN`] that one article alone makes (the
//! JSON and HTML have them all).

use std::collections::HashMap;
use std::fmt::Write;

use crate::{short, Claim, Dossier, Status};

/// Claims of one article shown in text and Markdown.
const SINGLE_SHOWN: usize = 10;

fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn shown(d: &Dossier) -> (Vec<&Claim>, usize) {
    let mut singles = 0;
    let mut out = Vec::new();
    for c in &d.claims {
        if c.articles.len() > 1 || c.status != Status::SingleOrigin {
            out.push(c);
        } else {
            if singles < SINGLE_SHOWN {
                out.push(c);
            }
            singles += 1;
        }
    }
    (out, singles.saturating_sub(SINGLE_SHOWN))
}

fn claim_head(c: &Claim) -> String {
    let mut head = format!("{} [{}]", c.id, c.status.as_str());
    if !matches!(c.kind, crate::ClaimKind::Statement) {
        let kind = serde_json::to_value(c.kind).ok();
        if let Some(k) = kind.as_ref().and_then(|v| v.as_str()) {
            let _ = write!(head, " {k}");
        }
    }
    let _ = write!(
        head,
        ", {} article{}",
        c.articles.len(),
        if c.articles.len() == 1 { "" } else { "s" }
    );
    if !c.origins.is_empty() {
        let _ = write!(head, ", origins: {}", c.origins.join(", "));
    }
    if let (Some(due), Some(status)) = (&c.due, &c.due_status) {
        let _ = write!(head, ", due {due} ({status})");
    }
    head
}

/// For a terminal.
pub fn text(d: &Dossier) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "DOSSIER {}", d.id);
    let _ = writeln!(out, "{}", d.summary.text);
    if let (Some(a), Some(b)) = (&d.summary.first, &d.summary.last) {
        let _ = writeln!(out, "Dates: {a} to {b}");
    }
    let _ = writeln!(out, "\nArticles:");
    for (i, a) in d.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}. {}  {}  {}  {}  origin: {}{}",
            i + 1,
            short(&a.id),
            a.published.as_deref().unwrap_or("undated"),
            a.outlet.as_deref().unwrap_or("unknown outlet"),
            one_line(a.title.as_deref().unwrap_or(""), 60),
            a.origin,
            a.copy_of
                .as_deref()
                .map(|c| format!(", copy of {}", short(c)))
                .unwrap_or_default()
        );
    }
    if !d.stories.is_empty() {
        let _ = writeln!(out, "\nStories:");
        for s in &d.stories {
            let _ = writeln!(
                out,
                "  {}  {} article{}  origins: {}",
                s.id,
                s.articles.len(),
                if s.articles.len() == 1 { "" } else { "s" },
                s.origins.join(", ")
            );
        }
    }
    let (claims, more) = shown(d);
    let _ = writeln!(out, "\nClaims:");
    for c in claims {
        let _ = writeln!(out, "  {}", claim_head(c));
        if let Some(l) = &c.label {
            let _ = writeln!(out, "      = {l}");
        }
        let _ = writeln!(out, "      \"{}\"", one_line(&c.text, 160));
        for conflict in &c.conflicts {
            let _ = writeln!(out, "      ! {conflict}");
        }
        if c.articles.len() > 1 {
            for s in &c.support {
                let _ = writeln!(
                    out,
                    "      - {} @{}..{} ({}{}): {}",
                    short(&s.article),
                    s.span.start,
                    s.span.end,
                    s.origin,
                    s.source
                        .as_deref()
                        .map(|x| format!("; {x}"))
                        .unwrap_or_default(),
                    one_line(&s.sentence, 110)
                );
            }
        }
    }
    if more > 0 {
        let _ = writeln!(
            out,
            "  ... and {more} more claims made by one article only (--format json or html)"
        );
    }
    if !d.timeline.is_empty() {
        let _ = writeln!(out, "\nTimeline:");
        for t in &d.timeline {
            let _ = writeln!(
                out,
                "  {:<10}  {:<9}  {}  [{}]",
                t.date,
                t.kind,
                one_line(&t.text, 110),
                t.articles
                    .iter()
                    .map(|a| short(a))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
    }
    if !d.actors.is_empty() {
        let _ = writeln!(out, "\nActors and their positions:");
        for a in &d.actors {
            let _ = writeln!(
                out,
                "  {}{}",
                a.actor,
                a.code
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            );
            for p in &a.positions {
                let _ = writeln!(
                    out,
                    "    {:<9} {}{}{}  \"{}\"  [{}]",
                    p.category,
                    if p.recipient.is_empty() {
                        String::new()
                    } else {
                        format!("→ {} ", p.recipient.join(", "))
                    },
                    if p.modality == "asserted" {
                        String::new()
                    } else {
                        format!("({}) ", p.modality)
                    },
                    if p.negated { "(negated) " } else { "" },
                    one_line(&p.text, 70),
                    p.articles
                        .iter()
                        .map(|a| short(a))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
    }
    if !d.quotes.is_empty() {
        let _ = writeln!(out, "\nQuotes by speaker:");
        for s in &d.quotes {
            let _ = writeln!(out, "  {} ({}):", s.speaker, s.kind);
            for q in &s.quotes {
                let _ = writeln!(
                    out,
                    "    “{}”  [{}{}]",
                    one_line(&q.text, 110),
                    short(&q.article),
                    q.via
                        .as_deref()
                        .map(|v| format!(" via {v}"))
                        .unwrap_or_default()
                );
            }
        }
    }
    if !d.figures.is_empty() {
        let _ = writeln!(out, "\nFigures:");
        for f in &d.figures {
            let _ = writeln!(
                out,
                "  {:<34} {}{}{}  [{}]",
                format!("\"{}\"", one_line(&f.text, 32)),
                crate::value_with_unit(f.value, f.unit.as_deref()),
                f.period
                    .as_deref()
                    .map(|p| format!("  period {p}"))
                    .unwrap_or_default(),
                f.source
                    .as_deref()
                    .map(|s| format!("  source {s}"))
                    .unwrap_or_default(),
                short(&f.article)
            );
        }
    }
    if !d.flags.is_empty() {
        let _ = writeln!(out, "\nFlags:");
        for f in &d.flags {
            let _ = writeln!(
                out,
                "  {} \"{}\": {}",
                short(&f.article),
                f.text,
                f.explanation
            );
        }
    }
    if !d.provenance.edges.is_empty() {
        let _ = writeln!(out, "\nProvenance (article → cited outlet → source):");
        for e in &d.provenance.edges {
            let _ = writeln!(out, "  {}", edge_line(d, e));
        }
    }
    out
}

fn md(s: &str) -> String {
    one_line(s, 400).replace('|', "\\|")
}

/// For a document.
pub fn markdown(d: &Dossier) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Dossier {}\n\n{}\n", d.id, d.summary.text);
    let _ = writeln!(
        out,
        "## Articles\n\n| # | id | date | outlet | title | origin |\n|---|---|---|---|---|---|"
    );
    for (i, a) in d.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {}{} |",
            i + 1,
            short(&a.id),
            a.published.as_deref().unwrap_or("undated"),
            md(a.outlet.as_deref().unwrap_or("")),
            md(a.title.as_deref().unwrap_or("")),
            md(&a.origin),
            a.copy_of
                .as_deref()
                .map(|c| format!(" (copy of `{}`)", short(c)))
                .unwrap_or_default()
        );
    }
    let (claims, more) = shown(d);
    let _ = writeln!(
        out,
        "\n## Claims\n\n| claim | status | origins | articles | what |\n|---|---|---|---|---|"
    );
    for c in claims {
        let mut what = md(&c.text);
        if let Some(l) = &c.label {
            what = format!("**{}**: {what}", md(l));
        }
        for conflict in &c.conflicts {
            let _ = write!(what, " ⚠ {}", md(conflict));
        }
        let mut status = c.status.as_str().to_string();
        if let (Some(due), Some(s)) = (&c.due, &c.due_status) {
            let _ = write!(status, "; prediction due {due} ({s})");
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            c.id,
            status,
            md(&c.origins.join(", ")),
            c.support
                .iter()
                .map(|s| format!("`{}`@{}", short(&s.article), s.span.start))
                .collect::<Vec<_>>()
                .join(" "),
            what
        );
    }
    if more > 0 {
        let _ = writeln!(
            out,
            "\n{more} more claims are made by one article only (see the JSON or HTML dossier)."
        );
    }
    if !d.timeline.is_empty() {
        let _ = writeln!(
            out,
            "\n## Timeline\n\n| date | kind | what | articles |\n|---|---|---|---|"
        );
        for t in &d.timeline {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                t.date,
                t.kind,
                md(&t.text),
                t.articles
                    .iter()
                    .map(|a| format!("`{}`", short(a)))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
    }
    if !d.actors.is_empty() {
        let _ = writeln!(out, "\n## Actors and their positions\n");
        for a in &d.actors {
            let _ = writeln!(out, "- **{}**", md(&a.actor));
            for p in &a.positions {
                let _ = writeln!(
                    out,
                    "  - {}{}{}{}: “{}” ({})",
                    p.category,
                    if p.recipient.is_empty() {
                        String::new()
                    } else {
                        format!(" → {}", md(&p.recipient.join(", ")))
                    },
                    if p.modality == "asserted" {
                        String::new()
                    } else {
                        format!(", {}", p.modality)
                    },
                    if p.negated { ", negated" } else { "" },
                    md(&p.text),
                    p.articles
                        .iter()
                        .map(|a| format!("`{}`", short(a)))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
    }
    if !d.quotes.is_empty() {
        let _ = writeln!(out, "\n## Quotes by speaker\n");
        for s in &d.quotes {
            let _ = writeln!(out, "- **{}** ({})", md(&s.speaker), s.kind);
            for q in &s.quotes {
                let _ = writeln!(
                    out,
                    "  - “{}” (`{}`{})",
                    md(&q.text),
                    short(&q.article),
                    q.via
                        .as_deref()
                        .map(|v| format!(", via {v}"))
                        .unwrap_or_default()
                );
            }
        }
    }
    if !d.figures.is_empty() {
        let _ = writeln!(
            out,
            "\n## Figures\n\n| figure | value | period | source | article |\n|---|---|---|---|---|"
        );
        for f in &d.figures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | `{}` |",
                md(&f.text),
                crate::value_with_unit(f.value, f.unit.as_deref()),
                md(f.period.as_deref().unwrap_or("")),
                md(f.source.as_deref().unwrap_or("")),
                short(&f.article)
            );
        }
    }
    if !d.flags.is_empty() {
        let _ = writeln!(out, "\n## Flags\n");
        for f in &d.flags {
            let _ = writeln!(
                out,
                "- `{}` “{}”: {}",
                short(&f.article),
                md(&f.text),
                md(&f.explanation)
            );
        }
    }
    if !d.provenance.edges.is_empty() {
        let _ = writeln!(out, "\n## Provenance\n\n```");
        for e in &d.provenance.edges {
            let _ = writeln!(out, "{}", edge_line(d, e));
        }
        let _ = writeln!(out, "```");
    }
    out
}

/// "Observer News --published--> article", "Reuters --quotes ×3--> three sources".
fn edge_line(d: &Dossier, e: &crate::graph::Edge) -> String {
    format!(
        "{} --{}{}--> {}",
        d.provenance.label(&e.from),
        e.kind,
        if e.count > 1 {
            format!(" ×{}", e.count)
        } else {
            String::new()
        },
        d.provenance.label(&e.to)
    )
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn anchor(dossier: usize, article: usize, start: usize) -> String {
    format!("d{dossier}a{article}-{start}")
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}\
th{background:#f3f3f3}.corroborated{color:#176117;font-weight:600}.contested,.internally-inconsistent{color:#a40000;font-weight:600}\
.single-origin{color:#8a5a00}mark{background:#fff3a8}mark:target{background:#ffb347}.article p{white-space:pre-wrap}\
code{font-size:90%}.muted{color:#666}";

/// One self-contained page of one or more dossiers: every claim's statements link to
/// their sentences, shown highlighted in the articles' texts at the end of each dossier.
/// `texts` maps article ids to their body text.
pub fn html(dossiers: &[Dossier], texts: &HashMap<&str, &str>) -> String {
    let title = dossiers
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dossier {}</title><style>{STYLE}</style></head><body>\n",
        esc(&title)
    );
    for (k, d) in dossiers.iter().enumerate() {
        out.push_str(&html_section(k, d, texts));
    }
    out.push_str("</body></html>\n");
    out
}

fn html_section(k: usize, d: &Dossier, texts: &HashMap<&str, &str>) -> String {
    let index: HashMap<&str, usize> = d
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut marks: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for c in &d.claims {
        for s in &c.support {
            if let Some(&i) = index.get(s.article.as_str()) {
                marks.entry(i).or_default().push((s.span.start, s.span.end));
            }
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<h1>Dossier <code>{}</code></h1>\n<p>{}</p>",
        esc(&d.id),
        esc(&d.summary.text)
    );
    let _ = writeln!(out, "<h2>Articles</h2><table><tr><th>#</th><th>date</th><th>outlet</th><th>title</th><th>origin</th></tr>");
    for (i, a) in d.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#d{k}art{i}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>",
            i + 1,
            esc(a.published.as_deref().unwrap_or("undated")),
            esc(a.outlet.as_deref().unwrap_or("")),
            esc(a.title.as_deref().unwrap_or("")),
            esc(&a.origin),
            a.copy_of.as_deref().map(|c| format!(" (copy of {})", esc(short(c)))).unwrap_or_default()
        );
    }
    let _ = writeln!(out, "</table>\n<h2>Claims</h2><table><tr><th>claim</th><th>status</th><th>origins</th><th>statements</th></tr>");
    for c in &d.claims {
        let class = c.status.as_str().replace(' ', "-");
        let mut status = esc(c.status.as_str());
        if let (Some(due), Some(s)) = (&c.due, &c.due_status) {
            let _ = write!(
                status,
                "<br><span class=\"muted\">prediction due {} ({})</span>",
                esc(due),
                esc(s)
            );
        }
        let mut what = String::new();
        if let Some(l) = &c.label {
            let _ = write!(what, "<b>{}</b><br>", esc(l));
        }
        let _ = write!(what, "{}", esc(&one_line(&c.text, 400)));
        for conflict in &c.conflicts {
            let _ = write!(what, "<br>⚠ {}", esc(conflict));
        }
        let links: Vec<String> = c
            .support
            .iter()
            .filter_map(|s| {
                index.get(s.article.as_str()).map(|&i| {
                    format!(
                        "<a href=\"#{}\">{} #{}</a>{}",
                        anchor(k, i, s.span.start),
                        esc(&s.origin),
                        i + 1,
                        s.source
                            .as_deref()
                            .map(|x| format!(" <span class=\"muted\">({})</span>", esc(x)))
                            .unwrap_or_default()
                    )
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr id=\"d{k}{}\"><td>{}<br>{}</td><td class=\"{class}\">{status}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.id),
            esc(&c.id),
            what,
            esc(&c.origins.join(", ")),
            links.join("<br>")
        );
    }
    let _ = writeln!(out, "</table>");
    if !d.timeline.is_empty() {
        let _ = writeln!(out, "<h2>Timeline</h2><table><tr><th>date</th><th>kind</th><th>what</th><th>articles</th></tr>");
        for t in &d.timeline {
            let arts: Vec<String> = t
                .articles
                .iter()
                .filter_map(|a| {
                    index
                        .get(a.as_str())
                        .map(|i| format!("<a href=\"#d{k}art{i}\">#{}</a>", i + 1))
                })
                .collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&t.date),
                esc(&t.kind),
                esc(&one_line(&t.text, 300)),
                arts.join(" ")
            );
        }
        let _ = writeln!(out, "</table>");
    }
    if !d.actors.is_empty() {
        let _ = writeln!(out, "<h2>Actors and their positions</h2><ul>");
        for a in &d.actors {
            let _ = write!(out, "<li><b>{}</b><ul>", esc(&a.actor));
            for p in &a.positions {
                let _ = write!(
                    out,
                    "<li>{}{}{}{}: “{}”</li>",
                    esc(&p.category),
                    if p.recipient.is_empty() {
                        String::new()
                    } else {
                        format!(" → {}", esc(&p.recipient.join(", ")))
                    },
                    if p.modality == "asserted" {
                        String::new()
                    } else {
                        format!(", {}", esc(&p.modality))
                    },
                    if p.negated { ", negated" } else { "" },
                    esc(&p.text)
                );
            }
            let _ = writeln!(out, "</ul></li>");
        }
        let _ = writeln!(out, "</ul>");
    }
    if !d.quotes.is_empty() {
        let _ = writeln!(out, "<h2>Quotes by speaker</h2><ul>");
        for s in &d.quotes {
            let _ = write!(
                out,
                "<li><b>{}</b> <span class=\"muted\">({})</span><ul>",
                esc(&s.speaker),
                esc(&s.kind)
            );
            for q in &s.quotes {
                let i = index.get(q.article.as_str()).copied().unwrap_or(0);
                let _ = write!(
                    out,
                    "<li>“{}” <a href=\"#d{k}art{i}\">#{}</a>{}</li>",
                    esc(&one_line(&q.text, 300)),
                    i + 1,
                    q.via
                        .as_deref()
                        .map(|v| format!(" via {}", esc(v)))
                        .unwrap_or_default()
                );
            }
            let _ = writeln!(out, "</ul></li>");
        }
        let _ = writeln!(out, "</ul>");
    }
    if !d.figures.is_empty() {
        let _ = writeln!(out, "<h2>Figures</h2><table><tr><th>figure</th><th>value</th><th>period</th><th>source</th><th>article</th></tr>");
        for f in &d.figures {
            let i = index.get(f.article.as_str()).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#d{k}art{i}\">#{}</a></td></tr>",
                esc(&f.text),
                esc(&crate::value_with_unit(f.value, f.unit.as_deref())),
                esc(f.period.as_deref().unwrap_or("")),
                esc(f.source.as_deref().unwrap_or("")),
                i + 1
            );
        }
        let _ = writeln!(out, "</table>");
    }
    if !d.flags.is_empty() {
        let _ = writeln!(out, "<h2>Flags</h2><ul>");
        for f in &d.flags {
            let i = index.get(f.article.as_str()).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">#{}</a> “{}”: {}</li>",
                anchor(k, i, f.span.start),
                i + 1,
                esc(&f.text),
                esc(&f.explanation)
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    if !d.provenance.edges.is_empty() {
        let _ = writeln!(out, "<h2>Provenance</h2><ul>");
        for e in &d.provenance.edges {
            let _ = writeln!(
                out,
                "<li>{} — {}{} → {}</li>",
                esc(d.provenance.label(&e.from)),
                esc(&e.kind),
                if e.count > 1 {
                    format!(" ×{}", e.count)
                } else {
                    String::new()
                },
                esc(d.provenance.label(&e.to))
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "<h2>The articles</h2>");
    for (i, a) in d.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"article\" id=\"d{k}art{i}\"><h3>#{} {}</h3><p class=\"muted\">{} · {} · origin {}{}</p>",
            i + 1,
            esc(a.title.as_deref().unwrap_or(&a.id)),
            esc(a.outlet.as_deref().unwrap_or("unknown outlet")),
            esc(a.published.as_deref().unwrap_or("undated")),
            esc(&a.origin),
            a.url.as_deref().map(|u| format!(" · <a href=\"{}\">{}</a>", esc(u), esc(u))).unwrap_or_default()
        );
        let text = texts.get(a.id.as_str()).copied().unwrap_or("");
        let mut spans = marks.remove(&i).unwrap_or_default();
        spans.sort_unstable();
        spans.dedup();
        let mut body = String::new();
        let mut at = 0;
        for (start, end) in spans {
            if start < at
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                continue;
            }
            body.push_str(&esc(&text[at..start]));
            let _ = write!(
                body,
                "<mark id=\"{}\">{}</mark>",
                anchor(k, i, start),
                esc(&text[start..end])
            );
            at = end;
        }
        body.push_str(&esc(&text[at.min(text.len())..]));
        let _ = writeln!(out, "<p>{body}</p></section>");
    }
    out
}
