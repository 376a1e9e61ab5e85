//! Plans: what an estimate is of. A plan has a name, an ordered list of
//! rules from the catalogue (the order is precedence; a rule not listed is
//! off), the assumptions with their thresholds, the decisions set by hand,
//! and optionally the county's main account by name.
//!
//! The page holds up to [`MAX_PLANS`] and compares them side by side; it
//! starts from the three [`Preset`]s.

use std::fmt;

use serde::Serialize;

use crate::account::{Decision, Platform};
use crate::assumptions::{Assumptions, AssumptionsInput};
use crate::date::Date;
use crate::lang::Lang;
use crate::overrides::Overrides;
use crate::rules::Rule;

/// The most plans compared at once: four columns still fit a page.
pub const MAX_PLANS: usize = 4;

/// A plan.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The plan's name as the user gave it.
    pub name: String,
    /// Its rules, in order of precedence.
    pub rules: Rules,
    /// The assumptions and thresholds.
    pub assumptions: Assumptions,
    /// Decisions set by hand, by account.
    pub overrides: Overrides,
    /// The county's main account by name, for [`Rule::BelowCounty`];
    /// empty to let the rule find it.
    pub main_account: String,
}

/// Equal plans: the same name, and [`Plan::estimates_like`].
impl PartialEq for Plan {
    fn eq(&self, other: &Plan) -> bool {
        self.name == other.name && self.estimates_like(other)
    }
}

impl Plan {
    /// True when `other` estimates any list as this plan does: the same in
    /// everything but the name, which no figure depends on.
    pub fn estimates_like(&self, other: &Plan) -> bool {
        // Spelt out, so that a field added to `Plan` must be placed here.
        let Plan {
            name: _,
            rules,
            assumptions,
            overrides,
            main_account,
        } = self;
        *rules == other.rules
            && *assumptions == other.assumptions
            && *overrides == other.overrides
            && *main_account == other.main_account
    }

    /// A plan of the default rules (SPEC §4) under `assumptions`.
    pub fn new(assumptions: Assumptions) -> Plan {
        Plan {
            assumptions,
            ..Plan::default()
        }
    }

    /// The same plan with these decisions set by hand.
    pub fn with_overrides(self, overrides: Overrides) -> Plan {
        Plan { overrides, ..self }
    }

    /// The same plan with these rules.
    pub fn with_rules(self, rules: Rules) -> Plan {
        Plan { rules, ..self }
    }

    /// The one date dormancy is measured to: the as-of date the user set,
    /// else `today`, which the caller supplies because the core has no
    /// clock.
    pub fn as_of(&self, today: Date) -> Date {
        self.assumptions.as_of_or(today)
    }
}

/// A plan's rules: catalogue rules, each at most once, in order of
/// precedence. Made only through [`Rules::new`], so an estimate never meets
/// a list with `given` or a rule twice.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rules(Vec<Rule>);

/// Why a list of rules was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesError {
    /// A name that is no rule of the catalogue.
    Unknown(String),
    /// A rule listed twice.
    Repeated(Rule),
}

impl Rules {
    /// The rules, in order; refused if one is not in the catalogue or is
    /// listed twice.
    pub fn new(rules: impl IntoIterator<Item = Rule>) -> Result<Rules, RulesError> {
        let mut list: Vec<Rule> = Vec::new();
        for rule in rules {
            if !Rule::CATALOGUE.contains(&rule) {
                return Err(RulesError::Unknown(rule.key().to_string()));
            }
            if list.contains(&rule) {
                return Err(RulesError::Repeated(rule));
            }
            list.push(rule);
        }
        Ok(Rules(list))
    }

