//! Reading what an intranet page hands the JS API (`estimate`, `parse`,
//! `mount`) into plain Rust data, without ever letting a JS exception run
//! through the wasm.
//!
//! A page's values may throw when read: a getter that throws, a Proxy whose
//! traps throw, a revoked Proxy, a `toJSON` that throws. An exception thrown
//! by an import that is not marked `catch` unwinds through the wasm frames
//! that called it without running their epilogues, so the shadow-stack
//! pointer (`__stack_pointer`, the wasm global that holds the Rust stack)
//! stays where those frames had moved it. Each such call leaks a few KB of
//! the 1 MiB stack; after a few hundred the stack runs below address 0 and
//! every later call, the page's own calculator included, ends in
//! `RuntimeError: memory access out of bounds`. `unwrap_throw` (which
//! `String::from(JsString)` uses on `undefined`) does the same.
//!
//! So every read here goes through an import marked `catch` (`Reflect.get`,
//! and the few below), and nothing here calls `unwrap_throw`. What cannot be
//! read becomes a [`ReadError`] naming where it is (`input[3]["粉丝数"]`,
//! `assumptions.asOf`), which the API returns as a JS exception from the
//! exported function, after the wasm frames have returned.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::assumptions::{Assumption, AssumptionError, Assumptions, AssumptionsInput};
use crate::core::assumptions::{Problem as AssumptionProblem, RangeInput};
use crate::core::demo::DEMO_KEY;
use crate::core::lang::Lang;
use crate::core::plan::RulesError;

mod plans;

pub use plans::{plans, plans_file, rules};

/// What the API was given as `input`.
pub enum Input {
    /// Pasted text.
    Text(String),
    /// Row objects, each as its `(key, cell text)` pairs in key order.
    Rows(Vec<Vec<(String, String)>>),
}

/// The options of `estimate`, `parse` and `mount`.
#[derive(Default)]
pub struct Options {
    /// `options.lang`; an unknown code gives the default language.
    pub lang: Lang,
    /// `options.demo` is `"changxing"`.
    pub demo: bool,
    /// `options.embed`.
    pub embed: bool,
    /// `options.assumptions`, unread: only `parse` and `mount` use it (read
    /// it with [`assumptions`]).
    pub assumptions: JsValue,
}

/// A value the API cannot read, and where it is. Boxed, so that the
/// `Result`s that carry it stay small.
pub struct ReadError(Box<Refusal>);

struct Refusal {
    /// Where, written as the JS expression that reaches it:
    /// `input[3]["粉丝数"]`, `options.assumptions.asOf`, `mount(element)`.
    at: String,
    problem: Problem,
}

/// What is wrong with a value.
enum Problem {
    /// Reading it threw; the message of what was thrown, if it had one.
    Threw(Option<String>),
    /// Reading an object's keys threw (a Proxy's `ownKeys` trap).
    KeysThrew(Option<String>),
    /// A function or a Symbol (`typeof` says which) as a cell's value.
    NotACell(String),
    /// An object that `JSON.stringify` turns into nothing (its `toJSON`
    /// returns `undefined`).
    NoText,
    /// A `Date` whose time is NaN, or a Proxy of one.
    InvalidDate,
    /// A value of the wrong type; `given` describes it.
    Expected { shape: Shape, given: String },
    /// An assumption that cannot be used.
    Assumption(AssumptionError),
    /// `mount` into an element inside a calculator already mounted.
    InsideCalculator,
    /// A list of rules that cannot be used.
    Rules(RulesError),
    /// More plans than the calculator compares, or none.
    PlanCount(usize),
    /// Not a plan file this calculator writes.
    NotPlansFile,
}

/// The shape a value should have had.
#[derive(Clone, Copy)]
enum Shape {
    Input,
    Row,
    Assumptions,
    Options,
    Lang,
    Flag,
    Demo,
    Element,
    Plan,
    Rules,
    Text,
    Override,
    Count,
}

