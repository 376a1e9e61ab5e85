//! The estimate of SPEC §4: per-account hours, cash and reads, the decision
//! for each account, and the totals.
//!
//! Every figure is a [`Span`] computed by interval arithmetic, exactly: each
//! formula is monotone in each input, so the low end of a result comes from
//! the low ends of its inputs (the merge share, which is subtracted, enters
//! reversed). Money is in yuan as exact [`Num`]s and is rounded to fen only
//! when it is serialized or shown.
//!
//! ```
//! use jianfu_core::account::{Account, Decision};
//! use jianfu_core::assumptions::Assumptions;
//! use jianfu_core::date::Date;
//! use jianfu_core::estimate::estimate;
//! use jianfu_core::plan::Plan;
//! use jianfu_core::num::{Num, Span};
//!
//! let mut quiet = Account::named(2, "某局发布");
//! quiet.followers = Span::point(Num::int(300)).into();
//! let as_of = Date::from_ymd(2019, 4, 19).unwrap();
//! let result = estimate(&[quiet], &Plan::new(Assumptions::default()), as_of);
//!
//! // 300 followers is below 1,000: closed. Posts and hours per post are
//! // unknown, so the defaults apply: 2–3 posts × 52 weeks × 2–3 h = 208–468 h.
//! assert_eq!(result.accounts[0].decision, Decision::Close);
//! assert_eq!(result.summary.hours_freed, Span::new(Num::int(208), Num::int(468)));
//! ```

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::account::{Account, Decision, Field, Level, Platform, Staffing};
use crate::assumptions::Assumptions;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Location, Problem, RowList};
use crate::hash::name_hash;
use crate::lang::Lang;
use crate::num::{exactly, Num, Span};
use crate::overrides::occurrences;
use crate::plan::{Plan, Rules};
use crate::rules::list::{decide, Outcome, Verdict};
use crate::rules::{Reason, Recommendation, Rule};
use crate::yearly::divide;
pub use crate::yearly::AccountFigures;

/// The estimate takes its overrides keyed by account (see
/// [`crate::overrides`]).
pub use crate::overrides::{AccountKey, Overrides};

/// The result of an estimate: every account and the totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// One result per account, in the order of the list.
    pub accounts: Vec<AccountResult>,
    /// The totals.
    pub summary: Summary,
    /// The assumptions used.
    pub assumptions: Assumptions,
    /// The plan's rules. (Not its name: a plan renamed keeps its
    /// estimate, and the name is the plan's.)
    pub rules: Rules,
    /// The as-of date used for dormancy.
    pub as_of: Date,
    /// The county's main account the plan's [`Rule::BelowCounty`] merged
    /// into, by index in `accounts`.
    pub main_account: Option<usize>,
    /// True when the plan has [`Rule::BelowCounty`] but no account could be
    /// the county's main account, so that the rule merged nothing.
    pub main_account_missing: bool,
    /// The figures that could not be worked out exactly.
    pub approximated: Approximated,
    /// Overrides that match no account of the list, in key order: kept,
    /// for the user to see (a later paste may bring the account back).
    pub unmatched: Vec<(AccountKey, Decision)>,
}

/// The figures of an estimate that had to be approximated because they do
/// not fit 64 bits (see [`exactly`]): only absurd inputs get here, and the
/// user is told rather than shown a saturated figure without a word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Approximated {
    /// The accounts whose own figures were approximated, by row.
    pub rows: RowList,
    /// True when the totals were approximated.
    pub totals: bool,
}

impl Approximated {
    /// What several estimates of one list approximated, said once: each
    /// row once and in order, and the totals if any estimate's were.
    pub fn of_all<'a>(all: impl IntoIterator<Item = &'a Approximated>) -> Approximated {
        let mut totals = false;
        let mut lists: Vec<_> = all
            .into_iter()
            .map(|approximated| {
                totals |= approximated.totals;
                approximated.rows.iter().peekable()
            })
            .collect();
        // The lists merged in order (there are a few: one a plan).
        let mut rows = RowList::default();
        while let Some(row) = lists
            .iter_mut()
            .filter_map(|list| list.peek().copied())
            .min()
        {
            rows.push(row);
            for list in &mut lists {
                list.next_if_eq(&row);
            }
        }
        Approximated { rows, totals }
    }

    /// What the user is told: a warning naming the rows, and one about the
    /// totals; nothing when every figure is exact.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        if let Some(first) = self.rows.first() {
            diagnostics.push(Diagnostic::new(
                Location::row(first),
                "",
                Problem::Approximated {
                    rows: self.rows.clone(),
                },
            ));
        }
        if self.totals {
            diagnostics.push(Diagnostic::new(
                Location::Input,
                "",
                Problem::TotalsApproximated,
            ));
        }
        diagnostics
    }
}

/// One account's figures and decision.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountResult {
    /// The row number as the user sees it.
    pub row: usize,
    /// The account name (shared between the plans' estimates, see
    /// [`Estimator::like`]).
    pub name: Arc<str>,
    /// The unit that runs it (shared with the list's accounts of the unit).
    pub unit: Arc<str>,
    /// Its level.
    pub level: Level,
    /// True when the level was inferred from the name and unit.
    pub level_inferred: bool,
    /// The platform it is on.
    pub platform: Platform,
    /// How it is staffed, if known.
    pub staffing: Option<Staffing>,
    /// The account it merges into: the one the plan's rules found, else
    /// the list's 归并至; empty unless it merges.
    pub merge_into: String,
    /// That account, by index in the estimate's accounts, when the list
    /// holds it.
    pub joins: Option<usize>,
    /// Where the work it takes on from merged accounts goes in the end, by
    /// index: the account itself when it stays, or the account that keeps
    /// what it joins when it merges in turn.
    pub receiver: Option<usize>,
    /// What it costs and reaches per year: the same for every plan with
    /// the same assumptions, so shared between their estimates (see
    /// [`Estimator::like`]).
    pub figures: Arc<AccountFigures>,
    /// What the list and the rules say, before any override.
    pub recommendation: Recommendation,
    /// The decision in force.
    pub decision: Decision,
    /// The rule behind it ([`Rule::Given`] for an override).
    pub rule: Rule,
    /// True when the user overrode the decision (the reason is then
    /// [`Reason::Overridden`], else the recommendation's; see
    /// [`AccountResult::reason`]).
    pub overridden: bool,
    /// How many earlier accounts of the list share its name, unit and
    /// platform, which makes its [`AccountResult::override_key`].
    pub occurrence: usize,
    /// Staff hours per year freed by the decision.
    pub hours_freed: Span,
    /// Staff hours per year the receiving account takes on (merge only).
    pub added_load: Span,
    /// Money per year saved by the decision, in yuan.
    pub cash_saved: Span,
    /// Fields that fell back to an assumption or could not be read, in
    /// column order.
    pub assumed: Vec<Field>,
}

