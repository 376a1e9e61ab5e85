//! Each [`Problem`] as a sentence in Chinese and in English: where it is,
//! the value, what was expected, and what was done or assumed.

use crate::account::{Bound, Field, Level};
use crate::date::Meaning;
use crate::diagnostic::{shorten_to, Diagnostic, Expected, Problem, RowList};
use crate::fields::label;
use crate::figures::{count, number};
use crate::lang::Lang;
use crate::values::Fault;

/// The most ranges of a [`RowList`] a sentence names; the rest are counted.
const SHOWN_RANGES: usize = 8;

/// The diagnostic as a sentence in `lang`.
pub(super) fn sentence(d: &Diagnostic, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh(d),
        Lang::En => en(d),
    }
}

/// Where the diagnostic is, as a sentence starts with it: 第5行, 第5行「粉丝数」列,
/// or for many rows 第5–8、12行「主办单位」列.
fn place(d: &Diagnostic, lang: Lang) -> String {
    let rows = match (d.problem.rows(), d.row()) {
        (Some(rows), _) => rows_text(rows, lang),
        (None, Some(row)) => match lang {
            Lang::Zh => format!("第{row}行"),
            Lang::En => format!("Row {row}"),
        },
        (None, None) => String::new(),
    };
    match (d.column(), lang) {
        (Some(column), Lang::Zh) => format!("{rows}「{column}」列"),
        (Some(column), Lang::En) => format!("{rows}, column “{column}”"),
        (None, _) => rows,
    }
}

/// `第5–8、12行` / `Rows 5–8, 12`, with at most [`SHOWN_RANGES`] ranges.
fn rows_text(rows: &RowList, lang: Lang) -> String {
    let ranges = rows.ranges();
    let shown: Vec<String> = ranges
        .iter()
        .take(SHOWN_RANGES)
        .map(|&(first, last)| match last - first {
            0 => first.to_string(),
            _ => format!("{first}–{last}"),
        })
        .collect();
    let hidden: usize = ranges
        .iter()
        .skip(SHOWN_RANGES)
        .map(|(first, last)| last - first + 1)
        .sum();
    match lang {
        Lang::Zh => {
            let more = if hidden > 0 {
                format!("等共{}行", count(rows.len(), lang))
            } else {
                String::new()
            };
            format!("第{}行{more}", shown.join("、"))
        }
        Lang::En => {
            let word = if rows.len() == 1 { "Row" } else { "Rows" };
            let more = if hidden > 0 {
                format!(" and {} more", count(hidden, lang))
            } else {
                String::new()
            };
            format!("{word} {}{more}", shown.join(", "))
        }
    }
}

