//! Rows to accounts: the importer that ties [`table`], [`fields`] and
//! [`values`] together, for lists as offices lay them out.
//!
//! The promise to the user is that nothing they pasted disappears without a
//! word, and that no figure is silently wrong (SPEC §2):
//!
//! * every row with account data becomes exactly one [`Account`]; a cell that
//!   cannot be read becomes missing, its field is listed in
//!   [`Account::unreadable`] and a warning names the row, column and text;
//! * a row with data but no name is kept under a placeholder name, with a
//!   warning, because it is most likely a real account whose name was left
//!   out, and dropping it would understate the count;
//! * titles, a 填报单位 line and group headings above the header, section
//!   headings (一、县级部门), totals rows (合计, 小计), and notes and footers
//!   (填表说明, 制表人) are left out, each with a notice; a heading's level
//!   goes to the accounts under it;
//! * empty cells under a merged cell take its value, from the table's own
//!   merges when it came with them ([`Context::merges`]), else in the
//!   grouping columns only; a notice per column lists the rows filled;
//! * whatever was read in a way worth knowing (`不足1000`, `7月16日`,
//!   `已停更`, a platform after the name) gets a notice saying how;
//! * only rows that are entirely blank, or hold nothing but a row number,
//!   are skipped silently: they are not data.
//!
//! [`table`]: crate::table
//! [`fields`]: crate::fields
//! [`values`]: crate::values
//!
//! ```
//! use jianfu_core::account::Level;
//! use jianfu_core::import::import_text;
//!
//! let import = import_text("名称\t粉丝数\n长兴发布\t10万+\n新川村\t很多\n合计\t100001\n");
//! assert_eq!(import.accounts.len(), 2);
//! assert_eq!(import.accounts[1].level, Level::Village);
//! assert_eq!(import.diagnostics.len(), 2); // 很多 is unreadable; 合计 is a totals row
//! ```

use crate::account::Account;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Location, Problem, RowList};
use crate::grid::{tsv, Grid, Merges};
use crate::hash::{repeats_hashed, FxHashMap};
use crate::table::{Delimiter, Resume, Row, Table};

mod cells;
mod fill;
mod header;
mod notices;
mod plan;
mod rows;

use fill::Source;
use plan::Plan;

/// The accounts read from a list, and what the user should know about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    /// One account per data row, in row order.
    pub accounts: Vec<Account>,
    /// Problems and notices: those about the whole input first, then in row
    /// order.
    pub diagnostics: Vec<Diagnostic>,
}

/// What the importer is told besides the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The date the estimate is made as of. Days written without a year
    /// (`7月16日`) and relative words (`昨天`, `近一月未更新`) are read against
    /// it; without one they cannot be read, since any year would be a guess.
    pub as_of: Option<Date>,
    /// Which cells lie under merged cells, when the text is a table's that
    /// said ([`Grid::text`]: an HTML table from the clipboard, a workbook);
    /// such a text is tab-separated, and is read so rather than sniffed.
    /// Without it, an empty cell of a grouping column (unit, level,
    /// platform, staffing) under a filled one is read as merged with it,
    /// with a notice.
    pub merges: Option<Merges>,
}

impl Context {
    /// A context with an as-of date and no merges.
    pub fn as_of(as_of: Date) -> Context {
        Context {
            as_of: Some(as_of),
            merges: None,
        }
    }
}

/// Imports pasted text or the decoded contents of an uploaded file, without
/// an as-of date or merges (see [`import`]).
pub fn import_text(text: &str) -> Import {
    import(text, &Context::default())
}

/// Imports pasted text or the decoded contents of an uploaded file.
pub fn import(text: &str, context: &Context) -> Import {
    Importer::with_context(text, context).run_to_end(text)
}

/// Imports a table given cell by cell (an HTML table from the clipboard),
/// with its merged cells. The grid is read as its tab-separated text, so
/// that it behaves as a paste of the same cells.
pub fn import_grid(grid: Grid, as_of: Option<Date>) -> Import {
    let (text, merges) = grid.into_parts();
    import(
        &text,
        &Context {
            as_of,
            merges: Some(merges),
        },
    )
}

/// Imports rows given as objects (the JS API's array of row objects): each
/// record is its `(header, value)` pairs in key order.
///
/// The records are written out as a tab-separated table, with the union of
/// their keys as the header in first-seen order, and read back by the same
/// path as pasted text, so that both inputs behave identically. The first
/// record is row 2.
pub fn import_records(records: &[Vec<(String, String)>], context: &Context) -> Import {
    let text = records_to_text(records);
    Importer::start(&Table::with_delimiter(&text, Delimiter::Tab), context).run_to_end(&text)
}

