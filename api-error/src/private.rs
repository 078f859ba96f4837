//! What `#[derive(ApiError)]` expands to refers to; not public API.
//!
//! Generated code names everything through `__private` of the runtime
//! crate, bound to a local name (`use ::api_error as __api_error`, or the
//! path of `#[api(crate = "...")]`), and through `::core`, so it compiles
//! whatever the user's crate calls its own items or api-error.

pub use http::header::WWW_AUTHENTICATE;
pub use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
pub use serde;

pub use crate::catalog::entry::{EntryParts, entry};
pub use crate::catalog::{Catalog, Entry, Example, JsonType, Sent};
#[cfg(feature = "client")]
pub use crate::client::{FromRemote, RemoteError};
pub use crate::derived::{AsDynApiError, AsDynError, AsErrors, AsInstance, AsPath, Resolved};
pub use crate::field::{FieldError, FieldPath};
pub use crate::format::{DynFormat, Members};
pub use crate::headers::{Methods, RetryAfter, allow, insert_display, retry_after};
pub use crate::message::MessageOut;
/// The status of a literal the derive has checked.
pub use crate::status::from_checked as status;
/// Checked in a constant when a status is written as a path.
pub use crate::status::is_error_status;
pub use std::vec::Vec;

// Its name is what rustc shows when the user's own `Display` or `Error`
// conflicts with the derive's: see the macro.
pub use crate::__api_error_impl as derive_writes_display_and_error__add_api_skip_display_to_keep_yours;
pub use crate::__api_error_integrations as integrations;
#[cfg(any(feature = "utoipa", feature = "aide"))]
pub use crate::__api_error_subset_integrations as subset_integrations;

#[cfg(feature = "axum")]
pub use axum;
#[cfg(feature = "tonic")]
pub use tonic;

#[cfg(feature = "actix-web")]
pub use actix_web;

/// What generated `IntoResponses` impls name.
#[cfg(feature = "utoipa")]
pub mod utoipa {
    pub use utoipa::IntoResponses;

    /// The map `IntoResponses::responses` returns.
    pub type Responses = std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
    >;
}

/// What generated `OperationOutput` impls name.
#[cfg(feature = "aide")]
pub mod aide {
    pub use aide::OperationOutput;
    pub use aide::generate::GenContext;
    pub use aide::openapi::{Operation, Response};
}

/// `impl` followed by the tokens given: the derive writes its `Display` and
/// `Error` impls through this macro so that, when the user's own impl
/// conflicts with one, rustc's note names the macro by the name it is
/// re-exported under, which says what to do: "this error originates in the
/// macro `...::derive_writes_display_and_error__add_api_skip_display_to_keep_yours`".
/// The `impl` must come from here: rustc takes the impl's origin from it.
#[doc(hidden)]
#[macro_export]
macro_rules! __api_error_impl {
    ($($rest:tt)*) => {
        #[automatically_derived]
        impl $($rest)*
    };
}

/// The catalog of a derived type: its own `entries`, in variant order,
/// then `inner`'s, each named by its transparent variant. `format` is the type's, and applies to `inner`'s entries
/// too, as it does when such an error is rendered.
pub fn catalog(
    entries: &'static [Entry],
    format: Option<DynFormat>,
    inner: &[crate::catalog::Inner],
) -> Catalog {
    Catalog::derived(entries, format, inner)
}

/// The index of the first of `entries` that `remote` is an instance of, or
/// `entries.len()` if none is.
#[cfg(feature = "client")]
pub fn remote_index(remote: &RemoteError, entries: &[Entry]) -> usize {
    let found = entries.iter().position(|entry| remote.is(entry));
    found.unwrap_or(entries.len())
}

// What a derived type's messages are made of: its static text, escaped for
// JSON at compile time, and the fields written between the pieces.
pub use crate::format::json::{Escaped, escape_pieces, escaped_len};
pub use crate::message::{Messages, Placeholder};

// A variant's own gRPC code, in its entry.
pub use crate::grpc::GrpcCode;
