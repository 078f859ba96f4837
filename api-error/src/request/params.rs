//! Path and query parameters read into a type, by the JSON body parser's
//! own machinery: the parameters are written as a JSON object of strings,
//! and the type's `Deserialize` runs over it as over a body, reading a
//! number or a `bool` from a string, so that a parameter's problem reads as
//! a field's does, every problem at once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Unexpected, Visitor};

use super::probe::{self, Cursor, Learned};
use super::{RequestError, RequestPart, problems, tree};
use crate::format::MAX_SUB_ERRORS;

/// Reads a route's path parameters, each a name and its value, already
/// percent-decoded (as axum's `RawPathParams` and actix-web's
/// `match_info()` give them), into `T`, saying what is wrong as
/// [`parse_json`](crate::parse_json) says it of a body's fields.
///
/// `T` is a struct whose fields are named after the parameters, a map, a
/// tuple of the values in the route's order, or, for a route with one
/// parameter, its value's type (`u64`, `String`, an enum of unit variants).
/// A value is read as the type asks: a number (`7`, `-7`, `+7`, `1.5`;
/// not `NaN`), `true` or `false`, a string, an `Option` (always `Some`), an
/// enum's unit variant by name, a sequence of one value.
///
/// Errors, with the parameter's name as the path: `invalid_field` (`page
/// is invalid: expected an integer from 0 to 255, found the string
/// "300".`), `missing_field`, `unexpected_field` (with
/// `#[serde(deny_unknown_fields)]`), and `invalid_fields` listing them all
/// (`The request path has 2 invalid fields.`); a tuple's values are read in
/// order, up to the first problem. A type that takes one value where the
/// route has none or several is an `invalid_request` (`The request path is
/// invalid: expected one parameter, found 2 parameters.`).
///
/// ```
/// use api_error::{parse_path, ApiError};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Item {
///     shop: String,
///     id: u32,
/// }
///
/// let item: Item = parse_path([("shop", "tea"), ("id", "7")]).unwrap();
/// assert_eq!((item.shop.as_str(), item.id), ("tea", 7));
/// let (shop, id): (String, u8) = parse_path([("shop", "tea"), ("id", "7")]).unwrap();
/// assert_eq!((shop.as_str(), id), ("tea", 7));
///
/// let err = parse_path::<u8>([("id", "seven")]).unwrap_err();
/// assert_eq!(err.code(), "invalid_field");
/// assert_eq!(err.message(), r#"id is invalid: expected an integer from 0 to 255, found the string "seven"."#);
/// ```
pub fn parse_path<T: DeserializeOwned>(
    params: impl IntoIterator<Item = (impl AsRef<str>, impl AsRef<str>)>,
) -> Result<T, RequestError> {
    parse(RequestPart::Path, params)
}

/// Reads a query string (what follows the `?`, or nothing) into `T`:
/// `application/x-www-form-urlencoded` pairs, percent-decoded (`+` is a
/// space; bytes that are not UTF-8 become `�`), saying what is wrong as
/// [`parse_json`](crate::parse_json) says it of a body's fields.
///
/// `T` is a struct whose fields are named after the parameters, or a map.
/// A value is read as [`parse_path`] reads one; a key given more than once
/// is a sequence of its values, in order (`tag=a&tag=b` for a
/// `Vec<String>`), and, where one value goes, an `invalid_field`: `page is
/// invalid: it is given more than once.` An absent key is a missing field
/// unless its field is an `Option`, a `Vec` with `#[serde(default)]`, or
/// any `#[serde(default)]` field; a key without a value (`page=` or
/// `page`) holds the empty string. Nested structs are not read: a query
/// holds strings.
///
/// Errors, with the parameter's name as the path: `invalid_field`,
/// `missing_field`, `unexpected_field` (with
/// `#[serde(deny_unknown_fields)]`, listing the fields the type takes), and
/// `invalid_fields` listing them all, in the query's order (`The request
/// query has 2 invalid fields.`).
///
/// ```
/// use api_error::{parse_query, ApiError};
///
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(deny_unknown_fields)]
/// struct Search {
///     q: String,
///     page: Option<u32>,
///     #[serde(default)]
///     tag: Vec<String>,
/// }
///
/// let search: Search = parse_query("q=green+tea&tag=new&tag=sale").unwrap();
/// assert_eq!((search.q.as_str(), search.page), ("green tea", None));
/// assert_eq!(search.tag, ["new", "sale"]);
///
/// let err = parse_query::<Search>("page=abc&sort=asc").unwrap_err();
/// assert_eq!(err.message(), "The request query has 3 invalid fields.");
/// let errors: Vec<_> = err.errors().iter().map(|e| e.message()).collect();
/// assert_eq!(errors, [
///     r#"page is invalid: expected an integer from 0 to 4294967295, found the string "abc"."#,
///     "sort is not a valid field name for this request. Expected 1 required field (q) and 2 optional fields (page and tag).",
///     "q is missing.",
/// ]);
/// ```
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, RequestError> {
    parse(RequestPart::Query, form_urlencoded::parse(query.as_bytes()))
}

