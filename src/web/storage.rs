//! Autosave: the input, assumptions, decisions and language survive a reload.
//!
//! The saved record is versioned JSON in `localStorage`. A record of the
//! first version, whose overrides were keyed by name alone, is read and its
//! overrides given to the accounts they named (see [`Loaded::Saved`]).
//! Anything else that does not read back (a corrupt value, a hand-edited
//! entry) is removed and the page starts afresh with a visible notice,
//! rather than failing or guessing.
//!
//! Only the user's own list is saved: not the demo, and not an embedded
//! calculator (see [`Work`](crate::web::state::Work)). Two tabs of the
//! user's list share one record, so each save first checks a small stamp
//! beside it: if another tab saved since this one last read or wrote, the
//! save is refused ([`SaveError::Changed`]) and the user chooses which
//! version to keep. The `storage` event says so at once (see
//! [`watch_others`]).

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

use crate::core::account::{Decision, Platform};
use crate::core::assumptions::Assumptions;
use crate::core::estimate::{AccountKey, Overrides};
use crate::core::grid::Merges;
use crate::core::lang::Lang;
use crate::core::plan::{Plans, PlansRecord};
use crate::web::js_input;
use crate::web::json::{self, field};

/// The `localStorage` key.
pub const KEY: &str = "jianfu.v1";

/// The key of the stamp written with every save: which tab saved, and how
/// many times. Small, so that reading it before each save costs nothing.
pub const STAMP_KEY: &str = "jianfu.v1.stamp";

/// The format version; bump it when `Saved` changes shape. Version 1 keyed
/// overrides by name (`甲`, `甲#2`); version 2 held one set of assumptions
/// and overrides, before plans.
const VERSION: u32 = 3;

thread_local! {
    /// The stamp this tab last read or wrote, and this tab's id and count
    /// of saves.
    static STAMPS: RefCell<Stamps> = RefCell::new(Stamps::default());
}

#[derive(Default)]
struct Stamps {
    /// The stamp as this tab last saw it (`None`: none was there).
    seen: Option<String>,
    /// This tab's id, made on its first save.
    tab: Option<String>,
    /// How many times this tab has saved.
    saves: u64,
}

/// What is saved.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved<'a> {
    version: u32,
    /// The interface language.
    pub lang: Lang,
    /// The input text.
    pub input: &'a str,
    /// Which cells of the input lie under merged cells, for a pasted table
    /// (absent in records saved before tables were read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merges: Option<&'a Merges>,
    /// The plans, as a plan file holds them.
    pub plans: PlansRecord<'a>,
}

/// A saved record as read back, with its assumptions validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The interface language.
    pub lang: Lang,
    /// The input text.
    pub input: String,
    /// The input's merged cells, for a pasted table.
    pub merges: Option<Merges>,
    /// The plans.
    pub plans: SavedPlans,
}

/// Plans as read back.
#[derive(Clone, Debug, PartialEq)]
pub enum SavedPlans {
    /// The plans of a record of this version.
    Plans(Plans),
    /// The one set of assumptions and overrides of a record from before
    /// plans, for every plan.
    One(Box<(Assumptions, SavedOverrides)>),
}

/// Overrides as read back.
#[derive(Clone, Debug, PartialEq)]
pub enum SavedOverrides {
    /// By account.
    ByAccount(Overrides),
    /// By name alone, from a record of the first version: to be given to
    /// the accounts they name once the input is read
    /// ([`from_name_keys`](crate::core::overrides::from_name_keys)).
    ByName(Vec<(String, Decision)>),
}

/// What reading the saved record found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet (or no storage at all, as in some privacy modes).
    Nothing,
    /// A record, read back.
    Saved(Box<Restored>),
    /// Something unreadable, now removed.
    Reset,
}

/// Why a save failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused (quota exceeded, or storage disabled).
    Refused,
    /// Another tab saved since this one last read or wrote the record.
    Changed,
}

