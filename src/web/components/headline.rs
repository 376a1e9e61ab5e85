//! The headline figures, each with a "how is this calculated" toggle that
//! shows the formula with the actual numbers and the sources of the
//! assumptions behind it.

use yew::prelude::*;

use crate::core::assumptions::Assumption;
use crate::core::estimate::Estimate;
use crate::core::explain::{explain, Headline as Line};
use crate::core::figures::{large_number, money_span, number_span};
use crate::core::lang::Lang;
use crate::core::num::Num;
use crate::web::i18n::Text;
use crate::web::shared::Shared;

/// Properties of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The interface language.
    pub lang: Lang,
    /// The estimate to show.
    pub estimate: Shared<Estimate>,
}

/// One headline card: which explanation lines and assumptions belong to it.
struct Card {
    label: Text,
    value: Html,
    lines: &'static [Line],
    assumptions: &'static [Assumption],
}

/// The headline figures.
#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let lang = props.lang;
    let s = &props.estimate.summary;
    let explanation = use_memo((props.estimate.clone(), lang), |(e, lang)| {
        explain(e, *lang)
    });
    let open = use_state(|| None::<Text>);

    let figure = |test_id: &'static str, value: Num, text: String| {
        html! {
            <span class="figure" data-testid={test_id} data-value={value.to_string()}>{ text }</span>
        }
    };
    let hours_text = |value: Num| large_number(value, lang);
    // A range shows one number when its ends read the same; the high end
    // stays in the page (hidden), so that it can still be read exactly.
    let range = |low: (&'static str, Num), high: (&'static str, Num), unit: &str| {
        let (low_text, high_text) = (hours_text(low.1), hours_text(high.1));
        let point = low_text == high_text;
        html! { <>
            { figure(low.0, low.1, low_text) }
            <span class="dash" hidden={point}>{ "–" }</span>
            <span hidden={point}>{ figure(high.0, high.1, high_text) }</span>
            <span class="unit">{ unit.to_string() }</span>
        </> }
    };
    let percent = match s.shut_share() {
        None => String::new(),
        Some(share) => format!(
            "（{}%）",
            number_span((share * Num::int(100)).into(), 0, lang)
        ),
    };
    let cards = [
        Card {
            label: Text::AccountsTotal,
            value: html! { <>{ figure("accounts-total", Num::int(s.accounts_total as i64), s.accounts_total.to_string()) }
            <span class="unit">{ Text::UnitAccounts.get(lang) }</span></> },
            lines: &[],
            assumptions: &[],
        },
        Card {
            label: Text::AccountsShut,
            value: html! { <>{ figure("accounts-shut", Num::int(s.accounts_shut as i64), s.accounts_shut.to_string()) }
            <span class="unit">{ Text::UnitAccounts.get(lang) }{ percent }</span></> },
            lines: &[Line::AccountsShut, Line::ShutByRule],
            assumptions: &[
                Assumption::DormantDays,
                Assumption::FollowersThreshold,
                Assumption::CostPerReadThreshold,
            ],
        },
        Card {
            label: Text::HoursFreed,
            value: range(
                ("hours-freed-low", s.hours_freed.low),
                ("hours-freed-high", s.hours_freed.high),
                Text::UnitHours.get(lang),
            ),
            lines: &[Line::AccountHours, Line::HoursFreed, Line::AddedLoad],
            assumptions: &[
                Assumption::PostsPerWeek,
                Assumption::HoursPerPost,
                Assumption::WeeksPerYear,
                Assumption::MergeShare,
            ],
        },
        Card {
            label: Text::FteFreed,
            value: html! { <><span class="figure" data-testid="fte-freed">{ number_span(s.fte_freed, 1, lang) }</span>
            <span class="unit">{ Text::UnitPeople.get(lang) }</span></> },
            lines: &[Line::FteFreed],
            assumptions: &[Assumption::FteHours],
        },
        Card {
            label: Text::CashSaved,
            value: figure(
                "cash-saved",
                s.cash_saved.low,
                money_span(s.cash_saved, lang),
            ),
            lines: &[Line::CashSaved, Line::OutsourcingEnded],
            assumptions: &[],
        },
        Card {
            label: Text::StaffValue,
            value: html! { <span class="figure" data-testid="staff-value">{ money_span(s.staff_value, lang) }</span> },
            lines: &[Line::StaffValue],
            assumptions: &[Assumption::HourlyCost],
        },
        Card {
            label: Text::TotalValue,
            value: html! { <span class="figure" data-testid="total-value">{ money_span(s.total_value, lang) }</span> },
            lines: &[Line::TotalValue],
            assumptions: &[],
        },
    ];

    let rendered = cards.into_iter().map(|card| {
        let is_open = *open == Some(card.label);
        let toggle = {
            let open = open.clone();
            let label = card.label;
            Callback::from(move |_: MouseEvent| {
                open.set(if is_open { None } else { Some(label) });
            })
        };
        let details = is_open.then(|| {
            let lines = explanation
                .lines
                .iter()
                .filter(|l| card.lines.contains(&l.headline))
                .map(|l| html! {
                    <div class="formula">
                        <div class="formula-words">{ &l.formula }</div>
                        <div class="formula-numbers">{ &l.numbers }</div>
                    </div>
                });
            let sources = card.assumptions.iter().map(|a| html! {
                <li>{ a.label(lang) }{ lang.pick("：", ": ") }{ a.source(lang) }</li>
            });
            html! {
                <div class="explanation">
                    { for lines }
                    if !card.assumptions.is_empty() {
                        <ul class="sources">{ for sources }</ul>
                    }
                </div>
            }
        });
        let has_details = !card.lines.is_empty();
        html! {
            <div class={classes!("card", is_open.then_some("open"))}>
                <div class="card-label">{ card.label.get(lang) }</div>
                <div class="card-value">{ card.value }</div>
                if has_details {
                    <button type="button" class="link how" aria-expanded={is_open.to_string()} onclick={toggle}>
                        { if is_open { Text::HideCalculation.get(lang) } else { Text::HowCalculated.get(lang) } }
                    </button>
                }
                { for details }
            </div>
        }
    });
    html! {
        <div class="headline" aria-live="polite">
            <h2 class="visually-hidden">{ Text::ResultsHeading.get(lang) }</h2>
            <div class="cards">{ for rendered }</div>
        </div>
    }
}
