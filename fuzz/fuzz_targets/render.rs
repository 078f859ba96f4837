//! Every format's body and response for errors of a derived type whose
//! messages, field paths, sub-errors, extension members and header values
//! come from the input.
//!
//! Whatever they hold: each body is valid JSON with the error's code and
//! message (`err.message()`, placeholders and format specs filled in)
//! where the format puts them, its path (dotted, or a pointer that parses
//! back), the sub-errors it lists and the extension members that
//! serialize; `response` has the error's status, the body `render` gives,
//! the format's `Content-Type`, and as header values only visible ASCII
//! with inner spaces or tabs, no CR, LF or NUL: a value from the input is
//! sent trimmed when it is valid and left out when it is not.

#![no_main]

use std::collections::BTreeMap;
use std::time::Duration;

use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard, listed_errors};
use api_error::headers::MAX_VALUE_LEN;
use api_error::http::StatusCode;
use api_error::http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use api_error::{ApiError, FieldError, FieldErrors, FieldPath};
use api_error_fuzz::{extension_members, path, sub_errors, text};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Hostile {
    #[api(status = 409, message = "{0}")]
    Echo(String),
    #[api(status = 422, message = "{0:?} is wrong: {1} {{literal}} «{1:>8}»")]
    Debugged(String, String),
    #[api(status = 401, message = "{user} may not {action}.")]
    Denied {
        user: String,
        action: String,
        #[api(header = "X-Request-Id")]
        request_id: String,
        #[api(header = "X-Trace")]
        trace: Option<String>,
    },
    #[api(status = 429, message = "Slow down, {who}.")]
    Limited {
        who: String,
        #[api(retry_after)]
        delay: Duration,
        #[api(header = "X-Limit")]
        limit: String,
    },
    #[api(status = 503)]
    Down {
        #[api(retry_after)]
        delay: Option<u64>,
        #[api(header = "X-Echo")]
        echo: String,
    },
    #[api(status = 405, message = "{method} is not allowed.")]
    Method {
        method: String,
        #[api(allow)]
        allowed: String,
    },
    #[api(
        status = 400,
        code = "invalid_field",
        title = "Invalid Field",
        message = "{reason} ({at})"
    )]
    Field {
        reason: String,
        #[api(path)]
        at: FieldPath,
        #[api(errors)]
        errors: FieldErrors,
        #[api(instance)]
        instance: String,
        #[api(extension)]
        hint: String,
        #[api(extension = "limits")]
        limits: BTreeMap<String, u64>,
        /// Fails to serialize unless empty: JSON keys are strings.
        #[api(extension = "pairs")]
        pairs: BTreeMap<(u8, u8), String>,
        #[api(header = "Location")]
        location: String,
    },
    #[api(transparent)]
    Inner(Teapot),
}

