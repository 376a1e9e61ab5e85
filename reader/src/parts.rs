//! What calamine does not report, read from the workbook's own parts: the
//! zip's declared sizes (checked before anything is inflated), the rows an
//! .xlsx sheet hides and an .ods sheet's merged cells and hidden rows (from
//! their XML), and the rows an .xls sheet hides (from its BIFF records).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use jianfu_core::grid::Region;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;

use crate::{Error, MAX_INFLATED_BYTES, MAX_ROWS};

/// A workbook's zip, opened and checked.
pub(crate) type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Opens a zip and checks, from its directory alone, that its parts do not
/// inflate past [`MAX_INFLATED_BYTES`]. The zip crate holds each part to
/// its declared size as it inflates, so a part that lies about its size
/// fails then, as a damaged file.
pub(crate) fn open(bytes: &[u8]) -> Result<Zip<'_>, Error> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let size = zip.by_index_raw(index).map_err(corrupt)?.size();
        total = total.saturating_add(size);
    }
    if total > MAX_INFLATED_BYTES {
        return Err(Error::Inflates { bytes: total });
    }
    Ok(zip)
}

/// A zip's error as a damaged file.
pub(crate) fn corrupt(error: impl std::fmt::Display) -> Error {
    Error::Corrupt(error.to_string())
}

/// The whole of one part, if the zip has it.
fn part(zip: &mut Zip<'_>, name: &str) -> Result<Option<Vec<u8>>, Error> {
    let mut file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(corrupt(error)),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(corrupt)?;
    Ok(Some(bytes))
}

/// True when the zip has a part of this name.
pub(crate) fn has(zip: &Zip<'_>, name: &str) -> bool {
    zip.index_for_name(name).is_some()
}

/// An attribute's value by its local name (`r:id` and `id` alike).
fn attribute(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name || a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A tag of an XML part, as [`tags`] hands it on.
enum Tag<'t, 'x> {
    /// A start tag, or an empty one (`<row/>`, which has no end tag).
    Open(&'t BytesStart<'x>, bool),
    /// The end of an .ods row.
    RowEnd,
}

/// Every start or empty tag of an XML part, and the ends of .ods rows.
fn tags(xml: &[u8], mut each: impl FnMut(Tag<'_, '_>)) -> Result<(), Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).map_err(corrupt)? {
            Event::Start(tag) => each(Tag::Open(&tag, false)),
            Event::Empty(tag) => each(Tag::Open(&tag, true)),
            Event::End(tag) if tag.name().as_ref() == "table:table-row" => each(Tag::RowEnd),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buffer.clear();
    }
}

