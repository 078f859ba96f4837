//! The entry of one kind of error, built at compile time by the derive.

use http::StatusCode;

use super::shown::Sent;
use crate::grpc::GrpcCode;
use crate::status::{reason_phrase, shows_display};

/// The catalog entry of one kind of error: one variant of a derived enum, or
/// a derived struct.
///
/// Entries are static and built at compile time by `#[derive(ApiError)]`;
/// [`ApiError::entry`](crate::ApiError::entry) gives the entry of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    type_name: &'static str,
    /// Empty for a struct; the optional texts below are empty when absent.
    variant: &'static str,
    code: &'static str,
    status: StatusCode,
    title: &'static str,
    message: &'static str,
    description: &'static str,
    causes: &'static [&'static str],
    resolution: &'static str,
    type_uri: &'static str,
    www_authenticate: &'static str,
    headers: &'static [Sent],
    extensions: &'static [Sent],
    /// Empty when the message is its own example.
    example_message: &'static str,
    /// Empty when the variant has no such field.
    example_path: &'static str,
    /// Empty when the variant has no such field.
    example_instance: &'static str,
    /// The names of its message's placeholders, in order, separated by
    /// commas: one text, cheaper to build than a list.
    placeholders: &'static str,
    /// Empty when the variant has no source.
    source_field: &'static str,
    /// `None`: its status's.
    grpc: Option<GrpcCode>,
    /// Empty when the type names none.
    domain: &'static str,
}

/// The entry of the variant `variant` (empty for a struct) of the type
/// `type_name`, with the parts every entry has, then the parts only some
/// have; the derive writes one per variant into a static, through
/// `__private`. An empty `message` is the status's reason phrase;
/// `placeholders` names the field each placeholder of the message shows,
/// separated by commas.
// Arguments rather than a struct: the derive calls it once per variant, and
// `cargo check` of a large enum pays for every struct it builds.
#[allow(clippy::too_many_arguments)]
pub const fn entry(
    type_name: &'static str,
    variant: &'static str,
    code: &'static str,
    status: u16,
    message: &'static str,
    example_message: &'static str,
    placeholders: &'static str,
    parts: EntryParts,
) -> Entry {
    let status = crate::status::from_checked(status);
    let reason = reason_phrase(status);
    let shows_client_message = message.is_empty() && shows_display(status);
    // This runs at compile time for every variant, and costs the more the
    // more it does: what can wait for an accessor (an absent text as
    // `None`, a message as its own example) waits. A server error that
    // would show `Display` shows its reason phrase, its own example.
    let example_message = if message.is_empty() && !shows_client_message {
        ""
    } else {
        example_message
    };
    let message = if shows_client_message {
        or(parts.client_message, reason)
    } else {
        or(message, reason)
    };
    Entry {
        type_name,
        variant,
        code,
        status,
        title: or(parts.title, reason),
        message,
        description: parts.description,
        causes: parts.causes,
        resolution: parts.resolution,
        type_uri: parts.type_uri,
        www_authenticate: parts.www_authenticate,
        headers: parts.headers,
        extensions: parts.extensions,
        example_message,
        example_path: parts.example_path,
        example_instance: parts.example_instance,
        placeholders,
        source_field: parts.source_field,
        grpc: parts.grpc,
        domain: parts.domain,
    }
}

/// `text`, or `otherwise` when it is empty.
const fn or(text: &'static str, otherwise: &'static str) -> &'static str {
    if text.is_empty() { otherwise } else { text }
}

/// `text`, unless it is empty.
const fn present(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

/// The parts of an entry that only some variants have, as the derive
/// writes them: what it sets, then `..EntryParts::DEFAULT`. An empty text
/// is an absent part.
#[derive(Clone, Copy)]
pub struct EntryParts {
    /// `title`; else the status's reason phrase.
    pub title: &'static str,
    /// thiserror's format string: the message of a client error that has
    /// no `message`.
    pub client_message: &'static str,
    /// The doc comment's description.
    pub description: &'static str,
    /// The doc comment's causes.
    pub causes: &'static [&'static str],
    /// The doc comment's resolution.
    pub resolution: &'static str,
    /// The problem type URI.
    pub type_uri: &'static str,
    /// The `WWW-Authenticate` challenge.
    pub www_authenticate: &'static str,
    /// The headers its fields send.
    pub headers: &'static [Sent],
    /// The extension members its fields add to the body.
    pub extensions: &'static [Sent],
    /// The example value of its `path` field.
    pub example_path: &'static str,
    /// The example value of its `instance` field.
    pub example_instance: &'static str,
    /// The name of its `#[source]` or `#[from]` field.
    pub source_field: &'static str,
    /// Its `grpc` key.
    pub grpc: Option<GrpcCode>,
    /// Its type's `domain` key.
    pub domain: &'static str,
}

