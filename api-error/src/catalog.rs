//! The static catalog: what each error of an API means.

use http::StatusCode;

use crate::error::reason_phrase;

/// The catalog entry of one kind of error: one variant of a derived enum, or
/// a derived struct.
///
/// Entries are static and built at compile time by `#[derive(ApiError)]`;
/// [`ApiError::entry`](crate::ApiError::entry) gives the entry of a value.
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
}
