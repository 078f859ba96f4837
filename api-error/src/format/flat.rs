//! The flat envelope: `{"error":"<code>","message":"<message>"}`.

use http::HeaderValue;

use super::json::Object;
use super::sub_errors::{self, Member};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::status::error_status;

/// `{"error":"<code>","message":"<message>"}`, served as `application/json`.
///
/// ```json
/// {"error":"missing_authorization_header","message":"Authorization header bearer token must be present."}
/// ```
///
/// Extension members follow `message`, and sub-errors, when there are any,
/// an `errors` list in the same style, each with a `field` when it has a
/// path:
///
/// ```json
/// {"error":"invalid_fields","message":"2 fields are invalid.","errors":[{"error":"required","message":"Required.","field":"name"}]}
/// ```
///
/// Inside a [request context](crate::context), the request's id follows
/// `message`, as `request_id`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flat;

/// The members of the envelope: extensions may not use them.
pub(crate) const RESERVED: &[&str] = &["error", "message", "errors"];

/// A sub-error's members, in order.
const SUB_ERROR: &[Member] = &[
    Member::Code("error"),
    Member::Message("message"),
    Member::Dotted("field"),
];

impl Format for Flat {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["error","message"],"properties":{"error":{"type":"string","description":"The error's code."},"message":{"type":"string","description":"What went wrong, for people."},"errors":{"type":"array","description":"Sub-errors, one per invalid part of the request.","items":{"type":"object","required":["error","message"],"properties":{"error":{"type":"string"},"message":{"type":"string"},"field":{"type":"string","description":"The field, as a dotted path."}}}},"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let mut body = Object::new(out);
        body.string("error", err.code());
        body.message("message", err);
        let id = body.request_id();
        err.extensions(&mut body.members_besides(RESERVED, id));
        let errors = listed_errors(err);
        if !errors.is_empty() {
            let mut list = body.array("errors");
            sub_errors::write(&mut list, errors, SUB_ERROR, error_status(err));
        }
    }
}

/// The client's side of the shape.
#[cfg(feature = "client")]
pub(crate) mod decode {
    use serde_json::{Map, Value};

    use super::{RESERVED, SUB_ERROR};
    use crate::client::RemoteError;
    use crate::client::read::{extensions, string, sub_errors};

    /// A string `error`.
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        body.get("error").is_some_and(Value::is_string)
    }

    pub(crate) fn read(body: Map<String, Value>, remote: &mut RemoteError) {
        remote.code = string(&body, "error");
        remote.message = string(&body, "message");
        remote.errors = sub_errors(&body, "errors", SUB_ERROR);
        remote.extensions = extensions(body, RESERVED);
    }
}
