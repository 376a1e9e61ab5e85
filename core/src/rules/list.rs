//! The rules that need the whole list, in one pass after the per-account
//! rules: [`Rule::Duplicate`] and [`Rule::BelowCounty`] in plan order, then
//! the account each merged account joins.
//!
//! Each account comes here with a [`Verdict`]: the user's own decision, or
//! the first per-account rule of the plan that acts on it, and where that
//! stands in the plan's order. A whole-list rule at position *k* acts only
//! on the accounts that nothing before *k* has decided, and it looks only at
//! the accounts that nothing before *k* has closed or merged. A keeper (the
//! one account its unit keeps on a platform, the county's main account) is
//! not bound by being kept: a later rule may still merge it, and the
//! accounts that joined it then go on with it to where it goes.
//!
//! The pass is a few hash-map lookups per account, so that 100,000 accounts
//! take a few milliseconds; the per-account work around it is what the
//! estimate does in slices.

use std::collections::hash_map::Entry;

use crate::account::{Account, Decision, Level, Platform};
use crate::assumptions::Assumptions;
use crate::date::Date;
use crate::hash::FxHashMap;
use crate::num::{Num, Span};
use crate::plan::Plan;
use crate::rules::{recommend, Reason, Recommendation, Rule};
use crate::yearly::AccountFigures;

/// Where what decided an account stands in the plan: the user's own
/// decisions first, then the plan's rules in order, then no rule at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Precedence(usize);

impl Precedence {
    const GIVEN: Precedence = Precedence(0);
    const NONE: Precedence = Precedence(usize::MAX);

    /// The plan's rule at `index`.
    fn rule(index: usize) -> Precedence {
        Precedence(index + 1)
    }
}

/// What the rules say about one account, as the pass works on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// What the list and the rules say, before any override.
    pub recommendation: Recommendation,
    /// The user's override, if any.
    pub overridden: Option<Decision>,
    /// The account it joins, by index in the list, when it merges into one
    /// the list holds.
    pub joins: Option<usize>,
    /// Where the accounts it takes on go in the end: itself, or, when it
    /// merges in turn, the account that finally keeps them.
    pub receiver: Option<usize>,
    /// Its followers' midpoint, for choosing a keeper: unknown counts as
    /// fewest (`Option`'s order puts `None` below every number).
    reach: Option<Num>,
    precedence: Precedence,
}

impl Verdict {
    /// The verdict on one account by its own row: the override, the list's
    /// decision, or the first per-account rule of the plan that acts on it.
    pub fn of(
        account: &Account,
        figures: &AccountFigures,
        overridden: Option<Decision>,
        rules: &[Rule],
        assumptions: &Assumptions,
        as_of: Date,
    ) -> Verdict {
        let (recommendation, precedence) = match account.decision {
            Some(decision) => (Recommendation::given(decision), Precedence::GIVEN),
            None => match recommend(account, figures, rules, assumptions, as_of) {
                Some((at, recommendation)) => (recommendation, Precedence::rule(at)),
                None => (Recommendation::DEFAULT, Precedence::NONE),
            },
        };
        Verdict {
            recommendation,
            overridden,
            joins: None,
            receiver: None,
            reach: figures.followers.map(Span::midpoint),
            precedence,
        }
    }

    /// The decision in force: the override, else the recommendation.
    pub fn decision(&self) -> Decision {
        self.overridden.unwrap_or(self.recommendation.decision)
    }

    /// The rule behind the decision in force.
    pub fn rule(&self) -> Rule {
        match self.overridden {
            Some(_) => Rule::Given,
            None => self.recommendation.rule,
        }
    }

    /// True when something before `at` has closed or merged the account:
    /// its override, or its recommendation from higher up the plan.
    fn shut_before(&self, at: Precedence) -> bool {
        match self.overridden {
            Some(decision) => decision.shuts(),
            None => self.precedence < at && self.recommendation.decision.shuts(),
        }
    }

    /// True when the account stays, as far as everything decided so far
    /// goes (a later rule of its own row included).
    fn stays(&self) -> bool {
        !self.decision().shuts()
    }

    /// Gives the account the rule at `at`'s recommendation, unless something
    /// before `at` already decided it.
    fn claim(&mut self, at: Precedence, recommendation: Recommendation, joins: usize) -> bool {
        if self.precedence <= at {
            return false;
        }
        self.recommendation = recommendation;
        self.precedence = at;
        self.joins = Some(joins);
        true
    }

