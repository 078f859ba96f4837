//! Stand-ins: the smallest value of whatever a type asks for, which stands
//! for a member at the end of a hollow object, for a field found missing,
//! and, in a shape probe, for a struct whose fields are to be learned.

use serde::de::value::{BorrowedStrDeserializer, SeqDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, VariantAccess,
    Visitor,
};

use super::{Error, Probe, RAW_VALUE, Shape, What, raw_value};

/// How deep stand-ins may hold stand-ins (a struct's field is two steps):
/// deeper, a type that holds itself (through a `Box`, an enum's first
/// variant) would be followed forever.
const STAND_IN_DEPTH: usize = 32;

/// The smallest value of whatever the type asks for.
pub(super) struct StandIn<'a, 'p, 'de> {
    probe: &'a Probe<'p, 'de>,
    /// The member it replaces, or the object whose missing field it is.
    anchor: u32,
    /// The fields and indices on the way to it from there, hashed: `0`
    /// for the anchor's own.
    path: u64,
    depth: usize,
    /// For the stand-in a shape probe shows, its members.
    shape: Option<Shape>,
}

impl<'a, 'p, 'de> StandIn<'a, 'p, 'de> {
    pub(super) fn new(probe: &'a Probe<'p, 'de>, anchor: u32, shape: Option<Shape>) -> Self {
        StandIn {
            probe,
            anchor,
            path: 0,
            depth: 0,
            shape,
        }
    }

    /// The stand-in for the field or element `step` of this one.
    pub(super) fn inner(&self, step: &[u8]) -> Self {
        // FNV-1a, each step closed by a separator.
        let mut path = self.path ^ 0xcbf2_9ce4_8422_2325;
        for &byte in step.iter().chain(b"/") {
            path = (path ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        let depth = self.depth + 1;
        StandIn {
            path,
            depth,
            shape: None,
            ..*self
        }
    }

    /// This stand-in, one level deeper: every stand-in that holds another
    /// goes through here, to stop at [`STAND_IN_DEPTH`].
    fn deeper(self) -> Result<Self, Error> {
        if self.depth >= STAND_IN_DEPTH {
            return Err(de::Error::custom("stand-ins nested too deep"));
        }
        let depth = self.depth + 1;
        Ok(StandIn { depth, ..self })
    }

    fn elements<V: Visitor<'de>>(self, visitor: V, len: usize) -> Result<V::Value, Error> {
        let stand_in = self.deeper()?;
        let elements = (1..=len).map(|at| stand_in.inner(&at.to_le_bytes()));
        visitor.visit_seq(SeqDeserializer::new(elements))
    }

    /// A struct of the fields learned for it: each `missing_field` it
    /// raises is one more, for the next probe ([`What::Learn`]).
    fn fields<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (anchor, path, shape) = (self.anchor, self.path, self.shape);
        let shapes = &self.probe.learned.shapes;
        let learned = shapes.get(&(anchor, path)).map_or(&[][..], Vec::as_slice);
        let twice;
        let keys = match shape {
            Some(Shape::Twice(name)) => {
                twice = [name; 2];
                &twice[..]
            }
            _ => learned,
        };
        let stand_in = self.deeper()?;
        match visitor.visit_map(Members { stand_in, keys }) {
            Ok(_) if shape.is_some() => Err(Error::new(What::Accepted)),
            Err(error) if error.crossed.is_empty() => match error.what {
                What::MissingField(field) if !learned.contains(&field) => {
                    let at = (anchor, path);
                    Err(Error::new(What::Learn { at, field }))
                }
                _ => Err(error),
            },
            other => other,
        }
    }
}

impl<'de> Deserializer<'de> for StandIn<'_, '_, 'de> {
    type Error = Error;

    // 1 rather than 0 for integers: `NonZero` types take it.
    methods! {
        deserialize_any | deserialize_unit | deserialize_ignored_any => |self, visitor| visitor.visit_unit();
        deserialize_bool => |self, visitor| visitor.visit_bool(false);
        deserialize_i8 | deserialize_i16 | deserialize_i32 | deserialize_i64 | deserialize_i128
            | deserialize_u8 | deserialize_u16 | deserialize_u32 | deserialize_u64 | deserialize_u128
            => |self, visitor| visitor.visit_u64(1);
        deserialize_f32 | deserialize_f64 => |self, visitor| visitor.visit_f64(0.0);
        deserialize_char => |self, visitor| visitor.visit_char('a');
        deserialize_str | deserialize_string | deserialize_identifier => |self, visitor| visitor.visit_borrowed_str("");
        deserialize_bytes | deserialize_byte_buf => |self, visitor| visitor.visit_borrowed_bytes(b"");
        deserialize_unit_struct(_name: &'static str) => |self, visitor| visitor.visit_unit();
        deserialize_seq => |self, visitor| self.elements(visitor, 0);
        deserialize_tuple(len: usize) => |self, visitor| self.elements(visitor, len);
        deserialize_tuple_struct(_name: &'static str, len: usize) => |self, visitor| self.elements(visitor, len);
        deserialize_map => |self, visitor| visitor.visit_map(Members { stand_in: self.deeper()?, keys: &[] });
        deserialize_struct(_name: &'static str, _fields: &'static [&'static str]) => |self, visitor| self.fields(visitor);
        deserialize_enum(_name: &'static str, variants: &'static [&'static str]) => |self, visitor| match variants.first() {
            Some(&variant) => visitor.visit_enum(StandInVariant(self.deeper()?, variant)),
            None => Err(de::Error::custom("an enum without variants")),
        };
        deserialize_newtype_struct(name: &'static str) => |self, visitor| match name {
            RAW_VALUE => raw_value(visitor, "null"),
            _ => visitor.visit_newtype_struct(self.deeper()?),
        };
        // `None`, the smallest `Option`; but a shape probe's stand-in
        // stands for the struct inside.
        deserialize_option => |self, visitor| match self.shape {
            Some(_) => visitor.visit_some(self.deeper()?),
            None => visitor.visit_none(),
        };
    }
}

/// For serde's `SeqDeserializer`, which takes its elements so.
impl<'de> IntoDeserializer<'de, Error> for StandIn<'_, '_, 'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// The members of a stand-in map or struct: for each key, a stand-in.
struct Members<'a, 'p, 'de, 'k> {
    stand_in: StandIn<'a, 'p, 'de>,
    /// The keys still to give: a struct's fields.
    keys: &'k [&'static str],
}

impl<'de> MapAccess<'de> for Members<'_, '_, 'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let key = self.keys.first().copied().map(BorrowedStrDeserializer::new);
        key.map(|key| seed.deserialize(key)).transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, rest) = self.keys.split_first().unwrap_or((&"", &[]));
        self.keys = rest;
        seed.deserialize(self.stand_in.inner(key.as_bytes()))
    }
}

/// A stand-in enum: its first variant, by name, with stand-in data.
struct StandInVariant<'a, 'p, 'de>(StandIn<'a, 'p, 'de>, &'static str);

impl<'a, 'p, 'de> EnumAccess<'de> for StandInVariant<'a, 'p, 'de> {
    type Error = Error;
    type Variant = StandIn<'a, 'p, 'de>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Error> {
        let StandInVariant(stand_in, variant) = self;
        let value = seed.deserialize(BorrowedStrDeserializer::new(variant))?;
        Ok((value, stand_in.inner(variant.as_bytes())))
    }
}

impl<'de> VariantAccess<'de> for StandIn<'_, '_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        self.elements(visitor, len)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.fields(visitor)
    }
}
