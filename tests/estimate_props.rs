#![cfg(not(target_arch = "wasm32"))]
//! Properties of the estimate that hold for every account list and every
//! valid set of assumptions (SPEC §4).

mod common;
use common::{as_of, key};

use jianfu::core::account::{Account, Decision, Level, Staffing};
use jianfu::core::assumptions::Assumptions;
use jianfu::core::date::{Date, LastPost};
use jianfu::core::estimate::{estimate, AccountKey, Estimate, Estimator, Overrides};
use jianfu::core::explain::explain;
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};
use jianfu::core::overrides::occurrences;
use jianfu::core::plan::Plan;
use proptest::prelude::*;

/// A non-negative range in tenths, up to a few thousand.
fn span() -> impl Strategy<Value = Span> {
    (0i64..20_000, 0i64..5_000).prop_map(|(low, width)| {
        Span::new(
            Num::ratio(low.into(), 10).unwrap_or_default(),
            Num::ratio((low + width).into(), 10).unwrap_or_default(),
        )
    })
}

/// A range that is sometimes a single value.
fn maybe_point() -> impl Strategy<Value = Span> {
    prop_oneof![span(), span().prop_map(|s| Span::point(s.low))]
}

fn date() -> impl Strategy<Value = Date> {
    (-900i32..60).prop_map(|offset| {
        let as_of = Date::from_ymd(2019, 4, 19).unwrap();
        Date::from_days_since_epoch(as_of.days_since_epoch() + offset).unwrap_or(as_of)
    })
}

fn decision() -> impl Strategy<Value = Decision> {
    prop_oneof![
        Just(Decision::Keep),
        Just(Decision::Close),
        Just(Decision::Merge)
    ]
}

fn account() -> impl Strategy<Value = Account> {
    let level = prop_oneof![
        Just(Level::County),
        Just(Level::Township),
        Just(Level::Village)
    ];
    let staffing = prop_oneof![
        Just(Staffing::PartTime),
        Just(Staffing::Dedicated),
        Just(Staffing::Outsourced)
    ];
    (
        (0usize..12, level, prop::option::of(staffing)),
        (
            prop::option::of(maybe_point()),
            prop::option::of(maybe_point()),
            prop::option::of(maybe_point()),
            prop::option::of(maybe_point()),
        ),
        (
            prop::option::of(maybe_point()),
            prop::option::of(maybe_point()),
            prop::option::of(maybe_point()),
            prop::option::of(date()),
            prop::option::of(decision()),
        ),
    )
        .prop_map(
            |(
                (name, level, staffing),
                (followers, posts, hpp, staff),
                (fee, other, reads, last_post, given),
            )| {
                let mut a = Account::named(name + 2, &format!("账号{name}"));
                a.level = level;
                a.staffing = staffing;
                a.followers = followers.into();
                a.posts_per_week = posts.into();
                a.hours_per_post = hpp.into();
                a.staff = staff.into();
                a.outsourcing_fee = fee.into();
                a.other_cost = other.into();
                a.avg_reads = reads.into();
                a.last_post = last_post.map(LastPost::On);
                a.decision = given;
                a
            },
        )
}

/// Valid assumptions: every range non-negative, weeks and FTE positive, the
/// merge share within 0–1.
fn assumptions() -> impl Strategy<Value = Assumptions> {
    let positive = (1i64..600, 0i64..100)
        .prop_map(|(low, width)| Span::new(Num::int(low), Num::int(low + width)));
    let share = (0i64..=100, 0i64..=100).prop_map(|(a, b)| {
        Span::new(
            Num::ratio(a.into(), 100).unwrap_or_default(),
            Num::ratio(b.into(), 100).unwrap_or_default(),
        )
    });
    (
        (span(), span(), positive.clone(), positive, span()),
        (share, span(), span(), span()),
    )
        .prop_map(
            |((hpp, posts, weeks, fte, cost), (share, followers, dormant, per_read))| Assumptions {
                hours_per_post: hpp,
                posts_per_week: posts,
                weeks_per_year: weeks,
                fte_hours: fte * Span::point(Num::int(10)),
                hourly_cost: cost,
                merge_share: share,
                followers_threshold: followers,
                dormant_days: dormant,
                cost_per_read_threshold: per_read,
                as_of: None,
            },
        )
}

