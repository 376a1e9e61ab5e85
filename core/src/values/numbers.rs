//! Figures: counts, money, hours and frequencies, in every form people
//! type (`1,234`, `１２３４`, `1.2万`, `10万+`, `约500`, `2~3`, `两三个小时`,
//! `289.50万元`, `日更`, `每月4次`), exactly.

use crate::account::Bound;
use crate::num::{Num, Span};
use crate::text::{compacted, trim};
use crate::values::units::{
    per_week, per_year, strip_any, strip_period_suffix, Effect, End, Period, Unit, MULTIPLIERS,
    ONCE_PER, PERIOD_PREFIXES, PREFIXES, SUFFIXES,
};
use crate::values::{is_missing, Fault, Read, LIMIT};

/// A figure as read from a cell: its exact value, and the bound its words
/// put on it (`不足1000` is below 1,000, `超过5万` at or above 50,000).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The value, scaled by the unit (the number written, for a bound).
    pub span: Span,
    /// Which side of the value the true one lies on, if the words say.
    pub bound: Option<Bound>,
}

/// Reads a count such as followers, staff or reads: `1,234`, `1.2万`,
/// `10万+`, `约500`, `2~3`. The column's multiplier applies unless the cell
/// states its own (`万`, `千`). A bound (`不足1000`) is dropped here;
/// [`Measure::read`] keeps it.
pub fn count(cell: &str, unit: Unit) -> Read<Span> {
    span_of(Measure::Count.read(cell, unit))
}

/// Reads money per year, in yuan, exactly: `20000`, `¥20,000`, `289.50万元`,
/// `20万元/年`, `5000元/月` (×12). A cell's own `元`, `¥` or `万`
/// overrides the column's unit; a period converts to a year.
pub fn money(cell: &str, unit: Unit) -> Read<Span> {
    span_of(Measure::Money.read(cell, unit))
}

/// Reads staff hours per post: `2`, `2~3`, `两三个小时`, `2.5h`, `30分钟`
/// (½ hour). A minutes column has the multiplier 1/60.
pub fn hours(cell: &str, unit: Unit) -> Read<Span> {
    span_of(Measure::Hours.read(cell, unit))
}

/// Reads posts per week: `2`, `2~3`, `日更` or `每天` (7), `每周2次`,
/// `每月4次` and per-month columns (× 12 / 52), `停更` (0).
pub fn posts_per_week(cell: &str, unit: Unit) -> Read<Span> {
    span_of(Measure::PostsPerWeek.read(cell, unit))
}

fn span_of(read: Read<Amount>) -> Read<Span> {
    read.map(|amount| amount.map(|amount| amount.span))
}

/// What a column of figures measures, which decides how its cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Followers, staff or reads: [`count`].
    Count,
    /// Staff hours per post: [`hours`]. Read as any count: `小时`, `h` and
    /// `分钟` are among the unit words every figure may carry, and a minutes
    /// column brings its own multiplier.
    Hours,
    /// Money per year: [`money`].
    Money,
    /// Posts per week: [`posts_per_week`].
    PostsPerWeek,
}

impl Measure {
    /// Reads a cell of a column with this measure and `unit`, keeping the
    /// bound its words put on the figure.
    pub fn read(self, cell: &str, unit: Unit) -> Read<Amount> {
        let kind = match self {
            Measure::Count | Measure::Hours => Kind::Plain,
            Measure::Money => Kind::Money,
            Measure::PostsPerWeek => {
                // The stop words are Chinese: a figure is not searched for
                // them (and `quantity` finds the missing markers).
                if !cell.is_ascii() {
                    if is_missing(cell) {
                        return Ok(None);
                    }
                    let compact = compacted(trim(cell));
                    if STOPPED.iter().any(|word| compact.contains(word)) {
                        return Ok(Some(Amount {
                            span: Span::ZERO,
                            bound: None,
                        }));
                    }
                }
                Kind::Frequency
            }
        };
        let Some(q) = quantity(cell, kind)? else {
            return Ok(None);
        };
        let period = q.period.or(unit.period);
        let factor = match kind {
            Kind::Plain => Num::ONE,
            Kind::Money => per_year(period),
            Kind::Frequency => per_week(period),
        };
        let span = finish(q.span, q.multiplier(unit), factor)?;
        Ok(Some(Amount {
            span,
            bound: q.bound,
        }))
    }

