//! A fast hash for the names and words of a list.
//!
//! The import remembers the words of each column and finds repeated names,
//! and the estimate numbers repeated names, over up to a few hundred thousand
//! short strings. The standard library's SipHash is built to resist
//! hash-flooding; here the keys come from the user's own list, so the worst an
//! adversarial list can do is slow down its own import, and speed matters
//! more.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Firefox hash, eight bytes at a time.
#[derive(Default)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut rest = [0u8; 8];
        let tail = chunks.remainder();
        if let Some(slot) = rest.get_mut(..tail.len()) {
            slot.copy_from_slice(tail);
        }
        self.add(u64::from_le_bytes(rest) ^ ((tail.len() as u64) << 56));
    }
}