fn zh(d: &Diagnostic) -> String {
    let row = d.row().unwrap_or(0);
    let value = &d.value;
    let cell = place(d, Lang::Zh);
    match &d.problem {
        Problem::NoHeader => {
            let fields = [Field::Name, Field::Unit, Field::Level, Field::Followers]
                .map(|f| label(f, Lang::Zh))
                .join("、");
            format!(
                "没有找到表头行：第一行应是列名，如“{fields}”，其中“名称”必填。请在数据上方加一行表头（可参照模板）。"
            )
        }
        Problem::NoNameColumn { found } => format!(
            "第{row}行是表头，但没有账号名称列。找到的列：{}。需要一列名为“名称”“公众号名称”或“账号名称”（也可用 name、account）。",
            list(found, "、", "（无）")
        ),
        Problem::TitleRow => format!("第{row}行“{value}”在表头之上，视为标题，已跳过。"),
        Problem::GroupRow => {
            format!("第{row}行“{value}”是表头上方的分组标题，已跳过；其下一行作为表头读取。")
        }
        Problem::HeaderFromAbove { names } => format!(
            "第{row}行表头中的空白列名取自上一行（合并的表头）：{}。",
            list(names, "、", "（无）")
        ),
        Problem::DuplicateColumn { field, kept } => format!(
            "{cell}与「{kept}」列都表示“{}”，只使用「{kept}」列。",
            label(*field, Lang::Zh)
        ),
        Problem::Cell {
            field,
            expected,
            fault,
        } => {
            let what = match fault {
                Fault::Unreadable => "无法识别",
                Fault::Negative => "是负数",
                Fault::TooLarge => "数值过大（超过1万亿）",
                Fault::Formula => "是公式，文件中没有它的计算结果（请在 Excel 或 WPS 中打开、保存后再上传）",
            };
            format!(
                "{cell}的“{value}”{what}：应为{}。{}",
                expected_zh(*expected),
                consequence(*field, Lang::Zh)
            )
        }
        Problem::TotalsRow => format!("第{row}行“{value}”是合计行，不计入账号。"),
        Problem::NoteRow => format!("第{row}行“{value}”是说明文字，不计入账号。"),
        Problem::Heading { level } => match level {
            Some(level) => format!(
                "第{row}行“{value}”是分组标题，不计入账号；其下账号按“{}”计（本行层级另有填写的除外）。",
                level.label(Lang::Zh)
            ),
            None => format!("第{row}行“{value}”是分组标题，不计入账号。"),
        },
        Problem::HeadingCount { stated, found } => format!(
            "第{row}行标题“{value}”写明{stated}个，其下读到{found}个账号，请核对。"
        ),
        Problem::MissingName { placeholder } => format!(
            "第{row}行有数据但没有填写账号名称，已保留并暂称“{placeholder}”。请补上名称。"
        ),
        Problem::NoAccountData => format!(
            "{cell}有内容“{value}”，但这一行没有账号名称，也没有可识别的账号数据，未计入。"
        ),
        Problem::DuplicateName { first_row } => format!(
            "{cell}的账号名称“{value}”与第{first_row}行重复（同一平台）；两行都已计入，请核对。"
        ),
        Problem::ExtraCells { count } => {
            format!("第{row}行比表头多出{count}个有内容的单元格（如“{value}”），已忽略。")
        }
        Problem::UnclosedQuote { lines } => format!(
            "{cell}有一个没有闭合的引号，其后{}行都被读进了这一格（“{value}”）。请检查该单元格。",
            count(*lines, Lang::Zh)
        ),
        Problem::Blank { lines } => format!(
            "粘贴的内容只有空行或空白（{}行），没有可读的账号。",
            count(*lines, Lang::Zh)
        ),
        Problem::TooManyRows {
            limit,
            first_row,
            cut,
        } => format!(
            "清单超过{limit}个账号的上限：只计算了前{limit}个，从第{first_row}行起的{cut}行未计入。请分批测算。",
            limit = count(*limit, Lang::Zh),
            cut = count(*cut, Lang::Zh)
        ),
        Problem::Filled { merged: true, .. } => {
            format!("{cell}是合并单元格，已按合并的值“{value}”填充。")
        }
        Problem::Filled { merged: false, .. } => format!(
            "{cell}为空，按合并单元格填充：取上方的值（如“{value}”）。如不是合并单元格，请补填。"
        ),
        Problem::MergedOnce { first, .. } => format!(
            "{cell}与第{first}行是一个合并单元格，金额、人数等只在第{first}行计入一次。"
        ),
        Problem::Bounded {
            field,
            bound,
            value: n,
            ..
        } => {
            let n = number(*n, 2, Lang::Zh);
            let side = match bound {
                Bound::Below => format!("低于{n}"),
                Bound::Above => format!("不低于{n}"),
            };
            let how = match field {
                Field::Followers => "与粉丝数阈值比较时按此判断".to_string(),
                _ => format!("计算时按{n}计"),
            };
            format!("{cell}的“{value}”读作{side}：{how}。")
        }
        Problem::NoYear { year, rows } => {
            let such = if rows.len() > 1 { "等" } else { "" };
            format!(
                "{cell}的“{value}”{such}没有写年份，按{year}年计（测算基准日当天或之前最近的这一天）。"
            )
        }
        Problem::DateWords { meaning, days, .. } => match meaning {
            Meaning::Stopped => format!("{cell}的“{value}”读作已停止更新，按长期未更新处理。"),
            Meaning::On(date) => format!("{cell}的“{value}”读作{date}（测算基准日前{days}天）。"),
            Meaning::NotSince(date) => {
                format!("{cell}的“{value}”读作{date}之后没有更新（至少{days}天未更新）。")
            }
        },
        Problem::PlatformInName { platform, .. } => format!(
            "{cell}名称后括号中的“{value}”读作平台“{}”，名称不含该括号。",
            platform.label(Lang::Zh)
        ),
        Problem::PlatformNotLevel { platform, .. } => format!(
            "{cell}的“{value}”是平台，不是层级：按“{}”计，层级另行判断。",
            platform.label(Lang::Zh)
        ),
        Problem::LevelNotPlatform { level, .. } => format!(
            "{cell}的“{value}”是层级，不是平台：按“{}”计。",
            level.label(Lang::Zh)
        ),
        Problem::HiddenRows { .. } => format!("{cell}在工作簿中是隐藏行，已照常读入。"),
        Problem::UnknownPlatform { .. } => {
            format!("{cell}的“{value}”不是已知的平台，按“其他平台”计。")
        }
        Problem::Implausible { field, limit } => format!(
            "{cell}的“{value}”大得不合常理（“{}”一般不超过{}）：已按所填计算，请核对。",
            label(*field, Lang::Zh),
            number(*limit, 0, Lang::Zh)
        ),
        Problem::Approximated { .. } => {
            format!("{cell}的数值过大，超出精确计算的范围，结果为近似值，请核对这些数值。")
        }
        Problem::TotalsApproximated => {
            "合计过大，超出精确计算的范围，为近似值；请核对数值过大的行。".to_string()
        }
    }
}

