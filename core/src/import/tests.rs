//! The importer on small lists, each with the accounts and diagnostics it
//! must give.

use std::sync::Arc;

use super::*;
use crate::account::{Decision, Field, Level, Staffing};
use crate::diagnostic::{Expected, Severity};
use crate::lang::Lang;
use crate::num::{Num, Span};
use crate::testing::as_of;
use crate::values::Fault;

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

/// The as-of date of the tests that read dates against one.
fn with_as_of(text: &str) -> Import {
    import(text, &Context::as_of(as_of()))
}

/// The messages of the diagnostics, in Chinese.
fn messages(import: &Import) -> Vec<String> {
    import
        .diagnostics
        .iter()
        .map(|d| d.message(Lang::Zh))
        .collect()
}

#[test]
fn empty_grouping_cells_under_filled_ones_read_as_merged() {
    // As Excel copies units, levels and staffing merged down over their
    // accounts: the first row holds the value, the rows below are empty.
    let text = "名称\t主办单位\t层级\t运营方式\t粉丝数\n\
                平安长兴\t县公安局\t县级部门\t兼职\t5000\n\
                长兴交警\t\t\t\t800\n\
                长兴消防\t\t\t\t3000\n\
                新川村务\t李家巷镇新川村\t村\t兼职\t2000\n\
                新川党建\t\t\t\t1500\n";
    let import = import_text(text);
    let units: Vec<&str> = import.accounts.iter().map(|a| &*a.unit).collect();
    assert_eq!(
        units,
        [
            "县公安局",
            "县公安局",
            "县公安局",
            "李家巷镇新川村",
            "李家巷镇新川村"
        ]
    );
    let staffing: Vec<_> = import.accounts.iter().map(|a| a.staffing).collect();
    assert_eq!(staffing, [Some(Staffing::PartTime); 5]);
    // The levels: each filled row's unit says its level (县…局, …村), which
    // is read as a list with blank level cells means it.
    let levels: Vec<_> = import.accounts.iter().map(|a| a.level).collect();
    assert_eq!(
        levels,
        [
            Level::County,
            Level::County,
            Level::County,
            Level::Village,
            Level::Village
        ]
    );
    assert_eq!(
        messages(&import),
        [
            "第3–4、6行「主办单位」列为空，按合并单元格填充：取上方的值（如“县公安局”）。如不是合并单元格，请补填。",
            "第3–4、6行「运营方式」列为空，按合并单元格填充：取上方的值（如“兼职”）。如不是合并单元格，请补填。",
        ]
    );
}

#[test]
fn a_level_merged_down_fills_accounts_whose_names_say_nothing() {
    // 清溪文旅 and its unit name no level; the level above is taken.
    // 画溪社区 names its own (a village), which a blank cell does not hide.
    let text = "名称\t主办单位\t层级\n\
                清溪之窗\t清溪文旅集团\t乡镇\n\
                清溪文旅\t\t\n\
                画溪社区\t\t\n";
    let import = import_text(text);
    let got: Vec<_> = import
        .accounts
        .iter()
        .map(|a| (a.level, a.level_inferred))
        .collect();
    assert_eq!(
        got,
        [
            (Level::Township, false),
            (Level::Township, false),
            (Level::Village, true)
        ]
    );
    assert!(messages(&import).contains(
        &"第3行「层级」列为空，按合并单元格填充：取上方的值（如“乡镇、街道、园区”）。如不是合并单元格，请补填。"
            .to_string()
    ));
}

#[test]
fn rows_that_are_not_accounts_end_a_merged_cell() {
    // A blank row, a heading and a totals row each end the run: the unit
    // below them is not filled from above.
    let text = "名称\t主办单位\n甲\t县公安局\n\n乙\t\n小计\t\n丙\t\n一、乡镇\n丁\t\n";
    let import = import_text(text);
    let units: Vec<&str> = import.accounts.iter().map(|a| &*a.unit).collect();
    assert_eq!(units, ["县公安局", "", "", ""]);
}

