//! The page footer: the privacy promise, the offline copy and the version.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::web::i18n::Text;

/// The one-file build next to the hosted page (see scripts/postbuild.mjs).
const OFFLINE_FILE: &str = "jianfu-offline.html";

/// Properties of [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The interface language.
    pub lang: Lang,
}

/// The privacy promise, the "download offline copy" link and the version.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    // The offline copy is itself opened from disk, where the link would lead
    // nowhere.
    let hosted = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p.starts_with("http"));
    html! {
        <footer class="page-footer">
            <p>{ Text::FooterPrivacy.get(lang) }</p>
            if hosted {
                <p class="no-print">
                    <a href={OFFLINE_FILE} download={OFFLINE_FILE} data-testid="offline-link">
                        { Text::OfflineCopy.get(lang) }
                    </a>
                </p>
            }
            <p class="version">{ concat!("Jianfu ", env!("CARGO_PKG_VERSION")) }</p>
        </footer>
    }
}
