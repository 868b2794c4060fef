//! Prints the quotes, speakers and provenance the attribution stage finds in text files
//! (or `-` for standard input):
//! `cargo run --release -p tri-attribution --example attributions -- FILE...`
fn main() {
    let annotator = tri_annotate::Annotator::bundled().unwrap();
    for path in std::env::args().skip(1) {
        let text = if path == "-" {
            std::io::read_to_string(std::io::stdin()).unwrap()
        } else {
            std::fs::read_to_string(&path).unwrap()
        };
        let a = annotator.annotate(&text, Some("en"));
        let at = &a.attributions;
        println!("=== {path}\nprovenance: {:?}", at.provenance);
        for q in &at.quotes {
            let src = q.source.map(|s| &at.sources[s]);
            println!(
                "[{}{}] {:?}\n    cue={:?} speaker={:?} -> {:?} via={:?}",
                q.kind.as_str(),
                if q.fragment { " frag" } else { "" },
                q.text.chars().take(90).collect::<String>(),
                q.cue.map(|c| c.of(&text)),
                q.speaker.map(|c| c.of(&text)),
                src.map(|s| format!(
                    "{} {} role={:?} aff={:?} n={:?} of={:?}",
                    s.kind.as_str(),
                    s.name,
                    s.role,
                    s.affiliation,
                    s.count,
                    s.member_of
                )),
                q.via.map(|v| &at.provenance.cited[v].name)
            );
        }
    }
}
