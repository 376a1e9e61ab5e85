#![cfg(not(target_arch = "wasm32"))]
//! Whole files through the importer, each with the accounts and diagnostics
//! it must give. The fixtures are in `tests/fixtures/`.

mod common;
use common::{fixture, n};

use jianfu::core::account::{Account, Decision, Field, Figure, Level, Staffing};
use jianfu::core::date::{Date, LastPost};
use jianfu::core::diagnostic::{Expected, Problem, RowList, Severity};
use jianfu::core::import::{import_records, import_text, Context, Import};
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};
use jianfu::core::values::Fault;

fn point(text: &str) -> Figure {
    Span::point(n(text)).into()
}

fn range(low: &str, high: &str) -> Figure {
    Span::new(n(low), n(high)).into()
}

fn day(y: i32, m: u32, d: u32) -> Option<LastPost> {
    Date::from_ymd(y, m, d).map(LastPost::On)
}

/// An account as expected: named, with its level, everything else missing.
fn account(row: usize, name: &str, unit: &str, level: Level, inferred: bool) -> Account {
    let mut account = Account::named(row, name);
    account.unit = unit.into();
    account.level = level;
    account.level_inferred = inferred;
    account
}

/// `(row, column, value, problem)` of every diagnostic.
fn diagnostics(import: &Import) -> Vec<(usize, &str, &str, Problem)> {
    import
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.order(),
                d.column().unwrap_or(""),
                d.value.as_str(),
                d.problem.clone(),
            )
        })
        .collect()
}

fn assert_accounts(import: &Import, expected: &[Account]) {
    assert_eq!(
        import.accounts.len(),
        expected.len(),
        "{:#?}",
        import.accounts
    );
    for (got, want) in import.accounts.iter().zip(expected) {
        assert_eq!(got, want, "row {}", want.row);
    }
}

#[test]
fn excel_tsv_with_multi_line_cells_and_a_totals_row() {
    let import = import_text(&fixture("excel.tsv"));

    let mut changxing = account(2, "长兴发布", "县委宣传部", Level::County, false);
    changxing.followers = point("100001");
    changxing.posts_per_week = point("7");
    changxing.staffing = Some(Staffing::Dedicated);
    changxing.last_post = day(2019, 4, 18);
    changxing.decision = Some(Decision::Keep);

    let mut police = account(3, "长兴交警", "县公安局交通警察大队", Level::County, false);
    police.followers = point("12000");
    police.posts_per_week = range("2", "3");
    police.staffing = Some(Staffing::PartTime);
    police.last_post = day(2019, 4, 1);

    let mut town = account(4, "李家巷镇", "李家巷镇人民政府", Level::Township, false);
    town.followers = point("3456");
    town.posts_per_week = point("7");
    town.staffing = Some(Staffing::PartTime);
    town.outsourcing_fee = point("200000");
    town.last_post = day(2019, 3, 1);

    let mut village = account(5, "新川村", "李家巷镇新川村", Level::Village, false);
    village.followers = point("480");
    village.posts_per_week = point("1");
    village.staffing = Some(Staffing::PartTime);
    village.last_post = day(2019, 1, 5);
    village.decision = Some(Decision::Merge);

    // 农业农村局 is a county department, though its name contains 村.
    let mut farming = account(6, "长兴农业农村", "县农业农村局", Level::County, true);
    farming.followers = point("800");
    farming.posts_per_week = point("2");
    farming.staffing = Some(Staffing::Outsourced);
    farming.outsourcing_fee = point("2895000");
    farming.last_post = day(2018, 12, 1);
    farming.decision = Some(Decision::Close);

    let mut community = account(7, "画溪\"邻里\"社区", "画溪街道", Level::Village, true);
    community.posts_per_week = point("1");
    community.staffing = Some(Staffing::Outsourced);
    // ¥ states yuan, so the column's 万元 does not apply.
    community.outsourcing_fee = point("20000");
    community.unreadable = [Field::Followers].into_iter().collect();

    assert_accounts(
        &import,
        &[changxing, police, town, village, farming, community],
    );
    assert_eq!(
        diagnostics(&import),
        vec![
            (
                7,
                "粉丝数",
                "很多",
                Problem::Cell {
                    field: Field::Followers,
                    expected: Expected::Count,
                    fault: Fault::Unreadable,
                }
            ),
            (8, "", "合计", Problem::TotalsRow),
        ]
    );
    assert_eq!(
        import.diagnostics[0].message(Lang::Zh),
        "第7行「粉丝数」列的“很多”无法识别：应为数字，如 1,234、1.2万 或 10万+。已按缺失处理。"
    );
    assert_eq!(import.diagnostics[1].severity, Severity::Notice);
    // 289.50万元 is exact: it prints back as 289.5万 × 10,000, not 289.4999.
    let fee = import.accounts[4].outsourcing_fee.span().unwrap().low;
    assert_eq!((fee / Num::int(10_000)).to_string(), "289.5");
}

