//! Prints the named-entity mentions of text files: `cargo run -p tri-annotate --example mentions -- FILE...`
fn main() {
    let annotator = tri_annotate::Annotator::bundled().expect("model");
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let a = annotator.annotate(&text, Some("en"));
        println!(
            "== {path}: {} sentences, {} tokens",
            a.segmented.sentences.len(),
            a.segmented.tokens.len()
        );
        for m in &a.mentions {
            println!("{:>6} {:<13} {}", m.span.start, m.kind.as_str(), m.text);
        }
    }
}
