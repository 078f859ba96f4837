//! Limits: what a hostile request or a huge error costs, so that neither
//! makes a server do unbounded work or send an unbounded answer. A body
//! over the parser's limit is refused unread; deep nesting, huge names and
//! values and long `Content-Type`s get a short answer, from the parser, the
//! axum and actix-web extractors and `render_errors` alike; a hundred
//! thousand sub-errors give a bounded body; long messages, codes and
//! members render in linear size.

use std::collections::HashMap;

use api_error::format::{Format, MAX_SUB_ERRORS, Problem};
use api_error::http::StatusCode;
use api_error::http::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use api_error::{ApiError, FieldError, FieldPath, JsonParser, RequestError};
use serde::{Deserialize, Deserializer};

#[path = "support/body.rs"]
mod body;
#[path = "support/errors.rs"]
mod errors;
#[path = "support/renderings.rs"]
mod renderings;

use body::json_headers;
use errors::invalid;
use renderings::{PRESETS, json_strings, parsed, renderings};

/// A type whose deserialization fails the test: a body it is given was read.
#[derive(Debug)]
struct Untouchable;

impl<'de> Deserialize<'de> for Untouchable {
    fn deserialize<D: Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        panic!("the parser read a body over its limit")
    }
}

/// Renders `err` in every preset, each body valid JSON; the largest size.
fn largest_body(err: &dyn ApiError) -> usize {
    PRESETS
        .iter()
        .map(|(_, format)| {
            let body = format.render(err);
            parsed(&body);
            body.len()
        })
        .max()
        .unwrap()
}

#[test]
fn a_body_over_the_limit_is_refused_unread() {
    let headers = json_headers();
    for limit in [0, 1, 16, 1024, 64 * 1024] {
        let parser = JsonParser::new().limit(limit);
        for body in [
            vec![b'{'; limit + 1],
            vec![0xff; limit + 1],
            vec![b' '; 4 * limit + 7],
        ] {
            let err = parser.parse::<Untouchable>(&headers, &body).unwrap_err();
            assert_eq!(err.status(), StatusCode::PAYLOAD_TOO_LARGE);
            assert_eq!(err.code(), "payload_too_large");
            assert_eq!(
                err.message(),
                format!("The request body is larger than the limit of {limit} bytes.")
            );
            for seen in renderings(&err) {
                parsed(&seen.body);
                if let Some(status) = seen.status {
                    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
                }
            }
        }
    }
    // Far over the default limit: refused just the same.
    let huge = vec![b'['; 16 << 20];
    let err = api_error::parse_json::<Untouchable>(&headers, &huge).unwrap_err();
    assert_eq!(
        err.message(),
        "The request body is larger than the limit of 2097152 bytes."
    );
    // At the limit exactly, the body is read; a zero limit still reads an
    // empty body (and finds it empty).
    let parser = JsonParser::new().limit(7);
    assert_eq!(
        parser.parse::<Vec<u8>>(&headers, b"[1,2,3]").unwrap(),
        [1, 2, 3]
    );
    let err = JsonParser::new()
        .limit(0)
        .parse::<serde_json::Value>(&headers, b"")
        .unwrap_err();
    assert_eq!(err.code(), "invalid_request");
    // The content type is checked first, still without reading.
    let err = parser
        .parse::<Untouchable>(&HeaderMap::new(), &[0; 100])
        .unwrap_err();
    assert_eq!(err.code(), "unsupported_media_type");
}

