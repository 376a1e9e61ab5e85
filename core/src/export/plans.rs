//! What leaves the calculator when several plans are compared: the CSV with
//! one decision, rule and reason column per plan, and the paragraph that
//! compares the plans in the register of an official report.

use crate::compare::Difference;
use crate::estimate::{Estimate, Summary};
use crate::figures;
use crate::lang::Lang;
use crate::num::{Num, Span};

use super::{en_range, summary_rows, zh_range, zh_wan, Sheet};

/// Each plan's name with its estimate, in the plans' order, all of one
/// list.
pub type Named<'a> = (&'a str, &'a Estimate);

/// The results of the current plan, `plans[current]`, as
/// [`results_csv`](super::results_csv) writes them, with every plan's
/// decision, rule, reason and the account a merge joins after each
/// account's columns, headed with the plan's name (`处置·方案一（稳妥）`),
/// and every plan's totals side by side after the current plan's. With one
/// plan this is [`results_csv`](super::results_csv).
pub fn plans_csv(plans: &[Named], current: usize, lang: Lang) -> String {
    match plans {
        [] => String::new(),
        [(_, one)] => super::results_csv(one, lang),
        _ => {
            let (_, shown) = plans[current.min(plans.len() - 1)];
            super::write_plans(shown, plans, lang)
        }
    }
}

/// Every plan's totals side by side: a row per figure, a column per plan,
/// and their rules.
pub(super) fn write_summaries(sheet: &mut Sheet, plans: &[Named], lang: Lang) {
    let mut header = vec![lang.pick("各方案汇总", "Every plan").to_string()];
    header.extend(
        plans
            .iter()
            .enumerate()
            .map(|(number, (name, _))| plan_title(number, name, lang)),
    );
    sheet.row(header);
    let columns: Vec<Vec<(String, String)>> =
        plans.iter().map(|(_, e)| summary_rows(e, lang)).collect();
    for (at, (label, _)) in columns[0].iter().enumerate() {
        let mut cells = vec![label.clone()];
        cells.extend(columns.iter().map(|rows| rows[at].1.clone()));
        sheet.row(cells);
    }
    let mut rules = vec![lang
        .pick("规则（按优先顺序）", "Rules, in order")
        .to_string()];
    rules.extend(plans.iter().map(|(_, e)| {
        let labels: Vec<&str> = e.rules.as_slice().iter().map(|r| r.label(lang)).collect();
        labels.join(lang.pick("、", "; "))
    }));
    sheet.row(rules);
}

/// A plan as the exports name it: `方案一（稳妥）`, `Plan 1 (Cautious)`.
pub fn plan_title(number: usize, name: &str, lang: Lang) -> String {
    let ordinal = ordinal(number, lang);
    match (name.trim(), lang) {
        ("", _) => ordinal,
        (name, Lang::Zh) => format!("{ordinal}（{name}）"),
        (name, Lang::En) => format!("{ordinal} ({name})"),
    }
}

/// `方案一`…`方案四`, `Plan 1`…: counting from 0.
fn ordinal(number: usize, lang: Lang) -> String {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match (lang, ZH.get(number)) {
        (Lang::Zh, Some(n)) => format!("方案{n}"),
        (Lang::Zh, None) => format!("方案{}", number + 1),
        (Lang::En, _) => format!("Plan {}", number + 1),
    }
}

/// The paragraph that compares the plans, after the summary paragraph of
/// the current one: what each shuts, frees and saves, then each plan's
/// difference from the first. Empty for fewer than two plans.
///
/// 方案一（稳妥）关停、归并账号12个，每年可释放工作时间约0.25万至0.56万小时，
/// 节约资金3.00万元；方案二（推荐）……。与方案一相比，方案二多关停、归并
/// 30个，多释放工作时间约……小时，多节约资金……元。
pub fn comparison_paragraph(plans: &[Named], lang: Lang) -> String {
    if plans.len() < 2 {
        return String::new();
    }
    let parts: Vec<String> = plans
        .iter()
        .enumerate()
        .map(|(number, (name, e))| plan_clause(&plan_title(number, name, lang), &e.summary, lang))
        .collect();
    let first = &plans[0].1.summary;
    let differences: Vec<String> = plans
        .iter()
        .enumerate()
        .skip(1)
        .map(|(number, (_, e))| difference(&ordinal(number, lang), first, &e.summary, lang))
        .collect();
    match lang {
        Lang::Zh => format!(
            "{}。与方案一相比，{}。",
            parts.join("；"),
            differences.join("；")
        ),
        Lang::En => format!(
            "{}. Compared with plan 1, {}.",
            parts.join("; "),
            differences.join("; ")
        ),
    }
}

