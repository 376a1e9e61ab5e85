#![cfg(not(target_arch = "wasm32"))]
//! Sheets laid out as county and township offices lay them out, as Excel
//! copies them to the clipboard as text: a title, a 填报单位 line, a
//! two-row header, section headings, units and levels merged down over
//! their accounts, 小计 and 合计 rows, footers, mixed platforms, bounded
//! wording, dates without a year, phrases, Traditional characters.
//!
//! Each sheet's figures were worked out by hand from SPEC §4, row by row,
//! independently of this code: `tests/fixtures/sheets/NAME.md` shows the
//! arithmetic, `NAME.expected.json` the results this test holds the
//! importer and estimate to. `scripts/make_sheets.py` made the sheets (a
//! real `.xlsx` with openpyxl, and what Excel puts on the clipboard as text
//! and as HTML; the HTML is read in the browser tests).

mod common;
use common::{as_of, fixture, run};

use jianfu::core::account::{Field, Level, Platform};
use jianfu::core::diagnostic::{Problem, Severity};
use jianfu::core::estimate::{Estimate, GroupSummary, Overrides};
use jianfu::core::import::{import, Context, Import};
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};
use jianfu::core::values::Fault;
use serde_json::Value;

fn read(name: &str) -> (Import, Estimate) {
    let import = import(
        &fixture(&format!("sheets/{name}.tsv")),
        &Context::as_of(as_of()),
    );
    let estimate = run(&import.accounts, &Overrides::new());
    (import, estimate)
}

/// A number of the JSON as an exact `Num` (the hand-worked figures have at
/// most one decimal).
fn num(value: &Value) -> Num {
    Num::parse_decimal(&value.to_string()).unwrap_or_else(|| panic!("{value}"))
}

fn span(value: &Value) -> Span {
    match value.as_array() {
        Some(ends) => Span::new(num(&ends[0]), num(&ends[1])),
        None => Span::point(num(value)),
    }
}

fn level(key: &str) -> Level {
    match key {
        "county" => Level::County,
        "township" => Level::Township,
        "village" => Level::Village,
        other => panic!("{other}"),
    }
}

fn platform(key: &str) -> Platform {
    Platform::ALL
        .into_iter()
        .find(|p| p.key() == key)
        .unwrap_or_else(|| panic!("{key}"))
}

/// The totals of a level or platform against the hand-worked ones.
fn check_group(got: &GroupSummary, want: &Value, what: &str) {
    assert_eq!(
        got.before as u64,
        want["before"].as_u64().unwrap(),
        "{what} before"
    );
    assert_eq!(
        got.after as u64,
        want["after"].as_u64().unwrap(),
        "{what} after"
    );
    assert_eq!(
        got.hours_freed,
        span(&want["hoursFreed"]),
        "{what} hours freed"
    );
    assert_eq!(
        got.cash_saved,
        span(&want["cashSaved"]),
        "{what} cash saved"
    );
}

