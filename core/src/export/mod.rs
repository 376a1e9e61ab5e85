//! What leaves the calculator: the results CSV, the summary paragraph to
//! copy into a report, and the template to fill in.
//!
//! The CSV is written for Excel and WPS as a township office has them: UTF-8
//! with a byte-order mark (without it Excel reads Chinese as GBK and shows
//! mojibake), CRLF line endings, and every cell that a spreadsheet would take
//! for a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`, as OWASP
//! recommends against CSV injection. An account list is pasted from anywhere,
//! so a name such as `=HYPERLINK("http://x")` must reach the export as text.
//!
//! Numbers in the CSV are plain decimals without digit grouping, so that a
//! spreadsheet in any locale reads them as numbers; money is in yuan with two
//! decimals. A range is written `low–high`, and a range whose ends agree as
//! one number. The summary paragraph, by contrast, is prose in the register
//! of an official report: hours and money in 万 in Chinese, as the article
//! writes them.
//!
//! ```
//! use jianfu_core::account::Account;
//! use jianfu_core::assumptions::Assumptions;
//! use jianfu_core::date::Date;
//! use jianfu_core::estimate::estimate;
//! use jianfu_core::plan::Plan;
//! use jianfu_core::export::{neutralise, results_csv, summary_paragraph};
//! use jianfu_core::lang::Lang;
//! use jianfu_core::num::{Num, Span};
//!
//! let mut quiet = Account::named(2, "某局发布");
//! quiet.followers = Span::point(Num::int(300)).into();
//! let as_of = Date::from_ymd(2019, 4, 19).unwrap();
//! let e = estimate(&[quiet], &Plan::new(Assumptions::default()), as_of);
//!
//! assert!(results_csv(&e, Lang::Zh).starts_with('\u{FEFF}'));
//! assert_eq!(neutralise("=1+1"), "'=1+1");
//! assert_eq!(
//!     summary_paragraph(&e, Lang::Zh),
//!     "经测算，现有政务公众号1个，拟关停1个。\
//!      每年可释放工作时间约208至468小时，折合0.1至0.2个全职岗位，\
//!      人工折算价值约1.25万至2.81万元。"
//! );
//! ```

use std::borrow::Cow;

use crate::account::{Field, Level};
use crate::assumptions::Assumption;
use crate::estimate::{AccountResult, Estimate, Summary};
use crate::fields;
use crate::figures;
use crate::lang::Lang;
use crate::num::{Num, Span};
use crate::records::Records;
use crate::rules::decision_label;

mod plans;

pub use plans::{comparison_paragraph, plans_csv, Named};

/// The per-account results, then a blank line and the summary, then a blank
/// line and the assumptions used, as a CSV file for Excel: UTF-8 with a BOM,
/// CRLF line endings, headers and words in `lang`, every cell neutralised
/// against formula injection.
pub fn results_csv(estimate: &Estimate, lang: Lang) -> String {
    write_plans(estimate, &[], lang)
}

/// The official-style summary paragraph of SPEC §5, to copy into a report:
/// how many accounts the plan closes and merges, the staff hours and full-time
/// posts it frees, the money it saves (with the outsourcing contracts it
/// ends), and the total with staff time valued. Clauses whose figure is zero
/// are left out rather than written as "0".
pub fn summary_paragraph(estimate: &Estimate, lang: Lang) -> String {
    match lang {
        Lang::Zh => paragraph_zh(&estimate.summary),
        Lang::En => paragraph_en(&estimate.summary),
    }
}

/// The template to download and fill in: the headers the importer
/// recognises (Chinese, or English for [`Lang::En`]) and two example rows,
/// a county bureau's account and a village's, as a CSV with a BOM.
pub fn template_csv(lang: Lang) -> String {
    write_template(lang)
}

/// A cell made safe to open in a spreadsheet: one that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel and WPS
/// show it as text instead of evaluating it (the OWASP recommendation for CSV
/// injection). Any other cell is returned as it is.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &str = "\u{FEFF}";

