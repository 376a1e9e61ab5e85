//! Header to field: the second step of import.
//!
//! Columns are found by what their header says, never by position, so that
//! a township's own sheet works in whatever order and wording it has. A
//! header is matched in [`compact`](crate::text::compact) form
//! (full-width made half-width, whitespace removed, lower-cased) after a
//! trailing unit in brackets is taken off: `外包费用（万元）` is the outsourcing
//! fee, in units of 10,000 yuan.
//!
//! Matching goes from exact to loose. The synonyms of SPEC §2 and their
//! neighbours are matched exactly; failing that, ordered "contains" rules
//! catch the headers nobody listed (`公众号粉丝总数` is followers). The order
//! of those rules is the point: `是否外包` is how an account is staffed, not a
//! fee; `公众号主办单位` is the unit, not the name; `最近更新时间` is a date,
//! not a frequency. A header nothing matches is kept and ignored.
//!
//! ```
//! use jianfu_core::account::Field;
//! use jianfu_core::fields::{classify, Role};
//! use jianfu_core::num::Num;
//!
//! let column = classify("外包费用（万元）");
//! assert_eq!(column.role, Role::Field(Field::OutsourcingFee));
//! assert_eq!(column.unit.multiplier, Some(Num::int(10_000)));
//! ```

use crate::account::Field;
use crate::lang::Lang;
use crate::text::compact;
use crate::values::{self, Period, Unit};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// One of the recognised fields.
    Field(Field),
    /// A row number such as 序号: not account data, so a row holding nothing
    /// else is blank.
    Serial,
    /// Anything else: kept, ignored.
    Unknown,
}

/// The meaning of "yes" in a yes/no column such as 是否外包 or 是否关停.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    /// 是否外包: yes is outsourced, no is part-time.
    Outsourced,
    /// 是否专职: yes is dedicated, no is part-time.
    Dedicated,
    /// 是否关停: yes is close, no is keep.
    Close,
    /// 是否保留: yes is keep, no is close.
    Keep,
    /// 是否归并: yes is merge, no says nothing.
    Merge,
}

/// How closely a header matched its field. An exact synonym wins over a
/// loose match when two columns claim the same field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// Matched by an ordered "contains" rule.
    Loose,
    /// Matched a synonym exactly.
    Exact,
}

/// One classified header cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header as written, trimmed.
    pub header: String,
    /// What the column holds.
    pub role: Role,
    /// The unit its header states.
    pub unit: Unit,
    /// For a yes/no column, what yes means.
    pub question: Option<Question>,
    /// How the header matched; `None` for serial and unknown columns.
    pub matched: Option<Match>,
}

/// A header row: every column classified, each field held by one column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The columns in order; a column that lost a field to a better match is
    /// [`Role::Unknown`] here and listed in `duplicates`.
    pub columns: Vec<Column>,
    /// `(column, kept)`: a column whose field is already held by `kept`.
    pub duplicates: Vec<(usize, usize)>,
}

impl Header {
    /// Classifies a header row and settles columns that claim the same
    /// field: an exact match beats a loose one, then the first column wins.
    pub fn new<'a>(cells: impl IntoIterator<Item = &'a str>) -> Header {
        let mut columns: Vec<Column> = cells.into_iter().map(classify).collect();
        second_choices(&mut columns);
        // The best column for each field so far: at most 14 entries.
        let mut best: Vec<(Field, usize)> = Vec::new();
        for (index, column) in columns.iter().enumerate() {
            let Role::Field(field) = column.role else {
                continue;
            };
            match best.iter_mut().find(|(f, _)| *f == field) {
                Some((_, holder)) => {
                    let better = columns
                        .get(*holder)
                        .is_some_and(|held| column.matched > held.matched);
                    if better {
                        *holder = index;
                    }
                }
                None => best.push((field, index)),
            }
        }
        let mut duplicates = Vec::new();
        for (index, column) in columns.iter().enumerate() {
            let Role::Field(field) = column.role else {
                continue;
            };
            if let Some(&(_, kept)) = best.iter().find(|(f, _)| *f == field) {
                if kept != index {
                    duplicates.push((index, kept));
                }
            }
        }
        for &(index, _) in &duplicates {
            if let Some(column) = columns.get_mut(index) {
                column.role = Role::Unknown;
                column.question = None;
                column.matched = None;
            }
        }
        Header {
            columns,
            duplicates,
        }
    }

    /// The index of the column holding `field`.
    pub fn find(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.role == Role::Field(field))
    }

    /// How many distinct fields the row names.
    pub fn recognised(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| matches!(c.role, Role::Field(_)))
            .count()
    }

    /// How many columns matched a synonym exactly.
    pub fn exact(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| c.matched == Some(Match::Exact))
            .count()
    }

    /// The headers as written, skipping empty ones.
    pub fn names(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|c| !c.header.is_empty())
            .map(|c| c.header.clone())
            .collect()
    }
}

