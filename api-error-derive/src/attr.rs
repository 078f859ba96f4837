//! Reads the helper attributes: `#[api(...)]`, `#[source]`, `#[from]`, doc
//! comments, and whether thiserror's `#[error(...)]` is present.
//!
//! Values stay syntax (`LitInt`, `LitStr`, `Path`) so that every later error
//! can point at what the user wrote. A bad key or value is recorded in the
//! [`Ctxt`] and parsing carries on with the next key.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::parse::discouraged::Speculative;
use syn::{Attribute, Ident, LitInt, LitStr, Meta, Path, Token};

use crate::case::RenameAll;
use crate::ctxt::Ctxt;
use crate::doc::{self, Doc};
use crate::status;

/// Where an attribute sits; it decides which keys are allowed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Enum,
    Variant,
    Struct,
    Field,
}

/// A value together with the key it was given under.
pub(crate) struct Keyed<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

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

/// The attributes of the type, a variant, or a struct.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) status: Option<Keyed<Status>>,
    pub(crate) code: Option<Keyed<LitStr>>,
    pub(crate) message: Option<Keyed<LitStr>>,
    pub(crate) title: Option<Keyed<LitStr>>,
    pub(crate) rename_all: Option<Keyed<RenameAll>>,
    pub(crate) format: Option<Keyed<Path>>,
    pub(crate) transparent: Option<Ident>,
    /// `skip_display`: the type's own `Display` and `Error` (hand-written,
    /// or from another derive) stand, and the derive writes neither.
    pub(crate) skip_display: Option<Ident>,
    /// `crate = "..."`: where the runtime crate is, for a renamed
    /// dependency.
    pub(crate) crate_path: Option<Keyed<Path>>,
    pub(crate) type_uri: Option<Keyed<LitStr>>,
    pub(crate) www_authenticate: Option<Keyed<LitStr>>,
    /// The doc comment, in the parts the catalog keeps apart.
    pub(crate) doc: Doc,
    /// thiserror's `#[error(...)]`, if present: thiserror then provides
    /// `Display`, `Error` and `From`.
    pub(crate) thiserror: Option<ThiserrorDisplay>,
    /// The keys written, whether or not their values were valid, so that a
    /// rejected value is not reported a second time as a missing key.
    pub(crate) written: Written,
}

pub(crate) enum Written {
    Keys(Vec<&'static str>),
    /// An attribute that could not be read, which may have held any key.
    Unknown,
}

impl Default for Written {
    fn default() -> Self {
        Written::Keys(Vec::new())
    }
}

impl Attrs {
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
}

/// What the derive learns from a thiserror `#[error(...)]` attribute.
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
    /// The sub-error list.
    pub(crate) errors: Option<Ident>,
    /// The field path the error is about.
    pub(crate) path: Option<Ident>,
    /// problem+json's `instance`.
    pub(crate) instance: Option<Ident>,
    /// The `Retry-After` delay.
    pub(crate) retry_after: Option<Ident>,
    /// The methods `Allow` lists.
    pub(crate) allow: Option<Ident>,
    /// Headers the field's value is sent in, with their lowercase names.
    pub(crate) headers: Vec<Keyed<LitStr>>,
    /// An extension member of the body, with its name if not the field's.
    pub(crate) extension: Option<Keyed<Option<LitStr>>>,
}

impl FieldAttrs<'_> {
    /// The `#[api(...)]` keys given, for errors about where they cannot go.
    pub(crate) fn api_keys(&self) -> Vec<&Ident> {
        let flags = [
            &self.errors,
            &self.path,
            &self.instance,
            &self.retry_after,
            &self.allow,
        ];
        let mut keys: Vec<&Ident> = flags.into_iter().flatten().collect();
        keys.extend(self.headers.iter().map(|header| &header.key));
        keys.extend(self.extension.iter().map(|extension| &extension.key));
        keys
    }
}

/// Where a key may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// On the type (a struct takes it too).
    Type,
    /// On a variant (a struct takes it too).
    Variant,
    /// On the type, as every variant's default, and on a variant.
    Both,
    /// On a field, saying what it contributes.
    Field,
}

