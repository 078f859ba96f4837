//! gRPC from the same declaration: an error as a `tonic::Status`, with
//! `google.rpc`'s rich error details. With the `tonic` feature, every
//! derived type converts: `Err(UsersError::UserNotFound)?` in a tonic
//! service answers `NOT_FOUND`.
//!
//! The status has the error's [gRPC code](crate::ApiError::grpc_code) and
//! public message (a server error's internals never, as in a body), and its
//! details are those of [`format::Google`](crate::format::Google)'s body:
//! an `ErrorInfo` whose `reason` is the code as a
//! [`Reason`], whose `domain` is the type's
//! `#[api(domain = "...")]` or the application's
//! ([`app::set_domain`]), empty when neither is
//! set, and whose `metadata` holds the extension members as strings and
//! the HTTP status as `http_status`; the sub-errors as a `BadRequest`'s
//! field violations, with their dotted paths; the `Retry-After` delay as a
//! `RetryInfo`.
//!
//! ```
//! use api_error::ApiError;
//! use tonic_types::StatusExt;
//!
//! #[derive(Debug, ApiError)]
//! enum UsersError {
//!     #[api(status = 404, code = "user_not_found", message = "No such user.")]
//!     NotFound,
//! }
//!
//! let status = tonic::Status::from(UsersError::NotFound);
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "No such user.");
//! let info = status.get_details_error_info().unwrap();
//! assert_eq!(info.reason, "USER_NOT_FOUND");
//! assert_eq!(info.metadata["http_status"], "404");
//! ```
//!
//! The request context's request id and language do not reach a status
//! yet: tonic's services need a tower layer of their own to install it.

use std::collections::HashMap;
use std::time::Duration;

use tonic_types::{ErrorDetails, StatusExt};

use crate::catalog::Entry;
use crate::format::json::Object;
use crate::format::listed_errors;
use crate::grpc::Reason;
use crate::headers::retry_after_seconds;
use crate::status::error_status;
use crate::{ApiError, app};

/// The metadata key of the HTTP status in a status's `ErrorInfo`.
pub const HTTP_STATUS: &str = "http_status";

/// `err` as a `tonic::Status`; see the [module](self).
pub fn status<E: ApiError + ?Sized>(err: &E) -> ::tonic::Status {
    let code = ::tonic::Code::from_i32(err.grpc_code().number());
    let mut details = ErrorDetails::new();
    let mut metadata = extension_strings(err);
    metadata.insert(
        HTTP_STATUS.to_owned(),
        error_status(err).as_u16().to_string(),
    );
    let domain = err.entry().and_then(Entry::domain).or_else(app::domain);
    details.set_error_info(
        Reason::of(err.code()).to_string(),
        domain.unwrap_or_default(),
        metadata,
    );
    for sub in listed_errors(err) {
        let field = sub.path().map(ToString::to_string).unwrap_or_default();
        details.add_bad_request_violation(field, sub.message());
    }
    if let Some(seconds) = retry_after_seconds(err) {
        details.set_retry_info(Some(Duration::from_secs(seconds)));
    }
    ::tonic::Status::with_error_details(code, err.message(), details)
}

/// The error's extension members, each as a string (another value as its
/// JSON text), as `Google`'s `metadata` has them.
fn extension_strings<E: ApiError + ?Sized>(err: &E) -> HashMap<String, String> {
    let mut json = Vec::new();
    err.extensions(&mut Object::new(&mut json).members_as_strings());
    serde_json::from_slice(&json).unwrap_or_default()
}
