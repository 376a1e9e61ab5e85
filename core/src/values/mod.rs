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
//! use jianfu_core::num::{Num, Span};
//! use jianfu_core::values::{self, Unit};
//!
//! let fee = values::money("289.50万元", Unit::default());
//! assert_eq!(fee, Ok(Some(Span::point(Num::int(2_895_000)))));
//! assert_eq!(values::count("-", Unit::default()), Ok(None));
//! ```

use crate::text::{compact_eq, fold, half_width, trim};

mod numbers;
mod units;
mod words;

pub(crate) use numbers::chinese_numeral;
pub use numbers::{count, hours, money, posts_per_week, whole, Amount, Measure};
pub use units::{unit, Period, Unit};
pub use words::{
    county_body, decision, infer_level, interaction, level, place, platform, platform_in_name,
    staffing, yes_no,
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
    /// A formula (`=12000*2`) rather than its value: a workbook that holds
    /// no value for it (openpyxl writes none), or a sheet copied showing
    /// its formulas. The calculator does not compute formulas.
    Formula,
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
    // No marker is long, and the first two bytes rule out nearly every
    // other cell (figures and names) without decoding a character: every
    // name and unit of every row is asked.
    if cell.len() > 16 || !may_start_marker_bytes(cell.as_bytes()) {
        return false;
    }
    let Some(first) = cell
        .chars()
        .next()
        .map(|c| fold(half_width(c)).to_ascii_lowercase())
    else {
        return false;
    };
    may_start_marker(first) && MISSING.iter().any(|marker| compact_eq(cell, marker))
}

/// The Chinese characters the [`MISSING`] markers start with, and their
/// Traditional forms (無, 暫, 沒).
const CJK_MARKER_STARTS: [char; 10] = ['不', '无', '暂', '没', '未', '待', '空', '無', '暫', '沒'];

/// The first two bytes of a character of three UTF-8 bytes.
const fn lead_pair(c: char) -> [u8; 2] {
    let c = c as u32;
    [0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8]
}

/// True when a text's first bytes may start a [`MISSING`] marker in any
/// form: ASCII, full-width (lead byte EF), a dash or ellipsis (E2 80), or
/// one of [`CJK_MARKER_STARTS`] (a test keeps this in step with the
/// markers). False rules the text out; true leaves it to
/// [`may_start_marker`].
#[inline]
fn may_start_marker_bytes(bytes: &[u8]) -> bool {
    match bytes {
        [b'-' | b'/' | b'\\' | b'n' | b'N' | b'?' | b'*' | b'.', ..] => true,
        [0xe2, second, ..] => *second == 0x80,
        [0xef, ..] => true,
        [first @ 0xe4..=0xe7, second, ..] => CJK_MARKER_STARTS
            .iter()
            .any(|&c| lead_pair(c) == [*first, *second]),
        _ => false,
    }
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
        // Traditional forms are markers too.
        assert!(is_missing("無"));
        assert!(is_missing("暫無"));
        assert!(is_missing("不詳"));
        assert!(!is_missing("县委宣传部"));
        assert!(!is_missing("1,234"));
    }

    #[test]
    fn the_byte_filter_admits_every_form_of_every_marker() {
        use crate::text::fold;
        for marker in MISSING {
            let first = marker.chars().next().unwrap();
            // The marker's first character as written, in full width, in
            // upper case, and in every Traditional form that folds to it.
            let mut forms = vec![first, first.to_ascii_uppercase()];
            if first.is_ascii_graphic() {
                forms.push(char::from_u32(first as u32 + 0xfee0).unwrap());
            }
            forms.extend(
                (0x3400..=0x9fffu32)
                    .filter_map(char::from_u32)
                    .filter(|&t| t != first && fold(t) == first),
            );
            for form in forms {
                let mut buffer = [0u8; 4];
                let bytes = form.encode_utf8(&mut buffer).as_bytes();
                assert!(may_start_marker_bytes(bytes), "{marker}: {form}");
            }
        }
    }
}
