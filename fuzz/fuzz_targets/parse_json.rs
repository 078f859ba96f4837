//! `parse_json` on arbitrary input: the first byte picks the `Content-Type`
//! and the target type, the rest is the body. Whatever the input, the result
//! is a value or a client error whose every rendering is valid JSON.

#![no_main]

use std::collections::HashMap;

use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard};
use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue};
use api_error::{ApiError, JsonParser, RequestError};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

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

const CONTENT_TYPES: [&str; 4] = [
    "application/json",
    "application/problem+json; charset=utf-8",
    "text/plain",
    "",
];

fn check<T>(result: Result<T, RequestError>) {
    let Err(err) = result else { return };
    assert!(err.status().is_client_error(), "{err:?}");
    assert!(!err.message().is_empty());
    for body in [
        Flat::render(&err),
        Meta::render(&err),
        Standard::render(&err),
        Nested::render(&err),
        Problem::render(&err),
    ] {
        serde_json::from_slice::<serde::de::IgnoredAny>(&body).expect("a valid JSON body");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, body)) = data.split_first() else {
        return;
    };
    let mut headers = HeaderMap::new();
    let content_type = CONTENT_TYPES[usize::from(choice) % CONTENT_TYPES.len()];
    if !content_type.is_empty() {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    let parser = JsonParser::new().limit(4096);
    match choice / 4 % 3 {
        0 => check(parser.parse::<Order<'_>>(&headers, body)),
        1 => check(parser.parse::<serde_json::Value>(&headers, body)),
        _ => check(parser.parse::<Vec<Shape>>(&headers, body)),
    }
});
