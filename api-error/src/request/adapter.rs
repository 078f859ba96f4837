//! A deserializer that sits between serde_json and the type being parsed, so
//! that serde's structured errors arrive as data, with the path where they
//! happened.
//!
//! The adapter's error type is [`Captured`], so the target type's
//! `Deserialize` impl builds its errors (`unknown_field`, `missing_field`,
//! `invalid_type`, …) as `Captured` values holding what they say. Where an
//! error has to travel through serde_json, which carries only its own error
//! type, the `Captured` waits in the parse's [`Track`] and is picked up on the
//! other side. Each map or sequence an error leaves adds its step to the path.
//!
//! Values are read with `deserialize_any`, so that serde_json hands each value
//! to a visitor of ours instead of judging its type itself; enums are read the
//! same way, from a string or a one-member object. Only `Option`, newtype
//! structs, 128-bit integers, ignored values and map keys are left to
//! serde_json's own methods.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::{self, Write as _};

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, IgnoredAny, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};

use super::locate::Step;
use crate::field::Segment;

/// State shared by every layer of one parse.
#[derive(Default)]
pub(super) struct Track<'de> {
    /// An error on its way through serde_json.
    stashed: Cell<Option<Captured>>,
    /// The key just read, for the path of errors in its value.
    key: Cell<Option<Key<'de>>>,
    /// How many keys and elements have been read: a visitor that fails
    /// before reading any rejected the value's kind.
    reads: Cell<usize>,
    /// The path to the container where the error is expected, when reading
    /// the way there (see [`Track::expecting`]).
    pub(super) target: Vec<Step<'de>>,
}

impl<'de> Track<'de> {
    /// A track for reading the way to the container at `target`, where the
    /// error is expected.
    pub(super) fn expecting(target: Vec<Step<'de>>) -> Self {
        Track {
            target,
            ..Track::default()
        }
    }

    /// Whether `captured` happened in the container the track expects.
    pub(super) fn within_target(&self, captured: &Captured) -> bool {
        let mut path = captured.path_rev.iter().rev();
        for step in &self.target {
            let same = match (step, path.next()) {
                (Step::Key(key), Some(Segment::Field(name))) => key == name,
                (Step::Index(index), Some(Segment::Index(at))) => index == at,
                _ => false,
            };
            if !same {
                return false;
            }
        }
        true
    }
}

/// A map key as read, turned into a path step only when an error needs it.
enum Key<'de> {
    Str(Cow<'de, str>),
    Unsigned(u64),
    Signed(i64),
}

impl Key<'_> {
    fn segment(self) -> Segment {
        let name = match self {
            Key::Str(name) => name.into_owned(),
            Key::Unsigned(n) => n.to_string(),
            Key::Signed(n) => n.to_string(),
        };
        Segment::Field(Cow::Owned(name))
    }
}

/// An error raised while deserializing, as data.
///
/// Boxed: every value's `Result` passes through several layers, and errors
/// are rare, so the `Ok` side should not pay for the error's size.
#[derive(Debug)]
pub(super) struct Captured(Box<Details>);

#[derive(Debug)]
pub(super) struct Details {
    pub(super) kind: Kind,
    /// The path from the error up to the body: the innermost step first.
    pub(super) path_rev: Vec<Segment>,
}

impl std::ops::Deref for Captured {
    type Target = Details;

    fn deref(&self) -> &Details {
        &self.0
    }
}

impl std::ops::DerefMut for Captured {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

#[derive(Debug)]
pub(super) enum Kind {
    /// `unknown_field`, with the fields serde expected there.
    UnknownField(&'static [&'static str]),
    /// `missing_field`; the field is the last step of the path.
    MissingField,
    /// `duplicate_field`; the field is the last step of the path.
    DuplicateField,
    /// `invalid_type`, `invalid_value`, `invalid_length`, `unknown_variant`.
    Mismatch {
        expected: Cow<'static, str>,
        found: String,
        /// Whether `expected` is serde's wording, which the layer that knows
        /// what JSON it asked for may replace.
        rewordable: bool,
        /// Whether a string came (see [`Hint::Text`]).
        found_string: bool,
    },
    /// `Error::custom`, from a `Deserialize` impl.
    Custom(String),
    /// An error serde_json built itself: a syntax error, or a value it
    /// rejected, with what the layer that met it asked for.
    Foreign { expected: Option<&'static str> },
}

impl Captured {
    fn new(kind: Kind) -> Self {
        Captured(Box::new(Details {
            kind,
            path_rev: Vec::new(),
        }))
    }

