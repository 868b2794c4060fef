//! Looks names up in the shipped gazetteer and reports how long loading took.
//!
//! `cargo run --release -p tri-gazetteer --example lookup -- Kiev "the Kremlin" Russian`

use std::time::Instant;

use tri_gazetteer::Gazetteer;

fn main() {
    let start = Instant::now();
    let g = Gazetteer::embedded();
    let took = start.elapsed();
    println!(
        "loaded {} entries in {:.1} ms",
        g.len(),
        took.as_secs_f64() * 1e3
    );
    for name in std::env::args().skip(1) {
        println!("{name}:");
        if let Some(c) = g.demonym(&name) {
            println!("  demonym of {} ({})", c.name, c.key);
        }
        for e in g.lookup(&name) {
            let stands = g.stands_for(e).map(|s| format!(" -> {}", s.name));
            println!(
                "  {} {} {} [{}]{}{}",
                e.key,
                e.subtype,
                e.name,
                e.country.as_deref().unwrap_or(""),
                e.role
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default(),
                stands.unwrap_or_default()
            );
        }
    }
}
