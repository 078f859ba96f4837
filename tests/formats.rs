//! The `Format` trait and its presets: bodies compared byte for byte, since
//! key order is part of each format's contract.

use std::fmt;

use api_error::ApiError;
use api_error::format::json::Object;
use api_error::format::{DynFormat, Flat, Format, Problem};
use api_error::http::{HeaderMap, HeaderValue, StatusCode};

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
