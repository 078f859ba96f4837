//! The envelope with one `error` object: `{"error":{"message","code","status"}}`.

use http::HeaderValue;

use super::json::Object;
use super::sub_errors::{self, Member};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::status::error_status;

/// One `error` object with `message`, `code` and `status`, served as
/// `application/json`.
///
/// ```json
/// {"error":{"message":"MVNO account not found","code":"mvnoAccount","status":404}}
/// ```
///
/// With sub-errors the object drops its `message` and lists them under
/// `inner`, each with its own `status` (the error's, if it has none) and a
/// `path` when it has one:
///
/// ```json
/// {"error":{"code":"multiple","status":422,"inner":[{"message":"User not found","code":"userId","status":404}]}}
/// ```
///
/// The error's own path, if any, is its `path`; extension members follow,
/// inside the error object, after the request's id, `request_id`, inside a
/// [request context](crate::context).
#[derive(Debug, Clone, Copy, Default)]
pub struct Nested;

/// The members of the error object: extensions may not use them.
pub(crate) const RESERVED: &[&str] = &["message", "code", "status", "path", "inner"];

/// A sub-error's members, in order.
const SUB_ERROR: &[Member] = &[
    Member::Message("message"),
    Member::Code("code"),
    Member::Status("status"),
    Member::Dotted("path"),
];

impl Format for Nested {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","status"],"properties":{"message":{"type":"string","description":"What went wrong, for people; absent with sub-errors."},"code":{"type":"string","description":"The error's code."},"status":{"type":"integer","description":"The HTTP status."},"path":{"type":"string","description":"The field the error is about, as a dotted path."},"inner":{"type":"array","items":{"type":"object","required":["message","code","status"],"properties":{"message":{"type":"string"},"code":{"type":"string"},"status":{"type":"integer"},"path":{"type":"string"}}}},"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}}}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let status = error_status(err);
        let errors = listed_errors(err);
        let mut body = Object::new(out);
        let mut error = body.object("error");
        if errors.is_empty() {
            error.message("message", err);
        }
        error.string("code", err.code());
        error.number("status", status.as_u16().into());
        if let Some(path) = err.path() {
            error.display("path", path);
        }
        let id = error.request_id();
        err.extensions(&mut error.members_besides(RESERVED, id));
        if !errors.is_empty() {
            let mut inner = error.array("inner");
            sub_errors::write(&mut inner, errors, SUB_ERROR, status);
        }
    }
}

/// The client's side of the shape.
#[cfg(feature = "client")]
pub(crate) mod decode {
    use serde_json::{Map, Value};

    use super::{RESERVED, SUB_ERROR};
    use crate::client::RemoteError;
    use crate::client::read::{dotted, extensions, sole_object, string, sub_errors, take_object};

    /// A single member, `error`, an object with a number `status`.
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        sole_object(body, "error")
            .is_some_and(|error| error.get("status").is_some_and(Value::is_u64))
    }

    pub(crate) fn read(mut body: Map<String, Value>, remote: &mut RemoteError) {
        let error = take_object(&mut body, "error");
        remote.code = string(&error, "code");
        remote.message = string(&error, "message");
        remote.path = dotted(&error, "path");
        remote.errors = sub_errors(&error, "inner", SUB_ERROR);
        remote.extensions = extensions(error, RESERVED);
    }
}
