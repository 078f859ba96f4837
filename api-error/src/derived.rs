//! What the impls the derive writes call at run time: the traits that view
//! a field as what its key says it is (`#[api(path)]`, `errors`,
//! `instance`, a transparent field, a source), and [`Resolved`], what a
//! value resolves to. Generated code names them through `__private`.

use core::error::Error;
use core::fmt;

use http::{HeaderMap, StatusCode};

use crate::ApiError;
use crate::catalog::{Catalog, Entry};
use crate::error::ABOUT_BLANK;
use crate::field::{FieldError, FieldErrors, FieldPath};
use crate::format::{DynFormat, Members};

/// A field marked `#[api(path)]`: a `FieldPath`, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the path of an error",
    label = "`path` needs an `api_error::FieldPath` here",
    note = "use `FieldPath` or `Option<FieldPath>`"
)]
pub trait AsPath {
    /// The path, if there is one.
    fn as_path(&self) -> Option<&FieldPath>;
}

impl AsPath for FieldPath {
    /// The path, if there is one.
    fn as_path(&self) -> Option<&FieldPath> {
        Some(self)
    }
}

impl AsPath for Option<FieldPath> {
    /// The path, if there is one.
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
    /// The sub-errors.
    fn as_errors(&self) -> &[FieldError];
}

impl AsErrors for [FieldError] {
    /// The sub-errors.
    fn as_errors(&self) -> &[FieldError] {
        self
    }
}

impl<const N: usize> AsErrors for [FieldError; N] {
    /// The sub-errors.
    fn as_errors(&self) -> &[FieldError] {
        self
    }
}

impl AsErrors for Vec<FieldError> {
    /// The sub-errors.
    fn as_errors(&self) -> &[FieldError] {
        self
    }
}

impl AsErrors for FieldErrors {
    /// The sub-errors.
    fn as_errors(&self) -> &[FieldError] {
        self.as_slice()
    }
}

impl<T: AsErrors + ?Sized> AsErrors for Box<T> {
    /// The sub-errors.
    fn as_errors(&self) -> &[FieldError] {
        (**self).as_errors()
    }
}

impl<T: AsErrors> AsErrors for Option<T> {
    /// The sub-errors.
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
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str>;
}

impl AsInstance for str {
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsInstance for String {
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsInstance for std::borrow::Cow<'_, str> {
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: AsInstance + ?Sized> AsInstance for &T {
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str> {
        (**self).as_instance()
    }
}

impl<T: AsInstance + ?Sized> AsInstance for Box<T> {
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str> {
        (**self).as_instance()
    }
}

impl<T: AsInstance> AsInstance for Option<T> {
    /// The instance URI, if there is one.
    fn as_instance(&self) -> Option<&str> {
        self.as_ref().and_then(AsInstance::as_instance)
    }
}

/// What a value of a derived type resolves to, which its `ApiError`
/// methods answer from: a variant with its own catalog entry, or a
/// transparent variant's error, which answers everything.
#[derive(Clone, Copy)]
pub enum Resolved<'a> {
    /// A variant described by its entry, the `index`th of its type's.
    Entry {
        /// The entry.
        entry: &'static Entry,
        /// Its place among the type's entries, and its message's in the
        /// type's table of messages.
        index: usize,
    },
    /// A transparent variant: the error it holds.
    Transparent(&'a (dyn ApiError + 'a)),
}

impl<'a> Resolved<'a> {
    /// What the resolved variant answers to `ApiError::status`.
    pub fn status(self) -> StatusCode {
        match self {
            Resolved::Entry { entry, .. } => entry.status(),
            Resolved::Transparent(inner) => inner.status(),
        }
    }

