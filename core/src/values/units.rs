//! Units: what a figure is worth and over what period, from a header
//! (`外包费用（万元）`, `每月发布次数`) or a cell's own words (`20万元/年`,
//! `30分钟`), and the words written around a figure (`约`, `左右`, `+`).

use crate::num::Num;
use crate::text::compact;

/// A period a quantity is counted over: posts per month, a fee per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

/// The unit of a column, from its header (`外包费用（万元）`, `每月发布次数`),
/// or of a cell, from its own text (`20万元/年`). A cell's own unit overrides
/// its column's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unit {
    /// What one written unit is worth: 10,000 for 万元, 1/60 for minutes.
    pub multiplier: Option<Num>,
    /// The period the figure is counted over.
    pub period: Option<Period>,
}

/// How many of a period make a year (a year when none is given).
pub(super) fn per_year(period: Option<Period>) -> Num {
    match period.unwrap_or(Period::Year) {
        Period::Day => Num::int(365),
        Period::Week => Num::int(52),
        Period::Month => Num::int(12),
        Period::Year => Num::ONE,
    }
}

/// How many of a period make a week (a week when none is given).
pub(super) fn per_week(period: Option<Period>) -> Num {
    match period.unwrap_or(Period::Week) {
        Period::Day => Num::int(7),
        Period::Week => Num::ONE,
        Period::Month => Num::int(12) / Num::int(52),
        Period::Year => Num::ONE / Num::int(52),
    }
}

/// Reads a unit written in a header's brackets or at the end of a header:
/// `万元`, `元/年`, `万元/月`, `次/月`, `小时`, `分钟`, `万人`, with an
/// optional `单位：` in front. `None` when the text is not a unit.
pub fn unit(text: &str) -> Option<Unit> {
    let compact = compact(text);
    let mut rest = compact.as_str();
    for prefix in ["单位:", "单位", "in"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r;
            break;
        }
    }
    let mut found = Unit::default();
    let mut recognised = false;
    loop {
        let before = rest;
        if let Some((r, period)) = strip_period_suffix(rest) {
            found.period = Some(period);
            recognised = true;
            rest = r;
        }
        if let Some((r, effect)) = strip_any(rest, SUFFIXES, End::Finish) {
            match effect {
                Effect::Unit(ratio) => found.multiplier = ratio.num(),
                Effect::Yuan | Effect::Noise => {}
                Effect::Approximate
                | Effect::Below
                | Effect::Above
                | Effect::Plus
                | Effect::Currency => return None,
            }
            recognised = true;
            rest = r;
        }
        if rest == before {
            break;
        }
    }
    if let Some((_, m)) = MULTIPLIERS.iter().find(|(word, _)| rest == *word) {
        found.multiplier = Some(Num::int(*m) * found.multiplier.unwrap_or(Num::ONE));
        return Some(found);
    }
    (rest.is_empty() && recognised).then_some(found)
}

/// Multipliers written after a number, longest first.
pub(super) const MULTIPLIERS: &[(&str, i64)] = &[
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("亿", 100_000_000),
    ("万", 10_000),
    ("千", 1_000),
    ("百", 100),
    ("w", 10_000),
    ("k", 1_000),
];

/// What stripping a word from a cell means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Effect {
    /// 约, 左右: the figure is approximate; it is read as written.
    Approximate,
    /// 不足, 不到, 以下, <: the true value is below the figure.
    Below,
    /// 超过, 以上, >: the true value is at or above the figure.
    Above,
    /// `+` as in `10万+`, WeChat's "more than": one more than written.
    Plus,
    /// ¥, RMB written before the figure: in yuan, like 元 after it.
    Currency,
    /// 元: the cell states its unit, so the column's does not apply.
    Yuan,
    /// 小时, 分钟: the cell states its unit and what it is worth in hours.
    Unit(Ratio),
    /// 人, 个, 次, 篇: a counting word that changes nothing.
    Noise,
}

/// A constant fraction, kept as integers so that tables stay `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ratio(i64, i64);

impl Ratio {
    pub(super) fn num(self) -> Option<Num> {
        Num::ratio(i128::from(self.0), i128::from(self.1))
    }
}

