//! The JavaScript API of SPEC §6, for intranet pages: `estimate`, `parse`,
//! `demoText`, `version` and `mount`, exported from the ES module and set on
//! `window.jianfu` once the module has loaded.
//!
//! Results are plain JS objects made by serde-wasm-bindgen, in the camelCase
//! shapes SPEC §6 lists. Arguments are read by [`js_input`], which never lets
//! a JS exception run through the wasm; bad arguments become JS exceptions
//! thrown once the wasm has returned (`TypeError` for a value of the wrong
//! type, `Error` otherwise), with a message that names the value, such as
//! `jianfu: input[3]["粉丝数"]: …`, never a panic.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::compare::{compare as run_compare, ComparisonView};
use crate::core::demo;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::estimate::{estimate as run_estimate, AccountView, Approximated, Summary};
use crate::core::import::{import, import_records, Context, Import};
use crate::core::lang::Lang;
use crate::core::plan::Plan;
use crate::web::app::AppProps;
use crate::web::columns;
use crate::web::js_input::{self, Input, Options, ReadError};
use crate::web::mounts;
use crate::web::query::PageOptions;
use crate::web::today;

/// What `compare` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CompareResult<'a> {
    #[serde(flatten)]
    comparison: ComparisonView<'a>,
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

fn diagnostics(list: &[Diagnostic], lang: Lang) -> Vec<DiagnosticView<'_>> {
    list.iter()
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

/// Reads and imports `input` (see [`js_input::input`]).
fn read_input(input: &JsValue, context: &Context, lang: Lang) -> Result<Import, JsValue> {
    match js_input::input(input).map_err(|e| e.to_js(lang))? {
        Input::Text(text) => Ok(import(&text, context)),
        Input::Rows(records) => Ok(import_records(&records, context)),
    }
}

/// Reads `options`; an error is given in the language asked for, once
/// that much could be read.
fn read_options(options: &JsValue) -> Result<Options, JsValue> {
    js_input::options(options).map_err(|(lang, e)| e.to_js(lang))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("jianfu: {e}")).into())
}

/// `estimate(input, assumptions?, options?)`: imports `input` (text or an
/// array of row objects), estimates with the given assumptions (any subset
/// of SPEC §3 in camelCase, ranges as `[low, high]`; `assumptions.rules`
/// the rules by key, in order, else the default plan's), and returns
/// `{ accounts, summary, diagnostics }`. `options.lang` (`"zh"` or `"en"`)
/// picks the language of reasons and messages.
#[wasm_bindgen]
pub fn estimate(
    input: JsValue,
    assumptions: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    estimate_with(&assumptions, &options, |context, lang| {
        read_input(&input, context, lang)
    })
}

/// `estimateSheet(text, merges, assumptions?, options?)`: `estimate` for a
/// workbook's sheet as the reader gives it, its text with its merges. Not
/// for pages: `estimateWorkbook` (static/workbook.js) calls it with what
/// the reader returned.
#[doc(hidden)]
#[wasm_bindgen(js_name = estimateSheet)]
pub fn estimate_sheet(
    text: String,
    merges: JsValue,
    assumptions: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let merges = crate::web::json::merges(&merges).ok_or_else(|| {
        js_sys::Error::new("jianfu: estimateSheet(merges): not the reader's merges")
    })?;
    estimate_with(&assumptions, &options, |context, _| {
        let context = Context {
            merges: Some(merges),
            ..context.clone()
        };
        Ok(import(&text, &context))
    })
}

/// `estimate`'s work once the input is known: the options and assumptions
/// read, the input imported by `read` against the as-of date, the estimate
/// made, and the result with its diagnostics as `estimate` returns it.
fn estimate_with(
    assumptions: &JsValue,
    options: &JsValue,
    read: impl FnOnce(&Context, Lang) -> Result<Import, JsValue>,
) -> Result<JsValue, JsValue> {
    let lang = read_options(options)?.lang;
    let fail = |e: ReadError| e.to_js(lang);
    let rules = match assumptions.is_object() {
        true => {
            let rules = js_sys::Reflect::get(assumptions, &"rules".into())
                .map_err(|_| js_sys::Error::new("jianfu: assumptions.rules threw when read"))?;
            js_input::rules(&rules, "assumptions.rules").map_err(fail)?
        }
        false => None,
    };
    let assumptions = js_input::assumptions(assumptions, "assumptions").map_err(fail)?;
    let plan = Plan::new(assumptions).with_rules(rules.unwrap_or_default());
    let today = today();
    let import = read(&Context::as_of(plan.as_of(today)), lang)?;
    let result = run_estimate(&import.accounts, &plan, today);
    let view = result.view(lang);
    // Figures too large to work out exactly are said first.
    let approximated = result.approximated.diagnostics();
    let mut shown = diagnostics(&approximated, lang);
    shown.extend(diagnostics(&import.diagnostics, lang));
    estimate_result(&view.accounts, view.summary, &shown)
}

