//! Merged cells: the empty cells under a merged cell take its value.
//!
//! Excel and WPS copy a cell merged down over several rows as its value in
//! the first row and empty cells below. Offices merge the unit over its
//! accounts, the level over a section, the platform and the staffing over
//! the accounts they share. How the importer knows which empty cells were
//! merged:
//!
//! * from the table itself, when it came with its [`Merges`] (an HTML
//!   table from the clipboard, a workbook): nothing is guessed, in any
//!   column;
//! * otherwise, for the grouping columns only (unit, level, platform,
//!   staffing), an empty cell in a row that names an account, under a filled
//!   one, is read as merged with it. Headings, totals, notes and blank rows
//!   end the run.
//!
//! Either way a notice per column lists the rows filled. A merged cell in a
//! column of amounts (fees, followers, staff) is different: one fee for two
//! accounts is one fee, so it is counted once, on its first row, and a
//! notice says so.
//!
//! The value is taken from the account read from the row above (or from the
//! merged cell's first row), already parsed, so filling costs no parsing and
//! no allocation but the unit's shared name.

use crate::account::{Account, Field, Fields};
use crate::grid::Merges;

/// Where the importer learns which empty cells are merged.
#[derive(Debug)]
pub(super) enum Source {
    /// From empty cells under filled ones, in the grouping columns.
    Guess,
    /// From the table's own merges.
    Merges(Merges),
}

/// What to do with an empty cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Take {
    /// Copy the field from the account at this index.
    From(usize),
    /// Under a merged cell of amounts whose first row is given: leave it
    /// empty, and say the amount is counted once.
    Once(usize),
}

/// The state of filling as rows are read.
#[derive(Debug)]
pub(super) struct Fill {
    source: Source,
    /// The grouping fields the last account got from a cell (its own, or
    /// filled), which an empty cell below may take; empty after a heading,
    /// a totals row, a note or a blank row. Only for [`Source::Guess`].
    above: Fields,
}

impl Fill {
    pub(super) fn new(source: Source) -> Fill {
        Fill {
            source,
            above: Fields::default(),
        }
    }

    /// True when the table's merges are known, so nothing is guessed.
    pub(super) fn exact(&self) -> bool {
        matches!(self.source, Source::Merges(_))
    }

    /// True when some of the `blank` fields of a row may take a value: any,
    /// when the merges are known; when guessing, a grouping field the row
    /// above had.
    pub(super) fn may_take(&self, blank: Fields) -> bool {
        match self.source {
            Source::Guess => blank.intersects(self.above),
            Source::Merges(_) => !blank.is_empty(),
        }
    }

    /// A row that is not an account ends every run of empty cells.
    pub(super) fn interrupt(&mut self) {
        self.above = Fields::default();
    }

    /// What the empty cell of `field` at `row` (numbered as the user sees
    /// it) and `column` takes, given the accounts read so far, the last of
    /// which is the row's own.
    pub(super) fn take(
        &self,
        accounts: &[Account],
        row: usize,
        column: usize,
        field: Field,
    ) -> Option<Take> {
        match &self.source {
            Source::Guess => {
                let above = accounts.len().checked_sub(2)?;
                (grouping(field) && self.above.contains(field)).then_some(Take::From(above))
            }
            Source::Merges(merges) => {
                let first = merges.above(row, column)?;
                if !shared(field) {
                    return Some(Take::Once(first));
                }
                // Accounts are in row order: the merged cell's first row is
                // found by a binary search.
                let own = accounts.len().checked_sub(1)?;
                let earlier = accounts.get(..own)?;
                earlier
                    .binary_search_by_key(&first, |account| account.row)
                    .ok()
                    .map(Take::From)
            }
        }
    }

    /// After an account is read: the grouping fields it got from a cell,
    /// which the next row may take.
    pub(super) fn read(&mut self, from_cells: Fields) {
        self.above = from_cells;
    }
}

/// The columns whose empty cells under a filled one are read as merged when
/// the table does not say: the ones offices merge over a group of accounts.
pub(super) fn grouping(field: Field) -> bool {
    matches!(
        field,
        Field::Unit | Field::Level | Field::Platform | Field::Staffing
    )
}