/// 类别 (category) and 类型 (type) hold a level in some lists and a
/// platform in others (订阅号, 服务号). When such a column's field is already
/// held by another column, it takes the other field instead, if that one is
/// free: a list with 层级 and 类别 has its levels in 层级 and its platforms in
/// 类别. (Either column still reads each cell as a level or a platform,
/// whichever it is.)
fn second_choices(columns: &mut [Column]) {
    let held =
        |columns: &[Column], field: Field| columns.iter().any(|c| c.role == Role::Field(field));
    for index in 0..columns.len() {
        let Some(column) = columns.get(index) else {
            continue;
        };
        let other = match (column.role, compact(&column.header).as_str()) {
            (Role::Field(Field::Level), "类别" | "分类") => Field::Platform,
            (Role::Field(Field::Platform), "类型") => Field::Level,
            _ => continue,
        };
        let Role::Field(field) = column.role else {
            continue;
        };
        let taken = columns
            .iter()
            .enumerate()
            .any(|(i, c)| i != index && c.role == Role::Field(field));
        if taken && !held(columns, other) {
            if let Some(column) = columns.get_mut(index) {
                column.role = Role::Field(other);
            }
        }
    }
}

/// Classifies one header cell.
pub fn classify(header: &str) -> Column {
    let written = header.trim().to_string();
    let (base, mut unit) = split_unit(header);
    // No real header is this long; matching it would only cost time.
    if base.chars().count() > MAX_HEADER_CHARS {
        return Column {
            header: written,
            role: Role::Unknown,
            unit: Unit::default(),
            question: None,
            matched: None,
        };
    }
    let (role, question, matched) = match exact(&base) {
        Some((field, question)) => (Role::Field(field), question, Some(Match::Exact)),
        None => match loose(&base) {
            Some((field, question)) => (Role::Field(field), question, Some(Match::Loose)),
            None if SERIAL.contains(&base.as_str()) => (Role::Serial, None, None),
            None => (Role::Unknown, None, None),
        },
    };
    if let Role::Field(field) = role {
        if unit.period.is_none() {
            unit.period = period_in_words(field, &base);
        }
    }
    Column {
        header: written,
        role,
        unit,
        question,
        matched,
    }
}

/// The name of a field in the UI language, as the template's header.
pub fn label(field: Field, lang: Lang) -> &'static str {
    let (zh, en) = match field {
        Field::Name => ("名称", "name"),
        Field::Unit => ("主办单位", "unit"),
        Field::Level => ("层级", "level"),
        Field::Platform => ("平台", "platform"),
        Field::Followers => ("粉丝数", "followers"),
        Field::PostsPerWeek => ("每周发布次数", "posts per week"),
        Field::HoursPerPost => ("每期耗时（小时）", "hours per post"),
        Field::Staff => ("运营人数", "staff"),
        Field::Staffing => ("运营方式", "staffing"),
        Field::OutsourcingFee => ("外包费用（元/年）", "outsourcing fee"),
        Field::OtherCost => ("其他费用（元/年）", "other cost"),
        Field::AvgReads => ("篇均阅读", "avg reads"),
        Field::LastPost => ("最近更新", "last post"),
        Field::Interaction => ("互动功能", "interaction"),
        Field::Decision => ("处置意见", "decision"),
        Field::MergeInto => ("归并至", "merge into"),
    };
    lang.pick(zh, en)
}

