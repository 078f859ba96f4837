//! Rules that need more than one key: every variant has a status, codes are
//! valid and unique, `transparent`, `#[from]` and `#[source]` are used where
//! they make sense.

use std::collections::BTreeMap;

use quote::ToTokens;

use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;

pub(crate) fn check(cx: &Ctxt, input: &Input) {
    let mut codes = BTreeMap::new();
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            check_transparent(cx, variant);
        } else {
            check_status(cx, input, variant);
            check_code(cx, input, variant, &mut codes);
        }
        if !input.uses_thiserror() {
            check_sources(cx, input, variant);
        }
    }
    if !input.uses_thiserror() {
        check_from_types(cx, input);
    }
}

fn check_status(cx: &Ctxt, input: &Input, variant: &Variant) {
    if variant.attrs.status.is_some() || input.attrs.status.is_some() {
        return;
    }
    let message = if input.is_struct {
        format!("`{}` has no status; add `#[api(status = 404)]` with its status", variant.ident)
    } else {
        format!(
            "`{}` has no status; add `#[api(status = 404)]` with its status to the variant, or a default `#[api(status = ...)]` to `{}`",
            variant.ident, input.ident
        )
    };
    cx.error_spanned_by(variant.ident, message);
}

/// The variant that first used each code, and whether it chose it explicitly.
type Codes<'v, 'a> = BTreeMap<String, &'v Variant<'a>>;

fn check_code<'v, 'a>(cx: &Ctxt, input: &Input, variant: &'v Variant<'a>, codes: &mut Codes<'v, 'a>) {
    let code = input.code(variant);
    let explicit = variant.attrs.code.as_ref().map(|code| &code.value);
    if let Some(problem) = invalid_code(&code) {
        match explicit {
            Some(lit) => cx.error_spanned_by(lit, problem),
            None => cx.error_spanned_by(
                variant.ident,
                format_args!(
                    "`{}` gets the default code `{code}`, which is invalid: {problem}; set `code = \"...\"`",
                    variant.ident
                ),
            ),
        }
        return;
    }
    let Some(first) = codes.get(&code) else {
        codes.insert(code, variant);
        return;
    };
    let owner = &input.ident;
    match explicit {
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
    let first_span = match &first.attrs.code {
        Some(code) => code.value.to_token_stream(),
        None => first.ident.to_token_stream(),
    };
    cx.error_spanned_by(
        first_span,
        format_args!("`{}` uses the code `{code}` too", variant.ident),
    );
}

/// What is wrong with `code`, if anything.
pub(crate) fn invalid_code(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("code must not be empty".to_owned());
    }
    let bad = code
        .chars()
        .find(|&ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-' | '.' | ':')))?;
    let bad = match bad {
        ' ' => "a space".to_owned(),
        bad => format!("{bad:?}"),
    };
    Some(format!(
        "code `{code}` contains {bad}; codes may use only ASCII letters, digits, `_`, `-`, `.` and `:`"
    ))
}

fn check_transparent(cx: &Ctxt, variant: &Variant) {
    let Some(transparent) = &variant.attrs.transparent else {
        return;
    };
    match variant.fields.len() {
        1 => {}
        0 => cx.error_spanned_by(
            transparent,
            format_args!("`transparent` needs exactly one field to delegate to; `{}` has none", variant.ident),
        ),
        count => cx.error_spanned_by(
            transparent,
            format_args!(
                "`transparent` needs exactly one field to delegate to; `{}` has {count}",
                variant.ident
            ),
        ),
    }
    let attrs = &variant.attrs;
    let others = [
        attrs.status.as_ref().map(|keyed| &keyed.key),
        attrs.code.as_ref().map(|keyed| &keyed.key),
        attrs.message.as_ref().map(|keyed| &keyed.key),
        attrs.title.as_ref().map(|keyed| &keyed.key),
        attrs.type_uri.as_ref().map(|keyed| &keyed.key),
    ];
    for key in others.into_iter().flatten() {
        cx.error_spanned_by(
            key,
            format_args!(
                "`{key}` cannot be combined with `transparent`, which takes everything from the inner error"
            ),
        );
    }
}

fn check_sources(cx: &Ctxt, input: &Input, variant: &Variant) {
    let mut sources = variant.fields.iter().filter_map(|field| field.attrs.source);
    if let (Some(_), Some(second)) = (sources.next(), sources.next()) {
        cx.error_spanned_by(
            second,
            format_args!("`{}` has two `#[source]` fields; an error has one source, keep one", variant.ident),
        );
    }
    for field in &variant.fields {
        let Some(from) = field.attrs.from else { continue };
        let count = variant.fields.len();
        if count != 1 {
            let owner = if input.is_struct { "a struct" } else { "a variant" };
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
        let Some(field) = variant.field_with_from() else { continue };
        let ty = field.ty.to_token_stream().to_string();
        match seen.get(&ty) {
            Some(first) => {
                if let Some(from) = field.attrs.from {
                    cx.error_spanned_by(
                        from,
                        format_args!(
                            "`{}` already converts from `{}` with `#[from]`; a type can be converted from only once, keep one",
                            first.ident,
                            field.ty.to_token_stream()
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
