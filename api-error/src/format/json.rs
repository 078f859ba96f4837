//! The JSON writer every format shares.
//!
//! It writes straight into the body buffer, escaping as it goes, so a body is
//! built without intermediate strings or `serde_json::Value`s. Objects and
//! arrays close themselves when dropped: whatever path a writer takes, the
//! output is well-formed JSON.

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::ApiError;
use crate::status::{error_status, reason_phrase};

/// A JSON object being written; `}` is written when it is dropped.
///
/// ```
/// use api_error::format::json::Object;
///
/// let mut body = Vec::new();
/// {
///     let mut object = Object::new(&mut body);
///     object.string("error", "not_found");
///     object.number("status", 404);
///     object.array("tags").string("a\"b");
/// }
/// assert_eq!(body, br#"{"error":"not_found","status":404,"tags":["a\"b"]}"#);
/// ```
#[derive(Debug)]
pub struct Object<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> Object<'a> {
    /// Starts an object at the end of `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, empty: true }
    }

    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        write_string(self.out, key);
        self.out.push(b':');
    }

    /// Writes a string member.
    pub fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        write_string(self.out, value);
    }

    /// Writes a string member from a `Display` value, escaped as it is
    /// formatted.
    ///
    /// If formatting fails, the member is written as the empty string, so the
    /// body stays valid.
    pub fn display(&mut self, key: &str, value: &dyn fmt::Display) {
        self.key(key);
        write_display(self.out, value, || "");
    }

    /// Writes `err`'s public message, streamed into the body without an
    /// intermediate `String` (a derived message's text is copied already
    /// escaped).
    ///
    /// If the message fails to format, the status's reason phrase is written
    /// instead.
    pub fn message(&mut self, key: &str, err: &(impl ApiError + ?Sized)) {
        self.key(key);
        self.out.push(b'"');
        let start = self.out.len();
        if err.__message_json(self.out).is_err() {
            self.out.truncate(start);
            escape_into(self.out, reason_phrase(error_status(err)));
        }
        self.out.push(b'"');
    }

    /// Writes a number member.
    pub fn number(&mut self, key: &str, value: u64) {
        self.key(key);
        write_u64(self.out, value);
    }

    /// Writes a `null` member.
    pub fn null(&mut self, key: &str) {
        self.key(key);
        self.out.extend_from_slice(b"null");
    }

    /// Writes a member whose value is any `Serialize` value.
    ///
    /// A value that fails to serialize (a map with non-string keys, say) is
    /// left out entirely, and `false` is returned.
    pub fn serialize<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> bool {
        let (len, empty) = (self.out.len(), self.empty);
        self.key(key);
        if serde_json::to_writer(&mut *self.out, value).is_ok() {
            true
        } else {
            self.out.truncate(len);
            self.empty = empty;
            false
        }
    }

    /// Starts an object member.
    pub fn object(&mut self, key: &str) -> Object<'_> {
        self.key(key);
        Object::new(self.out)
    }

    /// Starts an array member.
    pub fn array(&mut self, key: &str) -> Array<'_> {
        self.key(key);
        Array::new(self.out)
    }

    /// Lets an error add its extension members to this object, skipping the
    /// names in `reserved` (the members the format writes itself).
    pub fn members<'s>(&'s mut self, reserved: &'s [&'s str]) -> Members<'s, 'a> {
        Members {
            object: self,
            reserved,
        }
    }

    /// Closes the object; the same as dropping it.
    pub fn end(self) {}
}

impl Drop for Object<'_> {
    fn drop(&mut self) {
        self.out.push(b'}');
    }
}

/// A JSON array being written; `]` is written when it is dropped.
#[derive(Debug)]
pub struct Array<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> Array<'a> {
    /// Starts an array at the end of `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'[');
        Array { out, empty: true }
    }

    fn comma(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
    }

    /// Writes a string element.
    pub fn string(&mut self, value: &str) {
        self.comma();
        write_string(self.out, value);
    }

    /// Starts an object element.
    pub fn object(&mut self) -> Object<'_> {
        self.comma();
        Object::new(self.out)
    }

    /// Closes the array; the same as dropping it.
    pub fn end(self) {}
}

