//! Request errors: what a server raises before a handler runs, with the codes
//! of the reference APIs, and the JSON body parser that raises them.
//!
//! The parser, `parse_json` and `JsonParser`, is behind the `parse-json`
//! feature, which the `axum` and `actix-web` features turn on. It is the
//! largest part of this crate to compile, and a server whose framework parses
//! bodies its own way need not build it. The error type and the header checks
//! are always here.
//!
//! | code | status | when |
//! |---|---|---|
//! | `invalid_request` | 400 | the body is empty, not JSON, or not the JSON value the endpoint takes (an object, usually) |
//! | `unexpected_field` | 400 | a field the endpoint does not take (with `#[serde(deny_unknown_fields)]`) |
//! | `missing_field` | 400 | a required field is absent |
//! | `invalid_field` | 400 | a field's value has the wrong type or is out of range |
//! | `payload_too_large` | 413 | the body is over the size limit (2 MiB unless configured) |
//! | `method_not_allowed` | 405 | the endpoint does not answer this method; sent with `Allow` |
//! | `not_acceptable` | 406 | `Accept` excludes JSON |
//! | `not_found` | 404 | no route matches (the framework fallbacks raise it) |
//! | `unsupported_media_type` | 415 | the body's `Content-Type` is not JSON |
//! | `missing_authorization_header` | 401 | no `Authorization` header |
//! | `invalid_authorization_header` | 401 | `Authorization` is not `Bearer <token>` |
//!
//! # What serde cannot tell
//!
//! The parser reports what serde's structured errors say, never parsing their
//! text, and some things serde does not say:
//!
//! - which fields are optional: an unknown field's message lists every field
//!   the type names (`Expected 3 fields: name, status and members.`),
//!   required or not;
//! - paths inside values that serde buffers before deciding what they are:
//!   the variants of internally tagged, adjacently tagged and untagged enums,
//!   and `#[serde(flatten)]`ed fields. An error there is reported at the
//!   enum's or the struct's own path;
//! - the message of a `Deserialize` impl's own error (`Error::custom`), which
//!   is shown as written.
//!
//! Unknown fields are errors only for types marked
//! `#[serde(deny_unknown_fields)]`; otherwise serde ignores them.

// The body parser, api-error's largest part, builds only where it is used.
#[cfg(feature = "parse-json")]
mod adapter;
mod checks;
#[cfg(feature = "parse-json")]
mod json;
#[cfg(feature = "parse-json")]
mod locate;
#[cfg(feature = "parse-json")]
mod way;

use std::borrow::Cow;
use std::fmt;

use http::Method;

use crate::{ApiError, FieldPath};

pub use self::checks::{accepts_json, allow_method, bearer_token};
#[cfg(feature = "parse-json")]
pub use self::json::{DEFAULT_LIMIT, JsonParser, parse_json};

// Cutting a client's text short, shared with the framework integrations.
#[cfg(feature = "axum")]
pub(crate) use self::json::clip;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use self::json::{clip_long, media_type};

/// An error raised before a handler runs: a body that is not the JSON the
/// endpoint takes, a method it does not answer, missing credentials, ….
///
/// See the [module documentation](self) for when each is raised.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api(status = 400)]
#[non_exhaustive]
pub enum RequestError {
    /// The request body is not a valid JSON object, or is empty.
    ///
    /// # Resolution
    ///
    /// Send a JSON object; the message says where the body stops being one.
    #[api(message = "{reason}")]
    InvalidRequest {
        /// What is wrong with the body, as a sentence.
        reason: Cow<'static, str>,
    },

    /// A field is present in the request but is not one of the fields the
    /// endpoint takes.
    ///
    /// # Resolution
    ///
    /// Remove the field, or check its name against those the message lists.
    #[api(message = "{path} is not a valid field name for this request. Expected {expected}.")]
    UnexpectedField {
        /// Where the field is.
        #[api(path)]
        path: FieldPath,
        /// The fields the endpoint takes there.
        expected: FieldNames,
    },

