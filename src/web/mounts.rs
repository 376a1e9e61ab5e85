//! The calculators rendered on this page, by the element each is rendered
//! into: the page's own `#jianfu` and every `mount(element)`.
//!
//! Yew empties an element before rendering into it, but the app that was
//! there keeps running and rendering, so a second `mount` on one element
//! gave two calculators, with the same ids. A calculator rendered here
//! replaces any rendered into the same element or into one inside it: the
//! old one is destroyed (its effects cleaned up, its nodes removed).

use std::cell::RefCell;

use web_sys::Element;
use yew::AppHandle;

use crate::web::app::{App, AppProps};

thread_local! {
    /// Each rendered calculator with the element it is rendered into.
    static MOUNTED: RefCell<Vec<(Element, AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// Renders the calculator into `root`, replacing any calculator rendered
/// into `root` or into an element inside it; or refuses (and changes
/// nothing) when `root` lies inside a calculator rendered here.
pub fn render(root: Element, props: AppProps) -> Result<(), InsideCalculator> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        if mounted
            .iter()
            .any(|(old, _)| old != &root && old.contains(Some(&root)))
        {
            return Err(InsideCalculator);
        }
        let mut index = 0;
        while index < mounted.len() {
            if root.contains(Some(&mounted[index].0)) {
                destroy(mounted.swap_remove(index).1);
            } else {
                index += 1;
            }
        }
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        mounted.push((root, app));
        Ok(())
    })
}

/// Destroys a calculator. Yew ignores the destruction of an app it has not
/// created yet (`mount` twice in one task: the first app's creation is
/// still queued) and then creates it anyway; so such an app is destroyed
/// in a task queued after Yew's, which creates it first. Destroying only
/// schedules work, so nothing here runs again while [`render`] holds the
/// list.
fn destroy(app: AppHandle<App>) {
    if app.get_component().is_some() {
        app.destroy();
    } else {
        wasm_bindgen_futures::spawn_local(async move { app.destroy() });
    }
}

/// `mount` was asked to render into an element inside a calculator.
pub struct InsideCalculator;
