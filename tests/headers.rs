//! The headers a response carries (RFC 9110): `WWW-Authenticate` on 401,
//! `Allow` on 405, `Retry-After` on 429 and 503, headers from fields, and
//! `Content-Type` from the format. Invalid values are dropped, never sent:
//! every control byte and non-ASCII text, a value that fails to format, one
//! over 8 KiB, the same through axum and actix-web; the rest of the
//! response stays.

use std::fmt;
use std::time::Duration;

use api_error::ApiError;
use api_error::format::{Flat, Format, Problem};
use api_error::http::{HeaderMap, HeaderValue, Method, Response, StatusCode};

#[path = "support/errors.rs"]
mod errors;
#[path = "support/renderings.rs"]
mod renderings;

use errors::{Login, Wrapper, echo};
use renderings::{Seen, header_pairs, json_strings, parsed, renderings};

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
fn extreme_retry_after_delays_are_valid_headers() {
    #[derive(Debug, ApiError)]
    enum Busy {
        #[api(status = 429)]
        Seconds(#[api(retry_after)] u64),
        #[api(status = 503)]
        Long(#[api(retry_after)] Duration),
        #[api(status = 503)]
        Size(#[api(retry_after)] usize),
        #[api(status = 429)]
        Small(#[api(retry_after)] u8),
        #[api(status = 503)]
        Maybe(#[api(retry_after)] Option<Duration>),
    }
    let max = u64::MAX.to_string();
    for (err, expected) in [
        (Busy::Seconds(u64::MAX), Some(max.as_str())),
        (Busy::Seconds(0), Some("0")),
        (Busy::Long(Duration::MAX), Some(max.as_str())),
        (Busy::Long(Duration::from_nanos(1)), Some("1")),
        (Busy::Long(Duration::ZERO), Some("0")),
        (Busy::Size(usize::MAX), Some(max.as_str())),
        (Busy::Small(u8::MAX), Some("255")),
        (Busy::Maybe(None), None),
        (
            Busy::Maybe(Some(Duration::new(u64::MAX, 999_999_999))),
            Some(max.as_str()),
        ),
    ] {
        for seen in renderings(&err) {
            if seen.status.is_some() {
                assert_valid_headers(&seen);
                assert_eq!(
                    seen.header("retry-after"),
                    expected.map(str::as_bytes),
                    "{err:?}"
                );
            }
        }
    }
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

/// The hostile value at the start, in the middle and at the end of `abc`.
fn placed(bad: &str) -> [String; 3] {
    [
        format!("{bad}abc"),
        format!("ab{bad}c"),
        format!("abc{bad}"),
    ]
}

/// Every header value is visible ASCII with inner spaces or tabs only.
fn assert_valid_headers(seen: &Seen) {
    for (name, value) in &seen.headers {
        assert!(
            value
                .iter()
                .all(|&byte| byte == b' ' || byte == b'\t' || byte.is_ascii_graphic()),
            "{}: {name}: {value:?}",
            seen.how
        );
        assert!(
            !value.starts_with(b" ")
                && !value.starts_with(b"\t")
                && !value.ends_with(b" ")
                && !value.ends_with(b"\t"),
            "{}: {name}: {value:?}",
            seen.how
        );
        assert!(
            name.bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte == b'-'),
            "{name}"
        );
    }
}

/// The response of `Echo`/`Wrapper` with `value` in its header fields:
/// `expected` is the value sent, if any; the rest is all there.
fn check_echo_response(seen: &Seen, expected: Option<&[u8]>, value: &str) {
    let how = &seen.how;
    assert_valid_headers(seen);
    assert_eq!(seen.status, Some(StatusCode::METHOD_NOT_ALLOWED), "{how}");
    assert_eq!(seen.header("x-echo"), expected, "{how} {value:?}");
    assert_eq!(seen.header("x-maybe"), expected, "{how} {value:?}");
    assert_eq!(seen.header("allow"), expected, "{how} {value:?}");
    assert_eq!(seen.header("x-request-id"), Some(&b"42"[..]), "{how}");
    assert!(seen.header("set-cookie").is_none(), "{how}");
    assert!(seen.header("x-injected").is_none(), "{how}");
    let content_type = seen.header("content-type").expect("a content type");
    assert!(
        [
            &b"application/json"[..],
            b"application/problem+json",
            b"application/vnd.api+json"
        ]
        .contains(&content_type),
        "{how}"
    );
    // The body has the message with the value as it was, and the other
    // members.
    let body = parsed(&seen.body);
    let strings = json_strings(&body);
    assert!(strings.contains(&format!("Echo: {value}")), "{how}: {body}");
    assert!(body.to_string().contains("42"), "{how}: {body}");
}

/// Control bytes that must never be sent, HTAB aside: a tab inside a value
/// is valid (RFC 9110 §5.5), around it is trimmed.
fn control_bytes() -> impl Iterator<Item = u8> {
    (0x00..=0x1f).chain([0x7f])
}

fn hostile_values() -> Vec<(String, Option<Vec<u8>>)> {
    let mut cases = Vec::new();
    for byte in control_bytes() {
        let bad = char::from(byte).to_string();
        for (at, value) in placed(&bad).into_iter().enumerate() {
            let expected = (byte == b'\t').then(|| match at {
                1 => b"ab\tc".to_vec(),
                _ => b"abc".to_vec(),
            });
            cases.push((value, expected));
        }
    }
    for bad in [
        "é",
        "naïve",
        "日本語",
        "\u{80}",
        "\u{85}",
        "\u{a0}",
        "\u{ad}",
        "\u{ff}",
        "\u{feff}",
        "\u{2028}",
        "\u{202e}",
        "🦀",
        "\u{10ffff}",
    ] {
        for value in placed(bad) {
            cases.push((value, None));
        }
    }
    for bad in [
        "abc\r\nSet-Cookie: session=stolen",
        "abc\r\n\r\n<html>injected</html>",
        "abc\rX-Injected: 1",
        "abc\nX-Injected: 1",
        "abc\n X-Injected: 1",
        "\r\n",
        "\0",
        "abc\u{0}X-Injected: 1",
    ] {
        cases.push((bad.to_owned(), None));
    }
    cases
}

#[test]
fn every_control_byte_and_non_ascii_text_in_a_header_is_dropped() {
    let cases = hostile_values();
    assert_eq!(cases.len(), 33 * 3 + 13 * 3 + 8);
    for (value, expected) in &cases {
        let expected = expected.as_deref();
        for seen in renderings(&echo(value)) {
            if seen.status.is_some() {
                check_echo_response(&seen, expected, value);
            } else {
                parsed(&seen.body);
            }
        }
        for wrapped in [
            Wrapper::Echo(echo(value)),
            Wrapper::Boxed(Box::new(echo(value))),
        ] {
            for seen in renderings(&wrapped) {
                if seen.status.is_some() {
                    check_echo_response(&seen, expected, value);
                }
            }
        }
        // A 401 keeps its challenge whatever the other headers.
        let login = Login {
            realm: value.clone(),
        };
        for seen in renderings(&login) {
            if seen.status.is_some() {
                assert_valid_headers(&seen);
                assert_eq!(seen.header("www-authenticate"), Some(&b"Bearer"[..]));
                assert_eq!(seen.header("x-realm"), expected);
            }
        }
    }
    // A value of whitespace only is trimmed to an empty, valid value.
    let blank = Problem::response(&echo(" \t "));
    assert_eq!(blank.headers()["x-echo"], "");
    // `None` sends nothing.
    let mut quiet = echo("fine");
    quiet.maybe = None;
    let response = Problem::response(&quiet);
    assert_eq!(response.headers()["x-echo"], "fine");
    assert!(response.headers().get("x-maybe").is_none());
}

#[test]
fn a_header_value_that_fails_to_format_is_dropped() {
    #[derive(Debug)]
    struct HalfWritten;
    impl fmt::Display for HalfWritten {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("half")?;
            Err(fmt::Error)
        }
    }
    #[derive(Debug, ApiError)]
    #[api(status = 409)]
    struct Conflict {
        #[api(header = "X-Half")]
        half: HalfWritten,
        #[api(header = "X-Whole")]
        whole: &'static str,
    }
    let err = Conflict {
        half: HalfWritten,
        whole: "ok",
    };
    for seen in renderings(&err) {
        assert!(seen.header("x-half").is_none(), "{}", seen.how);
        if seen.status.is_some() {
            assert_eq!(seen.header("x-whole"), Some(&b"ok"[..]), "{}", seen.how);
        }
    }
}

#[tokio::test]
async fn frameworks_drop_the_same_header_values() {
    use actix_web::ResponseError;
    use axum::response::IntoResponse;

    for (value, expected) in hostile_values() {
        let expected = expected.as_deref();
        // axum
        let response = Wrapper::Echo(echo(&value)).into_response();
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        let seen = Seen {
            how: "axum".into(),
            status: Some(parts.status),
            headers: header_pairs(&parts.headers),
            body: body.to_vec(),
        };
        check_echo_response(&seen, expected, &value);
        assert_eq!(seen.body, api_error::render(&echo(&value)));
        // actix-web
        let response = Wrapper::Echo(echo(&value)).error_response();
        let seen = Seen {
            how: "actix-web".into(),
            status: StatusCode::from_u16(response.status().as_u16()).ok(),
            headers: response
                .headers()
                .iter()
                .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
                .collect(),
            body: actix_web::body::to_bytes(response.into_body())
                .await
                .unwrap()
                .to_vec(),
        };
        check_echo_response(&seen, expected, &value);
        assert_eq!(seen.body, api_error::render(&echo(&value)));
    }
}

#[test]
fn a_header_value_over_8_kib_is_dropped() {
    // A header value from a field is sent up to 8 KiB (8,192 bytes) and
    // dropped beyond, like an invalid one: many servers and proxies refuse
    // header sections over 8–64 KiB. The rest of the response stays.
    assert_eq!(api_error::headers::MAX_VALUE_LEN, 8192);
    for (len, sent) in [(8192, true), (8193, false), (1 << 20, false)] {
        let value = "a".repeat(len);
        let expected = sent.then_some(value.as_bytes());
        for seen in renderings(&echo(&value)) {
            if seen.status.is_some() {
                check_echo_response(&seen, expected, &value);
            } else {
                parsed(&seen.body);
            }
        }
        for seen in renderings(&Wrapper::Boxed(Box::new(echo(&value)))) {
            if seen.status.is_some() {
                check_echo_response(&seen, expected, &value);
            }
        }
        let response = Problem::response(&echo(&value));
        let header = response.headers().get("x-echo").map(HeaderValue::len);
        eprintln!("{len}-byte header field value: X-Echo sent with {header:?} bytes");
    }
    // The limit is on the value sent, after trimming.
    let padded = format!(" {}\t", "a".repeat(8192));
    let response = Problem::response(&echo(&padded));
    assert_eq!(response.headers()["x-echo"].len(), 8192);
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
