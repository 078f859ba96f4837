//! `parse_json` on arbitrary input: the first byte picks the `Content-Type`,
//! the target type and the parser's settings, the rest is the body.
//! Whatever the input, the result is a value or a client error whose every
//! rendering is valid JSON, whose messages are short lines of text, and
//! whose sub-errors are those of `invalid_fields`, within the configured
//! count; and a body serde_json takes whole, the parser takes too.

#![no_main]

use std::collections::HashMap;

use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard};
use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue};
use api_error::{ApiError, JsonParser, RequestError};
use libfuzzer_sys::fuzz_target;
use serde::de::{Error as _, Unexpected};
use serde::{Deserialize, Deserializer};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Order<'a> {
    id: Option<u64>,
    #[serde(borrow)]
    customer: Option<Customer<'a>>,
    items: Option<Vec<Item>>,
    scores: Option<HashMap<String, i8>>,
    pair: Option<(bool, f32)>,
    status: Option<Status>,
    shape: Option<Shape>,
    any: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)]
struct Customer<'a> {
    first_name: &'a str,
    address: Address,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Address {
    street: String,
    zip: u32,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Item {
    sku: String,
    quantity: u16,
    tags: Vec<char>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Status {
    Active,
    Limited { until: i64 },
    Paused(u8),
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind")]
#[allow(dead_code)]
enum Shape {
    Circle {
        r: f64,
    },
    #[serde(rename = "sq")]
    Square {
        side: u128,
    },
}

/// What the probes have to go through: `deny_unknown_fields` with required
/// and optional fields, an alias, a default, `deserialize_with`, a nested
/// required struct, an array, untagged and adjacently tagged enums,
/// numeric map keys, a custom impl that refuses some strings, and
/// recursion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Signup {
    email: Email,
    #[serde(alias = "years")]
    age: u8,
    nickname: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(deserialize_with = "even")]
    lucky: u32,
    address: Address,
    rgb: Option<[u8; 3]>,
    contact: Option<Contact>,
    event: Option<Event>,
    flags: Option<HashMap<u32, bool>>,
    parent: Option<Box<Signup>>,
}

/// A string with an `@`; its error quotes the client's string whole.
#[derive(Debug)]
#[allow(dead_code)]
struct Email(String);

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.contains('@') {
            Ok(Email(text))
        } else {
            Err(D::Error::custom(format!(
                "{text} is not an email address: it has no @"
            )))
        }
    }
}

