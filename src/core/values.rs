//! Cell to value: the third step of import.
//!
//! A township's list is typed by hand, so a follower count may read `1,234`,
//! `１２３４`, `1.2万`, `10万+` or `约500`, a fee `289.50万元` or `¥20,000`,
//! a frequency `2~3`, `日更` or `每月4次`. Each reader here accepts every form
//! of SPEC §2 and the neighbours people also type, and answers one of three
//! things: a value, missing (blank, `-`, `无`, `N/A`, …), or a [`Fault`] that
//! the importer turns into a diagnostic. None of them panics, whatever the
//! cell holds.
//!
//! Numbers are exact [`Num`]s from start to finish: `289.50万元` is
//! 2,895,000 yuan exactly, and a per-month frequency becomes per-week by an
//! exact `× 12 / 52`. Magnitudes above [`LIMIT`] are refused, so later
//! arithmetic has room to spare.
//!
//! ```
//! use jianfu::core::num::{Num, Span};
//! use jianfu::core::values::{self, Unit};
//!
//! let fee = values::money("289.50万元", Unit::default());
//! assert_eq!(fee, Ok(Some(Span::point(Num::int(2_895_000)))));
//! assert_eq!(values::count("-", Unit::default()), Ok(None));
//! ```

use crate::core::account::{Decision, Level, Staffing};
use crate::core::date::Date;
use crate::core::num::{Num, Span};

/// Why a cell with text in it could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// The text is not a value of the expected kind.
    Unreadable,
    /// A number that cannot be negative was negative.
    Negative,
    /// A number larger than [`LIMIT`].
    TooLarge,
}

/// The result of reading one cell: `Ok(None)` is a missing value.
pub type Read<T> = Result<Option<T>, Fault>;

/// A period a quantity is counted over: posts per month, a fee per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

/// The unit of a column, from its header (`外包费用（万元）`, `每月发布次数`),
/// or of a cell, from its own text (`20万元/年`). A cell's own unit overrides
/// its column's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unit {
    /// What one written unit is worth: 10,000 for 万元, 1/60 for minutes.
    pub multiplier: Option<Num>,
    /// The period the figure is counted over.
    pub period: Option<Period>,
}

/// The largest magnitude accepted anywhere: a trillion. No account list has
/// a larger true figure, and keeping far below `i128` means the estimate's
/// products and sums never overflow.
pub const LIMIT: i64 = 1_000_000_000_000;

/// `text.trim()`, with the common case answered from two bytes: text that
/// starts and ends with a character that is plainly not a space is returned
/// as it is. Every space in Unicode is ASCII or has the UTF-8 lead byte C2,
/// E1, E2 or E3, so any other lead byte starts a character that is not one;
/// Chinese text starts with E4 to E9. Trimming is asked of nearly every
/// cell, and decoding characters to ask is what made it cost.
#[inline]
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let last = bytes.iter().rev().take(4).find(|&&b| b & 0xc0 != 0x80);
    match (bytes.first(), last) {
        (Some(&first), Some(&last)) if plainly_not_space(first) && plainly_not_space(last) => text,
        _ => text.trim(),
    }
}

/// True for a byte that starts a character which is not a space (see
/// [`trim`]); false for a byte that may start one.
#[inline]
fn plainly_not_space(lead: u8) -> bool {
    (0x21..=0x7e).contains(&lead) || (lead >= 0xc3 && !(0xe1..=0xe3).contains(&lead))
}

/// True when the cell says "no value": blank, or a marker such as `-`, `—`,
/// `/`, `无`, `暂无`, `不详`, `N/A`.
#[inline]
pub fn is_missing(cell: &str) -> bool {
    let cell = trim(cell);
    if cell.is_empty() {
        return true;
    }
    // No marker starts with a digit, and none is long: this keeps figures
    // and names off the comparison below.
    if cell.starts_with(|c: char| c.is_ascii_digit()) || cell.len() > 16 {
        return false;
    }
    let Some(first) = cell
        .chars()
        .next()
        .map(|c| half_width(c).to_ascii_lowercase())
    else {
        return false;
    };
    may_start_marker(first) && MISSING.iter().any(|marker| compact_eq(cell, marker))
}

/// True for the first characters of the [`MISSING`] markers (a test keeps
/// the two in step). Most cells fail this at once, which matters: every
/// cell of every row is asked whether it is missing.
#[inline]
fn may_start_marker(c: char) -> bool {
    matches!(
        c,
        '-' | '—'
            | '–'
            | '―'
            | '/'
            | '\\'
            | '无'
            | '暂'
            | '没'
            | '不'
            | '未'
            | '待'
            | '空'
            | 'n'
            | '?'
            | '*'
            | '…'
            | '.'
    )
}

/// Reads a count such as followers, staff or reads: `1,234`, `1.2万`,
/// `10万+`, `约500`, `2~3`. The column's multiplier applies unless the cell
/// states its own (`万`, `千`).
pub fn count(cell: &str, unit: Unit) -> Read<Span> {
    let Some(q) = quantity(cell, Kind::Plain)? else {
        return Ok(None);
    };
    finish(q.span, q.multiplier(unit), Num::ONE).map(Some)
}

/// Reads money per year, in yuan, exactly: `20000`, `¥20,000`, `289.50万元`,
/// `20万元/年`, `5000元/月` (×12). A cell's own `元`, `¥` or `万`
/// overrides the column's unit; a period converts to a year.
pub fn money(cell: &str, unit: Unit) -> Read<Span> {
    let Some(q) = quantity(cell, Kind::Money)? else {
        return Ok(None);
    };
    finish(
        q.span,
        q.multiplier(unit),
        per_year(q.period.or(unit.period)),
    )
    .map(Some)
}

/// How many of a period make a year (a year when none is given).
fn per_year(period: Option<Period>) -> Num {
    match period.unwrap_or(Period::Year) {
        Period::Day => Num::int(365),
        Period::Week => Num::int(52),
        Period::Month => Num::int(12),
        Period::Year => Num::ONE,
    }
}

/// How many of a period make a week (a week when none is given).
fn per_week(period: Option<Period>) -> Num {
    match period.unwrap_or(Period::Week) {
        Period::Day => Num::int(7),
        Period::Week => Num::ONE,
        Period::Month => Num::int(12) / Num::int(52),
        Period::Year => Num::ONE / Num::int(52),
    }
}

/// Reads staff hours per post: `2`, `2~3`, `两三个小时`, `2.5h`, `30分钟`
/// (½ hour). A minutes column has the multiplier 1/60.
pub fn hours(cell: &str, unit: Unit) -> Read<Span> {
    // Read as any count: `小时`, `h` and `分钟` are among the unit words every
    // figure may carry, and a minutes column brings its own multiplier.
    count(cell, unit)
}

/// Reads posts per week: `2`, `2~3`, `日更` or `每天` (7), `每周2次`,
/// `每月4次` and per-month columns (× 12 / 52), `停更` (0).
pub fn posts_per_week(cell: &str, unit: Unit) -> Read<Span> {
    // The stop words are Chinese: a figure is not searched for them (and
    // `quantity` finds the missing markers).
    if !cell.is_ascii() {
        if is_missing(cell) {
            return Ok(None);
        }
        let compact = compacted(trim(cell));
        if STOPPED.iter().any(|word| compact.contains(word)) {
            return Ok(Some(Span::ZERO));
        }
    }
    let Some(q) = quantity(cell, Kind::Frequency)? else {
        return Ok(None);
    };
    finish(
        q.span,
        q.multiplier(unit),
        per_week(q.period.or(unit.period)),
    )
    .map(Some)
}

