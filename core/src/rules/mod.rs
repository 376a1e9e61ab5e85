//! The rule catalogue of SPEC §4, each rule citing its source
//! (`POLICY.md`), and how a plan's rules decide each account.
//!
//! An account's decision is, in order: the user's override, the decision
//! already written in the list, or the first rule of the plan, in the
//! plan's order, that acts on it. The catalogue:
//!
//! - [`Rule::Dormant`]: the last post is more than *dormant days* before the
//!   as-of date → close (国办秘函〔2019〕19号, a veto item);
//! - [`Rule::NoInteraction`]: an interaction column says there is none →
//!   close (the same document, a veto item);
//! - [`Rule::LowReach`]: fewer followers than the threshold → close
//!   (国办发〔2018〕123号 on accounts little followed or used);
//! - [`Rule::Duplicate`]: one unit, one account per platform → merge the
//!   others into the one with most followers (国办发〔2018〕123号);
//! - [`Rule::Village`]: a village or community account → merge into its
//!   township's kept account;
//! - [`Rule::BelowCounty`]: township and county-department accounts → merge
//!   into the county's main account (粤办函〔2019〕90号, off by default);
//! - [`Rule::PoorValue`]: outsourced and costing more per read than the
//!   threshold → close.
//!
//! Five of them judge an account by its own row ([`recommend`]); duplicate
//! and belowCounty need the whole list, and so does finding the account a
//! village joins: [`list`] does that in one pass after the per-account
//! rules, in plan order.
//!
//! A range is compared with a threshold by its midpoint, and "more than" and
//! "below" are strict: 14 days is not more than 14, 1,000 followers is not
//! below 1,000. Every decision carries a [`Reason`] with the numbers that led
//! to it, in either language.

pub mod list;
mod reason;

use serde::Serialize;

pub use reason::{decision_label, PoorValue, Reason};

use crate::account::{Account, Bound, Decision, Level, Staffing};
use crate::assumptions::Assumptions;
use crate::date::{Date, Silence};
use crate::lang::Lang;
use crate::num::Num;
use crate::yearly::AccountFigures;

/// Which rule decided an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// No post for more than the dormant days → close.
    Dormant,
    /// No working interaction function → close.
    NoInteraction,
    /// Followers below the threshold → close.
    LowReach,
    /// One unit, one account per platform: the others merge into the one
    /// with most followers.
    Duplicate,
    /// A village or community account → merge into its township's account.
    Village,
    /// Township and county-department accounts → merge into the county's
    /// main account.
    BelowCounty,
    /// Outsourced and costing more per read than the threshold → close.
    PoorValue,
    /// Decided by the user: in the list, or by an override.
    Given,
    /// No rule matched → keep.
    Default,
}

/// What the list and the rules say about an account, before any override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// The decision.
    pub decision: Decision,
    /// The rule that gave it.
    pub rule: Rule,
    /// Why, with the numbers.
    pub reason: Reason,
}

impl Recommendation {
    /// No rule acts on the account: keep.
    pub const DEFAULT: Recommendation = Recommendation {
        decision: Decision::Keep,
        rule: Rule::Default,
        reason: Reason::Default,
    };

    /// The list already decides the account.
    pub fn given(decision: Decision) -> Recommendation {
        Recommendation {
            decision,
            rule: Rule::Given,
            reason: Reason::Given { decision },
        }
    }
}

/// The first of `rules` (a plan's, in its order) that acts on `account` by
/// its own row, with its position in `rules`; `None` when none does. The
/// whole-list rules ([`Rule::Duplicate`], [`Rule::BelowCounty`]) are left
/// to [`list`], and a decision in the list is the caller's to apply first.
pub fn recommend(
    account: &Account,
    figures: &AccountFigures,
    rules: &[Rule],
    assumptions: &Assumptions,
    as_of: Date,
) -> Option<(usize, Recommendation)> {
    rules.iter().enumerate().find_map(|(at, &rule)| {
        let reason = judge(rule, account, figures, assumptions, as_of)?;
        let decision = match rule {
            Rule::Village => Decision::Merge,
            _ => Decision::Close,
        };
        Some((
            at,
            Recommendation {
                decision,
                rule,
                reason,
            },
        ))
    })
}

