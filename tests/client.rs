//! `api_error::client`: responses in each preset decoded back, the format
//! told from the body, hostile bodies (every preset's cut anywhere or with
//! any byte replaced among them) decoded without a panic, and derived types
//! rebuilt from what a body carries; and, as properties, whatever Unicode an
//! error carries, each preset's response read back into what the preset
//! carries, and dotted paths of plain names parsed back.

use std::collections::HashMap;

use api_error::client::{self, Envelope, FromRemote, RemoteError};
use api_error::format::{
    Flat, Format, Google, JsonApi, Meta, Microsoft, Nested, Problem, Standard,
};
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldErrors, FieldPath, RequestError};
use proptest::prelude::*;
use serde_json::json;

#[path = "support/arbitrary.rs"]
mod arbitrary;

#[path = "support/body.rs"]
mod body;
#[path = "support/errors.rs"]
mod errors;
#[path = "support/renderings.rs"]
mod renderings;
#[path = "support/secrets.rs"]
mod secrets;

use arbitrary::{Anything, anything};
use body::json_headers;
use errors::{Gone, Invalid, echo};
use renderings::PRESETS;
use secrets::Outer;

fn decode<F: Format>(err: &impl ApiError) -> RemoteError {
    client::decode_response(&F::response(err))
}

#[derive(Debug, PartialEq, ApiError)]
#[api(type = "https://example.com/errors/")]
enum SignupError {
    #[api(status = 409, message = "The user {0} already exists.")]
    UserAlreadyExists(String),
    #[api(status = 422, code = "invalid", message = "The signup is invalid.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 400, message = "{field} is wrong.")]
    Wrong {
        #[api(path)]
        field: FieldPath,
        #[api(extension)]
        hint: &'static str,
    },
    #[api(status = 401)]
    Unauthenticated,
    #[api(transparent)]
    Request(RequestError),
}

fn invalid() -> SignupError {
    let mut errors = FieldErrors::new();
    errors.add("email", "invalid_email", "The email has no @.");
    errors.push(
        FieldError::new("too_young", "Too young.")
            .at(FieldPath::new().field("people").index(2).field("age")),
    );
    SignupError::Invalid(errors)
}

#[test]
fn each_preset_is_told_apart_and_decoded() {
    let exists = SignupError::UserAlreadyExists("ada".into());
    for (remote, envelope) in [
        (decode::<Flat>(&exists), Envelope::Flat),
        (decode::<Meta>(&exists), Envelope::Meta),
        (decode::<Standard>(&exists), Envelope::Standard),
        (decode::<Nested>(&exists), Envelope::Nested),
        (decode::<Problem>(&exists), Envelope::Problem),
        (decode::<JsonApi>(&exists), Envelope::JsonApi),
        (decode::<Google>(&exists), Envelope::Google),
        (decode::<Microsoft>(&exists), Envelope::Microsoft),
    ] {
        assert_eq!(remote.envelope(), Some(envelope));
        assert_eq!(remote.status(), StatusCode::CONFLICT);
        assert_eq!(remote.code(), Some("user_already_exists"), "{envelope:?}");
        assert_eq!(
            remote.message(),
            Some("The user ada already exists."),
            "{envelope:?}"
        );
        assert!(remote.errors().is_empty());
        assert!(remote.extensions().is_empty(), "{envelope:?}");
        assert_eq!(
            remote.to_string(),
            "409 user_already_exists: The user ada already exists."
        );
    }
    let problem = decode::<Problem>(&exists);
    assert_eq!(problem.title(), Some("Conflict"));
    assert_eq!(
        problem.type_uri(),
        Some("https://example.com/errors/user_already_exists")
    );
}

#[test]
fn sub_errors_come_back_with_their_paths() {
    let expected = |with_status: bool| -> Vec<(String, String, String, Option<u16>)> {
        let status = with_status.then_some(422);
        vec![
            (
                "invalid_email".into(),
                "The email has no @.".into(),
                "email".into(),
                status,
            ),
            (
                "too_young".into(),
                "Too young.".into(),
                "people[2].age".into(),
                status,
            ),
        ]
    };
    let seen = |remote: &RemoteError| -> Vec<(String, String, String, Option<u16>)> {
        remote
            .errors()
            .iter()
            .map(|sub| {
                let path = sub.path().map(ToString::to_string).unwrap_or_default();
                (
                    sub.code().into(),
                    sub.message().into(),
                    path,
                    sub.status().map(|s| s.as_u16()),
                )
            })
            .collect()
    };
    for (remote, carries_top, with_status) in [
        (decode::<Flat>(&invalid()), true, false),
        (decode::<Meta>(&invalid()), true, false),
        (decode::<Standard>(&invalid()), false, false),
        (decode::<Nested>(&invalid()), false, true),
        (decode::<Problem>(&invalid()), true, false),
    ] {
        let envelope = remote.envelope();
        assert_eq!(seen(&remote), expected(with_status), "{envelope:?}");
        assert_eq!(
            remote.code().is_some(),
            carries_top || envelope == Some(Envelope::Nested),
            "{envelope:?}"
        );
        assert_eq!(remote.message().is_some(), carries_top, "{envelope:?}");
    }
}

