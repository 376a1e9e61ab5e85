//! The reader on real workbook files (`tests/fixtures/workbooks/`, made by
//! `scripts/make_workbooks.py` with openpyxl and LibreOffice) and on files
//! that must be refused with a message: encrypted, damaged, a zip bomb, a
//! sheet of a million rows, a file that only has a workbook's name.

use jianfu_core::lang::Lang;
use jianfu_reader::{read, Error, Workbook, MAX_FILE_BYTES, MAX_ROWS};

fn bytes(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/workbooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn workbook(name: &str) -> Workbook {
    read(&bytes(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// The chosen sheet's rows, cell by cell.
fn rows(book: &Workbook) -> Vec<Vec<String>> {
    book.sheets[book.chosen]
        .grid
        .as_ref()
        .unwrap()
        .rows()
        .to_vec()
}

#[test]
fn the_sheet_naming_most_fields_is_chosen_and_every_sheet_is_listed() {
    for name in [
        "office.xlsx",
        "office.ods",
        "office.xls",
        "office.openpyxl.xlsx",
    ] {
        let book = workbook(name);
        let listed: Vec<(&str, bool)> = book
            .sheets
            .iter()
            .map(|s| (s.name.as_str(), s.hidden))
            .collect();
        assert_eq!(
            listed,
            [
                ("填报说明", false),
                ("汇总", false),
                ("账号清单", false),
                ("旧版清单", true)
            ],
            "{name}"
        );
        // 账号清单 names the fields of 账号名称, 主办单位, 平台, 粉丝数,
        // 最近更新, 每周发布次数 and 年外包费用（元）; 汇总 names one (单位);
        // 旧版清单 as many as the list, but comes after it.
        assert_eq!(book.chosen, 2, "{name}");
        let list = &book.sheets[2];
        assert_eq!(list.rows, 18, "{name}: A1:H18");
        assert!(list.fields > book.sheets[1].fields, "{name}");
        assert_eq!(book.sheets[3].rows, 4, "{name}");
    }
}

#[test]
fn merged_cells_come_from_the_file_and_nothing_is_guessed() {
    for name in ["office.xlsx", "office.ods", "office.xls"] {
        let book = workbook(name);
        let grid = book.sheets[2].grid.as_ref().unwrap();
        // C5:C7 (县委宣传部), C8:C9, C13:C14, C15:C16: column 2 (from 0).
        for (row, first) in [(6, 5), (7, 5), (9, 8), (14, 13), (16, 15)] {
            assert_eq!(grid.merges().above(row, 2), Some(first), "{name} row {row}");
        }
        assert_eq!(grid.merges().above(5, 2), None, "{name}");
        assert_eq!(
            grid.merges().above(10, 2),
            None,
            "{name}: row 10 is its own unit"
        );
        // The title A1:H1 is merged across: row 1 is one cell.
        assert_eq!(grid.rows()[0].len(), 1, "{name}");
    }
}

#[test]
fn numbers_and_dates_are_the_files_own() {
    for name in [
        "office.xlsx",
        "office.ods",
        "office.xls",
        "office.excel-float.xlsx",
    ] {
        let rows = rows(&workbook(name));
        // Row 6 (from 1): =12000*2; row 8: 1234.56; row 10: =0.1+0.2, whose
        // double Excel stores as 0.30000000000000004 (office.excel-float).
        assert_eq!(rows[5][7], "24000", "{name}");
        assert_eq!(rows[7][7], "1234.56", "{name}");
        assert_eq!(rows[9][7], "0.3", "{name}");
        // Row 9's last post, a date cell (serial 43525).
        assert_eq!(rows[8][5], "2019-03-01", "{name}");
        assert_eq!(rows[4][5], "2019-04-18", "{name}");
        // 不足1000 is text and stays text.
        assert_eq!(rows[8][4], "不足1000", "{name}");
    }
}

#[test]
fn formulas_without_a_cached_value_are_given_as_formulas() {
    // openpyxl writes a formula with no cached value: there is nothing to
    // read but the formula, which the reader does not compute; the
    // importer names it.
    let rows = rows(&workbook("office.openpyxl.xlsx"));
    assert_eq!(rows[5][7], "=12000*2");
    assert_eq!(rows[9][7], "=0.1+0.2");
}

#[test]
fn hidden_rows_are_named() {
    for (name, want) in [
        ("office.xlsx", vec![11]),
        ("office.openpyxl.xlsx", vec![11]),
        ("office.ods", vec![11]),
    ] {
        let book = workbook(name);
        assert_eq!(
            book.sheets[2].grid.as_ref().unwrap().merges().hidden(),
            want.as_slice(),
            "{name}"
        );
    }
    // County's row 20, in each of its forms.
    for name in ["county.libreoffice.xlsx", "county.ods", "county.xls"] {
        let book = workbook(name);
        assert_eq!(
            book.sheets[book.chosen]
                .grid
                .as_ref()
                .unwrap()
                .merges()
                .hidden(),
            &[20],
            "{name}"
        );
    }
}

fn refused(name: &str) -> Error {
    match read(&bytes(name)) {
        Ok(_) => panic!("{name} was read"),
        Err(e) => e,
    }
}

#[test]
fn bad_files_are_refused_with_what_to_do() {
    assert_eq!(refused("bad/encrypted.xlsx"), Error::Encrypted);
    assert_eq!(refused("bad/encrypted.xls"), Error::Encrypted);
    assert!(matches!(refused("bad/truncated.xlsx"), Error::Corrupt(_)));
    assert!(matches!(refused("bad/lying.xlsx"), Error::Corrupt(_)));
    // Found by the fuzzer: office.xls with a FORMULA record whose formula
    // is cut short, on which calamine panics; refused before calamine.
    assert!(matches!(refused("bad/formula-cut.xls"), Error::Corrupt(_)));
    assert_eq!(refused("bad/not-a-workbook.xlsx"), Error::NotWorkbook);
    assert_eq!(refused("bad/renamed.xlsx"), Error::NotWorkbook);
    assert_eq!(refused("bad/not-excel.zip.xlsx"), Error::NotSpreadsheet);
    // 30 parts of 100 MB each declared: 3,145,728,000 bytes.
    assert_eq!(
        refused("bad/bomb.xlsx"),
        Error::Inflates {
            bytes: 30 * 100 * 1024 * 1024
        }
    );
    assert_eq!(
        refused("bad/million.xlsx"),
        Error::TooManyRows {
            sheet: "清单".into(),
            rows: 1_000_000
        }
    );
    let mut big = bytes("office.xlsx");
    big.resize(50 * 1024 * 1024, 0);
    assert_eq!(
        read(&big).unwrap_err(),
        Error::TooLarge {
            bytes: 50 * 1024 * 1024
        }
    );
    assert!(MAX_FILE_BYTES < big.len() && MAX_ROWS < 1_000_000);
    assert_eq!(read(b"").unwrap_err(), Error::NotWorkbook);
    assert_eq!(read(&zip_of("xl/workbook.bin")).unwrap_err(), Error::Xlsb);
}

#[test]
fn every_refusal_says_what_to_do_in_both_languages() {
    let errors = [
        Error::TooLarge {
            bytes: 50 * 1024 * 1024,
        },
        Error::Inflates { bytes: 3 << 30 },
        Error::Encrypted,
        Error::NotWorkbook,
        Error::NotSpreadsheet,
        Error::Xlsb,
        Error::Corrupt("invalid Zip archive".into()),
        Error::TooManyRows {
            sheet: "清单".into(),
            rows: 1_000_000,
        },
        Error::Empty,
        Error::TooManyMerged {
            sheet: "清单".into(),
        },
    ];
    for error in errors {
        let zh = error.message(Lang::Zh);
        let en = error.message(Lang::En);
        assert!(zh.ends_with('。'), "{zh}");
        assert!(en.ends_with('.'), "{en}");
    }
    // The limits are stated: 50 MB over 20 MB; 1,000,000 rows over 250,000.
    assert_eq!(
        Error::TooLarge { bytes: 50 * 1024 * 1024 }.message(Lang::Zh),
        "文件有 50 MB，超过上限 20 MB，未读取。账号清单通常不到 1 MB：请删去无关的工作表或图片后重试，或另存为 CSV。"
    );
    assert!(Error::TooManyRows {
        sheet: "清单".into(),
        rows: 1_000_000
    }
    .message(Lang::En)
    .contains("has 1,000,000 rows, over the limit of 250,000"));
}

/// A zip holding one empty part of this name (stored, written by hand).
fn zip_of(name: &str) -> Vec<u8> {
    let name = name.as_bytes();
    let n = name.len() as u16;
    let mut zip = Vec::new();
    // Local header: signature, version, flags, method (stored), time,
    // date, CRC, sizes, name length, extra length, name.
    zip.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&n.to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip.extend_from_slice(name);
    let directory = zip.len() as u32;
    // Central directory entry, pointing at offset 0.
    zip.extend_from_slice(&[0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&n.to_le_bytes());
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(name);
    let size = zip.len() as u32 - directory;
    // End of central directory: one entry.
    zip.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend_from_slice(&size.to_le_bytes());
    zip.extend_from_slice(&directory.to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip
}