    /// Says why a keeper is kept, when no rule at all decided it: it does
    /// not bind it, and a later rule may still act on it.
    fn kept_because(&mut self, reason: Reason, rule: Rule) {
        if self.precedence == Precedence::NONE {
            self.recommendation = Recommendation {
                decision: Decision::Keep,
                rule,
                reason,
            };
        }
    }
}

/// What the pass found about the list as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The county's main account [`Rule::BelowCounty`] merged into, by
    /// index; `None` when the plan has no such rule or none was found.
    pub main_account: Option<usize>,
    /// True when the plan has [`Rule::BelowCounty`] but no account could be
    /// its main account: the rule then merged nothing, and the user is told.
    pub main_account_missing: bool,
}

/// Runs the whole-list rules of `plan` over every account, then finds the
/// account each merged account joins and where its work finally goes.
/// `verdicts` are the accounts' verdicts by their own rows, one per
/// account.
pub fn decide(accounts: &[Account], verdicts: &mut [Verdict], plan: &Plan) -> Outcome {
    let mut outcome = Outcome::default();
    for (index, &rule) in plan.rules.as_slice().iter().enumerate() {
        let at = Precedence::rule(index);
        match rule {
            Rule::Duplicate => duplicates(accounts, verdicts, at),
            Rule::BelowCounty => {
                outcome.main_account = below_county(accounts, verdicts, at, &plan.main_account);
                outcome.main_account_missing = outcome.main_account.is_none();
            }
            _ => {}
        }
    }
    join(accounts, verdicts);
    outcome
}

/// The better keeper of two: more followers, then the earlier row.
fn better(verdicts: &[Verdict], a: usize, b: usize) -> usize {
    match verdicts[b].reach > verdicts[a].reach {
        true => b,
        false => a,
    }
}

/// [`Rule::Duplicate`]: of the accounts of one unit (named) on one
/// platform that nothing earlier shut, the one with most followers stays
/// and the others merge into it. A group none of whose accounts stays (a
/// later rule of their own rows closes them all) is left to those rules.
fn duplicates(accounts: &[Account], verdicts: &mut [Verdict], at: Precedence) {
    let mut groups: FxHashMap<(&str, Platform), Vec<usize>> = FxHashMap::default();
    for (index, account) in accounts.iter().enumerate() {
        if account.unit.is_empty() || verdicts[index].shut_before(at) {
            continue;
        }
        match groups.entry((&account.unit, account.platform)) {
            Entry::Occupied(mut group) => group.get_mut().push(index),
            Entry::Vacant(slot) => {
                slot.insert(vec![index]);
            }
        }
    }
    for ((unit, platform), members) in groups {
        if members.len() < 2 {
            continue;
        }
        let Some(keeper) = members
            .iter()
            .copied()
            .filter(|&i| verdicts[i].stays())
            .reduce(|a, b| better(verdicts, a, b))
        else {
            continue;
        };
        let merge = Recommendation {
            decision: Decision::Merge,
            rule: Rule::Duplicate,
            reason: Reason::Duplicate {
                unit: unit.to_string(),
                platform,
                keeper: accounts[keeper].name.clone(),
            },
        };
        for &member in members.iter().filter(|&&i| i != keeper) {
            verdicts[member].claim(at, merge.clone(), keeper);
        }
        let others = members.len() - 1;
        verdicts[keeper].kept_because(Reason::DuplicateKept { platform, others }, Rule::Duplicate);
    }
}

/// True for a unit that is the county government or its publicity
/// department, whose account is the county's main one.
fn county_main_unit(unit: &str) -> bool {
    [
        "政府",
        "宣传部",
        "government",
        "Government",
        "publicity",
        "Publicity",
    ]
    .iter()
    .any(|word| unit.contains(word))
}

