//! Error types that several test files render: headers set from runtime
//! values (`Echo`, wrapped or not, and a 401 `Login`), a validation error
//! with any number of sub-errors, and a type that names its format.

// Each test file uses some of it.
#![allow(dead_code)]

use api_error::format::Standard;
use api_error::{ApiError, FieldError, FieldErrors, FieldPath};

/// Every header a field can set from a runtime value: `header = "..."` (any
/// `Display`, optional or not) and `allow` (a string). `retry_after` takes
/// only numbers and `www_authenticate` only a literal checked at compile
/// time (tests/ui/other-keys/www-authenticate-invalid.rs).
#[derive(Debug, ApiError)]
#[api(status = 405, message = "Echo: {echo}")]
pub struct Echo {
    #[api(header = "X-Echo")]
    pub echo: String,
    #[api(header = "X-Maybe")]
    pub maybe: Option<String>,
    #[api(header = "X-Request-Id", extension = "request_id")]
    pub id: u64,
    #[api(allow)]
    pub allowed: String,
    #[api(extension)]
    pub note: String,
}

/// A 401 with a header from a field: `WWW-Authenticate` stays.
#[derive(Debug, ApiError)]
#[api(status = 401)]
pub struct Login {
    #[api(header = "X-Realm")]
    pub realm: String,
}

#[derive(Debug, ApiError)]
pub enum Wrapper {
    #[api(transparent)]
    Echo(Echo),
    #[api(transparent)]
    Boxed(Box<dyn ApiError + Send + Sync>),
}

/// An `Echo` with `value` in every field that takes text.
pub fn echo(value: &str) -> Echo {
    Echo {
        echo: value.to_owned(),
        maybe: Some(value.to_owned()),
        id: 42,
        allowed: value.to_owned(),
        note: value.to_owned(),
    }
}

/// A validation error with `n` sub-errors.
#[derive(Debug, ApiError)]
#[api(status = 422, message = "The request is invalid.")]
pub struct Invalid(#[api(errors)] pub FieldErrors);

pub fn invalid(n: usize) -> Invalid {
    Invalid(
        (0..n)
            .map(|i| {
                FieldError::new("required", "This field is required.")
                    .at(FieldPath::new().field("items").index(i).field("name"))
            })
            .collect(),
    )
}

/// A type that names its format: `api_error::render` uses it.
#[derive(Debug, ApiError)]
#[api(status = 404, format = Standard)]
pub struct Gone;
