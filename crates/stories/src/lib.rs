//! Stories over a stream of articles. The first layer, here, finds near-duplicates: the
//! same text syndicated or lightly edited, marked as copies of the earliest. It sits after
//! extraction and reads only an article's clean text and publication time, so each new
//! article is compared with what came before in one pass, without re-reading them.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod near_duplicates;

pub use near_duplicates::{shingles, CopyOf, MinHasher, NearDuplicates, Signature};
