//! The importer on small lists, each with the accounts and diagnostics it
//! must give.

use std::sync::Arc;

use super::*;
use crate::core::account::{Decision, Field, Level, Staffing};
use crate::core::diagnostic::{Expected, Severity};
use crate::core::lang::Lang;
use crate::core::num::{Num, Span};
use crate::core::values::Fault;

fn problems(import: &Import) -> Vec<(usize, Problem)> {
    import
        .diagnostics
        .iter()
        .map(|d| (d.order(), d.problem.clone()))
        .collect()
}

#[test]
fn rows_past_the_limit_are_counted_and_reported() {
    // MAX_ACCOUNTS + 3 accounts, then a blank line and a totals row:
    // the 3 extra accounts and the totals row are cut (4 rows), the
    // blank line is not a row worth reporting.
    let mut text = String::from("名称\t粉丝数\n");
    for i in 0..MAX_ACCOUNTS + 3 {
        text.push_str(&format!("号{i}\t{i}\n"));
    }
    text.push_str("\n合计\t1\n");
    let import = import_text(&text);
    assert_eq!(import.accounts.len(), MAX_ACCOUNTS);
    assert_eq!(
        problems(&import),
        vec![(
            0,
            Problem::TooManyRows {
                limit: MAX_ACCOUNTS,
                // The header is row 1, so account n is row n + 1.
                first_row: MAX_ACCOUNTS + 2,
                cut: 4,
            }
        )]
    );
    assert_eq!(
        import.diagnostics[0].message(Lang::Zh),
        "清单超过200,000个账号的上限：只计算了前200,000个，从第200002行起的4行未计入。请分批测算。"
    );
}

#[test]
fn reads_a_simple_paste() {
    let import = import_text("名称\t单位\t粉丝数\n长兴发布\t县委宣传部\t1.2万\n");
    assert_eq!(import.diagnostics, vec![]);
    let account = &import.accounts[0];
    assert_eq!(account.row, 2);
    assert_eq!(account.name, "长兴发布");
    assert_eq!(&*account.unit, "县委宣传部");
    assert_eq!(
        account.followers.span(),
        Some(Span::point(Num::int(12_000)))
    );
    assert_eq!(account.level, Level::County);
    assert!(account.level_inferred);
}

#[test]
fn accounts_of_one_unit_share_its_name() {
    let text = "名称\t主办单位\n甲\t县公安局\n乙\t 县公安局 \n丙\t\"县公安\n局\"\n丁\t-\n";
    let import = import_text(text);
    let units: Vec<&str> = import.accounts.iter().map(|a| &*a.unit).collect();
    // Trimmed, joined onto one line, and empty when missing.
    assert_eq!(units, ["县公安局", "县公安局", "县公安局", ""]);
    let [a, b, ..] = &import.accounts[..] else {
        panic!("four accounts");
    };
    assert!(Arc::ptr_eq(&a.unit, &b.unit), "one copy of the unit");
}

#[test]
fn unreadable_cells_keep_the_row() {
    let import = import_text("名称\t粉丝数\t层级\nA\t很多\t镇\nB\t-5\t未知的层\n");
    assert_eq!(import.accounts.len(), 2);
    assert_eq!(
        import.accounts[0].unreadable.iter().collect::<Vec<_>>(),
        vec![Field::Followers]
    );
    assert_eq!(import.accounts[0].level, Level::Township);
    assert!(!import.accounts[0].level_inferred);
    assert_eq!(
        import.accounts[1].unreadable.iter().collect::<Vec<_>>(),
        vec![Field::Level, Field::Followers]
    );
    assert!(import.accounts[1].level_inferred);
    assert_eq!(
        problems(&import),
        vec![
            (
                2,
                Problem::Cell {
                    field: Field::Followers,
                    expected: Expected::Count,
                    fault: Fault::Unreadable,
                }
            ),
            (
                3,
                Problem::Cell {
                    field: Field::Followers,
                    expected: Expected::Count,
                    fault: Fault::Negative,
                }
            ),
            (
                3,
                Problem::Cell {
                    field: Field::Level,
                    expected: Expected::Level,
                    fault: Fault::Unreadable,
                }
            ),
        ]
    );
    assert_eq!(import.diagnostics[0].column(), Some("粉丝数"));
    assert_eq!(import.diagnostics[0].value, "很多");
}

#[test]
fn totals_notes_titles_and_blank_rows() {
    let text = "长兴县政务微信公众号统计表\n序号\t名称\t粉丝数\n1\tA\t10\n\n2\t\t\n\t\t\n合 计\t\t10\n\t总计：\t\n备注：数据截至3月底\n";
    let import = import_text(text);
    assert_eq!(import.accounts.len(), 1);
    assert_eq!(
        problems(&import),
        vec![
            (1, Problem::TitleRow),
            (7, Problem::TotalsRow),
            (8, Problem::TotalsRow),
            (9, Problem::NoteRow),
        ]
    );
    assert_eq!(import.accounts[0].row, 3);
}

