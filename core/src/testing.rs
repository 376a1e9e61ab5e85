//! What the core's unit tests share (the integration tests have the same in
//! `tests/common`): the as-of date the figures were worked out against, and
//! exact numbers written briefly.

use crate::date::Date;
use crate::num::{Num, Span};

/// The day the article's figures hold for (SPEC §7): 2019-04-19.
pub(crate) fn as_of() -> Date {
    Date::from_ymd(2019, 4, 19).unwrap()
}

/// A whole number as a span of one point.
pub(crate) fn int(n: i64) -> Span {
    Span::point(Num::int(n))
}

/// A decimal written out, read exactly.
pub(crate) fn n(text: &str) -> Num {
    Num::parse_decimal(text).unwrap()
}
