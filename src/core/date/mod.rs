//! Calendar dates without a date crate.
//!
//! The calculator needs only whole days: "last post" against an "as of" date.
//! A [`Date`] is a count of days since 1970-01-01 in the proleptic Gregorian
//! calendar, converted with Howard Hinnant's `days_from_civil` algorithm.

use std::fmt;

use serde::{Serialize, Serializer};

mod read;

pub use read::date as read;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
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
    fn counts_days_between() {
        // 2019-04-05 → 2019-04-19 is 14 days; 2019-04-04 is 15.
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        assert_eq!(Date::from_ymd(2019, 4, 5).unwrap().days_until(as_of), 14);
        assert_eq!(Date::from_ymd(2019, 4, 4).unwrap().days_until(as_of), 15);
    }
}
