//! Words: how an account is staffed, its level, a decision, a yes or no,
//! and the level a name and unit imply.

use crate::account::{Decision, Level, Platform, Staffing};
use std::borrow::Cow;

use crate::text::{compact, compacted, folded, trim};
use crate::values::{is_missing, Fault, Read};

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

/// Reads a platform: 微信公众号 (公众号, 订阅号, 服务号), 新浪微博, 抖音, 今日头条
/// (头条号), 快手, 视频号, 小红书, 百家号, and other platforms known by name
/// (网易号, 学习强国, 哔哩哔哩…) as [`Platform::Other`]. 视频号 is checked
/// before 微信, so that 微信视频号 is WeChat Channels.
pub fn platform(cell: &str) -> Read<Platform> {
    words(cell, PLATFORM_WORDS)
}

/// A platform written in brackets at the end of a name, as lists do when
/// they have no platform column: `某某发布（新浪微博）` is `某某发布` on Weibo.
/// Gives the name without the brackets, the platform, and the words in the
/// brackets; `None` when the brackets hold no platform (`某某（试运行）`) or
/// nothing comes before them.
pub fn platform_in_name(name: &str) -> Option<(&str, Platform, &str)> {
    let close = name.chars().last()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        ']' => '[',
        '】' => '【',
        _ => return None,
    };
    let at = name.rfind(open)?;
    let base = trim(name.get(..at)?);
    let inside = name.get(at + open.len_utf8()..name.len() - close.len_utf8())?;
    if base.is_empty() {
        return None;
    }
    let platform = platform(inside).ok().flatten()?;
    Some((base, platform, trim(inside)))
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

/// Reads an interaction column (互动功能, 留言功能, 是否开通留言): whether
/// the account's interaction function works. 无, 否, 未开通, 关闭 and their
/// neighbours are `false`; 有, 是, 开通, 正常 are `true`. Unlike elsewhere, 无
/// is an answer here, not a blank: the list says there is none.
pub fn interaction(cell: &str) -> Read<bool> {
    let compact = compact(cell);
    if NO_INTERACTION.iter().any(|w| compact.contains(w)) {
        return Ok(Some(false));
    }
    if is_missing(cell) {
        return Ok(None);
    }
    if INTERACTION.iter().any(|w| compact.contains(w)) {
        return Ok(Some(true));
    }
    yes_no(cell)
}

/// Infers the level of an account from its name and unit when the list does
/// not give it (SPEC §2): village words (村, 社区, 居委) first, then township
/// words (镇, 乡, 街道, 园区, 开发区), otherwise county.
///
/// County departments whose names merely contain those characters, such as
/// 农业农村局, 乡村振兴局 or 住房和城乡建设局, are not villages: such words
/// are removed before matching.
pub fn infer_level(name: &str, unit: &str) -> Level {
    place(name, unit).unwrap_or(Level::County)
}

/// True when a name or unit holds a word only a county body's name has:
/// one of [`COUNTY_CHARACTERS`] (in either script), 中心, or in English one
/// of [`COUNTY_WORDS`]. One pass over each text's characters: this is asked
/// of every account whose level cell is empty under a filled one.
pub fn county_body(name: &str, unit: &str) -> bool {
    let county = |text: &str| {
        text.chars()
            .any(|c| COUNTY_CHARACTERS.contains(&crate::text::fold(c)))
            || text.contains("中心")
            || (text.bytes().any(|b| b.is_ascii_alphabetic()) && {
                let lower = text.to_ascii_lowercase();
                COUNTY_WORDS.iter().any(|word| lower.contains(word))
            })
    };
    county(name) || county(unit)
}

/// The level the place words of a name and unit give: a village word
/// anywhere, else a township word; `None` when there is none.
pub fn place(name: &str, unit: &str) -> Option<Level> {
    // One pass over each text, leftmost word first: a county word is
    // stepped over whole, so the 村 inside 农业农村 is never seen.
    let mut level = None;
    for text in [name, unit] {
        // The place words' Traditional forms (鄉鎮, 社區, 園區, 開發區, 農村)
        // are read as their Simplified ones.
        let text = if text.contains(TRADITIONAL_PLACE) {
            folded(text)
        } else {
            Cow::Borrowed(text)
        };
        let mut rest = text.as_ref();
        while let Some(at) = rest.find(may_start_place_word) {
            rest = rest.get(at..).unwrap_or_default();
            if let Some(word) = NOT_A_PLACE.iter().find(|word| rest.starts_with(**word)) {
                rest = rest.get(word.len()..).unwrap_or_default();
                continue;
            }
            if VILLAGE_WORDS.iter().any(|word| rest.starts_with(word)) {
                return Some(Level::Village);
            }
            if TOWNSHIP_WORDS.iter().any(|word| rest.starts_with(word)) {
                level = Some(Level::Township);
            }
            let width = rest.chars().next().map_or(1, char::len_utf8);
            rest = rest.get(width..).unwrap_or_default();
        }
    }
    level
}

/// Characters only the names of county bodies have (县委, 公安局, 宣传部…).
const COUNTY_CHARACTERS: [char; 11] = [
    '县', '局', '委', '办', '部', '厅', '署', '院', '站', '所', '队',
];

/// English words only the names of county bodies have, in lower case.
const COUNTY_WORDS: &[&str] = &[
    "county",
    "department",
    "bureau",
    "office",
    "committee",
    "commission",
    "centre",
    "center",
];

/// The characters whose Traditional forms the place words use.
const TRADITIONAL_PLACE: [char; 6] = ['鄉', '鎮', '區', '園', '開', '農'];

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

