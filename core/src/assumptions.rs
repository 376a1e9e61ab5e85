//! The global assumptions of SPEC §3: what the estimate uses when the list is
//! silent, and the thresholds of the recommendation rules.
//!
//! Every assumption is a [`Span`] (a single value is a range whose ends are
//! equal), so that "2–3 hours a post" flows through the estimate as a range.
//! Each one carries its source as data ([`Assumption::source`]), because a
//! figure shown to a superior must say where it comes from.
//!
//! ```
//! use jianfu_core::assumptions::{Assumptions, AssumptionsInput};
//! use jianfu_core::num::{Num, Span};
//!
//! let defaults = Assumptions::default();
//! assert_eq!(defaults.hours_per_post, Span::new(Num::int(2), Num::int(3)));
//!
//! // What the JS API receives: any subset, camelCase, a number or [low, high].
//! let input = AssumptionsInput {
//!     hourly_cost: Some(80.0.into()),
//!     ..AssumptionsInput::default()
//! };
//! let mine = input.apply(defaults).unwrap();
//! assert_eq!(mine.hourly_cost, Span::point(Num::int(80)));
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::lang::Lang;
use crate::num::{Num, Span};

/// The assumptions in force for one estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumptions {
    /// Staff hours to collect, edit, review and publish one post.
    pub hours_per_post: Span,
    /// Posts per week of an account whose list gives none.
    pub posts_per_week: Span,
    /// Weeks in a year.
    pub weeks_per_year: Span,
    /// Hours of one full-time post per year (FTE).
    pub fte_hours: Span,
    /// Staff cost per hour, in yuan.
    pub hourly_cost: Span,
    /// Share of a merged account's work that moves to the account it joins
    /// (0.3 means 30 %).
    pub merge_share: Span,
    /// Accounts with fewer followers than this are "low reach".
    pub followers_threshold: Span,
    /// An account whose last post is more than this many days old is dormant.
    pub dormant_days: Span,
    /// An outsourced account costing more than this per read, in yuan, is
    /// "poor value".
    pub cost_per_read_threshold: Span,
    /// The "as of" date for dormancy; `None` means today, which the caller
    /// supplies (the core has no clock).
    pub as_of: Option<Date>,
}

/// One of the assumptions, for listing them with their sources and for
/// naming one in an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Assumption {
    /// [`Assumptions::hours_per_post`].
    HoursPerPost,
    /// [`Assumptions::posts_per_week`].
    PostsPerWeek,
    /// [`Assumptions::weeks_per_year`].
    WeeksPerYear,
    /// [`Assumptions::fte_hours`].
    FteHours,
    /// [`Assumptions::hourly_cost`].
    HourlyCost,
    /// [`Assumptions::merge_share`].
    MergeShare,
    /// [`Assumptions::followers_threshold`].
    FollowersThreshold,
    /// [`Assumptions::dormant_days`].
    DormantDays,
    /// [`Assumptions::cost_per_read_threshold`].
    CostPerReadThreshold,
    /// [`Assumptions::as_of`].
    AsOf,
}

/// An assumption that cannot be used, naming which one and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssumptionError {
    assumption: Assumption,
    problem: Problem,
}

/// What is wrong with an assumption.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A value below zero.
    Negative,
    /// Zero where the estimate divides by it or multiplies a year by it.
    Zero,
    /// The low end is above the high end.
    LowAboveHigh,
    /// A share outside 0–1 (0 %–100 %).
    NotAShare,
    /// Not a finite number (NaN or an infinity from JavaScript).
    NotFinite,
    /// Text typed into the assumptions panel that is not a number.
    NotANumber {
        /// The text as typed.
        text: String,
    },
    /// A number too large to be meant (more than a billion).
    TooLarge,
    /// A range given as an array that does not have one or two numbers.
    NotARange {
        /// How many numbers the array had.
        len: usize,
    },
    /// A date that is not `YYYY-MM-DD`.
    NotADate {
        /// The text as given.
        text: String,
    },
    /// A value of the wrong type from JavaScript: text or an object where
    /// a number or `[low, high]` belongs, a number where the date belongs.
    WrongType {
        /// The value as the caller wrote it, such as `"2"` or `{low, high}`.
        given: String,
    },
}