/// [`Rule::BelowCounty`]: township and county-department accounts merge
/// into the county's main account: the one the plan names, else the
/// county-level account of the county government or its publicity
/// department with most followers, of those nothing earlier shut and that
/// stay. Gives the main account's index, or `None` when there is none.
fn below_county(
    accounts: &[Account],
    verdicts: &mut [Verdict],
    at: Precedence,
    named: &str,
) -> Option<usize> {
    let named = named.trim();
    let candidate = |i: usize, account: &Account| {
        let open = !verdicts[i].shut_before(at) && verdicts[i].stays();
        open && match named.is_empty() {
            true => account.level == Level::County && county_main_unit(&account.unit),
            false => account.name == named,
        }
    };
    let main = accounts
        .iter()
        .enumerate()
        .filter(|&(i, account)| candidate(i, account))
        .map(|(i, _)| i)
        .reduce(|a, b| better(verdicts, a, b))?;
    let merge = Recommendation {
        decision: Decision::Merge,
        rule: Rule::BelowCounty,
        reason: Reason::BelowCounty {
            main: accounts[main].name.clone(),
        },
    };
    for (i, account) in accounts.iter().enumerate() {
        let below = matches!(account.level, Level::County | Level::Township);
        if i != main && below && !verdicts[i].shut_before(at) {
            verdicts[i].claim(at, merge.clone(), main);
        }
    }
    verdicts[main].kept_because(Reason::MainAccount, Rule::BelowCounty);
    Some(main)
}

/// The part of a village's unit (or name) that names its township, without
/// the county before it: `李家巷镇青草坞村` and `长兴县李家巷镇青草坞村` →
/// `李家巷镇`; `None` when it names none.
fn township_of(text: &str) -> Option<&str> {
    let end = ["街道", "镇", "乡"]
        .iter()
        .filter_map(|word| text.find(word).map(|at| (at, at + word.len())))
        .min()?;
    let (word_at, end) = end;
    let mut township = text.get(..end)?;
    // `长兴县李家巷镇` → `李家巷镇`, but `新市镇` stays whole: at least two
    // characters must be left before the township word.
    if let Some((at, c)) = township
        .get(..word_at)?
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '县' | '区' | '市'))
    {
        let rest = township.get(at + c.len_utf8()..)?;
        if rest.chars().count() >= 2 + (end - word_at) / 3 {
            township = rest;
        }
    }
    // A bare 镇 or 乡 names no township.
    (township.chars().count() > 1).then_some(township)
}

/// Finds the account each merged account joins, where the pass did not
/// already, then where each account's work finally goes. In order:
///
/// - the list's own 归并至, by name, when an account of that name stays;
/// - for a village, its township's account: one whose unit names the same
///   township (`某镇某村` → `某镇人民政府` or `某镇`), see [`township_for`];
/// - for another account merged by the list or by hand, the most followed
///   account of its unit that stays, on its platform if there is one.
fn join(accounts: &[Account], verdicts: &mut [Verdict]) {
    // The merged accounts whose target is still to find, and which of the
    // maps below they need: most lists need few of them, and a map of
    // 100,000 names is most of this pass.
    let pending: Vec<usize> = (0..accounts.len())
        .filter(|&i| {
            let verdict = &verdicts[i];
            let by_rule = verdict.overridden.is_none() && verdict.joins.is_some();
            verdict.decision() == Decision::Merge && !by_rule
        })
        .collect();
    let mut need = Needs::default();
    for &i in &pending {
        let account = &accounts[i];
        match account.merge_into.trim() {
            "" if account.level == Level::Village => need.townships = true,
            "" => need.units |= !account.unit.is_empty(),
            _ => need.names = true,
        }
    }
    // The kept accounts by name, each the first in the list; the township
    // accounts not closed, by the township their unit (or name) names.
    let mut kept: FxHashMap<&str, usize> = FxHashMap::default();
    let mut townships: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    // The most followed kept account of each unit, on each platform and on
    // any (in maps of the same types as those above and below: each type
    // of map is code of its own in the wasm).
    let mut by_unit: FxHashMap<&str, usize> = FxHashMap::default();
    let mut by_unit_platform: FxHashMap<(&str, Platform), Option<usize>> = FxHashMap::default();
    let mapped = match need.names || need.townships || need.units {
        true => accounts,
        false => &[],
    };
    for (i, account) in mapped.iter().enumerate() {
        let decision = verdicts[i].decision();
        if decision == Decision::Keep {
            if need.names {
                kept.entry(&account.name).or_insert(i);
            }
            if need.units && !account.unit.is_empty() {
                let best = by_unit.entry(&account.unit).or_insert(i);
                *best = better(verdicts, *best, i);
                let best = by_unit_platform
                    .entry((&account.unit, account.platform))
                    .or_insert(Some(i));
                *best = best.map(|best| better(verdicts, best, i));
            }
        }
        // A township account that merges in turn (into the county's main
        // account) still takes its villages, and passes them on.
        if need.townships && decision != Decision::Close && account.level == Level::Township {
            if let Some(place) = place_of(account) {
                townships.entry(place).or_default().push(i);
            }
        }
    }
    let mut township_accounts: FxHashMap<(&str, Platform), Option<usize>> = FxHashMap::default();
    for i in pending {
        let account = &accounts[i];
        let target = match account.merge_into.trim() {
            "" if account.level == Level::Village => place_of(account).and_then(|place| {
                *township_accounts
                    .entry((place, account.platform))
                    .or_insert_with(|| {
                        let candidates = townships.get(place).map_or(&[][..], Vec::as_slice);
                        township_for(account.platform, accounts, verdicts, candidates)
                    })
            }),
            // Merged by the list or by hand, with nothing to say where: its
            // unit's account that stays, on its platform if there is one.
            "" if !account.unit.is_empty() => by_unit_platform
                .get(&(&*account.unit, account.platform))
                .copied()
                .flatten()
                .or_else(|| by_unit.get(&*account.unit).copied()),
            "" => None,
            name => kept.get(name).copied(),
        };
        verdicts[i].joins = target;
        if verdicts[i].recommendation.rule == Rule::Village {
            if let (Some(target), Reason::Village { merge_into }) =
                (target, &mut verdicts[i].recommendation.reason)
            {
                merge_into.clone_from(&accounts[target].name);
            }
        }
    }
    // Where the work finally goes: along `joins` to an account that stays,
    // at most a few steps (a list's own 归并至 may go round in a circle).
    for i in 0..verdicts.len() {
        let mut at = verdicts[i].joins;
        for _ in 0..8 {
            match at {
                Some(next) if verdicts[next].decision() == Decision::Merge => {
                    at = verdicts[next].joins;
                }
                _ => break,
            }
        }
        verdicts[i].receiver = at.filter(|&r| verdicts[r].stays());
    }
}

