//! What an error rendered while serving a request knows of that request:
//! its request id, what its `Accept` asks for, and its language.
//!
//! The framework integrations install a [`Context`] around each request
//! ([`api_error::axum::RequestContextLayer`](crate::axum) and
//! [`api_error::actix::RequestContext`](crate::actix), features `axum` and
//! `actix-web`); every error rendered inside it, by any format, carries the
//! request's id as a member `request_id`, and the `tracing` log line of the
//! error carries it too; a `+json` body goes as the media type the request
//! accepts. With no context installed, an error renders exactly as it
//! would without this module.
//!
//! The context is task-local state (tokio's `task_local!`, which works on
//! whatever runtime polls the request, axum's or actix-web's): it follows
//! the request's future, not its thread. Work a handler hands to
//! `tokio::spawn` runs in a task of its own, outside the context: an error
//! rendered there has no request id. Render it in the handler, or install
//! the context again with [`scope`].
//!
//! ```
//! # #[cfg(any(feature = "axum", feature = "actix-web"))] {
//! use api_error::context::{self, Context, RequestId};
//! use api_error::format::{Flat, Format};
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404)]
//! struct NotFound;
//!
//! let id = RequestId::parse("req-42").expect("a valid id");
//! let body = context::sync_scope(Context::new().with_request_id(id), || Flat::render(&NotFound));
//! assert_eq!(body, br#"{"error":"not_found","message":"Not Found","request_id":"req-42"}"#);
//!
//! // Outside any request: as always.
//! assert_eq!(Flat::render(&NotFound), br#"{"error":"not_found","message":"Not Found"}"#);
//! # }
//! ```
//!
//! # Request ids
//!
//! [`RequestIds`] says where a request's id comes from, in this order: the
//! configured header (`x-request-id` by default); else the trace-id of a
//! valid W3C `traceparent` header; else a fresh id ([`RequestId::fresh`]).
//! An id is at most [`RequestId::MAX_LEN`] characters of `A-Z a-z 0-9 . _ :
//! -`; a client's id with any other character, or longer, or empty, is
//! dropped whole (the next source is used), never echoed.
//!
//! # Content negotiation
//!
//! [`Negotiation`] says how a body's media type follows the request's
//! `Accept`: a `Problem` body goes as `application/problem+json` or
//! `application/json`, whichever the request prefers (problem+json at
//! equal weight), with `Vary: Accept`; and, when so configured, a request
//! that accepts no JSON at all is answered `not_acceptable` (406) before
//! its handler runs.
//!
//! # Localized messages
//!
//! With the application's [`Translations`] set where the context is
//! installed, the context holds the locale the request's `Accept-Language`
//! chose ([`Translations::choose`], once per request), and every body
//! rendered inside writes its message in that locale where its code has a
//! translation; the response says `Content-Language` and
//! `Vary: Accept-Language`. `message()`, `Display` and log lines stay in the
//! default language.

#[cfg(any(feature = "axum", feature = "actix-web"))]
mod language;
mod negotiation;
mod request_id;

#[cfg(any(feature = "axum", feature = "actix-web"))]
use std::sync::Arc;

use http::HeaderValue;
use http::header::CONTENT_TYPE;

#[cfg(any(feature = "axum", feature = "actix-web"))]
use crate::translations::{Locale, Translations};

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use self::language::write_translated;
pub use self::negotiation::Negotiation;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) use self::negotiation::qvalue;
pub(crate) use self::negotiation::{Negotiated, accepts_any_json};
pub use self::request_id::{REQUEST_ID, RequestId, RequestIds, TRACEPARENT};

/// What errors rendered while serving one request know of it.
#[derive(Clone, Debug, Default)]
pub struct Context {
    request_id: Option<RequestId>,
    id_as_instance: bool,
    negotiation: Option<Negotiated>,
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    language: Option<language::Language>,
}

impl Context {
    /// A context knowing nothing: errors render as without one.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same, with this request id.
    pub fn with_request_id(mut self, id: RequestId) -> Self {
        self.request_id = Some(id);
        self
    }

    /// The same, naming its request id as a `Problem` body's `instance`
    /// (when the error has none of its own) or not.
    pub fn with_id_as_instance(mut self, on: bool) -> Self {
        self.id_as_instance = on;
        self
    }

    /// The same, negotiating media types with the request's `Accept`
    /// value, `None` if it sent none.
    pub fn with_accept(mut self, accept: Option<HeaderValue>) -> Self {
        self.negotiation = Some(Negotiated { accept });
        self
    }

    /// Whether the context negotiates media types.
    pub fn negotiates(&self) -> bool {
        self.negotiation.is_some()
    }

    /// The request's `Accept` value, when the context negotiates and the
    /// request sent one (several `Accept` headers are joined into one).
    pub fn accept(&self) -> Option<&HeaderValue> {
        self.negotiation.as_ref()?.accept.as_ref()
    }

    /// The same, writing messages with `translations`, in `locale` (as
    /// [`Translations::choose`] picks it from the request's
    /// `Accept-Language`; `None` for their default language).
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub fn with_translations(
        mut self,
        translations: Arc<Translations>,
        locale: Option<Locale>,
    ) -> Self {
        self.language = Some(language::Language {
            translations,
            locale,
        });
        self
    }