#[test]
fn header_below_a_title_block_with_a_date() {
    let import = import_text("填报单位：长兴县\t填报日期\t2019.4\n名称\t粉丝数\nA\t12\n");
    assert_eq!(import.accounts.len(), 1);
    assert_eq!(problems(&import), vec![(1, Problem::NoteRow)]);
    let import = import_text("长兴发布\t1200\t3\n长兴交警\t800\t2\n");
    assert_eq!(problems(&import), vec![(0, Problem::NoHeader)]);
}

#[test]
fn rows_without_names() {
    let import = import_text("名称\t粉丝数\t备注\nA\t1\t\n\t200\t\n\t\t看这里\n");
    assert_eq!(import.accounts.len(), 2);
    assert_eq!(import.accounts[1].name, "（第3行，无名称）");
    assert_eq!(
        problems(&import),
        vec![
            (
                3,
                Problem::MissingName {
                    placeholder: "（第3行，无名称）".into()
                }
            ),
            (4, Problem::NoAccountData),
        ]
    );
}

#[test]
fn duplicate_names_are_flagged_with_both_rows() {
    let import = import_text("名称\nA\nB\nA\n");
    assert_eq!(import.accounts.len(), 3);
    assert_eq!(
        problems(&import),
        vec![(4, Problem::DuplicateName { first_row: 2 })]
    );
    assert_eq!(import.diagnostics[0].severity, Severity::Warning);
}

#[test]
fn no_header_and_no_name_column() {
    let import = import_text("长兴发布\t县委宣传部\t1200\n");
    assert_eq!(problems(&import), vec![(0, Problem::NoHeader)]);
    assert!(import.accounts.is_empty());
    let import = import_text("单位\t粉丝数\n县委宣传部\t1200\n");
    assert_eq!(
        problems(&import),
        vec![(
            1,
            Problem::NoNameColumn {
                found: vec!["单位".into(), "粉丝数".into()]
            }
        )]
    );
    assert_eq!(import.diagnostics[0].severity, Severity::Error);
    assert_eq!(import_text(""), Import::default());
    // Blank lines are not a list, and the page says so.
    assert_eq!(
        problems(&import_text(" \n\t\n")),
        vec![(0, Problem::Blank { lines: 2 })]
    );
}

#[test]
fn yes_no_columns() {
    let import = import_text("名称\t是否外包\t是否关停\nA\t是\t否\nB\t否\t是\nC\t外包\t关停\n");
    let staffing: Vec<_> = import.accounts.iter().map(|a| a.staffing).collect();
    let decision: Vec<_> = import.accounts.iter().map(|a| a.decision).collect();
    assert_eq!(
        staffing,
        [
            Some(Staffing::Outsourced),
            Some(Staffing::PartTime),
            Some(Staffing::Outsourced)
        ]
    );
    assert_eq!(
        decision,
        [
            Some(Decision::Keep),
            Some(Decision::Close),
            Some(Decision::Close)
        ]
    );
    let import = import_text("名称\t是否外包\nA\t不知道\n");
    assert_eq!(
        problems(&import),
        vec![(
            2,
            Problem::Cell {
                field: Field::Staffing,
                expected: Expected::YesNo,
                fault: Fault::Unreadable,
            }
        )]
    );
}

#[test]
fn extra_cells_and_duplicate_columns() {
    let import = import_text("名称\t公众号名称\nA\tA2\textra\n");
    assert_eq!(import.accounts[0].name, "A");
    assert_eq!(
        problems(&import),
        vec![
            (
                1,
                Problem::DuplicateColumn {
                    field: Field::Name,
                    kept: "名称".into()
                }
            ),
            (2, Problem::ExtraCells { count: 1 }),
        ]
    );
}

#[test]
fn unclosed_quote_is_reported() {
    let import = import_text("名称\t粉丝数\nA\t\"12\nB\t13\n");
    assert_eq!(import.accounts.len(), 1);
    assert_eq!(
        import.diagnostics.last().map(|d| &d.problem),
        Some(&Problem::UnclosedQuote { lines: 1 })
    );
    assert_eq!(
        import.diagnostics.last().map(|d| d.message(Lang::Zh)),
        Some(
            "第2行「粉丝数」列有一个没有闭合的引号，其后1行都被读进了这一格（“12\nB\t13”）。请检查该单元格。"
                .to_string()
        )
    );
}

#[test]
fn records_take_the_same_path_as_text() {
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    let records = vec![
        vec![pair("name", "长兴发布"), pair("followers", "1,234")],
        vec![
            pair("followers", "很多"),
            pair("name", "A\tB\n\"C\""),
            pair("unit", "镇"),
        ],
        vec![],
    ];
    let import = import_records(&records, &Context::default());
    assert_eq!(import.accounts.len(), 2);
    assert_eq!(
        import.accounts[0].followers.span(),
        Some(Span::point(Num::int(1234)))
    );
    assert_eq!(import.accounts[1].row, 3);
    assert_eq!(import.accounts[1].name, "A\tB \"C\"");
    assert_eq!(&*import.accounts[1].unit, "镇");
    assert_eq!(import.accounts[1].level, Level::Township);
    assert_eq!(import.diagnostics.len(), 1);
    assert_eq!(import_records(&[], &Context::default()), Import::default());
}
