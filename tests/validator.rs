//! The `validator` feature: validator's reports as sub-errors (exact paths
//! through nested structs, lists and maps, codes, messages and their
//! defaults, a fixed order), the paths in the names the client sent, and
//! the `Valid` extractor over real HTTP on axum and actix-web.

use std::collections::BTreeMap;

use api_error::format::{Format, Standard};
use api_error::validator::Valid;
use api_error::{ApiError, FieldErrors, RequestError};
use serde::Deserialize;
use serde_json::{Value, json};
use validation::{Row, rows};
use validator::{Validate, ValidationError, ValidationErrors};

#[path = "support/servers.rs"]
mod servers;
#[path = "support/validation.rs"]
mod validation;

/// Rows from paths, codes and messages.
fn expected(rows: &[(&str, &str, &str)]) -> Vec<Row> {
    rows.iter()
        .map(|&(path, code, message)| (path.to_owned(), code.to_owned(), message.to_owned()))
        .collect()
}

#[derive(Debug, Deserialize, Validate)]
struct Order {
    #[validate(nested)]
    customer: Customer,
    #[validate(nested)]
    items: Vec<Item>,
    #[validate(nested)]
    prices: BTreeMap<String, Price>,
}

#[derive(Debug, Deserialize, Validate)]
struct Customer {
    #[validate(email)]
    email: String,
    #[validate(length(min = 2, max = 50))]
    name: String,
}

#[derive(Debug, Deserialize, Validate)]
struct Item {
    #[validate(length(min = 1))]
    sku: String,
    #[validate(range(min = 1, max = 99))]
    quantity: u32,
}

#[derive(Debug, Deserialize, Validate)]
struct Price {
    #[validate(range(min = 0.01))]
    amount: f64,
}

const ORDER: &str = r#"{
    "customer": {"email": "ada", "name": "A"},
    "items": [{"sku": "A-1", "quantity": 1}, {"sku": "", "quantity": 100}],
    "prices": {"A-1": {"amount": 2.5}, "B-2": {"amount": 0}}
}"#;

#[test]
fn nested_structs_lists_and_maps_have_exact_paths() {
    let order: Order = serde_json::from_str(ORDER).unwrap();
    let errors = FieldErrors::from(order.validate().unwrap_err());
    assert_eq!(
        rows(errors.as_slice()),
        expected(&[
            ("customer.email", "email", "Must be an email address."),
            (
                "customer.name",
                "length",
                "Must be 2 to 50 characters long."
            ),
            (
                "items[1].quantity",
                "range",
                "Must be at least 1 and at most 99."
            ),
            (
                "items[1].sku",
                "length",
                "Must be at least 1 character long."
            ),
            // validator names a map's entry by its place: `B-2` is the
            // second key of the `BTreeMap`.
            ("prices[1].amount", "range", "Must be at least 0.01."),
        ])
    );
    let pointers: Vec<String> = errors
        .iter()
        .map(|error| error.path().unwrap().pointer().to_string())
        .collect();
    assert_eq!(pointers[2], "#/items/1/quantity");
}

#[test]
fn the_order_is_by_path_whatever_the_hash_maps_say() {
    // validator's report is a hash map, in a new order each time.
    validation::assert_one_order(|| {
        let order: Order = serde_json::from_str(ORDER).unwrap();
        FieldErrors::from(order.validate().unwrap_err())
    });
}

#[derive(Debug, Deserialize, Validate)]
#[validate(schema(function = "nights_in_order", skip_on_field_errors = false))]
struct Stay {
    #[validate(length(min = 1))]
    guest: String,
    from: u32,
    to: u32,
}

fn nights_in_order(stay: &Stay) -> Result<(), ValidationError> {
    if stay.from < stay.to {
        Ok(())
    } else {
        Err(ValidationError::new("nights_out_of_order"))
    }
}