/// Splits a header into its compact base and the unit it states: a trailing
/// bracket (`（万元）`, `[万元]`, `(次/月)`), a trailing `/万元`, or a bare
/// `万元` or `元` ending. A bracket that holds no unit (`（截至3月底）`) is
/// dropped all the same, since it only qualifies the header.
fn split_unit(header: &str) -> (String, Unit) {
    let mut base: String = compact(header)
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | '*' | '★' | '※' | '.' | '·'))
        .collect();
    while base.ends_with([':', '：']) {
        base.pop();
    }
    let mut unit = Unit::default();
    if let Some(close) = base.chars().last().filter(|c| matches!(c, ')' | ']')) {
        let open = if close == ')' { '(' } else { '[' };
        if let Some(at) = base.rfind(open) {
            let inside = &base[at + 1..base.len() - 1];
            if let Some(found) = values::unit(inside) {
                unit = found;
            }
            base.truncate(at);
        }
    }
    if unit == Unit::default() {
        if let Some((before, after)) = base.rsplit_once('/') {
            if !before.is_empty() {
                if let Some(found) = values::unit(after) {
                    unit = found;
                    base.truncate(before.len());
                }
            }
        }
    }
    if unit == Unit::default() {
        for ending in ["万元", "千元", "亿元"] {
            if base.len() > ending.len() && base.ends_with(ending) {
                if let Some(found) = values::unit(ending) {
                    unit = found;
                    base.truncate(base.len() - ending.len());
                    break;
                }
            }
        }
    }
    (base, unit)
}