/// What a column of figures measures, which decides how its cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Followers, staff or reads: [`count`].
    Count,
    /// Staff hours per post: [`hours`].
    Hours,
    /// Money per year: [`money`].
    Money,
    /// Posts per week: [`posts_per_week`].
    PostsPerWeek,
}

impl Measure {
    /// Reads a cell of a column with this measure and `unit`.
    pub fn read(self, cell: &str, unit: Unit) -> Read<Span> {
        match self {
            Measure::Count => count(cell, unit),
            Measure::Hours => hours(cell, unit),
            Measure::Money => money(cell, unit),
            Measure::PostsPerWeek => posts_per_week(cell, unit),
        }
    }

    /// What a figure in such a column is multiplied by when its cell states
    /// no unit or period of its own: 10,000 in a 万元 column, 12/52 in a
    /// posts-per-month column.
    pub fn scale(self, unit: Unit) -> Num {
        let multiplier = unit.multiplier.unwrap_or(Num::ONE);
        match self {
            Measure::Count | Measure::Hours => multiplier,
            Measure::Money => multiplier * per_year(unit.period),
            Measure::PostsPerWeek => multiplier * per_week(unit.period),
        }
    }
}

/// Reads a cell of bare ASCII digits (`37`, or `1.5` in a 万元 column), the
/// commonest cell of all, in a column whose [`Measure::scale`] is the whole
/// number `scale`: the value [`Measure::read`] gives (a test checks),
/// without its general machinery. `None` for any other cell, for a value
/// that is not whole once scaled, or one past [`LIMIT`].
#[inline]
pub fn whole(cell: &str, scale: i64) -> Option<i64> {
    // One pass: up to 15 digits, then optionally `.` and up to 6 more.
    let (mut int, mut int_digits, mut frac, mut places) = (0i64, 0, 0i64, None);
    for &b in cell.as_bytes() {
        let digit = i64::from(b.wrapping_sub(b'0'));
        match (b, places) {
            (b'0'..=b'9', None) if int_digits < 15 => {
                int = int * 10 + digit;
                int_digits += 1;
            }
            (b'0'..=b'9', Some(count)) if count < 6 => {
                frac = frac * 10 + digit;
                places = Some(count + 1);
            }
            (b'.', None) => places = Some(0),
            _ => return None,
        }
    }
    let mut value = int.checked_mul(scale)?;
    match places {
        None if int_digits > 0 => {}
        // `1.5` in a 万元 column is 15,000: whole when 10^places divides
        // the scale (`1.` and `.5` are left to the general reader).
        Some(count @ 1..) if int_digits > 0 => {
            let unit = 10i64.pow(count);
            if scale % unit != 0 {
                return None;
            }
            value = value.checked_add(frac.checked_mul(scale / unit)?)?;
        }
        _ => return None,
    }
    (0..=LIMIT).contains(&value).then_some(value)
}

/// Reads a date: `2019-03-01`, `2019/3/1`, `2019.3.1`, `2019年3月1日`,
/// `20190301`, an Excel serial such as `43525`, a date with a time after it,
/// and `3/1/2019` (month first unless the first number exceeds 12). A month
/// alone (`2019年3月`) is read as its last day, the latest the post can have
/// been, so that no account is called dormant on a guess.
pub fn date(cell: &str) -> Read<Date> {
    if let Some(date) = fast_date(trim(cell)) {
        return Ok(Some(date));
    }
    if is_missing(cell) {
        return Ok(None);
    }
    let cell = cell.trim();
    let owned: String;
    let text = if cell.chars().all(|c| half_width(c) == c) {
        cell
    } else {
        owned = cell.chars().map(half_width).collect();
        owned.as_str()
    };
    // A time after the date (`2019/3/1 10:30`, `2019-03-01T10:30`) is
    // dropped; Chinese dates may have spaces between their parts.
    let joined: String;
    let text = if text.contains('年') && text.contains(char::is_whitespace) {
        joined = text.split_whitespace().collect();
        joined.as_str()
    } else {
        text.split_whitespace().next().unwrap_or("")
    };
    let text = match text.split_once('T') {
        Some((day, _)) => day,
        None => text,
    };
    parse_date(text).map(Some).ok_or(Fault::Unreadable)
}

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

/// The text of a cell or header with full-width forms made half-width,
/// whitespace removed and ASCII lower-cased: the form every matcher reads.
pub fn compact(text: &str) -> String {
    text.chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// True when the [`compact`] form of `text` equals `word`, without
/// allocating.
#[inline]
fn compact_eq(text: &str, word: &str) -> bool {
    text.chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .eq(word.chars())
}

/// The [`compact`] form of a cell, borrowed when the cell is compact already
/// (the common case), so that reading it costs no allocation.
fn compacted(cell: &str) -> std::borrow::Cow<'_, str> {
    // Full-width forms, the ideographic space and the other non-ASCII
    // spaces all have UTF-8 lead bytes C2, E1, E2, E3 or EF; common Chinese
    // text (E4–E9) and ASCII are judged by their bytes alone.
    let bytes = cell.as_bytes();
    let suspect = bytes
        .iter()
        .any(|&b| matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef));
    let already = if suspect {
        cell.chars()
            .all(|c| !c.is_whitespace() && !c.is_ascii_uppercase() && half_width(c) == c)
    } else {
        !bytes
            .iter()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_whitespace() || *b == 0x0b)
    };
    if already {
        std::borrow::Cow::Borrowed(cell)
    } else {
        std::borrow::Cow::Owned(compact(cell))
    }
}

/// The half-width form of a full-width character (`１` → `1`, `（` → `(`,
/// `～` → `~`, the ideographic space → a space); other characters unchanged.
#[inline]
pub fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{ffe5}' => '¥',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        _ => c,
    }
}

/// Reads a unit written in a header's brackets or at the end of a header:
/// `万元`, `元/年`, `万元/月`, `次/月`, `小时`, `分钟`, `万人`, with an
/// optional `单位：` in front. `None` when the text is not a unit.
pub fn unit(text: &str) -> Option<Unit> {
    let compact = compact(text);
    let mut rest = compact.as_str();
    for prefix in ["单位:", "单位", "in"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r;
            break;
        }
    }
    let mut found = Unit::default();
    let mut recognised = false;
    loop {
        let before = rest;
        if let Some((r, period)) = strip_period_suffix(rest) {
            found.period = Some(period);
            recognised = true;
            rest = r;
        }
        if let Some((r, effect)) = strip_any(rest, SUFFIXES, End::Finish) {
            match effect {
                Effect::Unit(ratio) => found.multiplier = ratio.num(),
                Effect::Yuan | Effect::Noise => {}
                Effect::Approximate | Effect::Plus | Effect::Currency => return None,
            }
            recognised = true;
            rest = r;
        }
        if rest == before {
            break;
        }
    }
    if let Some((_, m)) = MULTIPLIERS.iter().find(|(word, _)| rest == *word) {
        found.multiplier = Some(Num::int(*m) * found.multiplier.unwrap_or(Num::ONE));
        return Some(found);
    }
    (rest.is_empty() && recognised).then_some(found)
}

