//! The page header: title, purpose and the language switch.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::web::i18n::Text;

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The interface language.
    pub lang: Lang,
    /// Called with the language the user switches to.
    pub on_lang: Callback<Lang>,
}

/// The title, the one-line purpose and the zh/en switch.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let other = lang.other();
    let onclick = props.on_lang.reform(move |_: MouseEvent| other);
    html! {
        <header class="page-header">
            <div class="title-row">
                <h1 data-testid="title">{ Text::Title.get(lang) }</h1>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    lang={other.tag()}
                    aria-label={Text::SwitchLanguageLabel.get(lang)}
                    {onclick}
                >
                    { Text::SwitchLanguage.get(lang) }
                </button>
            </div>
            <p class="tagline">{ Text::Tagline.get(lang) }</p>
        </header>
    }
}