/// `estimate`'s result, `{ accounts, summary, diagnostics }`: the accounts
/// built in JS from columns (`web::columns`), the rest by serde.
fn estimate_result(
    accounts: &[AccountView],
    summary: &Summary,
    diagnostics: &[DiagnosticView],
) -> Result<JsValue, JsValue> {
    let result = js_sys::Object::new();
    let entries = [
        ("accounts", columns::accounts(accounts)),
        ("summary", to_js(summary)?),
        ("diagnostics", to_js(&diagnostics)?),
    ];
    for (key, value) in entries {
        // Reflect.set on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&result, &key.into(), &value);
    }
    Ok(result.into())
}

/// `compare(input, plans, options?)`: imports `input` once and estimates it
/// under each plan (`{ name, rules: ["dormant", …], assumptions?,
/// overrides?, mainAccount? }`, one to four; they share one as-of date),
/// returning `{ plans: [{ name, rules, summary }], accounts: [{ row, name,
/// unit, platform, level, differs, plans: [{ decision, rule, reason,
/// mergeInto, hoursFreed, cashSaved }] }], diagnostics }`.
#[wasm_bindgen]
pub fn compare(input: JsValue, plans: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let lang = read_options(&options)?.lang;
    let plans = js_input::plans(&plans, "plans").map_err(|e| e.to_js(lang))?;
    let as_of = plans[0].assumptions.as_of;
    if let Some(at) = plans.iter().position(|p| p.assumptions.as_of != as_of) {
        let message = match lang {
            Lang::Zh => format!("jianfu: plans[{at}].assumptions.asOf: 各方案须使用同一测算基准日"),
            Lang::En => {
                format!("jianfu: plans[{at}].assumptions.asOf: the plans share one as-of date")
            }
        };
        return Err(js_sys::RangeError::new(&message).into());
    }
    let today = today();
    let import = read_input(&input, &Context::as_of(plans[0].as_of(today)), lang)?;
    let estimates = run_compare(&import.accounts, &plans, today);
    let approximated =
        Approximated::of_all(estimates.iter().map(|e| &e.approximated)).diagnostics();
    let mut shown = diagnostics(&approximated, lang);
    shown.extend(diagnostics(&import.diagnostics, lang));
    to_js(&CompareResult {
        comparison: ComparisonView::new(&plans, &estimates, lang),
        diagnostics: shown,
    })
}

/// `parse(input, options?)`: the accounts and diagnostics of `input`,
/// without an estimate. Days written without a year are read against
/// `options.assumptions.asOf`, else today.
#[wasm_bindgen]
pub fn parse(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let lang = options.lang;
    let assumptions = js_input::assumptions(&options.assumptions, "options.assumptions")
        .map_err(|e| e.to_js(lang))?;
    let as_of = assumptions.as_of.unwrap_or_else(today);
    let import = read_input(&input, &Context::as_of(as_of), lang)?;
    to_js(&ParseResult {
        accounts: &import.accounts,
        diagnostics: diagnostics(&import.diagnostics, lang),
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
///
/// A second `mount` on the same element (or on an element holding a
/// calculator, such as the page's own `#jianfu`) replaces the calculator
/// there; it never renders a second one beside it. Anything but a DOM
/// Element throws a `TypeError`, and an element inside a calculator an
/// `Error`, before anything on the page changes.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<(), JsValue> {
    let options = read_options(&options)?;
    let lang = options.lang;
    let assumptions = if options.assumptions.is_undefined() || options.assumptions.is_null() {
        None
    } else {
        Some(
            js_input::assumptions(&options.assumptions, "options.assumptions")
                .map_err(|e| e.to_js(lang))?,
        )
    };
    let element = js_input::element(&element).map_err(|e| e.to_js(lang))?;
    let page = PageOptions {
        lang: Some(lang),
        embed: options.embed,
        demo: options.demo,
        parent_origin: None,
        assumptions,
    };
    let props = AppProps {
        options: page,
        saves: false,
    };
    mounts::render(element, props).map_err(|_| ReadError::inside_calculator().to_js(lang))
}

/// Sets `window.jianfu` to an object holding the API functions, for pages
/// that load the module with a plain `<script type="module">`.
pub fn expose_on_window() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    // One closure type for all five (a call with fewer arguments passes
    // `undefined` for the rest): each type of closure brings its own glue.
    type ApiFn = dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>;
    let set = |name: &str, f: Box<ApiFn>| {
        let f = Closure::<ApiFn>::wrap(f).into_js_value();
        // Reflect.set on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&api, &name.into(), &f);
    };
    set("estimate", Box::new(estimate));
    set("compare", Box::new(compare));
    set("parse", Box::new(|input, options, _| parse(input, options)));
    set("demoText", Box::new(|_, _, _| Ok(demo_text().into())));
    set("version", Box::new(|_, _, _| Ok(version().into())));
    set(
        "mount",
        Box::new(|element, options, _| mount(element, options).map(|()| JsValue::UNDEFINED)),
    );
    let _ = js_sys::Reflect::set(&window, &"jianfu".into(), &api);
}
