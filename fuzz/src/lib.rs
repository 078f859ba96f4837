//! What the fuzz targets share: building field paths and sub-errors from
//! the input, and reading back an error's extension members.

use api_error::format::json::Object;
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldErrors, FieldPath};
use libfuzzer_sys::arbitrary::Unstructured;
use serde_json::{Map, Value};

/// Text from the input; what is left of it when it runs out.
pub fn text(u: &mut Unstructured<'_>) -> String {
    u.arbitrary().unwrap_or_default()
}

/// A path: empty, parsed from dotted text or a pointer, or built a step at
/// a time from arbitrary names and indices.
pub fn path(u: &mut Unstructured<'_>) -> FieldPath {
    match u.int_in_range(0..=3u8).unwrap_or(0) {
        0 => FieldPath::new(),
        1 => FieldPath::parse(&text(u)),
        2 => FieldPath::parse_pointer(&text(u)).unwrap_or_default(),
        _ => {
            let mut path = FieldPath::new();
            for _ in 0..u.int_in_range(1..=4u8).unwrap_or(1) {
                if u.arbitrary().unwrap_or(false) {
                    path.push_index(u.arbitrary().unwrap_or(0));
                } else {
                    path.push_field(text(u));
                }
            }
            path
        }
    }
}

/// Sub-errors, sometimes more than a body lists, some with statuses of
/// their own, sometimes nested under a prefix.
pub fn sub_errors(u: &mut Unstructured<'_>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let count = match u.int_in_range(0..=7u8).unwrap_or(0) {
        7 => u.int_in_range(90..=110usize).unwrap_or(0),
        small => usize::from(small),
    };
    for _ in 0..count {
        let mut error = FieldError::new(text(u), text(u)).at(path(u));
        let status = u.arbitrary::<Option<u16>>().unwrap_or(None);
        if let Some(status) = status.and_then(|status| StatusCode::from_u16(status).ok()) {
            error = error.with_status(status);
        }
        errors.push(error);
    }
    if u.arbitrary().unwrap_or(false) {
        let mut nested = FieldErrors::new();
        nested.nest(path(u), errors);
        errors = nested;
    }
    errors
}

/// The extension members `err` adds, as an object.
pub fn extension_members<E: ApiError>(err: &E) -> Map<String, Value> {
    let mut out = Vec::new();
    err.extensions(&mut Object::new(&mut out).members(&[]));
    match serde_json::from_slice(&out) {
        Ok(Value::Object(members)) => members,
        other => panic!("extension members are not an object: {other:?}"),
    }
}
