//! The envelope with a typed list of errors: `{"type":…,"errors":[…]}`.

use http::HeaderValue;

use super::json::Object;
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
/// Extension members follow `type`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Standard;

/// The members of the envelope: extensions may not use them.
pub(crate) const RESERVED: &[&str] = &["type", "errors"];

impl Format for Standard {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["type","errors"],"properties":{"type":{"type":"string","enum":["client_error","server_error","validation_error"]},"errors":{"type":"array","items":{"type":"object","required":["code","detail","attr"],"properties":{"code":{"type":"string","description":"The error's code."},"detail":{"type":"string","description":"What went wrong, for people."},"attr":{"type":["string","null"],"description":"The field, as a dotted path, or null."}}}}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let errors = listed_errors(err);
        let kind = if !errors.is_empty() {
            "validation_error"
        } else if error_status(err).is_server_error() {
            "server_error"
        } else {
            "client_error"
        };
        let mut body = Object::new(out);
        body.string("type", kind);
        err.extensions(&mut body.members(RESERVED));
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
        for sub in errors {
            let mut item = list.object();
            item.string("code", sub.code());
            item.string("detail", sub.message());
            match sub.path() {
                Some(path) => item.display("attr", path),
                None => item.null("attr"),
            }
        }
    }
}
