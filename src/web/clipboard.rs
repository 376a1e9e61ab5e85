//! What a paste carries besides text: the HTML table that Excel, WPS,
//! LibreOffice and web pages put on the clipboard.
//!
//! A spreadsheet copies its cells twice: as tab-separated text, where a
//! merged cell is its value in its first row and empty cells below, and as
//! an HTML table, whose `rowspan` and `colspan` say exactly which cells are
//! merged. The table is read with the browser's own `DOMParser` (no HTML
//! parser is compiled in), cell by cell as the browser shows it, and laid
//! out by [`Grid::from_spans`], so that the importer fills merged cells from
//! the table's word rather than by guessing.

use wasm_bindgen::JsCast;
use web_sys::{
    DataTransfer, DomParser, Element, HtmlTableCellElement, HtmlTableElement, HtmlTableRowElement,
    Node, SupportedType,
};

use crate::core::grid::{Grid, Spanned};
use crate::web::state::LARGE_INPUT;

/// What a paste carries that the calculator reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Paste {
    /// A table, cell by cell, with its merged cells.
    Table(Grid),
    /// Text: the paste's own, or the text of HTML that holds no table.
    Text {
        /// The text.
        text: String,
        /// True when it came from HTML, which a text box does not take by
        /// itself.
        from_html: bool,
    },
    /// Nothing to read (an image, say).
    Nothing,
}

/// Reads a paste's clipboard data: its HTML table when it has one (and the
/// paste is not so large that its text is the better read), else its text,
/// else the text of its HTML, which is never ignored.
pub fn read_paste(data: &DataTransfer) -> Paste {
    let text = data.get_data("text/plain").ok().filter(|t| !t.is_empty());
    let html = data.get_data("text/html").ok().filter(|h| !h.is_empty());
    let small = |html: &str| {
        text.as_ref()
            .is_none_or(|text| html.len() <= MAX_HTML && text.len() <= LARGE_INPUT)
    };
    if let Some(grid) = html.as_deref().filter(|html| small(html)).and_then(table) {
        return Paste::Table(grid);
    }
    match (text, html) {
        (Some(text), _) => Paste::Text {
            text,
            from_html: false,
        },
        (None, Some(html)) => match self::text(&html) {
            Some(text) if !text.is_empty() => Paste::Text {
                text,
                from_html: true,
            },
            _ => Paste::Nothing,
        },
        (None, None) => Paste::Nothing,
    }
}

/// The most HTML read as a table, in bytes: Excel's markup for some 20,000
/// cells. A larger paste comes with its text, which is read instead (a
/// paste of HTML alone is read whatever its size).
pub const MAX_HTML: usize = 4 * 1024 * 1024;

/// The first table of `html` with at least one row, cell by cell, or
/// `None` when it has none (or the browser cannot parse it).
pub fn table(html: &str) -> Option<Grid> {
    let document = parse(html)?;
    let tables = document.get_elements_by_tag_name("table");
    let table = (0..tables.length())
        .filter_map(|i| tables.item(i)?.dyn_into::<HtmlTableElement>().ok())
        .find(|table| table.rows().length() > 0)?;
    let rows = table.rows();
    let spans = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<HtmlTableRowElement>().ok())
        .map(|row| {
            let cells = row.cells();
            (0..cells.length())
                .filter_map(|i| cells.item(i)?.dyn_into::<HtmlTableCellElement>().ok())
                .map(|cell| Spanned {
                    text: shown_text(&cell),
                    rows: usize::try_from(cell.row_span()).unwrap_or(1),
                    columns: usize::try_from(cell.col_span()).unwrap_or(1),
                })
                .collect()
        })
        .collect();
    Some(Grid::from_spans(spans))
}

/// The text of `html` as the browser would show it, for a paste of HTML
/// that holds no table.
pub fn text(html: &str) -> Option<String> {
    let document = parse(html)?;
    let body = document.body()?;
    Some(shown_text(&body))
}

