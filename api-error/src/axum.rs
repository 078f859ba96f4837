//! axum 0.8 (feature `axum`).
//!
//! - Every derived error implements [`IntoResponse`]: return it from a
//!   handler, in the type's format or the application's default.
//! - [`Json`] extracts a JSON body with [`parse_json`](crate::parse_json),
//!   [`Path`] and [`Query`] extract parameters with
//!   [`parse_path`] and
//!   [`parse_query`], and each rejects with a
//!   [`RequestError`] saying what is wrong and where, every problem at
//!   once, in the very words `api_error::actix`'s extractors use for the
//!   same request.
//! - [`render_errors`] renders the errors axum itself answers with (405 from
//!   method routing, 404, the rejections of axum's own extractors, by their
//!   kind, in the client's terms) in the application's format, and
//!   [`not_found`] is a fallback that does.
//! - [`RequestContextLayer`] installs the request [`context`]: request ids,
//!   in every error body, log line and response header.
//! - The request checks take axum's own types: `bearer_token(&headers)` for
//!   a `HeaderMap`, `Parts` or `Request`.
//!
//! ```
//! use api_error::axum::{render_errors, not_found, Json, Path};
//! use api_error::ApiError;
//! use axum::routing::put;
//! use axum::Router;
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     #[api(status = 409, message = "The user {0} already exists.")]
//!     AlreadyExists(String),
//! }
//!
//! #[derive(serde::Deserialize)]
//! struct NewUser {
//!     name: String,
//! }
//!
//! async fn put_user(Path(id): Path<String>, Json(user): Json<NewUser>) -> Result<String, UserError> {
//!     Err(UserError::AlreadyExists(format!("{id} ({})", user.name)))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/users/{id}", put(put_user))
//!     .fallback(not_found)
//!     .layer(axum::middleware::from_fn(render_errors));
//! ```

use std::borrow::Cow;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection, RawPathParamsRejection};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::header::{ACCEPT, ALLOW, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Either, LengthLimitError, Limited};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::context::{self, Negotiation, RequestIds};
use crate::request::ContextParts;
use crate::request::{
    DEFAULT_LIMIT, JsonParser, RequestError, clip_long, clip_name, json_words, media_type,
    rejected, the_string,
};
use crate::translations::Translations;
use crate::{ApiError, FieldPath, parse_path, parse_query};

/// The response for `err`, in its type's format or the application's
/// default; what the derived `IntoResponse` impls call.
pub fn into_response(err: &dyn ApiError) -> Response {
    crate::response(err).map(Body::from)
}

/// A JSON request body, parsed by [`parse_json`](crate::parse_json): a
/// wrong content type, a body over the limit, or a body that is not the
/// JSON `T` takes is rejected with a [`RequestError`] saying exactly what is
/// wrong and where.
///
/// The limit is 2 MiB, or that of a [`JsonParser`] added to the request's
/// extensions (`.layer(Extension(JsonParser::new().limit(64 * 1024)))`).
/// Used as a response, it serializes `T` as `application/json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = RequestError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, RequestError> {
        let parser = request
            .extensions()
            .get::<JsonParser>()
            .copied()
            .unwrap_or_default();
        let (parts, body) = request.into_parts();
        // Refuse a body that is not JSON before reading it.
        parser.check_content_type(&parts.headers)?;
        let bytes = match Limited::new(body, parser.max_len()).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(error) if error.is::<LengthLimitError>() => {
                return Err(RequestError::PayloadTooLarge {
                    limit: parser.max_len(),
                });
            }
            Err(_) => {
                return Err(RequestError::InvalidRequest {
                    reason: Cow::Borrowed("The request body could not be read."),
                });
            }
        };
        parser.parse(&parts.headers, &bytes).map(Json)
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self.0) {
            Ok(body) => ([(CONTENT_TYPE, "application/json")], body).into_response(),
            Err(error) => {
                let message = format!("The response body could not be written: {error}");
                (StatusCode::INTERNAL_SERVER_ERROR, message).into_response()
            }
        }
    }
}

