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

/// Rows are stored as the file writes them: integers scaled so the largest weight is
/// 30000, which fit in `i16`. A row is then 34 bytes, inside the map's own bucket, so a
/// feature costs one memory access instead of two or three; the tagger is bound by
/// those accesses, not by arithmetic.
pub(crate) type Row = [i16; LABEL_COUNT];

/// The largest weight magnitude after scaling.
const SCALE_TO: f32 = 30000.0;

/// Feature weights: one row of `LABEL_COUNT` scores per known feature.
#[derive(Debug, Default)]
pub struct Weights {
    pub(crate) rows: HashMap<u64, Row, BuildHasherDefault<PassThrough>>,
    /// What the model file says about how it was trained.
    pub(crate) header: Vec<(String, String)>,
}

impl Weights {
    /// Adds the row of the feature with this hash, if known, to `scores`.
    #[inline]
    pub fn add(&self, feature: u64, scores: &mut [f32; LABEL_COUNT]) {
        if let Some(row) = self.rows.get(&feature) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += w as f32;
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
            let mut row: Row = [0; LABEL_COUNT];
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
                row[label as usize] = value.clamp(i16::MIN as i32, i16::MAX as i32) as i16;
            }
            weights.rows.insert(hash(key.as_bytes()), row);
        }
        if label_index.len() != LABEL_COUNT {
            return Err(bad(0, "no @labels line".into()));
        }
        stages.push(weights);
        Ok(stages)
    }
}

impl Weights {
    /// Weights from float rows (`values`, `LABEL_COUNT` per row, at the rows' indices),
    /// scaled and rounded exactly as the model file stores them.
    pub(crate) fn quantized(rows: &FeatureMap, values: &[f32]) -> Weights {
        let scale = scale_for(values.iter().copied());
        let rows = rows
            .iter()
            .map(|(&feature, &r)| {
                let start = r as usize * LABEL_COUNT;
                (
                    feature,
                    quantize(&values[start..start + LABEL_COUNT], scale),
                )
            })
            .collect();
        Weights {
            rows,
            header: Vec::new(),
        }
    }
}

fn scale_for(weights: impl Iterator<Item = f32>) -> f32 {
    let largest = weights.fold(0f32, |m, w| m.max(w.abs()));
    if largest > 0.0 {
        SCALE_TO / largest
    } else {
        1.0
    }
}

fn quantize(row: &[f32], scale: f32) -> Row {
    let mut out: Row = [0; LABEL_COUNT];
    for (q, w) in out.iter_mut().zip(row) {
        *q = (w * scale).round() as i16;
    }
    out
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
        let scale = scale_for(rows.iter().flat_map(|(_, r)| r.iter().copied()));
        for (name, row) in rows {
            line.clear();
            for (label, &q) in quantize(row, scale).iter().enumerate() {
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
