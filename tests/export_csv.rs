#![cfg(not(target_arch = "wasm32"))]
//! The results CSV: BOM, CRLF, columns worked out by hand, the summary
//! section, and cells that survive a spreadsheet (formula injection,
//! quotes, commas and line breaks).

mod common;
use common::{as_of, figure, key, run};

use jianfu::core::account::{Account, Decision, Field, Level, Staffing};
use jianfu::core::estimate::Overrides;
use jianfu::core::export::{neutralise, results_csv};
use jianfu::core::fields;
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};

/// Four accounts, with the default assumptions as of 2019-04-19:
///
/// * row 2 县局发布: outsourced county bureau, 400 followers → closed (low
///   reach); 2 posts × 52 weeks × 3 h = 312 h, all freed; ¥50,000 fee saved;
/// * row 3 某村: a village with 5,000 followers → merged into 某镇发布;
///   1 × 52 × 2 = 104 h, of which 104 × 0.7 = 72.8 h freed; ¥800 saved;
/// * row 4 县委宣传: 5,000 followers, active → kept; 3 × 52 × 2 = 312 h;
/// * row 5 无名小号: 10 followers → closed; posts and hours per post unknown,
///   so 2–3 × 52 × 2–3 = 208–468 h.
fn accounts() -> Vec<Account> {
    let mut a = Account::named(2, "县局发布");
    a.unit = "某县某局".into();
    a.level = Level::County;
    a.level_inferred = false;
    a.staffing = Some(Staffing::Outsourced);
    a.followers = figure(400);
    a.posts_per_week = figure(2);
    a.hours_per_post = figure(3);
    a.outsourcing_fee = figure(50_000);

    let mut b = Account::named(3, "某村");
    b.unit = "某镇某村".into();
    b.level = Level::Village;
    b.level_inferred = false;
    b.staffing = Some(Staffing::PartTime);
    b.followers = figure(5000);
    b.last_post = Some(as_of().into());
    b.posts_per_week = figure(1);
    b.hours_per_post = figure(2);
    b.other_cost = figure(800);
    b.merge_into = "某镇发布".into();

    let mut c = Account::named(4, "县委宣传");
    c.followers = figure(5000);
    c.last_post = Some(as_of().into());
    c.posts_per_week = figure(3);
    c.hours_per_post = figure(2);

    let mut d = Account::named(5, "无名小号");
    d.followers = figure(10);

    vec![a, b, c, d]
}

/// The CSV read back as records, as a spreadsheet would; blank lines are
/// skipped.
fn records(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{FEFF}').expect("starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn starts_with_a_bom_and_ends_lines_with_crlf() {
    let csv = results_csv(&run(&accounts(), &Overrides::new()), Lang::Zh);
    assert!(csv.starts_with("\u{FEFF}行号,公众号名称,"));
    assert!(csv.ends_with("\r\n"));
    // No name here has a line break, so every line ends in CRLF.
    assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
    // The per-account section, then a blank line before the summary and
    // another before the assumptions.
    assert_eq!(csv.matches("\r\n\r\n").count(), 2);
    assert!(csv.contains("\r\n\r\n汇总,数值\r\n"));
}

#[test]
fn per_account_rows_in_chinese() {
    let csv = results_csv(&run(&accounts(), &Overrides::new()), Lang::Zh);
    let records = records(&csv);
    assert_eq!(
        records[0],
        row(&[
            "行号",
            "公众号名称",
            "主办单位",
            "层级",
            "平台",
            "运营方式",
            "每周发布次数",
            "每期耗时（小时）",
            "年工时（小时）",
            "年费用（元）",
            "处置",
            "规则",
            "理由",
            "手动调整",
            "释放工时（小时/年）",
            "节约资金（元/年）",
            "采用假设的字段",
        ])
    );
    // 2 × 52 × 3 = 312 h, all freed by closing; the ¥50,000 fee is saved.
    assert_eq!(
        records[1],
        row(&[
            "2",
            "县局发布",
            "某县某局",
            "县级部门",
            "微信公众号",
            "外包",
            "2",
            "3",
            "312",
            "50000.00",
            "关停",
            "粉丝少",
            "粉丝数400，低于1000（依据：国办发〔2018〕123号）",
            "",
            "312",
            "50000.00",
            "",
        ])
    );
    // 1 × 52 × 2 = 104 h; merging frees 104 × (1 − 0.3) = 72.8 h.
    assert_eq!(
        records[2],
        row(&[
            "3",
            "某村",
            "某镇某村",
            "村、社区",
            "微信公众号",
            "兼职",
            "1",
            "2",
            "104",
            "800.00",
            "归并",
            "村（社区）级",
            "村（社区）级账号，归并至“某镇发布”（依据：国办发〔2018〕123号）",
            "",
            "72.8",
            "800.00",
            "",
        ])
    );
    // Kept: 3 × 52 × 2 = 312 h, nothing freed or saved. The level was
    // inferred from the name.
    assert_eq!(
        records[3],
        row(&[
            "4",
            "县委宣传",
            "",
            "县级部门（推断）",
            "微信公众号",
            "",
            "3",
            "2",
            "312",
            "0.00",
            "保留",
            "未触发规则",
            "未触发关停、归并规则，保留",
            "",
            "0",
            "0.00",
            "",
        ])
    );
    // Posts and hours per post fall back to 2–3 each: 2 × 52 × 2 = 208 h to
    // 3 × 52 × 3 = 468 h.
    let assumed = format!(
        "{}、{}",
        fields::label(Field::PostsPerWeek, Lang::Zh),
        fields::label(Field::HoursPerPost, Lang::Zh)
    );
    assert_eq!(
        records[4],
        row(&[
            "5",
            "无名小号",
            "",
            "县级部门（推断）",
            "微信公众号",
            "",
            "2–3",
            "2–3",
            "208–468",
            "0.00",
            "关停",
            "粉丝少",
            "粉丝数10，低于1000（依据：国办发〔2018〕123号）",
            "",
            "208–468",
            "0.00",
            &assumed,
        ])
    );
}

