//! The JSON writer every format shares.
//!
//! It writes straight into the body buffer, escaping as it goes, so a body is
//! built without intermediate strings or `serde_json::Value`s. Objects and
//! arrays close themselves when dropped: whatever path a writer takes, the
//! output is well-formed JSON.

use std::fmt::{self, Write as _};
use std::io::Write as _;

use serde::Serialize;

use crate::ApiError;
use crate::context::{self, Context};
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
    // `#[inline]` here, on `key` and on `drop`, and on `MessageOut`'s
    // constructors and `done`: formats and derived messages call them from
    // the user's crate, where each would otherwise be a call. With them,
    // the `Flat` body of benches/cases.rs takes 1,096 instructions instead
    // of 1,154, and in six runs of the paired driver in alternation the
    // body took 0.56–0.64× the serde limit's time instead of 0.74–0.76×,
    // the response 0.316–0.339× axum's instead of 0.326–0.333×.
    #[inline]
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, empty: true }
    }

    #[inline]
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

    /// Writes a string member made of `pieces`, end to end.
    pub(crate) fn string_of(&mut self, key: &str, pieces: &[&str]) {
        self.key(key);
        self.out.push(b'"');
        for piece in pieces {
            escape_into(self.out, piece);
        }
        self.out.push(b'"');
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
    /// escaped); in a request whose context localizes, translated into the
    /// request's language where a translation of its code exists.
    ///
    /// If the message fails to format, the status's reason phrase is written
    /// instead.
    pub fn message(&mut self, key: &str, err: &(impl ApiError + ?Sized)) {
        self.key(key);
        self.out.push(b'"');
        let start = self.out.len();
        // In the request's language, if it has a translation.
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        let translated = crate::context::write_translated(err, self.out);
        #[cfg(not(any(feature = "axum", feature = "actix-web")))]
        let translated = false;
        if !translated && err.__message_json(self.out).is_err() {
            self.out.truncate(start);
            escape_into(self.out, reason_phrase(error_status(err)));
        }
        self.out.push(b'"');
    }

    /// Writes a number member.
    pub fn number(&mut self, key: &str, value: u64) {
        self.key(key);
        // Writing to a `Vec` does not fail.
        let _ = write!(self.out, "{value}");
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

    /// Writes an object member with what `fill` writes in it, or nothing
    /// at all when `fill` writes nothing: a preset's optional `metadata`
    /// or `meta`.
    pub(crate) fn object_if_any(&mut self, key: &str, fill: impl FnOnce(&mut Object<'_>)) {
        let (len, empty) = (self.out.len(), self.empty);
        let mut inner = self.object(key);
        fill(&mut inner);
        let filled = !inner.empty;
        drop(inner);
        if !filled {
            self.out.truncate(len);
            self.empty = empty;
        }
    }

    /// Writes a member whose value is any `Serialize` value, as a string:
    /// a string as itself, any other value as its JSON text. What a shape
    /// whose extension members are strings (Google's `metadata`) writes.
    pub(crate) fn serialize_as_string<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        let (len, empty) = (self.out.len(), self.empty);
        self.key(key);
        let start = self.out.len();
        if serde_json::to_writer(&mut *self.out, value).is_err() {
            self.out.truncate(len);
            self.empty = empty;
            return;
        }
        if self.out.get(start) != Some(&b'"') {
            let text = self.out.split_off(start);
            write_string(self.out, &String::from_utf8_lossy(&text));
        }
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
            also: None,
            strings: false,
        }
    }

    /// The same, skipping `also` too: a member the format writes only
    /// sometimes, such as the request context's `request_id`.
    pub fn members_besides<'s>(
        &'s mut self,
        reserved: &'s [&'s str],
        also: Option<&'s str>,
    ) -> Members<'s, 'a> {
        Members {
            object: self,
            reserved,
            also,
            strings: false,
        }
    }

    /// Lets an error add its extension members to this object as strings
    /// (see [`serialize_as_string`](Self::serialize_as_string)).
    pub(crate) fn members_as_strings<'s>(&'s mut self) -> Members<'s, 'a> {
        Members {
            object: self,
            reserved: &[],
            also: None,
            strings: true,
        }
    }

    /// Writes the current request's id as the member `request_id`, if a
    /// [request context](crate::context) with one is installed, and returns
    /// that name, to pass to [`members_besides`](Self::members_besides) so
    /// that no extension member repeats it; outside any, writes nothing.
    pub fn request_id(&mut self) -> Option<&'static str> {
        context::with(|context| {
            let id = context.and_then(Context::request_id)?;
            self.string(REQUEST_ID, id.as_str());
            Some(REQUEST_ID)
        })
    }

    /// Closes the object; the same as dropping it.
    pub fn end(self) {}
}

