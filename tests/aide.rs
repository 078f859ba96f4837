//! aide's `OperationOutput` for derived errors: a handler returning
//! `Result<T, E>` documents `E`'s responses as utoipa's `IntoResponses`
//! does (the same builder makes both); the axum extractors document their
//! body, parameters and rejections; `api_error::aide::errors` narrows an
//! operation to a `subset!`; and the README's aide example, served over
//! HTTP, answers and documents itself with a valid OpenAPI document.

use aide::OperationOutput;
use aide::axum::ApiRouter;
use aide::axum::routing::{get, post, put_with};
use aide::openapi::{OpenApi, Operation};
use api_error::ApiError;
use api_error::axum::{Json, Path, Query};
use api_error::format::{Format, Problem};
use serde_json::{Value, json};
use utoipa::IntoResponses;

#[allow(dead_code)] // `main`, which serves on a fixed port
#[path = "../examples/aide_signup.rs"]
mod aide_signup;

#[path = "support/openapi_validator.rs"]
mod openapi_validator;
use openapi_validator::assert_valid_openapi;

#[allow(dead_code)]
#[derive(Debug, ApiError)]
enum OrderError {
    /// Too many orders at once.
    #[api(
        status = 429,
        message = "Too many orders; retry in {retry_after} seconds."
    )]
    TooManyOrders {
        #[api(retry_after, example = 30)]
        retry_after: u64,
        #[api(extension, example = 10)]
        limit: u32,
    },
    /// No such order.
    #[api(status = 404, message = "No order {0}.")]
    NotFound(#[api(example = 7)] u64),
    /// The order was cancelled.
    #[api(status = 409)]
    Cancelled,
    #[api(transparent)]
    Request(#[from] api_error::RequestError),
}

/// `E`'s responses as aide infers them, as JSON by status.
fn inferred<E: OperationOutput>() -> Vec<(u16, Value)> {
    let responses =
        aide::generate::in_context(|ctx| E::inferred_responses(ctx, &mut Operation::default()));
    responses
        .into_iter()
        .map(|(status, response)| {
            let status = status.expect("a status for every response");
            (status, serde_json::to_value(response).expect("JSON"))
        })
        .collect()
}

#[test]
fn derived_errors_document_the_responses_utoipa_documents() {
    let aide = inferred::<OrderError>();
    let utoipa = serde_json::to_value(OrderError::responses()).expect("JSON");
    let statuses: Vec<u16> = aide.iter().map(|(status, _)| *status).collect();
    assert_eq!(statuses, [400, 401, 404, 405, 406, 409, 413, 415, 422, 429]);
    for (status, response) in &aide {
        let theirs = &utoipa[status.to_string()];
        assert_eq!(response["description"], theirs["description"], "{status}");
        assert_eq!(response["content"], theirs["content"], "{status}");
        let names = |response: &Value| -> Vec<String> {
            let headers = response["headers"].as_object().cloned().unwrap_or_default();
            headers.keys().cloned().collect()
        };
        assert_eq!(names(response), names(theirs), "{status}");
    }
}

#[test]
fn responses_carry_examples_extension_members_and_headers() {
    let aide = inferred::<OrderError>();
    let (_, slow) = aide
        .iter()
        .find(|(status, _)| *status == 429)
        .expect("a 429");
    assert_eq!(slow["headers"]["Retry-After"]["example"], 30);
    assert_eq!(
        slow["headers"]["Retry-After"]["schema"],
        json!({"type": "integer"})
    );
    let content = &slow["content"]["application/problem+json"];
    assert_eq!(content["schema"]["properties"]["limit"]["type"], "integer");
    assert_eq!(
        content["examples"]["too_many_orders"]["value"],
        serde_json::from_slice::<Value>(&Problem::render(&OrderError::TooManyOrders {
            retry_after: 30,
            limit: 10
        }))
        .expect("JSON")
    );
    let (_, unauthorized) = aide
        .iter()
        .find(|(status, _)| *status == 401)
        .expect("a 401");
    assert_eq!(
        unauthorized["headers"]["WWW-Authenticate"]["examples"]["invalid_authorization_header"]["value"],
        "Bearer error=\"invalid_request\""
    );
}

#[derive(serde::Deserialize, schemars::JsonSchema)]
#[allow(dead_code)]
struct NewOrder {
    sku: String,
    quantity: u32,
}

#[derive(serde::Deserialize, schemars::JsonSchema)]
#[allow(dead_code)]
struct OrderId {
    id: u64,
}

#[derive(serde::Deserialize, schemars::JsonSchema)]
#[allow(dead_code)]
struct Paging {
    page: Option<u32>,
}

/// Only the errors of the order API's own, without `RequestError`.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
enum OwnError {
    #[api(status = 409, message = "Sold out.")]
    SoldOut,
    #[api(status = 400, message = "Not on sale.")]
    NotOnSale,
}

async fn create(Json(_): Json<NewOrder>) -> Result<Json<u64>, OwnError> {
    Ok(Json(7))
}

async fn show(Path(_): Path<OrderId>, Query(_): Query<Paging>) -> Result<Json<u64>, OrderError> {
    Err(OrderError::Cancelled)
}

async fn cancel(Path(_): Path<OrderId>) -> Result<Json<u64>, OrderError> {
    Err(OrderError::Cancelled)
}

api_error::subset!(
    CancelErrors = OrderError {
        NotFound,
        Cancelled
    }
);

/// The document of a small order API, and its operations.
fn orders_document() -> (Value, String) {
    let mut api = OpenApi::default();
    api.info.title = "Orders".to_owned();
    api.info.version = "1".to_owned();
    let _: axum::Router = ApiRouter::new()
        .api_route("/orders", post(create))
        .api_route(
            "/orders/{id}",
            get(show).merge(put_with(cancel, api_error::aide::errors::<CancelErrors>)),
        )
        .finish_api(&mut api);
    let text = serde_json::to_string_pretty(&api).expect("JSON");
    (serde_json::from_str(&text).expect("JSON"), text)
}

fn statuses(responses: &Value) -> Vec<&str> {
    let responses = responses.as_object().expect("responses");
    responses.keys().map(String::as_str).collect()
}

#[test]
fn extractors_document_the_request_and_its_rejections() {
    let (document, _) = orders_document();
    let create = &document["paths"]["/orders"]["post"];
    let body = &create["requestBody"]["content"]["application/json"]["schema"];
    assert!(body.is_object(), "{create}");
    assert!(
        create["requestBody"]["required"]
            .as_bool()
            .expect("required")
    );
    // The handler's error type has a 400 of its own, which stands; the
    // body's other rejections come from `RequestError`.
    let responses = &create["responses"];
    assert_eq!(statuses(responses), ["200", "400", "409", "413", "415"]);
    let bad_request = responses["400"]["content"]["application/problem+json"]["examples"]
        .as_object()
        .expect("examples");
    assert_eq!(bad_request.keys().collect::<Vec<_>>(), ["not_on_sale"]);
    assert_eq!(
        responses["415"]["content"]["application/problem+json"]["examples"]["unsupported_media_type"]
            ["value"]["detail"],
        "Unsupported media type \"application/xml\" in request."
    );

    let show = &document["paths"]["/orders/{id}"]["get"];
    let parameters: Vec<(&str, &str)> = show["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|parameter| {
            (
                parameter["name"].as_str().expect("a name"),
                parameter["in"].as_str().expect("a place"),
            )
        })
        .collect();
    assert_eq!(parameters, [("id", "path"), ("page", "query")]);
}