    fn at_field(kind: Kind, field: &str) -> Self {
        Captured(Box::new(Details {
            kind,
            path_rev: vec![Segment::Field(Cow::Owned(field.to_owned()))],
        }))
    }

    pub(super) fn into_details(self) -> Details {
        *self.0
    }

    fn mismatch(expected: String, found: String) -> Self {
        let expected = Cow::Owned(expected);
        Captured::new(Kind::Mismatch {
            expected,
            found,
            rewordable: true,
            found_string: false,
        })
    }

    /// A mismatch worded here, which no layer rewords.
    fn exact(expected: &str, found: &str) -> Self {
        Captured::new(Kind::Mismatch {
            expected: Cow::Owned(expected.to_owned()),
            found: found.to_owned(),
            rewordable: false,
            found_string: false,
        })
    }

    fn type_mismatch(unexpected: &Unexpected<'_>, expected: &dyn Expected) -> Self {
        Captured::new(Kind::Mismatch {
            expected: Cow::Owned(expected.to_string()),
            found: describe(unexpected),
            rewordable: true,
            found_string: matches!(unexpected, Unexpected::Str(_) | Unexpected::Char(_)),
        })
    }
}

impl fmt::Display for Captured {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::UnknownField(_) => f.write_str("unknown field"),
            Kind::MissingField => f.write_str("missing field"),
            Kind::DuplicateField => f.write_str("duplicate field"),
            Kind::Mismatch {
                expected, found, ..
            } => write!(f, "expected {expected}, found {found}"),
            Kind::Custom(message) => f.write_str(message),
            Kind::Foreign { .. } => f.write_str("invalid JSON"),
        }
    }
}

impl std::error::Error for Captured {}

impl de::Error for Captured {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Captured::new(Kind::Custom(message.to_string()))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Captured::type_mismatch(&unexpected, expected)
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Captured::type_mismatch(&unexpected, expected)
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        let plural = if len == 1 { "" } else { "s" };
        Captured::mismatch(expected.to_string(), format!("{len} element{plural}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Captured::new(Kind::Mismatch {
            expected: Cow::Owned(one_of(expected)),
            found: quoted(variant),
            rewordable: false,
            found_string: true,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Captured::at_field(Kind::UnknownField(expected), field)
    }

    fn missing_field(field: &'static str) -> Self {
        Captured::at_field(Kind::MissingField, field)
    }

    fn duplicate_field(field: &'static str) -> Self {
        Captured::at_field(Kind::DuplicateField, field)
    }
}

/// What came, in JSON's words.
fn describe(unexpected: &Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Bool(value) => value.to_string(),
        Unexpected::Unsigned(value) => format!("the number {value}"),
        Unexpected::Signed(value) => format!("the number {value}"),
        Unexpected::Float(value) => format!("the number {value}"),
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
        Unexpected::Other(other) => (*other).to_owned(),
    }
}

/// `the string "…"`.
fn the_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(QUOTE_LIMIT) + 16);
    out.push_str("the string ");
    write_quoted(&mut out, value);
    out
}

/// How many characters of a client's string a message repeats.
const QUOTE_LIMIT: usize = 64;

/// `text` quoted and escaped, cut to [`QUOTE_LIMIT`] characters.
pub(super) fn quoted(text: &str) -> String {
    let mut out = String::new();
    write_quoted(&mut out, text);
    out
}

/// Writes `text` quoted and escaped, cut to [`QUOTE_LIMIT`] characters.
fn write_quoted(out: &mut String, text: &str) {
    let (shown, cut) = match head(text, QUOTE_LIMIT) {
        Some(head) => (head, "…"),
        None => (text, ""),
    };
    let _ = write!(out, "{shown:?}{cut}");
}

