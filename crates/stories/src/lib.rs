//! Stories over a stream of articles: near-duplicates (the same text syndicated or lightly
//! edited, marked as copies of the earliest), stories (articles about one happening),
//! storylines (stories linked over weeks) and the origin of rewrites that do not name
//! it. It sits after annotation and reads only an article's text, time and what
//! attribution found, so each new article is placed in one pass, without re-reading
//! those before it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod near_duplicates;
mod stories;

pub use near_duplicates::{shingles, CopyOf, MinHasher, NearDuplicates, Signature};
pub use stories::{
    epoch_seconds, Clustering, Placement, Story, StoryClusterer, StoryConfig, StoryInput,
};
