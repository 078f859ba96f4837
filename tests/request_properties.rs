//! Property tests of the JSON body parser over request types of every shape:
//! a body serde writes for a value parses back to that value; a body with k
//! problems made at k disjoint places (a value of the wrong type, a
//! required field removed, an unknown field added) is reported as exactly
//! those k problems, with their codes and paths, in body order; and a body
//! with more problems than are listed still counts them all. Bodies the
//! properties found the parser wrong on follow, as plain tests.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use api_error::{ApiError, JsonParser, parse_json};
use proptest::prelude::*;
use proptest::sample::Index;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

#[path = "support/body.rs"]
mod body;

use body::json_headers;

// The request types: structs nested three deep, a list of structs, a map,
// an externally tagged enum, optional, defaulted and renamed fields.

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Order {
    id: u32,
    customer: Customer,
    items: Vec<Item>,
    note: Option<String>,
    #[serde(rename = "paid")]
    is_paid: bool,
    total: f64,
    stock: BTreeMap<String, u8>,
    delivery: Delivery,
    #[serde(default)]
    priority: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Customer {
    full_name: String,
    address: Address,
    phone_numbers: Vec<String>,
    vip: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Address {
    street: String,
    zip: String,
    floor: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    sku: String,
    quantity: u16,
    tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
enum Delivery {
    Pickup,
    Courier(String),
    Post { zip: String, express: bool },
}

// The same types as a schema: what each object of an `Order` body is, and
// which of its fields are required, in declaration order.

/// What a value of the body is.
enum Shape {
    /// A string, number, bool or null.
    Leaf,
    /// A `deny_unknown_fields` struct's object.
    Struct(&'static [Field]),
    /// An array of values of one shape.
    List(&'static Shape),
    /// An object whose every member is a value of one shape.
    Map(&'static Shape),
    /// An externally tagged enum, with the shape of each variant's content:
    /// a unit variant is a string, with nothing inside.
    Variants(&'static [(&'static str, Shape)]),
}

struct Field {
    name: &'static str,
    required: bool,
    shape: Shape,
}

const fn required(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        required: true,
        shape,
    }
}

const fn optional(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        required: false,
        shape,
    }
}

const ORDER: Shape = Shape::Struct(&[
    required("id", Shape::Leaf),
    required("customer", CUSTOMER),
    required("items", Shape::List(&ITEM)),
    optional("note", Shape::Leaf),
    required("paid", Shape::Leaf),
    required("total", Shape::Leaf),
    required("stock", Shape::Map(&Shape::Leaf)),
    required("delivery", DELIVERY),
    optional("priority", Shape::Leaf),
]);

const CUSTOMER: Shape = Shape::Struct(&[
    required("fullName", Shape::Leaf),
    required("address", ADDRESS),
    required("phoneNumbers", Shape::List(&Shape::Leaf)),
    required("vip", Shape::Leaf),
]);

const ADDRESS: Shape = Shape::Struct(&[
    required("street", Shape::Leaf),
    required("zip", Shape::Leaf),
    optional("floor", Shape::Leaf),
]);

const ITEM: Shape = Shape::Struct(&[
    required("sku", Shape::Leaf),
    required("quantity", Shape::Leaf),
    required("tags", Shape::List(&Shape::Leaf)),
]);

const DELIVERY: Shape = Shape::Variants(&[
    ("Courier", Shape::Leaf),
    (
        "Post",
        Shape::Struct(&[
            required("zip", Shape::Leaf),
            required("express", Shape::Leaf),
        ]),
    ),
]);

/// A JSON value that keeps its members in body order, as
/// `serde_json::Value` does not.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Num(serde_json::Number),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }
    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Num(value.into()))
    }
    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Num(value.into()))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(value)
            .map(Json::Num)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::Str(value.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry()? {
            members.push(member);
        }
        Ok(Json::Obj(members))
    }
}

/// Compact JSON text, members in order.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(value) => write!(f, "{value}"),
            Json::Num(value) => write!(f, "{value}"),
            Json::Str(value) => write_string(f, value),
            Json::Arr(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Json::Obj(members) => {
                f.write_char('{')?;
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, name)?;
                    write!(f, ":{value}")?;
                }
                f.write_char('}')
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str(&serde_json::to_string(text).map_err(|_| fmt::Error)?)
}