pub(super) const PREFIXES: &[(&str, Effect)] = &[
    ("大约", Effect::Approximate),
    ("大概", Effect::Approximate),
    ("约为", Effect::Approximate),
    ("将近", Effect::Below),
    ("接近", Effect::Below),
    ("不到", Effect::Below),
    ("不足", Effect::Below),
    ("不满", Effect::Below),
    ("未满", Effect::Below),
    ("未达", Effect::Below),
    ("少于", Effect::Below),
    ("低于", Effect::Below),
    ("小于", Effect::Below),
    ("最多", Effect::Below),
    ("超过", Effect::Above),
    ("多于", Effect::Above),
    ("高于", Effect::Above),
    ("大于", Effect::Above),
    ("至少", Effect::Above),
    ("最少", Effect::Above),
    ("约", Effect::Approximate),
    ("近", Effect::Below),
    ("超", Effect::Above),
    ("≈", Effect::Approximate),
    ("≥", Effect::Above),
    ("≤", Effect::Below),
    (">=", Effect::Above),
    ("<=", Effect::Below),
    (">", Effect::Above),
    ("<", Effect::Below),
    ("~", Effect::Approximate),
    ("about", Effect::Approximate),
    ("approx.", Effect::Approximate),
    ("approx", Effect::Approximate),
    ("around", Effect::Approximate),
    ("ca.", Effect::Approximate),
    ("over", Effect::Above),
    ("morethan", Effect::Above),
    ("atleast", Effect::Above),
    ("lessthan", Effect::Below),
    ("under", Effect::Below),
    ("below", Effect::Below),
    ("每期", Effect::Noise),
    ("每篇", Effect::Noise),
    ("每次", Effect::Noise),
    ("单篇", Effect::Noise),
    ("单期", Effect::Noise),
    ("人民币", Effect::Currency),
    ("¥", Effect::Currency),
    ("rmb", Effect::Currency),
    ("cny", Effect::Currency),
];

pub(super) const SUFFIXES: &[(&str, Effect)] = &[
    ("左右", Effect::Approximate),
    ("上下", Effect::Approximate),
    ("及以上", Effect::Above),
    ("及以下", Effect::Below),
    ("以上", Effect::Above),
    ("之上", Effect::Above),
    ("以下", Effect::Below),
    ("之下", Effect::Below),
    ("以内", Effect::Below),
    ("之间", Effect::Approximate),
    ("余", Effect::Approximate),
    ("多", Effect::Approximate),
    ("+", Effect::Plus),
    ("人民币", Effect::Yuan),
    ("元", Effect::Yuan),
    ("rmb", Effect::Yuan),
    ("cny", Effect::Yuan),
    ("yuan", Effect::Yuan),
    ("个小时", Effect::Unit(Ratio(1, 1))),
    ("小时", Effect::Unit(Ratio(1, 1))),
    ("钟头", Effect::Unit(Ratio(1, 1))),
    ("hours", Effect::Unit(Ratio(1, 1))),
    ("hour", Effect::Unit(Ratio(1, 1))),
    ("hrs", Effect::Unit(Ratio(1, 1))),
    ("hr", Effect::Unit(Ratio(1, 1))),
    ("h", Effect::Unit(Ratio(1, 1))),
    ("分钟", Effect::Unit(Ratio(1, 60))),
    ("minutes", Effect::Unit(Ratio(1, 60))),
    ("minute", Effect::Unit(Ratio(1, 60))),
    ("mins", Effect::Unit(Ratio(1, 60))),
    ("min", Effect::Unit(Ratio(1, 60))),
    ("分", Effect::Unit(Ratio(1, 60))),
    ("人次", Effect::Noise),
    ("篇次", Effect::Noise),
    ("人", Effect::Noise),
    ("个", Effect::Noise),
    ("名", Effect::Noise),
    ("位", Effect::Noise),
    ("次", Effect::Noise),
    ("篇", Effect::Noise),
    ("期", Effect::Noise),
    ("条", Effect::Noise),
    ("/期", Effect::Noise),
    ("/篇", Effect::Noise),
    ("/次", Effect::Noise),
    ("每期", Effect::Noise),
    ("每篇", Effect::Noise),
    ("每次", Effect::Noise),
];

/// Periods written before a figure (`每周2次`, `月均4次`, `日更`). The words
/// that stand alone for "once per period" are in [`ONCE_PER`].
pub(super) const PERIOD_PREFIXES: &[(&str, Period)] = &[
    ("每星期", Period::Week),
    ("每周", Period::Week),
    ("一周", Period::Week),
    ("周均", Period::Week),
    ("每个月", Period::Month),
    ("一个月", Period::Month),
    ("每月", Period::Month),
    ("月均", Period::Month),
    ("每年", Period::Year),
    ("一年", Period::Year),
    ("全年", Period::Year),
    ("年均", Period::Year),
    ("每天", Period::Day),
    ("每日", Period::Day),
    ("日均", Period::Day),
    ("一天", Period::Day),
    ("天天", Period::Day),
    ("周", Period::Week),
    ("月", Period::Month),
    ("年", Period::Year),
];

