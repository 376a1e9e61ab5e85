//! The reader's interface to the page: it runs in a worker
//! (`static/reader-worker.js`), which hands it a file's bytes and posts
//! back what it returns, so that a large workbook never blocks the page,
//! and a reader that fails cannot take the page's own wasm with it.

use jianfu_core::grid::Merges;
use jianfu_core::lang::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `read` returns: every sheet, and the one to read.
#[derive(Serialize)]
struct BookView<'a> {
    chosen: usize,
    sheets: Vec<SheetView<'a>>,
}

/// A sheet: its name, whether it is hidden, its rows; and either its text
/// and merges (in `Merges`' own serialized form, which the page reads back
/// with serde) or why it could not be read.
#[derive(Serialize)]
struct SheetView<'a> {
    name: &'a str,
    hidden: bool,
    rows: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    merges: Option<&'a Merges>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// `read(bytes, lang)`: the workbook's sheets, `{ chosen, sheets: [{ name,
/// hidden, rows, text, merges } | { name, hidden, rows, error }] }`; a file
/// that cannot be read throws its message, in `lang` (`"zh"` or `"en"`).
#[wasm_bindgen]
pub fn read(bytes: &[u8], lang: &str) -> Result<JsValue, JsValue> {
    let lang = Lang::from_code(lang).unwrap_or_default();
    let book = crate::read(bytes).map_err(|e| JsValue::from_str(&e.message(lang)))?;
    let sheets = book
        .sheets
        .iter()
        .map(|sheet| {
            let (text, merges, error) = match &sheet.grid {
                Ok(grid) => (Some(grid.text()), Some(grid.merges()), None),
                Err(e) => (None, None, Some(e.message(lang))),
            };
            SheetView {
                name: &sheet.name,
                hidden: sheet.hidden,
                rows: sheet.rows,
                text,
                merges,
                error,
            }
        })
        .collect();
    let view = BookView {
        chosen: book.chosen,
        sheets,
    };
    serde_wasm_bindgen::to_value(&view).map_err(|e| JsValue::from_str(&e.to_string()))
}
