//! The `Format` trait and its presets: bodies compared byte for byte, since
//! key order is part of each format's contract; and, as properties,
//! whatever Unicode an error carries in its code, message, sub-errors,
//! field names and extension members, every preset writes valid JSON that
//! decodes back to the same values.

use std::fmt;

use api_error::context::{self, Context, RequestId};
use api_error::format::json::Object;
use api_error::format::{
    DataAttributes, DynFormat, Flat, Format, Google, JsonApi, JsonApiAt, Meta, Microsoft, Nested,
    Problem, Standard,
};
use api_error::http::{HeaderMap, HeaderValue, StatusCode};
use api_error::{ApiError, FieldError, FieldErrors, FieldPath, Segment};
use proptest::prelude::*;
use serde_json::Value;

#[path = "support/arbitrary.rs"]
mod arbitrary;

use arbitrary::anything;

#[derive(Debug, ApiError)]
#[api(status = 409, type = "https://example.com/errors/")]
enum UserError {
    #[api(
        code = "user_already_exists",
        title = "User Exists",
        message = "The user {0} you're trying to create already exists."
    )]
    AlreadyExists(String),
    #[api(
        status = 401,
        code = "missing_authorization_header",
        message = "Authorization header bearer token must be present."
    )]
    MissingAuthorization,
}

fn text(body: Vec<u8>) -> String {
    String::from_utf8(body).unwrap()
}

#[test]
fn flat_bodies() {
    assert_eq!(
        text(Flat::render(&UserError::MissingAuthorization)),
        r#"{"error":"missing_authorization_header","message":"Authorization header bearer token must be present."}"#
    );
    assert_eq!(
        text(Flat::render(&UserError::AlreadyExists("ada".into()))),
        r#"{"error":"user_already_exists","message":"The user ada you're trying to create already exists."}"#
    );
}

#[test]
fn problem_bodies() {
    assert_eq!(
        text(Problem::render(&UserError::AlreadyExists("ada".into()))),
        r#"{"type":"https://example.com/errors/user_already_exists","title":"User Exists","status":409,"detail":"The user ada you're trying to create already exists.","code":"user_already_exists"}"#
    );
    assert_eq!(
        text(Problem::render(&UserError::MissingAuthorization)),
        r#"{"type":"https://example.com/errors/missing_authorization_header","title":"Unauthorized","status":401,"detail":"Authorization header bearer token must be present.","code":"missing_authorization_header"}"#
    );
}

