//! One run of the target type's `Deserialize` over the body's tree, showing
//! the body as the [`Cursor`] says: a probe.
//!
//! The deserializer here reads the tree as serde_json reads the text; its
//! [`Error`] holds serde's structured errors as data.
//!
//! Of each object or array on the cursor's path, a probe shows:
//!
//! - before the cursor, nothing: earlier probes read it. What the type says
//!   at the container's end may be about that, so it stops the probe
//!   ([`What::Stop`]); so does a struct's end, which is checked on its own;
//! - at an object's end ([`At::End`]), the object hollow: each member a
//!   [`stand_in`] (the smallest value of what its type asks for), an object
//!   or array a hollow one, refused keys left out, and a stand-in for each
//!   field found missing, so that the type names the fields it still lacks;
//! - after the cursor, the body as it is.

use std::borrow::Cow;
use std::collections::HashMap;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer, StrDeserializer};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

use super::RequestPart;
use super::tree::{Children, Kind, Tree};
use super::wording::{describe, json_words, one_of, the_number, the_string};

/// Deserializer methods, each a call of `self` or of the visitor; methods
/// that take only the visitor may share one.
macro_rules! methods {
    () => {};
    ($($method:ident)|+ => |$self:ident, $visitor:ident| $call:expr; $($rest:tt)*) => {
        $(fn $method<V: Visitor<'de>>($self, $visitor: V) -> Result<V::Value, Error> {
            $call
        })+
        methods! { $($rest)* }
    };
    ($method:ident($($arg:ident: $ty:ty),*) => |$self:ident, $visitor:ident| $call:expr; $($rest:tt)*) => {
        fn $method<V: Visitor<'de>>($self, $($arg: $ty,)* $visitor: V) -> Result<V::Value, Error> {
            $(let _ = $arg;)*
            $call
        }
        methods! { $($rest)* }
    };
}

mod error;
mod stand_in;

pub(super) use self::error::{Error, Read, Step, What};
use self::stand_in::StandIn;

/// Where the next probe starts, and how it shows the body there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Cursor {
    /// Members from the body down (the values' nodes): the probe shows
    /// each object or array on the way only from that member on.
    pub(super) path: Vec<u32>,
    pub(super) at: At,
}

/// Where on the cursor's path a probe goes on, and how.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum At {
    /// The first probe: the whole body as it is.
    #[default]
    Start,
    /// Just after the last member of the path.
    After,
    /// At the end of the last member of the path (of the body, if none),
    /// an object whose members have all been read, shown hollow.
    End,
    /// The last member of the path (the body, if none) replaced by a
    /// stand-in of its own type, to learn the type's fields.
    Shape(Shape),
}

/// The members of the stand-in a shape probe shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// The fields learned so far to be required.
    Required,
    /// One field name, twice: serde's `duplicate_field` then names the
    /// field it belongs to by its main name.
    Twice(&'static str),
}

impl Cursor {
    /// The object whose end is shown, with `At::End`.
    pub(super) fn end_container(&self) -> Option<u32> {
        (self.at == At::End).then(|| self.path.last().copied().unwrap_or(ROOT))
    }

    /// How deep `node` is on the cursor's path, if it is an object or
    /// array shown there.
    pub(super) fn depth_of(&self, node: u32) -> Option<usize> {
        if node == ROOT {
            return (self.at != At::Start).then_some(0);
        }
        let depth = self.path.iter().position(|&member| member == node)? + 1;
        (depth < self.path.len() || self.at == At::End).then_some(depth)
    }
}

/// The body's own node.
pub(super) const ROOT: u32 = 0;

/// How a member is shown in a hollow object or array: hollow at first (a
/// leaf as a stand-in); if its type refuses that, as it is if it holds no
/// problem, else as a stand-in if it is an object or array, else left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Mark {
    #[default]
    Hollow,
    /// Hollow, and it is or holds a problem.
    Bad,
    Real,
    StandIn,
    /// A key the type refused, or a value it refused both ways.
    Left,
}

/// What the probes have learned of the body, which the next one shows.
#[derive(Debug, Default)]
pub(super) struct Learned {
    /// How each member (by its value's node) is shown in a hollow object.
    pub(super) marks: Vec<Mark>,
    /// The fields found missing from each object.
    pub(super) missing: HashMap<u32, Vec<&'static str>>,
    /// The fields a stand-in struct must have, by where it stands: its
    /// anchor and path, as [`StandIn`] has them.
    pub(super) shapes: HashMap<(u32, u64), Vec<&'static str>>,
}

