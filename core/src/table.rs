//! Text to table: the first step of import.
//!
//! What people paste is whatever Excel, WPS or a text editor put on the
//! clipboard: tab-separated from a spreadsheet, comma- or semicolon-separated
//! from an exported file, sometimes pipe-separated. A [`Table`] strips a BOM,
//! sniffs the delimiter and reads the records.
//!
//! A line without a quote is split at the delimiter as it stands: with no
//! quote to open a quoted cell, that is all the CSV rules say, and nearly
//! every line of a paste is such a line. A record with a quote is handed to
//! `csv_core`, the `csv` crate's own parser, which already knows how Excel
//! quotes cells (doubled quotes, line breaks inside a quoted cell, CRLF). A
//! test holds both paths to what the `csv` crate reads. Nothing here
//! interprets a cell: that is [`fields`](crate::fields) and
//! [`values`](crate::values).
//!
//! Rows are numbered the way the user sees them in the spreadsheet: the first
//! line of the text is row 1, a quoted cell that spans several lines is still
//! one row, and an empty line is a row too (CSV skips empty lines, so they
//! are counted back in here).
//!
//! Reading never fails and never panics: any string is some table, possibly
//! an odd one, and judging it is left to the importer.
//!
//! ```
//! use jianfu_core::table::{Delimiter, Table};
//!
//! let table = Table::new("名称,粉丝数\n长兴发布,\"12,000\"\n");
//! assert_eq!(table.delimiter(), Delimiter::Comma);
//! let rows: Vec<_> = table.rows().collect();
//! assert_eq!(rows[1].number, 2);
//! assert_eq!(rows[1].cell(1), "12,000");
//! ```

use csv_core::ReadRecordResult;

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
/// The cells of a record without quotes, nearly every record of a paste, are
/// slices of the text: it is already UTF-8, so such a cell needs neither
/// checking nor copying. Only the cells of a record with quotes are copied,
/// unquoted, into a buffer the row keeps from record to record.
#[derive(Clone, Debug, Default)]
pub struct Row<'t> {
    /// The row as the user sees it: the first line of the text is row 1.
    pub number: usize,
    /// Where each cell lies: in `text`, or in `unquoted` when `quoted`.
    cells: Vec<(usize, usize)>,
    /// The text the record was read from.
    text: &'t str,
    /// True when the record held a quote, so its cells are in `unquoted`.
    quoted: bool,
    /// The cells of a record with quotes, quotes removed, one after another.
    unquoted: String,
    /// Where the parser ended each cell in `unquoted`, kept to be reused.
    ends: Vec<usize>,
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
    /// Where the next record (or the empty lines before it) starts in `text`.
    at: usize,
    delimiter: Delimiter,
    /// The `csv` crate's parser, for records with quotes; made at the first
    /// such record, as most pastes have none and making one takes longer
    /// than reading a hundred rows.
    parser: Option<csv_core::Reader>,
    /// The row number of the previous record, 0 before the first.
    previous: usize,
}

/// Where a reading of a table stopped, so that another can carry on from
/// there: a long paste is then read in slices, between frames (see
/// [`Importer`](crate::import::Importer)).
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

/// The room first given to the cells of a record with quotes, doubled as
/// needed: a row of a typical list fits.
const QUOTED_START: usize = 256;

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
        // A resume point always falls after an ASCII record terminator, so
        // on a character boundary; `get` keeps a wrong one from panicking.
        let text = self.text.get(at.offset..).unwrap_or("");
        Rows {
            text,
            base: at.offset,
            at: 0,
            delimiter: self.delimiter,
            parser: None,
            previous: at.previous,
        }
    }
}

impl Row<'_> {
    /// The cell in column `index`, or `""` past the end of a short row, which
    /// is how a ragged row is padded.
    #[inline]
    pub fn cell(&self, index: usize) -> &str {
        let Some(&(start, end)) = self.cells.get(index) else {
            return "";
        };
        let source = if self.quoted {
            self.unquoted.as_str()
        } else {
            self.text
        };
        // Cells end at ASCII delimiters, so on character boundaries.
        source.get(start..end).unwrap_or("")
    }

    /// The cells actually present, in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.cells.len()).map(|index| self.cell(index))
    }

    /// The number of cells actually present.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// True when the record held a quote. Only then may a cell hold a line
    /// break: a record without quotes ends at the first one.
    pub fn quoted(&self) -> bool {
        self.quoted
    }

    /// True when the row has no cells at all.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// True when every cell is empty or whitespace: such a row is not data.
    pub fn is_blank(&self) -> bool {
        self.cells().all(crate::text::is_blank)
    }
}