/// The assumptions as the JS API receives them: any subset of SPEC §3 in
/// camelCase, each a number or `[low, high]`, and `asOf` as `"YYYY-MM-DD"`.
/// Unknown keys are ignored, so that pages written for a later version keep
/// working.
///
/// It serializes to the same shape (absent fields left out), so it is also
/// the form in which assumptions are saved and shared:
/// `AssumptionsInput::from(&assumptions).apply(base)` gives the assumptions
/// back, to six decimal places.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AssumptionsInput {
    /// Hours per post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_per_post: Option<RangeInput>,
    /// Posts per week when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posts_per_week: Option<RangeInput>,
    /// Weeks per year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks_per_year: Option<RangeInput>,
    /// Hours of one FTE per year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fte_hours: Option<RangeInput>,
    /// Staff cost per hour, in yuan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hourly_cost: Option<RangeInput>,
    /// Merge share, 0.3 for 30 %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merge_share: Option<RangeInput>,
    /// Low-reach followers threshold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub followers_threshold: Option<RangeInput>,
    /// Dormant days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dormant_days: Option<RangeInput>,
    /// Poor-value cost per read threshold, in yuan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_read_threshold: Option<RangeInput>,
    /// The as-of date, `"YYYY-MM-DD"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// A number or a range, as JavaScript sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RangeInput {
    /// One number: a range whose ends are equal.
    One(f64),
    /// `[low, high]` (or `[value]`).
    Many(Vec<f64>),
}

/// An assumption's value as the assumptions panel shows it in its inputs:
/// plain decimals without grouping, the merge share in percent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayValue {
    /// The low end (or the single value).
    pub low: String,
    /// The high end.
    pub high: String,
}

/// Decimal places kept when a JavaScript number becomes an exact [`Num`].
/// Six is finer than any assumption needs and keeps the rationals small.
const INPUT_PLACES: u32 = 6;

/// The largest value any assumption may take.
const MAX_VALUE: i64 = 1_000_000_000;

impl Default for Assumptions {
    /// The defaults of SPEC §3.
    fn default() -> Assumptions {
        let int = |n| Span::point(Num::int(n));
        let range = |low, high| Span::new(Num::int(low), Num::int(high));
        Assumptions {
            hours_per_post: range(2, 3),
            posts_per_week: range(2, 3),
            weeks_per_year: int(52),
            fte_hours: int(2000),
            hourly_cost: int(60),
            merge_share: Span::point(Num::ratio(3, 10).unwrap_or_default()),
            followers_threshold: int(1000),
            dormant_days: int(14),
            cost_per_read_threshold: int(1),
            as_of: None,
        }
    }
}

impl Assumptions {
    /// The value of one assumption; `None` for [`Assumption::AsOf`], which is
    /// a date.
    pub fn get(&self, assumption: Assumption) -> Option<Span> {
        Some(match assumption {
            Assumption::HoursPerPost => self.hours_per_post,
            Assumption::PostsPerWeek => self.posts_per_week,
            Assumption::WeeksPerYear => self.weeks_per_year,
            Assumption::FteHours => self.fte_hours,
            Assumption::HourlyCost => self.hourly_cost,
            Assumption::MergeShare => self.merge_share,
            Assumption::FollowersThreshold => self.followers_threshold,
            Assumption::DormantDays => self.dormant_days,
            Assumption::CostPerReadThreshold => self.cost_per_read_threshold,
            Assumption::AsOf => return None,
        })
    }

    /// The as-of date to estimate with: the one set, else `today`, which the
    /// caller reads from its clock.
    pub fn as_of_or(&self, today: Date) -> Date {
        self.as_of.unwrap_or(today)
    }

    /// These assumptions with one of them back at its default.
    pub fn reset(&self, assumption: Assumption) -> Assumptions {
        let mut out = *self;
        let defaults = Assumptions::default();
        match (out.slot(assumption), defaults.get(assumption)) {
            (Some(slot), Some(default)) => *slot = default,
            _ => out.as_of = defaults.as_of,
        }
        out
    }

    /// These assumptions with one of them set from the text typed into the
    /// assumptions panel, validated. The text is read as
    /// [`Assumptions::display_value`] writes it: a plain decimal, full-width
    /// digits and thousands separators allowed, the merge share in percent
    /// (`30` or `30%`). For [`Assumption::AsOf`], `low` is a `YYYY-MM-DD`
    /// date, or empty for today.
    pub fn with_text(
        &self,
        assumption: Assumption,
        low: &str,
        high: &str,
    ) -> Result<Assumptions, AssumptionError> {
        let fail = |problem| AssumptionError::new(assumption, problem);
        let mut out = *self;
        if assumption == Assumption::AsOf {
            let text = low.trim();
            out.as_of = if text.is_empty() {
                None
            } else {
                let date = Date::parse_iso(text).ok_or_else(|| {
                    fail(Problem::NotADate {
                        text: text.to_string(),
                    })
                })?;
                Some(date)
            };
            return Ok(out);
        }
        let low = typed_number(assumption, low).map_err(fail)?;
        let high = if high.trim().is_empty() {
            low
        } else {
            typed_number(assumption, high).map_err(fail)?
        };
        if let Some(slot) = out.slot(assumption) {
            *slot = Span { low, high };
        }
        out.validate()?;
        Ok(out)
    }

