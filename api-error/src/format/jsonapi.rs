//! JSON:API's errors document: `application/vnd.api+json`.

use std::marker::PhantomData;

use http::{HeaderValue, StatusCode};

use super::json::{Array, Object};
use super::{Format, listed_errors};
use crate::ApiError;
use crate::error::{ABOUT_BLANK, written_type_uri};
use crate::field::FieldPath;
use crate::status::{error_status, reason_phrase};

/// JSON:API's errors document, served as `application/vnd.api+json`, with
/// field paths from the request document's root; [`JsonApiAt`] puts them
/// under a prefix.
///
/// ```json
/// {"errors":[{"status":"404","code":"user_not_found","title":"Not Found","detail":"No such user."}]}
/// ```
///
/// Each error object has `status` (a string, as JSON:API has it), `code`,
/// `title` and `detail` (the public message), then `source` with the
/// `pointer` of its field when it has a path, then `links` with its `type`
/// when the error names a [type URI](ApiError::type_uri). An error with
/// sub-errors is one object per sub-error, each with its own status (the
/// error's, if it has none) and title (its status's reason phrase):
///
/// ```json
/// {"errors":[{"status":"422","code":"required","title":"Unprocessable Content","detail":"This field is required.","source":{"pointer":"/email"}}]}
/// ```
///
/// The error's extension members, and the request's id (`request_id`)
/// inside a [request context](crate::context), go in the document's
/// `meta`, left out when empty.
pub type JsonApi = JsonApiAt<DocumentRoot>;

/// JSON:API's errors document whose `source.pointer`s start with
/// `P::PREFIX`: for an API whose handlers read the attributes of the
/// request document, not the document, `JsonApiAt<DataAttributes>` points
/// at `/data/attributes/email` for the field `email`. See [`JsonApi`] for
/// the shape.
///
/// ```
/// use api_error::format::{DataAttributes, Format, JsonApiAt};
/// use api_error::{ApiError, FieldErrors, FieldPath};
///
/// #[derive(Debug, ApiError)]
/// enum SignupError {
///     #[api(status = 422)]
///     Invalid(#[api(errors)] FieldErrors),
/// }
///
/// let mut errors = FieldErrors::new();
/// errors.add(FieldPath::new().field("email"), "required", "This field is required.");
/// assert_eq!(
///     JsonApiAt::<DataAttributes>::render(&SignupError::Invalid(errors)),
///     br#"{"errors":[{"status":"422","code":"required","title":"Unprocessable Content","detail":"This field is required.","source":{"pointer":"/data/attributes/email"}}]}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonApiAt<P>(PhantomData<P>);

/// Where a [`JsonApiAt`] document's field paths start: implement it on a
/// type of your own for another place.
pub trait PointerPrefix {
    /// A JSON Pointer, without the final `/`: `""` for the document's
    /// root, `/data/attributes`.
    const PREFIX: &'static str;
}

/// Field paths from the request document's root: [`JsonApi`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentRoot;

impl PointerPrefix for DocumentRoot {
    const PREFIX: &'static str = "";
}

/// Field paths from the primary resource's attributes, `/data/attributes`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DataAttributes;

impl PointerPrefix for DataAttributes {
    const PREFIX: &'static str = "/data/attributes";
}

