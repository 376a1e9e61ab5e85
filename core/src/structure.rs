//! What remains after a plan, unit by unit: the "1+N" matrix of
//! 浙政办发〔2022〕15号. Each unit keeps its accounts that stay, and each
//! of those takes on the accounts whose work goes to it.

use crate::estimate::Estimate;

/// A unit after the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitAfter<'a> {
    /// The unit's name (empty for accounts whose list names none).
    pub unit: &'a str,
    /// Its accounts that stay, in list order, each with what joins it.
    pub kept: Vec<Receiving>,
}

/// An account that stays, and the accounts whose work goes to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receiving {
    /// The account, by index in the estimate.
    pub account: usize,
    /// The merged accounts whose work goes to it, by index, in list order.
    pub joined: Vec<usize>,
}

/// The structure after the plan: every unit with an account that stays, in
/// the order the list first names it; then the merged accounts whose
/// receiving account the list does not hold (`unplaced`).
pub fn structure(estimate: &Estimate) -> (Vec<UnitAfter<'_>>, Vec<usize>) {
    let accounts = &estimate.accounts;
    let mut joined: Vec<Vec<usize>> = vec![Vec::new(); accounts.len()];
    let mut unplaced = Vec::new();
    for (index, account) in accounts.iter().enumerate() {
        if account.decision != crate::account::Decision::Merge {
            continue;
        }
        match account.receiver {
            Some(receiver) if receiver < accounts.len() => joined[receiver].push(index),
            _ => unplaced.push(index),
        }
    }
    let mut units: Vec<UnitAfter<'_>> = Vec::new();
    let mut at: crate::hash::FxHashMap<&str, usize> = Default::default();
    for (index, account) in accounts.iter().enumerate() {
        if account.decision.shuts() {
            continue;
        }
        let slot = *at.entry(&account.unit).or_insert_with(|| {
            units.push(UnitAfter {
                unit: &account.unit,
                kept: Vec::new(),
            });
            units.len() - 1
        });
        units[slot].kept.push(Receiving {
            account: index,
            joined: std::mem::take(&mut joined[index]),
        });
    }
    (units, unplaced)
}
