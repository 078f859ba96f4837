//! Every JSON example of the five reference pages in `shared/seeds`,
//! reproduced byte for byte (whitespace between tokens aside) by a short enum
//! and the matching preset. Each expected body below is copied from its page.

use api_error::format::{Flat, Format, Meta, Nested, Standard};
use api_error::http::StatusCode;
use api_error::{ApiError, FieldError, FieldErrors};

/// `json` without the whitespace between its tokens; strings are kept as
/// they are.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for ch in json.chars() {
        if in_string {
            out.push(ch);
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if ch == '"' {
            in_string = true;
            out.push(ch);
        } else if !ch.is_whitespace() {
            out.push(ch);
        }
    }
    out
}

/// Asserts `body` is exactly the page's example (as valid JSON).
fn assert_body(body: Vec<u8>, example: &str) {
    let body = String::from_utf8(body).unwrap();
    serde_json::from_str::<serde_json::Value>(example).expect("the example is valid JSON");
    assert_eq!(body, compact(example));
}

// Seed 000: the flat envelope, `{"error": code, "message": message}`.
#[derive(Debug, ApiError)]
#[api(format = Flat)]
enum CordError {
    #[api(
        status = 401,
        message = "Authorization header bearer token must be present."
    )]
    MissingAuthorizationHeader,
    #[api(
        status = 400,
        message = "{field} is not a valid field name for this request. Expected {count} optional fields: {expected}."
    )]
    UnexpectedField {
        field: &'static str,
        count: usize,
        expected: &'static str,
    },
}

#[test]
fn seed_000_missing_authorization_header() {
    assert_body(
        Flat::render(&CordError::MissingAuthorizationHeader),
        r#"{
  "error": "missing_authorization_header",
  "message": "Authorization header bearer token must be present."
}"#,
    );
}

#[test]
fn seed_000_unexpected_field() {
    let err = CordError::UnexpectedField {
        field: "foo",
        count: 3,
        expected: "name, status and members",
    };
    assert_body(
        Flat::render(&err),
        r#"{
  "error": "unexpected_field",
  "message": "foo is not a valid field name for this request. Expected 3 optional fields: name, status and members."
}"#,
    );
}

// Seed 001: the `meta` envelope; codes are the variant names in PascalCase.
#[derive(Debug, ApiError)]
#[api(rename_all = "PascalCase", format = Meta)]
enum ApiFailure {
    #[api(
        status = 401,
        message = "You are not authorized to perform this action."
    )]
    Unauthorized,
    #[api(status = 422, message = "data validation failed")]
    ValidationFailure(#[api(errors)] FieldErrors),
}

#[test]
fn seed_001_unauthorized() {
    assert_body(
        Meta::render(&ApiFailure::Unauthorized),
        r#"{
  "meta": {
    "status": 401,
    "error": {
      "status": 401,
      "type": "Unauthorized",
      "message": "You are not authorized to perform this action."
    }
  }
}"#,
    );
}

#[test]
fn seed_001_validation_failure() {
    let mut errors = FieldErrors::new();
    errors.push(FieldError::new("InvalidEmail", "invalid email"));
    errors.push(FieldError::new("InvalidPassword", "invalid password"));
    assert_body(
        Meta::render(&ApiFailure::ValidationFailure(errors)),
        r#"{
  "meta": {
    "status": 422,
    "error": {
      "type": "ValidationFailure",
      "message": "data validation failed",
      "errors": [
        {
          "type": "InvalidEmail",
          "message": "invalid email"
        },
        {
          "type": "InvalidPassword",
          "message": "invalid password"
        }
      ]
    }
  }
}"#,
    );
}

// Seed 002: `{"type": client_error | server_error | validation_error, "errors": [...]}`.
#[derive(Debug, ApiError)]
#[api(format = Standard)]
enum CommonError {
    #[api(status = 400, code = "invalid", message = "Invalid input.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 401, message = "Incorrect authentication credentials.")]
    AuthenticationFailed,
    #[api(
        status = 401,
        message = "Authentication credentials were not provided."
    )]
    NotAuthenticated,
    #[api(status = 405, message = "Method \"{0}\" not allowed.")]
    MethodNotAllowed(&'static str),
    #[api(status = 406, message = "Could not satisfy the request Accept header.")]
    NotAcceptable,
    #[api(status = 415, message = "Unsupported media type \"{0}\" in request.")]
    UnsupportedMediaType(&'static str),
    #[api(status = 500, code = "error", message = "A server error occurred.")]
    Server,
}

#[test]
fn seed_002_validation_error() {
    let mut errors = FieldErrors::new();
    errors.add("name", "required", "This field is required.");
    assert_body(
        Standard::render(&CommonError::Invalid(errors)),
        r#"{
"type": "validation_error",
"errors": [
{
"code": "required",
"detail": "This field is required.",
"attr": "name"
}
]
}"#,
    );
}