#[test]
fn a_list_body_and_errors_of_a_whole_struct() {
    // A struct's own errors are at its path: the list's element here, the
    // body itself below.
    let stays: Vec<Stay> = serde_json::from_str(
        r#"[{"guest": "ada", "from": 3, "to": 5}, {"guest": "", "from": 5, "to": 3}]"#,
    )
    .unwrap();
    let errors = FieldErrors::from(stays.validate().unwrap_err());
    assert_eq!(
        rows(errors.as_slice()),
        expected(&[
            (
                "[1]",
                "nights_out_of_order",
                "Failed validation: nights_out_of_order."
            ),
            ("[1].guest", "length", "Must be at least 1 character long."),
        ])
    );

    let stay: Stay = serde_json::from_str(r#"{"guest": "ada", "from": 5, "to": 3}"#).unwrap();
    let err = api_error::validator::validate(&stay).unwrap_err();
    assert_eq!(err.errors()[0].path(), None);
    assert_eq!(
        err.message(),
        "The request body failed validation in 1 field."
    );
    assert_eq!(
        Standard::render(&err),
        br#"{"type":"validation_error","errors":[{"code":"nights_out_of_order","detail":"Failed validation: nights_out_of_order.","attr":null}]}"#
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[validate(email)]
    email_address: String,
    #[validate(length(min = 8))]
    pass_word: String,
    #[validate(nested)]
    billing_address: Address,
    #[validate(length(min = 1))]
    r#type: String,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct Address {
    #[validate(length(equal = 5))]
    zip_code: String,
}

#[test]
fn rename_all_maps_the_rust_names_to_those_the_client_sent() {
    let signup: Signup = serde_json::from_str(
        r#"{"emailAddress": "ada", "passWord": "short", "billingAddress": {"ZIP_CODE": "1"}, "type": ""}"#,
    )
    .unwrap();
    // The report alone knows only the Rust names.
    let rust: Vec<String> = FieldErrors::from(signup.validate().unwrap_err())
        .iter()
        .map(|error| error.path().unwrap().to_string())
        .collect();
    assert_eq!(
        rust,
        [
            "billing_address.zip_code",
            "email_address",
            "pass_word",
            "type"
        ]
    );
    let err = api_error::validator::validate(&signup).unwrap_err();
    assert_eq!(err.status(), 422);
    assert_eq!(err.code(), "validation_failed");
    assert_eq!(
        err.message(),
        "The request body failed validation in 4 fields."
    );
    assert_eq!(
        rows(err.errors()),
        expected(&[
            (
                "billingAddress.ZIP_CODE",
                "length",
                "Must be exactly 5 characters long."
            ),
            ("emailAddress", "email", "Must be an email address."),
            ("passWord", "length", "Must be at least 8 characters long."),
            ("type", "length", "Must be at least 1 character long."),
        ])
    );
}

/// Renamed one by one: to a name a `rename_all` rule makes from the Rust
/// name, which is found, and to one no rule makes, which is not.
#[derive(Debug, Deserialize, Validate)]
struct Contact {
    #[serde(rename = "phoneNumber")]
    #[validate(length(min = 5))]
    phone_number: String,
    #[serde(rename = "mail")]
    #[validate(email)]
    email_address: String,
}

/// The way around: the Rust field named as the client names it.
#[derive(Debug, Deserialize, Validate)]
struct NamedAsSent {
    #[validate(email)]
    mail: String,
}

#[test]
fn a_field_renamed_to_an_unrelated_name_keeps_its_rust_name() {
    let contact: Contact = serde_json::from_str(r#"{"phoneNumber": "1", "mail": "ada"}"#).unwrap();
    let err = api_error::validator::validate(&contact).unwrap_err();
    assert_eq!(
        rows(err.errors()),
        expected(&[
            // The limitation: `mail` cannot be told from the type.
            ("email_address", "email", "Must be an email address."),
            (
                "phoneNumber",
                "length",
                "Must be at least 5 characters long."
            ),
        ])
    );

    let contact: NamedAsSent = serde_json::from_str(r#"{"mail": "ada"}"#).unwrap();
    let err = api_error::validator::validate(&contact).unwrap_err();
    assert_eq!(
        rows(err.errors()),
        expected(&[("mail", "email", "Must be an email address.")])
    );
}

/// The message of a report with one error of `code` and `params`.
fn message(code: &'static str, params: &[(&'static str, Value)]) -> String {
    let mut error = ValidationError::new(code);
    for (name, value) in params {
        error.add_param((*name).into(), value);
    }
    let mut report = ValidationErrors::new();
    report.add("field", error);
    FieldErrors::from(report).as_slice()[0].message().to_owned()
}

#[test]
fn default_messages_say_what_each_rule_asks() {
    let text = || ("value", json!("hunter2"));
    let cases = [
        (
            message("length", &[("min", json!(3)), text()]),
            "Must be at least 3 characters long.",
        ),
        (
            message("length", &[("max", json!(1)), text()]),
            "Must be at most 1 character long.",
        ),
        (
            message("length", &[("min", json!(3)), ("max", json!(20)), text()]),
            "Must be 3 to 20 characters long.",
        ),
        (
            message("length", &[("equal", json!(5)), text()]),
            "Must be exactly 5 characters long.",
        ),
        (
            message("length", &[("min", json!(1)), ("value", json!([]))]),
            "Must have at least 1 item.",
        ),
        (
            message("length", &[("max", json!(10)), ("value", json!({"a": 1}))]),
            "Must have at most 10 items.",
        ),
        (
            message("length", &[("min", json!(3))]),
            "Its length must be at least 3.",
        ),
        (message("length", &[]), "Has a length out of range."),
        (
            message("range", &[("min", json!(1))]),
            "Must be at least 1.",
        ),
        (
            message("range", &[("max", json!(99.5))]),
            "Must be at most 99.5.",
        ),
        (
            message(
                "range",
                &[("exclusive_min", json!(0)), ("exclusive_max", json!(100))],
            ),
            "Must be greater than 0 and less than 100.",
        ),
        (message("range", &[]), "Is out of range."),
        (message("email", &[text()]), "Must be an email address."),
        (message("url", &[text()]), "Must be a URL."),
        (message("ip", &[text()]), "Must be an IP address."),
        (
            message("credit_card", &[text()]),
            "Must be a credit card number.",
        ),
        (
            message("non_control_character", &[text()]),
            "Must not contain control characters.",
        ),
        (
            message("contains", &[("needle", json!("@")), text()]),
            "Must contain \"@\".",
        ),
        (
            message("does_not_contain", &[("needle", json!("admin")), text()]),
            "Must not contain \"admin\".",
        ),
        (
            message("contains", &[]),
            "Must contain the text it was given.",
        ),
        (
            message("regex", &[text()]),
            "Must match the expected format.",
        ),
        (
            message("must_match", &[("other", json!("hunter3")), text()]),
            "Must match the other field.",
        ),
        (message("required", &[]), "This field is required."),
        (
            message("min_age", &[("min", json!(18)), ("value", json!(12))]),
            "Failed validation: min_age (min: 18).",
        ),
        (
            message(
                "not_shipped",
                &[("country", json!("FR")), ("zone", json!([1, 2])), text()],
            ),
            "Failed validation: not_shipped (country: FR, zone: [1,2]).",
        ),
        (message("no_params", &[]), "Failed validation: no_params."),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
        // Never the client's value: it could be a password.
        assert!(!got.contains("hunter"), "{got}");
    }
}

#[derive(Debug, Deserialize, Validate)]
struct Profile {
    #[validate(length(min = 3, code = "too_short"))]
    handle: String,
    #[validate(length(min = 3, message = "Pick a longer name."))]
    name: String,
    #[validate(length(min = 1), contains(pattern = "@"))]
    email: String,
}

#[test]
fn codes_and_messages_of_the_rules_are_kept() {
    let profile: Profile =
        serde_json::from_str(r#"{"handle": "a", "name": "b", "email": ""}"#).unwrap();
    let err = api_error::validator::validate(&profile).unwrap_err();
    // Two problems of `email`, in the order of its rules: one field.
    assert_eq!(
        err.message(),
        "The request body failed validation in 3 fields."
    );
    assert_eq!(
        rows(err.errors()),
        expected(&[
            ("email", "length", "Must be at least 1 character long."),
            ("email", "contains", "Must contain \"@\"."),
            (
                "handle",
                "too_short",
                "Failed validation: too_short (min: 3)."
            ),
            ("name", "length", "Pick a longer name."),
        ])
    );
}

#[test]
fn validation_failed_renders_as_a_validation_error() {
    let customer: Customer = serde_json::from_str(r#"{"email": "ada", "name": "A"}"#).unwrap();
    let err = api_error::validator::validate(&customer).unwrap_err();
    assert!(matches!(err, RequestError::ValidationFailed { .. }));
    assert_eq!(
        err.message(),
        "The request body failed validation in 2 fields."
    );
    // Seed 002's shape: one item per problem, each with its field.
    assert_eq!(
        Standard::render(&err),
        br#"{"type":"validation_error","errors":[{"code":"email","detail":"Must be an email address.","attr":"email"},{"code":"length","detail":"Must be 2 to 50 characters long.","attr":"name"}]}"#
    );
    let valid: Customer =
        serde_json::from_str(r#"{"email": "ada@example.com", "name": "Ada"}"#).unwrap();
    assert_eq!(api_error::validator::validate(&valid), Ok(()));
}

// Over HTTP: a body the extractor reads, then validates.

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NewOrder {
    #[validate(email)]
    customer_email: String,
    #[validate(nested)]
    line_items: Vec<LineItem>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LineItem {
    #[validate(length(min = 1))]
    sku: String,
    #[validate(range(min = 1, max = 99))]
    unit_count: u32,
}

async fn create(Valid(order): Valid<NewOrder>) -> String {
    validation::receipt(order.line_items.len(), &order.customer_email)
}

/// The answer to `validation::INVALID`: every problem, at the path the client
/// sent.
fn three_problems() -> Value {
    json!([
        {"code": "email", "detail": "Must be an email address.", "pointer": "#/customerEmail"},
        {"code": "length", "detail": "Must be at least 1 character long.", "pointer": "#/lineItems/1/sku"},
        {"code": "range", "detail": "Must be at least 1 and at most 99.", "pointer": "#/lineItems/1/unitCount"},
    ])
}

#[actix_web::test]
async fn the_extractor_on_axum() {
    let served = servers::axum(validation::axum_routes(create)).await;
    validation::check(served.address, &three_problems()).await;
}

#[actix_web::test]
async fn the_extractor_on_actix_web() {
    let served = servers::actix(|config| validation::actix_routes(config, create));
    validation::check(served.address, &three_problems()).await;
    served.stop().await;
}
