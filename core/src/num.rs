//! Exact numbers and ranges.
//!
//! Every figure the calculator shows can be explained to a superior, so none
//! of them may drift the way binary floating point does: `289.50万元` must
//! add up to `289.50万元`, not `289.4999`. [`Num`] is an exact rational
//! (`i128 / i128`), which also keeps conversions such as "per month × 12 / 52"
//! exact. Rounding happens only when a number is displayed.
//!
//! [`Span`] is a closed interval `[low, high]`. The assumptions in SPEC §3 are
//! ranges ("2–3 hours a post"), and every formula is monotone in each input, so
//! interval arithmetic on the ends gives exact bounds.
//!
//! A result too large for 64 bits (absurd inputs only: 9999亿 posts ×
//! 9999亿 hours) is approximated rather than panicking, and [`exactly`]
//! tells the caller so, so that no approximated figure is shown without a
//! word.

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Div, Mul, Sub};

use serde::{Serialize, Serializer};

/// An exact rational number, always stored in lowest terms with a positive
/// denominator.
///
/// Stored in 64 bits a side: every figure of a real list fits with room to
/// spare (money is limited to a trillion yuan, in fen), 64-bit arithmetic is
/// native in WebAssembly where 128-bit is a library call, and an account's
/// seven ranges take half the memory. Intermediate results are worked out in
/// `i128`, so a product or sum is exact whenever the reduced result fits.
///
/// Arithmetic never panics. A result that would not fit (absurd inputs only)
/// falls back to a close approximation instead of killing the page, which
/// [`exactly`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Num {
    num: i64,
    den: i64,
}

/// A closed interval of exact numbers, `low <= high`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// The lower end.
    pub low: Num,
    /// The upper end.
    pub high: Num,
}

