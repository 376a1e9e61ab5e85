//! Words: how an account is staffed, its level, a decision, a yes or no,
//! and the level a name and unit imply.

use crate::core::account::{Decision, Level, Staffing};
use crate::core::text::{compact, compacted, trim};
use crate::core::values::{is_missing, Fault, Read};

/// Reads how an account is staffed: 兼职, 专职, 外包/托管/第三方 and their
/// neighbours (自营, 专人, 委托, 购买服务), in Chinese or English.
pub fn staffing(cell: &str) -> Read<Staffing> {
    words(cell, STAFFING_WORDS)
}

/// Reads a level: 县级部门/县直 → county; 乡镇/街道/园区/开发区 →
/// township; 村/社区 → village. Village words are checked first, so that
/// `村（社区）` and `乡村` are villages and `乡镇部门` is a township.
pub fn level(cell: &str) -> Read<Level> {
    words(cell, LEVEL_WORDS)
}

/// Reads a decision: 保留 → keep; 关停/注销/停更/停止运营 → close;
/// 归并/合并/整合 → merge. `不保留` is a close.
pub fn decision(cell: &str) -> Read<Decision> {
    words(cell, DECISION_WORDS)
}

/// Reads the answer in a yes/no column such as 是否外包 or 是否关停:
/// 是/否, yes/no, √/×, 1/0.
pub fn yes_no(cell: &str) -> Read<bool> {
    if is_missing(cell) {
        return Ok(None);
    }
    let compact = compact(cell);
    if YES.contains(&compact.as_str()) || compact.starts_with('是') {
        Ok(Some(true))
    } else if NO.contains(&compact.as_str()) || compact.starts_with('否') {
        Ok(Some(false))
    } else {
        Err(Fault::Unreadable)
    }
}

/// Infers the level of an account from its name and unit when the list does
/// not give it (SPEC §2): village words (村, 社区, 居委) first, then township
/// words (镇, 乡, 街道, 园区, 开发区), otherwise county.
///
/// County departments whose names merely contain those characters, such as
/// 农业农村局, 乡村振兴局 or 住房和城乡建设局, are not villages: such words
/// are removed before matching.
pub fn infer_level(name: &str, unit: &str) -> Level {
    // One pass over each text, leftmost word first: a county word is
    // stepped over whole, so the 村 inside 农业农村 is never seen.
    let mut level = Level::County;
    for text in [name, unit] {
        let mut rest = text;
        while let Some(at) = rest.find(may_start_place_word) {
            rest = rest.get(at..).unwrap_or_default();
            if let Some(word) = NOT_A_PLACE.iter().find(|word| rest.starts_with(**word)) {
                rest = rest.get(word.len()..).unwrap_or_default();
                continue;
            }
            if VILLAGE_WORDS.iter().any(|word| rest.starts_with(word)) {
                return Level::Village;
            }
            if TOWNSHIP_WORDS.iter().any(|word| rest.starts_with(word)) {
                level = Level::Township;
            }
            let width = rest.chars().next().map_or(1, char::len_utf8);
            rest = rest.get(width..).unwrap_or_default();
        }
    }
    level
}

/// Words that make an account a village's.
const VILLAGE_WORDS: &[&str] = &["村", "社区", "居委"];

/// Words that make an account a township's, unless a village word is found.
const TOWNSHIP_WORDS: &[&str] = &["镇", "乡", "街道", "园区", "开发区"];

/// True for the first characters of [`NOT_A_PLACE`], [`VILLAGE_WORDS`] and
/// [`TOWNSHIP_WORDS`] (a test keeps them in step): the only places where
/// [`infer_level`] needs to look closer.
#[inline]
fn may_start_place_word(c: char) -> bool {
    matches!(
        c,
        '农' | '乡' | '城' | '村' | '社' | '镇' | '家' | '故' | '居' | '街' | '园' | '开'
    )
}

const YES: &[&str] = &["y", "yes", "true", "1", "√", "✓", "✔", "有", "已", "对"];

const NO: &[&str] = &[
    "n", "no", "false", "0", "×", "x", "✗", "✘", "未", "不", "非",
];

/// Ordered: the first entry any of whose words the cell contains wins.
const STAFFING_WORDS: &[(&[&str], Staffing)] = &[
    (
        &["非外包", "不外包", "未外包", "无外包", "notoutsourc"],
        Staffing::PartTime,
    ),
    (
        &[
            "外包",
            "托管",
            "第三方",
            "委托",
            "购买服务",
            "代运营",
            "outsourc",
            "contract",
            "third",
            "agency",
        ],
        Staffing::Outsourced,
    ),
    (
        &[
            "兼职",
            "自营",
            "自行",
            "自主",
            "自运营",
            "本单位",
            "兼任",
            "parttime",
            "part-time",
            "inhouse",
            "in-house",
        ],
        Staffing::PartTime,
    ),
    (
        &[
            "专职",
            "专人",
            "专岗",
            "全职",
            "dedicated",
            "fulltime",
            "full-time",
        ],
        Staffing::Dedicated,
    ),
];

const LEVEL_WORDS: &[(&[&str], Level)] = &[
    (
        &["村", "社区", "居委", "village", "community"],
        Level::Village,
    ),
    (
        &[
            "乡",
            "镇",
            "街道",
            "园区",
            "开发区",
            "township",
            "town",
            "street",
            "subdistrict",
            "park",
            "zone",
        ],
        Level::Township,
    ),
    (
        &[
            "县",
            "部门",
            "市",
            "区",
            "省",
            "局",
            "委",
            "办",
            "county",
            "department",
            "city",
            "dept",
        ],
        Level::County,
    ),
];