/// The template's example rows, in the order of [`Field::ALL`]: an
/// outsourced county bureau whose decision is left to the rules, and a
/// village account already marked for merging into its town's account. The
/// Chinese template gives the fee in 万元, as its header says.
const TEMPLATE_ROWS_ZH: [[&str; 16]; 2] = [
    [
        "清溪市场监管",
        "清溪县市场监督管理局",
        "县级部门",
        "微信公众号",
        "12500",
        "2~3",
        "2",
        "1",
        "外包",
        "8.5",
        "1200",
        "860",
        "2019-04-12",
        "有",
        "",
        "",
    ],
    [
        "青山村务",
        "青山镇青山村村民委员会",
        "村（社区）",
        "微信公众号",
        "320",
        "1",
        "1.5",
        "1",
        "兼职",
        "",
        "",
        "45",
        "2019-03-20",
        "有",
        "归并",
        "青山镇发布",
    ],
];

/// The same rows in English, with the fee in yuan.
const TEMPLATE_ROWS_EN: [[&str; 16]; 2] = [
    [
        "Qingxi Market Regulation",
        "Qingxi County Market Regulation Bureau",
        "county department",
        "WeChat",
        "12500",
        "2~3",
        "2",
        "1",
        "outsourced",
        "85000",
        "1200",
        "860",
        "2019-04-12",
        "yes",
        "",
        "",
    ],
    [
        "Qingshan Village Affairs",
        "Qingshan Village Committee, Qingshan Town",
        "village",
        "WeChat",
        "320",
        "1",
        "1.5",
        "1",
        "part-time",
        "",
        "",
        "45",
        "2019-03-20",
        "yes",
        "merge",
        "Qingshan Town News",
    ],
];

/// A CSV file being written: [`Records`] does the quoting, this adds the
/// BOM, blank lines between sections and the neutralising of cells.
struct Sheet {
    records: Records,
}

impl Sheet {
    /// An empty file that starts with the BOM.
    fn new() -> Sheet {
        let mut records = Records::new(b',', "\r\n");
        records.raw(BOM);
        Sheet { records }
    }

    /// Writes one record, every cell neutralised. The sections have
    /// different numbers of columns.
    fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for cell in cells {
            self.records.field(&neutralise(cell.as_ref()));
        }
        self.records.end();
    }

    /// Writes an empty line, between sections.
    fn blank(&mut self) {
        self.records.blank();
    }

    /// The file as text.
    fn finish(self) -> String {
        self.records.finish()
    }
}

/// The results of `estimate` (the current plan's), with for each of
/// `plans`, when there are several, its decision, rule, reason and the
/// account a merge joins after each account, and a section of every plan's
/// totals after the current plan's.
fn write_plans(estimate: &Estimate, plans: &[plans::Named], lang: Lang) -> String {
    let mut sheet = Sheet::new();
    let mut header: Vec<String> = account_headers(lang).map(String::from).to_vec();
    for (number, (name, _)) in plans.iter().enumerate() {
        let title = plans::plan_title(number, name, lang);
        for h in [
            lang.pick("处置", "Decision"),
            lang.pick("规则", "Rule"),
            lang.pick("理由", "Reason"),
            lang.pick("归并至", "Merges into"),
        ] {
            header.push(format!("{h}·{title}"));
        }
    }
    sheet.row(header);
    for (index, result) in estimate.accounts.iter().enumerate() {
        let mut cells = account_row(result, lang).to_vec();
        for (_, plan) in plans {
            if let Some(r) = plan.accounts.get(index) {
                cells.push(decision_label(r.decision, lang).to_string());
                cells.push(r.rule.label(lang).to_string());
                cells.push(r.reason().text(lang));
                cells.push(r.merge_into.clone());
            }
        }
        sheet.row(cells);
    }
    sheet.blank();
    sheet.row([lang.pick("汇总", "Summary"), lang.pick("数值", "Value")]);
    for (label, value) in summary_rows(estimate, lang) {
        sheet.row([label, value]);
    }
    if !plans.is_empty() {
        sheet.blank();
        plans::write_summaries(&mut sheet, plans, lang);
    }
    sheet.blank();
    sheet.row([
        lang.pick("测算假设", "Assumption"),
        lang.pick("取值", "Value"),
        lang.pick("来源", "Source"),
    ]);
    for assumption in Assumption::ALL {
        sheet.row([
            assumption.label(lang).to_string(),
            assumption_value(estimate, assumption, lang),
            assumption.source(lang).to_string(),
        ]);
    }
    sheet.finish()
}