#[test]
fn merges_the_table_gives_fill_every_shared_column_and_amounts_count_once() {
    use crate::grid::{Grid, Spanned};
    let cell = Spanned::text;
    let merged = |text: &str, rows| Spanned {
        text: text.to_string(),
        rows,
        columns: 1,
    };
    // 长兴交警 on two platforms: its name, unit and fee merged over both
    // rows. One contract of 2万 covers both accounts.
    let grid = Grid::from_spans(vec![
        vec![
            cell("名称"),
            cell("主办单位"),
            cell("平台"),
            cell("外包费用（万元）"),
        ],
        vec![
            merged("长兴交警", 2),
            merged("县公安局", 2),
            cell("微信公众号"),
            merged("2", 2),
        ],
        vec![cell("抖音")],
    ]);
    let import = import_grid(grid, Some(as_of()));
    let a = &import.accounts;
    assert_eq!(a.len(), 2);
    assert_eq!((a[1].name.as_str(), &*a[1].unit), ("长兴交警", "县公安局"));
    assert_eq!(a[1].platform, crate::account::Platform::Douyin);
    // 2 × 10,000 = 20,000 yuan, on the first row only.
    assert_eq!(
        a[0].outsourcing_fee.span(),
        Some(Span::point(Num::int(20_000)))
    );
    assert_eq!(a[1].outsourcing_fee.span(), None);
    assert_eq!(
        messages(&import),
        [
            "第3行「名称」列是合并单元格，已按合并的值“长兴交警”填充。",
            "第3行「主办单位」列是合并单元格，已按合并的值“县公安局”填充。",
            "第3行「外包费用（万元）」列与第2行是一个合并单元格，金额、人数等只在第2行计入一次。",
        ]
    );
    // The same name on two platforms is two accounts, not a repeat.
    assert!(!import
        .diagnostics
        .iter()
        .any(|d| matches!(d.problem, Problem::DuplicateName { .. })));
}

#[test]
fn with_merges_known_an_empty_cell_is_empty() {
    use crate::grid::{Grid, Spanned};
    // Nothing is merged: the empty unit under 县公安局 stays empty.
    let grid = Grid::from_spans(vec![
        vec![Spanned::text("名称"), Spanned::text("主办单位")],
        vec![Spanned::text("甲"), Spanned::text("县公安局")],
        vec![Spanned::text("乙"), Spanned::text("")],
    ]);
    let import = import_grid(grid, None);
    assert_eq!(&*import.accounts[1].unit, "");
    assert_eq!(import.diagnostics, vec![]);
}

#[test]
fn section_headings_give_their_level_and_are_held_to_their_count() {
    let text = "名称\t粉丝数\t层级\n\
                一、县级部门（2个）\n\
                长兴发布\t5000\n\
                长兴交警\t800\n\
                二、乡镇（街道）（1个）\n\
                美丽李家巷\t3000\n\
                泗安之窗\t1200\t村\n\
                三、村（社区）\n\
                幸福家园\t500\n";
    let import = import_text(text);
    let levels: Vec<_> = import
        .accounts
        .iter()
        .map(|a| (a.name.as_str(), a.level, a.level_inferred))
        .collect();
    assert_eq!(
        levels,
        [
            ("长兴发布", Level::County, false),
            ("长兴交警", Level::County, false),
            ("美丽李家巷", Level::Township, false),
            // Its own level cell says otherwise.
            ("泗安之窗", Level::Village, false),
            ("幸福家园", Level::Village, false),
        ]
    );
    assert_eq!(
        problems(&import),
        vec![
            (
                2,
                Problem::Heading {
                    level: Some(Level::County)
                }
            ),
            (
                5,
                Problem::Heading {
                    level: Some(Level::Township)
                }
            ),
            // The heading says 1; 2 accounts follow it.
            (
                5,
                Problem::HeadingCount {
                    stated: 1,
                    found: 2
                }
            ),
            (
                8,
                Problem::Heading {
                    level: Some(Level::Village)
                }
            ),
        ]
    );
    assert_eq!(
        import.diagnostics[2].message(Lang::Zh),
        "第5行标题“二、乡镇（街道）（1个）”写明1个，其下读到2个账号，请核对。"
    );
}

#[test]
fn footers_and_notes_in_any_cell_are_not_accounts() {
    let text = "序号\t名称\t单位\t粉丝数\n\
                1\t长兴发布\t县委宣传部\t5000\n\
                \t填表说明：粉丝数截至3月底\n\
                注：外包费用按年计\n\
                \t制表人：张三\t审核人：李四\t联系电话：0572-6021234\n\
                填报日期：2019年4月19日\n";
    let import = import_text(text);
    assert_eq!(import.accounts.len(), 1);
    assert_eq!(
        problems(&import),
        vec![
            (3, Problem::NoteRow),
            (4, Problem::NoteRow),
            (5, Problem::NoteRow),
            (6, Problem::NoteRow),
        ]
    );
    assert_eq!(
        import.diagnostics[2].value,
        "制表人：张三 | 审核人：李四 | 联系电话：0572-6021234"
    );
}

