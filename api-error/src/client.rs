//! The client side: an error response decoded back into one structure,
//! whichever of the preset formats the API answers in.
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
//! | `JsonApi` | without sub-errors | without sub-errors | without sub-errors | yes (yes) | title and type, without sub-errors | yes |
//! | `Google` | as its reason, lower-cased | yes | | yes | | yes, as strings |
//! | `Microsoft` | yes | yes | yes | yes | | yes |
//!
//! [`decode`] takes the parts of a response, [`decode_response`] an
//! `http::Response`; with the `reqwest` feature, `decode_reqwest` reads a
//! `reqwest::Response`, and `error_for_status` also rebuilds the error as
//! one of a derived type's, in one call.
//!
//! # Telling the formats apart
//!
//! Each preset's file holds its whole shape: the writer, and the client's
//! test of whether a body is in that shape and its reader. Some bodies fit
//! more than one shape (`{"error":{...}}` is the shape of `Google`,
//! `Nested` and `Microsoft` alike), so `decode` asks in one order:
//!
//! 1. a content type that is one preset's own (`application/problem+json`
//!    for `Problem`, `application/vnd.api+json` for `JsonApi`) decides;
//! 2. otherwise the first preset, in the order of [`Envelope`]'s variants,
//!    whose test the body passes:
//!    1. `Meta`: a single object member `meta`;
//!    2. `Google`: a single object member `error` with a number `code`
//!       and a string `status`;
//!    3. `Nested`: a single object member `error` with a number `status`;
//!    4. `Microsoft`: a single object member `error` with a string `code`
//!       and a string `message` (which a `Nested` body also has, so
//!       `Nested` is asked first);
//!    5. `Standard`: a `type` of its own and items with `code`s;
//!    6. `JsonApi`: only the top-level members JSON:API allows, and a
//!       list of `errors`;
//!    7. `Flat`: a string `error`, which a `Standard` body with an
//!       extension member named `error` would also pass;
//!    8. `Problem`: a string `title` or `detail`, the loosest, last.

use std::fmt;

use http::StatusCode;
use serde_json::{Map, Value};

use crate::ApiError;
use crate::catalog::Entry;
use crate::field::{FieldErrors, FieldPath};
use crate::format::json::REQUEST_ID;
use crate::format::{Format, flat, google, jsonapi, meta, microsoft, nested, problem, standard};
use crate::grpc::Reason;

#[cfg(feature = "reqwest")]
mod reqwest;
#[cfg(feature = "reqwest")]
pub use self::reqwest::{Failure, decode_reqwest, error_for_status};

