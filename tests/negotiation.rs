//! Content negotiation by the request context, over HTTP on axum and
//! actix-web: a `Problem` body goes as `application/problem+json` or
//! `application/json`, whichever the request's `Accept` prefers (problem+json
//! at equal weight), saying `Vary: Accept`; the other presets stay
//! `application/json`. A context that refuses answers a request accepting no
//! JSON with `not_acceptable` (406) before the handler runs. A garbage
//! `Accept` is taken as absent; without the context, or with negotiation
//! off, nothing changes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use actix_web::{App, HttpResponse, web};
use api_error::context::Negotiation;
use api_error::format::{Flat, Format, Problem};
use api_error::{ApiError, RequestError};
use axum::Router;
use axum::routing::{get, put};
use reqwest::StatusCode;
use serde_json::Value;

#[path = "support/servers.rs"]
mod servers;

use servers::Served;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Problem)]
struct ProblemGone;

#[derive(Debug, ApiError)]
#[api(status = 404, format = Flat)]
struct FlatGone;

/// How many times the `PUT` handler ran.
type Runs = Arc<AtomicUsize>;

fn axum_router(runs: Runs) -> Router {
    Router::new()
        .route("/problem", get(|| async { ProblemGone }))
        .route("/flat", get(|| async { FlatGone }))
        .route(
            "/record",
            put(move || {
                let runs = runs.clone();
                async move {
                    runs.fetch_add(1, Ordering::SeqCst);
                    "recorded"
                }
            }),
        )
}

fn actix_routes(runs: Runs) -> impl Fn(&mut web::ServiceConfig) + Clone + Send + 'static {
    move |config| {
        let runs = runs.clone();
        config
            .route(
                "/problem",
                web::get().to(|| async { Err::<HttpResponse, _>(ProblemGone) }),
            )
            .route(
                "/flat",
                web::get().to(|| async { Err::<HttpResponse, _>(FlatGone) }),
            )
            .route(
                "/record",
                web::put().to(move || {
                    let runs = runs.clone();
                    async move {
                        runs.fetch_add(1, Ordering::SeqCst);
                        "recorded"
                    }
                }),
            );
    }
}

