//! Runs or scores the extraction benchmark.
//!
//! ```text
//! cargo run --release -p tri-eval --example extraction -- DATA_DIR [--dump OUT_DIR] [--json]
//! cargo run --release -p tri-eval --example extraction -- DATA_DIR --score PRED_DIR --name NAME [--json]
//! cargo run --release -p tri-eval --example extraction -- DATA_DIR --per-page
//! ```
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut data = None;
    let (mut dump, mut score, mut name, mut json, mut per_page) =
        (None, None, "peer".to_string(), false, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next().map(PathBuf::from),
            "--score" => score = args.next().map(PathBuf::from),
            "--name" => name = args.next().unwrap_or(name),
            "--json" => json = true,
            "--per-page" => per_page = true,
            _ => data = Some(PathBuf::from(a)),
        }
    }
    let data =
        data.unwrap_or_else(|| PathBuf::from("/work/shared/data/article-extraction-benchmark"));
    let result = match &score {
        Some(pred) => tri_eval::extraction::score_dir(&data, pred, &name),
        None => tri_eval::extraction::evaluate_with(&data, None, dump.as_deref()),
    };
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    if json {
        println!("{}", serde_json::to_string(&report).expect("serializable"));
    } else {
        if per_page {
            for p in &report.per_page {
                let f = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
                println!(
                    "{} P {} R {} {}",
                    p.id,
                    f(p.precision),
                    f(p.recall),
                    if p.exact { "exact" } else { "" }
                );
            }
        }
        print!("{}", report.table());
    }
}