/// One step of a path into the body.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn key(path: &[Step], name: &str) -> Vec<Step> {
    let mut path = path.to_vec();
    path.push(Step::Key(name.to_owned()));
    path
}

fn index(path: &[Step], index: usize) -> Vec<Step> {
    let mut path = path.to_vec();
    path.push(Step::Index(index));
    path
}

/// The path as `FieldPath` shows it: `items[3].tags`.
fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Index(index) => write!(out, "[{index}]").unwrap(),
        }
    }
    out
}

impl Json {
    fn at_mut(&mut self, path: &[Step]) -> &mut Json {
        path.iter().fold(self, |node, step| match (node, step) {
            (Json::Obj(members), Step::Key(name)) => {
                &mut members.iter_mut().find(|(key, _)| key == name).unwrap().1
            }
            (Json::Arr(items), Step::Index(index)) => &mut items[*index],
            (node, step) => panic!("no {step:?} in {node}"),
        })
    }

    fn members_mut(&mut self) -> &mut Vec<(String, Json)> {
        match self {
            Json::Obj(members) => members,
            node => panic!("{node} is not an object"),
        }
    }
}

/// The name of the field no struct has.
const UNKNOWN: &str = "zz_unknown";

/// A change that gives a valid body one problem.
#[derive(Debug, Clone)]
enum Mutation {
    /// The scalar at this path becomes `[]`, which no scalar takes.
    WrongType(Vec<Step>),
    /// The required field at this path is removed.
    Remove(Vec<Step>),
    /// The struct object at this path gets an `UNKNOWN` member (whose
    /// value, `[]`, is not the problem), before its member at this index.
    AddKey(Vec<Step>, usize),
}

impl Mutation {
    /// Where the problem is: mutations at disjoint sites are distinct
    /// problems.
    fn site(&self) -> Vec<Step> {
        match self {
            Mutation::WrongType(path) | Mutation::Remove(path) => path.clone(),
            Mutation::AddKey(path, _) => key(path, UNKNOWN),
        }
    }

    fn apply(&self, body: &mut Json) {
        match self {
            Mutation::WrongType(path) => *body.at_mut(path) = Json::Arr(Vec::new()),
            Mutation::Remove(path) => {
                let (Some(Step::Key(name)), parent) = (path.last(), &path[..path.len() - 1]) else {
                    panic!("{path:?} is not a field");
                };
                body.at_mut(parent)
                    .members_mut()
                    .retain(|(key, _)| key != name);
            }
            Mutation::AddKey(path, at) => {
                let members = body.at_mut(path).members_mut();
                let at = (*at).min(members.len());
                members.insert(at, (UNKNOWN.to_owned(), Json::Arr(Vec::new())));
            }
        }
    }
}

