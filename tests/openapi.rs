//! utoipa's `IntoResponses` for derived errors: one response per status, the
//! body schema of the format, an example per code, the headers HTTP requires.

use api_error::ApiError;
use api_error::format::{Flat, Meta};
use serde_json::{Value, json};
use utoipa::IntoResponses;

// The enums here exist for their derived impls, not for their values.

/// A session error, rendered in its own format.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(format = Meta)]
enum SessionError {
    /// The session expired.
    #[api(
        status = 401,
        title = "Session Expired",
        www_authenticate = "Bearer realm=\"api\""
    )]
    Expired,
}

#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(type = "https://example.com/errors/")]
enum ApiFailure {
    /// The user you're trying to create already exists.
    ///
    /// Pick another email address.
    #[api(status = 409, message = "The user {id} already exists.")]
    UserExists { id: u64 },
    /// The group you're trying to create already exists.
    #[api(status = 409)]
    GroupExists,
    /// Too many requests.
    #[api(status = 429)]
    Slow(
        #[api(retry_after)] u32,
        #[api(header = "X-RateLimit-Limit")] u32,
    ),
    #[api(transparent)]
    Session(SessionError),
}

fn responses<T: IntoResponses>() -> Value {
    serde_json::to_value(T::responses()).expect("JSON")
}

#[test]
fn one_response_per_status_with_an_example_per_code() {
    let responses = responses::<ApiFailure>();
    let statuses: Vec<&String> = responses.as_object().expect("an object").keys().collect();
    assert_eq!(statuses, ["401", "409", "429"]);

    let conflict = &responses["409"];
    assert_eq!(
        conflict["description"],
        "Conflict\n\n- `user_exists`: The user you're trying to create already exists. Pick another email address.\n\n- `group_exists`: The group you're trying to create already exists."
    );
    let content = &conflict["content"]["application/problem+json"];
    assert_eq!(
        content["schema"]["required"],
        json!(["type", "title", "status", "detail", "code"])
    );
    assert_eq!(
        content["examples"]["user_exists"]["value"],
        json!({
            "type": "https://example.com/errors/user_exists",
            "title": "Conflict",
            "status": 409,
            "detail": "The user {id} already exists.",
            "code": "user_exists",
        })
    );
    assert_eq!(content["examples"]["group_exists"]["summary"], "Conflict");

    let slow = &responses["429"];
    assert!(slow["headers"]["retry-after"].is_object());
    assert!(slow["headers"]["x-ratelimit-limit"].is_object());
}

#[test]
fn transparent_variants_bring_their_entries_in_their_format() {
    let responses = responses::<ApiFailure>();
    let unauthorized = &responses["401"];
    assert!(unauthorized["headers"]["WWW-Authenticate"].is_object());
    assert_eq!(
        unauthorized["description"],
        "Unauthorized\n\n- `expired` (Session Expired): The session expired."
    );
    assert_eq!(
        unauthorized["content"]["application/json"]["examples"]["expired"]["value"],
        json!({"meta": {"status": 401, "error": {"status": 401, "type": "expired", "message": "Unauthorized"}}})
    );
}

#[test]
fn a_type_format_applies_to_its_transparent_entries() {
    #[allow(dead_code)]
    #[derive(Debug, ApiError)]
    #[api(format = Flat)]
    enum Outer {
        #[api(transparent)]
        Session(SessionError),
    }
    let responses = responses::<Outer>();
    assert_eq!(
        responses["401"]["content"]["application/json"]["examples"]["expired"]["value"],
        json!({"error": "expired", "message": "Unauthorized"})
    );
}
