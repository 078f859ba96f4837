//! The names a client sends: a path in a type's Rust field names, as the
//! validation crates give it, turned into the names its `Deserialize`
//! reads, by asking serde.
//!
//! serde's derived `Deserialize` tells its wire names to a deserializer:
//! a struct hands its list of field names (main names and aliases) to
//! `deserialize_struct`. [`Ask`] is a deserializer that walks the type
//! along a path, one member at a time (an object with one member, an array
//! with one element), and stops where the path ends, with the field list
//! of the struct there, if it is one. A Rust name is then matched to the
//! one name of that list it becomes under one of serde's `rename_all`
//! rules. What cannot be learned so keeps the Rust name: see
//! [`FieldErrors::wire_names`].

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use crate::{FieldErrors, FieldPath, Segment};

impl FieldErrors {
    /// These sub-errors with their paths in the names the client sends:
    /// each field named as `T`'s `Deserialize` reads it, where the Rust
    /// name a validation crate gives differs (`#[serde(rename_all)]`).
    ///
    /// At each struct along a path, serde tells the field names the struct
    /// reads; a Rust name becomes the one of them it turns into under one
    /// of serde's `rename_all` rules (`customer_email` is `customerEmail`
    /// under `camelCase`), and stays as it is when none does, or more than
    /// one. So a field renamed on its own (`#[serde(rename = "x")]`) to a
    /// name no rule makes from its Rust name keeps its Rust name: name the
    /// Rust field as the client does instead (serde then needs no
    /// `rename`). And a Rust name that a rule turns into another field's
    /// wire name is taken for that field's: a field `title` renamed
    /// `heading`, beside a field `name` renamed `title`, is named `title`.
    /// A path also keeps its Rust names below what serde reads whole
    /// before it knows what it is: `#[serde(flatten)]`ed fields (whose
    /// names the path misses), enums, and a tuple past its first element;
    /// map keys and indices are kept as they are.
    ///
    /// `T`'s `Deserialize` runs once for each step of each path, on a
    /// deserializer that holds no data.
    ///
    /// ```
    /// use api_error::FieldErrors;
    ///
    /// #[derive(serde::Deserialize)]
    /// #[serde(rename_all = "camelCase")]
    /// struct Order {
    ///     customer_email: String,
    ///     line_items: Vec<LineItem>,
    /// }
    ///
    /// #[derive(serde::Deserialize)]
    /// #[serde(rename_all = "kebab-case")]
    /// struct LineItem {
    ///     unit_price: u32,
    /// }
    ///
    /// let mut errors = FieldErrors::new();
    /// errors.add("customer_email", "email", "Must be an email address.");
    /// errors.add("line_items[1].unit_price", "range", "Must be at least 1.");
    /// let errors = errors.wire_names::<Order>();
    /// let paths: Vec<String> = errors.iter().map(|e| e.path().unwrap().to_string()).collect();
    /// assert_eq!(paths, ["customerEmail", "lineItems[1].unit-price"]);
    /// ```
    #[must_use]
    pub fn wire_names<'de, T: Deserialize<'de>>(self) -> FieldErrors {
        self.into_iter()
            .map(|error| match error.path() {
                Some(path) => {
                    let wire = wire_path::<T>(path);
                    error.at(wire)
                }
                None => error,
            })
            .collect()
    }
}

/// `rust`, a path in Rust field names, in `T`'s wire names.
fn wire_path<'de, T: Deserialize<'de>>(rust: &FieldPath) -> FieldPath {
    let mut wire = FieldPath::new();
    for segment in rust.segments() {
        match segment {
            Segment::Field(name) => match struct_fields::<T>(wire.segments()) {
                Some(fields) => wire.push_field(wire_name(name.clone(), fields)),
                None => wire.push_field(name.clone()),
            },
            Segment::Index(index) => wire.push_index(*index),
        }
    }
    wire
}

/// The field names of the struct at `path` (in wire names) of `T`, if
/// serde reads one there.
fn struct_fields<'de, T: Deserialize<'de>>(path: &[Segment]) -> Option<&'static [&'static str]> {
    match T::deserialize(Ask(path)) {
        Err(Told(fields)) => fields,
        Ok(_) => None,
    }
}

/// The name among a struct's `fields` that the Rust field `rust` becomes
/// under one of serde's `rename_all` rules, if exactly one does; else
/// `rust`, as serde reads it (a raw identifier without its `r#`).
fn wire_name(rust: Cow<'static, str>, fields: &'static [&'static str]) -> Cow<'static, str> {
    let rust = unraw(rust);
    let forms = renamings(&rust);
    let mut matches = fields
        .iter()
        .filter(|field| forms.iter().any(|form| form == *field));
    match (matches.next(), matches.next()) {
        (Some(field), None) => Cow::Borrowed(field),
        _ => rust,
    }
}

/// A Rust field's name as serde reads it: a raw identifier (`r#type`)
/// without its `r#`.
pub(crate) fn unraw(name: Cow<'static, str>) -> Cow<'static, str> {
    match name {
        Cow::Borrowed(name) => Cow::Borrowed(name.strip_prefix("r#").unwrap_or(name)),
        Cow::Owned(name) => match name.strip_prefix("r#") {
            Some(name) => Cow::Owned(name.to_owned()),
            None => Cow::Owned(name),
        },
    }
}

/// What serde's `rename_all` rules make of a field's Rust name, as
/// serde_derive writes them: as it is (also `lowercase` and `snake_case`),
/// `UPPERCASE` (also `SCREAMING_SNAKE_CASE`), `PascalCase`, `camelCase`,
/// `kebab-case` and `SCREAMING-KEBAB-CASE`.
fn renamings(rust: &str) -> [String; 6] {
    let mut pascal = String::with_capacity(rust.len());
    let mut capitalize = true;
    for c in rust.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(c);
        }
    }
    let mut camel = pascal.clone();
    if let Some(first) = camel.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    let upper = rust.to_ascii_uppercase();
    [
        rust.to_owned(),
        pascal,
        camel,
        rust.replace('_', "-"),
        upper.replace('_', "-"),
        upper,
    ]
}

/// What a walk learned: the field names of the struct where the path
/// ends, if it is one. Every walk ends in this error, as no value is ever
/// there to read.
#[derive(Debug)]
struct Told(Option<&'static [&'static str]>);

