//! Request errors: what a server raises before a handler runs, with the codes
//! of the reference APIs, and the JSON body parser that raises them.
//!
//! The parser, `parse_json` and `JsonParser`, is behind the `parse-json`
//! feature, which the `axum` and `actix-web` features turn on, and so are
//! `parse_path` and `parse_query`, which read path and query parameters with
//! the parser's machinery and in its words. It is the largest part of this
//! crate to compile, and a server whose framework parses bodies its own way
//! need not build it. The error type and the header checks are always here;
//! they read a request through [`RequestHeaders`] and [`RequestMethod`],
//! which `http`'s types and, with the `actix-web` feature, actix-web's own
//! implement.
//!
//! | code | status | when |
//! |---|---|---|
//! | `invalid_request` | 400 | the body is empty, not JSON text, or not the JSON value the endpoint takes (an object, usually); it wins over any problem of a field |
//! | `unexpected_field` | 400 | a field the endpoint does not take (with `#[serde(deny_unknown_fields)]`) |
//! | `missing_field` | 400 | a required field is absent |
//! | `invalid_field` | 400 | a field's value has the wrong type or is out of range |
//! | `invalid_fields` | 400 | more than one of the three above, in the body, the path or the query ([`RequestPart`]): each is a sub-error, in the order the request gives them |
//! | `validation_failed` | 422 | the body is the JSON the endpoint takes, but its values fail the endpoint's validation (features `validator` and `garde`): each problem is a sub-error |
//! | `payload_too_large` | 413 | the body is over the size limit (2 MiB unless configured) |
//! | `method_not_allowed` | 405 | the endpoint does not answer this method; sent with `Allow` |
//! | `not_acceptable` | 406 | `Accept` excludes JSON |
//! | `not_found` | 404 | no route matches (the framework fallbacks raise it) |
//! | `unsupported_media_type` | 415 | the body's `Content-Type` is not JSON |
//! | `missing_authorization_header` | 401 | no `Authorization` header |
//! | `invalid_authorization_header` | 401 | `Authorization` is not `Bearer <token>` |
//!
//! # How a body is read
//!
//! A valid body is read by serde_json alone, then checked for what
//! serde_json does not check in the values a type skips (UTF-8, surrogate
//! escapes). A body that fails is first checked as JSON text (serde_json
//! reads its grammar, skipping every value), then scanned once for a tree
//! of where its values are. Then the target type's
//! `Deserialize` runs over the tree again and again, each run from the
//! root and shown only what follows the last problem found, so that its
//! first error is the next problem: every value is read once, whatever the
//! number of problems. At the end of each struct with a problem the struct
//! is shown hollow (each member a stand-in: the smallest value of what its
//! type asks for; arrays and maps inside it empty), so that the type says
//! which fields it still lacks, one run for each.
//!
//! So on a body with problems, `Deserialize` impls and `default` functions
//! run more than once, on parts of the body and on stand-ins: keep them
//! free of side effects.
//!
//! # What serde cannot tell
//!
//! The parser reports what serde's structured errors say, never parsing
//! their text. What serde does not say, it learns by asking serde's own
//! code:
//!
//! - which fields are required: a field is optional when the struct, shown
//!   an object that lacks it, raises no `missing_field` for it (an
//!   `Option`, a `#[serde(default)]` field; not an `Option` read with
//!   `deserialize_with`). Shown the required fields learned so far, a
//!   struct names the next one;
//! - a field's main name: serde's field list holds every alias too; given a
//!   name twice, the struct's `duplicate_field` names the field's main name;
//! - whether unknown fields are refused: with `deny_unknown_fields` a key
//!   outside the field list is an `unknown_field`, without it its value is
//!   skipped.
//!
//! What is learned is kept by where it is in the body, not by the type's
//! name (two types called `Item` can differ). Some things stay unknown:
//!
//! - where a type refuses a stand-in (a validated newtype that refuses an
//!   empty string, a date, a `deserialize_with` that refuses `1`), the
//!   fields of its struct are listed without saying which are required
//!   (`Expected 3 fields: …`); and a required field of such a type that is
//!   missing, or whose own value is wrong, hides the fields missing after
//!   it in its struct, which serde checks one by one in the order they are
//!   declared: those are found once it is fixed, and the count is of the
//!   problems found;
//! - paths inside values that serde buffers before deciding what they are:
//!   the variants of internally tagged and untagged enums, adjacently tagged
//!   ones whose content comes before the tag, and `#[serde(flatten)]`ed
//!   fields. An error there is reported at the value's own path, as serde
//!   words it, and only errors that reach the top count: those of the
//!   variants an untagged enum tried and dropped do not;
//! - a tuple or fixed-size array is read whole: only its first problem; and
//!   what a map or array's type checks at its end (a length, no two equal
//!   elements) is not known once a problem inside it was found;
//! - an error a `#[serde(flatten)]`ed part raises is known only when its
//!   struct has no other problem;
//! - a field given under an alias, whose value is wrong and whose type
//!   refuses a stand-in, may also be reported missing under its main name;
//! - nesting deeper than 127 levels, which serde_json does not read, is
//!   refused in a body with problems even inside a value the type would
//!   skip, which a body without problems may hold;
//! - the message of a `Deserialize` impl's own error (`Error::custom`),
//!   which is shown as written, cut short, control characters escaped.
//!
//! serde_json also reads a struct from an array of its fields; in a body
//! with problems, an array where a struct goes is one of them: a JSON API
//! writes a struct as an object.