/// The most accounts one list may hold: far more than any county has
/// (Changxing had 282), and a bound on the memory a mistaken paste can take.
/// Rows past it are counted and reported, never dropped silently.
pub const MAX_ACCOUNTS: usize = 200_000;

/// The most accounts reserved before reading: 2^17, about 80 MB of
/// accounts, more than any county has.
const MAX_RESERVED_ROWS: usize = 1 << 17;

/// An import done a number of rows at a time.
///
/// [`import_text`] reads a whole list in one go. A page cannot: 100,000 rows
/// take longer than a frame, and a page that stops answering for a second
/// looks dead. So the page makes an `Importer`, calls [`Importer::read`] with
/// a few thousand rows between frames, and then [`Importer::finish`]es. Both
/// ways run the same code, row by row, and give the same [`Import`].
///
/// ```
/// use jianfu_core::import::{import_text, Importer};
///
/// let text = "名称\t粉丝数\n甲\t1\n乙\t2\n丙\t3\n";
/// let mut importer = Importer::new(text);
/// while !importer.read(text, 1) {}
/// assert_eq!(importer.finish(), import_text(text));
/// ```
pub struct Importer {
    import: Import,
    /// `None` once the list is known to have nothing more to read (or no
    /// header to read it by).
    reading: Option<Reading>,
}

/// What an [`Importer`] needs between slices.
struct Reading {
    delimiter: Delimiter,
    at: Resume,
    plan: Plan,
    /// Rows past [`MAX_ACCOUNTS`]: the first one's number, and how many.
    cut: Option<(usize, usize)>,
}

impl Importer {
    /// Starts importing `text` without an as-of date or merges: sniffs the
    /// delimiter and reads the header.
    pub fn new(text: &str) -> Importer {
        Importer::with_context(text, &Context::default())
    }

    /// Starts importing `text` in `context`: sniffs the delimiter and reads
    /// the header.
    pub fn with_context(text: &str, context: &Context) -> Importer {
        // A table's text is tab-separated, whatever its cells hold (a column
        // of `a;b` would make the sniffer choose the semicolon).
        let table = match context.merges {
            Some(_) => Table::with_delimiter(text, Delimiter::Tab),
            None => Table::new(text),
        };
        let mut importer = Importer::start(&table, context);
        if importer.reading.is_none()
            && importer.import.diagnostics.is_empty()
            && !table.text().is_empty()
        {
            // Nothing but blank lines: say so, rather than show nothing.
            let lines = table.text().lines().count();
            importer.import.diagnostics.push(Diagnostic::new(
                Location::Input,
                "",
                Problem::Blank { lines },
            ));
        }
        importer
    }

    fn start(table: &Table, context: &Context) -> Importer {
        let mut import = Import::default();
        if let Some(first) = context.merges.as_ref().and_then(|m| m.hidden().first()) {
            let mut rows = RowList::of(*first);
            context
                .merges
                .iter()
                .flat_map(|m| m.hidden())
                .for_each(|&row| rows.push(row));
            import.diagnostics.push(Diagnostic::new(
                Location::Input,
                "",
                Problem::HiddenRows { rows },
            ));
        }
        let mut rows = table.rows();
        let found = header::find_header(&mut rows, context.merges.as_ref(), &mut import);
        let reading = found.and_then(|found| {
            let source = match &context.merges {
                Some(merges) => Source::Merges(merges.clone()),
                None => Source::Guess,
            };
            let plan = read_header(&found, source, context.as_of, &mut import)?;
            // One account per line at most: reserving up front spares copying
            // a large list as it grows. Capped, so that a text of empty lines
            // does not reserve gigabytes.
            let lines = memchr::memchr_iter(b'\n', table.text().as_bytes()).count() + 1;
            import.accounts.reserve(lines.min(MAX_RESERVED_ROWS));
            Some(Reading {
                delimiter: table.delimiter(),
                at: found.resume,
                plan,
                cut: None,
            })
        });
        Importer { import, reading }
    }

    /// Reads up to `rows` more rows of `text`, which must be the text the
    /// importer was made with. True when the whole list has been read.
    pub fn read(&mut self, text: &str, rows: usize) -> bool {
        let Some(reading) = self.reading.as_mut() else {
            return true;
        };
        let table = Table::with_delimiter(text, reading.delimiter);
        let mut source = table.rows_from(reading.at);
        let mut row = Row::default();
        let mut finished = false;
        for _ in 0..rows {
            if !source.read_into(&mut row) {
                finished = true;
                break;
            }
            let row = &row;
            if self.import.accounts.len() < MAX_ACCOUNTS {
                reading.plan.read_row(row, &mut self.import);
            } else if !row.is_blank() {
                reading.cut.get_or_insert((row.number, 0)).1 += 1;
            }
        }
        reading.at = source.resume();
        if finished {
            self.end_reading();
        }
        finished
    }