/// Which of [`join`]'s maps its merged accounts need: by name (a list's
/// 归并至), by township (a village's), by unit (merged with nothing to say
/// where).
#[derive(Default)]
struct Needs {
    names: bool,
    townships: bool,
    units: bool,
}

/// The township an account's unit names, else its name: `李家巷镇青草坞村`
/// and `李家巷镇人民政府` both name `李家巷镇`.
fn place_of(account: &Account) -> Option<&str> {
    township_of(&account.unit).or_else(|| township_of(&account.name))
}

/// A township's account for a village on `platform`, of the township's
/// accounts not closed (`candidates`): one that stays before one that
/// merges on (into the county's main account), on the same platform before
/// another, then the most followed, then the first.
fn township_for(
    platform: Platform,
    accounts: &[Account],
    verdicts: &[Verdict],
    candidates: &[usize],
) -> Option<usize> {
    let best = |on_platform: bool, staying: bool| {
        candidates
            .iter()
            .filter(|&&i| !on_platform || accounts[i].platform == platform)
            .filter(|&&i| !staying || verdicts[i].stays())
            .copied()
            .reduce(|a, b| better(verdicts, a, b))
    };
    best(true, true)
        .or_else(|| best(false, true))
        .or_else(|| best(true, false))
        .or_else(|| best(false, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_township_of_a_village() {
        assert_eq!(township_of("李家巷镇青草坞村"), Some("李家巷镇"));
        assert_eq!(township_of("雉城街道新兴社区"), Some("雉城街道"));
        assert_eq!(township_of("和平乡某村"), Some("和平乡"));
        assert_eq!(township_of("青草坞村"), None);
        assert_eq!(township_of("镇东村"), None);
        assert_eq!(township_of("长兴县李家巷镇青草坞村"), Some("李家巷镇"));
        assert_eq!(township_of("新市镇某村"), Some("新市镇"));
    }

    #[test]
    fn the_county_main_unit() {
        assert!(county_main_unit("长兴县人民政府"));
        assert!(county_main_unit("中共长兴县委宣传部"));
        assert!(!county_main_unit("长兴县农业农村局"));
    }
}