thread_local! {
    /// Set by every result that had to be approximated, and read by
    /// [`exactly`]. A flag rather than a `Result` from every operator: the
    /// formulas stay written as formulas, and the flag costs nothing until
    /// the rare inputs that set it.
    static APPROXIMATED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, and tells whether every arithmetic result in it was exact
/// enough to show (false when one was approximated beyond what is shown: a
/// result from a trillion up that does not fit 64 bits, or a division by
/// zero, taken as zero; a fraction rounded to millionths is not counted). Calls may nest: an approximation inside is also
/// reported to the `exactly` around.
///
/// ```
/// use jianfu_core::num::{exactly, Num};
///
/// let (sum, exact) = exactly(|| Num::int(2) + Num::int(3));
/// assert_eq!((sum, exact), (Num::int(5), true));
/// let (_, exact) = exactly(|| Num::int(i64::MAX) * Num::int(3));
/// assert!(!exact);
/// ```
pub fn exactly<T>(work: impl FnOnce() -> T) -> (T, bool) {
    let outer = APPROXIMATED.with(|flag| flag.replace(false));
    let value = work();
    let approximated = APPROXIMATED.with(|flag| flag.replace(outer || flag.get()));
    (value, !approximated)
}

/// Notes that a result was approximated (see [`exactly`]).
fn approximated() {
    APPROXIMATED.with(|flag| flag.set(true));
}

impl Num {
    /// The sign: -1, 0 or 1 (the denominator is kept positive).
    pub fn signum(self) -> i64 {
        self.num.signum()
    }

    /// The absolute value (saturating at the largest for the smallest
    /// numerator, which no figure here reaches).
    pub fn abs(self) -> Num {
        Num {
            num: self.num.saturating_abs(),
            den: self.den,
        }
    }

    /// Zero.
    pub const ZERO: Num = Num { num: 0, den: 1 };
    /// One.
    pub const ONE: Num = Num { num: 1, den: 1 };

    /// An integer.
    pub const fn int(n: i64) -> Num {
        Num { num: n, den: 1 }
    }

    /// `num / den`, or `None` when `den` is zero.
    pub fn ratio(num: i128, den: i128) -> Option<Num> {
        if den == 0 {
            return None;
        }
        Some(Num::reduced(num, den))
    }

    /// Parses a plain ASCII decimal such as `12`, `-3.5` or `.25`.
    ///
    /// This is the last step of reading a cell, after the importer has removed
    /// separators, units and full-width forms; it rejects everything else,
    /// including exponents, `NaN` and infinities. At most 18 fractional digits
    /// and 30 integer digits are accepted, and only while the digits fit an
    /// `i128`.
    pub fn parse_decimal(text: &str) -> Option<Num> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int_part) || !all_digits(frac_part) {
            return None;
        }
        let int_part = int_part.trim_start_matches('0');
        let frac_part = frac_part.trim_end_matches('0');
        if int_part.len() > 30 || frac_part.len() > 18 {
            return None;
        }
        let mut num: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            num = num.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        let den = 10i128.pow(frac_part.len() as u32);
        Some(Num::reduced(if negative { -num } else { num }, den))
    }

    /// The numerator in lowest terms.
    pub fn numer(self) -> i128 {
        i128::from(self.num)
    }

    /// The denominator in lowest terms, always positive.
    pub fn denom(self) -> i128 {
        i128::from(self.den)
    }

    /// True when the number is a whole number.
    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    /// The number as an `i64` when it is whole.
    pub fn to_integer(self) -> Option<i64> {
        (self.den == 1).then_some(self.num)
    }

    /// The nearest `f64`, for charts and the JS API.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// The number rounded half away from zero to `places` decimal places,
    /// returned as an integer scaled by `10^places` (so `round_scaled(2)` of
    /// 2.005 is 201).
    pub fn round_scaled(self, places: u32) -> i128 {
        // In 64 bits whenever the scaled numerator fits, as nearly every
        // figure's does: 64-bit division is one instruction in wasm, 128-bit
        // division a library call, and every figure written and every sum
        // of money handed to JS is rounded here. The remainder is below
        // `den`, so twice it fits a `u64`.
        let den = self.den;
        if let Some(scaled) = 10i64
            .checked_pow(places)
            .and_then(|s| self.num.checked_mul(s))
        {
            let (q, r) = (scaled / den, scaled % den);
            let away = r.unsigned_abs() * 2 >= den.unsigned_abs();
            return i128::from(if away { q + scaled.signum() } else { q });
        }
        let scale = 10i128.checked_pow(places).unwrap_or(i128::MAX);
        let den = self.denom();
        match self.numer().checked_mul(scale) {
            Some(scaled) => {
                let q = scaled / den;
                let r = scaled % den;
                if r.unsigned_abs() * 2 >= den.unsigned_abs() {
                    q + scaled.signum()
                } else {
                    q
                }
            }
            None => (self.to_f64() * scale as f64).round() as i128,
        }
    }

    /// The midpoint of `self` and `other`.
    pub fn midpoint(self, other: Num) -> Num {
        let sum = self + other;
        // Halved without a division: an even numerator halves, an odd one
        // doubles the denominator, and either way the result stays in
        // lowest terms (an odd numerator shares no factor 2).
        match (sum.num % 2 == 0, sum.den.checked_mul(2)) {
            (true, _) => Num {
                num: sum.num / 2,
                den: sum.den,
            },
            (false, Some(den)) => Num { num: sum.num, den },
            (false, None) => sum / Num::int(2),
        }
    }

    /// Builds a number from a numerator and denominator, reducing it and
    /// making the denominator positive. `den` must not be zero.
    fn reduced(num: i128, den: i128) -> Num {
        if let (Ok(num), Ok(den)) = (i64::try_from(num), i64::try_from(den)) {
            if let Some(reduced) = Num::reduced64(num, den) {
                return reduced;
            }
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs()).max(1);
        // `g` divides both; the quotients fit back into i128, except for
        // i128::MIN / 1, which the sign step below sends to the fallback.
        let (mut num, mut den) = (num / g as i128, den / g as i128);
        if den < 0 {
            match (num.checked_neg(), den.checked_neg()) {
                (Some(n), Some(d)) => (num, den) = (n, d),
                _ => return Num::approximate(num as f64 / den as f64),
            }
        }
        match (i64::try_from(num), i64::try_from(den)) {
            (Ok(num), Ok(den)) => Num { num, den },
            _ => Num::approximate(num as f64 / den as f64),
        }
    }

    /// [`Num::reduced`] in 64-bit arithmetic, which is native in wasm where
    /// 128-bit division is a library call; `None` in the one case it cannot
    /// do (a sign that cannot be flipped at `i64::MIN`).
    fn reduced64(num: i64, den: i64) -> Option<Num> {
        if den == 1 {
            return Some(Num { num, den });
        }
        // Dividing magnitudes keeps `i64::MIN` out of signed division.
        let g = gcd64(num.unsigned_abs(), den.unsigned_abs()).max(1);
        let magnitude = i64::try_from(num.unsigned_abs() / g).ok()?;
        let den_magnitude = i64::try_from(den.unsigned_abs() / g).ok()?;
        let negative = (num < 0) != (den < 0);
        Some(Num {
            num: if negative { -magnitude } else { magnitude },
            den: den_magnitude,
        })
    }

    /// The fallback for results that would not fit: the value rounded to
    /// millionths (whole numbers from a trillion up), saturated at the ends
    /// of `i64`.
    ///
    /// Below a trillion the rounding is to millionths, finer than any
    /// figure is shown (money to the fen, hours whole): a cost per read of
    /// two long fractions gets here with ordinary inputs, and is not
    /// reported. From a trillion up whole numbers lose the fen, and at the
    /// ends of `i64` the value saturates: those are reported to
    /// [`exactly`].
    fn approximate(value: f64) -> Num {
        if value.is_nan() || value.abs() >= 1e12 {
            approximated();
        }
        if value.is_nan() {
            return Num::ZERO;
        }
        let scale: i64 = if value.abs() < 1e12 { 1_000_000 } else { 1 };
        // `as` saturates at the ends of i64.
        let scaled = (value * scale as f64).round() as i64;
        Num::reduced(i128::from(scaled), i128::from(scale))
    }

    /// Exact addition, or `None` when even `i128` overflows.
    fn checked_add(self, other: Num) -> Option<Num> {
        // A whole number added to a fraction in lowest terms: a/d + k is
        // (a + k·d)/d, and still in lowest terms (a factor of d that divided
        // a + k·d would divide a), so no gcd at all. The totals take this
        // path: whole figures added to a sum that one fraction has made
        // fractional.
        let (whole, fraction) = if other.den == 1 {
            (other, self)
        } else {
            (self, other)
        };
        if whole.den == 1 {
            let sum = whole
                .num
                .checked_mul(fraction.den)
                .and_then(|scaled| scaled.checked_add(fraction.num));
            if let Some(num) = sum {
                return Some(Num {
                    num,
                    den: fraction.den,
                });
            }
        }
        if self.den == other.den {
            // The common case (whole numbers, money in the same unit): no
            // cross-multiplying, and no division when the sum fits.
            if let Some(sum) = self.num.checked_add(other.num) {
                return Some(Num::reduced(i128::from(sum), self.denom()));
            }
            return Some(Num::reduced(self.numer() + other.numer(), self.denom()));
        }
        // In 64 bits while everything fits.
        let g = gcd64(self.den as u64, other.den as u64) as i64;
        let narrow = || {
            let left = self.num.checked_mul(other.den / g)?;
            let right = other.num.checked_mul(self.den / g)?;
            let den = (self.den / g).checked_mul(other.den)?;
            Some(Num::reduced(
                i128::from(left.checked_add(right)?),
                i128::from(den),
            ))
        };
        if let Some(sum) = narrow() {
            return Some(sum);
        }
        let (a, b) = (self.denom(), other.denom());
        let g = gcd(a as u128, b as u128) as i128;
        let left = self.numer().checked_mul(b / g)?;
        let right = other.numer().checked_mul(a / g)?;
        let den = (a / g).checked_mul(b)?;
        Some(Num::reduced(left.checked_add(right)?, den))
    }

    /// [`Add`] past whole numbers (see there).
    #[inline(never)]
    fn add_fractions(self, other: Num) -> Num {
        self.combine(other, Num::checked_add, |a, b| a + b)
    }

    fn combine(
        self,
        other: Num,
        exact: impl FnOnce(Num, Num) -> Option<Num>,
        approx: fn(f64, f64) -> f64,
    ) -> Num {
        exact(self, other)
            .unwrap_or_else(|| Num::approximate(approx(self.to_f64(), other.to_f64())))
    }
}