/// Where a value is, cheap to pass around and written out only for an
/// error.
#[derive(Clone, Copy)]
enum At<'a> {
    /// `input`, `options`, `assumptions`, `mount(element)`…
    Name(&'a str),
    /// `options.lang`, `assumptions.asOf`…
    Key(&'a str, &'a str),
    /// `input[3]`.
    Row(u32),
    /// `input[3]["粉丝数"]`.
    Cell(u32, &'a str),
}

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.keys`: an object's own enumerable string keys, the keys
    /// `Object.entries` gives. A Proxy's traps may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;

    /// A `Date`. Its methods are imported `final`, that is called as
    /// `Date.prototype.getDate.call(value)`, so that anything but a real
    /// Date (a Proxy of one passes `instanceof`) throws, and is caught.
    #[wasm_bindgen(js_name = Date)]
    type PageDate;

    #[wasm_bindgen(catch, final, method, js_class = "Date", js_name = getFullYear)]
    fn full_year(this: &PageDate) -> Result<f64, JsValue>;

    #[wasm_bindgen(catch, final, method, js_class = "Date", js_name = getMonth)]
    fn month(this: &PageDate) -> Result<f64, JsValue>;

    #[wasm_bindgen(catch, final, method, js_class = "Date", js_name = getDate)]
    fn day_of_month(this: &PageDate) -> Result<f64, JsValue>;

    /// A DOM node, its getters imported `final` likewise: only a real node
    /// answers (not a plain object, not a Proxy of an element).
    #[wasm_bindgen(js_name = Node)]
    type PageNode;

    #[wasm_bindgen(catch, final, method, getter, js_class = "Node", js_name = nodeType)]
    fn node_type(this: &PageNode) -> Result<u16, JsValue>;

    #[wasm_bindgen(catch, final, method, getter, js_class = "Node", js_name = nodeName)]
    fn node_name(this: &PageNode) -> Result<String, JsValue>;
}

/// The most characters of a value shown in a message.
const SHOWN_CHARS: usize = 40;

/// The most row objects reserved before reading: a sparse array may claim
/// a length of billions.
const RESERVED_ROWS: usize = 1 << 16;

/// Reads the API's `input`: pasted text, or an array of row objects whose
/// keys are column headers. A cell's value becomes text: strings as they
/// are, numbers and BigInts in JS's own decimal form, `null` and
/// `undefined` as an empty cell, a `Date` as its calendar day in the
/// user's time zone (the local date, as `getDate()` gives it, so that a
/// Date made from a date picker or with `new Date(2019, 2, 1)` is the day
/// the user sees), other objects as `JSON.stringify` writes them.
/// Functions, Symbols and values that throw when read are refused, by row
/// and key.
pub fn input(value: &JsValue) -> Result<Input, ReadError> {
    if let Some(text) = value.as_string() {
        return Ok(Input::Text(text));
    }
    let at = At::Name("input");
    if !array(value, at)? {
        return Err(expected(at, Shape::Input, value));
    }
    let length = get(value, "length", at)?.as_f64().unwrap_or(0.0) as u32;
    let mut rows = Vec::with_capacity((length as usize).min(RESERVED_ROWS));
    for index in 0..length {
        let at = At::Row(index);
        let row = Reflect::get(value, &index.into()).map_err(|e| threw(at, &e))?;
        if !plain_object(&row, at)? {
            return Err(expected(at, Shape::Row, &row));
        }
        let keys =
            object_keys(&row).map_err(|e| ReadError::new(at, Problem::KeysThrew(thrown(&e))))?;
        let mut record = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            // Object.keys gives strings only.
            let name = key.as_string().unwrap_or_default();
            let at = At::Cell(index, &name);
            let cell = Reflect::get(&row, &key).map_err(|e| threw(at, &e))?;
            let text = cell_text(&cell).map_err(|problem| ReadError::new(at, problem))?;
            record.push((name, text));
        }
        rows.push(record);
    }
    Ok(Input::Rows(rows))
}

/// Reads the options object of `estimate`, `parse` or `mount`: `lang`
/// (`"zh"` or `"en"`), `demo` (`"changxing"`), `embed` (a boolean) and
/// `assumptions`; other keys are ignored, and `undefined` or `null` leaves
/// an option at its default. An error comes with the language to give it
/// in: the one `options.lang` asks for, once that is read.
pub fn options(value: &JsValue) -> Result<Options, (Lang, ReadError)> {
    let mut options = Options::default();
    match read_options(value, &mut options) {
        Ok(()) => Ok(options),
        Err(error) => Err((options.lang, error)),
    }
}

/// Reads assumptions given as any subset of SPEC §3 in camelCase (see
/// [`AssumptionsInput`]): a number or `[low, high]` each, `asOf` as
/// `"YYYY-MM-DD"` or a `Date` (its local calendar day, as for cells).
/// `undefined` and `null`, for the whole or for one, mean the defaults.
/// `name` is where the object is: `assumptions` or `options.assumptions`.
pub fn assumptions(value: &JsValue, name: &str) -> Result<Assumptions, ReadError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Assumptions::default());
    }
    if !plain_object(value, At::Name(name))? {
        return Err(expected(At::Name(name), Shape::Assumptions, value));
    }
    let mut input = AssumptionsInput::default();
    for assumption in Assumption::ALL {
        let at = At::Key(name, assumption.key());
        let given = get(value, assumption.key(), at)?;
        if given.is_undefined() || given.is_null() {
            continue;
        }
        let problem = match input.range_mut(assumption) {
            Some(slot) => match range(&given, at)? {
                Ok(range) => {
                    *slot = Some(range);
                    continue;
                }
                Err(problem) => problem,
            },
            None => match given.as_string().or_else(|| local_day(&given)) {
                Some(text) => {
                    input.as_of = Some(text);
                    continue;
                }
                None => AssumptionProblem::WrongType {
                    given: describe(&given),
                },
            },
        };
        let error = AssumptionError::new(assumption, problem);
        return Err(ReadError::new(at, Problem::Assumption(error)));
    }
    input.apply(Assumptions::default()).map_err(|error| {
        let at = At::Key(name, error.assumption().key());
        ReadError::new(at, Problem::Assumption(error))
    })
}

/// Reads `mount`'s element: a real DOM Element (see [`PageNode`]).
pub fn element(value: &JsValue) -> Result<web_sys::Element, ReadError> {
    const ELEMENT_NODE: u16 = 1;
    match value.unchecked_ref::<PageNode>().node_type() {
        Ok(ELEMENT_NODE) => Ok(value.clone().unchecked_into()),
        _ => Err(expected(ELEMENT, Shape::Element, value)),
    }
}

/// Where `mount`'s element is named in a message.
const ELEMENT: At<'static> = At::Name("mount(element)");

impl ReadError {
    fn new(at: At<'_>, problem: Problem) -> ReadError {
        let at = match at {
            At::Name(name) => name.to_string(),
            At::Key(name, key) => format!("{name}.{key}"),
            At::Row(index) => format!("input[{index}]"),
            At::Cell(index, key) => format!("input[{index}][{}]", quoted(key)),
        };
        ReadError(Box::new(Refusal { at, problem }))
    }

    /// `mount` into an element inside a calculator already mounted.
    pub fn inside_calculator() -> ReadError {
        ReadError::new(ELEMENT, Problem::InsideCalculator)
    }

    /// The message, naming where the value is: `jianfu: input[3]["粉丝数"]:
    /// …` (the place as the page's code writes it, the rest in `lang`).
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let give = lang.pick(
            "，应为文本、数字、Date 或 null",
            "; give text, a number, a Date or null",
        );
        let (problem, detail) = match &self.0.problem {
            Problem::Threw(detail) => (
                lang.pick("读取时抛出异常", "threw when read").to_string(),
                detail.as_deref(),
            ),
            Problem::KeysThrew(detail) => (
                lang.pick("读取其键名时抛出异常", "threw when its keys were read")
                    .to_string(),
                detail.as_deref(),
            ),
            Problem::NotACell(kind) => {
                let what = match (zh, kind.as_str()) {
                    (true, "function") => "函数不能作为单元格的值",
                    (true, _) => "Symbol 不能作为单元格的值",
                    (false, "function") => "a function is not a cell value",
                    (false, _) => "a Symbol is not a cell value",
                };
                (format!("{what}{give}"), None)
            }
            Problem::NoText => {
                let what = lang.pick(
                    "JSON.stringify 无法把它变成文本（toJSON 返回了 undefined？）",
                    "JSON.stringify turns it into nothing (a toJSON that returns undefined?)",
                );
                (format!("{what}{give}"), None)
            }
            Problem::InvalidDate => (
                lang.pick("是无效的 Date", "is an invalid Date").to_string(),
                None,
            ),
            Problem::Expected { shape, given } => {
                let not = lang.pick("，而不是", ", not ");
                (format!("{}{not}{given}", shape.text(lang)), None)
            }
            Problem::Assumption(error) => (error.message(lang), None),
            Problem::Rules(error) => (error.message(lang), None),
            Problem::PlanCount(count) => {
                let most = crate::core::plan::MAX_PLANS;
                let text = match zh {
                    true => format!("有{count}个方案；可比较1至{most}个"),
                    false => format!("holds {count} plans; from 1 to {most} can be compared"),
                };
                (text, None)
            }
            Problem::NotPlansFile => (
                lang.pick(
                    "不是减负测算的方案文件（应有 \"jianfu\": \"plans\" 和 version 1）",
                    "is not a Jianfu plan file (it should have \"jianfu\": \"plans\" and version 1)",
                )
                .to_string(),
                None,
            ),
            Problem::InsideCalculator => (
                lang.pick(
                    "在已挂载的计算器之内；请挂载到计算器之外的元素",
                    "is inside a calculator already mounted; mount into an element outside it",
                )
                .to_string(),
                None,
            ),
        };
        let detail = match detail {
            Some(text) if zh => format!("（{text}）"),
            Some(text) => format!(" ({text})"),
            None => String::new(),
        };
        format!("jianfu: {}: {problem}{detail}", self.0.at)
    }

    /// The JS exception to throw: a `TypeError` for a value of the wrong
    /// type, an `Error` for anything else.
    pub fn to_js(&self, lang: Lang) -> JsValue {
        let message = self.message(lang);
        let wrong_type = match &self.0.problem {
            Problem::Expected { .. } | Problem::NotACell(_) => true,
            Problem::Assumption(e) => matches!(e.problem(), AssumptionProblem::WrongType { .. }),
            _ => false,
        };
        if wrong_type {
            js_sys::TypeError::new(&message).into()
        } else {
            js_sys::Error::new(&message).into()
        }
    }
}