#[test]
fn messages_are_escaped_as_they_are_written() {
    let err = UserError::AlreadyExists("\"ada\"\n\\ \u{1} é 🦀 </script>".into());
    let body = Flat::render(&err);
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        value["message"],
        "The user \"ada\"\n\\ \u{1} é 🦀 </script> you're trying to create already exists."
    );
    assert!(text(body).contains(r#"\"ada\"\n\\ \u0001 é 🦀"#));
}

#[test]
fn static_text_is_escaped_at_compile_time_and_fields_as_they_are_written() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum E {
        #[api(message = "Say \"hi\" \\ \t \u{1} é {{x}}")]
        Fixed,
        #[api(
            status = 405,
            message = "Method \"{0}\" not allowed; use {{\"{1:?}\"}}."
        )]
        Template(&'static str, &'static str),
        #[api(status = 503)]
        Reason,
        #[api(transparent)]
        Inner(UserError),
        #[api(message = "{0}")]
        Only(String),
        #[api(message = "Last \"one\".")]
        Last,
    }
    let cases = [
        (
            E::Fixed,
            "Say \"hi\" \\ \t \u{1} é {x}",
            r#"Say \"hi\" \\ \t \u0001 é {x}"#,
        ),
        (
            E::Template("PATCH", "G\"ET"),
            r#"Method "PATCH" not allowed; use {""G\"ET""}."#,
            r#"Method \"PATCH\" not allowed; use {\"\"G\\\"ET\"\"}."#,
        ),
        (E::Reason, "Service Unavailable", "Service Unavailable"),
        (
            E::Inner(UserError::MissingAuthorization),
            "Authorization header bearer token must be present.",
            "Authorization header bearer token must be present.",
        ),
        (E::Only("a\nb".into()), "a\nb", r#"a\nb"#),
        (E::Last, r#"Last "one"."#, r#"Last \"one\"."#),
    ];
    for (err, message, escaped) in cases {
        assert_eq!(err.message(), message);
        // A formatter's own options are not the message's.
        assert_eq!(format!("{err:>80}"), err.to_string());
        let body = text(Flat::render(&err));
        assert_eq!(
            body,
            format!(r#"{{"error":"{}","message":"{escaped}"}}"#, err.code())
        );
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(value["message"], message);
    }
}

#[test]
fn a_type_without_placeholders_writes_its_escaped_text_too() {
    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    enum E {
        #[api(message = "No \"such\" thing.")]
        Missing,
        #[api(status = 500)]
        Broken,
    }
    assert_eq!(
        text(Flat::render(&E::Missing)),
        r#"{"error":"missing","message":"No \"such\" thing."}"#
    );
    assert_eq!(
        text(Flat::render(&E::Broken)),
        r#"{"error":"broken","message":"Internal Server Error"}"#
    );
    assert_eq!(E::Missing.to_string(), r#"No "such" thing."#);
}

#[test]
fn responses_carry_status_content_type_and_body() {
    let err = UserError::MissingAuthorization;
    let flat = Flat::response(&err);
    assert_eq!(flat.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(flat.headers()["content-type"], "application/json");
    assert_eq!(flat.into_body(), Flat::render(&err));

    let problem = Problem::response(&err);
    assert_eq!(problem.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        problem.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(problem.into_body(), Problem::render(&err));
}

#[test]
fn trait_objects_render_like_the_error_they_hold() {
    let err = UserError::AlreadyExists("ada".into());
    let by_ref: &dyn ApiError = &err;
    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(UserError::AlreadyExists("ada".into()));
    let expected = Flat::render(&err);
    assert_eq!(Flat::render(by_ref), expected);
    assert_eq!(Flat::render(&by_ref), expected);
    assert_eq!(Flat::render(&*boxed), expected);
    assert_eq!(
        Problem::response(boxed.as_ref()).status(),
        StatusCode::CONFLICT
    );
}

#[test]
fn dyn_format_renders_like_the_format() {
    let err = UserError::AlreadyExists("ada".into());
    for (format, body, content_type) in [
        (
            DynFormat::of::<Flat>(),
            Flat::render(&err),
            "application/json",
        ),
        (
            DynFormat::of::<Problem>(),
            Problem::render(&err),
            "application/problem+json",
        ),
    ] {
        assert_eq!(format.render(&err), body);
        assert_eq!(format.content_type(), content_type);
        let response = format.response(&err);
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(response.headers()["content-type"], content_type);
        assert_eq!(response.into_body(), body);
    }
    assert_eq!(
        format!("{:?}", DynFormat::of::<Flat>()),
        r#"DynFormat("api_error::format::flat::Flat")"#
    );
}

/// `{"failure":{"code":…,"status":…,"text":…}}`, as `application/vnd.failure+json`.
struct Failure;

impl Format for Failure {
    const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/vnd.failure+json");

    fn write_body<E: ApiError + ?Sized>(err: &E, out: &mut Vec<u8>) {
        let mut body = Object::new(out);
        let mut failure = body.object("failure");
        failure.string("code", err.code());
        failure.number("status", err.status().as_u16().into());
        failure.message("text", err);
    }
}

#[test]
fn users_can_write_their_own_format() {
    let err = UserError::MissingAuthorization;
    assert_eq!(
        text(Failure::render(&err)),
        r#"{"failure":{"code":"missing_authorization_header","status":401,"text":"Authorization header bearer token must be present."}}"#
    );
    let response = Failure::response(&err);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.failure+json"
    );
    assert_eq!(
        DynFormat::of::<Failure>().render(&err),
        Failure::render(&err)
    );

    #[derive(Debug, ApiError)]
    #[api(status = 404, format = Failure)]
    struct Missing;
    assert_eq!(Missing.format(), Some(DynFormat::of::<Failure>()));
}

/// A hand-written implementation that gets several things wrong.
#[derive(Debug)]
struct Careless;

impl fmt::Display for Careless {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("careless")
    }
}

impl std::error::Error for Careless {}

impl ApiError for Careless {
    fn status(&self) -> StatusCode {
        StatusCode::OK
    }
    fn code(&self) -> &str {
        "careless"
    }
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("half a mess")?;
        Err(fmt::Error)
    }
    fn headers(&self, headers: &mut HeaderMap) {
        headers.insert("content-type", HeaderValue::from_static("text/html"));
        headers.insert("x-request-id", HeaderValue::from_static("42"));
    }
}

#[test]
fn renderers_keep_responses_valid_whatever_an_impl_does() {
    let response = Problem::response(&Careless);
    // Not an error status: sent as 500.
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    // The format decides the content type; other headers pass through.
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["x-request-id"], "42");
    // A message that fails to format is replaced by the reason phrase.
    assert_eq!(
        text(response.into_body()),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"careless"}"#
    );
}