#[test]
fn a_group_row_above_the_header_hides_no_column() {
    // The header is row 3, which names the most fields; row 2's groups
    // span the columns beneath them, and its 名称 is merged down over row
    // 3's blank cell.
    let text = "某县政务新媒体统计表\n\
                名称\t基本情况\t\t传播情况\t\t运营情况\n\
                \t主办单位\t层级\t粉丝数\t篇均阅读\t运营方式\n\
                甲局发布\t县甲局\t县级部门\t300\t20\t兼职\n\
                乙局发布\t县乙局\t县级部门\t450\t30\t兼职\n\
                丙镇发布\t丙镇\t乡镇\t600\t50\t兼职\n\
                丁村\t丙镇丁村\t村\t2000\t80\t兼职\n";
    let import = with_as_of(text);
    assert_eq!(
        problems(&import),
        vec![
            (1, Problem::TitleRow),
            (2, Problem::GroupRow),
            (
                3,
                Problem::HeaderFromAbove {
                    names: vec!["名称".into()]
                }
            ),
        ]
    );
    // Every account's followers were read: three are below 1,000 and
    // closed, the village is merged. 4 shut, not 1.
    let e = crate::estimate::estimate(&import.accounts, &Default::default(), as_of());
    assert_eq!(
        (e.summary.accounts_closed, e.summary.accounts_merged),
        (3, 1)
    );
    assert_eq!(e.summary.accounts_shut, 4);
}

#[test]
fn bounded_followers_keep_their_bound_and_words() {
    use crate::account::Bound;
    let text = "名称\t粉丝数\n\
                甲\t不足1000\n乙\t1000以下\n丙\t<1000\n丁\t少于1000\n戊\t低于1000\n己\t不到1000\n\
                庚\t1000以上\n辛\t超过1000\n壬\t>1000\n癸\t10万+\n";
    let import = import_text(text);
    let bounds: Vec<_> = import
        .accounts
        .iter()
        .map(|a| a.followers.bounded().map(|b| (b.bound, b.value.low)))
        .collect();
    let below = Some((Bound::Below, Num::int(1000)));
    let above = Some((Bound::Above, Num::int(1000)));
    assert_eq!(
        bounds,
        [below, below, below, below, below, below, above, above, above, None]
    );
    // 10万+ is WeChat's "more than 100,000": 100,001, as before.
    assert_eq!(
        import.accounts[9].followers.span(),
        Some(Span::point(Num::int(100_001)))
    );
    assert_eq!(
        messages(&import)[0],
        "第2–7行「粉丝数」列的“不足1000”读作低于1000：与粉丝数阈值比较时按此判断。"
    );
}

#[test]
fn dates_as_people_write_them_with_the_year_assumed_named() {
    use crate::date::{Date, LastPost, Meaning};
    let text = "名称\t最近更新\n\
                甲\t7月16日\n乙\t4-18\n丙\t19/4/2\n丁\t已停更\n戊\t近一月未更新\n己\t昨天\n";
    let import = with_as_of(text);
    let day = |y, m, d| Date::from_ymd(y, m, d).unwrap();
    let dates: Vec<_> = import
        .accounts
        .iter()
        .map(|a| a.last_post.as_ref().map(LastPost::date))
        .collect();
    assert_eq!(
        dates,
        [
            Some(Some(day(2018, 7, 16))),
            Some(Some(day(2019, 4, 18))),
            Some(Some(day(2019, 4, 2))),
            Some(None),
            Some(None),
            Some(Some(day(2019, 4, 18))),
        ]
    );
    assert_eq!(
        messages(&import),
        [
            "第2行「最近更新」列的“7月16日”没有写年份，按2018年计（测算基准日当天或之前最近的这一天）。",
            "第3行「最近更新」列的“4-18”没有写年份，按2019年计（测算基准日当天或之前最近的这一天）。",
            "第5行「最近更新」列的“已停更”读作已停止更新，按长期未更新处理。",
            // 2019-04-19 less 30 days is 2019-03-20.
            "第6行「最近更新」列的“近一月未更新”读作2019-03-20之后没有更新（至少30天未更新）。",
            "第7行「最近更新」列的“昨天”读作2019-04-18（测算基准日前1天）。",
        ]
    );
    assert!(matches!(
        import.accounts[3].last_post,
        Some(LastPost::Said(ref said)) if said.meaning == Meaning::Stopped
    ));
    // Without an as-of date no year is guessed: the cell is unreadable.
    let import = import_text("名称\t最近更新\n甲\t7月16日\n");
    assert!(matches!(
        import.diagnostics[0].problem,
        Problem::Cell {
            field: Field::LastPost,
            fault: Fault::Unreadable,
            ..
        }
    ));
}

