//! The plans side by side: for each plan its rules, the accounts after it
//! by level and by platform, what it closes, merges and keeps, the hours,
//! posts and money it frees, its difference from the first plan, and a
//! chart. Plans are chosen, added and removed here, and saved to or opened
//! from a plan file.

use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::account::{Level, Platform};
use crate::core::estimate::{Estimate, Summary};
use crate::core::figures::{large_number, money, money_span, number_span};
use crate::core::lang::Lang;
use crate::core::num::{Num, Span};
use crate::core::plan::{Plans, MAX_PLANS};
use crate::web::download::download_json;
use crate::web::i18n::Text;
use crate::web::js_input;
use crate::web::shared::Shared;
use crate::web::state::Action;

/// Properties of [`PlansPanel`].
#[derive(Properties, PartialEq)]
pub struct PlansProps {
    /// The interface language.
    pub lang: Lang,
    /// The plans.
    pub plans: Plans,
    /// Each plan's estimate, in the plans' order.
    pub estimates: Vec<Shared<Estimate>>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The comparison view (`data-testid="plans"`).
#[component]
pub fn PlansPanel(props: &PlansProps) -> Html {
    let lang = props.lang;
    let plans = props.plans.list();
    let current = props.plans.current_index();
    let error = use_state(|| None::<String>);
    let summaries: Vec<&Summary> = props.estimates.iter().map(|e| &e.summary).collect();
    let first = summaries.first().copied();

    // One row: a label, then a cell per plan from `cell`.
    let row = |label: String, cell: &dyn Fn(usize, &Summary) -> Html| {
        html! {
            <tr>
                <th scope="row">{ label }</th>
                { for summaries.iter().enumerate().map(|(n, s)| html! {
                    <td class={classes!("num", (n == current).then_some("current"))}>{ cell(n, s) }</td>
                }) }
            </tr>
        }
    };
    let figure = |id: String, value: Num, text: String| {
        html! { <span data-testid={id} data-value={value.to_string()}>{ text }</span> }
    };
    let count = |n: usize| Num::int(n as i64);

    let heads = plans.iter().enumerate().map(|(n, plan)| {
        let choose = props.dispatch.reform(move |_: MouseEvent| Action::ChoosePlan(n));
        let remove = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                let sure = web_sys::window()
                    .and_then(|w| w.confirm_with_message(Text::ConfirmRemovePlan.get(lang)).ok())
                    .unwrap_or(true);
                if sure {
                    dispatch.emit(Action::RemovePlan(n));
                }
            })
        };
        let name = match plan.name.trim() {
            "" => format!("{} {}", Text::PlanNumber.get(lang), n + 1),
            name => name.to_string(),
        };
        html! {
            <th scope="col" class={classes!((n == current).then_some("current"))}>
                <button type="button" class="plan-choose" data-testid={format!("plan-name-{}", n + 1)}
                    aria-pressed={(n == current).to_string()} onclick={choose}>
                    { format!("{}{}", n + 1, lang.pick("．", ". ")) }{ name }
                </button>
                if n == current {
                    <div class="mark">{ Text::CurrentPlan.get(lang) }</div>
                }
                if plans.len() > 1 {
                    <button type="button" class="link no-print" data-testid={format!("remove-plan-{}", n + 1)}
                        onclick={remove}>{ Text::RemovePlan.get(lang) }</button>
                }
            </th>
        }
    });

    let rules_row = html! {
        <tr>
            <th scope="row">{ Text::RowRules.get(lang) }</th>
            { for plans.iter().map(|plan| {
                let labels: Vec<&str> = plan.rules.as_slice().iter().map(|r| r.label(lang)).collect();
                let text = match labels.is_empty() {
                    true => Text::NoRules.get(lang).to_string(),
                    false => labels.join(" › "),
                };
                html! { <td class="rules">{ text }</td> }
            }) }
        </tr>
    };

    let levels = Level::ALL.map(|level| {
        row(
            format!("{}·{}", Text::RowAfter.get(lang), level.label(lang)),
            &|_, s| {
                html! { { s.by_level.get(level).after } }
            },
        )
    });
    let platforms: Vec<Platform> = props
        .estimates
        .first()
        .map(|e| e.summary.by_platform.present().map(|(p, _)| p).collect())
        .unwrap_or_default();
    let platform_rows = platforms.iter().map(|&platform| {
        row(
            format!("{}·{}", Text::RowAfter.get(lang), platform.label(lang)),
            &|_, s| {
                html! { { s.by_platform.get(platform).after } }
            },
        )
    });

    let hours = |span: Span, n: usize| {
        html! { <>
            { figure(format!("plan-hours-low-{}", n + 1), span.low, large_number(span.low, lang)) }
            { "–" }
            { figure(format!("plan-hours-high-{}", n + 1), span.high, large_number(span.high, lang)) }
        </> }
    };
    let difference = |n: usize, s: &Summary| -> Html {
        let (Some(first), true) = (first, n > 0) else {
            return html! { { "—" } };
        };
        let shut = s.accounts_shut as i64 - first.accounts_shut as i64;
        let low = s.hours_freed.low - first.hours_freed.low;
        let high = s.hours_freed.high - first.hours_freed.high;
        let cash = s.cash_saved.midpoint() - first.cash_saved.midpoint();
        let signed = |n: Num, text: String| match n.signum() {
            1 => format!("+{text}"),
            -1 => format!("−{text}"),
            _ => text,
        };
        let accounts = signed(Num::int(shut), shut.unsigned_abs().to_string());
        let hours = format!(
            "{}–{}",
            signed(low, large_number(low.abs(), lang)),
            signed(high, large_number(high.abs(), lang))
        );
        let cash = signed(cash, money(cash.abs(), lang));
        html! {
            <span data-testid={format!("plan-diff-{}", n + 1)}>
                { format!("{accounts}{} · {hours}{} · {cash}",
                    Text::UnitAccounts.get(lang), Text::UnitHours.get(lang)) }
            </span>
        }
    };

    // The chart: each plan's accounts shut and hours freed (high end), as
    // bars against the largest.
    let most_shut = summaries
        .iter()
        .map(|s| s.accounts_shut)
        .max()
        .unwrap_or(0)
        .max(1);
    let most_hours = summaries
        .iter()
        .map(|s| s.hours_freed.high)
        .max()
        .unwrap_or(Num::ZERO);
    // Bars are SVG with attributes: the page's CSP allows no inline style.
    const WIDTH: i64 = 230;
    let length = |value: Num, most: Num| -> i64 {
        if most <= Num::ZERO {
            return 0;
        }
        (value * Num::int(WIDTH) / most)
            .round_scaled(0)
            .clamp(0, i128::from(WIDTH)) as i64
    };
    let rows = summaries.len() as i64;
    let bars = summaries.iter().enumerate().map(|(n, s)| {
        let y = 22 + 26 * n as i64;
        let shut = length(count(s.accounts_shut), count(most_shut));
        let hours = length(s.hours_freed.high, most_hours);
        html! {
            <g>
                <text class="chart-label" x="0" y={(y + 13).to_string()}>
                    { format!("{} {}", Text::PlanNumber.get(lang), n + 1) }
                </text>
                <rect class="bar-shut" x="70" y={y.to_string()} width={shut.to_string()} height="18" />
                <text class="chart-value" x={(74 + shut).to_string()} y={(y + 13).to_string()}>{ s.accounts_shut }</text>
                <rect class="bar-after" x="350" y={y.to_string()} width={hours.to_string()} height="18" />
                <text class="chart-value" x={(354 + hours).to_string()} y={(y + 13).to_string()}>
                    { large_number(s.hours_freed.high, lang) }
                </text>
            </g>
        }
    });
    let height = 26 * rows + 26;

    let on_add = props.dispatch.reform(|_: MouseEvent| Action::AddPlan);
    let on_save = {
        let plans = props.plans.clone();
        Callback::from(move |_: MouseEvent| {
            let record = plans.record();
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            if let Ok(value) = serde::Serialize::serialize(&record, &serializer) {
                if let Ok(text) = js_sys::JSON::stringify_with_replacer_and_space(
                    &value,
                    &JsValue::NULL,
                    &JsValue::from(1),
                ) {
                    let text: String = text.into();
                    download_json(lang.pick("减负测算方案.json", "jianfu-plans.json"), &text);
                }
            }
        })
    };
    let on_open = {
        let dispatch = props.dispatch.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The same file may be chosen again after an edit.
            input.set_value("");
            let (dispatch, error) = (dispatch.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let read = text
                    .ok()
                    .and_then(|text| text.as_string())
                    .ok_or_else(|| Text::NoticeFileUnreadable.get(lang).to_string())
                    .and_then(|text| {
                        let value = js_sys::JSON::parse(&text)
                            .map_err(|_| Text::NoticeFileUnreadable.get(lang).to_string())?;
                        js_input::plans_file(&value).map_err(|e| e.message(lang))
                    });
                match read {
                    Ok(plans) => {
                        error.set(None);
                        dispatch.emit(Action::OpenPlans(plans));
                    }
                    Err(message) => error.set(Some(message)),
                }
            });
        })
    };

    html! {
        <section class="panel plans" data-testid="plans" aria-labelledby="plans-heading">
            <div class="table-head">
                <h2 id="plans-heading">{ Text::PlansHeading.get(lang) }</h2>
                <div class="toolbar no-print">
                    <button type="button" data-testid="add-plan" onclick={on_add}
                        disabled={plans.len() >= MAX_PLANS}>{ Text::AddPlan.get(lang) }</button>
                    <button type="button" data-testid="save-plans" onclick={on_save}>{ Text::SavePlans.get(lang) }</button>
                    <label class="button">
                        { Text::OpenPlans.get(lang) }
                        <input type="file" accept=".json,application/json" data-testid="open-plans"
                            class="visually-hidden" onchange={on_open} />
                    </label>
                </div>
            </div>
            <p class="hint no-print">{ Text::PlansHint.get(lang) }</p>
            if let Some(message) = &*error {
                <p class="error" role="alert" data-testid="plans-error">
                    { Text::NoticePlansUnreadable.get(lang) }{ message.clone() }
                </p>
            }
            <div class="table-scroll">
                <table class="plans-table">
                    <thead><tr><th scope="col"></th>{ for heads }</tr></thead>
                    <tbody>
                        { rules_row }
                        { row(Text::RowShut.get(lang).to_string(), &|n, s| figure(
                            format!("plan-shut-{}", n + 1), count(s.accounts_shut), s.accounts_shut.to_string())) }
                        { row(Text::RowClosed.get(lang).to_string(), &|_, s| html! { { s.accounts_closed } }) }
                        { row(Text::RowMerged.get(lang).to_string(), &|_, s| html! { { s.accounts_merged } }) }
                        { row(Text::RowKept.get(lang).to_string(), &|_, s| html! { { s.accounts_kept } }) }
                        { for levels }
                        { for platform_rows }
                        { row(Text::RowHours.get(lang).to_string(), &|n, s| hours(s.hours_freed, n)) }
                        { row(Text::RowFte.get(lang).to_string(), &|_, s| html! { { number_span(s.fte_freed, 1, lang) } }) }
                        { row(Text::RowCash.get(lang).to_string(), &|n, s| figure(
                            format!("plan-cash-{}", n + 1), s.cash_saved.midpoint(), money_span(s.cash_saved, lang))) }
                        { row(Text::RowContracts.get(lang).to_string(), &|_, s| html! {
                            { format!("{} · {}", s.outsourcing_ended.count, money_span(s.outsourcing_ended.fees, lang)) } }) }
                        { row(Text::RowStaffValue.get(lang).to_string(), &|_, s| html! { { money_span(s.staff_value, lang) } }) }
                        { row(Text::RowTotal.get(lang).to_string(), &|_, s| html! { { money_span(s.total_value, lang) } }) }
                        if plans.len() > 1 {
                            { row(Text::RowVsFirst.get(lang).to_string(), &difference) }
                        }
                    </tbody>
                </table>
            </div>
            <figure class="plans-chart">
                <figcaption>{ Text::ChartPlans.get(lang) }</figcaption>
                <svg viewBox={format!("0 0 640 {height}")} role="img" aria-label={Text::ChartPlans.get(lang)}>
                    <text class="chart-label" x="70" y="14">{ Text::RowShut.get(lang) }</text>
                    <text class="chart-label" x="350" y="14">{ Text::RowHours.get(lang) }</text>
                    { for bars }
                </svg>
            </figure>
        </section>
    }
}
