//! RFC 9457 problem details: `application/problem+json`.

use http::HeaderValue;

use super::json::Object;
use super::sub_errors::{self, Member};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::context::{self, Context};
use crate::error::written_type_uri;
use crate::status::error_status;

/// RFC 9457 problem details, served as `application/problem+json`.
///
/// ```json
/// {"type":"about:blank","title":"Conflict","status":409,"detail":"The user ada already exists.","code":"user_already_exists"}
/// ```
///
/// Members in order: `type` (the error's [type URI](ApiError::type_uri),
/// else the application's [docs base](crate::app::set_docs_base) and its
/// code, else `about:blank`), `title`, `status`, `detail` (the public
/// message), `instance` when the error has one (or, inside a
/// [request context](crate::context) configured so, the request's id),
/// `code`, `pointer` when the error is about one field, `request_id` inside
/// a request context, extension members, and `errors` when it has
/// sub-errors, each with `code`, `detail` and a `pointer` when it has a path:
///
/// ```json
/// {"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"The request is invalid.","code":"invalid","errors":[{"code":"required","detail":"This field is required.","pointer":"#/address/zip"}]}
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Problem;

/// The members problem+json defines, and ours: extensions may not use them.
pub(crate) const RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "instance", "code", "pointer", "errors",
];

/// A sub-error's members, in order.
const SUB_ERROR: &[Member] = &[
    Member::Code("code"),
    Member::Message("detail"),
    Member::Pointer("pointer"),
];

impl Format for Problem {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/problem+json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["type","title","status","detail","code"],"properties":{"type":{"type":"string","format":"uri-reference","description":"A URI naming the kind of error."},"title":{"type":"string","description":"A short summary of the kind of error."},"status":{"type":"integer","description":"The HTTP status."},"detail":{"type":"string","description":"What went wrong in this occurrence, for people."},"instance":{"type":"string","format":"uri-reference","description":"A URI naming this occurrence."},"code":{"type":"string","description":"The error's code."},"pointer":{"type":"string","description":"The field the error is about, as a JSON Pointer."},"errors":{"type":"array","items":{"type":"object","required":["code","detail"],"properties":{"code":{"type":"string"},"detail":{"type":"string"},"pointer":{"type":"string"}}}},"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}},"additionalProperties":true}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let status = error_status(err);
        let mut body = Object::new(out);
        body.string_of("type", &written_type_uri(err));
        body.string("title", err.title());
        body.number("status", status.as_u16().into());
        body.message("detail", err);
        let instance = err.instance();
        context::with(|context| {
            if let Some(instance) = instance.or_else(|| context.and_then(Context::instance)) {
                body.string("instance", instance);
            }
        });
        body.string("code", err.code());
        if let Some(path) = err.path() {
            body.display("pointer", &path.pointer());
        }
        let id = body.request_id();
        err.extensions(&mut body.members_besides(RESERVED, id));
        let errors = listed_errors(err);
        if !errors.is_empty() {
            let mut list = body.array("errors");
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
    use crate::client::read::{extensions, pointer, string, sub_errors};

    /// A string `title` or `detail` (or the content type
    /// `application/problem+json`, which the client checks first).
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        ["title", "detail"]
            .iter()
            .any(|key| body.get(*key).is_some_and(Value::is_string))
    }

    pub(crate) fn read(body: Map<String, Value>, remote: &mut RemoteError) {
        remote.code = string(&body, "code");
        remote.message = string(&body, "detail");
        remote.title = string(&body, "title");
        remote.type_uri = string(&body, "type");
        remote.instance = string(&body, "instance");
        remote.path = pointer(&body, "pointer");
        remote.errors = sub_errors(&body, "errors", SUB_ERROR);
        remote.extensions = extensions(body, RESERVED);
    }
}
