//! Prints the figures of text files, one line each, as the annotation pipeline finds
//! them (sentences, entities and quotes first):
//!
//!     cargo run --release -p tri-figures --example figures -- examples/seeds/*.txt

fn main() {
    let annotator = tri_annotate::Annotator::bundled().expect("the bundled models load");
    for path in std::env::args().skip(1) {
        let article = tri_seeds::read_article(std::path::Path::new(&path));
        println!("== {path}");
        let figures = annotator.annotate_article(&article).figures;
        for f in figures {
            println!("{}", line(&f));
        }
    }
}

fn line(f: &tri_figures::Figure) -> String {
    let mut out = format!("{:?} [{}] value {}", f.text, f.kind.as_str(), f.value);
    if let Some(u) = f.upper {
        out += &format!("..{u}");
    }
    if let Some(a) = f.approx {
        out += &format!(
            " ~{}({})",
            a.as_str(),
            f.approx_text.as_deref().unwrap_or("")
        );
    }
    for (name, v) in [
        ("unit", &f.unit),
        ("counted", &f.counted),
        ("period", &f.period),
        ("source", &f.source),
    ] {
        if let Some(v) = v {
            out += &format!(" {name}={v:?}");
        }
    }
    out
}
