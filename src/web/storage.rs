//! Autosave: the input, assumptions, decisions and language survive a reload.
//!
//! The saved record is versioned JSON in `localStorage`. Anything that does
//! not read back as the current version (a corrupt value, an old format, a
//! hand-edited entry) is removed and the page starts afresh with a visible
//! notice, rather than failing or guessing.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::core::assumptions::{Assumptions, AssumptionsInput};
use crate::core::estimate::Overrides;
use crate::core::grid::Merges;
use crate::core::lang::Lang;

/// The `localStorage` key.
pub const KEY: &str = "jianfu.v1";

/// The format version; bump it when `Saved` changes shape.
const VERSION: u32 = 1;

/// What is saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    version: u32,
    /// The interface language.
    pub lang: Lang,
    /// The input text.
    pub input: String,
    /// Which cells of the input lie under merged cells, for a pasted table
    /// (absent in records saved before tables were read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merges: Option<Merges>,
    /// The assumptions, in the JS API's shape.
    pub assumptions: AssumptionsInput,
    /// Decisions set by hand.
    pub overrides: Overrides,
}

/// What reading the saved record found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet (or no storage at all, as in some privacy modes).
    Nothing,
    /// A record of the current version, and its assumptions (validated).
    Saved(Box<(Saved, Assumptions)>),
    /// Something unreadable, now removed.
    Reset,
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveError;

impl Saved {
    /// A record of the given state.
    pub fn new(
        lang: Lang,
        input: &str,
        merges: Option<&Merges>,
        assumptions: &Assumptions,
        overrides: &Overrides,
    ) -> Saved {
        Saved {
            version: VERSION,
            lang,
            input: input.to_string(),
            merges: merges.cloned(),
            assumptions: AssumptionsInput::from(assumptions),
            overrides: overrides.clone(),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved record.
pub fn load() -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Nothing;
    };
    let Ok(Some(text)) = storage.get_item(KEY) else {
        return Loaded::Nothing;
    };
    match parse(&text) {
        Some(restored) => Loaded::Saved(Box::new(restored)),
        None => {
            // If even removing fails there is nothing more to do: the next
            // save overwrites the value anyway.
            let _ = storage.remove_item(KEY);
            Loaded::Reset
        }
    }
}

fn parse(text: &str) -> Option<(Saved, Assumptions)> {
    let value = js_sys::JSON::parse(text).ok()?;
    let saved: Saved = serde_wasm_bindgen::from_value(value).ok()?;
    if saved.version != VERSION {
        return None;
    }
    let assumptions = saved
        .assumptions
        .clone()
        .apply(Assumptions::default())
        .ok()?;
    Some((saved, assumptions))
}

/// Saves the record. Fails when the browser refuses (quota exceeded, or
/// storage disabled); the data stays on screen either way.
pub fn save(saved: &Saved) -> Result<(), SaveError> {
    storage().ok_or(SaveError)?;
    // JSON-compatible: maps become plain objects, which JSON.stringify keeps
    // (a JS Map would be written as `{}`, losing the overrides).
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = saved.serialize(&serializer).map_err(|_| SaveError)?;
    let text = js_sys::JSON::stringify(&value).map_err(|_: JsValue| SaveError)?;
    set_local_item(KEY, &text).map_err(|_| SaveError)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage.setItem` with the value as a JS string: web-sys takes a
    /// `&str`, which would copy a large list out of JS and back in again.
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = setItem)]
    fn set_local_item(key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
}
