//! Cell to value: the third step of import.
//!
//! A township's list is typed by hand, so a follower count may read `1,234`,
//! `１２３４`, `1.2万`, `10万+` or `约500`, a fee `289.50万元` or `¥20,000`,
//! a frequency `2~3`, `日更` or `每月4次`. Each reader here accepts every form
//! of SPEC §2 and the neighbours people also type, and answers one of three
//! things: a value, missing (blank, `-`, `无`, `N/A`, …), or a [`Fault`] that
//! the importer turns into a diagnostic. None of them panics, whatever the
//! cell holds.
//!
//! Numbers are exact [`Num`]s from start to finish: `289.50万元` is
//! 2,895,000 yuan exactly, and a per-month frequency becomes per-week by an
//! exact `× 12 / 52`. Magnitudes above [`LIMIT`] are refused, so later
//! arithmetic has room to spare.
//!
//! ```
//! use jianfu::core::num::{Num, Span};
//! use jianfu::core::values::{self, Unit};
//!
//! let fee = values::money("289.50万元", Unit::default());
//! assert_eq!(fee, Ok(Some(Span::point(Num::int(2_895_000)))));
//! assert_eq!(values::count("-", Unit::default()), Ok(None));
//! ```

use crate::core::text::{compact_eq, half_width, trim};

mod numbers;
mod units;
mod words;

pub(crate) use numbers::chinese_numeral;
pub use numbers::{count, hours, money, posts_per_week, whole, Amount, Measure};
pub use units::{unit, Period, Unit};
pub use words::{
    decision, infer_level, level, level_evidence, platform, platform_in_name, staffing, yes_no,
};

/// Why a cell with text in it could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// The text is not a value of the expected kind.
    Unreadable,
    /// A number that cannot be negative was negative.
    Negative,
    /// A number larger than [`LIMIT`].
    TooLarge,
}

/// The result of reading one cell: `Ok(None)` is a missing value.
pub type Read<T> = Result<Option<T>, Fault>;

/// The largest magnitude accepted anywhere: a trillion. No account list has
/// a larger true figure, and keeping far below `i128` means the estimate's
/// products and sums never overflow.
pub const LIMIT: i64 = 1_000_000_000_000;

/// True when the cell says "no value": blank, or a marker such as `-`, `—`,
/// `/`, `无`, `暂无`, `不详`, `N/A`.
#[inline]
pub fn is_missing(cell: &str) -> bool {
    let cell = trim(cell);
    if cell.is_empty() {
        return true;
    }
    // No marker starts with a digit, and none is long: this keeps figures
    // and names off the comparison below.
    if cell.starts_with(|c: char| c.is_ascii_digit()) || cell.len() > 16 {
        return false;
    }
    let Some(first) = cell
        .chars()
        .next()
        .map(|c| half_width(c).to_ascii_lowercase())
    else {
        return false;
    };
    may_start_marker(first) && MISSING.iter().any(|marker| compact_eq(cell, marker))
}

/// True for the first characters of the [`MISSING`] markers (a test keeps
/// the two in step). Most cells fail this at once, which matters: every
/// cell of every row is asked whether it is missing.
#[inline]
fn may_start_marker(c: char) -> bool {
    matches!(
        c,
        '-' | '—'
            | '–'
            | '―'
            | '/'
            | '\\'
            | '无'
            | '暂'
            | '没'
            | '不'
            | '未'
            | '待'
            | '空'
            | 'n'
            | '?'
            | '*'
            | '…'
            | '.'
    )
}

/// The missing markers, in compact form.
const MISSING: &[&str] = &[
    "-",
    "--",
    "---",
    "—",
    "——",
    "–",
    "―",
    "/",
    "//",
    "\\",
    "无",
    "暂无",
    "没有",
    "不详",
    "未知",
    "不清楚",
    "待定",
    "空",
    "n/a",
    "na",
    "n.a.",
    "null",
    "none",
    "nil",
    "?",
    "??",
    "不定期",
    "不固定",
    "*",
    "…",
    "...",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_filter_admits_every_marker() {
        for marker in MISSING {
            let first = marker.chars().next().unwrap();
            assert!(may_start_marker(first), "{marker}");
            assert!(is_missing(marker), "{marker}");
        }
        assert!(is_missing("Ｎ／Ａ"));
        assert!(is_missing(" 暂 无 "));
        assert!(!is_missing("长兴发布"));
    }
}