// ---------------------------------------------------------------------------
// Word tables.

/// The missing markers, in compact form.
const MISSING: &[&str] = &[
    "-",
    "--",
    "---",
    "—",
    "——",
    "–",
    "―",
    "/",
    "//",
    "\\",
    "无",
    "暂无",
    "没有",
    "不详",
    "未知",
    "不清楚",
    "待定",
    "空",
    "n/a",
    "na",
    "n.a.",
    "null",
    "none",
    "nil",
    "?",
    "??",
    "不定期",
    "不固定",
    "*",
    "…",
    "...",
];

/// Words that mean an account has stopped posting: zero posts a week.
const STOPPED: &[&str] = &["停更", "停止更新", "未更新", "不更新", "无更新", "已停"];

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

/// Multipliers written after a number, longest first.
const MULTIPLIERS: &[(&str, i64)] = &[
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("亿", 100_000_000),
    ("万", 10_000),
    ("千", 1_000),
    ("百", 100),
    ("w", 10_000),
    ("k", 1_000),
];

/// What stripping a word from a cell means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effect {
    /// 约, 左右, 以上: the figure is approximate; it is read as written.
    Approximate,
    /// `+` as in `10万+`, WeChat's "more than": one more than written.
    Plus,
    /// ¥, RMB written before the figure: in yuan, like 元 after it.
    Currency,
    /// 元: the cell states its unit, so the column's does not apply.
    Yuan,
    /// 小时, 分钟: the cell states its unit and what it is worth in hours.
    Unit(Ratio),
    /// 人, 个, 次, 篇: a counting word that changes nothing.
    Noise,
}

/// A constant fraction, kept as integers so that tables stay `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ratio(i64, i64);

impl Ratio {
    fn num(self) -> Option<Num> {
        Num::ratio(i128::from(self.0), i128::from(self.1))
    }
}

const PREFIXES: &[(&str, Effect)] = &[
    ("大约", Effect::Approximate),
    ("大概", Effect::Approximate),
    ("约为", Effect::Approximate),
    ("将近", Effect::Approximate),
    ("接近", Effect::Approximate),
    ("超过", Effect::Approximate),
    ("不到", Effect::Approximate),
    ("不足", Effect::Approximate),
    ("少于", Effect::Approximate),
    ("多于", Effect::Approximate),
    ("约", Effect::Approximate),
    ("近", Effect::Approximate),
    ("超", Effect::Approximate),
    ("≈", Effect::Approximate),
    ("≥", Effect::Approximate),
    ("≤", Effect::Approximate),
    (">=", Effect::Approximate),
    ("<=", Effect::Approximate),
    (">", Effect::Approximate),
    ("<", Effect::Approximate),
    ("~", Effect::Approximate),
    ("about", Effect::Approximate),
    ("approx.", Effect::Approximate),
    ("approx", Effect::Approximate),
    ("around", Effect::Approximate),
    ("ca.", Effect::Approximate),
    ("over", Effect::Approximate),
    ("每期", Effect::Noise),
    ("每篇", Effect::Noise),
    ("每次", Effect::Noise),
    ("单篇", Effect::Noise),
    ("单期", Effect::Noise),
    ("人民币", Effect::Currency),
    ("¥", Effect::Currency),
    ("rmb", Effect::Currency),
    ("cny", Effect::Currency),
];

const SUFFIXES: &[(&str, Effect)] = &[
    ("左右", Effect::Approximate),
    ("上下", Effect::Approximate),
    ("以上", Effect::Approximate),
    ("以下", Effect::Approximate),
    ("以内", Effect::Approximate),
    ("之间", Effect::Approximate),
    ("余", Effect::Approximate),
    ("多", Effect::Approximate),
    ("+", Effect::Plus),
    ("人民币", Effect::Yuan),
    ("元", Effect::Yuan),
    ("rmb", Effect::Yuan),
    ("cny", Effect::Yuan),
    ("yuan", Effect::Yuan),
    ("个小时", Effect::Unit(Ratio(1, 1))),
    ("小时", Effect::Unit(Ratio(1, 1))),
    ("钟头", Effect::Unit(Ratio(1, 1))),
    ("hours", Effect::Unit(Ratio(1, 1))),
    ("hour", Effect::Unit(Ratio(1, 1))),
    ("hrs", Effect::Unit(Ratio(1, 1))),
    ("hr", Effect::Unit(Ratio(1, 1))),
    ("h", Effect::Unit(Ratio(1, 1))),
    ("分钟", Effect::Unit(Ratio(1, 60))),
    ("minutes", Effect::Unit(Ratio(1, 60))),
    ("minute", Effect::Unit(Ratio(1, 60))),
    ("mins", Effect::Unit(Ratio(1, 60))),
    ("min", Effect::Unit(Ratio(1, 60))),
    ("分", Effect::Unit(Ratio(1, 60))),
    ("人次", Effect::Noise),
    ("篇次", Effect::Noise),
    ("人", Effect::Noise),
    ("个", Effect::Noise),
    ("名", Effect::Noise),
    ("位", Effect::Noise),
    ("次", Effect::Noise),
    ("篇", Effect::Noise),
    ("期", Effect::Noise),
    ("条", Effect::Noise),
    ("/期", Effect::Noise),
    ("/篇", Effect::Noise),
    ("/次", Effect::Noise),
    ("每期", Effect::Noise),
    ("每篇", Effect::Noise),
    ("每次", Effect::Noise),
];

/// Periods written before a figure (`每周2次`, `月均4次`, `日更`). The words
/// that stand alone for "once per period" are in [`ONCE_PER`].
const PERIOD_PREFIXES: &[(&str, Period)] = &[
    ("每星期", Period::Week),
    ("每周", Period::Week),
    ("一周", Period::Week),
    ("周均", Period::Week),
    ("每个月", Period::Month),
    ("一个月", Period::Month),
    ("每月", Period::Month),
    ("月均", Period::Month),
    ("每年", Period::Year),
    ("一年", Period::Year),
    ("全年", Period::Year),
    ("年均", Period::Year),
    ("每天", Period::Day),
    ("每日", Period::Day),
    ("日均", Period::Day),
    ("一天", Period::Day),
    ("天天", Period::Day),
    ("周", Period::Week),
    ("月", Period::Month),
    ("年", Period::Year),
];

/// Periods written after a figure (`2次/周`, `20万元/年`, `4次每月`).
const PERIOD_SUFFIXES: &[(&str, Period)] = &[
    ("/星期", Period::Week),
    ("/周", Period::Week),
    ("/week", Period::Week),
    ("/wk", Period::Week),
    ("perweek", Period::Week),
    ("aweek", Period::Week),
    ("每周", Period::Week),
    ("/月", Period::Month),
    ("/month", Period::Month),
    ("/mo", Period::Month),
    ("permonth", Period::Month),
    ("amonth", Period::Month),
    ("每月", Period::Month),
    ("/年", Period::Year),
    ("/year", Period::Year),
    ("/yr", Period::Year),
    ("/a", Period::Year),
    ("peryear", Period::Year),
    ("ayear", Period::Year),
    ("每年", Period::Year),
    ("/天", Period::Day),
    ("/日", Period::Day),
    ("/day", Period::Day),
    ("perday", Period::Day),
    ("aday", Period::Day),
    ("每天", Period::Day),
    ("每日", Period::Day),
];