fn account_headers(lang: Lang) -> [&'static str; 17] {
    match lang {
        Lang::Zh => [
            "行号",
            "公众号名称",
            "主办单位",
            "层级",
            "平台",
            "运营方式",
            "每周发布次数",
            "每期耗时（小时）",
            "年工时（小时）",
            "年费用（元）",
            "处置",
            "规则",
            "理由",
            "手动调整",
            "释放工时（小时/年）",
            "节约资金（元/年）",
            "采用假设的字段",
        ],
        Lang::En => [
            "Row",
            "Name",
            "Unit",
            "Level",
            "Platform",
            "Staffing",
            "Posts per week",
            "Hours per post",
            "Hours per year",
            "Cash per year (yuan)",
            "Decision",
            "Rule",
            "Reason",
            "Overridden",
            "Hours freed per year",
            "Cash saved per year (yuan)",
            "Assumed fields",
        ],
    }
}

fn account_row(result: &AccountResult, lang: Lang) -> [String; 17] {
    let figures = &result.figures;
    let mut level = result.level.label(lang).to_string();
    if result.level_inferred {
        level.push_str(lang.pick("（推断）", " (inferred)"));
    }
    let staffing = result.staffing.map_or("", |s| s.label(lang));
    let overridden = if result.overridden {
        lang.pick("是", "yes")
    } else {
        ""
    };
    let assumed: Vec<&str> = result
        .assumed
        .iter()
        .map(|&field| fields::label(field, lang))
        .collect();
    [
        result.row.to_string(),
        result.name.to_string(),
        result.unit.to_string(),
        level,
        result.platform.label(lang).to_string(),
        staffing.to_string(),
        span_text(figures.posts_per_week, plain),
        span_text(figures.hours_per_post, plain),
        span_text(figures.hours, plain),
        span_text(figures.cash, yuan),
        decision_label(result.decision, lang).to_string(),
        result.rule.label(lang).to_string(),
        result.reason().text(lang),
        overridden.to_string(),
        span_text(result.hours_freed, plain),
        span_text(result.cash_saved, yuan),
        assumed.join(lang.pick("、", "; ")),
    ]
}

/// The summary section: one `label, value` row per headline figure, then
/// the accounts of each level before and after. Ranges are split into a low
/// and a high row so that each cell is a number.
fn summary_rows(estimate: &Estimate, lang: Lang) -> Vec<(String, String)> {
    let s = &estimate.summary;
    let zh = lang == Lang::Zh;
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut row = |zh_label: &str, en_label: &str, value: String| {
        rows.push((lang.pick(zh_label, en_label).to_string(), value));
    };
    row("测算基准日", "As of", estimate.as_of.to_string());
    row(
        "账号总数",
        "Accounts in the list",
        s.accounts_total.to_string(),
    );
    row(
        "关停、归并账号数",
        "Accounts closed or merged",
        s.accounts_shut.to_string(),
    );
    row(
        "其中：关停",
        "of which closed",
        s.accounts_closed.to_string(),
    );
    row(
        "其中：归并",
        "of which merged",
        s.accounts_merged.to_string(),
    );
    row("保留账号数", "Accounts kept", s.accounts_kept.to_string());
    row(
        "释放工时下限（小时/年）",
        "Hours freed per year, low",
        plain(s.hours_freed.low),
    );
    row(
        "释放工时上限（小时/年）",
        "Hours freed per year, high",
        plain(s.hours_freed.high),
    );
    row(
        "折合全职岗位下限",
        "Full-time posts freed, low",
        plain(s.fte_freed.low),
    );
    row(
        "折合全职岗位上限",
        "Full-time posts freed, high",
        plain(s.fte_freed.high),
    );
    row(
        "节约资金（元/年）",
        "Cash saved per year (yuan)",
        span_text(s.cash_saved, yuan),
    );
    row(
        "人工折算价值下限（元/年）",
        "Staff time value per year, low (yuan)",
        yuan(s.staff_value.low),
    );
    row(
        "人工折算价值上限（元/年）",
        "Staff time value per year, high (yuan)",
        yuan(s.staff_value.high),
    );
    row(
        "合计价值下限（元/年）",
        "Total value per year, low (yuan)",
        yuan(s.total_value.low),
    );
    row(
        "合计价值上限（元/年）",
        "Total value per year, high (yuan)",
        yuan(s.total_value.high),
    );
    row(
        "终止外包合同数",
        "Outsourcing contracts ended",
        s.outsourcing_ended.count.to_string(),
    );
    row(
        "终止外包合同费用（元/年）",
        "Fees of outsourcing contracts ended per year (yuan)",
        span_text(s.outsourcing_ended.fees, yuan),
    );
    for level in Level::ALL {
        let totals = s.by_level.get(level);
        let name = level.label(lang);
        for (when_zh, when_en, count) in [
            ("调整前", "before", totals.before),
            ("调整后", "after", totals.after),
        ] {
            let label = if zh {
                format!("{name}账号数（{when_zh}）")
            } else {
                format!("{name}: accounts {when_en}")
            };
            rows.push((label, count.to_string()));
        }
    }
    rows
}