/// The totals of an estimate, serialized as SPEC §6 `summary`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Accounts in the list.
    pub accounts_total: usize,
    /// Accounts closed or merged.
    pub accounts_shut: usize,
    /// Accounts closed.
    pub accounts_closed: usize,
    /// Accounts merged.
    pub accounts_merged: usize,
    /// Accounts kept.
    pub accounts_kept: usize,
    /// Staff hours per year of all accounts.
    pub hours_total: Span,
    /// Staff hours per year freed.
    pub hours_freed: Span,
    /// Hours freed in full-time posts: hours freed ÷ FTE hours.
    pub fte_freed: Span,
    /// Staff hours per year that merged accounts add to the accounts they
    /// join.
    pub added_load: Span,
    /// Cash per year of all accounts, in yuan.
    #[serde(serialize_with = "money")]
    pub cash_total: Span,
    /// Cash per year saved, in yuan.
    #[serde(serialize_with = "money")]
    pub cash_saved: Span,
    /// Cash saved as a range, in case a fee was given as one.
    #[serde(serialize_with = "money_range")]
    pub cash_saved_range: Span,
    /// Hours freed × staff cost per hour, in yuan.
    #[serde(serialize_with = "money_range")]
    pub staff_value: Span,
    /// Cash saved + staff value, in yuan.
    #[serde(serialize_with = "money_range")]
    pub total_value: Span,
    /// Outsourced accounts closed or merged, and their fees.
    pub outsourcing_ended: Contracts,
    /// What the shut accounts with reads data cost per read.
    pub shut_cost_per_read: Option<ReadCost>,
    /// Totals by level.
    pub by_level: ByLevel,
    /// Totals by platform, every platform listed (most with nothing).
    pub by_platform: ByPlatform,
    /// The accounts that take on merged accounts' work, by name.
    pub receiving: Vec<ReceivingLoad>,
}

/// Outsourcing contracts ended by the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contracts {
    /// Outsourced accounts closed or merged.
    pub count: usize,
    /// Their outsourcing fees per year, in yuan.
    #[serde(serialize_with = "money")]
    pub fees: Span,
}

/// Cost per read of the shut accounts that have reads data.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadCost {
    /// Shut accounts with reads data.
    pub accounts: usize,
    /// Their cash per year, in yuan.
    #[serde(serialize_with = "money")]
    pub cash: Span,
    /// Their reads per year.
    pub reads: Span,
    /// Cash ÷ reads, in yuan per read.
    #[serde(serialize_with = "money_range")]
    pub cost_per_read: Span,
}

/// Totals for each level.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ByLevel {
    /// County departments.
    pub county: GroupSummary,
    /// Townships, streets and parks.
    pub township: GroupSummary,
    /// Villages and communities.
    pub village: GroupSummary,
}

/// Totals for each platform, keyed as [`Platform::key`] names them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ByPlatform {
    /// 微信公众号.
    pub wechat: GroupSummary,
    /// 微博.
    pub weibo: GroupSummary,
    /// 抖音.
    pub douyin: GroupSummary,
    /// 今日头条.
    pub toutiao: GroupSummary,
    /// 快手.
    pub kuaishou: GroupSummary,
    /// 视频号.
    pub channels: GroupSummary,
    /// 小红书.
    pub xiaohongshu: GroupSummary,
    /// 百家号.
    pub baijiahao: GroupSummary,
    /// Other platforms.
    pub other: GroupSummary,
}

/// Totals for one level or one platform.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    /// Accounts before the plan.
    pub before: usize,
    /// Accounts after it (the kept ones).
    pub after: usize,
    /// Staff hours per year before.
    pub hours_before: Span,
    /// Staff hours per year freed.
    pub hours_freed: Span,
    /// Cash per year before, in yuan.
    #[serde(serialize_with = "money")]
    pub cash_before: Span,
    /// Cash per year saved, in yuan.
    #[serde(serialize_with = "money")]
    pub cash_saved: Span,
}

/// The work an account takes on from the accounts merged into it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivingLoad {
    /// The receiving account's name; the list's 归并至 when the account is
    /// not in the list, empty when nothing says where the work goes.
    pub account: String,
    /// Its row, when the list holds it.
    pub row: Option<usize>,
    /// Its index among the estimate's accounts, when the list holds it.
    #[serde(skip)]
    pub index: Option<usize>,
    /// Accounts merged into it.
    pub accounts_merged: usize,
    /// Staff hours per year it takes on.
    pub added_load: Span,
}

/// An estimate in one language, ready to serialize as SPEC §6 `accounts`
/// and `summary`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EstimateView<'a> {
    /// The accounts.
    pub accounts: Vec<AccountView<'a>>,
    /// The totals.
    pub summary: &'a Summary,
}

/// One account in one language, as SPEC §6 lists it, with a few extra
/// fields.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountView<'a> {
    /// Row number as the user sees it.
    pub row: usize,
    /// Account name.
    pub name: &'a str,
    /// Unit.
    pub unit: &'a str,
    /// `county` / `township` / `village`.
    pub level: Level,
    /// True when the level was inferred.
    pub level_inferred: bool,
    /// `wechat` / `weibo` / `douyin` / … / `other`.
    pub platform: Platform,
    /// `partTime` / `dedicated` / `outsourced`, or absent.
    pub staffing: Option<Staffing>,
    /// `keep` / `close` / `merge`.
    pub decision: Decision,
    /// `dormant` / `lowReach` / `village` / `poorValue` / `given` /
    /// `default`.
    pub rule: Rule,
    /// Why, in the chosen language.
    pub reason: String,
    /// True when the user overrode the decision.
    pub overridden: bool,
    /// The decision the list and the rules give without the override.
    pub recommended: Decision,
    /// Posts per week used.
    pub posts_per_week: Span,
    /// Hours per post used.
    pub hours_per_post: Span,
    /// Staff hours per year.
    pub hours: Span,
    /// Staff hours per year freed.
    pub hours_freed: Span,
    /// Staff hours per year added to the receiving account.
    pub added_load: Span,
    /// Cash per year, in yuan.
    #[serde(serialize_with = "money")]
    pub cash: Span,
    /// Cash per year saved, in yuan.
    #[serde(serialize_with = "money")]
    pub cash_saved: Span,
    /// Reads per year, if known.
    pub reads: Option<Span>,
    /// Yuan per read, if known.
    #[serde(serialize_with = "money_range_opt")]
    pub cost_per_read: Option<Span>,
    /// The account it merges into, if named.
    pub merge_into: &'a str,
    /// Fields that fell back to an assumption or could not be read.
    pub assumed: &'a [Field],
}

/// Estimates every account under `plan`, and the totals.
///
/// `today` is the date dormancy is measured to unless the plan's
/// assumptions set one (see [`Plan::as_of`]): the core has no clock. The
/// assumptions should have passed [`Assumptions::validate`]; invalid ones
/// give meaningless figures but never a panic.
pub fn estimate(accounts: &[Account], plan: &Plan, today: Date) -> Estimate {
    let mut estimator = Estimator::new(accounts, plan, today);
    estimator.assess(accounts, usize::MAX);
    estimator.finish()
}

