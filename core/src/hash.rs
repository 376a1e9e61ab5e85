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
/// plain integers runs through memory in order. Each key is the name's hash
/// with its low bits replaced by the index, so one sort orders by hash and
/// then by place in the list. Names are compared only where those hashes are
/// equal.
///
/// ```
/// use jianfu_core::hash::repeats;
///
/// assert_eq!(repeats(&["a", "b", "a", "a"]), vec![(0, 0), (1, 0), (0, 1), (0, 2)]);
/// ```
pub fn repeats(names: &[&str]) -> Vec<(usize, usize)> {
    let hashes: Vec<u64> = names.iter().map(|name| name_hash(name)).collect();
    repeats_hashed(&hashes, &|a, b| names.get(a) == names.get(b))
}

/// The hash [`repeats`] sorts a name by.
pub fn name_hash(name: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(name.as_bytes());
    hasher.finish()
}

/// [`repeats`] for keys whose hashes are already known (the importer works
/// each out while the name is at hand, mixed with the platform); `same`
/// says whether the keys at two indices are equal, and is asked only where
/// hashes are.
pub fn repeats_hashed(hashes: &[u64], same: &dyn Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    // Enough whole low bytes for every index; a list is far shorter than
    // 2^32, so at least 32 bits of hash remain.
    let index_bytes = (usize::BITS - hashes.len().leading_zeros())
        .div_ceil(8)
        .min(4);
    let index_mask = (1u64 << (index_bytes * 8)) - 1;
    let mut keys: Vec<u64> = hashes
        .iter()
        .enumerate()
        .map(|(index, hash)| (hash & !index_mask) | (index as u64 & index_mask))
        .collect();
    // The keys are made in index order, so they are already in order by
    // their low bytes: sorting by the bytes above finishes the job.
    radix_sort(&mut keys, index_bytes);
    let mut out: Vec<(usize, usize)> = (0..hashes.len()).map(|index| (index, 0)).collect();
    let mut run: Vec<usize> = Vec::new();
    for same_hash in keys.chunk_by(|a, b| a & !index_mask == b & !index_mask) {
        if let [_] = same_hash {
            continue;
        }
        // In list order. Nearly always one name repeated; two names share
        // this much hash about once in 10^5 lists of 100,000 names, so each
        // name is taken out of the run in turn.
        run.clear();
        run.extend(same_hash.iter().map(|key| (key & index_mask) as usize));
        while let Some(&first) = run.first() {
            let mut occurrence = 0;
            run.retain(|&index| {
                // The first is always taken out, whatever `same` says of it,
                // so that the loop ends.
                if index != first && !same(first, index) {
                    return true;
                }
                if let Some(slot) = out.get_mut(index) {
                    *slot = (first, occurrence);
                }
                occurrence += 1;
                false
            });
        }
    }
    out
}

/// Sorts `keys` that are already in order by their lowest `sorted` bytes,
/// a byte at a time from there up (a least-significant-digit radix sort,
/// which keeps equal bytes in their order). Linear in the keys, and much
/// less code in the wasm than a comparison sort.
fn radix_sort(keys: &mut Vec<u64>, sorted: u32) {
    let mut spare = vec![0u64; keys.len()];
    for byte in sorted..8 {
        let digit = |key: u64| ((key >> (byte * 8)) & 0xff) as usize;
        // Where each digit's keys start: the count of smaller digits.
        let mut starts = [0usize; 256];
        for &key in keys.iter() {
            if let Some(count) = starts.get_mut(digit(key)) {
                *count += 1;
            }
        }
        let mut total = 0;
        for start in starts.iter_mut() {
            let count = *start;
            *start = total;
            total += count;
        }
        for &key in keys.iter() {
            if let Some(start) = starts.get_mut(digit(key)) {
                if let Some(slot) = spare.get_mut(*start) {
                    *slot = key;
                }
                *start += 1;
            }
        }
        std::mem::swap(keys, &mut spare);
    }
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
    fn names_that_share_a_hash_are_still_told_apart() {
        let names = ["甲", "乙", "甲", "丙", "乙", "甲"];
        let expected = vec![(0, 0), (1, 0), (0, 1), (3, 0), (1, 1), (0, 2)];
        assert_eq!(repeats(&names), expected);
        // Every name hashes alike, or only some do: the same answer.
        let same = |a: usize, b: usize| names[a] == names[b];
        let by = |hash: fn(&str) -> u64| {
            let hashes: Vec<u64> = names.iter().map(|name| hash(name)).collect();
            repeats_hashed(&hashes, &same)
        };
        assert_eq!(by(|_| 0), expected);
        assert_eq!(by(|_| u64::MAX), expected);
        assert_eq!(by(|name| u64::from(name == "丙")), expected);
    }

    #[test]
    fn a_key_equal_to_nothing_is_still_numbered_once() {
        // `same` says index 1 equals nothing, not even itself: the run of
        // three equal hashes still ends, 1 counted alone.
        let same = |a: usize, b: usize| a != 1 && b != 1;
        assert_eq!(
            repeats_hashed(&[7, 7, 7], &same),
            vec![(0, 0), (1, 0), (0, 1)]
        );
    }

    #[test]
    fn radix_sort_sorts_keys_ordered_in_their_low_bytes() {
        // Low byte = place in the list, as `repeats_hashed` makes them.
        let mut keys: Vec<u64> = (0..200u64)
            .map(|i| (i.wrapping_mul(0x9e37_79b9_7f4a_7c15) & !0xff) | i)
            .collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        radix_sort(&mut keys, 1);
        assert_eq!(keys, expected);
        let mut none: Vec<u64> = Vec::new();
        radix_sort(&mut none, 0);
        assert!(none.is_empty());
    }

    #[test]
    fn many_copies_of_one_name() {
        let names = vec!["同名"; 10_000];
        let out = repeats(&names);
        assert!(out.iter().enumerate().all(|(i, &r)| r == (0, i)));
    }
}
