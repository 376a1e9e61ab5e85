//! Import must never panic: a panic in WebAssembly kills the page.
//!
//! Run with `cargo +nightly fuzz run import` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let import = jianfu::core::import::import_text(&text);
    for diagnostic in &import.diagnostics {
        let _ = diagnostic.message(jianfu::core::lang::Lang::Zh);
        let _ = diagnostic.message(jianfu::core::lang::Lang::En);
    }
});
