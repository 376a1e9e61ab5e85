//! What the importer tells the user about their list.
//!
//! Like the `csv` crate's errors, which name the record, line and byte, every
//! [`Diagnostic`] names where the problem is in the terms the user has on
//! screen: a [`Location`] (the whole input, a spreadsheet row, or a cell by
//! its row and its column header as written) and the raw text of the cell.
//! [`Problem`] says what is wrong, or what was assumed, as data, so that the
//! UI and tests can match on it; [`Diagnostic::message`] says it as a
//! sentence in either language.
//!
//! Some notices are about many rows at once (the cells of one column filled
//! from a merged cell above, every `不足1000` of a column): they carry a
//! [`RowList`], and are located at the first of them.
//!
//! ```
//! use jianfu_core::account::Field;
//! use jianfu_core::diagnostic::{Diagnostic, Expected, Location, Problem, Severity};
//! use jianfu_core::lang::Lang;
//! use jianfu_core::values::Fault;
//!
//! let d = Diagnostic::new(
//!     Location::cell(5, "粉丝数"),
//!     "很多",
//!     Problem::Cell { field: Field::Followers, expected: Expected::Count, fault: Fault::Unreadable },
//! );
//! assert_eq!(d.severity, Severity::Warning);
//! assert_eq!(
//!     d.message(Lang::Zh),
//!     "第5行「粉丝数」列的“很多”无法识别：应为数字，如 1,234、1.2万 或 10万+。已按缺失处理。"
//! );
//! ```

use serde::Serialize;

use crate::account::{Bound, Field, Level, Platform};
use crate::date::Meaning;
use crate::lang::Lang;
use crate::num::Num;
use crate::values::Fault;

mod message;

/// One thing the user should know about their list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// The raw text of the cell (or row, or heading), shortened to
    /// [`MAX_VALUE_CHARS`] characters for display.
    pub value: String,
    /// How much it matters.
    pub severity: Severity,
    /// What is wrong, or what was assumed.
    pub problem: Problem,
}

/// Where a diagnostic is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// The whole input (no header, too many rows).
    Input,
    /// A row, as the user sees it in the spreadsheet (the first line of the
    /// text is row 1).
    Row(usize),
    /// One cell: its row, and its column's header as written.
    Cell {
        /// The row.
        row: usize,
        /// The column's header, trimmed.
        column: String,
    },
}

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Nothing could be imported until it is fixed.
    Error,
    /// Something was read as missing, or needs checking.
    Warning,
    /// Something was left out on purpose, or read in a way worth knowing,
    /// such as a totals row or a cell filled from a merged cell.
    Notice,
}

/// What a cell should have held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// 有 or 无 (开通, 未开通, 关闭).
    Interaction,
}

/// Rows, in order, as ranges: `5–8、12`. The notices about many rows of
/// one column carry one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RowList {
    ranges: Vec<(usize, usize)>,
}

