//! The rule catalogue and plans, with figures worked out by hand.
//!
//! Unless a test says otherwise, an account here has no posts or hours of
//! its own, so the defaults apply: 2–3 posts a week × 52 weeks × 2–3 hours =
//! 208–468 hours a year. Closing it frees all of them; merging it frees
//! 70 %: 145.6–327.6 hours, and the account it joins takes on 30 %:
//! 62.4–140.4 hours.

mod common;

use std::sync::Arc;

use common::{as_of, figure, int, key};

use jianfu::core::account::{Account, Decision, Level, Platform, Staffing};
use jianfu::core::assumptions::Assumptions;
use jianfu::core::compare::{compare, differs, ComparisonView};
use jianfu::core::date::Date;
use jianfu::core::demo::DEMO_CSV;
use jianfu::core::estimate::{estimate, AccountKey, Estimate, Estimator, Overrides};
use jianfu::core::export::{comparison_paragraph, plans_csv};
use jianfu::core::import::import_text;
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};
use jianfu::core::plan::{Plan, Plans, Preset, Rules};
use jianfu::core::rules::Rule;
use jianfu::core::structure::structure;

/// A plan of `rules` (by key) with the default assumptions.
fn plan(rules: &[&str]) -> Plan {
    Plan::new(Assumptions::default()).with_rules(Rules::from_keys(rules.iter().copied()).unwrap())
}

fn run(accounts: &[Account], plan: &Plan) -> Estimate {
    estimate(accounts, plan, as_of())
}

/// An account of `unit` on `platform` with `followers` (`None`: unknown),
/// posting recently.
fn of(row: usize, name: &str, unit: &str, followers: Option<i64>) -> Account {
    let mut account = Account::named(row, name);
    account.unit = unit.into();
    account.level_inferred = false;
    if let Some(followers) = followers {
        account.followers = figure(followers);
    }
    account.last_post = Some(as_of().into());
    account
}

fn decisions(e: &Estimate) -> Vec<(&str, Decision, Rule)> {
    e.accounts
        .iter()
        .map(|r| (&*r.name, r.decision, r.rule))
        .collect()
}

fn range(low: &str, high: &str) -> Span {
    Span::new(
        Num::parse_decimal(low).unwrap(),
        Num::parse_decimal(high).unwrap(),
    )
}

#[test]
fn no_interaction_closes_what_the_list_says_has_none() {
    // 是否开通留言: 否 and 无 say there is none; 是 that there is; blank says
    // nothing.
    let text = "名称\t是否开通留言\n甲\t否\n乙\t无\n丙\t是\n丁\t\n";
    let accounts = import_text(text).accounts;
    let interaction: Vec<_> = accounts.iter().map(|a| a.interaction).collect();
    assert_eq!(interaction, [Some(false), Some(false), Some(true), None]);
    let e = run(&accounts, &plan(&["noInteraction"]));
    assert_eq!(
        decisions(&e),
        [
            ("甲", Decision::Close, Rule::NoInteraction),
            ("乙", Decision::Close, Rule::NoInteraction),
            ("丙", Decision::Keep, Rule::Default),
            ("丁", Decision::Keep, Rule::Default),
        ]
    );
    assert_eq!(
        e.accounts[0].reason().text(Lang::Zh),
        "清单注明无有效互动功能（留言、互动为无、未开通或已关闭）（依据：国办秘函〔2019〕19号）"
    );
    // Two closed: 2 × 208–468 = 416–936 hours.
    assert_eq!(e.summary.hours_freed, range("416", "936"));
    // The rule off, nothing closes.
    assert_eq!(run(&accounts, &plan(&[])).summary.accounts_shut, 0);
}

