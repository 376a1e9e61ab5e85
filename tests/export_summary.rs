#![cfg(not(target_arch = "wasm32"))]
//! The summary paragraph, checked word for word against figures worked out
//! by hand.

mod common;
use common::{as_of, figure, run};

use jianfu::core::account::{Account, Level, Staffing};
use jianfu::core::estimate::Overrides;
use jianfu::core::export::summary_paragraph;
use jianfu::core::lang::Lang;

/// An active account with many followers, which no rule closes.
fn active(row: usize, name: &str) -> Account {
    let mut account = Account::named(row, name);
    account.followers = figure(5000);
    account.last_post = Some(as_of().into());
    account
}

#[test]
fn a_small_plan_with_every_clause() {
    // Closed: 2 × 52 × 3 = 312 h, outsourced at ¥50,000.
    let mut a = Account::named(2, "县局发布");
    a.staffing = Some(Staffing::Outsourced);
    a.followers = figure(400);
    a.posts_per_week = figure(2);
    a.hours_per_post = figure(3);
    a.outsourcing_fee = figure(50_000);
    // Merged: 1 × 52 × 2 = 104 h, 72.8 h freed; ¥800 other cost.
    let mut b = active(3, "某村");
    b.level = Level::Village;
    b.posts_per_week = figure(1);
    b.hours_per_post = figure(2);
    b.other_cost = figure(800);
    // Kept.
    let c = active(4, "县委宣传");
    // Closed, posts and hours per post assumed: 208–468 h.
    let mut d = Account::named(5, "无名小号");
    d.followers = figure(10);
    let e = run(&[a, b, c, d], &Overrides::new());

    // Hours freed 312 + 72.8 + 208–468 = 592.8–852.8 → 593–853;
    // FTE ÷ 2,000 = 0.2964–0.4264 → 0.3–0.4;
    // cash ¥50,000 + ¥800 = ¥50,800 → 5.08万元; contracts 1, 5.00万元;
    // staff value 592.8–852.8 × ¥60 = ¥35,568–¥51,168, so the total is
    // ¥86,368–¥101,968 → 8.64万–10.20万元.
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "经测算，现有政务公众号4个，拟关停、归并3个（关停2个、归并1个），保留1个。\
         每年可释放工作时间约593至853小时，折合0.3至0.4个全职岗位，\
         节约资金5.08万元（其中终止外包合同1个、5.00万元），\
         连同人工折算合计约8.64万至10.20万元。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "By this estimate, closing or merging 3 of 4 accounts (2 closed, 1 merged; 1 kept) \
         frees about 593–853 staff hours a year (0.3–0.4 full-time posts) and saves \
         ¥50,800 a year in cash (including ¥50,000 from ending 1 outsourcing contract). \
         Counting staff time as well, the total is about ¥86,368–¥101,968 a year."
    );
}

#[test]
fn large_figures_are_written_in_wan_and_equal_ends_once() {
    // Dedicated, 6 staff: 6 × 2,000 = 12,000 h; ¥200,000 other cost.
    let mut a = Account::named(2, "大号");
    a.staffing = Some(Staffing::Dedicated);
    a.staff = figure(6);
    a.followers = figure(100);
    a.other_cost = figure(200_000);
    // Outsourced, daily: 7 × 52 × 3 = 1,092 h; ¥2,895,000 fee.
    let mut b = Account::named(3, "外包号");
    b.staffing = Some(Staffing::Outsourced);
    b.followers = figure(200);
    b.posts_per_week = figure(7);
    b.hours_per_post = figure(3);
    b.outsourcing_fee = figure(2_895_000);
    let e = run(&[a, b], &Overrides::new());

    // Hours 12,000 + 1,092 = 13,092 → 1.31万; FTE 13,092 ÷ 2,000 = 6.546 →
    // 6.5; cash ¥3,095,000 → 309.50万元; staff value 13,092 × ¥60 =
    // ¥785,520, total ¥3,880,520 → 388.05万元. Every figure is a single
    // value, so none is written as a range, and nobody is kept.
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "经测算，现有政务公众号2个，拟关停2个。\
         每年可释放工作时间约1.31万小时，折合6.5个全职岗位，\
         节约资金309.50万元（其中终止外包合同1个、289.50万元），\
         连同人工折算合计约388.05万元。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "By this estimate, closing 2 of 2 accounts frees about 13,092 staff hours a year \
         (6.5 full-time posts) and saves ¥3,095,000 a year in cash (including ¥2,895,000 \
         from ending 1 outsourcing contract). Counting staff time as well, the total is \
         about ¥3,880,520 a year."
    );
}

