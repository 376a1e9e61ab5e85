//! Dates as people write them in a cell.
//!
//! A full date in any of the forms Excel and people write (`2019-03-01`,
//! `2019/3/1`, `2019.3.1`, `2019年3月1日`, `20190301`, an Excel serial such
//! as `43525`, a date with a time after it, `19/4/18` with a two-digit
//! year); a day without a year (`7月16日`, `4-18`, `4/18`), read as the
//! latest such day on or before the as-of date; relative words (`今天`,
//! `昨天`, `上周`, `3天前`), counted back from it; and phrases of silence
//! (`近一月未更新`, `三个月未更新`) or of a stop (`已停更`, `从未更新`).

use crate::date::{Date, Meaning};
use crate::text::{compacted, half_width, trim};
use crate::values::{chinese_numeral, is_missing, Fault, Read};

/// What a date cell was read as, for the importer to store and to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A date written in full.
    Date(Date),
    /// A day written without a year: the latest such day on or before the
    /// as-of date.
    NoYear(Date),
    /// Words: a relative day, a span of silence or a stop.
    Words(Meaning),
}

/// Reads the last-post cell `cell`. Days without a year and relative words
/// need the as-of date; without one (`None`) they are unreadable, since any
/// year would be a guess. A month alone (`2019年3月`, `3月`) is read as its
/// last day on or before the as-of date, the latest the post can have been,
/// so that no account is called dormant on a guess.
pub fn read(cell: &str, as_of: Option<Date>) -> Read<Reading> {
    if let Some(date) = fast_date(trim(cell)) {
        return Ok(Some(Reading::Date(date)));
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
    let date_text = if text.contains('年') && text.contains(char::is_whitespace) {
        joined = text.split_whitespace().collect();
        joined.as_str()
    } else {
        text.split_whitespace().next().unwrap_or("")
    };
    let date_text = match date_text.split_once('T') {
        Some((day, _)) => day,
        None => date_text,
    };
    if let Some(date) = parse_date(date_text) {
        return Ok(Some(Reading::Date(date)));
    }
    let as_of = as_of.ok_or(Fault::Unreadable)?;
    if let Some(date) = without_year(date_text, as_of) {
        return Ok(Some(Reading::NoYear(date)));
    }
    words(&compacted(text), as_of)
        .map(|meaning| Some(Reading::Words(meaning)))
        .ok_or(Fault::Unreadable)
}

/// A day without a year (`7月16日`, `7月16号`, `4-18`, `4/18`, `16/4`) or
/// a month without one (`3月`): the latest such day on or before `as_of`.
fn without_year(text: &str, as_of: Date) -> Option<Date> {
    let month_only = text
        .strip_suffix("月份")
        .or_else(|| text.strip_suffix('月'))
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
    if let Some(month) = month_only {
        let month: u32 = month.parse().ok()?;
        return latest_of_month(month, as_of);
    }
    let mut parts = text
        .split(['-', '/', '.', '月', '日', '号'])
        .filter(|part| !part.is_empty());
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    if a.len() > 2 || b.len() > 2 || !(a.bytes().chain(b.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    // Month first, as Chinese writes it, unless the first cannot be a month.
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    as_of.latest(month, day)
}

/// The last day of the latest `month` on or before `as_of` (`as_of` itself
/// when it falls in that month).
fn latest_of_month(month: u32, as_of: Date) -> Option<Date> {
    let (year, this_month, _) = as_of.ymd();
    if month == this_month {
        return Some(as_of);
    }
    let year = if month < this_month { year } else { year - 1 };
    (28..=31)
        .rev()
        .find_map(|day| Date::from_ymd(year, month, day))
}

/// Words that say an account has stopped posting.
const STOPPED: &[&str] = &[
    "已停更",
    "停更",
    "长期停更",
    "长期未更新",
    "长期不更新",
    "从未更新",
    "从未发布",
    "从未发文",
    "未更新",
    "无更新",
    "不再更新",
    "停止更新",
    "已停止更新",
    "停止运营",
    "已停止运营",
    "停运",
    "已停运",
];

/// Words for a day counted back from the as-of date, in days.
const DAYS_BACK: &[(&str, i32)] = &[
    ("今天", 0),
    ("今日", 0),
    ("当天", 0),
    ("刚刚", 0),
    ("本周", 0),
    ("这周", 0),
    ("本月", 0),
    ("这个月", 0),
    ("昨天", 1),
    ("昨日", 1),
    ("前天", 2),
    ("上周", 7),
    ("上星期", 7),
    ("上上周", 14),
    ("上月", 30),
    ("上个月", 30),
];

/// Words that say "no post", after a span of time (`近一月未更新`).
const NO_POST: &[&str] = &[
    "未更新",
    "没更新",
    "没有更新",
    "无更新",
    "不更新",
    "未发布",
    "没发布",
    "未发文",
    "未推送",
    "未发",
    "停更",
];

/// Words before a span of silence that change nothing (`近`, `超过`, `已`).
const SPAN_PREFIXES: &[&str] = &[
    "已经", "已有", "超过", "连续", "长达", "将近", "接近", "近", "已", "逾", "超", "满", "约",
];

/// Reads words for the last post: a stop, a day counted back, or a span
/// of silence.
fn words(text: &str, as_of: Date) -> Option<Meaning> {
    if STOPPED.contains(&text) {
        return Some(Meaning::Stopped);
    }
    if let Some(&(_, days)) = DAYS_BACK.iter().find(|(word, _)| *word == text) {
        return as_of.add_days(-days).map(Meaning::On);
    }
    // `3天前`, `两周前`, `一个月前`: that long before the as-of date.
    if let Some(span) = text.strip_suffix('前').and_then(span_days) {
        return as_of.add_days(-span).map(Meaning::On);
    }
    // `近一月未更新`, `三个月未更新`, `半年没有更新`: no post for at least
    // that long.
    let span = NO_POST
        .iter()
        .find_map(|word| text.strip_suffix(word))
        .map(|rest| {
            let rest = rest.strip_suffix('内').unwrap_or(rest);
            SPAN_PREFIXES
                .iter()
                .find_map(|prefix| rest.strip_prefix(prefix))
                .unwrap_or(rest)
        })
        .and_then(span_days)?;
    as_of.add_days(-span).map(Meaning::NotSince)
}

/// A span of time in days: `3天`, `两周`, `一个月` (30 days), `三个月`,
/// `半年` (182), `一年` (365), `半个月` (15).
fn span_days(text: &str) -> Option<i32> {
    const UNITS: &[(&str, i32)] = &[
        ("个星期", 7),
        ("个礼拜", 7),
        ("星期", 7),
        ("礼拜", 7),
        ("个月", 30),
        ("天", 1),
        ("日", 1),
        ("周", 7),
        ("月", 30),
        ("年", 365),
    ];
    match text {
        "半年" => return Some(182),
        "半个月" | "半月" => return Some(15),
        _ => {}
    }
    let (count, unit) = UNITS
        .iter()
        .find_map(|(word, days)| text.strip_suffix(word).map(|count| (count, *days)))?;
    let count = match count {
        "" => 1,
        digits if digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 4 => {
            digits.parse().ok()?
        }
        words => match chinese_numeral(words)? {
            (low, high) if low == high => i32::try_from(low.to_integer()?).ok()?,
            _ => return None,
        },
    };
    count.checked_mul(unit)
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
        // A two-digit year, first as Chinese writes it (`19/4/18`), else
        // last (`4/18/19`).
        [a, b, c] if a.len() <= 2 && b.len() <= 2 && c.len() <= 2 => {
            let (a, b, c) = (number(a)?, number(b)?, number(c)?);
            Date::from_ymd(two_digit_year(a), b, c).or_else(|| {
                let (month, day) = if a > 12 { (b, a) } else { (a, b) };
                Date::from_ymd(two_digit_year(c), month, day)
            })
        }
        _ => None,
    }
}

/// The year a two-digit year stands for: `19` is 2019, `98` is 1998 (the
/// POSIX rule: 69 and below are this century).
fn two_digit_year(yy: u32) -> i32 {
    let yy = yy as i32;
    if yy <= 68 {
        2000 + yy
    } else {
        1900 + yy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::as_of;

    fn on(y: i32, m: u32, d: u32) -> Read<Reading> {
        Ok(Some(Reading::Date(Date::from_ymd(y, m, d).unwrap())))
    }

    #[test]
    fn dates_in_every_form() {
        let cases: &[(&str, Read<Reading>)] = &[
            ("2019-03-01", on(2019, 3, 1)),
            ("2019/3/1", on(2019, 3, 1)),
            ("2019.3.1", on(2019, 3, 1)),
            ("2019年3月1日", on(2019, 3, 1)),
            ("2019 年 3 月 1 日", on(2019, 3, 1)),
            ("２０１９年３月１日", on(2019, 3, 1)),
            ("43525", on(2019, 3, 1)),
            ("43525.75", on(2019, 3, 1)),
            ("20190301", on(2019, 3, 1)),
            ("2019/3/1 10:30", on(2019, 3, 1)),
            ("2019-03-01T10:30:00", on(2019, 3, 1)),
            ("3/1/2019", on(2019, 3, 1)),
            ("25/3/2019", on(2019, 3, 25)),
            ("2019年2月", on(2019, 2, 28)),
            ("2019-04", on(2019, 4, 30)),
            // Two-digit years are this century's, year first as in Chinese.
            ("19/4/18", on(2019, 4, 18)),
            ("19.4.18", on(2019, 4, 18)),
            ("19-4-18", on(2019, 4, 18)),
            ("4/18/19", on(2019, 4, 18)),
            ("", Ok(None)),
            ("无", Ok(None)),
            ("2019", Err(Fault::Unreadable)),
            ("2019-02-30", Err(Fault::Unreadable)),
            ("99999999999", Err(Fault::Unreadable)),
            ("很久以前", Err(Fault::Unreadable)),
        ];
        for (cell, expected) in cases {
            assert_eq!(&read(cell, Some(as_of())), expected, "{cell:?}");
        }
    }

    #[test]
    fn days_without_a_year_are_the_latest_on_or_before_the_as_of_date() {
        let no_year = |y, m, d| Ok(Some(Reading::NoYear(Date::from_ymd(y, m, d).unwrap())));
        // As of 2019-04-19: 16 July has not come yet, so it is 2018's;
        // 18 April has, so it is 2019's.
        for (cell, expected) in [
            ("7月16日", no_year(2018, 7, 16)),
            ("7月16号", no_year(2018, 7, 16)),
            ("７月１６日", no_year(2018, 7, 16)),
            ("4-18", no_year(2019, 4, 18)),
            ("4/18", no_year(2019, 4, 18)),
            ("04-18", no_year(2019, 4, 18)),
            ("4/19", no_year(2019, 4, 19)),
            ("4/20", no_year(2018, 4, 20)),
            // Day first only when the first cannot be a month.
            ("18/4", no_year(2019, 4, 18)),
            // A month alone: its last day, or the as-of day in its own month.
            ("3月", no_year(2019, 3, 31)),
            ("4月", no_year(2019, 4, 19)),
            ("5月份", no_year(2018, 5, 31)),
            ("2月30日", Err(Fault::Unreadable)),
        ] {
            assert_eq!(read(cell, Some(as_of())), expected, "{cell:?}");
        }
        // Without an as-of date, no year is guessed.
        assert_eq!(read("7月16日", None), Err(Fault::Unreadable));
        assert_eq!(read("2019-07-16", None), on(2019, 7, 16));
    }

    #[test]
    fn words_for_the_last_post() {
        let words = |meaning| Ok(Some(Reading::Words(meaning)));
        let day = |y, m, d| Date::from_ymd(y, m, d).unwrap();
        for (cell, expected) in [
            ("已停更", words(Meaning::Stopped)),
            ("停更", words(Meaning::Stopped)),
            ("长期未更新", words(Meaning::Stopped)),
            ("从未更新", words(Meaning::Stopped)),
            // 2019-04-19 counted back: yesterday, a week, three days.
            ("今天", words(Meaning::On(day(2019, 4, 19)))),
            ("昨天", words(Meaning::On(day(2019, 4, 18)))),
            ("本周", words(Meaning::On(day(2019, 4, 19)))),
            ("上周", words(Meaning::On(day(2019, 4, 12)))),
            ("3天前", words(Meaning::On(day(2019, 4, 16)))),
            ("两周前", words(Meaning::On(day(2019, 4, 5)))),
            // No post for at least: a month is 30 days (2019-03-20), three
            // months 90 (2019-01-19), half a year 182 (2018-10-19).
            ("近一月未更新", words(Meaning::NotSince(day(2019, 3, 20)))),
            ("近一个月未更新", words(Meaning::NotSince(day(2019, 3, 20)))),
            ("三个月未更新", words(Meaning::NotSince(day(2019, 1, 19)))),
            ("3个月未更新", words(Meaning::NotSince(day(2019, 1, 19)))),
            ("半年未更新", words(Meaning::NotSince(day(2018, 10, 19)))),
            (
                "超过一年没有更新",
                words(Meaning::NotSince(day(2018, 4, 19))),
            ),
            ("近两周内未发布", words(Meaning::NotSince(day(2019, 4, 5)))),
            ("经常更新", Err(Fault::Unreadable)),
            ("一月", Err(Fault::Unreadable)),
        ] {
            assert_eq!(read(cell, Some(as_of())), expected, "{cell:?}");
        }
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(two_digit_year(19), 2019);
        assert_eq!(two_digit_year(68), 2068);
        assert_eq!(two_digit_year(69), 1969);
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
