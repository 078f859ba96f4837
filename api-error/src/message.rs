//! Where a derived message is written: to a formatter, for `Display` and
//! `message()`, or straight into a JSON string, for bodies.
//!
//! The derive splits each message into its static pieces and the fields
//! between them: `"The user {id} already exists."` is the pieces
//! `"The user "` and `" already exists."` around `id`. A type's pieces are
//! one text, [`Messages`], which also holds them escaped for JSON, done at
//! compile time by [`escape_pieces`](crate::format::json::escape_pieces). A
//! variant's message is then its entry's pieces and the fields, which both
//! sinks walk: a formatter gets the pieces as written, a body gets them
//! escaped already, and only the fields are escaped as they are written.

use std::fmt::{self, Write as _};

use crate::catalog::Entry;
use crate::derived::Resolved;
use crate::format::json::{Escape, Escaped, escape_into};
use crate::status::shows_display;

/// The static pieces of every message of a derived type, as written and
/// escaped for JSON, and which of them make each entry's message.
#[derive(Debug)]
pub struct Messages {
    /// Every piece, end to end.
    text: &'static str,
    /// Where each piece starts in `text`, and where the last ends: piece
    /// `i` is `ends[i]..ends[i + 1]`.
    ends: &'static [usize],
    /// `text` escaped for JSON.
    json: &'static [u8],
    /// The same as `ends`, in `json`.
    json_ends: &'static [usize],
    /// The pieces of entry `i` are `starts[i]..starts[i + 1]`; an entry
    /// whose message has no text of its own (a reason phrase, thiserror's
    /// `Display`) has none.
    starts: &'static [usize],
}

impl Messages {
    /// The table of a derived type, from `text`, where its pieces start and
    /// the last ends, the same escaped, and where each entry's pieces start
    /// and the last entry's end.
    pub const fn new<const LEN: usize, const PIECES: usize>(
        text: &'static str,
        ends: &'static [usize; PIECES],
        json: &'static Escaped<LEN, PIECES>,
        starts: &'static [usize],
    ) -> Messages {
        Messages {
            text,
            ends,
            json: &json.bytes,
            json_ends: &json.ends,
            starts,
        }
    }

    /// Where the pieces of entry `entry`'s message start and the last
    /// ends, in `text` (`ends`) or in `json` (`json_ends`); `None` if it has
    /// none.
    fn ends_of<'e>(&self, ends: &'e [usize], entry: usize) -> Option<&'e [usize]> {
        let start = *self.starts.get(entry)?;
        let end = *self.starts.get(entry + 1)?;
        if start == end {
            return None;
        }
        ends.get(start..=end)
    }

    /// Walks entry `entry`'s message: each of its pieces, as a range of the
    /// text `ends` measures (`text`, or `json` with `json_ends`), then the
    /// field that follows it, if any.
    fn walk<'f>(
        &self,
        ends: &[usize],
        entry: usize,
        fields: &[&'f dyn Placeholder],
        mut write: impl FnMut(Part<'f>) -> fmt::Result,
    ) -> fmt::Result {
        let ends = self.ends_of(ends, entry).ok_or(fmt::Error)?;
        let mut fields = fields.iter();
        for piece in ends.windows(2) {
            if let &[start, end] = piece {
                write(Part::Piece(start..end))?;
            }
            if let Some(field) = fields.next() {
                write(Part::Field(*field))?;
            }
        }
        Ok(())
    }

    /// Writes entry `entry`'s message to `f`: its pieces as written, with
    /// `fields` between them.
    fn write_text(
        &self,
        f: &mut fmt::Formatter<'_>,
        entry: usize,
        fields: &[&dyn Placeholder],
    ) -> fmt::Result {
        self.walk(self.ends, entry, fields, |part| match part {
            Part::Piece(range) => f.write_str(self.text.get(range).ok_or(fmt::Error)?),
            // Through `write!`, with its own formatting options: the
            // formatter's (`{:>20}` of the whole error) are not the field's.
            Part::Field(field) => write!(f, "{field}"),
        })
    }

    /// Writes entry `entry`'s message inside a JSON string: its pieces
    /// escaped already, with `fields` escaped as they are written between
    /// them.
    fn write_json(
        &self,
        out: &mut Vec<u8>,
        entry: usize,
        fields: &[&dyn Placeholder],
    ) -> fmt::Result {
        self.walk(self.json_ends, entry, fields, |part| match part {
            Part::Piece(range) => {
                out.extend_from_slice(self.json.get(range).ok_or(fmt::Error)?);
                Ok(())
            }
            Part::Field(field) => write!(Escape(out), "{field}"),
        })
    }
}

/// One part of a message, as [`Messages::walk`] gives them.
enum Part<'f> {
    /// A static piece, as a range of the text walked.
    Piece(std::ops::Range<usize>),
    /// A field between two pieces.
    Field(&'f dyn Placeholder),
}

/// A field a message shows with `{field}`: anything `Display`.
///
/// The derive hands fields over as `&dyn Placeholder` rather than as
/// `&dyn Display` for the error a field that is not `Display` gets.
#[diagnostic::on_unimplemented(
    message = "`{Self}` doesn't implement `std::fmt::Display`",
    label = "`{Self}` cannot be formatted with the default formatter",
    note = "in a message you may be able to use `{{field:?}}` or `{{0:?}}` (Debug) instead"
)]
pub trait Placeholder: fmt::Display {}

