//! Reads the helper attributes: `#[api(...)]`, `#[source]`, `#[from]`, doc
//! comments, and whether thiserror's `#[error(...)]` is present.
//!
//! Which keys exist, where they go and how each value is read is the table
//! in [`keys`](crate::keys); this module walks an attribute through it and
//! holds the readers of the values. Values stay syntax (`LitStr`, `Path`)
//! so that every later error can point at what the user wrote. A bad key or
//! value is recorded in the [`Ctxt`] and parsing carries on with the next
//! key.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::parse::discouraged::Speculative;
use syn::{Attribute, Ident, LitInt, LitStr, Meta, Path, Token};

use crate::case::RenameAll;
use crate::ctxt::Ctxt;
use crate::doc::{self, Doc};
use crate::example::{self, LitValue};
use crate::keys::{self, Key, Kind, Scope, closest};
use crate::status;

/// Where an attribute sits; it decides which keys are allowed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Enum,
    Variant,
    Struct,
    Field,
}

/// A key's value, as its reader in the table returns it.
#[derive(Clone)]
pub(crate) enum Value {
    /// A key written alone, `transparent`.
    Flag,
    Status(Status),
    Str(LitStr),
    Path(Path),
    Case(RenameAll),
    Example(example::Lit),
}

#[derive(Clone)]
pub(crate) enum Status {
    /// `status = 409`, already checked to be 400..=599.
    Code(u16),
    /// `status = StatusCode::CONFLICT`, a constant `http` defines, with its
    /// code, already checked to be 400..=599.
    Constant(Path, u16),
    /// Any other path, checked by a constant assertion.
    Path(Path),
}

impl Status {
    /// The code, where the derive knows it.
    pub(crate) fn code(&self) -> Option<u16> {
        match self {
            Status::Code(code) | Status::Constant(_, code) => Some(*code),
            Status::Path(_) => None,
        }
    }
}

/// A key as written: its row in the table, the key's token (for errors
/// about it) and its value.
#[derive(Clone)]
pub(crate) struct Given {
    pub(crate) key: &'static Key,
    pub(crate) ident: Ident,
    pub(crate) value: Value,
}

impl Given {
    pub(crate) fn text(&self) -> Option<&LitStr> {
        match &self.value {
            Value::Str(lit) => Some(lit),
            _ => None,
        }
    }

    pub(crate) fn status(&self) -> Option<&Status> {
        match &self.value {
            Value::Status(status) => Some(status),
            _ => None,
        }
    }

    pub(crate) fn path(&self) -> Option<&Path> {
        match &self.value {
            Value::Path(path) => Some(path),
            _ => None,
        }
    }

    pub(crate) fn case(&self) -> Option<RenameAll> {
        match &self.value {
            Value::Case(case) => Some(*case),
            _ => None,
        }
    }

    pub(crate) fn example(&self) -> Option<&example::Lit> {
        match &self.value {
            Value::Example(lit) => Some(lit),
            _ => None,
        }
    }
}

/// The `#[api(...)]` keys of one item, in the order written.
#[derive(Default)]
pub(crate) struct Keys {
    pub(crate) given: Vec<Given>,
    /// The keys written, whether or not their values were valid, so that a
    /// rejected value is not reported a second time as a missing key.
    written: Written,
}

enum Written {
    Keys(Vec<&'static str>),
    /// An attribute that could not be read, which may have held any key.
    Unknown,
}

impl Default for Written {
    fn default() -> Self {
        Written::Keys(Vec::new())
    }
}

impl Keys {
    /// The key `name`, if it was given with a valid value.
    pub(crate) fn get(&self, name: &str) -> Option<&Given> {
        self.given.iter().find(|given| given.key.name == name)
    }

    /// The value of the string key `name`.
    pub(crate) fn text(&self, name: &str) -> Option<&LitStr> {
        self.get(name)?.text()
    }

    /// Whether `key` was written, even with an invalid value (or possibly
    /// written, in an attribute that could not be read).
    pub(crate) fn written(&self, key: &str) -> bool {
        match &self.written {
            Written::Keys(keys) => keys.contains(&key),
            Written::Unknown => true,
        }
    }