/// One error of each shape the presets distinguish.
#[derive(Debug, ApiError)]
enum Shapes {
    /// About one field of the request, with extension members.
    #[api(status = 400, code = "invalid_field", message = "{path} is invalid.")]
    Field {
        #[api(path)]
        path: FieldPath,
        #[api(extension)]
        expected: &'static str,
        #[api(extension = "limits")]
        range: [u32; 2],
    },
    /// With sub-errors, some at a path and some not.
    #[api(status = 422, code = "invalid", message = "2 problems.")]
    Invalid {
        #[api(errors)]
        errors: FieldErrors,
        #[api(extension = "attempt")]
        id: u64,
    },
    #[api(status = 503, code = "busy", message = "Busy.")]
    Busy,
}

fn field() -> Shapes {
    Shapes::Field {
        path: FieldPath::parse("items[3].tags"),
        expected: "a list of strings",
        range: [1, 10],
    }
}

fn invalid() -> Shapes {
    let mut errors = FieldErrors::new();
    errors.add("address.zip", "required", "Zip is missing");
    errors.push(
        FieldError::new("conflict", "Two fields disagree.").with_status(StatusCode::CONFLICT),
    );
    Shapes::Invalid { errors, id: 7 }
}

#[test]
fn flat_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(Flat::render(&field())),
        r#"{"error":"invalid_field","message":"items[3].tags is invalid.","expected":"a list of strings","limits":[1,10]}"#
    );
    assert_eq!(
        text(Flat::render(&invalid())),
        r#"{"error":"invalid","message":"2 problems.","attempt":7,"errors":[{"error":"required","message":"Zip is missing","field":"address.zip"},{"error":"conflict","message":"Two fields disagree."}]}"#
    );
}

#[test]
fn meta_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(Meta::render(&field())),
        r#"{"meta":{"status":400,"error":{"status":400,"type":"invalid_field","message":"items[3].tags is invalid.","field":"items[3].tags","expected":"a list of strings","limits":[1,10]}}}"#
    );
    assert_eq!(
        text(Meta::render(&invalid())),
        r#"{"meta":{"status":422,"error":{"type":"invalid","message":"2 problems.","attempt":7,"errors":[{"type":"required","message":"Zip is missing","field":"address.zip"},{"type":"conflict","message":"Two fields disagree."}]}}}"#
    );
}