/// The first `chars` characters of `text`, if it has more: where a message
/// cuts a client's text short.
pub(super) fn head(text: &str, chars: usize) -> Option<&str> {
    let mut count = 0;
    for (at, byte) in text.bytes().enumerate() {
        // A character starts at every byte but a UTF-8 continuation byte.
        if byte & 0xC0 != 0x80 {
            if count == chars {
                return text.get(..at);
            }
            count += 1;
        }
    }
    None
}

/// `one of "a", "b" or "c"`.
fn one_of(variants: &[&str]) -> String {
    let [init @ .., last] = variants else {
        return "no variant".to_owned();
    };
    let mut out = String::new();
    if !init.is_empty() {
        out.push_str("one of ");
        for (i, variant) in init.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_quoted(&mut out, variant);
        }
        out.push_str(" or ");
    }
    write_quoted(&mut out, last);
    out
}

/// An error made to travel through serde_json as its own error type: it waits
/// in the track, and serde_json carries a placeholder.
fn escape<E: de::Error>(track: &Track<'_>, captured: Captured) -> E {
    track.stashed.set(Some(captured));
    E::custom("")
}

/// The error behind one that came out of serde_json: ours if one waits in the
/// track, else serde_json's own. The serde_json error is kept in `carried`,
/// where there is one, to go back through serde_json as itself.
fn recover<E>(track: &Track<'_>, error: E, hint: Hint, carried: Carried<'_, E>) -> Captured {
    if let Some(carried) = carried {
        carried.set(Some(error));
    }
    track.stashed.take().unwrap_or_else(|| {
        Captured::new(Kind::Foreign {
            expected: hint.expected(),
        })
    })
}

/// [`recover`] for the result of a call into serde_json.
fn recovered<T, E>(
    track: &Track<'_>,
    result: Result<T, E>,
    hint: Hint,
    carried: Carried<'_, E>,
) -> Result<T, Captured> {
    result.map_err(|error| recover(track, error, hint, carried))
}

/// Where a layer keeps the serde_json error an error of ours came out of,
/// so that the error climbs back through serde_json as that same value:
/// serde_json then builds no new error (nor counts lines for its position)
/// at each level. `None` where no layer keeps one.
type Carried<'c, E> = Option<&'c Cell<Option<E>>>;

/// Hands `captured` back through serde_json: as the serde_json error it came
/// out of, if `carried` kept one, else as a placeholder.
fn hand_back<E: de::Error>(track: &Track<'_>, captured: Captured, carried: Carried<'_, E>) -> E {
    match carried.and_then(Cell::take) {
        Some(error) => {
            track.stashed.set(Some(captured));
            error
        }
        None => escape(track, captured),
    }
}

/// What JSON a layer asked serde_json for, to word a type error in JSON's
/// terms rather than Rust's (`an integer from 0 to 255`, not `u8`).
#[derive(Clone, Copy)]
enum Hint {
    Any,
    Known(&'static str),
    /// A kind of string: when a string came anyway, the type wanted more of
    /// it (a borrowed string, one character), which serde's wording says.
    Text(&'static str),
    /// A struct, which a JSON API writes as an object only (serde would also
    /// take an array of its fields in order).
    Struct,
    /// What `deserialize_seq` asks for.
    Array,
    Enum(&'static [&'static str]),
}

impl Hint {
    fn expected(self) -> Option<&'static str> {
        match self {
            Hint::Known(expected) | Hint::Text(expected) => Some(expected),
            Hint::Struct => Some("an object"),
            Hint::Array => Some("an array"),
            Hint::Enum(_) => Some("a string or an object naming a variant"),
            Hint::Any => None,
        }
    }

    /// This hint for a visitor that read no member or element of its value
    /// (so any type error is about the value's kind), else none: errors
    /// then came from inside the value, possibly from what serde buffered of
    /// it, and keep serde's wording.
    fn unless_read(self, track: &Track<'_>, reads_before: usize) -> Hint {
        if track.reads.get() == reads_before {
            self
        } else {
            Hint::Any
        }
    }

