//! The actix-web integration: derived errors as `ResponseError`s, the `Json`
//! extractor, the configs for actix's own extractors, and `error_handlers`.

use actix_web::http::{StatusCode, header};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, ResponseError, web};
use api_error::actix::{Json, error_handlers, json_config, not_found, path_config, query_config};
use api_error::format::{Format, Problem};
use api_error::{ApiError, JsonParser};
use serde::Deserialize;

#[path = "support/servers.rs"]
mod support;

#[derive(Debug, ApiError)]
enum AppError {
    #[api(status = 409, message = "The user {0} already exists.")]
    Exists(String),
    #[api(status = 503)]
    Busy(#[api(retry_after)] u32),
    #[api(transparent)]
    Request(#[from] api_error::RequestError),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    name: String,
}

async fn create(Json(user): Json<NewUser>) -> Result<HttpResponse, AppError> {
    Err(AppError::Exists(user.name))
}

#[actix_web::test]
async fn derived_errors_are_response_errors() {
    let err = AppError::Busy(12);
    assert_eq!(err.status_code(), StatusCode::SERVICE_UNAVAILABLE);
    let response = err.error_response();
    assert_eq!(response.headers().get(header::RETRY_AFTER).unwrap(), "12");
    assert_eq!(
        response.headers().get(header::CONTENT_TYPE).unwrap(),
        "application/problem+json"
    );
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .expect("a body");
    assert_eq!(&body[..], &Problem::render(&AppError::Busy(12))[..]);
}

#[actix_web::test]
async fn the_json_extractor_rejects_with_request_errors() {
    let app = init_service(
        App::new()
            .app_data(JsonParser::new().limit(32))
            .route("/users", web::post().to(create)),
    )
    .await;
    let post = |body: &'static str| {
        TestRequest::post()
            .uri("/users")
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .set_payload(body)
            .to_request()
    };

    let response = call_service(&app, post(r#"{"name": "ada"}"#)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    let response = call_service(&app, post(r#"{"name": 5}"#)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = serde_json::from_slice(&read_body(response).await).expect("JSON");
    assert_eq!(body["code"], "invalid_field");
    assert_eq!(
        body["detail"],
        "name is invalid: expected a string, found the number 5."
    );
    assert_eq!(body["pointer"], "#/name");

    // Every problem at once.
    let response = call_service(&app, post(r#"{"nme": "ada"}"#)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = serde_json::from_slice(&read_body(response).await).expect("JSON");
    assert_eq!(body["code"], "invalid_fields");
    assert_eq!(body["detail"], "The request body has 2 invalid fields.");
    assert_eq!(
        body["errors"],
        serde_json::json!([
            {"code": "unexpected_field", "detail": "nme is not a valid field name for this request. Expected 1 required field: name.", "pointer": "#/nme"},
            {"code": "missing_field", "detail": "name is missing.", "pointer": "#/name"},
        ])
    );

    let response = call_service(
        &app,
        post(r#"{"name": "a very long name for a small limit"}"#),
    )
    .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let request = TestRequest::post()
        .uri("/users")
        .set_payload("name=ada")
        .to_request();
    let response = call_service(&app, request).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[actix_web::test]
async fn actix_extractors_and_routing_render_in_the_format() {
    #[derive(Deserialize)]
    struct Page {
        size: u8,
    }
    async fn show(
        id: web::Path<u32>,
        page: web::Query<Page>,
        body: web::Json<serde_json::Value>,
    ) -> String {
        format!("{id}/{}/{}", page.size, body.0)
    }
    async fn create_own(user: web::Json<NewUser>) -> String {
        user.0.name
    }
    let app = init_service(
        App::new()
            .wrap(error_handlers())
            .app_data(json_config())
            .app_data(path_config())
            .app_data(query_config())
            .service(web::resource("/items/{id}").route(web::put().to(show)))
            .service(web::resource("/users").route(web::put().to(create_own)))
            .default_service(web::to(not_found)),
    )
    .await;
    let put = |uri: &str, body: &'static str| {
        TestRequest::put()
            .uri(uri)
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .set_payload(body)
            .to_request()
    };
    let code = |body: &[u8]| {
        let value: serde_json::Value = serde_json::from_slice(body).expect("JSON");
        value["code"].as_str().unwrap_or_default().to_owned()
    };

    let response = call_service(&app, put("/items/7?size=3", "[1]")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(read_body(response).await, "7/3/[1]");

    // By the kind of each error, in the client's terms: never the Rust type
    // actix-web names.
    for (uri, body, detail) in [
        ("/items/seven?size=3", "[1]", "The request path is invalid."),
        ("/items/7?size=big", "[1]", "The request query is invalid."),
        (
            "/items/7?size=3",
            "[",
            "The request body ends before its JSON value does (line 1, column 1).",
        ),
        (
            "/items/7?size=3",
            "[1,]",
            "The request body is not valid JSON (line 1, column 4).",
        ),
        (
            "/users",
            r#"{"name": 5}"#,
            "The request body is valid JSON, but not the value this endpoint takes.",
        ),
    ] {
        let response = call_service(&app, put(uri, body)).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{uri} {body}");
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).unwrap(),
            "application/problem+json"
        );
        let value: serde_json::Value =
            serde_json::from_slice(&read_body(response).await).expect("JSON");
        assert_eq!(value["code"], "invalid_request", "{uri} {body}");
        assert_eq!(value["detail"], detail, "{uri} {body}");
    }

    let response = call_service(&app, TestRequest::patch().uri("/items/7").to_request()).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers().get(header::ALLOW).unwrap(), "PUT");
    assert_eq!(code(&read_body(response).await), "method_not_allowed");

    let response = call_service(&app, TestRequest::get().uri("/nowhere").to_request()).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(code(&read_body(response).await), "not_found");
}

/// The request checks and the body parser take actix-web's own request
/// types (`HttpRequest`, its `HeaderMap` and `Method`), served for real.
#[actix_web::test]
async fn request_checks_take_actix_types() {
    use actix_web::HttpRequest;
    use api_error::http::Method;
    use api_error::{accepts_json, allow_method, bearer_token, parse_json};

    async fn checked(request: HttpRequest) -> Result<String, AppError> {
        let allowed = [Method::GET, Method::PUT];
        allow_method(&request, &allowed)?;
        // The method, or the request holding it.
        allow_method(request.method(), &allowed)?;
        accepts_json(&request)?;
        let token = bearer_token(&request)?;
        assert_eq!(bearer_token(request.headers()), Ok(token));
        Ok(token.to_owned())
    }
    async fn parsed(request: HttpRequest, body: web::Bytes) -> Result<String, AppError> {
        let user: NewUser = parse_json(&request, &body)?;
        let again: NewUser = parse_json(request.headers(), &body)?;
        assert_eq!(user.name, again.name);
        Ok(user.name)
    }
    let served = support::actix(|config| {
        config
            .service(web::resource("/checked").to(checked))
            .service(web::resource("/parsed").to(parsed));
    });
    let client = reqwest::Client::new();
    let send = |request: reqwest::RequestBuilder| async move {
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let allow = response
            .headers()
            .get("allow")
            .map(|v| v.to_str().unwrap().to_owned());
        let body = response.text().await.expect("a body");
        (status, allow, body)
    };
    let code = |body: &str| {
        let value: serde_json::Value = serde_json::from_str(body).expect("JSON");
        value["code"].as_str().unwrap_or_default().to_owned()
    };

    let ok = client.get(served.url("/checked")).bearer_auth("demo-token");
    assert_eq!(send(ok).await, (200, None, "demo-token".to_owned()));
    let head = client
        .head(served.url("/checked"))
        .bearer_auth("demo-token");
    assert_eq!(send(head).await.0, 200);

    let (status, allow, body) = send(client.patch(served.url("/checked"))).await;
    assert_eq!((status, allow.as_deref()), (405, Some("GET, PUT")));
    assert_eq!(code(&body), "method_not_allowed");
    assert!(body.contains(r#"Method \"PATCH\" not allowed."#), "{body}");

    let html = client
        .get(served.url("/checked"))
        .header("accept", "text/html")
        .bearer_auth("demo-token");
    let (status, _, body) = send(html).await;
    assert_eq!((status, code(&body).as_str()), (406, "not_acceptable"));

    let (status, _, body) = send(client.get(served.url("/checked"))).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (401, "missing_authorization_header")
    );
    let basic = client
        .get(served.url("/checked"))
        .header("authorization", "Basic YWRhOmh1bnRlcjI=");
    let (status, _, body) = send(basic).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (401, "invalid_authorization_header")
    );

    let json = |body: &'static str| {
        client
            .post(served.url("/parsed"))
            .header("content-type", "application/json; charset=utf-8")
            .body(body)
    };
    assert_eq!(
        send(json(r#"{"name": "ada"}"#)).await,
        (200, None, "ada".to_owned())
    );
    let (status, _, body) = send(json(r#"{"name": 5}"#)).await;
    assert_eq!((status, code(&body).as_str()), (400, "invalid_field"));
    let xml = client
        .post(served.url("/parsed"))
        .header("content-type", "application/xml")
        .body("<a/>");
    let (status, _, body) = send(xml).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (415, "unsupported_media_type")
    );
    assert!(
        body.contains(r#"Unsupported media type \"application/xml\""#),
        "{body}"
    );
    served.stop().await;
}
