//! What an invalid input expands to besides its errors.
//!
//! The impls below keep the type usable as an `ApiError` (and an `Error`)
//! elsewhere in the crate, so the user sees the errors in the attribute and
//! not a cascade of "trait not implemented" errors wherever the type is used.
//! Their bodies never run: the crate does not compile.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::DeriveInput;

use crate::expand::call_site_ident;

pub(crate) fn expand(input: &DeriveInput, errors: syn::Error) -> TokenStream {
    let ty = call_site_ident(&input.ident);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // Trivial bounds are unstable; a higher-ranked bound is not trivial. It
    // joins the type's own `where` clause, if it has one.
    let bounded = |bound: TokenStream| {
        let mut generics = input.generics.clone();
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote! {
                for<'__workaround> #ty #ty_generics: #bound
            });
        generics.where_clause
    };
    let error_where = bounded(quote!(::core::error::Error));
    let debug_where = bounded(quote!(::core::fmt::Debug));
    let errors = errors.into_compile_error();
    let api_tokens = api_tokens(input);
    // Another derive (thiserror's), or the type itself (`skip_display`),
    // writes them.
    let skips_display = api_tokens
        .iter()
        .any(|token| matches!(token, TokenTree::Ident(ident) if ident == "skip_display"));
    let others_write_them = skips_display
        || input.attrs.iter().any(|attr| attr.path().is_ident("error"))
        || match &input.data {
            syn::Data::Enum(data) => data.variants.iter().any(|variant| {
                variant
                    .attrs
                    .iter()
                    .any(|attr| attr.path().is_ident("error"))
            }),
            _ => false,
        };
    let std_impls = (!others_write_them).then(|| {
        quote! {
            #[allow(unused_qualifications)]
            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ty #ty_generics #debug_where {}

            #[allow(unused_qualifications)]
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ty #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
        }
    });
    let runtime = runtime_path(&api_tokens);
    quote! {
        #errors

        #[allow(unused_qualifications)]
        #[automatically_derived]
        impl #impl_generics #runtime::ApiError for #ty #ty_generics #error_where {
            fn status(&self) -> #runtime::__private::StatusCode {
                ::core::unreachable!()
            }
            fn code(&self) -> &::core::primitive::str {
                ::core::unreachable!()
            }
            fn fmt_message(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }

        #std_impls
    }
}

/// The tokens inside the type's `#[api(...)]` attributes: the fallback
/// reads the keys it needs from them when the attributes as a whole could
/// not be read.
fn api_tokens(input: &DeriveInput) -> Vec<TokenTree> {
    let lists = input.attrs.iter().filter_map(|attr| match &attr.meta {
        syn::Meta::List(list) if list.path.is_ident("api") => Some(list.tokens.clone()),
        _ => None,
    });
    lists.flatten().collect()
}

/// The runtime crate: `crate = "..."` among the type's keys if it can be
/// read, else `::api_error`.
fn runtime_path(tokens: &[TokenTree]) -> TokenStream {
    for window in tokens.windows(3) {
        if let [
            TokenTree::Ident(key),
            TokenTree::Punct(eq),
            TokenTree::Literal(value),
        ] = window
            && key == "crate"
            && eq.as_char() == '='
            && let Ok(path) = syn::parse_str::<syn::LitStr>(&value.to_string())
                .and_then(|lit| lit.parse::<syn::Path>())
        {
            return quote!(#path);
        }
    }
    quote!(::api_error)
}