impl Drop for Array<'_> {
    fn drop(&mut self) {
        self.out.push(b']');
    }
}

/// Where an error writes its extension members; see
/// [`ApiError::extensions`].
#[derive(Debug)]
pub struct Members<'a, 'b> {
    object: &'a mut Object<'b>,
    reserved: &'a [&'a str],
}

impl Members<'_, '_> {
    /// Adds the member `name` with any `Serialize` value.
    ///
    /// Names the format writes itself (`status`, `code`, …) are skipped, as
    /// are values that fail to serialize: a body never carries a made-up or
    /// duplicate member.
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if !self.reserved.contains(&name) {
            self.object.serialize(name, value);
        }
    }
}

/// Writes `value` as a quoted, escaped JSON string.
pub(crate) fn write_string(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    escape_into(out, value);
    out.push(b'"');
}

/// Writes a `Display` value as a quoted JSON string, or `fallback()` if
/// formatting fails part way.
fn write_display<'f>(
    out: &mut Vec<u8>,
    value: &dyn fmt::Display,
    fallback: impl FnOnce() -> &'f str,
) {
    out.push(b'"');
    let start = out.len();
    if write!(Escape(out), "{value}").is_err() {
        out.truncate(start);
        escape_into(out, fallback());
    }
    out.push(b'"');
}

/// Writes `n` in decimal.
fn write_u64(out: &mut Vec<u8>, n: u64) {
    if n >= 10 {
        write_u64(out, n / 10);
    }
    out.push(b'0' + (n % 10) as u8);
}

/// A `fmt::Write` sink that escapes what it is given into a JSON string body.
pub(crate) struct Escape<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Escape<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// Appends `s` with the characters JSON requires escaped, escaped: the
/// runs between them are copied whole.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    while let Some((clean, tail)) = first_to_escape(rest).and_then(|i| rest.split_at_checked(i)) {
        out.extend_from_slice(clean);
        let Some((&byte, after)) = tail.split_first() else {
            break;
        };
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => &[b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xf)],
        };
        out.extend_from_slice(escape);
        rest = after;
    }
    out.extend_from_slice(rest);
}

/// The position of the first byte of `bytes` that must be escaped.
///
/// Most text needs no escape at all, so it reads eight bytes at a time, the
/// last eight (or a short string padded with spaces) included, and goes
/// byte by byte only from a word that holds such a byte.
pub(crate) fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    let mut clean = 0;
    let mut flagged = false;
    for chunk in bytes.chunks_exact(8) {
        if word_needs_escape(word(chunk)) {
            flagged = true;
            break;
        }
        clean += 8;
    }
    if !flagged {
        // The bytes after the last whole word, read as one word that
        // overlaps the bytes before them; a string of fewer than eight
        // bytes as two overlapping halves.
        let len = bytes.len();
        let last = match len {
            8.. => word(bytes.get(len - 8..).unwrap_or_default()),
            4..8 => {
                let half = |at: usize| bytes.get(at..at + 4).and_then(|four| four.try_into().ok());
                let (head, tail) = (half(0).unwrap_or([0; 4]), half(len - 4).unwrap_or([0; 4]));
                u64::from(u32::from_le_bytes(head)) | u64::from(u32::from_le_bytes(tail)) << 32
            }
            // Zero: the byte-by-byte search below decides.
            _ => 0,
        };
        if !word_needs_escape(last) {
            return None;
        }
    }
    let position = bytes.get(clean..)?.iter().position(|&byte| {
        NEEDS_ESCAPE
            .get(usize::from(byte))
            .copied()
            .unwrap_or(false)
    })?;
    Some(clean + position)
}

/// The first eight bytes of `bytes` as a word; a shorter slice, which the
/// callers never pass, reads as zero, which only sends the search on byte
/// by byte.
fn word(bytes: &[u8]) -> u64 {
    let eight = bytes.get(..8).and_then(|eight| eight.try_into().ok());
    u64::from_le_bytes(eight.unwrap_or([0; 8]))
}