/// Euclid's algorithm. Almost every value fits 64 bits, and 128-bit division
/// is slow (a library call on every target, wasm32 included), so the loop
/// runs in `u64` as soon as both numbers fit.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        if let (Ok(a64), Ok(b64)) = (u64::try_from(a), u64::try_from(b)) {
            return u128::from(gcd64(a64, b64));
        }
        (a, b) = (b, a % b);
    }
    a
}

fn gcd64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Default for Num {
    fn default() -> Num {
        Num::ZERO
    }
}

impl From<i64> for Num {
    fn from(n: i64) -> Num {
        Num::int(n)
    }
}

impl Add for Num {
    type Output = Num;
    /// Always inlined, and so only the whole numbers' sum: the totals add
    /// some thirty numbers an account, most of them whole, and a call with
    /// the fractions' code in it cost more than the sum (5% of the
    /// instructions of three plans over 100,000 rows). The fractions' sum
    /// is a call.
    #[inline(always)]
    fn add(self, other: Num) -> Num {
        if let (1, 1, Some(sum)) = (self.den, other.den, self.num.checked_add(other.num)) {
            return Num::int(sum);
        }
        self.add_fractions(other)
    }
}

impl Sub for Num {
    type Output = Num;
    fn sub(self, other: Num) -> Num {
        self.combine(
            other,
            |a, b| {
                let negated = match b.num.checked_neg() {
                    Some(num) => Num { num, den: b.den },
                    None => return Some(Num::reduced(a.numer() - b.numer(), 1)),
                };
                a.checked_add(negated)
            },
            |a, b| a - b,
        )
    }
}

