//! The error of a probe's deserializer: what serde said, as data, and the
//! members it left on its way up, which say where.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Expected, Unexpected};

use crate::request::wording::{clip_long, clip_name, describe, json_words, one_of, quoted};

/// How an object or array was read, as a member's step records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::request) enum Read {
    Struct,
    /// A tuple or fixed-size array, which is read whole.
    Tuple,
    /// An externally tagged enum: an object of one member.
    Enum,
    /// A map, a sequence, or anything, by `deserialize_any`.
    Other,
}

/// A member an error left on its way up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::request) struct Step {
    /// The member's value node.
    pub(in crate::request) node: u32,
    /// Whether the error was about its key.
    pub(in crate::request) key: bool,
    /// How the object or array holding it was read.
    pub(in crate::request) read: Read,
}

/// The error of a probe's deserializer: what serde said, and where.
#[derive(Debug)]
pub(in crate::request) struct Error(Box<Inner>);

#[derive(Debug)]
pub(in crate::request) struct Inner {
    pub(in crate::request) what: What,
    /// The members it left on its way up, innermost first.
    pub(in crate::request) crossed: Vec<Step>,
    /// The innermost member it left that was shown hollow or as a
    /// stand-in: the error is about that, not about the body.
    pub(in crate::request) stood_in: Option<u32>,
}

#[derive(Debug, PartialEq, Eq)]
pub(in crate::request) enum What {
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    MissingField(&'static str),
    DuplicateField(&'static str),
    Mismatch {
        expected: Cow<'static, str>,
        found: String,
    },
    /// A number beyond what a 64-bit float holds, as written.
    OutOfRange(String),
    /// A `Deserialize` impl's own words.
    Custom(String),
    /// A container the probe showed only in part ended.
    Stop {
        node: u32,
        read: Read,
    },
    /// The stand-in struct `at` where [`Learned::shapes`] keys it needs
    /// `field`.
    ///
    /// [`Learned::shapes`]: super::Learned::shapes
    Learn {
        at: (u32, u64),
        field: &'static str,
    },
    /// A shape probe's stand-in was taken.
    Accepted,
}

impl std::ops::Deref for Error {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Error {
    pub(super) fn new(what: What) -> Self {
        Error(Box::new(Inner {
            what,
            crossed: Vec::new(),
            stood_in: None,
        }))
    }

    /// What the error says, and the members it left, innermost first.
    pub(in crate::request) fn into_parts(self) -> (What, Vec<Step>) {
        let Inner { what, crossed, .. } = *self.0;
        (what, crossed)
    }

    pub(super) fn mismatch(expected: impl Into<Cow<'static, str>>, found: String) -> Self {
        let expected = expected.into();
        Error::new(What::Mismatch { expected, found })
    }

    /// This error leaving `step`, a member shown hollow or as a stand-in
    /// if `stood_in`.
    pub(super) fn leaving(mut self, step: Step, stood_in: bool) -> Self {
        let inner = &mut *self.0;
        if inner.crossed.is_empty() {
            inner.crossed.reserve(8);
        }
        inner.crossed.push(step);
        if stood_in {
            inner.stood_in.get_or_insert(step.node);
        }
        self
    }

    /// A visitor's type error about a number it was given as a `u64`,
    /// `i64` or `f64` (a number holds nothing, so any type error is about
    /// it): `found` shows it as the request wrote it.
    pub(super) fn about_value(mut self, found: String) -> Self {
        if let What::Mismatch { found: shown, .. } = &mut self.0.what {
            *shown = found;
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0.what)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(What::Custom(clip_long(message)))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let expected = clip_long(expected);
        // serde's own visitors name the Rust type they take.
        let expected = json_words(&expected).map_or(Cow::Owned(expected), Cow::Borrowed);
        Error::mismatch(expected, describe(&unexpected))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self::invalid_type(unexpected, expected)
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        let plural = if len == 1 { "" } else { "s" };
        Error::mismatch(clip_long(expected), format!("{len} element{plural}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::mismatch(one_of(expected), quoted(variant))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let field = clip_name(field);
        Error::new(What::UnknownField { field, expected })
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(What::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(What::DuplicateField(field))
    }
}
