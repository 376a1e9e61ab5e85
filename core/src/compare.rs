//! Plans side by side: the estimate of each plan over one list, which
//! accounts the plans decide differently, and the shape the JS API's
//! `compare` returns.

use serde::Serialize;

use crate::account::{Account, Decision, Level, Platform};
use crate::date::Date;
use crate::estimate::{AccountResult, Estimate, Estimator, Summary};
use crate::lang::Lang;
use crate::num::{Num, Span};
use crate::plan::Plan;
use crate::rules::Rule;

/// The estimate of each plan over `accounts`, in the plans' order; `today`
/// as for [`estimate`](crate::estimate::estimate).
pub fn compare(accounts: &[Account], plans: &[Plan], today: Date) -> Vec<Estimate> {
    let mut estimates: Vec<Estimate> = Vec::with_capacity(plans.len());
    for plan in plans {
        // Each plan takes the figures of the one before (see
        // [`Estimator::like`]).
        let mut estimator = match estimates.last() {
            Some(earlier) => Estimator::like(accounts, plan, today, earlier),
            None => Estimator::new(accounts, plan, today),
        };
        estimator.assess(accounts, usize::MAX);
        estimates.push(estimator.finish());
    }
    estimates
}

/// True when the plans do not all give the account at `index` the same
/// decision.
pub fn differs(estimates: &[&Estimate], index: usize) -> bool {
    let mut decisions = estimates
        .iter()
        .filter_map(|e| e.accounts.get(index).map(|r| r.decision));
    let first = decisions.next();
    decisions.any(|d| Some(d) != first)
}

/// How one plan's totals differ from another's (the first plan's, which
/// the comparison measures the others against).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Accounts shut, more (positive) or fewer.
    pub shut: i64,
    /// Hours freed, low end against low end: both come from the same
    /// assumptions' ends, so the ends are compared, not the ranges.
    pub hours_low: Num,
    /// Hours freed, high end against high end.
    pub hours_high: Num,
    /// Cash saved, midpoint against midpoint, in yuan.
    pub cash: Num,
}

impl Difference {
    /// How `other` differs from `first`.
    pub fn between(first: &Summary, other: &Summary) -> Difference {
        Difference {
            shut: other.accounts_shut as i64 - first.accounts_shut as i64,
            hours_low: other.hours_freed.low - first.hours_freed.low,
            hours_high: other.hours_freed.high - first.hours_freed.high,
            cash: other.cash_saved.midpoint() - first.cash_saved.midpoint(),
        }
    }
}

/// `compare`'s result in one language: each plan's name and totals, and
/// each account with what each plan decides for it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonView<'a> {
    /// The plans, in order.
    pub plans: Vec<PlanView<'a>>,
    /// The accounts, in the list's order.
    pub accounts: Vec<ComparedAccount<'a>>,
}

/// One plan's name and totals.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanView<'a> {
    /// The plan's name.
    pub name: &'a str,
    /// Its rules, in order of precedence.
    pub rules: Vec<&'static str>,
    /// Its totals (SPEC §6 `summary`, with `byPlatform`).
    pub summary: &'a Summary,
}

/// One account and each plan's decision for it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparedAccount<'a> {
    /// Row number as the user sees it.
    pub row: usize,
    /// Account name.
    pub name: &'a str,
    /// Unit.
    pub unit: &'a str,
    /// Platform.
    pub platform: Platform,
    /// Level.
    pub level: Level,
    /// True when the plans do not agree on it.
    pub differs: bool,
    /// Each plan's decision, in the plans' order.
    pub plans: Vec<PlanDecision<'a>>,
}

/// What one plan decides for one account.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDecision<'a> {
    /// `keep` / `close` / `merge`.
    pub decision: Decision,
    /// The rule behind it.
    pub rule: Rule,
    /// Why, in the chosen language, citing the rule's source.
    pub reason: String,
    /// The account it joins, for a merge; empty otherwise.
    pub merge_into: &'a str,
    /// Staff hours per year freed.
    pub hours_freed: Span,
    /// Money per year saved, in yuan.
    #[serde(serialize_with = "crate::estimate::money")]
    pub cash_saved: Span,
}

impl<'a> ComparisonView<'a> {
    /// The view of `estimates` (of one list, one for each of `plans`) in
    /// `lang`.
    pub fn new(plans: &'a [Plan], estimates: &'a [Estimate], lang: Lang) -> ComparisonView<'a> {
        let refs: Vec<&Estimate> = estimates.iter().collect();
        let plans = plans
            .iter()
            .zip(estimates)
            .map(|(plan, e)| PlanView {
                name: &plan.name,
                rules: e.rules.keys().collect(),
                summary: &e.summary,
            })
            .collect();
        let accounts = match estimates.first() {
            None => Vec::new(),
            Some(first) => first
                .accounts
                .iter()
                .enumerate()
                .map(|(index, account)| ComparedAccount {
                    row: account.row,
                    name: &account.name,
                    unit: &account.unit,
                    platform: account.platform,
                    level: account.level,
                    differs: differs(&refs, index),
                    plans: estimates
                        .iter()
                        .filter_map(|e| e.accounts.get(index))
                        .map(|r| PlanDecision::new(r, lang))
                        .collect(),
                })
                .collect(),
        };
        ComparisonView { plans, accounts }
    }
}

impl<'a> PlanDecision<'a> {
    fn new(result: &'a AccountResult, lang: Lang) -> PlanDecision<'a> {
        PlanDecision {
            decision: result.decision,
            rule: result.rule,
            reason: result.reason().text(lang),
            merge_into: &result.merge_into,
            hours_freed: result.hours_freed,
            cash_saved: result.cash_saved,
        }
    }
}
