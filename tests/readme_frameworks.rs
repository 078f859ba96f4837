//! The README's framework sections: their code is the examples' code (and
//! the catalog section's tests are those of `users_errors.rs`), and
//! the requests they show get the responses they show, from the axum app,
//! the actix-web app and the OpenAPI example alike.

use actix_web::test::{TestRequest, call_service, init_service, read_body};
use api_error::actix::error_handlers;
use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use tower::ServiceExt;

#[allow(dead_code)] // `main`, which serves on a fixed port
#[path = "../examples/axum_signup.rs"]
mod axum_signup;

#[allow(dead_code)]
#[path = "../examples/actix_signup.rs"]
mod actix_signup;

#[allow(dead_code)]
#[path = "../examples/openapi_signup.rs"]
mod openapi_signup;

const AIDE_SIGNUP: &str = include_str!("../examples/aide_signup.rs");
const USERS_OPENAPI: &str = include_str!("../examples/users/openapi.rs");

const README: &str = include_str!("../README.md");

/// The blocks of the README fenced with `info`.
fn blocks(info: &str) -> Vec<&'static str> {
    let fence = format!("```{info}\n");
    README
        .split(fence.as_str())
        .skip(1)
        .map(|rest| rest.split_once("```").expect("the block ends").0)
        .collect()
}

