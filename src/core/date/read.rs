//! Dates as people write them in a cell: `2019-03-01`, `2019/3/1`,
//! `2019.3.1`, `2019年3月1日`, `20190301`, Excel serials such as `43525`,
//! and a date with a time after it.

use crate::core::date::Date;
use crate::core::text::{half_width, trim};
use crate::core::values::{is_missing, Fault, Read};

/// Reads a date: `2019-03-01`, `2019/3/1`, `2019.3.1`, `2019年3月1日`,
/// `20190301`, an Excel serial such as `43525`, a date with a time after it,
/// and `3/1/2019` (month first unless the first number exceeds 12). A month
/// alone (`2019年3月`) is read as its last day, the latest the post can have
/// been, so that no account is called dormant on a guess.
pub fn date(cell: &str) -> Read<Date> {
    if let Some(date) = fast_date(trim(cell)) {
        return Ok(Some(date));
    }
    if is_missing(cell) {
        return Ok(None);
    }
    let cell = cell.trim();
    let owned: String;
    let text = if cell.chars().all(|c| half_width(c) == c) {
        cell
    } else {
        owned = cell.chars().map(half_width).collect();
        owned.as_str()
    };
    // A time after the date (`2019/3/1 10:30`, `2019-03-01T10:30`) is
    // dropped; Chinese dates may have spaces between their parts.
    let joined: String;
    let text = if text.contains('年') && text.contains(char::is_whitespace) {
        joined = text.split_whitespace().collect();
        joined.as_str()
    } else {
        text.split_whitespace().next().unwrap_or("")
    };
    let text = match text.split_once('T') {
        Some((day, _)) => day,
        None => text,
    };
    parse_date(text).map(Some).ok_or(Fault::Unreadable)
}

/// `2019-03-01`, `2019/3/1` or `2019.3.1`: four digits of year, then month
/// and day of one or two digits, after the same separator. `None` for other
/// forms, which [`parse_date`] reads the long way.
fn fast_date(text: &str) -> Option<Date> {
    let [y0, y1, y2, y3, separator @ (b'-' | b'/' | b'.'), rest @ ..] = text.as_bytes() else {
        return None;
    };
    let year = [y0, y1, y2, y3]
        .into_iter()
        .try_fold(0, |year, &b| Some(year * 10 + ascii_digit(b)?))?;
    let (month, rest) = one_or_two_digits(rest)?;
    let [b, rest @ ..] = rest else {
        return None;
    };
    if b != separator {
        return None;
    }
    let (day, rest) = one_or_two_digits(rest)?;
    if !rest.is_empty() {
        return None;
    }
    Date::from_ymd(i32::try_from(year).ok()?, month, day)
}

/// A number of one or two ASCII digits at the start of `bytes`, and what
/// follows it.
fn one_or_two_digits(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let [first, rest @ ..] = bytes else {
        return None;
    };
    let first = ascii_digit(*first)?;
    match rest
        .split_first()
        .and_then(|(&b, after)| Some((ascii_digit(b)?, after)))
    {
        Some((second, after)) => Some((first * 10 + second, after)),
        None => Some((first, rest)),
    }
}

/// The value of an ASCII digit.
fn ascii_digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}

fn parse_date(text: &str) -> Option<Date> {
    if text.is_empty() {
        return None;
    }
    if let Some(date) = fast_date(text) {
        return Some(date);
    }
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
    {
        let (int_part, _) = text.split_once('.').unwrap_or((text, ""));
        if int_part.len() == 8 {
            let year = int_part.get(..4)?.parse().ok()?;
            let month = int_part.get(4..6)?.parse().ok()?;
            let day = int_part.get(6..)?.parse().ok()?;
            return Date::from_ymd(year, month, day);
        }
        // A bare year is not a date, and would otherwise be an Excel serial
        // in 1905.
        if int_part.len() == 4 && !text.contains('.') {
            if let Ok(year) = int_part.parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    return None;
                }
            }
        }
        // Excel serials of plausible post dates have five digits
        // (1927–2173); `2019.03` is a month, handled below.
        if int_part.len() == 5 {
            return Date::from_excel_serial(int_part.parse().ok()?);
        }
    }
    // At most three parts, each of at most four digits.
    let mut parts: [&str; 3] = [""; 3];
    let mut count = 0;
    for part in text
        .split(['-', '/', '.', '年', '月', '日', '号'])
        .filter(|p| !p.is_empty())
    {
        if count == parts.len() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts[count] = part;
        count += 1;
    }
    let parts = parts.get(..count)?;
    let number = |p: &str| p.parse::<u32>().ok();
    match parts {
        [y, m, d] if y.len() == 4 => Date::from_ymd(number(y)? as i32, number(m)?, number(d)?),
        [a, b, y] if y.len() == 4 => {
            let (a, b) = (number(a)?, number(b)?);
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            Date::from_ymd(number(y)? as i32, month, day)
        }
        [y, m] if y.len() == 4 => {
            let (year, month) = (number(y)? as i32, number(m)?);
            (28..=31)
                .rev()
                .find_map(|day| Date::from_ymd(year, month, day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let day = |y, m, d| Ok(Some(Date::from_ymd(y, m, d).unwrap()));
        let cases: &[(&str, Read<Date>)] = &[
            ("2019-03-01", day(2019, 3, 1)),
            ("2019/3/1", day(2019, 3, 1)),
            ("2019.3.1", day(2019, 3, 1)),
            ("2019年3月1日", day(2019, 3, 1)),
            ("2019 年 3 月 1 日", day(2019, 3, 1)),
            ("２０１９年３月１日", day(2019, 3, 1)),
            ("43525", day(2019, 3, 1)),
            ("43525.75", day(2019, 3, 1)),
            ("20190301", day(2019, 3, 1)),
            ("2019/3/1 10:30", day(2019, 3, 1)),
            ("2019-03-01T10:30:00", day(2019, 3, 1)),
            ("3/1/2019", day(2019, 3, 1)),
            ("25/3/2019", day(2019, 3, 25)),
            ("2019年2月", day(2019, 2, 28)),
            ("2019-04", day(2019, 4, 30)),
            ("", Ok(None)),
            ("无", Ok(None)),
            ("2019", Err(Fault::Unreadable)),
            ("2019-02-30", Err(Fault::Unreadable)),
            ("昨天", Err(Fault::Unreadable)),
            ("3月1日", Err(Fault::Unreadable)),
            ("99999999999", Err(Fault::Unreadable)),
        ];
        for (cell, expected) in cases {
            assert_eq!(&date(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn the_fast_date_path_agrees_with_the_long_way() {
        for text in [
            "2019-03-01",
            "2019/3/1",
            "2019.3.1",
            "2019-02-28",
            "2019/12/31",
            "2019/1/05",
        ] {
            assert_eq!(fast_date(text), parse_date(text), "{text}");
            assert!(fast_date(text).is_some(), "{text}");
        }
        for text in [
            "2019-3/1",
            "19-3-1",
            "2019-03",
            "2019--3-1",
            "2019-02-30",
            "3/1/2019",
            "20190301",
            "2019-003-1",
            "2019-3-1-",
            "2019-3-",
            "2019-a-1",
            "2019-13-1",
            "2019-1-1x",
        ] {
            assert_eq!(fast_date(text), None, "{text}");
        }
    }
}
