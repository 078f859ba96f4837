//! The envelope with a `meta` object: `{"meta":{"status":…,"error":{…}}}`.

use http::HeaderValue;

use super::json::Object;
use super::sub_errors::{self, Member};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::status::error_status;

/// The error inside a `meta` object, served as `application/json`; the code
/// is `type`.
///
/// ```json
/// {"meta":{"status":401,"error":{"status":401,"type":"Unauthorized","message":"You are not authorized to perform this action."}}}
/// ```
///
/// With sub-errors the error object drops its `status` and lists them, each
/// with a `field` when it has a path:
///
/// ```json
/// {"meta":{"status":422,"error":{"type":"ValidationFailure","message":"data validation failed","errors":[{"type":"InvalidEmail","message":"invalid email"}]}}}
/// ```
///
/// The error's own path, if any, is its `field`; extension members follow,
/// inside the error object. Inside a [request context](crate::context), the
/// request's id is in the `meta` object, as `request_id`, after `status`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meta;

/// The members of the error object: extensions may not use them.
pub(crate) const RESERVED: &[&str] = &["status", "type", "message", "field", "errors"];

/// A sub-error's members, in order.
const SUB_ERROR: &[Member] = &[
    Member::Code("type"),
    Member::Message("message"),
    Member::Dotted("field"),
];

impl Format for Meta {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["meta"],"properties":{"meta":{"type":"object","required":["status","error"],"properties":{"status":{"type":"integer","description":"The HTTP status."},"error":{"type":"object","required":["type","message"],"properties":{"status":{"type":"integer","description":"The HTTP status; absent with sub-errors."},"type":{"type":"string","description":"The error's code."},"message":{"type":"string","description":"What went wrong, for people."},"field":{"type":"string","description":"The field the error is about, as a dotted path."},"errors":{"type":"array","items":{"type":"object","required":["type","message"],"properties":{"type":{"type":"string"},"message":{"type":"string"},"field":{"type":"string"}}}}}},"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}}}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let status = error_status(err);
        let errors = listed_errors(err);
        let mut body = Object::new(out);
        let mut meta = body.object("meta");
        meta.number("status", status.as_u16().into());
        meta.request_id();
        let mut error = meta.object("error");
        if errors.is_empty() {
            error.number("status", status.as_u16().into());
        }
        error.string("type", err.code());
        error.message("message", err);
        if let Some(path) = err.path() {
            error.display("field", path);
        }
        err.extensions(&mut error.members(RESERVED));
        if !errors.is_empty() {
            let mut list = error.array("errors");
            sub_errors::write(&mut list, errors, SUB_ERROR, status);
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
    use crate::format::json::REQUEST_ID;

    /// A single member, `meta`, an object with an `error` object.
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        sole_object(body, "meta")
            .is_some_and(|meta| meta.get("error").is_some_and(Value::is_object))
    }

    pub(crate) fn read(mut body: Map<String, Value>, remote: &mut RemoteError) {
        let mut meta = take_object(&mut body, "meta");
        remote.request_id = string(&meta, REQUEST_ID);
        let error = take_object(&mut meta, "error");
        remote.code = string(&error, "type");
        remote.message = string(&error, "message");
        remote.path = dotted(&error, "field");
        remote.errors = sub_errors(&error, "errors", SUB_ERROR);
        remote.extensions = extensions(error, RESERVED);
    }
}