/// Path parameters, read by [`parse_path`]: a parameter that does not fit
/// `T` is rejected with the [`RequestError`] `parse_path` words, the
/// parameter's name as its path, every problem at once, as
/// [`actix::Path`](../actix/struct.Path.html) words it for the same
/// request.
///
/// axum percent-decodes each parameter; one that is not UTF-8 once
/// decoded is an `invalid_request`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = RequestError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, RequestError> {
        match RawPathParams::from_request_parts(parts, state).await {
            Ok(params) => parse_path(&params).map(Path),
            Err(RawPathParamsRejection::InvalidUtf8InPathParam(_)) => {
                Err(RequestError::InvalidRequest {
                    reason: Cow::Borrowed(
                        "The request path is not valid UTF-8 once percent-decoded.",
                    ),
                })
            }
            // A route without parameters.
            Err(_) => parse_path(std::iter::empty::<(&str, &str)>()).map(Path),
        }
    }
}

/// The query string, read by [`parse_query`]: one that does not fit `T` is
/// rejected with the [`RequestError`] `parse_query` words, each parameter's
/// name as its path, every problem at once, as
/// [`actix::Query`](../actix/struct.Query.html) words it for the same
/// request. A key given more than once is a sequence of its values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = RequestError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, RequestError> {
        parse_query(parts.uri.query().unwrap_or_default()).map(Query)
    }
}

/// The rejection of axum's own `Path`, by its kind, in the client's terms:
/// a parameter axum could not parse is an `invalid_field` at its name,
/// saying what was expected in JSON's words (never the Rust type axum
/// names) and what came, cut short. What axum does not tell by kind is an
/// `invalid_request`.
impl From<PathRejection> for RequestError {
    fn from(rejection: PathRejection) -> Self {
        use axum::extract::path::ErrorKind;
        let PathRejection::FailedToDeserializePathParams(error) = &rejection else {
            return invalid_request(rejected::PATH);
        };
        let expected = |rust: &str| json_words(rust).unwrap_or("a valid value");
        let (key, reason) = match error.kind() {
            ErrorKind::ParseErrorAtKey {
                key,
                value,
                expected_type,
            } => {
                let found = the_string(value);
                (
                    key,
                    format!("expected {}, found {found}", expected(expected_type)),
                )
            }
            ErrorKind::InvalidUtf8InPathParam { key } => {
                (key, "it is not valid UTF-8 once percent-decoded".to_owned())
            }
            // A `Deserialize` impl's own words, as `parse_path` shows them.
            ErrorKind::DeserializeError { key, message, .. } => (key, clip_long(message)),
            ErrorKind::ParseErrorAtIndex {
                value,
                expected_type,
                ..
            }
            | ErrorKind::ParseError {
                value,
                expected_type,
            } => {
                let found = the_string(value);
                let reason = format!(
                    "The request path is invalid: expected {}, found {found}.",
                    expected(expected_type)
                );
                return invalid_request(reason);
            }
            _ => return invalid_request(rejected::PATH),
        };
        let mut path = FieldPath::new();
        path.push_field(clip_name(key));
        RequestError::InvalidField { path, reason }
    }
}

/// The rejection of axum's own `Query`, which tells no kind, only a text
/// naming Rust types: an `invalid_request`, `The request query is
/// invalid.` [`Query`] says what is wrong.
impl From<QueryRejection> for RequestError {
    fn from(_: QueryRejection) -> Self {
        invalid_request(rejected::QUERY)
    }
}

/// An `invalid_request` saying `reason`.
fn invalid_request(reason: impl Into<Cow<'static, str>>) -> RequestError {
    RequestError::InvalidRequest {
        reason: reason.into(),
    }
}

/// A fallback handler answering `not_found` (404) in the application's
/// format: `Router::new().fallback(not_found)`.
pub async fn not_found() -> RequestError {
    RequestError::NotFound
}

