//! Import must never panic: a panic in WebAssembly kills the page. And a
//! list read in slices, as the page reads a large paste between frames, must
//! give the same import as one read in one go.
//!
//! Run with `cargo +nightly fuzz run import` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

use jianfu::core::import::{import_text, Importer};
use jianfu::core::lang::Lang;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the slice: 1 to 16 rows at a time.
    let (rows, data) = match data.split_first() {
        Some((&first, rest)) => (usize::from(first % 16) + 1, rest),
        None => (1, data),
    };
    let text = String::from_utf8_lossy(data);
    let import = import_text(&text);
    for diagnostic in &import.diagnostics {
        let _ = diagnostic.message(Lang::Zh);
        let _ = diagnostic.message(Lang::En);
    }
    let mut importer = Importer::new(&text);
    while !importer.read(&text, rows) {}
    assert_eq!(importer.finish(), import);
});