/// Reads `params` of `part` into `T`: written as a JSON object, whose
/// members hold a key's value (a string) or values (an array of strings),
/// then read as [`parse_json`](crate::parse_json) reads a body.
fn parse<T: DeserializeOwned>(
    part: RequestPart,
    params: impl IntoIterator<Item = (impl AsRef<str>, impl AsRef<str>)>,
) -> Result<T, RequestError> {
    let text = object_text(params);
    let invalid = || RequestError::InvalidRequest {
        reason: Cow::Owned(format!("The request {part} is invalid.")),
    };
    // The text is JSON, and shallow: it is always read.
    let mut tree = tree::parse(&text).map_err(|_| invalid())?;
    tree.part = part;
    let read = match takes::<T>() {
        Takes::OneValue => read::<Single<T>>(&tree).map(|Single(value)| value),
        Takes::Parameters => read::<T>(&tree),
    };
    read.map_err(|problem| problem.unwrap_or_else(invalid))
}

/// `T` from `tree`, or every problem of it; `None` if the type finds one,
/// then none (a `Deserialize` impl that does not decide alike twice).
fn read<'de, T: Deserialize<'de>>(tree: &tree::Tree<'de>) -> Result<T, Option<RequestError>> {
    probe::run::<T>(tree, &Cursor::default(), &Learned::default())
        .map_err(|_| problems::report::<T>(tree, MAX_SUB_ERRORS, false))
}

/// `{"key":"value","repeated":["a","b"]}`: each key once, where it first
/// comes, with its values in order.
fn object_text(params: impl IntoIterator<Item = (impl AsRef<str>, impl AsRef<str>)>) -> Vec<u8> {
    let mut keys: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (key, value) in params {
        let (key, value) = (key.as_ref(), value.as_ref().to_owned());
        match index.get(key).and_then(|&at| keys.get_mut(at)) {
            Some((_, values)) => values.push(value),
            None => {
                index.insert(key.to_owned(), keys.len());
                keys.push((key.to_owned(), vec![value]));
            }
        }
    }
    let mut text = vec![b'{'];
    for (i, (key, values)) in keys.iter().enumerate() {
        if i > 0 {
            text.push(b',');
        }
        push_string(&mut text, key);
        text.push(b':');
        match values.as_slice() {
            [value] => push_string(&mut text, value),
            values => {
                text.push(b'[');
                for (j, value) in values.iter().enumerate() {
                    if j > 0 {
                        text.push(b',');
                    }
                    push_string(&mut text, value);
                }
                text.push(b']');
            }
        }
    }
    text.push(b'}');
    text
}

/// `text` as a JSON string.
fn push_string(out: &mut Vec<u8>, text: &str) {
    // Writing a string to a `Vec` does not fail.
    let _ = serde_json::to_writer(out, text);
}

/// What a type takes of the parameters: all of them (a struct, a map, a
/// tuple), or one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takes {
    Parameters,
    OneValue,
}

/// What `T` asks a deserializer for first.
fn takes<T: DeserializeOwned>() -> Takes {
    match T::deserialize(Sniff) {
        Err(Sniffed(takes)) => takes,
        Ok(_) => Takes::Parameters,
    }
}

/// A deserializer that only learns what a type asks it for.
struct Sniff;

/// What [`Sniff`] learned, as its error.
#[derive(Debug)]
struct Sniffed(Takes);

impl fmt::Display for Sniffed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Sniffed {}

impl de::Error for Sniffed {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Sniffed(Takes::Parameters)
    }
}

/// Deserializer methods that answer what the type takes.
macro_rules! sniff {
    ($takes:ident: $($method:ident$(($($arg:ty),*))?)*) => {
        $(fn $method<V: Visitor<'de>>(self, $($(_: $arg,)*)? _: V) -> Result<V::Value, Sniffed> {
            Err(Sniffed(Takes::$takes))
        })*
    };
}

impl<'de> de::Deserializer<'de> for Sniff {
    type Error = Sniffed;

    sniff! { Parameters:
        deserialize_any deserialize_ignored_any deserialize_map deserialize_seq
        deserialize_struct(&'static str, &'static [&'static str])
        deserialize_tuple(usize) deserialize_tuple_struct(&'static str, usize)
    }
    sniff! { OneValue:
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier deserialize_unit_struct(&'static str)
        deserialize_enum(&'static str, &'static [&'static str])
    }

    // What an `Option` or a newtype holds is what it takes.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Sniffed> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Sniffed> {
        visitor.visit_newtype_struct(self)
    }
}

/// The value of the one parameter, for a type that takes one value.
struct Single<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Single<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SingleVisitor(PhantomData))
    }
}

struct SingleVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SingleVisitor<T> {
    type Value = Single<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one parameter")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Single<T>, A::Error> {
        let none = || de::Error::invalid_type(Unexpected::Other("no parameter"), &self);
        let value = match map.next_key::<IgnoredAny>()? {
            Some(_) => map.next_value()?,
            None => return Err(none()),
        };
        let mut count = 1_usize;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
            count += 1;
        }
        if count > 1 {
            let found = format!("{count} parameters");
            return Err(de::Error::invalid_type(Unexpected::Other(&found), &self));
        }
        Ok(Single(value))
    }
}
