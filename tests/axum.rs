//! The axum integration: derived errors as responses, the extractors'
//! rejections, and axum's own errors rendered by `render_errors`.

use api_error::axum::{Json, not_found, render_errors};
use api_error::format::{Format, Problem};
use api_error::{ApiError, JsonParser};
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Deserialize;
use tower::ServiceExt;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(status = 409, message = "The user {0} already exists.")]
    Exists(String),
    #[api(status = 429)]
    Limited(#[api(retry_after)] u32),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    name: String,
}

async fn send(app: Router, request: Request) -> (StatusCode, header::HeaderMap, String) {
    let response = app.oneshot(request).await.expect("the router answers");
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .expect("a body");
    (
        parts.status,
        parts.headers,
        String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    )
}

fn json_request(method: &str, uri: &str, body: &'static str) -> Request {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .expect("a request")
}

#[tokio::test]
async fn derived_errors_are_responses() {
    let response: Response = AppError::Exists("ada".into()).into_response();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let response = AppError::Limited(30).into_response();
    assert_eq!(response.headers()[header::RETRY_AFTER], "30");
    let body = axum::body::to_bytes(
        AppError::Exists("ada".into()).into_response().into_body(),
        1024,
    )
    .await
    .expect("a body");
    assert_eq!(
        &body[..],
        &Problem::render(&AppError::Exists("ada".into()))[..]
    );
}