    /// The rules their keys name (`["dormant", "lowReach"]`).
    pub fn from_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> Result<Rules, RulesError> {
        let rules = keys
            .into_iter()
            .map(|key| {
                Rule::from_key(key)
                    .filter(|rule| Rule::CATALOGUE.contains(rule))
                    .ok_or_else(|| RulesError::Unknown(key.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Rules::new(rules)
    }

    /// The rules, in order of precedence.
    pub fn as_slice(&self) -> &[Rule] {
        &self.0
    }

    /// True when the plan uses `rule`.
    pub fn contains(&self, rule: Rule) -> bool {
        self.0.contains(&rule)
    }

    /// The rules with `rule` turned off, or on. A rule turned on takes its
    /// place in [`NATURAL_ORDER`] among the others: before the first rule
    /// listed that comes after it there.
    pub fn toggled(&self, rule: Rule) -> Rules {
        let mut list = self.0.clone();
        if let Some(at) = list.iter().position(|&r| r == rule) {
            list.remove(at);
        } else if Rule::CATALOGUE.contains(&rule) {
            let rank = |r: Rule| NATURAL_ORDER.iter().position(|&n| n == r);
            let at = list
                .iter()
                .position(|&r| rank(r) > rank(rule))
                .unwrap_or(list.len());
            list.insert(at, rule);
        }
        Rules(list)
    }

    /// The rules with `rule` moved one place earlier (higher precedence),
    /// if it is listed and not first.
    pub fn raised(&self, rule: Rule) -> Rules {
        let mut list = self.0.clone();
        if let Some(at) = list.iter().position(|&r| r == rule).filter(|&at| at > 0) {
            list.swap(at - 1, at);
        }
        Rules(list)
    }

    /// The keys of the rules, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|rule| rule.key())
    }
}

/// The order rules take when turned on one by one: what an account's own
/// row shows first (silence, no interaction, reach), then villages, value,
/// and last the rules that regroup what is left.
pub const NATURAL_ORDER: [Rule; 7] = [
    Rule::Dormant,
    Rule::NoInteraction,
    Rule::LowReach,
    Rule::Village,
    Rule::PoorValue,
    Rule::Duplicate,
    Rule::BelowCounty,
];

impl Default for Rules {
    /// The default plan of SPEC §4: dormant, low reach, village, poor value.
    fn default() -> Rules {
        Rules(vec![
            Rule::Dormant,
            Rule::LowReach,
            Rule::Village,
            Rule::PoorValue,
        ])
    }
}

impl RulesError {
    /// What is wrong, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let known = Rule::CATALOGUE.map(Rule::key).join(", ");
        match (self, lang) {
            (RulesError::Unknown(key), Lang::Zh) => {
                format!("没有名为“{key}”的规则；可用的规则：{known}")
            }
            (RulesError::Unknown(key), Lang::En) => {
                format!("There is no rule named \"{key}\"; the rules are: {known}")
            }
            (RulesError::Repeated(rule), Lang::Zh) => format!("规则“{}”列了两次", rule.key()),
            (RulesError::Repeated(rule), Lang::En) => {
                format!("The rule \"{}\" is listed twice", rule.key())
            }
        }
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RulesError {}

/// The plans the page starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 稳妥: only the veto items of the 2019 inspection, dormant and no
    /// interaction.
    Cautious,
    /// 推荐: the default rules of SPEC §4, the article's own.
    Recommended,
    /// 彻底: every rule, duplicates and the county's main account too.
    Thorough,
}

impl Preset {
    /// The presets, in the order the page shows them.
    pub const ALL: [Preset; 3] = [Preset::Cautious, Preset::Recommended, Preset::Thorough];

    /// The preset the page shows first: the default rules.
    pub const CURRENT: usize = 1;

    /// The preset's name.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Preset::Cautious => lang.pick("稳妥", "Cautious"),
            Preset::Recommended => lang.pick("推荐", "Recommended"),
            Preset::Thorough => lang.pick("彻底", "Thorough"),
        }
    }

    /// The preset's rules.
    pub fn rules(self) -> Rules {
        match self {
            Preset::Cautious => Rules(vec![Rule::Dormant, Rule::NoInteraction]),
            Preset::Recommended => Rules::default(),
            Preset::Thorough => Rules(NATURAL_ORDER.to_vec()),
        }
    }

    /// The preset as a plan under `assumptions`.
    pub fn plan(self, assumptions: Assumptions, lang: Lang) -> Plan {
        Plan {
            name: self.name(lang).to_string(),
            rules: self.rules(),
            ..Plan::new(assumptions)
        }
    }
}

/// The three presets under `assumptions`, named in `lang`.
pub fn presets(assumptions: Assumptions, lang: Lang) -> Vec<Plan> {
    Preset::ALL
        .into_iter()
        .map(|preset| preset.plan(assumptions, lang))
        .collect()
}

/// The plans on the page: one to [`MAX_PLANS`], one of them current (the
/// one the headline and the table show, and the one edited).
#[derive(Clone, Debug, PartialEq)]
pub struct Plans {
    list: Vec<Plan>,
    current: usize,
}

impl Plans {
    /// The three presets, the recommended one current.
    pub fn presets(assumptions: Assumptions, lang: Lang) -> Plans {
        Plans {
            list: presets(assumptions, lang),
            current: Preset::CURRENT,
        }
    }

