//! The static catalog: what each error of an API means.
//!
//! Every derived type has one [`Entry`] per variant, built at compile time.
//! [`ApiError::catalog`] lists the entries a type can produce, those of the
//! errors its transparent variants hold included.
//!
//! ```
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     /// The user you're trying to create already exists.
//!     #[api(status = 409)]
//!     UserAlreadyExists,
//!     #[api(transparent)]
//!     Request(api_error::RequestError),
//! }
//!
//! let catalog = UserError::catalog();
//! let codes: Vec<&str> = catalog.iter().map(|item| item.entry().code()).collect();
//! assert_eq!(codes[0], "user_already_exists");
//! assert!(codes.contains(&"unexpected_field"));
//! ```

use std::fmt;

use http::StatusCode;

use crate::ApiError;
use crate::error::{ABOUT_BLANK, reason_phrase};
use crate::format::{DynFormat, default_format};

/// The catalog entry of one kind of error: one variant of a derived enum, or
/// a derived struct.
///
/// Entries are static and built at compile time by `#[derive(ApiError)]`;
/// [`ApiError::entry`] gives the entry of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    type_name: &'static str,
    variant: Option<&'static str>,
    code: &'static str,
    status: StatusCode,
    title: &'static str,
    message: &'static str,
    description: &'static str,
    type_uri: Option<&'static str>,
    www_authenticate: Option<&'static str>,
    headers: &'static [&'static str],
}

// Generated code builds entries in statics: a constructor with what every
// entry has, and setters for what only some have, so that each entry names
// only what it sets.
#[doc(hidden)]
impl Entry {
    pub const fn __new(
        type_name: &'static str,
        variant: Option<&'static str>,
        code: &'static str,
        status: StatusCode,
    ) -> Entry {
        let reason = reason_phrase(status);
        Entry {
            type_name,
            variant,
            code,
            status,
            title: reason,
            message: reason,
            description: "",
            type_uri: None,
            www_authenticate: None,
            headers: &[],
        }
    }

    pub const fn __title(mut self, title: &'static str) -> Entry {
        self.title = title;
        self
    }

    pub const fn __message(mut self, message: &'static str) -> Entry {
        self.message = message;
        self
    }

    /// A message shown only if the status is a client error: a server error
    /// never shows its `Display`.
    pub const fn __client_message(mut self, message: &'static str) -> Entry {
        if matches!(self.status.as_u16(), 400..=499) {
            self.message = message;
        }
        self
    }

    pub const fn __description(mut self, description: &'static str) -> Entry {
        self.description = description;
        self
    }

    pub const fn __type_uri(mut self, type_uri: &'static str) -> Entry {
        self.type_uri = Some(type_uri);
        self
    }

    pub const fn __www_authenticate(mut self, challenge: &'static str) -> Entry {
        self.www_authenticate = Some(challenge);
        self
    }

    pub const fn __headers(mut self, headers: &'static [&'static str]) -> Entry {
        self.headers = headers;
        self
    }
}

impl Entry {
    /// The name of the type that declares this error, e.g. `UserError`.
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The variant's name, e.g. `AlreadyExists`; `None` for a struct.
    pub const fn variant(&self) -> Option<&'static str> {
        self.variant
    }

    /// The machine code, e.g. `user_already_exists`.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status.
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The title: the `title` key, or the status's reason phrase.
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The public message: the text itself, or its template when it has
    /// placeholders (`The user {id} already exists.`).
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The description, from the variant's doc comment; empty if it has none.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The URI naming this kind of error (problem+json's `type`), also the
    /// link to its documentation; `None` when the type declares none.
    pub const fn type_uri(&self) -> Option<&'static str> {
        self.type_uri
    }

    /// The `WWW-Authenticate` challenge the error sends, when it names one
    /// (a 401 that names none is sent with `Bearer`).
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        self.www_authenticate
    }

    /// The headers the error's fields send (`retry-after`, `allow`, and
    /// those named with `header = "..."`), lowercase; `WWW-Authenticate` and
    /// `Content-Type` are not listed.
    pub const fn headers(&self) -> &'static [&'static str] {
        self.headers
    }

    /// An example body of this kind of error in `format`, for documentation:
    /// the message is the template as written (`The user {id} already
    /// exists.`), and fields that contribute to the body contribute nothing.
    pub fn example_body(&'static self, format: DynFormat) -> Vec<u8> {
        format.render(&Sample(self))
    }
}

/// An error of an entry's kind, standing in for one in example bodies.
#[derive(Debug)]
struct Sample(&'static Entry);

impl fmt::Display for Sample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.message)
    }
}

impl std::error::Error for Sample {}

impl ApiError for Sample {
    fn status(&self) -> StatusCode {
        self.0.status
    }
    fn code(&self) -> &str {
        self.0.code
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.message)
    }
    fn title(&self) -> &str {
        self.0.title
    }
    fn type_uri(&self) -> &str {
        self.0.type_uri.unwrap_or(ABOUT_BLANK)
    }
    fn entry(&self) -> Option<&'static Entry> {
        Some(self.0)
    }
}

/// The errors a type can produce: its own entries, then those of the errors
/// its transparent variants hold, each once.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    items: Vec<Item>,
}

/// One entry of a [`Catalog`], with the format its errors render with when
/// the caller names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    entry: &'static Entry,
    format: Option<DynFormat>,
}

impl Item {
    /// The entry.
    pub fn entry(&self) -> &'static Entry {
        self.entry
    }

    /// The format the type names with `#[api(format = ...)]`, if any.
    pub fn format(&self) -> Option<DynFormat> {
        self.format
    }

    /// An example body (see [`Entry::example_body`]) in the format these
    /// errors render with: the type's, else the application's default.
    pub fn example_body(&self) -> Vec<u8> {
        self.entry
            .example_body(self.format.unwrap_or_else(default_format))
    }
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Catalog::default()
    }

    /// The catalog of a derived type: its own `entries`, in variant order,
    /// then `inner`'s. `format` is the type's, and applies to `inner`'s
    /// entries too, as it does when such an error is rendered.
    #[doc(hidden)]
    pub fn __derived(
        entries: &'static [Entry],
        format: Option<DynFormat>,
        inner: &[fn() -> Catalog],
    ) -> Catalog {
        let mut catalog = Catalog {
            items: entries.iter().map(|entry| Item { entry, format }).collect(),
        };
        for inner in inner {
            for mut item in inner().items {
                item.format = format.or(item.format);
                catalog.push(item);
            }
        }
        catalog
    }

    /// Adds the items of `other` that this catalog does not have yet.
    pub fn merge(&mut self, other: Catalog) {
        for item in other.items {
            self.push(item);
        }
    }

    fn push(&mut self, item: Item) {
        if !self
            .items
            .iter()
            .any(|known| std::ptr::eq(known.entry, item.entry))
        {
            self.items.push(item);
        }
    }

    /// The items, the type's own first.
    pub fn iter(&self) -> std::slice::Iter<'_, Item> {
        self.items.iter()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the catalog has no entry.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'a Item;
    type IntoIter = std::slice::Iter<'a, Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
