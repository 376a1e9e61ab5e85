//! The recommendation rules of SPEC §4, and the reasons they give.
//!
//! An account's decision is, in order: the user's override, the decision
//! already written in the list, or the first of these rules that matches:
//!
//! 1. [`Rule::Dormant`]: the last post is more than *dormant days* before the
//!    as-of date → close;
//! 2. [`Rule::LowReach`]: fewer followers than the threshold → close;
//! 3. [`Rule::Village`]: a village or community account → merge into the
//!    township's account;
//! 4. [`Rule::PoorValue`]: outsourced and costing more per read than the
//!    threshold → close;
//! 5. otherwise keep ([`Rule::Default`]).
//!
//! A range is compared with a threshold by its midpoint, and "more than" and
//! "below" are strict: 14 days is not more than 14, 1,000 followers is not
//! below 1,000. Every decision carries a [`Reason`] with the numbers that led
//! to it, in either language.

use serde::Serialize;

use crate::account::{Account, Bound, Decision, Level, Staffing};
use crate::assumptions::Assumptions;
use crate::date::{Date, LastPost, Meaning, Silence};
use crate::figures;
use crate::lang::Lang;
use crate::num::{Num, Span};
use crate::yearly::AccountFigures;

/// Which rule decided an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// No post for more than the dormant days → close.
    Dormant,
    /// Followers below the threshold → close.
    LowReach,
    /// A village or community account → merge.
    Village,
    /// Outsourced and costing more per read than the threshold → close.
    PoorValue,
    /// Decided by the user: in the list, or by an override.
    Given,
    /// No rule matched → keep.
    Default,
}

/// Why an account gets its decision, with the numbers that triggered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The list already gives a decision.
    Given {
        /// The decision in the list.
        decision: Decision,
    },
    /// The user changed the decision by hand.
    Overridden {
        /// The decision chosen.
        decision: Decision,
    },
    /// The account has not posted for too long.
    Dormant {
        /// Its last post, as the list gives it.
        last_post: LastPost,
        /// The as-of date.
        as_of: Date,
        /// How long it had been silent at the as-of date.
        silence: Silence,
        /// The dormant-days assumption.
        threshold: Span,
    },
    /// Too few followers.
    LowReach {
        /// Its followers (the number written, for a bound).
        followers: Span,
        /// The followers threshold.
        threshold: Span,
        /// The words, for followers written with a bound (`不足1000`).
        written: Option<Box<str>>,
    },
    /// A village or community account.
    Village {
        /// The account it merges into, if the list names one.
        merge_into: String,
    },
    /// An outsourced account that costs too much per read.
    PoorValue {
        /// Its cash cost per year, in yuan.
        cash: Span,
        /// Its reads per year.
        reads: Span,
        /// Cash per read, in yuan; `None` when it has no reads at all.
        cost_per_read: Option<Span>,
        /// The cost-per-read threshold, in yuan.
        threshold: Span,
    },
    /// No rule matched.
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

/// Applies the list's own decision, then the rules in order, to one account
/// whose figures are already worked out.
pub fn recommend(
    account: &Account,
    figures: &AccountFigures,
    assumptions: &Assumptions,
    as_of: Date,
) -> Recommendation {
    if let Some(decision) = account.decision {
        return Recommendation {
            decision,
            rule: Rule::Given,
            reason: Reason::Given { decision },
        };
    }
    let close = |rule, reason| Recommendation {
        decision: Decision::Close,
        rule,
        reason,
    };

    if let Some(last_post) = &account.last_post {
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
        if dormant {
            let reason = Reason::Dormant {
                last_post: last_post.clone(),
                as_of,
                silence,
                threshold,
            };
            return close(Rule::Dormant, reason);
        }
    }

    if let Some(followers) = figures.followers {
        let threshold = assumptions.followers_threshold;
        // Followers below a number are below the threshold when the number
        // is at most the threshold (不足1000 is below 1,000); followers at or
        // above a number are never shown to be below it.
        let below = match account.followers.bounded() {
            Some(bounded) => {
                bounded.bound == Bound::Below && bounded.value.midpoint() <= threshold.midpoint()
            }
            None => followers.midpoint() < threshold.midpoint(),
        };
        if below {
            return close(
                Rule::LowReach,
                Reason::LowReach {
                    followers,
                    threshold,
                    written: account.followers.bounded().map(|b| b.written.clone()),
                },
            );
        }
    }

    if account.level == Level::Village {
        return Recommendation {
            decision: Decision::Merge,
            rule: Rule::Village,
            reason: Reason::Village {
                merge_into: account.merge_into.clone(),
            },
        };
    }

    if account.staffing == Some(Staffing::Outsourced) {
        if let Some(reads) = figures.reads {
            let threshold = assumptions.cost_per_read_threshold;
            let poor = match figures.cost_per_read {
                Some(cost) => cost.midpoint() > threshold.midpoint(),
                // Money paid for no reads at all is poor value at any
                // threshold; no money and no reads is nothing to judge.
                None => figures.cash.midpoint() > Num::ZERO,
            };
            if poor {
                let reason = Reason::PoorValue {
                    cash: figures.cash,
                    reads,
                    cost_per_read: figures.cost_per_read,
                    threshold,
                };
                return close(Rule::PoorValue, reason);
            }
        }
    }

    Recommendation {
        decision: Decision::Keep,
        rule: Rule::Default,
        reason: Reason::Default,
    }
}