    /// The plans of `list`, `current` current; `None` unless there are one
    /// to [`MAX_PLANS`] and `current` is one of them.
    pub fn new(list: Vec<Plan>, current: usize) -> Option<Plans> {
        let fits = (1..=MAX_PLANS).contains(&list.len()) && current < list.len();
        fits.then_some(Plans { list, current })
    }

    /// The plans, in order.
    pub fn list(&self) -> &[Plan] {
        &self.list
    }

    /// Which plan is current.
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The current plan.
    pub fn current(&self) -> &Plan {
        &self.list[self.current]
    }

    /// The current plan, to edit.
    pub fn current_mut(&mut self) -> &mut Plan {
        &mut self.list[self.current]
    }

    /// Every plan, to edit what they share (the as-of date, the overrides
    /// a new list clears).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Plan> {
        self.list.iter_mut()
    }

    /// Makes the plan at `at` current, if there is one.
    pub fn choose(&mut self, at: usize) {
        if at < self.list.len() {
            self.current = at;
        }
    }

    /// Adds a copy of the current plan, named `方案N` (N its place), and
    /// makes it current; false when there are [`MAX_PLANS`] already.
    pub fn add(&mut self, lang: Lang) -> bool {
        if self.list.len() >= MAX_PLANS {
            return false;
        }
        let plan = Plan {
            name: numbered(self.list.len() + 1, lang),
            ..self.current().clone()
        };
        self.list.push(plan);
        self.current = self.list.len() - 1;
        true
    }

    /// Removes the plan at `at`; false for the last plan left, which stays.
    pub fn remove(&mut self, at: usize) -> bool {
        if self.list.len() < 2 || at >= self.list.len() {
            return false;
        }
        self.list.remove(at);
        if self.current > at || self.current == self.list.len() {
            self.current = self.current.saturating_sub(1);
        }
        true
    }

    /// Renames the plan at `at`.
    pub fn rename(&mut self, at: usize, name: &str) {
        if let Some(plan) = self.list.get_mut(at) {
            plan.name = name.to_string();
        }
    }

    /// Puts the names the page gave into `to`: a preset's name or a
    /// numbered one (`方案4`) as the page writes it in `from` becomes the
    /// same name in `to`, so that switching the language does not leave
    /// the plans named in the other one. A name the user typed stays as
    /// typed.
    pub fn translate_names(&mut self, from: Lang, to: Lang) {
        for plan in &mut self.list {
            let preset = Preset::ALL.into_iter().find(|p| p.name(from) == plan.name);
            let name = match preset {
                Some(preset) => preset.name(to).to_string(),
                None => match number_of(&plan.name, from) {
                    Some(number) => numbered(number, to),
                    None => continue,
                },
            };
            plan.name = name;
        }
    }

    /// The plans as a plan file and the saved record write them.
    pub fn record(&self) -> PlansRecord<'_> {
        PlansRecord {
            jianfu: PLANS_FILE,
            version: PLANS_VERSION,
            current: self.current,
            plans: self.list.iter().map(Plan::record).collect(),
        }
    }
}

/// What a plan file says it is: `{"jianfu": "plans", …}`.
pub const PLANS_FILE: &str = "plans";

/// The version of the plan file's shape.
pub const PLANS_VERSION: u32 = 1;

/// A set of plans as a file holds it, and as the saved record does: small
/// JSON that opens on another machine to the same figures. Each plan is in
/// the shape the JS API's `compare` takes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlansRecord<'a> {
    /// Always [`PLANS_FILE`].
    pub jianfu: &'static str,
    /// [`PLANS_VERSION`].
    pub version: u32,
    /// Which plan is current.
    pub current: usize,
    /// The plans.
    pub plans: Vec<PlanRecord<'a>>,
}