    /// Rewords a type error raised by the visitor this layer asked for.
    fn reword(self, captured: &mut Captured) {
        if !captured.path_rev.is_empty() {
            return;
        }
        if let Kind::Mismatch {
            expected,
            rewordable,
            found_string,
            ..
        } = &mut captured.kind
        {
            if *rewordable {
                match self {
                    Hint::Known(known) => *expected = Cow::Borrowed(known),
                    Hint::Struct => *expected = Cow::Borrowed("an object"),
                    Hint::Array => *expected = Cow::Borrowed("an array"),
                    Hint::Text(text) if !*found_string => *expected = Cow::Borrowed(text),
                    Hint::Enum(variants) => *expected = Cow::Owned(one_of(variants)),
                    Hint::Text(_) | Hint::Any => {}
                }
            }
            // The innermost layer decides; outer layers leave it be.
            *rewordable = false;
        }
    }
}

/// Where a value sits: map keys are left to serde_json's own methods, which
/// read numbers and booleans out of key strings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Value,
    Key,
}

/// The adapter around a serde_json deserializer (or one of its parts).
pub(super) struct Adapter<'a, 'de, D: Deserializer<'de>> {
    inner: D,
    track: &'a Track<'de>,
    position: Position,
    carried: Carried<'a, D::Error>,
}

impl<'a, 'de, D: Deserializer<'de>> Adapter<'a, 'de, D> {
    pub(super) fn new(inner: D, track: &'a Track<'de>) -> Self {
        Adapter {
            inner,
            track,
            position: Position::Value,
            carried: None,
        }
    }

    /// An adapter for a value inside another, keeping the serde_json error
    /// in `carried` (see [`Carried`]).
    fn inside(
        inner: D,
        track: &'a Track<'de>,
        position: Position,
        carried: &'a Cell<Option<D::Error>>,
    ) -> Self {
        Adapter {
            inner,
            track,
            position,
            carried: Some(carried),
        }
    }
}

impl<'a, 'de, D: Deserializer<'de>> Adapter<'a, 'de, D> {
    fn wrap<V>(&self, visitor: V, hint: Hint) -> Wrap<'a, 'de, V> {
        Wrap {
            visitor,
            track: self.track,
            hint,
            key: self.position == Position::Key,
        }
    }

    /// Reads any value, for `visitor` to judge.
    fn any<V: Visitor<'de>>(self, visitor: V, hint: Hint) -> Result<V::Value, Captured> {
        let wrapped = self.wrap(visitor, hint);
        let (track, carried) = (self.track, self.carried);
        recovered(track, self.inner.deserialize_any(wrapped), hint, carried)
    }
}

/// The methods that read a value with `deserialize_any` (with what JSON
/// they ask for), and a map key with serde_json's own method.
macro_rules! any_or_key {
    ($($method:ident($($arg:ident: $ty:ty),*) => $hint:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Captured> {
            match self.position {
                Position::Value => self.any(visitor, $hint),
                Position::Key => {
                    let wrapped = self.wrap(visitor, $hint);
                    let (track, carried) = (self.track, self.carried);
                    recovered(track, self.inner.$method($($arg,)* wrapped), $hint, carried)
                }
            }
        }
    )*};
}

