//! Notices about many rows of one column, gathered as the rows are read and
//! given once per column (and kind) at the end: one notice that rows 5–8
//! of 主办单位 were filled from merged cells, not four.

use crate::account::{Bound, Field, Level, Platform};
use crate::date::Meaning;
use crate::diagnostic::{Diagnostic, Location, Problem, RowList};
use crate::hash::FxHashMap;
use crate::num::Num;

/// What a notice says, without its rows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Notice {
    /// Filled from a merged cell; `merged` when the table said so.
    Filled { merged: bool },
    /// Under a merged cell of amounts whose first row is `first`.
    MergedOnce { first: usize },
    /// Written with a bound on this number.
    Bounded { bound: Bound, value: Num },
    /// A day without a year, read in this year.
    NoYear { year: i32 },
    /// Words for the last post, read as this.
    DateWords { meaning: Meaning, days: i32 },
    /// A platform after the name.
    PlatformInName { platform: Platform },
    /// A level column's cell naming a platform.
    PlatformNotLevel { platform: Platform },
    /// A platform column's cell naming a level.
    LevelNotPlatform { level: Level },
    /// A platform column's cell naming no known platform, by its words.
    UnknownPlatform { written: Box<str> },
}

/// The notices gathered so far.
#[derive(Debug, Default)]
pub(super) struct Notices {
    /// Where each (column, notice) is in `entries`.
    index: FxHashMap<(usize, Notice), usize>,
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    column: usize,
    field: Field,
    notice: Notice,
    rows: RowList,
    /// The first cell's text.
    value: String,
}

impl Notices {
    /// Notes that `row`'s cell in `column` (of `field`) gets `notice`.
    pub(super) fn add(
        &mut self,
        column: usize,
        field: Field,
        notice: Notice,
        row: usize,
        value: &str,
    ) {
        match self.index.get(&(column, notice.clone())) {
            Some(&at) => {
                if let Some(entry) = self.entries.get_mut(at) {
                    entry.rows.push(row);
                }
            }
            None => {
                self.index
                    .insert((column, notice.clone()), self.entries.len());
                self.entries.push(Entry {
                    column,
                    field,
                    notice,
                    rows: RowList::of(row),
                    value: value.to_string(),
                });
            }
        }
    }

    /// One diagnostic per column and notice, at its first row, the column
    /// named by `header`.
    pub(super) fn into_diagnostics<'h>(
        self,
        header: impl Fn(usize) -> &'h str,
    ) -> impl Iterator<Item = Diagnostic> {
        self.entries.into_iter().map(move |entry| {
            let Entry {
                column,
                field,
                notice,
                rows,
                value,
            } = entry;
            let row = rows.first().unwrap_or(0);
            let problem = match notice {
                Notice::Filled { merged } => Problem::Filled {
                    field,
                    rows,
                    merged,
                },
                Notice::MergedOnce { first } => Problem::MergedOnce { field, rows, first },
                Notice::Bounded { bound, value } => Problem::Bounded {
                    field,
                    rows,
                    bound,
                    value,
                },
                Notice::NoYear { year } => Problem::NoYear { rows, year },
                Notice::DateWords { meaning, days } => Problem::DateWords {
                    rows,
                    meaning,
                    days,
                },
                Notice::PlatformInName { platform } => Problem::PlatformInName { rows, platform },
                Notice::PlatformNotLevel { platform } => {
                    Problem::PlatformNotLevel { rows, platform }
                }
                Notice::LevelNotPlatform { level } => Problem::LevelNotPlatform { rows, level },
                Notice::UnknownPlatform { .. } => Problem::UnknownPlatform { rows },
            };
            Diagnostic::new(Location::cell(row, header(column)), &value, problem)
        })
    }
}
