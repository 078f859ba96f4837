//! What the tests of the `validator` and `garde` features share: sub-errors
//! as rows, the check that a report's order is one, and what they send to
//! their servers (`servers.rs` serves them) and expect alike: an order of
//! line items (`NewOrder`, declared by each test with its crate's rules: a
//! `customerEmail` with an `@`, a `lineItems` list of a `sku` of one
//! character or more and a `unitCount` from 1 to 99), served at `/orders`,
//! and at `/few` with one problem listed.

// Each test file uses some of it.
#![allow(dead_code)]

use std::net::SocketAddr;

use api_error::{FieldError, FieldErrors, JsonParser};
use serde_json::{Value, json};

/// A sub-error as the tests write it: its dotted path, code and message.
pub type Row = (String, String, String);

/// The row of each of `errors`.
pub fn rows(errors: &[FieldError]) -> Vec<Row> {
    errors
        .iter()
        .map(|error| {
            let path = error.path().map(ToString::to_string).unwrap_or_default();
            (path, error.code().to_owned(), error.message().to_owned())
        })
        .collect()
}

/// Checks that `convert`, run again and again on reports of the same
/// value (whose hash maps differ each time), gives the same sub-errors,
/// sorted by path.
pub fn assert_one_order(convert: impl Fn() -> FieldErrors) {
    let first = convert();
    for _ in 0..20 {
        assert_eq!(convert(), first);
    }
    let paths: Vec<_> = first.iter().map(|error| error.path().cloned()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

/// A response as the tests read it: its status, content type and body,
/// as JSON if it is.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Value,
}

/// Posts `body` to `path` of the server at `address` with `content_type`.
pub async fn post(address: SocketAddr, path: &str, content_type: &str, body: &str) -> Answer {
    let response = reqwest::Client::new()
        .post(format!("http://{address}{path}"))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer {
        status,
        content_type,
        body,
    }
}

/// Posts `body` to `path` as `application/json`.
pub async fn post_json(address: SocketAddr, path: &str, body: &str) -> Answer {
    post(address, path, "application/json", body).await
}

/// A body that fails validation in three fields.
pub const INVALID: &str = r#"{"customerEmail": "ada", "lineItems": [{"sku": "A-1", "unitCount": 1}, {"sku": "", "unitCount": 0}]}"#;

/// What a handler answers to a valid order: `1 line for ada@example.com`.
pub fn receipt(lines: usize, email: &str) -> String {
    format!("{lines} line for {email}")
}

/// Sends the cases both crates' servers answer alike; `problems` is the
/// `errors` member of the answer to [`INVALID`], in the problem+json
/// format.
pub async fn check(address: SocketAddr, problems: &Value) {
    let answer = post_json(
        address,
        "/orders",
        r#"{"customerEmail": "ada@example.com", "lineItems": [{"sku": "A-1", "unitCount": 2}]}"#,
    )
    .await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(answer.body, "1 line for ada@example.com");

    let answer = post_json(address, "/orders", INVALID).await;
    assert_eq!(answer.status, 422, "{answer:?}");
    assert_eq!(answer.content_type, "application/problem+json");
    assert_eq!(answer.body["code"], "validation_failed");
    assert_eq!(
        answer.body["detail"],
        "The request body failed validation in 3 fields."
    );
    assert_eq!(&answer.body["errors"], problems);

    // A body with a problem of its own and an invalid value gets the
    // body's problem: there is no value to validate.
    let answer = post_json(
        address,
        "/orders",
        r#"{"customerEmail": "ada", "lineItems": [{"sku": "", "unitCount": -1}]}"#,
    )
    .await;
    assert_eq!(answer.status, 400, "{answer:?}");
    assert_eq!(answer.body["code"], "invalid_field");
    assert_eq!(
        answer.body["detail"],
        "lineItems[0].unitCount is invalid: expected an integer from 0 to 4294967295, found the number -1."
    );
    assert_eq!(answer.body.get("errors"), None);
    let answer = post_json(
        address,
        "/orders",
        r#"{"customerEmail": "ada", "lineItems": [{"sku": 7, "unitCount": 0}], "coupon": "X"}"#,
    )
    .await;
    assert_eq!(answer.status, 400, "{answer:?}");
    assert_eq!(answer.body["code"], "invalid_fields");
    let codes: Vec<&Value> = answer.body["errors"]
        .as_array()
        .expect("sub-errors")
        .iter()
        .map(|error| &error["code"])
        .collect();
    assert_eq!(codes, ["invalid_field", "unexpected_field"]);

    // The parser's count of listed problems applies to validation's too.
    let answer = post_json(address, "/few", INVALID).await;
    assert_eq!(answer.status, 422, "{answer:?}");
    assert_eq!(
        answer.body["detail"],
        "The request body failed validation in 3 fields."
    );
    assert_eq!(answer.body["errors"], json!([problems[0]]));

    let answer = post(address, "/orders", "text/plain", INVALID).await;
    assert_eq!(answer.status, 415, "{answer:?}");
}

/// The axum routes: `create` at `/orders`, and at `/few` with a parser
/// that lists one problem.
pub fn axum_routes<H, T>(create: H) -> axum::Router
where
    H: axum::handler::Handler<T, ()>,
    T: 'static,
{
    use axum::routing::post;
    axum::Router::new()
        .route("/orders", post(create.clone()))
        .route(
            "/few",
            post(create).layer(axum::Extension(JsonParser::new().max_errors(1))),
        )
}

/// The actix-web routes, as [`axum_routes`].
pub fn actix_routes<F, Args>(config: &mut actix_web::web::ServiceConfig, create: F)
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    use actix_web::web;
    config
        .service(web::resource("/orders").route(web::post().to(create.clone())))
        .service(
            web::resource("/few")
                .app_data(JsonParser::new().max_errors(1))
                .route(web::post().to(create)),
        );
}
