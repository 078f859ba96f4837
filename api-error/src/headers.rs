//! Headers an error contributes to its response (RFC 9110).
//!
//! The derive's field keys `retry_after`, `allow` and `header = "..."` use
//! the `insert_*` writers, and so can a hand-written [`ApiError::headers`](crate::ApiError::headers).
//! A value that would not be a valid header (a CR, LF or NUL from user data,
//! say), or is longer than [`MAX_VALUE_LEN`] (8 KiB), is dropped: never sent,
//! and never a panic.

use std::fmt::{Display, Write as _};
use std::time::Duration;

use http::header::{ALLOW, RETRY_AFTER};
use http::{HeaderMap, HeaderName, HeaderValue, Method};

/// The longest header value an error sends, in bytes: 8 KiB (8,192).
///
/// A longer value from a field is dropped like an invalid one. HTTP sets no
/// limit, but servers and proxies refuse header sections over 8–64 KiB
/// (a whole section, so a single value must stay well under that): a client
/// behind one would get a 502 or a reset connection instead of the error,
/// and a field holding user data could make every response too large.
pub const MAX_VALUE_LEN: usize = 8 * 1024;

/// `text` as a header value: visible ASCII with inner spaces or tabs, the
/// surrounding whitespace trimmed, at most [`MAX_VALUE_LEN`] bytes; `None`
/// for anything else.
pub(crate) fn value(text: &str) -> Option<HeaderValue> {
    let mut bytes = text.as_bytes();
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    if bytes.len() > MAX_VALUE_LEN {
        return None;
    }
    for &byte in bytes {
        if !(byte == b' ' || byte == b'\t' || byte.is_ascii_graphic()) {
            return None;
        }
    }
    HeaderValue::from_bytes(bytes).ok()
}

/// Sets `name` to `value`'s text, unless it is not a valid header value or
/// is longer than [`MAX_VALUE_LEN`].
pub fn insert_display<T: Display + ?Sized>(headers: &mut HeaderMap, name: HeaderName, value: &T) {
    let mut text = String::new();
    if write!(text, "{value}").is_ok()
        && let Some(value) = self::value(&text)
    {
        headers.insert(name, value);
    }
}

/// Sets `name` to a delay in seconds.
pub fn insert_seconds<T: RetryAfter + ?Sized>(
    headers: &mut HeaderMap,
    name: HeaderName,
    delay: &T,
) {
    headers.insert(name, HeaderValue::from(delay.seconds()));
}

/// Sets `name` to a list of methods, unless the list is not a valid header
/// value or is longer than [`MAX_VALUE_LEN`].
pub fn insert_methods<T: Methods + ?Sized>(headers: &mut HeaderMap, name: HeaderName, methods: &T) {
    let mut list = String::new();
    methods.write_methods(&mut list);
    if let Some(value) = value(&list) {
        headers.insert(name, value);
    }
}

/// Sets `Retry-After` to a delay in seconds.
pub fn retry_after<T: RetryAfter + ?Sized>(headers: &mut HeaderMap, delay: &T) {
    insert_seconds(headers, RETRY_AFTER, delay);
}

/// Sets `Allow` to a list of methods, unless the list is not a valid header
/// value or is longer than [`MAX_VALUE_LEN`].
pub fn allow<T: Methods + ?Sized>(headers: &mut HeaderMap, methods: &T) {
    insert_methods(headers, ALLOW, methods);
}

/// A delay that `Retry-After` can state: a `Duration` (rounded up to whole
/// seconds) or a number of seconds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `Retry-After` delay",
    label = "`retry_after` needs a delay here",
    note = "use a `std::time::Duration` or a number of seconds (`u64`, `u32`, …), or an `Option` of one"
)]
pub trait RetryAfter {
    /// The delay in whole seconds.
    fn seconds(&self) -> u64;
}

impl RetryAfter for Duration {
    fn seconds(&self) -> u64 {
        let whole = self.as_secs();
        if self.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        }
    }
}