#[derive(Debug, ApiError)]
#[api(status = 418, message = "{0}")]
struct Teapot(#[api(header = "X-Pot")] String);

impl Hostile {
    /// The headers the response should carry besides `Content-Type`: each
    /// header field's text trimmed, unless it is not a valid value.
    fn expected_headers(&self) -> Vec<(String, Vec<u8>)> {
        let fields: Vec<(&str, Option<&str>)> = match self {
            Hostile::Denied {
                request_id, trace, ..
            } => vec![
                ("x-request-id", Some(request_id)),
                ("x-trace", trace.as_deref()),
            ],
            Hostile::Limited { limit, .. } => vec![("x-limit", Some(limit))],
            Hostile::Down { echo, .. } => vec![("x-echo", Some(echo))],
            Hostile::Method { allowed, .. } => vec![("allow", Some(allowed))],
            Hostile::Field { location, .. } => vec![("location", Some(location))],
            Hostile::Inner(Teapot(pot)) => vec![("x-pot", Some(pot))],
            Hostile::Echo(_) | Hostile::Debugged(..) => Vec::new(),
        };
        let mut headers: Vec<(String, Vec<u8>)> = fields
            .into_iter()
            .filter_map(|(name, text)| {
                let text = text?.trim_matches([' ', '\t']);
                let valid = text.len() <= MAX_VALUE_LEN
                    && text
                        .bytes()
                        .all(|byte| byte == b' ' || byte == b'\t' || byte.is_ascii_graphic());
                valid.then(|| (name.to_owned(), text.as_bytes().to_vec()))
            })
            .collect();
        let seconds = match self {
            Hostile::Limited { delay, .. } => {
                let whole = delay.as_secs();
                Some(if delay.subsec_nanos() > 0 {
                    whole.saturating_add(1)
                } else {
                    whole
                })
            }
            Hostile::Down { delay, .. } => *delay,
            _ => None,
        };
        if let Some(seconds) = seconds {
            headers.push((RETRY_AFTER.to_string(), seconds.to_string().into_bytes()));
        }
        if self.status() == StatusCode::UNAUTHORIZED {
            headers.push((WWW_AUTHENTICATE.to_string(), b"Bearer".to_vec()));
        }
        headers
    }
}

fn hostile(u: &mut Unstructured<'_>) -> Hostile {
    match u.int_in_range(0..=7u8).unwrap_or(0) {
        0 => Hostile::Echo(text(u)),
        1 => Hostile::Debugged(text(u), text(u)),
        2 => Hostile::Denied {
            user: text(u),
            action: text(u),
            request_id: text(u),
            trace: u.arbitrary().unwrap_or(None),
        },
        3 => Hostile::Limited {
            who: text(u),
            delay: Duration::new(
                u.arbitrary().unwrap_or(0),
                u.int_in_range(0..=999_999_999).unwrap_or(0),
            ),
            limit: text(u),
        },
        4 => Hostile::Down {
            delay: u.arbitrary().unwrap_or(None),
            echo: text(u),
        },
        5 => Hostile::Method {
            method: text(u),
            allowed: text(u),
        },
        6 => Hostile::Field {
            reason: text(u),
            at: path(u),
            errors: sub_errors(u),
            instance: text(u),
            hint: text(u),
            limits: u.arbitrary().unwrap_or_default(),
            pairs: u.arbitrary().unwrap_or_default(),
            location: text(u),
        },
        _ => Hostile::Inner(Teapot(text(u))),
    }
}

/// The extension members `err` adds, as an object.
fn members(err: &Hostile) -> Map<String, Value> {
    let members = extension_members(err);
    if let Hostile::Field { pairs, .. } = err {
        assert_eq!(members.contains_key("pairs"), pairs.is_empty());
    }
    members
}

/// The members of `object` but the format's own (`reserved`) are the
/// error's extension members but those named like the format's own.
fn check_members(object: &Value, reserved: &[&str], expected: &Map<String, Value>) {
    let mut others = object.as_object().expect("an object").clone();
    others.retain(|name, _| !reserved.contains(&name.as_str()));
    let mut expected = expected.clone();
    expected.retain(|name, _| !reserved.contains(&name.as_str()));
    assert_eq!(others, expected);
}

/// Checks the response `F` gives for `err` and returns its body, parsed.
fn respond<F: Format>(err: &Hostile) -> Value {
    let body = F::render(err);
    let value: Value = serde_json::from_slice(&body).expect("a valid JSON body");
    let response = F::response(err);
    assert_eq!(response.status(), err.status());
    assert_eq!(response.body(), &body);
    let mut headers = Vec::new();
    for (name, value) in response.headers() {
        let bytes = value.as_bytes();
        assert!(
            !bytes
                .iter()
                .any(|byte| matches!(byte, b'\r' | b'\n' | b'\0')),
            "{name}: {value:?}"
        );
        let visible = |byte: &u8| byte.is_ascii_graphic();
        assert!(
            bytes
                .iter()
                .all(|byte| visible(byte) || *byte == b' ' || *byte == b'\t'),
            "{name}: {value:?}"
        );
        assert!(
            bytes.first().is_none_or(visible) && bytes.last().is_none_or(visible),
            "{name}: {value:?}"
        );
        if name != CONTENT_TYPE {
            headers.push((name.to_string(), bytes.to_vec()));
        }
    }
    assert_eq!(response.headers().get_all(CONTENT_TYPE).iter().count(), 1);
    assert_eq!(response.headers()[CONTENT_TYPE], F::CONTENT_TYPE);
    let mut expected = err.expected_headers();
    headers.sort();
    expected.sort();
    assert_eq!(headers, expected);
    value
}

/// A sub-error's dotted path as the formats but `Problem` write it.
fn dotted(sub: &FieldError) -> Option<String> {
    sub.path().map(ToString::to_string)
}

/// Checks a path written as a JSON Pointer, and that it parses back.
fn check_pointer(written: Option<&Value>, path: Option<&FieldPath>) {
    let pointer = path.map(|path| path.pointer().to_string());
    assert_eq!(written.and_then(Value::as_str), pointer.as_deref());
    if let Some(pointer) = pointer {
        // A name that is a number reads back as an index; its pointer is
        // the same.
        let parsed = FieldPath::parse_pointer(&pointer).expect("a pointer");
        assert_eq!(parsed.pointer().to_string(), pointer);
    }
}

/// The listed sub-errors of `err` as `items`, each checked by `check`.
fn check_items(items: Option<&Value>, err: &Hostile, check: impl Fn(&Value, &FieldError)) {
    let listed = listed_errors(err);
    let items = items.map_or(&[][..], |items| items.as_array().expect("an array"));
    assert_eq!(items.len(), listed.len());
    for (item, sub) in items.iter().zip(listed) {
        check(item, sub);
    }
}

fn check(err: &Hostile) {
    let code = err.code();
    let message = err.message();
    let status = err.status().as_u16();
    let members = members(err);
    let has_errors = !listed_errors(err).is_empty();
    let dotted_path = err.path().map(ToString::to_string);

    let flat = respond::<Flat>(err);
    assert_eq!(flat["error"], code);
    assert_eq!(flat["message"], message.as_str());
    check_members(&flat, &["error", "message", "errors"], &members);
    check_items(flat.get("errors"), err, |item, sub| {
        assert_eq!(item["error"], sub.code());
        assert_eq!(item["message"], sub.message());
        assert_eq!(
            item.get("field").and_then(Value::as_str),
            dotted(sub).as_deref()
        );
    });

    let meta = respond::<Meta>(err);
    assert_eq!(meta["meta"]["status"], status);
    let error = &meta["meta"]["error"];
    assert_eq!(error["type"], code);
    assert_eq!(error["message"], message.as_str());
    assert_eq!(error.get("status").is_some(), !has_errors);
    assert_eq!(
        error.get("field").and_then(Value::as_str),
        dotted_path.as_deref()
    );
    check_members(
        error,
        &["status", "type", "message", "field", "errors"],
        &members,
    );
    check_items(error.get("errors"), err, |item, sub| {
        assert_eq!(item["type"], sub.code());
        assert_eq!(item["message"], sub.message());
        assert_eq!(
            item.get("field").and_then(Value::as_str),
            dotted(sub).as_deref()
        );
    });

    let standard = respond::<Standard>(err);
    check_members(&standard, &["type", "errors"], &members);
    let items = standard["errors"].as_array().expect("an array");
    if has_errors {
        assert_eq!(standard["type"], "validation_error");
        check_items(standard.get("errors"), err, |item, sub| {
            assert_eq!(item["code"], sub.code());
            assert_eq!(item["detail"], sub.message());
            assert_eq!(item["attr"].as_str(), dotted(sub).as_deref());
        });
    } else {
        let kind = if err.status().is_server_error() {
            "server_error"
        } else {
            "client_error"
        };
        assert_eq!(standard["type"], kind);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["code"], code);
        assert_eq!(items[0]["detail"], message.as_str());
        assert_eq!(items[0]["attr"].as_str(), dotted_path.as_deref());
    }

    let nested = respond::<Nested>(err);
    let error = &nested["error"];
    assert_eq!(error["code"], code);
    assert_eq!(error["status"], status);
    assert_eq!(
        error.get("message").and_then(Value::as_str),
        (!has_errors).then_some(message.as_str())
    );
    assert_eq!(
        error.get("path").and_then(Value::as_str),
        dotted_path.as_deref()
    );
    check_members(
        error,
        &["message", "code", "status", "path", "inner"],
        &members,
    );
    check_items(error.get("inner"), err, |item, sub| {
        assert_eq!(item["code"], sub.code());
        assert_eq!(item["message"], sub.message());
        assert_eq!(
            item["status"],
            sub.status().unwrap_or(err.status()).as_u16()
        );
        assert_eq!(
            item.get("path").and_then(Value::as_str),
            dotted(sub).as_deref()
        );
    });

    let problem = respond::<Problem>(err);
    assert_eq!(problem["type"], err.type_uri());
    assert_eq!(problem["title"], err.title());
    assert_eq!(problem["status"], status);
    assert_eq!(problem["detail"], message.as_str());
    assert_eq!(problem["code"], code);
    assert_eq!(
        problem.get("instance").and_then(Value::as_str),
        err.instance()
    );
    check_pointer(problem.get("pointer"), err.path());
    check_members(
        &problem,
        &[
            "type", "title", "status", "detail", "instance", "code", "pointer", "errors",
        ],
        &members,
    );
    check_items(problem.get("errors"), err, |item, sub| {
        assert_eq!(item["code"], sub.code());
        assert_eq!(item["detail"], sub.message());
        check_pointer(item.get("pointer"), sub.path());
    });
}

fuzz_target!(|data: &[u8]| {
    check(&hostile(&mut Unstructured::new(data)));
});
