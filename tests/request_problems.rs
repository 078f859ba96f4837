//! Every problem of a body at once: a body that is JSON text with more
//! than one problem is one `invalid_fields` error listing them all, each
//! with its own code, message and exact path, in body order; the fields a
//! struct takes are listed required and optional, by their main names; and
//! the messages stay short whatever the body holds.

use std::collections::{BTreeMap, HashMap};

use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard};
use api_error::{ApiError, JsonParser, RequestError};
use serde::Deserialize;

#[path = "support/body.rs"]
mod body;

use body::{Row, json_headers, parse, rows, sub_errors};

fn parse_with<'de, T: Deserialize<'de>>(
    parser: JsonParser,
    body: &'de str,
) -> Result<T, RequestError> {
    parser.parse(&json_headers(), body.as_bytes())
}

/// The row of each problem of `err`: its sub-errors, or itself if it has
/// none.
fn problems(err: &RequestError) -> Vec<Row> {
    if err.errors().is_empty() {
        let path = err.path().map(ToString::to_string).unwrap_or_default();
        return vec![(err.code().to_owned(), path, err.message())];
    }
    sub_errors(err)
}

/// The problems parsing `body` as `T` gives, checking that several come
/// as one `invalid_fields` counting them.
fn problems_of<'de, T: Deserialize<'de> + std::fmt::Debug>(body: &'de str) -> Vec<Row> {
    let err = parse::<T>(body).expect_err("the body has problems");
    let found = problems(&err);
    if found.len() > 1 {
        assert_eq!(err.code(), "invalid_fields");
        assert_eq!(err.status(), 400);
        assert_eq!(
            err.message(),
            format!("The request body has {} invalid fields.", found.len())
        );
        assert!(err.path().is_none());
    }
    found
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Order {
    id: u64,
    customer: Customer,
    items: Vec<Item>,
    notes: Option<String>,
    express: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Customer {
    name: String,
    address: Address,
    phone: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Address {
    street: String,
    zip: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    sku: String,
    quantity: u8,
    tags: Vec<String>,
}

#[test]
fn every_problem_in_body_order_missing_fields_after_their_objects_others() {
    let body = r#"{
        "id": "one",
        "customer": {"name": 7, "address": {"street": "s", "city": "x"}, "phone": "1"},
        "items": [
            {"sku": "a", "quantity": 1, "tags": []},
            {"sku": "b", "quantity": 300, "tags": ["ok", 5]},
            {"sku": "c", "tags": "x", "gift": true}
        ],
        "express": "yes"
    }"#;
    assert_eq!(
        problems_of::<Order>(body),
        rows(&[
            (
                "invalid_field",
                "id",
                "id is invalid: expected an integer from 0 to 18446744073709551615, found the string \"one\"."
            ),
            (
                "invalid_field",
                "customer.name",
                "customer.name is invalid: expected a string, found the number 7."
            ),
            (
                "unexpected_field",
                "customer.address.city",
                "customer.address.city is not a valid field name for this request. Expected 2 required fields: street and zip."
            ),
            (
                "missing_field",
                "customer.address.zip",
                "customer.address.zip is missing."
            ),
            (
                "invalid_field",
                "items[1].quantity",
                "items[1].quantity is invalid: expected an integer from 0 to 255, found the number 300."
            ),
            (
                "invalid_field",
                "items[1].tags[1]",
                "items[1].tags[1] is invalid: expected a string, found the number 5."
            ),
            (
                "invalid_field",
                "items[2].tags",
                "items[2].tags is invalid: expected an array, found the string \"x\"."
            ),
            (
                "unexpected_field",
                "items[2].gift",
                "items[2].gift is not a valid field name for this request. Expected 3 required fields: sku, quantity and tags."
            ),
            (
                "missing_field",
                "items[2].quantity",
                "items[2].quantity is missing."
            ),
            (
                "invalid_field",
                "express",
                "express is invalid: expected true or false, found the string \"yes\"."
            ),
        ])
    );
}

#[test]
fn every_missing_field_including_nested_structs_that_are_missing_whole() {
    assert_eq!(
        problems_of::<Order>(r#"{"customer": {}, "items": []}"#),
        rows(&[
            (
                "missing_field",
                "customer.name",
                "customer.name is missing."
            ),
            (
                "missing_field",
                "customer.address",
                "customer.address is missing."
            ),
            (
                "missing_field",
                "customer.phone",
                "customer.phone is missing."
            ),
            ("missing_field", "id", "id is missing."),
            ("missing_field", "express", "express is missing."),
        ])
    );
    assert_eq!(
        problems_of::<Vec<Item>>(r#"[{"quantity": 1, "tags": []}, {}, {"sku": "x", "tags": []}]"#),
        rows(&[
            ("missing_field", "[0].sku", "[0].sku is missing."),
            ("missing_field", "[1].sku", "[1].sku is missing."),
            ("missing_field", "[1].quantity", "[1].quantity is missing."),
            ("missing_field", "[1].tags", "[1].tags is missing."),
            ("missing_field", "[2].quantity", "[2].quantity is missing."),
        ])
    );
}

#[test]
fn one_problem_is_its_own_error() {
    let err = parse::<Order>(r#"{"id": 1, "customer": {"name": "A", "address": {"street": "s", "zip": "z"}, "phone": "1"}, "items": [], "express": 5}"#)
        .unwrap_err();
    assert_eq!(err.code(), "invalid_field");
    assert_eq!(err.path().unwrap().to_string(), "express");
    assert!(err.errors().is_empty());
}

#[test]
fn fields_are_listed_required_and_optional_by_their_main_names() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct AllOptional {
        name: Option<String>,
        status: Option<String>,
        members: Option<Vec<String>>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct AllRequired {
        id: u64,
        email: String,
        age: u8,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Both {
        id: u64,
        #[serde(alias = "e_mail", alias = "mail")]
        email: String,
        #[serde(default)]
        age: u8,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Attributes {
        #[serde(deserialize_with = "Option::deserialize")]
        with: Option<u8>,
        plain: Option<u8>,
        #[serde(rename = "Renamed")]
        renamed: Option<u8>,
    }
    let message = |err: RequestError| problems(&err)[0].2.clone();
    assert_eq!(
        message(parse::<AllOptional>(r#"{ "foo": "bar" }"#).unwrap_err()),
        "foo is not a valid field name for this request. Expected 3 optional fields: name, status and members."
    );
    assert_eq!(
        message(parse::<AllRequired>(r#"{"id": 1, "email": "a", "age": 2, "x": 0}"#).unwrap_err()),
        "x is not a valid field name for this request. Expected 3 required fields: id, email and age."
    );
    // serde's field list holds every alias; a message names each field once.
    assert_eq!(
        message(parse::<Both>(r#"{"id": 1, "e_mail": "a", "x": 0}"#).unwrap_err()),
        "x is not a valid field name for this request. Expected 2 required fields (id and email) and 1 optional field (age)."
    );
    // A field read with `deserialize_with` is required, even an `Option`.
    assert_eq!(
        message(parse::<Attributes>(r#"{"with": 1, "x": 0}"#).unwrap_err()),
        "x is not a valid field name for this request. Expected 1 required field (with) and 2 optional fields (plain and Renamed)."
    );
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Nothing {}
    assert_eq!(
        message(parse::<Nothing>(r#"{"a": 1}"#).unwrap_err()),
        "a is not a valid field name for this request. Expected no fields."
    );
}

/// An email address, validated as it is read: it refuses the empty string
/// a stand-in would be.
#[derive(Debug)]
struct Email(#[allow(dead_code)] String);

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.contains('@') {
            true => Ok(Email(text)),
            false => Err(serde::de::Error::custom("must be an email address")),
        }
    }
}

#[test]
fn where_the_type_does_not_tell_the_fields_are_listed_as_serde_gives_them() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Account {
        email: Email,
        name: Option<String>,
    }
    assert_eq!(
        problems_of::<Account>(r#"{"email": "ada@example.com", "x": 1}"#),
        rows(&[(
            "unexpected_field",
            "x",
            "x is not a valid field name for this request. Expected 2 fields: email and name."
        )])
    );
    // A present field whose stand-in is refused is read as it is.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Signup {
        email: Email,
        name: String,
        age: u8,
    }
    assert_eq!(
        problems_of::<Signup>(r#"{"email": "ada@example.com"}"#),
        rows(&[
            ("missing_field", "name", "name is missing."),
            ("missing_field", "age", "age is missing."),
        ])
    );
    // serde checks missing fields in the order they are declared: one whose
    // type refuses a stand-in, missing or wrong, hides those after it.
    assert_eq!(
        problems_of::<Signup>("{}"),
        rows(&[("missing_field", "email", "email is missing.")])
    );
    assert_eq!(
        problems_of::<Signup>(r#"{"email": "nope"}"#),
        rows(&[(
            "invalid_field",
            "email",
            "email is invalid: must be an email address."
        )])
    );
}

#[test]
fn maps_arrays_tuples_and_numeric_keys() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Shapes {
        by_name: HashMap<String, Item>,
        by_id: BTreeMap<u32, bool>,
        point: (i32, i32),
        rgb: [u8; 3],
    }
    let body = r#"{
        "by_name": {"a": {"sku": 1, "quantity": 1, "tags": []}, "b": {"tags": []}},
        "by_id": {"7": true, "x": false, "8": "no"},
        "point": [1, "a"],
        "rgb": [1, 2, 3, 4]
    }"#;
    assert_eq!(
        problems_of::<Shapes>(body),
        rows(&[
            (
                "invalid_field",
                "by_name.a.sku",
                "by_name.a.sku is invalid: expected a string, found the number 1."
            ),
            (
                "missing_field",
                "by_name.b.sku",
                "by_name.b.sku is missing."
            ),
            (
                "missing_field",
                "by_name.b.quantity",
                "by_name.b.quantity is missing."
            ),
            (
                "invalid_field",
                "by_id.x",
                "by_id.x is invalid: expected an integer from 0 to 4294967295, found the string \"x\"."
            ),
            (
                "invalid_field",
                "by_id.8",
                "by_id.8 is invalid: expected true or false, found the string \"no\"."
            ),
            // A tuple is read whole: its first problem only.
            (
                "invalid_field",
                "point[1]",
                "point[1] is invalid: expected an integer from -2147483648 to 2147483647, found the string \"a\"."
            ),
            (
                "invalid_field",
                "rgb",
                "rgb is invalid: expected 3 elements, found 4 elements."
            ),
        ])
    );
}

#[test]
fn externally_tagged_enums_renames_and_borrowed_fields() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Shape {
        Circle { radius: f64 },
        Square(f64),
        Point,
    }
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Drawing<'a> {
        first_shape: Shape,
        second_shape: Shape,
        #[serde(borrow)]
        label: &'a str,
        #[serde(rename = "z")]
        depth: u8,
    }
    let body = r#"{"firstShape": {"Circle": {"radius": "big"}}, "secondShape": {"Hexagon": 1}, "label": "a\"b", "z": -1}"#;
    assert_eq!(
        problems_of::<Drawing<'_>>(body),
        rows(&[
            (
                "invalid_field",
                "firstShape.Circle.radius",
                "firstShape.Circle.radius is invalid: expected a number, found the string \"big\"."
            ),
            (
                "invalid_field",
                "secondShape",
                "secondShape is invalid: expected one of \"Circle\", \"Square\" or \"Point\", found \"Hexagon\"."
            ),
            (
                "invalid_field",
                "label",
                "label is invalid: expected a borrowed string, found the string \"a\\\"b\"."
            ),
            (
                "invalid_field",
                "z",
                "z is invalid: expected an integer from 0 to 255, found the number -1."
            ),
        ])
    );
}

#[test]
fn only_errors_that_reach_the_root_count() {
    // serde tries each variant of an untagged enum and drops the errors of
    // the ones that fail: they are not problems of the body.
    #[derive(Debug, Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Id {
        Number(u32),
        Named { name: String },
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Lookup {
        id: Id,
        limit: u8,
    }
    assert!(parse::<Lookup>(r#"{"id": {"name": "a"}, "limit": 1}"#).is_ok());
    assert_eq!(
        problems_of::<Lookup>(r#"{"id": {"name": 5}, "limit": 300}"#),
        rows(&[
            (
                "invalid_field",
                "id",
                "id is invalid: data did not match any variant of untagged enum Id."
            ),
            (
                "invalid_field",
                "limit",
                "limit is invalid: expected an integer from 0 to 255, found the number 300."
            ),
        ])
    );
}

#[test]
fn internally_and_adjacently_tagged_enums_and_flatten() {
    #[derive(Debug, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
    #[allow(dead_code)]
    enum Internal {
        Circle { radius: f64 },
        Square { side: f64 },
    }
    #[derive(Debug, Deserialize)]
    #[serde(tag = "t", content = "c")]
    #[allow(dead_code)]
    enum Adjacent {
        Count(u8),
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        shapes: Vec<Internal>,
        adjacent: Adjacent,
    }
    let body = r#"{"shapes": [{"type": "hexagon"}, {"radius": 1}, {"type": "circle", "radius": "big"}, {"type": "square", "side": 1, "x": 2}], "adjacent": {"t": "Count", "c": 300}}"#;
    // Inside values serde buffers, serde's errors have the value's path.
    assert_eq!(
        problems_of::<Body>(body),
        rows(&[
            (
                "invalid_field",
                "shapes[0].type",
                "shapes[0].type is invalid: expected one of \"circle\" or \"square\", found \"hexagon\"."
            ),
            (
                "missing_field",
                "shapes[1].type",
                "shapes[1].type is missing."
            ),
            (
                "invalid_field",
                "shapes[2]",
                "shapes[2] is invalid: expected a number, found the string \"big\"."
            ),
            (
                "unexpected_field",
                "shapes[3].x",
                "shapes[3].x is not a valid field name for this request. Expected 1 field: side."
            ),
            (
                "invalid_field",
                "adjacent.c",
                "adjacent.c is invalid: expected an integer from 0 to 255, found the number 300."
            ),
        ])
    );

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Page {
        size: u8,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Query {
        #[serde(flatten)]
        page: Page,
        #[serde(flatten)]
        rest: HashMap<String, serde_json::Value>,
    }
    // A flattened struct gives one error, at the struct's own path, as
    // serde words it: here the body's.
    let err = parse::<Query>(r#"{"size": "big", "q": 1}"#).unwrap_err();
    assert_eq!(err.code(), "invalid_request");
    assert_eq!(
        err.message(),
        "The request body is invalid: expected an integer from 0 to 255, found the string \"big\"."
    );
}

#[test]
fn numbers_out_of_range_say_so() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Numbers {
        float: f64,
        unsigned: u64,
        small: i8,
        wide: u128,
        whole: u8,
    }
    let body = r#"{"float": 1e400, "unsigned": -1e999, "small": 99999999999999999999999, "wide": 340282366920938463463374607431768211456, "whole": 1.0}"#;
    assert_eq!(
        problems_of::<Numbers>(body),
        rows(&[
            (
                "invalid_field",
                "float",
                "float is invalid: the number 1e400 is out of range."
            ),
            (
                "invalid_field",
                "unsigned",
                "unsigned is invalid: the number -1e999 is out of range."
            ),
            (
                "invalid_field",
                "small",
                "small is invalid: expected an integer from -128 to 127, found the number 99999999999999999999999."
            ),
            (
                "invalid_field",
                "wide",
                "wide is invalid: expected a non-negative integer, found the number 340282366920938463463374607431768211456."
            ),
            (
                "invalid_field",
                "whole",
                "whole is invalid: expected an integer from 0 to 255, found the number 1.0."
            ),
        ])
    );
    let parsed: serde_json::Value = parse("[1e-400, -1e-999, 100000000000000000000]").unwrap();
    assert_eq!(parsed, serde_json::json!([0.0, -0.0, 1e20]));
}

#[test]
fn duplicates_unknown_and_ignored_fields() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Lenient {
        a: u8,
        b: u8,
    }
    // Without `deny_unknown_fields`, other fields are skipped.
    assert_eq!(
        problems_of::<Lenient>(r#"{"x": 1, "a": "no", "y": [1, {"z": 2}], "b": -1, "a": 2}"#),
        rows(&[
            (
                "invalid_field",
                "a",
                "a is invalid: expected an integer from 0 to 255, found the string \"no\"."
            ),
            (
                "invalid_field",
                "b",
                "b is invalid: expected an integer from 0 to 255, found the number -1."
            ),
            (
                "invalid_field",
                "a",
                "a is invalid: it is given more than once."
            ),
        ])
    );
}

#[test]
fn the_parser_keeps_a_bounded_list_and_can_stop_at_the_first() {
    let body = format!("[{}]", ["-1"; 150].join(","));
    let err = parse::<Vec<u8>>(&body).unwrap_err();
    assert_eq!(err.message(), "The request body has 150 invalid fields.");
    assert_eq!(err.errors().len(), 100);
    assert_eq!(err.errors()[99].path().unwrap().to_string(), "[99]");

    let err =
        parse_with::<Vec<u8>>(JsonParser::new().max_errors(2), "[-1, 1, -2, -3]").unwrap_err();
    assert_eq!(err.message(), "The request body has 3 invalid fields.");
    let paths: Vec<String> = err
        .errors()
        .iter()
        .map(|sub| sub.path().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["[0]", "[2]"]);

    let err = parse_with::<Order>(
        JsonParser::new().first_error_only(),
        r#"{"id": "x", "express": 1}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_field");
    assert_eq!(
        err.message(),
        "id is invalid: expected an integer from 0 to 18446744073709551615, found the string \"x\"."
    );
}

#[test]
fn messages_escape_control_characters_and_stay_within_a_kilobyte() {
    let err = parse::<Customer>("{\"a\\u0000b\": 1, \"name\": \"x\\ny\", \"address\": {\"street\": 1, \"zip\": \"z\"}, \"phone\": \"1\"}").unwrap_err();
    let found = problems(&err);
    assert_eq!(found[0].1, "a\\u0000b");
    assert!(
        found[0]
            .2
            .starts_with("a\\u0000b is not a valid field name")
    );
    // The pointer keeps the name exact.
    assert_eq!(
        err.errors()[0].path().unwrap().pointer().to_string(),
        "#/a%00b"
    );

    // A path through 126 objects of 200-character names is cut in the
    // middle; the message stays short.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Tree(HashMap<String, Tree>);
    let key = serde_json::to_string(&"k".repeat(200)).unwrap();
    let body = format!("{}1{}", format!("{{{key}:").repeat(126), "}".repeat(126));
    let err = parse::<Tree>(&body).unwrap_err();
    let message = err.message();
    // 150 bytes of each end, and `…` between.
    let shown = message
        .strip_suffix(" is invalid: expected an object, found the number 1.")
        .unwrap();
    assert_eq!(shown.len(), 150 + '…'.len_utf8() + 150, "{shown}");
    assert!(
        shown.starts_with(&format!("{}….k", "k".repeat(100))),
        "{shown}"
    );
    // The path itself is whole: 126 names, each cut to 100 characters.
    assert_eq!(err.path().unwrap().segments().len(), 126);

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Wide {
        f00: Option<u8>,
        f01: Option<u8>,
        f02: Option<u8>,
        f03: Option<u8>,
        f04: Option<u8>,
        f05: Option<u8>,
        f06: Option<u8>,
        f07: Option<u8>,
        f08: Option<u8>,
        f09: Option<u8>,
        f10: Option<u8>,
        f11: Option<u8>,
        f12: Option<u8>,
        f13: Option<u8>,
        f14: Option<u8>,
        f15: Option<u8>,
        f16: Option<u8>,
        f17: Option<u8>,
        f18: Option<u8>,
        f19: Option<u8>,
    }
    assert_eq!(
        problems(&parse::<Wide>(r#"{"x": 1}"#).unwrap_err())[0].2,
        "x is not a valid field name for this request. Expected 20 optional fields: f00, f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14, f15 and 4 more."
    );
}

#[test]
fn deserialize_impls_may_run_more_than_once_on_a_body_with_problems() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    #[derive(Debug)]
    struct Counted;
    impl<'de> Deserialize<'de> for Counted {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            RUNS.fetch_add(1, Ordering::Relaxed);
            serde::de::IgnoredAny::deserialize(deserializer).map(|_| Counted)
        }
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        counted: Counted,
        n: u8,
    }
    assert!(parse::<Body>(r#"{"counted": 1, "n": 1}"#).is_ok());
    assert_eq!(RUNS.swap(0, Ordering::Relaxed), 1);
    assert!(parse::<Body>(r#"{"counted": 1, "n": -1}"#).is_err());
    assert!(RUNS.load(Ordering::Relaxed) > 1);
}

/// Every preset renders the list the way its seed shows several errors,
/// with the error's own code and status at the top.
#[test]
fn every_format_renders_the_list() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Signup {
        email: String,
        age: u8,
    }
    let err = parse::<Signup>(r#"{"email": 7, "plan": "pro"}"#).unwrap_err();
    let rendered = |body: Vec<u8>| String::from_utf8(body).unwrap();
    assert_eq!(
        rendered(Problem::render(&err)),
        r##"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The request body has 3 invalid fields.","code":"invalid_fields","errors":[{"code":"invalid_field","detail":"email is invalid: expected a string, found the number 7.","pointer":"#/email"},{"code":"unexpected_field","detail":"plan is not a valid field name for this request. Expected 2 required fields: email and age.","pointer":"#/plan"},{"code":"missing_field","detail":"age is missing.","pointer":"#/age"}]}"##
    );
    assert_eq!(
        rendered(Nested::render(&err)),
        r#"{"error":{"code":"invalid_fields","status":400,"inner":[{"message":"email is invalid: expected a string, found the number 7.","code":"invalid_field","status":400,"path":"email"},{"message":"plan is not a valid field name for this request. Expected 2 required fields: email and age.","code":"unexpected_field","status":400,"path":"plan"},{"message":"age is missing.","code":"missing_field","status":400,"path":"age"}]}}"#
    );
    assert_eq!(
        rendered(Meta::render(&err)),
        r#"{"meta":{"status":400,"error":{"type":"invalid_fields","message":"The request body has 3 invalid fields.","errors":[{"type":"invalid_field","message":"email is invalid: expected a string, found the number 7.","field":"email"},{"type":"unexpected_field","message":"plan is not a valid field name for this request. Expected 2 required fields: email and age.","field":"plan"},{"type":"missing_field","message":"age is missing.","field":"age"}]}}}"#
    );
    assert_eq!(
        rendered(Standard::render(&err)),
        r#"{"type":"validation_error","errors":[{"code":"invalid_field","detail":"email is invalid: expected a string, found the number 7.","attr":"email"},{"code":"unexpected_field","detail":"plan is not a valid field name for this request. Expected 2 required fields: email and age.","attr":"plan"},{"code":"missing_field","detail":"age is missing.","attr":"age"}]}"#
    );
    assert_eq!(
        rendered(Flat::render(&err)),
        r#"{"error":"invalid_fields","message":"The request body has 3 invalid fields.","errors":[{"error":"invalid_field","message":"email is invalid: expected a string, found the number 7.","field":"email"},{"error":"unexpected_field","message":"plan is not a valid field name for this request. Expected 2 required fields: email and age.","field":"plan"},{"error":"missing_field","message":"age is missing.","field":"age"}]}"#
    );
}

#[test]
fn a_type_that_holds_itself_is_not_followed_forever() {
    // A stand-in for `expr` would be `Neg(Neg(Neg(…)))`.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Expr {
        Neg(Box<Expr>),
        Lit(u8),
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Query {
        expr: Expr,
        limit: u8,
    }
    assert_eq!(
        problems_of::<Query>(r#"{"limit": 1}"#),
        rows(&[("missing_field", "expr", "expr is missing.")])
    );
    assert_eq!(
        problems_of::<Query>(r#"{"expr": 5, "limit": -1}"#),
        rows(&[
            (
                "invalid_field",
                "expr",
                "expr is invalid: expected one of \"Neg\" or \"Lit\", found the number 5."
            ),
            (
                "invalid_field",
                "limit",
                "limit is invalid: expected an integer from 0 to 255, found the number -1."
            ),
        ])
    );
}

#[test]
fn big_stand_ins_are_learned_whole() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Thirty {
        f00: u8,
        f01: u8,
        f02: u8,
        f03: u8,
        f04: u8,
        f05: u8,
        f06: u8,
        f07: u8,
        f08: u8,
        f09: u8,
        f10: u8,
        f11: u8,
        f12: u8,
        f13: u8,
        f14: u8,
        f15: u8,
        f16: u8,
        f17: u8,
        f18: u8,
        f19: u8,
        f20: u8,
        f21: u8,
        f22: u8,
        f23: u8,
        f24: u8,
        f25: u8,
        f26: u8,
        f27: u8,
        f28: u8,
        f29: u8,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Four {
        a: Thirty,
        b: Thirty,
        c: Thirty,
        d: Thirty,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        big: Four,
        x: u8,
    }
    // A one-node body: getting past `big` takes 124 stand-in fields.
    assert_eq!(
        problems_of::<Outer>("{}"),
        rows(&[
            ("missing_field", "big", "big is missing."),
            ("missing_field", "x", "x is missing."),
        ])
    );
}

#[test]
fn a_hollow_enum_whose_data_is_refused_stops_only_what_follows_it() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Contact {
        Email(Email),
        Phone(String),
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Person {
        name: String,
        age: u8,
        contact: Contact,
    }
    assert_eq!(
        problems_of::<Person>(r#"{"contact": {"Email": "nope"}}"#),
        rows(&[
            (
                "invalid_field",
                "contact.Email",
                "contact.Email is invalid: must be an email address."
            ),
            ("missing_field", "name", "name is missing."),
            ("missing_field", "age", "age is missing."),
        ])
    );
}

#[test]
fn raw_values_are_read_as_written() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Event {
        payload: Box<serde_json::value::RawValue>,
        n: u8,
    }
    assert_eq!(
        problems_of::<Event>(r#"{"payload": {"any": [1, 2]}, "n": -1}"#),
        rows(&[(
            "invalid_field",
            "n",
            "n is invalid: expected an integer from 0 to 255, found the number -1."
        )])
    );
    assert_eq!(
        problems_of::<Event>(r#"{"payload": "x"}"#),
        rows(&[("missing_field", "n", "n is missing.")])
    );
}

/// The work of a body with problems grows with the body: counted in the
/// type's own `Deserialize` runs, which do not depend on the machine.
#[test]
fn the_work_is_linear_in_the_body() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    /// Counts its runs, and refuses the empty string a stand-in would be.
    #[derive(Debug)]
    struct Counted;
    impl<'de> Deserialize<'de> for Counted {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            RUNS.fetch_add(1, Ordering::Relaxed);
            let text = String::deserialize(deserializer)?;
            match text.is_empty() {
                true => Err(serde::de::Error::custom("must not be empty")),
                false => Ok(Counted),
            }
        }
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        map: HashMap<String, Counted>,
        list: Vec<Counted>,
        name: String,
    }
    let runs = |n: usize| {
        let map: Vec<String> = (0..n).map(|i| format!(r#""k{i}": "v""#)).collect();
        let list: Vec<String> = (0..n)
            .map(|i| {
                if i % 2 == 0 {
                    "\"v\"".to_owned()
                } else {
                    "\"\"".to_owned()
                }
            })
            .collect();
        let body = format!(
            r#"{{"map": {{{}}}, "list": [{}]}}"#,
            map.join(", "),
            list.join(", ")
        );
        RUNS.store(0, Ordering::Relaxed);
        let err = parse::<Body>(&body).unwrap_err();
        assert_eq!(
            err.message(),
            format!("The request body has {} invalid fields.", n / 2 + 1)
        );
        RUNS.load(Ordering::Relaxed)
    };
    let (small, large) = (runs(1_000), runs(8_000));
    assert!(
        large <= 9 * small,
        "{small} runs for 1,000 entries, {large} for 8,000"
    );
}
