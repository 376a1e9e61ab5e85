//! Text to table: the first step of import.
//!
//! What people paste is whatever Excel, WPS or a text editor put on the
//! clipboard: tab-separated from a spreadsheet, comma- or semicolon-separated
//! from an exported file, sometimes pipe-separated. A [`Table`] strips a BOM,
//! sniffs the delimiter and then hands the text to the `csv` crate, which
//! already knows how Excel quotes cells (doubled quotes, line breaks inside a
//! quoted cell, CRLF). Nothing here interprets a cell: that is
//! [`fields`](crate::core::fields) and [`values`](crate::core::values).
//!
//! Rows are numbered the way the user sees them in the spreadsheet: the first
//! line of the text is row 1, a quoted cell that spans several lines is still
//! one row, and an empty line is a row too (the `csv` crate skips empty lines,
//! so they are counted back in here).
//!
//! Reading never fails and never panics: any string is some table, possibly
//! an odd one, and judging it is left to the importer.
//!
//! ```
//! use jianfu::core::table::{Delimiter, Table};
//!
//! let table = Table::new("名称,粉丝数\n长兴发布,\"12,000\"\n");
//! assert_eq!(table.delimiter(), Delimiter::Comma);
//! let rows: Vec<_> = table.rows().collect();
//! assert_eq!(rows[1].number, 2);
//! assert_eq!(rows[1].cell(1), "12,000");
//! ```

use std::borrow::Cow;

use csv::ByteRecord;

/// The separators the sniffer chooses between, in order of preference when
/// the evidence is tied: a paste from Excel or WPS is tab-separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delimiter {
    /// `\t`, what spreadsheets put on the clipboard.
    Tab,
    /// `,`, the usual exported `.csv`.
    Comma,
    /// `;`, what Excel writes where the comma is a decimal separator.
    Semicolon,
    /// `|`, seen in text exported from other systems.
    Pipe,
}

/// A text ready to be read as rows.
#[derive(Clone, Debug)]
pub struct Table<'t> {
    text: &'t str,
    delimiter: Delimiter,
}

/// One record of the table with its spreadsheet row number.
///
/// A cell is borrowed from the text wherever the `csv` crate read it as it
/// stands (no quotes to remove), which is nearly every cell of a paste: the
/// text is already UTF-8, so such a cell needs neither checking nor copying.
/// Only the cells of a record with quotes are copied out of the reader, into
/// buffers the row keeps from record to record.
#[derive(Clone, Debug, Default)]
pub struct Row<'t> {
    /// The row as the user sees it: the first line of the text is row 1.
    pub number: usize,
    /// The cells as written, quotes removed.
    cells: Vec<Cow<'t, str>>,
    /// Buffers of earlier copied cells, kept to be reused.
    spare: Vec<String>,
    /// The reader's buffer for the record, kept to be reused.
    record: ByteRecord,
    /// True when a quote opened in this row is never closed, so that the
    /// rest of the text was read into one of its cells.
    pub unclosed_quote: bool,
}

/// The rows of a [`Table`], read one at a time so that a large paste is never
/// held twice in memory.
pub struct Rows<'t> {
    /// The text from where this reader started.
    text: &'t str,
    /// Where `text` starts in the table's text.
    base: usize,
    reader: csv::Reader<&'t [u8]>,
    /// The row number of the previous record, 0 before the first.
    previous: usize,
}

/// Where a reading of a table stopped, so that another can carry on from
/// there: a long paste is then read in slices, between frames (see
/// [`Importer`](crate::core::import::Importer)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Resume {
    /// The byte where the next record starts.
    offset: usize,
    /// The row number of the last record read.
    previous: usize,
}

impl Delimiter {
    /// Every delimiter, in order of preference.
    pub const ALL: [Delimiter; 4] = [
        Delimiter::Tab,
        Delimiter::Comma,
        Delimiter::Semicolon,
        Delimiter::Pipe,
    ];

    /// The byte that separates cells.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Tab => b'\t',
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Pipe => b'|',
        }
    }
}

/// How much of the text the sniffer looks at: enough for dozens of rows of
/// any real list, and a bound on the work when a quote is never closed.
const SNIFF_BYTES: usize = 64 * 1024;

/// How many records the sniffer compares.
const SNIFF_RECORDS: usize = 30;