#[test]
fn traditional_headers_and_words_read_and_names_stay_as_written() {
    let import =
        import_text("公眾號名稱\t粉絲數\t層級\t運營方式\n長興發佈\t1.2萬\t縣級部門\t專職\n");
    let a = &import.accounts[0];
    assert_eq!(a.name, "長興發佈");
    assert_eq!(a.followers.span(), Some(Span::point(Num::int(12_000))));
    assert_eq!((a.level, a.level_inferred), (Level::County, false));
    assert_eq!(a.staffing, Some(Staffing::Dedicated));
    assert_eq!(import.diagnostics, vec![]);
}

#[test]
fn platforms_from_a_column_a_category_or_the_name() {
    use crate::account::Platform;
    let text = "名称\t类别\t层级\n\
                长兴发布\t服务号\t县级部门\n\
                长兴发布（新浪微博）\t\t县级部门\n\
                长兴交警\t抖音\t\n\
                长兴交警\t订阅号\t\n\
                长兴交警\t订阅号\t\n";
    let import = import_text(text);
    let got: Vec<_> = import
        .accounts
        .iter()
        .map(|a| (a.name.as_str(), a.platform))
        .collect();
    assert_eq!(
        got,
        [
            ("长兴发布", Platform::Wechat),
            ("长兴发布", Platform::Weibo),
            ("长兴交警", Platform::Douyin),
            ("长兴交警", Platform::Wechat),
            ("长兴交警", Platform::Wechat),
        ]
    );
    // 类别 (with 层级 beside it) is the platform column; its 订阅号 is a
    // platform detail, never a level.
    assert!(import.accounts.iter().all(|a| a.level == Level::County));
    // Only the second 长兴交警 on WeChat repeats one: the same name on two
    // platforms is two accounts.
    let repeats: Vec<_> = import
        .diagnostics
        .iter()
        .filter_map(|d| match d.problem {
            Problem::DuplicateName { first_row } => Some((d.row(), first_row)),
            _ => None,
        })
        .collect();
    assert_eq!(repeats, [(Some(6), 5)]);
    assert!(messages(&import).contains(
        &"第3行「名称」列名称后括号中的“新浪微博”读作平台“微博”，名称不含该括号。".to_string()
    ));
}

#[test]
fn a_level_column_of_subscription_accounts_is_read_as_platforms() {
    use crate::account::Platform;
    // A 类别 column alone, holding 订阅号 and 服务号: platform details, so
    // the levels are inferred from the names.
    let import = import_text("名称\t类别\n长兴发布\t订阅号\n新川村务\t服务号\n");
    let got: Vec<_> = import
        .accounts
        .iter()
        .map(|a| (a.platform, a.level, a.level_inferred))
        .collect();
    assert_eq!(
        got,
        [
            (Platform::Wechat, Level::County, true),
            (Platform::Wechat, Level::Village, true)
        ]
    );
    assert_eq!(
        messages(&import),
        // 订阅号 and 服务号 alike: one notice, quoting the first.
        ["第2–3行「类别」列的“订阅号”是平台，不是层级：按“微信公众号”计，层级另行判断。"]
    );
}

#[test]
fn a_table_is_read_as_its_tab_separated_text_whatever_its_cells_hold() {
    use crate::grid::{Grid, Spanned};
    // Every row has a semicolon, and one cell a carriage return: the
    // sniffer would take the semicolon (found by fuzzing the grid).
    let grid = Grid::from_spans(vec![
        vec![Spanned::text("名称;备注"), Spanned::text("粉丝数")],
        vec![Spanned::text("甲;一\r二"), Spanned::text("300")],
        vec![Spanned::text("乙;三"), Spanned::text("5000")],
    ]);
    let import = import_grid(grid, None);
    let got: Vec<_> = import
        .accounts
        .iter()
        .map(|a| (a.row, a.name.as_str(), a.followers.span()))
        .collect();
    let int = |n| Some(Span::point(Num::int(n)));
    assert_eq!(got, [(2, "甲;一二", int(300)), (3, "乙;三", int(5000))]);
}

