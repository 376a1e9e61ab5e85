//! Import must never panic: a panic in WebAssembly kills the page. And a
//! list read in slices, as the page reads a large paste between frames, must
//! give the same import as one read in one go. Days without a year and words
//! for the last post are read against an as-of date, as the page reads them.
//!
//! Run with `cargo +nightly fuzz run import` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

use jianfu::core::date::Date;
use jianfu::core::import::{import, Context, Importer};
use jianfu::core::lang::Lang;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the slice: 1 to 16 rows at a time; it also
    // moves the as-of date across a few years (29 February included).
    let (rows, as_of, data) = match data.split_first() {
        Some((&first, rest)) => (usize::from(first % 16) + 1, i32::from(first) * 13, rest),
        None => (1, 0, data),
    };
    let as_of = Date::from_ymd(2016, 2, 29).and_then(|day| day.add_days(as_of));
    let context = Context {
        as_of,
        merges: None,
    };
    let text = String::from_utf8_lossy(data);
    let import = import(&text, &context);
    for diagnostic in &import.diagnostics {
        let _ = diagnostic.message(Lang::Zh);
        let _ = diagnostic.message(Lang::En);
    }
    let mut importer = Importer::with_context(&text, &context);
    while !importer.read(&text, rows) {}
    assert_eq!(importer.finish(), import);
});
