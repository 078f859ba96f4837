//! actix-web 4 (feature `actix-web`).
//!
//! - Every derived error implements [`ResponseError`]: return it from a
//!   handler, in the type's format or the application's default.
//! - [`Json`] extracts a JSON body with [`parse_json`](crate::parse_json),
//!   [`Path`] and [`Query`] extract parameters with
//!   [`parse_path`](crate::parse_path) and
//!   [`parse_query`](crate::parse_query), and each rejects with a
//!   [`RequestError`] saying what is wrong and where, every problem at
//!   once, in the very words `api_error::axum`'s extractors use for the
//!   same request.
//! - The request checks take actix-web's own types: `bearer_token(&request)`,
//!   `accepts_json(&request)`, `allow_method(&request, &[Method::GET])`
//!   (with [`http::Method`]s, which
//!   `RequestError::MethodNotAllowed` holds), and `parse_json(&request,
//!   &body)`, for an `HttpRequest`, a `ServiceRequest`, their `HeaderMap` or
//!   `Method` ([`RequestHeaders`], [`RequestMethod`]): nothing to copy.
//! - [`json_config`], [`path_config`] and [`query_config`] make actix's own
//!   extractors reject with a [`RequestError`], by the kind of their error;
//!   [`error_handlers`] renders the errors actix answers with itself (404,
//!   405) in the application's format, and [`not_found`] is a default
//!   service that does.
//! - [`RequestContext`] installs the request [`context`]:
//!   request ids, in every error body, log line and response header.
//!
//! ```
//! use actix_web::{web, App, HttpRequest};
//! use api_error::actix::{error_handlers, not_found, Json, Path, Query};
//! use api_error::{bearer_token, ApiError, RequestError};
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     #[api(status = 409, message = "The user {0} already exists.")]
//!     AlreadyExists(String),
//!     #[api(transparent)]
//!     Request(#[from] RequestError),
//! }
//!
//! #[derive(serde::Deserialize)]
//! struct NewUser {
//!     name: String,
//! }
//!
//! #[derive(serde::Deserialize)]
//! struct Notify {
//!     email: Option<bool>,
//! }
//!
//! async fn put_user(
//!     request: HttpRequest,
//!     Path(id): Path<u64>,
//!     Query(notify): Query<Notify>,
//!     Json(user): Json<NewUser>,
//! ) -> Result<String, UserError> {
//!     bearer_token(&request)?;
//!     Err(UserError::AlreadyExists(format!("{id} ({})", user.name)))
//! }
//!
//! let app = App::new()
//!     .wrap(error_handlers())
//!     .route("/users/{id}", web::put().to(put_user))
//!     .default_service(web::to(not_found));
//! ```

use std::borrow::Cow;
use std::future::{Future, Ready, ready};
use std::pin::Pin;
use std::sync::Arc;

use actix_web::body::{BodyStream, MessageBody};
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::{InternalError, JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, web};
use percent_encoding::percent_decode_str;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::ApiError;
use crate::context::{self, Negotiation, RequestIds};
use crate::request::ContextParts;
use crate::request::{
    JsonParser, RequestError, RequestHeaders, RequestMethod, media_type, rejected, sentence,
};
use crate::status::error_status;
use crate::translations::Translations;

/// The status of `err`, as actix-web spells it; what the derived
/// `ResponseError` impls call.
pub fn status_code(err: &dyn ApiError) -> StatusCode {
    StatusCode::from_u16(error_status(err).as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response for `err`, in its type's format or the application's
/// default; what the derived `ResponseError` impls call.
pub fn error_response(err: &dyn ApiError) -> HttpResponse {
    let (parts, body) = crate::response(err).into_parts();
    let mut response = HttpResponse::build(status_code(err));
    for (name, value) in &parts.headers {
        // actix-web has its own `http` types: carry each header over as bytes.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            response.append_header((name, value));
        }
    }
    response.body(body)
}

/// A JSON request body, parsed by [`parse_json`](crate::parse_json): a
/// wrong content type, a body over the limit, or a body that is not the
/// JSON `T` takes is rejected with a [`RequestError`] saying exactly what is
/// wrong and where.
///
/// The limit is 2 MiB, or that of a [`JsonParser`] given as app data
/// (`.app_data(JsonParser::new().limit(64 * 1024))`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = RequestError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, RequestError>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let parser = request
            .app_data::<JsonParser>()
            .copied()
            .unwrap_or_default();
        let request = request.clone();
        let payload = payload.take();
        Box::pin(async move {
            // Refuse a body that is not JSON before reading it.
            parser.check_content_type(&request)?;
            let bytes =
                match actix_web::body::to_bytes_limited(BodyStream::new(payload), parser.max_len())
                    .await
                {
                    Ok(Ok(bytes)) => bytes,
                    Ok(Err(_)) => {
                        return Err(RequestError::InvalidRequest {
                            reason: Cow::Borrowed("The request body could not be read."),
                        });
                    }
                    Err(_) => {
                        return Err(RequestError::PayloadTooLarge {
                            limit: parser.max_len(),
                        });
                    }
                };
            parser.parse(&request, &bytes).map(Json)
        })
    }
}

