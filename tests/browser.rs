//! Browser tests: the Yew app rendered into a real DOM in headless Chromium.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`
//! (`make test` does).
#![cfg(target_arch = "wasm32")]

use jianfu::core::lang::Lang;
use jianfu::web::app::{App, AppProps};
use jianfu::web::query::PageOptions;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the app into a fresh element and waits for Yew to finish.
async fn render(options: PageOptions) -> web_sys::Element {
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { options }).render();
    yew::scheduler::flush().await;
    root
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(root: &web_sys::Element, test_id: &str) -> String {
    root.query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_the_title_in_chinese_by_default() {
    let root = render(PageOptions::default()).await;
    assert_eq!(text_of(&root, "title"), "减负测算");
    let html_lang = gloo_document()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
async fn the_switch_changes_language_and_html_lang() {
    let root = render(PageOptions::default()).await;
    let switch: web_sys::HtmlElement = root
        .query_selector("[data-testid='lang-switch']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    switch.click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "title"), "Jianfu");
    let html_lang = gloo_document()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn the_query_string_picks_english() {
    let options = PageOptions::from_query("?lang=en");
    assert_eq!(options.lang, Some(Lang::En));
    let root = render(options).await;
    assert_eq!(text_of(&root, "title"), "Jianfu");
}
