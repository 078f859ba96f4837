//! The cases the benchmarks measure, and their baselines, shared by the
//! criterion benches and the instruction-count and paired-timing drivers.
//!
//! The comparisons ([`COMPARISONS`]), each against its baseline in the same
//! run, with SPEC's budgets:
//!
//! - render: the `Flat` body, within 1.0× a hand-written `Serialize` (the
//!   serde limit; stretch 0.7×);
//! - response: the whole response, at least 3× faster than axum's `json!`;
//! - parse valid: `parse_json` of [`VALID`], within 1.1×
//!   `serde_json::from_slice`;
//! - parse one problem: `parse_json` of [`invalid`] and its message, within
//!   2× `serde_path_to_error` and its path;
//! - parse ten problems: `parse_json` of [`ten`], all ten listed, with the
//!   message and each listed message, within 3× `serde_path_to_error`
//!   finding the first and its path;
//! - parse unknown keys: `parse_json` of [`unknown_keys`] (2 MiB, 100,000
//!   members) into [`Settings`], with the message and each listed message,
//!   within 10× `serde_json::from_slice::<serde_json::Value>` of the same
//!   bytes.
//!
//! [`Inputs::check`] makes sure each case and its baseline agree on what
//! they parse; every driver calls it once before timing.

use std::fmt::{self, Write as _};
use std::hint::black_box;

#[cfg(feature = "context")]
use std::sync::Arc;

#[cfg(feature = "context")]
use api_error::context::{self, Context, RequestId};
use api_error::format::{Flat, Format};
use api_error::http::header::CONTENT_TYPE;
use api_error::http::{HeaderMap, HeaderValue};
use api_error::request::DEFAULT_LIMIT;
#[cfg(feature = "context")]
use api_error::translations::Translations;
use api_error::{ApiError, FieldError, RequestError, parse_json};
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

