//! End-to-end tests of tri-reader: every format, charset and error, with fixtures built
//! in the test.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use tri_model::{Content, DateSource, InputFormat, RawDoc};
use tri_reader::{
    collect_inputs, read_bytes, read_input, sniff, Input, ReadError, ReadOptions, Sniffed,
};

fn read(name: &str, bytes: &[u8]) -> Vec<Result<RawDoc, ReadError>> {
    read_bytes(name, bytes.to_vec(), &ReadOptions::default()).collect()
}

fn one_doc(name: &str, bytes: &[u8]) -> RawDoc {
    let mut items = read(name, bytes);
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0).expect("a document")
}

fn one_err(name: &str, bytes: &[u8]) -> ReadError {
    let mut items = read(name, bytes);
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0).expect_err("an error")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

// ---------------------------------------------------------------- text and charsets

#[test]
fn utf8_text_with_and_without_bom() {
    let doc = one_doc("a.txt", "Kyiv — the capital.\nSecond line.".as_bytes());
    assert_eq!(
        (doc.format, doc.content, doc.charset.as_str()),
        (InputFormat::Text, Content::Text, "UTF-8")
    );
    assert_eq!(doc.input, "a.txt");
    assert_eq!(doc.body, "Kyiv — the capital.\nSecond line.");
    let doc = one_doc("b.txt", b"\xEF\xBB\xBFWith a BOM.");
    assert_eq!(doc.body, "With a BOM.");
    assert_eq!(doc.charset, "UTF-8");
}

#[test]
fn windows_1252_smart_quotes() {
    let doc = one_doc(
        "w.txt",
        b"The minister said \x93we will not yield\x94 on Tuesday \x96 and left.",
    );
    assert_eq!(doc.charset, "windows-1252");
    assert_eq!(
        doc.body,
        "The minister said \u{201C}we will not yield\u{201D} on Tuesday \u{2013} and left."
    );
}

#[test]
fn utf16le_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Zelensky’s statement, in UTF-16.".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let doc = one_doc("u16.txt", &bytes);
    assert_eq!(doc.charset, "UTF-16LE");
    assert_eq!(doc.content, Content::Text);
    assert_eq!(doc.body, "Zelensky’s statement, in UTF-16.");
}

#[test]
fn utf16be_with_bom_and_html() {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in "<!DOCTYPE html><html><body><p>Hi</p></body></html>".encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    let doc = one_doc("u16.html", &bytes);
    assert_eq!(
        (doc.charset.as_str(), doc.content, doc.format),
        ("UTF-16BE", Content::Html, InputFormat::Html)
    );
}

#[test]
fn html_meta_charset_windows_1251() {
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode("Путин игнорирует Трампа");
    let mut bytes = b"<!doctype html><html><head><meta charset=\"windows-1251\"><title>t</title></head><body><p>".to_vec();
    bytes.extend_from_slice(&cyrillic);
    bytes.extend_from_slice(b"</p></body></html>");
    let doc = one_doc("ru.html", &bytes);
    assert_eq!(
        (doc.format, doc.content),
        (InputFormat::Html, Content::Html)
    );
    assert_eq!(doc.charset, "windows-1251");
    assert!(doc.body.contains("Путин игнорирует Трампа"), "{}", doc.body);
}

#[test]
fn html_http_equiv_iso_8859_1() {
    let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>\
                  <body><p>Caf\xE9 cr\xE8me in M\xFCnchen</p></body></html>";
    let doc = one_doc("fr.html", bytes);
    // WHATWG maps the iso-8859-1 label to windows-1252, its superset.
    assert_eq!(doc.charset, "windows-1252");
    assert!(doc.body.contains("Café crème in München"));
}

#[test]
fn html_fragment_without_doctype_is_html() {
    let doc = one_doc(
        "frag",
        b"Intro line\n<p>One <a href=\"x\">link</a></p>\n<div>two</div><p>three</p>",
    );
    assert_eq!(doc.content, Content::Html);
}

#[test]
fn gzipped_text() {
    let doc = one_doc(
        "a.txt.gz",
        &gzip("Compressed report: 3 people were injured.".as_bytes()),
    );
    assert_eq!(doc.format, InputFormat::Text);
    assert_eq!(doc.body, "Compressed report: 3 people were injured.");
}

