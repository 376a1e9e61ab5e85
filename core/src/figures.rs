//! How numbers are written in reasons and explanations.
//!
//! The reasons and the "how was this calculated" lines are sentences a
//! township official reads aloud, so their numbers follow each language's
//! habits: English groups digits from 1,000; Chinese leaves four-digit numbers
//! whole ("粉丝数856，低于1000") and groups from five digits, and writes large
//! sums of money in 万元 with two decimals ("289.50万元"), as the article does.

use crate::lang::Lang;
use crate::num::{write_decimal, Num, Span};

/// A number rounded to at most `places` decimals, trailing zeros dropped,
/// with digits grouped as the language does.
pub fn number(value: Num, places: u32, lang: Lang) -> String {
    let scaled = value.round_scaled(places);
    let text = decimal(scaled, places, false);
    group(&text, lang)
}

/// A count (of rows, accounts), grouped as the language does.
pub fn count(n: usize, lang: Lang) -> String {
    number(Num::int(i64::try_from(n).unwrap_or(i64::MAX)), 0, lang)
}

/// A range of numbers: `"2–3"`, or one number when the ends agree after
/// rounding.
pub fn number_span(span: Span, places: u32, lang: Lang) -> String {
    let low = number(span.low, places, lang);
    let high = number(span.high, places, lang);
    if low == high {
        low
    } else {
        format!("{low}–{high}")
    }
}

/// An amount of money in yuan: `"289.50万元"` / `"2.56元"` / `"500元"` in
/// Chinese, `"¥2,895,000"` / `"¥1.00"` in English.
pub fn money(yuan: Num, lang: Lang) -> String {
    let fen = yuan.round_scaled(2);
    if fen == 0 {
        return lang.pick("0元", "¥0").to_string();
    }
    // Whole amounts of a hundred yuan or more read better without ".00";
    // small amounts such as a cost per read keep their fen.
    let fixed = !(fen % 100 == 0 && fen.unsigned_abs() >= 10_000);
    match lang {
        Lang::Zh if fen.unsigned_abs() >= 1_000_000 => {
            let wan = (yuan / Num::int(10_000)).round_scaled(2);
            format!("{}万元", group(&decimal(wan, 2, true), lang))
        }
        Lang::Zh => format!("{}元", group(&decimal(fen, 2, fixed), lang)),
        Lang::En => format!("¥{}", group(&decimal(fen, 2, fixed), lang)),
    }
}

/// A range of money, `"10.00万元–12.00万元"` or `"¥100,000–¥120,000"`, or one
/// amount when the ends agree.
pub fn money_span(span: Span, lang: Lang) -> String {
    let low = money(span.low, lang);
    let high = money(span.high, lang);
    if low == high {
        low
    } else {
        format!("{low}–{high}")
    }
}

/// A number with exactly `places` decimals and no digit grouping, for a
/// spreadsheet cell that must stay summable or a 万 figure in a report:
/// `fixed(50800, 2)` is `"50800.00"`.
pub fn fixed(value: Num, places: u32) -> String {
    decimal(value.round_scaled(places), places, true)
}

/// A large count such as hours a year, as a report writes it: in Chinese
/// `1.23万` from ten thousand (two decimals), else a whole number; in
/// English a whole number with digit grouping.
pub fn large_number(value: Num, lang: Lang) -> String {
    match lang {
        Lang::Zh if value.round_scaled(0).abs() >= 10_000 => {
            let wan = (value / Num::int(10_000)).round_scaled(2);
            format!("{}万", group(&decimal(wan, 2, true), lang))
        }
        _ => number(value, 0, lang),
    }
}

/// A share as a percentage: 0.3 → `"30%"`.
pub fn percent(share: Num, lang: Lang) -> String {
    format!("{}%", number(share * Num::int(100), 1, lang))
}

/// A range of shares as percentages: `"20%–40%"`.
pub fn percent_span(span: Span, lang: Lang) -> String {
    let low = percent(span.low, lang);
    let high = percent(span.high, lang);
    if low == high {
        low
    } else {
        format!("{low}–{high}")
    }
}

