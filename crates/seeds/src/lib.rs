//! The five seed articles (`examples/seeds/`) and what a careful analyst finds in them
//! (`examples/seeds-expected.json`), for tests: each seed read and extracted as `ingest`
//! does, so that a stage's seed test sees what users get.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

use tri_model::Article;

/// The seeds' ids in the expected file and their file names.
pub const SEEDS: [(&str, &str); 5] = [
    ("000", "000_6957dbedd507531b.txt"),
    ("001", "001_409c474fb3687218.txt"),
    ("002", "002_6a1ededbb51043c5.txt"),
    ("003", "003_27f29ae969c6fbd6.txt"),
    ("004", "004_4e2b5d02a6542def.txt"),
];

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One file read and extracted as `ingest` does; panics on a file that is not one
/// readable article, since the seeds are.
pub fn read_article(path: &Path) -> Article {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.display().to_string();
    let raw = tri_reader::read_bytes(&name, bytes, &tri_reader::ReadOptions::default())
        .next()
        .expect("one document")
        .expect("a readable document");
    tri_extract::extract(&raw).expect("an article")
}

/// Every seed with its id, in id order.
pub fn articles() -> Vec<(&'static str, Article)> {
    SEEDS
        .iter()
        .map(|&(id, file)| (id, read_article(&repo().join("examples/seeds").join(file))))
        .collect()
}

/// `examples/seeds-expected.json`.
pub fn expected() -> serde_json::Value {
    let path = repo().join("examples/seeds-expected.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("the expected file"))
        .expect("the expected file is JSON")
}