    fn write(&mut self, key: &'static str) {
        if let Written::Keys(keys) = &mut self.written {
            keys.push(key);
        }
    }

    /// Moves the keys of `scope` out, with what was written of them: a
    /// struct's attribute holds the type's keys and its variant's.
    pub(crate) fn take_scope(&mut self, scope: Scope) -> Keys {
        let (taken, kept) = std::mem::take(&mut self.given)
            .into_iter()
            .partition(|given| given.key.scope == scope);
        self.given = kept;
        let written = match &self.written {
            Written::Keys(keys) => {
                let of_scope = |name: &&str| Key::named(name).is_some_and(|key| key.scope == scope);
                Written::Keys(keys.iter().copied().filter(of_scope).collect())
            }
            Written::Unknown => Written::Unknown,
        };
        Keys {
            given: taken,
            written,
        }
    }
}

/// The attributes of the type, a variant, or a struct.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) keys: Keys,
    /// The doc comment, in the parts the catalog keeps apart.
    pub(crate) doc: Doc,
    /// thiserror's `#[error(...)]`, if present: thiserror then provides
    /// `Display`, `Error` and `From`.
    pub(crate) thiserror: Option<ThiserrorDisplay>,
}

/// What the derive learns from a thiserror `#[error(...)]` attribute.
#[derive(Clone)]
pub(crate) struct ThiserrorDisplay {
    /// The format literal, shown as the message template in the catalog.
    pub(crate) template: Option<LitStr>,
    /// Whether format arguments follow the literal, or the attribute is
    /// `#[error(transparent)]`: a `Display` the derive cannot see through.
    pub(crate) opaque: bool,
    /// The attribute, for errors about it.
    pub(crate) attr: TokenStream,
}

/// The attributes of a field: thiserror's `#[source]` and `#[from]`, and
/// the `#[api(...)]` keys that say what the field contributes.
#[derive(Default)]
pub(crate) struct FieldAttrs<'a> {
    pub(crate) source: Option<&'a Attribute>,
    pub(crate) from: Option<&'a Attribute>,
    pub(crate) keys: Keys,
}

/// Reads the attributes of the type, a variant, or a struct.
pub(crate) fn get(cx: &Ctxt, attrs: &[Attribute], position: Position) -> Attrs {
    let mut out = Attrs::default();
    let mut doc = Vec::new();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("api") {
            parse_api(cx, attr, position, &mut out.keys);
        } else if path.is_ident("doc") {
            if let Some(line) = doc_line(attr) {
                doc.push(line);
            }
        } else if path.is_ident("error") {
            out.thiserror = Some(thiserror_display(attr));
        }
    }
    out.doc = doc::split(&doc);
    out
}

/// Reads the attributes of a field.
pub(crate) fn get_field<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> FieldAttrs<'a> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("api") {
            parse_api(cx, attr, Position::Field, &mut out.keys);
        } else if path.is_ident("source") {
            if !matches!(attr.meta, Meta::Path(_)) {
                cx.error_spanned_by(&attr.meta, "`#[source]` takes no arguments");
            } else if out.source.is_some() {
                cx.error_spanned_by(attr, "`#[source]` is given twice on this field; keep one");
            } else {
                out.source = Some(attr);
            }
        } else if path.is_ident("from") {
            // `#[from(...)]` and `#[from = ...]` belong to other derives.
            if !matches!(attr.meta, Meta::Path(_)) {
                continue;
            }
            if out.from.is_some() {
                cx.error_spanned_by(attr, "`#[from]` is given twice on this field; keep one");
            } else {
                out.from = Some(attr);
            }
        }
    }
    out
}

