//! Path and query parameters (`parse_path`, `parse_query`, and the `Path`
//! and `Query` extractors of `api_error::axum` and `api_error::actix`): one
//! table of requests, each sent over HTTP to an axum and an actix-web server
//! serving the same handlers, which must answer alike, with the status, code,
//! message and sub-errors the table gives.
//!
//! Then the frameworks' own extractors, whose rejections `render_errors`
//! and the actix configs word in the client's terms.

use serde::Deserialize;
use serde_json::{Value, json};

#[path = "support/servers.rs"]
mod support;

// Read through `Debug`, which the handlers answer with.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Item {
    shop: String,
    id: u32,
}

// Read through `Debug`, which the handlers answer with.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Range {
    from: u8,
    to: u8,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Order {
    Asc,
    Desc,
}

// Read through `Debug`, which the handlers answer with.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Search {
    q: String,
    page: Option<u32>,
    #[serde(default)]
    size: u8,
    sort: Option<Order>,
    exact: Option<bool>,
    #[serde(default)]
    tag: Vec<String>,
}

/// One request, and the answer both servers give: `Ok` with the value read
/// (as `Debug` writes it), or the error's status, code, message and
/// sub-errors `(code, pointer, message)`.
struct Case {
    uri: &'static str,
    answer: Result<&'static str, Rejected>,
}

struct Rejected {
    status: u16,
    code: &'static str,
    message: &'static str,
    /// The field's pointer, for an error about one field.
    pointer: Option<&'static str>,
    errors: &'static [(&'static str, &'static str, &'static str)],
}

const fn ok(uri: &'static str, value: &'static str) -> Case {
    Case {
        uri,
        answer: Ok(value),
    }
}

/// An error about one field, at `pointer`.
const fn field(
    uri: &'static str,
    code: &'static str,
    pointer: &'static str,
    message: &'static str,
) -> Case {
    Case {
        uri,
        answer: Err(Rejected {
            status: 400,
            code,
            message,
            pointer: Some(pointer),
            errors: &[],
        }),
    }
}

/// An `invalid_fields` listing `errors`.
const fn fields(
    uri: &'static str,
    message: &'static str,
    errors: &'static [(&'static str, &'static str, &'static str)],
) -> Case {
    Case {
        uri,
        answer: Err(Rejected {
            status: 400,
            code: "invalid_fields",
            message,
            pointer: None,
            errors,
        }),
    }
}