#[test]
fn paths_and_extension_members_come_back() {
    let wrong = || SignupError::Wrong {
        field: FieldPath::parse("address.street"),
        hint: "Use a street name.",
    };
    for remote in [
        decode::<Meta>(&wrong()),
        decode::<Standard>(&wrong()),
        decode::<Nested>(&wrong()),
        decode::<Problem>(&wrong()),
    ] {
        assert_eq!(
            remote.path(),
            Some(&FieldPath::parse("address.street")),
            "{:?}",
            remote.envelope()
        );
        if remote.envelope() != Some(Envelope::Standard) {
            assert_eq!(remote.extensions()["hint"], "Use a street name.");
        }
    }
    // Flat carries the extension member, not the path.
    let flat = decode::<Flat>(&wrong());
    assert_eq!(flat.path(), None);
    assert_eq!(flat.extensions()["hint"], "Use a street name.");
}

#[test]
fn the_seeds_examples_decode() {
    let cases = [
        (
            401,
            None,
            r#"{"error":"missing_authorization_header","message":"Authorization header bearer token must be present."}"#,
            Envelope::Flat,
            "missing_authorization_header",
        ),
        (
            404,
            None,
            r#"{"meta":{"status":404,"error":{"status":404,"type":"not_found","message":"Resource not found"}}}"#,
            Envelope::Meta,
            "not_found",
        ),
        (
            401,
            None,
            r#"{"type":"client_error","errors":[{"code":"authentication_failed","detail":"Incorrect authentication credentials.","attr":null}]}"#,
            Envelope::Standard,
            "authentication_failed",
        ),
        (
            403,
            Some("application/problem+json"),
            r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
            Envelope::Problem,
            "",
        ),
    ];
    for (status, content_type, body, envelope, code) in cases {
        let remote = client::decode(
            StatusCode::from_u16(status).unwrap(),
            content_type,
            body.as_bytes(),
        );
        assert_eq!(remote.envelope(), Some(envelope), "{body}");
        assert_eq!(remote.code().unwrap_or_default(), code, "{body}");
    }
    let problem = client::decode(
        StatusCode::FORBIDDEN,
        Some("application/problem+json"),
        cases[3].2.as_bytes(),
    );
    assert_eq!(problem.instance(), Some("/account/12345/msgs/abc"));
    assert_eq!(problem.extensions()["balance"], 30);
    assert_eq!(
        problem.extensions()["accounts"],
        json!(["/account/12345", "/account/67890"])
    );
    assert_eq!(
        problem.to_string(),
        "403 Forbidden: Your current balance is 30, but that costs 50."
    );
}

#[test]
fn unknown_bodies_keep_the_status_and_the_text() {
    let gateway = StatusCode::BAD_GATEWAY;
    for (content_type, body, message) in [
        (
            Some("text/html"),
            &b"<h1>Bad Gateway</h1>\n"[..],
            Some("<h1>Bad Gateway</h1>"),
        ),
        (
            Some("application/json"),
            b"{\"unexpected\":true}",
            Some("{\"unexpected\":true}"),
        ),
        (None, b"[1, 2]", Some("[1, 2]")),
        (None, b"not json", Some("not json")),
        (None, b"", None),
        (Some("application/json"), b"  \n", None),
        (None, b"\xff\xfe broken", Some("\u{fffd}\u{fffd} broken")),
    ] {
        let remote = client::decode(gateway, content_type, body);
        assert_eq!(remote.envelope(), None);
        assert_eq!(remote.code(), None);
        assert_eq!(remote.message(), message);
        assert!(remote.errors().is_empty());
        assert_eq!(remote.status(), gateway);
    }
    let empty = client::decode(gateway, None, b"");
    assert_eq!(empty.to_string(), "502 Bad Gateway");
}

