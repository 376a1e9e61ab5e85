//! The plans side by side: for each plan its rules, the accounts after it
//! by level and by platform, what it closes, merges and keeps, the hours,
//! posts and money it frees, its difference from the first plan, and a
//! chart. Plans are chosen, added and removed here, and saved to or opened
//! from a plan file.

use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::account::{Level, Platform};
use crate::core::compare::Difference;
use crate::core::estimate::{Estimate, Summary};
use crate::core::figures::{large_number, money, money_span, number_span};
use crate::core::lang::Lang;
use crate::core::num::Num;
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

/// A piece of a cell: text, or a figure with its test id and exact value.
enum Part {
    Text(String),
    Figure(String, Option<String>, String),
}

/// The comparison's rows, as plain data (one template renders them all):
/// each a label and, per plan, the parts of its cell.
fn table(
    summaries: &[&Summary],
    platforms: &[Platform],
    rules: Vec<String>,
    lang: Lang,
) -> Vec<(String, Vec<Vec<Part>>)> {
    let text = |t: String| vec![Part::Text(t)];
    let figure =
        |id: String, value: Num, shown: String| Part::Figure(id, Some(value.to_string()), shown);
    let count = |n: usize| Num::int(n as i64);
    let each = |cell: &dyn Fn(usize, &Summary) -> Vec<Part>| -> Vec<Vec<Part>> {
        summaries
            .iter()
            .enumerate()
            .map(|(n, s)| cell(n, s))
            .collect()
    };
    let label = |t: Text| t.get(lang).to_string();
    let after = Text::RowAfter.get(lang);
    let mut rows = vec![
        (label(Text::RowRules), rules.into_iter().map(text).collect()),
        (
            label(Text::RowShut),
            each(&|n, s| {
                let id = format!("plan-shut-{}", n + 1);
                vec![figure(
                    id,
                    count(s.accounts_shut),
                    s.accounts_shut.to_string(),
                )]
            }),
        ),
        (
            label(Text::RowClosed),
            each(&|_, s| text(s.accounts_closed.to_string())),
        ),
        (
            label(Text::RowMerged),
            each(&|_, s| text(s.accounts_merged.to_string())),
        ),
        (
            label(Text::RowKept),
            each(&|_, s| text(s.accounts_kept.to_string())),
        ),
    ];
    for level in Level::ALL {
        let cells = each(&|_, s| text(s.by_level.get(level).after.to_string()));
        rows.push((format!("{after}·{}", level.label(lang)), cells));
    }
    for &platform in platforms {
        let cells = each(&|_, s| text(s.by_platform.get(platform).after.to_string()));
        rows.push((format!("{after}·{}", platform.label(lang)), cells));
    }
    rows.push((
        label(Text::RowHours),
        each(&|n, s| {
            let (low, high) = (s.hours_freed.low, s.hours_freed.high);
            vec![
                figure(
                    format!("plan-hours-low-{}", n + 1),
                    low,
                    large_number(low, lang),
                ),
                Part::Text("–".to_string()),
                figure(
                    format!("plan-hours-high-{}", n + 1),
                    high,
                    large_number(high, lang),
                ),
            ]
        }),
    ));
    rows.push((
        label(Text::RowFte),
        each(&|_, s| text(number_span(s.fte_freed, 1, lang))),
    ));
    rows.push((
        label(Text::RowCash),
        each(&|n, s| {
            let id = format!("plan-cash-{}", n + 1);
            vec![figure(
                id,
                s.cash_saved.midpoint(),
                money_span(s.cash_saved, lang),
            )]
        }),
    ));
    rows.push((
        label(Text::RowContracts),
        each(&|_, s| {
            let ended = &s.outsourcing_ended;
            text(format!(
                "{} · {}",
                ended.count,
                money_span(ended.fees, lang)
            ))
        }),
    ));
    rows.push((
        label(Text::RowStaffValue),
        each(&|_, s| text(money_span(s.staff_value, lang))),
    ));
    rows.push((
        label(Text::RowTotal),
        each(&|_, s| text(money_span(s.total_value, lang))),
    ));
    if let [first, _, ..] = summaries {
        let cells = each(&|n, s| match n {
            0 => text("—".to_string()),
            _ => vec![Part::Figure(
                format!("plan-diff-{}", n + 1),
                None,
                difference(first, s, lang),
            )],
        });
        rows.push((label(Text::RowVsFirst), cells));
    }
    rows
}