/// Every account, every total, and the rows that are not accounts, against
/// `expected`.
fn check(import: &Import, estimate: &Estimate, expected: &Value) {
    let want = expected["accounts"].as_array().unwrap();
    let got = &estimate.accounts;
    let rows = |accounts: &[Value]| -> Vec<u64> {
        accounts
            .iter()
            .map(|a| a["row"].as_u64().unwrap())
            .collect()
    };
    let got_rows: Vec<u64> = got.iter().map(|a| a.row as u64).collect();
    assert_eq!(got_rows, rows(want), "the rows read as accounts");
    for (r, w) in got.iter().zip(want) {
        let row = r.row;
        assert_eq!(&*r.name, w["name"].as_str().unwrap(), "row {row} name");
        assert_eq!(&*r.unit, w["unit"].as_str().unwrap(), "row {row} unit");
        assert_eq!(
            r.level,
            level(w["level"].as_str().unwrap()),
            "row {row} level"
        );
        assert_eq!(
            r.platform,
            platform(w["platform"].as_str().unwrap()),
            "row {row} platform"
        );
        let decision = serde_json::to_value(r.decision).unwrap();
        assert_eq!(decision, w["decision"], "row {row} decision");
        let rule = serde_json::to_value(r.rule).unwrap();
        assert_eq!(rule, w["rule"], "row {row} rule");
        assert_eq!(r.figures.hours, span(&w["hours"]), "row {row} hours");
        assert_eq!(
            r.hours_freed,
            span(&w["hoursFreed"]),
            "row {row} hours freed"
        );
        assert_eq!(r.figures.cash, span(&w["cash"]), "row {row} cash");
        assert_eq!(r.cash_saved, span(&w["cashSaved"]), "row {row} cash saved");
    }

    let s = &estimate.summary;
    let w = &expected["summary"];
    let count = |key: &str| w[key].as_u64().unwrap() as usize;
    assert_eq!(s.accounts_total, count("accountsTotal"));
    assert_eq!(s.accounts_shut, count("accountsShut"));
    assert_eq!(s.accounts_closed, count("accountsClosed"));
    assert_eq!(s.accounts_merged, count("accountsMerged"));
    assert_eq!(s.accounts_kept, count("accountsKept"));
    assert_eq!(s.hours_freed, span(&w["hoursFreed"]));
    assert_eq!(s.cash_saved, span(&w["cashSaved"]));
    for key in ["county", "township", "village"] {
        check_group(s.by_level.get(level(key)), &w["byLevel"][key], key);
    }
    // Platforms the sheet has are as worked out; the others hold nothing.
    for p in Platform::ALL {
        match w["byPlatform"].get(p.key()) {
            Some(totals) => check_group(s.by_platform.get(p), totals, p.key()),
            None => assert_eq!(s.by_platform.get(p).before, 0, "{}", p.key()),
        }
    }

    // The rows that are not accounts are each reported as what they are.
    for skipped in expected["not_accounts"].as_array().unwrap() {
        let row = skipped["row"].as_u64().unwrap() as usize;
        let kind = skipped["kind"].as_str().unwrap();
        let found = import.diagnostics.iter().any(|d| {
            d.row() == Some(row)
                && matches!(
                    (kind, &d.problem),
                    ("title", Problem::TitleRow)
                        | ("note" | "footer", Problem::NoteRow)
                        | ("group", Problem::GroupRow)
                        | ("heading", Problem::Heading { .. })
                        | ("totals", Problem::TotalsRow)
                )
        });
        let blank = kind == "blank";
        assert!(
            found || blank,
            "row {row} ({kind}) is reported: {:#?}",
            import.diagnostics
        );
    }
    // Nothing went wrong: every diagnostic is a notice of what was read.
    let problems: Vec<_> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Notice)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A workbook fixture read as the page reads it: the sheet naming the most
/// fields, laid out with the file's own merges and hidden rows.
fn read_workbook(path: &str) -> (Import, Estimate) {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let workbook = jianfu_reader::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    let sheet = &workbook.sheets[workbook.chosen];
    let (text, merges) = sheet.grid.clone().unwrap().into_parts();
    let context = Context {
        as_of: Some(as_of()),
        merges: Some(merges),
    };
    let import = import(&text, &context);
    let estimate = run(&import.accounts, &Overrides::new());
    (import, estimate)
}

