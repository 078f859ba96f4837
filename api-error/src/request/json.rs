//! Parsing a JSON request body: content type, size, then the body itself.

use std::borrow::Cow;

use http::HeaderMap;
use http::header::CONTENT_TYPE;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::RequestError;
use super::adapter::{Adapter, Captured, Kind, Track, head};
use super::checks::split_once_byte;
use super::locate;
use super::way::Way;
use crate::field::{FieldPath, Segment};

/// The body size [`parse_json`] accepts: 2 MiB.
pub const DEFAULT_LIMIT: usize = 2 * 1024 * 1024;

/// The deepest nesting of arrays and objects serde_json reads (its recursion
/// limit, which stays on).
const MAX_DEPTH: usize = 127;

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
/// A valid body is read once, by serde_json alone. A body rejected over a
/// value is read a second time, through an adapter that learns from serde's
/// structured errors what is wrong and where: a `Deserialize` impl with side
/// effects sees such a body twice.
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
///
/// With `#[serde(deny_unknown_fields)]`, a field the type does not name is
/// an error that lists the fields it does:
///
/// ```
/// use api_error::http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
/// use api_error::{parse_json, ApiError};
///
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(deny_unknown_fields)]
/// struct UpdateOrganization {
///     name: Option<String>,
///     status: Option<String>,
///     members: Option<Vec<String>>,
/// }
///
/// let mut headers = HeaderMap::new();
/// headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
///
/// let err = parse_json::<UpdateOrganization>(&headers, br#"{ "foo": "bar" }"#).unwrap_err();
/// assert_eq!(err.code(), "unexpected_field");
/// assert_eq!(
///     err.message(),
///     "foo is not a valid field name for this request. Expected 3 fields: name, status and members."
/// );
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

    /// The largest body accepted, in bytes.
    pub fn max_len(&self) -> usize {
        self.limit
    }

    /// `Ok` if the `Content-Type` is JSON, else `unsupported_media_type`:
    /// the first check of [`parse`](Self::parse), for refusing a body before
    /// reading it.
    pub fn check_content_type(&self, headers: &HeaderMap) -> Result<(), RequestError> {
        check_content_type(headers)
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
    let given = match headers.get(CONTENT_TYPE) {
        Some(value) => value.as_bytes(),
        None => b"",
    };
    let (essence, _parameters) = split_once_byte(given, b';');
    if is_json_type(essence.trim_ascii()) {
        Ok(())
    } else {
        Err(RequestError::UnsupportedMediaType {
            media_type: media_type(given),
        })
    }
}

/// Whether a media type (without parameters) is `application/json` or
/// `<type>/<subtype>+json`, in any case.
fn is_json_type(essence: &[u8]) -> bool {
    if essence.eq_ignore_ascii_case(b"application/json") {
        return true;
    }
    let (kind, subtype) = split_once_byte(essence, b'/');
    let suffix_at = subtype.len().saturating_sub(b"+json".len());
    !kind.is_empty()
        && suffix_at > 0
        && matches!(subtype.get(suffix_at..), Some(suffix) if suffix.eq_ignore_ascii_case(b"+json"))
}

/// How many characters of a client's text (a media type, a member's name)
/// a message repeats: a hostile request gets a short answer.
const CLIP: usize = 100;

/// A request's `Content-Type` as a message repeats it: lossily decoded,
/// then cut like [`clip`].
pub(crate) fn media_type(given: &[u8]) -> String {
    clip(&String::from_utf8_lossy(given))
}

/// Parses with serde_json alone, which is as fast as parsing gets; only if
/// that fails over a value (not over the JSON's syntax) is the body read
/// again through the adapter, to learn from serde's structured errors what
/// is wrong and where.
///
/// That second reading goes straight to the object or array where the
/// first one stopped (see [`Way`]). If what it finds is not an error there
/// (a type that needs a member's siblings to read it, say), the whole body
/// is read through the adapter.
fn parse_body<'de, T: Deserialize<'de>>(body: &'de [u8]) -> Result<T, RequestError> {
    if body.trim_ascii().is_empty() {
        return Err(invalid_request("The request body is empty."));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let error = match T::deserialize(&mut deserializer) {
        Ok(value) => {
            return match deserializer.end() {
                Ok(()) => Ok(value),
                Err(error) => Err(invalid_request(format!(
                    "The request body has more after its JSON value (line {}, column {}).",
                    error.line(),
                    error.column()
                ))),
            };
        }
        Err(error) => error,
    };
    // serde_json reports some type errors as syntax errors (a number where
    // an enum goes), so a syntax error is checked against the body itself.
    if !error.is_data()
        && let Some(malformed) = malformed(body)
    {
        return Err(malformed);
    }
    if let Some(found) = locate::container(body, error.line(), error.column()) {
        let container = found.container;
        let track = Track::expecting(found.path);
        if let Err(captured) = T::deserialize(Way::new(&track, container))
            && track.within_target(&captured)
        {
            return Err(to_request_error(captured, body));
        }
    }
    let track = Track::default();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match T::deserialize(Adapter::new(&mut deserializer, &track)) {
        Err(captured) => Err(to_request_error(captured, body)),
        // The same body failed a moment ago: only a `Deserialize` impl that
        // does not always decide alike gets here.
        Ok(_) => Err(invalid_request(format!(
            "The request body is invalid (line {}, column {}).",
            error.line(),
            error.column()
        ))),
    }
}

fn invalid_request(reason: impl Into<Cow<'static, str>>) -> RequestError {
    RequestError::InvalidRequest {
        reason: reason.into(),
    }
}

/// The request error a captured error means.
fn to_request_error(captured: Captured, body: &[u8]) -> RequestError {
    let captured = captured.into_details();
    let mut segments = captured.path_rev;
    let mut path = FieldPath::new();
    // The path is kept innermost step first: the outermost is last.
    while let Some(segment) = segments.pop() {
        path = match segment {
            // Names the body made up (unknown fields, map keys) may be of
            // any length.
            Segment::Field(name) => path.field(clip_name(name)),
            Segment::Index(index) => path.index(index),
        };
    }
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
        } => invalid_value(path, expected_found(&expected, &found)),
        // A `Deserialize` impl's own words, which may quote the value.
        Kind::Custom(message) => invalid_value(path, clip_long(message)),
        Kind::Foreign { expected } => foreign(path, expected, body),
    }
}

