//! What the importer tells the user about their list.
//!
//! Like the `csv` crate's errors, which name the record, line and byte, every
//! [`Diagnostic`] names where the problem is in the terms the user has on
//! screen: the spreadsheet row, the column header as written and the raw
//! text of the cell. [`Problem`] says what is wrong as data, so that the UI
//! and tests can match on it; [`Diagnostic::message`] says it as a sentence
//! in either language.
//!
//! ```
//! use jianfu::core::account::Field;
//! use jianfu::core::diagnostic::{Diagnostic, Expected, Problem, Severity};
//! use jianfu::core::lang::Lang;
//!
//! let d = Diagnostic::new(
//!     5,
//!     "粉丝数",
//!     "很多",
//!     Problem::Unreadable { field: Field::Followers, expected: Expected::Count },
//! );
//! assert_eq!(d.severity, Severity::Warning);
//! assert_eq!(
//!     d.message(Lang::Zh),
//!     "第5行「粉丝数」列的“很多”无法识别：应为数字，如 1,234、1.2万 或 10万+。已按缺失处理。"
//! );
//! ```

use serde::Serialize;

use crate::core::account::Field;
use crate::core::fields::label;
use crate::core::figures::number;
use crate::core::lang::Lang;
use crate::core::num::Num;

/// One thing the user should know about their list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// The spreadsheet row as the user sees it (the header is row 1, when it
    /// is the first line); 0 for a problem with the whole input.
    pub row: usize,
    /// The column header as written; empty when the problem is not in one
    /// column.
    pub column: String,
    /// The raw text of the cell, shortened to [`MAX_VALUE_CHARS`] characters
    /// for display.
    pub value: String,
    /// How much it matters.
    pub severity: Severity,
    /// What is wrong.
    pub problem: Problem,
}

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Nothing could be imported until it is fixed.
    Error,
    /// Something was read as missing, or needs checking.
    Warning,
    /// Something was left out on purpose, such as a totals row.
    Notice,
}

/// What a cell should have held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Expected {
    /// A count such as followers, staff or reads.
    Count,
    /// Money in yuan.
    Money,
    /// Posts per week.
    PostsPerWeek,
    /// Hours.
    Hours,
    /// A date.
    Date,
    /// 兼职, 专职 or 外包.
    Staffing,
    /// A level word.
    Level,
    /// 保留, 关停 or 归并.
    Decision,
    /// 是 or 否.
    YesNo,
}

/// What is wrong, as data.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Problem {
    /// No row looks like a header: the list starts with data.
    NoHeader,
    /// There is a header, but no column names the account.
    NoNameColumn {
        /// The headers that were found.
        found: Vec<String>,
    },
    /// A row above the header, such as a title, was skipped.
    TitleRow,
    /// A second column for a field that another column already holds; it
    /// is ignored.
    DuplicateColumn {
        /// The field both columns name.
        field: Field,
        /// The header of the column that is used.
        kept: String,
    },
    /// A cell could not be read and is treated as missing.
    Unreadable {
        /// The field of the column.
        field: Field,
        /// What the cell should have held.
        expected: Expected,
    },
    /// A number that cannot be negative was; treated as missing.
    Negative {
        /// The field of the column.
        field: Field,
        /// What the cell should have held.
        expected: Expected,
    },
    /// A number above a trillion; treated as missing.
    TooLarge {
        /// The field of the column.
        field: Field,
        /// What the cell should have held.
        expected: Expected,
    },
    /// A 合计/总计/小计 row, left out.
    TotalsRow,
    /// A note below or inside the list (备注, 填报人), left out.
    NoteRow,
    /// A row with account data but no name; it is kept under a placeholder.
    MissingName {
        /// The name the account is given.
        placeholder: String,
    },
    /// A row with no name and nothing the calculator reads; left out.
    NoAccountData,
    /// The same name as an earlier row; both are kept.
    DuplicateName {
        /// The row where the name first appears.
        first_row: usize,
    },
    /// Cells to the right of the last header, ignored.
    ExtraCells {
        /// How many non-empty cells there are past the header.
        count: usize,
    },
    /// A quote opened in this row is never closed, so the rest of the input
    /// was read into one cell.
    UnclosedQuote {
        /// How many non-blank lines after the quote's own were read into the
        /// cell: most likely rows of their own.
        lines: usize,
    },
    /// The input holds nothing but blank lines and spaces.
    Blank {
        /// How many lines.
        lines: usize,
    },
    /// The list has more accounts than the calculator takes; the rest were
    /// counted but not read.
    TooManyRows {
        /// The most accounts read ([`MAX_ACCOUNTS`](crate::core::import::MAX_ACCOUNTS)).
        limit: usize,
        /// The first row not read.
        first_row: usize,
        /// How many non-blank rows were not read.
        cut: usize,
    },
}

/// How many characters of a cell a diagnostic keeps.
pub const MAX_VALUE_CHARS: usize = 200;