/// An assumption's value with its unit, as the assumptions panel shows it.
fn assumption_value(estimate: &Estimate, assumption: Assumption, lang: Lang) -> String {
    let Some(span) = estimate.assumptions.get(assumption) else {
        return estimate.as_of.to_string();
    };
    if assumption == Assumption::MergeShare {
        return figures::percent_span(span, lang);
    }
    let number = figures::number_span(span, 2, lang);
    match lang {
        Lang::Zh => format!("{number}{}", assumption.unit(lang)),
        Lang::En => format!("{number} {}", assumption.unit(lang)),
    }
}

fn write_template(lang: Lang) -> String {
    let mut sheet = Sheet::new();
    sheet.row(Field::ALL.map(|field| template_header(field, lang)));
    let rows = match lang {
        Lang::Zh => &TEMPLATE_ROWS_ZH,
        Lang::En => &TEMPLATE_ROWS_EN,
    };
    for row in rows {
        sheet.row(row);
    }
    sheet.finish()
}

/// A template header: the field's name as SPEC §2 lists it, with the unit
/// of the money and hours columns, which the importer reads back.
fn template_header(field: Field, lang: Lang) -> &'static str {
    let (zh, en) = match field {
        Field::Name => ("公众号名称", "Name"),
        Field::Unit => ("主办单位", "Unit"),
        Field::Level => ("层级", "Level"),
        Field::Platform => ("平台", "Platform"),
        Field::Followers => ("粉丝数", "Followers"),
        Field::PostsPerWeek => ("每周发布次数", "Posts per week"),
        Field::HoursPerPost => ("每期耗时（小时）", "Hours per post"),
        Field::Staff => ("运营人数", "Staff"),
        Field::Staffing => ("运营方式", "Staffing"),
        Field::OutsourcingFee => ("外包费用（万元）", "Outsourcing fee (yuan)"),
        Field::OtherCost => ("其他费用（元）", "Other cost (yuan)"),
        Field::AvgReads => ("篇均阅读", "Avg reads"),
        Field::LastPost => ("最近更新", "Last post"),
        Field::Interaction => ("互动功能", "Interaction"),
        Field::Decision => ("处置意见", "Decision"),
        Field::MergeInto => ("归并至", "Merge into"),
    };
    lang.pick(zh, en)
}

