//! The web shell: the Yew app and the JavaScript API. Compiled for wasm32
//! only; the core it drives has no web dependencies.

pub mod analysis;
pub mod api;
pub mod app;
pub mod clipboard;
pub mod columns;
pub mod components;
pub mod decode;
pub mod download;
pub mod embed;
pub mod hooks;
pub mod i18n;
pub mod js_input;
pub mod json;
pub mod mounts;
pub mod query;
pub mod shared;
pub mod state;
pub mod storage;
pub mod upload;

use wasm_bindgen::prelude::*;

use crate::core::assumptions::Assumptions;
use crate::core::compare::compare;
use crate::core::date::Date;
use crate::core::demo::{demo_as_of, DEMO_CSV};
use crate::core::import::import_text;
use crate::core::lang::Lang;
use crate::core::plan::Plans;
use crate::web::app::AppProps;
use crate::web::query::PageOptions;

/// The id of the element the hosted page renders into. A page that only
/// imports the module (for `estimate` or `mount`) has no such element, and
/// nothing is rendered into it uninvited.
pub const ROOT_ID: &str = "jianfu";

/// Runs when the module is instantiated: sets `window.jianfu`, and renders
/// the app into `#jianfu` if the page has one.
#[wasm_bindgen(start)]
fn start() {
    api::expose_on_window();
    gloo::timers::callback::Timeout::new(WARM_UP_AFTER_MS, || warm_up(WARM_UP_ROUNDS)).forget();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID))
    else {
        return;
    };
    let options = PageOptions::from_location();
    let props = AppProps {
        saves: !options.embed,
        options,
    };
    // Nothing is rendered yet, so #jianfu cannot lie inside a calculator.
    let _ = mounts::render(root, props);
}

/// How many times [`warm_up`] works the demo list.
const WARM_UP_ROUNDS: u32 = 3;

/// How long after the start [`warm_up`] waits, so that it never competes
/// with the page's first figures.
const WARM_UP_AFTER_MS: u32 = 1000;

/// Imports the demo list and estimates its three preset plans, once in
/// each of `rounds` idle periods, and throws the results away, so that the
/// user's first paste (or a page's first `estimate()`) runs code the
/// browser has already optimised.
///
/// A browser first runs wasm with a quick baseline compiler and optimises a
/// function only once it has run a while; a long loop stays in the baseline
/// code until its function is called again. Three rounds (about 60 ms of
/// idle time in Chromium on a 2-core machine) brought a first 300-row paste,
/// made 1.5 s after the page was ready, from 206–221 ms to 138–162 ms. The
/// rounds start a second after the start (run at once, one could fall
/// before the first figures are painted), in idle callbacks, which run only
/// when the page has nothing else to do; a paste in the first second is not
/// helped. Without `requestIdleCallback` there is no warm-up.
fn warm_up(rounds: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The closure type of `embed`'s, so no new glue.
    let round = Closure::<dyn FnMut()>::new(move || {
        let import = import_text(DEMO_CSV);
        let plans = Plans::presets(Assumptions::default(), Lang::Zh);
        std::hint::black_box(compare(&import.accounts, plans.list(), demo_as_of()));
        if rounds > 1 {
            warm_up(rounds - 1);
        }
    })
    .into_js_value();
    let _ = window.request_idle_callback(round.unchecked_ref());
}

/// Today's date in the user's time zone: the default as-of date.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}
