//! Page metadata: title, byline, outlet, publication date, canonical URL, language and
//! the JSON-LD `articleBody`, read from `<meta>`, `<link>`, JSON-LD, `<time>` and the URL.
//! Runs after parsing, next to main-text extraction.

use tri_model::{DateSource, Published};

use crate::dom::{collapse_ws, Document, Tag, NONE};

/// Everything found about a page apart from its body text.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    /// JSON-LD `articleBody`, tags stripped and whitespace collapsed.
    pub article_body: Option<String>,
}

#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    date_published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    article_body: Option<String>,
}

fn set_if_none(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        if let Some(v) = value.map(|v| collapse_ws(&v)).filter(|v| !v.is_empty()) {
            *slot = Some(v);
        }
    }
}

/// Reads the metadata of a parsed page.
pub(crate) fn read(doc: &Document<'_>, url: Option<&str>) -> Meta {
    let mut og_title = None;
    let mut meta_title = None;
    let mut title_el = None;
    let mut h1 = None;
    let mut author_meta = None;
    let mut rel_author = None;
    let mut byline_el = None;
    let mut site_name = None;
    let mut app_name = None;
    let mut date_meta = None;
    let mut time_el: Option<(bool, String)> = None;
    let mut canonical = None;
    let mut og_url = None;
    let mut html_lang = None;
    let mut meta_lang = None;
    let mut ld = JsonLd::default();

    for id in 1..doc.nodes.len() as u32 {
        let Some(tag) = doc.tag(id) else { continue };
        match tag {
            Tag::Meta => {
                let key = doc
                    .attr(id, "property")
                    .or_else(|| doc.attr(id, "name"))
                    .or_else(|| doc.attr(id, "itemprop"))
                    .or_else(|| doc.attr(id, "http-equiv"));
                let (Some(key), Some(content)) = (key, doc.attr(id, "content")) else {
                    continue;
                };
                let content = content.trim().to_string();
                if content.is_empty() {
                    continue;
                }
                match key.trim().to_ascii_lowercase().as_str() {
                    "og:title" => set_if_none(&mut og_title, Some(content)),
                    "twitter:title" | "headline" | "dc.title" => {
                        set_if_none(&mut meta_title, Some(content))
                    }
                    "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author"
                    | "parsely-author" | "dcterms.creator"
                        if !content.starts_with("http") =>
                    {
                        set_if_none(&mut author_meta, Some(content))
                    }
                    "og:site_name" => set_if_none(&mut site_name, Some(content)),
                    "application-name" => set_if_none(&mut app_name, Some(content)),
                    "article:published_time"
                    | "og:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "dcterms.date"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article.published"
                    | "published_time"
                    | "original-publish-date"
                        if date_meta.is_none() =>
                    {
                        date_meta = normalize_date(&content)
                    }
                    "og:url" => set_if_none(&mut og_url, Some(content)),
                    "content-language" | "language" | "dc.language" => {
                        set_if_none(&mut meta_lang, Some(content))
                    }
                    _ => {}
                }
            }
            Tag::Link => {
                let Some(rel) = doc.attr(id, "rel") else {
                    continue;
                };
                let rel = rel.to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    set_if_none(&mut canonical, doc.attr(id, "href").map(|h| h.into_owned()));
                }
            }
            Tag::Html => set_if_none(&mut html_lang, doc.attr(id, "lang").map(|l| l.into_owned())),
            Tag::Title => set_if_none(&mut title_el, Some(doc.text_of(id))),
            Tag::H1 => set_if_none(&mut h1, Some(doc.text_of(id))),
            Tag::Script => {
                let is_ld = doc
                    .attr(id, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld {
                    let child = doc.nodes[id as usize].first_child;
                    if child != NONE {
                        if let Some(raw) = doc.raw_text(child) {
                            read_json_ld(raw, &mut ld);
                        }
                    }
                }
            }
            Tag::Time => {
                if let Some(dt) = doc.attr(id, "datetime").and_then(|d| normalize_date(&d)) {
                    let preferred = doc.attr(id, "pubdate").is_some()
                        || doc
                            .attr(id, "itemprop")
                            .is_some_and(|p| p.contains("datePublished"));
                    let better = match &time_el {
                        None => true,
                        Some((p, _)) => !p && preferred,
                    };
                    if better {
                        time_el = Some((preferred, dt));
                    }
                }
            }
            Tag::A
                if rel_author.is_none()
                    && doc
                        .attr(id, "rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("author")) =>
            {
                set_if_none(&mut rel_author, Some(doc.text_of(id)));
            }
            _ => {}
        }
        if byline_el.is_none() && tag != Tag::Meta && tag != Tag::Body && tag != Tag::Html {
            if let Some(class) = doc.attr(id, "class") {
                let c = class.to_ascii_lowercase();
                if c.split_whitespace()
                    .any(|w| w == "byline" || w == "author-name" || w == "byline__name")
                {
                    let t = doc.text_of(id);
                    if !t.is_empty() && t.len() < 120 {
                        let t = t
                            .strip_prefix("By ")
                            .or_else(|| t.strip_prefix("by "))
                            .unwrap_or(&t)
                            .trim()
                            .to_string();
                        byline_el = Some(t);
                    }
                }
            }
        }
    }

    let outlet = site_name.or(ld.publisher).or(app_name);
    let title = og_title
        .or(ld.headline.map(|h| collapse_ws(&h)))
        .or(meta_title)
        .or(h1)
        .or(title_el)
        .map(|t| strip_site_suffix(&t, outlet.as_deref()));
    let byline = author_meta
        .or_else(|| (!ld.authors.is_empty()).then(|| ld.authors.join(", ")))
        .or(rel_author)
        .or(byline_el)
        .map(|b| {
            let t = b.trim();
            let t = ["By ", "by ", "BY "]
                .iter()
                .find_map(|p| t.strip_prefix(p))
                .unwrap_or(t);
            t.trim().to_string()
        })
        .filter(|b| !b.is_empty());
    let published = date_meta
        .map(|value| Published {
            value,
            source: DateSource::MetaTag,
        })
        .or_else(|| {
            ld.date_published
                .as_deref()
                .and_then(normalize_date)
                .map(|value| Published {
                    value,
                    source: DateSource::JsonLd,
                })
        })
        .or_else(|| {
            time_el.map(|(_, value)| Published {
                value,
                source: DateSource::TimeElement,
            })
        })
        .or_else(|| {
            url.and_then(date_from_url).map(|value| Published {
                value,
                source: DateSource::Url,
            })
        });
    let canonical_url = canonical
        .or(og_url)
        .map(|c| resolve(&c, url))
        .or_else(|| url.map(str::to_string));
    let language = html_lang.or(meta_lang).and_then(|l| normalize_lang(&l));
    Meta {
        title: title.filter(|t| !t.is_empty()),
        byline,
        outlet,
        published,
        canonical_url,
        language,
        article_body: ld.article_body,
    }
}

/// Resolves a root-relative or protocol-relative URL against the page URL.
fn resolve(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return href.to_string();
    }
    let Some(base) = base else {
        return href.to_string();
    };
    let Some(scheme_end) = base.find("://") else {
        return href.to_string();
    };
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{}://{}", &base[..scheme_end], rest);
    }
    if href.starts_with('/') {
        let host_end = base[scheme_end + 3..]
            .find('/')
            .map_or(base.len(), |i| scheme_end + 3 + i);
        return format!("{}{}", &base[..host_end], href);
    }
    href.to_string()
}