    /// How the assumptions panel shows a value: plain decimals, the merge
    /// share in percent. [`Assumptions::with_text`] reads it back.
    pub fn display_value(assumption: Assumption, value: Span) -> DisplayValue {
        let scale = if assumption == Assumption::MergeShare {
            Num::int(100)
        } else {
            Num::ONE
        };
        DisplayValue {
            low: (value.low * scale).to_string(),
            high: (value.high * scale).to_string(),
        }
    }

    /// A mutable reference to one numeric assumption.
    fn slot(&mut self, assumption: Assumption) -> Option<&mut Span> {
        Some(match assumption {
            Assumption::HoursPerPost => &mut self.hours_per_post,
            Assumption::PostsPerWeek => &mut self.posts_per_week,
            Assumption::WeeksPerYear => &mut self.weeks_per_year,
            Assumption::FteHours => &mut self.fte_hours,
            Assumption::HourlyCost => &mut self.hourly_cost,
            Assumption::MergeShare => &mut self.merge_share,
            Assumption::FollowersThreshold => &mut self.followers_threshold,
            Assumption::DormantDays => &mut self.dormant_days,
            Assumption::CostPerReadThreshold => &mut self.cost_per_read_threshold,
            Assumption::AsOf => return None,
        })
    }

    /// Checks that every assumption can be used: no negative values, no low
    /// end above its high end, a merge share within 0–1, and no zero weeks
    /// per year or FTE hours. Reports the first problem, in the order of
    /// [`Assumption::ALL`].
    pub fn validate(&self) -> Result<(), AssumptionError> {
        for assumption in Assumption::ALL {
            let Some(span) = self.get(assumption) else {
                continue;
            };
            let fail = |problem| Err(AssumptionError::new(assumption, problem));
            if span.low > span.high {
                return fail(Problem::LowAboveHigh);
            }
            if span.low < Num::ZERO {
                return fail(Problem::Negative);
            }
            if span.high > Num::int(MAX_VALUE) {
                return fail(Problem::TooLarge);
            }
            let divides = matches!(assumption, Assumption::WeeksPerYear | Assumption::FteHours);
            if divides && span.low == Num::ZERO {
                return fail(Problem::Zero);
            }
            if assumption == Assumption::MergeShare && span.high > Num::ONE {
                return fail(Problem::NotAShare);
            }
        }
        Ok(())
    }
}

impl Assumption {
    /// Every assumption, in the order of SPEC §3 and of the UI.
    pub const ALL: [Assumption; 10] = [
        Assumption::HoursPerPost,
        Assumption::PostsPerWeek,
        Assumption::WeeksPerYear,
        Assumption::FteHours,
        Assumption::HourlyCost,
        Assumption::MergeShare,
        Assumption::FollowersThreshold,
        Assumption::DormantDays,
        Assumption::CostPerReadThreshold,
        Assumption::AsOf,
    ];