#[tokio::test]
async fn the_json_extractor_rejects_with_request_errors() {
    async fn create(Json(user): Json<NewUser>) -> Result<Json<String>, AppError> {
        Err(AppError::Exists(user.name))
    }
    let app = Router::new().route("/users", post(create));

    let (status, _, body) = send(
        app.clone(),
        json_request("POST", "/users", r#"{"name": "ada"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("The user ada already exists."));

    let (status, _, body) = send(
        app.clone(),
        json_request("POST", "/users", r#"{"nme": "ada"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r##"{"type":"about:blank","title":"Bad Request","status":400,"detail":"The request body has 2 invalid fields.","code":"invalid_fields","errors":[{"code":"unexpected_field","detail":"nme is not a valid field name for this request. Expected 1 required field: name.","pointer":"#/nme"},{"code":"missing_field","detail":"name is missing.","pointer":"#/name"}]}"##
    );

    let request = Request::builder()
        .method("POST")
        .uri("/users")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("ada"))
        .expect("a request");
    let (status, _, body) = send(app.clone(), request).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(body.contains(r#"Unsupported media type \"text/plain\" in request."#));
}

#[tokio::test]
async fn the_json_extractor_takes_its_limit_from_the_request() {
    async fn create(Json(user): Json<NewUser>) -> String {
        user.name
    }
    let app = Router::new()
        .route("/users", post(create))
        .layer(axum::Extension(JsonParser::new().limit(16)));
    let (status, _, body) = send(
        app.clone(),
        json_request("POST", "/users", r#"{"name": "ada"}"#),
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ada"));
    let (status, _, body) = send(
        app,
        json_request("POST", "/users", r#"{"name": "ada lovelace"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body.contains("The request body is larger than the limit of 16 bytes."));
}

/// axum's own `Path` and `Query` rejections convert into request errors in
/// the client's terms; `Path` and `Query` of this crate, which say more,
/// are checked in `params.rs`.
#[tokio::test]
async fn axum_path_and_query_rejections_convert_in_client_terms() {
    use axum::extract::rejection::{PathRejection, QueryRejection};
    #[derive(Deserialize)]
    struct Item {
        id: u32,
    }
    #[derive(Deserialize)]
    struct Page {
        size: u8,
    }
    async fn show(
        item: Result<axum::extract::Path<Item>, PathRejection>,
        page: Result<axum::extract::Query<Page>, QueryRejection>,
    ) -> Result<String, api_error::RequestError> {
        Ok(format!("{}/{}", item?.id, page?.size))
    }
    let app = Router::new().route("/items/{id}", get(show));
    let get = |uri: &str| {
        Request::builder()
            .uri(uri)
            .body(Body::empty())
            .expect("a request")
    };

    let (status, _, body) = send(app.clone(), get("/items/7?size=10")).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "7/10"));
    let (status, _, body) = send(app.clone(), get("/items/seven?size=10")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let value: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(value["code"], "invalid_field");
    assert_eq!(value["pointer"], "#/id");
    assert_eq!(
        value["detail"],
        r#"id is invalid: expected an integer from 0 to 4294967295, found the string "seven"."#
    );
    let (status, _, body) = send(app, get("/items/7?size=big")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let value: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(value["code"], "invalid_request");
    assert_eq!(value["detail"], "The request query is invalid.");
}

#[tokio::test]
async fn render_errors_rewrites_what_axum_answers_itself() {
    async fn echo(axum::Json(value): axum::Json<serde_json::Value>) -> String {
        value.to_string()
    }
    async fn conflict() -> AppError {
        AppError::Exists("ada".into())
    }
    #[derive(Deserialize)]
    struct Page {
        size: u8,
    }
    async fn create(axum::Json(user): axum::Json<NewUser>) -> String {
        user.name
    }
    async fn item(
        axum::extract::Path(id): axum::extract::Path<u32>,
        axum::extract::Query(page): axum::extract::Query<Page>,
    ) -> String {
        format!("{id}/{}", page.size)
    }
    let app = Router::new()
        .route("/echo", put(echo))
        .route("/users", post(create))
        .route("/items/{id}", get(item))
        .route("/conflict", get(conflict))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(render_errors));

    // 405 from method routing, keeping axum's `Allow`.
    let request = Request::builder()
        .method("PATCH")
        .uri("/echo")
        .body(Body::empty())
        .expect("a request");
    let (status, headers, body) = send(app.clone(), request).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers[header::ALLOW], "PUT");
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"Method \"PATCH\" not allowed.","code":"method_not_allowed"}"#
    );

    // 404 from the fallback.
    let request = Request::builder()
        .uri("/nowhere")
        .body(Body::empty())
        .expect("a request");
    let (status, _, body) = send(app.clone(), request).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains(r#""code":"not_found""#));

    // The rejections of axum's own `Json`.
    let request = Request::builder()
        .method("PUT")
        .uri("/echo")
        .header(header::CONTENT_TYPE, "application/xml")
        .body(Body::from("<a/>"))
        .expect("a request");
    let (status, _, body) = send(app.clone(), request).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(body.contains(r#"Unsupported media type \"application/xml\" in request."#));
    let (status, headers, body) = send(app.clone(), json_request("PUT", "/echo", "{")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    assert!(body.contains(r#""code":"invalid_request""#));

    // Each rejection of axum's own extractors by its kind, in the client's
    // terms: never the Rust type axum names, nor where its parser stopped.
    for (request, detail) in [
        (
            json_request("PUT", "/echo", "{"),
            "The request body is not valid JSON.",
        ),
        (
            json_request("POST", "/users", r#"{"name": 5}"#),
            "The request body is valid JSON, but not the value this endpoint takes.",
        ),
        (
            json_request("GET", "/items/seven?size=1", ""),
            "The request path is invalid.",
        ),
        (
            json_request("GET", "/items/7?size=big", ""),
            "The request query is invalid.",
        ),
    ] {
        let uri = request.uri().to_string();
        let (status, _, body) = send(app.clone(), request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        let value: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(value["code"], "invalid_request", "{uri}");
        assert_eq!(value["detail"], detail, "{uri}");
    }

    // Errors already rendered pass unchanged.
    let request = Request::builder()
        .uri("/conflict")
        .body(Body::empty())
        .expect("a request");
    let (status, _, body) = send(app, request).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body.as_bytes(),
        Problem::render(&AppError::Exists("ada".into()))
    );
}

#[tokio::test]
async fn generic_errors_are_responses() {
    #[derive(Debug, ApiError)]
    enum Wrapped<E: ApiError> {
        #[api(transparent)]
        Inner(E),
        #[api(status = 503)]
        Down,
    }
    let inner: Wrapped<AppError> = Wrapped::Inner(AppError::Exists("ada".into()));
    let response = inner.into_response();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = axum::body::to_bytes(response.into_body(), 1024)
        .await
        .expect("a body");
    assert_eq!(
        &body[..],
        &Problem::render(&AppError::Exists("ada".into()))[..]
    );
    let down: Wrapped<AppError> = Wrapped::Down;
    assert_eq!(
        down.into_response().status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
}