/// One plan's clause: what it shuts, frees and saves.
fn plan_clause(title: &str, s: &Summary, lang: Lang) -> String {
    let hours = |span: Span| match lang {
        Lang::Zh => zh_range(span, |h| figures::large_number(h, Lang::Zh)),
        Lang::En => en_range(span, |h| figures::number(h, 0, Lang::En)),
    };
    let money = |span: Span| match lang {
        Lang::Zh => zh_range(span, zh_wan).map(|m| format!("{m}元")),
        Lang::En => en_range(span, |n| figures::money(n, Lang::En)),
    };
    let hours = hours(s.hours_freed).unwrap_or_else(|| "0".to_string());
    let cash = money(s.cash_saved).unwrap_or_else(|| lang.pick("0元", "¥0").to_string());
    match lang {
        Lang::Zh => format!(
            "{title}关停、归并账号{}个（保留{}个），每年可释放工作时间约{hours}小时，节约资金{cash}",
            s.accounts_shut, s.accounts_kept
        ),
        Lang::En => format!(
            "{title} closes or merges {} accounts ({} kept), frees about {hours} staff hours a \
             year and saves {cash} a year",
            s.accounts_shut, s.accounts_kept
        ),
    }
}

/// How a plan differs from the first: more or fewer accounts shut, hours
/// freed and cash saved (see [`Difference`]).
fn difference(name: &str, first: &Summary, s: &Summary, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let Difference {
        shut,
        hours_low: low,
        hours_high: high,
        cash,
    } = Difference::between(first, s);
    let shut = match (shut.signum(), zh) {
        (0, true) => "关停、归并数量相同".to_string(),
        (0, false) => "shuts as many accounts".to_string(),
        (1, true) => format!("多关停、归并{shut}个"),
        (_, true) => format!("少关停、归并{}个", -shut),
        (1, false) => format!("shuts {shut} more accounts"),
        (_, false) => format!("shuts {} fewer accounts", -shut),
    };
    let show = |n: Num| match zh {
        true => figures::large_number(n.abs(), Lang::Zh),
        false => figures::number(n.abs(), 0, Lang::En),
    };
    let (low_text, high_text) = (show(low), show(high));
    let both = match low_text == high_text {
        true => low_text,
        false => format!("{low_text}{}{high_text}", lang.pick("至", "–")),
    };
    let hours = match (low.signum(), high.signum(), zh) {
        (0, 0, true) => "释放工作时间相同".to_string(),
        (0, 0, false) => "frees the same staff time".to_string(),
        (l, h, true) if l >= 0 && h >= 0 => format!("多释放工作时间约{both}小时"),
        (l, h, true) if l <= 0 && h <= 0 => format!("少释放工作时间约{both}小时"),
        (_, _, true) => format!("释放工作时间相差约{both}小时"),
        (l, h, false) if l >= 0 && h >= 0 => format!("frees about {both} more staff hours a year"),
        (l, h, false) if l <= 0 && h <= 0 => format!("frees about {both} fewer staff hours a year"),
        (_, _, false) => format!("frees a different {both} staff hours a year"),
    };
    let amount = match zh {
        true => format!("{}元", zh_wan(cash.abs())),
        false => figures::money(cash.abs(), Lang::En),
    };
    let cash = match (cash.signum(), zh) {
        (0, true) => "节约资金相同".to_string(),
        (0, false) => "saves the same cash".to_string(),
        (1, true) => format!("多节约资金{amount}"),
        (_, true) => format!("少节约资金{amount}"),
        (1, false) => format!("saves {amount} more a year"),
        (_, false) => format!("saves {amount} less a year"),
    };
    match zh {
        true => format!("{name}{shut}，{hours}，{cash}"),
        false => format!("{name} {shut}, {hours} and {cash}"),
    }
}