#[test]
fn per_account_rows_in_english() {
    let csv = results_csv(&run(&accounts(), &Overrides::new()), Lang::En);
    let records = records(&csv);
    assert_eq!(
        records[0][..6],
        row(&["Row", "Name", "Unit", "Level", "Platform", "Staffing"])[..]
    );
    assert_eq!(records[0].len(), 17);
    assert_eq!(
        records[1],
        row(&[
            "2",
            "县局发布",
            "某县某局",
            "County departments",
            "WeChat",
            "outsourced",
            "2",
            "3",
            "312",
            "50000.00",
            "close",
            "Low reach",
            "400 followers, below 1,000 (source: 国办发〔2018〕123号)",
            "",
            "312",
            "50000.00",
            "",
        ])
    );
    assert_eq!(records[3][3], "County departments (inferred)");
    assert_eq!(records[2][14], "72.8");
}

#[test]
fn summary_section_gives_the_totals() {
    let csv = results_csv(&run(&accounts(), &Overrides::new()), Lang::Zh);
    let records = records(&csv);
    let start = records.iter().position(|r| r[0] == "汇总").unwrap();
    let summary: Vec<(String, String)> = records[start + 1..]
        .iter()
        .take_while(|r| r[0] != "测算假设")
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let expected = [
        ("测算基准日", "2019-04-19"),
        ("账号总数", "4"),
        ("关停、归并账号数", "3"),
        ("其中：关停", "2"),
        ("其中：归并", "1"),
        ("保留账号数", "1"),
        // 312 + 72.8 + 208 = 592.8 h; 312 + 72.8 + 468 = 852.8 h.
        ("释放工时下限（小时/年）", "592.8"),
        ("释放工时上限（小时/年）", "852.8"),
        // 592.8 ÷ 2,000 = 0.2964 → 0.3; 852.8 ÷ 2,000 = 0.4264 → 0.43.
        ("折合全职岗位下限", "0.3"),
        ("折合全职岗位上限", "0.43"),
        // ¥50,000 fee + ¥800 other cost.
        ("节约资金（元/年）", "50800.00"),
        // 592.8 × ¥60 = ¥35,568; 852.8 × ¥60 = ¥51,168.
        ("人工折算价值下限（元/年）", "35568.00"),
        ("人工折算价值上限（元/年）", "51168.00"),
        // ¥50,800 + the staff value.
        ("合计价值下限（元/年）", "86368.00"),
        ("合计价值上限（元/年）", "101968.00"),
        ("终止外包合同数", "1"),
        ("终止外包合同费用（元/年）", "50000.00"),
        ("县级部门账号数（调整前）", "3"),
        ("县级部门账号数（调整后）", "1"),
        ("乡镇、街道、园区账号数（调整前）", "0"),
        ("乡镇、街道、园区账号数（调整后）", "0"),
        ("村、社区账号数（调整前）", "1"),
        ("村、社区账号数（调整后）", "0"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(l, v)| (l.to_string(), v.to_string()))
        .collect();
    assert_eq!(summary, expected);

    // The assumptions follow, each with its value and source.
    let assumptions = &records[start + 1 + expected.len()..];
    assert_eq!(assumptions[0], row(&["测算假设", "取值", "来源"]));
    assert_eq!(assumptions.len(), 11);
    assert_eq!(assumptions[1][1], "2–3小时");
    assert!(assumptions[1][2].contains("两三个小时"));
    assert_eq!(assumptions[6][1], "30%");
    assert_eq!(assumptions[10][1], "2019-04-19");
}

#[test]
fn summary_section_in_english() {
    let csv = results_csv(&run(&accounts(), &Overrides::new()), Lang::En);
    let records = records(&csv);
    let start = records.iter().position(|r| r[0] == "Summary").unwrap();
    assert_eq!(records[start][1], "Value");
    assert_eq!(records[start + 2], row(&["Accounts in the list", "4"]));
    assert!(records.contains(&row(&["Hours freed per year, high", "852.8"])));
    assert!(records.contains(&row(&["Villages, communities: accounts before", "1"])));
    assert!(records.contains(&row(&["Assumption", "Value", "Source"])));
    assert!(records.contains(&row(&[
        "Staff cost per hour",
        "60 yuan/h",
        "Assumption: adjust to local pay"
    ])));
}

#[test]
fn an_override_is_marked() {
    let mut overrides = Overrides::new();
    overrides.insert(key("县委宣传"), Decision::Close);
    let csv = results_csv(&run(&accounts(), &overrides), Lang::Zh);
    let records = records(&csv);
    let r = &records[3];
    assert_eq!(r[1], "县委宣传");
    assert_eq!((r[10].as_str(), r[11].as_str()), ("关停", "已定"));
    assert_eq!(
        (r[12].as_str(), r[13].as_str()),
        ("已手动调整为：关停", "是")
    );
    // Now closed, its 312 h are freed.
    assert_eq!(r[14], "312");
}

#[test]
fn formula_cells_are_neutralised() {
    let mut link = Account::named(2, "=HYPERLINK(\"http://x\")");
    link.unit = "+86 0572".into();
    let at = Account::named(3, "@SUM(A1:A9)");
    let mut minus = Account::named(4, "-1+2");
    minus.merge_into = "=cmd|' /C calc'!A0".into();
    let tab = Account::named(5, "\t=1");
    let cr = Account::named(6, "\r=1");
    let accounts = [link, at, minus, tab, cr];
    let csv = results_csv(&run(&accounts, &Overrides::new()), Lang::Zh);

    // In the file: quoted by the csv writer, with the quotes doubled.
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    let records = records(&csv);
    assert_eq!(records[1][1], "'=HYPERLINK(\"http://x\")");
    assert_eq!(records[1][2], "'+86 0572");
    assert_eq!(records[2][1], "'@SUM(A1:A9)");
    assert_eq!(records[3][1], "'-1+2");
    assert_eq!(records[4][1], "'\t=1");
    assert_eq!(records[5][1], "'\r=1");
    // The merge target reaches no cell unneutralised either, and no cell
    // anywhere starts a formula.
    for record in &records {
        for cell in record {
            assert_eq!(neutralise(cell), cell.as_str(), "{cell:?}");
        }
    }
}

#[test]
fn quotes_commas_and_line_breaks_round_trip() {
    let names = [
        "长兴发布,县委宣传部",
        "他说\"你好\"",
        "第一行\n第二行",
        "第一行\r\n第二行",
        " 前后有空格 ",
        "\"",
        ",",
        "含\u{FEFF}字节序标记",
    ];
    let accounts: Vec<Account> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Account::named(i + 2, name))
        .collect();
    for lang in [Lang::Zh, Lang::En] {
        let csv = results_csv(&run(&accounts, &Overrides::new()), lang);
        let records = records(&csv);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(records[i + 1][0], (i + 2).to_string());
            assert_eq!(records[i + 1][1], *name);
        }
    }
}

#[test]
fn an_empty_estimate_still_has_headers_and_a_summary() {
    let csv = results_csv(&run(&[], &Overrides::new()), Lang::Zh);
    let records = records(&csv);
    assert_eq!(records[0][0], "行号");
    assert_eq!(records[1], row(&["汇总", "数值"]));
    assert!(records.contains(&row(&["账号总数", "0"])));
    assert!(records.contains(&row(&["节约资金（元/年）", "0.00"])));
}

#[test]
fn a_fee_given_as_a_range_is_written_as_one() {
    let mut a = Account::named(2, "外包号");
    a.staffing = Some(Staffing::Outsourced);
    a.followers = figure(10);
    a.outsourcing_fee = Span::new(Num::int(100_000), Num::int(120_000)).into();
    let csv = results_csv(&run(&[a], &Overrides::new()), Lang::Zh);
    let records = records(&csv);
    assert_eq!(records[1][9], "100000.00–120000.00");
    assert!(records.contains(&row(&["节约资金（元/年）", "100000.00–120000.00"])));
}