/// A key of `#[api(...)]`: its name, where it goes, and how a value is
/// written, for the messages about it. Each is read in [`parse_api`] or
/// [`parse_field_api`]; the order here is the order messages list them in.
struct Key {
    name: &'static str,
    scope: Scope,
    example: &'static str,
}

const KEYS: &[Key] = &[
    key("status", Scope::Both, "status = 404"),
    key("code", Scope::Variant, "code = \"user_not_found\""),
    key(
        "message",
        Scope::Both,
        "message = \"The user {id} was not found.\"",
    ),
    key("title", Scope::Variant, "title = \"User Not Found\""),
    key("rename_all", Scope::Type, "rename_all = \"snake_case\""),
    key("format", Scope::Type, "format = api_error::format::Flat"),
    key("transparent", Scope::Variant, "transparent"),
    key("skip_display", Scope::Type, "skip_display"),
    key("crate", Scope::Type, "crate = \"my_api_error\""),
    key(
        "type",
        Scope::Both,
        "type = \"https://example.com/errors/\"",
    ),
    key(
        "www_authenticate",
        Scope::Both,
        "www_authenticate = \"Basic realm=\\\"api\\\"\"",
    ),
    key("errors", Scope::Field, "errors"),
    key("path", Scope::Field, "path"),
    key("instance", Scope::Field, "instance"),
    key("retry_after", Scope::Field, "retry_after"),
    key("allow", Scope::Field, "allow"),
    key("header", Scope::Field, "header = \"X-Request-Id\""),
    key("extension", Scope::Field, "extension = \"balance\""),
];

const fn key(name: &'static str, scope: Scope, example: &'static str) -> Key {
    Key {
        name,
        scope,
        example,
    }
}

impl Key {
    fn named(name: &str) -> Option<&'static Key> {
        KEYS.iter().find(|key| key.name == name)
    }

    fn allowed_at(&self, position: Position) -> bool {
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

/// The names of the keys allowed at `position`, in the table's order.
fn keys_at(position: Position) -> Vec<&'static str> {
    let allowed = KEYS.iter().filter(|key| key.allowed_at(position));
    allowed.map(|key| key.name).collect()
}

/// The example of the key `name`, for a message about its value.
fn example(name: &str) -> &'static str {
    Key::named(name).map_or("", |key| key.example)
}