/// Middleware rendering the errors axum answers with itself in the
/// application's format: `.layer(axum::middleware::from_fn(render_errors))`.
///
/// It rewrites the responses that carry an error status and no JSON: 405
/// from method routing (keeping its `Allow`), 404 from routing, and the
/// rejections of axum's own extractors (415, 413, 400, 422). Responses with
/// a JSON body, every error of this crate among them, pass unchanged.
///
/// A middleware sees only the response, so a rejection is told by its
/// status and the fixed text axum opens its body with, and answered in the
/// client's terms, never with the Rust types or the parser positions of
/// the rest of axum's text; which field was wrong is only in that text, so
/// it is not said ([`Json`], [`Path`] and [`Query`] say it):
///
/// | axum's rejection | answer |
/// |---|---|
/// | `Json`, body not JSON text (400) | `invalid_request`: `The request body is not valid JSON.` |
/// | `Json`, JSON but not the handler's type (422) | `invalid_request`: `The request body is valid JSON, but not the value this endpoint takes.` |
/// | `Json`, `Form`, no or another content type (415) | `unsupported_media_type`, naming it |
/// | a body over the limit (413) | `payload_too_large`, with the limit a [`JsonParser`] extension gives, else 2 MiB |
/// | a body that could not be read, or not UTF-8 (400) | `invalid_request` saying so |
/// | `Path` (400) | `invalid_request`: `The request path is invalid.` |
/// | `Query`, `Form` of a `GET` (400) | `invalid_request`: `The request query is invalid.` |
/// | `Form` body (422) | `invalid_request`: `The request body is not the form this endpoint takes.` |
/// | any other 400 or 422 | `invalid_request` with the response's text, cut short |
///
/// What the client sent (the `Content-Type` a 415 repeats, a value axum's
/// message quotes) is cut short, as [`parse_json`](crate::parse_json) cuts
/// it: a hostile request gets a short answer.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    // Kept as sent (a cheap clone), decoded only for a 415.
    let content_type = request.headers().get(CONTENT_TYPE).cloned();
    let limit = request
        .extensions()
        .get::<JsonParser>()
        .map_or(DEFAULT_LIMIT, JsonParser::max_len);
    let response = next.run(request).await;
    if !response.status().is_client_error() || carries_json(&response) {
        return response;
    }
    let error = match response.status() {
        StatusCode::METHOD_NOT_ALLOWED => {
            let allowed = allowed_methods(&response);
            if allowed.is_empty() {
                // axum adds `Allow` to a 405 after this layer has run, unless
                // the response has one already: leave it to axum.
                let mut rendered =
                    into_response(&RequestError::MethodNotAllowed { method, allowed });
                rendered.headers_mut().remove(ALLOW);
                return rendered;
            }
            RequestError::MethodNotAllowed { method, allowed }
        }
        StatusCode::NOT_FOUND => RequestError::NotFound,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => RequestError::UnsupportedMediaType {
            media_type: content_type
                .map(|value| media_type(value.as_bytes()))
                .unwrap_or_default(),
        },
        StatusCode::PAYLOAD_TOO_LARGE => RequestError::PayloadTooLarge { limit },
        status @ (StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY) => {
            let text = body_text(response).await;
            let known = REJECTIONS
                .iter()
                .find(|(of, start, _)| *of == status.as_u16() && text.starts_with(start));
            RequestError::InvalidRequest {
                reason: match known {
                    Some((_, _, reason)) => Cow::Borrowed(reason),
                    None => Cow::Owned(text),
                },
            }
        }
        _ => return response,
    };
    into_response(&error)
}