/// Writes an integer scaled by `10^places` as a decimal, keeping all
/// `places` digits when `fixed`, else dropping trailing zeros.
fn decimal(scaled: i128, places: u32, fixed: bool) -> String {
    let mut text = String::new();
    // Writing to a String cannot fail.
    let _ = write_decimal(&mut text, scaled, places, fixed);
    text
}

/// Inserts thousands separators into the integer part of a plain decimal.
fn group(text: &str, lang: Lang) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    let min_digits = match lang {
        Lang::Zh => 5,
        Lang::En => 4,
    };
    let grouped = if int.len() < min_digits {
        int.to_string()
    } else {
        let mut out = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        out
    };
    match frac {
        Some(frac) => format!("{sign}{grouped}.{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::n;

    #[test]
    fn large_numbers_switch_to_wan_from_ten_thousand() {
        assert_eq!(large_number(Num::int(9_999), Lang::Zh), "9999");
        assert_eq!(large_number(Num::int(10_000), Lang::Zh), "1.00万");
        assert_eq!(large_number(Num::int(12_345), Lang::Zh), "1.23万");
        // 9,999.6 rounds to 10,000 hours, so it is written in 万.
        let almost = Num::parse_decimal("9999.6").unwrap_or_default();
        assert_eq!(large_number(almost, Lang::Zh), "1.00万");
        assert_eq!(large_number(Num::int(12_345), Lang::En), "12,345");
        assert_eq!(fixed(Num::int(50_800), 2), "50800.00");
        assert_eq!(fixed(Num::ratio(-1, 2).unwrap_or_default(), 2), "-0.50");
    }

    #[test]
    fn groups_digits_by_language() {
        assert_eq!(number(Num::int(1000), 0, Lang::En), "1,000");
        assert_eq!(number(Num::int(1000), 0, Lang::Zh), "1000");
        assert_eq!(number(Num::int(12345), 0, Lang::Zh), "12,345");
        assert_eq!(number(Num::int(856), 0, Lang::En), "856");
        assert_eq!(number(n("-1234567.5"), 1, Lang::En), "-1,234,567.5");
        assert_eq!(number(n("2.50"), 2, Lang::En), "2.5");
        assert_eq!(number(Num::int(2) / Num::int(3), 2, Lang::En), "0.67");
    }

    #[test]
    fn writes_money_as_people_do() {
        assert_eq!(money(Num::int(2_895_000), Lang::Zh), "289.50万元");
        assert_eq!(money(Num::int(2_895_000), Lang::En), "¥2,895,000");
        assert_eq!(money(n("2.564"), Lang::Zh), "2.56元");
        assert_eq!(money(n("2.5"), Lang::En), "¥2.50");
        assert_eq!(money(Num::ONE, Lang::Zh), "1.00元");
        assert_eq!(money(Num::int(500), Lang::Zh), "500元");
        assert_eq!(money(Num::ZERO, Lang::Zh), "0元");
        assert_eq!(money(n("0.001"), Lang::En), "¥0");
        assert_eq!(money(Num::int(9_999), Lang::Zh), "9999元");
        assert_eq!(money(Num::int(10_000), Lang::Zh), "1.00万元");
        assert_eq!(
            money_span(Span::new(Num::int(100_000), Num::int(120_000)), Lang::En),
            "¥100,000–¥120,000"
        );
    }

    #[test]
    fn writes_ranges_and_percentages() {
        assert_eq!(
            number_span(Span::new(Num::int(2), Num::int(3)), 0, Lang::En),
            "2–3"
        );
        assert_eq!(number_span(Span::point(Num::int(7)), 0, Lang::En), "7");
        assert_eq!(percent(n("0.3"), Lang::Zh), "30%");
        assert_eq!(percent(n("0.125"), Lang::En), "12.5%");
        assert_eq!(
            percent_span(Span::new(n("0.2"), n("0.4")), Lang::En),
            "20%–40%"
        );
    }
}
