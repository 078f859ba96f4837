//! The request context, over HTTP on axum and actix-web: a request's id
//! comes from its `x-request-id` header, else its `traceparent`, else is
//! fresh; a hostile id is replaced, never echoed; every response of the
//! request echoes it, and every error body carries it where its preset puts
//! it. Without the context, bodies are exactly as before; in work a handler
//! spawns, the context is lost.

use std::io::{Read as _, Write as _};

use actix_web::{App, HttpResponse, web};
use api_error::context::{self, Context, RequestId, RequestIds};
use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard};
use api_error::http::HeaderName;
use api_error::{ApiError, RequestError};
use axum::Router;
use axum::routing::{get, post};
use reqwest::StatusCode;
use serde_json::Value;

#[path = "support/log.rs"]
mod log;
#[path = "support/servers.rs"]
mod servers;

use servers::Served;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Flat)]
struct FlatGone;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Meta)]
struct MetaGone;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Standard)]
struct StandardGone;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Nested)]
struct NestedGone;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Problem)]
struct ProblemGone;

/// An error with an extension member of the same name: the context's id
/// takes its place, so that a body never has the member twice.
#[derive(Debug, ApiError)]
#[api(status = 409, format = Flat)]
struct Clash {
    #[api(extension = "request_id")]
    own: u32,
}

/// Each route's path, where its body has the id, and its body outside any
/// context.
fn routes() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    vec![
        ("/flat", "/request_id", Flat::render(&FlatGone)),
        ("/meta", "/meta/request_id", Meta::render(&MetaGone)),
        ("/standard", "/request_id", Standard::render(&StandardGone)),
        ("/nested", "/error/request_id", Nested::render(&NestedGone)),
        ("/problem", "/request_id", Problem::render(&ProblemGone)),
        (
            "/clash",
            "/request_id",
            b"{\"error\":\"clash\",\"message\":\"Conflict\"}".to_vec(),
        ),
    ]
}

const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";

fn traceparent() -> String {
    format!("00-{TRACE_ID}-00f067aa0ba902b7-01")
}

/// An error rendered in a task the handler spawned: outside the context.
async fn spawned_body() -> Vec<u8> {
    let id = tokio::spawn(async { context::request_id() }).await.unwrap();
    assert_eq!(id, None);
    tokio::spawn(async { Flat::render(&FlatGone) })
        .await
        .unwrap()
}

fn axum_router() -> Router {
    use axum::response::IntoResponse;
    Router::new()
        .route("/flat", get(|| async { FlatGone }))
        .route("/meta", get(|| async { MetaGone }))
        .route("/standard", get(|| async { StandardGone }))
        .route("/nested", get(|| async { NestedGone }))
        .route("/problem", get(|| async { ProblemGone }))
        .route("/clash", get(|| async { Clash { own: 7 } }))
        .route("/ok", get(|| async { "fine" }))
        .route("/spawned", get(|| async { spawned_body().await }))
        .route(
            "/json",
            post(|api_error::axum::Json(_): api_error::axum::Json<Value>| async { "read" }),
        )
        .route("/inner", get(|| async { "not reached" }))
        // A layer inside the context's, answering with an error.
        .layer(axum::middleware::from_fn(
            |request: axum::extract::Request, next: axum::middleware::Next| async move {
                if request.uri().path() == "/inner" {
                    return RequestError::MissingAuthorizationHeader.into_response();
                }
                next.run(request).await
            },
        ))
}

fn actix_routes(config: &mut web::ServiceConfig) {
    config
        .route(
            "/flat",
            web::get().to(|| async { Err::<HttpResponse, _>(FlatGone) }),
        )
        .route(
            "/meta",
            web::get().to(|| async { Err::<HttpResponse, _>(MetaGone) }),
        )
        .route(
            "/standard",
            web::get().to(|| async { Err::<HttpResponse, _>(StandardGone) }),
        )
        .route(
            "/nested",
            web::get().to(|| async { Err::<HttpResponse, _>(NestedGone) }),
        )
        .route(
            "/problem",
            web::get().to(|| async { Err::<HttpResponse, _>(ProblemGone) }),
        )
        .route(
            "/clash",
            web::get().to(|| async { Err::<HttpResponse, _>(Clash { own: 7 }) }),
        )
        .route("/ok", web::get().to(|| async { "fine" }))
        .route("/spawned", web::get().to(|| async { spawned_body().await }))
        .route(
            "/json",
            web::post().to(|_: api_error::actix::Json<Value>| async { "read" }),
        )
        .route("/inner", web::get().to(|| async { "not reached" }));
}

