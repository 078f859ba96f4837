//! The public message rule: a server error without an explicit `message`
//! shows only its reason phrase; its `Display` and source chain never reach
//! a body.

use std::error::Error;
use std::fmt;

use api_error::ApiError;
use api_error::format::{Flat, Format, Problem};

const SECRET: &str = "postgres://admin:hunter2@10.0.0.7";

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
    let err = E::Database(Leaky(SECRET));
    assert_eq!(err.message(), "Internal Server Error");
    assert!(err.source().unwrap().to_string().contains("hunter2"));
    assert_no_secret(&err);
    assert_no_secret(&E::from(Leaky(SECRET)));
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
    let err = E::Query(SECRET);
    assert!(err.to_string().contains("hunter2"));
    assert_eq!(err.message(), "Internal Server Error");
    assert_no_secret(&err);
    assert_no_secret(&E::Upstream(Leaky(SECRET)));
    assert_eq!(
        Problem::render(&E::Upstream(Leaky(SECRET))),
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
    assert_no_secret(&Outer::Inner(Inner(SECRET)));
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
        E::Generic(Leaky(SECRET)).message(),
        "A server error occurred."
    );
    assert_eq!(E::Busy(30).message(), "Retry in 30 seconds.");
    assert_no_secret(&E::Generic(Leaky(SECRET)));
}
