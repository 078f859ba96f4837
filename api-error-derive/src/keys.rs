//! Every key of `#[api(...)]`, declared once.
//!
//! A row says the key's name, where it may be written, how its value is
//! read, an example of it, and for a field key what the field then
//! contributes to the error. Parsing (`attr`), the messages about
//! misplaced and misspelt keys, the duplicate checks (`check`) and the
//! code written for a field key (`expand`) all read this table; see the
//! crate's docs for the walk-through of adding a key.

use syn::parse::ParseStream;

use crate::attr::{self, Position, Value};
use crate::ctxt::Ctxt;

/// A key of `#[api(...)]`.
pub(crate) struct Key {
    pub(crate) name: &'static str,
    pub(crate) scope: Scope,
    pub(crate) value: Kind,
    /// How the key is written, for messages about it.
    pub(crate) example: &'static str,
    /// Whether a field may give the key more than once (`header`).
    pub(crate) repeats: bool,
    /// What a field with this key contributes; `None` for the other keys.
    pub(crate) contributes: Option<Contributes>,
}

/// Where a key may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// On the type (a struct takes it too).
    Type,
    /// On a variant (a struct takes it too).
    Variant,
    /// On the type, as every variant's default, and on a variant.
    Both,
    /// On a field, saying what it contributes.
    Field,
}

/// How a key's value is written.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// No value: `#[api(transparent)]`.
    Flag,
    /// `key = <value>`, read by the function, which reports what is wrong.
    Value(Read),
    /// Either: `#[api(extension)]` or `#[api(extension = "name")]`.
    FlagOrValue(Read),
}

pub(crate) type Read = fn(&Ctxt, ParseStream) -> Option<Value>;

/// What a field contributes to the error when it has a key.
///
/// Every name here is an item of the runtime crate's `__private` module.
#[derive(Clone, Copy)]
pub(crate) enum Contributes {
    /// The answer of the `ApiError` method `method`, which returns
    /// `returns`: the field, viewed through the trait `via`'s method
    /// `as_<method>`.
    Answer {
        method: &'static str,
        via: &'static str,
        returns: &'static str,
        /// What it is, for the message about two fields giving it.
        what: &'static str,
    },
    /// A header: `name`, or the one the key's value names, set by the
    /// function `write` from a value implementing `bound` (a path); for a
    /// fixed `name`, `write` takes no name.
    Header {
        name: Option<&'static str>,
        write: &'static str,
        bound: &'static str,
    },
    /// A member of the body, named by the key's value or after the field;
    /// its value must implement [`MEMBER_BOUND`].
    Member,
}

/// What the value of a body member must implement.
pub(crate) const MEMBER_BOUND: &str = "__api_error::__private::serde::Serialize";

pub(crate) const KEYS: &[Key] = &[
    key("status", Scope::Both, value(attr::status), "status = 404"),
    key(
        "code",
        Scope::Variant,
        value(attr::code),
        "code = \"user_not_found\"",
    ),
    key(
        "message",
        Scope::Both,
        value(attr::message),
        "message = \"The user {id} was not found.\"",
    ),
    key(
        "title",
        Scope::Variant,
        value(attr::title),
        "title = \"User Not Found\"",
    ),
    key(
        "rename_all",
        Scope::Type,
        value(attr::rename_all),
        "rename_all = \"snake_case\"",
    ),
    key(
        "format",
        Scope::Type,
        value(attr::format),
        "format = api_error::format::Flat",
    ),
    key("transparent", Scope::Variant, Kind::Flag, "transparent"),
    key("skip_display", Scope::Type, Kind::Flag, "skip_display"),
    key(
        "crate",
        Scope::Type,
        value(attr::crate_path),
        "crate = \"my_api_error\"",
    ),
    key(
        "type",
        Scope::Both,
        value(attr::type_uri),
        "type = \"https://example.com/errors/\"",
    ),
    key(
        "www_authenticate",
        Scope::Both,
        value(attr::challenge),
        "www_authenticate = \"Basic realm=\\\"api\\\"\"",
    ),
    key(
        "grpc",
        Scope::Both,
        value(attr::grpc),
        "grpc = \"ALREADY_EXISTS\"",
    ),
    key(
        "domain",
        Scope::Type,
        value(attr::domain),
        "domain = \"users.example.com\"",
    ),
    field(
        "errors",
        Kind::Flag,
        "errors",
        Contributes::Answer {
            method: "errors",
            via: "AsErrors",
            returns: "&[__api_error::__private::FieldError]",
            what: "the sub-error list (`errors`)",
        },
    ),
    field(
        "path",
        Kind::Flag,
        "path",
        Contributes::Answer {
            method: "path",
            via: "AsPath",
            returns: "::core::option::Option<&__api_error::__private::FieldPath>",
            what: "the field path (`path`)",
        },
    ),
    field(
        "instance",
        Kind::Flag,
        "instance",
        Contributes::Answer {
            method: "instance",
            via: "AsInstance",
            returns: "::core::option::Option<&::core::primitive::str>",
            what: "the `instance`",
        },
    ),
    field(
        "retry_after",
        Kind::Flag,
        "retry_after",
        Contributes::Header {
            name: Some("retry-after"),
            write: "retry_after",
            bound: "__api_error::__private::RetryAfter",
        },
    ),
    field(
        "allow",
        Kind::Flag,
        "allow",
        Contributes::Header {
            name: Some("allow"),
            write: "allow",
            bound: "__api_error::__private::Methods",
        },
    ),
    Key {
        repeats: true,
        ..field(
            "header",
            value(attr::header_name),
            "header = \"X-Request-Id\"",
            Contributes::Header {
                name: None,
                write: "insert_display",
                bound: "::core::fmt::Display",
            },
        )
    },
    field(
        "extension",
        Kind::FlagOrValue(attr::member_name),
        "extension = \"balance\"",
        Contributes::Member,
    ),
    // Contributes nothing to the error: documents show the field by it.
    key(
        "example",
        Scope::Field,
        value(attr::example),
        "example = \"ada@example.com\"",
    ),
];