/// Whole cells that mean once (or a fraction of once) per period.
const ONCE_PER: &[(&str, Period, Ratio)] = &[
    ("日更", Period::Day, Ratio(1, 1)),
    ("每日更新", Period::Day, Ratio(1, 1)),
    ("每天更新", Period::Day, Ratio(1, 1)),
    ("天天更新", Period::Day, Ratio(1, 1)),
    ("daily", Period::Day, Ratio(1, 1)),
    ("everyday", Period::Day, Ratio(1, 1)),
    ("周更", Period::Week, Ratio(1, 1)),
    ("weekly", Period::Week, Ratio(1, 1)),
    ("双周更", Period::Week, Ratio(1, 2)),
    ("隔周更", Period::Week, Ratio(1, 2)),
    ("半月更", Period::Month, Ratio(2, 1)),
    ("月更", Period::Month, Ratio(1, 1)),
    ("monthly", Period::Month, Ratio(1, 1)),
    ("年更", Period::Year, Ratio(1, 1)),
];

/// Characters that separate the ends of a range (after [`half_width`]).
const RANGE_SEPARATORS: &[char] = &['~', '〜', '-', '—', '–', '―', '−', '至', '到'];

// ---------------------------------------------------------------------------
// The quantity reader shared by counts, money, hours and frequencies.

/// A figure as written, before the column's unit is applied.
#[derive(Clone, Copy, Debug)]
struct Quantity {
    span: Span,
    /// The cell's own multiplier (`万`, `小时`, `分钟`), if it states one.
    own: Option<Num>,
    period: Option<Period>,
}

impl Quantity {
    fn multiplier(&self, column: Unit) -> Num {
        self.own.or(column.multiplier).unwrap_or(Num::ONE)
    }
}

/// What the stripping loops have found so far.
#[derive(Clone, Copy, Debug, Default)]
struct Marks {
    plus: bool,
    yuan: bool,
    unit: Option<Num>,
    period: Option<Period>,
}

/// Which words a figure may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Counts and hours: no period.
    Plain,
    /// Money: a period (`/年`, `每月`) converts to a year.
    Money,
    /// Posts: a period converts to a week, and a period alone (`每天`)
    /// means once per period.
    Frequency,
}

/// Reads any figure: a number or a range, with multipliers, units, periods
/// and the words of approximation around it.
fn quantity(cell: &str, kind: Kind) -> Read<Quantity> {
    if let Some(n) = plain_integer(cell) {
        return Ok(Some(Quantity {
            span: Span::point(n),
            own: None,
            period: None,
        }));
    }
    // A figure of ASCII digits and separators has no spaces, full-width
    // forms or markers to clean up, so it is read as it stands.
    if let Some(simple) = simple_figure(cell) {
        return simple;
    }
    if is_missing(cell) {
        return Ok(None);
    }
    let text = compacted(trim(cell));
    if let Some(simple) = simple_figure(&text) {
        return simple;
    }
    let periods = kind != Kind::Plain;
    if kind == Kind::Frequency {
        if let Some((_, period, ratio)) = ONCE_PER.iter().find(|(word, _, _)| text == *word) {
            return Ok(Some(Quantity {
                span: Span::point(ratio.num().unwrap_or(Num::ONE)),
                own: None,
                period: Some(*period),
            }));
        }
    }
    let mut marks = Marks::default();
    let text = strip_words(&text, &mut marks, periods);
    if text.is_empty() {
        return match marks.period {
            Some(period) if kind == Kind::Frequency => Ok(Some(Quantity {
                span: Span::point(Num::ONE),
                own: None,
                period: Some(period),
            })),
            _ => Err(Fault::Unreadable),
        };
    }
    let (low, high) = match split_range(text) {
        Some((left, right)) => {
            let right = side(strip_words(right, &mut marks, periods))?;
            let mut left = side(strip_words(left, &mut marks, periods))?;
            // `2~3万` is 2万 to 3万, but `1000~2万` is 1000 to 2万.
            if left.multiplier.is_none() && left.high <= right.low {
                left.multiplier = right.multiplier;
            }
            (left, right)
        }
        None => {
            let only = side(text)?;
            (only, only)
        }
    };
    let mut low_value = low.low * low.multiplier.unwrap_or(Num::ONE);
    let mut high_value = high.high * high.multiplier.unwrap_or(Num::ONE);
    if marks.plus {
        if low_value == high_value {
            low_value = low_value + Num::ONE;
        }
        high_value = high_value + Num::ONE;
    }
    // A cell that states its own unit (`万`, `元`, `小时`) is not scaled by
    // its column's; `万` and `小时` carry their worth in the values above.
    let stated = low.multiplier.is_some() || high.multiplier.is_some() || marks.yuan;
    let own = match marks.unit {
        Some(unit) => Some(unit),
        None if stated => Some(Num::ONE),
        None => None,
    };
    Ok(Some(Quantity {
        span: Span::new(low_value, high_value),
        own,
        period: marks.period,
    }))
}

/// Reads a figure made only of ASCII digits, `.`, `,`, range dashes and a
/// trailing `+` (`1,234`, `289.50`, `2-3`, `1000+`) without the word tables;
/// `None` sends anything else down the general path.
fn simple_figure(text: &str) -> Option<Read<Quantity>> {
    let bytes = text.as_bytes();
    let simple = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'~' | b'-' | b'+'));
    if !simple {
        return None;
    }
    let (text, plus) = match text.strip_suffix('+') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    if text.contains('+') {
        return Some(Err(Fault::Unreadable));
    }
    let read = |side: &str| -> Result<Num, Fault> {
        match fast_number(side) {
            Some(n) => Ok(n),
            None => decimal(side)?.ok_or(Fault::Unreadable),
        }
    };
    let span = match split_range(text) {
        Some((left, right)) => match (read(left), read(right)) {
            (Ok(low), Ok(high)) => Span::new(low, high),
            (Err(fault), _) | (_, Err(fault)) => return Some(Err(fault)),
        },
        None => match read(text) {
            Ok(value) => Span::point(value),
            Err(fault) => return Some(Err(fault)),
        },
    };
    let span = if plus {
        let high = span.high + Num::ONE;
        let low = if span.is_point() { high } else { span.low };
        Span::new(low, high)
    } else {
        span
    };
    Some(Ok(Some(Quantity {
        span,
        own: None,
        period: None,
    })))
}

/// One end of a range: a number with an optional multiplier. A Chinese pair
/// such as 两三 is itself a small range, so a side has two ends.
#[derive(Clone, Copy, Debug)]
struct Side {
    low: Num,
    high: Num,
    multiplier: Option<Num>,
}

fn side(text: &str) -> Result<Side, Fault> {
    if text.starts_with('-') || text.starts_with('−') {
        // A well-formed negative number is a different fault from noise.
        let rest = text.trim_start_matches(['-', '−']);
        return match side(rest) {
            // `-0` is zero, however it is written.
            Ok(zero) if zero.high == Num::ZERO => Ok(zero),
            Ok(_) => Err(Fault::Negative),
            Err(fault) => Err(fault),
        };
    }
    let (digits, multiplier) = match MULTIPLIERS
        .iter()
        .find_map(|(word, m)| text.strip_suffix(word).map(|rest| (rest, *m)))
    {
        Some((rest, m)) if !rest.is_empty() => (rest, Some(Num::int(m))),
        _ => (text, None),
    };
    if let Some(n) = decimal(digits)? {
        return Ok(Side {
            low: n,
            high: n,
            multiplier,
        });
    }
    match chinese_numeral(digits) {
        Some((low, high)) => Ok(Side {
            low,
            high,
            multiplier,
        }),
        None => Err(Fault::Unreadable),
    }
}

