//! The web shell: the Yew app and the JavaScript API. Compiled for wasm32
//! only; the core it drives has no web dependencies.

pub mod analysis;
pub mod api;
pub mod app;
pub mod clipboard;
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

use crate::core::date::Date;
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
