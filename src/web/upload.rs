//! Uploaded files: text is decoded here ([`decode`]); a workbook goes to
//! the workbook reader (`jianfu-reader`), a wasm module of its own that
//! `static/workbook.js` starts in a worker the first time a workbook is
//! chosen, so that the page's first load carries none of it.
//!
//! The reader gives each sheet as the tab-separated text and [`Merges`] of
//! a table pasted from Excel, so a workbook's sheet takes the same path as
//! a paste ([`Action::PasteTable`]'s), with the file's own merged cells.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::core::grid::Merges;
use crate::core::lang::Lang;
use crate::web::decode::{decode, is_container};
use crate::web::i18n::Text;
use crate::web::json::{self, field};
use crate::web::shared::Shared;
use crate::web::state::{Action, Notice};

#[wasm_bindgen]
extern "C" {
    /// `static/workbook.js`'s reader: `{ chosen, sheets }`, or a rejection
    /// with the file's refusal as an `Error` message.
    #[wasm_bindgen(catch, js_name = jianfuReadWorkbook)]
    fn read_workbook(bytes: &Uint8Array, lang: &str) -> Result<Promise, JsValue>;
}

/// A workbook's sheets, as the reader gave them.
#[derive(Debug, PartialEq)]
pub struct Workbook {
    /// The file's name.
    pub file: String,
    /// Every worksheet, in the workbook's order.
    pub sheets: Vec<Sheet>,
    /// The sheet whose header names the most fields.
    pub chosen: usize,
}

/// One sheet of a workbook.
#[derive(Debug, PartialEq)]
pub struct Sheet {
    /// Its name, as on its tab.
    pub name: String,
    /// True when the workbook hides it.
    pub hidden: bool,
    /// Its rows.
    pub rows: usize,
    /// Its text and merges, or why it could not be read (too many rows).
    pub table: Result<(String, Merges), String>,
}

/// A workbook being read, read, or refused: what the input panel shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Book {
    /// The reader is loading or reading this file.
    Reading(String),
    /// Read; `sheet` is the sheet on screen.
    Read {
        /// The sheets.
        book: Shared<Workbook>,
        /// The sheet on screen.
        sheet: usize,
    },
    /// The file could not be read: its name and why.
    Failed(String, String),
}

/// True for a file to give to the workbook reader: by its name, or by its
/// first bytes (a zip, as .xlsx and .ods are, or an OLE file, as .xls is),
/// whatever its name says.
fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let name = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods", ".xlsb", ".et"]
        .iter()
        .any(|ext| name.ends_with(ext))
        || is_container(bytes)
}

/// Reads an uploaded or dropped file and sends what it holds to the app:
/// a text list as a new list, a workbook's chosen sheet as a table with
/// its merges. A file that cannot be read leaves the list as it was.
pub fn upload(file: web_sys::File, lang: Lang, dispatch: Callback<Action>) {
    let name = file.name();
    // Said at once for a workbook by its name, so that files chosen one
    // after another are read in the order chosen: only the answer for the
    // file being read counts (see `Action::ReadBook`).
    let named = is_workbook(&name, &[]);
    if named {
        dispatch.emit(Action::ReadBook(Book::Reading(name.clone())));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
            // The browser could not read the file at all (it went away).
            dispatch.emit(match named {
                true => Action::ReadBook(Book::Failed(
                    name,
                    Text::NoticeFileUnreadable.get(lang).into(),
                )),
                false => Action::Notify(Notice::FileUnreadable),
            });
            return;
        };
        let bytes = Uint8Array::new(&buffer);
        if !named {
            if !is_workbook(&name, &bytes.subarray(0, 8).to_vec()) {
                match decode(&bytes.to_vec()) {
                    Ok((text, _)) => dispatch.emit(Action::NewList(text)),
                    Err(_) => dispatch.emit(Action::Notify(Notice::FileUnreadable)),
                }
                return;
            }
            dispatch.emit(Action::ReadBook(Book::Reading(name.clone())));
        }
        let book = match read(name.clone(), &bytes, lang).await {
            Ok(book) => Book::Read {
                sheet: book.chosen,
                book: Shared::new(book),
            },
            Err(why) => Book::Failed(name, why),
        };
        dispatch.emit(Action::ReadBook(book));
    });
}

/// The reader's answer for a file.
async fn read(file: String, bytes: &Uint8Array, lang: Lang) -> Result<Workbook, String> {
    let message = |error: JsValue| {
        field(&error, "message")
            .as_string()
            .or_else(|| error.as_string())
            .unwrap_or_default()
    };
    let promise = read_workbook(bytes, lang.pick("zh", "en")).map_err(message)?;
    let book = JsFuture::from(promise).await.map_err(message)?;
    // The reader's answer is its own, made by `jianfu_reader::web::read`.
    let unreadable = || "jianfu: the workbook reader's answer could not be read".to_string();
    let sheets = json::list(&field(&book, "sheets"))
        .ok_or_else(unreadable)?
        .iter()
        .map(|sheet| {
            let table = match field(sheet, "text").as_string() {
                Some(text) => Ok((text, json::merges(&field(sheet, "merges"))?)),
                None => Err(field(sheet, "error").as_string()?),
            };
            Some(Sheet {
                name: field(sheet, "name").as_string()?,
                hidden: field(sheet, "hidden").as_bool()?,
                rows: json::count(&field(sheet, "rows"))?,
                table,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(unreadable)?;
    let chosen = json::count(&field(&book, "chosen"))
        .filter(|&at| at < sheets.len())
        .ok_or_else(unreadable)?;
    Ok(Workbook {
        file,
        sheets,
        chosen,
    })
}
