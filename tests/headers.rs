//! The headers a response carries (RFC 9110): `WWW-Authenticate` on 401,
//! `Allow` on 405, `Retry-After` on 429 and 503, headers from fields, and
//! `Content-Type` from the format. Invalid values are dropped, never sent.

use std::time::Duration;

use api_error::ApiError;
use api_error::format::{Flat, Format, Problem};
use api_error::http::{HeaderMap, Method, Response};

fn headers(response: &Response<Vec<u8>>) -> Vec<(String, String)> {
    response
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

#[test]
fn a_401_says_how_to_authenticate() {
    #[derive(Debug, ApiError)]
    #[api(status = 401)]
    enum AuthError {
        MissingToken,
        #[api(www_authenticate = "Basic realm=\"admin\", charset=\"UTF-8\"")]
        AdminOnly,
    }
    assert_eq!(
        headers(&Flat::response(&AuthError::MissingToken)),
        pairs(&[
            ("www-authenticate", "Bearer"),
            ("content-type", "application/json")
        ])
    );
    assert_eq!(
        headers(&Flat::response(&AuthError::AdminOnly))[0],
        (
            "www-authenticate".to_owned(),
            "Basic realm=\"admin\", charset=\"UTF-8\"".to_owned()
        )
    );
    assert_eq!(
        AuthError::AdminOnly.entry().unwrap().www_authenticate(),
        Some("Basic realm=\"admin\", charset=\"UTF-8\"")
    );
}

#[test]
fn a_type_can_give_every_variant_a_challenge() {
    #[derive(Debug, ApiError)]
    #[api(status = 401, www_authenticate = "Bearer realm=\"api\"")]
    enum AuthError {
        Expired,
        #[api(www_authenticate = "Bearer error=\"invalid_token\"")]
        Invalid,
    }
    assert_eq!(
        Problem::response(&AuthError::Expired).headers()["www-authenticate"],
        "Bearer realm=\"api\""
    );
    assert_eq!(
        Problem::response(&AuthError::Invalid).headers()["www-authenticate"],
        "Bearer error=\"invalid_token\""
    );
}

#[test]
fn a_405_lists_the_allowed_methods() {
    #[derive(Debug, ApiError)]
    #[api(status = 405, message = "Method \"{method}\" not allowed.")]
    struct MethodNotAllowed {
        method: Method,
        #[api(allow)]
        allowed: Vec<Method>,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 405)]
    enum Other {
        Array(#[api(allow)] [Method; 2]),
        Text(#[api(allow)] &'static str),
        Single(#[api(allow)] Method),
    }
    let err = MethodNotAllowed {
        method: Method::PATCH,
        allowed: vec![Method::GET, Method::PUT],
    };
    assert_eq!(err.message(), "Method \"PATCH\" not allowed.");
    assert_eq!(Flat::response(&err).headers()["allow"], "GET, PUT");
    let allow = |err: &Other| {
        Flat::response(err).headers()["allow"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        allow(&Other::Array([Method::GET, Method::HEAD])),
        "GET, HEAD"
    );
    assert_eq!(allow(&Other::Text("GET, POST")), "GET, POST");
    assert_eq!(allow(&Other::Single(Method::DELETE)), "DELETE");
}

#[test]
fn a_429_or_503_says_when_to_retry() {
    #[derive(Debug, ApiError)]
    enum Busy {
        #[api(status = 429)]
        Seconds(#[api(retry_after)] u64),
        #[api(status = 429)]
        Duration {
            #[api(retry_after)]
            delay: Duration,
        },
        #[api(status = 503)]
        Maybe(#[api(retry_after)] Option<u32>),
    }
    let retry = |err: &Busy| {
        Flat::response(err)
            .headers()
            .get("retry-after")
            .map(|value| value.to_str().unwrap().to_owned())
    };
    assert_eq!(retry(&Busy::Seconds(30)).as_deref(), Some("30"));
    assert_eq!(
        retry(&Busy::Duration {
            delay: Duration::from_millis(1200)
        })
        .as_deref(),
        Some("2")
    );
    assert_eq!(retry(&Busy::Maybe(Some(5))).as_deref(), Some("5"));
    assert_eq!(retry(&Busy::Maybe(None)), None);
}

#[test]
fn fields_can_be_any_header() {
    #[derive(Debug, ApiError)]
    #[api(status = 409)]
    struct Conflict {
        #[api(header = "X-Request-Id", extension = "request_id")]
        request_id: u64,
        #[api(header = "Location")]
        existing: String,
        #[api(header = "X-Trace")]
        trace: Option<String>,
    }
    let err = Conflict {
        request_id: 42,
        existing: "/users/7".into(),
        trace: None,
    };
    let response = Flat::response(&err);
    assert_eq!(
        headers(&response),
        pairs(&[
            ("x-request-id", "42"),
            ("location", "/users/7"),
            ("content-type", "application/json")
        ])
    );
    assert_eq!(
        response.into_body(),
        br#"{"error":"conflict","message":"Conflict","request_id":42}"#
    );
}

#[test]
fn invalid_values_are_dropped_never_sent() {
    #[derive(Debug, ApiError)]
    #[api(status = 405)]
    struct Hostile {
        #[api(header = "X-Echo")]
        echo: String,
        #[api(allow)]
        allowed: String,
    }
    for bad in [
        "a\r\nSet-Cookie: session=stolen",
        "a\nb",
        "nul\0",
        "bell\u{7}",
        "é",
    ] {
        let err = Hostile {
            echo: bad.to_owned(),
            allowed: bad.to_owned(),
        };
        let response = Problem::response(&err);
        assert!(response.headers().get("x-echo").is_none(), "{bad:?}");
        assert!(response.headers().get("allow").is_none(), "{bad:?}");
        assert!(response.headers().get("set-cookie").is_none());
        assert_eq!(response.status(), 405);
    }
    let fine = Hostile {
        echo: "  padded\tvalue ".into(),
        allowed: "GET".into(),
    };
    assert_eq!(
        Problem::response(&fine).headers()["x-echo"],
        "padded\tvalue"
    );
}

#[test]
fn the_format_decides_the_content_type() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    struct Sneaky;
    impl Sneaky {
        fn headers_of(&self) -> HeaderMap {
            let mut headers = HeaderMap::new();
            self.headers(&mut headers);
            headers
        }
    }
    assert!(Sneaky.headers_of().is_empty());
    assert_eq!(
        Problem::response(&Sneaky).headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        Flat::response(&Sneaky).headers()["content-type"],
        "application/json"
    );
}

#[test]
fn transparent_variants_bring_their_headers() {
    #[derive(Debug, ApiError)]
    #[api(status = 429)]
    struct Limited(#[api(retry_after)] u32);

    #[derive(Debug, ApiError)]
    #[api(status = 401, www_authenticate = "Basic")]
    struct Login;

    #[derive(Debug, ApiError)]
    enum Outer {
        #[api(transparent)]
        Limited(Limited),
        #[api(transparent)]
        Login(Login),
    }
    assert_eq!(
        Flat::response(&Outer::Limited(Limited(9))).headers()["retry-after"],
        "9"
    );
    assert_eq!(
        Flat::response(&Outer::Login(Login)).headers()["www-authenticate"],
        "Basic"
    );
}