const DECISION_WORDS: &[(&[&str], Decision)] = &[
    (&["不保留", "不再保留", "notkeep"], Decision::Close),
    (&["归并", "合并", "整合", "并入", "merge"], Decision::Merge),
    (
        &[
            "关停",
            "注销",
            "停更",
            "停止",
            "关闭",
            "停用",
            "撤销",
            "取消",
            "删除",
            "清理",
            "close",
            "shut",
            "delete",
            "deregister",
            "stop",
        ],
        Decision::Close,
    ),
    (
        &["保留", "留存", "继续", "保持", "keep", "retain"],
        Decision::Keep,
    ),
];

/// Words that contain 村, 乡, 镇 or 社区 but name county departments or
/// programmes, not places.
const NOT_A_PLACE: &[&str] = &[
    "农业农村",
    "乡村振兴",
    "城乡",
    "农村",
    "乡村",
    "城镇",
    "村镇银行",
    "乡镇企业",
    "社区矫正",
    "镇江",
    "家乡",
    "故乡",
];

fn words<T: Copy>(cell: &str, table: &[(&[&str], T)]) -> Read<T> {
    if is_missing(cell) {
        return Ok(None);
    }
    let compact = compacted(trim(cell));
    let compact = compact.as_ref();
    // Most cells are one of the words exactly; only the rest are searched.
    let exact = table
        .iter()
        .find(|(words, _)| words.contains(&compact))
        .map(|(_, value)| *value);
    exact
        .or_else(|| {
            table
                .iter()
                .find(|(words, _)| words.iter().any(|word| compact.contains(word)))
                .map(|(_, value)| *value)
        })
        .map(Some)
        .ok_or(Fault::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_filter_admits_every_place_word() {
        for word in NOT_A_PLACE
            .iter()
            .chain(VILLAGE_WORDS)
            .chain(TOWNSHIP_WORDS)
        {
            let first = word.chars().next().unwrap();
            assert!(may_start_place_word(first), "{word}");
        }
    }

    #[test]
    fn staffing_level_and_decision_words() {
        use Decision::*;
        use Level::*;
        use Staffing::*;
        for (cell, expected) in [
            ("兼职", PartTime),
            ("专职", Dedicated),
            ("专人负责", Dedicated),
            ("外包", Outsourced),
            ("托管", Outsourced),
            ("第三方运营", Outsourced),
            ("委托第三方", Outsourced),
            ("非外包", PartTime),
            ("Part-time", PartTime),
            ("outsourced", Outsourced),
        ] {
            assert_eq!(staffing(cell), Ok(Some(expected)), "{cell}");
        }
        for (cell, expected) in [
            ("县级部门", County),
            ("县直", County),
            ("县级", County),
            ("部门", County),
            ("乡镇", Township),
            ("镇", Township),
            ("乡", Township),
            ("街道", Township),
            ("园区", Township),
            ("开发区", Township),
            ("乡镇（街道）", Township),
            ("村", Village),
            ("社区", Village),
            ("村（社区）", Village),
            ("village", Village),
            ("Township", Township),
        ] {
            assert_eq!(level(cell), Ok(Some(expected)), "{cell}");
        }
        for (cell, expected) in [
            ("保留", Keep),
            ("关停", Close),
            ("注销", Close),
            ("停更", Close),
            ("停止运营", Close),
            ("拟关停", Close),
            ("不保留", Close),
            ("归并", Merge),
            ("合并", Merge),
            ("整合", Merge),
            ("Keep", Keep),
            ("merge", Merge),
        ] {
            assert_eq!(decision(cell), Ok(Some(expected)), "{cell}");
        }
        assert_eq!(staffing("不知道"), Err(Fault::Unreadable));
        assert_eq!(level("订阅号"), Err(Fault::Unreadable));
        assert_eq!(decision("待研究"), Err(Fault::Unreadable));
        assert_eq!(staffing(""), Ok(None));
    }

    #[test]
    fn yes_and_no() {
        for yes in ["是", "Y", "yes", "√", "1", "是，已外包"] {
            assert_eq!(yes_no(yes), Ok(Some(true)), "{yes}");
        }
        for no in ["否", "N", "No", "×", "0"] {
            assert_eq!(yes_no(no), Ok(Some(false)), "{no}");
        }
        assert_eq!(yes_no("也许"), Err(Fault::Unreadable));
        assert_eq!(yes_no(" "), Ok(None));
    }

    #[test]
    fn infers_level_village_first() {
        assert_eq!(infer_level("长兴发布", "县委宣传部"), Level::County);
        assert_eq!(infer_level("", ""), Level::County);
        // A village word anywhere wins over a township word before it.
        assert_eq!(infer_level("李家巷镇新川村", ""), Level::Village);
        assert_eq!(infer_level("李家巷镇", "新川村"), Level::Village);
        // A county word is stepped over whole; a place word after it counts.
        assert_eq!(infer_level("农村工作", "新川村"), Level::Village);
        assert_eq!(infer_level("乡镇企业局", ""), Level::County);
        assert_eq!(infer_level("城乡街道", ""), Level::Township);
        assert_eq!(infer_level("李家巷镇", ""), Level::Township);
        assert_eq!(infer_level("新川村", "李家巷镇"), Level::Village);
        assert_eq!(infer_level("龙山街道", ""), Level::Township);
        assert_eq!(infer_level("画溪社区", "龙山街道"), Level::Village);
        assert_eq!(infer_level("经济开发区", ""), Level::Township);
        assert_eq!(infer_level("长兴农业农村", "县农业农村局"), Level::County);
        assert_eq!(infer_level("乡村振兴", "县乡村振兴局"), Level::County);
        assert_eq!(infer_level("城乡建设", "县住建局"), Level::County);
    }
}