#[test]
fn duplicate_keeps_the_most_followed_of_a_unit_on_a_platform() {
    let mut weibo = of(5, "某局微博", "某局", Some(100));
    weibo.platform = Platform::Weibo;
    let accounts = [
        of(2, "某局发布", "某局", Some(500)),
        of(3, "某局服务", "某局", Some(3000)),
        of(4, "某局党建", "某局", None),
        weibo,
        of(6, "另一局", "另一局", Some(10)),
        // No unit: never grouped.
        of(7, "无主号", "", Some(10)),
        of(8, "无主号二", "", Some(20)),
    ];
    let e = run(&accounts, &plan(&["duplicate"]));
    assert_eq!(
        decisions(&e),
        [
            ("某局发布", Decision::Merge, Rule::Duplicate),
            ("某局服务", Decision::Keep, Rule::Duplicate),
            ("某局党建", Decision::Merge, Rule::Duplicate),
            ("某局微博", Decision::Keep, Rule::Default),
            ("另一局", Decision::Keep, Rule::Default),
            ("无主号", Decision::Keep, Rule::Default),
            ("无主号二", Decision::Keep, Rule::Default),
        ]
    );
    assert_eq!(e.accounts[0].merge_into, "某局服务");
    assert_eq!(e.accounts[0].joins, Some(1));
    assert_eq!(
        e.accounts[0].reason().text(Lang::Zh),
        "“某局”在微信公众号有多个账号，归并至粉丝最多的“某局服务”（依据：国办发〔2018〕123号）"
    );
    assert_eq!(
        e.accounts[1].reason().text(Lang::Zh),
        "本单位在微信公众号的3个账号中粉丝最多，保留，其余归并至本账号（依据：国办发〔2018〕123号）"
    );
    // Two merged: 2 × 145.6–327.6 = 291.2–655.2 hours freed; 某局服务 takes
    // on 2 × 62.4–140.4 = 124.8–280.8.
    assert_eq!(e.summary.hours_freed, range("291.2", "655.2"));
    assert_eq!(e.summary.receiving.len(), 1);
    let load = &e.summary.receiving[0];
    assert_eq!(
        (load.account.as_str(), load.row, load.accounts_merged),
        ("某局服务", Some(3), 2)
    );
    assert_eq!(load.added_load, range("124.8", "280.8"));
}

#[test]
fn a_tie_keeps_the_earlier_row() {
    let accounts = [
        of(2, "甲", "某局", Some(800)),
        of(3, "乙", "某局", Some(800)),
    ];
    let e = run(&accounts, &plan(&["duplicate"]));
    assert_eq!(e.accounts[0].decision, Decision::Keep);
    assert_eq!(
        (e.accounts[1].decision, e.accounts[1].merge_into.as_str()),
        (Decision::Merge, "甲")
    );
}

#[test]
fn a_duplicate_whose_keeper_an_earlier_rule_closes() {
    // 乙 has the most followers but has not posted since 2019-01-01 (108
    // days): dormant comes first and closes it. Of the rest, 丙 (2,000)
    // stays and 甲 (900) joins it.
    let mut dormant = of(3, "乙", "某局", Some(5000));
    dormant.last_post = Some(Date::from_ymd(2019, 1, 1).unwrap().into());
    let accounts = [
        of(2, "甲", "某局", Some(900)),
        dormant,
        of(4, "丙", "某局", Some(2000)),
    ];
    let e = run(&accounts, &plan(&["dormant", "duplicate"]));
    assert_eq!(
        decisions(&e),
        [
            ("甲", Decision::Merge, Rule::Duplicate),
            ("乙", Decision::Close, Rule::Dormant),
            ("丙", Decision::Keep, Rule::Duplicate),
        ]
    );
    assert_eq!(e.accounts[0].merge_into, "丙");
    // The other order: duplicate acts on 乙 before dormant can. It keeps
    // only an account that stays, and 乙's own row closes it, so 丙 is the
    // keeper all the same, and 乙 joins it rather than being closed.
    let e = run(&accounts, &plan(&["duplicate", "dormant"]));
    assert_eq!(
        decisions(&e),
        [
            ("甲", Decision::Merge, Rule::Duplicate),
            ("乙", Decision::Merge, Rule::Duplicate),
            ("丙", Decision::Keep, Rule::Duplicate),
        ]
    );
}

#[test]
fn order_is_precedence() {
    // 甲 has 500 followers, below 1,000. With duplicate first it merges into
    // 乙; with low reach first it is closed, and 乙 is left alone.
    let accounts = [
        of(2, "甲", "某局", Some(500)),
        of(3, "乙", "某局", Some(3000)),
    ];
    let e = run(&accounts, &plan(&["duplicate", "lowReach"]));
    assert_eq!(e.accounts[0].rule, Rule::Duplicate);
    // Merge frees 145.6–327.6 hours.
    assert_eq!(e.summary.hours_freed, range("145.6", "327.6"));
    let e = run(&accounts, &plan(&["lowReach", "duplicate"]));
    assert_eq!(
        decisions(&e),
        [
            ("甲", Decision::Close, Rule::LowReach),
            ("乙", Decision::Keep, Rule::Default),
        ]
    );
    // Close frees all 208–468 hours.
    assert_eq!(e.summary.hours_freed, range("208", "468"));
}