#[test]
fn english_header_csv() {
    let import = import_text(&fixture("english.csv"));

    let mut release = account(
        2,
        "Changxing Release",
        "Propaganda Department",
        Level::County,
        false,
    );
    release.followers = point("12000");
    release.posts_per_week = range("2", "3");
    release.hours_per_post = range("2", "3");
    release.staff = point("1");
    release.staffing = Some(Staffing::PartTime);
    release.other_cost = point("500");
    release.avg_reads = point("350");
    release.last_post = day(2019, 4, 10);
    release.decision = Some(Decision::Keep);

    let mut town = account(
        3,
        "Lijiaxiang Town, Official",
        "Lijiaxiang Town Government",
        Level::Township,
        false,
    );
    town.followers = point("980");
    town.posts_per_week = point("7");
    town.hours_per_post = point("3");
    town.staff = range("4", "5");
    town.staffing = Some(Staffing::Dedicated);
    town.outsourcing_fee = point("0");
    town.avg_reads = point("120");
    town.last_post = day(2019, 3, 15);

    let mut village = account(
        4,
        "Xinchuan Village",
        "Lijiaxiang Town",
        Level::Village,
        false,
    );
    village.followers = point("300");
    village.posts_per_week = point("1");
    village.hours_per_post = point("2");
    village.staff = point("1");
    village.staffing = Some(Staffing::PartTime);
    village.last_post = day(2019, 1, 2);
    village.decision = Some(Decision::Merge);
    village.merge_into = "Lijiaxiang Town, Official".to_string();

    let mut park = account(
        5,
        "Eco Park",
        "Development Zone Committee",
        Level::County,
        true,
    );
    park.followers = point("5000");
    park.posts_per_week = point("3");
    park.hours_per_post = point("1.5");
    park.staff = point("2");
    park.staffing = Some(Staffing::Outsourced);
    park.outsourcing_fee = point("200000");
    park.avg_reads = point("1001");
    park.last_post = day(2019, 4, 15);

    // Its unit and staffing cells are empty under filled ones: in text
    // (which has no merges to say otherwise) that reads as cells merged
    // down, filled with a notice each. Its level is left to inference.
    let mut broken = account(
        6,
        "Broken Row",
        "Development Zone Committee",
        Level::County,
        true,
    );
    broken.posts_per_week = point("7");
    broken.staffing = Some(Staffing::Outsourced);
    broken.unreadable = [Field::Followers, Field::Decision].into_iter().collect();

    assert_accounts(&import, &[release, town, village, park, broken]);
    assert_eq!(
        diagnostics(&import),
        vec![
            (
                6,
                "followers",
                "lots",
                Problem::Cell {
                    field: Field::Followers,
                    expected: Expected::Count,
                    fault: Fault::Unreadable,
                }
            ),
            (
                6,
                "decision",
                "maybe",
                Problem::Cell {
                    field: Field::Decision,
                    expected: Expected::Decision,
                    fault: Fault::Unreadable,
                }
            ),
            (
                6,
                "unit",
                "Development Zone Committee",
                Problem::Filled {
                    field: Field::Unit,
                    rows: RowList::of(6),
                    merged: false,
                }
            ),
            (
                6,
                "staffing",
                "外包",
                Problem::Filled {
                    field: Field::Staffing,
                    rows: RowList::of(6),
                    merged: false,
                }
            ),
            (7, "", "Total", Problem::TotalsRow),
        ]
    );
    assert_eq!(
        import.diagnostics[1].message(Lang::En),
        "Row 6, column “decision”: could not read “maybe”; expected 保留 (keep), 关停 (close) \
         or 归并 (merge). Treated as missing: the rules recommend a decision."
    );
}

