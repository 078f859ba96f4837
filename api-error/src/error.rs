//! The [`ApiError`] trait.

use core::error::Error;
use core::fmt::{self, Write as _};

use http::{HeaderMap, StatusCode};

use crate::catalog::{Catalog, Entry};
use crate::field::{FieldError, FieldPath};
use crate::format::json::Escape;
use crate::format::{DynFormat, Members};
use crate::grpc::GrpcCode;
use crate::status::{error_status, reason_phrase};

/// An error that an HTTP API can return.
///
/// Everything a response needs is answered here: the [status](Self::status),
/// a stable machine [code](Self::code), a [message](Self::message) that is
/// safe to show to clients, and optional extras (title, sub-errors, headers,
/// extension members) that the [formats](crate::format) place in the body.
///
/// Derive it with `#[derive(ApiError)]` (see [the derive](derive@crate::ApiError)),
/// or implement it by hand: only [`status`](Self::status), [`code`](Self::code)
/// and [`fmt_message`](Self::fmt_message) are required.
///
/// The trait is object safe: `&dyn ApiError` and
/// `Box<dyn ApiError + Send + Sync>` work everywhere an error is rendered.
///
/// `Display` (from [`Error`]) is the *internal* description, for logs; the
/// public text is [`message`](Self::message). They differ for server errors,
/// whose internal details must never reach a client.
pub trait ApiError: Error {
    /// The HTTP status, always a client (4xx) or server (5xx) error.
    ///
    /// Renderers send `500 Internal Server Error` if an implementation returns
    /// anything else.
    fn status(&self) -> StatusCode;

    /// The stable machine-readable code, e.g. `user_already_exists`.
    ///
    /// Clients branch on it, so it must not change between releases.
    fn code(&self) -> &str;

    /// Writes the public message, the text safe to show to clients.
    ///
    /// Renderers stream it straight into the body; use [`message`](Self::message)
    /// for a `String`.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// The public message as a `String`.
    fn message(&self) -> String {
        // Room for most messages at once, rather than growing by doubling.
        let mut message = String::with_capacity(128);
        // Writing to a `String` fails only if `fmt_message` does.
        let _ = write!(message, "{}", PublicMessage(self));
        message
    }

    /// Writes the field `name` of this error to `f` as its public message
    /// shows it (`{id}` with `Display`, `{id:?}` with its spec), or `None`
    /// if its message shows no field `name`. What translations of the
    /// message fill their placeholders with.
    ///
    /// The default finds the field among the placeholders of the error's
    /// [entry](Self::entry) and has the message write that placeholder
    /// alone: derived types so answer for the fields their `message` names,
    /// and a transparent variant for its inner error's.
    fn fmt_field(&self, name: &str, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        let placeholder = self.entry()?.placeholder(name)?;
        self.__fmt_placeholder(placeholder, f)
    }

    /// The gRPC status code of this error, for services that answer gRPC
    /// too: its entry's, else its status's ([`GrpcCode::for_status`]).
    fn grpc_code(&self) -> GrpcCode {
        match self.entry() {
            Some(entry) => entry.grpc_code(),
            None => GrpcCode::for_status(error_status(self)),
        }
    }

    /// A short, human-readable summary of the kind of error, the same for
    /// every occurrence (problem+json's `title`).
    ///
    /// Defaults to the status's reason phrase, e.g. `Conflict`.
    fn title(&self) -> &str {
        reason_phrase(error_status(self))
    }

    /// The URI identifying the kind of error (problem+json's `type`).
    ///
    /// Defaults to `about:blank`, which RFC 9457 defines as "no more than the
    /// status says". A body's `type` is this URI; where it is `about:blank`
    /// and the application has set a docs base
    /// ([`app::set_docs_base`](crate::app::set_docs_base)), it is the base
    /// followed by the error's code instead: `/errors#user_not_found`.
    fn type_uri(&self) -> &str {
        ABOUT_BLANK
    }

    /// A URI identifying this occurrence of the error (problem+json's
    /// `instance`), if the error knows one.
    fn instance(&self) -> Option<&str> {
        None
    }

    /// The part of the request this error is about, when it is about one
    /// field (a missing or invalid field, say).
    fn path(&self) -> Option<&FieldPath> {
        None
    }

