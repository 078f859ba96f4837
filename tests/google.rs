//! `format::Google`: AIP-193's error model, `google.rpc.Status` as JSON.
//! The body of each kind of error, its shape against AIP-193's own
//! published example and `google/rpc/error_details.proto`'s messages, the
//! catalog's check of reasons, and the client's decoding, as examples and
//! as a property.

use std::time::Duration;

use api_error::client::{self, Envelope, FromRemote};
use api_error::context::{self, Context, RequestId};
use api_error::format::{Flat, Format, Google};
use api_error::grpc::Reason;
use api_error::{ApiError, Catalog, FieldErrors};
use proptest::prelude::*;
use serde_json::{Value, json};

#[path = "support/arbitrary.rs"]
mod arbitrary;
#[path = "support/shape.rs"]
mod shape;

use arbitrary::anything;
use shape::assert_shape;

#[derive(Debug, PartialEq, ApiError)]
#[api(format = Google)]
enum UserError {
    #[api(status = 404, code = "user_not_found", message = "No such user.")]
    NotFound,
    #[api(status = 429, message = "Slow down: {limit} requests a minute.")]
    TooManyRequests {
        #[api(retry_after)]
        retry: Duration,
        #[api(extension)]
        limit: u32,
        #[api(extension)]
        zone: &'static str,
    },
    #[api(status = 422, message = "The request body failed validation.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 409, code = "mvnoAccount", message = "The account exists.")]
    Exists,
}

/// A type that names the domain of its codes.
#[derive(Debug, ApiError)]
#[api(format = Google, domain = "orders.example.com")]
enum OrderError {
    #[api(status = 404)]
    OrderNotFound,
}

fn body(err: &impl ApiError) -> String {
    String::from_utf8(Google::render(err)).unwrap()
}

fn invalid() -> UserError {
    let mut errors = FieldErrors::new();
    errors.add("email", "email", "Must be an email address.");
    errors.add("items[1].sku", "required", "Required.");
    UserError::Invalid(errors)
}

#[test]
fn not_found_is_the_body_aip_193_shows() {
    assert_eq!(
        body(&UserError::NotFound),
        r#"{"error":{"code":404,"message":"No such user.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"USER_NOT_FOUND"}]}}"#
    );
    let response = Google::response(&UserError::NotFound);
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[test]
fn extension_members_are_metadata_strings_and_a_delay_is_retry_info() {
    let err = UserError::TooManyRequests {
        retry: Duration::from_secs(30),
        limit: 60,
        zone: "us-east1-a",
    };
    assert_eq!(
        body(&err),
        r#"{"error":{"code":429,"message":"Slow down: 60 requests a minute.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TOO_MANY_REQUESTS","metadata":{"limit":"60","zone":"us-east1-a"}},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}]}}"#
    );
    assert_eq!(Google::response(&err).headers()["retry-after"], "30");
}

#[test]
fn sub_errors_are_field_violations() {
    assert_eq!(
        body(&invalid()),
        r#"{"error":{"code":422,"message":"The request body failed validation.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"email","description":"Must be an email address.","reason":"EMAIL"},{"field":"items[1].sku","description":"Required.","reason":"REQUIRED"}]}]}}"#
    );
}

#[test]
fn a_type_names_its_domain_and_none_is_made_up() {
    assert_eq!(
        body(&OrderError::OrderNotFound),
        r#"{"error":{"code":404,"message":"Not Found","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ORDER_NOT_FOUND","domain":"orders.example.com"}]}}"#
    );
    assert!(!body(&UserError::NotFound).contains("domain"));
}

#[test]
fn a_request_id_is_request_info() {
    let context = Context::new().with_request_id(RequestId::parse("req-7").unwrap());
    let body = context::sync_scope(context, || Google::render(&UserError::NotFound));
    assert_eq!(
        String::from_utf8(body.clone()).unwrap(),
        r#"{"error":{"code":404,"message":"No such user.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"USER_NOT_FOUND"},{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req-7"}]}}"#
    );
    let remote = client::decode(404.try_into().unwrap(), Some("application/json"), &body);
    assert_eq!(remote.request_id(), Some("req-7"));
    assert!(remote.extensions().is_empty());
}

/// AIP-193's example of an error response, as it publishes it, with the
/// other details `google/rpc/error_details.proto` defines that this crate
/// sends, in proto3's JSON mapping.
fn published() -> Value {
    json!({
      "error": {
        "code": 429,
        "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RESOURCE_AVAILABILITY",
            "domain": "compute.googleapis.com",
            "metadata": {
              "zone": "us-east1-a",
              "vmType": "e2-medium",
              "attachment": "local-ssd=3,nvidia-t4=2",
              "zonesWithCapacity": "us-central1-f,us-central1-c"
            }
          },
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            "fieldViolations": [
              {"field": "email_addresses[1].email", "description": "Not an email address.", "reason": "INVALID_EMAIL"}
            ]
          },
          {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"},
          {"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "8a7b", "servingData": ""}
        ]
      }
    })
}

