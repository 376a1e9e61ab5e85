//! Import throughput next to a raw `csv`-crate read of the same bytes.
//!
//! The target (issue 3) is at least half the raw throughput: everything the
//! importer does beyond splitting cells (headers, values, exact numbers,
//! diagnostics) may cost at most as much again as the splitting itself.
//!
//! Run with `cargo bench --bench import`. Criterion prints both figures as
//! throughput (MiB/s).

// The benchmark is native only; on wasm32 (checked by clippy --all-targets)
// this file is an empty program.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};

    use jianfu::core::account::Account;
    use jianfu::core::import::import_text;

    /// How many data rows the benchmark imports.
    const ROWS: usize = 100_000;

    /// A list as Excel or WPS puts it on the clipboard: tab-separated, every
    /// recognised column, numbers mostly as Excel exports them (plain digits,
    /// `2019/4/18` dates) with every tenth row typed by hand (`1.2万`, `10万+`,
    /// `日更`, `¥20,000`, `2019年1月5日`, an unreadable `很多`), multi-line quoted
    /// cells and a totals row. About 10 MB for 100,000 rows.
    fn typical() -> String {
        generate(|i| i % 10 == 0)
    }

    /// The same list with every row typed by hand: the slow path everywhere.
    fn hand_typed() -> String {
        generate(|_| true)
    }

    fn generate(by_hand: impl Fn(usize) -> bool) -> String {
        const UNITS: [&str; 6] = [
            "县委宣传部",
            "县公安局",
            "李家巷镇",
            "画溪街道",
            "新川村",
            "经济开发区",
        ];
        const LEVELS: [&str; 4] = ["县级部门", "乡镇", "村（社区）", ""];
        const STAFFING: [&str; 3] = ["兼职", "外包", "专职"];
        const DECISIONS: [&str; 4] = ["", "保留", "关停", "归并"];
        const FOLLOWERS: [&str; 6] = ["1,234", "1.2万", "10万+", "860", "约500", "很多"];
        const POSTS: [&str; 5] = ["2~3", "日更", "1", "每月4次", "2-3"];
        const FEES: [&str; 5] = ["", "20", "289.50", "¥20,000", "-"];
        const DATES: [&str; 5] = ["2019-03-01", "2019/4/18", "43525", "2019年1月5日", "不详"];
        let mut text = String::with_capacity(ROWS * 110);
        text.push_str(
            "序号\t公众号名称\t主办单位\t层级\t粉丝数\t每周发布次数\t每期耗时（小时）\t运营人数\t\
             运营方式\t外包费用（万元）\t篇均阅读\t最近更新\t处置意见\t备注\r\n",
        );
        for i in 0..ROWS {
            let unit = UNITS[i % UNITS.len()];
            let name = if i % 97 == 0 {
                format!("\"{unit}\n政务{i}\"")
            } else {
                format!("{unit}政务{i}")
            };
            let (followers, posts, fee, date) = if by_hand(i) {
                (
                    FOLLOWERS[i % FOLLOWERS.len()].to_string(),
                    POSTS[i % POSTS.len()].to_string(),
                    FEES[i % FEES.len()].to_string(),
                    DATES[i % DATES.len()].to_string(),
                )
            } else {
                (
                    (37 * i % 20_000).to_string(),
                    (1 + i % 7).to_string(),
                    if i % 3 == 1 {
                        format!("{}.5", i % 40)
                    } else {
                        String::new()
                    },
                    format!("2019/{}/{}", 1 + i % 12, 1 + i % 28),
                )
            };
            text.push_str(&format!(
                "{}\t{name}\t{unit}\t{}\t{followers}\t{posts}\t2\t{}\t{}\t{fee}\t{}\t{date}\t{}\t{}\r\n",
                i + 1,
                LEVELS[i % LEVELS.len()],
                1 + i % 3,
                STAFFING[i % STAFFING.len()],
                300 + i % 700,
                DECISIONS[i % DECISIONS.len()],
                if i % 10 == 0 { "重点" } else { "" },
            ));
        }
        text.push_str("合计\t\t\t\t\t\t\t\t\t\t\t\t\t\r\n");
        text
    }

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

    /// The output alone: one [`Account`] per row with its name and unit, and
    /// nothing parsed. An account is about 700 bytes (seven exact ranges of two
    /// `i128` fractions each), so 100,000 of them are some 70 MB to write, which
    /// no importer of this account type can avoid.
    fn accounts_only(text: &str) -> usize {
        let mut accounts = Vec::new();
        for (row, line) in text.lines().enumerate() {
            let mut cells = line.split('\t');
            let mut account = Account::named(row, cells.nth(1).unwrap_or(""));
            account.unit = cells.next().unwrap_or("").to_string();
            accounts.push(account);
        }
        accounts.len()
    }

    fn bench(c: &mut Criterion) {
        for (name, text) in [("typical", typical()), ("hand-typed", hand_typed())] {
            let import = import_text(&text);
            assert_eq!(import.accounts.len(), ROWS);
            eprintln!(
                "{name}: {:.1} MB, {ROWS} rows, {} diagnostics",
                text.len() as f64 / 1e6,
                import.diagnostics.len()
            );
            let mut group = c.benchmark_group(name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.sample_size(10);
            group.bench_function("raw csv read", |b| b.iter(|| raw_csv(&text)));
            group.bench_function("accounts only", |b| b.iter(|| accounts_only(&text)));
            group.bench_function("import_text", |b| b.iter(|| import_text(&text)));
            group.finish();
        }
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
