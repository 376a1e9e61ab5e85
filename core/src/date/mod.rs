//! Calendar dates without a date crate, and when an account last posted.
//!
//! The calculator needs only whole days: "last post" against an "as of" date.
//! A [`Date`] is a count of days since 1970-01-01 in the proleptic Gregorian
//! calendar, converted with Howard Hinnant's `days_from_civil` algorithm.
//!
//! A list does not always give the last post as a date. It may give a day
//! without a year (`7月16日`), a relative word (`昨天`, `上周`), a span of
//! silence (`近一月未更新`) or a state (`已停更`). [`read`] reads them all
//! against the as-of date into a [`LastPost`], which keeps the words so that
//! a reason can say how they were read.

use std::fmt;

use serde::{Serialize, Serializer};

mod read;

pub use read::{read, Reading};

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// When an account last posted, as its list says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LastPost {
    /// On a day written in full (`2019-04-18`, `19/4/18`, `43573`).
    On(Date),
    /// In words read against the as-of date, kept with the words.
    Said(Box<Said>),
}

/// Words for the last post and what they were read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    /// The cell as written, trimmed.
    pub written: Box<str>,
    /// What it was read as.
    pub meaning: Meaning,
}

/// What words for the last post mean, against the as-of date they were read
/// with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// A day worked out from the words: `7月16日` is the latest 16 July on
    /// or before the as-of date, `昨天` the day before it.
    On(Date),
    /// No post after this day: `近一月未更新` is none in the 30 days before
    /// the as-of date.
    NotSince(Date),
    /// The account has stopped posting (`已停更`, `从未更新`).
    Stopped,
}

/// How long an account has been silent at an as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Silence {
    /// Exactly this many days since the last post.
    Days(i32),
    /// At least this many days.
    AtLeast(i32),
    /// It has stopped posting.
    Stopped,
}

impl LastPost {
    /// The day of the last post, when the list gives or implies one.
    pub fn date(&self) -> Option<Date> {
        match self {
            LastPost::On(date) => Some(*date),
            LastPost::Said(said) => match said.meaning {
                Meaning::On(date) => Some(date),
                Meaning::NotSince(_) | Meaning::Stopped => None,
            },
        }
    }

    /// The words, when the list gave the last post in words.
    pub fn written(&self) -> Option<&str> {
        match self {
            LastPost::On(_) => None,
            LastPost::Said(said) => Some(&said.written),
        }
    }

    /// How long the account has been silent at `as_of`.
    pub fn silence(&self, as_of: Date) -> Silence {
        match self {
            LastPost::On(date) => Silence::Days(date.days_until(as_of)),
            LastPost::Said(said) => match said.meaning {
                Meaning::On(date) => Silence::Days(date.days_until(as_of)),
                Meaning::NotSince(date) => Silence::AtLeast(date.days_until(as_of)),
                Meaning::Stopped => Silence::Stopped,
            },
        }
    }
}

impl From<Date> for LastPost {
    fn from(date: Date) -> LastPost {
        LastPost::On(date)
    }
}

/// A day is serialized as `"YYYY-MM-DD"`; words as `{written, on}`,
/// `{written, notSince}` or `{written, stopped: true}`.
impl Serialize for LastPost {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct View<'a> {
            written: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            on: Option<Date>,
            #[serde(skip_serializing_if = "Option::is_none")]
            not_since: Option<Date>,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            stopped: bool,
        }
        match self {
            LastPost::On(date) => date.serialize(serializer),
            LastPost::Said(said) => {
                let (on, not_since, stopped) = match said.meaning {
                    Meaning::On(date) => (Some(date), None, false),
                    Meaning::NotSince(date) => (None, Some(date), false),
                    Meaning::Stopped => (None, None, true),
                };
                View {
                    written: &said.written,
                    on,
                    not_since,
                    stopped,
                }
                .serialize(serializer)
            }
        }
    }
}

/// Excel's serial number for 1970-01-01 (serial 1 is 1900-01-01, and Excel
/// counts a 1900-02-29 that never was, so modern serials are days since
/// 1899-12-30).
const EXCEL_SERIAL_1970: i64 = 25_569;