#[test]
fn unknown_columns_in_scrambled_order() {
    let import = import_text(&fixture("scrambled.tsv"));
    // 月发布次数 is per month: × 12 / 52, exactly.
    let monthly = |k: i64| Figure::from(Span::point(Num::int(k) * Num::int(12) / Num::int(52)));

    let mut release = account(2, "长兴发布", "县委宣传部", Level::County, false);
    release.posts_per_week = monthly(12);
    release.followers = point("3200");
    release.hours_per_post = point("2");
    release.staffing = Some(Staffing::PartTime);
    release.outsourcing_fee = point("0");

    let mut community = account(3, "画溪社区", "画溪街道", Level::Village, true);
    community.posts_per_week = monthly(4);
    community.followers = point("150");
    community.hours_per_post = point("0.5");
    community.staffing = Some(Staffing::PartTime);

    // 乡村振兴局 is a county department, not a village or a township.
    let mut revival = account(4, "乡村振兴在线", "县乡村振兴局", Level::County, true);
    revival.posts_per_week = point("0");
    revival.followers = point("90");
    revival.hours_per_post = point("1");
    revival.staffing = Some(Staffing::Outsourced);
    revival.outsourcing_fee = point("55000");

    let mut town = account(5, "李家巷发布", "李家巷镇", Level::Township, false);
    town.posts_per_week = point("6");
    town.followers = point("800");
    town.hours_per_post = range("1.5", "2");
    town.staffing = Some(Staffing::Outsourced);
    town.outsourcing_fee = point("200000");

    assert_accounts(&import, &[release, community, revival, town]);
    assert_eq!(
        diagnostics(&import),
        vec![(5, "", "多余", Problem::ExtraCells { count: 1 })]
    );
}

fn check_gb18030_accounts(import: &Import) {
    let mut release = account(2, "长兴发布", "县委宣传部", Level::County, false);
    release.followers = point("25000");
    release.posts_per_week = point("3");
    release.last_post = day(2019, 4, 18);

    let mut town = account(3, "和平镇发布", "和平镇", Level::Township, false);
    town.followers = point("1500");
    town.posts_per_week = range("2", "3");
    town.outsourcing_fee = point("80000");
    town.last_post = day(2019, 4, 2);

    let mut township = account(4, "吕山乡", "吕山乡人民政府", Level::Township, true);
    township.followers = point("600");
    township.posts_per_week = range("1", "2");
    township.last_post = day(2019, 2, 28);

    assert_accounts(import, &[release, town, township]);
    assert_eq!(
        diagnostics(import),
        vec![(5, "", "总计", Problem::TotalsRow)]
    );
}

/// The browser decodes `gb18030.csv` (it is not UTF-8) and must get the
/// same accounts as its UTF-8 twin gives here.
#[test]
fn gb18030_file_and_its_utf8_twin() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let gb = std::fs::read(format!("{dir}/gb18030.csv")).unwrap();
    let utf8 = fixture("gb18030.utf8.csv");
    assert!(
        std::str::from_utf8(&gb).is_err(),
        "the GB18030 file must not be UTF-8"
    );
    assert!(gb.len() < utf8.len(), "two bytes a character, not three");
    check_gb18030_accounts(&import_text(&utf8));
}

#[test]
fn records_give_the_same_accounts_as_text() {
    let text = fixture("gb18030.utf8.csv");
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    // Re-read the rows with the csv crate to honour the quoted commas.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let records: Vec<Vec<(String, String)>> = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            header
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect();
    check_gb18030_accounts(&import_records(&records, &Context::default()));
}
