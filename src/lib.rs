//! 减负测算 · Jianfu: what shutting and merging government WeChat official
//! accounts frees in staff hours and saves in money, computed entirely in the
//! browser.
//!
//! The product has two halves:
//!
//! * [`core`], plain Rust: import an account list, estimate, recommend,
//!   export. It is its own crate, `jianfu-core` (in `core/`), which depends
//!   on nothing from the web, and is tested natively with `cargo test`.
//! * `web` (wasm32 only): the Yew app and the JavaScript API.
//!
//! ```
//! use jianfu::core::num::{Num, Span};
//!
//! // 2–3 posts a week × 52 weeks × 2–3 hours a post = 208–468 hours a year.
//! let posts = Span::new(Num::int(2), Num::int(3));
//! let hours = Span::new(Num::int(2), Num::int(3));
//! let year = posts * Span::point(Num::int(52)) * hours;
//! assert_eq!(year, Span::new(Num::int(208), Num::int(468)));
//! ```

pub use jianfu_core as core;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The page's allocator: Talc rather than the standard library's dlmalloc.
/// A large list allocates for every cell and every account, and in the
/// browser dlmalloc's `malloc` was the third-largest line of a 100,000-row
/// paste's profile; Talc is faster there and smaller (2.6 KB less gzipped
/// wasm). The page runs on one thread (no `atomics`), which its cell assumes.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
