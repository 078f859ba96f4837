//! The cases the benchmarks measure, and their baselines, shared by the
//! criterion benches and the instruction-count and paired-timing drivers.

use std::fmt;
use std::hint::black_box;

use api_error::format::{Flat, Format};
use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue};
use api_error::{ApiError, parse_json};
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

/// The inputs of every case, built once; and every case and its baseline by
/// name, for the drivers that pick a case at run time.
pub struct Inputs {
    /// A JSON `Content-Type`, for `parse_json`.
    pub headers: HeaderMap,
    /// [`invalid`]'s body.
    pub invalid: String,
    /// The error the render and response cases write.
    pub err: UserError,
}

/// A case run once on the inputs, its result dropped through `black_box`.
pub type Case = fn(&Inputs);

/// The comparisons the budgets name: what, our case, its baseline.
pub const COMPARISONS: [(&str, &str, &str); 4] = [
    ("body render vs serde limit", "render-flat", "render-serde"),
    ("response vs axum json!", "response-flat", "response-axum"),
    (
        "parse valid vs serde_json",
        "parse-valid",
        "serde-json-valid",
    ),
    (
        "parse invalid vs path_to_error",
        "parse-invalid",
        "path-to-error-invalid",
    ),
];

impl Inputs {
    pub fn new() -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Inputs {
            headers,
            invalid: invalid(),
            err: UserError::AlreadyExists {
                id: "ada-lovelace-1815".into(),
            },
        }
    }

    /// The case called `name`, if there is one.
    pub fn case(name: &str) -> Option<Case> {
        Some(match name {
            "parse-valid" => |inputs| {
                let parsed = parse_json::<Order>(&inputs.headers, black_box(VALID.as_bytes()));
                drop(black_box(parsed));
            },
            "serde-json-valid" => |_| {
                let parsed = serde_json::from_slice::<Order>(black_box(VALID.as_bytes()));
                drop(black_box(parsed));
            },
            "parse-invalid" => |inputs| {
                let body = black_box(inputs.invalid.as_bytes());
                let err = parse_json::<Order>(&inputs.headers, body).err();
                drop(black_box(err.map(|err| err.message())));
            },
            "path-to-error-invalid" => |inputs| {
                let body = black_box(inputs.invalid.as_bytes());
                let mut deserializer = serde_json::Deserializer::from_slice(body);
                let err = serde_path_to_error::deserialize::<_, Order>(&mut deserializer).err();
                drop(black_box(err.map(|err| err.path().to_string())));
            },
            "render-flat" => |inputs| drop(black_box(Flat::render(black_box(&inputs.err)))),
            "render-serde" => |_| drop(black_box(hand_written(black_box("ada-lovelace-1815")))),
            "response-flat" => |inputs| drop(black_box(Flat::response(black_box(&inputs.err)))),
            "response-axum" => |_| drop(black_box(axum_json(black_box("ada-lovelace-1815")))),
            _ => return None,
        })
    }
}
