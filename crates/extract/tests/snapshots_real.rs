//! Snapshots of what extraction makes of real and example inputs: the whole article
//! (clean text, metadata, language, what was removed), so any change in what a user
//! gets from these files shows up in review.

use std::path::{Path, PathBuf};

use tri_reader::{read_input, Input, ReadOptions};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every article a file holds, extracted, with the input named relative to `examples/`.
fn articles(rel: &str) -> Vec<serde_json::Value> {
    let path = repo().join("examples").join(rel);
    let mut out = Vec::new();
    for doc in read_input(&Input::File(path.clone()), &ReadOptions::default()) {
        let mut doc = doc.unwrap_or_else(|e| panic!("{rel}: {e}"));
        doc.input = doc.input.replace(&path.display().to_string(), rel);
        let article = tri_extract::extract(&doc).unwrap_or_else(|e| panic!("{rel}: {e}"));
        out.push(serde_json::to_value(&article).unwrap());
    }
    out
}

fn snapshot_name(rel: &str) -> String {
    rel.replace(['/', '.'], "_")
}

#[test]
fn seed_articles() {
    let mut seeds: Vec<_> = std::fs::read_dir(repo().join("examples/seeds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5, "the five seed articles");
    for name in seeds {
        let rel = format!("seeds/{name}");
        let got = articles(&rel);
        assert_eq!(got.len(), 1, "{rel}: one article per seed file");
        insta::assert_json_snapshot!(snapshot_name(&rel), got[0]);
    }
}

#[test]
fn example_formats() {
    for rel in [
        "formats/brussels-pledge.cp1252.txt",
        "formats/harbour-gazette.rss",
        "formats/valley-courier.atom",
        "formats/wire.jsonl",
        "formats/istanbul-talks.html.gz",
        "formats/money-daily.warc.gz",
    ] {
        insta::assert_json_snapshot!(snapshot_name(rel), articles(rel));
    }
}