/// actix-web's own header map, read as it is: the request checks
/// ([`bearer_token`](crate::bearer_token), [`accepts_json`](crate::accepts_json))
/// and the body parser take it, or the request holding it, directly.
impl RequestHeaders for header::HeaderMap {
    fn header_values(&self, name: &http::HeaderName) -> impl Iterator<Item = &[u8]> {
        self.get_all(name.as_str()).map(HeaderValue::as_bytes)
    }
}

impl RequestHeaders for HttpRequest {
    fn header_values(&self, name: &http::HeaderName) -> impl Iterator<Item = &[u8]> {
        self.headers().header_values(name)
    }
}

impl RequestHeaders for ServiceRequest {
    fn header_values(&self, name: &http::HeaderName) -> impl Iterator<Item = &[u8]> {
        self.headers().header_values(name)
    }
}

/// actix-web's own method, for [`allow_method`](crate::allow_method), which
/// takes it, or the request holding it, directly.
impl RequestMethod for actix_web::http::Method {
    fn http_method(&self) -> http::Method {
        // Both `http` versions take the same tokens as a method.
        http::Method::from_bytes(self.as_str().as_bytes()).unwrap_or_default()
    }
}

impl RequestMethod for HttpRequest {
    fn http_method(&self) -> http::Method {
        self.method().http_method()
    }
}

impl RequestMethod for ServiceRequest {
    fn http_method(&self) -> http::Method {
        self.method().http_method()
    }
}

/// The media type a request says its body is, for messages: cut short, as
/// [`parse_json`](crate::parse_json) cuts it.
fn media_type_of(request: &HttpRequest) -> String {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|value| media_type(value.as_bytes()))
        .unwrap_or_default()
}

/// Path parameters, read by [`parse_path`](crate::parse_path): a
/// parameter that does not fit `T` is rejected with the [`RequestError`]
/// `parse_path` words, the parameter's name as its path, every problem at
/// once, as [`axum::Path`](../axum/struct.Path.html) words it for the same
/// request.
///
/// Each parameter is percent-decoded, as `web::Path` decodes it; bytes that
/// are not UTF-8 once decoded become `�` (actix-web has decoded most of the
/// path so before the handler sees it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Path<T> {
    type Error = RequestError;
    type Future = Ready<Result<Self, RequestError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let params = request
            .match_info()
            .iter()
            .map(|(name, value)| (name, percent_decode_str(value).decode_utf8_lossy()));
        ready(crate::parse_path(params).map(Path))
    }
}

/// The query string, read by [`parse_query`](crate::parse_query): one that
/// does not fit `T` is rejected with the [`RequestError`] `parse_query`
/// words, each parameter's name as its path, every problem at once, as
/// [`axum::Query`](../axum/struct.Query.html) words it for the same request.
/// A key given more than once is a sequence of its values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = RequestError;
    type Future = Ready<Result<Self, RequestError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(crate::parse_query(request.query_string()).map(Query))
    }
}

/// An `invalid_request` saying `reason`.
fn invalid_request(reason: impl Into<Cow<'static, str>>) -> RequestError {
    RequestError::InvalidRequest {
        reason: reason.into(),
    }
}

