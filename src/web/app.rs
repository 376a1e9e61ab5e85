//! The root component.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::web::components::footer::Footer;
use crate::web::components::header::Header;
use crate::web::query::PageOptions;
use crate::web::state::{Action, State};

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Options from the URL or from `mount(element, options)`.
    #[prop_or_default]
    pub options: PageOptions,
}

/// The whole calculator.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial_lang = props.options.lang.unwrap_or_default();
    let state = use_reducer(move || State::new(initial_lang));
    let lang = state.lang;

    // Keep `<html lang>` true to the interface language, for screen readers
    // and for the browser's choice of CJK fonts.
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            // Setting an attribute on the root element cannot fail in practice;
            // if it did, the page would still work in the right language.
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| state.dispatch(Action::SetLang(lang)))
    };

    html! {
        <div class="app">
            <Header {lang} {on_lang} />
            <main class="content"></main>
            <Footer {lang} />
        </div>
    }
}
