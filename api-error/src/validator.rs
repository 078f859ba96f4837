//! validator 0.21 (feature `validator`): its reports as sub-errors, and
//! request bodies validated as they are read.
//!
//! - `FieldErrors` implements `From<validator::ValidationErrors>`: each
//!   error of a report, in nested structs and lists too, is a sub-error at
//!   its exact path (`items[1].sku`), with validator's code and its
//!   message, or a default one.
//! - [`validate`] validates a value into a `validation_failed`
//!   [`RequestError`] (422) whose paths are the names the client sent.
//! - [`Valid`] is a JSON body extractor for axum and actix-web (with their
//!   features): it reads the body as `api_error::axum::Json` and
//!   `api_error::actix::Json` do, every problem of a body at once, and, if
//!   the body is the JSON the type takes, validates it. A body with both
//!   kinds of problems gets its body problems only (the `invalid_*`
//!   errors): validation needs a value.
//!
//! ```
//! use api_error::{ApiError, FieldErrors};
//! use validator::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Order {
//!     #[validate(email)]
//!     customer_email: String,
//!     #[validate(nested)]
//!     items: Vec<Item>,
//! }
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Item {
//!     #[validate(length(min = 1, message = "Give the item's SKU."))]
//!     sku: String,
//!     #[validate(range(min = 1, max = 99))]
//!     quantity: u32,
//! }
//!
//! let order = Order {
//!     customer_email: "ada".into(),
//!     items: vec![
//!         Item { sku: "A-1".into(), quantity: 1 },
//!         Item { sku: "".into(), quantity: 0 },
//!     ],
//! };
//!
//! // The report, as sub-errors in the Rust names.
//! let errors = FieldErrors::from(order.validate().unwrap_err());
//! assert_eq!(errors.as_slice()[0].path().unwrap().to_string(), "customer_email");
//!
//! // The error a server answers with, in the names the client sent.
//! let err = api_error::validator::validate(&order).unwrap_err();
//! assert_eq!(err.status(), 422);
//! assert_eq!(err.code(), "validation_failed");
//! assert_eq!(err.message(), "The request body failed validation in 3 fields.");
//! let sub_errors: Vec<(String, &str, &str)> = err
//!     .errors()
//!     .iter()
//!     .map(|e| (e.path().unwrap().to_string(), e.code(), e.message()))
//!     .collect();
//! assert_eq!(
//!     sub_errors,
//!     [
//!         ("customerEmail".to_owned(), "email", "Must be an email address."),
//!         ("items[1].quantity".to_owned(), "range", "Must be at least 1 and at most 99."),
//!         ("items[1].sku".to_owned(), "length", "Give the item's SKU."),
//!     ]
//! );
//! ```
//!
//! # Paths
//!
//! A sub-error's path is where validator found the error: a field
//! (`email`), a field of a nested struct (`address.zip`), an element of a
//! list (`items[1].sku`). An error of a whole struct (a
//! `#[validate(schema(...))]` function's, which validator files under
//! `__all__`) is at the struct's own path: none, for the body itself. In a
//! map, validator names an entry by its place in the map's order, not by
//! its key, which its report does not hold: `prices[0].amount` is the
//! first entry of a `BTreeMap` (in key order), of a `HashMap` in an order
//! nobody can tell. Where clients need to know which entry, send a list.
//!
//! `From` gives validator's names, the Rust field names (a raw identifier
//! without its `r#`: `r#type` is `type`). [`validate`] and [`Valid`] give
//! the names the client sends, as
//! [`FieldErrors::wire_names`] learns them from the type's `Deserialize`:
//! `#[serde(rename_all = "camelCase")]` makes `customer_email` the
//! `customerEmail` the client sent. A field renamed on its own to a name no
//! `rename_all` rule makes from the Rust name (`#[serde(rename = "mail")]
//! email_address`) keeps its Rust name, as nothing tells the two apart:
//! name the Rust field as the client does instead.
//!
//! # Order
//!
//! Sub-errors are sorted by path, step by step (names by their bytes,
//! indices by number; see [`FieldPath`]), in the Rust names: validator's
//! report is a hash map, which has no order of its own. The errors of one
//! field keep the order validator gives them, that of the rules in its
//! `#[validate(...)]`.
//!
//! # Messages
//!
//! A sub-error's code is validator's (`length`, or the rule's
//! `code = "..."`), and its message validator's (`message = "..."`), else
//! a default made from the code and the rule's parameters, never from the
//! value the client sent:
//!
//! | code | default message |
//! |---|---|
//! | `length` | `Must be at least 3 characters long.`, `Must be 3 to 20 characters long.`, `Must be exactly 5 characters long.`; for a list or a map `Must have at most 10 items.` |
//! | `range` | `Must be at least 1.`, `Must be at most 99.`, `Must be greater than 0.`, `Must be less than 100.`, or two of them: `Must be at least 1 and at most 99.` |
//! | `email` | `Must be an email address.` |
//! | `url` | `Must be a URL.` |
//! | `ip` | `Must be an IP address.` |
//! | `credit_card` | `Must be a credit card number.` |
//! | `non_control_character` | `Must not contain control characters.` |
//! | `contains` | `Must contain "@".` |
//! | `does_not_contain` | `Must not contain "admin".` |
//! | `regex` | `Must match the expected format.` |
//! | `must_match` | `Must match the other field.` |
//! | `required` | `This field is required.` |
//! | any other | `Failed validation: the_code.`, with the parameters but the value: `Failed validation: min_age (min: 18).` |

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::Value;
use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::field::write_clipped;
use crate::request::validate::{self as shared, unraw};
use crate::{FieldError, FieldErrors, FieldPath, RequestError};

impl From<ValidationErrors> for FieldErrors {
    /// Each error of the report, at its path, in path order; see the
    /// [module documentation](crate::validator).
    fn from(report: ValidationErrors) -> Self {
        let mut errors = Vec::new();
        collect(report, &FieldPath::new(), &mut errors);
        shared::by_path(errors)
    }
}

/// The errors of `report`, about the struct at `at`, into `out`.
fn collect(report: ValidationErrors, at: &FieldPath, out: &mut Vec<FieldError>) {
    for (name, kind) in report.into_errors() {
        let path = match name.as_ref() {
            // Errors of the struct itself, and the list a `Vec` validated
            // on its own files its elements under.
            "__all__" | "_tmp_validator" => at.clone(),
            _ => at.clone().field(unraw(name)),
        };
        match kind {
            ValidationErrorsKind::Field(errors) => {
                out.extend(errors.into_iter().map(|error| sub_error(error).at(&path)));
            }
            ValidationErrorsKind::Struct(inner) => collect(*inner, &path, out),
            ValidationErrorsKind::List(elements) => {
                for (index, inner) in elements {
                    collect(*inner, &path.clone().index(index), out);
                }
            }
        }
    }
}

/// One of validator's errors as a sub-error, without its path.
fn sub_error(error: ValidationError) -> FieldError {
    let message = match error.message {
        Some(message) => message,
        None => default_message(&error.code, &error.params),
    };
    FieldError::new(error.code, message)
}

/// The message of an error with no message of its own, from its code and
/// parameters; see the module documentation's table.
fn default_message(code: &str, params: &HashMap<Cow<'static, str>, Value>) -> Cow<'static, str> {
    let param = |name: &str| params.get(name);
    let text = match code {
        "length" => return Cow::Owned(length(param)),
        "range" => return Cow::Owned(range(param)),
        "email" => "Must be an email address.",
        "url" => "Must be a URL.",
        "ip" => "Must be an IP address.",
        "credit_card" => "Must be a credit card number.",
        "non_control_character" => "Must not contain control characters.",
        "contains" => return Cow::Owned(quoting("Must contain ", param("needle"))),
        "does_not_contain" => return Cow::Owned(quoting("Must not contain ", param("needle"))),
        "regex" => "Must match the expected format.",
        "must_match" => "Must match the other field.",
        "required" => "This field is required.",
        _ => return Cow::Owned(other(code, params)),
    };
    Cow::Borrowed(text)
}

/// `length`'s message: in characters for a string, in items for a list or
/// a map.
fn length<'a>(param: impl Fn(&str) -> Option<&'a Value>) -> String {
    let (equal, min, max) = (param("equal"), param("min"), param("max"));
    let (bounds, last) = match (equal, min, max) {
        (Some(equal), ..) => (format!("exactly {}", shown(equal)), equal),
        (None, Some(min), Some(max)) => (format!("{} to {}", shown(min), shown(max)), max),
        (None, Some(min), None) => (format!("at least {}", shown(min)), min),
        (None, None, Some(max)) => (format!("at most {}", shown(max)), max),
        (None, None, None) => return "Has a length out of range.".to_owned(),
    };
    let one = last.as_u64() == Some(1);
    match param("value") {
        Some(Value::Array(_) | Value::Object(_)) => {
            format!("Must have {bounds} {}.", if one { "item" } else { "items" })
        }
        Some(Value::String(_)) => {
            let unit = if one { "character" } else { "characters" };
            format!("Must be {bounds} {unit} long.")
        }
        _ => format!("Its length must be {bounds}."),
    }
}

/// `range`'s message: its bounds, inclusive or not.
fn range<'a>(param: impl Fn(&str) -> Option<&'a Value>) -> String {
    let bounds: Vec<String> = [
        ("min", "at least"),
        ("exclusive_min", "greater than"),
        ("max", "at most"),
        ("exclusive_max", "less than"),
    ]
    .into_iter()
    .filter_map(|(name, words)| param(name).map(|bound| format!("{words} {}", shown(bound))))
    .collect();
    if bounds.is_empty() {
        "Is out of range.".to_owned()
    } else {
        format!("Must be {}.", bounds.join(" and "))
    }
}