impl Resume {
    /// How many bytes of the text (without its BOM) lie before this point.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl<'t> Table<'t> {
    /// Reads `text`, stripping a byte-order mark and sniffing the delimiter.
    pub fn new(text: &'t str) -> Table<'t> {
        let text = strip_bom(text);
        Table {
            text,
            delimiter: sniff(text),
        }
    }

    /// Reads `text` with a known delimiter, for text this crate wrote itself.
    pub fn with_delimiter(text: &'t str, delimiter: Delimiter) -> Table<'t> {
        Table {
            text: strip_bom(text),
            delimiter,
        }
    }

    /// The delimiter in use.
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    /// The text without its BOM.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The rows, from the first.
    pub fn rows(&self) -> Rows<'t> {
        self.rows_from(Resume::default())
    }

    /// The rows after the point where an earlier reading stopped.
    pub fn rows_from(&self, at: Resume) -> Rows<'t> {
        // The csv crate drops a byte-order mark at the very start of what it
        // reads. A slice that would start with one (a second file pasted
        // after the first) starts at the line break before it instead, read
        // as one empty line, so that the mark stays in its cell as when the
        // whole text is read in one go.
        let rest = self.text.get(at.offset..).unwrap_or("");
        let back = usize::from(at.offset > 0 && rest.starts_with('\u{feff}'));
        let offset = at.offset - back;
        // A resume point always falls after an ASCII record terminator, so
        // on a character boundary; `get` keeps a wrong one from panicking.
        let text = self.text.get(offset..).unwrap_or("");
        Rows {
            text,
            base: offset,
            reader: reader(text, self.delimiter),
            previous: at.previous.saturating_sub(back),
        }
    }
}

impl Row<'_> {
    /// The cell in column `index`, or `""` past the end of a short row, which
    /// is how a ragged row is padded.
    #[inline]
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |cell| cell)
    }

    /// The cells actually present, in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        self.cells.iter().map(|cell| cell.as_ref())
    }

    /// The number of cells actually present.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when the row has no cells at all.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// True when every cell is empty or whitespace: such a row is not data.
    pub fn is_blank(&self) -> bool {
        self.cells()
            .all(|cell| crate::core::values::trim(cell).is_empty())
    }
}

impl<'t> Rows<'t> {
    /// Reads the next record into `row`, reusing its buffers; false at the
    /// end. This is the fast path the importer uses.
    pub fn read_into(&mut self, row: &mut Row<'t>) -> bool {
        let start = self.reader.position().byte();
        // Reading from a byte slice cannot fail with an I/O error, so an
        // error here is not expected; if one ever comes, stopping is the
        // only way to be sure of not looping.
        match self.reader.read_byte_record(&mut row.record) {
            Ok(true) => {}
            Ok(false) | Err(_) => return false,
        }
        let (skipped, begin) = blank_lines_at(self.text, start);
        row.number = self.previous + skipped + 1;
        self.previous = row.number;
        row.fill_cells(self.text, begin);
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        row.unclosed_quote = self.runs_to_end() && unclosed_quote(self.text, start, row);
        true
    }
}

impl<'t> Row<'t> {
    /// Finds the cells of the record just read from `text`: slices of the
    /// text when the record holds no quote (its cells are then the text
    /// between delimiters, exactly), copies otherwise. `begin` is where the
    /// record starts, past any empty lines the reader skipped.
    fn fill_cells(&mut self, text: &'t str, begin: usize) {
        for cell in self.cells.drain(..) {
            if let Cow::Owned(buffer) = cell {
                self.spare.push(buffer);
            }
        }
        let bytes = text.as_bytes();
        let length = self.record.as_slice().len() + self.record.len().saturating_sub(1);
        let raw = bytes.get(begin..begin.saturating_add(length));
        let plain = raw.is_some_and(|raw| memchr::memchr3(b'"', b'\r', b'\n', raw).is_none())
            && matches!(
                bytes.get(begin.saturating_add(length)),
                None | Some(b'\r' | b'\n')
            );
        let mut at = begin;
        for field in &self.record {
            let end = at.saturating_add(field.len());
            let borrowed = if plain { text.get(at..end) } else { None };
            debug_assert!(borrowed.is_none_or(|cell| cell.as_bytes() == field));
            self.cells.push(match borrowed {
                Some(cell) => Cow::Borrowed(cell),
                None => {
                    let mut buffer = self.spare.pop().unwrap_or_default();
                    buffer.clear();
                    // A `&str` split at ASCII delimiters and quotes stays
                    // UTF-8, so nothing is ever replaced here.
                    buffer.push_str(&String::from_utf8_lossy(field));
                    Cow::Owned(buffer)
                }
            });
            at = end.saturating_add(1);
        }
    }
}