/// What is wrong, or what was assumed, as data.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    /// A row of group headings (基本情况, 传播情况) above the header, skipped.
    GroupRow,
    /// Blank cells of the header took the names above them (a two-row
    /// header, or headers merged down over two rows).
    HeaderFromAbove {
        /// The names taken, in column order.
        names: Vec<String>,
    },
    /// A second column for a field that another column already holds; it
    /// is ignored.
    DuplicateColumn {
        /// The field both columns name.
        field: Field,
        /// The header of the column that is used.
        kept: String,
    },
    /// A cell could not be read and is treated as missing.
    Cell {
        /// The field of the column.
        field: Field,
        /// What the cell should have held.
        expected: Expected,
        /// Why it could not be read.
        fault: Fault,
    },
    /// A 合计/总计/小计 row, left out.
    TotalsRow,
    /// A note below, above or inside the list (填表说明, 注, 制表人), left
    /// out.
    NoteRow,
    /// A section heading (一、县级部门（3个）), left out; the accounts
    /// under it take the level it names, if any.
    Heading {
        /// The level the heading names.
        level: Option<Level>,
    },
    /// A heading states how many accounts follow, and another number
    /// follow.
    HeadingCount {
        /// The number the heading states.
        stated: usize,
        /// The accounts read under it.
        found: usize,
    },
    /// A row with account data but no name; it is kept under a placeholder.
    MissingName {
        /// The name the account is given.
        placeholder: String,
    },
    /// A row with no name and nothing the calculator reads; left out.
    NoAccountData,
    /// The same name on the same platform as an earlier row; both are kept.
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
        /// The most accounts read ([`MAX_ACCOUNTS`](crate::import::MAX_ACCOUNTS)).
        limit: usize,
        /// The first row not read.
        first_row: usize,
        /// How many non-blank rows were not read.
        cut: usize,
    },
    /// Empty cells of a column took the value above them: a merged cell
    /// (known from the table's merges), or cells left empty below a filled
    /// one in a grouping column (unit, level, platform, staffing), read as
    /// one merged cell.
    Filled {
        /// The column's field.
        field: Field,
        /// The rows filled.
        rows: RowList,
        /// True when the table said the cells are merged; false when it was
        /// read so from empty cells.
        merged: bool,
    },
    /// A merged cell over several accounts in a column of amounts (fees,
    /// followers, staff): counted once, on its first row, not once a row.
    MergedOnce {
        /// The column's field.
        field: Field,
        /// The rows under the merged cell, after its first.
        rows: RowList,
        /// The row that holds the value.
        first: usize,
    },
    /// Figures written with a bound (`不足1000`, `超过5万`).
    Bounded {
        /// The column's field.
        field: Field,
        /// The rows.
        rows: RowList,
        /// Which side of the number the true value lies on.
        bound: Bound,
        /// The number written, scaled.
        value: Num,
    },
    /// Days written without a year, read in the latest year that puts them
    /// on or before the as-of date.
    NoYear {
        /// The rows.
        rows: RowList,
        /// The year assumed.
        year: i32,
    },
    /// Words for the last post (`已停更`, `近一月未更新`, `昨天`), and what
    /// they were read as.
    DateWords {
        /// The rows.
        rows: RowList,
        /// What the words were read as.
        meaning: Meaning,
        /// Days from that meaning's day to the as-of date (0 for a stop).
        days: i32,
    },
    /// A platform written in brackets after the name (`某某发布（新浪微博）`):
    /// read as the account's platform, and left out of its name.
    PlatformInName {
        /// The rows.
        rows: RowList,
        /// The platform read.
        platform: Platform,
    },
    /// A level column's cell that names a platform (a 类别 column holding
    /// 订阅号): read as the platform, not a level.
    PlatformNotLevel {
        /// The rows.
        rows: RowList,
        /// The platform read.
        platform: Platform,
    },
    /// A platform column's cell that names a level: read as the level.
    LevelNotPlatform {
        /// The rows.
        rows: RowList,
        /// The level read.
        level: Level,
    },
    /// Rows the workbook hides: read like any other row, since a hidden
    /// account still costs its hours.
    HiddenRows {
        /// The rows, as the workbook numbers them.
        rows: RowList,
    },
    /// A platform column's cell that names no platform the calculator
    /// knows: counted as another platform.
    UnknownPlatform {
        /// The rows.
        rows: RowList,
    },
    /// A figure far beyond what an account can be (more than 100 posts a
    /// week, 24 hours a post, 2 billion followers): read as written, and
    /// warned, since it is more likely a slip (a year's total in a per-week
    /// column, minutes for hours, a stray digit).
    Implausible {
        /// The column's field.
        field: Field,
        /// The most that is plausible.
        limit: Num,
    },
    /// These accounts' figures are too large to work out exactly (beyond
    /// 64 bits) and were approximated.
    Approximated {
        /// The accounts, by row.
        rows: RowList,
    },
    /// The totals are too large to work out exactly and were approximated.
    TotalsApproximated,
}

/// How many characters of a cell a diagnostic keeps.
pub const MAX_VALUE_CHARS: usize = 200;

impl Location {
    /// A row.
    pub fn row(row: usize) -> Location {
        Location::Row(row)
    }

    /// A cell, by its row and its column's header as written.
    pub fn cell(row: usize, column: &str) -> Location {
        Location::Cell {
            row,
            column: column.trim().to_string(),
        }
    }
}

impl Diagnostic {
    /// A diagnostic whose severity follows from its problem. The value is
    /// trimmed and shortened for display.
    pub fn new(location: Location, value: &str, problem: Problem) -> Diagnostic {
        Diagnostic {
            location,
            value: shorten(value.trim()),
            severity: problem.severity(),
            problem,
        }
    }

    /// The row, for a diagnostic about a row or a cell.
    pub fn row(&self) -> Option<usize> {
        match self.location {
            Location::Input => None,
            Location::Row(row) | Location::Cell { row, .. } => Some(row),
        }
    }

    /// The column's header, for a diagnostic about a cell.
    pub fn column(&self) -> Option<&str> {
        match &self.location {
            Location::Cell { column, .. } => Some(column),
            Location::Input | Location::Row(_) => None,
        }
    }

    /// The order diagnostics are listed in: the whole input first, then by
    /// row.
    pub fn order(&self) -> usize {
        self.row().unwrap_or(0)
    }

    /// The diagnostic as a full sentence naming where it is, the value, and
    /// what was expected or assumed, e.g. "第5行「粉丝数」列的“很多”无法识别：
    /// 应为数字，如 1,234、1.2万 或 10万+。已按缺失处理。"
    pub fn message(&self, lang: Lang) -> String {
        message::sentence(self, lang)
    }
}

