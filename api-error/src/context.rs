//! What an error rendered while serving a request knows of that request:
//! its request id, for now.
//!
//! The framework integrations install a [`Context`] around each request
//! ([`api_error::axum::RequestContextLayer`](crate::axum) and
//! [`api_error::actix::RequestContext`](crate::actix), features `axum` and
//! `actix-web`); every error rendered inside it, by any format, carries the
//! request's id as a member `request_id`, and the `tracing` log line of the
//! error carries it too. With no context installed, an error renders
//! exactly as it would without this module.
//!
//! The context is task-local state (tokio's `task_local!`, which works on
//! whatever runtime polls the request, axum's or actix-web's): it follows
//! the request's future, not its thread. Work a handler hands to
//! `tokio::spawn` runs in a task of its own, outside the context: an error
//! rendered there has no request id. Render it in the handler, or install
//! the context again with [`scope`].
//!
//! ```
//! # #[cfg(any(feature = "axum", feature = "actix-web"))] {
//! use api_error::context::{self, Context, RequestId};
//! use api_error::format::{Flat, Format};
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404)]
//! struct NotFound;
//!
//! let id = RequestId::parse("req-42").expect("a valid id");
//! let body = context::sync_scope(Context::new().with_request_id(id), || Flat::render(&NotFound));
//! assert_eq!(body, br#"{"error":"not_found","message":"Not Found","request_id":"req-42"}"#);
//!
//! // Outside any request: as always.
//! assert_eq!(Flat::render(&NotFound), br#"{"error":"not_found","message":"Not Found"}"#);
//! # }
//! ```
//!
//! # Request ids
//!
//! [`RequestIds`] says where a request's id comes from, in this order: the
//! configured header (`x-request-id` by default); else the trace-id of a
//! valid W3C `traceparent` header; else a fresh id ([`RequestId::fresh`]).
//! An id is at most [`RequestId::MAX_LEN`] characters of `A-Z a-z 0-9 . _ :
//! -`; a client's id with any other character, or longer, or empty, is
//! dropped whole (the next source is used), never echoed.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use http::{HeaderName, HeaderValue};

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
        }
    }
}

/// How the request context negotiates a response's media type with the
/// request's `Accept`: on or off, and whether a request that accepts no
/// JSON at all is refused with `not_acceptable` (406) before its handler
/// runs.
///
/// Negotiation is on by default, refusing off: a layer installed on a whole
/// application may serve pages and files besides JSON, which a client that
/// does not accept JSON still reads. Install the context with
/// `.refuse_unacceptable(true)` on the routes that answer JSON only (the
/// JSON API's router, or scope).
#[derive(Clone, Copy, Debug)]
pub struct Negotiation {
    enabled: bool,
    refuse_unacceptable: bool,
}

impl Default for Negotiation {
    fn default() -> Self {
        Negotiation {
            enabled: true,
            refuse_unacceptable: false,
        }
    }
}

impl Negotiation {
    /// Negotiation on, refusing off.
    pub fn new() -> Self {
        Self::default()
    }

    /// Negotiation on or off: off, a `Problem` body always goes as
    /// `application/problem+json`, and no request is refused.
    pub fn enabled(mut self, on: bool) -> Self {
        self.enabled = on;
        self
    }

    /// Whether negotiation is on.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Whether a request whose `Accept` excludes every JSON type
    /// ([`accepts_json`](crate::accepts_json)) is answered with
    /// `not_acceptable` (406) before its handler runs, the handler never
    /// called. Its body is JSON all the same, as RFC 9110 §15.5.7 allows.
    /// Only while negotiation is on.
    pub fn refuse_unacceptable(mut self, on: bool) -> Self {
        self.refuse_unacceptable = on;
        self
    }

    /// Whether requests that accept no JSON are refused.
    pub fn refuses_unacceptable(&self) -> bool {
        self.enabled && self.refuse_unacceptable
    }
}

/// The one `Accept` value of a request whose header values are `values`:
/// `None` without any, the value itself for one (`first` clones it, which
/// shares the request's bytes where the framework's header values allow
/// it), and all of them (`as_bytes` reads each) joined with `, ` for more, as RFC 9110 §5.3
/// combines them: at most one allocation.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn one_accept<'a, V: 'a, I: Iterator<Item = &'a V>>(
    values: impl Fn() -> I,
    first: impl FnOnce(&V) -> Option<HeaderValue>,
    as_bytes: impl Fn(&V) -> &[u8],
) -> Option<HeaderValue> {
    let mut all = values();
    let one = all.next()?;
    if all.next().is_none() {
        return first(one);
    }
    let mut joined = Vec::new();
    for value in values() {
        if !joined.is_empty() {
            joined.extend_from_slice(b", ");
        }
        joined.extend_from_slice(as_bytes(value));
    }
    HeaderValue::from_maybe_shared(bytes::Bytes::from(joined)).ok()
}

