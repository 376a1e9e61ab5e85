//! One government WeChat account, as read from the user's list.
//!
//! This is the hand-off between import and estimate: the importer turns rows
//! into [`Account`]s, the estimate reads nothing else. A field is `None` when
//! the cell was blank, missing, or could not be read; the estimate then falls
//! back to an assumption and says so.

use std::sync::Arc;

use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::date::LastPost;
use crate::lang::Lang;
use crate::num::{Num, Span};

/// Administrative level of the unit that runs an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// 县级部门 / 县直: a county department.
    County,
    /// 乡镇 / 街道 / 园区 / 开发区.
    Township,
    /// 村 / 社区.
    Village,
}

impl Level {
    /// All levels, in the order they are shown.
    pub const ALL: [Level; 3] = [Level::County, Level::Township, Level::Village];

    /// The name of the level, as the article groups them.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::County => lang.pick("县级部门", "County departments"),
            Level::Township => lang.pick("乡镇、街道、园区", "Townships, streets, parks"),
            Level::Village => lang.pick("村、社区", "Villages, communities"),
        }
    }
}

/// The platform an account is on. A unit may run one account on each
/// (国办发〔2018〕123号: one unit, one account per platform), and every
/// platform is counted alike.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Platform {
    /// 微信公众号 (订阅号, 服务号): the platform a list is of when it names
    /// none.
    #[default]
    Wechat,
    /// 新浪微博.
    Weibo,
    /// 抖音.
    Douyin,
    /// 今日头条 (头条号).
    Toutiao,
    /// 快手.
    Kuaishou,
    /// 视频号 (WeChat Channels).
    Channels,
    /// 小红书.
    Xiaohongshu,
    /// 百家号.
    Baijiahao,
    /// Any other platform (网易号, 学习强国, a website, an app…).
    Other,
}

impl Platform {
    /// All platforms, in the order they are shown.
    pub const ALL: [Platform; 9] = [
        Platform::Wechat,
        Platform::Weibo,
        Platform::Douyin,
        Platform::Toutiao,
        Platform::Kuaishou,
        Platform::Channels,
        Platform::Xiaohongshu,
        Platform::Baijiahao,
        Platform::Other,
    ];

    /// The platform's name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Platform::Wechat => lang.pick("微信公众号", "WeChat"),
            Platform::Weibo => lang.pick("微博", "Weibo"),
            Platform::Douyin => lang.pick("抖音", "Douyin"),
            Platform::Toutiao => lang.pick("今日头条", "Toutiao"),
            Platform::Kuaishou => lang.pick("快手", "Kuaishou"),
            Platform::Channels => lang.pick("视频号", "WeChat Channels"),
            Platform::Xiaohongshu => lang.pick("小红书", "Xiaohongshu"),
            Platform::Baijiahao => lang.pick("百家号", "Baijiahao"),
            Platform::Other => lang.pick("其他平台", "Other"),
        }
    }

    /// The platform a [`key`](Platform::key) names.
    pub fn from_key(key: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The name the JS API and the page's filter use (`wechat`, `weibo`…).
    pub fn key(self) -> &'static str {
        match self {
            Platform::Wechat => "wechat",
            Platform::Weibo => "weibo",
            Platform::Douyin => "douyin",
            Platform::Toutiao => "toutiao",
            Platform::Kuaishou => "kuaishou",
            Platform::Channels => "channels",
            Platform::Xiaohongshu => "xiaohongshu",
            Platform::Baijiahao => "baijiahao",
            Platform::Other => "other",
        }
    }
}

impl Staffing {
    /// The word for how an account is run.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Staffing::PartTime => lang.pick("兼职", "part-time"),
            Staffing::Dedicated => lang.pick("专职", "dedicated"),
            Staffing::Outsourced => lang.pick("外包", "outsourced"),
        }
    }
}

/// How an account is staffed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Staffing {
    /// 兼职: run on the side by the unit's own staff.
    PartTime,
    /// 专职: someone's whole job.
    Dedicated,
    /// 外包 / 托管 / 第三方: run by a paid contractor.
    Outsourced,
}

/// What happens to an account under the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// 保留.
    Keep,
    /// 关停: stopped or deregistered.
    Close,
    /// 归并: merged into another account (usually the township's).
    Merge,
}

impl Decision {
    /// All decisions, in the order the UI offers them.
    pub const ALL: [Decision; 3] = [Decision::Keep, Decision::Close, Decision::Merge];

    /// True for close and merge: the account stops existing on its own.
    pub fn shuts(self) -> bool {
        self != Decision::Keep
    }

