//! Feature `tonic`: derived errors as `tonic::Status`, with the gRPC code
//! of their status (or their own), their public message, and
//! `google.rpc`'s rich error details, read back with tonic-types.

use std::time::Duration;

use api_error::{ApiError, FieldErrors};
use tonic::Code;
use tonic_types::StatusExt;

#[derive(Debug, ApiError)]
#[api(domain = "users.example.com")]
enum UsersError {
    #[api(status = 404, code = "user_not_found", message = "No such user.")]
    NotFound,
    #[api(status = 429, message = "Slow down: {limit} a minute.")]
    TooManyRequests {
        #[api(retry_after)]
        retry: Duration,
        #[api(extension)]
        limit: u32,
        #[api(extension)]
        plan: &'static str,
    },
    #[api(status = 422, message = "The request body failed validation.")]
    Invalid(#[api(errors)] FieldErrors),
    #[api(status = 409, grpc = "ABORTED", message = "Try again.")]
    Conflict,
    #[api(status = 500)]
    Database(#[source] std::io::Error),
}

#[test]
fn a_status_has_the_code_the_message_and_error_info() {
    let status = tonic::Status::from(UsersError::NotFound);
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "No such user.");
    let info = status.get_details_error_info().expect("an ErrorInfo");
    assert_eq!(info.reason, "USER_NOT_FOUND");
    assert_eq!(info.domain, "users.example.com");
    assert_eq!(info.metadata.len(), 1);
    assert_eq!(info.metadata["http_status"], "404");
    assert!(status.get_details_bad_request().is_none());
    assert!(status.get_details_retry_info().is_none());
}

#[test]
fn extension_members_are_metadata_and_a_delay_is_retry_info() {
    let status = tonic::Status::from(UsersError::TooManyRequests {
        retry: Duration::from_secs(30),
        limit: 60,
        plan: "free",
    });
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(status.message(), "Slow down: 60 a minute.");
    let info = status.get_details_error_info().expect("an ErrorInfo");
    assert_eq!(info.reason, "TOO_MANY_REQUESTS");
    assert_eq!(info.metadata["limit"], "60");
    assert_eq!(info.metadata["plan"], "free");
    assert_eq!(info.metadata["http_status"], "429");
    let retry = status.get_details_retry_info().expect("a RetryInfo");
    assert_eq!(retry.retry_delay, Some(Duration::from_secs(30)));
}

#[test]
fn sub_errors_are_field_violations() {
    let mut errors = FieldErrors::new();
    errors.add("email", "email", "Must be an email address.");
    errors.add("items[1].sku", "required", "Required.");
    let status = tonic::Status::from(UsersError::Invalid(errors));
    assert_eq!(status.code(), Code::InvalidArgument);
    let bad = status.get_details_bad_request().expect("a BadRequest");
    let violations: Vec<(&str, &str)> = bad
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str()))
        .collect();
    assert_eq!(
        violations,
        [
            ("email", "Must be an email address."),
            ("items[1].sku", "Required.")
        ]
    );
}

#[test]
fn a_variants_own_code_and_no_internals() {
    assert_eq!(
        tonic::Status::from(UsersError::Conflict).code(),
        Code::Aborted
    );
    let status = tonic::Status::from(UsersError::Database(std::io::Error::other(
        "password=hunter2 refused",
    )));
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Internal Server Error");
    let details = format!("{:?}", status.get_error_details());
    assert!(!details.contains("hunter2"), "{details}");
}

#[test]
fn any_error_converts_through_the_function() {
    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(UsersError::NotFound);
    let status = api_error::tonic::status(&*boxed);
    assert_eq!(status.code(), Code::NotFound);
    // Without a domain, none is made up.
    let status = api_error::tonic::status(&api_error::RequestError::MissingAuthorizationHeader);
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(
        status
            .get_details_error_info()
            .expect("an ErrorInfo")
            .domain,
        ""
    );
}
