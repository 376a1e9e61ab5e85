//! Values the page itself parsed from JSON or was handed by its own worker
//! (the saved record, the workbook reader's sheets), read into Rust by hand.
//!
//! serde-wasm-bindgen's deserializer would read them in a line, but it
//! brings serde's error messages, and with them Rust's float formatter:
//! 25 KB of gzipped wasm, near a tenth of the page, for messages no one
//! sees (the page only needs to know that a record did not read back).
//! These values are plain data, made by the page, so this is all it takes;
//! anything not as the page writes it is refused as a whole (`None`).
//! Values from other pages go through [`js_input`](crate::web::js_input).

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::grid::Merges;

/// `value[key]`; `undefined` when `value` is not an object.
pub fn field(value: &JsValue, key: &str) -> JsValue {
    if value.is_object() {
        Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default()
    } else {
        JsValue::UNDEFINED
    }
}

/// The items of an array.
pub fn list(value: &JsValue) -> Option<Vec<JsValue>> {
    Array::is_array(value).then(|| value.unchecked_ref::<Array>().to_vec())
}

/// A whole number from 0 up (a count, a row, an index).
pub fn count(value: &JsValue) -> Option<usize> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    let n = value.as_f64()?;
    ((0.0..=SAFE).contains(&n) && n.fract() == 0.0).then_some(n as usize)
}

/// `Merges` as serde writes them: `{ covered: [[row, column, first], …],
/// hidden?: [row, …] }`.
pub fn merges(value: &JsValue) -> Option<Merges> {
    let covered = list(&field(value, "covered"))?
        .iter()
        .map(|cell| match list(cell)?.as_slice() {
            [row, column, first] => Some((count(row)?, count(column)?, count(first)?)),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    let hidden = field(value, "hidden");
    let hidden = match hidden.is_undefined() {
        true => Vec::new(),
        false => list(&hidden)?
            .iter()
            .map(count)
            .collect::<Option<Vec<_>>>()?,
    };
    Merges::from_lists(covered, hidden)
}
