//! Request ids: where a request's id comes from, and what an id may be.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use http::{HeaderName, HeaderValue};

use super::Context;

/// One request's id: at most [`MAX_LEN`](Self::MAX_LEN) characters of
/// `A-Z a-z 0-9 . _ : -`, kept as the header value it is echoed in.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RequestId(HeaderValue);

impl RequestId {
    /// The longest id: 128 characters.
    pub const MAX_LEN: usize = 128;

    /// `text` as an id, if it is one: 1 to [`MAX_LEN`](Self::MAX_LEN)
    /// characters of `A-Z a-z 0-9 . _ : -`.
    pub fn parse(text: &str) -> Option<RequestId> {
        Self::from_bytes(text.as_bytes())
    }

    /// `bytes` as an id, if they are one; see [`parse`](Self::parse).
    pub fn from_bytes(bytes: &[u8]) -> Option<RequestId> {
        if valid(bytes) {
            HeaderValue::from_bytes(bytes).ok().map(RequestId)
        } else {
            None
        }
    }

    /// The trace-id of a W3C `traceparent` header value
    /// (`version-traceid-parentid-flags`: 2, 32, 16 and 2 lowercase hex
    /// digits, neither id all zeros, version not `ff`), if it is one.
    pub fn from_traceparent(value: &[u8]) -> Option<RequestId> {
        let mut parts = value.split(|&byte| byte == b'-');
        let version = parts.next()?;
        let trace_id = parts.next()?;
        let parent_id = parts.next()?;
        let flags = parts.next()?;
        let sizes =
            version.len() == 2 && trace_id.len() == 32 && parent_id.len() == 16 && flags.len() == 2;
        // Version 00 has exactly four parts; later ones may add more.
        let rest_ok = match parts.next() {
            None => true,
            Some(_) => version != b"00",
        };
        let ok = sizes
            && rest_ok
            && [version, trace_id, parent_id, flags]
                .iter()
                .all(|part| part.iter().all(|&b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            && version != b"ff"
            && trace_id.iter().any(|&b| b != b'0')
            && parent_id.iter().any(|&b| b != b'0');
        if ok { Self::from_bytes(trace_id) } else { None }
    }

    /// A fresh id: 32 lowercase hex digits (128 bits) from std's randomly
    /// seeded hasher over a process-wide counter and the time.
    ///
    /// Unique, not secret: it names a request, and must not be used as a
    /// token.
    pub fn fresh() -> RequestId {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        let state = RandomState::new();
        let high = state.hash_one((count, nanos, 0u8));
        let low = state.hash_one((count, nanos, 1u8));
        let mut text = [0u8; 32];
        let digits = high.to_be_bytes().into_iter().chain(low.to_be_bytes());
        for (pair, byte) in text.chunks_exact_mut(2).zip(digits) {
            if let [first, second] = pair {
                *first = hex(byte >> 4);
                *second = hex(byte & 0xf);
            }
        }
        // Hex digits are always a valid id and header value.
        Self::from_bytes(&text).unwrap_or(RequestId(HeaderValue::from_static("0")))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        // Only `A-Z a-z 0-9 . _ : -` get in.
        self.0.to_str().unwrap_or_default()
    }

    /// The id as a header value, to echo it in a response.
    pub fn header_value(&self) -> &HeaderValue {
        &self.0
    }
}

impl fmt::Debug for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RequestId").field(&self.as_str()).finish()
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn valid(bytes: &[u8]) -> bool {
    (1..=RequestId::MAX_LEN).contains(&bytes.len())
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

fn hex(digit: u8) -> u8 {
    match digit {
        0..=9 => b'0' + digit,
        _ => b'a' + (digit - 10),
    }
}

/// How the request context gives requests their ids: on or off, the header
/// they are read from and echoed in, and whether a [`Problem`] body also
/// names its request id as its `instance`.
///
/// [`Problem`]: crate::format::Problem
#[derive(Clone, Debug)]
pub struct RequestIds {
    enabled: bool,
    header: HeaderName,
    as_instance: bool,
}

/// The header request ids are read from and echoed in by default.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The W3C Trace Context header, whose trace-id is a request's id when it
/// sends none of its own.
pub const TRACEPARENT: HeaderName = HeaderName::from_static("traceparent");

impl Default for RequestIds {
    fn default() -> Self {
        RequestIds {
            enabled: true,
            header: REQUEST_ID,
            as_instance: false,
        }
    }
}

impl RequestIds {
    /// Request ids on, in `x-request-id`, not as `instance`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Request ids on or off.
    pub fn enabled(mut self, on: bool) -> Self {
        self.enabled = on;
        self
    }

    /// Whether request ids are on.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The header ids are read from and echoed in.
    pub fn header(mut self, name: HeaderName) -> Self {
        self.header = name;
        self
    }

    /// The header ids are read from and echoed in.
    pub fn header_name(&self) -> &HeaderName {
        &self.header
    }

    /// Whether a [`Problem`](crate::format::Problem) body names its request
    /// id as its `instance` too, when the error has no `instance` of its
    /// own.
    pub fn as_instance(mut self, on: bool) -> Self {
        self.as_instance = on;
        self
    }

    /// A request's id from the values of its configured header and its
    /// `traceparent` header, or a fresh one; `None` when ids are off.
    pub fn id_for(&self, header: Option<&[u8]>, traceparent: Option<&[u8]>) -> Option<RequestId> {
        if !self.enabled {
            return None;
        }
        let id = header
            .and_then(RequestId::from_bytes)
            .or_else(|| traceparent.and_then(RequestId::from_traceparent))
            .unwrap_or_else(RequestId::fresh);
        Some(id)
    }

    /// The context of a request with these values of its configured header
    /// and its `traceparent` header.
    pub fn context(&self, header: Option<&[u8]>, traceparent: Option<&[u8]>) -> Context {
        Context {
            request_id: self.id_for(header, traceparent),
            id_as_instance: self.as_instance,
            negotiation: None,
            #[cfg(any(feature = "axum", feature = "actix-web"))]
            language: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_and_plain() {
        assert_eq!(
            RequestId::parse("abc-DEF_1.2:3").unwrap().as_str(),
            "abc-DEF_1.2:3"
        );
        assert!(RequestId::parse(&"a".repeat(128)).is_some());
        for bad in [
            "",
            "a b",
            "a\r\nSet-Cookie: x",
            "é",
            "a/b",
            "a\"b",
            "{}",
            "a\0",
        ] {
            assert!(RequestId::parse(bad).is_none(), "{bad:?}");
        }
        assert!(RequestId::parse(&"a".repeat(129)).is_none());
    }

    #[test]
    fn traceparent_gives_its_trace_id() {
        let id = "4bf92f3577b34da6a3ce929d0e0e4736";
        let header = format!("00-{id}-00f067aa0ba902b7-01");
        assert_eq!(
            RequestId::from_traceparent(header.as_bytes())
                .unwrap()
                .as_str(),
            id
        );
        // A later version may add parts.
        let later = format!("01-{id}-00f067aa0ba902b7-01-what-next");
        assert!(RequestId::from_traceparent(later.as_bytes()).is_some());
        for bad in [
            format!("00-{id}-00f067aa0ba902b7-01-extra"),
            format!("ff-{id}-00f067aa0ba902b7-01"),
            format!("00-{}-00f067aa0ba902b7-01", "0".repeat(32)),
            format!("00-{id}-0000000000000000-01"),
            format!("00-{}-00f067aa0ba902b7-01", id.to_uppercase()),
            format!("00-{id}-00f067aa0ba902b7"),
            format!("00-{}-00f067aa0ba902b7-01", &id[1..]),
            format!("0-{id}-00f067aa0ba902b7-01"),
            "garbage".to_owned(),
            String::new(),
        ] {
            assert!(
                RequestId::from_traceparent(bad.as_bytes()).is_none(),
                "{bad}"
            );
        }
    }

    #[test]
    fn fresh_ids_are_32_hex_digits_and_differ() {
        let ids: std::collections::HashSet<String> = (0..1000)
            .map(|_| RequestId::fresh().as_str().to_owned())
            .collect();
        assert_eq!(ids.len(), 1000);
        for id in &ids {
            assert_eq!(id.len(), 32);
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            );
        }
    }

    #[test]
    fn the_header_wins_then_traceparent_then_a_fresh_id() {
        let ids = RequestIds::new();
        let trace = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        let id = |header: Option<&[u8]>, trace: Option<&[u8]>| ids.id_for(header, trace).unwrap();
        assert_eq!(id(Some(b"mine"), Some(trace)).as_str(), "mine");
        assert_eq!(
            id(None, Some(trace)).as_str(),
            "4bf92f3577b34da6a3ce929d0e0e4736"
        );
        // A hostile id is dropped whole, never echoed.
        assert_eq!(
            id(Some(b"a\r\nb"), Some(trace)).as_str(),
            "4bf92f3577b34da6a3ce929d0e0e4736"
        );
        let fresh = id(Some(&[b'a'; 129]), Some(b"00-bad"));
        assert_eq!(fresh.as_str().len(), 32);
        assert!(
            RequestIds::new()
                .enabled(false)
                .id_for(Some(b"mine"), None)
                .is_none()
        );
    }
}
