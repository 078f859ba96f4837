//! Errors that use every key of `#[api(...)]`, in a library built under the
//! strictest lints a user is likely to set: CI's clippy builds it, so a
//! generated item that trips one of them fails the build. It names the
//! runtime crate as a renamed dependency does, `apierr`, with `crate`.
#![deny(
    missing_docs,
    unreachable_pub,
    rust_2018_idioms,
    unused_qualifications,
    clippy::pedantic,
    clippy::nursery,
    clippy::missing_inline_in_public_items
)]

use std::time::Duration;

use apierr::http::Method;
use apierr::{ApiError, FieldErrors, FieldPath};

/// An inner error, delegated to by the transparent variants.
#[derive(Debug, ApiError)]
#[api(status = 503, code = "upstream_unavailable", crate = "apierr")]
pub struct Upstream;

/// Every variant-level and field-level key, without thiserror.
#[derive(Debug, ApiError)]
#[api(
    status = 400,
    rename_all = "kebab-case",
    format = apierr::format::Problem,
    crate = "apierr",
    type = "https://example.com/errors/",
    www_authenticate = "Bearer realm=\"api\""
)]
pub enum OrderError {
    /// The order names a product that does not exist.
    #[api(
        status = 404,
        code = "product_not_found",
        message = "No product {sku}.",
        title = "Product Not Found"
    )]
    NotFound {
        /// The product asked for.
        #[api(example = "A-17")]
        sku: String,
        /// The request's URI.
        #[api(instance)]
        uri: String,
        /// The field the error is about.
        #[api(path)]
        path: FieldPath,
        /// The products left, sent as an extension member.
        #[api(extension = "in_stock", example = 3)]
        in_stock: u32,
        /// A header the response carries.
        #[api(header = "X-Request-Id")]
        request_id: String,
    },
    /// The order is invalid.
    #[api(status = 422, message = "The order is invalid.")]
    Invalid {
        /// What is wrong with it.
        #[api(errors)]
        errors: FieldErrors,
    },
    /// Too many orders.
    #[api(status = 429, type = "https://example.com/errors/rate-limited")]
    Limited {
        /// When to try again.
        #[api(retry_after, example = 30)]
        wait: Duration,
        /// The limit, as an extension member named after the field.
        #[api(extension)]
        limit: u32,
    },
    /// The method is not one the endpoint answers.
    #[api(status = 405)]
    Method {
        /// The methods it answers.
        #[api(allow)]
        allowed: Vec<Method>,
    },
    /// The credentials were refused.
    #[api(status = 401, www_authenticate = "Basic realm=\"orders\"")]
    Unauthorized,
    /// Reading the catalogue failed.
    #[api(status = 500)]
    Io(#[from] std::io::Error),
    /// A failure with a source that is not converted from.
    #[api(status = 502, message = "The payment provider failed.")]
    Payment {
        /// What went wrong.
        #[source]
        cause: std::fmt::Error,
    },
    /// The upstream's own error.
    #[api(transparent)]
    Upstream(Upstream),
}

/// The same keys with thiserror, which writes `Display`, `Error` and `From`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(status = 500, crate = "apierr")]
pub enum StoreError {
    /// A client error with a message of its own.
    #[error("the basket is empty")]
    #[api(status = 409, message = "The basket is empty.")]
    Empty,
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] std::io::Error),
}

/// A type that writes its own `Display` and `Error`.
#[derive(Debug, ApiError)]
#[api(status = 404, skip_display, crate = "apierr")]
pub struct Gone;

impl std::fmt::Display for Gone {
    #[inline]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("gone")
    }
}

impl std::error::Error for Gone {}