/// An even number.
fn even<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let number = u32::deserialize(deserializer)?;
    if number % 2 == 0 {
        Ok(number)
    } else {
        Err(D::Error::invalid_value(
            Unexpected::Unsigned(number.into()),
            &"an even number",
        ))
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Contact {
    Phone { phone: String, ext: Option<u16> },
    Email(Email),
}

#[derive(Debug, Deserialize)]
#[serde(tag = "t", content = "c")]
#[allow(dead_code)]
enum Event {
    Click { x: i32, y: i32 },
    Key(char),
    Quit,
}

/// Flattened fields, which serde buffers: a struct, and a map taking the
/// members no field names.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Page {
    query: String,
    #[serde(flatten)]
    paging: Paging,
    #[serde(flatten)]
    flags: HashMap<String, bool>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Paging {
    limit: u16,
    offset: Option<u32>,
}

const CONTENT_TYPES: [&str; 4] = [
    "application/json",
    "application/problem+json; charset=utf-8",
    "text/plain",
    "",
];

/// The body size the parser accepts.
const LIMIT: usize = 4096;

/// The longest message a request error may have.
const MAX_MESSAGE: usize = 1024;

/// A parser's settings, and how many sub-errors they let it keep.
#[derive(Clone, Copy)]
struct Settings {
    parser: JsonParser,
    max_errors: usize,
    first_only: bool,
}

impl Settings {
    fn new(choice: u8) -> Self {
        let base = JsonParser::new().limit(LIMIT);
        let (parser, max_errors, first_only) = match choice {
            1 | 4 => (base.max_errors(3), 3, false),
            2 | 5 => (base.first_error_only(), 100, true),
            6 => (base.max_errors(0), 0, false),
            7 => (base.max_errors(1).first_error_only(), 1, true),
            _ => (base, 100, false),
        };
        Settings {
            parser,
            max_errors,
            first_only,
        }
    }
}

/// A message is at most a kilobyte, with no control character.
fn check_message(message: &str, err: &RequestError) {
    assert!(
        message.len() <= MAX_MESSAGE,
        "a message of {} bytes: {message:?} in {err:?}",
        message.len()
    );
    assert!(
        !message.chars().any(char::is_control),
        "a control character in {message:?} of {err:?}"
    );
}

fn check<T>(result: &Result<T, RequestError>, settings: Settings) {
    let Err(err) = result else { return };
    assert!(err.status().is_client_error(), "{err:?}");
    let message = err.message();
    assert!(!message.is_empty());
    check_message(&message, err);
    let errors = err.errors();
    for sub in errors {
        check_message(sub.message(), err);
        assert!(!sub.message().is_empty(), "{err:?}");
        assert!(
            matches!(
                sub.code(),
                "unexpected_field" | "missing_field" | "invalid_field"
            ),
            "{err:?}"
        );
        assert!(
            sub.path().is_some(),
            "a sub-error without a path in {err:?}"
        );
    }
    if err.code() == "invalid_fields" {
        assert!(
            !settings.first_only,
            "several problems from the first only: {err:?}"
        );
        assert!(
            !errors.is_empty() || settings.max_errors == 0,
            "no sub-errors in {err:?}"
        );
        assert!(errors.len() <= settings.max_errors, "{err:?}");
        let count: usize = message
            .strip_prefix("The request body has ")
            .and_then(|rest| rest.strip_suffix(" invalid fields."))
            .and_then(|count| count.parse().ok())
            .unwrap_or_else(|| panic!("no count in {message:?}"));
        assert!(count >= errors.len().max(2), "{err:?}");
    } else {
        assert!(errors.is_empty(), "sub-errors in {err:?}");
    }
    for body in [
        Flat::render(err),
        Meta::render(err),
        Standard::render(err),
        Nested::render(err),
        Problem::render(err),
    ] {
        serde_json::from_slice::<serde::de::IgnoredAny>(&body).expect("a valid JSON body");
    }
}

/// Parses `body` as a `T`, and checks the result; and that a body serde_json
/// takes, the parser takes, unless it has escapes (which may be lone
/// surrogates, which the parser refuses).
fn parse<'de, T: Deserialize<'de>>(
    settings: Settings,
    headers: &HeaderMap,
    is_json: bool,
    body: &'de [u8],
) {
    let result = settings.parser.parse::<T>(headers, body);
    check(&result, settings);
    if result.is_err()
        && is_json
        && body.len() <= LIMIT
        && std::str::from_utf8(body).is_ok()
        && !body.windows(2).any(|pair| pair == b"\\u")
        && serde_json::from_slice::<T>(body).is_ok()
    {
        panic!(
            "serde_json takes the body, the parser does not: {:?}",
            result.err()
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, body)) = data.split_first() else {
        return;
    };
    // Bits 0-1: the Content-Type; 2-4: the type; 5-7: the settings.
    let mut headers = HeaderMap::new();
    let content_type = usize::from(choice) % CONTENT_TYPES.len();
    if let Some(&value) = CONTENT_TYPES.get(content_type)
        && !value.is_empty()
    {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
    }
    let is_json = content_type < 2;
    let settings = Settings::new(choice >> 5);
    match (choice >> 2) & 7 {
        0 => parse::<Order<'_>>(settings, &headers, is_json, body),
        1 => parse::<serde_json::Value>(settings, &headers, is_json, body),
        2 => parse::<Vec<Shape>>(settings, &headers, is_json, body),
        3 => parse::<Signup>(settings, &headers, is_json, body),
        4 => parse::<Page>(settings, &headers, is_json, body),
        5 => parse::<Vec<Signup>>(settings, &headers, is_json, body),
        6 => parse::<Vec<Event>>(settings, &headers, is_json, body),
        _ => parse::<HashMap<u32, Signup>>(settings, &headers, is_json, body),
    }
});
