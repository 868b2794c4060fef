//! Times the whole pipeline on one file, then the chronology and the figures stages
//! alone on its tokens, to show that each stays linear on very long documents.
//!   cargo run --release -p tri-annotate --example pipeline_timing -- FILE [--published YYYY-MM-DD]

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let published = args.iter().position(|a| a == "--published").map(|i| {
        let v = args.remove(i + 1);
        args.remove(i);
        tri_model::Published {
            value: v,
            source: tri_model::DateSource::User,
        }
    });
    let path = args.first().expect("a file");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let mb = text.len() as f64 / 1e6;
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
    let started = Instant::now();
    let a = annotator.annotate_with(&text, Some("en"), None, None);
    println!(
        "whole pipeline: {:.1} s, {:.2} MB/s",
        started.elapsed().as_secs_f64(),
        mb / started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let c = tri_time::chronology(&tri_time::ArticleTime {
        text: &text,
        segmented: &a.segmented,
        published: published.as_ref(),
        url: None,
    });
    let s = started.elapsed().as_secs_f64();
    println!(
        "chronology: {} timexes, {} predictions, {} flags in {s:.2} s, {:.1} MB/s",
        c.timexes.len(),
        c.predictions.len(),
        c.flags.len(),
        mb / s
    );
    let started = Instant::now();
    let f = tri_figures::extract(&tri_figures::Input {
        text: &text,
        segmented: &a.segmented,
        entities: &a.entities,
        attributions: &a.attributions,
    });
    let s = started.elapsed().as_secs_f64();
    println!("figures: {} in {s:.2} s, {:.1} MB/s", f.len(), mb / s);
}
