//! Plans as a page hands them to `compare`, and as a plan file and the
//! saved record hold them (the core's [`PlanRecord`] shape):
//! `{ name, rules: ["dormant", …], assumptions?, overrides?: [{ name,
//! unit?, platform?, occurrence?, decision }], mainAccount? }`.
//!
//! [`PlanRecord`]: crate::core::plan::PlanRecord

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use super::{
    array, assumptions, expected, get, plain_object, threw, At, Problem, ReadError, Shape,
};
use crate::core::account::{Decision, Platform};
use crate::core::estimate::{AccountKey, Overrides};
use crate::core::plan::{Plan, Plans, Rules, MAX_PLANS, PLANS_FILE, PLANS_VERSION};

/// The most overrides a plan may hold: one per account of the largest list.
const MAX_OVERRIDES: usize = 250_000;

/// Reads a list of rules by key (`["dormant", "lowReach"]`), in order;
/// `None` for `undefined` or `null`.
pub fn rules(value: &JsValue, at: &str) -> Result<Option<Rules>, ReadError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let keys = items(value, At::Name(at), Shape::Rules, 64)?
        .iter()
        .map(|key| {
            key.as_string()
                .ok_or_else(|| expected(At::Name(at), Shape::Rules, value))
        })
        .collect::<Result<Vec<String>, ReadError>>()?;
    Rules::from_keys(keys.iter().map(String::as_str))
        .map(Some)
        .map_err(|error| ReadError::new(At::Name(at), Problem::Rules(error)))
}

/// Reads one plan; `at` is where it is (`plans[1]`).
pub fn plan(value: &JsValue, at: &str) -> Result<Plan, ReadError> {
    if !plain_object(value, At::Name(at))? {
        return Err(expected(At::Name(at), Shape::Plan, value));
    }
    let text = |key: &str| -> Result<String, ReadError> {
        let given = get(value, key, At::Key(at, key))?;
        if given.is_undefined() || given.is_null() {
            return Ok(String::new());
        }
        given
            .as_string()
            .ok_or_else(|| expected(At::Key(at, key), Shape::Text, &given))
    };
    let name = text("name")?;
    let main_account = text("mainAccount")?;
    let rules_at = format!("{at}.rules");
    let rules = rules(&get(value, "rules", At::Key(at, "rules"))?, &rules_at)?.unwrap_or_default();
    let assumptions_at = format!("{at}.assumptions");
    let assumptions = assumptions(
        &get(value, "assumptions", At::Key(at, "assumptions"))?,
        &assumptions_at,
    )?;
    let overrides_at = format!("{at}.overrides");
    let overrides = overrides(
        &get(value, "overrides", At::Key(at, "overrides"))?,
        &overrides_at,
    )?;
    Ok(Plan {
        name,
        rules,
        assumptions,
        overrides,
        main_account,
    })
}

/// Reads `compare`'s plans: an array of one to [`MAX_PLANS`] plans.
pub fn plans(value: &JsValue, at: &str) -> Result<Vec<Plan>, ReadError> {
    if !array(value, At::Name(at))? {
        return Err(expected(At::Name(at), Shape::Plan, value));
    }
    let list = items(value, At::Name(at), Shape::Plan, MAX_PLANS)?;
    if list.is_empty() {
        return Err(ReadError::new(At::Name(at), Problem::PlanCount(0)));
    }
    list.iter()
        .enumerate()
        .map(|(index, item)| plan(item, &format!("{at}[{index}]")))
        .collect()
}

/// Reads a plan file (or the saved record's plans): `{ "jianfu": "plans",
/// "version": 1, "current": 0, "plans": [...] }`.
pub fn plans_file(value: &JsValue) -> Result<Plans, ReadError> {
    let at = At::Name("plans file");
    let is_file = plain_object(value, at)?
        && get(value, "jianfu", at)?.as_string().as_deref() == Some(PLANS_FILE)
        && get(value, "version", at)?.as_f64() == Some(f64::from(PLANS_VERSION));
    if !is_file {
        return Err(ReadError::new(at, Problem::NotPlansFile));
    }
    let list = plans(&get(value, "plans", at)?, "plans")?;
    let current = get(value, "current", At::Key("plans file", "current"))?;
    let current = match current.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= 0.0 && (n as usize) < list.len() => n as usize,
        None if current.is_undefined() => 0,
        _ => {
            return Err(expected(
                At::Key("plans file", "current"),
                Shape::Count,
                &current,
            ))
        }
    };
    let count = list.len();
    Plans::new(list, current).ok_or_else(|| ReadError::new(at, Problem::PlanCount(count)))
}

/// Reads a plan's overrides: `[{ name, unit?, platform?, occurrence?,
/// decision }]`; `undefined` or `null` for none.
fn overrides(value: &JsValue, at: &str) -> Result<Overrides, ReadError> {
    let mut overrides = Overrides::new();
    if value.is_undefined() || value.is_null() {
        return Ok(overrides);
    }
    for (index, item) in items(value, At::Name(at), Shape::Override, MAX_OVERRIDES)?
        .iter()
        .enumerate()
    {
        let place = format!("{at}[{index}]");
        let wrong = || expected(At::Name(&place), Shape::Override, item);
        if !plain_object(item, At::Name(&place))? {
            return Err(wrong());
        }
        let field = |key: &str| get(item, key, At::Key(&place, key));
        let text = |key: &str| -> Result<Option<String>, ReadError> {
            let given = field(key)?;
            match (given.is_undefined() || given.is_null(), given.as_string()) {
                (true, _) => Ok(None),
                (false, Some(text)) => Ok(Some(text)),
                (false, None) => Err(wrong()),
            }
        };
        let name = text("name")?.ok_or_else(wrong)?;
        let unit = text("unit")?.unwrap_or_default();
        let platform = match text("platform")? {
            None => Platform::Wechat,
            Some(key) => Platform::from_key(&key).ok_or_else(wrong)?,
        };
        let occurrence = field("occurrence")?;
        let occurrence = match occurrence.as_f64() {
            None if occurrence.is_undefined() || occurrence.is_null() => 0,
            Some(n) if n.fract() == 0.0 && (0.0..1e9).contains(&n) => n as usize,
            _ => return Err(wrong()),
        };
        let decision = text("decision")?
            .and_then(|key| Decision::from_key(&key))
            .ok_or_else(wrong)?;
        let key = AccountKey {
            name,
            unit,
            platform,
            occurrence,
        };
        overrides.insert(key, decision);
    }
    Ok(overrides)
}

/// The items of an array of at most `most`, refused before they are read
/// when it claims more (a sparse array may claim billions).
fn items(
    value: &JsValue,
    at: At<'_>,
    shape: Shape,
    most: usize,
) -> Result<Vec<JsValue>, ReadError> {
    if !array(value, at)? {
        return Err(expected(at, shape, value));
    }
    let length = get(value, "length", at)?.as_f64().unwrap_or(0.0);
    if length > most as f64 {
        return match shape {
            Shape::Plan => Err(ReadError::new(at, Problem::PlanCount(length as usize))),
            _ => Err(expected(at, shape, value)),
        };
    }
    (0..length as u32)
        .map(|index| Reflect::get(value, &index.into()).map_err(|e| threw(at, &e)))
        .collect()
}
