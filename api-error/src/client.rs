//! The client side: an error response decoded back into one structure,
//! whichever of the five formats the API answers in.
//!
//! ```
//! use api_error::client::{self, Envelope, FromRemote};
//! use api_error::http::StatusCode;
//! use api_error::ApiError;
//!
//! let body = br#"{"error":"user_not_found","message":"The user bob has not been created yet."}"#;
//! let remote = client::decode(StatusCode::UNAUTHORIZED, Some("application/json"), body);
//! assert_eq!(remote.envelope(), Some(Envelope::Flat));
//! assert_eq!(remote.code(), Some("user_not_found"));
//! assert_eq!(remote.message(), Some("The user bob has not been created yet."));
//!
//! // A derived type rebuilds the variants whose data the body carries.
//! #[derive(Debug, PartialEq, ApiError)]
//! enum UsersError {
//!     #[api(status = 401, message = "The user has not been created yet.")]
//!     UserNotFound,
//! }
//! assert_eq!(UsersError::from_remote(&remote), Some(UsersError::UserNotFound));
//!
//! // Whatever the body, decoding gives an answer, never a panic.
//! let remote = client::decode(StatusCode::BAD_GATEWAY, Some("text/html"), b"<h1>Bad Gateway</h1>");
//! assert_eq!(remote.envelope(), None);
//! assert_eq!(remote.code(), None);
//! assert_eq!(remote.message(), Some("<h1>Bad Gateway</h1>"));
//! ```
//!
//! Each format carries some of what an error has; what it does not carry
//! decodes as `None` (or empty):
//!
//! | | code | message | path | sub-errors (status) | title, type, instance | extensions |
//! |---|---|---|---|---|---|---|
//! | `Flat` | yes | yes | | yes | | yes |
//! | `Meta` | yes | yes | yes | yes | | yes |
//! | `Standard` | without sub-errors | without sub-errors | without sub-errors | yes | | yes |
//! | `Nested` | yes | without sub-errors | yes | yes (yes) | | yes |
//! | `Problem` | yes | yes | yes | yes | yes | yes |

use std::fmt;

use http::StatusCode;
use serde_json::{Map, Value};

use crate::ApiError;
use crate::catalog::Entry;
use crate::field::{FieldError, FieldErrors, FieldPath};
use crate::format::{flat, meta, nested, problem, standard};

/// Which of the preset formats a body is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Envelope {
    /// [`format::Flat`](crate::format::Flat): `{"error", "message"}`.
    Flat,
    /// [`format::Meta`](crate::format::Meta): `{"meta": {"status", "error"}}`.
    Meta,
    /// [`format::Standard`](crate::format::Standard): `{"type", "errors"}`.
    Standard,
    /// [`format::Nested`](crate::format::Nested): `{"error": {"code", …}}`.
    Nested,
    /// [`format::Problem`](crate::format::Problem): RFC 9457 problem details.
    Problem,
}

/// An error response, decoded: see [`decode`].
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteError {
    status: StatusCode,
    envelope: Option<Envelope>,
    code: Option<String>,
    message: Option<String>,
    title: Option<String>,
    type_uri: Option<String>,
    instance: Option<String>,
    path: Option<FieldPath>,
    errors: FieldErrors,
    extensions: Map<String, Value>,
}

/// Decodes an error response from its status, `Content-Type` and body.
///
/// The format is told from the body's shape (and `application/problem+json`
/// from the content type). A body in none of the formats, not JSON, or
/// with a content type that is not JSON decodes to the status and the
/// body's text as the message. Members of the wrong JSON type are read as
/// absent. No input makes it panic.
pub fn decode(status: StatusCode, content_type: Option<&str>, body: &[u8]) -> RemoteError {
    let essence = content_type.map(|value| {
        value
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    });
    let json_media = essence
        .as_deref()
        .is_none_or(|essence| essence == "application/json" || essence.ends_with("+json"));
    let object = json_media
        .then(|| serde_json::from_slice::<Value>(body).ok())
        .flatten();
    let mut remote = RemoteError::new(status);
    match object {
        Some(Value::Object(object)) => {
            let problem_media = essence.as_deref() == Some("application/problem+json");
            match envelope_of(&object, problem_media) {
                Some(envelope) => remote.read(envelope, object),
                None => remote.message = text(body),
            }
        }
        _ => remote.message = text(body),
    }
    remote
}

/// Decodes an `http::Response`: [`decode`] with its status, `Content-Type`
/// and body.
pub fn decode_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> RemoteError {
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    decode(response.status(), content_type, response.body().as_ref())
}