/// Drops a trailing " | Outlet" (or " - Outlet" when it names the outlet) from a title.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let names_outlet = outlet.is_some_and(|o| {
                let (o, t) = (o.to_lowercase(), tail.to_lowercase());
                !o.is_empty() && (t.contains(&o) || o.contains(&t))
            });
            let short_tail = tail.split_whitespace().count() <= 4 && head.len() > tail.len();
            if names_outlet || (sep == " | " && short_tail) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// ISO 639-1 code from a language tag (`en-US` → `en`).
fn normalize_lang(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';'])
        .next()?
        .trim()
        .to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

/// A date found in a URL path: `/2025/07/10/` or `/2025-07-10/`.
pub(crate) fn date_from_url(url: &str) -> Option<String> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = &url[path_start..];
    let path = &path[path.find('/')?..];
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    for w in parts.windows(3) {
        if let (Ok(y), Ok(m), Ok(d)) = (
            w[0].parse::<u32>(),
            w[1].parse::<u32>(),
            w[2].parse::<u32>(),
        ) {
            if w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2 {
                if let Some(v) = ymd(y, m, d) {
                    return Some(v);
                }
            }
        }
    }
    for p in parts {
        let b = p.as_bytes();
        if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
            if let (Ok(y), Ok(m), Ok(d)) = (p[..4].parse(), p[5..7].parse(), p[8..10].parse()) {
                if b.len() == 10 || !b[10].is_ascii_digit() {
                    if let Some(v) = ymd(y, m, d) {
                        return Some(v);
                    }
                }
            }
        }
    }
    None
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let date = chrono::NaiveDate::from_ymd_opt(y as i32, m, d)?;
    (1990..=2100)
        .contains(&y)
        .then(|| date.format("%Y-%m-%d").to_string())
}

