//! The publication date when the metadata has none: from the URL's path, from an
//! identifier in the URL that encodes its own creation time, or from a date line at the
//! head of the text. Each answer says how it was known and how far to trust it; the
//! metadata and the user always win over all of them.

use chrono::{DateTime, NaiveDate};
use tri_model::{DateEvidence, PublicationDate, Published, TimexKind};
use tri_text::Segmented;

/// Publication dates outside this range are not believed: the web's news begins in the
/// 1990s, and nothing is published more than a day after the clock says.
fn plausible(d: NaiveDate) -> bool {
    let today = chrono::Utc::now().date_naive();
    d >= NaiveDate::from_ymd_opt(1990, 1, 1).expect("a valid date")
        && d <= today + chrono::Duration::days(1)
}

/// The metadata's date, when it has one that parses.
pub(crate) fn from_metadata(published: &Published) -> Option<PublicationDate> {
    let date = NaiveDate::parse_from_str(published.value.get(..10)?, "%Y-%m-%d").ok()?;
    Some(PublicationDate {
        date: date.format("%Y-%m-%d").to_string(),
        evidence: DateEvidence::Metadata,
        confidence: 1.0,
        how: match published.source {
            tri_model::DateSource::User => "given by the user",
            tri_model::DateSource::Container => "from the container's date",
            tri_model::DateSource::MetaTag => "from a meta tag",
            tri_model::DateSource::JsonLd => "from JSON-LD datePublished",
            tri_model::DateSource::TimeElement => "from a <time> element",
            tri_model::DateSource::Url => "from the URL",
            tri_model::DateSource::Text => "from the text",
        }
        .to_string(),
    })
}

/// A date in the URL's path: `/2025/07/10/`, `/2025-07-10/`, `/20250710/` or
/// `-20250710-` in a slug. Dated paths are how most news sites file articles, but a
/// path can also carry the date of an update or of a section, so it is not certain.
pub(crate) fn from_url_path(url: &str) -> Option<PublicationDate> {
    let path = url_path(url);
    let found = slash_date(path).or_else(|| compact_date(path))?;
    Some(PublicationDate {
        date: found.format("%Y-%m-%d").to_string(),
        evidence: DateEvidence::UrlPath,
        confidence: 0.9,
        how: format!("the date in the URL's path ({url})"),
    })
}

/// An identifier in the URL that encodes the moment it was made: Toutiao article ids
/// (`toutiao.com/article/7525364565807317567`, Unix seconds in the top 32 bits) and
/// X/Twitter status ids (Snowflake: milliseconds since 2010-11-04 in the top 41 bits).
/// The id is minted when the article is created, so it dates the article to the day,
/// except for drafts published days later.
pub(crate) fn from_url_identifier(url: &str) -> Option<PublicationDate> {
    let host = url_host(url)?;
    let path = url_path(url);
    let id = |prefixes: &[&str]| -> Option<u64> {
        prefixes.iter().find_map(|p| {
            let rest = path.strip_prefix(p)?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() >= 16).then(|| digits.parse().ok()).flatten()
        })
    };
    let (seconds, scheme) = if host == "toutiao.com" || host.ends_with(".toutiao.com") {
        let id = id(&["/article/", "/group/", "/a", "/i", "/w/"])?;
        ((id >> 32) as i64, "Toutiao article id")
    } else if matches!(host, "twitter.com" | "x.com" | "mobile.twitter.com") {
        let (_, rest) = path.split_once("/status/")?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let id: u64 = digits.parse().ok()?;
        (
            ((id >> 22) + 1_288_834_974_657) as i64 / 1000,
            "X status id",
        )
    } else {
        return None;
    };
    let at = DateTime::from_timestamp(seconds, 0)?;
    let date = at.date_naive();
    plausible(date).then(|| PublicationDate {
        date: date.format("%Y-%m-%d").to_string(),
        evidence: DateEvidence::UrlIdentifier,
        confidence: 0.85,
        how: format!(
            "the {scheme} in the URL, which encodes {}",
            at.format("%Y-%m-%dT%H:%M:%SZ")
        ),
    })
}

/// A date line: a full date (day, month and year) in the text's first sentence, before
/// its first verb-like stretch: `KYIV, July 10, 2025 (Reuters) -`, `Published: 10 July
/// 2025`, `July 10, 2025 | 3:45 PM`. A full date later in the lede is usually the date
/// of an event, so only the head counts.
pub(crate) fn from_dateline(text: &str, seg: &Segmented) -> Option<PublicationDate> {
    let first = seg.sentences.first()?;
    // The head: the first sentence, at most its first 20 tokens.
    let end_token = first.end_token.min(first.first_token + 20);
    let end = seg.tokens.get(end_token.checked_sub(1)?)?.span.end;
    let head = Segmented {
        tokens: seg.tokens[first.first_token..end_token].to_vec(),
        sentences: vec![tri_model::Sentence {
            span: tri_model::Span::new(first.span.start, end),
            first_token: 0,
            end_token: end_token - first.first_token,
        }],
    };
    let timex = crate::rules::tag(text, &head, None)
        .into_iter()
        .find(|t| t.kind == TimexKind::Date && t.value.len() == 10)?;
    let date = NaiveDate::parse_from_str(&timex.value, "%Y-%m-%d").ok()?;
    // A verb before the date makes it an event's date ("Putin met Trump on July 10, 2025").
    let before = &text[first.span.start..timex.span.start];
    let eventful = before
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            let stamp = matches!(
                w.as_str(),
                "published" | "updated" | "posted" | "dated" | "modified" | "filed"
            );
            !stamp && (w.len() > 3 && w.ends_with("ed") || matches!(w.as_str(), "said" | "met"))
        });
    if eventful || !plausible(date) {
        return None;
    }
    Some(PublicationDate {
        date: timex.value.clone(),
        evidence: DateEvidence::Dateline,
        confidence: 0.8,
        how: format!("the date line \"{}\" at the head of the text", timex.text),
    })
}

fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or("")
}

/// `/2025/07/10`, `/2025-07-10`, `/2025/7/10`.
fn slash_date(path: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (w[0], w[1], w[2]);
        if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
        plausible(date).then_some(date)
    })
}

/// `20250710` as a whole path segment or a slug's part.
fn compact_date(path: &str) -> Option<NaiveDate> {
    path.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 8)
        .find_map(|run| {
            let date = NaiveDate::parse_from_str(run, "%Y%m%d").ok()?;
            plausible(date).then_some(date)
        })
}
