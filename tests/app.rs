//! `api_error::app`: what an application sets once for all of its errors:
//! the domain of its codes and the docs base of its type URIs.
//! The settings are the process's, so this file is a test binary of its
//! own, and one test makes them all in order.

use api_error::ApiError;
use api_error::app::{self, SettingError};
use api_error::format::{Format, Google};

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 404)]
    UserNotFound,
}

#[derive(Debug, ApiError)]
#[api(domain = "orders.example.com")]
enum OrderError {
    #[api(status = 404)]
    OrderNotFound,
}

fn error_info(err: &impl ApiError) -> serde_json::Value {
    let body: serde_json::Value = serde_json::from_slice(&Google::render(err)).unwrap();
    body["error"]["details"][0].clone()
}

#[test]
fn the_domain_is_set_once_and_a_types_own_comes_first() {
    assert_eq!(app::domain(), None);
    assert_eq!(error_info(&UserError::UserNotFound).get("domain"), None);

    let invalid = app::set_domain("users example").unwrap_err();
    assert_eq!(
        invalid.to_string(),
        r#"the domain must be printable ASCII without spaces, not "users example""#
    );
    assert!(matches!(
        invalid,
        SettingError::Invalid {
            setting: "domain",
            ..
        }
    ));
    assert_eq!(app::domain(), None);

    app::set_domain("users.example.com").unwrap();
    app::set_domain("users.example.com").unwrap();
    assert_eq!(
        app::set_domain("other.example.com").unwrap_err(),
        SettingError::AlreadySet {
            setting: "domain",
            current: "users.example.com"
        }
    );
    assert_eq!(
        error_info(&UserError::UserNotFound)["domain"],
        "users.example.com"
    );
    assert_eq!(
        error_info(&OrderError::OrderNotFound)["domain"],
        "orders.example.com"
    );
}

#[derive(Debug, ApiError)]
#[api(type = "https://docs.example.com/payments#")]
enum PaymentError {
    #[api(status = 402)]
    PaymentRequired,
}

#[test]
fn the_docs_base_links_every_error_without_a_type_of_its_own() {
    use api_error::RequestError;
    use api_error::format::{JsonApi, Problem};

    let type_of = |err: &dyn ApiError| {
        let body: serde_json::Value = serde_json::from_slice(&Problem::render(err)).unwrap();
        body["type"].as_str().unwrap().to_owned()
    };
    assert_eq!(type_of(&UserError::UserNotFound), "about:blank");
    assert!(
        !String::from_utf8(JsonApi::render(&UserError::UserNotFound))
            .unwrap()
            .contains("links")
    );

    let invalid = app::set_docs_base("/errors #").unwrap_err();
    assert_eq!(
        invalid.to_string(),
        "the docs base must be a URI, which cannot contain ' '"
    );
    app::set_docs_base("/errors#").unwrap();
    assert_eq!(type_of(&UserError::UserNotFound), "/errors#user_not_found");
    // The library's own errors too, and a type's own URI first.
    assert_eq!(
        type_of(&RequestError::MissingAuthorizationHeader),
        "/errors#missing_authorization_header"
    );
    assert_eq!(
        type_of(&PaymentError::PaymentRequired),
        "https://docs.example.com/payments#payment_required"
    );
    assert!(
        String::from_utf8(JsonApi::render(&UserError::UserNotFound))
            .unwrap()
            .contains(r#""links":{"type":"/errors#user_not_found"}"#)
    );
    // What the error itself answers is its own.
    assert_eq!(UserError::UserNotFound.type_uri(), "about:blank");
}