impl Mul for Num {
    type Output = Num;
    fn mul(self, other: Num) -> Num {
        if let (1, 1, Some(product)) = (self.den, other.den, self.num.checked_mul(other.num)) {
            return Num::int(product);
        }
        self.combine(
            other,
            |a, b| {
                // Cross-reduced in 64 bits: with both factors in lowest
                // terms, the product of the reduced parts is too.
                let g1 = gcd64(a.num.unsigned_abs(), b.den as u64).max(1);
                let g2 = gcd64(b.num.unsigned_abs(), a.den as u64).max(1);
                let num = (a.num.unsigned_abs() / g1).checked_mul(b.num.unsigned_abs() / g2);
                let den = (a.den as u64 / g2).checked_mul(b.den as u64 / g1);
                if let (Some(num), Some(den)) = (num, den) {
                    if let (Ok(num), Ok(den)) = (i64::try_from(num), i64::try_from(den)) {
                        let negative = (a.num < 0) != (b.num < 0);
                        let num = if negative { -num } else { num };
                        return Some(Num { num, den });
                    }
                }
                // Cross-reduce first so that the products stay small.
                let g1 = gcd(a.numer().unsigned_abs(), b.den as u128).max(1) as i128;
                let g2 = gcd(b.numer().unsigned_abs(), a.den as u128).max(1) as i128;
                let num = (a.numer() / g1).checked_mul(b.numer() / g2)?;
                let den = (a.denom() / g2).checked_mul(b.denom() / g1)?;
                Some(Num::reduced(num, den))
            },
            |a, b| a * b,
        )
    }
}