#[test]
fn standard_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(Standard::render(&field())),
        r#"{"type":"client_error","expected":"a list of strings","limits":[1,10],"errors":[{"code":"invalid_field","detail":"items[3].tags is invalid.","attr":"items[3].tags"}]}"#
    );
    assert_eq!(
        text(Standard::render(&invalid())),
        r#"{"type":"validation_error","attempt":7,"errors":[{"code":"required","detail":"Zip is missing","attr":"address.zip"},{"code":"conflict","detail":"Two fields disagree.","attr":null}]}"#
    );
    assert_eq!(
        text(Standard::render(&Shapes::Busy)),
        r#"{"type":"server_error","errors":[{"code":"busy","detail":"Busy.","attr":null}]}"#
    );
}

#[test]
fn nested_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(Nested::render(&field())),
        r#"{"error":{"message":"items[3].tags is invalid.","code":"invalid_field","status":400,"path":"items[3].tags","expected":"a list of strings","limits":[1,10]}}"#
    );
    // A sub-error without a status of its own shows the error's.
    assert_eq!(
        text(Nested::render(&invalid())),
        r#"{"error":{"code":"invalid","status":422,"attempt":7,"inner":[{"message":"Zip is missing","code":"required","status":422,"path":"address.zip"},{"message":"Two fields disagree.","code":"conflict","status":409}]}}"#
    );
}

#[test]
fn problem_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(Problem::render(&field())),
        r##"{"type":"about:blank","title":"Bad Request","status":400,"detail":"items[3].tags is invalid.","code":"invalid_field","pointer":"#/items/3/tags","expected":"a list of strings","limits":[1,10]}"##
    );
    assert_eq!(
        text(Problem::render(&invalid())),
        r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"2 problems.","code":"invalid","attempt":7,"errors":[{"code":"required","detail":"Zip is missing","pointer":"#/address/zip"},{"code":"conflict","detail":"Two fields disagree."}]}"##
    );
}

#[test]
fn jsonapi_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(JsonApi::render(&field())),
        r#"{"errors":[{"status":"400","code":"invalid_field","title":"Bad Request","detail":"items[3].tags is invalid.","source":{"pointer":"/items/3/tags"}}],"meta":{"expected":"a list of strings","limits":[1,10]}}"#
    );
    // A sub-error without a status of its own shows the error's, and the
    // title of its status.
    assert_eq!(
        text(JsonApi::render(&invalid())),
        r#"{"errors":[{"status":"422","code":"required","title":"Unprocessable Content","detail":"Zip is missing","source":{"pointer":"/address/zip"}},{"status":"409","code":"conflict","title":"Conflict","detail":"Two fields disagree."}],"meta":{"attempt":7}}"#
    );
    assert_eq!(
        text(JsonApiAt::<DataAttributes>::render(&field())),
        r#"{"errors":[{"status":"400","code":"invalid_field","title":"Bad Request","detail":"items[3].tags is invalid.","source":{"pointer":"/data/attributes/items/3/tags"}}],"meta":{"expected":"a list of strings","limits":[1,10]}}"#
    );
}

#[test]
fn google_with_paths_sub_errors_and_members() {
    // Extension members are strings in `metadata`; the path has no place
    // outside field violations.
    assert_eq!(
        text(Google::render(&field())),
        r#"{"error":{"code":400,"message":"items[3].tags is invalid.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_FIELD","metadata":{"expected":"a list of strings","limits":"[1,10]"}}]}}"#
    );
    assert_eq!(
        text(Google::render(&invalid())),
        r#"{"error":{"code":422,"message":"2 problems.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID","metadata":{"attempt":"7"}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"address.zip","description":"Zip is missing","reason":"REQUIRED"},{"description":"Two fields disagree.","reason":"CONFLICT"}]}]}}"#
    );
}