impl Shape {
    fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Shape::Input => (
                "应为粘贴的文本（字符串）或由行对象组成的数组",
                "must be the pasted text (a string) or an array of row objects",
            ),
            Shape::Row => (
                "应为一行的对象，如 {\"公众号名称\": \"…\", \"粉丝数\": 856}",
                "must be an object for one row, such as {\"公众号名称\": \"…\", \"粉丝数\": 856}",
            ),
            Shape::Assumptions => (
                "应为对象，如 {\"hoursPerPost\": [2, 3], \"asOf\": \"2019-04-19\"}",
                "must be an object such as {\"hoursPerPost\": [2, 3], \"asOf\": \"2019-04-19\"}",
            ),
            Shape::Options => (
                "应为对象，如 {\"lang\": \"en\", \"embed\": true}",
                "must be an object such as {\"lang\": \"en\", \"embed\": true}",
            ),
            Shape::Lang => ("应为\"zh\"或\"en\"", "must be \"zh\" or \"en\""),
            Shape::Flag => ("应为 true 或 false", "must be true or false"),
            // demo::DEMO_KEY.
            Shape::Demo => ("应为\"changxing\"", "must be \"changxing\""),
            Shape::Plan => (
                "应为方案对象，如 {\"name\": \"稳妥\", \"rules\": [\"dormant\"]}",
                "must be a plan object such as {\"name\": \"Cautious\", \"rules\": [\"dormant\"]}",
            ),
            Shape::Rules => (
                "应为规则名的数组，如 [\"dormant\", \"lowReach\"]",
                "must be an array of rule names such as [\"dormant\", \"lowReach\"]",
            ),
            Shape::Text => ("应为文本（字符串）", "must be text (a string)"),
            Shape::Override => (
                "应为 {\"name\": \"…\", \"decision\": \"close\"}，可另有 unit、platform、occurrence",
                "must be {\"name\": \"…\", \"decision\": \"close\"}, with unit, platform and occurrence if needed",
            ),
            Shape::Count => ("应为0或正整数", "must be a whole number from 0 up"),
            Shape::Element => (
                "应为页面中的元素（Element），如 document.getElementById(\"calculator\")",
                "must be a DOM Element, such as document.getElementById(\"calculator\")",
            ),
        };
        lang.pick(zh, en)
    }
}