    /// What a figure in such a column is multiplied by when its cell states
    /// no unit or period of its own: 10,000 in a 万元 column, 12/52 in a
    /// posts-per-month column.
    pub fn scale(self, unit: Unit) -> Num {
        let multiplier = unit.multiplier.unwrap_or(Num::ONE);
        match self {
            Measure::Count | Measure::Hours => multiplier,
            Measure::Money => multiplier * per_year(unit.period),
            Measure::PostsPerWeek => multiplier * per_week(unit.period),
        }
    }
}

/// Reads a cell of bare ASCII digits (`37`, or `1.5` in a 万元 column), the
/// commonest cell of all, in a column whose [`Measure::scale`] is the whole
/// number `scale`: the value [`Measure::read`] gives (a test checks),
/// without its general machinery. `None` for any other cell, for a value
/// that is not whole once scaled, or one past [`LIMIT`].
#[inline]
pub fn whole(cell: &str, scale: i64) -> Option<i64> {
    // One pass: up to 15 digits, then optionally `.` and up to 6 more.
    let (mut int, mut int_digits, mut frac, mut places) = (0i64, 0, 0i64, None);
    for &b in cell.as_bytes() {
        let digit = i64::from(b.wrapping_sub(b'0'));
        match (b, places) {
            (b'0'..=b'9', None) if int_digits < 15 => {
                int = int * 10 + digit;
                int_digits += 1;
            }
            (b'0'..=b'9', Some(count)) if count < 6 => {
                frac = frac * 10 + digit;
                places = Some(count + 1);
            }
            (b'.', None) => places = Some(0),
            _ => return None,
        }
    }
    let mut value = int.checked_mul(scale)?;
    match places {
        None if int_digits > 0 => {}
        // `1.5` in a 万元 column is 15,000: whole when 10^places divides
        // the scale (`1.` and `.5` are left to the general reader).
        Some(count @ 1..) if int_digits > 0 => {
            let unit = 10i64.pow(count);
            if scale % unit != 0 {
                return None;
            }
            value = value.checked_add(frac.checked_mul(scale / unit)?)?;
        }
        _ => return None,
    }
    (0..=LIMIT).contains(&value).then_some(value)
}

/// Words that mean an account has stopped posting: zero posts a week.
const STOPPED: &[&str] = &["停更", "停止更新", "未更新", "不更新", "无更新", "已停"];

/// Characters that separate the ends of a range (after [`half_width`]).
const RANGE_SEPARATORS: &[char] = &['~', '〜', '-', '—', '–', '―', '−', '至', '到'];

/// A figure as written, before the column's unit is applied.
#[derive(Clone, Copy, Debug)]
struct Quantity {
    span: Span,
    /// The cell's own multiplier (`万`, `小时`, `分钟`), if it states one.
    own: Option<Num>,
    period: Option<Period>,
    /// The bound its words put on it (`不足`, `以上`).
    bound: Option<Bound>,
}

impl Quantity {
    fn multiplier(&self, column: Unit) -> Num {
        self.own.or(column.multiplier).unwrap_or(Num::ONE)
    }
}

/// What the stripping loops have found so far.
#[derive(Clone, Copy, Debug, Default)]
struct Marks {
    plus: bool,
    bound: Option<Bound>,
    yuan: bool,
    unit: Option<Num>,
    period: Option<Period>,
}

/// Which words a figure may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Counts and hours: no period.
    Plain,
    /// Money: a period (`/年`, `每月`) converts to a year.
    Money,
    /// Posts: a period converts to a week, and a period alone (`每天`)
    /// means once per period.
    Frequency,
}

