//! Example values of fields, for documents: a field's `#[api(example =
//! ...)]`, or else a sample of its type (`0` for a number, `"string"` for
//! what is not one), and the message with each placeholder filled in with
//! them, formatted as the placeholder's spec says.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

use crate::fmt::{Count, Spec};

/// A literal `example` value, as written.
#[derive(Clone)]
pub(crate) struct Lit {
    pub(crate) value: LitValue,
    /// The literal (and its sign), for errors about it.
    pub(crate) tokens: TokenStream,
}

#[derive(Clone)]
pub(crate) enum LitValue {
    Str(String),
    Int(i128),
    Float(f64),
    Bool(bool),
}

impl LitValue {
    /// What kind of literal it is, for messages.
    pub(crate) fn what(&self) -> &'static str {
        match self {
            LitValue::Str(_) => "a string",
            LitValue::Int(_) => "an integer",
            LitValue::Float(_) => "a number with a fraction",
            LitValue::Bool(_) => "a boolean",
        }
    }
}

/// What a field's type says about the JSON it becomes.
#[derive(Clone)]
pub(crate) enum Kind {
    /// An integer type, with its range and its name.
    Integer {
        name: String,
        min: i128,
        max: i128,
    },
    Float,
    Bool,
    Str,
    List(Box<Kind>),
    Map,
    /// A type the derive cannot see into.
    Unknown,
}

impl Kind {
    /// The kind of `ty`, and whether it is an `Option`; references, boxes
    /// and `Cow`s are seen through.
    pub(crate) fn of(ty: &Type) -> (Kind, bool) {
        match ty {
            Type::Reference(reference) => Kind::of(&reference.elem),
            Type::Paren(paren) => Kind::of(&paren.elem),
            Type::Group(group) => Kind::of(&group.elem),
            Type::Slice(slice) => (Kind::List(Box::new(Kind::of(&slice.elem).0)), false),
            Type::Array(array) => (Kind::List(Box::new(Kind::of(&array.elem).0)), false),
            Type::Path(path) if path.qself.is_none() => {
                let Some(last) = path.path.segments.last() else {
                    return (Kind::Unknown, false);
                };
                let argument = last_type_argument(&last.arguments);
                let name = last.ident.to_string();
                match (name.as_str(), argument) {
                    ("Option", Some(inner)) => (Kind::of(inner).0, true),
                    ("Box" | "Rc" | "Arc" | "Cow", Some(inner)) => Kind::of(inner),
                    (
                        "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap",
                        Some(inner),
                    ) => (Kind::List(Box::new(Kind::of(inner).0)), false),
                    ("HashMap" | "BTreeMap", _) => (Kind::Map, false),
                    ("String" | "str" | "char", None) => (Kind::Str, false),
                    ("bool", None) => (Kind::Bool, false),
                    ("f32" | "f64", None) => (Kind::Float, false),
                    (name, None) => (integer(name).unwrap_or(Kind::Unknown), false),
                    _ => (Kind::Unknown, false),
                }
            }
            _ => (Kind::Unknown, false),
        }
    }

    /// The variant of the runtime's `JsonType` for the kind; for a type the
    /// derive cannot see into, the kind of its example, if it has one.
    pub(crate) fn json_type(&self, example: Option<&LitValue>) -> &'static str {
        match (self, example) {
            (Kind::Integer { .. }, _) | (Kind::Unknown, Some(LitValue::Int(_))) => "Integer",
            (Kind::Float, _) | (Kind::Unknown, Some(LitValue::Float(_))) => "Number",
            (Kind::Bool, _) | (Kind::Unknown, Some(LitValue::Bool(_))) => "Boolean",
            (Kind::Str, _) | (Kind::Unknown, Some(LitValue::Str(_))) => "String",
            (Kind::List(_), _) => "Array",
            (Kind::Map, _) => "Object",
            (Kind::Unknown, None) => "Any",
        }
    }
}