/// Division by zero yields zero: every caller divides by a count that the
/// formulas guard, and a page that shows 0 beats a page that dies.
impl Div for Num {
    type Output = Num;
    fn div(self, other: Num) -> Num {
        if other.num == 0 {
            approximated();
            return Num::ZERO;
        }
        let inverse = Num::reduced(other.denom(), other.numer());
        self * inverse
    }
}

impl std::iter::Sum for Num {
    fn sum<I: Iterator<Item = Num>>(iter: I) -> Num {
        iter.fold(Num::ZERO, Add::add)
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Num) -> Ordering {
        if self.den == other.den {
            return self.num.cmp(&other.num);
        }
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(a), Some(b)) => a.cmp(&b),
            // 64 × 64 bits always fit in 128.
            _ => (self.numer() * other.denom()).cmp(&(other.numer() * self.denom())),
        }
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Shows the exact value when it is a finite decimal of up to six places,
/// otherwise the value rounded to six places.
impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_decimal(f, self.round_scaled(6), 6, false)
    }
}

/// Writes `scaled / 10^places` (`places` at most 18) as a plain decimal,
/// `-1234.5`: with exactly `places` decimals when `fixed`, else with its
/// trailing zeros (and a point left alone) dropped.
pub(crate) fn write_decimal(
    out: &mut impl fmt::Write,
    scaled: i128,
    places: u32,
    fixed: bool,
) -> fmt::Result {
    if scaled < 0 {
        out.write_char('-')?;
    }
    let abs = scaled.unsigned_abs();
    // In 64 bits when it fits (see `round_scaled`).
    let frac = match u64::try_from(abs) {
        Ok(abs) => {
            let scale = 10u64.pow(places);
            write!(out, "{}", abs / scale)?;
            abs % scale
        }
        Err(_) => {
            let scale = 10u128.pow(places);
            write!(out, "{}", abs / scale)?;
            (abs % scale) as u64
        }
    };
    let (mut frac, mut width) = (frac, places as usize);
    while !fixed && width > 0 && frac % 10 == 0 {
        (frac, width) = (frac / 10, width - 1);
    }
    match width {
        0 => Ok(()),
        _ => write!(out, ".{frac:0width$}"),
    }
}

/// Numbers reach JavaScript as plain numbers.
impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.to_f64())
    }
}

impl Span {
    /// The range `[low, high]`, with the ends swapped if given the wrong way
    /// round (people type `3-2` too).
    pub fn new(low: Num, high: Num) -> Span {
        if low <= high {
            Span { low, high }
        } else {
            Span {
                low: high,
                high: low,
            }
        }
    }

    /// A single value: a range whose ends are equal.
    pub fn point(value: Num) -> Span {
        Span {
            low: value,
            high: value,
        }
    }

    /// Zero.
    pub const ZERO: Span = Span {
        low: Num::ZERO,
        high: Num::ZERO,
    };

    /// The midpoint, which SPEC §4 uses to compare a range with a threshold.
    pub fn midpoint(self) -> Num {
        self.low.midpoint(self.high)
    }

    /// True when both ends are equal.
    pub fn is_point(self) -> bool {
        self.low == self.high
    }

    /// Multiplies every end by a constant.
    pub fn scale(self, factor: Num) -> Span {
        Span::new(self.low * factor, self.high * factor)
    }
}

impl Default for Span {
    fn default() -> Span {
        Span::ZERO
    }
}

impl From<Num> for Span {
    fn from(value: Num) -> Span {
        Span::point(value)
    }
}

impl Add for Span {
    type Output = Span;
    fn add(self, other: Span) -> Span {
        // Ordered ends add to ordered ends.
        Span {
            low: self.low + other.low,
            high: self.high + other.high,
        }
    }
}

