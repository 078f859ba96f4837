//! The `garde` feature: garde's reports as sub-errors (exact paths through
//! nested structs, lists and map keys, the default code, garde's messages,
//! a fixed order), the paths in the names the client sent, contexts, and
//! the `Valid` extractor over real HTTP on axum and actix-web.

use std::collections::{BTreeMap, HashMap};

use api_error::format::{Format, Standard};
use api_error::garde::{CODE, Valid};
use api_error::{ApiError, FieldErrors, FieldPath, RequestError};
use garde::Validate;
use serde::Deserialize;
use serde_json::{Value, json};
use validation::{Row, rows};

#[path = "support/servers.rs"]
mod servers;
#[path = "support/validation.rs"]
mod validation;

/// Rows of the default code, from paths and messages.
fn expected(rows: &[(&str, &str)]) -> Vec<Row> {
    rows.iter()
        .map(|&(path, message)| (path.to_owned(), CODE.to_owned(), message.to_owned()))
        .collect()
}

#[derive(Debug, Deserialize, Validate)]
struct Order {
    #[garde(dive)]
    customer: Customer,
    #[garde(dive)]
    items: Vec<Item>,
    #[garde(dive)]
    gifts: HashMap<String, Item>,
    #[garde(inner(length(min = 2)))]
    tags: Vec<String>,
    #[garde(dive)]
    shipping: Option<Address>,
}

#[derive(Debug, Deserialize, Validate)]
struct Customer {
    #[garde(dive)]
    email: Email,
    #[garde(length(min = 2, max = 50))]
    name: String,
}

/// A newtype, read by serde as its field: garde names it so only when it
/// is transparent.
#[derive(Debug, Deserialize, Validate)]
#[garde(transparent)]
struct Email(#[garde(contains("@"))] String);

#[derive(Debug, Deserialize, Validate)]
struct Item {
    #[garde(length(min = 1))]
    sku: String,
    #[garde(range(min = 1, max = 99))]
    quantity: u32,
}

#[derive(Debug, Deserialize, Validate)]
struct Address {
    #[garde(ascii)]
    zip: String,
}

const ORDER: &str = r#"{
    "customer": {"email": "ada", "name": "A"},
    "items": [{"sku": "A-1", "quantity": 1}, {"sku": "", "quantity": 100}],
    "gifts": {"for.bob": {"sku": "", "quantity": 1}, "ada": {"sku": "G", "quantity": 0}},
    "tags": ["ok", "x"],
    "shipping": {"zip": "75\u00e9"}
}"#;

#[test]
fn nested_structs_lists_and_map_keys_have_exact_paths() {
    let order: Order = serde_json::from_str(ORDER).unwrap();
    let errors = FieldErrors::from(order.validate().unwrap_err());
    assert_eq!(
        rows(errors.as_slice()),
        expected(&[
            ("customer.email", "does not contain \"@\""),
            ("customer.name", "length is lower than 2"),
            ("gifts.ada.quantity", "lower than 1"),
            // The key's own `.` shows in the dotted form; the steps and
            // the pointer keep it apart.
            ("gifts.for.bob.sku", "length is lower than 1"),
            ("items[1].quantity", "greater than 99"),
            ("items[1].sku", "length is lower than 1"),
            ("shipping.zip", "not ascii"),
            ("tags[1]", "length is lower than 2"),
        ])
    );
    let key = errors.as_slice()[3].path().unwrap();
    assert_eq!(
        key,
        &FieldPath::new()
            .field("gifts")
            .field("for.bob")
            .field("sku")
    );
    assert_eq!(key.pointer().to_string(), "#/gifts/for.bob/sku");
    assert_eq!(
        errors.as_slice()[4].path().unwrap().pointer().to_string(),
        "#/items/1/quantity"
    );
}