    /// The camelCase key used by the JS API and the query string.
    pub fn key(self) -> &'static str {
        match self {
            Assumption::HoursPerPost => "hoursPerPost",
            Assumption::PostsPerWeek => "postsPerWeek",
            Assumption::WeeksPerYear => "weeksPerYear",
            Assumption::FteHours => "fteHours",
            Assumption::HourlyCost => "hourlyCost",
            Assumption::MergeShare => "mergeShare",
            Assumption::FollowersThreshold => "followersThreshold",
            Assumption::DormantDays => "dormantDays",
            Assumption::CostPerReadThreshold => "costPerReadThreshold",
            Assumption::AsOf => "asOf",
        }
    }

    /// What the assumption is, as a short label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Assumption::HoursPerPost => lang.pick(
                "每期耗时（收集、编辑、审核、发布）",
                "Hours per post (collect, edit, review, publish)",
            ),
            Assumption::PostsPerWeek => {
                lang.pick("每周发布次数（未填时）", "Posts per week (when unknown)")
            }
            Assumption::WeeksPerYear => lang.pick("每年周数", "Weeks per year"),
            Assumption::FteHours => lang.pick(
                "一名全职人员年工作小时数",
                "Hours of one full-time post per year (FTE)",
            ),
            Assumption::HourlyCost => lang.pick("每小时人力成本", "Staff cost per hour"),
            Assumption::MergeShare => lang.pick(
                "归并账号工作量转入承接账号的比例",
                "Share of a merged account's work that moves to the account it joins",
            ),
            Assumption::FollowersThreshold => lang.pick(
                "“覆盖面小”粉丝数门槛",
                "Followers threshold for \"low reach\"",
            ),
            Assumption::DormantDays => lang.pick(
                "连续未更新即视为“僵尸”账号的天数",
                "Days without a post that make an account dormant",
            ),
            Assumption::CostPerReadThreshold => lang.pick(
                "外包账号“投入产出低”单次阅读成本门槛",
                "Cost per read above which an outsourced account is \"poor value\"",
            ),
            Assumption::AsOf => lang.pick("测算基准日", "\"As of\" date for dormancy"),
        }
    }

    /// The unit the value is in, for display next to it.
    pub fn unit(self, lang: Lang) -> &'static str {
        match self {
            Assumption::HoursPerPost | Assumption::FteHours => lang.pick("小时", "h"),
            Assumption::PostsPerWeek => lang.pick("次/周", "posts/week"),
            Assumption::WeeksPerYear => lang.pick("周", "weeks"),
            Assumption::HourlyCost => lang.pick("元/小时", "yuan/h"),
            Assumption::MergeShare => "%",
            Assumption::FollowersThreshold => lang.pick("人", "followers"),
            Assumption::DormantDays => lang.pick("天", "days"),
            Assumption::CostPerReadThreshold => lang.pick("元/次", "yuan/read"),
            Assumption::AsOf => "",
        }
    }

    /// Where the default comes from: the Changxing article, an inspection
    /// standard, or a stated assumption to adjust locally.
    pub fn source(self, lang: Lang) -> &'static str {
        match self {
            Assumption::HoursPerPost => lang.pick(
                "文章：做一期工作动态“需要花两三个小时去收集整理”",
                "Article: one issue \"takes two or three hours to collect and organise\"",
            ),
            Assumption::PostsPerWeek => lang.pick(
                "文章：某乡镇两个公众号“每周发布2~3次”",
                "Article: a township's two accounts \"post 2–3 times a week\"",
            ),
            Assumption::WeeksPerYear => lang.pick("一年52周", "52 weeks in a year"),
            Assumption::FteHours => lang.pick(
                "假设：250个工作日×8小时",
                "Assumption: 250 working days × 8 hours",
            ),
            Assumption::HourlyCost => lang.pick(
                "假设：请按当地工资水平调整",
                "Assumption: adjust to local pay",
            ),
            Assumption::MergeShare => lang.pick(
                "假设：归并后约三成工作仍需由承接账号完成",
                "Assumption: about 30 % of the work remains with the receiving account",
            ),
            Assumption::FollowersThreshold => lang.pick(
                "文章：全县“粉丝数1000以下的167个，占到60%”",
                "Article: \"167 accounts, 60 %, had fewer than 1,000 followers\"",
            ),
            Assumption::DormantDays => lang.pick(
                "2019年政府网站与政务新媒体检查指标：监测时间点前2周内无更新即单项否决",
                "2019 government new-media inspection indicators: no update in the 2 weeks \
                 before the check fails the account outright",
            ),
            Assumption::CostPerReadThreshold => lang.pick(
                "假设：每次阅读成本超过1元视为投入产出低",
                "Assumption: more than 1 yuan per read is poor value",
            ),
            Assumption::AsOf => lang.pick(
                "默认为今天；示例数据为2019-04-19（长兴停止运营之日）",
                "Today by default; the demo uses 2019-04-19, the day Changxing's accounts stopped",
            ),
        }
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl AssumptionError {
    /// An error about `assumption`.
    pub fn new(assumption: Assumption, problem: Problem) -> AssumptionError {
        AssumptionError {
            assumption,
            problem,
        }
    }

    /// The assumption at fault.
    pub fn assumption(&self) -> Assumption {
        self.assumption
    }

    /// What is wrong with it.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// A message for the user, naming the assumption.
    pub fn message(&self, lang: Lang) -> String {
        let label = self.assumption.label(lang);
        let problem = match &self.problem {
            Problem::Negative => lang.pick("不能为负数", "cannot be negative").to_string(),
            Problem::Zero => lang.pick("不能为零", "cannot be zero").to_string(),
            Problem::LowAboveHigh => lang
                .pick("下限不能高于上限", "the low end is above the high end")
                .to_string(),
            Problem::NotAShare => lang
                .pick(
                    "应在0到1之间（0%–100%）",
                    "must be between 0 and 1 (0 %–100 %)",
                )
                .to_string(),
            Problem::NotFinite => lang.pick("不是有效数字", "is not a number").to_string(),
            Problem::NotANumber { text } if text.is_empty() => {
                lang.pick("未填写", "is empty").to_string()
            }
            Problem::NotANumber { text } => match lang {
                Lang::Zh => format!("“{text}”不是数字"),
                Lang::En => format!("\"{text}\" is not a number"),
            },
            Problem::TooLarge => lang.pick("数值过大", "is too large").to_string(),
            Problem::NotARange { len } => match lang {
                Lang::Zh => format!("应为一个数或[下限, 上限]，收到{len}个数"),
                Lang::En => format!("must be a number or [low, high], got {len} numbers"),
            },
            Problem::NotADate { text } => match lang {
                Lang::Zh => format!("日期“{text}”应为YYYY-MM-DD格式"),
                Lang::En => format!("date \"{text}\" must be YYYY-MM-DD"),
            },
            Problem::WrongType { given } => match (lang, self.assumption) {
                (Lang::Zh, Assumption::AsOf) => {
                    format!("应为写作\"YYYY-MM-DD\"的日期，而不是{given}")
                }
                (Lang::En, Assumption::AsOf) => {
                    format!("must be a date written \"YYYY-MM-DD\", not {given}")
                }
                (Lang::Zh, _) => format!("应为一个数或[下限, 上限]，而不是{given}"),
                (Lang::En, _) => format!("must be a number or [low, high], not {given}"),
            },
        };
        match lang {
            Lang::Zh => format!("假设“{label}”{problem}"),
            Lang::En => format!("Assumption \"{label}\" {problem}"),
        }
    }
}