impl<'a> Saved<'a> {
    /// A record of the given state.
    pub fn new(
        lang: Lang,
        input: &'a str,
        merges: Option<&'a Merges>,
        plans: &'a Plans,
    ) -> Saved<'a> {
        Saved {
            version: VERSION,
            lang,
            input,
            merges,
            plans: plans.record(),
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
    // Whatever is read, this tab has now seen the record as it stands.
    let stamp = storage.get_item(STAMP_KEY).ok().flatten();
    STAMPS.with(|stamps| stamps.borrow_mut().seen = stamp);
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

/// The saved record, read back by hand (see [`json`]): anything not as
/// this page writes it is `None`, and the record is reset.
fn parse(text: &str) -> Option<Restored> {
    let value = js_sys::JSON::parse(text).ok()?;
    let version = field(&value, "version").as_f64()?;
    let merges = match field(&value, "merges") {
        absent if absent.is_undefined() || absent.is_null() => None,
        merges => Some(json::merges(&merges)?),
    };
    let saved = field(&value, "overrides");
    let plans = if version == f64::from(VERSION) {
        SavedPlans::Plans(js_input::plans_file(&field(&value, "plans")).ok()?)
    } else {
        // Saved in the JS API's shape, and read as the API reads it.
        let assumptions =
            js_input::assumptions(&field(&value, "assumptions"), "assumptions").ok()?;
        SavedPlans::One(Box::new((assumptions, overrides(version, &saved)?)))
    };
    Some(Restored {
        lang: Lang::from_code(&field(&value, "lang").as_string()?)?,
        input: field(&value, "input").as_string()?,
        merges,
        plans,
    })
}

/// The overrides of a record from before plans: by account (version 2) or
/// by name (version 1).
fn overrides(version: f64, saved: &JsValue) -> Option<SavedOverrides> {
    let overrides = if version == 2.0 {
        // Inserted one by one: collecting would sort, and bring a sort's
        // code into the wasm for a list that is in order.
        let mut overrides = Overrides::new();
        for item in json::list(saved)? {
            let account = field(&item, "account");
            let text = |key: &str| field(&account, key).as_string();
            let key = AccountKey {
                name: text("name")?,
                unit: text("unit")?,
                platform: Platform::from_key(&text("platform")?)?,
                occurrence: json::count(&field(&account, "occurrence"))?,
            };
            overrides.insert(key, decision(&field(&item, "decision"))?);
        }
        SavedOverrides::ByAccount(overrides)
    } else if version == 1.0 && saved.is_object() {
        let mut by_name = Vec::new();
        for name in js_sys::Object::keys(saved.unchecked_ref::<js_sys::Object>()).iter() {
            let name = name.as_string()?;
            let decided = decision(&field(saved, &name))?;
            by_name.push((name, decided));
        }
        SavedOverrides::ByName(by_name)
    } else {
        return None;
    };
    Some(overrides)
}

fn decision(value: &JsValue) -> Option<Decision> {
    Decision::from_key(&value.as_string()?)
}

/// Saves the record, unless another tab saved since this one last read or
/// wrote it. Fails when the browser refuses (quota exceeded, or storage
/// disabled); the data stays on screen either way.
pub fn save(saved: &Saved) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Refused)?;
    let stamp = storage
        .get_item(STAMP_KEY)
        .map_err(|_| SaveError::Refused)?;
    if STAMPS.with(|stamps| stamps.borrow().seen != stamp) {
        return Err(SaveError::Changed);
    }
    write(&storage, saved)
}

/// Saves the record whatever another tab saved: the user chose this tab's
/// version.
pub fn save_over(saved: &Saved) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Refused)?;
    write(&storage, saved)
}

fn write(storage: &web_sys::Storage, saved: &Saved) -> Result<(), SaveError> {
    // JSON-compatible: maps become plain objects, which JSON.stringify keeps.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = saved
        .serialize(&serializer)
        .map_err(|_| SaveError::Refused)?;
    let text = js_sys::JSON::stringify(&value).map_err(|_: JsValue| SaveError::Refused)?;
    set_local_item(KEY, &text).map_err(|_| SaveError::Refused)?;
    let stamp = STAMPS.with(|stamps| {
        let mut stamps = stamps.borrow_mut();
        let tab = stamps
            .tab
            .get_or_insert_with(|| format!("{:x}", (js_sys::Math::random() * 1e15) as u64))
            .clone();
        stamps.saves += 1;
        let stamp = format!("{tab}:{}", stamps.saves);
        stamps.seen = Some(stamp.clone());
        stamp
    });
    // The record is saved; a stamp that cannot be written only means that
    // the next save of another tab is not refused.
    let _ = storage.set_item(STAMP_KEY, &stamp);
    Ok(())
}

/// Calls `changed` whenever another tab of this site saves the record (the
/// `storage` event fires only in the other tabs). Dropping the returned
/// value stops it.
pub fn watch_others(changed: impl Fn() + 'static) -> Option<Watch> {
    let window = web_sys::window()?;
    let callback =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            // `key` is null when another tab cleared all of storage.
            if e.key().is_none_or(|key| key == KEY || key == STAMP_KEY) {
                changed();
            }
        });
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(Watch { window, callback })
}

/// A live `storage` listener; dropping it removes it.
pub struct Watch {
    window: web_sys::Window,
    callback: Closure<dyn Fn(web_sys::StorageEvent)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("storage", self.callback.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen]
extern "C" {
    /// `localStorage.setItem` with the value as a JS string: web-sys takes a
    /// `&str`, which would copy a large list out of JS and back in again.
    #[wasm_bindgen(catch, js_namespace = localStorage, js_name = setItem)]
    fn set_local_item(key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
}