#[test]
fn the_lists_decision_and_overrides_come_first() {
    // 甲 is marked 保留 in the list: duplicate leaves it, and merges only
    // 丙 into 乙.
    let mut given = of(2, "甲", "某局", Some(100));
    given.decision = Some(Decision::Keep);
    let accounts = [
        given,
        of(3, "乙", "某局", Some(3000)),
        of(4, "丙", "某局", Some(200)),
    ];
    let e = run(&accounts, &plan(&["duplicate"]));
    assert_eq!(
        decisions(&e),
        [
            ("甲", Decision::Keep, Rule::Given),
            ("乙", Decision::Keep, Rule::Duplicate),
            ("丙", Decision::Merge, Rule::Duplicate),
        ]
    );
    // The user closes 乙: of 甲 (100) and 丙 (200) the keeper is 丙, and
    // 甲, given 保留, stays too.
    let mut overrides = Overrides::new();
    let mut 乙 = key("乙");
    乙.unit = "某局".into();
    overrides.insert(乙, Decision::Close);
    let e = run(&accounts, &plan(&["duplicate"]).with_overrides(overrides));
    assert_eq!(
        decisions(&e),
        [
            ("甲", Decision::Keep, Rule::Given),
            ("乙", Decision::Close, Rule::Given),
            ("丙", Decision::Keep, Rule::Duplicate),
        ]
    );
}

#[test]
fn an_account_merged_by_the_list_or_by_hand_joins_its_units_account() {
    // 乙 is marked 归并 in the list, 丙 is merged by hand; neither says where.
    // 甲, of the same unit on the same platform, stays: both join it, and
    // it takes on 2 × 62.4–140.4 = 124.8–280.8 hours.
    let mut given = of(3, "乙", "某局", Some(200));
    given.decision = Some(Decision::Merge);
    let accounts = [
        of(2, "甲", "某局", Some(3000)),
        given,
        of(4, "丙", "某局", Some(100)),
    ];
    let mut overrides = Overrides::new();
    let mut 丙 = key("丙");
    丙.unit = "某局".into();
    overrides.insert(丙, Decision::Merge);
    let e = run(&accounts, &plan(&[]).with_overrides(overrides));
    assert_eq!(e.accounts[1].merge_into, "甲");
    assert_eq!(e.accounts[2].merge_into, "甲");
    assert_eq!(e.summary.receiving.len(), 1);
    assert_eq!(e.summary.receiving[0].added_load, range("124.8", "280.8"));
}

/// 李家巷's government account, and villages of it and of 和平乡.
fn townships() -> Vec<Account> {
    let mut town = of(2, "李家巷发布", "李家巷镇人民政府", Some(5000));
    town.level = Level::Township;
    let mut village = of(3, "青草坞村", "李家巷镇青草坞村", Some(4000));
    village.level = Level::Village;
    let mut elsewhere = of(4, "和平某村", "和平乡某村", Some(4000));
    elsewhere.level = Level::Village;
    let mut named = of(5, "自有去处村", "李家巷镇某村", Some(4000));
    named.level = Level::Village;
    named.merge_into = "某某号".into();
    vec![town, village, elsewhere, named]
}

#[test]
fn a_village_joins_its_townships_kept_account() {
    let e = run(&townships(), &plan(&["village"]));
    assert_eq!(e.accounts[1].decision, Decision::Merge);
    assert_eq!(e.accounts[1].merge_into, "李家巷发布");
    assert_eq!(
        e.accounts[1].reason().text(Lang::Zh),
        "村（社区）级账号，归并至“李家巷发布”（依据：国办发〔2018〕123号）"
    );
    // 和平乡 has no account in the list: still merged, and said so.
    assert_eq!(e.accounts[2].decision, Decision::Merge);
    assert_eq!(e.accounts[2].merge_into, "");
    assert_eq!(
        e.accounts[2].reason().text(Lang::Zh),
        "村（社区）级账号，归并至所属乡镇（街道）账号（清单中未找到其保留的账号）\
         （依据：国办发〔2018〕123号）"
    );
    // The list's own 归并至 wins, though the list does not hold 某某号.
    assert_eq!(e.accounts[3].merge_into, "某某号");
    // Receiving: 李家巷发布 takes 62.4–140.4 hours; 某某号 (not in the list)
    // as much; and one village whose account is unknown.
    let receiving: Vec<_> = e
        .summary
        .receiving
        .iter()
        .map(|r| (r.account.as_str(), r.row, r.accounts_merged))
        .collect();
    assert_eq!(
        receiving,
        [
            ("李家巷发布", Some(2), 1),
            ("", None, 1),
            ("某某号", None, 1)
        ]
    );
}

