//! The JavaScript API of SPEC §6, for intranet pages: `estimate`, `parse`,
//! `demoText`, `version` and `mount`, exported from the ES module and set on
//! `window.jianfu` once the module has loaded.
//!
//! Results are plain JS objects made by serde-wasm-bindgen, in the camelCase
//! shapes SPEC §6 lists. Bad arguments become JS exceptions (`Error` with a
//! readable message), never a panic.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::assumptions::{Assumptions, AssumptionsInput};
use crate::core::demo;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::estimate::{estimate as run_estimate, AccountView, Overrides, Summary};
use crate::core::import::{import, import_records, Context, Import};
use crate::core::lang::Lang;
use crate::web::app::{App, AppProps};
use crate::web::query::PageOptions;
use crate::web::today;

/// What `estimate` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EstimateResult<'a> {
    accounts: Vec<AccountView<'a>>,
    summary: &'a Summary,
    diagnostics: Vec<DiagnosticView<'a>>,
}

/// What `parse` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParseResult<'a> {
    accounts: &'a [crate::core::account::Account],
    diagnostics: Vec<DiagnosticView<'a>>,
}

/// A diagnostic with its message in one language.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DiagnosticView<'a> {
    row: usize,
    column: &'a str,
    value: &'a str,
    severity: Severity,
    message: String,
}

/// Options of `estimate`, `parse` and `mount` beyond the assumptions.
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ApiOptions {
    lang: Option<String>,
    demo: Option<String>,
    embed: Option<bool>,
    assumptions: Option<AssumptionsInput>,
}

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

fn diagnostics(import: &Import, lang: Lang) -> Vec<DiagnosticView<'_>> {
    import
        .diagnostics
        .iter()
        .map(|d: &Diagnostic| DiagnosticView {
            // The JS shape of SPEC §6: row 0 and column "" for the whole
            // input.
            row: d.row().unwrap_or(0),
            column: d.column().unwrap_or(""),
            value: &d.value,
            severity: d.severity,
            message: d.message(lang),
        })
        .collect()
}

/// Reads `input`: pasted text, or an array of row objects whose keys are
/// column headers.
fn read_input(input: &JsValue, context: &Context) -> Result<Import, JsValue> {
    if let Some(text) = input.as_string() {
        return Ok(import(&text, context));
    }
    if !js_sys::Array::is_array(input) {
        return Err(error(
            "jianfu: input must be the pasted text (a string) or an array of row objects",
        ));
    }
    let rows = js_sys::Array::from(input);
    let mut records = Vec::with_capacity(rows.length() as usize);
    for (index, row) in rows.iter().enumerate() {
        if !row.is_object() || js_sys::Array::is_array(&row) {
            return Err(error(format!(
                "jianfu: input[{index}] must be an object such as {{\"公众号名称\": \"…\", \"粉丝数\": 856}}"
            )));
        }
        let entries = js_sys::Object::entries(&js_sys::Object::from(row));
        let record = entries
            .iter()
            .map(|entry| {
                let pair = js_sys::Array::from(&entry);
                let key = pair.get(0).as_string().unwrap_or_default();
                let value = pair.get(1);
                let text = if value.is_null() || value.is_undefined() {
                    String::new()
                } else {
                    value.as_string().unwrap_or_else(|| {
                        String::from(js_sys::JSON::stringify(&value).unwrap_or_default())
                    })
                };
                (key, text)
            })
            .collect();
        records.push(record);
    }
    Ok(import_records(&records, context))
}

/// The assumptions an intranet page gives, over the defaults, or an error
/// in `lang` naming the one refused.
fn applied(given: AssumptionsInput, lang: Lang) -> Result<Assumptions, JsValue> {
    given
        .apply(Assumptions::default())
        .map_err(|e| error(format!("jianfu: {}", e.message(lang))))
}

