//! "How was this calculated": each headline total's formula in words, then
//! the same formula with the estimate's own numbers substituted, so that an
//! official can check every figure by hand before reporting it.
//!
//! This is data, not markup: the web layer decides how to lay it out.
//!
//! ```
//! use jianfu_core::account::Account;
//! use jianfu_core::assumptions::Assumptions;
//! use jianfu_core::date::Date;
//! use jianfu_core::estimate::estimate;
//! use jianfu_core::plan::Plan;
//! use jianfu_core::explain::{explain, Headline};
//! use jianfu_core::lang::Lang;
//!
//! let as_of = Date::from_ymd(2019, 4, 19).unwrap();
//! let e = estimate(&[Account::named(2, "某局发布")], &Plan::new(Assumptions::default()), as_of);
//! let lines = explain(&e, Lang::Zh).lines;
//! let fte = lines.iter().find(|l| l.headline == Headline::FteFreed).unwrap();
//! assert_eq!(fte.formula, "折合全职人员 = 释放工时 ÷ 全职年工时");
//! ```

use serde::Serialize;

use crate::account::Decision;
use crate::estimate::Estimate;
use crate::figures::{money_span, number_span, percent_span};
use crate::lang::Lang;
use crate::num::{Num, Span};
use crate::rules::Rule;

/// The explanation of one estimate, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// One line per headline total, in the order the UI shows them.
    pub lines: Vec<Line>,
}

/// Which total a line explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Headline {
    /// Accounts closed or merged.
    AccountsShut,
    /// How many accounts each rule shut.
    ShutByRule,
    /// How one account's hours are worked out.
    AccountHours,
    /// Staff hours freed.
    HoursFreed,
    /// Hours freed in full-time posts.
    FteFreed,
    /// Hours the receiving accounts take on.
    AddedLoad,
    /// Cash saved.
    CashSaved,
    /// Outsourcing contracts ended.
    OutsourcingEnded,
    /// Staff time value.
    StaffValue,
    /// Cash plus staff value.
    TotalValue,
}

/// One total: what it is, its formula, and the formula with numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// Which total.
    pub headline: Headline,
    /// Its name, e.g. "释放工时".
    pub label: String,
    /// The formula in words.
    pub formula: String,
    /// The formula with the actual numbers, ending in the result.
    pub numbers: String,
    /// The result alone, with its unit.
    pub result: String,
}