/// The rejections of axum's own extractors that `render_errors` tells by
/// their status and the fixed text axum starts their body with, and what
/// it says of each instead: axum's text goes on with serde's message, which
/// names Rust types and where its parser stopped. Each is an
/// `invalid_request`; which field was wrong is in serde's text alone, so
/// it is not said.
const REJECTIONS: &[(u16, &str, &str)] = &[
    // `Json`: the body is not JSON text, or not the value the handler takes.
    (
        400,
        "Failed to parse the request body as JSON",
        "The request body is not valid JSON.",
    ),
    (
        422,
        "Failed to deserialize the JSON body",
        rejected::NOT_TAKEN,
    ),
    // `Json`, `Form`, `String`, `Bytes`: the body could not be read.
    (
        400,
        "Failed to buffer the request body",
        rejected::UNREADABLE,
    ),
    (
        400,
        "Request body didn't contain valid UTF-8",
        "The request body is not valid UTF-8.",
    ),
    // `Form`: from the query of a `GET`, or the body.
    (400, "Failed to deserialize form", rejected::QUERY),
    (
        422,
        "Failed to deserialize form body",
        "The request body is not the form this endpoint takes.",
    ),
    // `Path`, `Query`.
    (400, "Invalid URL", rejected::PATH),
    (400, "Failed to deserialize query string", rejected::QUERY),
];

/// Whether a response's body is JSON (`application/json`, `+json`).
fn carries_json(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            let essence = value.split(';').next().unwrap_or_default().trim();
            essence.eq_ignore_ascii_case("application/json")
                || essence.to_ascii_lowercase().ends_with("+json")
        })
}

/// The methods a 405's `Allow` lists.
fn allowed_methods(response: &Response) -> Vec<Method> {
    response
        .headers()
        .get_all(ALLOW)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|list| list.split(','))
        .filter_map(|method| Method::from_bytes(method.trim().as_bytes()).ok())
        .collect()
}

/// A rejection's plain-text explanation, as a sentence, cut short like
/// [`clip_long`]: axum's messages may quote the client's value.
async fn body_text(response: Response) -> String {
    const LIMIT: usize = 1024;
    let text = match Limited::new(response.into_body(), LIMIT).collect().await {
        Ok(collected) => clip_long(
            String::from_utf8_lossy(&collected.to_bytes())
                .trim()
                .to_owned(),
        ),
        Err(_) => String::new(),
    };
    if text.is_empty() {
        "The request is invalid.".to_owned()
    } else if text.ends_with('.') {
        text
    } else {
        text + "."
    }
}

/// The request context (see [`context`]) as a tower layer: every error
/// rendered while serving a request, by a handler, an extractor's rejection
/// or a layer inside this one, carries the request's id in its body and its
/// log line, and every response of the request, success too, echoes the id
/// in the request-id header. It negotiates a `Problem` body's media type
/// with the request's `Accept` ([`Negotiation`]), and with
/// [`translations`](Self::translations) writes messages in the language of
/// its `Accept-Language`.
///
/// ```
/// use api_error::axum::RequestContextLayer;
/// use api_error::context::RequestIds;
/// use api_error::http::HeaderName;
/// use axum::routing::get;
/// use axum::Router;
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(RequestContextLayer::new());
///
/// // Each part switched where it is installed:
/// let ids = RequestIds::new()
///     .header(HeaderName::from_static("x-correlation-id"))
///     .as_instance(true);
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(RequestContextLayer::new().request_ids(ids));
/// ```
///
/// Install it outermost (the last `.layer`), so that the layers inside it
/// render within the request's context. Its responses' body is the inner
/// service's or, for a refused request, axum's `Body` (an
/// `http_body_util::Either` of the two), so that the layers inside may have
/// bodies of their own (a compressed one, say). Errors rendered in work a handler
/// hands to `tokio::spawn` are outside it: they carry no id.
#[derive(Clone, Debug, Default)]
pub struct RequestContextLayer {
    parts: ContextParts,
}

impl RequestContextLayer {
    /// Every part on: request ids in `x-request-id`, media types negotiated
    /// (not refusing).
    pub fn new() -> Self {
        Self::default()
    }

    /// How requests get their ids, or `RequestIds::new().enabled(false)`
    /// for none.
    pub fn request_ids(mut self, ids: RequestIds) -> Self {
        self.parts.ids = ids;
        self
    }

