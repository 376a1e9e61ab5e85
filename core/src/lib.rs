//! The calculation core: plain Rust with no web dependencies, so that
//! `cargo test` runs it natively. Nothing under `core` imports `yew`,
//! `web_sys` or `wasm_bindgen`.

pub mod account;
pub mod assumptions;
pub mod columns;
pub mod compare;
pub mod date;
pub mod demo;
pub mod diagnostic;
pub mod estimate;
pub mod explain;
pub mod export;
pub mod fields;
pub mod figures;
pub mod grid;
pub mod hash;
pub mod import;
pub mod lang;
pub mod num;
pub mod overrides;
pub mod plan;
mod records;
pub mod rules;
pub mod structure;
pub mod table;
#[cfg(test)]
mod testing;
pub mod text;
pub mod values;
pub mod yearly;
