//! axum 0.8 (feature `axum`).
//!
//! - Every derived error implements [`IntoResponse`]: return it from a
//!   handler, in the type's format or the application's default.
//! - [`Json`], [`Path`] and [`Query`] extract like axum's own and reject with
//!   a [`RequestError`] instead of plain text.
//! - [`render_errors`] renders the errors axum itself answers with (405 from
//!   method routing, 404, the rejections of axum's own extractors) in the
//!   application's format, and [`not_found`] is a fallback that does.
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

use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{ALLOW, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::ApiError;
use crate::request::{DEFAULT_LIMIT, JsonParser, RequestError, clip, clip_long, media_type};

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

/// Path parameters, deserialized like axum's `Path`; a parameter that does
/// not fit `T` is rejected with an `invalid_request` [`RequestError`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = RequestError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, RequestError> {
        let axum::extract::Path(value) =
            axum::extract::Path::from_request_parts(parts, state).await?;
        Ok(Path(value))
    }
}

/// The query string, deserialized like axum's `Query`; one that does not fit
/// `T` is rejected with an `invalid_request` [`RequestError`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = RequestError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, RequestError> {
        let axum::extract::Query(value) =
            axum::extract::Query::from_request_parts(parts, state).await?;
        Ok(Query(value))
    }
}

/// What comes from the client (a parameter's value, or a message of axum's
/// quoting one) is cut short, as [`parse_json`](crate::parse_json) cuts it:
/// a hostile URL gets a short answer. Keys and expected types come from the
/// route and the handler, and are repeated whole.
impl From<PathRejection> for RequestError {
    fn from(rejection: PathRejection) -> Self {
        use axum::extract::path::ErrorKind;
        let reason = match &rejection {
            PathRejection::FailedToDeserializePathParams(error) => match error.kind() {
                ErrorKind::ParseErrorAtKey {
                    key,
                    value,
                    expected_type,
                } => format!(
                    "The path parameter {key} is invalid: expected {expected_type}, found {:?}.",
                    clip(value)
                ),
                ErrorKind::ParseErrorAtIndex {
                    index,
                    value,
                    expected_type,
                } => format!(
                    "Path parameter {} is invalid: expected {expected_type}, found {:?}.",
                    index + 1,
                    clip(value)
                ),
                ErrorKind::ParseError {
                    value,
                    expected_type,
                } => format!(
                    "The path is invalid: expected {expected_type}, found {:?}.",
                    clip(value)
                ),
                ErrorKind::InvalidUtf8InPathParam { key } => {
                    format!("The path parameter {key} is not valid UTF-8.")
                }
                _ => format!("The path is invalid: {}.", clip_long(error.to_string())),
            },
            _ => format!("The path is invalid: {}.", clip_long(rejection.body_text())),
        };
        RequestError::InvalidRequest {
            reason: Cow::Owned(reason),
        }
    }
}

/// axum's message, which may quote the client's value whole, is cut short.
impl From<QueryRejection> for RequestError {
    fn from(rejection: QueryRejection) -> Self {
        RequestError::InvalidRequest {
            reason: Cow::Owned(format!(
                "The query string is invalid: {}.",
                clip_long(rejection.body_text())
            )),
        }
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
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => {
            let text = body_text(response).await;
            RequestError::InvalidRequest {
                reason: Cow::Owned(text),
            }
        }
        _ => return response,
    };
    into_response(&error)
}

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
