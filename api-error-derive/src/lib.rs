//! The derive macro behind [`api_error::ApiError`]; use it through that
//! crate, which documents the attribute.
//!
//! [`api_error::ApiError`]: https://docs.rs/api-error/latest/api_error/derive.ApiError.html

// The pipeline: `ast` mirrors the input and `attr` reads its helper attributes
// (recording errors in a `ctxt::Ctxt` and carrying on; `doc` splits doc
// comments into the catalog's parts), `fmt` checks message
// placeholders (`status` knows `http`'s `StatusCode` constants), `check`
// applies the rules that span several keys, and `expand`
// writes the impls; an invalid input gets `fallback` impls next to its errors.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod doc;
mod expand;
mod fallback;
mod fmt;
mod generics;
mod keys;
mod status;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `api_error::ApiError`; see that crate for the `#[api(...)]`
/// attribute.
#[proc_macro_derive(ApiError, attributes(api, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::default();
    let parsed = ast::Input::from_syn(&cx, input);
    if let Some(parsed) = &parsed {
        check::check(&cx, parsed);
    }
    match (cx.check(), parsed) {
        (Ok(()), Some(parsed)) => expand::expand(&parsed),
        (Err(errors), _) => fallback::expand(input, errors),
        // A union always records an error, so this is not reached.
        (Ok(()), None) => proc_macro2::TokenStream::new(),
    }
}