/// The presets the client knows, in the order it tries them (see the
/// module's documentation): each with the module that holds its shape.
/// Adding a preset is one line here.
macro_rules! presets {
    ($($(#[$doc:meta])* $name:ident in $module:ident,)*) => {
        /// Which of the preset formats a body is in.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Envelope {
            $($(#[$doc])* $name,)*
        }

        /// The presets in the order bodies are tried against them.
        const PRESETS: &[Preset] = &[$(Preset {
            envelope: Envelope::$name,
            content_type: || <crate::format::$name as Format>::CONTENT_TYPE,
            fits: $module::decode::fits,
            read: $module::decode::read,
        },)*];
    };
}

presets! {
    /// [`format::Meta`](crate::format::Meta): `{"meta": {"status", "error"}}`.
    Meta in meta,
    /// [`format::Google`](crate::format::Google):
    /// `{"error": {"code": 404, "status": "NOT_FOUND", …}}`.
    Google in google,
    /// [`format::Nested`](crate::format::Nested): `{"error": {"code", "status": 404, …}}`.
    Nested in nested,
    /// [`format::Microsoft`](crate::format::Microsoft): `{"error": {"code", "message", …}}`.
    Microsoft in microsoft,
    /// [`format::Standard`](crate::format::Standard): `{"type", "errors"}`.
    Standard in standard,
    /// [`format::JsonApi`](crate::format::JsonApi): `{"errors": […]}`.
    JsonApi in jsonapi,
    /// [`format::Flat`](crate::format::Flat): `{"error", "message"}`.
    Flat in flat,
    /// [`format::Problem`](crate::format::Problem): RFC 9457 problem details.
    Problem in problem,
}

/// What the client knows of one preset's shape.
struct Preset {
    envelope: Envelope,
    /// The preset's content type: one other than `application/json`
    /// decides by itself.
    content_type: fn() -> http::HeaderValue,
    /// Whether a body is in this shape.
    fits: fn(&Map<String, Value>) -> bool,
    /// Reads a body in this shape.
    read: fn(Map<String, Value>, &mut RemoteError),
}

/// An error response, decoded: see [`decode`].
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteError {
    pub(crate) status: StatusCode,
    pub(crate) envelope: Option<Envelope>,
    pub(crate) code: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) type_uri: Option<String>,
    pub(crate) instance: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) path: Option<FieldPath>,
    pub(crate) errors: FieldErrors,
    pub(crate) extensions: Map<String, Value>,
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
        Some(Value::Object(object)) => match preset_of(&object, essence.as_deref()) {
            Some(preset) => {
                remote.envelope = Some(preset.envelope);
                (preset.read)(object, &mut remote);
                // Where the preset puts it among the error's own members.
                if remote
                    .extensions
                    .get(REQUEST_ID)
                    .is_some_and(Value::is_string)
                    && let Some(Value::String(id)) = remote.extensions.remove(REQUEST_ID)
                {
                    remote.request_id.get_or_insert(id);
                }
            }
            None => remote.message = text(body),
        },
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

/// The preset a JSON object is in: the one its content type names, else
/// the first whose shape it fits.
fn preset_of(object: &Map<String, Value>, essence: Option<&str>) -> Option<&'static Preset> {
    let own_type = |preset: &&Preset| {
        let content_type = (preset.content_type)();
        let content_type = content_type.to_str().unwrap_or_default();
        content_type != "application/json" && essence == Some(content_type)
    };
    PRESETS
        .iter()
        .find(own_type)
        .or_else(|| PRESETS.iter().find(|preset| (preset.fits)(object)))
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
            request_id: None,
            path: None,
            errors: FieldErrors::new(),
            extensions: Map::new(),
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

    /// The id the server gave the request (`request_id`, where each preset
    /// puts it), to quote to its operators.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
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
    ///
    /// A `Google` body carries the code as its reason, which this crate
    /// decodes lower-cased; it is the entry's when it is the entry's code's
    /// [`Reason`], whatever the code's case.
    pub fn is(&self, entry: &Entry) -> bool {
        let same_code = |code: &str| {
            code == entry.code()
                || (self.envelope == Some(Envelope::Google)
                    && code.eq_ignore_ascii_case(&Reason::of(entry.code()).to_string()))
        };
        self.status == entry.status() && self.code().is_some_and(same_code)
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

/// What the presets' readers share: members read by name, absent when
/// missing or of the wrong JSON type.
pub(crate) mod read {
    use http::StatusCode;
    use serde_json::{Map, Value};

    use crate::field::{FieldError, FieldErrors, FieldPath};
    use crate::format::sub_errors::Member;

    /// The string member `key`.
    pub(crate) fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
        object.get(key).and_then(Value::as_str).map(str::to_owned)
    }

    /// The object member `key`, taken out of `object`; empty if there is
    /// none.
    pub(crate) fn take_object(object: &mut Map<String, Value>, key: &str) -> Map<String, Value> {
        match object.remove(key) {
            Some(Value::Object(inner)) => inner,
            _ => Map::new(),
        }
    }

    /// The object that is `body`'s only member, `key`: the shape of
    /// several presets' bodies, told apart by what the object holds.
    pub(crate) fn sole_object<'a>(
        body: &'a Map<String, Value>,
        key: &str,
    ) -> Option<&'a Map<String, Value>> {
        if body.len() == 1 {
            body.get(key).and_then(Value::as_object)
        } else {
            None
        }
    }

    /// The number member `key`, as a status.
    pub(crate) fn status(object: &Map<String, Value>, key: &str) -> Option<StatusCode> {
        let number = object.get(key).and_then(Value::as_u64)?;
        StatusCode::from_u16(u16::try_from(number).ok()?).ok()
    }

    /// The dotted path member `key`.
    pub(crate) fn dotted(object: &Map<String, Value>, key: &str) -> Option<FieldPath> {
        object
            .get(key)
            .and_then(Value::as_str)
            .map(FieldPath::parse)
    }

    /// The JSON Pointer member `key`.
    pub(crate) fn pointer(object: &Map<String, Value>, key: &str) -> Option<FieldPath> {
        object
            .get(key)
            .and_then(Value::as_str)
            .and_then(FieldPath::parse_pointer)
    }

    /// The objects of the array member `key`.
    pub(crate) fn objects<'a>(
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

    /// The sub-errors listed in the array member `key`, each read by
    /// `members`.
    pub(crate) fn sub_errors(
        object: &Map<String, Value>,
        key: &str,
        members: &[Member],
    ) -> FieldErrors {
        objects(object, key)
            .map(|item| sub_error(item, members))
            .collect()
    }

    /// The sub-error an item of a list holds, read by the members that
    /// wrote it.
    pub(crate) fn sub_error(item: &Map<String, Value>, members: &[Member]) -> FieldError {
        let (mut code, mut message, mut path, mut sub_status) = (None, None, None, None);
        for member in members {
            match *member {
                Member::Code(name) => code = string(item, name),
                Member::Message(name) => message = string(item, name),
                Member::Status(name) => sub_status = status(item, name),
                Member::Dotted(name) | Member::DottedOrNull(name) => path = dotted(item, name),
                Member::Pointer(name) => path = pointer(item, name),
            }
        }
        let mut sub = FieldError::new(code.unwrap_or_default(), message.unwrap_or_default());
        if let Some(path) = path {
            sub = sub.at(path);
        }
        if let Some(status) = sub_status {
            sub = sub.with_status(status);
        }
        sub
    }

    /// The members of `object` but the `reserved` ones: the error's
    /// extension members.
    pub(crate) fn extensions(
        mut object: Map<String, Value>,
        reserved: &[&str],
    ) -> Map<String, Value> {
        object.retain(|key, _| !reserved.contains(&key.as_str()));
        object
    }
}
