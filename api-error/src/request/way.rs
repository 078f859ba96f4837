//! The second reading of a body that failed: straight to the container
//! where the first reading stopped (see [`locate`](super::locate)).
//!
//! On the way there, each struct and array shows its visitor only the member
//! that leads on, and nothing is read from the body; the container itself is
//! read from its first byte by serde_json through the [`Adapter`], which
//! captures serde's structured error. Each step on the way adds itself to
//! that error's path.
//!
//! Types that need to see more than one member to read one (flattened
//! fields, internally tagged or untagged enums, tuples) are not followed:
//! the reading then fails with an error outside the container, and the
//! caller reads the whole body instead.

use std::borrow::Cow;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::adapter::{Adapter, Captured, Track};
use super::locate::Step;
use crate::field::Segment;

/// A deserializer for the value `depth` steps along the way to the
/// container.
pub(super) struct Way<'a, 'de> {
    track: &'a Track<'de>,
    container: &'de [u8],
    depth: usize,
}

impl<'a, 'de> Way<'a, 'de> {
    /// The way to `container` (the body from its first byte on), along the
    /// path of the track, which expects the error there.
    pub(super) fn new(track: &'a Track<'de>, container: &'de [u8]) -> Self {
        Way {
            track,
            container,
            depth: 0,
        }
    }

    /// The step this value takes, or `None` if it is the container.
    fn step(&self) -> Option<&'a Step<'de>> {
        self.track.target.get(self.depth)
    }

    fn next(&self) -> Way<'a, 'de> {
        Way {
            depth: self.depth + 1,
            ..*self
        }
    }

    /// A way this reading does not follow.
    fn not_followed<T>() -> Result<T, Captured> {
        Err(de::Error::custom("not followed"))
    }
}

impl Clone for Way<'_, '_> {
    fn clone(&self) -> Self {
        *self
    }
}

impl Copy for Way<'_, '_> {}

/// The container itself: read by serde_json through the adapter, from its
/// first byte.
macro_rules! container_or {
    ($self:ident, $method:ident($($arg:expr),*), $on_the_way:expr) => {
        if $self.step().is_none() {
            let mut deserializer = serde_json::Deserializer::from_slice($self.container);
            Adapter::new(&mut deserializer, $self.track).$method($($arg),*)
        } else {
            $on_the_way
        }
    };
}

/// Methods of types not followed on the way.
macro_rules! container_only {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Captured> {
            container_or!(self, $method($($arg,)* visitor), Way::not_followed())
        }
    )*};
}

impl<'de> Deserializer<'de> for Way<'_, 'de> {
    type Error = Captured;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Captured> {
        container_or!(
            self,
            deserialize_struct(name, fields, visitor),
            match self.step() {
                Some(Step::Key(key)) => visitor.visit_map(Member {
                    way: self,
                    key: Some(key)
                }),
                _ => Way::not_followed(),
            }
        )
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Captured> {
        container_or!(
            self,
            deserialize_seq(visitor),
            match self.step() {
                Some(&Step::Index(index)) => visitor.visit_seq(Element {
                    way: self,
                    index: Some(index)
                }),
                _ => Way::not_followed(),
            }
        )
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Captured> {
        // On the way, the value holds the container: it is not null.
        container_or!(self, deserialize_option(visitor), visitor.visit_some(self))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Captured> {
        container_or!(
            self,
            deserialize_newtype_struct(name, visitor),
            visitor.visit_newtype_struct(self)
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Captured> {
        container_or!(
            self,
            deserialize_enum(name, variants, visitor),
            Way::not_followed()
        )
    }

    container_only! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_identifier();
        deserialize_ignored_any();
    }
}

/// An object on the way: only the member that leads on.
struct Member<'a, 'de> {
    way: Way<'a, 'de>,
    /// The member's name, until it has been read.
    key: Option<&'a Cow<'de, str>>,
}

impl<'de> MapAccess<'de> for Member<'_, 'de> {
    type Error = Captured;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Captured> {
        match self.key {
            Some(Cow::Borrowed(key)) => seed
                .deserialize(BorrowedStrDeserializer::new(key))
                .map(Some),
            Some(Cow::Owned(key)) => seed.deserialize(StrDeserializer::new(key)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Captured> {
        let key = self.key.take();
        seed.deserialize(self.way.next()).map_err(|mut captured| {
            if let Some(key) = key {
                captured
                    .path_rev
                    .push(Segment::Field(Cow::Owned(key.clone().into_owned())));
            }
            captured
        })
    }
}

/// An array on the way: only the element that leads on, at its index.
struct Element<'a, 'de> {
    way: Way<'a, 'de>,
    /// The element's index, until it has been read.
    index: Option<usize>,
}

impl<'de> SeqAccess<'de> for Element<'_, 'de> {
    type Error = Captured;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Captured> {
        let Some(index) = self.index.take() else {
            return Ok(None);
        };
        seed.deserialize(self.way.next())
            .map(Some)
            .map_err(|mut captured| {
                captured.path_rev.push(Segment::Index(index));
                captured
            })
    }
}