/// Reads any figure: a number or a range, with multipliers, units, periods
/// and the words of approximation around it.
fn quantity(cell: &str, kind: Kind) -> Read<Quantity> {
    if let Some(n) = plain_integer(cell) {
        return Ok(Some(Quantity {
            span: Span::point(n),
            own: None,
            period: None,
            bound: None,
        }));
    }
    // A figure of ASCII digits and separators has no spaces, full-width
    // forms or markers to clean up, so it is read as it stands.
    if let Some(simple) = simple_figure(cell) {
        return simple;
    }
    if is_missing(cell) {
        return Ok(None);
    }
    let text = compacted(trim(cell));
    if let Some(simple) = simple_figure(&text) {
        return simple;
    }
    let periods = kind != Kind::Plain;
    if kind == Kind::Frequency {
        if let Some((_, period, ratio)) = ONCE_PER.iter().find(|(word, _, _)| text == *word) {
            return Ok(Some(Quantity {
                span: Span::point(ratio.num().unwrap_or(Num::ONE)),
                own: None,
                period: Some(*period),
                bound: None,
            }));
        }
    }
    let mut marks = Marks::default();
    let text = strip_words(&text, &mut marks, periods);
    if text.is_empty() {
        return match marks.period {
            Some(period) if kind == Kind::Frequency => Ok(Some(Quantity {
                span: Span::point(Num::ONE),
                own: None,
                period: Some(period),
                bound: None,
            })),
            _ => Err(Fault::Unreadable),
        };
    }
    let (low, high) = match split_range(text) {
        Some((left, right)) => {
            let right = side(strip_words(right, &mut marks, periods))?;
            let mut left = side(strip_words(left, &mut marks, periods))?;
            // `2~3万` is 2万 to 3万, but `1000~2万` is 1000 to 2万.
            if left.multiplier.is_none() && left.high <= right.low {
                left.multiplier = right.multiplier;
            }
            (left, right)
        }
        None => {
            let only = side(text)?;
            (only, only)
        }
    };
    let mut low_value = low.low * low.multiplier.unwrap_or(Num::ONE);
    let mut high_value = high.high * high.multiplier.unwrap_or(Num::ONE);
    if marks.plus {
        if low_value == high_value {
            low_value = low_value + Num::ONE;
        }
        high_value = high_value + Num::ONE;
    }
    // A cell that states its own unit (`万`, `元`, `小时`) is not scaled by
    // its column's; `万` and `小时` carry their worth in the values above.
    let stated = low.multiplier.is_some() || high.multiplier.is_some() || marks.yuan;
    let own = match marks.unit {
        Some(unit) => Some(unit),
        None if stated => Some(Num::ONE),
        None => None,
    };
    Ok(Some(Quantity {
        span: Span::new(low_value, high_value),
        own,
        period: marks.period,
        bound: marks.bound,
    }))
}

/// Reads a figure made only of ASCII digits, `.`, `,`, range dashes and a
/// trailing `+` (`1,234`, `289.50`, `2-3`, `1000+`) without the word tables;
/// `None` sends anything else down the general path.
fn simple_figure(text: &str) -> Option<Read<Quantity>> {
    let bytes = text.as_bytes();
    let simple = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'~' | b'-' | b'+'));
    if !simple {
        return None;
    }
    let (text, plus) = match text.strip_suffix('+') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    if text.contains('+') {
        return Some(Err(Fault::Unreadable));
    }
    let read = |side: &str| -> Result<Num, Fault> {
        match fast_number(side) {
            Some(n) => Ok(n),
            None => decimal(side)?.ok_or(Fault::Unreadable),
        }
    };
    let span = match split_range(text) {
        Some((left, right)) => match (read(left), read(right)) {
            (Ok(low), Ok(high)) => Span::new(low, high),
            (Err(fault), _) | (_, Err(fault)) => return Some(Err(fault)),
        },
        None => match read(text) {
            Ok(value) => Span::point(value),
            Err(fault) => return Some(Err(fault)),
        },
    };
    let span = if plus {
        let high = span.high + Num::ONE;
        let low = if span.is_point() { high } else { span.low };
        Span::new(low, high)
    } else {
        span
    };
    Some(Ok(Some(Quantity {
        span,
        own: None,
        period: None,
        bound: None,
    })))
}

/// One end of a range: a number with an optional multiplier. A Chinese pair
/// such as 两三 is itself a small range, so a side has two ends.
#[derive(Clone, Copy, Debug)]
struct Side {
    low: Num,
    high: Num,
    multiplier: Option<Num>,
}

