//! `format::JsonApi`: JSON:API's errors document. The body of each kind of
//! error, its field paths as JSON Pointers from the document's root or
//! from `/data/attributes`, its shape against the examples JSON:API
//! publishes, and the client's decoding.

use api_error::client::{self, Envelope, FromRemote};
use api_error::context::{self, Context, RequestId};
use api_error::format::{DataAttributes, Format, JsonApi, JsonApiAt, PointerPrefix};
use api_error::{ApiError, FieldErrors, FieldPath};
use serde_json::{Value, json};

#[path = "support/shape.rs"]
mod shape;

use shape::assert_shape;

#[derive(Debug, PartialEq, ApiError)]
#[api(format = JsonApi)]
enum UserError {
    #[api(status = 404, code = "user_not_found", message = "No such user.")]
    NotFound,
    #[api(status = 422, message = "The request body failed validation.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 429, message = "Slow down.")]
    TooManyRequests {
        #[api(extension)]
        limit: u32,
    },
    #[api(
        status = 409,
        type = "https://example.com/errors/conflict",
        message = "Taken."
    )]
    Taken,
}

fn body<F: Format>(err: &impl ApiError) -> String {
    String::from_utf8(F::render(err)).unwrap()
}

fn invalid() -> UserError {
    let mut errors = FieldErrors::new();
    errors.add("email", "required", "This field is required.");
    errors.add("items[1].sku", "too_short", "Too short.");
    UserError::Invalid(errors)
}

#[test]
fn not_found_is_one_error_object() {
    assert_eq!(
        body::<JsonApi>(&UserError::NotFound),
        r#"{"errors":[{"status":"404","code":"user_not_found","title":"Not Found","detail":"No such user."}]}"#
    );
    let response = JsonApi::response(&UserError::NotFound);
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.api+json"
    );
}

#[test]
fn sub_errors_are_error_objects_with_pointers() {
    assert_eq!(
        body::<JsonApi>(&invalid()),
        r#"{"errors":[{"status":"422","code":"required","title":"Unprocessable Content","detail":"This field is required.","source":{"pointer":"/email"}},{"status":"422","code":"too_short","title":"Unprocessable Content","detail":"Too short.","source":{"pointer":"/items/1/sku"}}]}"#
    );
}

#[test]
fn pointers_take_a_prefix() {
    assert_eq!(
        body::<JsonApiAt<DataAttributes>>(&invalid()),
        r#"{"errors":[{"status":"422","code":"required","title":"Unprocessable Content","detail":"This field is required.","source":{"pointer":"/data/attributes/email"}},{"status":"422","code":"too_short","title":"Unprocessable Content","detail":"Too short.","source":{"pointer":"/data/attributes/items/1/sku"}}]}"#
    );
    // Any prefix an API's documents need.
    struct FirstOfMany;
    impl PointerPrefix for FirstOfMany {
        const PREFIX: &'static str = "/data/0/attributes";
    }
    assert!(
        body::<JsonApiAt<FirstOfMany>>(&invalid())
            .contains(r#""pointer":"/data/0/attributes/email""#)
    );
    // Names are escaped as RFC 6901 says, and nothing else is.
    let mut errors = FieldErrors::new();
    errors.add(FieldPath::new().field("a/b~c").field("é t"), "bad", "Bad.");
    assert!(body::<JsonApi>(&UserError::Invalid(errors)).contains(r#""pointer":"/a~1b~0c/é t""#));
}

#[test]
fn extension_members_and_the_request_id_are_the_documents_meta() {
    assert_eq!(
        body::<JsonApi>(&UserError::TooManyRequests { limit: 60 }),
        r#"{"errors":[{"status":"429","code":"too_many_requests","title":"Too Many Requests","detail":"Slow down."}],"meta":{"limit":60}}"#
    );
    let context = Context::new().with_request_id(RequestId::parse("req-7").unwrap());
    let body = context::sync_scope(context, || JsonApi::render(&UserError::NotFound));
    assert_eq!(
        String::from_utf8(body.clone()).unwrap(),
        r#"{"errors":[{"status":"404","code":"user_not_found","title":"Not Found","detail":"No such user."}],"meta":{"request_id":"req-7"}}"#
    );
    let remote = client::decode(
        404.try_into().unwrap(),
        Some("application/vnd.api+json"),
        &body,
    );
    assert_eq!(remote.request_id(), Some("req-7"));
}

#[test]
fn a_type_uri_is_the_type_link() {
    assert_eq!(
        body::<JsonApi>(&UserError::Taken),
        r#"{"errors":[{"status":"409","code":"taken","title":"Conflict","detail":"Taken.","links":{"type":"https://example.com/errors/conflict"}}]}"#
    );
}

/// The error objects of the examples JSON:API publishes (its format's
/// "Error Objects" and the examples page: one with a `status`, one with a
/// `code`, each with `source`, `title` and `detail`) merged into one, with
/// the members the format defines that they leave out (`links.type`, and
/// the document's `meta`).
fn published() -> Value {
    json!({
      "jsonapi": { "version": "1.1" },
      "errors": [
        {
          "status": "422",
          "code":   "123",
          "source": { "pointer": "/data/attributes/firstName" },
          "title":  "Invalid Attribute",
          "detail": "First name must contain at least two characters.",
          "links": { "type": "https://example.com/errors/too-short" }
        }
      ],
      "meta": { "requestId": "8a7b", "limit": 60 }
    })
}

#[test]
fn bodies_have_the_shape_of_the_published_examples() {
    let context = Context::new().with_request_id(RequestId::parse("req-7").unwrap());
    let errors: [&dyn ApiError; 4] = [
        &UserError::NotFound,
        &invalid(),
        &UserError::TooManyRequests { limit: 60 },
        &UserError::Taken,
    ];
    for err in errors {
        let body = context::sync_scope(context.clone(), || JsonApi::render(err));
        let ours: Value = serde_json::from_slice(&body).unwrap();
        assert_shape(&ours, &published(), &["meta"]);
    }
}

#[test]
fn the_client_decodes_one_error_or_its_sub_errors() {
    let remote = client::decode_response(&JsonApi::response(&UserError::NotFound));
    assert_eq!(remote.envelope(), Some(Envelope::JsonApi));
    assert_eq!(remote.title(), Some("Not Found"));
    assert_eq!(UserError::from_remote(&remote), Some(UserError::NotFound));
    let remote = client::decode_response(&JsonApi::response(&UserError::Taken));
    assert_eq!(
        remote.type_uri(),
        Some("https://example.com/errors/conflict")
    );
    assert_eq!(UserError::from_remote(&remote), Some(UserError::Taken));

    let remote = client::decode_response(&JsonApi::response(&invalid()));
    assert_eq!(remote.code(), None);
    let subs: Vec<(&str, String, u16)> = remote
        .errors()
        .iter()
        .map(|sub| {
            let path = sub.path().unwrap().to_string();
            (sub.code(), path, sub.status().unwrap().as_u16())
        })
        .collect();
    assert_eq!(
        subs,
        [
            ("required", "email".to_owned(), 422),
            ("too_short", "items[1].sku".to_owned(), 422)
        ]
    );
    // Under a prefix, the pointer reads back as the document's path.
    let remote = client::decode_response(&JsonApiAt::<DataAttributes>::response(&invalid()));
    let first = remote.errors().iter().next().unwrap();
    assert_eq!(first.path().unwrap().to_string(), "data.attributes.email");
}