/// The rows the import says the workbook hides.
fn hidden_rows(import: &Import) -> Vec<usize> {
    import
        .diagnostics
        .iter()
        .filter_map(|d| match &d.problem {
            Problem::HiddenRows { rows } => Some(rows.iter().collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn expected(name: &str) -> Value {
    serde_json::from_str(&fixture(&format!("sheets/{name}.expected.json"))).unwrap()
}

#[test]
fn a_county_list_with_every_layout_of_an_office() {
    let (import, estimate) = read("county");
    check(&import, &estimate, &expected("county"));
}

#[test]
fn a_township_list_with_platforms_after_the_names() {
    let (import, estimate) = read("township");
    check(&import, &estimate, &expected("township"));
}

#[test]
fn a_list_in_traditional_characters() {
    let (import, estimate) = read("traditional");
    check(&import, &estimate, &expected("traditional"));
}

#[test]
fn the_county_list_as_a_workbook_gives_the_figures_of_the_paste() {
    // county.xlsx is the workbook county.tsv was copied from (openpyxl,
    // scripts/make_sheets.py): the same hand-worked figures, with row 20
    // hidden in the workbook and named as such.
    let (import, estimate) = read_workbook("sheets/county.xlsx");
    check(&import, &estimate, &expected("county"));
    assert_eq!(hidden_rows(&import), vec![20]);
}

#[test]
fn the_county_list_saved_by_libreoffice_in_each_format_gives_the_same_figures() {
    // scripts/make_workbooks.py: LibreOffice's conversions of county.xlsx,
    // each with row 20 hidden.
    for path in [
        "workbooks/county.libreoffice.xlsx",
        "workbooks/county.ods",
        "workbooks/county.xls",
    ] {
        let (import, estimate) = read_workbook(path);
        check(&import, &estimate, &expected("county"));
        assert_eq!(hidden_rows(&import), vec![20], "{path}");
    }
}

#[test]
fn an_office_workbook_gives_the_figures_of_its_list_pasted() {
    // office.tsv is the list sheet as Excel copies it (its merged cells
    // empty); the workbook is read with the file's own merges. Both give
    // the same accounts and figures, and row 10's fee, =0.1+0.2, is 0.30
    // exactly however the file stores the double.
    let pasted = import(&fixture("workbooks/office.tsv"), &Context::as_of(as_of()));
    let pasted = run(&pasted.accounts, &Overrides::new());
    assert_eq!(pasted.accounts.len(), 11);
    for path in [
        "workbooks/office.xlsx",
        "workbooks/office.excel-float.xlsx",
        "workbooks/office.ods",
        "workbooks/office.xls",
    ] {
        let (import, got) = read_workbook(path);
        assert_eq!(got.accounts, pasted.accounts, "{path}");
        assert_eq!(got.summary, pasted.summary, "{path}");
        let fee = import.accounts.iter().find(|a| a.row == 10).unwrap();
        assert_eq!(
            fee.outsourcing_fee.span(),
            Some(Span::point(Num::parse_decimal("0.30").unwrap())),
            "{path}"
        );
        // Nothing went wrong: every diagnostic is a notice.
        assert!(
            import
                .diagnostics
                .iter()
                .all(|d| d.severity == Severity::Notice),
            "{path}: {:#?}",
            import.diagnostics
        );
    }
}

#[test]
fn a_formula_the_workbook_holds_no_value_for_is_named_not_read_as_blank() {
    // office.openpyxl.xlsx: openpyxl wrote =12000*2 (row 6) and =0.1+0.2
    // (row 10) with no cached value. Each fee is missing, with a warning
    // naming the row, the column and the formula.
    let (import, _) = read_workbook("workbooks/office.openpyxl.xlsx");
    let formulas: Vec<(Option<usize>, &str, String)> = import
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.problem,
                Problem::Cell {
                    fault: Fault::Formula,
                    ..
                }
            )
        })
        .map(|d| (d.row(), d.value.as_str(), d.message(Lang::Zh)))
        .collect();
    assert_eq!(formulas.len(), 2, "{formulas:#?}");
    assert_eq!((formulas[0].0, formulas[0].1), (Some(6), "=12000*2"));
    assert_eq!((formulas[1].0, formulas[1].1), (Some(10), "=0.1+0.2"));
    assert!(
        formulas[0]
            .2
            .contains("第6行「年外包费用（元）」列的“=12000*2”是公式"),
        "{}",
        formulas[0].2
    );
    let row6 = import.accounts.iter().find(|a| a.row == 6).unwrap();
    assert!(row6.unreadable.contains(Field::OutsourcingFee));
}
