//! Prints the chronology of each file given: publication date and how it was known,
//! every temporal expression with its value, the flags and the predictions.
//!   cargo run --release -p tri-annotate --example chronology -- FILE... [--published YYYY-MM-DD]

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let published = args.iter().position(|a| a == "--published").map(|i| {
        let v = args.remove(i + 1);
        args.remove(i);
        v
    });
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
    for path in args {
        let bytes = std::fs::read(&path).expect("a readable file");
        for raw in tri_reader::read_bytes(&path, bytes, &tri_reader::ReadOptions::default()) {
            let Ok(raw) = raw else { continue };
            let Ok(mut article) = tri_extract::extract(&raw) else {
                continue;
            };
            if let Some(p) = &published {
                article.published = Some(tri_model::Published {
                    value: p.clone(),
                    source: tri_model::DateSource::User,
                });
            }
            let c = annotator.annotate_article(&article).chronology;
            println!("== {path}\npublication: {:?}", c.publication);
            for (i, t) in c.timexes.iter().enumerate() {
                println!(
                    "  [{i}] {:?} {:?} {} {:?}",
                    t.text,
                    t.kind,
                    t.value_range(),
                    t.modifier
                );
            }
            for f in &c.flags {
                println!("  flag [{}] {}", f.timex, f.explanation);
            }
            for p in &c.predictions {
                println!(
                    "  prediction [{}] {:?} cue {:?} due {}: {}",
                    p.timex,
                    p.kind,
                    p.cue,
                    p.due,
                    p.sentence.of(&article.text)
                );
            }
        }
    }
}