#[test]
fn deep_typed_bodies_get_a_short_400() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Node {
        child: Option<Box<Node>>,
    }
    let headers = json_headers();
    let deep = |depth: usize, leaf: &str| {
        format!(
            "{}{leaf}{}",
            r#"{"child":"#.repeat(depth),
            "}".repeat(depth)
        )
    };
    for body in [
        deep(100_000, "null"),
        // Cut short: nesting, not the end, is what is wrong first.
        r#"{"child":"#.repeat(100_000),
        // Deep inside a member the type does not know.
        format!(r#"{{"other":{}}}"#, "[".repeat(100_000)),
        // As deep as the default limit allows.
        "[".repeat(api_error::request::DEFAULT_LIMIT),
    ] {
        let err = api_error::parse_json::<Node>(&headers, body.as_bytes()).unwrap_err();
        assert_eq!(err.status(), StatusCode::BAD_REQUEST, "{err:?}");
        assert!(err.message().len() < 256, "{}", err.message());
        assert!(largest_body(&err) < 512);
    }
    // 127 levels parse; the limit is about nesting, not about size.
    assert!(api_error::parse_json::<Node>(&headers, deep(126, "null").as_bytes()).is_ok());
    // Brackets inside a string are not nesting.
    let in_string = format!(r#"{{"child":null,"x":"{}"}}"#, "[".repeat(100_000));
    let err = api_error::parse_json::<Node>(&headers, in_string.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "unexpected_field");
}

/// The request errors a huge name or value gives, with their message's and
/// largest body's sizes.
fn measure(label: &str, err: &RequestError) -> (usize, usize) {
    let sizes = (err.message().len(), largest_body(err));
    eprintln!(
        "{label}: {} -> message {} bytes, largest body {} bytes",
        err.code(),
        sizes.0,
        sizes.1
    );
    sizes
}

const MIB: usize = 1 << 20;

#[test]
fn a_huge_name_or_value_gets_a_short_answer() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Signup {
        email: Option<String>,
        age: Option<u8>,
        plan: Option<Plan>,
        scores: Option<HashMap<String, u8>>,
        #[serde(default, deserialize_with = "quoting")]
        code: (),
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Plan {
        Free,
        Pro,
    }
    /// A `Deserialize` impl whose error quotes the whole value.
    fn quoting<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
        let value = String::deserialize(deserializer)?;
        Err(serde::de::Error::custom(format!("{value} is not a code")))
    }

    let headers = json_headers();
    let parse = |body: String| api_error::parse_json::<Signup>(&headers, body.as_bytes());
    let mut sizes = Vec::new();
    for (filler, name) in [
        ("k", "ASCII"),
        ("\"", "quotes"),
        ("é", "é"),
        ("🦀", "emoji"),
    ] {
        // 1 MiB in the body, escaped.
        let width = serde_json::to_string(filler).unwrap().len() - 2;
        let long = filler.repeat(MIB / width);
        let escaped = serde_json::to_string(&long).unwrap();
        let cases = [
            ("unknown field name", format!("{{{escaped}: 1}}")),
            ("map key", format!(r#"{{"scores": {{{escaped}: "x"}}}}"#)),
            ("wrong type", format!(r#"{{"age": {escaped}}}"#)),
            ("unknown variant", format!(r#"{{"plan": {escaped}}}"#)),
            ("custom error", format!(r#"{{"code": {escaped}}}"#)),
            (
                "value of an unknown field",
                format!(r#"{{"email": "a@b.c", "x": {escaped}}}"#),
            ),
        ];
        for (case, body) in cases {
            let err = parse(body).unwrap_err();
            let (message, body) = measure(&format!("1 MiB {name} {case}"), &err);
            sizes.push((name, case, message, body));
        }
    }
    // ASCII: every message and body within 1 KiB.
    for (name, case, message, body) in &sizes {
        if *name == "ASCII" {
            assert!(*message <= 1024, "{case}: {message}");
            assert!(*body <= 1024, "{case}: {body}");
        }
        // Whatever the text: a few KiB at most (clipping counts characters,
        // and a pointer percent-encodes each byte of a name).
        assert!(*message <= 2048, "{name} {case}: {message}");
        assert!(*body <= 4096, "{name} {case}: {body}");
    }
}

#[test]
fn a_deep_path_of_long_names_is_cut_in_messages_and_whole_in_pointers() {
    // Each name is cut, and a path of up to 127 of them is cut in the
    // middle where it is shown to people; the pointer repeats them all.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Tree(HashMap<String, Tree>);
    let headers = json_headers();
    for (filler, name) in [("k", "ASCII"), ("🦀", "emoji")] {
        let key = serde_json::to_string(&filler.repeat(200)).unwrap();
        let depth = 126;
        let body = format!(
            "{}1{}",
            format!("{{{key}:").repeat(depth),
            "}".repeat(depth)
        );
        let err = api_error::parse_json::<Tree>(&headers, body.as_bytes()).unwrap_err();
        assert_eq!(err.code(), "invalid_field");
        let problem = Problem::render(&err).len();
        let (message, largest) = measure(
            &format!(
                "{depth} nested {name} keys of 200 chars, request body {} bytes",
                body.len()
            ),
            &err,
        );
        eprintln!("    Problem body {problem} bytes");
        assert!(message <= 1024, "{message}");
        // Bounded by the depth limit: 127 names of at most 101 characters,
        // a pointer percent-encoding each byte.
        assert!(problem >= 126 * 100);
        assert!(largest <= 127 * (101 * 4 * 4) + 1024);
    }
}

/// The sub-errors a body lists, wherever its format puts them.
fn listed(format: &str, body: &serde_json::Value) -> usize {
    let list = match format {
        "Flat" | "Standard" | "Problem" => &body["errors"],
        "Meta" => &body["meta"]["error"]["errors"],
        "Nested" => &body["error"]["inner"],
        "JsonApi" => &body["errors"],
        "Google" => &body["error"]["details"][1]["fieldViolations"],
        "Microsoft" => &body["error"]["details"],
        _ => unreachable!(),
    };
    list.as_array().map_or(0, Vec::len)
}

#[test]
fn a_hundred_thousand_sub_errors_give_a_bounded_body() {
    let n = 100_000;
    let err = invalid(n);
    assert_eq!(err.errors().len(), n);
    let one = invalid(1);
    for (name, format) in PRESETS {
        let body = format.render(&err);
        let count = listed(name, &parsed(&body));
        let single = format.render(&one).len();
        eprintln!(
            "{n} sub-errors in {name}: body {} bytes, {count} listed (one sub-error: {single} bytes)",
            body.len()
        );
        assert_eq!(count, MAX_SUB_ERRORS, "{name}");
        // The body: the envelope and at most the cap's worth of items.
        assert!(
            body.len() <= single * MAX_SUB_ERRORS,
            "{name}: {}",
            body.len()
        );
        // The first ones, in order.
        let first = invalid(MAX_SUB_ERRORS);
        assert_eq!(body, format.render(&first), "{name}");
    }
    // The error keeps them all, for logs.
    assert_eq!(err.0.len(), n);
}

#[test]
fn a_long_message_renders_in_linear_size() {
    #[derive(Debug, ApiError)]
    #[api(status = 409, message = "The user {0} already exists.")]
    struct Exists(String);
    // The escaped length of each filler character in a JSON string.
    for (filler, escaped) in [
        ("x", 1),
        ("\"", 2),
        ("\n", 2),
        ("\u{1}", 6),
        ("é", 2),
        ("🦀", 4),
    ] {
        // 1 MiB of plain text; enough of the others to show the escapes.
        let size = if filler == "x" { MIB } else { 64 * 1024 };
        let value = filler.repeat(size / filler.len());
        let grown = value.chars().count() * escaped;
        let big = Exists(value);
        let small = Exists(String::new());
        let message = big.message();
        assert_eq!(message.len(), small.message().len() + size);
        for (name, format) in PRESETS {
            let body = format.render(&big);
            assert_eq!(
                body.len(),
                format.render(&small).len() + grown,
                "{name} with {filler:?}"
            );
            if filler != "x" {
                continue;
            }
            // The message comes back whole.
            let decoded = parsed(&body);
            assert!(json_strings(&decoded).contains(&message), "{name}");
        }
        assert_eq!(
            api_error::response(&big).into_body().len(),
            api_error::render(&small).len() + grown
        );
    }
}

#[test]
fn long_codes_and_members_render_in_linear_size() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum Coded {
        #[api(
            code = "a_very_long_code_that_a_team_might_write_when_it_wants_to_say_everything_in_the_code_itself_rather_than_in_the_message_because_codes_are_what_clients_branch_on_and_they_should_be_stable_and_descriptive_and_so_on_and_so_forth_until_it_is_long"
        )]
        Long,
        #[api(status = 422)]
        Members {
            #[api(instance)]
            instance: String,
            #[api(extension)]
            extra: String,
            #[api(errors)]
            errors: Vec<FieldError>,
        },
    }
    let code = Coded::Long.code().to_owned();
    assert!(code.len() > 200);
    for (name, format) in PRESETS {
        let body = format.render(&Coded::Long);
        // Google sends it as its reason, upper-cased.
        let sent = match name {
            "Google" => code.to_ascii_uppercase(),
            _ => code.clone(),
        };
        assert!(json_strings(&parsed(&body)).contains(&sent), "{name}");
    }
    let members = |n: usize| Coded::Members {
        instance: "i".repeat(n),
        extra: "e".repeat(n),
        errors: vec![
            FieldError::new("c".repeat(n), "m".repeat(n)).at(FieldPath::new().field("f".repeat(n))),
        ],
    };
    for (name, format) in PRESETS {
        let small = format.render(&members(1)).len();
        let big = format.render(&members(MIB + 1)).len();
        parsed(&format.render(&members(MIB + 1)));
        // Each member appears a whole number of times, but for a dotted
        // path, which is cut to 303 bytes (from 1 here): growth is a
        // multiple of the growth of the input, or that and 302 bytes.
        let growth = big - small;
        assert!(matches!(growth % MIB, 0 | 302), "{name}: {growth}");
        assert!(growth <= 5 * MIB, "{name}: {growth}");
        eprintln!(
            "{name}: 1 MiB instance, extension, sub-error code, message and path: body grows by {} MiB",
            growth / MIB
        );
    }
}

#[test]
fn a_hostile_content_type_gets_a_short_answer() {
    let ten_kib = 10 * 1024;
    let cases = [
        ("ASCII", format!("text/{}", "x".repeat(ten_kib))),
        ("quotes", format!("text/{}", "\"".repeat(ten_kib))),
    ];
    for (name, content_type) in cases {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_str(&content_type).unwrap());
        let err = api_error::parse_json::<serde_json::Value>(&headers, b"{}").unwrap_err();
        assert_eq!(err.code(), "unsupported_media_type");
        let (message, body) = measure(&format!("10 KiB {name} Content-Type"), &err);
        assert!(message <= 1024 && body <= 1024, "{name}");
    }
    // Bytes that are not UTF-8 (obs-text), valid in a header value.
    let mut headers = HeaderMap::new();
    let bytes: Vec<u8> = (0x80..=0xffu8).cycle().take(ten_kib).collect();
    headers.insert(CONTENT_TYPE, HeaderValue::from_bytes(&bytes).unwrap());
    let err = api_error::parse_json::<serde_json::Value>(&headers, b"{}").unwrap_err();
    let (message, body) = measure("10 KiB obs-text Content-Type", &err);
    assert!(message <= 1024 && body <= 1024);
    // JSON with 10 KiB of parameters is JSON.
    let mut headers = HeaderMap::new();
    let long = format!("application/json; x={}", "y".repeat(ten_kib));
    headers.insert(CONTENT_TYPE, HeaderValue::from_str(&long).unwrap());
    assert!(api_error::parse_json::<serde_json::Value>(&headers, b"{}").is_ok());
}

/// The `detail` of a Problem body.
fn detail(body: &[u8]) -> String {
    parsed(body)["detail"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A query or path parameter with a few allowed values.
#[derive(Deserialize)]
#[allow(dead_code)]
enum Sort {
    #[serde(rename = "asc")]
    Asc,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Page {
    sort: Sort,
}

/// The status and body of a GET of `uri` from `app`.
async fn axum_get(app: &axum::Router, uri: &str) -> (StatusCode, Vec<u8>) {
    use tower::ServiceExt;

    let request = axum::http::Request::builder()
        .uri(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, body.to_vec())
}

#[tokio::test]
async fn axum_render_errors_gives_a_short_answer_to_a_long_content_type() {
    use axum::Router;
    use axum::body::Body;
    use axum::routing::put;
    use tower::ServiceExt;

    async fn echo(axum::Json(value): axum::Json<serde_json::Value>) -> String {
        value.to_string()
    }
    let app = Router::new()
        .route("/echo", put(echo))
        .layer(axum::middleware::from_fn(api_error::axum::render_errors));
    let request = axum::http::Request::builder()
        .method("PUT")
        .uri("/echo")
        .header(
            axum::http::header::CONTENT_TYPE,
            format!("text/{}", "x".repeat(10 * 1024)),
        )
        .body(Body::from("{}"))
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let detail = detail(&body);
    eprintln!(
        "axum render_errors, 10 KiB Content-Type: detail {} bytes, body {} bytes",
        detail.len(),
        body.len()
    );
    assert!(body.len() <= 1024, "{}", body.len());
}

#[tokio::test]
async fn axum_query_rejection_gives_a_short_answer_to_a_long_value() {
    use api_error::axum::Query;
    use axum::Router;
    use axum::routing::get;

    async fn list(Query(_): Query<Page>) -> &'static str {
        "ok"
    }
    let app = Router::new().route("/items", get(list));
    let uri = format!("/items?sort={}", "x".repeat(32 * 1024));
    let (status, body) = axum_get(&app, &uri).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    eprintln!(
        "axum Query, 32 KiB unknown variant: detail {} bytes, body {} bytes",
        detail(&body).len(),
        body.len()
    );
    assert!(body.len() <= 1024, "{}", body.len());
}

#[tokio::test]
async fn axum_path_rejection_gives_a_short_answer_to_a_long_value() {
    use api_error::axum::Path;
    use axum::Router;
    use axum::routing::get;

    async fn by_id(Path(_): Path<u32>) -> &'static str {
        "ok"
    }
    async fn by_key(Path(_): Path<HashMap<String, u32>>) -> &'static str {
        "ok"
    }
    async fn by_index(Path(_): Path<(String, u32)>) -> &'static str {
        "ok"
    }
    async fn sorted(Path(_): Path<Sort>) -> &'static str {
        "ok"
    }
    let app = Router::new()
        .route("/items/{id}", get(by_id))
        .route("/keys/{id}", get(by_key))
        .route("/pairs/{name}/{id}", get(by_index))
        .route("/sorted/{sort}", get(sorted));
    let long = "x".repeat(32 * 1024);
    for (case, uri) in [
        ("u32", format!("/items/{long}")),
        ("map value", format!("/keys/{long}")),
        ("tuple element", format!("/pairs/a/{long}")),
        ("unknown variant", format!("/sorted/{long}")),
    ] {
        let (status, body) = axum_get(&app, &uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{case}");
        let detail = detail(&body);
        eprintln!(
            "axum Path, 32 KiB {case}: detail {} bytes, body {} bytes",
            detail.len(),
            body.len()
        );
        assert!(detail.contains("xxx"), "{case}: {detail}");
        assert!(detail.contains('…'), "{case}: {detail}");
        assert!(body.len() <= 1024, "{case}: {}", body.len());
    }
    // A short value is repeated whole.
    let expected =
        r#"id is invalid: expected an integer from 0 to 4294967295, found the string "abc"."#;
    for uri in ["/items/abc", "/keys/abc", "/pairs/a/abc"] {
        let (_, body) = axum_get(&app, uri).await;
        assert_eq!(detail(&body), expected, "{uri}");
    }
}

#[actix_web::test]
async fn actix_path_and_query_configs_give_a_short_answer_to_a_long_value() {
    use actix_web::test::{TestRequest, call_service, init_service, read_body};
    use actix_web::{App, web};

    async fn by_id(_: web::Path<u32>) -> &'static str {
        "ok"
    }
    async fn list(_: web::Query<Page>) -> &'static str {
        "ok"
    }
    async fn own_by_id(_: api_error::actix::Path<u32>) -> &'static str {
        "ok"
    }
    async fn own_list(_: api_error::actix::Query<Page>) -> &'static str {
        "ok"
    }
    let app = init_service(
        App::new()
            .app_data(api_error::actix::path_config())
            .app_data(api_error::actix::query_config())
            .route("/items/{id}", web::get().to(by_id))
            .route("/items", web::get().to(list))
            .route("/own/{id}", web::get().to(own_by_id))
            .route("/own", web::get().to(own_list)),
    )
    .await;
    let long = "x".repeat(32 * 1024);
    for (case, uri, quoted) in [
        (
            "path_config, 32 KiB value for a u32",
            format!("/items/{long}"),
            false,
        ),
        (
            "query_config, 32 KiB unknown variant",
            format!("/items?sort={long}"),
            false,
        ),
        ("Path, 32 KiB value for a u32", format!("/own/{long}"), true),
        (
            "Query, 32 KiB unknown variant",
            format!("/own?sort={long}"),
            true,
        ),
    ] {
        let request = TestRequest::get().uri(&uri).to_request();
        let response = call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), 400, "{case}");
        let body = read_body(response).await;
        let detail = detail(&body);
        eprintln!(
            "actix {case}: detail {} bytes, body {} bytes",
            detail.len(),
            body.len()
        );
        if quoted {
            assert!(detail.contains("xxx\"…"), "{case}: {detail}");
        }
        assert!(body.len() <= 1024, "{case}: {}", body.len());
    }
}