/// An estimate done a number of accounts at a time, so that the page can
/// work through 100,000 accounts between frames (see
/// [`Importer`](crate::import::Importer)). [`estimate`] is one run to
/// the end.
///
/// It works in three stages: each account by its own row (its figures, its
/// override, the plan's per-account rules); then, once, the rules that need
/// the whole list ([`rules::list`](crate::rules::list)); then each
/// account's result, added to the totals.
///
/// ```
/// use jianfu_core::assumptions::Assumptions;
/// use jianfu_core::date::Date;
/// use jianfu_core::estimate::{estimate, Estimator};
/// use jianfu_core::import::import_text;
/// use jianfu_core::plan::Plan;
///
/// let accounts = import_text("名称\t粉丝数\n甲\t100\n乙\t5000\n").accounts;
/// let today = Date::from_ymd(2019, 4, 19).unwrap();
/// let plan = Plan::new(Assumptions::default());
/// let mut estimator = Estimator::new(&accounts, &plan, today);
/// while !estimator.assess(&accounts, 1) {}
/// assert_eq!(estimator.finish(), estimate(&accounts, &plan, today));
/// ```
pub struct Estimator {
    plan: Plan,
    as_of: Date,
    /// A 256-bit Bloom filter of the overrides' names: an account whose
    /// name is not in it needs no key built to look it up.
    override_names: [u64; 4],
    /// The overrides that have not found their account yet. Each key names
    /// one account at most (true duplicates differ in occurrence), so an
    /// override is taken out as its account takes it.
    unmatched: Overrides,
    /// The accounts to estimate.
    total: usize,
    /// For each account, how many earlier accounts share its name, unit
    /// and platform: the `occurrence` of its [`AccountKey`]. Empty when
    /// `known` has them.
    occurrences: Vec<usize>,
    /// For each account, what an estimate of the same accounts under the
    /// same assumptions worked out, taken rather than worked out again;
    /// empty when there is none.
    known: Vec<Known>,
    /// What the rules say of each account judged so far.
    verdicts: Vec<Verdict>,
    /// What the whole-list pass found, once it has run.
    outcome: Option<Outcome>,
    /// Each account judged so far: its figures from the first stage, its
    /// decision and what that frees from the last.
    results: Vec<AccountResult>,
    /// True for the accounts whose figures were worked out exactly.
    exact: Vec<bool>,
    /// How many of `results` the last stage has finished.
    settled: usize,
    totals: Totals,
    approximated: Approximated,
}

impl Estimator {
    /// Starts an estimate of `accounts` under `plan`; `today` as for
    /// [`estimate`].
    pub fn new(accounts: &[Account], plan: &Plan, today: Date) -> Estimator {
        Estimator::start(accounts, plan, today, Vec::new())
    }

    /// Starts an estimate of `accounts` under `plan` that takes each
    /// account's figures from `earlier`, an estimate of the same accounts
    /// (another plan's): a page estimates several plans of one list, and
    /// the figures depend on the assumptions only. Taken only when
    /// `earlier`'s assumptions are the plan's and its figures were all
    /// exact; else they are worked out as by [`Estimator::new`].
    pub fn like(accounts: &[Account], plan: &Plan, today: Date, earlier: &Estimate) -> Estimator {
        let usable = earlier.assumptions == plan.assumptions
            && earlier.accounts.len() == accounts.len()
            && earlier.approximated.rows.is_empty();
        let known = match usable {
            true => earlier.accounts.iter().map(Known::of).collect(),
            false => Vec::new(),
        };
        Estimator::start(accounts, plan, today, known)
    }

    fn start(accounts: &[Account], plan: &Plan, today: Date, known: Vec<Known>) -> Estimator {
        let mut override_names = [0u64; 4];
        for (key, _) in plan.overrides.iter() {
            let (word, bit) = bloom(&key.name);
            override_names[word] |= bit;
        }
        Estimator {
            as_of: plan.as_of(today),
            unmatched: plan.overrides.clone(),
            plan: Plan {
                overrides: Overrides::new(),
                ..plan.clone()
            },
            override_names,
            total: accounts.len(),
            occurrences: match known.is_empty() {
                true => occurrences(accounts),
                false => Vec::new(),
            },
            known,
            verdicts: Vec::with_capacity(accounts.len()),
            outcome: None,
            results: Vec::with_capacity(accounts.len()),
            exact: Vec::with_capacity(accounts.len()),
            settled: 0,
            totals: Totals::default(),
            approximated: Approximated::default(),
        }
    }

    /// Works out up to `count` more of `accounts`, which must be the
    /// accounts the estimator was made with. True when all are done.
    pub fn assess(&mut self, accounts: &[Account], count: usize) -> bool {
        let total = accounts.len().min(self.total);
        let mut budget = count;
        let judged = self.results.len();
        if judged < total {
            let take = budget.min(total - judged);
            self.judge(&accounts[judged..judged + take]);
            budget -= take;
            if self.results.len() < total {
                return false;
            }
        }
        if self.outcome.is_none() {
            let outcome = decide(&accounts[..total], &mut self.verdicts, &self.plan);
            self.outcome = Some(outcome);
        }
        let take = budget.min(total - self.settled);
        for index in self.settled..self.settled + take {
            self.settle(accounts, index);
        }
        self.settled += take;
        self.settled >= total
    }

    /// The first stage for `accounts`, the next of the list: each one's
    /// figures, its override, and the per-account rules.
    fn judge(&mut self, accounts: &[Account]) {
        let start = self.results.len();
        for (offset, account) in accounts.iter().enumerate() {
            // What an earlier estimate lends (its figures taken below), or
            // what this one works out.
            let (occurrence, name, lent) = match self.known.get_mut(start + offset) {
                Some(known) => (
                    known.occurrence,
                    known.name.clone(),
                    Some((known.figures.clone(), std::mem::take(&mut known.assumed))),
                ),
                None => (
                    self.occurrences[start + offset],
                    Arc::from(account.name.as_str()),
                    None,
                ),
            };
            // Most estimates have no override at all (no name is hashed),
            // and most accounts' names are not among the overrides' (no key
            // is built for them).
            let listed = || {
                let (word, bit) = bloom(&account.name);
                self.override_names[word] & bit != 0
            };
            let overridden = match self.unmatched.is_empty() || !listed() {
                true => None,
                false => self.unmatched.remove(&AccountKey::of(account, occurrence)),
            };
            let assumptions = &self.plan.assumptions;
            let ((figures, assumed), exact) = match lent {
                Some(lent) => (lent, true),
                None => {
                    let ((figures, assumed), exact) =
                        exactly(|| AccountFigures::of(account, assumptions));
                    ((Arc::new(figures), assumed), exact)
                }
            };
            let verdict = Verdict::of(
                account,
                &figures,
                overridden,
                self.plan.rules.as_slice(),
                assumptions,
                self.as_of,
            );
            self.verdicts.push(verdict);
            self.exact.push(exact);
            self.results.push(AccountResult {
                row: account.row,
                name,
                unit: account.unit.clone(),
                level: account.level,
                level_inferred: account.level_inferred,
                platform: account.platform,
                staffing: account.staffing,
                merge_into: String::new(),
                joins: None,
                receiver: None,
                figures,
                recommendation: Recommendation::DEFAULT,
                decision: Decision::Keep,
                rule: Rule::Default,
                overridden: false,
                occurrence,
                hours_freed: Span::ZERO,
                added_load: Span::ZERO,
                cash_saved: Span::ZERO,
                assumed,
            });
        }
    }

    /// The last stage for the account at `index`: its decision and what it
    /// frees and saves, added to the totals.
    fn settle(&mut self, accounts: &[Account], index: usize) {
        let verdict = &mut self.verdicts[index];
        let result = &mut self.results[index];
        let share = self.plan.assumptions.merge_share;
        let ((), exact) = exactly(|| settle(result, verdict, accounts, &accounts[index], share));
        if !exact || !self.exact[index] {
            self.approximated.rows.push(result.row);
        }
        let ((), exact) = exactly(|| self.totals.add(result));
        self.approximated.totals |= !exact;
    }

