//! Lists the temporal expressions the tagger misses or mis-values on a TimeML folder:
//! `cargo run --release -p tri-eval --example timex_errors -- DIR`.
fn main() {
    let dir = std::env::args().nth(1).expect("a folder of .tml files");
    let docs = tri_eval::timex::read(std::path::Path::new(&dir)).expect("readable TimeML");
    for d in &docs {
        let seg = tri_text::segment(&d.text);
        let found = tri_time::tag(&d.text, &seg, d.dct);
        for g in &d.timexes {
            let hit = found.iter().find(|t| t.span.overlaps(g.span));
            let got = hit.map(|t| format!("{:?} {} {}", t.text, t.kind.as_str(), t.value));
            let ok = hit.is_some_and(|t| t.value == g.value);
            if !ok {
                println!(
                    "{}\t{:?}\t{} {}\t=> {}",
                    d.name,
                    g.span.of(&d.text),
                    g.kind,
                    g.value,
                    got.unwrap_or("MISSED".into())
                );
            }
        }
        for t in &found {
            if !d.timexes.iter().any(|g| g.span.overlaps(t.span)) {
                println!(
                    "{}\tSPURIOUS {:?} {} {}",
                    d.name,
                    t.text,
                    t.kind.as_str(),
                    t.value
                );
            }
        }
    }
}
