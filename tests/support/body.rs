//! A request body read as JSON, for the tests of the body parser, and its
//! problems as rows that compare whole.

// Each test file uses some of it.
#![allow(dead_code)]

use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue};
use api_error::{ApiError, RequestError, parse_json};
use serde::Deserialize;

/// The headers of a request with a JSON body.
pub fn json_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers
}

/// Parses `body` as `T` with a JSON content type.
pub fn parse<'de, T: Deserialize<'de>>(
    body: &'de (impl AsRef<[u8]> + ?Sized),
) -> Result<T, RequestError> {
    parse_json(&json_headers(), body.as_ref())
}

/// A problem as the tests write it: code, dotted path and message.
pub type Row = (String, String, String);

/// The row of each sub-error of `err`.
pub fn sub_errors(err: &RequestError) -> Vec<Row> {
    err.errors()
        .iter()
        .map(|sub| {
            let path = sub.path().map(ToString::to_string).unwrap_or_default();
            (sub.code().to_owned(), path, sub.message().to_owned())
        })
        .collect()
}

/// Rows written as string slices.
pub fn rows(rows: &[(&str, &str, &str)]) -> Vec<Row> {
    rows.iter()
        .map(|&(code, path, message)| (code.to_owned(), path.to_owned(), message.to_owned()))
        .collect()
}
