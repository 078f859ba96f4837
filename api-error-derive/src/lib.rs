//! The derive macro behind `api_error::ApiError`; use it through that
//! crate, which documents the attribute (`api-error/src/derive.md`).
//!
//! # How it is built
//!
//! - `keys` declares every key of `#[api(...)]` once: its name, where it may
//!   be written, how its value is read, an example, and for a field key what
//!   the field contributes (the answer of an `ApiError` method, a header, or
//!   a body member).
//! - `attr` walks each attribute through that table (recording errors in a
//!   `ctxt::Ctxt` and carrying on), with the readers of values; `doc` splits
//!   doc comments into the catalog's parts, `fmt` checks message
//!   placeholders, `status` knows `http`'s `StatusCode` constants.
//! - `ast` mirrors the input and resolves each variant's effective values
//!   once (status, code, title, type URI, challenge, message source, field
//!   contributions), the type's defaults applied.
//! - `check` applies the rules that span several values, reading only the
//!   resolved ones.
//! - `expand` writes one function per generated item; everything it names
//!   in the runtime goes through `api_error::__private`. Messages become
//!   one table per type (`__MESSAGES`): every message's static pieces end
//!   to end in one text, which the runtime escapes for JSON at compile time
//!   (the derive holds no JSON rules), and each variant with placeholders
//!   an arm naming its pieces and fields. An invalid input
//!   gets `fallback` impls next to its errors, so that the user sees the
//!   errors and not a cascade.
//!
//! # Adding a key
//!
//! A field key is one row of `keys::KEYS`, one runtime function, and one ui
//! case. `retry_after` is the row
//!
//! ```text
//! field("retry_after", Kind::Flag, "retry_after", Contributes::Header {
//!     name: Some("retry-after"),
//!     write: "retry_after",
//!     bound: "__api_error::__private::RetryAfter",
//! })
//! ```
//!
//! with the runtime's `headers::retry_after` (re-exported in
//! `__private`; a header of a fixed name is written without its name,
//! one the key names by `headers::insert_display` with it) and its
//! `RetryAfter` trait, whose `on_unimplemented` message
//! a wrong field type gets, and `tests/ui/fields/retry-after-not-a-delay.rs`.
//! From the row alone, the key is parsed, refused with a hint where it does
//! not belong or when misspelt, checked against other fields sending the
//! same header (`header = "Retry-After"` included), bound for a generic
//! field, written into `headers()` and listed in the catalog entry.
//!
//! A key on the type or a variant is a row whose reader returns its value,
//! one line in `ast` resolving it (with the type's default, if it takes
//! one), and where it goes: a field of the runtime's `EntryParts`, written
//! by `expand::entry_parts`. Checks that involve it read the resolved value.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod doc;
mod example;
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