/// Normalises a date or date-time to ISO 8601: `YYYY-MM-DD`, or a date-time with offset
/// when the source gives one. Returns `None` for anything it cannot read.
pub(crate) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = chrono::DateTime::parse_from_str(s, fmt) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string());
    }
    // A leading date without a usable offset: keep the date only.
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Ok(y), Ok(m), Ok(d)) = (s[..4].parse(), s[5..7].parse(), s[8..10].parse()) {
            return ymd(y, m, d);
        }
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && (b.len() == 8 || !b[8].is_ascii_digit())
    {
        if let (Ok(y), Ok(m), Ok(d)) = (s[..4].parse(), s[4..6].parse(), s[6..8].parse()) {
            return ymd(y, m, d);
        }
    }
    None
}

fn is_article_type(v: &serde_json::Value) -> bool {
    let check = |t: &str| {
        t.ends_with("Article")
            || t == "BlogPosting"
            || t == "Report"
            || t == "LiveBlogPosting"
            || t == "NewsArticle"
    };
    match v.get("@type") {
        Some(serde_json::Value::String(t)) => check(t),
        Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

fn names(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if !s.starts_with("http") && !s.trim().is_empty() => {
            out.push(collapse_ws(s));
        }
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::String(n)) = o.get("name") {
                if !n.trim().is_empty() {
                    out.push(collapse_ws(n));
                }
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                match x {
                    serde_json::Value::Array(_) => {}
                    _ => names(x, out),
                }
            }
        }
        _ => {}
    }
}

/// Reads article fields from one JSON-LD block. serde_json refuses nesting deeper than
/// 128 levels, and the walk over the value is iterative.
fn read_json_ld(raw: &str, ld: &mut JsonLd) {
    let raw = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
        return;
    };
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                if is_article_type(v) {
                    let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
                    set_if_none(&mut ld.headline, s("headline"));
                    if ld.date_published.is_none() {
                        ld.date_published = s("datePublished");
                    }
                    if ld.authors.is_empty() {
                        if let Some(a) = o.get("author") {
                            names(a, &mut ld.authors);
                        }
                    }
                    if ld.publisher.is_none() {
                        if let Some(p) = o.get("publisher") {
                            let mut n = Vec::new();
                            names(p, &mut n);
                            ld.publisher = n.into_iter().next();
                        }
                    }
                    if ld.article_body.is_none() {
                        if let Some(body) = s("articleBody") {
                            let text = if body.contains('<') {
                                let d = crate::dom::parse(&body);
                                d.text_of(0)
                            } else {
                                collapse_ws(&crate::dom::decode_entities(&body))
                            };
                            if !text.is_empty() {
                                ld.article_body = Some(text);
                            }
                        }
                    }
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(m) = o.get("mainEntity") {
                    stack.push(m);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            normalize_date("2019-11-18T10:41:00Z").unwrap(),
            "2019-11-18T10:41:00+00:00"
        );
        assert_eq!(
            normalize_date("2019-11-18T10:41:00-0500").unwrap(),
            "2019-11-18T10:41:00-05:00"
        );
        assert_eq!(normalize_date("2019-11-18 10:41").unwrap(), "2019-11-18");
        assert_eq!(
            normalize_date("Mon, 18 Nov 2019 10:41:00 +0000").unwrap(),
            "2019-11-18T10:41:00+00:00"
        );
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(
            date_from_url("https://x.com/2019/11/18/story/").unwrap(),
            "2019-11-18"
        );
        assert_eq!(
            date_from_url("https://x.com/news/2019-11-18-story"),
            Some("2019-11-18".into())
        );
        assert_eq!(date_from_url("https://x.com/a/1234/56/78"), None);
    }

    #[test]
    fn titles_and_langs() {
        assert_eq!(
            strip_site_suffix("Big news today | The Daily", None),
            "Big news today"
        );
        assert_eq!(
            strip_site_suffix("Rates rise - Reuters", Some("Reuters")),
            "Rates rise"
        );
        assert_eq!(strip_site_suffix("A - B story", None), "A - B story");
        assert_eq!(normalize_lang("en-US").unwrap(), "en");
        assert_eq!(normalize_lang("EN").unwrap(), "en");
        assert_eq!(normalize_lang("english"), None);
        assert_eq!(
            resolve("/a/b", Some("https://x.com/c/d")),
            "https://x.com/a/b"
        );
    }
}