impl Date {
    /// The date `year-month-day`, or `None` if no such day exists. Years are
    /// limited to 1900–9999: anything else in an account list is a typo.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// The date for an Excel serial number such as `43525` (2019-03-01).
    /// Serials before 1900-03-01 (61) are rejected: they are more likely
    /// counts than dates.
    pub fn from_excel_serial(serial: i64) -> Option<Date> {
        if !(61..=2_958_465).contains(&serial) {
            return None;
        }
        let days = i32::try_from(serial - EXCEL_SERIAL_1970).ok()?;
        Some(Date { days })
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i32 {
        self.days
    }

    /// The date this many days after 1970-01-01, if it lies in 1900–9999.
    pub fn from_days_since_epoch(days: i32) -> Option<Date> {
        let date = Date { days };
        let (year, _, _) = date.ymd();
        (1900..=9999).contains(&year).then_some(date)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days - self.days
    }

    /// The year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// The date `days` days later (earlier for a negative count), if it lies
    /// in 1900–9999.
    pub fn add_days(self, days: i32) -> Option<Date> {
        Date::from_days_since_epoch(self.days.checked_add(days)?)
    }

    /// The latest `month`-`day` on or before `self`: 16 July as of
    /// 2019-04-19 is 2018-07-16, 18 April is 2019-04-18, and 29 February is
    /// that of the latest leap year. `None` for a day no year has.
    pub fn latest(self, month: u32, day: u32) -> Option<Date> {
        let (year, _, _) = self.ymd();
        // 29 February recurs within eight years (1900 and 2100 are not
        // leap years); any other day within one.
        (0..=8)
            .filter_map(|back| Date::from_ymd(year - back, month, day))
            .find(|date| *date <= self)
    }

    /// Parses `YYYY-MM-DD`, the form the assumptions and the JS API use.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::from_ymd(year, month, day)
    }
}

/// 1970-01-01, the zero of the day count.
impl Default for Date {
    fn default() -> Date {
        Date { days: 0 }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Dates reach JavaScript as `"YYYY-MM-DD"` strings.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_civil_dates() {
        let d = Date::from_ymd(2019, 4, 19).unwrap();
        assert_eq!(d.ymd(), (2019, 4, 19));
        assert_eq!(d.to_string(), "2019-04-19");
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::parse_iso("2019-04-19"), Some(d));
    }

    #[test]
    fn rejects_impossible_days() {
        assert_eq!(Date::from_ymd(2019, 2, 29), None);
        assert!(Date::from_ymd(2020, 2, 29).is_some());
        assert_eq!(Date::from_ymd(2019, 13, 1), None);
        assert_eq!(Date::from_ymd(2019, 4, 31), None);
        assert_eq!(Date::parse_iso("2019-4"), None);
    }

    #[test]
    fn reads_excel_serials() {
        // 43525 is 2019-03-01 in Excel's 1900 date system.
        assert_eq!(Date::from_excel_serial(43_525), Date::from_ymd(2019, 3, 1));
        assert_eq!(Date::from_excel_serial(60), None);
    }

    #[test]
    fn the_latest_day_of_a_month_on_or_before() {
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        // 16 July has not come yet in 2019: the one before is 2018's.
        assert_eq!(as_of.latest(7, 16), Date::from_ymd(2018, 7, 16));
        // 18 and 19 April have: this year's, the as-of day included.
        assert_eq!(as_of.latest(4, 18), Date::from_ymd(2019, 4, 18));
        assert_eq!(as_of.latest(4, 19), Date::from_ymd(2019, 4, 19));
        assert_eq!(as_of.latest(4, 20), Date::from_ymd(2018, 4, 20));
        // 29 February: 2016 is the latest leap year before 2019-04-19.
        assert_eq!(as_of.latest(2, 29), Date::from_ymd(2016, 2, 29));
        assert_eq!(as_of.latest(2, 30), None);
        assert_eq!(as_of.latest(13, 1), None);
        assert_eq!(as_of.add_days(-30), Date::from_ymd(2019, 3, 20));
    }

    #[test]
    fn silence_at_an_as_of_date() {
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        let day = Date::from_ymd(2019, 4, 4).unwrap();
        assert_eq!(LastPost::On(day).silence(as_of), Silence::Days(15));
        let said = |meaning| {
            LastPost::Said(Box::new(Said {
                written: "近一月未更新".into(),
                meaning,
            }))
        };
        // No post since 2019-03-20: at least 30 days.
        let since = said(Meaning::NotSince(as_of.add_days(-30).unwrap()));
        assert_eq!(since.silence(as_of), Silence::AtLeast(30));
        assert_eq!(since.date(), None);
        assert_eq!(since.written(), Some("近一月未更新"));
        assert_eq!(said(Meaning::Stopped).silence(as_of), Silence::Stopped);
        assert_eq!(said(Meaning::On(day)).date(), Some(day));
    }

    #[test]
    fn counts_days_between() {
        // 2019-04-05 → 2019-04-19 is 14 days; 2019-04-04 is 15.
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        assert_eq!(Date::from_ymd(2019, 4, 5).unwrap().days_until(as_of), 14);
        assert_eq!(Date::from_ymd(2019, 4, 4).unwrap().days_until(as_of), 15);
    }
}