/// The name the page gives a plan it adds at place `number`: `方案4`,
/// `Plan 4`.
fn numbered(number: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("方案{number}"),
        Lang::En => format!("Plan {number}"),
    }
}

/// The place in a name as [`numbered`] writes it in `lang`, if it is one.
fn number_of(name: &str, lang: Lang) -> Option<usize> {
    (1..=MAX_PLANS).find(|&number| numbered(number, lang) == name)
}

/// A plan as `compare` takes it: `{ name, rules: ["dormant", …],
/// assumptions, overrides: [{ name, unit, platform, occurrence, decision }],
/// mainAccount? }`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRecord<'a> {
    /// The name.
    pub name: &'a str,
    /// The rules' keys, in order.
    pub rules: Vec<&'static str>,
    /// The assumptions, in the JS API's shape.
    pub assumptions: AssumptionsInput,
    /// The decisions set by hand.
    pub overrides: Vec<OverrideRecord<'a>>,
    /// The county's main account, when named.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub main_account: &'a str,
}

/// One decision set by hand: the account's key and the decision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OverrideRecord<'a> {
    /// The account's name.
    pub name: &'a str,
    /// Its unit.
    pub unit: &'a str,
    /// Its platform.
    pub platform: Platform,
    /// Which of its true duplicates (0 for nearly every account).
    pub occurrence: usize,
    /// The decision.
    pub decision: Decision,
}

