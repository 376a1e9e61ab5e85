//! Generated account lists for the benchmarks, native and in-browser, so both
//! measure the same bytes. `benches/import.rs` includes this file as a module;
//! `examples/bench_data.rs` writes its lists to disk for the browser benchmark.

/// A list as Excel or WPS puts it on the clipboard: tab-separated, every
/// recognised column, numbers mostly as Excel exports them (plain digits,
/// `2019/4/18` dates) with every tenth row typed by hand (`1.2万`, `10万+`,
/// `日更`, `¥20,000`, `2019年1月5日`, an unreadable `很多`), multi-line quoted
/// cells and a totals row. About 100 bytes a row.
pub fn typical(rows: usize) -> String {
    generate(rows, |i| i % 10 == 0)
}

/// The same list with every row typed by hand: the slow path everywhere.
pub fn hand_typed(rows: usize) -> String {
    generate(rows, |_| true)
}

fn generate(rows: usize, by_hand: impl Fn(usize) -> bool) -> String {
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
    let mut text = String::with_capacity(rows * 110);
    text.push_str(
        "序号\t公众号名称\t主办单位\t层级\t粉丝数\t每周发布次数\t每期耗时（小时）\t运营人数\t\
         运营方式\t外包费用（万元）\t篇均阅读\t最近更新\t处置意见\t备注\r\n",
    );
    for i in 0..rows {
        let unit = UNITS[i % UNITS.len()];
        let name = if i % 97 == 0 {
            format!("\"{unit}\n政务{i}\"")
        } else {
            format!("{unit}政务{i}")
        };
        let (followers, posts, fee, date) = if by_hand(i) {
            // Every form comes up, whether every row or every tenth is typed
            // by hand: for i = 10j this is 11j, and 11 shares no factor
            // with 5 or 6.
            let k = i + i / 10;
            (
                FOLLOWERS[k % FOLLOWERS.len()].to_string(),
                POSTS[k % POSTS.len()].to_string(),
                FEES[k % FEES.len()].to_string(),
                DATES[k % DATES.len()].to_string(),
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
