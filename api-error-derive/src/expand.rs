//! Code generation for a valid input.
//!
//! Generated code supplies data and the runtime does the work: each variant
//! becomes a static catalog [`Entry`](../../api_error/catalog/struct.Entry.html),
//! one `match` maps a value to its entry (or, for a transparent variant, to
//! the error it holds), and the trait's methods read from there. Only
//! messages with placeholders get code of their own.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericArgument, Ident, LitStr, PathArguments, Type};

use crate::ast::{Input, Variant};
use crate::attr::Status;
use crate::fmt::{How, Piece, Template};
use crate::generics::{self, InferredBounds};

pub(crate) fn expand(input: &Input) -> TokenStream {
    let mut out = Expansion::new(input);
    for variant in &input.variants {
        out.variant(variant);
    }
    out.finish()
}

/// Where a variant's public message comes from.
enum Message<'a> {
    /// Its own `message`, with placeholders.
    Formatted(&'a Template),
    /// Its thiserror `Display`, when it is a client error.
    Display,
    /// A fixed text: its own or the type's `message`, or the reason phrase.
    Fixed,
}

struct Expansion<'i, 'a> {
    input: &'i Input<'a>,
    ty: Ident,
    thiserror: bool,
    /// Whether the derive writes `Display`, `Error` and `From`.
    std_impls: bool,
    /// Constants for statuses written as paths, with their range checks.
    status_consts: Vec<TokenStream>,
    /// The type's default status, written once for all the variants using it.
    default_status: Option<TokenStream>,
    entries: Vec<TokenStream>,
    resolve_arms: Vec<TokenStream>,
    message_arms: Vec<TokenStream>,
    /// Whether some variant's message is left to its entry.
    fixed_messages: bool,
    source_arms: Vec<TokenStream>,
    from_impls: Vec<TokenStream>,
    has_transparent: bool,
    /// Match arms of the methods whose answers come from fields.
    fields: FieldArms,
    /// Whether some entry names a `WWW-Authenticate` challenge.
    has_challenge: bool,
    /// The catalogs of the transparent fields' types.
    inner_catalogs: Vec<TokenStream>,
    /// The steps of `from_remote`, one per variant it can rebuild.
    remote_arms: Vec<TokenStream>,
    /// The `Display` arms of the variants with no message, without
    /// thiserror: the type, the variant and the status, for an operator.
    named_displays: Vec<TokenStream>,
    transparent_bounds: InferredBounds,
    message_bounds: InferredBounds,
    source_bounds: InferredBounds,
    /// Bounds that fields with `#[api(...)]` keys put on the `ApiError` impl.
    field_bounds: InferredBounds,
}

/// The arms of `errors`, `path`, `instance`, `headers` and `extensions`, one
/// per variant that has a field for them.
#[derive(Default)]
struct FieldArms {
    errors: Vec<TokenStream>,
    path: Vec<TokenStream>,
    instance: Vec<TokenStream>,
    headers: Vec<TokenStream>,
    extensions: Vec<TokenStream>,
}