/// Strips every prefix and suffix word until none is left, noting what they
/// mean. Period words are taken only for frequencies and money, where they
/// mean something; elsewhere they make the cell unreadable.
fn strip_words<'a>(text: &'a str, marks: &mut Marks, periods: bool) -> &'a str {
    let mut text = text;
    loop {
        let before = text;
        // No word starts or ends with a digit, so a figure's digits end the
        // search at once.
        let digit_first = text.starts_with(|c: char| c.is_ascii_digit());
        let digit_last = text.ends_with(|c: char| c.is_ascii_digit());
        if !digit_first {
            if let Some((rest, effect)) = strip_any(text, PREFIXES, End::Start) {
                text = rest;
                note(marks, effect);
            }
        }
        // Periods before units: `/month` must not lose its `h` to hours.
        if periods && !digit_last {
            if let Some((rest, period)) = strip_period_suffix(text) {
                text = rest;
                marks.period = Some(period);
            }
        }
        if !digit_last {
            if let Some((rest, effect)) = strip_any(text, SUFFIXES, End::Finish) {
                text = rest;
                note(marks, effect);
            }
        }
        if periods && !text.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some((rest, period)) = strip_any(text, PERIOD_PREFIXES, End::Start) {
                text = rest;
                marks.period = Some(period);
            }
        }
        if text == before {
            return text;
        }
    }
}

fn note(marks: &mut Marks, effect: Effect) {
    match effect {
        Effect::Plus => marks.plus = true,
        // A currency sign says the figure is in yuan, as Excel formats it.
        Effect::Yuan | Effect::Currency => marks.yuan = true,
        Effect::Unit(ratio) => marks.unit = ratio.num(),
        Effect::Approximate | Effect::Noise => {}
    }
}

/// Which end of a cell a word table applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Start,
    Finish,
}

/// The first word of `table` at the given end of `text`, and the text
/// without it.
fn strip_any<'a, T: Copy>(text: &'a str, table: &[(&str, T)], end: End) -> Option<(&'a str, T)> {
    let bytes = text.as_bytes();
    table.iter().find_map(|(word, effect)| {
        // The word's last byte against the text's byte where the word would
        // end rules out nearly every word before comparing it whole: the
        // last byte of a Chinese character is one of 64.
        let last = word.len().checked_sub(1)?;
        let at = match end {
            End::Start => last,
            End::Finish => bytes.len().checked_sub(1)?,
        };
        if bytes.get(at) != word.as_bytes().get(last) {
            return None;
        }
        let rest = match end {
            End::Start => text.strip_prefix(word),
            End::Finish => text.strip_suffix(word),
        };
        rest.map(|rest| (rest, *effect))
    })
}

fn strip_period_suffix(text: &str) -> Option<(&str, Period)> {
    strip_any(text, PERIOD_SUFFIXES, End::Finish)
}

/// Splits `2~3` into its ends at the first separator that is not the first
/// character (`-5` is a negative number, not a range). An exponent's sign
/// (`1.2e-5`) is not a separator. More than one separator is no range.
fn split_range(text: &str) -> Option<(&str, &str)> {
    let mut previous = None;
    for (index, c) in text.char_indices() {
        if index > 0 && RANGE_SEPARATORS.contains(&c) && previous != Some('e') {
            let left = &text[..index];
            let right = &text[index + c.len_utf8()..];
            // `2--3` and `2~~3` read as one separator.
            let right = right.trim_start_matches(|c| RANGE_SEPARATORS.contains(&c));
            return Some((left, right));
        }
        previous = Some(c);
    }
    None
}

/// One pass over `1234`, `1,234,567` or `289.50` (at most 13 integer and
/// 6 decimal digits): the figures Excel exports, read without the general
/// machinery. `None` for anything else, which [`decimal`] then reads.
fn fast_number(text: &str) -> Option<Num> {
    let bytes = text.as_bytes();
    let mut int: i64 = 0;
    let mut int_digits = 0;
    let mut group = 0;
    let mut grouped = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                int = int * 10 + i64::from(b - b'0');
                int_digits += 1;
                group += 1;
                if int_digits > MAX_INT_DIGITS || (grouped && group > 3) {
                    return None;
                }
            }
            b',' if int_digits > 0 && (if grouped { group == 3 } else { group <= 3 }) => {
                grouped = true;
                group = 0;
            }
            b'.' => break,
            _ => return None,
        }
        i += 1;
    }
    if int_digits == 0 || (grouped && group != 3) {
        return None;
    }
    let Some(frac) = bytes.get(i + 1..) else {
        return Some(Num::int(int));
    };
    if frac.is_empty() || frac.len() > 6 || !frac.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut scaled = i128::from(int);
    for &b in frac {
        scaled = scaled * 10 + i128::from(b - b'0');
    }
    Num::ratio(scaled, 10_i128.pow(frac.len() as u32))
}

/// A cell that is nothing but ASCII digits (at most 15 of them): the common
/// case, read without allocating.
#[inline]
fn plain_integer(cell: &str) -> Option<Num> {
    let bytes = cell.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut n: i64 = 0;
    for &b in bytes {
        n = n * 10 + i64::from(b - b'0');
    }
    Some(Num::int(n))
}

/// A decimal number with thousands separators (`1,234,567.5`), a decimal
/// comma (`1,5`) or an exponent (`1.2e+05`, as Excel writes large numbers).
/// `Ok(None)` when the text is not a decimal at all.
fn decimal(text: &str) -> Result<Option<Num>, Fault> {
    if text.is_empty() || !text.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return Ok(None);
    }
    let (mantissa_text, exponent) = match text.split_once('e') {
        Some((m, e)) => {
            let digits = e.strip_prefix('+').unwrap_or(e);
            match digits.parse::<i32>() {
                Ok(e) => (m, e),
                Err(_) => return Ok(None),
            }
        }
        None => (text, 0),
    };
    let Some(n) = mantissa(mantissa_text)? else {
        return Ok(None);
    };
    if exponent == 0 {
        return Ok(Some(n));
    }
    if exponent > 15 {
        return if n == Num::ZERO {
            Ok(Some(n))
        } else {
            Err(Fault::TooLarge)
        };
    }
    if exponent < -18 {
        return Ok(None);
    }
    let power = Num::int(10_i64.pow(exponent.unsigned_abs()));
    Ok(Some(if exponent > 0 { n * power } else { n / power }))
}

/// The most integer digits a figure may have: more is above [`LIMIT`]
/// whatever its unit.
const MAX_INT_DIGITS: usize = 13;

/// The most decimal places kept exact.
const MAX_FRAC_DIGITS: usize = 18;