impl Diagnostic {
    /// A diagnostic whose severity follows from its problem. The value is
    /// trimmed and shortened for display.
    pub fn new(row: usize, column: &str, value: &str, problem: Problem) -> Diagnostic {
        Diagnostic {
            row,
            column: column.trim().to_string(),
            value: shorten(value.trim()),
            severity: problem.severity(),
            problem,
        }
    }

    /// The diagnostic as a full sentence naming the row, column and value
    /// and what was expected, e.g.
    /// "第5行「粉丝数」列的“很多”无法识别：应为数字，如 1,234、1.2万 或 10万+。已按缺失处理。"
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    fn zh(&self) -> String {
        let row = self.row;
        let value = &self.value;
        let column = &self.column;
        let cell = if column.is_empty() {
            format!("第{row}行")
        } else {
            format!("第{row}行「{column}」列")
        };
        match &self.problem {
            Problem::NoHeader => {
                let fields = Field::ALL
                    .iter()
                    .take(4)
                    .map(|f| label(*f, Lang::Zh))
                    .collect::<Vec<_>>()
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
            Problem::DuplicateColumn { field, kept } => format!(
                "{cell}与「{kept}」列都表示“{}”，只使用「{kept}」列。",
                label(*field, Lang::Zh)
            ),
            Problem::Unreadable { field, expected } => format!(
                "{cell}的“{value}”无法识别：应为{}。{}",
                expected_zh(*expected),
                consequence(*field, Lang::Zh)
            ),
            Problem::Negative { field, expected } => format!(
                "{cell}的“{value}”是负数：应为{}。{}",
                expected_zh(*expected),
                consequence(*field, Lang::Zh)
            ),
            Problem::TooLarge { field, expected } => format!(
                "{cell}的“{value}”数值过大（超过1万亿）：应为{}。{}",
                expected_zh(*expected),
                consequence(*field, Lang::Zh)
            ),
            Problem::TotalsRow => {
                format!("第{row}行“{value}”是合计行，不计入账号。")
            }
            Problem::NoteRow => format!("第{row}行“{value}”是说明文字，不计入账号。"),
            Problem::MissingName { placeholder } => format!(
                "第{row}行有数据但没有填写账号名称，已保留并暂称“{placeholder}”。请补上名称。"
            ),
            Problem::NoAccountData => format!(
                "{cell}有内容“{value}”，但这一行没有账号名称，也没有可识别的账号数据，未计入。"
            ),
            Problem::DuplicateName { first_row } => format!(
                "{cell}的账号名称“{value}”与第{first_row}行重复；两行都已计入，请核对。"
            ),
            Problem::ExtraCells { count } => format!(
                "第{row}行比表头多出{count}个有内容的单元格（如“{value}”），已忽略。"
            ),
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
        }
    }

    fn en(&self) -> String {
        let row = self.row;
        let value = &self.value;
        let column = &self.column;
        let cell = if column.is_empty() {
            format!("Row {row}")
        } else {
            format!("Row {row}, column “{column}”")
        };
        match &self.problem {
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
            Problem::DuplicateColumn { field, kept } => format!(
                "{cell} means the same as column “{kept}” ({}); only “{kept}” is used.",
                label(*field, Lang::En)
            ),
            Problem::Unreadable { field, expected } => format!(
                "{cell}: could not read “{value}”; expected {}. {}",
                expected_en(*expected),
                consequence(*field, Lang::En)
            ),
            Problem::Negative { field, expected } => format!(
                "{cell}: “{value}” is negative; expected {}. {}",
                expected_en(*expected),
                consequence(*field, Lang::En)
            ),
            Problem::TooLarge { field, expected } => format!(
                "{cell}: “{value}” is too large (over a trillion); expected {}. {}",
                expected_en(*expected),
                consequence(*field, Lang::En)
            ),
            Problem::TotalsRow => {
                format!("Row {row} (“{value}”) is a totals row and is not counted as an account.")
            }
            Problem::NoteRow => {
                format!("Row {row} (“{value}”) is a note and is not counted as an account.")
            }
            Problem::MissingName { placeholder } => format!(
                "Row {row} has data but no account name; it is kept as “{placeholder}”. \
                 Please add the name."
            ),
            Problem::NoAccountData => format!(
                "{cell} holds “{value}”, but the row has no account name and no account data \
                 the calculator reads; it is not counted."
            ),
            Problem::DuplicateName { first_row } => format!(
                "{cell}: the name “{value}” repeats row {first_row}; both rows are counted, \
                 please check."
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
        }
    }
}

impl Problem {
    /// The severity that goes with the problem.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::NoHeader | Problem::NoNameColumn { .. } | Problem::Blank { .. } => {
                Severity::Error
            }
            Problem::Unreadable { .. }
            | Problem::Negative { .. }
            | Problem::TooLarge { .. }
            | Problem::MissingName { .. }
            | Problem::NoAccountData
            | Problem::DuplicateName { .. }
            | Problem::UnclosedQuote { .. }
            | Problem::TooManyRows { .. } => Severity::Warning,
            Problem::TitleRow
            | Problem::DuplicateColumn { .. }
            | Problem::TotalsRow
            | Problem::NoteRow
            | Problem::ExtraCells { .. } => Severity::Notice,
        }
    }
}