impl<'t> Rows<'t> {
    /// Reads the next record into `row`, reusing its buffers; false at the
    /// end. This is the fast path the importer uses.
    pub fn read_into(&mut self, row: &mut Row<'t>) -> bool {
        let (skipped, begin) = blank_lines_at(self.text, self.at);
        let bytes = self.text.as_bytes();
        let Some(rest) = bytes.get(begin..).filter(|rest| !rest.is_empty()) else {
            self.at = bytes.len();
            return false;
        };
        row.number = self.previous + skipped + 1;
        self.previous = row.number;
        row.text = self.text;
        row.cells.clear();
        // The record ends at the first line break, unless a quote comes
        // first: a quoted cell may hold line breaks, and only the parser
        // knows where it closes.
        let read = match memchr::memchr3(b'"', b'\r', b'\n', rest) {
            Some(quote) if rest.get(quote) == Some(&b'"') => {
                let delimiter = self.delimiter;
                let parser = self.parser.get_or_insert_with(|| parser(delimiter));
                let read = row.read_quoted(parser, rest);
                // The parser stops after the `\r` of a CRLF; the record ends
                // past its `\n`.
                match read.checked_sub(1) {
                    Some(last) if rest.get(last) == Some(&b'\r') => {
                        last + line_break_at(rest, last)
                    }
                    _ => read,
                }
            }
            line => {
                let line = line.unwrap_or(rest.len());
                row.split(begin, begin + line, self.delimiter.byte());
                // The line break ends the record with it.
                line + line_break_at(rest, line)
            }
        };
        let end = begin.saturating_add(read);
        self.at = end;
        row.unclosed_quote = row.quoted && end >= bytes.len() && unclosed_quote(rest, row);
        true
    }

    /// Where this reading stands, for [`Table::rows_from`].
    pub fn resume(&self) -> Resume {
        Resume {
            offset: self.base.saturating_add(self.at),
            previous: self.previous,
        }
    }
}

impl<'t> Row<'t> {
    /// Takes the cells of a line without quotes from `text[begin..end]`.
    fn split(&mut self, begin: usize, end: usize, delimiter: u8) {
        self.quoted = false;
        let line = self.text.as_bytes().get(begin..end).unwrap_or_default();
        let mut start = begin;
        for (at, &byte) in line.iter().enumerate() {
            if byte == delimiter {
                self.cells.push((start, begin + at));
                start = begin + at + 1;
            }
        }
        self.cells.push((start, end));
    }

