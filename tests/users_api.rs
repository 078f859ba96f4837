//! The users API of seed 000, served for real by the axum and the actix-web
//! examples on `127.0.0.1` (an ephemeral port each) and spoken to over HTTP:
//! every error of the page, with its status, headers and exact body, the
//! validation of the bodies (`validation_failed`, with every problem), and
//! a valid OpenAPI document that lists the errors of each operation, with
//! an example each.

use std::collections::BTreeSet;
use std::net::SocketAddr;

use api_error::format::{self, Flat};
use api_error_examples::users::Store;
use reqwest::Method;
use serde_json::Value;

#[path = "support/openapi_validator.rs"]
mod openapi_validator;
use openapi_validator::assert_valid_openapi;

/// One request and the response it must get.
struct Case {
    what: &'static str,
    method: Method,
    path: &'static str,
    authorization: Option<&'static str>,
    body: Option<&'static str>,
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    response: &'static str,
}

const BEARER: &[(&str, &str)] = &[("www-authenticate", "Bearer")];

const fn case(
    what: &'static str,
    method: Method,
    path: &'static str,
    authorization: Option<&'static str>,
    body: Option<&'static str>,
    status: u16,
    response: &'static str,
) -> Case {
    Case {
        what,
        method,
        path,
        authorization,
        body,
        status,
        headers: &[],
        response,
    }
}

