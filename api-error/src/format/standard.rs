//! The envelope with a typed list of errors: `{"type":…,"errors":[…]}`.

use http::HeaderValue;

use super::json::Object;
use super::sub_errors::{self, Member};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::status::error_status;

/// A `type` (`client_error`, `server_error` or `validation_error`) and a list
/// of errors, each with `code`, `detail` and `attr` (the dotted field path,
/// or `null`); served as `application/json`.
///
/// ```json
/// {"type":"client_error","errors":[{"code":"not_acceptable","detail":"Could not satisfy the request Accept header.","attr":null}]}
/// ```
///
/// An error with sub-errors is a `validation_error`, one item per sub-error:
///
/// ```json
/// {"type":"validation_error","errors":[{"code":"required","detail":"This field is required.","attr":"name"}]}
/// ```
///
/// Extension members follow `type`, after the request's id, `request_id`,
/// inside a [request context](crate::context).
#[derive(Debug, Clone, Copy, Default)]
pub struct Standard;

/// The members of the envelope: extensions may not use them.
pub(crate) const RESERVED: &[&str] = &["type", "errors"];

/// An item's members, in order: the error itself without sub-errors, else
/// each sub-error.
const ITEM: &[Member] = &[
    Member::Code("code"),
    Member::Message("detail"),
    Member::DottedOrNull("attr"),
];

/// The `type` of a body: of a client error, a server error, and an error
/// with sub-errors.
const CLIENT: &str = "client_error";
const SERVER: &str = "server_error";
const VALIDATION: &str = "validation_error";

impl Format for Standard {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["type","errors"],"properties":{"type":{"type":"string","enum":["client_error","server_error","validation_error"]},"errors":{"type":"array","items":{"type":"object","required":["code","detail","attr"],"properties":{"code":{"type":"string","description":"The error's code."},"detail":{"type":"string","description":"What went wrong, for people."},"attr":{"type":["string","null"],"description":"The field, as a dotted path, or null."}}}},"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let status = error_status(err);
        let errors = listed_errors(err);
        let kind = if !errors.is_empty() {
            VALIDATION
        } else if status.is_server_error() {
            SERVER
        } else {
            CLIENT
        };
        let mut body = Object::new(out);
        body.string("type", kind);
        let id = body.request_id();
        err.extensions(&mut body.members_besides(RESERVED, id));
        let mut list = body.array("errors");
        if errors.is_empty() {
            let mut item = list.object();
            item.string("code", err.code());
            item.message("detail", err);
            match err.path() {
                Some(path) => item.display("attr", path),
                None => item.null("attr"),
            }
        }
        sub_errors::write(&mut list, errors, ITEM, status);
    }
}

/// The client's side of the shape.
#[cfg(feature = "client")]
pub(crate) mod decode {
    use serde_json::{Map, Value};

    use super::{CLIENT, ITEM, RESERVED, SERVER, VALIDATION};
    use crate::client::RemoteError;
    use crate::client::read::{extensions, objects, sub_error, sub_errors};

    /// A `type` of the shape's own, and items that all have a `code`.
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        let kind = body.get("type").and_then(Value::as_str);
        let mut items = objects(body, "errors").peekable();
        kind.is_some_and(|kind| [CLIENT, SERVER, VALIDATION].contains(&kind))
            && items.peek().is_some()
            && items.all(|item| item.contains_key("code"))
    }

    /// One item without sub-errors is the error itself; otherwise each
    /// item is a sub-error.
    pub(crate) fn read(body: Map<String, Value>, remote: &mut RemoteError) {
        let validation = body.get("type").and_then(Value::as_str) == Some(VALIDATION);
        let only = {
            let mut items = objects(&body, "errors");
            match (items.next(), items.next()) {
                (Some(only), None) if !validation => Some(sub_error(only, ITEM)),
                _ => None,
            }
        };
        match only {
            Some(error) => {
                remote.code = Some(error.code().to_owned());
                remote.message = Some(error.message().to_owned());
                remote.path = error.path().cloned();
            }
            None => remote.errors = sub_errors(&body, "errors", ITEM),
        }
        remote.extensions = extensions(body, RESERVED);
    }
}