// ---------------------------------------------------------------- feeds

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News</title>
  <link>https://news.example/</link>
  <language>en</language>
  <item>
    <title>Strikes on Kyiv</title>
    <link>https://news.example/2025/07/10/strikes</link>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Full <b>story</b> text.</p>]]></content:encoded>
    <dc:creator>Jane Doe</dc:creator>
    <pubDate>Thu, 10 Jul 2025 08:30:00 +0000</pubDate>
  </item>
  <item>
    <title>Second</title>
    <link>https://news.example/second</link>
    <description>Only a plain description.</description>
  </item>
  <item>
    <title>Link only</title>
    <link>https://news.example/third</link>
  </item>
</channel>
</rss>"#;

#[test]
fn rss_items_with_content_encoded() {
    let items = read("feed.xml", RSS.as_bytes());
    assert_eq!(items.len(), 3);
    let first = items[0].as_ref().expect("item 1");
    assert_eq!(first.input, "feed.xml#1");
    assert_eq!(
        (first.format, first.content),
        (InputFormat::Rss, Content::Html)
    );
    assert_eq!(first.body, "<p>Full <b>story</b> text.</p>");
    assert_eq!(first.hints.title.as_deref(), Some("Strikes on Kyiv"));
    assert_eq!(
        first.hints.url.as_deref(),
        Some("https://news.example/2025/07/10/strikes")
    );
    assert_eq!(first.hints.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(first.hints.outlet.as_deref(), Some("Example News"));
    assert_eq!(first.hints.feed.as_deref(), Some("Example News"));
    assert_eq!(first.hints.language.as_deref(), Some("en"));
    let published = first.hints.published.as_ref().expect("date");
    assert_eq!(published.value, "2025-07-10T08:30:00+00:00");
    assert_eq!(published.source, DateSource::Container);
    let second = items[1].as_ref().expect("item 2");
    assert_eq!(
        (second.content, second.body.as_str()),
        (Content::Text, "Only a plain description.")
    );
    let third = items[2].as_ref().expect_err("item 3 has no content");
    assert_eq!((third.kind(), third.input()), ("empty", "feed.xml#3"));
}

#[test]
fn rdf_rss_1_0() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.example/"><title>RDF Wire</title><link>https://x.example/</link><description>d</description></channel>
  <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link>
    <description>The text of one.</description><dc:date>2025-07-09T12:00:00Z</dc:date></item>
</rdf:RDF>"#;
    let doc = one_doc("wire.rdf", rdf.as_bytes());
    assert_eq!(doc.format, InputFormat::Rss);
    assert_eq!(doc.body, "The text of one.");
    assert_eq!(doc.hints.outlet.as_deref(), Some("RDF Wire"));
    assert_eq!(
        doc.hints.published.expect("date").value,
        "2025-07-09T12:00:00+00:00"
    );
}

#[test]
fn atom_entries() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Times</title>
  <id>urn:x</id><updated>2025-07-10T10:00:00Z</updated>
  <entry>
    <title>Ceasefire talks</title>
    <link rel="alternate" href="https://atom.example/ceasefire"/>
    <id>urn:1</id>
    <published>2025-07-10T09:15:00+02:00</published>
    <updated>2025-07-10T10:00:00Z</updated>
    <author><name>John Roe</name></author>
    <content type="html">&lt;p&gt;Talks resumed.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title><id>urn:2</id><updated>2025-07-11T00:00:00Z</updated>
    <summary>Plain summary text.</summary>
  </entry>
</feed>"#;
    let items: Vec<RawDoc> = read("atom.xml", atom.as_bytes())
        .into_iter()
        .map(|r| r.expect("entry"))
        .collect();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0].format, items[0].content),
        (InputFormat::Atom, Content::Html)
    );
    assert_eq!(items[0].body, "<p>Talks resumed.</p>");
    assert_eq!(
        items[0].hints.url.as_deref(),
        Some("https://atom.example/ceasefire")
    );
    assert_eq!(items[0].hints.byline.as_deref(), Some("John Roe"));
    assert_eq!(items[0].hints.outlet.as_deref(), Some("Atom Times"));
    // feed-rs gives times in UTC.
    assert_eq!(
        items[0].hints.published.as_ref().expect("date").value,
        "2025-07-10T07:15:00+00:00"
    );
    assert_eq!(
        (items[1].content, items[1].body.as_str()),
        (Content::Text, "Plain summary text.")
    );
    assert_eq!(
        items[1].hints.published.as_ref().expect("updated").value,
        "2025-07-11T00:00:00+00:00"
    );
}

