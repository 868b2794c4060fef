//! FNV-1a hashing for string-keyed maps on hot paths (word lexicons, per-document
//! tables): their keys are short words looked up several times per token, where the
//! standard library's DoS-resistant hash costs more than the lookup. The keys are the
//! project's own lexicons and the document's words, not attacker-chosen at scale.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64-bit, as a [`Hasher`].
#[derive(Debug, Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        // Fold the high bits, the best mixed, down to the low ones a map buckets by.
        self.0 ^ (self.0 >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map hashed with [`FnvHasher`].
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<FnvHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_different_keys_differ() {
        let mut m: FnvMap<String, u8> = FnvMap::default();
        m.insert("Putin".into(), 1);
        m.insert("putin".into(), 2);
        assert_eq!(m.get("Putin"), Some(&1));
        assert_eq!(m.get("putin"), Some(&2));
        assert_eq!(m.get("Peskov"), None);
    }
}
