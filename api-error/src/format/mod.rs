//! Envelope formats: the JSON shape an error takes in a response body.
//!
//! A format is a type implementing [`Format`]. Every format `F` renders any
//! error, `&dyn ApiError` included:
//!
//! - `F::render(&err)` gives the body, as bytes;
//! - `F::response(&err)` gives a whole `http::Response`: the status, the
//!   headers the error requires, `Content-Type`, and the body.
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

pub mod json;

mod flat;
mod problem;

use std::any::TypeId;
use std::fmt;

use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response};

use crate::error::{ApiError, error_status};

pub use self::flat::Flat;
pub use self::json::Members;
pub use self::problem::Problem;

/// A JSON envelope for errors.
///
/// Implement [`write_body`](Self::write_body) to define your own; `render`
/// and `response` come with it. The writers in [`json`] escape as they go
/// and always leave valid JSON.
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

    /// Writes the body for `err` at the end of `out`.
    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>);

    /// The body for `err`.
    fn render<E: ApiError + ?Sized>(err: &E) -> Vec<u8> {
        let mut out = Vec::with_capacity(capacity_hint(err));
        Self::write_body(err, &mut out);
        out
    }

    /// The whole response for `err`: status, headers and body.
    fn response<E: ApiError + ?Sized>(err: &E) -> Response<Vec<u8>> {
        build_response(err, Self::CONTENT_TYPE, Self::render(err))
    }
}

/// A format chosen at run time, such as the one a type names with
/// `#[api(format = ...)]`.
#[derive(Clone, Copy)]
pub struct DynFormat {
    content_type: fn() -> HeaderValue,
    write_body: fn(&dyn ApiError, &mut Vec<u8>),
    type_id: fn() -> TypeId,
    type_name: fn() -> &'static str,
}

impl DynFormat {
    /// The format `F`.
    pub const fn of<F: Format + 'static>() -> Self {
        DynFormat {
            content_type: content_type_of::<F>,
            write_body: write_body_of::<F>,
            type_id: TypeId::of::<F>,
            type_name: std::any::type_name::<F>,
        }
    }

    /// The `Content-Type` of the bodies this format writes.
    pub fn content_type(&self) -> HeaderValue {
        (self.content_type)()
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
        f.debug_tuple("DynFormat")
            .field(&(self.type_name)())
            .finish()
    }
}

/// A first guess at the body's size, so that it is usually allocated once.
fn capacity_hint(err: &(impl ApiError + ?Sized)) -> usize {
    match err.entry() {
        Some(entry) => {
            128 + entry.code().len()
                + entry.title().len()
                + entry.message().len() * 2
                + entry.type_uri().map_or(0, str::len)
        }
        None => 256,
    }
}

/// Puts `body` in a response with `err`'s status and headers.
fn build_response(
    err: &(impl ApiError + ?Sized),
    content_type: HeaderValue,
    body: Vec<u8>,
) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = error_status(err);
    let headers = response.headers_mut();
    err.headers(headers);
    // After the error's own headers: the body's type is the format's to say.
    headers.insert(CONTENT_TYPE, content_type);
    response
}
