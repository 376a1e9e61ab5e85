//! Delimited text out: the tab-separated text the input box gets back, and
//! the CSV files the page downloads. A field is quoted only where it must
//! be, exactly where the `csv` crate's `QuoteStyle::Necessary` quotes it,
//! and the quoting itself (doubling the quotes inside) is
//! [`csv_core::quote`]'s.
//!
//! Why not `csv_core::Writer` itself: its `field` chooses between the quote
//! styles at run time, and one style this crate never uses, `NonNumeric`,
//! parses every field as an `f64`. That alone kept the standard library's
//! float parser and its 10 KB table of powers of five in the wasm: about
//! 10 KB of the page's download gzipped, as a table of 128-bit mantissas
//! does not compress.

/// Records of delimited text being written.
#[derive(Debug)]
pub(crate) struct Records {
    out: Vec<u8>,
    delimiter: u8,
    terminator: &'static str,
    /// Where the record being written starts in `out`.
    record_start: usize,
    /// Whether the record being written has a field yet.
    has_field: bool,
}

impl Records {
    /// No records yet, fields separated by `delimiter` (an ASCII byte) and
    /// records ended by `terminator` (`"\r\n"` or `"\n"`).
    pub(crate) fn new(delimiter: u8, terminator: &'static str) -> Records {
        debug_assert!(delimiter.is_ascii());
        Records {
            out: Vec::new(),
            delimiter,
            terminator,
            record_start: 0,
            has_field: false,
        }
    }

    /// Writes `text` as it is, between records: a byte-order mark.
    pub(crate) fn raw(&mut self, text: &str) {
        debug_assert!(!self.has_field, "raw text inside a record");
        self.out.extend_from_slice(text.as_bytes());
        self.record_start = self.out.len();
    }

    /// Writes one field of the current record, in quotes when it holds the
    /// delimiter, a quote, a CR or an LF (which a reader, or the `csv`
    /// crate's, would otherwise take for the end of the field or record).
    pub(crate) fn field(&mut self, cell: &str) {
        if self.has_field {
            self.out.push(self.delimiter);
        }
        self.has_field = true;
        let special = |b: u8| b == self.delimiter || matches!(b, b'"' | b'\r' | b'\n');
        if !cell.bytes().any(special) {
            self.out.extend_from_slice(cell.as_bytes());
            return;
        }
        self.out.push(b'"');
        // Room for every byte doubled, as quotes are.
        let start = self.out.len();
        self.out.resize(start + cell.len() * 2, 0);
        let (_, _, written) =
            csv_core::quote(cell.as_bytes(), &mut self.out[start..], b'"', b'"', true);
        self.out.truncate(start + written);
        self.out.push(b'"');
    }

    /// Ends the current record. A record of no bytes at all (one empty
    /// field) is written `""`, as the `csv` crate writes it, so that a
    /// reader sees a record and not a blank line.
    pub(crate) fn end(&mut self) {
        if self.out.len() == self.record_start {
            self.out.extend_from_slice(b"\"\"");
        }
        self.out.extend_from_slice(self.terminator.as_bytes());
        self.record_start = self.out.len();
        self.has_field = false;
    }

    /// Writes a whole record: its fields, then its end.
    pub(crate) fn record<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for cell in cells {
            self.field(cell.as_ref());
        }
        self.end();
    }

    /// Writes an empty line, between records: a blank line between the
    /// sections of a file, an empty row of a sheet.
    pub(crate) fn blank(&mut self) {
        debug_assert!(!self.has_field, "a blank line inside a record");
        self.out.extend_from_slice(self.terminator.as_bytes());
        self.record_start = self.out.len();
    }

    /// The text written.
    pub(crate) fn finish(self) -> String {
        // Every field came from a `&str` and every byte added is ASCII, so
        // the bytes are UTF-8; the lossy branch only keeps this from
        // panicking.
        String::from_utf8(self.out)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rows` written by `Records` and by `csv_core::Writer` with
    /// `QuoteStyle::Necessary`, whose output this module keeps.
    fn both(rows: &[&[&str]], delimiter: u8, terminator: &'static str) -> (String, String) {
        let mut ours = Records::new(delimiter, terminator);
        for row in rows {
            ours.record(row.iter());
        }
        let term = match terminator {
            "\r\n" => csv_core::Terminator::CRLF,
            _ => csv_core::Terminator::Any(b'\n'),
        };
        let mut writer = csv_core::WriterBuilder::new()
            .delimiter(delimiter)
            .quote_style(csv_core::QuoteStyle::Necessary)
            .terminator(term)
            .build();
        let mut theirs = Vec::new();
        let mut buffer = [0u8; 4096];
        for row in rows {
            for (index, cell) in row.iter().enumerate() {
                if index > 0 {
                    let (_, n) = writer.delimiter(&mut buffer);
                    theirs.extend_from_slice(&buffer[..n]);
                }
                let (_, _, n) = writer.field(cell.as_bytes(), &mut buffer);
                theirs.extend_from_slice(&buffer[..n]);
            }
            let (_, n) = writer.terminator(&mut buffer);
            theirs.extend_from_slice(&buffer[..n]);
        }
        (ours.finish(), String::from_utf8(theirs).unwrap())
    }

    #[test]
    fn quotes_where_the_csv_crate_does() {
        let rows: &[&[&str]] = &[
            &["plain", "中文名称", "1,5", "tab\there"],
            &["say \"hi\"", "\"", "line\nbreak", "cr\rhere", "crlf\r\n"],
            &[""],
            &["", ""],
            &["=1+1", " lead", "trail ", "'quote'", "#hash", "12.5", "-3"],
            &["\"\"", "a\"b\"c", "😀,😀"],
        ];
        for (delimiter, terminator) in [(b',', "\r\n"), (b'\t', "\n"), (b'\t', "\r\n")] {
            let (ours, theirs) = both(rows, delimiter, terminator);
            assert_eq!(ours, theirs, "delimiter {delimiter}");
        }
    }

    #[test]
    fn a_record_of_one_empty_field_is_two_quotes_and_a_blank_line_is_empty() {
        let mut csv = Records::new(b',', "\r\n");
        csv.record(["name", "a, b", "say \"hi\""]);
        csv.record([""]);
        csv.blank();
        csv.record(["", ""]);
        assert_eq!(
            csv.finish(),
            "name,\"a, b\",\"say \"\"hi\"\"\"\r\n\"\"\r\n\r\n,\r\n"
        );
    }

    #[test]
    fn a_field_with_the_delimiter_is_quoted_and_quotes_inside_doubled() {
        let mut tsv = Records::new(b'\t', "\n");
        // Commas need no quotes between tabs; a tab does.
        tsv.record(["a,b", "c\td", "e\"f"]);
        assert_eq!(tsv.finish(), "a,b\t\"c\td\"\t\"e\"\"f\"\n");
    }

    #[test]
    fn raw_text_and_blank_lines_sit_between_records() {
        let mut csv = Records::new(b',', "\r\n");
        csv.raw("\u{FEFF}");
        // The record right after the BOM is still an empty record: `""`.
        csv.record([""]);
        csv.blank();
        csv.record(["x"]);
        assert_eq!(csv.finish(), "\u{FEFF}\"\"\r\n\r\nx\r\n");
    }
}
