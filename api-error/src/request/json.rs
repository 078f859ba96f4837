//! Parsing a JSON request body: content type, size, then the body itself.

use std::borrow::Cow;

use http::HeaderMap;
use http::header::CONTENT_TYPE;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::RequestError;
use super::adapter::{Adapter, Captured, Kind, Track};
use crate::field::{FieldPath, Segment};

/// The body size [`parse_json`] accepts: 2 MiB.
pub const DEFAULT_LIMIT: usize = 2 * 1024 * 1024;

/// The deepest nesting of arrays and objects serde_json reads (its recursion
/// limit, which stays on).
const DEPTH_LIMIT: usize = 128;

/// Parses a JSON request body into `T`, checking in order:
///
/// 1. the `Content-Type`: `application/json` or any `+json` type, with any
///    parameters (`charset=utf-8`), else `unsupported_media_type` (415);
/// 2. the size: at most [`DEFAULT_LIMIT`] bytes, else `payload_too_large`
///    (413); [`JsonParser`] sets another limit;
/// 3. the body: `invalid_request` if it is empty, not JSON, or not the JSON
///    value `T` takes; `unexpected_field`, `missing_field` or `invalid_field`,
///    each with the field's path, when a field is wrong.
///
/// `T` may borrow from the body (`&str` fields).
///
/// ```
/// use api_error::http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
/// use api_error::{parse_json, ApiError, RequestError};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Signup {
///     email: String,
///     age: u8,
/// }
///
/// let mut headers = HeaderMap::new();
/// headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
///
/// let err = parse_json::<Signup>(&headers, br#"{"email": "ada@example.com", "age": 300}"#).unwrap_err();
/// assert_eq!(err.code(), "invalid_field");
/// assert_eq!(err.message(), "age is invalid: expected an integer from 0 to 255, found the number 300.");
///
/// let err = parse_json::<Signup>(&headers, br#"{"email": "ada@example.com"}"#).unwrap_err();
/// assert_eq!(err.message(), "age is missing.");
/// ```
pub fn parse_json<'de, T: Deserialize<'de>>(
    headers: &HeaderMap,
    body: &'de [u8],
) -> Result<T, RequestError> {
    JsonParser::new().parse(headers, body)
}

/// A JSON body parser with its own size limit.
///
/// ```
/// use api_error::http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
/// use api_error::{ApiError, JsonParser};
///
/// let mut headers = HeaderMap::new();
/// headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
///
/// let parser = JsonParser::new().limit(16);
/// let err = parser.parse::<Vec<u32>>(&headers, b"[1, 2, 3, 4, 5, 6, 7, 8]").unwrap_err();
/// assert_eq!(err.code(), "payload_too_large");
/// assert_eq!(err.message(), "The request body is larger than the limit of 16 bytes.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonParser {
    limit: usize,
}

impl Default for JsonParser {
    fn default() -> Self {
        JsonParser {
            limit: DEFAULT_LIMIT,
        }
    }
}

impl JsonParser {
    /// A parser with the default limit, [`DEFAULT_LIMIT`].
    pub fn new() -> Self {
        JsonParser::default()
    }

    /// A parser accepting bodies of at most `bytes` bytes.
    #[must_use]
    pub fn limit(self, bytes: usize) -> Self {
        JsonParser { limit: bytes }
    }

    /// Parses a JSON request body into `T`; see [`parse_json`].
    pub fn parse<'de, T: Deserialize<'de>>(
        &self,
        headers: &HeaderMap,
        body: &'de [u8],
    ) -> Result<T, RequestError> {
        check_content_type(headers)?;
        if body.len() > self.limit {
            return Err(RequestError::PayloadTooLarge { limit: self.limit });
        }
        parse_body(body)
    }
}

/// Accepts `application/json` and `<type>/<subtype>+json`, with parameters.
fn check_content_type(headers: &HeaderMap) -> Result<(), RequestError> {
    let given = headers
        .get(CONTENT_TYPE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default();
    let essence = given.split(';').next().unwrap_or_default().trim();
    let is_json = essence.eq_ignore_ascii_case("application/json")
        || essence.split_once('/').is_some_and(|(kind, subtype)| {
            !kind.is_empty()
                && subtype.len() > "+json".len()
                && subtype
                    .get(subtype.len() - "+json".len()..)
                    .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json"))
        });
    if is_json {
        Ok(())
    } else {
        Err(RequestError::UnsupportedMediaType {
            media_type: clip(&given),
        })
    }
}

/// A client's text cut to a length a message can repeat.
fn clip(text: &str) -> String {
    const LIMIT: usize = 100;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()),
        None => text.to_owned(),
    }
}

