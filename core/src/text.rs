//! Text clean-up: the forms every reader of a cell or header compares.
//!
//! What people type varies in ways that carry no meaning: spaces around a
//! cell, full-width digits and brackets from a Chinese input method
//! (`１２３４`, `（万元）`), upper case in English headers, and, from Hong
//! Kong, Macao, Taiwan or a Traditional-Chinese Office, Traditional
//! characters (`粉絲數`, `鄉鎮`). [`compact`] removes all of that, so that the
//! word tables of [`fields`](crate::fields) and
//! [`values`](crate::values) need to list each word once.
//!
//! The Traditional fold covers only the characters of this crate's own
//! vocabulary (a small table, [`fold`]): it exists so that headers and
//! words are recognised, never to rewrite what the user wrote. Account names
//! and units stay as written.
//!
//! This module sits below [`table`](crate::table) and
//! [`values`](crate::values), and depends on neither.
//!
//! ```
//! use jianfu_core::text::{compact, one_line};
//!
//! assert_eq!(compact(" 粉絲數（萬） "), "粉丝数(万)");
//! assert_eq!(compact("Posts Per Week"), "postsperweek");
//! assert_eq!(one_line("长兴\n发布"), "长兴发布");
//! ```

use std::borrow::Cow;

mod fold_table;

/// `text.trim()`, with the common case answered from two bytes: text that
/// starts and ends with a character that is plainly not a space is returned
/// as it is. Every space in Unicode is ASCII or has the UTF-8 lead byte C2,
/// E1, E2 or E3, so any other lead byte starts a character that is not one;
/// Chinese text starts with E4 to E9. Trimming is asked of nearly every
/// cell, and decoding characters to ask is what made it cost.
#[inline]
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let last = bytes.iter().rev().take(4).find(|&&b| b & 0xc0 != 0x80);
    match (bytes.first(), last) {
        (Some(&first), Some(&last)) if plainly_not_space(first) && plainly_not_space(last) => text,
        _ => text.trim(),
    }
}

/// True when the cell holds nothing but whitespace.
#[inline]
pub fn is_blank(text: &str) -> bool {
    trim(text).is_empty()
}

/// True for a byte that starts a character which is not a space (see
/// [`trim`]); false for a byte that may start one.
#[inline]
fn plainly_not_space(lead: u8) -> bool {
    (0x21..=0x7e).contains(&lead) || (lead >= 0xc3 && !(0xe1..=0xe3).contains(&lead))
}

/// The half-width form of a full-width character (`１` → `1`, `（` → `(`,
/// `～` → `~`, the ideographic space → a space); other characters unchanged.
#[inline]
pub fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{ffe5}' => '¥',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        _ => c,
    }
}

/// The Simplified form of a Traditional character of the vocabulary
/// (`絲` → `丝`, `鄉` → `乡`, `萬` → `万`); any other character unchanged.
///
/// The table (`text/fold_table.rs`) is made by `scripts/make_fold.py` from
/// the characters of the crate's own word tables, with OpenCC's conversions;
/// it holds only Traditional forms that differ from their Simplified ones.
#[inline]
pub fn fold(c: char) -> char {
    // Every entry is a CJK ideograph: anything below the table's first
    // character is answered without a search, and nine in ten others by a
    // bit of `MAY_FOLD`.
    if c < fold_table::FIRST || !may_fold(c) {
        return c;
    }
    match fold_table::FOLD.binary_search_by_key(&c, |&(traditional, _)| traditional) {
        Ok(at) => fold_table::FOLD
            .get(at)
            .map_or(c, |&(_, simplified)| simplified),
        Err(_) => c,
    }
}

/// One bit for each of 2,048 buckets of characters (by their low 11 bits),
/// set when a Traditional form of the table falls in it: a character whose
/// bit is clear is not in the table. Made from the table at compile time.
const MAY_FOLD: [u64; 32] = {
    let mut bits = [0u64; 32];
    let mut i = 0;
    while i < fold_table::FOLD.len() {
        let bucket = (fold_table::FOLD[i].0 as u32 & 0x7ff) as usize;
        bits[bucket / 64] |= 1 << (bucket % 64);
        i += 1;
    }
    bits
};

#[inline]
fn may_fold(c: char) -> bool {
    let bucket = (c as u32 & 0x7ff) as usize;
    MAY_FOLD
        .get(bucket / 64)
        .is_some_and(|word| word & (1 << (bucket % 64)) != 0)
}

/// The character every matcher compares: half-width, Simplified, ASCII
/// lower case.
#[inline]
fn normal(c: char) -> char {
    fold(half_width(c)).to_ascii_lowercase()
}

