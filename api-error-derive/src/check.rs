//! Rules that need more than one key: every variant has a status, codes are
//! valid and unique, `transparent`, `#[from]` and `#[source]` are used where
//! they make sense.

use std::collections::BTreeMap;
use std::mem;

use quote::ToTokens;

use crate::ast::{Code, Contribution, Field, Input, Message, Variant};
use crate::attr::Keys;
use crate::ctxt::Ctxt;
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
