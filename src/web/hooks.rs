//! Custom hooks: behaviours the components need that are not rendering.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::estimate::Summary;
use crate::core::lang::Lang;
use crate::web::embed::{post_summary, watch_height};
use crate::web::query::PageOptions;
use crate::web::shared::Shared;
use crate::web::state::{Action, Notice, State, Work, LARGE_INPUT};
use crate::web::storage::{self, SaveError, Saved};

/// How long after a render its frame has been painted, near enough: what
/// waits for that frame (a large list's save, the rest of the table's
/// page) waits this long.
const AFTER_PAINT_MS: u32 = 50;

/// True from [`AFTER_PAINT_MS`] after `ready` turned true, by when the
/// frame that followed has been painted; false before, and again whenever
/// `ready` is false. What a component holds back with it renders after
/// that frame, so that the frame shows what matters first.
#[hook]
pub fn use_painted(ready: bool) -> bool {
    use_painted_for(ready.then_some(0))
}

/// [`use_painted`] for one `key`: true from [`AFTER_PAINT_MS`] after `key`
/// became what it is, while it stays that; false for `None`.
#[hook]
fn use_painted_for(key: Option<u32>) -> bool {
    let painted = use_state_eq(|| None);
    {
        let painted = painted.clone();
        use_effect_with(key, move |&key| {
            let timer = match key {
                Some(_) => Some(Timeout::new(AFTER_PAINT_MS, move || painted.set(key))),
                None => {
                    painted.set(None);
                    None
                }
            };
            // Unmounted, or `key` changed first: it does not run.
            move || drop(timer)
        });
    }
    key.is_some() && *painted == key
}

/// The list the paste box shows while it should hold `text` (`None`:
/// nothing, as for a large list), and whether `text` is still to come into
/// it (the box is then read-only and `aria-busy`).
///
/// Text typed into the box, or pasted into it at the cursor, is in the box
/// already, and is shown as it is. A list that replaced the box's content
/// (a paste over all of it, the demo, a file, the saved list on reload,
/// another tab's) comes into the box [`AFTER_PAINT_MS`] later, after the
/// frame that shows its figures: the browser lays out every line of a text
/// box, and a list of a few hundred rows took 15–40 ms of that frame. Until
/// then the box keeps what it held, read-only, so that nothing can be typed
/// into text about to be replaced.
#[hook]
pub fn use_box_text(text: Option<&Shared<str>>, node: &NodeRef) -> (Option<Shared<str>>, bool) {
    // The box's text is read (a copy of all of it) only when the list is not
    // the one it was given: after an edit or a replacement, not when the
    // panel renders for anything else. `node` is the paste box's: no need to
    // ask the browser what it is.
    let in_box = |_: &Option<Shared<str>>, text: &Option<Shared<str>>| {
        node.get().is_some_and(|element| {
            let value = element.unchecked_into::<HtmlTextAreaElement>().value();
            text.as_ref()
                .map_or(value.is_empty(), |text| value == **text)
        })
    };
    use_held(&text.cloned(), in_box)
}

/// `value` once the frame after its latest change has been painted
/// ([`AFTER_PAINT_MS`] later); until then what was shown before
/// (`T::default()` at first), and `true` for "still to come". A change
/// that `at_once(shown, value)` allows is shown at once. What lies below
/// the fold, or costs the browser much to lay out, takes its value through
/// this, so that the frame after a change shows what matters first.
///
/// A run of changes (typing) is shown the same time after the first, not
/// held back until they stop.
#[hook]
pub fn use_held<T, F>(value: &T, at_once: F) -> (T, bool)
where
    T: Clone + PartialEq + Default + 'static,
    F: FnOnce(&T, &T) -> bool,
{
    // What was last shown, and how many times what was shown changed: the
    // key of the wait, so that a wait that ended does not end the next.
    let shown = use_mut_ref(|| (T::default(), 0u32));
    let held = shown.borrow().0 != *value && !at_once(&shown.borrow().0, value);
    let painted = use_painted_for(held.then_some(shown.borrow().1));
    if held && !painted {
        return (shown.borrow().0.clone(), true);
    }
    let mut shown = shown.borrow_mut();
    if shown.0 != *value {
        *shown = (value.clone(), shown.1.wrapping_add(1));
    }
    (value.clone(), false)
}

/// Saves the user's own list whenever what is saved changes (the demo and
/// an embedded calculator save nothing); shows a notice when the browser
/// refuses, or when another tab saved since this one read the list, and
/// then saves nothing more until the user chooses which to keep.
///
/// A large list (over [`LARGE_INPUT`] bytes) is saved once its analysis is
/// done (`busy` false), just after the frame that shows its figures:
/// writing megabytes takes a tenth of a second, which the figures need not
/// wait for.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>, busy: bool) {
    let large = state.input.len() > LARGE_INPUT;
    let deps = (
        state.work,
        state.lang,
        state.input.clone(),
        state.merges.clone(),
        state.plans.clone(),
        state.kept,
        busy && large,
    );
    let handle = state.clone();
    let kept_saved = use_mut_ref(|| 0u32);
    use_effect_with(
        deps,
        move |(work, lang, input, merges, plans, kept, wait)| {
            let conflict = handle.notice == Some(Notice::ChangedElsewhere);
            let skip = *work != Work::Own || handle.as_saved || conflict || *wait;
            let (lang, input, merges, plans, kept) =
                (*lang, input.clone(), merges.clone(), plans.clone(), *kept);
            let save = move || {
                let saved = Saved::new(lang, &input, merges.as_deref(), &plans);
                let chosen = kept != *kept_saved.borrow();
                let result = if chosen {
                    storage::save_over(&saved)
                } else {
                    storage::save(&saved)
                };
                let notice = match result {
                    Ok(()) => {
                        *kept_saved.borrow_mut() = kept;
                        None
                    }
                    Err(SaveError::Changed) => Some(Notice::ChangedElsewhere),
                    Err(SaveError::Refused) => Some(Notice::StorageFull),
                };
                if let Some(notice) = notice.filter(|n| handle.notice != Some(*n)) {
                    handle.dispatch(Action::Notify(notice));
                }
            };
            let timer = match (skip, large) {
                (true, _) => None,
                (false, false) => {
                    save();
                    None
                }
                (false, true) => Some(Timeout::new(AFTER_PAINT_MS, save)),
            };
            move || drop(timer)
        },
    );
    // Another tab's save is told at once, for the user's own list only.
    let watching = state.work == Work::Own;
    let handle = state.clone();
    use_effect_with(watching, move |watching| {
        let watch = watching
            .then(|| {
                storage::watch_others(move || {
                    handle.dispatch(Action::Notify(Notice::ChangedElsewhere))
                })
            })
            .flatten();
        move || drop(watch)
    });
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