fn paragraph_zh(s: &Summary) -> String {
    if s.accounts_total == 0 {
        return "清单中暂无公众号，尚无测算结果。".to_string();
    }
    let mut text = format!("经测算，现有政务公众号{}个，", s.accounts_total);
    if s.accounts_shut == 0 {
        text.push_str("暂无拟关停、归并的账号。");
        return text;
    }
    text.push_str(&match (s.accounts_closed, s.accounts_merged) {
        (closed, 0) => format!("拟关停{closed}个"),
        (0, merged) => format!("拟归并{merged}个"),
        (closed, merged) => format!(
            "拟关停、归并{}个（关停{closed}个、归并{merged}个）",
            s.accounts_shut
        ),
    });
    if s.accounts_kept > 0 {
        text.push_str(&format!("，保留{}个", s.accounts_kept));
    }
    text.push('。');

    let mut clauses: Vec<String> = Vec::new();
    if let Some(hours) = zh_range(s.hours_freed, |h| figures::large_number(h, Lang::Zh)) {
        clauses.push(format!("每年可释放工作时间约{hours}小时"));
        let fte = zh_range(s.fte_freed, |n| figures::number(n, 1, Lang::Zh));
        if let Some(fte) = fte {
            clauses.push(format!("折合{fte}个全职岗位"));
        }
    }
    let contracts = &s.outsourcing_ended;
    let ended = match zh_range(contracts.fees, zh_wan) {
        _ if contracts.count == 0 => None,
        Some(fees) => Some(format!("终止外包合同{}个、{fees}元", contracts.count)),
        None => Some(format!("终止外包合同{}个", contracts.count)),
    };
    let staff_value = zh_range(s.staff_value, zh_wan);
    match zh_range(s.cash_saved, zh_wan) {
        Some(cash) => {
            let detail = ended.map(|e| format!("（其中{e}）")).unwrap_or_default();
            clauses.push(format!("节约资金{cash}元{detail}"));
            if staff_value.is_some() {
                if let Some(total) = zh_range(s.total_value, zh_wan) {
                    clauses.push(format!("连同人工折算合计约{total}元"));
                }
            }
        }
        None => {
            clauses.extend(ended);
            if let Some(value) = staff_value {
                clauses.push(format!("人工折算价值约{value}元"));
            }
        }
    }
    if !clauses.is_empty() {
        text.push_str(&clauses.join("，"));
        text.push('。');
    }
    text
}

fn paragraph_en(s: &Summary) -> String {
    if s.accounts_total == 0 {
        return "The list has no accounts yet, so there is nothing to estimate.".to_string();
    }
    if s.accounts_shut == 0 {
        return format!(
            "By this estimate, no account is closed or merged ({} kept).",
            counted(s.accounts_total, "account", "accounts")
        );
    }
    let verb = match (s.accounts_closed, s.accounts_merged) {
        (_, 0) => "closing",
        (0, _) => "merging",
        _ => "closing or merging",
    };
    let mut text = format!(
        "By this estimate, {verb} {} of {}",
        s.accounts_shut,
        counted(s.accounts_total, "account", "accounts")
    );
    let mut split = Vec::new();
    if s.accounts_closed > 0 && s.accounts_merged > 0 {
        split.push(format!(
            "{} closed, {} merged",
            s.accounts_closed, s.accounts_merged
        ));
    }
    if s.accounts_kept > 0 {
        split.push(format!("{} kept", s.accounts_kept));
    }
    if !split.is_empty() {
        text.push_str(&format!(" ({})", split.join("; ")));
    }

    let mut does: Vec<String> = Vec::new();
    if let Some(hours) = en_range(s.hours_freed, |n| figures::number(n, 0, Lang::En)) {
        let mut clause = format!(
            "frees about {hours} staff {} a year",
            plural(&hours, "hour", "hours")
        );
        if let Some(fte) = en_range(s.fte_freed, |n| figures::number(n, 1, Lang::En)) {
            let posts = plural(&fte, "post", "posts");
            clause.push_str(&format!(" ({fte} full-time {posts})"));
        }
        does.push(clause);
    }
    let contracts = &s.outsourcing_ended;
    let contracts_text = counted(
        contracts.count,
        "outsourcing contract",
        "outsourcing contracts",
    );
    let cash = en_range(s.cash_saved, |n| figures::money(n, Lang::En));
    let staff_value = en_range(s.staff_value, |n| figures::money(n, Lang::En));
    let has_cash = cash.is_some();
    match cash {
        Some(cash) => {
            let mut clause = format!("saves {cash} a year in cash");
            if contracts.count > 0 {
                match en_range(contracts.fees, |n| figures::money(n, Lang::En)) {
                    Some(fees) => clause
                        .push_str(&format!(" (including {fees} from ending {contracts_text})")),
                    None => clause.push_str(&format!(" (ending {contracts_text})")),
                }
            }
            does.push(clause);
        }
        None if contracts.count > 0 => does.push(format!("ends {contracts_text}")),
        None => {}
    }
    text.push(' ');
    text.push_str(&match does.as_slice() {
        [] => "frees no measurable staff time or cash".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    });
    text.push('.');

    match (has_cash, staff_value) {
        (true, Some(_)) => {
            if let Some(total) = en_range(s.total_value, |n| figures::money(n, Lang::En)) {
                text.push_str(&format!(
                    " Counting staff time as well, the total is about {total} a year."
                ));
            }
        }
        (false, Some(value)) => text.push_str(&format!(
            " Valued at the staff cost per hour, the time freed is worth about {value} a year."
        )),
        (_, None) => {}
    }
    text
}