fn cases() -> Vec<Case> {
    vec![
        ok("/items/tea/7", r#"Item { shop: "tea", id: 7 }"#),
        ok("/items/t%C3%A9%2Fx/+7", r#"Item { shop: "té/x", id: 7 }"#),
        field(
            "/items/tea/abc",
            "invalid_field",
            "#/id",
            r#"id is invalid: expected an integer from 0 to 4294967295, found the string "abc"."#,
        ),
        field(
            "/items/tea/-1",
            "invalid_field",
            "#/id",
            r#"id is invalid: expected an integer from 0 to 4294967295, found the string "-1"."#,
        ),
        fields(
            "/ranges/300/x",
            "The request path has 2 invalid fields.",
            &[
                (
                    "invalid_field",
                    "#/from",
                    r#"from is invalid: expected an integer from 0 to 255, found the string "300"."#,
                ),
                (
                    "invalid_field",
                    "#/to",
                    r#"to is invalid: expected an integer from 0 to 255, found the string "x"."#,
                ),
            ],
        ),
        ok("/pages/12", "12"),
        field(
            "/pages/twelve",
            "invalid_field",
            "#/page",
            r#"page is invalid: expected an integer from 0 to 18446744073709551615, found the string "twelve"."#,
        ),
        ok("/pairs/7/x", r#"(7, "x")"#),
        field(
            "/pairs/1.5/x",
            "invalid_field",
            "#/a",
            r#"a is invalid: expected an integer from 0 to 255, found the string "1.5"."#,
        ),
        ok(
            "/search?q=green+tea%21&tag=new&tag=sale&exact=true",
            r#"Search { q: "green tea!", page: None, size: 0, sort: None, exact: Some(true), tag: ["new", "sale"] }"#,
        ),
        ok(
            "/search?sort=desc&q=x&page=007&tag=one",
            r#"Search { q: "x", page: Some(7), size: 0, sort: Some(Desc), exact: None, tag: ["one"] }"#,
        ),
        field("/search", "missing_field", "#/q", "q is missing."),
        field(
            "/search?q=tea&page=abc",
            "invalid_field",
            "#/page",
            r#"page is invalid: expected an integer from 0 to 4294967295, found the string "abc"."#,
        ),
        field(
            "/search?q=tea&page=1&page=2",
            "invalid_field",
            "#/page",
            "page is invalid: it is given more than once.",
        ),
        field(
            "/search?q=tea&exact=yes",
            "invalid_field",
            "#/exact",
            r#"exact is invalid: expected true or false, found the string "yes"."#,
        ),
        field(
            "/search?q=tea&color=red",
            "unexpected_field",
            "#/color",
            "color is not a valid field name for this request. Expected 1 required field (q) and 5 optional fields (page, size, sort, exact and tag).",
        ),
        fields(
            "/search?page=abc&size=300&sort=up&color=red",
            "The request query has 5 invalid fields.",
            &[
                (
                    "invalid_field",
                    "#/page",
                    r#"page is invalid: expected an integer from 0 to 4294967295, found the string "abc"."#,
                ),
                (
                    "invalid_field",
                    "#/size",
                    r#"size is invalid: expected an integer from 0 to 255, found the string "300"."#,
                ),
                (
                    "invalid_field",
                    "#/sort",
                    r#"sort is invalid: expected one of "asc" or "desc", found "up"."#,
                ),
                (
                    "unexpected_field",
                    "#/color",
                    "color is not a valid field name for this request. Expected 1 required field (q) and 5 optional fields (page, size, sort, exact and tag).",
                ),
                ("missing_field", "#/q", "q is missing."),
            ],
        ),
    ]
}

/// The body a case's answer is, in the default format (problem details).
fn expected_body(answer: &Rejected) -> Value {
    let mut body = json!({
        "type": "about:blank",
        "title": "Bad Request",
        "status": answer.status,
        "detail": answer.message,
        "code": answer.code,
    });
    if let Some(pointer) = answer.pointer {
        body["pointer"] = pointer.into();
    }
    if !answer.errors.is_empty() {
        body["errors"] = answer
            .errors
            .iter()
            .map(|(code, pointer, detail)| json!({"code": code, "detail": detail, "pointer": pointer}))
            .collect();
    }
    body
}

/// Sends every case to the server at `served`; the answers, as sent.
async fn answers(served: &support::Served) -> Vec<(u16, String, String)> {
    let client = reqwest::Client::new();
    let mut answers = Vec::new();
    for case in cases() {
        let response = client
            .get(served.url(case.uri))
            .send()
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|value| value.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = response.text().await.expect("a body");
        answers.push((status, content_type, body));
    }
    answers
}

/// Checks a server's answers against the table.
fn check(framework: &str, answers: &[(u16, String, String)]) {
    for (case, (status, content_type, body)) in cases().iter().zip(answers) {
        let uri = case.uri;
        match &case.answer {
            Ok(value) => assert_eq!((*status, body.as_str()), (200, *value), "{framework} {uri}"),
            Err(rejected) => {
                assert_eq!(*status, rejected.status, "{framework} {uri}: {body}");
                assert_eq!(
                    content_type, "application/problem+json",
                    "{framework} {uri}"
                );
                let body: Value = serde_json::from_str(body).expect("JSON");
                assert_eq!(body, expected_body(rejected), "{framework} {uri}");
            }
        }
    }
}

/// The routes both servers serve, each answering with what its extractor
/// read, written once for the `Path`, `Query` and `get` of the framework in
/// scope.
macro_rules! routes {
    ($app:expr) => {{
        async fn item(Path(value): Path<super::Item>) -> String {
            format!("{value:?}")
        }
        async fn range(Path(value): Path<super::Range>) -> String {
            format!("{value:?}")
        }
        async fn page(Path(value): Path<u64>) -> String {
            format!("{value:?}")
        }
        async fn pair(Path(value): Path<(u8, String)>) -> String {
            format!("{value:?}")
        }
        async fn search(Query(value): Query<super::Search>) -> String {
            format!("{value:?}")
        }
        $app.route("/items/{shop}/{id}", get(item))
            .route("/ranges/{from}/{to}", get(range))
            .route("/pages/{page}", get(page))
            .route("/pairs/{a}/{b}", get(pair))
            .route("/search", get(search))
    }};
}

mod axum_app {
    use api_error::axum::{Path, Query};
    use axum::Router;
    use axum::routing::get;

    pub fn router() -> Router {
        routes!(Router::new())
    }
}

mod actix_app {
    use actix_web::{FromRequest, Handler, Responder, Route, web};
    use api_error::actix::{Path, Query};

    /// `web::get().to(handler)`, as axum's `get(handler)` reads.
    fn get<F: Handler<Args>, Args: FromRequest + 'static>(handler: F) -> Route
    where
        F::Output: Responder + 'static,
    {
        web::get().to(handler)
    }

    pub fn configure(config: &mut web::ServiceConfig) {
        routes!(config);
    }
}

#[actix_web::test]
async fn axum_and_actix_answer_alike() {
    let axum = support::axum(axum_app::router()).await;
    let actix = support::actix(actix_app::configure);
    let from_axum = answers(&axum).await;
    let from_actix = answers(&actix).await;
    check("axum", &from_axum);
    check("actix-web", &from_actix);
    for ((case, axum), actix) in cases().iter().zip(&from_axum).zip(&from_actix) {
        assert_eq!(axum, actix, "{}", case.uri);
    }
    actix.stop().await;
}

/// What `parse_query` and `parse_path` read, and say, beyond the table.
#[test]
fn values_are_read_as_the_type_asks() {
    use std::collections::BTreeMap;

    use api_error::{ApiError, parse_path, parse_query};

    #[derive(Debug, Deserialize, PartialEq)]
    struct Numbers {
        big: u128,
        low: i128,
        ratio: f64,
        letter: char,
        tags: Option<Vec<u8>>,
        note: Option<String>,
    }
    let numbers: Numbers = parse_query(
        "big=340282366920938463463374607431768211455&low=-7&ratio=1e-3&letter=%C3%A9&note",
    )
    .unwrap();
    assert_eq!(
        numbers,
        Numbers {
            big: u128::MAX,
            low: -7,
            ratio: 0.001,
            letter: 'é',
            tags: None,
            note: Some(String::new()),
        }
    );
    let map: BTreeMap<String, u8> = parse_query("a=1&b=2").unwrap();
    assert_eq!(map, BTreeMap::from([("a".into(), 1), ("b".into(), 2)]));

    let err = parse_query::<Numbers>("big=1&low=1&ratio=NaN&letter=ab&tags=1&tags=x").unwrap_err();
    let messages: Vec<&str> = err.errors().iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            r#"ratio is invalid: expected a number, found the string "NaN"."#,
            r#"letter is invalid: expected a character, found the string "ab"."#,
            r#"tags[1] is invalid: expected an integer from 0 to 255, found the string "x"."#,
        ]
    );
    assert_eq!(err.message(), "The request query has 3 invalid fields.");

    // A type that takes one value, where the route has several.
    let err = parse_path::<u32>([("a", "1"), ("b", "2")]).unwrap_err();
    assert_eq!(err.code(), "invalid_request");
    assert_eq!(
        err.message(),
        "The request path is invalid: expected one parameter, found 2 parameters."
    );
    // A struct whose field the route does not name.
    let err = parse_path::<Item>([("shop", "tea")]).unwrap_err();
    assert_eq!(err.message(), "id is missing.");
    // A `Deserialize` impl's own words, as written.
    #[derive(Debug)]
    struct Even(#[allow(dead_code)] u32);
    impl<'de> Deserialize<'de> for Even {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let n = u32::deserialize(d)?;
            if n % 2 == 0 {
                Ok(Even(n))
            } else {
                Err(serde::de::Error::custom(format_args!("{n} is odd")))
            }
        }
    }
    let err = parse_path::<Even>([("n", "3")]).unwrap_err();
    assert_eq!(err.message(), "n is invalid: 3 is odd.");
}

/// A query of many problems is read in time proportional to it, and every
/// problem is counted.
#[test]
fn many_problems_are_all_counted() {
    use api_error::{ApiError, parse_query};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Page {
        size: u8,
    }
    let query: String = (0..5_000).map(|i| format!("k{i}=v&")).collect();
    let started = std::time::Instant::now();
    let err = parse_query::<Page>(&format!("{query}size=x")).unwrap_err();
    assert_eq!(err.message(), "The request query has 5001 invalid fields.");
    assert_eq!(err.errors().len(), 100);
    eprintln!("5,001 problems read in {:?}", started.elapsed());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

mod properties {
    use api_error::{ApiError, parse_path, parse_query};
    use proptest::prelude::*;

    use super::{Item, Search};

    proptest! {
        /// Whatever a client puts in a query or a path, the answer is a
        /// value or a client error, never a panic.
        #[test]
        fn any_query_gives_a_value_or_a_client_error(query in "[a-z=&%+0-9A-F.\\-é]{0,64}") {
            if let Err(err) = parse_query::<Search>(&query) {
                prop_assert_eq!(err.status(), 400);
            }
        }

        #[test]
        fn any_path_gives_a_value_or_a_client_error(shop in ".{0,16}", id in ".{0,16}") {
            if let Err(err) = parse_path::<Item>([("shop", shop.as_str()), ("id", id.as_str())]) {
                prop_assert_eq!(err.code(), "invalid_field");
            }
        }
    }
}