/// A body both validation crates check, for their extractors.
#[cfg(all(feature = "validator", feature = "garde"))]
#[derive(serde::Deserialize, schemars::JsonSchema, validator::Validate, garde::Validate)]
#[allow(dead_code)]
struct Restock {
    #[validate(length(min = 1))]
    #[garde(length(min = 1))]
    sku: String,
}

#[cfg(all(feature = "validator", feature = "garde"))]
#[test]
fn the_validating_extractors_document_the_body_and_validation_failed() {
    async fn by_validator(_: api_error::validator::Valid<Restock>) -> Result<Json<u64>, OwnError> {
        Ok(Json(1))
    }
    async fn by_garde(_: api_error::garde::Valid<Restock>) -> Result<Json<u64>, OwnError> {
        Ok(Json(1))
    }
    let mut api = OpenApi::default();
    api.info.title = "Restocking".to_owned();
    api.info.version = "1".to_owned();
    let _: axum::Router = ApiRouter::new()
        .api_route("/validator", post(by_validator))
        .api_route("/garde", post(by_garde))
        .finish_api(&mut api);
    let text = serde_json::to_string_pretty(&api).expect("JSON");
    assert_valid_openapi("restocking", &text);
    let document: Value = serde_json::from_str(&text).expect("JSON");
    for path in ["/validator", "/garde"] {
        let operation = &document["paths"][path]["post"];
        assert!(
            operation["requestBody"]["content"]["application/json"]["schema"].is_object(),
            "{operation}"
        );
        let responses = &operation["responses"];
        assert_eq!(
            statuses(responses),
            ["200", "400", "409", "413", "415", "422"],
            "{path}"
        );
        let example = &responses["422"]["content"]["application/problem+json"]["examples"]["validation_failed"]
            ["value"];
        assert_eq!(
            example["detail"], "The request body failed validation in 2 fields.",
            "{path}"
        );
    }
}

#[test]
fn errors_narrows_an_operation_to_a_subset() {
    let (document, _) = orders_document();
    let cancel = &document["paths"]["/orders/{id}"]["put"]["responses"];
    assert_eq!(statuses(cancel), ["200", "404", "409"]);
    assert_eq!(
        cancel["404"]["content"]["application/problem+json"]["examples"]["not_found"]["value"]["detail"],
        "No order 7."
    );
    // The operation beside it keeps every error of its type.
    let show = &document["paths"]["/orders/{id}"]["get"]["responses"];
    assert!(statuses(show).contains(&"429"));
}

#[test]
fn the_document_is_valid_openapi() {
    let (_, text) = orders_document();
    assert_valid_openapi("orders-aide", &text);
}

#[tokio::test]
async fn the_readme_example_answers_and_documents_itself() {
    let (app, _) = aide_signup::app();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::new();

    let taken = client
        .post(format!("http://{address}/signup"))
        .header("content-type", "application/json")
        .body(r#"{"email": "ada@example.com"}"#)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(taken.status(), 409);
    let taken: Value = taken.json().await.expect("JSON");

    let text = client
        .get(format!("http://{address}/openapi.json"))
        .send()
        .await
        .expect("the server answers")
        .text()
        .await
        .expect("a body");
    server.abort();
    assert_valid_openapi("aide_signup", &text);
    let document: Value = serde_json::from_str(&text).expect("JSON");
    let responses = &document["paths"]["/signup"]["post"]["responses"];
    assert_eq!(
        statuses(responses),
        [
            "200", "400", "401", "404", "405", "406", "409", "413", "415", "422"
        ]
    );
    // The documented example is the body the server sent.
    assert_eq!(
        responses["409"]["content"]["application/problem+json"]["examples"]["email_taken"]["value"],
        taken
    );
}