/// `expected {expected}, found {found}`.
fn expected_found(expected: &str, found: &str) -> String {
    const EXPECTED: &str = "expected ";
    const FOUND: &str = ", found ";
    let mut reason =
        String::with_capacity(EXPECTED.len() + expected.len() + FOUND.len() + found.len());
    reason.push_str(EXPECTED);
    reason.push_str(expected);
    reason.push_str(FOUND);
    reason.push_str(found);
    reason
}

/// `text` cut to `limit` characters and marked with `…`, if it is longer.
fn clipped(text: &str, limit: usize) -> Option<String> {
    head(text, limit).map(|head| format!("{head}…"))
}

/// A client's text cut to [`CLIP`] characters.
pub(crate) fn clip(text: &str) -> String {
    clipped(text, CLIP).unwrap_or_else(|| text.to_owned())
}

/// A member's name from the body, cut like [`clip`].
fn clip_name(name: Cow<'static, str>) -> Cow<'static, str> {
    clipped(&name, CLIP).map_or(name, Cow::Owned)
}

/// A message of a `Deserialize` impl, cut to a few times [`CLIP`]: such
/// messages may quote the client's value whole.
pub(crate) fn clip_long(message: String) -> String {
    clipped(&message, 4 * CLIP).unwrap_or(message)
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

/// An error serde_json raised itself: a syntax error, or a value it rejected
/// in a well-formed body.
fn foreign(path: FieldPath, expected: Option<&'static str>, body: &[u8]) -> RequestError {
    malformed(body).unwrap_or_else(|| {
        let expected = expected.unwrap_or("a value of another kind");
        invalid_value(path, format!("expected {expected}"))
    })
}

/// What is wrong with `body` as JSON, if anything: nesting deeper than
/// serde_json reads, an end too soon, or other malformed syntax.
fn malformed(body: &[u8]) -> Option<RequestError> {
    // Read without a target type, which skips values without recursing, so
    // it finds syntax errors but not nesting too deep.
    let syntax = serde_json::from_slice::<IgnoredAny>(body).err();
    let syntax_at = syntax.as_ref().map(|error| (error.line(), error.column()));
    if let Some(deep) = too_deep_at(body)
        && syntax_at.is_none_or(|at| deep <= at)
    {
        return Some(invalid_request(format!(
            "The request body nests arrays and objects deeper than {MAX_DEPTH} levels (line {}, column {}).",
            deep.0, deep.1
        )));
    }
    let error = syntax?;
    let (line, column) = (error.line(), error.column());
    Some(if error.is_eof() {
        invalid_request(format!(
            "The request body ends before its JSON value does (line {line}, column {column})."
        ))
    } else {
        invalid_request(format!(
            "The request body is not valid JSON (line {line}, column {column})."
        ))
    })
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
                if depth > MAX_DEPTH {
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
    use crate::ApiError;

    #[test]
    fn depth_beyond_the_limit_is_found_where_it_starts() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(too_deep_at(deep.as_bytes()), Some((1, MAX_DEPTH + 1)));
        assert_eq!(
            too_deep_at(format!("\n {deep}").as_bytes()),
            Some((2, MAX_DEPTH + 2))
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

    #[test]
    fn long_names_and_messages_are_cut() {
        assert!(matches!(
            clip_name(Cow::Borrowed("email")),
            Cow::Borrowed("email")
        ));
        let name = clip_name(Cow::Owned("k".repeat(1 << 20)));
        assert_eq!(name, format!("{}…", "k".repeat(CLIP)));
        assert_eq!(clip_long("short".to_owned()), "short");
        assert_eq!(clip_long("m".repeat(1 << 20)).chars().count(), 4 * CLIP + 1);
    }

    #[test]
    fn a_huge_unknown_field_gets_a_short_answer() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Signup {
            email: String,
        }
        let body = format!(r#"{{"{}": 1}}"#, "k".repeat(1 << 20));
        let err = parse_body::<Signup>(body.as_bytes()).unwrap_err();
        assert!(err.message().len() < 1024, "{}", err.message().len());
    }
}
