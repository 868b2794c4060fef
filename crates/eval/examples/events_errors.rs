//! Lists, record by record, the gold category and the coded main event of a PLOVER
//! layout file, to read the errors on development data:
//! `cargo run --release -p tri-eval --example events_errors -- data/events-dev/dev.json`.
fn main() {
    let path = std::env::args().nth(1).expect("a PLOVER records file");
    let records = tri_eval::events::read(std::path::Path::new(&path)).expect("readable records");
    let annotator = tri_annotate::Annotator::bundled().expect("bundled models");
    for r in &records {
        let a = annotator.annotate(&r.text, Some("en"));
        let main = tri_eval::events::main_event(&r.text, &a.events);
        let show = |ps: &[tri_model::Participant]| {
            ps.iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("+")
        };
        let got = main.map_or("NONE".to_string(), |e| {
            format!(
                "{} {:?} {} -> {} [{}]",
                e.kind,
                e.text,
                show(&e.actor),
                show(&e.recipient),
                e.modality.as_str()
            )
        });
        let ok = main.is_some_and(|e| e.kind == r.kind);
        println!(
            "{}\t{}\t{}\t{}",
            if ok { "ok " } else { "BAD" },
            r.kind,
            got,
            r.text
        );
    }
    println!(
        "{}",
        tri_eval::events::evaluate(std::path::Path::new(&path))
            .expect("scores")
            .table()
    );
}
