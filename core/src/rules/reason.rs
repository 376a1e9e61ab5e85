//! Why an account gets its decision, in either language, each reason of a
//! catalogue rule citing its source.

use crate::account::{Decision, Platform};
use crate::date::{Date, LastPost, Meaning, Silence};
use crate::figures;
use crate::lang::Lang;
use crate::num::{Num, Span};
use crate::rules::Rule;

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
    /// No working interaction function, as the list says.
    NoInteraction,
    /// Another account of the unit on the platform has more followers.
    Duplicate {
        /// The unit.
        unit: String,
        /// The platform.
        platform: Platform,
        /// The account kept, which this one joins.
        keeper: String,
    },
    /// The account its unit keeps on the platform: it has the most
    /// followers of them.
    DuplicateKept {
        /// The platform.
        platform: Platform,
        /// How many of the unit's accounts there merge into it.
        others: usize,
    },
    /// A village or community account.
    Village {
        /// The account it merges into: the list's, or its township's kept
        /// account; empty when neither is known.
        merge_into: String,
    },
    /// A township or county-department account, under the Guangdong and
    /// Henan profile.
    BelowCounty {
        /// The county's main account, which it joins.
        main: String,
    },
    /// The county's main account, which the others join.
    MainAccount,
    /// An outsourced account that costs too much per read (boxed: its
    /// four ranges would double the size of every reason).
    PoorValue(Box<PoorValue>),
    /// No rule matched.
    Default,
}

/// The figures of a [`Reason::PoorValue`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoorValue {
    /// Its cash cost per year, in yuan.
    pub cash: Span,
    /// Its reads per year.
    pub reads: Span,
    /// Cash per read, in yuan; `None` when it has no reads at all.
    pub cost_per_read: Option<Span>,
    /// The cost-per-read threshold, in yuan.
    pub threshold: Span,
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
    /// The catalogue rule whose reason this is, which it cites; `None` for
    /// the user's own decisions and for keeping.
    pub fn rule(&self) -> Option<Rule> {
        match self {
            Reason::Given { .. } | Reason::Overridden { .. } | Reason::Default => None,
            Reason::Dormant { .. } => Some(Rule::Dormant),
            Reason::NoInteraction => Some(Rule::NoInteraction),
            Reason::LowReach { .. } => Some(Rule::LowReach),
            Reason::Duplicate { .. } | Reason::DuplicateKept { .. } => Some(Rule::Duplicate),
            Reason::Village { .. } => Some(Rule::Village),
            Reason::BelowCounty { .. } | Reason::MainAccount => Some(Rule::BelowCounty),
            Reason::PoorValue(_) => Some(Rule::PoorValue),
        }
    }

    /// The reason as a sentence with its numbers, and the source it rests
    /// on: `……（依据：国办发〔2018〕123号）`.
    pub fn text(&self, lang: Lang) -> String {
        let text = self.sentence(lang);
        match (self.rule(), lang) {
            (None, _) => text,
            (Some(rule), Lang::Zh) => format!("{text}（依据：{}）", rule.citation()),
            (Some(rule), Lang::En) => format!("{text} (source: {})", rule.citation()),
        }
    }

    /// The reason as a sentence with its numbers.
    fn sentence(&self, lang: Lang) -> String {
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
            Reason::NoInteraction => lang
                .pick(
                    "清单注明无有效互动功能（留言、互动为无、未开通或已关闭）",
                    "The list says it has no working interaction function (none, off or closed)",
                )
                .to_string(),
            Reason::Duplicate {
                unit,
                platform,
                keeper,
            } => {
                let platform = platform.label(lang);
                match lang {
                    Lang::Zh => {
                        format!("“{unit}”在{platform}有多个账号，归并至粉丝最多的“{keeper}”")
                    }
                    Lang::En => format!(
                        "{unit} has several accounts on {platform}: merge into \"{keeper}\", \
                         which has the most followers"
                    ),
                }
            }
            Reason::DuplicateKept { platform, others } => {
                let platform = platform.label(lang);
                let count = figures::count(others + 1, lang);
                match lang {
                    Lang::Zh => format!(
                        "本单位在{platform}的{count}个账号中粉丝最多，保留，其余归并至本账号"
                    ),
                    Lang::En => format!(
                        "The most followed of its unit's {count} accounts on {platform}: kept, \
                         and the others merge into it"
                    ),
                }
            }
            Reason::Village { merge_into } => match (lang, merge_into.is_empty()) {
                (Lang::Zh, true) => "村（社区）级账号，归并至所属乡镇（街道）账号\
                                     （清单中未找到其保留的账号）"
                    .to_string(),
                (Lang::Zh, false) => format!("村（社区）级账号，归并至“{merge_into}”"),
                (Lang::En, true) => "Village or community account: merge into its township's \
                                     account (none kept is found in the list)"
                    .to_string(),
                (Lang::En, false) => {
                    format!("Village or community account: merge into \"{merge_into}\"")
                }
            },
            Reason::BelowCounty { main } => match lang {
                Lang::Zh => format!("乡镇（街道）和县级部门账号，归并至县级主账号“{main}”"),
                Lang::En => format!(
                    "Township or county-department account: merge into the county's main \
                     account \"{main}\""
                ),
            },
            Reason::MainAccount => lang
                .pick(
                    "县级主账号，保留，承接归并的乡镇和部门账号",
                    "The county's main account: kept, and the township and department \
                     accounts merge into it",
                )
                .to_string(),
            Reason::PoorValue(value) => {
                let PoorValue {
                    cash,
                    reads,
                    cost_per_read,
                    threshold,
                } = &**value;
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
