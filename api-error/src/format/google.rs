//! Google's error model (AIP-193): `google.rpc.Status` as JSON.

use http::HeaderValue;

use super::json::{Array, Object};
use super::{Format, listed_errors};
use crate::catalog::Entry;
use crate::context::{self, Context};
use crate::grpc::Reason;
use crate::headers::retry_after_seconds as retry_after;
use crate::status::error_status;
use crate::{ApiError, app};

/// Google's error model, AIP-193: the JSON form of `google.rpc.Status`,
/// served as `application/json`.
///
/// ```json
/// {"error":{"code":404,"message":"No such user.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"USER_NOT_FOUND"}]}}
/// ```
///
/// `code` is the HTTP status, `message` the public message, `status` the
/// error's [gRPC code](ApiError::grpc_code). The first of the `details` is
/// always a `google.rpc.ErrorInfo`: its `reason` is the error's code in
/// UPPER_SNAKE_CASE ([`Reason`]; [`Catalog::check_reasons`] checks that
/// every code makes one, and no two the same), its `domain` the one the
/// type names with `#[api(domain = "...")]`, else the application's
/// ([`app::set_domain`]), left out when neither is set, and its `metadata`
/// the error's extension members as strings (other values as their JSON
/// text), left out when there are none.
///
/// Then, when the error has them: its sub-errors as a
/// `google.rpc.BadRequest` with one `fieldViolations` item each (`field`,
/// the dotted path, when it has one; `description`, its message; `reason`,
/// its code as a reason), its `Retry-After` delay as a `google.rpc.RetryInfo`
/// (`"retryDelay":"30s"`), and inside a [request context](crate::context)
/// the request's id as a `google.rpc.RequestInfo` (`requestId`): the model
/// has no other member for it.
///
/// ```json
/// {"error":{"code":422,"message":"The request body failed validation in 1 field.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_FAILED"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"email","description":"Must be an email address.","reason":"EMAIL"}]}]}}
/// ```
///
/// The delay is read from the headers the error sends, into a header map
/// made for it: an error with `Retry-After` costs a few allocations more
/// than the body's one.
///
/// [`Catalog::check_reasons`]: crate::Catalog::check_reasons
#[derive(Debug, Clone, Copy, Default)]
pub struct Google;

/// The type URLs of the details, as `google.protobuf.Any` names them.
const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
const BAD_REQUEST: &str = "type.googleapis.com/google.rpc.BadRequest";
const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
const REQUEST_INFO: &str = "type.googleapis.com/google.rpc.RequestInfo";

impl Format for Google {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","message","status","details"],"properties":{"code":{"type":"integer","description":"The HTTP status."},"message":{"type":"string","description":"What went wrong, for people."},"status":{"type":"string","description":"The gRPC code's name, e.g. NOT_FOUND."},"details":{"type":"array","description":"google.rpc error details: an ErrorInfo first, then a BadRequest with the field violations, a RetryInfo and a RequestInfo when there are any.","items":{"type":"object","required":["@type"],"properties":{"@type":{"type":"string","description":"The detail's type URL."},"reason":{"type":"string","description":"ErrorInfo: the error's code in UPPER_SNAKE_CASE."},"domain":{"type":"string","description":"ErrorInfo: the service the reason belongs to."},"metadata":{"type":"object","description":"ErrorInfo: the error's extension members, as strings.","additionalProperties":{"type":"string"}},"fieldViolations":{"type":"array","description":"BadRequest: one per invalid field.","items":{"type":"object","required":["description","reason"],"properties":{"field":{"type":"string","description":"The field, as a dotted path."},"description":{"type":"string"},"reason":{"type":"string"}}}},"retryDelay":{"type":"string","description":"RetryInfo: how long to wait, e.g. 30s."},"requestId":{"type":"string","description":"RequestInfo: the request's id (the same as its response header): quote it to support."}}}}}}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let mut body = Object::new(out);
        let mut error = body.object("error");
        error.number("code", error_status(err).as_u16().into());
        error.message("message", err);
        error.string("status", err.grpc_code().as_str());
        let mut details = error.array("details");
        error_info(err, &mut details);
        let errors = listed_errors(err);
        if !errors.is_empty() {
            let mut bad_request = details.object();
            bad_request.string("@type", BAD_REQUEST);
            let mut violations = bad_request.array("fieldViolations");
            for sub in errors {
                let mut violation = violations.object();
                if let Some(path) = sub.path() {
                    violation.display("field", path);
                }
                violation.string("description", sub.message());
                violation.display("reason", &Reason::of(sub.code()));
            }
        }
        if let Some(seconds) = retry_after(err) {
            let mut retry = details.object();
            retry.string("@type", RETRY_INFO);
            retry.display("retryDelay", &format_args!("{seconds}s"));
        }
        context::with(|context| {
            if let Some(id) = context.and_then(Context::request_id) {
                let mut request = details.object();
                request.string("@type", REQUEST_INFO);
                request.string("requestId", id.as_str());
            }
        });
    }
}

