//! Where each field is, and reading one row into an account.
//!
//! A row is first told apart ([`Plan::kind`]): blank, a totals row, a note
//! or footer, a section heading, or an account. An account's row is then
//! read in steps: its name (and a platform in brackets after it), its own
//! cells, the empty cells a merged cell fills, its level (the section's, or
//! inferred), and what is left over (cells past the header, an unclosed
//! quote).

use crate::account::{Account, Field, Fields, Level, Platform};
use crate::date::{self, Date, Meaning, Reading};
use crate::diagnostic::{Diagnostic, Expected, Location, Problem};
use crate::fields::{Header, Question, Role};
use crate::hash::name_hash;
use crate::import::cells::{self, apply_word, bound_value, is_word, read_word, Memo, Units, Word};
use crate::import::fill::{self, Fill, Source, Take};
use crate::import::header::shown_row;
use crate::import::notices::{Notice, Notices};
use crate::import::rows::{heading, is_note, is_totals, Heading};
use crate::import::Import;
use crate::table::Row;
use crate::text::{is_blank, one_line, trim};
use crate::values::{self, Fault, Measure, Unit};

/// Where each field is, how to read it, and what reading has found so far.
pub(super) struct Plan {
    name: usize,
    name_header: String,
    /// Every field column but the name.
    fields: Vec<FieldColumn>,
    /// The headers of every column, for diagnostics.
    headers: Vec<String>,
    /// Columns that hold neither a field nor a row number.
    unknown: Vec<usize>,
    /// Row-number columns (序号).
    serials: Vec<usize>,
    /// Words already read, per entry of `fields`.
    memos: Vec<Memo>,
    /// Units already read, to be shared.
    units: Units,
    /// The hash of each account read so far (its name and platform), worked
    /// out while its name is at hand, for finding repeated names at the end.
    pub(super) name_hashes: Vec<u64>,
    /// The accounts kept under a placeholder name, by index: never repeats
    /// of one another.
    pub(super) placeholders: Vec<usize>,
    /// Which empty cells are merged.
    fill: Fill,
    /// Notices about many rows, given at the end.
    notices: Notices,
    /// The section the rows are in, after a heading.
    section: Option<Section>,
    /// The date days without a year are read against.
    as_of: Option<Date>,
    /// The number of the last row read, to see empty lines between rows
    /// (the table skips them, counting them).
    last_row: usize,
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

/// The accounts under a section heading.
#[derive(Debug)]
struct Section {
    row: usize,
    text: String,
    heading: Heading,
    /// Accounts read under it so far.
    found: usize,
}

/// What a row is.
enum Kind<'r> {
    /// Nothing in it, or nothing but a row number.
    Blank,
    /// 合计, 小计: the cell that says so.
    Totals(&'r str),
    /// A note or footer: the row as shown.
    Note(String),
    /// A section heading: its text and what it says.
    Heading(&'r str, Heading),
    /// An account.
    Account,
}

/// What reading an account's own cells found.
#[derive(Default)]
struct Cells {
    /// True when some cell held a value the calculator reads.
    data: bool,
    /// The fields whose cell was blank, which a merged cell may fill.
    blank: Fields,
    /// The fields set from the row's own cells (or filled).
    own: Fields,
    /// A level the row above gives an empty level cell, when the table's
    /// merges are not known: taken only if the account's own name and unit
    /// do not say otherwise (see [`Plan::settle_level`]).
    guessed_level: Option<(usize, Level)>,
    /// Problems with the row's cells, in column order.
    diagnostics: Vec<Diagnostic>,
}

impl FieldColumn {
    fn new(index: usize, field: Field, unit: Unit, question: Option<Question>) -> FieldColumn {
        let measure = cells::measure(field);
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

impl Plan {
    /// A plan for the list under `header`, or `None` without a name column.
    pub(super) fn new(header: &Header, source: Source, as_of: Option<Date>) -> Option<Plan> {
        let name = header.find(Field::Name)?;
        let mut fields = Vec::new();
        let mut unknown = Vec::new();
        let mut serials = Vec::new();
        for (index, column) in header.columns.iter().enumerate() {
            match column.role {
                Role::Field(Field::Name) => {}
                Role::Field(field) => {
                    fields.push(FieldColumn::new(index, field, column.unit, column.question))
                }
                Role::Unknown => unknown.push(index),
                Role::Serial => serials.push(index),
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
            placeholders: Vec::new(),
            fields,
            unknown,
            serials,
            fill: Fill::new(source),
            notices: Notices::default(),
            section: None,
            as_of,
            last_row: 0,
        })
    }

    fn header(&self, index: usize) -> &str {
        self.headers.get(index).map(String::as_str).unwrap_or("")
    }

    /// The name column's header as written.
    pub(super) fn name_header(&self) -> &str {
        &self.name_header
    }

    /// Reads one row: an account, or a row that is not one (reported).
    pub(super) fn read_row(&mut self, row: &Row, import: &mut Import) {
        // An empty line between two rows ends a merged cell as a blank row
        // does.
        if row.number > self.last_row + 1 && self.last_row > 0 {
            self.fill.interrupt();
        }
        self.last_row = row.number;
        match self.kind(row) {
            Kind::Blank => self.fill.interrupt(),
            Kind::Totals(cell) => {
                import.diagnostics.push(Diagnostic::new(
                    Location::row(row.number),
                    cell,
                    Problem::TotalsRow,
                ));
                self.fill.interrupt();
            }
            Kind::Note(shown) => {
                import.diagnostics.push(Diagnostic::new(
                    Location::row(row.number),
                    &shown,
                    Problem::NoteRow,
                ));
                self.fill.interrupt();
            }
            Kind::Heading(text, heading) => self.start_section(row.number, text, heading, import),
            Kind::Account => self.read_account(row, import),
        }
    }

    /// Tells what a row is from its first filled cells and its name cell.
    fn kind<'r>(&self, row: &'r Row) -> Kind<'r> {
        let mut filled = row.cells().enumerate().filter(|(_, cell)| !is_blank(cell));
        let Some((first_index, first)) = filled.next() else {
            return Kind::Blank;
        };
        let second = filled.next();
        let name_cell = row.cell(self.name);
        if is_totals(name_cell) {
            return Kind::Totals(name_cell);
        }
        if is_totals(first) {
            return Kind::Totals(first);
        }
        // A note starts the row, in the name column or before an empty one
        // (asked of the first cell, a row number in nearly every row, which
        // is ruled out at once).
        if is_note(first) && (first_index == self.name || is_blank(name_cell) || is_note(name_cell))
        {
            return Kind::Note(shown_row(row));
        }
        // A heading is the row's only text, but for a row number.
        let only = match second {
            None => Some(first),
            Some((second_index, second)) if filled.next().is_none() => {
                match (self.is_serial(first_index), self.is_serial(second_index)) {
                    (true, false) => Some(second),
                    (false, true) => Some(first),
                    _ => None,
                }
            }
            Some(_) => None,
        };
        match only.and_then(|text| heading(text).map(|h| (text, h))) {
            Some((text, heading)) => Kind::Heading(text, heading),
            None => Kind::Account,
        }
    }

    fn is_serial(&self, index: usize) -> bool {
        self.serials.contains(&index)
    }

    /// A heading ends the section before it and starts its own.
    fn start_section(&mut self, row: usize, text: &str, heading: Heading, import: &mut Import) {
        self.end_section(import);
        import.diagnostics.push(Diagnostic::new(
            Location::row(row),
            text,
            Problem::Heading {
                level: heading.level,
            },
        ));
        self.section = Some(Section {
            row,
            text: text.to_string(),
            heading,
            found: 0,
        });
        self.fill.interrupt();
    }

    /// Ends the section being read: a heading that states a count is held
    /// to it.
    pub(super) fn end_section(&mut self, import: &mut Import) {
        let Some(section) = self.section.take() else {
            return;
        };
        if let Some(stated) = section.heading.count.filter(|&n| n != section.found) {
            import.diagnostics.push(Diagnostic::new(
                Location::row(section.row),
                &section.text,
                Problem::HeadingCount {
                    stated,
                    found: section.found,
                },
            ));
        }
    }

    /// Reads an account's row in its steps.
    fn read_account(&mut self, row: &Row, import: &mut Import) {
        // Built in place: an account is large, and moving it costs.
        import.accounts.push(Account::named(row.number, ""));
        let mut cells = Cells::default();
        let named = self.read_name(row, import, &mut cells);
        let Some(account) = import.accounts.last_mut() else {
            return;
        };
        self.read_cells(row, account, &mut cells);
        if named {
            self.fill_blanks(row, import, &mut cells);
        }
        if !self.settle_name(row, import, &cells) {
            import.accounts.pop();
            return;
        }
        let Some(account) = import.accounts.last_mut() else {
            return;
        };
        if let Some(index) = self.settle_level(account, cells.guessed_level) {
            cells.own.insert(Field::Level);
            self.notices.add(
                index,
                Field::Level,
                Notice::Filled { merged: false },
                row.number,
                &shown_value(account, Field::Level),
            );
        }
        self.fill.read(cells.own);
        let hash = name_hash(&account.name) ^ platform_hash(account.platform);
        self.name_hashes.push(hash);
        if let Some(section) = self.section.as_mut() {
            section.found += 1;
        }
        import.diagnostics.append(&mut cells.diagnostics);
        self.report_leftovers(row, import);
    }

    /// The name, on one line, without a platform written after it (which is
    /// the account's platform); or, for an empty name cell under a merged
    /// one, the merged name. True when the row names its account.
    fn read_name(&mut self, row: &Row, import: &mut Import, cells: &mut Cells) -> bool {
        let cell = row.cell(self.name);
        let accounts = &mut import.accounts;
        if is_blank(cell) {
            // A merged name cell that is empty gave its first row a
            // placeholder, which is no name for the rows below.
            let from = match self.fill.take(accounts, row.number, self.name, Field::Name) {
                Some(Take::From(from)) if self.placeholders.binary_search(&from).is_err() => from,
                _ => return false,
            };
            copy_from(accounts, from, Field::Name);
            self.notices.add(
                self.name,
                Field::Name,
                Notice::Filled { merged: true },
                row.number,
                accounts.get(from).map_or("", |a| a.name.as_str()),
            );
            return true;
        }
        if values::is_missing(cell) {
            return false;
        }
        // A record without quotes has no line break to join.
        let name = if row.quoted() {
            one_line(cell)
        } else {
            trim(cell).to_string()
        };
        let Some(account) = accounts.last_mut() else {
            return false;
        };
        match values::platform_in_name(&name) {
            Some((base, platform, written)) => {
                self.notices.add(
                    self.name,
                    Field::Name,
                    Notice::PlatformInName { platform },
                    row.number,
                    written,
                );
                account.platform = platform;
                cells.own.insert(Field::Platform);
                account.name = base.to_string();
            }
            None => account.name = name,
        }
        true
    }

    /// Reads the row's own cells, column by column.
    fn read_cells(&mut self, row: &Row, account: &mut Account, cells: &mut Cells) {
        // The columns are lent out for the loop, which reads with the rest
        // of the plan (memos, units, notices): no column is copied.
        let fields = std::mem::take(&mut self.fields);
        for (position, column) in fields.iter().enumerate() {
            let &FieldColumn { index, field, .. } = column;
            let cell = row.cell(index);
            if cell.is_empty() {
                cells.blank.insert(field);
                continue;
            }
            let read = self.read_cell(row.number, position, column, cell, account, cells);
            if read == Ok(false) {
                // Nothing read: a cell of spaces is as blank as an empty one
                // (asked only here, so that a cell is trimmed once).
                if is_blank(cell) {
                    cells.blank.insert(field);
                }
                continue;
            }
            cells.data = true;
            if read == Ok(true) {
                if let Some(limit) = cells::implausible(account, field) {
                    cells.diagnostics.push(Diagnostic::new(
                        Location::cell(row.number, self.header(index)),
                        cell,
                        Problem::Implausible { field, limit },
                    ));
                }
            }
            if let Err((fault, expected)) = read {
                // A formula as text: a workbook that holds no value for it
                // (one a script wrote), or a sheet copied showing formulas.
                let fault = match fault {
                    Fault::Unreadable if cell.trim_start().starts_with('=') => Fault::Formula,
                    fault => fault,
                };
                account.unreadable.insert(field);
                cells.diagnostics.push(Diagnostic::new(
                    Location::cell(row.number, self.header(index)),
                    cell,
                    Problem::Cell {
                        field,
                        expected,
                        fault,
                    },
                ));
            }
        }
        self.fields = fields;
    }

    /// Reads one non-empty cell into the account; true when it held a
    /// value.
    fn read_cell(
        &mut self,
        row: usize,
        position: usize,
        column: &FieldColumn,
        cell: &str,
        account: &mut Account,
        cells: &mut Cells,
    ) -> Result<bool, (Fault, Expected)> {
        let &FieldColumn {
            index,
            field,
            question,
            ..
        } = column;
        if field == Field::Unit {
            let read = self.units.read(cell, &mut account.unit);
            if read {
                cells.own.insert(field);
            }
            return Ok(read);
        }
        if let Some(value) = column.whole.and_then(|scale| values::whole(cell, scale)) {
            if let Some(slot) = cells::figure(account, field) {
                *slot = crate::account::Figure::Whole(value);
            }
            cells.own.insert(field);
            return Ok(true);
        }
        if !is_word(field) {
            let read = self.read_value(row, index, account, cell, column);
            if read != Ok(false) {
                cells.own.insert(field);
            }
            return read;
        }
        let word = match self.memos.get_mut(position) {
            Some(memo) => memo.read(cell, field, question),
            None => read_word(cell, field, question),
        }?;
        if matches!(
            word,
            Word::PlatformInLevel(_) | Word::LevelInPlatform(_) | Word::OtherPlatform
        ) {
            self.word_notice(index, field, word, row, cell);
        }
        match word {
            // A platform in a level column is the platform, and the level
            // is left to find; the row's own platform beats it.
            Word::PlatformInLevel(_) if cells.own.contains(Field::Platform) => return Ok(true),
            Word::PlatformInLevel(_) => cells.own.insert(Field::Platform),
            Word::Missing | Word::Nothing => {}
            _ => cells.own.insert(field),
        }
        Ok(apply_word(account, word))
    }

    /// The notice a word's reading calls for, if any.
    fn word_notice(&mut self, index: usize, field: Field, word: Word, row: usize, cell: &str) {
        let notice = match word {
            Word::PlatformInLevel(platform) => Notice::PlatformNotLevel { platform },
            Word::LevelInPlatform(level) => Notice::LevelNotPlatform { level },
            Word::OtherPlatform => Notice::UnknownPlatform {
                written: trim(cell).into(),
            },
            _ => return,
        };
        self.notices.add(index, field, notice, row, cell);
    }

    /// Reads a figure, date or text cell into the account, or says why it
    /// cannot; true when the cell held a value.
    fn read_value(
        &mut self,
        row: usize,
        index: usize,
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
        if let Some(measure) = measure {
            let amount = cells::read_figure(account, field, cell, measure, unit).map_err(fail)?;
            if let Some((bound, value)) = amount.as_ref().and_then(bound_value) {
                self.notices
                    .add(index, field, Notice::Bounded { bound, value }, row, cell);
            }
            return Ok(amount.is_some());
        }
        match field {
            Field::MergeInto => Ok(cells::set_text(&mut account.merge_into, cell)),
            Field::LastPost => {
                let Some(reading) = date::read(cell, self.as_of).map_err(fail)? else {
                    return Ok(false);
                };
                // A date as written, nearly every cell, needs no notice.
                if !matches!(reading, Reading::Date(_)) {
                    self.date_notice(index, reading, row, cell);
                }
                account.last_post = Some(cells::last_post(cell, reading));
                Ok(true)
            }
            // The name, unit and words are read apart; figures above.
            _ => Ok(false),
        }
    }

    /// The notice a date's reading calls for: a year assumed, or words read.
    fn date_notice(&mut self, index: usize, reading: Reading, row: usize, cell: &str) {
        let days = |day: Date| self.as_of.map_or(0, |as_of| day.days_until(as_of));
        let notice = match reading {
            Reading::Date(_) => return,
            Reading::NoYear(day) => Notice::NoYear { year: day.ymd().0 },
            Reading::Words(meaning) => {
                let days = match meaning {
                    Meaning::On(day) | Meaning::NotSince(day) => days(day),
                    Meaning::Stopped => 0,
                };
                Notice::DateWords { meaning, days }
            }
        };
        self.notices.add(index, Field::LastPost, notice, row, cell);
    }

    /// Fills the row's blank cells that lie under a merged cell (or, when
    /// the table does not say, the blank grouping cells under filled ones).
    fn fill_blanks(&mut self, row: &Row, import: &mut Import, cells: &mut Cells) {
        if !self.fill.may_take(cells.blank) {
            return;
        }
        let accounts = &mut import.accounts;
        let merged = self.fill.exact();
        for column in &self.fields {
            let field = column.field;
            if !cells.blank.contains(field) || cells.own.contains(field) {
                continue;
            }
            match self.fill.take(accounts, row.number, column.index, field) {
                Some(Take::From(from)) if field == Field::Level && !merged => {
                    cells.guessed_level = accounts.get(from).map(|a| (column.index, a.level));
                }
                Some(Take::From(from)) => {
                    let Some(value) = copy_from(accounts, from, field) else {
                        continue;
                    };
                    cells.own.insert(field);
                    cells.data = true;
                    self.notices.add(
                        column.index,
                        field,
                        Notice::Filled { merged },
                        row.number,
                        &value,
                    );
                }
                Some(Take::Once(first)) => self.notices.add(
                    column.index,
                    field,
                    Notice::MergedOnce { first },
                    row.number,
                    "",
                ),
                None => {}
            }
        }
    }

    /// A row without a name is kept under a placeholder if it holds account
    /// data, and left out otherwise (with a notice if it holds other text).
    /// False when the row is left out.
    fn settle_name(&mut self, row: &Row, import: &mut Import, cells: &Cells) -> bool {
        let named = import.accounts.last().is_some_and(|a| !a.name.is_empty());
        if named {
            return true;
        }
        if !cells.data {
            // Nothing the calculator reads. Say so if there is other text; a
            // row holding only a row number is not data.
            let other = self
                .unknown
                .iter()
                .find(|&&i| !is_blank(row.cell(i)))
                .map(|&i| (self.header(i), row.cell(i)))
                .or_else(|| self.extra_cells(row).first().map(|&extra| ("", extra)));
            if let Some((column, value)) = other {
                let location = if column.is_empty() {
                    Location::row(row.number)
                } else {
                    Location::cell(row.number, column)
                };
                import
                    .diagnostics
                    .push(Diagnostic::new(location, value, Problem::NoAccountData));
            }
            return false;
        }
        let placeholder = format!("（第{}行，无名称）", row.number);
        import.diagnostics.push(Diagnostic::new(
            Location::cell(row.number, &self.name_header),
            row.cell(self.name),
            Problem::MissingName {
                placeholder: placeholder.clone(),
            },
        ));
        if let Some(account) = import.accounts.last_mut() {
            account.name = placeholder;
        }
        self.placeholders
            .push(import.accounts.len().saturating_sub(1));
        true
    }

    /// An account whose row gives no level takes, in order: the level of
    /// the row above, read as merged down, when the account's own name and
    /// unit say nothing of their level (画溪社区 under a county row is a
    /// village, and 长兴农业农村 of 县农业农村局 a county department, as a
    /// list with blank level cells means them); its section's; or the one
    /// its name and unit imply. Gives the column of a fill from above, for
    /// the notice.
    fn settle_level(
        &self,
        account: &mut Account,
        guessed: Option<(usize, Level)>,
    ) -> Option<usize> {
        if !account.level_inferred {
            return None;
        }
        // The place words are looked for once: they decide the guess and
        // the inference alike.
        let place = values::place(&account.name, &account.unit);
        if let Some((index, level)) = guessed {
            if place.is_none() && !values::county_body(&account.name, &account.unit) {
                account.level = level;
                account.level_inferred = false;
                return Some(index);
            }
        }
        match self.section.as_ref().and_then(|s| s.heading.level) {
            Some(level) => {
                account.level = level;
                account.level_inferred = false;
            }
            None => account.level = place.unwrap_or(Level::County),
        }
        None
    }

    /// Cells past the last header, and a quote never closed.
    fn report_leftovers(&self, row: &Row, import: &mut Import) {
        let extras = self.extra_cells(row);
        if let Some(first_extra) = extras.first() {
            import.diagnostics.push(Diagnostic::new(
                Location::row(row.number),
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
                .unwrap_or((self.name, row.cell(self.name)));
            // The lines after the quote's own, each most likely a row.
            let lines = cell
                .lines()
                .skip(1)
                .filter(|line| !line.trim().is_empty())
                .count();
            import.diagnostics.push(Diagnostic::new(
                Location::cell(row.number, self.header(index)),
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
            .filter(|cell| !is_blank(cell))
            .collect()
    }

    /// The notices gathered about many rows, as diagnostics.
    pub(super) fn take_notices(&mut self) -> Vec<Diagnostic> {
        let notices = std::mem::take(&mut self.notices);
        notices
            .into_diagnostics(|index| self.header(index))
            .collect()
    }
}

/// Copies `field` into the last account from the one at `from`; the value
/// as text, for the notice, or `None` when there is no such account.
fn copy_from(accounts: &mut [Account], from: usize, field: Field) -> Option<String> {
    let (last, earlier) = accounts.split_last_mut()?;
    let source = earlier.get(from)?;
    fill::copy(source, last, field);
    Some(shown_value(source, field))
}

/// A field's value as the notice of a fill shows it.
fn shown_value(account: &Account, field: Field) -> String {
    use crate::lang::Lang;
    match field {
        Field::Name => account.name.clone(),
        Field::Unit => account.unit.to_string(),
        Field::Level => account.level.label(Lang::Zh).to_string(),
        Field::Platform => account.platform.label(Lang::Zh).to_string(),
        Field::Staffing => account
            .staffing
            .map_or("", |s| s.label(Lang::Zh))
            .to_string(),
        Field::MergeInto => account.merge_into.clone(),
        _ => String::new(),
    }
}

/// Mixes the platform into a name's hash: the same name on two platforms is
/// two accounts, not a repeat.
pub(super) fn platform_hash(platform: Platform) -> u64 {
    (platform as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}
