//! `estimate()`'s accounts, handed to JS in columns ([`core::columns`]) and
//! turned into objects there: the same objects serde-wasm-bindgen builds,
//! in a fraction of the time (a browser test compares the two).
//!
//! The JS is a wasm-bindgen snippet; `scripts/postbuild.mjs` puts it into
//! the glue, so that the build stays one JS module.

use wasm_bindgen::prelude::*;

use crate::core::columns::{self, Columns};
use crate::core::estimate::AccountView;

#[wasm_bindgen(inline_js = r#"
export function jianfuAccountsFromColumns(text, ends, numbers, codes, keyText) {
  const keys = keyText.split(",");
  const accounts = [];
  let s = 0, at = 0, n = 0, c = 0;
  const str = () => { const end = ends[s++]; const value = text.slice(at, end); at = end; return value; };
  const key = () => keys[codes[c++]];
  const num = () => numbers[n++];
  const span = () => ({ low: numbers[n++], high: numbers[n++] });
  while (c < codes.length) {
    const flags = codes[c++];
    const account = {
      row: num(), name: str(), unit: str(), level: key(), levelInferred: (flags & 1) !== 0,
      platform: key(), staffing: codes[c] === 255 ? (c++, null) : key(), decision: key(), rule: key(),
      reason: str(), overridden: (flags & 2) !== 0, recommended: key(),
      postsPerWeek: span(), hoursPerPost: span(), hours: span(), hoursFreed: span(), addedLoad: span(),
      cash: num(), cashSaved: num(), reads: flags & 4 ? span() : null, costPerRead: flags & 8 ? span() : null,
      mergeInto: str(), assumed: [],
    };
    for (let k = codes[c++]; k > 0; k--) account.assumed.push(key());
    accounts.push(account);
  }
  return accounts;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = jianfuAccountsFromColumns)]
    fn from_columns(text: &str, ends: &[u32], numbers: &[f64], codes: &[u8], keys: &str)
        -> JsValue;
}

/// The accounts as an array of objects, as `estimate()` returns them.
pub fn accounts(views: &[AccountView]) -> JsValue {
    let mut out = Columns::with_capacity(views.len());
    for view in views {
        out.push(view);
    }
    // The flags the JS reads by value.
    const _: () = assert!(
        columns::LEVEL_INFERRED == 1
            && columns::OVERRIDDEN == 2
            && columns::HAS_READS == 4
            && columns::HAS_COST_PER_READ == 8
            && columns::NONE == 255
    );
    from_columns(
        &out.text,
        &out.ends,
        &out.numbers,
        &out.codes,
        &columns::KEYS.join(","),
    )
}
