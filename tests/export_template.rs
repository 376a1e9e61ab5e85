#![cfg(not(target_arch = "wasm32"))]
//! The downloadable template: what a user fills in must import cleanly.

mod common;
use common::figure;

use jianfu::core::account::{Account, Decision, Figure, Level, Platform, Staffing};
use jianfu::core::date::{Date, LastPost};
use jianfu::core::diagnostic::Severity;
use jianfu::core::export::template_csv;
use jianfu::core::import::import_text;
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};

fn imported(lang: Lang) -> Vec<Account> {
    let import = import_text(&template_csv(lang));
    let problems: Vec<_> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Notice)
        .collect();
    assert!(problems.is_empty(), "{lang:?}: {problems:?}");
    assert_eq!(import.accounts.len(), 2, "{lang:?}");
    import.accounts
}

/// The fields both templates mean, whatever the language of the words.
fn check(accounts: &[Account], lang: Lang) {
    let (county, village) = (&accounts[0], &accounts[1]);
    assert_eq!(county.row, 2);
    assert_eq!(county.platform, Platform::Wechat);
    assert_eq!(
        (county.level, county.level_inferred),
        (Level::County, false)
    );
    assert_eq!(county.followers, figure(12_500));
    assert_eq!(
        county.posts_per_week,
        Figure::from(Span::new(Num::int(2), Num::int(3)))
    );
    assert_eq!(county.hours_per_post, figure(2));
    assert_eq!(county.staff, figure(1));
    assert_eq!(county.staffing, Some(Staffing::Outsourced));
    // 8.5 in a 万元 column, or 85000 in a yuan column: ¥85,000.
    assert_eq!(county.outsourcing_fee, figure(85_000), "{lang:?}");
    assert_eq!(county.other_cost, figure(1_200));
    assert_eq!(county.avg_reads, figure(860));
    assert_eq!(
        county.last_post,
        Date::from_ymd(2019, 4, 12).map(LastPost::On)
    );
    assert_eq!(county.decision, None);
    assert_eq!(county.merge_into, "");
    assert!(county.unreadable.is_empty());

    assert_eq!(village.row, 3);
    assert_eq!(
        (village.level, village.level_inferred),
        (Level::Village, false)
    );
    assert_eq!(village.followers, figure(320));
    assert_eq!(village.posts_per_week, figure(1));
    assert_eq!(
        village.hours_per_post,
        Figure::from(Span::point(Num::ratio(3, 2).unwrap()))
    );
    assert_eq!(village.staff, figure(1));
    assert_eq!(village.staffing, Some(Staffing::PartTime));
    assert_eq!(village.outsourcing_fee, Figure::Missing);
    assert_eq!(village.other_cost, Figure::Missing);
    assert_eq!(village.avg_reads, figure(45));
    assert_eq!(
        village.last_post,
        Date::from_ymd(2019, 3, 20).map(LastPost::On)
    );
    assert_eq!(village.decision, Some(Decision::Merge));
    assert!(village.unreadable.is_empty());
}

#[test]
fn the_chinese_template_imports_cleanly() {
    let csv = template_csv(Lang::Zh);
    assert!(csv.starts_with(
        "\u{FEFF}公众号名称,主办单位,层级,平台,粉丝数,每周发布次数,每期耗时（小时）,运营人数,\
         运营方式,外包费用（万元）,其他费用（元）,篇均阅读,最近更新,互动功能,处置意见,归并至\r\n"
    ));
    assert_eq!(csv.matches("\r\n").count(), 3);
    let accounts = imported(Lang::Zh);
    check(&accounts, Lang::Zh);
    assert_eq!(accounts[0].name, "清溪市场监管");
    assert_eq!(&*accounts[0].unit, "清溪县市场监督管理局");
    assert_eq!(accounts[1].name, "青山村务");
    assert_eq!(accounts[1].merge_into, "青山镇发布");
}

#[test]
fn the_english_template_imports_cleanly() {
    let csv = template_csv(Lang::En);
    assert!(csv.starts_with("\u{FEFF}Name,Unit,Level,Platform,Followers,"));
    let accounts = imported(Lang::En);
    check(&accounts, Lang::En);
    assert_eq!(accounts[0].name, "Qingxi Market Regulation");
    // The comma in the unit is quoted and reads back whole.
    assert_eq!(
        &*accounts[1].unit,
        "Qingshan Village Committee, Qingshan Town"
    );
    assert_eq!(accounts[1].merge_into, "Qingshan Town News");
}