/// Reads the attributes of the type, a variant, or a struct.
pub(crate) fn get(cx: &Ctxt, attrs: &[Attribute], position: Position) -> Attrs {
    let mut out = Attrs::default();
    let mut doc = Vec::new();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("api") {
            parse_api(cx, attr, position, &mut out);
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
            parse_field_api(cx, attr, &mut out);
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

fn parse_api(cx: &Ctxt, attr: &Attribute, position: Position, out: &mut Attrs) {
    if !matches!(attr.meta, Meta::List(_)) {
        cx.error_spanned_by(
            &attr.meta,
            "expected `#[api(...)]` with keys inside the parentheses, e.g. `#[api(status = 404)]`",
        );
        out.written = Written::Unknown;
        return;
    }
    let result = attr.parse_nested_meta(|meta| {
        let input = meta.input;
        let Some(key) = meta.path.get_ident().cloned() else {
            cx.error_spanned_by(&meta.path, "expected a key such as `status`, found a path");
            skip_value(input);
            return Ok(());
        };
        let name = key.to_string();
        // A misplaced or misspelt key counts as written: the user gave it.
        if let Some(known) = Key::named(&name).filter(|known| known.scope != Scope::Field) {
            out.write(known.name);
        }
        if !Key::named(&name).is_some_and(|known| known.allowed_at(position)) {
            if let Some(meant) = misplaced_key(cx, &key, position) {
                out.write(meant);
            }
            skip_value(input);
            return Ok(());
        }
        match name.as_str() {
            "transparent" => flag(cx, key, input, &mut out.transparent),
            "crate" => {
                if let Some(path) = value(cx, &key, input, parse_crate_path) {
                    set(cx, &mut out.crate_path, key.clone(), Keyed { key, value: path });
                }
            }
            "skip_display" => flag(cx, key, input, &mut out.skip_display),
            "status" => {
                if let Some(status) = value(cx, &key, input, parse_status) {
                    set(cx, &mut out.status, key.clone(), Keyed { key, value: status });
                }
            }
            "code" => {
                if let Some(code) = value(cx, &key, input, |cx, input| {
                    string(cx, input, "code must be a string literal, e.g. `code = \"user_not_found\"`")
                }) {
                    set(cx, &mut out.code, key.clone(), Keyed { key, value: code });
                }
            }
            "message" => {
                if let Some(message) = value(cx, &key, input, |cx, input| {
                    let message = string(
                        cx,
                        input,
                        "message must be a string literal; use `{field}` placeholders for field values",
                    )?;
                    if message.value().trim().is_empty() {
                        cx.error_spanned_by(&message, "message must not be empty; leave `message` out for the default");
                        return None;
                    }
                    Some(message)
                }) {
                    set(cx, &mut out.message, key.clone(), Keyed { key, value: message });
                }
            }
            "title" => {
                if let Some(title) = value(cx, &key, input, |cx, input| {
                    let title = string(cx, input, "title must be a string literal, e.g. `title = \"User Not Found\"`")?;
                    if title.value().trim().is_empty() {
                        cx.error_spanned_by(&title, "title must not be empty");
                        return None;
                    }
                    Some(title)
                }) {
                    set(cx, &mut out.title, key.clone(), Keyed { key, value: title });
                }
            }
            "type" => {
                if let Some(uri) = value(cx, &key, input, parse_type_uri) {
                    set(cx, &mut out.type_uri, key.clone(), Keyed { key, value: uri });
                }
            }
            "rename_all" => {
                if let Some(case) = value(cx, &key, input, parse_rename_all) {
                    set(cx, &mut out.rename_all, key.clone(), Keyed { key, value: case });
                }
            }
            "format" => {
                if let Some(path) = value(cx, &key, input, parse_format) {
                    set(cx, &mut out.format, key.clone(), Keyed { key, value: path });
                }
            }
            "www_authenticate" => {
                if let Some(challenge) = value(cx, &key, input, parse_challenge) {
                    set(cx, &mut out.www_authenticate, key.clone(), Keyed { key, value: challenge });
                }
            }
            // `keys_at` lists no other key.
            _ => skip_value(input),
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.syn_error(error);
        out.written = Written::Unknown;
    }
}

fn parse_field_api<'a>(cx: &Ctxt, attr: &Attribute, out: &mut FieldAttrs<'a>) {
    if !matches!(attr.meta, Meta::List(_)) {
        cx.error_spanned_by(
            &attr.meta,
            "expected `#[api(...)]` with keys inside the parentheses, e.g. `#[api(retry_after)]`",
        );
        return;
    }
    let result = attr.parse_nested_meta(|meta| {
        let input = meta.input;
        let Some(key) = meta.path.get_ident().cloned() else {
            cx.error_spanned_by(
                &meta.path,
                "expected a key such as `extension`, found a path",
            );
            skip_value(input);
            return Ok(());
        };
        let flag = |slot: &mut Option<Ident>| {
            if input.peek(Token![=]) {
                cx.error_spanned_by(
                    rest(input),
                    format_args!("`{key}` takes no value; write `#[api({key})]`"),
                );
            }
            set(cx, slot, key.clone(), key.clone());
        };
        match key.to_string().as_str() {
            "errors" => flag(&mut out.errors),
            "path" => flag(&mut out.path),
            "instance" => flag(&mut out.instance),
            "retry_after" => flag(&mut out.retry_after),
            "allow" => flag(&mut out.allow),
            "header" => {
                if let Some(name) = value(cx, &key, input, parse_header_name) {
                    out.headers.push(Keyed { key, value: name });
                }
            }
            "extension" => {
                let name = if input.peek(Token![=]) {
                    match value(cx, &key, input, parse_member_name) {
                        Some(name) => Some(name),
                        None => return Ok(()),
                    }
                } else {
                    None
                };
                set(
                    cx,
                    &mut out.extension,
                    key.clone(),
                    Keyed { key, value: name },
                );
            }
            _ => {
                misplaced_key(cx, &key, Position::Field);
                skip_value(input);
            }
        }
        Ok(())
    });
    if let Err(error) = result {
        cx.syn_error(error);
    }
}

/// Stores a key that takes no value (`transparent`, `skip_display`),
/// reporting any value given to it.
fn flag(cx: &Ctxt, key: Ident, input: ParseStream, slot: &mut Option<Ident>) {
    if input.peek(Token![=]) || !(input.is_empty() || input.peek(Token![,])) {
        cx.error_spanned_by(
            rest(input),
            format_args!("`{key}` takes no value; write `#[api({key})]`"),
        );
    }
    set(cx, slot, key.clone(), key);
}

/// Stores a key's value, or reports the key as given twice.
fn set<T>(cx: &Ctxt, slot: &mut Option<T>, key: Ident, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(&key, format_args!("`{key}` is given twice; keep one"));
    } else {
        *slot = Some(value);
    }
}

/// Parses `= <value>` after a key, reporting a missing `=` or value.
fn value<T>(
    cx: &Ctxt,
    key: &Ident,
    input: ParseStream,
    parse: impl FnOnce(&Ctxt, ParseStream) -> Option<T>,
) -> Option<T> {
    let example = example(&key.to_string());
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
    let parsed = parse(cx, input);
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

fn parse_status(cx: &Ctxt, input: ParseStream) -> Option<Status> {
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
            Ok(code @ 400..=599) => Some(Status::Code(code)),
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
        Some(code @ 400..=599) => return Some(Status::Constant(path, code)),
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

fn parse_type_uri(cx: &Ctxt, input: ParseStream) -> Option<LitStr> {
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
    Some(uri)
}

/// A header name, checked and lowercased (header names are case-insensitive,
/// and `http` stores them lowercase).
fn parse_header_name(cx: &Ctxt, input: ParseStream) -> Option<LitStr> {
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
    Some(LitStr::new(&lower, name.span()))
}

fn parse_member_name(cx: &Ctxt, input: ParseStream) -> Option<LitStr> {
    let name = string(
        cx,
        input,
        "extension must be a string literal, e.g. `extension = \"balance\"`",
    )?;
    if name.value().is_empty() {
        cx.error_spanned_by(&name, "extension member name must not be empty");
        return None;
    }
    Some(name)
}

/// A `WWW-Authenticate` challenge, checked to be a valid header value.
fn parse_challenge(cx: &Ctxt, input: ParseStream) -> Option<LitStr> {
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
    Some(challenge)
}

fn parse_rename_all(cx: &Ctxt, input: ParseStream) -> Option<RenameAll> {
    let lit = string(
        cx,
        input,
        "rename_all must be a string literal, e.g. `rename_all = \"snake_case\"`",
    )?;
    let value = lit.value();
    match RenameAll::from_name(&value) {
        Some(case) => Some(case),
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
fn parse_crate_path(cx: &Ctxt, input: ParseStream) -> Option<Path> {
    let lit = string(
        cx,
        input,
        "crate must be a string literal naming the api-error crate, e.g. `crate = \"my_api_error\"`",
    )?;
    match lit.parse::<Path>() {
        Ok(path) => Some(path),
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

fn parse_format(cx: &Ctxt, input: ParseStream) -> Option<Path> {
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
        Some(path) => Some(path),
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

/// Reports a key that is unknown, or known but not allowed where it is;
/// returns the key a misspelt one was probably meant to be.
fn misplaced_key(cx: &Ctxt, key: &Ident, position: Position) -> Option<&'static str> {
    let name = key.to_string();
    let mut meant = None;
    let message = match (Key::named(&name).map(|known| known.scope), position) {
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
