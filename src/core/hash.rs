//! A fast hash for the names and words of a list, and [`repeats`], which
//! finds repeated names with it.
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

/// For each name, the index where it first appears and how many times it
/// appeared before: for `[a, b, a, a]`, `[(0, 0), (1, 0), (0, 1), (0, 2)]`.
///
/// By sorting hashes rather than probing a hash table: 100,000 names in a
/// table that size miss the cache on nearly every probe, while a sort of
/// `(hash, index)` pairs runs through memory in order. Names are compared
/// only where their hashes are equal.
///
/// ```
/// use jianfu::core::hash::repeats;
///
/// assert_eq!(repeats(&["a", "b", "a", "a"]), vec![(0, 0), (1, 0), (0, 1), (0, 2)]);
/// ```
pub fn repeats(names: &[&str]) -> Vec<(usize, usize)> {
    let mut keys: Vec<(u64, usize)> = names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let mut hasher = FxHasher::default();
            hasher.write(name.as_bytes());
            (hasher.finish(), index)
        })
        .collect();
    let name = |index: usize| names.get(index).copied().unwrap_or_default();
    // By hash, then (only where hashes are equal) by name, then by place in
    // the list: equal names end up side by side, each run in list order.
    keys.sort_unstable_by(|a, b| {
        (a.0.cmp(&b.0))
            .then_with(|| name(a.1).cmp(name(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut out: Vec<(usize, usize)> = (0..names.len()).map(|index| (index, 0)).collect();
    for run in keys.chunk_by(|a, b| a.0 == b.0 && name(a.1) == name(b.1)) {
        let first = run.first().map_or(0, |key| key.1);
        for (occurrence, key) in run.iter().enumerate() {
            if let Some(slot) = out.get_mut(key.1) {
                *slot = (first, occurrence);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_numbered_in_list_order() {
        assert_eq!(repeats(&[]), vec![]);
        assert_eq!(repeats(&["甲"]), vec![(0, 0)]);
        // 甲 at 0, 2 and 4; 乙 at 1 and 3; 丙 once.
        assert_eq!(
            repeats(&["甲", "乙", "甲", "乙", "甲", "丙"]),
            vec![(0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (5, 0)]
        );
    }

    #[test]
    fn many_copies_of_one_name() {
        let names = vec!["同名"; 10_000];
        let out = repeats(&names);
        assert!(out.iter().enumerate().all(|(i, &r)| r == (0, i)));
    }
}