/// The name of serde_json's `RawValue`, which asks a deserializer for a
/// value's text as it is written.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// `text` to serde_json's `RawValue` visitor, as serde_json hands it over.
fn raw_value<'de, V: Visitor<'de>>(visitor: V, text: &'de str) -> Result<V::Value, Error> {
    let key = BorrowedStrDeserializer::new(RAW_VALUE);
    let value = BorrowedStrDeserializer::new(text);
    visitor.visit_map(MapDeserializer::new(std::iter::once((key, value))))
}

/// What an externally tagged enum with data is written as.
const ONE_MEMBER: &str = "an object with one member, named after a variant";

/// Runs `T::deserialize` over the body as `cursor` shows it.
pub(super) fn run<'de, T: Deserialize<'de>>(
    tree: &Tree<'de>,
    cursor: &Cursor,
    learned: &Learned,
) -> Result<T, Error> {
    let probe = Probe {
        tree,
        cursor,
        learned,
    };
    let view = match cursor.at {
        At::Start => View::Real,
        At::Shape(shape) if cursor.path.is_empty() => View::StandIn(Some(shape)),
        _ => View::Path(0),
    };
    probe.show((ROOT, view), PhantomData)
}

/// What a probe reads: the tree, the cursor, and what was learned.
struct Probe<'p, 'de> {
    tree: &'p Tree<'de>,
    cursor: &'p Cursor,
    learned: &'p Learned,
}

impl<'de> Probe<'_, 'de> {
    /// How `node` is shown in a hollow object or array.
    fn mark(&self, node: u32) -> Mark {
        let mark = self.learned.marks.get(node as usize);
        mark.copied().unwrap_or_default()
    }

    /// Hands `shown` to `seed`: a value of the tree, or a stand-in.
    fn show<S: DeserializeSeed<'de>>(&self, shown: Shown, seed: S) -> Result<S::Value, Error> {
        match shown {
            (node, View::StandIn(shape)) => seed.deserialize(StandIn::new(self, node, shape)),
            (object, View::Missing(field)) => {
                seed.deserialize(StandIn::new(self, object, None).inner(field.as_bytes()))
            }
            (node, view) => seed.deserialize(Value::new(self, node, view)),
        }
    }
}

/// How a node is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Real,
    /// A member's key, which serde_json reads as a number or a `bool` for
    /// a type that asks for one.
    Key,
    /// On the cursor's path, this deep.
    Path(usize),
    /// An object or array with only stand-ins for what it holds.
    Hollow,
    /// A stand-in; with a shape, a shape probe's.
    StandIn(Option<Shape>),
    /// A stand-in for a field missing from the object.
    Missing(&'static str),
}

/// A member as a probe shows it: its value's node (for a missing field,
/// the object's), and how.
type Shown = (u32, View);

/// Which members of an object or array a probe shows, and how.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rule {
    Real,
    /// From this member on, which is shown with this view: the next level
    /// of the path, or a shape probe's stand-in.
    From(u32, View),
    /// After this member.
    After(u32),
    Hollow,
}

/// A value of the tree, for the type to read.
#[derive(Clone, Copy)]
struct Value<'a, 'p, 'de> {
    probe: &'a Probe<'p, 'de>,
    node: u32,
    /// `Real`, `Key`, `Path` or `Hollow`: the other views are stand-ins.
    view: View,
}

impl<'a, 'p, 'de> Value<'a, 'p, 'de> {
    fn new(probe: &'a Probe<'p, 'de>, node: u32, view: View) -> Self {
        Value { probe, node, view }
    }

    fn kind(&self) -> Kind {
        self.probe.tree.node(self.node).kind
    }