/// `start` and the quoted text, or `start` and `the text it was given`.
fn quoting(start: &str, text: Option<&Value>) -> String {
    match text {
        Some(Value::String(text)) => {
            let mut message = format!("{start}\"");
            // Cut short as a client's text is, though the rule's is the
            // server's.
            let _ = write_clipped(&mut message, text, 100);
            message + "\"."
        }
        Some(other) => format!("{start}{}.", shown(other)),
        None => format!("{start}the text it was given."),
    }
}

/// A code of the application's own: the code, and the parameters the
/// rule gave, by name, all but the value.
fn other(code: &str, params: &HashMap<Cow<'static, str>, Value>) -> String {
    let mut message = String::from("Failed validation: ");
    let _ = write_clipped(&mut message, code, 100);
    let mut names: Vec<&str> = params
        .keys()
        .map(AsRef::as_ref)
        .filter(|&name| name != "value")
        .collect();
    names.sort_unstable();
    for (i, name) in names.iter().enumerate() {
        message.push_str(if i == 0 { " (" } else { ", " });
        let _ = write_clipped(&mut message, name, 100);
        let _ = write!(
            message,
            ": {}",
            params.get(*name).map(shown).unwrap_or_default()
        );
    }
    if !names.is_empty() {
        message.push(')');
    }
    message.push('.');
    message
}