#[test]
fn bodies_have_the_shape_of_the_published_example() {
    let context = Context::new().with_request_id(RequestId::parse("req-7").unwrap());
    let errors: [&dyn ApiError; 4] = [
        &UserError::NotFound,
        &UserError::TooManyRequests {
            retry: Duration::from_secs(30),
            limit: 60,
            zone: "us-east1-a",
        },
        &invalid(),
        &OrderError::OrderNotFound,
    ];
    for err in errors {
        let body = context::sync_scope(context.clone(), || Google::render(err));
        let ours: Value = serde_json::from_slice(&body).unwrap();
        assert_shape(&ours, &published(), &["metadata"]);
    }
    // The check can fail: a string code is not the example's number.
    let wrong = json!({"error": {"code": "404"}});
    let caught = std::panic::catch_unwind(|| assert_shape(&wrong, &published(), &[]));
    assert!(caught.is_err());
}

#[test]
fn the_client_rebuilds_errors_from_their_reasons() {
    for err in [UserError::NotFound, UserError::Exists] {
        let remote = client::decode_response(&Google::response(&err));
        assert_eq!(remote.envelope(), Some(Envelope::Google));
        assert_eq!(UserError::from_remote(&remote), Some(err));
    }
    // A camelCase code comes back as its reason, lower-cased.
    let remote = client::decode_response(&Google::response(&UserError::Exists));
    assert_eq!(remote.code(), Some("mvno_account"));
    let remote = client::decode_response(&Google::response(&invalid()));
    assert_eq!(
        remote.message(),
        Some("The request body failed validation.")
    );
    let subs: Vec<(&str, &str, String)> = remote
        .errors()
        .iter()
        .map(|sub| (sub.code(), sub.message(), sub.path().unwrap().to_string()))
        .collect();
    assert_eq!(
        subs,
        [
            ("email", "Must be an email address.", "email".to_owned()),
            ("required", "Required.", "items[1].sku".to_owned()),
        ]
    );
    let err = UserError::TooManyRequests {
        retry: Duration::from_secs(30),
        limit: 60,
        zone: "us-east1-a",
    };
    let remote = client::decode_response(&Google::response(&err));
    assert_eq!(remote.extensions()["limit"], "60");
    assert_eq!(remote.extensions()["zone"], "us-east1-a");
}

#[test]
fn the_catalog_checks_the_reasons_of_errors_sent_as_google() {
    assert!(UserError::catalog().check_reasons().is_ok());
    api_error::assert_unique_codes!(UserError, OrderError);

    #[derive(Debug, ApiError)]
    #[api(format = Google)]
    enum Clashing {
        #[api(status = 400, code = "2fa_required")]
        TwoFactor,
        #[api(status = 404, code = "user-id")]
        UserId,
        #[api(status = 404, code = "userId")]
        UserIdToo,
    }
    let err = Clashing::catalog().check_reasons().unwrap_err();
    assert_eq!(
        err.to_string(),
        "2 errors cannot be told apart by their Google reasons:\n\
         - `2fa_required` (Clashing::TwoFactor, 400) makes the reason `2FA_REQUIRED`, which AIP-193 does not allow: \
         3 to 63 of A-Z, 0-9 and _, starting with a letter and not ending with _\n\
         - `user-id` and `userId` both make the reason `USER_ID`: Clashing::UserId (404), Clashing::UserIdToo (404)"
    );
    let panicked = std::panic::catch_unwind(|| {
        api_error::assert_unique_codes!(Clashing);
    });
    assert!(panicked.is_err());

    // Errors sent in other formats are not asked for reasons.
    #[derive(Debug, ApiError)]
    #[api(format = Flat)]
    enum Short {
        #[api(status = 400, code = "ok")]
        Ok,
    }
    assert!(Short::catalog().check_reasons().is_ok());
    let both = Catalog::from_iter([Short::catalog(), Clashing::catalog()]);
    assert_eq!(
        both.check_reasons()
            .unwrap_err()
            .to_string()
            .lines()
            .count(),
        3
    );
}

proptest! {
    /// Whatever an error holds, its body is `google.rpc.Status` and
    /// decodes back to what the model carries.
    #[test]
    fn any_error_decodes_back(err in anything()) {
        let response = Google::response(&err);
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_shape(&body, &published(), &["metadata"]);
        let remote = client::decode_response(&response);
        prop_assert_eq!(remote.envelope(), Some(Envelope::Google));
        prop_assert_eq!(remote.status(), err.status);
        let reason = |code: &str| Reason::of(code).to_string().to_ascii_lowercase();
        let code = reason(&err.code);
        prop_assert_eq!(remote.code(), Some(code.as_str()));
        prop_assert_eq!(remote.message(), Some(err.message.as_str()));
        let members: Vec<(&String, &Value)> = remote.extensions().iter().collect();
        let member = Value::String(err.member.1.clone());
        prop_assert_eq!(members, vec![(&err.member.0, &member)]);
        prop_assert_eq!(remote.errors().len(), err.errors.len());
        for (decoded, sub) in remote.errors().iter().zip(&err.errors) {
            prop_assert_eq!(decoded.code(), reason(sub.code()));
            prop_assert_eq!(decoded.message(), sub.message());
        }
    }
}