/// Whether one of the eight bytes of `word` is a control, `"` or `\`.
///
/// `(x - n·0x0101…) & !x & 0x8080…` is non-zero exactly when some byte of
/// `x` is below `n` (for n ≤ 128): the subtraction sets the high bit of such
/// a byte, `!x` clears it in bytes of 0x80 or more, and a borrow reaches the
/// bytes above only from a byte that was below `n`. With n = 1, on `x`
/// xor a repeated byte, it finds that byte.
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    // One test of the three, without branches between them.
    (below(word, 0x20) | below(quote, 1) | below(backslash, 1)) & HIGHS != 0
}

/// The bytes a JSON string cannot hold as they are: controls, `"` and `\`.
// Built at compile time, where an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The lowercase hex digit of a nibble.
fn hex(nibble: u8) -> u8 {
    if nibble < 10 {
        b'0' + nibble
    } else {
        b'a' + nibble - 10
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escape of one byte, done the plain way.
    fn reference(out: &mut Vec<u8>, byte: u8) {
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            0..0x20 => out.extend_from_slice(format!("\\u{byte:04x}").as_bytes()),
            _ => out.push(byte),
        }
    }

    #[test]
    fn every_ascii_byte_at_every_place_of_a_word() {
        for byte in 0u8..0x80 {
            for place in 0..20 {
                let mut text = vec![b'a'; 20];
                text[place] = byte;
                text[19 - place] = byte;
                let text = String::from_utf8(text).unwrap();
                let mut ours = Vec::new();
                escape_into(&mut ours, &text);
                let mut expected = Vec::new();
                text.bytes().for_each(|b| reference(&mut expected, b));
                assert_eq!(ours, expected, "byte {byte:#x} at {place}");
            }
        }
    }

    #[test]
    fn bytes_above_ascii_are_never_escaped() {
        let text = "ßé€😀\u{80}\u{7ff}\u{ffff}ÿ".repeat(3);
        let mut ours = Vec::new();
        escape_into(&mut ours, &text);
        assert_eq!(ours, text.as_bytes());
    }

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        write_string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_what_json_requires() {
        assert_eq!(escaped("plain"), r#""plain""#);
        assert_eq!(escaped("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(escaped("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(escaped("\u{0}\u{1f}"), r#""\u0000\u001f""#);
        assert_eq!(escaped("é ✓ 🦀 \u{7f}"), "\"é ✓ 🦀 \u{7f}\"");
    }

    #[test]
    fn every_string_round_trips_through_serde_json() {
        let all: String = (0..0x800u32).filter_map(char::from_u32).collect();
        let decoded: String = serde_json::from_str(&escaped(&all)).unwrap();
        assert_eq!(decoded, all);
    }

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 404, 65535, u64::MAX] {
            let mut out = Vec::new();
            write_u64(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }

    struct Failing;
    impl fmt::Display for Failing {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("half written")?;
            Err(fmt::Error)
        }
    }

    #[test]
    fn a_failing_display_leaves_valid_json() {
        let mut out = Vec::new();
        Object::new(&mut out).display("detail", &Failing);
        assert_eq!(out, br#"{"detail":""}"#);
    }

    #[test]
    fn a_value_that_fails_to_serialize_is_left_out() {
        let mut bad = std::collections::HashMap::new();
        bad.insert(vec![1], 2);
        let mut out = Vec::new();
        {
            let mut object = Object::new(&mut out);
            assert!(!object.serialize("bad", &bad));
            object.string("a", "b");
        }
        assert_eq!(out, br#"{"a":"b"}"#);
    }

    #[test]
    fn members_skip_reserved_names() {
        let mut out = Vec::new();
        {
            let mut object = Object::new(&mut out);
            object.string("code", "x");
            let mut members = object.members(&["code"]);
            members.insert("code", "forged");
            members.insert("balance", &30);
        }
        assert_eq!(out, br#"{"code":"x","balance":30}"#);
    }
}
