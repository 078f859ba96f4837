//! The envelope with a `meta` object: `{"meta":{"status":…,"error":{…}}}`.

use http::HeaderValue;

use super::json::Object;
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
/// inside the error object.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meta;

pub(crate) const RESERVED: &[&str] = &["status", "type", "message", "field", "errors"];

impl Format for Meta {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["meta"],"properties":{"meta":{"type":"object","required":["status","error"],"properties":{"status":{"type":"integer","description":"The HTTP status."},"error":{"type":"object","required":["type","message"],"properties":{"status":{"type":"integer","description":"The HTTP status; absent with sub-errors."},"type":{"type":"string","description":"The error's code."},"message":{"type":"string","description":"What went wrong, for people."},"field":{"type":"string","description":"The field the error is about, as a dotted path."},"errors":{"type":"array","items":{"type":"object","required":["type","message"],"properties":{"type":{"type":"string"},"message":{"type":"string"},"field":{"type":"string"}}}}}}}}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let status = u64::from(error_status(err).as_u16());
        let errors = listed_errors(err);
        let mut body = Object::new(out);
        let mut meta = body.object("meta");
        meta.number("status", status);
        let mut error = meta.object("error");
        if errors.is_empty() {
            error.number("status", status);
        }
        error.string("type", err.code());
        error.message("message", err);
        if let Some(path) = err.path() {
            error.display("field", path);
        }
        err.extensions(&mut error.members(RESERVED));
        if !errors.is_empty() {
            let mut list = error.array("errors");
            for sub in errors {
                let mut item = list.object();
                item.string("type", sub.code());
                item.string("message", sub.message());
                if let Some(path) = sub.path() {
                    item.display("field", path);
                }
            }
        }
    }
}
