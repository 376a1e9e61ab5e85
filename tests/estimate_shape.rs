//! The shapes the JS API hands to intranet pages (SPEC §6): field names,
//! enum spellings, ranges as `{low, high}` and money rounded to fen.
//!
//! serde-wasm-bindgen turns structs into plain objects, unit variants into
//! strings and `None` into `undefined`. The small [`Value`] serializer below
//! does the same natively, so the shapes are checked without a browser.

mod common;
use common::{as_of, int};

use std::collections::BTreeMap;

use jianfu::core::account::{Account, Decision, Level, Staffing};
use jianfu::core::assumptions::{Assumption, Assumptions, AssumptionsInput};
use jianfu::core::estimate::{estimate, AccountKey, Overrides};
use jianfu::core::lang::Lang;
use jianfu::core::num::{Num, Span};
use jianfu::core::plan::Plan;
use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{Deserialize, Deserializer, IntoDeserializer, Visitor};
use serde::ser::{Impossible, Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

/// A JavaScript value, as serde-wasm-bindgen would build it.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

impl Value {
    fn of(value: &impl Serialize) -> Value {
        value.serialize(ToValue).expect("serializable")
    }

    fn get(&self, key: &str) -> &Value {
        match self {
            Value::Object(map) => map.get(key).unwrap_or(&Value::Null),
            _ => &Value::Null,
        }
    }

    fn keys(&self) -> Vec<&str> {
        match self {
            Value::Object(map) => map.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    fn num(&self) -> f64 {
        match self {
            Value::Num(n) => *n,
            other => panic!("not a number: {other:?}"),
        }
    }

    fn str(&self) -> &str {
        match self {
            Value::Str(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    fn is_range(&self) -> bool {
        self.keys() == ["high", "low"]
            && matches!(self.get("low"), Value::Num(_))
            && matches!(self.get("high"), Value::Num(_))
    }
}

struct ToValue;

struct ListBuilder(Vec<Value>);

struct ObjectBuilder(BTreeMap<String, Value>, Option<String>);

impl Serializer for ToValue {
    type Ok = Value;
    type Error = Error;
    type SerializeSeq = ListBuilder;
    type SerializeTuple = Impossible<Value, Error>;
    type SerializeTupleStruct = Impossible<Value, Error>;
    type SerializeTupleVariant = Impossible<Value, Error>;
    type SerializeMap = ObjectBuilder;
    type SerializeStruct = ObjectBuilder;
    type SerializeStructVariant = Impossible<Value, Error>;

    fn serialize_bool(self, v: bool) -> Result<Value, Error> {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Error> {
        Ok(Value::Num(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Error> {
        Ok(Value::Num(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Error> {
        Ok(Value::Num(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Error> {
        Ok(Value::Num(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, Error> {
        Ok(Value::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Error> {
        Ok(Value::Str(v.to_string()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Value, Error> {
        Err(serde::ser::Error::custom("bytes"))
    }
    fn serialize_none(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Value, Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Value, Error> {
        Ok(Value::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Value, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Value, Error> {
        Err(serde::ser::Error::custom("newtype variant"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<ListBuilder, Error> {
        Ok(ListBuilder(Vec::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(serde::ser::Error::custom("tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(serde::ser::Error::custom("tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(serde::ser::Error::custom("tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<ObjectBuilder, Error> {
        Ok(ObjectBuilder(BTreeMap::new(), None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<ObjectBuilder, Error> {
        Ok(ObjectBuilder(BTreeMap::new(), None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(serde::ser::Error::custom("struct variant"))
    }
}

impl SerializeSeq for ListBuilder {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.0.push(v.serialize(ToValue)?);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::List(self.0))
    }
}

impl SerializeMap for ObjectBuilder {
    type Ok = Value;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        match key.serialize(ToValue)? {
            Value::Str(key) => {
                self.1 = Some(key);
                Ok(())
            }
            _ => Err(serde::ser::Error::custom("non-string key")),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self.1.take().unwrap_or_default();
        self.0.insert(key, v.serialize(ToValue)?);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Object(self.0))
    }
}

impl SerializeStruct for ObjectBuilder {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.0.insert(key.to_string(), v.serialize(ToValue)?);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Object(self.0))
    }
}

/// Reading a [`Value`] back, as serde-wasm-bindgen reads a JS object.
impl<'de> Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Num(n) => visitor.visit_f64(n),
            Value::Str(s) => visitor.visit_string(s),
            Value::List(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Value::Object(map) => visitor.visit_map(MapDeserializer::new(map.into_iter())),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl IntoDeserializer<'_, Error> for Value {
    type Deserializer = Value;
    fn into_deserializer(self) -> Value {
        self
    }
}

fn object(entries: &[(&str, Value)]) -> Value {
    Value::Object(
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

fn sample() -> Vec<Account> {
    // Closed for low reach; fee a third of a yuan over ¥10,000 to check
    // rounding to fen.
    let mut closed = Account::named(2, "某局发布");
    closed.unit = "长兴县某局".into();
    closed.followers = int(856).into();
    closed.staffing = Some(Staffing::Outsourced);
    closed.outsourcing_fee = Span::point(Num::ratio(30_001, 3).unwrap()).into();
    // Merged: a village with posts and hours per post given.
    let mut merged = Account::named(3, "青草坞村");
    merged.level = Level::Village;
    merged.followers = int(1500).into();
    merged.posts_per_week = int(1).into();
    merged.hours_per_post = int(2).into();
    // Kept: nothing known but its name and a large following.
    let mut kept = Account::named(4, "某镇发布");
    kept.level = Level::Township;
    kept.level_inferred = false;
    kept.followers = int(5000).into();
    vec![closed, merged, kept]
}

#[test]
fn summary_has_the_fields_of_spec_section_6() {
    let e = estimate(&sample(), &Plan::new(Assumptions::default()), as_of());
    let v = Value::of(&e.view(Lang::Zh));
    assert_eq!(v.keys(), ["accounts", "summary"]);
    let s = v.get("summary");
    for key in [
        "accountsTotal",
        "accountsShut",
        "accountsClosed",
        "accountsMerged",
        "accountsKept",
        "cashSaved",
    ] {
        assert!(
            matches!(s.get(key), Value::Num(_)),
            "{key}: {:?}",
            s.get(key)
        );
    }
    for key in ["hoursFreed", "fteFreed", "staffValue"] {
        assert!(s.get(key).is_range(), "{key}: {:?}", s.get(key));
    }
    assert_eq!(s.get("accountsTotal").num(), 3.0);
    assert_eq!(s.get("accountsShut").num(), 2.0);
    assert_eq!(s.get("byLevel").keys(), ["county", "township", "village"]);
    for level in ["county", "township", "village"] {
        let l = s.get("byLevel").get(level);
        for key in ["before", "after", "cashSaved"] {
            assert!(matches!(l.get(key), Value::Num(_)), "{level}.{key}");
        }
        assert!(l.get("hoursFreed").is_range(), "{level}.hoursFreed");
    }
    // ¥30,001 / 3 = ¥10,000.333… is sent as 10000.33.
    assert_eq!(s.get("cashSaved").num(), 10_000.33);
    assert_eq!(
        s.get("byLevel").get("county").get("cashSaved").num(),
        10_000.33
    );
    // Merged: 1 × 52 × 2 = 104 h, 72.8 h freed; closed: 2–3 × 52 × 2–3 =
    // 208–468 h. Total freed 280.8–540.8 h.
    let freed = s.get("hoursFreed");
    assert_eq!(
        (freed.get("low").num(), freed.get("high").num()),
        (280.8, 540.8)
    );
}

#[test]
fn accounts_have_the_fields_of_spec_section_6() {
    let e = estimate(&sample(), &Plan::new(Assumptions::default()), as_of());
    let v = Value::of(&e.view(Lang::Zh));
    let Value::List(accounts) = v.get("accounts") else {
        panic!("accounts is a list");
    };
    assert_eq!(accounts.len(), 3);
    for a in accounts {
        for key in [
            "row",
            "name",
            "unit",
            "level",
            "levelInferred",
            "decision",
            "rule",
            "reason",
            "hours",
            "hoursFreed",
            "cash",
            "cashSaved",
            "assumed",
        ] {
            assert!(a.keys().contains(&key), "{key} missing from {:?}", a.keys());
        }
        assert!(a.get("hours").is_range());
        assert!(a.get("hoursFreed").is_range());
        assert!(matches!(a.get("cash"), Value::Num(_)));
        assert!(matches!(a.get("cashSaved"), Value::Num(_)));
    }
    let closed = &accounts[0];
    assert_eq!(closed.get("row").num(), 2.0);
    assert_eq!(closed.get("name").str(), "某局发布");
    assert_eq!(closed.get("unit").str(), "长兴县某局");
    assert_eq!(closed.get("level").str(), "county");
    assert_eq!(closed.get("levelInferred"), &Value::Bool(true));
    assert_eq!(closed.get("decision").str(), "close");
    assert_eq!(closed.get("rule").str(), "lowReach");
    assert_eq!(
        closed.get("reason").str(),
        "粉丝数856，低于1000（依据：国办发〔2018〕123号）"
    );
    assert_eq!(closed.get("cash").num(), 10_000.33);
    assert_eq!(closed.get("cashSaved").num(), 10_000.33);
    assert_eq!(
        closed.get("assumed"),
        &Value::List(vec![
            Value::Str("postsPerWeek".into()),
            Value::Str("hoursPerPost".into())
        ])
    );
    let merged = &accounts[1];
    assert_eq!(
        (merged.get("decision").str(), merged.get("rule").str()),
        ("merge", "village")
    );
    assert_eq!(merged.get("level").str(), "village");
    assert_eq!(merged.get("assumed"), &Value::List(vec![]));
    // 104 h × 0.3 = 31.2 h to the township's account.
    assert_eq!(merged.get("addedLoad").get("low").num(), 31.2);
    let kept = &accounts[2];
    assert_eq!(
        (kept.get("decision").str(), kept.get("rule").str()),
        ("keep", "default")
    );
    assert_eq!(kept.get("levelInferred"), &Value::Bool(false));
    assert_eq!(kept.get("cashSaved").num(), 0.0);
}

#[test]
fn the_reason_follows_the_language() {
    let e = estimate(&sample(), &Plan::new(Assumptions::default()), as_of());
    let en = Value::of(&e.view(Lang::En));
    let Value::List(accounts) = en.get("accounts") else {
        panic!("accounts is a list");
    };
    assert_eq!(
        accounts[0].get("reason").str(),
        "856 followers, below 1,000 (source: 国办发〔2018〕123号)"
    );
}

#[test]
fn given_and_overridden_decisions_are_rule_given() {
    let mut accounts = sample();
    accounts[2].decision = Some(Decision::Close);
    let mut overrides = Overrides::new();
    overrides.insert(AccountKey::of(&accounts[0], 0), Decision::Keep);
    let e = estimate(
        &accounts,
        &Plan::new(Assumptions::default()).with_overrides(overrides.clone()),
        as_of(),
    );
    let v = Value::of(&e.view(Lang::En));
    let Value::List(accounts) = v.get("accounts") else {
        panic!("accounts is a list");
    };
    assert_eq!(accounts[0].get("rule").str(), "given");
    assert_eq!(accounts[0].get("overridden"), &Value::Bool(true));
    assert_eq!(accounts[0].get("recommended").str(), "close");
    assert_eq!(accounts[2].get("rule").str(), "given");
    assert_eq!(accounts[2].get("decision").str(), "close");
    assert_eq!(accounts[2].get("overridden"), &Value::Bool(false));
}

#[test]
fn assumptions_input_reads_camel_case_numbers_and_ranges() {
    let input = object(&[
        (
            "hoursPerPost",
            Value::List(vec![Value::Num(1.5), Value::Num(4.0)]),
        ),
        ("postsPerWeek", Value::Num(3.0)),
        ("weeksPerYear", Value::Num(50.0)),
        (
            "fteHours",
            Value::List(vec![Value::Num(1800.0), Value::Num(2200.0)]),
        ),
        ("hourlyCost", Value::Num(80.0)),
        ("mergeShare", Value::Num(0.3)),
        ("followersThreshold", Value::Num(500.0)),
        ("dormantDays", Value::Num(30.0)),
        ("costPerReadThreshold", Value::Num(0.5)),
        ("asOf", Value::Str("2019-04-19".into())),
        ("somethingNew", Value::Str("ignored".into())),
    ]);
    let input = AssumptionsInput::deserialize(input).expect("readable");
    let a = input.apply(Assumptions::default()).expect("valid");
    assert_eq!(
        a.hours_per_post,
        Span::new(Num::ratio(3, 2).unwrap(), Num::int(4))
    );
    assert_eq!(a.posts_per_week, int(3));
    assert_eq!(a.weeks_per_year, int(50));
    assert_eq!(a.fte_hours, Span::new(Num::int(1800), Num::int(2200)));
    assert_eq!(a.hourly_cost, int(80));
    assert_eq!(a.merge_share, Span::point(Num::ratio(3, 10).unwrap()));
    assert_eq!(a.followers_threshold, int(500));
    assert_eq!(a.dormant_days, int(30));
    assert_eq!(
        a.cost_per_read_threshold,
        Span::point(Num::ratio(1, 2).unwrap())
    );
    assert_eq!(a.as_of, Some(as_of()));
}

#[test]
fn assumptions_input_may_be_empty_or_null_and_errors_name_the_assumption() {
    let empty = AssumptionsInput::deserialize(object(&[])).expect("readable");
    assert_eq!(
        empty.apply(Assumptions::default()),
        Ok(Assumptions::default())
    );
    let nulls =
        AssumptionsInput::deserialize(object(&[("hourlyCost", Value::Null)])).expect("readable");
    assert_eq!(
        nulls.apply(Assumptions::default()),
        Ok(Assumptions::default())
    );

    let bad = AssumptionsInput::deserialize(object(&[("mergeShare", Value::Num(30.0))]))
        .expect("readable");
    let error = bad.apply(Assumptions::default()).unwrap_err();
    assert_eq!(error.assumption(), Assumption::MergeShare);
    assert!(error.message(Lang::Zh).contains("0到1之间"));
}

#[test]
fn assumptions_serialize_as_ranges() {
    let v = Value::of(&Assumptions::default());
    assert!(v.get("hoursPerPost").is_range());
    assert_eq!(v.get("mergeShare").get("low").num(), 0.3);
    assert_eq!(v.get("asOf"), &Value::Null);
}

#[test]
fn assumptions_input_serializes_to_the_shape_it_reads() {
    let only_cost = AssumptionsInput {
        hourly_cost: Some(80.0.into()),
        ..AssumptionsInput::default()
    };
    let v = Value::of(&only_cost);
    assert_eq!(v.keys(), ["hourlyCost"]);
    assert_eq!(v.get("hourlyCost").num(), 80.0);

    let all = Value::of(&AssumptionsInput::from(&Assumptions::default()));
    assert_eq!(
        all.get("hoursPerPost"),
        &Value::List(vec![Value::Num(2.0), Value::Num(3.0)])
    );
    assert_eq!(all.get("mergeShare").num(), 0.3);
    assert!(!all.keys().contains(&"asOf"), "today is not saved");
    // Read back, it gives the defaults again.
    let back = AssumptionsInput::deserialize(all).expect("readable");
    assert_eq!(
        back.apply(Assumptions::default()),
        Ok(Assumptions::default())
    );
}

/// `estimate()`'s accounts travel to JS in columns, their enums as codes
/// into `columns::KEYS`: each code must name what serde writes for it.
/// (Native: `serde_json` is a native dev-dependency.)
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_column_code_names_what_serde_writes() {
    use jianfu::core::account::{Field, Platform};
    use jianfu::core::columns::{self, KEYS};
    use jianfu::core::rules::Rule;

    fn check(value: impl serde::Serialize, code: u8) {
        let written = serde_json::to_value(value).unwrap();
        assert_eq!(written, serde_json::Value::from(KEYS[usize::from(code)]));
    }
    for level in Level::ALL {
        check(level, columns::level(level));
    }
    for platform in Platform::ALL {
        check(platform, columns::platform(platform));
    }
    for staffing in [
        Staffing::PartTime,
        Staffing::Dedicated,
        Staffing::Outsourced,
    ] {
        check(staffing, columns::staffing(staffing));
    }
    for decision in Decision::ALL {
        check(decision, columns::decision(decision));
    }
    for rule in Rule::ALL {
        check(rule, columns::rule(rule));
    }
    for field in Field::ALL {
        check(field, columns::field(field));
    }
    // Every key is some value's: 3 + 9 + 3 + 3 + 9 + 16.
    assert_eq!(KEYS.len(), 43);
}