/// An example's code without its leading doc comment.
fn code(example: &'static str) -> &'static str {
    let start = example
        .find("\n\n")
        .filter(|_| example.starts_with("//!"))
        .map_or(0, |end| end + 2);
    &example[start..]
}

#[test]
fn the_readme_code_is_the_examples_code() {
    let examples = [
        include_str!("../examples/axum_signup.rs"),
        include_str!("../examples/actix_signup.rs"),
        include_str!("../examples/openapi_signup.rs"),
    ];
    let shown = blocks("rust,ignore");
    // The catalog tests, the two whole programs, then a part of the third,
    // the per-operation line, a part of the aide example, and the users
    // API's translations.
    assert_eq!(shown.len(), 7);
    assert!(
        include_str!("users_errors.rs").contains(shown[0]),
        "{}",
        shown[0]
    );
    assert_eq!(shown[1], code(examples[0]));
    assert_eq!(shown[2], code(examples[1]));
    assert!(examples[2].contains(shown[3]), "{}", shown[3]);
    let subset = shown[4].lines().next().expect("the subset line");
    assert!(subset.starts_with("api_error::subset!(PutUserErrors = UsersError {"));
    assert!(USERS_OPENAPI.contains("api_error::subset!(\n    PutUserErrors = UsersError {"));
    assert!(AIDE_SIGNUP.contains(shown[5]), "{}", shown[5]);
    assert!(
        include_str!("../examples/users/mod.rs").contains(shown[6]),
        "{}",
        shown[6]
    );
}

#[test]
fn the_readme_translations_are_the_users_apis() {
    let french = include_str!("../examples/users/fr.toml");
    let shown = blocks("toml");
    let shown: Vec<_> = shown
        .into_iter()
        .filter(|block| block.starts_with("# fr.toml"))
        .collect();
    assert_eq!(shown.len(), 1);
    let lines = shown[0].lines().filter(|line| !line.starts_with('#'));
    for line in lines {
        assert!(
            french.lines().any(|french| french == line),
            "{line} is not in fr.toml"
        );
    }
}

/// A request the README shows as a curl command line, and the body it shows
/// in answer.
struct Exchange {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
    answer: String,
}

impl Exchange {
    fn assert_answered(&self, body: &[u8]) {
        let body = String::from_utf8_lossy(body);
        assert_eq!(body, self.answer, "{} {}", self.method, self.path);
    }
}

/// The curl command's words, with single quotes as the shell reads them.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => words.extend((!word.is_empty()).then(|| std::mem::take(&mut word))),
            c => word.push(c),
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

/// Reads a curl command as curl would send it: `-d` makes the request a
/// POST of a form unless the command says otherwise.
fn exchange(command: &str, answer: &str) -> Exchange {
    let mut exchange = Exchange {
        method: String::new(),
        path: String::new(),
        headers: Vec::new(),
        body: String::new(),
        answer: answer.to_owned(),
    };
    let mut words = words(command).into_iter();
    assert_eq!(words.next().as_deref(), Some("curl"));
    while let Some(word) = words.next() {
        match word.as_str() {
            "-X" => exchange.method = words.next().expect("a method"),
            "-H" => {
                let header = words.next().expect("a header");
                let (name, value) = header.split_once(": ").expect("name: value");
                exchange
                    .headers
                    .push((name.to_lowercase(), value.to_owned()));
            }
            "-d" => exchange.body = words.next().expect("a body"),
            url => {
                let path = url
                    .strip_prefix("localhost:3000")
                    .expect("a URL on port 3000");
                exchange.path = path.to_owned();
            }
        }
    }
    if !exchange.body.is_empty() {
        if exchange.method.is_empty() {
            exchange.method = "POST".to_owned();
        }
        if !exchange
            .headers
            .iter()
            .any(|(name, _)| name == "content-type")
        {
            let form = "application/x-www-form-urlencoded";
            exchange
                .headers
                .push(("content-type".to_owned(), form.to_owned()));
        }
    }
    if exchange.method.is_empty() {
        exchange.method = "GET".to_owned();
    }
    exchange
}

/// The exchanges of the README's axum section.
fn exchanges() -> Vec<Exchange> {
    let console = blocks("console");
    let lines: Vec<&str> = console.first().expect("a console block").lines().collect();
    let exchanges: Vec<Exchange> = lines
        .chunks(2)
        .map(|pair| {
            let command = pair[0].strip_prefix("$ ").expect("a command");
            exchange(command, pair.get(1).expect("its answer"))
        })
        .collect();
    assert_eq!(exchanges.len(), 6);
    exchanges
}

async fn axum_answers(app: axum::Router) {
    for exchange in exchanges() {
        let mut request = Request::builder()
            .method(exchange.method.as_str())
            .uri(&exchange.path);
        for (name, value) in &exchange.headers {
            request = request.header(name, value);
        }
        let request = request
            .body(Body::from(exchange.body.clone()))
            .expect("a request");
        let response = app.clone().oneshot(request).await.expect("an answer");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("a body");
        exchange.assert_answered(&body);
    }
}

#[tokio::test]
async fn the_axum_example_answers_as_shown() {
    axum_answers(axum_signup::app()).await;
}

#[tokio::test]
async fn the_openapi_example_answers_as_shown() {
    axum_answers(openapi_signup::app()).await;
}

#[actix_web::test]
async fn the_actix_example_answers_as_shown() {
    let app = init_service(
        actix_web::App::new()
            .wrap(error_handlers())
            .configure(actix_signup::routes),
    )
    .await;
    for exchange in exchanges() {
        let method = exchange.method.parse().expect("a method");
        let mut request = TestRequest::default().method(method).uri(&exchange.path);
        for (name, value) in &exchange.headers {
            request = request.insert_header((name.as_str(), value.as_str()));
        }
        let request = request.set_payload(exchange.body.clone()).to_request();
        let body = read_body(call_service(&app, request).await).await;
        exchange.assert_answered(&body);
    }
}

#[tokio::test]
async fn the_readme_shows_the_documented_response() {
    let request = Request::get("/openapi.json")
        .body(Body::empty())
        .expect("a request");
    let response = openapi_signup::app()
        .oneshot(request)
        .await
        .expect("an answer");
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    let document: Value = serde_json::from_slice(&body).expect("JSON");
    let mut conflict = document["paths"]["/signup"]["post"]["responses"]["409"].clone();
    let schema = conflict["content"]["application/problem+json"]
        .as_object_mut()
        .expect("problem+json content")
        .remove("schema");
    assert!(schema.is_some());
    let shown = blocks("json")
        .into_iter()
        .find(|block| block.contains("email_taken"))
        .expect("the README shows the response");
    assert_eq!(
        serde_json::from_str::<Value>(shown).expect("JSON"),
        conflict
    );
}