fn overlaps(a: &[Step], b: &[Step]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Every mutation a valid body of `shape` can take.
fn mutations(node: &Json, shape: &Shape, path: &[Step], out: &mut Vec<Mutation>) {
    match (shape, node) {
        (Shape::Leaf, Json::Bool(_) | Json::Num(_) | Json::Str(_)) => {
            out.push(Mutation::WrongType(path.to_vec()));
        }
        (Shape::Struct(fields), Json::Obj(members)) => {
            for at in 0..=members.len() {
                out.push(Mutation::AddKey(path.to_vec(), at));
            }
            for (name, value) in members {
                let field = fields.iter().find(|field| field.name == name).unwrap();
                if field.required {
                    out.push(Mutation::Remove(key(path, name)));
                }
                mutations(value, &field.shape, &key(path, name), out);
            }
        }
        (Shape::List(item), Json::Arr(items)) => {
            for (i, value) in items.iter().enumerate() {
                mutations(value, item, &index(path, i), out);
            }
        }
        (Shape::Map(value_shape), Json::Obj(members)) => {
            for (name, value) in members {
                mutations(value, value_shape, &key(path, name), out);
            }
        }
        (Shape::Variants(variants), Json::Obj(members)) => {
            for (name, content) in members {
                let (_, content_shape) = variants.iter().find(|(v, _)| v == name).unwrap();
                mutations(content, content_shape, &key(path, name), out);
            }
        }
        _ => {}
    }
}

/// Up to one mutation for each pick, each the first candidate from the
/// picked one on whose site no mutation chosen before it overlaps.
fn choose(candidates: &[Mutation], picks: &[Index]) -> Vec<Mutation> {
    let mut chosen: Vec<Mutation> = Vec::new();
    for pick in picks {
        let start = pick.index(candidates.len());
        let free = (0..candidates.len())
            .map(|i| &candidates[(start + i) % candidates.len()])
            .find(|candidate| {
                let site = candidate.site();
                chosen.iter().all(|m| !overlaps(&m.site(), &site))
            });
        chosen.extend(free.cloned());
    }
    chosen
}

/// The problems of a body of `shape` made only by mutations, as code and
/// dotted path, in body order: a field's at its member, a missing field's at
/// the end of its object, in declaration order.
fn problems(node: &Json, shape: &Shape, path: &[Step], out: &mut Vec<(String, String)>) {
    match (shape, node) {
        (Shape::Leaf, Json::Arr(_)) => out.push(problem("invalid_field", path)),
        (Shape::Struct(fields), Json::Obj(members)) => {
            for (name, value) in members {
                match fields.iter().find(|field| field.name == name) {
                    Some(field) => problems(value, &field.shape, &key(path, name), out),
                    None => out.push(problem("unexpected_field", &key(path, name))),
                }
            }
            for field in fields.iter() {
                if field.required && !members.iter().any(|(name, _)| name == field.name) {
                    out.push(problem("missing_field", &key(path, field.name)));
                }
            }
        }
        (Shape::List(item), Json::Arr(items)) => {
            for (i, value) in items.iter().enumerate() {
                problems(value, item, &index(path, i), out);
            }
        }
        (Shape::Map(value_shape), Json::Obj(members)) => {
            for (name, value) in members {
                problems(value, value_shape, &key(path, name), out);
            }
        }
        (Shape::Variants(variants), Json::Obj(members)) => {
            for (name, content) in members {
                let (_, content_shape) = variants.iter().find(|(v, _)| v == name).unwrap();
                problems(content, content_shape, &key(path, name), out);
            }
        }
        _ => {}
    }
}

fn problem(code: &str, path: &[Step]) -> (String, String) {
    (code.to_owned(), dotted(path))
}

/// Code and dotted path of a sub-error or of a single error.
fn located(code: &str, path: Option<&api_error::FieldPath>) -> (String, String) {
    (
        code.to_owned(),
        path.map(ToString::to_string).unwrap_or_default(),
    )
}

// Strategies.

/// A map key: a plain identifier, so a dotted path is unambiguous.
fn name() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,7}"
}

/// Any short text, escapes and all.
fn text() -> impl Strategy<Value = String> {
    ".{0,8}"
}

fn address() -> impl Strategy<Value = Address> {
    (text(), text(), any::<Option<u8>>()).prop_map(|(street, zip, floor)| Address {
        street,
        zip,
        floor,
    })
}