/// The text of a cell or header with full-width forms made half-width,
/// Traditional characters of the vocabulary made Simplified, whitespace
/// removed and ASCII lower-cased: the form every matcher reads.
pub fn compact(text: &str) -> String {
    text.chars()
        .map(normal)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// True when the [`compact`] form of `text` equals `word`, without
/// allocating.
#[inline]
pub fn compact_eq(text: &str, word: &str) -> bool {
    text.chars()
        .map(normal)
        .filter(|c| !c.is_whitespace())
        .eq(word.chars())
}

/// The [`compact`] form of a cell, borrowed when the cell is compact already
/// (the common case), so that reading it costs no allocation.
pub fn compacted(cell: &str) -> Cow<'_, str> {
    let already = if cell.is_ascii() {
        !cell
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_whitespace() || b == 0x0b)
    } else {
        cell.chars().all(|c| !c.is_whitespace() && normal(c) == c)
    };
    if already {
        Cow::Borrowed(cell)
    } else {
        Cow::Owned(compact(cell))
    }
}

/// The text with the Traditional characters of the vocabulary made
/// Simplified (nothing else changes), borrowed when there are none: for
/// matching words inside names and units, which are never shown folded.
pub fn folded(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || text.chars().all(|c| fold(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(fold).collect())
    }
}

/// Text on one line: a line break inside a cell (Alt+Enter in Excel) joins
/// Chinese text directly and other text with a space.
pub fn one_line(cell: &str) -> String {
    let cell = trim(cell);
    if !cell.bytes().any(|b| b == b'\n' || b == b'\r') {
        return cell.to_string();
    }
    let mut out = String::with_capacity(cell.len());
    // A lone `\r` breaks a line too (old Mac files), which `str::lines`
    // does not see.
    for line in cell
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        let joins_cjk = out.chars().last().is_some_and(|c| !c.is_ascii())
            && line.chars().next().is_some_and(|c| !c.is_ascii());
        if !out.is_empty() && !joins_cjk {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_trim_agrees_with_trim_for_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buffer = [0u8; 4];
            let lead = c.encode_utf8(&mut buffer).as_bytes()[0];
            if c.is_whitespace() {
                assert!(!plainly_not_space(lead), "{c:?}");
            }
        }
        for text in [
            "",
            " ",
            "\u{3000}",
            "甲",
            " 甲\u{3000}",
            "a b",
            "\t1,234 ",
            "长兴\u{a0}",
            "é",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn compact_folds_width_case_space_and_traditional_forms() {
        assert_eq!(compact("ＮＡＭＥ"), "name");
        assert_eq!(compact(" 粉 丝 数 "), "粉丝数");
        assert_eq!(compact("公眾號名稱"), "公众号名称");
        assert_eq!(compact("公衆號名稱"), "公众号名称");
        assert_eq!(compact("主辦單位"), "主办单位");
        assert_eq!(compact("縣級部門"), "县级部门");
        assert_eq!(compact("鄉鎮（街道）"), "乡镇(街道)");
        assert_eq!(compact("專職"), "专职");
        assert_eq!(compact("１．２萬"), "1.2万");
        assert!(compact_eq("閱讀量", "阅读量"));
        assert!(!compact_eq("阅读", "阅读量"));
    }

    #[test]
    fn the_fold_table_is_sorted_and_changes_every_entry() {
        for pair in fold_table::FOLD.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{pair:?}");
        }
        for &(traditional, simplified) in fold_table::FOLD {
            assert_ne!(traditional, simplified);
            assert!(traditional >= fold_table::FIRST);
            assert_eq!(fold(traditional), simplified);
            // Folding is done once: a Simplified form folds to itself.
            assert_eq!(fold(simplified), simplified, "{simplified}");
        }
    }

    #[test]
    fn compacted_borrows_only_what_is_already_compact() {
        assert!(matches!(compacted("1.2万"), Cow::Borrowed(_)));
        assert!(matches!(compacted("abc"), Cow::Borrowed(_)));
        assert_eq!(compacted("1.2萬"), "1.2万");
        assert_eq!(compacted("１２"), "12");
        assert_eq!(compacted("A B"), "ab");
        // Names keep their own characters; only matching folds them.
        assert_eq!(folded("鄉鎮發佈"), "乡镇发布");
        assert!(matches!(folded("乡镇发布"), Cow::Borrowed(_)));
    }

    #[test]
    fn multi_line_cells_become_one_line() {
        assert_eq!(one_line("长兴\n发布"), "长兴发布");
        assert_eq!(one_line("Changxing\r\nRelease"), "Changxing Release");
        assert_eq!(one_line("长兴\r发布"), "长兴发布");
        assert_eq!(one_line(" A "), "A");
    }
}