impl fmt::Display for Told {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a type's wire names, asked for")
    }
}

impl std::error::Error for Told {}

impl de::Error for Told {
    /// Whatever the type says (an unknown field, a value it refuses), it
    /// says nothing of the struct where the path ends.
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Told(None)
    }
}

/// A deserializer showing a type the path left to walk, in wire names: an
/// object with one member for a name, an array with one element for an
/// index, and nothing where the path ends.
#[derive(Clone, Copy)]
struct Ask<'p>(&'p [Segment]);

impl Ask<'_> {
    fn nothing<T>() -> Result<T, Told> {
        Err(Told(None))
    }
}

impl<'de> Deserializer<'de> for Ask<'_> {
    type Error = Told;

    /// A value read by what it is (a number, an enum, a `flatten`ed
    /// struct's buffered content), which holds no struct a path can name.
    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Told> {
        Ask::nothing()
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Told> {
        match self.0.split_first() {
            None => Err(Told(Some(fields))),
            Some((Segment::Field(name), rest)) => visitor.visit_map(Member {
                key: Some(name.as_ref()),
                value: Ask(rest),
            }),
            Some((Segment::Index(_), _)) => Ask::nothing(),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Told> {
        match self.0.split_first() {
            Some((Segment::Field(key), rest)) => visitor.visit_map(Member {
                key: Some(key.as_ref()),
                value: Ask(rest),
            }),
            // Any key tells the type of the map's values.
            Some((Segment::Index(_), rest)) => visitor.visit_map(Member {
                key: Some("0"),
                value: Ask(rest),
            }),
            None => Ask::nothing(),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Told> {
        match self.0.split_first() {
            Some((Segment::Index(_), rest)) => visitor.visit_seq(Element(Some(Ask(rest)))),
            _ => Ask::nothing(),
        }
    }

    /// A fixed-size array or a tuple: only its first element, as the
    /// others of a tuple may be of other types.
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Told> {
        match self.0.split_first() {
            Some((Segment::Index(0), rest)) => visitor.visit_seq(Element(Some(Ask(rest)))),
            _ => Ask::nothing(),
        }
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Told> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Told> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Told> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct enum identifier ignored_any
    }
}

/// An object with one member, whose value is the rest of the walk.
struct Member<'p> {
    key: Option<&'p str>,
    value: Ask<'p>,
}

impl<'de> MapAccess<'de> for Member<'_> {
    type Error = Told;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Told> {
        match self.key.take() {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Told> {
        seed.deserialize(self.value)
    }
}

/// An array with one element, which is the rest of the walk.
struct Element<'p>(Option<Ask<'p>>);

impl<'de> SeqAccess<'de> for Element<'_> {
    type Error = Told;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Told> {
        match self.0.take() {
            Some(rest) => seed.deserialize(rest).map(Some),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn rules_make_what_serde_derive_makes() {
        assert_eq!(
            renamings("customer_email"),
            [
                "customer_email",
                "CustomerEmail",
                "customerEmail",
                "customer-email",
                "CUSTOMER-EMAIL",
                "CUSTOMER_EMAIL"
            ]
        );
        assert_eq!(renamings("")[2], "");
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Order {
        customer_email: String,
        #[serde(alias = "lines")]
        line_items: Option<Vec<Line>>,
        by_sku: BTreeMap<String, Line>,
        pair: (Box<Line>, u8),
        #[serde(rename = "note")]
        comment: String,
        kind: Kind,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING-KEBAB-CASE")]
    #[allow(dead_code)]
    struct Line {
        unit_price: u32,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    enum Kind {
        Gift { wrap_color: String },
    }

    fn wire(rust: &str) -> String {
        wire_path::<Order>(&FieldPath::parse(rust)).to_string()
    }

    #[test]
    fn names_follow_the_type_down() {
        assert_eq!(wire("customer_email"), "customerEmail");
        assert_eq!(wire("line_items[3].unit_price"), "lineItems[3].UNIT-PRICE");
        assert_eq!(wire("by_sku.a_b.unit_price"), "bySku.a_b.UNIT-PRICE");
        assert_eq!(wire("pair[0].unit_price"), "pair[0].UNIT-PRICE");
        assert_eq!(wire("pair[1].unit_price"), "pair[1].unit_price");
    }

    #[test]
    fn what_serde_does_not_tell_keeps_its_rust_name() {
        // A rename no rule makes, the fields below an enum, a name the
        // type does not have, and what lies past it.
        assert_eq!(wire("comment"), "comment");
        assert_eq!(wire("kind.wrap_color"), "kind.wrap_color");
        assert_eq!(wire("unknown_field.unit_price"), "unknown_field.unit_price");
        assert_eq!(
            wire("customer_email.inner_name"),
            "customerEmail.inner_name"
        );
        assert_eq!(wire("[0].customer_email"), "[0].customer_email");
        assert_eq!(wire(""), "");
    }
}
