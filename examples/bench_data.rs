//! Writes the benchmark lists to disk, so the in-browser benchmark
//! (`scripts/bench-browser.mjs`) pastes exactly the bytes the native one reads.
//!
//! Usage: `cargo run --release --example bench_data -- DIR ROWS...`
//! writes `DIR/typical-ROWS.tsv` for each row count.

// `hand_typed` is for the native benchmark only.
#[allow(dead_code)]
#[path = "../benches/support/lists.rs"]
mod lists;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&dir)?;
    for rows in args {
        let Ok(count) = rows.parse::<usize>() else {
            eprintln!("not a row count: {rows}");
            std::process::exit(2);
        };
        let path = dir.join(format!("typical-{count}.tsv"));
        std::fs::write(&path, lists::typical(count))?;
        println!("{}", path.display());
    }
    Ok(())
}