fn overrides() -> impl Strategy<Value = Overrides> {
    prop::collection::btree_map(
        (0usize..12).prop_map(|n| key(&format!("账号{n}"))),
        decision(),
        0..6,
    )
    .prop_map(|map| map.into_iter().collect())
}

fn ordered(span: Span) -> bool {
    span.low <= span.high
}

/// `inner` lies within `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.low <= inner.low && inner.high <= outer.high
}

/// Both ends of `a` are at most the matching ends of `b`.
fn at_most(a: Span, b: Span) -> bool {
    a.low <= b.low && a.high <= b.high
}

fn every_span(e: &Estimate) -> Vec<Span> {
    let s = &e.summary;
    let mut spans = vec![
        s.hours_total,
        s.hours_freed,
        s.fte_freed,
        s.added_load,
        s.cash_total,
        s.cash_saved,
        s.staff_value,
        s.total_value,
        s.outsourcing_ended.fees,
    ];
    for level in Level::ALL {
        let l = s.by_level.get(level);
        spans.extend([l.hours_before, l.hours_freed, l.cash_before, l.cash_saved]);
    }
    if let Some(r) = &s.shut_cost_per_read {
        spans.extend([r.cash, r.reads, r.cost_per_read]);
    }
    for r in &e.accounts {
        let f = &r.figures;
        spans.extend([
            f.posts_per_week,
            f.hours_per_post,
            f.hours,
            f.cash,
            r.hours_freed,
            r.added_load,
            r.cash_saved,
        ]);
        spans.extend(f.reads);
        spans.extend(f.cost_per_read);
    }
    spans
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn counts_add_up(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        o in overrides(),
    ) {
        let s = estimate(&accounts, &Plan::new(a).with_overrides(o.clone()), as_of()).summary;
        prop_assert_eq!(s.accounts_closed + s.accounts_merged + s.accounts_kept, s.accounts_total);
        prop_assert_eq!(s.accounts_closed + s.accounts_merged, s.accounts_shut);
        prop_assert_eq!(s.accounts_total, accounts.len());
        let levels = [&s.by_level.county, &s.by_level.township, &s.by_level.village];
        prop_assert_eq!(levels.iter().map(|l| l.before).sum::<usize>(), s.accounts_total);
        prop_assert_eq!(levels.iter().map(|l| l.after).sum::<usize>(), s.accounts_kept);
    }

    /// The page estimates long lists a slice at a time; the slicing must
    /// not change a figure (duplicate names keep their override keys).
    #[test]
    fn estimating_in_slices_changes_nothing(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        o in overrides(),
        slice in 1usize..4,
    ) {
        let mut estimator = Estimator::new(&accounts, &Plan::new(a).with_overrides(o.clone()), as_of());
        while !estimator.assess(&accounts, slice) {}
        prop_assert_eq!(estimator.finish(), estimate(&accounts, &Plan::new(a).with_overrides(o.clone()), as_of()));
    }

    /// Lists within what a cell may hold are worked out exactly: the
    /// approximation warning never fires on them.
    #[test]
    fn plausible_lists_are_exact(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        o in overrides(),
    ) {
        let e = estimate(&accounts, &Plan::new(a).with_overrides(o.clone()), as_of());
        prop_assert!(e.approximated.diagnostics().is_empty(), "{:?}", e.approximated);
    }

    #[test]
    fn every_range_is_ordered(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        o in overrides(),
    ) {
        let e = estimate(&accounts, &Plan::new(a).with_overrides(o.clone()), as_of());
        for span in every_span(&e) {
            prop_assert!(ordered(span), "{span:?}");
        }
    }

    #[test]
    fn freed_never_exceeds_hours_and_saved_never_exceeds_cash(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        o in overrides(),
    ) {
        let e = estimate(&accounts, &Plan::new(a).with_overrides(o.clone()), as_of());
        for r in &e.accounts {
            prop_assert!(at_most(r.hours_freed, r.figures.hours));
            prop_assert!(at_most(r.cash_saved, r.figures.cash));
            // What a merge frees plus what it moves is all of its hours.
            if r.decision == Decision::Merge {
                prop_assert!(within(r.figures.hours, r.hours_freed + r.added_load));
            }
        }
        let s = &e.summary;
        prop_assert!(at_most(s.hours_freed, s.hours_total));
        prop_assert!(at_most(s.cash_saved, s.cash_total));
        for level in Level::ALL {
            let l = s.by_level.get(level);
            prop_assert!(at_most(l.hours_freed, l.hours_before));
            prop_assert!(at_most(l.cash_saved, l.cash_before));
        }
    }

    /// Widening the ranges of the assumptions that only scale figures (hours
    /// per post, FTE hours, hourly cost, merge share) never narrows hours
    /// freed, FTE or staff value. None of them enters a rule, so every
    /// decision stays the same and only interval arithmetic is at work.
    #[test]
    fn widening_scaling_assumptions_never_narrows_a_result(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        widen in (span(), span(), span(), 0i64..=100, 0i64..=100),
    ) {
        let (more_hpp, more_fte, more_cost, share_down, share_up) = widen;
        let wide = Assumptions {
            hours_per_post: Span::new(
                a.hours_per_post.low - more_hpp.low.min(a.hours_per_post.low),
                a.hours_per_post.high + more_hpp.high,
            ),
            fte_hours: Span::new(
                a.fte_hours.low - (more_fte.low.min(a.fte_hours.low - Num::ONE)).max(Num::ZERO),
                a.fte_hours.high + more_fte.high,
            ),
            hourly_cost: Span::new(
                a.hourly_cost.low - more_cost.low.min(a.hourly_cost.low),
                a.hourly_cost.high + more_cost.high,
            ),
            merge_share: Span::new(
                a.merge_share.low * Num::ratio(share_down.into(), 100).unwrap_or_default(),
                a.merge_share.high
                    + (Num::ONE - a.merge_share.high)
                        * Num::ratio(share_up.into(), 100).unwrap_or_default(),
            ),
            ..a
        };
        prop_assert!(wide.validate().is_ok());
        let none = Overrides::new();
        let narrow = estimate(&accounts, &Plan::new(a).with_overrides(none.clone()), as_of());
        let broad = estimate(&accounts, &Plan::new(wide).with_overrides(none.clone()), as_of());
        for (n, b) in narrow.accounts.iter().zip(&broad.accounts) {
            prop_assert_eq!(n.decision, b.decision);
            prop_assert!(within(n.hours_freed, b.hours_freed));
        }
        let (n, b) = (&narrow.summary, &broad.summary);
        prop_assert!(within(n.hours_freed, b.hours_freed));
        prop_assert!(within(n.fte_freed, b.fte_freed));
        prop_assert!(within(n.staff_value, b.staff_value));
        prop_assert!(within(n.total_value, b.total_value));
        prop_assert!(within(n.added_load, b.added_load));
    }

    /// Widening posts per week or weeks per year can move a midpoint that a
    /// rule compares (cost per read), and so change a decision, which is not
    /// a narrowing but a different plan. With every decision fixed by an
    /// override, widening them never narrows a result either.
    #[test]
    fn widening_any_assumption_with_decisions_fixed_never_narrows_a_result(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        fixed in prop::collection::vec(decision(), 12),
        widen in (span(), span(), span(), span()),
    ) {
        // Every account's decision fixed: true duplicates (the same name
        // twice) differ in occurrence, and each gets its own override.
        let overrides: Overrides = accounts
            .iter()
            .zip(occurrences(&accounts))
            .enumerate()
            .map(|(n, (account, occurrence))| {
                (AccountKey::of(account, occurrence), fixed[n % fixed.len()])
            })
            .collect();
        let (more_posts, more_weeks, more_hpp, more_cost) = widen;
        let wide = Assumptions {
            posts_per_week: Span::new(
                a.posts_per_week.low - more_posts.low.min(a.posts_per_week.low),
                a.posts_per_week.high + more_posts.high,
            ),
            weeks_per_year: Span::new(
                a.weeks_per_year.low
                    - (more_weeks.low.min(a.weeks_per_year.low - Num::ONE)).max(Num::ZERO),
                a.weeks_per_year.high + more_weeks.high,
            ),
            hours_per_post: Span::new(
                a.hours_per_post.low - more_hpp.low.min(a.hours_per_post.low),
                a.hours_per_post.high + more_hpp.high,
            ),
            hourly_cost: Span::new(
                a.hourly_cost.low - more_cost.low.min(a.hourly_cost.low),
                a.hourly_cost.high + more_cost.high,
            ),
            ..a
        };
        prop_assert!(wide.validate().is_ok());
        let narrow = estimate(&accounts, &Plan::new(a).with_overrides(overrides.clone()), as_of());
        let broad = estimate(&accounts, &Plan::new(wide).with_overrides(overrides.clone()), as_of());
        let (n, b) = (&narrow.summary, &broad.summary);
        prop_assert!(within(n.hours_total, b.hours_total));
        prop_assert!(within(n.hours_freed, b.hours_freed));
        prop_assert!(within(n.fte_freed, b.fte_freed));
        prop_assert!(within(n.staff_value, b.staff_value));
        prop_assert!(within(n.total_value, b.total_value));
    }

    /// Overrides are keyed by name, so they hold whatever the assumptions.
    #[test]
    fn overrides_survive_any_assumptions(
        accounts in prop::collection::vec(account(), 0..30),
        a in assumptions(),
        b in assumptions(),
        o in overrides(),
    ) {
        for assumptions in [a, b] {
            let e = estimate(&accounts, &Plan::new(assumptions).with_overrides(o.clone()), as_of());
            for r in &e.accounts {
                if let Some(d) = o.get(&r.override_key()) {
                    prop_assert_eq!(r.decision, d);
                    prop_assert!(r.overridden);
                }
            }
        }
    }

    /// Nothing panics, whatever the numbers: negative, huge, or assumptions
    /// that never passed validation.
    #[test]
    fn never_panics(
        raw in prop::collection::vec(
            (any::<i64>(), 1i64..1_000_000, any::<i64>(), any::<i16>(), 0u8..8),
            0..20,
        ),
        wild in (any::<i64>(), any::<i64>(), any::<i64>(), any::<i64>()),
    ) {
        let accounts: Vec<Account> = raw
            .iter()
            .enumerate()
            .map(|(i, &(low, den, high, days, pick))| {
                let n = |v: i64| Num::ratio(v.into(), den.into()).unwrap_or_default();
                let span = Span::new(n(low), n(high));
                let mut a = Account::named(i + 2, &format!("账号{}", i % 5));
                a.level = Level::ALL[usize::from(pick % 3)];
                a.staffing = [
                    Some(Staffing::PartTime),
                    Some(Staffing::Dedicated),
                    Some(Staffing::Outsourced),
                    None,
                ][usize::from(pick % 4)];
                a.followers = span.into();
                a.posts_per_week = (pick & 1 == 0).then_some(span).into();
                a.hours_per_post = span.into();
                a.staff = span.into();
                a.outsourcing_fee = span.into();
                a.other_cost = (pick & 2 == 0).then_some(span).into();
                a.avg_reads = span.into();
                a.last_post = Date::from_days_since_epoch(i32::from(days) + 17_000).map(LastPost::On);
                a
            })
            .collect();
        let (w1, w2, w3, w4) = wild;
        let big = |v: i64| Span::new(Num::int(v), Num::int(v / 3));
        let a = Assumptions {
            hours_per_post: big(w1),
            posts_per_week: big(w2),
            weeks_per_year: big(w3),
            fte_hours: big(w4),
            hourly_cost: big(w1 ^ w2),
            merge_share: big(w3 ^ w4),
            followers_threshold: big(w1),
            dormant_days: big(w2),
            cost_per_read_threshold: big(w3),
            as_of: None,
        };
        let e = estimate(&accounts, &Plan::new(a), as_of());
        for lang in [Lang::Zh, Lang::En] {
            let _ = explain(&e, lang);
            let _ = e.view(lang);
        }
    }
}