/// A Chinese range `"A至B"`, or one value when the ends agree once
/// formatted; `None` when the high end is zero once formatted.
fn zh_range(span: Span, show: impl Fn(Num) -> String) -> Option<String> {
    range(span, show, "至")
}

/// An English range `"A–B"`, as [`zh_range`].
fn en_range(span: Span, show: impl Fn(Num) -> String) -> Option<String> {
    range(span, show, "–")
}

fn range(span: Span, show: impl Fn(Num) -> String, separator: &str) -> Option<String> {
    let (low, high) = (show(span.low), show(span.high));
    // Zero as it would be written, so that 0.04 full-time posts, shown as
    // "0", is left out like a true zero.
    if high == show(Num::ZERO) {
        return None;
    }
    if low == high {
        Some(low)
    } else {
        Some(format!("{low}{separator}{high}"))
    }
}

/// An amount in 万 with two decimals, without its unit: `5.08万`.
fn zh_wan(value: Num) -> String {
    format!("{}万", figures::fixed(value / Num::int(10_000), 2))
}

/// `"3 accounts"`, `"1 account"`.
fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The singular when a written number is exactly one.
fn plural<'a>(number: &str, one: &'a str, many: &'a str) -> &'a str {
    if number == "1" {
        one
    } else {
        many
    }
}

/// A range for a CSV cell: `"208–468"`, or one value when the ends agree
/// once formatted.
fn span_text(span: Span, show: fn(Num) -> String) -> String {
    let (low, high) = (show(span.low), show(span.high));
    if low == high {
        low
    } else {
        format!("{low}–{high}")
    }
}

/// A number for a CSV cell: rounded to two decimals, trailing zeros
/// dropped, no digit grouping (`72.8`, `208`).
fn plain(value: Num) -> String {
    Num::ratio(value.round_scaled(2), 100)
        .unwrap_or_default()
        .to_string()
}

/// Yuan for a CSV cell: always two decimals, no grouping (`50800.00`).
fn yuan(value: Num) -> String {
    figures::fixed(value, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formula_starts() {
        for (cell, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
        ] {
            assert_eq!(neutralise(cell), safe);
            assert!(matches!(neutralise(cell), Cow::Owned(_)));
        }
    }

    #[test]
    fn leaves_other_cells_alone() {
        for cell in [
            "",
            "长兴发布",
            "1=1",
            " =1",
            "'=1",
            "2–3",
            "a-b",
            "＝1",
            "\n=1",
        ] {
            assert_eq!(neutralise(cell), cell);
            assert!(matches!(neutralise(cell), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn fixed_keeps_every_decimal() {
        let n = |text| Num::parse_decimal(text).unwrap();
        assert_eq!(plain(n("72.80")), "72.8");
        assert_eq!(plain(Num::int(2) / Num::int(3)), "0.67");
        assert_eq!(plain(Num::int(123_456)), "123456");
    }

    #[test]
    fn template_headers_are_recognised_by_the_importer() {
        for lang in [Lang::Zh, Lang::En] {
            for field in Field::ALL {
                let header = template_header(field, lang);
                assert_eq!(
                    fields::classify(header).role,
                    fields::Role::Field(field),
                    "{header}"
                );
            }
        }
        // The Chinese fee column is in 万元.
        let fee = fields::classify(template_header(Field::OutsourcingFee, Lang::Zh));
        assert_eq!(fee.unit.multiplier, Some(Num::int(10_000)));
    }
}