    fn text(&self) -> &'de str {
        self.probe.tree.text_of(self.node)
    }

    /// Whether the value comes from a URL, where every value is a string
    /// ([`Tree::part`]).
    fn in_url(&self) -> bool {
        self.probe.tree.part != RequestPart::Body
    }

    /// Whether this is a string a URL gives as a value (not a key).
    fn url_string(&self) -> bool {
        self.in_url() && self.view != View::Key && matches!(self.kind(), Kind::String { .. })
    }

    /// What this value is, in a type error's words.
    fn found(&self) -> String {
        describe(&match self.kind() {
            Kind::Null => Unexpected::Unit,
            Kind::Bool(value) => Unexpected::Bool(value),
            // As the body wrote it, not as a float would show it.
            Kind::Number => return the_number(self.text()),
            Kind::String { .. } => return the_string(&self.probe.tree.string(self.node)),
            Kind::Array => Unexpected::Seq,
            Kind::Object => Unexpected::Map,
        })
    }

    /// A type error for a value not of the kind the method asked for.
    fn wrong_kind<T>(&self, asked: impl Into<Cow<'static, str>>) -> Result<T, Error> {
        // From a URL, an array holds the values of a key given more than
        // once, where one value goes.
        if self.in_url() && self.kind() == Kind::Array {
            return Err(Error::new(What::Custom(GIVEN_TWICE.to_owned())));
        }
        Err(Error::mismatch(asked, self.found()))
    }

    /// A number (or a key that is one), for a visitor of the Rust type
    /// `rust` (or of anything).
    fn number<V: Visitor<'de>>(self, visitor: V, rust: &'static str) -> Result<V::Value, Error> {
        if self.url_string() {
            return self.number_in_string(visitor, rust);
        }
        let text = self.text();
        let number = text.parse::<serde_json::Number>();
        match self.kind() {
            Kind::Number => {}
            Kind::String { .. } if self.view == View::Key && number.is_ok() => {}
            _ => return self.wrong_kind(json_words(rust).unwrap_or("a number")),
        }
        let result = match (rust, number) {
            ("i128", _) if let Ok(n) = text.parse() => visitor.visit_i128(n),
            ("u128", _) if let Ok(n) = text.parse() => visitor.visit_u128(n),
            // As serde_json's own parser reads it: an integer as `u64` or
            // `i64` if it fits (`-0` aside), anything else as `f64`.
            (_, Ok(n)) if let Some(n) = n.as_u64() => visitor.visit_u64(n),
            (_, Ok(n)) if let Some(n) = n.as_i64() => visitor.visit_i64(n),
            (_, Ok(n)) if let Some(n) = n.as_f64() => visitor.visit_f64(n),
            _ => Err(Error::new(What::OutOfRange(the_number(text)))),
        };
        result.map_err(|error| error.about_value(the_number(text)))
    }

    /// A number a URL gives as a string, read as Rust reads one of the
    /// type `rust` (`7`, `+7`, `007`; `1e3` and `0.5` for a float, not
    /// `NaN` or `inf`), for its visitor.
    fn number_in_string<V: Visitor<'de>>(
        self,
        visitor: V,
        rust: &'static str,
    ) -> Result<V::Value, Error> {
        let text = self.probe.tree.string(self.node);
        let result: Result<V::Value, Error> = match rust {
            "f32" | "f64" => match text.parse::<f64>() {
                Ok(n) if n.is_finite() => visitor.visit_f64(n),
                _ => return self.wrong_kind("a number"),
            },
            "i128" if let Ok(n) = text.parse() => visitor.visit_i128(n),
            "u128" if let Ok(n) = text.parse() => visitor.visit_u128(n),
            _ if let Ok(n) = text.parse() => visitor.visit_u64(n),
            _ if let Ok(n) = text.parse() => visitor.visit_i64(n),
            _ => return self.wrong_kind(json_words(rust).unwrap_or("a number")),
        };
        result.map_err(|error| error.about_value(the_string(&text)))
    }

    /// A string's text, to a visitor of strings or of bytes (which also
    /// takes an array of numbers), in serde's words if it refuses it (`a
    /// borrowed string`, `a character`).
    fn string<V: Visitor<'de>>(
        self,
        visitor: V,
        asked: &'static str,
        bytes: bool,
    ) -> Result<V::Value, Error> {
        match (self.kind(), bytes) {
            (Kind::String { .. }, _) => {}
            (Kind::Array, true) => return self.container(visitor, Read::Other),
            _ => return self.wrong_kind(asked),
        }
        match (self.probe.tree.string(self.node), bytes) {
            (Cow::Borrowed(text), false) => visitor.visit_borrowed_str(text),
            (Cow::Owned(text), false) => visitor.visit_str(&text),
            (Cow::Borrowed(text), true) => visitor.visit_borrowed_bytes(text.as_bytes()),
            (Cow::Owned(text), true) => visitor.visit_bytes(text.as_bytes()),
        }
    }

    /// Reads an object or an array through `visitor`, showing what the
    /// probe shows of it.
    fn container<V: Visitor<'de>>(self, visitor: V, read: Read) -> Result<V::Value, Error> {
        let mut members = Members::new(self, read);
        let result = match read {
            Read::Enum => visitor.visit_enum(&mut members),
            // From a URL, the parameters are also a tuple of their values.
            Read::Tuple if self.in_url() => visitor.visit_seq(&mut members),
            _ if self.kind() == Kind::Object => visitor.visit_map(&mut members),
            _ => visitor.visit_seq(&mut members),
        };
        members.finish(result)
    }

    /// An array, or an object: serde_json would also read a struct from an
    /// array of its fields, but a JSON API's body writes one as an object.
    fn of_kind<V: Visitor<'de>>(
        self,
        visitor: V,
        kind: Kind,
        read: Read,
    ) -> Result<V::Value, Error> {
        match kind {
            _ if self.kind() == kind => self.container(visitor, read),
            // From a URL, a key given once holds a sequence of one value,
            // and the path's parameters, by position, are a tuple or a
            // sequence of their values.
            Kind::Array if self.url_string() => visitor.visit_seq(One(Some(self))),
            Kind::Array if self.in_url() && self.node == ROOT => {
                self.container(visitor, Read::Tuple)
            }
            Kind::Array => self.wrong_kind("an array"),
            _ => self.wrong_kind("an object"),
        }
    }
}