/// Reads one `#[api(...)]` through the table of keys.
fn parse_api(cx: &Ctxt, attr: &Attribute, position: Position, out: &mut Keys) {
    if !matches!(attr.meta, Meta::List(_)) {
        let example = match position {
            Position::Field => "#[api(retry_after)]",
            _ => "#[api(status = 404)]",
        };
        cx.error_spanned_by(
            &attr.meta,
            format_args!(
                "expected `#[api(...)]` with keys inside the parentheses, e.g. `{example}`"
            ),
        );
        out.written = Written::Unknown;
        return;
    }
    let result = attr.parse_nested_meta(|meta| {
        let input = meta.input;
        let Some(ident) = meta.path.get_ident().cloned() else {
            let example = match position {
                Position::Field => "extension",
                _ => "status",
            };
            cx.error_spanned_by(
                &meta.path,
                format_args!("expected a key such as `{example}`, found a path"),
            );
            skip_value(input);
            return Ok(());
        };
        let name = ident.to_string();
        let known = Key::named(&name);
        // A misplaced or misspelt key counts as written: the user gave it.
        if let Some(known) = known.filter(|known| known.scope != Scope::Field) {
            out.write(known.name);
        }
        let Some(key) = known.filter(|known| known.allowed_at(position)) else {
            if let Some(meant) = keys::misplaced(cx, &ident, position) {
                out.write(meant);
            }
            skip_value(input);
            return Ok(());
        };
        let value = match key.value {
            Kind::Flag => flag(cx, &ident, input),
            Kind::Value(read) => value(cx, key, &ident, input, read),
            Kind::FlagOrValue(read) if input.peek(Token![=]) => value(cx, key, &ident, input, read),
            Kind::FlagOrValue(_) => Some(Value::Flag),
        };
        let Some(value) = value else {
            return Ok(());
        };
        if !key.repeats && out.get(key.name).is_some() {
            cx.error_spanned_by(&ident, format_args!("`{ident}` is given twice; keep one"));
        } else {
            out.given.push(Given { key, ident, value });
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.syn_error(error);
        out.written = Written::Unknown;
    }
}

/// A key that takes no value, reporting any value given to it.
fn flag(cx: &Ctxt, key: &Ident, input: ParseStream) -> Option<Value> {
    if input.peek(Token![=]) || !(input.is_empty() || input.peek(Token![,])) {
        cx.error_spanned_by(
            rest(input),
            format_args!("`{key}` takes no value; write `#[api({key})]`"),
        );
    }
    Some(Value::Flag)
}

/// Parses `= <value>` after a key, reporting a missing `=` or value.
fn value(cx: &Ctxt, row: &Key, key: &Ident, input: ParseStream, read: keys::Read) -> Option<Value> {
    let example = row.example;
    let Ok(eq) = input.parse::<Token![=]>() else {
        cx.error_spanned_by(key, format_args!("`{key}` needs a value: `{example}`"));
        skip_value(input);
        return None;
    };
    if input.is_empty() || input.peek(Token![,]) {
        cx.error_spanned_by(
            eq,
            format_args!("expected a value after `{key} =`, e.g. `{example}`"),
        );
        return None;
    }
    let parsed = read(cx, input);
    if parsed.is_none() {
        skip_value(input);
        return None;
    }
    if input.is_empty() || input.peek(Token![,]) {
        return parsed;
    }
    // `status = 404 code = "x"` lacks a comma; `status = 400 + 4` is an
    // expression, which attribute values cannot be.
    let message = if input.peek(Ident::peek_any) {
        format!("expected `,` after the value of `{key}`; separate keys with `,`")
    } else {
        format!("the value of `{key}` must be a single literal or path, not an expression")
    };
    cx.error_spanned_by(rest(input), message);
    None
}

/// A code, checked later with the variant's default codes.
pub(crate) fn code(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let code = string(
        cx,
        input,
        "code must be a string literal, e.g. `code = \"user_not_found\"`",
    )?;
    Some(Value::Str(code))
}

/// A message; its placeholders are checked against the fields later.
pub(crate) fn message(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let message = string(
        cx,
        input,
        "message must be a string literal; use `{field}` placeholders for field values",
    )?;
    if message.value().trim().is_empty() {
        cx.error_spanned_by(
            &message,
            "message must not be empty; leave `message` out for the default",
        );
        return None;
    }
    Some(Value::Str(message))
}

pub(crate) fn title(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let title = string(
        cx,
        input,
        "title must be a string literal, e.g. `title = \"User Not Found\"`",
    )?;
    if title.value().trim().is_empty() {
        cx.error_spanned_by(&title, "title must not be empty");
        return None;
    }
    Some(Value::Str(title))
}

/// `status = 404`, or a `StatusCode` constant or other path.
pub(crate) fn status(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    read_status(cx, input).map(Value::Status)
}

fn read_status(cx: &Ctxt, input: ParseStream) -> Option<Status> {
    if input.peek(LitInt) {
        let lit: LitInt = input.parse().ok()?;
        if !lit.suffix().is_empty() {
            cx.error_spanned_by(
                &lit,
                format_args!(
                    "status must be a plain number, without a type suffix: write `status = {}`",
                    lit.base10_digits()
                ),
            );
            return None;
        }
        return match lit.base10_parse::<u16>() {
            Ok(code) if status::is_error(code) => Some(Status::Code(code)),
            _ => {
                cx.error_spanned_by(
                    &lit,
                    format_args!(
                        "status must be 400..=599 (a client or server error), found {}",
                        lit.base10_digits()
                    ),
                );
                None
            }
        };
    }
    if input.peek(LitStr) {
        let lit: LitStr = input.parse().ok()?;
        let hint = match lit.value().trim().parse::<u16>() {
            Ok(code) => format!("; write `status = {code}`"),
            Err(_) => String::new(),
        };
        cx.error_spanned_by(
            &lit,
            format_args!("status must be a number or a `StatusCode` constant, not a string{hint}"),
        );
        return None;
    }
    if (input.peek(Ident) || input.peek(Token![::]))
        && let Some(path) = whole_path(input)
    {
        return check_status_path(cx, path);
    }
    cx.error_spanned_by(
        rest(input),
        "expected a status code such as `404` or `StatusCode::NOT_FOUND`",
    );
    None
}

/// A status path ending in `StatusCode::<NAME>`, checked against the
/// constants `http` defines; any other path is left to the constant
/// assertion the expansion writes.
fn check_status_path(cx: &Ctxt, path: Path) -> Option<Status> {
    let mut segments = path.segments.iter().rev();
    let (Some(name), Some(owner)) = (segments.next(), segments.next()) else {
        return Some(Status::Path(path));
    };
    if owner.ident != "StatusCode" {
        return Some(Status::Path(path));
    }
    let name = name.ident.to_string();
    let message = match status::code(&name) {
        Some(code) if status::is_error(code) => return Some(Status::Constant(path, code)),
        Some(code) => format!(
            "status must be 400..=599 (a client or server error), found {code} (`StatusCode::{name}`)"
        ),
        None => match closest(&name, &status::error_names()) {
            Some(near) => {
                format!("`StatusCode` has no constant `{name}`; did you mean `StatusCode::{near}`?")
            }
            None => format!(
                "`StatusCode` has no constant `{name}`; write one such as `StatusCode::CONFLICT`"
            ),
        },
    };
    cx.error_spanned_by(&path, message);
    None
}

/// A problem type URI, or the prefix of one on the type.
pub(crate) fn type_uri(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let uri = string(
        cx,
        input,
        "type must be a string literal, e.g. `type = \"https://example.com/errors/\"`",
    )?;
    let value = uri.value();
    if value.is_empty() {
        cx.error_spanned_by(
            &uri,
            "type must not be empty; leave it out for `about:blank`",
        );
        return None;
    }
    // What RFC 3986 allows in a URI: unreserved and reserved characters,
    // and `%` starting a percent-encoded byte.
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
    if let Some(bad) = value.chars().find(|&c| !allowed(c)) {
        cx.error_spanned_by(
            &uri,
            format_args!("type must be a URI, which cannot contain {bad:?}; percent-encode it"),
        );
        return None;
    }
    let bytes = value.as_bytes();
    let escape = |at: usize| {
        bytes
            .get(at + 1..at + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    };
    if let Some(at) = (0..bytes.len()).find(|&at| bytes.get(at) == Some(&b'%') && !escape(at)) {
        let found = value
            .get(at..)
            .unwrap_or_default()
            .chars()
            .take(3)
            .collect::<String>();
        cx.error_spanned_by(
            &uri,
            format_args!(
                "type must be a URI, where `%` starts two hex digits (`%20`), found `{found}`"
            ),
        );
        return None;
    }
    Some(Value::Str(uri))
}

/// A header name, checked; kept as written, for documents (header names
/// are case-insensitive: `ast` lowercases it, as `http` stores them).
pub(crate) fn header_name(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let name = string(
        cx,
        input,
        "header must be a string literal, e.g. `header = \"X-Request-Id\"`",
    )?;
    let value = name.value();
    let is_token = |ch: char| ch.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(ch);
    if value.is_empty() {
        cx.error_spanned_by(&name, "header name must not be empty");
        return None;
    }
    if let Some(bad) = value.chars().find(|&ch| !is_token(ch)) {
        cx.error_spanned_by(
            &name,
            format_args!(
                "`{value}` is not a header name: it contains {bad:?}; use letters, digits and `-`"
            ),
        );
        return None;
    }
    let lower = value.to_ascii_lowercase();
    if matches!(lower.as_str(), "content-type" | "content-length") {
        cx.error_spanned_by(
            &name,
            format_args!("`{value}` is set from the body and its format; an error cannot set it"),
        );
        return None;
    }
    Some(Value::Str(name))
}

/// A field's example value: a string, a number (with its sign) or a
/// boolean literal; checked against the field's type and what it shows in
/// `check`.
pub(crate) fn example(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let wrong = "example must be a literal: a string, a number or `true`/`false`, e.g. `example = \"ada@example.com\"` or `example = 30`";
    let minus = input.parse::<Option<Token![-]>>().ok().flatten();
    let lit = match input.fork().parse::<syn::Lit>() {
        Ok(lit) => {
            let _ = input.parse::<syn::Lit>();
            lit
        }
        Err(_) => {
            let mut tokens = minus.map(ToTokens::into_token_stream).unwrap_or_default();
            tokens.extend(rest(input));
            cx.error_spanned_by(tokens, wrong);
            return None;
        }
    };
    let mut tokens = minus.map(ToTokens::into_token_stream).unwrap_or_default();
    lit.to_tokens(&mut tokens);
    let suffix = |suffix: &str, digits: &str| {
        (!suffix.is_empty()).then(|| {
            format!("write the example without a type suffix: `example = {digits}`; the field's type says which it is")
        })
    };
    let negate = |value: LitValue| match (minus.is_some(), value) {
        (false, value) => Some(value),
        (true, LitValue::Int(number)) => Some(LitValue::Int(-number)),
        (true, LitValue::Float(number)) => Some(LitValue::Float(-number)),
        (true, _) => None,
    };
    let value = match &lit {
        syn::Lit::Str(text) => Ok(LitValue::Str(text.value())),
        syn::Lit::Bool(value) => Ok(LitValue::Bool(value.value)),
        syn::Lit::Int(number) => match suffix(number.suffix(), number.base10_digits()) {
            Some(message) => Err(message),
            None => number
                .base10_parse::<i128>()
                .map(LitValue::Int)
                .map_err(|_| {
                    format!(
                        "the example `{}` is too large for any integer",
                        number.base10_digits()
                    )
                }),
        },
        syn::Lit::Float(number) => match suffix(number.suffix(), number.base10_digits()) {
            Some(message) => Err(message),
            None => match number.base10_parse::<f64>() {
                Ok(value) if value.is_finite() => Ok(LitValue::Float(value)),
                _ => Err(format!(
                    "the example `{}` is too large for a number",
                    number.base10_digits()
                )),
            },
        },
        syn::Lit::Char(ch) => Err(format!(
            "write the example as a string: `example = \"{}\"`",
            ch.value()
        )),
        _ => Err(wrong.to_owned()),
    };
    let value = match value.map(negate) {
        Ok(Some(value)) => value,
        Ok(None) => {
            cx.error_spanned_by(&tokens, "only a number takes a `-`");
            return None;
        }
        Err(message) => {
            cx.error_spanned_by(&tokens, message);
            return None;
        }
    };
    Some(Value::Example(example::Lit { value, tokens }))
}

/// The name of an extension member.
pub(crate) fn member_name(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let name = string(
        cx,
        input,
        "extension must be a string literal, e.g. `extension = \"balance\"`",
    )?;
    if name.value().is_empty() {
        cx.error_spanned_by(&name, "extension member name must not be empty");
        return None;
    }
    Some(Value::Str(name))
}

/// The gRPC codes an error may name (`google.rpc.Code`, but `OK`), each
/// with the runtime's `GrpcCode` variant.
const GRPC_CODES: [(&str, &str); 16] = [
    ("CANCELLED", "Cancelled"),
    ("UNKNOWN", "Unknown"),
    ("INVALID_ARGUMENT", "InvalidArgument"),
    ("DEADLINE_EXCEEDED", "DeadlineExceeded"),
    ("NOT_FOUND", "NotFound"),
    ("ALREADY_EXISTS", "AlreadyExists"),
    ("PERMISSION_DENIED", "PermissionDenied"),
    ("RESOURCE_EXHAUSTED", "ResourceExhausted"),
    ("FAILED_PRECONDITION", "FailedPrecondition"),
    ("ABORTED", "Aborted"),
    ("OUT_OF_RANGE", "OutOfRange"),
    ("UNIMPLEMENTED", "Unimplemented"),
    ("INTERNAL", "Internal"),
    ("UNAVAILABLE", "Unavailable"),
    ("DATA_LOSS", "DataLoss"),
    ("UNAUTHENTICATED", "Unauthenticated"),
];

/// `grpc = "ALREADY_EXISTS"`: a gRPC code, by its name.
pub(crate) fn grpc(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let code = string(
        cx,
        input,
        "grpc must be a string literal naming a gRPC code, e.g. `grpc = \"ALREADY_EXISTS\"`",
    )?;
    let name = code.value();
    if name == "OK" {
        cx.error_spanned_by(
            &code,
            "`OK` is not the code of an error: name the gRPC code of the failure, e.g. `FAILED_PRECONDITION`",
        );
        return None;
    }
    if grpc_variant(&name).is_none() {
        let names = GRPC_CODES.map(|(name, _)| name);
        let upper = name.to_ascii_uppercase();
        let hint = closest(&upper, &names).map_or_else(
            || format!("; it is one of `{}`", names.join("`, `")),
            |near| format!("; did you mean `{near}`?"),
        );
        cx.error_spanned_by(&code, format!("`{name}` is not a gRPC code{hint}"));
        return None;
    }
    Some(Value::Str(code))
}

/// `domain = "users.example.com"`: the domain of the type's codes, for
/// the error models that carry one; printable ASCII, as
/// `api_error::app::set_domain` takes it.
pub(crate) fn domain(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let domain = string(
        cx,
        input,
        "domain must be a string literal, e.g. `domain = \"users.example.com\"`",
    )?;
    let value = domain.value();
    if value.is_empty() || !value.bytes().all(|byte| byte.is_ascii_graphic()) {
        cx.error_spanned_by(
            &domain,
            format_args!(
                "domain must be printable ASCII without spaces, such as a service's name `users.example.com`, found {value:?}"
            ),
        );
        return None;
    }
    Some(Value::Str(domain))
}

/// The runtime's `GrpcCode` variant of the gRPC code `name`.
pub(crate) fn grpc_variant(name: &str) -> Option<&'static str> {
    let found = GRPC_CODES.iter().find(|(code, _)| *code == name);
    found.map(|(_, variant)| *variant)
}

/// A `WWW-Authenticate` challenge, checked to be a valid header value.
pub(crate) fn challenge(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let challenge = string(
        cx,
        input,
        "www_authenticate must be a string literal, e.g. `www_authenticate = \"Basic realm=\\\"api\\\"\"`",
    )?;
    let value = challenge.value();
    let valid = value
        .bytes()
        .all(|byte| byte == b' ' || byte == b'\t' || byte.is_ascii_graphic());
    if value.trim().is_empty() || value.trim() != value || !valid {
        cx.error_spanned_by(
            &challenge,
            "www_authenticate must be a header value: visible ASCII, with spaces only inside, e.g. `Bearer realm=\"api\"`",
        );
        return None;
    }
    Some(Value::Str(challenge))
}

/// The case of default codes.
pub(crate) fn rename_all(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let lit = string(
        cx,
        input,
        "rename_all must be a string literal, e.g. `rename_all = \"snake_case\"`",
    )?;
    let value = lit.value();
    match RenameAll::from_name(&value) {
        Some(case) => Some(Value::Case(case)),
        None => {
            let expected = RenameAll::NAMES.join("`, `");
            let message = match closest(&value, RenameAll::NAMES) {
                Some(near) => format!("unknown rename_all case `{value}`; did you mean `{near}`?"),
                None => format!("unknown rename_all case `{value}`; expected one of `{expected}`"),
            };
            cx.error_spanned_by(&lit, message);
            None
        }
    }
}

/// The path of the runtime crate, written as a string as serde's `crate` is.
pub(crate) fn crate_path(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    let lit = string(
        cx,
        input,
        "crate must be a string literal naming the api-error crate, e.g. `crate = \"my_api_error\"`",
    )?;
    match lit.parse::<Path>() {
        Ok(path) => Some(Value::Path(path)),
        Err(_) => {
            let value = lit.value();
            let message = if value.contains('-')
                && value.replace('-', "_").parse::<TokenStream>().is_ok()
            {
                format!(
                    "`{value}` is not a path: in Rust code a crate's `-` is `_`; write `crate = \"{}\"`",
                    value.replace('-', "_")
                )
            } else {
                format!(
                    "`{value}` is not a path; name the crate api-error is renamed to, e.g. `crate = \"my_api_error\"`"
                )
            };
            cx.error_spanned_by(&lit, message);
            None
        }
    }
}

/// The path of a `Format` type.
pub(crate) fn format(cx: &Ctxt, input: ParseStream) -> Option<Value> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse().ok()?;
        cx.error_spanned_by(
            &lit,
            format_args!(
                "format takes a type path, not a string: write `format = {}`",
                lit.value()
            ),
        );
        return None;
    }
    match whole_path(input) {
        Some(path) => Some(Value::Path(path)),
        None => {
            cx.error_spanned_by(
                rest(input),
                "format must be a path to a type implementing `api_error::Format`, e.g. `format = api_error::format::Flat`",
            );
            None
        }
    }
}