fn side(text: &str) -> Result<Side, Fault> {
    if text.starts_with('-') || text.starts_with('−') {
        // A well-formed negative number is a different fault from noise.
        let rest = text.trim_start_matches(['-', '−']);
        return match side(rest) {
            // `-0` is zero, however it is written.
            Ok(zero) if zero.high == Num::ZERO => Ok(zero),
            Ok(_) => Err(Fault::Negative),
            Err(fault) => Err(fault),
        };
    }
    let (digits, multiplier) = match MULTIPLIERS
        .iter()
        .find_map(|(word, m)| text.strip_suffix(word).map(|rest| (rest, *m)))
    {
        Some((rest, m)) if !rest.is_empty() => (rest, Some(Num::int(m))),
        _ => (text, None),
    };
    if let Some(n) = decimal(digits)? {
        return Ok(Side {
            low: n,
            high: n,
            multiplier,
        });
    }
    match chinese_numeral(digits) {
        Some((low, high)) => Ok(Side {
            low,
            high,
            multiplier,
        }),
        None => Err(Fault::Unreadable),
    }
}

/// Strips every prefix and suffix word until none is left, noting what they
/// mean. Period words are taken only for frequencies and money, where they
/// mean something; elsewhere they make the cell unreadable.
fn strip_words<'a>(text: &'a str, marks: &mut Marks, periods: bool) -> &'a str {
    let mut text = text;
    loop {
        let before = text;
        // No word starts or ends with a digit, so a figure's digits end the
        // search at once.
        let digit_first = text.starts_with(|c: char| c.is_ascii_digit());
        let digit_last = text.ends_with(|c: char| c.is_ascii_digit());
        if !digit_first {
            if let Some((rest, effect)) = strip_any(text, PREFIXES, End::Start) {
                text = rest;
                note(marks, effect);
            }
        }
        // Periods before units: `/month` must not lose its `h` to hours.
        if periods && !digit_last {
            if let Some((rest, period)) = strip_period_suffix(text) {
                text = rest;
                marks.period = Some(period);
            }
        }
        if !digit_last {
            if let Some((rest, effect)) = strip_any(text, SUFFIXES, End::Finish) {
                text = rest;
                note(marks, effect);
            }
        }
        if periods && !text.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some((rest, period)) = strip_any(text, PERIOD_PREFIXES, End::Start) {
                text = rest;
                marks.period = Some(period);
            }
        }
        if text == before {
            return text;
        }
    }
}

fn note(marks: &mut Marks, effect: Effect) {
    match effect {
        Effect::Plus => marks.plus = true,
        // A currency sign says the figure is in yuan, as Excel formats it.
        Effect::Yuan | Effect::Currency => marks.yuan = true,
        Effect::Unit(ratio) => marks.unit = ratio.num(),
        Effect::Below => marks.bound = Some(Bound::Below),
        Effect::Above => marks.bound = Some(Bound::Above),
        Effect::Approximate | Effect::Noise => {}
    }
}

/// Splits `2~3` into its ends at the first separator that is not the first
/// character (`-5` is a negative number, not a range). An exponent's sign
/// (`1.2e-5`) is not a separator. More than one separator is no range.
fn split_range(text: &str) -> Option<(&str, &str)> {
    let mut previous = None;
    for (index, c) in text.char_indices() {
        if index > 0 && RANGE_SEPARATORS.contains(&c) && previous != Some('e') {
            let left = &text[..index];
            let right = &text[index + c.len_utf8()..];
            // `2--3` and `2~~3` read as one separator.
            let right = right.trim_start_matches(|c| RANGE_SEPARATORS.contains(&c));
            return Some((left, right));
        }
        previous = Some(c);
    }
    None
}

/// One pass over `1234`, `1,234,567` or `289.50` (at most 13 integer and
/// 6 decimal digits): the figures Excel exports, read without the general
/// machinery. `None` for anything else, which [`decimal`] then reads.
fn fast_number(text: &str) -> Option<Num> {
    let bytes = text.as_bytes();
    let mut int: i64 = 0;
    let mut int_digits = 0;
    let mut group = 0;
    let mut grouped = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                int = int * 10 + i64::from(b - b'0');
                int_digits += 1;
                group += 1;
                if int_digits > MAX_INT_DIGITS || (grouped && group > 3) {
                    return None;
                }
            }
            b',' if int_digits > 0 && (if grouped { group == 3 } else { group <= 3 }) => {
                grouped = true;
                group = 0;
            }
            b'.' => break,
            _ => return None,
        }
        i += 1;
    }
    if int_digits == 0 || (grouped && group != 3) {
        return None;
    }
    let Some(frac) = bytes.get(i + 1..) else {
        return Some(Num::int(int));
    };
    if frac.is_empty() || frac.len() > 6 || !frac.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut scaled = i128::from(int);
    for &b in frac {
        scaled = scaled * 10 + i128::from(b - b'0');
    }
    Num::ratio(scaled, 10_i128.pow(frac.len() as u32))
}