/// The rows (from 0) each sheet of an .xlsx file hides, by sheet name.
pub(crate) fn xlsx_hidden_rows(zip: &mut Zip<'_>) -> Result<HashMap<String, Vec<usize>>, Error> {
    let mut hidden = HashMap::new();
    let (Some(workbook), Some(relations)) = (
        part(zip, "xl/workbook.xml")?,
        part(zip, "xl/_rels/workbook.xml.rels")?,
    ) else {
        return Ok(hidden);
    };
    let mut targets = HashMap::new();
    tags(&relations, |tag| match tag {
        Tag::Open(tag, _) if tag.local_name().as_ref() == "Relationship" => {
            if let (Some(id), Some(target)) = (attribute(tag, "Id"), attribute(tag, "Target")) {
                targets.insert(id, target);
            }
        }
        _ => {}
    })?;
    let mut sheets = Vec::new();
    tags(&workbook, |tag| match tag {
        Tag::Open(tag, _) if tag.local_name().as_ref() == "sheet" => {
            if let (Some(name), Some(id)) = (attribute(tag, "name"), attribute(tag, "id")) {
                sheets.push((name, id));
            }
        }
        _ => {}
    })?;
    for (name, id) in sheets {
        let Some(target) = targets.get(&id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = part(zip, &path)? else {
            continue;
        };
        hidden.insert(name, rows_marked_hidden(&xml));
    }
    Ok(hidden)
}

/// The rows (from 0) whose `<row>` tag says `hidden="1"`. Only `<row>` and
/// `<col>` tags carry the attribute in a worksheet, so the XML is searched
/// for it rather than parsed a second time.
fn rows_marked_hidden(xml: &[u8]) -> Vec<usize> {
    let mut rows = Vec::new();
    for marker in [&b" hidden=\"1\""[..], b" hidden=\"true\""] {
        for at in memchr::memmem::find_iter(xml, marker) {
            let Some(open) = memchr::memrchr(b'<', &xml[..at]) else {
                continue;
            };
            let Some(close) = memchr::memchr(b'>', &xml[at..]) else {
                continue;
            };
            let tag = &xml[open..at + close];
            let name_end = tag.iter().position(|&b| b == b' ').unwrap_or(tag.len());
            let name = &tag[1..name_end];
            if name != b"row" && !name.ends_with(b":row") {
                continue;
            }
            let Some(r) = memchr::memmem::find(tag, b" r=\"") else {
                continue;
            };
            let digits: Vec<u8> = tag[r + 4..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .copied()
                .collect();
            if let Some(row) = std::str::from_utf8(&digits)
                .ok()
                .and_then(|d| d.parse::<usize>().ok())
            {
                if (1..=MAX_ROWS).contains(&row) {
                    rows.push(row - 1);
                }
            }
        }
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// What an .ods sheet says of its layout: calamine reads its cells, and
/// reads a merged cell's covered cells as empty ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct OdsLayout {
    pub(crate) merged: Vec<Region>,
    pub(crate) hidden: Vec<usize>,
}

/// Each sheet's merged cells and hidden rows, from `content.xml`, by sheet
/// name. Rows and cells repeated (`number-rows-repeated`, the way the file
/// says "the next 1,048,000 rows are empty") are counted, not walked.
pub(crate) fn ods_layouts(zip: &mut Zip<'_>) -> Result<HashMap<String, OdsLayout>, Error> {
    let mut layouts = HashMap::new();
    let Some(content) = part(zip, "content.xml")? else {
        return Ok(layouts);
    };
    let number = |tag: &BytesStart<'_>, name: &str| {
        attribute(tag, name)
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let mut sheet: Option<(String, OdsLayout)> = None;
    let (mut row, mut column, mut repeat_rows) = (0usize, 0usize, 1usize);
    tags(&content, |tag| match tag {
        Tag::RowEnd => row = row.saturating_add(repeat_rows),
        Tag::Open(tag, empty) => match tag.name().as_ref() {
            "table:table" => {
                if let Some((name, layout)) = sheet.take() {
                    layouts.insert(name, layout);
                }
                sheet = Some((
                    attribute(tag, "name").unwrap_or_default(),
                    OdsLayout::default(),
                ));
                row = 0;
            }
            "table:table-row" => {
                column = 0;
                repeat_rows = number(tag, "number-rows-repeated");
                let hidden = matches!(
                    attribute(tag, "visibility").as_deref(),
                    Some("collapse" | "filter")
                );
                if let (true, Some((_, layout))) = (hidden, sheet.as_mut()) {
                    let last = row.saturating_add(repeat_rows).min(MAX_ROWS);
                    layout.hidden.extend(row..last);
                }
                if empty {
                    row = row.saturating_add(repeat_rows);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let across = number(tag, "number-columns-spanned");
                let down = number(tag, "number-rows-spanned");
                if (across > 1 || down > 1) && row < MAX_ROWS {
                    if let Some((_, layout)) = sheet.as_mut() {
                        layout.merged.push(Region {
                            rows: (row, row.saturating_add(down - 1)),
                            columns: (column, column.saturating_add(across - 1)),
                        });
                    }
                }
                column = column.saturating_add(number(tag, "number-columns-repeated"));
            }
            _ => {}
        },
    })?;
    if let Some((name, layout)) = sheet {
        layouts.insert(name, layout);
    }
    Ok(layouts)
}

/// An .xls file's compound file (OLE), if it is one.
pub(crate) type Ole<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

/// Opens an OLE file (.xls, or an encrypted .xlsx).
pub(crate) fn open_ole(bytes: &[u8]) -> Result<Ole<'_>, Error> {
    cfb::CompoundFile::open(Cursor::new(bytes)).map_err(corrupt)
}

/// BIFF8 record types (MS-XLS 2.3).
const BOUNDSHEET: u16 = 0x0085;
const EOF: u16 = 0x000A;
const FILEPASS: u16 = 0x002F;
const FORMULA: u16 = 0x0006;
const ROW: u16 = 0x0208;
/// The ROW record's flag for a hidden row (`fDyZero`).
const ROW_HIDDEN: u16 = 0x0020;

/// An .xls file's workbook stream: BIFF records, one after another.
pub(crate) struct Biff(Vec<u8>);

impl Biff {
    /// The workbook stream of an OLE file (`Workbook`, or `Book` in files
    /// from before Excel 97); `None` when it has neither.
    pub(crate) fn read(ole: &mut Ole<'_>) -> Option<Biff> {
        let mut stream = Vec::new();
        ["/Workbook", "/Book"]
            .iter()
            .any(|name| {
                stream.clear();
                ole.open_stream(name)
                    .and_then(|mut s| s.read_to_end(&mut stream))
                    .is_ok()
            })
            .then_some(Biff(stream))
    }

    /// The record at `at`: its type, its data, and where the next begins.
    fn record(&self, at: usize) -> Option<(u16, &[u8], usize)> {
        let head = self.0.get(at..at.checked_add(4)?)?;
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        Some((kind, self.0.get(at + 4..at + 4 + len)?, at + 4 + len))
    }

    /// The records from `at` to the end of the stream, or to one past its
    /// end (a record cut short ends them).
    fn records(&self, mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
        std::iter::from_fn(move || {
            let (kind, data, next) = self.record(at)?;
            at = next;
            Some((kind, data))
        })
    }

    /// True when the workbook is encrypted: its globals hold a FILEPASS
    /// record, and every record after it is ciphertext.
    pub(crate) fn encrypted(&self) -> bool {
        self.records(0)
            .take_while(|&(kind, _)| kind != EOF)
            .any(|(kind, _)| kind == FILEPASS)
    }

    /// True when every FORMULA record holds the formula it says it does.
    /// calamine parses every formula as it opens the file, and a formula
    /// cut short makes it panic (its issues #707 and #721), which in the
    /// reader's wasm ends the worker: such a file is refused first.
    pub(crate) fn formulas_whole(&self) -> bool {
        self.records(0).all(|(kind, data)| {
            kind != FORMULA
                || data.get(20..22).is_some_and(|cce| {
                    22 + u16::from_le_bytes([cce[0], cce[1]]) as usize <= data.len()
                })
        })
    }

    /// The rows (from 0) each sheet hides, by sheet name, from the ROW
    /// records of each sheet's substream, which the workbook's BOUNDSHEET
    /// records find. What cannot be read is left out: calamine has read
    /// the cells, and the notice is all that would be lost.
    pub(crate) fn hidden_rows(&self) -> HashMap<String, Vec<usize>> {
        let mut sheets = Vec::new();
        for (kind, data) in self.records(0) {
            if kind == EOF {
                break;
            }
            if kind != BOUNDSHEET || data.len() < 8 {
                continue;
            }
            let start = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize;
            let chars = data[6] as usize;
            // A ShortXLUnicodeString: Latin-1 bytes, or UTF-16.
            let name = match data[7] & 1 {
                0 => data
                    .get(8..8 + chars)
                    .map(|b| b.iter().map(|&c| char::from(c)).collect()),
                _ => data.get(8..8 + chars * 2).map(|b| {
                    let units: Vec<u16> = b
                        .chunks_exact(2)
                        .map(|u| u16::from_le_bytes([u[0], u[1]]))
                        .collect();
                    String::from_utf16_lossy(&units)
                }),
            };
            if let Some(name) = name {
                sheets.push((name, start));
            }
        }
        let mut hidden = HashMap::new();
        for (name, start) in sheets {
            let rows = self
                .records(start)
                .take_while(|&(kind, _)| kind != EOF)
                .filter(|&(kind, data)| {
                    kind == ROW
                        && data.len() >= 14
                        && u16::from_le_bytes([data[12], data[13]]) & ROW_HIDDEN != 0
                })
                .map(|(_, data)| u16::from_le_bytes([data[0], data[1]]) as usize)
                .collect();
            hidden.insert(name, rows);
        }
        hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rows_are_found_by_their_row_tags() {
        let xml = br#"<worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData>
            <row r="1"><c r="A1"/></row><row r="3" spans="1:2" hidden="1"><c r="A3"/></row>
            <row hidden="true" r="7"/><x:row r="9" hidden="1"/></sheetData></worksheet>"#;
        // Rows 3, 7 and 9 as numbered in the file; from 0, 2, 6 and 8. The
        // hidden column is not a row.
        assert_eq!(rows_marked_hidden(xml), vec![2, 6, 8]);
    }
}
