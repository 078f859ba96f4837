//! OpenAPI responses (feature `utoipa`).
//!
//! Every derived error implements utoipa's `IntoResponses`: list the type in
//! `#[utoipa::path(responses(...))]` and the operation documents one response
//! per status the type can produce, each with the body schema of the format
//! the errors render with and a named example per code.
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
//!     #[api(status = 409, code = "user_already_exists")]
//!     AlreadyExists,
//!     #[api(status = 401, code = "user_not_found")]
//!     NotFound,
//! }
//!
//! let responses = UserError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["401", "409"]);
//! let json = serde_json::to_value(&responses["409"]).unwrap();
//! assert_eq!(
//!     json["content"]["application/json"]["examples"]["user_already_exists"]["value"],
//!     serde_json::json!({"error": "user_already_exists", "message": "Conflict"})
//! );
//! ```

use std::collections::BTreeMap;

use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{Schema, Type};
use utoipa::openapi::{ObjectBuilder, RefOr};

use crate::catalog::{Catalog, Item};
use crate::format::{DynFormat, default_format};
use crate::status::reason_phrase;

/// The responses of every entry of `catalog`, one per status; what the
/// derived `IntoResponses` impls call.
pub fn responses(catalog: &Catalog) -> crate::__private::utoipa::Responses {
    let mut by_status: BTreeMap<u16, Vec<&Item>> = BTreeMap::new();
    for item in catalog {
        by_status
            .entry(item.entry().status().as_u16())
            .or_default()
            .push(item);
    }
    by_status
        .into_iter()
        .map(|(status, items)| (status.to_string(), RefOr::T(response(&items).build())))
        .collect()
}

/// The response of one status: a content per format, an example per code.
fn response(items: &[&Item]) -> ResponseBuilder {
    let mut response = ResponseBuilder::new().description(description(items));
    let mut formats: Vec<DynFormat> = Vec::new();
    for item in items {
        let format = format_of(item);
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    for format in formats {
        let mut content = ContentBuilder::new().schema(schema(format));
        for item in items.iter().filter(|item| format_of(item) == format) {
            let entry = item.entry();
            let value = serde_json::from_slice(&entry.example_body(format)).ok();
            let mut example = ExampleBuilder::new().summary(entry.title()).value(value);
            if !entry.description().is_empty() {
                example = example.description(entry.description());
            }
            content = content.examples_from_iter([(entry.code(), example)]);
        }
        let content_type = String::from_utf8_lossy(format.content_type().as_bytes()).into_owned();
        response = response.content(content_type, content.build());
    }
    for name in header_names(items) {
        let header = HeaderBuilder::new()
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .build();
        response = response.header(name, header);
    }
    response
}

/// The format an item's errors render with when the caller names none.
fn format_of(item: &Item) -> DynFormat {
    item.format().unwrap_or_else(default_format)
}

/// `Conflict`, then each code with its title (where it says more than the
/// reason phrase) and its description.
fn description(items: &[&Item]) -> String {
    let Some(first) = items.first() else {
        return String::new();
    };
    let reason = reason_phrase(first.entry().status());
    let mut text = reason.to_owned();
    for item in items {
        let entry = item.entry();
        text.push_str(&format!("\n\n- `{}`", entry.code()));
        if entry.title() != reason {
            text.push_str(&format!(" ({})", entry.title()));
        }
        let description: Vec<&str> = entry.description().split_whitespace().collect();
        if !description.is_empty() {
            text.push_str(": ");
            text.push_str(&description.join(" "));
        }
    }
    text
}

/// The format's body schema, as OpenAPI holds it.
fn schema(format: DynFormat) -> Option<RefOr<Schema>> {
    serde_json::from_str::<Schema>(format.json_schema())
        .ok()
        .map(RefOr::T)
}

/// The headers the items send, once each.
fn header_names(items: &[&Item]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for item in items {
        let entry = item.entry();
        let challenge =
            (entry.status() == http::StatusCode::UNAUTHORIZED).then_some("WWW-Authenticate");
        let own = entry.headers().iter().copied();
        for name in challenge.into_iter().chain(own) {
            if !names.iter().any(|known| known.eq_ignore_ascii_case(name)) {
                names.push(name.to_owned());
            }
        }
    }
    names
}