fn en(d: &Diagnostic) -> String {
    let row = d.row().unwrap_or(0);
    let value = &d.value;
    let cell = place(d, Lang::En);
    match &d.problem {
        Problem::NoHeader => "No header row found: the first row should name the columns, \
             e.g. “名称 (name), 主办单位 (unit), 层级 (level), 粉丝数 (followers)”; \
             only the name is required. Add a header row above the data (see the template)."
            .to_string(),
        Problem::NoNameColumn { found } => format!(
            "Row {row} is the header, but no column holds the account name. Columns found: {}. \
             One column must be headed 名称, 公众号名称 or 账号名称 (or name, account).",
            list(found, ", ", "(none)")
        ),
        Problem::TitleRow => {
            format!("Row {row} (“{value}”) is above the header; read as a title and skipped.")
        }
        Problem::GroupRow => format!(
            "Row {row} (“{value}”) holds group headings above the header; skipped, and the row \
             below it is read as the header."
        ),
        Problem::HeaderFromAbove { names } => format!(
            "Row {row}: blank header cells take the names above them (a merged header): {}.",
            list(names, ", ", "(none)")
        ),
        Problem::DuplicateColumn { field, kept } => format!(
            "{cell} means the same as column “{kept}” ({}); only “{kept}” is used.",
            label(*field, Lang::En)
        ),
        Problem::Cell {
            field,
            expected,
            fault,
        } => {
            let what = match fault {
                Fault::Unreadable => format!("could not read “{value}”"),
                Fault::Negative => format!("“{value}” is negative"),
                Fault::TooLarge => format!("“{value}” is too large (over a trillion)"),
                Fault::Formula => format!(
                    "“{value}” is a formula whose result the file does not hold (open and save it in Excel or WPS, then upload it again)"
                ),
            };
            format!(
                "{cell}: {what}; expected {}. {}",
                expected_en(*expected),
                consequence(*field, Lang::En)
            )
        }
        Problem::TotalsRow => {
            format!("Row {row} (“{value}”) is a totals row and is not counted as an account.")
        }
        Problem::NoteRow => {
            format!("Row {row} (“{value}”) is a note and is not counted as an account.")
        }
        Problem::Heading { level } => match level {
            Some(level) => format!(
                "Row {row} (“{value}”) is a section heading, not an account; the accounts below \
                 it are counted as {} unless their own level cell says otherwise.",
                level_words(*level)
            ),
            None => format!("Row {row} (“{value}”) is a section heading, not an account."),
        },
        Problem::HeadingCount { stated, found } => format!(
            "Row {row}: the heading “{value}” says {stated}, but {found} accounts were read \
             below it; please check."
        ),
        Problem::MissingName { placeholder } => format!(
            "Row {row} has data but no account name; it is kept as “{placeholder}”. \
             Please add the name."
        ),
        Problem::NoAccountData => format!(
            "{cell} holds “{value}”, but the row has no account name and no account data \
             the calculator reads; it is not counted."
        ),
        Problem::DuplicateName { first_row } => format!(
            "{cell}: the name “{value}” repeats row {first_row} on the same platform; both rows \
             are counted, please check."
        ),
        Problem::ExtraCells { count } => format!(
            "Row {row} has {count} non-empty cells beyond the header (e.g. “{value}”); \
             they are ignored."
        ),
        Problem::UnclosedQuote { lines } => format!(
            "{cell} opens a quote that is never closed, so the {} lines after it were read \
             into this one cell (“{value}”). Please check that cell.",
            count(*lines, Lang::En)
        ),
        Problem::Blank { lines } => format!(
            "The input holds only blank lines or spaces ({} lines); there is no account to read.",
            count(*lines, Lang::En)
        ),
        Problem::TooManyRows {
            limit,
            first_row,
            cut,
        } => format!(
            "The list is over the limit of {limit} accounts: only the first {limit} are \
             counted; {cut} rows from row {first_row} on are not. Please split the list.",
            limit = count(*limit, Lang::En),
            cut = count(*cut, Lang::En)
        ),
        Problem::Filled { merged: true, .. } => {
            format!("{cell}: a merged cell, filled with its value “{value}”.")
        }
        Problem::Filled { merged: false, .. } => format!(
            "{cell}: empty, read as a merged cell and filled with the value above (e.g. \
             “{value}”). If it is not merged, please fill it in."
        ),
        Problem::MergedOnce { first, .. } => format!(
            "{cell}: one merged cell with row {first}; amounts and counts are \
             counted once, on row {first}."
        ),
        Problem::Bounded {
            field,
            bound,
            value: n,
            ..
        } => {
            let n = number(*n, 2, Lang::En);
            let side = match bound {
                Bound::Below => format!("below {n}"),
                Bound::Above => format!("at least {n}"),
            };
            let how = match field {
                Field::Followers => "the followers threshold is compared with that".to_string(),
                _ => format!("sums count it as {n}"),
            };
            format!("{cell}: “{value}” is read as {side}; {how}.")
        }
        Problem::NoYear { year, rows } => {
            let such = if rows.len() > 1 { " and the like" } else { "" };
            let have = if rows.len() > 1 { "have" } else { "has" };
            format!(
                "{cell}: “{value}”{such} {have} no year; read as {year} (the latest such day \
                 on or before the as-of date)."
            )
        }
        Problem::DateWords { meaning, days, .. } => match meaning {
            Meaning::Stopped => {
                format!("{cell}: “{value}” is read as stopped posting, and counted as dormant.")
            }
            Meaning::On(date) => {
                format!("{cell}: “{value}” is read as {date} ({days} days before the as-of date).")
            }
            Meaning::NotSince(date) => {
                format!("{cell}: “{value}” is read as no post after {date} (at least {days} days).")
            }
        },
        Problem::PlatformInName { platform, .. } => format!(
            "{cell}: “{value}” after the name is read as the platform {}; the name is kept \
             without it.",
            platform.label(Lang::En)
        ),
        Problem::PlatformNotLevel { platform, .. } => format!(
            "{cell}: “{value}” is a platform, not a level: read as {}, and the level is found \
             otherwise.",
            platform.label(Lang::En)
        ),
        Problem::LevelNotPlatform { level, .. } => format!(
            "{cell}: “{value}” is a level, not a platform: read as {}.",
            level_words(*level)
        ),
        Problem::HiddenRows { .. } => {
            format!("{cell}: hidden in the workbook, and read like any other row.")
        }
        Problem::UnknownPlatform { .. } => {
            format!("{cell}: “{value}” is not a platform the calculator knows; counted as other.")
        }
        Problem::Implausible { field, limit } => format!(
            "{cell}: “{value}” is implausibly large (“{}” is rarely above {}); it is used as \
             written, please check.",
            label(*field, Lang::En),
            number(*limit, 0, Lang::En)
        ),
        Problem::Approximated { .. } => format!(
            "{cell}: the figures are too large to work out exactly, and the results are \
             approximate; please check these values."
        ),
        Problem::TotalsApproximated => "The totals are too large to work out exactly and are \
             approximate; please check the rows with very large values."
            .to_string(),
    }
}

