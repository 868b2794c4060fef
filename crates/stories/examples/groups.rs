//! Prints the stories a JSONL stream of articles (`text`, `published`, optional `title`
//! and `id`) falls into, with the first words of each article: to look at what the
//! clusterer joins.
//!     cargo run --release -p tri-stories --example groups -- FILE.jsonl [JOIN]
use tri_stories::{epoch_seconds, StoryClusterer, StoryConfig, StoryInput};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a JSONL file");
    let mut config = StoryConfig::default();
    if let Some(j) = args.next() {
        config.join = j.parse().expect("a number");
    }
    let text = std::fs::read_to_string(&path).expect("readable");
    let mut inputs: Vec<StoryInput> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            StoryInput {
                id: v["id"].as_str().map_or(format!("line-{n}"), str::to_string),
                published: v["published"].as_str().and_then(epoch_seconds),
                title: v["title"].as_str().map(str::to_string),
                text: v["text"].as_str().unwrap_or("").to_string(),
                ..StoryInput::default()
            }
        })
        .collect();
    inputs.sort_by_key(|i| i.published.unwrap_or(i64::MAX));
    let heads: std::collections::HashMap<String, String> = inputs
        .iter()
        .map(|i| (i.id.clone(), i.text.chars().take(70).collect()))
        .collect();
    let mut c = StoryClusterer::new(config);
    for i in inputs {
        c.add(i);
    }
    for s in c.finish().stories.iter().filter(|s| s.articles.len() > 1) {
        println!("{} [{}]", s.id, s.keywords.join(" "));
        for a in &s.articles {
            println!("    {}", heads[a].replace('\n', " "));
        }
    }
}
