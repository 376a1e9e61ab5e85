//! The built-in Changxing demo reproduces every figure of SPEC §7, read
//! through the real importer, and the default rules shut about 80 % of it.

mod common;
use common::int;

use std::collections::BTreeMap;

use jianfu::core::account::{Account, Decision, Level, Staffing};
use jianfu::core::assumptions::Assumptions;
use jianfu::core::demo::{demo_as_of, DEMO_CSV};
use jianfu::core::diagnostic::Severity;
use jianfu::core::estimate::{estimate, Estimate};
use jianfu::core::explain::{explain, Headline};
use jianfu::core::figures;
use jianfu::core::import::import_text;
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};
use jianfu::core::plan::Plan;
use jianfu::core::rules::Rule;

fn demo_accounts() -> Vec<Account> {
    let import = import_text(DEMO_CSV);
    let serious: Vec<_> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Notice)
        .map(|d| d.message(Lang::En))
        .collect();
    assert!(serious.is_empty(), "the demo reads cleanly: {serious:#?}");
    import.accounts
}

fn demo_estimate() -> Estimate {
    estimate(
        &demo_accounts(),
        &Plan::new(Assumptions::default()),
        demo_as_of(),
    )
}

#[test]
fn two_hundred_and_eighty_two_accounts_by_level() {
    let accounts = demo_accounts();
    assert_eq!(accounts.len(), 282);
    let e = estimate(&accounts, &Plan::new(Assumptions::default()), demo_as_of());
    assert!(e.approximated.diagnostics().is_empty(), "the demo is exact");
    let count = |level| accounts.iter().filter(|a| a.level == level).count();
    assert_eq!(count(Level::County), 218);
    assert_eq!(count(Level::Township), 28);
    assert_eq!(count(Level::Village), 36);
    assert!(
        accounts.iter().all(|a| !a.level_inferred),
        "the level column is given"
    );
    // Rows as the user sees them in a spreadsheet: the header is row 1.
    assert_eq!(accounts[0].row, 2);
    assert_eq!(accounts[281].row, 283);
}

#[test]
fn part_time_and_outsourced_with_exact_fees() {
    let accounts = demo_accounts();
    let staffed = |s| {
        accounts
            .iter()
            .filter(|a| a.staffing == Some(s))
            .collect::<Vec<_>>()
    };
    assert_eq!(staffed(Staffing::PartTime).len(), 223);
    let outsourced = staffed(Staffing::Outsourced);
    assert_eq!(outsourced.len(), 59);
    let fees: Span = outsourced
        .iter()
        .map(|a| a.outsourcing_fee.span().unwrap_or(Span::ZERO))
        .sum();
    // 289.50万元 exactly, not 289.4999.
    assert_eq!(fees, int(2_895_000));
    assert_eq!(figures::money(fees.low, Lang::Zh), "289.50万元");
    assert!(
        accounts
            .iter()
            .filter(|a| a.staffing != Some(Staffing::Outsourced))
            .all(|a| a.outsourcing_fee.span().is_none()),
        "only outsourced accounts pay fees"
    );
}

#[test]
fn one_hundred_and_sixty_seven_under_one_thousand_followers() {
    let accounts = demo_accounts();
    let under = accounts
        .iter()
        .filter(|a| a.followers.span().is_some_and(|f| f.high < Num::int(1000)))
        .count();
    assert_eq!(under, 167);
    assert!(accounts.iter().all(|a| a.followers.span().is_some()));
}

#[test]
fn lijiaxiang_runs_four_daily_accounts_with_four_or_five_staff() {
    let accounts = demo_accounts();
    let lijiaxiang: Vec<_> = accounts
        .iter()
        .filter(|a| a.unit.contains("李家巷镇") && a.level == Level::Township)
        .collect();
    assert_eq!(lijiaxiang.len(), 4);
    assert!(lijiaxiang.iter().any(|a| a.name == "李家巷发布"));
    for a in &lijiaxiang {
        assert_eq!(
            a.posts_per_week.span(),
            Some(int(7)),
            "{} publishes daily",
            a.name
        );
    }
    // 1 + 1 + 1 + 1~2 = 4–5 staff.
    let staff: Span = lijiaxiang.iter().filter_map(|a| a.staff.span()).sum();
    assert_eq!(staff, Span::new(Num::int(4), Num::int(5)));
}