mod checks;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod context;
// The body parser, api-error's largest part, builds only where it is used.
#[cfg(feature = "parse-json")]
mod json;
#[cfg(feature = "parse-json")]
mod params;
#[cfg(feature = "parse-json")]
mod probe;
#[cfg(feature = "parse-json")]
mod problems;
#[cfg(feature = "parse-json")]
mod tree;
#[cfg(feature = "parse-json")]
mod wording;
// What the `validator` and `garde` features share.
#[cfg(any(feature = "validator", feature = "garde"))]
pub(crate) mod validate;
mod wire;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use http::Method;

use crate::field::write_clipped;
use crate::{ApiError, FieldError, FieldErrors, FieldPath};

pub use self::checks::{RequestHeaders, RequestMethod, accepts_json, allow_method, bearer_token};
#[cfg(feature = "parse-json")]
pub use self::json::{DEFAULT_LIMIT, JsonParser, parse_json};
#[cfg(feature = "parse-json")]
pub use self::params::{parse_path, parse_query};

// Cutting a client's text short, and the words of the frameworks' own
// rejections, shared with the framework integrations.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use self::context::ContextParts;
#[cfg(feature = "actix-web")]
pub(crate) use self::tree::sentence;
#[cfg(feature = "axum")]
pub(crate) use self::wording::{clip_long, clip_name, json_words, the_string};
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use self::wording::{media_type, rejected};

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
        #[api(example = "The request body ends before its JSON value does (line 1, column 9).")]
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
        #[api(path, example = "foo")]
        path: FieldPath,
        /// The fields the endpoint takes there.
        #[api(example = "3 optional fields: name, status and members")]
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
        #[api(path, example = "name")]
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
        #[api(path, example = "name")]
        path: FieldPath,
        /// What was expected and what came.
        #[api(example = "expected a string, found the number 5")]
        reason: String,
    },

    /// The request body (or its path, or its query) has more than one
    /// unexpected, missing or invalid field: each is a sub-error, with its
    /// own code, message and path, in the order the request gives them.
    ///
    /// # Resolution
    ///
    /// Fix each field the sub-errors name.
    #[api(message = "The request {part} has {count} invalid fields.")]
    InvalidFields {
        /// The part of the request the fields are in: `body` for
        /// `parse_json`'s.
        #[api(example = "body")]
        part: RequestPart,
        /// How many problems there are; `errors` may keep fewer.
        #[api(example = 2)]
        count: usize,
        /// The problems, the first ones in the order the request gives them.
        #[api(errors)]
        errors: FieldErrors,
    },

    /// The request body is the JSON the endpoint takes, but some of its
    /// values fail the endpoint's validation: each problem is a sub-error,
    /// with its own code, message and path.
    ///
    /// # Resolution
    ///
    /// Fix each value the sub-errors name.
    #[api(
        status = 422,
        message = "The request body failed validation in {fields}."
    )]
    ValidationFailed {
        /// How many places of the body failed, as the message says it:
        /// `2 fields`, `1 field`.
        #[api(example = "2 fields")]
        fields: FieldCount,
        /// The problems, each with its path.
        #[api(errors)]
        errors: FieldErrors,
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
        #[api(example = 2097152)]
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
        #[api(example = "PATCH")]
        method: Method,
        /// The methods the endpoint answers, sent in `Allow`.
        #[api(allow, example = "GET, PUT")]
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
        #[api(example = "application/xml")]
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

/// Where in a request the fields an `invalid_fields` counts are: its
/// message says `The request body has 3 invalid fields.`, `The request path
/// has 2 invalid fields.` or `The request query has 2 invalid fields.`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RequestPart {
    /// The body, a JSON value's fields.
    Body,
    /// The path parameters of the route.
    Path,
    /// The query string's parameters.
    Query,
}