/// Whether one per-account rule acts on an account, and why.
fn judge(
    rule: Rule,
    account: &Account,
    figures: &AccountFigures,
    assumptions: &Assumptions,
    as_of: Date,
) -> Option<Reason> {
    match rule {
        Rule::Dormant => {
            let last_post = account.last_post.as_ref()?;
            let silence = last_post.silence(as_of);
            let threshold = assumptions.dormant_days;
            // No post for at least `days` is more than the threshold only if
            // `days` is.
            let dormant = match silence {
                Silence::Days(days) | Silence::AtLeast(days) => {
                    Num::int(i64::from(days)) > threshold.midpoint()
                }
                Silence::Stopped => true,
            };
            dormant.then(|| Reason::Dormant {
                last_post: last_post.clone(),
                as_of,
                silence,
                threshold,
            })
        }
        Rule::NoInteraction => {
            (account.interaction == Some(false)).then_some(Reason::NoInteraction)
        }
        Rule::LowReach => {
            let followers = figures.followers?;
            let threshold = assumptions.followers_threshold;
            // Followers below a number are below the threshold when the
            // number is at most the threshold (不足1000 is below 1,000);
            // followers at or above a number are never shown to be below it.
            let below = match account.followers.bounded() {
                Some(bounded) => {
                    bounded.bound == Bound::Below
                        && bounded.value.midpoint() <= threshold.midpoint()
                }
                None => followers.midpoint() < threshold.midpoint(),
            };
            below.then(|| Reason::LowReach {
                followers,
                threshold,
                written: account.followers.bounded().map(|b| b.written.clone()),
            })
        }
        // The account it joins is found once the whole list is decided.
        Rule::Village => (account.level == Level::Village).then(|| Reason::Village {
            merge_into: account.merge_into.clone(),
        }),
        Rule::PoorValue => {
            if account.staffing != Some(Staffing::Outsourced) {
                return None;
            }
            let reads = figures.reads?;
            let threshold = assumptions.cost_per_read_threshold;
            let poor = match figures.cost_per_read {
                Some(cost) => cost.midpoint() > threshold.midpoint(),
                // Money paid for no reads at all is poor value at any
                // threshold; no money and no reads is nothing to judge.
                None => figures.cash.midpoint() > Num::ZERO,
            };
            poor.then(|| {
                Reason::PoorValue(Box::new(PoorValue {
                    cash: figures.cash,
                    reads,
                    cost_per_read: figures.cost_per_read,
                    threshold,
                }))
            })
        }
        Rule::Duplicate | Rule::BelowCounty | Rule::Given | Rule::Default => None,
    }
}

impl Rule {
    /// The rules a plan can list, in the order the catalogue shows them.
    pub const CATALOGUE: [Rule; 7] = [
        Rule::Dormant,
        Rule::NoInteraction,
        Rule::LowReach,
        Rule::Duplicate,
        Rule::Village,
        Rule::BelowCounty,
        Rule::PoorValue,
    ];

    /// Every rule an account's decision can come from, in the order they
    /// are shown, which is their declaration order (`rule as usize` indexes
    /// it).
    pub const ALL: [Rule; 9] = [
        Rule::Dormant,
        Rule::NoInteraction,
        Rule::LowReach,
        Rule::Duplicate,
        Rule::Village,
        Rule::BelowCounty,
        Rule::PoorValue,
        Rule::Given,
        Rule::Default,
    ];