/// Both frameworks with the context negotiating as `negotiation` says, or
/// without the context for `None`; each with the count of its `PUT`s.
async fn both(negotiation: Option<Negotiation>) -> [(&'static str, Served, Runs); 2] {
    let axum_runs = Runs::default();
    let router = axum_router(axum_runs.clone());
    let router = match negotiation {
        Some(negotiation) => {
            router.layer(api_error::axum::RequestContextLayer::new().negotiation(negotiation))
        }
        None => router,
    };
    let axum = servers::axum(router).await;
    let actix_runs = Runs::default();
    let routes = actix_routes(actix_runs.clone());
    let actix = servers::actix_app(move || {
        let context =
            api_error::actix::RequestContext::new().negotiation(negotiation.unwrap_or_default());
        // `Condition` keeps the app's type whether or not the context is on.
        App::new()
            .wrap(actix_web::middleware::Condition::new(
                negotiation.is_some(),
                context,
            ))
            .configure(routes.clone())
    });
    [("axum", axum, axum_runs), ("actix", actix, actix_runs)]
}

struct Answer {
    status: StatusCode,
    content_type: String,
    vary: Vec<String>,
    body: Vec<u8>,
}

async fn send(served: &Served, method: reqwest::Method, path: &str, accept: &[&str]) -> Answer {
    let mut request = reqwest::Client::new().request(method, served.url(path));
    for value in accept {
        request = request.header("accept", *value);
    }
    let response = request.send().await.unwrap();
    Answer {
        status: response.status(),
        content_type: response
            .headers()
            .get("content-type")
            .map(|value| value.to_str().unwrap().to_owned())
            .unwrap_or_default(),
        vary: response
            .headers()
            .get_all("vary")
            .iter()
            .map(|value| value.to_str().unwrap().to_owned())
            .collect(),
        body: response.bytes().await.unwrap().to_vec(),
    }
}

async fn get_with(served: &Served, path: &str, accept: &[&str]) -> Answer {
    send(served, reqwest::Method::GET, path, accept).await
}

/// `body` without its `request_id`, as JSON.
fn without_id(body: &[u8]) -> Value {
    let mut body: Value = serde_json::from_slice(body).unwrap();
    body.as_object_mut().unwrap().remove("request_id");
    body
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap()
}

const PROBLEM_JSON: &str = "application/problem+json";
const JSON: &str = "application/json";

#[actix_web::test]
async fn a_problem_goes_as_the_media_type_the_request_prefers() {
    let cases: &[(&[&str], &str)] = &[
        (&[], PROBLEM_JSON),
        (&["*/*"], PROBLEM_JSON),
        (&[JSON], JSON),
        (&[PROBLEM_JSON], PROBLEM_JSON),
        // Equal weight: problem+json.
        (
            &["application/json, application/problem+json"],
            PROBLEM_JSON,
        ),
        (&["application/*"], PROBLEM_JSON),
        // q-values.
        (&["application/problem+json;q=0.5, application/json"], JSON),
        (
            &["application/json;q=0.4, application/problem+json;q=0.5"],
            PROBLEM_JSON,
        ),
        (&["application/json;q=0.9, */*;q=0.1"], JSON),
        (&["application/json, */*;q=0"], JSON),
        (
            &["application/problem+json;q=0, application/json;q=0.1"],
            JSON,
        ),
        // The most specific range wins: `application/json` itself, then
        // `application/*`, then `*/*`.
        (&["application/json;q=0.3, application/*;q=0.2"], JSON),
        (&["application/json;q=0.3, */*"], PROBLEM_JSON),
        // Several `Accept` headers are one list.
        (&["text/html", "application/json;q=0.8"], JSON),
        // Case does not matter.
        (&["APPLICATION/JSON;Q=1"], JSON),
        // Nothing JSON: the format's own type, as a body must have one.
        (&["text/html"], PROBLEM_JSON),
    ];
    for (framework, served, _) in both(Some(Negotiation::new())).await {
        for (accept, expected) in cases {
            let answer = get_with(&served, "/problem", accept).await;
            let what = format!("{framework} {accept:?}");
            assert_eq!(answer.status, 404, "{what}");
            assert_eq!(answer.content_type, *expected, "{what}");
            assert_eq!(answer.vary, ["Accept"], "{what}");
            // The body is the same either way.
            assert_eq!(
                without_id(&answer.body),
                json_of(&Problem::render(&ProblemGone)),
                "{what}"
            );
        }
        // A preset that is `application/json` already depends on nothing.
        for accept in [&[][..], &[JSON], &[PROBLEM_JSON], &["text/html"]] {
            let answer = get_with(&served, "/flat", accept).await;
            assert_eq!(answer.content_type, JSON, "{framework} {accept:?}");
            assert!(answer.vary.is_empty(), "{framework} {accept:?}");
        }
    }
}

#[actix_web::test]
async fn a_refusing_context_answers_406_before_the_handler_runs() {
    let refusing = Negotiation::new().refuse_unacceptable(true);
    for (framework, served, runs) in both(Some(refusing)).await {
        for accept in [
            &["text/html"][..],
            &["text/html", "image/png"],
            &["application/json;q=0, text/*"],
            &["*/*;q=0"],
            &["application/xml, application/jsonx"],
        ] {
            let answer = send(&served, reqwest::Method::PUT, "/record", accept).await;
            let what = format!("{framework} {accept:?}");
            assert_eq!(answer.status, 406, "{what}");
            assert_eq!(runs.load(Ordering::SeqCst), 0, "{what}: the handler ran");
            // Still JSON, in the application's format (here `Problem`).
            assert_eq!(answer.content_type, PROBLEM_JSON, "{what}");
            assert_eq!(answer.vary, ["Accept"], "{what}");
            let body = without_id(&answer.body);
            assert_eq!(
                body,
                json_of(&api_error::render(&RequestError::NotAcceptable)),
                "{what}"
            );
            assert_eq!(body["code"], "not_acceptable", "{what}");
        }
        // What accepts some JSON gets through, once each.
        let accepting: &[&[&str]] = &[
            &[],
            &["*/*"],
            &["text/html, application/json;q=0.1"],
            &["application/problem+json"],
            &["application/vnd.example+json"],
            &["text/html", "application/*"],
        ];
        for accept in accepting {
            let answer = send(&served, reqwest::Method::PUT, "/record", accept).await;
            assert_eq!(answer.status, 200, "{framework} {accept:?}");
            assert_eq!(answer.body, b"recorded", "{framework} {accept:?}");
            // Had it accepted no JSON, it would have been refused: every
            // answer depended on `Accept`.
            assert_eq!(answer.vary, ["Accept"], "{framework} {accept:?}");
        }
        assert_eq!(runs.load(Ordering::SeqCst), accepting.len(), "{framework}");
    }
}

#[actix_web::test]
async fn a_garbage_accept_is_taken_as_absent_and_never_breaks_a_response() {
    let long = "x/y;q=0.5,".repeat(600);
    let commas = ",".repeat(8000);
    let garbage = [
        "garbage",
        ";;;,,,",
        "/",
        "application/",
        "/json",
        "*/json",
        "text/html;q=2",
        "text/html;q=0.0001",
        "text/html;q=-1",
        "text/html;q=",
        "\u{ff}\u{fe}/\u{ff}",
        "application/json;q=\"1\"",
        commas.as_str(),
    ];
    let refusing = Negotiation::new().refuse_unacceptable(true);
    for (framework, served, runs) in both(Some(refusing)).await {
        for accept in garbage {
            let what = format!("{framework} {:?}", accept.get(..40).unwrap_or(accept));
            let answer = get_with(&served, "/problem", &[accept]).await;
            assert_eq!(answer.status, 404, "{what}");
            assert_eq!(answer.content_type, PROBLEM_JSON, "{what}");
            // Said once, though both the body's type and the refusing
            // depended on it.
            assert_eq!(answer.vary, ["Accept"], "{what}");
            let answer = send(&served, reqwest::Method::PUT, "/record", &[accept]).await;
            assert_eq!(answer.status, 200, "{what}");
        }
        assert_eq!(runs.load(Ordering::SeqCst), garbage.len(), "{framework}");
        // A long list of valid ranges none of which is JSON is refused,
        // quickly and without failing.
        let answer = send(&served, reqwest::Method::PUT, "/record", &[&long]).await;
        assert_eq!(answer.status, 406, "{framework}");
    }
}

#[actix_web::test]
async fn without_the_context_or_with_negotiation_off_nothing_changes() {
    let off = Negotiation::new().enabled(false).refuse_unacceptable(true);
    for negotiation in [None, Some(off)] {
        for (framework, served, runs) in both(negotiation).await {
            let what = format!("{framework} {negotiation:?}");
            for accept in [&[JSON][..], &["text/html"], &[]] {
                let answer = get_with(&served, "/problem", accept).await;
                assert_eq!(answer.content_type, PROBLEM_JSON, "{what} {accept:?}");
                assert!(answer.vary.is_empty(), "{what} {accept:?}");
                if negotiation.is_none() {
                    assert_eq!(answer.body, Problem::render(&ProblemGone), "{what}");
                }
            }
            let answer = send(&served, reqwest::Method::PUT, "/record", &["text/html"]).await;
            assert_eq!(answer.status, 200, "{what}");
            assert_eq!(runs.load(Ordering::SeqCst), 1, "{what}");
        }
    }
}

/// The layer wraps layers whose bodies are their own (here limited, as a
/// compressing layer's are compressed): a refusal is axum's own body.
#[actix_web::test]
async fn layers_inside_may_have_bodies_of_their_own() {
    let runs = Runs::default();
    let limited = tower::util::MapResponseLayer::new(|response: axum::response::Response| {
        response.map(|body| http_body_util::Limited::new(body, 1 << 20))
    });
    let refusing = Negotiation::new().refuse_unacceptable(true);
    let router = axum_router(runs.clone())
        .layer(limited)
        .layer(api_error::axum::RequestContextLayer::new().negotiation(refusing));
    let served = servers::axum(router).await;
    let answer = send(&served, reqwest::Method::PUT, "/record", &["text/html"]).await;
    assert_eq!(answer.status, 406);
    assert_eq!(json_of(&answer.body)["code"], "not_acceptable");
    let answer = send(&served, reqwest::Method::PUT, "/record", &[JSON]).await;
    assert_eq!(answer.body, b"recorded");
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[test]
fn the_readme_shows_the_switches() {
    let section = include_str!("../README.md")
        .split_once("## Content negotiation")
        .expect("a README section")
        .1;
    let section = section.split_once("\n## ").map_or(section, |(it, _)| it);
    for name in [
        "Negotiation::new()",
        ".refuse_unacceptable(true)",
        ".enabled(false)",
        "Vary: Accept",
        "not_acceptable",
    ] {
        assert!(section.contains(name), "the README's section names {name}");
    }
}