/// A body's text, trimmed; `None` if it has none.
fn text(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Which format a JSON object is in, from the members it has.
///
/// `Meta` and `Nested` bodies have a single member; a `Standard` body's
/// `errors` hold `code`s where a `Flat` body's hold `error`s. Those checks
/// come first, so that an extension member named `error` in a `Standard`
/// body, say, does not make it look `Flat`.
fn envelope_of(object: &Map<String, Value>, problem_media: bool) -> Option<Envelope> {
    /// The `type` of each kind of `Standard` body.
    const STANDARD_KINDS: &[&str] = &["client_error", "server_error", "validation_error"];

    let only = |key: &str| -> Option<&Map<String, Value>> {
        (object.len() == 1)
            .then(|| object.get(key)?.as_object())
            .flatten()
    };
    let is_kind = |value: &Value| {
        value
            .as_str()
            .is_some_and(|kind| STANDARD_KINDS.contains(&kind))
    };
    let standard_items = || {
        object
            .get("errors")
            .and_then(Value::as_array)
            .is_some_and(|items| {
                !items.is_empty() && items.iter().all(|item| item.get("code").is_some())
            })
    };
    if problem_media {
        Some(Envelope::Problem)
    } else if only("meta").is_some_and(|meta| meta.get("error").is_some_and(Value::is_object)) {
        Some(Envelope::Meta)
    } else if only("error").is_some() {
        Some(Envelope::Nested)
    } else if object.get("type").is_some_and(is_kind) && standard_items() {
        Some(Envelope::Standard)
    } else if object.get("error").is_some_and(Value::is_string) {
        Some(Envelope::Flat)
    } else if ["title", "detail"]
        .iter()
        .any(|key| object.get(*key).is_some_and(Value::is_string))
    {
        Some(Envelope::Problem)
    } else {
        None
    }
}

/// The string member `key`, if it is one.
fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The dotted path member `key`, if it is a string.
fn dotted(object: &Map<String, Value>, key: &str) -> Option<FieldPath> {
    object
        .get(key)
        .and_then(Value::as_str)
        .map(FieldPath::parse)
}

/// The JSON Pointer member `key`, if it is one.
fn pointer(object: &Map<String, Value>, key: &str) -> Option<FieldPath> {
    object
        .get(key)
        .and_then(Value::as_str)
        .and_then(FieldPath::parse_pointer)
}

/// The objects of the array member `key`.
fn objects<'a>(
    object: &'a Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a Map<String, Value>> {
    object
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

/// A sub-error from an item of a list, its members named `code` and
/// `message`, its path read by `path`.
fn sub_error(
    item: &Map<String, Value>,
    [code, message]: [&str; 2],
    path: Option<FieldPath>,
) -> FieldError {
    let error = FieldError::new(
        string(item, code).unwrap_or_default(),
        string(item, message).unwrap_or_default(),
    );
    match path {
        Some(path) => error.at(path),
        None => error,
    }
}

/// The members of `object` but the `reserved` ones.
fn extensions(mut object: Map<String, Value>, reserved: &[&str]) -> Map<String, Value> {
    object.retain(|key, _| !reserved.contains(&key.as_str()));
    object
}

impl RemoteError {
    fn new(status: StatusCode) -> Self {
        RemoteError {
            status,
            envelope: None,
            code: None,
            message: None,
            title: None,
            type_uri: None,
            instance: None,
            path: None,
            errors: FieldErrors::new(),
            extensions: Map::new(),
        }
    }

    /// Reads the members of a body in `envelope`.
    fn read(&mut self, envelope: Envelope, mut body: Map<String, Value>) {
        self.envelope = Some(envelope);
        match envelope {
            Envelope::Flat => {
                self.code = string(&body, "error");
                self.message = string(&body, "message");
                for item in objects(&body, "errors") {
                    let path = dotted(item, "field");
                    self.errors
                        .push(sub_error(item, ["error", "message"], path));
                }
                self.extensions = extensions(body, flat::RESERVED);
            }
            Envelope::Meta => {
                let error = match body.remove("meta") {
                    Some(Value::Object(mut meta)) => match meta.remove("error") {
                        Some(Value::Object(error)) => error,
                        _ => Map::new(),
                    },
                    _ => Map::new(),
                };
                self.code = string(&error, "type");
                self.message = string(&error, "message");
                self.path = dotted(&error, "field");
                for item in objects(&error, "errors") {
                    let path = dotted(item, "field");
                    self.errors.push(sub_error(item, ["type", "message"], path));
                }
                self.extensions = extensions(error, meta::RESERVED);
            }
            Envelope::Standard => {
                let items: Vec<&Map<String, Value>> = objects(&body, "errors").collect();
                let validation =
                    body.get("type").and_then(Value::as_str) == Some("validation_error");
                match items.as_slice() {
                    [item] if !validation => {
                        self.code = string(item, "code");
                        self.message = string(item, "detail");
                        self.path = dotted(item, "attr");
                    }
                    _ => {
                        for item in items {
                            let path = dotted(item, "attr");
                            self.errors.push(sub_error(item, ["code", "detail"], path));
                        }
                    }
                }
                self.extensions = extensions(body, standard::RESERVED);
            }
            Envelope::Nested => {
                let error = match body.remove("error") {
                    Some(Value::Object(error)) => error,
                    _ => Map::new(),
                };
                self.code = string(&error, "code");
                self.message = string(&error, "message");
                self.path = dotted(&error, "path");
                for item in objects(&error, "inner") {
                    let path = dotted(item, "path");
                    let mut sub = sub_error(item, ["code", "message"], path);
                    let status = item
                        .get("status")
                        .and_then(Value::as_u64)
                        .and_then(|status| u16::try_from(status).ok())
                        .and_then(|status| StatusCode::from_u16(status).ok());
                    if let Some(status) = status {
                        sub = sub.with_status(status);
                    }
                    self.errors.push(sub);
                }
                self.extensions = extensions(error, nested::RESERVED);
            }
            Envelope::Problem => {
                self.code = string(&body, "code");
                self.message = string(&body, "detail");
                self.title = string(&body, "title");
                self.type_uri = string(&body, "type");
                self.instance = string(&body, "instance");
                self.path = pointer(&body, "pointer");
                for item in objects(&body, "errors") {
                    let path = pointer(item, "pointer");
                    self.errors.push(sub_error(item, ["code", "detail"], path));
                }
                self.extensions = extensions(body, problem::RESERVED);
            }
        }
    }

    /// The response's status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The format the body is in; `None` if it is in none of the presets.
    pub fn envelope(&self) -> Option<Envelope> {
        self.envelope
    }

    /// The error's code; `None` when the body does not carry one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The message; for a body in none of the formats, its text. `None`
    /// when there is none.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// problem+json's `title`.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// problem+json's `type` URI.
    pub fn type_uri(&self) -> Option<&str> {
        self.type_uri.as_deref()
    }

    /// problem+json's `instance`.
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The field the error is about.
    pub fn path(&self) -> Option<&FieldPath> {
        self.path.as_ref()
    }

    /// The sub-errors, with their codes, messages and paths (and, from
    /// `Nested`, statuses).
    pub fn errors(&self) -> &FieldErrors {
        &self.errors
    }

    /// The body's other members: the error's extension members.
    pub fn extensions(&self) -> &Map<String, Value> {
        &self.extensions
    }

    /// Whether this is the kind of error `entry` describes: the same code
    /// and status. What a derived type's
    /// [`FromRemote::from_remote`] matches with.
    pub fn is(&self, entry: &Entry) -> bool {
        self.status == entry.status() && self.code() == Some(entry.code())
    }
}

impl fmt::Display for RemoteError {
    /// `409 user_already_exists: The user ada already exists.`; without a
    /// code, the status's reason phrase stands in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self
            .code()
            .or(self.status.canonical_reason())
            .unwrap_or_default();
        write!(f, "{} {code}", self.status.as_u16())?;
        if let Some(message) = self.message() {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RemoteError {}

/// A type that can be rebuilt from an error a client decoded.
///
/// `#[derive(ApiError)]` implements it with the `client` feature: it
/// rebuilds a variant when the body says which kind it is (its code and
/// status) and carries all of its data, that is for unit variants, variants
/// whose only field is their `#[api(errors)]` list of `FieldErrors`, and
/// transparent variants, through the type they hold. A type with a
/// transparent variant implements it when the type it holds does; a
/// hand-written `ApiError` takes part with an impl of its own (the empty
/// impl rebuilds nothing).
///
/// ```
/// use api_error::client::{self, FromRemote};
/// use api_error::http::StatusCode;
/// use api_error::ApiError;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// enum UsersError {
///     #[api(status = 404)]
///     UserNotFound,
/// }
///
/// let body = br#"{"error":"user_not_found","message":"Not Found"}"#;
/// let remote = client::decode(StatusCode::NOT_FOUND, Some("application/json"), body);
/// assert_eq!(UsersError::from_remote(&remote), Some(UsersError::UserNotFound));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be rebuilt from a decoded error",
    label = "`FromRemote` is not implemented for `{Self}`",
    note = "derive `ApiError` for `{Self}`, or write `impl api_error::client::FromRemote for {Self} {{}}` (which rebuilds nothing); a derived type with a transparent variant implements `FromRemote` only when the type it holds does"
)]
pub trait FromRemote: Sized {
    /// The error `remote` is, if it is one of this type's and carries all
    /// of its data; `None` otherwise, and by default.
    fn from_remote(remote: &RemoteError) -> Option<Self> {
        let _ = remote;
        None
    }
}

/// A boxed error cannot be rebuilt: its type is not known.
impl FromRemote for Box<dyn ApiError + '_> {}

/// A boxed error cannot be rebuilt: its type is not known.
impl FromRemote for Box<dyn ApiError + Send + '_> {}

/// A boxed error cannot be rebuilt: its type is not known.
impl FromRemote for Box<dyn ApiError + Send + Sync + '_> {}
