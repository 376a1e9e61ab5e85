//! Finding the header of a sheet as offices lay it out.
//!
//! Above the real header there may be a title, a 填报单位 line and a row of
//! group headings (基本情况, 传播情况, 运营情况) spanning the columns
//! beneath them. The header is the row among the first few that names the
//! most fields; the rows above it are skipped, each with a notice. In a
//! two-row header, cells such as 序号 and 账号名称 are merged down over both
//! rows, so the lower row has them blank: a blank header cell takes the name
//! above it (from the table's merges when known, else from a group row
//! directly above).

use crate::diagnostic::{Diagnostic, Location, Problem};
use crate::fields::Header;
use crate::grid::Merges;
use crate::import::rows::is_note;
use crate::import::Import;
use crate::table::{Resume, Row, Rows};
use crate::text::{is_blank, trim};
use crate::values::{self, Unit};

/// How many non-blank rows at the top may come before the header.
const HEADER_SEARCH_ROWS: usize = 10;

/// The header found: its row, the classified header, and where the data
/// below it starts.
pub(super) struct Found<'t> {
    /// The header row.
    pub row: Row<'t>,
    /// Its columns, classified.
    pub header: Header,
    /// Where reading the data resumes: just after the header row.
    pub resume: Resume,
}

/// A row looked at as a header.
struct Candidate<'t> {
    row: Row<'t>,
    resume: Resume,
    /// Its cells, blank ones filled from above where they may be.
    cells: Vec<String>,
    /// The names its blank cells took from above.
    from_above: Vec<String>,
    header: Header,
}

/// Finds the header among the first rows and reports the rows above it.
/// The search stops at the first row holding two figures, which is data.
/// `None` when no row qualifies, which is reported.
pub(super) fn find_header<'t>(
    rows: &mut Rows<'t>,
    merges: Option<&Merges>,
    import: &mut Import,
) -> Option<Found<'t>> {
    let mut seen: Vec<Candidate<'t>> = Vec::new();
    let mut best: Option<usize> = None;
    while let Some(row) = rows.next() {
        let resume = rows.resume();
        if row.is_blank() {
            continue;
        }
        if is_data(&row) {
            if seen.is_empty() {
                seen.push(candidate(row, resume, None, merges));
            }
            break;
        }
        let candidate = candidate(row, resume, seen.last(), merges);
        let score = (candidate.header.recognised(), candidate.header.exact());
        let qualifies = strong(&candidate.header) || (seen.is_empty() && score.1 >= 1);
        let better = best
            .and_then(|at| seen.get(at))
            .is_none_or(|b| score > (b.header.recognised(), b.header.exact()));
        if qualifies && better {
            best = Some(seen.len());
        }
        seen.push(candidate);
        if seen.len() >= HEADER_SEARCH_ROWS {
            break;
        }
    }
    let Some(at) = best else {
        if let Some(first) = seen.first() {
            import.diagnostics.push(Diagnostic::new(
                Location::Input,
                &shown_row(&first.row),
                Problem::NoHeader,
            ));
        }
        return None;
    };
    let mut above = seen;
    let chosen = above.swap_remove(at);
    above.truncate(at);
    report_above(&above, import);
    if !chosen.from_above.is_empty() {
        import.diagnostics.push(Diagnostic::new(
            Location::row(chosen.row.number),
            &chosen
                .cells
                .iter()
                .filter(|cell| !cell.is_empty())
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" | "),
            Problem::HeaderFromAbove {
                names: chosen.from_above,
            },
        ));
    }
    Some(Found {
        row: chosen.row,
        header: chosen.header,
        resume: chosen.resume,
    })
}

/// A row that names two fields, one of them exactly (or three loosely).
fn strong(header: &Header) -> bool {
    header.recognised() >= 2 && (header.exact() >= 1 || header.recognised() >= 3)
}

/// Two figures make a data row; one may be a date in a title
/// (`填报日期 | 2019.4`).
fn is_data(row: &Row) -> bool {
    row.cells()
        .filter(|cell| values::count(cell, Unit::default()).is_ok_and(|v| v.is_some()))
        .nth(1)
        .is_some()
}

/// A row classified as a header, its blank cells taking the name above
/// them: from the merged cell they lie under when the table's merges are
/// known, else from the row directly above when that is a group row.
fn candidate<'t>(
    row: Row<'t>,
    resume: Resume,
    above: Option<&Candidate<'t>>,
    merges: Option<&Merges>,
) -> Candidate<'t> {
    let group = above.filter(|above| is_group(&above.row));
    let mut from_above = Vec::new();
    let width = row.len().max(above.map_or(0, |a| a.cells.len()));
    let cells: Vec<String> = (0..width)
        .map(|index| {
            let own = trim(row.cell(index));
            if !own.is_empty() {
                return own.to_string();
            }
            let name = match merges {
                Some(merges) => merges
                    .above(row.number, index)
                    .and(above)
                    .and_then(|above| above.cells.get(index)),
                None => group.and_then(|above| above.cells.get(index)),
            };
            match name.filter(|name| !name.is_empty()) {
                Some(name) => {
                    from_above.push(name.clone());
                    name.clone()
                }
                None => String::new(),
            }
        })
        .collect();
    let header = Header::new(cells.iter().map(String::as_str));
    Candidate {
        row,
        resume,
        cells,
        from_above,
        header,
    }
}

/// A row of group headings: two or more filled cells, none a note (a
/// 填报单位：… | 填报日期：… line is not a group row).
fn is_group(row: &Row) -> bool {
    let filled: Vec<&str> = row.cells().filter(|cell| !is_blank(cell)).collect();
    filled.len() >= 2 && !filled.into_iter().any(is_note)
}

/// A notice for each row above the header: a note, the group row directly
/// above it, or a title.
fn report_above(above: &[Candidate], import: &mut Import) {
    let last = above.len().checked_sub(1);
    for (index, candidate) in above.iter().enumerate() {
        let row = &candidate.row;
        let first = first_cell(row);
        let (value, problem) = if is_note(first) {
            (shown_row(row), Problem::NoteRow)
        } else if Some(index) == last && is_group(row) {
            (shown_row(row), Problem::GroupRow)
        } else {
            (first.to_string(), Problem::TitleRow)
        };
        import
            .diagnostics
            .push(Diagnostic::new(Location::row(row.number), &value, problem));
    }
}

/// The first non-empty cell of a row.
fn first_cell<'r>(row: &'r Row) -> &'r str {
    row.cells().find(|cell| !is_blank(cell)).unwrap_or("")
}

/// A row shown in one line, its cells joined by ` | `.
pub(super) fn shown_row(row: &Row) -> String {
    row.cells()
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}