/// actix-web's `web::Json` extractor, rejecting with a [`RequestError`]
/// by the kind of its error: `.app_data(json_config())`. [`Json`] says
/// more about what is wrong.
///
/// A body that is not JSON text is an `invalid_request` saying where it
/// stops being JSON, as [`parse_json`](crate::parse_json) says it (`The
/// request body is not valid JSON (line 1, column 2).`); one that is JSON but not what the handler takes is an
/// `invalid_request` too, `The request body is valid JSON, but not the
/// value this endpoint takes.`: which field is wrong is only in serde's
/// text, which names Rust types. A wrong `Content-Type` is
/// `unsupported_media_type`, a body over the limit `payload_too_large`.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().error_handler(|error, request| {
        let error = match error {
            JsonPayloadError::OverflowKnownLength { limit, .. }
            | JsonPayloadError::Overflow { limit } => RequestError::PayloadTooLarge { limit },
            JsonPayloadError::ContentType => RequestError::UnsupportedMediaType {
                media_type: media_type_of(request),
            },
            JsonPayloadError::Deserialize(error) => match error.classify() {
                // In `parse_json`'s words.
                Category::Syntax | Category::Eof => {
                    let what = match error.is_eof() {
                        true => "ends before its JSON value does",
                        false => "is not valid JSON",
                    };
                    invalid_request(sentence(what, (error.line(), error.column())))
                }
                Category::Data => invalid_request(rejected::NOT_TAKEN),
                Category::Io => invalid_request(rejected::UNREADABLE),
            },
            _ => invalid_request(rejected::UNREADABLE),
        };
        error.into()
    })
}

/// actix-web's `web::Path` extractor, rejecting with a [`RequestError`]:
/// `.app_data(path_config())`. actix-web's error tells no kind, only a text
/// naming Rust types: an `invalid_request`, `The request path is invalid.`
/// [`Path`] says what is wrong.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|_: PathError, _| invalid_request(rejected::PATH).into())
}

/// actix-web's `web::Query` extractor, rejecting with a [`RequestError`]:
/// `.app_data(query_config())`. actix-web's error tells no kind, only a
/// text naming Rust types: an `invalid_request`, `The request query is
/// invalid.` [`Query`] says what is wrong.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default()
        .error_handler(|_: QueryPayloadError, _| invalid_request(rejected::QUERY).into())
}

/// A default service answering `not_found` (404) in the application's
/// format: `.default_service(web::to(not_found))`.
pub async fn not_found() -> HttpResponse {
    RequestError::NotFound.error_response()
}

/// Middleware rendering the errors actix-web answers with itself (404 and
/// 405, keeping `Allow`) in the application's format:
/// `.wrap(error_handlers())`. Responses with a JSON body, every error of this
/// crate among them, pass unchanged.
pub fn error_handlers<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new()
        .handler(StatusCode::NOT_FOUND, |response| {
            Ok(rewrite(response, |_, _| RequestError::NotFound))
        })
        .handler(StatusCode::METHOD_NOT_ALLOWED, |response| {
            Ok(rewrite(response, |request, allowed| {
                RequestError::MethodNotAllowed {
                    method: request.http_method(),
                    allowed,
                }
            }))
        })
}

/// `response` as `error` says, unless its body is already JSON.
fn rewrite<B: 'static>(
    response: ServiceResponse<B>,
    error: impl FnOnce(&HttpRequest, Vec<http::Method>) -> RequestError,
) -> ErrorHandlerResponse<B> {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("json"));
    if is_json {
        return ErrorHandlerResponse::Response(response.map_into_left_body());
    }
    let allowed = response
        .headers()
        .get_all(header::ALLOW)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|list| list.split(','))
        .filter_map(|method| http::Method::from_bytes(method.trim().as_bytes()).ok())
        .collect();
    let (request, _) = response.into_parts();
    let rendered = error(&request, allowed).error_response();
    ErrorHandlerResponse::Response(ServiceResponse::new(request, rendered).map_into_right_body())
}