impl fmt::Display for AssumptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AssumptionError {}

impl AssumptionsInput {
    /// The input of one numeric assumption, for a reader that fills them in
    /// one at a time; `None` for [`Assumption::AsOf`], which is a date.
    pub fn range_mut(&mut self, assumption: Assumption) -> Option<&mut Option<RangeInput>> {
        Some(match assumption {
            Assumption::HoursPerPost => &mut self.hours_per_post,
            Assumption::PostsPerWeek => &mut self.posts_per_week,
            Assumption::WeeksPerYear => &mut self.weeks_per_year,
            Assumption::FteHours => &mut self.fte_hours,
            Assumption::HourlyCost => &mut self.hourly_cost,
            Assumption::MergeShare => &mut self.merge_share,
            Assumption::FollowersThreshold => &mut self.followers_threshold,
            Assumption::DormantDays => &mut self.dormant_days,
            Assumption::CostPerReadThreshold => &mut self.cost_per_read_threshold,
            Assumption::AsOf => return None,
        })
    }

    /// Replaces the assumptions given here in `base`, then validates the
    /// result. Nothing is applied if anything is wrong.
    pub fn apply(self, base: Assumptions) -> Result<Assumptions, AssumptionError> {
        let mut out = base;
        let given = [
            (Assumption::HoursPerPost, self.hours_per_post),
            (Assumption::PostsPerWeek, self.posts_per_week),
            (Assumption::WeeksPerYear, self.weeks_per_year),
            (Assumption::FteHours, self.fte_hours),
            (Assumption::HourlyCost, self.hourly_cost),
            (Assumption::MergeShare, self.merge_share),
            (Assumption::FollowersThreshold, self.followers_threshold),
            (Assumption::DormantDays, self.dormant_days),
            (
                Assumption::CostPerReadThreshold,
                self.cost_per_read_threshold,
            ),
        ];
        for (assumption, input) in given {
            let Some(input) = input else { continue };
            let span = input
                .to_span()
                .map_err(|problem| AssumptionError::new(assumption, problem))?;
            if let Some(slot) = out.slot(assumption) {
                *slot = span;
            }
        }
        if let Some(text) = self.as_of {
            let date = Date::parse_iso(&text).ok_or_else(|| {
                AssumptionError::new(Assumption::AsOf, Problem::NotADate { text: text.clone() })
            })?;
            out.as_of = Some(date);
        }
        out.validate()?;
        Ok(out)
    }
}

/// Every assumption as input, for saving: a point as one number, a range as
/// `[low, high]`.
impl From<&Assumptions> for AssumptionsInput {
    fn from(a: &Assumptions) -> AssumptionsInput {
        let input = |span: Span| Some(RangeInput::from(span));
        AssumptionsInput {
            hours_per_post: input(a.hours_per_post),
            posts_per_week: input(a.posts_per_week),
            weeks_per_year: input(a.weeks_per_year),
            fte_hours: input(a.fte_hours),
            hourly_cost: input(a.hourly_cost),
            merge_share: input(a.merge_share),
            followers_threshold: input(a.followers_threshold),
            dormant_days: input(a.dormant_days),
            cost_per_read_threshold: input(a.cost_per_read_threshold),
            as_of: a.as_of.map(|date| date.to_string()),
        }
    }
}

impl From<Span> for RangeInput {
    fn from(span: Span) -> RangeInput {
        if span.is_point() {
            RangeInput::One(span.low.to_f64())
        } else {
            RangeInput::Many(vec![span.low.to_f64(), span.high.to_f64()])
        }
    }
}

impl RangeInput {
    /// The exact range, keeping the ends as given (a reversed range is an
    /// error for [`Assumptions::validate`], not silently swapped).
    pub fn to_span(&self) -> Result<Span, Problem> {
        match self {
            RangeInput::One(value) => Ok(Span::point(exact(*value)?)),
            RangeInput::Many(values) => match values.as_slice() {
                [value] => Ok(Span::point(exact(*value)?)),
                [low, high] => Ok(Span {
                    low: exact(*low)?,
                    high: exact(*high)?,
                }),
                other => Err(Problem::NotARange { len: other.len() }),
            },
        }
    }
}

