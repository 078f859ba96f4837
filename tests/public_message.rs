//! The public message rule: a server error without an explicit `message`
//! shows only its reason phrase; its `Display` and source chain never reach
//! a client. Checked on errors with secrets in their own text and five
//! levels down their source chain, wrapped every way, through the bodies
//! and headers of every preset, `api_error::render` and `response`, axum
//! and actix-web responses, and the catalog.

use std::error::Error;
use std::fmt;

use api_error::ApiError;
use api_error::format::{Flat, Format, Problem};
use api_error::http::StatusCode;

#[path = "support/renderings.rs"]
mod renderings;
#[path = "support/secrets.rs"]
mod secrets;

use renderings::{Seen, header_pairs, parsed, renderings};
use secrets::{
    LEVEL_SECRETS, Layer, Loud, Outer, Plain, TOP_SECRET, anys, assert_no_telltale, chain_text,
    louds, outers, plains,
};

#[derive(Debug)]
struct Leaky(&'static str);

impl fmt::Display for Leaky {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection to {} refused", self.0)
    }
}

impl Error for Leaky {}

/// Every rendering of `err` a client could see.
fn public_texts(err: &dyn ApiError) -> Vec<String> {
    let mut texts = vec![err.message(), err.title().to_owned(), err.code().to_owned()];
    for body in [
        Flat::render(err),
        Problem::render(err),
        Flat::response(err).into_body(),
    ] {
        texts.push(String::from_utf8(body).unwrap());
    }
    texts
}

fn assert_no_secret(err: &dyn ApiError) {
    for text in public_texts(err) {
        assert!(!text.contains("hunter2"), "leaked: {text}");
    }
}

#[test]
fn a_server_error_hides_its_source_chain() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 500)]
        Database(#[source] Leaky),
        #[api(status = 503)]
        Pool(#[from] Leaky),
    }
    let err = E::Database(Leaky(TOP_SECRET));
    assert_eq!(err.message(), "Internal Server Error");
    assert!(err.source().unwrap().to_string().contains("hunter2"));
    assert_no_secret(&err);
    assert_no_secret(&E::from(Leaky(TOP_SECRET)));
}