/// [`invalid`] with nine more problems after its first, each one wrong
/// value or one unknown key (no field goes missing), ten in all, in body
/// order:
///
/// 1. `items[2].quantity`, a string (`invalid_field`: [`invalid`]'s);
/// 2. `items[2].price`, a string (`invalid_field`);
/// 3. `items[2].tags[0]`, a number (`invalid_field`);
/// 4. `items[2].gift`, not a field of `Item` (`unexpected_field`);
/// 5. to 8. `items[3]`, a fourth item with every field wrong: `sku` a
///    number, `quantity` negative, `price` a string, `tags` a string
///    (`invalid_field` each);
/// 9. `notes`, a number (`invalid_field`);
/// 10. `express`, a string (`invalid_field`).
pub fn ten() -> String {
    invalid()
        .replace(r#""price": 12.0"#, r#""price": "12.0""#)
        .replace(
            r#""tags": []}"#,
            r#""tags": [12], "gift": true},
    {"sku": 4, "quantity": -1, "price": "free", "tags": "none"}"#,
        )
        .replace(r#""notes": "Leave with the porter.""#, r#""notes": 7"#)
        .replace(r#""express": true"#, r#""express": "yes""#)
}

/// A small struct that takes no member it does not name. Its fields are
/// optional, so an unknown key is a body's only kind of problem.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Settings {
    theme: Option<String>,
    page_size: Option<u32>,
}

/// The members of [`unknown_keys`]'s body.
pub const UNKNOWN_KEYS: usize = 100_000;

/// The length of [`unknown_keys`]'s body: 20 bytes a member (with its
/// comma), the braces, less the first comma. An eighth digit in the names
/// would take it past [`DEFAULT_LIMIT`] (2 MiB).
pub const UNKNOWN_KEYS_LEN: usize = 20 * UNKNOWN_KEYS + 1;

/// An object of [`UNKNOWN_KEYS`] members, `"unknown_0000000":1` to
/// `"unknown_0099999":1`, none of them a field of [`Settings`].
pub fn unknown_keys() -> String {
    let mut body = String::with_capacity(UNKNOWN_KEYS_LEN);
    body.push('{');
    for i in 0..UNKNOWN_KEYS {
        let comma = if i == 0 { "" } else { "," };
        // Writing to a `String` does not fail.
        let _ = write!(body, r#"{comma}"unknown_{i:07}":1"#);
    }
    body.push('}');
    body
}

/// The baseline of the bodies with problems: `serde_path_to_error` reading
/// `body` as an [`Order`], and the path of its first problem.
pub fn first_problem_path(body: &[u8]) -> Option<String> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize::<_, Order>(&mut deserializer)
        .err()
        .map(|err| err.path().to_string())
}

/// The lengths of `err`'s message and of every sub-error's message it
/// lists, each read through `black_box`: the messages a response of it
/// writes.
pub fn messages_len(err: &RequestError) -> usize {
    let mut len = black_box(err.message()).len();
    for sub in err.errors() {
        len += black_box(sub.message()).len();
    }
    len
}

/// The inputs of every case, built once; and every case and its baseline by
/// name, for the drivers that pick a case at run time.
pub struct Inputs {
    /// A JSON `Content-Type`, for `parse_json`.
    pub headers: HeaderMap,
    /// [`invalid`]'s body.
    pub invalid: String,
    /// [`ten`]'s body.
    pub ten: String,
    /// [`unknown_keys`]'s body.
    pub unknown_keys: String,
    /// The error the render and response cases write.
    pub err: UserError,
    /// A request's context as the layer makes it: an id, negotiation, and
    /// translations in which the request chose the default language.
    #[cfg(feature = "context")]
    pub request: Context,
    /// The same, the request having chosen French.
    #[cfg(feature = "context")]
    pub french: Context,
}

/// A case run once on the inputs, its result dropped through `black_box`.
pub type Case = fn(&Inputs);

/// The comparisons the budgets name (see the module's documentation): what,
/// our case, its baseline.
pub const COMPARISONS: [(&str, &str, &str); 6] = [
    ("body render vs serde limit", "render-flat", "render-serde"),
    ("response vs axum json!", "response-flat", "response-axum"),
    (
        "parse valid vs serde_json",
        "parse-valid",
        "serde-json-valid",
    ),
    (
        "parse one problem vs path_to_error",
        "parse-invalid",
        "path-to-error-invalid",
    ),
    (
        "parse ten problems vs path_to_error",
        "parse-ten",
        "path-to-error-ten",
    ),
    (
        "parse unknown keys vs Value",
        "parse-unknown-keys",
        "value-unknown-keys",
    ),
];

/// With the feature `context` (which turns on `api-error/axum`, for the
/// task-local context): the render and the response inside a request's
/// context, beside the same outside any. Not budgeted themselves: what the
/// context adds to the budgeted cases.
#[cfg(feature = "context")]
pub const IN_A_REQUEST: [(&str, &str, &str); 3] = [
    (
        "render in a request vs outside",
        "render-request",
        "render-flat",
    ),
    (
        "render in French vs outside",
        "render-french",
        "render-flat",
    ),
    (
        "response in French vs outside",
        "response-french",
        "response-flat",
    ),
];

/// Every comparison this build measures: [`COMPARISONS`], then, with the
/// feature `context`, `IN_A_REQUEST`.
pub fn comparisons() -> Vec<(&'static str, &'static str, &'static str)> {
    let all = COMPARISONS.to_vec();
    #[cfg(feature = "context")]
    let all = [all, IN_A_REQUEST.to_vec()].concat();
    all
}

/// The context of a request with an id, negotiating, with translations
/// into French, in which it chose French or English.
#[cfg(feature = "context")]
fn request_context(french: bool) -> Context {
    let translations = Translations::new("en", UserError::catalog())
        .and_then(|translations| {
            translations.add(
                "fr",
                [(
                    "user_already_exists".to_owned(),
                    "L'utilisateur {id} que vous essayez de créer existe déjà.".to_owned(),
                )],
            )
        })
        .expect("the translation fits the message");
    let languages: &[u8] = if french { b"fr-CA, en;q=0.5" } else { b"en" };
    let locale = translations.choose([languages]);
    assert_eq!(locale.is_some(), french);
    let id = RequestId::parse("4bf92f3577b34da6a3ce929d0e0e4736").expect("an id");
    Context::new()
        .with_request_id(id)
        .with_accept(None)
        .with_translations(Arc::new(translations), locale)
}

impl Inputs {
    pub fn new() -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let unknown_keys = unknown_keys();
        assert_eq!(unknown_keys.len(), UNKNOWN_KEYS_LEN);
        assert!(unknown_keys.len() <= DEFAULT_LIMIT);
        Inputs {
            headers,
            invalid: invalid(),
            ten: ten(),
            unknown_keys,
            err: UserError::AlreadyExists {
                id: "ada-lovelace-1815".into(),
            },
            #[cfg(feature = "context")]
            request: request_context(false),
            #[cfg(feature = "context")]
            french: request_context(true),
        }
    }

    /// Panics unless each parse case and its baseline agree on what they
    /// parse, or the comparison would mean nothing. Every driver calls it
    /// once, before timing.
    pub fn check(&self) {
        let headers = &self.headers;

        // In a request, the body has its id, and in French its message.
        #[cfg(feature = "context")]
        {
            let render = |context: &Context| {
                let body = context::sync_scope(context.clone(), || Flat::render(&self.err));
                String::from_utf8(body).expect("UTF-8")
            };
            let english = render(&self.request);
            assert!(english.contains("already exists."), "{english}");
            assert!(
                english.contains("4bf92f3577b34da6a3ce929d0e0e4736"),
                "{english}"
            );
            let french = render(&self.french);
            assert!(french.contains("existe déjà."), "{french}");
        }

        let valid = VALID.as_bytes();
        assert!(parse_json::<Order>(headers, valid).is_ok());
        assert!(serde_json::from_slice::<Order>(valid).is_ok());

        // One problem: both find the same path.
        let ours = parse_json::<Order>(headers, self.invalid.as_bytes()).unwrap_err();
        assert_eq!(
            ours.path().map(ToString::to_string),
            first_problem_path(self.invalid.as_bytes())
        );

        // Ten problems: ours lists them all, the first where theirs stops.
        let ours = parse_json::<Order>(headers, self.ten.as_bytes()).unwrap_err();
        assert_eq!(ours.code(), "invalid_fields");
        assert_eq!(ours.message(), "The request body has 10 invalid fields.");
        assert_eq!(ours.errors().len(), 10);
        assert_eq!(
            ours.errors()
                .first()
                .and_then(FieldError::path)
                .map(ToString::to_string),
            first_problem_path(self.ten.as_bytes())
        );

        // Unknown keys: ours counts them all and lists the first 100;
        // theirs reads every member.
        let body = self.unknown_keys.as_bytes();
        let ours = parse_json::<Settings>(headers, body).unwrap_err();
        assert_eq!(ours.code(), "invalid_fields");
        assert_eq!(
            ours.message(),
            "The request body has 100000 invalid fields."
        );
        assert_eq!(ours.errors().len(), 100);
        let theirs = serde_json::from_slice::<serde_json::Value>(body).unwrap();
        assert_eq!(
            theirs.as_object().map(serde_json::Map::len),
            Some(UNKNOWN_KEYS)
        );
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
                drop(black_box(first_problem_path(black_box(
                    inputs.invalid.as_bytes(),
                ))));
            },
            "parse-ten" => |inputs| {
                let body = black_box(inputs.ten.as_bytes());
                let err = parse_json::<Order>(&inputs.headers, body).err();
                black_box(err.map(|err| messages_len(&err)));
            },
            "path-to-error-ten" => |inputs| {
                drop(black_box(first_problem_path(black_box(
                    inputs.ten.as_bytes(),
                ))));
            },
            "parse-unknown-keys" => |inputs| {
                let body = black_box(inputs.unknown_keys.as_bytes());
                let err = parse_json::<Settings>(&inputs.headers, body).err();
                black_box(err.map(|err| messages_len(&err)));
            },
            "value-unknown-keys" => |inputs| {
                let body = black_box(inputs.unknown_keys.as_bytes());
                let parsed = serde_json::from_slice::<serde_json::Value>(body);
                drop(black_box(parsed));
            },
            "render-flat" => |inputs| drop(black_box(Flat::render(black_box(&inputs.err)))),
            "render-serde" => |_| drop(black_box(hand_written(black_box("ada-lovelace-1815")))),
            "response-flat" => |inputs| drop(black_box(Flat::response(black_box(&inputs.err)))),
            "response-axum" => |_| drop(black_box(axum_json(black_box("ada-lovelace-1815")))),
            // The context cloned into the scope, as the layer moves it in.
            #[cfg(feature = "context")]
            "render-request" => |inputs| {
                let body = context::sync_scope(inputs.request.clone(), || {
                    Flat::render(black_box(&inputs.err))
                });
                drop(black_box(body));
            },
            #[cfg(feature = "context")]
            "render-french" => |inputs| {
                let body = context::sync_scope(inputs.french.clone(), || {
                    Flat::render(black_box(&inputs.err))
                });
                drop(black_box(body));
            },
            #[cfg(feature = "context")]
            "response-french" => |inputs| {
                let response = context::sync_scope(inputs.french.clone(), || {
                    Flat::response(black_box(&inputs.err))
                });
                drop(black_box(response));
            },
            _ => return None,
        })
    }
}