impl<'de> Deserializer<'de> for Value<'_, '_, 'de> {
    type Error = Error;

    methods! {
        deserialize_any => |self, visitor| match self.kind() {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(value) => visitor.visit_bool(value),
            Kind::Number => self.number(visitor, "any"),
            Kind::String { .. } => self.string(visitor, "a string", false),
            Kind::Array | Kind::Object => self.container(visitor, Read::Other),
        };
        deserialize_bool => |self, visitor| match (self.kind(), self.text(), self.view) {
            (Kind::Bool(value), ..) => visitor.visit_bool(value),
            (Kind::String { .. }, text @ ("true" | "false"), view)
                if view == View::Key || self.in_url() => visitor.visit_bool(text == "true"),
            _ => self.wrong_kind("true or false"),
        };
        deserialize_unit => |self, visitor| match self.kind() {
            Kind::Null => visitor.visit_unit(),
            _ => self.wrong_kind("null"),
        };
        deserialize_i8 => |self, visitor| self.number(visitor, "i8");
        deserialize_i16 => |self, visitor| self.number(visitor, "i16");
        deserialize_i32 => |self, visitor| self.number(visitor, "i32");
        deserialize_i64 => |self, visitor| self.number(visitor, "i64");
        deserialize_i128 => |self, visitor| self.number(visitor, "i128");
        deserialize_u8 => |self, visitor| self.number(visitor, "u8");
        deserialize_u16 => |self, visitor| self.number(visitor, "u16");
        deserialize_u32 => |self, visitor| self.number(visitor, "u32");
        deserialize_u64 => |self, visitor| self.number(visitor, "u64");
        deserialize_u128 => |self, visitor| self.number(visitor, "u128");
        deserialize_f32 => |self, visitor| self.number(visitor, "f32");
        deserialize_f64 => |self, visitor| self.number(visitor, "f64");
        deserialize_char => |self, visitor| self.string(visitor, "a string of one character", false);
        deserialize_str | deserialize_string | deserialize_identifier => |self, visitor| self.string(visitor, "a string", false);
        deserialize_bytes | deserialize_byte_buf => |self, visitor| self.string(visitor, "a string or an array of bytes", true);
        deserialize_option => |self, visitor| match self.kind() {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        };
        deserialize_unit_struct(_name: &'static str) => |self, visitor| self.deserialize_unit(visitor);
        deserialize_ignored_any => |self, visitor| visitor.visit_unit();
        deserialize_seq => |self, visitor| self.of_kind(visitor, Kind::Array, Read::Other);
        deserialize_tuple(_len: usize) => |self, visitor| self.of_kind(visitor, Kind::Array, Read::Tuple);
        deserialize_tuple_struct(_name: &'static str, _len: usize) => |self, visitor| self.of_kind(visitor, Kind::Array, Read::Tuple);
        deserialize_map => |self, visitor| self.of_kind(visitor, Kind::Object, Read::Other);
        deserialize_struct(_name: &'static str, _fields: &'static [&'static str]) => |self, visitor| self.of_kind(visitor, Kind::Object, Read::Struct);
        // An externally tagged enum: a string naming a unit variant, or an
        // object whose one member names a variant and holds its data.
        deserialize_enum(_name: &'static str, variants: &'static [&'static str]) => |self, visitor| match self.kind() {
            Kind::String { .. } => match self.probe.tree.string(self.node) {
                Cow::Borrowed(name) => visitor.visit_enum(BorrowedStrDeserializer::new(name)),
                Cow::Owned(name) => visitor.visit_enum(StrDeserializer::new(&name)),
            },
            Kind::Object => match self.probe.tree.children(self.node).take(2).count() {
                0 | 1 => self.container(visitor, Read::Enum),
                _ => Err(Error::mismatch(ONE_MEMBER, "an object with more members".to_owned())),
            },
            _ => self.wrong_kind(one_of(variants)),
        };
        deserialize_newtype_struct(name: &'static str) => |self, visitor| match name {
            RAW_VALUE => raw_value(visitor, self.probe.tree.raw(self.node)),
            _ => visitor.visit_newtype_struct(self),
        };
    }
}

/// What a URL-mode value says where one value goes and the key holds
/// several.
const GIVEN_TWICE: &str = "it is given more than once";

/// A value a URL gives once, read as a sequence of that one value.
struct One<'a, 'p, 'de>(Option<Value<'a, 'p, 'de>>);

impl<'de> SeqAccess<'de> for One<'_, '_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .take()
            .map(|value| seed.deserialize(value))
            .transpose()
    }
}

/// The members of an object or array as a probe shows them; for an
/// externally tagged enum, its one member.
struct Members<'a, 'p, 'de> {
    value: Value<'a, 'p, 'de>,
    read: Read,
    rule: Rule,
    children: Children<'p, 'de>,
    missing: std::slice::Iter<'p, &'static str>,
    /// Whether members before the cursor are left out: the probe stops at
    /// the container's end.
    hides: bool,
    /// The member whose key was read and whose value comes next.
    pending: Option<Shown>,
}