    /// How many accounts are done, for a progress bar: each counts half
    /// when judged by its own row and half when settled.
    pub fn progress(&self) -> usize {
        (self.results.len() + self.settled) / 2
    }

    /// The estimate of the accounts done so far, with their totals.
    pub fn finish(mut self) -> Estimate {
        self.results.truncate(self.settled);
        let mut approximated = self.approximated;
        let (summary, exact) =
            exactly(|| self.totals.summary(&self.plan.assumptions, &self.results));
        approximated.totals |= !exact;
        let unmatched = self.unmatched.into_iter().collect();
        let outcome = self.outcome.unwrap_or_default();
        Estimate {
            accounts: self.results,
            summary,
            assumptions: self.plan.assumptions,
            rules: self.plan.rules,
            as_of: self.as_of,
            main_account: outcome.main_account,
            main_account_missing: outcome.main_account_missing,
            approximated,
            unmatched,
        }
    }
}

/// What [`Estimator::like`] takes of each account from an earlier
/// estimate.
struct Known {
    name: Arc<str>,
    figures: Arc<AccountFigures>,
    assumed: Vec<Field>,
    occurrence: usize,
}

impl Known {
    fn of(result: &AccountResult) -> Known {
        Known {
            name: result.name.clone(),
            figures: result.figures.clone(),
            assumed: result.assumed.clone(),
            occurrence: result.occurrence,
        }
    }
}

/// Where a name falls in the estimator's Bloom filter of override names:
/// the word and the bit.
fn bloom(name: &str) -> (usize, u64) {
    let hash = name_hash(name);
    ((hash >> 62) as usize, 1 << (hash & 63))
}

/// One account's decision, from its verdict (whose recommendation it
/// takes), and what the decision frees and saves.
fn settle(
    result: &mut AccountResult,
    verdict: &mut Verdict,
    accounts: &[Account],
    account: &Account,
    share: Span,
) {
    let figures = &result.figures;
    let decision = verdict.decision();
    let (hours_freed, added_load) = match decision {
        Decision::Keep => (Span::ZERO, Span::ZERO),
        Decision::Close => (figures.hours, Span::ZERO),
        // 1 − [s_low, s_high] = [1 − s_high, 1 − s_low]: interval subtraction
        // reverses the ends, so the freed hours stay a correct range.
        Decision::Merge => (
            figures.hours * (Span::point(Num::ONE) - share),
            figures.hours * share,
        ),
    };
    result.cash_saved = match decision {
        Decision::Keep => Span::ZERO,
        Decision::Close | Decision::Merge => figures.cash,
    };
    (result.hours_freed, result.added_load) = (hours_freed, added_load);
    result.merge_into = match (verdict.joins, decision) {
        (Some(joins), Decision::Merge) => accounts[joins].name.clone(),
        (None, Decision::Merge) => account.merge_into.clone(),
        _ => String::new(),
    };
    (result.joins, result.receiver) = (verdict.joins, verdict.receiver);
    result.decision = decision;
    result.rule = verdict.rule();
    result.overridden = verdict.overridden.is_some();
    result.recommendation = std::mem::replace(&mut verdict.recommendation, Recommendation::DEFAULT);
}

/// The totals of the results added so far, one pass in all: an estimate in
/// slices adds each slice's results as it goes, so that nothing is left for a
/// long pass at the end.
#[derive(Clone, Debug, Default)]
struct Totals {
    accounts: usize,
    closed: usize,
    merged: usize,
    hours_total: Span,
    hours_freed: Span,
    added_load: Span,
    cash_total: Span,
    cash_saved: Span,
    /// Outsourced accounts shut, and their fees.
    ended: usize,
    ended_fees: Span,
    /// Shut accounts with reads data, their cash and their reads.
    with_reads: usize,
    with_reads_cash: Span,
    reads: Span,
    by_level: ByLevel,
    by_platform: ByPlatform,
    /// Each merged account's receiving account and the load it adds, in
    /// the order merged; summed by receiving account at the end. Sorted
    /// then, rather than kept in a map in order, as the wasm already has
    /// sorts and would compile a B-tree anew for this key.
    receiving: Vec<(Receiver, Span)>,
}

impl Totals {
    fn add(&mut self, r: &AccountResult) {
        self.accounts += 1;
        match r.decision {
            Decision::Keep => {}
            Decision::Close => self.closed += 1,
            Decision::Merge => {
                self.merged += 1;
                let receiver = match r.receiver {
                    Some(index) => Receiver::InList(index),
                    None => Receiver::Named(r.merge_into.clone()),
                };
                self.receiving.push((receiver, r.added_load));
            }
        }
        self.hours_total = self.hours_total + r.figures.hours;
        self.cash_total = self.cash_total + r.figures.cash;
        self.by_level.get_mut(r.level).add(r);
        self.by_platform.get_mut(r.platform).add(r);
        let shut = r.decision.shuts();
        // A kept account frees, adds and saves nothing: no zeros added.
        if !shut {
            return;
        }
        self.hours_freed = self.hours_freed + r.hours_freed;
        self.added_load = self.added_load + r.added_load;
        self.cash_saved = self.cash_saved + r.cash_saved;
        if r.staffing == Some(Staffing::Outsourced) {
            self.ended += 1;
            self.ended_fees = self.ended_fees + r.figures.outsourcing_fee;
        }
        if let Some(reads) = r.figures.reads {
            self.with_reads += 1;
            self.with_reads_cash = self.with_reads_cash + r.figures.cash;
            self.reads = self.reads + reads;
        }
    }

    fn summary(self, assumptions: &Assumptions, results: &[AccountResult]) -> Summary {
        let staff_value = self.hours_freed * assumptions.hourly_cost;
        let shut_cost_per_read = if self.with_reads == 0 {
            None
        } else {
            divide(self.with_reads_cash, self.reads).map(|cost_per_read| ReadCost {
                accounts: self.with_reads,
                cash: self.with_reads_cash,
                reads: self.reads,
                cost_per_read,
            })
        };
        Summary {
            accounts_total: self.accounts,
            accounts_shut: self.closed + self.merged,
            accounts_closed: self.closed,
            accounts_merged: self.merged,
            accounts_kept: self.accounts - self.closed - self.merged,
            hours_total: self.hours_total,
            hours_freed: self.hours_freed,
            fte_freed: divide(self.hours_freed, assumptions.fte_hours).unwrap_or(Span::ZERO),
            added_load: self.added_load,
            cash_total: self.cash_total,
            cash_saved: self.cash_saved,
            cash_saved_range: self.cash_saved,
            staff_value,
            total_value: self.cash_saved + staff_value,
            outsourcing_ended: Contracts {
                count: self.ended,
                fees: self.ended_fees,
            },
            shut_cost_per_read,
            by_level: self.by_level,
            by_platform: self.by_platform,
            receiving: receiving_loads(self.receiving, results),
        }
    }
}

/// Where a merged account's work goes, in the order the summary lists
/// them: the accounts of the list in its order, then the accounts it only
/// names (its 归并至), by name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Receiver {
    /// The account at this index of the estimate's accounts.
    InList(usize),
    /// An account the list names but does not hold; empty when nothing
    /// says where the work goes.
    Named(String),
}

