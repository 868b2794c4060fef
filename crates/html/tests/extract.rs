//! Behaviour of `tri_html::extract` on small handmade pages and a few real ones.

use tri_html::{extract, HtmlError};
use tri_model::DateSource;

const ARTICLE: &str = r##"<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Ceasefire talks stall again | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2025-07-10T08:30:00Z">
<link rel="canonical" href="/world/ceasefire-talks">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Ceasefire talks stall again</h1>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="article-body">
<p>Negotiators left the capital on Friday without an agreement, officials said, after three days of talks that both sides had described as decisive.</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive on Friday. Photo: Jane Doe/Agency</figcaption></figure>
<p>The next round is expected in August, according to two people familiar with the matter, who asked not to be named because the talks are private.</p>
<h2>What comes next</h2>
<ul><li>A meeting of foreign ministers in Geneva, which diplomats called a last chance.</li><li>A vote at the United Nations on the humanitarian corridor.</li></ul>
<p>&ldquo;We are not there yet,&rdquo; one official said &mdash; adding that the gap on borders was &#8220;wide&#8221; &amp; growing.</p>
</div>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Talks open in the capital amid heavy security</a></li><li><a href="/b">Who are the negotiators and what do they want</a></li></ul></div>
</article>
<section id="comments"><h3>Comments</h3><p>This is a terrible deal and everyone involved should be ashamed of it, honestly.</p></section>
</main>
<footer><p>Copyright 2025 The Daily Planet. All rights reserved. Terms of use and privacy.</p></footer>
</body></html>"##;

#[test]
fn keeps_the_article_and_drops_boilerplate() {
    let page = extract(
        ARTICLE,
        Some("https://planet.example/world/ceasefire-talks?x=1"),
    )
    .unwrap();
    let t = &page.text;
    assert!(
        t.starts_with("Negotiators left the capital on Friday"),
        "{t}"
    );
    assert!(t.contains("The next round is expected in August"), "{t}");
    assert!(t.contains("What comes next"), "heading kept: {t}");
    assert!(t.contains("A vote at the United Nations"), "list kept: {t}");
    assert!(
        t.contains("\u{201c}We are not there yet,\u{201d} one official said \u{2014} adding"),
        "{t}"
    );
    assert!(t.contains("\u{201c}wide\u{201d} & growing."), "{t}");
    for junk in [
        "Home",
        "cookies",
        "Share on",
        "Photo:",
        "Delegates arrive",
        "Related",
        "Who are the negotiators",
        "terrible deal",
        "Copyright",
        "Ceasefire talks stall",
    ] {
        assert!(!t.contains(junk), "{junk:?} should be gone: {t}");
    }
    assert!(t.contains("\n\n"), "paragraphs separated by blank lines");
}

#[test]
fn metadata_from_meta_tags() {
    let page = extract(
        ARTICLE,
        Some("https://planet.example/world/ceasefire-talks?x=1"),
    )
    .unwrap();
    assert_eq!(page.title.as_deref(), Some("Ceasefire talks stall again"));
    assert_eq!(page.byline.as_deref(), Some("Lois Lane"));
    assert_eq!(page.outlet.as_deref(), Some("The Daily Planet"));
    let p = page.published.unwrap();
    assert_eq!(
        (p.value.as_str(), p.source),
        ("2025-07-10T08:30:00+00:00", DateSource::MetaTag)
    );
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://planet.example/world/ceasefire-talks")
    );
    assert_eq!(page.language.as_deref(), Some("en"));
}

const BODY: &str = "<p>Rescue teams reached the village on Tuesday morning after the river burst its banks overnight, local officials said in a statement.</p><p>Hundreds of residents spent the night on rooftops, waiting for boats that arrived only at dawn, witnesses told reporters at the scene.</p>";

#[test]
fn metadata_from_json_ld() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">
        {{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"x"}},
          {{"@type":"NewsArticle","headline":"River bursts its banks","datePublished":"2024-03-05T06:00:00+01:00",
            "author":[{{"@type":"Person","name":"Ana Ruiz"}},{{"@type":"Person","name":"Li Wei"}}],
            "publisher":{{"@type":"Organization","name":"Valley News"}}}}]}}
        </script></head><body><article>{BODY}</article></body></html>"#
    );
    let page = extract(&html, None).unwrap();
    assert_eq!(page.title.as_deref(), Some("River bursts its banks"));
    assert_eq!(page.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
    assert_eq!(page.outlet.as_deref(), Some("Valley News"));
    let p = page.published.unwrap();
    assert_eq!(
        (p.value.as_str(), p.source),
        ("2024-03-05T06:00:00+01:00", DateSource::JsonLd)
    );
    assert_eq!(page.canonical_url, None);
    assert!(page.text.starts_with("Rescue teams"));
}

