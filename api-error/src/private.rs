//! What `#[derive(ApiError)]` expands to refers to; not public API.
//!
//! Generated code names everything through `__private` of the runtime
//! crate, bound to a local name (`use ::api_error as __api_error`, or the
//! path of `#[api(crate = "...")]`), and through `::core`, so it compiles
//! whatever the user's crate calls its own items or api-error.

use core::error::Error;
use core::fmt;

pub use http::header::WWW_AUTHENTICATE;
pub use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
pub use serde;

use crate::ApiError;
pub use crate::catalog::entry::{EntryParts, entry};
pub use crate::catalog::{Catalog, Entry};
#[cfg(feature = "client")]
pub use crate::client::RemoteError;
pub use crate::field::{FieldError, FieldPath};
pub use crate::format::{DynFormat, Members};
pub use crate::headers::{Methods, RetryAfter, insert_display, insert_methods, insert_seconds};
pub use crate::message::MessageOut;
pub use std::vec::Vec;

pub use crate::__api_error_if_client as if_client;
// Its name is what rustc shows when the user's own `Display` or `Error`
// conflicts with the derive's: see the macro.
pub use crate::__api_error_impl as derive_writes_display_and_error__add_api_skip_display_to_keep_yours;
pub use crate::__api_error_integrations as integrations;

#[cfg(feature = "axum")]
pub use axum;

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
/// then `inner`'s. `format` is the type's, and applies to `inner`'s entries
/// too, as it does when such an error is rendered.
pub fn catalog(
    entries: &'static [Entry],
    format: Option<DynFormat>,
    inner: &[fn() -> Catalog],
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

/// The status for a literal the derive has already checked is 400..=599.
pub const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Whether `status` may be an error's status; checked in a constant when the
/// status is written as a path.
pub const fn is_error_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 400..=599)
}

/// A field marked `#[api(path)]`: a `FieldPath`, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the path of an error",
    label = "`path` needs an `api_error::FieldPath` here",
    note = "use `FieldPath` or `Option<FieldPath>`"
)]
pub trait AsPath {
    fn as_path(&self) -> Option<&FieldPath>;
}

impl AsPath for FieldPath {
    fn as_path(&self) -> Option<&FieldPath> {
        Some(self)
    }
}

impl AsPath for Option<FieldPath> {
    fn as_path(&self) -> Option<&FieldPath> {
        self.as_ref()
    }
}

/// A field marked `#[api(errors)]`: a list of sub-errors.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the sub-errors of an error",
    label = "`errors` needs a list of `api_error::FieldError`s here",
    note = "use `FieldErrors`, `Vec<FieldError>`, or an `Option` of one"
)]
pub trait AsErrors {
    fn as_errors(&self) -> &[FieldError];
}

impl AsErrors for [FieldError] {
    fn as_errors(&self) -> &[FieldError] {
        self
    }
}

impl<const N: usize> AsErrors for [FieldError; N] {
    fn as_errors(&self) -> &[FieldError] {
        self
    }
}

impl AsErrors for Vec<FieldError> {
    fn as_errors(&self) -> &[FieldError] {
        self
    }
}

impl AsErrors for crate::FieldErrors {
    fn as_errors(&self) -> &[FieldError] {
        self.as_slice()
    }
}

impl<T: AsErrors + ?Sized> AsErrors for Box<T> {
    fn as_errors(&self) -> &[FieldError] {
        (**self).as_errors()
    }
}

impl<T: AsErrors> AsErrors for Option<T> {
    fn as_errors(&self) -> &[FieldError] {
        self.as_ref().map_or(&[], AsErrors::as_errors)
    }
}

/// A field marked `#[api(instance)]`: text, or an `Option` of it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the `instance` of an error",
    label = "`instance` needs a URI as text here",
    note = "use a `String`, a `&str`, or an `Option` of one"
)]
pub trait AsInstance {
    fn as_instance(&self) -> Option<&str>;
}