impl Plan {
    /// The plan as a plan file holds it.
    pub fn record(&self) -> PlanRecord<'_> {
        PlanRecord {
            name: &self.name,
            rules: self.rules.keys().collect(),
            assumptions: AssumptionsInput::from(&self.assumptions),
            overrides: self
                .overrides
                .iter()
                .map(|(key, decision)| OverrideRecord {
                    name: &key.name,
                    unit: &key.unit,
                    platform: key.platform,
                    occurrence: key.occurrence,
                    decision,
                })
                .collect(),
            main_account: &self.main_account,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_read_from_their_keys_in_order() {
        let rules = Rules::from_keys(["lowReach", "dormant"]).unwrap();
        assert_eq!(rules.as_slice(), [Rule::LowReach, Rule::Dormant]);
        assert_eq!(rules.keys().collect::<Vec<_>>(), ["lowReach", "dormant"]);
        assert_eq!(
            Rules::from_keys(["dormant", "sleepy"]),
            Err(RulesError::Unknown("sleepy".into()))
        );
        // `given` and `default` are what decided an account, not rules a
        // plan can list.
        assert_eq!(
            Rules::from_keys(["given"]),
            Err(RulesError::Unknown("given".into()))
        );
        assert_eq!(
            Rules::from_keys(["dormant", "dormant"]),
            Err(RulesError::Repeated(Rule::Dormant))
        );
        assert!(RulesError::Unknown("sleepy".into())
            .message(Lang::Zh)
            .starts_with("没有名为“sleepy”的规则"));
    }

    #[test]
    fn a_rule_turned_on_takes_its_natural_place() {
        // Default: dormant, lowReach, village, poorValue. noInteraction goes
        // after dormant; duplicate after poorValue.
        let rules = Rules::default().toggled(Rule::NoInteraction);
        assert_eq!(
            rules.as_slice(),
            [
                Rule::Dormant,
                Rule::NoInteraction,
                Rule::LowReach,
                Rule::Village,
                Rule::PoorValue
            ]
        );
        let rules = rules.toggled(Rule::Duplicate).toggled(Rule::LowReach);
        assert_eq!(
            rules.as_slice(),
            [
                Rule::Dormant,
                Rule::NoInteraction,
                Rule::Village,
                Rule::PoorValue,
                Rule::Duplicate
            ]
        );
        // Raised: duplicate before poorValue; the first rule stays first.
        let rules = rules.raised(Rule::Duplicate).raised(Rule::Dormant);
        assert_eq!(rules.as_slice()[3], Rule::Duplicate);
        assert_eq!(rules.as_slice()[0], Rule::Dormant);
    }

    #[test]
    fn plans_hold_one_to_four_and_one_is_current() {
        let mut plans = Plans::presets(Assumptions::default(), Lang::Zh);
        assert_eq!(plans.current().name, "推荐");
        // A fourth plan is a copy of the current one, and becomes current.
        assert!(plans.add(Lang::Zh));
        assert_eq!(plans.current_index(), 3);
        assert_eq!(plans.current().name, "方案4");
        assert_eq!(plans.current().rules, Rules::default());
        // No fifth.
        assert!(!plans.add(Lang::Zh));
        // Removing a plan before the current one keeps the same plan
        // current.
        assert!(plans.remove(0));
        assert_eq!(plans.current().name, "方案4");
        // Removing the current (last) plan makes the one before current.
        assert!(plans.remove(2));
        assert_eq!(plans.current().name, "彻底");
        assert!(plans.remove(0));
        // The last plan stays.
        assert!(!plans.remove(0));
        assert_eq!(plans.list().len(), 1);
        plans.rename(0, "县里的方案");
        assert_eq!(plans.current().name, "县里的方案");
        assert!(Plans::new(Vec::new(), 0).is_none());
        assert!(Plans::new(vec![Plan::default()], 1).is_none());
    }

    #[test]
    fn a_plan_renamed_estimates_like_itself_and_nothing_else_does() {
        let plan = Preset::Recommended.plan(Assumptions::default(), Lang::Zh);
        let renamed = Plan {
            name: "县里的方案".into(),
            ..plan.clone()
        };
        assert!(renamed.estimates_like(&plan));
        assert_ne!(renamed, plan);
        // Each other field makes another estimate.
        let others = [
            Plan {
                rules: Preset::Cautious.rules(),
                ..plan.clone()
            },
            Plan {
                assumptions: Assumptions {
                    dormant_days: crate::num::Span::point(crate::num::Num::int(30)),
                    ..Assumptions::default()
                },
                ..plan.clone()
            },
            plan.clone().with_overrides(
                [(
                    crate::overrides::AccountKey {
                        name: "甲".into(),
                        unit: String::new(),
                        platform: Platform::Wechat,
                        occurrence: 0,
                    },
                    Decision::Keep,
                )]
                .into_iter()
                .collect(),
            ),
            Plan {
                main_account: "县发布".into(),
                ..plan.clone()
            },
        ];
        for other in &others {
            assert!(!other.estimates_like(&plan), "{other:?}");
        }
    }

    #[test]
    fn the_names_the_page_gave_follow_the_language() {
        let mut plans = Plans::presets(Assumptions::default(), Lang::Zh);
        assert!(plans.add(Lang::Zh));
        plans.rename(0, "县里的方案");
        plans.translate_names(Lang::Zh, Lang::En);
        let names = |plans: &Plans| -> Vec<String> {
            plans.list().iter().map(|p| p.name.clone()).collect()
        };
        // The name typed stays; the preset and the numbered plan follow.
        assert_eq!(
            names(&plans),
            ["县里的方案", "Recommended", "Thorough", "Plan 4"]
        );
        plans.translate_names(Lang::En, Lang::Zh);
        assert_eq!(names(&plans), ["县里的方案", "推荐", "彻底", "方案4"]);
        // Names that only look like the page's stay as typed.
        for typed in ["方案04", "方案+4", "方案5", "方案", "Plan 4", "推荐 "] {
            plans.rename(0, typed);
            plans.translate_names(Lang::Zh, Lang::En);
            assert_eq!(plans.list()[0].name, typed);
            plans.translate_names(Lang::En, Lang::Zh);
        }
        // Switching to the language already shown changes nothing.
        let before = plans.clone();
        plans.translate_names(Lang::Zh, Lang::Zh);
        assert_eq!(plans, before);
    }

    #[test]
    fn presets() {
        let plans = super::presets(Assumptions::default(), Lang::Zh);
        let names: Vec<_> = plans.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["稳妥", "推荐", "彻底"]);
        assert_eq!(plans[Preset::CURRENT].rules, Rules::default());
        assert_eq!(plans[2].rules.as_slice().len(), Rule::CATALOGUE.len());
    }
}