#[test]
fn hostile_bodies_never_panic() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let remote = client::decode(StatusCode::BAD_REQUEST, None, deep.as_bytes());
    assert_eq!(remote.envelope(), None);
    // Members of the wrong type read as absent.
    for body in [
        r#"{"error":"x","message":5,"errors":"no"}"#,
        r#"{"error":"x","errors":[1,"a",null,{"error":3,"field":[]}]}"#,
        r#"{"meta":{"error":{"type":[],"errors":{}}}}"#,
        r#"{"error":{"code":1,"status":"x","inner":[{"status":99999999999},{"status":-1},{"status":99}]}}"#,
        r#"{"type":"validation_error","errors":[{"code":null,"attr":5}]}"#,
        r##"{"title":"t","status":"x","pointer":"not/a/pointer","errors":[{"pointer":"#/%E0%A4%A"}]}"##,
        r#"{"errors":[{"status":"4040","source":{"pointer":7},"links":[]},{"status":null,"source":"s"}],"meta":[]}"#,
        r#"{"error":{"code":404,"status":"NOT_FOUND","details":[{"@type":5},{"@type":"x/google.rpc.BadRequest","fieldViolations":[{"field":[]},7]},{"@type":"google.rpc.ErrorInfo","metadata":"m"}]}}"#,
        r#"{"error":{"code":"c","message":"m","details":{},"innererror":"i","target":1}}"#,
    ] {
        let remote = client::decode(StatusCode::BAD_REQUEST, None, body.as_bytes());
        assert!(remote.envelope().is_some(), "{body}");
        let _ = remote.to_string();
    }
    let remote = client::decode(
        StatusCode::BAD_REQUEST,
        None,
        br#"{"error":{"code":"c","status":400,"inner":[{"code":"a","status":99999999999},{"code":"b","status":418}]}}"#,
    );
    let statuses: Vec<_> = remote.errors().iter().map(FieldError::status).collect();
    assert_eq!(statuses, [None, Some(StatusCode::IM_A_TEAPOT)]);
}

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

#[test]
fn derived_types_are_rebuilt_from_what_the_body_carries() {
    // Unit variants, from any preset.
    for remote in [
        decode::<Flat>(&SignupError::Unauthenticated),
        decode::<Standard>(&SignupError::Unauthenticated),
        decode::<Problem>(&SignupError::Unauthenticated),
    ] {
        assert_eq!(
            SignupError::from_remote(&remote),
            Some(SignupError::Unauthenticated)
        );
    }
    // A variant whose only field is its sub-errors.
    let remote = decode::<Problem>(&invalid());
    assert_eq!(SignupError::from_remote(&remote), Some(invalid()));
    // Transparent variants, through the type they hold.
    let remote = decode::<Flat>(&RequestError::MissingAuthorizationHeader);
    assert_eq!(
        SignupError::from_remote(&remote),
        Some(SignupError::Request(
            RequestError::MissingAuthorizationHeader
        ))
    );
    // Not what the body carries: a field only the message shows, another
    // status for the code, another code, a body in no format.
    let remote = decode::<Flat>(&SignupError::UserAlreadyExists("ada".into()));
    assert_eq!(SignupError::from_remote(&remote), None);
    let remote = client::decode(
        StatusCode::FORBIDDEN,
        None,
        br#"{"error":"unauthenticated","message":"x"}"#,
    );
    assert_eq!(SignupError::from_remote(&remote), None);
    let remote = client::decode(
        StatusCode::UNAUTHORIZED,
        None,
        br#"{"error":"expired","message":"x"}"#,
    );
    assert_eq!(SignupError::from_remote(&remote), None);
    let remote = client::decode(StatusCode::UNAUTHORIZED, None, b"Unauthorized");
    assert_eq!(SignupError::from_remote(&remote), None);
}

#[test]
fn structs_and_boxed_inner_errors() {
    #[derive(Debug, PartialEq, ApiError)]
    #[api(status = 404)]
    struct NotFound;
    #[derive(Debug, ApiError)]
    enum Boxed {
        #[api(transparent)]
        Any(Box<dyn ApiError + Send + Sync>),
    }
    let remote = decode::<Nested>(&NotFound);
    assert_eq!(NotFound::from_remote(&remote), Some(NotFound));
    // A boxed trait object cannot be rebuilt.
    assert!(Boxed::from_remote(&remote).is_none());
    let _ = Boxed::Any(Box::new(NotFound));
}