/// Fills in `options` as it reads them, so that an error after `lang` is
/// given in that language.
fn read_options(value: &JsValue, options: &mut Options) -> Result<(), ReadError> {
    if value.is_undefined() || value.is_null() {
        return Ok(());
    }
    if !plain_object(value, At::Name("options"))? {
        return Err(expected(At::Name("options"), Shape::Options, value));
    }
    if let Some(lang) = option(value, "lang", Shape::Lang, JsValue::as_string)? {
        options.lang = Lang::from_code(&lang).unwrap_or_default();
    }
    if let Some(demo) = option(value, "demo", Shape::Demo, JsValue::as_string)? {
        options.demo = demo == DEMO_KEY;
    }
    if let Some(embed) = option(value, "embed", Shape::Flag, JsValue::as_bool)? {
        options.embed = embed;
    }
    options.assumptions = get(value, "assumptions", At::Key("options", "assumptions"))?;
    Ok(())
}

/// `options[key]` read with `read`: `None` when it is `undefined` or
/// `null`, an error when `read` refuses it.
fn option<T>(
    options: &JsValue,
    key: &str,
    shape: Shape,
    read: fn(&JsValue) -> Option<T>,
) -> Result<Option<T>, ReadError> {
    let at = At::Key("options", key);
    let given = get(options, key, at)?;
    if given.is_undefined() || given.is_null() {
        return Ok(None);
    }
    read(&given)
        .map(Some)
        .ok_or_else(|| expected(at, shape, &given))
}