impl<'a, 'p, 'de> Members<'a, 'p, 'de> {
    fn new(value: Value<'a, 'p, 'de>, read: Read) -> Self {
        let probe = value.probe;
        let cursor = probe.cursor;
        let rule = match value.view {
            View::Path(depth) => match (cursor.path.get(depth..).unwrap_or_default(), cursor.at) {
                ([], _) => Rule::Hollow,
                (&[member], At::After) => Rule::After(member),
                (&[member], At::Shape(shape)) => Rule::From(member, View::StandIn(Some(shape))),
                (&[member, ..], _) => Rule::From(member, View::Path(depth + 1)),
            },
            View::Hollow => Rule::Hollow,
            _ => Rule::Real,
        };
        let children = probe.tree.children(value.node);
        let (children, hides) = match rule {
            // Inside the object whose end is shown, a hollow array is
            // empty, unless it is a tuple's, and so is a hollow map: only a
            // struct's members say anything of its end, and showing them
            // all would show a big map again and again. It starts past
            // its last member.
            Rule::Hollow
                if value.view == View::Hollow
                    && ((read == Read::Other && value.kind() == Kind::Object)
                        || (read != Read::Tuple && value.kind() == Kind::Array)) =>
            {
                let past = probe.tree.node(value.node).next;
                (children.starting_at(past), false)
            }
            Rule::Real | Rule::Hollow => (children, false),
            Rule::From(member, _) => {
                let first = probe.tree.children(value.node).next();
                (children.starting_at(member), first != Some(member))
            }
            Rule::After(member) => (children.after(member), true),
        };
        let missing = match rule {
            Rule::Hollow => probe.learned.missing.get(&value.node),
            _ => None,
        };
        Members {
            value,
            read,
            rule,
            children,
            missing: missing.map_or(&[][..], Vec::as_slice).iter(),
            hides,
            pending: None,
        }
    }