/// A count with thousands separators, as the rest of the page shows them.
fn count(n: usize, lang: Lang) -> String {
    number(Num::int(i64::try_from(n).unwrap_or(i64::MAX)), 0, lang)
}

impl Expected {
    /// What a cell of `field` should hold; a yes/no column expects 是 or 否.
    pub fn for_field(field: Field, yes_no: bool) -> Expected {
        if yes_no {
            return Expected::YesNo;
        }
        match field {
            Field::PostsPerWeek => Expected::PostsPerWeek,
            Field::HoursPerPost => Expected::Hours,
            Field::OutsourcingFee | Field::OtherCost => Expected::Money,
            Field::LastPost => Expected::Date,
            Field::Staffing => Expected::Staffing,
            Field::Level => Expected::Level,
            Field::Decision => Expected::Decision,
            Field::Name
            | Field::Unit
            | Field::MergeInto
            | Field::Followers
            | Field::Staff
            | Field::AvgReads => Expected::Count,
        }
    }
}

fn expected_zh(expected: Expected) -> &'static str {
    match expected {
        Expected::Count => "数字，如 1,234、1.2万 或 10万+",
        Expected::Money => "金额（元），如 20000、¥20,000 或 289.50万元",
        Expected::PostsPerWeek => "每周发布次数，如 2、2~3、日更 或 每月4次",
        Expected::Hours => "小时数，如 2、2~3 或 30分钟",
        Expected::Date => "日期，如 2019-03-01、2019/3/1 或 2019年3月1日",
        Expected::Staffing => "兼职、专职 或 外包",
        Expected::Level => "县级部门、乡镇（街道）或 村（社区）",
        Expected::Decision => "保留、关停 或 归并",
        Expected::YesNo => "是 或 否",
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
        Expected::Date => "a date such as 2019-03-01, 2019/3/1 or 2019年3月1日",
        Expected::Staffing => "兼职 (part-time), 专职 (dedicated) or 外包 (outsourced)",
        Expected::Level => "县级部门 (county), 乡镇 (township) or 村/社区 (village)",
        Expected::Decision => "保留 (keep), 关停 (close) or 归并 (merge)",
        Expected::YesNo => "是 (yes) or 否 (no)",
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

/// Shortens text for display to [`MAX_VALUE_CHARS`] characters plus "…".
pub fn shorten(text: &str) -> String {
    shorten_to(text, MAX_VALUE_CHARS)
}

fn shorten_to(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_row_column_value_and_expectation() {
        let d = Diagnostic::new(
            5,
            "粉丝数",
            "很多",
            Problem::Unreadable {
                field: Field::Followers,
                expected: Expected::Count,
            },
        );
        assert_eq!(
            d.message(Lang::En),
            "Row 5, column “粉丝数”: could not read “很多”; expected a number such as 1,234, \
             1.2万 or 10万+. Treated as missing."
        );
        let d = Diagnostic::new(
            7,
            "每周发布次数",
            "经常",
            Problem::Unreadable {
                field: Field::PostsPerWeek,
                expected: Expected::PostsPerWeek,
            },
        );
        assert!(d.message(Lang::Zh).contains("使用默认假设"));
    }

    #[test]
    fn every_problem_has_both_messages() {
        let problems = [
            Problem::NoHeader,
            Problem::NoNameColumn {
                found: vec!["粉丝数".into()],
            },
            Problem::TitleRow,
            Problem::DuplicateColumn {
                field: Field::Name,
                kept: "名称".into(),
            },
            Problem::Negative {
                field: Field::Staff,
                expected: Expected::Count,
            },
            Problem::TooLarge {
                field: Field::OtherCost,
                expected: Expected::Money,
            },
            Problem::TotalsRow,
            Problem::NoteRow,
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
        ];
        for problem in problems {
            let d = Diagnostic::new(9, "列", "值", problem);
            let zh = d.message(Lang::Zh);
            let en = d.message(Lang::En);
            assert!(zh.ends_with('。'), "{zh}");
            assert!(en.ends_with('.'), "{en}");
            // Whole-input problems name no row of their own.
            let whole = matches!(
                d.problem,
                Problem::NoHeader | Problem::Blank { .. } | Problem::TooManyRows { .. }
            );
            if !whole {
                assert!(zh.contains("第9行"), "{zh}");
                assert!(en.contains("Row 9"), "{en}");
            }
        }
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "很".repeat(500);
        let d = Diagnostic::new(2, "名称", &long, Problem::TotalsRow);
        assert_eq!(d.value.chars().count(), MAX_VALUE_CHARS + 1);
        assert!(d.value.ends_with('…'));
    }

    #[test]
    fn severities() {
        assert_eq!(Problem::NoHeader.severity(), Severity::Error);
        assert_eq!(Problem::TotalsRow.severity(), Severity::Notice);
        assert_eq!(
            Problem::DuplicateName { first_row: 2 }.severity(),
            Severity::Warning
        );
    }
}