/// The methods always left to serde_json's own.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*) => $hint:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Captured> {
            let wrapped = self.wrap(visitor, $hint);
            let (track, carried) = (self.track, self.carried);
            recovered(track, self.inner.$method($($arg,)* wrapped), $hint, carried)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Adapter<'_, 'de, D> {
    type Error = Captured;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Captured> {
        self.any(visitor, Hint::Any)
    }

    any_or_key! {
        deserialize_bool() => Hint::Known("true or false");
        deserialize_i8() => Hint::Known("an integer from -128 to 127");
        deserialize_i16() => Hint::Known("an integer from -32768 to 32767");
        deserialize_i32() => Hint::Known("an integer from -2147483648 to 2147483647");
        deserialize_i64() => Hint::Known("an integer from -9223372036854775808 to 9223372036854775807");
        deserialize_u8() => Hint::Known("an integer from 0 to 255");
        deserialize_u16() => Hint::Known("an integer from 0 to 65535");
        deserialize_u32() => Hint::Known("an integer from 0 to 4294967295");
        deserialize_u64() => Hint::Known("an integer from 0 to 18446744073709551615");
        deserialize_f32() => Hint::Known("a number");
        deserialize_f64() => Hint::Known("a number");
        deserialize_char() => Hint::Text("a string of one character");
        deserialize_str() => Hint::Text("a string");
        deserialize_string() => Hint::Text("a string");
        deserialize_bytes() => Hint::Text("a string or an array of bytes");
        deserialize_byte_buf() => Hint::Text("a string or an array of bytes");
        deserialize_unit() => Hint::Known("null");
        deserialize_unit_struct(name: &'static str) => Hint::Known("null");
        deserialize_seq() => Hint::Array;
        deserialize_tuple(len: usize) => Hint::Any;
        deserialize_tuple_struct(name: &'static str, len: usize) => Hint::Any;
        deserialize_map() => Hint::Known("an object");
        deserialize_struct(name: &'static str, fields: &'static [&'static str]) => Hint::Struct;
        deserialize_identifier() => Hint::Text("a string");
    }

    forward! {
        deserialize_i128() => Hint::Known("an integer");
        deserialize_u128() => Hint::Known("a non-negative integer");
        deserialize_option() => Hint::Any;
        deserialize_newtype_struct(name: &'static str) => Hint::Any;
        deserialize_ignored_any() => Hint::Any;
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Captured> {
        match self.position {
            Position::Value => self.any(visitor, Hint::Enum(variants)),
            Position::Key => {
                let hint = Hint::Enum(variants);
                let wrapped = self.wrap(visitor, hint);
                let (track, carried) = (self.track, self.carried);
                recovered(
                    track,
                    self.inner.deserialize_enum(name, variants, wrapped),
                    hint,
                    carried,
                )
            }
        }
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A visitor around the target type's: it hands each value on with
/// [`Captured`] as the error type, and sends errors back through serde_json
/// by way of the track.
struct Wrap<'a, 'de, V> {
    visitor: V,
    track: &'a Track<'de>,
    hint: Hint,
    /// Whether this reads a map key, which the track keeps for the path.
    key: bool,
}

impl<'de, V> Wrap<'_, 'de, V> {
    fn keep_key(&self, key: impl FnOnce() -> Key<'de>) {
        if self.key {
            self.track.key.set(Some(key()));
        }
    }
}

/// Hands a visitor's error back through serde_json, reworded by the layer
/// that asked for the value.
fn finish<T, E: de::Error>(
    track: &Track<'_>,
    hint: Hint,
    result: Result<T, Captured>,
) -> Result<T, E> {
    finish_carried(track, hint, None, result)
}

/// [`finish`], for a layer that kept the serde_json error.
fn finish_carried<T, E: de::Error>(
    track: &Track<'_>,
    hint: Hint,
    carried: Carried<'_, E>,
    result: Result<T, Captured>,
) -> Result<T, E> {
    result.map_err(|mut captured| {
        hint.reword(&mut captured);
        hand_back(track, captured, carried)
    })
}

/// Visit methods handed on unchanged but for the error type.
macro_rules! hand_on {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            let (track, hint) = (self.track, self.hint);
            finish(track, hint, self.visitor.$method(value))
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    // Only what serde_json calls: serde's defaults take the narrower
    // numbers, `char`, `String` and `Vec<u8>` to the methods below.
    hand_on! {
        visit_bool(bool);
        visit_i128(i128);
        visit_u128(u128);
        visit_f64(f64);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<V::Value, E> {
        let (track, hint) = (self.track, self.hint);
        self.keep_key(|| Key::Signed(value));
        let result = self.visitor.visit_i64(value);
        finish(track, hint, result)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<V::Value, E> {
        let (track, hint) = (self.track, self.hint);
        self.keep_key(|| Key::Unsigned(value));
        let result = self.visitor.visit_u64(value);
        finish(track, hint, result)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<V::Value, E> {
        let (track, hint) = (self.track, self.hint);
        self.keep_key(|| Key::Str(Cow::Owned(value.to_owned())));
        let result = match self.hint {
            Hint::Enum(_) => self.visitor.visit_enum(StrDeserializer::new(value)),
            _ => self.visitor.visit_str(value),
        };
        finish(track, hint, result)
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<V::Value, E> {
        let (track, hint) = (self.track, self.hint);
        self.keep_key(|| Key::Str(Cow::Borrowed(value)));
        let result = match self.hint {
            Hint::Enum(_) => self.visitor.visit_enum(BorrowedStrDeserializer::new(value)),
            _ => self.visitor.visit_borrowed_str(value),
        };
        finish(track, hint, result)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        let (track, hint) = (self.track, self.hint);
        let result = self.visitor.visit_none();
        finish(track, hint, result)
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        let (track, hint) = (self.track, self.hint);
        let result = self.visitor.visit_unit();
        finish(track, hint, result)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        let (track, hint) = (self.track, self.hint);
        let carried = Cell::new(None);
        let adapter = Adapter::inside(deserializer, track, Position::Value, &carried);
        let result = self.visitor.visit_some(adapter);
        finish_carried(track, hint, Some(&carried), result)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        let (track, hint) = (self.track, self.hint);
        let carried = Cell::new(None);
        let adapter = Adapter::inside(deserializer, track, Position::Value, &carried);
        let result = self.visitor.visit_newtype_struct(adapter);
        finish_carried(track, hint, Some(&carried), result)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let (track, hint) = (self.track, self.hint);
        if let Hint::Struct = hint {
            return Err(escape(track, Captured::exact("an object", "an array")));
        }
        let reads = track.reads.get();
        let carried = Cell::new(None);
        let result = self.visitor.visit_seq(Seq {
            inner: seq,
            track,
            index: 0,
            carried: &carried,
        });
        finish_carried(
            track,
            hint.unless_read(track, reads),
            Some(&carried),
            result,
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let (track, hint) = (self.track, self.hint);
        let reads = track.reads.get();
        let carried = Cell::new(None);
        let map = Map {
            inner: map,
            track,
            key: None,
            carried: &carried,
        };
        let result = match hint {
            Hint::Enum(_) => self.visitor.visit_enum(map),
            _ => self.visitor.visit_map(map),
        };
        finish_carried(
            track,
            hint.unless_read(track, reads),
            Some(&carried),
            result,
        )
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let track = self.track;
        let result = self.visitor.visit_enum(Enum { inner: data, track });
        finish(track, Hint::Any, result)
    }
}

/// A seed read through the adapter.
struct Seed<'a, 'de, S> {
    seed: S,
    track: &'a Track<'de>,
    position: Position,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        let carried = Cell::new(None);
        let adapter = Adapter::inside(deserializer, self.track, self.position, &carried);
        self.seed
            .deserialize(adapter)
            .map_err(|captured| hand_back(self.track, captured, Some(&carried)))
    }
}

/// A sequence whose elements are read through the adapter, and whose errors
/// take their element's index.
struct Seq<'a, 'de, A: SeqAccess<'de>> {
    inner: A,
    track: &'a Track<'de>,
    index: usize,
    carried: &'a Cell<Option<A::Error>>,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, 'de, A> {
    type Error = Captured;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Captured> {
        let seed = Seed {
            seed,
            track: self.track,
            position: Position::Value,
        };
        let index = self.index;
        self.index += 1;
        self.track.reads.set(self.track.reads.get() + 1);
        self.inner.next_element_seed(seed).map_err(|error| {
            let mut captured = recover(self.track, error, Hint::Any, Some(self.carried));
            captured.path_rev.push(Segment::Index(index));
            captured
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A map whose keys and values are read through the adapter, and whose
/// values' errors take their key.
struct Map<'a, 'de, A: MapAccess<'de>> {
    inner: A,
    track: &'a Track<'de>,
    key: Option<Key<'de>>,
    carried: &'a Cell<Option<A::Error>>,
}

impl<'de, A: MapAccess<'de>> Map<'_, 'de, A> {
    /// Adds the current key to the path of an error in its value.
    fn in_value(&mut self, error: A::Error) -> Captured {
        let mut captured = recover(self.track, error, Hint::Any, Some(self.carried));
        if let Some(key) = self.key.take() {
            captured.path_rev.push(key.segment());
        }
        captured
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'_, 'de, A> {
    type Error = Captured;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Captured> {
        let seed = Seed {
            seed,
            track: self.track,
            position: Position::Key,
        };
        self.track.reads.set(self.track.reads.get() + 1);
        let key = recovered(
            self.track,
            self.inner.next_key_seed(seed),
            Hint::Any,
            Some(self.carried),
        )?;
        self.key = self.track.key.take();
        Ok(key)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Captured> {
        let seed = Seed {
            seed,
            track: self.track,
            position: Position::Value,
        };
        match self.inner.next_value_seed(seed) {
            Ok(value) => Ok(value),
            Err(error) => Err(self.in_value(error)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// What an externally tagged enum with data is written as.
const ONE_MEMBER: &str = "an object with one member, named after a variant";

/// An externally tagged enum read from a one-member object: the member's key
/// names the variant, its value holds the variant's data.
impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Map<'_, 'de, A> {
    type Error = Captured;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(
        mut self,
        seed: S,
    ) -> Result<(S::Value, Self), Captured> {
        match self.next_key_seed(seed)? {
            Some(variant) => Ok((variant, self)),
            None => Err(Captured::exact(ONE_MEMBER, "an empty object")),
        }
    }
}

impl<'de, A: MapAccess<'de>> Map<'_, 'de, A> {
    /// Reads the variant's data, then checks the object has no other member.
    fn variant_value<S: DeserializeSeed<'de>>(mut self, seed: S) -> Result<S::Value, Captured> {
        let value = self.next_value_seed(seed)?;
        match self.inner.next_key::<IgnoredAny>() {
            Ok(None) => Ok(value),
            Ok(Some(_)) => Err(Captured::exact(ONE_MEMBER, "an object with more members")),
            Err(error) => Err(recover(self.track, error, Hint::Any, Some(self.carried))),
        }
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Map<'_, 'de, A> {
    type Error = Captured;

    fn unit_variant(self) -> Result<(), Captured> {
        self.variant_value(std::marker::PhantomData::<()>)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Captured> {
        self.variant_value(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Captured> {
        self.variant_value(Shaped::Tuple(len, visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Captured> {
        self.variant_value(Shaped::Struct(fields, visitor))
    }
}

/// The data of a tuple or struct variant, as a seed.
enum Shaped<V> {
    Tuple(usize, V),
    Struct(&'static [&'static str], V),
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Shaped<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        match self {
            Shaped::Tuple(len, visitor) => deserializer.deserialize_tuple(len, visitor),
            Shaped::Struct(fields, visitor) => deserializer.deserialize_struct("", fields, visitor),
        }
    }
}

/// An enum that serde_json's own `visit_enum` offers (not reached by the
/// adapter, which reads enums itself, but handed on whole if it is).
struct Enum<'a, 'de, A> {
    inner: A,
    track: &'a Track<'de>,
}

impl<'a, 'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<'a, 'de, A> {
    type Error = Captured;
    type Variant = Enum<'a, 'de, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Captured> {
        let seed = Seed {
            seed,
            track: self.track,
            position: Position::Value,
        };
        let track = self.track;
        let (value, variant) = recovered(track, self.inner.variant_seed(seed), Hint::Any, None)?;
        Ok((
            value,
            Enum {
                inner: variant,
                track,
            },
        ))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Enum<'_, 'de, A> {
    type Error = Captured;

    fn unit_variant(self) -> Result<(), Captured> {
        let track = self.track;
        recovered(track, self.inner.unit_variant(), Hint::Any, None)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Captured> {
        let track = self.track;
        let seed = Seed {
            seed,
            track,
            position: Position::Value,
        };
        recovered(
            track,
            self.inner.newtype_variant_seed(seed),
            Hint::Any,
            None,
        )
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Captured> {
        let track = self.track;
        let seed = Seed {
            seed: Shaped::Tuple(len, visitor),
            track,
            position: Position::Value,
        };
        recovered(
            track,
            self.inner.newtype_variant_seed(seed),
            Hint::Any,
            None,
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Captured> {
        let track = self.track;
        let seed = Seed {
            seed: Shaped::Struct(fields, visitor),
            track,
            position: Position::Value,
        };
        recovered(
            track,
            self.inner.newtype_variant_seed(seed),
            Hint::Any,
            None,
        )
    }
}