    /// Sub-errors, typically one per invalid field of a request.
    fn errors(&self) -> &[FieldError] {
        &[]
    }

    /// Adds the headers this error requires to `headers`, e.g. `Retry-After`.
    ///
    /// `Content-Type` is set by the format, and a 401 without
    /// `WWW-Authenticate` gets `WWW-Authenticate: Bearer`.
    fn headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// Adds extension members to the body, where the format's shape allows.
    fn extensions(&self, members: &mut Members<'_, '_>) {
        let _ = members;
    }

    /// The catalog entry describing this error's kind, if it has one.
    ///
    /// Derived types have one entry per variant.
    fn entry(&self) -> Option<&'static Entry> {
        None
    }

    /// The format this error prefers, from the type's `#[api(format = ...)]`.
    ///
    /// `None` leaves the choice to the application.
    fn format(&self) -> Option<DynFormat> {
        None
    }

    /// Every kind of error the type can produce: for a derived type, an entry
    /// per variant, then the entries of the errors its transparent variants
    /// hold.
    fn catalog() -> Catalog
    where
        Self: Sized,
    {
        Catalog::new()
    }

    /// Writes the public message inside a JSON string, escaped: what
    /// formats call. Derived types copy their message's text already
    /// escaped; the default escapes what [`fmt_message`](Self::fmt_message)
    /// writes.
    #[doc(hidden)]
    fn __message_json(&self, out: &mut Vec<u8>) -> fmt::Result {
        write!(Escape(out), "{}", PublicMessage(self))
    }

    /// Writes the message's placeholder number `index` alone (counting from
    /// 0), as the message writes it: what [`fmt_field`](Self::fmt_field)
    /// calls. `None` when the message has no such placeholder.
    #[doc(hidden)]
    fn __fmt_placeholder(&self, index: usize, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        let _ = (index, f);
        None
    }
}

/// The `type` of a problem that says no more than its status.
pub(crate) const ABOUT_BLANK: &str = "about:blank";

/// The `type` URI `err` is written with, as the pieces it is made of: its
/// own ([`ApiError::type_uri`]); else, when the application set a docs
/// base ([`app::set_docs_base`](crate::app::set_docs_base)), the base and
/// its code (`/errors#` and `user_not_found`); else `about:blank`.
pub(crate) fn written_type_uri<E: ApiError + ?Sized>(err: &E) -> [&str; 2] {
    let own = err.type_uri();
    match crate::app::docs_base() {
        Some(base) if own == ABOUT_BLANK => [base, err.code()],
        _ => [own, ""],
    }
}

/// `Display`s an error's public message.
pub(crate) struct PublicMessage<'a, E: ?Sized>(pub(crate) &'a E);

impl<E: ApiError + ?Sized> fmt::Display for PublicMessage<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_message(f)
    }
}

impl<E: ApiError + ?Sized> ApiError for &E {
    fn status(&self) -> StatusCode {
        (**self).status()
    }
    fn code(&self) -> &str {
        (**self).code()
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_message(f)
    }
    fn __message_json(&self, out: &mut Vec<u8>) -> fmt::Result {
        (**self).__message_json(out)
    }
    fn fmt_field(&self, name: &str, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        (**self).fmt_field(name, f)
    }
    fn __fmt_placeholder(&self, index: usize, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        (**self).__fmt_placeholder(index, f)
    }
    fn title(&self) -> &str {
        (**self).title()
    }
    fn grpc_code(&self) -> GrpcCode {
        (**self).grpc_code()
    }
    fn type_uri(&self) -> &str {
        (**self).type_uri()
    }
    fn instance(&self) -> Option<&str> {
        (**self).instance()
    }
    fn path(&self) -> Option<&FieldPath> {
        (**self).path()
    }
    fn errors(&self) -> &[FieldError] {
        (**self).errors()
    }
    fn headers(&self, headers: &mut HeaderMap) {
        (**self).headers(headers);
    }
    fn extensions(&self, members: &mut Members<'_, '_>) {
        (**self).extensions(members);
    }
    fn entry(&self) -> Option<&'static Entry> {
        (**self).entry()
    }
    fn format(&self) -> Option<DynFormat> {
        (**self).format()
    }
}
