//! Tables given cell by cell, with their merged cells.
//!
//! Excel and WPS put two things on the clipboard: tab-separated text, in
//! which a merged cell is its value in its first row and empty cells below
//! it, and an HTML table, whose `rowspan` and `colspan` say exactly which
//! cells are merged. A workbook's sheet holds the same merge list. A
//! [`Grid`] is such a table: it is written out as the tab-separated text
//! the importer reads (the same path as any paste, row numbers and all),
//! and its [`Merges`] go with it, so that the importer fills merged cells
//! from the table's own word rather than by guessing.
//!
//! ```
//! use jianfu_core::grid::{Grid, Spanned};
//!
//! // 县公安局 is merged down over two rows.
//! let grid = Grid::from_spans(vec![
//!     vec![Spanned::text("名称"), Spanned::text("主办单位")],
//!     vec![Spanned::text("平安长兴"), Spanned { text: "县公安局".into(), rows: 2, columns: 1 }],
//!     vec![Spanned::text("长兴交警")],
//! ]);
//! assert_eq!(grid.text(), "名称\t主办单位\n平安长兴\t县公安局\n长兴交警\n");
//! // Row 3, column 1 (from 0) lies under the merged cell of row 2.
//! assert_eq!(grid.merges().above(3, 1), Some(2));
//! assert_eq!(grid.merges().above(3, 0), None);
//! ```

use serde::{Deserialize, Serialize};

use crate::records::Records;

/// A table given cell by cell: each row's cells, and which are merged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The cells, row by row; a cell under or beside a merged cell's first
    /// is empty, as Excel copies it.
    rows: Vec<Vec<String>>,
    merges: Merges,
}

/// A cell as an HTML table gives it: its text, and how many rows and
/// columns it spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned {
    /// The cell's text.
    pub text: String,
    /// Rows it spans (`rowspan`), at least 1.
    pub rows: usize,
    /// Columns it spans (`colspan`), at least 1.
    pub columns: usize,
}

/// What a table given cell by cell says beyond its text: the cells that lie
/// under a merged cell, in that cell's first column, which take its value
/// (cells beside a merged cell, as in a title merged across the sheet, take
/// nothing: a value belongs to its column); and, for a workbook's sheet,
/// the rows it hides, which are read like any other, with a notice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merges {
    /// `(row, column, first row)`: the cell at a row (numbered from 1, as
    /// the user sees it) and column (from 0) lies under the merged cell
    /// whose first row is given. Sorted by row, then column.
    covered: Vec<(usize, usize, usize)>,
    /// Rows (from 1) the workbook hides, ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hidden: Vec<usize>,
}

/// A merged range of a workbook's sheet, as the file lists it: its first
/// and last rows and columns, numbered from 0, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The first and last rows.
    pub rows: (usize, usize),
    /// The first and last columns.
    pub columns: (usize, usize),
}

/// Why a sheet's cells could not be laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutError {
    /// The merged ranges cover more cells of their first columns than
    /// [`MAX_COVERED`]: no account list has that many, and listing them
    /// would take the memory of a far larger list.
    TooManyMerged,
}

/// The most cells that may lie under merged cells in one table: two for
/// every row of the largest list.
pub const MAX_COVERED: usize = 500_000;

/// The most columns a table may have: HTML's own limit on `colspan`, and
/// far more than any account list.
pub const MAX_COLUMNS: usize = 1000;

/// The most rows one cell may span: HTML's own limit on `rowspan`.
const MAX_ROW_SPAN: usize = 65_534;

impl Spanned {
    /// A cell that spans one row and one column.
    pub fn text(text: &str) -> Spanned {
        Spanned {
            text: text.to_string(),
            rows: 1,
            columns: 1,
        }
    }
}

