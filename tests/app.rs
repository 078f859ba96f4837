//! `api_error::app`: what an application sets once for all of its errors.
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