/// Words that say an interaction function does not work. Checked first and
/// by containment, so that 未开通 is not read as 开通, nor 已关闭 as 已.
const NO_INTERACTION: &[&str] = &[
    "无", "否", "没有", "不开", "未开", "未设", "关闭", "已关", "停用", "不可", "不能", "取消",
    "禁用", "none", "no", "off", "closed", "disabled",
];

/// Words that say it works.
const INTERACTION: &[&str] = &[
    "有", "是", "开通", "开启", "开放", "正常", "启用", "可用", "yes", "on", "open", "enabled",
];

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

/// Ordered: the first entry any of whose words the cell contains wins.
const PLATFORM_WORDS: &[(&[&str], Platform)] = &[
    (&["视频号", "channels"], Platform::Channels),
    (&["微博", "weibo"], Platform::Weibo),
    (&["抖音", "douyin", "tiktok"], Platform::Douyin),
    (&["头条", "toutiao"], Platform::Toutiao),
    (&["快手", "kuaishou"], Platform::Kuaishou),
    (&["小红书", "xiaohongshu", "rednote"], Platform::Xiaohongshu),
    (&["百家号", "baijiahao"], Platform::Baijiahao),
    (
        &[
            "公众号",
            "订阅号",
            "服务号",
            "微信",
            "wechat",
            "weixin",
            "officialaccount",
        ],
        Platform::Wechat,
    ),
    (
        &[
            "网易号",
            "企鹅号",
            "大鱼号",
            "搜狐号",
            "一点号",
            "人民号",
            "澎湃号",
            "学习强国",
            "哔哩哔哩",
            "b站",
            "bilibili",
            "知乎",
            "客户端",
            "小程序",
            "网站",
            "app",
            "其他",
            "其它",
            "other",
        ],
        Platform::Other,
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
            ("專職", Dedicated),
            ("兼職", PartTime),
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
            ("縣級部門", County),
            ("鄉鎮", Township),
            ("村（社區）", Village),
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
    fn platforms_by_name() {
        use Platform::*;
        for (cell, expected) in [
            ("微信公众号", Wechat),
            ("公众号", Wechat),
            ("订阅号", Wechat),
            ("服务号", Wechat),
            ("微信服务号", Wechat),
            ("新浪微博", Weibo),
            ("微博", Weibo),
            ("抖音", Douyin),
            ("抖音号", Douyin),
            ("今日头条", Toutiao),
            ("头条号", Toutiao),
            ("快手", Kuaishou),
            ("视频号", Channels),
            ("微信视频号", Channels),
            ("小红书", Xiaohongshu),
            ("百家号", Baijiahao),
            ("学习强国", Other),
            ("WeChat", Wechat),
            ("新浪微博", Weibo),
            // Traditional forms read as their Simplified ones.
            ("微信公眾號", Wechat),
            ("視頻號", Channels),
        ] {
            assert_eq!(platform(cell), Ok(Some(expected)), "{cell}");
        }
        assert_eq!(platform("某某平台"), Err(Fault::Unreadable));
        assert_eq!(platform("-"), Ok(None));
    }

    #[test]
    fn platforms_after_names() {
        assert_eq!(
            platform_in_name("某镇发布（新浪微博）"),
            Some(("某镇发布", Platform::Weibo, "新浪微博"))
        );
        assert_eq!(
            platform_in_name("长兴交警 (抖音)"),
            Some(("长兴交警", Platform::Douyin, "抖音"))
        );
        assert_eq!(
            platform_in_name("平安长兴【视频号】"),
            Some(("平安长兴", Platform::Channels, "视频号"))
        );
        assert_eq!(platform_in_name("某某（试运行）"), None);
        assert_eq!(platform_in_name("（抖音）"), None);
        assert_eq!(platform_in_name("长兴发布"), None);
        assert_eq!(platform_in_name(")"), None);
    }

    #[test]
    fn interaction_words() {
        for none in [
            "无",
            "否",
            "未开通",
            "关闭",
            "已关闭",
            "没有",
            "无留言功能",
            "No",
        ] {
            assert_eq!(interaction(none), Ok(Some(false)), "{none}");
        }
        for works in ["有", "是", "已开通", "开通", "开启", "正常", "√", "yes"] {
            assert_eq!(interaction(works), Ok(Some(true)), "{works}");
        }
        for blank in ["", " ", "-", "/", "N/A"] {
            assert_eq!(interaction(blank), Ok(None), "{blank:?}");
        }
        assert_eq!(interaction("偶尔"), Err(Fault::Unreadable));
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
        // Traditional names and units, which stay as written.
        assert_eq!(infer_level("李家巷鎮新川村", ""), Level::Village);
        assert_eq!(infer_level("畫溪社區", ""), Level::Village);
        assert_eq!(infer_level("龍山街道", ""), Level::Township);
        assert_eq!(infer_level("某鄉發佈", ""), Level::Township);
        assert_eq!(infer_level("長興農業農村", "縣農業農村局"), Level::County);
    }

    #[test]
    fn what_names_and_units_say_of_their_level() {
        assert_eq!(place("画溪社区", ""), Some(Level::Village));
        assert_eq!(
            place("美丽李家巷", "李家巷镇人民政府"),
            Some(Level::Township)
        );
        // No place word, but words only a county body's name has.
        assert_eq!(place("长兴农业农村", "县农业农村局"), None);
        assert!(county_body("长兴农业农村", "县农业农村局"));
        assert!(county_body("Eco Park", "Development Zone Committee"));
        assert!(county_body("平安长兴", "县公安局"));
        // 长兴发布 says nothing of its level, alone.
        assert_eq!(place("长兴发布", ""), None);
        assert!(!county_body("长兴发布", ""));
    }

    #[test]
    fn the_traditional_place_characters_fold_to_place_words() {
        for c in TRADITIONAL_PLACE {
            assert_ne!(crate::text::fold(c), c, "{c}");
        }
    }
}