/// A cell that is nothing but ASCII digits (at most 15 of them): the common
/// case, read without allocating.
#[inline]
fn plain_integer(cell: &str) -> Option<Num> {
    let bytes = cell.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut n: i64 = 0;
    for &b in bytes {
        n = n * 10 + i64::from(b - b'0');
    }
    Some(Num::int(n))
}

/// A decimal number with thousands separators (`1,234,567.5`), a decimal
/// comma (`1,5`) or an exponent (`1.2e+05`, as Excel writes large numbers).
/// `Ok(None)` when the text is not a decimal at all.
fn decimal(text: &str) -> Result<Option<Num>, Fault> {
    if text.is_empty() || !text.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return Ok(None);
    }
    let (mantissa_text, exponent) = match text.split_once('e') {
        Some((m, e)) => {
            let digits = e.strip_prefix('+').unwrap_or(e);
            match digits.parse::<i32>() {
                Ok(e) => (m, e),
                Err(_) => return Ok(None),
            }
        }
        None => (text, 0),
    };
    let Some(n) = mantissa(mantissa_text)? else {
        return Ok(None);
    };
    if exponent == 0 {
        return Ok(Some(n));
    }
    if exponent > 15 {
        return if n == Num::ZERO {
            Ok(Some(n))
        } else {
            Err(Fault::TooLarge)
        };
    }
    if exponent < -18 {
        return Ok(None);
    }
    let power = Num::int(10_i64.pow(exponent.unsigned_abs()));
    Ok(Some(if exponent > 0 { n * power } else { n / power }))
}

/// The most integer digits a figure may have: more is above [`LIMIT`]
/// whatever its unit.
const MAX_INT_DIGITS: usize = 13;

/// The most decimal places kept exact.
const MAX_FRAC_DIGITS: usize = 18;

/// Parses digits with thousands separators (`1,234,567.5`) or a lone
/// decimal comma (`1,5`), without allocating. `Ok(None)` when the text is
/// not such a number (`1,23,4`, `1.2.3`).
fn mantissa(text: &str) -> Result<Option<Num>, Fault> {
    let bytes = text.as_bytes();
    if bytes.is_empty()
        || !bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
    {
        return Ok(None);
    }
    let points = bytes.iter().filter(|&&b| b == b'.').count();
    let commas = bytes.iter().filter(|&&b| b == b',').count();
    if points > 1 {
        return Ok(None);
    }
    // `1,5` is one and a half (a decimal comma); `1,500` is fifteen hundred.
    let (int_part, frac_part) = match (points, commas, text.split_once(',')) {
        (0, 1, Some((int, frac))) if !int.is_empty() && (1..=2).contains(&frac.len()) => {
            (int, frac)
        }
        _ => text.split_once('.').unwrap_or((text, "")),
    };
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return Ok(None);
        }
    }
    if frac_part.contains(',') {
        return Ok(None);
    }
    let int_digits = int_part
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&b| b == b'0');
    let frac_part = frac_part.trim_end_matches('0');
    if int_part.is_empty() && frac_part.is_empty() && !text.contains('0') {
        return Ok(None);
    }
    if int_digits.clone().count() > MAX_INT_DIGITS {
        return Err(Fault::TooLarge);
    }
    if frac_part.len() > MAX_FRAC_DIGITS {
        return Ok(None);
    }
    let mut value: i128 = 0;
    for b in int_digits.chain(frac_part.bytes()) {
        value = value * 10 + i128::from(b - b'0');
    }
    if frac_part.is_empty() {
        return Ok(i64::try_from(value).ok().map(Num::int));
    }
    Ok(Num::ratio(value, 10_i128.pow(frac_part.len() as u32)))
}