/// Periods written after a figure (`2次/周`, `20万元/年`, `4次每月`).
pub(super) const PERIOD_SUFFIXES: &[(&str, Period)] = &[
    ("/星期", Period::Week),
    ("/周", Period::Week),
    ("/week", Period::Week),
    ("/wk", Period::Week),
    ("perweek", Period::Week),
    ("aweek", Period::Week),
    ("每周", Period::Week),
    ("/月", Period::Month),
    ("/month", Period::Month),
    ("/mo", Period::Month),
    ("permonth", Period::Month),
    ("amonth", Period::Month),
    ("每月", Period::Month),
    ("/年", Period::Year),
    ("/year", Period::Year),
    ("/yr", Period::Year),
    ("/a", Period::Year),
    ("peryear", Period::Year),
    ("ayear", Period::Year),
    ("每年", Period::Year),
    ("/天", Period::Day),
    ("/日", Period::Day),
    ("/day", Period::Day),
    ("perday", Period::Day),
    ("aday", Period::Day),
    ("每天", Period::Day),
    ("每日", Period::Day),
];

/// Whole cells that mean once (or a fraction of once) per period.
pub(super) const ONCE_PER: &[(&str, Period, Ratio)] = &[
    ("日更", Period::Day, Ratio(1, 1)),
    ("每日更新", Period::Day, Ratio(1, 1)),
    ("每天更新", Period::Day, Ratio(1, 1)),
    ("天天更新", Period::Day, Ratio(1, 1)),
    ("daily", Period::Day, Ratio(1, 1)),
    ("everyday", Period::Day, Ratio(1, 1)),
    ("周更", Period::Week, Ratio(1, 1)),
    ("weekly", Period::Week, Ratio(1, 1)),
    ("双周更", Period::Week, Ratio(1, 2)),
    ("隔周更", Period::Week, Ratio(1, 2)),
    ("半月更", Period::Month, Ratio(2, 1)),
    ("月更", Period::Month, Ratio(1, 1)),
    ("monthly", Period::Month, Ratio(1, 1)),
    ("年更", Period::Year, Ratio(1, 1)),
];

/// Which end of a cell a word table applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    Start,
    Finish,
}

/// The first word of `table` at the given end of `text`, and the text
/// without it.
pub(super) fn strip_any<'a, T: Copy>(
    text: &'a str,
    table: &[(&str, T)],
    end: End,
) -> Option<(&'a str, T)> {
    let bytes = text.as_bytes();
    table.iter().find_map(|(word, effect)| {
        // The word's last byte against the text's byte where the word would
        // end rules out nearly every word before comparing it whole: the
        // last byte of a Chinese character is one of 64.
        let last = word.len().checked_sub(1)?;
        let at = match end {
            End::Start => last,
            End::Finish => bytes.len().checked_sub(1)?,
        };
        if bytes.get(at) != word.as_bytes().get(last) {
            return None;
        }
        let rest = match end {
            End::Start => text.strip_prefix(word),
            End::Finish => text.strip_suffix(word),
        };
        rest.map(|rest| (rest, *effect))
    })
}

pub(super) fn strip_period_suffix(text: &str) -> Option<(&str, Period)> {
    strip_any(text, PERIOD_SUFFIXES, End::Finish)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(multiplier: i64) -> Unit {
        Unit {
            multiplier: Some(Num::int(multiplier)),
            period: None,
        }
    }

    #[test]
    fn reads_header_units() {
        let got = |text: &str| super::unit(text);
        assert_eq!(got("万元"), Some(unit(10_000)));
        assert_eq!(got("单位：万元"), Some(unit(10_000)));
        assert_eq!(got("元"), Some(Unit::default()));
        assert_eq!(
            got("元/年"),
            Some(Unit {
                multiplier: None,
                period: Some(Period::Year)
            })
        );
        assert_eq!(
            got("万元/月"),
            Some(Unit {
                multiplier: Some(Num::int(10_000)),
                period: Some(Period::Month)
            })
        );
        assert_eq!(
            got("次/月"),
            Some(Unit {
                multiplier: None,
                period: Some(Period::Month)
            })
        );
        assert_eq!(got("小时"), Some(unit(1)));
        assert_eq!(
            got("分钟"),
            Some(Unit {
                multiplier: Num::ratio(1, 60),
                period: None
            })
        );
        assert_eq!(got("万人"), Some(unit(10_000)));
        assert_eq!(got("万"), Some(unit(10_000)));
        assert_eq!(got("截至3月底"), None);
    }
}