/// A plan's difference from the first (see [`Difference`]), signed.
fn difference(first: &Summary, s: &Summary, lang: Lang) -> String {
    let signed = |n: Num, text: String| match n.signum() {
        1 => format!("+{text}"),
        -1 => format!("−{text}"),
        _ => text,
    };
    let Difference {
        shut,
        hours_low: low,
        hours_high: high,
        cash,
    } = Difference::between(first, s);
    let shut = Num::int(shut);
    format!(
        "{}{} · {}–{}{} · {}",
        signed(shut, large_number(shut.abs(), lang)),
        Text::UnitAccounts.get(lang),
        signed(low, large_number(low.abs(), lang)),
        signed(high, large_number(high.abs(), lang)),
        Text::UnitHours.get(lang),
        signed(cash, money(cash.abs(), lang)),
    )
}

/// Why a plan file was not opened. Kept as what went wrong rather than as
/// a message, so that the message follows a switch of language.
enum FileProblem {
    /// Not text, or not JSON.
    Unreadable,
    /// JSON, but not a plan file.
    Refused(js_input::ReadError),
}

impl FileProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            FileProblem::Unreadable => Text::NoticeFileUnreadable.get(lang).to_string(),
            FileProblem::Refused(error) => error.message(lang),
        }
    }
}

/// The comparison view (`data-testid="plans"`).
#[component]
pub fn PlansPanel(props: &PlansProps) -> Html {
    let lang = props.lang;
    let plans = props.plans.list();
    let current = props.plans.current_index();
    let error = use_state(|| None::<FileProblem>);
    let summaries: Vec<&Summary> = props.estimates.iter().map(|e| &e.summary).collect();

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

    let rules: Vec<String> = plans
        .iter()
        .map(|plan| {
            let labels: Vec<&str> = plan
                .rules
                .as_slice()
                .iter()
                .map(|r| r.label(lang))
                .collect();
            match labels.is_empty() {
                true => Text::NoRules.get(lang).to_string(),
                false => labels.join(" › "),
            }
        })
        .collect();
    let platforms: Vec<Platform> = props
        .estimates
        .first()
        .map(|e| e.summary.by_platform.present().map(|(p, _)| p).collect())
        .unwrap_or_default();
    let table_rows =
        table(&summaries, &platforms, rules, lang)
            .into_iter()
            .map(|(label, cells)| {
                html! {
                    <tr>
                        <th scope="row">{ label }</th>
                        { for cells.into_iter().enumerate().map(|(n, cell)| html! {
                            <td class={classes!("num", (n == current).then_some("current"))}>
                                { for cell.into_iter().map(|part| match part {
                                    Part::Text(text) => html! { { text } },
                                    Part::Figure(id, value, text) => html! {
                                        <span data-testid={id} data-value={value}>{ text }</span>
                                    },
                                }) }
                            </td>
                        }) }
                    </tr>
                }
            });

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
                    .ok_or(FileProblem::Unreadable)
                    .and_then(|text| {
                        let value =
                            js_sys::JSON::parse(&text).map_err(|_| FileProblem::Unreadable)?;
                        js_input::plans_file(&value).map_err(FileProblem::Refused)
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
            if let Some(problem) = &*error {
                <p class="error" role="alert" data-testid="plans-error">
                    { Text::NoticePlansUnreadable.get(lang) }{ problem.message(lang) }
                </p>
            }
            <div class="table-scroll">
                <table class="plans-table">
                    <thead><tr><th scope="col"></th>{ for heads }</tr></thead>
                    <tbody>{ for table_rows }</tbody>
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
