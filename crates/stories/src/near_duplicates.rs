//! Near-duplicates by MinHash over word shingles, with locality-sensitive hashing to find
//! candidates in constant time per article (Broder 1997; Leskovec, Rajaraman and Ullman,
//! Mining of Massive Datasets, ch. 3).
//!
//! Each article becomes the set of its 5-word shingles (words lower-cased, punctuation and
//! typography dropped, so a syndicated copy with other quotation marks or line breaks has
//! the same set). A signature keeps, for each of 128 hash functions, the least hash over
//! the set; two signatures agree at a position with probability equal to the sets'
//! Jaccard similarity. Signatures are cut into 16 bands of 8 rows: articles sharing one
//! band are candidates (a pair at Jaccard 0.8 shares a band with probability 0.98; at 0.3,
//! with 0.001), and a candidate is a copy when the signatures' estimated similarity
//! reaches the threshold.

use std::collections::HashMap;
use std::hash::Hash;

use serde::{Deserialize, Serialize};

/// Words per shingle: five keeps common phrases ("said in a statement on") from
/// making unrelated articles look alike, and survives light edits.
const SHINGLE_WORDS: usize = 5;
/// Hash functions per signature.
const PERMUTATIONS: usize = 128;
/// LSH bands, of `PERMUTATIONS / BANDS` rows each.
const BANDS: usize = 16;
const ROWS: usize = PERMUTATIONS / BANDS;

/// The hashes of a text's word shingles, deduplicated and sorted. A text shorter than
/// one shingle is a single shingle of all its words; an empty text has none.
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<u64> = if words.len() < SHINGLE_WORDS {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![hash_words(&words)]
        }
    } else {
        words.windows(SHINGLE_WORDS).map(hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn hash_words(words: &[String]) -> u64 {
    // FNV-1a over the words with a separator, then a finaliser so that the low bits the
    // permutations mix are as good as the high ones.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for &b in w.as_bytes().iter().chain(std::iter::once(&0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    mix(h)
}

/// SplitMix64's finaliser: a bijection that spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A MinHash signature: the least value of each hash function over a shingle set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature(pub Vec<u64>);

impl Signature {
    /// The share of positions where two signatures agree: an unbiased estimate of the
    /// Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.0.is_empty() || self.0.len() != other.0.len() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }
}

/// Computes signatures with a fixed family of hash functions, so that signatures made at
/// different times (or by different workers) compare.
#[derive(Debug, Clone)]
pub struct MinHasher {
    seeds: Vec<u64>,
}

impl Default for MinHasher {
    fn default() -> Self {
        // Fixed seeds: the family must be the same in every process.
        let seeds = (0..PERMUTATIONS as u64)
            .map(|i| mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i + 1)))
            .collect();
        MinHasher { seeds }
    }
}

impl MinHasher {
    /// The signature of a shingle set; `None` for an empty one, which resembles nothing.
    pub fn signature(&self, shingles: &[u64]) -> Option<Signature> {
        if shingles.is_empty() {
            return None;
        }
        let mut mins = vec![u64::MAX; self.seeds.len()];
        for &s in shingles {
            for (m, &seed) in mins.iter_mut().zip(&self.seeds) {
                let h = mix(s ^ seed);
                if h < *m {
                    *m = h;
                }
            }
        }
        Some(Signature(mins))
    }
}

/// What an article is a copy of: the earliest article of its near-duplicate group, and
/// how alike the two are (estimated Jaccard similarity of their shingles).
#[derive(Debug, Clone, PartialEq)]
pub struct CopyOf<Id> {
    /// The original: the earliest published member of the group.
    pub original: Id,
    /// Estimated share of shingles the two have in common.
    pub similarity: f64,
}

/// A streaming index of near-duplicates. Articles are added one at a time, in any order;
/// each is compared only with the candidates its LSH bands point to, so adding one costs
/// the same however many came before. Memory is one signature and 16 band entries per
/// article.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound(
    serialize = "Id: Serialize + Eq + Hash",
    deserialize = "Id: Deserialize<'de> + Eq + Hash"
))]
pub struct NearDuplicates<Id> {
    /// Made again from its fixed seeds when a saved index is read.
    #[serde(skip)]
    hasher: MinHasher,
    threshold: f64,
    bands: Vec<HashMap<u64, Vec<usize>>>,
    members: Vec<Member<Id>>,
    /// Saved as pairs: ids need not be strings, which JSON keys must be.
    #[serde(with = "as_pairs")]
    by_id: HashMap<Id, usize>,
}