impl Problem {
    /// The severity that goes with the problem.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::NoHeader | Problem::NoNameColumn { .. } | Problem::Blank { .. } => {
                Severity::Error
            }
            Problem::Cell { .. }
            | Problem::MissingName { .. }
            | Problem::NoAccountData
            | Problem::DuplicateName { .. }
            | Problem::UnclosedQuote { .. }
            | Problem::TooManyRows { .. }
            | Problem::HeadingCount { .. }
            | Problem::UnknownPlatform { .. }
            | Problem::Implausible { .. }
            | Problem::Approximated { .. }
            | Problem::TotalsApproximated => Severity::Warning,
            Problem::TitleRow
            | Problem::GroupRow
            | Problem::HeaderFromAbove { .. }
            | Problem::DuplicateColumn { .. }
            | Problem::TotalsRow
            | Problem::NoteRow
            | Problem::Heading { .. }
            | Problem::ExtraCells { .. }
            | Problem::Filled { .. }
            | Problem::MergedOnce { .. }
            | Problem::Bounded { .. }
            | Problem::NoYear { .. }
            | Problem::DateWords { .. }
            | Problem::PlatformInName { .. }
            | Problem::PlatformNotLevel { .. }
            | Problem::LevelNotPlatform { .. }
            | Problem::HiddenRows { .. } => Severity::Notice,
        }
    }

    /// The rows of a notice about many rows.
    pub fn rows(&self) -> Option<&RowList> {
        match self {
            Problem::Filled { rows, .. }
            | Problem::MergedOnce { rows, .. }
            | Problem::Bounded { rows, .. }
            | Problem::NoYear { rows, .. }
            | Problem::DateWords { rows, .. }
            | Problem::PlatformInName { rows, .. }
            | Problem::PlatformNotLevel { rows, .. }
            | Problem::LevelNotPlatform { rows, .. }
            | Problem::UnknownPlatform { rows }
            | Problem::HiddenRows { rows }
            | Problem::Approximated { rows } => Some(rows),
            _ => None,
        }
    }
}

impl RowList {
    /// A list of one row.
    pub fn of(row: usize) -> RowList {
        RowList {
            ranges: vec![(row, row)],
        }
    }

    /// Adds a row after those already listed (an earlier or listed row is
    /// ignored: rows are read in order).
    pub fn push(&mut self, row: usize) {
        match self.ranges.last_mut() {
            Some((_, last)) if row == *last + 1 => *last = row,
            Some((_, last)) if row <= *last => {}
            _ => self.ranges.push((row, row)),
        }
    }

    /// The first row, if any.
    pub fn first(&self) -> Option<usize> {
        self.ranges.first().map(|&(first, _)| first)
    }

    /// How many rows are listed.
    pub fn len(&self) -> usize {
        self.ranges
            .iter()
            .map(|(first, last)| last - first + 1)
            .sum()
    }

    /// True when no row is listed.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Every row listed, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.ranges.iter().flat_map(|&(first, last)| first..=last)
    }

    /// The ranges, `(first, last)`, in order.
    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.ranges
    }
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
            Field::Interaction => Expected::Interaction,
            Field::Name
            | Field::Unit
            | Field::Platform
            | Field::MergeInto
            | Field::Followers
            | Field::Staff
            | Field::AvgReads => Expected::Count,
        }
    }
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
    fn row_lists_keep_ranges_in_order() {
        let mut rows = RowList::of(5);
        for row in [6, 7, 8, 12, 12, 3, 15, 16] {
            rows.push(row);
        }
        // 12 twice and 3 (before the last) add nothing.
        assert_eq!(rows.ranges(), &[(5, 8), (12, 12), (15, 16)]);
        assert_eq!(rows.len(), 7);
        assert_eq!(rows.first(), Some(5));
        assert_eq!(
            rows.iter().collect::<Vec<_>>(),
            vec![5, 6, 7, 8, 12, 15, 16]
        );
    }

    #[test]
    fn locations_give_row_and_column() {
        let d = Diagnostic::new(Location::cell(5, " 粉丝数 "), "x", Problem::TotalsRow);
        assert_eq!((d.row(), d.column()), (Some(5), Some("粉丝数")));
        let d = Diagnostic::new(Location::row(7), "x", Problem::TotalsRow);
        assert_eq!((d.row(), d.column()), (Some(7), None));
        let d = Diagnostic::new(Location::Input, "", Problem::NoHeader);
        assert_eq!((d.row(), d.column(), d.order()), (None, None, 0));
    }

    #[test]
    fn long_values_are_shortened() {
        let long = "很".repeat(500);
        let d = Diagnostic::new(Location::row(2), &long, Problem::TotalsRow);
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
        let filled = Problem::Filled {
            field: Field::Unit,
            rows: RowList::of(5),
            merged: false,
        };
        assert_eq!(filled.severity(), Severity::Notice);
    }
}
