//! A cell's value as the text the importer reads: what the sheet shows,
//! without binary floating point's artefacts.
//!
//! A workbook stores numbers as binary doubles, so the cached value of
//! `=0.1+0.2` is 0.30000000000000004. Excel shows and copies at most 15
//! significant digits, which is what the user typed and sees; the reader
//! writes the same, and the importer then reads that decimal exactly (money
//! in fen, SPEC §4).

use calamine::{Data, DataRef};
use jianfu_core::date::Date;

/// Days between the 1900 and 1904 date systems: a workbook made on an old
/// Mac counts from 1904-01-01.
const DAYS_1904: i64 = 1462;

/// A cell's value, from either of calamine's forms of it.
pub(crate) enum Value<'a> {
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// An Excel date: its serial number.
    Date(f64),
    /// An ISO 8601 date or time (how an .ods file stores dates).
    Iso(&'a str),
    /// A formula's error (`#N/A`), as the sheet shows it.
    Error(String),
    Empty,
}

impl<'a> From<&'a Data> for Value<'a> {
    fn from(data: &'a Data) -> Value<'a> {
        match data {
            Data::Int(n) => Value::Int(*n),
            Data::Float(x) => Value::Float(*x),
            Data::String(s) => Value::Text(s),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(d) if d.is_datetime() => Value::Date(d.as_f64()),
            Data::DateTime(d) => Value::Float(d.as_f64()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Iso(s),
            Data::Error(e) => Value::Error(e.to_string()),
            Data::Empty => Value::Empty,
        }
    }
}

impl<'a> From<&'a DataRef<'a>> for Value<'a> {
    fn from(data: &'a DataRef<'a>) -> Value<'a> {
        match data {
            DataRef::Int(n) => Value::Int(*n),
            DataRef::Float(x) => Value::Float(*x),
            DataRef::String(s) => Value::Text(s),
            DataRef::SharedString(s) => Value::Text(s),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(d) if d.is_datetime() => Value::Date(d.as_f64()),
            DataRef::DateTime(d) => Value::Float(d.as_f64()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Iso(s),
            DataRef::Error(e) => Value::Error(e.to_string()),
            DataRef::Empty => Value::Empty,
        }
    }
}

impl Value<'_> {
    /// The text of the cell, as the sheet shows it; `None` for an empty
    /// cell. A date is written `2019-03-01` (its time of day, which no
    /// column here uses, is left out), a number with at most 15
    /// significant digits.
    pub(crate) fn text(&self, is_1904: bool) -> Option<String> {
        let text = match self {
            Value::Text(s) => s.to_string(),
            Value::Int(n) => n.to_string(),
            Value::Float(x) => number(*x),
            Value::Bool(true) => "TRUE".into(),
            Value::Bool(false) => "FALSE".into(),
            Value::Date(serial) => {
                let day = serial.floor() as i64 + if is_1904 { DAYS_1904 } else { 0 };
                match Date::from_excel_serial(day) {
                    Some(date) => {
                        let (y, m, d) = date.ymd();
                        format!("{y:04}-{m:02}-{d:02}")
                    }
                    // A time of day alone, or a serial outside the calendar.
                    None => number(*serial),
                }
            }
            Value::Iso(s) => match s.split_once('T') {
                // `2019-03-01T00:00:00`: the day.
                Some((day, _)) if Date::parse_iso(day).is_some() => day.to_string(),
                _ => s.to_string(),
            },
            Value::Error(e) => e.clone(),
            Value::Empty => return None,
        };
        (!text.is_empty()).then_some(text)
    }
}

/// A double as Excel shows it at most: 15 significant digits, no exponent,
/// no trailing zeros. `0.30000000000000004` is `0.3`, `1234.56` stays
/// `1234.56`, `24000` is `24000`.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x == x.trunc() && x.abs() < 1e15 {
        return format!("{x:.0}");
    }
    // `d.dddddddddddddde±x`: 15 significant digits, correctly rounded.
    let scientific = format!("{:.14e}", x.abs());
    let Some((mantissa, exponent)) = scientific.split_once('e') else {
        return x.to_string();
    };
    let Ok(exponent) = exponent.parse::<i64>() else {
        return x.to_string();
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    // Digits before the decimal point.
    let point = exponent + 1;
    let sign = if x < 0.0 { "-" } else { "" };
    let len = digits.len() as i64;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point >= len {
        format!("{digits}{}", "0".repeat((point - len) as usize))
    } else {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{whole}.{fraction}")
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_the_sheet_shows_them() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; 15 digits give 0.3.
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(1234.56), "1234.56");
        assert_eq!(number(24000.0), "24000");
        assert_eq!(number(-0.5), "-0.5");
        // 1/3 to 15 significant digits.
        assert_eq!(number(1.0 / 3.0), "0.333333333333333");
        assert_eq!(number(0.000_012_5), "0.0000125");
        // Past 15 digits a whole number keeps its magnitude.
        assert_eq!(number(1.5e20), "150000000000000000000");
        assert_eq!(number(123_456_789_012.345_6), "123456789012.346");
    }

    #[test]
    fn dates_are_days_in_either_date_system() {
        // 43525 is 2019-03-01 in the 1900 system; 1462 days earlier in the
        // 1904 system.
        assert_eq!(Value::Date(43525.0).text(false).unwrap(), "2019-03-01");
        assert_eq!(Value::Date(43525.75).text(false).unwrap(), "2019-03-01");
        assert_eq!(Value::Date(42063.0).text(true).unwrap(), "2019-03-01");
        assert_eq!(
            Value::Iso("2019-03-01T00:00:00").text(false).unwrap(),
            "2019-03-01"
        );
        assert_eq!(Value::Iso("2019-03-01").text(false).unwrap(), "2019-03-01");
        // A time of day alone is not a date.
        assert_eq!(Value::Date(0.5).text(false).unwrap(), "0.5");
        assert_eq!(Value::Empty.text(false), None);
        assert_eq!(Value::Text("").text(false), None);
    }
}