impl Rule {
    /// All rules, in the order they are shown.
    pub const ALL: [Rule; 6] = [
        Rule::Dormant,
        Rule::LowReach,
        Rule::Village,
        Rule::PoorValue,
        Rule::Given,
        Rule::Default,
    ];

    /// A short name for the rule.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Rule::Dormant => lang.pick("长期未更新", "Dormant"),
            Rule::LowReach => lang.pick("粉丝少", "Low reach"),
            Rule::Village => lang.pick("村（社区）级", "Village level"),
            Rule::PoorValue => lang.pick("投入产出低", "Poor value"),
            Rule::Given => lang.pick("已定", "Given"),
            Rule::Default => lang.pick("未触发规则", "No rule"),
        }
    }
}

/// The word for a decision.
pub fn decision_label(decision: Decision, lang: Lang) -> &'static str {
    match decision {
        Decision::Keep => lang.pick("保留", "keep"),
        Decision::Close => lang.pick("关停", "close"),
        Decision::Merge => lang.pick("归并", "merge"),
    }
}

impl Reason {
    /// The reason as a sentence with its numbers.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Reason::Given { decision } => {
                let word = decision_label(*decision, lang);
                match lang {
                    Lang::Zh => format!("清单已填处置意见：{word}"),
                    Lang::En => format!("Decision given in the list: {word}"),
                }
            }
            Reason::Overridden { decision } => {
                let word = decision_label(*decision, lang);
                match lang {
                    Lang::Zh => format!("已手动调整为：{word}"),
                    Lang::En => format!("Changed by hand to: {word}"),
                }
            }
            Reason::Dormant {
                last_post,
                as_of,
                silence,
                threshold,
            } => dormant_text(last_post, *as_of, *silence, *threshold, lang),
            Reason::LowReach {
                followers,
                threshold,
                written,
            } => {
                let limit = threshold_text(*threshold, 1, lang);
                match (written, lang) {
                    (Some(words), Lang::Zh) => format!("粉丝数“{words}”，低于{limit}"),
                    (Some(words), Lang::En) => format!("Followers “{words}”, below {limit}"),
                    (None, _) => {
                        let count =
                            span_with_midpoint(*followers, lang, |n| figures::number(n, 1, lang));
                        match lang {
                            Lang::Zh => format!("粉丝数{count}，低于{limit}"),
                            Lang::En => format!("{count} followers, below {limit}"),
                        }
                    }
                }
            }
            Reason::Village { merge_into } => match (lang, merge_into.is_empty()) {
                (Lang::Zh, true) => "村（社区）级账号，归并至乡镇（街道）账号".to_string(),
                (Lang::Zh, false) => format!("村（社区）级账号，归并至“{merge_into}”"),
                (Lang::En, true) => {
                    "Village or community account: merge into the township's account".to_string()
                }
                (Lang::En, false) => {
                    format!("Village or community account: merge into \"{merge_into}\"")
                }
            },
            Reason::PoorValue {
                cash,
                reads,
                cost_per_read,
                threshold,
            } => {
                let cash_text = figures::money_span(*cash, lang);
                let reads_text = figures::number_span(*reads, 0, lang);
                let limit = match threshold.is_point() {
                    true => figures::money(threshold.low, lang),
                    false => figures::money(threshold.midpoint(), lang),
                };
                match cost_per_read {
                    Some(cost) => {
                        let cost = span_with_midpoint(*cost, lang, |n| figures::money(n, lang));
                        match lang {
                            Lang::Zh => format!(
                                "外包账号每次阅读成本{cost}，高于{limit}\
                                 （年费用{cash_text} ÷ 年阅读{reads_text}次）"
                            ),
                            Lang::En => format!(
                                "Outsourced: {cost} per read, above {limit} \
                                 ({cash_text} a year ÷ {reads_text} reads a year)"
                            ),
                        }
                    }
                    None => match lang {
                        Lang::Zh => format!("外包账号年费用{cash_text}，但阅读量为0"),
                        Lang::En => format!("Outsourced: {cash_text} a year but no reads"),
                    },
                }
            }
            Reason::Default => lang
                .pick(
                    "未触发关停、归并规则，保留",
                    "No closing or merging rule applies: keep",
                )
                .to_string(),
        }
    }
}

