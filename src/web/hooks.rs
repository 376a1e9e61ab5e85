//! Custom hooks: behaviours the root component needs that are not rendering.

use yew::prelude::*;

use crate::core::estimate::Summary;
use crate::core::lang::Lang;
use crate::web::embed::{post_summary, watch_height};
use crate::web::query::PageOptions;
use crate::web::state::{Action, Notice, State};
use crate::web::storage::{self, Saved};

/// Saves the state whenever what is saved changes; shows a notice when the
/// browser refuses.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>) {
    let deps = (
        state.lang,
        state.input.clone(),
        state.merges.clone(),
        state.assumptions,
        state.overrides.clone(),
    );
    let handle = state.clone();
    use_effect_with(
        deps,
        move |(lang, input, merges, assumptions, overrides)| {
            let merges = merges.as_deref();
            let saved = Saved::new(*lang, input, merges, assumptions, overrides);
            if storage::save(&saved).is_err() && handle.notice != Some(Notice::StorageFull) {
                handle.dispatch(Action::Notify(Notice::StorageFull));
            }
        },
    );
}

/// Keeps `<html lang>` true to the interface language, for screen readers
/// and for the browser's choice of CJK fonts.
#[hook]
pub fn use_html_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            // Setting an attribute on the root cannot fail in practice; if it
            // did, the page would still work in the right language.
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
}

/// In an iframe (`?embed=1`): posts the page height to the parent on every
/// change of size, and the summary to `parent_origin` (only) whenever it
/// changes.
#[hook]
pub fn use_embed_messages(options: &PageOptions, summary: &Summary) {
    let embed = options.embed;
    use_effect_with(embed, move |embed| {
        let resizes = embed.then(watch_height).flatten();
        move || drop(resizes)
    });
    let target = options.parent_origin.clone().filter(|_| embed);
    use_effect_with((target, summary.clone()), |(target, summary)| {
        if let Some(origin) = target {
            post_summary(summary, origin);
        }
    });
}