/// Small Chinese numerals: 一 … 九十九, 两, 半 (½), and a pair of digits such
/// as 两三 or 三五, which is a range ("two or three").
pub(crate) fn chinese_numeral(text: &str) -> Option<(Num, Num)> {
    fn digit(c: char) -> Option<i64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    let chars: Vec<char> = text.chars().collect();
    let point = |n: i64| Some((Num::int(n), Num::int(n)));
    match chars.as_slice() {
        ['半'] => Some((Num::ratio(1, 2)?, Num::ratio(1, 2)?)),
        ['十'] => point(10),
        [d] => point(digit(*d)?),
        ['十', d] => point(10 + digit(*d)?),
        [d, '十'] => point(digit(*d)? * 10),
        [a, '十', b] => point(digit(*a)? * 10 + digit(*b)?),
        [a, b] => {
            let (a, b) = (digit(*a)?, digit(*b)?);
            (a < b).then(|| (Num::int(a), Num::int(b)))
        }
        _ => None,
    }
}

/// Applies the multiplier and the period factor, and enforces the bounds.
fn finish(span: Span, multiplier: Num, factor: Num) -> Result<Span, Fault> {
    let scale = if multiplier == Num::ONE {
        factor
    } else if factor == Num::ONE {
        multiplier
    } else {
        multiplier * factor
    };
    let span = if scale == Num::ONE {
        span
    } else if span.is_point() {
        Span::point(span.low * scale)
    } else {
        Span::new(span.low * scale, span.high * scale)
    };
    // Integers, the usual case, are compared without cross-multiplying.
    let negative = match span.low.denom() {
        1 => span.low.numer() < 0,
        _ => span.low < Num::ZERO,
    };
    if negative {
        return Err(Fault::Negative);
    }
    let too_large = match span.high.denom() {
        1 => span.high.numer() > i128::from(LIMIT),
        _ => span.high > Num::int(LIMIT),
    };
    if too_large {
        return Err(Fault::TooLarge);
    }
    Ok(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::n;

    fn point(text: &str) -> Read<Span> {
        Ok(Some(Span::point(n(text))))
    }

    fn range(low: &str, high: &str) -> Read<Span> {
        Ok(Some(Span::new(n(low), n(high))))
    }

    fn unit(multiplier: i64) -> Unit {
        Unit {
            multiplier: Some(Num::int(multiplier)),
            period: None,
        }
    }

    #[test]
    fn counts_in_every_form() {
        let cases: &[(&str, Read<Span>)] = &[
            ("1234", point("1234")),
            ("1,234", point("1234")),
            ("1 234", point("1234")),
            ("1\u{a0}234", point("1234")),
            ("１２３４", point("1234")),
            ("１，２３４", point("1234")),
            ("1.2万", point("12000")),
            ("1.2w", point("12000")),
            ("3千", point("3000")),
            ("3k", point("3000")),
            ("2亿", point("200000000")),
            ("10万+", point("100001")),
            ("1000+", point("1001")),
            ("约500", point("500")),
            ("大约500", point("500")),
            ("500左右", point("500")),
            ("500多", point("500")),
            ("1万多", point("10000")),
            ("~500", point("500")),
            ("2~3", range("2", "3")),
            ("2～3", range("2", "3")),
            ("2-3", range("2", "3")),
            ("2—3", range("2", "3")),
            ("2–3", range("2", "3")),
            ("2至3", range("2", "3")),
            ("2到3", range("2", "3")),
            ("2 - 3", range("2", "3")),
            ("3-2", range("2", "3")),
            ("2~3万", range("20000", "30000")),
            ("1000~2万", range("1000", "20000")),
            ("4-5人", range("4", "5")),
            ("3人", point("3")),
            ("两三", range("2", "3")),
            ("三", point("3")),
            ("十二", point("12")),
            ("1.23E+05", point("123000")),
            ("0", point("0")),
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("-", Ok(None)),
            ("—", Ok(None)),
            ("/", Ok(None)),
            ("无", Ok(None)),
            ("暂无", Ok(None)),
            ("不详", Ok(None)),
            ("N/A", Ok(None)),
            ("NA", Ok(None)),
            ("-5", Err(Fault::Negative)),
            ("-5-3", Err(Fault::Negative)),
            ("-0", point("0")),
            ("-0.0", point("0")),
            ("很多", Err(Fault::Unreadable)),
            ("NaN", Err(Fault::Unreadable)),
            ("inf", Err(Fault::Unreadable)),
            ("1e308", Err(Fault::TooLarge)),
            ("2000000000000", Err(Fault::TooLarge)),
            ("9".repeat(40).leak(), Err(Fault::TooLarge)),
            ("1.2.3", Err(Fault::Unreadable)),
            ("1,23,4", Err(Fault::Unreadable)),
            ("2019-03-01", Err(Fault::Unreadable)),
            ("2~3~4", Err(Fault::Unreadable)),
        ];
        for (cell, expected) in cases {
            assert_eq!(&count(cell, Unit::default()), expected, "{cell:?}");
        }
    }

    #[test]
    fn whole_figures_agree_with_the_general_readers() {
        let measures = [
            Measure::Count,
            Measure::Hours,
            Measure::Money,
            Measure::PostsPerWeek,
        ];
        let units = [
            "",
            "万元",
            "万元/月",
            "元/天",
            "次/月",
            "次/年",
            "千",
            "分钟",
        ];
        let cells = [
            "0",
            "7",
            "1234",
            "000123",
            "100000000",
            "999999999999999",
            "1,234",
            "1.5",
            "0.25",
            "12.50",
            "1.2345",
            "3.000001",
            "1.",
            ".5",
            "1.5.5",
            "2~3",
            "",
            "-",
            "很多",
        ];
        let mut fast = 0;
        for measure in measures {
            for unit_text in units {
                let unit = crate::values::unit(unit_text).unwrap_or_default();
                // A per-month posts column scales by 12/52: no fast path.
                let Some(scale) = measure.scale(unit).to_integer() else {
                    continue;
                };
                for cell in cells {
                    let Some(value) = whole(cell, scale) else {
                        continue;
                    };
                    fast += 1;
                    assert_eq!(
                        measure.read(cell, unit),
                        Ok(Some(Amount {
                            span: Span::point(Num::int(value)),
                            bound: None
                        })),
                        "{measure:?} {unit_text:?} {cell:?}"
                    );
                }
            }
        }
        // 2 × 万元/月 = 240,000 yuan a year; 2 × 元/天 = 730.
        assert_eq!(
            Measure::Money.scale(crate::values::unit("万元/月").unwrap()),
            Num::int(120_000)
        );
        assert_eq!(whole("2", 120_000), Some(240_000));
        assert_eq!(whole("2", 365), Some(730));
        // 1.5 × 10,000 = 15,000; 1.2345 × 10,000 = 12,345; 1.5 × 365 is not
        // whole, so the general reader takes it.
        assert_eq!(whole("1.5", 10_000), Some(15_000));
        assert_eq!(whole("1.2345", 10_000), Some(12_345));
        assert_eq!(whole("1.5", 365), None);
        // Past the trillion limit, the general reader gives the fault.
        assert_eq!(whole("999999999999999", 1), None);
        assert!(fast > 50, "the fast path was taken {fast} times");
    }

    #[test]
    fn fast_paths_agree_with_the_general_readers() {
        for text in [
            "0",
            "7",
            "1234",
            "1,234",
            "12,345,678",
            "289.50",
            "0.5",
            "1,234.5",
            "1234567890123",
        ] {
            assert_eq!(fast_number(text).map(Some), decimal(text).ok(), "{text}");
        }
        for text in [
            "1,23",
            "1,2345",
            ",1",
            "1,",
            "1.",
            ".5",
            "1.2.3",
            "1..2",
            "1,234,56",
            "12345678901234",
            "1.1234567",
            "",
        ] {
            assert_eq!(fast_number(text), None, "{text}");
        }
    }

    #[test]
    fn column_multiplier_applies_unless_the_cell_has_its_own() {
        assert_eq!(count("1.5", unit(10_000)), point("15000"));
        assert_eq!(count("2万", unit(10_000)), point("20000"));
    }

    #[test]
    fn money_is_exact_yuan_per_year() {
        let cases: &[(&str, Unit, Read<Span>)] = &[
            ("289.50万元", Unit::default(), point("2895000")),
            ("289.50", unit(10_000), point("2895000")),
            ("2895000元", unit(10_000), point("2895000")),
            ("¥20,000", Unit::default(), point("20000")),
            ("￥20,000", Unit::default(), point("20000")),
            ("¥20,000", unit(10_000), point("20000")),
            ("￥２０，０００", Unit::default(), point("20000")),
            ("20万元/年", Unit::default(), point("200000")),
            ("20万/年", Unit::default(), point("200000")),
            ("5000元/月", Unit::default(), point("60000")),
            ("RMB 3,000", Unit::default(), point("3000")),
            ("0.01", Unit::default(), point("0.01")),
            ("1,5", Unit::default(), point("1.5")),
            ("10-20万元", Unit::default(), range("100000", "200000")),
            ("-100", Unit::default(), Err(Fault::Negative)),
            ("免费", Unit::default(), Err(Fault::Unreadable)),
        ];
        for (cell, unit, expected) in cases {
            assert_eq!(&money(cell, *unit), expected, "{cell:?}");
        }
        let per_month = Unit {
            multiplier: None,
            period: Some(Period::Month),
        };
        assert_eq!(money("1000", per_month), point("12000"));
    }

    #[test]
    fn hours_per_post() {
        let cases: &[(&str, Read<Span>)] = &[
            ("2", point("2")),
            ("2.5", point("2.5")),
            ("2~3", range("2", "3")),
            ("2-3小时", range("2", "3")),
            ("两三个小时", range("2", "3")),
            ("2h", point("2")),
            ("30分钟", point("0.5")),
            ("半小时", point("0.5")),
            ("90min", point("1.5")),
        ];
        for (cell, expected) in cases {
            assert_eq!(&hours(cell, Unit::default()), expected, "{cell:?}");
        }
        let minutes = Unit {
            multiplier: Num::ratio(1, 60),
            period: None,
        };
        assert_eq!(hours("90", minutes), point("1.5"));
        assert_eq!(hours("2小时", minutes), point("2"));
    }

    #[test]
    fn posts_per_week_in_every_form() {
        let month = |k: i64| Num::int(k) * Num::int(12) / Num::int(52);
        let cases: &[(&str, Unit, Read<Span>)] = &[
            ("2", Unit::default(), point("2")),
            ("2~3", Unit::default(), range("2", "3")),
            ("日更", Unit::default(), point("7")),
            ("每天", Unit::default(), point("7")),
            ("每日", Unit::default(), point("7")),
            ("每天2次", Unit::default(), point("14")),
            ("每周2次", Unit::default(), point("2")),
            ("每周2-3次", Unit::default(), range("2", "3")),
            ("2次/周", Unit::default(), point("2")),
            ("一周两次", Unit::default(), point("2")),
            ("周更", Unit::default(), point("1")),
            ("停更", Unit::default(), point("0")),
            ("已停更", Unit::default(), point("0")),
            ("每月4次", Unit::default(), Ok(Some(Span::point(month(4))))),
            ("13次/月", Unit::default(), point("3")),
            (
                "4",
                Unit {
                    multiplier: None,
                    period: Some(Period::Month),
                },
                Ok(Some(Span::point(month(4)))),
            ),
            (
                "每天",
                Unit {
                    multiplier: None,
                    period: Some(Period::Month),
                },
                point("7"),
            ),
            ("52次/年", Unit::default(), point("1")),
            ("经常", Unit::default(), Err(Fault::Unreadable)),
        ];
        for (cell, unit, expected) in cases {
            assert_eq!(&posts_per_week(cell, *unit), expected, "{cell:?}");
        }
        // A count is not a frequency: a period word makes it unreadable.
        assert_eq!(count("每天", Unit::default()), Err(Fault::Unreadable));
    }

    #[test]
    fn odd_cells_never_panic() {
        for cell in [
            "\0",
            "¥",
            "万",
            "+",
            "-",
            "~",
            "2~",
            "~2~",
            "e",
            "1e",
            "1e+",
            "1e99999999999",
            "..",
            ",",
            "1,",
            ",1",
            "十十",
            "两两",
            "每",
            "/",
            "元",
            "🙂",
            "1🙂",
            "9e-99",
        ] {
            let _ = count(cell, Unit::default());
            let _ = money(cell, Unit::default());
            let _ = hours(cell, Unit::default());
            let _ = posts_per_week(cell, Unit::default());
            let _ = crate::date::read(cell, crate::date::Date::from_ymd(2019, 4, 19));
            let _ = crate::values::unit(cell);
        }
    }
}