impl Drop for Object<'_> {
    #[inline]
    fn drop(&mut self) {
        self.out.push(b'}');
    }
}

/// The member a request's id takes in an error body.
pub(crate) const REQUEST_ID: &str = "request_id";

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
    also: Option<&'a str>,
    /// Whether values are written as strings.
    strings: bool,
}

impl Members<'_, '_> {
    /// Adds the member `name` with any `Serialize` value.
    ///
    /// Names the format writes itself (`status`, `code`, …) are skipped, as
    /// are values that fail to serialize: a body never carries a made-up or
    /// duplicate member.
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if self.reserved.contains(&name) || self.also == Some(name) {
            return;
        }
        if self.strings {
            self.object.serialize_as_string(name, value);
        } else {
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

/// A `fmt::Write` sink that escapes what it is given into a JSON string body.
pub(crate) struct Escape<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Escape<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// How JSON writes each byte inside a string, the one statement of its
/// escaping rules (RFC 8259 §7): `0` for the byte itself, else the letter
/// after the backslash, `u` for `\u00XX`. A control, `"` and `\` are
/// escaped, with the short forms JSON has for some controls; every other
/// byte, UTF-8 beyond ASCII included, is written as it is.
///
/// Bodies escape with it at run time ([`escape_into`]), and derived
/// messages at compile time ([`escaped_len`], [`escape_pieces`]).
// Built at compile time, where an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const ESCAPE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table
};

/// `byte`'s entry in [`ESCAPE`].
// A `u8` indexes a table of 256 within bounds.
#[allow(clippy::indexing_slicing)]
const fn escape_letter(byte: u8) -> u8 {
    ESCAPE[byte as usize]
}

/// The escape of a byte whose [`ESCAPE`] letter is `letter` (not `0`): its
/// bytes, of which the first `len`.
const fn sequence(byte: u8, letter: u8) -> ([u8; 6], usize) {
    match letter {
        b'u' => (
            [b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xf)],
            6,
        ),
        _ => ([b'\\', letter, 0, 0, 0, 0], 2),
    }
}

/// The lowercase hex digit of a nibble.
const fn hex(nibble: u8) -> u8 {
    if nibble < 10 {
        b'0' + nibble
    } else {
        b'a' + nibble - 10
    }
}

/// Appends `s` with the characters JSON requires escaped, escaped: the
/// runs between them are copied whole.
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    while let Some(at) = first_escape(rest) {
        let (clean, tail) = rest.split_at_checked(at).unwrap_or((rest, &[]));
        out.extend_from_slice(clean);
        let Some((&byte, after)) = tail.split_first() else {
            break;
        };
        let (escape, len) = sequence(byte, escape_letter(byte));
        out.extend_from_slice(escape.get(..len).unwrap_or_default());
        rest = after;
    }
    out.extend_from_slice(rest);
}

/// The position of the first byte of `bytes` that must be escaped.
///
/// Most text needs no escape, so the table is read eight bytes at a time
/// first, with one test for the eight, then byte by byte from the eight
/// that hold one, or for the last few: the `Flat` body of
/// benches/cases.rs takes 1,152 instructions this way, 1,312 byte by byte,
/// and 0.73–0.78× the serde limit's time instead of 0.81–0.82×.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    for eight in bytes.chunks_exact(8) {
        if eight.iter().fold(0, |any, &byte| any | escape_letter(byte)) != 0 {
            break;
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    let found = rest.iter().position(|&byte| escape_letter(byte) != 0)?;
    Some(at + found)
}

