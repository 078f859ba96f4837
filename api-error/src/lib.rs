//! One declaration on an error enum gives an HTTP API everything it needs
//! about that error: the status, a stable machine code, a message that is
//! safe to show to clients, and the JSON body the API documents.
//!
//! ```
//! use api_error::format::{Flat, Format, Problem};
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     /// The user you're trying to create already exists.
//!     #[api(status = 409, code = "user_already_exists",
//!           message = "The user {id} you're trying to create already exists.")]
//!     AlreadyExists { id: String },
//!
//!     #[api(status = 401, code = "user_not_found")]
//!     NotFound,
//!
//!     #[api(status = 500)] // public message: "Internal Server Error"
//!     Database(#[source] std::io::Error), // its text never reaches the client
//! }
//!
//! let err = UserError::AlreadyExists { id: "ada".into() };
//! assert_eq!(err.status(), 409);
//! assert_eq!(err.code(), "user_already_exists");
//! assert_eq!(err.message(), "The user ada you're trying to create already exists.");
//! assert_eq!(
//!     Flat::render(&err),
//!     br#"{"error":"user_already_exists","message":"The user ada you're trying to create already exists."}"#
//! );
//!
//! let err = UserError::Database(std::io::Error::other("connection refused to 10.0.0.7"));
//! assert_eq!(err.message(), "Internal Server Error");
//! assert_eq!(
//!     Problem::render(&err),
//!     br#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"database"}"#
//! );
//! ```
//!
//! - [`ApiError`] is the trait (status, code, public message, and the extras
//!   a body may carry) and, like serde's `Serialize`, the derive. The derive's
//!   documentation is the reference for `#[api(...)]`.
//! - [`format`](mod@format) holds the envelopes: [`Flat`](format::Flat) and
//!   [`Problem`](format::Problem) (RFC 9457), or your own [`Format`].
//! - [`catalog`] describes every error a type can produce, as a reference
//!   page, as a contract that tests check, and for the OpenAPI document.
//! - `client` (feature `client`) decodes error responses back, whatever
//!   their format.
//! - [`context`] is what an error rendered while serving a request knows of
//!   it: its request id, which every body, log line and response of the
//!   request carries once the framework's layer installs it.
//! - `translations` (with `axum` or `actix-web`, whose request context
//!   applies them) holds the application's translations of the messages,
//!   by locale and code, and chooses one from `Accept-Language`.
//! - [`RequestError`] answers a request that goes wrong before a handler
//!   runs, and `parse_json` (feature `parse-json`) reads a JSON body, saying
//!   exactly what is wrong and where, every problem at once; `parse_path`
//!   and `parse_query` read path and query parameters in the same words.
//!
//! # Features
//!
//! None is on by default: serving errors needs none. Three add tooling that
//! a server does not run, and that would otherwise lengthen every build:
//!
//! | feature | gives |
//! |---|---|
//! | `client` | `api_error::client`, decoding error responses in any format, and `FromRemote`, which rebuilds a derived error from one |
//! | `catalog` | the catalog as a Markdown reference page and as JSON, and the error contract check (`assert_contract!`) |
//! | `reqwest` | `client::decode_reqwest` and `client::error_for_status`: a `reqwest::Response` decoded, and rebuilt as a derived error, in one call (turns on `client`) |
//!
//! One adds the JSON body parser, the largest part of this crate to compile,
//! which servers whose framework reads bodies its own way do not need:
//!
//! | feature | gives |
//! |---|---|
//! | `parse-json` | `parse_json` and `JsonParser`: a JSON request body read into a type, with a `RequestError` for every problem, naming the field and its path; `parse_path` and `parse_query`: path and query parameters read the same way |
//!
//! One reads translations from files:
//!
//! | feature | gives |
//! |---|---|
//! | `toml` | `Translations::add_toml` (with `axum` or `actix-web`): a locale's translations read from a TOML document of `code = "template"` |
//!
//! The others make every derived type implement the matching trait, with
//! nothing to write and no dependency to add:
//!
//! | feature | gives |
//! |---|---|
//! | `axum` | `IntoResponse`; the `api_error::axum` extractors (`Json`, `Path`, `Query`), error rendering and the request context's layer, `RequestContextLayer`, for axum 0.8 (turns on `parse-json`) |
//! | `actix-web` | `ResponseError`; the `api_error::actix` extractors (`Json`, `Path`, `Query`), configs, error handlers and the request context's middleware, `RequestContext`, for actix-web 4, and the request checks on actix-web's own request types (turns on `parse-json`) |
//! | `utoipa` | `IntoResponses`: one OpenAPI response per status, with the format's schema and the errors' extension members, an example body per code, the headers they send (`api_error::utoipa`, `api_error::openapi`, `subset!`) |
//! | `aide` | `OperationOutput`, documenting the same responses in aide's OpenAPI output; `OperationInput` for the axum extractors (`api_error::aide`, `api_error::openapi`, `subset!`) |
//! | `tracing` | a log line for every error turned into a response: server errors at `error`, with their source chain |
//! | `validator` | `From` validator's reports for `FieldErrors`, with exact paths; `api_error::validator::validate`, answering 422 `validation_failed` in the names the client sent, and the `Valid` extractor for axum and actix-web |
//! | `garde` | the same for garde: `From` its reports for `FieldErrors`, `api_error::garde::validate` and `validate_with`, and the `Valid` extractor |
//!
//! # Layers
//!
//! The crate is built in three layers. A module uses its own layer and the
//! ones below it, never one above (`tests/layers.rs` checks every path that
//! names this crate; a `pub use` only says where users find a thing, and is
//! not a use):
//!
//! | layer | modules | what they hold |
//! |---|---|---|
//! | 1. the error | `error` `app` `derived` `status` `field` `headers` `message` `context` `context::request_id` `context::negotiation` `log` `catalog` `catalog::entry` `catalog::shown` `catalog::unique` `format` `format::json` `grpc` `translations` | the trait, the static data the derive emits (an entry per variant, the catalog that lists them), and what the trait's methods speak of: field paths, headers, the request context formats read, the `Format` trait and the JSON writer |
//! | 2. formats | `format::flat` `format::meta` `format::standard` `format::nested` `format::problem` `format::jsonapi` `format::google` `format::microsoft` `format::sub_errors` `format::default` | the preset envelopes, and the default format |
//! | 3. on top | `crate` `__private` `integrations` `catalog::example` `catalog::reasons` `catalog::markdown` `catalog::html` `catalog::json` `catalog::contract` `client` `client::reqwest` `format::*::decode` `request` `request::context` `axum` `actix` `openapi` `utoipa` `aide` `tonic` `validator` `garde` | the catalog's renderings, the client (with each preset's reader, kept in the preset's file so that its whole shape is in one place), request errors and the JSON body and parameter parsers, the OpenAPI responses and the framework integrations, the validation crates' reports as request errors, and the paths generated code names |
//!
//! # Public and internal text
//!
//! An error's `Display` is for logs; its [`message`](ApiError::message) is
//! for clients. A server error (5xx) without an explicit `message` shows only
//! its status's reason phrase, `Internal Server Error`: neither its `Display`
//! nor its source chain reaches a response body.

