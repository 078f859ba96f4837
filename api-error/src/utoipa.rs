//! OpenAPI responses for utoipa (feature `utoipa`).
//!
//! Every derived error implements utoipa's `IntoResponses`: list the type in
//! `#[utoipa::path(responses(...))]` and the operation documents one response
//! per status the type can produce, each with the body schema of the format
//! the errors render with (its extension members included), a named example
//! per code with the body the wire has, and the headers the errors send.
//! [`api_error::openapi`](crate::openapi) builds them, for utoipa and aide
//! alike; a type declared with [`subset!`](crate::subset) documents some
//! variants only, for an operation that answers with fewer errors.
//!
//! The examples' keys come out sorted unless serde_json's `preserve_order`
//! feature is on, in which case they are in the order the format writes
//! them.
//!
//! ```
//! use api_error::ApiError;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = api_error::format::Flat)]
//! enum UserError {
//!     /// The user you're trying to create already exists.
//!     #[api(status = 409, message = "A user with the email {email} already exists.")]
//!     UserAlreadyExists {
//!         #[api(example = "ada@example.com")]
//!         email: String,
//!     },
//!     #[api(status = 401, code = "user_not_found")]
//!     NotFound,
//! }
//!
//! let responses = UserError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["401", "409"]);
//! let json = serde_json::to_value(&responses["409"]).unwrap();
//! assert_eq!(
//!     json["content"]["application/json"]["examples"]["user_already_exists"]["value"],
//!     serde_json::json!({
//!         "error": "user_already_exists",
//!         "message": "A user with the email ada@example.com already exists."
//!     })
//! );
//! let unauthorized = serde_json::to_value(&responses["401"]).unwrap();
//! assert_eq!(unauthorized["headers"]["WWW-Authenticate"]["example"], "Bearer");
//! ```

use utoipa::openapi::RefOr;
use utoipa::openapi::response::Response;

use crate::catalog::Catalog;

/// The responses of every entry of `catalog`, one per status; what the
/// derived `IntoResponses` impls call.
pub fn responses(catalog: &Catalog) -> crate::__private::utoipa::Responses {
    crate::openapi::responses(catalog)
        .into_iter()
        .filter_map(|(status, response)| {
            // The JSON is an OpenAPI Response Object, which utoipa reads.
            let response = serde_json::from_value::<Response>(response).ok()?;
            Some((status, RefOr::T(response)))
        })
        .collect()
}
