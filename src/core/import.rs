//! Rows to accounts: the importer that ties [`table`], [`fields`] and
//! [`values`] together.
//!
//! The promise to the user is that nothing they pasted disappears without a
//! word (SPEC §2):
//!
//! * every row with account data becomes exactly one [`Account`]; a cell that
//!   cannot be read becomes missing, its field is listed in
//!   [`Account::unreadable`] and a warning names the row, column and text;
//! * a row with data but no name is kept under a placeholder name, with a
//!   warning, because it is most likely a real account whose name was left
//!   out, and dropping it would understate the count;
//! * totals rows (合计, 总计, 小计), notes (备注, 填报人) and rows above the
//!   header are left out, each with a notice;
//! * only rows that are entirely blank, or hold nothing but a row number,
//!   are skipped silently: they are not data.
//!
//! [`table`]: crate::core::table
//! [`fields`]: crate::core::fields
//! [`values`]: crate::core::values
//!
//! ```
//! use jianfu::core::account::Level;
//! use jianfu::core::import::import_text;
//!
//! let import = import_text("名称\t粉丝数\n长兴发布\t10万+\n新川村\t很多\n合计\t100001\n");
//! assert_eq!(import.accounts.len(), 2);
//! assert_eq!(import.accounts[1].level, Level::Village);
//! assert_eq!(import.diagnostics.len(), 2); // 很多 is unreadable; 合计 is a totals row
//! ```

use std::sync::Arc;

use crate::core::account::{Account, Decision, Field, Figure, Level, Staffing};
use crate::core::date;
use crate::core::diagnostic::{Diagnostic, Expected, Problem};
use crate::core::fields::{Header, Question, Role};
use crate::core::hash::{name_hash, repeats_hashed, FxHashMap};
use crate::core::table::{Delimiter, Resume, Row, Rows, Table};
use crate::core::text::{self, compact, one_line};
use crate::core::values::{self, Fault, Measure, Read, Unit};

/// The accounts read from a list, and what the user should know about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    /// One account per data row, in row order.
    pub accounts: Vec<Account>,
    /// Problems and notices, in row order; whole-input problems (row 0)
    /// first.
    pub diagnostics: Vec<Diagnostic>,
}

/// Imports pasted text or the decoded contents of an uploaded file.
pub fn import_text(text: &str) -> Import {
    Importer::new(text).run_to_end(text)
}

/// Imports rows given as objects (the JS API's array of row objects): each
/// record is its `(header, value)` pairs in key order.
///
/// The records are written out as a tab-separated table, with the union of
/// their keys as the header in first-seen order, and read back by the same
/// path as pasted text, so that both inputs behave identically. The first
/// record is row 2.
pub fn import_records(records: &[Vec<(String, String)>]) -> Import {
    let text = records_to_text(records);
    Importer::start(&Table::with_delimiter(&text, Delimiter::Tab)).run_to_end(&text)
}

/// The most accounts one list may hold: far more than any county has
/// (Changxing had 282), and a bound on the memory a mistaken paste can take.
/// Rows past it are counted and reported, never dropped silently.
pub const MAX_ACCOUNTS: usize = 200_000;

/// The most accounts reserved before reading: 2^17, about 80 MB of
/// accounts, more than any county has.
const MAX_RESERVED_ROWS: usize = 1 << 17;

/// How many rows at the top may be titles above the header.
const HEADER_SEARCH_ROWS: usize = 10;

