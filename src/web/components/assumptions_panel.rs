//! The assumptions of SPEC §3, each editable, with its unit, its source and
//! a reset. A range is two inputs. Edits that cannot be used are refused by
//! the reducer with a message naming the assumption; the figures keep the
//! last valid value meanwhile.

use yew::prelude::*;

use crate::core::assumptions::{Assumption, AssumptionError, Assumptions};
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::num::Span;
use crate::web::i18n::Text;
use crate::web::state::Action;

/// Properties of [`AssumptionsPanel`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The assumptions in force.
    pub assumptions: Assumptions,
    /// The last refused edit.
    pub error: Option<AssumptionError>,
    /// The as-of date in force (the set one, or today).
    pub as_of: Date,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The assumptions panel.
#[component]
pub fn AssumptionsPanel(props: &AssumptionsPanelProps) -> Html {
    let lang = props.lang;
    let rows = Assumption::ALL
        .into_iter()
        .filter(|a| *a != Assumption::AsOf)
        .map(|assumption| {
            let value = props.assumptions.get(assumption).unwrap_or_default();
            let error = props
                .error
                .as_ref()
                .filter(|e| e.assumption() == assumption)
                .map(|e| e.message(lang));
            html! {
                <AssumptionRow {lang} {assumption} {value} {error}
                    is_default={Assumptions::default().get(assumption) == Some(value)}
                    dispatch={props.dispatch.clone()} />
            }
        });
    let on_date = props.dispatch.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetAsOf(Date::parse_iso(&input.value()))
    });
    let on_today = props.dispatch.reform(|_: MouseEvent| Action::SetAsOf(None));
    html! {
        <section class="panel assumptions" aria-labelledby="assumptions-heading">
            <h2 id="assumptions-heading">{ Text::AssumptionsHeading.get(lang) }</h2>
            <p class="hint">{ Text::AssumptionsIntro.get(lang) }</p>
            <div class="assumption-list">
                { for rows }
                <div class="assumption">
                    <label for="as-of" class="assumption-label">{ Text::AsOf.get(lang) }</label>
                    <div class="assumption-inputs">
                        <input id="as-of" type="date" data-testid="as-of"
                            value={props.as_of.to_string()} onchange={on_date} />
                        if props.assumptions.as_of.is_some() {
                            <button type="button" class="link" onclick={on_today}>{ Text::Reset.get(lang) }</button>
                        }
                    </div>
                    <div class="source">{ Text::AsOfHint.get(lang) }</div>
                </div>
            </div>
        </section>
    }
}

/// Properties of [`AssumptionRow`].
#[derive(Properties, PartialEq)]
pub struct AssumptionRowProps {
    /// The interface language.
    pub lang: Lang,
    /// Which assumption.
    pub assumption: Assumption,
    /// Its value in force.
    pub value: Span,
    /// Why the last edit was refused, if it was.
    pub error: Option<String>,
    /// True when the value is the default.
    pub is_default: bool,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// One assumption: label, one or two inputs, unit, source and reset.
#[component]
pub fn AssumptionRow(props: &AssumptionRowProps) -> Html {
    let lang = props.lang;
    let assumption = props.assumption;
    let low_ref = use_node_ref();
    let high_ref = use_node_ref();
    let is_range = !props.value.is_point()
        || matches!(
            assumption,
            Assumption::HoursPerPost | Assumption::PostsPerWeek
        );
    let shown = Assumptions::display_value(assumption, props.value);

    let oninput = {
        let dispatch = props.dispatch.clone();
        let (low_ref, high_ref) = (low_ref.clone(), high_ref.clone());
        Callback::from(move |_: InputEvent| {
            let read = |r: &NodeRef| {
                r.cast::<web_sys::HtmlInputElement>()
                    .map(|input| input.value())
            };
            let Some(low) = read(&low_ref) else { return };
            let high = read(&high_ref).unwrap_or_else(|| low.clone());
            dispatch.emit(Action::SetAssumption {
                assumption,
                low,
                high,
            });
        })
    };
    let on_reset = props
        .dispatch
        .reform(move |_: MouseEvent| Action::ResetAssumption(assumption));
    let id = assumption.key();
    let label = assumption.label(lang);
    let invalid = props.error.is_some().then_some("true");
    html! {
        <div class={classes!("assumption", props.error.is_some().then_some("invalid"))}>
            <label for={id} class="assumption-label">{ label }</label>
            <div class="assumption-inputs">
                <input id={id} ref={low_ref} type="text" inputmode="decimal" size="7"
                    data-testid={format!("assumption-{id}")}
                    aria-label={if is_range { format!("{label} {}", Text::Low.get(lang)) } else { label.to_string() }}
                    aria-invalid={invalid}
                    value={shown.low.clone()} oninput={oninput.clone()} />
                if is_range {
                    <span class="dash">{ "–" }</span>
                    <input ref={high_ref} type="text" inputmode="decimal" size="7"
                        data-testid={format!("assumption-{id}-high")}
                        aria-label={format!("{label} {}", Text::High.get(lang))}
                        aria-invalid={invalid}
                        value={shown.high.clone()} {oninput} />
                }
                <span class="unit">{ assumption.unit(lang) }</span>
                if !props.is_default {
                    <button type="button" class="link" onclick={on_reset}>{ Text::Reset.get(lang) }</button>
                }
            </div>
            if let Some(error) = &props.error {
                <div class="error" role="alert">{ error }</div>
            }
            <div class="source">{ Text::Source.get(lang) }{ assumption.source(lang) }</div>
        </div>
    }
}
