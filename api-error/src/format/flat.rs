//! The flat envelope: `{"error":"<code>","message":"<message>"}`.

use http::HeaderValue;

use super::Format;
use super::json::Object;
use crate::ApiError;

/// `{"error":"<code>","message":"<message>"}`, served as `application/json`.
///
/// ```json
/// {"error":"missing_authorization_header","message":"Authorization header bearer token must be present."}
/// ```
///
/// Extension members follow `message` at the top level.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flat;

impl Format for Flat {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let mut body = Object::new(out);
        body.string("error", err.code());
        body.message("message", err);
        err.extensions(&mut body.members(&["error", "message"]));
    }
}
