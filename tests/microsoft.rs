//! `format::Microsoft`: the error response of the Microsoft REST API
//! Guidelines (OData's JSON error). The body of each kind of error, its
//! shape against the guidelines' own examples, and the client's decoding.

use api_error::client::{self, Envelope, FromRemote};
use api_error::context::{self, Context, RequestId};
use api_error::format::{Format, Microsoft};
use api_error::{ApiError, FieldErrors, FieldPath};
use serde_json::{Value, json};

#[path = "support/shape.rs"]
mod shape;

use shape::assert_shape;

#[derive(Debug, PartialEq, ApiError)]
#[api(format = Microsoft)]
enum UserError {
    #[api(status = 404, code = "user_not_found", message = "No such user.")]
    NotFound,
    #[api(
        status = 422,
        code = "invalid",
        message = "The contact details are invalid."
    )]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 400, message = "{field} must not be empty.")]
    Empty {
        #[api(path)]
        field: FieldPath,
        #[api(extension)]
        min_length: u32,
    },
}

fn body(err: &impl ApiError) -> String {
    String::from_utf8(Microsoft::render(err)).unwrap()
}

fn invalid() -> UserError {
    let mut errors = FieldErrors::new();
    errors.add(
        "phone_number",
        "null_value",
        "Phone number must not be null.",
    );
    errors.add(
        "address.zip",
        "malformed_value",
        "The zip code is not valid.",
    );
    UserError::Invalid(errors)
}

#[test]
fn not_found_is_one_error_object() {
    assert_eq!(
        body(&UserError::NotFound),
        r#"{"error":{"code":"user_not_found","message":"No such user."}}"#
    );
    let response = Microsoft::response(&UserError::NotFound);
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[test]
fn a_path_is_the_target_and_sub_errors_the_details() {
    let empty = UserError::Empty {
        field: FieldPath::parse("contact.name"),
        min_length: 1,
    };
    assert_eq!(
        body(&empty),
        r#"{"error":{"code":"empty","message":"contact.name must not be empty.","target":"contact.name","innererror":{"min_length":1}}}"#
    );
    assert_eq!(
        body(&invalid()),
        r#"{"error":{"code":"invalid","message":"The contact details are invalid.","details":[{"code":"null_value","message":"Phone number must not be null.","target":"phone_number"},{"code":"malformed_value","message":"The zip code is not valid.","target":"address.zip"}]}}"#
    );
}

#[test]
fn the_request_id_is_in_innererror() {
    let context = Context::new().with_request_id(RequestId::parse("req-7").unwrap());
    let body = context::sync_scope(context, || Microsoft::render(&UserError::NotFound));
    assert_eq!(
        String::from_utf8(body.clone()).unwrap(),
        r#"{"error":{"code":"user_not_found","message":"No such user.","innererror":{"request_id":"req-7"}}}"#
    );
    let remote = client::decode(404.try_into().unwrap(), Some("application/json"), &body);
    assert_eq!(remote.request_id(), Some("req-7"));
    assert!(remote.extensions().is_empty());
}

/// The guidelines' two examples of an error response, as they publish
/// them, merged into one: one with `details`, one with nested
/// `innererror`s, whose members are the service's own.
fn published() -> Value {
    json!({
      "error": {
        "code": "BadArgument",
        "message": "Multiple errors in ContactInfo data",
        "target": "ContactInfo",
        "details": [
          {
            "code": "NullValue",
            "target": "PhoneNumber",
            "message": "Phone number must not be null"
          },
          {
            "code": "MalformedValue",
            "target": "Address",
            "message": "Address is not valid"
          }
        ],
        "innererror": {
          "code": "PasswordError",
          "minLength": "6",
          "characterTypes": ["lowerCase", "upperCase", "number", "symbol"],
          "minDistinctCharacterTypes": 2,
          "innererror": { "code": "PasswordDoesNotMeetPolicy" }
        }
      }
    })
}

#[test]
fn bodies_have_the_shape_of_the_published_examples() {
    let context = Context::new().with_request_id(RequestId::parse("req-7").unwrap());
    let empty = UserError::Empty {
        field: FieldPath::parse("name"),
        min_length: 1,
    };
    let errors: [&dyn ApiError; 3] = [&UserError::NotFound, &invalid(), &empty];
    for err in errors {
        let body = context::sync_scope(context.clone(), || Microsoft::render(err));
        let ours: Value = serde_json::from_slice(&body).unwrap();
        assert_shape(&ours, &published(), &["innererror"]);
    }
}

#[test]
fn the_client_decodes_code_message_target_and_details() {
    let remote = client::decode_response(&Microsoft::response(&UserError::NotFound));
    assert_eq!(remote.envelope(), Some(Envelope::Microsoft));
    assert_eq!(UserError::from_remote(&remote), Some(UserError::NotFound));

    let remote = client::decode_response(&Microsoft::response(&invalid()));
    assert_eq!(remote.code(), Some("invalid"));
    assert_eq!(remote.message(), Some("The contact details are invalid."));
    let subs: Vec<(&str, String)> = remote
        .errors()
        .iter()
        .map(|sub| (sub.code(), sub.path().unwrap().to_string()))
        .collect();
    assert_eq!(
        subs,
        [
            ("null_value", "phone_number".to_owned()),
            ("malformed_value", "address.zip".to_owned())
        ]
    );
    // With its sub-errors, the error comes back whole.
    assert_eq!(UserError::from_remote(&remote), Some(invalid()));

    let empty = UserError::Empty {
        field: FieldPath::parse("contact.name"),
        min_length: 1,
    };
    let remote = client::decode_response(&Microsoft::response(&empty));
    assert_eq!(remote.path().unwrap().to_string(), "contact.name");
    assert_eq!(remote.extensions()["min_length"], 1);
}