    /// How media types are negotiated, or `Negotiation::new().enabled(false)`
    /// for not at all; `Negotiation::new().refuse_unacceptable(true)` on a
    /// router that answers JSON only answers a request that accepts no JSON
    /// with `not_acceptable` (406), its handler never run.
    pub fn negotiation(mut self, negotiation: Negotiation) -> Self {
        self.parts.negotiation = negotiation;
        self
    }

    /// Messages in the language of the request's `Accept-Language`, from
    /// `translations`, with `Content-Language` and `Vary: Accept-Language`
    /// on every error response; off until set.
    pub fn translations(mut self, translations: Translations) -> Self {
        self.parts.translations = Some(Arc::new(translations));
        self
    }
}

impl<S> tower_layer::Layer<S> for RequestContextLayer {
    type Service = RequestContextService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RequestContextService {
            inner,
            parts: self.parts.clone(),
        }
    }
}

/// The service [`RequestContextLayer`] wraps around another.
#[derive(Clone, Debug)]
pub struct RequestContextService<S> {
    inner: S,
    parts: ContextParts,
}

pin_project_lite::pin_project! {
    /// The future of a [`RequestContextService`]'s response: the inner
    /// service's, inside the request's context, then the id echoed; or the
    /// request's refusal, the inner service never called.
    pub struct RequestContextFuture<F> {
        #[pin]
        state: State<F>,
        echo: Option<(http::HeaderName, http::HeaderValue)>,
        // A refusing context: every response depended on `Accept`.
        vary: bool,
    }
}

pin_project_lite::pin_project! {
    #[project = StateProject]
    enum State<F> {
        Running {
            #[pin]
            inner: context::Scope<F>,
        },
        Refused {
            response: Option<http::Response<Body>>,
        },
    }
}

impl<F, R, E> Future for RequestContextFuture<F>
where
    F: Future<Output = Result<http::Response<R>, E>>,
{
    type Output = Result<http::Response<Either<R, Body>>, E>;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        let this = self.project();
        let mut response = match this.state.project() {
            StateProject::Running { inner } => std::task::ready!(inner.poll(cx))?.map(Either::Left),
            StateProject::Refused { response } => match response.take() {
                Some(response) => response.map(Either::Right),
                // Polled after it answered, which no caller may do: it
                // stays pending rather than panic.
                None => return std::task::Poll::Pending,
            },
        };
        if let Some((name, id)) = this.echo.take() {
            response.headers_mut().insert(name, id);
        }
        if *this.vary {
            context::vary(response.headers_mut(), "Accept");
        }
        std::task::Poll::Ready(Ok(response))
    }
}

/// The answer to a request that accepts no JSON on a context that refuses
/// it: `not_acceptable` (406).
fn refusal() -> http::Response<Body> {
    crate::response(&RequestError::NotAcceptable).map(Body::from)
}

impl<S, B, R> tower_service::Service<http::Request<B>> for RequestContextService<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
{
    /// The inner service's responses, or the refusal's: whatever body
    /// the inner service's have, as axum's `Router` takes any.
    type Response = http::Response<Either<R, Body>>;
    type Error = S::Error;
    type Future = RequestContextFuture<S::Future>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let headers = request.headers();
        // Shared, not copied.
        let (context, refused) = self.parts.begin(headers, || headers.get(ACCEPT).cloned());
        let echo = context.request_id().map(|id| {
            (
                self.parts.ids.header_name().clone(),
                id.header_value().clone(),
            )
        });
        let state = if refused {
            // Refused before the inner service sees the request: the
            // handler never runs.
            let response = context::sync_scope(context, refusal);
            State::Refused {
                response: Some(response),
            }
        } else {
            let inner = &mut self.inner;
            let future = context::sync_scope(context.clone(), || inner.call(request));
            State::Running {
                inner: context::scope(context, future),
            }
        };
        RequestContextFuture {
            state,
            echo,
            vary: self.parts.varies_on_accept(),
        }
    }
}
