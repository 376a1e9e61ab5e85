//! Talking to an intranet page that embeds the calculator in an iframe
//! (`?embed=1`).
//!
//! The page's height is posted on every change of size, so the parent can
//! size the iframe; it reveals nothing about the list. The summary is posted
//! only when the embedding page names itself with `?parentOrigin=`, and only
//! to that origin: results are never broadcast to `*`.

use wasm_bindgen::prelude::*;
use web_sys::{ResizeObserver, Window};

use crate::core::estimate::Summary;

/// The `type` of the resize message.
pub const RESIZE: &str = "jianfu:resize";
/// The `type` of the summary message.
pub const SUMMARY: &str = "jianfu:summary";

/// Reads `parentOrigin` as an origin (`https://host[:port]`), or `None`
/// when it is not an http(s) origin.
pub fn parse_origin(text: &str) -> Option<String> {
    let url = web_sys::Url::new(text).ok()?;
    let origin = url.origin();
    let http = url.protocol() == "http:" || url.protocol() == "https:";
    (http && origin != "null").then_some(origin)
}

/// The window of the embedding page, if this page is in a frame.
fn parent() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    // A top-level page is its own parent.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(message: &js_sys::Object, origin: &str) {
    if let Some(parent) = parent() {
        // A parent that has navigated to another origin makes postMessage
        // throw; the message is then simply not delivered.
        let _ = parent.post_message(message, origin);
    }
}

fn message(kind: &str, key: &str, value: &JsValue) -> js_sys::Object {
    let object = js_sys::Object::new();
    // Setting properties on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&object, &key.into(), value);
    object
}

/// Posts the document's height to the parent now and on every change of
/// size. The returned observer must be kept alive (and is disconnected when
/// dropped by [`Resizes`]).
pub fn watch_height() -> Option<Resizes> {
    let document = web_sys::window()?.document()?;
    let root = document.document_element()?;
    let measure = {
        let root = root.clone();
        move || {
            let height = f64::from(root.scroll_height());
            post(&message(RESIZE, "height", &height.into()), "*");
        }
    };
    measure();
    let callback = Closure::<dyn FnMut()>::new(measure);
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    if let Some(body) = document.body() {
        observer.observe(&body);
    }
    Some(Resizes {
        observer,
        _callback: callback,
    })
}

/// A live resize observer; dropping it stops the messages.
pub struct Resizes {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Resizes {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Posts the summary to the parent at `origin`.
pub fn post_summary(summary: &Summary, origin: &str) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = serde::Serialize::serialize(summary, &serializer) {
        post(&message(SUMMARY, "summary", &value), origin);
    }
}
