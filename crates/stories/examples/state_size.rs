//! Streams a JSONL file of articles (`text`, `published`, `title`, `id`) through the
//! clusterer, draining settled placements as it goes, and prints how large its saved
//! state is every 10,000 articles: what a store-backed run keeps between ingests.
//!     cargo run --release -p tri-stories --example state_size -- FILE.jsonl
use std::io::BufRead;

use tri_stories::{epoch_seconds, StoryClusterer, StoryConfig, StoryInput};

fn main() {
    let path = std::env::args().nth(1).expect("a JSONL file in date order");
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("readable"));
    let mut c = StoryClusterer::new(StoryConfig::default());
    for (n, line) in file.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(&line.expect("a line")).expect("JSON");
        c.add(StoryInput {
            id: v["id"].as_str().map_or(format!("line-{n}"), str::to_string),
            published: v["published"].as_str().and_then(epoch_seconds),
            title: v["title"].as_str().map(str::to_string),
            text: v["text"].as_str().unwrap_or("").to_string(),
            ..StoryInput::default()
        });
        drop(c.drain_settled());
        if (n + 1) % 10_000 == 0 {
            println!(
                "{:>7} articles: state {:>6} KB",
                n + 1,
                c.to_json().len() / 1024
            );
        }
    }
}
