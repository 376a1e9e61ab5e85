//! Import, and import plus estimate, next to a raw `csv`-crate read of the
//! same bytes, at 300, 10,000 and 100,000 generated rows.
//!
//! Issue 3's target is import at no less than half the raw throughput:
//! everything the importer does beyond splitting cells (headers, values, exact
//! numbers, diagnostics) may cost at most as much again as the splitting.
//!
//! Run with `make bench` (or `cargo bench --bench import`). Criterion prints
//! each figure as throughput (MiB/s) over the same input bytes.

// The benchmark is native only; on wasm32 (checked by clippy --all-targets)
// this file is an empty program.
#[cfg(not(target_arch = "wasm32"))]
#[path = "support/lists.rs"]
mod lists;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};

    use jianfu::core::assumptions::Assumptions;
    use jianfu::core::compare::compare;
    use jianfu::core::demo::demo_as_of;
    use jianfu::core::estimate::estimate;
    use jianfu::core::import::import_text;
    use jianfu::core::lang::Lang;
    use jianfu::core::plan::{Plan, Plans};

    use super::lists;

    /// The raw read: the `csv` crate splitting the same bytes into UTF-8 cells,
    /// reusing one record, as fast as it goes.
    fn raw_csv(text: &str) -> usize {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b'\t')
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut cells = 0;
        while reader.read_record(&mut record).unwrap_or(false) {
            cells += record.len();
        }
        cells
    }

    /// What the page does on a paste: import, then estimate with the default
    /// assumptions and no overrides.
    fn import_and_estimate(text: &str) -> usize {
        let import = import_text(text);
        let result = estimate(
            &import.accounts,
            &Plan::new(Assumptions::default()),
            demo_as_of(),
        );
        result.accounts.len()
    }

    /// What the page does with its three preset plans: one import, three
    /// estimates.
    fn import_and_compare(text: &str) -> usize {
        let import = import_text(text);
        let plans = Plans::presets(Assumptions::default(), Lang::Zh);
        compare(&import.accounts, plans.list(), demo_as_of()).len()
    }

    fn bench(c: &mut Criterion) {
        let lists = [
            ("typical", 300, lists::typical(300)),
            ("typical", 10_000, lists::typical(10_000)),
            ("typical", 100_000, lists::typical(100_000)),
            ("hand-typed", 100_000, lists::hand_typed(100_000)),
        ];
        for (kind, rows, text) in &lists {
            let import = import_text(text);
            assert_eq!(import.accounts.len(), *rows);
            eprintln!(
                "{kind}/{rows}: {:.2} MB, {} diagnostics",
                text.len() as f64 / 1e6,
                import.diagnostics.len()
            );
            let mut group = c.benchmark_group(format!("{kind}/{rows}"));
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.sample_size(10);
            group.bench_function("raw csv read", |b| b.iter(|| raw_csv(text)));
            group.bench_function("import", |b| b.iter(|| import_text(text)));
            group.bench_function("import+estimate", |b| b.iter(|| import_and_estimate(text)));
            group.bench_function("import+3 plans", |b| b.iter(|| import_and_compare(text)));
            group.finish();
        }
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