#[test]
fn malformed_feed_is_one_error() {
    let err = one_err(
        "bad.xml",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</chan",
    );
    assert_eq!(err.kind(), "bad-feed");
    assert!(
        err.to_string().starts_with("bad.xml: malformed feed"),
        "{err}"
    );
}

// ---------------------------------------------------------------- WARC

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut rec = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-07-12T00:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:0>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(block);
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

fn http_response(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut msg = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    msg.extend_from_slice(body);
    msg
}

/// warcinfo, request, 200 HTML (UTF-8), 404, 200 PNG, 200 gzip-encoded windows-1252 HTML.
fn warc_records() -> Vec<Vec<u8>> {
    let http = "application/http; msgtype=response";
    let page = b"<!doctype html><html><head><title>Kyiv</title></head><body><p>Missiles hit Kyiv.</p></body></html>";
    let legacy = gzip(b"<html><body><p>He said \x93enough\x94.</p></body></html>");
    vec![
        warc_record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://a.example/1",
            "application/http; msgtype=request",
            b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://a.example/1",
            http,
            &http_response("200 OK", "Content-Type: text/html; charset=utf-8\r\n", page),
        ),
        warc_record(
            "response",
            "https://a.example/missing",
            http,
            &http_response(
                "404 Not Found",
                "Content-Type: text/html\r\n",
                b"<p>gone</p>",
            ),
        ),
        warc_record(
            "response",
            "https://a.example/img.png",
            http,
            &http_response(
                "200 OK",
                "Content-Type: image/png\r\n",
                b"\x89PNG\r\n\x1a\n\0\0",
            ),
        ),
        warc_record(
            "response",
            "https://b.example/2",
            http,
            &http_response(
                "200 OK",
                "Content-Type: text/html; charset=windows-1252\r\nContent-Encoding: gzip\r\n",
                &legacy,
            ),
        ),
    ]
}

fn check_warc_docs(items: &[Result<RawDoc, ReadError>], name: &str) {
    assert_eq!(items.len(), 2, "{items:?}");
    let a = items[0].as_ref().expect("record 3");
    assert_eq!(a.input, format!("{name}#3"));
    assert_eq!(
        (a.format, a.content, a.charset.as_str()),
        (InputFormat::Warc, Content::Html, "UTF-8")
    );
    assert!(a.body.contains("Missiles hit Kyiv."));
    assert_eq!(a.hints.url.as_deref(), Some("https://a.example/1"));
    assert_eq!(
        a.hints.published, None,
        "a crawl date is not a publication date"
    );
    let b = items[1].as_ref().expect("record 6");
    assert_eq!(b.input, format!("{name}#6"));
    assert_eq!(b.charset, "windows-1252");
    assert!(
        b.body.contains("He said \u{201C}enough\u{201D}."),
        "{}",
        b.body
    );
}

#[test]
fn warc_plain_skips_requests_errors_and_images() {
    let bytes: Vec<u8> = warc_records().concat();
    check_warc_docs(&read("crawl.warc", &bytes), "crawl.warc");
}

#[test]
fn warc_gzipped_record_by_record() {
    let bytes: Vec<u8> = warc_records()
        .iter()
        .map(|r| gzip(r))
        .collect::<Vec<_>>()
        .concat();
    check_warc_docs(&read("cc-news.warc.gz", &bytes), "cc-news.warc.gz");
}

#[test]
fn warc_gzipped_whole() {
    let bytes = gzip(&warc_records().concat());
    check_warc_docs(&read("whole.warc.gz", &bytes), "whole.warc.gz");
}

#[test]
fn truncated_warc_keeps_earlier_records() {
    let records = warc_records();
    let mut bytes = records[..3].concat();
    let last = &records[5];
    bytes.extend_from_slice(&last[..last.len() - 40]);
    let items = read("cut.warc", &bytes);
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].as_ref().is_ok_and(|d| d.input == "cut.warc#3"));
    let err = items[1].as_ref().expect_err("truncated");
    assert_eq!((err.kind(), err.input()), ("truncated-warc", "cut.warc#4"));
    assert!(
        err.to_string()
            .starts_with("cut.warc#4: truncated WARC record at byte "),
        "{err}"
    );
}

