//! One government WeChat account, as read from the user's list.
//!
//! This is the hand-off between import and estimate: the importer turns rows
//! into [`Account`]s, the estimate reads nothing else. A field is `None` when
//! the cell was blank, missing, or could not be read; the estimate then falls
//! back to an assumption and says so.

use serde::{Deserialize, Serialize};

use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::core::num::Span;

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
    /// A decision already made by the user.
    Decision,
    /// The account it merges into.
    MergeInto,
}

impl Field {
    /// Every field, in the order of SPEC §2 (and of the template).
    pub const ALL: [Field; 14] = [
        Field::Name,
        Field::Unit,
        Field::Level,
        Field::Followers,
        Field::PostsPerWeek,
        Field::HoursPerPost,
        Field::Staff,
        Field::Staffing,
        Field::OutsourcingFee,
        Field::OtherCost,
        Field::AvgReads,
        Field::LastPost,
        Field::Decision,
        Field::MergeInto,
    ];
}

/// One account as read from one row of the user's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// The row number as the user sees it in the spreadsheet (header = 1).
    pub row: usize,
    /// The account name.
    pub name: String,
    /// The unit that runs it; empty when not given.
    pub unit: String,
    /// Its level, given or inferred.
    pub level: Level,
    /// True when `level` was inferred from the name and unit.
    pub level_inferred: bool,
    /// Follower count.
    pub followers: Option<Span>,
    /// Posts per week (a per-month column is already converted).
    pub posts_per_week: Option<Span>,
    /// Staff hours per post.
    pub hours_per_post: Option<Span>,
    /// Number of staff.
    pub staff: Option<Span>,
    /// How it is staffed.
    pub staffing: Option<Staffing>,
    /// Outsourcing fee per year, in yuan (exact).
    pub outsourcing_fee: Option<Span>,
    /// Other cost per year, in yuan (exact).
    pub other_cost: Option<Span>,
    /// Average reads per post.
    pub avg_reads: Option<Span>,
    /// Date of the last post.
    pub last_post: Option<Date>,
    /// The decision already given in the list, if any.
    pub decision: Option<Decision>,
    /// The account it merges into; empty when not given.
    pub merge_into: String,
    /// Fields whose cell had text that could not be read (each has a
    /// diagnostic); the estimate treats them as missing and marks the row.
    pub unreadable: Vec<Field>,
}

impl Account {
    /// An account with only a row and a name, every other field missing.
    /// The level is county until inferred otherwise.
    pub fn named(row: usize, name: &str) -> Account {
        Account {
            row,
            name: name.to_string(),
            unit: String::new(),
            level: Level::County,
            level_inferred: true,
            followers: None,
            posts_per_week: None,
            hours_per_post: None,
            staff: None,
            staffing: None,
            outsourcing_fee: None,
            other_cost: None,
            avg_reads: None,
            last_post: None,
            decision: None,
            merge_into: String::new(),
            unreadable: Vec::new(),
        }
    }
}