    /// The name the JS API, the saved record and the page's selects use:
    /// `keep`, `close`, `merge` (as serde writes it).
    pub fn key(self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Close => "close",
            Decision::Merge => "merge",
        }
    }

    /// The decision a [`key`](Decision::key) names.
    pub fn from_key(key: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// The recognised columns of SPEC §2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// The account name, the only required column.
    Name,
    /// The unit that runs it.
    Unit,
    /// Its administrative level.
    Level,
    /// The platform it is on.
    Platform,
    /// Follower count.
    Followers,
    /// Posts per week.
    PostsPerWeek,
    /// Staff hours per post.
    HoursPerPost,
    /// Number of staff.
    Staff,
    /// Part-time, dedicated or outsourced.
    Staffing,
    /// Outsourcing fee per year, in yuan.
    OutsourcingFee,
    /// Other cost per year, in yuan.
    OtherCost,
    /// Average reads per post.
    AvgReads,
    /// Date of the last post.
    LastPost,
    /// Whether its interaction (comment) function works: 互动功能,
    /// 留言功能, 是否开通留言.
    Interaction,
    /// A decision already made by the user.
    Decision,
    /// The account it merges into.
    MergeInto,
}

impl Field {
    /// Every field, in the order of SPEC §2 (and of the template).
    pub const ALL: [Field; 16] = [
        Field::Name,
        Field::Unit,
        Field::Level,
        Field::Platform,
        Field::Followers,
        Field::PostsPerWeek,
        Field::HoursPerPost,
        Field::Staff,
        Field::Staffing,
        Field::OutsourcingFee,
        Field::OtherCost,
        Field::AvgReads,
        Field::LastPost,
        Field::Interaction,
        Field::Decision,
        Field::MergeInto,
    ];
}

/// One account as read from one row of the user's list.
///
/// Kept small, because a pasted list may hold 100,000 of them and import
/// writes every byte: figures take 16 bytes each (see [`Figure`]) and the
/// unreadable fields are a bit set.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The row number as the user sees it in the spreadsheet (header = 1).
    pub row: usize,
    /// The account name.
    pub name: String,
    /// The unit that runs it; empty when not given. Shared: a unit runs
    /// several accounts, and the importer keeps each unit's name once.
    pub unit: Arc<str>,
    /// Its level, given or inferred.
    pub level: Level,
    /// True when `level` was inferred from the name and unit.
    pub level_inferred: bool,
    /// The platform it is on: [`Platform::Wechat`] when the list names none.
    pub platform: Platform,
    /// Follower count.
    pub followers: Figure,
    /// Posts per week (a per-month column is already converted).
    pub posts_per_week: Figure,
    /// Staff hours per post.
    pub hours_per_post: Figure,
    /// Number of staff.
    pub staff: Figure,
    /// How it is staffed.
    pub staffing: Option<Staffing>,
    /// Outsourcing fee per year, in yuan (exact).
    pub outsourcing_fee: Figure,
    /// Other cost per year, in yuan (exact).
    pub other_cost: Figure,
    /// Average reads per post.
    pub avg_reads: Figure,
    /// When it last posted.
    pub last_post: Option<LastPost>,
    /// Whether its interaction function works, if the list says: `false`
    /// for 无, 否, 未开通 or 关闭 (a veto item of the 2019 inspection).
    pub interaction: Option<bool>,
    /// The decision already given in the list, if any.
    pub decision: Option<Decision>,
    /// The account it merges into; empty when not given.
    pub merge_into: String,
    /// Fields whose cell had text that could not be read (each has a
    /// diagnostic); the estimate treats them as missing and marks the row.
    pub unreadable: Fields,
}

/// A figure read from a cell: missing, an exact range, or a number with a
/// bound (`不足1000`).
///
/// Nearly every figure in a real list is a whole number (`1,234`, `2`,
/// `15000` from `1.5万`), so a whole number is kept inline in 16 bytes, and
/// only a fraction, a range (`2~3`, `2.5`) or a bounded figure is boxed. An
/// `Option<Span>` would take 40 bytes for each of an account's seven
/// figures.
#[derive(Clone, Debug, Default)]
pub enum Figure {
    /// Blank, a missing marker, or unreadable.
    #[default]
    Missing,
    /// A whole number.
    Whole(i64),
    /// A fraction, or a range.
    Other(Box<Span>),
    /// A number the true value lies below or above.
    Bounded(Box<Bounded>),
}

/// Which side of the number written the true value lies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Bound {
    /// 不足1000, 不到1000, 少于1000, 低于1000, 1000以下, <1000: below it.
    Below,
    /// 1000以上, 超过1000, >1000, 1000+: at or above it.
    Above,
}

/// A figure written with a bound: the number, the side of it the true value
/// lies on, and the words as written, for the reason that cites them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounded {
    /// The number written, scaled like any figure (`不足1万` is 10,000).
    pub value: Span,
    /// Which side of it the true value lies on.
    pub bound: Bound,
    /// The cell as written, trimmed.
    pub written: Box<str>,
}

impl Figure {
    /// The value, or `None` when missing. A bounded figure gives the number
    /// written: sums use it as it stands (the importer says so), and the
    /// rules that compare it with a threshold ask [`Figure::bounded`].
    #[inline]
    pub fn span(&self) -> Option<Span> {
        match self {
            Figure::Missing => None,
            Figure::Whole(n) => Some(Span::point(Num::int(*n))),
            Figure::Other(span) => Some(**span),
            Figure::Bounded(bounded) => Some(bounded.value),
        }
    }