/// An import done a number of rows at a time.
///
/// [`import_text`] reads a whole list in one go. A page cannot: 100,000 rows
/// take longer than a frame, and a page that stops answering for a second
/// looks dead. So the page makes an `Importer`, calls [`Importer::read`] with
/// a few thousand rows between frames, and then [`Importer::finish`]es. Both
/// ways run the same code, row by row, and give the same [`Import`].
///
/// ```
/// use jianfu::core::import::{import_text, Importer};
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
    /// Starts importing `text`: sniffs the delimiter and reads the header.
    pub fn new(text: &str) -> Importer {
        let table = Table::new(text);
        let mut importer = Importer::start(&table);
        if importer.reading.is_none()
            && importer.import.diagnostics.is_empty()
            && !table.text().is_empty()
        {
            // Nothing but blank lines: say so, rather than show nothing.
            let lines = table.text().lines().count();
            importer
                .import
                .diagnostics
                .push(Diagnostic::new(0, "", "", Problem::Blank { lines }));
        }
        importer
    }

    fn start(table: &Table) -> Importer {
        let mut import = Import::default();
        let mut rows = table.rows();
        let reading = read_header(&mut rows, &mut import).map(|plan| {
            // One account per line at most: reserving up front spares copying
            // a large list as it grows. Capped, so that a text of empty lines
            // does not reserve gigabytes.
            let lines = memchr::memchr_iter(b'\n', table.text().as_bytes()).count() + 1;
            import.accounts.reserve(lines.min(MAX_RESERVED_ROWS));
            Reading {
                delimiter: table.delimiter(),
                at: rows.resume(),
                plan,
                cut: None,
            }
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

    /// The checks that need the whole list: repeated names, and rows past
    /// the limit. Then the diagnostics are put in row order.
    fn end_reading(&mut self) {
        let Some(reading) = self.reading.take() else {
            return;
        };
        flag_duplicate_names(&reading.plan, &mut self.import);
        if let Some((first_row, cut)) = reading.cut {
            self.import.diagnostics.push(Diagnostic::new(
                0,
                "",
                "",
                Problem::TooManyRows {
                    limit: MAX_ACCOUNTS,
                    first_row,
                    cut,
                },
            ));
        }
        self.import
            .diagnostics
            .sort_by_key(|diagnostic| diagnostic.row);
    }

    fn run_to_end(mut self, text: &str) -> Import {
        while !self.read(text, usize::MAX) {}
        self.finish()
    }
}

/// Reads the header and works out where each field is, reporting titles
/// above it and repeated columns. `None` when there is no header, or no name
/// column, which is then reported.
fn read_header(rows: &mut Rows<'_>, import: &mut Import) -> Option<Plan> {
    let (header_row, header, before) = find_header(rows, import)?;
    for row in &before {
        import.diagnostics.push(Diagnostic::new(
            row.number,
            "",
            first_cell(row),
            Problem::TitleRow,
        ));
    }
    for &(index, kept) in &header.duplicates {
        let (Some(column), Some(kept)) = (header.columns.get(index), header.columns.get(kept))
        else {
            continue;
        };
        if let Role::Field(field) = kept.role {
            import.diagnostics.push(Diagnostic::new(
                header_row.number,
                &column.header,
                &column.header,
                Problem::DuplicateColumn {
                    field,
                    kept: kept.header.clone(),
                },
            ));
        }
    }
    let plan = Plan::new(&header);
    if plan.is_none() {
        import.diagnostics.push(Diagnostic::new(
            header_row.number,
            "",
            "",
            Problem::NoNameColumn {
                found: header.names(),
            },
        ));
    }
    plan
}

/// Finds the header among the first rows: the first row that names at least
/// two fields, one of them by an exact synonym (or three loosely), or the
/// first row if it names one field exactly. Titles above it are returned so
/// that they can be reported. The search stops at the first row holding two
/// numbers, which is data.
///
/// On failure the reason is recorded and `None` returned.
fn find_header<'t>(
    rows: &mut Rows<'t>,
    import: &mut Import,
) -> Option<(Row<'t>, Header, Vec<Row<'t>>)> {
    let mut seen: Vec<Row<'t>> = Vec::new();
    for row in rows.by_ref() {
        if row.is_blank() {
            continue;
        }
        // Two figures make a data row; one may be a date in a title
        // (`填报日期 | 2019.4`).
        let data = row
            .cells()
            .filter(|cell| values::count(cell, Unit::default()).is_ok_and(|v| v.is_some()))
            .nth(1)
            .is_some();
        if data {
            seen.push(row);
            break;
        }
        let header = Header::new(row.cells());
        let strong = header.recognised() >= 2 && (header.exact() >= 1 || header.recognised() >= 3);
        let first = seen.is_empty() && header.exact() >= 1;
        if strong || first {
            return Some((row, header, seen));
        }
        seen.push(row);
        if seen.len() >= HEADER_SEARCH_ROWS {
            break;
        }
    }
    if let Some(first) = seen.first() {
        import
            .diagnostics
            .push(Diagnostic::new(0, "", &shown_row(first), Problem::NoHeader));
    }
    None
}

/// Where each field is, and how to read it.
struct Plan {
    name: usize,
    name_header: String,
    /// Every field column but the name.
    fields: Vec<FieldColumn>,
    /// The headers of every column, for diagnostics.
    headers: Vec<String>,
    /// Columns that hold neither a field nor a row number.
    unknown: Vec<usize>,
    /// Words already read, per entry of `fields`.
    memos: Vec<Memo>,
    /// Units already read, to be shared.
    units: Units,
    /// The [`name_hash`] of each account read so far, worked out while its
    /// name is at hand, for finding repeated names at the end.
    name_hashes: Vec<u64>,
}

/// A column that holds a field other than the name, and how to read it.
#[derive(Clone, Copy, Debug)]
struct FieldColumn {
    index: usize,
    field: Field,
    unit: Unit,
    question: Option<Question>,
    /// How its figures are read, for a column of figures.
    measure: Option<Measure>,
    /// The whole number a bare figure is multiplied by, when it is whole:
    /// such a cell takes the fast path, [`values::whole`].
    whole: Option<i64>,
}

impl FieldColumn {
    fn new(index: usize, field: Field, unit: Unit, question: Option<Question>) -> FieldColumn {
        let measure = match field {
            Field::Followers | Field::Staff | Field::AvgReads => Some(Measure::Count),
            Field::HoursPerPost => Some(Measure::Hours),
            Field::OutsourcingFee | Field::OtherCost => Some(Measure::Money),
            Field::PostsPerWeek => Some(Measure::PostsPerWeek),
            Field::Name
            | Field::Unit
            | Field::Level
            | Field::Staffing
            | Field::Decision
            | Field::LastPost
            | Field::MergeInto => None,
        };
        FieldColumn {
            index,
            field,
            unit,
            question,
            measure,
            whole: measure.and_then(|measure| measure.scale(unit).to_integer()),
        }
    }
}

type WordRead = Result<Word, (Fault, Expected)>;

impl Plan {
    fn new(header: &Header) -> Option<Plan> {
        let name = header.find(Field::Name)?;
        let mut fields = Vec::new();
        let mut unknown = Vec::new();
        for (index, column) in header.columns.iter().enumerate() {
            match column.role {
                Role::Field(Field::Name) => {}
                Role::Field(field) => {
                    fields.push(FieldColumn::new(index, field, column.unit, column.question))
                }
                Role::Unknown => unknown.push(index),
                Role::Serial => {}
            }
        }
        Some(Plan {
            name,
            name_header: header
                .columns
                .get(name)
                .map(|c| c.header.clone())
                .unwrap_or_default(),
            headers: header.columns.iter().map(|c| c.header.clone()).collect(),
            memos: vec![Memo::default(); fields.len()],
            units: Units::default(),
            name_hashes: Vec::new(),
            fields,
            unknown,
        })
    }

    fn header(&self, index: usize) -> &str {
        self.headers.get(index).map(String::as_str).unwrap_or("")
    }

    fn read_row(&mut self, row: &Row, import: &mut Import) {
        // The first two filled cells: none makes a blank row, one alone may
        // be a note.
        let mut filled = row.cells().filter(|cell| !text::trim(cell).is_empty());
        let (Some(first), second) = (filled.next(), filled.next()) else {
            return;
        };
        let name_cell = row.cell(self.name);
        if is_totals(name_cell) || is_totals(first) {
            let shown = if is_totals(name_cell) {
                name_cell
            } else {
                first
            };
            import
                .diagnostics
                .push(Diagnostic::new(row.number, "", shown, Problem::TotalsRow));
            return;
        }
        if second.is_none() && is_note(first) {
            import
                .diagnostics
                .push(Diagnostic::new(row.number, "", first, Problem::NoteRow));
            return;
        }
        let name = if values::is_missing(name_cell) {
            String::new()
        } else {
            one_line(name_cell)
        };
        // Built in place: an account is large, and moving it costs.
        import.accounts.push(Account::named(row.number, ""));
        let Some(account) = import.accounts.last_mut() else {
            return;
        };
        account.name = name;
        let mut diagnostics = Vec::new();
        let mut has_data = false;
        for (position, column) in self.fields.iter().enumerate() {
            let &FieldColumn {
                index,
                field,
                question,
                ..
            } = column;
            let cell = row.cell(index);
            if cell.is_empty() {
                // Missing in every column: nothing to read or report.
                continue;
            }
            if field == Field::Unit {
                has_data |= self.units.read(cell, &mut account.unit);
                continue;
            }
            if let Some(value) = column.whole.and_then(|scale| values::whole(cell, scale)) {
                if let Some(slot) = figure(account, field) {
                    *slot = Figure::Whole(value);
                }
                has_data = true;
                continue;
            }
            let read = if matches!(field, Field::Level | Field::Staffing | Field::Decision) {
                match self.memos.get_mut(position) {
                    Some(memo) => memo.read(cell, field, question),
                    None => read_word(cell, field, question),
                }
                .map(|word| apply_word(account, word))
            } else {
                read_field(account, cell, column)
            };
            has_data |= read != Ok(false);
            if let Err((fault, expected)) = read {
                account.unreadable.insert(field);
                let problem = match fault {
                    Fault::Unreadable => Problem::Unreadable { field, expected },
                    Fault::Negative => Problem::Negative { field, expected },
                    Fault::TooLarge => Problem::TooLarge { field, expected },
                };
                diagnostics.push(Diagnostic::new(
                    row.number,
                    self.header(index),
                    cell,
                    problem,
                ));
            }
        }
        if account.name.is_empty() {
            if !has_data {
                // Nothing the calculator reads. Say so if there is other
                // text; a row holding only a row number is not data.
                if let Some(&index) = self
                    .unknown
                    .iter()
                    .find(|&&i| !text::trim(row.cell(i)).is_empty())
                {
                    import.diagnostics.push(Diagnostic::new(
                        row.number,
                        self.header(index),
                        row.cell(index),
                        Problem::NoAccountData,
                    ));
                } else if let Some(extra) = self.extra_cells(row).first() {
                    import.diagnostics.push(Diagnostic::new(
                        row.number,
                        "",
                        extra,
                        Problem::NoAccountData,
                    ));
                }
                import.accounts.pop();
                return;
            }
            account.name = format!("（第{}行，无名称）", row.number);
            import.diagnostics.push(Diagnostic::new(
                row.number,
                &self.name_header,
                name_cell,
                Problem::MissingName {
                    placeholder: account.name.clone(),
                },
            ));
        }
        if account.level_inferred {
            account.level = values::infer_level(&account.name, &account.unit);
        }
        self.name_hashes.push(name_hash(&account.name));
        import.diagnostics.append(&mut diagnostics);
        let extras = self.extra_cells(row);
        if let Some(first_extra) = extras.first() {
            import.diagnostics.push(Diagnostic::new(
                row.number,
                "",
                first_extra,
                Problem::ExtraCells {
                    count: extras.len(),
                },
            ));
        }
        if row.unclosed_quote {
            let (index, cell) = row
                .cells()
                .enumerate()
                .find(|(_, cell)| cell.contains(['\n', '\r']))
                .unwrap_or((self.name, name_cell));
            // The lines after the quote's own, each most likely a row.
            let lines = cell
                .lines()
                .skip(1)
                .filter(|line| !line.trim().is_empty())
                .count();
            import.diagnostics.push(Diagnostic::new(
                row.number,
                self.header(index),
                cell,
                Problem::UnclosedQuote { lines },
            ));
        }
    }

    /// Non-empty cells to the right of the last header.
    fn extra_cells<'r>(&self, row: &'r Row) -> Vec<&'r str> {
        if row.len() <= self.headers.len() {
            return Vec::new();
        }
        row.cells()
            .skip(self.headers.len())
            .filter(|cell| !text::trim(cell).is_empty())
            .collect()
    }
}

