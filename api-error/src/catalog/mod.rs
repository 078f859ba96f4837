//! The static catalog: what each error of an API means.
//!
//! Every derived type has one [`Entry`] per variant, built at compile time:
//! code, status, title, message template, docs link, and the variant's doc
//! comment, its `# Causes` and `# Resolution` sections kept apart.
//! [`ApiError::catalog`](crate::ApiError::catalog) lists the entries a type can produce, those of the
//! errors its transparent variants hold included, and a [`Catalog`]
//!
//! - checks that codes are unique across types
//!   ([`Catalog::check_unique_codes`], [`assert_unique_codes!`](crate::assert_unique_codes)),
//!   and as Google reasons where they are sent as such ([`Catalog::check_reasons`]);
//!
//! and with the `catalog` feature
//!
//! - renders to a Markdown reference page (`Catalog::markdown`), to a
//!   self-contained HTML one with a search box (`Catalog::html`), and to
//!   JSON (`Catalog::to_json`);
//! - checks the API against the error contract kept in its repository
//!   (`Catalog::check_contract`, `assert_contract!`).
//!
//! ```
//! use api_error::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! enum UserError {
//!     /// The user you're trying to create already exists.
//!     #[api(status = 409)]
//!     UserAlreadyExists,
//!     #[api(transparent)]
//!     Request(api_error::RequestError),
//! }
//!
//! let catalog = UserError::catalog();
//! let codes: Vec<&str> = catalog.iter().map(|item| item.entry().code()).collect();
//! assert_eq!(codes[0], "user_already_exists");
//! assert!(codes.contains(&"unexpected_field"));
//! ```

#[cfg(feature = "catalog")]
mod contract;
pub(crate) mod entry;
mod example;
#[cfg(feature = "catalog")]
mod html;
#[cfg(feature = "catalog")]
mod json;
#[cfg(feature = "catalog")]
mod markdown;
mod reasons;
pub(crate) mod shown;
mod unique;

#[cfg(feature = "catalog")]
pub use contract::{CONTRACT_ENV, Change, ContractError};
pub use entry::Entry;
#[cfg(feature = "catalog")]
pub use html::Html;
#[cfg(feature = "catalog")]
pub use markdown::Markdown;
pub use reasons::BadReasons;
pub use shown::{Example, JsonType, Sent};
pub use unique::DuplicateCodes;

use crate::format::DynFormat;

/// The errors a type can produce: its own entries, then those of the errors
/// its transparent variants hold, each once.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    items: Vec<Item>,
}

/// One entry of a [`Catalog`], with the format its errors render with when
/// the caller names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    entry: &'static Entry,
    format: Option<DynFormat>,
    /// The variant of the catalog's own type that produces it: its own
    /// variant, or the transparent variant that holds its type.
    via: Option<&'static str>,
}

impl Item {
    /// The entry.
    pub fn entry(&self) -> &'static Entry {
        self.entry
    }

    /// The format the type names with `#[api(format = ...)]`, if any.
    pub fn format(&self) -> Option<DynFormat> {
        self.format
    }

    /// The variant of the type whose catalog this is that produces the
    /// error: the entry's own variant, or the transparent variant holding
    /// the type that declares it (`Request` for the `missing_field` of
    /// `UsersError::Request(RequestError)`); `None` for a struct's.
    pub fn via(&self) -> Option<&'static str> {
        self.via
    }
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Catalog::default()
    }

    /// The catalog of a derived type: its own `entries`, in variant order,
    /// then `inner`'s, each with the transparent variant that holds it.
    /// `format` is the type's, and applies to `inner`'s entries too, as it
    /// does when such an error is rendered.
    pub(crate) fn derived(
        entries: &'static [Entry],
        format: Option<DynFormat>,
        inner: &[Inner],
    ) -> Catalog {
        let mut items = Vec::with_capacity(entries.len());
        for entry in entries {
            let via = entry.variant();
            items.push(Item { entry, format, via });
        }
        let mut catalog = Catalog { items };
        for (variant, inner) in inner {
            for mut item in inner().items {
                item.format = format.or(item.format);
                item.via = Some(variant);
                catalog.push(item);
            }
        }
        catalog
    }

    /// The errors that the given variants of the catalog's type produce
    /// (see [`Item::via`]): a transparent variant brings every error of the
    /// type it holds. What one operation of an API can answer with; the
    /// `subset!` macro (with the `utoipa` or `aide` feature) names the
    /// variants in a way the compiler checks.
    ///
    /// ```
    /// use api_error::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UserError {
    ///     #[api(status = 403)]
    ///     Banned,
    ///     #[api(status = 409)]
    ///     AlreadyExists,
    ///     #[api(transparent)]
    ///     Request(api_error::RequestError),
    /// }
    ///
    /// let only = UserError::catalog().only(&["AlreadyExists", "Request"]);
    /// let codes: Vec<&str> = only.iter().map(|item| item.entry().code()).collect();
    /// assert_eq!(codes[0], "already_exists");
    /// assert!(!codes.contains(&"banned"));
    /// assert!(codes.contains(&"missing_field"));
    /// ```
    #[must_use]
    pub fn only(&self, variants: &[&str]) -> Catalog {
        let items = self
            .items
            .iter()
            .filter(|item| item.via.is_some_and(|via| variants.contains(&via)))
            .copied()
            .collect();
        Catalog { items }
    }

    /// Adds the items of `other` that this catalog does not have yet.
    pub fn merge(&mut self, other: Catalog) {
        for item in other.items {
            self.push(item);
        }
    }

    /// Keeps the items for which `keep` is true, in order.
    pub fn retain(&mut self, keep: impl FnMut(&Item) -> bool) {
        self.items.retain(keep);
    }

    fn push(&mut self, item: Item) {
        for known in &self.items {
            if std::ptr::eq(known.entry, item.entry) {
                return;
            }
        }
        self.items.push(item);
    }

    /// The items, the type's own first.
    pub fn iter(&self) -> std::slice::Iter<'_, Item> {
        self.items.iter()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the catalog has no entry.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A transparent variant's name, and the catalog of the type it holds.