#[actix_web::test]
async fn actix_json_config_gives_a_short_answer_to_long_input() {
    use actix_web::test::{TestRequest, call_service, init_service, read_body};
    use actix_web::{App, web};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct NewUser {
        name: String,
    }
    async fn create(user: web::Json<NewUser>) -> String {
        user.name.clone()
    }
    let app = init_service(
        App::new()
            .app_data(api_error::actix::json_config())
            .route("/users", web::post().to(create)),
    )
    .await;
    let mut sizes = Vec::new();
    for (case, content_type, body) in [
        (
            "10 KiB Content-Type",
            format!("text/{}", "x".repeat(10 * 1024)),
            "{}".to_owned(),
        ),
        (
            "1 MiB unknown field name",
            "application/json".to_owned(),
            format!(r#"{{"{}": 1}}"#, "k".repeat(MIB)),
        ),
        (
            "1 MiB string for a number",
            "application/json".to_owned(),
            format!(r#"{{"name": 1, "x": "{}"}}"#, "k".repeat(MIB)),
        ),
    ] {
        let request = TestRequest::post()
            .uri("/users")
            .insert_header((actix_web::http::header::CONTENT_TYPE, content_type))
            .set_payload(body)
            .to_request();
        let response = call_service(&app, request).await;
        assert!(response.status().is_client_error(), "{case}");
        let body = read_body(response).await;
        eprintln!(
            "actix json_config, {case}: detail {} bytes, body {} bytes",
            detail(&body).len(),
            body.len()
        );
        sizes.push((case, body.len()));
    }
    for (case, size) in sizes {
        assert!(size <= 1024, "{case}: {size}");
    }
}
