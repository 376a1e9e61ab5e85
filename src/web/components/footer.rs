//! The page footer.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::web::i18n::Text;

/// Properties of [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The interface language.
    pub lang: Lang,
}

/// The privacy promise and version.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer class="page-footer">
            <p>{ Text::FooterPrivacy.get(props.lang) }</p>
            <p class="version">{ concat!("Jianfu ", env!("CARGO_PKG_VERSION")) }</p>
        </footer>
    }
}