impl AsInstance for str {
    fn as_instance(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsInstance for String {
    fn as_instance(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsInstance for std::borrow::Cow<'_, str> {
    fn as_instance(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: AsInstance + ?Sized> AsInstance for &T {
    fn as_instance(&self) -> Option<&str> {
        (**self).as_instance()
    }
}

impl<T: AsInstance + ?Sized> AsInstance for Box<T> {
    fn as_instance(&self) -> Option<&str> {
        (**self).as_instance()
    }
}

impl<T: AsInstance> AsInstance for Option<T> {
    fn as_instance(&self) -> Option<&str> {
        self.as_ref().and_then(AsInstance::as_instance)
    }
}

/// What one value of a derived type is: a variant with its own catalog entry,
/// or a transparent variant that delegates to the error it holds.
#[derive(Clone, Copy)]
pub enum Target<'a> {
    /// A variant described by its entry.
    Entry(&'static Entry),
    /// A transparent variant.
    Inner(&'a (dyn ApiError + 'a)),
}

impl<'a> Target<'a> {
    pub fn status(self) -> StatusCode {
        match self {
            Target::Entry(entry) => entry.status(),
            Target::Inner(inner) => inner.status(),
        }
    }

    pub fn code(self) -> &'a str {
        match self {
            Target::Entry(entry) => entry.code(),
            Target::Inner(inner) => inner.code(),
        }
    }

    /// Writes a static message; variants with placeholders never get here.
    pub fn fmt_message(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Entry(entry) => f.write_str(entry.message()),
            Target::Inner(inner) => inner.fmt_message(f),
        }
    }

    pub fn title(self) -> &'a str {
        match self {
            Target::Entry(entry) => entry.title(),
            Target::Inner(inner) => inner.title(),
        }
    }

    pub fn type_uri(self) -> &'a str {
        match self {
            Target::Entry(entry) => entry.type_uri().unwrap_or(crate::error::ABOUT_BLANK),
            Target::Inner(inner) => inner.type_uri(),
        }
    }

    pub fn instance(self) -> Option<&'a str> {
        match self {
            Target::Entry(_) => None,
            Target::Inner(inner) => inner.instance(),
        }
    }

    pub fn path(self) -> Option<&'a FieldPath> {
        match self {
            Target::Entry(_) => None,
            Target::Inner(inner) => inner.path(),
        }
    }

    pub fn errors(self) -> &'a [FieldError] {
        match self {
            Target::Entry(_) => &[],
            Target::Inner(inner) => inner.errors(),
        }
    }

    pub fn headers(self, headers: &mut HeaderMap) {
        match self {
            // The derive writes an entry's challenge as a constant.
            Target::Entry(_) => {}
            Target::Inner(inner) => inner.headers(headers),
        }
    }

    pub fn extensions(self, members: &mut Members<'_, '_>) {
        if let Target::Inner(inner) = self {
            inner.extensions(members);
        }
    }

    pub fn entry(self) -> Option<&'static Entry> {
        match self {
            Target::Entry(entry) => Some(entry),
            Target::Inner(inner) => inner.entry(),
        }
    }

    pub fn format(self) -> Option<DynFormat> {
        match self {
            Target::Entry(_) => None,
            Target::Inner(inner) => inner.format(),
        }
    }

    /// `Error::source` of a transparent variant: the inner error's source.
    pub fn source(self) -> Option<&'a (dyn Error + 'static)> {
        match self {
            Target::Entry(_) => None,
            Target::Inner(inner) => inner.source(),
        }
    }
}

/// Views a transparent variant's field as `dyn ApiError`; implemented for
/// every `ApiError` and for boxed trait objects.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `ApiError`",
    label = "a transparent variant takes everything from this field",
    note = "derive `ApiError` for `{Self}`, or remove `transparent` and give the variant its own status"
)]
pub trait AsDynApiError<'a> {
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a);

    /// The catalog of the field's type; a boxed trait object has none.
    fn catalog() -> Catalog
    where
        Self: Sized,
    {
        Catalog::new()
    }

    /// The field's value rebuilt from a decoded error; a boxed trait object
    /// cannot be.
    #[cfg(feature = "client")]
    fn from_remote(remote: &RemoteError) -> Option<Self>
    where
        Self: Sized,
    {
        let _ = remote;
        None
    }
}

impl<'a, T: ApiError + 'a> AsDynApiError<'a> for T {
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        self
    }

    fn catalog() -> Catalog {
        T::catalog()
    }

    #[cfg(feature = "client")]
    fn from_remote(remote: &RemoteError) -> Option<Self> {
        T::from_remote(remote)
    }
}

impl<'a> AsDynApiError<'a> for Box<dyn ApiError + 'a> {
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        &**self
    }
}

impl<'a> AsDynApiError<'a> for Box<dyn ApiError + Send + 'a> {
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        &**self
    }
}

impl<'a> AsDynApiError<'a> for Box<dyn ApiError + Send + Sync + 'a> {
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        &**self
    }
}

/// Views a `#[source]` field as `dyn Error`, whether it is a concrete error
/// or a boxed trait object (reached through auto-deref).
#[diagnostic::on_unimplemented(
    message = "an error's source must implement `std::error::Error`; `{Self}` does not",
    label = "this field is the error's source (`#[source]`, `#[from]`, or named `source`)",
    note = "implement `std::error::Error` for `{Self}`, or make another field the source"
)]
pub trait AsDynError<'a> {
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + Sync + 'a {
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// What a derived type's messages are made of: its static text, escaped for
// JSON at compile time, and the fields written between the pieces.
pub use crate::format::json::{Escaped, escape_pieces, escaped_len};
pub use crate::message::{Messages, Placeholder};