impl fmt::Display for RequestPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RequestPart::Body => "body",
            RequestPart::Path => "path",
            RequestPart::Query => "query",
        })
    }
}

impl RequestError {
    /// `validation_failed` (422) with `errors` as its sub-errors, counting
    /// the places they are about: the distinct paths, the body itself (a
    /// sub-error without a path) counting as one.
    ///
    /// The `validator` and `garde` features build it from their reports;
    /// this is for validation of your own.
    ///
    /// ```
    /// use api_error::{ApiError, FieldErrors, RequestError};
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.add("email", "email", "Must be an email address.");
    /// errors.add("name", "length", "Must be at least 2 characters long.");
    /// errors.add("name", "ascii", "Must be ASCII.");
    /// let err = RequestError::validation_failed(errors);
    /// assert_eq!(err.status(), 422);
    /// assert_eq!(err.code(), "validation_failed");
    /// assert_eq!(err.message(), "The request body failed validation in 2 fields.");
    /// assert_eq!(err.errors().len(), 3);
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.add("email", "email", "Must be an email address.");
    /// let err = RequestError::validation_failed(errors);
    /// assert_eq!(err.message(), "The request body failed validation in 1 field.");
    /// ```
    pub fn validation_failed(errors: FieldErrors) -> RequestError {
        RequestError::ValidationFailed {
            fields: FieldCount::places(&errors),
            errors,
        }
    }
}

/// How many fields of a request body failed validation, as a
/// `validation_failed` message says it: `Display` writes `2 fields`,
/// `1 field`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldCount(pub usize);

impl FieldCount {
    /// How many distinct places `errors` are about.
    pub(crate) fn places(errors: &FieldErrors) -> FieldCount {
        let places: BTreeSet<Option<&FieldPath>> = errors.iter().map(FieldError::path).collect();
        FieldCount(places.len())
    }
}

impl fmt::Display for FieldCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 field"),
            count => write!(f, "{count} fields"),
        }
    }
}

/// The fields an object of the request body may have, as an
/// `unexpected_field` message lists them.
///
/// `Display` writes them as the message does: `3 optional fields: name,
/// status and members`, `3 required fields: id, email and age`, `2 required
/// fields (id and email) and 1 optional field (age)`; `3 fields: …` when
/// which are required is not known; `no fields`. A long list ends `and 12
/// more`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames(Names);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Names {
    Listed(Vec<&'static str>),
    Classified {
        required: Vec<&'static str>,
        optional: Vec<&'static str>,
    },
}

impl FieldNames {
    /// Fields of which it is not known which are required.
    pub fn listed(names: &[&'static str]) -> Self {
        FieldNames(Names::Listed(names.to_vec()))
    }

    /// Fields told apart: those a request must have, and those it may.
    pub fn classified(required: Vec<&'static str>, optional: Vec<&'static str>) -> Self {
        FieldNames(Names::Classified { required, optional })
    }

    /// The fields a request must have there, if that is known.
    pub fn required(&self) -> Option<&[&'static str]> {
        match &self.0 {
            Names::Listed(_) => None,
            Names::Classified { required, .. } => Some(required),
        }
    }

    /// Every field, required ones first when they are known.
    pub fn names(&self) -> Vec<&'static str> {
        match &self.0 {
            Names::Listed(names) => names.clone(),
            Names::Classified { required, optional } => {
                required.iter().chain(optional).copied().collect()
            }
        }
    }
}

