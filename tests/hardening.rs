//! Hardening: redaction, header injection, limits and concurrency.
//!
//! - Redaction: server errors whose `Display` and five-level source chains
//!   hold secrets never show them to a client (bodies and headers of every
//!   preset, `api_error::render`/`response`, axum, actix-web, the catalog),
//!   and the log shows all of them to operators.
//! - Header injection: every control byte and non-ASCII text in a header
//!   value from a field is dropped, never sent, never a panic; the rest of
//!   the response stays.
//! - Limits: what a hostile request or a huge error costs (body limit,
//!   nesting, long names and values, many sub-errors, long messages and
//!   codes).
//! - Concurrency: rendering from many threads gives what one thread gives.
//! - Other "Never" items: `client::decode` on mangled bodies, long
//!   `Content-Type`s.

use std::collections::HashMap;

use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldErrors, FieldPath, RequestError};

#[path = "support/body.rs"]
mod body;
#[path = "support/errors.rs"]
mod errors;
#[path = "support/renderings.rs"]
mod renderings;
#[path = "support/secrets.rs"]
mod secrets;

use body::json_headers;
use errors::{Gone, Invalid, echo};
use renderings::PRESETS;
use secrets::Outer;

// ---------------------------------------------------------------------------
// Other "Never" items: panics and unbounded echoes of hostile input
// ---------------------------------------------------------------------------

#[test]
fn client_decode_survives_mangled_bodies() {
    use api_error::client;

    let mut with_paths = FieldErrors::new();
    with_paths.add("items[3].name", "required", "Required.");
    with_paths.push(FieldError::new("odd", "No path ~/%").with_status(StatusCode::CONFLICT));
    with_paths.add(FieldPath::new().field("a/b~c").field("é #"), "x", "y");
    let errors: Vec<Box<dyn ApiError + Send + Sync>> = vec![
        Box::new(Invalid(with_paths)),
        Box::new(echo("x\"y\\z")),
        Box::new(
            api_error::parse_json::<HashMap<String, u8>>(&json_headers(), br#"{"a/~b": -1}"#)
                .unwrap_err(),
        ),
        Box::new(Gone),
    ];
    let replacements = [
        0x00, b'"', b'\\', b'{', b'}', b']', b',', 0xff, b'1', b'%', b'~',
    ];
    let mut decoded = 0usize;
    let mut decode = |content_type: Option<&str>, body: &[u8]| {
        let status = [
            StatusCode::BAD_REQUEST,
            StatusCode::CONFLICT,
            StatusCode::OK,
        ][decoded % 3];
        let remote = client::decode(status, content_type, body);
        let _ = remote.to_string();
        let _ = Outer::from_remote(&remote);
        let _ = Invalid::from_remote(&remote);
        let _ = RequestError::from_remote(&remote);
        let _ = Gone::from_remote(&remote);
        decoded += 1;
    };
    for err in &errors {
        for (_, format) in PRESETS {
            let body = format.render(&**err);
            let content_type = format.content_type();
            let content_type = content_type.to_str().unwrap();
            for cut in 0..=body.len() {
                decode(Some(content_type), &body[..cut]);
                decode(None, &body[cut..]);
            }
            for at in 0..body.len() {
                for (k, &byte) in replacements.iter().enumerate() {
                    let mut mangled = body.clone();
                    mangled[at] = byte;
                    // Told by its content type or by its shape alone.
                    decode((k % 2 == 0).then_some(content_type), &mangled);
                }
            }
        }
    }
    // Shapes no format writes.
    let many_items = format!(
        r#"{{"type":"validation_error","errors":[{}]}}"#,
        vec![r##"{"code":"c","detail":"d","attr":"a.b[1]","pointer":"#/%"}"##; 100_000].join(",")
    );
    let long_pointer = format!(r##"{{"title":"t","pointer":"#{}"}}"##, "/~".repeat(100_000));
    let long_dotted = format!(
        r#"{{"error":"e","errors":[{{"field":"{}"}}]}}"#,
        "a[".repeat(100_000)
    );
    for body in [
        many_items.as_str(),
        &long_pointer,
        &long_dotted,
        r#"{"error":"a","error":"b"}"#,
        r#"{"error":"\ud800"}"#,
        r#"{"error":{"code":"c","status":1e999}}"#,
        r#"{"error":{"code":"c","status":65536,"inner":[{"status":-0.0},{"status":4e2}]}}"#,
        r##"{"title":"t","pointer":"#%","errors":[{"pointer":"#/%C3"},{"pointer":"#/~2/~"},{"pointer":"%ZZ"}]}"##,
        r#"{"meta":{"status":401,"error":{"errors":[{"type":{},"field":7}]}}}"#,
        "\u{feff}{\"error\":\"bom\"}",
        "null",
        "[]",
        "\"just a string\"",
    ] {
        let content_types: &[Option<&str>] = if body.len() > 1024 {
            &[None, Some("application/problem+json")]
        } else {
            &[
                None,
                Some("application/json"),
                Some("APPLICATION/PROBLEM+JSON; charset=utf-8"),
                Some(";"),
                Some("+json"),
                Some("text/html\0"),
            ]
        };
        for &content_type in content_types {
            decode(content_type, body.as_bytes());
        }
    }
    assert!(decoded > 20_000, "{decoded}");
}