impl Grid {
    /// Lays out the rows of an HTML table: each cell goes in the first
    /// column its row has free (a cell from a row above may reach down into
    /// it), and takes as many rows and columns as it spans. Spans are
    /// clipped to the table, and to [`MAX_COLUMNS`].
    pub fn from_spans(rows: Vec<Vec<Spanned>>) -> Grid {
        let height = rows.len();
        // For each column, how many rows below the current one a cell from
        // above still covers, and, for the first column of a merged cell,
        // the row (from 1) it starts on.
        let mut reach: Vec<usize> = Vec::new();
        let mut first_row: Vec<Option<usize>> = Vec::new();
        let mut out: Vec<Vec<String>> = Vec::with_capacity(height);
        // Made row by row, column by column: already in order.
        let mut covered = Vec::new();
        for (r, cells) in rows.into_iter().enumerate() {
            // Columns a cell from above covers in this row.
            let taken: Vec<bool> = reach.iter().map(|&rows| rows > 0).collect();
            for (column, rows) in reach.iter_mut().enumerate() {
                if *rows > 0 {
                    if let Some(Some(first)) = first_row.get(column) {
                        covered.push((r + 1, column, *first));
                    }
                    *rows -= 1;
                }
            }
            let mut line: Vec<String> = Vec::new();
            let mut column = 0;
            for cell in cells {
                while taken.get(column).copied().unwrap_or(false) {
                    column += 1;
                }
                if column >= MAX_COLUMNS {
                    break;
                }
                let down = cell.rows.clamp(1, MAX_ROW_SPAN).min(height - r);
                let across = cell.columns.clamp(1, MAX_COLUMNS - column);
                let end = column + across;
                if line.len() < end {
                    line.resize(end, String::new());
                }
                if reach.len() < end {
                    reach.resize(end, 0);
                    first_row.resize(end, None);
                }
                if let Some(slot) = line.get_mut(column) {
                    *slot = cell.text;
                }
                for c in column..end {
                    if let (Some(rows), Some(first)) = (reach.get_mut(c), first_row.get_mut(c)) {
                        *rows = down - 1;
                        // Only the merged cell's first column gives its
                        // value to the cells below.
                        *first = (c == column).then_some(r + 1);
                    }
                }
                column = end;
            }
            while line.last().is_some_and(String::is_empty) {
                line.pop();
            }
            out.push(line);
        }
        Grid {
            rows: out,
            merges: Merges {
                covered,
                hidden: Vec::new(),
            },
        }
    }

    /// The rows of cells.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// Which cells lie under a merged cell.
    pub fn merges(&self) -> &Merges {
        &self.merges
    }

    /// The table as tab-separated text, a line per row (so that row `n` of
    /// the text is row `n` of the table), cells quoted where they hold a
    /// tab, a line break or a quote.
    pub fn text(&self) -> String {
        tsv(self.rows.iter().map(|row| row.iter().map(String::as_str)))
    }

    /// Lays out a workbook's sheet: its cells row by row (row `n` of the
    /// sheet, from 0, is `rows[n]`), the merged ranges its file lists, and
    /// the rows it hides (from 0). A cell covered by a merged range takes
    /// nothing of its own, as on screen and on the clipboard: a file may
    /// keep an old value under a merge, which no one sees. Ranges are
    /// clipped to the sheet and to [`MAX_COLUMNS`].
    pub fn from_cells(
        mut rows: Vec<Vec<String>>,
        regions: &[Region],
        hidden: impl IntoIterator<Item = usize>,
    ) -> Result<Grid, LayoutError> {
        let height = rows.len();
        let mut covered = Vec::new();
        for region in regions {
            let (top, bottom) = (region.rows.0, region.rows.1.min(height.saturating_sub(1)));
            let (left, right) = (region.columns.0, region.columns.1.min(MAX_COLUMNS - 1));
            if top > bottom || left > right {
                continue;
            }
            for row in top..=bottom {
                if row > top {
                    if covered.len() == MAX_COVERED {
                        return Err(LayoutError::TooManyMerged);
                    }
                    covered.push((row + 1, left, top + 1));
                }
                let Some(cells) = rows.get_mut(row) else {
                    continue;
                };
                let start = if row == top { left + 1 } else { left };
                for cell in cells.iter_mut().take(right + 1).skip(start) {
                    cell.clear();
                }
            }
        }
        covered.sort_unstable();
        covered.dedup_by_key(|&mut (row, column, _)| (row, column));
        for cells in &mut rows {
            cells.truncate(cells.len().min(MAX_COLUMNS));
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
        }
        let mut hidden: Vec<usize> = hidden
            .into_iter()
            .filter(|&row| row < height)
            .map(|row| row + 1)
            .collect();
        hidden.sort_unstable();
        hidden.dedup();
        Ok(Grid {
            rows,
            merges: Merges { covered, hidden },
        })
    }

    /// The text and the merges, for the importer.
    pub fn into_parts(self) -> (String, Merges) {
        let text = self.text();
        (text, self.merges)
    }
}

impl Merges {
    /// The first row of the merged cell that the cell at `row` (from 1) and
    /// `column` (from 0) lies under, in that cell's first column; `None`
    /// for a cell under no merged cell.
    pub fn above(&self, row: usize, column: usize) -> Option<usize> {
        self.covered
            .binary_search_by(|&(r, c, _)| (r, c).cmp(&(row, column)))
            .ok()
            .and_then(|at| self.covered.get(at))
            .map(|&(_, _, first)| first)
    }