/// A level in the middle of an English sentence.
fn level_words(level: Level) -> &'static str {
    match level {
        Level::County => "county departments",
        Level::Township => "townships, streets and parks",
        Level::Village => "villages and communities",
    }
}

fn expected_zh(expected: Expected) -> &'static str {
    match expected {
        Expected::Count => "数字，如 1,234、1.2万 或 10万+",
        Expected::Money => "金额（元），如 20000、¥20,000 或 289.50万元",
        Expected::PostsPerWeek => "每周发布次数，如 2、2~3、日更 或 每月4次",
        Expected::Hours => "小时数，如 2、2~3 或 30分钟",
        Expected::Date => "日期，如 2019-03-01、2019/3/1、2019年3月1日、7月16日 或 已停更",
        Expected::Staffing => "兼职、专职 或 外包",
        Expected::Level => "县级部门、乡镇（街道）或 村（社区）",
        Expected::Decision => "保留、关停 或 归并",
        Expected::YesNo => "是 或 否",
        Expected::Interaction => "有 或 无（已开通、未开通、关闭）",
    }
}

fn expected_en(expected: Expected) -> &'static str {
    match expected {
        Expected::Count => "a number such as 1,234, 1.2万 or 10万+",
        Expected::Money => "an amount in yuan such as 20000, ¥20,000 or 289.50万元",
        Expected::PostsPerWeek => {
            "posts per week such as 2, 2~3, 日更 (daily) or 每月4次 (4 a month)"
        }
        Expected::Hours => "hours such as 2, 2~3 or 30分钟 (30 minutes)",
        Expected::Date => {
            "a date such as 2019-03-01, 2019/3/1, 2019年3月1日, 7月16日 or 已停更 (stopped)"
        }
        Expected::Staffing => "兼职 (part-time), 专职 (dedicated) or 外包 (outsourced)",
        Expected::Level => "县级部门 (county), 乡镇 (township) or 村/社区 (village)",
        Expected::Decision => "保留 (keep), 关停 (close) or 归并 (merge)",
        Expected::YesNo => "是 (yes) or 否 (no)",
        Expected::Interaction => "有 (working) or 无 (none: 未开通, 关闭)",
    }
}