/// Reads one cell into the account, or says why it cannot; true when the
/// cell held a value.
fn read_field(
    account: &mut Account,
    cell: &str,
    column: &FieldColumn,
) -> Result<bool, (Fault, Expected)> {
    let FieldColumn {
        field,
        unit,
        question,
        measure,
        ..
    } = *column;
    let expected = Expected::for_field(field, question.is_some());
    let fail = |fault| (fault, expected);
    if let (Some(measure), Some(slot)) = (measure, figure(account, field)) {
        return Ok(set(slot, measure.read(cell, unit).map_err(fail)?));
    }
    let present = match field {
        Field::MergeInto => set_text(&mut account.merge_into, cell),
        Field::LastPost => set(&mut account.last_post, date::read(cell).map_err(fail)?),
        Field::Level | Field::Staffing | Field::Decision => {
            apply_word(account, read_word(cell, field, question)?)
        }
        // The name and unit are read apart; figures above.
        Field::Name
        | Field::Unit
        | Field::Followers
        | Field::PostsPerWeek
        | Field::HoursPerPost
        | Field::Staff
        | Field::OutsourcingFee
        | Field::OtherCost
        | Field::AvgReads => false,
    };
    Ok(present)
}

/// Where the account keeps a field's figure, for a field that is one.
fn figure(account: &mut Account, field: Field) -> Option<&mut Figure> {
    match field {
        Field::Followers => Some(&mut account.followers),
        Field::PostsPerWeek => Some(&mut account.posts_per_week),
        Field::HoursPerPost => Some(&mut account.hours_per_post),
        Field::Staff => Some(&mut account.staff),
        Field::OutsourcingFee => Some(&mut account.outsourcing_fee),
        Field::OtherCost => Some(&mut account.other_cost),
        Field::AvgReads => Some(&mut account.avg_reads),
        // The fields without a measure (`FieldColumn::new` lists them).
        _ => None,
    }
}