#[test]
fn dates_from_time_element_and_url() {
    let html = format!(
        r#"<html><body><h1>Flood</h1><time datetime="2024-03-05">5 March</time><div>{BODY}</div></body></html>"#
    );
    let p = extract(&html, Some("https://x.example/2023/01/02/flood"))
        .unwrap()
        .published
        .unwrap();
    assert_eq!(
        (p.value.as_str(), p.source),
        ("2024-03-05", DateSource::TimeElement)
    );
    let html = format!("<html><body><div>{BODY}</div></body></html>");
    let page = extract(&html, Some("https://x.example/news/2023/01/02/flood")).unwrap();
    let p = page.published.unwrap();
    assert_eq!(
        (p.value.as_str(), p.source),
        ("2023-01-02", DateSource::Url)
    );
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://x.example/news/2023/01/02/flood")
    );
    assert_eq!(page.title.as_deref(), None);
}

#[test]
fn json_ld_article_body_when_markup_is_empty() {
    let html = r#"<html><head><script type="application/ld+json">{"@type":"Article","articleBody":"Ministers agreed a new budget late on Thursday, ending weeks of talks.\nThe vote is due next week."}</script></head><body><div id="app"></div></body></html>"#;
    let page = extract(html, None).unwrap();
    assert!(
        page.text.starts_with("Ministers agreed a new budget"),
        "{}",
        page.text
    );
}

#[test]
fn empty_body_is_no_text() {
    assert_eq!(
        extract(
            "<html><head><title>x</title></head><body></body></html>",
            None
        ),
        Err(HtmlError::NoText)
    );
    assert_eq!(extract("", None), Err(HtmlError::NoText));
    assert_eq!(
        extract(
            "<nav><a href=/>Home</a></nav><script>var x = 1;</script>",
            None
        ),
        Err(HtmlError::NoText)
    );
    assert_eq!(
        HtmlError::NoText.to_string(),
        "no article text found in the HTML"
    );
}

#[test]
fn deep_nesting_does_not_overflow() {
    let text = "Deeply nested paragraph text that goes on for a while, long enough to count as an article paragraph.";
    let closed = format!(
        "{}{}{}",
        "<div>".repeat(100_000),
        text,
        "</div>".repeat(100_000)
    );
    let page = extract(&closed, None).unwrap();
    assert_eq!(page.text, text);
    let unclosed = format!("{}{}", "<div>".repeat(100_000), text);
    assert_eq!(extract(&unclosed, None).unwrap().text, text);
    let mixed = format!("{}<p>{}", "<span><b><i>".repeat(50_000), text);
    assert!(extract(&mixed, None)
        .unwrap()
        .text
        .contains("Deeply nested"));
    let stray = format!(
        "<table><td>{}{}</td></table>",
        "<div>".repeat(100_000),
        "</span>".repeat(100_000)
    );
    let _ = extract(&stray, None);
}

#[test]
fn malformed_html_does_not_panic() {
    let cases = [
        "<",
        "<<<>>>",
        "</",
        "<!--",
        "<!-- x",
        "<a href='x",
        "<a href=\"x>",
        "<p",
        "<p class=",
        "&",
        "&#",
        "&#x;",
        "&#99999999999;",
        "<script>",
        "<script>x</scrip",
        "<title>&amp",
        "<![CDATA[",
        "<!DOCTYPE",
        "<?xml",
        "</p></p></div>",
        "<table><tr><td>a<td>b</table>",
        "<li>x<li>y",
        "\u{0}<p>\u{feff}é</p>",
        "<div <p>>text</div>",
        "<a/b/c>",
        "<p>é&eacute</p>",
        "<svg><p>x</svg>",
    ];
    for c in cases {
        let _ = extract(c, Some("not a url"));
    }
    // Every prefix of a real-looking page.
    for i in 0..=ARTICLE.len() {
        if ARTICLE.is_char_boundary(i) {
            let _ = extract(&ARTICLE[..i], None);
        }
    }
}

/// A page of the extraction benchmark, if the data is on this machine: (html, gold, url).
fn bench_page(id: &str) -> Option<(String, String, String)> {
    use std::io::Read;
    let dir = std::path::Path::new("/work/shared/data/article-extraction-benchmark");
    let file = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).ok()?;
    let mut html = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut html)
        .ok()?;
    let gt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).ok()?).ok()?;
    let g = &gt[id];
    Some((
        html,
        g["articleBody"].as_str()?.to_string(),
        g["url"].as_str()?.to_string(),
    ))
}

#[test]
fn real_pages() {
    let ids = [
        "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
        "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85",
        "076f4f33bf75059db581bedf36e76fb65e89a8f7752db3339aa3ea11c5122f32",
    ];
    for id in ids {
        let Some((html, gold, url)) = bench_page(id) else {
            eprintln!("skipped: benchmark page {id} not found");
            return;
        };
        let page = extract(&html, Some(&url)).unwrap();
        let first: String = gold
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ");
        let got: String = page.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(got.contains(&first), "{id}: {first:?} not in {got:?}");
        let last: String = gold
            .split_whitespace()
            .rev()
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(got.contains(&last), "{id}: {last:?} not in text");
        assert!(
            page.title.is_some() && page.published.is_some(),
            "{id}: {page:?}"
        );
    }
}
