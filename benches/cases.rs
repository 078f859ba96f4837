//! The cases the benchmarks measure, and their baselines, shared by the
//! criterion benches and the instruction-count driver.

use std::fmt;

use api_error::ApiError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// An error whose message has one placeholder.
#[derive(Debug, ApiError)]
pub enum UserError {
    #[api(
        status = 409,
        code = "user_already_exists",
        message = "The user {id} you're trying to create already exists."
    )]
    AlreadyExists { id: String },
}

/// The same body written by hand, as fast as serde allows: the message
/// streamed with `collect_str` into a presized `Vec`, no intermediate
/// `String`.
pub fn hand_written(id: &str) -> Vec<u8> {
    struct Body<'a>(&'a str);
    struct Message<'a>(&'a str);
    impl fmt::Display for Message<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "The user {} you're trying to create already exists.",
                self.0
            )
        }
    }
    impl Serialize for Body<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            struct Collect<'a>(Message<'a>);
            impl Serialize for Collect<'_> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.collect_str(&self.0)
                }
            }
            let mut body = serializer.serialize_struct("Body", 2)?;
            body.serialize_field("error", "user_already_exists")?;
            body.serialize_field("message", &Collect(Message(self.0)))?;
            body.end()
        }
    }
    let mut out = Vec::with_capacity(128);
    if serde_json::to_writer(&mut out, &Body(id)).is_err() {
        out.clear();
    }
    out
}

/// axum's usual way of answering with an error.
pub fn axum_json(id: &str) -> axum::response::Response {
    (
        StatusCode::CONFLICT,
        Json(serde_json::json!({
            "error": "user_already_exists",
            "message": format!("The user {id} you're trying to create already exists."),
        })),
    )
        .into_response()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Order {
    id: u64,
    customer: Customer,
    items: Vec<Item>,
    notes: Option<String>,
    express: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Customer {
    name: String,
    email: String,
    address: Address,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Address {
    street: String,
    city: String,
    zip: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    sku: String,
    quantity: u32,
    price: f64,
    tags: Vec<String>,
}

/// A valid `Order`, pretty-printed as a client might send it.
pub const VALID: &str = r#"{
  "id": 90210,
  "customer": {
    "name": "Ada Lovelace",
    "email": "ada@example.com",
    "address": {"street": "12 St James's Square", "city": "London", "zip": "SW1Y 4JH"}
  },
  "items": [
    {"sku": "ANALYTICAL-ENGINE", "quantity": 1, "price": 1842.5, "tags": ["engine", "brass"]},
    {"sku": "PUNCH-CARDS", "quantity": 500, "price": 0.25, "tags": ["cards"]},
    {"sku": "NOTES", "quantity": 3, "price": 12.0, "tags": []}
  ],
  "notes": "Leave with the porter.",
  "express": true
}"#;

/// `VALID` with a string where the last item's quantity goes.
pub fn invalid() -> String {
    VALID.replace(r#""quantity": 3"#, r#""quantity": "three""#)
}
