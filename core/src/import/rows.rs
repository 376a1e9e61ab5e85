//! What a row of a sheet is before it is read as an account: a totals row
//! (合计, 小计), a note or footer (填表说明：…, 制表人：…), or a section
//! heading (一、县级部门（3个）). Offices lay their lists out with all three;
//! none of them is an account.

use crate::account::Level;
use crate::text::{compact, half_width, trim};
use crate::values::{self, chinese_numeral};

/// A section heading: the level it names, and the count it states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Heading {
    /// The level the accounts under it take, if it names one.
    pub level: Option<Level>,
    /// How many accounts it says follow (`（3个）`).
    pub count: Option<usize>,
}

/// True for 合计, 总计, 小计, 共计, 汇总 (also `合 计`, `合计：`, `总计282个`),
/// 其中 breakdown rows, and Total/Subtotal/Grand total.
pub(super) fn is_totals(cell: &str) -> bool {
    let cell = trim(cell);
    // Only text that can start a totals word is worth compacting (asked of
    // every row: the first character alone decides for nearly all).
    let first = cell.chars().next().map(half_width);
    if !matches!(
        first,
        Some(
            '合' | '总'
                | '總'
                | '小'
                | '共'
                | '汇'
                | '匯'
                | '其'
                | 't'
                | 'T'
                | 's'
                | 'S'
                | 'g'
                | 'G'
        )
    ) {
        return false;
    }
    let compact = compact(cell);
    ["合计", "总计", "小计", "共计", "汇总"]
        .iter()
        .any(|word| compact.starts_with(word))
        || compact == "其中"
        || compact.starts_with("其中:")
        || ["total", "subtotal", "grandtotal", "sum"].contains(&compact.as_str())
        || ["total:", "subtotal:", "grandtotal:"]
            .iter()
            .any(|word| compact.starts_with(word))
}

/// Labels that start a note, a footer or a line of the form's own header:
/// 填表说明：…, 注：…, 制表人：张三, 审核人：李四, 联系电话：…, 填报日期：….
/// Those that end with `:` need it (`说明:`), so that a name such as 说明书
/// is not a note.
const NOTES: &[&str] = &[
    "备注",
    "填表说明",
    "填报说明",
    "说明:",
    "注:",
    "注释:",
    "附注",
    "填报人",
    "填表人",
    "制表人",
    "制表:",
    "审核人",
    "审核:",
    "审批人",
    "填报单位",
    "填表单位",
    "报送单位",
    "填报日期",
    "填表日期",
    "制表日期",
    "报送日期",
    "统计日期",
    "统计时间",
    "截至",
    "截止",
    "联系人",
    "联系电话",
    "电话:",
    "手机:",
    "负责人",
    "单位负责人",
    "分管领导",
    "主要领导",
    "数据来源",
    "资料来源",
    "(盖章)",
    "盖章",
    "note:",
    "notes:",
    "source:",
    "preparedby",
    "checkedby",
];

/// True for a cell that starts a note or footer (see [`NOTES`]), such as
/// `填表说明：1.粉丝数截至3月底` or `制表人：张三`, and for `注1.…`.
pub(super) fn is_note(cell: &str) -> bool {
    let cell = trim(cell);
    // Every label starts with one of these (or its Traditional form): most
    // cells are ruled out at once, and every row asks.
    let first = cell.chars().next().map(half_width);
    if !matches!(
        first,
        Some(
            '备' | '備'
                | '填'
                | '说'
                | '說'
                | '注'
                | '註'
                | '附'
                | '制'
                | '製'
                | '审'
                | '審'
                | '报'
                | '報'
                | '统'
                | '統'
                | '截'
                | '联'
                | '聯'
                | '电'
                | '電'
                | '手'
                | '负'
                | '負'
                | '单'
                | '單'
                | '分'
                | '主'
                | '数'
                | '數'
                | '资'
                | '資'
                | '('
                | '盖'
                | '蓋'
                | 'n'
                | 'N'
                | 's'
                | 'S'
                | 'p'
                | 'P'
                | 'c'
                | 'C'
        )
    ) {
        return false;
    }
    let compact = compact(cell);
    NOTES.iter().any(|word| compact.starts_with(word))
        || (compact.starts_with('注') && compact.chars().nth(1).is_some_and(|c| c.is_ascii_digit()))
}

