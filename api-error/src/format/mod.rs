//! Envelope formats: the JSON shape an error takes in a response body.
//!
//! A format is a type implementing [`Format`]. Every format `F` renders any
//! error, `&dyn ApiError` included:
//!
//! - `F::render(&err)` gives the body, as bytes, written straight into one
//!   buffer;
//! - `F::response(&err)` gives a whole `http::Response`: the status, the
//!   headers the error requires, `Content-Type`, and the body.
//!
//! | format | body | content type |
//! |---|---|---|
//! | [`Flat`] | `{"error":"user_not_found","message":"…"}` | `application/json` |
//! | [`Meta`] | `{"meta":{"status":401,"error":{"status":401,"type":"Unauthorized","message":"…"}}}` | `application/json` |
//! | [`Standard`] | `{"type":"client_error","errors":[{"code":"not_acceptable","detail":"…","attr":null}]}` | `application/json` |
//! | [`Nested`] | `{"error":{"message":"…","code":"mvnoAccount","status":404}}` | `application/json` |
//! | [`Problem`] | `{"type":"about:blank","title":"Not Found","status":404,"detail":"…","code":"not_found"}` | `application/problem+json` |
//! | [`JsonApi`] | `{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"…"}]}` | `application/vnd.api+json` |
//! | [`Google`] | `{"error":{"code":404,"message":"…","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"NOT_FOUND"}]}}` | `application/json` |
//! | [`Microsoft`] | `{"error":{"code":"not_found","message":"…"}}` | `application/json` |
//!
//! Each preset's page shows its body with sub-errors, and where it puts field
//! paths and extension members.
//!
//! ```
//! use api_error::ApiError;
//! use api_error::format::{Flat, Format, Problem};
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     #[api(status = 409, message = "The user {0} already exists.")]
//!     UserAlreadyExists(String),
//! }
//!
//! let err = UserError::UserAlreadyExists("ada".into());
//! assert_eq!(
//!     Flat::render(&err),
//!     br#"{"error":"user_already_exists","message":"The user ada already exists."}"#
//! );
//!
//! let response = Problem::response(&err);
//! assert_eq!(response.status(), 409);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! ```
//!
//! # Which format an error renders with
//!
//! Naming a format, `Flat::response(&err)`, decides. Otherwise
//! [`api_error::response`](crate::response) (which the framework integrations
//! use) takes the type's `#[api(format = ...)]`, else the application's
//! default set once at start-up with [`set_default`], else [`Problem`].
//!
//! ```standalone_crate
//! use api_error::ApiError;
//! use api_error::format::{self, Flat, Standard};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404)]
//! struct NotFound;
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404, format = Standard)]
//! struct Gone;
//!
//! // At start-up, before serving requests:
//! format::set_default::<Flat>().expect("set once");
//!
//! assert_eq!(api_error::render(&NotFound), br#"{"error":"not_found","message":"Not Found"}"#);
//! assert_eq!(
//!     api_error::render(&Gone),
//!     br#"{"type":"client_error","errors":[{"code":"gone","detail":"Not Found","attr":null}]}"#
//! );
//! ```

pub mod json;

// A preset is one file holding its whole shape: the writer, the members
// its extensions may not use, the schema, a description of its sub-errors,
// and (`decode`, with the `client` feature) the client's test of whether a
// body is in the shape and its reader. Besides the file, it takes its
// `mod` and `pub use` here and its line in `client`'s `presets!` list.
pub(crate) mod flat;
pub(crate) mod google;
pub(crate) mod jsonapi;
pub(crate) mod meta;
pub(crate) mod microsoft;
pub(crate) mod nested;
pub(crate) mod problem;
pub(crate) mod standard;
pub(crate) mod sub_errors;

mod default;

use std::any::TypeId;
use std::fmt;

use http::header::WWW_AUTHENTICATE;
use http::{HeaderValue, Response, StatusCode};