#[test]
fn a_village_whose_township_account_is_closed_is_told_so() {
    // 李家巷发布 with 300 followers is closed by low reach, which comes
    // first: its village finds no account to join.
    let mut accounts = townships();
    accounts[0].followers = figure(300);
    let e = run(&accounts, &plan(&["lowReach", "village"]));
    assert_eq!(e.accounts[0].decision, Decision::Close);
    assert_eq!(
        (e.accounts[1].decision, e.accounts[1].merge_into.as_str()),
        (Decision::Merge, "")
    );
}

/// A county: its government's and its publicity department's accounts, a
/// bureau's, a township's and a village's.
fn county() -> Vec<Account> {
    let mut town = of(5, "某镇发布", "某镇人民政府", Some(2000));
    town.level = Level::Township;
    let mut village = of(6, "某村", "某镇某村", Some(1500));
    village.level = Level::Village;
    vec![
        of(2, "长兴发布", "长兴县人民政府", Some(20000)),
        of(3, "长兴宣传", "中共长兴县委宣传部", Some(8000)),
        of(4, "县局发布", "长兴县农业农村局", Some(3000)),
        town,
        village,
    ]
}

#[test]
fn below_county_merges_into_the_county_main_account() {
    let e = run(&county(), &plan(&["village", "belowCounty"]));
    assert_eq!(
        decisions(&e),
        [
            ("长兴发布", Decision::Keep, Rule::BelowCounty),
            ("长兴宣传", Decision::Merge, Rule::BelowCounty),
            ("县局发布", Decision::Merge, Rule::BelowCounty),
            ("某镇发布", Decision::Merge, Rule::BelowCounty),
            ("某村", Decision::Merge, Rule::Village),
        ]
    );
    assert_eq!(e.main_account, Some(0));
    assert_eq!(
        e.accounts[1].reason().text(Lang::Zh),
        "乡镇（街道）和县级部门账号，归并至县级主账号“长兴发布”（依据：粤办函〔2019〕90号）"
    );
    // The village joins its township's account, which joins the main
    // account: its work goes there in the end.
    assert_eq!(e.accounts[4].merge_into, "某镇发布");
    assert_eq!(e.accounts[4].receiver, Some(0));
    // Four merged into 长兴发布: 4 × 62.4–140.4 = 249.6–561.6 hours.
    assert_eq!(e.summary.receiving.len(), 1);
    assert_eq!(e.summary.receiving[0].accounts_merged, 4);
    assert_eq!(e.summary.receiving[0].added_load, range("249.6", "561.6"));
    // After the plan: one unit, one account, taking on the other four.
    let (units, unplaced) = structure(&e);
    assert_eq!(units.len(), 1);
    assert_eq!(units[0].unit, "长兴县人民政府");
    assert_eq!(units[0].kept[0].joined, [1, 2, 3, 4]);
    assert!(unplaced.is_empty());
}

#[test]
fn below_county_takes_the_main_account_the_user_names() {
    let mut named = plan(&["belowCounty"]);
    named.main_account = "长兴宣传".into();
    let e = run(&county(), &named);
    assert_eq!(e.main_account, Some(1));
    assert_eq!(e.accounts[0].merge_into, "长兴宣传");
    // The village is not the rule's: it stays without a village rule.
    assert_eq!(e.accounts[4].decision, Decision::Keep);
}

#[test]
fn below_county_without_a_main_account_merges_nothing_and_says_so() {
    let accounts: Vec<Account> = county().into_iter().skip(2).collect();
    let e = run(&accounts, &plan(&["belowCounty"]));
    assert!(e.main_account_missing);
    assert_eq!(e.summary.accounts_shut, 0);
}