    /// True when no cell lies under a merged cell.
    pub fn is_empty(&self) -> bool {
        self.covered.is_empty()
    }

    /// The rows (from 1) the workbook hides, ascending.
    pub fn hidden(&self) -> &[usize] {
        &self.hidden
    }

    /// The cells under merged cells as `(row, column, first row)`, sorted
    /// (the form [`Merges`] is saved in).
    pub fn covered(&self) -> &[(usize, usize, usize)] {
        &self.covered
    }

    /// Merges from their saved lists ([`covered`](Merges::covered) and
    /// [`hidden`](Merges::hidden)): `None` unless both are in order, each
    /// cell and row listed once, and each cell below its merged cell's
    /// first row, as this type always makes them.
    pub fn from_lists(covered: Vec<(usize, usize, usize)>, hidden: Vec<usize>) -> Option<Merges> {
        let cells_in_order = covered
            .windows(2)
            .all(|pair| (pair[0].0, pair[0].1) < (pair[1].0, pair[1].1));
        let below = covered
            .iter()
            .all(|&(row, _, first)| first >= 1 && first < row);
        let rows_in_order = hidden.windows(2).all(|pair| pair[0] < pair[1]);
        (cells_in_order && below && rows_in_order).then_some(Merges { covered, hidden })
    }
}