impl Rows<'_> {
    /// Where this reading stands, for [`Table::rows_from`].
    pub fn resume(&self) -> Resume {
        let mut offset = usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX);
        // After a CRLF record the reader stops between `\r` and `\n`; a new
        // reader starting at that `\n` would count it as an empty line.
        let bytes = self.text.as_bytes();
        if offset > 0 && bytes.get(offset - 1) == Some(&b'\r') && bytes.get(offset) == Some(&b'\n')
        {
            offset += 1;
        }
        Resume {
            offset: self.base.saturating_add(offset),
            previous: self.previous,
        }
    }

    fn runs_to_end(&self) -> bool {
        usize::try_from(self.reader.position().byte()).is_ok_and(|end| end >= self.text.len())
    }
}

impl<'t> Iterator for Rows<'t> {
    type Item = Row<'t>;

    fn next(&mut self) -> Option<Row<'t>> {
        let mut row = Row::default();
        self.read_into(&mut row).then_some(row)
    }
}

/// A quote that is never closed swallows everything up to the end of the
/// text, so only the last record can have one: it spans lines, and its raw
/// text holds an odd number of quote characters (a closed quoted cell holds
/// pairs).
fn unclosed_quote(text: &str, start: usize, row: &Row) -> bool {
    let Some(raw) = text.as_bytes().get(start..) else {
        return false;
    };
    row.cells().any(|cell| cell.contains(['\n', '\r']))
        && raw.iter().filter(|&&b| b == b'"').count() % 2 == 1
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn reader(text: &str, delimiter: Delimiter) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .double_quote(true)
        .from_reader(text.as_bytes())
}

/// Counts the empty lines the `csv` crate skips when it reads on from byte
/// `start`, and finds the byte past them, where the record begins. A `\n`
/// right after a `\r` finishes the previous record's CRLF and is not a line
/// of its own.
fn blank_lines_at(text: &str, start: u64) -> (usize, usize) {
    let bytes = text.as_bytes();
    let Ok(start) = usize::try_from(start) else {
        return (0, usize::MAX);
    };
    let mut i = start;
    if start > 0 && bytes.get(start) == Some(&b'\n') && bytes.get(start - 1) == Some(&b'\r') {
        i += 1;
    }
    let mut lines = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' => {
                lines += 1;
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            }
            b'\n' => {
                lines += 1;
                i += 1;
            }
            _ => break,
        }
    }
    (lines, i)
}

