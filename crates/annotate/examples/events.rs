//! Prints the events the pipeline codes in text files, one line each, to read them:
//! `cargo run --release -p tri-annotate --example events -- FILE...`.
fn main() {
    let annotator = tri_annotate::Annotator::bundled().expect("bundled models");
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable text file");
        let found = annotator.annotate(&text, Some("en"));
        println!("== {path}");
        for e in &found.events {
            let names = |ps: &[tri_model::Participant]| {
                ps.iter()
                    .map(|p| {
                        format!(
                            "{}[{}{}]",
                            p.name,
                            p.code.as_deref().unwrap_or("-"),
                            p.sector
                                .as_deref()
                                .map(|s| format!(" {s}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            println!(
                "{} {}{} cameo {} | {} -> {} | {:?} | {} | at {} | on {}",
                e.kind,
                e.mode.as_deref().unwrap_or(""),
                if e.negated { " NOT" } else { "" },
                e.cameo,
                names(&e.actor),
                names(&e.recipient),
                e.text,
                e.modality.as_str(),
                e.location.as_ref().map_or("-", |l| l.name.as_str()),
                e.date.as_ref().map_or("-", |d| d.value.as_str()),
            );
        }
    }
}