#[test]
fn microsoft_with_paths_sub_errors_and_members() {
    assert_eq!(
        text(Microsoft::render(&field())),
        r#"{"error":{"code":"invalid_field","message":"items[3].tags is invalid.","target":"items[3].tags","innererror":{"expected":"a list of strings","limits":[1,10]}}}"#
    );
    assert_eq!(
        text(Microsoft::render(&invalid())),
        r#"{"error":{"code":"invalid","message":"2 problems.","details":[{"code":"required","message":"Zip is missing","target":"address.zip"},{"code":"conflict","message":"Two fields disagree."}],"innererror":{"attempt":7}}}"#
    );
}

#[test]
fn extension_members_never_replace_a_formats_own_members() {
    #[derive(Debug, ApiError)]
    #[api(status = 400, message = "real")]
    struct Forger {
        #[api(extension = "code")]
        a: &'static str,
        #[api(extension = "message")]
        b: &'static str,
        #[api(extension = "status")]
        c: u16,
        #[api(extension = "errors")]
        d: &'static str,
        #[api(extension = "detail")]
        e: &'static str,
    }
    let err = Forger {
        a: "forged",
        b: "forged",
        c: 200,
        d: "forged",
        e: "forged",
    };
    // Each format keeps its own members; a member named like one of them is
    // left out, and the others stay.
    assert_eq!(
        text(Flat::render(&err)),
        r#"{"error":"forger","message":"real","code":"forged","status":200,"detail":"forged"}"#
    );
    assert_eq!(
        text(Meta::render(&err)),
        r#"{"meta":{"status":400,"error":{"status":400,"type":"forger","message":"real","code":"forged","detail":"forged"}}}"#
    );
    assert_eq!(
        text(Standard::render(&err)),
        r#"{"type":"client_error","code":"forged","message":"forged","status":200,"detail":"forged","errors":[{"code":"forger","detail":"real","attr":null}]}"#
    );
    assert_eq!(
        text(Nested::render(&err)),
        r#"{"error":{"message":"real","code":"forger","status":400,"errors":"forged","detail":"forged"}}"#
    );
    assert_eq!(
        text(Problem::render(&err)),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"real","code":"forger","message":"forged"}"#
    );
}

#[test]
fn a_member_that_fails_to_serialize_is_left_out() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    struct Odd {
        #[api(extension)]
        map: std::collections::BTreeMap<(u8, u8), u8>,
        #[api(extension)]
        fine: bool,
    }
    let err = Odd {
        map: [((1, 2), 3)].into_iter().collect(),
        fine: true,
    };
    assert_eq!(
        text(Flat::render(&err)),
        r#"{"error":"odd","message":"Bad Request","fine":true}"#
    );
}

fn decode(body: &[u8]) -> Value {
    let text = std::str::from_utf8(body).expect("UTF-8");
    serde_json::from_str(text).expect("valid JSON")
}

/// The extension member as the body should carry it: present unless its
/// name is one the format writes itself.
fn check_member(object: &Value, member: &(String, String), reserved: &[&str]) {
    if !reserved.contains(&member.0.as_str()) {
        assert_eq!(object[&member.0], member.1);
    }
}

fn dotted(error: &FieldError) -> Option<String> {
    error.path().map(ToString::to_string)
}