/// What happens to an unreadable cell, which depends on its field.
fn consequence(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::PostsPerWeek | Field::HoursPerPost => lang.pick(
            "已按缺失处理，使用默认假设。",
            "Treated as missing: the default assumption applies.",
        ),
        Field::Level => lang.pick(
            "已按缺失处理，层级根据名称和单位推断。",
            "Treated as missing: the level is inferred from the name and unit.",
        ),
        Field::Decision => lang.pick(
            "已按缺失处理，由测算规则给出建议。",
            "Treated as missing: the rules recommend a decision.",
        ),
        Field::OutsourcingFee | Field::OtherCost => lang.pick(
            "已按缺失处理（计为0元）。",
            "Treated as missing (counted as 0 yuan).",
        ),
        _ => lang.pick("已按缺失处理。", "Treated as missing."),
    }
}

fn list(items: &[String], separator: &str, none: &str) -> String {
    if items.is_empty() {
        return none.to_string();
    }
    items
        .iter()
        .map(|item| shorten_to(item, 40))
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Platform;
    use crate::date::Date;
    use crate::diagnostic::Location;
    use crate::num::Num;

    #[test]
    fn messages_name_row_column_value_and_expectation() {
        let d = Diagnostic::new(
            Location::cell(5, "粉丝数"),
            "很多",
            Problem::Cell {
                field: Field::Followers,
                expected: Expected::Count,
                fault: Fault::Unreadable,
            },
        );
        assert_eq!(
            d.message(Lang::En),
            "Row 5, column “粉丝数”: could not read “很多”; expected a number such as 1,234, \
             1.2万 or 10万+. Treated as missing."
        );
        let d = Diagnostic::new(
            Location::cell(7, "每周发布次数"),
            "经常",
            Problem::Cell {
                field: Field::PostsPerWeek,
                expected: Expected::PostsPerWeek,
                fault: Fault::Negative,
            },
        );
        assert!(d.message(Lang::Zh).contains("是负数"));
        assert!(d.message(Lang::Zh).contains("使用默认假设"));
    }

    #[test]
    fn notices_about_many_rows_list_them() {
        let mut rows = RowList::of(5);
        [6, 7, 8, 12].into_iter().for_each(|row| rows.push(row));
        let d = Diagnostic::new(
            Location::cell(5, "主办单位"),
            "县公安局",
            Problem::Filled {
                field: Field::Unit,
                rows,
                merged: true,
            },
        );
        assert_eq!(
            d.message(Lang::Zh),
            "第5–8、12行「主办单位」列是合并单元格，已按合并的值“县公安局”填充。"
        );
        assert_eq!(
            d.message(Lang::En),
            "Rows 5–8, 12, column “主办单位”: a merged cell, filled with its value “县公安局”."
        );
        // Past eight ranges, the rest are counted: rows 2, 4, …, 20 are ten
        // ranges, of which 18 and 20 are not named.
        let mut rows = RowList::of(2);
        (4..=20).step_by(2).for_each(|row| rows.push(row));
        assert_eq!(
            rows_text(&rows, Lang::Zh),
            "第2、4、6、8、10、12、14、16行等共10行"
        );
        assert_eq!(
            rows_text(&rows, Lang::En),
            "Rows 2, 4, 6, 8, 10, 12, 14, 16 and 2 more"
        );
        assert_eq!(rows_text(&RowList::of(3), Lang::En), "Row 3");
    }

    #[test]
    fn every_problem_has_both_messages() {
        let rows = RowList::of(9);
        let day = Date::from_ymd(2019, 3, 20).unwrap();
        let problems = [
            Problem::NoHeader,
            Problem::NoNameColumn {
                found: vec!["粉丝数".into()],
            },
            Problem::TitleRow,
            Problem::GroupRow,
            Problem::HeaderFromAbove {
                names: vec!["名称".into()],
            },
            Problem::DuplicateColumn {
                field: Field::Name,
                kept: "名称".into(),
            },
            Problem::Cell {
                field: Field::Staff,
                expected: Expected::Count,
                fault: Fault::TooLarge,
            },
            Problem::Cell {
                field: Field::OutsourcingFee,
                expected: Expected::Money,
                fault: Fault::Formula,
            },
            Problem::TotalsRow,
            Problem::NoteRow,
            Problem::Heading {
                level: Some(Level::Village),
            },
            Problem::Heading { level: None },
            Problem::HeadingCount {
                stated: 3,
                found: 4,
            },
            Problem::MissingName {
                placeholder: "（第7行，无名称）".into(),
            },
            Problem::NoAccountData,
            Problem::DuplicateName { first_row: 3 },
            Problem::ExtraCells { count: 2 },
            Problem::UnclosedQuote { lines: 4 },
            Problem::Blank { lines: 1_000_000 },
            Problem::TooManyRows {
                limit: 200_000,
                first_row: 200_002,
                cut: 5,
            },
            Problem::Filled {
                field: Field::Level,
                rows: rows.clone(),
                merged: false,
            },
            Problem::MergedOnce {
                field: Field::OutsourcingFee,
                rows: rows.clone(),
                first: 8,
            },
            Problem::Bounded {
                field: Field::Followers,
                rows: rows.clone(),
                bound: Bound::Below,
                value: Num::int(1000),
            },
            Problem::Bounded {
                field: Field::OutsourcingFee,
                rows: rows.clone(),
                bound: Bound::Above,
                value: Num::int(50_000),
            },
            Problem::NoYear {
                rows: rows.clone(),
                year: 2018,
            },
            Problem::DateWords {
                rows: rows.clone(),
                meaning: Meaning::NotSince(day),
                days: 30,
            },
            Problem::DateWords {
                rows: rows.clone(),
                meaning: Meaning::Stopped,
                days: 0,
            },
            Problem::PlatformInName {
                rows: rows.clone(),
                platform: Platform::Weibo,
            },
            Problem::PlatformNotLevel {
                rows: rows.clone(),
                platform: Platform::Wechat,
            },
            Problem::LevelNotPlatform {
                rows: rows.clone(),
                level: Level::County,
            },
            Problem::UnknownPlatform { rows: rows.clone() },
            Problem::HiddenRows { rows: rows.clone() },
            Problem::Implausible {
                field: Field::HoursPerPost,
                limit: Num::int(24),
            },
            Problem::Approximated { rows },
            Problem::TotalsApproximated,
        ];
        for problem in problems {
            let whole = matches!(
                problem,
                Problem::NoHeader
                    | Problem::Blank { .. }
                    | Problem::TooManyRows { .. }
                    | Problem::TotalsApproximated
            );
            let location = if whole {
                Location::Input
            } else {
                Location::cell(9, "列")
            };
            let d = Diagnostic::new(location, "值", problem);
            let zh = d.message(Lang::Zh);
            let en = d.message(Lang::En);
            assert!(zh.ends_with('。'), "{zh}");
            assert!(en.ends_with('.'), "{en}");
            // Whole-input problems name no row of their own.
            if !whole {
                assert!(zh.contains("第9行"), "{zh}");
                assert!(en.contains("Row 9"), "{en}");
            }
        }
    }
}