#[test]
fn plans_compare_side_by_side() {
    // 甲: 300 followers (low reach). 乙: of 某局 with 丙, fewer followers.
    // 丙: dormant since 2019-03-01 (49 days). 丁: outsourced at ¥100,000 a
    // year for 2 posts × 52 × 100 reads = 10,400 reads: ¥9.62 a read.
    let mut dormant = of(4, "丙", "某局", Some(9000));
    dormant.last_post = Some(Date::from_ymd(2019, 3, 1).unwrap().into());
    let mut outsourced = of(5, "丁", "某中心", Some(5000));
    outsourced.staffing = Some(Staffing::Outsourced);
    outsourced.outsourcing_fee = figure(100_000);
    outsourced.posts_per_week = figure(2);
    outsourced.avg_reads = figure(100);
    let accounts = [
        of(2, "甲", "某办", Some(300)),
        of(3, "乙", "某局", Some(2000)),
        dormant,
        outsourced,
        of(6, "戊", "某局", Some(1500)),
    ];
    let plans = Plans::presets(Assumptions::default(), Lang::Zh);
    let estimates = compare(&accounts, plans.list(), as_of());
    let shut: Vec<_> = estimates.iter().map(|e| e.summary.accounts_shut).collect();
    // 稳妥 (dormant, noInteraction): 丙. 推荐 (dormant, lowReach, village,
    // poorValue): 丙, 甲, 丁. 彻底 adds duplicate: 戊 joins 乙.
    assert_eq!(shut, [1, 3, 4]);
    let refs: Vec<&Estimate> = estimates.iter().collect();
    let differ: Vec<bool> = (0..5).map(|i| differs(&refs, i)).collect();
    assert_eq!(differ, [true, false, false, true, true]);
    // 稳妥: 丙 closed, 208–468 h. 推荐: 丙, 甲 (208–468 h each) and 丁,
    // whose 2 posts × 52 × 2–3 h = 208–312 h: 624–1,248 h, and ¥100,000.
    assert_eq!(estimates[0].summary.hours_freed, range("208", "468"));
    assert_eq!(estimates[1].summary.hours_freed, range("624", "1248"));
    assert_eq!(estimates[1].summary.cash_saved, int(100_000));
    // 彻底: also 戊 merged, 145.6–327.6 h: 769.6–1,575.6 h.
    assert_eq!(estimates[2].summary.hours_freed, range("769.6", "1575.6"));

    let named: Vec<_> = plans
        .list()
        .iter()
        .map(|p| p.name.as_str())
        .zip(refs.iter().copied())
        .collect();
    let paragraph = comparison_paragraph(&named, Lang::Zh);
    assert_eq!(
        paragraph,
        "方案一（稳妥）关停、归并账号1个（保留4个），每年可释放工作时间约208至468小时，节约资金0元；\
         方案二（推荐）关停、归并账号3个（保留2个），每年可释放工作时间约624至1248小时，\
         节约资金10.00万元；\
         方案三（彻底）关停、归并账号4个（保留1个），每年可释放工作时间约770至1576小时，\
         节约资金10.00万元。\
         与方案一相比，方案二多关停、归并2个，多释放工作时间约416至780小时，多节约资金10.00万元；\
         方案三多关停、归并3个，多释放工作时间约562至1108小时，多节约资金10.00万元。"
    );

    // The CSV: the current plan's columns as for one plan, then each
    // plan's decision, rule, reason and the account a merge joins.
    let csv = plans_csv(&named, 1, Lang::Zh);
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("\u{FEFF}行号,公众号名称,"));
    assert!(header.ends_with(
        ",处置·方案三（彻底）,规则·方案三（彻底）,理由·方案三（彻底）,归并至·方案三（彻底）"
    ));
    let 戊 = csv.lines().find(|l| l.starts_with("6,")).unwrap();
    assert!(
        戊.ends_with(
            ",归并,一单位一平台一号,“某局”在微信公众号有多个账号，归并至粉丝最多的“乙”\
         （依据：国办发〔2018〕123号）,乙"
        ),
        "{戊}"
    );
    // The current plan's summary as for one plan, then every plan's.
    assert!(csv.contains("\r\n关停、归并账号数,3\r\n"));
    assert!(csv.contains("\r\n各方案汇总,方案一（稳妥）,方案二（推荐）,方案三（彻底）\r\n"));
    assert!(csv.contains("\r\n关停、归并账号数,1,3,4\r\n"));

    // The API's shape.
    let view = ComparisonView::new(plans.list(), &estimates, Lang::Zh);
    assert_eq!(view.plans.len(), 3);
    assert_eq!(view.plans[2].rules.len(), Rule::CATALOGUE.len());
    assert_eq!(view.accounts[4].plans[2].merge_into, "乙");
    assert!(view.accounts[4].differs);
}