#[test]
fn one_township_pays_two_hundred_thousand_for_two_accounts() {
    let accounts = demo_accounts();
    let township: Vec<_> = accounts
        .iter()
        .filter(|a| &*a.unit == "水口乡人民政府")
        .collect();
    assert_eq!(township.len(), 2);
    let fees: Span = township
        .iter()
        .filter_map(|a| a.outsourcing_fee.span())
        .sum();
    assert_eq!(fees, int(200_000));
    for a in &township {
        assert_eq!(
            a.posts_per_week.span(),
            Some(Span::new(Num::int(2), Num::int(3)))
        );
        let reads = a.avg_reads.span().expect("reads are given");
        assert!(
            int(100).low <= reads.low && reads.high < Num::int(1000),
            "a few hundred reads"
        );
    }
}

#[test]
fn the_default_rules_shut_about_eighty_percent() {
    let e = demo_estimate();
    let s = &e.summary;
    assert_eq!(s.accounts_total, 282);
    assert!(
        (220..=232).contains(&s.accounts_shut),
        "{}",
        s.accounts_shut
    );
    assert_eq!(s.accounts_shut, 226);
    assert_eq!(s.accounts_closed + s.accounts_merged, s.accounts_shut);
    assert_eq!(s.accounts_kept, 56);

    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &e.accounts {
        *by_rule.entry(r.rule.key()).or_default() += 1;
    }
    let expected: BTreeMap<&str, usize> = [
        ("dormant", 55),
        ("lowReach", 142),
        ("village", 5),
        ("poorValue", 24),
        ("default", 56),
    ]
    .into();
    assert_eq!(by_rule, expected);
    assert_eq!(s.accounts_merged, 5);

    // Every village account is shut, one way or another.
    assert_eq!(s.by_level.village.before, 36);
    assert_eq!(s.by_level.village.after, 0);
    assert_eq!(s.by_level.county.before, 218);
    assert_eq!(s.by_level.township.before, 28);
    assert_eq!(
        s.by_level.county.after + s.by_level.township.after,
        s.accounts_kept
    );

    // The article's township: closed for poor value. Lijiaxiang's main
    // account, read daily by thousands, is kept; its three small ones close.
    let find = |name: &str| e.accounts.iter().find(|r| &*r.name == name).unwrap();
    assert_eq!(find("水口发布").rule, Rule::PoorValue);
    assert_eq!(find("水口茶旅").rule, Rule::PoorValue);
    assert_eq!(find("李家巷发布").decision, Decision::Keep);
    assert_eq!(find("李家巷党建").rule, Rule::LowReach);
}

#[test]
fn demo_totals_are_consistent() {
    let e = demo_estimate();
    let s = &e.summary;
    assert_eq!(s.cash_total, int(2_895_000));
    assert!(s.cash_saved.high <= s.cash_total.low);
    assert!(s.hours_freed.low <= s.hours_freed.high);
    assert!(s.hours_freed.high <= s.hours_total.high);
    // Outsourcing contracts ended: the shut outsourced accounts.
    let ended = e
        .accounts
        .iter()
        .filter(|r| r.decision.shuts() && r.staffing == Some(Staffing::Outsourced))
        .count();
    assert_eq!(s.outsourcing_ended.count, ended);
    assert_eq!(s.outsourcing_ended.fees, s.cash_saved);
    // Staff value is hours freed × ¥60.
    assert_eq!(s.staff_value, s.hours_freed * int(60));
    // And the explanation carries the same numbers.
    let lines = explain(&e, Lang::Zh).lines;
    let shut = lines
        .iter()
        .find(|l| l.headline == Headline::AccountsShut)
        .unwrap();
    assert!(
        shut.numbers.ends_with("= 226（占282个账号的80.1%）"),
        "{}",
        shut.numbers
    );
}
