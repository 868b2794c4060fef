//! Notes which shipped model files exist, so the crate (and with it the `train ner`
//! command) still builds from a checkout whose model was deleted to be retrained.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(shipped_model)");
    println!("cargo::rustc-check-cfg=cfg(shipped_clusters)");
    println!("cargo::rustc-check-cfg=cfg(shipped_embeddings)");
    let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/ner");
    for (file, flag) in [
        ("model.tsv.gz", "shipped_model"),
        ("clusters.tsv", "shipped_clusters"),
        ("embeddings.tsv.gz", "shipped_embeddings"),
    ] {
        let path = models.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        if path.exists() {
            println!("cargo::rustc-cfg={flag}");
        }
    }
    println!("cargo::rerun-if-changed={}", models.display());
}