#[test]
fn the_default_preset_reproduces_the_demo() {
    use jianfu::core::demo::{demo_as_of, DEMO_CSV};
    let accounts = import_text(DEMO_CSV).accounts;
    let recommended = Preset::Recommended.plan(Assumptions::default(), Lang::Zh);
    let e = estimate(&accounts, &recommended, demo_as_of());
    assert_eq!(e.summary.accounts_shut, 226);
}

#[test]
fn a_plan_estimated_like_another_gives_its_own_estimate() {
    // The demo list with an override and an approximated account: every
    // preset estimated like the one before it gives exactly what it gives
    // estimated anew, and takes the earlier figures (the same allocation)
    // only under the same assumptions.
    let mut accounts = import_text(DEMO_CSV).accounts;
    let first = accounts[0].clone();
    let overrides: Overrides = [(AccountKey::of(&first, 0), Decision::Keep)]
        .into_iter()
        .collect();
    let plans = Plans::presets(Assumptions::default(), Lang::Zh);
    let mut earlier = estimate(&accounts, &plans.list()[0], as_of());
    for plan in &plans.list()[1..] {
        let plan = plan.clone().with_overrides(overrides.clone());
        let mut like = Estimator::like(&accounts, &plan, as_of(), &earlier);
        while !like.assess(&accounts, 50) {}
        let like = like.finish();
        assert_eq!(like, estimate(&accounts, &plan, as_of()));
        assert!(Arc::ptr_eq(
            &like.accounts[5].figures,
            &earlier.accounts[5].figures
        ));
        earlier = like;
    }
    // Finished part way (282 accounts judged in six slices of 50, then 118
    // settled in the next two and a bit), it gives what a fresh estimator
    // gives at the same point: the totals before the plan are those of the
    // accounts settled, not the whole list's that the earlier estimate
    // lent.
    let plan = plans.list()[1].clone();
    let mut like = Estimator::like(&accounts, &plan, as_of(), &earlier);
    let mut fresh = Estimator::new(&accounts, &plan, as_of());
    for _ in 0..8 {
        like.assess(&accounts, 50);
        fresh.assess(&accounts, 50);
    }
    let (like, fresh) = (like.finish(), fresh.finish());
    assert_eq!(like.summary.accounts_total, 8 * 50 - 282);
    assert!(like.summary.hours_total.high < earlier.summary.hours_total.high);
    assert_eq!(like, fresh);
    // Other assumptions (3–4 h a post): its own figures, not the earlier's.
    let plan = Plan::new(Assumptions {
        hours_per_post: range("3", "4"),
        ..Assumptions::default()
    });
    let like = Estimator::like(&accounts, &plan, as_of(), &earlier);
    let like = finish(like, &accounts);
    assert_eq!(like, estimate(&accounts, &plan, as_of()));
    assert!(!Arc::ptr_eq(
        &like.accounts[5].figures,
        &earlier.accounts[5].figures
    ));
    // An earlier estimate with an approximated account lends nothing: its
    // row is reported again by the new estimate's own work.
    accounts[3].followers = figure(i64::MAX);
    accounts[3].posts_per_week = figure(i64::MAX);
    let plan = Plan::new(Assumptions::default());
    let approximated = estimate(&accounts, &plan, as_of());
    assert!(!approximated.approximated.rows.is_empty());
    let like = finish(
        Estimator::like(&accounts, &plan, as_of(), &approximated),
        &accounts,
    );
    assert_eq!(like, approximated);
    assert!(!Arc::ptr_eq(
        &like.accounts[5].figures,
        &approximated.accounts[5].figures
    ));
}

fn finish(mut estimator: Estimator, accounts: &[Account]) -> Estimate {
    estimator.assess(accounts, usize::MAX);
    estimator.finish()
}
