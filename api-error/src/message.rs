//! Where a derived message is written: to a formatter, for `Display` and
//! `message()`, or straight into a JSON string, for bodies.
//!
//! The derive turns `"The user {id} already exists."` into one
//! `format_args!` naming the field, which goes through `fmt` to either: a
//! body gets it escaped as it is written.

use std::fmt::{self, Write as _};

use crate::catalog::Entry;
use crate::derived::Resolved;
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

    /// A string as it is.
    fn str(&mut self, value: &str) {
        match &mut self.sink {
            Sink::Formatter(f) if self.result.is_ok() => self.result = f.write_str(value),
            Sink::Formatter(_) => {}
            Sink::Json(out) => escape_into(out, value),
        }
    }

    /// A message with placeholders, as one `format_args!` of its template
    /// (`"The user {__field_id} already exists."`).
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
    pub fn resolved(&mut self, resolved: Resolved<'_>) {
        match resolved {
            Resolved::Entry(entry) => self.str(entry.message()),
            Resolved::Transparent(inner) => {
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