/// Why an account is dormant, saying how the list's words were read.
fn dormant_text(
    last_post: &LastPost,
    as_of: Date,
    silence: Silence,
    threshold: Span,
    lang: Lang,
) -> String {
    let limit = threshold_text(threshold, 0, lang);
    let days = match silence {
        Silence::Days(days) | Silence::AtLeast(days) => days,
        Silence::Stopped => 0,
    };
    let said = match last_post {
        LastPost::On(date) => {
            return match lang {
                Lang::Zh => format!("最近更新{date}，距{as_of}已{days}天，超过{limit}天"),
                Lang::En => {
                    format!("Last post {date}, {days} days before {as_of}: more than {limit} days")
                }
            };
        }
        LastPost::Said(said) => said,
    };
    let words = &said.written;
    match (said.meaning, lang) {
        (Meaning::On(date), Lang::Zh) => {
            format!("最近更新“{words}”（按{date}计），距{as_of}已{days}天，超过{limit}天")
        }
        (Meaning::On(date), Lang::En) => format!(
            "Last post “{words}” (read as {date}), {days} days before {as_of}: more than \
             {limit} days"
        ),
        (Meaning::NotSince(date), Lang::Zh) => {
            format!("最近更新“{words}”：{date}之后没有更新，至{as_of}至少{days}天，超过{limit}天")
        }
        (Meaning::NotSince(date), Lang::En) => format!(
            "Last post “{words}”: none after {date}, at least {days} days before {as_of}: \
             more than {limit} days"
        ),
        (Meaning::Stopped, Lang::Zh) => format!("最近更新“{words}”：已停止更新"),
        (Meaning::Stopped, Lang::En) => format!("Last post “{words}”: stopped posting"),
    }
}

/// A threshold as text: its value, or for a range the midpoint the rule
/// compares with.
fn threshold_text(threshold: Span, places: u32, lang: Lang) -> String {
    figures::number(threshold.midpoint(), places, lang)
}

/// A value for a reason: `"856"`, or `"800–900（中值850）"` for a range, since
/// the rule compared the midpoint.
fn span_with_midpoint(span: Span, lang: Lang, show: impl Fn(Num) -> String) -> String {
    if span.is_point() {
        return show(span.low);
    }
    let (low, high, mid) = (show(span.low), show(span.high), show(span.midpoint()));
    match lang {
        Lang::Zh => format!("{low}–{high}（中值{mid}）"),
        Lang::En => format!("{low}–{high} (midpoint {mid})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Figure;
    use crate::testing::{as_of, int};
    use crate::yearly::AccountFigures;

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    fn verdict(account: &Account) -> Recommendation {
        let a = Assumptions::default();
        let (figures, _) = AccountFigures::of(account, &a);
        recommend(account, &figures, &a, as_of())
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
            "最近更新2019-04-04，距2019-04-19已15天，超过14天"
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
            "最近更新2019-03-01，距2019-04-19已49天，超过14天"
        );
        assert_eq!(
            r.reason.text(Lang::En),
            "Last post 2019-03-01, 49 days before 2019-04-19: more than 14 days"
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
        assert_eq!(r.reason.text(Lang::Zh), "粉丝数856，低于1000");
        assert_eq!(r.reason.text(Lang::En), "856 followers, below 1,000");
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
        assert_eq!(r.reason.text(Lang::Zh), "粉丝数“不足1000”，低于1000");
        assert_eq!(r.reason.text(Lang::En), "Followers “不足1000”, below 1,000");
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
            "最近更新“7月16日”（按2018-07-16计），距2019-04-19已277天，超过14天"
        );
        // 近一月未更新: no post since 2019-03-20, at least 30 days > 14.
        account.last_post = Some(said("近一月未更新", Meaning::NotSince(date(2019, 3, 20))));
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::Dormant);
        assert_eq!(
            r.reason.text(Lang::Zh),
            "最近更新“近一月未更新”：2019-03-20之后没有更新，至2019-04-19至少30天，超过14天"
        );
        // 一周未更新: at least 7 days, not shown to be more than 14.
        account.last_post = Some(said("一周未更新", Meaning::NotSince(date(2019, 4, 12))));
        assert_eq!(verdict(&account).rule, Rule::Default);
        // 已停更: dormant, whatever the threshold.
        account.last_post = Some(said("已停更", Meaning::Stopped));
        let r = verdict(&account);
        assert_eq!(r.rule, Rule::Dormant);
        assert_eq!(r.reason.text(Lang::Zh), "最近更新“已停更”：已停止更新");
        assert_eq!(
            r.reason.text(Lang::En),
            "Last post “已停更”: stopped posting"
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
            "粉丝数800–1100（中值950），低于1000"
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
             （年费用10.00万元 ÷ 年阅读31,200–46,800次）"
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
            "外包账号年费用3.00万元，但阅读量为0"
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
            "村（社区）级账号，归并至“李家巷发布”"
        );
    }
}
