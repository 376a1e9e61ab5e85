//! Reading one cell into an account: words (remembered per column), units
//! (shared between the accounts of one unit), figures and dates.

use std::sync::Arc;

use crate::account::{Account, Bound, Bounded, Decision, Field, Figure, Level, Platform, Staffing};
use crate::date::{LastPost, Meaning, Reading, Said};
use crate::diagnostic::Expected;
use crate::fields::Question;
use crate::num::Num;
use crate::text::{one_line, trim};
use crate::values::{self, Amount, Fault, Measure, Read, Unit};

/// What a cell of a column of words says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    Level(Level),
    Platform(Platform),
    /// A level column's cell that names a platform (类别: 订阅号).
    PlatformInLevel(Platform),
    /// A platform column's cell that names a level.
    LevelInPlatform(Level),
    /// A platform column's cell that names no platform known.
    OtherPlatform,
    Staffing(Staffing),
    Decision(Decision),
    /// Whether the interaction function works.
    Interaction(bool),
    /// A yes/no answer that gives no value (否 in 是否归并).
    Nothing,
    /// A blank cell or a missing marker.
    Missing,
}

pub(super) type WordRead = Result<Word, (Fault, Expected)>;

/// The words of one column already read: a column of levels, platforms,
/// staffing or decisions holds a handful of distinct words, each read once.
#[derive(Clone, Debug, Default)]
pub(super) struct Memo {
    words: Vec<(Box<str>, WordRead)>,
}

/// How many distinct words a column remembers; past that (a column of
/// free text) cells are simply read each time. Real columns use a handful.
const WORD_MEMO: usize = 16;

impl Memo {
    pub(super) fn read(
        &mut self,
        cell: &str,
        field: Field,
        question: Option<Question>,
    ) -> WordRead {
        // A short list, compared length first: cheaper than hashing the
        // cell, and a column holds few words.
        if let Some(&(_, read)) = self
            .words
            .iter()
            .find(|(word, _)| word.len() == cell.len() && **word == *cell)
        {
            return read;
        }
        let read = read_word(cell, field, question);
        if self.words.len() < WORD_MEMO {
            self.words.push((cell.into(), read));
        }
        read
    }
}

/// True for the fields whose cells are words, read through a [`Memo`].
pub(super) fn is_word(field: Field) -> bool {
    matches!(
        field,
        Field::Level | Field::Platform | Field::Staffing | Field::Decision | Field::Interaction
    )
}

pub(super) fn read_word(cell: &str, field: Field, question: Option<Question>) -> WordRead {
    // 无 is a missing marker elsewhere, but in an interaction column it is
    // the answer: there is none.
    if field == Field::Interaction {
        return match values::interaction(cell) {
            Ok(works) => Ok(works.map_or(Word::Missing, Word::Interaction)),
            Err(fault) => Err((fault, Expected::Interaction)),
        };
    }
    if values::is_missing(cell) {
        return Ok(Word::Missing);
    }
    let expected = Expected::for_field(field, question.is_some());
    let fail = |fault| (fault, expected);
    let word = match field {
        // A level column may hold platforms (a 类别 column of 订阅号 and
        // 服务号), and a platform column levels.
        Field::Level => match values::level(cell) {
            Ok(level) => level.map(Word::Level),
            Err(fault) => match values::platform(cell) {
                Ok(Some(platform)) => Some(Word::PlatformInLevel(platform)),
                _ => return Err(fail(fault)),
            },
        },
        Field::Platform => match values::platform(cell) {
            Ok(platform) => platform.map(Word::Platform),
            Err(_) => match values::level(cell) {
                Ok(Some(level)) => Some(Word::LevelInPlatform(level)),
                _ => Some(Word::OtherPlatform),
            },
        },
        Field::Staffing => match question {
            Some(question) => answer(cell, values::staffing, |yes| match (question, yes) {
                (Question::Dedicated, true) => Some(Staffing::Dedicated),
                (_, true) => Some(Staffing::Outsourced),
                (_, false) => Some(Staffing::PartTime),
            }),
            None => values::staffing(cell),
        }
        .map_err(fail)?
        .map(Word::Staffing),
        Field::Decision => match question {
            Some(question) => answer(cell, values::decision, |yes| match (question, yes) {
                (Question::Keep, true) => Some(Decision::Keep),
                (Question::Keep, false) => Some(Decision::Close),
                (Question::Merge, true) => Some(Decision::Merge),
                (Question::Merge, false) => None,
                (_, true) => Some(Decision::Close),
                (_, false) => Some(Decision::Keep),
            }),
            None => values::decision(cell),
        }
        .map_err(fail)?
        .map(Word::Decision),
        _ => None,
    };
    Ok(word.unwrap_or(Word::Nothing))
}

/// Stores a word; true when the cell held one.
pub(super) fn apply_word(account: &mut Account, word: Word) -> bool {
    match word {
        Word::Level(level) | Word::LevelInPlatform(level) => {
            account.level = level;
            account.level_inferred = false;
        }
        Word::Platform(platform) | Word::PlatformInLevel(platform) => account.platform = platform,
        Word::OtherPlatform => account.platform = Platform::Other,
        Word::Staffing(staffing) => account.staffing = Some(staffing),
        Word::Decision(decision) => account.decision = Some(decision),
        Word::Interaction(works) => account.interaction = Some(works),
        Word::Nothing => {}
        Word::Missing => return false,
    }
    true
}

/// Reads a yes/no column, falling back to the column's words for people who
/// write 外包 in a 是否外包 column.
fn answer<T>(
    cell: &str,
    words: fn(&str) -> Read<T>,
    meaning: impl Fn(bool) -> Option<T>,
) -> Read<T> {
    match values::yes_no(cell) {
        Ok(Some(yes)) => Ok(meaning(yes)),
        Ok(None) => Ok(None),
        Err(fault) => words(cell).map_err(|_| fault),
    }
}

