//! The estimate must never panic, whatever the list and whatever the user
//! types into the assumptions panel: a panic in WebAssembly kills the page.
//! Every output is produced too (the table's view, the CSV, the summary
//! paragraph, the explanations), and the estimate in slices must equal the
//! estimate in one go, as the page relies on.
//!
//! Run with `cargo +nightly fuzz run estimate` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

use jianfu::core::account::{Account, Decision};
use jianfu::core::assumptions::{Assumption, Assumptions};
use jianfu::core::date::Date;
use jianfu::core::estimate::{estimate, AccountKey, Estimator, Overrides};
use jianfu::core::explain::explain;
use jianfu::core::export::{comparison_paragraph, plans_csv, results_csv, summary_paragraph};
use jianfu::core::import::{import, Context};
use jianfu::core::lang::Lang;
use jianfu::core::plan::{Plan, Rules};
use jianfu::core::rules::Rule;

fuzz_target!(|input: (
    String,
    Vec<(u8, String, String)>,
    Vec<(u16, u8)>,
    u8,
    Vec<u8>
)| {
    let (text, edits, decisions, slice, rules) = input;

    // Assumptions as typed into the panel: each edit is accepted or refused
    // with a typed error, as in the page.
    let mut assumptions = Assumptions::default();
    for (which, low, high) in &edits {
        let assumption = Assumption::ALL[usize::from(*which) % Assumption::ALL.len()];
        match assumptions.with_text(assumption, low, high) {
            Ok(next) => assumptions = next,
            Err(error) => {
                let _ = error.message(Lang::Zh);
                let _ = error.message(Lang::En);
            }
        }
    }
    let as_of = assumptions
        .as_of
        .or_else(|| Date::from_ymd(2019, 4, 19))
        .expect("a valid date");
    // Read as the page reads it: days without a year and words for the last
    // post against the as-of date.
    let import = import(&text, &Context::as_of(as_of));

    // Decisions set by hand on accounts of the list (and on names not in it).
    let mut overrides = Overrides::new();
    for (index, decision) in decisions {
        let occurrence = usize::from(index) % 3;
        let key = match import
            .accounts
            .get(usize::from(index) % (import.accounts.len() + 1))
        {
            Some(account) => AccountKey::of(account, occurrence),
            None => AccountKey::of(&Account::named(0, "不在清单中"), occurrence),
        };
        let decision = Decision::ALL[usize::from(decision) % Decision::ALL.len()];
        overrides.insert(key, decision);
    }

    // A plan of any rules of the catalogue, in any order, each once.
    let mut chosen: Vec<Rule> = Vec::new();
    for pick in rules {
        let rule = Rule::CATALOGUE[usize::from(pick) % Rule::CATALOGUE.len()];
        if !chosen.contains(&rule) {
            chosen.push(rule);
        }
    }
    let plan = Plan::new(assumptions)
        .with_rules(Rules::new(chosen).expect("catalogue rules, each once"))
        .with_overrides(overrides.clone());
    let result = estimate(&import.accounts, &plan, as_of);
    // A merged account never joins itself, and its work goes to an
    // account that stays.
    for (index, r) in result.accounts.iter().enumerate() {
        assert_ne!(r.joins, Some(index), "an account joins itself");
        if let Some(receiver) = r.receiver {
            assert_eq!(
                result.accounts[receiver].decision,
                Decision::Keep,
                "work goes to a shut account"
            );
        }
    }
    // Each override is on one account (its key names one), or unmatched.
    let matched = result.accounts.iter().filter(|r| r.overridden).count();
    assert_eq!(
        matched + result.unmatched.len(),
        overrides.len(),
        "an override was lost or doubled"
    );
    let mut estimator = Estimator::new(&import.accounts, &plan, as_of);
    while !estimator.assess(&import.accounts, usize::from(slice) + 1) {}
    assert_eq!(
        estimator.finish(),
        result,
        "estimating in slices changed a figure"
    );
    // Another plan estimated like this one (taking its figures) gives what
    // it gives estimated anew.
    let other = Plan::new(plan.assumptions.clone());
    let mut like = Estimator::like(&import.accounts, &other, as_of, &result);
    while !like.assess(&import.accounts, usize::from(slice) + 1) {}
    assert_eq!(
        like.finish(),
        estimate(&import.accounts, &other, as_of),
        "a plan estimated like another changed a figure"
    );

    for lang in [Lang::Zh, Lang::En] {
        let _ = result.view(lang);
        let _ = results_csv(&result, lang);
        let _ = summary_paragraph(&result, lang);
        let _ = explain(&result, lang);
        let _ = comparison_paragraph(&[("甲", &result), ("", &result)], lang);
        let _ = plans_csv(&[("甲", &result), ("", &result)], 1, lang);
    }
});