/// Reads a row's only text as a section heading: an ordinal and a title
/// (`一、县级部门（3个）`, `（二）乡镇（街道）`, `第三部分 村（社区）`, `四、其他`),
/// or a bare level name (`乡镇`, `村（社区）`), with or without a count.
/// `None` for anything else, which may be an account.
pub(super) fn heading(text: &str) -> Option<Heading> {
    let compact = compact(text);
    // A heading is short; a long cell is a note or a name.
    if compact.chars().count() > 40 {
        return None;
    }
    let (title, ordinal) = strip_ordinal(&compact);
    let (title, count) = strip_count(title);
    let title = title.trim_end_matches([':', '.', '、']);
    let bare = bare_level(title);
    let level = match (ordinal, bare) {
        (_, Some(level)) => Some(level),
        // After a Chinese ordinal anything is a heading, and the level is
        // whatever its words name (二、各乡镇 → township).
        (Ordinal::Strong, None) => values::level(title).ok().flatten(),
        (Ordinal::Weak | Ordinal::None, None) => return None,
    };
    if title.is_empty() && ordinal != Ordinal::Strong {
        return None;
    }
    Some(Heading { level, count })
}

/// How a heading is numbered. A Chinese ordinal (一、, （二）, 第三部分)
/// makes any title a heading; an Arabic or Latin one (`1.`, `A、`, `II.`)
/// only a level's name, since a list may number its accounts that way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ordinal {
    None,
    Weak,
    Strong,
}

/// The text after an ordinal such as `一、`, `(二)`, `第三部分`, `1.`,
/// `A、` or `IV.`, and how strong the ordinal is.
fn strip_ordinal(text: &str) -> (&str, Ordinal) {
    let numerals = |c: char| "一二三四五六七八九十百零〇两".contains(c);
    // (一) or (1)
    if let Some(rest) = text.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            let inside = &rest[..close];
            if !inside.is_empty() && inside.chars().all(numerals) {
                return (&rest[close + 1..], Ordinal::Strong);
            }
            if !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit()) {
                return (&rest[close + 1..], Ordinal::Weak);
            }
        }
    }
    // 第三部分, 第3类, 第一组
    if let Some(rest) = text.strip_prefix('第') {
        let after = rest.trim_start_matches(|c: char| numerals(c) || c.is_ascii_digit());
        if after.len() < rest.len() {
            for word in ["部分", "类", "项", "章", "节", "组", "批", "片区", "片"] {
                if let Some(rest) = after.strip_prefix(word) {
                    return (rest.trim_start_matches([':', '、', '.']), Ordinal::Strong);
                }
            }
        }
    }
    // 一、 二. 十一、
    let after = text.trim_start_matches(numerals);
    if after.len() < text.len() {
        if let Some(rest) = after.strip_prefix(['、', '.', ',', ':']) {
            return (rest, Ordinal::Strong);
        }
    }
    // 1. 2、 A、 IV.
    let after = text.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    let mark = text.len() - after.len();
    if (1..=4).contains(&mark) {
        if let Some(rest) = after.strip_prefix(['、', '.']) {
            return (rest, Ordinal::Weak);
        }
    }
    (text, Ordinal::None)
}

/// The title without a count at its end: `（3个）`, `(共5个)`, `（三个账号）`,
/// `3个`.
fn strip_count(title: &str) -> (&str, Option<usize>) {
    if let Some((rest, inside)) = title.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        let number = inside
            .trim_start_matches(['共', '计'])
            .trim_end_matches(|c: char| "个家户账号公众号".contains(c));
        if let Some(count) = read_count(number) {
            return (rest, Some(count));
        }
    }
    if let Some(body) = title.strip_suffix('个') {
        let rest = body.trim_end_matches(|c: char| c.is_ascii_digit());
        if let Some(count) = body.get(rest.len()..).and_then(read_count) {
            return (rest, Some(count));
        }
    }
    (title, None)
}

