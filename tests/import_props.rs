#![cfg(not(target_arch = "wasm32"))]
//! Properties of the importer: it never panics, and it accounts for every
//! row (SPEC §2: "a row is never dropped silently").

use proptest::prelude::*;

use jianfu::core::import::{import_records, import_text, Context, Importer};
use jianfu::core::lang::Lang;
use jianfu::core::table::{Delimiter, Table};
use jianfu::core::values::is_missing;

/// Text made of the characters that matter to a table reader: delimiters,
/// quotes, line breaks, digits, units and totals words.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\t",
        ",",
        ";",
        "|",
        "\"",
        "\"\"",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\u{feff}",
        "\u{3000}",
        "\0",
        "名称",
        "粉丝数",
        "每周发布次数",
        "外包费用（万元）",
        "最近更新",
        "层级",
        "是否外包",
        "合计",
        "备注：",
        "1",
        "2~3",
        "-5",
        "1.2万",
        "10万+",
        "¥",
        "43525",
        "2019-03-01",
        "村",
        "镇",
        "无",
        "很多",
        "1e308",
        "NaN",
        "９",
        "（",
        "）",
        "[",
        "]",
        "/",
        "e",
        "+",
        "万",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|pieces| pieces.concat())
}

/// One generated data row: what kind it is, and its cells.
#[derive(Clone, Debug)]
struct Line {
    name: String,
    followers: String,
    posts: String,
    note: String,
    totals: bool,
}

fn line() -> impl Strategy<Value = Line> {
    // Names that are never missing markers, totals or notes.
    let name = prop_oneof![Just(String::new()), "[长兴发布镇村局县委宣传a-z]{1,6}",];
    let figure = prop_oneof![
        Just(String::new()),
        Just("-".to_string()),
        Just("无".to_string()),
        "[0-9]{1,7}",
        "[0-9,.万+约~-]{1,6}",
        Just("很多".to_string()),
    ];
    let note = prop_oneof![Just(String::new()), "[a-z ]{1,5}"];
    (
        name,
        figure.clone(),
        figure,
        note,
        prop::bool::weighted(0.1),
    )
        .prop_map(|(name, followers, posts, note, totals)| Line {
            name: if totals { "合计".to_string() } else { name },
            followers,
            posts,
            note,
            totals,
        })
}

/// True when the row must become exactly one account: not a totals row, not
/// a section heading, and either named or holding a recognised cell.
fn is_account(line: &Line) -> bool {
    !line.totals
        && !is_heading(line)
        && (!line.name.is_empty() || !is_missing(&line.followers) || !is_missing(&line.posts))
}

/// A row whose only text is a level's name, such as 村 (the only one the
/// names above can spell), is a section heading, not an account.
fn is_heading(line: &Line) -> bool {
    line.name == "村"
        && [&line.followers, &line.posts, &line.note]
            .iter()
            .all(|cell| cell.trim().is_empty())
}

fn table(lines: &[Line]) -> String {
    let mut text = String::from("名称\t粉丝数\t每周发布次数\t备注\n");
    for line in lines {
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            line.name, line.followers, line.posts, line.note
        ));
    }
    text
}

/// The records as the `csv` crate reads them, each cell checked as UTF-8.
fn csv_records(text: &str, delimiter: Delimiter) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    reader
        .records()
        .map_while(Result::ok)
        .map(|record| record.iter().map(String::from).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Cells borrowed from the text (records without quotes) and cells
    /// copied from the reader (records with quotes) are both exactly what
    /// the `csv` crate reads.
    #[test]
    fn rows_hold_the_cells_the_csv_crate_reads(text in tricky_text()) {
        for delimiter in Delimiter::ALL {
            let table = Table::with_delimiter(&text, delimiter);
            let rows: Vec<Vec<String>> = table
                .rows()
                .map(|row| row.cells().map(String::from).collect())
                .collect();
            prop_assert_eq!(rows, csv_records(table.text(), delimiter));
        }
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let import = import_text(&text);
        for d in &import.diagnostics {
            let _ = d.message(Lang::Zh);
            let _ = d.message(Lang::En);
        }
    }

    #[test]
    fn never_panics_on_tricky_text(text in tricky_text()) {
        let import = import_text(&text);
        for d in &import.diagnostics {
            let _ = d.message(Lang::Zh);
            let _ = d.message(Lang::En);
        }
        for account in &import.accounts {
            prop_assert!(account.row >= 1);
        }
    }

    #[test]
    fn every_data_row_becomes_one_account(lines in prop::collection::vec(line(), 0..40)) {
        let import = import_text(&table(&lines));
        let expected: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, line)| is_account(line))
            .map(|(index, _)| index + 2)
            .collect();
        let rows: Vec<usize> = import.accounts.iter().map(|a| a.row).collect();
        prop_assert_eq!(rows, expected);
        // Each totals row has its notice.
        let totals = lines.iter().filter(|line| line.totals).count();
        let notices = import
            .diagnostics
            .iter()
            .filter(|d| d.problem == jianfu::core::diagnostic::Problem::TotalsRow)
            .count();
        prop_assert_eq!(notices, totals);
    }

    /// The page reads long lists a slice at a time; any slicing must give
    /// exactly what reading in one go gives, on any text (CRLF split
    /// between slices, quotes spanning lines, blank lines included).
    #[test]
    fn reading_in_slices_changes_nothing(
        text in prop_oneof![tricky_text(), prop::collection::vec(line(), 0..30).prop_map(|l| table(&l))],
        crlf in any::<bool>(),
        slice in 1usize..5,
    ) {
        let text = if crlf { text.replace('\n', "\r\n") } else { text };
        let mut importer = Importer::new(&text);
        let mut slices = 0;
        while !importer.read(&text, slice) {
            slices += 1;
            prop_assert!(slices <= text.len() + 1, "reading must make progress");
        }
        prop_assert_eq!(importer.finish(), import_text(&text));
    }

    #[test]
    fn records_and_text_agree(lines in prop::collection::vec(line(), 0..20)) {
        let from_text = import_text(&table(&lines));
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        let records: Vec<Vec<(String, String)>> = lines
            .iter()
            .map(|line| {
                vec![
                    pair("名称", &line.name),
                    pair("粉丝数", &line.followers),
                    pair("每周发布次数", &line.posts),
                    pair("备注", &line.note),
                ]
            })
            .collect();
        let from_records = import_records(&records, &Context::default());
        prop_assert_eq!(from_text, from_records);
    }
}
