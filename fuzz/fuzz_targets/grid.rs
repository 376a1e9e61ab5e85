//! A table given cell by cell with merged cells (an HTML table from the
//! clipboard) must lay out and import without a panic, whatever its spans:
//! a panic in WebAssembly kills the page.
//!
//! The bytes are read as text: a line per row, a tab between cells, and a
//! cell that starts `^N` spans N rows, `>N` N columns (both may be given).
//!
//! Run with `cargo +nightly fuzz run grid` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

use jianfu::core::date::Date;
use jianfu::core::grid::{Grid, Spanned};
use jianfu::core::import::import_grid;
use jianfu::core::lang::Lang;

/// A cell with the spans its text starts with.
fn cell(text: &str) -> Spanned {
    let mut rest = text;
    let (mut rows, mut columns) = (1, 1);
    loop {
        let mut chars = rest.chars();
        match (chars.next(), chars.next().and_then(|c| c.to_digit(10))) {
            (Some('^'), Some(n)) => rows = n as usize * 10 + 1,
            (Some('>'), Some(n)) => columns = n as usize + 1,
            _ => break,
        }
        rest = &rest[2..];
    }
    Spanned {
        text: rest.to_string(),
        rows,
        columns,
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let rows: Vec<Vec<Spanned>> = text
        .split('\n')
        .map(|line| line.split('\t').map(cell).collect())
        .collect();
    let count = rows.len();
    let grid = Grid::from_spans(rows);
    assert_eq!(grid.rows().len(), count);
    let import = import_grid(grid, Date::from_ymd(2019, 4, 19));
    for diagnostic in &import.diagnostics {
        let _ = diagnostic.message(Lang::Zh);
        let _ = diagnostic.message(Lang::En);
    }
    for account in &import.accounts {
        assert!(account.row >= 1 && account.row <= count + 1);
    }
});
