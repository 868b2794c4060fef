//! Tokenization and sentence-splitting speed on real news text, on one core.
//!
//! Reads the seed articles (`examples/seeds/*.txt`, or the folder given as the first
//! argument), repeats them to about 64 MiB, and times `tri_text::segment` over the lot.
//!
//! ```text
//! cargo run --release -p tri-text --example throughput [FOLDER]
//! ```

use std::time::Instant;
use std::{env, fs, path::PathBuf};

fn main() -> std::io::Result<()> {
    let dir = env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds"));
    let mut articles = Vec::new();
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            articles.push(fs::read_to_string(&path)?);
        }
    }
    let seed_bytes: usize = articles.iter().map(String::len).sum();
    if seed_bytes == 0 {
        eprintln!("no .txt articles in {}", dir.display());
        std::process::exit(1);
    }

    // Article by article, as the pipeline calls it, over enough text to time reliably.
    let target: usize = 64 << 20;
    let rounds = target.div_ceil(seed_bytes);
    let mut best = f64::INFINITY;
    let (mut tokens, mut sentences) = (0, 0);
    for _ in 0..3 {
        let (mut t, mut s) = (0, 0);
        let start = Instant::now();
        for _ in 0..rounds {
            for article in &articles {
                let seg = tri_text::segment(article);
                t += seg.tokens.len();
                s += seg.sentences.len();
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
        (tokens, sentences) = (t, s);
    }
    let bytes = (seed_bytes * rounds) as f64;
    println!(
        "{} articles ({} bytes) x {rounds}: {:.1} MB, {tokens} tokens, {sentences} sentences",
        articles.len(),
        seed_bytes,
        bytes / 1e6
    );
    println!(
        "segment: {:.1} MB/s, {:.1} M tokens/s (best of 3, one core)",
        bytes / 1e6 / best,
        tokens as f64 / 1e6 / best
    );
    Ok(())
}