/// The last type argument of `Option<T>`, `Cow<'a, str>`, `Vec<T>`.
fn last_type_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(arguments) = arguments else {
        return None;
    };
    arguments
        .args
        .iter()
        .rev()
        .find_map(|argument| match argument {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
}

/// The integer type `name`, with its range.
fn integer(name: &str) -> Option<Kind> {
    let (bits, signed, min_one) = match name {
        "u8" => (8, false, false),
        "u16" => (16, false, false),
        "u32" => (32, false, false),
        "u64" | "usize" => (64, false, false),
        "u128" => (127, false, false),
        "i8" => (8, true, false),
        "i16" => (16, true, false),
        "i32" => (32, true, false),
        "i64" | "isize" => (64, true, false),
        "i128" => (128, true, false),
        "NonZeroU8" => (8, false, true),
        "NonZeroU16" => (16, false, true),
        "NonZeroU32" => (32, false, true),
        "NonZeroU64" | "NonZeroUsize" => (64, false, true),
        _ => return None,
    };
    let (min, max) = match (signed, bits) {
        (true, 128) => (i128::MIN, i128::MAX),
        (true, bits) => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
        // `u128` is capped at what an `i128` holds: a literal beyond it is
        // refused all the same.
        (false, 127) => (0, i128::MAX),
        (false, bits) => (0, (1i128 << bits) - 1),
    };
    Some(Kind::Integer {
        name: name.to_owned(),
        min: if min_one { 1 } else { min },
        max,
    })
}

/// An example value, as documents show it.
#[derive(Clone)]
pub(crate) enum Example {
    Str(String),
    /// A number as JSON writes it.
    Num(String),
    Bool(bool),
    List(Vec<Example>),
    Object,
}

impl Example {
    /// The sample of a kind, for a field without an `example`.
    pub(crate) fn sample(kind: &Kind) -> Example {
        match kind {
            Kind::Integer { min, .. } if *min > 0 => Example::Num(min.to_string()),
            Kind::Integer { .. } | Kind::Float => Example::Num("0".to_owned()),
            Kind::Bool => Example::Bool(false),
            Kind::List(item) => Example::List(vec![Example::sample(item)]),
            Kind::Map => Example::Object,
            Kind::Str | Kind::Unknown => Example::Str("string".to_owned()),
        }
    }

    /// The value of a literal `example`.
    pub(crate) fn from_lit(lit: &LitValue) -> Example {
        match lit {
            LitValue::Str(text) => Example::Str(text.clone()),
            LitValue::Int(number) => Example::Num(number.to_string()),
            // Rust's `Display` of a finite `f64` is valid JSON, and is what
            // the field would show.
            LitValue::Float(number) => Example::Num(number.to_string()),
            LitValue::Bool(value) => Example::Bool(*value),
        }
    }

    /// The value as `Display` shows it in a message or a header.
    pub(crate) fn text(&self) -> String {
        match self {
            Example::Str(text) | Example::Num(text) => text.clone(),
            Example::Bool(value) => value.to_string(),
            Example::List(items) => {
                let items: Vec<String> = items.iter().map(Example::text).collect();
                items.join(", ")
            }
            Example::Object => "{}".to_owned(),
        }
    }

    /// The runtime's `Example` for it.
    pub(crate) fn tokens(&self) -> TokenStream {
        match self {
            Example::Str(text) => quote!(__api_error::__private::Example::String(#text)),
            Example::Num(text) => quote!(__api_error::__private::Example::Number(#text)),
            Example::Bool(value) => quote!(__api_error::__private::Example::Boolean(#value)),
            Example::List(items) => {
                let items = items.iter().map(Example::tokens);
                quote!(__api_error::__private::Example::List(&[#(#items),*]))
            }
            Example::Object => quote!(__api_error::__private::Example::Object),
        }
    }
}

/// `value` formatted as the placeholder spec `spec` says, as Rust's
/// `format!` would format a value of the example's kind; `counts` gives
/// the example of the field a `name$` width or precision names.
pub(crate) fn format_spec(
    value: &Example,
    spec: &Spec,
    counts: &dyn Fn(usize) -> Option<usize>,
) -> String {
    let count = |count: Option<Count>| match count? {
        Count::Fixed(count) => Some(count),
        Count::Field(field) => counts(field),
    };
    let (width, precision) = (count(spec.width), count(spec.precision));
    let kind = spec.kind.as_str();
    let number = match value {
        Example::Num(text) => text.parse::<f64>().ok(),
        _ => None,
    };
    let integer = match value {
        Example::Num(text) => text.parse::<i128>().ok(),
        _ => None,
    };
    let alternate = spec.alternate;
    let mut body = match (kind.trim_start_matches(['x', 'X']), value) {
        ("?", Example::Str(text)) => format!("{text:?}"),
        _ => match (kind, integer, number) {
            ("x", Some(n), _) => prefixed(alternate, "0x", format!("{n:x}")),
            ("X", Some(n), _) => prefixed(alternate, "0x", format!("{n:X}")),
            ("o", Some(n), _) => prefixed(alternate, "0o", format!("{n:o}")),
            ("b", Some(n), _) => prefixed(alternate, "0b", format!("{n:b}")),
            ("e", _, Some(n)) => format!("{n:e}"),
            ("E", _, Some(n)) => format!("{n:E}"),
            (_, _, Some(n)) => match precision {
                Some(precision) => format!("{n:.precision$}"),
                None => value.text(),
            },
            _ => match (precision, value) {
                (Some(precision), Example::Str(text)) => text.chars().take(precision).collect(),
                _ => value.text(),
            },
        },
    };
    if spec.plus && number.is_some_and(|n| n >= 0.0) {
        body.insert(0, '+');
    }
    let Some(width) = width else {
        return body;
    };
    let len = body.chars().count();
    if len >= width {
        return body;
    }
    let padding = width - len;
    if spec.zero && number.is_some() {
        let sign = body.starts_with(['+', '-']).then(|| body.remove(0));
        let zeros = "0".repeat(padding);
        return sign.into_iter().collect::<String>() + &zeros + &body;
    }
    let align = spec
        .align
        .unwrap_or(if number.is_some() { '>' } else { '<' });
    let (before, after) = match align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let pad = |count: usize| spec.fill.unwrap_or(' ').to_string().repeat(count);
    pad(before) + &body + &pad(after)
}

/// `#x` writes `0x` before the digits.
fn prefixed(alternate: bool, prefix: &str, digits: String) -> String {
    if alternate {
        format!("{prefix}{digits}")
    } else {
        digits
    }
}
