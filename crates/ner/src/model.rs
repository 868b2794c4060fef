//! The trained weights and their file format.
//!
//! The file is gzipped UTF-8 text, so it can be read and compared between trainings:
//! a header of `key<TAB>value` lines, then one line per feature, `feature<TAB>label:weight
//! label:weight ...`, weights as integers (the averaged weights scaled so the largest is
//! 30000; a linear model's argmax does not change under scaling) and zero weights left out.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{BufRead, BufReader, Read, Write};

use crate::features::hash;
use crate::labels::{self, LABEL_COUNT};
use crate::NerError;

/// Keys are FNV hashes already; hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Fold the high bits in: the map uses the low ones for buckets.
        self.0 = n ^ (n >> 29);
    }
}

pub(crate) type FeatureMap = HashMap<u64, u32, BuildHasherDefault<PassThrough>>;

/// Feature weights: one row of `LABEL_COUNT` scores per known feature.
#[derive(Debug, Default)]
pub struct Weights {
    pub(crate) rows: FeatureMap,
    pub(crate) values: Vec<f32>,
    /// What the model file says about how it was trained.
    pub(crate) header: Vec<(String, String)>,
}

impl Weights {
    /// Adds the row of the feature with this hash, if known, to `scores`.
    #[inline]
    pub fn add(&self, feature: u64, scores: &mut [f32; LABEL_COUNT]) {
        if let Some(&row) = self.rows.get(&feature) {
            let start = row as usize * LABEL_COUNT;
            let row = &self.values[start..start + LABEL_COUNT];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += *w;
            }
        }
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.rows.len()
    }

    /// A header value of the model file (`lexicon`, `trained`, ...).
    pub fn header(&self, key: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Reads a model file (gzipped or plain text) with one stage.
    pub fn read(bytes: &[u8]) -> Result<Weights, NerError> {
        let mut stages = Weights::read_stages(bytes)?;
        if stages.len() != 1 {
            return Err(NerError::Model {
                line: 0,
                message: format!("expected one stage, found {}", stages.len()),
            });
        }
        Ok(stages.remove(0))
    }

    /// Reads a model file of one or more stages (`@stage` lines separate them); the
    /// header lines belong to the first.
    pub fn read_stages(bytes: &[u8]) -> Result<Vec<Weights>, NerError> {
        let bad = |line: usize, message: String| NerError::Model { line, message };
        let reader: Box<dyn Read> = if bytes.starts_with(&[0x1f, 0x8b]) {
            Box::new(flate2::read::GzDecoder::new(bytes))
        } else {
            Box::new(bytes)
        };
        let mut stages = Vec::new();
        let mut weights = Weights::default();
        let mut label_index: Vec<u8> = Vec::new();
        for (n, line) in BufReader::new(reader).lines().enumerate() {
            let line = line.map_err(|e| bad(n + 1, e.to_string()))?;
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (key, rest) = line
                .split_once('\t')
                .ok_or_else(|| bad(n + 1, "expected a tab".into()))?;
            if let Some(key) = key.strip_prefix('@') {
                if key == "stage" {
                    if !weights.rows.is_empty() {
                        stages.push(std::mem::take(&mut weights));
                    }
                    continue;
                }
                if key == "labels" {
                    for name in rest.split(' ') {
                        let l = (0..LABEL_COUNT as u8)
                            .find(|&l| labels::name(l) == name)
                            .ok_or_else(|| bad(n + 1, format!("unknown label {name}")))?;
                        label_index.push(l);
                    }
                }
                weights.header.push((key.to_string(), rest.to_string()));
                continue;
            }
            let row = weights.values.len() / LABEL_COUNT;
            weights.values.extend([0.0; LABEL_COUNT]);
            for pair in rest.split(' ') {
                let (label, value) = pair
                    .split_once(':')
                    .ok_or_else(|| bad(n + 1, format!("bad weight {pair:?}")))?;
                let label: usize = label
                    .parse()
                    .map_err(|_| bad(n + 1, format!("bad label {label:?}")))?;
                let value: i32 = value
                    .parse()
                    .map_err(|_| bad(n + 1, format!("bad value {value:?}")))?;
                let label = *label_index
                    .get(label)
                    .ok_or_else(|| bad(n + 1, "weight before the @labels line".into()))?;
                weights.values[row * LABEL_COUNT + label as usize] = value as f32;
            }
            weights.rows.insert(hash(key.as_bytes()), row as u32);
        }
        if label_index.len() != LABEL_COUNT {
            return Err(bad(0, "no @labels line".into()));
        }
        stages.push(weights);
        Ok(stages)
    }
}

/// Named feature rows of one stage.
pub(crate) type NamedRows = Vec<(String, [f32; LABEL_COUNT])>;

/// Writes the named feature rows of each stage as a gzipped model file.
pub(crate) fn write_model(
    out: &mut dyn Write,
    header: &[(String, String)],
    stages: &[NamedRows],
) -> std::io::Result<()> {
    let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::best());
    writeln!(gz, "# Triangulate named-entity model: averaged perceptron, BILOU labels over CoNLL-2003 types.")?;
    writeln!(
        gz,
        "# Lines: @key<TAB>value headers, then feature<TAB>label-index:weight ..."
    )?;
    for (k, v) in header {
        writeln!(gz, "@{k}\t{v}")?;
    }
    let names: Vec<String> = (0..LABEL_COUNT as u8).map(labels::name).collect();
    writeln!(gz, "@labels\t{}", names.join(" "))?;
    let mut line = String::new();
    for (stage, rows) in stages.iter().enumerate() {
        writeln!(gz, "@stage\t{}", stage + 1)?;
        let largest = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            30000.0 / largest
        } else {
            1.0
        };
        for (name, row) in rows {
            line.clear();
            for (label, w) in row.iter().enumerate() {
                let q = (w * scale).round() as i32;
                if q != 0 {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&format!("{label}:{q}"));
                }
            }
            if !line.is_empty() {
                writeln!(gz, "{name}\t{line}")?;
            }
        }
    }
    gz.finish()?;
    Ok(())
}