macro_rules! seconds {
    ($($ty:ty)*) => {$(
        impl RetryAfter for $ty {
            fn seconds(&self) -> u64 {
                u64::from(*self)
            }
        }
    )*};
}

seconds!(u8 u16 u32 u64);

impl RetryAfter for usize {
    fn seconds(&self) -> u64 {
        u64::try_from(*self).unwrap_or(u64::MAX)
    }
}

impl<T: RetryAfter + ?Sized> RetryAfter for &T {
    fn seconds(&self) -> u64 {
        (**self).seconds()
    }
}

/// Methods that `Allow` can list: a `Method`, a slice, array or `Vec` of
/// them, or a string already in `GET, HEAD` form.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be listed in `Allow`",
    label = "`allow` needs the allowed methods here",
    note = "use a `Vec<Method>`, an array or slice of `Method`s, one `Method`, or a string such as \"GET, HEAD\""
)]
pub trait Methods {
    /// Appends the methods, separated by `, `.
    fn write_methods(&self, out: &mut String);
}

impl Methods for Method {
    fn write_methods(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

impl Methods for [Method] {
    fn write_methods(&self, out: &mut String) {
        for (i, method) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(method.as_str());
        }
    }
}

impl<const N: usize> Methods for [Method; N] {
    fn write_methods(&self, out: &mut String) {
        self.as_slice().write_methods(out);
    }
}

impl Methods for Vec<Method> {
    fn write_methods(&self, out: &mut String) {
        self.as_slice().write_methods(out);
    }
}

impl Methods for str {
    fn write_methods(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Methods for String {
    fn write_methods(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Methods + ?Sized> Methods for &T {
    fn write_methods(&self, out: &mut String) {
        (**self).write_methods(out);
    }
}

/// The `Retry-After` delay `err` sends, in seconds, if it sends one: read
/// from its headers, into a header map made for it, as the error models
/// that also carry the delay in their body (Google's, gRPC's `RetryInfo`)
/// need it.
pub(crate) fn retry_after_seconds<E: crate::ApiError + ?Sized>(err: &E) -> Option<u64> {
    let mut headers = HeaderMap::new();
    err.headers(&mut headers);
    headers.get(RETRY_AFTER)?.to_str().ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_with_control_characters_are_dropped() {
        for bad in [
            "a\r\nSet-Cookie: x=1",
            "a\nb",
            "a\0b",
            "a\u{7f}",
            "é",
            "\u{1}",
        ] {
            assert_eq!(value(bad), None, "{bad:?}");
        }
        assert_eq!(
            value("  Bearer realm=\"api\"\t").unwrap(),
            "Bearer realm=\"api\""
        );
        assert_eq!(value("a\tb c").unwrap(), "a\tb c");
    }

    #[test]
    fn values_over_8_kib_are_dropped() {
        let longest = "a".repeat(MAX_VALUE_LEN);
        assert_eq!(value(&longest).unwrap().len(), 8192);
        assert_eq!(value(&format!("{longest}a")), None);
        // The limit is on what would be sent, after trimming.
        assert_eq!(value(&format!(" {longest}\t")).unwrap().len(), 8192);
        assert_eq!(value(&"a".repeat(1 << 20)), None);
    }

    #[test]
    fn retry_after_rounds_durations_up() {
        assert_eq!(Duration::from_millis(1500).seconds(), 2);
        assert_eq!(Duration::from_secs(30).seconds(), 30);
        assert_eq!(Duration::MAX.seconds(), u64::MAX);
        assert_eq!(7u8.seconds(), 7);
    }

    #[test]
    fn allow_lists_methods() {
        let mut headers = HeaderMap::new();
        allow(&mut headers, &[Method::GET, Method::HEAD]);
        assert_eq!(headers[ALLOW], "GET, HEAD");
        allow(&mut headers, &Vec::<Method>::new());
        assert_eq!(headers[ALLOW], "");
        allow(&mut headers, "PUT");
        assert_eq!(headers[ALLOW], "PUT");
    }
}