// Not named in errors: the missing `Display` is what the message says.
#[diagnostic::do_not_recommend]
impl<T: fmt::Display + ?Sized> Placeholder for T {}

/// The destination of a derived message; see the module documentation.
pub struct MessageOut<'a, 'f> {
    sink: Sink<'a, 'f>,
    messages: &'a Messages,
    result: fmt::Result,
}

enum Sink<'a, 'f> {
    Formatter(&'a mut fmt::Formatter<'f>),
    /// The inside of a JSON string.
    Json(&'a mut Vec<u8>),
    /// One placeholder alone, for `ApiError::fmt_field`: the one at
    /// `index`, written to `f`, and whether the message had it.
    Placeholder {
        f: &'a mut fmt::Formatter<'f>,
        index: usize,
        found: bool,
    },
}

impl<'a, 'f> MessageOut<'a, 'f> {
    /// Writes to a formatter the messages of the type `messages` describes.
    // `#[inline]`, as `json` and `done`: see `Object::new` for the gain.
    #[inline]
    pub fn formatter(f: &'a mut fmt::Formatter<'f>, messages: &'a Messages) -> Self {
        MessageOut {
            sink: Sink::Formatter(f),
            messages,
            result: Ok(()),
        }
    }

    /// Writes the inside of a JSON string, escaped, at the end of `out`.
    #[inline]
    pub fn json(out: &'a mut Vec<u8>, messages: &'a Messages) -> Self {
        MessageOut {
            sink: Sink::Json(out),
            messages,
            result: Ok(()),
        }
    }

    /// The placeholder number `index` of the message alone (counting from
    /// 0), written to `f` as the message writes it; [`found`](Self::found)
    /// says whether there was one.
    #[inline]
    pub fn placeholder(
        f: &'a mut fmt::Formatter<'f>,
        index: usize,
        messages: &'a Messages,
    ) -> Self {
        MessageOut {
            sink: Sink::Placeholder {
                f,
                index,
                found: false,
            },
            messages,
            result: Ok(()),
        }
    }

    /// A string as it is.
    fn str(&mut self, value: &str) {
        match &mut self.sink {
            Sink::Formatter(f) if self.result.is_ok() => self.result = f.write_str(value),
            Sink::Formatter(_) | Sink::Placeholder { .. } => {}
            Sink::Json(out) => escape_into(out, value),
        }
    }

    /// The message of entry `entry`: its pieces, with `fields` (one fewer)
    /// between them.
    pub fn template(&mut self, entry: usize, fields: &[&dyn Placeholder]) {
        if self.result.is_ok() {
            self.result = match &mut self.sink {
                Sink::Formatter(f) => self.messages.write_text(f, entry, fields),
                Sink::Json(out) => self.messages.write_json(out, entry, fields),
                Sink::Placeholder { f, index, found } => match fields.get(*index) {
                    Some(field) => {
                        *found = true;
                        write!(f, "{field}")
                    }
                    None => Ok(()),
                },
            };
        }
    }

    /// The message of a variant whose thiserror `Display` is its public
    /// message when it is a client error; a server error shows its entry's.
    pub fn client_display(&mut self, entry: &Entry, err: &dyn fmt::Display) {
        if !shows_display(entry.status()) {
            self.str(entry.message());
        } else if self.result.is_ok() {
            self.result = match &mut self.sink {
                Sink::Formatter(f) => write!(f, "{err}"),
                Sink::Json(out) => write!(Escape(out), "{err}"),
                // thiserror's `Display` shows no field by name.
                Sink::Placeholder { .. } => Ok(()),
            };
        }
    }

    /// The message of a variant without placeholders, or of the error a
    /// transparent variant holds.
    pub fn resolved(&mut self, resolved: Resolved<'_>) {
        match resolved {
            Resolved::Entry { entry, index } => {
                if self.messages.ends_of(self.messages.ends, index).is_some() {
                    self.template(index, &[]);
                } else {
                    // A reason phrase, which is not the variant's text.
                    self.str(entry.message());
                }
            }
            Resolved::Transparent(inner) => {
                if self.result.is_ok() {
                    self.result = match &mut self.sink {
                        Sink::Formatter(f) => inner.fmt_message(f),
                        Sink::Json(out) => inner.__message_json(out),
                        Sink::Placeholder { f, index, found } => {
                            match inner.__fmt_placeholder(*index, f) {
                                Some(result) => {
                                    *found = true;
                                    result
                                }
                                None => Ok(()),
                            }
                        }
                    };
                }
            }
        }
    }

    /// Whether everything was written.
    #[inline]
    pub fn done(&mut self) -> fmt::Result {
        self.result
    }

    /// For [`placeholder`](Self::placeholder): how writing the placeholder
    /// went, or `None` if the message had none at its index.
    pub fn found(&self) -> Option<fmt::Result> {
        match self.sink {
            Sink::Placeholder { found: true, .. } => Some(self.result),
            _ => None,
        }
    }
}