/// A parameter as a message shows it: a number as written, any other value
/// as JSON, cut short.
fn shown(value: &Value) -> String {
    let text = match value {
        Value::Number(number) => return number.to_string(),
        Value::String(text) => Cow::Borrowed(text.as_str()),
        other => Cow::Owned(other.to_string()),
    };
    let mut shown = String::new();
    let _ = write_clipped(&mut shown, &text, 100);
    shown
}

/// Validates `value`, answering a `validation_failed` [`RequestError`]
/// (422) with every problem as a sub-error (the first 100 listed, as
/// `parse_json` lists a body's, the message counting them all), in the
/// names the client sends: see the [module documentation](self).
///
/// For a type validated with arguments (`ValidateArgs`), build the error
/// from its report: `RequestError::validation_failed(FieldErrors::from(report).wire_names::<T>())`.
pub fn validate<'de, T: Validate + Deserialize<'de>>(value: &T) -> Result<(), RequestError> {
    check(value).map_err(shared::failed_on::<T>)
}

/// validator's validation of `value`, as sub-errors.
fn check<T: Validate>(value: &T) -> Result<(), FieldErrors> {
    value.validate().map_err(FieldErrors::from)
}

/// A JSON request body, validated with validator: the extractor for axum
/// and actix-web (with their features) that reads the body as
/// `api_error::axum::Json` and `api_error::actix::Json` do, then validates
/// it with [`validate`].
///
/// A body that is not the JSON `T` takes gets the `Json` extractor's
/// errors, every problem at once; a body that is, but fails validation,
/// gets `validation_failed` (422) with every problem. Its sub-errors are
/// listed as those of a body's problems are: the first 100, or as the
/// [`JsonParser`](crate::JsonParser) in the request's extensions (axum) or
/// the app's data (actix-web) says.
///
/// In an axum handler, `Valid` takes the place of `Json`; on actix-web
/// alike (`web::post().to(create_user)`):
///
#[cfg_attr(feature = "axum", doc = "```")]
#[cfg_attr(not(feature = "axum"), doc = "```ignore")]
/// use api_error::validator::Valid;
/// use axum::routing::post;
/// use axum::Router;
/// use validator::Validate;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct NewUser {
///     #[validate(email)]
///     email: String,
/// }
///
/// async fn create_user(Valid(user): Valid<NewUser>) -> String {
///     // `user` is valid here.
///     user.email
/// }
///
/// let app: Router = Router::new().route("/users", post(create_user));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Valid<T>(pub T);

#[cfg(feature = "axum")]
impl<T, S> axum::extract::FromRequest<S> for Valid<T>
where
    T: serde::de::DeserializeOwned + Validate,
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
    T: serde::de::DeserializeOwned + Validate + 'static,
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