/// Where the account keeps a field's figure, for a field that is one.
pub(super) fn figure(account: &mut Account, field: Field) -> Option<&mut Figure> {
    match field {
        Field::Followers => Some(&mut account.followers),
        Field::PostsPerWeek => Some(&mut account.posts_per_week),
        Field::HoursPerPost => Some(&mut account.hours_per_post),
        Field::Staff => Some(&mut account.staff),
        Field::OutsourcingFee => Some(&mut account.outsourcing_fee),
        Field::OtherCost => Some(&mut account.other_cost),
        Field::AvgReads => Some(&mut account.avg_reads),
        // The fields without a measure (`measure` lists them).
        _ => None,
    }
}

/// The most a figure can plausibly be, where a slip is easy to make and
/// would swamp the totals: more than 100 posts a week (a year's or a
/// month's total in a per-week column), 24 hours a post (minutes for
/// hours), or 2 billion followers (more people than use WeChat; a stray
/// digit). Such a figure is read as written, and warned.
pub(super) fn implausible(account: &mut Account, field: Field) -> Option<Num> {
    let limit = match field {
        Field::PostsPerWeek => Num::int(100),
        Field::HoursPerPost => Num::int(24),
        Field::Followers => Num::int(2_000_000_000),
        _ => return None,
    };
    let high = figure(account, field)?.span()?.high;
    (high > limit).then_some(limit)
}

/// How a column of figures is read, for a field that is one.
pub(super) fn measure(field: Field) -> Option<Measure> {
    match field {
        Field::Followers | Field::Staff | Field::AvgReads => Some(Measure::Count),
        Field::HoursPerPost => Some(Measure::Hours),
        Field::OutsourcingFee | Field::OtherCost => Some(Measure::Money),
        Field::PostsPerWeek => Some(Measure::PostsPerWeek),
        Field::Name
        | Field::Unit
        | Field::Level
        | Field::Platform
        | Field::Staffing
        | Field::Decision
        | Field::LastPost
        | Field::Interaction
        | Field::MergeInto => None,
    }
}

/// A figure read from a cell, its bound and words kept when it has one.
pub(super) fn figure_of(amount: Amount, cell: &str) -> Figure {
    match amount.bound {
        None => Figure::from(amount.span),
        Some(bound) => Figure::Bounded(Box::new(Bounded {
            value: amount.span,
            bound,
            written: trim(cell).into(),
        })),
    }
}

/// The number a bounded figure is bounded by: the top of a range it lies
/// below, the bottom of one it lies above.
pub(super) fn bound_value(amount: &Amount) -> Option<(Bound, crate::num::Num)> {
    amount.bound.map(|bound| match bound {
        Bound::Below => (bound, amount.span.high),
        Bound::Above => (bound, amount.span.low),
    })
}

/// The last post a reading of a cell gives: a date as it stands, anything
/// else with the words kept, for the reason that quotes them.
pub(super) fn last_post(cell: &str, reading: Reading) -> LastPost {
    let said = |meaning| {
        LastPost::Said(Box::new(Said {
            written: trim(cell).into(),
            meaning,
        }))
    };
    match reading {
        Reading::Date(day) => LastPost::On(day),
        Reading::NoYear(day) => said(Meaning::On(day)),
        Reading::Words(meaning) => said(meaning),
    }
}

/// Stores a text cell on one line; true when the cell was not missing.
pub(super) fn set_text(slot: &mut String, cell: &str) -> bool {
    if values::is_missing(cell) {
        return false;
    }
    *slot = one_line(cell);
    true
}

/// The units already read. A unit runs several accounts and a list names
/// few units, so each is kept once and shared: most rows then cost no
/// allocation for their unit, nor a free when the list is dropped.
#[derive(Debug, Default)]
pub(super) struct Units {
    recent: Vec<Arc<str>>,
    /// Where the next new unit goes once `recent` is full.
    next: usize,
}

/// How many units are remembered: rows of one unit usually come together.
const RECENT_UNITS: usize = 16;

impl Units {
    /// Reads a unit cell into `slot`; true when the cell held one.
    pub(super) fn read(&mut self, cell: &str, slot: &mut Arc<str>) -> bool {
        if values::is_missing(cell) {
            return false;
        }
        // A unit on one line is stored as its trimmed text; one with a line
        // break never matches, and is joined onto one line below.
        let text = trim(cell);
        if let Some(unit) = self
            .recent
            .iter()
            .find(|unit| unit.len() == text.len() && ***unit == *text)
        {
            *slot = Arc::clone(unit);
            return true;
        }
        let unit: Arc<str> = one_line(cell).into();
        if self.recent.len() < RECENT_UNITS {
            self.recent.push(Arc::clone(&unit));
        } else if let Some(oldest) = self.recent.get_mut(self.next) {
            *oldest = Arc::clone(&unit);
            self.next = (self.next + 1) % RECENT_UNITS;
        }
        *slot = unit;
        true
    }
}

/// A column read with `unit` in a figure column.
pub(super) fn read_figure(
    account: &mut Account,
    field: Field,
    cell: &str,
    measure: Measure,
    unit: Unit,
) -> Result<Option<Amount>, Fault> {
    let amount = measure.read(cell, unit)?;
    if let (Some(amount), Some(slot)) = (amount, figure(account, field)) {
        *slot = figure_of(amount, cell);
    }
    Ok(amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_with_a_measure_has_a_figure() {
        let mut account = Account::named(2, "甲");
        for field in Field::ALL {
            assert_eq!(
                measure(field).is_some(),
                figure(&mut account, field).is_some(),
                "{field:?}"
            );
        }
    }
}
