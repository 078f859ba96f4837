//! Checks on a request's method and headers, raising the request errors of
//! the reference APIs, and what they read of a request.

use http::header::{ACCEPT, AUTHORIZATION};
use http::{HeaderMap, HeaderName, Method};

use super::RequestError;

/// What the request checks and the body parser read of a request: the
/// values of a header.
///
/// Implemented for `http`'s [`HeaderMap`], [`request::Parts`] and
/// [`Request`] (axum's own types), and with the `actix-web` feature for
/// actix-web's `HeaderMap`, `HttpRequest` and `ServiceRequest`: each check
/// takes the request as the framework hands it, with nothing copied.
///
/// [`request::Parts`]: http::request::Parts
/// [`Request`]: http::Request
///
/// ```
/// use api_error::request::RequestHeaders;
/// use api_error::http::{header::ACCEPT, Request};
///
/// let request = Request::get("/").header(ACCEPT, "text/html").header(ACCEPT, "*/*").body(()).unwrap();
/// let values: Vec<&[u8]> = request.header_values(&ACCEPT).collect();
/// assert_eq!(values, [&b"text/html"[..], b"*/*"]);
/// assert!(api_error::accepts_json(&request).is_ok());
/// ```
pub trait RequestHeaders {
    /// The values of the header `name`, in the order the request gives
    /// them, as bytes.
    fn header_values(&self, name: &HeaderName) -> impl Iterator<Item = &[u8]>;
}

impl RequestHeaders for HeaderMap {
    fn header_values(&self, name: &HeaderName) -> impl Iterator<Item = &[u8]> {
        self.get_all(name).iter().map(http::HeaderValue::as_bytes)
    }
}

impl RequestHeaders for http::request::Parts {
    fn header_values(&self, name: &HeaderName) -> impl Iterator<Item = &[u8]> {
        self.headers.header_values(name)
    }
}

impl<B> RequestHeaders for http::Request<B> {
    fn header_values(&self, name: &HeaderName) -> impl Iterator<Item = &[u8]> {
        self.headers().header_values(name)
    }
}

/// What [`allow_method`] reads of a request: its method, in the `http`
/// types [`RequestError::MethodNotAllowed`] holds.
///
/// Implemented for `http`'s [`Method`], [`request::Parts`] and [`Request`],
/// and with the `actix-web` feature for actix-web's `Method`, `HttpRequest`
/// and `ServiceRequest`.
///
/// [`request::Parts`]: http::request::Parts
/// [`Request`]: http::Request
pub trait RequestMethod {
    /// The request's method.
    fn http_method(&self) -> Method;
}

impl RequestMethod for Method {
    fn http_method(&self) -> Method {
        self.clone()
    }
}

impl RequestMethod for http::request::Parts {
    fn http_method(&self) -> Method {
        self.method.clone()
    }
}

impl<B> RequestMethod for http::Request<B> {
    fn http_method(&self) -> Method {
        self.method().clone()
    }
}

/// `Ok` if the request accepts a JSON response, else `not_acceptable` (406).
///
/// `headers` is the request's headers, or the request itself
/// ([`RequestHeaders`]). A request without `Accept` accepts anything.
/// Otherwise one of its media ranges must be `application/json`, a `+json`
/// type such as `application/problem+json`, `application/*` or `*/*`, with a
/// non-zero `q` (RFC 9110 §12.5.1). What is not a media range (no
/// `type/subtype`, a `q` that is not a qvalue) is skipped: an `Accept` of
/// nothing but garbage says nothing of what the client reads, and accepts
/// anything, as if absent.
///
/// ```
/// use api_error::accepts_json;
/// use api_error::http::{HeaderMap, HeaderValue, header::ACCEPT};
///
/// let mut headers = HeaderMap::new();
/// assert!(accepts_json(&headers).is_ok());
/// headers.insert(ACCEPT, HeaderValue::from_static("text/html, application/*;q=0.5"));
/// assert!(accepts_json(&headers).is_ok());
/// headers.insert(ACCEPT, HeaderValue::from_static("application/problem+json"));
/// assert!(accepts_json(&headers).is_ok());
/// headers.insert(ACCEPT, HeaderValue::from_static("application/xml, application/json;q=0"));
/// assert_eq!(accepts_json(&headers).unwrap_err().to_string(), "Could not satisfy the request Accept header.");
/// ```
pub fn accepts_json(headers: &impl RequestHeaders) -> Result<(), RequestError> {
    if crate::context::accepts_any_json(headers.header_values(&ACCEPT)) {
        Ok(())
    } else {
        Err(RequestError::NotAcceptable)
    }
}

/// The bytes before the first `separator` and those after it; all of them
/// and none if there is no `separator`.
pub(crate) fn split_once_byte(bytes: &[u8], separator: u8) -> (&[u8], &[u8]) {
    let mut rest = bytes;
    while let [byte, after @ ..] = rest {
        if *byte == separator {
            let before = bytes.get(..bytes.len() - rest.len()).unwrap_or_default();
            return (before, after);
        }
        rest = after;
    }
    (bytes, &[])
}