#[test]
fn a_server_error_hides_its_thiserror_display() {
    #[derive(Debug, thiserror::Error, ApiError)]
    enum E {
        #[error("query failed on {0}")]
        #[api(status = 500)]
        Query(&'static str),
        #[error("upstream said: {0}")]
        #[api(status = 502)]
        Upstream(#[source] Leaky),
    }
    let err = E::Query(TOP_SECRET);
    assert!(err.to_string().contains("hunter2"));
    assert_eq!(err.message(), "Internal Server Error");
    assert_no_secret(&err);
    assert_no_secret(&E::Upstream(Leaky(TOP_SECRET)));
    assert_eq!(
        Problem::render(&E::Upstream(Leaky(TOP_SECRET))),
        br#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Bad Gateway","code":"upstream"}"#
    );
}

#[test]
fn a_transparent_variant_keeps_the_inner_rule() {
    #[derive(Debug, thiserror::Error, ApiError)]
    #[error("inner: {0}")]
    #[api(status = 500)]
    struct Inner(&'static str);

    #[derive(Debug, ApiError)]
    enum Outer {
        #[api(transparent)]
        Inner(Inner),
    }
    assert_no_secret(&Outer::Inner(Inner(TOP_SECRET)));
}

#[test]
fn an_explicit_message_is_used_as_written() {
    #[derive(Debug, ApiError)]
    enum E {
        #[api(status = 500, message = "A server error occurred.")]
        Generic(#[source] Leaky),
        #[api(status = 503, message = "Retry in {0} seconds.")]
        Busy(u32),
    }
    assert_eq!(
        E::Generic(Leaky(TOP_SECRET)).message(),
        "A server error occurred."
    );
    assert_eq!(E::Busy(30).message(), "Retry in 30 seconds.");
    assert_no_secret(&E::Generic(Leaky(TOP_SECRET)));
}

/// What a client sees of `err` without a framework.
fn assert_redacted(err: &dyn ApiError) {
    // The test means something only if the secrets are there to leak.
    let chain = chain_text(err);
    for secret in LEVEL_SECRETS {
        assert!(chain.contains(secret), "{chain}");
    }
    assert!(err.status().is_server_error(), "{err:?}");
    let label = format!("{err:?}");
    for text in [
        err.message(),
        err.title().to_owned(),
        err.code().to_owned(),
        err.type_uri().to_owned(),
        err.instance().unwrap_or_default().to_owned(),
    ] {
        assert_no_telltale(&label, &text);
    }
    for seen in renderings(err) {
        parsed(&seen.body);
        for text in seen.texts() {
            assert_no_telltale(&format!("{} of {label}", seen.how), &text);
        }
    }
}

#[test]
fn five_level_source_chains_never_reach_a_client() {
    for err in plains() {
        assert_redacted(&err);
    }
    for err in louds() {
        assert_redacted(&err);
    }
    for err in outers() {
        assert_redacted(&err);
    }
    for err in anys() {
        assert_redacted(&err);
    }
    // The public messages: the reason phrase, or an explicit message.
    let messages: Vec<String> = plains().iter().map(ApiError::message).collect();
    assert_eq!(
        messages,
        [
            "Internal Server Error",
            "Bad Gateway",
            "Service Unavailable",
            "Internal Server Error",
            "Gateway Timeout",
            "Attempt 3 failed; retry later.",
        ]
    );
    let messages: Vec<String> = louds().iter().map(ApiError::message).collect();
    assert_eq!(
        messages,
        [
            "Internal Server Error",
            "Bad Gateway",
            "Service Unavailable",
            "Gateway Timeout",
            "Internal Server Error",
            "Insufficient Storage",
        ]
    );
    // thiserror's `Display` does hold the secret: only the message hides it.
    assert!(Loud::Inline(Layer::full()).to_string().contains("hunter2"));
    assert!(
        Loud::Query(TOP_SECRET.into(), Layer::full())
            .to_string()
            .contains("hunter2")
    );
}

#[test]
fn the_catalog_never_shows_a_server_errors_display() {
    for (name, catalog) in [
        ("Plain", Plain::catalog()),
        ("Loud", Loud::catalog()),
        ("Outer", Outer::catalog()),
    ] {
        assert!(!catalog.is_empty(), "{name}");
        let markdown = catalog.markdown().to_string();
        let json = catalog.to_json();
        assert!(json.contains("\"query\"") || name == "Plain", "{json}");
        assert_no_telltale(&format!("{name}'s Markdown"), &markdown);
        assert_no_telltale(&format!("{name}'s JSON"), &json);
        for item in catalog.iter() {
            let entry = item.entry();
            assert_no_telltale(name, entry.message());
            assert_no_telltale(name, entry.title());
            assert_no_telltale(name, &String::from_utf8_lossy(&item.example_body()));
        }
    }
    // The 5xx thiserror template is not the catalog's message.
    let inline = Loud::Inline(Layer::full());
    assert_eq!(inline.entry().unwrap().message(), "Internal Server Error");
}

#[tokio::test]
async fn axum_responses_never_show_a_server_errors_display() {
    use axum::response::IntoResponse;

    async fn seen(how: &str, response: axum::response::Response) -> Seen {
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .expect("a body");
        Seen {
            how: how.to_owned(),
            status: Some(parts.status),
            headers: header_pairs(&parts.headers),
            body: body.to_vec(),
        }
    }

    let mut all = Vec::new();
    for err in outers() {
        let expected = api_error::render(&err);
        let status = err.status();
        let got = seen("Outer", err.into_response()).await;
        assert_eq!(got.status, Some(status));
        assert_eq!(got.body, expected);
        all.push(got);
    }
    for err in anys() {
        all.push(seen("Any", err.into_response()).await);
    }
    for err in louds() {
        all.push(seen("Loud", err.into_response()).await);
    }
    for err in plains() {
        all.push(seen("Plain", err.into_response()).await);
    }
    for seen in &all {
        assert!(seen.status.unwrap().is_server_error());
        parsed(&seen.body);
        for text in seen.texts() {
            assert_no_telltale(&seen.how, &text);
        }
    }
}

#[tokio::test]
async fn actix_responses_never_show_a_server_errors_display() {
    use actix_web::ResponseError;

    async fn seen(how: &str, err: &dyn ResponseError) -> Seen {
        let response = err.error_response();
        let status = StatusCode::from_u16(response.status().as_u16()).unwrap();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
            .collect();
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .expect("a body");
        Seen {
            how: how.to_owned(),
            status: Some(status),
            headers,
            body: body.to_vec(),
        }
    }

    let mut all = Vec::new();
    for err in outers() {
        let got = seen("Outer", &err).await;
        assert_eq!(got.body, api_error::render(&err));
        assert_eq!(got.status, Some(err.status()));
        all.push(got);
    }
    for err in anys() {
        all.push(seen("Any", &err).await);
    }
    for err in louds() {
        all.push(seen("Loud", &err).await);
    }
    for err in plains() {
        all.push(seen("Plain", &err).await);
    }
    for seen in &all {
        assert!(seen.status.unwrap().is_server_error());
        parsed(&seen.body);
        for text in seen.texts() {
            assert_no_telltale(&seen.how, &text);
        }
    }
}