    /// The next member as the probe shows it.
    fn next_shown(&mut self) -> Option<Shown> {
        let probe = self.value.probe;
        for node in self.children.by_ref() {
            let view = match self.rule {
                Rule::From(member, view) if member == node => view,
                Rule::Hollow => match (probe.mark(node), probe.tree.node(node).kind) {
                    (Mark::Left, _) => continue,
                    (Mark::Real, _) => View::Real,
                    (Mark::Hollow | Mark::Bad, Kind::Object | Kind::Array) => View::Hollow,
                    _ => View::StandIn(None),
                },
                _ => View::Real,
            };
            return Some((node, view));
        }
        let &field = self.missing.next()?;
        Some((self.value.node, View::Missing(field)))
    }

    /// `error`, leaving this container through `shown`.
    fn leaving(&self, error: Error, (node, view): Shown, key: bool) -> Error {
        let stood_in = matches!(view, View::Hollow | View::StandIn(None) | View::Missing(_));
        let read = self.read;
        error.leaving(Step { node, key, read }, stood_in)
    }

    /// What the container's visitor returned, as the container's result.
    fn finish<T>(&mut self, result: Result<T, Error>) -> Result<T, Error> {
        let (node, read) = (self.value.node, self.read);
        let stop = || Error::new(What::Stop { node, read });
        match result {
            // A struct's end is checked on its own, shown whole.
            Ok(_) if self.hides && self.read == Read::Struct => Err(stop()),
            // serde_json refuses a value whose type stops reading it
            // early: a fixed-size array given more elements, say.
            Ok(_) if !self.hides && self.rule != Rule::Hollow && self.children.next().is_some() => {
                let all = self.value.probe.tree.children(node).count();
                let given = all - 1 - self.children.by_ref().count();
                let noun = match self.value.kind() {
                    Kind::Object if self.value.in_url() => "parameters",
                    Kind::Object => "members",
                    _ => "elements",
                };
                let count = |n: usize| format!("{n} {noun}");
                Err(Error::mismatch(count(given), count(all)))
            }
            Ok(value) => Ok(value),
            // It left a member, which is this container's: as it is.
            Err(error) if !error.crossed.is_empty() => Err(error),
            Err(error) => match self.pending.take() {
                // Raised between a key and its value: about that key (a
                // duplicate, say).
                Some(shown) => Err(self.leaving(error, shown, true)),
                None if self.hides => Err(stop()),
                None => Err(error),
            },
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_, '_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(shown) = self.next_shown() else {
            return Ok(None);
        };
        let probe = self.value.probe;
        let key = match shown {
            (_, View::Missing(field)) => seed.deserialize(BorrowedStrDeserializer::new(field)),
            // A member's key is the node before its value.
            (node, _) => probe.show((node.saturating_sub(1), View::Key), seed),
        };
        let key = key.map_err(|error| self.leaving(error, shown, true))?;
        self.pending = Some(shown);
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some(shown) = self.pending.take() else {
            return Err(de::Error::custom("a value asked for before its key"));
        };
        let value = self.value.probe.show(shown, seed);
        value.map_err(|error| self.leaving(error, shown, false))
    }
}

impl<'de> SeqAccess<'de> for Members<'_, '_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(shown) = self.next_shown() else {
            return Ok(None);
        };
        match self.value.probe.show(shown, seed) {
            Ok(element) => Ok(Some(element)),
            Err(error) => Err(self.leaving(error, shown, false)),
        }
    }
}

/// An externally tagged enum: its one member's key names the variant.
impl<'de> EnumAccess<'de> for &mut Members<'_, '_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        match self.next_key_seed(seed)? {
            Some(variant) => Ok((variant, self)),
            // Empty, or hollow with its data left out; or shown after its
            // member, read before, which `finish` stops at.
            None => Err(Error::mismatch(ONE_MEMBER, "an empty object".to_owned())),
        }
    }
}

impl<'de> VariantAccess<'de> for &mut Members<'_, '_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        self.next_value_seed(PhantomData::<()>)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        self.next_value_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        self.next_value_seed(Data::Tuple(len, visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.next_value_seed(Data::Struct(fields, visitor))
    }
}

/// The data of a tuple or struct variant, as a seed.
enum Data<V> {
    Tuple(usize, V),
    Struct(&'static [&'static str], V),
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Data<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        match self {
            Data::Tuple(len, visitor) => deserializer.deserialize_tuple(len, visitor),
            Data::Struct(fields, visitor) => deserializer.deserialize_struct("", fields, visitor),
        }
    }
}