#[test]
fn seed_002_authentication_failed() {
    assert_body(
        Standard::render(&CommonError::AuthenticationFailed),
        r#"{
"type": "client_error",
"errors": [
{
"code": "authentication_failed",
"detail": "Incorrect authentication credentials.",
"attr": null
}
]
}"#,
    );
}

#[test]
fn seed_002_not_authenticated() {
    assert_body(
        Standard::render(&CommonError::NotAuthenticated),
        r#"{
"type": "client_error",
"errors": [
{
"code": "not_authenticated",
"detail": "Authentication credentials were not provided.",
"attr": null
}
]
}"#,
    );
}

#[test]
fn seed_002_method_not_allowed() {
    assert_body(
        Standard::render(&CommonError::MethodNotAllowed("PATCH")),
        r#"{
"type": "client_error",
"errors": [
{
"code": "method_not_allowed",
"detail": "Method \"PATCH\" not allowed.",
"attr": null
}
]
}"#,
    );
}

#[test]
fn seed_002_not_acceptable() {
    assert_body(
        Standard::render(&CommonError::NotAcceptable),
        r#"{
"type": "client_error",
"errors": [
{
"code": "not_acceptable",
"detail": "Could not satisfy the request Accept header.",
"attr": null
}
]
}"#,
    );
}

#[test]
fn seed_002_unsupported_media_type() {
    assert_body(
        Standard::render(&CommonError::UnsupportedMediaType("application/xml")),
        r#"{
"type": "client_error",
"errors": [
{
"code": "unsupported_media_type",
"detail": "Unsupported media type \"application/xml\" in request.",
"attr": null
}
]
}"#,
    );
}

#[test]
fn seed_002_server_error() {
    assert_body(
        Standard::render(&CommonError::Server),
        r#"{
"type": "server_error",
"errors": [
{
"code": "error",
"detail": "A server error occurred.",
"attr": null
}
]
}"#,
    );
}

// Seed 003: one `error` object; several errors go under `inner`, each with
// its own status.
#[derive(Debug, ApiError)]
#[api(format = Nested)]
enum Failure {
    #[api(status = 404, code = "mvnoAccount", message = "MVNO account not found")]
    MvnoAccount,
    #[api(status = 422, code = "multiple")]
    Multiple(#[api(errors)] FieldErrors),
}

#[test]
fn seed_003_single_error() {
    // The page prints this example with unquoted keys, which is not JSON;
    // reproduced here as the JSON it means.
    assert_body(
        Nested::render(&Failure::MvnoAccount),
        r#"{
  "error": {
    "message": "MVNO account not found",
    "code": "mvnoAccount",
    "status": 404
  }
}"#,
    );
}

#[test]
fn seed_003_multiple_errors() {
    let mut errors = FieldErrors::new();
    errors.push(FieldError::new("userId", "User not found").with_status(StatusCode::NOT_FOUND));
    errors.push(
        FieldError::new("address.street", "Invalid street")
            .with_status(StatusCode::UNPROCESSABLE_ENTITY),
    );
    errors
        .push(FieldError::new("address.zip", "Zip is missing").with_status(StatusCode::NOT_FOUND));
    // The page's third item spells its first key `" message"`, a typo for
    // `"message"`; reproduced here with the key it means.
    assert_body(
        Nested::render(&Failure::Multiple(errors)),
        r#"{
    "error": {
      "code": "multiple",
      "status": 422,
      "inner": [
        {
          "message": "User not found",
          "code": "userId",
          "status": 404
        },
        {
          "message": "Invalid street",
          "code": "address.street",
          "status": 422
        },
        {
          "message": "Zip is missing",
          "code": "address.zip",
          "status": 404
        }
      ]
    }
  }"#,
    );
}

#[test]
fn each_seed_type_names_its_format() {
    // `api_error::render` picks each type's format with no format named.
    assert_eq!(
        api_error::render(&CordError::MissingAuthorizationHeader),
        Flat::render(&CordError::MissingAuthorizationHeader)
    );
    assert_eq!(
        api_error::render(&ApiFailure::Unauthorized),
        Meta::render(&ApiFailure::Unauthorized)
    );
    assert_eq!(
        api_error::render(&CommonError::Server),
        Standard::render(&CommonError::Server)
    );
    assert_eq!(
        api_error::render(&Failure::MvnoAccount),
        Nested::render(&Failure::MvnoAccount)
    );
}