    /// A field the endpoint requires is absent from the request.
    ///
    /// # Resolution
    ///
    /// Add the field the message names.
    #[api(message = "{path} is missing.")]
    MissingField {
        /// Where the field should be.
        #[api(path)]
        path: FieldPath,
    },

    /// A field of the request has a value of the wrong type, or out of range.
    ///
    /// # Resolution
    ///
    /// Send a value of the kind the message says was expected.
    #[api(message = "{path} is invalid: {reason}.")]
    InvalidField {
        /// Where the field is.
        #[api(path)]
        path: FieldPath,
        /// What was expected and what came.
        reason: String,
    },

    /// The request body is larger than the endpoint accepts.
    ///
    /// # Resolution
    ///
    /// Send a smaller body, within the limit the message gives.
    #[api(
        status = 413,
        message = "The request body is larger than the limit of {limit} bytes."
    )]
    PayloadTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },

    /// The endpoint does not answer the request's method.
    ///
    /// # Resolution
    ///
    /// Use one of the methods the `Allow` header lists.
    #[api(status = 405, message = "Method \"{method}\" not allowed.")]
    MethodNotAllowed {
        /// The request's method.
        method: Method,
        /// The methods the endpoint answers, sent in `Allow`.
        #[api(allow)]
        allowed: Vec<Method>,
    },

    /// The request's `Accept` header excludes JSON.
    ///
    /// # Resolution
    ///
    /// Accept `application/json`, or send no `Accept` header.
    #[api(status = 406, message = "Could not satisfy the request Accept header.")]
    NotAcceptable,

    /// The request body's `Content-Type` is not JSON.
    ///
    /// # Resolution
    ///
    /// Send the body as JSON, with `Content-Type: application/json`.
    #[api(
        status = 415,
        message = "Unsupported media type \"{media_type}\" in request."
    )]
    UnsupportedMediaType {
        /// The `Content-Type` the request gave, empty if none.
        media_type: String,
    },

    /// The request has no `Authorization` header.
    ///
    /// # Resolution
    ///
    /// Send the access token as `Authorization: Bearer <token>`.
    #[api(
        status = 401,
        message = "Authorization header bearer token must be present."
    )]
    MissingAuthorizationHeader,

    /// No resource answers at the request's URL.
    ///
    /// # Resolution
    ///
    /// Check the URL's path against the API's reference.
    #[api(status = 404, message = "The requested resource does not exist.")]
    NotFound,

    /// The `Authorization` header is not a bearer token.
    ///
    /// # Resolution
    ///
    /// Send the access token as `Authorization: Bearer <token>`.
    #[api(
        status = 401,
        message = "The Authorization header must be a bearer token: \"Bearer <token>\".",
        www_authenticate = "Bearer error=\"invalid_request\""
    )]
    InvalidAuthorizationHeader,
}

/// The fields a request may have at some point of its body, as serde lists
/// them.
///
/// `Display` writes them as a message does: `3 fields: name, status and
/// members`, `1 field: name`, `no fields`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldNames(pub &'static [&'static str]);

impl fmt::Display for FieldNames {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.0;
        match names.len() {
            0 => return f.write_str("no fields"),
            1 => f.write_str("1 field: ")?,
            count => write!(f, "{count} fields: ")?,
        }
        write_list(f, names, "and")
    }
}

/// Writes `a`, `a and b`, `a, b and c`.
fn write_list(f: &mut fmt::Formatter<'_>, items: &[impl fmt::Display], last: &str) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        match i {
            0 => {}
            _ if i + 1 == items.len() => write!(f, " {last} ")?,
            _ => f.write_str(", ")?,
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_read_as_a_sentence() {
        assert_eq!(FieldNames(&[]).to_string(), "no fields");
        assert_eq!(FieldNames(&["name"]).to_string(), "1 field: name");
        assert_eq!(
            FieldNames(&["name", "id"]).to_string(),
            "2 fields: name and id"
        );
        assert_eq!(
            FieldNames(&["name", "status", "members"]).to_string(),
            "3 fields: name, status and members"
        );
    }
}