/// A cell's value as text (see [`input`]).
fn cell_text(value: &JsValue) -> Result<String, Problem> {
    if value.is_undefined() || value.is_null() {
        return Ok(String::new());
    }
    if let Some(text) = value.as_string().or_else(|| number_text(value)) {
        return Ok(text);
    }
    if value.is_function() || value.is_symbol() {
        return Err(Problem::NotACell(
            value.js_typeof().as_string().unwrap_or_default(),
        ));
    }
    if value.is_instance_of::<js_sys::Date>() {
        return local_day(value).ok_or(Problem::InvalidDate);
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => JsValue::from(text).as_string().ok_or(Problem::NoText),
        Err(e) => Err(Problem::Threw(thrown(&e))),
    }
}

/// A number or BigInt in JS's own decimal form (`NaN` and `Infinity` as
/// JS writes them, which the import then reports), without printing
/// floats in Rust.
fn number_text(value: &JsValue) -> Option<String> {
    let text = match value.as_f64() {
        Some(number) if number.is_nan() => return Some("NaN".to_string()),
        Some(number) if number.is_infinite() => {
            let sign = if number < 0.0 { "-" } else { "" };
            return Some(format!("{sign}Infinity"));
        }
        Some(_) => js_sys::JSON::stringify(value).ok()?,
        None if value.is_bigint() => value.unchecked_ref::<js_sys::BigInt>().to_string(10).ok()?,
        None => return None,
    };
    JsValue::from(text).as_string()
}

