//! Workbooks (.xlsx, .xlsm, .xls, .ods) to the text the importer reads,
//! with each sheet's merged cells and hidden rows.
//!
//! [`calamine`] reads the cells: their values, the cached values of
//! formulas, dates, and the merged ranges of .xlsx and .xls files. What it
//! does not report is read from the file's own parts ([`parts`]): the zip's
//! declared sizes, checked before anything is inflated, the rows a sheet
//! hides, and an .ods file's merged cells. Each sheet becomes a
//! [`Grid`](jianfu_core::grid::Grid), whose tab-separated text and
//! [`Merges`](jianfu_core::grid::Merges) take the same path through the
//! importer as a table pasted from Excel, so that a workbook and a paste of
//! the same cells give the same figures.
//!
//! The reader is its own wasm module: calamine brings the encodings .xls
//! needs, several times the size of the rest of the page, and only users
//! who upload a workbook need it. [`web`] is its interface to the page.

use std::io::Cursor;

use calamine::{
    Data, Dimensions, Ods, Range, Reader, SheetType, SheetVisible, Xls, XlsError, Xlsx, XlsxError,
};
use jianfu_core::fields::Header;
use jianfu_core::grid::{Grid, LayoutError, Region, MAX_COLUMNS};

mod error;
mod parts;
mod value;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::Error;
use value::Value;

/// The largest file read: 20 MB. A county's list is well under 1 MB; a
/// workbook far larger is a mistake, and would take a slow laptop minutes.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most that a zipped workbook's parts (.xlsx, .ods) may inflate to in
/// all: 256 MB, the XML of about a million rows. A zip bomb, a small file
/// that inflates to gigabytes, is refused before anything is inflated.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// The most rows a sheet may have to be read: more than the importer's
/// 200,000 accounts with their headings. A larger sheet is listed with its
/// row count, and not read.
pub const MAX_ROWS: usize = 250_000;

/// The rows a sheet's header is looked for in (as the importer does).
const HEADER_ROWS: usize = 30;

/// A workbook's sheets, and the one to read.
#[derive(Debug)]
pub struct Workbook {
    /// Every worksheet, in the workbook's order (chart sheets are left out).
    pub sheets: Vec<Sheet>,
    /// The sheet whose header names the most fields; on a tie, the first.
    pub chosen: usize,
}

/// One sheet of a workbook.
#[derive(Debug)]
pub struct Sheet {
    /// Its name, as on its tab.
    pub name: String,
    /// True when the workbook hides it: it is read all the same.
    pub hidden: bool,
    /// Its rows, from the first to the last with a cell.
    pub rows: usize,
    /// How many of the list's fields its header names (0 for a sheet of
    /// notes).
    pub fields: usize,
    /// Its cells, or why they could not be laid out.
    pub grid: Result<Grid, Error>,
}

/// What a file is, by its first bytes (its name may say otherwise).
enum Kind {
    /// A zip: .xlsx, .xlsm or .ods (or a .docx, or any archive).
    Zip,
    /// An OLE compound file: .xls, or an .xlsx encrypted with a password.
    Ole,
}

/// Reads a workbook's sheets.
pub fn read(bytes: &[u8]) -> Result<Workbook, Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge { bytes: bytes.len() });
    }
    let kind = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Kind::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Ole
    } else {
        return Err(Error::NotWorkbook);
    };
    let sheets = match kind {
        Kind::Zip => read_zip(bytes)?,
        Kind::Ole => read_ole(bytes)?,
    };
    choose(sheets)
}

/// The sheet to read: the one naming the most fields, among those laid out.
fn choose(sheets: Vec<Sheet>) -> Result<Workbook, Error> {
    let readable = || {
        sheets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.grid.is_ok() && s.rows > 0)
    };
    let best = readable().fold(
        None,
        |best: Option<(usize, usize)>, (at, sheet)| match best {
            Some((_, fields)) if fields >= sheet.fields => best,
            _ => Some((at, sheet.fields)),
        },
    );
    match best {
        Some((chosen, _)) => Ok(Workbook { sheets, chosen }),
        None => Err(sheets
            .into_iter()
            .filter_map(|s| s.grid.err())
            .min_by_key(|e| match e {
                Error::TooManyRows { rows, .. } => *rows,
                _ => 0,
            })
            .unwrap_or(Error::Empty)),
    }
}