/// One media range of an `Accept` header (RFC 9110 §12.5.1): its type and
/// subtype, and its weight in thousandths.
struct Range<'a> {
    kind: &'a [u8],
    subtype: &'a [u8],
    quality: u16,
}

/// The media ranges of an `Accept` header with values `values`, skipping
/// what is not one (no `type/subtype` of tokens, or a `q` that is not a
/// qvalue): an `Accept` of nothing but garbage says nothing, and is taken
/// as if absent.
fn ranges<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> impl Iterator<Item = Range<'a>> {
    values
        .into_iter()
        .flat_map(|value| value.split(|&byte| byte == b','))
        .filter_map(range)
}

fn range(text: &[u8]) -> Option<Range<'_>> {
    let mut parts = text.split(|&byte| byte == b';');
    let media = parts.next()?.trim_ascii();
    let slash = media.iter().position(|&byte| byte == b'/')?;
    let kind = media.get(..slash)?;
    let subtype = media.get(slash + 1..)?;
    if !is_token(kind) || !is_token(subtype) || (kind == b"*" && subtype != b"*") {
        return None;
    }
    let mut quality = 1000;
    for parameter in parts {
        let parameter = parameter.trim_ascii();
        if let [b'q' | b'Q', b'=', q @ ..] = parameter {
            quality = qvalue(q)?;
        }
    }
    Some(Range {
        kind,
        subtype,
        quality,
    })
}

/// RFC 9110's `tchar`s, at least one.
fn is_token(text: &[u8]) -> bool {
    !text.is_empty()
        && text
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A qvalue, `0`–`1` with up to three decimals, in thousandths.
fn qvalue(text: &[u8]) -> Option<u16> {
    let (whole, decimals) = match text {
        [whole] => (*whole, &[][..]),
        [whole, b'.', decimals @ ..] if decimals.len() <= 3 => (*whole, decimals),
        _ => return None,
    };
    let mut thousandths: u16 = match whole {
        b'0' => 0,
        b'1' => 1000,
        _ => return None,
    };
    for (&digit, scale) in decimals.iter().zip([100, 10, 1]) {
        if !digit.is_ascii_digit() {
            return None;
        }
        thousandths += u16::from(digit - b'0') * scale;
    }
    (thousandths <= 1000).then_some(thousandths)
}

/// How much a request with `Accept` values `values` wants `media_type`
/// (`type/subtype`, in any case), in thousandths: the weight of the most
/// specific range that matches it (the type itself, then `type/*`, then
/// `*/*`), 0 if none does; 1000 without any range.
pub fn quality<'a>(values: impl IntoIterator<Item = &'a [u8]>, media_type: &str) -> u16 {
    let (kind, subtype) = media_type.split_once('/').unwrap_or((media_type, ""));
    let mut best: Option<(u8, u16)> = None;
    let mut any = false;
    for range in ranges(values) {
        any = true;
        let specificity = if range.kind == b"*" {
            1
        } else if !range.kind.eq_ignore_ascii_case(kind.as_bytes()) {
            continue;
        } else if range.subtype == b"*" {
            2
        } else if range.subtype.eq_ignore_ascii_case(subtype.as_bytes()) {
            3
        } else {
            continue;
        };
        best = match best {
            Some((had, _)) if had > specificity => best,
            Some((had, q)) if had == specificity => Some((had, q.max(range.quality))),
            _ => Some((specificity, range.quality)),
        };
    }
    match best {
        Some((_, q)) => q,
        None if any => 0,
        None => 1000,
    }
}

/// Whether a request with `Accept` values `values` accepts some JSON
/// type: `application/json`, any `+json` type, `application/*` or `*/*`,
/// with a weight above zero; or sends no media range at all. What
/// [`accepts_json`](crate::accepts_json) and the refusing context test.
pub fn accepts_any_json<'a>(values: impl IntoIterator<Item = &'a [u8]>) -> bool {
    let mut any = false;
    for range in ranges(values) {
        any = true;
        let json = range.kind == b"*"
            || (range.kind.eq_ignore_ascii_case(b"application")
                && (range.subtype == b"*"
                    || range.subtype.eq_ignore_ascii_case(b"json")
                    || range.subtype.len() > 5
                        && range
                            .subtype
                            .get(range.subtype.len() - 5..)
                            .is_some_and(|end| end.eq_ignore_ascii_case(b"+json"))));
        if json && range.quality > 0 {
            return true;
        }
    }
    !any
}

