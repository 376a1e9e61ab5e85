//! Any file given to the workbook reader must be read or refused, never
//! panic: a panic in its wasm ends the worker, and the user's upload with
//! it. What it reads must import without a panic too, with the sheet's
//! merges and hidden rows.
//!
//! Random bytes are rarely a zip, so the run starts from the fixtures:
//! `cargo +nightly fuzz run workbook fuzz/corpus/workbook ../tests/fixtures/workbooks
//! ../tests/fixtures/workbooks/bad` from `fuzz/` (see README). Bytes that are
//! no workbook are laid out as a sheet instead: a line per row, a tab
//! between cells, and each group of four bytes of the first line a merged
//! range, so that `Grid::from_cells` is driven by arbitrary ranges.

#![no_main]

use libfuzzer_sys::fuzz_target;

use jianfu::core::date::Date;
use jianfu::core::grid::{Grid, Region};
use jianfu::core::import::{import, Context};
use jianfu::core::lang::Lang;
use jianfu_reader::{read, Error};

fn import_grid(grid: &Grid) {
    let rows = grid.rows().len();
    let (text, merges) = grid.clone().into_parts();
    let context = Context {
        as_of: Date::from_ymd(2019, 4, 19),
        merges: Some(merges),
    };
    let import = import(&text, &context);
    for diagnostic in &import.diagnostics {
        let _ = diagnostic.message(Lang::Zh);
        let _ = diagnostic.message(Lang::En);
    }
    for account in &import.accounts {
        assert!(account.row >= 1 && account.row <= rows + 1);
    }
}

fuzz_target!(|data: &[u8]| {
    match read(data) {
        Ok(book) => {
            assert!(book.chosen < book.sheets.len());
            for sheet in &book.sheets {
                match &sheet.grid {
                    Ok(grid) => import_grid(grid),
                    Err(e) => assert!(!e.message(Lang::Zh).is_empty()),
                }
            }
        }
        Err(Error::NotWorkbook) => {
            let text = String::from_utf8_lossy(data);
            let mut lines = text.split('\n');
            let ranges = lines.next().unwrap_or_default().as_bytes();
            let regions: Vec<Region> = ranges
                .chunks_exact(4)
                .map(|b| Region {
                    rows: (b[0] as usize, b[0] as usize + b[1] as usize),
                    columns: (b[2] as usize % 16, b[2] as usize % 16 + b[3] as usize),
                })
                .collect();
            let rows: Vec<Vec<String>> = lines
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect();
            let hidden: Vec<usize> = ranges.iter().map(|&b| b as usize).collect();
            if let Ok(grid) = Grid::from_cells(rows, &regions, hidden) {
                import_grid(&grid);
            }
        }
        Err(e) => {
            assert!(e.message(Lang::Zh).ends_with('。'));
            assert!(e.message(Lang::En).ends_with('.'));
        }
    }
});