/// Decodes a JSON Pointer URI fragment back into its reference tokens.
fn pointer_tokens(pointer: &str) -> Vec<String> {
    let pointer = pointer.strip_prefix('#').expect("a fragment");
    let mut bytes = Vec::new();
    let mut chars = pointer.bytes();
    while let Some(byte) = chars.next() {
        if byte == b'%' {
            let hex: Vec<u8> = chars.by_ref().take(2).collect();
            let hex = std::str::from_utf8(&hex).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
        } else {
            assert!(
                byte.is_ascii() && !byte.is_ascii_control() && byte != b' ',
                "{byte}"
            );
            bytes.push(byte);
        }
    }
    let text = String::from_utf8(bytes).unwrap();
    text.split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

fn segment_tokens(path: &FieldPath) -> Vec<String> {
    path.segments()
        .iter()
        .map(|segment| match segment {
            Segment::Field(name) => name.to_string(),
            Segment::Index(index) => index.to_string(),
        })
        .collect()
}

proptest! {
    #[test]
    fn flat_round_trips(err in anything()) {
        let body = decode(&Flat::render(&err));
        prop_assert_eq!(&body["error"], &err.code);
        prop_assert_eq!(&body["message"], &err.message);
        check_member(&body, &err.member, &["error", "message", "errors"]);
        let items = body["errors"].as_array().map_or(&[][..], Vec::as_slice);
        prop_assert_eq!(items.len(), err.errors.len());
        for (item, sub) in items.iter().zip(&err.errors) {
            prop_assert_eq!(&item["error"], sub.code());
            prop_assert_eq!(&item["message"], sub.message());
            prop_assert_eq!(item.get("field").and_then(Value::as_str).map(str::to_owned), dotted(sub));
        }
    }

    #[test]
    fn meta_round_trips(err in anything()) {
        let body = decode(&Meta::render(&err));
        let meta = &body["meta"];
        let error = &meta["error"];
        prop_assert_eq!(&meta["status"], err.status.as_u16());
        prop_assert_eq!(&error["type"], &err.code);
        prop_assert_eq!(&error["message"], &err.message);
        check_member(error, &err.member, &["status", "type", "message", "field", "errors"]);
        if err.errors.is_empty() {
            prop_assert_eq!(&error["status"], err.status.as_u16());
        } else {
            let items = error["errors"].as_array().unwrap();
            prop_assert_eq!(items.len(), err.errors.len());
            for (item, sub) in items.iter().zip(&err.errors) {
                prop_assert_eq!(&item["type"], sub.code());
                prop_assert_eq!(&item["message"], sub.message());
                prop_assert_eq!(item.get("field").and_then(Value::as_str).map(str::to_owned), dotted(sub));
            }
        }
    }

    #[test]
    fn standard_round_trips(err in anything()) {
        let body = decode(&Standard::render(&err));
        let items = body["errors"].as_array().unwrap();
        check_member(&body, &err.member, &["type", "errors"]);
        if err.errors.is_empty() {
            let kind = if err.status.is_server_error() { "server_error" } else { "client_error" };
            prop_assert_eq!(&body["type"], kind);
            prop_assert_eq!(items.len(), 1);
            prop_assert_eq!(&items[0]["code"], &err.code);
            prop_assert_eq!(&items[0]["detail"], &err.message);
            prop_assert_eq!(&items[0]["attr"], &Value::Null);
        } else {
            prop_assert_eq!(&body["type"], "validation_error");
            prop_assert_eq!(items.len(), err.errors.len());
            for (item, sub) in items.iter().zip(&err.errors) {
                prop_assert_eq!(&item["code"], sub.code());
                prop_assert_eq!(&item["detail"], sub.message());
                prop_assert_eq!(item["attr"].as_str().map(str::to_owned), dotted(sub));
            }
        }
    }

    #[test]
    fn nested_round_trips(err in anything()) {
        let body = decode(&Nested::render(&err));
        let error = &body["error"];
        prop_assert_eq!(&error["code"], &err.code);
        prop_assert_eq!(&error["status"], err.status.as_u16());
        check_member(error, &err.member, &["message", "code", "status", "path", "inner"]);
        if err.errors.is_empty() {
            prop_assert_eq!(&error["message"], &err.message);
        } else {
            let items = error["inner"].as_array().unwrap();
            prop_assert_eq!(items.len(), err.errors.len());
            for (item, sub) in items.iter().zip(&err.errors) {
                prop_assert_eq!(&item["message"], sub.message());
                prop_assert_eq!(&item["code"], sub.code());
                prop_assert_eq!(&item["status"], sub.status().unwrap_or(err.status).as_u16());
                prop_assert_eq!(item.get("path").and_then(Value::as_str).map(str::to_owned), dotted(sub));
            }
        }
    }

    #[test]
    fn problem_round_trips(err in anything()) {
        let body = decode(&Problem::render(&err));
        prop_assert_eq!(&body["type"], "about:blank");
        prop_assert_eq!(&body["status"], err.status.as_u16());
        prop_assert_eq!(&body["detail"], &err.message);
        prop_assert_eq!(&body["code"], &err.code);
        check_member(
            &body,
            &err.member,
            &["type", "title", "status", "detail", "instance", "code", "pointer", "errors"],
        );
        let items = body["errors"].as_array().map_or(&[][..], Vec::as_slice);
        prop_assert_eq!(items.len(), err.errors.len());
        for (item, sub) in items.iter().zip(&err.errors) {
            prop_assert_eq!(&item["code"], sub.code());
            prop_assert_eq!(&item["detail"], sub.message());
            match sub.path() {
                Some(path) => {
                    let pointer = item["pointer"].as_str().unwrap();
                    prop_assert_eq!(pointer_tokens(pointer), segment_tokens(path));
                }
                None => prop_assert!(item.get("pointer").is_none()),
            }
        }
    }
}

/// Checks `body` against `schema`, the subset of JSON Schema the presets'
/// schemas use (`type`, `enum`, `required`, `properties`, `items`): every
/// member the writer wrote is in the schema, or one of `extensions`, and
/// every member the schema requires was written.
fn check_against_schema(body: &Value, schema: &Value, extensions: &[&str], at: &str) {
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        assert!(
            allowed.contains(body),
            "{at}: {body} is not one of {allowed:?}"
        );
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let kind = match body {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    assert!(
        types.is_empty() || types.contains(&kind),
        "{at}: a {kind}, the schema says {types:?}"
    );
    match body {
        Value::Object(members) => {
            for required in schema["required"].as_array().into_iter().flatten() {
                let required = required.as_str().unwrap();
                assert!(
                    members.contains_key(required),
                    "{at}: `{required}` is required"
                );
            }
            for (name, value) in members {
                match schema["properties"].get(name) {
                    Some(property) => {
                        check_against_schema(value, property, extensions, &format!("{at}.{name}"));
                    }
                    None => assert!(
                        extensions.contains(&name.as_str()),
                        "{at}: `{name}` is not in the schema"
                    ),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_against_schema(item, &schema["items"], extensions, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}

/// A preset's schema (for OpenAPI) is written by hand next to its writer:
/// this keeps the two describing the same shape, for every kind of body.
#[test]
fn every_body_a_preset_writes_is_in_its_schema() {
    let extensions = ["expected", "limits", "attempt"];
    let errors: [&dyn ApiError; 4] = [
        &field(),
        &invalid(),
        &Shapes::Busy,
        &UserError::MissingAuthorization,
    ];
    for format in [
        DynFormat::of::<Flat>(),
        DynFormat::of::<Meta>(),
        DynFormat::of::<Standard>(),
        DynFormat::of::<Nested>(),
        DynFormat::of::<Problem>(),
        DynFormat::of::<JsonApi>(),
        DynFormat::of::<Google>(),
        DynFormat::of::<Microsoft>(),
    ] {
        let schema: Value = serde_json::from_str(format.json_schema()).unwrap();
        for err in errors {
            let body: Value = serde_json::from_slice(&format.render(err)).unwrap();
            check_against_schema(&body, &schema, &extensions, &format!("{format:?}"));
            // And with the request id a request's context adds.
            let id = RequestId::parse("req-1").unwrap();
            let context = Context::new().with_request_id(id).with_id_as_instance(true);
            let body = context::sync_scope(context, || format.render(err));
            let body: Value = serde_json::from_slice(&body).unwrap();
            assert!(body.to_string().contains("req-1"), "{format:?}: {body}");
            check_against_schema(
                &body,
                &schema,
                &extensions,
                &format!("{format:?} in a request"),
            );
        }
    }
}