#[test]
fn the_order_is_by_path_whatever_the_hash_maps_say() {
    // garde visits a `HashMap` in its own order, new for each map.
    validation::assert_one_order(|| {
        let order: Order = serde_json::from_str(ORDER).unwrap();
        FieldErrors::from(order.validate().unwrap_err())
    });
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[garde(contains("@"))]
    email_address: String,
    #[garde(length(min = 8))]
    pass_word: String,
    #[garde(dive)]
    billing_address: Billing,
    #[garde(length(min = 1))]
    r#type: String,
    #[garde(dive)]
    gift_cards: BTreeMap<String, Billing>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
struct Billing {
    #[garde(length(min = 5, max = 5))]
    zip_code: String,
}

#[test]
fn rename_all_maps_the_rust_names_to_those_the_client_sent() {
    let signup: Signup = serde_json::from_str(
        r#"{"emailAddress": "ada", "passWord": "short", "billingAddress": {"ZIP-CODE": "1"},
            "type": "", "giftCards": {"zip_code": {"ZIP-CODE": "2"}}}"#,
    )
    .unwrap();
    // The report alone knows only the Rust names (raw ones as garde
    // writes them).
    let rust: Vec<String> = FieldErrors::from(signup.validate().unwrap_err())
        .iter()
        .map(|error| error.path().unwrap().to_string())
        .collect();
    assert_eq!(
        rust,
        [
            "billing_address.zip_code",
            "email_address",
            "gift_cards.zip_code.zip_code",
            "pass_word",
            "r#type"
        ]
    );
    let err = api_error::garde::validate(&signup).unwrap_err();
    assert_eq!(err.status(), 422);
    assert_eq!(err.code(), "validation_failed");
    assert_eq!(
        err.message(),
        "The request body failed validation in 5 fields."
    );
    assert_eq!(
        rows(err.errors()),
        expected(&[
            ("billingAddress.ZIP-CODE", "length is lower than 5"),
            ("emailAddress", "does not contain \"@\""),
            // A map's key is the client's, whatever it looks like.
            ("giftCards.zip_code.ZIP-CODE", "length is lower than 5"),
            ("passWord", "length is lower than 8"),
            ("type", "length is lower than 1"),
        ])
    );
}

/// Renamed one by one: to a name a `rename_all` rule makes from the Rust
/// name, which is found, and to one no rule makes, which is not.
#[derive(Debug, Deserialize, Validate)]
struct Contact {
    #[serde(rename = "phoneNumber")]
    #[garde(length(min = 5))]
    phone_number: String,
    #[serde(rename = "mail")]
    #[garde(contains("@"))]
    email_address: String,
}

/// The way around: the Rust field named as the client names it.
#[derive(Debug, Deserialize, Validate)]
struct NamedAsSent {
    #[garde(contains("@"))]
    mail: String,
}