proptest! {
    #[test]
    fn dotted_paths_of_plain_names_parse_back(names in prop::collection::vec("[a-z_][a-z0-9_]{0,8}", 1..4), index in 0usize..100) {
        let mut path = FieldPath::new();
        for name in &names {
            path = path.field(name.clone()).index(index);
        }
        prop_assert_eq!(FieldPath::parse(&path.to_string()), path);
    }

    #[test]
    fn client_decodes_every_preset_back(err in anything()) {
        let has_errors = !err.errors.is_empty();
        check_decoded(&err, client::decode_response(&Flat::response(&err)), Envelope::Flat, (true, true), &["error", "message", "errors"])?;
        check_decoded(&err, client::decode_response(&Meta::response(&err)), Envelope::Meta, (true, true), &["status", "type", "message", "field", "errors"])?;
        check_decoded(&err, client::decode_response(&Standard::response(&err)), Envelope::Standard, (!has_errors, !has_errors), &["type", "errors"])?;
        check_decoded(&err, client::decode_response(&Nested::response(&err)), Envelope::Nested, (true, !has_errors), &["message", "code", "status", "path", "inner"])?;
        check_decoded(
            &err,
            client::decode_response(&Problem::response(&err)),
            Envelope::Problem,
            (true, true),
            &["type", "title", "status", "detail", "instance", "code", "pointer", "errors"],
        )?;
        check_decoded(&err, client::decode_response(&Microsoft::response(&err)), Envelope::Microsoft, (true, true), &[])?;
        let json_api = client::decode_response(&JsonApi::response(&err));
        if let [only] = err.errors.as_slice() {
            // One sub-error reads back as the error itself: JSON:API's
            // document has no member saying which it is.
            prop_assert_eq!(json_api.code(), Some(only.code()));
            prop_assert_eq!(json_api.message(), Some(only.message()));
        } else {
            check_decoded(&err, json_api, Envelope::JsonApi, (!has_errors, !has_errors), &[])?;
        }
    }
}

/// Checks that `remote`, decoded from `err` rendered in `envelope`, has
/// `err`'s status, sub-errors and extension member (unless `reserved` has
/// its name), and its code and message where `carried` says the envelope
/// carries them.
fn check_decoded(
    err: &Anything,
    remote: RemoteError,
    envelope: Envelope,
    (code_carried, message_carried): (bool, bool),
    reserved: &[&str],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(remote.envelope(), Some(envelope));
    prop_assert_eq!(remote.status(), err.status);
    prop_assert_eq!(remote.code(), code_carried.then_some(err.code.as_str()));
    prop_assert_eq!(
        remote.message(),
        message_carried.then_some(err.message.as_str())
    );
    let expected_members: Vec<(&str, &str)> = if reserved.contains(&err.member.0.as_str()) {
        Vec::new()
    } else {
        vec![(err.member.0.as_str(), err.member.1.as_str())]
    };
    let members: Vec<(&str, &str)> = remote
        .extensions()
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str().unwrap_or("(not a string)")))
        .collect();
    prop_assert_eq!(members, expected_members);
    prop_assert_eq!(remote.errors().len(), err.errors.len());
    for (decoded, sub) in remote.errors().iter().zip(&err.errors) {
        prop_assert_eq!(decoded.code(), sub.code());
        prop_assert_eq!(decoded.message(), sub.message());
        if [Envelope::Problem, Envelope::JsonApi].contains(&envelope) {
            // A JSON Pointer says exactly where.
            let pointer = |path: Option<&FieldPath>| path.map(|path| path.pointer().to_string());
            prop_assert_eq!(pointer(decoded.path()), pointer(sub.path()));
        } else {
            // A dotted path cannot tell a name holding `.` or `[0]` from
            // steps, nor show an empty name: it reads back as its text
            // reads, and an empty text is no path.
            let dotted = |path: Option<&FieldPath>| {
                path.map(|path| FieldPath::parse(&path.to_string()))
                    .filter(|path| !path.is_empty())
            };
            prop_assert_eq!(decoded.path().cloned(), dotted(sub.path()));
        }
        let status = [Envelope::Nested, Envelope::JsonApi]
            .contains(&envelope)
            .then(|| sub.status().unwrap_or(err.status));
        prop_assert_eq!(decoded.status(), status);
    }
    Ok(())
}

/// A hand-written `ApiError`, which takes part in rebuilding only through
/// an impl of its own.
#[derive(Debug, PartialEq)]
struct HandWritten;

impl std::fmt::Display for HandWritten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("hand written")
    }
}

impl std::error::Error for HandWritten {}

impl ApiError for HandWritten {
    fn status(&self) -> StatusCode {
        StatusCode::CONFLICT
    }
    fn code(&self) -> &str {
        "hand_written"
    }
    fn fmt_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hand written.")
    }
}

/// The empty impl: a decoded `hand_written` is never rebuilt.
impl FromRemote for HandWritten {}

