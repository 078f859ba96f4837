//! Request errors and the JSON body parser: every row of the table, with
//! exact messages and paths, over the shapes serde gives request types.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use api_error::format::{Flat, Format, Problem, Standard};
use api_error::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use api_error::http::{HeaderMap, HeaderValue, Method, StatusCode};
use api_error::{
    ApiError, JsonParser, RequestError, accepts_json, allow_method, bearer_token, parse_json,
};
use serde::Deserialize;

#[path = "support/body.rs"]
mod body;

use body::{json_headers, parse, rows, sub_errors};

/// Status, code, message and (dotted) path of the error parsing `body` as `T`.
fn error<'de, T: Deserialize<'de> + std::fmt::Debug>(
    body: &'de str,
) -> (u16, String, String, Option<String>) {
    let err = parse::<T>(body).expect_err("the body is invalid");
    (
        err.status().as_u16(),
        err.code().to_owned(),
        err.message(),
        err.path().map(ToString::to_string),
    )
}

fn row(
    status: u16,
    code: &str,
    message: &str,
    path: Option<&str>,
) -> (u16, String, String, Option<String>) {
    (
        status,
        code.to_owned(),
        message.to_owned(),
        path.map(str::to_owned),
    )
}

/// The body of seed 000's `PUT /v1/organizations/{id}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Organization {
    name: Option<String>,
    status: Option<String>,
    members: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Order {
    customer: Customer,
    items: Vec<Item>,
    notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Customer {
    name: String,
    address: Address,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Address {
    street: String,
    zip: String,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Item {
    sku: String,
    quantity: u8,
    tags: Vec<String>,
}

#[test]
fn parses_valid_bodies() {
    let order: Order = parse(
        r#"{"customer": {"name": "Ada", "address": {"street": "1 Main St", "zip": "10001"}},
            "items": [{"sku": "a", "quantity": 2, "tags": ["x"]}], "notes": null}"#,
    )
    .unwrap();
    assert_eq!(order.customer.address.zip, "10001");
    assert_eq!(order.items[0].quantity, 2);
    let organization: Organization = parse(r#"{"name": "Acme"}"#).unwrap();
    assert_eq!(organization.name.as_deref(), Some("Acme"));
}

#[test]
fn unexpected_field_as_seed_000_says_it() {
    assert_eq!(
        error::<Organization>(r#"{ "foo": "bar" }"#),
        row(
            400,
            "unexpected_field",
            "foo is not a valid field name for this request. Expected 3 optional fields: name, status and members.",
            Some("foo")
        )
    );
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct One {
        name: String,
    }
    assert_eq!(
        error::<One>(r#"{"name": "a", "nmae": "b"}"#).2,
        "nmae is not a valid field name for this request. Expected 1 required field: name."
    );
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Nothing {}
    assert_eq!(
        error::<Nothing>(r#"{"a": 1}"#).2,
        "a is not a valid field name for this request. Expected no fields."
    );
}

#[test]
fn unexpected_field_in_a_nested_struct() {
    assert_eq!(
        error::<Order>(
            r#"{"customer": {"name": "Ada", "address": {"street": "s", "zip": "z", "city": "x"}}, "items": []}"#
        ),
        row(
            400,
            "unexpected_field",
            "customer.address.city is not a valid field name for this request. Expected 2 required fields: street and zip.",
            Some("customer.address.city")
        )
    );
}

#[test]
fn deny_unknown_fields_only_where_it_is_set() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Lenient {
        strict: Address,
    }
    assert!(parse::<Lenient>(r#"{"extra": 1, "strict": {"street": "s", "zip": "z"}}"#).is_ok());
    assert_eq!(
        error::<Lenient>(r#"{"strict": {"street": "s", "zip": "z", "extra": 1}}"#)
            .3
            .as_deref(),
        Some("strict.extra")
    );
}

#[test]
fn missing_fields_with_their_paths() {
    assert_eq!(
        error::<Order>(r#"{"customer": {"name": "Ada", "address": {"street": "s"}}, "items": []}"#),
        row(
            400,
            "missing_field",
            "customer.address.zip is missing.",
            Some("customer.address.zip")
        )
    );
    assert_eq!(error::<Order>(r#"{"items": []}"#).2, "customer is missing.");
    assert_eq!(
        error::<Order>(r#"{"customer": {"name": "A", "address": {"street": "s", "zip": "z"}}, "items": [{"sku": "a", "quantity": 1, "tags": []}, {"sku": "b", "tags": []}]}"#).2,
        "items[1].quantity is missing."
    );
}

#[test]
fn invalid_fields_say_what_was_expected_and_what_came() {
    let order = |items: &str| {
        format!(
            r#"{{"customer": {{"name": "A", "address": {{"street": "s", "zip": "z"}}}}, "items": {items}}}"#
        )
    };
    let body = order(
        r#"[{"sku": "a", "quantity": 1, "tags": []}, {"sku": "b", "quantity": 1, "tags": []}, {"sku": "c", "quantity": 1, "tags": []}, {"sku": "d", "quantity": 1, "tags": "x"}]"#,
    );
    assert_eq!(
        error::<Order>(&body),
        row(
            400,
            "invalid_field",
            "items[3].tags is invalid: expected an array, found the string \"x\".",
            Some("items[3].tags")
        )
    );
    let body = order(r#"[{"sku": "a", "quantity": 300, "tags": []}]"#);
    assert_eq!(
        error::<Order>(&body).2,
        "items[0].quantity is invalid: expected an integer from 0 to 255, found the number 300."
    );
    let body = order(r#"[{"sku": "a", "quantity": 1, "tags": ["ok", 7]}]"#);
    assert_eq!(
        error::<Order>(&body).2,
        "items[0].tags[1] is invalid: expected a string, found the number 7."
    );
    let body = order(r#"[{"sku": null, "quantity": 1, "tags": []}]"#);
    assert_eq!(
        error::<Order>(&body).2,
        "items[0].sku is invalid: expected a string, found null."
    );
    let body = order(r#"{"sku": "a"}"#);
    assert_eq!(
        error::<Order>(&body).2,
        "items is invalid: expected an array, found an object."
    );
    assert_eq!(
        error::<Order>(r#"{"customer": "Ada", "items": []}"#).2,
        "customer is invalid: expected an object, found the string \"Ada\"."
    );
}

#[test]
fn every_primitive_in_json_terms() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Primitives {
        flag: Option<bool>,
        small: Option<i8>,
        count: Option<u32>,
        ratio: Option<f64>,
        letter: Option<char>,
        big: Option<u128>,
    }
    let message = |body: &str| error::<Primitives>(body).2;
    assert_eq!(
        message(r#"{"flag": "yes"}"#),
        "flag is invalid: expected true or false, found the string \"yes\"."
    );
    assert_eq!(
        message(r#"{"small": 200}"#),
        "small is invalid: expected an integer from -128 to 127, found the number 200."
    );
    assert_eq!(
        message(r#"{"count": -1}"#),
        "count is invalid: expected an integer from 0 to 4294967295, found the number -1."
    );
    assert_eq!(
        message(r#"{"count": 1.5}"#),
        "count is invalid: expected an integer from 0 to 4294967295, found the number 1.5."
    );
    assert_eq!(
        message(r#"{"ratio": true}"#),
        "ratio is invalid: expected a number, found true."
    );
    assert_eq!(
        message(r#"{"letter": "ab"}"#),
        "letter is invalid: expected a character, found the string \"ab\"."
    );
    assert_eq!(
        message(r#"{"big": "1"}"#),
        "big is invalid: expected a non-negative integer, found the string \"1\"."
    );
    let parsed: Primitives =
        parse(r#"{"big": 340282366920938463463374607431768211455, "letter": "é"}"#).unwrap();
    assert_eq!(parsed.big, Some(u128::MAX));
    assert_eq!(parsed.letter, Some('é'));
}

#[test]
fn maps_arrays_and_tuples() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Scores {
        by_name: HashMap<String, u8>,
        by_id: BTreeMap<u32, Vec<bool>>,
        point: Option<(i32, i32)>,
    }
    let message = |body: &str| error::<Scores>(body).2;
    assert_eq!(
        message(r#"{"by_name": {"ada": 1, "bob": 256}, "by_id": {}}"#),
        "by_name.bob is invalid: expected an integer from 0 to 255, found the number 256."
    );
    assert_eq!(
        message(r#"{"by_name": {}, "by_id": {"7": [true, "no"]}}"#),
        "by_id.7[1] is invalid: expected true or false, found the string \"no\"."
    );
    assert_eq!(
        message(r#"{"by_name": {}, "by_id": {}, "point": [1]}"#),
        "point is invalid: expected a tuple of size 2, found 1 element."
    );
    let parsed: Scores =
        parse(r#"{"by_name": {"ada": 1}, "by_id": {"7": [true]}, "point": [1, 2]}"#).unwrap();
    assert_eq!(parsed.by_id[&7], [true]);
}

#[test]
fn externally_tagged_enums() {
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        Active,
        Inactive,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Shape {
        Circle { radius: f64 },
        Square(f64),
        Point,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        status: Option<Status>,
        shape: Option<Shape>,
    }
    let message = |body: &str| error::<Body>(body).2;
    assert_eq!(
        message(r#"{"status": "archived"}"#),
        "status is invalid: expected one of \"active\" or \"inactive\", found \"archived\"."
    );
    assert_eq!(
        message(r#"{"status": 5}"#),
        "status is invalid: expected one of \"active\" or \"inactive\", found the number 5."
    );
    assert_eq!(
        message(r#"{"shape": {"Circle": {"radius": "big"}}}"#),
        "shape.Circle.radius is invalid: expected a number, found the string \"big\"."
    );
    assert_eq!(
        message(r#"{"shape": {"Circle": {"radius": 1}, "Square": 2}}"#),
        "shape is invalid: expected an object with one member, named after a variant, found an object with more members."
    );
    assert_eq!(
        message(r#"{"shape": {"Hexagon": 1}}"#),
        "shape is invalid: expected one of \"Circle\", \"Square\" or \"Point\", found \"Hexagon\"."
    );
    let parsed: Body = parse(r#"{"status": "active", "shape": {"Square": 2}}"#).unwrap();
    assert!(matches!(parsed.status, Some(Status::Active)));
    assert!(matches!(
        parse::<Body>(r#"{"shape": "Point"}"#).unwrap().shape,
        Some(Shape::Point)
    ));
    assert!(matches!(
        parse::<Body>(r#"{"shape": {"Point": null}}"#)
            .unwrap()
            .shape,
        Some(Shape::Point)
    ));
}

#[test]
fn internally_adjacently_and_untagged_enums() {
    #[derive(Debug, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
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
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Untagged {
        Number(u32),
        Text(String),
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        internal: Option<Internal>,
        adjacent: Option<Adjacent>,
        untagged: Option<Untagged>,
    }
    let message = |body: &str| error::<Body>(body).2;
    assert_eq!(
        message(r#"{"internal": {"radius": 1}}"#),
        "internal.type is missing."
    );
    assert_eq!(
        message(r#"{"internal": {"type": "hexagon"}}"#),
        "internal.type is invalid: expected one of \"circle\" or \"square\", found \"hexagon\"."
    );
    // Serde buffers the variant's content: errors inside it have the enum's path.
    assert_eq!(
        message(r#"{"internal": {"type": "circle"}}"#),
        "internal.radius is missing."
    );
    assert_eq!(
        message(r#"{"adjacent": {"t": "Count", "c": 300}}"#),
        "adjacent.c is invalid: expected an integer from 0 to 255, found the number 300."
    );
    assert_eq!(
        message(r#"{"untagged": [1]}"#),
        "untagged is invalid: data did not match any variant of untagged enum Untagged."
    );
    let parsed: Body =
        parse(r#"{"internal": {"type": "square", "side": 2}, "untagged": "x"}"#).unwrap();
    assert!(matches!(parsed.internal, Some(Internal::Square { .. })));
    assert!(matches!(parsed.untagged, Some(Untagged::Text(_))));
}

#[test]
fn flatten_rename_and_rename_all() {
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Person {
        first_name: String,
        #[serde(rename = "surname")]
        last_name: String,
    }
    assert_eq!(
        error::<Person>(r#"{"firstName": "Ada", "surname": "L", "middleName": "K"}"#).2,
        "middleName is not a valid field name for this request. Expected 2 required fields: firstName and surname."
    );
    // The field's Rust name is unknown, and the fields it stands for are
    // missing: three problems.
    let err = parse::<Person>(r#"{"first_name": "Ada"}"#).unwrap_err();
    assert_eq!(
        sub_errors(&err),
        rows(&[
            (
                "unexpected_field",
                "first_name",
                "first_name is not a valid field name for this request. Expected 2 required fields: firstName and surname."
            ),
            ("missing_field", "firstName", "firstName is missing."),
            ("missing_field", "surname", "surname is missing."),
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
    assert_eq!(error::<Query>(r#"{"q": "x"}"#).2, "size is missing.");
    assert_eq!(
        error::<Query>(r#"{"size": "big"}"#).2,
        "The request body is invalid: expected an integer from 0 to 255, found the string \"big\"."
    );
    let query: Query = parse(r#"{"size": 10, "q": "x"}"#).unwrap();
    assert_eq!(query.page.size, 10);
    assert_eq!(query.rest["q"], "x");
}

#[test]
fn duplicate_fields() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Named {
        name: String,
    }
    assert_eq!(
        error::<Named>(r#"{"name": "a", "name": "b"}"#),
        row(
            400,
            "invalid_field",
            "name is invalid: it is given more than once.",
            Some("name")
        )
    );
}

#[test]
fn borrowed_strings_and_escaped_keys() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Borrowed<'a> {
        name: &'a str,
        #[serde(borrow)]
        bio: Cow<'a, str>,
    }
    let body = String::from(r#"{"name": "Ada", "b\u0069o": "says \"hi\""}"#);
    let parsed: Borrowed<'_> = parse(&body).unwrap();
    assert_eq!((parsed.name, &*parsed.bio), ("Ada", "says \"hi\""));
    // A `&str` cannot hold an escaped string; serde says so.
    assert_eq!(
        error::<Borrowed<'_>>(r#"{"name": "A\"da", "bio": ""}"#).2,
        "name is invalid: expected a borrowed string, found the string \"A\\\"da\"."
    );
    assert_eq!(
        error::<Borrowed<'_>>(r#"{"name": "Ada", "bio": "", "f\u006fo": 1}"#).2,
        "foo is not a valid field name for this request. Expected 2 required fields: name and bio."
    );
}

#[test]
fn custom_errors_from_deserialize_impls_are_shown_as_written() {
    #[derive(Debug)]
    struct Even(u32);
    impl<'de> Deserialize<'de> for Even {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let n = u32::deserialize(deserializer)?;
            if n % 2 == 0 {
                Ok(Even(n))
            } else {
                Err(serde::de::Error::custom("must be an even number"))
            }
        }
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        count: Even,
    }
    assert_eq!(
        error::<Body>(r#"{"count": 3}"#).2,
        "count is invalid: must be an even number."
    );
    assert_eq!(parse::<Body>(r#"{"count": 4}"#).unwrap().count.0, 4);
}

#[test]
fn invalid_request_bodies() {
    let invalid = |body: &str| {
        let err = parse::<Organization>(body).unwrap_err();
        assert_eq!(
            (err.status(), err.code(), err.path()),
            (StatusCode::BAD_REQUEST, "invalid_request", None)
        );
        err.message()
    };
    assert_eq!(invalid(""), "The request body is empty.");
    assert_eq!(invalid(" \n\t"), "The request body is empty.");
    assert_eq!(
        invalid("{\"name\": "),
        "The request body ends before its JSON value does (line 1, column 9)."
    );
    assert_eq!(
        invalid("{\"name\": nope}"),
        "The request body is not valid JSON (line 1, column 11)."
    );
    assert_eq!(
        invalid("{} {}"),
        "The request body has more after its JSON value (line 1, column 4)."
    );
    assert_eq!(
        invalid("[1, 2]"),
        "The request body is invalid: expected an object, found an array."
    );
    assert_eq!(
        invalid("\"name\""),
        "The request body is invalid: expected an object, found the string \"name\"."
    );
    assert_eq!(
        invalid("null"),
        "The request body is invalid: expected an object, found null."
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let err = parse::<serde_json::Value>(&nested(100_000)).unwrap_err();
    assert_eq!(err.code(), "invalid_request");
    assert_eq!(
        err.message(),
        "The request body nests arrays and objects deeper than 127 levels (line 1, column 128)."
    );
    let unclosed = parse::<serde_json::Value>(&"[".repeat(100_000)).unwrap_err();
    assert_eq!(unclosed.code(), "invalid_request");
    // The limit is serde_json's: 127 levels parse, 128 do not.
    assert!(parse::<serde_json::Value>(&nested(127)).is_ok());
    assert_eq!(
        parse::<serde_json::Value>(&nested(128)).unwrap_err().code(),
        "invalid_request"
    );
    let deep_object = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    assert_eq!(
        parse::<serde_json::Value>(&deep_object).unwrap_err().code(),
        "invalid_request"
    );
}

#[test]
fn content_type_then_size_then_body() {
    let with_type = |content_type: Option<&'static str>| {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
        headers
    };
    for json in [
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/problem+json",
        "application/vnd.api+json;version=2",
        " application/json ",
    ] {
        assert!(
            parse_json::<Organization>(&with_type(Some(json)), b"{}").is_ok(),
            "{json}"
        );
    }
    for (content_type, shown) in [
        (Some("application/xml"), "application/xml"),
        (
            Some("text/plain; charset=utf-8"),
            "text/plain; charset=utf-8",
        ),
        (Some("application/+json"), "application/+json"),
        (Some("json"), "json"),
        (None, ""),
    ] {
        let err = parse_json::<Organization>(&with_type(content_type), b"{}").unwrap_err();
        assert_eq!(err.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(err.code(), "unsupported_media_type");
        assert_eq!(
            err.message(),
            format!("Unsupported media type \"{shown}\" in request.")
        );
    }

    let parser = JsonParser::new().limit(10);
    let headers = json_headers();
    assert!(parser.parse::<Vec<u8>>(&headers, b"[1,2,3,45]").is_ok());
    let err = parser
        .parse::<Vec<u8>>(&headers, b"[1,2,3,456]")
        .unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
    );
    assert_eq!(
        err.message(),
        "The request body is larger than the limit of 10 bytes."
    );
    // The order: content type first, then size, then the body.
    assert_eq!(
        parser
            .parse::<Vec<u8>>(&with_type(Some("text/plain")), b"not json at all")
            .unwrap_err()
            .code(),
        "unsupported_media_type"
    );
    assert_eq!(
        parser
            .parse::<Vec<u8>>(&headers, b"not json at all")
            .unwrap_err()
            .code(),
        "payload_too_large"
    );

    let big = vec![b' '; api_error::request::DEFAULT_LIMIT + 1];
    assert_eq!(
        parse_json::<Organization>(&headers, &big)
            .unwrap_err()
            .message(),
        "The request body is larger than the limit of 2097152 bytes."
    );
}

#[test]
fn accept_method_and_bearer_checks() {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static("application/xml"));
    let err = accepts_json(&headers).unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (StatusCode::NOT_ACCEPTABLE, "not_acceptable")
    );
    assert_eq!(
        err.message(),
        "Could not satisfy the request Accept header."
    );

    let err = allow_method(&Method::PATCH, &[Method::GET, Method::PUT]).unwrap_err();
    let response = Flat::response(&err);
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["allow"], "GET, PUT");
    assert_eq!(
        response.into_body(),
        br#"{"error":"method_not_allowed","message":"Method \"PATCH\" not allowed."}"#
    );

    let err = bearer_token(&HeaderMap::new()).unwrap_err();
    let response = Flat::response(&err);
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(
        response.into_body(),
        br#"{"error":"missing_authorization_header","message":"Authorization header bearer token must be present."}"#
    );
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_static("Token abc"));
    let err = bearer_token(&headers).unwrap_err();
    assert_eq!(err.code(), "invalid_authorization_header");
    assert_eq!(
        err.message(),
        "The Authorization header must be a bearer token: \"Bearer <token>\"."
    );
    assert_eq!(
        Flat::response(&err).headers()["www-authenticate"],
        "Bearer error=\"invalid_request\""
    );
}

#[test]
fn field_errors_carry_their_path_into_every_format() {
    let err =
        parse::<Order>(r#"{"customer": {"name": "A", "address": {"street": "s"}}, "items": []}"#)
            .unwrap_err();
    assert_eq!(
        Standard::render(&err),
        br#"{"type":"client_error","errors":[{"code":"missing_field","detail":"customer.address.zip is missing.","attr":"customer.address.zip"}]}"#
    );
    assert_eq!(
        Problem::render(&err),
        br##"{"type":"about:blank","title":"Bad Request","status":400,"detail":"customer.address.zip is missing.","code":"missing_field","pointer":"#/customer/address/zip"}"##
    );
}

#[test]
fn client_text_in_messages_is_escaped_and_cut() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Only {
        A,
    }
    #[derive(Debug, Deserialize)]
    enum Never {}
    #[derive(Debug)]
    struct Loud;
    impl<'de> Deserialize<'de> for Loud {
        fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
            Err(serde::de::Error::custom("\u{1}".repeat(1 << 20)))
        }
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        count: Option<u8>,
        only: Option<Only>,
        never: Option<Never>,
        loud: Option<Loud>,
    }
    let message = |body: &str| error::<Body>(body).2;
    // A string value: quoted as in JSON, control characters escaped, cut to
    // 64 characters.
    assert_eq!(
        message(r#"{"count": "ab\"c\\ \u0000\n"}"#),
        r#"count is invalid: expected an integer from 0 to 255, found the string "ab\"c\\ \u0000\u000a"."#
    );
    assert_eq!(
        message(&format!(r#"{{"count": "{}"}}"#, "x".repeat(10_000))),
        format!(
            "count is invalid: expected an integer from 0 to 255, found the string \"{}\"….",
            "x".repeat(64)
        )
    );
    // A choice of one variant, and of none.
    assert_eq!(
        message(r#"{"only": "B"}"#),
        r#"only is invalid: expected "A", found "B"."#
    );
    assert_eq!(
        message(r#"{"never": "B"}"#),
        r#"never is invalid: expected no variant, found "B"."#
    );
    // A `Deserialize` impl's own message: 400 bytes at most, escaped.
    let loud = message(r#"{"loud": 1}"#);
    assert!(
        loud.starts_with("loud is invalid: \\u0001\\u0001"),
        "{loud}"
    );
    assert!(loud.len() <= "loud is invalid: .".len() + 400 + '…'.len_utf8());
    // A member's name: cut to 100 characters.
    let name = "é".repeat(150);
    let err = parse::<BTreeMap<String, u8>>(&format!(r#"{{"{name}": -1}}"#)).unwrap_err();
    assert_eq!(
        err.path().unwrap().to_string(),
        format!("{}…", "é".repeat(100))
    );
    // A media type: cut to 100 characters.
    let mut headers = HeaderMap::new();
    let media_type = format!("text/{}", "x".repeat(200));
    headers.insert(CONTENT_TYPE, HeaderValue::from_str(&media_type).unwrap());
    let err = parse_json::<Body>(&headers, b"{}").unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "Unsupported media type \"{}…\" in request.",
            &media_type[..100]
        )
    );
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// A request type with a bit of every shape.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Everything {
        order: Option<Order>,
        scores: Option<HashMap<String, u8>>,
        pair: Option<(bool, f64)>,
        status: Option<Status>,
        tagged: Option<Tagged>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Status {
        Active,
        Limited { until: u64 },
    }

    #[derive(Debug, Deserialize)]
    #[serde(tag = "kind")]
    #[allow(dead_code)]
    enum Tagged {
        A { x: i8 },
        B,
    }

    /// Whatever comes back is a client error that every format renders as
    /// valid JSON.
    fn check(result: Result<Everything, RequestError>) {
        if let Err(err) = result {
            assert!(err.status().is_client_error(), "{err:?}");
            for body in [
                Flat::render(&err),
                Problem::render(&err),
                Standard::render(&err),
            ] {
                serde_json::from_slice::<serde_json::Value>(&body).expect("valid JSON");
            }
        }
    }

    /// JSON values of every kind, nested a few levels.
    fn json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            prop::sample::select(vec![
                "order", "scores", "pair", "status", "tagged", "Active", "Limited", "kind", "A",
                "B", "x", "customer", "items"
            ])
            .prop_map(Value::from),
            ".*".prop_map(Value::from),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(vec![
                        "order", "scores", "pair", "status", "tagged", "until", "kind", "x",
                        "name", "customer", "items", "sku", "quantity", "tags", "address", "zip",
                        "street", "Limited", "A"
                    ])
                    .prop_map(str::to_owned),
                    inner,
                    0..5
                )
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_give_a_client_error_never_a_panic(body in prop::collection::vec(any::<u8>(), 0..256)) {
            check(parse_json(&json_headers(), &body));
        }

        #[test]
        fn arbitrary_json_gives_a_value_or_a_client_error(value in json()) {
            let body = serde_json::to_vec(&value).unwrap();
            check(parse_json(&json_headers(), &body));
        }

        #[test]
        fn arbitrary_content_types_never_panic(content_type in prop::collection::vec(any::<u8>(), 0..64)) {
            let mut headers = HeaderMap::new();
            if let Ok(value) = HeaderValue::from_bytes(&content_type) {
                headers.insert(CONTENT_TYPE, value);
            }
            check(parse_json(&headers, b"{}"));
        }
    }
}