/// Stores a value read from a cell (a date, or a span as a
/// [`Figure`](crate::core::account::Figure)); true when the cell held one.
fn set<T, S: From<Option<T>>>(slot: &mut S, value: Option<T>) -> bool {
    let present = value.is_some();
    *slot = S::from(value);
    present
}

/// Stores a text cell on one line; true when the cell was not missing.
fn set_text(slot: &mut String, cell: &str) -> bool {
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
struct Units {
    recent: Vec<Arc<str>>,
    /// Where the next new unit goes once `recent` is full.
    next: usize,
}

/// How many units are remembered: rows of one unit usually come together.
const RECENT_UNITS: usize = 16;

impl Units {
    /// Reads a unit cell into `slot`; true when the cell held one.
    fn read(&mut self, cell: &str, slot: &mut Arc<str>) -> bool {
        if values::is_missing(cell) {
            return false;
        }
        // A unit on one line is stored as its trimmed text; one with a line
        // break never matches, and is joined onto one line below.
        let text = text::trim(cell);
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

/// The value of a cell in a column of words (level, staffing, decision):
/// few distinct values, so each is read once per column and remembered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    Level(Level),
    Staffing(Staffing),
    Decision(Decision),
    /// A yes/no answer that gives no value (否 in 是否归并).
    Nothing,
    /// A blank cell or a missing marker.
    Missing,
}

/// The words of one column already read: a column of levels, staffing or
/// decisions holds a handful of distinct words, each read once.
#[derive(Clone, Debug, Default)]
struct Memo {
    words: Vec<(Box<str>, WordRead)>,
}

/// How many distinct words a column remembers; past that (a column of
/// free text) cells are simply read each time. Real columns use a handful.
const WORD_MEMO: usize = 16;

impl Memo {
    fn read(&mut self, cell: &str, field: Field, question: Option<Question>) -> WordRead {
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

fn read_word(
    cell: &str,
    field: Field,
    question: Option<Question>,
) -> Result<Word, (Fault, Expected)> {
    if values::is_missing(cell) {
        return Ok(Word::Missing);
    }
    let expected = Expected::for_field(field, question.is_some());
    let fail = |fault| (fault, expected);
    let word = match field {
        Field::Level => values::level(cell).map_err(fail)?.map(Word::Level),
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
fn apply_word(account: &mut Account, word: Word) -> bool {
    match word {
        Word::Level(level) => {
            account.level = level;
            account.level_inferred = false;
        }
        Word::Staffing(staffing) => account.staffing = Some(staffing),
        Word::Decision(decision) => account.decision = Some(decision),
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

/// Adds a warning on every repeat of a name, naming the row it first
/// appeared on. Placeholder names are not compared.
fn flag_duplicate_names(plan: &Plan, import: &mut Import) {
    let accounts = &import.accounts;
    debug_assert_eq!(plan.name_hashes.len(), accounts.len());
    let name = |index: usize| accounts.get(index).map_or("", |a| a.name.as_str());
    let mut warnings = Vec::new();
    for (index, (first, occurrence)) in repeats_hashed(&plan.name_hashes, &name)
        .into_iter()
        .enumerate()
    {
        let Some(account) = accounts.get(index).filter(|_| occurrence > 0) else {
            continue;
        };
        if account.name.starts_with("（第") && account.name.ends_with("无名称）") {
            continue;
        }
        let first_row = accounts.get(first).map_or(0, |a| a.row);
        warnings.push(Diagnostic::new(
            account.row,
            &plan.name_header,
            &account.name,
            Problem::DuplicateName { first_row },
        ));
    }
    import.diagnostics.append(&mut warnings);
}

/// The first non-empty cell of a row.
fn first_cell<'r>(row: &'r Row) -> &'r str {
    row.cells()
        .find(|cell| !text::trim(cell).is_empty())
        .unwrap_or("")
}

/// A row shown in one line, for the no-header diagnostic.
fn shown_row(row: &Row) -> String {
    row.cells()
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// True for 合计, 总计, 小计, 共计, 汇总 (also `合 计`, `合计：`, `总计282个`),
/// 其中 breakdown rows, and Total/Subtotal/Grand total.
fn is_totals(cell: &str) -> bool {
    let cell = text::trim(cell);
    // Only text that can start a totals word is worth compacting.
    if !cell.starts_with([
        '合', '总', '小', '共', '汇', '其', 't', 'T', 's', 'S', 'g', 'G',
    ]) {
        return false;
    }
    let compact = compact(cell);
    ["合计", "总计", "小计", "共计", "汇总"]
        .iter()
        .any(|word| compact.starts_with(word))
        || compact == "其中"
        || compact.starts_with("其中:")
        || ["total", "subtotal", "grandtotal", "sum"].contains(&compact.as_str())
        || ["total:", "subtotal:", "grandtotal:"]
            .iter()
            .any(|word| compact.starts_with(word))
}

/// True for the only filled cell of a row when it is a note such as `备注：…`
/// or `填报人：…`.
fn is_note(only: &str) -> bool {
    let compact = compact(only);
    const NOTES: &[&str] = &[
        "备注",
        "注:",
        "说明:",
        "填报人",
        "填表人",
        "制表人",
        "制表:",
        "审核人",
        "审核:",
        "填报单位",
        "填报日期",
        "填表日期",
        "制表日期",
        "联系人",
        "联系电话",
        "负责人",
        "单位负责人",
        "数据来源",
        "note:",
        "notes:",
        "source:",
    ];
    NOTES.iter().any(|word| compact.starts_with(word))
        || (compact.starts_with('注') && compact.chars().nth(1).is_some_and(|c| c.is_ascii_digit()))
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
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; an error would only lose the record, and
    // never panics.
    let _ = writer.write_record(&keys);
    let mut cells = vec![String::new(); keys.len()];
    for record in records {
        cells.iter_mut().for_each(String::clear);
        for (key, value) in record {
            if let Some(cell) = index.get(key.as_str()).and_then(|&i| cells.get_mut(i)) {
                cell.clone_from(value);
            }
        }
        let _ = writer.write_record(&cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::account::Level;
    use crate::core::diagnostic::Severity;
    use crate::core::lang::Lang;
    use crate::core::num::{Num, Span};

    fn problems(import: &Import) -> Vec<(usize, Problem)> {
        import
            .diagnostics
            .iter()
            .map(|d| (d.row, d.problem.clone()))
            .collect()
    }

    #[test]
    fn rows_past_the_limit_are_counted_and_reported() {
        // MAX_ACCOUNTS + 3 accounts, then a blank line and a totals row:
        // the 3 extra accounts and the totals row are cut (4 rows), the
        // blank line is not a row worth reporting.
        let mut text = String::from("名称\t粉丝数\n");
        for i in 0..MAX_ACCOUNTS + 3 {
            text.push_str(&format!("号{i}\t{i}\n"));
        }
        text.push_str("\n合计\t1\n");
        let import = import_text(&text);
        assert_eq!(import.accounts.len(), MAX_ACCOUNTS);
        assert_eq!(
            problems(&import),
            vec![(
                0,
                Problem::TooManyRows {
                    limit: MAX_ACCOUNTS,
                    // The header is row 1, so account n is row n + 1.
                    first_row: MAX_ACCOUNTS + 2,
                    cut: 4,
                }
            )]
        );
        assert_eq!(
            import.diagnostics[0].message(Lang::Zh),
            "清单超过200,000个账号的上限：只计算了前200,000个，从第200002行起的4行未计入。请分批测算。"
        );
    }

    #[test]
    fn reads_a_simple_paste() {
        let import = import_text("名称\t单位\t粉丝数\n长兴发布\t县委宣传部\t1.2万\n");
        assert_eq!(import.diagnostics, vec![]);
        let account = &import.accounts[0];
        assert_eq!(account.row, 2);
        assert_eq!(account.name, "长兴发布");
        assert_eq!(&*account.unit, "县委宣传部");
        assert_eq!(
            account.followers.span(),
            Some(Span::point(Num::int(12_000)))
        );
        assert_eq!(account.level, Level::County);
        assert!(account.level_inferred);
    }

    #[test]
    fn every_field_with_a_measure_has_a_figure() {
        let mut account = Account::named(2, "甲");
        for field in Field::ALL {
            let column = FieldColumn::new(0, field, Unit::default(), None);
            assert_eq!(
                column.measure.is_some(),
                figure(&mut account, field).is_some(),
                "{field:?}"
            );
        }
    }

    #[test]
    fn accounts_of_one_unit_share_its_name() {
        let text = "名称\t主办单位\n甲\t县公安局\n乙\t 县公安局 \n丙\t\"县公安\n局\"\n丁\t-\n";
        let import = import_text(text);
        let units: Vec<&str> = import.accounts.iter().map(|a| &*a.unit).collect();
        // Trimmed, joined onto one line, and empty when missing.
        assert_eq!(units, ["县公安局", "县公安局", "县公安局", ""]);
        let [a, b, ..] = &import.accounts[..] else {
            panic!("four accounts");
        };
        assert!(Arc::ptr_eq(&a.unit, &b.unit), "one copy of the unit");
    }

    #[test]
    fn unreadable_cells_keep_the_row() {
        let import = import_text("名称\t粉丝数\t层级\nA\t很多\t镇\nB\t-5\t未知的层\n");
        assert_eq!(import.accounts.len(), 2);
        assert_eq!(
            import.accounts[0].unreadable.iter().collect::<Vec<_>>(),
            vec![Field::Followers]
        );
        assert_eq!(import.accounts[0].level, Level::Township);
        assert!(!import.accounts[0].level_inferred);
        assert_eq!(
            import.accounts[1].unreadable.iter().collect::<Vec<_>>(),
            vec![Field::Level, Field::Followers]
        );
        assert!(import.accounts[1].level_inferred);
        assert_eq!(
            problems(&import),
            vec![
                (
                    2,
                    Problem::Unreadable {
                        field: Field::Followers,
                        expected: Expected::Count
                    }
                ),
                (
                    3,
                    Problem::Negative {
                        field: Field::Followers,
                        expected: Expected::Count
                    }
                ),
                (
                    3,
                    Problem::Unreadable {
                        field: Field::Level,
                        expected: Expected::Level
                    }
                ),
            ]
        );
        assert_eq!(import.diagnostics[0].column, "粉丝数");
        assert_eq!(import.diagnostics[0].value, "很多");
    }

    #[test]
    fn totals_notes_titles_and_blank_rows() {
        let text = "长兴县政务微信公众号统计表\n序号\t名称\t粉丝数\n1\tA\t10\n\n2\t\t\n\t\t\n合 计\t\t10\n\t总计：\t\n备注：数据截至3月底\n";
        let import = import_text(text);
        assert_eq!(import.accounts.len(), 1);
        assert_eq!(
            problems(&import),
            vec![
                (1, Problem::TitleRow),
                (7, Problem::TotalsRow),
                (8, Problem::TotalsRow),
                (9, Problem::NoteRow),
            ]
        );
        assert_eq!(import.accounts[0].row, 3);
    }

    #[test]
    fn header_below_a_title_block_with_a_date() {
        let import = import_text("填报单位：长兴县\t填报日期\t2019.4\n名称\t粉丝数\nA\t12\n");
        assert_eq!(import.accounts.len(), 1);
        assert_eq!(problems(&import), vec![(1, Problem::TitleRow)]);
        let import = import_text("长兴发布\t1200\t3\n长兴交警\t800\t2\n");
        assert_eq!(problems(&import), vec![(0, Problem::NoHeader)]);
    }

    #[test]
    fn rows_without_names() {
        let import = import_text("名称\t粉丝数\t备注\nA\t1\t\n\t200\t\n\t\t看这里\n");
        assert_eq!(import.accounts.len(), 2);
        assert_eq!(import.accounts[1].name, "（第3行，无名称）");
        assert_eq!(
            problems(&import),
            vec![
                (
                    3,
                    Problem::MissingName {
                        placeholder: "（第3行，无名称）".into()
                    }
                ),
                (4, Problem::NoAccountData),
            ]
        );
    }

    #[test]
    fn duplicate_names_are_flagged_with_both_rows() {
        let import = import_text("名称\nA\nB\nA\n");
        assert_eq!(import.accounts.len(), 3);
        assert_eq!(
            problems(&import),
            vec![(4, Problem::DuplicateName { first_row: 2 })]
        );
        assert_eq!(import.diagnostics[0].severity, Severity::Warning);
    }

    #[test]
    fn no_header_and_no_name_column() {
        let import = import_text("长兴发布\t县委宣传部\t1200\n");
        assert_eq!(problems(&import), vec![(0, Problem::NoHeader)]);
        assert!(import.accounts.is_empty());
        let import = import_text("单位\t粉丝数\n县委宣传部\t1200\n");
        assert_eq!(
            problems(&import),
            vec![(
                1,
                Problem::NoNameColumn {
                    found: vec!["单位".into(), "粉丝数".into()]
                }
            )]
        );
        assert_eq!(import.diagnostics[0].severity, Severity::Error);
        assert_eq!(import_text(""), Import::default());
        // Blank lines are not a list, and the page says so.
        assert_eq!(
            problems(&import_text(" \n\t\n")),
            vec![(0, Problem::Blank { lines: 2 })]
        );
    }

    #[test]
    fn yes_no_columns() {
        let import = import_text("名称\t是否外包\t是否关停\nA\t是\t否\nB\t否\t是\nC\t外包\t关停\n");
        let staffing: Vec<_> = import.accounts.iter().map(|a| a.staffing).collect();
        let decision: Vec<_> = import.accounts.iter().map(|a| a.decision).collect();
        assert_eq!(
            staffing,
            [
                Some(Staffing::Outsourced),
                Some(Staffing::PartTime),
                Some(Staffing::Outsourced)
            ]
        );
        assert_eq!(
            decision,
            [
                Some(Decision::Keep),
                Some(Decision::Close),
                Some(Decision::Close)
            ]
        );
        let import = import_text("名称\t是否外包\nA\t不知道\n");
        assert_eq!(
            problems(&import),
            vec![(
                2,
                Problem::Unreadable {
                    field: Field::Staffing,
                    expected: Expected::YesNo
                }
            )]
        );
    }

    #[test]
    fn extra_cells_and_duplicate_columns() {
        let import = import_text("名称\t公众号名称\nA\tA2\textra\n");
        assert_eq!(import.accounts[0].name, "A");
        assert_eq!(
            problems(&import),
            vec![
                (
                    1,
                    Problem::DuplicateColumn {
                        field: Field::Name,
                        kept: "名称".into()
                    }
                ),
                (2, Problem::ExtraCells { count: 1 }),
            ]
        );
    }

    #[test]
    fn unclosed_quote_is_reported() {
        let import = import_text("名称\t粉丝数\nA\t\"12\nB\t13\n");
        assert_eq!(import.accounts.len(), 1);
        assert_eq!(
            import.diagnostics.last().map(|d| &d.problem),
            Some(&Problem::UnclosedQuote { lines: 1 })
        );
        assert_eq!(
            import.diagnostics.last().map(|d| d.message(Lang::Zh)),
            Some(
                "第2行「粉丝数」列有一个没有闭合的引号，其后1行都被读进了这一格（“12\nB\t13”）。请检查该单元格。"
                    .to_string()
            )
        );
    }

    #[test]
    fn records_take_the_same_path_as_text() {
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        let records = vec![
            vec![pair("name", "长兴发布"), pair("followers", "1,234")],
            vec![
                pair("followers", "很多"),
                pair("name", "A\tB\n\"C\""),
                pair("unit", "镇"),
            ],
            vec![],
        ];
        let import = import_records(&records);
        assert_eq!(import.accounts.len(), 2);
        assert_eq!(
            import.accounts[0].followers.span(),
            Some(Span::point(Num::int(1234)))
        );
        assert_eq!(import.accounts[1].row, 3);
        assert_eq!(import.accounts[1].name, "A\tB \"C\"");
        assert_eq!(&*import.accounts[1].unit, "镇");
        assert_eq!(import.accounts[1].level, Level::Township);
        assert_eq!(import.diagnostics.len(), 1);
        assert_eq!(import_records(&[]), Import::default());
    }
}