/// A map saved as a list of (key, value) pairs.
mod as_pairs {
    use std::collections::HashMap;
    use std::hash::Hash;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &HashMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.iter())
    }

    pub fn deserialize<'de, K, V, D>(d: D) -> Result<HashMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Member<Id> {
    id: Id,
    published: Option<i64>,
    signature: Signature,
    /// Index of the group's root (union-find).
    parent: usize,
}

impl<Id: Clone + Eq + Hash> NearDuplicates<Id> {
    /// An index that calls two articles copies when their estimated Jaccard similarity
    /// is at least `threshold` (0.8 catches syndicated copies with a changed headline,
    /// byline or last paragraph, and no two distinct reports of one event).
    pub fn new(threshold: f64) -> Self {
        NearDuplicates {
            hasher: MinHasher::default(),
            threshold,
            bands: vec![HashMap::new(); BANDS],
            members: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// Adds an article (`published` in seconds since the epoch, when known) and returns
    /// what it is a copy of, if anything: the earliest article of its group, which may
    /// be itself when it predates every copy already seen (then `None`). Adding the same
    /// id twice changes nothing.
    pub fn add(&mut self, id: Id, published: Option<i64>, text: &str) -> Option<CopyOf<Id>> {
        if let Some(&i) = self.by_id.get(&id) {
            return self.copy_of_index(i);
        }
        let signature = self.hasher.signature(&shingles(text))?;
        self.add_signature(id, published, signature)
    }

    /// The signature of a text, as this index computes it; `None` for a text without
    /// words.
    pub fn signature(&self, text: &str) -> Option<Signature> {
        self.hasher.signature(&shingles(text))
    }

    /// The article already indexed that a text with this signature would be a copy of
    /// (the earliest of the group it matches), without adding it.
    pub fn find(&self, signature: &Signature) -> Option<CopyOf<Id>> {
        let (best, similarity) = self.best_match(signature)?;
        let root = self.root(best);
        Some(CopyOf {
            original: self.members[root].id.clone(),
            similarity,
        })
    }

    fn best_match(&self, signature: &Signature) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for (band, table) in self.bands.iter().enumerate() {
            let key = band_key(signature, band);
            for &other in table.get(&key).into_iter().flatten() {
                let s = signature.similarity(&self.members[other].signature);
                if s >= self.threshold && best.is_none_or(|(_, b)| s > b) {
                    best = Some((other, s));
                }
            }
        }
        best
    }

    /// [`NearDuplicates::add`] with the signature already made.
    pub fn add_signature(
        &mut self,
        id: Id,
        published: Option<i64>,
        signature: Signature,
    ) -> Option<CopyOf<Id>> {
        if let Some(&i) = self.by_id.get(&id) {
            return self.copy_of_index(i);
        }
        let index = self.members.len();
        let best = self.best_match(&signature);
        self.by_id.insert(id.clone(), index);
        self.members.push(Member {
            id,
            published,
            signature,
            parent: index,
        });
        for band in 0..BANDS {
            let key = band_key(&self.members[index].signature, band);
            self.bands[band].entry(key).or_default().push(index);
        }
        if let Some((other, _)) = best {
            let (a, b) = (self.root(index), self.root(other));
            // The root is the group's earliest article: the original the others copy.
            let (keep, join) = if self.earlier(b, a) { (b, a) } else { (a, b) };
            self.members[join].parent = keep;
        }
        self.copy_of_index(index)
    }

    /// What the article with this id is a copy of, as known now.
    pub fn copy_of(&self, id: &Id) -> Option<CopyOf<Id>> {
        self.copy_of_index(*self.by_id.get(id)?)
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether no article has been indexed.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    fn copy_of_index(&self, i: usize) -> Option<CopyOf<Id>> {
        let root = self.root(i);
        (root != i).then(|| CopyOf {
            original: self.members[root].id.clone(),
            similarity: self.members[i]
                .signature
                .similarity(&self.members[root].signature),
        })
    }

    fn root(&self, mut i: usize) -> usize {
        while self.members[i].parent != i {
            i = self.members[i].parent;
        }
        i
    }

    /// Whether member `a` was published before `b`; undated articles count as later,
    /// and ties go to the one seen first.
    fn earlier(&self, a: usize, b: usize) -> bool {
        match (self.members[a].published, self.members[b].published) {
            (Some(x), Some(y)) if x != y => x < y,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            _ => a < b,
        }
    }
}

fn band_key(signature: &Signature, band: usize) -> u64 {
    let rows = &signature.0[band * ROWS..(band + 1) * ROWS];
    rows.iter()
        .fold(mix(band as u64 + 1), |h, &r| mix(h ^ r.rotate_left(17)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Russian President Vladimir Putin is unlikely to bow to \
        U.S. President Donald Trump's deadline to agree to peace in Ukraine, and is \
        instead determined to keep fighting until the West engages on his terms for \
        peace, three sources close to the Kremlin said. Trump has threatened to impose \
        new sanctions on Russia and 100% secondary tariffs on buyers of Russian oil \
        unless Putin agrees to a ceasefire by August 8. Putin believes Russia is winning \
        the war and his demands have not changed, the sources said.";

    #[test]
    fn shingles_ignore_case_punctuation_and_line_breaks() {
        let a = shingles("Putin said: \u{201c}We will win.\u{201d} He left.");
        let b = shingles("putin said \"we will\n win\" -- he left");
        assert_eq!(a, b);
        assert_eq!(shingles(""), Vec::<u64>::new());
        assert_eq!(shingles("two words").len(), 1);
    }

    #[test]
    fn similarity_estimates_jaccard() {
        let h = MinHasher::default();
        let a: Vec<u64> = (0..1000).map(mix).collect();
        let mut b: Vec<u64> = (250..1250).map(mix).collect();
        b.sort_unstable();
        // Jaccard 750 / 1250 = 0.6.
        let s = h
            .signature(&a)
            .unwrap()
            .similarity(&h.signature(&b).unwrap());
        assert!((s - 0.6).abs() < 0.12, "{s}");
        assert_eq!(h.signature(&[]), None);
    }

    #[test]
    fn a_syndicated_copy_is_a_copy_of_the_earliest() {
        let mut index = NearDuplicates::new(0.8);
        let copy = format!("Exclusive: {REPORT} Reporting by staff; editing by the desk.");
        // The copy arrives first but was published later.
        assert_eq!(index.add("copy", Some(2_000), &copy), None);
        let original = index.add("original", Some(1_000), REPORT);
        assert_eq!(original, None, "the earliest is nobody's copy");
        let found = index.copy_of(&"copy").unwrap();
        assert_eq!(found.original, "original");
        assert!(found.similarity >= 0.8, "{}", found.similarity);
        // Adding it again changes nothing.
        assert_eq!(
            index.add("copy", Some(2_000), &copy).unwrap().original,
            "original"
        );
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn a_rewrite_and_an_unrelated_report_are_not_copies() {
        let mut index = NearDuplicates::new(0.8);
        index.add(1, Some(1), REPORT);
        let rewrite = "Three people close to the Kremlin told Reuters that Putin will not \
            yield to the ceasefire deadline set by Trump, who warned of tariffs on \
            countries buying Russian crude. Putin thinks his army is winning.";
        let other = "The central bank left its key rate unchanged on Friday, citing \
            slowing inflation and a weaker labour market, and signalled cuts next year.";
        assert_eq!(index.add(2, Some(2), rewrite), None);
        assert_eq!(index.add(3, Some(3), other), None);
        assert_eq!(index.add(4, Some(4), ""), None);
    }

    #[test]
    fn copies_of_copies_share_one_original() {
        let mut index = NearDuplicates::new(0.8);
        let a = REPORT.to_string();
        let b = format!("{REPORT} The Kremlin did not respond to a request for comment.");
        let c = format!("{b} Ukraine's foreign ministry declined to comment.");
        index.add("a", Some(10), &a);
        index.add("b", Some(20), &b);
        index.add("c", Some(30), &c);
        assert_eq!(index.copy_of(&"b").unwrap().original, "a");
        assert_eq!(index.copy_of(&"c").unwrap().original, "a");
        assert_eq!(index.copy_of(&"a"), None);
    }
}