/// Says in `headers` that the response depended on the request's `Accept`,
/// unless a `Vary` says so already.
pub(crate) fn vary_accept(headers: &mut http::HeaderMap) {
    let values = headers.get_all(http::header::VARY).iter();
    if !varies_on_accept(values.map(HeaderValue::as_bytes)) {
        headers.append(http::header::VARY, HeaderValue::from_static("Accept"));
    }
}

/// Whether `Vary` values `values` name `Accept`, or `*`.
pub(crate) fn varies_on_accept<'a>(values: impl Iterator<Item = &'a [u8]>) -> bool {
    values
        .flat_map(|value| value.split(|&byte| byte == b','))
        .map(<[u8]>::trim_ascii)
        .any(|name| name.eq_ignore_ascii_case(b"accept") || name == b"*")
}

/// What a request's `Accept` asks of a response's media type.
#[derive(Clone, Debug)]
struct Negotiated {
    accept: Option<HeaderValue>,
}

/// The media type a `+json` format's body goes as in the current request:
/// `own` (such as `application/problem+json`) unless the request prefers
/// `application/json` to it, and whether that depended on the request's
/// `Accept` (the response then says `Vary: Accept`). Any other media type,
/// or outside any negotiating context, `own` as it is.
pub(crate) fn negotiate(own: HeaderValue) -> (HeaderValue, bool) {
    let Ok(text) = own.to_str() else {
        return (own, false);
    };
    let plus_json = text.len() > 17
        && text
            .get(..12)
            .is_some_and(|start| start.eq_ignore_ascii_case("application/"))
        && text
            .get(text.len() - 5..)
            .is_some_and(|end| end.eq_ignore_ascii_case("+json"));
    if !plus_json {
        return (own, false);
    }
    let json = with(|context| {
        let negotiated = context?.negotiation.as_ref()?;
        let values = negotiated.accept.iter().map(HeaderValue::as_bytes);
        let json = quality(values.clone(), "application/json");
        Some(json > quality(values, text))
    });
    match json {
        None => (own, false),
        Some(true) => (HeaderValue::from_static("application/json"), true),
        Some(false) => (own, true),
    }
}

/// What errors rendered while serving one request know of it.
#[derive(Clone, Debug, Default)]
pub struct Context {
    request_id: Option<RequestId>,
    id_as_instance: bool,
    negotiation: Option<Negotiated>,
}

impl Context {
    /// A context knowing nothing: errors render as without one.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same, with this request id.
    pub fn with_request_id(mut self, id: RequestId) -> Self {
        self.request_id = Some(id);
        self
    }

    /// The same, naming its request id as a `Problem` body's `instance`
    /// (when the error has none of its own) or not.
    pub fn with_id_as_instance(mut self, on: bool) -> Self {
        self.id_as_instance = on;
        self
    }

    /// The same, negotiating media types with the request's `Accept`
    /// value, `None` if it sent none.
    pub fn with_accept(mut self, accept: Option<HeaderValue>) -> Self {
        self.negotiation = Some(Negotiated { accept });
        self
    }

    /// Whether the context negotiates media types.
    pub fn negotiates(&self) -> bool {
        self.negotiation.is_some()
    }

    /// The request's `Accept` value, when the context negotiates and the
    /// request sent one (several `Accept` headers are joined into one).
    pub fn accept(&self) -> Option<&HeaderValue> {
        self.negotiation.as_ref()?.accept.as_ref()
    }

    /// The request's id.
    pub fn request_id(&self) -> Option<&RequestId> {
        self.request_id.as_ref()
    }