// Generated code names `::api_error`, including in this crate's own derives.
extern crate self as api_error;

pub mod app;
pub mod catalog;
#[cfg(feature = "client")]
pub mod client;
pub mod context;
pub mod format;
pub mod grpc;

pub mod headers;
pub mod request;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub mod translations;

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "garde")]
pub mod garde;
#[cfg(any(feature = "utoipa", feature = "aide"))]
pub mod openapi;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "utoipa")]
pub mod utoipa;
#[cfg(feature = "validator")]
pub mod validator;

mod derived;
mod error;
mod field;
mod integrations;
#[cfg(feature = "tracing")]
mod log;
mod message;
mod status;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use http;

pub use crate::catalog::Catalog;
pub use crate::error::ApiError;
pub use crate::field::{FieldError, FieldErrors, FieldPath, Pointer, Segment};
pub use crate::format::Format;
use crate::format::for_error;
#[cfg(feature = "parse-json")]
pub use crate::request::{JsonParser, parse_json, parse_path, parse_query};
pub use crate::request::{RequestError, accepts_json, allow_method, bearer_token};

#[doc = include_str!("derive.md")]
pub use api_error_derive::ApiError;

/// The body for `err` in the format it renders with: its type's
/// `#[api(format = ...)]`, else the application's default (see
/// [`format::set_default`]).
pub fn render(err: &dyn ApiError) -> Vec<u8> {
    for_error(err).render(err)
}

/// The whole response for `err` (status, headers and body) in the format it
/// renders with: its type's `#[api(format = ...)]`, else the application's
/// default (see [`format::set_default`]). The framework integrations send
/// errors through here.
pub fn response(err: &dyn ApiError) -> http::Response<Vec<u8>> {
    for_error(err).response(err)
}

/// The README's examples, compiled and run as doctests: they use the
/// catalog's renderings, the client (and its reqwest decoding), the body
/// parser, validation, the OpenAPI responses and tonic's statuses.
#[cfg(all(
    doctest,
    feature = "client",
    feature = "catalog",
    feature = "parse-json",
    feature = "reqwest",
    feature = "tonic",
    feature = "utoipa",
    feature = "validator"
))]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
