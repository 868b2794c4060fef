//! Where plain-text ingest spends its time: each stage alone, on one thread, over a
//! folder of text files, as a table of MB/s. `bench/ingest.sh` times the whole command;
//! this says which stage to work on.
//!
//!   cargo run --release -p tri-ingest --example stages -- bench-out/ingest/corpus [FILES]

use std::time::Instant;

use tri_reader::{read_bytes, ReadOptions};
use tri_store::{SqliteStore, Store};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: stages DIR [FILES]");
    let limit: usize = args
        .next()
        .map_or(5000, |n| n.parse().expect("FILES is a number"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("DIR is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    paths.sort();
    paths.truncate(limit);
    let files: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("file is readable"))
        .collect();
    let megabytes = files.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;

    let mut rows = Vec::new();
    let mut time = |stage: &'static str, run: &mut dyn FnMut()| {
        let started = Instant::now();
        run();
        rows.push((stage, started.elapsed().as_secs_f64()));
    };

    let mut docs = Vec::new();
    time("read (sniff, decode)", &mut || {
        docs = files
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                read_bytes(&format!("{i}.txt"), bytes.clone(), &ReadOptions::default())
                    .next()
                    .expect("one document")
                    .expect("readable")
            })
            .collect();
    });
    let texts: Vec<&str> = docs.iter().map(|d| d.body.as_str()).collect();
    let mut sink = 0usize;
    time("clean plain text", &mut || {
        sink += texts
            .iter()
            .map(|t| tri_extract::clean_plain_text(t).text.len())
            .sum::<usize>();
    });
    time("detect language", &mut || {
        sink += texts
            .iter()
            .filter_map(|t| tri_extract::detect_language(t))
            .count();
    });
    time("normalise for id", &mut || {
        sink += texts
            .iter()
            .map(|t| tri_model::normalize_for_id(t).len())
            .sum::<usize>();
    });
    time("article id (normalise + BLAKE3)", &mut || {
        sink += texts
            .iter()
            .map(|t| tri_model::article_id(t).len())
            .sum::<usize>();
    });
    let mut articles = Vec::new();
    time("extract (all of the above)", &mut || {
        articles = docs
            .iter()
            .filter_map(|d| tri_extract::extract(d).ok())
            .collect();
    });
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut store = SqliteStore::open(&dir.path().join("stages.db")).expect("store opens");
    time("store (batches of 500)", &mut || {
        for batch in articles.chunks(500) {
            store.put_articles(batch).expect("store accepts");
        }
    });

    println!(
        "{} files, {megabytes:.1} MB, one thread ({sink})\n",
        files.len()
    );
    println!("| stage | seconds | MB/s |\n|---|---:|---:|");
    for (stage, seconds) in rows {
        println!("| {stage} | {seconds:.3} | {:.1} |", megabytes / seconds);
    }
}