/// An .xlsx, .xlsm or .ods file.
fn read_zip(bytes: &[u8]) -> Result<Vec<Sheet>, Error> {
    let mut zip = parts::open(bytes)?;
    if parts::has(&zip, "xl/workbook.xml") {
        let mut hidden = parts::xlsx_hidden_rows(&mut zip)?;
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
        let is_1904 = book.has_1904_epoch();
        let mut sheets = Vec::new();
        for (name, hidden_sheet) in worksheets(book.sheets_metadata()) {
            let hidden_rows = hidden.remove(&name).unwrap_or_default();
            let (cells, rows) = xlsx_cells(&mut book, &name, is_1904)?;
            let merged = match rows {
                Some(_) => Vec::new(),
                None => book.merge_cells_by_sheet_name(&name).map_err(xlsx_error)?,
            };
            sheets.push(sheet(
                name,
                hidden_sheet,
                cells,
                rows,
                &regions(&merged),
                hidden_rows,
            ));
        }
        Ok(sheets)
    } else if parts::has(&zip, "content.xml") {
        let mut layouts = parts::ods_layouts(&mut zip)?;
        let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::OdsError::Password => Error::Encrypted,
            e => parts::corrupt(e),
        })?;
        let mut sheets = Vec::new();
        for (name, hidden_sheet) in worksheets(book.sheets_metadata()) {
            let range = book.worksheet_range(&name).map_err(parts::corrupt)?;
            let layout = layouts.remove(&name).unwrap_or_default();
            let (cells, rows) = range_cells(&range, false);
            sheets.push(sheet(
                name,
                hidden_sheet,
                cells,
                rows,
                &layout.merged,
                layout.hidden,
            ));
        }
        Ok(sheets)
    } else if parts::has(&zip, "xl/workbook.bin") {
        Err(Error::Xlsb)
    } else {
        Err(Error::NotSpreadsheet)
    }
}

/// An .xls file, or an encrypted .xlsx (an OLE file holding an
/// `EncryptedPackage`).
fn read_ole(bytes: &[u8]) -> Result<Vec<Sheet>, Error> {
    let mut ole = parts::open_ole(bytes)?;
    if ole.exists("/EncryptedPackage") {
        return Err(Error::Encrypted);
    }
    let biff = parts::Biff::read(&mut ole);
    if biff.as_ref().is_some_and(parts::Biff::encrypted) {
        return Err(Error::Encrypted);
    }
    if biff.as_ref().is_some_and(|biff| !biff.formulas_whole()) {
        return Err(Error::Corrupt("a formula record is cut short".into()));
    }
    let mut hidden = biff.map(|biff| biff.hidden_rows()).unwrap_or_default();
    let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
        XlsError::Password => Error::Encrypted,
        e => parts::corrupt(e),
    })?;
    let is_1904 = book.has_1904_epoch();
    let mut sheets = Vec::new();
    for (name, hidden_sheet) in worksheets(book.sheets_metadata()) {
        let range = book.worksheet_range(&name).map_err(parts::corrupt)?;
        let merged = book
            .merge_cells_by_sheet_name(&name)
            .map_err(parts::corrupt)?;
        let (cells, rows) = range_cells(&range, is_1904);
        let hidden_rows = hidden.remove(&name).unwrap_or_default();
        sheets.push(sheet(
            name,
            hidden_sheet,
            cells,
            rows,
            &regions(&merged),
            hidden_rows,
        ));
    }
    Ok(sheets)
}

/// The worksheets (not chart sheets), with whether each is hidden.
fn worksheets(sheets: &[calamine::Sheet]) -> Vec<(String, bool)> {
    sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect()
}

