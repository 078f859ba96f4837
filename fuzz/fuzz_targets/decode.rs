//! `client::decode` on arbitrary bodies, and on every format's rendering of
//! errors built from the input. The first byte picks the mode.
//!
//! Raw: two bytes pick the status (any code `StatusCode::from_u16` accepts,
//! else 500), one byte the `Content-Type`, the rest is the body. Decoding
//! keeps the status, reads no format from a body a non-JSON type announces,
//! and decodes a body in none of the formats to its text alone.
//!
//! Round trip: the rest builds an error of a derived type (messages, field
//! paths, sub-errors, `instance` and extension members from the input),
//! sent as a response in a format the input picks. Decoding the response
//! gives back its format, the status, and what the format carries: code,
//! message, path, sub-errors (code, message, path, and from `Nested` their
//! statuses), `title`, `type` and `instance`, and the extension members;
//! `from_remote` rebuilds the variants the body carries all of.

#![no_main]

use std::mem::discriminant;

use api_error::client::{self, Envelope, FromRemote, RemoteError};
use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard, listed_errors};
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldErrors, FieldPath};
use api_error_fuzz::{extension_members, path, sub_errors, text};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// `Content-Type`s, and whether each is a JSON one (`None` counts as JSON).
const CONTENT_TYPES: [(Option<&str>, bool); 12] = [
    (None, true),
    (Some("application/json"), true),
    (Some("application/json; charset=utf-8"), true),
    (Some("application/problem+json"), true),
    (Some("Application/Problem+JSON ; charset=UTF-8"), true),
    (Some("application/vnd.api+json"), true),
    (Some("text/html"), false),
    (Some("text/plain; charset=utf-8"), false),
    (Some("application/jsonp"), false),
    (Some(""), false),
    (Some(";;=\u{0}\u{7f}é"), false),
    (Some("+json"), true),
];

#[derive(Debug, ApiError)]
#[api(type = "https://example.com/errors/")]
enum Failure {
    #[api(status = 404, message = "Nothing here.")]
    Missing,
    #[api(status = 422, code = "invalid", message = "The request is invalid.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 409, message = "{0}")]
    Conflict(String),
    #[api(
        status = 400,
        code = "bad.field:v2",
        title = "Bad Field",
        message = "{name:?} at {path} is wrong: {reason}"
    )]
    BadField {
        name: String,
        reason: String,
        #[api(path)]
        path: FieldPath,
        #[api(instance)]
        instance: Option<String>,
        #[api(errors)]
        errors: Vec<FieldError>,
        #[api(extension)]
        hint: String,
        #[api(extension = "error")]
        tag: Option<String>,
        #[api(extension = "type")]
        kind: String,
        #[api(extension = "detail")]
        counts: Vec<u32>,
    },
    #[api(status = 503)]
    Unavailable {
        #[api(retry_after)]
        delay: u64,
        #[api(path)]
        path: Option<FieldPath>,
        #[api(extension = "title")]
        title: String,
    },
    #[api(status = 599, code = "ODD-ONE")]
    Odd,
}

fn failure(u: &mut Unstructured<'_>) -> Failure {
    match u.int_in_range(0..=5u8).unwrap_or(0) {
        0 => Failure::Missing,
        1 => Failure::Invalid(sub_errors(u)),
        2 => Failure::Conflict(text(u)),
        3 => Failure::BadField {
            name: text(u),
            reason: text(u),
            path: path(u),
            instance: u.arbitrary().unwrap_or(None),
            errors: sub_errors(u).into_vec(),
            hint: text(u),
            tag: u.arbitrary().unwrap_or(None),
            kind: text(u),
            counts: u.arbitrary().unwrap_or_default(),
        },
        4 => Failure::Unavailable {
            delay: u.arbitrary().unwrap_or(0),
            path: u.arbitrary::<bool>().unwrap_or(false).then(|| path(u)),
            title: text(u),
        },
        _ => Failure::Odd,
    }
}

/// A path as a dotted path reads back: as its text reads.
fn dotted(path: &FieldPath) -> FieldPath {
    FieldPath::parse(&path.to_string())
}

fn pointer(path: Option<&FieldPath>) -> Option<String> {
    path.map(|path| path.pointer().to_string())
}

/// What a body in each format gives back when decoded, and the members
/// the format writes itself.
struct WhatComesBack {
    code: bool,
    message: bool,
    path: bool,
    reserved: &'static [&'static str],
}

fn what_comes_back(envelope: Envelope, has_errors: bool) -> WhatComesBack {
    let (code, message, path, reserved): (bool, bool, bool, &'static [&'static str]) =
        match envelope {
            Envelope::Flat => (true, true, false, &["error", "message", "errors"]),
            Envelope::Meta => (
                true,
                true,
                true,
                &["status", "type", "message", "field", "errors"],
            ),
            Envelope::Standard => (!has_errors, !has_errors, !has_errors, &["type", "errors"]),
            Envelope::Nested => (
                true,
                !has_errors,
                true,
                &["message", "code", "status", "path", "inner"],
            ),
            Envelope::Problem => (
                true,
                true,
                true,
                &[
                    "type", "title", "status", "detail", "instance", "code", "pointer", "errors",
                ],
            ),
            other => unimplemented!("a preset this target does not render: {other:?}"),
        };
    WhatComesBack {
        code,
        message,
        path,
        reserved,
    }
}