fn read_count(text: &str) -> Option<usize> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    match chinese_numeral(text)? {
        (low, high) if low == high => usize::try_from(low.to_integer()?).ok(),
        _ => None,
    }
}

/// The names a section of the list goes by when it is one level, in
/// compact form.
const BARE_LEVELS: &[(&[&str], Level)] = &[
    (
        &[
            "县级部门",
            "县直部门",
            "县直单位",
            "县级单位",
            "县级机关",
            "县直机关",
            "县级",
            "县直",
            "县级部门账号",
            "县级政务新媒体",
            "部门",
            "countydepartments",
            "county",
        ],
        Level::County,
    ),
    (
        &[
            "乡镇",
            "乡镇(街道)",
            "乡镇街道",
            "乡镇、街道",
            "乡镇(街道、园区)",
            "乡镇(街道)、园区",
            "镇街",
            "镇(街道)",
            "街道",
            "乡镇级",
            "园区",
            "开发区",
            "townships",
            "township",
        ],
        Level::Township,
    ),
    (
        &[
            "村",
            "社区",
            "村(社区)",
            "村社区",
            "村、社区",
            "村级",
            "村(居)",
            "村居",
            "社区(村)",
            "villages",
            "village",
        ],
        Level::Village,
    ),
];

fn bare_level(title: &str) -> Option<Level> {
    BARE_LEVELS
        .iter()
        .find(|(names, _)| names.contains(&title))
        .map(|&(_, level)| level)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading_of(text: &str) -> Option<(Option<Level>, Option<usize>)> {
        heading(text).map(|h| (h.level, h.count))
    }

    #[test]
    fn section_headings_and_the_levels_they_name() {
        use Level::*;
        for (text, expected) in [
            ("一、县级部门（3个）", (Some(County), Some(3))),
            ("一、县级部门", (Some(County), None)),
            ("二、乡镇（街道）（共5个）", (Some(Township), Some(5))),
            ("（二）乡镇（街道）", (Some(Township), None)),
            ("(三)村(社区)", (Some(Village), None)),
            ("第三部分 村（社区）", (Some(Village), None)),
            ("第一部分：县直部门", (Some(County), None)),
            ("三、村（社区）（三个）", (Some(Village), Some(3))),
            ("四、其他", (None, None)),
            ("二、各乡镇", (Some(Township), None)),
            ("乡镇", (Some(Township), None)),
            ("村（社区）", (Some(Village), None)),
            ("县级部门 12个", (Some(County), Some(12))),
            ("1. 县级部门", (Some(County), None)),
            ("A、乡镇", (Some(Township), None)),
            ("縣級部門（3個）", (Some(County), Some(3))),
            ("一、鄉鎮", (Some(Township), None)),
        ] {
            assert_eq!(heading_of(text), Some(expected), "{text}");
        }
        // Names of accounts, even numbered ones, are not headings.
        for text in [
            "长兴发布",
            "1. 长兴发布",
            "县委宣传部",
            "李家巷镇",
            "平安长兴（抖音）",
            "A1",
            "",
        ] {
            assert_eq!(heading_of(text), None, "{text}");
        }
    }

    #[test]
    fn notes_and_footers() {
        for text in [
            "填表说明：1.粉丝数截至2019年3月31日",
            "注：外包费用为2018年数",
            "注1.粉丝数截至3月底",
            "制表人：张三",
            "审核人：李四",
            "联系电话：0572-6021234",
            "填报日期：2019年4月19日",
            "填报单位：县委网信办（盖章）",
            "备注",
            "说明：以上数据",
            "數據來源：各單位填報",
            "製表人：張三",
        ] {
            assert!(is_note(text), "{text}");
        }
        for text in [
            "长兴发布",
            "说明书",
            "注册",
            "单位",
            "数字长兴",
            "主办单位发布",
        ] {
            assert!(!is_note(text), "{text}");
        }
    }

    #[test]
    fn totals_rows() {
        for text in ["合计", "合 计", "总计：", "小计", "總計", "Total", "其中"] {
            assert!(is_totals(text), "{text}");
        }
        for text in ["合作社发布", "总工会", "小城故事"] {
            assert!(!is_totals(text), "{text}");
        }
    }
}