fn xlsx_error(error: XlsxError) -> Error {
    match error {
        XlsxError::Password => Error::Encrypted,
        e => parts::corrupt(e),
    }
}

/// A sheet's cells as text, row by row (from row 0 of the sheet, so that
/// row numbers are the sheet's), and its row count when it has more than
/// [`MAX_ROWS`] (then the cells are not kept).
type Cells = (Vec<Vec<String>>, Option<usize>);

/// An .xlsx sheet's cells, read one by one, so that a sheet of a million
/// rows is stopped at [`MAX_ROWS`] rather than held whole.
fn xlsx_cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &str, is_1904: bool) -> Result<Cells, Error> {
    let mut reader = book.worksheet_cells_reader(name).map_err(xlsx_error)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(xlsx_error)? {
        let (row, column) = (cell.pos.0 as usize, cell.pos.1 as usize);
        if row >= MAX_ROWS {
            let declared = reader.dimensions().end.0 as usize + 1;
            return Ok((Vec::new(), Some(declared.max(row + 1))));
        }
        // A formula the file holds no value for (a script wrote it) is
        // given as its formula, which the importer names, rather than as
        // an empty cell, which would say nothing.
        let text = Value::from(&cell.value)
            .text(is_1904)
            .or_else(|| cell.formula.map(|formula| format!("={formula}")));
        if let Some(text) = text {
            put(&mut rows, row, column, text);
        }
    }
    Ok((rows, None))
}

/// A whole sheet's cells (.xls, .ods: calamine reads them whole).
fn range_cells(range: &Range<Data>, is_1904: bool) -> Cells {
    let (Some(start), Some(end)) = (range.start(), range.end()) else {
        return (Vec::new(), None);
    };
    if end.0 as usize >= MAX_ROWS {
        return (Vec::new(), Some(end.0 as usize + 1));
    }
    let mut rows = Vec::new();
    for (row, column, data) in range.used_cells() {
        if let Some(text) = Value::from(data).text(is_1904) {
            put(
                &mut rows,
                start.0 as usize + row,
                start.1 as usize + column,
                text,
            );
        }
    }
    (rows, None)
}

/// Puts a cell's text in its place, past any row or column before it.
fn put(rows: &mut Vec<Vec<String>>, row: usize, column: usize, text: String) {
    if column >= MAX_COLUMNS {
        return;
    }
    if rows.len() <= row {
        rows.resize_with(row + 1, Vec::new);
    }
    let cells = &mut rows[row];
    if cells.len() <= column {
        cells.resize(column + 1, String::new());
    }
    cells[column] = text;
}

/// calamine's merged ranges as the grid's.
fn regions(merged: &[Dimensions]) -> Vec<Region> {
    merged
        .iter()
        .map(|d| Region {
            rows: (d.start.0 as usize, d.end.0 as usize),
            columns: (d.start.1 as usize, d.end.1 as usize),
        })
        .collect()
}

/// A sheet, laid out, with the fields its header names.
fn sheet(
    name: String,
    hidden: bool,
    cells: Vec<Vec<String>>,
    too_many: Option<usize>,
    merged: &[Region],
    hidden_rows: Vec<usize>,
) -> Sheet {
    if let Some(rows) = too_many {
        let grid = Err(Error::TooManyRows {
            sheet: name.clone(),
            rows,
        });
        return Sheet {
            name,
            hidden,
            rows,
            fields: 0,
            grid,
        };
    }
    let rows = cells.len();
    let fields = cells
        .iter()
        .take(HEADER_ROWS)
        .map(|row| Header::new(row.iter().map(String::as_str)).recognised())
        .max()
        .unwrap_or(0);
    let grid = Grid::from_cells(cells, merged, hidden_rows).map_err(|e| match e {
        LayoutError::TooManyMerged => Error::TooManyMerged {
            sheet: name.clone(),
        },
    });
    Sheet {
        name,
        hidden,
        rows,
        fields,
        grid,
    }
}