impl From<f64> for RangeInput {
    fn from(value: f64) -> RangeInput {
        RangeInput::One(value)
    }
}

impl From<[f64; 2]> for RangeInput {
    fn from([low, high]: [f64; 2]) -> RangeInput {
        RangeInput::Many(vec![low, high])
    }
}

/// A number typed into the assumptions panel, as an exact decimal.
fn typed_number(assumption: Assumption, text: &str) -> Result<Num, Problem> {
    let not_a_number = || Problem::NotANumber {
        text: text.trim().to_string(),
    };
    let mut plain = String::with_capacity(text.len());
    for ch in text.trim().chars() {
        match ch {
            '０'..='９' => plain.push(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
            '．' | '。' => plain.push('.'),
            '－' | '−' => plain.push('-'),
            ',' | '，' | ' ' | '\u{3000}' => {}
            _ => plain.push(ch),
        }
    }
    let percent = plain.ends_with('%') || plain.ends_with('％');
    let digits = plain.trim_end_matches(['%', '％']);
    let value = Num::parse_decimal(digits).ok_or_else(not_a_number)?;
    if value.numer().unsigned_abs() > (MAX_VALUE as u128) * value.denom().unsigned_abs() {
        return Err(Problem::TooLarge);
    }
    if assumption == Assumption::MergeShare || percent {
        Ok(value / Num::int(100))
    } else {
        Ok(value)
    }
}

/// A JavaScript number as an exact decimal, rounded to [`INPUT_PLACES`]
/// places, so that `0.3` is exactly three tenths rather than the binary
/// fraction nearest to it.
fn exact(value: f64) -> Result<Num, Problem> {
    if !value.is_finite() {
        return Err(Problem::NotFinite);
    }
    if value.abs() > MAX_VALUE as f64 {
        return Err(Problem::TooLarge);
    }
    // Scaling and rounding in f64 is exact here: |value| ≤ 10^9, so the
    // scaled value stays below 2^53. (Formatting the float as text would do
    // the same but pull float printing into the wasm.)
    let scale = 10i128.pow(INPUT_PLACES);
    let scaled = (value * scale as f64).round() as i128;
    Num::ratio(scaled, scale).ok_or(Problem::NotFinite)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::n;

    #[test]
    fn defaults_are_those_of_the_spec() {
        let a = Assumptions::default();
        assert_eq!(a.hours_per_post, Span::new(Num::int(2), Num::int(3)));
        assert_eq!(a.posts_per_week, Span::new(Num::int(2), Num::int(3)));
        assert_eq!(a.weeks_per_year, Span::point(Num::int(52)));
        // 250 days × 8 hours = 2,000 hours.
        assert_eq!(a.fte_hours, Span::point(Num::int(250 * 8)));
        assert_eq!(a.hourly_cost, Span::point(Num::int(60)));
        assert_eq!(a.merge_share, Span::point(n("0.3")));
        assert_eq!(a.followers_threshold, Span::point(Num::int(1000)));
        assert_eq!(a.dormant_days, Span::point(Num::int(14)));
        assert_eq!(a.cost_per_read_threshold, Span::point(n("1.00")));
        assert_eq!(a.as_of, None);
        assert_eq!(a.validate(), Ok(()));
    }

    #[test]
    fn every_assumption_has_a_label_and_a_source_in_both_languages() {
        for a in Assumption::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!a.label(lang).is_empty(), "{a}");
                assert!(!a.source(lang).is_empty(), "{a}");
            }
        }
        assert!(Assumption::HoursPerPost
            .source(Lang::Zh)
            .contains("需要花两三个小时去收集整理"));
        assert!(Assumption::FteHours.source(Lang::Zh).contains("250"));
    }

    #[test]
    fn validation_names_the_assumption() {
        let a = Assumptions {
            hours_per_post: Span::point(Num::int(-1)),
            ..Assumptions::default()
        };
        let error = a.validate().unwrap_err();
        assert_eq!(error.assumption(), Assumption::HoursPerPost);
        assert_eq!(error.problem(), &Problem::Negative);
        assert!(error.message(Lang::Zh).contains("每期耗时"));
        assert!(error.message(Lang::En).contains("cannot be negative"));

        let mut a = Assumptions {
            merge_share: Span::point(n("1.5")),
            ..Assumptions::default()
        };
        assert_eq!(
            a.validate().unwrap_err().problem(),
            &Problem::NotAShare,
            "150 % is not a share"
        );
        // Exactly 0 and exactly 1 are shares.
        a.merge_share = Span::new(Num::ZERO, Num::ONE);
        assert_eq!(a.validate(), Ok(()));

        let a = Assumptions {
            posts_per_week: Span {
                low: Num::int(3),
                high: Num::int(2),
            },
            ..Assumptions::default()
        };
        assert_eq!(a.validate().unwrap_err().problem(), &Problem::LowAboveHigh);

        let a = Assumptions {
            fte_hours: Span::ZERO,
            ..Assumptions::default()
        };
        let error = a.validate().unwrap_err();
        assert_eq!(
            (error.assumption(), error.problem()),
            (Assumption::FteHours, &Problem::Zero)
        );

        let a = Assumptions {
            weeks_per_year: Span::new(Num::ZERO, Num::int(52)),
            ..Assumptions::default()
        };
        assert_eq!(a.validate().unwrap_err().problem(), &Problem::Zero);
    }

    #[test]
    fn input_applies_a_subset_and_keeps_the_rest() {
        let input = AssumptionsInput {
            hours_per_post: Some([1.5, 4.0].into()),
            merge_share: Some(0.3.into()),
            dormant_days: Some(RangeInput::Many(vec![30.0])),
            as_of: Some("2019-04-19".into()),
            ..AssumptionsInput::default()
        };
        let a = input.apply(Assumptions::default()).unwrap();
        assert_eq!(a.hours_per_post, Span::new(n("1.5"), Num::int(4)));
        // 0.3 from JavaScript is exactly three tenths here.
        assert_eq!(a.merge_share, Span::point(Num::ratio(3, 10).unwrap()));
        assert_eq!(a.dormant_days, Span::point(Num::int(30)));
        assert_eq!(a.as_of, Date::from_ymd(2019, 4, 19));
        assert_eq!(a.posts_per_week, Assumptions::default().posts_per_week);
        let today = Date::from_ymd(2025, 1, 1).unwrap();
        assert_eq!(a.as_of_or(today).to_string(), "2019-04-19");
        assert_eq!(Assumptions::default().as_of_or(today), today);
    }

    #[test]
    fn input_rejects_what_cannot_be_used() {
        let base = Assumptions::default();
        let apply = |input: AssumptionsInput| input.apply(base).unwrap_err();

        let e = apply(AssumptionsInput {
            hourly_cost: Some(f64::NAN.into()),
            ..Default::default()
        });
        assert_eq!(
            (e.assumption(), e.problem()),
            (Assumption::HourlyCost, &Problem::NotFinite)
        );
        let e = apply(AssumptionsInput {
            fte_hours: Some(f64::INFINITY.into()),
            ..Default::default()
        });
        assert_eq!(e.problem(), &Problem::NotFinite);
        let e = apply(AssumptionsInput {
            weeks_per_year: Some(1e300.into()),
            ..Default::default()
        });
        assert_eq!(e.problem(), &Problem::TooLarge);
        let e = apply(AssumptionsInput {
            posts_per_week: Some([3.0, 2.0].into()),
            ..Default::default()
        });
        assert_eq!(
            (e.assumption(), e.problem()),
            (Assumption::PostsPerWeek, &Problem::LowAboveHigh)
        );
        let e = apply(AssumptionsInput {
            posts_per_week: Some(RangeInput::Many(vec![1.0, 2.0, 3.0])),
            ..Default::default()
        });
        assert_eq!(e.problem(), &Problem::NotARange { len: 3 });
        let e = apply(AssumptionsInput {
            merge_share: Some(30.0.into()),
            ..Default::default()
        });
        assert_eq!(e.problem(), &Problem::NotAShare);
        let e = apply(AssumptionsInput {
            as_of: Some("19/4/2019".into()),
            ..Default::default()
        });
        assert_eq!(e.assumption(), Assumption::AsOf);
        assert!(e.message(Lang::En).contains("19/4/2019"));
    }

    #[test]
    fn a_wrong_type_names_the_shape_expected() {
        let wrong = |assumption, given: &str| {
            AssumptionError::new(
                assumption,
                Problem::WrongType {
                    given: given.to_string(),
                },
            )
        };
        let e = wrong(Assumption::HoursPerPost, "\"2\"");
        assert_eq!(
            e.message(Lang::En),
            "Assumption \"Hours per post (collect, edit, review, publish)\" \
             must be a number or [low, high], not \"2\""
        );
        assert_eq!(
            e.message(Lang::Zh),
            "假设“每期耗时（收集、编辑、审核、发布）”应为一个数或[下限, 上限]，而不是\"2\""
        );
        let e = wrong(Assumption::AsOf, "20190419");
        assert_eq!(
            e.message(Lang::En),
            "Assumption \"\"As of\" date for dormancy\" must be a date written \"YYYY-MM-DD\", \
             not 20190419"
        );
        assert!(e
            .message(Lang::Zh)
            .ends_with("应为写作\"YYYY-MM-DD\"的日期，而不是20190419"));
    }

    #[test]
    fn input_is_filled_in_one_assumption_at_a_time() {
        let mut input = AssumptionsInput::default();
        for assumption in Assumption::ALL {
            let value = if assumption == Assumption::MergeShare {
                0.5
            } else {
                7.0
            };
            if let Some(slot) = input.range_mut(assumption) {
                *slot = Some(RangeInput::One(value));
            }
        }
        assert_eq!(input.range_mut(Assumption::AsOf), None);
        let a = input.apply(Assumptions::default()).unwrap();
        assert_eq!(a.fte_hours, Span::point(Num::int(7)));
        assert_eq!(a.merge_share, Span::point(n("0.5")));
        assert_eq!(a.cost_per_read_threshold, Span::point(Num::int(7)));
    }

    #[test]
    fn assumptions_round_trip_through_input() {
        let a = Assumptions {
            hours_per_post: Span::new(n("1.5"), n("2.25")),
            merge_share: Span::new(n("0.2"), n("0.35")),
            as_of: Date::from_ymd(2019, 4, 19),
            ..Assumptions::default()
        };
        let input = AssumptionsInput::from(&a);
        assert_eq!(input.hourly_cost, Some(RangeInput::One(60.0)));
        assert_eq!(input.merge_share, Some(RangeInput::Many(vec![0.2, 0.35])));
        assert_eq!(input.as_of.as_deref(), Some("2019-04-19"));
        assert_eq!(input.apply(Assumptions::default()), Ok(a));
    }

    #[test]
    fn the_panel_reads_back_what_it_shows() {
        let a = Assumptions::default();
        let shown = Assumptions::display_value(Assumption::MergeShare, a.merge_share);
        assert_eq!((shown.low.as_str(), shown.high.as_str()), ("30", "30"));
        let shown = Assumptions::display_value(Assumption::FteHours, a.fte_hours);
        assert_eq!(shown.low, "2000", "no grouping in an input");
        for assumption in Assumption::ALL {
            let Some(value) = a.get(assumption) else {
                continue;
            };
            let shown = Assumptions::display_value(assumption, value);
            let back = a.with_text(assumption, &shown.low, &shown.high);
            assert_eq!(back, Ok(a), "{assumption}");
        }
    }

    #[test]
    fn the_panel_reads_typed_text() {
        let a = Assumptions::default();
        let b = a
            .with_text(Assumption::HoursPerPost, " 1.5 ", "４")
            .unwrap();
        assert_eq!(b.hours_per_post, Span::new(n("1.5"), Num::int(4)));
        let b = a.with_text(Assumption::FteHours, "1,800", "").unwrap();
        assert_eq!(b.fte_hours, Span::point(Num::int(1800)));
        // The merge share is typed in percent, with or without the sign.
        let b = a.with_text(Assumption::MergeShare, "25%", "40").unwrap();
        assert_eq!(b.merge_share, Span::new(n("0.25"), n("0.4")));
        let e = a.with_text(Assumption::MergeShare, "150", "").unwrap_err();
        assert_eq!(e.problem(), &Problem::NotAShare);
        let e = a.with_text(Assumption::HourlyCost, "六十", "").unwrap_err();
        assert_eq!(e.assumption(), Assumption::HourlyCost);
        assert_eq!(e.message(Lang::Zh), "假设“每小时人力成本”“六十”不是数字");
        let e = a.with_text(Assumption::PostsPerWeek, "3", "2").unwrap_err();
        assert_eq!(e.problem(), &Problem::LowAboveHigh);
        let e = a.with_text(Assumption::DormantDays, "", "").unwrap_err();
        assert_eq!(
            e.problem(),
            &Problem::NotANumber {
                text: String::new()
            }
        );
        assert_eq!(
            e.message(Lang::En),
            "Assumption \"Days without a post that make an account dormant\" is empty"
        );
        let b = a.with_text(Assumption::AsOf, "2019-04-19", "").unwrap();
        assert_eq!(b.as_of, Date::from_ymd(2019, 4, 19));
        assert_eq!(b.with_text(Assumption::AsOf, "", "").unwrap().as_of, None);
    }

    #[test]
    fn reset_restores_one_default() {
        let a = Assumptions {
            hourly_cost: Span::point(Num::int(80)),
            weeks_per_year: Span::point(Num::int(50)),
            as_of: Date::from_ymd(2019, 4, 19),
            ..Assumptions::default()
        };
        let b = a.reset(Assumption::HourlyCost);
        assert_eq!(b.hourly_cost, Span::point(Num::int(60)));
        assert_eq!(b.weeks_per_year, Span::point(Num::int(50)));
        assert_eq!(b.reset(Assumption::AsOf).as_of, None);
    }

    #[test]
    fn input_numbers_become_short_exact_decimals() {
        assert_eq!(exact(0.1), Ok(n("0.1")));
        assert_eq!(exact(2.5), Ok(n("2.5")));
        assert_eq!(exact(-0.0), Ok(Num::ZERO));
        // A third is kept to six places.
        assert_eq!(exact(1.0 / 3.0), Ok(n("0.333333")));
        assert_eq!(exact(1e-9), Ok(Num::ZERO));
    }
}