impl<P: PointerPrefix> Format for JsonApiAt<P> {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/vnd.api+json");
    const JSON_SCHEMA: &'static str = r#"{"type":"object","required":["errors"],"properties":{"errors":{"type":"array","items":{"type":"object","required":["status","code","title","detail"],"properties":{"status":{"type":"string","description":"The HTTP status, as a string."},"code":{"type":"string","description":"The error's code."},"title":{"type":"string","description":"A short summary of the kind of error."},"detail":{"type":"string","description":"What went wrong in this occurrence, for people."},"source":{"type":"object","properties":{"pointer":{"type":"string","description":"The field the error is about, as a JSON Pointer into the request document."}}},"links":{"type":"object","properties":{"type":{"type":"string","format":"uri-reference","description":"A link naming the kind of error."}}}}}},"meta":{"type":"object","description":"The error's extension members.","properties":{"request_id":{"type":"string","description":"The request's id, when the server gives requests ids (the same as its response header): quote it to support."}},"additionalProperties":true}}}"#;

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let status = error_status(err);
        let errors = listed_errors(err);
        let mut body = Object::new(out);
        let mut list = body.array("errors");
        if errors.is_empty() {
            let mut item = item(&mut list, status, err.code(), err.title());
            item.message("detail", err);
            source::<P>(&mut item, err.path());
            let type_uri = written_type_uri(err);
            if type_uri != [ABOUT_BLANK, ""] {
                item.object("links").string_of("type", &type_uri);
            }
        }
        for sub in errors {
            let status = sub.status().unwrap_or(status);
            let mut item = item(&mut list, status, sub.code(), reason_phrase(status));
            item.string("detail", sub.message());
            source::<P>(&mut item, sub.path());
        }
        list.end();
        body.object_if_any("meta", |meta| {
            let id = meta.request_id();
            err.extensions(&mut meta.members_besides(&[], id));
        });
    }
}

/// Starts an error object with its `status`, `code` and `title`.
fn item<'a>(list: &'a mut Array<'_>, status: StatusCode, code: &str, title: &str) -> Object<'a> {
    let mut item = list.object();
    item.string("status", status.as_str());
    item.string("code", code);
    item.string("title", title);
    item
}

/// Writes `source.pointer` for `path`, under `P`'s prefix.
fn source<P: PointerPrefix>(item: &mut Object<'_>, path: Option<&FieldPath>) {
    if let Some(path) = path {
        let pointer = format_args!("{}{}", P::PREFIX, path.json_pointer());
        item.object("source").display("pointer", &pointer);
    }
}

/// The client's side of the shape.
#[cfg(feature = "client")]
pub(crate) mod decode {
    use http::StatusCode;
    use serde_json::{Map, Value};

    use crate::client::RemoteError;
    use crate::client::read::{objects, pointer, string, take_object};
    use crate::field::{FieldError, FieldPath};

    /// The top-level members JSON:API allows in an errors document.
    const TOP_LEVEL: &[&str] = &["errors", "meta", "jsonapi", "links"];

    /// Only the members JSON:API allows at the top, and a non-empty list of
    /// `errors`, all objects. (The content type `application/vnd.api+json`,
    /// which the client checks first, decides by itself.)
    pub(crate) fn fits(body: &Map<String, Value>) -> bool {
        let errors = body.get("errors").and_then(Value::as_array);
        body.keys().all(|key| TOP_LEVEL.contains(&key.as_str()))
            && errors
                .is_some_and(|errors| !errors.is_empty() && errors.iter().all(Value::is_object))
    }

    /// The `source.pointer` of an error object.
    fn source(item: &Map<String, Value>) -> Option<FieldPath> {
        item.get("source")
            .and_then(Value::as_object)
            .and_then(|source| pointer(source, "pointer"))
    }

    /// One error object is the error itself; several are its sub-errors.
    pub(crate) fn read(mut body: Map<String, Value>, remote: &mut RemoteError) {
        remote.extensions = take_object(&mut body, "meta");
        let mut items = objects(&body, "errors").peekable();
        let first = items.next();
        match (first, items.peek()) {
            (Some(only), None) => {
                remote.code = string(only, "code");
                remote.message = string(only, "detail");
                remote.title = string(only, "title");
                remote.path = source(only);
                remote.type_uri = only
                    .get("links")
                    .and_then(Value::as_object)
                    .and_then(|links| string(links, "type"));
            }
            (first, _) => {
                remote.errors = first
                    .into_iter()
                    .chain(items)
                    .map(|item| {
                        let mut sub = FieldError::new(
                            string(item, "code").unwrap_or_default(),
                            string(item, "detail").unwrap_or_default(),
                        );
                        if let Some(path) = source(item) {
                            sub = sub.at(path);
                        }
                        let status = item.get("status").and_then(Value::as_str);
                        if let Some(status) = status.and_then(|s| s.parse::<StatusCode>().ok()) {
                            sub = sub.with_status(status);
                        }
                        sub
                    })
                    .collect();
            }
        }
    }
}