#[test]
fn a_transparent_hand_written_error_takes_part_through_its_own_impl() {
    #[derive(Debug, PartialEq, ApiError)]
    enum Outer {
        #[api(status = 404)]
        Missing,
        #[api(transparent)]
        Hand(HandWritten),
    }
    let remote = decode::<Problem>(&Outer::Missing);
    assert_eq!(Outer::from_remote(&remote), Some(Outer::Missing));
    let remote = decode::<Problem>(&Outer::Hand(HandWritten));
    assert_eq!(remote.code(), Some("hand_written"));
    assert_eq!(Outer::from_remote(&remote), None);
}

/// Bodies that fit more than one shape go to the first preset in the
/// documented order; a preset's own content type decides before shapes.
#[test]
fn bodies_that_fit_several_shapes_go_to_the_first_in_order() {
    let envelope = |content_type: Option<&str>, body: &str| {
        client::decode(StatusCode::BAD_REQUEST, content_type, body.as_bytes()).envelope()
    };
    // A single `error` object: `Google` with a number `code` and a string
    // `status`, `Nested` with a number `status`, then `Microsoft` with a
    // string `code` and `message`, even when a problem's members are inside.
    assert_eq!(
        envelope(
            None,
            r#"{"error":{"code":400,"message":"m","status":"INVALID_ARGUMENT"}}"#
        ),
        Some(Envelope::Google)
    );
    assert_eq!(
        envelope(
            None,
            r#"{"error":{"code":"c","message":"m","status":400,"title":"t"}}"#
        ),
        Some(Envelope::Nested)
    );
    assert_eq!(
        envelope(None, r#"{"error":{"code":"c","message":"m","title":"t"}}"#),
        Some(Envelope::Microsoft)
    );
    // A string `status` beside a string `code` is none of the three.
    assert_eq!(
        envelope(None, r#"{"error":{"code":"c","status":"s"}}"#),
        None
    );
    // `errors` alone is `JsonApi`; beside a `title` it is a problem's.
    assert_eq!(
        envelope(None, r#"{"errors":[{"code":"c","detail":"d"}],"meta":{}}"#),
        Some(Envelope::JsonApi)
    );
    assert_eq!(
        envelope(
            None,
            r#"{"title":"t","errors":[{"code":"c","detail":"d"}]}"#
        ),
        Some(Envelope::Problem)
    );
    // A `Flat` body with sub-errors is `Flat`, not `JsonApi`.
    assert_eq!(
        envelope(
            None,
            r#"{"error":"c","message":"m","errors":[{"error":"e"}]}"#
        ),
        Some(Envelope::Flat)
    );
    // JSON:API's content type decides, whatever the shape.
    assert_eq!(
        envelope(
            Some("application/vnd.api+json"),
            r#"{"error":"c","message":"m"}"#
        ),
        Some(Envelope::JsonApi)
    );
    // `meta` holding an `error` object is `Meta`, not `Nested`.
    assert_eq!(
        envelope(None, r#"{"meta":{"status":400,"error":{"type":"c"}}}"#),
        Some(Envelope::Meta)
    );
    // With a second member, `error` is no longer `Nested`'s single member.
    assert_eq!(
        envelope(None, r#"{"error":{"code":"c"},"title":"t"}"#),
        Some(Envelope::Problem)
    );
    // A `Standard` body with an extension member named `error`, which
    // `Flat` would also take, is `Standard`.
    let remote = client::decode(
        StatusCode::BAD_REQUEST,
        None,
        br#"{"type":"client_error","error":"x","errors":[{"code":"c","detail":"d","attr":null}]}"#,
    );
    assert_eq!(remote.envelope(), Some(Envelope::Standard));
    assert_eq!(remote.code(), Some("c"));
    assert_eq!(remote.extensions()["error"], "x");
    // A `type` that is not one of `Standard`'s kinds is not `Standard`.
    assert_eq!(
        envelope(
            None,
            r#"{"type":"about:blank","title":"t","errors":[{"code":"c"}]}"#
        ),
        Some(Envelope::Problem)
    );
    // A `Flat` body with a `title` extension is `Flat`: `Problem` is last.
    assert_eq!(
        envelope(None, r#"{"error":"c","message":"m","title":"t"}"#),
        Some(Envelope::Flat)
    );
    // The problem+json content type decides, whatever the shape.
    for body in [
        r#"{"error":"c","message":"m"}"#,
        r#"{"error":{"code":"c"}}"#,
    ] {
        assert_eq!(
            envelope(Some("application/problem+json; charset=utf-8"), body),
            Some(Envelope::Problem)
        );
        assert_ne!(
            envelope(Some("application/json"), body),
            Some(Envelope::Problem)
        );
    }
    // Nothing fits.
    assert_eq!(envelope(None, r#"{"status":400,"reason":"r"}"#), None);
}