/// A path that is the whole value (up to a `,`), else `None` with nothing
/// consumed: the error then spans every token of the value.
fn whole_path(input: ParseStream) -> Option<Path> {
    let fork = input.fork();
    let path = fork.parse::<Path>().ok()?;
    if !(fork.is_empty() || fork.peek(Token![,])) {
        return None;
    }
    input.advance_to(&fork);
    Some(path)
}

/// Parses a string literal, or reports `message` on whatever stands there.
fn string(cx: &Ctxt, input: ParseStream, message: &str) -> Option<LitStr> {
    if input.peek(LitStr) {
        input.parse().ok()
    } else {
        cx.error_spanned_by(rest(input), message);
        None
    }
}

/// Consumes the rest of a key's value, up to the next `,`.
fn skip_value(input: ParseStream) {
    rest(input);
}

/// Consumes and returns the tokens up to the next top-level `,`.
fn rest(input: ParseStream) -> TokenStream {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        match input.parse::<proc_macro2::TokenTree>() {
            Ok(token) => tokens.extend([token]),
            Err(_) => break,
        }
    }
    tokens
}

/// The line of a `#[doc = "..."]` attribute, without the space that follows
/// `///`.
fn doc_line(attr: &Attribute) -> Option<String> {
    let Meta::NameValue(meta) = &attr.meta else {
        return None;
    };
    let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(lit),
        ..
    }) = &meta.value
    else {
        return None;
    };
    let line = lit.value();
    Some(line.strip_prefix(' ').map(str::to_owned).unwrap_or(line))
}

/// Reads `#[error("...", ...)]`: its format string, if it starts with one,
/// and whether anything else (format arguments, `transparent`) is there.
fn thiserror_display(attr: &Attribute) -> ThiserrorDisplay {
    let parsed = attr.parse_args_with(|input: ParseStream| {
        let lit = if input.peek(LitStr) {
            input.parse().ok()
        } else {
            None
        };
        let _ = input.parse::<Option<Token![,]>>();
        let rest = input.parse::<TokenStream>()?;
        Ok((lit, !rest.is_empty()))
    });
    let (template, extra) = parsed.unwrap_or((None, true));
    ThiserrorDisplay {
        opaque: extra || template.is_none(),
        template,
        attr: attr.to_token_stream(),
    }
}