/// The `google.rpc.ErrorInfo` every body starts its details with.
fn error_info<E: ApiError + ?Sized>(err: &E, details: &mut Array<'_>) {
    let mut info = details.object();
    info.string("@type", ERROR_INFO);
    info.display("reason", &Reason::of(err.code()));
    if let Some(domain) = err.entry().and_then(Entry::domain).or_else(app::domain) {
        info.string("domain", domain);
    }
    info.object_if_any("metadata", |metadata| {
        err.extensions(&mut metadata.members_as_strings());
    });
}

/// The client's side of the shape.
#[cfg(feature = "client")]
pub(crate) mod decode {
    use serde_json::{Map, Value};

    use super::{BAD_REQUEST, ERROR_INFO, REQUEST_INFO};
    use crate::client::RemoteError;
    use crate::client::read::{dotted, objects, sole_object, string, take_object};
    use crate::field::FieldError;

    /// A single member, `error`, an object with a number `code` and a
    /// string `status`.
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        sole_object(body, "error").is_some_and(|error| {
            error.get("code").is_some_and(Value::is_u64)
                && error.get("status").is_some_and(Value::is_string)
        })
    }

    /// A type URL's message name: `google.rpc.ErrorInfo`, whatever the
    /// host before it.
    fn message_name(url: &str) -> &str {
        url.rsplit('/').next().unwrap_or(url)
    }

    /// A reason read back as a code: lower-cased, which gives back every
    /// `snake_case` code exactly.
    fn code(reason: Option<String>) -> String {
        reason.unwrap_or_default().to_ascii_lowercase()
    }

    pub(crate) fn read(mut body: Map<String, Value>, remote: &mut RemoteError) {
        let error = take_object(&mut body, "error");
        remote.message = string(&error, "message");
        for detail in objects(&error, "details") {
            let kind = detail.get("@type").and_then(Value::as_str);
            let kind = kind.map(message_name).unwrap_or_default();
            if kind == message_name(ERROR_INFO) {
                remote.code = Some(code(string(detail, "reason")));
                remote.extensions = match detail.get("metadata") {
                    Some(Value::Object(metadata)) => metadata.clone(),
                    _ => Map::new(),
                };
            } else if kind == message_name(BAD_REQUEST) {
                remote.errors = objects(detail, "fieldViolations")
                    .map(|violation| {
                        let sub = FieldError::new(
                            code(string(violation, "reason")),
                            string(violation, "description").unwrap_or_default(),
                        );
                        match dotted(violation, "field") {
                            Some(path) => sub.at(path),
                            None => sub,
                        }
                    })
                    .collect();
            } else if kind == message_name(REQUEST_INFO) {
                remote.request_id = string(detail, "requestId");
            }
        }
    }
}
