//! Code generation for a valid input, one function per generated item.
//!
//! Generated code supplies data and the runtime does the work: each variant
//! becomes a static catalog entry, one `match` maps a value to its entry's
//! index (or, for a transparent variant, to the error it holds), and the
//! trait's methods read from there. Only messages with placeholders, and
//! what fields contribute, get code of their own. Every path names the
//! runtime through `__api_error::__private`, `__api_error` being the
//! `use` at the top of the generated block.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericArgument, Ident, LitStr, PathArguments, Type, WhereClause};

use crate::ast::{Field, Input, Message, Variant};
use crate::attr::{self, Given, Status};
use crate::example;
use crate::fmt::{Placeholder, Placeholders, Template};
use crate::generics::{self, InferredBounds};
use crate::keys::{Contributes, KEYS, MEMBER_BOUND};

pub(crate) fn expand(input: &Input) -> TokenStream {
    let cx = &Cx::new(input);
    let ty = &cx.ty;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let runtime = &input.runtime;
    let status_consts = status_consts(cx);
    let entries = entries(cx);
    let resolve_fn = resolve_fn(cx);
    let messages = messages(cx);
    let message_fn = message_fn(cx);
    let api_where = api_bounds(cx).where_clause(input.generics);
    let api_impl = api_impl(cx, api_where.as_ref());
    let from_remote = from_remote_tail(cx, api_where.as_ref());
    let std_impls = input.writes_std_impls.then(|| {
        let display = display_impl(cx);
        let error = error_impl(cx);
        let from = from_impls(cx);
        quote!(#display #error #(#from)*)
    });
    quote! {
        #[allow(non_upper_case_globals, unused_qualifications)]
        const _: () = {
            // Everything below reaches the runtime crate through this
            // name: `crate = "..."` moves it for a renamed dependency.
            use #runtime as __api_error;

            #(#status_consts)*
            #entries
            #resolve_fn
            #messages
            #message_fn
            #api_impl
            #std_impls

            // The framework impls that api-error's enabled features call for.
            __api_error::__private::integrations! {
                [#impl_generics] [#ty #ty_generics] [#api_where] #from_remote
            }
        };
    }
}

/// What every function below needs: the input, the type's name as
/// generated code spells it, and the index of each variant's entry.
struct Cx<'i, 'a> {
    input: &'i Input<'a>,
    ty: Ident,
    /// The entry of each variant; `None` for a transparent one.
    index: Vec<Option<Literal>>,
    has_transparent: bool,
}

impl<'i, 'a> Cx<'i, 'a> {
    fn new(input: &'i Input<'a>) -> Self {
        let mut next = 0;
        let index = input
            .variants
            .iter()
            .map(|variant| {
                variant.transparent.is_none().then(|| {
                    next += 1;
                    Literal::usize_unsuffixed(next - 1)
                })
            })
            .collect();
        Cx {
            input,
            ty: call_site_ident(input.ident),
            index,
            has_transparent: input.variants.iter().any(|v| v.transparent.is_some()),
        }
    }

    /// The variants with their entry's index; `None` for a transparent one.
    fn variants(&self) -> impl Iterator<Item = (&'i Variant<'a>, Option<&Literal>)> + '_ {
        self.input
            .variants
            .iter()
            .zip(self.index.iter().map(Option::as_ref))
    }

    /// The type with its generics, as written in bounds.
    fn self_ty(&self) -> TokenStream {
        let ty = &self.ty;
        let (_, ty_generics, _) = self.input.generics.split_for_impl();
        quote!(#ty #ty_generics)
    }

    /// The path of a variant in patterns and expressions: `E::V`, or `S`.
    fn path(&self, variant: &Variant) -> TokenStream {
        let ty = &self.ty;
        if self.input.is_struct {
            quote!(#ty)
        } else {
            let ident = variant.ident;
            quote!(#ty::#ident)
        }
    }

    fn has_params(&self) -> bool {
        self.input.generics.type_params().next().is_some()
    }
}

/// The constant a status written as a path is read into, with its check:
/// the type's default is `__STATUS`, a variant's own `__STATUS_<n>`.
fn status_const(variant_index: Option<usize>) -> Ident {
    match variant_index {
        None => format_ident!("__STATUS"),
        Some(index) => format_ident!("__STATUS_{}", index),
    }
}

/// A constant for each status path the derive could not read, asserting
/// that it is 400..=599.
fn status_consts(cx: &Cx) -> Vec<TokenStream> {
    let input = cx.input;
    let default = input.attrs.keys.get("status").map(|given| (None, given));
    let own = input
        .variants
        .iter()
        .enumerate()
        .filter_map(|(index, variant)| {
            let given = variant.attrs.keys.get("status")?;
            Some((Some(index), given))
        });
    let paths = default
        .into_iter()
        .chain(own)
        .filter_map(|(index, given)| match given.status() {
            Some(Status::Path(path)) => Some((status_const(index), path)),
            _ => None,
        });
    paths
        .map(|(name, path)| {
            // A constant panic cannot show the status it found: it names
            // the path.
            let written = path
                .segments
                .iter()
                .map(|segment| segment.ident.to_string());
            let message = format!(
                "status `{}` must be 400..=599 (a client or server error)",
                written.collect::<Vec<_>>().join("::")
            );
            quote_spanned! {path.span()=>
                const #name: __api_error::__private::StatusCode = #path;
                const _: () = ::core::assert!(
                    __api_error::__private::is_error_status(#name),
                    #message,
                );
            }
        })
        .collect()
}

/// The tokens of a variant's status as a `u16`.
fn status_code(variant_index: usize, variant: &Variant) -> TokenStream {
    let Some(status) = variant.status.as_ref().and_then(Given::status) else {
        // check.rs reported the missing status.
        return quote!(500);
    };
    match status {
        Status::Code(code) => quote!(#code),
        // Named still, for rustc to resolve what the user imported.
        Status::Constant(path, _) => {
            quote_spanned!(path.span()=> __api_error::__private::StatusCode::as_u16(&#path))
        }
        Status::Path(_) => {
            // Only a status of its own has a constant of its own.
            let own = variant.attrs.keys.get("status").is_some();
            let name = status_const(own.then_some(variant_index));
            quote!(__api_error::__private::StatusCode::as_u16(&#name))
        }
    }
}

/// The static table of entries, one per variant that is not transparent:
/// each names the variant, its code, status and message, then the parts
/// only some entries have.
fn entries(cx: &Cx) -> TokenStream {
    let input = cx.input;
    let type_name = input.name();
    let entries = input.variants.iter().enumerate();
    let entries = entries.filter(|(_, variant)| variant.transparent.is_none());
    let entries: Vec<TokenStream> = entries
        .map(|(index, variant)| {
            // A struct's entry has no variant.
            let name = if input.is_struct {
                String::new()
            } else {
                variant.name()
            };
            let code = variant.code.as_ref().map_or("", |code| code.text.as_str());
            let status = status_code(index, variant);
            let message = match &variant.message {
                Message::Formatted(template) => template.text.as_str(),
                Message::Fixed(text) => text,
                Message::Display(_) | Message::Reason => "",
            };
            let parts = entry_parts(variant);
            let example = example_message(variant).unwrap_or_default();
            let placeholders = placeholder_names(variant);
            quote!(__entry(#name, #code, #status, #message, #example, #placeholders, #parts))
        })
        .collect();
    let count = entries.len();
    quote! {
        use __api_error::__private::EntryParts as __Parts;
        const fn __entry(
            __variant: &'static ::core::primitive::str,
            __code: &'static ::core::primitive::str,
            __status: u16,
            __message: &'static ::core::primitive::str,
            __example: &'static ::core::primitive::str,
            __placeholders: &'static ::core::primitive::str,
            __parts: __Parts,
        ) -> __api_error::__private::Entry {
            __api_error::__private::entry(#type_name, __variant, __code, __status, __message, __example, __placeholders, __parts)
        }
        static __ENTRIES: [__api_error::__private::Entry; #count] = [#(#entries),*];
    }
}

/// The parts of a variant's entry that only some entries have: those it
/// sets, as `name: value`, then the default.
fn entry_parts(variant: &Variant) -> TokenStream {
    let mut parts = Vec::new();
    let mut part = |name: &str, value: TokenStream| {
        let name = Ident::new(name, Span::call_site());
        parts.push(quote!(#name: #value));
    };
    if let Message::Display(Some(display)) = &variant.message
        && let Some(template) = &display.template
    {
        part("client_message", template.value().into_token_stream());
    }
    let text = |text: &str| (!text.is_empty()).then(|| text.to_token_stream());
    let doc = &variant.attrs.doc;
    let texts = [
        ("title", variant.title.as_deref().and_then(text)),
        ("description", text(&doc.description)),
        ("resolution", text(&doc.resolution)),
        ("type_uri", variant.type_uri.as_deref().and_then(text)),
        ("domain", variant.domain.as_deref().and_then(text)),
        (
            "www_authenticate",
            variant
                .challenge
                .as_ref()
                .and_then(Given::text)
                .map(ToTokens::to_token_stream),
        ),
    ];
    for (name, value) in texts {
        if let Some(value) = value {
            part(name, value);
        }
    }
    if let Some(code) = variant.grpc.as_deref().and_then(attr::grpc_variant) {
        let code = Ident::new(code, Span::call_site());
        part(
            "grpc",
            quote!(::core::option::Option::Some(__api_error::__private::GrpcCode::#code)),
        );
    }
    if !doc.causes.is_empty() {
        let causes = &doc.causes;
        part("causes", quote!(&[#(#causes),*]));
    }
    let (headers, extensions) = shown_by_fields(variant);
    if !headers.is_empty() {
        part("headers", quote!(&[#(#headers),*]));
    }
    if !extensions.is_empty() {
        part("extensions", quote!(&[#(#extensions),*]));
    }
    for (name, method) in [("example_path", "path"), ("example_instance", "instance")] {
        let field = variant.contributions.iter().find(|c| c.answers(method));
        if let Some(contribution) = field {
            let text = variant.example(contribution.field).text();
            part(name, text.into_token_stream());
        }
    }
    if let Some(source) = variant.source_field() {
        part("source_field", source.name().into_token_stream());
    }
    if parts.is_empty() {
        quote!(__Parts::DEFAULT)
    } else {
        quote!(__Parts { #(#parts,)* ..__Parts::DEFAULT })
    }
}

/// The names of the fields a variant's message's placeholders show, in
/// order, separated by commas; empty without placeholders. An argument of
/// every entry rather than one of its parts: cheaper to check than a
/// struct update for each variant with placeholders.
fn placeholder_names(variant: &Variant) -> String {
    let Message::Formatted(template) = &variant.message else {
        return String::new();
    };
    // One name a placeholder, in place, so that positions match the fields
    // `__message` passes.
    let names = template.placeholder_fields().into_iter().map(|field| {
        let field = field.and_then(|field| variant.fields.get(field));
        field.map_or_else(String::new, Field::name)
    });
    names.collect::<Vec<String>>().join(",")
}

/// The headers and the extension members a variant's fields give, as its
/// entry describes them: name, JSON type, example, whether optional.
fn shown_by_fields(variant: &Variant) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let (mut headers, mut extensions) = (Vec::new(), Vec::new());
    for contribution in &variant.contributions {
        let Some(field) = variant.fields.get(contribution.field) else {
            continue;
        };
        let explicit = field.attrs.keys.get("example").and_then(Given::example);
        let json_type = field.kind.json_type(explicit.map(|lit| &lit.value));
        let (json_type, list) = match contribution.kind {
            Contributes::Header { .. } => {
                let json_type = match (contribution.name.as_str(), json_type) {
                    ("retry-after", _) => "Integer",
                    ("allow", _) => "String",
                    (_, json_type @ ("Integer" | "Number" | "Boolean")) => json_type,
                    _ => "String",
                };
                (json_type, &mut headers)
            }
            Contributes::Member => (json_type, &mut extensions),
            Contributes::Answer { .. } => continue,
        };
        let name = &contribution.shown;
        let json_type = Ident::new(json_type, Span::call_site());
        let example = variant.example(contribution.field).tokens();
        let optional = field.optional;
        list.push(quote! {
            __api_error::__private::Sent::new(#name, __api_error::__private::JsonType::#json_type, #example, #optional)
        });
    }
    (headers, extensions)
}

/// A variant's message with each placeholder filled in with its field's
/// example value: its own message's, or thiserror's `#[error]`'s, which a
/// client error shows; `None` for a message without placeholders.
fn example_message(variant: &Variant) -> Option<String> {
    let scratch;
    let template = match &variant.message {
        Message::Formatted(template) => template,
        Message::Display(Some(display)) => {
            let lit = display.template.as_ref()?;
            // thiserror checks its own format string: one the derive
            // cannot read has no example.
            let cx = crate::ctxt::Ctxt::default();
            let placeholders = Placeholders::Fields {
                owner: variant.ident,
                fields: &variant.fields,
            };
            let parsed = Template::parse(&cx, lit, &placeholders);
            let _ = cx.check();
            scratch = parsed.filter(|template| !template.is_static())?;
            &scratch
        }
        _ => return None,
    };
    let field_of = |local: &str| {
        let binding = template.bindings.iter().find(|(name, _)| name == local);
        binding.map(|(_, field)| *field)
    };
    let mut text = String::new();
    let mut pieces = template.pieces.iter();
    for placeholder in &template.placeholders {
        text.push_str(pieces.next().map_or("", String::as_str));
        match placeholder {
            Placeholder::Display(local) => {
                if let Some(field) = field_of(&local.to_string()) {
                    text.push_str(&variant.example(field).text());
                }
            }
            Placeholder::Spec(_, field, spec) => {
                let counts = |field: usize| variant.example(field).text().parse::<usize>().ok();
                text.push_str(&example::format_spec(
                    &variant.example(*field),
                    spec,
                    &counts,
                ));
            }
        }
    }
    for piece in pieces {
        text.push_str(piece);
    }
    Some(text)
}

/// `__resolve`: the entry of a value, or the error a transparent variant
/// holds.
fn resolve_fn(cx: &Cx) -> TokenStream {
    let self_ty = cx.self_ty();
    let fn_generics = generics::bounds_in_where(cx.input.generics);
    let resolve_where = transparent_bounds(cx).where_clause(&fn_generics);
    // The result borrows `__self`, whatever lifetimes the type has.
    let mut resolve_generics = fn_generics;
    resolve_generics
        .params
        .insert(0, syn::parse_quote!('__self));
    let (resolve_generics, _, _) = resolve_generics.split_for_impl();
    let arms = cx.variants().map(|(variant, index)| {
        let path = cx.path(variant);
        match (index, variant.fields.first()) {
            (Some(index), _) => quote!(#path { .. } => #index,),
            // Naming the field's type puts a missing impl's error on it.
            (None, Some(field)) => {
                let member = &field.member;
                let field_ty = field.ty;
                quote! {
                    #path { #member: __inner } => return __api_error::__private::Resolved::Transparent(
                        <#field_ty as __api_error::__private::AsDynApiError<'_>>::as_dyn_api_error(__inner)
                    ),
                }
            }
            // check.rs made sure a transparent variant has one field.
            (None, None) => TokenStream::new(),
        }
    });
    let arms: Vec<TokenStream> = arms.collect();
    // Arms yield an entry's index, which is indexed once: an arm per
    // variant that only names a number is the cheapest to type-check.
    let body = if arms.is_empty() {
        quote!(match *__self {})
    } else if cx.index.iter().all(Option::is_none) {
        quote!(match __self { #(#arms)* })
    } else {
        quote! {
            let __index: usize = match __self { #(#arms)* };
            __api_error::__private::Resolved::Entry {
                entry: &__ENTRIES[__index],
                index: __index,
            }
        }
    };
    quote! {
        #[allow(deprecated)]
        fn __resolve #resolve_generics (
            __self: &'__self #self_ty,
        ) -> __api_error::__private::Resolved<'__self> #resolve_where {
            #body
        }
    }
}

/// `__MESSAGES`: the static pieces of every entry's message, in entry
/// order, end to end in one text, which the runtime escapes for JSON at
/// compile time (one evaluation for the type, not one per variant).
fn messages(cx: &Cx) -> TokenStream {
    let mut text = String::new();
    let mut ends = vec![Literal::usize_unsuffixed(0)];
    let mut starts = vec![Literal::usize_unsuffixed(0)];
    for variant in &cx.input.variants {
        if variant.transparent.is_some() {
            continue;
        }
        let pieces = match &variant.message {
            Message::Formatted(template) => template.pieces.as_slice(),
            Message::Fixed(text) => std::slice::from_ref(text),
            Message::Display(_) | Message::Reason => &[],
        };
        for piece in pieces {
            text.push_str(piece);
            ends.push(Literal::usize_unsuffixed(text.len()));
        }
        starts.push(Literal::usize_unsuffixed(ends.len() - 1));
    }
    let count = ends.len();
    quote! {
        static __MESSAGES: __api_error::__private::Messages = {
            const __TEXT: &::core::primitive::str = #text;
            const __ENDS: [::core::primitive::usize; #count] = [#(#ends),*];
            static __JSON: __api_error::__private::Escaped<
                { __api_error::__private::escaped_len(__TEXT) },
                #count,
            > = __api_error::__private::escape_pieces(__TEXT, &__ENDS);
            __api_error::__private::Messages::new(__TEXT, &__ENDS, &__JSON, &[#(#starts),*])
        };
    }
}

/// `__message`, for the variants whose message is not their entry's text
/// alone: those with placeholders, and those that show thiserror's
/// `Display`.
fn message_fn(cx: &Cx) -> Option<TokenStream> {
    if !cx.input.variants.iter().any(has_message_arm) {
        return None;
    }
    let mut arms = Vec::new();
    let mut rest = false;
    for (variant, index) in cx.variants() {
        let path = cx.path(variant);
        match (&variant.message, index) {
            (Message::Formatted(template), Some(index)) => {
                let bindings = template.bindings.iter().filter_map(|(local, field)| {
                    let member = &variant.fields.get(*field)?.member;
                    Some(quote!(#member: #local))
                });
                let fields = template
                    .placeholders
                    .iter()
                    .map(|placeholder| match placeholder {
                        // A reference to the field, which becomes a
                        // `&dyn Placeholder`: cheaper to check than a
                        // `format_args!` per message. `cargo check` of the
                        // 1,000-variant enum of benches/check-instructions.sh
                        // ran 3,043 million instructions with those, and
                        // runs 2,671 million with these and the pieces'
                        // table, 2,918 million with its compile-time escaping.
                        Placeholder::Display(local) => local.to_token_stream(),
                        Placeholder::Spec(format, ..) => {
                            let format = LitStr::new(format, template.span);
                            quote!(&::core::format_args!(#format))
                        }
                    });
                arms.push(quote! {
                    #path { #(#bindings,)* .. } => __out.template(#index, &[#(#fields),*]),
                });
            }
            (Message::Display(_), Some(index)) => arms.push(quote! {
                #path { .. } => __out.client_display(&__ENTRIES[#index], __self),
            }),
            _ => rest = true,
        }
    }
    let rest = rest.then(|| quote!(_ => __out.resolved(__resolve(__self)),));
    let self_ty = cx.self_ty();
    let fn_generics = generics::bounds_in_where(cx.input.generics);
    let (fn_impl_generics, _, _) = fn_generics.split_for_impl();
    let where_clause = message_bounds(cx).where_clause(&fn_generics);
    Some(quote! {
        #[allow(deprecated)]
        fn __message #fn_impl_generics (
            __self: &#self_ty,
            __out: &mut __api_error::__private::MessageOut<'_, '_>,
        ) -> ::core::fmt::Result #where_clause {
            match __self {
                #(#arms)*
                #rest
            }
            __out.done()
        }
    })
}

/// `__fmt_placeholder`, which `fmt_field` calls: `__message` (or the
/// transparent variant's inner error) writing one placeholder alone. No code
/// per variant: which placeholder shows which field is in the entries.
fn fmt_placeholder_method(cx: &Cx) -> Option<TokenStream> {
    let write = if cx.input.variants.iter().any(has_message_arm) {
        quote!(let _ = __message(self, &mut __out);)
    } else if cx.has_transparent {
        quote!(__out.resolved(__resolve(self));)
    } else {
        return None;
    };
    // A transparent variant asks its inner error by name: that error may
    // answer `fmt_field` without an entry.
    let fmt_field = cx.has_transparent.then(|| {
        quote! {
            fn fmt_field(
                &self,
                __name: &::core::primitive::str,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::option::Option<::core::fmt::Result> {
                __resolve(self).fmt_field(__name, __f, |__index, __f| self.__fmt_placeholder(__index, __f))
            }
        }
    });
    Some(quote! {
        #fmt_field
        fn __fmt_placeholder(
            &self,
            __index: ::core::primitive::usize,
            __f: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::option::Option<::core::fmt::Result> {
            let mut __out = __api_error::__private::MessageOut::placeholder(__f, __index, &__MESSAGES);
            #write
            __out.found()
        }
    })
}

/// Whether `__message` has an arm for `variant`: its message has
/// placeholders, or is thiserror's `Display`.
fn has_message_arm(variant: &Variant) -> bool {
    variant.transparent.is_none()
        && matches!(variant.message, Message::Formatted(_) | Message::Display(_))
}

/// The statements that write the message to the formatter (`Display`,
/// `fmt_message`) and into a body's JSON string (`__message_json`): through
/// `__message` if there is one.
fn write_message(cx: &Cx) -> (TokenStream, TokenStream) {
    if cx.input.variants.iter().any(has_message_arm) {
        (
            quote!(__message(
                self,
                &mut __api_error::__private::MessageOut::formatter(__formatter, &__MESSAGES)
            )),
            quote!(__message(
                self,
                &mut __api_error::__private::MessageOut::json(__out, &__MESSAGES)
            )),
        )
    } else {
        (
            quote!(__resolve(self).fmt_message(__formatter)),
            quote! {
                let mut __out = __api_error::__private::MessageOut::json(__out, &__MESSAGES);
                __out.resolved(__resolve(self));
                __out.done()
            },
        )
    }
}

/// The `ApiError` impl.
fn api_impl(cx: &Cx, api_where: Option<&syn::WhereClause>) -> TokenStream {
    let input = cx.input;
    let ty = &cx.ty;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let (write_message, write_json) = write_message(cx);
    let format_fn = format_fn(cx);
    let fmt_placeholder = fmt_placeholder_method(cx);
    let answers = answer_methods(cx);
    let headers = headers_method(cx);
    let extensions = extensions_method(cx);
    let catalog = catalog_fn(cx);
    quote! {
        #[automatically_derived]
        impl #impl_generics __api_error::ApiError for #ty #ty_generics #api_where {
            fn status(&self) -> __api_error::__private::StatusCode {
                __resolve(self).status()
            }
            fn code(&self) -> &::core::primitive::str {
                __resolve(self).code()
            }
            fn fmt_message(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #write_message
            }
            fn __message_json(&self, __out: &mut __api_error::__private::Vec<u8>) -> ::core::fmt::Result {
                #write_json
            }
            fn title(&self) -> &::core::primitive::str {
                __resolve(self).title()
            }
            fn type_uri(&self) -> &::core::primitive::str {
                __resolve(self).type_uri()
            }
            fn entry(&self) -> ::core::option::Option<&'static __api_error::__private::Entry> {
                __resolve(self).entry()
            }
            #format_fn
            #fmt_placeholder
            #(#answers)*
            #headers
            #extensions
            #catalog
        }
    }
}

/// `format`: the type's `format`, or the inner error's for a transparent
/// variant.
fn format_fn(cx: &Cx) -> Option<TokenStream> {
    let body = match &cx.input.format {
        Some(path) => {
            let of = quote_spanned!(path.span()=> __api_error::__private::DynFormat::of::<#path>());
            quote!(::core::option::Option::Some(#of))
        }
        None if cx.has_transparent => quote!(__resolve(self).format()),
        None => return None,
    };
    Some(quote! {
        fn format(&self) -> ::core::option::Option<__api_error::__private::DynFormat> {
            #body
        }
    })
}

/// `catalog`: the entries, then the catalogs of the transparent fields'
/// types.
fn catalog_fn(cx: &Cx) -> TokenStream {
    let format = match &cx.input.format {
        Some(path) => {
            quote!(::core::option::Option::Some(__api_error::__private::DynFormat::of::<#path>()))
        }
        None => quote!(::core::option::Option::None),
    };
    let inner = cx
        .input
        .variants
        .iter()
        .filter(|variant| variant.transparent.is_some());
    let inner = inner.filter_map(|variant| {
        let field_ty = variant.fields.first()?.ty;
        let name = variant.name();
        Some(quote!((#name, <#field_ty as __api_error::__private::AsDynApiError<'_>>::catalog)))
    });
    quote! {
        fn catalog() -> __api_error::__private::Catalog {
            __api_error::__private::catalog(&__ENTRIES, #format, &[#(#inner),*])
        }
    }
}

/// A `match self` with `arms`, and `fallback` for the variants they leave
/// out.
fn match_self(cx: &Cx, arms: &[TokenStream], fallback: TokenStream) -> TokenStream {
    let rest = (arms.len() < cx.input.variants.len()).then(|| quote!(_ => #fallback,));
    quote! {
        match self {
            #(#arms)*
            #rest
        }
    }
}

/// The methods that fields answer (`errors`, `path`, `instance`: each a
/// row of the table of keys), for the variants with such a field, and
/// through the inner error for transparent ones.
fn answer_methods(cx: &Cx) -> Vec<TokenStream> {
    let answers = KEYS.iter().filter_map(|key| match key.contributes {
        Some(Contributes::Answer {
            method,
            via,
            returns,
            ..
        }) => Some((method, via, returns)),
        _ => None,
    });
    let mut methods = Vec::new();
    for (method, via, returns) in answers {
        let via = Ident::new(via, Span::call_site());
        let as_method = format_ident!("as_{}", method);
        let method_name = method;
        let method = Ident::new(method, Span::call_site());
        let mut arms = Vec::new();
        for variant in &cx.input.variants {
            let path = cx.path(variant);
            for contribution in &variant.contributions {
                let Some(field) = variant.fields.get(contribution.field) else {
                    continue;
                };
                if !contribution.answers(method_name) {
                    continue;
                }
                // Naming the field's type puts a type error on it.
                let (member, field_ty) = (&field.member, field.ty);
                arms.push(quote! {
                    #path { #member: __field, .. } =>
                        <#field_ty as __api_error::__private::#via>::#as_method(__field),
                });
            }
        }
        if arms.is_empty() && !cx.has_transparent {
            continue;
        }
        let returns: TokenStream = returns.parse().unwrap_or_default();
        let body = match_self(cx, &arms, quote!(__resolve(self).#method()));
        methods.push(quote! {
            #[allow(deprecated)]
            fn #method(&self) -> #returns {
                #body
            }
        });
    }
    methods
}

/// The statements that one variant's fields contribute to its headers
/// (`headers`) or else its members, after `leading`, in one arm binding
/// those fields.
fn contributions_arm(
    cx: &Cx,
    variant: &Variant,
    headers: bool,
    leading: Option<TokenStream>,
) -> Option<TokenStream> {
    let mut statements: Vec<TokenStream> = leading.into_iter().collect();
    let mut bound: Vec<usize> = Vec::new();
    for contribution in &variant.contributions {
        let Some(field) = variant.fields.get(contribution.field) else {
            continue;
        };
        let value_ty = option_inner(field.ty).unwrap_or(field.ty);
        let name = &contribution.name;
        let statement = match (contribution.kind, headers) {
            // A header of a fixed name has a writer of its own, which the
            // error for a field of the wrong type then names.
            (
                Contributes::Header {
                    name: Some(_),
                    write,
                    ..
                },
                true,
            ) => {
                let write = Ident::new(write, Span::call_site());
                quote!(__api_error::__private::#write::<#value_ty>(__headers, __value);)
            }
            (
                Contributes::Header {
                    name: None, write, ..
                },
                true,
            ) => {
                let write = Ident::new(write, Span::call_site());
                quote! {
                    __api_error::__private::#write::<#value_ty>(
                        __headers,
                        const { __api_error::__private::HeaderName::from_static(#name) },
                        __value,
                    );
                }
            }
            (Contributes::Member, false) => quote!(__members.insert::<#value_ty>(#name, __value);),
            _ => continue,
        };
        let local = format_ident!("__field_{}", field.name());
        // `Option` fields contribute when `Some`.
        statements.push(match option_inner(field.ty) {
            Some(_) => quote!(if let ::core::option::Option::Some(__value) = #local { #statement }),
            None => quote!({ let __value = #local; #statement }),
        });
        if !bound.contains(&contribution.field) {
            bound.push(contribution.field);
        }
    }
    if statements.is_empty() {
        return None;
    }
    let bindings = bound.iter().filter_map(|&index| {
        let field = variant.fields.get(index)?;
        let (member, local) = (&field.member, format_ident!("__field_{}", field.name()));
        Some(quote!(#member: #local))
    });
    let path = cx.path(variant);
    Some(quote!(#path { #(#bindings,)* .. } => { #(#statements)* }))
}

/// `headers`: a variant's challenge, written as a constant the derive has
/// checked, and the headers its fields send; a transparent variant's come
/// from the inner error.
fn headers_method(cx: &Cx) -> Option<TokenStream> {
    let arms: Vec<TokenStream> =
        cx.input
            .variants
            .iter()
            .filter_map(|variant| {
                let challenge = variant.challenge.as_ref().and_then(Given::text).map(|challenge| {
                quote! {
                    __headers.insert(
                        __api_error::__private::WWW_AUTHENTICATE,
                        const { __api_error::__private::HeaderValue::from_static(#challenge) },
                    );
                }
            });
                contributions_arm(cx, variant, true, challenge)
            })
            .collect();
    if arms.is_empty() && !cx.has_transparent {
        return None;
    }
    let inner = cx
        .has_transparent
        .then(|| quote!(__resolve(self).headers(__headers);));
    let own = (!arms.is_empty()).then(|| match_self(cx, &arms, quote!({})));
    Some(quote! {
        #[allow(deprecated)]
        fn headers(&self, __headers: &mut __api_error::__private::HeaderMap) {
            #inner
            #own
        }
    })
}

/// `extensions`: the members fields add to the body.
fn extensions_method(cx: &Cx) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = cx
        .input
        .variants
        .iter()
        .filter_map(|variant| contributions_arm(cx, variant, false, None))
        .collect();
    if arms.is_empty() && !cx.has_transparent {
        return None;
    }
    let body = match_self(cx, &arms, quote!(__resolve(self).extensions(__members)));
    Some(quote! {
        #[allow(deprecated)]
        fn extensions(&self, __members: &mut __api_error::__private::Members<'_, '_>) {
            #body
        }
    })
}

/// The client's `FromRemote`, as `integrations!` takes it: `from_remote(remote)
/// [where clause] { body }`. The body finds the variant a decoded error is,
/// for the variants a body carries all the fields of (none, or only their
/// `FieldErrors`), then tries each transparent variant's inner type.
fn from_remote_tail(cx: &Cx, api_where: Option<&WhereClause>) -> TokenStream {
    let mut own = Vec::new();
    let mut inner = Vec::new();
    let mut where_clause = api_where.cloned().unwrap_or_else(|| WhereClause {
        where_token: Default::default(),
        predicates: Default::default(),
    });
    for (variant, index) in cx.variants() {
        let path = cx.path(variant);
        match index {
            Some(index) => {
                let fields: Option<Vec<TokenStream>> = variant
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, field)| {
                        let member = &field.member;
                        let errors = variant.contributions.iter().any(|contribution| {
                            contribution.field == i && contribution.answers("errors")
                        });
                        (errors && is_field_errors(field.ty)).then(|| {
                            quote! {
                                #member: ::core::iter::FromIterator::from_iter(
                                    ::core::iter::Iterator::cloned(__remote.errors().iter()),
                                )
                            }
                        })
                    })
                    .collect();
                if let Some(fields) = fields {
                    own.push(quote!(#index => #path { #(#fields),* },));
                }
            }
            None => {
                let Some(field) = variant.fields.first() else {
                    continue;
                };
                let (member, field_ty) = (&field.member, field.ty);
                // Under `for<'_>`, the bound is checked where the impl is
                // used, not here: a transparent field whose type cannot be
                // rebuilt leaves this type without `FromRemote` rather than
                // failing to build once some crate turns `client` on.
                let bound = quote_spanned! {field_ty.span()=>
                    for<'__remote> #field_ty: __api_error::__private::FromRemote
                };
                where_clause.predicates.push(syn::parse_quote!(#bound));
                inner.push(quote! {
                    if let ::core::option::Option::Some(__inner) =
                        <#field_ty as __api_error::__private::FromRemote>::from_remote(__remote)
                    {
                        return ::core::option::Option::Some(#path { #member: __inner });
                    }
                });
            }
        }
    }
    let body = if own.is_empty() {
        quote! {
            #(#inner)*
            ::core::option::Option::None
        }
    } else {
        quote! {
            let __own = match __api_error::__private::remote_index(__remote, &__ENTRIES) {
                #(#own)*
                _ => {
                    #(#inner)*
                    return ::core::option::Option::None;
                }
            };
            ::core::option::Option::Some(__own)
        }
    };
    let where_clause = (!where_clause.predicates.is_empty()).then_some(where_clause);
    quote!(from_remote(__remote) [#where_clause] { #body })
}

/// `Display`, when the derive writes it: the message, or for a variant
/// without one its name and status, so that a log line says which error
/// it was.
fn display_impl(cx: &Cx) -> TokenStream {
    let input = cx.input;
    let (write_message, _) = write_message(cx);
    let mut body = if cx.has_transparent {
        quote! {
            match __resolve(self) {
                __api_error::__private::Resolved::Transparent(__inner) => ::core::fmt::Display::fmt(__inner, __formatter),
                __api_error::__private::Resolved::Entry { .. } => #write_message,
            }
        }
    } else {
        write_message
    };
    let named: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| {
            variant.transparent.is_none() && matches!(variant.message, Message::Reason)
        })
        .map(|variant| {
            let path = cx.path(variant);
            let name = match input.is_struct {
                true => input.name(),
                false => format!("{}::{}", input.name(), variant.name()),
            };
            let text = format!("{name} ({{}})");
            quote!(#path { .. } => ::core::write!(__formatter, #text, __resolve(self).status()),)
        })
        .collect();
    if !named.is_empty() {
        body = match_self(cx, &named, body);
    }
    let ty = &cx.ty;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let display_where = message_bounds(cx).where_clause(input.generics);
    quote! {
        __api_error::__private::derive_writes_display_and_error__add_api_skip_display_to_keep_yours! {
            #impl_generics ::core::fmt::Display for #ty #ty_generics #display_where {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #body
                }
            }
        }
    }
}

/// `Error`, when the derive writes it, with `source`.
fn error_impl(cx: &Cx) -> TokenStream {
    let input = cx.input;
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| variant.transparent.is_none())
        .filter_map(|variant| source_arm(cx, variant))
        .collect();
    let source_fn = (!arms.is_empty() || cx.has_transparent).then(|| {
        let fallback = match cx.has_transparent {
            true => quote!(__resolve(self).source()),
            false => quote!(::core::option::Option::None),
        };
        let body = match_self(cx, &arms, fallback);
        quote! {
            #[allow(deprecated)]
            fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                use __api_error::__private::AsDynError as _;
                #body
            }
        }
    });
    let mut bounds = transparent_bounds(cx);
    for variant in input
        .variants
        .iter()
        .filter(|variant| variant.transparent.is_none())
    {
        if let Some(field) = variant
            .source_field()
            .filter(|field| field.contains_generic)
        {
            let ty = option_inner(field.ty).unwrap_or(field.ty);
            bounds.insert(ty, quote!(::core::error::Error + 'static));
        }
    }
    if cx.has_params() {
        let self_ty = cx.self_ty();
        bounds.insert(&self_ty, quote!(::core::fmt::Debug));
        bounds.insert(&self_ty, quote!(::core::fmt::Display));
    }
    let ty = &cx.ty;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let error_where = bounds.where_clause(input.generics);
    quote! {
        __api_error::__private::derive_writes_display_and_error__add_api_skip_display_to_keep_yours! {
            #impl_generics ::core::error::Error for #ty #ty_generics #error_where {
                #source_fn
            }
        }
    }
}

/// The arm of `source` for a variant with a source field.
fn source_arm(cx: &Cx, variant: &Variant) -> Option<TokenStream> {
    let field = variant.source_field()?;
    let path = cx.path(variant);
    let member = &field.member;
    let source = match option_inner(field.ty) {
        Some(_) => quote!(__source.as_ref()?),
        None => quote!(__source),
    };
    let span = field
        .attrs
        .source
        .map_or_else(|| field.ty.span(), |attr| attr.span());
    // A trait object (`Box<dyn Error>`) is reached through auto-deref,
    // which only a method call does; any other type is named, so that a
    // type that is not an error gets the trait's own message.
    let inner = option_inner(field.ty).unwrap_or(field.ty);
    let dyn_error = if mentions_dyn(inner) {
        quote_spanned!(span=> #source.as_dyn_error())
    } else {
        quote_spanned!(span=> <#inner as __api_error::__private::AsDynError<'_>>::as_dyn_error(#source))
    };
    Some(quote! {
        #path { #member: __source, .. } => ::core::option::Option::Some(#dyn_error),
    })
}

/// A `From` impl for each `#[from]` field.
fn from_impls(cx: &Cx) -> Vec<TokenStream> {
    let ty = &cx.ty;
    let (impl_generics, ty_generics, where_clause) = cx.input.generics.split_for_impl();
    let froms = cx.input.variants.iter().filter_map(|variant| {
        let field = variant.field_with_from()?;
        Some((variant, field, field.attrs.from?))
    });
    froms
        .map(|(variant, field, attr)| {
            let path = cx.path(variant);
            let member = &field.member;
            let (from_ty, value) = match option_inner(field.ty) {
                Some(inner) => (inner, quote!(::core::option::Option::Some(__source))),
                None => (field.ty, quote!(__source)),
            };
            quote_spanned! {attr.span()=>
                #[allow(deprecated, unused_qualifications)]
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#from_ty> for #ty #ty_generics #where_clause {
                    // Spanned at the user's `#[from]`, it is linted as their code.
                    #[inline]
                    fn from(__source: #from_ty) -> Self {
                        #path { #member: #value }
                    }
                }
            }
        })
        .collect()
}

/// The bounds a generic transparent field needs: `ApiError`.
fn transparent_bounds(cx: &Cx) -> InferredBounds {
    let mut bounds = InferredBounds::default();
    for variant in cx
        .input
        .variants
        .iter()
        .filter(|variant| variant.transparent.is_some())
    {
        if let Some(field) = variant
            .fields
            .first()
            .filter(|field| field.contains_generic)
        {
            bounds.insert(field.ty, quote!(__api_error::ApiError));
        }
    }
    bounds
}

/// The bounds writing messages needs: the formatting traits of generic
/// fields in placeholders, `Display` of the type for one shown through
/// thiserror, and the transparent fields'.
fn message_bounds(cx: &Cx) -> InferredBounds {
    let mut bounds = transparent_bounds(cx);
    for variant in cx
        .input
        .variants
        .iter()
        .filter(|variant| variant.transparent.is_none())
    {
        match &variant.message {
            Message::Formatted(template) => {
                for (field, bound) in &template.bounds {
                    if let Some(field) = variant
                        .fields
                        .get(*field)
                        .filter(|field| field.contains_generic)
                    {
                        bounds.insert(field.ty, bound.path());
                    }
                }
            }
            Message::Display(_) if cx.has_params() => {
                bounds.insert(cx.self_ty(), quote!(::core::fmt::Display));
            }
            _ => {}
        }
    }
    bounds
}

/// The bounds of the `ApiError` impl: the messages', what generic fields
/// contribute, and `Error` of a generic type.
fn api_bounds(cx: &Cx) -> InferredBounds {
    let mut bounds = message_bounds(cx);
    for variant in &cx.input.variants {
        for contribution in &variant.contributions {
            let Some(field) = variant
                .fields
                .get(contribution.field)
                .filter(|field| field.contains_generic)
            else {
                continue;
            };
            let value_ty = option_inner(field.ty).unwrap_or(field.ty);
            let bound = match contribution.kind {
                Contributes::Answer { via, .. } => {
                    let via = Ident::new(via, Span::call_site());
                    quote!(__api_error::__private::#via)
                }
                Contributes::Header { bound, .. } => bound.parse().unwrap_or_default(),
                Contributes::Member => MEMBER_BOUND.parse().unwrap_or_default(),
            };
            bounds.insert(value_ty, bound);
        }
    }
    if cx.has_params() {
        bounds.insert(cx.self_ty(), quote!(::core::error::Error));
    }
    bounds
}

/// The type's name as generated code should spell it: resolved at the call
/// site, so that impls on a deprecated type do not warn.
pub(crate) fn call_site_ident(ident: &Ident) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(ident.span().resolved_at(Span::call_site()));
    ident
}

/// Whether `ty` holds a trait object anywhere (`Box<dyn Error + Send>`).
fn mentions_dyn(ty: &Type) -> bool {
    let tokens = ty.to_token_stream().to_string();
    tokens.split_whitespace().any(|token| token == "dyn")
}

/// `T` when `ty` is `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(ty) = ty else { return None };
    let last = ty.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first() {
        Some(GenericArgument::Type(inner)) if arguments.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// Whether `ty` is written `FieldErrors`, the sub-error list a decoded
/// error's sub-errors can be collected into.
fn is_field_errors(ty: &Type) -> bool {
    matches!(ty, Type::Path(ty) if ty.qself.is_none()
        && ty.path.segments.last().is_some_and(|last| last.ident == "FieldErrors" && last.arguments.is_none()))
}