/// Explains every headline total of `estimate`.
pub fn explain(estimate: &Estimate, lang: Lang) -> Explanation {
    let s = &estimate.summary;
    let a = &estimate.assumptions;
    let zh = lang == Lang::Zh;
    // The hours closed and merged, the shut accounts' fees and other costs,
    // and how many each rule shut, in one pass over the accounts (a list can
    // hold 100,000).
    let (mut closed_hours, mut merged_hours) = (Span::ZERO, Span::ZERO);
    let (mut fees, mut other) = (Span::ZERO, Span::ZERO);
    let mut shut_by = [0; Rule::ALL.len()];
    for r in &estimate.accounts {
        let hours = match r.decision {
            Decision::Keep => continue,
            Decision::Close => &mut closed_hours,
            Decision::Merge => &mut merged_hours,
        };
        *hours = *hours + r.figures.hours;
        fees = fees + r.figures.outsourcing_fee;
        other = other + r.figures.other_cost;
        shut_by[r.rule as usize] += 1;
    }
    let hours = |span: Span| number_span(span, 0, lang);
    let hours_unit = |span: Span| match lang {
        Lang::Zh => format!("{}小时/年", hours(span)),
        Lang::En => format!("{} h a year", hours(span)),
    };
    let hours_plain = |span: Span| match lang {
        Lang::Zh => format!("{}小时", paren(hours(span))),
        Lang::En => format!("{} h", paren(hours(span))),
    };
    let share_text = percent_span(a.merge_share, lang);
    let mut lines = Vec::new();
    let mut line = |headline, label: &str, formula: &str, numbers: String, result: String| {
        lines.push(Line {
            headline,
            label: label.to_string(),
            formula: formula.to_string(),
            numbers,
            result,
        })
    };

    let percent_shut = percent_span(Span::point(s.shut_share().unwrap_or(Num::ZERO)), lang);
    line(
        Headline::AccountsShut,
        lang.pick("关停、归并账号", "Accounts shut"),
        lang.pick(
            "关停、归并账号数 = 关停账号数 + 归并账号数",
            "accounts shut = accounts closed + accounts merged",
        ),
        match lang {
            Lang::Zh => format!(
                "= {} + {} = {}（占{}个账号的{}）",
                s.accounts_closed,
                s.accounts_merged,
                s.accounts_shut,
                s.accounts_total,
                percent_shut
            ),
            Lang::En => format!(
                "= {} + {} = {} ({} of {} accounts)",
                s.accounts_closed,
                s.accounts_merged,
                s.accounts_shut,
                percent_shut,
                s.accounts_total
            ),
        },
        match lang {
            Lang::Zh => format!("{}个", s.accounts_shut),
            Lang::En => s.accounts_shut.to_string(),
        },
    );

    let by_rule: Vec<String> = Rule::ALL
        .iter()
        .filter_map(|&rule| {
            let count = shut_by[rule as usize];
            (count > 0).then(|| match lang {
                Lang::Zh => format!("{}{}个", rule.label(lang), count),
                Lang::En => format!("{} {}", rule.label(lang), count),
            })
        })
        .collect();
    line(
        Headline::ShutByRule,
        lang.pick("按规则", "By rule"),
        lang.pick(
            "依次检查：长期未更新 → 粉丝少 → 村（社区）级 → 投入产出低；清单已定或手动调整的从其决定",
            "Checked in order: dormant → low reach → village level → poor value; a decision \
             in the list or set by hand stands",
        ),
        format!(
            "= {}",
            if by_rule.is_empty() {
                "0".to_string()
            } else {
                by_rule.join(lang.pick("，", ", "))
            }
        ),
        match lang {
            Lang::Zh => format!("{}个", s.accounts_shut),
            Lang::En => s.accounts_shut.to_string(),
        },
    );

    let defaulted = estimate
        .accounts
        .iter()
        .filter(|r| !r.assumed.is_empty())
        .count();
    line(
        Headline::AccountHours,
        lang.pick("单个账号年工时", "Hours of one account"),
        lang.pick(
            "年工时 = 每周发布次数 × 每年周数 × 每期耗时；专职账号 = 运营人数 × 全职年工时",
            "hours = posts per week × weeks per year × hours per post; \
             dedicated: staff × FTE hours",
        ),
        match lang {
            Lang::Zh => format!(
                "清单未填时按每周{}次、每期{}小时、每年{}周、全职{}小时计（{}个账号用到默认值）；\
                 全部账号合计",
                number_span(a.posts_per_week, 2, lang),
                number_span(a.hours_per_post, 2, lang),
                number_span(a.weeks_per_year, 2, lang),
                number_span(a.fte_hours, 0, lang),
                defaulted
            ),
            Lang::En => format!(
                "where the list is silent: {} posts a week, {} h a post, {} weeks a year, \
                 {} h per FTE ({} accounts use a default); all accounts together",
                number_span(a.posts_per_week, 2, lang),
                number_span(a.hours_per_post, 2, lang),
                number_span(a.weeks_per_year, 2, lang),
                number_span(a.fte_hours, 0, lang),
                defaulted
            ),
        } + &format!(" = {}", hours_unit(s.hours_total)),
        hours_unit(s.hours_total),
    );

    line(
        Headline::HoursFreed,
        lang.pick("释放工时", "Hours freed"),
        lang.pick(
            "释放工时 = Σ关停账号工时 + Σ归并账号工时 × (1 − 归并转移比例)",
            "hours freed = Σ hours of closed accounts + Σ hours of merged accounts × \
             (1 − merge share)",
        ),
        format!(
            "= {} + {} × (1 − {}) = {} + {} = {}",
            paren(hours(closed_hours)),
            paren(hours(merged_hours)),
            share_text,
            paren(hours(closed_hours)),
            paren(hours(
                merged_hours * (Span::point(Num::ONE) - a.merge_share)
            )),
            hours_unit(s.hours_freed)
        ),
        hours_unit(s.hours_freed),
    );

    let fte = number_span(s.fte_freed, 1, lang);
    let fte_unit = if zh {
        format!("{fte}人")
    } else {
        format!("{fte} FTE")
    };
    line(
        Headline::FteFreed,
        lang.pick("折合全职人员", "Full-time posts freed"),
        lang.pick(
            "折合全职人员 = 释放工时 ÷ 全职年工时",
            "FTE freed = hours freed ÷ FTE hours",
        ),
        format!(
            "= {} ÷ {} = {}",
            paren(hours(s.hours_freed)),
            paren(number_span(a.fte_hours, 0, lang)),
            fte_unit
        ),
        fte_unit.clone(),
    );

    line(
        Headline::AddedLoad,
        lang.pick("承接账号新增工时", "Added to receiving accounts"),
        lang.pick(
            "承接账号新增工时 = Σ归并账号工时 × 归并转移比例",
            "added load = Σ hours of merged accounts × merge share",
        ),
        format!(
            "= {} × {} = {}",
            paren(hours(merged_hours)),
            share_text,
            hours_unit(s.added_load)
        ),
        hours_unit(s.added_load),
    );

    line(
        Headline::CashSaved,
        lang.pick("节约资金", "Cash saved"),
        lang.pick(
            "节约资金 = Σ关停、归并账号的外包费用 + Σ其他费用",
            "cash saved = Σ outsourcing fees + Σ other costs of the accounts shut",
        ),
        format!(
            "= {} + {} = {}",
            paren(money_span(fees, lang)),
            paren(money_span(other, lang)),
            money_span(s.cash_saved, lang)
        ),
        money_span(s.cash_saved, lang),
    );

    line(
        Headline::OutsourcingEnded,
        lang.pick("终止外包合同", "Outsourcing contracts ended"),
        lang.pick(
            "终止外包合同 = 关停、归并的外包账号",
            "contracts ended = outsourced accounts shut",
        ),
        match lang {
            Lang::Zh => format!(
                "= {}个，年费用合计{}",
                s.outsourcing_ended.count,
                money_span(s.outsourcing_ended.fees, lang)
            ),
            Lang::En => format!(
                "= {} accounts, {} a year in fees",
                s.outsourcing_ended.count,
                money_span(s.outsourcing_ended.fees, lang)
            ),
        },
        match lang {
            Lang::Zh => format!("{}个", s.outsourcing_ended.count),
            Lang::En => s.outsourcing_ended.count.to_string(),
        },
    );

    let hourly = a.hourly_cost;
    let hourly_text = match lang {
        Lang::Zh => format!("{}元/小时", number_span(hourly, 2, lang)),
        Lang::En => format!("¥{}/h", number_span(hourly, 2, lang)),
    };
    line(
        Headline::StaffValue,
        lang.pick("人力成本折算", "Staff time value"),
        lang.pick(
            "人力成本折算 = 释放工时 × 每小时人力成本",
            "staff value = hours freed × staff cost per hour",
        ),
        format!(
            "= {} × {} = {}",
            hours_plain(s.hours_freed),
            hourly_text,
            money_span(s.staff_value, lang)
        ),
        money_span(s.staff_value, lang),
    );

    line(
        Headline::TotalValue,
        lang.pick("每年合计", "Total per year"),
        lang.pick(
            "每年合计 = 节约资金 + 人力成本折算",
            "total = cash saved + staff value",
        ),
        format!(
            "= {} + {} = {}",
            paren(money_span(s.cash_saved, lang)),
            paren(money_span(s.staff_value, lang)),
            money_span(s.total_value, lang)
        ),
        money_span(s.total_value, lang),
    );

    Explanation { lines }
}

