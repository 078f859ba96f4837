//! What the `validator` and `garde` features share: a report's sub-errors
//! in one order, the `validation_failed` error they make, and the
//! extractors' work, which reads a body as `api_error::axum::Json` and
//! `api_error::actix::Json` do, then validates it.

use serde::Deserialize;

#[cfg(feature = "validator")]
pub(crate) use super::wire::unraw;
use super::{FieldCount, RequestError};
use crate::format::MAX_SUB_ERRORS;
use crate::{FieldError, FieldErrors};

/// A crate's validation of a `T`, its report as sub-errors in Rust names.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) type Check<T> = fn(&T) -> Result<(), FieldErrors>;

/// Sub-errors in the order the conversions promise: by path (see
/// [`FieldPath`](crate::FieldPath)'s order), those of one path in the
/// order the crate gave them.
pub(crate) fn by_path(mut errors: Vec<FieldError>) -> FieldErrors {
    errors.sort_by(|a, b| a.path().cmp(&b.path()));
    FieldErrors::from(errors)
}

/// `validation_failed` for `errors`, a report on a `T` in Rust names:
/// counting them all, listing the first `keep` of them, in `T`'s wire
/// names.
pub(crate) fn failed<'de, T: Deserialize<'de>>(errors: FieldErrors, keep: usize) -> RequestError {
    let fields = FieldCount::places(&errors);
    let listed: FieldErrors = errors.into_iter().take(keep).collect();
    RequestError::ValidationFailed {
        fields,
        errors: listed.wire_names::<T>(),
    }
}

/// `validation_failed` for `errors`, a report on a `T` in Rust names,
/// listing the first [`MAX_SUB_ERRORS`] of them, as `parse_json` lists a
/// body's problems by default.
pub(crate) fn failed_on<'de, T: Deserialize<'de>>(errors: FieldErrors) -> RequestError {
    failed::<T>(errors, MAX_SUB_ERRORS)
}

/// axum: the body as `api_error::axum::Json` reads it, then checked, the
/// problems listed as the request's [`JsonParser`](crate::JsonParser) lists
/// a body's.
#[cfg(feature = "axum")]
pub(crate) async fn from_axum<T, S>(
    request: axum::extract::Request,
    state: &S,
    check: Check<T>,
) -> Result<T, RequestError>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    use axum::extract::FromRequest;
    let extensions = request.extensions();
    let keep = extensions.get::<crate::JsonParser>().copied();
    let keep = keep.unwrap_or_default().kept();
    let crate::axum::Json(value) = crate::axum::Json::from_request(request, state).await?;
    check(&value).map_err(|errors| failed::<T>(errors, keep))?;
    Ok(value)
}

/// actix-web: the body as `api_error::actix::Json` reads it, then
/// checked, the problems listed as the app's
/// [`JsonParser`](crate::JsonParser) lists a body's; `wrap` makes the
/// extractor.
#[cfg(feature = "actix-web")]
pub(crate) fn from_actix<T, W>(
    request: &actix_web::HttpRequest,
    payload: &mut actix_web::dev::Payload,
    check: Check<T>,
    wrap: fn(T) -> W,
) -> std::pin::Pin<Box<dyn Future<Output = Result<W, RequestError>>>>
where
    T: serde::de::DeserializeOwned + 'static,
    W: 'static,
{
    use actix_web::FromRequest;
    let keep = request.app_data::<crate::JsonParser>().copied();
    let keep = keep.unwrap_or_default().kept();
    let body = crate::actix::Json::<T>::from_request(request, payload);
    Box::pin(async move {
        let crate::actix::Json(value) = body.await?;
        check(&value).map_err(|errors| failed::<T>(errors, keep))?;
        Ok(wrap(value))
    })
}
