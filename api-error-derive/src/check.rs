//! Rules that need more than one key: every variant has a status, codes are
//! valid and unique, `transparent`, `#[from]` and `#[source]` are used where
//! they make sense.

use std::collections::BTreeMap;
use std::mem;

use quote::ToTokens;

use crate::ast::{Code, Contribution, Field, Input, Message, Variant};
use crate::attr::Keys;
use crate::ctxt::Ctxt;
use crate::example::{Kind, LitValue};
use crate::fmt;
use crate::keys::{self, Contributes};
use crate::status;

pub(crate) fn check(cx: &Ctxt, input: &Input) {
    let mut codes = BTreeMap::new();
    for variant in &input.variants {
        if variant.transparent.is_some() {
            check_transparent(cx, variant);
        } else {
            check_status(cx, input, variant);
            check_code(cx, input, variant, &mut codes);
            check_contributions(cx, variant);
            check_client_display(cx, variant);
            check_examples(cx, variant);
        }
        if input.writes_std_impls {
            check_sources(cx, input, variant);
        }
    }
    if input.writes_std_impls {
        check_from_types(cx, input);
    }
}

fn check_status(cx: &Ctxt, input: &Input, variant: &Variant) {
    // A status (or `transparent`) written with a mistake was reported already.
    let written = |keys: &Keys| keys.written("status") || keys.written("transparent");
    if variant.status.is_some() || written(&variant.attrs.keys) || written(&input.attrs.keys) {
        return;
    }
    let message = if input.is_struct {
        format!(
            "`{}` has no status; give it one with `#[api(status = ...)]`",
            variant.ident
        )
    } else {
        format!(
            "`{}` has no status; give it one with `#[api(status = ...)]`, or give `{}` a default one",
            variant.ident, input.ident
        )
    };
    cx.error_spanned_by(variant.ident, message);
}

/// The variant that first used each code, and whether it chose it explicitly.
type Codes<'v, 'a> = BTreeMap<String, &'v Variant<'a>>;

fn check_code<'v, 'a>(
    cx: &Ctxt,
    input: &Input,
    variant: &'v Variant<'a>,
    codes: &mut Codes<'v, 'a>,
) {
    // An invalid `code` was reported; its default would only mislead.
    let Some(Code {
        text: code,
        written,
    }) = &variant.code
    else {
        return;
    };
    // A struct's `code` is its only code: a case for default codes would
    // change nothing.
    if let (true, Some(_), Some(rename_all)) =
        (input.is_struct, written, input.attrs.keys.get("rename_all"))
    {
        cx.error_spanned_by(
            &rename_all.ident,
            "`rename_all` has no effect: `code` names the struct's code; keep one",
        );
    }
    if code.is_empty() {
        match written {
            Some(lit) => {
                cx.error_spanned_by(lit, "code must not be empty, e.g. `code = \"not_found\"`")
            }
            // A name of underscores alone has no words to make a code of.
            None => cx.error_spanned_by(
                variant.ident,
                format_args!(
                    "`{}` gets an empty default code, as its name has no letters or digits; set `code = \"...\"`",
                    variant.ident
                ),
            ),
        }
        return;
    }
    if let Some(bad) = forbidden_char(code) {
        let rule = "codes may use only ASCII letters, digits, `_`, `-`, `.` and `:`";
        match written {
            Some(lit) => cx.error_spanned_by(lit, format_args!("code `{code}` contains {bad}; {rule}")),
            None => cx.error_spanned_by(
                variant.ident,
                format_args!(
                    "`{}` gets the default code `{code}`, which contains {bad}; {rule}; set `code = \"...\"`",
                    variant.ident
                ),
            ),
        }
        return;
    }
    let Some(first) = codes.get(code.as_str()) else {
        codes.insert(code.clone(), variant);
        return;
    };
    let owner = &input.ident;
    match written {
        Some(lit) => cx.error_spanned_by(
            lit,
            format_args!(
                "code `{code}` is already used by `{}`; codes must be unique within `{owner}`",
                first.ident
            ),
        ),
        None => cx.error_spanned_by(
            variant.ident,
            format_args!(
                "`{}` gets the default code `{code}`, which `{}` already uses; give one of them another `code`",
                variant.ident, first.ident
            ),
        ),
    }
    // Point at the first use as well, so both places are in view.
    let first_span = match first.code.as_ref().and_then(|code| code.written.as_ref()) {
        Some(lit) => lit.to_token_stream(),
        None => first.ident.to_token_stream(),
    };
    cx.error_spanned_by(
        first_span,
        format_args!("code `{code}` first used here, by `{}`", first.ident),
    );
}