    /// The language tag messages are written in, when the context
    /// localizes: the chosen locale's, or the translations' default.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub fn language(&self) -> Option<&str> {
        let language = self.language.as_ref()?;
        Some(match language.locale {
            Some(locale) => language.translations.tag(locale),
            None => language.translations.default_language(),
        })
    }

    /// The request's id.
    pub fn request_id(&self) -> Option<&RequestId> {
        self.request_id.as_ref()
    }

    /// The `instance` a `Problem` body takes from the context: the request
    /// id, if so configured.
    pub fn instance(&self) -> Option<&str> {
        self.request_id
            .as_ref()
            .filter(|_| self.id_as_instance)
            .map(RequestId::as_str)
    }
}

/// Sets what the current request's context makes of the headers of an
/// error response for `err`: the body's media type,
/// `content_type` or, for a `+json` type, the one the request's `Accept`
/// prefers; its `Content-Language`, when the context localizes; and the
/// `Vary` these call for. Outside any context, `content_type` as it is.
pub(crate) fn response_headers(
    err: &(impl crate::ApiError + ?Sized),
    content_type: HeaderValue,
    headers: &mut http::HeaderMap,
) {
    // All inside the lookup, which then returns as little as it can.
    let json = with(|context| {
        let context = context?;
        let (json, on_accept) = negotiation::prefers_json(context, &content_type);
        if on_accept {
            vary(headers, "Accept");
        }
        // Without a framework's feature, no context localizes.
        #[cfg(not(any(feature = "axum", feature = "actix-web")))]
        let _ = err;
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        if let Some(language) = language::content_language(context, err) {
            vary(headers, "Accept-Language");
            headers.insert(http::header::CONTENT_LANGUAGE, language);
        }
        Some(json)
    });
    let content_type = if json == Some(true) {
        HeaderValue::from_static("application/json")
    } else {
        content_type
    };
    headers.insert(CONTENT_TYPE, content_type);
}

/// Says in `headers` that the response depended on the request's header
/// `name`, unless a `Vary` says so already.
pub(crate) fn vary(headers: &mut http::HeaderMap, name: &'static str) {
    let values = headers.get_all(http::header::VARY).iter();
    if !varies_on(values.map(HeaderValue::as_bytes), name) {
        headers.append(http::header::VARY, HeaderValue::from_static(name));
    }
}

/// Whether `Vary` values `values` name the header `name`, or `*`.
pub(crate) fn varies_on<'a>(mut values: impl Iterator<Item = &'a [u8]>, name: &str) -> bool {
    values.any(|value| {
        value
            .split(|&byte| byte == b',')
            .map(<[u8]>::trim_ascii)
            .any(|listed| listed.eq_ignore_ascii_case(name.as_bytes()) || listed == b"*")
    })
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
tokio::task_local! {
    static CURRENT: Context;
}

/// Runs `f` with the current request's context, or `None` outside any.
///
/// `f` runs once; it is `FnMut` only so that it can be offered the context
/// first and nothing if there is none.
pub fn with<R>(mut f: impl FnMut(Option<&Context>) -> R) -> R {
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    if let Ok(result) = CURRENT.try_with(|context| f(Some(context))) {
        return result;
    }
    f(None)
}

/// The current request's id, or `None` outside any request (or with ids
/// off).
pub fn request_id() -> Option<RequestId> {
    with(|context| context.and_then(Context::request_id).cloned())
}

/// Runs `future` with `context` as the current request's (features `axum`
/// and `actix-web`; the integrations do this for you).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn scope<F: Future>(context: Context, future: F) -> Scope<F> {
    Scope {
        inner: CURRENT.scope(context, future),
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
pin_project_lite::pin_project! {
    /// A future running with a request's context: see [`scope`].
    pub struct Scope<F> {
        #[pin]
        inner: tokio::task::futures::TaskLocalFuture<Context, F>,
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl<F: Future> Future for Scope<F> {
    type Output = F::Output;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        self.project().inner.poll(cx)
    }
}

/// Runs `f` with `context` as the current request's (features `axum` and
/// `actix-web`).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn sync_scope<R>(context: Context, f: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(context, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_only_when_asked() {
        let id = RequestId::parse("r1").unwrap();
        let context = Context::new().with_request_id(id);
        assert_eq!(context.instance(), None);
        assert_eq!(context.with_id_as_instance(true).instance(), Some("r1"));
    }

    #[test]
    fn vary_is_said_once() {
        let varies = |headers: &http::HeaderMap| {
            let values = headers.get_all(http::header::VARY).iter();
            let values = values.map(|value| value.to_str().unwrap().to_owned());
            values.collect::<Vec<_>>()
        };
        let mut headers = http::HeaderMap::new();
        vary(&mut headers, "Accept");
        vary(&mut headers, "Accept");
        vary(&mut headers, "Accept-Language");
        assert_eq!(varies(&headers), ["Accept", "Accept-Language"]);
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::VARY,
            HeaderValue::from_static("origin, ACCEPT"),
        );
        vary(&mut headers, "Accept");
        vary(&mut headers, "Origin");
        assert_eq!(varies(&headers), ["origin, ACCEPT"]);
        headers.insert(http::header::VARY, HeaderValue::from_static("*"));
        vary(&mut headers, "Accept-Language");
        assert_eq!(varies(&headers), ["*"]);
    }
}