pub(crate) type Inner = (&'static str, fn() -> Catalog);

/// The catalog of several types, each entry once:
/// `Catalog::from_iter([UserError::catalog(), OrderError::catalog()])`.
impl FromIterator<Catalog> for Catalog {
    fn from_iter<I: IntoIterator<Item = Catalog>>(catalogs: I) -> Self {
        let mut catalog = Catalog::new();
        catalog.extend(catalogs);
        catalog
    }
}

impl Extend<Catalog> for Catalog {
    fn extend<I: IntoIterator<Item = Catalog>>(&mut self, catalogs: I) {
        for other in catalogs {
            self.merge(other);
        }
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'a Item;
    type IntoIter = std::slice::Iter<'a, Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Fails the test if two errors of the given types share a code, naming
/// both: types' own variants and those their transparent variants hold;
/// and if an error sent in Google's error model has a code that makes no
/// reason, or the reason of another ([`Catalog::check_reasons`]).
///
/// ```
/// #[derive(Debug, api_error::ApiError)]
/// enum UserError {
///     #[api(status = 404, code = "user_not_found")]
///     NotFound,
///     #[api(transparent)]
///     Request(api_error::RequestError),
/// }
///
/// // In a `#[test]`:
/// api_error::assert_unique_codes!(UserError, api_error::RequestError);
/// ```
///
/// See [`Catalog::check_unique_codes`].
#[macro_export]
macro_rules! assert_unique_codes {
    ($($ty:ty),+ $(,)?) => {
        let catalog: $crate::Catalog = ::core::iter::FromIterator::from_iter([
            $(<$ty as $crate::ApiError>::catalog()),+
        ]);
        if let ::core::result::Result::Err(duplicates) = catalog.check_unique_codes() {
            ::core::panic!("{}", duplicates);
        }
        if let ::core::result::Result::Err(reasons) = catalog.check_reasons() {
            ::core::panic!("{}", reasons);
        }
    };
}

/// Fails the test if the errors of the given types no longer match the
/// contract kept in the file at `path`, relative to the crate's
/// `Cargo.toml`; `API_ERROR_CONTRACT=overwrite cargo test` accepts them.
///
/// ```no_run
/// #[derive(Debug, api_error::ApiError)]
/// enum UserError {
///     #[api(status = 404, code = "user_not_found")]
///     NotFound,
/// }
///
/// // In a `#[test]`: `errors.json` is next to the crate's `Cargo.toml`.
/// api_error::assert_contract!("errors.json", UserError);
/// ```
///
/// See [`Catalog::check_contract`]. With the `catalog` feature.
#[cfg(feature = "catalog")]
#[macro_export]
macro_rules! assert_contract {
    ($path:literal, $($ty:ty),+ $(,)?) => {
        let catalog: $crate::Catalog = ::core::iter::FromIterator::from_iter([
            $(<$ty as $crate::ApiError>::catalog()),+
        ]);
        let path = ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/", $path);
        if let ::core::result::Result::Err(error) = catalog.check_contract(path) {
            ::core::panic!("{}", error);
        }
    };
}
