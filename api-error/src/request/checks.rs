//! Checks on a request's method and headers, raising the request errors of
//! the reference APIs.

use http::header::{ACCEPT, AUTHORIZATION};
use http::{HeaderMap, Method};

use super::RequestError;

/// `Ok` if the request accepts a JSON response, else `not_acceptable` (406).
///
/// A request without `Accept` accepts anything. Otherwise one of its media
/// ranges must be `application/json`, `application/*` or `*/*` with a
/// non-zero `q`.
///
/// ```
/// use api_error::accepts_json;
/// use api_error::http::{HeaderMap, HeaderValue, header::ACCEPT};
///
/// let mut headers = HeaderMap::new();
/// assert!(accepts_json(&headers).is_ok());
/// headers.insert(ACCEPT, HeaderValue::from_static("text/html, application/*;q=0.5"));
/// assert!(accepts_json(&headers).is_ok());
/// headers.insert(ACCEPT, HeaderValue::from_static("application/xml, application/json;q=0"));
/// assert_eq!(accepts_json(&headers).unwrap_err().to_string(), "Could not satisfy the request Accept header.");
/// ```
pub fn accepts_json(headers: &HeaderMap) -> Result<(), RequestError> {
    let mut ranges = headers
        .get_all(ACCEPT)
        .iter()
        .flat_map(|value| value.as_bytes().split(|&byte| byte == b','))
        .map(<[u8]>::trim_ascii)
        .filter(|range| !range.is_empty())
        .peekable();
    if ranges.peek().is_none() {
        return Ok(());
    }
    if ranges.any(accepts_json_range) {
        Ok(())
    } else {
        Err(RequestError::NotAcceptable)
    }
}

/// Whether one media range (`application/json;q=0.8`) admits JSON.
fn accepts_json_range(range: &[u8]) -> bool {
    let mut parts = range.split(|&byte| byte == b';').map(<[u8]>::trim_ascii);
    let media = parts.next().unwrap_or_default();
    let matches = [&b"application/json"[..], b"application/*", b"*/*"]
        .iter()
        .any(|accepted| media.eq_ignore_ascii_case(accepted));
    let refused = parts.any(|parameter| {
        let Some((name, value)) = parameter.split_once_byte(b'=') else {
            return false;
        };
        name.trim_ascii().eq_ignore_ascii_case(b"q") && is_zero(value.trim_ascii())
    });
    matches && !refused
}

/// Whether a `q` value is zero: `0`, `0.`, `0.000`.
fn is_zero(q: &[u8]) -> bool {
    match q.split_first() {
        Some((b'0', rest)) => match rest.split_first() {
            None => true,
            Some((b'.', decimals)) => decimals.iter().all(|&digit| digit == b'0'),
            Some(_) => false,
        },
        _ => false,
    }
}

/// `split_once` for byte slices.
trait SplitOnceByte {
    fn split_once_byte(&self, separator: u8) -> Option<(&[u8], &[u8])>;
}

impl SplitOnceByte for [u8] {
    fn split_once_byte(&self, separator: u8) -> Option<(&[u8], &[u8])> {
        let at = self.iter().position(|&byte| byte == separator)?;
        let (before, after) = self.split_at(at);
        Some((before, after.get(1..).unwrap_or_default()))
    }
}

/// `Ok` if `method` is one of `allowed` (or is `HEAD` where `GET` is), else
/// `method_not_allowed` (405), sent with `Allow` listing `allowed`.
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
pub fn allow_method(method: &Method, allowed: &[Method]) -> Result<(), RequestError> {
    let head_of_get = *method == Method::HEAD && allowed.contains(&Method::GET);
    if allowed.contains(method) || head_of_get {
        Ok(())
    } else {
        Err(RequestError::MethodNotAllowed {
            method: method.clone(),
            allowed: allowed.to_vec(),
        })
    }
}

/// The token of an `Authorization: Bearer <token>` header (RFC 6750).
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
pub fn bearer_token(headers: &HeaderMap) -> Result<&str, RequestError> {
    let mut values = headers.get_all(AUTHORIZATION).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return Err(if headers.contains_key(AUTHORIZATION) {
            RequestError::InvalidAuthorizationHeader
        } else {
            RequestError::MissingAuthorizationHeader
        });
    };
    let credentials = value
        .to_str()
        .map_err(|_| RequestError::InvalidAuthorizationHeader)?
        .trim();
    let (scheme, token) = credentials
        .split_once(' ')
        .ok_or(RequestError::InvalidAuthorizationHeader)?;
    let token = token.trim_start_matches(' ');
    if scheme.eq_ignore_ascii_case("bearer") && is_token68(token) {
        Ok(token)
    } else {
        Err(RequestError::InvalidAuthorizationHeader)
    }
}

/// `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
fn is_token68(token: &str) -> bool {
    let body = token.trim_end_matches('=');
    !body.is_empty()
        && body
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-._~+/".contains(&byte))
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
        ] {
            assert!(accepts_json(&with(ACCEPT, ok)).is_ok(), "{ok:?}");
        }
        for refused in [
            &["application/xml"][..],
            &["text/html, application/json;q=0"],
            &["*/*;q=0.000"],
            &["application/problem+json"],
            &["application/jsonx"],
        ] {
            assert_eq!(
                accepts_json(&with(ACCEPT, refused)),
                Err(RequestError::NotAcceptable),
                "{refused:?}"
            );
        }
    }

    #[test]
    fn q_zero() {
        for zero in ["0", "0.", "0.0", "0.000"] {
            assert!(is_zero(zero.as_bytes()), "{zero}");
        }
        for nonzero in ["1", "0.5", "0.001", "", "x"] {
            assert!(!is_zero(nonzero.as_bytes()), "{nonzero}");
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
