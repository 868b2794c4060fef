//! Times the events stage alone on text files, after the other stages:
//! `cargo run --release -p tri-annotate --example events_timing -- FILE...`.
fn main() {
    let annotator = tri_annotate::Annotator::bundled().expect("bundled models");
    let gazetteer = tri_gazetteer::Gazetteer::embedded();
    let docs: Vec<(String, tri_annotate::Annotated)> = std::env::args()
        .skip(1)
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable text file");
            let a = annotator.annotate(&text, Some("en"));
            (text, a)
        })
        .collect();
    let started = std::time::Instant::now();
    let mut bytes = 0usize;
    let mut events = 0usize;
    while started.elapsed().as_secs_f64() < 2.0 {
        for (text, a) in &docs {
            let e = tri_events::extract(&tri_events::Input {
                text,
                segmented: &a.segmented,
                entities: &a.entities,
                attributions: &a.attributions,
                chronology: &a.chronology,
                gazetteer,
            });
            events += e.len();
            bytes += text.len();
        }
    }
    let s = started.elapsed().as_secs_f64();
    println!("{:.1} MB/s, {} events", bytes as f64 / 1e6 / s, events);
}