/// A `Date`'s calendar day in the user's time zone, `YYYY-MM-DD`; `None`
/// for anything else and for an invalid Date.
fn local_day(value: &JsValue) -> Option<String> {
    if !value.is_instance_of::<js_sys::Date>() {
        return None;
    }
    let date = value.unchecked_ref::<PageDate>();
    let year = date.full_year().ok()?;
    let month = date.month().ok()? as u32 + 1;
    let day = date.day_of_month().ok()? as u32;
    // An invalid Date gives NaN for all three.
    year.is_finite()
        .then(|| format!("{:04}-{month:02}-{day:02}", year as i32))
}

/// A number or `[low, high]` (or `[value]`), or the problem with anything
/// else. An array of another length is refused before its elements are
/// read (a sparse one may claim billions).
fn range(value: &JsValue, at: At<'_>) -> Result<Result<RangeInput, AssumptionProblem>, ReadError> {
    if let Some(number) = value.as_f64() {
        return Ok(Ok(RangeInput::One(number)));
    }
    let wrong_type = || AssumptionProblem::WrongType {
        given: describe(value),
    };
    if !array(value, at)? {
        return Ok(Err(wrong_type()));
    }
    let length = get(value, "length", at)?.as_f64().unwrap_or(0.0);
    if length != 1.0 && length != 2.0 {
        let len = length as usize;
        return Ok(Err(AssumptionProblem::NotARange { len }));
    }
    let mut values = Vec::with_capacity(2);
    for index in 0..length as u32 {
        let element = Reflect::get(value, &index.into()).map_err(|e| threw(at, &e))?;
        match element.as_f64() {
            Some(number) => values.push(number),
            None => return Ok(Err(wrong_type())),
        }
    }
    Ok(Ok(RangeInput::Many(values)))
}

/// `Array.isArray(value)`, or the error of a revoked Proxy.
fn array(value: &JsValue, at: At<'_>) -> Result<bool, ReadError> {
    is_array(value).map_err(|e| threw(at, &e))
}

/// An object that is not an array (nor a function, nor null).
fn plain_object(value: &JsValue, at: At<'_>) -> Result<bool, ReadError> {
    Ok(value.is_object() && !array(value, at)?)
}

/// `value[key]`, or the error of a getter or trap that throws.
fn get(value: &JsValue, key: &str, at: At<'_>) -> Result<JsValue, ReadError> {
    Reflect::get(value, &JsValue::from_str(key)).map_err(|e| threw(at, &e))
}

fn threw(at: At<'_>, thrown_value: &JsValue) -> ReadError {
    ReadError::new(at, Problem::Threw(thrown(thrown_value)))
}

fn expected(at: At<'_>, shape: Shape, given: &JsValue) -> ReadError {
    let given = describe(given);
    ReadError::new(at, Problem::Expected { shape, given })
}

/// The message of a thrown value, when it has a readable one.
fn thrown(value: &JsValue) -> Option<String> {
    let message = match value.as_string() {
        Some(text) => text,
        None => Reflect::get(value, &"message".into()).ok()?.as_string()?,
    };
    Some(shorten(&message, 200))
}

/// A short description of a value for a message, as JS writes it (and so
/// the same in every language): `"2"`, `20190419`, `{"low":1,"high":2}`,
/// `#text` for a text node, `Invalid Date`, else its `typeof`.
fn describe(value: &JsValue) -> String {
    if let Ok(name) = value.unchecked_ref::<PageNode>().node_name() {
        return name;
    }
    if value.is_instance_of::<js_sys::Date>() && local_day(value).is_none() {
        return "Invalid Date".to_string();
    }
    let json = js_sys::JSON::stringify(value).ok().map(JsValue::from);
    let text = number_text(value)
        .or_else(|| json.and_then(|json| json.as_string()))
        .or_else(|| value.js_typeof().as_string())
        .unwrap_or_default();
    shorten(&text, SHOWN_CHARS)
}

/// `text` in double quotes, as JS writes a string (quotes and backslashes
/// escaped), for a key in a place.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        if ch == '"' || ch == '\\' {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
    out
}

/// `text` cut to `chars` characters, with `…` when cut.
fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
