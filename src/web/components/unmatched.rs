//! Decisions set by hand whose account is no longer in the list: kept (a
//! later paste may bring the account back), shown, and each can be dropped.

use yew::prelude::*;

use crate::core::estimate::Estimate;
use crate::core::lang::Lang;
use crate::core::rules::decision_label;
use crate::web::i18n::Text;
use crate::web::shared::Shared;
use crate::web::state::Action;

/// Properties of [`Unmatched`].
#[derive(Properties, PartialEq)]
pub struct UnmatchedProps {
    /// The interface language.
    pub lang: Lang,
    /// The estimate, which lists the overrides that matched no account.
    pub estimate: Shared<Estimate>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The overrides that match no account (`data-testid="unmatched-overrides"`);
/// nothing when every override found its account.
#[component]
pub fn Unmatched(props: &UnmatchedProps) -> Html {
    let unmatched = &props.estimate.unmatched;
    if unmatched.is_empty() {
        return Html::default();
    }
    let lang = props.lang;
    let items = unmatched.iter().map(|(key, decision)| {
        let mut place = vec![key.platform.label(lang).to_string()];
        if !key.unit.is_empty() {
            place.insert(0, key.unit.clone());
        }
        if key.occurrence > 0 {
            place.push(match lang {
                Lang::Zh => format!("第{}个", key.occurrence + 1),
                Lang::En => format!("duplicate no. {}", key.occurrence + 1),
            });
        }
        let place = match lang {
            Lang::Zh => format!("（{}）", place.join("·")),
            Lang::En => format!(" ({})", place.join(", ")),
        };
        let onclick = {
            let key = key.clone();
            props
                .dispatch
                .reform(move |_: MouseEvent| Action::ResetOverride(key.clone()))
        };
        html! {
            <li>
                <strong>{ &key.name }</strong>
                { place }{ lang.pick("：", ": ") }{ decision_label(*decision, lang) }
                <button type="button" class="link" {onclick}>{ Text::UndoOverride.get(lang) }</button>
            </li>
        }
    });
    html! {
        <section class="panel unmatched" data-testid="unmatched-overrides"
            data-count={unmatched.len().to_string()}>
            <p>{ Text::UnmatchedOverrides.get(lang) }</p>
            <ul>{ for items }</ul>
        </section>
    }
}