#[test]
fn an_empty_merged_name_gives_no_name_to_the_rows_below() {
    use crate::grid::{Grid, Spanned};
    // The name cell is empty and merged over three rows that hold data:
    // each row is kept under its own placeholder (found by fuzzing, when
    // the first row's placeholder was copied down and hung the search for
    // repeated names).
    let grid = Grid::from_spans(vec![
        vec![Spanned::text("名称"), Spanned::text("粉丝数")],
        vec![
            Spanned {
                text: String::new(),
                rows: 3,
                columns: 1,
            },
            Spanned::text("300"),
        ],
        vec![Spanned::text("400")],
        vec![Spanned::text("500")],
    ]);
    let import = import_grid(grid, None);
    let names: Vec<&str> = import.accounts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "（第2行，无名称）",
            "（第3行，无名称）",
            "（第4行，无名称）"
        ]
    );
    assert!(!import
        .diagnostics
        .iter()
        .any(|d| matches!(d.problem, Problem::DuplicateName { .. })));
}

#[test]
fn a_name_spelt_like_a_placeholder_is_no_repeat_of_it() {
    // Row 2 is named like row 3's placeholder: they share a hash, and the
    // placeholder is compared with nothing. Both are kept, no repeat.
    let import = import_text("名称\t粉丝数\n（第3行，无名称）\t1\n\t2\n");
    assert_eq!(import.accounts.len(), 2);
    assert!(!import
        .diagnostics
        .iter()
        .any(|d| matches!(d.problem, Problem::DuplicateName { .. })));
}

#[test]
fn implausible_figures_are_read_as_written_and_warned_with_row_and_column() {
    // Row 2 is at every limit (100 posts a week, 24 hours a post, 20亿
    // followers): no warning. Row 3 is past each: 150 posts, 30 hours,
    // 30亿 followers, each read as written and warned in its cell.
    let text = "名称\t每周发文数\t每篇耗时（小时）\t粉丝数\n\
                甲\t100\t24\t20亿\n\
                乙\t150\t30\t30亿\n";
    let import = import_text(text);
    assert_eq!(import.accounts.len(), 2);
    let second = &import.accounts[1];
    assert_eq!(
        second.posts_per_week.span(),
        Some(Span::point(Num::int(150)))
    );
    assert_eq!(
        second.hours_per_post.span(),
        Some(Span::point(Num::int(30)))
    );
    assert_eq!(
        second.followers.span(),
        Some(Span::point(Num::int(3_000_000_000)))
    );
    let warned: Vec<_> = import
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.row(),
                d.column(),
                d.value.as_str(),
                &d.problem,
                d.severity,
            )
        })
        .collect();
    let implausible = |field, limit| Problem::Implausible {
        field,
        limit: Num::int(limit),
    };
    assert_eq!(
        warned,
        vec![
            (
                Some(3),
                Some("每周发文数"),
                "150",
                &implausible(Field::PostsPerWeek, 100),
                Severity::Warning
            ),
            (
                Some(3),
                Some("每篇耗时（小时）"),
                "30",
                &implausible(Field::HoursPerPost, 24),
                Severity::Warning
            ),
            (
                Some(3),
                Some("粉丝数"),
                "30亿",
                &implausible(Field::Followers, 2_000_000_000),
                Severity::Warning
            ),
        ]
    );
    assert_eq!(
        import.diagnostics[2].message(Lang::Zh),
        "第3行「粉丝数」列的“30亿”大得不合常理（“粉丝数”一般不超过2,000,000,000）：\
         已按所填计算，请核对。"
    );
}

#[test]
fn rows_a_workbook_hides_are_read_with_a_notice() {
    use crate::grid::{Grid, Region};
    // Rows from 0: the header, then three accounts; rows 2 and 3 (from 0),
    // spreadsheet rows 3 and 4, are hidden. All three accounts are read.
    let rows = [
        ["名称", "粉丝数"],
        ["长兴发布", "10"],
        ["长兴新闻", "20"],
        ["长兴文明", "30"],
    ]
    .iter()
    .map(|row| row.iter().map(|cell| cell.to_string()).collect())
    .collect();
    let grid = Grid::from_cells(rows, &[] as &[Region], [3, 2]).unwrap();
    let import = import_grid(grid, None);
    assert_eq!(import.accounts.len(), 3);
    let hidden: Vec<_> = import
        .diagnostics
        .iter()
        .filter(|d| matches!(d.problem, Problem::HiddenRows { .. }))
        .collect();
    assert_eq!(hidden.len(), 1);
    assert_eq!(
        hidden[0].message(Lang::Zh),
        "第3–4行在工作簿中是隐藏行，已照常读入。"
    );
    assert_eq!(
        hidden[0].message(Lang::En),
        "Rows 3–4: hidden in the workbook, and read like any other row."
    );
}
