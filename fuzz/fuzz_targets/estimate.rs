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
use jianfu::core::plan::Plan;
use jianfu::core::explain::explain;
use jianfu::core::export::{results_csv, summary_paragraph};
use jianfu::core::import::{import, Context};
use jianfu::core::lang::Lang;

fuzz_target!(
    |input: (String, Vec<(u8, String, String)>, Vec<(u16, u8)>, u8)| {
        let (text, edits, decisions, slice) = input;

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

        let result = estimate(&import.accounts, &Plan::new(assumptions).with_overrides(overrides.clone()), as_of);
        // Each override is on one account (its key names one), or unmatched.
        let matched = result.accounts.iter().filter(|r| r.overridden).count();
        assert_eq!(
            matched + result.unmatched.len(),
            overrides.len(),
            "an override was lost or doubled"
        );
        let mut estimator = Estimator::new(&import.accounts, &Plan::new(assumptions).with_overrides(overrides), as_of);
        while !estimator.assess(&import.accounts, usize::from(slice) + 1) {}
        assert_eq!(
            estimator.finish(),
            result,
            "estimating in slices changed a figure"
        );

        for lang in [Lang::Zh, Lang::En] {
            let _ = result.view(lang);
            let _ = results_csv(&result, lang);
            let _ = summary_paragraph(&result, lang);
            let _ = explain(&result, lang);
        }
    }
);