#[test]
fn truncated_gzip_warc_keeps_earlier_records() {
    let members: Vec<Vec<u8>> = warc_records().iter().map(|r| gzip(r)).collect();
    let mut bytes = members[..3].concat();
    bytes.extend_from_slice(&members[5][..members[5].len() / 2]);
    let items = read("cut.warc.gz", &bytes);
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].is_ok());
    let err = items[1].as_ref().expect_err("truncated");
    assert_eq!(
        (err.kind(), err.input()),
        ("truncated-gzip", "cut.warc.gz#4")
    );
}

#[test]
fn warc_garbage_between_records_stops_with_error() {
    let records = warc_records();
    let mut bytes = records[2].clone();
    bytes.extend_from_slice(b"garbage here\r\n");
    let items = read("g.warc", &bytes);
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].as_ref().expect_err("bad").kind(), "bad-warc");
}

// ---------------------------------------------------------------- JSON

#[test]
fn jsonl_with_a_bad_line() {
    let jsonl = concat!(
        r#"{"url":"https://j.example/1","title":"One","text":"First text.","published":"Thu, 10 Jul 2025 08:30:00 +0200","outlet":"J News","byline":"A. Writer","language":"en","extra":1}"#,
        "\n",
        "{not json}\n",
        "\n",
        r#"{"title":"Two","html":"<p>Second</p>","published":"2025-07-11"}"#,
        "\n",
        r#"{"title":"No body"}"#,
        "\n"
    );
    let items = read("data.jsonl", jsonl.as_bytes());
    assert_eq!(items.len(), 4, "{items:?}");
    let first = items[0].as_ref().expect("line 1");
    assert_eq!(
        (first.input.as_str(), first.format, first.content),
        ("data.jsonl:1", InputFormat::Jsonl, Content::Text)
    );
    assert_eq!(first.body, "First text.");
    assert_eq!(first.hints.url.as_deref(), Some("https://j.example/1"));
    assert_eq!(first.hints.outlet.as_deref(), Some("J News"));
    assert_eq!(first.hints.byline.as_deref(), Some("A. Writer"));
    assert_eq!(first.hints.language.as_deref(), Some("en"));
    let published = first.hints.published.as_ref().expect("date");
    assert_eq!(
        (published.value.as_str(), published.source),
        ("2025-07-10T08:30:00+02:00", DateSource::Container)
    );
    let bad = items[1].as_ref().expect_err("line 2");
    assert_eq!((bad.kind(), bad.input()), ("bad-json", "data.jsonl:2"));
    assert!(bad.to_string().starts_with("data.jsonl:2: malformed JSON"));
    let second = items[2].as_ref().expect("line 4");
    assert_eq!(
        (second.input.as_str(), second.content),
        ("data.jsonl:4", Content::Html)
    );
    assert_eq!(
        second.hints.published.as_ref().expect("date").value,
        "2025-07-11"
    );
    assert_eq!(
        items[3].as_ref().expect_err("line 5").input(),
        "data.jsonl:5"
    );
}

#[test]
fn json_array_and_single_object() {
    let items = read(
        "a.json",
        br#"[{"text":"one"},{"html":"<p>two</p>"},{"nope":1}]"#,
    );
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().expect("1").input, "a.json#1");
    assert_eq!(items[1].as_ref().expect("2").content, Content::Html);
    assert_eq!(items[2].as_ref().expect_err("3").input(), "a.json#3");
    let doc = one_doc(
        "o.json",
        b"{\n  \"title\": \"T\",\n  \"text\": \"Body.\"\n}\n",
    );
    assert_eq!((doc.input.as_str(), doc.body.as_str()), ("o.json", "Body."));
}

#[test]
fn gzipped_jsonl() {
    let doc = one_doc("d.jsonl.gz", &gzip(b"{\"text\":\"zipped line\"}\n"));
    assert_eq!(doc.body, "zipped line");
}

// ---------------------------------------------------------------- errors