#[test]
fn a_range_across_ten_thousand_hours() {
    // 40 dormant-free, low-reach accounts with no posts or hours given:
    // each 208–468 h, together 8,320–18,720 h → "8320至1.87万".
    let accounts: Vec<Account> = (0..40)
        .map(|i| {
            let mut a = Account::named(i + 2, &format!("小号{i}"));
            a.followers = figure(10);
            a
        })
        .collect();
    let text = summary_paragraph(&run(&accounts, &Overrides::new()), Lang::Zh);
    // FTE 4.16–9.36 → 4.2–9.4; staff value ¥499,200–¥1,123,200.
    assert_eq!(
        text,
        "经测算，现有政务公众号40个，拟关停40个。\
         每年可释放工作时间约8320至1.87万小时，折合4.2至9.4个全职岗位，\
         人工折算价值约49.92万至112.32万元。"
    );
}

#[test]
fn merging_alone_with_no_money_and_a_tiny_fte() {
    // Merged: 1 × 52 × 2 = 104 h, 72.8 h freed → 73; 0.0364 FTE rounds to
    // 0 and is left out; 72.8 × ¥60 = ¥4,368 → 0.44万元. No cash.
    let mut b = active(2, "某村");
    b.level = Level::Village;
    b.posts_per_week = figure(1);
    b.hours_per_post = figure(2);
    let e = run(&[b, active(3, "县委宣传")], &Overrides::new());
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "经测算，现有政务公众号2个，拟归并1个，保留1个。\
         每年可释放工作时间约73小时，人工折算价值约0.44万元。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "By this estimate, merging 1 of 2 accounts (1 kept) frees about 73 staff hours a \
         year. Valued at the staff cost per hour, the time freed is worth about ¥4,368 a year."
    );
}

#[test]
fn an_outsourcing_contract_without_a_known_fee() {
    // Outsourced, fee not given: the contract still ends, with no amount.
    // 2–3 × 52 × 2–3 = 208–468 h.
    let mut a = Account::named(2, "外包号");
    a.staffing = Some(Staffing::Outsourced);
    a.followers = figure(10);
    let e = run(&[a], &Overrides::new());
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "经测算，现有政务公众号1个，拟关停1个。\
         每年可释放工作时间约208至468小时，折合0.1至0.2个全职岗位，终止外包合同1个，\
         人工折算价值约1.25万至2.81万元。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "By this estimate, closing 1 of 1 account frees about 208–468 staff hours a year \
         (0.1–0.2 full-time posts) and ends 1 outsourcing contract. Valued at the staff cost \
         per hour, the time freed is worth about ¥12,480–¥28,080 a year."
    );
}

#[test]
fn nothing_shut_and_nothing_listed() {
    let e = run(
        &[active(2, "县委宣传"), active(3, "县政府")],
        &Overrides::new(),
    );
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "经测算，现有政务公众号2个，暂无拟关停、归并的账号。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "By this estimate, no account is closed or merged (2 accounts kept)."
    );
    let e = run(&[], &Overrides::new());
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "清单中暂无公众号，尚无测算结果。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "The list has no accounts yet, so there is nothing to estimate."
    );
}

#[test]
fn shut_accounts_that_cost_nothing() {
    // Stopped posting (0 posts a week): closing it frees no hours and no
    // money, and the paragraph says so without a row of zeros.
    let mut a = Account::named(2, "停更号");
    a.followers = figure(10);
    a.posts_per_week = figure(0);
    a.hours_per_post = figure(2);
    let e = run(&[a], &Overrides::new());
    assert_eq!(
        summary_paragraph(&e, Lang::Zh),
        "经测算，现有政务公众号1个，拟关停1个。"
    );
    assert_eq!(
        summary_paragraph(&e, Lang::En),
        "By this estimate, closing 1 of 1 account frees no measurable staff time or cash."
    );
}