    /// How many bytes of the text have been read, for a progress bar.
    pub fn progress(&self) -> usize {
        self.reading.as_ref().map_or(usize::MAX, |r| r.at.offset())
    }

    /// The import: every account read, and every diagnostic in row order.
    pub fn finish(mut self) -> Import {
        self.end_reading();
        self.import
    }

    /// The checks that need the whole list: the last section's count,
    /// repeated names, the notices about many rows, and rows past the
    /// limit. Then the diagnostics are put in row order.
    fn end_reading(&mut self) {
        let Some(mut reading) = self.reading.take() else {
            return;
        };
        reading.plan.end_section(&mut self.import);
        flag_duplicate_names(&reading.plan, &mut self.import);
        let mut notices = reading.plan.take_notices();
        self.import.diagnostics.append(&mut notices);
        if let Some((first_row, cut)) = reading.cut {
            self.import.diagnostics.push(Diagnostic::new(
                Location::Input,
                "",
                Problem::TooManyRows {
                    limit: MAX_ACCOUNTS,
                    first_row,
                    cut,
                },
            ));
        }
        self.import.diagnostics.sort_by_key(Diagnostic::order);
    }

    fn run_to_end(mut self, text: &str) -> Import {
        while !self.read(text, usize::MAX) {}
        self.finish()
    }
}

/// Works out where each field is from the header found, reporting repeated
/// columns. `None` when no column names the account, which is reported.
fn read_header(
    found: &header::Found,
    source: Source,
    as_of: Option<Date>,
    import: &mut Import,
) -> Option<Plan> {
    let header = &found.header;
    for &(index, kept) in &header.duplicates {
        let (Some(column), Some(kept)) = (header.columns.get(index), header.columns.get(kept))
        else {
            continue;
        };
        if let crate::fields::Role::Field(field) = kept.role {
            import.diagnostics.push(Diagnostic::new(
                Location::cell(found.row.number, &column.header),
                &column.header,
                Problem::DuplicateColumn {
                    field,
                    kept: kept.header.clone(),
                },
            ));
        }
    }
    let plan = Plan::new(header, source, as_of);
    if plan.is_none() {
        import.diagnostics.push(Diagnostic::new(
            Location::row(found.row.number),
            "",
            Problem::NoNameColumn {
                found: header.names(),
            },
        ));
    }
    plan
}

/// Adds a warning on every repeat of a name on the same platform, naming the
/// row it first appeared on. Placeholder names are not compared.
fn flag_duplicate_names(plan: &Plan, import: &mut Import) {
    let accounts = &import.accounts;
    debug_assert_eq!(plan.name_hashes.len(), accounts.len());
    let placeholder = |index: usize| plan.placeholders.binary_search(&index).is_ok();
    let same = |a: usize, b: usize| match (accounts.get(a), accounts.get(b)) {
        (Some(x), Some(y)) => {
            x.name == y.name && x.platform == y.platform && !placeholder(a) && !placeholder(b)
        }
        _ => false,
    };
    let mut warnings = Vec::new();
    for (index, (first, occurrence)) in repeats_hashed(&plan.name_hashes, &same)
        .into_iter()
        .enumerate()
    {
        let Some(account) = accounts.get(index).filter(|_| occurrence > 0) else {
            continue;
        };
        let first_row = accounts.get(first).map_or(0, |a| a.row);
        warnings.push(Diagnostic::new(
            Location::cell(account.row, plan.name_header()),
            &account.name,
            Problem::DuplicateName { first_row },
        ));
    }
    import.diagnostics.append(&mut warnings);
}

/// Writes records as a tab-separated table with a header row.
fn records_to_text(records: &[Vec<(String, String)>]) -> String {
    let mut keys: Vec<&str> = Vec::new();
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for record in records {
        for (key, _) in record {
            if !index.contains_key(key.as_str()) {
                index.insert(key, keys.len());
                keys.push(key);
            }
        }
    }
    if keys.is_empty() {
        return String::new();
    }
    let rows = records.iter().map(|record| {
        let mut cells = vec![""; keys.len()];
        for (key, value) in record {
            if let Some(cell) = index.get(key.as_str()).and_then(|&i| cells.get_mut(i)) {
                *cell = value;
            }
        }
        cells
    });
    tsv(std::iter::once(keys.clone()).chain(rows))
}

#[cfg(test)]
mod tests;