#[test]
fn empty_and_whitespace_files() {
    for bytes in [
        &b""[..],
        b"  \n\t\r\n ",
        b"\xEF\xBB\xBF \n",
        b"\xFF\xFE \0\n\0",
    ] {
        let err = one_err("data/x.html", bytes);
        assert_eq!(err.kind(), "empty", "{bytes:?}");
        assert_eq!(err.to_string(), "data/x.html: empty file");
        assert_eq!(err.input(), "data/x.html");
    }
}

#[test]
fn binary_files() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let err = one_err("pic.png", png);
    assert_eq!(err.kind(), "binary");
    assert_eq!(
        err.to_string(),
        "pic.png: binary data (PNG image), not text"
    );
    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
    assert_eq!(one_err("a.out", elf).kind(), "binary");
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
        .collect();
    assert_eq!(one_err("ctl", &controls).kind(), "binary");
    assert_eq!(one_err("png.gz", &gzip(png)).kind(), "binary");
}

#[test]
fn truncated_and_corrupt_gzip() {
    let gz = gzip(
        "A long enough text to be compressed into more than a few bytes. "
            .repeat(50)
            .as_bytes(),
    );
    let err = one_err("t.txt.gz", &gz[..gz.len() / 2]);
    assert_eq!(err.kind(), "truncated-gzip");
    assert_eq!(err.to_string(), "t.txt.gz: truncated gzip stream");
    let err = one_err("t2.txt.gz", &gz[..gz.len() - 4]);
    assert_eq!(err.kind(), "truncated-gzip", "{err}");
    let mut bad = gz.clone();
    for b in &mut bad[20..60] {
        *b ^= 0x5a;
    }
    let err = one_err("c.txt.gz", &bad);
    assert!(matches!(err.kind(), "bad-gzip" | "truncated-gzip"), "{err}");
}

#[test]
fn too_large_documents() {
    let opts = ReadOptions {
        max_doc_bytes: 16,
        ..ReadOptions::default()
    };
    let big = b"This text is longer than sixteen bytes.".to_vec();
    let items: Vec<_> = read_bytes("big.txt", big.clone(), &opts).collect();
    let err = items[0].as_ref().expect_err("too large");
    assert_eq!(err.kind(), "too-large");
    assert_eq!(
        err.to_string(),
        "big.txt: too large: over the limit of 16 bytes"
    );
    // Decompressed size is capped too.
    let items: Vec<_> = read_bytes("big.txt.gz", gzip(&big), &opts).collect();
    assert_eq!(
        items[0].as_ref().expect_err("too large").kind(),
        "too-large"
    );
    // From disk: the file size is checked before reading.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &big).expect("write");
    let items: Vec<_> = read_input(&Input::File(path), &opts).collect();
    assert_eq!(
        items[0].as_ref().expect_err("too large").kind(),
        "too-large"
    );
    // One JSONL line too large, the next fine.
    let jsonl = format!(
        "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
        "x".repeat(100)
    );
    let opts = ReadOptions {
        max_doc_bytes: 8,
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_bytes("l.jsonl", jsonl.into_bytes(), &opts).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().expect_err("line 1").kind(), "too-large");
    assert_eq!(items[1].as_ref().expect("line 2").body, "ok");
}

#[test]
fn missing_file_and_directory_input() {
    let items: Vec<_> = read_input(
        &Input::File("no/such/file.txt".into()),
        &ReadOptions::default(),
    )
    .collect();
    let err = items[0].as_ref().expect_err("missing");
    assert_eq!(err.kind(), "not-found");
    assert_eq!(
        err.to_string(),
        "no/such/file.txt: no such file or directory"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let items: Vec<_> = read_input(
        &Input::File(dir.path().to_path_buf()),
        &ReadOptions::default(),
    )
    .collect();
    assert_eq!(items[0].as_ref().expect_err("dir").kind(), "unreadable");
}

// ---------------------------------------------------------------- inputs

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn collect_inputs_walks_directories_sorted_skipping_hidden() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(&root.join("b.txt"), b"b");
    write(&root.join("a.txt"), b"a");
    write(&root.join("sub/c.html"), b"<p>c</p>");
    write(&root.join(".hidden"), b"h");
    write(&root.join(".git/config"), b"x");
    let explicit_hidden = root.join(".hidden");
    let missing = root.join("missing.txt");
    let (inputs, errors) = collect_inputs(&[
        root.to_path_buf(),
        PathBuf::from("-"),
        explicit_hidden.clone(),
        missing.clone(),
    ]);
    let expected = vec![
        Input::File(root.join("a.txt")),
        Input::File(root.join("b.txt")),
        Input::File(root.join("sub/c.html")),
        Input::Stdin,
        Input::File(explicit_hidden),
    ];
    assert_eq!(inputs, expected);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].kind(), errors[0].input()),
        ("not-found", missing.display().to_string().as_str())
    );
    assert_eq!(Input::Stdin.to_string(), "-");
    assert_eq!(Input::File("x/y.txt".into()).to_string(), "x/y.txt");
}

