//! What the integration tests share: the as-of date the figures were worked
//! out against, exact figures, the estimate with the default assumptions,
//! and the fixtures. Each test file is its own crate and uses some of these,
//! hence `dead_code` is allowed here.
#![allow(dead_code)]

use jianfu::core::account::{Account, Figure};
use jianfu::core::assumptions::Assumptions;
use jianfu::core::date::Date;
use jianfu::core::estimate::{estimate, AccountKey, Estimate, Overrides};
use jianfu::core::num::{Num, Span};
use jianfu::core::plan::Plan;

/// The day the article's figures hold for (SPEC §7): 2019-04-19.
pub fn as_of() -> Date {
    Date::from_ymd(2019, 4, 19).unwrap()
}

/// A whole number as a span of one point.
pub fn int(n: i64) -> Span {
    Span::point(Num::int(n))
}

/// A whole number as an account's figure.
pub fn figure(n: i64) -> Figure {
    int(n).into()
}

/// A decimal written out, read exactly.
pub fn n(text: &str) -> Num {
    Num::parse_decimal(text).unwrap()
}

/// The estimate with the default assumptions, as of [`as_of`].
pub fn run(accounts: &[Account], overrides: &Overrides) -> Estimate {
    let plan = Plan::new(Assumptions::default()).with_overrides(overrides.clone());
    estimate(accounts, &plan, as_of())
}

/// The override key of the first account named `name` with no unit, on
/// WeChat: the accounts the tests make with `Account::named`.
pub fn key(name: &str) -> AccountKey {
    AccountKey::of(&Account::named(0, name), 0)
}

/// A file under `tests/fixtures/`, as text.
pub fn fixture(path: &str) -> String {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