/// The columns whose merged value belongs to each account under it; the
/// others (followers, staff, fees) hold an amount for the group, counted
/// once.
fn shared(field: Field) -> bool {
    !matches!(
        field,
        Field::Followers | Field::Staff | Field::OutsourcingFee | Field::OtherCost
    )
}

/// Copies `field` from one account to another.
pub(super) fn copy(from: &Account, to: &mut Account, field: Field) {
    match field {
        Field::Name => to.name.clone_from(&from.name),
        Field::Unit => to.unit = from.unit.clone(),
        Field::Level => {
            to.level = from.level;
            to.level_inferred = from.level_inferred;
        }
        Field::Platform => to.platform = from.platform,
        Field::Followers => to.followers = from.followers.clone(),
        Field::PostsPerWeek => to.posts_per_week = from.posts_per_week.clone(),
        Field::HoursPerPost => to.hours_per_post = from.hours_per_post.clone(),
        Field::Staff => to.staff = from.staff.clone(),
        Field::Staffing => to.staffing = from.staffing,
        Field::OutsourcingFee => to.outsourcing_fee = from.outsourcing_fee.clone(),
        Field::OtherCost => to.other_cost = from.other_cost.clone(),
        Field::AvgReads => to.avg_reads = from.avg_reads.clone(),
        Field::LastPost => to.last_post = from.last_post.clone(),
        Field::Interaction => to.interaction = from.interaction,
        Field::Decision => to.decision = from.decision,
        Field::MergeInto => to.merge_into.clone_from(&from.merge_into),
    }
    if from.unreadable.contains(field) {
        to.unreadable.insert(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Grid, Spanned};

    #[test]
    fn guessing_takes_only_grouping_fields_from_the_row_above() {
        let mut fill = Fill::new(Source::Guess);
        let accounts = [Account::named(2, "甲"), Account::named(3, "乙")];
        // Nothing above yet.
        assert_eq!(fill.take(&accounts, 3, 1, Field::Unit), None);
        fill.read([Field::Unit, Field::Followers].into_iter().collect());
        assert_eq!(fill.take(&accounts, 3, 1, Field::Unit), Some(Take::From(0)));
        // Followers are not a grouping field: never guessed.
        assert_eq!(fill.take(&accounts, 3, 2, Field::Followers), None);
        fill.interrupt();
        assert_eq!(fill.take(&accounts, 3, 1, Field::Unit), None);
    }

    #[test]
    fn merges_fill_shared_fields_and_count_amounts_once() {
        // Rows 2–3 share a merged unit (column 1) and a merged fee (column 2).
        let grid = Grid::from_spans(vec![
            vec![
                Spanned::text("名称"),
                Spanned::text("主办单位"),
                Spanned::text("外包费用"),
            ],
            vec![
                Spanned::text("甲"),
                Spanned {
                    text: "县公安局".into(),
                    rows: 2,
                    columns: 1,
                },
                Spanned {
                    text: "2万".into(),
                    rows: 2,
                    columns: 1,
                },
            ],
            vec![Spanned::text("乙")],
        ]);
        let fill = Fill::new(Source::Merges(grid.merges().clone()));
        let accounts = [Account::named(2, "甲"), Account::named(3, "乙")];
        assert_eq!(fill.take(&accounts, 3, 1, Field::Unit), Some(Take::From(0)));
        assert_eq!(
            fill.take(&accounts, 3, 2, Field::OutsourcingFee),
            Some(Take::Once(2))
        );
        assert_eq!(fill.take(&accounts, 3, 0, Field::Name), None);
    }

    #[test]
    fn copying_takes_the_value_and_its_unreadability() {
        let mut from = Account::named(2, "甲");
        from.unit = "县公安局".into();
        from.unreadable.insert(Field::Staffing);
        let mut to = Account::named(3, "乙");
        copy(&from, &mut to, Field::Unit);
        copy(&from, &mut to, Field::Staffing);
        assert_eq!(&*to.unit, "县公安局");
        assert!(to.unreadable.contains(Field::Staffing));
    }
}
