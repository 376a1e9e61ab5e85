//! An estimate's accounts in columns, for the JavaScript API.
//!
//! `estimate()` returns one object per account, and building 100,000 of
//! them field by field from wasm (a call across to JS for every field and
//! every string) took most of the call's time: about 0.9 s of 1.3 s in
//! Chromium. In columns the accounts cross once: their strings as one text
//! (decoded once), their numbers as one `Float64Array` and their enums and
//! flags as one `Uint8Array`, which the page's JS turns into the same
//! objects in a few tens of milliseconds (`web::columns` has the JS).
//!
//! The layout is [`AccountView`]'s, field by field in its order, and the JS
//! reads it in the same order:
//!
//! * `text` and `ends`: `name`, `unit`, `reason`, `mergeInto`, each ending
//!   at its entry in `ends` (in UTF-16 units, as JS counts);
//! * `numbers`: `row`; `postsPerWeek`, `hoursPerPost`, `hours`,
//!   `hoursFreed`, `addedLoad` as low and high; `cash` and `cashSaved`;
//!   `reads` and `costPerRead` as low and high where present;
//! * `codes`: the flags ([`LEVEL_INFERRED`], [`OVERRIDDEN`], [`HAS_READS`],
//!   [`HAS_COST_PER_READ`]); then `level`, `platform`, `staffing` (or
//!   [`NONE`]), `decision`, `rule`, `recommended` as indices into [`KEYS`];
//!   then the number of `assumed` fields and their indices.

use crate::account::{Decision, Field, Level, Platform, Staffing};
use crate::estimate::{fen, AccountView};
use crate::num::Span;
use crate::rules::Rule;

/// Every string the enums of an account serialize to (serde's camelCase
/// names), so that codes stand for them: levels, platforms, staffing,
/// decisions, rules, then fields, each in declaration order.
pub const KEYS: [&str; 43] = [
    "county",
    "township",
    "village",
    "wechat",
    "weibo",
    "douyin",
    "toutiao",
    "kuaishou",
    "channels",
    "xiaohongshu",
    "baijiahao",
    "other",
    "partTime",
    "dedicated",
    "outsourced",
    "keep",
    "close",
    "merge",
    "dormant",
    "noInteraction",
    "lowReach",
    "duplicate",
    "village",
    "belowCounty",
    "poorValue",
    "given",
    "default",
    "name",
    "unit",
    "level",
    "platform",
    "followers",
    "postsPerWeek",
    "hoursPerPost",
    "staff",
    "staffing",
    "outsourcingFee",
    "otherCost",
    "avgReads",
    "lastPost",
    "interaction",
    "decision",
    "mergeInto",
];

// Where each enum's keys start in KEYS.
const PLATFORMS: u8 = Level::ALL.len() as u8;
const STAFFING: u8 = PLATFORMS + Platform::ALL.len() as u8;
const DECISIONS: u8 = STAFFING + 3;
const RULES: u8 = DECISIONS + Decision::ALL.len() as u8;
const FIELDS: u8 = RULES + Rule::ALL.len() as u8;
const _: () = assert!(FIELDS as usize + Field::ALL.len() == KEYS.len());

/// The code of an absent `staffing`.
pub const NONE: u8 = u8::MAX;
/// Flag: the level was inferred.
pub const LEVEL_INFERRED: u8 = 1;
/// Flag: the user overrode the decision.
pub const OVERRIDDEN: u8 = 2;
/// Flag: `reads` is present (two numbers).
pub const HAS_READS: u8 = 4;
/// Flag: `costPerRead` is present (two numbers).
pub const HAS_COST_PER_READ: u8 = 8;

/// The code of each enum value: its index in [`KEYS`].
pub fn level(level: Level) -> u8 {
    level as u8
}

/// See [`level`].
pub fn platform(platform: Platform) -> u8 {
    PLATFORMS + platform as u8
}

/// See [`level`].
pub fn staffing(staffing: Staffing) -> u8 {
    STAFFING + staffing as u8
}

/// See [`level`].
pub fn decision(decision: Decision) -> u8 {
    DECISIONS + decision as u8
}

/// See [`level`].
pub fn rule(rule: Rule) -> u8 {
    RULES + rule as u8
}

/// See [`level`].
pub fn field(field: Field) -> u8 {
    FIELDS + field as u8
}

/// Accounts written in columns (see the module's documentation).
#[derive(Clone, Debug, Default)]
pub struct Columns {
    /// The strings, one after another.
    pub text: String,
    /// Where each string of `text` ends, in UTF-16 units.
    pub ends: Vec<u32>,
    /// The numbers.
    pub numbers: Vec<f64>,
    /// The flags, enums and assumed fields.
    pub codes: Vec<u8>,
    /// `text`'s length in UTF-16 units so far.
    length: u32,
}

impl Columns {
    /// Empty columns, with room for `accounts` accounts.
    pub fn with_capacity(accounts: usize) -> Columns {
        Columns {
            text: String::with_capacity(accounts * 64),
            ends: Vec::with_capacity(accounts * 4),
            numbers: Vec::with_capacity(accounts * 13),
            codes: Vec::with_capacity(accounts * 8),
            length: 0,
        }
    }

    /// Adds one account, in [`AccountView`]'s order.
    pub fn push(&mut self, view: &AccountView) {
        let mut flags = 0;
        for (set, flag) in [
            (view.level_inferred, LEVEL_INFERRED),
            (view.overridden, OVERRIDDEN),
            (view.reads.is_some(), HAS_READS),
            (view.cost_per_read.is_some(), HAS_COST_PER_READ),
        ] {
            if set {
                flags |= flag;
            }
        }
        self.codes.push(flags);
        self.codes.extend([
            level(view.level),
            platform(view.platform),
            view.staffing.map_or(NONE, staffing),
            decision(view.decision),
            rule(view.rule),
            decision(view.recommended),
        ]);
        // A list has at most 16 fields: the count fits a byte.
        self.codes.push(view.assumed.len() as u8);
        self.codes.extend(view.assumed.iter().map(|&f| field(f)));

        for text in [view.name, view.unit, &view.reason, view.merge_into] {
            self.text.push_str(text);
            self.length += text.encode_utf16().count() as u32;
            self.ends.push(self.length);
        }

        self.numbers.push(view.row as f64);
        for span in [
            view.posts_per_week,
            view.hours_per_post,
            view.hours,
            view.hours_freed,
            view.added_load,
        ] {
            self.span(span);
        }
        self.numbers
            .extend([fen(view.cash.midpoint()), fen(view.cash_saved.midpoint())]);
        if let Some(reads) = view.reads {
            self.span(reads);
        }
        if let Some(cost) = view.cost_per_read {
            self.numbers.extend([fen(cost.low), fen(cost.high)]);
        }
    }

    fn span(&mut self, span: Span) {
        self.numbers.extend([span.low.to_f64(), span.high.to_f64()]);
    }
}