/// Parses digits with thousands separators (`1,234,567.5`) or a lone
/// decimal comma (`1,5`), without allocating. `Ok(None)` when the text is
/// not such a number (`1,23,4`, `1.2.3`).
fn mantissa(text: &str) -> Result<Option<Num>, Fault> {
    let bytes = text.as_bytes();
    if bytes.is_empty()
        || !bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
    {
        return Ok(None);
    }
    let points = bytes.iter().filter(|&&b| b == b'.').count();
    let commas = bytes.iter().filter(|&&b| b == b',').count();
    if points > 1 {
        return Ok(None);
    }
    // `1,5` is one and a half (a decimal comma); `1,500` is fifteen hundred.
    let (int_part, frac_part) = match (points, commas, text.split_once(',')) {
        (0, 1, Some((int, frac))) if !int.is_empty() && (1..=2).contains(&frac.len()) => {
            (int, frac)
        }
        _ => text.split_once('.').unwrap_or((text, "")),
    };
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return Ok(None);
        }
    }
    if frac_part.contains(',') {
        return Ok(None);
    }
    let int_digits = int_part
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&b| b == b'0');
    let frac_part = frac_part.trim_end_matches('0');
    if int_part.is_empty() && frac_part.is_empty() && !text.contains('0') {
        return Ok(None);
    }
    if int_digits.clone().count() > MAX_INT_DIGITS {
        return Err(Fault::TooLarge);
    }
    if frac_part.len() > MAX_FRAC_DIGITS {
        return Ok(None);
    }
    let mut value: i128 = 0;
    for b in int_digits.chain(frac_part.bytes()) {
        value = value * 10 + i128::from(b - b'0');
    }
    if frac_part.is_empty() {
        return Ok(i64::try_from(value).ok().map(Num::int));
    }
    Ok(Num::ratio(value, 10_i128.pow(frac_part.len() as u32)))
}

/// Small Chinese numerals: 一 … 九十九, 两, 半 (½), and a pair of digits such
/// as 两三 or 三五, which is a range ("two or three").
fn chinese_numeral(text: &str) -> Option<(Num, Num)> {
    fn digit(c: char) -> Option<i64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    let chars: Vec<char> = text.chars().collect();
    let point = |n: i64| Some((Num::int(n), Num::int(n)));
    match chars.as_slice() {
        ['半'] => Some((Num::ratio(1, 2)?, Num::ratio(1, 2)?)),
        ['十'] => point(10),
        [d] => point(digit(*d)?),
        ['十', d] => point(10 + digit(*d)?),
        [d, '十'] => point(digit(*d)? * 10),
        [a, '十', b] => point(digit(*a)? * 10 + digit(*b)?),
        [a, b] => {
            let (a, b) = (digit(*a)?, digit(*b)?);
            (a < b).then(|| (Num::int(a), Num::int(b)))
        }
        _ => None,
    }
}

/// Applies the multiplier and the period factor, and enforces the bounds.
fn finish(span: Span, multiplier: Num, factor: Num) -> Result<Span, Fault> {
    let scale = if multiplier == Num::ONE {
        factor
    } else if factor == Num::ONE {
        multiplier
    } else {
        multiplier * factor
    };
    let span = if scale == Num::ONE {
        span
    } else if span.is_point() {
        Span::point(span.low * scale)
    } else {
        Span::new(span.low * scale, span.high * scale)
    };
    // Integers, the usual case, are compared without cross-multiplying.
    let negative = match span.low.denom() {
        1 => span.low.numer() < 0,
        _ => span.low < Num::ZERO,
    };
    if negative {
        return Err(Fault::Negative);
    }
    let too_large = match span.high.denom() {
        1 => span.high.numer() > i128::from(LIMIT),
        _ => span.high > Num::int(LIMIT),
    };
    if too_large {
        return Err(Fault::TooLarge);
    }
    Ok(span)
}

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

/// `2019-03-01`, `2019/3/1` or `2019.3.1`: four digits of year, then month
/// and day of one or two digits, after the same separator. `None` for other
/// forms, which [`parse_date`] reads the long way.
fn fast_date(text: &str) -> Option<Date> {
    let [y0, y1, y2, y3, separator @ (b'-' | b'/' | b'.'), rest @ ..] = text.as_bytes() else {
        return None;
    };
    let year = [y0, y1, y2, y3]
        .into_iter()
        .try_fold(0, |year, &b| Some(year * 10 + ascii_digit(b)?))?;
    let (month, rest) = one_or_two_digits(rest)?;
    let [b, rest @ ..] = rest else {
        return None;
    };
    if b != separator {
        return None;
    }
    let (day, rest) = one_or_two_digits(rest)?;
    if !rest.is_empty() {
        return None;
    }
    Date::from_ymd(i32::try_from(year).ok()?, month, day)
}

/// A number of one or two ASCII digits at the start of `bytes`, and what
/// follows it.
fn one_or_two_digits(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let [first, rest @ ..] = bytes else {
        return None;
    };
    let first = ascii_digit(*first)?;
    match rest
        .split_first()
        .and_then(|(&b, after)| Some((ascii_digit(b)?, after)))
    {
        Some((second, after)) => Some((first * 10 + second, after)),
        None => Some((first, rest)),
    }
}

/// The value of an ASCII digit.
fn ascii_digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}