#[test]
fn a_field_renamed_to_an_unrelated_name_keeps_its_rust_name() {
    let contact: Contact = serde_json::from_str(r#"{"phoneNumber": "1", "mail": "ada"}"#).unwrap();
    let err = api_error::garde::validate(&contact).unwrap_err();
    assert_eq!(
        rows(err.errors()),
        expected(&[
            // The limitation: `mail` cannot be told from the type.
            ("email_address", "does not contain \"@\""),
            ("phoneNumber", "length is lower than 5"),
        ])
    );

    let contact: NamedAsSent = serde_json::from_str(r#"{"mail": "ada"}"#).unwrap();
    let err = api_error::garde::validate(&contact).unwrap_err();
    assert_eq!(
        rows(err.errors()),
        expected(&[("mail", "does not contain \"@\"")])
    );
}

#[test]
fn every_sub_error_has_the_default_code_and_garde_s_message() {
    assert_eq!(CODE, "invalid");
    let mut report = garde::Report::new();
    report.append(
        garde::Path::new("items").join(2).join("sku"),
        garde::Error::new("Give the item's SKU."),
    );
    report.append(garde::Path::empty(), garde::Error::new("Too many items."));
    let errors = FieldErrors::from(report);
    assert_eq!(
        rows(errors.as_slice()),
        expected(&[
            ("", "Too many items."),
            ("items[2].sku", "Give the item's SKU.")
        ])
    );

    let customer: Customer = serde_json::from_str(r#"{"email": "ada", "name": "A"}"#).unwrap();
    let err = api_error::garde::validate(&customer).unwrap_err();
    assert!(matches!(err, RequestError::ValidationFailed { .. }));
    assert_eq!(
        err.message(),
        "The request body failed validation in 2 fields."
    );
    // Seed 002's shape: one item per problem, each with its field.
    assert_eq!(
        Standard::render(&err),
        br#"{"type":"validation_error","errors":[{"code":"invalid","detail":"does not contain \"@\"","attr":"email"},{"code":"invalid","detail":"length is lower than 2","attr":"name"}]}"#
    );
    let valid: Customer =
        serde_json::from_str(r#"{"email": "ada@example.com", "name": "Ada"}"#).unwrap();
    assert_eq!(api_error::garde::validate(&valid), Ok(()));
}

/// A context: the most items an order may hold.
#[derive(Debug)]
struct Limits {
    max_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_items: 2 }
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[garde(context(Limits))]
struct Basket {
    #[garde(custom(within_limits))]
    product_ids: Vec<String>,
}

fn within_limits(ids: &[String], limits: &Limits) -> garde::Result {
    if ids.len() > limits.max_items {
        return Err(garde::Error::new(format!(
            "Holds more than {} products.",
            limits.max_items
        )));
    }
    Ok(())
}

#[test]
fn a_context_of_the_caller_s_or_its_default() {
    let basket: Basket = serde_json::from_str(r#"{"productIds": ["a", "b", "c"]}"#).unwrap();
    let err = api_error::garde::validate(&basket).unwrap_err();
    assert_eq!(
        rows(err.errors()),
        expected(&[("productIds", "Holds more than 2 products.")])
    );
    let err = api_error::garde::validate_with(&basket, &Limits { max_items: 1 }).unwrap_err();
    assert_eq!(
        rows(err.errors()),
        expected(&[("productIds", "Holds more than 1 products.")])
    );
    assert_eq!(
        api_error::garde::validate_with(&basket, &Limits { max_items: 3 }),
        Ok(())
    );
}

// Over HTTP: a body the extractor reads, then validates.

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NewOrder {
    #[garde(contains("@"))]
    customer_email: String,
    #[garde(dive)]
    line_items: Vec<LineItem>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LineItem {
    #[garde(length(min = 1))]
    sku: String,
    #[garde(range(min = 1, max = 99))]
    unit_count: u32,
}

async fn create(Valid(order): Valid<NewOrder>) -> String {
    validation::receipt(order.line_items.len(), &order.customer_email)
}

/// `Basket`'s rules ask for a context, whose default `Valid` uses.
async fn fill(Valid(basket): Valid<Basket>) -> String {
    format!("{} products", basket.product_ids.len())
}

/// The answer to `validation::INVALID`: every problem, at the path the client
/// sent.
fn three_problems() -> Value {
    json!([
        {"code": "invalid", "detail": "does not contain \"@\"", "pointer": "#/customerEmail"},
        {"code": "invalid", "detail": "length is lower than 1", "pointer": "#/lineItems/1/sku"},
        {"code": "invalid", "detail": "lower than 1", "pointer": "#/lineItems/1/unitCount"},
    ])
}

/// The cases of `validation::check`, and a basket at `/baskets`, validated
/// with its context's default.
async fn check_server(address: std::net::SocketAddr) {
    validation::check(address, &three_problems()).await;
    let answer =
        validation::post_json(address, "/baskets", r#"{"productIds": ["a", "b", "c"]}"#).await;
    assert_eq!(answer.status, 422, "{answer:?}");
    assert_eq!(
        answer.body["detail"],
        "The request body failed validation in 1 field."
    );
    assert_eq!(
        answer.body["errors"],
        json!([{"code": "invalid", "detail": "Holds more than 2 products.", "pointer": "#/productIds"}])
    );
    let answer = validation::post_json(address, "/baskets", r#"{"productIds": ["a"]}"#).await;
    assert_eq!((answer.status, answer.body), (200, json!("1 products")));
}

#[actix_web::test]
async fn the_extractor_on_axum() {
    let router = validation::axum_routes(create).route("/baskets", axum::routing::post(fill));
    let served = servers::axum(router).await;
    check_server(served.address).await;
}

#[actix_web::test]
async fn the_extractor_on_actix_web() {
    use actix_web::web;

    let served = servers::actix(|config| {
        validation::actix_routes(config, create);
        config.service(web::resource("/baskets").route(web::post().to(fill)));
    });
    check_server(served.address).await;
    served.stop().await;
}

/// With both features, each crate's extractor validates its own types,
/// side by side in one app.
#[cfg(feature = "validator")]
#[actix_web::test]
async fn validator_and_garde_side_by_side() {
    use axum::routing::post;

    #[derive(Debug, Deserialize, validator::Validate)]
    struct ByValidator {
        #[validate(length(min = 3))]
        name: String,
    }
    async fn by_validator(
        api_error::validator::Valid(body): api_error::validator::Valid<ByValidator>,
    ) -> String {
        body.name
    }
    let router = axum::Router::new()
        .route("/validator", post(by_validator))
        .route("/garde", post(create));
    let served = servers::axum(router).await;
    let answer = validation::post_json(served.address, "/validator", r#"{"name": "Al"}"#).await;
    assert_eq!(answer.status, 422, "{answer:?}");
    assert_eq!(
        answer.body["errors"],
        json!([{"code": "length", "detail": "Must be at least 3 characters long.", "pointer": "#/name"}])
    );
    let answer = validation::post_json(served.address, "/garde", validation::INVALID).await;
    assert_eq!(answer.status, 422, "{answer:?}");
    assert_eq!(answer.body["errors"], three_problems());
}