use crate::ApiError;
use crate::field::FieldError;
use crate::status::error_status;

pub use self::default::{DefaultAlreadySet, default_format, for_error, set_default};
pub use self::flat::Flat;
pub use self::google::Google;
pub use self::json::Members;
pub use self::jsonapi::{DataAttributes, DocumentRoot, JsonApi, JsonApiAt, PointerPrefix};
pub use self::meta::Meta;
pub use self::microsoft::Microsoft;
pub use self::nested::Nested;
pub use self::problem::Problem;
pub use self::standard::Standard;

/// A JSON envelope for errors.
///
/// Implement [`write_body`](Self::write_body) to define your own; `render`
/// and `response` come with it. The writers in [`json`] escape as they go
/// and always leave valid JSON; list sub-errors with [`listed_errors`], which
/// keeps a body's length bounded as the presets do, and write the request's
/// id with [`json::Object::request_id`], as the presets do inside a
/// [request context](crate::context).
///
/// ```
/// use api_error::format::json::Object;
/// use api_error::format::Format;
/// use api_error::http::HeaderValue;
/// use api_error::ApiError;
///
/// /// `{"failure":{"code":…,"text":…}}`
/// struct Failure;
///
/// impl Format for Failure {
///     const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
///
///     fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
///         let mut body = json::Object::new(out);
///         let mut failure = body.object("failure");
///         failure.string("code", err.code());
///         failure.message("text", err);
///     }
/// }
/// # use api_error::format::json;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404)]
/// struct NotFound;
///
/// assert_eq!(
///     Failure::render(&NotFound),
///     br#"{"failure":{"code":"not_found","text":"Not Found"}}"#
/// );
/// ```
pub trait Format {
    /// The `Content-Type` of the bodies this format writes.
    const CONTENT_TYPE: HeaderValue;

    /// A JSON Schema of the bodies, for OpenAPI documents; by default, any
    /// object.
    const JSON_SCHEMA: &'static str = r#"{"type":"object"}"#;

    /// Writes the body for `err` at the end of `out`.
    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>);

    /// The body for `err`.
    fn render<E: ApiError + ?Sized>(err: &E) -> Vec<u8> {
        let mut out = Vec::with_capacity(capacity_hint(err));
        Self::write_body(err, &mut out);
        out
    }

    /// The whole response for `err`: status, headers and body.
    ///
    /// With the `tracing` feature, it logs a server error with its source
    /// chain at `error` level, and a client error at `debug`.
    fn response<E: ApiError + ?Sized>(err: &E) -> Response<Vec<u8>> {
        build_response(err, Self::CONTENT_TYPE, Self::render(err))
    }
}

/// A format chosen at run time, such as the one a type names with
/// `#[api(format = ...)]`.
#[derive(Clone, Copy)]
pub struct DynFormat {
    content_type: fn() -> HeaderValue,
    json_schema: fn() -> &'static str,
    write_body: fn(&dyn ApiError, &mut Vec<u8>),
    type_id: fn() -> TypeId,
    type_name: fn() -> &'static str,
}

