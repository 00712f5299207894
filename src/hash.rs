//! The crate's hash functions: 64-bit FNV-1a for short keys, and [`Words`] for the one map
//! keyed by long strings.
//!
//! Every key the crate hashes itself is short (a folded text, an element path, a dump line, a
//! class token, an element name) and is only compared, counted or looked up: a page that made
//! its keys collide would only slow its own lookups, within the caps that bound those maps, so
//! SipHash's resistance to chosen keys buys little while FNV-1a costs one multiply per byte.
//! One function, so that keys built alike hash alike wherever they are built. Maps keyed by
//! anything else keep std's default hasher.

use std::hash::{BuildHasherDefault, Hasher};

/// The FNV-1a offset basis: the hash of nothing.
pub(crate) const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The 64-bit FNV prime.
const PRIME: u64 = 0x100_0000_01b3;

/// One FNV-1a step: mixes `c` (a byte, a character or a small code) into `h`.
#[inline(always)]
pub(crate) fn step(h: u64, c: u32) -> u64 {
    (h ^ u64::from(c)).wrapping_mul(PRIME)
}

/// FNV-1a as a [`Hasher`], one [`step`] per byte, for maps keyed by short strings or atoms.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = step(self.0, u32::from(*b));
        }
    }

    /// A whole `u64` is one step, as a character is: the only such value hashed here is an
    /// element name's atom, which carries its own hash, and the name guard looks names up on
    /// every tag, so eight byte steps would be eight multiplies for nothing.
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(PRIME);
    }
}

/// The [`std::hash::BuildHasher`] of a map hashed with [`Fnv`].
pub(crate) type BuildFnv = BuildHasherDefault<Fnv>;

/// A multiplicative hash over eight bytes at a time, for the one map keyed by long strings
/// (the class and id values a page repeats, `hints::Memo`): FNV's multiply per byte made
/// hashing a value cost more than the lookup. Its hashes are only compared within that map,
/// never stored or matched against [`Fnv`]'s.
#[derive(Default)]
pub(crate) struct Words(u64);

impl Words {
    /// An odd constant with bits spread over the word (2⁶⁴ divided by the golden ratio).
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    #[inline(always)]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(Self::K);
    }
}

impl Hasher for Words {
    fn finish(&self) -> u64 {
        // The multiply leaves its best bits high; the table picks buckets by the low ones.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(c.try_into().map(u64::from_le_bytes).unwrap_or(0));
        }
        let rest = chunks.remainder();
        let mut last = [0u8; 8];
        for (d, s) in last.iter_mut().zip(rest) {
            *d = *s;
        }
        // The length tells "a" from "a\0".
        self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
    }
}

/// The [`std::hash::BuildHasher`] of a map hashed with [`Words`].
pub(crate) type BuildWords = BuildHasherDefault<Words>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_fnv1a_vectors() {
        // From the FNV reference test suite (64-bit FNV-1a).
        let hash = |s: &[u8]| {
            let mut h = Fnv::default();
            h.write(s);
            h.finish()
        };
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn words_hash_every_byte() {
        let hash = |s: &[u8]| {
            let mut h = Words::default();
            h.write(s);
            h.finish()
        };
        // Strings that differ in one byte anywhere, or only in length, hash apart.
        let base = b"entry-content post-body clearfix".to_vec();
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(hash(&base)));
        for i in 0..base.len() {
            let mut v = base.clone();
            v[i] ^= 1;
            assert!(seen.insert(hash(&v)), "{i}");
            assert!(seen.insert(hash(&base[..i])), "{i}");
        }
        let mut zero = base.clone();
        zero.push(0);
        assert!(seen.insert(hash(&zero)));
    }

    #[test]
    fn a_whole_u64_is_one_step() {
        let mut h = Fnv::default();
        h.write_u64(0x61);
        // The same as the byte `a`: one step over the value.
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
    }
}
