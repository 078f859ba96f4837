//! The Microsoft REST API Guidelines' error (OData's):
//! `{"error":{"code","message","target","details","innererror"}}`.

use http::HeaderValue;

use super::json::Object;
use super::sub_errors::{self, Member};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::status::error_status;

/// The error response of the Microsoft REST API Guidelines (and OData's
/// JSON format), served as `application/json`.
///
/// ```json
/// {"error":{"code":"user_not_found","message":"No such user."}}
/// ```
///
/// The `error` object has `code`, `message` (the public message), `target`
/// (the dotted path of its field) when it has a path, and its sub-errors as
/// `details`, each with `code`, `message` and a `target` when it has a path:
///
/// ```json
/// {"error":{"code":"invalid_fields","message":"2 fields are invalid.","details":[{"code":"required","message":"Required.","target":"name"}]}}
/// ```
///
/// Its extension members, and the request's id (`request_id`) inside a
/// [request context](crate::context), go in `innererror`, the object whose
/// contents the guidelines leave to the service; it is left out when empty.
#[derive(Debug, Clone, Copy, Default)]
pub struct Microsoft;

/// A sub-error's members, in order.
const DETAIL: &[Member] = &[
    Member::Code("code"),
    Member::Message("message"),
    Member::Dotted("target"),
];

impl Format for Microsoft {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","message"],"properties":{"code":{"type":"string","description":"The error's code."},"message":{"type":"string","description":"What went wrong, for people."},"target":{"type":"string","description":"The field the error is about, as a dotted path."},"details":{"type":"array","items":{"type":"object","required":["code","message"],"properties":{"code":{"type":"string"},"message":{"type":"string"},"target":{"type":"string"}}}},"innererror":{"type":"object","description":"The error's extension members.","properties":{"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}},"additionalProperties":true}}}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let mut body = Object::new(out);
        let mut error = body.object("error");
        error.string("code", err.code());
        error.message("message", err);
        if let Some(path) = err.path() {
            error.display("target", path);
        }
        let errors = listed_errors(err);
        if !errors.is_empty() {
            let mut details = error.array("details");
            sub_errors::write(&mut details, errors, DETAIL, error_status(err));
        }
        error.object_if_any("innererror", |inner| {
            let id = inner.request_id();
            err.extensions(&mut inner.members_besides(&[], id));
        });
    }
}

/// The client's side of the shape.
#[cfg(feature = "client")]
pub(crate) mod decode {
    use serde_json::{Map, Value};

    use super::DETAIL;
    use crate::client::RemoteError;
    use crate::client::read::{dotted, sole_object, string, sub_errors, take_object};

    /// A single member, `error`, an object with a string `code` and a
    /// string `message`.
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        sole_object(body, "error").is_some_and(|error| {
            ["code", "message"]
                .iter()
                .all(|key| error.get(*key).is_some_and(Value::is_string))
        })
    }

    pub(crate) fn read(mut body: Map<String, Value>, remote: &mut RemoteError) {
        let mut error = take_object(&mut body, "error");
        remote.code = string(&error, "code");
        remote.message = string(&error, "message");
        remote.path = dotted(&error, "target");
        remote.errors = sub_errors(&error, "details", DETAIL);
        remote.extensions = take_object(&mut error, "innererror");
    }
}