impl DynFormat {
    /// The format `F`.
    pub const fn of<F: Format + 'static>() -> Self {
        DynFormat {
            content_type: content_type_of::<F>,
            json_schema: json_schema_of::<F>,
            write_body: write_body_of::<F>,
            type_id: TypeId::of::<F>,
            type_name: std::any::type_name::<F>,
        }
    }

    /// Whether this is the format `F`. Unlike comparing with
    /// `DynFormat::of::<F>()`, it does not make `F`'s writer for `dyn
    /// ApiError`, which a check that only asks has no use for.
    pub(crate) fn is<F: Format + 'static>(&self) -> bool {
        (self.type_id)() == TypeId::of::<F>()
    }

    /// The format's Rust name, e.g. `api_error::format::flat::Flat`.
    pub(crate) fn type_name(&self) -> &'static str {
        (self.type_name)()
    }

    /// The `Content-Type` of the bodies this format writes.
    pub fn content_type(&self) -> HeaderValue {
        (self.content_type)()
    }

    /// A JSON Schema of the bodies; see [`Format::JSON_SCHEMA`].
    pub fn json_schema(&self) -> &'static str {
        (self.json_schema)()
    }

    /// Writes the body for `err` at the end of `out`.
    pub fn write_body(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        (self.write_body)(err, out);
    }

    /// The body for `err`.
    pub fn render(&self, err: &dyn ApiError) -> Vec<u8> {
        let mut out = Vec::with_capacity(capacity_hint(err));
        self.write_body(err, &mut out);
        out
    }

    /// The whole response for `err`: status, headers and body.
    pub fn response(&self, err: &dyn ApiError) -> Response<Vec<u8>> {
        build_response(err, self.content_type(), self.render(err))
    }
}

fn content_type_of<F: Format>() -> HeaderValue {
    F::CONTENT_TYPE
}

fn json_schema_of<F: Format>() -> &'static str {
    F::JSON_SCHEMA
}

fn write_body_of<F: Format>(err: &dyn ApiError, out: &mut Vec<u8>) {
    F::write_body(err, out);
}

impl PartialEq for DynFormat {
    fn eq(&self, other: &Self) -> bool {
        (self.type_id)() == (other.type_id)()
    }
}

impl Eq for DynFormat {}

impl fmt::Debug for DynFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DynFormat").field(&self.type_name()).finish()
    }
}

/// The most sub-errors a body lists: the first ones, in order.
///
/// An error may collect any number of sub-errors (one per invalid field of a
/// large request, say); a body stays bounded all the same. The error itself
/// keeps them all in [`ApiError::errors`], for logs. Your own formats keep
/// the same bound by listing [`listed_errors`].
pub const MAX_SUB_ERRORS: usize = 100;

/// The sub-errors a body lists: the first [`MAX_SUB_ERRORS`] of `err`'s.
pub fn listed_errors<E: ApiError + ?Sized>(err: &E) -> &[FieldError] {
    let errors = err.errors();
    errors.get(..MAX_SUB_ERRORS).unwrap_or(errors)
}

/// A first guess at the body's size, so that it is usually allocated once.
fn capacity_hint(err: &(impl ApiError + ?Sized)) -> usize {
    let own = match err.entry() {
        Some(entry) => {
            128 + entry.code().len()
                + entry.title().len()
                + entry.message().len() * 2
                + entry.type_uri().map_or(0, str::len)
        }
        None => 256,
    };
    // Each sub-error: its members' names and punctuation, its texts, and a
    // path of a few steps.
    let errors: usize = listed_errors(err)
        .iter()
        .map(|sub| {
            64 + sub.code().len()
                + sub.message().len()
                + 16 * sub.path().map_or(0, |path| path.segments().len())
        })
        .sum();
    // Room for a request's id, as a member and as problem+json's
    // `instance`, whether or not a request context is installed: an id is
    // short, and asking the context costs more than the room.
    let id = 32 + 2 * crate::context::RequestId::MAX_LEN;
    own + errors + id
}

/// Puts `body` in a response with `err`'s status and headers.
fn build_response(
    err: &(impl ApiError + ?Sized),
    content_type: HeaderValue,
    body: Vec<u8>,
) -> Response<Vec<u8>> {
    #[cfg(feature = "tracing")]
    crate::log::sent(err);
    let status = error_status(err);
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    err.headers(headers);
    // RFC 9110 §15.5.2: a 401 must say how to authenticate.
    if status == StatusCode::UNAUTHORIZED && !headers.contains_key(WWW_AUTHENTICATE) {
        headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    // After the error's own headers: the body's type is the format's to say,
    // or the request's, for a `+json` type it may take as `application/json`;
    // its language, the request's.
    crate::context::response_headers(err, content_type, headers);
    response
}
