//! Parsing a JSON request body: content type, size, then the body itself.

use http::header::CONTENT_TYPE;
use serde::Deserialize;

use super::checks::{RequestHeaders, split_once_byte};
use super::wording::media_type;
use super::{RequestError, problems, tree};
use crate::format::MAX_SUB_ERRORS;

/// The body size [`parse_json`] accepts: 2 MiB.
pub const DEFAULT_LIMIT: usize = 2 * 1024 * 1024;

/// Parses a JSON request body into `T`, checking in order:
///
/// 1. the `Content-Type`: `application/json` or any `+json` type, with any
///    parameters (`charset=utf-8`), else `unsupported_media_type` (415);
/// 2. the size: at most [`DEFAULT_LIMIT`] bytes, else `payload_too_large`
///    (413); [`JsonParser`] sets another limit;
/// 3. the body: `invalid_request` if it is empty, not JSON text (RFC 8259:
///    the grammar, UTF-8, nothing after the value, no lone surrogate
///    escapes), nested deeper than 127 levels where serde_json reads it, or
///    not the JSON value `T` takes, whatever else is wrong;
///    else `unexpected_field`, `missing_field` or `invalid_field`, with the
///    field's path, for a body with one problem, and `invalid_fields` for a
///    body with several, each a sub-error ([`ApiError::errors`]) in body
///    order.
///
/// `headers` is the request's headers, or the request itself
/// ([`RequestHeaders`]: `http`'s `HeaderMap`, `Parts` or `Request`, and
/// actix-web's own types). `T` may borrow from the body (`&str` fields).
///
/// A body with problems is read more than once ([how a body is
/// read](super#how-a-body-is-read)): keep `Deserialize` impls and `default`
/// functions free of side effects.
///
/// [`ApiError::errors`]: crate::ApiError::errors
///
/// ```
/// use api_error::http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
/// use api_error::{parse_json, ApiError, RequestError};
///
/// // With `deny_unknown_fields`, a field `Signup` does not name is an error
/// // that lists those it does.
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(deny_unknown_fields)]
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
///
/// let err = parse_json::<Signup>(&headers, br#"{"email": "a@b.c", "age": 1, "plan": "pro"}"#).unwrap_err();
/// assert_eq!(err.code(), "unexpected_field");
/// assert_eq!(err.message(), "plan is not a valid field name for this request. Expected 2 required fields: email and age.");
///
/// let err = parse_json::<Signup>(&headers, br#"{"email": 7, "age": -1}"#).unwrap_err();
/// assert_eq!(err.code(), "invalid_fields");
/// assert_eq!(err.message(), "The request body has 2 invalid fields.");
/// assert_eq!(err.errors()[0].message(), "email is invalid: expected a string, found the number 7.");
/// assert_eq!(err.errors()[1].path().unwrap().to_string(), "age");
/// ```
pub fn parse_json<'de, T: Deserialize<'de>>(
    headers: &impl RequestHeaders,
    body: &'de [u8],
) -> Result<T, RequestError> {
    JsonParser::new().parse(headers, body)
}

/// A JSON body parser with its own size limit, and its own count of the
/// problems it lists.
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
///
/// let err = JsonParser::new().max_errors(2).parse::<Vec<u8>>(&headers, b"[-1, -2, -3]").unwrap_err();
/// assert_eq!(err.message(), "The request body has 3 invalid fields.");
/// assert_eq!(err.errors().len(), 2);
///
/// let err = JsonParser::new().first_error_only().parse::<Vec<u8>>(&headers, b"[-1, -2]").unwrap_err();
/// assert_eq!(err.message(), "[0] is invalid: expected an integer from 0 to 255, found the number -1.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonParser {
    limit: usize,
    max_errors: usize,
    first_only: bool,
}

impl Default for JsonParser {
    fn default() -> Self {
        JsonParser {
            limit: DEFAULT_LIMIT,
            max_errors: MAX_SUB_ERRORS,
            first_only: false,
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
    pub fn limit(mut self, bytes: usize) -> Self {
        self.limit = bytes;
        self
    }

    /// A parser keeping at most `count` of a body's problems as the
    /// sub-errors of `invalid_fields`, the first in body order: 100 by
    /// default, as many as a body lists. The message still counts them all.
    #[must_use]
    pub fn max_errors(mut self, count: usize) -> Self {
        self.max_errors = count;
        self
    }

    /// A parser that stops at a body's first problem, in body order, and
    /// reports it alone, reading the body no further.
    #[must_use]
    pub fn first_error_only(mut self) -> Self {
        self.first_only = true;
        self
    }

    /// The largest body accepted, in bytes.
    pub fn max_len(&self) -> usize {
        self.limit
    }

    /// How many problems are listed as sub-errors: of a body's, and of a
    /// validation report's, which the validating extractors read.
    #[cfg(all(
        any(feature = "validator", feature = "garde"),
        any(feature = "axum", feature = "actix-web")
    ))]
    pub(crate) fn kept(&self) -> usize {
        if self.first_only { 1 } else { self.max_errors }
    }

    /// `Ok` if the `Content-Type` is JSON, else `unsupported_media_type`:
    /// the first check of [`parse`](Self::parse), for refusing a body before
    /// reading it.
    pub fn check_content_type(&self, headers: &impl RequestHeaders) -> Result<(), RequestError> {
        let given = headers
            .header_values(&CONTENT_TYPE)
            .next()
            .unwrap_or_default();
        let (essence, _parameters) = split_once_byte(given, b';');
        if is_json_type(essence.trim_ascii()) {
            Ok(())
        } else {
            Err(RequestError::UnsupportedMediaType {
                media_type: media_type(given),
            })
        }
    }

    /// Parses a JSON request body into `T`; see [`parse_json`].
    pub fn parse<'de, T: Deserialize<'de>>(
        &self,
        headers: &impl RequestHeaders,
        body: &'de [u8],
    ) -> Result<T, RequestError> {
        self.check_content_type(headers)?;
        if body.len() > self.limit {
            return Err(RequestError::PayloadTooLarge { limit: self.limit });
        }
        // serde_json alone, which is as fast as parsing gets; only if that
        // fails is the body read for what is wrong.
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let parsed = T::deserialize(&mut deserializer).and_then(|value| {
            deserializer.end()?;
            Ok(value)
        });
        let failure = match parsed {
            Ok(value)
                if std::str::from_utf8(body).is_ok() && tree::lone_surrogate(body).is_none() =>
            {
                return Ok(value);
            }
            // Not JSON text, which `tree::parse` says.
            Ok(_) => (0, 0),
            Err(error) => (error.line(), error.column()),
        };
        let invalid_request = |reason: String| RequestError::InvalidRequest {
            reason: reason.into(),
        };
        let tree = tree::parse(body).map_err(invalid_request)?;
        // `None`: serde_json refused what the probes took, from a
        // `Deserialize` impl that does not decide alike twice.
        let problem = problems::report::<T>(&tree, self.max_errors, self.first_only);
        Err(problem.unwrap_or_else(|| invalid_request(tree::sentence("is invalid", failure))))
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