/// Picks the delimiter that splits the first rows most consistently.
///
/// For each candidate the score is how many of the first records share the
/// most common cell count, counting only splits into two or more cells: a
/// delimiter that never occurs splits nothing. A comma inside `1,234` in a
/// tab-separated paste makes the comma counts vary, so tab wins; a single
/// column scores zero everywhere and falls back to tab.
fn sniff(text: &str) -> Delimiter {
    let sample = sample(text);
    let mut best = (Delimiter::Tab, 0);
    for delimiter in Delimiter::ALL {
        let score = consistency(sample, delimiter);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// The start of the text, cut at a line break so that the last sampled record
/// is whole (unless a quoted cell spans the cut, which only costs precision).
fn sample(text: &str) -> &str {
    if text.len() <= SNIFF_BYTES {
        return text;
    }
    let mut end = SNIFF_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind('\n') {
        Some(cut) if cut > 0 => &head[..cut],
        _ => head,
    }
}

fn consistency(sample: &str, delimiter: Delimiter) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut reader = reader(sample, delimiter);
    let mut record = ByteRecord::new();
    let mut seen = 0;
    while seen < SNIFF_RECORDS {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => break,
        }
        let blank =
            |cell: &[u8]| std::str::from_utf8(cell).is_ok_and(|cell| cell.trim().is_empty());
        if record.iter().all(blank) {
            continue;
        }
        seen += 1;
        let width = record.len();
        match counts.iter_mut().find(|(w, _)| *w == width) {
            Some((_, n)) => *n += 1,
            None => counts.push((width, 1)),
        }
    }
    counts
        .iter()
        .filter(|(width, _)| *width > 1)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(usize, Vec<String>)> {
        Table::new(text)
            .rows()
            .map(|row| (row.number, row.cells().map(String::from).collect()))
            .collect()
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn sniffs_each_delimiter() {
        assert_eq!(Table::new("a\tb\n1\t2").delimiter(), Delimiter::Tab);
        assert_eq!(Table::new("a,b\n1,2").delimiter(), Delimiter::Comma);
        assert_eq!(Table::new("a;b\n1;2").delimiter(), Delimiter::Semicolon);
        assert_eq!(Table::new("a|b\n1|2").delimiter(), Delimiter::Pipe);
    }

    #[test]
    fn tab_wins_over_commas_inside_numbers() {
        let text = "名称\t粉丝数\t费用\nA\t1,234\t20,000\nB\t12\t3,000,000\n";
        assert_eq!(Table::new(text).delimiter(), Delimiter::Tab);
    }

    #[test]
    fn tab_wins_ties_and_single_columns() {
        assert_eq!(Table::new("名称\n长兴发布\n").delimiter(), Delimiter::Tab);
        assert_eq!(Table::new("a,b\tc\n1,2\t3\n").delimiter(), Delimiter::Tab);
        assert_eq!(Table::new("").delimiter(), Delimiter::Tab);
    }

    #[test]
    fn quoted_cells_with_commas_do_not_fool_the_sniffer() {
        let text = "name,followers\n\"Changxing, County\",\"1,234\"\nB,5\n";
        assert_eq!(Table::new(text).delimiter(), Delimiter::Comma);
        assert_eq!(cells(text)[1].1, strings(&["Changxing, County", "1,234"]));
    }

    #[test]
    fn strips_bom_and_reads_crlf() {
        let rows = cells("\u{feff}名称\t粉丝\r\nA\t1\r\nB\t2\r\n");
        assert_eq!(rows[0], (1, strings(&["名称", "粉丝"])));
        assert_eq!(rows[2], (3, strings(&["B", "2"])));
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn reading_resumed_anywhere_gives_the_same_rows() {
        // A second file's byte-order mark, CRLF, a blank line and a quote.
        let text = "名称\r\n\u{feff}甲\r\n\r\n\u{feff}\n\"乙\n丙\"\n丁";
        let table = Table::new(text);
        let whole: Vec<(usize, Vec<String>)> = cells(text);
        let mut rows = table.rows();
        let mut resumed = Vec::new();
        let mut row = Row::default();
        while rows.read_into(&mut row) {
            resumed.push((row.number, row.cells().map(String::from).collect()));
            rows = table.rows_from(rows.resume());
        }
        assert_eq!(resumed, whole);
        assert_eq!(whole[1], (2, strings(&["\u{feff}甲"])));
        assert_eq!(whole[2], (4, strings(&["\u{feff}"])));
    }

    #[test]
    fn multi_line_cell_is_one_row() {
        let text = "名称\t备注\n\"长兴\n发布\"\t\"他说\"\"好\"\"\"\nB\tx\n";
        let rows = cells(text);
        assert_eq!(rows[1], (2, strings(&["长兴\n发布", "他说\"好\""])));
        assert_eq!(rows[2], (3, strings(&["B", "x"])));
    }

    #[test]
    fn empty_lines_still_count_as_rows() {
        let rows = cells("名称\n\nA\n\r\n\r\nB\r\n\n");
        let numbers: Vec<usize> = rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 3, 6]);
        let rows = cells("\n\n名称\nA");
        assert_eq!(rows[0].0, 3);
        let rows = cells("a\rb\r\rc");
        let numbers: Vec<usize> = rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 2, 4]);
    }

    #[test]
    fn ragged_rows_are_padded_and_extras_kept() {
        let table = Table::new("a\tb\tc\n1\n1\t2\t3\t4\n");
        let rows: Vec<Row> = table.rows().collect();
        assert_eq!(rows[1].cell(2), "");
        assert_eq!(rows[2].len(), 4);
        assert_eq!(rows[2].cell(3), "4");
    }

    #[test]
    fn blank_rows_are_recognised() {
        let rows: Vec<Row> = Table::new("a\tb\n\t \n").rows().collect();
        assert!(!rows[0].is_blank());
        assert!(rows[1].is_blank());
    }

    #[test]
    fn unclosed_quote_is_noticed_only_at_the_end() {
        let rows: Vec<Row> = Table::new("a\tb\n1\t\"x\ny\"\n2\t\"open\n3\t4\n")
            .rows()
            .collect();
        let flags: Vec<bool> = rows.iter().map(|row| row.unclosed_quote).collect();
        assert_eq!(flags, [false, false, true]);
        assert_eq!(rows[2].cell(1), "open\n3\t4\n");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let wide = "x\t".repeat(10_000);
        let long_quote = format!("\"{}", "a\n".repeat(50_000));
        for text in [
            "\"",
            "\"\"\"",
            "\0\t\0\n\0",
            "a\"b\tc\"\n\"",
            "\r",
            "\n\r\n\r",
            "\u{feff}",
            wide.as_str(),
            long_quote.as_str(),
        ] {
            let _ = cells(text);
        }
    }
}