/// The length of `text` once escaped for a JSON string.
///
/// With [`escape_pieces`], what a derived type's messages are escaped with
/// at compile time: the derive writes
/// `static JSON: Escaped<{ escaped_len(TEXT) }, PIECES> = escape_pieces(TEXT, &ENDS);`.
#[doc(hidden)]
// Within bounds: a `u8` indexes a table of 256.
#[allow(clippy::indexing_slicing)]
pub const fn escaped_len(text: &str) -> usize {
    // Evaluated at compile time, each step of this loop costs thousands of
    // instructions and a call tens of thousands, so the table is read
    // inline, and the text is read eight bytes a step, with one test for
    // the eight, which seldom hold an escape: `cargo check` of the
    // 1,000-variant enum of benches/check-instructions.sh runs 2,918
    // million instructions this way, 3,038 million a byte a step (1.13×
    // and 1.18× thiserror's).
    let mut len = text.len();
    let mut rest = text.as_bytes();
    while let [a, b, c, d, e, f, g, h, tail @ ..] = rest {
        let any = ESCAPE[*a as usize]
            | ESCAPE[*b as usize]
            | ESCAPE[*c as usize]
            | ESCAPE[*d as usize]
            | ESCAPE[*e as usize]
            | ESCAPE[*f as usize]
            | ESCAPE[*g as usize]
            | ESCAPE[*h as usize];
        if any != 0 {
            len += added(&[*a, *b, *c, *d, *e, *f, *g, *h]);
        }
        rest = tail;
    }
    len + added(rest)
}

/// How many bytes escaping `bytes` adds, a byte a step.
// Within bounds: a `u8` indexes a table of 256.
#[allow(clippy::indexing_slicing)]
const fn added(mut bytes: &[u8]) -> usize {
    let mut added = 0;
    while let [byte, tail @ ..] = bytes {
        match ESCAPE[*byte as usize] {
            0 => {}
            b'u' => added += 5,
            _ => added += 1,
        }
        bytes = tail;
    }
    added
}

/// Pieces of text escaped for a JSON string, end to end, with where each
/// one starts and the last ends; made by [`escape_pieces`].
#[doc(hidden)]
#[derive(Debug)]
pub struct Escaped<const LEN: usize, const PIECES: usize> {
    pub(crate) bytes: [u8; LEN],
    pub(crate) ends: [usize; PIECES],
}