fn parse_body<'de, T: Deserialize<'de>>(body: &'de [u8]) -> Result<T, RequestError> {
    if body.trim_ascii().is_empty() {
        return Err(invalid_request("The request body is empty."));
    }
    let track = Track::default();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = T::deserialize(Adapter::new(&mut deserializer, &track))
        .map_err(|captured| to_request_error(captured, body))?;
    deserializer.end().map_err(|error| {
        invalid_request(format!(
            "The request body has more after its JSON value (line {}, column {}).",
            error.line(),
            error.column()
        ))
    })?;
    Ok(value)
}

fn invalid_request(reason: impl Into<Cow<'static, str>>) -> RequestError {
    RequestError::InvalidRequest {
        reason: reason.into(),
    }
}

/// The request error a captured error means.
fn to_request_error(captured: Captured, body: &[u8]) -> RequestError {
    let mut segments = captured.path_rev;
    segments.reverse();
    let path = segments
        .into_iter()
        .fold(FieldPath::new(), |path, segment| match segment {
            Segment::Field(name) => path.field(name),
            Segment::Index(index) => path.index(index),
        });
    match captured.kind {
        Kind::UnknownField(expected) => RequestError::UnexpectedField {
            path,
            expected: super::FieldNames(expected),
        },
        Kind::MissingField => RequestError::MissingField { path },
        Kind::DuplicateField => RequestError::InvalidField {
            path,
            reason: "it is given more than once".to_owned(),
        },
        Kind::Mismatch {
            expected, found, ..
        } => invalid_value(path, format!("expected {expected}, found {found}")),
        Kind::Custom(message) => invalid_value(path, message),
        Kind::Foreign { expected } => foreign(path, expected, body),
    }
}

/// An invalid value: of the body itself when the path is empty, else of a
/// field.
fn invalid_value(path: FieldPath, reason: String) -> RequestError {
    if path.is_empty() {
        invalid_request(format!("The request body is invalid: {reason}."))
    } else {
        RequestError::InvalidField { path, reason }
    }
}

/// An error serde_json raised itself: nesting beyond its recursion limit, a
/// syntax error, or (when the body is well-formed JSON) a value it rejected.
fn foreign(path: FieldPath, expected: Option<&'static str>, body: &[u8]) -> RequestError {
    // Read without a target type, which skips values without recursing: it
    // finds a syntax error, and where, but not a nesting too deep.
    let syntax = serde_json::from_slice::<IgnoredAny>(body).err();
    let too_deep = too_deep_at(body);
    match (syntax, too_deep) {
        (syntax, Some(deep))
            if syntax
                .as_ref()
                .is_none_or(|error| (error.line(), error.column()) > deep) =>
        {
            invalid_request(format!(
                "The request body nests arrays and objects deeper than {DEPTH_LIMIT} levels (line {}, column {}).",
                deep.0, deep.1
            ))
        }
        (Some(error), _) if error.is_eof() => invalid_request(format!(
            "The request body ends before its JSON value does (line {}, column {}).",
            error.line(),
            error.column()
        )),
        (Some(error), _) => invalid_request(format!(
            "The request body is not valid JSON (line {}, column {}).",
            error.line(),
            error.column()
        )),
        (None, _) => {
            let expected = expected.unwrap_or("a value of another kind");
            invalid_value(path, format!("expected {expected}"))
        }
    }
}

/// Where `body` first nests arrays and objects deeper than serde_json reads,
/// as serde_json counts lines and columns (from 1, in bytes); strings are
/// skipped.
fn too_deep_at(body: &[u8]) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &byte in body {
        column += 1;
        if byte == b'\n' {
            (line, column) = (line + 1, 0);
        }
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > DEPTH_LIMIT {
                    return Some((line, column));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::adapter::quoted;
    use super::*;

    #[test]
    fn depth_beyond_the_limit_is_found_where_it_starts() {
        let deep = "[".repeat(DEPTH_LIMIT + 1);
        assert_eq!(too_deep_at(deep.as_bytes()), Some((1, DEPTH_LIMIT + 1)));
        assert_eq!(
            too_deep_at(format!("\n {deep}").as_bytes()),
            Some((2, DEPTH_LIMIT + 2))
        );
        let in_string = format!("\"{deep}\"");
        assert_eq!(too_deep_at(in_string.as_bytes()), None);
        let escaped = format!("\"\\\"{deep}\"");
        assert_eq!(too_deep_at(escaped.as_bytes()), None);
        assert_eq!(too_deep_at("]".repeat(1000).as_bytes()), None);
    }

    #[test]
    fn quoted_strings_are_cut() {
        assert_eq!(quoted("ab\"c"), r#""ab\"c""#);
        assert_eq!(quoted(&"x".repeat(100)), format!("\"{}\"…", "x".repeat(64)));
    }

    #[test]
    fn long_media_types_are_cut() {
        assert_eq!(clip("text/plain"), "text/plain");
        assert_eq!(clip(&"é".repeat(150)).chars().count(), 101);
    }
}
