//! Times the attribution stage alone on one large text file, after tokens and entities:
//! `cargo run --release -p tri-attribution --example timing -- FILE` (`ROUNDS=N` to
//! repeat the stage, for a profiler).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(&path).unwrap();
    let annotator = tri_annotate::Annotator::bundled().unwrap();
    let t0 = std::time::Instant::now();
    let a = annotator.annotate(&text, Some("en"));
    let t1 = std::time::Instant::now();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let input = tri_attribution::Input {
        text: &text,
        segmented: &a.segmented,
        entities: &a.entities,
        outlet: None,
        title: None,
    };
    let gazetteer = tri_gazetteer::Gazetteer::embedded();
    for _ in 1..rounds {
        tri_attribution::attribute(&input, gazetteer);
    }
    let at = tri_attribution::attribute(&input, gazetteer);
    let t2 = std::time::Instant::now();
    println!(
        "{} bytes: pipeline {:.2} s, attribution alone {:.3} s ({:.1} MB/s), {} quotes, {} sources",
        text.len(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64() / rounds as f64,
        text.len() as f64 * rounds as f64 / 1e6 / (t2 - t1).as_secs_f64(),
        at.quotes.len(),
        at.sources.len()
    );
}