fn cases() -> Vec<Case> {
    let demo = Some("Bearer demo-token");
    let token = |token| Some(token);
    vec![
        // The page's two examples, byte for byte.
        Case {
            headers: BEARER,
            ..case(
                "the page's missing_authorization_header example",
                Method::PUT,
                "/v1/users/123",
                None,
                Some("{\n    \"profile_picture_url\": \"https://cord.com/favicon-32x32.png\"\n  }"),
                401,
                r#"{"error":"missing_authorization_header","message":"Authorization header bearer token must be present."}"#,
            )
        },
        case(
            "the page's unexpected_field example",
            Method::PUT,
            "/v1/organizations/123",
            None,
            Some(r#"{ "foo": "bar" }"#),
            400,
            r#"{"error":"unexpected_field","message":"foo is not a valid field name for this request. Expected 3 optional fields: name, status and members."}"#,
        ),
        case(
            "invalid_request",
            Method::PUT,
            "/v1/users/123",
            demo,
            Some(r#"{"name": "#),
            400,
            r#"{"error":"invalid_request","message":"The request body ends before its JSON value does (line 1, column 9)."}"#,
        ),
        case(
            "missing_field",
            Method::POST,
            "/v1/groups",
            demo,
            Some(r#"{"id": "design"}"#),
            400,
            r#"{"error":"missing_field","message":"name is missing."}"#,
        ),
        case(
            "invalid_field",
            Method::PUT,
            "/v1/users/123",
            demo,
            Some(r#"{"name": 5}"#),
            400,
            r#"{"error":"invalid_field","message":"name is invalid: expected a string, found the number 5."}"#,
        ),
        Case {
            headers: BEARER,
            ..case(
                "application_not_found",
                Method::PUT,
                "/v1/users/123",
                token("Bearer app.unknown.ok"),
                Some("{}"),
                401,
                r#"{"error":"application_not_found","message":"The referenced application ID does not exist."}"#,
            )
        },
        Case {
            headers: BEARER,
            ..case(
                "project_not_found",
                Method::PUT,
                "/v1/users/123",
                token("Bearer project.unknown.ok"),
                Some("{}"),
                401,
                r#"{"error":"project_not_found","message":"The referenced project ID does not exist."}"#,
            )
        },
        case(
            "user_not_found",
            Method::POST,
            "/v1/groups",
            demo,
            Some(r#"{"id": "design", "name": "Design", "members": ["bob"]}"#),
            401,
            r#"{"error":"user_not_found","message":"The user bob has not been created yet."}"#,
        ),
        case(
            "group_not_found",
            Method::POST,
            "/v1/groups",
            demo,
            Some(r#"{"id": "design", "name": "Design", "parent": "marketing"}"#),
            401,
            r#"{"error":"group_not_found","message":"The group marketing has not been created yet."}"#,
        ),
        case(
            "organization_not_found",
            Method::PUT,
            "/v1/organizations/456",
            demo,
            Some("{}"),
            401,
            r#"{"error":"organization_not_found","message":"The organization 456 has not been created yet."}"#,
        ),
        Case {
            headers: &[("www-authenticate", "Bearer error=\"invalid_request\"")],
            ..case(
                "invalid_authorization_header",
                Method::PUT,
                "/v1/users/123",
                token("Token demo-token"),
                Some("{}"),
                401,
                r#"{"error":"invalid_authorization_header","message":"The Authorization header must be a bearer token: \"Bearer <token>\"."}"#,
            )
        },
        case(
            "invalid_app_token",
            Method::PUT,
            "/v1/users/123",
            token("Bearer app.demo.forged"),
            Some("{}"),
            401,
            r#"{"error":"invalid_app_token","message":"The app token is not a valid JWT or is signed incorrectly."}"#,
        ),
        case(
            "invalid_project_token",
            Method::PUT,
            "/v1/users/123",
            token("Bearer project.demo.forged"),
            Some("{}"),
            401,
            r#"{"error":"invalid_project_token","message":"The project token is not a valid JWT or is signed incorrectly."}"#,
        ),
        case(
            "invalid_customer_token",
            Method::PUT,
            "/v1/users/123",
            token("Bearer customer.demo.forged"),
            Some("{}"),
            401,
            r#"{"error":"invalid_customer_token","message":"The customer token is not a valid JWT or is signed incorrectly."}"#,
        ),
        case(
            "invalid_access_token",
            Method::PUT,
            "/v1/users/123",
            token("Bearer not-a-token"),
            Some("{}"),
            401,
            r#"{"error":"invalid_access_token","message":"The access token is invalid. You should request another one."}"#,
        ),
        case(
            "expired_access_token",
            Method::PUT,
            "/v1/users/123",
            token("Bearer expired-token"),
            Some("{}"),
            401,
            r#"{"error":"expired_access_token","message":"The access token is expired or has been revoked. You should request another one."}"#,
        ),
        case(
            "group_already_exists",
            Method::POST,
            "/v1/groups",
            demo,
            Some(r#"{"id": "engineering", "name": "Engineering"}"#),
            409,
            r#"{"error":"group_already_exists","message":"The group engineering you're trying to create already exists."}"#,
        ),
        case(
            "user_already_exists",
            Method::PUT,
            "/v1/users/bob",
            demo,
            Some(r#"{"email": "ada@example.com"}"#),
            409,
            r#"{"error":"user_already_exists","message":"A user with the email ada@example.com already exists."}"#,
        ),
        // Beyond the page: the bodies are validated. Every value that
        // breaks a rule is a sub-error, with its code, message and field.
        case(
            "validation_failed: three values break the rules",
            Method::PUT,
            "/v1/users/123",
            demo,
            Some(r#"{"name": "", "email": "ada", "profile_picture_url": "favicon.png"}"#),
            422,
            r#"{"error":"validation_failed","message":"The request body failed validation in 3 fields.","errors":[{"error":"email","message":"Must be an email address.","field":"email"},{"error":"length","message":"Must be 1 to 100 characters long.","field":"name"},{"error":"url","message":"Must be a URL.","field":"profile_picture_url"}]}"#,
        ),
        case(
            "validation_failed: one value breaks its rule",
            Method::POST,
            "/v1/groups",
            demo,
            Some(r#"{"id": "", "name": "Design"}"#),
            422,
            r#"{"error":"validation_failed","message":"The request body failed validation in 1 field.","errors":[{"error":"length","message":"Must be 1 to 64 characters long.","field":"id"}]}"#,
        ),
        // A body that is not of the right shape gets only that: there is
        // no value to validate.
        case(
            "invalid_field, not validation_failed, for a wrong type and an invalid value",
            Method::PUT,
            "/v1/users/123",
            demo,
            Some(r#"{"name": 5, "email": "ada"}"#),
            400,
            r#"{"error":"invalid_field","message":"name is invalid: expected a string, found the number 5."}"#,
        ),
        case(
            "error (500): the storage failure stays in the logs",
            Method::PUT,
            "/v1/users/crash",
            demo,
            Some("{}"),
            500,
            r#"{"error":"error","message":"Internal Server Error"}"#,
        ),
        case(
            "not_found, from the fallback",
            Method::GET,
            "/v1/unknown",
            None,
            None,
            404,
            r#"{"error":"not_found","message":"The requested resource does not exist."}"#,
        ),
        Case {
            headers: &[("allow", "PUT")],
            ..case(
                "method_not_allowed, from routing",
                Method::PATCH,
                "/v1/users/123",
                None,
                None,
                405,
                r#"{"error":"method_not_allowed","message":"Method \"PATCH\" not allowed."}"#,
            )
        },
        case(
            "unsupported_media_type",
            Method::PUT,
            "/v1/users/123",
            demo,
            None,
            415,
            r#"{"error":"unsupported_media_type","message":"Unsupported media type \"\" in request."}"#,
        ),
    ]
}

/// The codes of seed 000's error list.
const SEED_CODES: [&str; 19] = [
    "invalid_request",
    "unexpected_field",
    "missing_field",
    "invalid_field",
    "application_not_found",
    "project_not_found",
    "user_not_found",
    "group_not_found",
    "organization_not_found",
    "missing_authorization_header",
    "invalid_authorization_header",
    "invalid_app_token",
    "invalid_project_token",
    "invalid_customer_token",
    "invalid_access_token",
    "expired_access_token",
    "group_already_exists",
    "user_already_exists",
    "error",
];

/// A request's answer: its status, its `Content-Language`, its `Vary`
/// values, and its body without its `request_id`.
struct Localized {
    status: u16,
    language: Option<String>,
    vary: Vec<String>,
    body: String,
}

/// Sends `method path` with `body` (as JSON), the demo credentials, and the
/// `Accept-Language` header `languages` if there is one.
async fn localized(
    client: &reqwest::Client,
    address: SocketAddr,
    (method, path, body): (Method, &str, Option<&'static str>),
    languages: Option<&str>,
) -> Localized {
    let mut request = client
        .request(method, format!("http://{address}{path}"))
        .header("authorization", "Bearer demo-token")
        .header("x-request-id", "fr-1");
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body);
    }
    if let Some(languages) = languages {
        request = request.header("accept-language", languages);
    }
    let response = request.send().await.expect("the server answers");
    let headers = response.headers();
    let language = headers
        .get("content-language")
        .map(|value| value.to_str().expect("ASCII").to_owned());
    let vary = headers
        .get_all("vary")
        .iter()
        .map(|value| value.to_str().expect("ASCII").to_owned())
        .collect();
    Localized {
        status: response.status().as_u16(),
        language,
        vary,
        body: response
            .text()
            .await
            .expect("a body")
            .replacen(r#","request_id":"fr-1""#, "", 1),
    }
}

/// Messages in French for a request that prefers French, checked over
/// HTTP: `Accept-Language` with weights and fallbacks, `Content-Language`
/// and `Vary` on every error, a server error's message translated without
/// its cause, and the request errors raised before a handler runs.
async fn check_languages(client: &reqwest::Client, address: SocketAddr) {
    let unknown_member = || {
        (
            Method::POST,
            "/v1/groups",
            Some(r#"{"id": "design", "name": "Design", "members": ["bob"]}"#),
        )
    };
    let french =
        r#"{"error":"user_not_found","message":"L'utilisateur bob n'a pas encore été créé."}"#;
    let english =
        r#"{"error":"user_not_found","message":"The user bob has not been created yet."}"#;
    for (languages, body, language) in [
        (Some("fr"), french, "fr"),
        // A region falls back to its language.
        (Some("fr-CA"), french, "fr"),
        (Some("FR-ca, en;q=0.5"), french, "fr"),
        // Weights: the highest wins, whatever the order.
        (Some("en;q=0.4, fr;q=0.9"), french, "fr"),
        (Some("fr;q=0.4, en;q=0.9"), english, "en"),
        // A language the API has not is skipped; nothing it has: English.
        (Some("de, fr;q=0.5"), french, "fr"),
        (Some("de, ja"), english, "en"),
        (Some("fr;q=0"), english, "en"),
        (Some("*"), english, "en"),
        (None, english, "en"),
        // Garbage is no language.
        (Some(";;;, q=fr, fr;q=2, fr;q=x"), english, "en"),
    ] {
        let answer = localized(client, address, unknown_member(), languages).await;
        assert_eq!(answer.status, 401, "{languages:?}");
        assert_eq!(answer.body, body, "{languages:?}");
        assert_eq!(answer.language.as_deref(), Some(language), "{languages:?}");
        assert!(
            answer.vary.iter().any(|vary| vary == "Accept-Language"),
            "{languages:?}: {:?}",
            answer.vary
        );
    }

    // A server error: its reason phrase in French, its cause nowhere.
    let crash = (Method::PUT, "/v1/users/crash", Some("{}"));
    let answer = localized(client, address, crash, Some("fr")).await;
    assert_eq!(answer.status, 500);
    assert_eq!(
        answer.body,
        r#"{"error":"error","message":"Erreur interne du serveur"}"#
    );
    assert_eq!(answer.language.as_deref(), Some("fr"));

    // The request errors, raised before a handler runs, are translated too.
    let invalid = (
        Method::PUT,
        "/v1/users/123",
        Some(r#"{"name": "", "email": "ada"}"#),
    );
    let answer = localized(client, address, invalid, Some("fr")).await;
    assert_eq!(answer.status, 422);
    let body: Value = serde_json::from_str(&answer.body).expect("JSON");
    assert_eq!(body["error"], "validation_failed");
    assert_eq!(
        body["message"],
        "Le corps de la requête n'a pas passé la validation (2 fields)."
    );
    let fallback = (Method::GET, "/v1/unknown", None);
    let answer = localized(client, address, fallback, Some("fr")).await;
    assert_eq!(
        answer.body,
        r#"{"error":"not_found","message":"La ressource demandée n'existe pas."}"#
    );
    assert_eq!(answer.language.as_deref(), Some("fr"));

    // A success has no message, and says no language.
    let update = (Method::PUT, "/v1/users/123", Some(r#"{"name": "Charles"}"#));
    let answer = localized(client, address, update, Some("fr")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.language, None);
}

/// Sends every case to the server at `address` and checks the answers.
async fn check_errors(address: SocketAddr) {
    let client = reqwest::Client::new();
    let mut seen = BTreeSet::new();
    for (number, case) in cases().into_iter().enumerate() {
        // Every case with its own request id, from the header: the body
        // carries it after `message`, and is otherwise the seed's.
        let id = format!("case-{number}");
        let mut request = client
            .request(
                case.method.clone(),
                format!("http://{address}{}", case.path),
            )
            .header("x-request-id", &id);
        if let Some(body) = case.body {
            request = request
                .header("content-type", "application/json")
                .body(body);
        }
        if let Some(authorization) = case.authorization {
            request = request.header("authorization", authorization);
        }
        let response = request.send().await.expect("the server answers");
        assert_eq!(response.status().as_u16(), case.status, "{}", case.what);
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{}",
            case.what
        );
        for (name, value) in case.headers {
            assert_eq!(response.headers()[*name], *value, "{}: {name}", case.what);
        }
        assert_eq!(
            response.headers()["x-request-id"],
            id.as_str(),
            "{}",
            case.what
        );
        let body = response.text().await.expect("a body");
        let member = format!(r#","request_id":"{id}""#);
        assert_eq!(body.matches(&member).count(), 1, "{}: {body}", case.what);
        assert_eq!(
            body.replacen(&member, "", 1),
            case.response,
            "{}",
            case.what
        );
        let code: Value = serde_json::from_str(&body).expect("JSON");
        seen.insert(code["error"].as_str().unwrap_or_default().to_owned());
    }
    for code in SEED_CODES {
        assert!(seen.contains(code), "no case reaches {code}");
    }

    // And what succeeds still does.
    let response = client
        .put(format!("http://{address}/v1/users/123"))
        .header("content-type", "application/json")
        .header("authorization", "Bearer demo-token")
        .body(r#"{"name": "Charles"}"#)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), 200);
    // A fresh id, on a success too.
    let id = response.headers()["x-request-id"].to_str().expect("ASCII");
    assert_eq!(id.len(), 32, "{id}");
    let user: Value = response.json().await.expect("JSON");
    assert_eq!(user["name"], "Charles");

    // A request that accepts no JSON is refused with `not_acceptable`
    // before the handler runs: the update it asks for does not take effect,
    // so that another user may then take the email it would have set.
    let update = r#"{"email": "refused@example.com"}"#;
    let response = client
        .put(format!("http://{address}/v1/users/123"))
        .header("content-type", "application/json")
        .header("authorization", "Bearer demo-token")
        .header("accept", "text/html")
        .header("x-request-id", "refused-1")
        .body(update)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), 406);
    assert_eq!(response.headers()["content-type"], "application/json");
    // Its message's language, and both headers it depended on.
    assert_eq!(response.headers()["content-language"], "en");
    let vary = response.headers().get_all("vary").iter();
    let mut vary: Vec<_> = vary.map(|value| value.to_str().expect("ASCII")).collect();
    vary.sort_unstable();
    assert_eq!(vary, ["Accept", "Accept-Language"]);
    assert_eq!(response.headers()["x-request-id"], "refused-1");
    assert_eq!(
        response.text().await.expect("a body"),
        r#"{"error":"not_acceptable","message":"Could not satisfy the request Accept header.","request_id":"refused-1"}"#,
    );
    let response = client
        .put(format!("http://{address}/v1/users/someone-else"))
        .header("content-type", "application/json")
        .header("authorization", "Bearer demo-token")
        .body(update)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), 200, "the refused update took effect");

    check_languages(&client, address).await;

    // The trace-id of a `traceparent`, when the request has no id of its
    // own; a malformed id of its own is replaced, never echoed.
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let response = client
        .get(format!("http://{address}/v1/unknown"))
        .header("traceparent", format!("00-{trace_id}-00f067aa0ba902b7-01"))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.headers()["x-request-id"], trace_id);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["request_id"], trace_id);
    let response = client
        .get(format!("http://{address}/v1/unknown"))
        .header("x-request-id", "<script>")
        .send()
        .await
        .expect("the server answers");
    let id = response.headers()["x-request-id"]
        .to_str()
        .expect("ASCII")
        .to_owned();
    assert_eq!(id.len(), 32, "{id}");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["request_id"], id.as_str());
}

/// The codes of `UsersError` that only some operations answer with; every
/// other code of seed 000 can come from every operation.
const OWN_CODES: [&str; 6] = [
    "user_not_found",
    "group_not_found",
    "organization_not_found",
    "group_already_exists",
    "user_already_exists",
    "error",
];

/// Checks the server's OpenAPI document: it is valid OpenAPI, and every
/// operation lists the codes of seed 000 it can answer with, and no
/// other, each with its response and an example body in the flat format.
async fn check_openapi(address: SocketAddr) {
    let text = reqwest::get(format!("http://{address}/openapi.json"))
        .await
        .expect("the server answers")
        .text()
        .await
        .expect("a body");
    assert_valid_openapi("users_api", &text);
    let document: Value = serde_json::from_str(&text).expect("JSON");
    let operations = [
        (
            "/v1/users/{id}",
            "put",
            &["user_already_exists", "error"][..],
        ),
        (
            "/v1/organizations/{id}",
            "put",
            &["user_not_found", "organization_not_found"][..],
        ),
        (
            "/v1/groups",
            "post",
            &["user_not_found", "group_not_found", "group_already_exists"][..],
        ),
    ];
    for (path, method, own) in operations {
        let responses = &document["paths"][path][method]["responses"];
        let mut codes = BTreeSet::new();
        for (status, response) in responses.as_object().expect("responses") {
            let Some(examples) = response["content"]["application/json"]["examples"].as_object()
            else {
                continue;
            };
            for (code, example) in examples {
                let value = &example["value"];
                assert_eq!(value["error"], code.as_str(), "{path}: {status} {code}");
                let message = value["message"].as_str().expect("a message");
                assert!(!message.contains('{'), "{path}: {status} {code}: {message}");
                codes.insert(code.clone());
            }
        }
        for code in SEED_CODES {
            let answered = !OWN_CODES.contains(&code) || own.contains(&code);
            assert_eq!(codes.contains(code), answered, "{method} {path} and {code}");
        }
        let unauthorized = &responses["401"];
        assert!(
            unauthorized["headers"]["WWW-Authenticate"].is_object(),
            "{path}"
        );
        assert_eq!(
            responses["405"]["headers"]["Allow"]["example"], "GET, PUT",
            "{path}"
        );
        let schema = &responses["400"]["content"]["application/json"]["schema"];
        assert_eq!(
            schema["required"],
            serde_json::json!(["error", "message"]),
            "{path}"
        );
    }
}

fn flat_by_default() {
    // The errors raised before a handler runs render like the API's own,
    // and link into the reference page as the API's own do, as `start`
    // sets up the servers.
    format::set_default::<Flat>().expect("nothing else sets it");
    api_error::app::set_docs_base(api_error_examples::users::DOCS).expect("nothing else sets it");
}

#[tokio::test]
async fn axum_server() {
    flat_by_default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    let server = tokio::spawn(async move {
        let translations =
            api_error_examples::users::translations().expect("the translations load");
        let app = api_error_examples::users::axum::router(Store::demo(), translations);
        axum::serve(listener, app).await
    });
    check_errors(address).await;
    check_openapi(address).await;
    check_reference_page(address).await;
    server.abort();
}

#[tokio::test]
async fn actix_server() {
    flat_by_default();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = listener.local_addr().expect("an address");
    let (sender, receiver) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let translations =
                api_error_examples::users::translations().expect("the translations load");
            let server =
                api_error_examples::users::actix::server(listener, Store::demo(), translations)?;
            let _ = sender.send(server.handle());
            server.await
        })
    });
    let handle = receiver.recv().expect("the server starts");
    check_errors(address).await;
    check_openapi(address).await;
    check_reference_page(address).await;
    handle.stop(true).await;
    thread
        .join()
        .expect("the server thread ends")
        .expect("the server ran");
}

/// `GET /errors`: the reference page, one self-contained HTML file with a
/// section for every error, which every error's `type` points into, the
/// request errors' through the application's docs base.
async fn check_reference_page(address: SocketAddr) {
    use api_error::ApiError;
    use api_error::format::{DynFormat, Problem};
    use api_error_examples::users::UsersError;

    let response = reqwest::Client::new()
        .get(format!("http://{address}/errors"))
        .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .expect("the page is served");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    let page = response.text().await.expect("a page");
    assert!(page.starts_with("<!DOCTYPE html>"));
    // The request's context (its id, its language) is not in the page's
    // examples: it is the page written anywhere.
    assert_eq!(page, api_error_examples::users::reference_page_html());
    assert!(page.contains("No errors found matching your search."));
    // Nothing is fetched from elsewhere.
    for outside in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    let catalog = UsersError::catalog();
    assert_eq!(
        page.matches("<section class=\"error\"").count(),
        catalog.len()
    );
    for item in &catalog {
        let body = item.entry().example_body(DynFormat::of::<Problem>());
        let body: Value = serde_json::from_slice(&body).expect("JSON");
        let type_uri = body["type"].as_str().expect("a type");
        let anchor = type_uri.strip_prefix("/errors#").expect("into the page");
        assert_eq!(anchor, item.entry().code());
        assert!(
            page.contains(&format!("<section class=\"error\" id=\"{anchor}\"")),
            "{anchor}"
        );
    }
}