    /// What the resolved variant answers to `ApiError::code`.
    pub fn code(self) -> &'a str {
        match self {
            Resolved::Entry { entry, .. } => entry.code(),
            Resolved::Transparent(inner) => inner.code(),
        }
    }

    /// Writes a static message; variants with placeholders never get here.
    pub fn fmt_message(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Resolved::Entry { entry, .. } => f.write_str(entry.message()),
            Resolved::Transparent(inner) => inner.fmt_message(f),
        }
    }

    /// What the resolved variant answers to `ApiError::title`.
    pub fn title(self) -> &'a str {
        match self {
            Resolved::Entry { entry, .. } => entry.title(),
            Resolved::Transparent(inner) => inner.title(),
        }
    }

    /// What the resolved variant answers to `ApiError::type_uri`.
    pub fn type_uri(self) -> &'a str {
        match self {
            Resolved::Entry { entry, .. } => entry.type_uri().unwrap_or(ABOUT_BLANK),
            Resolved::Transparent(inner) => inner.type_uri(),
        }
    }

    /// What the resolved variant answers to `ApiError::instance`.
    pub fn instance(self) -> Option<&'a str> {
        match self {
            Resolved::Entry { .. } => None,
            Resolved::Transparent(inner) => inner.instance(),
        }
    }

    /// What the resolved variant answers to `ApiError::path`.
    pub fn path(self) -> Option<&'a FieldPath> {
        match self {
            Resolved::Entry { .. } => None,
            Resolved::Transparent(inner) => inner.path(),
        }
    }

    /// What the resolved variant answers to `ApiError::errors`.
    pub fn errors(self) -> &'a [FieldError] {
        match self {
            Resolved::Entry { .. } => &[],
            Resolved::Transparent(inner) => inner.errors(),
        }
    }

    /// What the resolved variant answers to `ApiError::fmt_field`: an
    /// entry's placeholder showing the field `name`, which `placeholder`
    /// writes; or the inner error's own answer, by name, for a transparent
    /// variant, whatever the inner error is.
    pub fn fmt_field(
        self,
        name: &str,
        f: &mut fmt::Formatter<'_>,
        placeholder: impl FnOnce(usize, &mut fmt::Formatter<'_>) -> Option<fmt::Result>,
    ) -> Option<fmt::Result> {
        match self {
            Resolved::Entry { entry, .. } => placeholder(entry.placeholder(name)?, f),
            Resolved::Transparent(inner) => inner.fmt_field(name, f),
        }
    }

    /// What the resolved variant answers to `ApiError::headers`.
    pub fn headers(self, headers: &mut HeaderMap) {
        match self {
            // The derive writes an entry's challenge as a constant.
            Resolved::Entry { .. } => {}
            Resolved::Transparent(inner) => inner.headers(headers),
        }
    }

    /// What the resolved variant answers to `ApiError::extensions`.
    pub fn extensions(self, members: &mut Members<'_, '_>) {
        if let Resolved::Transparent(inner) = self {
            inner.extensions(members);
        }
    }

    /// What the resolved variant answers to `ApiError::entry`.
    pub fn entry(self) -> Option<&'static Entry> {
        match self {
            Resolved::Entry { entry, .. } => Some(entry),
            Resolved::Transparent(inner) => inner.entry(),
        }
    }

    /// What the resolved variant answers to `ApiError::format`.
    pub fn format(self) -> Option<DynFormat> {
        match self {
            Resolved::Entry { .. } => None,
            Resolved::Transparent(inner) => inner.format(),
        }
    }

    /// `Error::source` of a transparent variant: the inner error's source.
    pub fn source(self) -> Option<&'a (dyn Error + 'static)> {
        match self {
            Resolved::Entry { .. } => None,
            Resolved::Transparent(inner) => inner.source(),
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
    /// The field as `dyn ApiError`.
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a);

    /// The catalog of the field's type; a boxed trait object has none.
    fn catalog() -> Catalog
    where
        Self: Sized,
    {
        Catalog::new()
    }
}

impl<'a, T: ApiError + 'a> AsDynApiError<'a> for T {
    /// The field as `dyn ApiError`.
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        self
    }

    fn catalog() -> Catalog {
        T::catalog()
    }
}

impl<'a> AsDynApiError<'a> for Box<dyn ApiError + 'a> {
    /// The field as `dyn ApiError`.
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        &**self
    }
}

impl<'a> AsDynApiError<'a> for Box<dyn ApiError + Send + 'a> {
    /// The field as `dyn ApiError`.
    fn as_dyn_api_error(&self) -> &(dyn ApiError + 'a) {
        &**self
    }
}

impl<'a> AsDynApiError<'a> for Box<dyn ApiError + Send + Sync + 'a> {
    /// The field as `dyn ApiError`.
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
    /// The field as `dyn Error`.
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    /// The field as `dyn Error`.
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + 'a {
    /// The field as `dyn Error`.
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    /// The field as `dyn Error`.
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    /// The field as `dyn Error`.
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

// Not suggested to a user whose field is not an error.
#[diagnostic::do_not_recommend]
impl<'a> AsDynError<'a> for dyn Error + Sync + 'a {
    /// The field as `dyn Error`.
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}