/// `text`, pieces end to end (piece `i` is `ends[i]..ends[i + 1]`),
/// escaped for a JSON string, with where each piece starts and the last
/// ends once escaped; `LEN` is [`escaped_len`]`(text)`.
///
/// Evaluated at compile time, in a static's initializer: a `LEN` that is
/// not `text`'s escaped length leaves the rest zeros, or the rest out, and
/// does not fail at run time either.
#[doc(hidden)]
// Within bounds: every index is checked against its length first.
#[allow(clippy::indexing_slicing)]
pub const fn escape_pieces<const LEN: usize, const PIECES: usize>(
    text: &str,
    ends: &[usize; PIECES],
) -> Escaped<LEN, PIECES> {
    let bytes = text.as_bytes();
    let mut escaped = Escaped {
        bytes: [0; LEN],
        ends: *ends,
    };
    // Nothing to escape: the text as it is, and so where its pieces end.
    // Each byte costs thousands of instructions to evaluate at compile
    // time, so the bytes are not walked again when none needs escaping.
    if LEN == bytes.len() {
        escaped.bytes.copy_from_slice(bytes);
        return escaped;
    }
    // A byte a step, the table read inline and the length read once, as
    // in `escaped_len`, the sequence of an escape the only call. This is
    // the dear path, some 35,000 instructions a byte to evaluate: one `"`
    // in the 1,000-variant enum of benches/check-instructions.sh (23,000
    // bytes of text) adds 817 million to its `cargo check`, 0.32×
    // thiserror's. Eight bytes a step, as in `escaped_len`, cost more here.
    let end = bytes.len();
    let (mut at, mut written, mut piece) = (0, 0, 0);
    // Where the next piece starts: pieces start in order.
    let mut next = if PIECES > 0 { ends[0] } else { usize::MAX };
    while at < end {
        while at == next {
            escaped.ends[piece] = written;
            piece += 1;
            next = if piece < PIECES {
                ends[piece]
            } else {
                usize::MAX
            };
        }
        let byte = bytes[at];
        let letter = ESCAPE[byte as usize];
        if letter == 0 {
            if written < LEN {
                escaped.bytes[written] = byte;
                written += 1;
            }
        } else {
            let (escape, len) = sequence(byte, letter);
            let mut i = 0;
            while i < len && written < LEN {
                escaped.bytes[written] = escape[i];
                written += 1;
                i += 1;
            }
        }
        at += 1;
    }
    while piece < PIECES {
        escaped.ends[piece] = written;
        piece += 1;
    }
    escaped
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
    fn every_ascii_byte_at_every_place() {
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
            Object::new(&mut out).number("n", n);
            assert_eq!(out, format!(r#"{{"n":{n}}}"#).as_bytes());
        }
    }

    /// Every ASCII byte, each its own piece, then characters of two, three
    /// and four bytes, and an empty piece; escaped at compile time.
    const BYTES: [u8; 137] = {
        let mut text = [0u8; 137];
        let mut byte = 0;
        while byte < 128 {
            text[byte] = byte as u8;
            byte += 1;
        }
        let wide = "é€😀".as_bytes();
        let mut at = 0;
        while at < wide.len() {
            text[128 + at] = wide[at];
            at += 1;
        }
        text
    };
    const TEXT: &str = match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("not UTF-8"),
    };
    const ENDS: [usize; 133] = {
        let mut ends = [0; 133];
        let mut piece = 1;
        while piece <= 128 {
            ends[piece] = piece;
            piece += 1;
        }
        // `é`, `€`, `😀`, then nothing.
        ends[129] = 130;
        ends[130] = 133;
        ends[131] = 137;
        ends[132] = 137;
        ends
    };
    static JSON: Escaped<{ escaped_len(TEXT) }, 133> = escape_pieces(TEXT, &ENDS);

    #[test]
    fn compile_time_and_run_time_escape_every_byte_alike() {
        for (piece, (json, raw)) in JSON.ends.windows(2).zip(ENDS.windows(2)).enumerate() {
            let mut run_time = Vec::new();
            escape_into(&mut run_time, &TEXT[raw[0]..raw[1]]);
            assert_eq!(&JSON.bytes[json[0]..json[1]], run_time, "piece {piece}");
        }
        assert_eq!(JSON.ends[132], JSON.bytes.len());
        let mut all = Vec::new();
        escape_into(&mut all, TEXT);
        assert_eq!(JSON.bytes, *all);
    }

    #[test]
    fn clean_text_is_copied_with_its_ends() {
        const CLEAN: &str = "The user  already exists.";
        static CLEAN_JSON: Escaped<{ escaped_len(CLEAN) }, 3> = escape_pieces(CLEAN, &[0, 9, 25]);
        assert_eq!(&CLEAN_JSON.bytes, CLEAN.as_bytes());
        assert_eq!(CLEAN_JSON.ends, [0, 9, 25]);
    }

    #[test]
    fn a_wrong_length_does_not_panic_at_run_time() {
        let short: Escaped<2, 2> = escape_pieces("a\"b", &[0, 3]);
        assert_eq!(&short.bytes, b"a\\");
        assert_eq!(short.ends, [0, 2]);
        let long: Escaped<8, 2> = escape_pieces("a\"b", &[0, 3]);
        assert_eq!(&long.bytes, b"a\\\"b\0\0\0\0");
        assert_eq!(escaped_len("a\"b\u{1}"), 10);
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