fn customer() -> impl Strategy<Value = Customer> {
    (
        text(),
        address(),
        prop::collection::vec(text(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(full_name, address, phone_numbers, vip)| Customer {
            full_name,
            address,
            phone_numbers,
            vip,
        })
}

fn item() -> impl Strategy<Value = Item> {
    (text(), any::<u16>(), prop::collection::vec(text(), 0..3)).prop_map(|(sku, quantity, tags)| {
        Item {
            sku,
            quantity,
            tags,
        }
    })
}

fn delivery() -> impl Strategy<Value = Delivery> {
    prop_oneof![
        Just(Delivery::Pickup),
        text().prop_map(Delivery::Courier),
        (text(), any::<bool>()).prop_map(|(zip, express)| Delivery::Post { zip, express }),
    ]
}

fn order() -> impl Strategy<Value = Order> {
    (
        any::<u32>(),
        customer(),
        prop::collection::vec(item(), 0..4),
        prop::option::of(text()),
        any::<bool>(),
        // Eighths: finite, and written and read back exactly.
        (-1_000_000i32..1_000_000).prop_map(|n| f64::from(n) / 8.0),
        prop::collection::btree_map(name(), any::<u8>(), 0..4),
        delivery(),
        any::<u8>(),
    )
        .prop_map(
            |(id, customer, items, note, is_paid, total, stock, delivery, priority)| Order {
                id,
                customer,
                items,
                note,
                is_paid,
                total,
                stock,
                delivery,
                priority,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_values_parse_back_equal(value in order()) {
        let body = serde_json::to_vec(&value).unwrap();
        let parsed = parse_json::<Order>(&json_headers(), &body);
        prop_assert_eq!(parsed, Ok(value));
    }

    #[test]
    fn problems_past_the_cap_are_counted(n in 101usize..=300, m in 0usize..=10) {
        let body = format!("[{}]", vec!["-1"; n].join(","));
        let err = parse_json::<Vec<u8>>(&json_headers(), body.as_bytes()).unwrap_err();
        prop_assert_eq!(err.code(), "invalid_fields");
        prop_assert_eq!(err.message(), format!("The request body has {n} invalid fields."));
        let listed = |err: &api_error::RequestError| -> Vec<(String, String)> {
            err.errors().iter().map(|e| located(e.code(), e.path())).collect()
        };
        let first = |count: usize| -> Vec<(String, String)> {
            (0..count).map(|i| ("invalid_field".to_owned(), format!("[{i}]"))).collect()
        };
        prop_assert_eq!(listed(&err), first(100));

        let err = JsonParser::new()
            .max_errors(m)
            .parse::<Vec<u8>>(&json_headers(), body.as_bytes())
            .unwrap_err();
        prop_assert_eq!(err.code(), "invalid_fields");
        prop_assert_eq!(err.message(), format!("The request body has {n} invalid fields."));
        prop_assert_eq!(listed(&err), first(m));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn k_mutations_give_exactly_k_problems(
        value in order(),
        picks in prop::collection::vec(any::<Index>(), 1..=6),
    ) {
        let mut body: Json = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        let mut candidates = Vec::new();
        mutations(&body, &ORDER, &[], &mut candidates);
        let chosen = choose(&candidates, &picks);
        for mutation in &chosen {
            mutation.apply(&mut body);
        }
        let mut expected = Vec::new();
        problems(&body, &ORDER, &[], &mut expected);
        // The test's own bookkeeping: one problem for each mutation.
        prop_assert_eq!(expected.len(), chosen.len(), "{:?}", chosen);

        let text = body.to_string();
        let err = parse_json::<Order>(&json_headers(), text.as_bytes()).unwrap_err();
        if let [single] = expected.as_slice() {
            prop_assert_eq!(&located(err.code(), err.path()), single, "body: {}", text);
        } else {
            prop_assert_eq!(err.code(), "invalid_fields", "body: {}", text);
            prop_assert_eq!(
                err.message(),
                format!("The request body has {} invalid fields.", expected.len()),
                "body: {}", text
            );
            let reported: Vec<(String, String)> =
                err.errors().iter().map(|e| located(e.code(), e.path())).collect();
            prop_assert_eq!(reported, expected, "body: {}", text);
        }
    }
}

// Bodies `k_mutations_give_exactly_k_problems` found, shrunk by hand.

/// Each problem the parser reports for `body`, as `code path`.
fn reported<T: de::DeserializeOwned + fmt::Debug>(body: &str) -> Vec<String> {
    let err = parse_json::<T>(&json_headers(), body.as_bytes()).unwrap_err();
    let problems = if err.code() == "invalid_fields" {
        err.errors()
            .iter()
            .map(|e| located(e.code(), e.path()))
            .collect()
    } else {
        vec![located(err.code(), err.path())]
    };
    problems
        .into_iter()
        .map(|(code, path)| format!("{code} {path}"))
        .collect()
}

/// A problem inside a member's value, when another member comes before
/// it, must not hide the object's missing fields.
#[test]
fn missing_fields_after_a_problem_inside_a_later_member() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        a: u8,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        id: u8,
        b: u8,
        inner: Inner,
    }
    assert_eq!(
        reported::<Outer>(r#"{"inner":{},"b":1}"#),
        ["missing_field inner.a", "missing_field id"]
    );
    assert_eq!(
        reported::<Outer>(r#"{"b":1,"inner":{}}"#),
        ["missing_field inner.a", "missing_field id"]
    );
}

/// An array given to a string field must not hide the fields missing after
/// it in declaration order.
#[test]
fn missing_fields_after_an_array_for_a_scalar() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Pair {
        s: String,
        n: u8,
    }
    assert_eq!(
        reported::<Pair>(r#"{"s":1}"#),
        ["invalid_field s", "missing_field n"]
    );
    assert_eq!(
        reported::<Pair>(r#"{"s":[]}"#),
        ["invalid_field s", "missing_field n"]
    );
}