fn round_trip<F: Format>(err: &Failure, envelope: Envelope) {
    let response = F::response(err);
    let remote = client::decode_response(&response);
    let listed = listed_errors(err);
    let comes_back = what_comes_back(envelope, !listed.is_empty());
    let problem = envelope == Envelope::Problem;

    assert_eq!(remote.envelope(), Some(envelope), "{err:?}");
    assert_eq!(remote.status(), err.status());
    assert_eq!(remote.code(), comes_back.code.then(|| err.code()));
    let message = err.message();
    assert_eq!(
        remote.message(),
        comes_back.message.then_some(message.as_str())
    );

    // The error's own path: a pointer says exactly where, a dotted path
    // reads back as its text reads.
    let path = err.path().filter(|_| comes_back.path);
    if problem {
        assert_eq!(pointer(remote.path()), pointer(path));
    } else {
        assert_eq!(remote.path().cloned(), path.map(dotted));
    }

    assert_eq!(remote.title(), problem.then(|| err.title()));
    assert_eq!(remote.type_uri(), problem.then(|| err.type_uri()));
    assert_eq!(remote.instance(), err.instance().filter(|_| problem));

    let mut expected = extension_members(err);
    expected.retain(|name, _| !comes_back.reserved.contains(&name.as_str()));
    assert_eq!(remote.extensions(), &expected);

    assert_eq!(remote.errors().len(), listed.len());
    for (decoded, sub) in remote.errors().iter().zip(listed) {
        assert_eq!(decoded.code(), sub.code());
        assert_eq!(decoded.message(), sub.message());
        if problem {
            assert_eq!(pointer(decoded.path()), pointer(sub.path()));
        } else {
            // An empty text is no path.
            let expected = sub.path().map(dotted).filter(|path| !path.is_empty());
            assert_eq!(decoded.path().cloned(), expected);
        }
        let status = (envelope == Envelope::Nested).then(|| sub.status().unwrap_or(err.status()));
        assert_eq!(decoded.status(), status);
    }

    // The variants whose data the body carries come back.
    let rebuilt = Failure::from_remote(&remote);
    let rebuildable =
        matches!(err, Failure::Missing | Failure::Invalid(_) | Failure::Odd) && comes_back.code;
    assert_eq!(rebuilt.is_some(), rebuildable, "{rebuilt:?}");
    if let Some(rebuilt) = rebuilt {
        assert_eq!(discriminant(&rebuilt), discriminant(err));
    }

    // The same body with the content type spelled otherwise, or none.
    let body = response.body();
    let again = if problem {
        client::decode(
            remote.status(),
            Some("Application/Problem+JSON; charset=utf-8"),
            body,
        )
    } else {
        client::decode(remote.status(), None, body)
    };
    assert_eq!(again, remote);
}

/// A body's text, trimmed; `None` if it has none.
fn body_text(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn raw(data: &[u8]) {
    let [high, low, choice, body @ ..] = data else {
        return;
    };
    let status = StatusCode::from_u16(u16::from_be_bytes([*high, *low]))
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (content_type, json) = CONTENT_TYPES[usize::from(*choice) % CONTENT_TYPES.len()];
    let remote: RemoteError = client::decode(status, content_type, body);
    assert_eq!(remote.status(), status);
    let shown = remote.to_string();
    assert!(shown.starts_with(status.as_str()), "{shown}");

    match remote.envelope() {
        None => {
            assert_eq!(remote.message(), body_text(body).as_deref());
            assert_eq!(remote.code(), None);
            assert_eq!(remote.path(), None);
            assert_eq!(remote.title(), None);
            assert_eq!(remote.type_uri(), None);
            assert_eq!(remote.instance(), None);
            assert!(remote.errors().is_empty());
            assert!(remote.extensions().is_empty());
            let object = serde_json::from_slice::<Map<String, Value>>(body).is_ok();
            let problem_media = content_type.is_some_and(|value| {
                value
                    .to_ascii_lowercase()
                    .split(';')
                    .next()
                    .is_some_and(|essence| essence.trim() == "application/problem+json")
            });
            assert!(!(json && object && problem_media), "{content_type:?}");
        }
        Some(_) => {
            assert!(json, "a format read from a {content_type:?} body");
            assert!(serde_json::from_slice::<Map<String, Value>>(body).is_ok());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        raw(rest);
        return;
    }
    let mut u = Unstructured::new(rest);
    let err = failure(&mut u);
    match mode / 2 % 5 {
        0 => round_trip::<Flat>(&err, Envelope::Flat),
        1 => round_trip::<Meta>(&err, Envelope::Meta),
        2 => round_trip::<Standard>(&err, Envelope::Standard),
        3 => round_trip::<Nested>(&err, Envelope::Nested),
        _ => round_trip::<Problem>(&err, Envelope::Problem),
    }
});