/// Wraps a range in parentheses so that it reads as one term in a formula.
fn paren(text: String) -> String {
    if text.contains('–') {
        format!("({text})")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{Account, Level, Staffing};
    use crate::assumptions::Assumptions;
    use crate::date::Date;
    use crate::estimate::estimate;
    use crate::plan::Plan;
    use crate::testing::int;

    fn sample() -> Estimate {
        // Closed: 400 followers, 2 posts × 52 × 3 h = 312 h, ¥10,000 fee.
        let mut closed = Account::named(2, "某局发布");
        closed.followers = int(400).into();
        closed.posts_per_week = int(2).into();
        closed.hours_per_post = int(3).into();
        closed.staffing = Some(Staffing::Outsourced);
        closed.outsourcing_fee = int(10_000).into();
        // Merged: 1 post × 52 × 2 h = 104 h, ¥800 other cost.
        let mut merged = Account::named(3, "某村");
        merged.level = Level::Village;
        merged.posts_per_week = int(1).into();
        merged.hours_per_post = int(2).into();
        merged.other_cost = int(800).into();
        // Kept: 5,000 followers.
        let mut kept = Account::named(4, "某镇发布");
        kept.level = Level::Township;
        kept.followers = int(5000).into();
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        estimate(
            &[closed, merged, kept],
            &Plan::new(Assumptions::default()),
            as_of,
        )
    }

    fn find(lines: &[Line], headline: Headline) -> &Line {
        lines.iter().find(|l| l.headline == headline).unwrap()
    }

    #[test]
    fn substitutes_the_numbers_of_the_estimate() {
        let zh = explain(&sample(), Lang::Zh).lines;
        // 2 shut of 3: 66.7 %.
        assert_eq!(
            find(&zh, Headline::AccountsShut).numbers,
            "= 1 + 1 = 2（占3个账号的66.7%）"
        );
        assert_eq!(
            find(&zh, Headline::ShutByRule).numbers,
            "= 粉丝少1个，村（社区）级1个"
        );
        // 312 + 104 × (1 − 30%) = 312 + 72.8 = 384.8, shown rounded.
        assert_eq!(
            find(&zh, Headline::HoursFreed).numbers,
            "= 312 + 104 × (1 − 30%) = 312 + 73 = 385小时/年"
        );
        // 384.8 ÷ 2,000 = 0.19 FTE, shown to one decimal.
        assert_eq!(
            find(&zh, Headline::FteFreed).numbers,
            "= 385 ÷ 2000 = 0.2人"
        );
        // 104 × 30% = 31.2 h.
        assert_eq!(find(&zh, Headline::AddedLoad).result, "31小时/年");
        // ¥10,000 fees + ¥800 other = ¥10,800.
        assert_eq!(
            find(&zh, Headline::CashSaved).numbers,
            "= 1.00万元 + 800元 = 1.08万元"
        );
        assert_eq!(
            find(&zh, Headline::OutsourcingEnded).numbers,
            "= 1个，年费用合计1.00万元"
        );
        // 384.8 h × ¥60 = ¥23,088.
        assert_eq!(
            find(&zh, Headline::StaffValue).numbers,
            "= 385小时 × 60元/小时 = 2.31万元"
        );
        // ¥10,800 + ¥23,088 = ¥33,888.
        assert_eq!(
            find(&zh, Headline::TotalValue).numbers,
            "= 1.08万元 + 2.31万元 = 3.39万元"
        );
        let en = explain(&sample(), Lang::En).lines;
        assert_eq!(
            find(&en, Headline::TotalValue).numbers,
            "= ¥10,800 + ¥23,088 = ¥33,888"
        );
        assert_eq!(
            find(&en, Headline::HoursFreed).formula,
            "hours freed = Σ hours of closed accounts + Σ hours of merged accounts × \
             (1 − merge share)"
        );
    }

    #[test]
    fn ranges_are_bracketed() {
        let mut a = Account::named(2, "某局发布");
        a.followers = int(10).into();
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        let e = estimate(&[a], &Plan::new(Assumptions::default()), as_of);
        let en = explain(&e, Lang::En).lines;
        // 2–3 posts × 52 × 2–3 h = 208–468 h, all closed.
        assert_eq!(
            find(&en, Headline::HoursFreed).numbers,
            "= (208–468) + 0 × (1 − 30%) = (208–468) + 0 = 208–468 h a year"
        );
        // 208 ÷ 2,000 = 0.104 → 0.1; 468 ÷ 2,000 = 0.234 → 0.2.
        assert_eq!(find(&en, Headline::FteFreed).result, "0.1–0.2 FTE");
    }
}
