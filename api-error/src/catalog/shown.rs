//! What an error's fields show in its responses, for documents: the
//! extension members they add to the body and the headers they send, each
//! with its JSON type and an example value. The derive builds them at
//! compile time, from the field's `#[api(example = ...)]` or else from its
//! type, into the variant's [`Entry`](super::Entry).

use serde_json::Value;

/// The kind of JSON value a member or a header holds, as JSON Schema names
/// it; [`Any`](JsonType::Any) when the Rust type does not tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    /// A string: `String`, `&str`, `char`, ….
    String,
    /// An integer: `u32`, `i64`, ….
    Integer,
    /// A number: `f32`, `f64`.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A list: `Vec<T>`, `[T; N]`, ….
    Array,
    /// A map: `HashMap`, `BTreeMap`.
    Object,
    /// Any value: a type the derive cannot see into.
    Any,
}

impl JsonType {
    /// The JSON Schema `type`, or `None` for [`Any`](JsonType::Any).
    pub const fn name(self) -> Option<&'static str> {
        match self {
            JsonType::String => Some("string"),
            JsonType::Integer => Some("integer"),
            JsonType::Number => Some("number"),
            JsonType::Boolean => Some("boolean"),
            JsonType::Array => Some("array"),
            JsonType::Object => Some("object"),
            JsonType::Any => None,
        }
    }
}

/// An example value of a field: what documents show in its place, in a
/// message, a body or a header.
///
/// It is the field's `#[api(example = ...)]`, or else a sample of its
/// type: `0` for a number, `false` for a `bool`, a list of one sample for a
/// list, `{}` for a map, and the string `"string"` for anything else, as
/// OpenAPI tools show a value they know nothing of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// A string.
    String(&'static str),
    /// A number, as JSON writes it: `30`, `-1`, `2.5`.
    Number(&'static str),
    /// `true` or `false`.
    Boolean(bool),
    /// A list.
    List(&'static [Example]),
    /// An empty object, `{}`.
    Object,
}

impl Example {
    /// The value as JSON.
    pub fn to_json(&self) -> Value {
        match *self {
            Example::String(text) => Value::String(text.to_owned()),
            // The derive writes numbers as JSON does.
            Example::Number(text) => serde_json::from_str(text).unwrap_or(Value::Null),
            Example::Boolean(value) => Value::Bool(value),
            Example::List(items) => Value::Array(items.iter().map(Example::to_json).collect()),
            Example::Object => Value::Object(serde_json::Map::new()),
        }
    }

    /// The value as a header shows it: a string as it is, a list with `, `
    /// between its items, anything else as JSON writes it.
    pub fn header_value(&self) -> String {
        match *self {
            Example::String(text) | Example::Number(text) => text.to_owned(),
            Example::List(items) => {
                let items: Vec<String> = items.iter().map(Example::header_value).collect();
                items.join(", ")
            }
            Example::Boolean(_) | Example::Object => self.to_json().to_string(),
        }
    }
}

/// What one field of an error sends: an extension member of the body
/// (`#[api(extension)]`), or a header: `Retry-After` (`#[api(retry_after)]`),
/// `Allow` (`#[api(allow)]`) or the one `#[api(header = "...")]` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    name: &'static str,
    json_type: JsonType,
    example: Example,
    optional: bool,
}

impl Sent {
    /// The member or header `name`, of `json_type`, shown as `example`;
    /// `optional` when its field is an `Option`, and so sent only when it
    /// is `Some`.
    pub const fn new(
        name: &'static str,
        json_type: JsonType,
        example: Example,
        optional: bool,
    ) -> Self {
        Sent {
            name,
            json_type,
            example,
            optional,
        }
    }

    /// The name: a member's (`limit`), or a header's as documents spell
    /// it, RFC 9110's casing for the headers HTTP defines (`Retry-After`,
    /// `Allow`), else as the `header = "..."` key writes it.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The kind of value it holds: `Retry-After` an integer of seconds.
    pub const fn json_type(&self) -> JsonType {
        self.json_type
    }

    /// Its example value.
    pub const fn example(&self) -> Example {
        self.example
    }

    /// Whether a response may lack it: its field is an `Option`.
    pub const fn optional(&self) -> bool {
        self.optional
    }
}