/// The first character of `code` that codes may not use, described.
fn forbidden_char(code: &str) -> Option<String> {
    let bad = code
        .chars()
        .find(|&ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-' | '.' | ':')))?;
    Some(match bad {
        ' ' => "a space".to_owned(),
        bad => format!("{bad:?}"),
    })
}

fn check_transparent(cx: &Ctxt, variant: &Variant) {
    let Some(transparent) = &variant.transparent else {
        return;
    };
    match variant.fields.len() {
        1 => {}
        0 => cx.error_spanned_by(
            transparent,
            format_args!(
                "`transparent` needs exactly one field to delegate to; `{}` has none",
                variant.ident
            ),
        ),
        count => cx.error_spanned_by(
            transparent,
            format_args!(
                "`transparent` needs exactly one field to delegate to; `{}` has {count}",
                variant.ident
            ),
        ),
    }
    let own = variant.attrs.keys.given.iter();
    let others = own.filter(|given| given.key.name != "transparent");
    let field_keys = variant
        .fields
        .iter()
        .flat_map(|field| &field.attrs.keys.given);
    for given in others.chain(field_keys) {
        cx.error_spanned_by(
            &given.ident,
            format_args!(
                "`{}` cannot be combined with `transparent`, which takes everything from the inner error",
                given.ident
            ),
        );
    }
}

/// A variant has one of each thing its fields contribute: one sub-error
/// list, one path, one of each header (whether a key of its own sets it,
/// as `retry_after` sets `Retry-After`, or `header` does) and one of each
/// extension member.
fn check_contributions(cx: &Ctxt, variant: &Variant) {
    let mut seen: Vec<&Contribution> = Vec::new();
    for contribution in &variant.contributions {
        let is_header = matches!(contribution.kind, Contributes::Header { .. });
        let same = |other: &&Contribution| {
            mem::discriminant(&other.kind) == mem::discriminant(&contribution.kind)
                && other.name == contribution.name
        };
        if let (Some(challenge), true, "www-authenticate") =
            (&variant.challenge, is_header, contribution.name.as_str())
        {
            cx.error_spanned_by(
                &contribution.span,
                format_args!(
                    "`WWW-Authenticate` is already set by the `{}` key; keep one of the two",
                    challenge.ident
                ),
            );
        } else if seen.iter().any(same) {
            let what = match contribution.kind {
                Contributes::Answer { what, .. } => what.to_owned(),
                Contributes::Header { .. } => keys::header_in_message(&contribution.name),
                Contributes::Member => format!("the extension member `{}`", contribution.name),
            };
            cx.error_spanned_by(
                &contribution.span,
                format_args!(
                    "{what} is given by two fields of `{}`; keep one",
                    variant.ident
                ),
            );
        } else {
            seen.push(contribution);
        }
    }
}

/// A client error without a `message` shows thiserror's `Display` to the
/// client: it must not be one that can print the error's source, or that
/// the derive cannot see through.
fn check_client_display(cx: &Ctxt, variant: &Variant) {
    let (Message::Display(Some(display)), Some(code)) = (&variant.message, variant.known_status())
    else {
        return;
    };
    if !status::shows_display(code) {
        return;
    }
    let fix = "give the variant a `message` of its own: `#[api(message = \"...\")]`";
    let Some(template) = display.template.as_ref().filter(|_| !display.opaque) else {
        let why = match display.template {
            None => "which prints the inner error's own text",
            Some(_) => "whose format arguments the derive cannot see through",
        };
        cx.error_spanned_by(
            &display.attr,
            format_args!(
                "this client error's public message would be this `#[error]`, {why}; {fix}"
            ),
        );
        return;
    };
    let source = variant.source_field().map(Field::name);
    for argument in fmt::placeholder_arguments(&template.value()) {
        let is_field = variant.fields.iter().any(|field| field.name() == argument);
        let why = if source.as_deref() == Some(argument) {
            format!("`{{{argument}}}`, the error's source")
        } else if is_field {
            continue;
        } else {
            format!("`{{{argument}}}`, which the derive cannot see through")
        };
        cx.error_spanned_by(
            template,
            format_args!(
                "this client error's public message would be this `#[error]`, which prints {why}; {fix}"
            ),
        );
        return;
    }
}

/// A field's `example` shows the field somewhere (a placeholder of the
/// message, a header, an extension member, the path or the instance), and
/// is a value of what it shows: of the field's type, or for `Retry-After`
/// a number of seconds, for `Allow`, the path and the instance a string.
fn check_examples(cx: &Ctxt, variant: &Variant) {
    for (index, field) in variant.fields.iter().enumerate() {
        let Some(given) = field.attrs.keys.get("example") else {
            continue;
        };
        let Some(lit) = given.example() else {
            continue;
        };
        let contributions: Vec<&Contribution> = variant
            .contributions
            .iter()
            .filter(|contribution| contribution.field == index)
            .collect();
        if contributions
            .iter()
            .any(|contribution| contribution.answers("errors"))
        {
            cx.error_spanned_by(
                &given.ident,
                "the sub-error list (`errors`) takes no `example`: documents show the error without sub-errors",
            );
            continue;
        }
        let name = field.name();
        if contributions.is_empty() && !in_message(variant, index, &name) {
            cx.error_spanned_by(
                &given.ident,
                format_args!(
                    "`example` has no effect here: no placeholder of the message, header or extension member shows `{name}`; remove it"
                ),
            );
            continue;
        }
        let shown_as = contributions.iter().find_map(|contribution| {
            match (contribution.kind, contribution.name.as_str()) {
                (Contributes::Header { .. }, "retry-after") => Some(Shown::Seconds),
                (Contributes::Header { .. }, "allow") => Some(Shown::Text(
                    "`Allow` lists methods in a string",
                    "\"GET, HEAD\"",
                )),
                (Contributes::Answer { method: "path", .. }, _) => {
                    Some(Shown::Text("a field path is a string", "\"items[0].sku\""))
                }
                (
                    Contributes::Answer {
                        method: "instance", ..
                    },
                    _,
                ) => Some(Shown::Text("an `instance` is a string", "\"/orders/7\"")),
                _ => None,
            }
        });
        if let Some(message) = mismatch(shown_as, &field.kind, &lit.value, field) {
            cx.error_spanned_by(&lit.tokens, message);
        }
    }
}

/// What a field with an `example` shows, where its type does not say.
#[derive(Clone, Copy)]
enum Shown {
    /// `Retry-After`: a number of seconds.
    Seconds,
    /// A string: what it is, and an example.
    Text(&'static str, &'static str),
}

/// Why `value` cannot be the example of a field of `kind` that shows as
/// `shown_as`, if it cannot.
fn mismatch(
    shown_as: Option<Shown>,
    kind: &Kind,
    value: &LitValue,
    field: &Field,
) -> Option<String> {
    let ty = type_name(field.ty);
    let found = value.what();
    match (shown_as, kind, value) {
        (Some(Shown::Seconds), Kind::Integer { .. } | Kind::Unknown, LitValue::Int(seconds))
            if *seconds >= 0 =>
        {
            range(kind, *seconds)
        }
        (Some(Shown::Seconds), ..) => Some(format!(
            "`Retry-After` is a whole number of seconds; write one, e.g. `example = 30`, not {found}"
        )),
        (Some(Shown::Text(_, _)), _, LitValue::Str(_)) => None,
        (Some(Shown::Text(what, example)), ..) => Some(format!(
            "{what}: write one, e.g. `example = {example}`, not {found}"
        )),
        (None, Kind::Integer { .. }, LitValue::Int(number)) => range(kind, *number),
        (None, Kind::Integer { .. }, _) => Some(format!(
            "`{ty}` is an integer type; write an integer, e.g. `example = 30`, not {found}"
        )),
        (None, Kind::Float, LitValue::Int(_) | LitValue::Float(_)) => None,
        (None, Kind::Float, _) => Some(format!(
            "`{ty}` is a number type; write a number, e.g. `example = 2.5`, not {found}"
        )),
        (None, Kind::Bool, LitValue::Bool(_)) => None,
        (None, Kind::Bool, _) => Some(format!(
            "`{ty}` is `bool`; write `example = true` or `example = false`, not {found}"
        )),
        (None, Kind::Str, LitValue::Str(text))
            if ty.ends_with("char") && text.chars().count() != 1 =>
        {
            Some(format!(
                "`{ty}` holds one character; write one, e.g. `example = \"a\"`"
            ))
        }
        (None, Kind::Str, LitValue::Str(_)) => None,
        (None, Kind::Str, _) => Some(format!(
            "`{ty}` is a string type; write a string, e.g. `example = \"ada@example.com\"`, not {found}"
        )),
        (None, Kind::List(_) | Kind::Map, _) => Some(format!(
            "an example is a single literal, and `{ty}` holds several values; leave `example` out, and documents show a sample of its items"
        )),
        (None, Kind::Unknown, _) => None,
    }
}

/// Why `number` does not fit the integer type `kind`, if it does not.
fn range(kind: &Kind, number: i128) -> Option<String> {
    match kind {
        Kind::Integer { name, min, max } if number < *min || number > *max => Some(format!(
            "the example {number} does not fit in `{name}`, whose values are {min}..={max}"
        )),
        _ => None,
    }
}

/// Whether the message the variant shows (its own, or thiserror's) has a
/// placeholder naming field `index`, called `name`.
fn in_message(variant: &Variant, index: usize, name: &str) -> bool {
    match &variant.message {
        Message::Formatted(template) => template.bindings.iter().any(|(_, field)| *field == index),
        Message::Display(Some(display)) => display.template.as_ref().is_some_and(|template| {
            fmt::placeholder_arguments(&template.value())
                .iter()
                .any(|argument| argument.trim_start_matches("r#") == name)
        }),
        _ => false,
    }
}

fn check_sources(cx: &Ctxt, input: &Input, variant: &Variant) {
    let mut sources = variant.fields.iter().filter_map(|field| field.attrs.source);
    if let (Some(_), Some(second)) = (sources.next(), sources.next()) {
        cx.error_spanned_by(
            second,
            format_args!(
                "`{}` has two `#[source]` fields; an error has one source, keep one",
                variant.ident
            ),
        );
    }
    for field in &variant.fields {
        let Some(from) = field.attrs.from else {
            continue;
        };
        let count = variant.fields.len();
        if count != 1 {
            let owner = if input.is_struct {
                "a struct"
            } else {
                "a variant"
            };
            cx.error_spanned_by(
                from,
                format_args!(
                    "`#[from]` needs {owner} with exactly one field, the error it converts from; `{}` has {count}",
                    variant.ident
                ),
            );
        }
    }
}

/// Two `#[from]` of one type would be two conflicting `From` impls.
fn check_from_types(cx: &Ctxt, input: &Input) {
    let mut seen: BTreeMap<String, &Variant> = BTreeMap::new();
    for variant in &input.variants {
        let Some(field) = variant.field_with_from() else {
            continue;
        };
        let ty = field.ty.to_token_stream().to_string();
        match seen.get(&ty) {
            Some(first) => {
                if let Some(from) = field.attrs.from {
                    cx.error_spanned_by(
                        from,
                        format_args!(
                            "`{}` already converts from `{}` with `#[from]`; a type can be converted from only once, keep one",
                            first.ident,
                            type_name(field.ty)
                        ),
                    );
                }
            }
            None => {
                seen.insert(ty, variant);
            }
        }
    }
}

/// A type as the user would write it: `std::io::Error`, not
/// `std :: io :: Error`.
fn type_name(ty: &syn::Type) -> String {
    let spaced = ty.to_token_stream().to_string();
    [
        (" :: ", "::"),
        (":: ", "::"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
    ]
    .iter()
    .fold(spaced, |text, (from, to)| text.replace(from, to))
}
