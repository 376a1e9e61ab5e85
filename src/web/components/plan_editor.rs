//! The current plan's editor: its name, and its rules from the catalogue,
//! each with what it does and the policy it rests on, in order of
//! precedence; for the county profile, the main account.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::estimate::Estimate;
use crate::core::lang::Lang;
use crate::core::plan::Plans;
use crate::core::rules::Rule;
use crate::web::i18n::Text;
use crate::web::shared::Shared;
use crate::web::state::Action;

/// Properties of [`PlanEditor`].
#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    /// The interface language.
    pub lang: Lang,
    /// The plans; the current one is edited.
    pub plans: Plans,
    /// The current plan's estimate (for the main account it found).
    pub estimate: Shared<Estimate>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The editor (`data-testid="plan-editor"`).
#[component]
pub fn PlanEditor(props: &PlanEditorProps) -> Html {
    let lang = props.lang;
    let at = props.plans.current_index();
    let plan = props.plans.current();
    let listed = plan.rules.as_slice();
    // The rules in use, in their order, then the others in the catalogue's.
    let shown = listed.iter().copied().chain(
        Rule::CATALOGUE
            .into_iter()
            .filter(|rule| !listed.contains(rule)),
    );
    let on_name = props.dispatch.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::RenamePlan(at, input.value())
    });
    let on_main = props.dispatch.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetMainAccount(input.value())
    });
    let items = shown.map(|rule| {
        let position = listed.iter().position(|&r| r == rule);
        let toggle = props.dispatch.reform(move |_: Event| Action::ToggleRule(rule));
        let raise = props.dispatch.reform(move |_: MouseEvent| Action::RaiseRule(rule));
        html! {
            <li key={rule.key()} class={classes!("rule", position.is_some().then_some("on"))} data-rule={rule.key()}>
                <label>
                    <input type="checkbox" data-testid={format!("rule-{}", rule.key())}
                        checked={position.is_some()} onchange={toggle} />
                    if let Some(position) = position {
                        <span class="rule-order">{ position + 1 }</span>
                    }
                    <strong>{ rule.label(lang) }</strong>
                </label>
                if position.is_some_and(|p| p > 0) {
                    <button type="button" class="link no-print" data-testid={format!("raise-{}", rule.key())}
                        onclick={raise}>{ "↑ " }{ Text::RaiseRule.get(lang) }</button>
                }
                <div class="rule-what">{ rule.describe(lang) }</div>
                <div class="rule-source">{ Text::Source.get(lang) }{ rule.source(lang) }</div>
            </li>
        }
    });
    let estimate = &props.estimate;
    let main = estimate
        .main_account
        .and_then(|index| estimate.accounts.get(index))
        .map(|account| account.name.clone());
    html! {
        <section class="panel plan-editor no-print" data-testid="plan-editor" aria-labelledby="plan-editor-heading">
            <h2 id="plan-editor-heading">{ Text::PlanEditorHeading.get(lang) }</h2>
            <label class="plan-name">
                { Text::PlanName.get(lang) }
                <input type="text" data-testid="plan-name-input" value={plan.name.clone()} oninput={on_name} />
            </label>
            <p class="hint">{ Text::RulesHint.get(lang) }</p>
            <ol class="rules">{ for items }</ol>
            if plan.rules.contains(Rule::BelowCounty) {
                <label class="main-account">
                    { Text::MainAccount.get(lang) }
                    <input type="text" data-testid="main-account" value={plan.main_account.clone()}
                        onchange={on_main} />
                </label>
                if let Some(main) = main {
                    <p class="hint" data-testid="main-account-found">{ Text::MainAccountFound.get(lang) }{ main }</p>
                }
                if estimate.main_account_missing {
                    <p class="error" role="status" data-testid="main-account-missing">
                        { Text::MainAccountMissing.get(lang) }
                    </p>
                }
            }
        </section>
    }
}