const fn key(name: &'static str, scope: Scope, value: Kind, example: &'static str) -> Key {
    Key {
        name,
        scope,
        value,
        example,
        repeats: false,
        contributes: None,
    }
}

const fn field(
    name: &'static str,
    value: Kind,
    example: &'static str,
    contributes: Contributes,
) -> Key {
    Key {
        contributes: Some(contributes),
        ..key(name, Scope::Field, value, example)
    }
}

const fn value(read: Read) -> Kind {
    Kind::Value(read)
}

impl Key {
    pub(crate) fn named(name: &str) -> Option<&'static Key> {
        KEYS.iter().find(|key| key.name == name)
    }

    pub(crate) fn allowed_at(&self, position: Position) -> bool {
        match (self.scope, position) {
            (Scope::Field, position) => position == Position::Field,
            (_, Position::Field) => false,
            // A struct is a type and its one variant at once.
            (_, Position::Struct) | (Scope::Both, _) => true,
            (Scope::Type, Position::Enum) | (Scope::Variant, Position::Variant) => true,
            _ => false,
        }
    }
}

/// How a header is named in messages: as HTTP spells the ones the derive
/// knows, else lowercase.
pub(crate) fn header_in_message(name: &str) -> String {
    match registered_header(name) {
        Some(known) => format!("`{known}`"),
        None => format!("the header `{name}`"),
    }
}

/// A header's name as RFC 9110 spells it, for the ones the derive knows.
pub(crate) fn registered_header(name: &str) -> Option<&'static str> {
    ["Retry-After", "Allow", "WWW-Authenticate"]
        .into_iter()
        .find(|known| known.eq_ignore_ascii_case(name))
}

/// The names of the keys allowed at `position`, in the table's order.
fn keys_at(position: Position) -> Vec<&'static str> {
    let allowed = KEYS.iter().filter(|key| key.allowed_at(position));
    allowed.map(|key| key.name).collect()
}

/// Reports a key that is unknown, or known but not allowed where it is;
/// returns the key a misspelt one was probably meant to be.
pub(crate) fn misplaced(cx: &Ctxt, key: &syn::Ident, position: Position) -> Option<&'static str> {
    let name = key.to_string();
    let mut meant = None;
    let message = match (Key::named(&name).map(|known| known.scope), position) {
        (Some(Scope::Field), _) if name == "example" => {
            "`example` gives a field's example value, for documents; put it on a field: `#[api(example = \"ada@example.com\")]`".to_owned()
        }
        (Some(Scope::Field), _) => {
            format!("`{name}` says what a field contributes; put it on a field: `#[api({name})]`")
        }
        (Some(_), Position::Field) => {
            format!(
                "`{name}` describes the error, not a field; move it to the variant's `#[api(...)]`"
            )
        }
        (Some(Scope::Type), Position::Variant) => {
            format!("`{name}` applies to the whole type; move it to the `#[api(...)]` on the enum")
        }
        (Some(Scope::Variant), Position::Enum) if name == "transparent" => {
            "`transparent` applies to a variant with one field; move it onto that variant"
                .to_owned()
        }
        (Some(Scope::Variant), Position::Enum) => {
            format!("`{name}` describes one variant; move it to that variant's `#[api(...)]`")
        }
        _ => {
            let error_keys: Vec<&str> = KEYS
                .iter()
                .filter(|known| known.scope != Scope::Field)
                .map(|known| known.name)
                .collect();
            meant = closest(&name, &keys_at(position)).or_else(|| closest(&name, &error_keys));
            match meant {
                Some(near) => format!("unknown key `{name}`; did you mean `{near}`?"),
                None => format!(
                    "unknown key `{name}`; expected one of `{}`",
                    keys_at(position).join("`, `")
                ),
            }
        }
    };
    cx.error_spanned_by(key, message);
    meant
}

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo: the same letters but for case, `_` and `-` (`snakecase`), a
/// shortening of it (`snake`), or a few edits away (`stauts`).
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let normalize = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|ch| ch.to_ascii_lowercase())
            .collect()
    };
    let word_normal = normalize(word);
    let same_letters = candidates.iter().find(|candidate| {
        let candidate = normalize(candidate);
        candidate == word_normal || (word_normal.len() >= 4 && candidate.starts_with(&word_normal))
    });
    if let Some(candidate) = same_letters {
        return Some(candidate);
    }
    let limit = if word.chars().count() < 5 { 1 } else { 2 };
    candidates
        .iter()
        .map(|candidate| (distance(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance counting insertions, deletions, substitutions and swaps of
/// adjacent characters (optimal string alignment).
#[allow(clippy::indexing_slicing)] // Every index is within the table built here.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // d[i][j]: the distance between the first i chars of a and the first j of b.
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}
