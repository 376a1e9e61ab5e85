//! Files the page hands to the user, made in the browser as Blobs: nothing
//! is fetched, so downloads work offline and from `file://`.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a CSV file named `name`. Failures (a browser without
/// Blob URLs) leave the page as it was; there is nothing useful to report
/// beyond the file not appearing.
pub fn download_csv(name: &str, text: &str) {
    let _ = try_download(name, text, "text/csv;charset=utf-8");
}

/// Offers `text` as a JSON file named `name` (a plan file).
pub fn download_json(name: &str, text: &str) {
    let _ = try_download(name, text, "application/json");
}

fn try_download(name: &str, text: &str, mime: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body = document.body()?;
    body.append_child(&anchor).ok()?;
    anchor.click();
    body.remove_child(&anchor).ok()?;
    Url::revoke_object_url(&url).ok()
}