fn lang_of(options: &JsValue) -> Result<(Lang, ApiOptions), JsValue> {
    let options: ApiOptions = if options.is_undefined() || options.is_null() {
        ApiOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options.clone())
            .map_err(|e| error(format!("jianfu: options: {e}")))?
    };
    let lang = options
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    Ok((lang, options))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(format!("jianfu: {e}")))
}

/// `estimate(input, assumptions?, options?)`: imports `input` (text or an
/// array of row objects), estimates with the given assumptions (any subset
/// of SPEC §3 in camelCase, ranges as `[low, high]`), and returns
/// `{ accounts, summary, diagnostics }`. `options.lang` (`"zh"` or `"en"`)
/// picks the language of reasons and messages.
#[wasm_bindgen]
pub fn estimate(
    input: JsValue,
    assumptions: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let (lang, _) = lang_of(&options)?;
    let given: AssumptionsInput = if assumptions.is_undefined() || assumptions.is_null() {
        AssumptionsInput::default()
    } else {
        serde_wasm_bindgen::from_value(assumptions)
            .map_err(|e| error(format!("jianfu: assumptions: {e}")))?
    };
    let assumptions = applied(given, lang)?;
    let as_of = assumptions.as_of.unwrap_or_else(today);
    let import = read_input(&input, &Context::as_of(as_of))?;
    let result = run_estimate(&import.accounts, &assumptions, as_of, &Overrides::new());
    let view = result.view(lang);
    to_js(&EstimateResult {
        accounts: view.accounts,
        summary: view.summary,
        diagnostics: diagnostics(&import, lang),
    })
}

/// `parse(input, options?)`: the accounts and diagnostics of `input`,
/// without an estimate. Days written without a year are read against
/// `options.assumptions.asOf`, else today.
#[wasm_bindgen]
pub fn parse(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let (lang, options) = lang_of(&options)?;
    let as_of = match options.assumptions {
        Some(given) => applied(given, lang)?.as_of,
        None => None,
    };
    let import = read_input(&input, &Context::as_of(as_of.unwrap_or_else(today)))?;
    to_js(&ParseResult {
        accounts: &import.accounts,
        diagnostics: diagnostics(&import, lang),
    })
}

/// `demoText()`: the Changxing demo list as CSV text.
#[wasm_bindgen(js_name = demoText)]
pub fn demo_text() -> String {
    demo::DEMO_CSV.to_string()
}

/// `version()`: the version of this build.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `mount(element, options?)`: renders the calculator into `element`.
/// `options`: `lang` (`"zh"`/`"en"`), `demo` (`"changxing"`), `embed`
/// (hide header and footer), `assumptions` (as for `estimate`).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<(), JsValue> {
    let (lang, options) = lang_of(&options)?;
    let assumptions = match options.assumptions {
        Some(given) => Some(applied(given, lang)?),
        None => None,
    };
    let page = PageOptions {
        lang: Some(lang),
        embed: options.embed.unwrap_or(false),
        demo: options.demo.as_deref() == Some(demo::DEMO_KEY),
        parent_origin: None,
        assumptions,
    };
    yew::Renderer::<App>::with_root_and_props(
        element,
        AppProps {
            options: page,
            saves: false,
        },
    )
    .render();
    Ok(())
}

/// Sets `window.jianfu` to an object holding the API functions, for pages
/// that load the module with a plain `<script type="module">`.
pub fn expose_on_window() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let set = |name: &str, f: &JsValue| {
        // Reflect.set on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&api, &name.into(), f);
    };
    set(
        "estimate",
        &Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(estimate)
            .into_js_value(),
    );
    set(
        "parse",
        &Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(parse)
            .into_js_value(),
    );
    set(
        "demoText",
        &Closure::<dyn Fn() -> String>::new(demo_text).into_js_value(),
    );
    set(
        "version",
        &Closure::<dyn Fn() -> String>::new(version).into_js_value(),
    );
    set(
        "mount",
        &Closure::<dyn Fn(web_sys::Element, JsValue) -> Result<(), JsValue>>::new(mount)
            .into_js_value(),
    );
    let _ = js_sys::Reflect::set(&window, &"jianfu".into(), &api);
}