/// An actix app with the context, and a middleware inside it whose `Err`
/// actix would otherwise render after the whole chain, outside it.
fn actix_served(ids: RequestIds) -> Served {
    servers::actix_app(move || {
        App::new()
            .wrap(actix_web::middleware::from_fn(
                |request: actix_web::dev::ServiceRequest,
                 next: actix_web::middleware::Next<actix_web::body::BoxBody>| async move {
                    if request.path() == "/inner" {
                        return Err(RequestError::MissingAuthorizationHeader.into());
                    }
                    next.call(request).await
                },
            ))
            .wrap(api_error::actix::RequestContext::new().request_ids(ids.clone()))
            .configure(actix_routes)
    })
}

async fn axum_served(ids: RequestIds) -> Served {
    servers::axum(axum_router().layer(api_error::axum::RequestContextLayer::new().request_ids(ids)))
        .await
}

/// Both frameworks, each with the context as `ids` configures it.
async fn both(ids: RequestIds) -> [(&'static str, Served); 2] {
    [
        ("axum", axum_served(ids.clone()).await),
        ("actix", actix_served(ids)),
    ]
}

struct Answer {
    status: StatusCode,
    header: Option<String>,
    body: Vec<u8>,
}

async fn get_with(served: &Served, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = reqwest::Client::new().get(served.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    read_answer(request.send().await.unwrap(), "x-request-id").await
}

async fn read_answer(response: reqwest::Response, header: &str) -> Answer {
    Answer {
        status: response.status(),
        header: response
            .headers()
            .get(header)
            .map(|value| value.to_str().unwrap().to_owned()),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

/// The id at `place` in `body`, taken out; the rest must be `plain`, the
/// body outside any context.
fn take_id(body: &[u8], place: &str, plain: &[u8]) -> String {
    let mut body: Value = serde_json::from_slice(body).unwrap();
    let (parent, member) = place.rsplit_once('/').unwrap();
    let object = body.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    let id = object
        .remove(member)
        .unwrap_or_else(|| panic!("no {place} in {body}"));
    let plain: Value = serde_json::from_slice(plain).unwrap();
    assert_eq!(body, plain);
    id.as_str().unwrap().to_owned()
}

fn is_fresh(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[actix_web::test]
async fn a_clients_id_is_echoed_in_the_header_and_every_presets_body() {
    for (framework, served) in both(RequestIds::new()).await {
        for (path, place, plain) in routes() {
            let answer = get_with(&served, path, &[("x-request-id", "client-7.a_b:c")]).await;
            assert_eq!(
                answer.header.as_deref(),
                Some("client-7.a_b:c"),
                "{framework} {path}"
            );
            assert_eq!(
                take_id(&answer.body, place, &plain),
                "client-7.a_b:c",
                "{framework} {path}"
            );
            // And a client reads it back, out of the error's own members.
            let remote = api_error::client::decode(answer.status, None, &answer.body);
            assert_eq!(
                remote.request_id(),
                Some("client-7.a_b:c"),
                "{framework} {path}"
            );
            assert!(remote.extensions().get("request_id").is_none());
        }
    }
}

#[actix_web::test]
async fn the_trace_id_of_a_traceparent_comes_next() {
    for (framework, served) in both(RequestIds::new()).await {
        let answer = get_with(&served, "/flat", &[("traceparent", &traceparent())]).await;
        assert_eq!(answer.header.as_deref(), Some(TRACE_ID), "{framework}");
        assert_eq!(
            take_id(&answer.body, "/request_id", &Flat::render(&FlatGone)),
            TRACE_ID
        );
        // The configured header wins over it.
        let both = [
            ("traceparent", traceparent()),
            ("x-request-id", "mine".to_owned()),
        ];
        let both: Vec<_> = both.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = get_with(&served, "/flat", &both).await;
        assert_eq!(answer.header.as_deref(), Some("mine"), "{framework}");
        // A malformed one is no id.
        let answer = get_with(
            &served,
            "/flat",
            &[("traceparent", "00-xyz-00f067aa0ba902b7-01")],
        )
        .await;
        assert!(is_fresh(answer.header.as_deref().unwrap()), "{framework}");
    }
}

#[actix_web::test]
async fn a_request_without_an_id_gets_a_fresh_one() {
    for (framework, served) in both(RequestIds::new()).await {
        let first = get_with(&served, "/problem", &[]).await;
        let header = first.header.unwrap();
        assert!(is_fresh(&header), "{framework} {header}");
        assert_eq!(
            take_id(&first.body, "/request_id", &Problem::render(&ProblemGone)),
            header
        );
        let second = get_with(&served, "/problem", &[]).await;
        assert_ne!(second.header.unwrap(), header, "{framework}");
    }
}

#[actix_web::test]
async fn a_hostile_id_is_replaced_never_echoed() {
    let long = "a".repeat(129);
    let hostile = [
        long.as_str(),
        "a b",
        "<script>",
        "x\"y",
        "%0D%0ASet-Cookie:x",
        "a/b",
        "a,b",
    ];
    for (framework, served) in both(RequestIds::new()).await {
        for id in hostile {
            let answer = get_with(&served, "/flat", &[("x-request-id", id)]).await;
            let header = answer.header.unwrap();
            assert!(is_fresh(&header), "{framework} {id:?}: {header}");
            assert!(
                !String::from_utf8_lossy(&answer.body).contains(id),
                "{framework} {id:?}"
            );
        }
        // Bytes beyond ASCII, and a header folded onto a second line: both
        // sent as they are, over a plain socket.
        for raw in [
            "x-request-id: zz\u{e9}zz\r\n",
            "x-request-id: first\r\n evil-folded\r\n",
        ] {
            let mut stream = std::net::TcpStream::connect(served.address).unwrap();
            let request =
                format!("GET /flat HTTP/1.1\r\nhost: x\r\n{raw}connection: close\r\n\r\n");
            stream.write_all(request.as_bytes()).unwrap();
            let mut response = Vec::new();
            // Read on a blocking socket while the server runs on this
            // runtime's thread would deadlock: read from another thread.
            let reader = std::thread::spawn(move || {
                stream.read_to_end(&mut response).unwrap();
                response
            });
            let response = loop {
                if reader.is_finished() {
                    break reader.join().unwrap();
                }
                actix_web::rt::time::sleep(std::time::Duration::from_millis(5)).await;
            };
            let response = String::from_utf8_lossy(&response);
            assert!(!response.contains("evil"), "{framework}: {response}");
            assert!(!response.contains("zz"), "{framework}: {response}");
        }
    }
}

#[actix_web::test]
async fn a_success_echoes_the_id_too() {
    for (framework, served) in both(RequestIds::new()).await {
        let answer = get_with(&served, "/ok", &[("x-request-id", "ok-1")]).await;
        assert_eq!(answer.status, StatusCode::OK, "{framework}");
        assert_eq!(answer.header.as_deref(), Some("ok-1"), "{framework}");
        assert_eq!(answer.body, b"fine");
    }
}

#[actix_web::test]
async fn rejections_and_inner_middleware_render_inside_the_context() {
    let missing = RequestError::MissingAuthorizationHeader;
    for (framework, served) in both(RequestIds::new()).await {
        // A middleware inside the context's answering with an error (on
        // actix, an `Err` through the service chain).
        let answer = get_with(&served, "/inner", &[("x-request-id", "in-1")]).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{framework}");
        assert_eq!(answer.header.as_deref(), Some("in-1"), "{framework}");
        assert_eq!(
            take_id(&answer.body, "/request_id", &api_error::render(&missing)),
            "in-1"
        );
        // An extractor's rejection.
        let response = reqwest::Client::new()
            .post(served.url("/json"))
            .header("x-request-id", "in-2")
            .header("content-type", "application/json")
            .body("{")
            .send()
            .await
            .unwrap();
        let answer = read_answer(response, "x-request-id").await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{framework}");
        assert_eq!(answer.header.as_deref(), Some("in-2"), "{framework}");
        let body: Value = serde_json::from_slice(&answer.body).unwrap();
        assert_eq!(body["request_id"], "in-2", "{framework} {body}");
    }
}

#[actix_web::test]
async fn work_a_handler_spawns_is_outside_the_context() {
    for (framework, served) in both(RequestIds::new()).await {
        let answer = get_with(&served, "/spawned", &[("x-request-id", "sp-1")]).await;
        assert_eq!(answer.header.as_deref(), Some("sp-1"), "{framework}");
        assert_eq!(answer.body, Flat::render(&FlatGone), "{framework}");
    }
}

#[actix_web::test]
async fn without_the_context_bodies_are_as_before() {
    let axum = servers::axum(axum_router()).await;
    let actix = servers::actix_app(|| App::new().configure(actix_routes));
    for (framework, served) in [("axum", axum), ("actix", actix)] {
        for (path, _, plain) in routes() {
            let answer = get_with(&served, path, &[("x-request-id", "ignored")]).await;
            assert_eq!(answer.header, None, "{framework} {path}");
            if path != "/clash" {
                assert_eq!(answer.body, plain, "{framework} {path}");
            }
        }
        let clash = get_with(&served, "/clash", &[]).await;
        assert_eq!(
            clash.body,
            br#"{"error":"clash","message":"Conflict","request_id":7}"#
        );
    }
}

#[actix_web::test]
async fn each_part_is_switched_where_it_is_installed() {
    let custom = RequestIds::new()
        .header(HeaderName::from_static("x-correlation-id"))
        .as_instance(true);
    for (framework, served) in both(custom).await {
        let response = reqwest::Client::new()
            .get(served.url("/problem"))
            .header("x-correlation-id", "corr-1")
            .header("x-request-id", "not-this")
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers().get("x-request-id"), None, "{framework}");
        let answer = read_answer(response, "x-correlation-id").await;
        assert_eq!(answer.header.as_deref(), Some("corr-1"), "{framework}");
        let body: Value = serde_json::from_slice(&answer.body).unwrap();
        assert_eq!(body["request_id"], "corr-1", "{framework}");
        assert_eq!(body["instance"], "corr-1", "{framework}");
    }
    for (framework, served) in both(RequestIds::new().enabled(false)).await {
        let answer = get_with(&served, "/problem", &[("x-request-id", "off")]).await;
        assert_eq!(answer.header, None, "{framework}");
        assert_eq!(answer.body, Problem::render(&ProblemGone), "{framework}");
    }
}

#[test]
fn the_log_line_carries_the_id() {
    let log = log::Log::default();
    let id = RequestId::parse("logged-1").unwrap();
    tracing::subscriber::with_default(log.subscriber(), || {
        context::sync_scope(Context::new().with_request_id(id), || {
            drop(api_error::response(&ProblemGone));
        });
        drop(api_error::response(&FlatGone));
    });
    let text = log.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("request_id=\"logged-1\""), "{text}");
    assert!(!lines[1].contains("request_id"), "{text}");
}

#[test]
fn the_readme_shows_what_a_body_carries() {
    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    struct NotFound;

    let section = include_str!("../README.md")
        .split_once("## Request ids")
        .unwrap()
        .1;
    let shown = section.split_once("```json\n").unwrap().1;
    let shown = shown.split_once("\n```").unwrap().0;
    let id = RequestId::parse(TRACE_ID).unwrap();
    let body = context::sync_scope(Context::new().with_request_id(id), || {
        Problem::render(&NotFound)
    });
    assert_eq!(String::from_utf8(body).unwrap(), shown);
}