/// The request context (see [`context`]) as a middleware: every error
/// rendered while serving a request, by a handler, an extractor's rejection
/// or a middleware inside this one (an `Err` one returns is rendered here,
/// inside the context, rather than by actix after the whole chain), carries
/// the request's id in its body and its log line, and every response of the
/// request, success too, echoes the id in the request-id header. It
/// negotiates a `Problem` body's media type with the request's `Accept`
/// ([`Negotiation`]), and with [`translations`](Self::translations) writes
/// messages in the language of its `Accept-Language`.
///
/// ```
/// use actix_web::{web, App};
/// use api_error::actix::{error_handlers, RequestContext};
/// use api_error::context::RequestIds;
///
/// let app = App::new()
///     .wrap(error_handlers())
///     .wrap(RequestContext::new())
///     .route("/", web::get().to(|| async { "hello" }));
///
/// // Each part switched where it is installed:
/// let ids = RequestIds::new().as_instance(true);
/// let app = App::new()
///     .wrap(RequestContext::new().request_ids(ids))
///     .route("/", web::get().to(|| async { "hello" }));
/// ```
///
/// An `Err` from inside goes on outward as an error all the same, for the
/// middleware outside this one, but as an `InternalError` carrying the
/// response already rendered: one that downcasts errors sees that type,
/// not the original.
///
/// Wrap it last, outermost, so that the middleware inside it render within
/// the request's context. Errors rendered in work a handler hands to
/// `actix_web::rt::spawn` or `tokio::spawn` are outside it: they carry no
/// id.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    parts: ContextParts,
}

impl RequestContext {
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
    /// for not at all; `Negotiation::new().refuse_unacceptable(true)` on an
    /// app or scope that answers JSON only answers a request that accepts
    /// no JSON with `not_acceptable` (406), its handler never run.
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

impl<S, B> Transform<S, ServiceRequest> for RequestContext
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = RequestContextMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        // The same header name, in actix-web's `http` types.
        let name = HeaderName::from_bytes(self.parts.ids.header_name().as_str().as_bytes());
        ready(name.map_err(drop).map(|name| RequestContextMiddleware {
            service,
            parts: self.parts.clone(),
            name,
        }))
    }
}

/// `Vary: Accept` in actix-web's header map, unless a `Vary` says so
/// already.
fn vary_accept(headers: &mut header::HeaderMap) {
    if !context::varies_on(
        headers.get_all(header::VARY).map(HeaderValue::as_bytes),
        "Accept",
    ) {
        headers.append(header::VARY, HeaderValue::from_static("Accept"));
    }
}

/// The service [`RequestContext`] wraps around another.
#[derive(Debug)]
pub struct RequestContextMiddleware<S> {
    service: S,
    parts: ContextParts,
    name: HeaderName,
}

impl<S, B> Service<ServiceRequest> for RequestContextMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let headers = request.headers();
        // In `http`'s types: one copy of the value.
        let accept = || {
            let accept = headers.get(header::ACCEPT)?;
            http::HeaderValue::from_bytes(accept.as_bytes()).ok()
        };
        let (context, refused) = self.parts.begin(headers, accept);
        let echo = context
            .request_id()
            .and_then(|id| HeaderValue::from_bytes(id.as_str().as_bytes()).ok())
            .map(|id| (self.name.clone(), id));
        let vary = self.parts.varies_on_accept();
        // What every response says: its request's id, and, where a request
        // accepting no JSON is refused, that it depended on `Accept`.
        let finish = move |headers: &mut header::HeaderMap| {
            if let Some((name, id)) = echo {
                headers.insert(name, id);
            }
            if vary {
                vary_accept(headers);
            }
        };
        if refused {
            // Refused before the services inside see the request: the
            // handler never runs. Passed on as an error carrying its
            // response, as an error from inside is.
            let mut response =
                context::sync_scope(context, || RequestError::NotAcceptable.error_response());
            finish(response.headers_mut());
            let error = InternalError::from_response(RequestError::NotAcceptable, response);
            return Box::pin(ready(Err(error.into())));
        }
        let future = context::sync_scope(context.clone(), || self.service.call(request));
        Box::pin(context::scope(context, async move {
            match future.await {
                Ok(mut response) => {
                    finish(response.headers_mut());
                    Ok(response)
                }
                // Rendered here, inside the context, rather than by actix
                // after the whole chain; passed on as an error all the
                // same, for the middleware outside this one.
                Err(err) => {
                    let mut response = err.error_response();
                    finish(response.headers_mut());
                    Err(InternalError::from_response(err, response).into())
                }
            }
        }))
    }
}
