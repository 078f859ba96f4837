//! The entry of one kind of error, built at compile time by the derive.

use std::fmt;

use http::StatusCode;

use crate::ApiError;
use crate::error::{ABOUT_BLANK, reason_phrase};
use crate::format::DynFormat;

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
    causes: &'static [&'static str],
    resolution: &'static str,
    type_uri: Option<&'static str>,
    www_authenticate: Option<&'static str>,
    headers: &'static [&'static str],
}

// Generated code builds entries in statics: a constructor with what every
// entry has, and setters for what only some have, so that each entry names
// only what it sets.
#[doc(hidden)]
impl Entry {
    /// An entry whose message is its status's reason phrase; `variant` is
    /// empty for a struct.
    pub const fn __new(
        type_name: &'static str,
        variant: &'static str,
        code: &'static str,
        status: u16,
    ) -> Entry {
        let status = crate::__private::status(status);
        let reason = reason_phrase(status);
        Entry {
            type_name,
            variant: if variant.is_empty() {
                None
            } else {
                Some(variant)
            },
            code,
            status,
            title: reason,
            message: reason,
            description: "",
            causes: &[],
            resolution: "",
            type_uri: None,
            www_authenticate: None,
            headers: &[],
        }
    }

    /// An entry with its message; see [`__new`](Self::__new).
    pub const fn __new_with_message(
        type_name: &'static str,
        variant: &'static str,
        code: &'static str,
        status: u16,
        message: &'static str,
    ) -> Entry {
        Entry::__new(type_name, variant, code, status).__message(message)
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

    pub const fn __causes(mut self, causes: &'static [&'static str]) -> Entry {
        self.causes = causes;
        self
    }

    pub const fn __resolution(mut self, resolution: &'static str) -> Entry {
        self.resolution = resolution;
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

    /// The description: the variant's doc comment but for its `# Causes`
    /// and `# Resolution` sections; Markdown, empty if there is none.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// What may cause the error, from the doc comment's `# Causes` section:
    /// its list items, or its paragraphs, each on one line.
    pub const fn causes(&self) -> &'static [&'static str] {
        self.causes
    }

    /// What to do about the error, from the doc comment's `# Resolution`
    /// section; Markdown, empty if there is none.
    pub const fn resolution(&self) -> &'static str {
        self.resolution
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

    /// Where the error is declared, as Rust names it: `UserError::NotFound`,
    /// or `NotFound` for a struct.
    pub fn rust_path(&self) -> String {
        match self.variant {
            Some(variant) => format!("{}::{variant}", self.type_name),
            None => self.type_name.to_owned(),
        }
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