/// Parses HTML into an inert document (no script runs in it, nothing loads).
///
/// Such a document inherits the page's Content-Security-Policy, which allows
/// no inline style, and Excel's markup is full of them: every `style`
/// attribute and `<style>` element would be reported in the console. Only
/// cells, their text and their spans are read, so those, with scripts and
/// comments, are left out before the browser parses the rest.
fn parse(html: &str) -> Option<web_sys::Document> {
    DomParser::new()
        .ok()?
        .parse_from_string(&without_styles(html), SupportedType::TextHtml)
        .ok()
}

/// `html` without comments, `<style>` and `<script>` elements and `style`
/// attributes: a scan for those alone, leaving all else to the browser's
/// parser.
pub fn without_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if let Some(element) = ["style", "script"]
            .into_iter()
            .find(|name| starts_with_tag(rest, name))
        {
            let close = format!("</{element}");
            rest = find_ignoring_case(rest, &close)
                .and_then(|end| rest[end..].find('>').map(|gt| &rest[end + gt + 1..]))
                .unwrap_or("");
            continue;
        }
        let end = tag_end(rest);
        strip_style_attribute(&rest[..end], &mut out);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// True when `text` starts the tag `<name` (any case), followed by a space,
/// `/` or `>`.
fn starts_with_tag(text: &str, name: &str) -> bool {
    let Some(after) = text.get(1..=name.len()) else {
        return false;
    };
    after.eq_ignore_ascii_case(name)
        && text
            .as_bytes()
            .get(name.len() + 1)
            .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
}

fn find_ignoring_case(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    lower.find(word)
}

/// Where the tag at the start of `text` ends: past its `>`, quoted values
/// skipped.
fn tag_end(text: &str) -> usize {
    let mut quote = None;
    for (at, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    text.len()
}

/// Writes a tag with its `style` attribute left out.
fn strip_style_attribute(tag: &str, out: &mut String) {
    let mut rest = tag;
    while let Some(at) = find_style(rest) {
        out.push_str(&rest[..at]);
        let after = rest[at + "style".len()..].trim_start();
        let value = after.strip_prefix('=').unwrap_or(after).trim_start();
        let skip = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |end| end + 2),
            _ => value
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(value.len()),
        };
        rest = &value[skip..];
    }
    out.push_str(rest);
}

/// Where a `style=` attribute starts in a tag (after a space), if it has
/// one.
fn find_style(tag: &str) -> Option<usize> {
    let bytes = tag.as_bytes();
    (1..bytes.len()).find(|&at| {
        bytes.get(at - 1).is_some_and(u8::is_ascii_whitespace)
            && bytes
                .get(at..at + 5)
                .is_some_and(|word| word.eq_ignore_ascii_case(b"style"))
            && tag[at + 5..].trim_start().starts_with('=')
    })
}

/// An element's text as the page shows it: runs of spaces and line breaks
/// in the markup are one space, `<br>` is a line break (Excel writes one for
/// each Alt+Enter in a cell), and a block (`<p>`, `<div>`, `<tr>`) starts a
/// line.
fn shown_text(element: &Element) -> String {
    let mut out = String::new();
    walk(element, &mut out);
    out.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn walk(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = child.text_content().unwrap_or_default();
                let mut space = out.ends_with([' ', '\n']) || out.is_empty();
                for c in text.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                        if !space {
                            out.push(' ');
                            space = true;
                        }
                    } else {
                        out.push(c);
                        space = false;
                    }
                }
            }
            Node::ELEMENT_NODE => {
                let name = child.node_name().to_ascii_lowercase();
                match name.as_str() {
                    "br" => out.push('\n'),
                    // Markup that is never shown.
                    "style" | "script" | "head" | "template" => {}
                    "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "table" => {
                        if !out.is_empty() && !out.ends_with('\n') {
                            out.push('\n');
                        }
                        walk(&child, out);
                        if !out.ends_with('\n') {
                            out.push('\n');
                        }
                    }
                    "td" | "th" => {
                        walk(&child, out);
                        out.push('\t');
                    }
                    _ => walk(&child, out),
                }
            }
            _ => {}
        }
    }
}