    /// The bound and the words, for a figure written with a bound.
    #[inline]
    pub fn bounded(&self) -> Option<&Bounded> {
        match self {
            Figure::Bounded(bounded) => Some(bounded),
            _ => None,
        }
    }
}

/// Figures are equal when their values and bounds are, however they are
/// stored.
impl PartialEq for Figure {
    fn eq(&self, other: &Figure) -> bool {
        self.span() == other.span()
            && self.bounded().map(|b| b.bound) == other.bounded().map(|b| b.bound)
    }
}

impl Eq for Figure {}

impl From<Span> for Figure {
    fn from(span: Span) -> Figure {
        match span.low.to_integer() {
            Some(n) if span.is_point() => Figure::Whole(n),
            _ => Figure::Other(Box::new(span)),
        }
    }
}

impl From<Option<Span>> for Figure {
    fn from(span: Option<Span>) -> Figure {
        span.map_or(Figure::Missing, Figure::from)
    }
}

/// Serialized as the span it stands for (`null` when missing), the shape
/// the JS API has always given; a bounded figure adds its `bound` and the
/// words as `written`.
impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            low: Num,
            high: Num,
            bound: Bound,
            written: &'a str,
        }
        match self {
            Figure::Bounded(b) => View {
                low: b.value.low,
                high: b.value.high,
                bound: b.bound,
                written: &b.written,
            }
            .serialize(serializer),
            _ => self.span().serialize(serializer),
        }
    }
}

/// A set of [`Field`]s, as bits: an account's unreadable fields.
///
/// Iterates in the order of [`Field::ALL`], and serializes as a list of
/// field names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Fields(u16);

impl Fields {
    /// Adds a field.
    pub fn insert(&mut self, field: Field) {
        self.0 |= Fields::bit(field);
    }

    /// True when the field is in the set.
    pub fn contains(self, field: Field) -> bool {
        self.0 & Fields::bit(field) != 0
    }

    /// True when no field is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when some field is in both sets.
    pub fn intersects(self, other: Fields) -> bool {
        self.0 & other.0 != 0
    }

    /// The fields, in the order of [`Field::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::ALL
            .into_iter()
            .filter(move |&field| self.contains(field))
    }

    fn bit(field: Field) -> u16 {
        1 << field as u16
    }
}

impl FromIterator<Field> for Fields {
    fn from_iter<I: IntoIterator<Item = Field>>(fields: I) -> Fields {
        let mut set = Fields::default();
        fields.into_iter().for_each(|field| set.insert(field));
        set
    }
}

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl Account {
    /// An account with only a row and a name, every other field missing.
    /// The level is county until inferred otherwise.
    pub fn named(row: usize, name: &str) -> Account {
        Account {
            row,
            name: name.to_string(),
            unit: Arc::default(),
            level: Level::County,
            level_inferred: true,
            platform: Platform::Wechat,
            followers: Figure::Missing,
            posts_per_week: Figure::Missing,
            hours_per_post: Figure::Missing,
            staff: Figure::Missing,
            staffing: None,
            outsourcing_fee: Figure::Missing,
            other_cost: Figure::Missing,
            avg_reads: Figure::Missing,
            last_post: None,
            interaction: None,
            decision: None,
            merge_into: String::new(),
            unreadable: Fields::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_whole_numbers_inline_and_box_the_rest() {
        let whole = Figure::from(Span::point(Num::int(1234)));
        assert_eq!(whole, Figure::Whole(1234));
        assert_eq!(whole.span(), Some(Span::point(Num::int(1234))));
        // 2~3 and 2.5 are boxed, and read back exactly.
        let range = Span::new(Num::int(2), Num::int(3));
        assert!(matches!(Figure::from(range), Figure::Other(_)));
        assert_eq!(Figure::from(range).span(), Some(range));
        let half = Span::point(Num::ratio(5, 2).unwrap_or(Num::ZERO));
        assert_eq!(Figure::from(half).span(), Some(half));
        assert_eq!(Figure::from(None).span(), None);
        // However a value is stored, equal values are equal figures.
        let boxed = Figure::Other(Box::new(Span::point(Num::int(1234))));
        assert_eq!(boxed, whole);
        // 16 bytes, against 40 for an `Option<Span>`.
        assert_eq!(std::mem::size_of::<Figure>(), 16);
    }

    #[test]
    fn field_sets_hold_each_field_once_in_field_order() {
        let fields: Fields = [Field::Decision, Field::Followers, Field::Decision]
            .into_iter()
            .collect();
        assert!(fields.contains(Field::Followers));
        assert!(!fields.contains(Field::Name));
        assert_eq!(
            fields.iter().collect::<Vec<_>>(),
            vec![Field::Followers, Field::Decision]
        );
        assert!(Fields::default().is_empty());
        assert!(Field::ALL.len() <= 16, "a u16 holds every field");
    }
}