fn parse_date(text: &str) -> Option<Date> {
    if text.is_empty() {
        return None;
    }
    if let Some(date) = fast_date(text) {
        return Some(date);
    }
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
    {
        let (int_part, _) = text.split_once('.').unwrap_or((text, ""));
        if int_part.len() == 8 {
            let year = int_part.get(..4)?.parse().ok()?;
            let month = int_part.get(4..6)?.parse().ok()?;
            let day = int_part.get(6..)?.parse().ok()?;
            return Date::from_ymd(year, month, day);
        }
        // A bare year is not a date, and would otherwise be an Excel serial
        // in 1905.
        if int_part.len() == 4 && !text.contains('.') {
            if let Ok(year) = int_part.parse::<i32>() {
                if (1900..=2100).contains(&year) {
                    return None;
                }
            }
        }
        // Excel serials of plausible post dates have five digits
        // (1927–2173); `2019.03` is a month, handled below.
        if int_part.len() == 5 {
            return Date::from_excel_serial(int_part.parse().ok()?);
        }
    }
    // At most three parts, each of at most four digits.
    let mut parts: [&str; 3] = [""; 3];
    let mut count = 0;
    for part in text
        .split(['-', '/', '.', '年', '月', '日', '号'])
        .filter(|p| !p.is_empty())
    {
        if count == parts.len() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts[count] = part;
        count += 1;
    }
    let parts = parts.get(..count)?;
    let number = |p: &str| p.parse::<u32>().ok();
    match parts {
        [y, m, d] if y.len() == 4 => Date::from_ymd(number(y)? as i32, number(m)?, number(d)?),
        [a, b, y] if y.len() == 4 => {
            let (a, b) = (number(a)?, number(b)?);
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            Date::from_ymd(number(y)? as i32, month, day)
        }
        [y, m] if y.len() == 4 => {
            let (year, month) = (number(y)? as i32, number(m)?);
            (28..=31)
                .rev()
                .find_map(|day| Date::from_ymd(year, month, day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Num {
        Num::parse_decimal(text).unwrap()
    }

    fn point(text: &str) -> Read<Span> {
        Ok(Some(Span::point(n(text))))
    }

    fn range(low: &str, high: &str) -> Read<Span> {
        Ok(Some(Span::new(n(low), n(high))))
    }

    fn unit(multiplier: i64) -> Unit {
        Unit {
            multiplier: Some(Num::int(multiplier)),
            period: None,
        }
    }

    #[test]
    fn counts_in_every_form() {
        let cases: &[(&str, Read<Span>)] = &[
            ("1234", point("1234")),
            ("1,234", point("1234")),
            ("1 234", point("1234")),
            ("1\u{a0}234", point("1234")),
            ("１２３４", point("1234")),
            ("１，２３４", point("1234")),
            ("1.2万", point("12000")),
            ("1.2w", point("12000")),
            ("3千", point("3000")),
            ("3k", point("3000")),
            ("2亿", point("200000000")),
            ("10万+", point("100001")),
            ("1000+", point("1001")),
            ("约500", point("500")),
            ("大约500", point("500")),
            ("500左右", point("500")),
            ("500多", point("500")),
            ("1万多", point("10000")),
            ("~500", point("500")),
            ("2~3", range("2", "3")),
            ("2～3", range("2", "3")),
            ("2-3", range("2", "3")),
            ("2—3", range("2", "3")),
            ("2–3", range("2", "3")),
            ("2至3", range("2", "3")),
            ("2到3", range("2", "3")),
            ("2 - 3", range("2", "3")),
            ("3-2", range("2", "3")),
            ("2~3万", range("20000", "30000")),
            ("1000~2万", range("1000", "20000")),
            ("4-5人", range("4", "5")),
            ("3人", point("3")),
            ("两三", range("2", "3")),
            ("三", point("3")),
            ("十二", point("12")),
            ("1.23E+05", point("123000")),
            ("0", point("0")),
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("-", Ok(None)),
            ("—", Ok(None)),
            ("/", Ok(None)),
            ("无", Ok(None)),
            ("暂无", Ok(None)),
            ("不详", Ok(None)),
            ("N/A", Ok(None)),
            ("NA", Ok(None)),
            ("-5", Err(Fault::Negative)),
            ("-5-3", Err(Fault::Negative)),
            ("-0", point("0")),
            ("-0.0", point("0")),
            ("很多", Err(Fault::Unreadable)),
            ("NaN", Err(Fault::Unreadable)),
            ("inf", Err(Fault::Unreadable)),
            ("1e308", Err(Fault::TooLarge)),
            ("2000000000000", Err(Fault::TooLarge)),
            ("9".repeat(40).leak(), Err(Fault::TooLarge)),
            ("1.2.3", Err(Fault::Unreadable)),
            ("1,23,4", Err(Fault::Unreadable)),
            ("2019-03-01", Err(Fault::Unreadable)),
            ("2~3~4", Err(Fault::Unreadable)),
        ];
        for (cell, expected) in cases {
            assert_eq!(&count(cell, Unit::default()), expected, "{cell:?}");
        }
    }

    #[test]
    fn quick_trim_agrees_with_trim_for_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buffer = [0u8; 4];
            let lead = c.encode_utf8(&mut buffer).as_bytes()[0];
            if c.is_whitespace() {
                assert!(!plainly_not_space(lead), "{c:?}");
            }
        }
        for text in [
            "",
            " ",
            "\u{3000}",
            "甲",
            " 甲\u{3000}",
            "a b",
            "\t1,234 ",
            "长兴\u{a0}",
            "é",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

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
    fn marker_filter_admits_every_marker() {
        for marker in MISSING {
            let first = marker.chars().next().unwrap();
            assert!(may_start_marker(first), "{marker}");
            assert!(is_missing(marker), "{marker}");
        }
        assert!(is_missing("Ｎ／Ａ"));
        assert!(is_missing(" 暂 无 "));
        assert!(!is_missing("长兴发布"));
    }

    #[test]
    fn whole_figures_agree_with_the_general_readers() {
        let measures = [
            Measure::Count,
            Measure::Hours,
            Measure::Money,
            Measure::PostsPerWeek,
        ];
        let units = [
            "",
            "万元",
            "万元/月",
            "元/天",
            "次/月",
            "次/年",
            "千",
            "分钟",
        ];
        let cells = [
            "0",
            "7",
            "1234",
            "000123",
            "100000000",
            "999999999999999",
            "1,234",
            "1.5",
            "0.25",
            "12.50",
            "1.2345",
            "3.000001",
            "1.",
            ".5",
            "1.5.5",
            "2~3",
            "",
            "-",
            "很多",
        ];
        let mut fast = 0;
        for measure in measures {
            for unit_text in units {
                let unit = super::unit(unit_text).unwrap_or_default();
                // A per-month posts column scales by 12/52: no fast path.
                let Some(scale) = measure.scale(unit).to_integer() else {
                    continue;
                };
                for cell in cells {
                    let Some(value) = whole(cell, scale) else {
                        continue;
                    };
                    fast += 1;
                    assert_eq!(
                        measure.read(cell, unit),
                        Ok(Some(Span::point(Num::int(value)))),
                        "{measure:?} {unit_text:?} {cell:?}"
                    );
                }
            }
        }
        // 2 × 万元/月 = 240,000 yuan a year; 2 × 元/天 = 730.
        assert_eq!(
            Measure::Money.scale(super::unit("万元/月").unwrap()),
            Num::int(120_000)
        );
        assert_eq!(whole("2", 120_000), Some(240_000));
        assert_eq!(whole("2", 365), Some(730));
        // 1.5 × 10,000 = 15,000; 1.2345 × 10,000 = 12,345; 1.5 × 365 is not
        // whole, so the general reader takes it.
        assert_eq!(whole("1.5", 10_000), Some(15_000));
        assert_eq!(whole("1.2345", 10_000), Some(12_345));
        assert_eq!(whole("1.5", 365), None);
        // Past the trillion limit, the general reader gives the fault.
        assert_eq!(whole("999999999999999", 1), None);
        assert!(fast > 50, "the fast path was taken {fast} times");
    }

    #[test]
    fn fast_paths_agree_with_the_general_readers() {
        for text in [
            "0",
            "7",
            "1234",
            "1,234",
            "12,345,678",
            "289.50",
            "0.5",
            "1,234.5",
            "1234567890123",
        ] {
            assert_eq!(fast_number(text).map(Some), decimal(text).ok(), "{text}");
        }
        for text in [
            "1,23",
            "1,2345",
            ",1",
            "1,",
            "1.",
            ".5",
            "1.2.3",
            "1..2",
            "1,234,56",
            "12345678901234",
            "1.1234567",
            "",
        ] {
            assert_eq!(fast_number(text), None, "{text}");
        }
        for text in [
            "2019-03-01",
            "2019/3/1",
            "2019.3.1",
            "2019-02-28",
            "2019/12/31",
            "2019/1/05",
        ] {
            assert_eq!(fast_date(text), parse_date(text), "{text}");
            assert!(fast_date(text).is_some(), "{text}");
        }
        for text in [
            "2019-3/1",
            "19-3-1",
            "2019-03",
            "2019--3-1",
            "2019-02-30",
            "3/1/2019",
            "20190301",
            "2019-003-1",
            "2019-3-1-",
            "2019-3-",
            "2019-a-1",
            "2019-13-1",
            "2019-1-1x",
        ] {
            assert_eq!(fast_date(text), None, "{text}");
        }
    }

    #[test]
    fn column_multiplier_applies_unless_the_cell_has_its_own() {
        assert_eq!(count("1.5", unit(10_000)), point("15000"));
        assert_eq!(count("2万", unit(10_000)), point("20000"));
    }

    #[test]
    fn money_is_exact_yuan_per_year() {
        let cases: &[(&str, Unit, Read<Span>)] = &[
            ("289.50万元", Unit::default(), point("2895000")),
            ("289.50", unit(10_000), point("2895000")),
            ("2895000元", unit(10_000), point("2895000")),
            ("¥20,000", Unit::default(), point("20000")),
            ("￥20,000", Unit::default(), point("20000")),
            ("¥20,000", unit(10_000), point("20000")),
            ("￥２０，０００", Unit::default(), point("20000")),
            ("20万元/年", Unit::default(), point("200000")),
            ("20万/年", Unit::default(), point("200000")),
            ("5000元/月", Unit::default(), point("60000")),
            ("RMB 3,000", Unit::default(), point("3000")),
            ("0.01", Unit::default(), point("0.01")),
            ("1,5", Unit::default(), point("1.5")),
            ("10-20万元", Unit::default(), range("100000", "200000")),
            ("-100", Unit::default(), Err(Fault::Negative)),
            ("免费", Unit::default(), Err(Fault::Unreadable)),
        ];
        for (cell, unit, expected) in cases {
            assert_eq!(&money(cell, *unit), expected, "{cell:?}");
        }
        let per_month = Unit {
            multiplier: None,
            period: Some(Period::Month),
        };
        assert_eq!(money("1000", per_month), point("12000"));
    }

    #[test]
    fn hours_per_post() {
        let cases: &[(&str, Read<Span>)] = &[
            ("2", point("2")),
            ("2.5", point("2.5")),
            ("2~3", range("2", "3")),
            ("2-3小时", range("2", "3")),
            ("两三个小时", range("2", "3")),
            ("2h", point("2")),
            ("30分钟", point("0.5")),
            ("半小时", point("0.5")),
            ("90min", point("1.5")),
        ];
        for (cell, expected) in cases {
            assert_eq!(&hours(cell, Unit::default()), expected, "{cell:?}");
        }
        let minutes = Unit {
            multiplier: Num::ratio(1, 60),
            period: None,
        };
        assert_eq!(hours("90", minutes), point("1.5"));
        assert_eq!(hours("2小时", minutes), point("2"));
    }

    #[test]
    fn posts_per_week_in_every_form() {
        let month = |k: i64| Num::int(k) * Num::int(12) / Num::int(52);
        let cases: &[(&str, Unit, Read<Span>)] = &[
            ("2", Unit::default(), point("2")),
            ("2~3", Unit::default(), range("2", "3")),
            ("日更", Unit::default(), point("7")),
            ("每天", Unit::default(), point("7")),
            ("每日", Unit::default(), point("7")),
            ("每天2次", Unit::default(), point("14")),
            ("每周2次", Unit::default(), point("2")),
            ("每周2-3次", Unit::default(), range("2", "3")),
            ("2次/周", Unit::default(), point("2")),
            ("一周两次", Unit::default(), point("2")),
            ("周更", Unit::default(), point("1")),
            ("停更", Unit::default(), point("0")),
            ("已停更", Unit::default(), point("0")),
            ("每月4次", Unit::default(), Ok(Some(Span::point(month(4))))),
            ("13次/月", Unit::default(), point("3")),
            (
                "4",
                Unit {
                    multiplier: None,
                    period: Some(Period::Month),
                },
                Ok(Some(Span::point(month(4)))),
            ),
            (
                "每天",
                Unit {
                    multiplier: None,
                    period: Some(Period::Month),
                },
                point("7"),
            ),
            ("52次/年", Unit::default(), point("1")),
            ("经常", Unit::default(), Err(Fault::Unreadable)),
        ];
        for (cell, unit, expected) in cases {
            assert_eq!(&posts_per_week(cell, *unit), expected, "{cell:?}");
        }
        // A count is not a frequency: a period word makes it unreadable.
        assert_eq!(count("每天", Unit::default()), Err(Fault::Unreadable));
    }

    #[test]
    fn dates_in_every_form() {
        let day = |y, m, d| Ok(Some(Date::from_ymd(y, m, d).unwrap()));
        let cases: &[(&str, Read<Date>)] = &[
            ("2019-03-01", day(2019, 3, 1)),
            ("2019/3/1", day(2019, 3, 1)),
            ("2019.3.1", day(2019, 3, 1)),
            ("2019年3月1日", day(2019, 3, 1)),
            ("2019 年 3 月 1 日", day(2019, 3, 1)),
            ("２０１９年３月１日", day(2019, 3, 1)),
            ("43525", day(2019, 3, 1)),
            ("43525.75", day(2019, 3, 1)),
            ("20190301", day(2019, 3, 1)),
            ("2019/3/1 10:30", day(2019, 3, 1)),
            ("2019-03-01T10:30:00", day(2019, 3, 1)),
            ("3/1/2019", day(2019, 3, 1)),
            ("25/3/2019", day(2019, 3, 25)),
            ("2019年2月", day(2019, 2, 28)),
            ("2019-04", day(2019, 4, 30)),
            ("", Ok(None)),
            ("无", Ok(None)),
            ("2019", Err(Fault::Unreadable)),
            ("2019-02-30", Err(Fault::Unreadable)),
            ("昨天", Err(Fault::Unreadable)),
            ("3月1日", Err(Fault::Unreadable)),
            ("99999999999", Err(Fault::Unreadable)),
        ];
        for (cell, expected) in cases {
            assert_eq!(&date(cell), expected, "{cell:?}");
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

    #[test]
    fn reads_header_units() {
        let got = |text: &str| super::unit(text);
        assert_eq!(got("万元"), Some(unit(10_000)));
        assert_eq!(got("单位：万元"), Some(unit(10_000)));
        assert_eq!(got("元"), Some(Unit::default()));
        assert_eq!(
            got("元/年"),
            Some(Unit {
                multiplier: None,
                period: Some(Period::Year)
            })
        );
        assert_eq!(
            got("万元/月"),
            Some(Unit {
                multiplier: Some(Num::int(10_000)),
                period: Some(Period::Month)
            })
        );
        assert_eq!(
            got("次/月"),
            Some(Unit {
                multiplier: None,
                period: Some(Period::Month)
            })
        );
        assert_eq!(got("小时"), Some(unit(1)));
        assert_eq!(
            got("分钟"),
            Some(Unit {
                multiplier: Num::ratio(1, 60),
                period: None
            })
        );
        assert_eq!(got("万人"), Some(unit(10_000)));
        assert_eq!(got("万"), Some(unit(10_000)));
        assert_eq!(got("截至3月底"), None);
    }

    #[test]
    fn odd_cells_never_panic() {
        for cell in [
            "\0",
            "¥",
            "万",
            "+",
            "-",
            "~",
            "2~",
            "~2~",
            "e",
            "1e",
            "1e+",
            "1e99999999999",
            "..",
            ",",
            "1,",
            ",1",
            "十十",
            "两两",
            "每",
            "/",
            "元",
            "🙂",
            "1🙂",
            "9e-99",
        ] {
            let _ = count(cell, Unit::default());
            let _ = money(cell, Unit::default());
            let _ = hours(cell, Unit::default());
            let _ = posts_per_week(cell, Unit::default());
            let _ = date(cell);
            let _ = super::unit(cell);
        }
    }
}
