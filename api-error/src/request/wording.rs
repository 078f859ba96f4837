//! How request errors repeat what a client sent: quoted, cut short, and
//! with control characters escaped (`\u0000`), so that a message is a short
//! line of text whatever the body held.

use std::fmt::{self, Write as _};

use serde::de::Unexpected;

use super::{CLIP, write_list};
use crate::field::{write_clipped, write_escaped};

/// How many characters of a client's string value a message quotes.
const QUOTE: usize = 64;

/// How many bytes of a `Deserialize` impl's own message a message repeats:
/// such messages may quote the client's value whole.
const LONG: usize = 400;

/// A client's text (a media type, a name) cut to a hundred characters and
/// marked with `…` if it is longer, control characters escaped.
pub(crate) fn clip(text: &str) -> String {
    let mut out = String::new();
    // Writing to a `String` does not fail.
    let _ = write_clipped(&mut out, text, CLIP);
    out
}

/// A member's name from the body, as a path holds it: cut to a hundred
/// characters, and not escaped (a path's `Display` escapes it, its pointer
/// encodes it).
pub(crate) fn clip_name(name: &str) -> String {
    match name.char_indices().nth(CLIP) {
        Some((cut, _)) => format!("{}…", name.get(..cut).unwrap_or_default()),
        None => name.to_owned(),
    }
}

/// A message that may quote a client's value whole (a `Deserialize` impl's
/// own, a framework's), cut to 400 bytes, control characters escaped; read
/// no further than that, whatever its `Display` would write.
pub(crate) fn clip_long(message: impl fmt::Display) -> String {
    struct Clip(String);
    impl fmt::Write for Clip {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            if self.0.len() + text.len() <= LONG && !text.chars().any(char::is_control) {
                self.0.push_str(text);
                return Ok(());
            }
            for c in text.chars() {
                if self.0.len() + 6 > LONG {
                    self.0.push('…');
                    return Err(fmt::Error);
                }
                write_escaped(&mut self.0, c.encode_utf8(&mut [0; 4]))?;
            }
            Ok(())
        }
    }
    let mut out = Clip(String::new());
    let _ = write!(out, "{message}");
    out.0
}

/// A request's `Content-Type` as a message repeats it: lossily decoded,
/// then cut like [`clip`].
pub(crate) fn media_type(given: &[u8]) -> String {
    clip(&String::from_utf8_lossy(given))
}

/// `text` in quotes, escaped as in JSON, cut to 64 characters.
pub(super) fn quoted(text: &str) -> String {
    push_quoted(String::new(), text)
}

/// `out` and `text` in quotes.
fn push_quoted(mut out: String, text: &str) -> String {
    out.push('"');
    let cut = text.char_indices().nth(QUOTE);
    for c in text.chars().take(QUOTE) {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        // Writing to a `String` does not fail.
        let _ = write_escaped(&mut out, c.encode_utf8(&mut [0; 4]));
    }
    out.push('"');
    if cut.is_some() {
        out.push('…');
    }
    out
}

/// `the string "…"`.
pub(crate) fn the_string(text: &str) -> String {
    push_quoted(String::from("the string "), text)
}

/// A number as the body wrote it, cut like a string.
pub(super) fn the_number(text: &str) -> String {
    let mut out = String::from("the number ");
    let _ = write_clipped(&mut out, text, QUOTE);
    out
}

/// What came, in JSON's words, from serde's description of it.
pub(super) fn describe(unexpected: &Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Bool(value) => value.to_string(),
        Unexpected::Unsigned(value) => format!("the number {value}"),
        Unexpected::Signed(value) => format!("the number {value}"),
        Unexpected::Float(value) => format!("the number {value:?}"),
        Unexpected::Char(value) => the_string(value.encode_utf8(&mut [0; 4])),
        Unexpected::Str(value) => the_string(value),
        Unexpected::Bytes(_) => "bytes".to_owned(),
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Seq => "an array".to_owned(),
        Unexpected::Map => "an object".to_owned(),
        Unexpected::Option => "an optional value".to_owned(),
        Unexpected::NewtypeStruct => "a value".to_owned(),
        Unexpected::Enum
        | Unexpected::UnitVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant
        | Unexpected::StructVariant => "an enum variant".to_owned(),
        Unexpected::Other(other) => clip_long(other),
    }
}

/// `"a"`, `one of "a" or "b"`, `one of "a", "b" or "c"`.
pub(super) fn one_of(variants: &[&str]) -> String {
    let quoted: Vec<String> = variants.iter().map(|variant| quoted(variant)).collect();
    let mut out = String::new();
    match quoted.len() {
        0 => out.push_str("no variant"),
        1 => {}
        _ => out.push_str("one of "),
    }
    let _ = write_list(&mut out, &quoted, "or");
    out
}

/// What serde's visitors call the numbers and `bool` they take (and what
/// Rust calls them), in JSON's words.
pub(crate) fn json_words(rust: &str) -> Option<&'static str> {
    Some(match rust {
        "i8" => "an integer from -128 to 127",
        "i16" => "an integer from -32768 to 32767",
        "i32" => "an integer from -2147483648 to 2147483647",
        "i64" => "an integer from -9223372036854775808 to 9223372036854775807",
        "i128" => "an integer",
        "u8" => "an integer from 0 to 255",
        "u16" => "an integer from 0 to 65535",
        "u32" => "an integer from 0 to 4294967295",
        "u64" => "an integer from 0 to 18446744073709551615",
        "u128" => "a non-negative integer",
        "f32" | "f64" => "a number",
        "bool" | "a boolean" => "true or false",
        "char" => "a string of one character",
        _ => return None,
    })
}

/// What a rejection of a framework's own extractor says, by its kind, in
/// the client's terms: the frameworks' own texts name Rust types and
/// where their parsers stopped.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod rejected {
    /// A body that is JSON text, but not the value the handler takes: the
    /// framework does not say which field, as data.
    pub(crate) const NOT_TAKEN: &str =
        "The request body is valid JSON, but not the value this endpoint takes.";
    /// A body the framework could not read.
    pub(crate) const UNREADABLE: &str = "The request body could not be read.";
    /// A path whose parameters do not fit the handler's type.
    pub(crate) const PATH: &str = "The request path is invalid.";
    /// A query string that does not fit the handler's type.
    pub(crate) const QUERY: &str = "The request query is invalid.";
}
