//! Where a derived message is written: to a formatter, for `Display` and
//! `message()`, or straight into a JSON string, for bodies.
//!
//! The derive turns `"The user {id} already exists."` into calls that hand
//! over the text (already escaped for JSON at compile time) and each field:
//! a body then gets the text copied as it is and a string field escaped,
//! with `fmt` machinery only for the fields that need formatting.

use std::fmt::{self, Write as _};

use crate::__private::Target;
use crate::catalog::Entry;
use crate::format::json::{Escape, escape_into};

/// The destination of a derived message; see the module documentation.
pub struct MessageOut<'a, 'f> {
    sink: Sink<'a, 'f>,
    result: fmt::Result,
}

enum Sink<'a, 'f> {
    Formatter(&'a mut fmt::Formatter<'f>),
    /// The inside of a JSON string.
    Json(&'a mut Vec<u8>),
}

impl<'a, 'f> MessageOut<'a, 'f> {
    /// Writes to a formatter.
    pub fn formatter(f: &'a mut fmt::Formatter<'f>) -> Self {
        MessageOut {
            sink: Sink::Formatter(f),
            result: Ok(()),
        }
    }

    /// Writes the inside of a JSON string, escaped, at the end of `out`.
    pub fn json(out: &'a mut Vec<u8>) -> Self {
        MessageOut {
            sink: Sink::Json(out),
            result: Ok(()),
        }
    }

    /// Text of the message: `text` as written, and `json` the same escaped
    /// for a JSON string.
    pub fn text(&mut self, text: &'static str, json: &'static str) {
        match &mut self.sink {
            Sink::Formatter(f) if self.result.is_ok() => self.result = f.write_str(text),
            Sink::Formatter(_) => {}
            Sink::Json(out) => out.extend_from_slice(json.as_bytes()),
        }
    }

    /// A string field, `{name}`: no formatting needed.
    pub fn str(&mut self, value: &str) {
        match &mut self.sink {
            Sink::Formatter(f) if self.result.is_ok() => self.result = f.write_str(value),
            Sink::Formatter(_) => {}
            Sink::Json(out) => escape_into(out, value),
        }
    }

    /// A field shown with `Display`, `{field}`.
    pub fn display<T: fmt::Display + ?Sized>(&mut self, value: &T) {
        self.args(format_args!("{value}"));
    }

    /// A field shown with `Debug`, `{field:?}`.
    pub fn debug<T: fmt::Debug + ?Sized>(&mut self, value: &T) {
        self.args(format_args!("{value:?}"));
    }

    /// A field with any other format spec, `{field:>8}`.
    pub fn args(&mut self, args: fmt::Arguments<'_>) {
        if self.result.is_ok() {
            self.result = match &mut self.sink {
                Sink::Formatter(f) => f.write_fmt(args),
                Sink::Json(out) => Escape(out).write_fmt(args),
            };
        }
    }

    /// The message of a variant whose thiserror `Display` is its public
    /// message when it is a client error; a server error shows its entry's.
    pub fn client_display(&mut self, entry: &Entry, err: &dyn fmt::Display) {
        if entry.status().is_client_error() {
            self.args(format_args!("{err}"))
        } else {
            self.str(entry.message())
        }
    }

    /// The message of a variant without placeholders (its entry's), or of
    /// the error a transparent variant holds.
    pub fn resolved(&mut self, target: Target<'_>) {
        match target {
            Target::Entry(entry) => self.str(entry.message()),
            Target::Inner(inner) => {
                if self.result.is_ok() {
                    self.result = match &mut self.sink {
                        Sink::Formatter(f) => inner.fmt_message(f),
                        Sink::Json(out) => inner.__message_json(out),
                    };
                }
            }
        }
    }

    /// Whether everything was written.
    pub fn done(&mut self) -> fmt::Result {
        self.result
    }
}

/// A field whose type is written like a string (`String`, `&str`,
/// `Cow<str>`, …), for the derive. A real string is copied as it is
/// ([`WriteStr`]); a type that only has the name (a user's `String`, a type
/// parameter) is formatted ([`WriteDisplay`]). Method resolution picks the
/// first where it applies: `(&MaybeStr(field)).write_to(out)`.
pub struct MaybeStr<'a, T: ?Sized>(pub &'a T);

/// Writes a string field as it is; see [`MaybeStr`].
pub trait WriteStr {
    /// Writes the field to `out`.
    fn write_to(&self, out: &mut MessageOut<'_, '_>);
}

/// Writes any other field with `Display`; see [`MaybeStr`].
pub trait WriteDisplay {
    /// Writes the field to `out`.
    fn write_to(&self, out: &mut MessageOut<'_, '_>);
}

macro_rules! write_str_for {
    ($($ty:ty),*) => {$(
        impl WriteStr for MaybeStr<'_, $ty> {
            fn write_to(&self, out: &mut MessageOut<'_, '_>) {
                out.str(self.0);
            }
        }
    )*};
}

write_str_for!(
    str,
    &str,
    String,
    std::borrow::Cow<'_, str>,
    Box<str>,
    std::rc::Rc<str>,
    std::sync::Arc<str>
);

impl<T: fmt::Display + ?Sized> WriteDisplay for &MaybeStr<'_, T> {
    fn write_to(&self, out: &mut MessageOut<'_, '_>) {
        out.display(self.0);
    }
}
