//! Prints the entities of text files, tagged by the bundled model, and how long resolution
//! takes per file (mean of 200 runs, after the tagger):
//! `cargo run --release -p tri-entities --example entities -- FILE...`
use std::time::Instant;

const RUNS: u32 = 200;

fn main() {
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled model loads");
    let gazetteer = tri_gazetteer::Gazetteer::embedded();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let start = Instant::now();
        let a = annotator.annotate(&text, Some("en"));
        let tagging = start.elapsed();
        let mut entities = tri_entities::resolve(&text, &a.segmented, &a.mentions, gazetteer);
        let start = Instant::now();
        for _ in 0..RUNS {
            entities = tri_entities::resolve(&text, &a.segmented, &a.mentions, gazetteer);
        }
        let resolving = start.elapsed() / RUNS;
        println!(
            "== {path}: {} bytes, {} mentions -> {} entities; resolve {:.3} ms (tag + segment {:.3} ms)",
            text.len(),
            a.mentions.len(),
            entities.len(),
            resolving.as_secs_f64() * 1e3,
            tagging.as_secs_f64() * 1e3,
        );
        for e in &entities {
            let mentions: Vec<String> = e
                .mentions
                .iter()
                .map(|m| format!("{} ({:?})", m.text, m.form))
                .collect();
            println!(
                "{:<32} {:<12} {:<30} roles={:?} affiliations={:?} country={:?} stands_for={:?}\n    {}",
                e.key,
                e.kind.as_str(),
                e.name,
                e.roles,
                e.affiliations,
                e.country,
                e.stands_for,
                mentions.join(" | ")
            );
        }
    }
}