/// `Ok` if `method` is one of `allowed` (or is `HEAD` where `GET` is), else
/// `method_not_allowed` (405), sent with `Allow` listing `allowed`.
///
/// `method` is the request's method, or the request itself
/// ([`RequestMethod`]).
///
/// ```
/// use api_error::allow_method;
/// use api_error::format::{Format, Standard};
/// use api_error::http::Method;
///
/// assert!(allow_method(&Method::HEAD, &[Method::GET, Method::PUT]).is_ok());
/// let err = allow_method(&Method::PATCH, &[Method::GET, Method::PUT]).unwrap_err();
/// let response = Standard::response(&err);
/// assert_eq!(response.headers()["allow"], "GET, PUT");
/// assert_eq!(
///     response.into_body(),
///     br#"{"type":"client_error","errors":[{"code":"method_not_allowed","detail":"Method \"PATCH\" not allowed.","attr":null}]}"#
/// );
/// ```
pub fn allow_method(method: &impl RequestMethod, allowed: &[Method]) -> Result<(), RequestError> {
    let method = method.http_method();
    for candidate in allowed {
        if *candidate == method || (method == Method::HEAD && *candidate == Method::GET) {
            return Ok(());
        }
    }
    Err(RequestError::MethodNotAllowed {
        method,
        allowed: allowed.to_vec(),
    })
}

/// The token of an `Authorization: Bearer <token>` header (RFC 6750).
///
/// `headers` is the request's headers, or the request itself
/// ([`RequestHeaders`]).
///
/// Without an `Authorization` header: `missing_authorization_header` (401);
/// with one that is not a single bearer token (another scheme, no token, a
/// token with characters a bearer token cannot have, or two headers):
/// `invalid_authorization_header` (401). Both are sent with
/// `WWW-Authenticate`.
///
/// ```
/// use api_error::bearer_token;
/// use api_error::http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
///
/// let mut headers = HeaderMap::new();
/// assert_eq!(bearer_token(&headers).unwrap_err().to_string(), "Authorization header bearer token must be present.");
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer demo-token"));
/// assert_eq!(bearer_token(&headers).unwrap(), "demo-token");
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic YWRhOmh1bnRlcjI="));
/// assert!(bearer_token(&headers).is_err());
/// ```
pub fn bearer_token(headers: &impl RequestHeaders) -> Result<&str, RequestError> {
    let mut values = headers.header_values(&AUTHORIZATION);
    let value = match (values.next(), values.next()) {
        (Some(value), None) => value,
        (None, _) => return Err(RequestError::MissingAuthorizationHeader),
        (Some(_), Some(_)) => return Err(RequestError::InvalidAuthorizationHeader),
    };
    // A header value holds no line breaks and no control bytes but tabs.
    let credentials = value.trim_ascii();
    let (scheme, mut token) = split_once_byte(credentials, b' ');
    while let [b' ', rest @ ..] = token {
        token = rest;
    }
    if !scheme.eq_ignore_ascii_case(b"bearer") || !is_token68(token) {
        return Err(RequestError::InvalidAuthorizationHeader);
    }
    std::str::from_utf8(token).map_err(|_| RequestError::InvalidAuthorizationHeader)
}

/// `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
fn is_token68(token: &[u8]) -> bool {
    let mut body = token;
    while let [rest @ .., b'='] = body {
        body = rest;
    }
    if body.is_empty() {
        return false;
    }
    for &byte in body {
        if !(byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'+' | b'/'))
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn with(name: http::header::HeaderName, values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(
                name.clone(),
                HeaderValue::from_bytes(value.as_bytes()).unwrap(),
            );
        }
        headers
    }

    #[test]
    fn accept_ranges() {
        for ok in [
            &["application/json"][..],
            &["*/*"],
            &["APPLICATION/JSON; charset=utf-8"],
            &["text/html", "application/json;q=0.1"],
            &["text/html,*/*;q=0.8"],
            &["application/*; q=1"],
            &[""],
            &["  ,  "],
            &["application/problem+json"],
            &["application/vnd.api+JSON;q=0.2"],
            &["garbage"],
            &["text/html;q=2"],
            &["\t/\t, ;;;, /, a/, /b, */json"],
        ] {
            assert!(accepts_json(&with(ACCEPT, ok)).is_ok(), "{ok:?}");
        }
        for refused in [
            &["application/xml"][..],
            &["text/html, application/json;q=0"],
            &["*/*;q=0.000"],
            &["application/jsonx"],
            &["text/html", "application/json;q=0, garbage"],
            &["application/+json"],
        ] {
            assert_eq!(
                accepts_json(&with(ACCEPT, refused)),
                Err(RequestError::NotAcceptable),
                "{refused:?}"
            );
        }
    }

    #[test]
    fn bearer_tokens() {
        let token = |values: &[&'static str]| {
            let headers = with(AUTHORIZATION, values);
            bearer_token(&headers).map(str::to_owned)
        };
        assert_eq!(token(&[]), Err(RequestError::MissingAuthorizationHeader));
        assert_eq!(token(&["Bearer demo-token"]).as_deref(), Ok("demo-token"));
        assert_eq!(token(&["bearer  a.b.c=="]).as_deref(), Ok("a.b.c=="));
        for invalid in [
            &["Bearer"][..],
            &["Bearer "],
            &["Bearer a b"],
            &["Bearer =="],
            &["Bearer tök"],
            &["Basic YWRh"],
            &["demo-token"],
            &["Bearer a", "Bearer b"],
        ] {
            assert_eq!(
                token(invalid),
                Err(RequestError::InvalidAuthorizationHeader),
                "{invalid:?}"
            );
        }
    }

    #[test]
    fn methods() {
        assert!(allow_method(&Method::GET, &[Method::GET]).is_ok());
        assert!(allow_method(&Method::HEAD, &[Method::GET]).is_ok());
        assert!(allow_method(&Method::HEAD, &[Method::POST]).is_err());
        assert_eq!(
            allow_method(&Method::PATCH, &[Method::PUT]),
            Err(RequestError::MethodNotAllowed {
                method: Method::PATCH,
                allowed: vec![Method::PUT]
            })
        );
    }
}
