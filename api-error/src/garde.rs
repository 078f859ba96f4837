//! garde 0.23 (feature `garde`): its reports as sub-errors, and request
//! bodies validated as they are read.
//!
//! - `FieldErrors` implements `From<garde::Report>`: each error of a
//!   report, in nested structs, lists and maps too, is a sub-error at its
//!   exact path (`items[1].sku`, `gifts.ada.sku`), with garde's message and
//!   the code [`CODE`], `invalid`, as garde's errors have no code.
//! - [`validate`] and [`validate_with`] validate a value into a
//!   `validation_failed` [`RequestError`] (422) whose paths are the names
//!   the client sent.
//! - [`Valid`] is a JSON body extractor for axum and actix-web (with their
//!   features), for types whose garde `Context` is `Default` (`()`, that
//!   of a type without `#[garde(context(...))]`, is): it reads the body as
//!   `api_error::axum::Json` and `api_error::actix::Json` do, every
//!   problem of a body at once, and, if the body is the JSON the type
//!   takes, validates it with the context's default. A body with both kinds
//!   of problems gets its body problems only (the `invalid_*` errors):
//!   validation needs a value.
//!
//! ```
//! use std::collections::BTreeMap;
//!
//! use api_error::{ApiError, FieldErrors};
//! use garde::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Order {
//!     #[garde(length(min = 3))]
//!     customer_name: String,
//!     #[garde(dive)]
//!     items: Vec<Item>,
//!     #[garde(dive)]
//!     gifts: BTreeMap<String, Item>,
//! }
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Item {
//!     #[garde(length(min = 1))]
//!     sku: String,
//! }
//!
//! let order = Order {
//!     customer_name: "Al".into(),
//!     items: vec![Item { sku: "A-1".into() }, Item { sku: "".into() }],
//!     gifts: BTreeMap::from([("ada".to_owned(), Item { sku: "".into() })]),
//! };
//!
//! // The report, as sub-errors in the Rust names.
//! let errors = FieldErrors::from(order.validate().unwrap_err());
//! assert_eq!(errors.as_slice()[0].path().unwrap().to_string(), "customer_name");
//!
//! // The error a server answers with, in the names the client sent.
//! let err = api_error::garde::validate(&order).unwrap_err();
//! assert_eq!(err.status(), 422);
//! assert_eq!(err.message(), "The request body failed validation in 3 fields.");
//! let sub_errors: Vec<(String, &str, &str)> = err
//!     .errors()
//!     .iter()
//!     .map(|e| (e.path().unwrap().to_string(), e.code(), e.message()))
//!     .collect();
//! assert_eq!(
//!     sub_errors,
//!     [
//!         ("customerName".to_owned(), "invalid", "length is lower than 3"),
//!         ("gifts.ada.sku".to_owned(), "invalid", "length is lower than 1"),
//!         ("items[1].sku".to_owned(), "invalid", "length is lower than 1"),
//!     ]
//! );
//! ```
//!
//! A type whose context is not `Default` is read with `Json` (axum's or
//! actix-web's, of this crate), then validated with [`validate_with`]:
//!
//! ```
//! use api_error::ApiError;
//! use garde::Validate;
//!
//! struct Limits {
//!     max_items: usize,
//! }
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[garde(context(Limits))]
//! struct Cart {
//!     #[garde(custom(within_limits))]
//!     items: Vec<String>,
//! }
//!
//! fn within_limits(items: &Vec<String>, limits: &Limits) -> garde::Result {
//!     if items.len() > limits.max_items {
//!         return Err(garde::Error::new(format!("Holds more than {} items.", limits.max_items)));
//!     }
//!     Ok(())
//! }
//!
//! // In a handler: `Json(cart): Json<Cart>`, then
//! let cart = Cart { items: vec!["tea".into(), "milk".into(), "bread".into()] };
//! let err = api_error::garde::validate_with(&cart, &Limits { max_items: 2 }).unwrap_err();
//! assert_eq!(err.message(), "The request body failed validation in 1 field.");
//! assert_eq!(err.errors()[0].message(), "Holds more than 2 items.");
//! ```
//!
//! # Paths
//!
//! A sub-error's path is garde's, step by step: a field (`email`), a field
//! of a nested struct (`address.zip`), an element of a list
//! (`items[1].sku`), a map's entry by its key (`gifts.ada.sku`), a key
//! holding `.` or `[` included. garde writes no step for an enum's variant
//! (`kind.color`, where the client sent `kind.Gift.color`), and an index
//! for the field of a newtype struct (`email[0]`), unless it is
//! `#[garde(transparent)]`, as serde reads a newtype: mark such newtypes
//! transparent.
//!
//! `From` gives garde's names, the Rust field names. [`validate`],
//! [`validate_with`] and [`Valid`] give the names the client sends, as
//! [`FieldErrors::wire_names`] learns them from the type's `Deserialize`:
//! `#[serde(rename_all = "camelCase")]` makes `customer_name` the
//! `customerName` the client sent, and a raw identifier (`r#type`) loses
//! its `r#`. A field renamed on its own to a name no `rename_all` rule
//! makes from the Rust name (`#[serde(rename = "mail")] email_address`)
//! keeps its Rust name, as nothing tells the two apart (garde's own
//! `#[garde(rename)]` changes nothing in its paths): name the Rust field as
//! the client does instead.
//!
//! # Order
//!
//! Sub-errors are sorted by path, step by step (names by their bytes,
//! indices by number; see [`FieldPath`]), in the Rust names, so that the
//! entries of a `HashMap`, which garde visits in no fixed order, come in
//! one. The errors of one field keep the order garde gives them.

use serde::Deserialize;
use serde_json::Value;

use crate::request::validate as shared;
use crate::{FieldError, FieldErrors, FieldPath, RequestError};

/// The code of every sub-error made from a garde report, as garde's
/// errors have a message and no code.
pub const CODE: &str = "invalid";

impl From<::garde::Report> for FieldErrors {
    /// Each error of the report, at its path, in path order, with the code
    /// [`CODE`]; see the [module documentation](crate::garde).
    fn from(report: ::garde::Report) -> Self {
        let errors = report
            .into_inner()
            .into_iter()
            .map(|(path, error)| FieldError::new(CODE, error.message().to_owned()).at(steps(&path)))
            .collect();
        shared::by_path(errors)
    }
}

/// garde's path as a [`FieldPath`]. garde shows its steps only as text
/// (`a.b[0]`), in which a key's own `.` or `[` is lost; its `Serialize`,
/// which garde keeps for storing reports, writes each step with its kind:
/// `[["key", "items"], ["index", "1"], ["none", ""]]`, outermost first.
fn steps(path: &::garde::Path) -> FieldPath {
    let Ok(Value::Array(steps)) = serde_json::to_value(path) else {
        return FieldPath::parse(&path.to_string());
    };
    let mut field_path = FieldPath::new();
    for step in &steps {
        let (kind, name) = match step.as_array().map(Vec::as_slice) {
            Some([Value::String(kind), Value::String(name)]) => (kind.as_str(), name),
            _ => continue,
        };
        match (kind, name.parse::<usize>()) {
            ("index", Ok(index)) => field_path.push_index(index),
            // A step without a name: an `Option`'s, say.
            ("none", _) => {}
            _ => field_path.push_field(name.clone()),
        }
    }
    field_path
}

/// Validates `value` with its context's default, answering a
/// `validation_failed` [`RequestError`] (422) with every problem as a
/// sub-error (the first 100 listed, as `parse_json` lists a body's, the
/// message counting them all), in the names the client sends: see the
/// [module documentation](self).
pub fn validate<'de, T>(value: &T) -> Result<(), RequestError>
where
    T: ::garde::Validate + Deserialize<'de>,
    T::Context: Default,
{
    check(value).map_err(shared::failed_on::<T>)
}

/// Validates `value` with `context`, as [`validate`] does with the
/// default one.
pub fn validate_with<'de, T>(value: &T, context: &T::Context) -> Result<(), RequestError>
where
    T: ::garde::Validate + Deserialize<'de>,
{
    let report = value.validate_with(context);
    report.map_err(|report| shared::failed_on::<T>(report.into()))
}

/// garde's validation of `value`, with its context's default, as
/// sub-errors.
fn check<T>(value: &T) -> Result<(), FieldErrors>
where
    T: ::garde::Validate,
    T::Context: Default,
{
    value.validate().map_err(FieldErrors::from)
}

/// A JSON request body, validated with garde: the extractor for axum and
/// actix-web (with their features) that reads the body as
/// `api_error::axum::Json` and `api_error::actix::Json` do, then validates
/// it with [`validate`], with the default of `T`'s `Context`.
///
/// A body that is not the JSON `T` takes gets the `Json` extractor's
/// errors, every problem at once; a body that is, but fails validation,
/// gets `validation_failed` (422) with every problem. Its sub-errors are
/// listed as those of a body's problems are: the first 100, or as the
/// [`JsonParser`](crate::JsonParser) in the request's extensions (axum) or
/// the app's data (actix-web) says.
///
/// For a `Context` that is not `Default`, extract with `Json` and validate
/// with [`validate_with`].
///
/// In an axum handler, `Valid` takes the place of `Json`; on actix-web
/// alike (`web::post().to(create_user)`):
///
#[cfg_attr(feature = "axum", doc = "```")]
#[cfg_attr(not(feature = "axum"), doc = "```ignore")]
/// use api_error::garde::Valid;
/// use axum::routing::post;
/// use axum::Router;
/// use garde::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct NewUser {
///     #[garde(length(min = 3))]
///     name: String,
/// }
///
/// async fn create_user(Valid(user): Valid<NewUser>) -> String {
///     // `user` is valid here.
///     user.name
/// }
///
/// let app: Router = Router::new().route("/users", post(create_user));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Valid<T>(pub T);

#[cfg(feature = "axum")]
impl<T, S> axum::extract::FromRequest<S> for Valid<T>
where
    T: serde::de::DeserializeOwned + ::garde::Validate,
    T::Context: Default,
    S: Send + Sync,
{
    type Rejection = RequestError;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, RequestError> {
        shared::from_axum(request, state, check::<T>)
            .await
            .map(Valid)
    }
}

#[cfg(feature = "actix-web")]
impl<T> actix_web::FromRequest for Valid<T>
where
    T: serde::de::DeserializeOwned + ::garde::Validate + 'static,
    T::Context: Default,
{
    type Error = RequestError;
    type Future = std::pin::Pin<Box<dyn Future<Output = Result<Self, RequestError>>>>;

    fn from_request(
        request: &actix_web::HttpRequest,
        payload: &mut actix_web::dev::Payload,
    ) -> Self::Future {
        shared::from_actix(request, payload, check::<T>, Valid)
    }
}
