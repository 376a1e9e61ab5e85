//! Decisions set by hand, and the account each belongs to.
//!
//! An override must stay on the account it was made on: across a change of
//! assumptions, rows added above it, and the same sheet re-sorted in Excel
//! and pasted again. So it is keyed by what the account is, its name, unit
//! and platform ([`AccountKey`]), and not by its place in the list. Only
//! true duplicates, accounts equal in all three, are told apart by their
//! order among themselves: the second 甲 of one unit on one platform is
//! `occurrence` 1, whatever lies between them.
//!
//! An override whose account is gone from the list is kept (the next paste
//! may bring it back) and reported by the estimate as unmatched, never
//! moved to another account.
//!
//! ```
//! use jianfu_core::account::{Account, Decision};
//! use jianfu_core::overrides::{occurrences, AccountKey, Overrides};
//!
//! let mut first = Account::named(2, "甲");
//! first.unit = "某局".into();
//! let mut second = Account::named(3, "甲");
//! second.unit = "某镇".into();
//! // Same name, different units: both are occurrence 0, so an override of
//! // one is not an override of the other.
//! let accounts = [first, second];
//! assert_eq!(occurrences(&accounts), vec![0, 0]);
//! let mut overrides = Overrides::new();
//! overrides.insert(AccountKey::of(&accounts[1], 0), Decision::Close);
//! assert_eq!(overrides.get(&AccountKey::of(&accounts[0], 0)), None);
//! ```

use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use crate::account::{Account, Decision, Platform};
use crate::hash::{name_hash, repeats_hashed, FxHashMap, FxHasher};

/// Which account an override is for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountKey {
    /// The account's name.
    pub name: String,
    /// The unit that runs it (empty when the list does not say).
    pub unit: String,
    /// Its platform.
    pub platform: Platform,
    /// How many earlier accounts of the list have the same name, unit and
    /// platform: 0 for every account but the second and later of true
    /// duplicates.
    pub occurrence: usize,
}

/// Decisions set by hand, by account, in the order of their keys. An
/// override beats both the rules and a decision written in the list.
///
/// A sorted list rather than a map: a user sets tens of decisions, not
/// thousands, and the list's code is what the wasm already has for every
/// vector, where a B-tree would be compiled anew for this key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    entries: Vec<(AccountKey, Decision)>,
}

impl Overrides {
    /// No overrides.
    pub fn new() -> Overrides {
        Overrides::default()
    }

    fn find(&self, key: &AccountKey) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.cmp(key))
    }

    /// The decision set for the account with `key`.
    pub fn get(&self, key: &AccountKey) -> Option<Decision> {
        self.find(key).ok().map(|i| self.entries[i].1)
    }

    /// Sets the decision of the account with `key`, and returns the one it
    /// replaces.
    pub fn insert(&mut self, key: AccountKey, decision: Decision) -> Option<Decision> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, decision)),
            Err(i) => {
                self.entries.insert(i, (key, decision));
                None
            }
        }
    }

    /// Drops the decision of the account with `key`, and returns it.
    pub fn remove(&mut self, key: &AccountKey) -> Option<Decision> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// Drops every decision.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Each key and its decision, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&AccountKey, Decision)> {
        self.entries.iter().map(|(key, decision)| (key, *decision))
    }
}

impl FromIterator<(AccountKey, Decision)> for Overrides {
    /// Later decisions for one key replace earlier ones, as in a map.
    fn from_iter<I: IntoIterator<Item = (AccountKey, Decision)>>(iter: I) -> Overrides {
        let mut overrides = Overrides::new();
        for (key, decision) in iter {
            overrides.insert(key, decision);
        }
        overrides
    }
}

impl IntoIterator for Overrides {
    type Item = (AccountKey, Decision);
    type IntoIter = std::vec::IntoIter<(AccountKey, Decision)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl AccountKey {
    /// The key of `account`, the `occurrence`-th of its true duplicates
    /// (see [`occurrences`]).
    pub fn of(account: &Account, occurrence: usize) -> AccountKey {
        AccountKey {
            name: account.name.clone(),
            unit: account.unit.to_string(),
            platform: account.platform,
            occurrence,
        }
    }
}

/// For each account, how many earlier accounts of the list have the same
/// name, unit and platform.
pub fn occurrences(accounts: &[Account]) -> Vec<usize> {
    let hashes: Vec<u64> = accounts.iter().map(identity_hash).collect();
    let same = |a: usize, b: usize| match (accounts.get(a), accounts.get(b)) {
        (Some(a), Some(b)) => a.name == b.name && a.platform == b.platform && *a.unit == *b.unit,
        _ => false,
    };
    repeats_hashed(&hashes, &same)
        .into_iter()
        .map(|(_, occurrence)| occurrence)
        .collect()
}

/// The hash [`occurrences`] sorts an account by: its name, unit and
/// platform.
fn identity_hash(account: &Account) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(account.unit.as_bytes());
    hasher.write_u8(account.platform as u8);
    name_hash(&account.name) ^ hasher.finish()
}