    /// The name the JS API, the CSV, plan files and the saved record use
    /// (as serde writes it): `dormant`, `noInteraction`, `lowReach`, ….
    pub fn key(self) -> &'static str {
        match self {
            Rule::Dormant => "dormant",
            Rule::NoInteraction => "noInteraction",
            Rule::LowReach => "lowReach",
            Rule::Duplicate => "duplicate",
            Rule::Village => "village",
            Rule::BelowCounty => "belowCounty",
            Rule::PoorValue => "poorValue",
            Rule::Given => "given",
            Rule::Default => "default",
        }
    }

    /// The rule a [`key`](Rule::key) names.
    pub fn from_key(key: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.key() == key)
    }

    /// True for the rules that judge an account only beside the others of
    /// the list.
    pub fn needs_whole_list(self) -> bool {
        matches!(self, Rule::Duplicate | Rule::BelowCounty)
    }

    /// A short name for the rule.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Rule::Dormant => lang.pick("长期未更新", "Dormant"),
            Rule::NoInteraction => lang.pick("无互动功能", "No interaction"),
            Rule::LowReach => lang.pick("粉丝少", "Low reach"),
            Rule::Duplicate => lang.pick("一单位一平台一号", "One per unit and platform"),
            Rule::Village => lang.pick("村（社区）级", "Village level"),
            Rule::BelowCounty => lang.pick("归并至县级主账号", "Into the county account"),
            Rule::PoorValue => lang.pick("投入产出低", "Poor value"),
            Rule::Given => lang.pick("已定", "Given"),
            Rule::Default => lang.pick("未触发规则", "No rule"),
        }
    }

    /// What the rule does, for the plan editor.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Rule::Dormant => lang.pick(
                "超过“长期未更新天数”未发布 → 关停",
                "No post for more than the dormant days → close",
            ),
            Rule::NoInteraction => lang.pick(
                "互动（留言）功能为无、否、未开通或关闭 → 关停",
                "Interaction (comments) none, off or closed → close",
            ),
            Rule::LowReach => lang.pick(
                "粉丝数低于门槛 → 关停",
                "Followers below the threshold → close",
            ),
            Rule::Duplicate => lang.pick(
                "同一单位同一平台保留粉丝最多的一个，其余归并至该账号",
                "One unit, one account per platform: the others merge into the one with most followers",
            ),
            Rule::Village => lang.pick(
                "村（社区）账号 → 归并至所属乡镇（街道）保留的账号",
                "Village or community accounts → merge into their township's kept account",
            ),
            Rule::BelowCounty => lang.pick(
                "乡镇和县级部门账号 → 归并至县级主账号（广东、河南口径，默认不启用）",
                "Township and county-department accounts → merge into the county's main account \
                 (the Guangdong and Henan profile, off by default)",
            ),
            Rule::PoorValue => lang.pick(
                "外包且每次阅读成本高于门槛 → 关停",
                "Outsourced and costing more per read than the threshold → close",
            ),
            Rule::Given => lang.pick(
                "清单已填或手动调整的处置意见",
                "A decision in the list or set by hand",
            ),
            Rule::Default => lang.pick("未触发任何规则 → 保留", "No rule applies → keep"),
        }
    }

    /// Where the rule comes from, briefly (`POLICY.md`); empty for the
    /// user's own decisions and for keeping.
    pub fn source(self, lang: Lang) -> &'static str {
        match self {
            Rule::Dormant => lang.pick(
                "国办秘函〔2019〕19号（单项否决：监测前2周内无更新）",
                "国办秘函〔2019〕19号 (a veto item: no update in the two weeks before the check)",
            ),
            Rule::NoInteraction => lang.pick(
                "国办秘函〔2019〕19号（单项否决：未提供有效互动功能）",
                "国办秘函〔2019〕19号 (a veto item: no working interaction function)",
            ),
            Rule::LowReach => lang.pick(
                "国办发〔2018〕123号（关注度低、利用率低的清理整合）；长兴县2019年清理",
                "国办发〔2018〕123号 (accounts little followed or used are cleaned up); \
                 Changxing's 2019 cleanup",
            ),
            Rule::Duplicate => lang.pick(
                "国办发〔2018〕123号（一个单位原则上在同一平台只开设一个账号）",
                "国办发〔2018〕123号 (one unit, in principle one account per platform)",
            ),
            Rule::Village => lang.pick(
                "国办发〔2018〕123号（功能相近的清理整合）；长兴县2019年清理",
                "国办发〔2018〕123号 (accounts of similar function are merged); \
                 Changxing's 2019 cleanup",
            ),
            Rule::BelowCounty => lang.pick(
                "粤办函〔2019〕90号及河南省要求（县级部门和乡镇原则上不单独开设）",
                "粤办函〔2019〕90号 and Henan (county departments and townships in principle \
                 open no accounts of their own)",
            ),
            Rule::PoorValue => lang.pick(
                "《关于防治“指尖上的形式主义”的若干意见》（使用率低、价值不高的予以关停）",
                "the 2023 opinions against “formalism at the fingertips” (rarely used, \
                 low-value accounts are shut)",
            ),
            Rule::Given | Rule::Default => "",
        }
    }

    /// The source as a reason cites it: the document's number alone.
    pub fn citation(self) -> &'static str {
        match self {
            Rule::Dormant | Rule::NoInteraction => "国办秘函〔2019〕19号",
            Rule::LowReach | Rule::Duplicate | Rule::Village => "国办发〔2018〕123号",
            Rule::BelowCounty => "粤办函〔2019〕90号",
            Rule::PoorValue => "《关于防治“指尖上的形式主义”的若干意见》",
            Rule::Given | Rule::Default => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Figure;
    use crate::date::{LastPost, Meaning};
    use crate::num::Span;
    use crate::plan::Rules;
    use crate::testing::{as_of, int};

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn every_rule_is_listed_once_at_its_own_index() {
        // Counts by rule are kept in arrays indexed by `rule as usize`
        // (`explain`), which needs `ALL` in declaration order.
        for (index, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(rule as usize, index, "{rule:?}");
        }
        assert_eq!(Rule::Default as usize + 1, Rule::ALL.len());
    }

    fn verdict(account: &Account) -> Recommendation {
        let a = Assumptions::default();
        let (figures, _) = AccountFigures::of(account, &a);
        match account.decision {
            Some(decision) => Recommendation::given(decision),
            None => recommend(account, &figures, Rules::default().as_slice(), &a, as_of())
                .map_or(Recommendation::DEFAULT, |(_, r)| r),
        }
    }

    #[test]
    fn dormant_means_more_than_fourteen_days() {
        let mut account = Account::named(2, "某局发布");
        // 2019-04-05 → 2019-04-19 is 14 days: not more than 14, kept.
        account.last_post = Some(date(2019, 4, 5).into());
        assert_eq!(verdict(&account).rule, Rule::Default);
        // 2019-04-04 → 2019-04-19 is 15 days: dormant.
        account.last_post = Some(date(2019, 4, 4).into());
        let r = verdict(&account);
        assert_eq!((r.decision, r.rule), (Decision::Close, Rule::Dormant));
        assert_eq!(
            r.reason.text(Lang::Zh),
            "最近更新2019-04-04，距2019-04-19已15天，超过14天（依据：国办秘函〔2019〕19号）"
        );
        // A post after the as-of date is not dormant.
        account.last_post = Some(date(2019, 5, 1).into());
        assert_eq!(verdict(&account).rule, Rule::Default);
    }

    #[test]
    fn dormant_reason_gives_the_numbers() {
        let mut account = Account::named(2, "某局发布");
        // 2019-03-01 → 2019-04-19: 30 days of March + 19 of April = 49 days.
        account.last_post = Some(date(2019, 3, 1).into());
        let r = verdict(&account);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "最近更新2019-03-01，距2019-04-19已49天，超过14天（依据：国办秘函〔2019〕19号）"
        );
        assert_eq!(
            r.reason.text(Lang::En),
            "Last post 2019-03-01, 49 days before 2019-04-19: more than 14 days (source: 国办秘函〔2019〕19号)"
        );
    }

    #[test]
    fn low_reach_means_below_one_thousand() {
        let mut account = Account::named(2, "某局发布");
        account.followers = int(1000).into();
        assert_eq!(verdict(&account).rule, Rule::Default, "1,000 is not below");
        account.followers = int(999).into();
        let r = verdict(&account);
        assert_eq!((r.decision, r.rule), (Decision::Close, Rule::LowReach));
        account.followers = int(856).into();
        let r = verdict(&account);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "粉丝数856，低于1000（依据：国办发〔2018〕123号）"
        );
        assert_eq!(
            r.reason.text(Lang::En),
            "856 followers, below 1,000 (source: 国办发〔2018〕123号)"
        );
    }

    /// An account with followers written with a bound.
    fn bounded(bound: Bound, value: i64, written: &str) -> Account {
        let mut account = Account::named(2, "某局发布");
        account.followers = Figure::Bounded(Box::new(crate::account::Bounded {
            value: int(value),
            bound,
            written: written.into(),
        }));
        account
    }

    #[test]
    fn followers_below_a_number_at_most_the_threshold_are_low_reach() {
        // 不足1000: below 1,000, so below the threshold of 1,000.
        let r = verdict(&bounded(Bound::Below, 1000, "不足1000"));
        assert_eq!((r.decision, r.rule), (Decision::Close, Rule::LowReach));
        assert_eq!(
            r.reason.text(Lang::Zh),
            "粉丝数“不足1000”，低于1000（依据：国办发〔2018〕123号）"
        );
        assert_eq!(
            r.reason.text(Lang::En),
            "Followers “不足1000”, below 1,000 (source: 国办发〔2018〕123号)"
        );
        // 不足500 is below 1,000 too.
        assert_eq!(
            verdict(&bounded(Bound::Below, 500, "不足500")).rule,
            Rule::LowReach
        );
        // 不足2000 may be 1,500: not shown to be below 1,000, kept.
        assert_eq!(
            verdict(&bounded(Bound::Below, 2000, "不足2000")).rule,
            Rule::Default
        );
        // 1000以上 and 超过500 are never shown to be below it.
        assert_eq!(
            verdict(&bounded(Bound::Above, 1000, "1000以上")).rule,
            Rule::Default
        );
        assert_eq!(
            verdict(&bounded(Bound::Above, 500, "超过500")).rule,
            Rule::Default
        );
    }

    fn said(written: &str, meaning: Meaning) -> LastPost {
        LastPost::Said(Box::new(crate::date::Said {
            written: written.into(),
            meaning,
        }))
    }

    #[test]
    fn words_for_the_last_post_are_judged_and_quoted() {
        let mut account = Account::named(2, "某局发布");
        // 7月16日 read as 2018-07-16: 15 days of July + 31 + 30 + 31 + 30 +
        // 31 + 31 + 28 + 31 + 19 = 277 days before 2019-04-19.
        account.last_post = Some(said("7月16日", Meaning::On(date(2018, 7, 16))));
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::Dormant);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "最近更新“7月16日”（按2018-07-16计），距2019-04-19已277天，超过14天（依据：国办秘函〔2019〕19号）"
        );
        // 近一月未更新: no post since 2019-03-20, at least 30 days > 14.
        account.last_post = Some(said("近一月未更新", Meaning::NotSince(date(2019, 3, 20))));
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::Dormant);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "最近更新“近一月未更新”：2019-03-20之后没有更新，至2019-04-19至少30天，超过14天（依据：国办秘函〔2019〕19号）"
        );
        // 一周未更新: at least 7 days, not shown to be more than 14.
        account.last_post = Some(said("一周未更新", Meaning::NotSince(date(2019, 4, 12))));
        assert_eq!(verdict(&account).rule, Rule::Default);
        // 已停更: dormant, whatever the threshold.
        account.last_post = Some(said("已停更", Meaning::Stopped));
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::Dormant);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "最近更新“已停更”：已停止更新（依据：国办秘函〔2019〕19号）"
        );
        assert_eq!(
            r.reason.text(Lang::En),
            "Last post “已停更”: stopped posting (source: 国办秘函〔2019〕19号)"
        );
    }

    #[test]
    fn a_range_is_compared_by_its_midpoint() {
        let mut account = Account::named(2, "某局发布");
        // 900–1,200 has midpoint 1,050: not below 1,000, although its low
        // end is.
        account.followers = Span::new(Num::int(900), Num::int(1200)).into();
        assert_eq!(verdict(&account).rule, Rule::Default);
        // 800–1,100 has midpoint 950: below 1,000, although its high end is
        // not.
        account.followers = Span::new(Num::int(800), Num::int(1100)).into();
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::LowReach);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "粉丝数800–1100（中值950），低于1000（依据：国办发〔2018〕123号）"
        );
    }

    #[test]
    fn rules_apply_in_order() {
        // Dormant and low reach and village: dormant wins.
        let mut account = Account::named(2, "某村");
        account.level = Level::Village;
        account.followers = int(100).into();
        account.last_post = Some(date(2018, 12, 31).into());
        assert_eq!(verdict(&account).rule, Rule::Dormant);
        // Low reach and village: low reach closes it rather than merging.
        account.last_post = Some(date(2019, 4, 18).into());
        assert_eq!(verdict(&account).rule, Rule::LowReach);
        // A village with many followers is merged.
        account.followers = int(5000).into();
        let r = verdict(&account);
        assert_eq!((r.decision, r.rule), (Decision::Merge, Rule::Village));
        // A decision in the list beats every rule.
        account.decision = Some(Decision::Keep);
        let r = verdict(&account);
        assert_eq!((r.decision, r.rule), (Decision::Keep, Rule::Given));
        assert_eq!(r.reason.text(Lang::Zh), "清单已填处置意见：保留");
    }

    #[test]
    fn poor_value_compares_cost_per_read() {
        let mut account = Account::named(2, "某镇发布");
        account.level = Level::Township;
        account.staffing = Some(Staffing::Outsourced);
        account.followers = int(2300).into();
        account.posts_per_week = Span::new(Num::int(2), Num::int(3)).into();
        account.outsourcing_fee = int(100_000).into();
        // The article's township: 2–3 posts × 52 weeks × 300 reads =
        // 31,200–46,800 reads a year; ¥100,000 ÷ that = ¥2.14–¥3.21 a read,
        // midpoint (100000/46800 + 100000/31200) / 2 = ¥2.67 > ¥1.00.
        account.avg_reads = int(300).into();
        let r = verdict(&account);
        assert_eq!((r.decision, r.rule), (Decision::Close, Rule::PoorValue));
        assert_eq!(
            r.reason.text(Lang::Zh),
            "外包账号每次阅读成本2.14元–3.21元（中值2.67元），高于1.00元\
             （年费用10.00万元 ÷ 年阅读31,200–46,800次）（依据：《关于防治“指尖上的形式主义”的若干意见》）"
        );
        // Without reads data the rule cannot fire.
        account.avg_reads = Figure::Missing;
        assert_eq!(verdict(&account).rule, Rule::Default);
        // A part-time account is never poor value, whatever it costs.
        account.avg_reads = int(300).into();
        account.staffing = Some(Staffing::PartTime);
        assert_eq!(verdict(&account).rule, Rule::Default);
    }

    #[test]
    fn cost_per_read_exactly_at_the_threshold_is_not_poor_value() {
        let mut account = Account::named(2, "某局发布");
        account.staffing = Some(Staffing::Outsourced);
        account.posts_per_week = int(2).into();
        account.avg_reads = int(500).into();
        // 2 posts × 52 weeks × 500 reads = 52,000 reads; ¥52,000 ÷ 52,000 =
        // ¥1.00 a read: not above ¥1.00.
        account.outsourcing_fee = int(52_000).into();
        assert_eq!(verdict(&account).rule, Rule::Default);
        // One yuan more is above: ¥52,001 ÷ 52,000 > ¥1.00.
        account.outsourcing_fee = int(52_001).into();
        assert_eq!(verdict(&account).rule, Rule::PoorValue);
    }

    #[test]
    fn money_for_no_reads_is_poor_value() {
        let mut account = Account::named(2, "某局发布");
        account.staffing = Some(Staffing::Outsourced);
        account.avg_reads = Span::ZERO.into();
        account.outsourcing_fee = int(30_000).into();
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::PoorValue);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "外包账号年费用3.00万元，但阅读量为0（依据：《关于防治“指尖上的形式主义”的若干意见》）"
        );
        // No money and no reads: nothing to judge.
        account.outsourcing_fee = Figure::Missing;
        assert_eq!(verdict(&account).rule, Rule::Default);
    }

    #[test]
    fn village_reason_names_the_receiving_account() {
        let mut account = Account::named(2, "青草坞村");
        account.level = Level::Village;
        account.merge_into = "李家巷发布".into();
        assert_eq!(
            verdict(&account).reason.text(Lang::Zh),
            "村（社区）级账号，归并至“李家巷发布”（依据：国办发〔2018〕123号）"
        );
    }
}