impl fmt::Display for FieldNames {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Names::Listed(names) => counted(f, names, "", ": "),
            Names::Classified { required, optional } => match (required.len(), optional.len()) {
                (_, 0) => counted(f, required, "required ", ": "),
                (0, _) => counted(f, optional, "optional ", ": "),
                _ => {
                    counted(f, required, "required ", " (")?;
                    f.write_str(") and ")?;
                    counted(f, optional, "optional ", " (")?;
                    f.write_str(")")
                }
            },
        }
    }
}

/// `3 optional fields: a, b and c`, with `kind` and `then` as given.
fn counted(f: &mut fmt::Formatter<'_>, names: &[&str], kind: &str, then: &str) -> fmt::Result {
    match names.len() {
        0 => return f.write_str("no fields"),
        1 => write!(f, "1 {kind}field{then}")?,
        count => write!(f, "{count} {kind}fields{then}")?,
    }
    write_list(f, names, "and")
}

/// How many characters of a client's text (a name, a media type) a
/// message repeats.
const CLIP: usize = 100;

/// How many names a list shows before `and N more`, and how long their
/// text may grow: a message stays within a kilobyte.
const LISTED: usize = 16;
const LISTED_BYTES: usize = 250;

/// Writes `a`, `a and b`, `a, b and c` (with `last` for `and`), or as many
/// as fit and `and N more`, control characters escaped.
pub(crate) fn write_list(
    out: &mut impl fmt::Write,
    names: &[impl AsRef<str>],
    last: &str,
) -> fmt::Result {
    let mut written = 0;
    for (i, name) in names.iter().enumerate() {
        let name = name.as_ref();
        let left = names.len() - i;
        if i > 0 && left > 1 && (i == LISTED || written + name.len() > LISTED_BYTES) {
            return write!(out, " {last} {left} more");
        }
        match i {
            0 => {}
            _ if left == 1 => write!(out, " {last} ")?,
            _ => out.write_str(", ")?,
        }
        // A name is cut short as a client's would be.
        write_clipped(out, name, CLIP)?;
        written += name.len() + 2;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_read_as_a_sentence() {
        assert_eq!(FieldNames::listed(&[]).to_string(), "no fields");
        assert_eq!(FieldNames::listed(&["name"]).to_string(), "1 field: name");
        assert_eq!(
            FieldNames::listed(&["name", "status", "members"]).to_string(),
            "3 fields: name, status and members"
        );
        let classified = |required: &[&'static str], optional: &[&'static str]| {
            FieldNames::classified(required.to_vec(), optional.to_vec()).to_string()
        };
        assert_eq!(classified(&[], &[]), "no fields");
        assert_eq!(
            classified(&[], &["name", "status", "members"]),
            "3 optional fields: name, status and members"
        );
        assert_eq!(
            classified(&["id", "email", "age"], &[]),
            "3 required fields: id, email and age"
        );
        assert_eq!(
            classified(&["id", "email"], &["age"]),
            "2 required fields (id and email) and 1 optional field (age)"
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let names: Vec<&'static str> = (0..40).map(|i| &*format!("f{i:02}").leak()).collect();
        let listed = FieldNames::listed(&names).to_string();
        assert!(listed.ends_with("f14, f15 and 24 more"), "{listed}");
        let long: Vec<&'static str> = (0..5)
            .map(|i| &*format!("{i}{}", "x".repeat(99)).leak())
            .collect();
        let listed = FieldNames::listed(&long).to_string();
        assert!(
            listed.ends_with(" and 3 more") && listed.len() < 300,
            "{listed}"
        );
        assert_eq!(
            FieldNames::listed(&["a\nb"]).to_string(),
            "1 field: a\\u000ab"
        );
    }
}