/// A period implied by a header's words: `每月发布次数` counts per month,
/// `月费用` costs per month.
fn period_in_words(field: Field, base: &str) -> Option<Period> {
    let has = |words: &[&str]| words.iter().any(|w| base.contains(w));
    match field {
        Field::PostsPerWeek => {
            if has(&[
                "每月", "月发", "月均", "月推", "月更", "月度", "个月", "permonth", "monthly",
            ]) {
                Some(Period::Month)
            } else if has(&[
                "每年", "年发", "年推", "年更", "全年", "年度", "年均", "peryear", "annual",
                "yearly",
            ]) {
                Some(Period::Year)
            } else if has(&["每天", "每日", "日均", "日发", "perday", "daily"]) {
                Some(Period::Day)
            } else {
                None
            }
        }
        Field::OutsourcingFee | Field::OtherCost => {
            if has(&["每月", "月费", "月均", "月度", "permonth", "monthly"]) {
                Some(Period::Month)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Longer headers are not matched.
const MAX_HEADER_CHARS: usize = 40;

/// Row-number columns.
const SERIAL: &[&str] = &[
    "序号", "序", "编号", "行号", "no", "nº", "#", "number", "num", "sn", "index", "id序号",
];

type Meaning = (Field, Option<Question>);

/// Synonyms, in compact form (see [`split_unit`]: no spaces, `_` or `-`).
const EXACT: &[(&[&str], Field, Option<Question>)] = &[
    (
        &[
            "名称",
            "公众号名称",
            "账号名称",
            "帐号名称",
            "公众号",
            "微信公众号",
            "微信公众号名称",
            "公众号名",
            "账号",
            "帐号",
            "账号名",
            "名字",
            "政务微信",
            "政务微信名称",
            "政务新媒体名称",
            "新媒体名称",
            "平台名称",
            "name",
            "account",
            "accountname",
            "wechataccount",
            "officialaccount",
        ],
        Field::Name,
        None,
    ),
    (
        &[
            "主办单位",
            "运营单位",
            "所属单位",
            "单位",
            "单位名称",
            "主管单位",
            "责任单位",
            "开办单位",
            "运营主体",
            "主体",
            "所属部门",
            "部门",
            "主办部门",
            "注册主体",
            "认证主体",
            "unit",
            "owner",
            "department",
            "agency",
            "organisation",
            "organization",
            "ownerunit",
        ],
        Field::Unit,
        None,
    ),
    (
        &[
            "层级",
            "级别",
            "类别",
            "单位层级",
            "单位级别",
            "所属层级",
            "层次",
            "level",
            "tier",
        ],
        Field::Level,
        None,
    ),
    (
        &[
            "平台",
            "注册平台",
            "所属平台",
            "发布平台",
            "账号平台",
            "平台类型",
            "新媒体平台",
            "新媒体类型",
            "媒体类型",
            "账号类型",
            "帐号类型",
            "类型",
            "渠道",
            "platform",
            "type",
            "channel",
            "mediatype",
        ],
        Field::Platform,
        None,
    ),
    (
        &[
            "粉丝数",
            "粉丝",
            "关注人数",
            "用户数",
            "粉丝量",
            "粉丝数量",
            "关注数",
            "关注量",
            "订阅数",
            "订阅人数",
            "用户量",
            "累计关注人数",
            "followers",
            "followercount",
            "fans",
            "subscribers",
        ],
        Field::Followers,
        None,
    ),
    (
        &[
            "每周发布次数",
            "周发布次数",
            "每周推送",
            "每周推送次数",
            "每周更新次数",
            "周更新次数",
            "发布频率",
            "更新频率",
            "推送频率",
            "发布频次",
            "更新频次",
            "推送频次",
            "postsperweek",
            "weeklyposts",
            "frequency",
            "postfrequency",
            "每月发布次数",
            "月发布次数",
            "每月推送",
            "每月推送次数",
            "每月更新次数",
            "月均发布",
            "月均发布次数",
            "月更新次数",
            "postspermonth",
            "monthlyposts",
        ],
        Field::PostsPerWeek,
        None,
    ),
    (
        &[
            "每期耗时",
            "单篇耗时",
            "每篇耗时",
            "每次耗时",
            "单期耗时",
            "耗时",
            "每期用时",
            "单篇用时",
            "hoursperpost",
            "timeperpost",
        ],
        Field::HoursPerPost,
        None,
    ),
    (
        &[
            "运营人数",
            "工作人员数",
            "人员数",
            "人数",
            "运维人数",
            "管理人数",
            "维护人数",
            "工作人员数量",
            "运营人员数",
            "编辑人数",
            "staff",
            "staffcount",
            "headcount",
            "numberofstaff",
        ],
        Field::Staff,
        None,
    ),
    (
        &[
            "运营方式",
            "管理方式",
            "运维方式",
            "运营模式",
            "管理模式",
            "运营形式",
            "staffing",
            "operation",
            "operatedby",
            "managedby",
        ],
        Field::Staffing,
        None,
    ),
    (
        &["是否外包", "是否托管"],
        Field::Staffing,
        Some(Question::Outsourced),
    ),
    (&["是否专职"], Field::Staffing, Some(Question::Dedicated)),
    (
        &[
            "外包费用",
            "托管费用",
            "运维费用",
            "外包费",
            "外包金额",
            "外包经费",
            "年外包费用",
            "托管费",
            "服务费",
            "服务费用",
            "第三方费用",
            "委托费用",
            "outsourcingfee",
            "outsourcingcost",
            "fee",
            "contractfee",
        ],
        Field::OutsourcingFee,
        None,
    ),
    (
        &[
            "其他费用",
            "其它费用",
            "其他成本",
            "其它成本",
            "其他支出",
            "其他经费",
            "费用",
            "运营费用",
            "年费用",
            "othercost",
            "othercosts",
            "cost",
        ],
        Field::OtherCost,
        None,
    ),
    (
        &[
            "篇均阅读",
            "篇均阅读量",
            "平均阅读量",
            "平均阅读",
            "平均阅读数",
            "单篇阅读量",
            "篇均阅读数",
            "阅读量",
            "阅读数",
            "avgreads",
            "averagereads",
            "readsperpost",
            "reads",
        ],
        Field::AvgReads,
        None,
    ),
    (
        &[
            "最近更新",
            "最后发布日期",
            "最近更新时间",
            "最近更新日期",
            "最近发布",
            "最近发布时间",
            "最近发布日期",
            "最后更新",
            "最后更新时间",
            "最后更新日期",
            "最后发布",
            "最后发布时间",
            "最新发布时间",
            "最新更新时间",
            "最近推送",
            "最近推送时间",
            "最后推送时间",
            "更新时间",
            "发布时间",
            "lastpost",
            "lastposted",
            "lastupdate",
            "lastupdated",
            "lastpostdate",
            "lastpublished",
        ],
        Field::LastPost,
        None,
    ),
    (
        &[
            "处置",
            "处置意见",
            "处置方式",
            "处理意见",
            "整改意见",
            "拟处置意见",
            "拟处置方式",
            "整合意见",
            "清理意见",
            "去留",
            "建议",
            "处置建议",
            "decision",
            "action",
            "plan",
        ],
        Field::Decision,
        None,
    ),
    (
        &[
            "互动功能",
            "互动",
            "留言功能",
            "留言",
            "是否开通留言",
            "是否开通留言功能",
            "是否开通互动",
            "是否开通互动功能",
            "留言互动",
            "互动留言",
            "有无互动功能",
            "有无留言功能",
            "interaction",
            "comments",
        ],
        Field::Interaction,
        None,
    ),
    (
        &["是否关停", "是否注销", "是否关闭"],
        Field::Decision,
        Some(Question::Close),
    ),
    (&["是否保留"], Field::Decision, Some(Question::Keep)),
    (
        &["是否归并", "是否合并", "是否整合"],
        Field::Decision,
        Some(Question::Merge),
    ),
    (
        &[
            "归并至",
            "并入",
            "合并至",
            "归并到",
            "合并到",
            "并入账号",
            "归并对象",
            "整合至",
            "整合到",
            "拟并入",
            "mergeinto",
            "mergeto",
            "mergetarget",
        ],
        Field::MergeInto,
        None,
    ),
];

fn exact(base: &str) -> Option<Meaning> {
    EXACT
        .iter()
        .find(|(words, _, _)| words.contains(&base))
        .map(|(_, field, question)| (*field, *question))
}

/// The ordered "contains" rules. Each rule is tried in turn; the first that
/// matches decides.
fn loose(base: &str) -> Option<Meaning> {
    let has = |words: &[&str]| words.iter().any(|w| base.contains(w));
    if base.is_empty() {
        return None;
    }
    if has(&["是否"]) {
        if has(&["外包", "托管", "第三方", "委托"]) {
            return Some((Field::Staffing, Some(Question::Outsourced)));
        }
        if has(&["专职"]) {
            return Some((Field::Staffing, Some(Question::Dedicated)));
        }
        if has(&["关停", "注销", "关闭", "停用", "停更", "撤销"]) {
            return Some((Field::Decision, Some(Question::Close)));
        }
        if has(&["保留"]) {
            return Some((Field::Decision, Some(Question::Keep)));
        }
        if has(&["归并", "合并", "整合", "并入"]) {
            return Some((Field::Decision, Some(Question::Merge)));
        }
    }
    if has(&["并入"])
        || (has(&["归并", "合并", "整合"]) && has(&["至", "到", "对象", "目标"]))
        || (has(&["merge"]) && has(&["into", "to", "target"]))
    {
        return Some((Field::MergeInto, None));
    }
    if (has(&["最近", "最后", "最新", "末次", "last", "latest", "recent"])
        && has(&["更新", "发布", "推送", "发文", "post", "update", "publish"]))
        || (has(&["日期", "时间", "date", "time"])
            && has(&["更新", "发布", "推送", "发文", "update", "post", "publish"]))
    {
        return Some((Field::LastPost, None));
    }
    if has(&[
        "费", "金额", "成本", "经费", "资金", "预算", "支出", "fee", "cost", "spend", "budget",
    ]) {
        let outsourcing = has(&[
            "外包",
            "托管",
            "运维",
            "服务",
            "委托",
            "第三方",
            "outsourc",
            "contract",
        ]);
        let field = if outsourcing {
            Field::OutsourcingFee
        } else {
            Field::OtherCost
        };
        return Some((field, None));
    }
    if has(&[
        "粉丝",
        "关注",
        "订阅",
        "用户数",
        "用户量",
        "follower",
        "fans",
        "subscriber",
    ]) {
        return Some((Field::Followers, None));
    }
    if has(&["阅读", "read", "views", "浏览"]) {
        // A total is not an average; leave it unknown rather than misread.
        return (!has(&["总", "累计", "total"])).then_some((Field::AvgReads, None));
    }
    if has(&["频率", "频次", "frequency"])
        || (has(&[
            "发布", "推送", "更新", "发文", "推文", "post", "publish", "update",
        ]) && has(&[
            "次", "篇数", "条数", "数", "per", "week", "month", "year", "rate",
        ]))
    {
        return Some((Field::PostsPerWeek, None));
    }
    if has(&["耗时", "用时", "工时", "时长", "小时", "hours", "time"]) {
        return Some((Field::HoursPerPost, None));
    }
    if has(&[
        "人数",
        "人员数",
        "人员数量",
        "编制数",
        "staffcount",
        "headcount",
        "numberofstaff",
    ]) {
        return Some((Field::Staff, None));
    }
    if (has(&["方式", "模式", "形式", "情况"])
        && has(&["运营", "管理", "运维", "维护", "外包", "人员"]))
        || has(&["staffing", "operat"])
    {
        return Some((Field::Staffing, None));
    }
    if has(&["层级", "级别", "level", "tier"]) {
        return Some((Field::Level, None));
    }
    // A platform, unless the header names the account (平台账号名称).
    if has(&[
        "平台",
        "新媒体类型",
        "账号类型",
        "帐号类型",
        "媒体类型",
        "platform",
    ]) && !has(&["名称", "名字", "name"])
    {
        return Some((Field::Platform, None));
    }
    if has(&[
        "处置",
        "处理意见",
        "整改",
        "去留",
        "关停",
        "注销",
        "decision",
        "action",
    ]) {
        return Some((Field::Decision, None));
    }
    if has(&[
        "单位",
        "主体",
        "部门",
        "机构",
        "owner",
        "unit",
        "department",
        "agency",
        "organi",
    ]) {
        return Some((Field::Unit, None));
    }
    // Names last, and not the account's other identifiers: its WeChat ID
    // (微信号, 原始ID), type or status are not its name.
    let identifier = has(&[
        "id", "类型", "类别", "性质", "属性", "type", "status", "状态", "认证", "密码", "邮箱",
        "注册", "数",
    ]) || (has(&["微信号"]) && !has(&["名称"]));
    if !identifier && has(&["名称", "账号", "帐号", "公众号", "name", "account"]) {
        return Some((Field::Name, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Num;

    fn role(header: &str) -> Role {
        classify(header).role
    }

    #[test]
    fn every_synonym_of_the_spec() {
        use Field::*;
        let cases: &[(&str, Field)] = &[
            ("名称", Name),
            ("公众号名称", Name),
            ("账号名称", Name),
            ("公众号", Name),
            ("name", Name),
            ("Account", Name),
            ("主办单位", Unit),
            ("运营单位", Unit),
            ("所属单位", Unit),
            ("单位", Unit),
            ("unit", Unit),
            ("Owner", Unit),
            ("层级", Level),
            ("级别", Level),
            ("类别", Level),
            ("level", Level),
            ("粉丝数", Followers),
            ("粉丝", Followers),
            ("关注人数", Followers),
            ("用户数", Followers),
            ("followers", Followers),
            ("每周发布次数", PostsPerWeek),
            ("周发布次数", PostsPerWeek),
            ("每周推送", PostsPerWeek),
            ("posts per week", PostsPerWeek),
            ("每期耗时", HoursPerPost),
            ("单篇耗时（小时）", HoursPerPost),
            ("hours per post", HoursPerPost),
            ("运营人数", Staff),
            ("工作人员数", Staff),
            ("staff", Staff),
            ("运营方式", Staffing),
            ("管理方式", Staffing),
            ("是否外包", Staffing),
            ("staffing", Staffing),
            ("外包费用", OutsourcingFee),
            ("托管费用", OutsourcingFee),
            ("运维费用", OutsourcingFee),
            ("outsourcing fee", OutsourcingFee),
            ("其他费用", OtherCost),
            ("other cost", OtherCost),
            ("篇均阅读", AvgReads),
            ("平均阅读量", AvgReads),
            ("avg reads", AvgReads),
            ("最近更新", LastPost),
            ("最后发布日期", LastPost),
            ("last post", LastPost),
            ("处置", Decision),
            ("处置意见", Decision),
            ("是否关停", Decision),
            ("decision", Decision),
            ("归并至", MergeInto),
            ("并入", MergeInto),
            ("merge into", MergeInto),
        ];
        for (header, field) in cases {
            assert_eq!(role(header), Role::Field(*field), "{header}");
        }
    }

    #[test]
    fn loose_matches_keep_their_priority() {
        use Field::*;
        let cases: &[(&str, Field)] = &[
            ("公众号粉丝总数", Followers),
            ("外包服务费", OutsourcingFee),
            ("年度外包经费", OutsourcingFee),
            ("公众号运营费用", OtherCost),
            ("是否委托第三方运营", Staffing),
            ("公众号主办单位", Unit),
            ("主办单位名称", Unit),
            ("微信公众号全称", Name),
            ("最近一次更新时间", LastPost),
            ("最新推送日期", LastPost),
            ("月发布篇数", PostsPerWeek),
            ("每篇编辑时长", HoursPerPost),
            ("是否拟关停", Decision),
            ("拟归并至账号", MergeInto),
            ("单位层级", Level),
            ("运营人员数量", Staff),
            ("Number of followers", Followers),
            ("Last updated", LastPost),
            ("postsPerWeek", PostsPerWeek),
            ("outsourcingFee", OutsourcingFee),
            ("mergeInto", MergeInto),
            ("avgReads", AvgReads),
            ("lastPost", LastPost),
        ];
        for (header, field) in cases {
            assert_eq!(role(header), Role::Field(*field), "{header}");
        }
        assert_eq!(classify("是否外包").question, Some(Question::Outsourced));
        assert_eq!(classify("是否关停").question, Some(Question::Close));
    }

    #[test]
    fn unknown_and_serial_columns() {
        for header in [
            "备注",
            "微信号",
            "原始ID",
            "总阅读量",
            "联系人",
            "",
            "认证情况",
        ] {
            assert_eq!(role(header), Role::Unknown, "{header}");
        }
        for header in ["序号", "No.", "#", "编号"] {
            assert_eq!(role(header), Role::Serial, "{header}");
        }
    }

    #[test]
    fn platform_columns_and_the_category_column() {
        for header in [
            "平台",
            "注册平台",
            "新媒体类型",
            "账号类型",
            "类型",
            "入驻平台",
        ] {
            assert_eq!(role(header), Role::Field(Field::Platform), "{header}");
        }
        assert_eq!(role("平台账号名称"), Role::Field(Field::Name));
        // 类别 is a level (SPEC §2) unless a level column comes with it.
        assert_eq!(role("类别"), Role::Field(Field::Level));
        let header = Header::new(["名称", "层级", "类别"]);
        assert_eq!(header.find(Field::Level), Some(1));
        assert_eq!(header.find(Field::Platform), Some(2));
        assert!(header.duplicates.is_empty());
        let header = Header::new(["名称", "类别", "平台"]);
        assert_eq!(header.find(Field::Level), Some(1));
        assert_eq!(header.find(Field::Platform), Some(2));
        // 类型 is a platform, unless a platform column comes with it.
        let header = Header::new(["名称", "平台", "类型"]);
        assert_eq!(header.find(Field::Level), Some(2));
    }

    #[test]
    fn traditional_headers() {
        use Field::*;
        for (header, field) in [
            ("公眾號名稱", Name),
            ("粉絲數", Followers),
            ("主辦單位", Unit),
            ("層級", Level),
            ("每週發佈次數", PostsPerWeek),
            ("運營方式", Staffing),
            ("外包費用（萬元）", OutsourcingFee),
            ("最近更新", LastPost),
            ("篇均閱讀", AvgReads),
            ("處置意見", Decision),
            ("歸併至", MergeInto),
        ] {
            assert_eq!(role(header), Role::Field(field), "{header}");
        }
        assert_eq!(
            classify("外包費用（萬元）").unit.multiplier,
            Some(Num::int(10_000))
        );
    }

    #[test]
    fn full_width_case_and_marks_are_ignored() {
        assert_eq!(role("ＮＡＭＥ"), Role::Field(Field::Name));
        assert_eq!(role(" 粉 丝 数 "), Role::Field(Field::Followers));
        assert_eq!(role("*名称"), Role::Field(Field::Name));
        assert_eq!(role("名称："), Role::Field(Field::Name));
        assert_eq!(role("Posts_Per_Week"), Role::Field(Field::PostsPerWeek));
    }

    #[test]
    fn units_in_headers() {
        let wan = Some(Num::int(10_000));
        assert_eq!(classify("外包费用（万元）").unit.multiplier, wan);
        assert_eq!(classify("外包费用(万元)").unit.multiplier, wan);
        assert_eq!(classify("外包费用[万元]").unit.multiplier, wan);
        assert_eq!(classify("外包费用【万元】").unit.multiplier, wan);
        assert_eq!(classify("外包费用/万元").unit.multiplier, wan);
        assert_eq!(classify("外包费用万元").unit.multiplier, wan);
        assert_eq!(classify("外包费用（单位：万元）").unit.multiplier, wan);
        assert_eq!(classify("外包费用（元）").unit, Unit::default());
        assert_eq!(classify("粉丝数（万）").unit.multiplier, wan);
        assert_eq!(
            classify("每期耗时（分钟）").unit.multiplier,
            Num::ratio(1, 60)
        );
        let monthly = classify("发布次数（次/月）");
        assert_eq!(monthly.role, Role::Field(Field::PostsPerWeek));
        assert_eq!(monthly.unit.period, Some(Period::Month));
        assert_eq!(classify("每月发布次数").unit.period, Some(Period::Month));
        assert_eq!(classify("月发布次数").unit.period, Some(Period::Month));
        assert_eq!(classify("每周发布次数").unit.period, None);
        assert_eq!(
            classify("外包费用（万元/月）").unit.period,
            Some(Period::Month)
        );
        let dated = classify("粉丝数（截至3月底）");
        assert_eq!(dated.role, Role::Field(Field::Followers));
        assert_eq!(dated.unit, Unit::default());
        assert_eq!(dated.header, "粉丝数（截至3月底）");
    }

    #[test]
    fn duplicate_fields_go_to_the_best_column() {
        let header = Header::new(["公众号粉丝总数", "名称", "粉丝数", "公众号名称"]);
        assert_eq!(header.find(Field::Followers), Some(2));
        assert_eq!(header.find(Field::Name), Some(1));
        assert_eq!(header.duplicates, vec![(0, 2), (3, 1)]);
        assert_eq!(header.columns[3].role, Role::Unknown);
        assert_eq!(header.recognised(), 2);
    }

    #[test]
    fn odd_headers_do_not_panic() {
        for header in [
            "(",
            ")",
            "()",
            "[]",
            "（万元",
            "万元）",
            "/",
            "//万元",
            "元",
            "万元",
            "：",
            "\0",
        ] {
            let _ = classify(header);
        }
    }
}
