//! Rules that need more than one key: every variant has a status, codes are
//! valid and unique, `transparent`, `#[from]` and `#[source]` are used where
//! they make sense.

use std::collections::BTreeMap;

use quote::ToTokens;

use crate::ast::{Field, Input, Variant};
use crate::ctxt::Ctxt;
use crate::fmt;

pub(crate) fn check(cx: &Ctxt, input: &Input) {
    let mut codes = BTreeMap::new();
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            check_transparent(cx, variant);
        } else {
            check_status(cx, input, variant);
            check_code(cx, input, variant, &mut codes);
            check_field_keys(cx, input, variant);
        }
        if input.writes_std_impls() {
            check_sources(cx, input, variant);
        }
        check_client_display(cx, input, variant);
    }
    if input.writes_std_impls() {
        check_from_types(cx, input);
    }
}

fn check_status(cx: &Ctxt, input: &Input, variant: &Variant) {
    // A status (or `transparent`) written with a mistake was reported already.
    let written =
        |attrs: &crate::attr::Attrs| attrs.written("status") || attrs.written("transparent");
    if written(&variant.attrs) || written(&input.attrs) {
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
    if variant.attrs.code.is_none() && variant.attrs.written("code") {
        // An invalid `code` was reported; its default would only mislead.
        return;
    }
    // A struct's `code` is its only code: a case for default codes would
    // change nothing.
    if let (true, Some(code), Some(rename_all)) = (
        input.is_struct,
        &variant.attrs.code,
        &input.attrs.rename_all,
    ) {
        cx.error_spanned_by(
            &rename_all.key,
            format_args!(
                "`rename_all` has no effect: `{}` names the struct's code; keep one",
                code.key
            ),
        );
    }
    let code = input.code(variant);
    let explicit = variant.attrs.code.as_ref().map(|code| &code.value);
    if code.is_empty() {
        match explicit {
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
    if let Some(bad) = forbidden_char(&code) {
        let rule = "codes may use only ASCII letters, digits, `_`, `-`, `.` and `:`";
        match explicit {
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
    let Some(transparent) = &variant.attrs.transparent else {
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
    let attrs = &variant.attrs;
    let others = [
        attrs.status.as_ref().map(|keyed| &keyed.key),
        attrs.code.as_ref().map(|keyed| &keyed.key),
        attrs.message.as_ref().map(|keyed| &keyed.key),
        attrs.title.as_ref().map(|keyed| &keyed.key),
        attrs.type_uri.as_ref().map(|keyed| &keyed.key),
        attrs.www_authenticate.as_ref().map(|keyed| &keyed.key),
    ];
    let field_keys = variant
        .fields
        .iter()
        .flat_map(|field| field.attrs.api_keys());
    for key in others.into_iter().flatten().chain(field_keys) {
        cx.error_spanned_by(
            key,
            format_args!(
                "`{key}` cannot be combined with `transparent`, which takes everything from the inner error"
            ),
        );
    }
}

/// A variant has one sub-error list, one path, one of each header (whether
/// a key of its own sets it, as `retry_after` sets `Retry-After`, or
/// `header` does) and one of each extension member, which a tuple field
/// must name.
fn check_field_keys(cx: &Ctxt, input: &Input, variant: &Variant) {
    let mut seen: Vec<String> = Vec::new();
    let mut note = |what: String, span: &dyn ToTokens| {
        if seen.contains(&what) {
            cx.error_spanned_by(
                span.to_token_stream(),
                format_args!(
                    "{what} is given by two fields of `{}`; keep one",
                    variant.ident
                ),
            );
        } else {
            seen.push(what);
        }
    };
    for field in &variant.fields {
        let attrs = &field.attrs;
        let flags = [
            (&attrs.errors, "the sub-error list (`errors`)"),
            (&attrs.path, "the field path (`path`)"),
            (&attrs.instance, "the `instance`"),
            (&attrs.retry_after, "`Retry-After`"),
            (&attrs.allow, "`Allow`"),
        ];
        for (key, what) in flags {
            if let Some(key) = key {
                note(what.to_owned(), key);
            }
        }
        for header in &attrs.headers {
            let name = header.value.value();
            let what = match name.as_str() {
                "retry-after" => "`Retry-After`".to_owned(),
                "allow" => "`Allow`".to_owned(),
                "www-authenticate" => "`WWW-Authenticate`".to_owned(),
                _ => format!("the header `{name}`"),
            };
            let challenge = [&variant.attrs, &input.attrs]
                .into_iter()
                .find_map(|attrs| attrs.www_authenticate.as_ref());
            if let (Some(challenge), "www-authenticate") = (challenge, name.as_str()) {
                cx.error_spanned_by(
                    &header.value,
                    format_args!(
                        "`WWW-Authenticate` is already set by the `{}` key; keep one of the two",
                        challenge.key
                    ),
                );
            } else {
                note(what, &header.value);
            }
        }
        if let Some(extension) = &attrs.extension
            && extension.value.is_none()
            && let syn::Member::Unnamed(_) = field.member
        {
            cx.error_spanned_by(
                &extension.key,
                "a tuple field has no name to give its member; name it: `#[api(extension = \"balance\")]`",
            );
        } else if let Some(extension) = &attrs.extension {
            let name = extension
                .value
                .as_ref()
                .map_or_else(|| field.name(), syn::LitStr::value);
            let span: &dyn ToTokens = match &extension.value {
                Some(lit) => lit,
                None => &extension.key,
            };
            note(format!("the extension member `{name}`"), span);
        }
    }
}

/// A client error without a `message` shows thiserror's `Display` to the
/// client: it must not be one that can print the error's source, or that
/// the derive cannot see through.
fn check_client_display(cx: &Ctxt, input: &Input, variant: &Variant) {
    let uses_display = variant.attrs.transparent.is_none()
        && variant.template.is_none()
        && input.template.is_none();
    let display = variant
        .attrs
        .thiserror
        .as_ref()
        .or(input.attrs.thiserror.as_ref());
    let (true, Some(display), Some(400..=499)) =
        (uses_display, display, known_status(input, variant))
    else {
        return;
    };
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

/// The status a variant gets, where the derive can read it: a literal, or
/// a `StatusCode` constant.
fn known_status(input: &Input, variant: &Variant) -> Option<u16> {
    let status = variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())?;
    status.value.code()
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