    /// The `instance` a `Problem` body takes from the context: the request
    /// id, if so configured.
    pub fn instance(&self) -> Option<&str> {
        self.request_id
            .as_ref()
            .filter(|_| self.id_as_instance)
            .map(RequestId::as_str)
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
tokio::task_local! {
    static CURRENT: Context;
}

/// Runs `f` with the current request's context, or `None` outside any.
///
/// `f` runs once; it is `FnMut` only so that it can be offered the context
/// first and nothing if there is none.
pub fn with<R>(mut f: impl FnMut(Option<&Context>) -> R) -> R {
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    if let Ok(result) = CURRENT.try_with(|context| f(Some(context))) {
        return result;
    }
    f(None)
}

/// The current request's id, or `None` outside any request (or with ids
/// off).
pub fn request_id() -> Option<RequestId> {
    with(|context| context.and_then(Context::request_id).cloned())
}

/// Runs `future` with `context` as the current request's (features `axum`
/// and `actix-web`; the integrations do this for you).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn scope<F: Future>(context: Context, future: F) -> Scope<F> {
    Scope {
        inner: CURRENT.scope(context, future),
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
pin_project_lite::pin_project! {
    /// A future running with a request's context: see [`scope`].
    pub struct Scope<F> {
        #[pin]
        inner: tokio::task::futures::TaskLocalFuture<Context, F>,
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl<F: Future> Future for Scope<F> {
    type Output = F::Output;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        self.project().inner.poll(cx)
    }
}

/// Runs `f` with `context` as the current request's (features `axum` and
/// `actix-web`).
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn sync_scope<R>(context: Context, f: impl FnOnce() -> R) -> R {
    CURRENT.sync_scope(context, f)
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

    #[test]
    fn the_most_specific_range_gives_the_weight() {
        let q = |accept: &str, media: &str| quality([accept.as_bytes()], media);
        let json = "application/json";
        let problem = "application/problem+json";
        assert_eq!(q("", json), 1000);
        assert_eq!(q("garbage, ;q=0", json), 1000);
        assert_eq!(q("*/*", problem), 1000);
        assert_eq!(q("text/html", json), 0);
        assert_eq!(q("application/json;q=0.5, */*;q=0.9", json), 500);
        assert_eq!(q("application/json;q=0.5, */*;q=0.9", problem), 900);
        assert_eq!(q("application/*;q=0.3, */*", problem), 300);
        assert_eq!(q("APPLICATION/JSON;Q=0.123", json), 123);
        assert_eq!(q("application/json;q=0, */*", json), 0);
        // A weight that is not a qvalue: the range is skipped.
        for bad in ["2", "0.1234", "-1", "1.5", "x", ""] {
            assert_eq!(
                q(&format!("application/json;q={bad}, */*;q=0.2"), json),
                200,
                "{bad}"
            );
        }
        assert_eq!(
            quality([&b"text/html"[..], b"application/json;q=0.4"], json),
            400
        );
    }

    #[test]
    fn any_json() {
        for yes in [
            "",
            "*/*",
            "application/*",
            "application/vnd.a+json",
            "text/html, application/json;q=0.1",
            "nonsense",
        ] {
            assert!(accepts_any_json([yes.as_bytes()]), "{yes}");
        }
        for no in [
            "text/html",
            "application/json;q=0",
            "*/*;q=0",
            "application/+json",
            "application/jsonx, text/*",
        ] {
            assert!(!accepts_any_json([no.as_bytes()]), "{no}");
        }
    }

    #[test]
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    fn problem_json_unless_json_is_preferred() {
        let problem = HeaderValue::from_static("application/problem+json");
        let chosen = |accept: Option<&'static str>| {
            let context = Context::new().with_accept(accept.map(HeaderValue::from_static));
            sync_scope(context, || negotiate(problem.clone()))
        };
        assert_eq!(chosen(None), (problem.clone(), true));
        assert_eq!(
            chosen(Some("application/json")),
            (HeaderValue::from_static("application/json"), true)
        );
        assert_eq!(
            chosen(Some("application/json, application/problem+json")),
            (problem.clone(), true)
        );
        assert_eq!(
            chosen(Some("application/json;q=0.9, application/*;q=0.8")).0,
            "application/json"
        );
        assert_eq!(chosen(Some("text/html")), (problem.clone(), true));
        // Outside a negotiating context, or for a plain JSON format: as is.
        assert_eq!(negotiate(problem.clone()), (problem.clone(), false));
        let json = HeaderValue::from_static("application/json");
        let plain = sync_scope(Context::new().with_accept(None), || negotiate(json.clone()));
        assert_eq!(plain, (json, false));
    }

    #[test]
    fn vary_is_said_once() {
        let mut headers = http::HeaderMap::new();
        vary_accept(&mut headers);
        vary_accept(&mut headers);
        assert_eq!(headers.get_all(http::header::VARY).iter().count(), 1);
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::VARY, HeaderValue::from_static("Origin"));
        vary_accept(&mut headers);
        assert_eq!(headers.get_all(http::header::VARY).iter().count(), 2);
    }

    #[test]
    fn instance_only_when_asked() {
        let id = RequestId::parse("r1").unwrap();
        let context = Context::new().with_request_id(id);
        assert_eq!(context.instance(), None);
        assert_eq!(context.with_id_as_instance(true).instance(), Some("r1"));
    }
}