/// The loads of `merged` (each merged account's receiving account and
/// load, in the order merged) summed by receiving account, in
/// [`Receiver`]'s order.
fn receiving_loads(
    mut merged: Vec<(Receiver, Span)>,
    results: &[AccountResult],
) -> Vec<ReceivingLoad> {
    // Stable: each account's loads are summed in the order merged.
    merged.sort_by(|(a, _), (b, _)| a.cmp(b));
    merged
        .chunk_by(|(a, _), (b, _)| a == b)
        .map(|same| {
            let (account, row, index) = match &same[0].0 {
                Receiver::InList(index) => match results.get(*index) {
                    Some(a) => (a.name.to_string(), Some(a.row), Some(*index)),
                    None => (String::new(), None, Some(*index)),
                },
                Receiver::Named(name) => (name.clone(), None, None),
            };
            ReceivingLoad {
                account,
                row,
                index,
                accounts_merged: same.len(),
                added_load: same.iter().fold(Span::ZERO, |sum, (_, added)| sum + *added),
            }
        })
        .collect()
}

impl GroupSummary {
    fn add(&mut self, r: &AccountResult) {
        self.before += 1;
        self.hours_before = self.hours_before + r.figures.hours;
        self.cash_before = self.cash_before + r.figures.cash;
        if !r.decision.shuts() {
            self.after += 1;
            return;
        }
        self.hours_freed = self.hours_freed + r.hours_freed;
        self.cash_saved = self.cash_saved + r.cash_saved;
    }
}

impl Summary {
    /// The share of the list's accounts the plan shuts (closed or merged),
    /// as a fraction; `None` for an empty list.
    pub fn shut_share(&self) -> Option<Num> {
        (self.accounts_total > 0)
            .then(|| Num::int(self.accounts_shut as i64) / Num::int(self.accounts_total as i64))
    }
}

impl ByPlatform {
    /// The totals of one platform.
    pub fn get(&self, platform: Platform) -> &GroupSummary {
        match platform {
            Platform::Wechat => &self.wechat,
            Platform::Weibo => &self.weibo,
            Platform::Douyin => &self.douyin,
            Platform::Toutiao => &self.toutiao,
            Platform::Kuaishou => &self.kuaishou,
            Platform::Channels => &self.channels,
            Platform::Xiaohongshu => &self.xiaohongshu,
            Platform::Baijiahao => &self.baijiahao,
            Platform::Other => &self.other,
        }
    }

    fn get_mut(&mut self, platform: Platform) -> &mut GroupSummary {
        match platform {
            Platform::Wechat => &mut self.wechat,
            Platform::Weibo => &mut self.weibo,
            Platform::Douyin => &mut self.douyin,
            Platform::Toutiao => &mut self.toutiao,
            Platform::Kuaishou => &mut self.kuaishou,
            Platform::Channels => &mut self.channels,
            Platform::Xiaohongshu => &mut self.xiaohongshu,
            Platform::Baijiahao => &mut self.baijiahao,
            Platform::Other => &mut self.other,
        }
    }

    /// The platforms the list has accounts on, in the order of
    /// [`Platform::ALL`].
    pub fn present(&self) -> impl Iterator<Item = (Platform, &GroupSummary)> {
        Platform::ALL
            .into_iter()
            .map(|platform| (platform, self.get(platform)))
            .filter(|(_, totals)| totals.before > 0)
    }
}

impl ByLevel {
    /// The totals of one level.
    pub fn get(&self, level: Level) -> &GroupSummary {
        match level {
            Level::County => &self.county,
            Level::Township => &self.township,
            Level::Village => &self.village,
        }
    }

    fn get_mut(&mut self, level: Level) -> &mut GroupSummary {
        match level {
            Level::County => &mut self.county,
            Level::Township => &mut self.township,
            Level::Village => &mut self.village,
        }
    }
}

impl Estimate {
    /// The estimate in one language, for the JS API and the export.
    pub fn view(&self, lang: Lang) -> EstimateView<'_> {
        EstimateView {
            accounts: self.accounts.iter().map(|r| r.view(lang)).collect(),
            summary: &self.summary,
        }
    }
}

impl AccountResult {
    /// Why the decision in force, with the numbers. Not stored: it is the
    /// recommendation's reason unless the user overrode it, and 100,000
    /// accounts need not carry two copies.
    pub fn reason(&self) -> Cow<'_, Reason> {
        if self.overridden {
            Cow::Owned(Reason::Overridden {
                decision: self.decision,
            })
        } else {
            Cow::Borrowed(&self.recommendation.reason)
        }
    }

    /// The account's key in [`Overrides`].
    pub fn override_key(&self) -> AccountKey {
        AccountKey {
            name: self.name.to_string(),
            unit: self.unit.to_string(),
            platform: self.platform,
            occurrence: self.occurrence,
        }
    }

    /// This account in one language.
    pub fn view(&self, lang: Lang) -> AccountView<'_> {
        AccountView {
            row: self.row,
            name: &self.name,
            unit: &self.unit,
            level: self.level,
            level_inferred: self.level_inferred,
            platform: self.platform,
            staffing: self.staffing,
            decision: self.decision,
            rule: self.rule,
            reason: self.reason().text(lang),
            overridden: self.overridden,
            recommended: self.recommendation.decision,
            posts_per_week: self.figures.posts_per_week,
            hours_per_post: self.figures.hours_per_post,
            hours: self.figures.hours,
            hours_freed: self.hours_freed,
            added_load: self.added_load,
            cash: self.figures.cash,
            cash_saved: self.cash_saved,
            reads: self.figures.reads,
            cost_per_read: self.figures.cost_per_read,
            merge_into: &self.merge_into,
            assumed: &self.assumed,
        }
    }
}

/// Yuan rounded to fen, as an `f64` that prints with at most two decimals.
pub(crate) fn fen(yuan: Num) -> f64 {
    yuan.round_scaled(2) as f64 / 100.0
}

/// Serializes money as one number: the midpoint (the value itself unless a
/// fee was given as a range), rounded to fen.
pub(crate) fn money<S: Serializer>(span: &Span, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(fen(span.midpoint()))
}

/// Serializes money as `{low, high}`, each rounded to fen.
fn money_range<S: Serializer>(span: &Span, serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Range {
        low: f64,
        high: f64,
    }
    Range {
        low: fen(span.low),
        high: fen(span.high),
    }
    .serialize(serializer)
}