/// Writes rows of cells as tab-separated text, a line per row, a cell in
/// quotes where it needs them (as the `csv` crate quotes). An empty row is
/// an empty line.
pub(crate) fn tsv<'a, R, C>(rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = &'a str>,
{
    let mut out = Records::new(b'\t', "\n");
    for row in rows {
        let mut cells = row.into_iter().peekable();
        if cells.peek().is_none() {
            out.blank();
        } else {
            out.record(cells);
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned(text: &str, rows: usize, columns: usize) -> Spanned {
        Spanned {
            text: text.to_string(),
            rows,
            columns,
        }
    }

    #[test]
    fn cells_go_round_the_cells_reaching_down_from_above() {
        // Row 1: 序号 and 名称 each span two rows; 基本情况 spans two columns.
        // Row 2: its two cells go under 基本情况, past the two taken columns.
        let grid = Grid::from_spans(vec![
            vec![
                spanned("序号", 2, 1),
                spanned("名称", 2, 1),
                spanned("基本情况", 1, 2),
            ],
            vec![Spanned::text("主办单位"), Spanned::text("层级")],
            vec![
                Spanned::text("1"),
                Spanned::text("长兴发布"),
                spanned("县委宣传部", 2, 1),
                Spanned::text("县级部门"),
            ],
            vec![
                Spanned::text("2"),
                Spanned::text("长兴交警"),
                Spanned::text("县级部门"),
            ],
        ]);
        assert_eq!(
            grid.rows(),
            &[
                vec!["序号", "名称", "基本情况"],
                vec!["", "", "主办单位", "层级"],
                vec!["1", "长兴发布", "县委宣传部", "县级部门"],
                vec!["2", "长兴交警", "", "县级部门"],
            ]
        );
        assert_eq!(grid.merges().above(2, 0), Some(1));
        assert_eq!(grid.merges().above(2, 1), Some(1));
        // Beside a merged cell, not under its first column: nothing.
        assert_eq!(grid.merges().above(2, 3), None);
        assert_eq!(grid.merges().above(4, 2), Some(3));
        assert_eq!(grid.merges().above(4, 3), None);
        assert_eq!(
            grid.text(),
            "序号\t名称\t基本情况\n\t\t主办单位\t层级\n1\t长兴发布\t县委宣传部\t县级部门\n2\t长兴交警\t\t县级部门\n"
        );
    }

    #[test]
    fn merges_that_overlap_in_rows_are_all_found() {
        // Column 2 is merged over rows 1–3, column 0 over rows 2–3: row 3
        // lies under both, a later merge in an earlier column.
        let grid = Grid::from_spans(vec![
            vec![Spanned::text("a"), Spanned::text("b"), spanned("c", 3, 1)],
            vec![spanned("d", 2, 1), Spanned::text("e")],
            vec![Spanned::text("f")],
        ]);
        assert_eq!(grid.rows()[2], vec!["", "f"]);
        assert_eq!(grid.merges().above(2, 2), Some(1));
        assert_eq!(grid.merges().above(3, 0), Some(2));
        assert_eq!(grid.merges().above(3, 2), Some(1));
        assert_eq!(grid.merges().above(3, 1), None);
        let covered = &grid.merges().covered;
        assert!(
            covered.windows(2).all(|pair| pair[0] < pair[1]),
            "{covered:?}"
        );
    }

    #[test]
    fn spans_are_clipped_to_the_table() {
        // A rowspan past the last row, and a colspan past the limit.
        let grid = Grid::from_spans(vec![
            vec![spanned("甲", 65_534, 1), spanned("乙", 1, 5_000)],
            vec![Spanned::text("丙")],
        ]);
        assert_eq!(grid.rows()[0].len(), 2);
        assert_eq!(grid.rows()[1], vec!["", "丙"]);
        assert_eq!(grid.merges().above(2, 0), Some(1));
        assert_eq!(grid.merges().above(3, 0), None);
        assert!(Grid::from_spans(vec![]).merges().is_empty());
    }

    fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|cell| cell.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_sheets_merged_ranges_cover_their_cells_and_old_values_under_them_go() {
        // Rows from 0: A1:C1 is a title merged across; B3:B5 a unit merged
        // down, with a stale value left in B4 under it; row 4 (from 0) hidden.
        let grid = Grid::from_cells(
            cells(&[
                &["某县清单", "旧", ""],
                &["名称", "主办单位", "粉丝数"],
                &["长兴发布", "县委宣传部", "10"],
                &["长兴新闻", "旧单位", "20"],
                &["长兴文明", "", "30"],
            ]),
            &[
                Region {
                    rows: (0, 0),
                    columns: (0, 2),
                },
                Region {
                    rows: (2, 4),
                    columns: (1, 1),
                },
            ],
            [4, 99],
        )
        .unwrap();
        assert_eq!(grid.rows()[0], vec!["某县清单"]);
        assert_eq!(grid.rows()[3], vec!["长兴新闻", "", "20"]);
        // Spreadsheet rows 4 and 5 lie under row 3's 县委宣传部 (column 1).
        assert_eq!(grid.merges().above(4, 1), Some(3));
        assert_eq!(grid.merges().above(5, 1), Some(3));
        assert_eq!(grid.merges().above(3, 1), None);
        // Beside the title's first column: nothing.
        assert_eq!(grid.merges().above(1, 1), None);
        // Row 4 from 0 is spreadsheet row 5; row 99 is past the sheet.
        assert_eq!(grid.merges().hidden(), &[5]);
    }

    #[test]
    fn a_sheets_ranges_are_clipped_and_bounded() {
        // A range far past the sheet's last row and column is clipped to it.
        let grid = Grid::from_cells(
            cells(&[&["甲", "乙"], &["丙", "丁"]]),
            &[Region {
                rows: (0, 1_000_000),
                columns: (0, 20_000),
            }],
            [],
        )
        .unwrap();
        assert_eq!(grid.rows(), &[vec!["甲".to_string()], vec![]]);
        assert_eq!(grid.merges().above(2, 0), Some(1));
        // More covered cells than any list has is refused, not listed.
        let tall = vec![vec!["x".to_string()]; MAX_COVERED + 2];
        let region = Region {
            rows: (0, MAX_COVERED + 1),
            columns: (0, 0),
        };
        assert_eq!(
            Grid::from_cells(tall, &[region], []),
            Err(LayoutError::TooManyMerged)
        );
    }

    #[test]
    fn merges_come_back_from_their_lists_only_as_made() {
        let grid = Grid::from_cells(
            cells(&[&["名称", "单位"], &["甲", "县委"], &["乙", ""]]),
            &[Region {
                rows: (1, 2),
                columns: (1, 1),
            }],
            [2],
        )
        .unwrap();
        let merges = grid.merges();
        let back = Merges::from_lists(merges.covered().to_vec(), merges.hidden().to_vec());
        assert_eq!(back.as_ref(), Some(merges));
        // Out of order, listed twice, or above its own first row: refused.
        assert_eq!(Merges::from_lists(vec![(3, 1, 2), (3, 0, 2)], vec![]), None);
        assert_eq!(Merges::from_lists(vec![(3, 1, 2), (3, 1, 2)], vec![]), None);
        assert_eq!(Merges::from_lists(vec![(2, 1, 2)], vec![]), None);
        assert_eq!(Merges::from_lists(vec![], vec![4, 4]), None);
    }

    #[test]
    fn cells_that_need_it_are_quoted_and_empty_rows_are_lines() {
        let grid = Grid::from_spans(vec![
            vec![Spanned::text("名称"), Spanned::text("备注")],
            vec![],
            vec![Spanned::text("长兴\n发布"), Spanned::text("他说\"好\"\t")],
        ]);
        assert_eq!(
            grid.text(),
            "名称\t备注\n\n\"长兴\n发布\"\t\"他说\"\"好\"\"\t\"\n"
        );
    }
}
