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
}

impl Entry {
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)] // Called by generated code only.
    pub const fn __new(
        type_name: &'static str,
        variant: Option<&'static str>,
        code: &'static str,
        status: StatusCode,
        title: Option<&'static str>,
        message: Option<&'static str>,
        client_message: Option<&'static str>,
        description: &'static str,
        type_uri: Option<&'static str>,
    ) -> Entry {
        let reason = reason_phrase(status);
        // A client error may show its `Display`; a server error never does.
        let message = match (message, client_message) {
            (Some(message), _) => Some(message),
            (None, Some(message)) if matches!(status.as_u16(), 400..=499) => Some(message),
            _ => None,
        };
        Entry {
            type_name,
            variant,
            code,
            status,
            title: match title {
                Some(title) => title,
                None => reason,
            },
            message: match message {
                Some(message) => message,
                None => reason,
            },
            description,
            type_uri,
        }
    }

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
}