#[test]
fn example_seeds_are_five_text_documents() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let (inputs, errors) = collect_inputs(&[seeds]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs.len(), 5);
    for input in &inputs {
        let docs: Vec<_> = read_input(input, &ReadOptions::default()).collect();
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().expect("seed reads");
        assert_eq!(
            (doc.format, doc.content, doc.charset.as_str()),
            (InputFormat::Text, Content::Text, "UTF-8")
        );
        assert_eq!(doc.input, input.to_string());
        assert!(doc.body.len() > 500);
    }
}

// ---------------------------------------------------------------- sniffing and robustness

#[test]
fn sniff_recognises_formats_by_content() {
    assert_eq!(sniff(b"\x1f\x8b\x08\0"), Sniffed::Gzip);
    assert_eq!(
        sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"),
        Sniffed::Format(InputFormat::Warc)
    );
    assert_eq!(
        sniff(b"{\"url\": \"x\"}\n"),
        Sniffed::Format(InputFormat::Jsonl)
    );
    assert_eq!(
        sniff(b"[{\"text\": \"x\"}]"),
        Sniffed::Format(InputFormat::Jsonl)
    );
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
        Sniffed::Format(InputFormat::Rss)
    );
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
        Sniffed::Format(InputFormat::Atom)
    );
    assert_eq!(
        sniff(b"<rdf:RDF xmlns:rdf=\"x\">"),
        Sniffed::Format(InputFormat::Rss)
    );
    assert_eq!(
        sniff(b"\xEF\xBB\xBF<!DOCTYPE html>\n<html>"),
        Sniffed::Format(InputFormat::Html)
    );
    assert_eq!(
        sniff(b"  <head><title>x</title>"),
        Sniffed::Format(InputFormat::Html)
    );
    assert_eq!(
        sniff(b"Plain <text> with [brackets] and {braces}."),
        Sniffed::Format(InputFormat::Text)
    );
    assert_eq!(
        sniff(b"[Reuters] Moscow, July 10."),
        Sniffed::Format(InputFormat::Text)
    );
    assert_eq!(sniff(b" \n\t"), Sniffed::Empty);
    assert!(matches!(sniff(b"\x89PNG\r\n\x1a\n"), Sniffed::Binary(_)));
    assert!(matches!(sniff(b"abc\0def"), Sniffed::Binary(_)));
}

#[test]
fn docs_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<tri_reader::Docs>();
    assert_send::<ReadError>();
}

#[test]
fn never_panics_on_cut_or_flipped_inputs() {
    let samples: Vec<Vec<u8>> = vec![
        RSS.as_bytes().to_vec(),
        warc_records().concat(),
        warc_records()
            .iter()
            .map(|r| gzip(r))
            .collect::<Vec<_>>()
            .concat(),
        br#"{"text":"a"}"#.to_vec(),
        b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8</body></html>"
            .to_vec(),
        gzip(b"some text"),
        vec![0xFF, 0xFE, b'a', 0, b'b'],
    ];
    let opts = ReadOptions {
        max_doc_bytes: 200,
        max_container_bytes: 4000,
    };
    for sample in &samples {
        let step = (sample.len() / 60).max(1);
        for cut in (0..sample.len()).step_by(step) {
            let _: Vec<_> = read_bytes("cut", sample[..cut].to_vec(), &opts).collect();
            let mut flipped = sample.clone();
            flipped[cut] ^= 0xA5;
            let _: Vec<_> = read_bytes("flip", flipped, &opts).collect();
        }
    }
}