/// Overrides saved by an earlier version, keyed by name alone (`甲`, and
/// `甲#2` for the second account named 甲 anywhere in the list), given to
/// the accounts of `accounts` they named. A key that names no account is
/// kept as the key of an account of that name with no unit, so that it is
/// shown as unmatched rather than lost. `by_name` is in the order saved;
/// its keys were an object's, so distinct (of a key given twice, the first
/// counts).
pub fn from_name_keys(accounts: &[Account], by_name: &[(String, Decision)]) -> Overrides {
    let names: Vec<&str> = accounts.iter().map(|a| a.name.as_str()).collect();
    let by_names = crate::hash::repeats(&names);
    let true_occurrences = occurrences(accounts);
    // Each key not yet given, with its place in `by_name` (the first, for
    // a key given twice).
    let mut left: FxHashMap<&str, usize> = FxHashMap::default();
    for (at, (name, _)) in by_name.iter().enumerate().rev() {
        left.insert(name, at);
    }
    let mut overrides = Overrides::new();
    for ((account, (_, by_name_before)), occurrence) in
        accounts.iter().zip(by_names).zip(true_occurrences)
    {
        let old = if by_name_before == 0 {
            account.name.clone()
        } else {
            format!("{}#{}", account.name, by_name_before + 1)
        };
        if let Some(at) = left.remove(old.as_str()) {
            overrides.insert(AccountKey::of(account, occurrence), by_name[at].1);
        }
    }
    let unmatched = by_name
        .iter()
        .enumerate()
        .filter(|(at, (name, _))| left.get(name.as_str()) == Some(at));
    for (_, (name, decision)) in unmatched {
        let key = AccountKey {
            name: name.clone(),
            unit: String::new(),
            platform: Platform::default(),
            occurrence: 0,
        };
        if overrides.get(&key).is_none() {
            overrides.insert(key, *decision);
        }
    }
    overrides
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(row: usize, name: &str, unit: &str, platform: Platform) -> Account {
        let mut account = Account::named(row, name);
        account.unit = unit.into();
        account.platform = platform;
        account
    }

    #[test]
    fn only_true_duplicates_count_occurrences() {
        // Rows 2, 4 and 6 are one account three times (甲, 某局, WeChat):
        // occurrences 0, 1, 2. Row 3 is 甲 of another unit, row 5 甲 of
        // 某局 on Weibo, row 7 a different name: each the first of its kind.
        let accounts = [
            account(2, "甲", "某局", Platform::Wechat),
            account(3, "甲", "某镇", Platform::Wechat),
            account(4, "甲", "某局", Platform::Wechat),
            account(5, "甲", "某局", Platform::Weibo),
            account(6, "甲", "某局", Platform::Wechat),
            account(7, "甲#2", "某局", Platform::Wechat),
        ];
        assert_eq!(occurrences(&accounts), vec![0, 0, 1, 0, 2, 0]);
        // 甲#2 is a name like any other: its key is not the second 甲's.
        let second = AccountKey::of(&accounts[2], 1);
        let named = AccountKey::of(&accounts[5], 0);
        assert_ne!(second, named);
    }

    #[test]
    fn name_keys_move_to_the_accounts_they_named() {
        // The old keys: 甲 is the first 甲 in the list (row 2, 某局), 甲#2
        // the second (row 3, 某镇), 乙 is gone from the list.
        let accounts = [
            account(2, "甲", "某局", Platform::Wechat),
            account(3, "甲", "某镇", Platform::Wechat),
        ];
        let by_name = [
            ("甲".to_string(), Decision::Close),
            ("甲#2".to_string(), Decision::Merge),
            ("乙".to_string(), Decision::Keep),
        ];
        let overrides = from_name_keys(&accounts, &by_name);
        assert_eq!(
            overrides,
            Overrides::from_iter([
                (AccountKey::of(&accounts[0], 0), Decision::Close),
                (AccountKey::of(&accounts[1], 0), Decision::Merge),
                (
                    AccountKey {
                        name: "乙".into(),
                        unit: String::new(),
                        platform: Platform::Wechat,
                        occurrence: 0,
                    },
                    Decision::Keep
                ),
            ])
        );
    }
}