impl Sub for Span {
    type Output = Span;
    /// Interval subtraction: the lowest result subtracts the highest value.
    fn sub(self, other: Span) -> Span {
        Span::new(self.low - other.high, self.high - other.low)
    }
}

impl Mul for Span {
    type Output = Span;
    /// Interval multiplication, correct for any signs.
    fn mul(self, other: Span) -> Span {
        // Counts, hours and money are never negative: the ends multiply
        // with each other, two products instead of four.
        if self.low >= Num::ZERO && other.low >= Num::ZERO {
            return Span {
                low: self.low * other.low,
                high: self.high * other.high,
            };
        }
        let products = [
            self.low * other.low,
            self.low * other.high,
            self.high * other.low,
            self.high * other.high,
        ];
        let low = products.iter().copied().min().unwrap_or_default();
        let high = products.iter().copied().max().unwrap_or_default();
        Span { low, high }
    }
}

impl std::iter::Sum for Span {
    fn sum<I: Iterator<Item = Span>>(iter: I) -> Span {
        iter.fold(Span::ZERO, Add::add)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_point() {
            write!(f, "{}", self.low)
        } else {
            write!(f, "{}–{}", self.low, self.high)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::n;

    #[test]
    fn parses_plain_decimals_exactly() {
        assert_eq!(n("289.50"), Num::ratio(579, 2).unwrap());
        assert_eq!(n("-0"), Num::ZERO);
        assert_eq!(n(".25"), Num::ratio(1, 4).unwrap());
        assert_eq!(n("007"), Num::int(7));
        // 48 digits do not fit an i128: refused, not wrapped.
        let long = format!("{}.{}", "9".repeat(30), "9".repeat(18));
        assert_eq!(Num::parse_decimal(&long), None);
        for bad in ["", ".", "1e3", "NaN", "inf", "1.2.3", "1,0", "--1", "１"] {
            assert_eq!(Num::parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn midpoints_halve_without_dividing() {
        // (1 + 2) / 2 = 3/2: an odd numerator doubles the denominator.
        assert_eq!(Num::int(1).midpoint(Num::int(2)), Num::ratio(3, 2).unwrap());
        // (1/3 + 1/3) / 2 = 1/3: 2/3 halves to 1/3, still in lowest terms.
        let third = Num::ratio(1, 3).unwrap();
        assert_eq!(third.midpoint(third), third);
        // (-3 + 0) / 2 = -3/2; (-4 + 0) / 2 = -2.
        assert_eq!(Num::int(-3).midpoint(Num::ZERO), Num::ratio(-3, 2).unwrap());
        assert_eq!(Num::int(-4).midpoint(Num::ZERO), Num::int(-2));
        // A denominator that cannot double: the division's fallback.
        let tiny = Num::ratio(1, i128::from(i64::MAX)).unwrap();
        let (half, exact) = exactly(|| tiny.midpoint(Num::ZERO));
        assert_eq!((half.num, exact), (0, true));
    }

    #[test]
    fn interval_products_take_the_right_ends() {
        let span = |a: i64, b: i64| Span::new(Num::int(a), Num::int(b));
        // Non-negative: [2, 3] × [4, 5] = [8, 15], the ends multiplied.
        assert_eq!(span(2, 3) * span(4, 5), span(8, 15));
        // A negative end: [-1, 2] × [3, 4] = [min(-3, -4, 6, 8), max] = [-4, 8].
        assert_eq!(span(-1, 2) * span(3, 4), span(-4, 8));
        // Both negative: [-3, -2] × [-5, -4] = [8, 15].
        assert_eq!(span(-3, -2) * span(-5, -4), span(8, 15));
    }

    #[test]
    fn decimal_sums_do_not_drift() {
        // 0.1 + 0.2 is exactly 0.3, unlike in f64.
        assert_eq!(n("0.1") + n("0.2"), n("0.3"));
        // 59 fees of 289.50万 / 59 add back to 2,895,000 exactly.
        let fee = Num::int(2_895_000) / Num::int(59);
        let total: Num = std::iter::repeat_n(fee, 59).sum();
        assert_eq!(total, Num::int(2_895_000));
    }

    #[test]
    fn whole_numbers_add_to_fractions_in_lowest_terms() {
        let ratio = |num, den| Num::ratio(num, den).unwrap();
        // 7/5 + 3 = (7 + 3 × 5)/5 = 22/5, either way round.
        assert_eq!(ratio(7, 5) + Num::int(3), ratio(22, 5));
        assert_eq!(Num::int(3) + ratio(7, 5), ratio(22, 5));
        // 3 - 7/5 = (15 - 7)/5 = 8/5; -2 + 7/5 = (-10 + 7)/5 = -3/5.
        assert_eq!(Num::int(3) - ratio(7, 5), ratio(8, 5));
        assert_eq!(Num::int(-2) + ratio(7, 5), ratio(-3, 5));
        // The fields are in lowest terms, as equality with ratio() needs:
        // 1/2 + 1 = 3/2, not 6/4.
        let sum = ratio(1, 2) + Num::int(1);
        assert_eq!((sum.num, sum.den), (3, 2));
        // i64::MAX × 2 does not fit: the 128-bit path still adds exactly,
        // (i64::MAX × 2 + 1)/2, and falls back only when that does not fit.
        let (big, exact) = exactly(|| Num::int(i64::MAX) + ratio(1, 2));
        assert!(!exact);
        assert!((big.to_f64() - i64::MAX as f64).abs() < 1e4);
    }

    #[test]
    fn monthly_to_weekly_stays_exact() {
        // 13 posts a month × 12 / 52 = 3 posts a week exactly.
        assert_eq!(Num::int(13) * Num::int(12) / Num::int(52), Num::int(3));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(n("2.005").round_scaled(2), 201);
        assert_eq!(n("-2.005").round_scaled(2), -201);
        assert_eq!(n("2.004").round_scaled(2), 200);
        assert_eq!((Num::int(2) / Num::int(3)).round_scaled(2), 67);
    }

    #[test]
    fn rounds_in_128_bits_what_64_cannot_hold() {
        // 10^13 × 10^6 = 10^19 > i64::MAX (about 9.22 × 10^18): the 128-bit
        // path, and the same rounding.
        assert_eq!(Num::int(10_000_000_000_000).round_scaled(6), 10i128.pow(19));
        // (10^13 + 1/3) × 10^6 = 10^19 + 333,333.33…, rounded down.
        let third = Num::int(10_000_000_000_000) + Num::int(1) / Num::int(3);
        assert_eq!(third.round_scaled(6), 10i128.pow(19) + 333_333);
        // −2/3 × 10^18 = −666,666,666,666,666,666.67, away from zero.
        let two_thirds = Num::int(-2) / Num::int(3);
        assert_eq!(two_thirds.round_scaled(18), -666_666_666_666_666_667);
    }

    #[test]
    fn writes_decimals_either_side_of_64_bits() {
        let written = |scaled: i128, places: u32, fixed: bool| {
            let mut text = String::new();
            write_decimal(&mut text, scaled, places, fixed).unwrap();
            text
        };
        // u64::MAX = 18,446,744,073,709,551,615, and one more.
        assert_eq!(written(u64::MAX.into(), 6, false), "18446744073709.551615");
        assert_eq!(
            written(i128::from(u64::MAX) + 1, 6, false),
            "18446744073709.551616"
        );
        assert_eq!(
            written(-(i128::from(u64::MAX) + 1), 2, true),
            "-184467440737095516.16"
        );
        // 1,500,000 millionths = 1.5; fixed keeps the zeros.
        assert_eq!(written(1_500_000, 6, false), "1.5");
        assert_eq!(written(1_500_000, 6, true), "1.500000");
        assert_eq!(written(-3_000_000, 6, false), "-3");
        assert_eq!(written(7, 0, true), "7");
        assert_eq!(written(5, 2, false), "0.05");
    }

    #[test]
    fn displays_short_decimals() {
        assert_eq!(n("289.50").to_string(), "289.5");
        assert_eq!(Num::int(-12).to_string(), "-12");
        assert_eq!((Num::int(1) / Num::int(3)).to_string(), "0.333333");
    }

    #[test]
    fn overflow_approximates_instead_of_panicking() {
        let huge = Num::ratio(i128::MAX, 1).unwrap();
        let _ = huge + huge;
        let _ = huge * huge;
        let _ = huge - Num::ratio(i128::MIN, 1).unwrap();
        let tiny = Num::ratio(1, i128::MAX).unwrap();
        let _ = tiny + Num::ratio(1, i128::MAX - 1).unwrap();
        assert_eq!(Num::int(5) / Num::ZERO, Num::ZERO);
        // At the edges of 64 bits: exact through i128 while the result
        // fits, close when it does not.
        let max = Num::int(i64::MAX);
        assert_eq!(max - max, Num::ZERO);
        assert_eq!(max + Num::ONE, max, "saturates at i64::MAX");
        assert_eq!(Num::int(i64::MIN) - Num::int(i64::MIN), Num::ZERO);
        let product = max * max;
        assert_eq!(product, max, "saturates at i64::MAX");
        // 10^12 × 10^6 needs 61 bits: exact.
        let big = Num::int(1_000_000_000_000) * Num::int(1_000_000);
        assert_eq!(big, Num::int(1_000_000_000_000_000_000));
    }

    #[test]
    fn exactly_reports_every_approximation_and_nests() {
        let max = Num::int(i64::MAX);
        // 2^63 − 1 + 1 does not fit: saturated, and said.
        assert_eq!(exactly(|| max + Num::ONE), (max, false));
        assert_eq!(exactly(|| max - max), (Num::ZERO, true));
        // 1/3 + 1/6 = 1/2 exactly, through the 64-bit path.
        assert_eq!(
            exactly(|| Num::int(1) / Num::int(3) + Num::int(1) / Num::int(6)),
            (Num::ONE / Num::int(2), true)
        );
        assert_eq!(exactly(|| Num::int(5) / Num::ZERO), (Num::ZERO, false));
        // Two long fractions whose sum needs more than 64 bits a side are
        // rounded to millionths, finer than anything is shown: not counted.
        let tiny = Num::ratio(1, i128::from(i64::MAX)).unwrap();
        let other = Num::ratio(1, i128::from(i64::MAX - 1)).unwrap();
        assert_eq!(exactly(|| tiny + other), (Num::ZERO, true));
        // An approximation inside a nested call reaches the outer one, and
        // an exact nested call does not clear the outer one's flag.
        let ((_, inner), outer) = exactly(|| exactly(|| max * max));
        assert!(!inner && !outer);
        let (((), inner), outer) = exactly(|| {
            let _ = max * max;
            exactly(|| ())
        });
        assert!(inner && !outer);
        // The flag does not outlive its call.
        assert!(exactly(|| Num::int(2) * Num::int(3)).1);
    }

    #[test]
    fn span_arithmetic_is_interval_arithmetic() {
        let hours = Span::new(Num::int(2), Num::int(3));
        let posts = Span::new(Num::int(3), Num::int(2));
        assert_eq!(posts, hours, "ends are put in order");
        // 2–3 posts × 2–3 hours = 4–9 hours.
        assert_eq!(hours * posts, Span::new(Num::int(4), Num::int(9)));
        // [1,2] − [0,5] = [−4, 2].
        let a = Span::new(Num::int(1), Num::int(2));
        let b = Span::new(Num::int(0), Num::int(5));
        assert_eq!(a - b, Span::new(Num::int(-4), Num::int(2)));
        assert_eq!(hours.midpoint(), n("2.5"));
        assert_eq!(hours.to_string(), "2–3");
    }
}