impl<'i, 'a> Expansion<'i, 'a> {
    fn new(input: &'i Input<'a>) -> Self {
        let mut expansion = Expansion {
            input,
            ty: call_site_ident(input.ident),
            thiserror: input.uses_thiserror(),
            std_impls: input.writes_std_impls(),
            status_consts: Vec::new(),
            default_status: None,
            entries: Vec::new(),
            resolve_arms: Vec::new(),
            message_arms: Vec::new(),
            fixed_messages: false,
            source_arms: Vec::new(),
            from_impls: Vec::new(),
            has_transparent: false,
            fields: FieldArms::default(),
            has_challenge: false,
            inner_catalogs: Vec::new(),
            remote_arms: Vec::new(),
            named_displays: Vec::new(),
            transparent_bounds: InferredBounds::default(),
            message_bounds: InferredBounds::default(),
            source_bounds: InferredBounds::default(),
            field_bounds: InferredBounds::default(),
        };
        if let Some(status) = &input.attrs.status {
            expansion.default_status = Some(expansion.status(&status.value));
        }
        expansion
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

    fn variant(&mut self, variant: &Variant) {
        let path = self.path(variant);
        if variant.attrs.transparent.is_some() {
            self.transparent(variant, &path);
        } else {
            self.own(variant, &path);
        }
        if self.std_impls {
            self.source(variant, &path);
            self.from(variant, &path);
        }
    }

    fn transparent(&mut self, variant: &Variant, path: &TokenStream) {
        // check.rs made sure there is exactly one field.
        let Some(field) = variant.fields.first() else {
            return;
        };
        self.has_transparent = true;
        let member = &field.member;
        // Naming the field's type puts a missing impl's error on the type.
        let field_ty = field.ty;
        let inner = quote! {
            <#field_ty as __api_error::__private::AsDynApiError<'_>>::as_dyn_api_error(__inner)
        };
        self.resolve_arms.push(quote! {
            #path { #member: __inner } => return __api_error::__private::Target::Inner(#inner),
        });
        self.inner_catalogs.push(quote! {
            <#field_ty as __api_error::__private::AsDynApiError<'_>>::catalog
        });
        self.remote_arms.push(quote! {
            if let ::core::option::Option::Some(__inner) =
                <#field_ty as __api_error::__private::AsDynApiError<'_>>::from_remote(__remote)
            {
                return ::core::option::Option::Some(#path { #member: __inner });
            }
        });
        if field.contains_generic {
            self.transparent_bounds
                .insert(field.ty, quote!(__api_error::ApiError));
        }
        // The inner error writes its own message.
        self.fixed_messages = true;
    }

    fn own(&mut self, variant: &Variant, path: &TokenStream) {
        let index = Literal::usize_unsuffixed(self.entries.len());
        let message = self.message_of(variant);
        let entry = self.entry(variant, &message);
        self.entries.push(entry);
        self.resolve_arms.push(quote! {
            #path { .. } => #index,
        });
        self.remote_arm(variant, path, &index);
        if self.std_impls && variant.template.is_none() && self.input.template.is_none() {
            let name = match self.input.is_struct {
                true => self.input.name(),
                false => format!("{}::{}", self.input.name(), variant.name()),
            };
            let text = format!("{name} ({{}})");
            self.named_displays.push(quote! {
                #path { .. } => ::core::write!(__formatter, #text, __resolve(self).status()),
            });
        }
        match message {
            Message::Formatted(template) => {
                let bindings = template.bindings.iter().filter_map(|(local, field)| {
                    let member = &variant.fields.get(*field)?.member;
                    Some(quote!(#member: #local))
                });
                let calls = template
                    .pieces
                    .iter()
                    .map(|piece| message_call(variant, piece));
                self.message_arms.push(quote! {
                    #path { #(#bindings,)* .. } => { #(#calls)* __out.done() }
                });
                for (field, bound) in &template.bounds {
                    if let Some(field) = variant
                        .fields
                        .get(*field)
                        .filter(|field| field.contains_generic)
                    {
                        self.message_bounds.insert(field.ty, bound.path());
                    }
                }
            }
            Message::Display => {
                self.message_arms.push(quote! {
                    #path { .. } => {
                        __out.client_display(&__ENTRIES[#index], __self);
                        __out.done()
                    }
                });
                if self.input.generics.type_params().next().is_some() {
                    let self_ty = self.self_ty();
                    self.message_bounds
                        .insert(self_ty, quote!(::core::fmt::Display));
                }
            }
            Message::Fixed => self.fixed_messages = true,
        }
        self.field_arms(variant, path);
    }

    /// The step of `from_remote` that rebuilds the variant, if a body
    /// carries all its fields: it has none, or only its `FieldErrors`.
    fn remote_arm(&mut self, variant: &Variant, path: &TokenStream, index: &Literal) {
        let fields: Option<Vec<TokenStream>> = variant
            .fields
            .iter()
            .map(|field| {
                let member = &field.member;
                (field.attrs.errors.is_some() && is_field_errors(field.ty)).then(|| {
                    quote! {
                        #member: ::core::iter::FromIterator::from_iter(
                            ::core::iter::Iterator::cloned(__remote.errors().iter()),
                        )
                    }
                })
            })
            .collect();
        if let Some(fields) = fields {
            self.remote_arms.push(quote! {
                if __remote.is(&__ENTRIES[#index]) {
                    return ::core::option::Option::Some(#path { #(#fields),* });
                }
            });
        }
    }

    /// Arms for what the variant's fields contribute: sub-errors, path,
    /// instance, headers and extension members.
    fn field_arms(&mut self, variant: &Variant, path: &TokenStream) {
        let mut headers = Vec::new();
        let mut members = Vec::new();
        let mut bindings = Vec::new();
        for field in &variant.fields {
            let attrs = &field.attrs;
            let member = &field.member;
            let local = format_ident!("__field_{}", field.name());
            let optional = option_inner(field.ty);
            let value_ty = optional.unwrap_or(field.ty);
            let mut bound = |used: bool, bound: TokenStream| {
                if used && field.contains_generic {
                    self.field_bounds.insert(value_ty, bound);
                }
            };
            bound(
                attrs.errors.is_some(),
                quote!(__api_error::__private::AsErrors),
            );
            bound(
                attrs.instance.is_some(),
                quote!(__api_error::__private::AsInstance),
            );
            bound(
                attrs.retry_after.is_some(),
                quote!(__api_error::headers::RetryAfter),
            );
            bound(attrs.allow.is_some(), quote!(__api_error::headers::Methods));
            bound(!attrs.headers.is_empty(), quote!(::core::fmt::Display));
            bound(
                attrs.extension.is_some(),
                quote!(__api_error::__private::serde::Serialize),
            );

            // Naming the field's type in each call puts a type error on it.
            let ty = field.ty;
            let arm = |value: TokenStream| quote!(#path { #member: #local, .. } => #value,);
            if attrs.errors.is_some() {
                self.fields.errors.push(arm(quote! {
                    <#ty as __api_error::__private::AsErrors>::as_errors(#local)
                }));
            }
            if attrs.path.is_some() {
                self.fields.path.push(arm(quote! {
                    <#ty as __api_error::__private::AsPath>::as_path(#local)
                }));
            }
            if attrs.instance.is_some() {
                self.fields.instance.push(arm(quote! {
                    <#ty as __api_error::__private::AsInstance>::as_instance(#local)
                }));
            }
            // `Option` fields contribute headers and members when `Some`.
            let each = |statement: TokenStream| match optional {
                Some(_) => {
                    quote!(if let ::core::option::Option::Some(__value) = #local { #statement })
                }
                None => quote!({ let __value = #local; #statement }),
            };
            if attrs.retry_after.is_some() {
                headers.push(each(
                    quote!(__api_error::headers::retry_after::<#value_ty>(__headers, __value);),
                ));
            }
            if attrs.allow.is_some() {
                headers.push(each(
                    quote!(__api_error::headers::allow::<#value_ty>(__headers, __value);),
                ));
            }
            for header in &attrs.headers {
                let name = &header.value;
                headers.push(each(quote! {
                    __api_error::headers::insert_display::<#value_ty>(
                        __headers,
                        const { __api_error::__private::HeaderName::from_static(#name) },
                        __value,
                    );
                }));
            }
            if let Some(extension) = &attrs.extension {
                let name = extension
                    .value
                    .as_ref()
                    .map_or_else(|| field.name(), LitStr::value);
                members.push(each(quote!(__members.insert::<#value_ty>(#name, __value);)));
            }
            let contributes = attrs.retry_after.is_some()
                || attrs.allow.is_some()
                || !attrs.headers.is_empty()
                || attrs.extension.is_some();
            if contributes {
                bindings.push(quote!(#member: #local));
            }
        }
        if !headers.is_empty() {
            self.fields
                .headers
                .push(quote!(#path { #(#bindings,)* .. } => { #(#headers)* }));
        }
        if !members.is_empty() {
            self.fields
                .extensions
                .push(quote!(#path { #(#bindings,)* .. } => { #(#members)* }));
        }
    }

    fn message_of<'v>(&self, variant: &'v Variant) -> Message<'v> {
        match &variant.template {
            Some(template) if !template.is_static() => Message::Formatted(template),
            Some(_) => Message::Fixed,
            None if self.input.template.is_some() => Message::Fixed,
            None if self.thiserror => Message::Display,
            None => Message::Fixed,
        }
    }

    /// The static catalog entry of an own variant.
    fn entry(&mut self, variant: &Variant, message: &Message) -> TokenStream {
        let input = self.input;
        let type_name = input.name();
        // A struct's entry has no variant: an empty name says so.
        let variant_name = if input.is_struct {
            String::new()
        } else {
            variant.name()
        };
        let code = input.code(variant);
        let status = match (&variant.attrs.status, &self.default_status) {
            (Some(status), _) => self.status(&status.value),
            (None, Some(default)) => default.clone(),
            // check.rs reported the missing status.
            (None, None) => quote!(500),
        };
        // The constructor takes what nearly every entry has, so that an
        // entry is a single call (a thousand calls are checked and
        // evaluated for a thousand variants); setters add the rest.
        let template = variant.template.as_ref().or(input.template.as_ref());
        let mut entry = match template {
            Some(template) => {
                let text = &template.text;
                quote! {
                    __api_error::__private::Entry::__new_with_message(
                        #type_name, #variant_name, #code, #status, #text,
                    )
                }
            }
            None => quote! {
                __api_error::__private::Entry::__new(#type_name, #variant_name, #code, #status)
            },
        };
        if let Some(title) = &variant.attrs.title {
            let title = title.value.value();
            entry.extend(quote!(.__title(#title)));
        }
        if template.is_none()
            && matches!(message, Message::Display)
            && let Some(template) = thiserror_template(input, variant)
        {
            entry.extend(quote!(.__client_message(#template)));
        }
        let doc = &variant.attrs.doc;
        if !doc.description.is_empty() {
            let description = &doc.description;
            entry.extend(quote!(.__description(#description)));
        }
        if !doc.causes.is_empty() {
            let causes = &doc.causes;
            entry.extend(quote!(.__causes(&[#(#causes),*])));
        }
        if !doc.resolution.is_empty() {
            let resolution = &doc.resolution;
            entry.extend(quote!(.__resolution(#resolution)));
        }
        if let Some(uri) = type_uri(input, variant, &code) {
            entry.extend(quote!(.__type_uri(#uri)));
        }
        let challenge = variant
            .attrs
            .www_authenticate
            .as_ref()
            .or(input.attrs.www_authenticate.as_ref());
        if let Some(challenge) = challenge {
            let challenge = &challenge.value;
            entry.extend(quote!(.__www_authenticate(#challenge)));
            self.has_challenge = true;
        }
        let headers = header_names(variant);
        if !headers.is_empty() {
            entry.extend(quote!(.__headers(&[#(#headers),*])));
        }
        entry
    }

    /// The tokens of a status as a `u16`, adding a checked constant for a
    /// path the derive could not read.
    fn status(&mut self, status: &Status) -> TokenStream {
        match status {
            Status::Code(code) => quote!(#code),
            // Named still, for rustc to resolve what the user imported.
            Status::Constant(path, _) => {
                quote_spanned!(path.span()=> __api_error::__private::StatusCode::as_u16(&#path))
            }
            Status::Path(path) => {
                let name = format_ident!("__STATUS_{}", self.status_consts.len());
                let span = path.span();
                // A constant panic cannot show the status it found: it
                // names the path.
                let written = path
                    .segments
                    .iter()
                    .map(|segment| segment.ident.to_string());
                let message = format!(
                    "status `{}` must be 400..=599 (a client or server error)",
                    written.collect::<Vec<_>>().join("::")
                );
                self.status_consts.push(quote_spanned! {span=>
                    const #name: __api_error::__private::StatusCode = #path;
                    const _: () = ::core::assert!(
                        __api_error::__private::is_error_status(#name),
                        #message,
                    );
                });
                quote!(__api_error::__private::StatusCode::as_u16(&#name))
            }
        }
    }

    fn source(&mut self, variant: &Variant, path: &TokenStream) {
        if variant.attrs.transparent.is_some() {
            return;
        }
        let Some(field) = variant.source_field() else {
            return;
        };
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
        self.source_arms.push(quote! {
            #path { #member: __source, .. } => ::core::option::Option::Some(#dyn_error),
        });
        if field.contains_generic {
            let ty = option_inner(field.ty).unwrap_or(field.ty);
            self.source_bounds
                .insert(ty, quote!(::core::error::Error + 'static));
        }
    }

    fn from(&mut self, variant: &Variant, path: &TokenStream) {
        let Some(field) = variant.field_with_from() else {
            return;
        };
        let Some(attr) = field.attrs.from else { return };
        let ty = &self.ty;
        let (impl_generics, ty_generics, where_clause) = self.input.generics.split_for_impl();
        let member = &field.member;
        let (from_ty, value) = match option_inner(field.ty) {
            Some(inner) => (inner, quote!(::core::option::Option::Some(__source))),
            None => (field.ty, quote!(__source)),
        };
        self.from_impls.push(quote_spanned! {attr.span()=>
            #[allow(deprecated, unused_qualifications)]
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#from_ty> for #ty #ty_generics #where_clause {
                // Spanned at the user's `#[from]`, it is linted as their code.
                #[inline]
                fn from(__source: #from_ty) -> Self {
                    #path { #member: #value }
                }
            }
        });
    }

    fn finish(self) -> TokenStream {
        let input = self.input;
        let ty = &self.ty;
        let self_ty = self.self_ty();
        let generics = input.generics;
        let (impl_generics, ty_generics, _) = generics.split_for_impl();
        let has_params = generics.type_params().next().is_some();

        let status_consts = &self.status_consts;
        let entry_count = self.entries.len();
        let runtime = match &input.attrs.crate_path {
            Some(path) => {
                let path = &path.value;
                quote!(#path)
            }
            None => quote!(::api_error),
        };
        let entries = &self.entries;

        let fn_generics = generics::bounds_in_where(generics);
        let (fn_impl_generics, _, _) = fn_generics.split_for_impl();
        let resolve_where = self.transparent_bounds.where_clause(&fn_generics);
        // The result borrows `__self`, whatever lifetimes the type has.
        let mut resolve_generics = fn_generics.clone();
        resolve_generics
            .params
            .insert(0, syn::parse_quote!('__self));
        let (resolve_generics, _, _) = resolve_generics.split_for_impl();
        let resolve_arms = &self.resolve_arms;
        // Arms yield an entry's index, which is indexed once: an arm per
        // variant that only names a number is the cheapest to type-check.
        let resolve_body = if resolve_arms.is_empty() {
            quote!(match *__self {})
        } else if self.entries.is_empty() {
            quote!(match __self { #(#resolve_arms)* })
        } else {
            quote! {
                let __index: usize = match __self { #(#resolve_arms)* };
                __api_error::__private::Target::Entry(&__ENTRIES[__index])
            }
        };

        let mut message_bounds = InferredBounds::default();
        message_bounds.extend(&self.transparent_bounds);
        message_bounds.extend(&self.message_bounds);
        let message_fn = (!self.message_arms.is_empty()).then(|| {
            let where_clause = message_bounds.where_clause(&fn_generics);
            let arms = &self.message_arms;
            let rest = self
                .fixed_messages
                .then(|| quote!(_ => { __out.resolved(__resolve(__self)); __out.done() }));
            quote! {
                #[allow(deprecated)]
                fn __message #fn_impl_generics (
                    __self: &#self_ty,
                    __out: &mut __api_error::__private::MessageOut<'_, '_>,
                ) -> ::core::fmt::Result #where_clause {
                    use __api_error::__private::{WriteDisplay as _, WriteStr as _};
                    match __self {
                        #(#arms)*
                        #rest
                    }
                }
            }
        });
        // Both write through `__message`: to the formatter for `Display`,
        // into the body's JSON string for formats.
        let (write_message, write_json) = if message_fn.is_some() {
            (
                quote!(__message(
                    self,
                    &mut __api_error::__private::MessageOut::formatter(__formatter)
                )),
                quote!(__message(
                    self,
                    &mut __api_error::__private::MessageOut::json(__out)
                )),
            )
        } else {
            (
                quote!(__resolve(self).fmt_message(__formatter)),
                quote! {
                    let mut __out = __api_error::__private::MessageOut::json(__out);
                    __out.resolved(__resolve(self));
                    __out.done()
                },
            )
        };

        let mut api_bounds = InferredBounds::default();
        api_bounds.extend(&message_bounds);
        api_bounds.extend(&self.field_bounds);
        if has_params {
            api_bounds.insert(&self_ty, quote!(::core::error::Error));
        }
        let api_where = api_bounds.where_clause(generics);
        let format_fn = match &input.attrs.format {
            Some(format) => {
                let path = &format.value;
                let of =
                    quote_spanned!(path.span()=> __api_error::__private::DynFormat::of::<#path>());
                Some(quote! {
                    fn format(&self) -> ::core::option::Option<__api_error::__private::DynFormat> {
                        ::core::option::Option::Some(#of)
                    }
                })
            }
            None if self.has_transparent => Some(quote! {
                fn format(&self) -> ::core::option::Option<__api_error::__private::DynFormat> {
                    __resolve(self).format()
                }
            }),
            None => None,
        };
        let field_methods = self.field_methods();
        let type_format = match &input.attrs.format {
            Some(format) => {
                let path = &format.value;
                quote!(::core::option::Option::Some(__api_error::__private::DynFormat::of::<#path>()))
            }
            None => quote!(::core::option::Option::None),
        };
        let inner_catalogs = &self.inner_catalogs;
        let remote_arms = &self.remote_arms;
        let from_remote = (!remote_arms.is_empty()).then(|| {
            // The runtime crate keeps it only with its `client` feature.
            quote! {
                __api_error::__private::if_client! {
                    #[allow(deprecated)]
                    fn from_remote(
                        __remote: &__api_error::__private::RemoteError,
                    ) -> ::core::option::Option<Self> {
                        #(#remote_arms)*
                        ::core::option::Option::None
                    }
                }
            }
        });
        let std_impls = self
            .std_impls
            .then(|| self.std_impls(&message_bounds, &write_message));
        let from_impls = &self.from_impls;

        quote! {
            #[allow(non_upper_case_globals, unused_qualifications)]
            const _: () = {
                // Everything below reaches the runtime crate through this
                // name: `crate = "..."` moves it for a renamed dependency.
                use #runtime as __api_error;

                #(#status_consts)*

                static __ENTRIES: [__api_error::__private::Entry; #entry_count] = [#(#entries),*];

                #[allow(deprecated)]
                fn __resolve #resolve_generics (
                    __self: &'__self #self_ty,
                ) -> __api_error::__private::Target<'__self> #resolve_where {
                    #resolve_body
                }

                #message_fn

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
                    #field_methods
                    fn catalog() -> __api_error::__private::Catalog {
                        __api_error::__private::Catalog::__derived(&__ENTRIES, #type_format, &[#(#inner_catalogs),*])
                    }
                    #from_remote
                }

                #std_impls
                #(#from_impls)*

                // The framework impls that api-error's enabled features call for.
                __api_error::__private::integrations! {
                    [#impl_generics] [#ty #ty_generics] [#api_where]
                }
            };
        }
    }

    /// The methods answered by fields (`errors`, `path`, `instance`,
    /// `headers`, `extensions`), for the variants with such fields, and by
    /// the inner error for transparent ones.
    fn field_methods(&self) -> TokenStream {
        let fields = &self.fields;
        let all = self.input.variants.len();
        let delegate = self.has_transparent;
        // `_` only when some variant has no arm of its own.
        let rest = |arms: &[TokenStream], fallback: TokenStream| {
            (arms.len() < all).then(|| quote!(_ => #fallback,))
        };
        let answer = |arms: &Vec<TokenStream>, signature: TokenStream, fallback: TokenStream| {
            (!arms.is_empty() || delegate).then(|| {
                let rest = rest(arms, fallback);
                quote! {
                    #[allow(deprecated)]
                    #signature {
                        match self {
                            #(#arms)*
                            #rest
                        }
                    }
                }
            })
        };
        let errors = answer(
            &fields.errors,
            quote!(fn errors(&self) -> &[__api_error::__private::FieldError]),
            quote!(__resolve(self).errors()),
        );
        let path = answer(
            &fields.path,
            quote!(fn path(&self) -> ::core::option::Option<&__api_error::__private::FieldPath>),
            quote!(__resolve(self).path()),
        );
        let instance = answer(
            &fields.instance,
            quote!(fn instance(&self) -> ::core::option::Option<&::core::primitive::str>),
            quote!(__resolve(self).instance()),
        );
        let extensions = answer(
            &fields.extensions,
            quote!(fn extensions(&self, __members: &mut __api_error::__private::Members<'_, '_>)),
            quote!(__resolve(self).extensions(__members)),
        );
        let headers = (!fields.headers.is_empty() || delegate || self.has_challenge).then(|| {
            let arms = &fields.headers;
            let own = (!arms.is_empty()).then(|| {
                let rest = rest(arms, quote!({}));
                quote! {
                    match self {
                        #(#arms)*
                        #rest
                    }
                }
            });
            quote! {
                #[allow(deprecated)]
                fn headers(&self, __headers: &mut __api_error::__private::HeaderMap) {
                    __resolve(self).headers(__headers);
                    #own
                }
            }
        });
        quote!(#errors #path #instance #headers #extensions)
    }

    /// `Display` and `Error`, when thiserror does not provide them.
    fn std_impls(
        &self,
        message_bounds: &InferredBounds,
        write_message: &TokenStream,
    ) -> TokenStream {
        let ty = &self.ty;
        let self_ty = self.self_ty();
        let generics = self.input.generics;
        let (impl_generics, ty_generics, _) = generics.split_for_impl();

        let display_where = message_bounds.where_clause(generics);
        let mut display_body = if self.has_transparent {
            quote! {
                match __resolve(self) {
                    __api_error::__private::Target::Inner(__inner) => ::core::fmt::Display::fmt(__inner, __formatter),
                    __api_error::__private::Target::Entry(_) => #write_message,
                }
            }
        } else {
            write_message.clone()
        };
        // A variant with no message shows its name and status, not the
        // status alone: a log line then says which error it was.
        if !self.named_displays.is_empty() {
            let arms = &self.named_displays;
            let rest =
                (arms.len() < self.input.variants.len()).then(|| quote!(_ => #display_body,));
            display_body = quote! {
                match self {
                    #(#arms)*
                    #rest
                }
            };
        }

        let mut error_bounds = InferredBounds::default();
        error_bounds.extend(&self.transparent_bounds);
        error_bounds.extend(&self.source_bounds);
        if generics.type_params().next().is_some() {
            error_bounds.insert(&self_ty, quote!(::core::fmt::Debug));
            error_bounds.insert(&self_ty, quote!(::core::fmt::Display));
        }
        let error_where = error_bounds.where_clause(generics);
        let covered = self.source_arms.len() == self.input.variants.len();
        let source_fn = (!self.source_arms.is_empty() || self.has_transparent).then(|| {
            let arms = &self.source_arms;
            let rest = (!covered).then(|| {
                if self.has_transparent {
                    quote!(_ => __resolve(self).source(),)
                } else {
                    quote!(_ => ::core::option::Option::None,)
                }
            });
            quote! {
                #[allow(deprecated)]
                fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                    use __api_error::__private::AsDynError as _;
                    match self {
                        #(#arms)*
                        #rest
                    }
                }
            }
        });

        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ty #ty_generics #display_where {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #display_body
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ty #ty_generics #error_where {
                #source_fn
            }
        }
    }
}

/// The type's name as generated code should spell it: resolved at the call
/// site, so that impls on a deprecated type do not warn.
pub(crate) fn call_site_ident(ident: &Ident) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(ident.span().resolved_at(Span::call_site()));
    ident
}

/// The headers a variant's fields send, lowercase.
fn header_names(variant: &Variant) -> Vec<String> {
    let mut names = Vec::new();
    for field in &variant.fields {
        if field.attrs.retry_after.is_some() {
            names.push("retry-after".to_owned());
        }
        if field.attrs.allow.is_some() {
            names.push("allow".to_owned());
        }
        names.extend(
            field
                .attrs
                .headers
                .iter()
                .map(|header| header.value.value()),
        );
    }
    names
}

/// The problem `type` of a variant: its own, or the type's prefix followed by
/// the code.
fn type_uri(input: &Input, variant: &Variant, code: &str) -> Option<String> {
    if let Some(own) = &variant.attrs.type_uri {
        return Some(own.value.value());
    }
    let prefix = input.attrs.type_uri.as_ref()?.value.value();
    Some(prefix + code)
}

/// The format literal of the thiserror `#[error("...")]` on the variant or
/// the type, shown in the catalog as the message template.
fn thiserror_template(input: &Input, variant: &Variant) -> Option<String> {
    let display = variant
        .attrs
        .thiserror
        .as_ref()
        .or(input.attrs.thiserror.as_ref())?;
    display.template.as_ref().map(LitStr::value)
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

/// The statement that writes one piece of a message to `__out` (see
/// `MessageOut`): text, already escaped for JSON too; a field through `fmt`,
/// or, when its type is written like a string, as it is if it really is one
/// (see `MaybeStr`: a type may be named `String` and be another).
fn message_call(variant: &Variant, piece: &Piece) -> TokenStream {
    match piece {
        Piece::Text(text) => {
            let json = json_escaped(text);
            quote!(__out.text(#text, #json);)
        }
        Piece::Field { local, field, how } => match how {
            How::Display
                if variant
                    .fields
                    .get(*field)
                    .is_some_and(|field| is_str(field.ty)) =>
            {
                quote!((&__api_error::__private::MaybeStr(#local)).write_to(__out);)
            }
            How::Display => quote!(__out.display(#local);),
            How::Debug => quote!(__out.debug(#local);),
            How::Spec(lit) => quote!(__out.args(::core::format_args!(#lit));),
        },
    }
}

/// `text` as the inside of a JSON string.
fn json_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => out.push_str(&format!("\\u{:04x}", u32::from(ch))),
            _ => out.push(ch),
        }
    }
    out
}

/// Whether `ty` is written like a string type that needs no formatting:
/// `String`, `&str`, `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`.
fn is_str(ty: &Type) -> bool {
    let is_bare_str =
        |ty: &Type| matches!(ty, Type::Path(ty) if ty.qself.is_none() && ty.path.is_ident("str"));
    match ty {
        Type::Reference(reference) => is_bare_str(&reference.elem),
        Type::Path(ty) if ty.qself.is_none() => {
            let Some(last) = ty.path.segments.last() else {
                return false;
            };
            match &last.arguments {
                PathArguments::None => last.ident == "String",
                PathArguments::AngleBracketed(arguments) => {
                    let wraps = ["Cow", "Box", "Rc", "Arc"]
                        .iter()
                        .any(|name| last.ident == name);
                    let last_type = arguments.args.iter().rev().find_map(|arg| match arg {
                        GenericArgument::Type(ty) => Some(ty),
                        _ => None,
                    });
                    wraps && last_type.is_some_and(is_bare_str)
                }
                PathArguments::Parenthesized(_) => false,
            }
        }
        _ => false,
    }
}

/// Whether `ty` is written `FieldErrors`, the sub-error list a decoded
/// error's sub-errors can be collected into.
fn is_field_errors(ty: &Type) -> bool {
    matches!(ty, Type::Path(ty) if ty.qself.is_none()
        && ty.path.segments.last().is_some_and(|last| last.ident == "FieldErrors" && last.arguments.is_none()))
}