impl EntryParts {
    /// No part set.
    pub const DEFAULT: EntryParts = EntryParts {
        title: "",
        client_message: "",
        description: "",
        causes: &[],
        resolution: "",
        type_uri: "",
        www_authenticate: "",
        headers: &[],
        extensions: &[],
        example_path: "",
        example_instance: "",
        source_field: "",
        grpc: None,
        domain: "",
    };
}

impl Entry {
    /// The name of the type that declares this error, e.g. `UserError`.
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The variant's name, e.g. `AlreadyExists`; `None` for a struct.
    pub const fn variant(&self) -> Option<&'static str> {
        present(self.variant)
    }

    /// The machine code, e.g. `user_already_exists`.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status.
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The gRPC status code: the variant's `grpc` key, else its status's
    /// ([`GrpcCode::for_status`]).
    pub const fn grpc_code(&self) -> GrpcCode {
        match self.grpc {
            Some(code) => code,
            None => GrpcCode::for_status(self.status),
        }
    }

    /// The domain its type names with `#[api(domain = "...")]`, for the
    /// error models that carry one (Google's `ErrorInfo`); else `None`, and
    /// the application's ([`app::domain`](crate::app::domain)) applies.
    pub const fn domain(&self) -> Option<&'static str> {
        present(self.domain)
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
        present(self.type_uri)
    }

    /// The `WWW-Authenticate` challenge the error sends, when it names one
    /// (a 401 that names none is sent with `Bearer`).
    pub const fn www_authenticate(&self) -> Option<&'static str> {
        present(self.www_authenticate)
    }

    /// The headers the error's fields send (`Retry-After`, `Allow`, and
    /// those named with `header = "..."`), each with its example value;
    /// `WWW-Authenticate` and `Content-Type` are not listed.
    pub const fn headers(&self) -> &'static [Sent] {
        self.headers
    }

    /// The extension members the error's fields add to the body
    /// (`#[api(extension)]`), each with its type and example value.
    pub const fn extensions(&self) -> &'static [Sent] {
        self.extensions
    }

    /// The public message as documents show it: the message with each
    /// placeholder filled in with its field's example value (`The user
    /// ada@example.com already exists.`), from the field's
    /// `#[api(example = ...)]` or else a sample of its type.
    pub const fn example_message(&self) -> &'static str {
        or(self.example_message, self.message)
    }

    /// The example value of the field the error is about
    /// (`#[api(path)]`), if it has one: a dotted path, `items[0].sku`.
    pub const fn example_path(&self) -> Option<&'static str> {
        present(self.example_path)
    }

    /// The example value of its `#[api(instance)]` field, if it has one.
    pub const fn example_instance(&self) -> Option<&'static str> {
        present(self.example_instance)
    }

    /// The fields the message shows, each once, in the order its
    /// placeholders first name them: `id` for `No user {id}.`, `0` for a
    /// tuple variant's `{0}`. What a translation of the message may name;
    /// none when the message is fixed text, a reason phrase or thiserror's
    /// `Display`.
    pub fn fields(&self) -> impl Iterator<Item = &'static str> + use<> {
        let placeholders = self.placeholders;
        let all = placeholders.split(',').filter(|name| !name.is_empty());
        all.enumerate().filter_map(move |(index, name)| {
            let seen = placeholders
                .split(',')
                .take(index)
                .any(|before| before == name);
            (!seen).then_some(name)
        })
    }

    /// Where the message first shows the field `name`, counting its
    /// placeholders from 0: what [`ApiError::fmt_field`](crate::ApiError::fmt_field)
    /// asks the message for.
    pub(crate) fn placeholder(&self, name: &str) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        self.placeholders
            .split(',')
            .position(|placeholder| placeholder == name)
    }

    /// The name of the field the error's source is (`#[source]`, `#[from]`,
    /// or one named `source`): `source`, or `0` for a tuple variant's.
    /// Never shown, so a translation may not name it.
    pub const fn source_field(&self) -> Option<&'static str> {
        present(self.source_field)
    }

    /// Where the error is declared, as Rust names it: `UserError::NotFound`,
    /// or `NotFound` for a struct.
    pub fn rust_path(&self) -> String {
        match self.variant() {
            Some(variant) => format!("{}::{variant}", self.type_name),
            None => self.type_name.to_owned(),
        }
    }
}