fn money_range_opt<S: Serializer>(span: &Option<Span>, serializer: S) -> Result<S::Ok, S::Error> {
    match span {
        Some(span) => money_range(span, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Figure;
    use crate::diagnostic::RowList;
    use crate::testing::{as_of, int};

    fn range(low: i64, high: i64) -> Span {
        Span::new(Num::int(low), Num::int(high))
    }

    fn run(accounts: &[Account]) -> Estimate {
        estimate(accounts, &Plan::new(Assumptions::default()), as_of())
    }

    #[test]
    fn an_override_of_one_duplicate_leaves_the_other_alone() {
        // Two accounts named 重名号 of one unit on one platform, true
        // duplicates: the second is overridden to close.
        let accounts = [active(2, "重名号"), active(3, "重名号")];
        let mut overrides = Overrides::new();
        overrides.insert(AccountKey::of(&accounts[1], 1), Decision::Close);
        let e = estimate(
            &accounts,
            &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
            as_of(),
        );
        assert_eq!(
            e.accounts[0].override_key(),
            AccountKey::of(&accounts[0], 0)
        );
        assert_eq!(
            e.accounts[1].override_key(),
            AccountKey::of(&accounts[1], 1)
        );
        assert_eq!(e.accounts[0].decision, Decision::Keep);
        assert!(!e.accounts[0].overridden);
        assert_eq!(e.accounts[1].decision, Decision::Close);
        assert!(e.accounts[1].overridden);
        assert!(e.unmatched.is_empty());
    }

    #[test]
    fn a_name_like_the_second_duplicates_key_is_its_own_account() {
        // 甲, 甲 and 甲#2: overriding the second 甲 leaves the account
        // really named 甲#2 alone, and overriding 甲#2 leaves both 甲.
        let accounts = [active(2, "甲"), active(3, "甲"), active(4, "甲#2")];
        let mut overrides = Overrides::new();
        overrides.insert(AccountKey::of(&accounts[1], 1), Decision::Close);
        let e = estimate(
            &accounts,
            &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
            as_of(),
        );
        let decisions: Vec<_> = e.accounts.iter().map(|r| r.decision).collect();
        assert_eq!(decisions, [Decision::Keep, Decision::Close, Decision::Keep]);
        let mut overrides = Overrides::new();
        overrides.insert(AccountKey::of(&accounts[2], 0), Decision::Merge);
        let e = estimate(
            &accounts,
            &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
            as_of(),
        );
        let decisions: Vec<_> = e.accounts.iter().map(|r| r.decision).collect();
        assert_eq!(decisions, [Decision::Keep, Decision::Keep, Decision::Merge]);
    }

    #[test]
    fn an_override_follows_its_account_when_the_list_is_re_sorted() {
        // 甲 of 某局 and 甲 of 某镇 share a name. The user closes 某镇's.
        // Re-sorted by unit, 某镇's 甲 comes first: the override stays on it.
        let mut bureau = active(2, "甲");
        bureau.unit = "某局".into();
        let mut town = active(3, "甲");
        town.unit = "某镇".into();
        let mut overrides = Overrides::new();
        overrides.insert(AccountKey::of(&town, 0), Decision::Close);
        let before = estimate(
            &[bureau.clone(), town.clone()],
            &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
            as_of(),
        );
        assert_eq!(before.accounts[1].decision, Decision::Close);
        (town.row, bureau.row) = (2, 3);
        let after = estimate(
            &[town, bureau],
            &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
            as_of(),
        );
        let decisions: Vec<_> = after
            .accounts
            .iter()
            .map(|r| (&*r.unit, r.decision))
            .collect();
        assert_eq!(
            decisions,
            [("某镇", Decision::Close), ("某局", Decision::Keep)]
        );
    }

    #[test]
    fn absurd_figures_are_approximated_with_a_warning_naming_the_row() {
        // Row 3: 9999亿 posts a week × 52 weeks × 9999亿 hours a post ≈
        // 5.2 × 10^25 hours, far beyond 64 bits (9.2 × 10^18): the hours
        // saturate, and the estimate says so. Row 2 is exact.
        let absurd = Span::point(Num::int(999_900_000_000));
        let mut huge = active(3, "巨号");
        huge.posts_per_week = absurd.into();
        huge.hours_per_post = absurd.into();
        let e = run(&[active(2, "常号"), huge]);
        assert_eq!(e.accounts[1].figures.hours.high, Num::int(i64::MAX));
        assert_eq!(e.approximated.rows, RowList::of(3));
        let messages: Vec<_> = e
            .approximated
            .diagnostics()
            .iter()
            .map(|d| (d.row(), d.message(Lang::Zh)))
            .collect();
        assert_eq!(
            messages[0],
            (
                Some(3),
                "第3行的数值过大，超出精确计算的范围，结果为近似值，请核对这些数值。".to_string()
            )
        );
        // A list of plausible accounts is exact throughout.
        let e = run(&[active(2, "常号"), active(3, "又一号")]);
        assert_eq!(e.approximated, Approximated::default());
        assert!(e.approximated.diagnostics().is_empty());
    }

    #[test]
    fn totals_too_large_are_approximated_with_a_warning() {
        // Eleven accounts, each 10 posts a week of i64::MAX / 2000 hours:
        let mut accounts = Vec::new();
        for row in 2..13 {
            let mut account = active(row, &format!("号{row}"));
            account.hours_per_post = Span::point(Num::int(i64::MAX / 2000)).into();
            account.posts_per_week = Span::point(Num::int(10)).into();
            accounts.push(account);
        }
        let e = run(&accounts);
        // 10 × 52 × (i64::MAX / 2000) ≈ 0.26 × i64::MAX hours each is
        // exact, but 11 of them, ≈ 2.9 × i64::MAX, overflow the total.
        assert!(e.approximated.rows.is_empty());
        assert!(e.approximated.totals);
        let diagnostics = e.approximated.diagnostics();
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].row(), None);
        assert_eq!(
            diagnostics[0].message(Lang::En),
            "The totals are too large to work out exactly and are approximate; please check \
             the rows with very large values."
        );
    }

    /// An active account with many followers: no rule closes it.
    fn active(row: usize, name: &str) -> Account {
        let mut account = Account::named(row, name);
        account.followers = int(5000).into();
        account.last_post = Some(as_of().into());
        account
    }

    #[test]
    fn hours_of_a_part_time_account() {
        let mut account = active(2, "某局发布");
        account.staffing = Some(Staffing::PartTime);
        account.posts_per_week = int(3).into();
        account.hours_per_post = Span::point(Num::ratio(5, 2).unwrap()).into();
        let e = run(&[account]);
        let r = &e.accounts[0];
        // 3 posts × 52 weeks × 2.5 h = 390 h.
        assert_eq!(r.figures.hours, int(390));
        assert!(r.assumed.is_empty());
        // Kept: nothing freed.
        assert_eq!((r.decision, r.hours_freed), (Decision::Keep, Span::ZERO));
    }

    #[test]
    fn missing_posts_and_hours_fall_back_to_the_assumptions() {
        let account = active(2, "某局发布");
        let r = &run(&[account]).accounts[0];
        // 2–3 posts × 52 weeks × 2–3 h = 208–468 h.
        assert_eq!(r.figures.hours, range(208, 468));
        assert_eq!(r.assumed, vec![Field::PostsPerWeek, Field::HoursPerPost]);
    }

    #[test]
    fn a_dedicated_account_counts_full_time_posts() {
        let mut account = active(2, "某局发布");
        account.staffing = Some(Staffing::Dedicated);
        account.staff = int(2).into();
        let r = &run(&[account.clone()]).accounts[0];
        // 2 staff × 2,000 h = 4,000 h, whatever the posts.
        assert_eq!(r.figures.hours, int(4000));
        assert!(r.assumed.is_empty(), "posts and hours per post are unused");

        // No staff count: one person, 1 × 2,000 h = 2,000 h, marked assumed.
        account.staff = Figure::Missing;
        let r = &run(&[account]).accounts[0];
        assert_eq!(r.figures.hours, int(2000));
        assert_eq!(r.figures.staff, Some(int(1)));
        assert_eq!(r.assumed, vec![Field::Staff]);
    }

    #[test]
    fn cash_reads_and_cost_per_read() {
        let mut account = active(2, "某局发布");
        account.staffing = Some(Staffing::Outsourced);
        account.posts_per_week = int(5).into();
        account.hours_per_post = int(1).into();
        account.outsourcing_fee = int(45_000).into();
        account.other_cost = Figure::Missing;
        account.avg_reads = int(1200).into();
        let f = run(&[account.clone()]).accounts[0].figures.clone();
        // ¥45,000 + missing other cost (0) = ¥45,000.
        assert_eq!(f.cash, int(45_000));
        // 5 posts × 52 weeks × 1,200 reads = 312,000 reads.
        assert_eq!(f.reads, Some(int(312_000)));
        // ¥45,000 ÷ 312,000 = ¥0.144… a read: kept.
        assert_eq!(
            f.cost_per_read,
            Some(Span::point(Num::ratio(45_000, 312_000).unwrap()))
        );
        // 5 × 52 × 1 h = 260 h.
        assert_eq!(f.hours, int(260));

        account.other_cost = int(5_000).into();
        let f = run(&[account]).accounts[0].figures.clone();
        // ¥45,000 + ¥5,000 = ¥50,000.
        assert_eq!(f.cash, int(50_000));
    }

    #[test]
    fn close_frees_all_hours_and_merge_frees_seventy_percent() {
        let mut closed = active(2, "某局发布");
        closed.followers = int(400).into();
        closed.posts_per_week = int(2).into();
        closed.hours_per_post = int(3).into();
        closed.outsourcing_fee = int(10_000).into();
        let mut merged = active(3, "某村");
        merged.level = Level::Village;
        merged.posts_per_week = int(1).into();
        merged.hours_per_post = int(2).into();
        merged.other_cost = int(800).into();
        merged.merge_into = "某镇发布".into();
        let e = run(&[closed, merged]);
        let (c, m) = (&e.accounts[0], &e.accounts[1]);
        // Closed: 2 × 52 × 3 = 312 h, all freed; ¥10,000 saved.
        assert_eq!((c.decision, c.rule), (Decision::Close, Rule::LowReach));
        assert_eq!(c.hours_freed, int(312));
        assert_eq!(c.cash_saved, int(10_000));
        // Merged: 1 × 52 × 2 = 104 h; 104 × (1 − 0.3) = 72.8 h freed, and
        // 104 × 0.3 = 31.2 h added to 某镇发布. Its ¥800 is saved.
        assert_eq!((m.decision, m.rule), (Decision::Merge, Rule::Village));
        assert_eq!(m.hours_freed, Span::point(Num::ratio(728, 10).unwrap()));
        assert_eq!(m.added_load, Span::point(Num::ratio(312, 10).unwrap()));
        assert_eq!(m.cash_saved, int(800));

        let s = &e.summary;
        assert_eq!(
            (s.accounts_total, s.accounts_shut, s.accounts_closed),
            (2, 2, 1)
        );
        assert_eq!((s.accounts_merged, s.accounts_kept), (1, 0));
        // 312 + 72.8 = 384.8 h freed.
        assert_eq!(s.hours_freed, Span::point(Num::ratio(3848, 10).unwrap()));
        // 384.8 ÷ 2,000 = 0.1924 FTE.
        assert_eq!(s.fte_freed, Span::point(Num::ratio(1924, 10_000).unwrap()));
        // 384.8 h × ¥60 = ¥23,088.
        assert_eq!(s.staff_value, int(23_088));
        // ¥10,800 cash + ¥23,088 = ¥33,888.
        assert_eq!(s.cash_saved, int(10_800));
        assert_eq!(s.total_value, int(33_888));
        assert_eq!(s.receiving.len(), 1);
        assert_eq!(s.receiving[0].account, "某镇发布");
        assert_eq!(s.receiving[0].added_load, m.added_load);
        assert_eq!(s.by_level.village.before, 1);
        assert_eq!(s.by_level.village.after, 0);
        assert_eq!(s.by_level.county.cash_saved, int(10_000));
    }

    #[test]
    fn receiving_loads_sum_by_account_the_lists_first_then_the_named_by_name() {
        let h = |n: i64| Span::point(Num::int(n));
        let merged = vec![
            (Receiver::Named("甲号".into()), h(10)),
            (Receiver::InList(3), h(1)),
            (Receiver::Named("乙号".into()), h(20)),
            (Receiver::InList(1), h(2)),
            (Receiver::InList(3), h(4)),
            (Receiver::Named("甲号".into()), h(30)),
        ];
        let loads = receiving_loads(merged, &[]);
        // Index 1: 2 h from one account; index 3: 1 + 4 = 5 h from two
        // (no results given, so no names or rows for them); then by name,
        // 乙 (U+4E59) before 甲 (U+7532): 20 h from one, 10 + 30 = 40 h from
        // two.
        let got: Vec<_> = loads
            .iter()
            .map(|l| {
                (
                    l.index,
                    l.account.as_str(),
                    l.row,
                    l.accounts_merged,
                    l.added_load,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), "", None, 1, h(2)),
                (Some(3), "", None, 2, h(5)),
                (None, "乙号", None, 1, h(20)),
                (None, "甲号", None, 2, h(40)),
            ]
        );
    }

    #[test]
    fn totals_by_platform() {
        use crate::account::Platform;
        // WeChat: one kept (5,000 followers, 1 × 52 × 2 = 104 h) and one
        // closed (300 followers, 2 × 52 × 3 = 312 h, ¥8,000).
        // Douyin: one closed (500 followers, 1 × 52 × 2 = 104 h).
        let mut kept = active(2, "甲发布");
        kept.posts_per_week = int(1).into();
        kept.hours_per_post = int(2).into();
        let mut closed = active(3, "乙发布");
        closed.followers = int(300).into();
        closed.posts_per_week = int(2).into();
        closed.hours_per_post = int(3).into();
        closed.outsourcing_fee = int(8_000).into();
        let mut video = active(4, "甲发布");
        video.platform = Platform::Douyin;
        video.followers = int(500).into();
        video.posts_per_week = int(1).into();
        video.hours_per_post = int(2).into();
        let e = run(&[kept, closed, video]);
        let p = &e.summary.by_platform;
        assert_eq!((p.wechat.before, p.wechat.after), (2, 1));
        assert_eq!(p.wechat.hours_freed, int(312));
        assert_eq!(p.wechat.cash_saved, int(8_000));
        assert_eq!((p.douyin.before, p.douyin.after), (1, 0));
        assert_eq!(p.douyin.hours_freed, int(104));
        // 312 + 104 = 416 h in all.
        assert_eq!(e.summary.hours_freed, int(416));
        let present: Vec<Platform> = p.present().map(|(platform, _)| platform).collect();
        assert_eq!(present, [Platform::Wechat, Platform::Douyin]);
        assert_eq!(e.accounts[2].platform, Platform::Douyin);
    }

    #[test]
    fn ranges_flow_through_as_intervals() {
        let mut account = active(2, "某局发布");
        account.followers = int(10).into();
        // Posts and hours per post unknown: 208–468 h (see above), all
        // freed.
        let a = Assumptions {
            fte_hours: range(1800, 2200),
            hourly_cost: range(50, 70),
            ..Assumptions::default()
        };
        let e = estimate(&[account], &Plan::new(a), as_of());
        let s = &e.summary;
        assert_eq!(s.hours_freed, range(208, 468));
        // FTE: 208 ÷ 2,200 = 0.0945…, 468 ÷ 1,800 = 0.26: the low end divides
        // by the high FTE.
        assert_eq!(
            s.fte_freed,
            Span::new(
                Num::ratio(208, 2200).unwrap(),
                Num::ratio(468, 1800).unwrap()
            )
        );
        // 208 × ¥50 = ¥10,400; 468 × ¥70 = ¥32,760.
        assert_eq!(s.staff_value, range(10_400, 32_760));
    }

    #[test]
    fn a_merge_share_range_reverses_into_the_freed_hours() {
        let mut account = active(2, "某村");
        account.level = Level::Village;
        account.posts_per_week = int(1).into();
        account.hours_per_post = int(2).into();
        let a = Assumptions {
            merge_share: Span::new(Num::ratio(2, 10).unwrap(), Num::ratio(4, 10).unwrap()),
            ..Assumptions::default()
        };
        let e = estimate(&[account], &Plan::new(a), as_of());
        let r = &e.accounts[0];
        // 104 h × (1 − 0.4) = 62.4 h; 104 h × (1 − 0.2) = 83.2 h.
        assert_eq!(
            r.hours_freed,
            Span::new(Num::ratio(624, 10).unwrap(), Num::ratio(832, 10).unwrap())
        );
        // 104 × 0.2 = 20.8 h to 104 × 0.4 = 41.6 h added.
        assert_eq!(
            r.added_load,
            Span::new(Num::ratio(208, 10).unwrap(), Num::ratio(416, 10).unwrap())
        );
    }

    #[test]
    fn an_override_beats_rules_and_the_list_and_survives_new_assumptions() {
        let mut low = active(2, "粉丝少");
        low.followers = int(100).into();
        let mut given = active(3, "已定保留");
        given.decision = Some(Decision::Keep);
        let gone = AccountKey::of(&active(4, "不在清单中"), 0);
        let mut overrides = Overrides::new();
        overrides.insert(AccountKey::of(&low, 0), Decision::Keep);
        overrides.insert(AccountKey::of(&given, 0), Decision::Close);
        overrides.insert(gone.clone(), Decision::Close);
        let accounts = [low, given];

        let e = estimate(
            &accounts,
            &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
            as_of(),
        );
        let r = &e.accounts[0];
        assert_eq!(
            (r.decision, r.rule, r.overridden),
            (Decision::Keep, Rule::Given, true)
        );
        assert_eq!(r.recommendation.rule, Rule::LowReach);
        assert_eq!(r.reason().text(Lang::Zh), "已手动调整为：保留");
        let r = &e.accounts[1];
        assert_eq!((r.decision, r.overridden), (Decision::Close, true));
        assert_eq!(r.recommendation.decision, Decision::Keep);
        assert_eq!(e.summary.accounts_total, 2, "unknown names change nothing");
        // The override of an account not in the list is kept and reported.
        assert_eq!(e.unmatched, vec![(gone, Decision::Close)]);

        // A new threshold leaves the overrides in force.
        let a = Assumptions {
            followers_threshold: int(50),
            ..Assumptions::default()
        };
        let e = estimate(
            &accounts,
            &Plan::new(a).with_overrides(overrides.clone()),
            as_of(),
        );
        assert_eq!(e.accounts[0].decision, Decision::Keep);
        assert_eq!(e.accounts[1].decision, Decision::Close);
    }

    #[test]
    fn contracts_and_cost_per_read_of_shut_accounts() {
        let mut a = active(2, "外包甲");
        a.staffing = Some(Staffing::Outsourced);
        a.followers = int(500).into();
        a.posts_per_week = int(2).into();
        a.outsourcing_fee = int(26_000).into();
        a.avg_reads = int(100).into();
        let mut b = active(3, "外包乙");
        b.staffing = Some(Staffing::Outsourced);
        b.outsourcing_fee = int(99_000).into();
        let mut c = active(4, "兼职丙");
        c.followers = int(10).into();
        c.posts_per_week = int(1).into();
        c.avg_reads = int(50).into();
        let s = run(&[a, b, c]).summary;
        // 外包甲 closed (500 followers), 外包乙 kept: one contract, ¥26,000.
        assert_eq!(s.outsourcing_ended.count, 1);
        assert_eq!(s.outsourcing_ended.fees, int(26_000));
        // Shut with reads: 外包甲 2 × 52 × 100 = 10,400 reads, 兼职丙
        // 1 × 52 × 50 = 2,600 reads; ¥26,000 ÷ 13,000 = ¥2.00 a read.
        let read_cost = s.shut_cost_per_read.unwrap();
        assert_eq!(read_cost.accounts, 2);
        assert_eq!(read_cost.reads, int(13_000));
        assert_eq!(read_cost.cost_per_read, int(2));
    }

    #[test]
    fn negative_or_unreadable_values_count_as_missing() {
        let mut account = active(2, "某局发布");
        account.posts_per_week = int(-3).into();
        account.unreadable = [Field::LastPost, Field::Followers].into_iter().collect();
        account.followers = Figure::Missing;
        account.last_post = None;
        let r = &run(&[account]).accounts[0];
        assert_eq!(r.figures.hours, range(208, 468));
        assert_eq!(
            r.assumed,
            vec![
                Field::Followers,
                Field::PostsPerWeek,
                Field::HoursPerPost,
                Field::LastPost
            ]
        );
    }

    #[test]
    fn an_empty_list_gives_zero_totals() {
        let s = run(&[]).summary;
        assert_eq!((s.accounts_total, s.accounts_shut), (0, 0));
        assert_eq!(s.hours_freed, Span::ZERO);
        assert_eq!(s.fte_freed, Span::ZERO);
        assert_eq!(s.shut_cost_per_read, None);
    }

    #[test]
    fn approximations_of_several_estimates_are_said_once() {
        let rows = |list: &[usize]| {
            let mut rows = RowList::default();
            list.iter().for_each(|&row| rows.push(row));
            rows
        };
        // Plan 1 approximated rows 2–4 and its totals; plan 2 rows 3 and 7;
        // plan 3 nothing; plan 4 rows 2–4 again.
        let plans = [
            Approximated {
                rows: rows(&[2, 3, 4]),
                totals: true,
            },
            Approximated {
                rows: rows(&[3, 7]),
                totals: false,
            },
            Approximated::default(),
            Approximated {
                rows: rows(&[2, 3, 4]),
                totals: false,
            },
        ];
        let all = Approximated::of_all(&plans);
        assert_eq!(all.rows.ranges(), [(2, 4), (7, 7)]);
        assert!(all.totals);
        // One warning naming the rows, one about the totals.
        assert_eq!(all.diagnostics().len(), 2);
        assert_eq!(Approximated::of_all(&plans[1..]).diagnostics().len(), 1);
        assert!(Approximated::of_all(&plans[2..3]).diagnostics().is_empty());
    }

    #[test]
    fn money_is_serialized_in_fen() {
        assert_eq!(fen(Num::ratio(28_950_001, 10).unwrap()), 2_895_000.1);
        assert_eq!(fen(Num::ratio(1, 3).unwrap()), 0.33);
        assert_eq!(fen(Num::int(2_895_000)), 2_895_000.0);
    }
}