    /// Reads a record with quotes from the start of `input` with the `csv`
    /// crate's parser, copying its cells into `unquoted`. Returns how many
    /// bytes of `input` the record took.
    fn read_quoted(&mut self, parser: &mut csv_core::Reader, input: &[u8]) -> usize {
        self.quoted = true;
        let mut out = std::mem::take(&mut self.unquoted).into_bytes();
        out.clear();
        out.resize(QUOTED_START, 0);
        self.ends.clear();
        self.ends.resize(QUOTED_START / 8, 0);
        let (mut read, mut written, mut ended) = (0, 0, 0);
        loop {
            // Past the end of the input, the parser is given an empty slice:
            // its sign that the text has ended.
            let (result, r, w, e) = parser.read_record(
                input.get(read..).unwrap_or_default(),
                out.get_mut(written..).unwrap_or_default(),
                self.ends.get_mut(ended..).unwrap_or_default(),
            );
            (read, written, ended) = (read + r, written + w, ended + e);
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        out.truncate(written);
        // Text split at ASCII delimiters and quotes stays UTF-8, so the
        // lossy branch is never taken; it only keeps this from panicking.
        self.unquoted = String::from_utf8(out)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
        let mut start = 0;
        for &end in self.ends.get(..ended).unwrap_or_default() {
            self.cells.push((start, end));
            start = end;
        }
        read
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
fn unclosed_quote(raw: &[u8], row: &Row) -> bool {
    row.cells().any(|cell| cell.contains(['\n', '\r']))
        && raw.iter().filter(|&&b| b == b'"').count() % 2 == 1
}

/// Strips the byte-order marks at the start of the text: one marks the
/// encoding, and a file saved twice may carry two.
fn strip_bom(text: &str) -> &str {
    text.trim_start_matches('\u{feff}')
}

/// The `csv` crate's parser for `delimiter`, otherwise with its defaults,
/// which are Excel's: quotes doubled inside quoted cells, and `\r`, `\n` or
/// CRLF ending a record.
///
/// Out of line: it is called once a reading at most, and inlined into
/// [`Rows::read_into`] it slowed the reading of every line (by 6 % at
/// 100,000 rows).
#[cold]
#[inline(never)]
fn parser(delimiter: Delimiter) -> csv_core::Reader {
    let mut parser = csv_core::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .build();
    // The parser drops a byte-order mark at the start of the first input it
    // is given. The table has already stripped the text's own, and a mark
    // further on belongs to its cell; an empty line read first (skipped, as
    // CSV skips every empty line) keeps the parser from dropping one.
    let _ = parser.read_record(b"\n", &mut [], &mut []);
    parser
}

/// Counts the empty lines CSV skips from byte `start`, where a record
/// (or the text) ended, and finds the byte past them, where the next record
/// begins.
fn blank_lines_at(text: &str, start: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut lines, mut i) = (0, start);
    loop {
        match line_break_at(bytes, i) {
            0 => return (lines, i),
            length => (lines, i) = (lines + 1, i + length),
        }
    }
}

/// The length of the line break at byte `i`: 2 for CRLF, 1 for a lone `\r`
/// or `\n`, 0 for none.
fn line_break_at(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\r' | b'\n') => 1,
        _ => 0,
    }
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
    // A delimiter absent from the sample would score zero: its records are
    // not worth reading.
    let present = Delimiter::ALL
        .into_iter()
        .filter(|delimiter| memchr::memchr(delimiter.byte(), sample.as_bytes()).is_some());
    for delimiter in present {
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
    let mut rows = Table::with_delimiter(sample, delimiter).rows();
    let mut row = Row::default();
    let mut seen = 0;
    while seen < SNIFF_RECORDS && rows.read_into(&mut row) {
        if row.is_blank() {
            continue;
        }
        seen += 1;
        let width = row.len();
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
    fn only_marks_at_the_start_are_stripped() {
        // Two marks start a file saved twice; a mark further on is text, in
        // a line without quotes and in one with them.
        let text = "\u{feff}\u{feff}名称\n\u{feff}甲\n\u{feff}\"乙\"\t\"丙\"\n";
        let rows = cells(text);
        assert_eq!(rows[0], (1, strings(&["名称"])));
        assert_eq!(rows[1], (2, strings(&["\u{feff}甲"])));
        assert_eq!(rows[2], (3, strings(&["\u{feff}\"乙\"", "丙"])));
    }

    #[test]
    fn quoted_records_larger_than_the_first_buffers() {
        // 1,000 bytes of cell and 100 cells: both of the parser's buffers
        // are full before the record ends, and grow.
        let long = "长".repeat(333) + "x";
        let wide: Vec<String> = (0..100).map(|i| format!("\"{i}\"")).collect();
        let text = format!("名称\n\"{long}\"\tb\n{}\nc", wide.join("\t"));
        let rows = cells(&text);
        assert_eq!(rows[1], (2, vec![long, "b".to_string()]));
        let numbers: Vec<String> = (0..100).map(|i| i.to_string()).collect();
        assert_eq!(rows[2], (3, numbers));
        assert_eq!(rows[3], (4, strings(&["c"])));
    }

    #[test]
    fn a_quote_inside_a_cell_is_text() {
        // Only a quote that opens a cell quotes it.
        let rows = cells("名称\t备注\n长兴\"发布\"\t他说\"好\r\n乙\t2\r\n");
        assert_eq!(rows[1], (2, strings(&["长兴\"发布\"", "他说\"好"])));
        assert_eq!(rows[2], (3, strings(&["乙", "2"])));
    }

    #[test]
    fn only_records_with_quotes_are_quoted() {
        let rows: Vec<Row> = Table::new("a\tb\n1\t\"x\ny\"\n2\t3\r\n").rows().collect();
        let quoted: Vec<bool> = rows.iter().map(Row::quoted).collect();
        assert_eq!(quoted, [false, true, false]);
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
